//! Our tables and decoders against independent oracles:
//! - glibc `iconv` for TCVN5712-1, VISCII and CP1258, exhaustively over all
//!   256 byte values (one process per encoding; bytes iconv rejects are
//!   removed and the run repeated);
//! - GNU `recode` for VNI and VIQR: all Vietnamese letters (12 vowels × 6
//!   tones × 2 cases, and đ/Đ) in both directions (recode encodes, we
//!   decode; we write the standard's bytes, recode and we decode);
//! - whole texts: the seed article and the first corpus articles, encoded by
//!   the oracle, decoded by us and by the oracle, compared after NFC.
//!
//! Every difference must be listed in `tests/data/decode/oracle_allowlist.txt`
//! with its explanation; an unlisted difference fails, a listed one that no
//! longer occurs is reported. Run with `-- --nocapture` to see the counts.

mod common;

use std::collections::BTreeMap;
use std::sync::Mutex;

use common::*;
use vietfacts::{Encoding, decode_as};

const TEST: &str = "decode_oracles";

fn allowlist() -> BTreeMap<String, String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/decode/oracle_allowlist.txt"
    );
    let text = std::fs::read_to_string(path).expect("allow-list readable");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Checks the differences found by one test against the allow-list entries
/// with the given key prefix.
fn check(prefix: &str, found: &BTreeMap<String, String>) {
    let allowed = allowlist();
    let unlisted: Vec<String> = found
        .iter()
        .filter(|(k, _)| !allowed.contains_key(*k))
        .map(|(k, v)| format!("{k}\t{v}"))
        .collect();
    let stale: Vec<&String> = allowed
        .keys()
        .filter(|k| k.starts_with(prefix) && !found.contains_key(*k))
        .collect();
    println!(
        "{prefix}: {} difference(s), all listed: {}",
        found.len(),
        unlisted.is_empty()
    );
    for (k, v) in found {
        println!("  {k}\t{v}");
    }
    if !stale.is_empty() {
        println!("NOTICE: allow-listed differences that no longer occur: {stale:?}");
    }
    assert!(
        unlisted.is_empty(),
        "differences not in the allow-list:\n{}",
        unlisted.join("\n")
    );
}

