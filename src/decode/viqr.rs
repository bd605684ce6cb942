//! VIQR (RFC 1456): Vietnamese in ASCII mnemonics — `Vie^.t Nam`, `ddu+o+.c`.
//!
//! - modifiers after the vowel: `a(` ă, `a^` â, `e^` ê, `o^` ô, `o+` ơ, `u+` ư;
//!   `dd`/`DD`/`Dd` at the start of a word is đ/Đ;
//! - then a tone: `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng;
//! - `\` escapes the next mnemonic character (`Go\?` is "Go?").
//!
//! Only words are decoded, and only when the result is one valid Vietnamese
//! syllable, so `Hello.`, `3.5`, `e.g` and `don't` stay as they are; tokens
//! that look like URLs or e-mail addresses (`://`, `@`, `www.`) are never
//! touched. A syllable takes one tone; a second tone mnemonic is
//! punctuation (`No^.i.`). A `.` or `?` that ends a word is a tone when more
//! punctuation follows (`nho?.`) or another word follows on the same line
//! (`o+? Vie^.t`, `nhe. nha`, a name `Thi. Minh`) — except a `.` before a
//! capitalised word after a lower-case one, which starts a new sentence
//! (`ddi. Sau`). At the end of a line or of the text it is punctuation
//! (`Go?` stays `Go?`).
//! A mnemonic with no base is left as written and not reported: in VIQR it is
//! also ordinary punctuation.
//!
//! Decoding happens when asked, or when [`evidence`] finds pure ASCII with
//! many words that decode to valid syllables.

use super::DecodeProblemKind;
use super::sink::Sink;
use crate::Span;
use crate::normalize::syllable::{Tone, Vowel, compose, is_syllable};

#[derive(Default, Debug, Clone, Copy)]
struct Stats {
    words: usize,
    decoded: usize,
    rejected: usize,
}

fn is_tone(b: u8) -> Option<Tone> {
    Some(match b {
        b'\'' => Tone::Acute,
        b'`' => Tone::Grave,
        b'?' => Tone::Hook,
        b'~' => Tone::Tilde,
        b'.' => Tone::Dot,
        _ => return None,
    })
}

fn is_mnemonic(b: u8) -> bool {
    matches!(b, b'(' | b'^' | b'+' | b'\\') || is_tone(b).is_some()
}

fn vowel(b: u8) -> Option<Vowel> {
    Some(match b.to_ascii_lowercase() {
        b'a' => Vowel::A,
        b'e' => Vowel::E,
        b'i' => Vowel::I,
        b'o' => Vowel::O,
        b'u' => Vowel::U,
        b'y' => Vowel::Y,
        _ => return None,
    })
}

/// Parses one word at the start of `t`: its length, its decoding, and
/// whether a word-final `.`/`?` was taken as a tone. `final_mark` says
/// whether such a mark may be taken when it ends the token.
fn word(t: &[u8], final_mark: bool) -> (usize, String, bool) {
    let mut out = String::new();
    let mut j = 0;
    let mut toned = false;
    let mut took_final = false;
    match (t.first(), t.get(1)) {
        (Some(b'd'), Some(b'd')) => {
            out.push('đ');
            j = 2;
        }
        (Some(b'D'), Some(b'D' | b'd')) => {
            out.push('Đ');
            j = 2;
        }
        _ => {}
    }
    while let Some(&c) = t.get(j) {
        if !c.is_ascii_alphabetic() {
            break;
        }
        j += 1;
        let Some(mut v) = vowel(c) else {
            out.push(char::from(c));
            continue;
        };
        let upper = c.is_ascii_uppercase();
        let modified = match (t.get(j), v) {
            (Some(b'('), Vowel::A) => Some(Vowel::Aw),
            (Some(b'^'), Vowel::A) => Some(Vowel::Aa),
            (Some(b'^'), Vowel::E) => Some(Vowel::Ee),
            (Some(b'^'), Vowel::O) => Some(Vowel::Oo),
            (Some(b'+'), Vowel::O) => Some(Vowel::Ow),
            (Some(b'+'), Vowel::U) => Some(Vowel::Uw),
            _ => None,
        };
        if let Some(m) = modified {
            v = m;
            j += 1;
        }
        let mut tone = Tone::Level;
        // One tone per syllable: a second tone mnemonic is punctuation.
        if let Some(tn) = t.get(j).copied().and_then(is_tone).filter(|_| !toned) {
            let next = t.get(j + 1).copied();
            let ends_word = !next.is_some_and(|n| n.is_ascii_alphabetic());
            let sentence_mark = matches!(tn, Tone::Dot | Tone::Hook);
            let take = if !ends_word || !sentence_mark {
                true
            } else {
                match next {
                    // more punctuation in the token: `nho?.`
                    Some(n) => !n.is_ascii_digit(),
                    None => final_mark,
                }
            };
            if take {
                took_final |= ends_word && sentence_mark;
                tone = tn;
                toned = true;
                j += 1;
            }
        }
        out.push(compose(v, tone, upper));
    }
    (j, out, took_final)
}

/// Whether a `.`/`?` that ends a token may be a tone. `?` is a tone when any
/// word follows on the same line (`o+? Vie^.t Nam`: hỏi is common, a question
/// mark inside a line rare); `.` when a lower-case word or a number follows
/// (`nhe. nha`, `Quo^'c lo^. 5`) or a capitalised word follows a capitalised
/// word (a name: `Thi. Minh`).
/// At the end of a line, or `.` before a new sentence (`ddi. Sau`), it is
/// punctuation.
fn final_mark_is_tone(mark: u8, this_upper: bool, after: Option<u8>) -> bool {
    match after {
        Some(a) if a.is_ascii_lowercase() || a.is_ascii_digit() => true,
        Some(a) if a.is_ascii_uppercase() => mark == b'?' || this_upper,
        _ => false,
    }
}

