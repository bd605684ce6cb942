//! Long texts are extracted in blocks (`src/blocks.rs`): a text of more
//! than half a megabyte gives the same facts and sentences as its
//! paragraphs extracted one by one, nothing lost and nothing twice at a
//! cut, whether the text breaks lines or is one line.

use vietfacts::{Diagnostics, Extractor, Fact, FactKind, FactValue};

/// Paragraphs of a commune report (written for this test), each with a
/// different year, count and amount so that no two are alike.
fn paragraph(k: usize) -> String {
    format!(
        "Năm {}, xã Dương Quang có {} tập thể và {} cá nhân được UBND huyện tặng Giấy khen. \
         Tổng thu ngân sách đạt {},5 tỷ đồng, vượt {}% dự toán; trồng rừng mới {} ha.",
        1900 + k % 200,
        k % 50 + 2,
        k % 90 + 3,
        k % 700 + 10,
        k % 40 + 1,
        k % 300 + 5,
    )
}

/// The facts of each paragraph alone, moved to where the paragraph starts
/// in `joined` (the paragraphs joined with `sep`).
fn facts_one_by_one(ex: &Extractor, paragraphs: &[String], sep: &str) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        for mut f in ex.extract(p).facts {
            f.span.start += at;
            f.span.end += at;
            out.push(f);
        }
        at += p.len() + sep.len();
    }
    out
}

fn check_same(whole: &[Fact], parts: &[Fact]) {
    assert_eq!(whole.len(), parts.len(), "fact counts differ");
    for (w, p) in whole.iter().zip(parts) {
        assert_eq!(w, p);
    }
}

#[test]
fn a_long_text_gives_the_facts_of_its_paragraphs() {
    let ex = Extractor::builder()
        .with_numbers()
        .diagnostics(Diagnostics::Report)
        .build();
    let paragraphs: Vec<String> = (0..9_000).map(paragraph).collect();
    let text = paragraphs.join("\n");
    assert!(text.len() > 3 * 512 * 1024, "{} bytes", text.len());
    let doc = ex.extract(&text);
    // Every paragraph has an award, a year, money, a percentage, a count of
    // hectares: at least five facts each.
    assert!(doc.facts.len() >= 5 * paragraphs.len());
    check_same(&doc.facts, &facts_one_by_one(&ex, &paragraphs, "\n"));
    // Two sentences per paragraph, none cut or repeated.
    assert_eq!(doc.sentences.len(), 2 * paragraphs.len());
    assert!(doc.sentences.windows(2).all(|w| w[0].end <= w[1].start));
    let awards = doc
        .facts
        .iter()
        .filter(|f| f.kind() == FactKind::Award)
        .count();
    assert_eq!(awards, paragraphs.len());
}

#[test]
fn a_long_single_line_loses_nothing_at_the_cuts() {
    let ex = Extractor::new();
    let paragraphs: Vec<String> = (0..6_000).map(paragraph).collect();
    // One line: the cuts fall after sentences' ends.
    let text = paragraphs.join(" ");
    assert!(!text.contains('\n'));
    let doc = ex.extract(&text);
    check_same(&doc.facts, &facts_one_by_one(&ex, &paragraphs, " "));
    // Spans are in order, on char boundaries, and show their text.
    for f in &doc.facts {
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span.start..f.span.end], f.text);
    }
}

#[test]
fn counts_without_sentence_ends_are_cut_between_words_and_kept_whole() {
    // No line break, no sentence end: the cuts fall at spaces, inside the
    // repeated phrase; every `7 tập thể` is still read once.
    let n = 120_000;
    let text = "và 7 tập thể ".repeat(n);
    assert!(text.len() > 2 * 512 * 1024);
    let doc = Extractor::builder()
        .kinds([FactKind::Count])
        .build()
        .extract(&text);
    assert_eq!(doc.facts.len(), n);
    assert!(
        doc.facts.iter().all(
            |f| matches!(&f.value, FactValue::Count(c) if c.value == 7.0 && c.unit == "tập thể")
        )
    );
    assert!(
        doc.facts
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start)
    );
}

#[test]
fn one_decimal_style_for_the_whole_text() {
    // The first block alone writes `1.234` with nothing to tell its decimal
    // mark (alone it would be read the Vietnamese way, 1234); the text as a
    // whole writes decimals with a point (`13.6%`, `2.5 tấn`), so `1.234`
    // is one point two three four, as in the whole text, in every block.
    let filler = "Không có con số nào ở đây cả. ".repeat(20_000);
    let text = format!(
        "Giá 1.234 USD. {filler}\nSản lượng tăng 13.6%; 2.5 tấn; 7.25 ha; 3.1 km; 8.75 tấn."
    );
    assert!(text.len() > 512 * 1024);
    let money = |text: &str| {
        Extractor::new()
            .extract(text)
            .facts
            .iter()
            .find_map(|f| match &f.value {
                FactValue::Money(m) => Some(m.value),
                _ => None,
            })
    };
    assert_eq!(money("Giá 1.234 USD."), Some(1234.0));
    assert_eq!(money(&text), Some(1.234));
}
