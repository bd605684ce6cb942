//! Numbers in digits, with Vietnamese separators first.
//!
//! | written | value | rule |
//! |---|---|---|
//! | `13,6` | 13.6 | a separator not followed by exactly three digits is the decimal mark |
//! | `13.6` | 13.6 | the same, English style: the form leaves no doubt |
//! | `1.234.567`, `1,234,567` | 1 234 567 | runs of three-digit groups are thousands |
//! | `1.234,5`, `1,234.5` | 1 234.5 | with both separators, the last is the decimal mark |
//! | `1.234` | 1 234 | one separator and three digits: the document's own style decides (Vietnamese: `.` groups thousands); `ambiguous` when the document gives little evidence |
//! | `0,125` | 0.125 | a number cannot start with a thousands group `0` |
//! | `-5`, `−5`, `+5` | −5, −5, 5 | a sign joined to the digits, not to a word or number before |
//! | `1.2.3.4.5,6,7`, a 40-digit run | — | reported ([`Bad`]), never guessed |
//! | `1e3`, `2,5e-3`, `1e400` | 1000, 0.0025, — | an exponent glued to digits is read exactly; too big is an overflow |
//! | `0912.345.678`, `0912345678`, `0912 345 678`, `+84 912 345 678` | — | phone-number shapes are not numbers |
//! | `15h30`, `8g15`, `15:30` | — | a time of day: no number (the date extractor reads it); `15h` alone is 15 |
//! | `H5N1`, `Covid-19`, `v2.0` | — | digits glued to a word before them are part of a name |
//!
//! Only ASCII digits are digits (the tokenizer sees to that).

use super::{Bad, BadReason, Decimal, Form, MAX_SCALE, NumberMatch, Parsed, Style};
use crate::token::{Kind, Tokens};

/// Most digits in one number (integer and fraction together).
const MAX_DIGITS: usize = 30;

/// A chain of digit groups joined by `.` or `,` (tokens `start..end`): the
/// groups are its even tokens, the separators its odd ones. Read in place,
/// with no copy of the groups.
struct Chain<'a, 't> {
    t: &'a Tokens<'t>,
    start: usize,
    end: usize,
}

impl<'t> Chain<'_, 't> {
    /// Number of digit groups.
    fn groups(&self) -> usize {
        (self.end - self.start).div_ceil(2)
    }

    /// Digit group `k`.
    fn group(&self, k: usize) -> &'t [u8] {
        self.t.surface_bytes(self.start + 2 * k)
    }

    /// Separator `k` (after group `k`).
    fn sep(&self, k: usize) -> char {
        match self.t.get(self.start + 2 * k + 1).map(|x| x.kind) {
            Some(Kind::Punct(c)) => c,
            _ => '.',
        }
    }

    /// The last separator, if any.
    fn last_sep(&self) -> Option<char> {
        self.groups().checked_sub(2).map(|k| self.sep(k))
    }

    /// Are all separators `c`?
    fn all_seps(&self, c: char) -> bool {
        (0..self.groups() - 1).all(|k| self.sep(k) == c)
    }
}

/// The digit groups joined by separators starting at token `i` (a digits
/// token), with nothing between them.
fn chain<'a, 't>(t: &'a Tokens<'t>, i: usize) -> Chain<'a, 't> {
    let mut j = i + 1;
    while let Some(Kind::Punct('.' | ',')) = t.get(j).map(|x| x.kind) {
        if !(t.joined(j) && t.is_digits(j + 1) && t.joined(j + 1)) {
            break;
        }
        j += 2;
    }
    Chain {
        t,
        start: i,
        end: j,
    }
}

/// The token after the digit chain starting at token `i` (a digits token):
/// `1.234.567` is one chain.
#[inline]
pub(crate) fn chain_end(t: &Tokens<'_>, i: usize) -> usize {
    chain(t, i).end
}

/// Are groups `from..to` of the chain a thousands grouping: every later
/// group exactly three digits, the first one to three digits and not a lone
/// leading zero group?
fn thousands(c: &Chain<'_, '_>, from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    let first = c.group(from);
    (1..=3).contains(&first.len())
        && !(first.starts_with(b"0"))
        && (from + 1..to).all(|k| c.group(k).len() == 3)
}

