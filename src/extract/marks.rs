//! One mark per token, made by the tokenizer as it pushes each token (see
//! [`Marker`]), saying what may happen at the token: a kind looking for
//! the few tokens it can start at skips the others in a tight loop over 2
//! bytes a token ([`Marks::next`]) instead of reading each 40-byte token,
//! its hash and a bit table of its own.
//!
//! A word's kind bits come from one table indexed by the word's hash bucket
//! (the union of the kinds' one-bit [`WordFilter`]s): `tặng` and `khen`
//! (awards; `khen` and `huân` as honours too), `dự` and `thủy` (projects),
//! `đại` and `lễ` (events), `sở` and `ủy` (organizations), `tỉnh` and `xã`
//! (places), `ngày` and `quý` (dates) are marked; other words only when
//! their hash falls in a marked bucket. Digits take the dates' bit too.
//! A mark is a *may*: the kind still checks the token as before, so a mark
//! set too often costs time, never a fact.

use super::{award, date, event, org, place, project};
use crate::token::{Kind, Tokens, WordFilter};
use once_cell::sync::Lazy;

/// A token that is not a word: digits or punctuation.
pub(crate) const NOT_WORD: u16 = 1;
/// Punctuation.
pub(crate) const PUNCT: u16 = 1 << 1;
/// A line break before the token.
pub(crate) const LINE: u16 = 1 << 2;
/// A quotation mark a title may open or close with (`“`, `”`, `"`, `«`…).
pub(crate) const QUOTE: u16 = 1 << 3;
/// A word a numeral may start with (`hai`, `mười`, `triệu`).
pub(crate) const NUMERAL: u16 = 1 << 4;
/// A word an honour, an award verb or a count qualifier may start with.
pub(crate) const AWARD: u16 = 1 << 5;
/// A word a project (`dự án`, a category) may start with.
pub(crate) const PROJECT: u16 = 1 << 6;
/// A word an event head (`Đại hội`, `lễ hội`) may start with.
pub(crate) const EVENT: u16 = 1 << 7;
/// A mark a sentence may end at: `.`, `!`, `?`, `…` (a `.` inside `1.5`
/// or `TP.HCM` too: the kind decides).
pub(crate) const END: u16 = 1 << 8;
/// A quotation mark an honour may open with (`“`, `"`, `«`, `‘`, `'`, `’`).
pub(crate) const HONOUR_QUOTE: u16 = 1 << 9;
/// A word (or any token whose hash shares its bucket) an organization's
/// head may start with (`ủy`, `sở`, `công`, `trường`): the flag
/// `HEAD_START` of the organizations' start table.
pub(crate) const ORG: u16 = 1 << 10;
/// A word a place may start with (`tỉnh`, `huyện`, `xã`, `tp`): the flag
/// `PLACE_START` of the places' start table.
pub(crate) const PLACE: u16 = 1 << 11;
/// A token a date may start at: digits (`15/3/2018`, `2021 – 2026`, `3
/// năm trước`), or a word (or any token whose hash shares its bucket) that
/// is a trigger (`ngày`, `tháng`, `quý`, `sáng`) or a number word.
pub(crate) const DATE: u16 = 1 << 12;
/// A word an honour or a praise verb may start with (`bằng`, `huân`,
/// `khen`, `biểu`): those of [`AWARD`] that an award's scan goes back for.
pub(crate) const HONOUR: u16 = 1 << 13;
/// A word (or any token whose hash shares its bucket) that may start a
/// date only as a number word (`một`, `không`, `tỷ`: no trigger word shares
/// its bucket): with [`DATE`], on words only.
pub(crate) const DATE_NUMBER: u16 = 1 << 14;
/// A word (or any token whose hash shares its bucket) that may be a unit a
/// date needs after a number word (`giờ`, `ngày`, `tuần`, `tháng`, `năm`:
/// `hai giờ chiều`, `ba năm trước`).
pub(crate) const DATE_UNIT: u16 = 1 << 15;

/// Hash buckets of a [`WordFilter`]: `may_contain(h)` depends on `h %
/// BUCKETS` only (checked by a test).
const BUCKETS: usize = 8192;

