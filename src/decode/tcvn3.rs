//! TCVN 5712:1993 (VN1, containing VN3 — the ABC/.VnTime font encoding).
//!
//! - one byte → one character from the generated `TCVN3` table, including the
//!   C0 cells VN1 uses for capitals (0x01 Ú, 0x02 Ụ, …): C0 bytes are never
//!   stripped;
//! - 0xB0..=0xB4 are combining tones, kept as combining marks; one with no
//!   vowel before it is reported as an
//!   [`OrphanMark`](super::DecodeProblemKind::OrphanMark);
//! - capitals ([`Tcvn3Capitals::Restore`]): VN3 has no toned capitals, so
//!   headings were typed in the .VnTimeH font, whose capitals sit at the
//!   lower-case positions. A word with at least two ASCII capitals and no
//!   ASCII lower-case letter, or with an ASCII capital after its first
//!   letter (`VIÖT` → "VIỆT", `ñY` → "ỦY"), has its letters upper-cased, and
//!   so has a word of toned lower-case letters with at most a leading ASCII
//!   capital (`ë` ở, `Cã` Có) when both its neighbours on the same line are
//!   such words. Each restored word is reported as
//!   [`CaseRestored`](super::DecodeProblemKind::CaseRestored). An ordinary
//!   capitalised word before an acronym (`Bé GTVT`, "Bộ GTVT") is not touched.

use super::sink::Sink;
use super::tables::TCVN3;
use super::{DecodeProblemKind, Tcvn3Capitals};
use crate::Span;

/// What a byte is, for the capitals rule.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    AsciiUpper,
    AsciiLower,
    HighUpper,
    HighLower,
    Mark,
    Other,
}

fn class(b: u8) -> Class {
    if b.is_ascii_uppercase() {
        return Class::AsciiUpper;
    }
    if b.is_ascii_lowercase() {
        return Class::AsciiLower;
    }
    if (0xB0..=0xB4).contains(&b) {
        return Class::Mark;
    }
    match TCVN3.get(usize::from(b)) {
        Some(&c) if !c.is_ascii() && c.is_alphabetic() => {
            if c.is_uppercase() {
                Class::HighUpper
            } else {
                Class::HighLower
            }
        }
        _ => Class::Other,
    }
}

#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Ends a line: the next word is on another line.
    line_end: bool,
    caps: bool,
    lone: bool,
    lower_high: bool,
}

