//! Word lists kept as data (`include_str!`), with their loaders.
//!
//! | list | file | used by |
//! |---|---|---|
//! | nouns a number counts | `count_units.txt` | `extract/count.rs` |
//! | units of measure and time | `count_measures.txt` | `extract/count.rs` |
//! | honours ("giấy khen", "huân chương") | `honors.txt` | `extract/award.rs` |
//! | award verbs, tagged give/hand/receive/praise | `award_verbs.txt` | `extract/award.rs` |
//! | conferrers' first words ("chủ tịch", "ubnd") | `award_conferrers.txt` | `extract/award.rs` |
//! | nouns of the honoured, by section | `award_recipients.txt` | `extract/award.rs` |
//! | reasons' first words ("có thành tích") | `award_reasons.txt` | `extract/award.rs` |
//! | category words of named works | `project_categories.txt` | `extract/project.rs` |
//! | heads of named events | `event_heads.txt` | `extract/event.rs` |
//! | words before a quoted title | `title_triggers.txt` | `extract/title.rs` |
//! | titles of honour, known campaigns | `honor_titles.txt`, `campaigns.txt` | `extract/title.rs` |
//! | fields of schools and hospitals (`y dược`) | `institution_fields.txt` | `extract/project.rs` |
//! | level words of places (`xã`, `TP`, `Q.`) and the words around them | `place_levels.txt`, `place_context.txt` | `extract/place.rs` |
//! | known place names, regions, family names, titles before a person | `place_names.txt`, `place_regions.txt`, `surnames.txt`, `person_titles.txt` | `extract/place.rs`, `extract/org.rs` |
//! | organization heads, domains, abbreviations, legal forms, words that unmake a head (`a \| b \| c` columns) | `org_heads.txt`, `org_domains.txt`, `org_abbreviations.txt`, `org_legal_forms.txt`, `org_context.txt` | `extract/org.rs` |
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

/// Nouns a number counts ("cá nhân", "hộ gia đình", "viên ma túy"), with
/// the words that make a kind of thing when they are part of the entry.
pub(crate) static COUNT_UNITS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("count_units.txt")));

/// Units of measure and time ("tấn", "ha", "năm"): the unit alone.
pub(crate) static COUNT_MEASURES: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("count_measures.txt")));

// Projects, titles and events (extract/project.rs, title.rs, event.rs).

/// An entry `key rest…` split at its first space.
fn keyed(data: &'static str) -> Vec<(&'static str, &'static str)> {
    entries(data)
        .into_iter()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, rest)| (k, rest.trim()))
        .collect()
}

/// Category words of named works: (category, flags, phrase), as in
/// `project_categories.txt` ("reservoir", "-", "hồ chứa nước").
pub(crate) static PROJECT_CATEGORIES: Lazy<Vec<(&'static str, &'static str, &'static str)>> =
    Lazy::new(|| {
        keyed(include_str!("project_categories.txt"))
            .into_iter()
            .filter_map(|(cat, rest)| rest.split_once(' ').map(|(f, p)| (cat, f, p.trim())))
            .collect()
    });

/// Heads of named events: (flags, phrase), as in `event_heads.txt` ("sm",
/// "đại hội").
pub(crate) static EVENT_HEADS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| keyed(include_str!("event_heads.txt")));

/// Words before a quoted title: (category, phrase), as in
/// `title_triggers.txt` ("campaign", "cuộc vận động").
pub(crate) static TITLE_TRIGGERS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| keyed(include_str!("title_triggers.txt")));

/// Titles of honour a quoted title may start with ("gia đình văn hóa").
pub(crate) static HONOR_TITLES: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("honor_titles.txt")));

/// What a school teaches or a hospital treats ("y dược", "đa khoa").
pub(crate) static INSTITUTION_FIELDS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("institution_fields.txt")));

/// Known campaigns and movements a quoted title may start with ("dân vận
/// khéo").
pub(crate) static CAMPAIGNS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("campaigns.txt")));

// --- award lists (extract/award.rs) ---------------------------------------

