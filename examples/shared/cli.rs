//! What the command-line examples share: the extraction options
//! (`--kinds`, `--encoding`, `--tone`, `--reference-date`, `--numbers`,
//! `--diagnostics`, `--char-offsets`) and the JSON of a Document.
#![allow(dead_code)]

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
