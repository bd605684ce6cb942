//! Property tests of issue 7: the invariants of `tests/support/invariants.rs`
//! on generated Vietnamese-like text — syllables with tones in NFC and NFD
//! and both tone styles, numbers in every form (digits with both separator
//! styles, signs, percent, full-width and other-script digits, words,
//! dates, money, phone numbers), punctuation and quotes, spaces of every
//! kind, invisible characters, stacked marks — and on raw bytes for the
//! decoders.
//!
//! Case counts: 10,000 per property in an optimized build (`.ci/run` runs
//! `cargo test --release --test properties`), 500 in a debug build (plain
//! `cargo test`, so that it stays quick); `VIETFACTS_PROPTEST_CASES`
//! overrides both.

#[path = "support/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};
use std::sync::Arc;
use vietfacts::{Encoding, Extractor};

fn cases() -> u32 {
    std::env::var("VIETFACTS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 500 } else { 10_000 })
}

fn config() -> Config {
    Config {
        cases: cases(),
        // No file of persisted failures: a failure prints its input, which
        // then goes into the catalogue or a unit test.
        failure_persistence: None,
        ..Config::default()
    }
}

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "Đ", "Ng", "Th", "Tr", "Qu",
];
/// Rhymes without tone; the tone is a combining mark added after.
const RHYMES: &[&str] = &[
    "a", "ai", "ao", "au", "ay", "ăm", "ăn", "âu", "ây", "e", "em", "ê", "êt", "i", "ia", "iêt",
    "iêng", "o", "oa", "oai", "oan", "oe", "oi", "ong", "ô", "ông", "ơ", "ơi", "u", "ua", "uân",
    "uê", "uy", "uyên", "ư", "ưa", "ươc", "ương", "ưu", "y", "yêu", "anh", "inh", "ach",
];
/// No tone, grave, hook, tilde, acute, dot below.
const TONES: &[&str] = &["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"];
const WORDS: &[&str] = &[
    "tập thể",
    "cá nhân",
    "hộ gia đình",
    "Giấy khen",
    "Bằng khen",
    "vượt",
    "đạt",
    "tăng",
    "giảm",
    "kế hoạch",
    "dự toán",
    "so với cùng kỳ",
    "Dự án",
    "Hồ chứa nước",
    "xã",
    "huyện",
    "tỉnh",
    "Đảng bộ",
    "UBND",
    "lần thứ",
    "Đại hội",
    "năm",
    "ngày",
    "tháng",
    "quý",
    "khoảng",
    "hơn",
    "gần",
    "từ",
    "đến",
    "và",
    "được",
    "tặng",
    "trao",
    "phong trào",
    "tỷ",
    "triệu",
    "nghìn",
    "đồng",
    "USD",
    "VNĐ",
    "%",
    "phần trăm",
    "điểm phần trăm",
    "thứ",
    "Covid",
    "QL",
    "thành phố",
    "Hà Nội",
    "Dương Quang",
    "Nặm Cắt",
    "Huân chương Lao động hạng Ba",
];
const NUMBER_WORDS: &[&str] = &[
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt", "lăm",
    "trăm", "nghìn", "ngàn", "triệu", "tỷ", "linh", "lẻ", "phẩy", "rưỡi", "hàng",
];
const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "(", ")", "[", "]", "“", "”", "\"", "«", "»", "-", "–", "—", "−", "…", "!",
    "?", "/", "'", "‘", "’", "+", "%", "%%", "‰", "％", "﹪", "٪", "٫", "&", "@",
];
const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{a0}", "\u{202f}", "\u{2009}", "\u{3000}",
    "\u{2028}", "\u{2029}", "\u{c}",
];
const INVISIBLE: &[&str] = &[
    "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{ad}", "\u{34f}", "\u{fe0f}", "\u{feff}",
    "\u{202e}", "\u{202c}", "\u{2066}", "\u{2069}", "\u{200e}", "\u{200f}", "\u{20e3}",
];
const ODD: &[&str] = &[
    "Ð",
    "ð",
    "а",
    "İ",
    "ẞ",
    "Ⱥ",
    "\u{fffd}",
    "\u{0}",
    "\u{1}",
    "\u{2}",
    "\u{14}",
    "👍🏽",
    "7\u{fe0f}\u{20e3}",
    "\u{301}",
    "\u{302}\u{323}",
    "\u{301}\u{300}",
    "ǅ",
    "ﬁ",
    "Å",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(str::to_string)
}

