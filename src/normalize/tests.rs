//! Unit tests of the scanner. The exhaustive and corpus-wide checks live in
//! `tests/normalize_*.rs`.

use super::*;

fn norm(s: &str) -> String {
    normalize(s).as_str().to_string()
}

fn with(tone: ToneStyle, s: &str) -> String {
    Normalizer::builder()
        .tone(tone)
        .build()
        .normalize(s)
        .as_str()
        .to_string()
}

#[test]
fn composes_decomposed_letters() {
    assert_eq!(norm("Vie\u{323}\u{302}t Nam"), "Việt Nam");
    // Marks in non-canonical order compose the same way (BAD_INPUTS #16).
    assert_eq!(norm("e\u{302}\u{323}"), "ệ");
    assert_eq!(norm("NA\u{306}M 2017"), "NĂM 2017");
}

#[test]
fn moves_misplaced_tones() {
    assert_eq!(norm("hòan thành kế họach"), "hoàn thành kế hoạch");
    assert_eq!(norm("Qúy I"), "Quý I");
    assert_eq!(norm("thí nghịêm"), "thí nghiệm");
    assert_eq!(norm("gìa"), "già");
}

#[test]
fn traditional_is_the_default_and_modern_is_available() {
    assert_eq!(
        norm("hoà bình, thuỷ điện, sức khoẻ"),
        "hòa bình, thủy điện, sức khỏe"
    );
    assert_eq!(
        with(ToneStyle::Modern, "hòa bình, thủy điện, sức khỏe"),
        "hoà bình, thuỷ điện, sức khoẻ"
    );
    assert_eq!(norm("HOÀ BÌNH, UỶ BAN"), "HÒA BÌNH, ỦY BAN");
    // Closed syllables and qu/gi onsets are the same in both styles.
    for style in [ToneStyle::Traditional, ToneStyle::Modern] {
        assert_eq!(
            with(style, "hoàn, quý, giữ, thuyền"),
            "hoàn, quý, giữ, thuyền"
        );
    }
}

#[test]
fn preserve_keeps_every_mark_where_it_is() {
    assert_eq!(with(ToneStyle::Preserve, "hoà hòan qúy"), "hoà hòan qúy");
    // … but still composes.
    assert_eq!(with(ToneStyle::Preserve, "ho\u{300}a"), "hòa");
}

#[test]
fn folds_eth_lookalikes() {
    assert_eq!(norm("ÐBSCL, Gia Ðông, ðồng"), "ĐBSCL, Gia Đông, đồng");
    let keep = Normalizer::builder().lookalikes(Lookalikes::Keep).build();
    assert_eq!(keep.normalize("ÐBSCL").as_str(), "ÐBSCL");
}

#[test]
fn spaces_become_ascii() {
    assert_eq!(norm("1\u{a0}000 người"), "1 000 người");
    assert_eq!(norm("a\u{202f}b\u{2009}c\u{3000}d"), "a b c d");
    // Runs and tabs are kept unless collapsing.
    assert_eq!(norm("a  \tb"), "a  \tb");
    let collapse = Normalizer::builder().spaces(Spaces::Collapse).build();
    assert_eq!(
        collapse.normalize("a  \t\u{a0}b\n\n c").as_str(),
        "a b\n\n c"
    );
    let keep = Normalizer::builder().spaces(Spaces::Keep).build();
    assert_eq!(keep.normalize("1\u{a0}000").as_str(), "1\u{a0}000");
}

#[test]
fn removes_invisible_characters() {
    assert_eq!(norm("1\u{200d}3%"), "13%");
    assert_eq!(norm("Việt\u{200b} Nam"), "Việt Nam");
    assert_eq!(norm("ho\u{ad}à"), "hòa");
    assert_eq!(norm("a\u{feff}b"), "ab");
    let keep = Normalizer::builder().ignorables(Ignorables::Keep).build();
    assert_eq!(keep.normalize("1\u{200d}3").as_str(), "1\u{200d}3");
}

#[test]
fn spans_of_the_normalized_text_point_into_the_original() {
    let original = "tăng 1\u{200d}3% so với cu\u{300}ng kỳ";
    let n = normalize(original);
    assert_eq!(n.as_str(), "tăng 13% so với cùng kỳ");
    let pct = n.as_str().find("13%").unwrap_or(0);
    let back = n.to_original(Span::new(pct, pct + 3));
    assert_eq!(&original[back.range()], "1\u{200d}3%");
    let cung = n.as_str().find("cùng").unwrap_or(0);
    let back = n.to_original(Span::new(cung, cung + "cùng".len()));
    assert_eq!(&original[back.range()], "cu\u{300}ng");
}

