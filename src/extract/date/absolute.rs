//! Dates the text fixes by itself, and ranges of them.
//!
//! | starts with | reads | rule |
//! |---|---|---|
//! | `ngày`, `mồng`, `mùng`, digits | `ngày 15/3/2018`, `15-3-2018`, `ngày 30/4`, `ngày mồng 7 tháng 3`, `12 tháng 10 năm 2017`, `ngày đầu tiên của tháng 3` | `date/dmy-*`, `date/dm`, `date/dm-words`, `date/dmy-words` |
//! | `rằm`, `mùng … Tết` | `rằm tháng Giêng`, `mùng 6 Tết` | `date/lunar` |
//! | `tháng` | `tháng 6/2017`, `tháng 6 năm 2017`, `tháng 1 2024`, `tháng tư`, `tháng Chạp` | `date/month-year`, `date/month` |
//! | `năm` | `năm 2017`, `năm hai không hai ba`, `năm học 2023 – 2024` | `date/year`, `date/school-year` |
//! | `quý` | `quý I/2024`, `quý IV năm 2023`, `quý 4 của năm 2018`, `quý ba` | `date/quarter` |
//! | `thế kỷ`, `thập niên`, `những năm` | `thế kỷ XX`, `thập niên 1990`, `những năm 80` | `date/century`, `date/decade` |
//! | `N tháng đầu/cuối năm`, `nửa đầu năm` | `6 tháng đầu năm 2018` → months 1–6 of 2018 | `date/half-year` |
//! | four digits, a dash, four digits | `2021 – 2026`, `2016-2020` | `date/year-range` |
//! | `từ X đến Y`, `X - Y` | `từ năm 2020 đến năm 2025`, `30/4-1/5`, `ngày 20-25/3`, `tháng 3-5/2018` | `date/from-to`, `date/range` |
//!
//! Every piece is validated against the calendar before it is emitted
//! (`31/02/2017`, `ngày 0 tháng 13` are nothing).

use super::lexicon::{self, counts_time, month_name_at};
use super::read::{clean_end, clean_start, digits, dmy_at, is_dash};
use super::{Grain, P, Piece, valid};
use crate::fact::{Date, DateEnd};
use crate::number::roman::roman_at;

/// Words before `D tháng M` (no `ngày`) that make it a duration:
/// `sau 3 tháng 5 ngày`, `trong 12 tháng 10 ngày`.
const DURATION_BEFORE: &[&str] = &[
    "sau", "trong", "khoảng", "gần", "hơn", "được", "mất", "vòng", "suốt", "chừng", "tới", "đến",
    "thêm", "còn", "chỉ", "cả",
];

