//! Dates that need the reference date, and the relative anchors of written
//! dates.
//!
//! | reads | rel | rule |
//! |---|---|---|
//! | `hôm nay`, `hôm qua`, `hôm kia`, `ngày mai`, `ngày kia`, `ngày mốt`, `bữa nay`, `sáng nay`, `tối qua`, `trưa mai`, `tối hôm qua` | a day | `date/rel-day` |
//! | `tuần này`, `tuần trước`, `tuần qua`, `tuần sau`, `tuần tới` | Monday–Sunday | `date/rel-week` |
//! | `cuối tuần này`, `cuối tuần qua` | Saturday–Sunday | `date/rel-weekend` |
//! | `thứ năm tuần tới`, `thứ 6 của tuần này`, `chủ nhật tuần trước`, `thứ ba tới`, `thứ ba vừa rồi` | a day, with its weekday | `date/rel-weekday` |
//! | `tháng này`, `tháng trước`, `tháng sau`, `tháng tới` | a month | `date/rel-month` |
//! | `năm nay`, `năm ngoái`, `năm trước`, `năm sau`, `năm tới`, `năm tiếp theo` | a year | `date/rel-year` |
//! | `quý này`, `quý hiện tại`, `quý tới`, `quý trước` | a quarter | `date/rel-quarter` |
//! | `3 ngày trước`, `2 tuần trước`, `cách đây 10 năm` | a day, week, month or year back | `date/rel-ago` |
//! | `tháng 5 năm nay`, `quý I năm ngoái`, `ngày 15/3 tới`, `tháng 3 vừa qua`, `ngày 4 tháng này` | the written date, its year or month resolved | `date/rel-anchored` |
//!
//! Unit readings are not dates: `mỗi tháng`, `3 năm sau`, `những năm trước`,
//! `hàng tuần`, `năm trước đó` (relative to the story, not to today), `ngày
//! nay` (nowadays).

use super::lexicon::{
    self, NOT_RELATIVE_AFTER, ORDINAL_HEADS, counts_time, part_of_day_at, weekday_at, word,
};
use super::{Grain, P, Piece, Rel};

/// Words after `năm`: years from the reference.
const YEAR_REL: &[(&str, i32)] = &[
    ("kế tiếp", 1),
    ("tiếp theo", 1),
    ("nay", 0),
    ("ngoái", -1),
    ("trước", -1),
    ("sau", 1),
    ("tới", 1),
    ("rồi", -1),
    ("kế", 1),
    ("tiếp", 1),
];

/// Words after `tháng`: months from the reference.
const MONTH_REL: &[(&str, i32)] = &[
    ("kế tiếp", 1),
    ("tiếp theo", 1),
    ("vừa qua", -1),
    ("này", 0),
    ("trước", -1),
    ("sau", 1),
    ("tới", 1),
    ("rồi", -1),
];

/// Words after `tuần`: weeks from the reference.
const WEEK_REL: &[(&str, i32)] = &[
    ("kế tiếp", 1),
    ("tiếp theo", 1),
    ("vừa qua", -1),
    ("này", 0),
    ("nay", 0),
    ("trước", -1),
    ("sau", 1),
    ("tới", 1),
    ("qua", -1),
    ("rồi", -1),
];

/// Words after `quý`: quarters from the reference.
const QUARTER_REL: &[(&str, i32)] = &[
    ("hiện tại", 0),
    ("kế tiếp", 1),
    ("tiếp theo", 1),
    ("vừa qua", -1),
    ("này", 0),
    ("nay", 0),
    ("tới", 1),
    ("tiếp", 1),
    ("sau", 1),
    ("trước", -1),
    ("rồi", -1),
];

/// The first words of the day words ([`day_word`]) and of the parts of
/// the day ([`part_of_day_at`]).
pub(super) const DAY_STARTS: &[&str] = &[
    "ngày", "hôm", "bữa", "buổi", "rạng", "sáng", "trưa", "chiều", "tối", "đêm", "khuya",
];

/// Day words at token `j`: (end, days from the reference). `ngày hôm
/// nay` 0, `ngày hôm qua` −1, `ngày hôm kia` −2, `hôm nay` 0, `hôm qua` −1,
/// `hôm kia` −2, `bữa nay` 0, `bữa qua` −1, `ngày mai` 1, `ngày kia` 2,
/// `ngày mốt` 2.
fn day_word(t: &crate::token::Tokens<'_>, j: usize) -> Option<(usize, i64)> {
    let hom = |k: usize| match word(t, k) {
        "nay" => Some((k + 1, 0)),
        "qua" => Some((k + 1, -1)),
        "kia" => Some((k + 1, -2)),
        _ => None,
    };
    match word(t, j) {
        "ngày" => match word(t, j + 1) {
            "hôm" => hom(j + 2),
            "mai" => Some((j + 2, 1)),
            "kia" | "mốt" => Some((j + 2, 2)),
            _ => None,
        },
        "hôm" => hom(j + 1),
        "bữa" => match word(t, j + 1) {
            "nay" => Some((j + 2, 0)),
            "qua" => Some((j + 2, -1)),
            _ => None,
        },
        _ => None,
    }
}

