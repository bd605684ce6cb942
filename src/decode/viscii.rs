//! VISCII 1.1 (RFC 1456): one byte → one character from the generated
//! `VISCII` table. All 256 bytes are defined, six of them in C0 (0x02 Ẳ,
//! 0x05 Ẵ, 0x06 Ẫ, 0x14 Ỷ, 0x19 Ỹ, 0x1E Ỵ), which is why C0 bytes are never
//! stripped before decoding.

use super::sink::Sink;
use super::tables::VISCII;
use crate::Span;

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink) {
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b.is_ascii() && VISCII.get(usize::from(b)) == Some(&char::from(b)))
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
        let c = VISCII.get(usize::from(b)).copied().unwrap_or('\u{FFFD}');
        sink.put_char(Span::new(base + i, base + i + 1), c);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{Encoding, decode_as};

    #[test]
    fn c0_letters() {
        let d = decode_as(b"\x02\x05\x06\x14\x19\x1e", Encoding::Viscii);
        assert_eq!(d.text(), "ẲẴẪỶỸỴ");
        assert!(d.problems().is_empty());
    }

    #[test]
    fn a_sentence() {
        // "Việt Nam được" in VISCII: ệ = 0xAE, đ = 0xF0, ư = 0xDF, ợ = 0xFE.
        assert_eq!(
            decode_as(b"Vi\xaet Nam \xf0\xdf\xfec", Encoding::Viscii).text(),
            "Việt Nam được"
        );
    }
}
