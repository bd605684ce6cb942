//! Detected decoding (`decode`, strict and per-line decoders) of any bytes:
//! no panic, every byte mapped or reported, offsets in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::check_decode_auto(data) {
        panic!("{e}");
    }
});