fn show(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || (c as u32) >= 0x300 && (c as u32) < 0x370 || c == '\u{a0}' {
                format!("U+{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs iconv over every byte value (each followed by a newline); returns
/// the oracle's character(s) per byte, `None` for bytes iconv rejects.
fn iconv_bytes(charset: &str) -> Vec<Option<String>> {
    let mut bytes: Vec<u8> = (0u8..=255).filter(|&b| b != b'\n').collect();
    let mut rejected = Vec::new();
    loop {
        let input: Vec<u8> = bytes.iter().flat_map(|&b| [b, b'\n']).collect();
        match run("iconv", &["-f", charset, "-t", "UTF-8"], &input) {
            Ok(out) => {
                let text = String::from_utf8(out).expect("iconv writes UTF-8");
                let lines: Vec<&str> = text.split('\n').collect();
                let mut table = vec![None; 256];
                table[usize::from(b'\n')] = Some("\n".to_string());
                for (i, &b) in bytes.iter().enumerate() {
                    table[usize::from(b)] = Some(lines[i].to_string());
                }
                for b in rejected {
                    table[usize::from(b)] = None;
                }
                return table;
            }
            Err(msg) => {
                // "cannot convert" / "illegal input sequence at position N"
                let pos: usize = msg
                    .rsplit("position ")
                    .next()
                    .and_then(|p| p.trim().parse().ok())
                    .unwrap_or_else(|| panic!("iconv {charset}: {msg}"));
                let b = input[pos];
                rejected.push(b);
                bytes.retain(|&x| x != b);
            }
        }
    }
}

fn exhaustive(charset: &str, enc: Encoding) {
    if !have_tool("iconv", TEST) {
        return;
    }
    let oracle = iconv_bytes(charset);
    let mut found = BTreeMap::new();
    for b in 0..=255u8 {
        let byte = [b];
        let ours = decode_as(&byte, enc);
        let theirs = &oracle[usize::from(b)];
        match theirs {
            Some(t) if t == ours.text() => {}
            Some(t) => {
                found.insert(
                    format!("iconv-byte:{charset}:0x{b:02X}"),
                    format!("iconv {} / ours {}", show(t), show(ours.text())),
                );
            }
            None => {
                let kinds: Vec<_> = ours
                    .problems()
                    .iter()
                    .map(|p| format!("{:?}", p.kind))
                    .collect();
                found.insert(
                    format!("iconv-byte:{charset}:0x{b:02X}"),
                    format!("iconv rejects / ours {} {kinds:?}", show(ours.text())),
                );
            }
        }
    }
    check(&format!("iconv-byte:{charset}:"), &found);
}

#[test]
fn tcvn5712_1_all_bytes() {
    exhaustive("TCVN5712-1", Encoding::Tcvn3);
}

#[test]
fn viscii_all_bytes() {
    exhaustive("VISCII", Encoding::Viscii);
}

#[test]
fn cp1258_all_bytes() {
    exhaustive("CP1258", Encoding::Cp1258);
}

/// The 144 vowel letters (12 vowels × 6 tones × 2 cases) and đ, Đ.
fn letters() -> Vec<String> {
    let tones = ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"];
    let mut v = Vec::new();
    for upper in [false, true] {
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for t in tones {
                let s = nfc(&format!("{base}{t}"));
                v.push(if upper { s.to_uppercase() } else { s });
            }
        }
    }
    v.push("đ".into());
    v.push("Đ".into());
    v
}

/// (vowel without tone, tone index 0..=5, upper) of a letter.
fn parts(letter: &str) -> (String, usize, bool) {
    use unicode_normalization::UnicodeNormalization;
    let upper = letter.chars().any(char::is_uppercase);
    let lower = letter.to_lowercase();
    let tones = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];
    let mut tone = 0;
    let mut base = String::new();
    for c in lower.nfd() {
        match tones.iter().position(|&t| t == c) {
            Some(i) => tone = i + 1,
            None => base.push(c),
        }
    }
    (nfc(&base), tone, upper)
}

/// VNI bytes of a letter, written from the VNI layout (not from our tables).
fn vni_bytes(letter: &str) -> Vec<u8> {
    let (base, tone, upper) = parts(letter);
    let up = |b: u8| if upper { b - 0x20 } else { b };
    let ascii = |c: u8| if upper { c.to_ascii_uppercase() } else { c };
    let tone_mark = [0u8, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF]; // ` ? ~ ' .
    let circ = [0xE2u8, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4];
    let breve = [0xEAu8, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB];
    let itone = [b'i', 0xEC, 0xE6, 0xF3, 0xED, 0xF2];
    let with_tone = |b: u8| {
        if tone == 0 {
            vec![b]
        } else {
            vec![b, up(tone_mark[tone])]
        }
    };
    match base.as_str() {
        "đ" => vec![up(0xF1)],
        "i" if tone == 0 => vec![ascii(b'i')],
        "i" => vec![up(itone[tone])],
        "y" if tone == 5 => vec![up(0xEE)],
        "ơ" => with_tone(up(0xF4)),
        "ư" => with_tone(up(0xF6)),
        "ă" => vec![ascii(b'a'), up(breve[tone])],
        "â" => vec![ascii(b'a'), up(circ[tone])],
        "ê" => vec![ascii(b'e'), up(circ[tone])],
        "ô" => vec![ascii(b'o'), up(circ[tone])],
        b => with_tone(ascii(b.as_bytes()[0])),
    }
}

/// VIQR of a letter, written from RFC 1456.
fn viqr_str(letter: &str) -> String {
    let (base, tone, upper) = parts(letter);
    let m = match base.as_str() {
        "đ" => "dd",
        "ă" => "a(",
        "â" => "a^",
        "ê" => "e^",
        "ô" => "o^",
        "ơ" => "o+",
        "ư" => "u+",
        b => b,
    };
    let m = if upper {
        m.to_uppercase()
    } else {
        m.to_string()
    };
    let t = ["", "`", "?", "~", "'", "."][tone];
    format!("{m}{t}")
}

/// A syllable around a letter, so that VIQR sees a word: the letter + "m"
/// (đ: "đa"), followed by " ba" on the same line.
fn viqr_context(letter: &str, encoded: &str) -> (String, String) {
    if letter == "đ" || letter == "Đ" {
        (format!("{letter}a ba"), format!("{encoded}a ba"))
    } else {
        (format!("{letter}m ba"), format!("{encoded}m ba"))
    }
}

static RECODE: Mutex<()> = Mutex::new(());

fn recode_lines(spec: &str, input: &[u8]) -> Vec<Vec<u8>> {
    let _g = RECODE.lock();
    let out = run("recode", &["-f", spec], input).expect("recode runs");
    out.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

#[test]
fn vni_letters_both_directions() {
    if !have_tool("recode", TEST) {
        return;
    }
    let letters = letters();
    let mut found = BTreeMap::new();
    // recode encodes, we decode
    let input = letters.join("\n") + "\n";
    let encoded = recode_lines("utf8..VNI", input.as_bytes());
    for (l, bytes) in letters.iter().zip(&encoded) {
        let ours = decode_as(bytes, Encoding::Vni);
        if ours.text() != l {
            found.insert(
                format!("recode-letter:VNI:encode:{l}"),
                format!("recode wrote {bytes:02X?}, we read {}", ours.text()),
            );
        }
    }
    // the layout's bytes: recode decodes, we decode
    let mut input = Vec::new();
    for l in &letters {
        input.extend(vni_bytes(l));
        input.push(b'\n');
    }
    let decoded = recode_lines("VNI..utf8", &input);
    for (l, theirs) in letters.iter().zip(&decoded) {
        let bytes = vni_bytes(l);
        let ours = decode_as(&bytes, Encoding::Vni);
        if ours.text() != l {
            found.insert(
                format!("ours-letter:VNI:{l}"),
                format!("we read {bytes:02X?} as {}", ours.text()),
            );
        }
        let theirs = nfc(&String::from_utf8_lossy(theirs));
        if theirs != *l {
            found.insert(
                format!("recode-letter:VNI:decode:{l}"),
                format!("recode reads {bytes:02X?} as {theirs}"),
            );
        }
    }
    check("recode-letter:VNI:", &found);
    assert!(
        !found.keys().any(|k| k.starts_with("ours-letter")),
        "{found:?}"
    );
}

#[test]
fn viqr_letters_both_directions() {
    if !have_tool("recode", TEST) {
        return;
    }
    let letters = letters();
    let mut found = BTreeMap::new();
    // recode encodes, we decode
    let lines: Vec<String> = letters.iter().map(|l| viqr_context(l, l).0).collect();
    let encoded = recode_lines("utf8..VIQR", (lines.join("\n") + "\n").as_bytes());
    for (want, bytes) in lines.iter().zip(&encoded) {
        let ours = decode_as(bytes, Encoding::Viqr);
        if ours.text() != want {
            found.insert(
                format!("recode-letter:VIQR:encode:{want}"),
                format!(
                    "recode wrote {:?}, we read {}",
                    String::from_utf8_lossy(bytes),
                    ours.text()
                ),
            );
        }
    }
    // RFC 1456 mnemonics: recode decodes, we decode
    let pairs: Vec<(String, String)> = letters
        .iter()
        .map(|l| viqr_context(l, &viqr_str(l)))
        .collect();
    let input: String = pairs.iter().map(|(_, v)| format!("{v}\n")).collect();
    let decoded = recode_lines("VIQR..utf8", input.as_bytes());
    for ((want, v), theirs) in pairs.iter().zip(&decoded) {
        let ours = decode_as(v.as_bytes(), Encoding::Viqr);
        if ours.text() != want {
            found.insert(
                format!("ours-letter:VIQR:{want}"),
                format!("we read {v:?} as {}", ours.text()),
            );
        }
        let theirs = nfc(&String::from_utf8_lossy(theirs));
        if theirs != *want {
            found.insert(
                format!("recode-letter:VIQR:decode:{want}"),
                format!("recode reads {v:?} as {theirs}"),
            );
        }
    }
    check("recode-letter:VIQR:", &found);
    assert!(
        !found.keys().any(|k| k.starts_with("ours-letter")),
        "{found:?}"
    );
}

/// First difference between two strings, with some context.
fn first_diff(a: &str, b: &str) -> String {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let i = ac
        .iter()
        .zip(&bc)
        .position(|(x, y)| x != y)
        .unwrap_or(ac.len().min(bc.len()));
    let ctx = |v: &[char]| {
        v[i.saturating_sub(12)..(i + 12).min(v.len())]
            .iter()
            .collect::<String>()
    };
    format!("at char {i}: {:?} vs {:?}", ctx(&ac), ctx(&bc))
}

/// The seed article and the first corpus articles.
fn texts() -> Option<Vec<(String, String)>> {
    let shared = shared_dir(TEST)?;
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/duong-quang-2017.txt"
    ))
    .ok()?;
    let mut v = vec![("seed".to_string(), seed)];
    for (i, t) in corpus_texts(&shared, 20).into_iter().enumerate() {
        v.push((format!("corpus{i}"), t));
    }
    Some(v)
}