/// Appends digits to a running integer, checked.
fn push_digits(acc: u128, digits: &[u8]) -> Option<u128> {
    digits.iter().try_fold(acc, |a, &b| {
        a.checked_mul(10)?
            .checked_add(u128::from(b.wrapping_sub(b'0')))
    })
}

/// Digits of an integer part (groups `0..int` concatenated) and of a
/// fraction (group `frac`).
fn value(c: &Chain<'_, '_>, int: usize, frac: Option<usize>) -> Result<Decimal, BadReason> {
    let int_len: usize = (0..int).map(|k| c.group(k).len()).sum();
    let frac = frac.map(|k| c.group(k));
    let frac_len = frac.map_or(0, <[u8]>::len);
    if int_len + frac_len > MAX_DIGITS || frac_len > usize::from(MAX_SCALE) {
        return Err(BadReason::TooLong);
    }
    let mut groups = (0..int).map(|k| c.group(k)).chain(frac);
    let units = if int_len + frac_len <= 19 {
        // Nineteen digits fit 64 bits, whose arithmetic is a few
        // instructions (128-bit products are checked in several).
        let small = groups.fold(0u64, |a, g| {
            g.iter().fold(a, |a, &b| {
                a.wrapping_mul(10)
                    .wrapping_add(u64::from(b.wrapping_sub(b'0')))
            })
        });
        u128::from(small)
    } else {
        groups
            .try_fold(0u128, push_digits)
            .ok_or(BadReason::Overflow)?
    };
    let scale = u8::try_from(frac_len).map_err(|_| BadReason::TooLong)?;
    Decimal::new(units, scale)
        .map(Decimal::trimmed)
        .ok_or(BadReason::TooLong)
}

/// A phone number shape: a first group starting with 0 and at least nine
/// digits in all (`0912345678`, `0912.345.678`, `024.3825.1234`).
fn phone_like(c: &Chain<'_, '_>) -> bool {
    let first = c.group(0);
    first.starts_with(b"0")
        && first.len() >= 2
        && (0..c.groups()).map(|k| c.group(k).len()).sum::<usize>() >= 9
}

/// How the chain reads: the value and whether the reading was a guess.
fn read(c: &Chain<'_, '_>, style: &Style) -> Result<Option<(Decimal, bool)>, BadReason> {
    if phone_like(c) {
        return Ok(None);
    }
    let n = c.groups();
    let Some(last_sep) = c.last_sep() else {
        // No separator: an integer (a leading zero is fine: `05`).
        return value(c, n, None).map(|d| Some((d, false)));
    };
    let same = c.all_seps(last_sep);
    let last = c.group(n - 1);
    if same && n >= 3 {
        // `1.234.567`: thousands all the way.
        return if thousands(c, 0, n) {
            value(c, n, None).map(|d| Some((d, false)))
        } else {
            Err(BadReason::Grouping)
        };
    }
    if !same {
        // `1.234.567,89`: the last separator is the decimal mark, the others
        // group thousands with the other character.
        if (0..n - 2).any(|k| c.sep(k) == last_sep) || !thousands(c, 0, n - 1) {
            return Err(BadReason::Grouping);
        }
        return value(c, n - 1, Some(n - 1)).map(|d| Some((d, false)));
    }
    // One separator.
    let first = c.group(0);
    if last.len() != 3 || first.starts_with(b"0") || first.len() > 3 {
        // Only a decimal reading is possible: `13,6`, `13.6`, `0,125`, `1234,567`.
        return value(c, 1, Some(1)).map(|d| Some((d, false)));
    }
    // `1.234` or `1,234`: the document's style decides.
    let point_decimal = style.point_is_decimal();
    let decimal = (last_sep == ',') != point_decimal;
    let ambiguous = style.weak();
    if decimal {
        value(c, 1, Some(1)).map(|d| Some((d, ambiguous)))
    } else {
        value(c, 2, None).map(|d| Some((d, ambiguous)))
    }
}

/// Is token `i` a sign that belongs to the number after it?
fn sign_at(t: &Tokens<'_>, i: usize) -> Option<bool> {
    let negative = match t.get(i)?.kind {
        Kind::Punct('-' | '−' | '–') => true,
        Kind::Punct('+') => false,
        _ => return None,
    };
    // Joined to the digits, not to what comes before (`10-15` is a range,
    // `Covid-19` a name).
    let free_before = i == 0
        || !t.joined(i)
        || matches!(
            t.get(i - 1).map(|x| x.kind),
            Some(Kind::Punct('(' | '[' | ':'))
        );
    (t.is_digits(i + 1) && t.joined(i + 1) && free_before).then_some(negative)
}

