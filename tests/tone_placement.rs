//! Tone placement, exhaustively over a generated table of syllables
//! (onset × rhyme × tone × letter case).
//!
//! The rhymes and the vowel that carries the tone in each style come from
//! `tests/data/normalize/rhymes.txt`, written from Vietnamese orthography, not
//! from the code. For every syllable the test checks that:
//! - each style produces its own form from either form, and from every wrong
//!   placement of the mark (`hòan`, `qúy`, `gìa`);
//! - `Preserve` changes nothing;
//! - the two styles differ exactly on open `oa`/`oe`/`uy` syllables (not
//!   after `qu`, where the `u` belongs to the onset).

use unicode_normalization::UnicodeNormalization;
use vietfacts::{Normalizer, ToneStyle};

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Combining tone marks: huyền, hỏi, ngã, sắc, nặng.
const TONES: &[char] = &['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

struct Rhyme {
    bare: String,
    traditional: String,
    modern: String,
}

fn rhymes() -> Vec<Rhyme> {
    let data = include_str!("data/normalize/rhymes.txt");
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Rhyme {
                bare: f[0].to_string(),
                traditional: f[1].to_string(),
                modern: f.get(2).unwrap_or(&f[1]).to_string(),
            }
        })
        .collect()
}

/// Replaces the acute that marks the tone position with `tone`.
fn with_tone(acute_form: &str, tone: char) -> String {
    acute_form
        .nfd()
        .map(|c| if c == '\u{301}' { tone } else { c })
        .nfc()
        .collect()
}

/// `word` (NFC, no tone) with `tone` on its `k`-th vowel letter.
fn tone_on_vowel(word: &str, k: usize, tone: char) -> Option<String> {
    let mut out = String::new();
    let mut seen = 0;
    let mut placed = false;
    for c in word.nfd() {
        out.push(c);
        let base = c.to_ascii_lowercase();
        if matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            if seen == k {
                // The tone goes after the vowel's own modifier, if any.
                placed = true;
                out.push('\u{1}');
            }
            seen += 1;
        }
    }
    if !placed {
        return None;
    }
    // Move the placeholder after any modifier marks of that vowel.
    let mut chars: Vec<char> = out.chars().collect();
    let p = chars.iter().position(|c| *c == '\u{1}')?;
    let mut q = p;
    while q + 1 < chars.len() && matches!(chars[q + 1], '\u{302}' | '\u{306}' | '\u{31B}') {
        chars.swap(q, q + 1);
        q += 1;
    }
    chars[q] = tone;
    Some(chars.into_iter().nfc().collect())
}

fn vowel_count(word: &str) -> usize {
    word.nfd()
        .filter(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .count()
}

fn allowed(onset: &str, rhyme: &str) -> bool {
    let first = rhyme.chars().next().unwrap_or(' ');
    match onset {
        // The u of "qu" is a glide: no rhyme that starts with a rounded vowel.
        "qu" => !(matches!(first, 'o' | 'u' | 'ư') || (first == 'i' && rhyme != "i")),
        // After "gi" the rhyme does not start with another i.
        "gi" => first != 'i' && first != 'y',
        // "g" + "ia…" is spelled and read as "gi" + "a…".
        "g" => !(first == 'i' && vowel_count(rhyme) > 1),
        _ => true,
    }
}

fn cases(s: &str) -> [String; 3] {
    let mut title = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            title.extend(c.to_uppercase());
        } else {
            title.push(c);
        }
    }
    [s.to_string(), s.to_uppercase(), title]
}

#[test]
fn every_syllable_in_every_style() {
    let trad = Normalizer::builder().tone(ToneStyle::Traditional).build();
    let modern = Normalizer::builder().tone(ToneStyle::Modern).build();
    let preserve = Normalizer::builder().tone(ToneStyle::Preserve).build();
    let rhymes = rhymes();
    assert!(rhymes.len() > 150, "{} rhymes", rhymes.len());

    let mut failures = Vec::new();
    let mut checked = 0usize;
    let mut differing = std::collections::BTreeSet::new();
    let mut check = |what: &str, got: &str, want: &str| {
        checked += 1;
        if got != want {
            failures.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    };
    for onset in ONSETS {
        for r in &rhymes {
            if !allowed(onset, &r.bare) {
                continue;
            }
            // The level tone: nothing to place, nothing changes.
            let bare = format!("{onset}{}", r.bare);
            for style in [&trad, &modern, &preserve] {
                check("level", style.normalize(&bare).as_str(), &bare);
            }
            for &tone in TONES {
                let t_lower = format!("{onset}{}", with_tone(&r.traditional, tone));
                let m_lower = format!("{onset}{}", with_tone(&r.modern, tone));
                let [t_cases, m_cases] = [cases(&t_lower), cases(&m_lower)];
                for (t, m) in t_cases.iter().zip(m_cases.iter()) {
                    check(&format!("T({t})"), trad.normalize(t).as_str(), t);
                    check(&format!("T({m})"), trad.normalize(m).as_str(), t);
                    check(&format!("M({m})"), modern.normalize(m).as_str(), m);
                    check(&format!("M({t})"), modern.normalize(t).as_str(), m);
                    check(&format!("P({t})"), preserve.normalize(t).as_str(), t);
                    check(&format!("P({m})"), preserve.normalize(m).as_str(), m);
                    if trad.normalize(t).as_str() != modern.normalize(t).as_str() {
                        differing.insert(r.bare.clone());
                    }
                }
                // Every misplaced mark, including on the glide of qu/gi.
                let n = vowel_count(&bare);
                for k in 0..n {
                    let Some(w) = tone_on_vowel(&bare, k, tone) else {
                        continue;
                    };
                    for ((w, t), m) in cases(&w)
                        .iter()
                        .zip(cases(&t_lower).iter())
                        .zip(cases(&m_lower).iter())
                    {
                        check(&format!("T({w})"), trad.normalize(w).as_str(), t);
                        check(&format!("M({w})"), modern.normalize(w).as_str(), m);
                        check(&format!("P({w})"), preserve.normalize(w).as_str(), w);
                    }
                }
            }
        }
    }
    eprintln!("tone placement: {checked} checks");
    assert!(checked > 100_000, "only {checked} checks");
    assert!(
        failures.is_empty(),
        "{} failures, first 30:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    let want: std::collections::BTreeSet<String> =
        ["oa", "oe", "uy"].iter().map(|s| s.to_string()).collect();
    assert_eq!(
        differing, want,
        "the styles must differ exactly on open oa/oe/uy"
    );
}

#[test]
fn generator_helpers() {
    assert_eq!(with_tone("óa", '\u{300}'), "òa");
    assert_eq!(with_tone("ướt", '\u{323}'), "ượt");
    assert_eq!(tone_on_vowel("quy", 0, '\u{301}').as_deref(), Some("qúy"));
    assert_eq!(
        tone_on_vowel("nghiêm", 0, '\u{323}').as_deref(),
        Some("nghịêm")
    );
    assert_eq!(
        tone_on_vowel("nghiêm", 1, '\u{323}').as_deref(),
        Some("nghiệm")
    );
}
