//! Fact extraction over the tokens of normalized text: one file per fact
//! kind, all sharing [`Ctx`].
//!
//! | file | kind | examples |
//! |---|---|---|
//! | `date/` | `date` | `năm 2017`, `ngày 15/3/2018`, `quý I/2024`, `2021 – 2026`, `hôm qua` |
//! | `money.rs` | `money` | `1,2 tỷ đồng`, `5 USD`, `200 triệu` after a money verb |
//! | `percent.rs` | `percentage` | `vượt 13,6% kế hoạch`, `10–15%`, `ba phẩy năm phần trăm` |
//! | `count.rs` | `count` | `19 cá nhân`, `28.500 tấn` |
//! | `number.rs` | `number` | every numeral, with `--numbers` |
//! | `award.rs` | `award` | `7 tập thể và 19 cá nhân … được Đảng bộ xã tặng Giấy khen` |
//! | `project.rs` | `project` | `Dự án Hồ chứa nước Nặm Cắt`, `Thủy điện Sông Bung 4` |
//! | `place.rs` | `place` | `xã Dương Quang`, `quận 9`, `TP.HCM` |
//! | `org.rs` | `organization` | `Đảng bộ xã Dương Quang`, `UBND tỉnh`, `Thành ủy` |
//! | `title.rs` | `title` | `“Gia đình văn hóa”` |
//! | `event.rs` | `event` | `Đại hội thể dục thể thao lần thứ hai` |
//! | `name.rs` | — | proper names: runs of capitalized syllables |
//! | `sentence.rs` | — | sentence spans of the document |
//! | `marks.rs` | — | one mark per token: what may start there (a kind's words, punctuation, sentence ends), for the kinds' skip loops |
//! | `calendar.rs` | — | the reference date, calendar arithmetic |
//!
//! The kinds run in a fixed order and *claim* the tokens they use, so a later
//! kind does not read the same digits again: dates first (`15/3/2018` is not
//! three numbers), then money, percentages and counts. Number facts (when
//! asked for) are emitted for every numeral, claimed or not, but for the
//! numbers inside a date (`15/3/2018` is a date, not three numerals).
//! The report kinds (awards, projects, places, organizations, titles,
//! events) read the tokens without claiming them: an award contains its
//! counts, an organization its place.

pub(crate) mod award;
pub(crate) mod calendar;
pub(crate) mod count;
pub(crate) mod date;
pub(crate) mod event;
pub(crate) mod marks;
pub(crate) mod money;
pub(crate) mod name;
pub(crate) mod number;
pub(crate) mod org;
pub(crate) mod percent;
pub(crate) mod place;
pub(crate) mod project;
pub(crate) mod sentence;
pub(crate) mod title;

use crate::fact::{FactKind, FactValue, Qualifier};
use crate::number::{Bad, NumberMatch, Style};
use crate::token::{Tokens, WordFilter, word_hash};
pub use calendar::RefDate;

/// A fact found in the normalized text, by token range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// First token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    pub(crate) value: FactValue,
    pub(crate) rule: &'static str,
}

/// The memory of a [`Ctx`] but its tokens, kept for the next block.
#[derive(Default)]
pub(crate) struct CtxBuffers {
    claimed: Vec<Option<FactKind>>,
    marks: marks::Marks,
    found: Vec<Found>,
    bad: Vec<Bad>,
}

/// What every extractor reads and writes.
pub(crate) struct Ctx<'t> {
    pub(crate) tokens: Tokens<'t>,
    pub(crate) style: Style,
    /// Tokens already used by a fact of an earlier kind, and which kind.
    claimed: Vec<Option<FactKind>>,
    /// What may happen at each token ([`marks`]).
    pub(crate) marks: marks::Marks,
    pub(crate) found: Vec<Found>,
    /// Numbers the grammar could not read (reported as diagnostics).
    pub(crate) bad: Vec<Bad>,
    /// The caller's reference date, for relative dates.
    pub(crate) reference: Option<RefDate>,
}

