//! [`OffsetMap`]: trace byte ranges of a transformed text back to the original.
//!
//! A transformation (decoding, normalization, key folding) copies most of its
//! input unchanged and rewrites a few stretches. The map stores only the
//! rewritten stretches ([`Edit`]s), sorted, so memory is proportional to the
//! number of changes and a lookup is a binary search. Between edits the two
//! texts differ by a constant offset.
//!
//! Mapping rules (the same both ways):
//! - a range start that falls inside an edit moves to the start of the edit's
//!   other side, a range end inside an edit moves to its end — so a mapped
//!   range always covers whole edits and lands on char boundaries;
//! - a deletion (an edit with an empty output side, such as a removed
//!   zero-width space) is left *out* of a range that merely touches it.
//!
//! This follows lindera's `OffsetMapping`, at the granularity of edits rather
//! than of bytes.

use crate::Span;

/// One rewritten stretch: `original` bytes became `output` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The range in the original text.
    pub original: Span,
    /// The range in the transformed text.
    pub output: Span,
}

/// Maps ranges of a transformed text ("output") to the original and back.
///
/// ```
/// use vietfacts::{Normalizer, Span};
/// // "Việt" in NFD (e + combining dot below + combining circumflex).
/// let original = "Vie\u{323}\u{302}t Nam 2017";
/// let n = Normalizer::new().normalize(original);
/// assert_eq!(n.as_str(), "Việt Nam 2017");
/// // "2017" in the normalized text …
/// let year = Span::new(11, 15);
/// assert_eq!(&n.as_str()[year.range()], "2017");
/// // … is at bytes 14..18 of the original.
/// let back = n.offsets().to_original(year);
/// assert_eq!(&original[back.range()], "2017");
/// // A range inside a rewritten word widens to the whole rewritten word.
/// assert_eq!(&original[n.offsets().to_original(Span::new(1, 3)).range()], "Vie\u{323}\u{302}t");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
    original_len: usize,
    output_len: usize,
}

impl OffsetMap {
    /// The map of a text copied unchanged.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            edits: Vec::new(),
            original_len: len,
            output_len: len,
        }
    }

    /// `true` when no byte was rewritten.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty() && self.original_len == self.output_len
    }

    /// The rewritten stretches, in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Length of the transformed text in bytes.
    pub fn output_len(&self) -> usize {
        self.output_len
    }

    /// Maps a range of the transformed text to the range of the original it
    /// came from. Out-of-range input is clamped to the text.
    pub fn to_original(&self, span: impl Into<Span>) -> Span {
        let span = span.into();
        let s = span.start.min(self.output_len);
        let e = span.end.min(self.output_len).max(s);
        let start = map_start(&self.edits, s, |e| e.output, |e| e.original);
        let end = map_end(&self.edits, e, |e| e.output, |e| e.original);
        Span::new(start, end)
    }

    /// Maps a range of the original text to the range of the transformed text
    /// it became. Out-of-range input is clamped to the text.
    pub fn to_output(&self, span: impl Into<Span>) -> Span {
        let span = span.into();
        let s = span.start.min(self.original_len);
        let e = span.end.min(self.original_len).max(s);
        let start = map_start(&self.edits, s, |e| e.original, |e| e.output);
        let end = map_end(&self.edits, e, |e| e.original, |e| e.output);
        Span::new(start, end)
    }
}

/// Maps a range start from the `from` side to the `to` side.
fn map_start(edits: &[Edit], pos: usize, from: fn(&Edit) -> Span, to: fn(&Edit) -> Span) -> usize {
    // Last edit starting at or before `pos`.
    let idx = edits.partition_point(|e| from(e).start <= pos);
    match idx.checked_sub(1).and_then(|i| edits.get(i)) {
        None => pos,
        Some(e) => {
            let (f, t) = (from(e), to(e));
            if pos < f.end {
                t.start
            } else {
                pos - f.end + t.end
            }
        }
    }
}

/// Maps a range end from the `from` side to the `to` side.
fn map_end(edits: &[Edit], pos: usize, from: fn(&Edit) -> Span, to: fn(&Edit) -> Span) -> usize {
    // Last edit starting strictly before `pos`.
    let idx = edits.partition_point(|e| from(e).start < pos);
    match idx.checked_sub(1).and_then(|i| edits.get(i)) {
        None => pos,
        Some(e) => {
            let (f, t) = (from(e), to(e));
            if pos <= f.end {
                t.end
            } else {
                pos - f.end + t.end
            }
        }
    }
}

/// Builds an [`OffsetMap`] while a transformation writes its output.
///
/// Edits must be pushed in text order. Adjacent edits are merged (a word
/// whose letters all changed is one edit), except across an edit pushed with
/// [`OffsetMapBuilder::push_separate`], which keeps word boundaries exact.
#[derive(Debug, Default)]
pub(crate) struct OffsetMapBuilder {
    edits: Vec<Edit>,
    /// The last edit must not absorb the next one.
    sealed: bool,
}

