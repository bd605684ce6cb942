//! `count` facts: a number with the noun it counts.
//!
//! | written | value | unit |
//! |---|---|---|
//! | `7 tập thể và 19 cá nhân` | 7, 19 | tập thể, cá nhân |
//! | `28.500 tấn`, `1.200 lao động`, `350 hộ gia đình` | 28 500, 1 200, 350 | tấn, lao động, hộ gia đình |
//! | `5km`, `20 ha`, `100 m2` | 5, 20, 100 | km, ha, m2 |
//! | `khoảng 3-5 người` | 3, end 5 | người, qualifier about |
//! | `giảm 2 điểm phần trăm` | 2 | điểm phần trăm (percentage points) |
//! | `mười hai tập thể` | 12 | tập thể (numbers in words) |
//!
//! The nouns come from `lexicon/count_units.txt` and the measures from
//! `lexicon/count_measures.txt` (the longest match wins: `hộ gia đình` over
//! `hộ`, `viên ma túy` over `viên`); a number before any other word is not a
//! count, and a measure never takes the substance after it (`28.500 tấn
//! lúa` counts `tấn`).
//! Counts run after dates, money and percentages, so `năm 2017`, `200 triệu
//! đồng` and `15%` are not counted again.

use super::{Ctx, qualifier_before, range_connector};
use crate::fact::{Count, FactValue};
use crate::lexicon::{COUNT_MEASURES, COUNT_UNITS};
use crate::number::{self, NumberMatch};
use crate::token::{Tokens, WordFilter, word_hash};
use once_cell::sync::Lazy;

/// The units (counted nouns and measures) split into words, longest (in
/// characters) first, and grouped by the first token they start with (`m2`
/// starts with the token `m`): the token's [`word_hash`] picks its group at
/// one table look-up, and each unit of the group keeps the hash of its
/// second token when it is a word (`gia` of `hộ gia đình`): a unit whose
/// second word is not there is passed at one comparison.
struct Units {
    list: Vec<(&'static str, Vec<&'static str>)>,
    /// Hash bucket (the hash modulo [`Units::BUCKETS`]) of a first token →
    /// 1 + the index in `heads` of the first group in that bucket (0: no
    /// unit starts with a token of that bucket).
    buckets: Box<[u16; Units::BUCKETS]>,
    /// The groups, by first token.
    heads: Vec<Head>,
    /// The first tokens and the words among the range connectors (`đến`,
    /// `tới`): what may follow the number of a count ([`may_follow`]).
    followers: WordFilter,
}

/// The units that start with one token.
struct Head {
    /// The token's [`word_hash`].
    hash: u32,
    /// The token (lower case).
    first: String,
    /// 1 + the index of the next group in the same bucket (0: none).
    next: u16,
    /// The units, in list order: their index in [`Units::list`], the
    /// hash of their second token when it is a word, and whether their
    /// first word is this token alone (`người`, not `m2`).
    units: Vec<(usize, Option<u32>, bool)>,
}

impl Units {
    const BUCKETS: usize = 8192;

    /// The group of units whose first token is token `i` (of hash `h`).
    #[inline]
    fn head(&self, t: &Tokens<'_>, i: usize, h: u32) -> Option<&Head> {
        let mut k = self.buckets.get(h as usize % Units::BUCKETS).copied()?;
        while k != 0 {
            let head = self.heads.get(usize::from(k) - 1)?;
            if head.hash == h && t.lower_is(i, &head.first) {
                return Some(head);
            }
            k = head.next;
        }
        None
    }
}

/// The words among the range connectors a count takes ([`range_connector`]
/// without `giữa`; the others are punctuation).
const WORD_CONNECTORS: &[&str] = &["đến", "tới"];

static UNITS: Lazy<Units> = Lazy::new(|| {
    let mut list: Vec<(&'static str, Vec<&'static str>)> = COUNT_UNITS
        .iter()
        .chain(COUNT_MEASURES.iter())
        .map(|u| (*u, u.split(' ').collect()))
        .collect();
    list.sort_by_key(|(u, _)| core::cmp::Reverse(u.chars().count()));
    let mut buckets = Box::new([0u16; Units::BUCKETS]);
    let mut heads: Vec<Head> = Vec::new();
    let mut followers = WordFilter::default();
    for (k, (u, _)) in list.iter().enumerate() {
        let toks = Tokens::new(u);
        let first = toks.lower(0);
        let second = toks.hash(1).filter(|_| toks.is_word(1));
        let alone = u.split(' ').next() == Some(first);
        let hash = word_hash(first);
        followers.insert(first);
        let known = heads
            .iter_mut()
            .find(|h| h.hash == hash && h.first == first);
        if let Some(head) = known {
            head.units.push((k, second, alone));
            continue;
        }
        let Some(slot) = buckets.get_mut(hash as usize % Units::BUCKETS) else {
            continue;
        };
        heads.push(Head {
            hash,
            first: first.to_string(),
            next: *slot,
            units: vec![(k, second, alone)],
        });
        *slot = u16::try_from(heads.len()).unwrap_or(0);
    }
    for w in WORD_CONNECTORS {
        followers.insert(w);
    }
    Units {
        list,
        buckets,
        heads,
        followers,
    }
});

