//! Ordinals: `thứ nhất`, `thứ nhì`, `thứ hai`, `thứ tư`, `thứ 3`, `thứ hai
//! mươi mốt`, `lần thứ XX`, `khóa XIII`, `quý IV`, `giải nhì`, `hạng Ba`,
//! `đầu tiên`.
//!
//! | form | value | span |
//! |---|---|---|
//! | `thứ nhất`/`thứ nhứt`, `thứ nhì` | 1, 2 | `thứ` and the word |
//! | `thứ` + a cardinal in words or digits | `thứ tư` 4, `thứ bốn` 4, `thứ năm` 5, `thứ mười lăm` 15, `thứ 3` 3 | `thứ` and the numeral |
//! | `thứ` + a Roman numeral | `lần thứ XX` 20 | `thứ XX` |
//! | a Roman numeral after `khóa`, `quý`, `kỳ`, `đại hội`, `phần`, `chương`, `thế kỷ`… | `khóa XIII` 13, `quý IV` 4 | the numeral |
//! | `giải`/`hạng` + `nhất`/`nhì`/`hai`/`ba`/`tư`/`bốn` | `giải nhì` 2, `hạng Ba` 3 | the word |
//! | `đầu tiên` | 1 | both words |
//!
//! # Weekdays
//!
//! `thứ hai` … `thứ bảy` (and `thứ 2` … `thứ 7`) are also Monday … Saturday
//! (`chủ nhật` is Sunday). They are *not* ordinals (and no number at all:
//! the date extractor reads them) when
//! - the numeral word is capitalized: `thứ Hai`, `Thứ Bảy` (how weekdays are
//!   written; an ordinal is not);
//! - a weekday word follows: `tuần` (`thứ hai tuần sau`), `này`, `tới`,
//!   `vừa`, `hàng`/`hằng` (`thứ hai hằng tuần`), `ngày` (`thứ hai ngày
//!   15/3`), a date (`thứ hai 15/3`, `thứ hai, 15/3`, `thứ Hai (15/3)`), or a
//!   second weekday (`thứ hai đến thứ sáu`, `thứ bảy và chủ nhật`);
//! - a time word comes before: `vào`, `hôm`, `sáng`, `trưa`, `chiều`, `tối`,
//!   `đêm`, `các`, `mỗi`, `hằng`, `hàng`, `nay`, `mai`, `hôm nay là`, or
//!   another weekday (`thứ hai và thứ ba`).
//!
//! Otherwise it is an ordinal: after a noun (`lần thứ hai`, `giải thứ ba`,
//! `người thứ tư`, `đứng thứ năm`) for sure; with no word before it (the
//! start of a text or a sentence: `Thứ hai, …` is "secondly") it is an
//! ordinal marked ambiguous.

use super::words::{self, Lex, Mode, Var, lx};
use super::{Decimal, Form, NumberMatch, Parsed, Style, roman};
use crate::token::{Kind, Tokens};

/// Nouns before a Roman numeral that make it an ordinal (`khóa XIII`).
const ROMAN_NOUNS: &[&str] = &[
    "khóa",
    "khoá",
    "quý",
    "kỳ",
    "kì",
    "phần",
    "chương",
    "tập",
    "hạng",
    "cấp",
    "mục",
    "loại",
    "nhóm",
    "vòng",
    "khu",
    "giai đoạn",
    "thế kỷ",
    "thế kỉ",
    "đại hội",
    "hội nghị",
    "khu vực",
    "phụ lục",
    "thế chiến",
];

/// Words after a weekday numeral that make `thứ N` a weekday.
const WEEKDAY_NEXT: &[&str] = &["tuần", "này", "tới", "vừa", "hàng", "hằng", "ngày"];

/// Words before `thứ` that make `thứ N` a weekday.
const WEEKDAY_PREV: &[&str] = &[
    "vào", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "các", "mỗi", "hằng", "hàng", "nay", "mai",
];

