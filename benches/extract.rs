//! Extraction throughput on the real corpus: each fact kind alone, all the
//! default kinds, with numbers, and the full pipeline `bytes → Document`
//! (decode, normalize, extract), beside `str::from_utf8` over the same bytes
//! in the same run. Every bench asserts its fact count first.
//!
//! `cargo bench --bench extract` — figures in benches/README.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
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
        assert!(n > 1_000, "{name}: only {n} facts");
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
