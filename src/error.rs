//! [`Error`]: the one error type of the crate, for building and strict decoding.
//!
//! Extracting from `&str` and normalizing never fail; only configuration
//! (an unknown encoding or style name) and strict decoding (bytes that are not
//! valid in the requested encoding) return an `Error`. The type is opaque in the
//! manner of `regex-automata`'s `BuildError`: inspect it with [`Error::kind`].

use core::fmt;

/// An error from parsing a name or from strict decoding.
///
/// ```
/// use vietfacts::{Encoding, ErrorKind};
/// let err = "koi8-r".parse::<Encoding>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::UnknownName { .. }));
/// assert_eq!(err.to_string(), "unknown encoding name \"koi8-r\" (expected one of: auto, utf-8, utf-16le, utf-16be, tcvn3, vni, viqr, viscii, cp1258)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong. New variants may be added.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Strict UTF-8 decoding met an ill-formed sequence, as `std::str::Utf8Error`
    /// describes it.
    InvalidUtf8 {
        /// Bytes before the error that are valid UTF-8.
        valid_up_to: usize,
        /// Length of the ill-formed subpart, or `None` when the input ends in
        /// the middle of a sequence.
        error_len: Option<usize>,
    },
    /// Strict decoding of a legacy encoding met a byte (or sequence) it cannot
    /// map.
    Undecodable {
        /// Offset of the first bad byte in the input.
        offset: usize,
        /// Number of bytes in the bad sequence.
        len: usize,
    },
    /// A name (of an encoding, a tone style, …) that the crate does not know.
    UnknownName {
        /// What the name was for: "encoding", "tone style", …
        what: &'static str,
        /// The name as given.
        name: String,
        /// The accepted names, comma-separated.
        expected: &'static str,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    pub(crate) fn unknown_name(what: &'static str, name: &str, expected: &'static str) -> Error {
        Error::new(ErrorKind::UnknownName {
            what,
            name: name.to_string(),
            expected,
        })
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 {
                valid_up_to,
                error_len: Some(len),
            } => write!(
                f,
                "invalid UTF-8: {len} bad byte(s) at offset {valid_up_to}"
            ),
            ErrorKind::InvalidUtf8 {
                valid_up_to,
                error_len: None,
            } => write!(
                f,
                "invalid UTF-8: input ends inside a sequence starting at offset {valid_up_to}"
            ),
            ErrorKind::Undecodable { offset, len } => {
                write!(f, "undecodable: {len} byte(s) at offset {offset}")
            }
            ErrorKind::UnknownName {
                what,
                name,
                expected,
            } => write!(
                f,
                "unknown {what} name {name:?} (expected one of: {expected})"
            ),
        }
    }
}

impl std::error::Error for Error {}