/// A time of day at digits token `i`: `15h30`, `8g15`, `15:30` (hours up
/// to 24, two digits of minutes under 60). Neither part is a number: the
/// date extractor reads times. (`15h` alone is the number 15.)
fn time_at(t: &Tokens<'_>, i: usize) -> bool {
    if !t.is_digits(i) || t.surface_bytes(i).len() > 2 {
        return false;
    }
    // The mark glued to the hours first: most numbers have none.
    let mark = t.is(i + 1, "h") || t.is(i + 1, "g") || t.is_punct(i + 1, ':');
    if !(mark && t.joined(i + 1)) || t.surface(i).parse::<u32>().is_ok_and(|h| h > 24) {
        return false;
    }
    let m = t.surface(i + 2);
    t.is_digits(i + 2)
        && t.joined(i + 2)
        && m.len() == 2
        && m.parse::<u32>().is_ok_and(|m| m < 60)
        // Two digits that go on as a digit chain are no minutes
        // (`H5:12.345.6`: `12.345.6` is a number, not `5:12` and a tail).
        && chain(t, i + 2).end == i + 3
}

/// Most groups of a phone number written in groups.
const PHONE_GROUPS: usize = 4;

/// A phone number written in groups starting at digits token `s` (`0912
/// 345 678`, `024 3825 1234`, `0912-345-678`, `+84 912 345 678`): its end.
/// The first group starts with `0` (or is `84` after `+`), every group has
/// 2–4 digits, 9–11 digits in all.
fn phone_from(t: &Tokens<'_>, s: usize) -> Option<usize> {
    if !t.is_digits(s) {
        return None;
    }
    let first = t.surface_bytes(s);
    // Most digit runs are ruled out by their first digit.
    if !first.starts_with(b"0") && first != b"84" {
        return None;
    }
    // The tail of a chain (`000` in `400.000 600.000`) starts no phone number.
    if s >= 2 && t.joined(s) && (t.is_punct(s - 1, '.') || t.is_punct(s - 1, ',')) {
        return None;
    }
    let plus84 = first == b"84" && s > 0 && t.is_punct(s - 1, '+') && t.joined(s);
    if !t.is_digits(s) || !(plus84 || (first.starts_with(b"0") && (2..=4).contains(&first.len()))) {
        return None;
    }
    let mut total = if plus84 { 0 } else { first.len() };
    let mut groups = 1;
    let mut k = s + 1;
    while groups < PHONE_GROUPS + usize::from(plus84) {
        let g = if t.is_digits(k) && !t.joined(k) && !t.get(k).is_some_and(|x| x.line_before) {
            k
        } else if matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('-' | '.')))
            && t.joined(k)
            && t.is_digits(k + 1)
            && t.joined(k + 1)
        {
            k + 1
        } else {
            break;
        };
        let len = t.surface_bytes(g).len();
        if !(2..=4).contains(&len) {
            break;
        }
        total += len;
        groups += 1;
        k = g + 1;
    }
    (groups >= 2 && (9..=11).contains(&total)).then_some(k)
}

/// Is digits token `i` part of a phone number written in groups?
fn in_phone(t: &Tokens<'_>, i: usize) -> bool {
    // Every group of a phone number has two to four digits.
    if !(2..=4).contains(&t.surface_bytes(i).len()) {
        return false;
    }
    // A phone number that covers `i` starts at `i` or at an earlier group
    // of the same run of groups: walk back over the run (most numbers have
    // no group before them) and try only its groups.
    let floor = i.saturating_sub(2 * PHONE_GROUPS + 2);
    let mut s = i;
    loop {
        if phone_from(t, s).is_some_and(|end| end > i) {
            return true;
        }
        match group_before(t, s) {
            Some(g) if g >= floor => s = g,
            _ => return false,
        }
    }
}