/// The unit at token `i`: its text and its number of tokens (the longest
/// entry of the lexicon that starts there).
pub(crate) fn unit_at(t: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    // A unit never starts a new line (`… năm 2017\n\nNăm 2018`).
    if t.get(i).is_none_or(|x| x.line_before) {
        return None;
    }
    let units = &*UNITS;
    let head = units.head(t, i, t.hash(i)?)?;
    // The units that start with this token, in list order.
    let next = t.hash(i + 1);
    // A first word that is this token alone ends here unless glued to more
    // letters or digits (what [`word_at`] would find, without comparing
    // the token again).
    let glued = t.joined(i + 1) && (t.is_word(i + 1) || t.is_digits(i + 1));
    let mut starting = head
        .units
        .iter()
        .filter(|(_, second, _)| second.is_none_or(|s| next == Some(s)));
    starting.find_map(|&(k, _, alone)| {
        let (unit, words) = units.list.get(k)?;
        let mut n = 0;
        for (m, w) in words.iter().enumerate() {
            if m == 0 && alone {
                if glued {
                    return None;
                }
                n = 1;
                continue;
            }
            if m > 0 && (t.joined(i + n) || t.get(i + n).is_some_and(|x| x.line_before)) {
                return None;
            }
            n += word_at(t, i + n, w)?;
        }
        Some((*unit, n))
    })
}

/// A unit found at a token (or none there): asked once per token, though
/// the pass may need it twice (before reading the number that ends there,
/// and after).
type UnitAt = (usize, Option<(&'static str, usize)>);

/// The counts of the text, in order, each given to `emit` with the
/// context (to push it) as soon as it is found. With `gate`, a number start
/// whose reading ends by a known token ([`number::reading_ends_by`]) is
/// read only when a unit or a range connector starts at that token (most
/// are ruled out at a bit test, [`may_follow`]), and the unit found there
/// is kept for [`count_at`]; without, every number start is read: the path
/// the gate shortcuts.
fn each_count<'t>(
    ctx: &mut Ctx<'t>,
    gate: bool,
    mut emit: impl FnMut(&mut Ctx<'t>, usize, usize, Count),
) {
    super::each_number(
        ctx,
        // `Some(unit)`: read the number, with the unit at its end when
        // looked for (`None`: not looked for).
        |t, end| {
            if !gate {
                return Some(None);
            }
            let unit = may_follow(t, end).then(|| unit_at(t, end));
            let connector = || range_connector(t, end, false).is_some();
            if unit.flatten().is_none() && (unit.is_none() || !connector()) {
                return None;
            }
            Some(unit)
        },
        |ctx, a, known| {
            let known = known.and_then(|(end, unit)| unit.map(|u| (end, u)));
            let (s, e, c) = count_at(ctx, a, known)?;
            emit(ctx, s, e, c);
            Some(e)
        },
    );
}

/// The count whose number is `a`: its token range and value, when a unit
/// (or a range and a unit) follows. `known`: the unit at a token, if the
/// pass looked there already.
fn count_at(ctx: &Ctx<'_>, a: NumberMatch, known: Option<UnitAt>) -> Option<(usize, usize, Count)> {
    let t = &ctx.tokens;
    let unit_at = |k: usize| match known {
        Some((at, unit)) if at == k => unit,
        _ => unit_at(t, k),
    };
    // `19/20 xã` is 19 communes out of 20, not a count of 20.
    if a.start >= 2
        && t.is_punct(a.start - 1, '/')
        && t.joined(a.start)
        && t.joined(a.start - 1)
        && t.is_digits(a.start - 2)
    {
        return None;
    }
    // `3-5 người`, `từ 3 đến 5 người`.
    let mut last = None;
    let mut unit = None;
    let mut unit_from = a.end;
    // No unit starts with a range connector (a test checks it): a unit
    // known after the number is none.
    let known_unit = known.is_some_and(|(at, u)| at == a.end && u.is_some());
    let connector = || range_connector(t, a.end, false);
    if let Some(n) = (!known_unit).then(connector).flatten() {
        if let Some(b) = number::number_at(t, a.end + n, &ctx.style).number() {
            let second = unit_at(b.end);
            if second.is_some() && b.value.to_f64() >= a.value.to_f64() {
                last = Some(b);
                unit_from = b.end;
                unit = second;
            }
        }
    }
    let (_, n) = match unit {
        Some(u) => u,
        None => unit_at(unit_from)?,
    };
    let end = unit_from + n;
    let mut start = a.start;
    if last.is_some() && a.start > 0 && t.is(a.start - 1, "từ") {
        start = a.start - 1;
    }
    let qualifier = qualifier_before(t, start);
    let start = qualifier.map_or(start, |(s, _)| s);
    // The unit as written (its case kept: "Tấn" in a heading).
    let unit_span = t.span(unit_from, end);
    let unit = t
        .text()
        .get(unit_span.range())
        .unwrap_or_default()
        .to_string();
    Some((
        start,
        end,
        Count {
            value: a.value.to_f64(),
            end: last.map(|b| b.value.to_f64()),
            unit,
            qualifier: qualifier.map(|(_, q)| q),
            ambiguous: a.ambiguous || last.is_some_and(|b| b.ambiguous),
        },
    ))
}

/// May a count use a number that ends before token `k`: may a unit
/// ([`unit_at`]) or a range connector ([`range_connector`]: `-`, `đến`)
/// start there? `false` is sure. A word is known at one bit test (`người`,
/// `tấn`, `đến` pass, `có`, `nay` not).
fn may_follow(t: &Tokens<'_>, k: usize) -> bool {
    let Some(h) = t.hash(k) else {
        return false;
    };
    UNITS.followers.may_contain(h) || (!t.is_word(k) && range_connector(t, k, false).is_some())
}

/// Does `word` (one unit word, maybe several joined tokens: `m2`, `°c`)
/// start at token `i`? Returns the number of tokens.
fn word_at(t: &Tokens<'_>, i: usize, word: &str) -> Option<usize> {
    let mut rest = word.strip_prefix(t.lower(i))?;
    let mut n = 1;
    while !rest.is_empty() {
        if !t.joined(i + n) {
            return None;
        }
        rest = rest.strip_prefix(t.lower(i + n))?;
        n += 1;
    }
    // The word must end here: not glued to more letters or digits.
    let glued = t.joined(i + n) && (t.is_word(i + n) || t.is_digits(i + n));
    (!glued && !t.lower(i).is_empty()).then_some(n)
}

/// Finds the counts (kept out of line: one call per text, and its cost
/// stays measurable on its own).
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    // A count needs a unit or a range connector after its number: most
    // numbers are ruled out at a bit test (most are not even read).
    each_count(ctx, true, |ctx, s, e, c| {
        if ctx.free(s, e) {
            let rule = if c.end.is_some() {
                "count/range"
            } else {
                "count/unit"
            };
            ctx.push(s, e, FactValue::Count(c), rule);
        }
    });
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&UNITS);
}