/// A syllable: onset, rhyme and tone, composed (NFC) or not, in lower,
/// title or upper case, the tone on the first or last vowel.
fn syllable() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ONSETS),
        prop::sample::select(RHYMES),
        prop::sample::select(TONES),
        0u8..3,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(onset, rhyme, tone, case, nfc, tone_last)| {
            use unicode_normalization::UnicodeNormalization;
            use unicode_normalization::char::is_combining_mark;
            let chars: Vec<char> = rhyme.nfd().collect();
            let vowel = |c: &char| "aeiouy".contains(*c);
            // The tone goes after the first or the last vowel, past the
            // vowel's own shape mark (ă, ê, ơ…).
            let mut at = if tone_last {
                chars.iter().rposition(vowel)
            } else {
                chars.iter().position(vowel)
            }
            .unwrap_or(0);
            while chars.get(at + 1).is_some_and(|c| is_combining_mark(*c)) {
                at += 1;
            }
            let mut s = String::from(onset);
            for (k, c) in chars.iter().enumerate() {
                s.push(*c);
                if k == at {
                    s.push_str(tone);
                }
            }
            let s = match case {
                0 => s,
                1 => {
                    let mut cs = s.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                }
                _ => s.to_uppercase(),
            };
            if nfc {
                s.nfc().collect()
            } else {
                s.nfd().collect()
            }
        })
}

/// A digit string of 1–`max` digits.
fn digits(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, 1..=max)
        .prop_map(|d| d.into_iter().map(|d| char::from(b'0' + d)).collect())
}

/// Numbers in every form.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => digits(6),
        2 => (digits(3), prop::collection::vec(digits(3), 1..4), prop::sample::select(&[".", ","][..]))
            .prop_map(|(a, rest, sep)| {
                let mut s = a;
                for g in rest {
                    s.push_str(sep);
                    s.push_str(&format!("{g:0>3}"));
                }
                s
            }),
        2 => (digits(4), prop::sample::select(&[",", "."][..]), digits(3))
            .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
        1 => (prop::sample::select(&["-", "+", "−", "–"][..]), digits(3)).prop_map(|(s, d)| format!("{s}{d}")),
        1 => (digits(2), digits(2)).prop_map(|(a, b)| format!("{a}-{b}%")),
        1 => (1u32..32, 1u32..13, 1900u32..2100).prop_map(|(d, m, y)| format!("{d}/{m}/{y}")),
        1 => (0u32..40, 0u32..14).prop_map(|(d, m)| format!("ngày {d} tháng {m}")),
        1 => (0u32..30, 0u32..70).prop_map(|(h, m)| format!("{h}h{m:02}")),
        1 => digits(40),
        1 => (digits(3), prop::sample::select(&["e", "E"][..]), digits(3)).prop_map(|(a, e, b)| format!("{a}{e}{b}")),
        1 => digits(4).prop_map(|d| d.chars().map(|c| char::from_u32(u32::from(c) - 0x30 + 0xff10).unwrap_or(c)).collect()),
        1 => digits(4).prop_map(|d| d.chars().map(|c| char::from_u32(u32::from(c) - 0x30 + 0x660).unwrap_or(c)).collect()),
        1 => (digits(3), digits(3), digits(3)).prop_map(|(a, b, c)| format!("0{a} {b:0>3} {c:0>3}")),
        1 => (digits(2), prop::sample::select(&["O", "l", "o"][..]), digits(2)).prop_map(|(a, o, b)| format!("{a}{o}{b}")),
        2 => prop::collection::vec(prop::sample::select(NUMBER_WORDS), 1..5).prop_map(|w| w.join(" ")),
        1 => (digits(3), prop::sample::select(&["k", "tr", "đ", "₫", "USD", "%", "ha", "kg"][..])).prop_map(|(d, u)| format!("{d}{u}")),
    ]
}

/// One piece of text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => syllable(),
        4 => pick(WORDS),
        4 => number(),
        3 => pick(PUNCT),
        1 => pick(INVISIBLE),
        1 => pick(ODD),
        1 => (pick(&["\u{301}", "\u{323}", "\u{302}", "\u{300}"]), 2usize..12).prop_map(|(m, n)| format!("o{}", m.repeat(n))),
    ]
}

/// Vietnamese-like text: pieces separated by spaces (of every kind).
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            piece(),
            prop_oneof![6 => Just(" ".to_string()), 1 => Just(String::new()), 2 => pick(SPACES)],
        ),
        0..40,
    )
    .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