/// The words a kind may start at: bit tables keyed by hash bucket, and
/// single words by their hash.
pub(crate) struct Starts {
    pub(crate) filters: Vec<&'static WordFilter>,
    pub(crate) hashes: Vec<u32>,
}

/// Kind bits by hash bucket.
static TABLE: Lazy<Box<[u16; BUCKETS]>> = Lazy::new(|| {
    let mut table = Box::new([0u16; BUCKETS]);
    for (bit, starts) in kinds() {
        for (b, slot) in (0u32..).zip(table.iter_mut()) {
            if starts.filters.iter().any(|f| f.may_contain(b)) {
                *slot |= bit;
            }
        }
        for h in starts.hashes {
            if let Some(slot) = table.get_mut(h as usize % BUCKETS) {
                *slot |= bit;
            }
        }
    }
    // Organizations, places and dates keep a byte of flags by bucket; the
    // lexicons of the first two tokenize their phrases unmarked (see
    // [`Tokens::new_unmarked_in`]), so building them never asks for this
    // table.
    for (b, slot) in (0u32..).zip(table.iter_mut()) {
        if org::head_may_start(b) {
            *slot |= ORG;
        }
        if place::place_may_start(b) {
            *slot |= PLACE;
        }
        if date::start_may_be(b) {
            *slot |= DATE;
        }
        if date::start_only_as_number(b) {
            *slot |= DATE_NUMBER;
        }
        if date::unit_may_be(b) {
            *slot |= DATE_UNIT;
        }
    }
    table
});

/// Each kind's bit and the words it may start at.
fn kinds() -> [(u16, Starts); 4] {
    [
        (AWARD, award::mark_starts()),
        (HONOUR, award::event_mark_starts()),
        (PROJECT, project::mark_starts()),
        (EVENT, event::mark_starts()),
    ]
}

/// Builds the table now (see `Extractor::new`), not at the first text.
pub(crate) fn warm() {
    Lazy::force(&TABLE);
    Lazy::force(&MARKER_TABLE);
}

/// The marks of punctuation `c` besides [`PUNCT`]: [`QUOTE`], [`END`],
/// [`HONOUR_QUOTE`]; ASCII from [`ASCII_PUNCT`] (a `match` of characters
/// this far apart is a jump through a table, whose target the processor
/// guesses wrong at every other comma and full stop).
#[inline(always)]
fn punct(c: char) -> u16 {
    match ASCII_PUNCT.get(c as usize) {
        Some(&m) => m,
        None => punct_marks(c),
    }
}

/// [`punct_marks`] of every ASCII character.
static ASCII_PUNCT: [u16; 128] = {
    let mut t = [0; 128];
    let mut rest: &mut [u16] = &mut t;
    let mut b: u8 = 0;
    while let [slot, tail @ ..] = rest {
        *slot = punct_marks(b as char);
        rest = tail;
        b = b.wrapping_add(1);
    }
    t
};

/// [`punct`] by its definition.
const fn punct_marks(c: char) -> u16 {
    match c {
        '“' | '"' | '«' | '‘' | '’' => QUOTE | HONOUR_QUOTE,
        '”' | '„' | '‟' | '»' => QUOTE,
        '\'' => HONOUR_QUOTE,
        '.' | '!' | '?' | '…' => END,
        _ => 0,
    }
}

/// Makes each token's mark as the tokenizer pushes it, from what it knows
/// there (the kind, the hash, whether a numeral may start with the word, a
/// line break before it): no second pass over the tokens.
#[derive(Clone, Copy)]
pub(crate) struct Marker {
    /// The kinds' bits by bucket, with [`NUMERAL`] where a numeral may
    /// start with the word (see [`MARKER_TABLE`]).
    table: &'static [u16; BUCKETS],
}

/// No kind bits: the marks of the lexicons' own phrases.
static NO_KINDS: [u16; BUCKETS] = [0; BUCKETS];

/// The marker's table: [`TABLE`], and [`NUMERAL`] in the buckets of the
/// words a numeral may start with (those of
/// [`crate::number::words::MAY_START`], a filter of the same buckets), so
/// that one load gives a word's kind bits and whether it is worth asking
/// if a numeral starts with it (`TABLE` never holds `NUMERAL`: a word's
/// own bit).
static MARKER_TABLE: Lazy<Box<[u16; BUCKETS]>> = Lazy::new(|| with_numerals(&TABLE));

