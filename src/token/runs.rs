//! Where the lower-case letters of words run, found for a whole text at
//! once: one bit per byte, in words of 64 bytes, set for the bytes a
//! lower-case word goes on through. A word's end is then the first clear
//! bit after its first letter (`trailing_zeros`), instead of a loop that
//! switches between ASCII letters and the longer Vietnamese ones at every
//! character (`người`: `ng`, `ư`, `ờ`, `i`), whose exits the processor
//! mispredicts.
//!
//! The bits of 64 bytes are made at once: ASCII lower-case letters and
//! continuation bytes (`10xx_xxxx`) by comparisons LLVM makes sixteen bytes
//! at a time, the first bytes of longer characters by a second loop over
//! those bytes alone, each character looked up in [`LowerSet`].

use crate::bitmask::gather;

/// For 64 bytes: those that are ASCII lower-case letters or continuation
/// bytes (`10xx_xxxx`), and those that start a character of two to four
/// bytes, as the high bits of two arrays of bytes. Byte by byte, in a shape
/// LLVM compiles to comparisons of sixteen bytes at a time.
#[inline(always)]
fn classify(chunk: &[u8; 64]) -> ([u8; 64], [u8; 64]) {
    let mut runs = [0u8; 64];
    let mut leads = [0u8; 64];
    for ((run, lead), &b) in runs.iter_mut().zip(leads.iter_mut()).zip(chunk) {
        // `(b as i8) < -64`: 0x80 to 0xBF.
        let on = b.wrapping_sub(b'a') < 26 || (b as i8) < -64;
        *run = if on { 0x80 } else { 0 };
        *lead = if b >= 0xC0 { 0x80 } else { 0 };
    }
    (runs, leads)
}

/// The code points of the Basic Multilingual Plane a lower-case word goes
/// on through (see [`super::scan_lower`]): lower-case Vietnamese vowels,
/// `đ` and ASCII lower-case letters, as bits keyed by the bytes of their
/// UTF-8 form: a word of 64 bits for each first and second byte (the low
/// six bits of each), bit by the low six bits of the third. A character of
/// two bytes sets or clears its whole word, one of four bytes none.
pub(super) struct LowerSet {
    words: Box<[u64; 4096]>,
}

impl LowerSet {
    /// The set of the code points for which `lower` holds.
    pub(super) fn new(lower: impl Fn(u32) -> bool) -> LowerSet {
        let mut words = Box::new([0u64; 4096]);
        for (key, word) in (0u32..).zip(words.iter_mut()) {
            let (b0, b1) = (0xC0 | (key >> 6), key & 0x3F);
            *word = match b0 {
                0xC0..0xE0 if lower(((b0 & 0x1F) << 6) | b1) => u64::MAX,
                0xE0..0xF0 => (0..64)
                    .filter(|&b2| lower(((b0 & 0x0F) << 12) | (b1 << 6) | b2))
                    .fold(0, |w, b2| w | 1 << b2),
                _ => 0,
            };
        }
        LowerSet { words }
    }

    /// Does the character whose first byte starts `quad` (its bytes as a
    /// little-endian word, zeros past the text) run on a lower-case word?
    /// One bit of the set, found without branches (the lengths of
    /// characters alternate unpredictably in Vietnamese words).
    #[inline(always)]
    fn lead_is_lower(&self, quad: u32) -> u64 {
        let key = ((quad & 0x3F) << 6) | ((quad >> 8) & 0x3F);
        let word = self.words.get(key as usize).copied().unwrap_or(0);
        (word >> ((quad >> 16) & 0x3F)) & 1
    }
}

/// The runs of a text (see the module): bit `p % 64` of word `p / 64` is
/// set when byte `p` goes on a lower-case word. Bits past the text are
/// clear, so every run ends at or before the end of the text.
#[derive(Clone, Debug, Default)]
pub(super) struct Runs {
    bits: Vec<u64>,
}

impl Runs {
    /// Marks the runs of `bytes` (valid UTF-8), reusing the memory.
    pub(super) fn fill(&mut self, bytes: &[u8], set: &LowerSet) {
        self.bits.clear();
        self.bits.reserve(bytes.len() / 64 + 1);
        let mut chunks = bytes.chunks_exact(64);
        let mut base = 0;
        for chunk in (&mut chunks).filter_map(<[u8]>::first_chunk::<64>) {
            let bits = chunk_bits(chunk, bytes, base, set);
            self.bits.push(bits);
            base += 64;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 64];
            if let Some(dst) = last.get_mut(..rest.len()) {
                dst.copy_from_slice(rest);
            }
            let bits = chunk_bits(&last, bytes, base, set);
            self.bits.push(bits);
        }
    }

    /// About how much memory the runs hold.
    pub(super) fn held_bytes(&self) -> usize {
        self.bits.capacity() * core::mem::size_of::<u64>()
    }

    /// Does byte `p` go on a lower-case word?
    #[inline(always)]
    pub(super) fn is_on(&self, p: usize) -> bool {
        self.bits
            .get(p / 64)
            .is_some_and(|w| w >> (p % 64) & 1 == 1)
    }

    /// The first byte at or after `from` that does not go on a lower-case
    /// word (the end of the text at most).
    #[inline(always)]
    pub(super) fn end(&self, from: usize) -> usize {
        let mut k = from / 64;
        let mut stops = self.bits.get(k).map_or(1, |w| !w >> (from % 64));
        let mut at = from;
        while stops == 0 {
            k += 1;
            at = k * 64;
            stops = self.bits.get(k).map_or(1, |w| !w);
        }
        at + stops.trailing_zeros() as usize
    }
}

