//! The golden test: `fixtures/duong-quang-2017.txt` → `fixtures/duong-quang-2017.json`.
//!
//! The JSON lists every fact a reader notes in the seed article, written by
//! hand from reading it (not from the extractor's output), with spans into
//! the file and the fields that matter. The extractor (default kinds) must
//! produce each of them, with every listed field equal, and nothing else
//! but the facts the JSON calls optional. Every difference is reported.

use serde_json::Value;
use vietfacts::Extractor;

fn fields_match(want: &Value, got: &Value) -> Result<(), String> {
    for (k, w) in want.as_object().into_iter().flatten() {
        let g = &got[k];
        let same = match (w.as_f64(), g.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => w == g,
        };
        if !same {
            return Err(format!("{k} = {g}, want {w}"));
        }
    }
    Ok(())
}

#[test]
fn seed_article_gives_the_facts_a_reader_notes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("fixtures/duong-quang-2017.txt")).expect("seed");
    let golden: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("fixtures/duong-quang-2017.json")).expect("golden"),
    )
    .expect("golden JSON");
    let doc = Extractor::new().extract_bytes(&bytes);
    let got: Vec<Value> = doc
        .facts
        .iter()
        .map(|f| serde_json::to_value(f).expect("fact to JSON"))
        .collect();
    let want = golden["facts"].as_array().expect("facts");
    let optional = golden["optional"].as_array().cloned().unwrap_or_default();
    let mut failures = Vec::new();
    let mut used = vec![false; got.len()];
    for w in want {
        let candidates: Vec<usize> = (0..got.len())
            .filter(|&i| !used[i] && got[i]["kind"] == w["kind"] && got[i]["span"] == w["span"])
            .collect();
        match candidates.first() {
            None => failures.push(format!(
                "missing {} {:?}",
                w["kind"],
                w["text"].as_str().unwrap_or("")
            )),
            Some(&i) => {
                used[i] = true;
                if let Err(e) = fields_match(w, &got[i]) {
                    failures.push(format!(
                        "{} {:?}: {e}",
                        w["kind"],
                        w["text"].as_str().unwrap_or("")
                    ));
                }
            }
        }
    }
    for (i, g) in got.iter().enumerate() {
        if used[i] {
            continue;
        }
        let text = g["text"].as_str().unwrap_or("").to_lowercase();
        let allowed = optional.iter().any(|o| {
            o["kind"] == g["kind"]
                && text.starts_with(&o["prefix"].as_str().unwrap_or("\u{0}").to_lowercase())
        });
        if !allowed {
            failures.push(format!(
                "unexpected {} {:?} {}",
                g["kind"],
                g["text"].as_str().unwrap_or(""),
                g
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences from the golden file:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