/// Words before `quý này`, `thứ hai tới` that make them times.
const TIME_WORD_BEFORE: &[&str] = &[
    "vào", "trong", "của", "cuối", "đầu", "giữa", "từ", "đến", "tới", "sang", "hết", "với", "hơn",
    "hôm", "ngày", "là", "trước", "sau", "cho", "và", "hoặc", "nay", "quý", "thì", "rằng", "mới",
    "ngay", "suốt", "qua", "tại", "dịp", "lúc", "hồi", "cả",
];

/// Does the clause go on after `trước` at token `j` in a way that makes
/// `N năm trước` "N years ago" (a mark, the end, a subject or a verb), not
/// "N years before something"?
fn clause_goes_on(t: &crate::token::Tokens<'_>, j: usize) -> bool {
    if !t.is_word(j) || t.get(j).is_some_and(|x| x.line_before) {
        return true;
    }
    matches!(
        t.lower(j),
        "rồi"
            | "thì"
            | "mà"
            | "và"
            | "nhưng"
            | "tôi"
            | "anh"
            | "chị"
            | "em"
            | "ông"
            | "bà"
            | "họ"
            | "chúng"
            | "mình"
            | "cô"
            | "người"
            | "đã"
            | "vừa"
            | "mới"
            | "từng"
            | "có"
            | "là"
            | "nó"
            | "hắn"
            | "cậu"
            | "chú"
            | "ta"
    )
}

impl P<'_, '_> {
    /// A word of `table` at `j`, not followed by a word that makes it
    /// relative to the story (`năm trước đó`): (end, offset).
    fn rel_word<T: Copy>(&self, j: usize, table: &[(&str, T)]) -> Option<(usize, T)> {
        let t = self.t;
        // Every entry starts with the word at `j`, if any does: the others
        // are passed over at one prefix test, most at its first byte
        // (without a call to compare the bytes).
        let first = word(t, j);
        let &byte = first.as_bytes().first()?;
        let (e, k) = table
            .iter()
            .filter(|(w, _)| w.as_bytes().first() == Some(&byte) && w.starts_with(first))
            .find_map(|(w, k)| t.phrase(j, w).map(|n| (j + n, *k)))?;
        (!NOT_RELATIVE_AFTER.contains(&t.lower(e)) || !t.is_word(e)).then_some((e, k))
    }

    /// `nay`, `ngoái`, `sau`, … at `j` (after `năm`): (end, years away).
    pub(super) fn rel_year_word(&self, j: usize) -> Option<(usize, i32)> {
        self.rel_word(j, YEAR_REL)
    }

    /// A day word at `i` (`hôm qua`, `sáng nay`, `tối hôm qua`): (end, days).
    pub(super) fn rel_day(&self, i: usize) -> Option<(usize, i64)> {
        let t = self.t;
        // Every day word and part of the day starts with one of these (a
        // bit test rules out most other words).
        if !t.hash(i).is_some_and(|h| self.day_starts.may_contain(h)) {
            return None;
        }
        if !DAY_STARTS.contains(&word(t, i)) {
            return None;
        }
        let pod = part_of_day_at(t, i);
        let j = pod.map_or(i, |(e, _)| e);
        if let Some(r) = day_word(t, j) {
            return Some(r);
        }
        pod?;
        let k = match t.lower(j) {
            "nay" => 0,
            "qua" => -1,
            "mai" => 1,
            _ => return None,
        };
        t.is_word(j).then_some((j + 1, k))
    }