/// The words whose letters should be upper-cased.
fn words_to_restore(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut words: Vec<Word> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b == b'\n' || b == b'\r' {
            if let Some(w) = words.last_mut() {
                w.line_end = true;
            }
            i += 1;
            continue;
        }
        if class(b) == Class::Other || class(b) == Class::Mark {
            i += 1;
            continue;
        }
        let start = i;
        let (mut au, mut al, mut hu, mut hl) = (0usize, 0usize, 0usize, 0usize);
        // An ASCII capital after the first letter (`ñY`): not a capitalised word.
        let mut inner_upper = false;
        while let Some(&b) = bytes.get(i) {
            match class(b) {
                Class::AsciiUpper => {
                    au += 1;
                    inner_upper |= i > start;
                }
                Class::AsciiLower => al += 1,
                Class::HighUpper => hu += 1,
                Class::HighLower => hl += 1,
                Class::Mark => {}
                Class::Other => break,
            }
            i += 1;
        }
        words.push(Word {
            start,
            end: i,
            line_end: false,
            caps: al == 0 && (au >= 2 || inner_upper || (hl == 0 && au + hu >= 2)),
            lone: al == 0 && au <= 1 && !inner_upper && hl >= 1,
            lower_high: hl > 0,
        });
    }
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let restore = if w.caps {
            w.lower_high
        } else if w.lone {
            let prev = k
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .filter(|p| !p.line_end);
            let next = words.get(k + 1).filter(|_| !w.line_end);
            prev.is_some_and(|p| p.caps) && next.is_some_and(|n| n.caps)
        } else {
            false
        };
        if restore {
            out.push((w.start, w.end));
        }
    }
    out
}

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink, capitals: Tcvn3Capitals) {
    let restore = match capitals {
        Tcvn3Capitals::Restore => words_to_restore(bytes),
        Tcvn3Capitals::AsEncoded => Vec::new(),
    };
    let mut restore = restore.into_iter().peekable();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII other than the VN1 capitals in C0 is copied as a run.
        let run = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b.is_ascii() && TCVN3.get(usize::from(b)) == Some(&char::from(b)))
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
        while restore.peek().is_some_and(|&(_, end)| end <= i) {
            if let Some((s, e)) = restore.next() {
                sink.problem(
                    Span::new(base + s, base + e),
                    DecodeProblemKind::CaseRestored,
                );
            }
        }
        let upper = restore.peek().is_some_and(|&(s, _)| s <= i);
        let c = TCVN3.get(usize::from(b)).copied().unwrap_or('\u{FFFD}');
        let span = Span::new(base + i, base + i + 1);
        if (0xB0..=0xB4).contains(&b) && !sink.ends_with_vowel() {
            sink.problem(span, DecodeProblemKind::OrphanMark);
        }
        if upper {
            let mut buf = [0u8; 8];
            let mut n = 0;
            for u in c.to_uppercase() {
                let l = u.len_utf8();
                if let Some(slot) = buf.get_mut(n..n + l) {
                    u.encode_utf8(slot);
                    n += l;
                }
            }
            sink.put(
                span,
                std::str::from_utf8(buf.get(..n).unwrap_or_default()).unwrap_or_default(),
            );
        } else {
            sink.put_char(span, c);
        }
        i += 1;
    }
    for (s, e) in restore {
        sink.problem(
            Span::new(base + s, base + e),
            DecodeProblemKind::CaseRestored,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{DecodeProblemKind as K, Decoder, Encoding, Span, Tcvn3Capitals, decode_as};

    #[test]
    fn lower_case_vn3() {
        // "Đảng bộ xã Dương Quang" in TCVN3.
        let d = decode_as(b"\xa7\xb6ng b\xe9 x\xb7 D\xad\xacng Quang", Encoding::Tcvn3);
        assert_eq!(d.text(), "Đảng bộ xã Dương Quang");
        assert!(d.problems().is_empty());
    }

    #[test]
    fn vn1_capitals_in_c0_are_letters() {
        assert_eq!(decode_as(b"\x01\x02\x16", Encoding::Tcvn3).text(), "ÚỤÝ");
    }

    #[test]
    fn vntimeh_heading_gets_its_capitals_back() {
        // "CỘNG HÒA XÃ HỘI" typed in .VnTimeH: toned letters at lower-case cells.
        let bytes = b"C\xe9NG H\xdfA X\xb7 H\xe9I";
        let d = decode_as(bytes, Encoding::Tcvn3);
        assert_eq!(d.text(), "CỘNG HÒA XÃ HỘI");
        let restored: Vec<Span> = d
            .problems()
            .iter()
            .filter(|p| p.kind == K::CaseRestored)
            .map(|p| p.span)
            .collect();
        assert_eq!(restored.len(), 4);
        assert_eq!(restored[0], Span::new(0, 4));
        let kept = Decoder::builder()
            .encoding(Encoding::Tcvn3)
            .tcvn3_capitals(Tcvn3Capitals::AsEncoded)
            .build();
        assert_eq!(kept.decode(bytes).unwrap().text(), "CộNG HòA Xã HộI");
    }

    #[test]
    fn lone_toned_word_between_capitals() {
        // "VIỆT NAM Ở ĐÂU": "ë" (ở) alone between all-caps words.
        let d = decode_as(b"VI\xd6T NAM \xeb \xa7\xa2U", Encoding::Tcvn3);
        assert_eq!(d.text(), "VIỆT NAM Ở ĐÂU");
    }

    #[test]
    fn ordinary_capitalised_words_are_not_touched() {
        // "Có Việt Nam": one ASCII capital, then lower case.
        let d = decode_as(b"C\xe3 Vi\xd6t Nam", Encoding::Tcvn3);
        assert_eq!(d.text(), "Có Việt Nam");
        // a lone toned word next to ordinary words
        assert_eq!(
            decode_as(b"Nam \xeb Ha", Encoding::Tcvn3).text(),
            "Nam ở Ha"
        );
    }

    #[test]
    fn combining_tones_are_kept_and_orphans_reported() {
        // a + combining acute; then a combining tone after a consonant.
        let d = decode_as(b"a\xb3 t\xb3", Encoding::Tcvn3);
        assert_eq!(d.text(), "a\u{301} t\u{301}");
        let p: Vec<_> = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.kind))
            .collect();
        assert_eq!(p, vec![(4, K::OrphanMark)]);
    }
}
