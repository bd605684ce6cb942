//! Loading the benchmark corpora (shared by the bench targets).
//!
//! - The real corpus: every `text` of `../shared/corpus/vi-news.jsonl.gz`
//!   (9,631 articles, 35,974,981 bytes), joined with blank lines. Decompressed
//!   with the system's `gzip -dc` so the crate needs no gzip dependency.
//! - The seed article: `fixtures/duong-quang-2017.txt`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// `../shared` next to the crate, or `$VIETFACTS_SHARED`.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("VIETFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The article texts of the real corpus, or `None` (with a notice) when the
/// shared material is absent.
pub fn articles() -> Option<Vec<String>> {
    let path = shared_dir().join("corpus/vi-news.jsonl.gz");
    if !path.exists() {
        eprintln!(
            "NOTICE: {} is absent; corpus benches skipped",
            path.display()
        );
        return None;
    }
    let out = Command::new("gzip")
        .arg("-dc")
        .arg(&path)
        .output()
        .expect("run gzip -dc");
    assert!(out.status.success(), "gzip -dc failed");
    let text = String::from_utf8(out.stdout).expect("corpus is UTF-8");
    let articles: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["text"].as_str().expect("text field").to_string()
        })
        .collect();
    assert_eq!(articles.len(), 9_631, "corpus article count");
    Some(articles)
}

/// The whole corpus as one text.
pub fn corpus_text() -> Option<String> {
    let articles = articles()?;
    let bytes: usize = articles.iter().map(String::len).sum();
    assert_eq!(bytes, 35_974_981, "corpus text bytes");
    Some(articles.join("\n\n"))
}

/// The seed article.
pub fn seed() -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/duong-quang-2017.txt"),
    )
    .expect("seed fixture")
}
