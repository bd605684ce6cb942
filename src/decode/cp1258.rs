//! Windows-1258: one byte → one character from the generated `CP1258` table.
//!
//! - the five tone bytes (0xCC U+0300, 0xEC U+0301, 0xD2 U+0309, 0xDE U+0303,
//!   0xF2 U+0323) stay combining marks in the text; the normalizer composes
//!   them. One with no vowel before it (start of text, after a consonant, a
//!   second mark) is kept and reported as an
//!   [`OrphanMark`](super::DecodeProblemKind::OrphanMark);
//! - the undefined bytes 0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E become
//!   U+FFFD and an [`UndefinedByte`](super::DecodeProblemKind::UndefinedByte)
//!   problem. This follows Microsoft's table (the byte is not a character)
//!   rather than WHATWG's C1 controls, so a reader of the text sees that
//!   something is missing; the byte is never dropped as `iconv -c` does.

use super::DecodeProblemKind;
use super::sink::Sink;
use super::tables::CP1258;
use crate::Span;

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink) {
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii())
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
        let span = Span::new(base + i, base + i + 1);
        match CP1258.get(usize::from(b)).copied().flatten() {
            Some(c) => {
                if ('\u{300}'..='\u{36F}').contains(&c) && !sink.ends_with_vowel() {
                    sink.problem(span, DecodeProblemKind::OrphanMark);
                }
                sink.put_char(span, c);
            }
            None => {
                sink.put_char(span, '\u{FFFD}');
                sink.problem(span, DecodeProblemKind::UndefinedByte);
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{DecodeProblemKind as K, Encoding, decode_as};
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn decomposed_tones_compose_to_nfc() {
        let d = decode_as(b"Vi\xea\xf2t", Encoding::Cp1258);
        assert_eq!(d.text().nfc().collect::<String>(), "Việt");
        assert!(d.problems().is_empty());
    }

    #[test]
    fn orphan_tones_are_kept_and_reported() {
        let d = decode_as(b"\xecat\xcc", Encoding::Cp1258);
        assert_eq!(d.text(), "\u{301}at\u{300}");
        let p: Vec<_> = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.kind))
            .collect();
        assert_eq!(p, vec![(0, K::OrphanMark), (3, K::OrphanMark)]);
    }

    #[test]
    fn every_undefined_byte_is_reported() {
        let undefined = [0x81u8, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E];
        let d = decode_as(&undefined, Encoding::Cp1258);
        assert_eq!(d.text(), "\u{FFFD}".repeat(9));
        let offsets: Vec<usize> = d
            .problems()
            .iter()
            .filter(|p| p.kind == K::UndefinedByte)
            .map(|p| p.span.start)
            .collect();
        assert_eq!(offsets, (0..9).collect::<Vec<_>>());
    }
}
