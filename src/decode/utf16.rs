//! UTF-16 (LE and BE): detection of BOM-less UTF-16 and decoding.
//!
//! - [`sniff`]: the every-other-byte-NUL pattern of mostly-Latin text;
//! - `decode_into`: code units to UTF-8; an unpaired surrogate becomes U+FFFD
//!   ([`UnpairedSurrogate`](super::DecodeProblemKind::UnpairedSurrogate)), an
//!   odd last byte U+FFFD
//!   ([`TruncatedSequence`](super::DecodeProblemKind::TruncatedSequence)).
//!
//! Offsets: every ASCII character changes length (2 bytes → 1), so a word is
//! one edit and each space or punctuation mark an edit of its own: a range of
//! the text maps back to whole words of the input. Characters U+0080..=U+07FF
//! and surrogate pairs keep their length and need no edit.

use super::sink::Sink;
use super::{DecodeProblemKind, Encoding};
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endian {
    Little,
    Big,
}

/// BOM-less UTF-16: at least 4 and 30 % of the code units have a zero byte
/// on one side, and at most 2 % on the other. A few NULs in UTF-8 text
/// (`Vi\0t`) do not make it UTF-16.
pub(crate) fn sniff(sample: &[u8]) -> Option<Encoding> {
    // Either answer needs at least four NUL bytes.
    if sample.len() < 8 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even, mut odd, mut units) = (0usize, 0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            units += 1;
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    let strong = |n: usize| n >= 4 && n * 10 >= units * 3;
    let weak = |n: usize| n * 50 <= units;
    if strong(odd) && weak(even) {
        Some(Encoding::Utf16Le)
    } else if strong(even) && weak(odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink, endian: Endian) {
    let unit = |i: usize| -> Option<u16> {
        let a = *bytes.get(i)?;
        let b = *bytes.get(i + 1)?;
        Some(match endian {
            Endian::Little => u16::from_le_bytes([a, b]),
            Endian::Big => u16::from_be_bytes([a, b]),
        })
    };
    let mut i = 0;
    while i + 1 < bytes.len() {
        let Some(u) = unit(i) else { break };
        let p = base + i;
        if u < 0x80 {
            // ASCII: 2 bytes → 1. Letters of a word merge into one edit;
            // separators stay edits of their own (see `Sink::put`).
            let c = char::from(u8::try_from(u).unwrap_or(b'?'));
            sink.put_char(Span::new(p, p + 2), c);
            i += 2;
        } else if (0xD800..0xDC00).contains(&u) {
            match unit(i + 2) {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
                    let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                    sink.put_char(Span::new(p, p + 4), c);
                    i += 4;
                }
                _ => {
                    sink.put_char(Span::new(p, p + 2), '\u{FFFD}');
                    sink.problem(Span::new(p, p + 2), DecodeProblemKind::UnpairedSurrogate);
                    i += 2;
                }
            }
        } else if (0xDC00..0xE000).contains(&u) {
            sink.put_char(Span::new(p, p + 2), '\u{FFFD}');
            sink.problem(Span::new(p, p + 2), DecodeProblemKind::UnpairedSurrogate);
            i += 2;
        } else {
            let c = char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}');
            sink.put_char(Span::new(p, p + 2), c);
            i += 2;
        }
    }
    if i < bytes.len() {
        let span = Span::new(base + i, base + bytes.len());
        sink.put_char(span, '\u{FFFD}');
        sink.problem(span, DecodeProblemKind::TruncatedSequence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DecodeProblemKind as K, decode, decode_as};

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn bomless_utf16_is_detected_not_read_as_nul_riddled_utf8() {
        let bytes = utf16le("Năm 2017, Đảng bộ xã Dương Quang");
        let d = decode(&bytes);
        assert_eq!(d.encoding(), Encoding::Utf16Le);
        assert_eq!(d.text(), "Năm 2017, Đảng bộ xã Dương Quang");
        let be: Vec<u8> = "Việt Nam"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be).text(), "Việt Nam");
        assert_eq!(decode(&be).encoding(), Encoding::Utf16Be);
    }

    #[test]
    fn offsets_point_into_the_code_units() {
        let bytes = utf16le("Nam Việt");
        let d = decode_as(&bytes, Encoding::Utf16Le);
        // "Việt" is at text bytes 4..10, input bytes 8..16: four whole code
        // units.
        let s = d.offsets().to_original(Span::new(4, 10));
        assert_eq!(s, Span::new(8, 16));
        // "Nam" is input bytes 0..6, the space 6..8.
        assert_eq!(d.offsets().to_original(Span::new(0, 3)), Span::new(0, 6));
        assert_eq!(d.offsets().to_original(Span::new(3, 4)), Span::new(6, 8));
        // One letter inside a word maps to the word (edits are word-sized).
        assert_eq!(d.offsets().to_original(Span::new(1, 2)), Span::new(0, 6));
    }

    #[test]
    fn surrogates_and_odd_bytes() {
        // lone high surrogate, then 'a', then an odd byte
        let d = decode_as(&[0x00, 0xD8, b'a', 0, 0x41], Encoding::Utf16Le);
        assert_eq!(d.text(), "\u{FFFD}a\u{FFFD}");
        let kinds: Vec<_> = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![(0, K::UnpairedSurrogate), (4, K::TruncatedSequence)]
        );
        // a valid pair
        let emoji = utf16le("😀");
        let d = decode_as(&emoji, Encoding::Utf16Le);
        assert_eq!(d.text(), "😀");
    }
}
