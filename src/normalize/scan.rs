//! The one-pass scanner behind [`Normalizer::normalize`](super::Normalizer::normalize).
//!
//! The text alternates between *words* (letters with their combining marks)
//! and *gaps* (everything else). Each is scanned by a tight loop that keeps
//! its state in local variables and looks every character up in one table
//! ([`super::class`]). Only when a word or a gap character needs work does
//! the scanner leave the loop for a rewrite:
//!
//! | found | rewrite |
//! |---|---|
//! | a word with a combining mark, `Ð`, an invisible character, or a character NFC changes | clean + compose, then tone placement |
//! | a word whose tone may be on the wrong vowel | tone placement ([`super::tone`]) |
//! | a gap character with marks, an invisible character, a Unicode space, a character NFC changes | clean + compose that cluster |
//! | a run of spaces (with `Spaces::Collapse`) | one U+0020 |
//!
//! Most characters of real text need nothing, and [`Scanner::skip`] passes
//! over them before that loop sees anything: sixty-four bytes at a time
//! (a mask of their stops made eight at a time), looking only at the lead
//! bytes of non-ASCII characters (and at ASCII spaces when collapsing).
//! Each such character costs two table loads indexed by its bytes, never
//! decoded ([`NeedsByBytes`]), and a look at the bytes on
//! either side, all without branches (Vietnamese mixes two- and three-byte
//! letters, toned and not, too irregularly for a branch predictor). A toned
//! vowel next to another vowel is settled from the bytes around it, by a
//! table of the commonest shapes without a branch ([`Scanner::decided`]),
//! then by [`Scanner::settle`], or else by [`Scanner::tone_candidate`];
//! whatever the skip is unsure of goes to the loop above, which decides as if
//! nothing had been skipped (the tests compare the two on every option).

use super::class::{self, BMP_LEN, VOWELS};
use super::syllable::MAX_LETTERS;
use super::tone::{self, Placement};
use super::{
    Ignorables, Lookalikes, Normalized, Normalizer, Note, NoteKind, Spaces, ToneStyle, Writer,
    compose, has_stacked_marks, space,
};
use crate::Span;
use once_cell::sync::Lazy;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

const NONE: u8 = u8::MAX;
/// ASCII space and tab: a class of their own, which only `Collapse` uses.
const ASCII_SPACE: u8 = 200;

// `i < 128` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn ascii_classes() -> [u8; 128] {
    let mut t = [class::OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        let lower = c | 0x20;
        if c.is_ascii_alphabetic() {
            // Vowel codes: vowel * 12 + upper (level tone).
            let upper = c.is_ascii_uppercase() as u8;
            t[i] = match lower {
                b'a' => upper,
                b'e' => 3 * 12 + upper,
                b'i' => 5 * 12 + upper,
                b'o' => 6 * 12 + upper,
                b'u' => 9 * 12 + upper,
                b'y' => 11 * 12 + upper,
                _ => class::CONSONANT,
            };
        } else if c == b' ' || c == b'\t' {
            t[i] = ASCII_SPACE;
        }
        i += 1;
    }
    t
}

static ASCII_CLASSES: [u8; 128] = ascii_classes();

/// What the neighbours of a non-ASCII character must be for it to need
/// nothing, by its class: bits of the facts below, all of which must hold
/// ([`NEIGHBOUR_FACTS`]). One table load, then `&` and `==`: branches
/// would be mispredicted, since Vietnamese mixes all kinds of characters.
///
/// - 0: needs nothing anyway (letters, toneless vowels, punctuation);
/// - `AFTER_ASCII`: a modified vowel with a tone (`ấ`, `ờ`, `ự`), before an
///   ASCII character;
/// - `AFTER_PLAIN | BEFORE_PLAIN`: an unmodified vowel with a tone (`á`,
///   `ò`, `ủ`) with no vowel on either side;
/// - `NEVER`: the general path.
///
/// A toned vowel that falls short is read by [`Scanner::tone_candidate`].
///
/// The bits `AFTER_ASCII` and `AFTER_PLAIN` are about the byte after a
/// two-byte character; after a three-byte one the same facts are the bits
/// four places up ([`after_third`]), so that the needs of a character say
/// which of the two bytes to look at.
const AFTER_ASCII: u8 = 1;
/// An ASCII character other than a vowel letter follows.
const AFTER_PLAIN: u8 = 2;
/// An ASCII character other than a vowel letter precedes, or nothing.
const BEFORE_PLAIN: u8 = 4;
const NEVER: u8 = 8;

/// The needs of a three-byte character of the same class as a two-byte one
/// with `need`: its `AFTER_` bits moved four places up, to be matched by
/// the facts of the byte three after its lead ([`neighbour_facts`]).
const fn after_third(need: u8) -> u8 {
    const AFTER: u8 = AFTER_ASCII | AFTER_PLAIN;
    ((need & AFTER) << 4) | (need & !AFTER)
}

/// The needs of each class. Under [`ToneStyle::Preserve`] toned vowels need
/// nothing: their needs are masked with `NEVER` ([`Scanner::need_mask`]).
// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn needs() -> [u8; 256] {
    let mut t = [NEVER; 256];
    let mut i = 0;
    while i <= class::OTHER as usize {
        let k = i as u8;
        t[i] = if k >= VOWELS || (k / 2) % 6 == 0 {
            0
        } else if matches!(k / 12, 1 | 2 | 4 | 7 | 8 | 10) {
            AFTER_ASCII
        } else {
            AFTER_PLAIN | BEFORE_PLAIN
        };
        i += 1;
    }
    t
}

static NEEDS: [u8; 256] = needs();

/// The [`NEEDS`] of every two- and three-byte character, looked up by its
/// bytes without decoding it (the skip's work for each non-ASCII
/// character): `blocks`, indexed by the low six bits of the lead byte and
/// of the next byte (`x & 0x3F3F`, the first two bytes little-end first),
/// gives where a block of 64 starts in `needs`, indexed from there by the
/// low six bits of the third byte. A two-byte character is whole in its
/// two bytes, so its block holds 64 copies of its needs (the byte after it
/// picks any); a three-byte character's block is the run of 64 code points
/// it is in, with its needs as [`after_third`] gives them. Blocks are
/// shared (most are all 0 or all `NEVER`); block 0 is all `NEVER`, as is
/// every index no character has (the four-byte lead bytes).
struct NeedsByBytes {
    blocks: [u16; 0x4000],
    needs: [u8; 0x1_0000],
}

impl NeedsByBytes {
    fn build() -> Box<NeedsByBytes> {
        let table = class::bmp();
        let need = |k: u8| NEEDS.get(usize::from(k)).copied().unwrap_or(NEVER);
        let need3 = |k: u8| after_third(need(k));
        let mut t = Box::new(NeedsByBytes {
            blocks: [0; 0x4000],
            needs: [NEVER; 0x1_0000],
        });
        let NeedsByBytes { blocks, needs } = &mut *t;
        let mut store = BlockStore::new(needs);
        let mut name = |lead: u32, second: u32, start: u16| {
            let at = ((lead & 0x3F) | ((second & 0x3F) << 8)) as usize;
            if let Some(slot) = blocks.get_mut(at) {
                *slot = start;
            }
        };
        // Two bytes: U+0080..U+07FF, 110xxxxx 10xxxxxx.
        for (u, &k) in (0x80..0x800u32).zip(table.get(0x80..0x800).unwrap_or_default()) {
            name(0xC0 | (u >> 6), 0x80 | (u & 0x3F), store.uniform(need(k)));
        }
        // Three bytes: U+0800..U+FFFF in runs of 64, 1110xxxx 10xxxxxx.
        for (run, classes) in (0x800 >> 6..).zip(table.get(0x800..).unwrap_or_default().chunks(64))
        {
            let first = classes.first().copied().unwrap_or(class::OTHER);
            let start = if classes.iter().all(|&k| k == first) {
                store.uniform(need3(first))
            } else {
                let block = core::array::from_fn(|low| {
                    need3(classes.get(low).copied().unwrap_or(class::OTHER))
                });
                store.block(&block)
            };
            name(0xE0 | (run >> 6), 0x80 | (run & 0x3F), start);
        }
        t
    }

    /// The needs of the char whose first bytes are `x`'s, little-end first
    /// (anything for a four-byte one: its lead byte names block 0).
    #[inline(always)]
    fn of(&self, x: u32) -> u8 {
        // Both indices are masked within their table: no bounds check is
        // left in the code.
        let start = self.blocks.get((x & 0x3F3F) as usize).copied().unwrap_or(0);
        let low = ((x >> 16) & 0x3F) as u16;
        self.needs
            .get(usize::from(start | low))
            .copied()
            .unwrap_or(NEVER)
    }
}

/// The blocks of [`NeedsByBytes::needs`] as they are built, each stored
/// once and named by where it starts: one of 64 equal needs is found by its
/// value, any other by comparison with the few such blocks (Unicode has a
/// few dozen).
struct BlockStore<'a> {
    needs: &'a mut [u8; 0x1_0000],
    count: usize,
    uniform: [Option<u16>; 256],
    mixed: Vec<([u8; 64], u16)>,
}

