//! The hostile-input catalogue of `../shared/BAD_INPUTS.md` (39 classes) as
//! one data-driven file, `tests/data/bad_inputs/catalogue.jsonl`: each line
//! is a vector with its class, an input recipe, the API it goes through and
//! the behaviour the catalogue defines for it. The test fails if a class has
//! no vector, if a vector's expectation does not hold, and if any vector
//! breaks the general invariants of `tests/support/invariants.rs`.
//!
//! # A vector
//! - `class` (1–39), `name`, `behaviour` (what the catalogue asks, quoted or
//!   summed up).
//! - `input`: a list of parts, concatenated: a string (UTF-8 text),
//!   `{"hex": "…"}` (bytes), `{"repeat": "…", "times": n}` (text repeated;
//!   `times_debug` for debug builds), `{"file": "…"}` (a file of the
//!   repository).
//! - `run`: `decode` (options `encoding`, `errors`: `strict`, `scope`:
//!   `line`, `mojibake`: `cp1252`), `decode_lines` (one-shot against line by
//!   line with `encoding`), `normalize` (options `tone`, `spaces`,
//!   `lookalikes`, `ignorables`), `extract` and `extract_bytes` (options
//!   `kinds`, `numbers`, `report`, `max_facts`).
//! - `expect`: what must hold — for decoding `text`, `encoding`, `problems`
//!   (`[[start, end, kind]]`, exact), `problem_kinds` (present), `had_bom`,
//!   `error` (`valid_up_to`/`error_len` or `offset`/`len`), `normalized`,
//!   `segment_encodings` (exact), `segment_encodings_include`, `confidence_at_least`; for normalizing `text`,
//!   `notes`, `key`; for extracting `facts` (exact list of `{kind, text,
//!   value?, end?, span_text?}`), `fact_count` (`fact_count_debug` with `times_debug`), `diagnostics` (exact list of
//!   `{kind?, detail?, text?, len?}`), `sentences`, `truncated`; and
//!   `within_ms` (a generous bound in an optimized build, ten times it in a
//!   debug build).

mod common;
#[path = "support/invariants.rs"]
mod invariants;

use serde_json::Value;
use std::collections::BTreeSet;
use std::time::Instant;
use vietfacts::{
    Decoder, Diagnostics, Encoding, ErrorKind, Errors, Extractor, FactKind, FactValue, Ignorables,
    Lookalikes, MojibakeRepair, Normalizer, Scope, Spaces, ToneStyle,
};

const CATALOGUE: &str = "tests/data/bad_inputs/catalogue.jsonl";
/// Inputs up to this size also go through every general invariant.
const INVARIANTS_UP_TO: usize = 64 * 1024;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("hex"), 16).expect("hex digit"))
        .collect()
}

/// The input bytes of a vector.
fn input(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    for part in v["input"].as_array().expect("input is a list") {
        match part {
            Value::String(s) => out.extend_from_slice(s.as_bytes()),
            Value::Object(o) => {
                if let Some(h) = o.get("hex") {
                    out.extend(hex(h.as_str().expect("hex string")));
                } else if let Some(r) = o.get("repeat") {
                    let key = if cfg!(debug_assertions) && o.contains_key("times_debug") {
                        "times_debug"
                    } else {
                        "times"
                    };
                    let n = o[key].as_u64().expect("times") as usize;
                    out.extend(r.as_str().expect("repeat string").repeat(n).into_bytes());
                } else if let Some(f) = o.get("file") {
                    out.extend(
                        std::fs::read(root().join(f.as_str().expect("file"))).expect("file"),
                    );
                } else {
                    panic!("unknown input part {part}");
                }
            }
            other => panic!("unknown input part {other}"),
        }
    }
    out
}

fn opt<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn encoding(name: &str) -> Encoding {
    name.parse().expect("encoding name")
}

