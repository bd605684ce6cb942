//! Data-driven normalization vectors: `tests/data/normalize/bad_inputs.jsonl`,
//! one or more per class of section B of `../shared/BAD_INPUTS.md` (13–28).
//!
//! Each vector gives the input, the options (`tone`, `spaces`, `ignorables`,
//! `lookalikes`; defaults otherwise), the expected text, and optionally the
//! expected notes (kinds, in order), ranges that must map back (`map`: a
//! substring of the output and the original text it must come from), the
//! search key and ranges of the key that must map back (`key_map`). Every
//! failure is reported, not only the first.

use serde_json::Value;
use vietfacts::{
    Ignorables, Lookalikes, Normalized, Normalizer, NoteKind, Spaces, Span, ToneStyle,
};

fn normalizer(v: &Value) -> Result<Normalizer, String> {
    let mut b = Normalizer::builder();
    if let Some(t) = v["tone"].as_str() {
        b = b.tone(t.parse::<ToneStyle>().map_err(|e| e.to_string())?);
    }
    match v["spaces"].as_str() {
        None => {}
        Some("keep") => b = b.spaces(Spaces::Keep),
        Some("ascii") => b = b.spaces(Spaces::Ascii),
        Some("collapse") => b = b.spaces(Spaces::Collapse),
        Some(o) => return Err(format!("unknown spaces option {o}")),
    }
    match v["ignorables"].as_str() {
        None => {}
        Some("keep") => b = b.ignorables(Ignorables::Keep),
        Some(o) => return Err(format!("unknown ignorables option {o}")),
    }
    match v["lookalikes"].as_str() {
        None => {}
        Some("keep") => b = b.lookalikes(Lookalikes::Keep),
        Some(o) => return Err(format!("unknown lookalikes option {o}")),
    }
    Ok(b.build())
}

fn kind_name(k: NoteKind) -> String {
    format!("{k:?}")
}

/// Checks `pairs` of (output substring, original substring).
fn check_map(out: &Normalized<'_>, input: &str, pairs: &Value, what: &str) -> Vec<String> {
    let mut errs = Vec::new();
    for pair in pairs.as_array().into_iter().flatten() {
        let (Some(o), Some(want)) = (pair[0].as_str(), pair[1].as_str()) else {
            errs.push(format!("{what}: malformed pair {pair}"));
            continue;
        };
        let Some(pos) = out.as_str().find(o) else {
            errs.push(format!(
                "{what}: {o:?} not in the output {:?}",
                out.as_str()
            ));
            continue;
        };
        let back = out.to_original(Span::new(pos, pos + o.len()));
        let got = input.get(back.range());
        if got != Some(want) {
            errs.push(format!("{what}: {o:?} maps back to {got:?}, want {want:?}"));
        }
    }
    errs
}

/// The invariants every output must keep, whatever the vector says.
fn invariants(n: &Normalizer, input: &str, out: &Normalized<'_>) -> Vec<String> {
    let mut errs = Vec::new();
    let again = n.normalize(out.as_str());
    if again.as_str() != out.as_str() {
        errs.push(format!(
            "not idempotent: {:?} → {:?}",
            out.as_str(),
            again.as_str()
        ));
    }
    // The whole output maps to the whole input, but for removed characters
    // at either end (a deletion that only touches a range stays out of it).
    let whole = out.to_original(Span::new(0, out.as_str().len()));
    let (head, tail) = (input.get(..whole.start), input.get(whole.end..));
    if head.is_none_or(|h| !n.normalize(h).as_str().is_empty())
        || tail.is_none_or(|t| !n.normalize(t).as_str().is_empty())
    {
        errs.push(format!("the whole output maps to {whole:?} only"));
    }
    for e in out.offsets().edits() {
        if !input.is_char_boundary(e.original.start) || !input.is_char_boundary(e.original.end) {
            errs.push(format!("edit {e:?} splits a character"));
        }
    }
    for note in out.notes() {
        if input.get(note.span.range()).is_none() {
            errs.push(format!("note {note:?} is not on char boundaries"));
        }
    }
    errs
}

#[test]
fn bad_inputs_section_b() {
    let data = include_str!("data/normalize/bad_inputs.jsonl");
    let mut failures = Vec::new();
    let mut classes = std::collections::BTreeSet::new();
    let mut count = 0;
    for (no, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        count += 1;
        let v: Value = serde_json::from_str(line).expect("vector is JSON");
        let name = format!(
            "line {} (class {}, {})",
            no + 1,
            v["class"],
            v["name"].as_str().unwrap_or("")
        );
        classes.insert(v["class"].as_u64().unwrap_or(0));
        let n = match normalizer(&v) {
            Ok(n) => n,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let input = v["input"].as_str().expect("input");
        let out = n.normalize(input);
        let mut errs = Vec::new();
        if let Some(want) = v["expect"].as_str() {
            if out.as_str() != want {
                errs.push(format!("got {:?}, want {want:?}", out.as_str()));
            }
        }
        if let Some(notes) = v["notes"].as_array() {
            let got: Vec<String> = out.notes().iter().map(|x| kind_name(x.kind)).collect();
            let want: Vec<String> = notes
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect();
            if got != want {
                errs.push(format!("notes {got:?}, want {want:?}"));
            }
        }
        errs.extend(check_map(&out, input, &v["map"], "map"));
        if let Some(want) = v["key"].as_str() {
            let key = n.key(input);
            if key.as_str() != want {
                errs.push(format!("key {:?}, want {want:?}", key.as_str()));
            }
            errs.extend(check_map(&key, input, &v["key_map"], "key_map"));
        }
        errs.extend(invariants(&n, input, &out));
        failures.extend(errs.into_iter().map(|e| format!("{name}: {e}")));
    }
    let missing: Vec<u64> = (13..=28).filter(|c| !classes.contains(c)).collect();
    assert!(missing.is_empty(), "no vector for classes {missing:?}");
    assert!(count >= 30, "{count} vectors");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// BAD_INPUTS #14 and #38: a megabyte of combining marks, alone and on a
/// letter; only marks; only U+FFFD; empty and whitespace-only input.
#[test]
fn degenerate_inputs() {
    let n = Normalizer::new();
    let marks = "\u{301}".repeat(1 << 20);
    let out = n.normalize(&marks);
    assert_eq!(out.as_str(), marks);
    let on_letter = format!("a{marks}");
    let out = n.normalize(&on_letter);
    assert!(out.as_str().starts_with('á'));
    assert_eq!(
        out.as_str().chars().filter(|c| *c == '\u{301}').count(),
        (1 << 20) - 1
    );
    assert_eq!(n.normalize("").as_str(), "");
    assert!(n.normalize("").is_borrowed());
    assert_eq!(n.normalize(" \n\t ").as_str(), " \n\t ");
    assert_eq!(n.normalize("\u{fffd}\u{fffd}").as_str(), "\u{fffd}\u{fffd}");
    let big = "và 7 tập thể ".repeat(100_000);
    assert!(n.normalize(&big).is_borrowed());
}
