//! Data-driven vectors for BAD_INPUTS section A (classes 1–12), read from
//! `tests/data/decode/bad_inputs.jsonl`, plus robustness sweeps: empty input,
//! every byte value alone, random bytes — never a panic, and every input byte
//! accounted for by the offsets or by a problem.
//!
//! A vector gives its input (`input` text, `hex`, or `input_then_hex`: text,
//! hex, text, … concatenated), options (`encoding`, `errors`, `mojibake`,
//! `scope`) and what it expects (`text`, `nfc`, `problems` as
//! `[start, end, kind]`, `problem_kinds`, `expect_encoding`, `confidence_min`,
//! `had_bom`, `repair`, `map` as `[text_start, text_end, input_start,
//! input_end]`, `segments`, `error`). Every failure of every vector is
//! reported at once.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use vietfacts::{
    DecodeProblemKind, Decoded, Decoder, Encoding, ErrorKind, Errors, MojibakeRepair, Scope, Span,
    decode, decode_as,
};

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn input(v: &Value) -> Vec<u8> {
    if let Some(s) = v.get("input").and_then(Value::as_str) {
        return s.as_bytes().to_vec();
    }
    if let Some(h) = v.get("hex").and_then(Value::as_str) {
        return hex(h);
    }
    let mut out = Vec::new();
    for (i, part) in v["input_then_hex"]
        .as_array()
        .expect("an input")
        .iter()
        .enumerate()
    {
        let p = part.as_str().expect("string");
        if i % 2 == 0 {
            out.extend_from_slice(p.as_bytes());
        } else {
            out.extend(hex(p));
        }
    }
    out
}

fn kind_name(k: DecodeProblemKind) -> String {
    serde_json::to_value(k)
        .expect("kind serializes")
        .as_str()
        .expect("a string")
        .to_string()
}

/// Every input byte is decoded (maps to some output) or inside a problem.
pub fn accounted(bytes: &[u8], d: &Decoded<'_>) -> Result<(), String> {
    let m = d.offsets();
    if m.original_len() != bytes.len() || m.output_len() != d.text().len() {
        return Err(format!(
            "offset map lengths {} / {} for input {} / text {}",
            m.original_len(),
            m.output_len(),
            bytes.len(),
            d.text().len()
        ));
    }
    let bom = if d.had_bom() {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            2
        }
    } else {
        0
    };
    let utf16 = matches!(d.encoding(), Encoding::Utf16Le | Encoding::Utf16Be);
    let step = if utf16 { 2 } else { 1 };
    let mut i = bom;
    while i < bytes.len() {
        let unit = Span::new(i, (i + step).min(bytes.len()));
        let mapped = !m.to_output(unit).is_empty();
        let reported = d
            .problems()
            .iter()
            .any(|p| p.span.start <= i && i < p.span.end);
        if !mapped && !reported {
            return Err(format!("input byte {i} is neither decoded nor reported"));
        }
        i += step;
    }
    // Problems point inside the input, in order.
    let mut last = 0;
    for p in d.problems() {
        if p.span.end > bytes.len() || p.span.start < last {
            return Err(format!("problem {p:?} out of range or order"));
        }
        last = p.span.start;
    }
    Ok(())
}

