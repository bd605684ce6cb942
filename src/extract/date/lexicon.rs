//! The words dates are made of, as tables (all lower case).
//!
//! | table | examples |
//! |---|---|
//! | [`MONTH_NAMES`] | `tháng Giêng` (1, lunar), `tháng tư` (4), `tháng mười một` (11), `tháng Chạp` (12, lunar) |
//! | [`weekday_at`] | `thứ hai` / `thứ 2` (Monday = 1) … `thứ bảy` (6), `chủ nhật` / `chúa nhật` (7) |
//! | [`part_of_day_at`] | `sáng`, `trưa`, `chiều`, `tối`, `đêm`, `khuya`, `rạng sáng`, `buổi sáng` |
//! | [`digit_word`] | `không`/`linh`/`lẻ` 0, `một`/`mốt` 1, `tư`/`bốn` 4, `năm`/`lăm` 5, `bảy`/`bẩy` 7 |
//! | [`is_number_word`] | the words the number grammar reads (`mươi`, `trăm`, `nghìn`, …) |
//! | [`QUANTIFIERS`] | words that make `tháng`/`năm`/`tuần` a unit: `mỗi tháng`, `những năm trước`, `hàng tuần` |
//! | [`ORDINAL_HEADS`] | nouns before which `thứ hai` is an ordinal: `lần thứ hai`, `phiên họp thứ 6` |

use crate::token::Tokens;

/// Month names after `tháng`, longest first: words, month, lunar.
///
/// `Giêng` and `Chạp` name the first and last months of the lunar year;
/// the others are read as the (solar) calendar month, which is how news
/// text uses them (`tháng tư` = April).
pub(super) const MONTH_NAMES: &[(&str, u8, bool)] = &[
    ("mười một", 11, false),
    ("mười hai", 12, false),
    ("giêng", 1, true),
    ("chạp", 12, true),
    ("một", 1, false),
    ("hai", 2, false),
    ("ba", 3, false),
    ("tư", 4, false),
    ("bốn", 4, false),
    ("năm", 5, false),
    ("sáu", 6, false),
    ("bảy", 7, false),
    ("bẩy", 7, false),
    ("tám", 8, false),
    ("chín", 9, false),
    ("mười", 10, false),
];

/// A month name at token `i`: (one past its last token, month, lunar, the
/// word was `năm`).
pub(super) fn month_name_at(t: &Tokens<'_>, i: usize) -> Option<(usize, u8, bool, bool)> {
    // Every month name starts with a word a numeral may start with, but
    // `giêng` and `chạp`.
    if !t.is_numeral_word(i) && !t.is(i, "giêng") && !t.is(i, "chạp") {
        return None;
    }
    MONTH_NAMES.iter().find_map(|(w, m, lunar)| {
        let n = t.phrase(i, w)?;
        Some((i + n, *m, *lunar, *w == "năm"))
    })
}

/// A weekday at token `i`: (end, ISO weekday: Monday = 1 … Sunday = 7).
/// `thứ hai`…`thứ bảy`, `thứ 2`…`thứ 7`, `chủ nhật`, `chúa nhật`.
pub(super) fn weekday_at(t: &Tokens<'_>, i: usize) -> Option<(usize, u8)> {
    match word(t, i) {
        "chủ" | "chúa" => return t.is(i + 1, "nhật").then_some((i + 2, 7)),
        "thứ" => {}
        _ => return None,
    }
    let d = match t.lower(i + 1) {
        "hai" | "2" => 1,
        "ba" | "3" => 2,
        "tư" | "4" => 3,
        "năm" | "5" => 4,
        "sáu" | "6" => 5,
        "bảy" | "bẩy" | "7" => 6,
        _ => return None,
    };
    // `thứ 2` but not `thứ 2,5` or `thứ 20`.
    if t.is_digits(i + 1)
        && t.joined(i + 2)
        && (t.is_digits(i + 2) || t.is_word(i + 2) || t.is_punct(i + 2, ','))
    {
        return None;
    }
    Some((i + 2, d))
}

/// The part of the day, for reading hours (`3 giờ chiều` = 15:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartOfDay {
    /// sáng, rạng sáng, sớm
    Morning,
    /// trưa
    Noon,
    /// chiều
    Afternoon,
    /// tối
    Evening,
    /// đêm, khuya
    Night,
}

