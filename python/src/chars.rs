//! Byte offsets → Python string indexes.
//!
//! A Python `str` is indexed by code points, a fact's `span` by UTF-8 bytes:
//! in `"Năm 2017"`, `2017` is bytes 5..9 but characters 4..8 (`ă` takes two
//! bytes). [`char_spans`] converts every span of one document in a single
//! pass over the text, with no table.

use vietfacts::Span;

/// The code-point offsets of `spans` (byte offsets on char boundaries of
/// `text`), in the same order. Cheapest when the spans come sorted by start,
/// as a [`Document`](vietfacts::Document)'s facts do; any order is correct.
///
/// ```
/// use vietfacts::Span;
/// use vietfacts_python::chars::char_spans;
/// let text = "Năm 2017, xã Dương Quang";
/// let year = text.find("2017").unwrap();
/// let xa = text.find("xã").unwrap();
/// let spans = [Span::new(year, year + 4), Span::new(xa, text.len())];
/// assert_eq!(char_spans(text, &spans), vec![[4, 8], [10, 24]]);
/// ```
pub fn char_spans(text: &str, spans: &[Span]) -> Vec<[usize; 2]> {
    // A cursor (byte, char) that moves forward, and back to 0 when a span
    // starts before it.
    let mut at = (0usize, 0usize);
    spans
        .iter()
        .map(|s| {
            if s.start < at.0 {
                at = (0, 0);
            }
            at = (s.start, at.1 + chars_in(text, at.0, s.start));
            let end = if s.end >= s.start {
                at.1 + chars_in(text, s.start, s.end)
            } else {
                at.1
            };
            [at.1, end]
        })
        .collect()
}

/// Code points in `text[from..to]` (0 if that is not a valid range).
fn chars_in(text: &str, from: usize, to: usize) -> usize {
    let Some(bytes) = text.as_bytes().get(from..to) else {
        return 0;
    };
    if bytes.is_ascii() {
        return bytes.len();
    }
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_of(text: &str, parts: &[&str]) -> Vec<Span> {
        parts
            .iter()
            .map(|p| {
                let s = text.find(p).unwrap();
                Span::new(s, s + p.len())
            })
            .collect()
    }

    #[test]
    fn code_points_not_bytes() {
        let text = "Đảng bộ xã Dương Quang vượt 13,6% kế hoạch";
        let parts = ["Đảng bộ", "xã Dương Quang", "13,6%", "kế hoạch"];
        let got = char_spans(text, &spans_of(text, &parts));
        let chars: Vec<char> = text.chars().collect();
        for (p, [s, e]) in parts.iter().zip(got) {
            assert_eq!(chars[s..e].iter().collect::<String>(), *p);
        }
    }

    #[test]
    fn out_of_order_and_nested_spans() {
        let text = "7 tập thể và 19 cá nhân được tặng Giấy khen";
        let mut spans = spans_of(text, &["19 cá nhân", "7 tập thể", "Giấy khen"]);
        spans.push(Span::new(0, text.len()));
        let got = char_spans(text, &spans);
        assert_eq!(got[0], [13, 23]);
        assert_eq!(got[1], [0, 9]);
        assert_eq!(got[2], [34, 43]);
        assert_eq!(got[3], [0, text.chars().count()]);
    }

    #[test]
    fn astral_and_decomposed_characters_count_once_per_code_point() {
        // An emoji (4 bytes, 1 code point; 2 UTF-16 units, but Python counts
        // code points) and a decomposed "ồ" (o + two combining marks).
        let text = "😀 Ho\u{302}\u{300} Chí Minh";
        let got = char_spans(text, &spans_of(text, &["Chí"]));
        assert_eq!(got, vec![[7, 10]]);
    }

    #[test]
    fn empty_and_bad_spans_do_not_panic() {
        assert_eq!(char_spans("", &[Span::new(0, 0)]), vec![[0, 0]]);
        assert_eq!(char_spans("ă", &[Span::new(2, 2)]), vec![[1, 1]]);
        assert_eq!(char_spans("abc", &[Span::new(2, 9)]), vec![[2, 2]]);
    }
}
