//! [`Sink`]: where every decoder writes its text, offset edits and problems.
//!
//! - `same` copies bytes that decode to themselves (no edit recorded);
//! - `put` writes what an input range became, recording an edit only when the
//!   lengths differ (an equal-length rewrite keeps the running offset);
//! - `problem` records a [`DecodeProblem`] on input bytes.
//!
//! Every decoder covers each input byte with exactly one `same` or `put`, so
//! the finished [`OffsetMap`] relates all of the text to all of the input.

use super::{DecodeProblem, DecodeProblemKind};
use crate::Span;
use crate::normalize::offsets::{OffsetMap, OffsetMapBuilder};
use crate::normalize::syllable::{Letter, classify};

pub(crate) struct Sink {
    pub(crate) out: String,
    map: OffsetMapBuilder,
    pub(crate) problems: Vec<DecodeProblem>,
}

impl Sink {
    pub(crate) fn with_capacity(n: usize) -> Sink {
        Sink {
            out: String::with_capacity(n),
            map: OffsetMapBuilder::new(),
            problems: Vec::new(),
        }
    }

    /// Input bytes that are their own UTF-8 (ASCII, or valid UTF-8 copied).
    #[inline]
    pub(crate) fn same(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// The input bytes `from` became `s`.
    #[inline]
    pub(crate) fn put(&mut self, from: Span, s: &str) {
        let o = self.out.len();
        self.out.push_str(s);
        if from.len() != s.len() {
            let to = Span::new(o, o + s.len());
            // Separators keep their own edit, so a run of changed
            // characters (all of UTF-16) still maps back word by word.
            if s.bytes()
                .all(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation())
            {
                self.map.push_separate(from, to);
            } else {
                self.map.push(from, to);
            }
        }
    }

    /// The input bytes `from` became the character `c`.
    #[inline]
    pub(crate) fn put_char(&mut self, from: Span, c: char) {
        let mut buf = [0u8; 4];
        self.put(from, c.encode_utf8(&mut buf));
    }

    /// Records a problem on input bytes.
    #[inline]
    pub(crate) fn problem(&mut self, span: Span, kind: DecodeProblemKind) {
        self.problems.push(DecodeProblem { span, kind });
    }

    /// `true` when the text written so far ends with a vowel letter, the only
    /// base a tone mark may follow.
    pub(crate) fn ends_with_vowel(&self) -> bool {
        matches!(
            self.out.chars().next_back().map(classify),
            Some(Letter::Vowel { .. })
        )
    }

    /// The text, the offset map and the problems sorted by position.
    pub(crate) fn finish(mut self, input_len: usize) -> (String, OffsetMap, Vec<DecodeProblem>) {
        let len = self.out.len();
        self.problems.sort_by_key(|p| p.span.start);
        (self.out, self.map.finish(input_len, len), self.problems)
    }
}
