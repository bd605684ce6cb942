//! Normalization of any text (the bytes decoded lossily as UTF-8):
//! idempotence in every tone style, NFC output, the NFC-only options equal to
//! NFC, offsets and the search key in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = invariants::check_normalize(&text) {
        panic!("{e}");
    }
});