/// Words after a month that make `tháng` a unit: `3 tháng 5 ngày`.
const UNIT_AFTER_MONTH: &[&str] = &["ngày", "tuần", "giờ", "phút", "lần", "tháng", "người"];

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
        if let Some(p) = self.relative_at(i) {
            return Some(p);
        }
        match t.lower(i) {
            "ngày" | "mồng" | "mùng" | "rằm" => self.day_led(i),
            "tháng" => self.month_led(i),
            "năm" => self.year_led(i),
            "niên" => self.school_year(i),
            "quý" => self.quarter_led(i),
            "thế" => self.century(i),
            "thập" | "những" => self.decade(i),
            "nửa" => self.half_year(i),
            _ if t.is_digits(i) || t.is_word(i) => self
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
        // `ngày đầu tiên của tháng 3`: day 1.
        if let Some(n) = t.phrase(i, "ngày đầu tiên") {
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
        valid(&piece.date).then_some(piece)
    }

    /// `… tháng M [năm Y]` after a day `day`; token `e` is `tháng`.
    fn month_of_day(&self, i: usize, e: usize, day: u8, prefixed: bool) -> Option<Piece> {
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
        valid(&piece.date).then_some(piece)
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
    fn joined_year(&self, j: usize) -> Option<(usize, i32)> {
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
    fn year_suffix(&self, j: usize) -> Option<(usize, i32)> {
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
    fn year_words_suffix(&self, j: usize) -> Option<(usize, i32)> {
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

    /// `năm học 2023 – 2024`, `năm học 2023-24`, `niên khóa 2020 – 2025`.
    fn school_year(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let ok = t
            .phrase(i, "năm học")
            .or_else(|| t.phrase(i, "niên khóa"))
            .or_else(|| t.phrase(i, "niên học"))?;
        let j = i + ok;
        let (y, len) = digits(t, j)?;
        if len != 4 {
            return None;
        }
        let y = i32::try_from(y).ok()?;
        let mut k = j + 1;
        if !is_dash(t, k) && !t.is_punct(k, '/') {
            return None;
        }
        k += 1;
        let (y2, len2) = digits(t, k)?;
        let y2 = i32::try_from(y2).ok()?;
        let end_year = match len2 {
            4 => y2,
            2 => y - y % 100 + y2,
            _ => return None,
        };
        if !(end_year > y && end_year - y <= 10 && clean_end(t, k + 1)) {
            return None;
        }
        let date = Date {
            year: Some(y),
            end: Some(DateEnd {
                year: Some(end_year),
                ..DateEnd::default()
            }),
            ..Date::default()
        };
        Some(Piece::new(i, k + 1, date, "date/school-year", Grain::Span))
    }

    /// `quý I/2024`, `quý IV năm 2023`, `quý 4 của năm 2018`, `quý ba`.
    fn quarter_led(&self, i: usize) -> Option<Piece> {
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

    /// `thế kỷ XX`, `thế kỉ 21`, `thế kỷ thứ XX`: 1901–2000.
    fn century(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if !(t.phrase(i, "thế kỷ").is_some() || t.phrase(i, "thế kỉ").is_some()) {
            return None;
        }
        let mut j = i + 2;
        if t.is(j, "thứ") {
            j += 1;
        }
        let n = match digits(t, j) {
            Some((n, len)) if len <= 2 => n,
            Some(_) => return None,
            None => roman_at(t, j)?,
        };
        if !(1..=30).contains(&n) || !clean_end(t, j + 1) {
            return None;
        }
        let n = i32::try_from(n).ok()?;
        let date = Date {
            year: Some((n - 1) * 100 + 1),
            end: Some(DateEnd {
                year: Some(n * 100),
                ..DateEnd::default()
            }),
            ..Date::default()
        };
        Some(Piece::new(i, j + 1, date, "date/century", Grain::Span))
    }

    /// `thập niên 1990`, `thập kỷ 80`, `những năm 1960` (and `những năm
    /// 1960 - 1970`): a decade, or decades.
    fn decade(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let n = ["thập niên", "thập kỷ", "thập kỉ", "những năm"]
            .iter()
            .find_map(|p| t.phrase(i, p))?;
        let read = |j: usize| -> Option<(i32, usize)> {
            let (y, len) = digits(t, j)?;
            let y = i32::try_from(y).ok()?;
            let y = match len {
                4 => y,
                2 if y >= 10 => 1900 + y,
                _ => return None,
            };
            (clean_end(t, j + 1) || is_dash(t, j + 1)).then_some((y, len))
        };
        let j = i + n;
        let (y, _) = read(j)?;
        if y % 10 != 0 {
            return None;
        }
        let mut end_year = y + 9;
        let mut end = j + 1;
        let mut rule = "date/decade";
        if is_dash(t, j + 1) || t.is(j + 1, "đến") {
            match read(j + 2).filter(|(y2, _)| *y2 > y && *y2 - y <= 100) {
                // `những năm 1960 - 1970`: the sixties to the seventies.
                Some((y2, _)) if y2 % 10 == 0 => {
                    end_year = y2 + 9;
                    end = j + 3;
                }
                // `những năm 2010 - 2014`: years.
                Some((y2, 4)) => {
                    end_year = y2;
                    end = j + 3;
                    rule = "date/year-range";
                }
                _ => {}
            }
        }
        if !clean_end(t, end) {
            return None;
        }
        let date = Date {
            year: Some(y),
            end: Some(DateEnd {
                year: Some(end_year),
                ..DateEnd::default()
            }),
            ..Date::default()
        };
        Some(Piece::new(i, end, date, rule, Grain::Span))
    }

    /// `6 tháng đầu năm 2018` (months 1–6), `9 tháng cuối năm` (4–12),
    /// `nửa đầu năm 2018` (1–6), `nửa cuối năm` (7–12).
    fn half_year(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let (n, j) = if t.is(i, "nửa") {
            (6u8, i + 1)
        } else {
            let (e, n, _) = self.small(i)?;
            if !t.is(e, "tháng") {
                return None;
            }
            (small_u8(n)?, e + 1)
        };
        if !(1..=11).contains(&n) {
            return None;
        }
        // `9 tháng năm 2019`, `6 tháng năm nay`: the months so far.
        let so_far = t.is(j, "năm");
        let (first, j) = match t.lower(j) {
            "đầu" => (1, j),
            "cuối" => (13 - n, j),
            "năm"
                if self.year_after_nam(j + 1).is_some() || self.rel_year_word(j + 1).is_some() =>
            {
                (1, j - 1)
            }
            _ => return None,
        };
        if !t.is(j + 1, "năm") {
            return None;
        }
        let mut date = Date {
            month: Some(first),
            end: Some(DateEnd {
                month: Some(first + n - 1),
                ..DateEnd::default()
            }),
            ..Date::default()
        };
        let mut end = j + 2;
        if let Some((e, y)) = self.year_after_nam(j + 2) {
            date.year = Some(y);
            if let Some(x) = date.end.as_mut() {
                x.year = Some(y);
            }
            end = e;
        } else if let Some((e, k)) = self.rel_year_word(j + 2) {
            // `6 tháng đầu năm nay`
            let mut p = Piece::new(i, e, date, "date/rel-anchored", Grain::Span);
            p.rel = Some(super::Rel::YearOf(k));
            // Without a reference `6 tháng đầu năm` is still months 1–6;
            // `6 tháng năm` is nothing.
            p.abs = (!so_far).then_some((end, "date/half-year"));
            return Some(p);
        }
        Some(Piece::new(i, end, date, "date/half-year", Grain::Span))
    }

    /// `2021 – 2026`, `2016-2020`: a range of years written without `năm`.
    fn bare_year_range(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let (y, len) = digits(t, i)?;
        if len != 4
            || !(1000..=2100).contains(&y)
            || !clean_start(t, i)
            || (i > 0 && t.is(i - 1, "số"))
        {
            return None;
        }
        let date = Date {
            year: Some(i32::try_from(y).ok()?),
            ..Date::default()
        };
        let p = self.range_tail(Piece::new(i, i + 1, date, "date/year", Grain::Year))?;
        (p.rule == "date/year-range").then_some(p)
    }

    /// `từ X đến Y`: a range, `từ` included.
    pub(super) fn range_from(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        // `từ 20-26/10`: a day alone starts the range.
        let partial = || {
            let (d, len) = digits(t, i + 1)?;
            let connector = is_dash(t, i + 2) || t.is(i + 2, "đến") || t.is(i + 2, "tới");
            (len <= 2 && connector).then_some(())?;
            let date = Date {
                day: small_u8(d),
                ..Date::default()
            };
            Some(Piece::new(i + 1, i + 2, date, "date/dm", Grain::PartialDay))
        };
        let x = self.core(i + 1).or_else(partial)?;
        if x.rel.is_some() {
            return None;
        }
        let x = self.lunar_suffix(x);
        // `từ 2002 - 2005`: the years already read as a range.
        let mut r = if x.rule == "date/year-range" {
            x
        } else {
            self.range_tail(x)?
        };
        r.start = i;
        r.rule = "date/from-to";
        r.needs_context = false;
        Some(self.time_tail(r))
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

    /// The end of a range after piece `x`: `– Y`, `đến Y`, `tới Y`, with
    /// `Y` of the same kind (`2021 – 2026`, `30/4-1/5`, `ngày 20-25/3`,
    /// `tháng 3-5/2018`, `quý I – quý III/2024`).
    pub(super) fn range_tail(&self, x: Piece) -> Option<Piece> {
        let t = self.t;
        let j = x.end;
        let k = if is_dash(t, j) || t.is(j, "đến") || t.is(j, "tới") {
            j + 1
        } else {
            return None;
        };
        let k = if t.is(k, "hết") { k + 1 } else { k };
        let mut d = x.date;
        let (end, e, rule) = match x.grain {
            Grain::Year => {
                let y0 = d.year?;
                let (ye, y2) = if t.is(k, "năm") {
                    self.year_after_nam(k + 1)?
                } else {
                    let (y2, len) = digits(t, k)?;
                    if len != 4 || !clean_end(t, k + 1) {
                        return None;
                    }
                    (k + 1, i32::try_from(y2).ok()?)
                };
                if !(y2 > y0 && y2 - y0 <= 100 && y2 <= 2200) {
                    return None;
                }
                if lexicon::AMOUNT_AFTER.contains(&t.lower(ye)) {
                    return None;
                }
                (
                    ye,
                    DateEnd {
                        year: Some(y2),
                        ..DateEnd::default()
                    },
                    "date/year-range",
                )
            }
            Grain::Month => {
                let (me, m2, y2) = if t.is(k, "tháng") {
                    let (me, m2, _, _, _) = self.month_after(k + 1, false)?;
                    match self.year_suffix(me) {
                        Some((ye, y)) => (ye, m2, Some(y)),
                        None => (me, m2, None),
                    }
                } else {
                    let (m2, len) = digits(t, k)?;
                    if len > 2 {
                        return None;
                    }
                    match self.joined_year(k + 1) {
                        Some((ye, y)) => (ye, small_u8(m2)?, Some(y)),
                        // `tháng 5-6`: a second month alone, after a dash.
                        None if is_dash(t, j)
                            && clean_end(t, k + 1)
                            && !UNIT_AFTER_MONTH.contains(&t.lower(k + 1))
                            && !lexicon::AMOUNT_AFTER.contains(&t.lower(k + 1))
                            && small_u8(m2) > d.month =>
                        {
                            (k + 1, small_u8(m2)?, None)
                        }
                        None => return None,
                    }
                };
                if d.year.is_none() {
                    d.year = y2;
                }
                (
                    me,
                    DateEnd {
                        year: y2.or(d.year),
                        month: Some(m2),
                        day: None,
                    },
                    "date/range",
                )
            }
            Grain::Day | Grain::PartialDay => {
                let mut p = k;
                while p < k + 2 && (t.is(p, "ngày") || t.is(p, "mồng") || t.is(p, "mùng")) {
                    p += 1;
                }
                let y = self.day_at(p, p, true)?;
                if y.grain != Grain::Day || y.date.month.is_none() {
                    return None;
                }
                let yd = y.date;
                if d.month.is_none() {
                    d.month = yd.month;
                }
                if d.year.is_none() {
                    d.year = yd.year;
                }
                (
                    y.end,
                    DateEnd {
                        year: yd.year.or(x.date.year),
                        month: yd.month,
                        day: yd.day,
                    },
                    "date/range",
                )
            }
            Grain::Quarter | Grain::Span => return None,
        };
        d.end = Some(e);
        if !ordered(&d) {
            return None;
        }
        let r = Piece {
            end,
            date: d,
            rule,
            grain: Grain::Span,
            needs_context: false,
            ..x
        };
        valid(&r.date).then_some(r)
    }
}

/// Is the start of a range before its end? Without years a range may cross
/// the new year (`28/12 - 3/1`).
fn ordered(d: &Date) -> bool {
    let Some(e) = d.end else {
        return true;
    };
    match (d.year, e.year) {
        (Some(a), Some(b)) if a != b => a < b,
        (Some(_), Some(_)) | (None, None) | (Some(_), None) | (None, Some(_)) => {
            let s = (d.month.unwrap_or(0), d.day.unwrap_or(0));
            let f = (e.month.unwrap_or(0), e.day.unwrap_or(0));
            if d.year.is_some() && e.year.is_some() {
                s < f
            } else {
                s != f
            }
        }
    }
}
