//! `place` facts: administrative units written with their level word.
//!
//! | written | level | name | rule |
//! |---|---|---|---|
//! | `xã Dương Quang`, `tỉnh Bà Rịa - Vũng Tàu` | commune, province | Dương Quang, Bà Rịa - Vũng Tàu | `place/level-name` |
//! | `quận 9`, `thôn 3`, `tổ dân phố số 5` | urban_district, village | 9, 3, 5 | `place/level-number` |
//! | `TP. Đà Nẵng`, `TX Từ Sơn`, `Q.Tân Bình`, `TT. Chư Sê` | city, town, urban_district, township | Đà Nẵng, … | `place/abbrev` |
//! | `Q.1`, `P.12`, `KP 3` | urban_district, ward, village | 1, 12, 3 | `place/abbrev-number` |
//! | `TP.HCM`, `TP HCM`, `TPHCM`, `Tp. HCM` | city | Hồ Chí Minh | `place/hcm` |
//! | `Thủ đô Hà Nội` | city | Hà Nội | `place/capital` |
//! | `HUYỆN MƯỜNG TÈ` (a heading in capitals) | district | Mường Tè | `place/heading` |
//! | `các xã Tân Phú, Tân An và Tân Hòa` (the 2nd and 3rd) | commune | Tân An, Tân Hòa | `place/list` |
//!
//! The level words and their flags are data (`lexicon/place_levels.txt`);
//! so are the words around a level word that show it is not one
//! (`lexicon/place_context.txt`: `hợp tác xã`, `văn bản Luật`, `ông xã`,
//! `tỉnh ủy`).
//!
//! A name runs to the end of the capitalized syllables ([`proper_name`]),
//! and is cut before a person's name (`UBND tỉnh Quảng Nam Lê Trí Thanh` →
//! Quảng Nam: a family name from `lexicon/surnames.txt` starting the last
//! two to four capitals), a title (`Chủ tịch`) or an abbreviation
//! (`UBND`). Without a name there is no fact: `các xã`, `3 xã`, `xã đã`,
//! `huyện nhà`, `tỉnh bạn`, `thành phố lớn`; nor is `xã hội` (`Xã Hội`,
//! `XÃ HỘI`) a commune called Hội. A level word with a capital after a
//! capitalized word is part of a name (`Nhật Bản`, `Tây Ban Nha`), and the
//! village words that are also common words (`bản`, `buôn`, `làng`…) take
//! a capital only at the start of a sentence (`Buôn Ma Thuột` is a city's
//! name). A number after the name of a province, a city or a district is
//! not part of it (`tỉnh Hà Nam 3 ca mắc mới`); after a village's it is
//! (`khóm Châu Long 3`) unless a counted noun follows. A list after a
//! plural level word ends at its `và` item (`2 tỉnh Tây Ninh và Bình
//! Phước, Viettel …`) and never takes a province's name for a commune
//! (`các xã A, B, Đồng Nai`). Places inside organizations are places too:
//! `UBND tỉnh Quảng Nam` holds `tỉnh Quảng Nam`; `Tỉnh ủy Quảng Nam` has no
//! level word, and no place.
//!
//! Every scan is left to right with a bounded look-ahead (a name is at most
//! [`MAX_NAME`](super::name::MAX_NAME) tokens, a list at most [`MAX_LIST`] items), so the work is
//! linear in the text.

use super::name::{capitalized, proper_name};
use super::{Ctx, Found, PairSet, WordSet, marks};
use crate::fact::{FactValue, Place, PlaceLevel};
use crate::lexicon::{
    PERSON_TITLES, PLACE_CONTEXT, PLACE_LEVELS, PLACE_NAMES, PLACE_REGIONS, SURNAMES,
};
use crate::normalize::ToneStyle;
use crate::normalize::tone::{self, Placement};
use crate::token::{Buffers, Kind, Tokens, WordFilter, word_hash};
use once_cell::sync::Lazy;
use std::borrow::Cow;

/// The most names a list after one level word gets (`các xã A, B và C`).
pub(crate) const MAX_LIST: usize = 30;

/// The lower-case form of a word with its tone in the traditional place
/// (`uỷ` → `ủy`, `hoà` → `hòa`), so lexicon entries match text normalized
/// in either tone style.
fn canonical(lower: &str) -> Cow<'_, str> {
    if lower.is_ascii() {
        return Cow::Borrowed(lower);
    }
    match tone::place(lower, ToneStyle::Traditional) {
        Placement::Move { from, to } => {
            let mut out = String::with_capacity(lower.len());
            tone::apply(lower, from, to, &mut out);
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(lower),
    }
}

/// The canonical lower-case key of every token (see [`canonical`]),
/// computed once per text, with its [`word_hash`]. Text the default
/// normalizer wrote (traditional tones) needs no rewrite: its keys are the
/// tokens' lower-case forms.
pub(crate) enum Keys<'a> {
    /// The tokens' own lower-case forms and hashes.
    Lower(&'a Tokens<'a>),
    /// Rewritten keys, with their hashes.
    Rewritten(Vec<Cow<'a, str>>, Vec<u32>),
}

impl<'a> Keys<'a> {
    pub(crate) fn new(t: &'a Tokens<'a>) -> Keys<'a> {
        if t.traditional() {
            return Keys::Lower(t);
        }
        let keys: Vec<Cow<'a, str>> = (0..t.len()).map(|i| canonical(t.lower(i))).collect();
        let hashes = keys.iter().map(|k| word_hash(k)).collect();
        Keys::Rewritten(keys, hashes)
    }

    /// The key of token `i` ("" past the end). Always inlined: the
    /// look-ups call it for every candidate, most often on the `Lower`
    /// path.
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> &str {
        match self {
            Keys::Lower(t) => t.lower(i),
            Keys::Rewritten(k, _) => k.get(i).map_or("", |k| k.as_ref()),
        }
    }

    /// Is the key of token `i` `key` (as `get(i) == key`)? The tokens' own
    /// keys are compared as bytes, without the character-boundary checks
    /// of slicing a `str` ([`Tokens::lower_is`]).
    #[inline(always)]
    pub(crate) fn is(&self, i: usize, key: &str) -> bool {
        match self {
            Keys::Lower(t) => t.lower_is(i, key),
            Keys::Rewritten(k, _) => k.get(i).map_or("", |k| k.as_ref()) == key,
        }
    }

    /// The first token at or after `from` whose key's hash has one of the
    /// flags `mask` in `table`: a scan for the words a lexicon may start
    /// with. The tokens' own keys (traditional tones) are asked by their
    /// marks, where `mark` stands for `mask` of `table` (the same buckets:
    /// a test checks it), four marks a test; rewritten keys by a load and a
    /// test a token.
    #[inline]
    pub(crate) fn next_flagged(
        &self,
        from: usize,
        table: &FlagTable,
        mask: u8,
        mark: u16,
    ) -> Option<usize> {
        match self {
            Keys::Lower(t) => Some(marks::next_in(t.marks(), from, mark)).filter(|&k| k < t.len()),
            Keys::Rewritten(_, h) => h
                .get(from..)?
                .iter()
                .position(|&x| table.get(x) & mask != 0)
                .map(|p| from + p),
        }
    }

    /// The flags of token `i`'s key in `table` (0 past the end).
    #[inline]
    pub(crate) fn flags(&self, table: &FlagTable, i: usize) -> u8 {
        self.hash(i).map_or(0, |h| table.get(h))
    }

    /// Is the key of token `i` in `set` (never past the end)?
    #[inline]
    pub(crate) fn in_set(&self, set: &WordSet, i: usize) -> bool {
        self.hash(i)
            .is_some_and(|h| set.contains_hashed(h, self.get(i)))
    }

    /// The hash of token `i`'s key (`None` past the end).
    #[inline]
    pub(crate) fn hash(&self, i: usize) -> Option<u32> {
        match self {
            Keys::Lower(t) => t.hash(i),
            Keys::Rewritten(_, h) => h.get(i).copied(),
        }
    }
}

/// Up to eight sets of words (the first words of lexicons), as one byte of
/// flags a slot indexed by the low bits of the words' [`word_hash`]: a
/// flag set means a word of that set may have that hash, a flag clear
/// that none has. A scan over every token for the words that may start
/// something ([`Keys::next_flagged`]) costs a load and a test a token,
/// where a [`WordFilter`] costs a shift and a bit test more, and one table
/// answers for several lexicons.
pub(crate) struct FlagTable {
    flags: Box<[u8; FlagTable::SLOTS]>,
}

impl Default for FlagTable {
    fn default() -> FlagTable {
        FlagTable {
            flags: Box::new([0; FlagTable::SLOTS]),
        }
    }
}

impl FlagTable {
    /// Slots (8 KB): as many as a [`WordFilter`] has bits, so as few false
    /// hits.
    const SLOTS: usize = 8192;

    /// Sets `flag` for the words of hash `h`.
    pub(crate) fn insert_hash(&mut self, h: u32, flag: u8) {
        if let Some(f) = self.flags.get_mut(h as usize % Self::SLOTS) {
            *f |= flag;
        }
    }

    /// The flags of the words of hash `h`.
    #[inline]
    pub(crate) fn get(&self, h: u32) -> u8 {
        self.flags
            .get(h as usize % Self::SLOTS)
            .copied()
            .unwrap_or(0)
    }
}

