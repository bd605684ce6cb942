//! Windows-1252 mojibake: UTF-8 bytes that were read as Windows-1252 and saved
//! again as UTF-8, so `ệ` (E1 BB 87) became `á»‡`.
//!
//! - [`find`] lists the stretches of a text that look like it: a character
//!   whose Windows-1252 byte is a UTF-8 lead byte (0xC2..=0xF4), followed by
//!   characters whose bytes are continuation bytes (0x80..=0xBF), which
//!   together are valid UTF-8 for a plausible character (a Vietnamese letter,
//!   Latin-1, a combining mark, general punctuation, ₫ €). Adjacent pieces
//!   join into one stretch.
//! - `write` copies a valid stretch into the sink, repairing or reporting
//!   the suspected stretches.
//!
//! Every mojibake piece starts with U+00C2..=U+00F4, whose UTF-8 lead byte is
//! 0xC3, so the scan only stops at 0xC3 bytes and stays close to a plain
//! byte search on clean text.

use core::ops::Range;

use super::sink::Sink;
use super::tables::CP1252;
use super::{DecodeProblemKind, MojibakeRepair};
use crate::Span;
use crate::bitmask::gather;
use crate::normalize::syllable::{Letter, classify};

/// One suspected stretch: its range in the text and the repaired text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) range: Range<usize>,
    pub(crate) repaired: String,
}

/// The Windows-1252 byte that reads as `c`, for bytes 0x80..=0xFF. The five
/// bytes Windows-1252 leaves undefined are taken as the C1 controls U+0081,
/// U+008D, U+008F, U+0090, U+009D (how Windows and WHATWG read them).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    // ASCII, and everything past the last Windows-1252 character (™).
    if !(0x80..=0x2122).contains(&u) {
        return None;
    }
    if (0xA0..=0xFF).contains(&u) {
        return u8::try_from(u).ok();
    }
    if (0x80..=0x9F).contains(&u) {
        let b = u8::try_from(u).ok()?;
        return match CP1252.get(usize::from(b)) {
            Some(None) => Some(b),
            _ => None,
        };
    }
    CP1252
        .iter()
        .enumerate()
        .skip(0x80)
        .take(0x20)
        .find(|(_, m)| **m == Some(c))
        .and_then(|(b, _)| u8::try_from(b).ok())
}

fn plausible(c: char) -> bool {
    let u = c as u32;
    matches!(classify(c), Letter::Vowel { .. })
        || c == 'đ'
        || c == 'Đ'
        || (0xA0..=0xFF).contains(&u)
        || (0x300..=0x36F).contains(&u)
        || (0x2000..=0x206F).contains(&u)
        || c == '₫'
        || c == '€'
}

/// One mojibake character at the start of `t`: bytes of `t` consumed and the
/// character they stand for.
fn one(t: &str) -> Option<(usize, char)> {
    let mut chars = t.char_indices();
    let (_, c0) = chars.next()?;
    let lead = cp1252_byte(c0)?;
    let n = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    let mut end = c0.len_utf8();
    for slot in buf.iter_mut().take(n).skip(1) {
        let (i, c) = chars.next()?;
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        end = i + c.len_utf8();
    }
    let s = std::str::from_utf8(buf.get(..n)?).ok()?;
    let c = s.chars().next()?;
    plausible(c).then_some((end, c))
}

/// Is `b` a byte that may follow `C3 xx` in a mojibake piece: the UTF-8
/// lead of a character that reads as a continuation byte, U+0080..=U+00BF
/// (C2 xx) or a Windows-1252 punctuation or letter (C5/C6/CB xx, E2 xx xx)?
/// After `à`, `é`… of ordinary Vietnamese text comes ASCII or another C3
/// letter instead.
/// (Written with `|`, without branches: [`next_candidate`] tests 64 bytes
/// at once with it.)
#[inline(always)]
fn may_follow(b: u8) -> bool {
    (b == 0xC2) | (b == 0xC5) | (b == 0xC6) | (b == 0xCB) | (b == 0xE2)
}