/// Honours an award confers, with their tag ("giấy khen", ""; "lao động
/// tiên tiến", "title").
pub(crate) static HONORS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| tagged(include_str!("honors.txt")));

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
        let all = AWARD_CONFERRERS
            .iter()
            .chain(HONORS.iter().map(|(h, _)| h))
            .chain(AWARD_REASONS.iter())
            .chain(AWARD_VERBS.iter().map(|(v, _)| v))
            .chain(AWARD_RECIPIENTS.iter().map(|(_, r)| r));
        for e in all {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            assert!(!e.contains("  ") && !e.is_empty(), "{e}");
        }
        assert!(HONORS.contains(&("bằng khen", "")));
        assert!(HONORS.contains(&("lao động tiên tiến", "title")));
        assert!(HONORS.iter().all(|(_, t)| matches!(*t, "" | "title")));
        assert!(AWARD_VERBS.contains(&("tặng", "give")));
        assert!(
            AWARD_VERBS
                .iter()
                .all(|(_, t)| matches!(*t, "give" | "hand" | "receive" | "praise"))
        );
        assert!(AWARD_RECIPIENTS.contains(&("collectives", "tập thể")));
        assert!(
            AWARD_RECIPIENTS
                .iter()
                .all(|(s, _)| matches!(*s, "collectives" | "individuals" | "households"))
        );
        assert!(AWARD_CONFERRERS.contains(&"đảng bộ"));
        assert!(AWARD_REASONS.contains(&"có thành tích"));
    }
}

// --- end of award lists ----------------------------------------------------

// --- place and organization lists (extract/place.rs, extract/org.rs) -------

/// The `|`-separated columns of each entry, trimmed: `xã | commune |` →
/// `["xã", "commune", ""]`.
fn columns(data: &'static str) -> Vec<Vec<&'static str>> {
    entries(data)
        .into_iter()
        .map(|l| l.split('|').map(str::trim).collect())
        .collect()
}

/// The first three columns of each entry ("" when missing).
fn triples(data: &'static str) -> Vec<(&'static str, &'static str, &'static str)> {
    columns(data)
        .into_iter()
        .map(|c| {
            let col = |k: usize| c.get(k).copied().unwrap_or_default();
            (col(0), col(1), col(2))
        })
        .collect()
}

/// Level words of administrative units: (phrase, level, flags), as in
/// `place_levels.txt` ("quận", "urban_district", "num").
pub(crate) static PLACE_LEVELS: Lazy<Vec<(&'static str, &'static str, &'static str)>> =
    Lazy::new(|| triples(include_str!("place_levels.txt")));

/// Words around a level word that unmake it: (level word or `*`, `before` or
/// `first`, words), as in `place_context.txt` ("xã", "before", "tác tấn ông bà").
pub(crate) static PLACE_CONTEXT: Lazy<Vec<(&'static str, &'static str, &'static str)>> =
    Lazy::new(|| triples(include_str!("place_context.txt")));

/// Place names known to be names ("hà nội", "hồ chí minh", "buôn ma thuột").
pub(crate) static PLACE_NAMES: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("place_names.txt")));

/// Regions that are no administrative units ("tây nguyên", "nam bộ").
pub(crate) static PLACE_REGIONS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("place_regions.txt")));

/// Vietnamese family names ("nguyễn", "trần"), to end a place name before a
/// person's.
pub(crate) static SURNAMES: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("surnames.txt")));

/// Titles and forms of address before a person's name ("chủ tịch", "ông").
pub(crate) static PERSON_TITLES: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("person_titles.txt")));

/// The words an organization's name starts with: (phrase, category, flags),
/// as in `org_heads.txt` ("sở", "government", "cap name").
pub(crate) static ORG_HEADS: Lazy<Vec<(&'static str, &'static str, &'static str)>> =
    Lazy::new(|| triples(include_str!("org_heads.txt")));

/// What a ministry, department or office does ("y tế", "gd-đt").
pub(crate) static ORG_DOMAINS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("org_domains.txt")));

/// Abbreviations in organization names with their expansions: ("ubnd",
/// "Ủy ban nhân dân").
pub(crate) static ORG_ABBREVIATIONS: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    triples(include_str!("org_abbreviations.txt"))
        .into_iter()
        .map(|(a, e, _)| (a, e))
        .collect()
});

