//! Detection accuracy on the real corpus (../shared/corpus/vi-news.sample.jsonl,
//! 300 UTF-8 articles):
//! - every article as UTF-8 is detected as UTF-8 (or UTF-8-NFD), no exception;
//! - its ASCII-only lines are never detected as VIQR;
//! - the articles converted by glibc iconv (TCVN5712-1, VISCII, CP1258) and
//!   GNU recode (VNI) are detected as that encoding: accuracy printed per
//!   encoding, at least 99 % required.
//!
//! Print the figures with
//! `cargo test --test decode_detection -- --nocapture`.

mod common;

use common::*;
use vietfacts::{Encoding, decode};

const TEST: &str = "decode_detection";

#[test]
fn utf8_articles_are_always_utf8() {
    let Some(shared) = shared_dir(TEST) else {
        return;
    };
    let texts = corpus_texts(&shared, 300);
    assert_eq!(texts.len(), 300, "the corpus sample has 300 articles");
    let mut wrong = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let d = decode(t.as_bytes());
        if !matches!(d.encoding(), Encoding::Utf8 | Encoding::Utf8Nfd) {
            wrong.push((i, d.encoding()));
        }
        // The text is borrowed and unchanged.
        assert_eq!(d.text(), t.as_str());
        // NFD: the same article decomposed is still UTF-8, reported as NFD.
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(t.as_str()).collect();
        if nfd != *t {
            let e = decode(nfd.as_bytes()).encoding();
            if e != Encoding::Utf8Nfd {
                wrong.push((i, e));
            }
        }
    }
    assert!(wrong.is_empty(), "UTF-8 articles mis-detected: {wrong:?}");
}

#[test]
fn ascii_lines_of_the_articles_are_not_viqr() {
    let Some(shared) = shared_dir(TEST) else {
        return;
    };
    let texts = corpus_texts(&shared, 300);
    let mut n = 0;
    let mut wrong = Vec::new();
    for t in &texts {
        for line in t.lines().filter(|l| l.is_ascii() && !l.trim().is_empty()) {
            n += 1;
            if decode(line.as_bytes()).encoding() == Encoding::Viqr {
                wrong.push(line.to_string());
            }
        }
    }
    println!("ASCII-only lines checked: {n}");
    assert!(wrong.is_empty(), "ASCII lines detected as VIQR: {wrong:?}");
}

/// Converts the articles with an oracle and measures detection.
fn accuracy(enc: Encoding, cmd: &str, args: &[&str]) {
    let Some(shared) = shared_dir(TEST) else {
        return;
    };
    if !have_tool(cmd, TEST) {
        return;
    }
    let texts = corpus_texts(&shared, 300);
    let Some(converted) = convert_all(cmd, args, &texts) else {
        panic!("{cmd} could not convert the corpus");
    };
    let mut ok = 0;
    let mut wrong = Vec::new();
    let mut short = 0;
    for (i, bytes) in converted.iter().enumerate() {
        let d = decode(bytes);
        if d.encoding() == enc {
            ok += 1;
        } else {
            if bytes.len() < 300 {
                short += 1;
            }
            wrong.push((i, d.encoding().name(), d.confidence(), bytes.len()));
        }
    }
    let total = converted.len();
    let pct = 100.0 * ok as f64 / total as f64;
    println!(
        "detection {:>7}: {ok}/{total} = {pct:.1}% (misses: {wrong:?}; {short} of them under 300 bytes)",
        enc.name()
    );
    assert!(
        pct >= 99.0,
        "{} detection accuracy {pct:.1}% < 99%: {wrong:?}",
        enc.name()
    );
}

#[test]
fn tcvn3_articles() {
    accuracy(
        Encoding::Tcvn3,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "TCVN5712-1"],
    );
}

#[test]
fn viscii_articles() {
    accuracy(
        Encoding::Viscii,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "VISCII"],
    );
}

#[test]
fn cp1258_articles() {
    accuracy(
        Encoding::Cp1258,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "CP1258"],
    );
}

#[test]
fn vni_articles() {
    accuracy(Encoding::Vni, "recode", &["-f", "utf8..VNI"]);
}

/// Short texts are harder: the first line of each article (a title or a
/// lead sentence, typically 40–200 bytes). Printed, and held to a lower bar
/// (90 %) than whole articles.
#[test]
fn first_lines_of_articles() {
    let Some(shared) = shared_dir(TEST) else {
        return;
    };
    let lines: Vec<String> = corpus_texts(&shared, 300)
        .iter()
        .filter_map(|t| {
            t.lines()
                .map(str::trim)
                .find(|l| !l.is_ascii())
                .map(str::to_string)
        })
        .collect();
    for (enc, cmd, args) in [
        (
            Encoding::Tcvn3,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "TCVN5712-1"][..],
        ),
        (
            Encoding::Viscii,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "VISCII"][..],
        ),
        (
            Encoding::Cp1258,
            "iconv",
            &["-c", "-f", "UTF-8", "-t", "CP1258"][..],
        ),
        (Encoding::Vni, "recode", &["-f", "utf8..VNI"][..]),
    ] {
        if !have_tool(cmd, TEST) {
            continue;
        }
        let Some(converted) = convert_all(cmd, args, &lines) else {
            panic!("{cmd} could not convert the lines");
        };
        let ok = converted
            .iter()
            .filter(|b| decode(b).encoding() == enc)
            .count();
        let avg = converted.iter().map(Vec::len).sum::<usize>() / converted.len().max(1);
        let pct = 100.0 * ok as f64 / converted.len() as f64;
        println!(
            "first lines {:>7}: {ok}/{} = {pct:.1}% (average {avg} bytes)",
            enc.name(),
            converted.len()
        );
        assert!(pct >= 90.0, "{}: {pct:.1}%", enc.name());
    }
}