impl PartOfDay {
    /// The 24-hour clock hour of `hour` said in this part of the day.
    pub(super) fn hour(self, hour: u8) -> u8 {
        match self {
            PartOfDay::Morning => hour,
            PartOfDay::Noon if hour <= 4 => hour + 12,
            PartOfDay::Noon => hour,
            PartOfDay::Afternoon | PartOfDay::Evening if (1..=11).contains(&hour) => hour + 12,
            PartOfDay::Afternoon | PartOfDay::Evening => hour,
            PartOfDay::Night if (6..=11).contains(&hour) => hour + 12,
            PartOfDay::Night if hour == 12 => 0,
            PartOfDay::Night => hour,
        }
    }
}

/// A part of the day at token `i` (`sáng`, `buổi chiều`, `rạng sáng`):
/// (end, part). Not `ánh sáng` (light).
pub(super) fn part_of_day_at(t: &Tokens<'_>, i: usize) -> Option<(usize, PartOfDay)> {
    let j = if t.is(i, "buổi") { i + 1 } else { i };
    let p = match word(t, j) {
        "rạng" if t.is(j + 1, "sáng") => return Some((j + 2, PartOfDay::Morning)),
        "sáng" => PartOfDay::Morning,
        "trưa" => PartOfDay::Noon,
        "chiều" => PartOfDay::Afternoon,
        "tối" => PartOfDay::Evening,
        "đêm" | "khuya" => PartOfDay::Night,
        _ => return None,
    };
    if j == i && i > 0 && t.is(i - 1, "ánh") {
        return None;
    }
    Some((j + 1, p))
}

/// The lower-case form of token `i` if it is a word, else "": one string to
/// `match` on instead of a test of each word in turn.
#[inline]
pub(super) fn word<'a>(t: &'a Tokens<'_>, i: usize) -> &'a str {
    if t.is_word(i) { t.lower(i) } else { "" }
}

/// Is token `i` a word of a number in words ([`is_number_word`])? Every such
/// word is one a numeral may start with, which the token already knows:
/// most tokens are ruled out without a string comparison.
#[inline]
pub(super) fn number_word_at(t: &Tokens<'_>, i: usize) -> bool {
    t.is_numeral_word(i) && is_number_word(t.lower(i))
}

/// The digit a word names when a number is read digit by digit
/// (`hai không hai ba` = 2023).
pub(super) fn digit_word(w: &str) -> Option<u32> {
    Some(match w {
        "không" | "linh" | "lẻ" => 0,
        "một" | "mốt" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" | "tư" => 4,
        "năm" | "lăm" | "nhăm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => return None,
    })
}

/// The words [`is_number_word`] accepts, for filters.
pub(super) const NUMBER_WORDS: &[&str] = &[
    "không", "linh", "lẻ", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu",
    "bảy", "bẩy", "tám", "chín", "mười", "mươi", "chục", "trăm", "nghìn", "ngàn", "vạn", "triệu",
    "tỷ", "tỉ", "rưỡi", "phẩy",
];

/// Is `w` a word of a number in words?
pub(super) fn is_number_word(w: &str) -> bool {
    digit_word(w).is_some()
        || matches!(
            w,
            "mười"
                | "mươi"
                | "chục"
                | "trăm"
                | "nghìn"
                | "ngàn"
                | "vạn"
                | "triệu"
                | "tỷ"
                | "tỉ"
                | "rưỡi"
                | "phẩy"
        )
}

/// Words before `tháng`, `năm`, `tuần` that make it a unit of time, not a
/// date: `mỗi tháng hai lần`, `những năm trước`, `hàng tuần`.
pub(super) const QUANTIFIERS: &[&str] = &[
    "mỗi", "hàng", "hằng", "mấy", "vài", "những", "các", "nhiều", "nhiêu", "từng", "một", "ít",
];

/// Is token `i` a number or a quantifier (so a following `tháng`, `năm` or
/// `tuần` is a unit of time)?
pub(super) fn counts_time(t: &Tokens<'_>, i: usize) -> bool {
    t.is_digits(i) || number_word_at(t, i) || (t.is_word(i) && QUANTIFIERS.contains(&t.lower(i)))
}

