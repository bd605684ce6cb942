//! Decoding bytes into text (placeholder: being written).