fn run_vector(v: &Value) -> Vec<String> {
    let mut fails = Vec::new();
    let bytes = input(v);
    let mut b = Decoder::builder();
    if let Some(e) = v.get("encoding").and_then(Value::as_str) {
        b = b.encoding(Encoding::from_label(e).expect("known encoding"));
    }
    if v.get("errors").and_then(Value::as_str) == Some("strict") {
        b = b.errors(Errors::Strict);
    }
    if v.get("mojibake").and_then(Value::as_str) == Some("cp1252") {
        b = b.mojibake(MojibakeRepair::Cp1252);
    }
    if v.get("scope").and_then(Value::as_str) == Some("line") {
        b = b.scope(Scope::Line);
    }
    let result = b.build().decode(&bytes);
    if let Some(want) = v.get("error") {
        match result {
            Ok(d) => fails.push(format!("expected an error, got Ok({:?})", d.text())),
            Err(e) => {
                let got = match e.kind() {
                    ErrorKind::InvalidUtf8 {
                        valid_up_to,
                        error_len,
                    } => {
                        serde_json::json!({"valid_up_to": valid_up_to, "error_len": error_len})
                    }
                    ErrorKind::Undecodable { offset, len } => {
                        serde_json::json!({"offset": offset, "len": len})
                    }
                    other => serde_json::json!(format!("{other:?}")),
                };
                if &got != want {
                    fails.push(format!("error {got} != {want}"));
                }
            }
        }
        return fails;
    }
    let d = match result {
        Ok(d) => d,
        Err(e) => return vec![format!("unexpected error {e}")],
    };
    if let Err(e) = accounted(&bytes, &d) {
        fails.push(e);
    }
    if let Some(t) = v.get("text").and_then(Value::as_str) {
        if d.text() != t {
            fails.push(format!("text {:?} != {t:?}", d.text()));
        }
    }
    if let Some(t) = v.get("nfc").and_then(Value::as_str) {
        let n: String = d.text().nfc().collect();
        if n != t {
            fails.push(format!("NFC text {n:?} != {t:?}"));
        }
    }
    if let Some(ps) = v.get("problems").and_then(Value::as_array) {
        let got: Vec<(usize, usize, String)> = d
            .problems()
            .iter()
            .map(|p| (p.span.start, p.span.end, kind_name(p.kind)))
            .collect();
        let want: Vec<(usize, usize, String)> = ps
            .iter()
            .map(|p| {
                (
                    p[0].as_u64().unwrap() as usize,
                    p[1].as_u64().unwrap() as usize,
                    p[2].as_str().unwrap().to_string(),
                )
            })
            .collect();
        if got != want {
            fails.push(format!("problems {got:?} != {want:?}"));
        }
    }
    if let Some(ks) = v.get("problem_kinds").and_then(Value::as_array) {
        for k in ks {
            let k = k.as_str().unwrap();
            if !d.problems().iter().any(|p| kind_name(p.kind) == k) {
                fails.push(format!("no {k} problem in {:?}", d.problems()));
            }
        }
    }
    if let Some(e) = v.get("expect_encoding").and_then(Value::as_str) {
        if d.encoding().name() != e {
            fails.push(format!("encoding {} != {e}", d.encoding()));
        }
    }
    if let Some(c) = v.get("confidence_min").and_then(Value::as_f64) {
        if f64::from(d.confidence()) < c {
            fails.push(format!("confidence {} < {c}", d.confidence()));
        }
    }
    if let Some(h) = v.get("had_bom").and_then(Value::as_bool) {
        if d.had_bom() != h {
            fails.push(format!("had_bom {} != {h}", d.had_bom()));
        }
    }
    if let Some(r) = v.get("repair").and_then(Value::as_str) {
        let got = match d.repair() {
            MojibakeRepair::Cp1252 => "cp1252",
            _ => "off",
        };
        if got != r {
            fails.push(format!("repair {got} != {r}"));
        }
    }
    if let Some(maps) = v.get("map").and_then(Value::as_array) {
        for m in maps {
            let n: Vec<usize> = m
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect();
            let got = d.offsets().to_original(Span::new(n[0], n[1]));
            if got != Span::new(n[2], n[3]) {
                fails.push(format!(
                    "text {}..{} maps to {got:?}, expected {}..{}",
                    n[0], n[1], n[2], n[3]
                ));
            }
        }
    }
    if let Some(segs) = v.get("segments").and_then(Value::as_array) {
        let got: Vec<&str> = d.segments().iter().map(|s| s.encoding.name()).collect();
        let want: Vec<&str> = segs.iter().map(|s| s.as_str().unwrap()).collect();
        if got != want {
            fails.push(format!("segments {got:?} != {want:?}"));
        }
    }
    fails
}

