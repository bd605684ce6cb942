//! `date` facts: days, months, years, quarters, ranges of them and times of
//! day, validated against the calendar. Relative dates (`hôm qua`, `tuần
//! sau`) are resolved only against the caller's reference date.
//!
//! | file | what | examples |
//! |---|---|---|
//! | `mod.rs` | the scan, context checks, resolution, emission | |
//! | `absolute.rs` | days, months, years, quarters the text fixes by itself | `ngày 15/3/2018`, `tháng 6/2017`, `năm 2017`, `quý I/2024`, `tháng Giêng` |
//! | `range.rs` | ranges and periods | `2021 – 2026`, `30/4-1/5`, `từ năm 2020 đến năm 2025`, `6 tháng đầu năm 2018`, `thế kỷ XX` |
//! | `relative.rs` | what needs the reference date | `hôm qua`, `sáng nay`, `tuần sau`, `thứ hai tuần sau`, `năm ngoái`, `3 năm trước`, `tháng 5 năm nay` |
//! | `resolve.rs` | relative pieces against the reference date | `tuần này` → Monday–Sunday, `tháng 3 tới` → the next March |
//! | `time.rs` | times of day, kept only with a date | `8h30 ngày 15/3/2018`, `ngày 15/3 lúc 8 giờ 30 phút`, `3 giờ chiều ngày mai` |
//! | `read.rs` | numbers inside dates | `15.3.2018`, `mười lăm`, `hai không hai ba` |
//! | `lexicon.rs` | word tables | `tháng Giêng`, `thứ năm`, `chủ nhật`, `chiều` |
//!
//! # Rules
//!
//! | rule id | reads | fields |
//! |---|---|---|
//! | `date/dmy-slash` `date/dmy-dash` `date/dmy-dot` | `15/3/2018`, `3/9/91`, `15-3-2018`, `15.3.2018` | year, month, day |
//! | `date/dm` | `ngày 30/4`, `sáng 6/2`, `hôm 28/10` (a bare `d/m` needs a word like these before it) | month, day |
//! | `date/dmy-words` `date/dm-words` | `ngày 15 tháng 3 năm 2018`, `ngày mồng 7 tháng 3`, `12 tháng 10 năm 2017` | (year), month, day |
//! | `date/month-year` `date/month` | `tháng 6/2017`, `tháng 6 năm 2017`, `tháng 6`, `tháng Giêng` | (year), month |
//! | `date/year` | `năm 2017`, `NĂM 2017`, `năm hai nghìn linh chín`, the `2018` of `năm 2017 và 2018` | year |
//! | `date/year-range` `date/school-year` | `2021 – 2026`, `năm 2010-2012`, `năm học 2023 – 2024` | year, end.year |
//! | `date/range` `date/from-to` | `30/4-1/5`, `ngày 20-25/3`, `tháng 3-5/2018`, `từ năm 2020 đến năm 2025` | start fields, end |
//! | `date/quarter` | `quý I/2024`, `quý IV năm 2023`, `quý 3` | (year), quarter |
//! | `date/half-year` | `6 tháng đầu năm 2018`, `nửa cuối năm` | (year), month, end.month |
//! | `date/century` `date/decade` | `thế kỷ XX` (1901–2000), `thập niên 1990`, `những năm 80` | year, end.year |
//! | `date/lunar` | `rằm tháng Giêng`, `mùng 6 Tết` | month, day, lunar |
//! | `date/weekday-date` | `thứ 2 ngày 6/2`, `Thứ Năm, 2/2/2017` | weekday and the date |
//! | `date/time-date` | `8h30 ngày 15/3/2018`, `ngày 15/3/2018 lúc 8h30`, `7:30 chiều ngày 20/4/2017` | the date, hour, minute |
//! | `date/rel-day` `date/rel-week` `date/rel-weekend` `date/rel-weekday` | `hôm qua`, `sáng nay`, `tuần trước` (Monday–Sunday), `cuối tuần này`, `thứ năm tuần tới` | resolved, `relative: true` |
//! | `date/rel-month` `date/rel-year` `date/rel-quarter` `date/rel-ago` | `tháng trước`, `năm ngoái`, `quý tới`, `3 năm trước` | resolved, `relative: true` |
//! | `date/rel-anchored` | `tháng 5 năm nay`, `ngày 15/3 tới`, `tháng 3 vừa qua`, `ngày 4 tháng này` | resolved, `relative: true` |
//!
//! # Decisions
//!
//! - A date is never completed from the reference date unless the text
//!   says how (`năm nay`, `tới`, `vừa qua`): `ngày 30/4` is month 4, day
//!   30, no year; `tháng 6` is month 6, no year.
//! - Without a reference date a relative expression is not emitted; if it
//!   holds an absolute part that part is (`tháng 5 năm nay` → `tháng 5`).
//! - A bare `d/m` (`19/20`, `1/2`) is a fraction unless a date word comes
//!   before it (`ngày`, `hôm`, `sáng`, `chiều`, `dịp`, `lễ`, a weekday, a
//!   time), it is one end of a range (`30/4-1/5`), or it follows a date in a
//!   list (`ngày 30/4 và 1/5`).
//! - A time of day alone (`15h30`, `lúc 8 giờ`) is not a date fact; with a
//!   day next to it, it gives that fact `hour` and `minute`.
//! - A weekday alone (`thứ hai`, `chủ nhật`) is not a date: `thứ hai` is also
//!   the ordinal "second", and the week is unknown. With `tuần sau`, `tới`,
//!   `vừa qua` it is resolved; with a date it is kept as `weekday`.
//! - `tháng Giêng` and `tháng Chạp` are the lunar months 1 and 12 (`lunar:
//!   true`, days up to 30 and no weekday check); so are `rằm` and `mùng … Tết`
//!   dates and any date followed by `âm lịch`.
//! - `thế kỷ XX` is 1901–2000 (the strict count); `thập niên 1990` and
//!   `những năm 1990` are 1990–1999.
//! - Invalid dates (`31/02/2017`, `ngày 0 tháng 13`, `năm 99999`) are not
//!   facts, and nothing is guessed instead.

mod absolute;
mod lexicon;
mod range;
mod read;
mod relative;
mod resolve;
mod time;

use super::calendar::{RefDate, is_valid};
use super::{Ctx, marks};
use crate::fact::{Date, FactValue};
use crate::number::Style;
use crate::token::{Kind, Tokens};
use resolve::resolve;

/// The tokens and the document's number style, shared by the parsers.
pub(super) struct P<'a, 't> {
    pub(super) t: &'a Tokens<'t>,
    pub(super) style: &'a Style,
    /// The last [`P::number_run`]: (token, run).
    run: core::cell::Cell<Option<(usize, usize)>>,
    /// [`START_WORDS`], dereferenced once.
    starts: &'static StartWords,
    /// [`DAY_START_FILTER`], dereferenced once.
    pub(super) day_starts: &'static crate::token::WordFilter,
    /// [`AFTER_DIGITS_FILTER`], dereferenced once.
    after_digits: &'static crate::token::WordFilter,
}

/// How fine a piece is, for joining pieces into ranges and times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Grain {
    /// A day (`ngày 15/3/2018`, `ngày 30/4`, `hôm qua`).
    Day,
    /// A day of a month named later (`ngày 20` of `ngày 20-25/3`): never a
    /// fact alone.
    PartialDay,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// A span: a range, a week, a century.
    Span,
}

