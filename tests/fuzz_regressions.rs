//! Replays every input in `fuzz/regressions/<target>/` through the checks
//! of that fuzz target (the same `tests/support/invariants.rs` the targets
//! use), so that each crash or invariant failure found by fuzzing, by the
//! property tests or on the corpus stays fixed under a plain `cargo test`.
//! The named tests below pin the expected output of each finding.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::PathBuf;
use vietfacts::{Encoding, FactKind, FactValue};

/// What fuzz target `name` checks on `data` (see `fuzz/fuzz_targets/`).
fn run_target(name: &str, data: &[u8]) -> invariants::Check {
    match name {
        "decode" => invariants::check_decode_auto(data),
        "decode_as" => match data.split_first() {
            Some((&pick, bytes)) => {
                let all = Encoding::ALL;
                invariants::check_decode_as(bytes, all[usize::from(pick) % all.len()])
            }
            None => Ok(()),
        },
        "normalize" => invariants::check_normalize(&String::from_utf8_lossy(data)),
        "extract" => {
            let text = String::from_utf8_lossy(data);
            invariants::check_extract(&text).and_then(|()| invariants::check_digits(&text))
        }
        "differential" => invariants::check_differential(data),
        other => Err(format!("unknown fuzz target directory {other}")),
    }
}

#[test]
fn every_saved_fuzz_input_passes_its_target() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut failures = Vec::new();
    let mut count = 0;
    for target in std::fs::read_dir(&root).expect("fuzz/regressions") {
        let target = target.expect("entry").path();
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        for file in std::fs::read_dir(&target).expect("target dir") {
            let file = file.expect("entry").path();
            let data = std::fs::read(&file).expect("read input");
            count += 1;
            if let Err(e) = run_target(&name, &data) {
                failures.push(format!("{}: {e}", file.display()));
            }
        }
    }
    assert!(
        count >= 5,
        "only {count} saved inputs: is fuzz/regressions there?"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn numbers(text: &str) -> Vec<(String, f64)> {
    invariants::reporting()
        .extract(text)
        .facts
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Number(n) => Some((f.text, n.value)),
            _ => None,
        })
        .collect()
}

fn money(text: &str) -> Vec<(String, f64)> {
    vietfacts::extract(text)
        .facts
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Money(m) => Some((f.text, m.value)),
            _ => None,
        })
        .collect()
}

/// Found on the corpus by the digit rule: the tail `000` of `400.000` was
/// taken for the start of a phone number `000 600.000`, so `600.000` was
/// lost and the money read `000 đồng` = 0 VND.
#[test]
fn the_tail_of_a_chain_starts_no_phone_number() {
    let text = "thu nhập 400.000 600.000 đồng/tháng";
    assert_eq!(
        numbers(text),
        [("400.000".into(), 400_000.0), ("600.000".into(), 600_000.0)]
    );
    assert_eq!(money(text), [("600.000 đồng".into(), 600_000.0)]);
    // Real phone numbers stay no number.
    assert!(numbers("gọi 0912.345.678 hoặc 0912 345 678").is_empty());
}

/// Money read a number from the middle of a digit chain: `0912.345.678
/// đồng` gave 345 678 VND.
#[test]
fn money_starts_no_number_inside_a_chain() {
    assert!(money("0912.345.678 đồng").is_empty());
    // A number glued to a currency code is still read.
    assert_eq!(money("USD1,23"), [("USD1,23".into(), 1.23)]);
}

/// Found by the property tests: digits after `thứ` that no ordinal reads
/// (`thứ 0`, `thứ 1,5`) were neither a number nor a diagnostic.
#[test]
fn digits_after_thu_that_are_no_ordinal_are_a_cardinal() {
    assert_eq!(numbers("thứ 1,5 a"), [("1,5".into(), 1.5)]);
    assert_eq!(numbers("thứ 0 a"), [("0".into(), 0.0)]);
    // Ordinals and weekdays as before.
    let ord = invariants::reporting().extract("lần thứ 8");
    assert!(ord.facts.iter().any(|f| f.text == "thứ 8"
        && matches!(&f.value, FactValue::Number(n) if n.ordinal && n.value == 8.0)));
    assert!(numbers("vào thứ 7 và chủ nhật").is_empty());
}