/// One word of a lexicon phrase: a token's key, and whether it is joined to
/// the token before it (`gd-đt` is three joined tokens).
#[derive(Debug)]
struct Piece {
    key: String,
    /// The key's [`word_hash`], compared before the key.
    hash: u32,
    joined: bool,
}

/// Lexicon phrases with a value each, indexed by their first token's key,
/// matched against [`Keys`] (case and tone style do not matter).
pub(crate) struct Lex<V> {
    entries: Vec<(Vec<Piece>, V)>,
    /// Entries of two pieces or more by [`pair_hash`] of their first two
    /// keys' [`word_hash`]es, the longest first (in lexicon order among
    /// equal lengths): the first that matches is the longest (every piece
    /// of a candidate is compared before it matches).
    by_two: Buckets,
    /// Entries of one piece by the hash of their key, in lexicon order.
    singles: Buckets,
    /// The first keys, to rule out most tokens at one bit test.
    firsts: WordFilter,
    /// The first two keys (see [`pair_hash`]), and the keys of the
    /// entries of one piece: most words that start no entry pass
    /// [`Lex::firsts`] (`thành công`, `trung bình`) but fail these.
    pairs: WordFilter,
    single_keys: WordFilter,
}

/// A hash of the hashes of two keys in a row, for [`Lex::pairs`].
fn pair_hash(first: u32, second: u32) -> u32 {
    first.rotate_left(11) ^ second
}

/// A candidate entry of a [`Lex`]: the hashes of its first three keys
/// (0 for those it has not), its index and its number of pieces: a look-up
/// rules out most candidates without reading their pieces.
#[derive(Clone, Copy, Debug)]
struct Cand {
    first: u32,
    second: u32,
    third: u32,
    entry: u32,
    len: u32,
}

/// Candidates of a [`Lex`] in buckets by a hash of theirs, laid out in one
/// array: a look-up reads a bucket's bounds and compares a few hashes,
/// where a hash map hashed its key again and probed for it.
struct Buckets {
    /// Bucket `b` is `cands[bounds[b]..bounds[b + 1]]`.
    bounds: Vec<u32>,
    cands: Vec<Cand>,
}

impl Buckets {
    /// Buckets (a power of two: the low bits of the hash pick one).
    const SLOTS: usize = 256;

    /// The candidates in buckets by their hash `key`, each bucket in the
    /// order given.
    fn new(mut items: Vec<(u32, Cand)>) -> Buckets {
        // A stable sort: a bucket keeps the order of its candidates.
        items.sort_by_key(|(key, _)| *key as usize % Self::SLOTS);
        let mut bounds = vec![0u32; Self::SLOTS + 1];
        for (key, _) in &items {
            if let Some(b) = bounds.get_mut(*key as usize % Self::SLOTS + 1) {
                *b += 1;
            }
        }
        for b in 1..bounds.len() {
            let before = bounds.get(b - 1).copied().unwrap_or(0);
            if let Some(x) = bounds.get_mut(b) {
                *x += before;
            }
        }
        Buckets {
            bounds,
            cands: items.into_iter().map(|(_, c)| c).collect(),
        }
    }