impl<'a> BlockStore<'a> {
    /// A store over `needs` (all `NEVER`), with block 0.
    fn new(needs: &'a mut [u8; 0x1_0000]) -> BlockStore<'a> {
        let mut uniform = [None; 256];
        if let Some(slot) = uniform.get_mut(usize::from(NEVER)) {
            *slot = Some(0);
        }
        BlockStore {
            needs,
            count: 1,
            uniform,
            mixed: Vec::new(),
        }
    }

    /// The block of 64 copies of `need`.
    fn uniform(&mut self, need: u8) -> u16 {
        match self.uniform.get(usize::from(need)).copied().flatten() {
            Some(start) => start,
            None => {
                let start = self.store(&[need; 64]);
                if let Some(slot) = self.uniform.get_mut(usize::from(need)) {
                    *slot = Some(start);
                }
                start
            }
        }
    }

    /// The block holding `block`.
    fn block(&mut self, block: &[u8; 64]) -> u16 {
        if let Some(&first) = block.first().filter(|&&n| block.iter().all(|&m| m == n)) {
            return self.uniform(first);
        }
        if let Some(&(_, start)) = self.mixed.iter().find(|(b, _)| b == block) {
            return start;
        }
        let start = self.store(block);
        self.mixed.push((*block, start));
        start
    }

    /// A new block; block 0 (all `NEVER`, always right, only slower) once
    /// the table is full, which today's Unicode is far from.
    fn store(&mut self, block: &[u8; 64]) -> u16 {
        let at = self.count * 64;
        match (self.needs.get_mut(at..at + 64), u16::try_from(at)) {
            (Some(run), Ok(start)) => {
                run.copy_from_slice(block);
                self.count += 1;
                start
            }
            _ => 0,
        }
    }
}

static NEEDS_BY_BYTES: Lazy<Box<NeedsByBytes>> = Lazy::new(NeedsByBytes::build);

/// Builds the scanner's table now (see [`class::warm`]).
pub(crate) fn warm() {
    Lazy::force(&NEEDS_BY_BYTES);
}

/// What a byte next to a lead byte proves, in three parts of 256 (one
/// table, so that the three are read from one address):
/// - `AFTER_FACTS`, as the byte two after it (after a two-byte character):
///   `AFTER_ASCII` for an ASCII byte, with `AFTER_PLAIN` when it is not a
///   vowel letter;
/// - `THIRD_FACTS`, as the byte three after it (after a three-byte
///   character): the same four places up ([`after_third`]);
/// - `BEFORE_FACTS`, as the byte before it: `BEFORE_PLAIN` for an ASCII
///   byte that is not a vowel letter.
// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn neighbour_facts() -> [u8; 768] {
    let mut t = [0; 768];
    let mut i = 0;
    while i < 128 {
        let facts = if ASCII_CLASSES[i] < VOWELS {
            AFTER_ASCII
        } else {
            AFTER_ASCII | AFTER_PLAIN
        };
        t[AFTER_FACTS + i] = facts;
        t[THIRD_FACTS + i] = facts << 4;
        t[BEFORE_FACTS + i] = (facts & AFTER_PLAIN) << 1;
        i += 1;
    }
    t
}

const AFTER_FACTS: usize = 0;
const THIRD_FACTS: usize = 256;
const BEFORE_FACTS: usize = 512;
static NEIGHBOUR_FACTS: [u8; 768] = neighbour_facts();

/// What a character that its [`NEEDS`] do not settle (a toned vowel next
/// to another vowel or a non-ASCII character) is to [`Scanner::decided`]:
/// its row of [`DECIDE`] ([`KINDS`]).
///
/// - `K_FINE`: needs nothing, whatever is around it (letters, toneless
///   vowels, punctuation);
/// - `K_NEVER`: the general path (combining marks, spaces, invisible
///   characters, look-alikes, characters NFC changes);
/// - `MOD_TONED`: a modified vowel with a tone (`ấ`, `ờ`, `ự`);
/// - `PLAIN_TONED + p`: an unmodified vowel with a tone (`á`, `ò`, `ủ`),
///   `p` its place in [`PLAIN_VOWELS`].
const K_FINE: u8 = 0;
const K_NEVER: u8 = 1;
const MOD_TONED: u8 = 2;
const PLAIN_TONED: u8 = 3;
/// The number of rows of a [`DECIDE`] table (nine are used).
const ROWS: usize = 16;

/// The indices of the unmodified vowels `a e i o u y` (as in
/// [`VOWEL_FACTS`]), by their place in the rows and the categories.
const PLAIN_VOWELS: [u8; 6] = [0, 3, 5, 6, 9, 11];

/// The place of the vowel index `vowel` in [`PLAIN_VOWELS`] (6 for a
/// modified vowel).
// `i < 6` by the loop condition; `get` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn plain_place(vowel: u8) -> u8 {
    let mut i = 0;
    while i < PLAIN_VOWELS.len() && PLAIN_VOWELS[i] != vowel {
        i += 1;
    }
    i as u8
}

/// The kind of a character of class `class`. Under
/// [`ToneStyle::Preserve`] toned vowels are fine: their [`DECIDE`] rows
/// say so.
const fn kind(class: u8) -> u8 {
    if class < VOWELS {
        let (modified, toned) = class::vowel_flags(class);
        if !toned {
            K_FINE
        } else if modified {
            MOD_TONED
        } else {
            PLAIN_TONED + plain_place(class / 12)
        }
    } else if class <= class::OTHER {
        // `đ`, letters, punctuation.
        K_FINE
    } else {
        K_NEVER
    }
}

/// The category of a byte next to a character, for [`DECIDE`]: an ASCII
/// character that is not a letter (`GAP`), a consonant (`CONS`: any
/// but `q` and `g`, and `đ` before the character), `q`, `g`, a vowel
/// (`A_VOWEL + p`, `p` its place in [`PLAIN_VOWELS`]), or a byte of
/// another non-ASCII character (`UNKNOWN`).
const GAP: u8 = 0;
const CONS: u8 = 1;
const Q: u8 = 2;
const G: u8 = 3;
const A_VOWEL: u8 = 4;
const UNKNOWN: u8 = 15;

// `b < 128` where `ASCII_CLASSES` is indexed; `get` is not usable in a
// const fn.
#[allow(clippy::indexing_slicing)]
const fn category(b: u8) -> u8 {
    if b >= 0x80 {
        return UNKNOWN;
    }
    let k = ASCII_CLASSES[b as usize];
    if k < VOWELS {
        A_VOWEL + plain_place(k / 12)
    } else if k == class::CONSONANT {
        match b | 0x20 {
            b'q' => Q,
            b'g' => G,
            _ => CONS,
        }
    } else {
        GAP
    }
}

// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn kinds() -> [u8; 256] {
    let mut t = [K_NEVER; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = kind(i as u8);
        i += 1;
    }
    t
}

/// The kind of each class.
static KINDS: [u8; 256] = kinds();

/// The categories of the byte before a character, shifted four places up
/// (its part of a [`DECIDE`] index), indexed by the byte and, 256 up,
/// when the byte before that one is C4: then a 90 or 91 ends `Đ` or `đ`, a
/// consonant.
// `i < 512` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn before_categories() -> [u8; 512] {
    let mut t = [0; 512];
    let mut i = 0;
    while i < 512 {
        let b = i as u8;
        let d_stroke = i >= 256 && (b == 0x90 || b == 0x91);
        t[i] = if d_stroke { CONS } else { category(b) } << 4;
        i += 1;
    }
    t
}

static BEFORE_CATEGORIES: [u8; 512] = before_categories();

// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn after_categories() -> [u8; 256] {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = category(i as u8);
        i += 1;
    }
    t
}

/// The categories of the byte after a character.
static AFTER_CATEGORIES: [u8; 256] = after_categories();

/// What a [`DECIDE`] entry may ask of the bytes further away, one bit for
/// each way the character can be fine; it is fine when one of them holds
/// ([`Scanner::decided`]):
/// - `ALWAYS`: nothing more;
/// - `WORD_ENDS`: the byte after the next character is not a letter
///   (`của`);
/// - `NO_VOWEL_TWO_BEFORE`: the byte two before is a consonant, `đ` or not
///   a letter (`toàn`, `đoàn`);
/// - `QU_ONSET`, `GI_ONSET`: the two bytes before are `q` or `g` after
///   something that is not a letter (`quá`, `giá`).
const ALWAYS: u8 = 1;
const WORD_ENDS: u8 = 2;
const NO_VOWEL_TWO_BEFORE: u8 = 4;
const QU_ONSET: u8 = 8;
const GI_ONSET: u8 = 16;

/// What the byte after the next character proves.
// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn after_next_facts() -> [u8; 256] {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if category(i as u8) == GAP {
            WORD_ENDS
        } else {
            0
        };
        i += 1;
    }
    t
}

static AFTER_NEXT_FACTS: [u8; 256] = after_next_facts();

/// What the byte two before a character proves, indexed as
/// [`BEFORE_CATEGORIES`] (with C4 before it, a 90 or 91 is `đ`).
// `i < 512` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn two_before_facts() -> [u8; 512] {
    let mut t = [0; 512];
    let mut i = 0;
    while i < 512 {
        t[i] = match before_categories()[i] >> 4 {
            GAP | CONS => NO_VOWEL_TWO_BEFORE,
            Q => NO_VOWEL_TWO_BEFORE | QU_ONSET,
            G => NO_VOWEL_TWO_BEFORE | GI_ONSET,
            _ => 0,
        };
        i += 1;
    }
    t
}

static TWO_BEFORE_FACTS: [u8; 512] = two_before_facts();

/// What the byte three before a character allows of the facts of the byte
/// two before: a `q` or `g` is an onset only after something that is not
/// a letter.
// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn three_before_mask() -> [u8; 256] {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if category(i as u8) == GAP {
            u8::MAX
        } else {
            !(QU_ONSET | GI_ONSET)
        };
        i += 1;
    }
    t
}

static THREE_BEFORE_MASK: [u8; 256] = three_before_mask();