#[cfg(test)]
mod tests {
    use crate::{Count, Extractor, FactKind, FactValue};

    /// The counts [`super::each_count`] finds in `text`, with the gate or
    /// reading every number start.
    fn scanned(text: &str, gate: bool) -> Vec<(usize, usize, Count)> {
        let mut ctx = crate::extract::Ctx::new(text, None);
        let mut found = Vec::new();
        super::each_count(&mut ctx, gate, |_, s, e, c| found.push((s, e, c)));
        found
    }

    /// The texts the shortcuts are checked on: numbers among words, digits
    /// and marks, and every unit after numbers and in ranges.
    fn texts() -> Vec<String> {
        let mut texts = crate::number::tests::around_numbers(12_000);
        for u in crate::lexicon::COUNT_UNITS
            .iter()
            .chain(crate::lexicon::COUNT_MEASURES.iter())
        {
            texts.push(format!("có 5 {u}, từ 3 đến 7 {u} và hai {u}; 4 - 6 {u}"));
            texts.push(format!("{u} 5 {}\n{u}: 2–3 {u}s 7 {u}.", u.to_uppercase()));
        }
        texts
    }

    #[test]
    fn the_gate_loses_no_count() {
        // The counts found reading only where a unit or a range connector
        // follows a number whose end is known are those found reading
        // everywhere.
        let (mut found, mut skipped) = (0, 0);
        for text in &texts() {
            let full = scanned(text, false);
            assert_eq!(scanned(text, true), full, "{text:?}");
            found += full.len();
            let t = crate::token::Tokens::new(text);
            for k in 0..=t.len() {
                let used = super::unit_at(&t, k).is_some()
                    || super::range_connector(&t, k, false).is_some();
                assert!(super::may_follow(&t, k) || !used, "{text:?} {k}");
                skipped += usize::from(!super::may_follow(&t, k));
            }
        }
        assert!(found > 5_000 && skipped > 50_000, "{found} {skipped}");
    }

