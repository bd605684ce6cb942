//! Numbers inside dates.
//!
//! | reader | reads | examples |
//! |---|---|---|
//! | [`digits`] | one digit run, with its length | `07`, `2018` |
//! | [`P::small`] | a day, month, hour or count: digits or words | `15`, `mười lăm`, `hai mươi tư` |
//! | [`P::year_after_nam`] | the year after `năm` | `2017`, `hai nghìn linh chín`, `hai không hai ba`, `một chín tám tư` |
//! | [`dmy_at`] | day, month and maybe year joined by one separator | `15/3/2018`, `15-3-2018`, `15.3.2018`, `3/9/91`, `30/4` |
//! | [`clean_start`], [`clean_end`] | the digits are not part of something longer | `v2.1.2017`, `12/3/2018/QĐ` are not dates |
//! | [`P::small_may_precede`] | can a unit follow the number (before reading it)? | `3 ngày`, `hai tuần`, not `30 người` |
//!
//! Digits are read here, not by the number grammar: inside a date `15.3`
//! is a day and a month, not a decimal. Numbers in words go to the number
//! grammar ([`crate::number::number_at`]), only over a bounded run of number
//! words, so a megabyte of `năm năm năm …` stays linear.

use super::P;
use super::lexicon::{AMOUNT_AFTER, digit_word, number_word_at, word};
use crate::number::{Form, Parsed, number_at};
use crate::token::{Kind, Tokens};

/// Longest run of number words handed to the number grammar.
const MAX_WORDS: usize = 12;

/// The value and length of the digit run at token `i` (at most 9 digits).
pub(super) fn digits(t: &Tokens<'_>, i: usize) -> Option<(u32, usize)> {
    if !t.is_digits(i) {
        return None;
    }
    let s = t.surface(i);
    if s.len() > 9 {
        return None;
    }
    // A digit run is ASCII digits only, and nine of them fit a `u32`.
    let v = s
        .bytes()
        .fold(0u32, |v, b| v * 10 + u32::from(b.wrapping_sub(b'0')));
    Some((v, s.len()))
}

/// Is token `i` one of the dash characters of a range?
pub(super) fn is_dash(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i)
        .is_some_and(|x| matches!(x.kind, Kind::Punct('-' | '–' | '—')))
}

/// Is token `i` a separator inside a written date or number (`/`, `.`,
/// `,`, `:`, a dash)?
fn is_separator(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i)
        .is_some_and(|x| matches!(x.kind, Kind::Punct('/' | '.' | ',' | ':' | '-' | '–' | '—')))
}

/// Does token `i` start something new, not glued to a word, a number or a
/// separator before it? (`v2.1.2017`, `1.15/3` are not dates.)
pub(super) fn clean_start(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.joined(i) {
        return true;
    }
    let p = i - 1;
    if t.is_word(p) || t.is_digits(p) {
        return false;
    }
    !(is_separator(t, p) && p > 0 && t.joined(p) && (t.is_digits(p - 1) || t.is_word(p - 1)))
}

/// Does the match end at token `end`, not glued to more letters, digits or
/// separators with digits (`12/3/2018/QĐ`, `15.3.2018.1`)?
pub(super) fn clean_end(t: &Tokens<'_>, end: usize) -> bool {
    if !t.joined(end) {
        return true;
    }
    if t.is_word(end) || t.is_digits(end) {
        return false;
    }
    !(is_separator(t, end) && t.joined(end + 1) && (t.is_digits(end + 1) || t.is_word(end + 1)))
}

/// Day, month and year written with one separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dmy {
    /// One past the last token.
    pub(super) end: usize,
    pub(super) day: u32,
    pub(super) month: u32,
    pub(super) year: Option<i32>,
    /// `/`, `-` or `.`
    pub(super) sep: char,
}