impl<'t> Ctx<'t> {
    #[cfg(test)]
    pub(crate) fn new(text: &'t str, reference: Option<RefDate>) -> Ctx<'t> {
        Ctx::with_tokens_in(Tokens::new(text), None, reference, CtxBuffers::default())
    }

    /// A context over tokens already made (see [`Tokens::new_in`]), in the
    /// given decimal style (that of the whole text, when the tokens are one
    /// block of it) or else in the tokens' own, reusing the claims, facts
    /// and diagnostics buffers of an earlier block (see [`Ctx::into_parts`]).
    pub(crate) fn with_tokens_in(
        tokens: Tokens<'t>,
        style: Option<Style>,
        reference: Option<RefDate>,
        parts: CtxBuffers,
    ) -> Ctx<'t> {
        let style = style.unwrap_or_else(|| Style::of(&tokens));
        let CtxBuffers {
            mut claimed,
            mut marks,
            mut found,
            mut bad,
        } = parts;
        claimed.clear();
        claimed.resize(tokens.len(), None);
        marks.fill(&tokens);
        found.clear();
        bad.clear();
        Ctx {
            tokens,
            style,
            claimed,
            marks,
            found,
            bad,
            reference,
        }
    }

    /// The tokens and the buffers, for the next block.
    pub(crate) fn into_parts(self) -> (Tokens<'t>, CtxBuffers) {
        (
            self.tokens,
            CtxBuffers {
                claimed: self.claimed,
                marks: self.marks,
                found: self.found,
                bad: self.bad,
            },
        )
    }

    /// Are tokens `start..end` all unclaimed?
    pub(crate) fn free(&self, start: usize, end: usize) -> bool {
        self.claimed
            .get(start..end)
            .is_some_and(|c| c.iter().all(Option::is_none))
    }

    /// Is token `i` claimed?
    pub(crate) fn claimed(&self, i: usize) -> bool {
        self.claimed_by(i).is_some()
    }

    /// The kind that claimed token `i`.
    pub(crate) fn claimed_by(&self, i: usize) -> Option<FactKind> {
        self.claimed.get(i).copied().flatten()
    }

    /// Records a fact and claims its tokens.
    pub(crate) fn push(&mut self, start: usize, end: usize, value: FactValue, rule: &'static str) {
        self.claim(start, end, value.kind());
        self.found.push(Found {
            start,
            end,
            value,
            rule,
        });
    }

    /// Claims tokens without a fact: what a kind recognized as its own but
    /// rejected (`31/02/2017` is an invalid date, not three numbers).
    pub(crate) fn claim(&mut self, start: usize, end: usize, kind: FactKind) {
        if let Some(c) = self.claimed.get_mut(start..end) {
            c.iter_mut().for_each(|x| *x = Some(kind));
        }
    }

    /// Records a fact without claiming its tokens (number facts).
    pub(crate) fn push_unclaimed(
        &mut self,
        start: usize,
        end: usize,
        value: FactValue,
        rule: &'static str,
    ) {
        self.found.push(Found {
            start,
            end,
            value,
            rule,
        });
    }

    /// Reports a number that could not be read (once per span).
    pub(crate) fn report(&mut self, bad: Bad) {
        if !self
            .bad
            .iter()
            .any(|b| b.start == bad.start && b.end == bad.end)
        {
            self.bad.push(bad);
        }
    }
}

/// Qualifier phrases that money and percentages add to the number
/// grammar's own (`qualifier.rs`): comparisons written with `hơn`.
const MORE_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("không cao hơn", Qualifier::AtMost),
    ("không nhiều hơn", Qualifier::AtMost),
    ("không hơn", Qualifier::AtMost),
    ("nhiều hơn", Qualifier::MoreThan),
    ("cao hơn", Qualifier::MoreThan),
    ("lớn hơn", Qualifier::MoreThan),
    ("ít hơn", Qualifier::LessThan),
    ("kém hơn", Qualifier::LessThan),
    ("thấp hơn", Qualifier::LessThan),
    ("nhỏ hơn", Qualifier::LessThan),
    ("khoảng chừng", Qualifier::About),
    ("tầm khoảng", Qualifier::About),
    ("vào khoảng", Qualifier::About),
    ("tầm", Qualifier::About),
];

/// The qualifier ending right before token `i`: its first token and meaning.
static MORE_QUALIFIER_PHRASES: once_cell::sync::Lazy<Phrases> =
    once_cell::sync::Lazy::new(|| Phrases::new(MORE_QUALIFIERS.iter().map(|(p, _)| *p)));