/// The group before digits token `g` in a run [`phone_from`] walks: the
/// digits right before it across a space, or across a `-`/`.` glued to both.
fn group_before(t: &Tokens<'_>, g: usize) -> Option<usize> {
    let p = g.checked_sub(1)?;
    let joined = !t.get(g)?.space_before;
    if t.is_digits(p) {
        // Across a space, on the same line.
        return (!joined && !t.get(g)?.line_before).then_some(p);
    }
    let q = p.checked_sub(1)?;
    let sep = matches!(t.get(p)?.kind, Kind::Punct('-' | '.'));
    (sep && joined && t.joined(p) && t.is_digits(q)).then_some(q)
}

/// The commonest number by far, read at once: a run of digits standing
/// alone (`2017`, `15`, `(2017)`, `15,`), with nothing before or after it
/// that [`digits_at`] would read with it: no word, sign, separator before
/// digits, time mark or exponent glued to it, not in a phone number. `None`
/// when it is not that shape, else what [`digits_at`] reads (the words
/// after it, `3 trăm`, `2 triệu`, are the caller's).
pub(crate) fn lone_run(t: &Tokens<'_>, i: usize) -> Option<NumberMatch> {
    let tok = t.get(i)?;
    if tok.kind != Kind::Digits {
        return None;
    }
    // Glued to what comes before: only an opening mark (`(2017`).
    if i > 0 && !tok.space_before {
        match t.get(i - 1)?.kind {
            Kind::Punct('-' | '−' | '–' | '+' | '.' | '_' | '/' | ',' | ':')
            | Kind::Word
            | Kind::Digits => {
                return None;
            }
            _ => {}
        }
    }
    // Glued to what follows: only punctuation that does not go on with
    // digits (`2017,` and `2017.` at a clause end, `2017)`).
    if let Some(next) = t.get(i + 1) {
        if !next.space_before {
            match next.kind {
                Kind::Punct(':') | Kind::Word | Kind::Digits => return None,
                Kind::Punct('.' | ',') if t.is_digits(i + 2) && t.joined(i + 2) => return None,
                Kind::Punct(_) => {}
            }
        }
    }
    let d = t.surface_bytes(i);
    if d.len() > MAX_DIGITS || (d.starts_with(b"0") && d.len() >= 9) {
        return None;
    }
    if in_phone(t, i) {
        return None;
    }
    let units = push_digits(0, d)?;
    Some(NumberMatch {
        start: i,
        end: i + 1,
        value: Decimal::int(units),
        form: Form::Digits,
        ambiguous: false,
    })
}

/// Is digits token `i` glued to what comes before it so that it starts no
/// number: a word (`H5N1`, `Covid-19`, `v2.0`: part of a name), the middle
/// of a chain that was not read as a number (`0912.345.678`), the minutes
/// of a time (`15:30`)?
pub(crate) fn glued_tail(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.joined(i) {
        return false;
    }
    let prev = t.get(i - 1).map(|x| x.kind);
    if prev == Some(Kind::Word) {
        return true;
    }
    if matches!(prev, Some(Kind::Punct('-' | '.' | '_' | '/')))
        && i >= 2
        && t.joined(i - 1)
        && t.is_word(i - 2)
    {
        return true;
    }
    if matches!(prev, Some(Kind::Punct('.' | ',')))
        && i >= 2
        && t.joined(i - 1)
        && t.is_digits(i - 2)
    {
        return true;
    }
    prev == Some(Kind::Punct(':')) && i >= 2 && time_at(t, i - 2)
}

/// A number in digits at token `i` (a digits token or a sign before one).
pub(crate) fn digits_at(t: &Tokens<'_>, i: usize, style: &Style) -> Parsed {
    let (negative, first) = match sign_at(t, i) {
        Some(neg) => (neg, i + 1),
        None => (false, i),
    };
    if !t.is_digits(first) {
        return Parsed::None;
    }
    if first == i && glued_tail(t, i) {
        return Parsed::None;
    }
    if time_at(t, first) || in_phone(t, first) {
        return Parsed::None;
    }
    let c = chain(t, first);
    let exp = exponent(t, c.end);
    let end = exp.map_or(c.end, |(_, e)| e);
    let read = read(&c, style).and_then(|r| match (r, exp) {
        (Some((v, amb)), Some((x, _))) => scaled(v, x).map(|v| Some((v, amb))),
        (r, _) => Ok(r),
    });
    match read {
        Ok(Some((value, ambiguous))) => Parsed::Number(NumberMatch {
            start: i,
            end,
            value: if negative { value.negated() } else { value },
            form: Form::Digits,
            ambiguous,
        }),
        Ok(None) => Parsed::None,
        Err(reason) => Parsed::Bad(Bad {
            start: i,
            end,
            reason,
        }),
    }
}