    /// The bucket of hash `key`: every candidate of that hash, in order,
    /// among others to rule out.
    #[inline]
    fn get(&self, key: u32) -> &[Cand] {
        let b = key as usize % Self::SLOTS;
        match (self.bounds.get(b), self.bounds.get(b + 1)) {
            (Some(&from), Some(&to)) => self
                .cands
                .get(from as usize..to as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

impl<V> Lex<V> {
    /// Phrases are lower case, words separated by single spaces; a word may
    /// hold joined punctuation (`gd-đt`, `tp.hcm`).
    pub(crate) fn new<'p>(items: impl IntoIterator<Item = (&'p str, V)>) -> Lex<V> {
        let mut entries = Vec::new();
        let mut by_two: Vec<(u32, Cand)> = Vec::new();
        let mut singles: Vec<(u32, Cand)> = Vec::new();
        let mut firsts = WordFilter::default();
        let mut pairs = WordFilter::default();
        let mut single_keys = WordFilter::default();
        // One set of token buffers for every word (most are a token).
        let mut buffers = Buffers::default();
        for (phrase, v) in items {
            let mut pieces = Vec::new();
            for word in phrase.split(' ') {
                let t = Tokens::new_unmarked_in(word, buffers);
                for k in 0..t.len() {
                    let key = canonical(t.lower(k)).into_owned();
                    pieces.push(Piece {
                        hash: word_hash(&key),
                        key,
                        joined: k > 0,
                    });
                }
                buffers = t.into_buffers();
            }
            let Some(first) = pieces.first() else {
                continue;
            };
            firsts.insert_hash(first.hash);
            let entry = u32::try_from(entries.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(pieces.len()).unwrap_or(u32::MAX);
            let third = pieces.get(2).map_or(0, |p| p.hash);
            match pieces.get(1) {
                Some(second) => {
                    let pair = pair_hash(first.hash, second.hash);
                    pairs.insert_hash(pair);
                    let (first, second) = (first.hash, second.hash);
                    by_two.push((
                        pair,
                        Cand {
                            first,
                            second,
                            third,
                            entry,
                            len,
                        },
                    ));
                }
                None => {
                    single_keys.insert_hash(first.hash);
                    let first = first.hash;
                    singles.push((
                        first,
                        Cand {
                            first,
                            second: 0,
                            third: 0,
                            entry,
                            len,
                        },
                    ));
                }
            }
            entries.push((pieces, v));
        }
        // A stable sort: equal lengths keep the lexicon's order.
        by_two.sort_by_key(|(_, c)| std::cmp::Reverse(c.len));
        Lex {
            entries,
            by_two: Buckets::new(by_two),
            singles: Buckets::new(singles),
            firsts,
            pairs,
            single_keys,
        }
    }

    /// Does entry `k` match at token `i`? Its number of tokens. Each token
    /// is read once: its hash first (most other words differ there), then
    /// its key as bytes, its spacing, and whether it is a dash for the next.
    fn matches(&self, t: &Tokens<'_>, keys: &Keys<'_>, i: usize, k: usize) -> Option<usize> {
        let (pieces, _) = self.entries.get(k)?;
        // Is the token before the current one a dash or an ampersand?
        let mut after_dash = false;
        let mut last = None;
        for (n, p) in pieces.iter().enumerate() {
            let tok = t.get(i + n)?;
            if keys.hash(i + n) != Some(p.hash) || !keys.is(i + n, &p.key) {
                return None;
            }
            // `GD-ĐT`, `GD - ĐT`, `GD- ĐT`: spaces around a dash or an
            // ampersand do not matter.
            let dash = matches!(tok.kind, Kind::Punct('-' | '–' | '&'));
            let loose = dash || after_dash;
            // Past the first piece, `joined` is `!space_before`.
            if n > 0 && ((p.joined == tok.space_before && !loose) || tok.line_before) {
                return None;
            }
            after_dash = dash;
            last = Some(tok.kind);
        }
        let n = pieces.len();
        // The last word ends here: `p` is not the start of `phường`.
        let glued = t.joined(i + n) && t.is_word(i + n);
        let last_word = matches!(last, Some(Kind::Word | Kind::Digits));
        (!(glued && last_word)).then_some(n)
    }

    /// Sets `flag` in `table` for the first keys of the entries whose
    /// value passes `keep`.
    pub(crate) fn flag_firsts(&self, table: &mut FlagTable, flag: u8, keep: impl Fn(&V) -> bool) {
        for (pieces, v) in &self.entries {
            if let Some(first) = pieces.first().filter(|_| keep(v)) {
                table.insert_hash(first.hash, flag);
            }
        }
    }

    /// May an entry start at token `i`? `false` for most words, at one bit
    /// test.
    #[inline]
    pub(crate) fn may_start(&self, keys: &Keys<'_>, i: usize) -> bool {
        keys.hash(i).is_some_and(|h| self.firsts.may_contain(h))
    }

    /// May an entry start at token `i`, whose key's hash is `h` (its
    /// first key in [`Lex::firsts`])? `false` is sure: an entry of one
    /// piece is the key itself, a longer one starts with the key and the
    /// next (two bit tests, no look-up). Most words that start entries
    /// start none where they stand (`ban hành`, `bộ trưởng`, `công nhân`).
    #[inline]
    pub(crate) fn may_match(&self, keys: &Keys<'_>, i: usize, h: u32) -> bool {
        self.single_keys.may_contain(h) || self.may_match_long(keys, i, h)
    }

    /// The most tokens an entry spans.
    pub(crate) fn most_pieces(&self) -> usize {
        self.entries.iter().map(|(p, _)| p.len()).max().unwrap_or(0)
    }

    /// May an entry of two pieces or more start at token `i`, whose key
    /// has the hash `h`? `false` is sure (one bit test).
    #[inline]
    pub(crate) fn may_match_long(&self, keys: &Keys<'_>, i: usize, h: u32) -> bool {
        keys.hash(i + 1)
            .is_some_and(|second| self.pairs.may_contain(pair_hash(h, second)))
    }

    /// The longest entry starting at token `i`: its number of tokens and
    /// value.
    #[inline]
    pub(crate) fn longest_at(
        &self,
        t: &Tokens<'_>,
        keys: &Keys<'_>,
        i: usize,
    ) -> Option<(usize, &V)> {
        let h = keys.hash(i)?;
        if !self.firsts.may_contain(h) {
            return None;
        }
        self.longest_with(t, keys, i, h)
    }

    /// [`Lex::longest_at`] past its filter: the entries whose first key
    /// has the hash `h`. An entry of two pieces or more is longer than one
    /// of one piece: those first.
    fn longest_with(
        &self,
        t: &Tokens<'_>,
        keys: &Keys<'_>,
        i: usize,
        h: u32,
    ) -> Option<(usize, &V)> {
        let second = keys.hash(i + 1).unwrap_or(0);
        let pair = pair_hash(h, second);
        if keys.hash(i + 1).is_some() && self.pairs.may_contain(pair) {
            let third = keys.hash(i + 2);
            for c in self.by_two.get(pair) {
                // The first three keys' hashes, in the candidate: most
                // candidates fail there, their pieces unread.
                if c.first != h || c.second != second || c.len > 2 && third != Some(c.third) {
                    continue;
                }
                let entry = c.entry as usize;
                let Some((pieces, v)) = self.entries.get(entry) else {
                    continue;
                };
                // The other keys' hashes before the keys.
                let agree = c.len <= 3
                    || pieces
                        .iter()
                        .enumerate()
                        .skip(3)
                        .all(|(n, p)| keys.hash(i + n) == Some(p.hash));
                if agree {
                    if let Some(n) = self.matches(t, keys, i, entry) {
                        return Some((n, v));
                    }
                }
            }
        }
        if !self.single_keys.may_contain(h) {
            return None;
        }
        for c in self.singles.get(h) {
            if c.first != h {
                continue;
            }
            let entry = c.entry as usize;
            if let Some(n) = self.matches(t, keys, i, entry) {
                return self.entries.get(entry).map(|(_, v)| (n, v));
            }
        }
        None
    }
}

#[cfg(test)]
impl<V> Lex<V> {
    /// The reference of [`Lex::longest_at`]: every entry tried, the
    /// longest that matches kept (the first in the lexicon among the
    /// longest): (number of tokens, entry).
    pub(crate) fn longest_by_search(
        &self,
        t: &Tokens<'_>,
        keys: &Keys<'_>,
        i: usize,
    ) -> Option<(usize, usize)> {
        (0..self.entries.len())
            .filter_map(|k| self.matches(t, keys, i, k).map(|n| (n, k)))
            .max_by_key(|&(n, k)| (n, std::cmp::Reverse(k)))
    }

    /// [`Lex::longest_at`] with the entry's index for its value.
    pub(crate) fn longest_entry_at(
        &self,
        t: &Tokens<'_>,
        keys: &Keys<'_>,
        i: usize,
    ) -> Option<(usize, usize)> {
        let (n, v) = self.longest_at(t, keys, i)?;
        let k = self.entries.iter().position(|(_, x)| std::ptr::eq(x, v))?;
        Some((n, k))
    }

    /// Does [`Lex::longest_at`] answer as [`Lex::longest_by_search`] at
    /// every token of `texts` (and past the end), with keys of both kinds?
    /// The number of tokens an entry starts at.
    pub(crate) fn check_against_search(&self, texts: &[String]) -> usize {
        let mut found = 0;
        for text in texts {
            for t in [Tokens::new_traditional(text), Tokens::new(text)] {
                let keys = Keys::new(&t);
                for i in 0..t.len() + 2 {
                    let want = self.longest_by_search(&t, &keys, i);
                    assert_eq!(self.longest_entry_at(&t, &keys, i), want, "{text:?} {i}");
                    found += usize::from(want.is_some());
                }
            }
        }
        found
    }
}

/// What a level word allows (`lexicon/place_levels.txt`).
#[derive(Clone, Copy, Debug)]
struct LevelWord {
    level: PlaceLevel,
    /// A number may name the unit.
    num: bool,
    /// Only a number may.
    numonly: bool,
    /// An abbreviation in capitals.
    abbr: bool,
    /// Its full stop is required.
    dot: bool,
    /// A village word that is also a common word.
    village: bool,
    /// `Thủ đô`.
    capital: bool,
}

fn level_named(s: &str) -> Option<PlaceLevel> {
    Some(match s {
        "province" => PlaceLevel::Province,
        "city" => PlaceLevel::City,
        "district" => PlaceLevel::District,
        "urban_district" => PlaceLevel::UrbanDistrict,
        "town" => PlaceLevel::Town,
        "township" => PlaceLevel::Township,
        "commune" => PlaceLevel::Commune,
        "ward" => PlaceLevel::Ward,
        "village" => PlaceLevel::Village,
        _ => return None,
    })
}

static LEVELS: Lazy<Lex<LevelWord>> = Lazy::new(|| {
    Lex::new(PLACE_LEVELS.iter().filter_map(|(phrase, level, flags)| {
        let has = |f: &str| flags.split(' ').any(|x| x == f);
        Some((
            *phrase,
            LevelWord {
                level: level_named(level)?,
                num: has("num"),
                numonly: has("numonly"),
                abbr: has("abbr"),
                dot: has("dot"),
                village: has("village"),
                capital: has("capital"),
            },
        ))
    }))
});

/// The words around level words that unmake them: (level word, word) for
/// the word before, and for the first word of the name; `*` for any level
/// word.
struct Context {
    before: PairSet,
    first: PairSet,
    /// Every word of both sets, to rule out most tokens at one bit test.
    words: WordFilter,
}

static CONTEXT: Lazy<Context> = Lazy::new(|| {
    let mut c = Context {
        before: PairSet::default(),
        first: PairSet::default(),
        words: WordFilter::default(),
    };
    for (level, place, words) in PLACE_CONTEXT.iter() {
        let set = if *place == "before" {
            &mut c.before
        } else {
            &mut c.first
        };
        for w in words.split(' ') {
            c.words.insert(&canonical(w));
            set.insert(canonical(level).into_owned(), canonical(w).into_owned());
        }
    }
    c
});

/// May the key of token `k` be in a context set? `false` for most words.
fn context_word(keys: &Keys<'_>, k: usize) -> bool {
    keys.hash(k).is_some_and(|h| CONTEXT.words.may_contain(h))
}

/// Is the key of token `k` in `set` after `level` (or after any level
/// word)? Never past the end.
fn in_context(set: &PairSet, level: &str, keys: &Keys<'_>, k: usize) -> bool {
    if !context_word(keys, k) {
        return false;
    }
    let word = keys.get(k);
    set.contains(level, word) || set.contains("*", word)
}

/// Known place names (`lexicon/place_names.txt`).
static NAMES: Lazy<Lex<()>> = Lazy::new(|| Lex::new(PLACE_NAMES.iter().map(|n| (*n, ()))));

/// Family names (`lexicon/surnames.txt`).
static SURNAME_SET: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(SURNAMES.iter().map(|s| canonical(s).into_owned())));

/// Titles before a person's name (`lexicon/person_titles.txt`).
pub(crate) static TITLES: Lazy<Lex<()>> =
    Lazy::new(|| Lex::new(PERSON_TITLES.iter().map(|n| (*n, ()))));

/// Regions that are no administrative units (`lexicon/place_regions.txt`).
static REGIONS: Lazy<Lex<()>> = Lazy::new(|| Lex::new(PLACE_REGIONS.iter().map(|n| (*n, ()))));

/// Does a title that ends a name start at token `i`: one of two words or
/// more (`Chủ tịch`, `Bí thư`, `Đại tá`) or an abbreviated one (`TS`,
/// `PGS`)? Forms of address of one word (`Ông`, `Bà`, `Anh`, `Cô`) are
/// not: they are syllables of names too (`Hai Bà Trưng`, `Đông Anh`,
/// `Lăng Cô`).
pub(crate) fn title_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    TITLES.longest_at(t, keys, i).is_some_and(|(n, _)| {
        let title = n >= 2
            || matches!(
                keys.get(i),
                "ts" | "ths" | "pgs" | "gs" | "bs" | "nsnd" | "nsưt"
            );
        // A title goes before a name or another body: `Nhà báo Nguyễn
        // Văn A`, `Chủ tịch UBND`; `Liên Chi hội Nhà báo ngành Tài chính`
        // is no title.
        let before_name = capitalized(t, i + n) || t.is_punct(i + n, '.') && t.joined(i + n);
        title && before_name
    })
}

/// Words that start a sentence, not a name: after `TP.` followed by a space
/// the full stop may end the sentence (`… của TP. Trong năm …`).
const SENTENCE_WORD_LIST: &[&str] = &[
    "trong", "theo", "việc", "riêng", "nhưng", "kết", "về", "ảnh", "tuy", "sau", "khi", "tại",
    "các", "những", "đây", "do", "vì", "nếu", "ngày", "hiện", "năm", "cũng", "còn", "với", "từ",
    "để", "chiều", "sáng", "tối", "trưa", "đêm", "hôm", "trước", "ngoài", "bên", "cùng", "thế",
    "vậy", "dù", "mặc", "đến", "qua", "lúc", "song", "hơn", "nhờ", "mới", "đó", "này", "người",
    "một", "hai", "ba", "ông", "bà", "anh", "chị", "em", "tôi", "chúng", "họ", "có", "không",
    "được", "là", "và", "thì", "mà", "như", "ngay", "vừa", "đã", "sẽ", "đang", "hiện", "tháng",
    "tuần", "quý", "phóng", "báo", "thông", "bởi", "giữa", "cả", "mọi", "nhiều", "tất", "chỉ",
];

/// [`SENTENCE_WORD_LIST`] as a set.
pub(crate) static SENTENCE_WORDS: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(SENTENCE_WORD_LIST.iter().copied()));

