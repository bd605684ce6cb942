//! Decoding throughput: valid UTF-8 (the 36 MB corpus) beside
//! `str::from_utf8` over the same bytes in the same run, and each legacy
//! encoding (a fixed 4 MB slice of the corpus, converted by glibc `iconv`
//! and GNU `recode` at bench start) with detection.
//!
//! `cargo bench --bench decode` — figures in benches/README.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;
use vietfacts::{Encoding, decode, decode_as};

#[path = "corpus.rs"]
mod corpus;

/// Converts UTF-8 text with an external tool; `None` if the tool is missing.
fn convert(cmd: &str, args: &[&str], text: &str) -> Option<Vec<u8>> {
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    let _ = writer.join();
    (!out.stdout.is_empty()).then_some(out.stdout)
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus::corpus_text() else {
        return;
    };

    let mut g = c.benchmark_group("decode");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6));
    g.throughput(Throughput::Bytes(text.len() as u64));
    assert_eq!(decode(text.as_bytes()).encoding(), Encoding::Utf8);
    g.bench_function(BenchmarkId::new("reference/from_utf8", "corpus"), |b| {
        b.iter(|| std::str::from_utf8(black_box(text.as_bytes())).is_ok())
    });
    g.bench_function(BenchmarkId::new("auto", "corpus-utf-8"), |b| {
        b.iter(|| decode(black_box(text.as_bytes())).text().len())
    });
    g.bench_function(BenchmarkId::new("utf-8", "corpus-utf-8"), |b| {
        b.iter(|| {
            decode_as(black_box(text.as_bytes()), Encoding::Utf8)
                .text()
                .len()
        })
    });

    // A fixed slice: the first 4 MB of the corpus, cut at a char boundary.
    let mut end = 4_000_000.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let slice = &text[..end];
    let legacy: [(Encoding, &str, &[&str]); 4] = [
        (
            Encoding::Tcvn3,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "TCVN5712-1"],
        ),
        (
            Encoding::Viscii,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "VISCII"],
        ),
        (
            Encoding::Cp1258,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "CP1258"],
        ),
        (Encoding::Vni, "recode", &["-f", "utf8..VNI"]),
    ];
    for (enc, cmd, args) in legacy {
        let Some(bytes) = convert(cmd, args, slice) else {
            eprintln!("NOTICE: {cmd} missing; {} bench skipped", enc.name());
            continue;
        };
        // Checked before timing: detected right, and mostly Vietnamese.
        let d = decode(&bytes);
        assert_eq!(d.encoding(), enc, "detection of {}", enc.name());
        assert!(
            d.text().len() > bytes.len(),
            "{} decoded to too little",
            enc.name()
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(
            BenchmarkId::new("auto", format!("slice-{}", enc.name())),
            |b| b.iter(|| decode(black_box(&bytes)).text().len()),
        );
        g.bench_function(
            BenchmarkId::new(enc.name(), format!("slice-{}", enc.name())),
            |b| b.iter(|| decode_as(black_box(&bytes), enc).text().len()),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
