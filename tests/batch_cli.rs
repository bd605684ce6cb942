//! The `batch` example as a user runs it: built binary, real files, pipes.

mod common;

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn binary() -> PathBuf {
    common::example("batch")
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    common::run_example("batch", args, stdin)
}

/// `batch --jobs 2 --quiet` over `input` written to a temporary file
/// (named after `name`), which is then removed.
fn run_on_file(name: &str, input: &str) -> Output {
    let path = std::env::temp_dir().join(format!(
        "vietfacts-batch-{name}-{}.jsonl",
        std::process::id()
    ));
    std::fs::write(&path, input).expect("write input");
    let out = run(
        &["--jobs", "2", "--quiet", path.to_str().expect("utf-8 path")],
        b"",
    );
    let _ = std::fs::remove_file(&path);
    out
}

/// A JSON Lines corpus of our own sentences, `n` records.
fn corpus(n: usize) -> String {
    let sentences = [
        "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch.",
        "Thu ngân sách đạt 1,2 tỷ đồng, tăng 8% so với cùng kỳ.",
        "Tại hội nghị, 7 tập thể và 19 cá nhân được tặng Giấy khen.",
        "Ngày 15/3/2018, xã tổ chức đại hội.",
        "Không có con số nào ở đây.",
    ];
    (0..n)
        .map(|i| {
            serde_json::json!({"id": format!("doc-{i}"), "text": sentences[i % sentences.len()]})
                .to_string()
                + "\n"
        })
        .collect()
}