/// When a character of kind `row` needs nothing, by the categories of the
/// bytes before and after it: what [`Scanner::settle`] would answer,
/// as the bits that say how (0: the slow way decides).
// Every index is below its array's length by the loop bounds; `get` is not
// usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn decide_one(row: u8, before: u8, after: u8, preserve: bool, traditional: bool) -> u8 {
    const fn is_vowel(cat: u8) -> bool {
        cat >= A_VOWEL && cat < A_VOWEL + 6
    }
    const fn known(cat: u8) -> bool {
        cat < A_VOWEL + 6
    }
    match row {
        K_FINE => ALWAYS,
        MOD_TONED if preserve || known(after) => ALWAYS,
        r if r >= PLAIN_TONED && r < PLAIN_TONED + 6 => {
            if preserve {
                return ALWAYS;
            }
            if !known(before) || !known(after) {
                return 0;
            }
            let v = PLAIN_VOWELS[(r - PLAIN_TONED) as usize];
            match (is_vowel(before), is_vowel(after)) {
                // No vowel on either side (`đã`, `tát`).
                (false, false) => ALWAYS,
                // An open pair, the tone on its first vowel, not after a
                // `qu` or `gi` onset (`của`), if nothing follows.
                (false, true) => {
                    let nv = PLAIN_VOWELS[(after - A_VOWEL) as usize];
                    let glide = (v == 9 && before == Q) || (v == 5 && before == G);
                    if !glide && (pairs(traditional)[v as usize] >> nv) & 1 != 0 {
                        WORD_ENDS
                    } else {
                        0
                    }
                }
                // The second of a pair, after no third vowel: closed
                // (`toàn`), or open after a `qu`/`gi` onset (`quá`), or
                // `oa`, `oe`, `uy` in the modern style (`hoà`).
                (true, false) => {
                    let pv = PLAIN_VOWELS[(before - A_VOWEL) as usize];
                    if after != GAP {
                        return NO_VOWEL_TWO_BEFORE;
                    }
                    let modern_pair = !traditional && matches!((pv, v), (6, 0) | (6, 3) | (9, 11));
                    let mut bits = if modern_pair { NO_VOWEL_TWO_BEFORE } else { 0 };
                    if pv == 9 {
                        bits |= QU_ONSET;
                    }
                    if pv == 5 {
                        bits |= GI_ONSET;
                    }
                    bits
                }
                (true, true) => 0,
            }
        }
        _ => 0,
    }
}

/// [`decide_one`] for every row and pair of categories, indexed by
/// `row << 8 | before << 4 | after`.
// `i < ROWS * 256` by the loop bound; `get_mut` is not usable in a const
// fn.
#[allow(clippy::indexing_slicing)]
const fn decide(preserve: bool, traditional: bool) -> [u8; ROWS * 256] {
    let mut t = [0; ROWS * 256];
    let mut i = 0;
    while i < ROWS * 256 {
        let (row, before, after) = ((i >> 8) as u8, ((i >> 4) & 0xF) as u8, (i & 0xF) as u8);
        t[i] = decide_one(row, before, after, preserve, traditional);
        i += 1;
    }
    t
}

/// The [`decide`] tables of the three tone styles.
static DECIDE: [[u8; ROWS * 256]; 3] = [
    decide(false, true),
    decide(false, false),
    decide(true, false),
];

/// The bytes of `w` equal to `b`, as their high bits (exact: no borrow
/// crosses from one byte to the next).
#[inline(always)]
fn bytes_equal(w: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = w ^ (u64::from(b) * 0x0101_0101_0101_0101);
    // A byte's high bit is set here unless the byte of `x` is zero.
    let nonzero = ((x & LOW7) + LOW7) | x;
    !nonzero & 0x8080_8080_8080_8080
}

/// The bytes of `block` the skip stops at, as the bits of a mask: the lead
/// bytes of non-ASCII characters and, when `COLLAPSE`, ASCII spaces and
/// tabs. Eight bytes at a time, without a branch.
#[inline(always)]
fn stops_in<const COLLAPSE: bool, const N: usize>(block: &[u8; N]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut stops = 0u64;
    for (j, eight) in block.chunks_exact(8).enumerate() {
        let w = eight
            .first_chunk::<8>()
            .map_or(0, |b| u64::from_le_bytes(*b));
        // Bytes with their two high bits set: the lead bytes.
        let mut high = w & (w << 1) & HIGH;
        if COLLAPSE {
            high |= bytes_equal(w, b' ') | bytes_equal(w, b'\t');
        }
        // The high bit of byte `k` goes to bit `56 + k` (the products of
        // the eight bits do not overlap), then down to bit `k`.
        let bits = (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        stops |= bits << (8 * j);
    }
    stops
}

/// The two- or three-byte char at `at`, read off the four bytes there: its
/// class, its length and the byte after it. `None` for any other char (an
/// ASCII one, a four-byte one outside the table) and in the last three
/// bytes of the text, which the general path reads.
#[inline(always)]
fn lead(bytes: &[u8], at: usize, table: &[u8; BMP_LEN]) -> Option<(u8, usize, u8)> {
    let four = u32::from_le_bytes(*bytes.get(at..)?.first_chunk::<4>()?);
    if !(0xC0..0xF0).contains(&(four as u8)) {
        return None;
    }
    // Without branches (two- and three-byte characters come mixed): the
    // first three bytes big-end first, a two-byte character shifted to the
    // place of the last two of a three-byte one. The lead byte's payload is
    // its low four bits in three bytes, low five in two (`110xxxxx`: the
    // sixth is 0, so six bits read the same).
    let short = u32::from((four as u8) < 0xE0);
    let len = 3 - short;
    let x = four.swap_bytes() >> (8 + 8 * short);
    let u = ((x >> 4) & 0xF000) | ((x >> 2) & 0x0FC0) | (x & 0x3F);
    let after = (four >> (8 * len)) as u8;
    let len = len as usize;
    let class = table.get(u as usize & (BMP_LEN - 1)).copied()?;
    Some((class, len, after))
}

/// What [`Scanner::tone_candidate`] needs to know of a class, one byte:
/// [`VOWEL`], [`MODIFIED`], [`TONED_VOWEL`] and the vowel's [`INDEX`] (a 0, ă 1,
/// â 2, e 3, ê 4, i 5, o 6, ô 7, ơ 8, u 9, ư 10, y 11); 0 for a non-vowel.
const VOWEL: u8 = 0x80;
const MODIFIED: u8 = 0x40;
const TONED_VOWEL: u8 = 0x20;
const INDEX: u8 = 0x0F;

// `i < 256` by the loop bound; `get_mut` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn vowel_facts() -> [u8; 256] {
    let mut t = [0; 256];
    let mut i = 0;
    while i < VOWELS as usize {
        let (modified, toned) = class::vowel_flags(i as u8);
        t[i] = VOWEL | (i / 12) as u8;
        if modified {
            t[i] |= MODIFIED;
        }
        if toned {
            t[i] |= TONED_VOWEL;
        }
        i += 1;
    }
    t
}

static VOWEL_FACTS: [u8; 256] = vowel_facts();

/// Open pairs whose first vowel takes the tone (`của`, `này`, `tại`), as
/// one bit per second vowel for each first vowel; the traditional style
/// adds `oa`, `oe`, `uy` (`hòa`, `khỏe`, `thủy`).
// Evaluated at compile time: an index out of range would not compile.
#[allow(clippy::indexing_slicing)]
const fn pairs(traditional: bool) -> [u16; 12] {
    const BOTH: [(usize, u8); 10] = [
        (0, 5),
        (0, 6),
        (0, 9),
        (0, 11),
        (3, 6),
        (5, 0),
        (5, 9),
        (6, 5),
        (9, 0),
        (9, 5),
    ];
    const TRADITIONAL: [(usize, u8); 3] = [(6, 0), (6, 3), (9, 11)];
    let mut t = [0u16; 12];
    let mut i = 0;
    while i < BOTH.len() {
        let (a, b) = BOTH[i];
        t[a] |= 1 << b;
        i += 1;
    }
    let mut i = 0;
    while traditional && i < TRADITIONAL.len() {
        let (a, b) = TRADITIONAL[i];
        t[a] |= 1 << b;
        i += 1;
    }
    t
}

static FIRST_PAIRS: [[u16; 12]; 2] = [pairs(false), pairs(true)];

/// Does the open pair of vowels `a`, `b` (indices) take the tone on `a`?
#[inline(always)]
fn first_pair(a: u8, b: u8, traditional: bool) -> bool {
    let [modern, traditional_pairs] = &FIRST_PAIRS;
    let bits = if traditional {
        traditional_pairs
    } else {
        modern
    };
    bits.get(usize::from(a))
        .is_some_and(|bits| bits.checked_shr(u32::from(b)).is_some_and(|x| x & 1 != 0))
}

/// Flags gathered while scanning a word or a cluster.
const DIRTY: u8 = 1;
const NFC: u8 = 2;
const NFC_GENERAL: u8 = 4;
const FOREIGN: u8 = 8;
/// Something for `clean` to remove or fold (an invisible character, a
/// look-alike, a Unicode space); without it composing reads the text as is.
const FOLD: u8 = 16;

pub(super) struct Scanner<'a> {
    src: &'a str,
    out: Writer<'a>,
    notes: Vec<Note>,
    table: &'static [u8; BMP_LEN],
    /// The needs of each two- and three-byte character ([`NEEDS`]).
    needs: &'static NeedsByBytes,
    /// `NEVER` when tones are kept as they are (toned vowels then need
    /// nothing), all ones otherwise: what of a character's needs holds.
    need_mask: u8,
    /// The [`DECIDE`] table of the tone style.
    decide: &'static [u8; ROWS * 256],
    tones: ToneStyle,
    fold_spaces: bool,
    collapse: bool,
    remove_ignorables: bool,
    fold_lookalikes: bool,
    scratch: String,
    placed: String,
    /// Skip nothing: every character goes the general way, and every word
    /// with a toned vowel is parsed (the reference the fast paths are
    /// tested against).
    reference: bool,
}

