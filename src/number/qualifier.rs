//! Qualifiers before a number, kept as data: `khoảng 30%` (about), `gần 200
//! hộ` (nearly), `hơn 1.000 người` (more than), `dưới 5%` (less than), `ít
//! nhất 3 lần` (at least).
//!
//! | words | [`Qualifier`] |
//! |---|---|
//! | khoảng, chừng, độ, xấp xỉ, ước tính, ước khoảng | `About` |
//! | gần, gần như, suýt | `Nearly` |
//! | hơn, trên, ngoài, hơn cả | `MoreThan` |
//! | dưới, chưa đến, chưa tới, không đến, không tới, chưa đầy, không quá | `LessThan` |
//! | ít nhất, tối thiểu, không dưới, không ít hơn | `AtLeast` |
//! | nhiều nhất, tối đa | `AtMost` |

use crate::fact::Qualifier;
use crate::token::Tokens;

pub(crate) const PHRASES: &[(&str, Qualifier)] = &[
    ("không ít hơn", Qualifier::AtLeast),
    ("xấp xỉ", Qualifier::About),
    ("ước tính", Qualifier::About),
    ("ước khoảng", Qualifier::About),
    ("gần như", Qualifier::Nearly),
    ("chưa đến", Qualifier::LessThan),
    ("chưa tới", Qualifier::LessThan),
    ("không đến", Qualifier::LessThan),
    ("không tới", Qualifier::LessThan),
    ("chưa đầy", Qualifier::LessThan),
    ("không quá", Qualifier::AtMost),
    ("ít nhất", Qualifier::AtLeast),
    ("tối thiểu", Qualifier::AtLeast),
    ("không dưới", Qualifier::AtLeast),
    ("nhiều nhất", Qualifier::AtMost),
    ("tối đa", Qualifier::AtMost),
    ("khoảng", Qualifier::About),
    ("chừng", Qualifier::About),
    ("gần", Qualifier::Nearly),
    ("suýt", Qualifier::Nearly),
    ("hơn", Qualifier::MoreThan),
    ("trên", Qualifier::MoreThan),
    ("dưới", Qualifier::LessThan),
];

/// The qualifier whose words end right before token `i`: its first token
/// and meaning. Longer phrases win (`gần như` over `như`… and `chưa đến`
/// over nothing).
pub(crate) fn qualifier_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
    QUALIFIER_PHRASES
        .longest_ending_before(t, i)
        .and_then(|(start, k)| PHRASES.get(k).map(|(_, q)| (start, *q)))
}

/// [`PHRASES`] indexed by their last word.
static QUALIFIER_PHRASES: once_cell::sync::Lazy<crate::extract::Phrases> =
    once_cell::sync::Lazy::new(|| crate::extract::Phrases::new(PHRASES.iter().map(|(p, _)| *p)));

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&QUALIFIER_PHRASES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers() {
        let t = Tokens::new("khoảng 30% và chưa đến 5% và Hơn 1.000");
        assert_eq!(qualifier_before(&t, 1), Some((0, Qualifier::About)));
        assert_eq!(qualifier_before(&t, 6), Some((4, Qualifier::LessThan)));
        assert_eq!(qualifier_before(&t, 10), Some((9, Qualifier::MoreThan)));
        assert_eq!(qualifier_before(&t, 3), None);
    }
}