/// The run bits of the 64 bytes `chunk` found at byte `base` of `bytes`
/// (the last chunk of a text padded with zeros).
#[inline(always)]
fn chunk_bits(chunk: &[u8; 64], bytes: &[u8], base: usize, set: &LowerSet) -> u64 {
    let (runs, leads) = classify(chunk);
    let mut runs = gather(&runs);
    let mut leads = gather(&leads);
    if leads == 0 {
        return runs;
    }
    // The chunk and the three bytes after it (zeros past the text), so
    // that every character starting in the chunk is whole.
    let mut padded = [0u8; 68];
    let window = match bytes.get(base..).and_then(<[u8]>::first_chunk::<68>) {
        Some(window) => window,
        None => {
            for (dst, src) in padded.iter_mut().zip(bytes.get(base..).unwrap_or_default()) {
                *dst = *src;
            }
            &padded
        }
    };
    while leads != 0 {
        let k = leads.trailing_zeros() as usize & 63;
        leads &= leads - 1;
        let quad = window
            .get(k..)
            .and_then(<[u8]>::first_chunk::<4>)
            .map_or(0, |q| u32::from_le_bytes(*q));
        runs |= set.lead_is_lower(quad) << k;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_runs_on_as_the_set_says() {
        // Two- and three-byte characters by their code points, whatever
        // follows them; four-byte ones never.
        let set = LowerSet::new(|cp| cp % 3 == 0 || (0x1EA0..0x1F00).contains(&cp));
        for c in ('\u{80}'..=char::MAX).step_by(1) {
            let mut buf = [0u8; 4];
            let len = c.encode_utf8(&mut buf).len();
            for next in [0u8, 0x41, 0xBF, 0xFF] {
                if let Some(b) = buf.get_mut(len) {
                    *b = next;
                }
                let quad = u32::from_le_bytes(buf);
                let cp = c as u32;
                let want = len < 4 && (cp % 3 == 0 || (0x1EA0..0x1F00).contains(&cp));
                assert_eq!(set.lead_is_lower(quad) == 1, want, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn runs_are_the_bytes_one_by_one() {
        // Every length up to a few chunks, characters of every width
        // across the chunks' edges; the set: ASCII lower-case and `ư`.
        let set = LowerSet::new(|cp| cp == 0x01B0 || (0x61..=0x7A).contains(&cp));
        let pieces = [
            "a", "z", "A", " ", "ư", "Ư", "ờ", "đ", "😀", "{", "`", "\u{7f}",
        ];
        let mut rng = crate::testing::Rng::new();
        let mut runs = Runs::default();
        for n in 0..3000 {
            let text: String = (0..n % 150)
                .filter_map(|_| pieces.get(rng.below(pieces.len())).copied())
                .collect();
            runs.fill(text.as_bytes(), &set);
            let on: Vec<bool> = text
                .char_indices()
                .flat_map(|(_, c)| {
                    let lower = c == 'ư' || c.is_ascii_lowercase();
                    (0..c.len_utf8()).map(move |k| lower || k > 0)
                })
                .collect();
            for from in 0..=text.len() {
                let want = (from..text.len()).find(|&p| !on[p]).unwrap_or(text.len());
                assert_eq!(runs.end(from), want, "{text:?} {from}");
                assert_eq!(
                    runs.is_on(from),
                    on.get(from) == Some(&true),
                    "{text:?} {from}"
                );
            }
        }
    }

    #[test]
    fn classify_and_gather_are_the_bytes_one_by_one() {
        // Every byte value at every place, among others.
        let mut rng = crate::testing::Rng::new();
        for b in 0..=255u8 {
            for place in [0, 7, 8, 13, 31, 32, 57, 63] {
                let mut chunk = [0u8; 64];
                for x in &mut chunk {
                    *x = rng.below(256) as u8;
                }
                chunk[place] = b;
                let (runs, leads) = classify(&chunk);
                let (runs, leads) = (gather(&runs), gather(&leads));
                for (k, &x) in chunk.iter().enumerate() {
                    let run = x.is_ascii_lowercase() || (0x80..0xC0).contains(&x);
                    assert_eq!(runs >> k & 1 == 1, run, "{x:#x}");
                    assert_eq!(leads >> k & 1 == 1, x >= 0xC0, "{x:#x}");
                }
            }
        }
    }
}
