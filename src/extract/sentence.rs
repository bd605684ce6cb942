//! Sentence spans: a sentence ends at `.`, `!`, `?`, `…` followed by a space
//! and a capital, a digit, a quote or a dash, and at every line break.
//!
//! A full stop is not an end after a common abbreviation (`TP.`, `Q.`,
//! `PGS.`, `ThS.`, `Tp.`), inside a number or a date (`13.6`, `15.3.2018`),
//! or before a lower-case word.

use crate::Span;
use crate::token::{Kind, Tokens};

/// Abbreviations written with a full stop (lower case).
const ABBREVIATIONS: &[&str] = &[
    "tp", "q", "p", "tx", "tt", "h", "x", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "th", "st",
    "mr", "mrs", "ms", "dr", "vs", "no", "tr", "đ", "ông", "bà",
];

/// Does the punctuation `c` end a sentence (before a space and a capital,
/// a digit, a quote or a dash)? The tokenizer notes these
/// ([`Tokens::sentence_marks`]).
#[inline]
pub(crate) const fn is_end_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The sentences of `text`, as spans of it.
pub(crate) fn sentences(t: &Tokens<'_>) -> Vec<Span> {
    let marks = t.sentence_marks();
    // A mark closes one sentence, or two (`\n.`): about as many as marks.
    let mut out = Vec::with_capacity(marks.len() + 1);
    sentences_at(t, marks.iter().copied(), &mut out);
    out
}

/// Appends the sentences of `t` to `out`, looking only at the tokens of
/// `marks` (in order): an end mark or a token after a line break can
/// close a sentence, no other token can. The tokenizer's
/// [`Tokens::sentence_marks`] are those tokens; the tests also pass every
/// token.
fn sentences_at(t: &Tokens<'_>, marks: impl Iterator<Item = usize>, out: &mut Vec<Span>) {
    let n = t.len();
    // The first token of the open sentence (`n` once the last one closed).
    let mut start = 0;
    // The next token to look at: the closing marks taken into a sentence
    // are not looked at again (`?!` ends one sentence, not two).
    let mut i = 0;
    for at in marks {
        if at < i {
            continue;
        }
        let Some(tok) = t.get(at) else { break };
        let end_mark = matches!(tok.kind, Kind::Punct(c) if is_end_mark(c));
        if !(end_mark || tok.line_before) {
            continue;
        }
        if tok.line_before && start < at {
            out.push(t.span(start, at));
            start = at;
        }
        i = at + 1;
        if !end_mark {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut last = at;
        while matches!(
            t.get(last + 1).map(|x| (x.kind, x.space_before)),
            Some((
                Kind::Punct('”' | '"' | '’' | ')' | '»' | '.' | '!' | '?'),
                false
            ))
        ) {
            last += 1;
        }
        let next = last + 1;
        let Some(after) = t.get(next) else { continue };
        if !after.space_before || after.line_before {
            continue;
        }
        if tok.kind == Kind::Punct('.') && at > 0 && t.joined(at) {
            let prev = t.lower(at - 1);
            if t.is_word(at - 1) && (ABBREVIATIONS.contains(&prev) || one_letter(prev)) {
                continue;
            }
        }
        let starts_sentence = match after.kind {
            Kind::Word => t.capitalized(next),
            Kind::Digits => true,
            Kind::Punct(c) => matches!(c, '“' | '"' | '‘' | '-' | '–' | '—' | '(' | '•' | '*'),
        };
        if starts_sentence {
            out.push(t.span(start, next));
            start = next;
            i = next;
        }
    }
    if start < n {
        out.push(t.span(start, n));
    }
}

/// Is `w` one character (`A.`, `Đ.`: an initial)? Two decoded at most,
/// not the whole word counted.
fn one_letter(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences found from the tokenizer's marks and from every token
    /// are the same.
    fn marks_agree(text: &str) {
        let t = Tokens::new(text);
        let mut all = Vec::new();
        sentences_at(&t, 0..t.len(), &mut all);
        assert_eq!(sentences(&t), all, "{text:?}");
    }

    #[test]
    fn the_marks_find_the_sentences_every_token_finds() {
        const PIECES: &[&str] = &[
            "Năm", "năm", "Tôi", "TP", "tp", "Q", "ông", "x", "Đảng", "2017", "13", ".", "!", "?",
            "…", "”", "\"", "’", ")", "»", "“", "‘", "(", "-", "–", "—", "•", "*", ",", " ", " ",
            " ", "\n", "\r\n", "\u{2028}", "\u{85}", "\u{a0}", "\u{301}",
        ];
        for text in crate::token::tests::random_mixes(PIECES, 30_000) {
            marks_agree(&text);
        }
        let raw = include_str!("../../fixtures/duong-quang-2017.txt");
        let norm = crate::normalize(raw);
        let text = norm.as_str();
        marks_agree(raw);
        marks_agree(text);
        for (k, _) in text.char_indices().step_by(89) {
            marks_agree(&text[..k]);
            marks_agree(&text[k..]);
        }
    }

    #[test]
    fn one_letter_is_one_character() {
        for w in [
            "", "a", "Đ", "ế", "tp", "năm", "Nguyễn", "北", "😀", "e\u{301}",
        ] {
            assert_eq!(one_letter(w), w.chars().count() == 1, "{w:?}");
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        sentences(&t).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn full_stops_question_marks_and_lines() {
        assert_eq!(
            split(
                "Thu ngân sách vượt 8% dự toán. Lĩnh vực giáo dục được thực hiện.\nNăm 2018, xã sẽ tiếp tục."
            ),
            vec![
                "Thu ngân sách vượt 8% dự toán.",
                "Lĩnh vực giáo dục được thực hiện.",
                "Năm 2018, xã sẽ tiếp tục."
            ]
        );
        assert_eq!(split("Ai đến? Tôi."), vec!["Ai đến?", "Tôi."]);
    }

    #[test]
    fn abbreviations_numbers_and_quotes_do_not_split() {
        assert_eq!(
            split("Ông A ở TP. Hồ Chí Minh, tăng 13.6 lần."),
            vec!["Ông A ở TP. Hồ Chí Minh, tăng 13.6 lần."]
        );
        assert_eq!(
            split("Anh nói: “Xong rồi.” Rồi đi."),
            vec!["Anh nói: “Xong rồi.”", "Rồi đi."]
        );
    }

    #[test]
    fn runs_of_marks_lines_and_the_last_sentence() {
        assert_eq!(
            split("Thật sao?! Đúng vậy.\n\nHà Nội mưa to"),
            vec!["Thật sao?!", "Đúng vậy.", "Hà Nội mưa to"]
        );
        // A line break ends a sentence without a mark; leading breaks and
        // spaces belong to none.
        assert_eq!(
            split("\n  Tiêu đề\nNội dung chính. "),
            vec!["Tiêu đề", "Nội dung chính."]
        );
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
    }
}
