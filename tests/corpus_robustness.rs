//! The whole corpus (`../shared/corpus/vi-news.jsonl.gz`, 9,631 articles)
//! through the extractor and through `extract --jsonl` as a user runs it:
//! no panic, one Document per article with its id, and for every fact its
//! span lies on char boundaries of the article and slices a string that
//! normalizes to the fact's `text`; sentences are in order and inside the
//! text.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use vietfacts::{Extractor, Normalizer};

const TEST: &str = "corpus_robustness";

/// The corpus as JSON Lines.
fn corpus_jsonl() -> Option<Vec<u8>> {
    let path = common::shared_path(TEST, "corpus/vi-news.jsonl.gz")?;
    let out = Command::new("gzip")
        .arg("-dc")
        .arg(&path)
        .output()
        .expect("gzip -dc");
    assert!(out.status.success(), "gzip -dc failed");
    Some(out.stdout)
}

#[test]
fn every_fact_of_every_article_points_at_its_text() {
    let Some(data) = corpus_jsonl() else { return };
    let ex = Extractor::builder().with_numbers().build();
    let n = Normalizer::new();
    let (mut articles, mut facts) = (0, 0);
    let mut failures = Vec::new();
    for line in String::from_utf8(data).expect("UTF-8").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let id = v["id"].as_str().unwrap_or("?");
        let text = v["text"].as_str().expect("text");
        let doc = ex.extract(text);
        articles += 1;
        facts += doc.facts.len();
        for f in &doc.facts {
            match text.get(f.span.range()) {
                None => failures.push(format!(
                    "{id}: {:?} {:?} off char boundaries",
                    f.kind(),
                    f.span
                )),
                Some(s) if n.normalize(s).as_str() != f.text => failures.push(format!(
                    "{id}: {:?} {s:?} does not normalize to {:?}",
                    f.kind(),
                    f.text
                )),
                Some(_) => {}
            }
        }
        let mut last = 0;
        for s in &doc.sentences {
            if s.start < last || s.end > text.len() || text.get(s.range()).is_none() {
                failures.push(format!("{id}: sentence {s:?} out of order or bounds"));
            }
            last = s.end;
        }
        if failures.len() > 30 {
            break;
        }
    }
    eprintln!("{TEST}: {articles} articles, {facts} facts checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(articles, 9_631);
}

#[test]
fn extract_jsonl_runs_over_the_whole_corpus() {
    let Some(data) = corpus_jsonl() else { return };
    let mut exe = std::env::current_exe().expect("test executable");
    exe.pop();
    if exe.ends_with("deps") {
        exe.pop();
    }
    let exe = exe
        .join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(exe)
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the extract example");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write corpus");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a Document per line");
            v["id"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(ids.len(), 9_631);
    assert_eq!(ids.first().map(String::as_str), Some("unc-1"));
}