/// `d/m`, `d/m/yyyy`, `d/m/yy` (slash only), `d-m-yyyy`, `d.m.yyyy`, all
/// joined, day and month of one or two digits. Only the shape: the caller
/// validates the calendar and the context.
pub(super) fn dmy_at(t: &Tokens<'_>, i: usize) -> Option<Dmy> {
    let (day, dl) = digits(t, i)?;
    let sep = ['/', '-', '.']
        .into_iter()
        .find(|c| t.is_punct(i + 1, *c))?;
    if dl > 2 || !t.joined(i + 1) || !t.joined(i + 2) {
        return None;
    }
    let (month, ml) = digits(t, i + 2)?;
    if ml > 2 {
        return None;
    }
    if !(t.is_punct(i + 3, sep) && t.joined(i + 3) && t.joined(i + 4) && t.is_digits(i + 4)) {
        return Some(Dmy {
            end: i + 3,
            day,
            month,
            year: None,
            sep,
        });
    }
    let (y, yl) = digits(t, i + 4)?;
    let year = match yl {
        4 => i32::try_from(y).ok()?,
        // `3/9/91`: the POSIX pivot (69–99 → 19xx, 00–68 → 20xx).
        2 if sep == '/' => i32::try_from(if y >= 69 { 1900 + y } else { 2000 + y }).ok()?,
        _ => return None,
    };
    Some(Dmy {
        end: i + 5,
        day,
        month,
        year: Some(year),
        sep,
    })
}

impl P<'_, '_> {
    /// How many number words ([`number_word_at`]) run from token `i`,
    /// counted up to one past [`MAX_WORDS`]. The parsers tried at a token
    /// all ask at that token: the last answer is kept.
    pub(super) fn number_run(&self, i: usize) -> usize {
        if !self.t.is_numeral_word(i) {
            return 0;
        }
        match self.run.get() {
            Some((at, run)) if at == i => run,
            _ => {
                let run = number_run(self.t, i);
                self.run.set(Some((i, run)));
                run
            }
        }
    }

    /// Could the number [`P::small`] reads at token `j` be followed by a
    /// word `unit` accepts (`3 ngày`, `hai tuần`, `mười lăm tháng`)? A
    /// necessary condition at the cost of a few flag tests, before the
    /// number is read: one digit run is followed by token `j + 1`; a number
    /// in words ends inside its run of number words or right after it.
    pub(super) fn small_may_precede(&self, j: usize, unit: impl Fn(&str) -> bool) -> bool {
        let t = self.t;
        if t.is_digits(j) {
            return unit(word(t, j + 1));
        }
        (j + 1..=j + self.number_run(j)).any(|k| unit(word(t, k)))
    }

    /// A number in words at token `i` (`mười lăm`, `hai nghìn linh chín`):
    /// (end, value). Only whole numbers up to `u32::MAX`.
    pub(super) fn words(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        let run = self.number_run(i);
        if run == 0 || run > MAX_WORDS {
            return None;
        }
        match number_at(t, i, self.style) {
            Parsed::Number(n) if n.start == i && n.form == Form::Words && n.end <= i + run => {
                let v = n.value.as_int()?;
                Some((n.end, u32::try_from(v).ok()?))
            }
            _ => None,
        }
    }

    /// A small number at token `i`: one or two digits, or words (`15`,
    /// `mười lăm`, `mồng` days, hours, counts): (end, value, in words).
    pub(super) fn small(&self, i: usize) -> Option<(usize, u32, bool)> {
        if let Some((v, len)) = digits(self.t, i) {
            return (len <= 2).then_some((i + 1, v, false));
        }
        if let Some((end, v)) = self.words(i) {
            return (v <= 99).then_some((end, v, true));
        }
        // A lone digit word the number grammar leaves alone (`năm`, `một`
        // are also "year" and "one"): `ngày mùng năm`, `năm giờ`.
        let t = self.t;
        if !t.is_numeral_word(i) {
            return None;
        }
        let w = t.lower(i);
        let v = match w {
            "mười" => 10,
            "không" | "linh" | "lẻ" | "mốt" | "lăm" | "nhăm" => return None,
            _ => digit_word(w)?,
        };
        (!number_word_at(t, i + 1)).then_some((i + 1, v, true))
    }