/// Bytes for the decoders: text, its bytes cut anywhere, and raw bytes mixed
/// with legacy mark bytes and VIQR mnemonics.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => text().prop_map(String::into_bytes),
        1 => (text(), any::<prop::sample::Index>()).prop_map(|(t, i)| {
            let b = t.into_bytes();
            let cut = i.index(b.len() + 1);
            b.get(..cut).unwrap_or_default().to_vec()
        }),
        2 => prop::collection::vec(
            prop_oneof![
                4 => any::<u8>(),
                2 => prop::sample::select(&b"aeiouyAEOUDd VieNam\n"[..]),
                1 => prop::sample::select(&b"^(+'`?~.-\\"[..]),
                1 => prop::sample::select(&[0xa8u8, 0xe9, 0xb7, 0xad, 0xac, 0xe4, 0xf1, 0xf6, 0xf4, 0xef, 0xcc, 0xd2, 0xde, 0xec, 0xf2, 0x81, 0x8a, 0xc3, 0xe1, 0xbb, 0x80][..]),
            ],
            0..200,
        ),
    ]
}

fn check(r: invariants::Check) -> Result<(), TestCaseError> {
    r.map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(config())]

    /// Idempotence, NFC output, NFC-only options equal NFC, offsets.
    #[test]
    fn normalize_invariants(t in text()) {
        check(invariants::check_normalize(&t))?;
    }

    /// Spans on char boundaries normalizing to the fact text, order,
    /// determinism, finite values, honest max_facts.
    #[test]
    fn extract_invariants(t in text()) {
        check(invariants::check_extract(&t))?;
    }

    /// Every ASCII digit in a fact, a diagnostic or a documented exception.
    #[test]
    fn no_digit_is_lost(t in text()) {
        check(invariants::check_digits(&t))?;
    }

    /// Detection, every byte mapped or reported, strict agrees with lossy.
    #[test]
    fn decode_invariants(b in bytes()) {
        check(invariants::check_decode_auto(&b))?;
    }

    /// Each fixed encoding, and line-by-line equal to whole.
    #[test]
    fn decode_as_invariants(b in bytes(), k in 0usize..Encoding::ALL.len()) {
        let enc = Encoding::ALL.get(k).copied().unwrap_or(Encoding::Utf8);
        check(invariants::check_decode_as(&b, enc))?;
    }

    /// str against bytes API, whole against per-line decoding.
    #[test]
    fn differential(b in bytes()) {
        check(invariants::check_differential(&b))?;
    }
}

/// The same output for the same input regardless of threads or call order:
/// 2,000 generated texts extracted in order on one thread, then by four
/// threads sharing one extractor, each in its own order.
#[test]
fn same_output_on_any_thread_in_any_order() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = text();
    let n = if cfg!(debug_assertions) { 300 } else { 2_000 };
    let texts: Arc<Vec<String>> = Arc::new(
        (0..n)
            .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
            .collect(),
    );
    assert_eq!(texts.len(), n);
    let ex = Arc::new(invariants::reporting());
    let expected: Arc<Vec<_>> = Arc::new(texts.iter().map(|t| ex.extract(t)).collect());
    let normalized: Arc<Vec<String>> = Arc::new(
        texts
            .iter()
            .map(|t| vietfacts::normalize(t).as_str().to_string())
            .collect(),
    );
    let handles: Vec<_> = (0..4usize)
        .map(|k| {
            let (texts, ex, expected, normalized) = (
                Arc::clone(&texts),
                Arc::clone(&ex),
                Arc::clone(&expected),
                Arc::clone(&normalized),
            );
            std::thread::spawn(move || {
                // Thread k visits the texts in its own order.
                let order: Vec<usize> = match k {
                    0 => (0..n).rev().collect(),
                    1 => (0..n).map(|i| (i * 7919) % n).collect(),
                    2 => (0..n).step_by(2).chain((1..n).step_by(2)).collect(),
                    _ => (0..n).collect(),
                };
                let fresh = Extractor::builder()
                    .with_numbers()
                    .diagnostics(vietfacts::Diagnostics::Report)
                    .build();
                let mut bad = Vec::new();
                for i in order {
                    let t = &texts[i];
                    let shared = ex.extract(t);
                    let own = fresh.extract(t);
                    if shared != expected[i] || own != expected[i] {
                        bad.push(i);
                    }
                    if vietfacts::normalize(t).as_str() != normalized[i] {
                        bad.push(i);
                    }
                }
                bad
            })
        })
        .collect();
    for h in handles {
        let bad = h.join().expect("thread");
        assert!(
            bad.is_empty(),
            "different output on another thread for {:?}",
            bad.iter().map(|&i| &texts[i]).take(3).collect::<Vec<_>>()
        );
    }
}
