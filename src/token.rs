//! [`Tokens`]: normalized text cut into words, digit runs and punctuation,
//! the input of the number grammar and of every fact extractor.
//!
//! | token | what | example |
//! |---|---|---|
//! | word | a run of letters (with their marks) | `Đảng`, `triệu`, `TP` |
//! | digits | a run of ASCII digits | `2017`, `13` (in `13,6`) |
//! | punct | any other single character but spaces | `%`, `,`, `/`, `–`, `“`, `₫` |
//!
//! Spaces are not tokens: each token records whether a space (or a line
//! break) came before it, so `13,6` (digits, punct, digits, no spaces) and
//! `13, 6` differ. Only ASCII digits are digits: `١٢٣` and `１３` are
//! punctuation here, never numbers (BAD_INPUTS #25). Each word also has its
//! lower-case form, for matching lexicon entries whatever the case
//! (`NĂM 2017`, `Triệu`).
//!
//! The same pass notes the tokens a number may start at
//! ([`Tokens::number_starts`]: `hai`, `2017`, the `-` of `-5`) and those a
//! sentence may end at ([`Tokens::sentence_marks`]: `.`, `?`, a token after
//! a line break), and each token's mark ([`Tokens::marks`]: what may
//! happen at it, see [`crate::extract::marks`]), so that the number
//! grammar, the decimal style, the sentence splitter and the kinds' skip
//! loops need not walk every token again.

mod runs;

use crate::Span;
use crate::extract::marks::{Marker, NUMERAL};
use crate::extract::sentence::is_end_mark;
use runs::{LowerSet, Runs};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Digits,
    /// One other character.
    Punct(char),
}

/// One token; positions are byte offsets into the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// A space (or any whitespace) separates it from the previous token.
    pub(crate) space_before: bool,
    /// A line break separates it from the previous token.
    pub(crate) line_before: bool,
    /// The lower-case form, as a range of [`Tokens::lower`]'s buffer, for
    /// words with capitals; the surface is the lower-case form of others.
    lowered: Option<(u32, u32)>,
    /// A word whose first letter is a capital (`Đảng`, `TP`), decided
    /// while tokenizing: [`Tokens::capitalized`] is a field read.
    capital: bool,
    /// A word a numeral can start with (`hai`, `mười`, `triệu`, `âm`,
    /// `muoi`…): only these are worth the number grammar's time.
    numeral: bool,
    /// [`word_hash`] of the lower-case form: lexicons test it against a
    /// [`WordFilter`] before they look a word up.
    hash: u32,
}

/// A hash of a token's lower-case form (FxHash's mix, folded to 32 bits),
/// computed once per token so that every lexicon can rule out most tokens
/// with one bit test.
#[inline]
pub(crate) fn word_hash(s: &str) -> u32 {
    word_hash_bytes(s.as_bytes())
}

/// FxHash's multiplier.
const HASH_MUL: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// [`word_hash`] of a word's bytes.
#[inline]
fn word_hash_bytes(bytes: &[u8]) -> u32 {
    let mut h: u64 = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(HASH_MUL);
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        let w = tail_word(bytes, rest);
        h = (h.rotate_left(5) ^ w).wrapping_mul(HASH_MUL);
    }
    // Truncation intended: the high bits are the best mixed.
    (h >> 32) as u32
}

/// The last `rest` bytes of `bytes` (1 to 7) as a little-endian word
/// padded with zeros, read with overlapping loads instead of a copy (most
/// words are shorter than 8 bytes: this is the whole hash for them).
#[inline]
fn tail_word(bytes: &[u8], rest: usize) -> u64 {
    let n = bytes.len();
    let load = |at: usize, k: usize| -> u64 {
        let mut w = [0u8; 8];
        if let (Some(dst), Some(src)) = (w.get_mut(..k), bytes.get(at..at + k)) {
            dst.copy_from_slice(src);
        }
        u64::from_le_bytes(w)
    };
    if n >= 8 {
        // The last eight bytes, of which the first `8 - rest` were hashed.
        return load(n - 8, 8) >> (8 * (8 - rest));
    }
    if rest >= 4 {
        let low = load(0, 4);
        let high = load(n - 4, 4) >> (8 * (8 - rest));
        return low | (high << 32);
    }
    let byte = |k: usize| bytes.get(k).map_or(0, |&b| u64::from(b));
    let mut w = byte(0);
    if rest >= 2 {
        w |= byte(1) << 8;
    }
    if rest >= 3 {
        w |= byte(2) << 16;
    }
    w
}

/// A set of word hashes as a bit table (a one-hash Bloom filter): `false`
/// means the word is surely not in the lexicon it was built from; `true`
/// means it may be (about 3 % of other words, with 250 words).
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    bits: Box<[u64; WordFilter::WORDS]>,
}

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter {
            bits: Box::new([0; WordFilter::WORDS]),
        }
    }
}

impl WordFilter {
    /// 64-bit words in the table (8,192 bits, 1 KB).
    const WORDS: usize = 128;

    /// Adds a word (lower case).
    pub(crate) fn insert(&mut self, word: &str) {
        self.insert_hash(word_hash(word));
    }

    /// Adds a word by its hash.
    pub(crate) fn insert_hash(&mut self, h: u32) {
        let bit = h as usize % (Self::WORDS * 64);
        if let Some(w) = self.bits.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
    }

    /// May the word with hash `h` be in the set?
    #[inline]
    pub(crate) fn may_contain(&self, h: u32) -> bool {
        let bit = h as usize % (Self::WORDS * 64);
        self.bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }
}

/// The tokens of a text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens<'t> {
    text: &'t str,
    toks: Vec<Token>,
    /// Lower-case forms of the words, concatenated.
    lower: String,
    /// The text was normalized with traditional tone placement, so every
    /// lower-case form is already its canonical key (`place::Keys`).
    traditional: bool,
    /// The numbers read so far, by first token, and the style they were
    /// read in: money, percentages, counts and awards all ask for the
    /// number at the same tokens (see [`crate::number::number_at`]).
    pub(crate) numbers: core::cell::RefCell<NumberMemo>,
    /// The words numerals may start with, kept for the next text.
    starts: StartMemo,
    /// The tokens a number may start at, in order (see
    /// [`Tokens::number_starts`]).
    number_starts: Vec<usize>,
    /// The tokens a sentence may end at, in order (see
    /// [`Tokens::sentence_marks`]).
    sentence_marks: Vec<usize>,
    /// Each token's mark (see [`Tokens::marks`]).
    marks: Vec<u16>,
    /// The runs of lower-case letters of the text, kept for the next.
    runs: Runs,
}

/// The memory of a [`Tokens`], kept for the next text.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    toks: Vec<Token>,
    lower: String,
    numbers: NumberMemo,
    starts: StartMemo,
    number_starts: Vec<usize>,
    sentence_marks: Vec<usize>,
    marks: Vec<u16>,
    runs: Runs,
}

impl Buffers {
    /// About how much memory the buffers hold (tokens, lower-case forms,
    /// marks and the lists of tokens).
    pub(crate) fn held_bytes(&self) -> usize {
        self.toks.capacity() * core::mem::size_of::<Token>()
            + self.lower.capacity()
            + self.marks.capacity() * core::mem::size_of::<u16>()
            + (self.number_starts.capacity() + self.sentence_marks.capacity())
                * core::mem::size_of::<usize>()
            + self.runs.held_bytes()
    }
}

/// Numbers already read in a text (see [`Tokens::numbers`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct NumberMemo {
    /// The style the numbers were read in.
    pub(crate) style: Option<crate::number::Style>,
    /// First token → what the grammar read there.
    pub(crate) read: crate::number::Memo,
}

use crate::normalize::class;

/// Is `c` an upper-case letter? Vietnamese vowels from the table's case
/// bit, ASCII directly, others from Unicode.
#[inline]
fn is_upper(c: char, table: &[u8]) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match table.get(c as usize) {
        Some(&k) if k < class::VOWELS => k % 2 == 1,
        Some(&class::D_STROKE) => c == 'Đ',
        _ => c.is_uppercase(),
    }
}