/// [`NO_KINDS`] with the numerals' buckets (see [`MARKER_TABLE`]); the
/// lexicons the kinds' table is built from are tokenized with it, so it
/// must not ask for that table.
static MARKER_NO_KINDS: Lazy<Box<[u16; BUCKETS]>> = Lazy::new(|| with_numerals(&NO_KINDS));

/// `kinds`, with [`NUMERAL`] in the buckets of the words a numeral may
/// start with.
fn with_numerals(kinds: &[u16; BUCKETS]) -> Box<[u16; BUCKETS]> {
    let may_start = &*crate::number::words::MAY_START;
    let mut table = Box::new([0u16; BUCKETS]);
    for ((b, slot), &k) in (0u32..).zip(table.iter_mut()).zip(kinds.iter()) {
        *slot = k | if may_start.may_contain(b) { NUMERAL } else { 0 };
    }
    table
}

impl Marker {
    /// The marker, with the kinds' table (built at the first call, or by
    /// [`warm`]).
    pub(crate) fn new() -> Marker {
        Marker {
            table: &MARKER_TABLE,
        }
    }

    /// A marker without the kinds' bits (the other marks are the same),
    /// for the tokens of the lexicons the kinds' table is built from.
    pub(crate) fn without_kinds() -> Marker {
        Marker {
            table: &MARKER_NO_KINDS,
        }
    }

    /// The mark of a word whose lower-case form has
    /// [`crate::token::word_hash`] `hash` (`line`: a line break comes
    /// before it), with [`NUMERAL`] when a numeral *may* start with it (its
    /// hash is in a bucket of [`crate::number::words::MAY_START`]): the
    /// tokenizer asks [`crate::number::words::may_start`] for those, and
    /// keeps the bit only if it says yes. One load for both.
    #[inline(always)]
    pub(crate) fn word(self, hash: u32, line: bool) -> u16 {
        let line = if line { LINE } else { 0 };
        let words = self.table.get(hash as usize % BUCKETS).copied();
        words.unwrap_or(0) | line
    }

    /// The mark of a token of kind `kind` whose lower-case form has
    /// [`crate::token::word_hash`] `hash`; `numeral`: a numeral may start
    /// with the word; `line`: a line break comes before it.
    #[inline(always)]
    pub(crate) fn mark(self, kind: Kind, hash: u32, numeral: bool, line: bool) -> u16 {
        let kind = match kind {
            Kind::Word => {
                if numeral {
                    NUMERAL
                } else {
                    0
                }
            }
            Kind::Digits => NOT_WORD | DATE,
            Kind::Punct(c) => NOT_WORD | PUNCT | punct(c),
        };
        let line = if line { LINE } else { 0 };
        let words = self.table.get(hash as usize % BUCKETS).copied();
        (words.unwrap_or(0) & !NUMERAL) | kind | line
    }
}

/// The marks of one text's tokens.
#[derive(Clone, Debug, Default)]
pub(crate) struct Marks {
    bits: Vec<u16>,
}

impl Marks {
    /// Takes `t`'s marks (made while tokenizing, see [`Marker`]), reusing
    /// `self`'s memory.
    pub(crate) fn fill(&mut self, t: &Tokens<'_>) {
        self.bits.clear();
        self.bits.extend_from_slice(t.marks());
    }

    /// The first token at or after `from` with a mark in `mask`; else the
    /// number of tokens (or `from`, when it is past them).
    #[inline]
    pub(crate) fn next(&self, from: usize, mask: u16) -> usize {
        next_in(&self.bits, from, mask)
    }

    /// [`Marks::next`] searching no further than `to`: the first token of
    /// `from..to` with a mark in `mask`; else `to`, or the number of tokens
    /// when there are fewer (as `next` would answer). Asked at many tokens,
    /// an unbounded search with nothing to find would be quadratic.
    #[inline]
    pub(crate) fn next_before(&self, from: usize, to: usize, mask: u16) -> usize {
        let bits = self.bits.get(..to.min(self.bits.len())).unwrap_or_default();
        next_in(bits, from, mask)
    }