/// Decodes the char at `i` of a `str`'s bytes (valid UTF-8) with its class.
#[inline(always)]
fn next(bytes: &[u8], i: usize, table: &[u8]) -> Option<(u8, usize, char)> {
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        let class = ASCII_CLASSES
            .get(usize::from(b0))
            .copied()
            .unwrap_or(class::OTHER);
        return Some((class, 1, char::from(b0)));
    }
    let b1 = u32::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F);
    let (u, len) = if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | b1, 2)
    } else {
        let b2 = u32::from(bytes.get(i + 2).copied().unwrap_or(0) & 0x3F);
        if b0 < 0xF0 {
            ((u32::from(b0 & 0x0F) << 12) | (b1 << 6) | b2, 3)
        } else {
            let b3 = u32::from(bytes.get(i + 3).copied().unwrap_or(0) & 0x3F);
            (
                (u32::from(b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3,
                4,
            )
        }
    };
    let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
    let class = match table.get(u as usize) {
        Some(&k) => k,
        None => class::compute(c),
    };
    Some((class, len, c))
}

/// The char before byte `at` (not before `floor`): its start and class.
#[inline]
fn prev(bytes: &[u8], at: usize, floor: usize, table: &[u8]) -> Option<(usize, u8)> {
    if at <= floor {
        return None;
    }
    let mut p = at - 1;
    // Back over continuation bytes (at most three) to the lead byte.
    while p > floor && bytes.get(p).is_some_and(|b| b & 0xC0 == 0x80) && at - p < 4 {
        p -= 1;
    }
    next(bytes, p, table).map(|(k, _, _)| (p, k))
}

/// The char that ends at byte `end`, when its last bytes tell what it is
/// for [`Scanner::settle`]: an ASCII character (its class and its byte in
/// lower case), `đ` or `Đ` (`D_STROKE`), or nothing at the start of the text
/// (`OTHER`, as a space). `None` for any other non-ASCII character.
#[inline(always)]
fn ascii_before(bytes: &[u8], end: usize) -> Option<(u8, u8)> {
    let Some(last) = end.checked_sub(1) else {
        return Some((class::OTHER, b' '));
    };
    let b = *bytes.get(last)?;
    if b < 0x80 {
        return ascii_at(bytes, last);
    }
    // `đ` is C4 91, `Đ` C4 90 (a C4 byte is always a lead byte).
    let lead = last.checked_sub(1).and_then(|p| bytes.get(p));
    (b & 0xFE == 0x90 && lead == Some(&0xC4)).then_some((class::D_STROKE, b))
}

/// The ASCII char at byte `at` (its class and its byte in lower case), or
/// nothing past the end of the text (`OTHER`, as a space); `None` for a
/// byte of a non-ASCII character.
#[inline(always)]
fn ascii_at(bytes: &[u8], at: usize) -> Option<(u8, u8)> {
    match bytes.get(at) {
        None => Some((class::OTHER, b' ')),
        Some(&b) => Some((*ASCII_CLASSES.get(usize::from(b))?, b.to_ascii_lowercase())),
    }
}

/// Is this class part of a word? (A look-alike is a letter either way.)
#[inline(always)]
fn is_word_class(class: u8) -> bool {
    class <= class::LETTER || class == class::UNSTABLE_LETTER || class == class::LOOKALIKE
}

impl<'a> Scanner<'a> {
    pub(super) fn new(opts: &Normalizer, src: &'a str) -> Self {
        Scanner {
            src,
            out: Writer::new(src),
            notes: Vec::new(),
            table: class::bmp_array(),
            needs: &NEEDS_BY_BYTES,
            need_mask: if opts.tone == ToneStyle::Preserve {
                NEVER
            } else {
                u8::MAX
            },
            decide: match opts.tone {
                ToneStyle::Traditional => &DECIDE[0],
                ToneStyle::Modern => &DECIDE[1],
                ToneStyle::Preserve => &DECIDE[2],
            },
            tones: opts.tone,
            fold_spaces: opts.spaces != Spaces::Keep,
            collapse: opts.spaces == Spaces::Collapse,
            remove_ignorables: opts.ignorables == Ignorables::Remove,
            fold_lookalikes: opts.lookalikes == Lookalikes::Fold,
            scratch: String::new(),
            placed: String::new(),
            reference: false,
        }
    }

    pub(super) fn run(mut self) -> Normalized<'a> {
        let src = self.src;
        let bytes = src.as_bytes();
        let table = self.table;
        let n = bytes.len();
        // Everything before `done` has been scanned by a slow path (and
        // rewritten if needed); backward looks never cross it.
        let mut done = 0;
        let mut i = 0;
        while i < n {
            i = if self.collapse {
                self.skip::<true>(i)
            } else {
                self.skip::<false>(i)
            };
            let Some((class, len, c)) = next(bytes, i, table) else {
                break;
            };
            if class < VOWELS {
                // A toned vowel here is one `fine` found may be misplaced.
                let (_, toned) = class::vowel_flags(class);
                if toned && self.tones != ToneStyle::Preserve {
                    let start = self.word_start(i, done);
                    i = self.word(start);
                    done = i;
                } else {
                    i += len;
                }
                continue;
            }
            // D_STROKE, CONSONANT, LETTER, OTHER: nothing to do.
            if class <= class::OTHER {
                i += len;
                continue;
            }
            match class {
                ASCII_SPACE if !self.collapse => i += len,
                ASCII_SPACE | class::SPACE if self.collapse => {
                    // One U+0020 between non-spaces is already canonical.
                    let next_class = next(bytes, i + len, table).map(|x| x.0);
                    if c == ' '
                        && !matches!(
                            next_class,
                            Some(ASCII_SPACE | class::SPACE | class::IGNORABLE)
                        )
                    {
                        i += len;
                    } else {
                        i = self.spaces(i);
                        done = i;
                    }
                }
                class::IGNORABLE if !self.remove_ignorables => i += len,
                class::SPACE if !self.fold_spaces && !matches!(c, '\u{2000}' | '\u{2001}') => {
                    i += len
                }
                class::LOOKALIKE | class::UNSTABLE_LETTER => {
                    let start = self.word_start(i, done);
                    i = self.word(start);
                    done = i;
                }
                class::MARK | class::MARK_LATIN | class::IGNORABLE => {
                    // Part of the word before it; else joins the clean
                    // character before it (a mark may compose with it, across
                    // a removed invisible); else a cluster of its own.
                    match prev(bytes, i, done, table) {
                        Some((p, pclass)) if is_word_class(pclass) => {
                            let start = self.word_start(p, done);
                            i = self.word(start);
                        }
                        Some((p, _)) => i = self.cluster(p),
                        None => i = self.cluster(i),
                    }
                    done = i;
                }
                _ => {
                    // A Unicode space, an invisible character, a character NFC
                    // changes: a cluster of its own with the marks after it.
                    i = self.cluster(i);
                    done = i;
                }
            }
        }
        let (text, offsets) = self.out.finish();
        Normalized {
            text,
            offsets,
            notes: self.notes,
        }
    }

    /// The first char at or after `from` (a char boundary) that the general
    /// path must see, or the end of the text; everything before it needs
    /// nothing.
    ///
    /// Sixty-four bytes at a time: a mask of their lead bytes of non-ASCII
    /// characters (and, when collapsing, of ASCII spaces and tabs) is made
    /// eight bytes at a time without a branch ([`stops_in`]), then the
    /// chars it marks are looked at one by one, ASCII letters, digits and
    /// punctuation and continuation bytes never are. (With a loop over the
    /// marks of every eight bytes, how many there are, none, one or two,
    /// was mispredicted most of the time.)
    /// `COLLAPSE` is `self.collapse`, a constant in the loop.
    #[inline]
    fn skip<const COLLAPSE: bool>(&self, from: usize) -> usize {
        if self.reference {
            return from;
        }
        let bytes = self.src.as_bytes();
        let stop = |b: u8| b >= 0xC0 || (COLLAPSE && (b == b' ' || b == b'\t'));
        // The first char of the text has no byte before it for `fine`.
        let mut base = match bytes.first() {
            Some(&b) if from == 0 && stop(b) => return 0,
            Some(_) => from.max(1),
            None => return from,
        };
        while let Some(window) = bytes.get(base - 1..).and_then(<[u8]>::first_chunk::<72>) {
            let block = window.get(1..).and_then(<[u8]>::first_chunk::<64>);
            let stops = block.map_or(0, stops_in::<COLLAPSE, 64>);
            if let Some(at) = self.first_unfine::<COLLAPSE, 64>(base, window, stops) {
                return at;
            }
            base += 64;
        }
        while let Some(window) = bytes.get(base - 1..).and_then(<[u8]>::first_chunk::<16>) {
            let block = window.get(1..).and_then(<[u8]>::first_chunk::<8>);
            let stops = block.map_or(0, stops_in::<COLLAPSE, 8>);
            if let Some(at) = self.first_unfine::<COLLAPSE, 8>(base, window, stops) {
                return at;
            }
            base += 8;
        }
        // The last few bytes, one at a time.
        while let Some(&b) = bytes.get(base) {
            if stop(b) && !self.fine(base) {
                return base;
            }
            base += 1;
        }
        base
    }

    /// The first of the chars at `base` plus the places of the bits of
    /// `stops` that is not [fine](Scanner::fine); `window` is the bytes
    /// from the one before `base`, at least `N + 7` of them (every char
    /// marked with its neighbours).
    #[inline(always)]
    fn first_unfine<const COLLAPSE: bool, const N: usize>(
        &self,
        base: usize,
        window: &[u8],
        mut stops: u64,
    ) -> Option<usize> {
        while stops != 0 {
            // Below `N`, so that the eight bytes are in `window`.
            let k = stops.trailing_zeros() as usize % N;
            let around = window.get(k..).and_then(<[u8]>::first_chunk::<8>);
            let fine = around.is_some_and(|around| {
                if COLLAPSE {
                    self.fine_in(base + k, around)
                } else {
                    self.fine_lead(base + k, around)
                }
            });
            if !fine {
                return Some(base + k);
            }
            stops &= stops - 1;
        }
        None
    }

    /// Does the char at `at` need nothing from the general path? Decided
    /// from its bytes and, for a toned vowel, its neighbours' bytes; `false`
    /// when unsure (the general path then decides), and for the first char
    /// of the text and the last seven bytes.
    #[inline(always)]
    fn fine(&self, at: usize) -> bool {
        let window = at
            .checked_sub(1)
            .and_then(|p| self.src.as_bytes().get(p..))
            .and_then(<[u8]>::first_chunk::<8>);
        window.is_some_and(|around| self.fine_in(at, around))
    }

    /// [`Scanner::fine`] with the eight bytes from the one before `at`,
    /// `around` (the byte before the char, the char, and the bytes after).
    #[inline(always)]
    fn fine_in(&self, at: usize, around: &[u8; 8]) -> bool {
        if around.get(1).is_some_and(|&b| b < 0xC0) {
            // An ASCII space or tab, stopped at when collapsing.
            return false;
        }
        self.fine_lead(at, around)
    }

    /// [`Scanner::fine_in`] for the lead byte of a non-ASCII char.
    #[inline(always)]
    fn fine_lead(&self, at: usize, around: &[u8; 8]) -> bool {
        let (need, met) = self.needs_met(around);
        if met {
            return true;
        }
        let Some((class, len, _)) = lead(self.src.as_bytes(), at, self.table) else {
            return false;
        };
        if self.decided(at, len, class) {
            return true;
        }
        // A toned vowel next to another vowel or a non-ASCII character.
        need & NEVER == 0
            && !self
                .settle(at, len, class)
                .unwrap_or_else(|| self.tone_candidate(at, len, class))
    }

    /// The needs of the char whose lead byte is the second of `around`, and
    /// whether the bytes around it meet them (the first test of
    /// [`Scanner::fine_in`]).
    #[inline(always)]
    fn needs_met(&self, around: &[u8; 8]) -> (u8, bool) {
        let [before, _, _, after2, after3, ..] = *around;
        // The bytes two and three after the lead (after a two- or a
        // three-byte char: the needs look at the right one), and before it.
        let facts = |part: usize, b: u8| {
            let at = part + usize::from(b);
            NEIGHBOUR_FACTS.get(at).copied().unwrap_or(0)
        };
        let have =
            facts(AFTER_FACTS, after2) | facts(THIRD_FACTS, after3) | facts(BEFORE_FACTS, before);
        let x = around
            .get(1..)
            .and_then(<[u8]>::first_chunk)
            .map_or(0, |&b| u32::from_le_bytes(b));
        let need = self.needs.of(x) & self.need_mask;
        (need, have & need == need)
    }

    /// Does the char at `at` (`len` bytes, of class `class`) need nothing,
    /// by [`DECIDE`] and the bytes around it? What [`Scanner::settle`]
    /// answers for the commonest shapes (`của`, `toàn`, `quá`, `đã`), without
    /// a branch: a few table loads, then `&`. `false` when the bytes do not
    /// settle it, and within three bytes of the start of the text or five of
    /// its end.
    #[inline(always)]
    fn decided(&self, at: usize, len: usize, class: u8) -> bool {
        let Some(around) = at
            .checked_sub(3)
            .and_then(|p| self.src.as_bytes().get(p..))
            .and_then(<[u8]>::first_chunk::<8>)
        else {
            return false;
        };
        let [b3, b2, b1, ..] = *around;
        let around = u64::from_le_bytes(*around);
        let kind = KINDS.get(usize::from(class)).copied().unwrap_or(K_NEVER);
        // The bytes after the char: two or three after its lead.
        let shift = 24 + 8 * (len as u32 & 3);
        let after = (around >> shift) as u8;
        let after_next = (around >> (shift + 8)) as u8;
        // A C4 before a byte makes a 90 or 91 `đ`.
        let c4 = |b: u8| usize::from(b == 0xC4) << 8;
        let before = BEFORE_CATEGORIES
            .get(usize::from(b1) | c4(b2))
            .copied()
            .unwrap_or(UNKNOWN << 4);
        let after = AFTER_CATEGORIES
            .get(usize::from(after))
            .copied()
            .unwrap_or(UNKNOWN);
        let row = usize::from(kind & 0xF) << 8;
        let at = (row | usize::from(before) | usize::from(after)) & (ROWS * 256 - 1);
        let decide = self.decide.get(at).copied().unwrap_or(0);
        let two_before = TWO_BEFORE_FACTS
            .get(usize::from(b2) | c4(b3))
            .copied()
            .unwrap_or(0);
        let three_before = THREE_BEFORE_MASK.get(usize::from(b3)).copied().unwrap_or(0);
        let after_next = AFTER_NEXT_FACTS
            .get(usize::from(after_next))
            .copied()
            .unwrap_or(0);
        let have = ALWAYS | after_next | (two_before & three_before);
        decide & have != 0
    }

    /// What [`Scanner::tone_candidate`] answers for the unmodified toned
    /// vowel at `at`, read off the bytes around it when those are ASCII
    /// letters, punctuation or `đ`; `None` otherwise (then it is asked).
    ///
    /// Most toned vowels that [`Scanner::fine`] cannot settle are in the
    /// commonest shapes: the first of an open pair (`của`, `tại`, `này`,
    /// `đại`), after `đ` (`đã`, `đó`), the last of a closed pair (`toàn`,
    /// `hoạt`) or after a `gi`/`qu` onset (`giá`, `quả`). Here each costs
    /// a few byte loads, not the decoding of up to five characters.
    #[inline(always)]
    fn settle(&self, at: usize, len: usize, class: u8) -> Option<bool> {
        let bytes = self.src.as_bytes();
        let me = VOWEL_FACTS.get(usize::from(class)).copied().unwrap_or(0);
        if me & MODIFIED != 0 {
            return None;
        }
        let v = me & INDEX;
        let traditional = self.tones == ToneStyle::Traditional;
        let vowel = |k: u8| (k < VOWELS).then_some(k / 12);
        let glide =
            |vowel: u8, onset: u8| (vowel == 9 && onset == b'q') || (vowel == 5 && onset == b'g');
        let (before, onset) = ascii_before(bytes, at)?;
        let (after, _) = ascii_at(bytes, at + len)?;
        match (vowel(before), vowel(after)) {
            // No vowel on either side (`đã`): nothing to move.
            (None, None) => Some(false),
            // An open pair, the tone on its first vowel if the pair ends
            // the word (`của`; not `gìa`, which the general path reads).
            (None, Some(nv)) => {
                if glide(v, onset) {
                    return None;
                }
                let (end, _) = ascii_at(bytes, at + len + 1)?;
                Some(!first_pair(v, nv, traditional) || is_word_class(end))
            }
            // The second of a pair (`p` is an ASCII vowel, so bare).
            (Some(pv), None) => {
                let (first, q) = ascii_before(bytes, at - 1)?;
                if first < VOWELS {
                    return Some(true);
                }
                if is_word_class(after) {
                    // Closed: the tone is on the last vowel.
                    return Some(false);
                }
                // Open: right after a `qu`/`gi` onset, or for `oa`, `oe`,
                // `uy` in the modern style.
                let onset = glide(pv, q) && !is_word_class(ascii_before(bytes, at - 2)?.0);
                let modern_pair = !traditional && matches!((pv, v), (6, 0) | (6, 3) | (9, 11));
                Some(!(onset || modern_pair))
            }
            (Some(_), Some(_)) => None,
        }
    }

    /// Could the toned vowel at `at` be misplaced? `false` only when the
    /// neighbours prove it is where every rule wants it (the exhaustive tone
    /// test runs every syllable through here); `true` sends the word to the
    /// syllable parser.
    ///
    /// A mark can be misplaced only next to another vowel. An unmodified
    /// vowel with a tone is right, among the common cases:
    /// - first of an open pair that takes the tone first (`của`, `này`,
    ///   `tại`, and `hòa`/`thủy` in the traditional style);
    /// - last of a closed pair (`hoàn`, `toán`);
    /// - last of an open pair after a `qu`/`gi` onset (`quá`, `giá`), or of
    ///   `oa`/`oe`/`uy` in the modern style (`hoà`);
    /// - middle of three vowels (`ngoài`, `loại`), or first of an open pair
    ///   after a `qu`/`gi` onset (`giải`, `quái`).
    ///
    /// A modified vowel with a tone is right unless a modified or toned
    /// vowel follows it (`ửơ`).
    #[inline]
    fn tone_candidate(&self, at: usize, len: usize, class: u8) -> bool {
        let bytes = self.src.as_bytes();
        let table = self.table;
        let facts = |k: u8| VOWEL_FACTS.get(usize::from(k)).copied().unwrap_or(0);
        // A vowel without mark: its index.
        let bare = |f: u8| (f & (VOWEL | MODIFIED | TONED_VOWEL) == VOWEL).then_some(f & INDEX);
        let next_at = at + len;
        let nxt = next(bytes, next_at, table);
        let n = nxt.map_or(0, |(k, _, _)| facts(k));
        let me = facts(class);
        if me & MODIFIED != 0 {
            return n & (MODIFIED | TONED_VOWEL) != 0;
        }
        let v = me & INDEX;
        let before = prev(bytes, at, 0, table);
        let p = before.map_or(0, |(_, k)| facts(k));
        let is_letter = |k: Option<u8>| k.is_some_and(is_word_class);
        let traditional = self.tones == ToneStyle::Traditional;
        // Is the onset before byte `pos` exactly the one letter `onset`?
        let onset_is = |pos: usize, onset: u8| {
            pos.checked_sub(1).is_some_and(|q| {
                bytes.get(q).map(u8::to_ascii_lowercase) == Some(onset)
                    && !prev(bytes, q, 0, table).is_some_and(|(_, k)| is_word_class(k))
            })
        };
        // Does the tone go on this vowel as the first of an open pair with
        // `nv` after it, nothing after that?
        let open_first = |nv: u8| {
            let after = nxt
                .and_then(|(_, l, _)| next(bytes, next_at + l, table))
                .map(|x| x.0);
            first_pair(v, nv, traditional) && !is_letter(after)
        };
        // Vowel indices: a 0, e 3, i 5, o 6, u 9, y 11.
        match (p & VOWEL != 0, n & VOWEL != 0, bare(p), bare(n)) {
            (false, true, _, Some(nv)) => {
                // Open pair, tone on the first: no glide onset, nothing after.
                let glide = (v == 9 && onset_is(at, b'q')) || (v == 5 && onset_is(at, b'g'));
                glide || !open_first(nv)
            }
            (true, n_vowel, Some(pv), nv) => {
                let Some((p_at, _)) = before else { return true };
                if prev(bytes, p_at, 0, table).is_some_and(|(_, k)| k < VOWELS) {
                    return true;
                }
                let glide = (pv == 9 && onset_is(p_at, b'q')) || (pv == 5 && onset_is(p_at, b'g'));
                match (n_vowel, nv) {
                    // Closed pair: the tone is on the last vowel.
                    (false, _) if is_letter(nxt.map(|x| x.0)) => false,
                    (false, _) => {
                        let modern_pair =
                            !traditional && matches!((pv, v), (6, 0) | (6, 3) | (9, 11));
                        !(glide || modern_pair)
                    }
                    // Three bare vowels, the middle one toned. After a
                    // `qu`/`gi` onset the last two are an open pair (`giải`,
                    // `quái`); otherwise the middle vowel is where both
                    // styles put the tone (`ngoài`, `loại`, `khuỷu`), or
                    // the word is no syllable and is left alone.
                    (true, Some(nv)) => glide && !open_first(nv),
                    (true, None) => true,
                }
            }
            (false, false, _, _) => false,
            _ => true,
        }
    }

    /// Where the word containing the letter at `at` starts (not before `done`).
    fn word_start(&self, at: usize, done: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut s = at;
        while let Some((p, k)) = prev(bytes, s, done, self.table) {
            if !is_word_class(k) {
                break;
            }
            s = p;
        }
        s
    }

    /// Scans the word starting at `start`; rewrites it if needed; returns its end.
    #[inline(always)]
    fn word(&mut self, start: usize) -> usize {
        let bytes = self.src.as_bytes();
        let table = self.table;
        let mut i = start;
        let (mut letters, mut vowels, mut toned) = (0u8, 0u8, 0u8);
        let (mut tone_pos, mut last_modified) = (NONE, NONE);
        let mut flags = 0u8;
        let mut last_cc = 0u8;
        while let Some((class, len, c)) = next(bytes, i, table) {
            if class < VOWELS {
                let (modified, has_tone) = class::vowel_flags(class);
                if modified {
                    last_modified = letters;
                }
                if has_tone {
                    toned = toned.saturating_add(1);
                    tone_pos = letters;
                }
                vowels = vowels.saturating_add(1);
                letters = letters.saturating_add(1);
                last_cc = 0;
                i += len;
                continue;
            }
            match class {
                class::CONSONANT | class::D_STROKE => {}
                class::LETTER => flags |= FOREIGN,
                class::LOOKALIKE if self.fold_lookalikes => flags |= DIRTY | FOLD,
                class::LOOKALIKE => flags |= FOREIGN,
                class::UNSTABLE_LETTER => flags |= FOREIGN | DIRTY | NFC | NFC_GENERAL,
                class::MARK_LATIN => {
                    flags |= DIRTY | NFC;
                    i += len;
                    continue;
                }
                class::MARK => {
                    let cc = canonical_combining_class(c);
                    if (cc != 0 && cc < last_cc)
                        || is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes
                    {
                        flags |= DIRTY | NFC | NFC_GENERAL;
                    }
                    last_cc = cc;
                    i += len;
                    continue;
                }
                class::IGNORABLE if self.remove_ignorables => {
                    flags |= DIRTY | FOLD;
                    self.note_bidi(c, i, len);
                    i += len;
                    continue;
                }
                _ => break,
            }
            letters = letters.saturating_add(1);
            last_cc = 0;
            i += len;
        }
        let needs_tone = self.tones != ToneStyle::Preserve
            && flags & FOREIGN == 0
            && usize::from(letters) <= MAX_LETTERS
            && (toned >= 2 || (toned == 1 && vowels >= 2 && tone_pos != last_modified));
        if flags & DIRTY != 0 {
            self.rewrite_word(start, i, flags);
        } else if needs_tone {
            self.place_tone(start, i);
        }
        i
    }

    /// A run of spaces (and invisible characters) under `Spaces::Collapse`.
    fn spaces(&mut self, start: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut i = start;
        while let Some((class, len, c)) = next(bytes, i, self.table) {
            match class {
                ASCII_SPACE | class::SPACE => {}
                class::IGNORABLE if self.remove_ignorables => self.note_bidi(c, i, len),
                _ => break,
            }
            i += len;
        }
        if self.src.get(start..i) != Some(" ") {
            self.out.replace(start, i, " ");
        }
        i
    }

    /// The cluster of the character at `start` with the marks and invisible
    /// characters that follow; rewritten if needed. Returns its end.
    fn cluster(&mut self, start: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut flags = 0u8;
        let mut i = start;
        let mut last_cc = 0u8;
        while let Some((class, len, c)) = next(bytes, i, self.table) {
            let first = i == start;
            match class {
                class::MARK_LATIN => flags |= DIRTY | NFC,
                class::MARK => {
                    let cc = canonical_combining_class(c);
                    if (cc != 0 && cc < last_cc)
                        || is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes
                    {
                        flags |= DIRTY | NFC | NFC_GENERAL;
                    }
                    last_cc = cc;
                }
                class::IGNORABLE if self.remove_ignorables => {
                    flags |= DIRTY | FOLD;
                    self.note_bidi(c, i, len);
                }
                _ if first => {
                    if class == class::UNSTABLE
                        || (class == class::SPACE && matches!(c, '\u{2000}' | '\u{2001}'))
                    {
                        flags |= DIRTY | NFC | NFC_GENERAL;
                    }
                    if class == class::SPACE && self.fold_spaces {
                        flags |= DIRTY | FOLD;
                    }
                }
                _ => break,
            }
            i += len;
        }
        if flags & DIRTY != 0 {
            let src = self.src;
            if let Some(slice) = src.get(start..i) {
                let mut cleaned = core::mem::take(&mut self.scratch);
                self.clean(slice, flags, &mut cleaned);
                if cleaned != slice {
                    self.out.replace(start, i, &cleaned);
                }
                self.scratch = cleaned;
            }
        }
        i
    }

    fn note_bidi(&mut self, c: char, at: usize, len: usize) {
        if space::is_bidi_control(c) {
            self.notes.push(Note {
                span: Span::new(at, at + len),
                kind: NoteKind::BidiControl,
            });
        }
    }

    /// A clean word whose tone may be misplaced.
    fn place_tone(&mut self, start: usize, end: usize) {
        let src = self.src;
        let Some(slice) = src.get(start..end) else {
            return;
        };
        if let Placement::Move { from, to } = self.placement(slice, start, end) {
            let mut placed = core::mem::take(&mut self.placed);
            placed.clear();
            tone::apply(slice, from, to, &mut placed);
            if placed != slice {
                self.out.replace(start, end, &placed);
            }
            self.placed = placed;
        }
    }

    /// A word that needs cleaning or composing, then tone placement.
    fn rewrite_word(&mut self, start: usize, end: usize, flags: u8) {
        let src = self.src;
        let Some(slice) = src.get(start..end) else {
            return;
        };
        let mut cleaned = core::mem::take(&mut self.scratch);
        self.clean(slice, flags, &mut cleaned);
        let mut placed = core::mem::take(&mut self.placed);
        placed.clear();
        let moved = match self.placement(&cleaned, start, end) {
            Placement::Move { from, to } => {
                tone::apply(&cleaned, from, to, &mut placed);
                true
            }
            _ => false,
        };
        let final_text = if moved { &placed } else { &cleaned };
        if flags & NFC != 0 && has_stacked_marks(final_text) {
            self.notes.push(Note {
                span: Span::new(start, end),
                kind: NoteKind::StackedMarks,
            });
        }
        if final_text != slice {
            self.out.replace(start, end, final_text);
        }
        self.scratch = cleaned;
        self.placed = placed;
    }

    /// Tone placement for a word, noting two-tone syllables.
    fn placement(&mut self, word: &str, start: usize, end: usize) -> Placement {
        let p = tone::place(word, self.tones);
        if p == Placement::TwoTones {
            self.notes.push(Note {
                span: Span::new(start, end),
                kind: NoteKind::TwoTones,
            });
        }
        p
    }

    /// Removes ignorables, folds look-alikes and spaces, and composes, as the
    /// options and `flags` say, into `out` (cleared first).
    fn clean(&mut self, slice: &str, flags: u8, out: &mut String) {
        out.clear();
        if flags & FOLD == 0 {
            // Only composing to do: read the text as it is.
            if flags & NFC == 0 {
                out.push_str(slice);
            } else if flags & NFC_GENERAL != 0 || !compose::vietnamese(slice, out) {
                out.clear();
                out.extend(slice.nfc());
            }
            return;
        }
        let (remove, fold, spaces) = (
            self.remove_ignorables,
            self.fold_lookalikes,
            self.fold_spaces,
        );
        let chars = slice.chars().filter_map(|c| {
            if remove && space::is_ignorable(c) {
                None
            } else if fold && space::lookalike(c).is_some() {
                space::lookalike(c)
            } else if spaces && space::is_unicode_space(c) {
                Some(' ')
            } else {
                Some(c)
            }
        });
        if flags & NFC == 0 {
            out.extend(chars);
            return;
        }
        let mut pre = core::mem::take(&mut self.placed);
        pre.clear();
        pre.extend(chars);
        if flags & NFC_GENERAL != 0 || !compose::vietnamese(&pre, out) {
            out.clear();
            out.extend(pre.chars().nfc());
        }
        self.placed = pre;
    }
}

