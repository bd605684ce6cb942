//! Linear time (issue 7): the whole pipeline — `extract_bytes` with numbers
//! and diagnostics on, so decoding, detection, normalization and every
//! extractor run — on 1 MB and on 16 MB of each family, and the 16 MB time
//! must stay within 20× the 1 MB time (16× is linear; the margin absorbs
//! noise on a shared machine). Each time is the minimum of several runs,
//! the sizes alternating, each family in a child process of its own (see
//! `measure_apart`); a family over the bound is measured again, up to three
//! times, and fails only if every measurement is over. The 1 MB time is
//! that of sixteen 1 MB texts in a row, divided by sixteen, their documents
//! all kept (`time_kept`): a 16 MB text's facts (up to 1.3 million) stay in
//! memory until its last block is done, and a 1 MB text's alone fit in the
//! processor's cache; without that, the faster the extraction, the more a
//! ratio measures the cache rather than the algorithm (one run before this
//! change: 4× faster extraction of unterminated quotes, ratio 15.6 → 23.7).
//!
//! Each hostile family's 1 MB must also take at most 4× the corpus's 1 MB
//! (`SLOWER_THAN_CORPUS`): blocks keep the ratio linear even for a search
//! that is quadratic within a block, so the ratio alone misses one.
//!
//! Families: the news corpus (`../shared`), and the hostile ones of
//! BAD_INPUTS: long digit runs, `%` runs, stacked combining marks, repeated
//! award phrases, unterminated quotes, one single line. Then one run over a
//! 100 MB single line must finish, with its peak memory reported and
//! bounded.
//!
//! Timing means nothing in a debug build: there the test says so and
//! returns. `.ci/run` runs it with `cargo test --release --test scaling`.
//! (Performance *figures* are criterion's job, in `benches/`; this is a
//! ratio check.)

mod common;

use std::time::{Duration, Instant};
use vietfacts::{Diagnostics, Extractor};

const MB: usize = 1 << 20;
const BOUND: f64 = 20.0;

/// A hostile family's 1 MB may take at most this many times the corpus's
/// 1 MB (they take 0.1–1.4× now). Text is cut into blocks of 512 KB, so a
/// search quadratic within a block still scales linearly by the 16 MB
/// ratio, only much slower: a full-stop search on a line of unterminated
/// quotes made them 8× the corpus once, with a ratio of 16.8.
const SLOWER_THAN_CORPUS: f64 = 4.0;

/// Measurements of a family (each in a new child process) before its ratio
/// counts as over the bound.
const ATTEMPTS: usize = 3;

fn pipeline() -> Extractor {
    Extractor::builder()
        .with_numbers()
        .diagnostics(Diagnostics::Report)
        .build()
}

/// `unit` repeated to exactly `size` bytes (cut on a char boundary, then
/// padded with spaces).
fn build(unit: &str, size: usize) -> Vec<u8> {
    let mut s = unit.repeat(size / unit.len() + 1);
    let mut cut = size;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    while s.len() < size {
        s.push(' ');
    }
    s.into_bytes()
}

/// The least time of `reps` runs of the pipeline on `bytes`, and the number
/// of facts.
fn time(ex: &Extractor, bytes: &[u8], reps: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut facts = 0;
    for _ in 0..reps {
        let t = Instant::now();
        let doc = ex.extract_bytes(bytes);
        best = best.min(t.elapsed());
        facts = doc.facts.len() + doc.diagnostics.len();
        std::hint::black_box(doc);
    }
    (best, facts)
}

/// The mean time of `n` runs on `bytes` in a row with every document kept
/// until the last is done, and the number of facts of one: `n` small texts
/// whose output adds up to what one text `n` times their size returns, so
/// that both sides of a ratio write and keep the same amount of memory.
fn time_kept(ex: &Extractor, bytes: &[u8], n: usize) -> (Duration, usize) {
    let mut docs = Vec::with_capacity(n);
    let t = Instant::now();
    for _ in 0..n {
        docs.push(ex.extract_bytes(bytes));
    }
    let elapsed = t.elapsed();
    let facts = docs
        .first()
        .map_or(0, |d| d.facts.len() + d.diagnostics.len());
    std::hint::black_box(docs);
    (elapsed / u32::try_from(n.max(1)).unwrap_or(1), facts)
}

