//! Normalization: one canonical spelling of Vietnamese text, with an offset
//! map back to the caller's original.
//!
//! | piece | file |
//! |---|---|
//! | [`Normalizer`], its options, [`Normalized`], the one-pass scanner | `mod.rs` |
//! | [`OffsetMap`](crate::OffsetMap): output ranges → original ranges | `offsets.rs` |
//! | the syllable model (onset, vowels, coda, tone) | `syllable.rs` |
//! | [`ToneStyle`] and the rewrite of one syllable | `tone.rs` |
//! | spaces, invisible characters, look-alikes | `space.rs` |
//! | the search key (`Đảng bộ` → `dang bo`) | `key.rs` |
//!
//! # How it works
//! One pass over the text cuts it into *segments*: words (letters with their
//! combining marks), runs of spaces, and other characters with their marks.
//! A segment that is already canonical is never copied, and costs little:
//! ASCII letters, digits and punctuation are passed over sixty-four bytes at
//! a time, and every other character costs a lookup by its bytes (a toned
//! vowel, a look at its neighbours' bytes too). Only a segment that needs
//! work (a decomposed letter,
//! a tone on the wrong vowel, a no-break space, a zero-width space, an `Ð`)
//! is rewritten, and each rewrite is one [`Edit`](crate::Edit) in the offset
//! map. Text that needs nothing comes back borrowed.

pub(crate) mod class;
mod compose;
pub(crate) mod key;
pub(crate) mod offsets;
mod scan;
pub(crate) mod space;
pub(crate) mod syllable;
pub(crate) mod tone;

use crate::{OffsetMap, Span};
use offsets::OffsetMapBuilder;
use std::borrow::Cow;
pub use tone::ToneStyle;
use unicode_normalization::char::is_combining_mark;

/// What happens to spaces other than U+0020.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Spaces {
    /// Leave every space character as it is.
    Keep,
    /// No-break, thin, ideographic and other space characters become U+0020;
    /// tabs and runs are kept.
    #[default]
    Ascii,
    /// As `Ascii`, and every run of spaces and tabs becomes one U+0020
    /// (line breaks are kept).
    Collapse,
}

/// What happens to letters that look like Vietnamese ones but are not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lookalikes {
    /// Leave them.
    Keep,
    /// `Ð` (U+00D0, Icelandic eth) → `Đ` (U+0110), `ð` → `đ`.
    #[default]
    Fold,
}

/// What happens to invisible (default-ignorable) characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Ignorables {
    /// Leave them.
    Keep,
    /// Remove zero-width spaces and joiners, soft hyphens, a BOM inside the
    /// text, variation selectors and bidi controls (bidi controls are also
    /// reported as [`NoteKind::BidiControl`]).
    #[default]
    Remove,
}

/// Normalizes Vietnamese text: NFC, one tone placement, canonical spaces.
///
/// Build it once and reuse it; it holds only its options.
///
/// ```
/// use vietfacts::Normalizer;
/// let n = Normalizer::new();
/// // NFD input, an old-style tone, a no-break space and an eth:
/// let out = n.normalize("Vie\u{323}\u{302}t Nam\u{a0}hoà bình, ÐBSCL");
/// assert_eq!(out.as_str(), "Việt Nam hòa bình, ĐBSCL");
/// // Text that is already canonical is borrowed, not copied.
/// assert!(n.normalize("Năm 2017, xã Dương Quang").is_borrowed());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Normalizer {
    tone: ToneStyle,
    spaces: Spaces,
    lookalikes: Lookalikes,
    ignorables: Ignorables,
}

/// Options for a [`Normalizer`].
#[derive(Clone, Copy, Debug, Default)]
pub struct NormalizerBuilder {
    n: Normalizer,
}

impl NormalizerBuilder {
    /// Tone placement (default [`ToneStyle::Traditional`]).
    pub fn tone(mut self, tone: ToneStyle) -> Self {
        self.n.tone = tone;
        self
    }

    /// Space handling (default [`Spaces::Ascii`]).
    pub fn spaces(mut self, spaces: Spaces) -> Self {
        self.n.spaces = spaces;
        self
    }

    /// Look-alike letters (default [`Lookalikes::Fold`]).
    pub fn lookalikes(mut self, lookalikes: Lookalikes) -> Self {
        self.n.lookalikes = lookalikes;
        self
    }

    /// Invisible characters (default [`Ignorables::Remove`]).
    pub fn ignorables(mut self, ignorables: Ignorables) -> Self {
        self.n.ignorables = ignorables;
        self
    }

    /// The normalizer.
    pub fn build(self) -> Normalizer {
        self.n
    }
}

/// Something worth knowing that normalization found and did not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    /// Where, in the original text.
    pub span: Span,
    /// What.
    pub kind: NoteKind,
}

