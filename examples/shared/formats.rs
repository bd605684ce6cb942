//! Output formats of the tools: JSON Lines (SCHEMA.md), spaCy/displaCy
//! "manual" entities, and CoNLL (one syllable per line, BIO tags).
#![allow(dead_code)]

use crate::cli::{self, CharIndex, document_json};
use vietfacts::{Document, Fact};

/// How a Document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One Document (SCHEMA.md) per line.
    Jsonl,
    /// `{"text", "ents": [{"start", "end", "label"}], "title"}` per line,
    /// character offsets: `displacy.render(docs, style="ent", manual=True)`.
    Spacy,
    /// One syllable per line with its BIO tag (`B-PERCENTAGE`, `I-PLACE`,
    /// `O`), sentences separated by blank lines, `# id = …` before each
    /// document: the layout of Vietnamese NER sets such as VLSP.
    Conll,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "jsonl" => Ok(Format::Jsonl),
            "spacy" => Ok(Format::Spacy),
            "conll" => Ok(Format::Conll),
            _ => Err(format!(
                "unknown format {s:?} (expected jsonl, spacy, conll)"
            )),
        }
    }
}

/// The facts to show as flat entities: no two overlap. Earlier first, and
/// at the same start the longer one (an award over its counts, an
/// organization over its place).
pub fn flat_entities(doc: &Document) -> Vec<&Fact> {
    let mut facts: Vec<&Fact> = doc.facts.iter().collect();
    facts.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out: Vec<&Fact> = Vec::new();
    for f in facts {
        if out.last().is_none_or(|l| f.span.start >= l.span.end) && !f.span.is_empty() {
            out.push(f);
        }
    }
    out
}

/// The label of a fact in the flat formats: its kind in capitals.
pub fn label(f: &Fact) -> String {
    f.kind().name().to_uppercase()
}

impl Format {
    /// `doc` (whose spans point into `text`) in this format, with its final
    /// line break(s), as UTF-8 bytes.
    pub fn render(self, doc: &Document, text: &str, char_offsets: bool) -> Vec<u8> {
        match self {
            Format::Jsonl => {
                let mut s = Vec::with_capacity(jsonl_size(doc));
                // Writing into a Vec fails only if a Serialize impl does;
                // the line is then empty, as it always was.
                if write_json(&mut s, &document_json(doc, text, char_offsets)).is_err() {
                    s.clear();
                }
                s.push(b'\n');
                s
            }
            Format::Spacy => {
                let index = CharIndex::new(text);
                let ents: Vec<serde_json::Value> = flat_entities(doc)
                    .iter()
                    .map(|f| {
                        serde_json::json!({
                            "start": index.char_of(f.span.start),
                            "end": index.char_of(f.span.end),
                            "label": label(f),
                        })
                    })
                    .collect();
                let mut s =
                    serde_json::json!({"text": text, "ents": ents, "title": doc.id}).to_string();
                s.push('\n');
                s.into_bytes()
            }
            Format::Conll => conll(doc, text).into_bytes(),
        }
    }
}

/// Room for the JSON line of `doc`, so that it is written without growing:
/// a few dozen bytes a sentence, a few hundred a fact (its text, value
/// fields and names; 145 on average over news articles).
fn jsonl_size(doc: &Document) -> usize {
    64 + 16 * doc.sentences.len() + 256 * doc.facts.len()
}

/// Syllables and punctuation marks of `text`, as byte ranges.
pub fn syllables(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric()
            || (word.is_some() && unicode_mark(c))
            || (word.is_some() && matches!(c, '\'' | '’'));
        match (in_word, word) {
            (true, None) => word = Some(i),
            (true, Some(_)) => {}
            (false, Some(s)) => {
                out.push((s, i));
                word = None;
            }
            (false, None) => {}
        }
        if !in_word && !c.is_whitespace() {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(s) = word {
        out.push((s, text.len()));
    }
    out
}

fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

fn conll(doc: &Document, text: &str) -> String {
    let ents = flat_entities(doc);
    let mut out = String::new();
    if let Some(id) = &doc.id {
        out.push_str(&format!("# id = {}\n", id.replace('\n', " ")));
    }
    let mut sentence = 0;
    let mut any = false;
    let mut ent = 0;
    for (s, e) in syllables(text) {
        // A new sentence starts: a blank line.
        while doc.sentences.get(sentence).is_some_and(|x| s >= x.end) {
            sentence += 1;
            if any {
                out.push('\n');
                any = false;
            }
        }
        while ents.get(ent).is_some_and(|f| s >= f.span.end) {
            ent += 1;
        }
        let tag = match ents.get(ent) {
            Some(f) if s >= f.span.start && e <= f.span.end => {
                let first = !syllables_before_in(text, f.span.start, s);
                format!("{}-{}", if first { "B" } else { "I" }, label(f))
            }
            _ => "O".to_string(),
        };
        out.push_str(text.get(s..e).unwrap_or(""));
        out.push('\t');
        out.push_str(&tag);
        out.push('\n');
        any = true;
    }
    if any {
        out.push('\n');
    }
    out
}

/// Is there a syllable of `text` between byte `from` and byte `to`?
fn syllables_before_in(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|t| t.chars().any(|c| !c.is_whitespace()))
}

/// Appends the compact JSON of `value` to `out`: the bytes
/// `serde_json::to_writer` writes, in less time for a Document, which is
/// mostly short strings (field names, kinds, each fact's `text`; about 290
/// a news article). serde_json escapes a string byte by byte through a
/// table; here a string with nothing to escape (nearly every one:
/// Vietnamese text has no control characters and few `"` or `\`) is
/// checked 16 bytes at a time and copied whole. Numbers, and strings that
/// need escapes, are written by serde_json itself. Map keys must be strings
/// (every key of a Document is); another key is an error.
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(Json(out))
}