fn problem_kind(k: vietfacts::DecodeProblemKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn note_kind(k: vietfacts::NoteKind) -> String {
    format!("{k:?}")
}

/// Runs one vector; `Err` says what failed.
fn run(v: &Value) -> Result<(), String> {
    let bytes = input(v);
    let expect = &v["expect"];
    let what = v["run"].as_str().expect("run");
    let bound = expect.get("within_ms").and_then(Value::as_u64);
    let started = Instant::now();
    match what {
        "decode" => decode(v, &bytes, expect)?,
        "decode_lines" => {
            let enc = encoding(opt(v, "encoding").expect("decode_lines needs an encoding"));
            invariants::check_decode_as(&bytes, enc)?;
            let whole = vietfacts::decode_as(&bytes, enc);
            if let Some(t) = opt(expect, "text") {
                check_eq("text", whole.text(), t)?;
            }
        }
        "normalize" => {
            let text = String::from_utf8(bytes.clone()).map_err(|e| e.to_string())?;
            normalize(v, &text, expect)?;
        }
        "extract" | "extract_bytes" => extract(v, &bytes, expect, what == "extract_bytes")?,
        other => return Err(format!("unknown run {other}")),
    }
    let elapsed = started.elapsed().as_millis() as u64;
    if let Some(ms) = bound {
        let ms = if cfg!(debug_assertions) { ms * 10 } else { ms };
        if elapsed > ms {
            return Err(format!("took {elapsed} ms, bound {ms} ms"));
        }
    }
    // The general invariants, on inputs small enough.
    if bytes.len() <= INVARIANTS_UP_TO {
        match std::str::from_utf8(&bytes) {
            Ok(text) if what != "decode" && what != "decode_lines" => {
                invariants::check_normalize(text)?;
                invariants::check_extract(text)?;
                invariants::check_digits(text)?;
            }
            _ => {
                invariants::check_decode_auto(&bytes)?;
                if let Some(e) = opt(v, "encoding") {
                    invariants::check_decode_as(&bytes, encoding(e))?;
                }
            }
        }
        invariants::check_differential(&bytes)?;
    }
    Ok(())
}

fn check_eq<T: PartialEq + std::fmt::Debug + ?Sized>(
    what: &str,
    got: &T,
    want: &T,
) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

fn decode(v: &Value, bytes: &[u8], expect: &Value) -> Result<(), String> {
    let mut b = Decoder::builder();
    if let Some(e) = opt(v, "encoding") {
        b = b.encoding(encoding(e));
    }
    if opt(v, "errors") == Some("strict") {
        b = b.errors(Errors::Strict);
    }
    if opt(v, "scope") == Some("line") {
        b = b.scope(Scope::Line);
    }
    if opt(v, "mojibake") == Some("cp1252") {
        b = b.mojibake(MojibakeRepair::Cp1252);
    }
    let result = b.build().decode(bytes);
    if let Some(err) = expect.get("error") {
        let e = match result {
            Ok(d) => return Err(format!("decoded {:?}, want an error", d.text())),
            Err(e) => e,
        };
        return match (e.kind(), err.get("valid_up_to")) {
            (
                ErrorKind::InvalidUtf8 {
                    valid_up_to,
                    error_len,
                },
                Some(up),
            ) => {
                check_eq(
                    "valid_up_to",
                    &(*valid_up_to as u64),
                    &up.as_u64().unwrap_or(u64::MAX),
                )?;
                check_eq(
                    "error_len",
                    &error_len.map(|l| l as u64),
                    &err["error_len"].as_u64(),
                )
            }
            (ErrorKind::Undecodable { offset, len }, None) => {
                check_eq(
                    "offset",
                    &(*offset as u64),
                    &err["offset"].as_u64().unwrap_or(u64::MAX),
                )?;
                check_eq(
                    "len",
                    &(*len as u64),
                    &err["len"].as_u64().unwrap_or(u64::MAX),
                )
            }
            (k, _) => Err(format!("error {k:?}, want {err}")),
        };
    }
    let d = result.map_err(|e| format!("decoding failed: {e}"))?;
    invariants::check_decoded(bytes, &d, "catalogue decode")?;
    if let Some(t) = opt(expect, "text") {
        check_eq("text", d.text(), t)?;
    }
    if let Some(e) = opt(expect, "encoding") {
        check_eq("encoding", d.encoding().name(), e)?;
    }
    if let Some(b) = expect.get("had_bom").and_then(Value::as_bool) {
        check_eq("had_bom", &d.had_bom(), &b)?;
    }
    if let Some(ps) = expect.get("problems").and_then(Value::as_array) {
        let got: Vec<(u64, u64, String)> = d
            .problems()
            .iter()
            .map(|p| (p.span.start as u64, p.span.end as u64, problem_kind(p.kind)))
            .collect();
        let want: Vec<(u64, u64, String)> = ps
            .iter()
            .map(|p| {
                (
                    p[0].as_u64().unwrap_or(0),
                    p[1].as_u64().unwrap_or(0),
                    p[2].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        check_eq("problems", &got, &want)?;
    }
    if let Some(ks) = expect.get("problem_kinds").and_then(Value::as_array) {
        let got: BTreeSet<String> = d.problems().iter().map(|p| problem_kind(p.kind)).collect();
        for k in ks {
            let k = k.as_str().unwrap_or_default();
            if !got.contains(k) {
                return Err(format!("no {k} problem among {got:?}"));
            }
        }
    }
    if let Some(n) = opt(expect, "normalized") {
        check_eq("normalized", vietfacts::normalize(d.text()).as_str(), n)?;
    }
    if let Some(es) = expect.get("segment_encodings").and_then(Value::as_array) {
        let got: Vec<&str> = d.segments().iter().map(|s| s.encoding.name()).collect();
        let want: Vec<&str> = es.iter().filter_map(Value::as_str).collect();
        check_eq("segment encodings", &got, &want)?;
    }
    if let Some(es) = expect
        .get("segment_encodings_include")
        .and_then(Value::as_array)
    {
        let got: BTreeSet<&str> = d.segments().iter().map(|s| s.encoding.name()).collect();
        for e in es.iter().filter_map(Value::as_str) {
            if !got.contains(e) {
                return Err(format!("no {e} segment among {got:?}"));
            }
        }
    }
    if let Some(c) = expect.get("confidence_at_least").and_then(Value::as_f64) {
        if f64::from(d.confidence()) < c {
            return Err(format!("confidence {} < {c}", d.confidence()));
        }
    }
    Ok(())
}

fn normalize(v: &Value, text: &str, expect: &Value) -> Result<(), String> {
    let mut b = Normalizer::builder();
    match opt(v, "tone") {
        Some("modern") => b = b.tone(ToneStyle::Modern),
        Some("preserve") => b = b.tone(ToneStyle::Preserve),
        _ => {}
    }
    match opt(v, "spaces") {
        Some("keep") => b = b.spaces(Spaces::Keep),
        Some("collapse") => b = b.spaces(Spaces::Collapse),
        _ => {}
    }
    if opt(v, "lookalikes") == Some("keep") {
        b = b.lookalikes(Lookalikes::Keep);
    }
    if opt(v, "ignorables") == Some("keep") {
        b = b.ignorables(Ignorables::Keep);
    }
    let n = b.build();
    let out = n.normalize(text);
    if let Some(t) = opt(expect, "text") {
        check_eq("normalized", out.as_str(), t)?;
    }
    if let Some(ns) = expect.get("notes").and_then(Value::as_array) {
        let got: Vec<String> = out.notes().iter().map(|n| note_kind(n.kind)).collect();
        let want: Vec<String> = ns
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        check_eq("notes", &got, &want)?;
    }
    if let Some(k) = opt(expect, "key") {
        check_eq("key", n.key(text).as_str(), k)?;
    }
    Ok(())
}

fn kind(name: &str) -> FactKind {
    serde_json::from_value(Value::String(name.to_string())).expect("fact kind")
}

/// The number a fact carries (its value), and the end of a range.
fn value_of(v: &FactValue) -> (Option<f64>, Option<f64>) {
    match v {
        FactValue::Percentage(p) => (Some(p.value), p.end),
        FactValue::Money(m) => (Some(m.value), m.end),
        FactValue::Count(c) => (Some(c.value), None),
        FactValue::Number(n) => (Some(n.value), None),
        FactValue::Date(d) => (d.year.map(f64::from), None),
        _ => (None, None),
    }
}

fn extract(v: &Value, bytes: &[u8], expect: &Value, from_bytes: bool) -> Result<(), String> {
    let mut b = Extractor::builder();
    if let Some(ks) = v.get("kinds").and_then(Value::as_array) {
        b = b.kinds(ks.iter().filter_map(Value::as_str).map(kind));
    }
    if v.get("numbers").and_then(Value::as_bool) == Some(true) {
        b = b.with_numbers();
    }
    if v.get("report").and_then(Value::as_bool) == Some(true) {
        b = b.diagnostics(Diagnostics::Report);
    }
    if let Some(m) = v.get("max_facts").and_then(Value::as_u64) {
        b = b.max_facts(m as usize);
    }
    let ex = b.build();
    let (doc, text) = if from_bytes {
        let doc = ex.extract_bytes(bytes);
        (doc, vietfacts::decode(bytes).text().to_string())
    } else {
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())?;
        (ex.extract(&text), text)
    };
    invariants::check_document(&text, &doc, "catalogue extract")?;
    if let Some(e) = opt(expect, "encoding") {
        check_eq("encoding", doc.encoding.name(), e)?;
    }
    if let Some(fs) = expect.get("facts").and_then(Value::as_array) {
        if fs.len() != doc.facts.len() {
            return Err(format!(
                "{} facts, want {}: {:?}",
                doc.facts.len(),
                fs.len(),
                doc.facts
                    .iter()
                    .map(|f| (f.kind(), &f.text))
                    .collect::<Vec<_>>()
            ));
        }
        for (f, w) in doc.facts.iter().zip(fs) {
            check_eq(
                "fact kind",
                f.kind().name(),
                w["kind"].as_str().unwrap_or_default(),
            )?;
            if let Some(t) = opt(w, "text") {
                check_eq("fact text", f.text.as_str(), t)?;
            }
            if let Some(t) = opt(w, "span_text") {
                check_eq("fact span", text.get(f.span.range()).unwrap_or_default(), t)?;
            }
            let (value, end) = value_of(&f.value);
            if let Some(x) = w.get("value").and_then(Value::as_f64) {
                check_eq(&format!("value of {:?}", f.text), &value, &Some(x))?;
            }
            if let Some(x) = w.get("end").and_then(Value::as_f64) {
                check_eq(&format!("end of {:?}", f.text), &end, &Some(x))?;
            }
        }
    }
    let count_key = if cfg!(debug_assertions) && expect.get("fact_count_debug").is_some() {
        "fact_count_debug"
    } else {
        "fact_count"
    };
    if let Some(n) = expect.get(count_key).and_then(Value::as_u64) {
        check_eq("fact count", &(doc.facts.len() as u64), &n)?;
    }
    if let Some(t) = expect.get("truncated").and_then(Value::as_bool) {
        check_eq("truncated", &doc.truncated, &t)?;
    }
    if let Some(n) = expect.get("sentences").and_then(Value::as_u64) {
        check_eq("sentences", &(doc.sentences.len() as u64), &n)?;
    }
    if let Some(ds) = expect.get("diagnostics").and_then(Value::as_array) {
        if ds.len() != doc.diagnostics.len() {
            return Err(format!(
                "{} diagnostics, want {}: {:?}",
                doc.diagnostics.len(),
                ds.len(),
                doc.diagnostics
            ));
        }
        for (d, w) in doc.diagnostics.iter().zip(ds) {
            if let Some(k) = opt(w, "kind") {
                check_eq("diagnostic kind", d.kind.as_str(), k)?;
            }
            if let Some(k) = opt(w, "detail") {
                check_eq("diagnostic detail", d.detail.as_str(), k)?;
            }
            if let Some(t) = opt(w, "text") {
                check_eq(
                    "diagnostic span",
                    text.get(d.span.range()).unwrap_or_default(),
                    t,
                )?;
            }
            if let Some(n) = w.get("len").and_then(Value::as_u64) {
                check_eq("diagnostic length", &(d.span.len() as u64), &n)?;
            }
        }
    }
    Ok(())
}

#[test]
fn every_class_of_bad_inputs_md_has_a_vector_and_behaves() {
    let data = std::fs::read_to_string(root().join(CATALOGUE)).expect("catalogue");
    let mut classes = BTreeSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with("//") {
            continue;
        }
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        let class = v["class"].as_u64().expect("class");
        assert!(
            v["behaviour"].as_str().is_some_and(|b| !b.is_empty()),
            "line {}: no behaviour",
            n + 1
        );
        classes.insert(class);
        count += 1;
        if let Err(e) = run(&v) {
            failures.push(format!("line {} (#{class} {}): {e}", n + 1, v["name"]));
        }
    }
    let missing: Vec<u64> = (1..=39).filter(|c| !classes.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "BAD_INPUTS classes without a vector: {missing:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The catalogue's classes are the ones of `../shared/BAD_INPUTS.md`: the
/// table rows numbered 1–39 are all there, and none beyond.
#[test]
fn the_catalogue_covers_the_classes_of_the_shared_file() {
    let Some(path) = common::shared_path("bad_inputs_catalogue", "BAD_INPUTS.md") else {
        return;
    };
    let md = std::fs::read_to_string(path).expect("BAD_INPUTS.md");
    let numbers: BTreeSet<u64> = md
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(' ').next())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers, (1..=39).collect::<BTreeSet<u64>>());
}
