//! One byte of class per code point, so the scanner decides what a character
//! is with a single table load.
//!
//! | class | meaning |
//! |---|---|
//! | `0..=143` | a Vietnamese vowel letter: `vowel * 12 + tone * 2 + upper` |
//! | [`D_STROKE`] | `đ`, `Đ` |
//! | [`CONSONANT`] | an ASCII consonant letter |
//! | [`LETTER`] | another letter, already NFC-stable (`ü`, `ñ`, `北`) |
//! | [`OTHER`] | any other NFC-stable character (digits, punctuation, symbols) |
//! | [`SPACE`] | a space character other than U+0020 and tab |
//! | [`IGNORABLE`] | a default-ignorable character ([`super::space::is_ignorable`]) |
//! | [`LOOKALIKE`] | `Ð`, `ð` |
//! | [`MARK_LATIN`] | a combining diacritic U+0300–U+036F (except CGJ) |
//! | [`MARK`] | another combining mark: ordering and composition checked at run time |
//! | [`UNSTABLE_LETTER`], [`UNSTABLE`] | characters that NFC changes or may compose |
//!
//! The table covers the Basic Multilingual Plane (64 KiB, built once on first
//! use from Unicode properties); supplementary-plane characters are
//! classified by the same function on the fly.

use super::space;
use super::syllable::{self, Letter};
use once_cell::sync::Lazy;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, is_nfc_quick};

pub(crate) const VOWELS: u8 = 144;
pub(crate) const D_STROKE: u8 = 144;
pub(crate) const CONSONANT: u8 = 145;
pub(crate) const LETTER: u8 = 146;
pub(crate) const OTHER: u8 = 147;
pub(crate) const SPACE: u8 = 148;
pub(crate) const IGNORABLE: u8 = 149;
pub(crate) const LOOKALIKE: u8 = 150;
pub(crate) const MARK_LATIN: u8 = 151;
pub(crate) const MARK: u8 = 152;
pub(crate) const UNSTABLE_LETTER: u8 = 153;
pub(crate) const UNSTABLE: u8 = 154;

/// Vowel class code → (is modified, has tone).
#[inline]
pub(crate) const fn vowel_flags(class: u8) -> (bool, bool) {
    let vowel = class / 12;
    let tone = (class / 2) % 6;
    // ă â ê ô ơ ư are vowels 1, 2, 4, 7, 8, 10.
    let modified = matches!(vowel, 1 | 2 | 4 | 7 | 8 | 10);
    (modified, tone != 0)
}

/// The class of one code point, from Unicode properties.
pub(crate) fn compute(c: char) -> u8 {
    match syllable::classify(c) {
        Letter::Vowel { vowel, tone, upper } => {
            return vowel as u8 * 12 + tone as u8 * 2 + u8::from(upper);
        }
        Letter::Consonant { c: b'D' } => return D_STROKE,
        Letter::Consonant { .. } => return CONSONANT,
        Letter::Other => {}
    }
    if space::is_unicode_space(c) {
        return SPACE;
    }
    if space::is_ignorable(c) {
        return IGNORABLE;
    }
    if space::lookalike(c).is_some() {
        return LOOKALIKE;
    }
    if matches!(c, '\u{300}'..='\u{36F}') {
        return MARK_LATIN;
    }
    if is_combining_mark(c) {
        return MARK;
    }
    let stable = is_nfc_quick(core::iter::once(c)) == IsNormalized::Yes;
    match (c.is_alphabetic(), stable) {
        (true, true) => LETTER,
        (false, true) => OTHER,
        (true, false) => UNSTABLE_LETTER,
        (false, false) => UNSTABLE,
    }
}

/// The number of code points in the Basic Multilingual Plane.
pub(crate) const BMP_LEN: usize = 0x10000;

