//! The Vietnamese syllable model: onset, vowel cluster (glide + nucleus +
//! off-glide), coda and tone.
//!
//! Every written Vietnamese syllable is `onset? vowels coda?` with one tone,
//! marked on one vowel of the cluster:
//!
//! | part | values |
//! |---|---|
//! | onset | b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x |
//! | vowels | one to three of a ă â e ê i o ô ơ u ư y, from a closed list (`oa`, `ươi`, `uyê`, …) |
//! | coda | c ch m n ng nh p t |
//! | tone | ngang (none), huyền `◌̀`, hỏi `◌̉`, ngã `◌̃`, sắc `◌́`, nặng `◌̣` |
//!
//! [`parse`] splits a word into these parts and computes which vowel must
//! carry the tone under each [`ToneStyle`](crate::ToneStyle). It never consults a
//! word list: `hòa`/`hoà`, `thủy`/`thuỷ` and `khỏe`/`khoẻ` follow from the
//! cluster (`oa`, `uy`, `oe`, open) and the style, `quý`/`giữ` from the `qu`
//! and `gi` onsets. A word that does not fit the model (a foreign name, an
//! English word, two tone marks) is reported as not a syllable and left alone
//! by the normalizer.
//!
//! The per-character tables are derived at first use from Unicode's canonical
//! decompositions (`unicode-normalization`), not typed by hand.

use once_cell::sync::Lazy;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// The twelve vowel letters, tone removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Vowel {
    A = 0,
    /// ă
    Aw,
    /// â
    Aa,
    E,
    /// ê
    Ee,
    I,
    O,
    /// ô
    Oo,
    /// ơ
    Ow,
    U,
    /// ư
    Uw,
    Y,
}

impl Vowel {
    pub(crate) const ALL: [Vowel; 12] = [
        Vowel::A,
        Vowel::Aw,
        Vowel::Aa,
        Vowel::E,
        Vowel::Ee,
        Vowel::I,
        Vowel::O,
        Vowel::Oo,
        Vowel::Ow,
        Vowel::U,
        Vowel::Uw,
        Vowel::Y,
    ];

    fn from_index(i: u8) -> Vowel {
        Vowel::ALL
            .get(usize::from(i % 12))
            .copied()
            .unwrap_or(Vowel::A)
    }

    /// The vowel carries a modifier (breve, circumflex, horn).
    pub(crate) fn is_modified(self) -> bool {
        matches!(
            self,
            Vowel::Aw | Vowel::Aa | Vowel::Ee | Vowel::Oo | Vowel::Ow | Vowel::Uw
        )
    }

    /// The base letter, lower case, without modifier: `ơ` → `o`.
    pub(crate) fn base(self) -> char {
        self.parts().0
    }

    /// Base letter and modifier mark, lower case.
    fn parts(self) -> (char, Option<char>) {
        match self {
            Vowel::A => ('a', None),
            Vowel::Aw => ('a', Some('\u{306}')),
            Vowel::Aa => ('a', Some('\u{302}')),
            Vowel::E => ('e', None),
            Vowel::Ee => ('e', Some('\u{302}')),
            Vowel::I => ('i', None),
            Vowel::O => ('o', None),
            Vowel::Oo => ('o', Some('\u{302}')),
            Vowel::Ow => ('o', Some('\u{31B}')),
            Vowel::U => ('u', None),
            Vowel::Uw => ('u', Some('\u{31B}')),
            Vowel::Y => ('y', None),
        }
    }

    /// The vowel as written, lower case and without tone: "ơ".
    #[cfg(test)]
    pub(crate) fn as_char(self) -> char {
        compose(self, Tone::Level, false)
    }
}

/// The six tones. `Level` (thanh ngang) has no mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Tone {
    Level = 0,
    /// huyền, U+0300
    Grave,
    /// hỏi, U+0309
    Hook,
    /// ngã, U+0303
    Tilde,
    /// sắc, U+0301
    Acute,
    /// nặng, U+0323
    Dot,
}

