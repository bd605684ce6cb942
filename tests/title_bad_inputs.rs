//! BAD_INPUTS #36 for titles, projects and events: unbalanced and
//! unterminated quotes, nested quotes, mixed quote styles, a megabyte
//! between two quotes, a million nested `(` — one test per case, each
//! checking the facts (or their absence), valid spans and linear time.
//! The one-line shapes are also vectors in `tests/data/extract/title.jsonl`.

use std::time::{Duration, Instant};
use vietfacts::{Document, Extractor, FactKind, FactValue};

fn extractor() -> Extractor {
    Extractor::builder()
        .kinds([FactKind::Project, FactKind::Title, FactKind::Event])
        .build()
}

/// Extracts, checks every span slices the input on char boundaries, and
/// returns the document with the time it took.
fn run(text: &str) -> (Document, Duration) {
    let start = Instant::now();
    let doc = extractor().extract(text);
    let took = start.elapsed();
    for f in &doc.facts {
        assert!(text.get(f.span.range()).is_some(), "span {:?}", f.span);
    }
    (doc, took)
}

fn titles(doc: &Document) -> Vec<String> {
    doc.facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Title(t) => Some(t.value.clone()),
            _ => None,
        })
        .collect()
}

/// Time grows at most linearly: four times the input takes at most eight
/// times as long (with a floor for timer noise).
fn assert_linear(make: impl Fn(usize) -> String, n: usize) {
    // The best of three runs each: a shared machine preempts single runs.
    let best = |text: &str| (0..3).map(|_| run(text).1).min().unwrap_or_default();
    let small = best(&make(n));
    let large = best(&make(4 * n));
    let floor = Duration::from_millis(20);
    assert!(
        large <= small.max(floor) * 8,
        "not linear: {small:?} for {n}, {large:?} for {}",
        4 * n
    );
}

/// `“Dự án "Cầu…` at the end of the text: no title, no panic, and the
/// project reader finds no name either.
#[test]
fn unterminated_quote_at_end() {
    for text in [
        "Bài viết “Dự án \"Cầu",
        "Bài viết “Dự án \"Cầu…",
        "“",
        "\"",
        "«",
        "‘",
        "Danh hiệu “Gia đình văn hóa",
        "“Gia đình văn hóa”” thừa một dấu đóng”",
    ] {
        let (doc, _) = run(text);
        let got = titles(&doc);
        if text.starts_with("“Gia") {
            assert_eq!(got, vec!["Gia đình văn hóa".to_string()], "{text:?}");
        } else {
            assert!(got.is_empty(), "{text:?}: {got:?}");
        }
        assert!(
            !doc.facts
                .iter()
                .any(|f| matches!(f.value, FactValue::Project(_))),
            "{text:?}"
        );
    }
}

/// An unbalanced opening quote does not swallow the titles after it.
#[test]
fn unbalanced_quote_before_titles() {
    let text = "Ông ấy nói “không biết. Xã đạt danh hiệu “Xã văn hóa” năm nay.";
    let (doc, _) = run(text);
    assert_eq!(titles(&doc), vec!["Xã văn hóa".to_string()]);
}

/// Nested quotes give the outer title, with the inner quotes in its value.
#[test]
fn nested_quotes() {
    let text = "Cuộc vận động “Học tập và làm theo “tấm gương” Bác Hồ” được đẩy mạnh.";
    let (doc, _) = run(text);
    assert_eq!(
        titles(&doc),
        vec!["Học tập và làm theo “tấm gương” Bác Hồ".to_string()]
    );
    // Ten thousand levels deep: bounded, no recursion, no title past the
    // length bound.
    let deep = format!("phong trào {}X{}", "“".repeat(10_000), "”".repeat(10_000));
    let (doc, _) = run(&deep);
    assert!(titles(&doc).is_empty());
}

/// Mixed styles: curly opened and straight closed, guillemets, single.
#[test]
fn mixed_quote_styles() {
    let text =
        "Danh hiệu “Làng văn hóa\", chương trình «Mỗi xã một sản phẩm» và bộ phim ‘Mùi cỏ cháy’.";
    let (doc, _) = run(text);
    assert_eq!(
        titles(&doc),
        vec![
            "Làng văn hóa".to_string(),
            "Mỗi xã một sản phẩm".to_string(),
            "Mùi cỏ cháy".to_string()
        ]
    );
    // A guillemet never closes a curly quote.
    let (doc, _) = run("Chương trình “Mỗi xã» một");
    assert!(titles(&doc).is_empty());
}

/// A megabyte between two quotes: no title (longer than 300 characters),
/// and the look for the closing quote is bounded, so the time is linear.
#[test]
fn megabyte_between_quotes() {
    let make = |n: usize| format!("danh hiệu “{}” cuối", "chữ ".repeat(n));
    let (doc, _) = run(&make(250_000));
    assert!(titles(&doc).is_empty());
    assert_linear(make, 20_000);
    // Many openings with no closing: each looks a bounded distance.
    assert_linear(|n| "“a ".repeat(n), 20_000);
}

/// A million nested `(`: no stack overflow, nothing found, linear time.
#[test]
fn million_nested_parentheses() {
    let make = |n: usize| {
        format!(
            "Dự án Hồ chứa nước Nặm Cắt và “Gia đình văn hóa” tại Đại hội {}lần thứ hai",
            "(".repeat(n)
        )
    };
    let (doc, _) = run(&make(1_000_000));
    assert_eq!(titles(&doc), vec!["Gia đình văn hóa".to_string()]);
    assert!(
        !doc.facts
            .iter()
            .any(|f| matches!(f.value, FactValue::Event(_)))
    );
    assert!(
        doc.facts
            .iter()
            .any(|f| matches!(f.value, FactValue::Project(_)))
    );
    assert_linear(make, 50_000);
}

/// Many titles, projects and events in a row: one fact each, linear time.
#[test]
fn deep_repetition() {
    let unit = "danh hiệu “Gia đình văn hóa”, cầu Tân Thuận 2, Đại hội lần thứ hai; ";
    let (doc, _) = run(&unit.repeat(5_000));
    assert_eq!(doc.facts.len(), 15_000);
    assert_linear(|n| unit.repeat(n), 1_000);
    // Long chains of names with dashes and of heads without ordinals.
    assert_linear(
        |n| format!("đường cao tốc {}", "Hạ Long – ".repeat(n)),
        50_000,
    );
    assert_linear(|n| "Đại hội Hội nghị kỳ họp ".repeat(n), 5_000);
}
