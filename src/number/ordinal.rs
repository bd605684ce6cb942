//! Ordinals: `thứ nhất`, `thứ nhì`, `thứ hai`, `thứ tư`, `thứ 3`,
//! `lần thứ XX`, `đầu tiên`.
//!
//! (Being written.)

use super::{NumberMatch, Style};
use crate::token::Tokens;

/// An ordinal starting at token `i` (at `thứ` or `đầu tiên`).
pub(crate) fn ordinal_at(_t: &Tokens<'_>, _i: usize, _style: &Style) -> Option<NumberMatch> {
    None
}
