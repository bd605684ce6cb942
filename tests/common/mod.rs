//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared, read-only material (`../shared` next to the crate, or
/// `$VIETFACTS_SHARED`). `None`, with a notice on stderr, when it is absent:
/// a user's clone has no `../shared`; CI (`.ci/run`) refuses to run without it.
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("VIETFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = dir.join(what);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "NOTICE: {} is absent; skipping this test (set VIETFACTS_SHARED to the shared material)",
            path.display()
        );
        None
    }
}

/// The articles of the corpus sample (`corpus/vi-news.sample.jsonl`), as
/// (id, text) pairs.
pub fn corpus_sample() -> Option<Vec<(String, String)>> {
    let path = shared_dir("corpus/vi-news.sample.jsonl")?;
    let data = std::fs::read_to_string(path).expect("read corpus sample");
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
                (
                    v["id"].as_str().unwrap_or_default().to_string(),
                    v["text"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect(),
    )
}