/// What a relative expression takes from the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    /// That many days from the reference (`hôm qua` = −1).
    Day(i64),
    /// The week (Monday–Sunday) that many weeks away.
    Week(i64),
    /// Saturday–Sunday of that week.
    Weekend(i64),
    /// A weekday (1–7) of that week.
    WeekdayIn { week: i64, weekday: u8 },
    /// The next such weekday after the reference (`thứ ba tới`).
    WeekdayNext(u8),
    /// The last such weekday before the reference (`thứ ba vừa rồi`).
    WeekdayPrev(u8),
    /// The month that many months away.
    Month(i32),
    /// The year that many years away.
    Year(i32),
    /// The quarter that many quarters away.
    Quarter(i32),
    /// The written date in the year that many years away (`tháng 5 năm nay`).
    YearOf(i32),
    /// The written day in the month that many months away (`ngày 4 tháng này`).
    MonthOf(i32),
    /// The next time the written date comes (`tháng 3 tới`).
    Upcoming,
    /// The last time the written date came (`ngày 6/2 vừa qua`).
    Past,
}

/// A date expression found at some tokens, before it is emitted.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The fields the text fixes.
    pub(super) date: Date,
    pub(super) rule: &'static str,
    pub(super) grain: Grain,
    /// What the reference date must supply.
    pub(super) rel: Option<Rel>,
    /// Without a reference date: where the absolute part ends and its rule
    /// (`tháng 5` of `tháng 5 năm nay`); `None` when it is nothing alone.
    pub(super) abs: Option<(usize, &'static str)>,
    /// A bare `d/m`: a date only with a date word before it.
    pub(super) needs_context: bool,
    /// Date-shaped beyond doubt (a year, or `ngày` before it) but not on the
    /// calendar (`31/02/2017`, `ngày 0 tháng 13`): claimed and reported,
    /// never emitted.
    pub(super) invalid: bool,
}

impl Piece {
    /// A piece of absolute fields.
    pub(super) fn new(
        start: usize,
        end: usize,
        date: Date,
        rule: &'static str,
        grain: Grain,
    ) -> Piece {
        Piece {
            start,
            end,
            date,
            rule,
            grain,
            rel: None,
            abs: None,
            needs_context: false,
            invalid: false,
        }
    }

    /// A relative piece: `fields` are what the text fixes besides.
    pub(super) fn relative(
        start: usize,
        end: usize,
        rel: Rel,
        rule: &'static str,
        grain: Grain,
    ) -> Piece {
        Piece {
            rel: Some(rel),
            ..Piece::new(start, end, Date::default(), rule, grain)
        }
    }
}

/// Is `year-month-day` a real date? Without a year, any year (so 29/2 is
/// fine); lunar days go up to 30 in every month.
pub(super) fn valid_day(year: Option<i32>, month: u8, day: u8, lunar: bool) -> bool {
    if lunar {
        return (1..=12).contains(&month) && (1..=30).contains(&day);
    }
    match year {
        Some(y) => (1..=9999).contains(&y) && is_valid(y, month, day),
        None => is_valid(2000, month, day),
    }
}

/// Are the date's fields (and its end's) a real date?
pub(super) fn valid(d: &Date) -> bool {
    let lunar = d.lunar == Some(true);
    let ok_year = |y: Option<i32>| y.is_none_or(|y| (1..=9999).contains(&y));
    let start_ok = ok_year(d.year)
        && match (d.month, d.day) {
            (Some(m), Some(day)) => valid_day(d.year, m, day, lunar),
            (Some(m), None) => (1..=12).contains(&m),
            (None, Some(_)) => false,
            (None, None) => true,
        };
    let end_ok = d.end.is_none_or(|e| {
        ok_year(e.year)
            && match (e.month, e.day) {
                (Some(m), Some(day)) => valid_day(e.year.or(d.year), m, day, lunar),
                (Some(m), None) => (1..=12).contains(&m),
                (None, Some(day)) => (1..=31).contains(&day),
                (None, None) => e.year.is_some(),
            }
    });
    let time_ok = d.hour.is_none_or(|h| h <= 23) && d.minute.is_none_or(|m| m <= 59);
    start_ok && end_ok && time_ok && d.quarter.is_none_or(|q| (1..=4).contains(&q))
}

/// Extracts the date facts of the document (first of all kinds: the tokens
/// it takes are not read again as numbers, money or counts).
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let mut rejected = Vec::new();
    let p = P::new(&ctx.tokens, &ctx.style);
    let found = p.scan(ctx.reference, &mut rejected, |from| p.next_marked(from));
    for (start, end, date, rule) in found {
        if ctx.free(start, end) {
            ctx.push(start, end, FactValue::Date(date), rule);
        }
    }
    // `31/02/2017`, `ngày 0 tháng 13`: date-shaped but not on the calendar.
    // Not a fact, and not three numbers either: the tokens stay taken, and
    // the span is reported when diagnostics are asked for.
    for (start, end) in rejected {
        if ctx.free(start, end) {
            ctx.claim(start, end, crate::FactKind::Date);
            ctx.report(crate::number::Bad {
                start,
                end,
                reason: crate::number::BadReason::InvalidDate,
            });
        }
    }
}

/// A fact ready to push: tokens, value, rule.
type Out = (usize, usize, Date, &'static str);

/// Words a date expression may start with (besides digits and numerals).
const TRIGGERS: &[&str] = &[
    "ngày", "mồng", "mùng", "rằm", "tháng", "năm", "niên", "quý", "thế", "thập", "những", "nửa",
    "từ", "hôm", "bữa", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng", "buổi", "tuần",
    "cuối", "thứ", "chủ", "chúa", "cách",
];

/// Is `w` one of [`TRIGGERS`]? (A `match` compiles to a few comparisons
/// by length and bytes.)
fn is_trigger(w: &str) -> bool {
    matches!(
        w,
        "ngày"
            | "mồng"
            | "mùng"
            | "rằm"
            | "tháng"
            | "năm"
            | "niên"
            | "quý"
            | "thế"
            | "thập"
            | "những"
            | "nửa"
            | "từ"
            | "hôm"
            | "bữa"
            | "sáng"
            | "trưa"
            | "chiều"
            | "tối"
            | "đêm"
            | "khuya"
            | "rạng"
            | "buổi"
            | "tuần"
            | "cuối"
            | "thứ"
            | "chủ"
            | "chúa"
            | "cách"
    )
}

/// What a word is to [`P::may_start`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// One of [`TRIGGERS`] (`năm` too, also a number word), and what must
    /// follow it.
    Trigger(Next),
    /// Another number word ([`lexicon::NUMBER_WORDS`]: `hai`, `mười`).
    Number,
    /// Neither.
    Neither,
}

impl Start {
    /// What `w` is, by the lists ([`StartWords::of`] without the table).
    fn by_lists(w: &str) -> Start {
        if is_trigger(w) {
            Start::Trigger(Next::of(w))
        } else if lexicon::is_number_word(w) {
            Start::Number
        } else {
            Start::Neither
        }
    }
}