/// The first position at or after `i` where a mojibake piece may start: a
/// 0xC3 byte two bytes before a [`may_follow`] byte. Vietnamese text has a
/// C3 byte (`à`, `á`, `â`, `ê`, `ô`…) every few letters, too often for a
/// byte search to stop at each: both tests are made for 64 positions at
/// once ([`crate::bitmask`]), and the scan stops only where both hold.
fn next_candidate(bytes: &[u8], mut i: usize) -> Option<usize> {
    while let (Some(here), Some(after)) = (
        bytes.get(i..).and_then(<[u8]>::first_chunk::<64>),
        bytes.get(i + 2..).and_then(<[u8]>::first_chunk::<64>),
    ) {
        let mut hits = [0u8; 64];
        for ((hit, &h), &a) in hits.iter_mut().zip(here).zip(after) {
            // `&`, not `&&`: no branch, so that the loop is compiled to
            // vector comparisons.
            *hit = if (h == 0xC3) & may_follow(a) { 0x80 } else { 0 };
        }
        // Most chunks of clean text hold none: an or of eight words says
        // so before the bits are gathered.
        let any = hits
            .chunks_exact(8)
            .filter_map(|c| <[u8; 8]>::try_from(c).ok())
            .fold(0u64, |acc, w| acc | u64::from_ne_bytes(w));
        if any != 0 {
            let m = gather(&hits);
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 64;
    }
    (i..bytes.len()).find(|&at| {
        bytes.get(at) == Some(&0xC3) && bytes.get(at + 2).is_some_and(|&b| may_follow(b))
    })
}

/// The suspected mojibake stretches of `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut i = 0;
    while let Some(p) = next_candidate(bytes, i) {
        i = p;
        let Some(rest) = text.get(i..) else { break };
        match one(rest) {
            None => i += 1,
            Some((len, c)) => {
                let start = i;
                let mut end = i + len;
                let mut repaired = String::new();
                repaired.push(c);
                while let Some((len, c)) = text.get(end..).and_then(one) {
                    repaired.push(c);
                    end += len;
                }
                pieces.push(Piece {
                    range: start..end,
                    repaired,
                });
                i = end;
            }
        }
    }
    pieces
}

/// Writes a valid stretch of input (starting at input offset `at`),
/// repairing or reporting mojibake.
pub(crate) fn write(valid: &str, at: usize, sink: &mut Sink, repair: MojibakeRepair) {
    let mut pos = 0;
    for piece in find(valid) {
        sink.same(valid.get(pos..piece.range.start).unwrap_or_default());
        let span = Span::new(at + piece.range.start, at + piece.range.end);
        match repair {
            MojibakeRepair::Cp1252 => {
                sink.put(span, &piece.repaired);
                sink.problem(span, DecodeProblemKind::MojibakeRepaired);
            }
            MojibakeRepair::Off => {
                sink.same(valid.get(piece.range.clone()).unwrap_or_default());
                sink.problem(span, DecodeProblemKind::SuspectedMojibake);
            }
        }
        pos = piece.range.end;
    }
    sink.same(valid.get(pos..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> String {
        let mut out = String::new();
        let mut pos = 0;
        for p in find(text) {
            out.push_str(&text[pos..p.range.start]);
            out.push_str(&p.repaired);
            pos = p.range.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    #[test]
    fn classic_mojibake_is_repaired() {
        assert_eq!(repaired("Viá»‡t Nam"), "Việt Nam");
        assert_eq!(repaired("Ä‘Æ°á»£c"), "được");
        assert_eq!(repaired("Ã´ng"), "ông");
    }

    #[test]
    fn clean_vietnamese_is_left_alone() {
        for t in [
            "Việt Nam",
            "“Gia đình văn hóa”",
            "hóa”.",
            "là\u{a0}một",
            "Ông Ánh, Ê-đê",
            "ÂU",
            "café, naïve, Ñandú",
        ] {
            assert!(find(t).is_empty(), "{t}");
        }
    }

    /// Every candidate position, found one byte at a time.
    fn candidates_slowly(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len())
            .filter(|&i| bytes[i] == 0xC3 && bytes.get(i + 2).is_some_and(|&b| may_follow(b)))
            .collect()
    }

    #[test]
    fn candidates_are_those_found_one_byte_at_a_time() {
        // Bytes that matter (C3, the five followers, their near misses C0..CF,
        // E1, E3) mixed with letters, at every offset and length.
        let alphabet = [
            0xC3, 0xC2, 0xC5, 0xC6, 0xCB, 0xE2, 0xC0, 0xC4, 0xCF, 0xE1, 0xE3, 0xA1, b'a', b' ',
        ];
        let mut rng = crate::testing::Rng::new();
        for round in 0..3000 {
            // Short texts, and long ones (several 64-byte chunks, some
            // with no candidate at all: mostly plain letters).
            let len = rng.below(if round % 2 == 0 { 40 } else { 300 });
            let sparse = round % 4 == 1;
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(if sparse { 40 } else { 1 }) {
                    0 => alphabet[rng.below(alphabet.len())],
                    _ => b'a',
                })
                .collect();
            let mut found = Vec::new();
            let mut i = 0;
            while let Some(p) = next_candidate(&bytes, i) {
                found.push(p);
                i = p + 1;
            }
            let slowly = candidates_slowly(&bytes);
            assert_eq!(found, slowly, "{bytes:x?}");
            for from in 0..=bytes.len() + 1 {
                let first = slowly.iter().copied().find(|&p| p >= from);
                assert_eq!(
                    next_candidate(&bytes, from),
                    first,
                    "{bytes:x?} from {from}"
                );
            }
        }
    }

    #[test]
    fn undefined_cp1252_bytes_round_trip_as_c1_controls() {
        // "Ý" is C3 9D; 0x9D is undefined in Windows-1252, so the mis-read
        // text holds U+009D.
        assert_eq!(repaired("Ã\u{9d}"), "Ý");
    }
}
