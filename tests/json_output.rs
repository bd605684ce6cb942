//! The command-line tools' JSON writer (`examples/shared/json.rs`) against
//! `serde_json::to_writer`, which it replaces for compact output: the same
//! bytes for every string (escapes at every position of every length, the
//! bytes around the eight-byte words it tests), every kind of value serde
//! can describe (with the cases it leaves to serde_json: keys that are not
//! strings, a failing `Serialize`), and every Document the tools write: the
//! seed article, the extraction fixtures, texts written here, with every
//! option (`--numbers`, `--diagnostics`, `--char-offsets`, ids with
//! escapes), and the whole corpus when `../shared` is there.

#[path = "../examples/shared/cli.rs"]
mod cli;
mod common;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use std::collections::BTreeMap;
use vietfacts::{Diagnostics, Document, Extractor};

/// The bytes of `value` by both writers, asserted equal.
fn same<T: Serialize + ?Sized>(value: &T, what: &str) {
    let want = serde_json::to_vec(value);
    let mut got = b"[prefix kept]".to_vec();
    let ours = cli::json::write(&mut got, value);
    match (want, ours) {
        (Ok(want), Ok(())) => {
            let got = got.strip_prefix(b"[prefix kept]").unwrap_or(&got);
            assert!(
                got == want.as_slice(),
                "{what}:\n ours  {}\n serde {}",
                String::from_utf8_lossy(got),
                String::from_utf8_lossy(&want)
            );
        }
        (Err(want), Err(ours)) => assert_eq!(ours.to_string(), want.to_string(), "{what}"),
        (want, ours) => panic!("{what}: serde_json {want:?}, ours {ours:?}"),
    }
}

/// A string by `json::string` and by serde_json, asserted equal.
fn same_string(s: &str) {
    let mut ours = Vec::new();
    cli::json::string(&mut ours, s);
    let want = serde_json::to_vec(s).expect("a string serializes");
    assert!(
        ours == want,
        "{s:?}:\n ours  {}\n serde {}",
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&want)
    );
    // The same string as a key and as a value, after other entries.
    let mut map = BTreeMap::new();
    map.insert(s.to_string(), s.to_string());
    map.insert(format!("{s}{s}"), String::new());
    map.insert(String::new(), format!("a{s}"));
    same(&map, s);
}

/// A small deterministic generator (xorshift), for reproducible mixes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces strings are made of: Vietnamese words, digits, punctuation, and
/// every kind of byte JSON escapes or that looks close to one.
const PIECES: &[&str] = &[
    "xã",
    "Dương",
    "Quang",
    "Ủy ban nhân dân",
    "đồng",
    "năm",
    "2017",
    "13,6%",
    "1.500",
    " ",
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\r\n",
    "\t",
    "\u{8}",
    "\u{c}",
    "\u{0}",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    " ",
    "!",
    "#",
    "[",
    "]",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "😀",
    "👨‍👩‍👧",
    "\u{10ffff}",
    "a\u{301}",
    "“Gia đình văn hóa”",
    "/",
    "\u{80}",
    "ÿ",
];

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    // Every control character, the quote and the backslash, alone and at
    // every position of strings of every length up to three words.
    let specials: Vec<char> = (0u8..0x20)
        .map(char::from)
        .chain(['"', '\\', '\u{7f}', ' ', '/', '\u{2028}', 'é', '😀'])
        .collect();
    for len in 0..26 {
        same_string(&"a".repeat(len));
        same_string(&"ư".repeat(len));
        for at in 0..=len {
            for &c in &specials {
                let mut s: String = "b".repeat(at);
                s.push(c);
                s.push_str(&"c".repeat(len - at));
                same_string(&s);
            }
        }
    }
    // Two and three escapes close together, across word boundaries.
    for len in 0..20 {
        for a in 0..len {
            for b in a..len {
                let s: String = (0..len)
                    .map(|i| match i {
                        _ if i == a => '"',
                        _ if i == b => '\n',
                        _ => 'x',
                    })
                    .collect();
                same_string(&s);
            }
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let n = rng.below(12);
        let s: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        same_string(&s);
    }
}