/// Encodes with the oracle, decodes with us and with the oracle; records
/// texts where our NFC differs from the oracle's NFC.
fn whole_texts(enc: Encoding, tool: &str, to: &[&str], from: &[&str], label: &str) {
    if !have_tool(tool, TEST) {
        return;
    }
    let Some(texts) = texts() else { return };
    let originals: Vec<String> = texts.iter().map(|(_, t)| t.clone()).collect();
    let _g = RECODE.lock();
    let encoded = convert_all(tool, to, &originals).expect("oracle encodes");
    let mut found = BTreeMap::new();
    let mut same_as_original = 0;
    for ((name, original), bytes) in texts.iter().zip(&encoded) {
        let ours = nfc(decode_as(bytes, enc).text());
        let theirs = nfc(&String::from_utf8_lossy(
            &run(tool, from, bytes).expect("oracle decodes"),
        ));
        if ours != theirs {
            found.insert(format!("text:{label}:{name}"), first_diff(&ours, &theirs));
        }
        if ours == nfc(original) {
            same_as_original += 1;
        }
    }
    println!(
        "{label}: {same_as_original}/{} texts decode back to the original exactly (the rest lost characters the encoding lacks)",
        texts.len()
    );
    check(&format!("text:{label}:"), &found);
}

#[test]
fn tcvn3_whole_texts() {
    whole_texts(
        Encoding::Tcvn3,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "TCVN5712-1"],
        &["-f", "TCVN5712-1", "-t", "UTF-8"],
        "TCVN5712-1",
    );
}