/// Is token `i` a family name?
pub(crate) fn surname(keys: &Keys<'_>, i: usize) -> bool {
    keys.in_set(&SURNAME_SET, i)
}

/// The end of the known place name starting at token `i`.
pub(crate) fn known_name(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<usize> {
    NAMES.longest_at(t, keys, i).map(|(n, _)| i + n)
}

/// Is word `i` written all in capitals (at least one letter)?
pub(crate) fn all_caps(t: &Tokens<'_>, i: usize) -> bool {
    // A word without a capital (most), or no word: a field read.
    if !t.has_capital(i) {
        return false;
    }
    // One pass, ASCII without Unicode's tables: no lower-case letter, and
    // an upper-case one. A capitalized word's first letter is an upper-case
    // one, and no letter is both: the pass starts at the second (most
    // capitalized words have a lower-case one there, `Đảng`, `Sở`). The
    // word's bytes are decoded here, without the checks of slicing a `str`.
    let bytes = t.surface_bytes(i);
    let upper_first = t.capitalized(i);
    let mut at = 0;
    if upper_first {
        at = bytes.first().map_or(0, |&b| utf8_len(b));
    }
    let mut upper = upper_first;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if b.is_ascii_lowercase() {
                return false;
            }
            upper |= b.is_ascii_uppercase();
            at += 1;
            continue;
        }
        let (u, len) = decode_at(bytes, at);
        at += len;
        match code_case(u) {
            Some(true) => return false,
            Some(false) => upper = true,
            None => {
                let c = char::from_u32(u).unwrap_or_default();
                if c.is_lowercase() {
                    return false;
                }
                upper |= c.is_uppercase();
            }
        }
    }
    upper
}

/// The length of the UTF-8 sequence lead byte `b` starts.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// The code point of the character starting at byte `at` of `bytes`
/// (well-formed UTF-8: a word's surface), and its length.
#[inline]
fn decode_at(bytes: &[u8], at: usize) -> (u32, usize) {
    let lead = bytes.get(at).copied().unwrap_or(0);
    let len = utf8_len(lead);
    let payload = match len {
        1 => 0x7F,
        2 => 0x1F,
        3 => 0x0F,
        _ => 0x07,
    };
    let mut u = u32::from(lead) & payload;
    for k in 1..len {
        u = (u << 6) | (u32::from(bytes.get(at + k).copied().unwrap_or(0)) & 0x3F);
    }
    (u, len)
}

/// The case of a letter of Vietnamese beyond ASCII, by its code point
/// alone (`Some(true)`: lower case, `Some(false)`: upper case), without
/// Unicode's tables: Latin-1 (`â`, `Ê`, `ô`), the pairs of Latin
/// Extended-A up to `ŷ` (`ă`, `Đ`, `ĩ`, `Ũ`), `Ơ` and `Ư`, and Latin
/// Extended Additional from `Ạ` (`ả`, `Ấ`, `ộ`, `ỹ`); `None` for other
/// characters. Every character it answers for is a letter.
#[inline]
pub(crate) fn latin_case(c: char) -> Option<bool> {
    code_case(u32::from(c))
}

/// [`latin_case`] of the code point `u`.
#[inline]
fn code_case(u: u32) -> Option<bool> {
    match u {
        0xC0..=0xDE if u != 0xD7 => Some(false),
        0xDF..=0xFF if u != 0xF7 => Some(true),
        0x100..=0x137 | 0x14A..=0x177 | 0x1EA0..=0x1EFF => Some(u % 2 == 1),
        0x1A0 | 0x1AF => Some(false),
        0x1A1 | 0x1B0 => Some(true),
        _ => None,
    }
}

/// Is token `i` on the same line as the one before it, with a space between?
fn spaced(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i).is_some_and(|x| x.space_before && !x.line_before)
}

/// Does a sentence (or line, or quotation, or bracket) start at token `i`?
pub(crate) fn sentence_start(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || t.get(i).is_some_and(|x| x.line_before) {
        return true;
    }
    matches!(
        t.get(i - 1).map(|x| x.kind),
        Some(Kind::Punct(
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '('
                | '['
                | '"'
                | '“'
                | '‘'
                | '\''
                | '-'
                | '–'
                | '—'
                | '…'
        ))
    )
}

/// Is token `i` a word written with a capital that continues a name begun
/// before it (`Nhật Bản`, `Tây Ban Nha`), rather than starting something?
pub(crate) fn inside_name(t: &Tokens<'_>, i: usize) -> bool {
    i > 0
        && !t.get(i).is_some_and(|x| x.line_before)
        && t.get(i).is_some_and(|x| x.space_before)
        && capitalized(t, i - 1)
        && !all_caps(t, i - 1)
        && !sentence_start(t, i - 1)
}

/// A place found: tokens `start..end`, the level, the name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) level: PlaceLevel,
    pub(crate) name: String,
    pub(crate) rule: &'static str,
    /// A number names the unit (`quận 9`).
    numbered: bool,
}

/// The level word at token `i` (with its full stop, when it has one): its
/// level, its number of tokens and what it allows. `None` when the word is
/// not a level word here (`hợp tác xã`, `Nhật Bản`, `p` in lower case).
fn level_word_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<(usize, LevelWord)> {
    let (n, w) = LEVELS.longest_at(t, keys, i)?;
    let w = *w;
    let surface = t.surface(i);
    if w.abbr {
        // `TP`, `Tp`, `TX`, `Q`, `P`: a capital first; the one-letter and
        // `TT` forms all in capitals.
        if !t.capitalized(i) {
            return None;
        }
        if (w.dot || surface.chars().count() == 1) && !all_caps(t, i) {
            return None;
        }
    } else if capitalized(t, i) && !all_caps(t, i) {
        // `Buôn Ma Thuột`, `Bản Giốc`: a name, not a level word.
        if inside_name(t, i) || known_name(t, keys, i).is_some() {
            return None;
        }
        if w.village && !sentence_start(t, i) {
            return None;
        }
    }
    // The level word's keys joined by spaces (a copy only for those of
    // several words), asked for only when the word before is in a context.
    let level_key = || -> Cow<'_, str> {
        if n == 1 {
            Cow::Borrowed(keys.get(i))
        } else {
            Cow::Owned(
                (0..n)
                    .map(|k| keys.get(i + k))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        }
    };
    if i > 0
        && !t.get(i).is_some_and(|x| x.line_before)
        && context_word(keys, i - 1)
        && in_context(&CONTEXT.before, &level_key(), keys, i - 1)
    {
        return None;
    }
    let mut len = n;
    if w.abbr && t.is_punct(i + n, '.') && t.joined(i + n) {
        len += 1;
    } else if w.dot {
        return None;
    }
    Some((len, w))
}

/// The name as the fact gives it: the normalized surface, in title case
/// when written in capitals (`MƯỜNG TÈ` → `Mường Tè`).
fn name_text(t: &Tokens<'_>, start: usize, end: usize, title_case: bool) -> String {
    let span = t.span(start, end);
    let surface = t.text().get(span.range()).unwrap_or_default();
    if !title_case {
        return surface.to_string();
    }
    let mut out = String::with_capacity(surface.len());
    for k in start..end {
        let Some(tok) = t.get(k) else { break };
        if k > start && tok.space_before {
            out.push(' ');
        }
        let s = t.surface(k);
        if tok.kind != Kind::Word || crate::number::roman::roman_at(t, k).is_some() {
            out.push_str(s);
            continue;
        }
        let mut chars = s.chars();
        if let Some(c) = chars.next() {
            out.push(c);
            out.extend(chars.flat_map(char::to_lowercase));
        }
    }
    out
}

/// How many capitalized words of a name [`capital_words`] keeps on the
/// stack (a longer run goes on in a vector).
const WORDS_ON_STACK: usize = 16;

/// `f` of the capitalized words of tokens `from..to` (their indices), kept
/// on the stack: a name is a few tokens, and most places are found with no
/// allocation but their name's.
fn capital_words<R>(t: &Tokens<'_>, from: usize, to: usize, f: impl FnOnce(&[usize]) -> R) -> R {
    let mut buf = [0usize; WORDS_ON_STACK];
    let mut count = 0;
    let mut more = Vec::new();
    for k in (from..to).filter(|k| t.is_word(*k) && capitalized(t, *k)) {
        match buf.get_mut(count) {
            Some(slot) => {
                *slot = k;
                count += 1;
            }
            None => more.push(k),
        }
    }
    if more.is_empty() {
        f(buf.get(..count).unwrap_or_default())
    } else {
        more.splice(0..0, buf.iter().copied());
        f(&more)
    }
}