/// Runs of the BMP whose every code point has one class, filled without
/// asking Unicode's tables for each (the look-ups of `is_alphabetic` and
/// the NFC quick check are most of the cost of building the table, and
/// these runs are two thirds of it): Canadian syllabics, CJK ideographs,
/// Yi and Hangul syllables are NFC-stable letters; arrows, technical and
/// mathematical symbols (up to U+2ADB: U+2ADC has a decomposition) are
/// stable non-letters; surrogates are no characters; private use is
/// nothing special. `uniform_runs_have_one_class` checks each against
/// [`compute`] (a Unicode update that breaks one fails there).
const UNIFORM: [(u32, u32, u8); 7] = [
    (0x1401, 0x166C, LETTER),
    (0x24EA, 0x2ADB, OTHER),
    (0x3400, 0x4DBF, LETTER),
    (0x4E00, 0xA48C, LETTER),
    (0xAC00, 0xD7A3, LETTER),
    (0xD800, 0xDFFF, OTHER),
    (0xE000, 0xF8FF, OTHER),
];

/// The class table of the BMP: [`UNIFORM`] runs filled, the rest computed.
fn build_bmp() -> Box<[u8; BMP_LEN]> {
    let mut t = Box::new([OTHER; BMP_LEN]);
    let computed = |u: u32| char::from_u32(u).map_or(OTHER, compute);
    // The runs are in order: compute up to each, fill it, go on after it.
    let mut next = 0u32;
    for (lo, hi, class) in UNIFORM {
        for u in next..lo {
            if let Some(k) = t.get_mut(u as usize) {
                *k = computed(u);
            }
        }
        if let Some(run) = t.get_mut(lo as usize..=hi as usize) {
            run.fill(class);
        }
        next = hi + 1;
    }
    for u in next..BMP_LEN as u32 {
        if let Some(k) = t.get_mut(u as usize) {
            *k = computed(u);
        }
    }
    t
}

static BMP: Lazy<Box<[u8; BMP_LEN]>> = Lazy::new(build_bmp);

/// The class table for U+0000–U+FFFF (surrogates are `OTHER`).
pub(crate) fn bmp() -> &'static [u8] {
    &BMP[..]
}

/// The same table with its length in its type, so that a lookup by a
/// 16-bit index needs no bounds check.
pub(crate) fn bmp_array() -> &'static [u8; BMP_LEN] {
    &BMP
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&BMP);
    // And the scanner's table, built from this one.
    super::scan::warm();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_typical_characters() {
        let t = bmp();
        let class = |c: char| t[c as usize];
        assert_eq!(class('b'), CONSONANT);
        assert!(class('a') < VOWELS);
        assert_eq!(vowel_flags(class('ệ')), (true, true));
        assert_eq!(vowel_flags(class('à')), (false, true));
        assert_eq!(vowel_flags(class('ư')), (true, false));
        assert_eq!(class('đ'), D_STROKE);
        assert_eq!(class('1'), OTHER);
        assert_eq!(class('“'), OTHER);
        assert_eq!(class('\u{a0}'), SPACE);
        assert_eq!(class('\u{200b}'), IGNORABLE);
        assert_eq!(class('Ð'), LOOKALIKE);
        assert_eq!(class('\u{301}'), MARK_LATIN);
        assert_eq!(class('\u{34f}'), IGNORABLE);
        assert_eq!(class('\u{94d}'), MARK);
        assert_eq!(class('ü'), LETTER);
        assert_eq!(class('\u{2126}'), UNSTABLE_LETTER);
        assert_eq!(class('\u{2000}'), SPACE);
        assert_eq!(compute('😀'), OTHER);
    }

    #[test]
    fn uniform_runs_have_one_class() {
        assert!(UNIFORM.windows(2).all(|w| w[0].1 < w[1].0), "in order");
        for (lo, hi, class) in UNIFORM {
            for u in lo..=hi {
                let computed = char::from_u32(u).map_or(OTHER, compute);
                assert_eq!(computed, class, "U+{u:04X}");
            }
        }
        // And the table is the computed class of every code point.
        let t = bmp();
        for (u, &k) in (0u32..).zip(t.iter()) {
            assert_eq!(k, char::from_u32(u).map_or(OTHER, compute), "U+{u:04X}");
        }
    }

    #[test]
    fn every_vowel_code_round_trips() {
        for c in ['a', 'Ặ', 'ỹ', 'Ư', 'ờ'] {
            let code = compute(c);
            assert!(code < VOWELS);
            match syllable::classify(c) {
                Letter::Vowel { vowel, tone, upper } => {
                    assert_eq!(code, vowel as u8 * 12 + tone as u8 * 2 + u8::from(upper));
                }
                other => panic!("{c} is {other:?}"),
            }
        }
    }
}