#[test]
fn viscii_whole_texts() {
    whole_texts(
        Encoding::Viscii,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "VISCII"],
        &["-f", "VISCII", "-t", "UTF-8"],
        "VISCII",
    );
}

#[test]
fn cp1258_whole_texts() {
    whole_texts(
        Encoding::Cp1258,
        "iconv",
        &["-c", "-f", "UTF-8", "-t", "CP1258"],
        &["-f", "CP1258", "-t", "UTF-8"],
        "CP1258",
    );
}

#[test]
fn vni_whole_texts() {
    whole_texts(
        Encoding::Vni,
        "recode",
        &["-f", "utf8..VNI"],
        &["-f", "VNI..utf8"],
        "VNI",
    );
}

/// Words (split at whitespace) of `got` that differ from `want`'s.
fn word_diffs(want: &str, got: &str) -> Vec<(String, String)> {
    let (w, g): (Vec<&str>, Vec<&str>) = (
        want.split_whitespace().collect(),
        got.split_whitespace().collect(),
    );
    if w.len() != g.len() {
        return vec![("<word count>".into(), first_diff(want, got))];
    }
    w.iter()
        .zip(&g)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// VIQR is ambiguous without escapes (`.` and `?` are tones and
/// punctuation), and recode's encoder writes no escapes while its decoder
/// takes every mark after a vowel as a tone. So the reference here is the
/// original text: each word we decode differently from the original is a
/// difference (keyed by the word pair); recode's own count is printed next to
/// ours, and ours must not be worse.
#[test]
fn viqr_whole_texts() {
    if !have_tool("recode", TEST) {
        return;
    }
    let Some(texts) = texts() else { return };
    let originals: Vec<String> = texts.iter().map(|(_, t)| nfc(t)).collect();
    let _g = RECODE.lock();
    let encoded = convert_all("recode", &["-f", "utf8..VIQR"], &originals).expect("recode encodes");
    let mut found = BTreeMap::new();
    let (mut ours_wrong, mut theirs_wrong, mut words) = (0, 0, 0);
    for ((name, original), bytes) in texts.iter().map(|(n, t)| (n, nfc(t))).zip(&encoded) {
        words += original.split_whitespace().count();
        // Characters VIQR cannot write (curly quotes, dashes) are
        // transliterated by recode; compare with recode's round trip of the
        // ASCII-only parts by skipping words the encoder changed lossily.
        let ours = nfc(decode_as(bytes, Encoding::Viqr).text());
        let theirs = nfc(&String::from_utf8_lossy(
            &run("recode", &["-f", "VIQR..utf8"], bytes).expect("recode decodes"),
        ));
        let lossy = |w: &str| {
            !w.chars().all(|c| {
                c.is_alphanumeric()
                    || ".,;:!?()\"'-%/".contains(c)
                    || ('\u{300}'..='\u{36f}').contains(&c)
            })
        };
        for (want, got) in word_diffs(&original, &ours) {
            if lossy(&want) {
                continue;
            }
            ours_wrong += 1;
            let e = found
                .entry(format!("text:VIQR:{want} -> {got}"))
                .or_insert((0, Vec::new()));
            e.0 += 1;
            e.1.push(name.clone());
        }
        theirs_wrong += word_diffs(&original, &theirs)
            .iter()
            .filter(|(w, _)| !lossy(w))
            .count();
    }
    println!(
        "VIQR: {words} words; decoded differently from the original: ours {ours_wrong}, recode {theirs_wrong}"
    );
    let found: BTreeMap<String, String> = found
        .into_iter()
        .map(|(k, (n, names))| (k, format!("{n}x in {names:?}")))
        .collect();
    check("text:VIQR:", &found);
    assert!(
        ours_wrong <= theirs_wrong,
        "our VIQR decoding is worse than recode's"
    );
}
