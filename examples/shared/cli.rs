//! What the command-line examples share: the extraction options
//! (`--kinds`, `--encoding`, `--tone`, `--reference-date`, `--numbers`,
//! `--diagnostics`, `--char-offsets`), the reading of a JSON Lines record
//! and the JSON of a Document.
#![allow(dead_code)]

#[path = "json.rs"]
pub mod json;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::io::BufRead;
use vietfacts::{
    Decoder, Diagnostics, Document, Encoding, Extractor, FactKind, RefDate, ToneStyle,
};

/// The options every tool takes.
#[derive(Clone, Debug, Default)]
pub struct Common {
    pub encoding: Option<Encoding>,
    pub numbers: bool,
    pub reference: Option<RefDate>,
    pub kinds: Option<Vec<FactKind>>,
    pub tone: ToneStyle,
    pub diagnostics: bool,
    pub char_offsets: bool,
}

/// Usage text of the shared options.
pub const COMMON_USAGE: &str = "[--encoding auto|utf-8|tcvn3|vni|viqr|viscii|cp1258] [--numbers] \
[--reference-date YYYY-MM-DD] [--kinds K1,K2] [--tone traditional|modern|preserve] \
[--diagnostics] [--char-offsets]";

/// Calls `f(name, value)` for each command-line argument: `name` is the
/// option (`--out`, also of `--out=FILE`) or the bare argument; `value(what)`
/// gives the option's value, inline (`--out=FILE`) or the next argument
/// (an error naming `what` and `usage` when there is none).
pub fn each_arg(
    usage: &str,
    mut f: impl FnMut(String, &mut dyn FnMut(&str) -> Result<String, String>) -> Result<(), String>,
) -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg, None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{what} needs a value\n{usage}"))
        };
        f(name, &mut value)?;
    }
    Ok(())
}

impl Common {
    /// Reads option `name` if it is one of the shared ones; `value` gives
    /// its argument. `Ok(false)` when `name` is not a shared option.
    pub fn take(
        &mut self,
        name: &str,
        value: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<bool, String> {
        match name {
            "--encoding" => {
                self.encoding =
                    Encoding::from_label(&value("--encoding")?).map_err(|e| e.to_string())?
            }
            "--numbers" => self.numbers = true,
            "--reference-date" => {
                self.reference = Some(
                    value("--reference-date")?
                        .parse()
                        .map_err(|e: vietfacts::Error| e.to_string())?,
                )
            }
            "--kinds" => {
                let kinds = value("--kinds")?
                    .split(',')
                    .filter(|k| !k.trim().is_empty())
                    .map(|k| k.parse::<FactKind>().map_err(|e| e.to_string()))
                    .collect::<Result<Vec<_>, _>>()?;
                self.kinds = Some(kinds);
            }
            "--tone" => {
                self.tone = value("--tone")?
                    .parse()
                    .map_err(|e: vietfacts::Error| e.to_string())?
            }
            "--diagnostics" => self.diagnostics = true,
            "--char-offsets" => self.char_offsets = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The extractor these options describe.
    pub fn extractor(&self) -> Extractor {
        let mut b = Extractor::builder()
            .tone(self.tone)
            .decoder(Decoder::builder().encoding(self.encoding).build());
        if let Some(kinds) = &self.kinds {
            b = b.kinds(kinds.iter().copied());
        }
        if self.numbers {
            b = b.with_numbers();
        }
        if let Some(d) = self.reference {
            b = b.reference_date(d);
        }
        if self.diagnostics {
            b = b.diagnostics(Diagnostics::Report);
        }
        b.build()
    }
}

/// Byte offsets → code-point offsets of one text (for Python users).
pub struct CharIndex {
    /// Byte offset of every char boundary, in order.
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The code-point offset of byte offset `b` (a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        self.starts.partition_point(|&s| s < b)
    }
}

/// A fact as written out: the fact's own fields, in their order, and its
/// `char_span` when asked.
#[derive(serde::Serialize)]
pub struct FactOut<'a> {
    #[serde(flatten)]
    fact: &'a vietfacts::Fact,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_span: Option<[usize; 2]>,
}

/// A Document as written out (SCHEMA.md's field order).
#[derive(serde::Serialize)]
pub struct DocumentOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    encoding: Encoding,
    sentences: &'a [vietfacts::Span],
    facts: Vec<FactOut<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    diagnostics: &'a [vietfacts::Diagnostic],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
}

/// The Document to write, with `char_span` beside each `span` when asked
/// (offsets in code points of `text`).
pub fn document_json<'a>(doc: &'a Document, text: &str, char_offsets: bool) -> DocumentOut<'a> {
    let index = char_offsets.then(|| CharIndex::new(text));
    DocumentOut {
        id: doc.id.as_deref(),
        encoding: doc.encoding,
        sentences: &doc.sentences,
        facts: doc
            .facts
            .iter()
            .map(|f| FactOut {
                fact: f,
                char_span: index
                    .as_ref()
                    .map(|ix| [ix.char_of(f.span.start), ix.char_of(f.span.end)]),
            })
            .collect(),
        diagnostics: &doc.diagnostics,
        truncated: doc.truncated,
    }
}

