//! The command-line tools' reading of their input against the general
//! paths it replaces:
//!
//! - the reading of lines (`examples/shared/cli.rs`, `read_line`) against
//!   `BufRead::read_until`, with buffers small enough to split lines;
//! - the reading of a JSON Lines record (`examples/shared/cli.rs`,
//!   `parse_record`) against reading the whole line into a
//!   `serde_json::Value` and looking its id and text fields up: same
//!   records, same error messages, on hostile lines and many generated ones.

#[path = "../examples/shared/cli.rs"]
mod cli;

use proptest::prelude::*;
use serde_json::Value;
use std::borrow::Cow;
use std::io::BufRead;

/// The lines of `input` by `read_line` and by `read_until` (its `\n`
/// removed), through a reader of `capacity` bytes.
fn same_lines(input: &[u8], capacity: usize) {
    let mut ours = Vec::new();
    let mut reader = std::io::BufReader::with_capacity(capacity, input);
    loop {
        let mut line = Vec::new();
        if !cli::read_line(&mut reader, &mut line).expect("reads") {
            break;
        }
        ours.push(line);
    }
    let mut want = Vec::new();
    let mut reader = std::io::BufReader::with_capacity(capacity, input);
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).expect("reads") == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        want.push(line);
    }
    assert_eq!(
        ours,
        want,
        "{:?} by {capacity}",
        String::from_utf8_lossy(input)
    );
}

#[test]
fn lines_are_read_as_read_until_reads_them() {
    for input in [
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "a\nb",
        "{\"text\": \"xã Dương Quang\"}\r\n\n{\"text\": \"năm 2017\"}",
    ] {
        for capacity in 1..12 {
            same_lines(input.as_bytes(), capacity);
        }
    }
}

/// The reference: the line as a `serde_json::Value`.
fn by_value(
    line: &[u8],
    id_field: &str,
    text_field: &str,
) -> Result<(Option<String>, String), String> {
    let v: Value = serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = v
        .get(text_field)
        .and_then(|t| t.as_str())
        .ok_or_else(|| format!("no \"{text_field}\" string field"))?
        .to_string();
    let id = match v.get(id_field) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    Ok((id, text))
}

/// `parse_record` in the reference's terms.
fn by_record(
    line: &[u8],
    id_field: &str,
    text_field: &str,
) -> Result<(Option<String>, String), String> {
    cli::parse_record(line, id_field, text_field).map(|r| (r.id, r.text.into_owned()))
}

/// Both readings agree on `line`, for the default field names, other
/// names, and one name for both fields; so does the reader of objects of
/// strings alone when it reads the line. Whether it did, with the default
/// names.
fn same(line: &[u8]) -> bool {
    for (id, text) in [
        ("id", "text"),
        ("title", "text"),
        ("id", "title"),
        ("text", "text"),
    ] {
        let want = by_value(line, id, text);
        let context = format!(
            "{:?} with id field {id:?}, text field {text:?}",
            String::from_utf8_lossy(line)
        );
        assert_eq!(by_record(line, id, text), want, "{context}");
        let flat = std::str::from_utf8(line)
            .ok()
            .and_then(|s| cli::flat_record(s, id, text));
        if let Some(r) = flat {
            assert_eq!(Ok((r.id, r.text.into_owned())), want, "flat: {context}");
        }
    }
    std::str::from_utf8(line).is_ok_and(|s| cli::flat_record(s, "id", "text").is_some())
}