#[cfg(test)]
impl<'a> Scanner<'a> {
    /// The reference the fast paths are tested against.
    fn reference(opts: &Normalizer, src: &'a str) -> Self {
        Scanner {
            reference: true,
            ..Scanner::new(opts, src)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str, tone: ToneStyle) -> (Normalized<'_>, Normalized<'_>) {
        let n = Normalizer::builder().tone(tone).build();
        let fast = Scanner::new(&n, text).run();
        (fast, Scanner::reference(&n, text).run())
    }

    /// A tiny deterministic generator (xorshift), so the test needs no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
    }

    /// The branch-free decode of the skip reads every two- and three-byte
    /// character as the general decoder does: its class, its length and the
    /// byte after it; and gives up on everything else.
    #[test]
    fn lead_reads_every_bmp_character_as_next_does() {
        let table = class::bmp_array();
        let mut checked = 0;
        for c in (0x80..=0xFFFFu32).filter_map(char::from_u32) {
            for after in ["x", "\u{e9}", "\u{1ea1}", ""] {
                let text = format!("{c}{after}  ");
                let bytes = text.as_bytes();
                let (class, len, _) = next(bytes, 0, table).unwrap();
                assert_eq!(
                    lead(bytes, 0, table),
                    Some((class, len, bytes[len])),
                    "{c:?}"
                );
                checked += 1;
            }
        }
        assert!(checked > 4 * 63_000, "{checked}");
        // ASCII, four-byte characters and the last three bytes of a text
        // are left to the general path.
        for text in ["abcd", "😀abc", "\u{e9}x", "\u{1ea1}"] {
            assert_eq!(lead(text.as_bytes(), 0, table), None, "{text:?}");
        }
    }