impl Tone {
    pub(crate) const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Hook,
        Tone::Tilde,
        Tone::Acute,
        Tone::Dot,
    ];

    fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    fn from_mark(c: char) -> Option<Tone> {
        Tone::ALL.into_iter().find(|t| t.mark() == Some(c))
    }
}

/// One character seen as a Vietnamese letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Letter {
    /// A vowel letter, possibly toned.
    Vowel {
        vowel: Vowel,
        tone: Tone,
        upper: bool,
    },
    /// A consonant letter; `c` is its ASCII lower-case form, `đ` is b'D'.
    Consonant { c: u8 },
    /// Anything else: not part of a Vietnamese syllable.
    Other,
}

/// Code points covered by the two dense tables.
const LATIN_LO: u32 = 0xC0;
const LATIN_HI: u32 = 0x1B0;
const EXT_LO: u32 = 0x1EA0;
const EXT_HI: u32 = 0x1EF9;

struct Tables {
    /// U+00C0..=U+01B0: 0 = not a vowel, else 1 + (vowel*6 + tone)*2 + upper.
    latin: [u8; (LATIN_HI - LATIN_LO + 1) as usize],
    /// U+1EA0..=U+1EF9, same encoding.
    ext: [u8; (EXT_HI - EXT_LO + 1) as usize],
    /// [vowel][tone][upper] → char.
    compose: [[[char; 2]; 6]; 12],
}

static TABLES: Lazy<Tables> = Lazy::new(build_tables);

fn encode(vowel: Vowel, tone: Tone, upper: bool) -> u8 {
    1 + (vowel as u8 * 6 + tone as u8) * 2 + u8::from(upper)
}

fn decode_entry(e: u8) -> Option<Letter> {
    let x = e.checked_sub(1)?;
    let upper = x % 2 == 1;
    let vt = x / 2;
    Some(Letter::Vowel {
        vowel: Vowel::from_index(vt / 6),
        tone: Tone::ALL
            .get(usize::from(vt % 6))
            .copied()
            .unwrap_or(Tone::Level),
        upper,
    })
}

/// Splits a precomposed character into vowel, tone and case, from its
/// canonical decomposition.
fn analyse_char(c: char) -> Option<(Vowel, Tone, bool)> {
    let mut parts: [char; 4] = ['\0'; 4];
    let mut n = 0;
    let mut overflow = false;
    decompose_canonical(c, |d| {
        if let Some(slot) = parts.get_mut(n) {
            *slot = d;
            n += 1;
        } else {
            overflow = true;
        }
    });
    if overflow || n == 0 {
        return None;
    }
    let base = parts[0];
    let upper = base.is_ascii_uppercase();
    let base = base.to_ascii_lowercase();
    let mut modifier = None;
    let mut tone = Tone::Level;
    for &m in parts.get(1..n).unwrap_or_default() {
        if let Some(t) = Tone::from_mark(m) {
            if tone != Tone::Level {
                return None;
            }
            tone = t;
        } else if modifier.is_none() {
            modifier = Some(m);
        } else {
            return None;
        }
    }
    let vowel = Vowel::ALL
        .into_iter()
        .find(|v| v.parts() == (base, modifier))?;
    Some((vowel, tone, upper))
}

fn build_tables() -> Tables {
    let mut latin = [0u8; (LATIN_HI - LATIN_LO + 1) as usize];
    let mut ext = [0u8; (EXT_HI - EXT_LO + 1) as usize];
    for (lo, table) in [(LATIN_LO, &mut latin[..]), (EXT_LO, &mut ext[..])] {
        for (i, slot) in table.iter_mut().enumerate() {
            let Some(c) = char::from_u32(lo + i as u32) else {
                continue;
            };
            if let Some((v, t, u)) = analyse_char(c) {
                *slot = encode(v, t, u);
            }
        }
    }
    let mut compose = [[['\0'; 2]; 6]; 12];
    for v in Vowel::ALL {
        for t in Tone::ALL {
            for upper in [false, true] {
                let (base, modifier) = v.parts();
                let base = if upper {
                    base.to_ascii_uppercase()
                } else {
                    base
                };
                let s: String = [Some(base), modifier, t.mark()]
                    .into_iter()
                    .flatten()
                    .nfc()
                    .collect();
                let mut chars = s.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if let Some(slot) = compose
                        .get_mut(v as usize)
                        .and_then(|x| x.get_mut(t as usize))
                        .and_then(|x| x.get_mut(usize::from(upper)))
                    {
                        *slot = c;
                    }
                }
            }
        }
    }
    Tables {
        latin,
        ext,
        compose,
    }
}