/// The character at byte `i` of `text` and its width, decoded straight
/// from the bytes (`text` is valid UTF-8 and `i` a char boundary: the
/// tokenizer only steps by the widths this returns).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some((char::from(b0), 1));
    }
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b & 0x3F));
    let (cp, width) = if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    char::from_u32(cp).map(|c| (c, width))
}

/// Appends the lower-case form of `word` to `out`: ASCII, Vietnamese vowels
/// (from [`LOWER_VOWELS`]) and `Đ` without Unicode's case tables; the same
/// as `char::to_lowercase` for every character.
#[inline]
fn push_lower(out: &mut String, word: &str, table: &[u8], vowels: &LowerVowels) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match table.get(c as usize) {
            Some(&k) => push_lower_char(out, c, k, vowels),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// Appends the lower-case form of the non-ASCII character `c` of class `k`
/// (see [`push_lower`]).
#[inline]
fn push_lower_char(out: &mut String, c: char, k: u8, vowels: &LowerVowels) {
    match k {
        // A vowel letter's class has its case in the low bit.
        _ if k < class::VOWELS => match vowels.get(usize::from(k)).copied().flatten() {
            _ if k % 2 == 0 => out.push(c),
            Some(lower) => out.push(lower),
            None => out.extend(c.to_lowercase()),
        },
        class::D_STROKE if c == 'Đ' => out.push('đ'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The lower-case letter of each capital vowel class (the classes of
/// `class.rs`, `vowel * 12 + tone * 2 + 1`), when every character of the
/// class lowers to that one letter; `None` sends the class to Unicode's
/// tables.
type LowerVowels = [Option<char>; class::VOWELS as usize];

/// [`LowerVowels`], built once from the class table and `to_lowercase`.
static LOWER_VOWELS: once_cell::sync::Lazy<LowerVowels> = once_cell::sync::Lazy::new(|| {
    let table = class::bmp();
    let mut out: LowerVowels = [None; class::VOWELS as usize];
    let mut mixed = [false; class::VOWELS as usize];
    for (cp, &k) in table.iter().enumerate() {
        if k >= class::VOWELS || k % 2 == 0 {
            continue;
        }
        let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
            continue;
        };
        let mut lower = c.to_lowercase();
        let one = match (lower.next(), lower.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        };
        let k = usize::from(k);
        match (out.get(k).copied().flatten(), one) {
            (None, Some(l)) if !mixed.get(k).copied().unwrap_or(true) => {
                if let Some(slot) = out.get_mut(k) {
                    *slot = Some(l);
                }
            }
            (Some(prev), Some(l)) if prev == l => {}
            _ => {
                if let (Some(slot), Some(m)) = (out.get_mut(k), mixed.get_mut(k)) {
                    *slot = None;
                    *m = true;
                }
            }
        }
    }
    out
});

/// Builds the tokenizer's tables now (see `Extractor::new`).
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&LOWER_VOWELS);
    once_cell::sync::Lazy::force(&SCAN_TABLES);
    once_cell::sync::Lazy::force(&LOWER_SET);
}

/// What a character is for tokenizing: 0 other, 1 letter, 2 combining mark,
/// from the normalizer's one-byte-per-code-point table.
#[inline]
fn letter_class(c: char, table: &[u8]) -> u8 {
    let k = match table.get(c as usize) {
        Some(&k) => k,
        None => class::compute(c),
    };
    match k {
        _ if k <= class::LETTER => 1,
        class::UNSTABLE_LETTER | class::LOOKALIKE => 1,
        class::MARK | class::MARK_LATIN => 2,
        _ => 0,
    }
}

/// What the first byte of a token is: [`B_SPACE`] (` `, tab), [`B_BREAK`]
/// (`\n`, `\r`, `\v`, `\f`: the ASCII whitespace that breaks lines),
/// [`B_DIGIT`], [`B_LETTER`] (ASCII), [`B_PUNCT`] (any other ASCII), or
/// [`B_MULTI`] (the first byte of a longer character).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [B_MULTI; 256];
    let mut rest: &mut [u8] = &mut t;
    let mut b: u8 = 0;
    while let [slot, tail @ ..] = rest {
        *slot = match b {
            b' ' | b'\t' => B_SPACE,
            b'\n' | b'\r' | 0x0B | 0x0C => B_BREAK,
            b'0'..=b'9' => B_DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => B_LETTER,
            0..0x80 => B_PUNCT,
            _ => B_MULTI,
        };
        rest = tail;
        b = b.wrapping_add(1);
    }
    t
};
const B_SPACE: u8 = 0;
const B_BREAK: u8 = 1;
const B_DIGIT: u8 = 2;
const B_LETTER: u8 = 3;
const B_PUNCT: u8 = 4;
const B_MULTI: u8 = 5;

/// The code point of the character of two to four bytes starting at byte
/// `i` of `bytes` (its first byte `b0`), and its width; `bytes` is valid
/// UTF-8 and `i` a char boundary (as for [`char_at`]).
#[inline]
fn decode(bytes: &[u8], i: usize, b0: u8) -> (u32, usize) {
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b & 0x3F));
    if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// What [`scan_lower`] stopped at: the end of the word (a character that
/// is no letter nor mark, or the end of the text).
const SCAN_END: u8 = 0;
/// What [`scan_lower`] stopped at: a capital (ASCII, a Vietnamese vowel or
/// `Đ`).
const SCAN_CAPITAL: u8 = 1;
/// What [`scan_lower`] stopped at: a letter or mark that only
/// [`slow_word`] reads.
const SCAN_SLOW: u8 = 2;
/// A lower-case letter: [`scan_lower`] goes on (in its tables only).
const SCAN_LOWER: u8 = 3;
/// The first byte of a longer character (in [`BYTE_SCAN`] only).
const SCAN_MULTI: u8 = 4;

/// What [`scan_lower`] makes of each byte as the first of a character:
/// [`SCAN_LOWER`] for ASCII lower-case letters, [`SCAN_CAPITAL`] for the
/// capitals, [`SCAN_END`] for any other ASCII, [`SCAN_MULTI`] for the rest.
static BYTE_SCAN: [u8; 256] = {
    let mut t = [SCAN_MULTI; 256];
    let mut rest: &mut [u8] = &mut t;
    let mut b: u8 = 0;
    while let [slot, tail @ ..] = rest {
        *slot = match b {
            b'a'..=b'z' => SCAN_LOWER,
            b'A'..=b'Z' => SCAN_CAPITAL,
            0..0x80 => SCAN_END,
            _ => SCAN_MULTI,
        };
        rest = tail;
        b = b.wrapping_add(1);
    }
    t
};

/// What [`scan_lower`] makes of the character `cp` (not ASCII), of class
/// `k` (`None` past the class table): Vietnamese vowels and `đ`/`Đ` are
/// lower-case letters or capitals, characters that are no letter nor mark
/// end the word, and other letters and marks are for [`slow_word`].
fn scan_state(cp: u32, k: Option<u8>) -> u8 {
    match k {
        Some(k) if k < class::VOWELS => {
            if k % 2 == 1 {
                SCAN_CAPITAL
            } else {
                SCAN_LOWER
            }
        }
        Some(class::D_STROKE) if cp == 'đ' as u32 => SCAN_LOWER,
        Some(class::D_STROKE) if cp == 'Đ' as u32 => SCAN_CAPITAL,
        Some(class::OTHER | class::SPACE | class::IGNORABLE | class::UNSTABLE) => SCAN_END,
        _ => SCAN_SLOW,
    }
}

/// [`scan_state`] of the characters Vietnamese text is made of, by their
/// bytes: every two-byte character (U+0080–U+07FF, by its code point) and
/// the three-byte U+1E80–U+1EFF (`E1 BA xx`, `E1 BB xx`: the vowels with
/// tone marks), so that [`scan_lower`] reads them with one load.
struct ScanTables {
    two: [u8; 0x800],
    viet: [u8; 0x80],
}

