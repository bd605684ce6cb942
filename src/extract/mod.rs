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

/// The longest phrase wins (`không ít hơn` over `ít hơn`).
pub(crate) fn qualifier_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Qualifier)> {
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
/// hashes of that token and the next, found at one or two map lookups, and
/// only their words are compared. The report kinds (projects, awards,
/// events, titles) look up lists in which many phrases start with a common
/// word (`nhà`, `trường`, `khu`, `hội`), where comparing each of them cost
/// a string comparison or more.
pub(crate) struct Phrases {
    /// Each phrase's words with their hashes.
    words: Vec<Vec<(&'static str, u32)>>,
    /// Phrases of two words or more by the hashes of their first two
    /// words, and phrases of one word by its hash; each list longest
    /// first, then in list order: the first that matches is the answer.
    by_first_two: FxMap<u64, Vec<usize>>,
    by_first: FxMap<u32, Vec<usize>>,
    /// The same by the hashes of their last two words and last word.
    by_last_two: FxMap<u64, Vec<usize>>,
    by_last: FxMap<u32, Vec<usize>>,
    /// The first and the last words (one bit test rules out most tokens).
    firsts: WordFilter,
    lasts: WordFilter,
}

/// Two word hashes as one key.
#[inline]
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Phrases {
    pub(crate) fn new(items: impl IntoIterator<Item = &'static str>) -> Phrases {
        let words: Vec<Vec<(&'static str, u32)>> = items
            .into_iter()
            .map(|p| p.split(' ').map(|w| (w, word_hash(w))).collect())
            .collect();
        let mut lexicon = Phrases {
            words: Vec::new(),
            by_first_two: FxMap::default(),
            by_first: FxMap::default(),
            by_last_two: FxMap::default(),
            by_last: FxMap::default(),
            firsts: WordFilter::default(),
            lasts: WordFilter::default(),
        };
        for (k, w) in words.iter().enumerate() {
            let hashes: Vec<u32> = w.iter().map(|&(_, h)| h).collect();
            match hashes.as_slice() {
                [] => {}
                [h] => {
                    lexicon.by_first.entry(*h).or_default().push(k);
                    lexicon.by_last.entry(*h).or_default().push(k);
                }
                [a, b, ..] => {
                    lexicon
                        .by_first_two
                        .entry(pair_key(*a, *b))
                        .or_default()
                        .push(k);
                    if let [.., y, z] = hashes.as_slice() {
                        lexicon
                            .by_last_two
                            .entry(pair_key(*z, *y))
                            .or_default()
                            .push(k);
                    }
                }
            }
            if let (Some(first), Some(last)) = (hashes.first(), hashes.last()) {
                lexicon.firsts.insert_hash(*first);
                lexicon.lasts.insert_hash(*last);
            }
        }
        let len = |k: &usize| words.get(*k).map_or(0, Vec::len);
        for list in lexicon
            .by_first_two
            .values_mut()
            .chain(lexicon.by_last_two.values_mut())
        {
            list.sort_by_key(|k| (core::cmp::Reverse(len(k)), *k));
        }
        lexicon.words = words;
        lexicon
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

    /// [`Phrases::longest_at`] past the bit test.
    fn longest_with(&self, t: &Tokens<'_>, i: usize, h: u32) -> Option<(usize, usize)> {
        let long = t
            .hash(i + 1)
            .and_then(|h1| self.by_first_two.get(&pair_key(h, h1)))
            .and_then(|list| list.iter().find(|&&k| self.matches(t, i, k)));
        let k = match long {
            Some(&k) => k,
            None => *self
                .by_first
                .get(&h)?
                .iter()
                .find(|&&k| self.matches(t, i, k))?,
        };
        Some((self.words.get(k)?.len(), k))
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
        let at = |k: usize| {
            let start = i.checked_sub(self.words.get(k)?.len())?;
            self.matches(t, start, k).then_some((start, k))
        };
        let long = i
            .checked_sub(2)
            .and_then(|p| t.hash(p))
            .and_then(|h1| self.by_last_two.get(&pair_key(h, h1)))
            .and_then(|list| list.iter().find_map(|&k| at(k)));
        long.or_else(|| self.by_last.get(&h)?.iter().find_map(|&k| at(k)))
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