/// Where a person's name starts inside the run of capitalized words
/// `words` (token indices), leaving at least `keep` of them to the place:
/// the first family name, from the third word on, followed by one to three
/// more capitals (`Quảng Nam Lê Trí Thanh`); or from the second word on,
/// when three or more follow (`Huế Nguyễn Văn Thành`).
fn person_split(keys: &Keys<'_>, words: &[usize], keep: usize) -> Option<usize> {
    let n = words.len();
    let at = |k: usize| words.get(k).copied().filter(|w| surname(keys, *w));
    // The count first: most words are too far from the end to start
    // the person's name, and their look-up is saved.
    (keep.max(2)..n)
        .find(|k| (2..=4).contains(&(n - k)) && at(*k).is_some())
        .or_else(|| (keep <= 1 && n >= 4 && at(1).is_some()).then_some(1))
        .and_then(|k| words.get(k).copied())
}

/// Does a title, an organization abbreviation or a level word start at
/// token `i` (the end of a name: `tỉnh Quảng Nam Chủ tịch …`, `xã Tân Phú
/// UBND …`)?
fn name_stop(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    title_at(t, keys, i)
        || (all_caps(t, i) && super::org::is_abbreviation(keys.get(i)))
        || level_word_at(t, keys, i).is_some()
}

/// Does a level word start at token `i` (whatever follows it)?
pub(crate) fn level_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    level_word_at(t, keys, i).is_some()
}

/// A level word at token `i` with no name after it (`UBND tỉnh`, `Đảng bộ
/// xã`, `UBND TP`): its number of tokens. Not `P.`, `Q.` alone (initials)
/// nor `Thủ đô`.
pub(crate) fn bare_level_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<usize> {
    let (n, w) = level_word_at(t, keys, i)?;
    // Village words alone are common words too (`buôn lậu`, `làng nghề`).
    if w.capital || w.numonly || w.village || (w.abbr && t.surface(i).chars().count() == 1) {
        return None;
    }
    if place_at(t, keys, i).is_some() {
        return None;
    }
    // `tỉnh ủy`, `xã hội`: a level word joined into a longer word.
    if in_context(&CONTEXT.first, keys.get(i), keys, i + n) || keys.get(i + n) == "hội" {
        return None;
    }
    Some(n)
}

/// The end of the place name starting at token `j` after a level word, and
/// whether it was read in capitals.
fn name_end(
    t: &Tokens<'_>,
    keys: &Keys<'_>,
    j: usize,
    level: PlaceLevel,
    heading: bool,
) -> Option<(usize, bool)> {
    let proper = proper_name(t, j)?;
    let known = known_name(t, keys, j);
    // A heading in capitals: the capitals run on into the rest of the
    // heading (`HUYỆN MƯỜNG TÈ TỔ CHỨC …`).
    if heading && all_caps(t, j) {
        let mut run = j;
        while run < proper && (all_caps(t, run) || !t.is_word(run)) {
            run += 1;
        }
        // The whole heading when it is short (`HUYỆN ĐIỆN BIÊN ĐÔNG`), else
        // a known name or two syllables (`XÃ DƯƠNG QUANG TỔ CHỨC …`).
        let at_end = t
            .get(run)
            .is_none_or(|x| x.line_before || x.kind != Kind::Word);
        let end = if at_end && run - j <= 4 {
            run
        } else {
            known.unwrap_or((j + 2).min(run))
        };
        return Some((end, true));
    }
    let mut end = proper;
    // A spaced dash inside a known name: `Bà Rịa - Vũng Tàu`; two capitals
    // or more after a known name are someone's name (`TP Hà Nội Chử Xuân
    // Dũng`).
    if let Some(k) = known {
        end = if end >= k + 2 { k } else { end.max(k) };
    }
    // Cut before a title, an abbreviation or another level word.
    let floor = known.unwrap_or(j + 1);
    if let Some(stop) = (floor..end).find(|k| name_stop(t, keys, *k)) {
        end = stop;
    }
    // Cut before a person's name.
    let plain = (j..end).all(|k| t.is_word(k) && !t.joined(k) || k == j);
    if plain {
        let keep = known.map_or(1, |k| k - j);
        if let Some(split) = capital_words(t, j, end, |w| person_split(keys, w, keep)) {
            end = split;
        }
    }
    // A person's name alone after the level word of a province, city or
    // district (`UBND tỉnh Nguyễn Văn Bình`): no name. Communes and wards
    // are often named after people (`phường Nguyễn Du`).
    let high = matches!(
        level,
        PlaceLevel::Province | PlaceLevel::City | PlaceLevel::District | PlaceLevel::Town
    );
    // A number after the name of a province, a city or a district belongs
    // to what follows (`tỉnh Hà Nam 3 ca`, `tỉnh Sông Bé 02`); after a
    // village's name it is part of it (`khóm Châu Long 3`) unless a
    // lower-case word follows (`xóm Đông 2 người`).
    if end > j + 1 && t.is_digits(end - 1) {
        let counted = spaced(t, end) && super::count::unit_at(t, end).is_some();
        if high || counted {
            end -= 1;
        }
    }
    if high && known.is_none() && surname(keys, j) && (3..=4).contains(&(end - j)) && plain {
        return None;
    }
    Some((end, false))
}

/// Is token `i` a number that names a unit (`9` in `quận 9`; not `3,5`,
/// `15/3`, `9h`)? Its end.
fn unit_number(t: &Tokens<'_>, i: usize) -> Option<usize> {
    if !t.is_digits(i) || t.surface(i).len() > 4 {
        return None;
    }
    let next = i + 1;
    if t.joined(next) {
        if t.is_word(next) {
            // `3A`: one capital letter.
            let s = t.surface(next);
            return (s.chars().count() == 1 && all_caps(t, next) && !t.joined(next + 1))
                .then_some(next + 1);
        }
        if t.is_digits(next + 1) && t.joined(next + 1) {
            return None;
        }
        if t.is_punct(next, '%') {
            return None;
        }
    }
    Some(next)
}

/// The flag of [`PLACE_STARTS`].
const PLACE_START: u8 = 1;

/// The words a place may start with: `TPHCM` and the first words of the
/// level words.
static PLACE_STARTS: Lazy<FlagTable> = Lazy::new(|| {
    let mut table = FlagTable::default();
    table.insert_hash(word_hash("tphcm"), PLACE_START);
    LEVELS.flag_firsts(&mut table, PLACE_START, |_| true);
    table
});

/// Sets `flag` in `table` for the words a title ([`title_at`]) or a place
/// or a level word ([`place_at`], [`level_at`], [`bare_level_at`]) may
/// start with: a word whose bucket has none of these starts none of them.
pub(crate) fn flag_title_and_level_firsts(table: &mut FlagTable, flag: u8) {
    table.insert_hash(word_hash("tphcm"), flag);
    LEVELS.flag_firsts(table, flag, |_| true);
    TITLES.flag_firsts(table, flag, |_| true);
}

/// May a place start at a word whose [`word_hash`] is `h` (or lies in its
/// bucket)? The [`marks::PLACE`] bit of the marks.
pub(crate) fn place_may_start(h: u32) -> bool {
    PLACE_STARTS.get(h) & PLACE_START != 0
}

/// May a place or a level word start at token `i`: is it `TPHCM` or may
/// it be a level word's first (`false` for most words, at one table
/// test)? Where it is not, [`place_at`], [`level_at`] and
/// [`bare_level_at`] find nothing.
#[inline]
pub(crate) fn place_may_start_at(keys: &Keys<'_>, i: usize) -> bool {
    keys.flags(&PLACE_STARTS, i) & PLACE_START != 0
}

/// The place whose level word starts at token `i`.
#[inline]
pub(crate) fn place_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<PlaceMatch> {
    // Most words are neither `TPHCM` nor a level word's first: one test.
    if !place_may_start_at(keys, i) {
        return None;
    }
    place_at_word(t, keys, i)
}

