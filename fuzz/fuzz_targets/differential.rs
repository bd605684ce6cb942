//! Differential: the str API against the bytes API on the same UTF-8, and
//! whole against line-by-line decoding for every byte-wise encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::check_differential(data) {
        panic!("{e}");
    }
});
