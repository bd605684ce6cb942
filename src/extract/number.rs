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
use crate::fact::{FactValue, Number};
use crate::number::{self, Bad, BadReason, Parsed, ordinal};

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