/// The [`ScanTables`], built once from the class table.
static SCAN_TABLES: once_cell::sync::Lazy<ScanTables> = once_cell::sync::Lazy::new(|| {
    let table = class::bmp();
    let state = |cp: u32| scan_state(cp, table.get(cp as usize).copied());
    let mut t = ScanTables {
        two: [SCAN_SLOW; 0x800],
        viet: [SCAN_SLOW; 0x80],
    };
    for (cp, slot) in (0u32..).zip(t.two.iter_mut()) {
        *slot = state(cp);
    }
    for (cp, slot) in (0x1E80u32..).zip(t.viet.iter_mut()) {
        *slot = state(cp);
    }
    t
});

/// Scans the lower-case letters of a word from byte `start`: ASCII
/// letters, Vietnamese vowels of lower-case classes and `đ` (letters that
/// are their own lower-case form), each read once: ASCII from
/// [`BYTE_SCAN`], longer characters by [`multi_state`]. Returns where the
/// word ends ([`SCAN_END`]) or where a capital ([`SCAN_CAPITAL`]) or
/// another letter or mark ([`SCAN_SLOW`]) stops the scan. The tokenizer
/// finds the same with [`scan_runs`]; this is for the words with
/// capitals ([`lower_rest`]).
#[inline(always)]
fn scan_lower(bytes: &[u8], start: usize, table: &[u8], scan: &ScanTables) -> (usize, u8) {
    let mut end = start;
    loop {
        let Some(&b) = bytes.get(end) else {
            return (end, SCAN_END);
        };
        let s = BYTE_SCAN.get(usize::from(b)).copied().unwrap_or(SCAN_MULTI);
        if s == SCAN_LOWER {
            end += 1;
            continue;
        }
        if s != SCAN_MULTI {
            return (end, s);
        }
        let (s, w) = multi_state(bytes, end, b, table, scan);
        if s != SCAN_LOWER {
            return (end, s);
        }
        end += w;
    }
}

/// [`scan_state`] of the character of two to four bytes at byte `at` of
/// `bytes` (its first byte `b`), and its width: the characters of
/// Vietnamese text from [`ScanTables`], others decoded and classified.
#[inline(always)]
fn multi_state(bytes: &[u8], at: usize, b: u8, table: &[u8], scan: &ScanTables) -> (u8, usize) {
    // The character's bytes as one little-endian word (all but the last
    // three characters of the text).
    let quad = bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<4>)
        .map(|q| u32::from_le_bytes(*q));
    match quad {
        Some(q) if b < 0xE0 => {
            let cp = ((q & 0x1F) << 6) | ((q >> 8) & 0x3F);
            (scan.two.get(cp as usize).copied().unwrap_or(SCAN_SLOW), 2)
        }
        // E1 BA xx, E1 BB xx: U+1E80–U+1EFF.
        Some(q) if q & 0xFEFF == 0xBAE1 => {
            let at = ((q >> 2) & 0x40) | ((q >> 16) & 0x3F);
            (scan.viet.get(at as usize).copied().unwrap_or(SCAN_SLOW), 3)
        }
        _ => {
            let (cp, w) = decode(bytes, at, b);
            (scan_state(cp, table.get(cp as usize).copied()), w)
        }
    }
}

/// What [`scan_lower`] returns from byte `start`, found with the text's
/// [`Runs`]: the end of the run of lower-case letters is the first clear
/// bit, and only the character there is classified (a space, mostly).
#[inline(always)]
fn scan_runs(
    bytes: &[u8],
    start: usize,
    runs: &Runs,
    table: &[u8],
    scan: &ScanTables,
) -> (usize, u8) {
    let end = runs.end(start);
    (end, stop_state(bytes, end, table, scan))
}

/// What stops a run of lower-case letters at byte `end` (see
/// [`scan_runs`]): the end of the word, a capital or a letter for
/// [`slow_word`].
#[inline(always)]
fn stop_state(bytes: &[u8], end: usize, table: &[u8], scan: &ScanTables) -> u8 {
    match bytes.get(end) {
        None => SCAN_END,
        Some(&b) if b < 0x80 => BYTE_SCAN.get(usize::from(b)).copied().unwrap_or(SCAN_END),
        Some(&b) => multi_state(bytes, end, b, table, scan).0,
    }
}

/// The code points [`scan_lower`] goes on through, for [`Runs`].
static LOWER_SET: once_cell::sync::Lazy<LowerSet> = once_cell::sync::Lazy::new(|| {
    let table = class::bmp();
    LowerSet::new(|cp| match u8::try_from(cp) {
        Ok(b) if b < 0x80 => BYTE_SCAN.get(usize::from(b)) == Some(&SCAN_LOWER),
        _ => scan_state(cp, table.get(cp as usize).copied()) == SCAN_LOWER,
    })
});

/// The rest of a word from its first capital at byte `at` ([`scan_lower`]
/// stopped there): appends the word's lower-case form to `lower` and
/// returns the word's end and the form. The letters before `at` and the
/// runs [`scan_lower`] finds between capitals are their own lower-case
/// form and are copied as they are; each capital (ASCII, a Vietnamese
/// vowel or `Đ`) is lowered on its own. `None`, with `lower` as it was,
/// when the word holds a letter or mark other than ASCII letters,
/// Vietnamese vowels and `đ`/`Đ`: [`slow_word`] reads those.
#[inline(never)]
fn lower_rest(
    text: &str,
    start: usize,
    at: usize,
    table: &[u8],
    scan: &ScanTables,
    vowels: &LowerVowels,
    lower: &mut String,
) -> Option<(usize, Lowered)> {
    let bytes = text.as_bytes();
    let from = lower.len();
    if at > start {
        lower.push_str(text.get(start..at).unwrap_or_default());
    }
    let mut pos = at;
    // A capital at `pos`.
    while let Some(&b) = bytes.get(pos) {
        if b < 0x80 {
            lower.push(char::from(b.to_ascii_lowercase()));
            pos += 1;
        } else {
            let (cp, w) = decode(bytes, pos, b);
            if let (Some(c), Some(&k)) = (char::from_u32(cp), table.get(cp as usize)) {
                push_lower_char(lower, c, k, vowels);
            }
            pos += w;
        }
        let (next, found) = scan_lower(bytes, pos, table, scan);
        if next > pos {
            lower.push_str(text.get(pos..next).unwrap_or_default());
        }
        pos = next;
        match found {
            SCAN_CAPITAL => {}
            SCAN_END => break,
            _ => {
                lower.truncate(from);
                return None;
            }
        }
    }
    Some((pos, lowered(lower, from)))
}

/// The token of a word read by [`slow_word`] or the capitals' paths
/// (`word`: its end, whether its first letter is a capital, its lower-case
/// form when it has capitals), with the spacing before it (`gap`: a space,
/// a line break) and whether a numeral may start with it.
#[inline(always)]
fn word_token(
    text: &str,
    lower: &str,
    start: usize,
    word: (usize, bool, Option<Lowered>),
    gap: (bool, bool),
    may_start: &WordFilter,
    starts: &mut StartMemo,
) -> Token {
    let (end, capital, lowered) = word;
    let (lowered, hash) = match lowered {
        Some((range, hash)) => (Some(range), hash),
        None => (None, hash_of(text.as_bytes(), start, end)),
    };
    let numeral = may_start.may_contain(hash) && {
        let lo = match lowered {
            Some((a, z)) => lower.get(a as usize..z as usize),
            None => text.get(start..end),
        };
        starts.may_start(hash, lo.unwrap_or_default())
    };
    Token {
        kind: Kind::Word,
        start,
        end,
        space_before: gap.0,
        line_before: gap.1,
        capital,
        numeral,
        hash,
        lowered,
    }
}

/// A word's lower-case form in [`Tokens::lower`]'s buffer (its range) and
/// its [`word_hash`].
type Lowered = ((u32, u32), u32);