/// The last words of every qualifier phrase (the grammar's and the kinds'
/// own), by hash.
static QUALIFIER_LASTS: once_cell::sync::Lazy<WordFilter> = once_cell::sync::Lazy::new(|| {
    let mut f = WordFilter::default();
    let phrases = MORE_QUALIFIERS
        .iter()
        .chain(crate::number::qualifier::PHRASES)
        .map(|(p, _)| *p);
    for p in phrases {
        f.insert(p.rsplit(' ').next().unwrap_or(p));
    }
    f
});

/// The qualifier ending right before token `i` (`khoảng`, `hơn`, `không
/// quá`): its first token and meaning. The word before `i` is ruled out at
/// one bit test first (most words before a money amount, a percentage or
/// a count end no qualifier), before a look-up in each of the two lists.
#[inline]
pub(crate) fn qualifier_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
    let h = t.hash(i.checked_sub(1)?)?;
    if !QUALIFIER_LASTS.may_contain(h) {
        return None;
    }
    qualifier_looked_up(t, i)
}

/// [`qualifier_before`] without its bit test: both lists looked up. The
/// longest phrase wins (`không ít hơn` over `ít hơn`).
fn qualifier_looked_up(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
    let mine = MORE_QUALIFIER_PHRASES
        .longest_ending_before(t, i)
        .and_then(|(start, k)| MORE_QUALIFIERS.get(k).map(|(_, q)| (start, *q)));
    let grammar = crate::number::qualifier::qualifier_before(t, i);
    match (mine, grammar) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A connector between the two ends of a range at token `i`: `-`, `–`,
/// `—`, `đến`, `tới`, `và` (after `giữa`), `~`. Returns the number of tokens.
pub(crate) fn range_connector(t: &Tokens<'_>, i: usize, between: bool) -> Option<usize> {
    if t.is_punct(i, '-') || t.is_punct(i, '–') || t.is_punct(i, '—') || t.is_punct(i, '~') {
        return Some(1);
    }
    if t.is(i, "đến") || t.is(i, "tới") || (between && t.is(i, "và")) {
        return Some(1);
    }
    None
}

/// The second number of a range whose connector starts at token `i`.
pub(crate) fn range_end(
    t: &Tokens<'_>,
    style: &Style,
    i: usize,
    between: bool,
) -> Option<NumberMatch> {
    let n = range_connector(t, i, between)?;
    crate::number::number_at(t, i + n, style).number()
}

/// Does token `i` end a clause (for subjects): `,` `;` `:` `.` `!` `?` `(`
/// `)`, or start a line?
pub(crate) fn clause_break(t: &Tokens<'_>, i: usize) -> bool {
    let Some(tok) = t.get(i) else { return false };
    match tok.kind {
        // `13,6`, `1.234`: a separator inside a number breaks nothing.
        crate::token::Kind::Punct(',' | '.') => {
            !(t.joined(i) && t.joined(i + 1) && t.is_digits(i + 1) && i > 0 && t.is_digits(i - 1))
        }
        crate::token::Kind::Punct(';' | ':' | '!' | '?' | '(' | ')' | '…') => true,
        _ => false,
    }
}

/// May a number start at token `i`? Not right after another digit or a
/// separator of another script (`13٫6%` is one token, not `6%`;
/// BAD_INPUTS #26), nor after a digit of another script.
pub(crate) fn clean_number_start(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.joined(i) {
        return true;
    }
    !matches!(
        t.get(i - 1).map(|x| x.kind),
        Some(crate::token::Kind::Punct(c)) if c.is_numeric() || matches!(c, '٫' | '٬' | '⹁' | '·')
    )
}

/// A fast hasher for short keys (the FxHash mix): lexicon lookups hash one
/// word per token, where SipHash's DoS resistance buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl core::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            if let Some(dst) = w.get_mut(..chunk.len()) {
                dst.copy_from_slice(chunk);
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with [`FxHasher`].
pub(crate) type FxMap<K, V> =
    std::collections::HashMap<K, V, core::hash::BuildHasherDefault<FxHasher>>;

/// A set with [`FxHasher`].
pub(crate) type FxSet<K> = std::collections::HashSet<K, core::hash::BuildHasherDefault<FxHasher>>;

/// A set of words (lower case, or the canonical keys of `place.rs`),
/// tested by a token's precomputed [`word_hash`] against a bit table first:
/// most tokens cost one bit test, and only the others a look-up.
pub(crate) struct WordSet {
    filter: WordFilter,
    words: FxSet<String>,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) fn new<S: Into<String>>(words: impl IntoIterator<Item = S>) -> WordSet {
        let words: FxSet<String> = words.into_iter().map(Into::into).collect();
        let mut filter = WordFilter::default();
        for w in &words {
            filter.insert(w);
        }
        WordSet { filter, words }
    }

    /// Is `word`, whose [`word_hash`] is `h`, in the set?
    #[inline]
    pub(crate) fn contains_hashed(&self, h: u32, word: &str) -> bool {
        self.filter.may_contain(h) && self.words.contains(word)
    }

    /// Is token `j` a word whose lower-case form is in the set (as
    /// `list.contains(&t.lower(j))` for a word)?
    #[inline]
    pub(crate) fn has(&self, t: &Tokens<'_>, j: usize) -> bool {
        t.is_word(j)
            && t.hash(j)
                .is_some_and(|h| self.contains_hashed(h, t.lower(j)))
    }

    /// Is `word` in the set?
    #[cfg(test)]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// A set of word pairs, asked with two `&str` and no allocation (the
/// context lexicons: a level word and the word before it).
#[derive(Default)]
pub(crate) struct PairSet(FxMap<String, FxSet<String>>);

impl PairSet {
    /// Adds the pair (`a`, `b`).
    pub(crate) fn insert(&mut self, a: String, b: String) {
        self.0.entry(a).or_default().insert(b);
    }

    /// Is (`a`, `b`) in the set?
    pub(crate) fn contains(&self, a: &str, b: &str) -> bool {
        self.0.get(a).is_some_and(|s| s.contains(b))
    }

    /// Is the set empty?
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A list of lower-case phrases (words separated by single spaces; a
/// punctuation character is a word of its own: `us $`), split once and
/// indexed by the [`word_hash`]es of their first two words (and of their
/// last two): the candidates at a token are those that agree with the
/// hashes of that token and the next, read from one bucket of a flat
/// array ([`PhraseBuckets`]), and only their words are compared. The
/// report kinds (projects, awards, events, titles) and money look up lists
/// in which many phrases start with a common word (`nhà`, `trường`, `khu`,
/// `hội`), where comparing each of them cost a string comparison or more.
pub(crate) struct Phrases {
    /// Each phrase's words with their hashes.
    words: Vec<Vec<(&'static str, u32)>>,
    /// Phrases of two words or more by the hashes of their first two
    /// words, and phrases of one word by its hash; the candidates of one
    /// key longest first, then in list order: the first that matches is
    /// the answer.
    by_first_two: PhraseBuckets,
    by_first: PhraseBuckets,
    /// The same by the hashes of their last two words (the last first)
    /// and last word.
    by_last_two: PhraseBuckets,
    by_last: PhraseBuckets,
    /// The first and the last words (one bit test rules out most tokens).
    firsts: WordFilter,
    lasts: WordFilter,
}

/// A candidate of [`PhraseBuckets`]: the two word hashes it is keyed by
/// (the second 0 for a phrase of one word), the hash of the word after
/// them (of a phrase of three words or more: the third word, or the third
/// from the end), the phrase's index and its number of words. A look-up
/// compares the hashes in the bucket and reads the words of those that
/// agree only: many phrases share their first two words (`nhà máy thủy
/// điện`, `nhà máy nhiệt điện`, `nhà máy xi măng`), and most differ in the
/// third.
#[derive(Clone, Copy, Debug)]
struct PhraseCand {
    a: u32,
    b: u32,
    c: u32,
    index: u32,
    len: u32,
}

impl PhraseCand {
    /// Do the hashes of the candidate agree with `a`, `b` and (for a
    /// phrase of three words or more) `c`?
    #[inline]
    fn agrees(&self, a: u32, b: u32, c: Option<u32>) -> bool {
        self.a == a && self.b == b && (self.len < 3 || c == Some(self.c))
    }
}

/// Candidates in buckets by the low bits of a mix of their two hashes,
/// laid out in one array: a look-up reads a bucket's bounds and compares a
/// few hashes, where a hash map hashed its key again and probed for it.
struct PhraseBuckets {
    /// Bucket `b` is `cands[bounds[b]..bounds[b + 1]]`.
    bounds: Vec<u32>,
    cands: Vec<PhraseCand>,
}

impl PhraseBuckets {
    /// Buckets (a power of two: the low bits of the mix pick one).
    const SLOTS: usize = 256;

    /// The bucket of the hashes `a`, `b`.
    #[inline]
    fn slot(a: u32, b: u32) -> usize {
        (a.rotate_left(11) ^ b) as usize % Self::SLOTS
    }

    /// The candidates in buckets, each bucket in the order given.
    fn new(mut items: Vec<PhraseCand>) -> PhraseBuckets {
        // A stable sort: a bucket keeps the order of its candidates.
        items.sort_by_key(|c| Self::slot(c.a, c.b));
        let mut bounds = vec![0u32; Self::SLOTS + 1];
        for c in &items {
            if let Some(b) = bounds.get_mut(Self::slot(c.a, c.b) + 1) {
                *b += 1;
            }
        }
        for b in 1..bounds.len() {
            let before = bounds.get(b - 1).copied().unwrap_or(0);
            if let Some(x) = bounds.get_mut(b) {
                *x += before;
            }
        }
        PhraseBuckets {
            bounds,
            cands: items,
        }
    }

    /// The bucket of the hashes `a`, `b`: every candidate keyed by them,
    /// in order, among others to rule out by their hashes.
    #[inline]
    fn get(&self, a: u32, b: u32) -> &[PhraseCand] {
        let s = Self::slot(a, b);
        match (self.bounds.get(s), self.bounds.get(s + 1)) {
            (Some(&from), Some(&to)) => self
                .cands
                .get(from as usize..to as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

impl Phrases {
    pub(crate) fn new(items: impl IntoIterator<Item = &'static str>) -> Phrases {
        let words: Vec<Vec<(&'static str, u32)>> = items
            .into_iter()
            .map(|p| p.split(' ').map(|w| (w, word_hash(w))).collect())
            .collect();
        let mut firsts = WordFilter::default();
        let mut lasts = WordFilter::default();
        let (mut first_two, mut first, mut last_two, mut last) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, w) in words.iter().enumerate() {
            let hashes: Vec<u32> = w.iter().map(|&(_, h)| h).collect();
            let cand = |a: u32, b: u32, c: Option<&u32>| PhraseCand {
                a,
                b,
                c: c.copied().unwrap_or(0),
                index: u32::try_from(k).unwrap_or(u32::MAX),
                len: u32::try_from(hashes.len()).unwrap_or(u32::MAX),
            };
            match hashes.as_slice() {
                [] => {}
                [h] => {
                    first.push(cand(*h, 0, None));
                    last.push(cand(*h, 0, None));
                }
                [a, b, ..] => {
                    first_two.push(cand(*a, *b, hashes.get(2)));
                    if let [.., y, z] = hashes.as_slice() {
                        let x = hashes.len().checked_sub(3).and_then(|n| hashes.get(n));
                        last_two.push(cand(*z, *y, x));
                    }
                }
            }
            if let (Some(f), Some(l)) = (hashes.first(), hashes.last()) {
                firsts.insert_hash(*f);
                lasts.insert_hash(*l);
            }
        }
        // Longest first, then in list order (a stable sort keeps it).
        for list in [&mut first_two, &mut last_two] {
            list.sort_by_key(|c| core::cmp::Reverse(c.len));
        }
        Phrases {
            words,
            by_first_two: PhraseBuckets::new(first_two),
            by_first: PhraseBuckets::new(first),
            by_last_two: PhraseBuckets::new(last_two),
            by_last: PhraseBuckets::new(last),
            firsts,
            lasts,
        }
    }

    /// Do tokens `start..` spell phrase `k`? The hashes of the words past
    /// the first two first, then the words.
    #[inline]
    fn matches(&self, t: &Tokens<'_>, start: usize, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| {
            w.iter()
                .enumerate()
                .skip(2)
                .all(|(n, &(_, h))| t.hash(start + n) == Some(h))
                && w.iter()
                    .enumerate()
                    .all(|(n, &(word, _))| t.lower_is(start + n, word))
        })
    }

    /// May a phrase start at token `i`? `false` is sure (one bit test).
    #[inline]
    pub(crate) fn may_start_at(&self, t: &Tokens<'_>, i: usize) -> bool {
        t.hash(i).is_some_and(|h| self.firsts.may_contain(h))
    }

    /// The bit table of the phrases' first words (see [`marks`]).
    pub(crate) fn first_filter(&self) -> &WordFilter {
        &self.firsts
    }

    /// May a phrase start with a word of hash `h`? `false` is sure.
    #[inline]
    pub(crate) fn may_start_hash(&self, h: u32) -> bool {
        self.firsts.may_contain(h)
    }

    /// The longest phrase starting at token `i` (the first in the list
    /// among the longest): (number of tokens, index).
    #[inline]
    pub(crate) fn longest_at(&self, t: &Tokens<'_>, i: usize) -> Option<(usize, usize)> {
        let h = t.hash(i)?;
        if !self.firsts.may_contain(h) {
            return None;
        }
        self.longest_with(t, i, h)
    }

    /// [`Phrases::longest_at`] past the bit test: the candidates keyed by
    /// the first two words, then those of one word.
    fn longest_with(&self, t: &Tokens<'_>, i: usize, h: u32) -> Option<(usize, usize)> {
        if let Some(h1) = t.hash(i + 1) {
            let h2 = t.hash(i + 2);
            for c in self.by_first_two.get(h, h1) {
                if c.agrees(h, h1, h2) && self.matches(t, i, c.index as usize) {
                    return Some((c.len as usize, c.index as usize));
                }
            }
        }
        for c in self.by_first.get(h, 0) {
            if c.a == h && self.matches(t, i, c.index as usize) {
                return Some((c.len as usize, c.index as usize));
            }
        }
        None
    }

    /// Does a phrase start at token `i`?
    #[inline]
    pub(crate) fn starts_at(&self, t: &Tokens<'_>, i: usize) -> bool {
        self.longest_at(t, i).is_some()
    }

    /// The longest phrase ending right before token `i` (the first in the
    /// list among the longest): (first token, index).
    pub(crate) fn longest_ending_before(&self, t: &Tokens<'_>, i: usize) -> Option<(usize, usize)> {
        let h = t.hash(i.checked_sub(1)?)?;
        if !self.lasts.may_contain(h) {
            return None;
        }
        let at = |c: &PhraseCand| {
            let start = i.checked_sub(c.len as usize)?;
            let k = c.index as usize;
            self.matches(t, start, k).then_some((start, k))
        };
        if let Some(h1) = i.checked_sub(2).and_then(|p| t.hash(p)) {
            let h2 = i.checked_sub(3).and_then(|p| t.hash(p));
            for c in self.by_last_two.get(h, h1) {
                if c.agrees(h, h1, h2) {
                    if let Some(found) = at(c) {
                        return Some(found);
                    }
                }
            }
        }
        self.by_last
            .get(h, 0)
            .iter()
            .filter(|c| c.a == h)
            .find_map(at)
    }
}

/// The facts `at` makes of the numbers [`each_number`] finds where
/// `may_use(t, k)` holds at the token `k` their readings end by (see the
/// gate of [`each_number`]), in order, as (first token, end token, value);
/// the pass goes on after each fact.
pub(crate) fn facts_of_numbers<'t, T>(
    ctx: &mut Ctx<'t>,
    may_use: impl Fn(&Tokens<'t>, usize) -> bool,
    at: impl Fn(&Ctx<'t>, NumberMatch) -> Option<(usize, usize, T)>,
) -> Vec<(usize, usize, T)> {
    let mut found = Vec::new();
    each_number(
        ctx,
        |t, k| may_use(t, k).then_some(()),
        |ctx, a, _| {
            let f = at(ctx, a)?;
            let end = f.1;
            found.push(f);
            Some(end)
        },
    );
    found
}

/// Calls `f` with every readable number that starts in an unclaimed token,
/// left to right, and the context (a fact may be pushed at once: it claims
/// only tokens the pass has gone by). `f` returns the token after what it
/// used (a fact's end), or `None` to go on after the number. Only the
/// tokens a number may start at are visited ([`Tokens::number_starts`]).
///
/// A number start whose readings all end by a token `k` known without
/// reading ([`number::reading_ends_by`]: `không có`, `năm 2017`, `1.234.567
/// lượt`) is first given to `gate(t, k)`. `None` must be sure: `f` makes
/// nothing of any number that ends before `k`; the pass then goes on at `k`
/// whatever the grammar would read there (most number words and many
/// digits are followed by no `%`, unit or range connector, and are never
/// read). `Some(x)` has the number read, and `f` gets `(k, x)` with it:
/// what the gate found at `k` (a count's unit), so that it is not looked
/// for twice.
#[inline(always)]
pub(crate) fn each_number<'t, K>(
    ctx: &mut Ctx<'t>,
    gate: impl Fn(&Tokens<'t>, usize) -> Option<K>,
    mut f: impl FnMut(&mut Ctx<'t>, NumberMatch, Option<(usize, K)>) -> Option<usize>,
) {
    use crate::number::{self, Parsed};
    let mut i = 0;
    let mut k = 0;
    while let Some(&s) = ctx.tokens.number_starts().get(k) {
        k += 1;
        if s < i {
            continue;
        }
        i = s;
        if ctx.claimed(i) {
            i += 1;
            continue;
        }
        let t = &ctx.tokens;
        let mut known = None;
        if let Some(end) = number::reading_ends_by(t, i) {
            match gate(t, end) {
                Some(x) => known = Some((end, x)),
                None => {
                    i = end;
                    continue;
                }
            }
        }
        i = match number::number_at(t, i, &ctx.style) {
            Parsed::Number(a) if clean_number_start(t, a.start) => {
                f(ctx, a, known).unwrap_or(a.end).max(i + 1)
            }
            Parsed::Number(a) => a.end.max(i + 1),
            Parsed::Bad(b) => b.end.max(i + 1),
            Parsed::None => i + 1,
        };
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&MORE_QUALIFIER_PHRASES);
    once_cell::sync::Lazy::force(&QUALIFIER_LASTS);
    crate::normalize::class::warm();
    crate::normalize::syllable::warm();
    crate::token::warm();
    crate::lexicon::warm();
    crate::number::words::warm();
    crate::number::qualifier::warm();
    award::warm();
    count::warm();
    date::warm();
    event::warm();
    money::warm();
    org::warm();
    percent::warm();
    place::warm();
    project::warm();
    title::warm();
    marks::warm();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_before_a_qualifier_loses_none() {
        // At every token of the texts that compare the number kinds'
        // shortcuts and of random mixes of qualifier words, numbers and
        // other words: the qualifier found after the bit test is the one
        // found without it.
        let mut pieces: Vec<&str> = MORE_QUALIFIERS
            .iter()
            .chain(crate::number::qualifier::PHRASES)
            .map(|(p, _)| *p)
            .collect();
        pieces.extend([
            "5", "hai", "người", "%", "đồng", ",", "(", "\n", "Khoảng", "HƠN", "như", "đến", "có",
        ]);
        let mut rng = crate::testing::Rng::new();
        let mut texts: Vec<String> = (0..5_000).map(|_| rng.mix(&pieces, 8, 1)).collect();
        texts.extend(crate::number::tests::around_numbers(3_000));
        let (mut found, mut ruled_out) = (0, 0);
        for text in &texts {
            let t = crate::token::Tokens::new(text);
            for i in 0..=t.len() + 1 {
                let full = qualifier_looked_up(&t, i);
                assert_eq!(qualifier_before(&t, i), full, "{text:?} {i}");
                found += usize::from(full.is_some());
                let h = i.checked_sub(1).and_then(|j| t.hash(j));
                ruled_out += usize::from(h.is_some_and(|h| !QUALIFIER_LASTS.may_contain(h)));
            }
        }
        assert!(found > 5_000 && ruled_out > 50_000, "{found} {ruled_out}");
    }

    /// The plain search [`Phrases`] stands for: every phrase of `list`
    /// tried at token `i`, the longest kept (the first in the list among
    /// the longest); and every phrase ending right before `i`, the one
    /// starting first kept (the first in the list among those).
    pub(super) fn plain(t: &Tokens<'_>, list: &[&str], i: usize) -> [Option<(usize, usize)>; 2] {
        let spells = |start: usize, p: &str| {
            p.split(' ')
                .enumerate()
                .all(|(n, w)| start + n < t.len() && t.lower(start + n) == w)
        };
        let at = list
            .iter()
            .enumerate()
            .filter(|(_, p)| spells(i, p))
            .map(|(k, p)| (p.split(' ').count(), k))
            .max_by_key(|&(n, k)| (n, core::cmp::Reverse(k)));
        let before = list
            .iter()
            .enumerate()
            .filter_map(|(k, p)| {
                let start = i.checked_sub(p.split(' ').count())?;
                spells(start, p).then_some((start, k))
            })
            .min();
        [at, before]
    }

    /// [`Phrases::longest_at`] and [`Phrases::longest_ending_before`]
    /// answer as the plain search, at every token (and past the end) of
    /// random mixes of the words of the lexicons' lists (in lower case,
    /// capitalized and in capitals, with punctuation, digits and line
    /// breaks) and of the seed texts, for every list: lists with shared
    /// first and last words, one-word phrases that start or end longer
    /// ones, duplicates, and more phrases than buckets.
    #[test]
    fn phrases_answer_as_the_plain_search() {
        let lex = crate::lexicon::PROJECT_CATEGORIES
            .iter()
            .map(|(_, _, p)| *p);
        let mut lists: Vec<Vec<&'static str>> = vec![
            lex.collect(),
            crate::lexicon::EVENT_HEADS
                .iter()
                .map(|(_, p)| *p)
                .collect(),
            crate::lexicon::TITLE_TRIGGERS
                .iter()
                .map(|(_, p)| *p)
                .collect(),
            crate::lexicon::HONOR_TITLES.to_vec(),
            crate::lexicon::CAMPAIGNS.to_vec(),
            crate::lexicon::HONORS.iter().map(|(h, _)| *h).collect(),
            crate::lexicon::AWARD_VERBS
                .iter()
                .map(|(v, _)| *v)
                .collect(),
            MORE_QUALIFIERS.iter().map(|(p, _)| *p).collect(),
            vec![
                "hội",
                "hội nghị",
                "đại hội",
                "hội nghị",
                "nghị",
                "a b c",
                "b c",
                "c",
            ],
        ];
        // One list of every phrase: more phrases than buckets.
        let all: Vec<&'static str> = lists.iter().flatten().copied().collect();
        lists.push(all);
        let mut words: Vec<String> = Vec::new();
        for p in lists.iter().flatten() {
            for w in p.split(' ') {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                let mut cs = w.chars();
                if let Some(c) = cs.next() {
                    words.push(c.to_uppercase().chain(cs).collect());
                }
            }
        }
        // Whole phrases too, so that many are spelled.
        for p in lists.iter().flatten() {
            words.push(p.to_string());
            words.push(p.to_uppercase());
        }
        words.sort();
        words.dedup();
        for w in [",", ".", ":", "2017", "\n", "“", "”", "và", "của"] {
            words.push(w.to_string());
        }
        let pieces: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut texts = crate::testing::seed_texts(211);
        let mut rng = crate::testing::Rng::new();
        for k in 0..3_000 {
            texts.push(rng.mix(&pieces, 16, if k % 5 == 0 { 3 } else { 1 }));
        }
        let phrases: Vec<Phrases> = lists.iter().map(|l| Phrases::new(l.clone())).collect();
        let (mut at, mut before) = (0, 0);
        for text in &texts {
            let t = Tokens::new(text);
            for (list, p) in lists.iter().zip(&phrases) {
                for i in 0..t.len() + 2 {
                    let [want_at, want_before] = plain(&t, list, i);
                    assert_eq!(p.longest_at(&t, i), want_at, "{text:?} {i}");
                    assert_eq!(p.longest_ending_before(&t, i), want_before, "{text:?} {i}");
                    assert_eq!(p.starts_at(&t, i), want_at.is_some());
                    assert!(want_at.is_none() || p.may_start_at(&t, i));
                    at += usize::from(want_at.is_some_and(|(n, _)| n > 1));
                    before += usize::from(want_before.is_some_and(|(s, _)| s + 1 < i));
                }
            }
        }
        // Many phrases of two words or more are found both ways.
        assert!(at > 5_000 && before > 5_000, "{at} {before}");
    }
}
