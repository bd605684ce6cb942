//! Dates the text fixes by itself: days, months, years, quarters (ranges
//! and periods are in `range.rs`).
//!
//! | starts with | reads | rule |
//! |---|---|---|
//! | `ngày`, `mồng`, `mùng`, digits | `ngày 15/3/2018`, `15-3-2018`, `ngày 30/4`, `ngày mồng 7 tháng 3`, `12 tháng 10 năm 2017`, `ngày đầu tiên của tháng 3` | `date/dmy-*`, `date/dm`, `date/dm-words`, `date/dmy-words` |
//! | `rằm`, `mùng … Tết` | `rằm tháng Giêng`, `mùng 6 Tết` | `date/lunar` |
//! | `tháng` | `tháng 6/2017`, `tháng 6 năm 2017`, `tháng 1 2024`, `tháng tư`, `tháng Chạp` | `date/month-year`, `date/month` |
//! | `năm` | `năm 2017`, `năm 938`, `năm hai không hai ba`, `năm hai nghìn linh chín` | `date/year` |
//! | `quý` | `quý I/2024`, `quý IV năm 2023`, `quý 4 của năm 2018`, `quý ba` | `date/quarter` |
//!
//! Every piece is validated against the calendar before it is emitted
//! (`31/02/2017`, `ngày 0 tháng 13` are nothing).

use super::lexicon::{self, counts_time, month_name_at};
use super::read::{clean_end, clean_start, digits, dmy_at, is_dash};
use super::{Grain, P, Piece, valid};
use crate::fact::Date;
use crate::number::roman::roman_at;

/// Words before `D tháng M` (no `ngày`) that make it a duration:
/// `sau 3 tháng 5 ngày`, `trong 12 tháng 10 ngày`.
const DURATION_BEFORE: &[&str] = &[
    "sau", "trong", "khoảng", "gần", "hơn", "được", "mất", "vòng", "suốt", "chừng", "tới", "đến",
    "thêm", "còn", "chỉ", "cả",
];

/// Words after a month that make `tháng` a unit: `3 tháng 5 ngày`.
pub(super) const UNIT_AFTER_MONTH: &[&str] =
    &["ngày", "tuần", "giờ", "phút", "lần", "tháng", "người"];

fn date_dm(year: Option<i32>, month: u8, day: u8) -> Date {
    Date {
        year,
        month: Some(month),
        day: Some(day),
        ..Date::default()
    }
}

fn small_u8(v: u32) -> Option<u8> {
    u8::try_from(v).ok()
}

impl P<'_, '_> {
    /// The absolute (or simple relative) expression at token `i`, without
    /// its tails.
    pub(super) fn core(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        // No relative expression (`năm nay`, `hôm qua`, `ba năm trước`, `3
        // năm trước`) starts at a word before digits (`năm 2017`, `ngày
        // 15/3`): a test checks it.
        if !(t.is_word(i) && t.is_digits(i + 1)) {
            if let Some(p) = self.relative_at(i) {
                return Some(p);
            }
        }
        match lexicon::word(t, i) {
            "ngày" | "mồng" | "mùng" | "rằm" => self.day_led(i),
            "tháng" => self.month_led(i),
            "năm" => self.year_led(i),
            "niên" => self.school_year(i),
            "quý" => self.quarter_led(i),
            "thế" => self.century(i),
            "thập" | "những" => self.decade(i),
            "nửa" => self.half_year(i),
            // Only a number can start these (a word that is none is ruled
            // out here, not by each of them).
            _ if t.is_digits(i) || t.is_numeral_word(i) => self
                .half_year(i)
                .or_else(|| self.bare_year_range(i))
                .or_else(|| self.day_at(i, i, false)),
            _ => None,
        }
    }