/// Appends the compact JSON of `doc` (whose spans point into `text`) to
/// `out`: the bytes `serde_json::to_writer` of [`document_json`] writes,
/// by [`json::write`], and serde_json's error if it fails.
pub fn write_document_json(
    out: &mut Vec<u8>,
    doc: &Document,
    text: &str,
    char_offsets: bool,
) -> serde_json::Result<()> {
    json::write(out, &document_json(doc, text, char_offsets))
}

/// Appends the next line of `reader` to `line`, without its `\n`; false at
/// the end of the input. `BufRead::read_until` with a vector search for the
/// line break (the standard library's is a byte-wise loop), and `line`
/// grown once when the line is in the reader's buffer.
pub fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(any);
        }
        any = true;
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                line.extend_from_slice(buf.get(..i).unwrap_or(buf));
                reader.consume(i + 1);
                return Ok(true);
            }
            None => {
                let n = buf.len();
                line.extend_from_slice(buf);
                reader.consume(n);
            }
        }
    }
}

/// One record of a JSON Lines input: its id and its text.
#[derive(Debug, PartialEq)]
pub struct Record<'a> {
    /// The id field: a string as it is, any other JSON value as written
    /// (`42`, `1500.0` for `1.5e3`, `[1,2]`), none when absent or `null`.
    pub id: Option<String>,
    /// The text field, borrowed from the line when it has no escapes.
    pub text: Cow<'a, str>,
}

/// The record of one line (without its line break), its `id_field` and
/// `text_field`; the error says `not JSON: …` or `no "text" string field`.
/// The same answers as reading the line into a `serde_json::Value` and
/// looking both fields up (the same checks, the same errors; of a field
/// given twice the last counts; `tests/cli_io.rs` compares), without
/// building the Value: the line is checked as UTF-8 once, by SIMD; a line
/// that is one object of strings (every line of the corpora) is read by
/// [`Flat`], any other by serde_json through a visitor that keeps the two
/// fields and checks the others (`source`, `title`) without keeping them.
pub fn parse_record<'a>(
    line: &'a [u8],
    id_field: &str,
    text_field: &str,
) -> Result<Record<'a>, String> {
    match simdutf8::basic::from_utf8(line) {
        Ok(s) => parse_record_str(s, id_field, text_field),
        // serde_json finds the bad byte and says where.
        Err(_) => Fields::new(id_field, text_field).record(serde_json::de::SliceRead::new(line)),
    }
}

/// [`parse_record`] of a line known to be UTF-8.
pub fn parse_record_str<'a>(
    line: &'a str,
    id_field: &str,
    text_field: &str,
) -> Result<Record<'a>, String> {
    match flat_record(line, id_field, text_field) {
        Some(record) => Ok(record),
        None => Fields::new(id_field, text_field).record(serde_json::de::StrRead::new(line)),
    }
}

/// The record of a line that is one object of strings, read by [`Flat`];
/// `None` for any other line.
pub fn flat_record<'a>(line: &'a str, id_field: &str, text_field: &str) -> Option<Record<'a>> {
    Flat::new(line).record(Fields::new(id_field, text_field))
}