fn is_address(token: &str) -> bool {
    token.contains("://")
        || token.contains('@')
        || token
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
}

/// Decodes one whitespace-free token.
fn token(t: &str, at: usize, after: Option<u8>, sink: &mut Sink, stats: &mut Stats) {
    if is_address(t) {
        sink.same(t);
        return;
    }
    let b = t.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let Some(&c) = b.get(k) else { break };
        if c == b'\\' && b.get(k + 1).is_some_and(|&n| is_mnemonic(n)) {
            if let Some(&n) = b.get(k + 1) {
                sink.put_char(Span::new(at + k, at + k + 2), char::from(n));
            }
            k += 2;
        } else if c.is_ascii_alphabetic() {
            let rest = b.get(k..).unwrap_or_default();
            let mark = t.bytes().last().unwrap_or(b' ');
            let final_mark = final_mark_is_tone(mark, c.is_ascii_uppercase(), after);
            let (mut len, mut decoded, took_final) = word(rest, final_mark);
            if took_final && !is_syllable(&decoded) {
                // `Hello.`: the word is not Vietnamese with that tone; the
                // mark is punctuation.
                (len, decoded, _) = word(rest, false);
            }
            let original = t.get(k..k + len).unwrap_or_default();
            stats.words += 1;
            if decoded != original {
                if is_syllable(&decoded) {
                    stats.decoded += 1;
                    sink.put(Span::new(at + k, at + k + len), &decoded);
                } else {
                    stats.rejected += 1;
                    sink.same(original);
                }
            } else {
                sink.same(original);
            }
            k += len.max(1);
        } else {
            let l = t
                .get(k..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            sink.same(t.get(k..k + l).unwrap_or_default());
            k += l;
        }
    }
}

fn decode_str(s: &str, at: usize, sink: &mut Sink, stats: &mut Stats) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let blank = b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        if blank > 0 {
            sink.same(s.get(i..i + blank).unwrap_or_default());
            i += blank;
            continue;
        }
        let len = b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| !c.is_ascii_whitespace())
            .count();
        let end = i + len;
        // The next non-blank character on the same line.
        let after = b
            .get(end..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| c != b'\n' && c != b'\r')
            .find(|c| !c.is_ascii_whitespace())
            .copied();
        token(
            s.get(i..end).unwrap_or_default(),
            at + i,
            after,
            sink,
            stats,
        );
        i = end;
    }
}

fn run(bytes: &[u8], base: usize, sink: &mut Sink) -> Stats {
    let mut stats = Stats::default();
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        decode_str(chunk.valid(), base + pos, sink, &mut stats);
        pos += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let span = Span::new(base + pos, base + pos + invalid.len());
            sink.put(span, "\u{FFFD}");
            sink.problem(span, DecodeProblemKind::InvalidUtf8);
            pos += invalid.len();
        }
    }
    stats
}

pub(crate) fn decode_into(bytes: &[u8], base: usize, sink: &mut Sink) {
    run(bytes, base, sink);
}

/// `true` when ASCII text is VIQR beyond doubt: at least 5 words decode to
/// valid syllables, they are at least 20 % of all words, and at least 80 % of
/// the words that had mnemonics decode to valid syllables.
pub(crate) fn evidence(text: &str) -> bool {
    let mut sink = Sink::with_capacity(text.len());
    let s = run(text.as_bytes(), 0, &mut sink);
    s.decoded >= 5 && s.decoded * 5 >= s.words && s.decoded * 5 >= (s.decoded + s.rejected) * 4
}

#[cfg(test)]
mod tests {
    use super::evidence;
    use crate::{Encoding, decode, decode_as};

    fn viqr(s: &str) -> String {
        decode_as(s.as_bytes(), Encoding::Viqr).text().to_string()
    }

    #[test]
    fn mnemonics() {
        assert_eq!(viqr("Vie^.t Nam"), "Việt Nam");
        assert_eq!(viqr("ddu+o+.c DDa^`u Dda(ng"), "được Đầu Đăng");
        assert_eq!(viqr("Nguye^~n Thi. Minh Khai"), "Nguyễn Thị Minh Khai");
        assert_eq!(viqr("nho? va` xinh"), "nhỏ và xinh");
        assert_eq!(viqr("ra^'t nho?."), "rất nhỏ.");
        assert_eq!(
            viqr("Ha` No^.i. Sau ddo' ddi. Sau"),
            "Hà Nội. Sau đó đi. Sau"
        );
        assert_eq!(viqr("Le^ Thi. Ho^`ng"), "Lê Thị Hồng");
    }

    #[test]
    fn non_vietnamese_tokens_are_left_alone() {
        for s in [
            "Hello.",
            "Go?",
            "3.5",
            "e.g. the end",
            "don't",
            "http://vi.wikipedia.org/wiki/Vie^.t",
            "thu+.c@example.com",
            "Hello. World",
        ] {
            assert_eq!(viqr(s), s, "{s}");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(viqr("Go\\? Vie\\^t"), "Go? Vie^t");
    }

    #[test]
    fn detection_needs_strong_evidence() {
        let text = "Vie^.t Nam la` mo^.t quo^'c gia ddo^ng dda^n o+? Ddo^ng Nam A'.";
        assert!(evidence(text));
        assert_eq!(decode(text.as_bytes()).encoding(), Encoding::Viqr);
        assert!(!evidence("Hello. Is it 3.5? Go? I'm here."));
    }
}
