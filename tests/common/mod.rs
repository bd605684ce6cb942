//! Helpers shared by the integration tests: where the shared material is,
//! whether the oracle tools exist, running them, reading the corpus.
//!
//! Tests that need `../shared` or an external tool print a NOTICE and skip
//! when it is absent (a user's clone). CI sets `VIETFACTS_STRICT=1`, which
//! turns every such skip into a failure, so CI always runs them.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `true` when skipping is forbidden (CI).
pub fn strict() -> bool {
    std::env::var_os("VIETFACTS_STRICT").is_some_and(|v| !v.is_empty() && v != "0")
}

fn skip(test: &str, why: &str) {
    assert!(
        !strict(),
        "{test}: {why}, and VIETFACTS_STRICT forbids skipping"
    );
    eprintln!("NOTICE: {test}: {why}; skipped");
}

/// The shared material: `$VIETFACTS_SHARED`, else `../shared` next to the
/// crate. `None` (with a notice) when absent.
pub fn shared_root(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("VIETFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(test, &format!("{} is absent", dir.display()));
        None
    }
}

/// Same as [`shared_root`], kept for the decode tests' spelling.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    shared_root(test)
}

/// A path inside the shared material, or `None` (with a notice).
pub fn shared_path(test: &str, what: &str) -> Option<PathBuf> {
    let path = shared_root(test)?.join(what);
    if path.exists() {
        Some(path)
    } else {
        skip(test, &format!("{} is absent", path.display()));
        None
    }
}

/// `true` when `tool` runs; otherwise prints a notice (or fails, if strict).
pub fn have_tool(tool: &str, test: &str) -> bool {
    let ok = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip(test, &format!("`{tool}` is not installed (CI installs it)"));
    }
    ok
}

/// The articles of the corpus sample (`corpus/vi-news.sample.jsonl`), as
/// (id, text) pairs.
pub fn corpus_sample(test: &str) -> Option<Vec<(String, String)>> {
    let path = shared_path(test, "corpus/vi-news.sample.jsonl")?;
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

/// Runs `cmd args` with `input` on stdin: stdout, or stderr as the error.
pub fn run(cmd: &str, args: &[&str], input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{cmd}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let data = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The `text` of the first `n` articles of the corpus sample.
pub fn corpus_texts(shared: &std::path::Path, n: usize) -> Vec<String> {
    let path = shared.join("corpus/vi-news.sample.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("NOTICE: {} unreadable", path.display());
        return Vec::new();
    };
    data.lines()
        .take(n)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// A separator that every encoding keeps as ASCII.
pub const SEP: &str = "\n@@@@ ARTICLE @@@@\n";

/// Converts many texts with one process: joins them with [`SEP`], converts,
/// splits. `None` when the tool failed or the split does not line up.
pub fn convert_all(cmd: &str, args: &[&str], texts: &[String]) -> Option<Vec<Vec<u8>>> {
    let joined = texts.join(SEP);
    let out = match run(cmd, args, joined.as_bytes()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{cmd} {args:?} failed: {e}");
            return None;
        }
    };
    let sep = SEP.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= out.len() {
        if &out[i..i + sep.len()] == sep {
            parts.push(out[start..i].to_vec());
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    parts.push(out[start..].to_vec());
    if parts.len() == texts.len() {
        Some(parts)
    } else {
        eprintln!("{cmd}: expected {} parts, got {}", texts.len(), parts.len());
        None
    }
}

/// NFC of a string.
pub fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

/// `target/<profile>/examples/<name>`: an example binary, built by
/// `cargo test` with the tests.
pub fn example(name: &str) -> PathBuf {
    let mut p = std::env::current_exe().expect("test executable");
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    p.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Runs example `name` from the repository root with `args`, `stdin` as
/// its whole standard input, and returns what it did.
pub fn run_example(name: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("run the {name} example (built by cargo test): {e}"));
    let mut input = child.stdin.take().expect("stdin");
    // Written on another thread while the output is read here: a child
    // that writes as it reads would otherwise fill its output pipe and
    // wait for us while we wait for it to take more input.
    std::thread::scope(|s| {
        s.spawn(move || {
            // A child that exits early closes the pipe: its status tells.
            let _ = input.write_all(stdin);
        });
        child.wait_with_output().expect("wait")
    })
}
