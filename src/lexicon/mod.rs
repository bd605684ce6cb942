//! Word lists kept as data (`include_str!`), with their loaders.
//!
//! | list | file | used by |
//! |---|---|---|
//! | nouns a number counts | `count_units.txt` | `extract/count.rs` |
//!
//! Format: one entry per line, lower case, words separated by single spaces;
//! `#` starts a comment line; blank lines are skipped.

use once_cell::sync::Lazy;

/// The entries of a list file.
fn entries(data: &'static str) -> Vec<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Nouns a number counts ("cá nhân", "tấn", "hộ gia đình").
pub(crate) static COUNT_UNITS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("count_units.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_are_lower_case_single_spaced() {
        assert!(COUNT_UNITS.len() > 150);
        for e in COUNT_UNITS.iter() {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            assert!(!e.contains("  "), "{e}");
        }
        assert!(COUNT_UNITS.contains(&"hộ gia đình"));
    }
}