    /// The needs read off a character's bytes are those of its class, for
    /// every two- and three-byte character and whatever byte follows it;
    /// a four-byte character is left to the general path.
    #[test]
    fn needs_by_bytes_are_the_needs_of_every_bmp_character() {
        let table = class::bmp_array();
        let t = &*NEEDS_BY_BYTES;
        let mut checked = 0;
        for c in (0x80..=0xFFFFu32).filter_map(char::from_u32) {
            let (class, _, _) = next(c.to_string().as_bytes(), 0, table).unwrap();
            for after in [b' ', b'a', 0xC3, 0xE1, 0x80, 0xBF] {
                let mut four = [after; 4];
                c.encode_utf8(&mut four);
                let x = u32::from_le_bytes(four);
                let need = NEEDS[usize::from(class)];
                let need = if c.len_utf8() == 3 {
                    after_third(need)
                } else {
                    need
                };
                assert_eq!(t.of(x), need, "{c:?} then {after:#x}");
                checked += 1;
            }
        }
        assert!(checked > 6 * 63_000, "{checked}");
        for c in ['😀', '𝐀', '\u{10FFFF}'] {
            let mut four = [0; 4];
            c.encode_utf8(&mut four);
            assert_eq!(t.of(u32::from_le_bytes(four)), NEVER, "{c:?}");
        }
    }