/// A reader of the lines JSON Lines corpora are made of: one object whose
/// values are all strings, `{"id": "…", "source": "…", "text": "…"}`. It
/// gives up (`None`) on anything else (a number, a nested value, a bad
/// escape, a lone surrogate, any error), which serde_json then reads; what
/// it reads it reads as serde_json would (`tests/cli_io.rs` checks it
/// alone against the Value reading). Strings are scanned 16 bytes at a
/// time for their end, where serde_json goes 8 at a time and copies each
/// piece between escapes into a buffer that grows.
struct Flat<'a> {
    line: &'a str,
    /// The byte read next.
    at: usize,
}

impl<'a> Flat<'a> {
    fn new(line: &'a str) -> Flat<'a> {
        Flat { line, at: 0 }
    }

    /// The record of the whole line.
    fn record(mut self, fields: Fields) -> Option<Record<'a>> {
        let (mut id, mut text) = (None, None);
        self.eat(b'{')?;
        if self.eat(b'}').is_none() {
            loop {
                let key = self.string()?;
                self.eat(b':')?;
                let value = self.string()?;
                if key == fields.id {
                    id = Some(value.to_string());
                }
                if key == fields.text {
                    text = Some(value);
                }
                if self.eat(b',').is_none() {
                    self.eat(b'}')?;
                    break;
                }
            }
        }
        self.space();
        (self.at == self.line.len()).then_some(())?;
        Some(Record { id, text: text? })
    }

    /// The byte at the cursor.
    fn peek(&self) -> Option<u8> {
        self.line.as_bytes().get(self.at).copied()
    }

    /// Skips JSON white space.
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Reads `byte` after white space.
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Reads a string after white space, unescaped (borrowed when it has no
    /// escapes).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat(b'"')?;
        let mut owned: Option<String> = None;
        loop {
            let start = self.at;
            self.at += plain_len(self.line.as_bytes().get(start..)?);
            let piece = self.line.get(start..self.at)?;
            let byte = self.peek()?;
            self.at += 1;
            if byte == b'"' {
                return Some(match owned {
                    None => Cow::Borrowed(piece),
                    Some(mut s) => {
                        s.push_str(piece);
                        Cow::Owned(s)
                    }
                });
            }
            // A control character, or an escape.
            (byte == b'\\').then_some(())?;
            let s = owned.get_or_insert_with(|| String::with_capacity(self.line.len() - start));
            s.push_str(piece);
            s.push(self.escape()?);
        }
    }

    /// The character of the escape after a `\`.
    fn escape(&mut self) -> Option<char> {
        let byte = self.peek()?;
        self.at += 1;
        Some(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex()?;
                if !(0xD800..0xDC00).contains(&high) {
                    // A lone low surrogate gives None here.
                    return char::from_u32(high);
                }
                // A high surrogate, and the low one after it.
                self.eat_exact(b"\\u")?;
                let low = self.hex()?;
                (0xDC00..0xE000).contains(&low).then_some(())?;
                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
            }
            _ => return None,
        })
    }

    /// Reads exactly `bytes`.
    fn eat_exact(&mut self, bytes: &[u8]) -> Option<()> {
        self.line
            .as_bytes()
            .get(self.at..)?
            .starts_with(bytes)
            .then(|| self.at += bytes.len())
    }

    /// Four hexadecimal digits.
    fn hex(&mut self) -> Option<u32> {
        let digits = self.line.get(self.at..self.at + 4)?;
        let v = u32::from_str_radix(digits, 16).ok()?;
        // from_str_radix takes a sign: only digits here.
        digits
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then_some(())?;
        self.at += 4;
        Some(v)
    }
}

/// Is `b` a byte a JSON string escapes: `"`, `\`, a control character?
/// (`|`, not `||`: tested over 16 bytes, it becomes a few vector
/// instructions.)
fn json_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// How many bytes of `s` come before its first [`json_special`] byte: all
/// of them when there is none. 16 bytes a test to the chunk that has one.
fn plain_len(s: &[u8]) -> usize {
    let plain = 16
        * s.chunks_exact(16)
            .position(|c| c.iter().fold(false, |any, &b| any | json_special(b)))
            .unwrap_or(s.len() / 16);
    let rest = s.get(plain..).unwrap_or_default();
    plain
        + rest
            .iter()
            .position(|&b| json_special(b))
            .unwrap_or(rest.len())
}

/// The names of the two fields a record is read for.
#[derive(Clone, Copy)]
struct Fields<'f> {
    id: &'f str,
    text: &'f str,
}

