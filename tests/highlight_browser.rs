//! The `highlight` page rendered in a real browser (headless Chromium): the
//! rendered DOM has at least one highlight per fact, with the fact's kind.
//! Skips with a notice where no Chromium is installed (CI installs Debian's
//! `chromium` and forbids the skip).

mod common;

use std::path::PathBuf;
use std::process::Command;
use vietfacts::Extractor;

fn browser() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let ok = Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(PathBuf::from(name));
        }
    }
    None
}

#[test]
fn every_fact_has_a_highlight_in_the_rendered_page() {
    let Some(chromium) = browser() else {
        assert!(
            !common::strict(),
            "no Chromium, and VIETFACTS_STRICT forbids skipping"
        );
        eprintln!("NOTICE: highlight_browser: no chromium installed; skipped (CI installs it)");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("fixtures/duong-quang-2017.txt");
    let tmp = std::env::temp_dir().join(format!("vietfacts-highlight-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let html = tmp.join("seed.html");
    let status = Command::new(common::example("highlight"))
        .arg(&seed)
        .arg("--out")
        .arg(&html)
        .status()
        .expect("run the highlight example (built by cargo test)");
    assert!(status.success());
    let out = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", tmp.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    std::fs::remove_dir_all(&tmp).ok();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let check = dom
        .split("<pre id=\"render-check\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .expect("the render check element");
    let check: serde_json::Value =
        serde_json::from_str(check).expect("the script ran and wrote JSON");
    let facts = Extractor::new()
        .extract_bytes(&std::fs::read(&seed).expect("seed"))
        .facts;
    assert!(facts.len() >= 10);
    let counted = check.as_object().map_or(0, |o| o.len());
    assert_eq!(counted, facts.len(), "one highlighted fact per fact");
    for (k, f) in facts.iter().enumerate() {
        let entry = &check[k.to_string()];
        assert_eq!(entry["kind"], f.kind().name(), "fact {k} ({:?})", f.text);
        assert!(
            entry["marks"].as_u64().unwrap_or(0) >= 1,
            "fact {k} has a highlight"
        );
    }
    // The page is self-contained: no network resources.
    assert!(!dom.contains("http://") && !dom.contains("https://"));
}