    /// `ngày …`, `mồng …`, `ngày mồng …`, `rằm tháng …`.
    fn day_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if t.is(i, "rằm") {
            let mut p = self.month_of_day(i, i + 1, 15, false)?;
            p.date.lunar = Some(true);
            p.rule = "date/lunar";
            return Some(p);
        }
        // `ngày đầu tiên của tháng 3`: day 1 (most `ngày` are followed by
        // no `đầu`, ruled out before the phrase is read).
        if let Some(n) = t
            .is(i + 1, "đầu")
            .then(|| t.phrase(i, "ngày đầu tiên"))
            .flatten()
        {
            let k = if t.is(i + n, "của") {
                i + n + 1
            } else {
                i + n
            };
            let mut p = self.month_of_day(i, k, 1, true)?;
            p.rule = if p.date.year.is_some() {
                "date/dmy-words"
            } else {
                "date/dm-words"
            };
            return Some(p);
        }
        let mut p = i;
        while p < i + 2 && (t.is(p, "ngày") || t.is(p, "mồng") || t.is(p, "mùng")) {
            p += 1;
        }
        // `ngày thứ sáu vừa qua`
        if lexicon::weekday_at(t, p).is_some() {
            return self.weekday_led(p).map(|w| Piece { start: i, ..w });
        }
        self.day_at(i, p, true)
    }

    /// A day at token `p` (after the prefix `i..p`, if any): `15/3/2018`,
    /// `15 tháng 3`, `mùng 6 Tết`, or `ngày 20` (partial).
    pub(super) fn day_at(&self, i: usize, p: usize, prefixed: bool) -> Option<Piece> {
        let t = self.t;
        if !prefixed && !clean_start(t, p) {
            return None;
        }
        if let Some(piece) = self.dm_numeric(i, p, prefixed) {
            return Some(piece);
        }
        // Without `ngày` before it, only `D tháng M` is read.
        if !prefixed && !self.small_may_precede(p, |w| w == "tháng") {
            return None;
        }
        let (e, day, words) = self.small(p)?;
        let day = small_u8(day)?;
        if t.is(e, "tháng") {
            if !prefixed {
                // `đường 3 Tháng 2`, `Bệnh viện 30 Tháng 4`: names.
                let capital = t.surface(e).starts_with('T');
                if words && day < 10 || capital && !self.starts_sentence(p) {
                    return None;
                }
                let before = p.checked_sub(1).map(|b| t.lower(b)).unwrap_or_default();
                if DURATION_BEFORE.contains(&before) || (p > 0 && counts_time(t, p - 1)) {
                    return None;
                }
            }
            if let Some(piece) = self.month_of_day(i, e, day, prefixed) {
                return Some(piece);
            }
            if !prefixed {
                return None;
            }
        }
        if !prefixed {
            return None;
        }
        if t.is(e, "tết") && (t.is(p - 1, "mồng") || t.is(p - 1, "mùng")) {
            let mut d = date_dm(None, 1, day);
            d.lunar = Some(true);
            return Some(Piece::new(i, e + 1, d, "date/lunar", Grain::Day));
        }
        // `ngày 20` of `ngày 20-25/3`, `ngày 4 tháng này`: not a date alone.
        if !words && !clean_end(t, e) && !is_dash(t, e) {
            return None;
        }
        let d = Date {
            day: Some(day),
            ..Date::default()
        };
        Some(Piece::new(i, e, d, "date/dm", Grain::PartialDay))
    }

    /// `d/m`, `d/m/y` (with `-` and `.` too) at `p`, then maybe `năm Y`.
    fn dm_numeric(&self, i: usize, p: usize, prefixed: bool) -> Option<Piece> {
        let t = self.t;
        let d = dmy_at(t, p)?;
        let (day, month) = (small_u8(d.day)?, small_u8(d.month)?);
        if !(clean_end(t, d.end) || is_dash(t, d.end)) {
            return None;
        }
        let rule = match (d.year, d.sep) {
            (None, _) => "date/dm",
            (Some(_), '/') => "date/dmy-slash",
            (Some(_), '-') => "date/dmy-dash",
            _ => "date/dmy-dot",
        };
        let mut piece = Piece::new(i, d.end, date_dm(d.year, month, day), rule, Grain::Day);
        if d.year.is_none() {
            if let Some((e, y)) = self.year_words_suffix(d.end) {
                piece.date.year = Some(y);
                piece.end = e;
            }
            piece.needs_context = !prefixed && piece.date.year.is_none();
        }
        if valid(&piece.date) {
            return Some(piece);
        }
        // `31/02/2017`, `ngày 31/02`: a date's shape beyond doubt, not a date.
        (piece.date.year.is_some() || prefixed).then_some(Piece {
            invalid: true,
            ..piece
        })
    }

    /// `… tháng M [năm Y]` after a day `day`; token `e` is `tháng`.
    pub(super) fn month_of_day(
        &self,
        i: usize,
        e: usize,
        day: u8,
        prefixed: bool,
    ) -> Option<Piece> {
        let t = self.t;
        if !t.is(e, "tháng") {
            return None;
        }
        let (me, month, lunar, _word, _nam) = self.month_after(e + 1, true)?;
        let mut date = date_dm(None, month, day);
        if lunar {
            date.lunar = Some(true);
        }
        let mut end = me;
        if let Some((ye, y)) = self.year_suffix(me) {
            date.year = Some(y);
            end = ye;
        } else if !prefixed && UNIT_AFTER_MONTH.contains(&t.lower(me)) {
            return None;
        }
        let rule = if date.year.is_some() {
            "date/dmy-words"
        } else {
            "date/dm-words"
        };
        let piece = Piece::new(i, end, date, rule, Grain::Day);
        if valid(&piece.date) {
            return Some(piece);
        }
        // `ngày 0 tháng 13`, `ngày 30 tháng 2 năm 2017`: after `ngày`, a
        // date's shape beyond doubt.
        prefixed.then_some(Piece {
            invalid: true,
            ..piece
        })
    }

    /// The month at token `j` (after `tháng`): (end, month, lunar, in
    /// words, the word `năm`). `after_day`: a day came before, so `tháng
    /// năm` is May.
    pub(super) fn month_after(
        &self,
        j: usize,
        after_day: bool,
    ) -> Option<(usize, u8, bool, bool, bool)> {
        let t = self.t;
        if let Some((m, len)) = digits(t, j) {
            let ok = len <= 2
                && (1..=12).contains(&m)
                && (clean_end(t, j + 1) || self.joined_year(j + 1).is_some() || is_dash(t, j + 1));
            return ok.then_some((j + 1, small_u8(m)?, false, false, false));
        }
        let (e, m, lunar, nam) = month_name_at(t, j)?;
        // `tháng năm 2022`, `6 tháng năm nay`: `năm` is the year's word, the
        // month is missing.
        if nam
            && (t.is_digits(e) || self.rel_year_word(e).is_some() || !(after_day || t.is(e, "năm")))
        {
            return None;
        }
        // `mỗi tháng hai lần`
        if t.is(e, "lần")
            || (t.is_word(e) && lexicon::is_number_word(t.lower(e)) && !t.is(e, "năm"))
        {
            return None;
        }
        // `tháng một âm lịch` is the eleventh lunar month.
        let m = if m == 1 && !lunar && t.is(j, "một") && t.phrase(e, "âm lịch").is_some() {
            11
        } else {
            m
        };
        Some((e, m, lunar, true, nam))
    }

    /// A year joined to a month by a separator: `/2017`, `-2017`, `.2017`.
    pub(super) fn joined_year(&self, j: usize) -> Option<(usize, i32)> {
        let t = self.t;
        let sep = t.is_punct(j, '/') || t.is_punct(j, '-') || t.is_punct(j, '.');
        if !(sep && t.joined(j) && t.joined(j + 1)) {
            return None;
        }
        let (y, len) = digits(t, j + 1)?;
        (len == 4 && clean_end(t, j + 2)).then_some((j + 2, i32::try_from(y).ok()?))
    }

    /// The year after a month or a quarter: `/2017`, `năm 2017`, `, năm
    /// 2017`, `của năm 2018`, ` 2024`.
    pub(super) fn year_suffix(&self, j: usize) -> Option<(usize, i32)> {
        let t = self.t;
        if let Some(y) = self.joined_year(j) {
            return Some(y);
        }
        if let Some(y) = self.year_words_suffix(j) {
            return Some(y);
        }
        // `tháng 1 2024`
        let (y, len) = digits(t, j)?;
        (len == 4
            && !t.joined(j)
            && (1000..=2999).contains(&y)
            && clean_end(t, j + 1)
            && !is_dash(t, j + 1))
        .then_some((j + 1, i32::try_from(y).ok()?))
    }

    /// `năm Y`, `, năm Y`, `của năm Y` at `j`.
    pub(super) fn year_words_suffix(&self, j: usize) -> Option<(usize, i32)> {
        let t = self.t;
        let mut k = j;
        if t.is_punct(k, ',') || t.is(k, "của") {
            k += 1;
        }
        if !t.is(k, "năm") {
            return None;
        }
        self.year_after_nam(k + 1)
    }

    /// `tháng M [year]`: a month.
    fn month_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if i > 0 && counts_time(t, i - 1) {
            return None;
        }
        let (me, month, lunar, _word, _nam) = self.month_after(i + 1, false)?;
        let mut date = Date {
            month: Some(month),
            ..Date::default()
        };
        if lunar {
            date.lunar = Some(true);
        }
        let mut piece = Piece::new(i, me, date, "date/month", Grain::Month);
        if let Some((e, y)) = self.year_suffix(me) {
            piece.date.year = Some(y);
            piece.end = e;
            piece.rule = "date/month-year";
        }
        Some(piece)
    }

    /// `năm Y`, `năm học Y – Y`.
    fn year_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if t.is(i + 1, "học") {
            return self.school_year(i);
        }
        // `mười năm hai nghìn`: after a number word, `năm` may be the number
        // five; only a year in digits is read.
        let after_number_word =
            i > 0 && t.is_word(i - 1) && lexicon::is_number_word(t.lower(i - 1));
        if after_number_word && !t.is_digits(i + 1) {
            return None;
        }
        if t.is_word(i + 1) && lexicon::digit_word(t.lower(i + 1)).is_none() {
            return None;
        }
        let (e, y) = self.year_after_nam(i + 1)?;
        let date = Date {
            year: Some(y),
            ..Date::default()
        };
        Some(Piece::new(i, e, date, "date/year", Grain::Year))
    }

    /// `quý I/2024`, `quý IV năm 2023`, `quý 4 của năm 2018`, `quý ba`.
    pub(super) fn quarter_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let j = i + 1;
        let q = if let Some((q, len)) = digits(t, j) {
            (len == 1).then_some(q)?
        } else if let Some(r) = roman_at(t, j) {
            r
        } else {
            match t.lower(j) {
                "một" | "nhất" => 1,
                "hai" => 2,
                "ba" => 3,
                "tư" | "bốn" => 4,
                _ => return None,
            }
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let date = Date {
            quarter: small_u8(q),
            ..Date::default()
        };
        let mut piece = Piece::new(i, j + 1, date, "date/quarter", Grain::Quarter);
        if let Some((e, y)) = self.year_suffix(j + 1) {
            piece.date.year = Some(y);
            piece.end = e;
        } else if !clean_end(t, j + 1) {
            return None;
        }
        Some(piece)
    }

    /// `âm lịch` after a date: lunar.
    pub(super) fn lunar_suffix(&self, mut p: Piece) -> Piece {
        let t = self.t;
        if matches!(p.grain, Grain::Day | Grain::Month) {
            if let Some(n) = t.phrase(p.end, "âm lịch").or_else(|| t.phrase(p.end, "âl")) {
                p.date.lunar = Some(true);
                p.end += n;
            } else if p.date.year.is_none()
                && t.is(p.end, "năm")
                && lexicon::can_chi_at(t, p.end + 1)
            {
                // `ngày 24 tháng 5 năm Mậu Tý`: a year of the sixty-year cycle.
                p.date.lunar = Some(true);
                p.end += 3;
            }
        }
        p
    }
}
