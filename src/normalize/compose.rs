//! Fast canonical composition for decomposed Vietnamese letters.
//!
//! NFD Vietnamese (from macOS file names, some web editors, Windows-1258
//! decoding) spells `ệ` as `e` + U+0323 + U+0302. Composing it with the
//! general algorithm costs a decomposition, a sort and a recomposition per
//! character; here a vowel followed by at most one modifier (breve,
//! circumflex, horn) and one tone mark is looked up directly in the syllable
//! tables. The result is exactly NFC: where canonical ordering would block a
//! composition (`a` + acute + circumflex stays `á` + U+0302) or anything else
//! is unusual, [`vietnamese`] declines and the caller uses the general
//! algorithm.

use super::syllable::{self, Letter, Tone, Vowel};

/// The modifier marks: circumflex, breve (combining class 230) and horn (216).
fn modifier(vowel: Vowel, mark: char) -> Option<Vowel> {
    Some(match (vowel, mark) {
        (Vowel::A, '\u{302}') => Vowel::Aa,
        (Vowel::A, '\u{306}') => Vowel::Aw,
        (Vowel::E, '\u{302}') => Vowel::Ee,
        (Vowel::O, '\u{302}') => Vowel::Oo,
        (Vowel::O, '\u{31B}') => Vowel::Ow,
        (Vowel::U, '\u{31B}') => Vowel::Uw,
        _ => return None,
    })
}

fn tone_of(mark: char) -> Option<Tone> {
    Some(match mark {
        '\u{300}' => Tone::Grave,
        '\u{309}' => Tone::Hook,
        '\u{303}' => Tone::Tilde,
        '\u{301}' => Tone::Acute,
        '\u{323}' => Tone::Dot,
        _ => return None,
    })
}

/// Composes `src` into `out` if every combining mark in it belongs to a
/// Vietnamese vowel that composes fully; otherwise returns `false` (and
/// `out` holds a partial result the caller must discard).
pub(crate) fn vietnamese(src: &str, out: &mut String) -> bool {
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        let is_mark = |m: &char| matches!(m, '\u{300}'..='\u{36F}');
        if !chars.peek().is_some_and(is_mark) {
            if is_mark(&c) {
                return false;
            }
            out.push(c);
            continue;
        }
        let Letter::Vowel {
            mut vowel,
            mut tone,
            upper,
        } = syllable::classify(c)
        else {
            return false;
        };
        // A tone of combining class 230 blocks a later class-230 modifier.
        let mut tone230 = !matches!(tone, Tone::Level | Tone::Dot);
        while let Some(m) = chars.next_if(is_mark) {
            if let Some(t) = tone_of(m) {
                if tone != Tone::Level {
                    return false;
                }
                tone = t;
                tone230 = t != Tone::Dot;
            } else if let Some(v) = modifier(vowel, m) {
                if tone230 && m != '\u{31B}' {
                    return false;
                }
                vowel = v;
            } else {
                return false;
            }
        }
        out.push(syllable::compose(vowel, tone, upper));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const MARKS: [char; 8] = [
        '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
    ];

    /// Against the general algorithm: every vowel (all tones, both cases) and
    /// a few consonants, followed by every sequence of up to three marks.
    #[test]
    fn agrees_with_nfc_wherever_it_answers() {
        let mut bases: Vec<char> = Vec::new();
        for v in Vowel::ALL {
            for t in Tone::ALL {
                for u in [false, true] {
                    bases.push(syllable::compose(v, t, u));
                }
            }
        }
        bases.extend(['d', 'n', 'đ', '1', ' ']);
        let mut answered = 0;
        let mut seqs: Vec<Vec<char>> = vec![vec![]];
        for len in 1..=3 {
            let prev: Vec<Vec<char>> = seqs
                .iter()
                .filter(|s| s.len() == len - 1)
                .cloned()
                .collect();
            for p in prev {
                for m in MARKS {
                    let mut s = p.clone();
                    s.push(m);
                    seqs.push(s);
                }
            }
        }
        for b in &bases {
            for seq in &seqs {
                let src: String = std::iter::once(*b).chain(seq.iter().copied()).collect();
                let mut out = String::new();
                if vietnamese(&src, &mut out) {
                    answered += 1;
                    let want: String = src.nfc().collect();
                    assert_eq!(
                        out,
                        want,
                        "{:04X?}",
                        src.chars().map(u32::from).collect::<Vec<_>>()
                    );
                }
            }
        }
        // It must answer the common cases, not decline everything.
        assert!(answered > 300, "{answered}");
    }

    /// Every Vietnamese letter in NFD, in canonical order and with its two
    /// marks swapped, is composed here, not handed to the general algorithm.
    #[test]
    fn answers_every_decomposed_vietnamese_letter() {
        for v in Vowel::ALL {
            for t in Tone::ALL {
                for u in [false, true] {
                    let c = syllable::compose(v, t, u);
                    let nfd: Vec<char> = c.to_string().nfd().collect();
                    let mut out = String::new();
                    assert!(vietnamese(&nfd.iter().collect::<String>(), &mut out), "{c}");
                    assert_eq!(out, c.to_string());
                    if nfd.len() == 3 {
                        let swapped: String = [nfd[0], nfd[2], nfd[1]].iter().collect();
                        let mut out = String::new();
                        if vietnamese(&swapped, &mut out) {
                            assert_eq!(out, swapped.nfc().collect::<String>());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn typical_nfd_words() {
        let mut out = String::new();
        assert!(vietnamese("Vie\u{323}\u{302}t", &mut out));
        assert_eq!(out, "Việt");
        out.clear();
        assert!(vietnamese("ngu\u{31b}o\u{31b}\u{300}i", &mut out));
        assert_eq!(out, "người");
        out.clear();
        assert!(!vietnamese("a\u{301}\u{302}", &mut out));
    }
}
