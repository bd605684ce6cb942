//! `event` facts (being written).

use super::Ctx;

pub(crate) fn run(_ctx: &mut Ctx<'_>) {}