/// [`place_at`] for a word that may be `TPHCM` or start a level word.
fn place_at_word(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<PlaceMatch> {
    // `TPHCM` in one word.
    if keys.hash(i) == Some(word_hash("tphcm"))
        && keys.get(i) == "tphcm"
        && t.surface(i).starts_with('T')
    {
        return Some(PlaceMatch {
            start: i,
            end: i + 1,
            level: PlaceLevel::City,
            name: "Hồ Chí Minh".to_string(),
            rule: "place/hcm",
            numbered: false,
        });
    }
    if !may_be_named(t, keys, i) {
        return None;
    }
    place_after_level(t, keys, i)
}

/// May a level word starting at token `i` be followed by what names the
/// place ([`place_after_level`]: a capital, or a number)? A sure `false`
/// before the level word is looked up: where no level word of two pieces
/// or more may start, only one of a single piece may, and its name or
/// number comes right after it, or after the full stop of an abbreviation
/// (`thành` in `thành công`, `thị` in `thị trường`, `bản` in `bản thân`
/// have none; `quận 9`, `tổ số 5`, `xã Dương Quang`, `TP.HCM` may).
fn may_be_named(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    let next = i + 1;
    keys.hash(i)
        .is_some_and(|h| LEVELS.may_match_long(keys, i, h))
        || capitalized(t, next)
        || t.is_digits(next)
        || t.is(next, "số")
        || t.is_punct(next, '.')
}

/// [`place_at_word`] past `TPHCM` and [`may_be_named`]: the place named
/// after the level word at token `i`.
fn place_after_level(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> Option<PlaceMatch> {
    let (n, w) = level_word_at(t, keys, i)?;
    let j = i + n;
    let dotted = w.abbr && n > 1 && t.is_punct(j - 1, '.');
    let next = t.get(j)?;
    if next.line_before {
        return None;
    }
    // An abbreviation without its full stop is spaced from its name
    // (`TP Đà Nẵng`); a word is always; but `KP3`, `TDP5`.
    if !(dotted || next.space_before || w.numonly && t.is_digits(j)) {
        return None;
    }
    // A number: `quận 9`, `tổ dân phố số 5`, `Q.1`.
    if w.num {
        let so = t.is(j, "số") && t.is_digits(j + 1) && !dotted;
        let d = if so { j + 1 } else { j };
        if let Some(end) = unit_number(t, d) {
            return Some(PlaceMatch {
                start: i,
                end,
                level: w.level,
                name: name_text(t, d, end, false),
                rule: if w.abbr {
                    "place/abbrev-number"
                } else {
                    "place/level-number"
                },
                numbered: true,
            });
        }
    }
    if w.numonly || !capitalized(t, j) {
        return None;
    }
    let level_key = keys.get(i);
    // `TP.HCM`, `TP HCM`, `Tp. HCM`.
    if w.abbr && w.level == PlaceLevel::City && keys.get(j) == "hcm" {
        return Some(PlaceMatch {
            start: i,
            end: j + 1,
            level: PlaceLevel::City,
            name: "Hồ Chí Minh".to_string(),
            rule: "place/hcm",
            numbered: false,
        });
    }
    if in_context(&CONTEXT.first, level_key, keys, j)
        || REGIONS.longest_at(t, keys, j).is_some()
        || (keys.get(j) == "nam" || keys.get(j) == "bắc") && t.is(j + 1, "bộ")
    {
        return None;
    }
    // `TP. Trong năm …`: the full stop ended a sentence.
    if dotted && next.space_before && (keys.in_set(&SENTENCE_WORDS, j) || title_at(t, keys, j)) {
        return None;
    }
    // `tỉnh B.`, `xã Đ.`: an initial, not a name; `ấp B4` is one.
    let initial = t.surface(j).chars().count() == 1 && !t.joined(j + 1);
    if initial && !w.abbr {
        return None;
    }
    // `P. Bến Nghé` but not `chị P. và`, `P.T.`, `Q.PN`: with an
    // abbreviation of one letter, a name of words (two when spaced).
    if w.abbr && t.surface(i).chars().count() == 1 {
        let person = i > 0
            && matches!(
                keys.get(i - 1),
                "ông" | "bà" | "anh" | "chị" | "em" | "cô" | "chú" | "bác" | "cụ" | "cháu" | "theo"
            );
        if person || all_caps(t, j) || t.is_punct(j + 1, '.') && t.joined(j + 1) {
            return None;
        }
        if next.space_before && (t.joined(j + 1) || !capitalized(t, j + 1)) {
            return None;
        }
    }
    // `xã hội`: `Xã Hội`, `XÃ HỘI`, `xã Hội` alone; `xã Hội Hoan` is a commune.
    if level_key == "xã" && keys.get(j) == "hội" {
        let same_case = capitalized(t, i) == capitalized(t, j) && all_caps(t, i) == all_caps(t, j);
        if same_case || !capitalized(t, j + 1) || t.joined(j + 1) {
            return None;
        }
    }
    let heading = all_caps(t, i) && !w.abbr;
    let (end, caps) = name_end(t, keys, j, w.level, heading)?;
    if end <= j {
        return None;
    }
    let rule = if caps {
        "place/heading"
    } else if w.capital {
        "place/capital"
    } else if w.abbr {
        "place/abbrev"
    } else {
        "place/level-name"
    };
    Some(PlaceMatch {
        start: i,
        end,
        level: w.level,
        name: name_text(t, j, end, caps),
        rule,
        numbered: false,
    })
}

/// Is token `i` a word that makes the level word after it plural (`các`,
/// `những`, `3`, `hai`)?
fn plural(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    t.is_digits(i) && !t.joined(i)
        || matches!(
            keys.get(i),
            "các"
                | "những"
                | "hai"
                | "ba"
                | "bốn"
                | "sáu"
                | "bảy"
                | "tám"
                | "chín"
                | "mười"
                | "mấy"
        )
}

/// The other names of a list after a plural level word (`các xã Tân Phú,
/// Tân An và Tân Hòa`): each name's tokens, after the place `first`.
fn list_items(t: &Tokens<'_>, keys: &Keys<'_>, first: &PlaceMatch) -> Vec<PlaceMatch> {
    let mut out = Vec::new();
    let mut i = first.end;
    while out.len() < MAX_LIST {
        // `,` / `và` / `, và` / `hoặc`
        let mut j = i;
        if t.is_punct(j, ',') {
            j += 1;
        }
        let last = t.is(j, "và") || t.is(j, "hoặc");
        if last {
            j += 1;
        }
        if j == i || t.get(j).is_none_or(|x| x.line_before) {
            break;
        }
        let item = if first.numbered {
            unit_number(t, j).map(|e| (e, name_text(t, j, e, false)))
        } else if capitalized(t, j)
            && level_word_at(t, keys, j).is_none()
            && TITLES.longest_at(t, keys, j).is_none()
            && !super::org::is_abbreviation(keys.get(j))
        {
            // A province after communes is where they are, not one more.
            let province = known_name(t, keys, j).is_some()
                && !matches!(first.level, PlaceLevel::Province | PlaceLevel::City);
            if province {
                None
            } else {
                name_end(t, keys, j, first.level, false)
                    .filter(|(e, _)| *e > j)
                    .map(|(e, _)| (e, name_text(t, j, e, false)))
            }
        } else {
            None
        };
        let Some((end, name)) = item else { break };
        out.push(PlaceMatch {
            start: j,
            end,
            level: first.level,
            name,
            rule: "place/list",
            numbered: first.numbered,
        });
        i = end;
        if last {
            break;
        }
    }
    out
}

/// Every place in the text, left to right.
#[cfg(test)]
pub(crate) fn places(t: &Tokens<'_>, keys: &Keys<'_>) -> Vec<PlaceMatch> {
    let mut out = Vec::new();
    scan(t, keys, |m| out.push(m));
    out
}

/// Gives `emit` every place in the text, left to right.
fn scan(t: &Tokens<'_>, keys: &Keys<'_>, emit: impl FnMut(PlaceMatch)) {
    let starts: &FlagTable = &PLACE_STARTS;
    // Only where `place_at` may find something (see there).
    places_from(
        t,
        keys,
        |i| keys.next_flagged(i, starts, PLACE_START, marks::PLACE),
        emit,
    );
}

/// Gives `emit` the places of [`scan`], asking only at the tokens `next`
/// gives (the first worth asking at or after a token).
fn places_from(
    t: &Tokens<'_>,
    keys: &Keys<'_>,
    next: impl Fn(usize) -> Option<usize>,
    mut emit: impl FnMut(PlaceMatch),
) {
    let mut i = 0;
    while let Some(at) = next(i) {
        i = at;
        let Some(m) = place_at_word(t, keys, i) else {
            i += 1;
            continue;
        };
        i = m.end.max(i + 1);
        if i > 1 && m.start > 0 && plural(t, keys, m.start - 1) {
            let items = list_items(t, keys, &m);
            if let Some(last) = items.last() {
                i = last.end.max(i);
            }
            emit(m);
            items.into_iter().for_each(&mut emit);
        } else {
            emit(m);
        }
    }
}

/// Emits the `place` facts, each as it is found.
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let t = &ctx.tokens;
    let keys = Keys::new(t);
    let found = &mut ctx.found;
    scan(t, &keys, |m| {
        found.push(Found {
            start: m.start,
            end: m.end,
            value: FactValue::Place(Place {
                level: m.level,
                name: m.name,
            }),
            rule: m.rule,
        });
    });
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&CONTEXT);
    once_cell::sync::Lazy::force(&LEVELS);
    once_cell::sync::Lazy::force(&NAMES);
    once_cell::sync::Lazy::force(&PLACE_STARTS);
    once_cell::sync::Lazy::force(&REGIONS);
    once_cell::sync::Lazy::force(&SURNAME_SET);
    once_cell::sync::Lazy::force(&SENTENCE_WORDS);
    once_cell::sync::Lazy::force(&TITLES);
}

/// Texts for the tests that compare a scan with its skips against one that
/// asks at every token (here and in `org.rs`).
#[cfg(test)]
pub(crate) mod samples {
    use crate::lexicon::{
        ORG_ABBREVIATIONS, ORG_DOMAINS, ORG_HEADS, ORG_LEGAL_FORMS, PERSON_TITLES, PLACE_LEVELS,
        PLACE_NAMES, SURNAMES,
    };

