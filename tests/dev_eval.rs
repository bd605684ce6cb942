//! The development set (`tests/data/dev/`) is well formed: both files parse,
//! every gold fact has the fields SCHEMA.md gives its kind, every span lies
//! inside its passage or sentence on char boundaries, the corpus passages
//! still hash to their recorded SHA-1 (skipped with a NOTICE when
//! `../shared` is absent, a failure under `VIETFACTS_STRICT`), and the sets
//! are large enough, and the default extractor clears micro-F1 0.90 on both
//! sets. The matcher's own unit tests live in `examples/eval.rs`, which
//! is compiled here as a module so that they run with `cargo test`.

mod common;

#[path = "../examples/eval.rs"]
#[allow(dead_code)]
mod eval;

use std::collections::BTreeSet;

const TEST: &str = "dev_eval";

/// The minimum sizes asked of the set.
const MIN_PASSAGES: usize = 60;
const MIN_SENTENCES: usize = 40;

fn kinds_of<'a>(facts: impl Iterator<Item = &'a eval::Ann>) -> BTreeSet<String> {
    facts.map(|a| a.kind.clone()).collect()
}

#[test]
fn sentences_parse_and_cover_every_kind() {
    let items = eval::load_sentences(&eval::data_dir().join("sentences.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        items.len() >= MIN_SENTENCES,
        "{} sentences, want at least {MIN_SENTENCES}",
        items.len()
    );
    let kinds = kinds_of(items.iter().flat_map(|i| &i.gold));
    for k in eval::KINDS {
        assert!(kinds.contains(k), "no sentence has a {k} fact");
    }
    // Spans were checked on loading; NFD and legacy sentences are present.
    let nfd = items
        .iter()
        .filter(|i| i.text.chars().any(|c| ('\u{300}'..='\u{323}').contains(&c)))
        .count();
    assert!(nfd >= 5, "{nfd} NFD sentences, want at least 5");
    assert!(
        items.iter().any(|i| i.bytes.is_some()),
        "no legacy-encoded sentence"
    );
}

#[test]
fn corpus_annotations_parse_and_lie_inside_their_passages() {
    let passages = eval::load_passages(&eval::data_dir().join("corpus.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        passages.len() >= MIN_PASSAGES,
        "{} passages, want at least {MIN_PASSAGES}",
        passages.len()
    );
    let kinds = kinds_of(passages.iter().flat_map(|p| &p.facts));
    for k in eval::KINDS {
        assert!(kinds.contains(k), "no passage has a {k} fact");
    }
    let mut seen = BTreeSet::new();
    for p in &passages {
        assert!(
            seen.insert((p.id.clone(), p.start)),
            "{}@{} appears twice",
            p.id,
            p.start
        );
        let len = p.end - p.start;
        assert!(
            (150..=1600).contains(&len),
            "{}@{}: a passage of {len} bytes",
            p.id,
            p.start
        );
    }
    let parts: BTreeSet<&str> = passages
        .iter()
        .filter_map(|p| p.id.split('-').next())
        .collect();
    for part in ["baomoi", "unc", "vntc"] {
        assert!(parts.contains(part), "no passage from {part}");
    }
}

#[test]
fn corpus_passages_match_the_shared_corpus() {
    let Some(gz) = common::shared_path(TEST, "corpus/vi-news.jsonl.gz") else {
        return;
    };
    let passages = eval::load_passages(&eval::data_dir().join("corpus.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    let ids = passages.iter().map(|p| p.id.clone()).collect();
    let articles = eval::read_articles(&gz, &ids).unwrap_or_else(|e| panic!("{e}"));
    // Checks the SHA-1 of every passage and the char boundaries of every
    // span in the passage text.
    let items = eval::corpus_items(&passages, &articles).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(items.len(), passages.len());
}

/// The bar the report kinds must clear: micro-F1 of the default extractor
/// on each set, over the kind's key fields (see `examples/eval.rs`). The
/// issue asks for 0.90 on both; the dev set was used for tuning, so this
/// guards against regressions rather than measuring generalization.
const MIN_MICRO_F1: f64 = 0.90;

#[test]
fn extractor_clears_the_f1_bar_on_both_sets() {
    let ex = vietfacts::Extractor::new();
    let sentences = eval::load_sentences(&eval::data_dir().join("sentences.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, _, f) = eval::evaluate(&sentences, &ex).micro().prf();
    assert!(
        f >= MIN_MICRO_F1,
        "sentences: micro-F1 {f:.3} < {MIN_MICRO_F1}"
    );
    let Some(gz) = common::shared_path(TEST, "corpus/vi-news.jsonl.gz") else {
        return;
    };
    let passages = eval::load_passages(&eval::data_dir().join("corpus.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    let ids = passages.iter().map(|p| p.id.clone()).collect();
    let articles = eval::read_articles(&gz, &ids).unwrap_or_else(|e| panic!("{e}"));
    let items = eval::corpus_items(&passages, &articles).unwrap_or_else(|e| panic!("{e}"));
    let (_, _, f) = eval::evaluate(&items, &ex).micro().prf();
    assert!(
        f >= MIN_MICRO_F1,
        "corpus passages: micro-F1 {f:.3} < {MIN_MICRO_F1}"
    );
}