/// The precomposed character for a vowel with a tone.
pub(crate) fn compose(vowel: Vowel, tone: Tone, upper: bool) -> char {
    TABLES
        .compose
        .get(vowel as usize)
        .and_then(|x| x.get(tone as usize))
        .and_then(|x| x.get(usize::from(upper)))
        .copied()
        .unwrap_or('\u{FFFD}')
}

/// ASCII letters: 0 other, 1..=12 vowel index + 1 (lower), 0x40 consonant.
// `i < 128` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn ascii_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        let lower = c | 0x20;
        if c.is_ascii_alphabetic() {
            t[i] = match lower {
                b'a' => 1,
                b'e' => 4,
                b'i' => 6,
                b'o' => 7,
                b'u' => 10,
                b'y' => 12,
                _ => 0x40,
            };
        }
        i += 1;
    }
    t
}

static ASCII: [u8; 128] = ascii_table();

/// Classifies one character.
#[inline]
pub(crate) fn classify(c: char) -> Letter {
    let u = c as u32;
    if u < 0x80 {
        let e = ASCII.get(u as usize).copied().unwrap_or(0);
        return match e {
            0 => Letter::Other,
            0x40 => Letter::Consonant {
                c: (u as u8) | 0x20,
            },
            v => Letter::Vowel {
                vowel: Vowel::from_index(v - 1),
                tone: Tone::Level,
                upper: (u as u8).is_ascii_uppercase(),
            },
        };
    }
    if u == 0x110 || u == 0x111 {
        return Letter::Consonant { c: b'D' };
    }
    let entry = if (LATIN_LO..=LATIN_HI).contains(&u) {
        TABLES
            .latin
            .get((u - LATIN_LO) as usize)
            .copied()
            .unwrap_or(0)
    } else if (EXT_LO..=EXT_HI).contains(&u) {
        TABLES.ext.get((u - EXT_LO) as usize).copied().unwrap_or(0)
    } else {
        0
    };
    decode_entry(entry).unwrap_or(Letter::Other)
}

/// The longest a Vietnamese syllable gets, in letters ("nghiêng", "khuyếch").
pub(crate) const MAX_LETTERS: usize = 8;

/// Where the tone goes in a vowel cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Carrier {
    /// Index in the cluster under the traditional style (open syllable).
    traditional: u8,
    /// Index in the cluster under the modern style (open syllable).
    modern: u8,
    /// Index in the cluster when the syllable has a coda (both styles).
    closed: u8,
    open_ok: bool,
    closed_ok: bool,
}

/// Valid vowel clusters. `O` = may end the syllable, `C` = may take a coda.
const CLUSTERS: &[(&str, &str)] = &[
    ("a", "OC"),
    ("ă", "C"),
    ("â", "C"),
    ("e", "OC"),
    ("ê", "OC"),
    ("i", "OC"),
    ("o", "OC"),
    ("ô", "OC"),
    ("ơ", "OC"),
    ("u", "OC"),
    ("ư", "OC"),
    ("y", "OC"),
    ("ai", "O"),
    ("ao", "O"),
    ("au", "O"),
    ("ay", "O"),
    ("âu", "O"),
    ("ây", "O"),
    ("eo", "O"),
    ("êu", "O"),
    ("ia", "O"),
    ("iu", "O"),
    ("iê", "C"),
    ("oa", "OC"),
    ("oă", "C"),
    ("oe", "OC"),
    ("oi", "O"),
    ("oo", "C"),
    ("ôi", "O"),
    ("ơi", "O"),
    ("ua", "O"),
    ("uâ", "C"),
    ("uê", "OC"),
    ("ui", "O"),
    ("uô", "C"),
    ("uơ", "O"),
    ("uy", "OC"),
    ("ưa", "O"),
    ("ưi", "O"),
    ("ưu", "O"),
    ("ươ", "C"),
    ("yê", "C"),
    ("iêu", "O"),
    ("yêu", "O"),
    ("oai", "O"),
    ("oao", "O"),
    ("oay", "O"),
    ("oeo", "O"),
    ("uây", "O"),
    ("uôi", "O"),
    ("ươi", "O"),
    ("ươu", "O"),
    ("uya", "O"),
    ("uyê", "C"),
    ("uyu", "O"),
];