    /// `phrase` with the first letter of every word a capital.
    fn title_case(phrase: &str) -> String {
        phrase
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The seed article, then seeded random mixes of the lexicons' phrases
    /// (in lower case, title case and capitals), names, numbers, common
    /// words and punctuation.
    pub(crate) fn texts() -> Vec<String> {
        const WORDS: &[&str] = &[
            "Dương Quang",
            "Nguyễn Văn Đọc",
            "Chu Văn An",
            "cho biết",
            "các",
            "những",
            "và",
            "của",
            "hội nghị",
            "xã hội",
            "cán bộ",
            "công ty",
            "Hội An",
            "Nhật Bản",
            "TP.HCM",
            "TPHCM",
            "Tp. HCM",
            "Q.1",
            "P. Bến Nghé",
            "số",
            "3",
            "12",
            "2017",
            ",",
            ".",
            ";",
            "(",
            ")",
            "(LĐLĐ)",
            "-",
            " - ",
            "&",
            "\n",
            "“",
            "”",
            "uỷ",
            "hoà",
            "Thuỷ",
            "Ủy",
        ];
        let mut phrases: Vec<&str> = Vec::new();
        phrases.extend(ORG_HEADS.iter().map(|(p, _, _)| *p));
        phrases.extend(PLACE_LEVELS.iter().map(|(p, _, _)| *p));
        phrases.extend(ORG_ABBREVIATIONS.iter().map(|(a, _)| *a));
        for list in [
            &*ORG_DOMAINS,
            &*ORG_LEGAL_FORMS,
            &*PLACE_NAMES,
            &*PERSON_TITLES,
            &*SURNAMES,
        ] {
            phrases.extend(list.iter().copied());
        }
        let mut pieces: Vec<String> = phrases
            .iter()
            .flat_map(|p| [p.to_string(), title_case(p), p.to_uppercase()])
            .collect();
        pieces.extend(WORDS.iter().map(|w| w.to_string()));
        let mut rng = crate::testing::Rng::new();
        let mut out = vec![
            crate::normalize(include_str!("../../fixtures/duong-quang-2017.txt"))
                .as_str()
                .to_string(),
        ];
        for _ in 0..4000 {
            let n = rng.below(16);
            let words: Vec<&str> = (0..n)
                .filter_map(|_| pieces.get(rng.below(pieces.len())))
                .map(String::as_str)
                .collect();
            out.push(words.join(" "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_traditional_text_are_its_lower_case_words() {
        // Modern-style tones (hoà, thuỷ, khoẻ) and capitals, normalized by
        // the default normalizer: the keys need no rewrite.
        let raw = "Thôn Hoà Bình, xã Thuỷ Xuân, KHOẺ mạnh, Quỳnh Lưu, hòa";
        let norm = crate::normalize(raw);
        let fast = Tokens::new_traditional(norm.as_str());
        let slow = Tokens::new(norm.as_str());
        let (fast_keys, slow_keys) = (Keys::new(&fast), Keys::new(&slow));
        assert!(matches!(fast_keys, Keys::Lower(_)));
        assert!(matches!(slow_keys, Keys::Rewritten(..)));
        for i in 0..=slow.len() {
            assert_eq!(fast_keys.get(i), slow_keys.get(i));
            assert_eq!(fast_keys.hash(i), slow_keys.hash(i));
        }
        assert_eq!(fast_keys.get(1), "hòa");
        assert_eq!(fast_keys.get(5), "thủy");
        // Text in another style is rewritten.
        let modern = Tokens::new("xã Thuỷ Xuân");
        assert_eq!(Keys::new(&modern).get(1), "thủy");
    }

    /// The lexicons of places find at each token what trying every entry
    /// finds, over the sample texts (the seed article and mixes of the
    /// lexicons' phrases in every case) and the seed article's capitals
    /// and cuts.
    #[test]
    fn place_lexicons_answer_as_a_search_of_every_entry() {
        let mut texts = samples::texts();
        texts.extend(crate::testing::seed_texts(97));
        // The samples hold few regions (`Tây Nguyên` …) but in the seed.
        for (name, found, least) in [
            ("levels", LEVELS.check_against_search(&texts), 100),
            ("names", NAMES.check_against_search(&texts), 100),
            ("titles", TITLES.check_against_search(&texts), 100),
            ("regions", REGIONS.check_against_search(&texts), 1),
        ] {
            assert!(found >= least, "{name}: {found}");
        }
    }

    /// [`all_caps`], which skips a capitalized word's first letter, answers
    /// as reading every letter, at every token of the sample texts and of
    /// their capitals; and no character is both upper and lower case.
    #[test]
    fn all_caps_reads_as_every_letter() {
        let every_letter = |t: &Tokens<'_>, i: usize| {
            let s = t.surface(i);
            t.is_word(i) && !s.chars().any(char::is_lowercase) && s.chars().any(char::is_uppercase)
        };
        let mut caps = 0;
        for text in samples::texts().iter().take(1500) {
            for text in [text.clone(), text.to_uppercase()] {
                let t = Tokens::new(&text);
                for i in 0..t.len() + 2 {
                    let want = every_letter(&t, i);
                    assert_eq!(all_caps(&t, i), want, "{text:?} {i}");
                    caps += usize::from(want);
                }
            }
        }
        assert!(caps > 10_000, "{caps}");
        let both = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .find(|c| c.is_uppercase() && c.is_lowercase());
        assert_eq!(both, None);
    }

    /// [`decode_at`] reads every character as `str::chars` does (and
    /// [`utf8_len`] its length), and [`all_caps`] answers as reading every
    /// letter on random mixes of letters of other scripts and cases: four
    /// bytes (`𝐀`, `𝟗`), titlecase (`ǅ`), letters that change length in
    /// lower case (`İ`), marks, digits and Vietnamese in either case.
    #[test]
    fn all_caps_decodes_as_chars() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let bytes = format!("a{s}b").into_bytes();
            assert_eq!(decode_at(&bytes, 1).0, u32::from(c), "{c:?}");
            assert_eq!(decode_at(&bytes, 1).1, s.len(), "{c:?}");
            assert_eq!(utf8_len(bytes.get(1).copied().unwrap_or(0)), s.len());
        }
        let pieces = [
            "𝐀", "𝐚", "𝟗", "ǅ", "ǆ", "Ǆ", "İ", "ı", "ß", "ẞ", "Ж", "ж", "Ω", "ω", "北", "Ⅻ", "ⓐ",
            "Ⓐ", "\u{301}", "Đ", "đ", "Ư", "ư", "Ộ", "ộ", "A", "a", "1", "'", "’", "-", " ",
        ];
        let every_letter = |t: &Tokens<'_>, i: usize| {
            let s = t.surface(i);
            t.is_word(i) && !s.chars().any(char::is_lowercase) && s.chars().any(char::is_uppercase)
        };
        let mut rng = crate::testing::Rng::new();
        let mut caps = 0;
        for _ in 0..20_000 {
            let text = rng.mix(&pieces, 10, 4);
            let t = Tokens::new(&text);
            for i in 0..t.len() + 1 {
                let want = every_letter(&t, i);
                assert_eq!(all_caps(&t, i), want, "{text:?} {i}");
                caps += usize::from(want);
            }
        }
        assert!(caps > 5_000, "{caps}");
    }

    /// Where [`place_may_start_at`] is `false`, [`place_at`],
    /// [`level_at`] and [`bare_level_at`] find nothing: at every token
    /// (and past the end) of the sample texts, with keys of both kinds.
    #[test]
    fn no_place_nor_level_where_none_may_start() {
        let (mut found, mut ruled_out) = (0, 0);
        for text in samples::texts() {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let keys = Keys::new(&t);
                for i in 0..t.len() + 2 {
                    let any = place_at_word(&t, &keys, i).is_some()
                        || level_at(&t, &keys, i)
                        || bare_level_at(&t, &keys, i).is_some();
                    let may = place_may_start_at(&keys, i);
                    assert!(may || !any, "{text:?} at {i}");
                    found += usize::from(any);
                    ruled_out += usize::from(!may);
                }
            }
        }
        assert!(found > 1_000 && ruled_out > 10_000, "{found} {ruled_out}");
    }

    /// [`capital_words`] gives the capitalized words of a stretch as
    /// collecting them into a vector does, for every stretch of up to 40
    /// tokens of the sample texts and of their capitals (runs longer than
    /// the stack holds among them).
    #[test]
    fn capital_words_are_those_collected() {
        let mut long = 0;
        for text in samples::texts().iter().take(300) {
            for text in [text.clone(), text.to_uppercase()] {
                let t = Tokens::new(&text);
                for from in 0..t.len() + 1 {
                    for to in from..(from + 40).min(t.len() + 2) {
                        let want: Vec<usize> = (from..to)
                            .filter(|k| t.is_word(*k) && capitalized(&t, *k))
                            .collect();
                        let got = capital_words(&t, from, to, <[usize]>::to_vec);
                        assert_eq!(got, want, "{text:?} {from}..{to}");
                        long += usize::from(want.len() > WORDS_ON_STACK);
                    }
                }
            }
        }
        assert!(long > 1_000, "{long}");
    }