/// Found by the property tests: a keycap `7️⃣`'s number had the whole
/// keycap as span (right: a span never splits a grapheme) but only `7` as
/// text, which is not the normalization of the span.
#[test]
fn a_keycap_fact_shows_its_whole_span() {
    let text = "7\u{fe0f}\u{20e3} ";
    let doc = invariants::reporting().extract(text);
    let f = doc
        .facts
        .iter()
        .find(|f| f.kind() == FactKind::Number)
        .expect("the keycap's number");
    assert_eq!(f.span.range(), 0..7);
    assert_eq!(f.text, "7\u{20e3}");
    assert!(matches!(&f.value, FactValue::Number(n) if n.value == 7.0));
}

/// Found by the property tests (CI of 5407c78): `thứ 2` ending a line took
/// the date or weekday word that starts the next line as its weekday
/// context, so it was no ordinal, while the date extractor (rightly) never
/// reads a date across a line break: the `2` was in no fact.
#[test]
fn a_weekday_takes_no_context_from_the_next_line() {
    let facts = |text: &str| {
        invariants::reporting()
            .extract(text)
            .facts
            .iter()
            .map(|f| (f.kind(), f.text.clone()))
            .collect::<Vec<_>>()
    };
    // `thứ 2` alone on its line is an ordinal (ambiguous: no word before
    // it); `1-3` on the next line is 1 March.
    let split = facts("thứ 2\n1-3");
    assert!(
        split.contains(&(FactKind::Number, "thứ 2".into())),
        "{split:?}"
    );
    assert!(split.contains(&(FactKind::Date, "1-3".into())), "{split:?}");
    // `0-0` is no date: on the next line it is no invalid date joined to
    // the weekday either, but two numbers (and a percentage range).
    let zero = facts("thứ\t2\n0-0% ");
    assert!(
        zero.contains(&(FactKind::Number, "thứ\t2".into())),
        "{zero:?}"
    );
    assert!(
        zero.contains(&(FactKind::Percentage, "0-0%".into())),
        "{zero:?}"
    );
    // `thứ` ending a line has no numeral: the `2` starting the next line
    // is a number of its own (found by the property tests).
    let next = invariants::reporting().extract("thứ\n2 0.000 ");
    assert!(
        next.facts.iter().any(|f| f.text == "2"
            && matches!(&f.value, FactValue::Number(n) if !n.ordinal && n.value == 2.0)),
        "{next:?}"
    );
    // On one line, `thứ 2 1-3` is Monday 1 March.
    let one = facts("thứ 2 1-3");
    assert_eq!(one, [(FactKind::Date, "thứ 2 1-3".into())]);
}

/// Found by the property tests: an unreadable number (here an overflow,
/// 10^36 thousand) was reported up to the first group of the digit chain
/// after it, so the rest of `0.000` was in no fact and no diagnostic.
#[test]
fn an_unreadable_number_ends_after_a_whole_digit_chain() {
    let text = "1e36 nghìn 0.000 a";
    let doc = invariants::reporting().extract(text);
    let covered = |at: usize| {
        doc.facts
            .iter()
            .map(|f| f.span)
            .chain(doc.diagnostics.iter().map(|d| d.span))
            .any(|s| s.range().contains(&at))
    };
    // The last `0` of `0.000` is byte 16.
    assert!(covered(16), "{doc:?}");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.kind == "unreadable_number"),
        "{doc:?}"
    );
    // A readable number before a chain is untouched: 36 000, then 0.
    assert_eq!(
        numbers("36 nghìn 0.000 a"),
        [("36 nghìn".into(), 36_000.0), ("0.000".into(), 0.0)]
    );
}

/// Found by the fuzz target `extract` (CI of 14bed9d): `5:12` was taken
/// for a time although its minutes go on as a digit chain (`H5:12.345.6`),
/// so `12.345.6` was a time's tail, in no fact and no diagnostic. Minutes
/// are two digits that go on as no chain.
#[test]
fn minutes_that_go_on_as_a_chain_are_no_time() {
    let doc = invariants::reporting().extract("H5:12.345.6 678");
    // `12.345.6` is no valid grouping: reported, not passed over.
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.kind == "unreadable_number" && d.span.range() == (3..11)),
        "{doc:?}"
    );
    // A time stays a time: no number in `lúc 15:30` or `8h15`.
    assert!(numbers("lúc 15:30 và 8h15").is_empty());
}
