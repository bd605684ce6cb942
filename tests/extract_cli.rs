//! The `extract` example as a user runs it: the built binary, real files,
//! standard input, exit codes (SCHEMA.md's command-line contract).

mod common;

use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    common::run_example("extract", args, stdin)
}

fn facts(doc: &Value) -> Vec<(String, String, f64)> {
    doc["facts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["kind"].as_str().unwrap_or("").to_string(),
                f["text"].as_str().unwrap_or("").to_string(),
                f["value"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect()
}

#[test]
fn seed_article_gives_one_document() {
    let out = run(&["fixtures/duong-quang-2017.txt"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["encoding"], "utf-8");
    assert!(doc["sentences"].as_array().is_some_and(|s| s.len() > 5));
    let f = facts(&doc);
    assert!(
        f.contains(&("percentage".into(), "13,6%".into(), 13.6)),
        "{f:?}"
    );
    assert!(
        f.contains(&("count".into(), "19 cá nhân".into(), 19.0)),
        "{f:?}"
    );
    // Spans are byte offsets of the input, and slice it to the fact.
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/duong-quang-2017.txt"),
    )
    .expect("seed");
    for fact in doc["facts"].as_array().into_iter().flatten() {
        let (s, e) = (
            fact["span"][0].as_u64().unwrap_or(0) as usize,
            fact["span"][1].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            vietfacts::normalize(&text[s..e]).as_str(),
            fact["text"].as_str().unwrap_or("")
        );
    }
}

#[test]
fn legacy_encoding_is_detected_and_spans_point_into_the_decoded_text() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/encodings/duong-quang-2017.tcvn3.txt");
    let out = run(&[path.to_str().unwrap_or("")], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["encoding"], "tcvn3");
    let bytes = std::fs::read(&path).expect("fixture");
    let decoded = vietfacts::decode(&bytes);
    let pct = doc["facts"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["text"] == "13,6%")
        .expect("the 13,6% fact");
    let (s, e) = (
        pct["span"][0].as_u64().unwrap_or(0) as usize,
        pct["span"][1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&decoded.text()[s..e], "13,6%");
    // Forcing the same encoding gives the same document.
    let forced = run(&["--encoding", "tcvn3", path.to_str().unwrap_or("")], b"");
    assert_eq!(forced.stdout, out.stdout);
}

#[test]
fn jsonl_echoes_ids_and_skips_bad_lines_with_a_nonzero_exit() {
    let input = "{\"id\": \"a\", \"text\": \"vượt 8% dự toán\"}\nnot json\n{\"id\": 7, \"text\": \"19 cá nhân\"}\n{\"id\": \"c\"}\n";
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(":2:"), "{stderr}");
    assert!(stderr.contains(":4:"), "{stderr}");
    let docs: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a Document per line"))
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[1]["id"], "7");
    assert_eq!(
        facts(&docs[0]),
        vec![("percentage".into(), "8%".into(), 8.0)]
    );
}

#[test]
fn numbers_option_adds_number_facts() {
    let plain = run(&[], "trồng rừng mới vượt 13,6% kế hoạch".as_bytes());
    let with = run(
        &["--numbers"],
        "trồng rừng mới vượt 13,6% kế hoạch".as_bytes(),
    );
    let doc: Value = serde_json::from_slice(&with.stdout).expect("JSON");
    let plain: Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(
        facts(&doc).contains(&("number".into(), "13,6".into(), 13.6)),
        "{:?}",
        facts(&doc)
    );
    assert!(!facts(&plain).iter().any(|f| f.0 == "number"));
}

#[test]
fn bad_options_and_files_are_one_line_errors() {
    for (args, needle) in [
        (vec!["--bogus"], "unknown option --bogus"),
        (vec!["no/such/file.txt"], "no/such/file.txt"),
        (vec!["--reference-date", "2017-02-30"], "reference date"),
        (vec!["--encoding", "koi8-r"], "koi8-r"),
        (vec!["--kinds", "percentage,weather"], "weather"),
    ] {
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("extract: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn pretty_output_is_the_same_document() {
    let a = run(&["fixtures/duong-quang-2017.txt"], b"");
    let b = run(&["--pretty", "fixtures/duong-quang-2017.txt"], b"");
    let a: Value = serde_json::from_slice(&a.stdout).expect("JSON");
    let b: Value = serde_json::from_slice(&b.stdout).expect("JSON");
    assert_eq!(a, b);
}