#[test]
fn hostile_lines_read_as_a_value_reads_them() {
    let lines: &[&[u8]] = &[
        br#"{"id": "a\"b", "text": "Ng\u00e0y 15/3/2018 x\u00e3 D\u01b0\u01a1ng Quang \ud83d\ude00"}"#,
        r#"{"id": 42, "text": "năm 2017 vượt 13,6% kế hoạch"}"#.as_bytes(),
        br#"{"id": null, "text": "UBND t\u1ec9nh"}"#,
        br#"{"id": 1.5e3, "text": "qu\u00fd I/2024"}"#,
        br#"{"id": -0, "text": "x"}"#,
        br#"{"id": 12345678901234567890, "text": "x"}"#,
        br#"{"id": 123456789012345678901234567890, "text": "x"}"#,
        br#"{"id": [1, {"a": [true, false, null]}], "text": "x"}"#,
        br#"{"id": {"b": 1, "a": 2}, "text": "x"}"#,
        br#"{"id": true, "text": "x"}"#,
        br#"{"text": "no id"}"#,
        br#"{"id": "no text"}"#,
        br#"{"id": "x", "text": 5}"#,
        br#"{"id": "x", "text": null}"#,
        br#"{"id": "x", "text": ["a"]}"#,
        br#"{"id": "x", "text": "first", "text": "last"}"#,
        br#"{"id": "x", "text": "first", "text": 7}"#,
        br#"{"id": "x", "text": 7, "text": "last"}"#,
        br#"{"id": "first", "id": "last", "text": "x"}"#,
        br#"{"t\u0065xt": "an escaped key", "\u0069d": 1}"#,
        br#"{"title": "Ti\u00eau \u0111\u1ec1", "text": "x", "id": "y"}"#,
        br#"{"title": 1e400, "text": "a number out of range elsewhere"}"#,
        br#"{"title": "\ud800", "text": "a lone surrogate elsewhere"}"#,
        br#"{"title": "\x", "text": "a bad escape elsewhere"}"#,
        b"{\"title\": \"a\x01b\", \"text\": \"a control character elsewhere\"}",
        b"{\"title\": \"\xff\", \"text\": \"bad UTF-8 elsewhere\"}",
        b"{\"text\": \"bad UTF-8 \xc3\"}",
        b"{\"text\": \"x\"}\xff",
        br#"{"id": "x", "text": "bad \ud800 lone"}"#,
        br#"{"id": "x", "text": "tab\there\nnewline \u0000"}"#,
        br#"not json"#,
        br#"{"id": "x", "text": "a"} trailing"#,
        br#"{"id": "x", "text": "a"}   "#,
        br#"  {"id": "x", "text": "a"}"#,
        br#"{"id": "x", "text": "trailing comma",}"#,
        br#"{"id": "x" "text": "no comma"}"#,
        br#"{"id": "x", "text": "unterminated"#,
        br#"{"id": "x", "text": "#,
        br#"{"id": "x", 5: "a number key"}"#,
        br#"[1, 2, 3]"#,
        br#"["text", "in an array"]"#,
        br#""just a string""#,
        br#"5"#,
        br#"null"#,
        br#"{}"#,
        br#""#,
        b"{\"text\": \"crlf\"}\r",
    ];
    for line in lines {
        same(line);
    }
    // Objects of strings, as corpora are, read by the reader of those.
    let flat: &[&[u8]] = &[
        r#"{"id": "unc-1", "source": "undertheseanlp", "title": "", "text": "Năm 2020, Vinamilk\nvượt 13,6%"}"#.as_bytes(),
        br#"{"text": "no escapes"}"#,
        b" {\"t\\u0065xt\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e0\\u00C0\\ud83d\\ude00\" , \"id\":\"x\"}\t",
        b"{\"text\": \"a\",\r\n\"text\": \"last\"}",
        r#"{"id": "first", "id": "last", "text": "Dương Quang"}"#.as_bytes(),
    ];
    for line in flat {
        assert!(same(line), "{:?}", String::from_utf8_lossy(line));
    }
    // Nesting deeper than serde_json allows, in a field that is not kept.
    let deep = format!(
        r#"{{"x": {}1{}, "text": "a"}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    same(deep.as_bytes());
    let shallow = format!(
        r#"{{"x": {}1{}, "text": "a"}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    same(shallow.as_bytes());
}

#[test]
fn a_text_without_escapes_is_borrowed_from_the_line() {
    let line = r#"{"id": "duong-quang", "text": "Đảng bộ xã Dương Quang tặng Giấy khen"}"#;
    let r = cli::parse_record(line.as_bytes(), "id", "text").expect("a record");
    assert!(matches!(r.text, Cow::Borrowed(_)));
    assert_eq!(r.text, "Đảng bộ xã Dương Quang tặng Giấy khen");
    assert_eq!(r.id.as_deref(), Some("duong-quang"));
    let escaped = r#"{"text": "Năm 2017\nvượt 13,6% kế hoạch"}"#;
    let r = cli::parse_record(escaped.as_bytes(), "id", "text").expect("a record");
    assert_eq!(r.text, "Năm 2017\nvượt 13,6% kế hoạch");
    assert_eq!(r.id, None);
}

/// Pieces of JSON Lines, good and bad, to glue at random.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\"",
    "\\",
    "\"id\"",
    "\"text\"",
    "\"title\"",
    "\"t\\u0065xt\"",
    "\"xã Dương Quang\"",
    "\"13,6%\\n\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud800\"",
    "\"\\u00e0\"",
    "\"\\q\"",
    "null",
    "true",
    "1",
    "-0",
    "1.5e3",
    "1e400",
    "18446744073709551616",
    "\u{1}",
    "é",
    "\t",
    "\"a\"",
];

/// Keys of objects of strings, as written in JSON.
const FLAT_KEYS: &[&str] = &["id", "text", "title", "t\\u0065xt", "\\ud83d\\ude00"];

/// Pieces of their values, as written in JSON: good and bad escapes, lone
/// and paired surrogates, control characters.
const FLAT_PIECES: &[&str] = &[
    "xã Dương Quang",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\u00e0",
    "\\u00C0",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\u0041",
    "\\u12",
    "\\u+123",
    "\\x",
    "\t",
    "\u{1}",
    "\u{7f}",
    " ",
    "0123456789abcdef",
];

/// A well-formed record: some of the fields, with some of the values.
fn record() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec!["\"id\"", "\"text\"", "\"title\"", "\"t\\u0065xt\""]);
    let value = prop::sample::select(vec![
        "\"Ngày 15/3/2018, xã tổ chức đại hội.\"",
        "\"Thu ng\\u00e2n s\\u00e1ch \\\"\\u0111\\u1ea1t\\\" 1,2 tỷ đồng\"",
        "\"\"",
        "42",
        "-1.25",
        "null",
        "[1, \"a\", {\"text\": \"inner\"}]",
        "{\"id\": 1}",
        "false",
    ]);
    prop::collection::vec((key, value), 0..5).prop_map(|entries| {
        let body: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("{{{}}}", body.join(", "))
    })
}