/// Index of a cluster of one to three vowels in a 13³ table.
fn cluster_key(vowels: &[Vowel]) -> Option<usize> {
    if vowels.is_empty() || vowels.len() > 3 {
        return None;
    }
    let mut k = 0usize;
    for i in 0..3 {
        k = k * 13 + vowels.get(i).map_or(0, |v| *v as usize + 1);
    }
    Some(k)
}

static CARRIERS: Lazy<Vec<Option<Carrier>>> = Lazy::new(|| {
    let mut t = vec![None; 13 * 13 * 13];
    for (text, flags) in CLUSTERS {
        let vowels: Vec<Vowel> = text
            .chars()
            .filter_map(|c| match classify(c) {
                Letter::Vowel { vowel, .. } => Some(vowel),
                _ => None,
            })
            .collect();
        let n = vowels.len() as u8;
        let last_modified = vowels.iter().rposition(|v| v.is_modified());
        let (traditional, modern) = match (last_modified, n) {
            (Some(i), _) => (i as u8, i as u8),
            (None, 3) => (1, 1),
            (None, 2) if matches!(*text, "oa" | "oe" | "uy") => (0, 1),
            _ => (0, 0),
        };
        let closed = last_modified.map_or(n - 1, |i| i as u8);
        if let Some(slot) = cluster_key(&vowels).and_then(|k| t.get_mut(k)) {
            *slot = Some(Carrier {
                traditional,
                modern,
                closed,
                open_ok: flags.contains('O'),
                closed_ok: flags.contains('C'),
            });
        }
    }
    t
});

/// Where a parsed syllable's tone is, and where each style wants it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Syllable {
    /// Letter index of the first vowel of the cluster (after a `qu`/`gi` onset).
    pub(crate) cluster_start: usize,
    /// Number of vowels in the cluster.
    pub(crate) cluster_len: usize,
    /// The tone of the syllable.
    pub(crate) tone: Tone,
    /// Letter index of the vowel that carries the tone mark now (None for
    /// the level tone).
    pub(crate) tone_at: Option<usize>,
    /// Letter index where the traditional style puts the tone.
    pub(crate) traditional_at: usize,
    /// Letter index where the modern style puts the tone.
    pub(crate) modern_at: usize,
}

/// Why a word is not a Vietnamese syllable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotSyllable {
    /// A character that is not a Vietnamese letter, or a shape no syllable has.
    Shape,
    /// Two or more vowels carry tone marks.
    TwoTones,
}

const ONSETS: &[&[u8]] = &[
    b"", b"b", b"c", b"ch", b"d", b"D", b"g", b"gh", b"h", b"k", b"kh", b"l", b"m", b"n", b"ng",
    b"ngh", b"nh", b"p", b"ph", b"r", b"s", b"t", b"th", b"tr", b"v", b"x",
];
const CODAS: &[&[u8]] = &[b"", b"c", b"ch", b"m", b"n", b"ng", b"nh", b"p", b"t"];

