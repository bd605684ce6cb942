//! [`Span`]: a half-open byte range into the caller's *original* text.
//!
//! Every position the crate reports — a fact, a decoding problem, a
//! normalization note — is a `Span` into the text the caller handed in, never
//! into a normalized or lowercased copy. Spans always fall on `char`
//! boundaries of that text, so `&text[span.range()]` never panics.

use core::ops::Range;

/// A half-open byte range `[start, end)`.
///
/// ```
/// use vietfacts::Span;
/// let text = "Năm 2017";
/// let span = Span::new(5, 9);
/// assert_eq!(&text[span.range()], "2017");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "[usize; 2]", into = "[usize; 2]"))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range<usize>`, for slicing.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// `true` when the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// `true` when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl From<[usize; 2]> for Span {
    #[inline]
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    #[inline]
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn reversed_bounds_give_an_empty_span() {
        let s = Span::new(7, 3);
        assert!(s.is_empty());
        assert_eq!(s.start, 7);
    }

    #[test]
    fn contains_is_inclusive_of_equal_bounds() {
        assert!(Span::new(2, 8).contains(Span::new(2, 8)));
        assert!(!Span::new(2, 8).contains(Span::new(1, 8)));
    }
}
