//! BAD_INPUTS section C for percentages, money and counts, and class 38
//! (degenerate inputs) for the whole extractor. The one-line cases live as
//! vectors in `tests/data/extract/*.jsonl` (tagged `bad_inputs_class` 31, 33,
//! 35, and 21, 24, 26 for their Unicode shapes); this file holds the ones
//! that need size or options.

use vietfacts::{Diagnostics, Extractor, FactKind, FactValue};

/// #37: `và 7 tập thể ` × 100 000 gives 100 000 counts (linear: no rescans),
/// and `max_facts` cuts them short with `truncated`, never silently.
#[test]
fn deep_repetition() {
    let text = "và 7 tập thể ".repeat(100_000);
    let doc = Extractor::builder()
        .kinds([FactKind::Count])
        .build()
        .extract(&text);
    assert_eq!(doc.facts.len(), 100_000);
    assert!(!doc.truncated);
    assert!(
        doc.facts.iter().all(
            |f| matches!(&f.value, FactValue::Count(c) if c.value == 7.0 && c.unit == "tập thể")
        )
    );
    let doc = Extractor::builder()
        .kinds([FactKind::Count])
        .max_facts(1_000)
        .build()
        .extract(&text);
    assert_eq!(doc.facts.len(), 1_000);
    assert!(doc.truncated);
}

/// #38: empty, whitespace, U+FFFD, only combining marks, one long line.
#[test]
fn degenerate_inputs() {
    let ex = Extractor::builder()
        .with_numbers()
        .diagnostics(Diagnostics::Report)
        .build();
    for text in [
        "",
        "   \n\t ",
        "\u{fffd}\u{fffd}\u{fffd}",
        &"\u{301}".repeat(10_000),
    ] {
        let doc = ex.extract(text);
        assert!(doc.facts.is_empty(), "{text:?}");
    }
    let doc = ex.extract_bytes(b"");
    assert!(doc.facts.is_empty() && doc.sentences.is_empty());
    // One 2 MB line with a percentage at the end.
    let mut line = "xã ".repeat(700_000);
    line.push_str("vượt 8% dự toán");
    let doc = Extractor::new().extract(&line);
    assert_eq!(doc.facts.len(), 1);
}

/// #29 in the extractor: a megabyte of nines is one diagnostic, no fact.
#[test]
fn a_megabyte_of_digits_is_reported_once() {
    let text = format!("tăng {}%", "9".repeat(1 << 20));
    let doc = Extractor::builder()
        .diagnostics(Diagnostics::Report)
        .build()
        .extract(&text);
    assert!(doc.facts.is_empty());
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!(doc.diagnostics[0].kind, "unreadable_number");
    assert_eq!(doc.diagnostics[0].span.len(), 1 << 20);
}