    /// The last token of `from..to` with a mark in `mask`, if any (the
    /// backward search of [`Marks::next`], four marks a test as well).
    #[inline]
    pub(crate) fn prev(&self, from: usize, to: usize, mask: u16) -> Option<usize> {
        let within = self.bits.get(from..to.min(self.bits.len()))?;
        let wide = u64::from(mask) * 0x0001_0001_0001_0001;
        let mut chunks = within.rchunks_exact(4);
        let mut end = from + within.len();
        for c in &mut chunks {
            end -= 4;
            let hit = word(c) & wide;
            if hit != 0 {
                // The last mark of the four with a bit of the mask.
                return Some(end + 3 - (hit.leading_zeros() / 16) as usize);
            }
        }
        // What is left is the first few marks of `from..to`.
        chunks
            .remainder()
            .iter()
            .rposition(|&m| m & mask != 0)
            .map(|p| from + p)
    }

    /// Token `i`'s mark (0 past the end).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> u16 {
        self.bits.get(i).copied().unwrap_or(0)
    }
}

/// [`Marks::next`] over the marks `bits` (those of [`Tokens::marks`] too).
#[inline]
pub(crate) fn next_in(bits: &[u16], from: usize, mask: u16) -> usize {
    let rest = bits.get(from..).unwrap_or_default();
    // Four marks at a time: a 64-bit word is zero under the mask when
    // none of its four marks has a bit of it.
    let wide = u64::from(mask) * 0x0001_0001_0001_0001;
    let mut chunks = rest.chunks_exact(4);
    let mut at = from;
    for c in &mut chunks {
        let hit = word(c) & wide;
        if hit != 0 {
            return at + (hit.trailing_zeros() / 16) as usize;
        }
        at += 4;
    }
    chunks
        .remainder()
        .iter()
        .position(|&m| m & mask != 0)
        .map_or(bits.len().max(from), |p| at + p)
}

