//! # vietfacts
//!
//! Read Vietnamese text and turn it into typed facts.
//!
//! The crate works in three stages, each usable on its own:
//!
//! 1. **Decode** bytes into text: UTF-8 (NFC or NFD), UTF-16, or a legacy
//!    Vietnamese encoding (TCVN3/ABC, VNI, VIQR, VISCII, Windows-1258),
//!    detected from the bytes or named by the caller — [`decode`],
//!    [`decode_as`], [`Decoder`].
//! 2. **Normalize** the text to one canonical spelling: NFC, one tone-mark
//!    placement, look-alike letters, invisible characters and odd spaces —
//!    [`normalize`], [`Normalizer`].
//! 3. **Extract** typed facts with byte spans — percentages, money, dates,
//!    counts, awards, projects, places, organizations, quoted titles, events
//!    and (on request) every numeral — [`extract`], [`Extractor`]; the
//!    output follows the repository's `SCHEMA.md`.
//!
//! ```
//! use vietfacts::{decode, Normalizer};
//!
//! // TCVN3 bytes, as an old .VnTime document holds "Năm 2017, Đảng bộ xã".
//! let decoded = decode(b"N\xa8m 2017, \xa7\xb6ng b\xe9 x\xb7");
//! assert_eq!(decoded.encoding().name(), "tcvn3");
//! let text = Normalizer::new().normalize(decoded.text());
//! assert_eq!(text.as_str(), "Năm 2017, Đảng bộ xã");
//! ```
//!
//! ```
//! use vietfacts::{extract, FactValue};
//!
//! // A commune's year-end report: seven collectives and nineteen people
//! // were given certificates of merit.
//! let doc = extract("7 tập thể và 19 cá nhân được Đảng bộ xã tặng Giấy khen.");
//! let award = doc.facts.iter().find_map(|f| match &f.value {
//!     FactValue::Award(a) => Some(a),
//!     _ => None,
//! });
//! let award = award.expect("an award");
//! assert_eq!((award.collectives, award.individuals), (Some(7.0), Some(19.0)));
//! assert_eq!(award.honor.as_deref(), Some("Giấy khen"));
//! ```
//!
//! # Spans
//!
//! Every position the crate reports is a [`Span`]: a half-open byte range into
//! the caller's *original* text, always on `char` boundaries. Normalization
//! returns an [`OffsetMap`] with its text ([`Normalized::offsets`]), and
//! decoding one from text back to input bytes ([`Decoded::offsets`]), so a
//! range found in the canonical text is traced back with
//! [`OffsetMap::to_original`]. Ranges inside a rewritten stretch widen to the
//! whole stretch (a decomposed word, a folded space), never split a character.
//!
//! # Normalization
//!
//! - NFC, conformant with Unicode's NormalizationTest (the version
//!   `unicode-normalization` implements, checked by the tests).
//! - Tone placement by parsing each syllable — [`ToneStyle::Traditional`]
//!   (hòa, thủy, the default), [`ToneStyle::Modern`] (hoà, thuỷ) or
//!   [`ToneStyle::Preserve`]; misplaced marks (`hòan`, `qúy`) are moved in
//!   both styles; non-Vietnamese words are left alone.
//! - `Ð` → `Đ`, invisible characters removed, Unicode spaces → U+0020
//!   ([`Lookalikes`], [`Ignorables`], [`Spaces`]).
//! - A search key without case and diacritics ([`Normalizer::key`]).
//!
//! # Performance
//!
//! Decoding valid UTF-8 borrows the input. Normalization scans the text once,
//! with one table load per character, and copies nothing when the text is
//! already canonical; only the words and characters that need a change are
//! rewritten. Extraction tokenizes once and runs each fact kind over the
//! tokens, skipping most tokens with a one-bit word filter; a text longer
//! than 512 KB is extracted in blocks, so that its working set stays small
//! and its time linear. Figures, measured beside `str::from_utf8` and
//! `unicode_normalization::is_nfc_quick` on a 36 MB news corpus, are in
//! `benches/README.md`.
//!
//! # Crate features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for [`Span`] (as
//!   `[start, end]`), [`Encoding`] (as its name) and [`ToneStyle`].
//!
//! # Errors and panics
//!
//! Normalizing never fails and decoding in the default (lossy) mode never
//! fails; only strict decoding and parsing a name return an [`Error`]. No
//! public function panics on any input.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod bitmask;
mod blocks;
mod decode;
mod document;
mod error;
mod extract;
mod extractor;
mod fact;
mod lexicon;
mod normalize;
mod number;
mod span;
#[cfg(test)]
mod testing;
mod token;

pub use decode::{
    DecodeProblem, DecodeProblemKind, Decoded, Decoder, DecoderBuilder, Encoding, Errors,
    MojibakeRepair, Scope, Segment, Tcvn3Capitals, decode, decode_as,
};
pub use document::{Diagnostic, Document};
pub use error::{Error, ErrorKind};
pub use extract::RefDate;
pub use extractor::{Diagnostics, Extractor, ExtractorBuilder, extract};
pub use fact::{
    Award, Count, Date, DateEnd, Event, Fact, FactKind, FactValue, Money, Number, Organization,
    OrganizationCategory, Percentage, Place, PlaceLevel, Project, ProjectCategory, Qualifier,
    Relation, Title, TitleCategory,
};
pub use normalize::offsets::{Edit, OffsetMap};
pub use normalize::{
    Ignorables, Lookalikes, Normalized, Normalizer, NormalizerBuilder, Note, NoteKind, Spaces,
    ToneStyle, normalize,
};
pub use span::Span;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
