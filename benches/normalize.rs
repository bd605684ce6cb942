//! Normalization throughput on the real corpus, beside two references
//! measured in the same run over the same bytes: `str::from_utf8` (the cost
//! of merely reading the text) and `unicode_normalization::is_nfc_quick`.
//!
//! `cargo bench --bench normalize` — figures and their ratios go to
//! benches/README.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use vietfacts::{Normalizer, ToneStyle};

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let Some(text) = corpus::corpus_text() else {
        return;
    };
    let traditional = Normalizer::new();
    let modern = Normalizer::builder().tone(ToneStyle::Modern).build();

    // Inputs, each checked before timing so a bench never measures nothing.
    // 1. The corpus as it is (99.3% of articles NFC; vntc has old-style tones).
    //    Normalized once, so the timed input is fully canonical: the fast path.
    let canonical = traditional.normalize(&text).as_str().to_string();
    assert!(traditional.normalize(&canonical).is_borrowed());
    assert!(unicode_normalization::is_nfc(&canonical));
    // is_nfc_quick never stops early on it (it returns early only on "No").
    assert_ne!(is_nfc_quick(canonical.chars()), IsNormalized::No);
    // 2. The same text in NFD: every toned letter decomposed.
    let nfd: String = canonical.nfd().collect();
    assert!(nfd.len() > canonical.len() + 5_000_000);
    assert_eq!(traditional.normalize(&nfd).as_str(), canonical);
    // 3. The same text with modern ("old-style" for the press) tones, which the
    //    traditional normalizer rewrites.
    let modern_text = modern.normalize(&canonical).as_str().to_string();
    let rewritten = traditional.normalize(&modern_text);
    assert_eq!(rewritten.as_str(), canonical);
    let tone_edits = rewritten.offsets().edits().len();
    assert!(tone_edits > 10_000, "only {tone_edits} tone rewrites");

    let mut g = c.benchmark_group("normalize");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(canonical.len() as u64));
    g.bench_function(BenchmarkId::new("reference/from_utf8", "corpus-nfc"), |b| {
        b.iter(|| std::str::from_utf8(black_box(canonical.as_bytes())).is_ok())
    });
    g.bench_function(
        BenchmarkId::new("reference/is_nfc_quick", "corpus-nfc"),
        |b| b.iter(|| is_nfc_quick(black_box(canonical.as_str()).chars()) == IsNormalized::Yes),
    );
    g.bench_function(BenchmarkId::new("normalize", "corpus-nfc"), |b| {
        b.iter(|| traditional.normalize(black_box(&canonical)).is_borrowed())
    });
    g.bench_function(BenchmarkId::new("key", "corpus-nfc"), |b| {
        b.iter(|| traditional.key(black_box(&canonical)).as_str().len())
    });
    g.throughput(Throughput::Bytes(modern_text.len() as u64));
    g.bench_function(BenchmarkId::new("normalize", "corpus-modern-tones"), |b| {
        b.iter(|| {
            traditional
                .normalize(black_box(&modern_text))
                .as_str()
                .len()
        })
    });
    g.throughput(Throughput::Bytes(nfd.len() as u64));
    g.bench_function(
        BenchmarkId::new("reference/is_nfc_quick", "corpus-nfd"),
        |b| b.iter(|| is_nfc_quick(black_box(nfd.as_str()).chars()) == IsNormalized::Yes),
    );
    g.bench_function(BenchmarkId::new("reference/nfc", "corpus-nfd"), |b| {
        b.iter(|| black_box(nfd.as_str()).nfc().count())
    });
    g.bench_function(BenchmarkId::new("normalize", "corpus-nfd"), |b| {
        b.iter(|| traditional.normalize(black_box(&nfd)).as_str().len())
    });
    g.finish();

    let seed = corpus::seed();
    let mut g = c.benchmark_group("normalize-seed");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    let seed = traditional.normalize(&seed).as_str().to_string();
    assert!(traditional.normalize(&seed).is_borrowed());
    g.bench_function("normalize", |b| {
        b.iter(|| traditional.normalize(black_box(&seed)).is_borrowed())
    });
    g.bench_function("reference/is_nfc_quick", |b| {
        b.iter(|| is_nfc_quick(black_box(seed.as_str()).chars()) == IsNormalized::Yes)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