/// An exponent glued after digits ending before token `q` (`1e3`, `2,5e-3`,
/// `1E400`): its value and end. Read exactly, so `1e400` is an overflow,
/// never infinity (BAD_INPUTS #30).
fn exponent(t: &Tokens<'_>, q: usize) -> Option<(i64, usize)> {
    if !(t.is_word(q) && t.joined(q) && matches!(t.surface(q), "e" | "E")) {
        return None;
    }
    let (sign, d) = match t.get(q + 1).map(|x| x.kind) {
        Some(Kind::Punct('-' | '−')) => (-1, q + 2),
        Some(Kind::Punct('+')) => (1, q + 2),
        _ => (1, q + 1),
    };
    if !(t.is_digits(d) && t.joined(d) && (d == q + 1 || t.joined(q + 1))) {
        return None;
    }
    // Long exponents saturate: they overflow or underflow anyway.
    let x = t.surface(d).parse::<i64>().unwrap_or(i64::MAX / 2);
    Some((sign * x, d + 1))
}

/// `v × 10^x`, exactly, or why not.
fn scaled(v: Decimal, x: i64) -> Result<Decimal, BadReason> {
    if x >= 0 {
        let m = u32::try_from(x)
            .ok()
            .and_then(|x| 10u128.checked_pow(x))
            .ok_or(BadReason::Overflow)?;
        v.checked_mul_int(m).ok_or(BadReason::Overflow)
    } else {
        let scale = i64::from(v.scale) - x;
        let scale = u8::try_from(scale).map_err(|_| BadReason::TooLong)?;
        Decimal::new(v.units, scale)
            .map(Decimal::trimmed)
            .ok_or(BadReason::TooLong)
    }
}

/// The document's decimal style, from its chains that leave no doubt.
///
/// Only a chain with a separator votes, and the first separator of such a
/// chain is a number start right after its head (punctuation before
/// digits): the pass looks at those alone, not at every digits token. A
/// head is a digits token not glued to digits two tokens before it (`000`
/// of `1.000` and `5` of `3-5` are none); later separators of a chain
/// follow a digits token that is none.
pub(crate) fn style(t: &Tokens<'_>) -> Style {
    let mut s = Style::default();
    // Most starts are digits or words: ruled out by their marks (two bytes
    // a token, side by side) before their tokens are looked at.
    let marks = t.marks();
    for &p in t.number_starts() {
        if marks
            .get(p)
            .is_some_and(|&m| m & crate::extract::marks::PUNCT == 0)
        {
            continue;
        }
        if !matches!(t.get(p).map(|x| x.kind), Some(Kind::Punct('.' | ','))) {
            continue;
        }
        let Some(i) = p.checked_sub(1) else { continue };
        if !t.is_digits(i) || (i > 0 && t.joined(i) && t.is_digits(i.saturating_sub(2))) {
            continue;
        }
        vote_of(&chain(t, i), &mut s);
    }
    s
}