/// The id field's value and the text field's string, as read.
type Found<'de> = (Option<serde_json::Value>, Option<Cow<'de, str>>);

impl<'f> Fields<'f> {
    fn new(id: &'f str, text: &'f str) -> Fields<'f> {
        Fields { id, text }
    }

    /// The record of one whole JSON document of `read` (nothing but white
    /// space after it).
    fn record<'de, R: serde_json::de::Read<'de>>(self, read: R) -> Result<Record<'de>, String> {
        let mut de = serde_json::Deserializer::new(read);
        let (id, text) = Any(self)
            .deserialize(&mut de)
            .and_then(|found| de.end().map(|()| found))
            .map_err(|e| format!("not JSON: {e}"))?;
        Ok(Record {
            id: match id {
                Some(serde_json::Value::String(s)) => Some(s),
                Some(serde_json::Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            },
            text: text.ok_or_else(|| format!("no \"{}\" string field", self.text))?,
        })
    }
}

/// What a reader of any JSON value keeps of it: nothing by default. The
/// value is parsed as `serde_json::Value` parses it (numbers in range,
/// strings valid, nesting bounded), so the errors are the same.
trait Keep<'de>: Sized {
    type Out: Default;

    /// A string of the input (after unescaping).
    fn string(self, _s: &str) -> Self::Out {
        Self::Out::default()
    }

    /// A string that is a slice of the input (no escapes).
    fn borrowed(self, s: &'de str) -> Self::Out {
        self.string(s)
    }

    /// An object, its entries not yet read.
    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Out, A::Error> {
        while map.next_entry_seed(Any(Skip), Any(Skip))?.is_some() {}
        Ok(Self::Out::default())
    }
}

/// Keeps nothing.
struct Skip;

impl Keep<'_> for Skip {
    type Out = ();
}

/// Keeps a string, borrowed when it can be.
struct Text;

impl<'de> Keep<'de> for Text {
    type Out = Option<Cow<'de, str>>;

    fn string(self, s: &str) -> Self::Out {
        Some(Cow::Owned(s.to_owned()))
    }

    fn borrowed(self, s: &'de str) -> Self::Out {
        Some(Cow::Borrowed(s))
    }
}

impl<'de> Keep<'de> for Fields<'_> {
    type Out = Found<'de>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Found<'de>, A::Error> {
        let (mut id, mut text) = (None, None);
        while let Some((is_id, is_text)) = map.next_key_seed(Any(Name(self)))? {
            match (is_id, is_text) {
                // `--id-field` and `--text-field` name the same field.
                (true, true) => {
                    let v: serde_json::Value = map.next_value()?;
                    text = v.as_str().map(|s| Cow::Owned(s.to_owned()));
                    id = Some(v);
                }
                (true, false) => id = Some(map.next_value()?),
                (false, true) => text = map.next_value_seed(Any(Text))?,
                (false, false) => map.next_value_seed(Any(Skip))?,
            }
        }
        Ok((id, text))
    }
}

/// Reads a key: is it the id field, the text field?
struct Name<'f>(Fields<'f>);

impl Keep<'_> for Name<'_> {
    type Out = (bool, bool);

    fn string(self, s: &str) -> (bool, bool) {
        (s == self.0.id, s == self.0.text)
    }
}

/// The visitor (and seed) of any JSON value, keeping what `K` keeps.
struct Any<K>(K);

impl<'de, K: Keep<'de>> DeserializeSeed<'de> for Any<K> {
    type Value = K::Out;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<K::Out, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, K: Keep<'de>> Visitor<'de> for Any<K> {
    type Value = K::Out;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<K::Out, E> {
        Ok(K::Out::default())
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<K::Out, E> {
        Ok(K::Out::default())
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<K::Out, E> {
        Ok(K::Out::default())
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<K::Out, E> {
        Ok(K::Out::default())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<K::Out, E> {
        Ok(K::Out::default())
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<K::Out, E> {
        Ok(self.0.string(s))
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, s: &'de str) -> Result<K::Out, E> {
        Ok(self.0.borrowed(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<K::Out, A::Error> {
        while seq.next_element_seed(Any(Skip))?.is_some() {}
        Ok(K::Out::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<K::Out, A::Error> {
        self.0.object(map)
    }
}