/// A `Serialize` that uses every shape of serde's data model.
#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(i8),
    Tuple(u8, char),
    Struct { a: Option<bool>, b: Vec<u16> },
}

#[derive(Serialize)]
struct Newtype(&'static str);

#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct Tuple3(i32, (), f32);

#[derive(Serialize)]
struct Inner {
    #[serde(rename = "kind \"quoted\"\n")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<f64>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    First(Inner),
    Second { x: i64 },
}

#[derive(Serialize)]
struct Flat {
    #[serde(flatten)]
    tagged: Tagged,
    #[serde(flatten)]
    extra: BTreeMap<String, serde_json::Value>,
    tail: [usize; 2],
}

/// A sequence and a map whose length hints are wrong: serde_json writes
/// `[]` (`{}`) at once for a hint of zero and the elements after it.
struct Liar;

impl Serialize for Liar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Liar", 2)?;
        st.serialize_field("seq", &LiarSeq)?;
        st.serialize_field("map", &LiarMap)?;
        st.end()
    }
}

struct LiarSeq;

impl Serialize for LiarSeq {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(0))?;
        seq.serialize_element(&1)?;
        seq.serialize_element("two")?;
        seq.end()
    }
}

struct LiarMap;

impl Serialize for LiarMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(0))?;
        map.serialize_entry("a", &1)?;
        map.end()
    }
}

/// A value whose `Serialize` fails halfway.
struct Fails;

impl Serialize for Fails {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element("written first")?;
        Err(serde::ser::Error::custom("không đọc được"))
    }
}

#[test]
fn every_shape_of_value_is_written_as_serde_json_writes_it() {
    let numbers: Vec<serde_json::Value> = vec![
        0.into(),
        7.into(),
        (-7).into(),
        i64::MIN.into(),
        i64::MAX.into(),
        u64::MAX.into(),
        99_999_999u64.into(),
        100_000_000u64.into(),
        (-99_999_999i64).into(),
        13.6.into(),
        0.1.into(),
        (-0.0).into(),
        1e16.into(),
        1.5e-7.into(),
        f64::MAX.into(),
        f64::MIN_POSITIVE.into(),
    ];
    same(&numbers, "numbers");
    for v in (0..2_000u64).chain((0..64).map(|s| 1u64 << s)) {
        same(&v, "u64");
        same(&(v as i64).wrapping_neg(), "i64");
        same(&(v as u32), "u32");
        same(&(v as f64 / 8.0), "f64");
    }
    same(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY], "non-finite");
    same(&[f32::NAN, 1.5f32, 0.1f32, f32::MAX], "f32");
    same(&(i128::MIN, u128::MAX, 0i128), "128-bit");
    same(&(true, false, (), 'x', '"', '\n', '😀'), "tuple");
    same(&serde_bytes_like(), "bytes");
    same(
        &vec![
            Shape::Unit,
            Shape::Newtype(-3),
            Shape::Tuple(200, '\u{2028}'),
            Shape::Struct {
                a: Some(false),
                b: vec![1, 2, 3],
            },
            Shape::Struct { a: None, b: vec![] },
        ],
        "enum shapes",
    );
    same(
        &(Newtype("a\"b"), UnitStruct, Empty {}, Tuple3(-1, (), 2.5)),
        "structs",
    );
    let mut extra = BTreeMap::new();
    extra.insert("z\u{1}".to_string(), serde_json::json!({"": [[], {}]}));
    extra.insert("y".to_string(), serde_json::Value::Null);
    for tagged in [
        Tagged::First(Inner {
            kind: "x\\y",
            end: Some(2.0),
        }),
        Tagged::First(Inner {
            kind: "",
            end: None,
        }),
        Tagged::Second { x: -5 },
    ] {
        same(
            &Flat {
                tagged,
                extra: extra.clone(),
                tail: [3, 4],
            },
            "flatten",
        );
    }
    same(&Liar, "wrong length hints");
    same(&(Option::<u8>::None, Some("a"), Some(Some(1))), "options");
    // Keys that are not strings: serde_json quotes some, refuses others.
    let mut by_number = BTreeMap::new();
    by_number.insert(1u32, "một");
    by_number.insert(20, "hai mươi");
    same(&by_number, "integer keys");
    let mut by_bool = BTreeMap::new();
    by_bool.insert(true, 1);
    same(&by_bool, "bool keys");
    let mut by_char = BTreeMap::new();
    by_char.insert('"', 1);
    by_char.insert('a', 2);
    same(&by_char, "char keys");
    let mut by_unit_variant = BTreeMap::new();
    by_unit_variant.insert(vietfacts::FactKind::Money, 1);
    same(&by_unit_variant, "unit variant keys");
    let mut by_pair = BTreeMap::new();
    by_pair.insert((1, 2), 3);
    same(&by_pair, "tuple keys (refused)");
    same(&Fails, "a failing Serialize");
    same(&vec![Some(Fails)], "a failing Serialize inside");
}