/// What must follow a trigger word for a date to start at it (see
/// [`P::next_word_fits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// Anything: `quý`, `tuần`, `mồng`… start many phrases.
    Any,
    /// One of these words: `chủ nhật`, `thế kỷ`, `cách đây`.
    Words(&'static [&'static str]),
    /// The rest of a weekday: `thứ hai`, `thứ 2`.
    Weekday,
    /// What may start a date: `từ năm 2020`, `từ 20-26/10`.
    Date,
    /// What may follow `năm` in a date: a year (`năm 2017`, `năm hai
    /// nghìn`), `học`, a relative word (`năm nay`, `năm ngoái`), or a unit
    /// after `năm` as the number five (`năm ngày trước`, `năm giờ chiều`).
    Year,
    /// What may follow `ngày` in a date: a day (`ngày 15/3`, `ngày mười
    /// lăm`), a day word (`ngày mai`, `ngày hôm qua`), `đầu` (`ngày đầu
    /// tiên`), a weekday or `mồng` (`ngày thứ sáu`, `ngày mồng 7`).
    Day,
    /// What may follow `tháng` in a date: a month (`tháng 6`, `tháng tư`,
    /// `tháng Giêng`) or a relative word (`tháng này`, `tháng vừa qua`).
    Month,
}

impl Next {
    /// What must follow the trigger word `w`. Some only start one phrase
    /// (`chủ nhật`, `thế kỷ`, `thập niên`, `những năm`, `niên khóa`, `cách
    /// đây`, `cuối tuần`, `nửa đầu`, `thứ hai`, `sáng nay`), and the first
    /// word of each is common alone (none of these words is a number, so
    /// only the reader of its own phrase could match there). `từ` starts a range
    /// only when what follows could start a date (`từ năm 2020`, `từ
    /// 20-26/10`), not `từ khi`, `từ đó`. `năm`, `ngày` and `tháng` start
    /// many phrases, but none before a mark (`năm,`, `ngày.`) or most words
    /// (`năm qua`, `ngày càng`, `tháng giảm`).
    fn of(w: &str) -> Next {
        match w {
            "chủ" | "chúa" => Next::Words(&["nhật"]),
            "thế" => Next::Words(&["kỷ", "kỉ"]),
            "thập" => Next::Words(&["niên", "kỷ", "kỉ"]),
            "những" => Next::Words(&["năm"]),
            "niên" => Next::Words(&["khóa", "học"]),
            "cách" => Next::Words(&["đây"]),
            "cuối" => Next::Words(&["tuần"]),
            "nửa" => Next::Words(&["đầu", "cuối", "năm"]),
            // A part of the day or `hôm`, `bữa` starts a date only as a day
            // word ([`P::rel_day`]): `sáng nay`, `tối hôm qua`, `chiều
            // ngày mai`, `buổi sáng nay`, `rạng sáng mai`, `hôm qua`.
            "sáng" | "trưa" | "chiều" | "tối" | "đêm" | "khuya" => {
                Next::Words(&["ngày", "hôm", "bữa", "nay", "qua", "mai"])
            }
            "buổi" => Next::Words(&["sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng"]),
            "rạng" => Next::Words(&["sáng"]),
            "hôm" => Next::Words(&["nay", "qua", "kia"]),
            "bữa" => Next::Words(&["nay", "qua"]),
            "thứ" => Next::Weekday,
            "từ" => Next::Date,
            "năm" => Next::Year,
            "ngày" => Next::Day,
            "tháng" => Next::Month,
            _ => Next::Any,
        }
    }
}

/// The words after a number in words that a date may start with (`hai
/// năm trước`, `mười lăm ngày trước`, `hai giờ chiều`).
const UNITS: &[&str] = &["giờ", "ngày", "tuần", "tháng", "năm"];

/// The words of [`Start`]: [`TRIGGERS`] and the number words, by hash
/// bucket. The scan's loop rules out most words at one byte test; the
/// few it stops at (one word in twenty: `năm`, `một`, `không`, and the
/// words that share a bucket with one) are told apart by their hash
/// alone, instead of a match of the word against each list.
///
/// A filter, like the rest of [`P::may_start`]: a word that is neither but
/// has the full 32-bit hash of one (none is known) is tried by the readers,
/// which compare the words themselves and find nothing there (only digits
/// and start words start a date). Time lost, never a fact.
struct StartWords {
    /// Hash bucket (the hash modulo [`StartWords::BUCKETS`]) → 0 when no
    /// start word falls in it, else 1 + the index in `words` of the only
    /// one that does, or [`StartWords::SEVERAL`].
    buckets: Box<[u8; StartWords::BUCKETS]>,
    /// The start words' [`crate::token::word_hash`] and what they are.
    words: Vec<(u32, Start)>,
    /// The hashes of the [`UNITS`] (an array: the test is unrolled).
    units: [u32; UNITS.len()],
    /// Hash bucket → [`StartWords::NUMBERS`], [`StartWords::TRIGGERS`],
    /// [`StartWords::UNITS`]: what kinds of words fall in it (the
    /// [`marks::DATE_NUMBER`] and [`marks::DATE_UNIT`] bits).
    kinds: Box<[u8; StartWords::BUCKETS]>,
}

impl StartWords {
    const BUCKETS: usize = 8192;
    /// A bucket of more than one start word: told apart by the lists.
    const SEVERAL: u8 = u8::MAX;
    /// A number word ([`Start::Number`]) falls in the bucket.
    const NUMBERS: u8 = 1;
    /// A trigger word ([`Start::Trigger`]) falls in the bucket.
    const TRIGGERS: u8 = 2;
    /// One of the [`UNITS`] falls in the bucket.
    const UNITS: u8 = 4;

    fn new() -> StartWords {
        let hash = crate::token::word_hash;
        let numbers = lexicon::NUMBER_WORDS.iter().filter(|w| !is_trigger(w));
        let words: Vec<(u32, Start)> = TRIGGERS
            .iter()
            .chain(numbers)
            .map(|w| (hash(w), Start::by_lists(w)))
            .collect();
        let mut buckets = Box::new([0u8; StartWords::BUCKETS]);
        for (k, (h, _)) in words.iter().enumerate() {
            if let Some(slot) = buckets.get_mut(*h as usize % StartWords::BUCKETS) {
                *slot = match *slot {
                    0 => u8::try_from(k + 1).unwrap_or(StartWords::SEVERAL),
                    _ => StartWords::SEVERAL,
                };
            }
        }
        let units: [u32; UNITS.len()] =
            core::array::from_fn(|k| UNITS.get(k).map_or(0, |w| hash(w)));
        let mut kinds = Box::new([0u8; StartWords::BUCKETS]);
        let kinds_of = words
            .iter()
            .map(|&(h, start)| match start {
                Start::Number => (h, StartWords::NUMBERS),
                _ => (h, StartWords::TRIGGERS),
            })
            .chain(units.iter().map(|&h| (h, StartWords::UNITS)));
        for (h, kind) in kinds_of {
            if let Some(slot) = kinds.get_mut(h as usize % StartWords::BUCKETS) {
                *slot |= kind;
            }
        }
        StartWords {
            buckets,
            words,
            units,
            kinds,
        }
    }

    /// The kinds of words in the bucket of hash `h` (see
    /// [`StartWords::kinds`]).
    fn kinds(&self, h: u32) -> u8 {
        self.kinds
            .get(h as usize % StartWords::BUCKETS)
            .copied()
            .unwrap_or(0)
    }

