//! Word lists kept as data (`include_str!`), with their loaders.
//!
//! | list | file | used by |
//! |---|---|---|
//! | nouns a number counts | `count_units.txt` | `extract/count.rs` |
//! | honours ("giấy khen", "huân chương") | `honors.txt` | `extract/award.rs` |
//! | award verbs, tagged give/hand/receive/praise | `award_verbs.txt` | `extract/award.rs` |
//! | conferrers' first words ("chủ tịch", "ubnd") | `award_conferrers.txt` | `extract/award.rs` |
//! | nouns of the honoured, by section | `award_recipients.txt` | `extract/award.rs` |
//! | reasons' first words ("có thành tích") | `award_reasons.txt` | `extract/award.rs` |
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

// --- award lists (extract/award.rs) ---------------------------------------

/// Honours an award confers ("giấy khen", "huân chương", "lao động tiên tiến").
pub(crate) static HONORS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("honors.txt")));

/// Award verbs with how they read ("tặng" give, "đón nhận" receive…).
pub(crate) static AWARD_VERBS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| tagged(include_str!("award_verbs.txt")));

/// Words a conferrer starts with ("chủ tịch", "ubnd", "đảng bộ").
pub(crate) static AWARD_CONFERRERS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("award_conferrers.txt")));

/// Nouns of the honoured, by section ("collectives", "tập thể").
pub(crate) static AWARD_RECIPIENTS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| sections(include_str!("award_recipients.txt")));

/// Words a reason starts with ("có thành tích", "có nhiều đóng góp").
pub(crate) static AWARD_REASONS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("award_reasons.txt")));

/// Entries written `phrase|tag`: (phrase, tag); an entry without a tag has "".
fn tagged(data: &'static str) -> Vec<(&'static str, &'static str)> {
    entries(data)
        .into_iter()
        .map(|e| e.split_once('|').unwrap_or((e, "")))
        .map(|(p, t)| (p.trim(), t.trim()))
        .collect()
}

/// Entries under `[section]` lines: (section, entry).
fn sections(data: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut section = "";
    let mut out = Vec::new();
    for e in entries(data) {
        match e.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(s) => section = s,
            None => out.push((section, e)),
        }
    }
    out
}

#[cfg(test)]
mod award_lists {
    use super::*;

    #[test]
    fn award_lists_load_and_are_lower_case_single_spaced() {
        let all = HONORS
            .iter()
            .chain(AWARD_CONFERRERS.iter())
            .chain(AWARD_REASONS.iter())
            .chain(AWARD_VERBS.iter().map(|(v, _)| v))
            .chain(AWARD_RECIPIENTS.iter().map(|(_, r)| r));
        for e in all {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            assert!(!e.contains("  ") && !e.is_empty(), "{e}");
        }
        assert!(HONORS.contains(&"bằng khen"));
        assert!(AWARD_VERBS.contains(&("tặng", "give")));
        assert!(
            AWARD_VERBS
                .iter()
                .all(|(_, t)| matches!(*t, "give" | "hand" | "receive" | "praise"))
        );
        assert!(AWARD_RECIPIENTS.contains(&("collectives", "tập thể")));
        assert!(AWARD_RECIPIENTS.iter().all(|(s, _)| matches!(
            *s,
            "collectives" | "individuals" | "households"
        )));
        assert!(AWARD_CONFERRERS.contains(&"đảng bộ"));
        assert!(AWARD_REASONS.contains(&"có thành tích"));
    }
}

// --- end of award lists ----------------------------------------------------

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
