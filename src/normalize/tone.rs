//! Tone-mark placement: [`ToneStyle`] and the rewrite of one syllable.
//!
//! Vietnamese has two accepted ways to place the tone mark in open syllables
//! with the clusters `oa`, `oe` and `uy`:
//!
//! | style | examples | who uses it |
//! |---|---|---|
//! | [`ToneStyle::Traditional`] | hòa, khỏe, thủy, hủy | most of the press; the default |
//! | [`ToneStyle::Modern`] | hoà, khoẻ, thuỷ, huỷ | the 1980 Ministry of Education rule, many typists |
//!
//! Everywhere else both styles agree (hoàn, quý, giữ, người, thuế), and a
//! mark on a vowel that no style allows is moved in both: `hòan` → `hoàn`,
//! `qúy` → `quý`, `nghịêm` → `nghiệm`, `gìa` → `già`. The decision comes from
//! the syllable model ([`super::syllable`]), never from a word list; a word
//! that is not a Vietnamese syllable is left as it is.

use super::syllable::{self, Letter, MAX_LETTERS, NotSyllable};
use crate::Error;
use core::fmt;
use core::str::FromStr;

/// Where the tone mark goes in `oa`, `oe`, `uy` open syllables.
///
/// ```
/// use vietfacts::{Normalizer, ToneStyle};
/// let modern = Normalizer::builder().tone(ToneStyle::Modern).build();
/// assert_eq!(modern.normalize("hòa bình, thủy lợi").as_str(), "hoà bình, thuỷ lợi");
/// let traditional = Normalizer::new();
/// assert_eq!(traditional.normalize("hoà bình, thuỷ lợi").as_str(), "hòa bình, thủy lợi");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ToneStyle {
    /// hòa, khỏe, thủy — the mark on the first vowel of open `oa`/`oe`/`uy`.
    #[default]
    Traditional,
    /// hoà, khoẻ, thuỷ — the mark on the second vowel.
    Modern,
    /// Leave every tone mark where it is.
    Preserve,
}

impl ToneStyle {
    /// The style's name, as accepted by `FromStr`.
    pub fn name(self) -> &'static str {
        match self {
            ToneStyle::Traditional => "traditional",
            ToneStyle::Modern => "modern",
            ToneStyle::Preserve => "preserve",
        }
    }
}

impl fmt::Display for ToneStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ToneStyle {
    type Err = Error;

    /// `traditional` (also `old`), `modern` (also `new`), `preserve`.
    fn from_str(s: &str) -> Result<ToneStyle, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "traditional" | "old" => Ok(ToneStyle::Traditional),
            "modern" | "new" => Ok(ToneStyle::Modern),
            "preserve" | "keep" => Ok(ToneStyle::Preserve),
            _ => Err(Error::unknown_name(
                "tone style",
                s,
                "traditional, modern, preserve",
            )),
        }
    }
}

/// What tone placement decides for one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The word is fine as it is (or is not Vietnamese).
    Keep,
    /// Move the tone from letter `from` to letter `to`.
    Move { from: usize, to: usize },
    /// Two vowels carry tone marks: reported, left alone.
    TwoTones,
}

/// Decides where the tone of `word` (NFC) belongs under `style`.
pub(crate) fn place(word: &str, style: ToneStyle) -> Placement {
    if style == ToneStyle::Preserve {
        return Placement::Keep;
    }
    let mut letters = [Letter::Other; MAX_LETTERS];
    let (mut n, mut vowels, mut toned) = (0, 0, 0);
    for c in word.chars() {
        let Some(slot) = letters.get_mut(n) else {
            return Placement::Keep;
        };
        *slot = syllable::classify(c);
        if let Letter::Vowel { tone, .. } = *slot {
            vowels += 1;
            toned += usize::from(tone != syllable::Tone::Level);
        }
        n += 1;
    }
    // Nothing to move: no tone, or one vowel to carry it.
    if toned == 0 || (toned == 1 && vowels < 2) {
        return Placement::Keep;
    }
    match syllable::parse(letters.get(..n).unwrap_or_default()) {
        Ok(s) => {
            let target = match style {
                ToneStyle::Modern => s.modern_at,
                _ => s.traditional_at,
            };
            match s.tone_at {
                Some(from) if from != target => Placement::Move { from, to: target },
                _ => Placement::Keep,
            }
        }
        Err(NotSyllable::TwoTones) => Placement::TwoTones,
        Err(NotSyllable::Shape) => Placement::Keep,
    }
}

/// Rewrites `word` with its tone moved from letter `from` to letter `to`.
pub(crate) fn apply(word: &str, from: usize, to: usize, out: &mut String) {
    let tone = match word.chars().nth(from).map(syllable::classify) {
        Some(Letter::Vowel { tone, .. }) => tone,
        _ => {
            out.push_str(word);
            return;
        }
    };
    for (i, c) in word.chars().enumerate() {
        match syllable::classify(c) {
            Letter::Vowel { vowel, upper, .. } if i == from => {
                out.push(syllable::compose(vowel, syllable::Tone::Level, upper));
            }
            Letter::Vowel { vowel, upper, .. } if i == to => {
                out.push(syllable::compose(vowel, tone, upper));
            }
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(word: &str, style: ToneStyle) -> String {
        match place(word, style) {
            Placement::Move { from, to } => {
                let mut s = String::new();
                apply(word, from, to, &mut s);
                s
            }
            _ => word.to_string(),
        }
    }

    #[test]
    fn misplaced_marks_move_in_both_styles() {
        for style in [ToneStyle::Traditional, ToneStyle::Modern] {
            assert_eq!(fix("hòan", style), "hoàn");
            assert_eq!(fix("qúy", style), "quý");
            assert_eq!(fix("nghịêm", style), "nghiệm");
            assert_eq!(fix("gìa", style), "già");
            assert_eq!(fix("ngươì", style), "người");
            assert_eq!(fix("Qúôc", style), "Quốc");
        }
    }

    #[test]
    fn styles_disagree_only_on_open_oa_oe_uy() {
        assert_eq!(fix("hoà", ToneStyle::Traditional), "hòa");
        assert_eq!(fix("hòa", ToneStyle::Modern), "hoà");
        assert_eq!(fix("KHOẺ", ToneStyle::Traditional), "KHỎE");
        assert_eq!(fix("thủy", ToneStyle::Modern), "thuỷ");
        assert_eq!(fix("hoàng", ToneStyle::Modern), "hoàng");
        assert_eq!(fix("quý", ToneStyle::Modern), "quý");
    }

    #[test]
    fn preserve_changes_nothing() {
        assert_eq!(fix("hòan", ToneStyle::Preserve), "hòan");
    }

    #[test]
    fn not_vietnamese_is_left_alone() {
        assert_eq!(fix("Hoàiiii", ToneStyle::Modern), "Hoàiiii");
        assert_eq!(place("Zoë", ToneStyle::Traditional), Placement::Keep);
    }

    #[test]
    fn names_parse() {
        assert_eq!("Modern".parse::<ToneStyle>(), Ok(ToneStyle::Modern));
        assert!("sideways".parse::<ToneStyle>().is_err());
    }
}
