//! Data-driven extraction vectors: every `tests/data/extract/*.jsonl`.
//!
//! Each line: `text`, optional `kinds` (default: the extractor's defaults),
//! optional `reference_date`, and `expect`: the facts, each with its `kind`,
//! `text` (the normalized surface) and any fields to check. The facts of the
//! chosen kinds must be exactly those (matched by kind and text, in order);
//! listed fields must be equal, unlisted ones are not checked. An empty
//! `expect` is a negative case: nothing may be extracted. Every fact's span
//! must slice the input to a string that normalizes to its `text`.
//! All failures are reported at once.

use serde_json::Value;
use vietfacts::{Extractor, FactKind, Normalizer};

fn extractor(v: &Value) -> Result<Extractor, String> {
    let mut b = Extractor::builder();
    if let Some(kinds) = v["kinds"].as_array() {
        let kinds: Result<Vec<FactKind>, String> = kinds
            .iter()
            .map(|k| {
                k.as_str()
                    .unwrap_or("")
                    .parse::<FactKind>()
                    .map_err(|e| e.to_string())
            })
            .collect();
        b = b.kinds(kinds?);
    }
    if let Some(d) = v["reference_date"].as_str() {
        b = b.reference_date(d.parse().map_err(|e: vietfacts::Error| e.to_string())?);
    }
    Ok(b.build())
}

fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => a == b,
    }
}

fn check_line(line: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = v["text"].as_str().ok_or("no text")?;
    let doc = extractor(&v)?.extract(text);
    let got: Vec<Value> = doc
        .facts
        .iter()
        .map(|f| serde_json::to_value(f).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let n = Normalizer::new();
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
    }
    let want = v["expect"].as_array().ok_or("no expect")?;
    let key = |f: &Value| {
        format!(
            "{} {:?}",
            f["kind"].as_str().unwrap_or("?"),
            f["text"].as_str().unwrap_or("?")
        )
    };
    let got_keys: Vec<String> = got.iter().map(key).collect();
    let want_keys: Vec<String> = want.iter().map(key).collect();
    if got_keys != want_keys {
        return Err(format!("facts {got_keys:?}, want {want_keys:?}"));
    }
    for (g, w) in got.iter().zip(want) {
        for (field, wv) in w.as_object().into_iter().flatten() {
            if !numbers_equal(&g[field], wv) {
                return Err(format!("{}: {field} = {}, want {wv}", key(w), g[field]));
            }
        }
    }
    Ok(())
}

#[test]
fn extraction_vectors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/extract")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in &files {
        let data = std::fs::read_to_string(path).expect("vector file");
        for (no, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            count += 1;
            if let Err(e) = check_line(line) {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                failures.push(format!("{name}:{}: {e}\n    {line}", no + 1));
            }
        }
    }
    eprintln!(
        "extract_vectors: {count} vectors, {} failures",
        failures.len()
    );
    assert!(count >= 100, "{count} vectors");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