/// Peak resident memory of this process so far, from /proc (Linux).
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// The environment variable that makes this test measure one family in a
/// child process (see [`measure_apart`]).
const FAMILY: &str = "VIETFACTS_SCALING_FAMILY";

/// Times the pipeline on `small` (1 MB) and `large` (16 MB), each the least
/// of several runs, the sizes alternating so that a burst of load on a
/// shared machine hits both. Each family is measured in a child process of
/// its own: the allocator's state after another family's 16 MB runs (heap
/// kept, thresholds raised) would otherwise make the 1 MB runs of the next
/// family cheaper than they are in a fresh process, while 16 MB runs always
/// map fresh memory for their output. In the child (`FAMILY` set to this
/// family) it measures and prints; in the parent it runs the child and
/// reads the figures back (`None`: another family's child).
fn measure_apart(
    name: &str,
    ex: &Extractor,
    small: &[u8],
    large: &[u8],
) -> Option<(Duration, usize, Duration, usize)> {
    match std::env::var(FAMILY) {
        Ok(f) if f == name => {
            // Warm up (page faults, lazy statics).
            time(ex, small, 1);
            time(ex, large, 1);
            let (mut t1, mut t16) = (Duration::MAX, Duration::MAX);
            let (mut n1, mut n16) = (0, 0);
            for _ in 0..3 {
                let (t, n) = time_kept(ex, small, 16);
                (t1, n1) = (t1.min(t), n);
                let (t, n) = time(ex, large, 1);
                (t16, n16) = (t16.min(t), n);
            }
            println!(
                "SCALING\t{}\t{n1}\t{}\t{n16}",
                t1.as_nanos(),
                t16.as_nanos()
            );
            Some((t1, n1, t16, n16))
        }
        Ok(_) => None,
        Err(_) => {
            let exe = std::env::current_exe().unwrap_or_default();
            let out = std::process::Command::new(exe)
                .args([
                    "--exact",
                    "sixteen_megabytes_take_at_most_twenty_times_one_megabyte",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(FAMILY, name)
                .output()
                .unwrap_or_else(|e| panic!("cannot run the child for {name}: {e}"));
            let stdout = String::from_utf8_lossy(&out.stdout);
            let line = stdout
                .lines()
                .find_map(|l| l.split_once("SCALING\t").map(|(_, f)| f))
                .unwrap_or_else(|| {
                    panic!(
                        "the child for {name} printed no figures:\n{stdout}\n{}",
                        String::from_utf8_lossy(&out.stderr)
                    )
                });
            let f: Vec<u128> = line.split('\t').filter_map(|x| x.parse().ok()).collect();
            let [t1, n1, t16, n16] = f[..] else {
                panic!("bad figures from the child for {name}: {line}");
            };
            let nanos = |x: u128| Duration::from_nanos(u64::try_from(x).unwrap_or(u64::MAX));
            Some((nanos(t1), n1 as usize, nanos(t16), n16 as usize))
        }
    }
}

#[test]
fn sixteen_megabytes_take_at_most_twenty_times_one_megabyte() {
    if cfg!(debug_assertions) {
        eprintln!(
            "NOTICE: scaling: timing needs an optimized build; run `cargo test --release --test scaling` (.ci/run does)"
        );
        return;
    }
    let mut families: Vec<(&str, String)> = vec![
        ("digit runs", "9".repeat(4096) + " "),
        ("% runs", "%".repeat(512) + " 5%% "),
        ("stacked marks", format!("a{} ", "\u{301}".repeat(200))),
        (
            "award phrases",
            "7 tập thể và 19 cá nhân được Đảng bộ xã tặng Giấy khen vì có thành tích xuất sắc trong công tác xây dựng Đảng. ".to_string(),
        ),
        (
            "unterminated quotes",
            "Dự án “Cầu Nhật Tân mở rộng ".to_string(),
        ),
        (
            "single line",
            "xã Dương Quang vượt 13,6% kế hoạch năm 2017, thu 125,6 tỷ đồng; ".to_string(),
        ),
    ];
    if let Some(shared) = common::shared_root("scaling") {
        let texts = common::corpus_texts(&shared, 300);
        assert!(!texts.is_empty(), "the corpus sample is empty");
        families.insert(0, ("corpus", texts.join("\n")));
    }
    let ex = pipeline();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    // In a child (one family measured) one attempt; in the parent, a family
    // over the bound is measured again in a new child, up to ATTEMPTS
    // times: a burst of load on a shared machine passes, a superlinear
    // algorithm fails every time.
    let attempts = if std::env::var(FAMILY).is_ok() {
        1
    } else {
        ATTEMPTS
    };
    // The least 1 MB time of each family measured here.
    let mut one_mb: Vec<(&str, f64)> = Vec::new();
    for (name, unit) in &families {
        let small = build(unit, MB);
        let large = build(unit, 16 * MB);
        let mut ratios = Vec::new();
        for _ in 0..attempts {
            let Some((t1, n1, t16, n16)) = measure_apart(name, &ex, &small, &large) else {
                break;
            };
            match one_mb.iter_mut().find(|(n, _)| n == name) {
                Some((_, t)) => *t = t.min(t1.as_secs_f64()),
                None => one_mb.push((name, t1.as_secs_f64())),
            }
            let ratio = t16.as_secs_f64() / t1.as_secs_f64().max(1e-9);
            let line = format!(
                "{name:>20}: 1 MB {:>8.1} ms ({n1} items), 16 MB {:>9.1} ms ({n16} items), ratio {ratio:.1}",
                t1.as_secs_f64() * 1e3,
                t16.as_secs_f64() * 1e3
            );
            eprintln!("{line}");
            report.push(line);
            ratios.push(ratio);
            // Measured again when over either bound (the corpus comes
            // first, so its time is known here).
            let slow = one_mb
                .iter()
                .find(|(n, _)| *n == "corpus")
                .is_some_and(|&(_, c)| t1.as_secs_f64() > SLOWER_THAN_CORPUS * c);
            if ratio <= BOUND && !slow {
                break;
            }
        }
        if !ratios.is_empty() && ratios.iter().all(|r| *r > BOUND) {
            let all: Vec<String> = ratios.iter().map(|r| format!("{r:.1}")).collect();
            failures.push(format!("{name}: ratio {} > {BOUND}", all.join(", ")));
        }
    }
    // Per megabyte against the corpus (in the parent, which measured them
    // all; a child measures one family).
    if let Some(&(_, corpus)) = one_mb.iter().find(|(n, _)| *n == "corpus") {
        for &(name, t) in &one_mb {
            let times = t / corpus.max(1e-9);
            eprintln!("{name:>20}: 1 MB in {times:.2}× the corpus's time");
            if times > SLOWER_THAN_CORPUS {
                failures.push(format!(
                    "{name}: 1 MB in {times:.1}× the corpus's time (bound {SLOWER_THAN_CORPUS}×)"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "not linear, or too slow:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_hundred_megabyte_single_line_finishes() {
    if cfg!(debug_assertions) {
        eprintln!("NOTICE: scaling: the 100 MB line runs in optimized builds only");
        return;
    }
    // News text with its line breaks made spaces: one 100 MB line.
    let unit = match common::shared_root("scaling") {
        Some(shared) => common::corpus_texts(&shared, 300)
            .join(" ")
            .replace(['\n', '\r'], " "),
        None => "Năm 2017, Đảng bộ xã Dương Quang có 7 tập thể và 19 cá nhân được tặng Giấy khen; "
            .to_string(),
    };
    let line = build(&unit, 100 * MB);
    assert!(!line.contains(&b'\n'));
    let before = peak_rss_mb();
    let t = Instant::now();
    let doc = Extractor::new().extract_bytes(&line);
    let elapsed = t.elapsed();
    let peak = peak_rss_mb();
    eprintln!(
        "100 MB single line: {:.1} s, {} facts, {} sentences, peak RSS {:?} MB (before: {:?} MB)",
        elapsed.as_secs_f64(),
        doc.facts.len(),
        doc.sentences.len(),
        peak,
        before
    );
    assert!(doc.facts.len() > 100_000, "{} facts", doc.facts.len());
    // Memory stays linear: under 40 bytes of peak per input byte.
    if let Some(peak) = peak {
        assert!(peak < 4000, "peak RSS {peak} MB for a 100 MB line");
    }
    assert!(
        elapsed < Duration::from_secs(400),
        "100 MB took {elapsed:?}"
    );
}
