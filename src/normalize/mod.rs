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
//! A segment that is already canonical costs one table lookup per character
//! and is never copied. Only a segment that needs work (a decomposed letter,
//! a tone on the wrong vowel, a no-break space, a zero-width space, an `Ð`)
//! is rewritten, and each rewrite is one [`Edit`](crate::Edit) in the offset
//! map. Text that needs nothing comes back borrowed.

pub(crate) mod key;
pub(crate) mod offsets;
pub(crate) mod space;
pub(crate) mod syllable;
pub(crate) mod tone;

use crate::{OffsetMap, Span};
use offsets::OffsetMapBuilder;
use std::borrow::Cow;
use syllable::{Letter, MAX_LETTERS, Tone};
use tone::Placement;
pub use tone::ToneStyle;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
        let mut scan = Scanner::new(self, text);
        for (i, c) in text.char_indices() {
            scan.step(i, c);
        }
        scan.finish()
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
}

impl<'a> Writer<'a> {
    pub(crate) fn new(src: &'a str) -> Writer<'a> {
        Writer {
            src,
            buf: None,
            copied: 0,
            map: OffsetMapBuilder::new(),
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
        self.map
            .push(Span::new(start, end), Span::new(out_start, buf.len()));
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seg {
    /// Before the first character.
    None,
    /// Letters and their marks.
    Word,
    /// A run of spaces (only with `Spaces::Ascii`/`Collapse`).
    Spaces,
    /// Any other character with its marks.
    Other,
}

const NONE: u8 = u8::MAX;

/// The one-pass scanner behind [`Normalizer::normalize`].
struct Scanner<'a, 'n> {
    opts: &'n Normalizer,
    src: &'a str,
    out: Writer<'a>,
    notes: Vec<Note>,
    seg: Seg,
    start: usize,
    /// The segment needs rewriting beyond tone placement.
    rewrite: bool,
    /// The rewrite must compose (NFC).
    nfc: bool,
    /// Combining class of the previous mark (0 after a starter).
    last_cc: u8,
    // Words.
    letters: u8,
    vowels: u8,
    toned: u8,
    tone_pos: u8,
    last_modified: u8,
    /// Every letter so far is a Vietnamese letter.
    vietnamese: bool,
    // Space runs.
    space_count: usize,
}

/// What one character is, for the scanner.
enum Class {
    Letter(Letter),
    /// A letter that is not Vietnamese; `dirty` when it needs NFC or folding.
    Foreign { dirty: bool, nfc: bool },
    Mark,
    Ignorable,
    Space,
    Other { nfc: bool },
}

impl<'a, 'n> Scanner<'a, 'n> {
    fn new(opts: &'n Normalizer, src: &'a str) -> Self {
        Scanner {
            opts,
            src,
            out: Writer::new(src),
            notes: Vec::new(),
            seg: Seg::None,
            start: 0,
            rewrite: false,
            nfc: false,
            last_cc: 0,
            letters: 0,
            vowels: 0,
            toned: 0,
            tone_pos: NONE,
            last_modified: NONE,
            vietnamese: true,
            space_count: 0,
        }
    }

    fn classify(&self, c: char) -> Class {
        let u = c as u32;
        if u < 0x80 {
            return match c {
                'a'..='z' | 'A'..='Z' => Class::Letter(syllable::classify(c)),
                ' ' | '\t' if self.opts.spaces != Spaces::Keep => Class::Space,
                _ => Class::Other { nfc: false },
            };
        }
        let letter = syllable::classify(c);
        if letter != Letter::Other {
            return Class::Letter(letter);
        }
        if space::is_unicode_space(c) && self.opts.spaces != Spaces::Keep {
            return Class::Space;
        }
        if space::is_ignorable(c) && self.opts.ignorables == Ignorables::Remove {
            return Class::Ignorable;
        }
        if space::lookalike(c).is_some() && self.opts.lookalikes == Lookalikes::Fold {
            return Class::Letter(Letter::Consonant { c: b'D' });
        }
        match u {
            0x80..=0x24F | 0x1E00..=0x1EFF => {
                if c.is_alphabetic() {
                    Class::Foreign {
                        dirty: false,
                        nfc: false,
                    }
                } else {
                    Class::Other { nfc: false }
                }
            }
            0x300..=0x36F => Class::Mark,
            0x2010..=0x205E => Class::Other { nfc: false },
            _ if is_combining_mark(c) => Class::Mark,
            _ => {
                let nfc = is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes;
                if c.is_alphabetic() {
                    Class::Foreign { dirty: nfc, nfc }
                } else {
                    Class::Other { nfc }
                }
            }
        }
    }

    /// Ends the current segment at `end` and starts a `seg` at `end`.
    fn begin(&mut self, seg: Seg, end: usize) {
        self.flush(end);
        self.seg = seg;
        self.start = end;
        self.rewrite = false;
        self.nfc = false;
        self.last_cc = 0;
        if seg == Seg::Word {
            self.letters = 0;
            self.vowels = 0;
            self.toned = 0;
            self.tone_pos = NONE;
            self.last_modified = NONE;
            self.vietnamese = true;
        } else if seg == Seg::Spaces {
            self.space_count = 0;
        }
    }

    #[inline]
    fn step(&mut self, i: usize, c: char) {
        match self.classify(c) {
            Class::Letter(l) => {
                if self.seg != Seg::Word {
                    self.begin(Seg::Word, i);
                }
                self.last_cc = 0;
                if space::lookalike(c).is_some() {
                    self.rewrite = true;
                }
                let k = self.letters;
                self.letters = self.letters.saturating_add(1);
                if let Letter::Vowel { vowel, tone, .. } = l {
                    self.vowels = self.vowels.saturating_add(1);
                    if vowel.is_modified() {
                        self.last_modified = k;
                    }
                    if tone != Tone::Level {
                        self.toned = self.toned.saturating_add(1);
                        self.tone_pos = k;
                    }
                }
            }
            Class::Foreign { dirty, nfc } => {
                if self.seg != Seg::Word {
                    self.begin(Seg::Word, i);
                }
                self.last_cc = 0;
                self.letters = self.letters.saturating_add(1);
                self.vietnamese = false;
                self.rewrite |= dirty;
                self.nfc |= nfc;
            }
            Class::Mark => {
                if matches!(self.seg, Seg::None | Seg::Spaces) {
                    self.begin(Seg::Other, i);
                }
                let cc = canonical_combining_class(c);
                let unsafe_mark = matches!(c, '\u{300}'..='\u{36F}')
                    || (cc != 0 && cc < self.last_cc)
                    || is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes;
                if unsafe_mark {
                    self.rewrite = true;
                    self.nfc = true;
                }
                self.last_cc = cc;
            }
            Class::Ignorable => {
                if self.seg == Seg::None {
                    self.begin(Seg::Other, i);
                }
                self.rewrite = true;
                if space::is_bidi_control(c) {
                    self.notes.push(Note {
                        span: Span::new(i, i + c.len_utf8()),
                        kind: NoteKind::BidiControl,
                    });
                }
            }
            Class::Space => {
                if self.seg != Seg::Spaces {
                    self.begin(Seg::Spaces, i);
                }
                self.space_count += 1;
                if c != ' ' || (self.opts.spaces == Spaces::Collapse && self.space_count > 1) {
                    // A tab is kept by `Ascii`; it only dirties a `Collapse` run.
                    if c != '\t' || self.opts.spaces == Spaces::Collapse {
                        self.rewrite = true;
                    }
                }
            }
            Class::Other { nfc } => {
                if self.seg != Seg::Other || self.rewrite || self.nfc || nfc {
                    self.begin(Seg::Other, i);
                } else {
                    // A clean "other" segment needs no flush: just move on.
                    self.start = i;
                    self.last_cc = 0;
                }
                if nfc {
                    self.rewrite = true;
                    self.nfc = true;
                }
            }
        }
    }

    /// Does the current word need tone work?
    fn word_needs_tone(&self) -> bool {
        self.opts.tone != ToneStyle::Preserve
            && self.vietnamese
            && usize::from(self.letters) <= MAX_LETTERS
            && (self.toned >= 2
                || (self.toned == 1 && self.vowels >= 2 && self.tone_pos != self.last_modified))
    }

    fn flush(&mut self, end: usize) {
        let start = self.start;
        let Some(slice) = self.src.get(start..end) else {
            return;
        };
        match self.seg {
            Seg::None => {}
            Seg::Word => {
                if self.rewrite {
                    let cleaned = self.clean(slice);
                    let mut placed = String::new();
                    let final_text = match self.placement(&cleaned, start, end) {
                        Placement::Move { from, to } => {
                            tone::apply(&cleaned, from, to, &mut placed);
                            placed.as_str()
                        }
                        _ => cleaned.as_str(),
                    };
                    if self.nfc && has_stacked_marks(final_text) {
                        self.notes.push(Note {
                            span: Span::new(start, end),
                            kind: NoteKind::StackedMarks,
                        });
                    }
                    if final_text != slice {
                        self.out.replace(start, end, final_text);
                    }
                } else if self.word_needs_tone() {
                    if let Placement::Move { from, to } = self.placement(slice, start, end) {
                        let mut placed = String::with_capacity(slice.len() + 2);
                        tone::apply(slice, from, to, &mut placed);
                        if placed != slice {
                            self.out.replace(start, end, &placed);
                        }
                    }
                }
            }
            Seg::Spaces => {
                if self.rewrite {
                    let with: Cow<'_, str> = if self.opts.spaces == Spaces::Collapse {
                        Cow::Borrowed(" ")
                    } else {
                        Cow::Owned(
                            slice
                                .chars()
                                .filter(|c| !space::is_ignorable(*c))
                                .map(|c| if space::is_unicode_space(c) { ' ' } else { c })
                                .collect(),
                        )
                    };
                    if with != slice {
                        self.out.replace(start, end, &with);
                    }
                }
            }
            Seg::Other => {
                if self.rewrite {
                    let cleaned = self.clean(slice);
                    if cleaned != slice {
                        self.out.replace(start, end, &cleaned);
                    }
                }
            }
        }
    }

    /// Tone placement for a word, noting two-tone syllables.
    fn placement(&mut self, word: &str, start: usize, end: usize) -> Placement {
        let p = tone::place(word, self.opts.tone);
        if p == Placement::TwoTones {
            self.notes.push(Note {
                span: Span::new(start, end),
                kind: NoteKind::TwoTones,
            });
        }
        p
    }

    /// Removes ignorables, folds look-alikes and composes, as the options say.
    fn clean(&self, slice: &str) -> String {
        let remove = self.opts.ignorables == Ignorables::Remove;
        let fold = self.opts.lookalikes == Lookalikes::Fold;
        let chars = slice.chars().filter_map(|c| {
            if remove && space::is_ignorable(c) {
                None
            } else if fold {
                Some(space::lookalike(c).unwrap_or(c))
            } else {
                Some(c)
            }
        });
        if self.nfc {
            chars.nfc().collect()
        } else {
            chars.collect()
        }
    }

    fn finish(mut self) -> Normalized<'a> {
        self.flush(self.src.len());
        let (text, offsets) = self.out.finish();
        Normalized {
            text,
            offsets,
            notes: self.notes,
        }
    }
}

/// A Latin combining diacritic left after composition, on a letter.
fn has_stacked_marks(word: &str) -> bool {
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
