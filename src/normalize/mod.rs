//! Normalization (placeholder).
pub(crate) mod offsets;
pub(crate) mod syllable;