fn ordinal(start: usize, end: usize, value: u128, ambiguous: bool) -> NumberMatch {
    NumberMatch {
        start,
        end,
        value: Decimal::int(value),
        form: Form::Words,
        ambiguous,
    }
}

/// Is token `j` a weekday numeral (`hai` … `bảy`, `2` … `7`)?
fn weekday_numeral(t: &Tokens<'_>, j: usize) -> bool {
    if t.is_digits(j) {
        return matches!(t.surface(j), "2" | "3" | "4" | "5" | "6" | "7");
    }
    t.is_word(j)
        && matches!(
            t.lower(j),
            "hai" | "ba" | "tư" | "năm" | "sáu" | "bảy" | "bẩy"
        )
}

/// Is there a weekday (`thứ N` or `chủ nhật`) at token `j`?
fn weekday_at(t: &Tokens<'_>, j: usize) -> bool {
    (t.is(j, "thứ") && weekday_numeral(t, j + 1)) || t.phrase(j, "chủ nhật").is_some()
}

/// Is there a weekday ending right before token `j`?
fn weekday_before(t: &Tokens<'_>, j: usize) -> bool {
    (j >= 2 && t.is(j - 2, "thứ") && weekday_numeral(t, j - 1))
        || (j >= 2 && t.phrase(j - 2, "chủ nhật").is_some())
}

/// A connector between two weekdays at token `j` (`đến`, `và`, `-`, `,`).
fn connector(t: &Tokens<'_>, j: usize) -> bool {
    matches!(
        t.get(j).map(|x| x.kind),
        Some(Kind::Punct('-' | '–' | '—' | ','))
    ) || matches!(
        if t.is_word(j) { t.lower(j) } else { "" },
        "đến" | "tới" | "và" | "hoặc" | "hay"
    )
}

/// How sure we are that `thứ N` (`thứ` at `th`, the numeral at `n`, one
/// token) is a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weekday {
    Yes,
    No,
    Unknown,
}

fn weekday(t: &Tokens<'_>, th: usize, n: usize) -> Weekday {
    let after = n + 1;
    if t.is_word(n) && {
        let mut c = t.surface(n).chars();
        c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
    } {
        return Weekday::Yes;
    }
    // What lies past a line break is another paragraph or heading: it
    // makes no weekday (`thứ 2` ending one line, `1-3` starting the next).
    let line_at = |k: usize| t.get(k).is_some_and(|x| x.line_before);
    let next = if t.is_word(after) && !line_at(after) {
        t.lower(after)
    } else {
        ""
    };
    let date_at = |k: usize| {
        t.is_digits(k)
            && !line_at(k)
            && !line_at(k + 1)
            && matches!(
                t.get(k + 1).map(|x| x.kind),
                Some(Kind::Punct('/' | '-' | '.'))
            )
    };
    let joined = |k: usize| !line_at(k) && !line_at(k + 1);
    if WEEKDAY_NEXT.contains(&next)
        || date_at(after)
        || (t.is_punct(after, '(') && t.is_digits(after + 1) && joined(after))
        || (t.is_punct(after, ',')
            && joined(after)
            && (t.is(after + 1, "ngày") || date_at(after + 1)))
        || (connector(t, after) && joined(after) && !line_at(after + 2) && weekday_at(t, after + 1))
    {
        return Weekday::Yes;
    }
    let Some(b) = th.checked_sub(1) else {
        return Weekday::Unknown;
    };
    if line_at(th) {
        // The word before is on the line above: `thứ` starts this one.
        return Weekday::Unknown;
    }
    let prev = if t.is_word(b) { t.lower(b) } else { "" };
    if WEEKDAY_PREV.contains(&prev)
        || (prev == "là"
            && b >= 1
            && t.is_word(b - 1)
            && matches!(t.lower(b - 1), "nay" | "mai" | "qua"))
        || (prev == "qua" && b >= 1 && t.is(b - 1, "hôm"))
        || (connector(t, b) && weekday_before(t, b))
    {
        return Weekday::Yes;
    }
    if t.is_word(b) && !words::sentence_start(t, th) {
        Weekday::No
    } else {
        Weekday::Unknown
    }
}

