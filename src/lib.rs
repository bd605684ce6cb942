//! # vietfacts
//!
//! Read Vietnamese text and turn it into typed facts.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod decode;
mod error;
mod normalize;
mod span;

pub use decode::{
    DecodeProblem, DecodeProblemKind, Decoded, Decoder, DecoderBuilder, Encoding, Errors,
    MojibakeRepair, Scope, Segment, Tcvn3Capitals, decode, decode_as,
};
pub use error::{Error, ErrorKind};
pub use normalize::offsets::{Edit, OffsetMap};
pub use normalize::{
    Ignorables, Lookalikes, Normalized, Normalizer, NormalizerBuilder, Note, NoteKind, Spaces,
    ToneStyle, normalize,
};
pub use span::Span;
