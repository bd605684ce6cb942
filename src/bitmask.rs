//! Bit masks of 64 bytes at a time: a pass over a text compares each
//! byte of a 64-byte chunk in a plain loop that LLVM compiles to
//! comparisons of sixteen bytes at a time, leaving `0x80` or `0` per byte,
//! and [`gather`] turns those bytes into one bit each. The tokenizer's runs
//! of lower-case letters (`token::runs`) and the mojibake scan
//! (`decode::mojibake`) are made this way.

/// The high bits of the 64 bytes of `high` as the bits of a word (byte `p`
/// at bit `p`): those of each eight bytes shifted together into one word
/// (byte `8k + j` at bit `8j + k`), then transposed.
#[inline(always)]
pub(crate) fn gather(high: &[u8; 64]) -> u64 {
    let mut x = 0u64;
    for (k, eight) in (0..8).rev().zip(high.chunks_exact(8)) {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        x |= u64::from_le_bytes(w) >> k;
    }
    transpose(x)
}

/// Transposes the 8×8 bits of `x` (bit `8r + c` to bit `8c + r`), in three
/// swaps of blocks (Hacker's Delight, 7-3).
#[inline(always)]
fn transpose(mut x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00AA_00AA_00AA_00AA;
    x ^= t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_CCCC_0000_CCCC;
    x ^= t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_F0F0_F0F0;
    x ^ t ^ (t << 28)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpose_moves_every_bit() {
        for r in 0..8 {
            for c in 0..8 {
                assert_eq!(transpose(1 << (8 * r + c)), 1 << (8 * c + r), "{r} {c}");
            }
        }
    }

    #[test]
    fn gather_takes_each_byte_high_bit_in_order() {
        let mut rng = crate::testing::Rng::new();
        for _ in 0..2000 {
            let mut high = [0u8; 64];
            let mut want = 0u64;
            for (p, b) in high.iter_mut().enumerate() {
                if rng.below(2) == 1 {
                    *b = 0x80;
                    want |= 1 << p;
                }
            }
            assert_eq!(gather(&high), want);
        }
    }
}
