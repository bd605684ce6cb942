//! Output formats of the tools: JSON Lines (SCHEMA.md), spaCy/displaCy
//! "manual" entities, and CoNLL (one syllable per line, BIO tags).
#![allow(dead_code)]

use crate::cli::{CharIndex, write_document_json};
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
    /// Appends `doc` (whose spans point into `text`) in this format, with
    /// its final line break(s), as UTF-8 bytes, to `out`: a worker renders
    /// a whole bundle of documents into one buffer.
    pub fn render_into(self, doc: &Document, text: &str, char_offsets: bool, out: &mut Vec<u8>) {
        match self {
            Format::Jsonl => {
                let from = out.len();
                out.reserve(jsonl_size(doc));
                // Writing into a Vec fails only if a Serialize impl does;
                // the line is then empty, as it always was.
                if write_document_json(out, doc, text, char_offsets).is_err() {
                    out.truncate(from);
                }
                out.push(b'\n');
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
                let s = serde_json::json!({"text": text, "ents": ents, "title": doc.id});
                out.extend_from_slice(s.to_string().as_bytes());
                out.push(b'\n');
            }
            Format::Conll => out.extend_from_slice(conll(doc, text).as_bytes()),
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