impl OffsetMapBuilder {
    pub(crate) fn new() -> OffsetMapBuilder {
        OffsetMapBuilder {
            edits: Vec::new(),
            sealed: false,
        }
    }

    /// Records that `original` bytes were rewritten as `output` bytes.
    /// Identical-length ranges whose content happens to be equal are still
    /// recorded: callers only push what they changed.
    pub(crate) fn push(&mut self, original: Span, output: Span) {
        if let Some(last) = self.edits.last_mut() {
            if !self.sealed
                && last.original.end == original.start
                && last.output.end == output.start
            {
                last.original.end = original.end;
                last.output.end = output.end;
                return;
            }
        }
        self.sealed = false;
        self.edits.push(Edit { original, output });
    }

    /// As [`OffsetMapBuilder::push`], but the edit stays on its own: neither
    /// merged into the previous edit nor absorbing the next. For separators
    /// (spaces, punctuation) of a text whose every character changes length,
    /// such as UTF-16, so that words keep exact boundaries.
    pub(crate) fn push_separate(&mut self, original: Span, output: Span) {
        self.edits.push(Edit { original, output });
        self.sealed = true;
    }

    pub(crate) fn finish(self, original_len: usize, output_len: usize) -> OffsetMap {
        OffsetMap {
            edits: self.edits,
            original_len,
            output_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "ab<X>cd" where X (3 bytes) became "yy" (2 bytes), and a deleted byte.
    fn sample() -> OffsetMap {
        // original: a b X X X c Z d   (Z deleted)
        //           0 1 2 3 4 5 6 7   len 8
        // output:   a b y y c d       len 6
        let mut b = OffsetMapBuilder::new();
        b.push(Span::new(2, 5), Span::new(2, 4));
        b.push(Span::new(6, 7), Span::new(5, 5));
        b.finish(8, 6)
    }

    #[test]
    fn unchanged_prefix_maps_to_itself() {
        assert_eq!(sample().to_original(Span::new(0, 2)), Span::new(0, 2));
    }

    #[test]
    fn range_inside_an_edit_widens_to_the_whole_edit() {
        let m = sample();
        assert_eq!(m.to_original(Span::new(3, 4)), Span::new(2, 5));
        assert_eq!(m.to_original(Span::new(2, 3)), Span::new(2, 5));
    }

    #[test]
    fn text_after_an_edit_is_shifted() {
        let m = sample();
        // output "c" is 4..5, original "c" is 5..6
        assert_eq!(m.to_original(Span::new(4, 5)), Span::new(5, 6));
        // output "d" is 5..6, original "d" is 7..8: the deletion is skipped
        assert_eq!(m.to_original(Span::new(5, 6)), Span::new(7, 8));
    }

    #[test]
    fn a_range_across_a_deletion_includes_it() {
        let m = sample();
        assert_eq!(m.to_original(Span::new(4, 6)), Span::new(5, 8));
    }

    #[test]
    fn to_output_is_the_inverse_on_edit_boundaries() {
        let m = sample();
        assert_eq!(m.to_output(Span::new(0, 8)), Span::new(0, 6));
        assert_eq!(m.to_output(Span::new(2, 5)), Span::new(2, 4));
        assert_eq!(m.to_output(Span::new(7, 8)), Span::new(5, 6));
        // The deleted byte alone maps to an empty range where it was.
        assert_eq!(m.to_output(Span::new(6, 7)), Span::new(5, 5));
    }

    #[test]
    fn out_of_range_spans_are_clamped() {
        let m = sample();
        assert_eq!(m.to_original(Span::new(4, 100)), Span::new(5, 8));
        assert_eq!(m.to_original(Span::new(100, 200)), Span::new(8, 8));
    }

    #[test]
    fn adjacent_edits_merge() {
        let mut b = OffsetMapBuilder::new();
        b.push(Span::new(0, 2), Span::new(0, 1));
        b.push(Span::new(2, 3), Span::new(1, 1));
        let m = b.finish(3, 1);
        assert_eq!(m.edits().len(), 1);
        assert_eq!(m.edits()[0].original, Span::new(0, 3));
    }

    #[test]
    fn separate_edits_keep_word_boundaries() {
        // UTF-16LE "ab c": every character is 2 bytes → 1 byte.
        let mut b = OffsetMapBuilder::new();
        b.push(Span::new(0, 2), Span::new(0, 1));
        b.push(Span::new(2, 4), Span::new(1, 2));
        b.push_separate(Span::new(4, 6), Span::new(2, 3));
        b.push(Span::new(6, 8), Span::new(3, 4));
        let m = b.finish(8, 4);
        assert_eq!(m.edits().len(), 3);
        // "c" maps to its own two bytes, not to the whole text.
        assert_eq!(m.to_original(Span::new(3, 4)), Span::new(6, 8));
        assert_eq!(m.to_original(Span::new(0, 2)), Span::new(0, 4));
    }

    #[test]
    fn identity_map() {
        let m = OffsetMap::identity(10);
        assert!(m.is_identity());
        assert_eq!(m.to_original(Span::new(3, 7)), Span::new(3, 7));
    }
}
