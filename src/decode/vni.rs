//! VNI (Windows fonts): a vowel is its ASCII letter followed by one mark byte.
//!
//! - `aù` = á, `aâ` = â, `aá` = ấ, `aê` = ă, `aé` = ắ, `eä` = ệ, `ôù` = ớ: a base
//!   vowel (`a e i o u y`, or the one-byte `ô` = ơ and `ö` = ư) and a mark byte
//!   from the generated `VNI_MARK` table (tone, circumflex + tone, breve +
//!   tone) compose to one precomposed letter; the letter's case is the base's;
//! - one-byte letters from `VNI_SINGLE`: ơ ư đ, the toned i (í ì ỉ ĩ ị), ỵ;
//! - every other byte has its Windows-1252 meaning (Word's smart quotes and
//!   dashes at 0x80..=0x9F); the five bytes Windows-1252 leaves undefined
//!   become U+FFFD ([`UndefinedByte`](super::DecodeProblemKind::UndefinedByte));
//! - a mark byte with no base that takes it (start of text, after a
//!   consonant, `uâ`) keeps its Windows-1252 character and is reported as an
//!   [`OrphanMark`](super::DecodeProblemKind::OrphanMark).

use super::DecodeProblemKind;
use super::sink::Sink;
use super::tables::{CP1252, VNI_MARK, VNI_SINGLE};
use crate::Span;
use crate::normalize::syllable::{Tone, Vowel, compose};

/// The vowel a byte stands for as a VNI base, and whether it is a capital.
fn base(b: u8) -> Option<(Vowel, bool)> {
    let upper = b.is_ascii_uppercase();
    let v = match b.to_ascii_lowercase() {
        b'a' => Vowel::A,
        b'e' => Vowel::E,
        b'i' => Vowel::I,
        b'o' => Vowel::O,
        b'u' => Vowel::U,
        b'y' => Vowel::Y,
        _ => match b {
            0xF4 => return Some((Vowel::Ow, false)),
            0xF6 => return Some((Vowel::Uw, false)),
            0xD4 => return Some((Vowel::Ow, true)),
            0xD6 => return Some((Vowel::Uw, true)),
            _ => return None,
        },
    };
    Some((v, upper))
}

/// The letter a base and a mark byte make, if the mark fits the base.
fn combine(vowel: Vowel, upper: bool, mark: u8) -> Option<char> {
    let tone = match mark & 0x07 {
        0 => Tone::Level,
        1 => Tone::Grave,
        2 => Tone::Hook,
        3 => Tone::Tilde,
        4 => Tone::Acute,
        5 => Tone::Dot,
        _ => return None,
    };
    let vowel = match (mark & 0x30, vowel) {
        (0x00, v) if tone != Tone::Level => v,
        (0x10, Vowel::A) => Vowel::Aa,
        (0x10, Vowel::E) => Vowel::Ee,
        (0x10, Vowel::O) => Vowel::Oo,
        (0x20, Vowel::A) => Vowel::Aw,
        _ => return None,
    };
    let c = compose(vowel, tone, upper);
    (c != '\0').then_some(c)
}

fn cp1252(b: u8) -> Option<char> {
    if b.is_ascii() {
        return Some(char::from(b));
    }
    CP1252.get(usize::from(b)).copied().flatten()
}

pub(crate) fn decode_into(bytes: &[u8], base_offset: usize, sink: &mut Sink) {
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b.is_ascii() && base(b).is_none())
            .count();
        if run > 0 {
            if let Some(s) = bytes
                .get(i..i + run)
                .and_then(|s| std::str::from_utf8(s).ok())
            {
                sink.same(s);
            }
            i += run;
            continue;
        }
        let Some(&b) = bytes.get(i) else { break };
        let at = base_offset + i;
        // A base vowel with a mark byte after it.
        if let Some((vowel, upper)) = base(b) {
            let mark = bytes
                .get(i + 1)
                .map(|&m| VNI_MARK.get(usize::from(m)).copied().unwrap_or(0))
                .unwrap_or(0);
            if mark != 0 {
                if let Some(c) = combine(vowel, upper, mark) {
                    sink.put_char(Span::new(at, at + 2), c);
                    i += 2;
                    continue;
                }
            }
        }
        let span = Span::new(at, at + 1);
        if b.is_ascii() {
            sink.same(
                std::str::from_utf8(bytes.get(i..i + 1).unwrap_or_default()).unwrap_or_default(),
            );
        } else if let Some(c) = VNI_SINGLE.get(usize::from(b)).copied().flatten() {
            sink.put_char(span, c);
        } else if VNI_MARK.get(usize::from(b)).is_some_and(|&m| m != 0) {
            sink.put_char(span, cp1252(b).unwrap_or('\u{FFFD}'));
            sink.problem(span, DecodeProblemKind::OrphanMark);
        } else if let Some(c) = cp1252(b) {
            sink.put_char(span, c);
        } else {
            sink.put_char(span, '\u{FFFD}');
            sink.problem(span, DecodeProblemKind::UndefinedByte);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{DecodeProblemKind as K, Encoding, decode_as};

    fn vni(bytes: &[u8]) -> String {
        decode_as(bytes, Encoding::Vni).text().to_string()
    }

    #[test]
    fn base_plus_mark() {
        assert_eq!(vni(b"a\xf9"), "á");
        assert_eq!(vni(b"e\xe4"), "ệ");
        assert_eq!(vni(b"\xf1\xf6\xf4\xefc"), "được");
        assert_eq!(vni(b"a\xea a\xe9 a\xe2 a\xe1"), "ă ắ â ấ");
        assert_eq!(vni(b"Vi\xe6t"), "Viỉt");
        assert_eq!(vni(b"\xee \xed \xec \xe6 \xf3 \xf2"), "ỵ í ì ỉ ĩ ị");
    }

    #[test]
    fn capitals() {
        // "VIỆT NAM ĐƯỢC" with upper-case mark bytes.
        assert_eq!(vni(b"VIE\xc4T NAM \xd1\xd6\xd4\xcfC"), "VIỆT NAM ĐƯỢC");
        // A capital base with a lower-case mark keeps the base's case.
        assert_eq!(vni(b"O\xe2ng"), "Ông");
    }

    #[test]
    fn windows_1252_punctuation() {
        assert_eq!(
            vni(b"\x93Vi\x96t\x94 \x85"),
            "\u{201c}Vi\u{2013}t\u{201d} \u{2026}"
        );
    }

    #[test]
    fn orphan_marks_keep_their_literal_meaning() {
        let d = decode_as(b"\xf9t\xe4 u\xe2", Encoding::Vni);
        assert_eq!(d.text(), "ùtä uâ");
        let p: Vec<_> = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.kind))
            .collect();
        assert_eq!(
            p,
            vec![(0, K::OrphanMark), (2, K::OrphanMark), (5, K::OrphanMark)]
        );
    }

    #[test]
    fn undefined_bytes() {
        let d = decode_as(b"a\x81", Encoding::Vni);
        assert_eq!(d.text(), "a\u{FFFD}");
        assert_eq!(d.problems()[0].kind, K::UndefinedByte);
    }
}
