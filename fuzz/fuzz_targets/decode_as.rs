//! Decoding with each fixed encoding: the first byte picks the encoding, the
//! rest is the input. Also checks that the byte-wise decoders give the same
//! text and problems line by line as on the whole input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vietfacts::Encoding;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let all = Encoding::ALL;
    let enc = all[usize::from(pick) % all.len()];
    if let Err(e) = invariants::check_decode_as(bytes, enc) {
        panic!("{e}");
    }
});