    /// [`super::unit_at`] by its definition: the first unit of the list
    /// (longest first) whose first token is token `i`, whose second token
    /// (when a word) is the next, and whose words are written from `i` on.
    fn unit_at_by_list(
        units: &[(&'static str, String, Option<u32>)],
        t: &crate::token::Tokens<'_>,
        i: usize,
    ) -> Option<(&'static str, usize)> {
        if t.get(i).is_none_or(|x| x.line_before) {
            return None;
        }
        units.iter().find_map(|(unit, first, second)| {
            if t.lower(i) != first || second.is_some_and(|s| t.hash(i + 1) != Some(s)) {
                return None;
            }
            let mut n = 0;
            for (m, w) in unit.split(' ').enumerate() {
                if m > 0 && (t.joined(i + n) || t.get(i + n).is_some_and(|x| x.line_before)) {
                    return None;
                }
                n += super::word_at(t, i + n, w)?;
            }
            Some((*unit, n))
        })
    }

    #[test]
    fn no_unit_starts_with_a_range_connector() {
        for (u, _) in &super::UNITS.list {
            let t = crate::token::Tokens::new(u);
            assert!(super::range_connector(&t, 0, false).is_none(), "{u}");
        }
    }

    #[test]
    fn units_are_found_as_the_list_says() {
        let units: Vec<(&'static str, String, Option<u32>)> = super::UNITS
            .list
            .iter()
            .map(|(u, _)| {
                let t = crate::token::Tokens::new(u);
                (
                    *u,
                    t.lower(0).to_string(),
                    t.hash(1).filter(|_| t.is_word(1)),
                )
            })
            .collect();
        let mut found = 0;
        for text in texts().iter().step_by(3) {
            let t = crate::token::Tokens::new(text);
            for i in 0..=t.len() + 1 {
                let unit = super::unit_at(&t, i);
                assert_eq!(unit, unit_at_by_list(&units, &t, i), "{text:?} {i}");
                found += usize::from(unit.is_some());
            }
        }
        assert!(found > 3_000, "{found}");
    }

    fn counts(text: &str) -> Vec<(String, Count)> {
        let doc = Extractor::new().extract(text);
        doc.facts
            .into_iter()
            .filter(|f| f.kind() == FactKind::Count)
            .filter_map(|f| match f.value {
                FactValue::Count(c) => Some((f.text, c)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn seed_awards_and_units() {
        let c = counts("Tại hội nghị, 7 tập thể và 19 cá nhân có thành tích xuất sắc.");
        let got: Vec<(f64, &str)> = c.iter().map(|(_, x)| (x.value, x.unit.as_str())).collect();
        assert_eq!(got, vec![(7.0, "tập thể"), (19.0, "cá nhân")]);
        let c = counts(
            "thu hoạch 28.500 tấn lúa, giải quyết việc làm cho 1.200 lao động, 350 hộ gia đình",
        );
        let got: Vec<(f64, &str)> = c.iter().map(|(_, x)| (x.value, x.unit.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (28_500.0, "tấn"),
                (1_200.0, "lao động"),
                (350.0, "hộ gia đình")
            ]
        );
    }

    #[test]
    fn glued_units_ranges_and_points() {
        let c = counts(
            "làm 5km đường, trồng 20 ha rừng, xây 100 m2 nhà, khoảng 3-5 người, giảm 2 điểm phần trăm",
        );
        let got: Vec<(f64, Option<f64>, &str)> = c
            .iter()
            .map(|(_, x)| (x.value, x.end, x.unit.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (5.0, None, "km"),
                (20.0, None, "ha"),
                (100.0, None, "m2"),
                (3.0, Some(5.0), "người"),
                (2.0, None, "điểm phần trăm")
            ]
        );
        assert_eq!(c[3].0, "khoảng 3-5 người");
    }

    #[test]
    fn every_unit_is_found_where_it_is_written() {
        use crate::lexicon::{COUNT_MEASURES, COUNT_UNITS};
        use crate::token::Tokens;
        for u in COUNT_UNITS.iter().chain(COUNT_MEASURES.iter()) {
            for text in [format!("5 {u}"), format!("có 12 {u} mới, 3 {u}.")] {
                let t = Tokens::new(&text);
                let at = if text.starts_with('5') { 1 } else { 2 };
                let found = super::unit_at(&t, at);
                // This unit, or a longer one written there (`hộ gia đình`
                // over `hộ`).
                let (unit, n) = found.unwrap_or_else(|| panic!("{text:?}"));
                assert!(unit.chars().count() >= u.chars().count(), "{text:?} {unit}");
                let written = &text[t.span(at, at + n).range()];
                assert_eq!(written.to_lowercase(), unit, "{text:?}");
            }
        }
    }

    #[test]
    fn not_counts() {
        assert!(counts("năm 2017 và 15% và số 12 Nguyễn Trãi").is_empty());
        assert!(counts("kmh 5kmh").is_empty());
    }
}