    /// May the word of hash `h` be a start word? (`false`: surely not.)
    #[inline(always)]
    fn may_contain(&self, h: u32) -> bool {
        self.bucket(h) != 0
    }

    /// The bucket of hash `h` (0: no start word has a hash in it).
    #[inline(always)]
    fn bucket(&self, h: u32) -> u8 {
        self.buckets
            .get(h as usize % StartWords::BUCKETS)
            .copied()
            .unwrap_or(0)
    }

    /// What the word of hash `h` is (`word` gives the word itself, needed
    /// only in a bucket of several).
    #[inline(always)]
    fn of<'w>(&self, h: u32, word: impl FnOnce() -> &'w str) -> Start {
        match self.buckets.get(h as usize % StartWords::BUCKETS) {
            None | Some(0) => Start::Neither,
            Some(&StartWords::SEVERAL) => Start::by_lists(word()),
            Some(&k) => match self.words.get(usize::from(k) - 1) {
                Some(&(hash, start)) if hash == h => start,
                _ => Start::Neither,
            },
        }
    }

    /// May the token of hash `h` be one of the [`UNITS`]? (`false`: surely
    /// not.)
    fn may_be_unit(&self, h: Option<u32>) -> bool {
        h.is_some_and(|h| self.units.contains(&h))
    }
}

/// May a word whose hash is `h` (or in its bucket) start a date? The
/// [`marks::DATE`] bit of the marks.
pub(crate) fn start_may_be(h: u32) -> bool {
    START_WORDS.may_contain(h)
}

/// May a word whose hash is `h` (or in its bucket) start a date only as
/// a number word (`một`, `không`, `tỷ`: no trigger word shares the
/// bucket)? The [`marks::DATE_NUMBER`] bit of the marks.
pub(crate) fn start_only_as_number(h: u32) -> bool {
    START_WORDS.kinds(h) & (StartWords::NUMBERS | StartWords::TRIGGERS) == StartWords::NUMBERS
}

/// May a word whose hash is `h` (or in its bucket) be one of the
/// [`UNITS`]? The [`marks::DATE_UNIT`] bit of the marks.
pub(crate) fn unit_may_be(h: u32) -> bool {
    START_WORDS.kinds(h) & StartWords::UNITS != 0
}

/// The [`StartWords`], built once.
static START_WORDS: once_cell::sync::Lazy<StartWords> = once_cell::sync::Lazy::new(StartWords::new);

impl<'a, 't> P<'a, 't> {
    fn new(t: &'a Tokens<'t>, style: &'a Style) -> P<'a, 't> {
        P {
            t,
            style,
            run: core::cell::Cell::new(None),
            starts: &START_WORDS,
            day_starts: &DAY_START_FILTER,
            after_digits: &AFTER_DIGITS_FILTER,
        }
    }
}

