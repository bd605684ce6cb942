//! Data-driven vectors for `date` facts: every `tests/data/dates/*.jsonl`
//! (absolute dates, ranges, times, relative dates with and without a
//! reference date, negatives, BAD_INPUTS class 34, numbers in words).
//!
//! Each line: `text`, optional `reference_date` (YYYY-MM-DD), optional
//! `needs: "words"` (waits for the number grammar's words), `expect`: the
//! date facts, in order, each with its `text` (normalized surface),
//! optional `rule`, and its fields. The date fields (`year`, `month`, `day`,
//! `quarter`, `hour`, `minute`, `end`, `relative`, `weekday`, `lunar`) must
//! be exactly those listed: an unlisted field must be absent, so a guessed
//! year fails. An empty `expect` is a negative case. Every fact's span must
//! slice the input to a string that normalizes to its `text`. All failures
//! are reported at once.

use serde_json::{Map, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use vietfacts::{Extractor, FactKind, FactValue, Normalizer};

const DATE_FIELDS: [&str; 10] = [
    "year", "month", "day", "quarter", "hour", "minute", "end", "relative", "weekday", "lunar",
];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dates")
}

/// Has the number grammar learned words yet? (`mười lăm` → 15.)
fn words_grammar() -> bool {
    let doc = Extractor::builder()
        .kinds([FactKind::Number])
        .build()
        .extract("mười lăm");
    doc.facts
        .iter()
        .any(|f| matches!(&f.value, FactValue::Number(n) if n.value == 15.0))
}

fn extractor(v: &Value) -> Result<Extractor, String> {
    let mut b = Extractor::builder().kinds([FactKind::Date]);
    if let Some(d) = v.get("reference_date").and_then(Value::as_str) {
        b = b.reference_date(d.parse().map_err(|e: vietfacts::Error| e.to_string())?);
    }
    Ok(b.build())
}

fn check_line(line: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = v["text"].as_str().ok_or("no text")?;
    let doc = extractor(&v)?.extract(text);
    let n = Normalizer::new();
    let mut got = Vec::new();
    for f in &doc.facts {
        let surface = text
            .get(f.span.range())
            .ok_or(format!("span {:?} off char boundaries", f.span))?;
        if n.normalize(surface).as_str() != f.text {
            return Err(format!(
                "span {:?} = {surface:?} does not normalize to {:?}",
                f.span, f.text
            ));
        }
        let value = serde_json::to_value(f).map_err(|e| e.to_string())?;
        got.push(value);
    }
    let expect = v["expect"].as_array().ok_or("no expect")?;
    let show = |facts: &[Value]| {
        facts
            .iter()
            .map(|f| {
                let mut f = f.as_object().cloned().unwrap_or_default();
                f.remove("span");
                f.remove("kind");
                Value::Object(f).to_string()
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if got.len() != expect.len() {
        return Err(format!(
            "expected {} facts, got {}: [{}]",
            expect.len(),
            got.len(),
            show(&got)
        ));
    }
    for (g, e) in got.iter().zip(expect) {
        let e: &Map<String, Value> = e.as_object().ok_or("expected fact is not an object")?;
        if g["text"] != e["text"] {
            return Err(format!("expected {}, got [{}]", e["text"], show(&got)));
        }
        if let Some(rule) = e.get("rule") {
            if &g["rule"] != rule {
                return Err(format!("{}: rule {} ≠ {}", e["text"], g["rule"], rule));
            }
        }
        for field in DATE_FIELDS {
            let want = e.get(field).unwrap_or(&Value::Null);
            let have = g.get(field).unwrap_or(&Value::Null);
            if want != have {
                return Err(format!(
                    "{}: {field} = {have}, expected {want} (got [{}])",
                    e["text"],
                    show(&got)
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn date_vectors() {
    let words = words_grammar();
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("tests/data/dates")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut waiting = Vec::new();
    let mut total = 0;
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let data = std::fs::read_to_string(path).expect("read vectors");
        for (i, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            total += 1;
            let needs_words = line.contains("\"needs\": \"words\"");
            if let Err(e) = check_line(line) {
                let text = serde_json::from_str::<Value>(line)
                    .ok()
                    .and_then(|v| v["text"].as_str().map(str::to_string))
                    .unwrap_or_default();
                let msg = format!("{name}:{}: {text:?}: {e}", i + 1);
                if needs_words && !words {
                    waiting.push(msg);
                } else {
                    failures.push(msg);
                }
            }
        }
    }
    println!("{total} date vectors in {} files", files.len());
    if !waiting.is_empty() {
        println!(
            "NOTICE: {} vectors wait for numbers in words in the number grammar:",
            waiting.len()
        );
        for w in &waiting {
            println!("  {w}");
        }
    }
    assert!(total >= 120, "only {total} vectors");
    assert!(
        failures.is_empty(),
        "{} of {total} date vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Adversarial inputs: long runs of what date rules start on stay linear
/// and never panic.
#[test]
fn long_runs_are_linear() {
    let ex = Extractor::builder()
        .kinds([FactKind::Date])
        .reference_date("2017-02-02".parse().expect("a date"))
        .build();
    let units = [
        "năm ",
        "ngày ",
        "tháng ",
        "từ ",
        "thứ hai ",
        "1/",
        "1-",
        "1.",
        "ngày 1/1/2017 - ",
        "năm 2017 - ",
        "mười ",
        "năm hai ",
        "8h ",
        "tuần sau ",
        "( ",
        "ngày 30/4 và 1/5, ",
    ];
    for unit in units {
        let small = unit.repeat(2_000);
        let big = unit.repeat(20_000);
        // The best of three runs each: a shared machine preempts single runs.
        let best = |text: &str| {
            (0..3)
                .map(|_| {
                    let t0 = Instant::now();
                    let _ = ex.extract(text);
                    t0.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let t_small = best(&small);
        let t_big = best(&big);
        // Ten times the input: far less than a hundred times the time.
        assert!(
            t_big < t_small * 40 + Duration::from_millis(200),
            "{unit:?}: {t_small:?} for 2 000 repeats, {t_big:?} for 20 000"
        );
    }
}

/// Every date fact of the seed article lies inside the text and is one of
/// the forms the article uses.
#[test]
fn seed_article_years() {
    let text = "Năm 2017, Đảng bộ xã đã tập trung lãnh đạo; cơ bản thực hiện hoàn thành các chỉ tiêu nhiệm vụ năm 2017.";
    let doc = Extractor::builder()
        .kinds([FactKind::Date])
        .build()
        .extract(text);
    let texts: Vec<&str> = doc.facts.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Năm 2017", "năm 2017"]);
}