/// Does `s` hold a byte JSON escapes ([`cli::json_special`])? Tested 16
/// bytes at a time, the last 16 overlapping the chunk before; a string
/// shorter than that (most of a Document's: 7 bytes on average) byte by
/// byte. (Copying the tail into a padded array was fewer instructions but
/// slower: the array's load waited on the copy's stores.)
fn needs_escape(s: &str) -> bool {
    fn any_special(c: &[u8]) -> bool {
        c.iter().fold(false, |any, &b| any | cli::json_special(b))
    }
    let b = s.as_bytes();
    match b.len().checked_sub(16) {
        None => b.iter().any(|&c| cli::json_special(c)),
        Some(tail) => b.chunks_exact(16).any(any_special) || b.get(tail..).is_some_and(any_special),
    }
}

/// The serializer of [`write_json`]: compact JSON appended to a Vec.
struct Json<'a>(&'a mut Vec<u8>);

impl<'a> Json<'a> {
    /// serde_json's own serializer over the same Vec (free to make), for
    /// what is written as it writes it.
    fn serde_json(&mut self) -> serde_json::Serializer<&mut Vec<u8>> {
        serde_json::Serializer::new(&mut *self.0)
    }

    /// Opens an array or object; `close` ends it.
    fn open(self, open: &[u8], close: &'static [u8]) -> Compound<'a> {
        self.0.extend_from_slice(open);
        Compound {
            out: self.0,
            first: true,
            close,
        }
    }
}

/// Writes scalars through serde_json.
macro_rules! through_serde_json {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method(mut self, $($arg: $ty),*) -> serde_json::Result<()> {
                serde::Serializer::$method(&mut self.serde_json(), $($arg),*)
            }
        )*
    };
}

impl<'a> serde::Serializer for Json<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    through_serde_json! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_str(mut self, s: &str) -> serde_json::Result<()> {
        if needs_escape(s) {
            return serde::Serializer::serialize_str(&mut self.serde_json(), s);
        }
        self.0.reserve(s.len() + 2);
        self.0.push(b'"');
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(b'"');
        Ok(())
    }

    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> serde_json::Result<()> {
        v.serialize(self)
    }

    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> serde_json::Result<()> {
        v.serialize(self)
    }

    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> serde_json::Result<()> {
        let mut map = self.open(b"{", b"}");
        serde::ser::SerializeMap::serialize_entry(&mut map, variant, v)?;
        serde::ser::SerializeMap::end(map)
    }

    fn serialize_seq(self, _: Option<usize>) -> serde_json::Result<Compound<'a>> {
        Ok(self.open(b"[", b"]"))
    }

    fn serialize_tuple(self, _: usize) -> serde_json::Result<Compound<'a>> {
        Ok(self.open(b"[", b"]"))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> serde_json::Result<Compound<'a>> {
        Ok(self.open(b"[", b"]"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> serde_json::Result<Compound<'a>> {
        self.0.push(b'{');
        Json(&mut *self.0).serialize_str(variant)?;
        Ok(self.open(b":[", b"]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> serde_json::Result<Compound<'a>> {
        Ok(self.open(b"{", b"}"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> serde_json::Result<Compound<'a>> {
        Ok(self.open(b"{", b"}"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> serde_json::Result<Compound<'a>> {
        self.0.push(b'{');
        Json(&mut *self.0).serialize_str(variant)?;
        Ok(self.open(b":{", b"}}"))
    }
}

/// An array or object being written: its elements or entries, separated
/// by commas.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    close: &'static [u8],
}

impl Compound<'_> {
    /// The comma before every element but the first.
    fn next(&mut self) -> Json<'_> {
        if !std::mem::take(&mut self.first) {
            self.out.push(b',');
        }
        Json(self.out)
    }

    fn element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> serde_json::Result<()> {
        v.serialize(self.next())
    }

    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> serde_json::Result<()> {
        serde::Serializer::serialize_str(self.next(), key)?;
        self.value(v)
    }

    fn value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> serde_json::Result<()> {
        self.out.push(b':');
        v.serialize(Json(self.out))
    }

    fn close(self) -> serde_json::Result<()> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

/// The traits of a Compound whose elements have no names.
macro_rules! elements {
    ($($serialize:ident::$element:ident),*) => {
        $(
            impl serde::ser::$serialize for Compound<'_> {
                type Ok = ();
                type Error = serde_json::Error;

                fn $element<T: serde::Serialize + ?Sized>(
                    &mut self,
                    v: &T,
                ) -> serde_json::Result<()> {
                    self.element(v)
                }

                fn end(self) -> serde_json::Result<()> {
                    self.close()
                }
            }
        )*
    };
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The traits of a Compound whose fields have static names.
macro_rules! fields {
    ($($serialize:ident),*) => {
        $(
            impl serde::ser::$serialize for Compound<'_> {
                type Ok = ();
                type Error = serde_json::Error;

                fn serialize_field<T: serde::Serialize + ?Sized>(
                    &mut self,
                    key: &'static str,
                    v: &T,
                ) -> serde_json::Result<()> {
                    self.field(key, v)
                }

                fn end(self) -> serde_json::Result<()> {
                    self.close()
                }
            }
        )*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

impl serde::ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> serde_json::Result<()> {
        let json = self.next();
        let at = json.0.len();
        key.serialize(Json(&mut *json.0))?;
        match json.0.get(at) {
            Some(b'"') => Ok(()),
            _ => Err(serde::ser::Error::custom("key must be a string")),
        }
    }

    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> serde_json::Result<()> {
        self.value(v)
    }

    fn end(self) -> serde_json::Result<()> {
        self.close()
    }
}
