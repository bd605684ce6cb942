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

/// The Document as JSON, with `char_span` beside each `span` when asked
/// (offsets in code points of `text`).
pub fn document_json(doc: &Document, text: &str, char_offsets: bool) -> serde_json::Value {
    let mut v = serde_json::to_value(doc).unwrap_or(serde_json::Value::Null);
    if char_offsets {
        let index = CharIndex::new(text);
        if let Some(facts) = v.get_mut("facts").and_then(|f| f.as_array_mut()) {
            for (f, fact) in facts.iter_mut().zip(&doc.facts) {
                if let Some(obj) = f.as_object_mut() {
                    obj.insert(
                        "char_span".into(),
                        serde_json::json!([
                            index.char_of(fact.span.start),
                            index.char_of(fact.span.end)
                        ]),
                    );
                }
            }
        }
    }
    v
}