impl P<'_, '_> {
    /// One left-to-right pass: at each token the longest date expression
    /// starting there, if any; a found one is skipped over. Every parser
    /// looks a bounded number of tokens ahead (and back), so the pass is
    /// linear in the text.
    ///
    /// `next(from)` is the first token from `from` on worth a look
    /// ([`P::next_marked`]; the number of tokens if none): the tokens it
    /// passes over are neither tried nor [`P::listed_year`]s (which are
    /// digits). The tests compare it with looking at every token.
    fn scan(
        &self,
        reference: Option<RefDate>,
        rejected: &mut Vec<(usize, usize)>,
        mut next: impl FnMut(usize) -> usize,
    ) -> Vec<Out> {
        // Most texts have a few dates: room for eight at once (a block small
        // enough for the allocator's quick path; sixteen was slower).
        let mut out: Vec<Out> = Vec::with_capacity(8);
        let mut last_end: Option<usize> = None;
        let mut i = 0;
        let n = self.t.len();
        while i < n {
            // Most tokens start nothing: skipped in a tight loop.
            i = next(i);
            if i >= n {
                break;
            }
            let may_start = self.may_start(i);
            // A year may still follow a year (see `listed_year`).
            if !may_start && last_end.is_none_or(|e| i != e + 1) {
                i += 1;
                continue;
            }
            let piece = if may_start { self.at(i) } else { None };
            if let Some(p) = &piece {
                // An absolute date in a date's shape and context, but not
                // on the calendar.
                let shaped = !p.needs_context || self.has_context(p.start, last_end);
                if p.rel.is_none()
                    && shaped
                    && (p.invalid || !valid(&p.date))
                    && p.end > i
                    && !self.crosses_line(p.start, p.end)
                {
                    rejected.push((p.start, p.end));
                    i = p.end;
                    continue;
                }
            }
            let found = self
                .listed_year(i, &out, last_end)
                .or_else(|| piece.and_then(|piece| self.emit(piece, reference, last_end)));
            match found {
                Some(f) if f.1 > i => {
                    i = f.1;
                    last_end = Some(f.1);
                    out.push(f);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// A year in a list after a year: `năm 2016, 2017 và 2018` (the
    /// digits alone are not a year elsewhere).
    fn listed_year(&self, i: usize, out: &[Out], last_end: Option<usize>) -> Option<Out> {
        let t = self.t;
        // Right after the last fact: most tokens stop at this test.
        let sep = i.checked_sub(1)?;
        if last_end != Some(sep) {
            return None;
        }
        let (_, _, prev, _) = out.last()?;
        let after_year = prev.year.is_some()
            && prev.month.is_none()
            && prev.quarter.is_none()
            && prev.end.is_none();
        if !(after_year && (t.is_punct(sep, ',') || t.is(sep, "và") || t.is(sep, "hoặc"))) {
            return None;
        }
        let (y, len) = read::digits(t, i)?;
        let y = i32::try_from(y).ok()?;
        let ok = len == 4
            && (1000..=2100).contains(&y)
            && prev.year.is_some_and(|p| (y - p).abs() <= 50)
            && read::clean_start(t, i)
            && read::clean_end(t, i + 1)
            && !lexicon::AMOUNT_AFTER.contains(&t.lower(i + 1))
            && !self.crosses_line(sep, i + 1);
        let date = Date {
            year: Some(y),
            ..Date::default()
        };
        ok.then_some((i, i + 1, date, "date/year"))
    }

    /// The first token from `from` on (else the number of tokens) that
    /// is digits or a word whose hash passes the test of
    /// [`P::may_start`]: the loop most tokens of the text go through, in
    /// one pass over the marks, whose [`marks::DATE`] bit says just that
    /// (a test checks it against the tokens), four tokens a test. Every
    /// token [`P::may_start`] accepts is one of them; the others start no
    /// date, and none is a [`P::listed_year`].
    ///
    /// Nor does a number word with neither a unit nor another number word
    /// after it (`một số`, `không có`, `tỷ đồng`; see
    /// [`P::number_may_start`]): passed over by the marks of the two
    /// words, without reading either token.
    #[inline(always)]
    fn next_marked(&self, from: usize) -> usize {
        let marks = self.t.marks();
        let mut i = from;
        loop {
            i = marks::next_in(marks, i, marks::DATE);
            let number_only = marks
                .get(i)
                .is_some_and(|&m| m & (marks::DATE_NUMBER | marks::NOT_WORD) == marks::DATE_NUMBER);
            let unit_or_number = || {
                marks
                    .get(i + 1)
                    .is_some_and(|&m| m & (marks::DATE_UNIT | marks::NUMERAL) != 0)
            };
            if !number_only || unit_or_number() {
                return i;
            }
            i += 1;
        }
    }

    /// Can the trigger word at token `i` start a date with what follows
    /// it (`next`, see [`Next::of`])? Ruled out here, before any reader is
    /// tried; a test checks that [`P::at`] finds nothing where this says
    /// no.
    #[inline(never)]
    fn next_word_fits(&self, i: usize, next: Next) -> bool {
        let t = self.t;
        match next {
            Next::Any => true,
            Next::Words(words) => words.iter().any(|w| t.is(i + 1, w)),
            Next::Weekday => lexicon::weekday_at(t, i).is_some(),
            Next::Date => {
                t.is_digits(i + 1) || t.hash(i + 1).is_some_and(|h| self.starts.may_contain(h))
            }
            Next::Year => self.number_or(i + 1, |w| {
                matches!(
                    w,
                    "học"
                        | "kế"
                        | "tiếp"
                        | "nay"
                        | "ngoái"
                        | "trước"
                        | "sau"
                        | "tới"
                        | "rồi"
                        | "ngày"
                        | "tuần"
                        | "tháng"
                        | "giờ"
                )
            }),
            Next::Day => self.number_or(i + 1, |w| {
                matches!(
                    w,
                    "hôm"
                        | "mai"
                        | "kia"
                        | "mốt"
                        | "đầu"
                        | "ngày"
                        | "mồng"
                        | "mùng"
                        | "thứ"
                        | "chủ"
                        | "chúa"
                )
            }),
            Next::Month => self.number_or(i + 1, |w| {
                matches!(
                    w,
                    "giêng"
                        | "chạp"
                        | "kế"
                        | "tiếp"
                        | "vừa"
                        | "này"
                        | "trước"
                        | "sau"
                        | "tới"
                        | "rồi"
                )
            }),
        }
    }

    /// Is token `j` digits, a word a numeral may start with, or a word
    /// `word` accepts? The first two are known by the token's mark
    /// ([`marks::NUMERAL`] is the numeral flag of a word).
    #[inline]
    fn number_or(&self, j: usize, word: impl Fn(&str) -> bool) -> bool {
        let Some(&m) = self.t.marks().get(j) else {
            return false;
        };
        if m & marks::NOT_WORD != 0 {
            return m & marks::PUNCT == 0;
        }
        m & marks::NUMERAL != 0 || word(self.t.lower(j))
    }

    /// Could a date expression start at token `i`? Every parser wants a
    /// word or a mark right after a number: a unit (`3 ngày`, `15 tháng 3`,
    /// `hai tuần`), a clock mark (`8h`, `8 giờ`), a separator joined to more
    /// digits (`15/3`, `8:30`, `15.3.2018`), a dash (`2021 – 2026`) or
    /// `đến`, `tới`; other words start a date only if they are
    /// [`TRIGGERS`]. Most tokens (`30 người`, `một`, `không`, `tỷ`, any word
    /// that fails the bit test) are ruled out here, before any parser is
    /// tried.
    #[inline(always)]
    fn may_start(&self, i: usize) -> bool {
        let t = self.t;
        match t.get(i).map(|x| x.kind) {
            Some(Kind::Digits) => self.digits_may_start(i),
            Some(Kind::Word) => t.hash(i).is_some_and(|h| self.word_may_start(i, h)),
            Some(Kind::Punct(_)) | None => false,
        }
    }

    /// [`P::may_start`] for the digits at token `i`, by what the readers
    /// that start at digits want after them: a word of [`AFTER_DIGITS`]
    /// (with what it needs), or a separator joined to more digits: a day
    /// and a month of one or two digits each (`15/3`, `15-3-2018`,
    /// `15.3.2018`: [`read::dmy_at`]; not `1.000` or `123.456`), an hour and
    /// its minutes (`8:30`: [`P::clock_at`]); or a year, a dash and a year
    /// (`2021 – 2026`: [`P::bare_year_range`]).
    #[inline(always)]
    fn digits_may_start(&self, i: usize) -> bool {
        let t = self.t;
        let next = i + 1;
        let len = |k: usize| t.get(k).map_or(0, |x| x.end - x.start);
        let short = |k: usize| t.is_digits(k) && len(k) <= 2;
        let joined_short = || short(i) && t.joined(next) && t.joined(next + 1) && short(next + 1);
        match t.get(next).map(|x| x.kind) {
            // Most words after digits (`30 người`) fail the bit test.
            Some(Kind::Word) => {
                t.hash(next)
                    .is_some_and(|h| self.after_digits.may_contain(h))
                    && self.digits_then_word(i)
            }
            Some(Kind::Punct(':' | '/' | '.')) => joined_short(),
            Some(Kind::Punct('-' | '–' | '—')) => {
                len(i) == 4 && self.year_may_end(next + 1) || joined_short()
            }
            Some(Kind::Punct(_) | Kind::Digits) | None => false,
        }
    }

    /// [`P::digits_may_start`] for digits at token `i` before a word that
    /// passes the bit test of [`AFTER_DIGITS`].
    #[inline(never)]
    fn digits_then_word(&self, i: usize) -> bool {
        let t = self.t;
        let next = i + 1;
        let len = |k: usize| t.get(k).map_or(0, |x| x.end - x.start);
        let w = t.lower(next);
        match AFTER_DIGITS.iter().find(|(a, _)| *a == w) {
            Some((_, AfterDigits::Clock)) => len(i) <= 2 && t.joined(next),
            Some((_, AfterDigits::Hours)) => len(i) <= 2,
            Some((_, AfterDigits::Month)) => self.number_or(next + 1, |w| {
                matches!(w, "giêng" | "chạp" | "đầu" | "cuối" | "trước")
            }),
            Some((_, AfterDigits::Truoc)) => t.is(next + 1, "trước"),
            Some((_, AfterDigits::Year)) => len(i) == 4 && self.year_may_end(next + 1),
            None => false,
        }
    }

    /// May the end of a range of years start at token `k` (after its
    /// connector): `năm` or four digits, maybe after `hết` (see
    /// [`P::range_tail`])?
    fn year_may_end(&self, k: usize) -> bool {
        let t = self.t;
        let k = if t.is(k, "hết") { k + 1 } else { k };
        t.is(k, "năm") || t.is_digits(k) && t.get(k).is_some_and(|x| x.end - x.start == 4)
    }

    /// [`P::may_start`] for word `i` of hash `h`: one of [`TRIGGERS`] with a
    /// word after it that fits ([`P::next_word_fits`]; `năm`, also a number
    /// word, is the year's word too: tried as that), or a number word with
    /// a unit after it or after the number it starts
    /// ([`P::number_may_start`]).
    #[inline(always)]
    fn word_may_start(&self, i: usize, h: u32) -> bool {
        match self.starts.of(h, || self.t.lower(i)) {
            Start::Trigger(Next::Any) => true,
            // `năm 2017`, `ngày 15/3`, `tháng 6`: most are followed by
            // digits, known by the next token's mark.
            Start::Trigger(next @ (Next::Year | Next::Day | Next::Month)) => {
                let m = self.t.marks().get(i + 1).copied().unwrap_or(0);
                m & (marks::NOT_WORD | marks::PUNCT) == marks::NOT_WORD
                    || m & marks::NOT_WORD == 0 && self.next_word_fits(i, next)
            }
            Start::Trigger(next) => self.next_word_fits(i, next),
            Start::Number => self.number_may_start(i),
            Start::Neither => false,
        }
    }

    /// [`P::word_may_start`] for the number word at token `i`: a unit
    /// after it or after the number it starts (`hai năm trước`, `mười lăm
    /// ngày trước`).
    #[inline(never)]
    fn number_may_start(&self, i: usize) -> bool {
        let t = self.t;
        if !t.is_numeral_word(i) {
            return false;
        }
        // Most number words (`một số`, `tỷ đồng`) are followed by no
        // other: their run is one word, and only the next one counts.
        if !t.is_numeral_word(i + 1) {
            return self.starts.may_be_unit(t.hash(i + 1));
        }
        self.small_may_precede(i, |w| UNITS.contains(&w))
    }

    /// The date expression starting at token `i` (where one
    /// [`P::may_start`]), with everything that can follow it (a
    /// relative anchor, `âm lịch`, the end of a range, a time).
    fn at(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        // A time starts with a number; `từ` and weekdays are words of their
        // own: each parser is tried only where it can match. (A time in
        // words ends with `giờ`: none starts at a word before digits.)
        if t.is_digits(i) || t.is_numeral_word(i) && !t.is_digits(i + 1) {
            if let Some(p) = self.time_led(i) {
                return Some(p);
            }
        }
        let w = lexicon::word(t, i);
        if w == "từ" {
            if let Some(p) = self.range_from(i) {
                return Some(p);
            }
            return None;
        }
        if matches!(w, "thứ" | "chủ" | "chúa") {
            if let Some(p) = self.weekday_led(i) {
                return Some(p);
            }
        }
        let core = self.core(i)?;
        Some(self.tails(core))
    }

    /// Does token `i` start a sentence (or the text, or a line)?
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        let t = self.t;
        i == 0
            || t.get(i).is_some_and(|x| x.line_before)
            || [".", "!", "?", ":", "(", "\"", "“", "-", "–"].contains(&t.surface(i - 1))
    }

    /// Is the expression ending at token `end` a date before the Common
    /// Era (`thế kỷ thứ 3 trước Công nguyên`, `năm 500 TCN`)? Those are not
    /// read: the fields have no era.
    fn before_common_era(&self, end: usize) -> bool {
        let t = self.t;
        let phrase = || t.phrase(end, "trước công nguyên").is_some();
        t.is(end, "tcn") || t.is(end, "trước") && phrase()
    }

    /// What may follow a piece: a relative anchor, `âm lịch`, a range end,
    /// a time of day. Most pieces take none ([`P::no_tail`]): none is tried.
    pub(super) fn tails(&self, piece: Piece) -> Piece {
        if self.no_tail(&piece) {
            return piece;
        }
        self.all_tails(piece)
    }

    /// Does no tail apply after piece `p` (each would return it as it is)?
    /// Every tail starts with a word, digits, a dash or a comma after the
    /// piece (`năm nay`, `âm lịch`, `– 2026`, `, 8 giờ`): none after another
    /// mark (`năm 2017.`) or at the end. A year (`năm 2017`, `năm nay`)
    /// takes a range end alone (`năm 2010 – 2015`, `năm 2010 đến 2015`).
    /// A test checks that [`P::all_tails`] leaves such pieces alone.
    #[inline]
    fn no_tail(&self, p: &Piece) -> bool {
        let t = self.t;
        match t.get(p.end).map(|x| x.kind) {
            None => true,
            Some(Kind::Punct(c)) if !matches!(c, '-' | '–' | '—' | ',') => true,
            _ => {
                p.grain == Grain::Year
                    && !(read::is_dash(t, p.end) || t.is(p.end, "đến") || t.is(p.end, "tới"))
            }
        }
    }

    /// [`P::tails`] without the shortcut.
    fn all_tails(&self, piece: Piece) -> Piece {
        let mut p = self.rel_suffix(piece);
        p = self.lunar_suffix(p);
        if p.rel.is_none() {
            if let Some(r) = self.range_tail(p) {
                p = r;
            }
        }
        self.time_tail(p)
    }

    /// Is there a date word before the bare `d/m` at `start`?
    fn has_context(&self, start: usize, last_end: Option<usize>) -> bool {
        let t = self.t;
        let Some(mut p) = start.checked_sub(1) else {
            return false;
        };
        if t.is_punct(p, '(') || t.is_punct(p, ',') && last_end != Some(p) {
            // `thứ hai tới (18-4)`: in brackets right after a date.
            if t.is_punct(p, '(') && last_end == Some(p) {
                return true;
            }
            let Some(q) = p.checked_sub(1) else {
                return false;
            };
            p = q;
        }
        let w = t.lower(p);
        if t.is_word(p) && lexicon::DM_CONTEXT.contains(&w) {
            return p == 0 || !t.is(p - 1, "ánh");
        }
        // A weekday: `thứ Hai 6/2`, `chủ nhật (5/2)`.
        if p >= 1 && lexicon::weekday_at(t, p - 1).is_some_and(|(e, _)| e == p + 1) {
            return true;
        }
        // `sáng nay (6/2)`, `hôm qua (5/2)`.
        if matches!(w, "nay" | "qua" | "mai") && p >= 1 {
            let q = p - 1;
            return t.is(q, "hôm") || t.is(q, "ngày") || lexicon::part_of_day_at(t, q).is_some();
        }
        // A list after a date: `ngày 30/4 và 1/5`, `30/4, 1/5`.
        (t.is_punct(p, ',') || t.is(p, "và") || t.is(p, "hoặc")) && last_end == Some(p)
    }

    /// Does a line break fall inside tokens `start..end`? (A date never
    /// runs from a heading into the next paragraph.)
    fn crosses_line(&self, start: usize, end: usize) -> bool {
        (start + 1..end).any(|k| self.t.get(k).is_some_and(|x| x.line_before))
    }

    /// The fact a piece makes, if any (resolving it against the reference).
    fn emit(
        &self,
        piece: Piece,
        reference: Option<RefDate>,
        last_end: Option<usize>,
    ) -> Option<Out> {
        if piece.grain == Grain::PartialDay || self.before_common_era(piece.end) {
            return None;
        }
        if piece.needs_context && !self.has_context(piece.start, last_end) {
            return None;
        }
        let end = match (piece.rel, reference) {
            (Some(_), None) => piece.abs.map_or(piece.start, |a| a.0),
            _ => piece.end,
        };
        if self.crosses_line(piece.start, end) {
            return None;
        }
        let Some(rel) = piece.rel else {
            return valid(&piece.date).then_some((piece.start, piece.end, piece.date, piece.rule));
        };
        match reference {
            Some(r) => {
                let d = resolve(piece.date, rel, r)?;
                valid(&d).then_some((piece.start, piece.end, d, piece.rule))
            }
            None => {
                let (end, rule) = piece.abs?;
                let mut d = piece.date;
                if end <= piece.end && d.hour.is_some() && !self.time_inside(piece.start, end) {
                    d.hour = None;
                    d.minute = None;
                }
                valid(&d).then_some((piece.start, end, d, rule))
            }
        }
    }

    /// Does a clock time start among tokens `start..end`?
    fn time_inside(&self, start: usize, end: usize) -> bool {
        (start..end).any(|i| self.clock_at(i).is_some_and(|c| c.0 <= end))
    }
}

/// What a word after digits needs after it for a date to start at the
/// digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AfterDigits {
    /// Glued to one or two digits: `8h`, `8h30`, `10g45` ([`P::clock_at`]).
    Clock,
    /// One or two digits before it: `8 giờ`, `3 giờ chiều`
    /// ([`P::clock_at`]).
    Hours,
    /// A month, `đầu`, `cuối` or `trước` after it: `15 tháng 3`, `6 tháng
    /// đầu năm`, `9 tháng năm 2019`, `3 tháng trước` (`3 tháng qua` is a
    /// count).
    Month,
    /// `trước`: `3 năm trước`, `15 ngày trước` ([`P::ago`]; `3 năm` alone
    /// is a count).
    Truoc,
    /// Four digits before it and a year after it: `2021 đến 2026`, `2010
    /// tới năm 2015` ([`P::bare_year_range`]).
    Year,
}

/// The words after digits a date may start with (see
/// [`P::digits_may_start`]).
const AFTER_DIGITS: &[(&str, AfterDigits)] = &[
    ("h", AfterDigits::Clock),
    ("g", AfterDigits::Clock),
    ("giờ", AfterDigits::Hours),
    ("tháng", AfterDigits::Month),
    ("ngày", AfterDigits::Truoc),
    ("tuần", AfterDigits::Truoc),
    ("năm", AfterDigits::Truoc),
    ("đến", AfterDigits::Year),
    ("tới", AfterDigits::Year),
];

/// [`AFTER_DIGITS`] as a filter: most words after digits (`30 người`) are
/// ruled out at one bit test.
static AFTER_DIGITS_FILTER: once_cell::sync::Lazy<crate::token::WordFilter> =
    once_cell::sync::Lazy::new(|| {
        let mut f = crate::token::WordFilter::default();
        AFTER_DIGITS.iter().for_each(|(w, _)| f.insert(w));
        f
    });

/// [`relative::DAY_STARTS`] as a filter (see `P::rel_day`).
static DAY_START_FILTER: once_cell::sync::Lazy<crate::token::WordFilter> =
    once_cell::sync::Lazy::new(|| {
        let mut f = crate::token::WordFilter::default();
        relative::DAY_STARTS.iter().for_each(|w| f.insert(w));
        f
    });

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&START_WORDS);
    once_cell::sync::Lazy::force(&DAY_START_FILTER);
    once_cell::sync::Lazy::force(&AFTER_DIGITS_FILTER);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Ctx;
    use crate::token::word_hash;