/// Words after an organization head that unmake it: (head or `*`, `first`,
/// words), as in `org_context.txt` ("hội", "first", "an nghị thảo …").
pub(crate) static ORG_CONTEXT: Lazy<Vec<(&'static str, &'static str, &'static str)>> =
    Lazy::new(|| triples(include_str!("org_context.txt")));

/// Legal forms between `Công ty` and the name ("tnhh", "cổ phần").
pub(crate) static ORG_LEGAL_FORMS: Lazy<Vec<&'static str>> =
    Lazy::new(|| entries(include_str!("org_legal_forms.txt")));

#[cfg(test)]
mod place_org_lists {
    use super::*;

    #[test]
    fn place_and_org_lists_load() {
        let lower = PLACE_LEVELS
            .iter()
            .map(|(p, _, _)| p)
            .chain(ORG_HEADS.iter().map(|(p, _, _)| p))
            .chain(ORG_ABBREVIATIONS.iter().map(|(a, _)| a))
            .chain(PLACE_NAMES.iter())
            .chain(PLACE_REGIONS.iter())
            .chain(SURNAMES.iter())
            .chain(PERSON_TITLES.iter())
            .chain(ORG_LEGAL_FORMS.iter())
            .chain(ORG_DOMAINS.iter());
        for e in lower {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            assert!(!e.contains("  ") && !e.is_empty(), "{e}");
        }
        for (_, level, _) in PLACE_LEVELS.iter() {
            assert!(
                matches!(
                    *level,
                    "province"
                        | "city"
                        | "district"
                        | "urban_district"
                        | "town"
                        | "township"
                        | "commune"
                        | "ward"
                        | "village"
                ),
                "{level}"
            );
        }
        for (_, cat, _) in ORG_HEADS.iter() {
            assert!(
                matches!(
                    *cat,
                    "party" | "government" | "front" | "association" | "enterprise" | "other"
                ),
                "{cat}"
            );
        }
        assert!(ORG_ABBREVIATIONS.iter().all(|(_, e)| !e.is_empty()));
        assert!(
            PLACE_CONTEXT
                .iter()
                .chain(ORG_CONTEXT.iter())
                .all(|(_, w, words)| matches!(*w, "before" | "first") && !words.is_empty())
        );
        assert!(ORG_ABBREVIATIONS.contains(&("ubnd", "Ủy ban nhân dân")));
        assert!(
            PLACE_LEVELS
                .iter()
                .any(|(p, l, _)| *p == "xã" && *l == "commune")
        );
    }
}

// --- end of place and organization lists -----------------------------------

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&AWARD_CONFERRERS);
    once_cell::sync::Lazy::force(&AWARD_REASONS);
    once_cell::sync::Lazy::force(&AWARD_RECIPIENTS);
    once_cell::sync::Lazy::force(&AWARD_VERBS);
    once_cell::sync::Lazy::force(&CAMPAIGNS);
    once_cell::sync::Lazy::force(&COUNT_MEASURES);
    once_cell::sync::Lazy::force(&COUNT_UNITS);
    once_cell::sync::Lazy::force(&EVENT_HEADS);
    once_cell::sync::Lazy::force(&HONORS);
    once_cell::sync::Lazy::force(&HONOR_TITLES);
    once_cell::sync::Lazy::force(&INSTITUTION_FIELDS);
    once_cell::sync::Lazy::force(&ORG_ABBREVIATIONS);
    once_cell::sync::Lazy::force(&ORG_CONTEXT);
    once_cell::sync::Lazy::force(&ORG_DOMAINS);
    once_cell::sync::Lazy::force(&ORG_HEADS);
    once_cell::sync::Lazy::force(&ORG_LEGAL_FORMS);
    once_cell::sync::Lazy::force(&PERSON_TITLES);
    once_cell::sync::Lazy::force(&PLACE_CONTEXT);
    once_cell::sync::Lazy::force(&PLACE_LEVELS);
    once_cell::sync::Lazy::force(&PLACE_NAMES);
    once_cell::sync::Lazy::force(&PLACE_REGIONS);
    once_cell::sync::Lazy::force(&PROJECT_CATEGORIES);
    once_cell::sync::Lazy::force(&SURNAMES);
    once_cell::sync::Lazy::force(&TITLE_TRIGGERS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_are_lower_case_single_spaced() {
        assert!(COUNT_UNITS.len() > 150);
        assert!(COUNT_MEASURES.contains(&"tấn") && !COUNT_UNITS.contains(&"tấn"));
        for e in COUNT_UNITS.iter() {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            assert!(!e.contains("  "), "{e}");
        }
        assert!(COUNT_UNITS.contains(&"hộ gia đình"));
    }
}
