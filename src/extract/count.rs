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
/// characters) first, indexed by the [`word_hash`] of the first token they
/// start with (`m2` starts with the token `m`), with that token and the
/// hash of their second token when it is a word (`gia` of `hộ gia đình`):
/// a unit whose second word is not there is passed at one comparison.
struct Units {
    list: Vec<(&'static str, Vec<&'static str>)>,
    by_first: super::FxMap<u32, Vec<(String, usize, Option<u32>)>>,
    /// The keys of `by_first`, to rule out most tokens at one bit test.
    firsts: WordFilter,
    /// The keys and the words among the range connectors (`đến`, `tới`):
    /// what may follow the number of a count ([`may_follow`]).
    followers: WordFilter,
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
    let mut by_first: super::FxMap<u32, Vec<(String, usize, Option<u32>)>> =
        super::FxMap::default();
    let mut firsts = WordFilter::default();
    for (k, (u, _)) in list.iter().enumerate() {
        let toks = Tokens::new(u);
        let first = toks.lower(0).to_string();
        let second = toks.hash(1).filter(|_| toks.is_word(1));
        firsts.insert(&first);
        by_first
            .entry(word_hash(&first))
            .or_default()
            .push((first, k, second));
    }
    let mut followers = firsts.clone();
    for w in WORD_CONNECTORS {
        followers.insert(w);
    }
    Units {
        list,
        by_first,
        firsts,
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
    let h = t.hash(i)?;
    if !units.firsts.may_contain(h) {
        return None;
    }
    let first = t.lower(i);
    // The units that start with this token, in list order (hashes may
    // collide: the token is compared).
    let next = t.hash(i + 1);
    let mut starting = units
        .by_first
        .get(&h)?
        .iter()
        .filter(|(f, _, second)| second.is_none_or(|s| next == Some(s)) && f == first);
    starting.find_map(|(_, k, _)| {
        let (unit, words) = units.list.get(*k)?;
        let mut n = 0;
        for (m, w) in words.iter().enumerate() {
            if m > 0 && (t.joined(i + n) || t.get(i + n).is_some_and(|x| x.line_before)) {
                return None;
            }
            n += word_at(t, i + n, w)?;
        }
        Some((*unit, n))
    })
}

/// The counts whose numbers [`super::each_number`] finds with the gate
/// `may_use` (the pass's gate is [`may_follow`]; with none, every number
/// start is read: the path the gate shortcuts).
fn counts(ctx: &Ctx<'_>, may_use: impl Fn(usize) -> bool) -> Vec<(usize, usize, Count)> {
    super::facts_of_numbers(ctx, may_use, count_at)
}

/// The count whose number is `a`: its token range and value, when a unit
/// (or a range and a unit) follows.
fn count_at(ctx: &Ctx<'_>, a: NumberMatch) -> Option<(usize, usize, Count)> {
    let t = &ctx.tokens;
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
    let mut unit_from = a.end;
    if let Some(n) = range_connector(t, a.end, false) {
        if let Some(b) = number::number_at(t, a.end + n, &ctx.style).number() {
            if unit_at(t, b.end).is_some() && b.value.to_f64() >= a.value.to_f64() {
                last = Some(b);
                unit_from = b.end;
            }
        }
    }
    let (_, n) = unit_at(t, unit_from)?;
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
    let t = &ctx.tokens;
    let found = counts(ctx, |k| may_follow(t, k));
    for (s, e, c) in found {
        if ctx.free(s, e) {
            let rule = if c.end.is_some() {
                "count/range"
            } else {
                "count/unit"
            };
            ctx.push(s, e, FactValue::Count(c), rule);
        }
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&UNITS);
}

#[cfg(test)]
mod tests {
    use crate::{Count, Extractor, FactKind, FactValue};

    #[test]
    fn the_gate_loses_no_count() {
        // The counts found reading only where `may_follow` admits what
        // follows a one-token number are those found reading everywhere.
        let mut texts = crate::number::tests::around_numbers(12_000);
        for u in crate::lexicon::COUNT_UNITS
            .iter()
            .chain(crate::lexicon::COUNT_MEASURES.iter())
        {
            texts.push(format!("có 5 {u}, từ 3 đến 7 {u} và hai {u}; 4 - 6 {u}"));
        }
        let (mut found, mut skipped) = (0, 0);
        for text in &texts {
            let ctx = crate::extract::Ctx::new(text, None);
            let t = &ctx.tokens;
            let full = super::counts(&ctx, |_| true);
            assert_eq!(
                super::counts(&ctx, |k| super::may_follow(t, k)),
                full,
                "{text:?}"
            );
            found += full.len();
            for k in 0..=t.len() {
                let used =
                    super::unit_at(t, k).is_some() || super::range_connector(t, k, false).is_some();
                assert!(super::may_follow(t, k) || !used, "{text:?} {k}");
                skipped += usize::from(!super::may_follow(t, k));
            }
        }
        assert!(found > 5_000 && skipped > 50_000, "{found} {skipped}");
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