/// Parses letters (already classified) as one syllable.
pub(crate) fn parse(letters: &[Letter]) -> Result<Syllable, NotSyllable> {
    if letters.is_empty() || letters.len() > MAX_LETTERS {
        return Err(NotSyllable::Shape);
    }
    // Onset: consonants before the first vowel.
    let mut onset = [0u8; MAX_LETTERS];
    let mut i = 0;
    while let (Some(Letter::Consonant { c }), Some(slot)) = (letters.get(i), onset.get_mut(i)) {
        *slot = *c;
        i += 1;
    }
    let onset = onset.get(..i).unwrap_or_default();
    let first_vowel = i;
    let mut cluster_start = i;
    if onset == b"q" {
        // "qu": the u belongs to the onset and another vowel must follow.
        match letters.get(i) {
            Some(Letter::Vowel {
                vowel: Vowel::U, ..
            }) if matches!(letters.get(i + 1), Some(Letter::Vowel { .. })) => cluster_start = i + 1,
            _ => return Err(NotSyllable::Shape),
        }
    } else if !ONSETS.contains(&onset) {
        return Err(NotSyllable::Shape);
    } else if onset == b"g"
        && matches!(
            letters.get(i),
            Some(Letter::Vowel {
                vowel: Vowel::I,
                ..
            })
        )
        && matches!(letters.get(i + 1), Some(Letter::Vowel { .. }))
    {
        // "gi" + vowel: the i belongs to the onset (già, giữ, giếng).
        cluster_start = i + 1;
    }
    // Vowels.
    let mut vowels = [Vowel::A; 3];
    let mut n = 0;
    let mut j = cluster_start;
    while let Some(Letter::Vowel { vowel, .. }) = letters.get(j) {
        let Some(slot) = vowels.get_mut(n) else {
            return Err(NotSyllable::Shape);
        };
        *slot = *vowel;
        n += 1;
        j += 1;
    }
    if n == 0 {
        return Err(NotSyllable::Shape);
    }
    // Coda.
    let mut coda = [0u8; MAX_LETTERS];
    let mut m = 0;
    while let Some(letter) = letters.get(j) {
        match letter {
            Letter::Consonant { c } => match coda.get_mut(m) {
                Some(slot) => *slot = *c,
                None => return Err(NotSyllable::Shape),
            },
            _ => return Err(NotSyllable::Shape),
        }
        m += 1;
        j += 1;
    }
    let coda = coda.get(..m).unwrap_or_default();
    if !CODAS.contains(&coda) {
        return Err(NotSyllable::Shape);
    }
    let carrier = cluster_key(vowels.get(..n).unwrap_or_default())
        .and_then(|k| CARRIERS.get(k).copied().flatten())
        .ok_or(NotSyllable::Shape)?;
    let closed = !coda.is_empty();
    if (closed && !carrier.closed_ok) || (!closed && !carrier.open_ok) {
        return Err(NotSyllable::Shape);
    }
    // The tone, which may sit anywhere from the onset's glide on.
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for (k, l) in letters.iter().enumerate().skip(first_vowel) {
        if let Letter::Vowel { tone: t, .. } = l {
            if *t != Tone::Level {
                if tone_at.is_some() {
                    return Err(NotSyllable::TwoTones);
                }
                tone = *t;
                tone_at = Some(k);
            }
        }
    }
    let (traditional, modern) = if closed {
        (carrier.closed, carrier.closed)
    } else {
        (carrier.traditional, carrier.modern)
    };
    Ok(Syllable {
        cluster_start,
        cluster_len: n,
        tone,
        tone_at,
        traditional_at: cluster_start + usize::from(traditional),
        modern_at: cluster_start + usize::from(modern),
    })
}

