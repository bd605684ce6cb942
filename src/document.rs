//! [`Document`]: what extraction returns for one text — its encoding, its
//! sentences and its facts, all as spans of the decoded input.

use crate::{Encoding, Fact, Span};

/// The facts of one document.
///
/// Serialized (feature `serde`) as the `Document` of `SCHEMA.md`:
/// `{"id"?, "encoding", "sentences": [[s, e], …], "facts": [Fact, …]}`, plus
/// `diagnostics` when there are any.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    /// The caller's id (echoed from `--jsonl` input).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub id: Option<String>,
    /// The encoding the input was decoded from.
    pub encoding: Encoding,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// The facts, in text order.
    pub facts: Vec<Fact>,
    /// What could not be read: numbers the grammar rejected, bytes that did
    /// not decode. Empty unless asked for ([`Diagnostics::Report`](crate::Diagnostics::Report)),
    /// except decoding problems, which are always reported.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub diagnostics: Vec<Diagnostic>,
    /// `true` when [`ExtractorBuilder::max_facts`](crate::ExtractorBuilder::max_facts)
    /// cut the list of facts short: never a silent cut.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub truncated: bool,
}

#[cfg(feature = "serde")]
fn is_false(b: &bool) -> bool {
    !*b
}

/// Something in the input that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnostic {
    /// Where, in the decoded text.
    pub span: Span,
    /// What: `"unreadable_number"` (overflow, malformed grouping, too many
    /// digits), `"inexact_number"` (read, but the fact's `f64` does not hold
    /// it exactly), `"invalid_date"` (a date's shape off the calendar), or
    /// `"decoding"`.
    pub kind: String,
    /// Why: "overflow", "malformed digit grouping", "invalid UTF-8", …
    pub detail: String,
}