#[test]
fn canonical_text_is_borrowed() {
    for s in [
        "",
        "Năm 2017, Đảng bộ xã đã tập trung lãnh đạo; trồng rừng mới vượt 13,6% kế hoạch.",
        "Thủy điện Sông Bung 4 – “Gia đình văn hóa”…",
        "Hello, world! 1,234.5 ₫ € 北京 😀",
        "a  \tb\r\nc",
    ] {
        let n = normalize(s);
        assert!(n.is_borrowed(), "{s:?} → {:?}", n.as_str());
        assert!(n.offsets().is_identity());
    }
}

#[test]
fn two_tones_are_noted_and_kept() {
    let n = normalize("chữ hòá lạ");
    assert_eq!(n.as_str(), "chữ hòá lạ");
    assert_eq!(n.notes().len(), 1);
    assert_eq!(n.notes()[0].kind, NoteKind::TwoTones);
    assert_eq!(&"chữ hòá lạ"[n.notes()[0].span.range()], "hòá");
}

#[test]
fn stacked_marks_are_noted_and_kept() {
    // Two tones on one vowel (BAD_INPUTS #17): NFC keeps both.
    let n = normalize("a\u{301}\u{300}");
    assert_eq!(n.as_str(), "á\u{300}");
    assert!(n.notes().iter().any(|x| x.kind == NoteKind::StackedMarks));
    // Ten stacked marks (BAD_INPUTS #14): none deleted.
    let ten = format!("o{}", "\u{301}".repeat(10));
    let n = normalize(&ten);
    assert_eq!(n.as_str().chars().filter(|c| *c == '\u{301}').count(), 9);
    assert!(n.as_str().starts_with('ó'));
}

#[test]
fn lone_marks_and_bidi_controls() {
    // A lone combining mark at the start is valid and kept (BAD_INPUTS #13).
    let n = normalize("\u{301}a");
    assert_eq!(n.as_str(), "\u{301}a");
    // Bidi controls are removed and noted (BAD_INPUTS #22).
    let s = "tăng \u{202e}5%\u{202c}";
    let n = normalize(s);
    assert_eq!(n.as_str(), "tăng 5%");
    let bidi: Vec<_> = n
        .notes()
        .iter()
        .filter(|x| x.kind == NoteKind::BidiControl)
        .collect();
    assert_eq!(bidi.len(), 2);
    assert_eq!(&s[bidi[0].span.range()], "\u{202e}");
}

#[test]
fn foreign_words_keep_their_marks() {
    for s in [
        "Zoë Saldaña",
        "Hôtel de Ville",
        "Bogotá",
        "naïve café",
        "Nguyễn",
    ] {
        let n = normalize(s);
        assert_eq!(n.as_str(), s);
    }
}

#[test]
fn normalizing_twice_changes_nothing() {
    for s in [
        "Vie\u{323}\u{302}t hoà qúy \u{a0}Ð 1\u{200d}3% a\u{301}\u{300} \u{301}x",
        "<\u{200b}\u{338} =\u{338} \u{2000}\u{2001}",
        "ho\u{ad}à THUỶ khoẻ nghịêm",
        "\u{feff}\u{301}\u{202e}",
    ] {
        for style in [
            ToneStyle::Traditional,
            ToneStyle::Modern,
            ToneStyle::Preserve,
        ] {
            for spaces in [Spaces::Keep, Spaces::Ascii, Spaces::Collapse] {
                let n = Normalizer::builder().tone(style).spaces(spaces).build();
                let once = n.normalize(s).as_str().to_string();
                let twice = n.normalize(&once).as_str().to_string();
                assert_eq!(once, twice, "{s:?} {style:?} {spaces:?}");
            }
        }
    }
}

#[test]
fn nfc_of_symbols_and_compatibility_singletons() {
    // Canonical singletons change under NFC: Ω (U+2126) → Ω (U+03A9),
    // Å (U+212B) → Å (U+00C5), a CJK compatibility ideograph → its unified form.
    assert_eq!(
        norm("\u{2126} \u{212b} \u{f900}"),
        "\u{3a9} \u{c5} \u{8c48}"
    );
    assert_eq!(norm("=\u{338}"), "≠");
}
