//! Extraction from any text: spans on char boundaries that normalize to the
//! fact's text, finite values, sentences in order, every ASCII digit in a
//! fact or a diagnostic (or passed over by a documented rule), determinism,
//! honest `max_facts`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = invariants::check_extract(&text) {
        panic!("{e}");
    }
    if let Err(e) = invariants::check_digits(&text) {
        panic!("{e}");
    }
});
