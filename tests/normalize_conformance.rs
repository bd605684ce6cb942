//! Unicode's NormalizationTest for the NFC path of the normalizer.
//!
//! The normalizer with every Vietnamese-specific option off (tone
//! `Preserve`, spaces, look-alikes and invisibles kept) must be exactly NFC:
//! `c2 == NFC(c1) == NFC(c2) == NFC(c3)` and `c4 == NFC(c4) == NFC(c5)` on
//! every line, and every code point not listed in part 1 is its own NFC.

mod common;

use std::collections::HashSet;
use vietfacts::{Ignorables, Lookalikes, Normalizer, Spaces, Span, ToneStyle};

fn nfc_only() -> Normalizer {
    Normalizer::builder()
        .tone(ToneStyle::Preserve)
        .spaces(Spaces::Keep)
        .lookalikes(Lookalikes::Keep)
        .ignorables(Ignorables::Keep)
        .build()
}

fn parse_field(f: &str) -> String {
    f.split_whitespace()
        .map(|h| char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("scalar"))
        .collect()
}

/// Checks the map is sane: the whole output maps to the whole input, and
/// every edit lies on char boundaries of both texts.
fn check_offsets(original: &str, n: &vietfacts::Normalized<'_>) -> Result<(), String> {
    let whole = n.to_original(Span::new(0, n.as_str().len()));
    if whole != Span::new(0, original.len()) {
        return Err(format!("whole text maps to {whole:?}"));
    }
    for e in n.offsets().edits() {
        if !original.is_char_boundary(e.original.start)
            || !original.is_char_boundary(e.original.end)
        {
            return Err(format!("edit {e:?} splits a char of the original"));
        }
        if !n.as_str().is_char_boundary(e.output.start)
            || !n.as_str().is_char_boundary(e.output.end)
        {
            return Err(format!("edit {e:?} splits a char of the output"));
        }
    }
    Ok(())
}

#[test]
fn unicode_versions_agree() {
    let Some(dir) = common::shared_path("normalize_conformance", "unicode") else {
        return;
    };
    let names: Vec<String> = std::fs::read_dir(dir)
        .expect("read unicode dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("NormalizationTest-"))
        .collect();
    let (a, b, c) = unicode_normalization::UNICODE_VERSION;
    let want = format!("NormalizationTest-{a}.{b}.{c}.txt");
    assert!(
        names.contains(&want),
        "unicode-normalization implements Unicode {a}.{b}.{c} but ../shared/unicode has {names:?}: \
         upgrade both together"
    );
}

#[test]
fn normalization_test_nfc() {
    let Some(dir) = common::shared_path("normalize_conformance", "unicode") else {
        return;
    };
    let (a, b, c) = unicode_normalization::UNICODE_VERSION;
    let path = dir.join(format!("NormalizationTest-{a}.{b}.{c}.txt"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        panic!("{} missing: see unicode_versions_agree", path.display());
    };
    let n = nfc_only();
    let mut failures = Vec::new();
    let mut lines = 0;
    let mut part1 = HashSet::new();
    let mut part = "";
    for (no, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(p) = line.strip_prefix('@') {
            part = if p.starts_with("Part1") { "1" } else { "other" };
            continue;
        }
        let cols: Vec<String> = line.split(';').take(5).map(parse_field).collect();
        assert_eq!(cols.len(), 5, "line {}", no + 1);
        if part == "1" {
            if let Some(ch) = cols[0].chars().next() {
                part1.insert(ch);
            }
        }
        lines += 1;
        for (src, want) in [(0, 1), (1, 1), (2, 1), (3, 3), (4, 3)] {
            let out = n.normalize(&cols[src]);
            if out.as_str() != cols[want] {
                failures.push(format!(
                    "line {}: NFC(c{}) = {:04X?}, want c{} = {:04X?}",
                    no + 1,
                    src + 1,
                    out.as_str().chars().map(u32::from).collect::<Vec<_>>(),
                    want + 1,
                    cols[want].chars().map(u32::from).collect::<Vec<_>>()
                ));
            } else if let Err(e) = check_offsets(&cols[src], &out) {
                failures.push(format!("line {}: c{}: {e}", no + 1, src + 1));
            }
        }
    }
    // Every other code point is unchanged by NFC.
    let mut singles = 0;
    for u in 0..=0x10FFFFu32 {
        let Some(ch) = char::from_u32(u) else {
            continue;
        };
        if part1.contains(&ch) {
            continue;
        }
        singles += 1;
        let s = ch.to_string();
        let out = n.normalize(&s);
        if out.as_str() != s {
            failures.push(format!(
                "U+{u:04X} changed to {:04X?}",
                out.as_str().chars().map(u32::from).collect::<Vec<_>>()
            ));
        }
    }
    eprintln!(
        "NormalizationTest: {lines} lines × 5 columns and {singles} unlisted code points checked"
    );
    assert!(lines > 19_000, "only {lines} test lines read");
    assert!(
        failures.is_empty(),
        "{} failures, first 20:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The default normalizer's output is always NFC, and equals NFC on every
/// test line where no Vietnamese option applies (no space, invisible
/// character, eth or Vietnamese letter).
#[test]
fn default_normalizer_output_is_nfc() {
    let Some(dir) = common::shared_path("normalize_conformance", "unicode") else {
        return;
    };
    let (a, b, c) = unicode_normalization::UNICODE_VERSION;
    let path = dir.join(format!("NormalizationTest-{a}.{b}.{c}.txt"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        panic!("{} missing: see unicode_versions_agree", path.display());
    };
    let n = Normalizer::new();
    let mut failures = Vec::new();
    let mut equal_checked = 0;
    for line in data.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('@') {
            continue;
        }
        let cols: Vec<String> = line.split(';').take(5).map(parse_field).collect();
        let vietnamese_option_applies = cols[1].chars().any(|ch| {
            ch.is_whitespace()
                || ('\u{c0}'..='\u{1b0}').contains(&ch)
                || ('\u{1ea0}'..='\u{1ef9}').contains(&ch)
                || matches!(ch, '\u{ad}' | '\u{34f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}')
        });
        for col in &cols {
            let out = n.normalize(col);
            if !unicode_normalization::is_nfc(out.as_str()) {
                failures.push(format!(
                    "not NFC: {:04X?}",
                    col.chars().map(u32::from).collect::<Vec<_>>()
                ));
            }
        }
        if !vietnamese_option_applies {
            equal_checked += 1;
            let out = n.normalize(&cols[0]);
            if out.as_str() != cols[1] {
                failures.push(format!(
                    "differs from NFC: {:04X?}",
                    cols[0].chars().map(u32::from).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(equal_checked > 10_000, "{equal_checked}");
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );
}