    /// [`latin_case`] agrees with Unicode's tables at every code point it
    /// answers for, and answers for every letter of Vietnamese.
    #[test]
    fn latin_case_is_unicode_case() {
        let mut answered = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if let Some(lower) = latin_case(c) {
                assert_eq!(c.is_lowercase(), lower, "{c:?}");
                assert_eq!(c.is_uppercase(), !lower, "{c:?}");
                // A letter ([`super::org`] counts it as one).
                assert!(c.is_alphabetic(), "{c:?}");
                answered += 1;
            }
        }
        assert!(answered > 250, "{answered}");
        let letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
        for c in letters
            .chars()
            .flat_map(|c| [c].into_iter().chain(c.to_uppercase()))
        {
            assert!(latin_case(c).is_some(), "{c:?}");
        }
    }

    /// [`Keys::is`] answers as comparing [`Keys::get`], for keys of both
    /// kinds, at every token of the sample texts (and past the end), with
    /// the token's own key, every lexicon phrase's words and "".
    #[test]
    fn keys_is_compares_as_get() {
        let mut words: Vec<String> = vec![String::new(), "thủy".to_string(), "thuỷ".to_string()];
        let levels = LEVELS.entries.iter().map(|(p, _)| p);
        for pieces in levels.chain(TITLES.entries.iter().map(|(p, _)| p)) {
            words.extend(pieces.iter().map(|p| p.key.clone()));
        }
        let (mut same, mut checked) = (0, 0);
        for text in samples::texts().iter().take(300) {
            for t in [Tokens::new_traditional(text), Tokens::new(text)] {
                let keys = Keys::new(&t);
                for i in 0..t.len() + 2 {
                    let own = keys.get(i).to_string();
                    for w in words.iter().chain([&own]) {
                        let want = keys.get(i) == w.as_str();
                        assert_eq!(keys.is(i, w), want, "{text:?} {i} {w}");
                        same += usize::from(want);
                        checked += 1;
                    }
                }
            }
        }
        assert!(same > 1000 && checked > same * 10, "{same} {checked}");
    }

    fn all(text: &str) -> Vec<(String, PlaceLevel, String)> {
        let t = Tokens::new(text);
        let keys = Keys::new(&t);
        places(&t, &keys)
            .into_iter()
            .map(|m| {
                let s = text
                    .get(t.span(m.start, m.end).range())
                    .unwrap_or_default()
                    .to_string();
                (s, m.level, m.name)
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        all(text).into_iter().map(|(_, _, n)| n).collect()
    }

    #[test]
    fn every_level_word_passes_the_start_table() {
        let starts: &FlagTable = &PLACE_STARTS;
        for (phrase, _, _) in PLACE_LEVELS.iter() {
            for text in [
                format!("ở {phrase} Tân Phú"),
                format!("ở {} Tân Phú", phrase.to_uppercase()),
            ] {
                let t = Tokens::new(&text);
                let keys = Keys::new(&t);
                assert!(LEVELS.longest_at(&t, &keys, 1).is_some(), "{text}");
                assert_ne!(keys.flags(starts, 1) & PLACE_START, 0, "{text}");
                assert_eq!(
                    keys.next_flagged(1, starts, PLACE_START, marks::PLACE),
                    Some(1)
                );
            }
        }
        let t = Tokens::new("tại TPHCM");
        assert_eq!(
            Keys::new(&t).next_flagged(0, starts, PLACE_START, marks::PLACE),
            Some(1)
        );
        // Common words start no place.
        let t = Tokens::new("hôm nay trời đẹp");
        assert_eq!(
            Keys::new(&t).next_flagged(0, starts, PLACE_START, marks::PLACE),
            None
        );
    }

    /// [`Keys::next_flagged`], four tokens a test, finds what a search
    /// token by token finds, from every token (and past the end), with
    /// keys of both kinds.
    #[test]
    fn next_flagged_is_the_first_flagged_token() {
        let starts: &FlagTable = &PLACE_STARTS;
        for text in samples::texts().iter().take(400) {
            for t in [Tokens::new_traditional(text), Tokens::new(text)] {
                let keys = Keys::new(&t);
                for from in 0..t.len() + 2 {
                    let want = (from..t.len()).find(|&k| keys.flags(starts, k) & PLACE_START != 0);
                    assert_eq!(
                        keys.next_flagged(from, starts, PLACE_START, marks::PLACE),
                        want,
                        "{text}"
                    );
                }
            }
        }
    }

    /// [`may_be_named`] rules out no place [`place_after_level`] finds,
    /// over the sample texts (the seed article, mixes of the lexicons'
    /// phrases, names, numbers and common words), with keys of both kinds.
    #[test]
    fn may_be_named_rules_out_no_place() {
        let (mut found, mut ruled_out) = (0, 0);
        let mut texts = samples::texts();
        texts.push("ấp số 5, tổ số 12, quận số 1, khóm số 3, đội số 2, Q.1, TP. Huế".to_string());
        for text in texts {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let keys = Keys::new(&t);
                for i in 0..t.len() + 1 {
                    let place = place_after_level(&t, &keys, i);
                    let may = may_be_named(&t, &keys, i);
                    assert!(may || place.is_none(), "{text} at {i}");
                    found += usize::from(place.is_some());
                    ruled_out += usize::from(!may);
                }
            }
        }
        assert!(found > 1_000 && ruled_out > 10_000, "{found} {ruled_out}");
    }

    #[test]
    fn the_scan_finds_what_asking_at_every_token_finds() {
        for text in samples::texts() {
            // Keys of both kinds: the tokens' own, and rewritten.
            let traditional = Tokens::new_traditional(&text);
            let rewritten = Tokens::new(&text);
            for t in [traditional, rewritten] {
                let keys = Keys::new(&t);
                let mut every = Vec::new();
                places_from(&t, &keys, |i| (i < t.len()).then_some(i), |m| every.push(m));
                assert_eq!(places(&t, &keys), every, "{text}");
            }
        }
    }

    #[test]
    fn statics_load() {
        assert!(LEVELS.entries.len() > 20);
        assert!(!CONTEXT.before.is_empty() && !CONTEXT.first.is_empty());
        assert!(NAMES.entries.len() > 60);
        assert!(SURNAME_SET.contains("nguyễn"));
        assert!(TITLES.entries.len() > 30);
    }

    #[test]
    fn levels_and_names() {
        assert_eq!(
            all("xã Dương Quang tổ chức"),
            vec![(
                "xã Dương Quang".to_string(),
                PlaceLevel::Commune,
                "Dương Quang".to_string()
            )]
        );
        assert_eq!(names("quận 9, phường 5"), vec!["9", "5"]);
        assert_eq!(names("tại TP.HCM và TP HCM, TPHCM"), vec!["Hồ Chí Minh"; 3]);
        assert_eq!(names("tỉnh Bà Rịa - Vũng Tàu"), vec!["Bà Rịa - Vũng Tàu"]);
        assert_eq!(names("HUYỆN MƯỜNG TÈ"), vec!["Mường Tè"]);
        assert_eq!(
            names("Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh"),
            vec!["Quảng Nam"]
        );
        assert_eq!(
            names("Bí thư Thành ủy TP.HCM Đinh La Thăng"),
            vec!["Hồ Chí Minh"]
        );
        assert_eq!(names("UBND TP Đà Nẵng Huỳnh Đức Thơ"), vec!["Đà Nẵng"]);
        assert_eq!(
            names("thành phố Hồ Chí Minh Nguyễn Thiện Nhân"),
            vec!["Hồ Chí Minh"]
        );
        assert_eq!(names("P.12, Q.5"), vec!["12", "5"]);
        assert_eq!(names("Q.Tân Bình"), vec!["Tân Bình"]);
        assert_eq!(
            names("các xã Tân Phú, Tân An và Tân Hòa"),
            vec!["Tân Phú", "Tân An", "Tân Hòa"]
        );
    }

    #[test]
    fn negatives() {
        for text in [
            "trật tự an toàn xã hội",
            "KINH TẾ - XÃ HỘI",
            "Chính trị - Xã Hội",
            "các xã đã hoàn thành",
            "3 xã",
            "huyện nhà, tỉnh bạn, thành phố lớn",
            "hợp tác xã Tân Phú",
            "Thông tấn xã Việt Nam",
            "văn bản Luật Đất đai",
            "Nhật Bản",
            "Buôn Ma Thuột",
            "chị P. cho biết",
            "Tỉnh ủy Quảng Nam",
            "tỉnh ủy",
            "Chủ tịch UBND tỉnh Nguyễn Văn Bình",
        ] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn both_tone_styles() {
        assert!(
            LEVELS
                .longest_at(&Tokens::new("x"), &Keys::new(&Tokens::new("x")), 0)
                .is_none()
        );
        assert_eq!(canonical("uỷ"), "ủy");
        assert_eq!(canonical("hoà"), "hòa");
    }

    #[test]
    fn modern_tone_style() {
        // Text normalized in the modern style keeps `hoà`, `uỷ`.
        assert_eq!(names("tỉnh Khánh Hoà"), vec!["Khánh Hoà"]);
        assert_eq!(names("Tỉnh uỷ Khánh Hoà"), Vec::<String>::new());
    }

    #[test]
    fn no_panic_on_odd_input() {
        let odd = [
            "",
            "xã",
            "TP.",
            "Q.",
            "P.12.",
            "tổ dân phố số",
            "các xã A,",
            "các xã Tân Phú, Tân An, Tân Hòa, Tân Bình, Tân Thạnh, Tân Mỹ và",
            "huyện M'",
            "HUYỆN",
            "\u{301}xã\u{0}Dương\u{202e}Quang",
            "thôn 👍🏽 7️⃣ xã ١٢٣ phường １３",
            "quận 99999999999999999999999",
        ];
        for text in odd {
            let t = Tokens::new(text);
            let keys = Keys::new(&t);
            for m in places(&t, &keys) {
                assert!(m.start < m.end && m.end <= t.len(), "{text}");
                assert!(text.get(t.span(m.start, m.end).range()).is_some());
            }
        }
    }
}
