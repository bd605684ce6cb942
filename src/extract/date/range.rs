//! Spans of time: ranges and the periods that are ranges by nature.
//!
//! | reads | fields | rule |
//! |---|---|---|
//! | `2021 – 2026`, `2016-2020`, `năm 2010-2012`, `những năm 2010 - 2014` | year, end.year | `date/year-range` |
//! | `năm học 2023 – 2024`, `năm học 2023-24`, `niên khóa 2020-2025` | year, end.year | `date/school-year` |
//! | `30/4-1/5`, `ngày 20-25/3/2018`, `ngày 11-12.12.1961`, `tháng 3-5/2018`, `tháng 5-6` | start fields, end | `date/range` |
//! | `từ năm 2020 đến năm 2025`, `từ ngày 20 đến ngày 25/3/2018`, `từ 20-26/10`, `từ tháng 8 đến tháng 12/2020` | start fields, end | `date/from-to` |
//! | `thế kỷ XX` (1901–2000), `thế kỷ 21` | year, end.year | `date/century` |
//! | `thập niên 1990`, `thập kỷ 80`, `những năm 1960` | year, end.year | `date/decade` |
//! | `6 tháng đầu năm 2018` (1–6), `9 tháng cuối năm` (4–12), `nửa đầu năm`, `9 tháng năm 2019` (1–9) | (year), month, end.month | `date/half-year` |
//!
//! A range joins two pieces of the same kind and goes forward; the start
//! takes the year (and month) the end writes (`ngày 20-25/3/2018`: both
//! in March 2018). Without years a range of days may cross the new year
//! (`28/12 - 3/1`). A four-digit range is a range of years only when it
//! spans at most a century and is not followed by an amount (`2000-3000
//! người` is a count).

use super::absolute::UNIT_AFTER_MONTH;
use super::lexicon;
use super::read::{clean_end, clean_start, digits, is_dash};
use super::{Grain, P, Piece, Rel, valid};
use crate::fact::{Date, DateEnd};
use crate::number::roman::roman_at;

fn small_u8(v: u32) -> Option<u8> {
    u8::try_from(v).ok()
}

impl P<'_, '_> {
    /// `năm học 2023 – 2024`, `năm học 2023-24`, `niên khóa 2020 – 2025`.
    pub(super) fn school_year(&self, i: usize) -> Option<Piece> {
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

    /// `thế kỷ XX`, `thế kỉ 21`, `thế kỷ thứ XX`: 1901–2000.
    pub(super) fn century(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if !(t.is(i, "thế") && matches!(lexicon::word(t, i + 1), "kỷ" | "kỉ")) {
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
    pub(super) fn decade(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        // `thập niên`, `thập kỷ`, `thập kỉ`, `những năm`.
        let n = match (lexicon::word(t, i), lexicon::word(t, i + 1)) {
            ("thập", "niên" | "kỷ" | "kỉ") | ("những", "năm") => 2,
            _ => return None,
        };
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
    pub(super) fn half_year(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let (n, j) = if t.is(i, "nửa") {
            (6u8, i + 1)
        } else {
            if !self.small_may_precede(i, |w| w == "tháng") {
                return None;
            }
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
            p.rel = Some(Rel::YearOf(k));
            // Without a reference `6 tháng đầu năm` is still months 1–6;
            // `6 tháng năm` is nothing.
            p.abs = (!so_far).then_some((end, "date/half-year"));
            return Some(p);
        }
        Some(Piece::new(i, end, date, "date/half-year", Grain::Span))
    }

    /// `2021 – 2026`, `2016-2020`: a range of years written without `năm`.
    pub(super) fn bare_year_range(&self, i: usize) -> Option<Piece> {
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
        // A date that [`P::may_start`] rules out is no core either (a test
        // checks it): most `từ 2017`, `từ 5 người` are passed over here.
        let core = || self.may_start(i + 1).then(|| self.core(i + 1)).flatten();
        let x = core().or_else(partial)?;
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