/// `line` with one byte replaced (`edit` 0), inserted (1) or removed (2)
/// at `at`, or as it is (3).
fn edited(line: String, at: prop::sample::Index, byte: u8, edit: u8) -> Vec<u8> {
    let mut bytes = line.into_bytes();
    let i = at.index(bytes.len() + 1);
    match edit {
        0 if i < bytes.len() => bytes[i] = byte,
        1 => bytes.insert(i, byte),
        2 if i < bytes.len() => {
            bytes.remove(i);
        }
        _ => {}
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Generated inputs of short lines, through small buffers.
    #[test]
    fn generated_lines_are_read_as_read_until_reads_them(
        pieces in prop::collection::vec(prop::sample::select(vec!["a", "ư", "\n", "\r", " ", "{}"]), 0..30),
        capacity in 1..20usize,
    ) {
        same_lines(pieces.concat().as_bytes(), capacity);
    }

    /// Pieces glued at random: mostly bad JSON, so the errors are compared.
    #[test]
    fn glued_pieces_read_as_a_value_reads_them(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..24)
    ) {
        same(pieces.concat().as_bytes());
    }

    /// Objects of strings, then one byte of them replaced, inserted or
    /// removed.
    #[test]
    fn objects_of_strings_and_their_one_byte_edits_read_as_a_value_reads_them(
        entries in prop::collection::vec((prop::sample::select(FLAT_KEYS), prop::collection::vec(prop::sample::select(FLAT_PIECES), 0..8)), 1..5),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"{}:,\"\\ u\x01".to_vec()),
        edit in 0..4u8,
    ) {
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("\"{k}\": \"{}\"", v.concat()))
            .collect();
        let line = format!("{{{}}}", body.join(", "));
        same(line.as_bytes());
        same(&edited(line, at, byte, edit));
    }

    /// Good records, then one byte of them replaced, inserted or removed.
    #[test]
    fn records_and_their_one_byte_edits_read_as_a_value_reads_them(
        line in record(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"{}[]:,\"\\ u0x1\x01\xff\xc3".to_vec()),
        edit in 0..4u8,
    ) {
        same(line.as_bytes());
        same(&edited(line, at, byte, edit));
    }
}
