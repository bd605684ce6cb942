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
//! The table covers the Basic Multilingual Plane (64 KiB, filled once on
//! first use from its 1,246 runs, generated from Unicode properties by
//! [`compute`] into `class/runs.rs`); supplementary-plane characters are
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

/// The class table of the BMP, filled from its runs ([`RUNS`], generated
/// from [`compute`]): computing the classes at start-up asked Unicode's
/// tables (`is_alphabetic`, the NFC quick check) for 20,000 code points,
/// 12 million instructions, most of an extractor's construction.
fn build_bmp() -> Box<[u8; BMP_LEN]> {
    let mut t = Box::new([OTHER; BMP_LEN]);
    let ends = RUNS.iter().skip(1).map(|&(start, _)| usize::from(start));
    for (&(start, class), end) in RUNS.iter().zip(ends.chain([BMP_LEN])) {
        if let Some(run) = t.get_mut(usize::from(start)..end) {
            run.fill(class);
        }
    }
    t
}

/// The runs of [`BMP`]: each code point from a run's start to the next
/// run's start has the run's class. Written by
/// `runs_file_is_generated_from_compute` (see there to regenerate it after
/// a Unicode update).
mod runs;
use runs::RUNS;

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

    /// The runs file is the computed class of every code point of the
    /// BMP, as runs. With `VIETFACTS_WRITE_TABLES=1` the test writes the
    /// file instead (after a change to [`compute`] or a Unicode update):
    /// `VIETFACTS_WRITE_TABLES=1 cargo test --lib runs_file_is_generated`.
    #[test]
    fn runs_file_is_generated_from_compute() {
        let computed: Vec<u8> = (0..BMP_LEN as u32)
            .map(|u| char::from_u32(u).map_or(OTHER, compute))
            .collect();
        let mut runs: Vec<(usize, u8)> = Vec::new();
        for (u, &k) in computed.iter().enumerate() {
            if runs.last().is_none_or(|&(_, last)| last != k) {
                runs.push((u, k));
            }
        }
        if std::env::var_os("VIETFACTS_WRITE_TABLES").is_some() {
            let mut out = String::from(
                "//! Generated by `class::tests::runs_file_is_generated_from_compute`\n\
                 //! (`VIETFACTS_WRITE_TABLES=1 cargo test --lib runs_file_is_generated`):\n\
                 //! do not edit.\n\n\
                 /// (first code point, class) of each run of the BMP's class table.\n\
                 #[rustfmt::skip]\n",
            );
            out += &format!("pub(super) const RUNS: [(u16, u8); {}] = [\n", runs.len());
            for line in runs.chunks(6) {
                let items: Vec<String> = line
                    .iter()
                    .map(|(u, k)| format!("(0x{u:04X}, {k})"))
                    .collect();
                out += &format!("    {},\n", items.join(", "));
            }
            out += "];\n";
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/class/runs.rs");
            std::fs::write(path, out).expect("write the runs file");
        }
        let listed: Vec<(usize, u8)> = RUNS.iter().map(|&(u, k)| (usize::from(u), k)).collect();
        assert_eq!(listed, runs, "regenerate src/normalize/class/runs.rs");
        // And the table built from them.
        let t = bmp();
        for (u, (&k, &want)) in t.iter().zip(&computed).enumerate() {
            assert_eq!(k, want, "U+{u:04X}");
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