/// Nouns before `thứ N` that make it an ordinal, not a weekday:
/// `lần thứ hai`, `phiên họp thứ 6`, `năm thứ 3`.
pub(super) const ORDINAL_HEADS: &[&str] = &[
    "lần",
    "phiên",
    "họp",
    "kỳ",
    "kì",
    "khóa",
    "đợt",
    "hạng",
    "giải",
    "trí",
    "tập",
    "số",
    "người",
    "năm",
    "tháng",
    "tuần",
    "vòng",
    "trận",
    "ván",
    "lớp",
    "đứng",
    "xếp",
    "chiếc",
    "môn",
    "trường",
    "bước",
    "điều",
    "khoản",
    "chương",
    "phần",
    "mục",
    "quý",
    "đời",
    "thế",
    "hệ",
    "cấp",
    "bậc",
    "con",
    "cái",
    "ngôi",
    "thời",
    "giai",
    "đoạn",
    "lượt",
    "mùa",
    "nhiệm",
    "thứ",
];

/// Words before a bare `d/m` (no `ngày`, no year) that make it a date:
/// `sáng 6/2`, `hôm 28/10`, `dịp 30/4`, `đêm 31/12`, `phiên 29/10` (a
/// trading day).
pub(super) const DM_CONTEXT: &[&str] = &[
    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "dịp", "lễ", "mồng", "mùng",
    "phiên",
];

/// Words after `năm`/`tháng`/`tuần` + `trước`/`sau` that make the phrase
/// relative to the narrative, not to today: `năm trước đó`, `tuần sau khi`,
/// `năm trước thời hạn`; `quý tiếp tục` is "continues".
pub(super) const NOT_RELATIVE_AFTER: &[&str] = &[
    "đó", "khi", "thời", "hạn", "mắt", "tiên", "hết", "nữa", "kia", "tục",
];

/// Scale words and units after which a number is an amount, not a year:
/// `năm 300 triệu` is not a year.
pub(super) const AMOUNT_AFTER: &[&str] = &[
    "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "vạn", "trăm", "đồng", "usd", "%", "người", "lần",
];

/// Is a year of the sixty-year cycle written at token `i` (`Mậu Tý`, `Đinh
/// Dậu`: a heavenly stem, then an earthly branch)?
pub(super) fn can_chi_at(t: &Tokens<'_>, i: usize) -> bool {
    const CAN: &[&str] = &[
        "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "kỉ", "canh", "tân", "nhâm", "quý",
    ];
    const CHI: &[&str] = &[
        "tý", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất",
        "hợi",
    ];
    t.is_word(i) && t.is_word(i + 1) && CAN.contains(&t.lower(i)) && CHI.contains(&t.lower(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_the_list() {
        assert!(NUMBER_WORDS.iter().all(|w| is_number_word(w)));
        let others = Tokens::new(
            "năm 2017 mười hai tháng Giêng chạp ngày mai thứ hai chủ nhật lần lẽ chấm nửa âm trừ mot",
        );
        for i in 0..others.len() {
            let w = others.lower(i);
            assert_eq!(is_number_word(w), NUMBER_WORDS.contains(&w), "{w}");
        }
    }

    #[test]
    fn names() {
        let t = Tokens::new("tháng mười một thứ 2 Chủ Nhật ánh sáng buổi chiều thứ 20");
        assert_eq!(month_name_at(&t, 1), Some((3, 11, false, false)));
        assert_eq!(weekday_at(&t, 3), Some((5, 1)));
        assert_eq!(weekday_at(&t, 5), Some((7, 7)));
        assert_eq!(part_of_day_at(&t, 8), None);
        assert_eq!(part_of_day_at(&t, 9), Some((11, PartOfDay::Afternoon)));
        assert_eq!(weekday_at(&t, 11), None);
        assert_eq!(PartOfDay::Afternoon.hour(3), 15);
        assert_eq!(PartOfDay::Night.hour(11), 23);
        assert_eq!(PartOfDay::Night.hour(2), 2);
        assert_eq!(PartOfDay::Noon.hour(1), 13);
    }
}