#[test]
fn bad_input_vectors() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/decode/bad_inputs.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("vector file");
    let mut classes = std::collections::BTreeSet::new();
    let (mut passed, mut failed) = (0, 0);
    let mut report = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        classes.insert(v["class"].as_u64().unwrap());
        let fails = run_vector(&v);
        if fails.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            report.push(format!(
                "line {} (class {}, {}):\n    {}",
                n + 1,
                v["class"],
                v["name"],
                fails.join("\n    ")
            ));
        }
    }
    println!("decode vectors: {passed} passed, {failed} failed");
    assert_eq!(classes, (1..=12).collect(), "one vector per class 1–12");
    assert!(report.is_empty(), "{}", report.join("\n"));
}

const ALL_CHOICES: [Option<Encoding>; 10] = [
    None,
    Some(Encoding::Utf8),
    Some(Encoding::Utf8Nfd),
    Some(Encoding::Utf16Le),
    Some(Encoding::Utf16Be),
    Some(Encoding::Tcvn3),
    Some(Encoding::Vni),
    Some(Encoding::Viqr),
    Some(Encoding::Viscii),
    Some(Encoding::Cp1258),
];

fn check_all(bytes: &[u8]) -> Vec<String> {
    let mut fails = Vec::new();
    for enc in ALL_CHOICES {
        for scope in [Scope::Document, Scope::Line] {
            for moji in [MojibakeRepair::Off, MojibakeRepair::Cp1252] {
                let d = Decoder::builder()
                    .encoding(enc)
                    .scope(scope)
                    .mojibake(moji)
                    .build();
                let Ok(out) = d.decode(bytes) else {
                    fails.push(format!("{enc:?}: lossy decoding failed"));
                    continue;
                };
                if let Err(e) = accounted(bytes, &out) {
                    fails.push(format!("{bytes:02x?} as {enc:?}/{scope:?}/{moji:?}: {e}"));
                }
                if !(0.0..=1.0).contains(&out.confidence()) {
                    fails.push(format!("confidence {} out of range", out.confidence()));
                }
                // Strict mode must not panic either.
                let _ = Decoder::builder()
                    .encoding(enc)
                    .errors(Errors::Strict)
                    .build()
                    .decode(bytes);
            }
        }
    }
    fails
}

#[test]
fn empty_input() {
    let d = decode(b"");
    assert_eq!(d.text(), "");
    assert_eq!(d.encoding(), Encoding::Utf8);
    assert!(d.problems().is_empty());
    assert!(check_all(b"").is_empty());
}

#[test]
fn every_byte_alone_in_every_encoding() {
    let mut fails = Vec::new();
    for b in 0..=255u8 {
        fails.extend(check_all(&[b]));
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn random_bytes_never_panic_and_are_accounted_for() {
    // xorshift64*: deterministic, no dependency.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let alphabets: [&[u8]; 4] = [
        b"aeiouyAEIOUYdDnt \n.?'`~^(+\\",
        &[
            0x00, 0x01, 0x02, 0x0A, 0x61, 0x65, 0xB0, 0xB3, 0xC3, 0xE1, 0xBB, 0x87, 0x80, 0x81,
            0xF9, 0xF4, 0xF6, 0xD1, 0xFE, 0xFF, 0xEF, 0xBF, 0xD8,
        ],
        &[0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0x61, 0xD8, 0xDC],
        &[],
    ];
    let mut fails = Vec::new();
    for round in 0..400 {
        let len = (next() % 64) as usize;
        let alpha = alphabets[round % alphabets.len()];
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if alpha.is_empty() {
                    (r >> 32) as u8
                } else {
                    alpha[(r % alpha.len() as u64) as usize]
                }
            })
            .collect();
        fails.extend(check_all(&bytes));
    }
    assert!(
        fails.is_empty(),
        "{}",
        fails
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn valid_utf8_is_borrowed() {
    let text = "Năm 2017, Đảng bộ xã Dương Quang";
    let d = decode(text.as_bytes());
    assert!(matches!(d.into_text(), std::borrow::Cow::Borrowed(t) if t.as_ptr() == text.as_ptr()));
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    assert!(matches!(
        decode_as(&with_bom, Encoding::Utf8).into_text(),
        std::borrow::Cow::Borrowed(_)
    ));
}
