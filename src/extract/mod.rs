//! Fact extraction over the tokens of normalized text: one file per fact
//! kind, all sharing [`Ctx`].
//!
//! | file | kind | examples |
//! |---|---|---|
//! | `date.rs` | `date` | `năm 2017`, `ngày 15/3/2018`, `quý I/2024`, `2021 – 2026`, `hôm qua` |
//! | `money.rs` | `money` | `1,2 tỷ đồng`, `5 USD`, `200 triệu` after a money verb |
//! | `percent.rs` | `percentage` | `vượt 13,6% kế hoạch`, `10–15%`, `ba phẩy năm phần trăm` |
//! | `count.rs` | `count` | `19 cá nhân`, `28.500 tấn` |
//! | `number.rs` | `number` | every numeral, with `--numbers` |
//! | `sentence.rs` | — | sentence spans of the document |
//! | `calendar.rs` | — | the reference date, calendar arithmetic |
//!
//! The kinds run in a fixed order and *claim* the tokens they use, so a later
//! kind does not read the same digits again: dates first (`15/3/2018` is not
//! three numbers), then money, percentages and counts. Number facts (when
//! asked for) are emitted for every numeral, claimed or not.

pub(crate) mod calendar;
pub(crate) mod count;
pub(crate) mod date;
pub(crate) mod money;
pub(crate) mod number;
pub(crate) mod percent;
pub(crate) mod sentence;

use crate::fact::{FactValue, Qualifier};
use crate::number::{Bad, NumberMatch, Style};
use crate::token::Tokens;
pub use calendar::RefDate;

/// A fact found in the normalized text, by token range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// First token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    pub(crate) value: FactValue,
    pub(crate) rule: &'static str,
}

/// What every extractor reads and writes.
pub(crate) struct Ctx<'t> {
    pub(crate) tokens: Tokens<'t>,
    pub(crate) style: Style,
    /// Tokens already used by a fact of an earlier kind.
    claimed: Vec<bool>,
    pub(crate) found: Vec<Found>,
    /// Numbers the grammar could not read (reported as diagnostics).
    pub(crate) bad: Vec<Bad>,
    /// The caller's reference date, for relative dates.
    pub(crate) reference: Option<RefDate>,
}

impl<'t> Ctx<'t> {
    pub(crate) fn new(text: &'t str, reference: Option<RefDate>) -> Ctx<'t> {
        let tokens = Tokens::new(text);
        let style = Style::of(&tokens);
        let claimed = vec![false; tokens.len()];
        Ctx {
            tokens,
            style,
            claimed,
            found: Vec::new(),
            bad: Vec::new(),
            reference,
        }
    }

    /// Are tokens `start..end` all unclaimed?
    pub(crate) fn free(&self, start: usize, end: usize) -> bool {
        self.claimed
            .get(start..end)
            .is_some_and(|c| c.iter().all(|x| !x))
    }

    /// Is token `i` claimed?
    pub(crate) fn claimed(&self, i: usize) -> bool {
        self.claimed.get(i).copied().unwrap_or(false)
    }

    /// Records a fact and claims its tokens.
    pub(crate) fn push(&mut self, start: usize, end: usize, value: FactValue, rule: &'static str) {
        if let Some(c) = self.claimed.get_mut(start..end) {
            c.iter_mut().for_each(|x| *x = true);
        }
        self.found.push(Found {
            start,
            end,
            value,
            rule,
        });
    }

    /// Records a fact without claiming its tokens (number facts).
    pub(crate) fn push_unclaimed(
        &mut self,
        start: usize,
        end: usize,
        value: FactValue,
        rule: &'static str,
    ) {
        self.found.push(Found {
            start,
            end,
            value,
            rule,
        });
    }

    /// Reports a number that could not be read (once per span).
    pub(crate) fn report(&mut self, bad: Bad) {
        if !self
            .bad
            .iter()
            .any(|b| b.start == bad.start && b.end == bad.end)
        {
            self.bad.push(bad);
        }
    }
}

/// Qualifier phrases that money and percentages add to the number
/// grammar's own (`qualifier.rs`): comparisons written with `hơn`.
const MORE_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("không cao hơn", Qualifier::AtMost),
    ("không nhiều hơn", Qualifier::AtMost),
    ("không hơn", Qualifier::AtMost),
    ("nhiều hơn", Qualifier::MoreThan),
    ("cao hơn", Qualifier::MoreThan),
    ("lớn hơn", Qualifier::MoreThan),
    ("ít hơn", Qualifier::LessThan),
    ("kém hơn", Qualifier::LessThan),
    ("thấp hơn", Qualifier::LessThan),
    ("nhỏ hơn", Qualifier::LessThan),
    ("khoảng chừng", Qualifier::About),
    ("tầm khoảng", Qualifier::About),
    ("vào khoảng", Qualifier::About),
    ("tầm", Qualifier::About),
];

/// The qualifier ending right before token `i`: its first token and meaning.
/// The longest phrase wins (`không ít hơn` over `ít hơn`).
pub(crate) fn qualifier_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
    let mine = MORE_QUALIFIERS.iter().find_map(|(phrase, q)| {
        let n = phrase.split(' ').count();
        let start = i.checked_sub(n)?;
        (t.phrase(start, phrase) == Some(n)).then_some((start, *q))
    });
    let grammar = crate::number::qualifier::qualifier_before(t, i);
    match (mine, grammar) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A connector between the two ends of a range at token `i`: `-`, `–`,
/// `—`, `đến`, `tới`, `và` (after `giữa`), `~`. Returns the number of tokens.
pub(crate) fn range_connector(t: &Tokens<'_>, i: usize, between: bool) -> Option<usize> {
    if t.is_punct(i, '-') || t.is_punct(i, '–') || t.is_punct(i, '—') || t.is_punct(i, '~') {
        return Some(1);
    }
    if t.is(i, "đến") || t.is(i, "tới") || (between && t.is(i, "và")) {
        return Some(1);
    }
    None
}

/// The second number of a range whose connector starts at token `i`.
pub(crate) fn range_end(
    t: &Tokens<'_>,
    style: &Style,
    i: usize,
    between: bool,
) -> Option<NumberMatch> {
    let n = range_connector(t, i, between)?;
    crate::number::number_at(t, i + n, style).number()
}

/// Does token `i` end a clause (for subjects): `,` `;` `:` `.` `!` `?` `(`
/// `)`, or start a line?
pub(crate) fn clause_break(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i).is_some_and(|x| {
        matches!(
            x.kind,
            crate::token::Kind::Punct(',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '…')
        )
    })
}

/// Is the unit `word…` (lower case phrase) at token `i`? Returns its length
/// in tokens, for the longest of `phrases` that matches.
pub(crate) fn longest_phrase(t: &Tokens<'_>, i: usize, phrases: &[&str]) -> Option<(usize, usize)> {
    phrases
        .iter()
        .enumerate()
        .filter_map(|(k, p)| t.phrase(i, p).map(|n| (n, k)))
        .max_by_key(|(n, _)| *n)
}

/// May a number start at token `i`? Not right after another digit or a
/// separator of another script (`13٫6%` is one token, not `6%`;
/// BAD_INPUTS #26), nor after a digit of another script.
pub(crate) fn clean_number_start(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.joined(i) {
        return true;
    }
    !matches!(
        t.get(i - 1).map(|x| x.kind),
        Some(crate::token::Kind::Punct(c)) if c.is_numeric() || matches!(c, '٫' | '٬' | '⹁' | '·')
    )
}
