//! Numbers in words (`mười chín`, `hai mốt`, `trăm mốt`, `tám trăm rưỡi`,
//! `ba phẩy năm`) and digits with scale words (`3,5 triệu`, `1,2 tỷ`).
//!
//! (Being written: for now digits only.)

use super::{Parsed, Style, digits};
use crate::token::Tokens;

/// A cardinal number at token `i`, the longest reading.
pub(crate) fn number_at(t: &Tokens<'_>, i: usize, style: &Style) -> Parsed {
    digits::digits_at(t, i, style)
}