    /// A relative expression at `i` (see the module table), or `None`.
    pub(super) fn relative_at(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        if let Some((e, k)) = self.rel_day(i) {
            return Some(Piece::relative(
                i,
                e,
                Rel::Day(k),
                "date/rel-day",
                Grain::Day,
            ));
        }
        // Read only for the words it matters to.
        let unit = || i > 0 && counts_time(t, i - 1);
        match word(t, i) {
            "tuần" if !unit() => {
                let (e, k) = self.rel_word(i + 1, WEEK_REL)?;
                Some(Piece::relative(
                    i,
                    e,
                    Rel::Week(i64::from(k)),
                    "date/rel-week",
                    Grain::Span,
                ))
            }
            "cuối" if t.is(i + 1, "tuần") => {
                let (e, k) = self.rel_word(i + 2, WEEK_REL)?;
                Some(Piece::relative(
                    i,
                    e,
                    Rel::Weekend(i64::from(k)),
                    "date/rel-weekend",
                    Grain::Span,
                ))
            }
            "tháng" if !unit() => {
                let (e, k) = self.rel_word(i + 1, MONTH_REL)?;
                Some(Piece::relative(
                    i,
                    e,
                    Rel::Month(k),
                    "date/rel-month",
                    Grain::Month,
                ))
            }
            "năm" if !unit() => match self.rel_year_word(i + 1) {
                Some((e, k)) => Some(Piece::relative(
                    i,
                    e,
                    Rel::Year(k),
                    "date/rel-year",
                    Grain::Year,
                )),
                // `năm năm trước`: five years ago.
                None => self.ago(i, i, true),
            },
            "quý" if self.time_word_context(i) => {
                let (e, k) = self.rel_word(i + 1, QUARTER_REL)?;
                Some(Piece::relative(
                    i,
                    e,
                    Rel::Quarter(k),
                    "date/rel-quarter",
                    Grain::Quarter,
                ))
            }
            "cách" if t.is(i + 1, "đây") => self.ago(i, i + 2, false),
            // `3 năm trước`: only a number starts it (`ago` asks first for
            // a unit after a number at `i`).
            _ if self.t.is_digits(i) || self.t.is_numeral_word(i) => self.ago(i, i, true),
            _ => None,
        }
    }

    /// `N ngày/tuần/tháng/năm trước [đây]` (`trước` needed) or, after
    /// `cách đây`, `N …` alone.
    fn ago(&self, i: usize, j: usize, needs_truoc: bool) -> Option<Piece> {
        let t = self.t;
        let unit = |w: &str| matches!(w, "ngày" | "tuần" | "tháng" | "năm");
        if !self.small_may_precede(j, unit) {
            return None;
        }
        if needs_truoc && i > 0 {
            let b = t.lower(i - 1);
            if matches!(
                b,
                "hơn"
                    | "gần"
                    | "khoảng"
                    | "chừng"
                    | "hàng"
                    | "vài"
                    | "mấy"
                    | "ngót"
                    | "những"
                    | "các"
            ) {
                return None;
            }
        }
        let (e, n, _) = self.small(j)?;
        let n = i64::from(n);
        let (rel, grain) = match t.lower(e) {
            "ngày" => (Rel::Day(-n), Grain::Day),
            "tuần" => (Rel::Week(-n), Grain::Span),
            "tháng" => (Rel::Month(i32::try_from(-n).ok()?), Grain::Month),
            "năm" => (Rel::Year(i32::try_from(-n).ok()?), Grain::Year),
            _ => return None,
        };
        let mut end = e + 1;
        if t.is(end, "trước") {
            end += 1;
            if t.is(end, "đây") {
                end += 1;
            } else if !clause_goes_on(t, end) {
                // `15 ngày trước kỳ điều hành`: before something, not ago.
                return None;
            }
        } else if needs_truoc {
            return None;
        }
        Some(Piece::relative(i, end, rel, "date/rel-ago", grain))
    }

