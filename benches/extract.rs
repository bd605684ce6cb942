//! Extraction throughput on the real corpus: each fact kind alone, all the
//! default kinds, with numbers, and the full pipeline `bytes → Document`
//! (decode, normalize, extract), beside `str::from_utf8` and
//! `unicode_normalization::is_nfc_quick` over the same bytes in the same run.
//! Every bench asserts its fact count first. Construction is measured twice:
//! `construct` (warm: the tables exist, as for every extractor after the
//! first in a process) and `construct-cold` (the first extractor of a fresh
//! process, which builds every table and lexicon: each sample runs this
//! bench's own executable in a child process that times one
//! `Extractor::new()` and prints the nanoseconds).
//!
//! `cargo bench --bench extract` — figures in benches/README.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use std::hint::black_box;
use std::time::Duration;
use vietfacts::{Extractor, FactKind};

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let Some(articles) = corpus::articles() else {
        return;
    };
    let bytes: u64 = articles.iter().map(|a| a.len() as u64).sum();
    let mut g = c.benchmark_group("extract");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(BenchmarkId::new("reference/from_utf8", "corpus"), |b| {
        b.iter(|| {
            articles
                .iter()
                .filter(|a| std::str::from_utf8(black_box(a.as_bytes())).is_ok())
                .count()
        })
    });
    g.bench_function(BenchmarkId::new("reference/is_nfc_quick", "corpus"), |b| {
        b.iter(|| {
            articles
                .iter()
                .filter(|a| {
                    unicode_normalization::is_nfc_quick(black_box(a.as_str()).chars())
                        == unicode_normalization::IsNormalized::Yes
                })
                .count()
        })
    });
    let count =
        |ex: &Extractor| -> usize { articles.iter().map(|a| ex.extract(a).facts.len()).sum() };
    let mut setups: Vec<(String, Extractor)> = FactKind::ALL
        .iter()
        .map(|k| {
            (
                k.name().to_string(),
                Extractor::builder().kinds([*k]).build(),
            )
        })
        .collect();
    setups.push(("default-kinds".into(), Extractor::new()));
    setups.push((
        "default-kinds+numbers".into(),
        Extractor::builder().with_numbers().build(),
    ));
    for (name, ex) in &setups {
        let n = count(ex);
        eprintln!("extract/{name}: {n} facts over the corpus");
        let floor = min_facts(name);
        assert!(n >= floor, "{name}: {n} facts, fewer than {floor}");
        g.bench_function(BenchmarkId::new(name.as_str(), "corpus"), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| ex.extract(black_box(a)).facts.len())
                    .sum::<usize>()
            })
        });
    }
    let ex = Extractor::new();
    g.bench_function(BenchmarkId::new("pipeline/bytes", "corpus"), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| ex.extract_bytes(black_box(a.as_bytes())).facts.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let seed = corpus::seed();
    let mut g = c.benchmark_group("extract-seed");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    assert!(ex.extract(&seed).facts.len() >= 7);
    g.bench_function("pipeline/bytes", |b| {
        b.iter(|| ex.extract_bytes(black_box(seed.as_bytes())).facts.len())
    });
    g.bench_function("construct", |b| b.iter(Extractor::new));
    g.bench_function("construct-cold", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| cold_construction()).sum())
    });
    g.finish();
}

/// The fewest facts each setup must find over the whole corpus (about 90 %
/// of what it found when the figures in benches/README.md were taken): a
/// bench that extracts little measures little.
fn min_facts(setup: &str) -> usize {
    match setup {
        "percentage" => 7_000,
        "money" => 10_000,
        "date" => 27_000,
        "count" => 50_000,
        "number" => 170_000,
        "award" => 450,
        "project" => 4_300,
        "place" => 28_000,
        "organization" => 48_000,
        "title" => 1_200,
        "event" => 2_100,
        "default-kinds" => 180_000,
        _ => 300_000,
    }
}

/// The environment variable that makes this executable time one cold
/// construction and exit.
const COLD: &str = "VIETFACTS_BENCH_COLD_CONSTRUCT";

/// Runs this executable in a child process that times its first
/// `Extractor::new()`.
fn cold_construction() -> Duration {
    let exe = std::env::current_exe().unwrap_or_default();
    let out = std::process::Command::new(exe)
        .env(COLD, "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run the cold-construction child: {e}"));
    let nanos: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("the cold-construction child printed no time: {e}"));
    Duration::from_nanos(nanos)
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os(COLD).is_some() {
        let t = std::time::Instant::now();
        let ex = Extractor::new();
        let d = t.elapsed();
        // The extractor must be whole: it finds the facts of a sentence.
        assert_eq!(
            ex.extract("Năm 2017, 7 tập thể được tặng Giấy khen.")
                .facts
                .len(),
            3
        );
        println!("{}", d.as_nanos());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