    /// A toned vowel of two or three bytes between ASCII letters that are
    /// not vowels, or spaces, needs no more than one look at its neighbours
    /// (`tát`, `bộ`, `ấn`); after a vowel or a non-ASCII character it needs
    /// more (`hoà`, `đó`), unless it is modified (`đấ`: only the byte after
    /// it matters). Every vowel, in both cases, in every tone.
    #[test]
    fn toned_vowels_between_consonants_are_settled_by_their_neighbours() {
        let n = Normalizer::new();
        // Are the needs of `vowel` in `text` met by its neighbours?
        let met_in = |text: &str, vowel: &str| {
            let scanner = Scanner::new(&n, text);
            let at = text.find(vowel).unwrap();
            let around: [u8; 8] = text.as_bytes()[at - 1..at + 7].try_into().unwrap();
            scanner.needs_met(&around).1
        };
        let vowels = "aăâeêioôơuưy";
        for tone in ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'] {
            for v in vowels.chars() {
                let toned: String = [v, tone].iter().collect::<String>().nfc().collect();
                for (word, met) in [
                    (format!("t{toned}t"), true),
                    (format!("{toned}n"), true),
                    (format!("x{toned}"), true),
                    (format!("ho{toned}"), false),
                    (format!("đ{toned}"), false),
                ] {
                    for (word, vowel) in [
                        (word.clone(), toned.clone()),
                        (word.to_uppercase(), toned.to_uppercase()),
                    ] {
                        let text = format!("  {word}         ");
                        // A modified vowel needs only an ASCII byte after it.
                        let (modified, _) = class::vowel_flags(class::compute(v));
                        let expected = met || modified;
                        assert_eq!(met_in(&text, &vowel), expected, "{word:?}");
                    }
                }
            }
        }
    }

    /// `bytes_equal` finds exactly the bytes equal to the one asked for,
    /// whatever their neighbours (no borrow from one byte to the next).
    #[test]
    fn bytes_equal_is_exact() {
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for _ in 0..20_000 {
            // Bytes near the ones looked for, where a borrow would show.
            let w = u64::from_le_bytes(core::array::from_fn(|_| {
                [
                    0x00, 0x01, 0x08, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x80, 0xA0, 0xFF,
                ][(rng.next() % 11) as usize]
            }));
            for b in [b' ', b'\t'] {
                let expected = (0..8)
                    .filter(|&k| (w >> (8 * k)) as u8 == b)
                    .fold(0u64, |m, k| m | 0x80 << (8 * k));
                assert_eq!(bytes_equal(w, b), expected, "{w:#x} {b}");
            }
        }
    }

    /// `stops_in` marks exactly the lead bytes (and, when collapsing, the
    /// spaces and tabs) of its block, whatever their neighbours: random
    /// bytes near the ones looked for, in blocks of 8 and 64.
    #[test]
    fn stops_in_marks_exactly_the_bytes_stopped_at() {
        let mut rng = Rng(0x0DDB_1A5E_5BAD_5EED);
        let near = [
            0x00, 0x09, 0x0A, 0x20, 0x21, 0x61, 0x7F, 0x80, 0xA0, 0xBF, 0xC0, 0xC3, 0xDF, 0xE0,
            0xE1, 0xEF, 0xF0, 0xF4, 0xFF,
        ];
        for _ in 0..20_000 {
            let block: [u8; 64] = core::array::from_fn(|_| near[(rng.next() % 19) as usize]);
            let expected = |collapse: bool, n: usize| {
                (0..n)
                    .filter(|&k| {
                        let b = block[k];
                        b >= 0xC0 || (collapse && (b == b' ' || b == b'\t'))
                    })
                    .fold(0u64, |m, k| m | 1 << k)
            };
            assert_eq!(
                stops_in::<false, 64>(&block),
                expected(false, 64),
                "{block:x?}"
            );
            assert_eq!(
                stops_in::<true, 64>(&block),
                expected(true, 64),
                "{block:x?}"
            );
            let eight: &[u8; 8] = block.first_chunk().unwrap();
            assert_eq!(
                stops_in::<false, 8>(eight),
                expected(false, 8),
                "{eight:x?}"
            );
            assert_eq!(stops_in::<true, 8>(eight), expected(true, 8), "{eight:x?}");
        }
    }

    /// Skipping never changes the result, under every combination of
    /// options: random mixes of Vietnamese syllables (both tone placements,
    /// NFD), look-alikes, every kind of space, invisible characters, other
    /// combining marks, characters NFC changes and four-byte characters,
    /// glued together or not, cut at every length (the last bytes of a text
    /// are read one at a time).
    #[test]
    fn skipping_agrees_with_the_general_path_under_every_option() {
        let pieces = [
            "của",
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "qúy",
            "quý",
            "gìa",
            "già",
            "người",
            "được",
            "Việt",
            "hoàn",
            "hòan",
            "khoẻ",
            "ĐÀ",
            "đã",
            "NĂM",
            "ửơ",
            "hòá",
            "a\u{301}",
            "o\u{302}\u{300}",
            "Vie\u{323}\u{302}t",
            "e\u{302}\u{323}",
            "á\u{300}",
            "Ð",
            "ð",
            " ",
            "  ",
            "\t",
            " \t ",
            "\u{a0}",
            "\u{2009}",
            "\u{3000}",
            "\u{2000}",
            "\u{2001}",
            "\u{200b}",
            "\u{ad}",
            "\u{feff}",
            "\u{202e}",
            "\u{fe0f}",
            "\u{34f}",
            "\u{338}",
            "\u{94d}",
            "\u{2126}",
            "\u{212b}",
            "\u{f900}",
            "😀",
            "𝐀",
            "“",
            "”",
            "–",
            "…",
            "1",
            ",",
            ".",
            "\n",
            "ü",
            "ñ",
            "北",
            "x",
            "o",
            "y",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let tones = [
            ToneStyle::Traditional,
            ToneStyle::Modern,
            ToneStyle::Preserve,
        ];
        let spaces = [Spaces::Keep, Spaces::Ascii, Spaces::Collapse];
        let mut checked = 0;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..=(rng.next() % 12) {
                text.push_str(rng.pick(&pieces));
            }
            for (k, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let part = &text[..k];
                for (tone, space) in tones.iter().flat_map(|&t| spaces.map(|s| (t, s))) {
                    let keep = rng.next() % 2 == 0;
                    let n = Normalizer::builder()
                        .tone(tone)
                        .spaces(space)
                        .lookalikes(if keep {
                            Lookalikes::Keep
                        } else {
                            Lookalikes::Fold
                        })
                        .ignorables(if rng.next() % 2 == 0 {
                            Ignorables::Keep
                        } else {
                            Ignorables::Remove
                        })
                        .build();
                    let fast = Scanner::new(&n, part).run();
                    let reference = Scanner::reference(&n, part).run();
                    assert_eq!(fast, reference, "{part:?} {n:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// The neighbour filter never skips a word the parser would change or
    /// note: random Vietnamese-like words, every tone on every vowel.
    #[test]
    fn fast_filter_agrees_with_parsing_every_word() {
        let onsets = [
            "", "", "b", "ch", "g", "gi", "h", "kh", "ng", "ngh", "qu", "q", "th", "tr", "đ", "Đ",
            "G", "Q",
        ];
        let vowels = [
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "á", "à", "ả", "ã", "ạ",
            "ó", "ò", "ỏ", "ú", "ù", "ủ", "í", "ì", "ý", "ỳ", "é", "è", "ế", "ề", "ố", "ồ", "ớ",
            "ờ", "ứ", "ừ", "ấ", "ầ", "ắ", "ằ", "Á", "Ò", "Ủ", "Ý", "Ế", "Ớ",
        ];
        let codas = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "x"];
        let gaps = [" ", " ", ", ", ". ", "\n", "-", "“", "” ", "1", " 2,5% "];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..50 {
                text.push_str(rng.pick(&onsets));
                for _ in 0..=(rng.next() % 3) {
                    text.push_str(rng.pick(&vowels));
                }
                text.push_str(rng.pick(&codas));
                text.push_str(rng.pick(&gaps));
            }
            for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
                let (fast, reference) = both(&text, tone);
                assert_eq!(fast.as_str(), reference.as_str(), "{text:?}");
                assert_eq!(fast.notes(), reference.notes(), "{text:?}");
                assert_eq!(fast.offsets(), reference.offsets(), "{text:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, 800);
    }

    /// Every toned vowel of `text` that is not modified: where it is, its
    /// length and its class.
    fn toned_plain_vowels(text: &str) -> Vec<(usize, usize, u8)> {
        let table = class::bmp_array();
        text.char_indices()
            .filter_map(|(at, _)| {
                let (class, len, _) = next(text.as_bytes(), at, table)?;
                let (modified, toned) = class::vowel_flags(class);
                (class < VOWELS && toned && !modified).then_some((at, len, class))
            })
            .collect()
    }

    /// `settle` gives the answer of `tone_candidate` whenever it gives one,
    /// in both styles: on the seed article (its capitals and its cuts, and
    /// its copy in the other style) and on random mixes of syllables (both
    /// placements, after `đ`, `gi`, `qu`, glued or not) with punctuation
    /// and non-ASCII neighbours; and it gives one for over half of them.
    #[test]
    fn settling_on_bytes_agrees_with_tone_candidate() {
        let mut texts = crate::testing::seed_texts(97);
        let modern = Normalizer::builder().tone(ToneStyle::Modern).build();
        texts.push(modern.normalize(&texts[0]).as_str().to_string());
        let pieces = [
            "của", "tại", "này", "đại", "Đại", "đã", "ĐÓ", "toàn", "hoạt", "giá", "giải", "GIÁ",
            "quả", "Quá", "quý", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "ngoài", "gìa",
            "qủa", "hòan", "ùa", "ái", "oá", "úy", "ía", "á", "ạ", "a", "i", "y", "o", "u", "q",
            "g", "đ", "ư", "ơ", "n", "ng", " ", ", ", ".", "1", "“", "”", "ü",
            // Characters whose last bytes look like `đ`'s (C4 91, C4 90)
            // in part: ố E1 BB 91, Ố E1 BB 90, Ð C3 90, ő C5 91, ĩ C4 A9.
            "ốá", "Ốạ", "Ðó", "őá", "ĩà", "ố", "ĩ",
        ];
        let mut rng = crate::testing::Rng::new();
        for _ in 0..20_000 {
            texts.push(rng.mix(&pieces, 8, 3));
        }
        let (mut asked, mut settled) = (0, 0);
        for text in &texts {
            for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
                let n = Normalizer::builder().tone(tone).build();
                let scanner = Scanner::new(&n, text);
                for (at, len, class) in toned_plain_vowels(text) {
                    asked += 1;
                    if let Some(answer) = scanner.settle(at, len, class) {
                        settled += 1;
                        let expected = scanner.tone_candidate(at, len, class);
                        assert_eq!(answer, expected, "{text:?} at {at} {tone:?}");
                    }
                }
            }
        }
        assert!(asked > 100_000, "{asked}");
        assert!(settled * 2 > asked, "{settled} of {asked}");
    }

    /// Every char `decided` calls fine needs nothing: it is a letter, a
    /// toneless vowel or punctuation, or a toned vowel that
    /// `tone_candidate` leaves where it is. Checked at every non-ASCII
    /// char of the seed article (and its copy in the other style), of random
    /// mixes of syllables (both placements, after `đ`, `gi`, `qu`, glued or
    /// not, with look-alikes of `đ`'s bytes and other non-ASCII neighbours),
    /// and of every BMP character around toned vowels, in both styles;
    /// `decided` settles over half of the toned vowels of the article that
    /// `needs_met` leaves.
    #[test]
    fn deciding_on_bytes_agrees_with_tone_candidate() {
        let mut texts = crate::testing::seed_texts(97);
        let modern = Normalizer::builder().tone(ToneStyle::Modern).build();
        texts.push(modern.normalize(&texts[0]).as_str().to_string());
        // Only real text is counted below.
        let counted = texts.len();
        let pieces = [
            "của", "tại", "này", "đại", "Đại", "đã", "ĐÓ", "toàn", "đoàn", "hoạt", "giá", "giải",
            "GIÁ", "quả", "Quá", "quý", "QUÝ", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ",
            "ngoài", "gìa", "qủa", "hòan", "ùa", "ái", "oá", "úy", "ía", "á", "ạ", "a", "i", "y",
            "o", "u", "q", "g", "đ", "Đ", "ư", "ơ", "n", "ng", " ", ", ", ".", "1", "-", "“", "”",
            "ü", "ốá", "Ốạ", "Ðó", "őá", "ĩà", "ố", "ĩ", "ấy", "ườ", "ướ", "ửơ", "ệ", "ỳa", "ỷ",
        ];
        let mut rng = crate::testing::Rng::new();
        for _ in 0..20_000 {
            texts.push(rng.mix(&pieces, 8, 3));
        }
        // Every BMP character before, after and two before a toned vowel.
        let mut bmp = String::new();
        for c in (0x80..=0xFFFFu32).filter_map(char::from_u32) {
            for shape in [
                "{}ủa ", "t{}à ", "q{}á ", "{}oàn ", "o{}à ", "uy{}ý ", "ủ{}a ", "ạ{} ",
            ] {
                bmp.push_str(&shape.replace("{}", &c.to_string()));
            }
            if bmp.len() > 2000 {
                texts.push(core::mem::take(&mut bmp));
            }
        }
        texts.push(bmp);
        let (mut unmet, mut decided) = (0, 0);
        for (i, text) in texts.iter().enumerate() {
            let bytes = text.as_bytes();
            for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
                let n = Normalizer::builder().tone(tone).build();
                let scanner = Scanner::new(&n, text);
                for (at, c) in text.char_indices().filter(|&(_, c)| !c.is_ascii()) {
                    let Some((class, len, _)) = lead(bytes, at, scanner.table) else {
                        continue;
                    };
                    let toned = class < VOWELS && class::vowel_flags(class).1;
                    let met = at
                        .checked_sub(1)
                        .and_then(|p| bytes.get(p..)?.first_chunk::<8>())
                        .is_some_and(|around| scanner.needs_met(around).1);
                    if toned && !met && i < counted {
                        unmet += 1;
                    }
                    if !scanner.decided(at, len, class) {
                        continue;
                    }
                    if toned && !met && i < counted {
                        decided += 1;
                    }
                    assert!(class <= class::OTHER, "{c:?} in {text:?} at {at}");
                    if toned {
                        let candidate = scanner.tone_candidate(at, len, class);
                        assert!(!candidate, "{c:?} in {text:?} at {at} {tone:?}");
                    }
                }
            }
        }
        assert!(unmet > 1_000, "{unmet}");
        assert!(decided * 2 > unmet, "{decided} of {unmet}");
    }

    /// Every vowel cluster of two or three vowels, with a tone on each of
    /// its vowels in turn, after onsets that matter to the tone (none, `g`,
    /// `gi`, `q`, `qu`, `ng`, `đ`, capitals) and before codas, a letter no
    /// syllable ends with, or nothing: the fast filter changes nothing the
    /// syllable parser would not (text, notes and offsets), in both styles.
    #[test]
    fn fast_filter_agrees_with_parsing_every_cluster() {
        let vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
        let onsets = ["", "g", "gi", "GI", "q", "qu", "Qu", "ng", "đ", "Đ", "h"];
        let codas = ["", "n", "ng", "c", "x"];
        let gaps = [" ", ", ", ".\n", "-"];
        // An acute (two bytes on a, e, i, o, u, y: C3 xx), a dot below
        // (three: E1 xx xx) and a tilde (ã C3, ĩ C4, ũ C5, ỹ E1).
        let tones = ['\u{301}', '\u{323}', '\u{303}'];
        let mut clusters: Vec<Vec<char>> = Vec::new();
        for &a in &vowels {
            for &b in &vowels {
                clusters.push(vec![a, b]);
                for &c in &vowels {
                    clusters.push(vec![a, b, c]);
                }
            }
        }
        let (mut words, mut k) = (0, 0usize);
        let mut text = String::new();
        for cluster in &clusters {
            for toned in 0..cluster.len() {
                for tone in tones {
                    let rhyme: String = cluster
                        .iter()
                        .enumerate()
                        .flat_map(|(i, &v)| [Some(v), (i == toned).then_some(tone)])
                        .flatten()
                        .nfc()
                        .collect();
                    for onset in onsets {
                        for coda in codas {
                            text.push_str(onset);
                            text.push_str(&rhyme);
                            text.push_str(coda);
                            text.push_str(gaps[k % gaps.len()]);
                            k += 1;
                            words += 1;
                        }
                    }
                }
            }
            if text.len() > 4000 {
                for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
                    let (fast, reference) = both(&text, tone);
                    assert_eq!(fast, reference, "{text:?}");
                }
                text.clear();
            }
        }
        for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
            let (fast, reference) = both(&text, tone);
            assert_eq!(fast, reference, "{text:?}");
        }
        assert!(words > 400_000, "{words}");
    }

    /// The same on real text: every article of the corpus sample, in both
    /// styles, and in each style converted to the other first.
    #[test]
    fn fast_filter_agrees_with_parsing_every_word_on_the_corpus_sample() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/vi-news.sample.jsonl"
        );
        let Ok(data) = std::fs::read_to_string(path) else {
            eprintln!("NOTICE: {path} is absent; skipping");
            return;
        };
        let mut articles = 0;
        for line in data.lines() {
            // The text field, unescaped well enough for this check.
            let Some(start) = line.find("\"text\": \"") else {
                continue;
            };
            let text = &line[start + 9..];
            let text = text
                .replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\\"", "\"");
            articles += 1;
            for tone in [ToneStyle::Traditional, ToneStyle::Modern] {
                let other = if tone == ToneStyle::Modern {
                    ToneStyle::Traditional
                } else {
                    ToneStyle::Modern
                };
                let converted = Normalizer::builder()
                    .tone(other)
                    .build()
                    .normalize(&text)
                    .as_str()
                    .to_string();
                for input in [&text, &converted] {
                    let (fast, reference) = both(input, tone);
                    assert_eq!(fast.as_str(), reference.as_str());
                    assert_eq!(fast.notes(), reference.notes());
                }
            }
        }
        assert_eq!(articles, 300);
    }
}