/// What a chain read from its head says of the style (nothing without a
/// separator).
fn vote_of(c: &Chain<'_, '_>, s: &mut Style) {
    let Some(last) = c.last_sep() else { return };
    let n = c.groups();
    let same = c.all_seps(last);
    let last_len = c.group(n - 1).len();
    let vote = |s: &mut Style, decimal: char| match decimal {
        ',' => s.comma_decimal += 1,
        _ => s.point_decimal += 1,
    };
    if !same {
        vote(s, last);
    } else if n >= 3 && thousands(c, 0, n) {
        vote(s, if last == '.' { ',' } else { '.' });
    } else if n == 2 && last_len != 3 && !phone_like(c) {
        vote(s, last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The style as the pass read it before it looked at separators alone:
    /// every digits token that heads a chain, each chain read once.
    fn style_by_heads(t: &Tokens<'_>) -> Style {
        let mut s = Style::default();
        let mut i = 0;
        for &k in t.number_starts() {
            if k < i {
                continue;
            }
            i = k;
            if !t.is_digits(i) || (i > 0 && t.joined(i) && t.is_digits(i.saturating_sub(2))) {
                i += 1;
                continue;
            }
            let c = chain(t, i);
            i = c.end.max(i + 1);
            vote_of(&c, &mut s);
        }
        s
    }

    #[test]
    fn the_style_read_at_separators_is_the_style_read_at_heads() {
        // The texts that compare the number kinds' shortcuts, and random
        // mixes of digit groups, separators, signs and words, spaced and
        // glued (chains of every length, phone shapes, ranges, dates).
        let pieces = [
            "1",
            "12",
            "123",
            "1234",
            "0",
            "000",
            "05",
            "0912",
            "345",
            "678",
            ".",
            ",",
            ".",
            ",",
            "-",
            "/",
            ":",
            "+",
            "năm",
            "tỷ",
            "người",
            "%",
            "(",
            "\n",
            "h",
            "e",
            "1.234.567",
            "13,6",
            "1.234,5",
            "1,234.5",
        ];
        let mut texts = crate::number::tests::around_numbers(3_000);
        let mut rng = crate::testing::Rng::new();
        texts.extend((0..20_000).map(|k| rng.mix(&pieces, 12, if k % 2 == 0 { 4 } else { 1 })));
        let mut voted = 0;
        for text in &texts {
            let t = Tokens::new(text);
            let want = style_by_heads(&t);
            assert_eq!(style(&t), want, "{text:?}");
            voted += usize::from(want != Style::default());
        }
        assert!(voted > 5_000, "{voted}");
    }

    fn read_all(text: &str) -> Vec<(f64, bool)> {
        let t = Tokens::new(text);
        let style = style(&t);
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match digits_at(&t, i, &style) {
                Parsed::Number(n) => {
                    out.push((n.value.to_f64(), n.ambiguous));
                    i = n.end;
                }
                Parsed::Bad(b) => i = b.end,
                Parsed::None => i += 1,
            }
        }
        out
    }

    fn one(text: &str) -> Option<f64> {
        read_all(text).first().map(|x| x.0)
    }

    #[test]
    fn values_of_up_to_nineteen_digits_read_as_the_checked_sum() {
        let mut rng = crate::testing::Rng::new();
        for _ in 0..5_000 {
            // Groups of one to seven digits joined by `.`, 1 to 30 digits.
            let mut text = String::new();
            let mut digits = String::new();
            for g in 0..1 + rng.below(5) {
                if g > 0 {
                    text.push('.');
                }
                for _ in 0..1 + rng.below(7) {
                    let d = char::from(b'0' + u8::try_from(rng.below(10)).unwrap_or(0));
                    text.push(d);
                    digits.push(d);
                }
            }
            let t = Tokens::new(&text);
            let c = chain(&t, 0);
            let n = c.groups();
            let want = if digits.len() > MAX_DIGITS {
                Err(BadReason::TooLong)
            } else {
                push_digits(0, digits.as_bytes())
                    .and_then(|u| Decimal::new(u, 0))
                    .ok_or(BadReason::Overflow)
            };
            assert_eq!(value(&c, n, None), want, "{text}");
        }
    }

    #[test]
    fn a_lone_run_reads_as_digits_at_reads_it() {
        // Random mixes of digit runs, separators, signs, time marks, phone
        // groups and words glued or spaced.
        let pieces: Vec<&str> =
            "2017 15 0 05 0912 345 678 84 1 234 999999999999 . , - + − : / ( ) % h g e k triệu tỷ H"
                .split(' ')
                .chain(["\n"])
                .collect();
        let mut rng = crate::testing::Rng::new();
        let mut lone = 0;
        for _ in 0..20_000 {
            let text = rng.mix(&pieces, 8, 2);
            let t = Tokens::new(&text);
            let style = style(&t);
            for i in 0..t.len() {
                if let Some(n) = lone_run(&t, i) {
                    lone += 1;
                    assert_eq!(digits_at(&t, i, &style), Parsed::Number(n), "{text:?} {i}");
                }
            }
        }
        assert!(lone > 5_000, "{lone}");
    }

    #[test]
    fn vietnamese_separators() {
        assert_eq!(one("13,6"), Some(13.6));
        assert_eq!(one("1.234.567"), Some(1_234_567.0));
        assert_eq!(one("1.234,5"), Some(1234.5));
        assert_eq!(one("90,73%"), Some(90.73));
        assert_eq!(one("0,125"), Some(0.125));
    }

    #[test]
    fn english_separators_where_the_form_leaves_no_doubt() {
        assert_eq!(one("13.6"), Some(13.6));
        assert_eq!(one("1,234,567"), Some(1_234_567.0));
        assert_eq!(one("1,234.5"), Some(1234.5));
    }

    #[test]
    fn one_separator_and_three_digits_follows_the_document() {
        // No evidence: Vietnamese reading, marked ambiguous.
        assert_eq!(read_all("1.234"), vec![(1234.0, true)]);
        // A Vietnamese document: thousands, certain.
        assert_eq!(read_all("13,6 và 1.234")[1], (1234.0, false));
        // An English document: decimal.
        assert_eq!(read_all("13.6 and 2.5 and 1.234")[2].0, 1.234);
    }

    #[test]
    fn signs() {
        assert_eq!(one("-5%"), Some(-5.0));
        assert_eq!(one("−5%"), Some(-5.0));
        assert_eq!(one("+5%"), Some(5.0));
        // A range, not a negative number.
        assert_eq!(read_all("10-15%"), vec![(10.0, false), (15.0, false)]);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(one("H5N1"), None);
        assert_eq!(one("Covid-19"), None);
        assert_eq!(one("0912345678"), None);
        assert_eq!(one("0912.345.678"), None);
        assert_eq!(read_all("gọi 0912 345 678 hoặc +84 912 345 678"), vec![]);
        assert_eq!(read_all("0912-345-678"), vec![]);
        assert_eq!(read_all("lúc 15h30 và 15:30"), vec![]);
        assert_eq!(read_all("15h"), vec![(15.0, false)]);
        // Not phones: too few digits, or no leading zero.
        assert_eq!(read_all("05 06").len(), 2);
        assert_eq!(read_all("912 345 678").len(), 3);
    }

    #[test]
    fn phone_groups_are_found_from_any_of_their_groups() {
        // The walk back over a run of groups answers as trying every
        // start in the window did.
        let texts = [
            "gọi 0912 345 678 hoặc +84 912 345 678, số 2017 năm 2020",
            "024 3825 1234 và 024.3825.1234 và 0912-345-678 12 34",
            "1 2 3 0912 345 678 9 10 0912\n345 678 05 06 07 08 09",
            "số 0 98 765 4321 và 84 912 345 678 và 0912 - 345 - 678",
        ];
        for text in texts {
            let t = Tokens::new(text);
            for i in 0..t.len() {
                if !t.is_digits(i) || !(2..=4).contains(&t.surface(i).len()) {
                    continue;
                }
                let every = (i.saturating_sub(2 * PHONE_GROUPS + 2)..i + 1)
                    .any(|s| phone_from(&t, s).is_some_and(|end| end > i));
                assert_eq!(in_phone(&t, i), every, "{text:?} at {}", t.surface(i));
            }
        }
        assert_eq!(
            read_all("mã 1 2 0912 345 678 9"),
            vec![(1.0, false), (2.0, false), (9.0, false)]
        );
    }

    #[test]
    fn exponents_are_exact() {
        assert_eq!(one("1e3"), Some(1000.0));
        assert_eq!(one("2,5e-3"), Some(0.0025));
        let t = Tokens::new("1e400");
        assert!(matches!(
            digits_at(&t, 0, &Style::default()),
            Parsed::Bad(Bad {
                reason: BadReason::Overflow,
                end: 3,
                ..
            })
        ));
    }

    #[test]
    fn reported_not_guessed() {
        let t = Tokens::new("1.2.3.4.5,6,7");
        assert!(matches!(
            digits_at(&t, 0, &Style::default()),
            Parsed::Bad(Bad {
                reason: BadReason::Grouping,
                ..
            })
        ));
        let long = "9".repeat(40);
        let t = Tokens::new(&long);
        assert!(matches!(
            digits_at(&t, 0, &Style::default()),
            Parsed::Bad(Bad {
                reason: BadReason::TooLong,
                ..
            })
        ));
    }
}