/// The [`Lowered`] of the form appended to `lower` from byte `from`.
#[inline]
fn lowered(lower: &str, from: usize) -> Lowered {
    let range = (
        u32::try_from(from).unwrap_or(u32::MAX),
        u32::try_from(lower.len()).unwrap_or(u32::MAX),
    );
    (range, hash_of_tail(lower.as_bytes(), from))
}

/// The word starting at byte `start` (a letter), whatever it holds: its
/// end, whether its first letter is a capital, and its lower-case form
/// appended to `lower` (see [`Lowered`]) when it has capitals. Each
/// character decoded, classified and tested for case on its own.
#[inline(never)]
fn slow_word(
    text: &str,
    start: usize,
    table: &[u8],
    vowels: &LowerVowels,
    lower: &mut String,
) -> (usize, bool, Option<Lowered>) {
    let bytes = text.as_bytes();
    let Some((c, width)) = char_at(text, start) else {
        return (start, false, None);
    };
    let mut has_upper = is_upper(c, table);
    let capital = has_upper;
    let mut end = start + width;
    loop {
        // ASCII letters without decoding (the only ASCII characters a
        // word holds).
        match bytes.get(end) {
            Some(&b) if b.is_ascii_alphabetic() => {
                has_upper |= b.is_ascii_uppercase();
                end += 1;
                continue;
            }
            Some(&b) if b < 0x80 => break,
            _ => {}
        }
        let Some((d, w)) = char_at(text, end) else {
            break;
        };
        if letter_class(d, table) == 0 {
            break;
        }
        has_upper |= is_upper(d, table);
        end += w;
    }
    if !has_upper {
        return (end, capital, None);
    }
    let from = lower.len();
    push_lower(
        lower,
        text.get(start..end).unwrap_or_default(),
        table,
        vowels,
    );
    (end, capital, Some(lowered(lower, from)))
}

/// The end of the combining marks (never ASCII) from byte `end`: a
/// punctuation token carries those that follow it.
#[inline]
fn marks_end(text: &str, end: usize, table: &[u8]) -> usize {
    // Mostly ASCII follows: no marks.
    if text.as_bytes().get(end).is_some_and(|&b| b >= 0x80) {
        return marks_end_slow(text, end, table);
    }
    end
}

/// [`marks_end`] when a character that is not ASCII follows.
#[inline(never)]
fn marks_end_slow(text: &str, mut end: usize, table: &[u8]) -> usize {
    let bytes = text.as_bytes();
    while let Some((d, w)) = bytes
        .get(end)
        .filter(|&&b| b >= 0x80)
        .and_then(|_| char_at(text, end))
    {
        if letter_class(d, table) != 2 {
            break;
        }
        end += w;
    }
    end
}

/// [`word_hash`] of `bytes[from..to]`, with one load for the words of up to
/// eight bytes (most) when eight bytes from `from` are in `bytes`: those,
/// masked to the word.
#[inline]
fn hash_of(bytes: &[u8], from: usize, to: usize) -> u32 {
    let len = to.wrapping_sub(from);
    // One comparison for 1 ≤ len ≤ 8.
    if let (0..8, Some(w)) = (
        len.wrapping_sub(1),
        bytes.get(from..).and_then(<[u8]>::first_chunk::<8>),
    ) {
        let w = u64::from_le_bytes(*w) & (u64::MAX >> (64 - 8 * len));
        return (w.wrapping_mul(HASH_MUL) >> 32) as u32;
    }
    word_hash_bytes(bytes.get(from..to).unwrap_or_default())
}

/// [`word_hash`] of `bytes[from..]`, the end of `bytes`, with one load for
/// the words of up to eight bytes when `bytes` holds eight: the last ones,
/// shifted down to the word.
#[inline]
fn hash_of_tail(bytes: &[u8], from: usize) -> u32 {
    let len = bytes.len().wrapping_sub(from);
    if let (1..=8, Some(w)) = (len, bytes.last_chunk::<8>()) {
        let w = u64::from_le_bytes(*w) >> (64 - 8 * len);
        return (w.wrapping_mul(HASH_MUL) >> 32) as u32;
    }
    word_hash_bytes(bytes.get(from..).unwrap_or_default())
}

/// The answers of [`crate::number::words::may_start`] for the words that
/// pass [`crate::number::words::MAY_START`] (mostly the same few: `năm`,
/// `một`, `hai`…), remembered by hash in a few slots (made at the first
/// such word and kept with the [`Buffers`] for the next texts) and checked
/// on the word's bytes before they are reused: the answer depends on the
/// word alone.
#[derive(Clone, Debug, Default)]
struct StartMemo {
    /// Hash, length (0: empty, as no word is), bytes and answer.
    slots: Option<Box<[StartSlot; StartMemo::SLOTS]>>,
}

/// A word of a [`StartMemo`]: hash, length, bytes and answer.
type StartSlot = (u32, u8, [u8; StartMemo::BYTES], bool);

impl StartMemo {
    /// Slots, chosen by hash.
    const SLOTS: usize = 32;
    /// The longest word remembered, in bytes (`nghìn`, `triệu`, `mười`).
    const BYTES: usize = 12;

    /// [`crate::number::words::may_start`] of `word`, whose [`word_hash`]
    /// is `hash`.
    #[inline(never)]
    fn may_start(&mut self, hash: u32, word: &str) -> bool {
        let bytes = word.as_bytes();
        let slots = self
            .slots
            .get_or_insert_with(|| Box::new([(0, 0, [0; Self::BYTES], false); Self::SLOTS]));
        let slot = slots.get_mut(hash as usize % Self::SLOTS);
        if let Some((h, len, saved, answer)) = &slot {
            if *h == hash
                && usize::from(*len) == bytes.len()
                && saved.get(..bytes.len()) == Some(bytes)
            {
                return *answer;
            }
        }
        let answer = crate::number::words::may_start(word);
        if let Some(slot) = slot {
            let mut saved = [0; Self::BYTES];
            if let (Some(dst), Ok(len)) = (saved.get_mut(..bytes.len()), u8::try_from(bytes.len()))
            {
                dst.copy_from_slice(bytes);
                *slot = (hash, len, saved, answer);
            }
        }
        answer
    }
}

/// Notes a line break before token `next` (the next to be pushed): its
/// first break makes that token a [`Tokens::sentence_marks`] (a line
/// ends a sentence), the others of a run of breaks (`\n\n`) add nothing.
#[inline]
fn line_break(line: &mut bool, marks: &mut Vec<usize>, next: usize) {
    if !*line {
        marks.push(next);
        *line = true;
    }
}

/// Notes a digit run about to be pushed after `toks` among the
/// [`Tokens::number_starts`]: the run itself, and the punctuation right
/// before it, which may be a sign (`-5`, `+3`; see
/// [`crate::number::may_start_at`]).
#[inline]
fn digits_start(toks: &[Token], starts: &mut Vec<usize>) {
    let k = toks.len();
    if let Some(Token {
        kind: Kind::Punct(_),
        ..
    }) = toks.last()
    {
        starts.push(k - 1);
    }
    starts.push(k);
}

