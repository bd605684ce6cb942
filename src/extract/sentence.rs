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

/// The sentences of `text`, as spans of it.
pub(crate) fn sentences(t: &Tokens<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    let n = t.len();
    // The first token of the open sentence (`n` once the last one closed).
    let mut start = 0;
    let mut i = 0;
    while let Some(tok) = t.get(i) {
        // Most tokens neither follow a line break nor end a sentence.
        let end_mark = matches!(tok.kind, Kind::Punct('.' | '!' | '?' | '…'));
        if !(end_mark || tok.line_before) {
            i += 1;
            continue;
        }
        if tok.line_before && start < i {
            out.push(t.span(start, i));
            start = i;
        }
        i += 1;
        if !end_mark {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut last = i - 1;
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
        let at = i - 1;
        if tok.kind == Kind::Punct('.') && at > 0 && t.joined(at) {
            let prev = t.lower(at - 1);
            if t.is_word(at - 1) && (ABBREVIATIONS.contains(&prev) || prev.chars().count() == 1) {
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
            // The closing marks taken into the sentence are not looked at
            // again (`?!` ends one sentence, not two).
            start = next;
            i = next;
        }
    }
    if start < n {
        out.push(t.span(start, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