/// `thứ` + a numeral, `thứ` at token `i`.
fn thu(t: &Tokens<'_>, i: usize, style: &Style) -> Option<NumberMatch> {
    let p = i + 1;
    if t.get(p).is_some_and(|x| x.line_before) {
        // `thứ` ends its line: what starts the next is not its numeral.
        return None;
    }
    if t.is_word(p) {
        match t.lower(p) {
            "nhất" | "nhứt" => return Some(ordinal(i, p + 1, 1, false)),
            "nhì" => return Some(ordinal(i, p + 1, 2, false)),
            _ => {}
        }
        if let Some(v) = roman::roman_at(t, p) {
            return Some(ordinal(i, p + 1, u128::from(v), false));
        }
    }
    let (value, end, form) = match words::read(t, p, style, Mode::Ordinal) {
        Parsed::Number(n) => (n.value.as_int()?, n.end, n.form),
        _ => match lx(t, p) {
            // `thứ tư`: `tư` alone is 4 only here.
            Some(Lex::Digit(4, Var::Tu)) => (4, p + 1, Form::Words),
            _ => return None,
        },
    };
    if value == 0 {
        return None;
    }
    let mut ambiguous = false;
    if end == p + 1 && weekday_numeral(t, p) {
        match weekday(t, i, p) {
            Weekday::Yes => return None,
            Weekday::Unknown => ambiguous = true,
            Weekday::No => {}
        }
    }
    Some(NumberMatch {
        form,
        ..ordinal(i, end, value, ambiguous)
    })
}

/// Does a noun that takes a Roman ordinal end right before token `i`?
fn roman_noun_before(t: &Tokens<'_>, i: usize) -> bool {
    ROMAN_NOUNS.iter().any(|noun| {
        let n = noun.split(' ').count();
        i.checked_sub(n)
            .is_some_and(|s| t.phrase(s, noun) == Some(n))
    })
}