/// Bytes as serde describes them (`serialize_bytes`).
fn serde_bytes_like() -> impl Serialize {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&[0, 1, 255, 34, 92])
        }
    }
    (Bytes, EmptyBytes)
}

struct EmptyBytes;

impl Serialize for EmptyBytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&[])
    }
}

/// The options a Document can be extracted and written with.
#[derive(Clone, Copy, Debug)]
struct Options {
    numbers: bool,
    diagnostics: bool,
    char_offsets: bool,
}

const ALL_OPTIONS: [Options; 4] = [
    Options {
        numbers: false,
        diagnostics: false,
        char_offsets: false,
    },
    Options {
        numbers: true,
        diagnostics: true,
        char_offsets: false,
    },
    Options {
        numbers: false,
        diagnostics: false,
        char_offsets: true,
    },
    Options {
        numbers: true,
        diagnostics: true,
        char_offsets: true,
    },
];

fn extractor(o: Options) -> Extractor {
    let mut b = Extractor::builder();
    if o.numbers {
        b = b.with_numbers();
    }
    if o.diagnostics {
        b = b.diagnostics(Diagnostics::Report);
    }
    b.build()
}

/// The line of `doc` by both writers, asserted equal.
fn same_document(doc: &Document, text: &str, char_offsets: bool, what: &str) {
    let mut want = Vec::new();
    serde_json::to_writer(&mut want, &cli::document_json(doc, text, char_offsets))
        .expect("a Document serializes");
    let mut ours = Vec::new();
    cli::write_document_json(&mut ours, doc, text, char_offsets).expect("a Document serializes");
    if ours != want {
        let at = ours
            .iter()
            .zip(&want)
            .position(|(a, b)| a != b)
            .unwrap_or(ours.len().min(want.len()));
        let around = |v: &[u8]| {
            String::from_utf8_lossy(&v[at.saturating_sub(60)..(at + 60).min(v.len())]).into_owned()
        };
        panic!(
            "{what}: differs at byte {at}\n ours  …{}…\n serde …{}…",
            around(&ours),
            around(&want)
        );
    }
}

/// Ids as the tools echo them: with every kind of escape.
const IDS: &[Option<&str>] = &[
    None,
    Some(""),
    Some("bài-1"),
    Some("a \"quoted\" id"),
    Some("C:\\tin\\2017"),
    Some("dòng 1\ndòng 2\ttab\r\u{0}\u{1f}"),
    Some("\u{2028}\u{2029}😀\u{feff}"),
    Some("42"),
];

