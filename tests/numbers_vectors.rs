//! Data-driven number vectors: every `tests/data/numbers/*.jsonl` file,
//! read by one harness that reports every failure at once.
//!
//! One vector per line:
//!
//! ```json
//! {"text": "bảy tập thể và mười chín cá nhân",
//!  "expect": [{"text": "bảy", "value": 7}, {"text": "mười chín", "value": 19}],
//!  "note": "why"}
//! ```
//!
//! - `text`, or `repeat: [unit, times]` for a generated input (a megabyte of
//!   `"9"`);
//! - `expect`: the number facts, in order, exactly (an empty list is a
//!   negative case: no number fact at all). Each has the `text` it covers (the
//!   original input's slice), `value`, `ordinal` (default false) and, when
//!   given, `ambiguous`;
//! - `diagnostics` (optional): the diagnostics, exactly, as `{"text" or
//!   "span": [s, e], "detail"}`; giving it turns on `Diagnostics::Report`;
//! - `within_ms` (optional): a generous time bound for the extraction (linear
//!   time on big inputs);
//! - `class` (optional): the BAD_INPUTS class the vector stands for.
//!
//! The extractor is the public one with numbers only:
//! `Extractor::builder().kinds([FactKind::Number])`.

use serde_json::Value;
use std::path::Path;
use std::time::Instant;
use vietfacts::{Diagnostics, Extractor, FactKind, FactValue};

fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

fn input(v: &Value) -> Result<String, String> {
    if let Some(t) = v["text"].as_str() {
        return Ok(t.to_string());
    }
    match v["repeat"].as_array().map(Vec::as_slice) {
        Some([unit, times]) => Ok(unit
            .as_str()
            .ok_or("repeat unit is not a string")?
            .repeat(times.as_u64().ok_or("repeat times is not a number")? as usize)),
        _ => Err("no text and no repeat".to_string()),
    }
}

/// Checks one vector: the list of what is wrong with it.
fn check(v: &Value) -> Result<Vec<String>, String> {
    let text = input(v)?;
    let report = v.get("diagnostics").is_some();
    let ex = Extractor::builder()
        .kinds([FactKind::Number])
        .diagnostics(if report {
            Diagnostics::Report
        } else {
            Diagnostics::Ignore
        })
        .build();
    let start = Instant::now();
    let doc = ex.extract(&text);
    let elapsed = start.elapsed();
    let mut errs = Vec::new();
    if let Some(ms) = v["within_ms"].as_u64() {
        if elapsed.as_millis() > u128::from(ms) {
            errs.push(format!(
                "took {} ms, more than {ms} ms",
                elapsed.as_millis()
            ));
        }
    }
    let got: Vec<(String, f64, bool, bool)> = doc
        .facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Number(n) => Some((
                text.get(f.span.range()).unwrap_or("<bad span>").to_string(),
                n.value,
                n.ordinal,
                n.ambiguous,
            )),
            _ => None,
        })
        .collect();
    let want = v["expect"].as_array().ok_or("no expect list")?;
    let describe = |g: &[(String, f64, bool, bool)]| -> String {
        g.iter()
            .map(|(t, v, o, a)| {
                format!(
                    "{t:?}={v}{}{}",
                    if *o { " ordinal" } else { "" },
                    if *a { " ambiguous" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut ok = got.len() == want.len();
    for (w, g) in want.iter().zip(&got) {
        let wt = w["text"].as_str().ok_or("expect entry without text")?;
        let wv = w["value"].as_f64().ok_or("expect entry without value")?;
        let wo = w["ordinal"].as_bool().unwrap_or(false);
        ok &= g.0 == wt && same(g.1, wv) && g.2 == wo;
        if let Some(wa) = w["ambiguous"].as_bool() {
            ok &= g.3 == wa;
        }
    }
    if !ok {
        let w: Vec<String> = want.iter().map(|w| w.to_string()).collect();
        errs.push(format!(
            "facts: got [{}], want [{}]",
            describe(&got),
            w.join(", ")
        ));
    }
    if let Some(diags) = v["diagnostics"].as_array() {
        let got: Vec<(String, [usize; 2], String)> = doc
            .diagnostics
            .iter()
            .map(|d| {
                let surface = text.get(d.span.range()).unwrap_or_default();
                let shown = if surface.len() > 40 {
                    format!("{}…", surface.chars().take(20).collect::<String>())
                } else {
                    surface.to_string()
                };
                (shown, [d.span.start, d.span.end], d.detail.clone())
            })
            .collect();
        let mut ok = got.len() == diags.len();
        for (w, g) in diags.iter().zip(&got) {
            let detail_ok = w["detail"].as_str() == Some(g.2.as_str());
            let where_ok = match (w["text"].as_str(), w["span"].as_array()) {
                (Some(t), _) => text.get(g.1[0]..g.1[1]) == Some(t),
                (None, Some(s)) => {
                    s.iter()
                        .filter_map(Value::as_u64)
                        .map(|x| x as usize)
                        .collect::<Vec<_>>()
                        == g.1.to_vec()
                }
                _ => false,
            };
            ok &= detail_ok && where_ok;
        }
        if !ok {
            errs.push(format!(
                "diagnostics: got {got:?}, want {}",
                Value::Array(diags.clone())
            ));
        }
    }
    Ok(errs)
}

#[test]
fn number_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/numbers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/numbers exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let data = std::fs::read_to_string(path).expect("vector file readable");
        let mut n = 0;
        for (k, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            n += 1;
            let at = format!("{name}:{}", k + 1);
            let v: Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{at}: not JSON: {e}"));
                    continue;
                }
            };
            let label = v["text"]
                .as_str()
                .map(|t| {
                    if t.chars().count() > 60 {
                        format!("{}…", t.chars().take(60).collect::<String>())
                    } else {
                        t.to_string()
                    }
                })
                .unwrap_or_else(|| format!("repeat {}", v["repeat"]));
            match check(&v) {
                Ok(errs) => {
                    failures.extend(errs.into_iter().map(|e| format!("{at} {label:?}: {e}")))
                }
                Err(e) => failures.push(format!("{at}: malformed vector: {e}")),
            }
        }
        println!("{name}: {n} vectors");
        total += n;
    }
    println!("{total} vectors in {} files", files.len());
    assert!(total >= 150, "only {total} vectors");
    assert!(
        failures.is_empty(),
        "{} of {total} vectors fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