impl<'t> Tokens<'t> {
    /// Tokenizes `text` (normalized: NFC, canonical spaces).
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        Tokens::new_in(text, Buffers::default())
    }

    /// Tokenizes `text` into the buffers of an earlier text (see
    /// [`Tokens::into_buffers`]): the blocks of a long text reuse one set
    /// of buffers instead of each mapping fresh memory.
    pub(crate) fn new_in(text: &'t str, buffers: Buffers) -> Tokens<'t> {
        Tokens::new_marked_by(text, buffers, Marker::new())
    }

    /// [`Tokens::new_in`] without the kinds' bits in the marks: for the
    /// phrases of the lexicons those bits are made from (the places' and
    /// organizations' first words), which must not ask for the table they
    /// are building.
    pub(crate) fn new_unmarked_in(text: &'t str, buffers: Buffers) -> Tokens<'t> {
        Tokens::new_marked_by(text, buffers, Marker::without_kinds())
    }

    /// Tokenizes `text` into `buffers`, marking tokens with `marker`.
    fn new_marked_by(text: &'t str, buffers: Buffers, marker: Marker) -> Tokens<'t> {
        let table = class::bmp();
        let bytes = text.as_bytes();
        let Buffers {
            mut toks,
            mut lower,
            mut numbers,
            mut starts,
            mut number_starts,
            mut sentence_marks,
            mut marks,
            mut runs,
        } = buffers;
        toks.clear();
        toks.reserve(text.len() / 5);
        marks.clear();
        marks.reserve(text.len() / 5);
        lower.clear();
        number_starts.clear();
        sentence_marks.clear();
        numbers.style = None;
        numbers.read.clear();
        let mut space = false;
        let mut line = false;
        let mut i = 0;
        let may_start = &*crate::number::words::MAY_START;
        let vowels = &*LOWER_VOWELS;
        let scan = &*SCAN_TABLES;
        runs.fill(bytes, &LOWER_SET);
        'text: while let Some(&b) = bytes.get(i) {
            let start = i;
            // Tokens other than words: their kind and end.
            let (kind, end) = 'other: {
                // A word read on a fast path, or `None` for the general one
                // ([`slow_word`]).
                let word = 'word: {
                    // Most tokens are words starting with a lower-case
                    // letter, ASCII or not (`đã`, `ở`), scanned from their
                    // first letter; the others a capital, ASCII (`Năm`,
                    // scanned from the letter after it) or not (`Đảng`, the
                    // scan stops at once).
                    let first = BYTE_SCAN.get(usize::from(b)).copied().unwrap_or(SCAN_END);
                    let ascii_capital = first == SCAN_CAPITAL;
                    let (at, found) = if first == SCAN_END {
                        (start, SCAN_END)
                    } else {
                        scan_runs(
                            bytes,
                            start + usize::from(ascii_capital),
                            &runs,
                            table,
                            scan,
                        )
                    };
                    if at == start && found != SCAN_CAPITAL {
                        // No word, or one that starts with another letter.
                        match BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(B_MULTI) {
                            B_SPACE => {
                                space = true;
                                i += 1;
                                continue 'text;
                            }
                            B_BREAK => {
                                line_break(&mut line, &mut sentence_marks, toks.len());
                                space = true;
                                i += 1;
                                continue 'text;
                            }
                            B_DIGIT => {
                                let mut end = i + 1;
                                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                                    end += 1;
                                }
                                digits_start(&toks, &mut number_starts);
                                break 'other (Kind::Digits, end);
                            }
                            B_PUNCT => {
                                let c = char::from(b);
                                if is_end_mark(c) && !line {
                                    sentence_marks.push(toks.len());
                                }
                                break 'other (Kind::Punct(c), marks_end(text, i + 1, table));
                            }
                            // A character of more bytes (ASCII letters were
                            // scanned).
                            _ => {
                                let Some((c, width)) = char_at(text, i) else {
                                    break 'text;
                                };
                                if c.is_whitespace() {
                                    if matches!(c, '\u{2028}' | '\u{2029}') {
                                        line_break(&mut line, &mut sentence_marks, toks.len());
                                    }
                                    space = true;
                                    i += width;
                                    continue 'text;
                                }
                                // Another letter (Latin, Greek…): the general path.
                                if letter_class(c, table) == 1 {
                                    break 'word None;
                                }
                                // A character with its combining marks.
                                if is_end_mark(c) && !line {
                                    sentence_marks.push(toks.len());
                                }
                                break 'other (Kind::Punct(c), marks_end(text, i + width, table));
                            }
                        }
                    }
                    if found == SCAN_END && !ascii_capital {
                        // Most words: no capitals, their lower-case form is
                        // their surface; and most are followed, after one
                        // space, by another such word (`đã`, `được`),
                        // read here in a tighter loop.
                        let (mut start, mut at) = (start, at);
                        loop {
                            let hash = hash_of(bytes, start, at);
                            // The mark, with `NUMERAL` when a numeral may
                            // start with the word (by its hash), kept if
                            // one does.
                            let mark = marker.word(hash, line);
                            let numeral = mark & NUMERAL != 0
                                && starts.may_start(hash, text.get(start..at).unwrap_or_default());
                            if numeral {
                                number_starts.push(toks.len());
                            }
                            marks.push(if numeral { mark } else { mark & !NUMERAL });
                            toks.push(Token {
                                kind: Kind::Word,
                                start,
                                end: at,
                                space_before: space,
                                line_before: line,
                                capital: false,
                                numeral,
                                hash,
                                lowered: None,
                            });
                            line = false;
                            space = bytes.get(at) == Some(&b' ');
                            i = at + usize::from(space);
                            // The next token starts with a lower-case
                            // letter, and is a word without capitals?
                            if !space || !runs.is_on(i) {
                                continue 'text;
                            }
                            let end = runs.end(i);
                            if stop_state(bytes, end, table, scan) != SCAN_END {
                                continue 'text;
                            }
                            (start, at) = (i, end);
                        }
                    }
                    // A capital (most often the first letter), or a letter or
                    // mark for the general path.
                    match found {
                        // The most common: an ASCII capital (words without
                        // one went on above), then lower-case letters only
                        // (`Năm`, `Việt`).
                        SCAN_END => {
                            let from = lower.len();
                            lower.push(char::from(b.to_ascii_lowercase()));
                            lower.push_str(text.get(start + 1..at).unwrap_or_default());
                            Some((at, true, Some(lowered(&lower, from))))
                        }
                        // An ASCII capital, then another capital (`TP`,
                        // `HĐND`) or a letter for the general path.
                        _ if ascii_capital => {
                            lower_rest(text, start, start, table, scan, vowels, &mut lower)
                                .map(|(end, lowered)| (end, true, Some(lowered)))
                        }
                        SCAN_CAPITAL => {
                            lower_rest(text, start, at, table, scan, vowels, &mut lower)
                                .map(|(end, lowered)| (end, at == start, Some(lowered)))
                        }
                        _ => None,
                    }
                };
                let word =
                    word.unwrap_or_else(|| slow_word(text, start, table, vowels, &mut lower));
                let end = word.0;
                let token = word_token(
                    text,
                    &lower,
                    start,
                    word,
                    (space, line),
                    may_start,
                    &mut starts,
                );
                if token.numeral {
                    number_starts.push(toks.len());
                }
                marks.push(marker.mark(Kind::Word, token.hash, token.numeral, line));
                toks.push(token);
                line = false;
                space = bytes.get(end) == Some(&b' ');
                i = end + usize::from(space);
                continue 'text;
            };
            let hash = hash_of(bytes, start, end);
            marks.push(marker.mark(kind, hash, false, line));
            toks.push(Token {
                kind,
                start,
                end,
                space_before: space,
                line_before: line,
                capital: false,
                numeral: false,
                hash,
                lowered: None,
            });
            // The common separator, without another turn of the loop.
            line = false;
            space = bytes.get(end) == Some(&b' ');
            i = end + usize::from(space);
        }
        Tokens {
            text,
            toks,
            lower,
            traditional: false,
            numbers: core::cell::RefCell::new(numbers),
            starts,
            number_starts,
            sentence_marks,
            marks,
            runs,
        }
    }

    /// Tokenizes, into reused buffers, text that was normalized with the
    /// traditional tone placement (the default [`crate::Normalizer`]): its
    /// words need no tone rewrite to be matched against the lexicons.
    pub(crate) fn new_traditional_in(text: &'t str, buffers: Buffers) -> Tokens<'t> {
        Tokens {
            traditional: true,
            ..Tokens::new_in(text, buffers)
        }
    }

    /// The buffers, for the next text (emptied when reused).
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers {
            toks: self.toks,
            lower: self.lower,
            numbers: self.numbers.into_inner(),
            starts: self.starts,
            number_starts: self.number_starts,
            sentence_marks: self.sentence_marks,
            marks: self.marks,
            runs: self.runs,
        }
    }

    /// [`Tokens::new_traditional_in`] into new buffers.
    #[cfg(test)]
    pub(crate) fn new_traditional(text: &'t str) -> Tokens<'t> {
        Tokens {
            traditional: true,
            ..Tokens::new(text)
        }
    }

    /// Was the text normalized with the traditional tone placement?
    pub(crate) fn traditional(&self) -> bool {
        self.traditional
    }

    /// The text the tokens index.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// Every token in order, with its [`word_hash`] and whether a numeral
    /// may start at it (a word): one pass over all tokens without an index.
    #[cfg(test)]
    pub(crate) fn each(&self) -> impl Iterator<Item = (&Token, u32, bool)> {
        self.toks.iter().map(|t| (t, t.hash, t.numeral))
    }

    /// The surface of token `i` ("" past the end).
    pub(crate) fn surface(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The bytes of token `i` ("" past the end): for digits and other
    /// ASCII, read without the char boundary checks of
    /// [`Tokens::surface`].
    #[inline]
    pub(crate) fn surface_bytes(&self, i: usize) -> &'t [u8] {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The lower-case form of word `i` (its surface for other tokens, ""
    /// past the end).
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| self.lower_of(t))
    }

    /// The [`word_hash`] of token `i`'s lower-case form (`None` past the
    /// end).
    #[inline]
    pub(crate) fn hash(&self, i: usize) -> Option<u32> {
        self.toks.get(i).map(|t| t.hash)
    }

    /// Is token `i` the word `w` (lower case)?
    #[inline]
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && self.lower_bytes(t) == w.as_bytes())
    }

    /// Is the lower-case form of token `i` (see [`Tokens::lower`]) `w`? The
    /// same as `lower(i) == w`, compared as bytes.
    #[inline]
    pub(crate) fn lower_is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .map_or(w.is_empty(), |t| self.lower_bytes(t) == w.as_bytes())
    }

    /// The bytes of token `t`'s lower-case form, for comparisons (a slice
    /// of bytes needs no check of character boundaries).
    #[inline]
    fn lower_bytes(&self, t: &Token) -> &[u8] {
        match t.lowered {
            Some((a, b)) => self.lower.as_bytes().get(a as usize..b as usize),
            None => self.text.as_bytes().get(t.start..t.end),
        }
        .unwrap_or_default()
    }

    /// The lower-case form of token `t` (see [`Tokens::lower`]).
    #[inline]
    fn lower_of(&self, t: &Token) -> &str {
        match t.lowered {
            Some((a, b)) => self.lower.get(a as usize..b as usize).unwrap_or_default(),
            None => self.text.get(t.start..t.end).unwrap_or_default(),
        }
    }

    /// Do tokens `i`, `i+1`, … spell the words of `phrase` (lower case,
    /// separated by single spaces)? Returns the number of tokens.
    pub(crate) fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        // Most calls fail at the first word: rule that out before splitting.
        let first = self.toks.get(i)?;
        let lower = self.lower_bytes(first);
        let p = phrase.as_bytes();
        if first.kind != Kind::Word
            || !p.starts_with(lower)
            || p.get(lower.len()).is_some_and(|&b| b != b' ')
        {
            return None;
        }
        let mut n = 0;
        let mut rest = phrase;
        loop {
            let (w, tail) = match rest.as_bytes().iter().position(|&b| b == b' ') {
                Some(k) => (rest.get(..k)?, rest.get(k + 1..)),
                None => (rest, None),
            };
            if !self.is(i + n, w) {
                return None;
            }
            n += 1;
            match tail {
                Some(t) => rest = t,
                None => return Some(n),
            }
        }
    }

    /// Is token `i` the punctuation character `c`?
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Is token `i` a digit run?
    pub(crate) fn is_digits(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Digits)
    }

    /// Is token `i` a word a numeral may start with?
    pub(crate) fn is_numeral_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.numeral)
    }

    /// Is token `i` a word whose first letter is a capital (`Đảng`, `TP`,
    /// `Ủy`)? The same as testing the surface's first character with
    /// `char::is_uppercase`, without decoding it.
    #[inline]
    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    /// Does token `i` hold a capital letter anywhere (`ĐẢNG`, `iPhone`)?
    /// The same as testing every character of the surface with
    /// `char::is_uppercase`: only words hold capitals, and a word without
    /// one is its own lower-case form.
    #[inline]
    pub(crate) fn has_capital(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.lowered.is_some())
    }

    /// Each token's mark ([`crate::extract::marks`]: what may happen at
    /// it), made as the token was pushed.
    pub(crate) fn marks(&self) -> &[u16] {
        &self.marks
    }

    /// The tokens a number may start at, in order: those
    /// [`crate::number::may_start_at`] accepts (digits, words a numeral
    /// starts with, punctuation right before digits), noted while
    /// tokenizing. Money, percentages, counts and the decimal style visit
    /// these instead of every token (a text of a thousand words has a few
    /// dozen).
    pub(crate) fn number_starts(&self) -> &[usize] {
        &self.number_starts
    }

    /// The tokens a sentence may end at or after, in order: the full
    /// stops, `!`, `?` and `…` (see [`is_end_mark`]) and the tokens after a
    /// line break, noted while tokenizing, so that
    /// [`crate::extract::sentence::sentences`] looks at these alone. A text
    /// that ends with a line break has one more, past its last token.
    pub(crate) fn sentence_marks(&self) -> &[usize] {
        &self.sentence_marks
    }

    /// Is token `i` a word?
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Token `i` touches the previous token (no space between them).
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// The byte span of tokens `from..to` (exclusive) in the normalized text.
    pub(crate) fn span(&self, from: usize, to: usize) -> Span {
        let start = self.toks.get(from).map_or(self.text.len(), |t| t.start);
        let end = to
            .checked_sub(1)
            .and_then(|l| self.toks.get(l))
            .map_or(start, |t| t.end);
        Span::new(start, end)
    }

    /// The first token at or after byte `pos`.
    pub(crate) fn at_byte(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    /// `count` texts of up to 23 pieces each, drawn from `pieces` with a
    /// seeded generator (xorshift64*): the same texts at every run.
    pub(crate) fn random_mixes<'p>(
        pieces: &'p [&'p str],
        count: usize,
    ) -> impl Iterator<Item = String> + 'p {
        let mut rng = crate::testing::Rng::new();
        (0..count).map(move |_| {
            let n = rng.below(24);
            (0..n)
                .filter_map(|_| pieces.get(rng.below(pieces.len())).copied())
                .collect()
        })
    }

    /// Pieces of text for random mixes: Vietnamese letters of both cases,
    /// marks, digits, punctuation, spaces, line breaks and odd characters.
    const PIECES: &[&str] = &[
        "a", "B", "z", "Z", "đ", "Đ", "ư", "Ư", "ơ", "Ơ", "ă", "Ă", "â", "ê", "ô", "à", "Á", "ả",
        "Ã", "ạ", "ệ", "Ệ", "ợ", "Ợ", "ỹ", "Ỹ", "ý", "Ý", "ỳ", "ự", "ữ", "Ð", "ð", "\u{300}",
        "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{20DD}", "0", "7", "١", "１", "²", ",", ".",
        "%", "/", "-", "–", "“", "”", "₫", "…", " ", " ", " ", "\t", "\n", "\r", "\u{b}", "\u{c}",
        "\u{85}", "\u{a0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{200b}", "\u{ad}", "\u{1c}",
        "ǅ", "ǆ", "İ", "ß", "\u{212a}", "Ω", "ω", "Ж", "ж", "北", "ü", "Ü", "ñ", "ﬁ", "𝐀", "𝐚",
        "😀", "Ⓐ", "Ⅻ", "ⅻ", "ᾈ", "trăm", "Năm", "MƯỜI", "triệu", "muoi", "Hai", "nghìn", "TP",
        "iPhone", "!", "?", "+", "−", "-5",
    ];

    /// The tokenizer as it was before its fast paths, character by
    /// character: the reference the fast paths must agree with. Also says
    /// whether a line break follows the last token.
    fn reference(text: &str) -> (Vec<Token>, String, bool) {
        let table = class::bmp();
        let bytes = text.as_bytes();
        let mut toks = Vec::new();
        let mut lower = String::new();
        let mut space = false;
        let mut line = false;
        let mut i = 0;
        let may_start = &*crate::number::words::MAY_START;
        while let Some(&b) = bytes.get(i) {
            if b == b' ' {
                space = true;
                i += 1;
                continue;
            }
            let Some((c, width)) = char_at(text, i) else {
                break;
            };
            if c.is_whitespace() {
                space = true;
                line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{c}' | '\u{b}');
                i += width;
                continue;
            }
            let mut end = i + width;
            let mut has_upper = false;
            let mut capital = false;
            let kind = if c.is_ascii_digit() {
                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
                Kind::Digits
            } else if letter_class(c, table) == 1 {
                has_upper = is_upper(c, table);
                capital = has_upper;
                while let Some((d, w)) = char_at(text, end) {
                    if letter_class(d, table) == 0 {
                        break;
                    }
                    has_upper |= is_upper(d, table);
                    end += w;
                }
                Kind::Word
            } else {
                while let Some((d, w)) = char_at(text, end) {
                    if letter_class(d, table) != 2 {
                        break;
                    }
                    end += w;
                }
                Kind::Punct(c)
            };
            let (lowered, hash) = if has_upper {
                let from = lower.len();
                let lo: String = text[i..end].chars().flat_map(char::to_lowercase).collect();
                lower.push_str(&lo);
                (
                    Some((from as u32, lower.len() as u32)),
                    word_hash_bytes(lo.as_bytes()),
                )
            } else {
                (None, word_hash_bytes(&bytes[i..end]))
            };
            let numeral = kind == Kind::Word && may_start.may_contain(hash) && {
                let lo = match lowered {
                    Some((a, b)) => &lower[a as usize..b as usize],
                    None => &text[i..end],
                };
                crate::number::words::may_start(lo)
            };
            toks.push(Token {
                kind,
                start: i,
                end,
                space_before: space,
                line_before: line,
                capital,
                numeral,
                hash,
                lowered,
            });
            space = false;
            line = false;
            i = end;
        }
        (toks, lower, line)
    }

    /// Tokenizes `text` both ways and compares every token and lower-case
    /// form, and the lists of tokens noted while tokenizing with those
    /// found from the tokens one by one.
    fn agrees(text: &str) {
        let (want, want_lower, line_at_end) = reference(text);
        let t = Tokens::new(text);
        assert_eq!(t.toks, want, "{text:?}");
        assert_eq!(t.lower, want_lower, "{text:?}");
        let starts: Vec<usize> = (0..want.len())
            .filter(|&k| crate::number::may_start_at(&t, k))
            .collect();
        assert_eq!(t.number_starts(), starts, "{text:?}");
        let marks: Vec<usize> = (0..=want.len())
            .filter(|&k| match want.get(k) {
                Some(tok) => {
                    tok.line_before || matches!(tok.kind, Kind::Punct(c) if is_end_mark(c))
                }
                None => line_at_end,
            })
            .collect();
        assert_eq!(t.sentence_marks(), marks, "{text:?}");
        for (i, tok) in want.iter().enumerate() {
            let lo = match tok.lowered {
                Some((a, b)) => &want_lower[a as usize..b as usize],
                None => &text[tok.start..tok.end],
            };
            assert_eq!(t.lower(i), lo, "{text:?}");
            assert_eq!(t.hash(i), Some(word_hash(lo)), "{text:?}");
        }
    }

    #[test]
    fn every_bmp_character_in_words_agrees_with_the_reference() {
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            agrees(&format!(
                "a{c}b {c} {c}{c}a Đ{c}ệ Ư{c}ĐA ế{c}Ợ x{c}\u{301} {c}9 .{c}. tri{c}"
            ));
        }
    }

    #[test]
    fn supplementary_characters_agree_with_the_reference() {
        for c in (0x1_0000..=0x2_FFFF)
            .step_by(7)
            .chain(0x1_D400..0x1_D800)
            .chain(0xE_0000..0xE_0200)
            .filter_map(char::from_u32)
        {
            agrees(&format!("a{c}b {c} {c}a Đ{c}ệ Ư{c}ĐA ế{c}Ợ"));
        }
    }

    #[test]
    fn random_mixes_agree_with_the_reference() {
        for text in random_mixes(PIECES, 30_000) {
            agrees(&text);
        }
    }

    /// [`scan_runs`] over `text`'s runs is [`scan_lower`] from every
    /// character of `text` (and its end).
    fn runs_agree(text: &str) {
        let (bytes, table, scan) = (text.as_bytes(), class::bmp(), &*SCAN_TABLES);
        let mut runs = Runs::default();
        runs.fill(bytes, &LOWER_SET);
        for k in text.char_indices().map(|(k, _)| k).chain([text.len()]) {
            assert_eq!(
                scan_runs(bytes, k, &runs, table, scan),
                scan_lower(bytes, k, table, scan),
                "{text:?} at {k}"
            );
        }
    }

    #[test]
    fn runs_agree_with_the_scan_on_every_character() {
        // Four-byte characters too: `F1 BA xx xx` (U+7A000…) must not pass
        // for `E1 BA xx` (`ạ`…).
        for c in (0..=0xFFFF)
            .chain((0x1_0000..=0x10_FFFF).step_by(5))
            .chain(0x7_A000..0x7_C000)
            .filter_map(char::from_u32)
        {
            runs_agree(&format!(
                "a{c}b {c} {c}{c}a Đ{c}ệ Ư{c}ĐA ế{c}Ợ x{c}\u{301} tri{c}"
            ));
        }
    }

    #[test]
    fn runs_agree_with_the_scan_on_random_mixes_and_the_seed() {
        for text in random_mixes(PIECES, 20_000) {
            runs_agree(&text);
        }
        for text in crate::testing::seed_texts(97) {
            runs_agree(&text);
            runs_agree(crate::normalize(&text).as_str());
        }
        // Runs across the edges of the 64-byte words of bits.
        for n in 0..200 {
            for c in ["a", "ư", "ờ", "Ư", "ð", " ", "😀"] {
                runs_agree(&format!("{}{c}người{}", "a".repeat(n), "ơ".repeat(n % 70)));
            }
        }
    }

    #[test]
    fn the_seed_fixture_agrees_with_the_reference() {
        let raw = include_str!("../fixtures/duong-quang-2017.txt");
        agrees(raw);
        agrees(crate::normalize(raw).as_str());
        // Every cut of a few lines, so that words end at the end of the text.
        let norm = crate::normalize(raw);
        let text = norm.as_str();
        for (k, _) in text.char_indices().step_by(97) {
            agrees(&text[..k]);
            agrees(&text[k..]);
        }
    }

    #[test]
    fn whitespace_is_never_a_letter_a_mark_or_a_digit() {
        // The tokenizer tests spaces first on some paths and last on others.
        let table = class::bmp();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                assert_eq!(letter_class(c, table), 0, "U+{:04X}", c as u32);
                assert!(!c.is_ascii_digit());
            }
        }
    }

    #[test]
    fn hashes_of_every_length_and_place() {
        let text = "abcdefghijklmnopqrstuvwxyzđượcảnh";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from + 1..=bytes.len() {
                let want = word_hash_bytes(&bytes[from..to]);
                assert_eq!(hash_of(bytes, from, to), want, "{from}..{to}");
                assert_eq!(hash_of_tail(&bytes[..to], from), want, "{from}..{to}");
            }
        }
    }

    #[test]
    fn remembered_numeral_starts_are_those_of_the_grammar() {
        let words = [
            "năm",
            "một",
            "hai",
            "ba",
            "mười",
            "triệu",
            "nghìn",
            "muoi",
            "sau",
            "âm",
            "trừ",
            "nửa",
            "đảng",
            "xã",
            "năm",
            "Năm",
            "mươi",
            "mươii",
            "trămtrămtrăm",
            "khôngkhông",
            "",
        ];
        let mut memo = StartMemo::default();
        // Twice over, and every word under every slot's hash too, so that
        // hits, misses and words evicting one another are all compared.
        for _ in 0..2 {
            for w in words {
                let want = crate::number::words::may_start(w);
                assert_eq!(memo.may_start(word_hash(w), w), want, "{w:?}");
                for slot in 0..StartMemo::SLOTS as u32 {
                    assert_eq!(memo.may_start(slot, w), want, "{w:?} {slot}");
                }
            }
        }
    }

    #[test]
    fn push_lower_is_unicode_lower_case_for_every_character() {
        let table = class::bmp();
        for c in (0..=0x2_FFFF).filter_map(char::from_u32) {
            let mut got = String::new();
            push_lower(&mut got, c.encode_utf8(&mut [0; 4]), table, &LOWER_VOWELS);
            let want: String = c.to_lowercase().collect();
            assert_eq!(got, want, "U+{:04X}", c as u32);
        }
        // The Vietnamese capitals lower through the vowel table.
        for c in "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ".chars()
        {
            let k = usize::from(table[c as usize]);
            assert_eq!(
                LOWER_VOWELS[k],
                c.to_lowercase().next(),
                "U+{:04X}",
                c as u32
            );
        }
        let mut got = String::new();
        push_lower(&mut got, "ĐẢNG Bộ Xã ƯỚC", table, &LOWER_VOWELS);
        assert_eq!(got, "đảng bộ xã ước");
    }

    #[test]
    fn tail_word_is_the_zero_padded_tail() {
        let text = "abcdefghijklmnopqrstuvwxyzđượcảnh";
        let bytes = text.as_bytes();
        for n in 1..bytes.len() {
            let s = &bytes[..n];
            let rest = n % 8;
            if rest == 0 {
                continue;
            }
            let mut w = [0u8; 8];
            w[..rest].copy_from_slice(&s[n - rest..]);
            assert_eq!(tail_word(s, rest), u64::from_le_bytes(w), "{n}");
        }
    }

    #[test]
    fn word_filter_admits_what_was_inserted() {
        let mut f = WordFilter::default();
        for w in ["năm", "tháng", "tỷ", "%", "us"] {
            f.insert(w);
        }
        let t = Tokens::new("Năm THÁNG tỷ % US");
        for i in 0..t.len() {
            assert!(
                t.hash(i).is_some_and(|h| f.may_contain(h)),
                "{}",
                t.lower(i)
            );
        }
        // One bit per word in 8,192: most other words are ruled out.
        let others = Tokens::new(
            "xã Dương Quang huyện Mường Khương tỉnh Lào Cai báo cáo kết quả thực hiện nhiệm vụ",
        );
        let admitted = (0..others.len())
            .filter(|&i| others.hash(i).is_some_and(|h| f.may_contain(h)))
            .count();
        assert!(
            admitted <= 1,
            "{admitted} of {} words admitted",
            others.len()
        );
        assert_eq!(t.hash(t.len()), None);
    }

    #[test]
    fn lower_case_forms_of_words_with_and_without_capitals() {
        let t = Tokens::new("Đảng bộ XÃ Dương Quang");
        let lower: Vec<&str> = (0..t.len()).map(|i| t.lower(i)).collect();
        assert_eq!(lower, ["đảng", "bộ", "xã", "dương", "quang"]);
        assert_eq!(t.hash(2), Some(word_hash("xã")));
        assert_eq!(t.lower(9), "");
        // `lower_is` is `lower(i) ==`, for every token and past the end.
        let t = Tokens::new("Đảng bộ XÃ, 2017 tp.HCM “Ω” ");
        for i in 0..t.len() + 2 {
            for w in [
                "đảng", "bộ", "xã", ",", "2017", "tp", ".", "hcm", "“", "ω", "Ω", "",
            ] {
                assert_eq!(t.lower_is(i, w), t.lower(i) == w, "{i} {w:?}");
            }
        }
    }

    use super::*;

    #[test]
    fn the_only_ascii_letters_are_alphabetic_and_no_ascii_is_a_mark() {
        // The tokenizer's ASCII fast path relies on it.
        let table = class::bmp();
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(
                letter_class(c, table) == 1,
                c.is_ascii_alphabetic(),
                "{b:#x}"
            );
            assert_ne!(letter_class(c, table), 2, "{b:#x}");
        }
    }

    #[test]
    fn words_digits_and_punctuation() {
        let t = Tokens::new("Vượt 13,6% KẾ hoạch.");
        let kinds: Vec<Kind> = (0..t.len())
            .map(|i| t.get(i).map(|x| x.kind).unwrap_or(Kind::Punct('?')))
            .collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Digits,
                Kind::Punct(','),
                Kind::Digits,
                Kind::Punct('%'),
                Kind::Word,
                Kind::Word,
                Kind::Punct('.')
            ]
        );
        assert_eq!(t.lower(0), "vượt");
        assert_eq!(t.lower(5), "kế");
        assert!(t.is(5, "kế"));
        assert_eq!(t.surface(5), "KẾ");
        assert!(t.joined(2) && t.joined(3) && !t.joined(1));
        assert_eq!(t.span(1, 5), Span::new(8, 13));
        assert_eq!(t.phrase(5, "kế hoạch"), Some(2));
    }

    #[test]
    fn capitals_are_those_of_unicode() {
        // Every character, before a lower-case letter: the tokenizer's
        // capital flags agree with `char::is_uppercase` over the first
        // token's characters, and every capital starts a word (so the flags
        // may stand for a test of any token's surface).
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let word = format!("{c}a");
            let t = Tokens::new(&word);
            let upper = t.surface(0).chars().any(char::is_uppercase);
            assert_eq!(t.has_capital(0), upper, "U+{:04X}", c as u32);
            if c.is_uppercase() {
                assert!(t.is_word(0), "U+{:04X}", c as u32);
            }
            if !t.is_word(0) || t.surface(0) != word {
                continue;
            }
            assert_eq!(t.capitalized(0), c.is_uppercase(), "U+{:04X}", c as u32);
        }
        let t = Tokens::new("đảng Đảng iPhone ĐBSCL 2017 “");
        let caps: Vec<bool> = (0..t.len()).map(|i| t.capitalized(i)).collect();
        assert_eq!(caps, [false, true, false, true, false, false]);
        let any: Vec<bool> = (0..t.len()).map(|i| t.has_capital(i)).collect();
        assert_eq!(any, [false, true, true, true, false, false]);
    }

    #[test]
    fn only_ascii_digits_are_digits() {
        let t = Tokens::new("١٢٣ １３");
        assert!((0..t.len()).all(|i| !t.is_digits(i)));
    }

    #[test]
    fn line_breaks_are_recorded() {
        let t = Tokens::new("a\nb c");
        assert!(t.get(1).is_some_and(|x| x.line_before));
        assert!(t.get(2).is_some_and(|x| x.space_before && !x.line_before));
    }

    #[test]
    fn numbers_and_sentences_may_start_at_the_noted_tokens() {
        // hai(0) triệu(1) đồng(2) ,(3) giảm(4) -(5) 5(6) %(7) .(8)
        // Năm(9) 2017(10) ?(11) …(12) a(13), a break at the end.
        let t = Tokens::new("hai triệu đồng, giảm -5%.\nNăm 2017?\n\n… a\n");
        // `hai` and `triệu` start numerals, `đồng` and `giảm` do not; the
        // sign and the digits; `Năm` (five, or year) and `2017`.
        assert_eq!(t.number_starts(), [0, 1, 5, 6, 9, 10]);
        // `.`, `Năm` after a break, `?`, `…` after two breaks (once), and
        // past the end after the last break.
        assert_eq!(t.sentence_marks(), [8, 9, 11, 12, 14]);
    }
}