/// [`next_in`] sixteen marks a test: the first token at or after
/// `from` whose mark has a bit of `mask`, else the number of tokens (or
/// `from`, past them). A scan for marks that are few (the quotes of
/// titles) skips most of a text sixteen tokens at a time; the sixteen
/// marks that hold one are searched by `next_in`. Where the marks are
/// many (organizations' heads: one token in fifteen), most sixteen hold
/// one, and `next_in` alone is quicker.
#[inline(always)]
pub(crate) fn next_marked(bits: &[u16], from: usize, mask: u16) -> usize {
    let rest = bits.get(from..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(16);
    let mut at = from;
    for c in &mut chunks {
        let any = <&[u16; 16]>::try_from(c).map_or(u16::MAX, |c| c.iter().fold(0, |a, &m| a | m));
        if any & mask != 0 {
            break;
        }
        at += 16;
    }
    next_in(bits, at, mask)
}

/// Four marks as one 64-bit word, the first in the low 16 bits (one load).
#[inline(always)]
fn word(c: &[u16]) -> u64 {
    c.iter()
        .rev()
        .fold(0u64, |acc, &m| (acc << 16) | u64::from(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::word_hash;

    /// [`next_marked`] answers as [`next_in`] from every token (and
    /// past the end) of random marks, sparse and dense, for masks of one
    /// bit and of several.
    #[test]
    fn next_marked_answers_as_next_in() {
        let mut rng = crate::testing::Rng::new();
        let mut hits = 0;
        for k in 0..3_000 {
            let len = rng.below(120);
            let sparse = 1 + k % 40;
            let bits: Vec<u16> = (0..len)
                .map(|_| {
                    if rng.below(sparse) == 0 {
                        1 << rng.below(16)
                    } else {
                        0
                    }
                })
                .collect();
            for mask in [1u16, 1 << 7, 1 << 15, 0b1010_0000_0000_0101, u16::MAX, 0] {
                for from in 0..len + 3 {
                    let want = next_in(&bits, from, mask);
                    assert_eq!(
                        next_marked(&bits, from, mask),
                        want,
                        "{bits:?} {from} {mask}"
                    );
                    hits += usize::from(want < len);
                }
            }
        }
        assert!(hits > 100_000, "{hits}");
    }

    /// The marks as they were made before the tokenizer made them: one
    /// pass over the tokens, each marked from its kind, hash, numeral flag
    /// and line break.
    fn reference(t: &Tokens<'_>) -> Vec<u16> {
        let table = &**TABLE;
        t.each()
            .map(|(tok, h, numeral)| {
                let kind = match tok.kind {
                    Kind::Word if numeral => NUMERAL,
                    Kind::Word => 0,
                    Kind::Digits => NOT_WORD | DATE,
                    Kind::Punct(c) => NOT_WORD | PUNCT | punct_marks(c),
                };
                let line = if tok.line_before { LINE } else { 0 };
                table[h as usize % BUCKETS] | kind | line
            })
            .collect()
    }

    /// The organizations', places' and dates' bits stand for their start
    /// flags, bucket by bucket (their scans take one for the other).
    #[test]
    fn org_place_and_date_bits_are_their_start_flags() {
        let mut heads = 0;
        let mut places = 0;
        for b in 0..BUCKETS as u32 {
            let mark = TABLE.get(b as usize).copied().unwrap_or(0);
            assert_eq!(mark & ORG != 0, org::head_may_start(b), "bucket {b}");
            assert_eq!(mark & PLACE != 0, place::place_may_start(b), "bucket {b}");
            assert_eq!(mark & DATE != 0, date::start_may_be(b), "bucket {b}");
            let number = date::start_only_as_number(b);
            assert_eq!(mark & DATE_NUMBER != 0, number, "bucket {b}");
            assert!(!number || mark & DATE != 0, "bucket {b}");
            assert_eq!(mark & DATE_UNIT != 0, date::unit_may_be(b), "bucket {b}");
            // A hash and its bucket answer alike.
            assert_eq!(
                org::head_may_start(b),
                org::head_may_start(b + 5 * BUCKETS as u32)
            );
            heads += usize::from(mark & ORG != 0);
            places += usize::from(mark & PLACE != 0);
        }
        // Real start words are marked (`Ủy ban`, `Sở`, `tỉnh`, `huyện`).
        for w in ["ủy", "sở", "công", "trường"] {
            assert_ne!(TABLE[word_hash(w) as usize % BUCKETS] & ORG, 0, "{w}");
        }
        for w in ["tỉnh", "huyện", "xã"] {
            assert_ne!(TABLE[word_hash(w) as usize % BUCKETS] & PLACE, 0, "{w}");
        }
        for w in ["ngày", "tháng", "quý", "hai"] {
            assert_ne!(TABLE[word_hash(w) as usize % BUCKETS] & DATE, 0, "{w}");
        }
        // Number words start a date only as numbers; `năm` is a trigger too.
        let bit = |w: &str, b: u16| TABLE[word_hash(w) as usize % BUCKETS] & b != 0;
        for w in ["một", "không", "tỷ", "mười", "hai"] {
            assert!(bit(w, DATE_NUMBER), "{w}");
        }
        for w in ["năm", "ngày", "từ", "thứ"] {
            assert!(!bit(w, DATE_NUMBER), "{w}");
        }
        for w in ["giờ", "ngày", "tuần", "tháng", "năm"] {
            assert!(bit(w, DATE_UNIT), "{w}");
        }
        assert!(heads > 20 && heads < BUCKETS / 4, "{heads}");
        assert!(places > 5 && places < BUCKETS / 4, "{places}");
    }

    /// The marker's tables are the kinds' (or none) with [`NUMERAL`] in
    /// the buckets of the numerals' filter, bucket by bucket; the kinds'
    /// table never holds that bit (the marker takes it for the filter's).
    #[test]
    fn marker_tables_are_the_kinds_and_the_numerals_filter() {
        let may_start = &*crate::number::words::MAY_START;
        let mut numerals = 0;
        for b in 0..BUCKETS {
            let n = if may_start.may_contain(b as u32) {
                NUMERAL
            } else {
                0
            };
            assert_eq!(TABLE[b] & NUMERAL, 0, "bucket {b}");
            assert_eq!(MARKER_TABLE[b], TABLE[b] | n, "bucket {b}");
            assert_eq!(MARKER_NO_KINDS[b], n, "bucket {b}");
            numerals += usize::from(n != 0);
        }
        assert!(numerals > 20 && numerals < BUCKETS / 8, "{numerals}");
        // Words and their marks, by either way of asking.
        for w in ["hai", "mười", "triệu", "năm", "tháng", "đảng", "xã", "của"] {
            let h = word_hash(w);
            let m = Marker::new();
            let asked = m.word(h, true);
            assert_eq!(asked & NUMERAL != 0, may_start.may_contain(h), "{w}");
            // The tokenizer asks the grammar only when the bit is set.
            for numeral in [false, asked & NUMERAL != 0] {
                let kept = if numeral { asked } else { asked & !NUMERAL };
                assert_eq!(kept, m.mark(Kind::Word, h, numeral, true), "{w}");
            }
        }
    }

    /// The events' bit is their heads' first-word filter, bucket by
    /// bucket, both ways (their scan takes one for the other).
    #[test]
    fn event_bit_is_the_heads_filter() {
        let starts = event::mark_starts();
        let mut marked = 0;
        for b in 0..BUCKETS as u32 {
            let filter = starts.filters.iter().any(|f| f.may_contain(b));
            let mark = TABLE.get(b as usize).copied().unwrap_or(0) & EVENT != 0;
            assert_eq!(mark, filter, "bucket {b}");
            marked += usize::from(mark);
        }
        assert!(starts.hashes.is_empty());
        assert!(marked > 10 && marked < BUCKETS / 4, "{marked}");
    }

    /// The ASCII table of punctuation marks says what their definition
    /// says, and other characters go to the definition.
    #[test]
    fn punctuation_marks_by_table_are_those_of_the_definition() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(punct(c), punct_marks(c), "U+{:04X}", c as u32);
        }
        assert_eq!(punct('.'), END);
        assert_eq!(punct('"'), QUOTE | HONOUR_QUOTE);
        assert_eq!(punct('\''), HONOUR_QUOTE);
        assert_eq!(punct(','), 0);
    }

    /// The tokenizer's marks are those of the reference pass, over random
    /// mixes of words, digits, punctuation, quotes and line breaks, and over
    /// the seed article, raw and normalized, and every cut of it.
    #[test]
    fn marks_made_while_tokenizing_are_those_of_a_second_pass() {
        const PIECES: &[&str] = &[
            "tặng", "Bằng", "khen", "dự", "án", "Thủy", "lợi", "Đại", "hội", "lễ", "hai", "Năm",
            "triệu", "mười", "của", "và", "người", "xã", "2017", "15", "-", "5", "%", ",", ".",
            "!", "?", "…", "“", "”", "\"", "'", "«", "»", "‘", "’", "„", "‟", " ", " ", " ", "\n",
            "\r\n", "\u{2028}", "\t", "A", "é", "\u{301}", "北", "😀", "TP", "HĐND",
        ];
        let check = |text: &str| {
            let t = Tokens::new(text);
            let mut m = Marks::default();
            m.fill(&t);
            let got: Vec<u16> = (0..t.len()).map(|i| m.get(i)).collect();
            assert_eq!(got, reference(&t), "{text:?}");
        };
        for text in crate::token::tests::random_mixes(PIECES, 20_000) {
            check(&text);
        }
        let raw = include_str!("../../fixtures/duong-quang-2017.txt");
        check(raw);
        let norm = crate::normalize(raw);
        let text = norm.as_str();
        check(text);
        for (k, _) in text.char_indices().step_by(61) {
            check(&text[..k]);
            check(&text[k..]);
        }
    }

    /// The table stands for each filter only if a filter's answer depends
    /// on the hash's bucket alone.
    #[test]
    fn filters_answer_by_bucket() {
        let mut x: u32 = 0x1234_5678;
        for (_, starts) in kinds() {
            for f in starts.filters {
                for _ in 0..20_000 {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    assert_eq!(f.may_contain(x), f.may_contain(x % BUCKETS as u32), "{x}");
                }
            }
        }
    }

    /// Every word a kind's filters or hashes admit is marked with its bit.
    #[test]
    fn every_start_word_is_marked() {
        let table = &**TABLE;
        let mut x: u32 = 0x9e37_79b9;
        for (bit, starts) in kinds() {
            assert!(!starts.filters.is_empty() || !starts.hashes.is_empty());
            for &h in &starts.hashes {
                assert!(table[h as usize % BUCKETS] & bit != 0);
            }
            for _ in 0..200_000 {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if starts.filters.iter().any(|f| f.may_contain(x)) {
                    assert!(table[x as usize % BUCKETS] & bit != 0, "{x}");
                }
            }
        }
    }

    #[test]
    fn vietnamese_words_are_marked_by_kind() {
        let t = Tokens::new("Dự án Hồ chứa nước được tặng Bằng khen tại Đại hội lần thứ hai");
        let mut m = Marks::default();
        m.fill(&t);
        let bit_of = |w: &str| {
            (0..t.len())
                .find(|&i| t.lower(i) == w)
                .map(|i| m.get(i))
                .unwrap_or(0)
        };
        assert!(bit_of("dự") & PROJECT != 0);
        assert!(bit_of("tặng") & AWARD != 0);
        assert!(bit_of("bằng") & AWARD != 0);
        assert!(bit_of("bằng") & HONOUR != 0);
        assert!(bit_of("đại") & EVENT != 0);
        assert!(bit_of("hai") & NUMERAL != 0);
        assert_eq!(word_hash("dự"), t.hash(0).unwrap_or_default());
    }

    #[test]
    fn punctuation_quotes_and_lines_are_marked() {
        let t = Tokens::new("Phong trào “Toàn dân”, 15 hộ.\nXã");
        let mut m = Marks::default();
        m.fill(&t);
        let marks: Vec<u16> = (0..t.len()).map(|i| m.get(i)).collect();
        let surfaces: Vec<&str> = (0..t.len()).map(|i| t.surface(i)).collect();
        for (s, mk) in surfaces.iter().zip(&marks) {
            let punct = matches!(*s, "“" | "”" | "," | ".");
            assert_eq!(mk & PUNCT != 0, punct, "{s}");
            assert_eq!(mk & QUOTE != 0, matches!(*s, "“" | "”"), "{s}");
            assert_eq!(mk & HONOUR_QUOTE != 0, *s == "“", "{s}");
            assert_eq!(mk & END != 0, *s == ".", "{s}");
            assert_eq!(mk & NOT_WORD != 0, punct || *s == "15", "{s}");
            assert_eq!(mk & LINE != 0, *s == "Xã", "{s}");
        }
    }

    /// [`Marks::next`] and [`Marks::prev`] agree with a plain search for
    /// every start (and end) and mask, across the four-mark chunks and the
    /// remainder.
    #[test]
    fn next_is_the_first_marked_token() {
        let mut x: u32 = 7;
        for len in 0..60usize {
            let bits: Vec<u16> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    // Sparse marks, so that long runs of zeros occur.
                    if x % 5 == 0 { (x >> 8) as u16 } else { 0 }
                })
                .collect();
            let m = Marks { bits: bits.clone() };
            for mask in [1u16, 2, 0x30, 0x8000, 0xffff] {
                for from in 0..len + 3 {
                    let want = (from..len)
                        .find(|&i| bits[i] & mask != 0)
                        .unwrap_or(len.max(from));
                    assert_eq!(
                        m.next(from, mask),
                        want,
                        "len {len} from {from} mask {mask}"
                    );
                    for to in from..len + 3 {
                        let last = (from..to.min(len)).rev().find(|&i| bits[i] & mask != 0);
                        assert_eq!(m.prev(from, to, mask), last, "{len} {from}..{to} {mask}");
                        let first = (from..to.min(len))
                            .find(|&i| bits[i] & mask != 0)
                            .unwrap_or(to.min(len).max(from));
                        let bounded = m.next_before(from, to, mask);
                        assert_eq!(bounded, first, "{len} {from}..{to} {mask}");
                        // As a bound on the unbounded search (how awards ask it).
                        if to > from {
                            assert_eq!(bounded < to, m.next(from, mask) < to, "{from}..{to}");
                        }
                    }
                }
            }
        }
    }
}