    fn dates(text: &str, reference: Option<&str>) -> Vec<(String, Date, &'static str)> {
        let r = reference.and_then(|s| s.parse().ok());
        let mut ctx = Ctx::new(text, r);
        run(&mut ctx);
        ctx.found
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Date(d) => {
                    let s = ctx.tokens.span(f.start, f.end);
                    Some((
                        text.get(s.range()).unwrap_or_default().to_string(),
                        *d,
                        f.rule,
                    ))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn basic_forms() {
        let got = dates("Năm 2017, ngày 15/3/2018 và tháng 6/2017.", None);
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(surfaces, ["Năm 2017", "ngày 15/3/2018", "tháng 6/2017"]);
    }

    #[test]
    fn relative_needs_reference() {
        assert!(dates("hôm qua", None).is_empty());
        let got = dates("hôm qua", Some("2017-02-02"));
        assert_eq!(got.first().and_then(|g| g.1.day), Some(1));
    }

    #[test]
    fn numbers_before_units() {
        // A number in words of one word or more, then its unit.
        let got = dates("hai năm trước, mười lăm ngày trước", Some("2017-02-02"));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "hai năm trước");
        assert_eq!(got[0].1.year, Some(2015));
        assert_eq!(got[1].0, "mười lăm ngày trước");
        assert_eq!((got[1].1.month, got[1].1.day), (Some(1), Some(18)));
        // No unit after the number: no date.
        let none = dates("một số người, hai tỷ đồng và 30 người", Some("2017-02-02"));
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn triggers_are_the_list() {
        assert!(TRIGGERS.iter().all(|w| is_trigger(w)));
        assert_eq!(TRIGGERS.len(), 29);
        // `năm` is the only number word among them (the year's word: see
        // `word_may_start`).
        let numbers = TRIGGERS.iter().filter(|w| lexicon::is_number_word(w));
        assert_eq!(numbers.collect::<Vec<_>>(), [&"năm"]);
        let t = Tokens::new(include_str!("../../../fixtures/duong-quang-2017.txt"));
        let others = (0..t.len()).map(|i| t.lower(i));
        for w in others.chain(["", "ngay", "thang", "tháng năm", "người", "2017"]) {
            assert_eq!(is_trigger(w), TRIGGERS.contains(&w), "{w}");
        }
    }

    /// The table tells every word what the lists tell it: the lists' own
    /// words, the seed article's (with the tokens' own hashes), and words
    /// close to them; a bucket of several words goes by the lists. The
    /// units are known by their hashes.
    #[test]
    fn start_words_agree_with_the_lists() {
        let starts = StartWords::new();
        let of = |s: &StartWords, w: &str| s.of(word_hash(w), || w);
        let listed = TRIGGERS.iter().chain(lexicon::NUMBER_WORDS);
        for w in listed.clone() {
            assert!(starts.may_contain(word_hash(w)), "{w}");
            assert_ne!(of(&starts, w), Start::Neither, "{w}");
        }
        assert_eq!(of(&starts, "năm"), Start::Trigger(Next::Year));
        assert_eq!(of(&starts, "quý"), Start::Trigger(Next::Any));
        assert_eq!(of(&starts, "thứ"), Start::Trigger(Next::Weekday));
        assert_eq!(of(&starts, "chủ"), Start::Trigger(Next::Words(&["nhật"])));
        assert_eq!(of(&starts, "mười"), Start::Number);
        assert_eq!(of(&starts, "người"), Start::Neither);
        let t = Tokens::new(include_str!("../../../fixtures/duong-quang-2017.txt"));
        let mut words: Vec<(u32, &str)> = (0..t.len())
            .filter(|&i| t.is_word(i))
            .filter_map(|i| Some((t.hash(i)?, t.lower(i))))
            .collect();
        let near = ["ngay", "thang", "nam", "tư ", "mươii", "", "x", "tháng năm"];
        words.extend(near.iter().map(|w| (word_hash(w), *w)));
        for &(h, w) in &words {
            assert_eq!(starts.of(h, || w), Start::by_lists(w), "{w}");
            assert_eq!(starts.may_be_unit(Some(h)), UNITS.contains(&w), "{w}");
        }
        assert!(!starts.may_be_unit(None));
        // A word whose hash is not its own is nothing to the table.
        assert_eq!(
            starts.of(word_hash("năm") ^ 1 << 20, || "năm"),
            Start::Neither
        );
        // Every bucket of a listed word marked as shared: the lists decide.
        let mut shared = StartWords::new();
        for w in listed {
            if let Some(b) = shared
                .buckets
                .get_mut(word_hash(w) as usize % StartWords::BUCKETS)
            {
                *b = StartWords::SEVERAL;
            }
        }
        for &(h, w) in &words {
            assert_eq!(shared.of(h, || w), Start::by_lists(w), "{w}");
        }
    }

    /// The facts and rejected spans of [`P::scan`] over `text`, looking
    /// at the marked tokens only ([`P::next_marked`]) or at every token.
    fn scanned(text: &str, reference: Option<RefDate>, every_token: bool) -> String {
        let t = Tokens::new(text);
        let style = Style::of(&t);
        let p = P::new(&t, &style);
        let mut rejected = Vec::new();
        let found = if every_token {
            p.scan(reference, &mut rejected, |from| from)
        } else {
            p.scan(reference, &mut rejected, |from| p.next_marked(from))
        };
        format!("{found:?} {rejected:?}")
    }

    /// Skipping to the marked tokens finds what looking at every token finds;
    /// where [`P::may_start`] rules a token out (or [`P::next_word_fits`] a
    /// trigger word), no reader finds anything; at a word before digits no
    /// time or relative expression starts.
    fn same_scan(text: &str) {
        let t = Tokens::new(text);
        let style = Style::of(&t);
        let p = P::new(&t, &style);
        for i in 0..t.len() {
            let w = lexicon::word(&t, i);
            if is_trigger(w) && !p.next_word_fits(i, Next::of(w)) {
                assert!(p.at(i).is_none(), "{text:?} at {i}");
            }
            if !p.may_start(i) {
                assert!(p.at(i).is_none(), "{text:?} at {i}");
                assert!(p.core(i).is_none(), "{text:?} at {i}");
            }
            // Where no tail applies, none changes the piece.
            if let Some(c) = p.core(i).filter(|c| p.no_tail(c)) {
                let all = p.all_tails(c);
                assert_eq!(format!("{all:?}"), format!("{c:?}"), "{text:?} at {i}");
            }
            // What `at` and `core` skip at a word before digits.
            if t.is_word(i) && t.is_digits(i + 1) {
                assert!(p.time_led(i).is_none(), "{text:?} at {i}");
                assert!(p.relative_at(i).is_none(), "{text:?} at {i}");
            }
        }
        // The search by the marks passes over no token a date may start
        // at (digits, a start word that [`P::may_start`] accepts), and
        // stops at digits and at every start word but number words with
        // neither a unit nor a number word after them.
        for from in 0..=t.len() + 1 {
            let next = p.next_marked(from);
            assert!(next <= t.len().max(from), "{text:?} {from}");
            for k in from..next.min(t.len()) {
                assert!(!t.is_digits(k) && !p.may_start(k), "{text:?} {from} {k}");
            }
            let number_alone = |k: usize| {
                t.is_word(k)
                    && t.hash(k).is_some_and(start_only_as_number)
                    && !t.is_numeral_word(k + 1)
                    && !t
                        .hash(k + 1)
                        .is_some_and(|h| UNITS.iter().any(|u| word_hash(u) == h))
            };
            let stop = (from..t.len()).find(|&k| {
                t.is_digits(k)
                    || t.hash(k).is_some_and(|h| p.starts.may_contain(h)) && !number_alone(k)
            });
            if let Some(stop) = stop {
                assert!(next <= stop, "{text:?} {from} {next} {stop}");
            }
        }
        let r: Option<RefDate> = "2017-02-02".parse().ok();
        for reference in [None, r] {
            assert_eq!(
                scanned(text, reference, false),
                scanned(text, reference, true),
                "{text:?}"
            );
        }
    }

    #[test]
    fn marked_tokens_find_what_every_token_finds() {
        // The seed article, in capitals, and cut at every 71st character.
        for text in crate::testing::seed_texts(71) {
            same_scan(&text);
        }
        // Dates with every kind of tail, after a comma too.
        let tails = [
            "ngày 15/3, 8 giờ sáng",
            "ngày 15/3/2018, lúc 8h30",
            "hôm qua, 8 giờ tối",
            "sáng 6/2, vào lúc 9 giờ",
            "năm 2010 tới 2015",
            "năm 2010 đến năm 2015",
            "năm 2010 – hết năm 2015",
            "năm 2010-2015 và năm nay",
            "tháng 3, năm nay",
            "tháng 5 tới, tháng 6 vừa qua",
            "ngày 4 tháng này",
            "quý I năm ngoái, quý 2 tới",
            "ngày 15/3 âm lịch, ngày 24 tháng 5 năm Mậu Tý",
            "ngày 20 - 25/3/2018, từ 3 đến 5/4",
            "tháng 3 - 5/2018, tháng 5 tới 6",
        ];
        for text in tails {
            same_scan(text);
        }
        // The texts of the date vectors (`tests/data/dates`).
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dates");
        let mut vectors = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let data = std::fs::read_to_string(&path).unwrap_or_default();
            for line in data.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                if let Some(text) = v.get("text").and_then(|x| x.as_str()) {
                    same_scan(text);
                    vectors += 1;
                }
            }
        }
        assert!(vectors > 100, "{vectors} date vectors");
        // Seeded random mixes of the words, numbers and marks dates are
        // made of, and of others.
        let mut pieces: Vec<&str> = TRIGGERS
            .iter()
            .chain(lexicon::NUMBER_WORDS)
            .chain(AFTER_DIGITS.iter().map(|(w, _)| w))
            .chain(relative::DAY_STARTS)
            .copied()
            .collect();
        pieces.extend(
            "15/3/2018|30/4|1/5|15-3-2018|15.3.2018|3/9/91|2021|2017|1990|80|15|3|6|123456|8h30|\
             1.000|12.500|2.000.000|100|123|10:30:45|20-25|2020-2025|30/4-1/5|1990–2000|\
             7:30|8 giờ 30|mười lăm|hai mươi|/|-|–|.|,|:|(|)|\n|qua|nay|mai|kia|tới|sau|trước|\
             ngoái|này|vừa qua|cách đây|âm lịch|tết|Giêng|chạp|chủ nhật|thế kỷ|XX|IV|I|thập niên|\
             những năm|năm học|nửa đầu|đầu|cuối|lúc|phút|rưỡi|người|tỷ|đồng|và|hoặc|của|số|lần|\
             Tháng|NĂM|Ngày|x|kỷ|kỉ|niên|khóa|học|đây|nhật|thứ hai|thứ 2|Thứ Năm|chúa nhật|\
             cuối tuần|nửa cuối|thập kỉ|niên khóa|hết|2020 - hết 2025|2021 đến hết năm 2023"
                .split('|'),
        );
        let mut rng = crate::testing::Rng::new();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        for _ in 0..10_000 {
            let n = rng.below(24);
            let mut text = String::new();
            for _ in 0..n {
                let w = pieces
                    .get(rng.below(pieces.len()))
                    .copied()
                    .unwrap_or_default();
                // Marks and digits are glued to their neighbours at times,
                // words never (that would make another word).
                let glued = !(letter(text.chars().last()) && letter(w.chars().next()));
                if !(glued && rng.below(3) == 0) {
                    text.push(' ');
                }
                text.push_str(w);
            }
            same_scan(&text);
        }
    }

    #[test]
    fn every_static_table_loads() {
        assert!(!lexicon::MONTH_NAMES.is_empty());
    }
}
