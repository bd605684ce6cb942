//! `number` facts: every numeral expression, cardinal or ordinal, in digits,
//! words or both (`2017`, `13,6`, `mười chín`, `3,5 triệu`, `thứ hai`,
//! `lần thứ XX`). Emitted only when asked for (`--numbers`); they overlap
//! the other facts instead of claiming tokens, except dates: the digits of
//! `15/3/2018` are a date, not three numbers.
//!
//! At each token an ordinal is tried first (`thứ hai`, `khóa XIII`), then a
//! cardinal ([`number_at`](crate::number::number_at)); a number is skipped
//! whole. Unreadable numbers are reported (`Diagnostics::Report`), and so is
//! a number whose value the `f64` of the fact cannot hold exactly
//! (`99999999999999999999`: given as 1e20, reported as "precision loss").

use super::Ctx;
use crate::fact::{FactValue, Number, Qualifier};
use crate::number::{self, Bad, BadReason, Parsed, ordinal};
use crate::token::{Tokens, WordFilter};

pub(crate) fn run(ctx: &mut Ctx<'_>, emit: bool) {
    let mut i = 0;
    while i < ctx.tokens.len() {
        // The numbers inside a date (`15/3/2018`, `năm 2017`) are the date's.
        if ctx.claimed_by(i) == Some(crate::FactKind::Date) {
            i += 1;
            continue;
        }
        if let Some(o) = ordinal::ordinal_at(&ctx.tokens, i, &ctx.style) {
            if emit {
                let value = FactValue::Number(Number {
                    value: o.value.to_f64(),
                    ordinal: true,
                    ambiguous: o.ambiguous,
                });
                ctx.push_unclaimed(o.start, o.end, value, "number/ordinal");
            }
            i = o.end.max(i + 1);
            continue;
        }
        match number::number_at(&ctx.tokens, i, &ctx.style) {
            Parsed::Number(m) => {
                if !m.value.fits_f64() {
                    // BAD_INPUTS #30: given, but the float is not the number.
                    ctx.report(Bad {
                        start: m.start,
                        end: m.end,
                        reason: BadReason::PrecisionLoss,
                    });
                }
                if emit {
                    let rule = match m.form {
                        number::Form::Digits => "number/digits",
                        number::Form::Words => "number/words",
                        number::Form::Mixed => "number/mixed",
                    };
                    let value = FactValue::Number(Number {
                        value: m.value.to_f64(),
                        ordinal: false,
                        ambiguous: m.ambiguous,
                    });
                    ctx.push_unclaimed(m.start, m.end, value, rule);
                }
                i = m.end.max(i + 1);
            }
            Parsed::Bad(b) => {
                ctx.report(b);
                i = b.end.max(i + 1);
            }
            Parsed::None => i += 1,
        }
    }
}

/// The last words of every qualifier phrase [`super::qualifier_before`]
/// looks for (the grammar's and the kinds' own), by hash.
static QUALIFIER_LASTS: once_cell::sync::Lazy<WordFilter> = once_cell::sync::Lazy::new(|| {
    let mut f = WordFilter::default();
    let phrases = super::MORE_QUALIFIERS
        .iter()
        .chain(number::qualifier::PHRASES)
        .map(|(p, _)| *p);
    for p in phrases {
        f.insert(p.rsplit(' ').next().unwrap_or(p));
    }
    f
});

/// [`super::qualifier_before`] where a qualifier may end before token `i`:
/// the word before it is ruled out at one bit test first (most words
/// before a money amount, a percentage or a count are no qualifier's last
/// word), instead of a look-up in each of the two lists.
#[inline]
pub(super) fn qualifier_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
    let h = t.hash(i.checked_sub(1)?)?;
    if !QUALIFIER_LASTS.may_contain(h) {
        return None;
    }
    super::qualifier_before(t, i)
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&QUALIFIER_LASTS);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_filter_before_a_qualifier_loses_none() {
        // At every token of the texts that compare the number kinds'
        // shortcuts and of random mixes of qualifier words, numbers and
        // other words: the qualifier found after the bit test is the one
        // found without it.
        let mut pieces: Vec<&str> = super::super::MORE_QUALIFIERS
            .iter()
            .chain(crate::number::qualifier::PHRASES)
            .map(|(p, _)| *p)
            .collect();
        pieces.extend([
            "5", "hai", "người", "%", "đồng", ",", "(", "\n", "Khoảng", "HƠN", "như", "đến", "có",
        ]);
        let mut rng = crate::testing::Rng::new();
        let mut texts: Vec<String> = (0..5_000).map(|_| rng.mix(&pieces, 8, 1)).collect();
        texts.extend(crate::number::tests::around_numbers(3_000));
        let (mut found, mut ruled_out) = (0, 0);
        for text in &texts {
            let t = crate::token::Tokens::new(text);
            for i in 0..=t.len() + 1 {
                let full = super::super::qualifier_before(&t, i);
                assert_eq!(super::qualifier_before(&t, i), full, "{text:?} {i}");
                found += usize::from(full.is_some());
                let h = i.checked_sub(1).and_then(|j| t.hash(j));
                ruled_out += usize::from(h.is_some_and(|h| !super::QUALIFIER_LASTS.may_contain(h)));
            }
        }
        assert!(found > 5_000 && ruled_out > 50_000, "{found} {ruled_out}");
    }
}