    /// A weekday with what places it: a date (`thứ 2 ngày 6/2`, `Thứ Năm,
    /// 2/2/2017`), a week (`thứ năm tuần tới`), or `tới` / `này` / `vừa
    /// qua`. A weekday alone is nothing.
    pub(super) fn weekday_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let (e, wd) = weekday_at(t, i)?;
        let placed = i == 0 || t.get(i).is_some_and(|x| x.line_before) || self.time_word_context(i);
        if t.is(i, "thứ") && i > 0 && t.is_word(i - 1) && ORDINAL_HEADS.contains(&t.lower(i - 1))
        {
            return None;
        }
        let k = if t.is_punct(e, ',') { e + 1 } else { e };
        let day = if t.is(k, "ngày") || t.is(k, "mồng") || t.is(k, "mùng") {
            self.day_led_at(k)
        } else {
            self.day_at(k, k, false)
        };
        if let Some(mut c) = day.filter(|c| c.grain == Grain::Day) {
            c.start = i;
            c.date.weekday = Some(wd);
            c.rule = "date/weekday-date";
            c.needs_context = false;
            if let Some((_, r)) = c.abs.as_mut() {
                *r = "date/weekday-date";
            }
            return Some(self.tails(c));
        }
        let k = if t.is(e, "của") { e + 1 } else { e };
        let rel = if t.is(k, "tuần") {
            let (e2, w) = self.rel_word(k + 1, WEEK_REL)?;
            Some((
                e2,
                Rel::WeekdayIn {
                    week: i64::from(w),
                    weekday: wd,
                },
            ))
        } else {
            const DIRECTION: &[(&str, i8)] = &[
                ("sắp tới", 1),
                ("tới", 1),
                ("này", 0),
                ("vừa qua", -1),
                ("vừa rồi", -1),
                ("trước", -1),
            ];
            self.rel_word(e, DIRECTION).map(|(e2, d)| {
                let r = match d {
                    1 => Rel::WeekdayNext(wd),
                    0 => Rel::WeekdayIn {
                        week: 0,
                        weekday: wd,
                    },
                    _ => Rel::WeekdayPrev(wd),
                };
                (e2, r)
            })
        };
        let (end, rel) = rel?;
        // `ca nhiễm thứ 4 này`, `Hoa hậu thứ 4 tới từ Mỹ`: ordinals.
        if !placed || t.is(end, "từ") {
            return None;
        }
        let p = Piece::relative(i, end, rel, "date/rel-weekday", Grain::Day);
        Some(self.time_tail(p))
    }

    /// A relative anchor after a written date without a year: `năm nay`,
    /// `năm ngoái`, `tới`, `vừa qua`, `này`; after `ngày N`: `tháng này`,
    /// `tháng sau`.
    pub(super) fn rel_suffix(&self, p: Piece) -> Piece {
        let t = self.t;
        if p.rel.is_some() || p.date.year.is_some() {
            return p;
        }
        let anchored = |end: usize, rel: Rel, abs: bool, grain: Grain| Piece {
            end,
            rel: Some(rel),
            abs: abs.then_some((p.end, p.rule)),
            rule: "date/rel-anchored",
            grain,
            ..p
        };
        match p.grain {
            Grain::Day | Grain::Month | Grain::Quarter | Grain::Span => {
                if t.is(p.end, "năm") {
                    if let Some((e, k)) = self.rel_year_word(p.end + 1) {
                        return anchored(e, Rel::YearOf(k), true, p.grain);
                    }
                }
                if p.grain == Grain::Span {
                    return p;
                }
                const DIRECTION: &[(&str, i8)] = &[
                    ("sắp tới", 1),
                    ("tới đây", 1),
                    ("tới", 1),
                    ("vừa qua", -1),
                    ("vừa rồi", -1),
                    ("này", 0),
                ];
                let Some((e, d)) = self.rel_word(p.end, DIRECTION) else {
                    return p;
                };
                // `từ tháng 3 tới tháng 5` is a range, not "the coming March".
                let w = t.lower(e);
                if t.is_digits(e) || matches!(w, "tháng" | "ngày" | "năm" | "quý" | "mồng" | "mùng")
                {
                    return p;
                }
                let rel = match d {
                    1 => Rel::Upcoming,
                    0 => Rel::YearOf(0),
                    _ => Rel::Past,
                };
                anchored(e, rel, true, p.grain)
            }
            Grain::PartialDay => {
                if !t.is(p.end, "tháng") {
                    return p;
                }
                match self.rel_word(p.end + 1, MONTH_REL) {
                    Some((e, k)) => anchored(e, Rel::MonthOf(k), false, Grain::Day),
                    None => p,
                }
            }
            Grain::Year => p,
        }
    }

    /// Is the word before token `i` one after which a time word (`quý`,
    /// `thứ hai`) names a time: a preposition, a part of the day, a
    /// punctuation mark, or nothing? (`cao quý này`, `kim loại quý này`,
    /// `ca nhiễm thứ 4 này` are not times.)
    fn time_word_context(&self, i: usize) -> bool {
        let t = self.t;
        let Some(b) = i.checked_sub(1) else {
            return true;
        };
        if !t.is_word(b) {
            return !t.is_digits(b);
        }
        TIME_WORD_BEFORE.contains(&t.lower(b)) || part_of_day_at(t, b).is_some()
    }

    /// `ngày …` at `k` (for a weekday's date).
    fn day_led_at(&self, k: usize) -> Option<Piece> {
        let t = self.t;
        let mut p = k;
        while p < k + 2 && (t.is(p, "ngày") || t.is(p, "mồng") || t.is(p, "mùng")) {
            p += 1;
        }
        if lexicon::weekday_at(t, p).is_some() {
            return None;
        }
        self.day_at(k, p, true)
    }
}
