//! UTF-8, lossy: one U+FFFD per maximal ill-formed subpart.
//!
//! - valid stretches are copied unchanged (and scanned for Windows-1252
//!   mojibake, see `mojibake`);
//! - each ill-formed subpart (exactly what `String::from_utf8_lossy`
//!   replaces, via `<[u8]>::utf8_chunks`) becomes U+FFFD and an
//!   [`InvalidUtf8`](super::DecodeProblemKind::InvalidUtf8) problem, or
//!   [`TruncatedSequence`](super::DecodeProblemKind::TruncatedSequence) when the
//!   input ends inside a sequence.
//!
//! The common case — the whole input valid — never gets here: `decode_whole`
//! borrows it.

use super::sink::Sink;
use super::{DecodeProblemKind, MojibakeRepair, mojibake};
use crate::Span;

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink, repair: MojibakeRepair) {
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        mojibake::write(valid, base + pos, sink, repair);
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let span = Span::new(base + pos, base + pos + invalid.len());
            pos += invalid.len();
            let kind = if pos == bytes.len()
                && std::str::from_utf8(invalid).is_err_and(|e| e.error_len().is_none())
            {
                DecodeProblemKind::TruncatedSequence
            } else {
                DecodeProblemKind::InvalidUtf8
            };
            sink.put(span, "\u{FFFD}");
            sink.problem(span, kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{DecodeProblemKind as K, Encoding, Span, decode_as};

    fn lossy(bytes: &[u8]) -> (String, Vec<(usize, usize, K)>) {
        let d = decode_as(bytes, Encoding::Utf8);
        let p = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.span.end, p.kind))
            .collect();
        (d.text().to_string(), p)
    }

    #[test]
    fn replacement_matches_from_utf8_lossy() {
        for bytes in [
            &b"\x80"[..],
            b"\xE1\xBB",
            b"\xC0\x80",
            b"\xED\xA0\x80",
            b"\xF5\xFF",
            b"Vi\xE1\xBBt",
            b"\xF0\x9F\x98",
            b"a\xE1\x80\xE1\x80b",
        ] {
            assert_eq!(lossy(bytes).0, String::from_utf8_lossy(bytes), "{bytes:x?}");
        }
    }

    #[test]
    fn each_subpart_is_reported_with_its_offset() {
        let (_, p) = lossy(b"ab\xC0\x80c\xE1\xBB");
        assert_eq!(
            p,
            vec![
                (2, 3, K::InvalidUtf8),
                (3, 4, K::InvalidUtf8),
                (5, 7, K::TruncatedSequence)
            ]
        );
    }

    #[test]
    fn offsets_of_text_after_a_bad_byte() {
        let d = decode_as(b"\xFFNam", Encoding::Utf8);
        assert_eq!(d.text(), "\u{FFFD}Nam");
        assert_eq!(d.offsets().to_original(Span::new(3, 6)), Span::new(1, 4));
    }
}