fn docs(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn output_keeps_input_order_and_is_the_same_for_any_jobs() {
    let input = corpus(500);
    let one = run(&["--jobs", "1", "--quiet"], input.as_bytes());
    let two = run(&["--jobs", "2", "--quiet"], input.as_bytes());
    let four = run(&["--jobs", "4", "--quiet"], input.as_bytes());
    assert!(one.status.success() && two.status.success() && four.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = docs(&one.stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = (0..500).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, want);
    assert!(one.stderr.is_empty(), "--quiet prints nothing");
}

/// The reader cuts the input into chunks of whole lines (256 KB): a line
/// longer than a chunk, lines across chunk edges, blank lines, a CRLF line
/// and a last line without a line break all come out whole, in order, with
/// the right line numbers in errors, whether read from a file or a pipe.
#[test]
fn lines_longer_than_a_chunk_and_across_chunk_edges() {
    // About 700 KB: longer than two chunks.
    let long = "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch. ".repeat(14_000);
    let mut input = String::new();
    let mut want = Vec::new();
    for i in 0..3000 {
        // Short lines, then the long one, then more short ones: chunk
        // edges fall inside lines of every kind.
        let text = if i == 1500 {
            long.as_str()
        } else {
            "Tăng 8% so với năm 2016."
        };
        input += &serde_json::json!({"id": format!("d{i}"), "text": text}).to_string();
        input += if i == 10 { "\r\n\n   \n" } else { "\n" };
        want.push(format!("d{i}"));
    }
    // Line 3003: 3000 records and two blank lines before it (the CRLF
    // ends the 11th line).
    input += "{broken\n";
    input += &serde_json::json!({"id": "last", "text": "Ngày 15/3/2018."}).to_string();
    want.push("last".to_string());
    let piped = run(&["--jobs", "2", "--quiet"], input.as_bytes());
    let from_file = run_on_file("chunks", &input);
    for out in [&piped, &from_file] {
        assert_eq!(out.status.code(), Some(1), "one bad record");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(":3003: not JSON"), "{stderr}");
        let got = docs(&out.stdout);
        let ids: Vec<&str> = got.iter().map(|d| d["id"].as_str().unwrap_or("")).collect();
        assert_eq!(ids, want);
        let long_doc = &got[1500];
        let percents = long_doc["facts"]
            .as_array()
            .expect("facts")
            .iter()
            .filter(|f| f["kind"] == "percentage")
            .count();
        assert_eq!(percents, 14_000, "every sentence of the long line");
    }
    assert_eq!(piped.stdout, from_file.stdout);
}

#[test]
fn chunks_read_into_again_keep_every_document_its_own_text() {
    // About 9 MB of documents of varied lengths, each with its own
    // percentage: the reader reads into chunks the workers are done with,
    // whose old bytes must never show through.
    let filler = "Người dân địa phương tham gia lao động sản xuất. ";
    let mut input = String::new();
    let mut want = Vec::new();
    for i in 0..6000usize {
        let (whole, tenth) = (i % 97, i % 10);
        let text = format!(
            "Doanh thu tăng {whole},{tenth}% so với cùng kỳ. {}",
            filler.repeat((i * 7919) % 60)
        );
        input += &serde_json::json!({"id": format!("d{i}"), "text": text}).to_string();
        input.push('\n');
        want.push((format!("d{i}"), whole as f64 + tenth as f64 / 10.0));
    }
    assert!(input.len() > 8_000_000, "{} bytes", input.len());
    let from_file = run_on_file("reuse", &input);
    let piped = run(&["--jobs", "2", "--quiet"], input.as_bytes());
    for out in [&from_file, &piped] {
        assert_eq!(out.status.code(), Some(0));
        let got: Vec<(String, Vec<f64>)> = docs(&out.stdout)
            .iter()
            .map(|d| {
                let id = d["id"].as_str().unwrap_or("").to_string();
                let values = d["facts"]
                    .as_array()
                    .expect("facts")
                    .iter()
                    .filter(|f| f["kind"] == "percentage")
                    .filter_map(|f| f["value"].as_f64())
                    .collect();
                (id, values)
            })
            .collect();
        assert_eq!(got.len(), want.len());
        for ((id, values), (want_id, want_value)) in got.iter().zip(&want) {
            assert_eq!(id, want_id);
            assert_eq!(values, &vec![*want_value], "{id}");
        }
    }
}

#[test]
fn bad_records_are_reported_skipped_and_make_the_exit_status_nonzero() {
    let input = format!(
        "{}not json\n{{\"id\": \"x\"}}\n{}",
        corpus(2),
        serde_json::json!({"id": "last", "text": "vượt 8% dự toán"})
    );
    let out = run(&[], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard input:3: not JSON"), "{stderr}");
    assert!(stderr.contains("standard input:4: no \"text\""), "{stderr}");
    assert!(
        stderr.contains("errors: 2"),
        "the summary counts them: {stderr}"
    );
    let ids: Vec<Value> = docs(&out.stdout).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(
        ids,
        vec![
            Value::from("doc-0"),
            Value::from("doc-1"),
            Value::from("last")
        ]
    );
}

#[test]
fn empty_input_is_fine() {
    let out = run(&["--quiet"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = run(&["--quiet"], b"\n\n  \n");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_of_text_files_in_any_encoding() {
    let dir = std::env::temp_dir().join(format!("vietfacts-batch-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).expect("temp dir");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("fixtures/encodings/duong-quang-2017.tcvn3.txt"),
        dir.join("a-tcvn3.txt"),
    )
    .expect("copy");
    std::fs::copy(
        root.join("fixtures/encodings/duong-quang-2017.utf-8-nfd.txt"),
        sub.join("b-nfd.txt"),
    )
    .expect("copy");
    std::fs::write(dir.join("ignored.md"), "not a .txt file").expect("write");
    let out = run(&["--quiet", dir.to_str().unwrap_or("")], b"");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = docs(&out.stdout);
    let got: Vec<(String, String)> = d
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap_or("").to_string(),
                d["encoding"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("a-tcvn3.txt".to_string(), "tcvn3".to_string()),
            ("sub/b-nfd.txt".to_string(), "utf-8-nfd".to_string())
        ]
    );
    // The same facts from both encodings of the same article.
    let texts = |d: &Value| -> Vec<String> {
        d["facts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f["text"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(texts(&d[0]).contains(&"13,6%".to_string()));
    assert!(texts(&d[1]).contains(&"13,6%".to_string()));
}

#[test]
fn spacy_format_entities_slice_the_text() {
    let input = corpus(3);
    let out = run(&["--quiet", "--format", "spacy"], input.as_bytes());
    assert!(out.status.success());
    for d in docs(&out.stdout) {
        let text: Vec<char> = d["text"].as_str().unwrap_or("").chars().collect();
        let mut last = 0;
        for e in d["ents"].as_array().into_iter().flatten() {
            let (s, t) = (
                e["start"].as_u64().unwrap_or(0) as usize,
                e["end"].as_u64().unwrap_or(0) as usize,
            );
            assert!(
                s >= last && t > s && t <= text.len(),
                "entities are ordered and do not overlap"
            );
            last = t;
            assert!(
                e["label"]
                    .as_str()
                    .is_some_and(|l| l.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
            );
        }
        assert!(d.get("title").is_some());
    }
    let first = &docs(&out.stdout)[0];
    let text: Vec<char> = first["text"].as_str().unwrap_or("").chars().collect();
    let labelled: Vec<(String, String)> = first["ents"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let (s, t) = (
                e["start"].as_u64().unwrap_or(0) as usize,
                e["end"].as_u64().unwrap_or(0) as usize,
            );
            (
                text[s..t].iter().collect(),
                e["label"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        labelled.contains(&("13,6%".to_string(), "PERCENTAGE".to_string())),
        "{labelled:?}"
    );
    assert!(
        labelled.contains(&("Năm 2017".to_string(), "DATE".to_string())),
        "{labelled:?}"
    );
}

#[test]
fn conll_format_has_one_syllable_per_line_and_bio_tags() {
    let input = corpus(1);
    let out = run(&["--quiet", "--format", "conll"], input.as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "# id = doc-0");
    let rows: Vec<(&str, &str)> = lines[1..]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.split_once('\t').expect("token<TAB>tag"))
        .collect();
    assert_eq!(rows[0], ("Năm", "B-DATE"));
    assert_eq!(rows[1], ("2017", "I-DATE"));
    assert_eq!(rows[2], (",", "O"));
    assert!(rows.contains(&("13", "B-PERCENTAGE")), "{rows:?}");
    assert!(rows.contains(&("6", "I-PERCENTAGE")));
    assert!(rows.contains(&("%", "I-PERCENTAGE")));
    assert!(text.ends_with("\n\n"), "a blank line ends the sentence");
}

#[test]
fn char_offsets_and_out_file() {
    let input = serde_json::json!({"id": 1, "text": "Thủy điện vượt 13,6% kế hoạch"}).to_string();
    let path =
        std::env::temp_dir().join(format!("vietfacts-batch-out-{}.jsonl", std::process::id()));
    let out = run(
        &[
            "--char-offsets",
            "--out",
            path.to_str().unwrap_or(""),
            "--kinds",
            "percentage",
        ],
        input.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&path).expect("--out file");
    std::fs::remove_file(&path).ok();
    let d = &docs(&written)[0];
    assert_eq!(d["id"], "1");
    let f = &d["facts"][0];
    // "Thủy điện vượt " is 15 characters and 23 bytes (ủ, ệ, ợ take three, đ, ư two).
    assert_eq!(f["span"], serde_json::json!([23, 28]));
    assert_eq!(f["char_span"], serde_json::json!([15, 20]));
    // Without --quiet and not on a terminal: a summary line on stderr.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("batch: 1 documents"), "{stderr}");
}

#[test]
fn usage_errors() {
    for (args, needle) in [
        (vec!["--jobs", "0"], "--jobs"),
        (vec!["--format", "xml"], "unknown format"),
        (vec!["--bogus"], "unknown option"),
        (vec!["/no/such/file.jsonl"], "/no/such/file.jsonl"),
    ] {
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(needle),
            "{args:?}"
        );
    }
}

/// Ctrl-C (SIGINT) stops reading, writes what is in flight, and exits 130
/// with only whole lines written, even while standard input is open and
/// silent.
#[test]
fn interrupt_flushes_what_is_done() {
    let has_kill = Command::new("kill")
        .arg("-l")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_kill {
        eprintln!("NOTICE: batch_cli: no `kill` command; interrupt test skipped");
        return;
    }
    let mut child = Command::new(binary())
        .args(["--quiet", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run batch");
    let mut input = child.stdin.take().expect("stdin");
    // Read its output as it comes, as a terminal or a pipe would: a pipe
    // nobody reads fills up and blocks any writer.
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    input.write_all(corpus(200).as_bytes()).expect("write");
    input.flush().expect("flush");
    // Let it work on what it has, then interrupt while stdin is still open.
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(killed.success());
    // Standard input stays open and silent: the run must end anyway.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().expect("try_wait").is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "batch did not stop after Ctrl-C"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    drop(input);
    let out = child.wait_with_output().expect("wait");
    let stdout = reader.join().expect("stdout reader");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&stdout);
    assert!(text.is_empty() || text.ends_with('\n'), "only whole lines");
    let ids: Vec<String> = docs(&stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = (0..ids.len()).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, want, "a prefix of the input, in order");
    assert_eq!(
        ids.len(),
        200,
        "everything read before the interrupt is written"
    );
}

/// Records from a pipe that is slow to fill are extracted and written as
/// they come: the first document's output arrives while its input pipe is
/// still open and nothing more has been written to it.
#[test]
fn a_slow_pipe_gets_each_document_as_it_comes() {
    use std::io::BufRead;
    let mut child = Command::new(binary())
        .args(["--quiet", "--jobs", "2"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run the batch example (built by cargo test)");
    let mut input = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    input
        .write_all(b"{\"id\": \"a\", \"text\": \"Trong n\xc4\x83m 2017, thu v\xc6\xb0\xe1\xbb\xa3t 8% k\xe1\xba\xbf ho\xe1\xba\xa1ch.\"}\n")
        .expect("write");
    input.flush().expect("flush");
    // Read the first output line on another thread, with a deadline.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let mut r = std::io::BufReader::new(stdout);
        let _ = r.read_line(&mut line);
        let _ = tx.send(line);
    });
    let first = rx.recv_timeout(std::time::Duration::from_secs(30));
    drop(input);
    let _ = child.wait();
    let first = first.expect("the first document's output while its pipe stayed open");
    let doc: Value = serde_json::from_str(&first).expect("a JSON document");
    assert_eq!(doc["id"], "a");
    let kinds: Vec<&str> = doc["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"percentage") && kinds.contains(&"date"),
        "{kinds:?}"
    );
}