/// An ordinal starting at token `i`: at `thứ`, at `đầu tiên`, at a Roman
/// numeral after `khóa`/`quý`/…, at `nhất`/`nhì`/`ba` after `giải`/`hạng`.
pub(crate) fn ordinal_at(t: &Tokens<'_>, i: usize, style: &Style) -> Option<NumberMatch> {
    if !t.is_word(i) {
        return None;
    }
    if t.phrase(i, "đầu tiên").is_some() {
        return Some(ordinal(i, i + 2, 1, false));
    }
    if t.is(i, "thứ") {
        return thu(t, i, style);
    }
    let prev = match i.checked_sub(1) {
        Some(j) if t.is_word(j) => t.lower(j),
        _ => "",
    };
    if matches!(prev, "giải" | "hạng") {
        let v = match t.lower(i) {
            "nhất" | "nhứt" => 1,
            "nhì" | "hai" => 2,
            "ba" => 3,
            "tư" | "bốn" => 4,
            _ => 0,
        };
        if v > 0 {
            return Some(ordinal(i, i + 1, v, false));
        }
    }
    if let Some(v) = roman::roman_at(t, i) {
        if roman_noun_before(t, i) {
            return Some(ordinal(i, i + 1, u128::from(v), false));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: usize) -> Option<(f64, bool, usize)> {
        let t = Tokens::new(text);
        ordinal_at(&t, word, &Style::of(&t))
            .map(|m| (m.value.to_f64(), m.ambiguous, m.end - m.start))
    }

    #[test]
    fn ordinals() {
        assert_eq!(at("thứ nhất", 0), Some((1.0, false, 2)));
        assert_eq!(at("thứ nhì", 0), Some((2.0, false, 2)));
        assert_eq!(at("người thứ tư", 1), Some((4.0, false, 2)));
        assert_eq!(at("giải thứ ba", 1), Some((3.0, false, 2)));
        assert_eq!(at("lần thứ hai", 1), Some((2.0, false, 2)));
        assert_eq!(at("thứ 3", 0), Some((3.0, true, 2)));
        assert_eq!(at("thứ mười lăm", 0), Some((15.0, false, 3)));
        assert_eq!(at("thứ hai mươi mốt", 0), Some((21.0, false, 4)));
        assert_eq!(at("thứ bốn", 0), Some((4.0, false, 2)));
        assert_eq!(at("lần thứ XX", 1), Some((20.0, false, 2)));
        assert_eq!(at("Quốc hội khóa XV", 3), Some((15.0, false, 1)));
        assert_eq!(at("quý IV", 1), Some((4.0, false, 1)));
        assert_eq!(at("giải nhì", 1), Some((2.0, false, 1)));
        assert_eq!(at("Huân chương Lao động hạng Ba", 5), Some((3.0, false, 1)));
        assert_eq!(at("lần đầu tiên", 1), Some((1.0, false, 2)));
        assert_eq!(at("thứ một", 0), None);
        assert_eq!(at("mọi thứ", 1), None);
        assert_eq!(at("thứ tự", 0), None);
    }

    #[test]
    fn weekdays_are_not_ordinals() {
        assert_eq!(at("thứ hai tuần sau", 0), None);
        assert_eq!(at("vào thứ sáu", 1), None);
        assert_eq!(at("sáng thứ bảy", 1), None);
        assert_eq!(at("họp thứ Hai", 1), None);
        assert_eq!(at("thứ hai, 15/3", 0), None);
        assert_eq!(at("thứ hai 15/3/2018", 0), None);
        assert_eq!(at("thứ Hai (15/3)", 0), None);
        assert_eq!(at("từ thứ hai đến thứ sáu", 1), None);
        assert_eq!(at("từ thứ hai đến thứ sáu", 4), None);
        assert_eq!(at("thứ bảy và chủ nhật", 0), None);
        assert_eq!(at("hôm nay là thứ hai", 3), None);
        assert_eq!(at("hôm nay thứ 2", 2), None);
        assert_eq!(at("thứ 7 hàng tuần", 0), None);
        // Context on another line makes no weekday: `thứ 2` ends a line,
        // and the next begins with a date, a weekday word or another
        // weekday; or `thứ 2` begins a line after a time word.
        assert_eq!(at("Đứng thứ 2\n1-3 họp", 1), Some((2.0, false, 2)));
        assert_eq!(at("thứ 2\n1/3", 0), Some((2.0, true, 2)));
        assert_eq!(at("thứ\t2\n0-0%", 0), Some((2.0, true, 2)));
        assert_eq!(at("thứ hai\ntuần sau", 0), Some((2.0, true, 2)));
        assert_eq!(at("thứ hai,\n15/3", 0), Some((2.0, true, 2)));
        assert_eq!(at("thứ hai\nvà thứ ba", 0), Some((2.0, true, 2)));
        assert_eq!(at("thứ hai và\nthứ ba", 0), Some((2.0, true, 2)));
        assert_eq!(at("vào\nthứ sáu", 1), Some((6.0, true, 2)));
        // Nor is a numeral on the next line `thứ`'s.
        assert_eq!(at("thứ\n2 0.000", 0), None);
        assert_eq!(at("lần thứ\nhai", 1), None);
        // The same on one line is a weekday.
        assert_eq!(at("thứ 2 1-3", 0), None);
        assert_eq!(at("vào thứ sáu", 1), None);
        // At the start of a sentence: an ordinal, ambiguous.
        assert_eq!(at("Thứ hai, cần tăng cường", 0), Some((2.0, true, 2)));
        // `thứ tám` is never a weekday.
        assert_eq!(at("vào thứ tám", 1), Some((8.0, false, 2)));
    }
}