/// `true` when `word` (NFC) is one Vietnamese syllable with at most one tone.
///
/// Used by encoding detection to score candidate decodings.
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut letters = [Letter::Other; MAX_LETTERS];
    let mut n = 0;
    for c in word.chars() {
        let Some(slot) = letters.get_mut(n) else {
            return false;
        };
        *slot = classify(c);
        n += 1;
    }
    parse(letters.get(..n).unwrap_or_default()).is_ok()
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&CARRIERS);
    once_cell::sync::Lazy::force(&TABLES);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(word: &str) -> Vec<Letter> {
        word.chars().map(classify).collect()
    }

    /// Letter index where `style` puts the tone of `word`, or None.
    fn target(word: &str, traditional: bool) -> Option<usize> {
        let s = parse(&letters(word)).ok()?;
        Some(if traditional {
            s.traditional_at
        } else {
            s.modern_at
        })
    }

    #[test]
    fn classify_reads_case_tone_and_modifier() {
        assert_eq!(
            classify('Ệ'),
            Letter::Vowel {
                vowel: Vowel::Ee,
                tone: Tone::Dot,
                upper: true
            }
        );
        assert_eq!(
            classify('ử'),
            Letter::Vowel {
                vowel: Vowel::Uw,
                tone: Tone::Hook,
                upper: false
            }
        );
        assert_eq!(classify('đ'), Letter::Consonant { c: b'D' });
        assert_eq!(classify('Đ'), Letter::Consonant { c: b'D' });
        // Not Vietnamese vowels: ü, ç, ð.
        assert_eq!(classify('ü'), Letter::Other);
        assert_eq!(classify('ç'), Letter::Other);
        assert_eq!(classify('ð'), Letter::Other);
    }

    #[test]
    fn all_134_vowel_letters_are_known() {
        // 12 vowels × 6 tones × 2 cases, every one a single precomposed char.
        let mut seen = std::collections::HashSet::new();
        for v in Vowel::ALL {
            for t in Tone::ALL {
                for u in [false, true] {
                    let c = compose(v, t, u);
                    assert_ne!(c, '\0', "{v:?} {t:?} {u}");
                    assert_eq!(
                        classify(c),
                        Letter::Vowel {
                            vowel: v,
                            tone: t,
                            upper: u
                        }
                    );
                    seen.insert(c);
                }
            }
        }
        assert_eq!(seen.len(), 144);
    }

    #[test]
    fn traditional_and_modern_differ_on_open_oa_oe_uy() {
        // hòa / hoà: letter 1 is o, letter 2 is a.
        assert_eq!(target("hoa", true), Some(1));
        assert_eq!(target("hoa", false), Some(2));
        assert_eq!(target("khoe", true), Some(2));
        assert_eq!(target("khoe", false), Some(3));
        assert_eq!(target("thuy", true), Some(2));
        assert_eq!(target("thuy", false), Some(3));
        // Closed: both on the second vowel (hoàn, huýt).
        assert_eq!(target("hoan", true), Some(2));
        assert_eq!(target("huyt", true), Some(2));
    }

    #[test]
    fn qu_and_gi_onsets() {
        // quý: q u y → tone on y (index 2) in both styles.
        assert_eq!(target("quy", true), Some(2));
        assert_eq!(target("quy", false), Some(2));
        // già: g i a → tone on a.
        assert_eq!(target("gia", true), Some(2));
        // gìn: only one vowel, i carries it.
        assert_eq!(target("gin", true), Some(1));
        // giữa: g i ư a → tone on ư.
        assert_eq!(target("giưa", true), Some(2));
    }

    #[test]
    fn modified_vowels_take_the_tone() {
        // người: ng ư ơ i → ơ (index 3)
        assert_eq!(target("ngươi", true), Some(3));
        // nghiêm → ê (index 4)
        assert_eq!(target("nghiêm", true), Some(4));
        // khuấy: kh u â y → â (index 3)
        assert_eq!(target("khuây", false), Some(3));
        // thuế: th u ê → ê (index 3)
        assert_eq!(target("thuê", true), Some(3));
        // quyết: q u y ê t → ê (index 3)
        assert_eq!(target("quyêt", true), Some(3));
    }

    #[test]
    fn triphthongs_without_modifier_take_the_middle() {
        // ngoài → a (index 3); khuỷu → y (index 3)
        assert_eq!(target("ngoai", true), Some(3));
        assert_eq!(target("khuyu", true), Some(3));
    }

    #[test]
    fn foreign_words_are_not_syllables() {
        for w in [
            "Toyota", "Obama", "hello", "Facebook", "iPhone", "wifi", "zalo",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
        for w in [
            "Việt", "Nam", "người", "được", "quý", "giữ", "thủy", "thuỷ", "Nặm", "Cắt",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn two_tones_are_reported() {
        assert_eq!(parse(&letters("hòá")), Err(NotSyllable::TwoTones));
    }

    #[test]
    fn as_char_round_trips() {
        assert_eq!(Vowel::Ow.as_char(), 'ơ');
    }
}