/// Texts written for this test (not from the corpus).
const TEXTS: &[&str] = &[
    "",
    "   ",
    "Năm 2017, xã Dương Quang có 7 tập thể và 19 cá nhân được Đảng bộ xã tặng Giấy khen.",
    "Doanh thu đạt 1,2 tỷ đồng, tăng 13,6% so với cùng kỳ; vượt 5% kế hoạch.",
    "UBND tỉnh Hà Giang và Thành ủy TP.HCM phát động phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\".",
    "Ngày 15/3/2018, Hội Nông dân huyện tổ chức Đại hội lần thứ hai tại quận 9.",
    "Dự án Hồ chứa nước Nặm Cắt được khởi công vào quý I/2024, khoảng 28.500 tấn lúa.",
    "mười chín người, thứ hai, hai mươi lăm phần trăm, 99999999999999999999 đồng, 1.2.3.4 tấn",
    "Giá \\ “Gia đình văn hóa” \t\t 3/4/2019 — 2017–2018\u{2028}tiếp\r\nhết.",
    "😀 năm 2020 😀 tăng 10–15% \u{0} \u{1} 5 triệu USD",
];

#[test]
fn documents_are_written_as_serde_json_writes_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
    texts.push(std::fs::read_to_string(root.join("fixtures/duong-quang-2017.txt")).expect("seed"));
    let data = root.join("tests/data/extract");
    let mut files: Vec<_> = std::fs::read_dir(&data)
        .expect("tests/data/extract")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let lines = std::fs::read_to_string(&path).expect("fixture");
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line");
            if let Some(t) = v["text"].as_str() {
                texts.push(t.to_string());
            }
        }
    }
    let mut documents = 0;
    for o in ALL_OPTIONS {
        let ex = extractor(o);
        for (i, text) in texts.iter().enumerate() {
            let mut doc = ex.extract(text);
            doc.id = IDS[i % IDS.len()].map(str::to_string);
            same_document(&doc, text, o.char_offsets, &format!("text {i} {o:?}"));
            documents += 1;
        }
        // Undecodable bytes (a decoding diagnostic), another encoding, and
        // a cut list of facts.
        let bytes = b"Doanh thu \xff\xfe 1,2 t\xc3\xbd \xc4\x91\xe1\xbb\x93ng n\xc4\x83m 2017";
        let decoded = vietfacts::Decoder::builder()
            .build()
            .decode(bytes)
            .expect("decodes");
        let doc = ex.extract_decoded(&decoded);
        same_document(&doc, decoded.text(), o.char_offsets, "decoding diagnostic");
        let viqr = b"Na(m 2017 xa~ Du+o+ng Quang ta(ng 13,6%";
        let decoded = vietfacts::Decoder::builder()
            .encoding(Some(vietfacts::Encoding::Viqr))
            .build()
            .decode(viqr)
            .expect("decodes");
        let doc = ex.extract_decoded(&decoded);
        same_document(&doc, decoded.text(), o.char_offsets, "VIQR");
        let cut = Extractor::builder().max_facts(2).build();
        let text = &texts[2];
        let doc = cut.extract(text);
        assert!(doc.truncated, "max_facts(2) cuts the seed sentence");
        same_document(&doc, text, o.char_offsets, "truncated");
    }
    assert!(documents > 100, "{documents} documents");
}

#[test]
fn every_corpus_document_is_written_as_serde_json_writes_it() {
    const TEST: &str = "json_output";
    let Some(path) = common::shared_path(TEST, "corpus/vi-news.jsonl.gz") else {
        return;
    };
    let out = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(&path)
        .output()
        .expect("gzip -dc");
    assert!(out.status.success(), "gzip -dc failed");
    let data = String::from_utf8(out.stdout).expect("UTF-8");
    let plain = extractor(ALL_OPTIONS[0]);
    let full = extractor(ALL_OPTIONS[3]);
    let mut articles = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let record = cli::parse_record_str(line, "id", "text").expect("corpus record");
        let mut doc = plain.extract(&record.text);
        doc.id = record.id.clone();
        same_document(&doc, &record.text, false, &format!("{:?}", record.id));
        let mut doc = full.extract(&record.text);
        doc.id = record.id.clone();
        same_document(
            &doc,
            &record.text,
            true,
            &format!("{:?} all options", record.id),
        );
        articles += 1;
    }
    eprintln!("{TEST}: {articles} articles written both ways, with and without options");
    assert_eq!(articles, 9_631);
}