/// The kinds of [`Note`]. New kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoteKind {
    /// A syllable with two tone marks (`hòá`): left as it is, since choosing
    /// one would be a guess.
    TwoTones,
    /// Combining marks that do not compose with their letter (a second tone
    /// on one vowel, `á` + U+0300): kept.
    StackedMarks,
    /// A bidirectional formatting control (removed with [`Ignorables::Remove`]).
    BidiControl,
}

/// The result of normalizing: the text, the map back to the original, and
/// notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    offsets: OffsetMap,
    notes: Vec<Note>,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the input when nothing changed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// `true` when the input was already normal and nothing was copied.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The map from normalized ranges to original ranges.
    pub fn offsets(&self) -> &OffsetMap {
        &self.offsets
    }

    /// The range of the original text that a range of the normalized text
    /// came from. Shorthand for `self.offsets().to_original(span)`.
    pub fn to_original(&self, span: impl Into<Span>) -> Span {
        self.offsets.to_original(span)
    }

    /// What normalization noticed and left alone (two tones on a syllable,
    /// stacked marks, bidi controls), in text order.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }
}

impl AsRef<str> for Normalized<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl core::fmt::Display for Normalized<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalizes `text` with the default options.
///
/// ```
/// assert_eq!(vietfacts::normalize("Thuỷ lợi").as_str(), "Thủy lợi");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalizer::new().normalize(text)
}

impl Normalizer {
    /// The default normalizer: NFC, traditional tones, ASCII spaces,
    /// `Ð` → `Đ`, invisible characters removed.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Options.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The tone style in use.
    pub fn tone_style(&self) -> ToneStyle {
        self.tone
    }

    /// Normalizes `text`.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        scan::Scanner::new(self, text).run()
    }

    /// The search key of `text`: lowercase, tone marks and other diacritics
    /// removed, `đ` → `d`, with the spaces and invisible characters treated as
    /// by [`Normalizer::normalize`], and an offset map back to the original.
    ///
    /// ```
    /// use vietfacts::Normalizer;
    /// let n = Normalizer::new();
    /// assert_eq!(n.key("Đảng bộ xã Dương Quang").as_str(), "dang bo xa duong quang");
    /// // Both tone styles, NFD and NFC give the same key.
    /// assert_eq!(n.key("hoà").as_str(), n.key("ho\u{300}a").as_str());
    /// ```
    pub fn key<'a>(&self, text: &'a str) -> Normalized<'a> {
        key::key(self, text)
    }
}

/// Writes the output lazily: nothing is allocated until the first edit.
pub(crate) struct Writer<'a> {
    src: &'a str,
    buf: Option<String>,
    copied: usize,
    map: OffsetMapBuilder,
    /// Merge adjacent edits (a word whose every letter changed, in the key).
    merge: bool,
}

impl<'a> Writer<'a> {
    /// A writer whose every replacement stays its own edit (a word, a space).
    pub(crate) fn new(src: &'a str) -> Writer<'a> {
        Writer {
            src,
            buf: None,
            copied: 0,
            map: OffsetMapBuilder::new(),
            merge: false,
        }
    }

    /// A writer that merges adjacent per-character replacements into one
    /// edit, except across separators.
    pub(crate) fn merging(src: &'a str) -> Writer<'a> {
        Writer {
            merge: true,
            ..Writer::new(src)
        }
    }

    /// Replaces `start..end` of the source (at or after everything replaced
    /// so far, on char boundaries) with `with`.
    pub(crate) fn replace(&mut self, start: usize, end: usize, with: &str) {
        let src = self.src;
        let buf = self
            .buf
            .get_or_insert_with(|| String::with_capacity(src.len() + 16));
        buf.push_str(src.get(self.copied..start).unwrap_or_default());
        let out_start = buf.len();
        buf.push_str(with);
        let (original, output) = (Span::new(start, end), Span::new(out_start, buf.len()));
        if self.merge
            && !with
                .chars()
                .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
        {
            self.map.push(original, output);
        } else {
            self.map.push_separate(original, output);
        }
        self.copied = end;
    }

    pub(crate) fn finish(self) -> (Cow<'a, str>, OffsetMap) {
        let len = self.src.len();
        match self.buf {
            None => (Cow::Borrowed(self.src), OffsetMap::identity(len)),
            Some(mut buf) => {
                buf.push_str(self.src.get(self.copied..).unwrap_or_default());
                let out_len = buf.len();
                (Cow::Owned(buf), self.map.finish(len, out_len))
            }
        }
    }
}

/// A Latin combining diacritic left after composition, on a letter.
pub(crate) fn has_stacked_marks(word: &str) -> bool {
    // U+0300..=U+036F are CC 80..=CD AF in UTF-8.
    if !word.bytes().any(|b| b == 0xCC || b == 0xCD) {
        return false;
    }
    let mut prev_letter = false;
    for c in word.chars() {
        if matches!(c, '\u{300}'..='\u{36F}') && prev_letter {
            return true;
        }
        if !is_combining_mark(c) {
            prev_letter = c.is_alphabetic();
        }
    }
    false
}

#[cfg(test)]
mod tests;