    /// The year after `năm` (token `i` is the one after it): (end, year).
    ///
    /// Digits: three or four (`năm 938`, `năm 2017`); not `năm 99999`.
    /// Words: the number grammar's reading (`hai nghìn linh chín`) or digit
    /// by digit (`hai không hai ba`, `một chín tám tư`, `hai không mười
    /// tám`), whichever covers more words; 100 at least, so `năm sáu người`
    /// (five or six people) is not a year.
    pub(super) fn year_after_nam(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.t;
        let (end, y) = if let Some((y, len)) = digits(t, i) {
            if !(3..=4).contains(&len) || !(clean_end(t, i + 1) || is_dash(t, i + 1)) {
                return None;
            }
            (i + 1, y)
        } else {
            let grammar = self.words(i).filter(|(_, v)| (100..=9999).contains(v));
            let spelled = digit_by_digit(t, i);
            match (grammar, spelled) {
                (Some(g), Some(s)) if s.0 > g.0 => s,
                (Some(g), _) => g,
                (None, Some(s)) => s,
                (None, None) => return None,
            }
        };
        if AMOUNT_AFTER.contains(&t.lower(end)) {
            return None;
        }
        (100..=9999)
            .contains(&y)
            .then(|| i32::try_from(y).ok())
            .flatten()
            .map(|y| (end, y))
    }
}

/// How many number words ([`number_word_at`]) run from token `i`, counted
/// up to one past [`MAX_WORDS`].
fn number_run(t: &Tokens<'_>, i: usize) -> usize {
    (0..=MAX_WORDS)
        .take_while(|k| number_word_at(t, i + k))
        .count()
}

/// A four-digit year read digit by digit: `hai không hai ba` (2023), `một
/// tám năm hai` (1852), `hai không mười tám` (2018: `mười tám` is two
/// digits). At least three words, not followed by another number word.
fn digit_by_digit(t: &Tokens<'_>, i: usize) -> Option<(usize, u32)> {
    let mut value = 0u32;
    let mut n = 0;
    let mut j = i;
    while n < 4 && t.is_word(j) {
        let w = t.lower(j);
        if w == "mười" && n <= 2 {
            let unit = digit_word(t.lower(j + 1)).filter(|d| *d != 0 && t.is_word(j + 1));
            value = value * 100 + 10 + unit.unwrap_or(0);
            j += if unit.is_some() { 2 } else { 1 };
            n += 2;
        } else if let Some(d) = digit_word(w) {
            value = value * 10 + d;
            j += 1;
            n += 1;
        } else {
            break;
        }
    }
    let next_is_number = number_word_at(t, j);
    (n == 4 && j - i >= 3 && !next_is_number && (1000..=2999).contains(&value))
        .then_some((j, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let t = Tokens::new("15/3/2018 3/9/91 15-3-18 30/4 v2.1.2017 12/3/2018/QĐ");
        assert_eq!(
            dmy_at(&t, 0).map(|d| (d.day, d.month, d.year)),
            Some((15, 3, Some(2018)))
        );
        assert_eq!(dmy_at(&t, 5).map(|d| d.year), Some(Some(1991)));
        assert_eq!(dmy_at(&t, 10), None);
        assert_eq!(dmy_at(&t, 15).map(|d| (d.end, d.year)), Some((18, None)));
        assert!(!clean_start(&t, 19));
        assert!(!clean_end(&t, 30));
    }

    #[test]
    fn years_digit_by_digit() {
        let t = Tokens::new("hai không hai ba x một tám năm hai x hai không mười tám x hai nghìn");
        assert_eq!(digit_by_digit(&t, 0), Some((4, 2023)));
        assert_eq!(digit_by_digit(&t, 5), Some((9, 1852)));
        assert_eq!(digit_by_digit(&t, 10), Some((14, 2018)));
        assert_eq!(digit_by_digit(&t, 15), None);
    }
}
