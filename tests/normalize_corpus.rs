//! The normalizer over the whole real corpus (`../shared/corpus/vi-news.jsonl.gz`,
//! 9,631 articles, 36 MB):
//! - every output is NFC, idempotent, and its offset map is sound: each edit
//!   lies on char boundaries and its original text, normalized on its own,
//!   gives exactly its output text;
//! - the search key of the input equals the key of the normalized text;
//! - the old-style tone counts of the corpus's own measurements
//!   (`stats.json`: 184 `hoà`, 237 `uỷ`, 169 `thuỷ`, 66 `khoẻ` as whole
//!   lower-case words) all move to the traditional spelling, and nothing else
//!   becomes one of those words;
//! - every `Ð` (139) and `ð` (1) is folded, every NBSP (25), soft hyphen (5)
//!   and zero-width space (10) is gone.

mod common;

use std::collections::HashMap;
use std::process::Command;
use unicode_normalization::is_nfc;
use vietfacts::{Normalizer, Span};

const TEST: &str = "normalize_corpus";

fn articles() -> Option<Vec<String>> {
    let path = common::shared_path(TEST, "corpus/vi-news.jsonl.gz")?;
    let out = Command::new("gzip")
        .arg("-dc")
        .arg(&path)
        .output()
        .expect("run gzip -dc");
    assert!(out.status.success(), "gzip -dc failed");
    let text = String::from_utf8(out.stdout).expect("corpus is UTF-8");
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                v["text"].as_str().expect("text").to_string()
            })
            .collect(),
    )
}

/// Whole-word counts of `words` in lower-cased `text` (a word is a maximal
/// run of alphanumeric characters or `_`, as Python's `\w`).
fn count_words(text: &str, words: &[&str], counts: &mut HashMap<String, usize>) {
    let lower = text.to_lowercase();
    for w in lower.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if words.contains(&w) {
            *counts.entry(w.to_string()).or_default() += 1;
        }
    }
}

#[test]
fn whole_corpus() {
    let Some(articles) = articles() else { return };
    assert_eq!(articles.len(), 9_631);
    let n = Normalizer::new();
    let words = ["hoà", "hòa", "uỷ", "ủy", "thuỷ", "thủy", "khoẻ", "khỏe"];
    let mut before = HashMap::new();
    let mut after = HashMap::new();
    let mut failures = Vec::new();
    let (mut changed, mut edits) = (0, 0);
    for (i, text) in articles.iter().enumerate() {
        let nfc_text: String =
            unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
        count_words(&nfc_text, &words, &mut before);
        let out = n.normalize(text);
        count_words(out.as_str(), &words, &mut after);
        if !out.is_borrowed() {
            changed += 1;
        }
        edits += out.offsets().edits().len();
        if !is_nfc(out.as_str()) {
            failures.push(format!("article {i}: output is not NFC"));
        }
        if !n.normalize(out.as_str()).is_borrowed() {
            failures.push(format!("article {i}: normalizing twice changes the text"));
        }
        for e in out.offsets().edits() {
            let (Some(orig), Some(got)) = (
                text.get(e.original.range()),
                out.as_str().get(e.output.range()),
            ) else {
                failures.push(format!("article {i}: edit {e:?} off char boundaries"));
                continue;
            };
            let alone = n.normalize(orig);
            if alone.as_str() != got {
                failures.push(format!(
                    "article {i}: {orig:?} became {got:?} in context, {:?} alone",
                    alone.as_str()
                ));
            }
        }
        // The whole output maps to the whole article, but for removed
        // characters at either end (article 8434 starts with a BOM).
        let whole = out.to_original(Span::new(0, out.as_str().len()));
        let ends = [text.get(..whole.start), text.get(whole.end..)];
        if ends
            .iter()
            .any(|e| e.is_none_or(|e| !n.normalize(e).as_str().is_empty()))
        {
            failures.push(format!("article {i}: whole output maps to {whole:?}"));
        }
        if n.key(text).as_str() != n.key(out.as_str()).as_str() {
            failures.push(format!("article {i}: key(text) != key(normalize(text))"));
        }
        for bad in ['\u{d0}', '\u{f0}', '\u{a0}', '\u{ad}', '\u{200b}'] {
            if out.as_str().contains(bad) {
                failures.push(format!(
                    "article {i}: U+{:04X} left in the output",
                    bad as u32
                ));
            }
        }
        if failures.len() > 50 {
            break;
        }
    }
    eprintln!(
        "{TEST}: {changed} of {} articles changed, {edits} edits; before {before:?}; after {after:?}",
        articles.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures, first 50:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The corpus's own measurements (stats.json), before normalization.
    let want_before = [
        ("hoà", 184),
        ("hòa", 3548),
        ("uỷ", 237),
        ("ủy", 6424),
        ("thuỷ", 169),
        ("thủy", 2128),
        ("khoẻ", 66),
        ("khỏe", 1351),
    ];
    for (w, c) in want_before {
        assert_eq!(before.get(w).copied().unwrap_or(0), c, "before: {w}");
    }
    // After: every old-style form moved, nothing else became one of these words.
    for (old, new) in [
        ("hoà", "hòa"),
        ("uỷ", "ủy"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
    ] {
        assert_eq!(
            after.get(old).copied().unwrap_or(0),
            0,
            "{old} left after normalization"
        );
        assert_eq!(
            after.get(new).copied().unwrap_or(0),
            before[old] + before[new],
            "{new} after normalization"
        );
    }
}
