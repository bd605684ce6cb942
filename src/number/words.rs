//! Numbers in words (`mười chín`, `hai mốt`, `trăm mốt`, `tám trăm rưỡi`,
//! `ba phẩy năm`) and digits with scale words (`3,5 triệu`, `1,2 tỷ`,
//! `2 triệu 500 nghìn`, `100k`, `1tr2`): the cardinal grammar behind
//! [`number_at`](super::number_at).
//!
//! # The grammar
//!
//! | piece | words | examples |
//! |---|---|---|
//! | digits | không một hai ba bốn năm sáu bảy/bẩy tám chín | `ba` 3 |
//! | unit variants | `mốt` (1), `tư` (4), `lăm`/`nhăm` (5) after `mươi`, in a pair, after `linh` | `hai mươi mốt` 21, `bốn mươi tư` 44, `năm trăm linh lăm` 505 |
//! | tens | `mười` [unit], digit `mươi` [unit], digit `chục` | `mười lăm` 15, `ba mươi mốt` 31, `hai chục` 20 |
//! | pairs (colloquial tens) | digit digit | `hai mốt` 21, `bảy hai` 72, `một trăm bốn bảy nghìn` 147 000 |
//! | hundreds | digit `trăm`, then `linh`/`lẻ`/`lẽ` digit, tens, a pair, or one digit | `một trăm linh năm` 105, `năm trăm tư` 540, `trăm mốt` 110 |
//! | scales | `nghìn`/`ngàn` 10³, `vạn` 10⁴, `triệu` 10⁶, `tỷ`/`tỉ` 10⁹, compounding | `nghìn tỷ` 10¹², `một tỷ tỷ` 10¹⁸, `một nghìn hai trăm ba mươi tư tỷ` |
//! | after a scale | `linh`/`lẻ` + smaller, `rưỡi` (half the unit), one digit (a tenth of the unit) | `một nghìn linh một` 1001, `hai triệu rưỡi` 2 500 000, `triệu hai` 1 200 000, `nghìn tư` 1400 |
//! | decimals | `phẩy`/`chấm` then digit words (or `D mươi`/`mười` read as two digits) or a digit run, then a scale | `ba phẩy năm` 3.5, `không phẩy không không một` 0.001, `không phẩy hai triệu` 200 000, `2 chấm 23` 2.23 |
//! | signs | `âm`; `trừ` only on a bare expression | `âm bốn mươi hai` −42 |
//! | mixed | digits, then scale words and groups | `3,5 triệu`, `2 triệu 500 nghìn`, `5 nghìn 300`, `2 triệu 5` 2 500 000 |
//! | glued abbreviations | `k`/`K`, `tr`, `t` (tỷ), `M` | `100k`, `1tr2` 1 200 000, `2t3` 2 300 000 000; bare `10t` (tonnes?) and `1,2M` (`3M` is a name) are marked ambiguous |
//!
//! Each numeral is read left to right in one pass; segments (a group of
//! 0–999 times a run of scale words) are kept on a small stack, and a scale
//! word multiplies everything before it that is smaller (`một nghìn hai trăm
//! ba mươi tư tỷ` = 1234 × 10⁹). A segment must be smaller than the place of
//! the one before it, so `hai tỷ ba tỷ` is two numbers, never 5 × 10⁹.
//! Arithmetic is checked: an overflow is a [`Bad`] covering the numeral.
//!
//! # Words that are not always numbers
//!
//! A numeral of several words (`hai mươi`, `một trăm`) is always a number.
//! A numeral of one word follows these rules (the *lone* rules):
//!
//! | word | it is a number when | it is not when |
//! |---|---|---|
//! | any | followed by a counted word (`bảy tập thể`), alone on its line, after `số`/`tháng`/`ngày`/`mồng`… (`tháng ba`, `số một`), after a sign (`âm hai`), or before `đến`/`hoặc`/`và` + a number (`ba đến năm người`) | followed by another numeral word (`hai ba người` is "two or three"), in a comma range (`sáu, bảy trăm`, `hai, ba em`), after a numeral or `thứ` (`thứ hai` is for [`ordinal_at`](super::ordinal::ordinal_at)), after `vài`/`dăm` (`vài ba`) or `ngã` (`ngã ba`, a junction), title case inside a sentence (`quận Ba Đình`, `anh Hai`, `Bà Triệu`) |
//! | `không` | alone on its line, after `số`, before `phẩy` | anywhere else: it is "not" |
//! | `một` | followed by a counted word | `một số`, `một cách`, `một trong`, `một lần nữa`, `một chút`, `một vài`, `một nửa`… (see `MOT_NOT`); after `là`/`như`/`thành` (the article) |
//! | `năm` | followed by a counted word (`năm người`) | a year: before digits or a year word (`năm 2017`, `năm nay`, `năm học`, `năm Giáp Thìn`), after `mỗi`/`hàng`/`các`/`trong`/`cuối`/`là`/`lâu`/a numeral… (`mười năm`, `năm năm`), after `/` (`4%/năm`) |
//! | `ba` | followed by a counted word | "father": `ba mẹ`, `ba tôi`, `ba ơi`; `ba lô`, `ba hoa` |
//! | `chín` | followed by a counted word | "ripe": `lúa chín`, `đã chín`, `chín muồi` |
//! | `tư`, `mốt`, `lăm` | never alone (`tư nhân`, `ngày mốt`) but after `tháng` (`tháng tư`) | |
//! | `trăm`, `nghìn`, `triệu`, `tỷ`, `chục` (no digit before) | `trăm hai` 120, `tỷ rưỡi`, `trăm` 100, `nửa triệu` 500 000 | after `hàng`/`vài`/`mấy`/`nhiều`/`các`/`những`/`cả` (`hàng nghìn` is "thousands of", BAD_INPUTS #39), `bạc`/`tiền` (`bạc tỷ`, "worth billions"), `phần` (`phần trăm`) |
//! | scale words in compounds | | `tỷ lệ`, `tỷ số`, `tỷ giá`, `tỷ phú`, `triệu tập`, `triệu chứng`, `vạn vật` |
//!
//! Loose words (`hai`, `bốn`, `sáu`, `bảy`, `tám`, `mười`) are also numbers
//! at the end of a clause (`tổng cộng có hai.`); strict ones (`không`, `một`,
//! `ba`, `năm`, `chín`) need a counted word after them (not a function word:
//! `kế hoạch năm và …` is the year's plan), or a line of their own (then the
//! number is marked ambiguous).
//!
//! Text typed without tone marks (`muoi hai`, `mot tram nghin ty`) is read
//! when the run holds a word that exists only as an unmarked numeral
//! (`muoi`, `nghin`, `trieu`, `khong`, `phay`, `ruoi`), and marked
//! ambiguous; `sau`, `bay`, `tram`, `chin` alone prove nothing.
//!
//! Ambiguity kept as data (`ambiguous: true`): a consecutive pair at the end
//! of a clause (`sáu bảy` is 67 here, but `sáu bảy người` is "six or seven
//! people" and no number), a pair after a scale (`một nghìn hai sáu` is read
//! 1026, as NeMo does), a two-digit group after a scale (`5 nghìn 30`), a
//! strict word alone on its line.
//!
//! # Colloquial forms where peers disagree
//!
//! We read as a Vietnamese reader does: `một trăm mốt` = 110, `một triệu hai`
//! = 1 200 000, `tám trăm rưỡi` = 850, `nghìn tư` = 1400. A single digit after
//! a scale is a tenth of it only when nothing numeric follows and, for plain
//! digits, no counted word follows (`hai triệu hai hộ` stays two numbers).
//! `năm` never ends a numeral after `mươi`, `mười`, `trăm` or a scale: `hai
//! mươi năm` is "twenty years", `ba nghìn năm` "three thousand years".

use super::{Bad, BadReason, Decimal, Form, MAX_SCALE, NumberMatch, Parsed, Style, digits};
use crate::extract::WordSet;
use crate::token::{Kind, Tokens, word_hash};

/// The variant of a digit word, where the grammar treats them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Var {
    /// `không`
    Khong,
    /// `một`
    Mot,
    /// `hai`, `ba`, `bốn`, `sáu`, `bảy`, `bẩy`, `tám`, `chín`
    Plain,
    /// `năm` (also "year")
    Nam,
    /// `tư` (4 after `mươi`; also "private")
    Tu,
    /// `mốt` (1 after `mươi`)
    Mot1,
    /// `lăm`, `nhăm` (5 after `mười`/`mươi`)
    Lam,
}

/// What a word is to the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A digit word, with its value.
    Digit(u8, Var),
    /// `mười` (10)
    Ten,
    /// `mươi` (× 10 after a digit)
    Tens,
    /// `chục` (10, × 10 after a digit)
    Chuc,
    /// `linh`, `lẻ`, `lẽ` (a zero place)
    Linh,
    /// `trăm`
    Tram,
    /// `nghìn`, `ngàn`, `vạn`, `triệu`, `tỷ`, `tỉ`: the multiplier.
    Big(u128),
    /// `rưỡi` (half the unit before)
    Ruoi,
    /// `phẩy`, `chấm` (the decimal mark)
    Point,
}

/// Every word of a numeral, with what it is to the grammar.
const LEXICON: &[(&str, Lex)] = &[
    ("không", Lex::Digit(0, Var::Khong)),
    ("một", Lex::Digit(1, Var::Mot)),
    ("mốt", Lex::Digit(1, Var::Mot1)),
    ("hai", Lex::Digit(2, Var::Plain)),
    ("ba", Lex::Digit(3, Var::Plain)),
    ("bốn", Lex::Digit(4, Var::Plain)),
    ("tư", Lex::Digit(4, Var::Tu)),
    ("năm", Lex::Digit(5, Var::Nam)),
    ("lăm", Lex::Digit(5, Var::Lam)),
    ("nhăm", Lex::Digit(5, Var::Lam)),
    ("sáu", Lex::Digit(6, Var::Plain)),
    ("bảy", Lex::Digit(7, Var::Plain)),
    ("bẩy", Lex::Digit(7, Var::Plain)),
    ("tám", Lex::Digit(8, Var::Plain)),
    ("chín", Lex::Digit(9, Var::Plain)),
    ("mười", Lex::Ten),
    ("mươi", Lex::Tens),
    ("chục", Lex::Chuc),
    ("linh", Lex::Linh),
    ("lẻ", Lex::Linh),
    ("lẽ", Lex::Linh),
    ("trăm", Lex::Tram),
    ("nghìn", Lex::Big(1_000)),
    ("ngàn", Lex::Big(1_000)),
    ("vạn", Lex::Big(10_000)),
    ("triệu", Lex::Big(1_000_000)),
    ("tỷ", Lex::Big(1_000_000_000)),
    ("tỉ", Lex::Big(1_000_000_000)),
    ("rưỡi", Lex::Ruoi),
    ("phẩy", Lex::Point),
    ("chấm", Lex::Point),
];

/// [`LEXICON`] as a map.
static LEXICON_MAP: once_cell::sync::Lazy<crate::extract::FxMap<&'static str, Lex>> =
    once_cell::sync::Lazy::new(|| LEXICON.iter().copied().collect());

fn lex_word(w: &str) -> Option<Lex> {
    LEXICON_MAP.get(w).copied()
}

/// Second words that make `tỷ`/`tỉ` a word of its own: `tỷ lệ` (rate), `tỷ
/// số` (score), `tỷ giá`, `tỷ trọng`, `tỷ suất`, `tỷ phú`, `tỉ mỉ`…
const TY_NOT: &[&str] = &[
    "lệ", "số", "giá", "trọng", "suất", "phú", "mỉ", "muội", "dụ", "như", "thí",
];
/// … `triệu`: `triệu tập` (convene), `triệu hồi`, `triệu chứng`, `triệu phú`.
const TRIEU_NOT: &[&str] = &["tập", "hồi", "chứng", "phú", "hoán", "gọi"];
/// … `vạn`: `vạn vật`, `vạn sự`, `vạn năng`, `vạn tuế`, `vạn lý`…
const VAN_NOT: &[&str] = &[
    "vật", "sự", "năng", "tuế", "lý", "kiếp", "an", "xuân", "phúc", "thọ", "toàn",
];

/// The words after scale word `w` that make a compound of it (`tỷ lệ`).
fn compounds(w: &str) -> &'static [&'static str] {
    match w {
        "tỷ" | "tỉ" => TY_NOT,
        "triệu" => TRIEU_NOT,
        "vạn" => VAN_NOT,
        _ => &[],
    }
}

/// One word a numeral may start with ([`may_start`]) in [`LexTable`]: its
/// [`word_hash`], the word, what it is to the grammar (`None` for `âm`,
/// `nửa` and the words that exist only unmarked, `muoi`), the words that
/// make a compound of it (`tỷ lệ`), and its marked spelling if it is a
/// numeral word typed without tone marks (`muoi` → `mười`, `hai` → `hai`).
#[derive(Clone, Copy)]
struct LexSlot {
    hash: u32,
    word: &'static str,
    lex: Option<Lex>,
    not: &'static [&'static str],
    /// The [`word_hash`]es of `not` as bits (`hash % 64`): most words after
    /// a scale word (`tỷ đồng`) are no compound of it at one test.
    not_bits: u64,
    unmarked: Option<&'static str>,
}

/// The bit of [`LexSlot::not_bits`] for a word of hash `h`.
fn not_bit(h: u32) -> u64 {
    1 << (h % 64)
}

/// Every word a numeral may start with by [`word_hash`], in open
/// addressing: a token is looked up by the hash the tokenizer computed,
/// with no hashing of the word again.
struct LexTable {
    slots: [Option<LexSlot>; LexTable::SLOTS],
    /// No two words a numeral may start with ([`may_start`]) share a hash:
    /// then a word flagged as one is known by its hash alone.
    exact: bool,
}

impl LexTable {
    /// Slots (a power of two, about twice the words: probes are short).
    const SLOTS: usize = 128;

    fn new() -> LexTable {
        let mut slots: [Option<LexSlot>; LexTable::SLOTS] = [None; LexTable::SLOTS];
        let words: Vec<&'static str> = LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w))
            .collect();
        let mut hashes = Vec::new();
        for w in words {
            let h = word_hash(w);
            let mut k = h as usize % LexTable::SLOTS;
            while slots.get(k).is_some_and(|s| s.is_some_and(|s| s.word != w)) {
                k = (k + 1) % LexTable::SLOTS;
            }
            if let Some(slot @ None) = slots.get_mut(k) {
                hashes.push(h);
                *slot = Some(LexSlot {
                    hash: h,
                    word: w,
                    lex: lex_word(w),
                    not: compounds(w),
                    not_bits: compounds(w)
                        .iter()
                        .fold(0, |bits, c| bits | not_bit(word_hash(c))),
                    unmarked: UNMARKED.iter().find(|(u, _)| *u == w).map(|(_, m)| *m),
                });
            }
        }
        let words = hashes.len();
        hashes.sort_unstable();
        hashes.dedup();
        LexTable {
            slots,
            exact: hashes.len() == words,
        }
    }

    /// The entry of numeral word `i` (a word [`may_start`] accepts).
    #[inline]
    fn get(&self, t: &Tokens<'_>, i: usize) -> Option<&LexSlot> {
        let h = t.hash(i)?;
        let mut k = h as usize % LexTable::SLOTS;
        // The table is never full: an empty slot ends every probe.
        loop {
            let slot = self.slots.get(k)?.as_ref()?;
            if slot.hash == h && (self.exact || slot.word == t.lower(i)) {
                return Some(slot);
            }
            k = (k + 1) % LexTable::SLOTS;
        }
    }
}

static LEX_TABLE: once_cell::sync::Lazy<LexTable> = once_cell::sync::Lazy::new(LexTable::new);

/// [`INDEX_NOUNS`], [`NAM_YEAR_NEXT`], [`NAM_YEAR_PREV`] and [`FUNCTION`]
/// as [`WordSet`]s.
static INDEX_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(INDEX_NOUNS.iter().copied()));
static NAM_NEXT_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(NAM_YEAR_NEXT.iter().copied()));
static NAM_PREV_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(NAM_YEAR_PREV.iter().copied()));
static FUNCTION_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(FUNCTION.iter().copied()));
/// [`APPROX`], [`MOT_NOT`], [`BA_NOT`] and [`TU_NOT`] as [`WordSet`]s.
static APPROX_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(APPROX.iter().copied()));
static MOT_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(MOT_NOT.iter().copied()));
static BA_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(BA_NOT.iter().copied()));
static TU_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(TU_NOT.iter().copied()));

/// Is the word before token `i` one of [`APPROX`] (`hàng`, `vài`)?
fn after_approx(t: &Tokens<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| APPROX_SET.has(t, j))
}

/// Token `i` to the grammar (words only; scale words in compounds are not
/// scale words).
#[inline]
pub(crate) fn lx(t: &Tokens<'_>, i: usize) -> Option<Lex> {
    // Only words a numeral may start with can be numeral words.
    if !t.is_numeral_word(i) {
        return None;
    }
    lx_numeral(t, i)
}

/// [`lx`] of a word a numeral may start with.
fn lx_numeral(t: &Tokens<'_>, i: usize) -> Option<Lex> {
    let &LexSlot {
        lex, not, not_bits, ..
    } = LEX_TABLE.get(t, i)?;
    if not_bits != 0
        && t.is_word(i + 1)
        && t.hash(i + 1).is_some_and(|h| not_bits & not_bit(h) != 0)
        && not.contains(&t.lower(i + 1))
    {
        return None;
    }
    lex
}

/// Is token `i` a word of a numeral (digits, tens, scales, `rưỡi`)? `linh`
/// and `phẩy` are not counted: they are ordinary words elsewhere.
fn numeral_word(t: &Tokens<'_>, i: usize) -> bool {
    matches!(
        lx(t, i),
        Some(
            Lex::Digit(..) | Lex::Ten | Lex::Tens | Lex::Chuc | Lex::Tram | Lex::Big(_) | Lex::Ruoi
        )
    )
}

/// Words after `tư` that make it "private"/"consult…" (`hai tư vấn viên`).
const TU_NOT: &[&str] = &[
    "vấn", "nhân", "duy", "liệu", "tưởng", "cách", "pháp", "thế", "bản", "hữu", "lợi", "thục",
    "sản", "chất", "gia", "trang", "thù", "lệnh", "doanh", "hình", "tình", "tâm", "dinh",
];

/// Currency words a colloquial tail may be followed by (`một triệu hai
/// đồng`).
const CURRENCY: &[&str] = &["đồng", "đ", "vnđ", "vnd", "usd", "đô", "euro"];

/// Which digits begin tens (`D mươi`, `D chục`).
fn tens_digit(d: u8, v: Var) -> bool {
    (2..=9).contains(&d) && matches!(v, Var::Plain | Var::Nam)
}

/// Which digits follow `linh`/`lẻ`.
fn linh_digit(d: u8, v: Var) -> bool {
    (1..=9).contains(&d) && matches!(v, Var::Mot | Var::Plain | Var::Nam | Var::Tu | Var::Lam)
}

/// Which digits are a colloquial tenth after a scale (`triệu hai`, `nghìn
/// tư`, `ngàn mốt`): not `một` (`một trăm một` is no 110), not `năm` (`ba
/// nghìn năm` is years).
fn short_digit(d: u8, v: Var) -> bool {
    ((2..=9).contains(&d) && v == Var::Plain) || matches!(v, Var::Tu | Var::Mot1)
}

/// Does a numeral go on at token `q` (so a digit before it is not a tail)?
fn continues(t: &Tokens<'_>, q: usize) -> bool {
    match lx(t, q) {
        Some(Lex::Point) => matches!(lx(t, q + 1), Some(Lex::Digit(..) | Lex::Ten)),
        Some(Lex::Linh) => false,
        Some(_) => true,
        None => false,
    }
}

/// May a colloquial tail in plain digits end before token `q`? Not before a
/// counted word (`hai triệu hai hộ` is two numbers), but before a currency.
fn tail_ok(t: &Tokens<'_>, q: usize) -> bool {
    !t.is_word(q) || CURRENCY.contains(&t.lower(q))
}

/// Where a group is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// At the start of a numeral.
    Start,
    /// After a scale word (`hai triệu` ▸ `ba trăm nghìn`).
    AfterScale,
    /// After `linh`/`lẻ` (`tỷ lẻ` ▸ `ba mươi hai triệu`).
    AfterLinh,
    /// After `trăm` (`một trăm` ▸ `hai mươi`).
    AfterHundreds,
}

/// A group of 0–999 (or digits after a scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Group {
    value: u128,
    end: usize,
    ambiguous: bool,
    /// Written in digits: how many.
    digits: Option<usize>,
}

fn grp(value: u128, end: usize) -> Option<Group> {
    Some(Group {
        value,
        end,
        ambiguous: false,
        digits: None,
    })
}

/// The unit after `mươi` (`after_tens`) or `mười` at token `q`.
fn unit_after(t: &Tokens<'_>, q: usize, after_tens: bool) -> Option<u128> {
    let Some(Lex::Digit(u, v)) = lx(t, q) else {
        return None;
    };
    let ok = match v {
        Var::Mot | Var::Plain | Var::Lam => true,
        Var::Mot1 | Var::Tu => after_tens,
        // `hai mươi năm` is "twenty years"; `hai mươi năm nghìn` is 25 000.
        Var::Nam => matches!(lx(t, q + 1), Some(Lex::Big(_))),
        Var::Khong => false,
    };
    // The unit may not begin tens or hundreds of its own.
    if matches!(
        lx(t, q + 1),
        Some(Lex::Tens | Lex::Ten | Lex::Tram | Lex::Chuc)
    ) {
        return None;
    }
    ok.then_some(u128::from(u))
}

/// `chục`, then `rưỡi` if it follows: `value` and the token after.
fn chuc_tail(t: &Tokens<'_>, q: usize, value: u128) -> Option<Group> {
    if lx(t, q) == Some(Lex::Ruoi) {
        grp(value + 5, q + 1)
    } else {
        grp(value, q)
    }
}

/// Tens at token `q`: `mười [unit]`, `D mươi [unit]`, `D chục`.
fn tens(t: &Tokens<'_>, q: usize) -> Option<Group> {
    match lx(t, q)? {
        Lex::Ten => match unit_after(t, q + 1, false) {
            Some(u) => grp(10 + u, q + 2),
            None => grp(10, q + 1),
        },
        Lex::Digit(d, v) => {
            let tens = u128::from(d) * 10;
            match lx(t, q + 1) {
                Some(Lex::Tens) if tens_digit(d, v) => match unit_after(t, q + 2, true) {
                    Some(u) => grp(tens + u, q + 3),
                    None => grp(tens, q + 2),
                },
                Some(Lex::Chuc) if tens_digit(d, v) || v == Var::Mot => chuc_tail(t, q + 2, tens),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A pair of digit words read as tens and units (`hai mốt` 21, `bảy hai`
/// 72) at token `p`.
fn pair(t: &Tokens<'_>, p: usize, at: At) -> Option<Group> {
    let (Some(Lex::Digit(a, va)), Some(Lex::Digit(b, vb))) = (lx(t, p), lx(t, p + 1)) else {
        return None;
    };
    if !(2..=9).contains(&a) || !matches!(va, Var::Plain | Var::Nam) {
        return None;
    }
    let clear_second = matches!(vb, Var::Mot1 | Var::Tu | Var::Lam);
    // Not `một`, `năm` (years), `không` second; `năm` first only before an
    // unmistakable unit (`năm lăm`, not `năm hai nghìn`, the year 2000).
    if !(clear_second || vb == Var::Plain)
        || (va == Var::Nam && !clear_second && at != At::AfterHundreds)
    {
        return None;
    }
    if matches!(
        lx(t, p + 2),
        Some(Lex::Tens | Lex::Ten | Lex::Tram | Lex::Chuc | Lex::Digit(..) | Lex::Linh)
    ) {
        return None;
    }
    if vb == Var::Tu && TU_SET.has(t, p + 2) {
        return None;
    }
    let consecutive = va == Var::Plain && vb == Var::Plain && b == a + 1;
    let ambiguous = match at {
        At::Start if consecutive => {
            // `ba bốn ngày`: "three or four days", no one number.
            if t.get(p + 2)
                .is_some_and(|x| matches!(x.kind, Kind::Word | Kind::Digits) && !x.line_before)
            {
                return None;
            }
            true
        }
        At::Start | At::AfterHundreds => false,
        At::AfterScale => true,
        At::AfterLinh => return None,
    };
    Some(Group {
        value: u128::from(a) * 10 + u128::from(b),
        end: p + 2,
        ambiguous,
        digits: None,
    })
}

/// A group without hundreds at token `p`: tens, a pair or one digit.
fn tens_units(t: &Tokens<'_>, p: usize, at: At) -> Option<Group> {
    match lx(t, p)? {
        Lex::Ten => tens(t, p),
        Lex::Chuc if at == At::Start => chuc_tail(t, p + 1, 10),
        Lex::Digit(d, v) => {
            if matches!(lx(t, p + 1), Some(Lex::Tens | Lex::Chuc)) {
                return tens(t, p);
            }
            if let Some(g) = pair(t, p, at) {
                return Some(g);
            }
            // After a scale, one digit stands only before another scale
            // (`hai triệu ba nghìn`): `ba nghìn năm` is "3000 years", `một
            // nghìn một` no 1001 (the tails are read by the caller).
            if at == At::AfterScale && !matches!(lx(t, p + 1), Some(Lex::Big(_))) {
                return None;
            }
            let ok = match v {
                Var::Khong | Var::Mot | Var::Plain | Var::Nam => true,
                Var::Tu | Var::Lam => at == At::AfterLinh,
                Var::Mot1 => false,
            };
            if ok { grp(u128::from(d), p + 1) } else { None }
        }
        _ => None,
    }
}

/// What follows `trăm` at token `q`: (added value, end, ambiguous).
fn after_hundreds(t: &Tokens<'_>, q: usize) -> Option<Group> {
    match lx(t, q)? {
        Lex::Ten => tens(t, q),
        Lex::Digit(d, v) => {
            if matches!(lx(t, q + 1), Some(Lex::Tens | Lex::Chuc)) {
                return tens(t, q);
            }
            if let Some(g) = pair(t, q, At::AfterHundreds) {
                return Some(g);
            }
            // One digit after `trăm` is tens: units need `linh`/`lẻ`, so
            // `một trăm hai` is 120 and `bốn trăm sáu triệu` 460 000 000.
            let d = u128::from(d);
            let next_big = matches!(lx(t, q + 1), Some(Lex::Big(_)));
            match v {
                // `trăm mốt` 110, `năm trăm tư` 540, `trăm mốt nghìn` 110 000.
                Var::Mot1 | Var::Tu => grp(d * 10, q + 1),
                Var::Plain | Var::Nam if next_big => grp(d * 10, q + 1),
                // Not before a counted word: `một trăm hai hộ` is unclear.
                Var::Plain if !continues(t, q + 1) && tail_ok(t, q + 1) => grp(d * 10, q + 1),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A group of 0–999 in words at token `p`.
fn group(t: &Tokens<'_>, p: usize, at: At) -> Option<Group> {
    let (value, q) = match (lx(t, p)?, lx(t, p + 1)) {
        (Lex::Digit(d, Var::Khong | Var::Mot | Var::Plain | Var::Nam), Some(Lex::Tram)) => {
            (u128::from(d) * 100, p + 2)
        }
        (Lex::Tram, _) if at == At::Start => (100, p + 1),
        _ => return tens_units(t, p, at),
    };
    match lx(t, q) {
        // `tám trăm rưỡi` 850.
        Some(Lex::Ruoi) => grp(value + 50, q + 1),
        // `một trăm linh năm` 105; `một trăm lẻ` alone stops before `lẻ`.
        Some(Lex::Linh) => match lx(t, q + 1) {
            Some(Lex::Digit(d, v))
                if linh_digit(d, v)
                    && !matches!(
                        lx(t, q + 2),
                        Some(Lex::Tens | Lex::Ten | Lex::Tram | Lex::Chuc)
                    ) =>
            {
                grp(value + u128::from(d), q + 2)
            }
            _ => grp(value, q),
        },
        _ => match after_hundreds(t, q) {
            Some(g) => Some(Group {
                value: value + g.value,
                ..g
            }),
            None => grp(value, q),
        },
    }
}

/// An integer in digits after a scale word (`2 triệu 500 nghìn`).
fn digits_group(t: &Tokens<'_>, p: usize, style: &Style) -> Option<Group> {
    if !t.is_digits(p) {
        return None;
    }
    let n = digits::digits_at(t, p, style).number()?;
    let value = n.value.as_int()?;
    let count = (p..n.end)
        .filter(|&k| t.is_digits(k))
        .map(|k| t.surface(k).len())
        .sum();
    Some(Group {
        value,
        end: n.end,
        ambiguous: n.ambiguous,
        digits: Some(count),
    })
}

/// The fraction after `phẩy`/`chấm` at token `p`: digit words one by one
/// (`không không một` .001), `D mươi [u]` and `mười [u]` as two digits
/// (`ba phẩy mười lăm` 3.15). `Err` with the end of the run when it has more
/// digits than can be kept exactly.
fn fraction(t: &Tokens<'_>, p: usize) -> Result<Option<(Decimal, usize)>, usize> {
    let mut units: u128 = 0;
    let mut n: usize = 0;
    let mut q = p;
    let mut push = |d: u128, n: &mut usize| {
        *n += 1;
        units = units.saturating_mul(10).saturating_add(d);
    };
    loop {
        match lx(t, q) {
            Some(Lex::Digit(d, v)) => {
                if lx(t, q + 1) == Some(Lex::Tens) && tens_digit(d, v) {
                    push(u128::from(d), &mut n);
                    q += 2;
                    match unit_after(t, q, true) {
                        Some(u) => {
                            push(u, &mut n);
                            q += 1;
                        }
                        None => push(0, &mut n),
                    }
                } else {
                    push(u128::from(d), &mut n);
                    q += 1;
                }
            }
            Some(Lex::Ten) => {
                push(1, &mut n);
                q += 1;
                match unit_after(t, q, false) {
                    Some(u) => {
                        push(u, &mut n);
                        q += 1;
                    }
                    None => push(0, &mut n),
                }
            }
            _ => break,
        }
    }
    if n == 0 {
        return Ok(None);
    }
    if n > usize::from(MAX_SCALE) {
        return Err(q);
    }
    let scale = u8::try_from(n).map_err(|_| q)?;
    Ok(Decimal::new(units, scale).map(|d| (d.trimmed(), q)))
}

/// A fraction in digits after `phẩy`/`chấm` at token `p` (`2 chấm 23`): one
/// plain digit run, not glued to anything.
fn digit_fraction(t: &Tokens<'_>, p: usize) -> Result<Option<(Decimal, usize)>, usize> {
    let d = t.surface(p);
    let glued = |k: usize| t.get(k).is_some_and(|x| !x.space_before);
    if glued(p) || glued(p + 1) {
        return Ok(None);
    }
    if d.len() > usize::from(MAX_SCALE) {
        return Err(p + 1);
    }
    let units = d.parse::<u128>().map_err(|_| p + 1)?;
    let scale = u8::try_from(d.len()).map_err(|_| p + 1)?;
    Ok(Decimal::new(units, scale).map(|x| (x.trimmed(), p + 1)))
}

/// How a numeral is being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A cardinal anywhere in the text: the lone rules apply.
    Cardinal,
    /// After `thứ` (an ordinal): `thứ tư`, `thứ năm` are numbers.
    Ordinal,
}

/// A segment: a group times scale words, and the place of its lowest word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    value: u128,
    low: u128,
}

/// Applies scale `s` to `group` (or, with no group, to the segment before:
/// `nghìn tỷ`) and the smaller segments before it. `Ok(false)`: the result
/// is not a valid continuation (`hai tỷ ba tỷ`), nothing changed.
fn apply_scale(segs: &mut Vec<Seg>, group: Option<u128>, s: u128) -> Result<bool, BadReason> {
    let n = segs.len();
    let (mut sum, mut low) = match group {
        Some(v) => (v, 1u128),
        None => (0, u128::MAX),
    };
    let mut k = n;
    while let Some(seg) = k.checked_sub(1).and_then(|j| segs.get(j)) {
        // Without a group, the scale compounds the segment right before it
        // (`một tỷ tỷ`), then takes the smaller ones too.
        if seg.value < s || (group.is_none() && k == n) {
            sum = sum.checked_add(seg.value).ok_or(BadReason::Overflow)?;
            low = low.min(seg.low);
            k -= 1;
        } else {
            break;
        }
    }
    if group.is_none() && n == 0 {
        // A bare scale word: `nghìn` is 1000.
        sum = 1;
        low = 1;
    }
    if sum == 0 {
        return Ok(false);
    }
    let value = sum.checked_mul(s).ok_or(BadReason::Overflow)?;
    let low = low.checked_mul(s).ok_or(BadReason::Overflow)?;
    if let Some(top) = k.checked_sub(1).and_then(|j| segs.get(j)) {
        if value >= top.low {
            return Ok(false);
        }
    }
    segs.truncate(k);
    segs.push(Seg { value, low });
    Ok(true)
}

/// Words before a numeral that make it an index or a name of a thing, so a
/// lone digit word there is a number (`tháng ba`, `số một`, `mồng năm`).
const INDEX_NOUNS: &[&str] = &[
    "số", "tháng", "ngày", "mồng", "mùng", "lớp", "phòng", "tầng", "tổ", "đội", "xóm", "bài",
    "câu", "điều", "khoản", "mục", "trang", "chương", "khu", "lô",
];

/// After these, a bare scale word or `chục` is "… of" (`hàng nghìn`, `vài
/// chục`, `phần trăm`), a lone digit a vague amount (`vài ba`, `dăm ba`).
const APPROX: &[&str] = &[
    "hàng", "vài", "mấy", "dăm", "nhiều", "bao", "các", "những", "cả", "phần", "mươi", "bạc",
    "tiền",
];

/// Words after `một` that make it "a"/"some"/an idiom rather than the
/// number one.
const MOT_NOT: &[&str] = &[
    "số", "cách", "trong", "chút", "ít", "vài", "nửa", "mình", "khi", "loạt", "lúc", "thời", "mực",
    "mặt", "tí", "hồi", "dạo", "mai", "thể", "lòng", "lát", "phần", "chiều", "sớm", "vừa", "đôi",
    "khác", "tẹo",
];

/// Words after `ba` that make it "father" or part of another word.
const BA_NOT: &[&str] = &[
    "mẹ", "má", "tôi", "mình", "nó", "ơi", "ấy", "của", "ruột", "nuôi", "lô", "lê", "hoa", "gác",
    "toong", "láp", "trợn", "que", "vợ", "chồng",
];

/// Words after `năm` that make it "year".
const NAM_YEAR_NEXT: &[&str] = &[
    "nay", "ngoái", "qua", "tới", "sau", "trước", "học", "mới", "ấy", "đó", "này", "kia", "xưa",
    "nào", "tài", "ngân", "âm", "dương", "nhuận", "sinh", "thứ", "đầu", "cuối", "rồi", "kế",
    "tiếp", "tháng", "vừa", "nữa", "liền", "liên", "ròng", "hiện", "cũ", "trời", "đến", "ngoai",
    "thành", "trên", "dưới", "hoạt", "báo", "kinh", "có", "là", "được", "đã", "thì",
];

/// Words before `năm` that make it "year".
const NAM_YEAR_PREV: &[&str] = &[
    "mỗi", "hàng", "hằng", "các", "những", "cả", "trong", "cuối", "đầu", "giữa", "nửa", "suốt",
    "vào", "từ", "đến", "tới", "của", "sang", "qua", "nhiều", "vài", "mấy", "bao", "số", "cùng",
    "mọi", "tết", "là", "lâu", "chục", "trăm", "nghìn", "ngàn",
];

/// Function words: after a strict word (`năm`, `một`, `ba`…) they show it
/// counts nothing (`kế hoạch năm và …` is the year's plan).
const FUNCTION: &[&str] = &[
    "và", "hoặc", "hay", "là", "thì", "mà", "của", "với", "cho", "để", "được", "bị", "đã", "sẽ",
    "đang", "vẫn", "cũng", "trong", "ngoài", "tại", "ở", "từ", "đến", "tới", "nhưng", "nên", "vì",
    "do", "khi", "rằng", "như", "theo", "về", "trên", "dưới", "này", "đó", "ấy", "kia", "nào",
    "gì", "rồi", "lại", "không", "chưa", "có", "so", "bằng",
];

/// Words after `chín` that make it "ripe"/"mature".
const CHIN_NOT: &[&str] = &[
    "chắn", "muồi", "mọng", "rộ", "đỏ", "vàng", "rục", "nẫu", "ép", "kỹ", "tới", "nhừ", "tái",
    "suối",
];
/// Words before `chín` that make it "ripe".
const CHIN_PREV_NOT: &[&str] = &[
    "đã", "chưa", "đang", "sắp", "vừa", "rất", "quá", "hơi", "lúa", "quả", "trái", "cơm", "nấu",
    "luộc", "khi", "khá", "đủ", "được",
];

/// Is word `i` written with a capital first letter and some lower case
/// (not ALL CAPS)?
fn title_case(t: &Tokens<'_>, i: usize) -> bool {
    // Most words start with a lower-case letter: the tokenizer noted it.
    if t.is_word(i) && !t.capitalized(i) {
        return false;
    }
    let s = t.surface(i);
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Does token `i` begin a sentence (or a line, a quotation, a bracket)?
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
                | '…'
                | '"'
                | '“'
                | '”'
                | '\''
                | '('
                | '['
                | '-'
                | '–'
                | '—'
                | '•'
                | '*'
        ))
    )
}

/// Is word `i` part of a proper name: title case inside a sentence (`quận
/// Ba Đình`, `anh Hai`, `Bà Triệu`), or before another capitalized word
/// (`Hai Bà Trưng`, `Năm Căn`)?
fn name_like(t: &Tokens<'_>, i: usize) -> bool {
    title_case(t, i)
        && (!sentence_start(t, i)
            || (t.is_word(i + 1) && title_case(t, i + 1) && lx(t, i + 1).is_none()))
}

/// Is word `i` alone on its line (but for final punctuation)?
fn isolated(t: &Tokens<'_>, i: usize) -> bool {
    let starts = i == 0 || t.get(i).is_some_and(|x| x.line_before);
    let line_end = |k: usize| t.get(k).is_none_or(|x| x.line_before);
    let ends = line_end(i + 1)
        || (t
            .get(i + 1)
            .is_some_and(|x| matches!(x.kind, Kind::Punct('.' | '!' | '?' | ';' | ':' | ',')))
            && line_end(i + 2));
    starts && ends
}

/// The word before token `i`, lower case ("" if none or not a word).
fn prev_word<'a>(t: &'a Tokens<'_>, i: usize) -> &'a str {
    match i.checked_sub(1) {
        Some(j) if t.is_word(j) => t.lower(j),
        _ => "",
    }
}

/// Is the word before token `i` `thứ` (tested by hash first), on the same
/// line? (`thứ` ending a line and `2` starting the next are no weekday.)
fn after_thu(t: &Tokens<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        t.hash(j) == Some(*THU)
            && !t.get(i).is_some_and(|x| x.line_before)
            && prev_word(t, i) == "thứ"
    })
}

/// [`word_hash`] of `thứ`.
static THU: once_cell::sync::Lazy<u32> = once_cell::sync::Lazy::new(|| word_hash("thứ"));

/// The word at token `i`, lower case ("" if none or not a word).
fn word<'a>(t: &'a Tokens<'_>, i: usize) -> &'a str {
    if t.is_word(i) { t.lower(i) } else { "" }
}

/// Is `năm` at token `i` "year"?
fn year_context(t: &Tokens<'_>, i: usize) -> bool {
    let next = i + 1;
    if t.is_digits(next) || NAM_NEXT_SET.has(t, next) || (t.is_word(next) && title_case(t, next)) {
        return true;
    }
    // `đồng/năm`, `4,25%/năm`: per year; `mười năm`, `năm năm`: years.
    let prev_kind = i.checked_sub(1).and_then(|j| t.get(j)).map(|x| x.kind);
    // `ba đến năm người`: the far end of a range of numbers.
    let range_end = matches!(prev_word(t, i), "đến" | "tới" | "hoặc" | "hay" | "và")
        && i.checked_sub(2)
            .is_some_and(|k| t.is_digits(k) || numeral_word(t, k));
    (i.checked_sub(1).is_some_and(|j| NAM_PREV_SET.has(t, j)) && !range_end)
        || prev_kind == Some(Kind::Punct('/'))
        || prev_kind == Some(Kind::Digits)
        || i.checked_sub(1).is_some_and(|j| numeral_word(t, j))
}

/// `không`, `một`, `ba`, `năm`, `tám`, `chín` to the grammar (each the only
/// word of its [`Lex`], see [`LEXICON`]): the words the lone rules name.
const KHONG: Lex = Lex::Digit(0, Var::Khong);
const MOT: Lex = Lex::Digit(1, Var::Mot);
const BA: Lex = Lex::Digit(3, Var::Plain);
const NAM: Lex = Lex::Digit(5, Var::Nam);
const TAM: Lex = Lex::Digit(8, Var::Plain);
const CHIN: Lex = Lex::Digit(9, Var::Plain);

/// The lone rules for a numeral of one word at token `i` (`lex`): `None`
/// when it is no number here, else whether the reading is ambiguous.
fn lone(t: &Tokens<'_>, i: usize, lex: Lex, signed: bool) -> Option<bool> {
    let next = word(t, i + 1);
    let prev = prev_word(t, i);
    // The rules of single words first: they rule out most (`không có`,
    // `năm nay`, `một số`) before any look-up of the context. The words are
    // told by what they are to the grammar (`một` is the only
    // `Digit(1, Mot)`, `ba` the only 3, `chín` the only 9, `tám` the only
    // 8), with no comparison of strings.
    match lex {
        MOT if MOT_SET.has(t, i + 1)
            || t.phrase(i + 1, "lần nữa").is_some()
            || matches!(prev, "là" | "như" | "thành")
            || (prev == "ngày" && t.is_word(i + 1) && next != "tháng") =>
        {
            return None;
        }
        BA if BA_SET.has(t, i + 1) => return None,
        NAM if year_context(t, i) => return None,
        CHIN if CHIN_NOT.contains(&next) || CHIN_PREV_NOT.contains(&prev) => return None,
        TAM if next == "chuyện" => return None,
        // `không euro` (zero euros); never before `đồng` (`không đồng ý`).
        KHONG
            if !(isolated(t, i)
                || prev == "số"
                || signed
                || matches!(next, "euro" | "eur" | "usd" | "đô" | "yên" | "vnd" | "vnđ")) =>
        {
            return None;
        }
        _ => {}
    }
    let index = i.checked_sub(1).is_some_and(|j| INDEX_SET.has(t, j));
    match lex {
        // `tháng tư` (April); otherwise `tư` is "private", `mốt` "the day
        // after tomorrow", `lăm` never stands alone.
        Lex::Digit(4, Var::Tu) if prev == "tháng" => return Some(false),
        Lex::Digit(5, Var::Lam) if isolated(t, i) => return Some(true),
        Lex::Digit(_, Var::Tu | Var::Mot1 | Var::Lam) | Lex::Tens | Lex::Linh | Lex::Point => {
            return None;
        }
        Lex::Big(_) | Lex::Tram | Lex::Chuc if after_approx(t, i) => return None,
        _ => {}
    }
    if let Lex::Digit(d, _) = lex {
        // `vài ba`, `dăm ba`: a few; `ngã ba`, `ngã tư`: a junction.
        if matches!(prev, "vài" | "dăm" | "ngã") {
            return None;
        }
        // `sáu, bảy trăm tỉ`, `hai, ba em`: "six or seven", no one number.
        let digit_at = |k: usize| match lx(t, k) {
            Some(Lex::Digit(x, _)) => Some(x),
            _ => None,
        };
        if (t.is_punct(i + 1, ',') && digit_at(i + 2) == Some(d + 1))
            || (i >= 2 && t.is_punct(i - 1, ',') && digit_at(i - 2).is_some_and(|x| x + 1 == d))
        {
            return None;
        }
    }
    let strict = matches!(lex, KHONG | MOT | BA | NAM | CHIN);
    if isolated(t, i) {
        return Some(strict && !index);
    }
    // Another numeral word after it: a range (`hai ba người`) or a digit
    // sequence, not one number. `năm` after a digit is the noun "year".
    let next_numeral =
        numeral_word(t, i + 1) && next != "năm" && !(next == "tư" && TU_SET.has(t, i + 2));
    if next_numeral {
        return None;
    }
    if signed || index {
        return Some(false);
    }
    // `ba đến năm người`, `ba hoặc bốn`: explicit ranges and lists of
    // numbers count as counted.
    let to_number = matches!(next, "đến" | "tới" | "hoặc" | "hay" | "và")
        && (numeral_word(t, i + 2) || t.is_digits(i + 2));
    let counted = t.is_word(i + 1)
        && !t.get(i + 1).is_some_and(|x| x.line_before)
        && (to_number || !(strict && FUNCTION_SET.has(t, i + 1)));
    if counted || !strict {
        Some(false)
    } else {
        None
    }
}

/// Is token `i` right after a numeral that it cannot belong to (`mười năm`
/// ▸ `năm`, `hàng trăm` ▸ `nghìn`, `2` ▸ `triệu`)? `năm` before it does not
/// count (`năm hai nghìn` is the year 2000).
fn after_numeral(t: &Tokens<'_>, i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    if t.is_digits(j) {
        return true;
    }
    match lx(t, j) {
        // `năm` (the only `Digit(5, Nam)`).
        Some(NAM) => false,
        // `một trăm linh` ▸ `năm`, `ba phẩy` ▸ `năm`.
        Some(Lex::Linh | Lex::Point) => j.checked_sub(1).is_some_and(|k| numeral_word(t, k)),
        Some(_) => true,
        None => false,
    }
}

/// A sign word at token `i` (`âm`, `trừ`): may it sign what follows?
fn sign_word(t: &Tokens<'_>, i: usize) -> bool {
    if !t.is_word(i) || !matches!(t.lower(i), "âm" | "trừ") {
        return false;
    }
    let next_is_number = t.is_digits(i + 1) || numeral_word(t, i + 1);
    next_is_number && !after_numeral(t, i)
}

/// May `trừ` at token `i` be a minus sign for a numeral ending at `end`?
/// Only on a bare expression: at the start of a line or after `(`, `:`, `=`,
/// with nothing but punctuation after (`trừ hai người` is "except two
/// people").
fn minus_ok(t: &Tokens<'_>, i: usize, end: usize) -> bool {
    let starts = i == 0
        || t.get(i).is_some_and(|x| x.line_before)
        || matches!(
            t.get(i - 1).map(|x| x.kind),
            Some(Kind::Punct('(' | ':' | '=' | '['))
        );
    let ends = t
        .get(end)
        .is_none_or(|x| x.line_before || !matches!(x.kind, Kind::Word | Kind::Digits));
    starts && ends
}

/// A scale abbreviation glued to digits ending before token `q`: `k`/`K`
/// (thousand), `tr` (million), `t` (tỷ), `M` (million): the new value, the
/// end, and whether the reading is a guess. `tr` and `t` take digits glued
/// after them as the leading digits of the rest (`1tr2` 1 200 000, `2t3`
/// 2 300 000 000). A bare `t` may be tonnes (`10t`), a bare `M` a name
/// (`3M`): both are marked ambiguous. `G` is never giga (`4G`, `5G`).
fn suffix(t: &Tokens<'_>, q: usize, value: Decimal) -> Option<(Decimal, usize, bool)> {
    if !(t.is_word(q) && t.joined(q)) {
        return None;
    }
    let (scale, tail, guess) = suffix_scale(t.surface(q))?;
    // Not the start of a longer glued word or code (`5kg` is one word;
    // `2t3a`).
    let mut v = value.checked_mul_int(scale)?;
    let mut end = q + 1;
    let mut guess = guess;
    if tail && t.is_digits(end) && t.joined(end) && t.surface(end).len() <= 3 {
        let s = t.surface(end);
        let frac = Decimal::new(s.parse::<u128>().ok()?, u8::try_from(s.len()).ok()?)?;
        v = v.checked_add(frac.checked_mul_int(scale)?)?;
        end += 1;
        guess = false;
    }
    if t.get(end)
        .is_some_and(|x| !x.space_before && matches!(x.kind, Kind::Word | Kind::Digits))
    {
        return None;
    }
    Some((v, end, guess))
}

/// A scale abbreviation (see [`suffix`]): its multiplier, whether digits
/// glued after it are the leading digits of the rest, whether it is a guess.
fn suffix_scale(word: &str) -> Option<(u128, bool, bool)> {
    Some(match word {
        "k" | "K" => (1_000, false, false),
        "tr" => (1_000_000, true, false),
        "t" => (1_000_000_000, true, true),
        "M" => (1_000_000, false, true),
        _ => return None,
    })
}

/// Is `word` (as written) a scale abbreviation glued to digits (`k` of
/// `100k`, `tr` of `1tr2`)?
pub(crate) fn is_scale_suffix(word: &str) -> bool {
    suffix_scale(word).is_some()
}

/// Numerals written without tone marks (`muoi hai`, `mot tram nghin ty`),
/// as in text typed without diacritics: the word, its marked spelling.
/// `muoi` is `mươi` after a digit 2–9, `mười` elsewhere.
const UNMARKED: &[(&str, &str)] = &[
    ("khong", "không"),
    ("mot", "một"),
    ("hai", "hai"),
    ("ba", "ba"),
    ("bon", "bốn"),
    ("tu", "tư"),
    ("nam", "năm"),
    ("lam", "lăm"),
    ("sau", "sáu"),
    ("bay", "bảy"),
    ("tam", "tám"),
    ("chin", "chín"),
    ("muoi", "mười"),
    ("chuc", "chục"),
    ("tram", "trăm"),
    ("nghin", "nghìn"),
    ("ngan", "ngàn"),
    ("trieu", "triệu"),
    ("ty", "tỷ"),
    ("ti", "tỉ"),
    ("linh", "linh"),
    ("le", "lẻ"),
    ("ruoi", "rưỡi"),
    ("phay", "phẩy"),
];

/// Unmarked words that are no word of marked Vietnamese nor of English or
/// French text: an unmarked numeral must hold one (`sau` "after", `bay`,
/// `tram`, `chin`, `le mot` alone prove nothing).
const UNMARKED_ANCHORS: &[&str] = &["muoi", "nghin", "trieu", "khong", "phay", "ruoi"];

/// Most words of an unmarked numeral.
const UNMARKED_MAX: usize = 64;

fn unmarked(t: &Tokens<'_>, i: usize) -> Option<&'static str> {
    // Every unmarked numeral word is one a numeral may start with.
    if !t.is_numeral_word(i) {
        return None;
    }
    let marked = LEX_TABLE.get(t, i)?.unmarked?;
    t.surface_bytes(i).is_ascii().then_some(marked)
}

/// Can a numeral start with the word `w` (lower case)? A numeral word,
/// marked or not, or `âm`, `trừ`, `nửa`. The tokenizer asks once per word
/// that passes [`MAY_START`]: one hash and a short probe.
pub(crate) fn may_start(w: &str) -> bool {
    START_TABLE.contains(w)
}

/// Every word [`may_start`] accepts, by [`word_hash`] in open addressing.
struct StartTable {
    slots: [Option<(u32, &'static str)>; StartTable::SLOTS],
}

impl StartTable {
    /// Slots (a power of two, about four times the words).
    const SLOTS: usize = 256;

    fn new() -> StartTable {
        let mut slots = [None; StartTable::SLOTS];
        let words = LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w));
        for w in words {
            let h = word_hash(w);
            let mut k = h as usize % StartTable::SLOTS;
            while let Some(Some((_, there))) = slots.get(k) {
                if *there == w {
                    break;
                }
                k = (k + 1) % StartTable::SLOTS;
            }
            if let Some(slot) = slots.get_mut(k) {
                *slot = Some((h, w));
            }
        }
        StartTable { slots }
    }

    fn contains(&self, w: &str) -> bool {
        let h = word_hash(w);
        let mut k = h as usize % StartTable::SLOTS;
        // The table is never full: an empty slot ends every probe.
        while let Some(&Some((sh, sw))) = self.slots.get(k) {
            if sh == h && sw == w {
                return true;
            }
            k = (k + 1) % StartTable::SLOTS;
        }
        false
    }
}

static START_TABLE: once_cell::sync::Lazy<StartTable> = once_cell::sync::Lazy::new(StartTable::new);

/// Words that start a numeral without being one of its words: a sign, a
/// half.
const OTHER_STARTS: &[&str] = &["âm", "trừ", "nửa"];

/// Every word [`may_start`] accepts, as a filter: most words are ruled out
/// at one bit test when the text is tokenized.
pub(crate) static MAY_START: once_cell::sync::Lazy<crate::token::WordFilter> =
    once_cell::sync::Lazy::new(|| {
        let mut f = crate::token::WordFilter::default();
        LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w))
            .for_each(|w| f.insert(w));
        f
    });

/// A numeral without tone marks at token `p`: read on its marked spelling
/// and marked ambiguous.
fn unmarked_at(t: &Tokens<'_>, p: usize, style: &Style, mode: Mode) -> Option<Parsed> {
    if p.checked_sub(1).is_some_and(|j| unmarked(t, j).is_some()) {
        return None;
    }
    // The run and its anchor first: most runs (`hai`, `ba`) have none, and
    // are ruled out before anything is copied.
    let mut n = 0;
    let mut anchor = false;
    while unmarked(t, p + n).is_some() {
        if n == UNMARKED_MAX || (n > 0 && t.get(p + n).is_some_and(|x| x.line_before)) {
            break;
        }
        anchor |= UNMARKED_ANCHORS.contains(&t.lower(p + n));
        n += 1;
    }
    if !anchor || (n == 1 && !isolated(t, p)) {
        return None;
    }
    let mut marked: Vec<&str> = Vec::with_capacity(n);
    for k in p..p + n {
        let Some(m) = unmarked(t, k) else { break };
        let m = if m == "mười"
            && marked
                .last()
                .is_some_and(|w| matches!(lex_word(w), Some(Lex::Digit(2..=9, _))))
        {
            "mươi"
        } else {
            m
        };
        marked.push(m);
    }
    let text = marked.join(" ");
    let sub = Tokens::new(&text);
    Some(match read(&sub, 0, style, mode) {
        Parsed::Number(n) => Parsed::Number(NumberMatch {
            start: p,
            end: p + n.end,
            ambiguous: true,
            ..n
        }),
        Parsed::Bad(b) => Parsed::Bad(Bad {
            start: p,
            end: p + b.end,
            ..b
        }),
        Parsed::None => Parsed::None,
    })
}

/// The end of the run of numeral words and digits from token `i` (for a
/// [`Bad`] covering a whole unreadable numeral).
fn run_end(t: &Tokens<'_>, i: usize) -> usize {
    let mut k = i;
    loop {
        if t.is_digits(k) {
            // A digit chain is one number: `0.000` ends after `000`, not
            // after `0` (which would leave `000` to no reader).
            k = digits::chain_end(t, k);
        } else if lx(t, k).is_some() {
            k += 1;
        } else {
            return k;
        }
    }
}

fn bad(start: usize, end: usize, reason: BadReason) -> Parsed {
    Parsed::Bad(Bad { start, end, reason })
}

/// A cardinal number at token `i`, the longest reading.
pub(crate) fn number_at(t: &Tokens<'_>, i: usize, style: &Style) -> Parsed {
    read(t, i, style, Mode::Cardinal)
}

/// May a numeral start at word `i`, which is no word of the grammar here
/// ([`lx`] is `None`)? Only at `nửa` (`nửa triệu`), a sign (`âm`, `trừ`),
/// or a numeral typed without tone marks that [`unmarked_at`] could read: a
/// run of two unmarked words or more, or an anchor alone on its line. The
/// common words that pass the tokenizer's flag and start nothing (`tỷ lệ`,
/// `công ty`, `Việt Nam`, `sau đó`) are ruled out here, before the full
/// reading; `false` is sure.
fn unlisted_may_start(t: &Tokens<'_>, i: usize) -> bool {
    if matches!(t.lower(i), "nửa" | "âm" | "trừ") {
        return true;
    }
    unmarked(t, i).is_some()
        && i.checked_sub(1).is_none_or(|j| unmarked(t, j).is_none())
        && (unmarked(t, i + 1).is_some()
            || (UNMARKED_ANCHORS.contains(&t.lower(i)) && isolated(t, i)))
}

/// A digit word (`lex`, its [`lx`]) with no numeral word after it (`năm
/// 2017`, `không có`, `một số`, `bảy tập thể`), read as a cardinal at once:
/// only the lone rules decide. `None` when it is not that shape (the full
/// reading then runs), else what the full reading gives.
fn lone_digit_word(t: &Tokens<'_>, i: usize, lex: Option<Lex>) -> Option<Parsed> {
    if !t.is_word(i) || t.is_numeral_word(i + 1) {
        return None;
    }
    let lex @ Lex::Digit(d, v) = lex? else {
        return None;
    };
    if name_like(t, i) || after_numeral(t, i) {
        return Some(Parsed::None);
    }
    // `tư` stands alone only in `tháng tư`, `lăm` only on its own line.
    let alone = match v {
        Var::Khong | Var::Mot | Var::Plain | Var::Nam => true,
        Var::Tu => prev_word(t, i) == "tháng",
        Var::Lam => isolated(t, i),
        Var::Mot1 => false,
    };
    if !alone {
        return Some(Parsed::None);
    }
    Some(match lone(t, i, lex, false) {
        Some(ambiguous) => finish(
            t,
            i,
            i + 1,
            Decimal::int(u128::from(d)),
            false,
            Form::Words,
            ambiguous,
            false,
        ),
        None => Parsed::None,
    })
}

/// Reads a numeral at token `i` in `mode`.
pub(crate) fn read(t: &Tokens<'_>, i: usize, style: &Style, mode: Mode) -> Parsed {
    // Fast exit, taken by almost every word of a text: a word that no
    // numeral can start with (decided once, when tokenizing).
    if t.is_word(i) && !t.is_numeral_word(i) {
        return Parsed::None;
    }
    let cardinal = mode == Mode::Cardinal;
    if cardinal && (t.is_word(i) || t.is_digits(i)) && after_thu(t, i) {
        // `thứ hai`, `thứ 3`: an ordinal or a weekday, see `ordinal.rs`. But
        // digits that no ordinal reads (`thứ 0`, `thứ 1,5`) are a cardinal,
        // not lost.
        let no_ordinal = t.is_digits(i)
            && match read(t, i, style, Mode::Ordinal) {
                Parsed::Number(n) => n.value.as_int().is_none_or(|v| v == 0),
                Parsed::Bad(_) => true,
                Parsed::None => false,
            };
        if !no_ordinal {
            return Parsed::None;
        }
    }
    // The commonest shapes, read at once: digits with no scale, hundreds or
    // decimal word after them (`2017`, `15 năm`, `1.000 người`, `13,6%`),
    // digits glued to what comes before (`000` of `1.000`), a digit word
    // with no numeral after it. A run of digits standing alone is read at
    // once also where words go on with it (`5 tỷ`, `3 trăm`): it is the
    // head the full grammar starts from.
    if t.is_digits(i) {
        if digits::glued_tail(t, i) {
            return Parsed::None;
        }
        let head = match digits::lone_run(t, i) {
            Some(n) => Parsed::Number(n),
            None => digits::digits_at(t, i, style),
        };
        match head {
            Parsed::Number(n) if words_go_on(t, n.end) => {
                return read_rest(t, i, style, mode, Some(n));
            }
            head => return head,
        }
    } else if t.is_word(i) {
        let lex = lx(t, i);
        if lex.is_none() && !unlisted_may_start(t, i) {
            return Parsed::None;
        }
        if cardinal {
            if let Some(parsed) = lone_digit_word(t, i, lex) {
                return parsed;
            }
        }
    }
    read_rest(t, i, style, mode, None)
}

/// May the words from token `k` go on with the digits before it (`3
/// trăm`, `2 chục`, `3,5 triệu`, `2 chấm 23`, `10k`, `1tr5`)? Where they
/// may not, the number is what [`digits::digits_at`] reads, and [`read`]
/// answers that without the full grammar.
fn words_go_on(t: &Tokens<'_>, k: usize) -> bool {
    (t.is_word(k) && t.joined(k))
        || matches!(
            lx(t, k),
            Some(Lex::Tram | Lex::Chuc | Lex::Big(_) | Lex::Point)
        )
}

/// [`read`] past its fast exits and the `thứ` test (`head`: the digits
/// [`digits::digits_at`] read at token `i`, when [`read`] has them).
fn read_rest(
    t: &Tokens<'_>,
    i: usize,
    style: &Style,
    mode: Mode,
    head: Option<NumberMatch>,
) -> Parsed {
    let cardinal = mode == Mode::Cardinal;
    if cardinal && t.is_word(i) && name_like(t, i) {
        return Parsed::None;
    }
    if t.is_numeral_word(i)
        && !t.surface(i).is_empty()
        && unmarked(t, i).is_some()
        && !(cardinal && name_like(t, i))
    {
        if let Some(parsed) = unmarked_at(t, i, style, mode) {
            return parsed;
        }
    }
    // `nửa triệu` 500 000, `nửa tỷ`.
    if cardinal && t.is(i, "nửa") {
        if let Some(Lex::Big(s)) = lx(t, i + 1) {
            return finish(
                t,
                i,
                i + 2,
                Decimal::int(s / 2),
                false,
                Form::Words,
                false,
                false,
            );
        }
    }
    let signed = cardinal && sign_word(t, i);
    let p = if signed { i + 1 } else { i };
    let mut form_digits = false;
    let mut form_words = false;
    let mut ambiguous = false;
    let mut segs: Vec<Seg> = Vec::new();
    // The group read but not yet accepted, and where reading goes on.
    let mut cur: Option<Group> = None;
    let mut pos = p;
    let mut end = p;
    let mut negative = false;

    // The head: digits, or words.
    if t.is_digits(p) || matches!(t.get(p).map(|x| x.kind), Some(Kind::Punct(_))) {
        let n = match head.map_or_else(|| digits::digits_at(t, p, style), Parsed::Number) {
            Parsed::Number(n) => n,
            Parsed::Bad(b) => return bad(i, b.end, b.reason),
            Parsed::None => return Parsed::None,
        };
        if signed && n.value.negative {
            return Parsed::None;
        }
        if !cardinal && n.value.negative {
            return Parsed::None;
        }
        form_digits = true;
        ambiguous = n.ambiguous;
        negative = n.value.negative;
        let mag = Decimal {
            negative: false,
            ..n.value
        };
        if let Some((v, e, guess)) = suffix(t, n.end, mag) {
            return finish(
                t,
                i,
                e,
                v,
                negative,
                Form::Mixed,
                ambiguous || guess,
                signed,
            );
        }
        if mag.as_int().is_none() {
            // `3,5 triệu`: a fraction takes a run of scale words, then ends.
            let mut v = mag;
            let mut q = n.end;
            while let Some(Lex::Big(s)) = lx(t, q) {
                match v.checked_mul_int(s) {
                    Some(x) => v = x,
                    None => return bad(i, run_end(t, q), BadReason::Overflow),
                }
                q += 1;
            }
            let form = if q > n.end { Form::Mixed } else { Form::Digits };
            return finish(t, i, q, v, negative, form, ambiguous, signed);
        }
        let int = mag.as_int().unwrap_or_default();
        // `3 trăm` 300, `2 chục` 20.
        let (value, q) = match lx(t, n.end) {
            Some(Lex::Tram) if int < 10 => match lx(t, n.end + 1) {
                Some(Lex::Ruoi) => (int * 100 + 50, n.end + 2),
                _ => (int * 100, n.end + 1),
            },
            Some(Lex::Chuc) if int < 10 => (int * 10, n.end + 1),
            _ => (int, n.end),
        };
        cur = Some(Group {
            value,
            end: q,
            ambiguous: false,
            digits: None,
        });
        end = n.end;
    } else {
        let lex = lx(t, p);
        if cardinal && !signed && after_numeral(t, p) {
            return Parsed::None;
        }
        match lex {
            Some(Lex::Big(_)) => {
                if cardinal && after_approx(t, p) {
                    return Parsed::None;
                }
            }
            Some(Lex::Tram | Lex::Chuc) if cardinal && after_approx(t, p) => {
                return Parsed::None;
            }
            // `lăm` alone on its line: nothing but 5.
            Some(Lex::Digit(5, Var::Lam)) if cardinal && isolated(t, p) => {
                cur = grp(5, p + 1);
            }
            // `tháng tư` (April): the one place `tư` stands alone.
            Some(Lex::Digit(4, Var::Tu)) if cardinal && prev_word(t, p) == "tháng" => {
                cur = grp(4, p + 1);
            }
            Some(_) => {
                let Some(g) = group(t, p, At::Start) else {
                    return Parsed::None;
                };
                cur = Some(g);
            }
            None => return Parsed::None,
        }
        form_words = true;
    }

    // Segments: a group, a run of scale words, `rưỡi`, `linh` + a group, a
    // colloquial tail; then the next group.
    let mut final_group: u128 = 0;
    loop {
        let q0 = cur.map_or(pos, |g| g.end);
        if let Some(Lex::Big(_)) = lx(t, q0) {
            let group_val = cur.take().map(|g| {
                ambiguous |= g.ambiguous;
                form_digits |= g.digits.is_some();
                g.value
            });
            let mut q = q0;
            let mut first = true;
            let mut prev_scale = 0;
            while let Some(Lex::Big(s)) = lx(t, q) {
                // Compounds go up (`nghìn tỷ`, `trăm triệu`, `tỷ tỷ`), never
                // down (`triệu nghìn` is no numeral).
                if s < prev_scale {
                    break;
                }
                prev_scale = s;
                match apply_scale(&mut segs, if first { group_val } else { None }, s) {
                    Err(r) => return bad(i, run_end(t, q), r),
                    Ok(false) => break,
                    Ok(true) => {
                        q += 1;
                        end = q;
                        first = false;
                        form_words = true;
                    }
                }
            }
            if first {
                // The group cannot take this scale (`không nghìn`): it ends
                // the numeral if it is the first thing read.
                if segs.is_empty() {
                    if let Some(v) = group_val {
                        final_group = v;
                        end = q0;
                    }
                }
                break;
            }
            pos = end;
            let mut halved = false;
            if lx(t, pos) == Some(Lex::Ruoi) {
                if let Some(top) = segs.last_mut() {
                    if top.low >= 2 && top.low % 2 == 0 {
                        match top.value.checked_add(top.low / 2) {
                            Some(x) => top.value = x,
                            None => return bad(i, run_end(t, pos), BadReason::Overflow),
                        }
                        top.low /= 2;
                        pos += 1;
                        end = pos;
                        halved = true;
                    }
                }
            }
            if lx(t, pos) == Some(Lex::Linh) {
                match group(t, pos + 1, At::AfterLinh) {
                    Some(g) => {
                        cur = Some(g);
                        continue;
                    }
                    None => break,
                }
            }
            if !halved {
                if let Some(Lex::Digit(d, v)) = lx(t, pos) {
                    if short_digit(d, v)
                        && !continues(t, pos + 1)
                        && (matches!(v, Var::Tu | Var::Mot1) || tail_ok(t, pos + 1))
                    {
                        if let Some(top) = segs.last_mut() {
                            if top.low >= 10 {
                                match (top.low / 10)
                                    .checked_mul(u128::from(d))
                                    .and_then(|x| x.checked_add(top.value))
                                {
                                    Some(x) => top.value = x,
                                    None => return bad(i, run_end(t, pos), BadReason::Overflow),
                                }
                                end = pos + 1;
                            }
                        }
                        break;
                    }
                }
            }
            cur = group(t, pos, At::AfterScale).or_else(|| digits_group(t, pos, style));
            if cur.is_none() {
                break;
            }
            continue;
        }
        // No scale after the group: it is the last one.
        let Some(g) = cur else { break };
        let mut value = g.value;
        let mut amb = g.ambiguous;
        if let Some(top) = segs.last() {
            if let Some(k) = g.digits {
                // `2 triệu 500` 2 500 000, `5 nghìn 300` 5300, `2 triệu 5`
                // 2 500 000: a short tail gives the leading digits of the
                // rest; a long one is literal.
                if k <= 3 {
                    let Some(div) = 10u128.checked_pow(u32::try_from(k).unwrap_or(u32::MAX)) else {
                        break;
                    };
                    if top.low < div || top.low % div != 0 {
                        break;
                    }
                    let literal = top.low == div;
                    if !literal && !tail_ok(t, g.end) {
                        break;
                    }
                    value = match value.checked_mul(top.low / div) {
                        Some(v) => v,
                        None => break,
                    };
                    amb |= k == 2;
                }
            }
            if value == 0 || value >= top.low {
                break;
            }
        }
        ambiguous |= amb;
        form_digits |= g.digits.is_some();
        final_group = value;
        end = g.end;
        break;
    }

    let mut total = Decimal::int(0);
    for s in &segs {
        total = match total.checked_add(Decimal::int(s.value)) {
            Some(x) => x,
            None => return bad(i, run_end(t, i), BadReason::Overflow),
        };
    }
    total = match total.checked_add(Decimal::int(final_group)) {
        Some(x) => x,
        None => return bad(i, run_end(t, i), BadReason::Overflow),
    };

    // Decimals in words: `ba phẩy năm`, `không phẩy hai triệu`; spoken with
    // digits: `2 chấm 23`, `hai phẩy 23`.
    if lx(t, end) == Some(Lex::Point) && (form_words || segs.is_empty()) {
        let frac = if t.is_digits(end + 1) {
            form_digits = true;
            digit_fraction(t, end + 1)
        } else {
            fraction(t, end + 1)
        };
        match frac {
            Err(e) => return bad(i, e, BadReason::TooLong),
            Ok(None) => {}
            Ok(Some((frac, fend))) => {
                total = match total.checked_add(frac) {
                    Some(x) => x,
                    None => return bad(i, fend, BadReason::Overflow),
                };
                end = fend;
                if segs.is_empty() {
                    while let Some(Lex::Big(s)) = lx(t, end) {
                        total = match total.checked_mul_int(s) {
                            Some(x) => x,
                            None => return bad(i, run_end(t, end), BadReason::Overflow),
                        };
                        end += 1;
                    }
                }
            }
        }
    }

    if end <= p {
        return Parsed::None;
    }
    // One word: the lone rules.
    if end == p + 1 && t.is_word(p) {
        let Some(lex) = lx(t, p) else {
            return Parsed::None;
        };
        match mode {
            Mode::Cardinal => match lone(t, p, lex, signed) {
                Some(a) => ambiguous |= a,
                None => return Parsed::None,
            },
            Mode::Ordinal => {
                if !matches!(lex, Lex::Digit(2..=9, _) | Lex::Ten) {
                    return Parsed::None;
                }
            }
        }
    }
    let form = match (form_digits, form_words) {
        (true, true) => Form::Mixed,
        (true, false) => Form::Digits,
        _ => Form::Words,
    };
    finish(
        t,
        i,
        end,
        total,
        negative || signed,
        form,
        ambiguous,
        signed,
    )
}

/// The match from token `i` to `end`, signed; `trừ` only where it is a sign.
#[allow(clippy::too_many_arguments)]
fn finish(
    t: &Tokens<'_>,
    i: usize,
    end: usize,
    value: Decimal,
    negative: bool,
    form: Form,
    ambiguous: bool,
    signed: bool,
) -> Parsed {
    if signed && t.lower(i) == "trừ" && !minus_ok(t, i, end) {
        return Parsed::None;
    }
    let value = if negative && value.units != 0 {
        value.negated()
    } else {
        value
    };
    Parsed::Number(NumberMatch {
        start: i,
        end,
        value,
        form,
        ambiguous,
    })
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&LEXICON_MAP);
    once_cell::sync::Lazy::force(&LEX_TABLE);
    once_cell::sync::Lazy::force(&INDEX_SET);
    once_cell::sync::Lazy::force(&NAM_NEXT_SET);
    once_cell::sync::Lazy::force(&NAM_PREV_SET);
    once_cell::sync::Lazy::force(&FUNCTION_SET);
    once_cell::sync::Lazy::force(&APPROX_SET);
    once_cell::sync::Lazy::force(&MOT_SET);
    once_cell::sync::Lazy::force(&BA_SET);
    once_cell::sync::Lazy::force(&TU_SET);
    once_cell::sync::Lazy::force(&THU);
    once_cell::sync::Lazy::force(&MAY_START);
    once_cell::sync::Lazy::force(&START_TABLE);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number read left to right: (surface, value).
    fn all(text: &str) -> Vec<(String, f64)> {
        let t = Tokens::new(text);
        let style = Style::of(&t);
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match number_at(&t, i, &style) {
                Parsed::Number(n) => {
                    let s = t.span(n.start, n.end);
                    out.push((text[s.range()].to_string(), n.value.to_f64()));
                    i = n.end.max(i + 1);
                }
                Parsed::Bad(b) => i = b.end.max(i + 1),
                Parsed::None => i += 1,
            }
        }
        out
    }

    fn one(text: &str) -> Option<f64> {
        let t = Tokens::new(text);
        match number_at(&t, 0, &Style::of(&t)) {
            Parsed::Number(n) if n.end == t.len() => Some(n.value.to_f64()),
            _ => None,
        }
    }

    #[test]
    fn the_fast_readings_agree_with_the_full_grammar() {
        let texts = [
            "năm 2017 có 15 người, năm người và không có ai; một số hộ, một hộ, ba mẹ, ba người",
            "(2017) 15, 2017. 3 trăm 2 triệu 2 chấm 23 5km 10k 15h30 15:30 0912 345 678 1.234 12,5",
            "15 năm, 20 mươi, 3 linh 5 rưỡi, 12,17% 1.000 đồng 15/3/2018 v2.0 ab-12 x_3 5 chục 7 trăm",
            "tháng tư, tư nhân, lăm\nlăm\nmười năm, hai mươi, Ba Đình, quận Ba, thứ hai, thứ 3",
            "Bảy tập thể và 19 cá nhân. chín muồi, lúa chín, tám chuyện, ngã ba, vài ba, sáu, bảy người",
            "H5N1 Covid-19 v2.0 -5 +3 x/2 a_1 01234567890 9999999999999999999999999999999 1e3 2 hai 3",
            "trăm mốt, hai mốt, một tỷ, hàng nghìn, không euro, không đồng ý, số không, âm hai, nửa triệu",
        ];
        for text in texts {
            let t = Tokens::new(text);
            let style = Style::of(&t);
            for i in 0..=t.len() {
                for mode in [Mode::Cardinal, Mode::Ordinal] {
                    if !t.is_digits(i) || (mode == Mode::Cardinal && after_thu(&t, i)) {
                        continue;
                    }
                    let full = read_rest(&t, i, &style, mode, None);
                    assert_eq!(read(&t, i, &style, mode), full, "{text:?} {i}");
                }
                if t.is_word(i) && t.is_numeral_word(i) && !after_thu(&t, i) {
                    if let Some(p) = lone_digit_word(&t, i, lx(&t, i)) {
                        let full = read_rest(&t, i, &style, Mode::Cardinal, None);
                        assert_eq!(p, full, "{text:?} {}", t.surface(i));
                    }
                }
            }
        }
        // `năm` before digits is the year, not five.
        assert_eq!(
            all("năm 2017 có 15 người"),
            vec![("2017".to_string(), 2017.0), ("15".to_string(), 15.0)]
        );
    }

    /// Random mixes of the grammar's words (marked, unmarked, in title
    /// case), the words its rules look at, digits and punctuation.
    fn random_mixes(count: usize) -> Vec<String> {
        let pieces = mix_pieces();
        let mut rng = crate::testing::Rng::new();
        (0..count)
            .map(|_| {
                let n = 1 + rng.below(7);
                let words: Vec<&str> = (0..n)
                    .filter_map(|_| pieces.get(rng.below(pieces.len())).map(String::as_str))
                    .collect();
                words.join(" ")
            })
            .collect()
    }

    /// The pieces of [`random_mixes`]: the grammar's words (marked,
    /// unmarked, in title case), the words its rules look at, digits and
    /// punctuation.
    fn mix_pieces() -> Vec<String> {
        let mut pieces: Vec<String> = LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w))
            .chain(UNMARKED_ANCHORS.iter().copied())
            .chain(TY_NOT.iter().chain(TRIEU_NOT).chain(VAN_NOT).copied())
            .chain(MOT_NOT.iter().chain(BA_NOT).chain(TU_NOT).copied())
            .chain(CURRENCY.iter().copied())
            .chain([
                "tháng", "số", "thứ", "hàng", "người", "công", "Việt", "đó", "là",
            ])
            .chain([
                "2017", "15", "1.234", "3,5", "0912", "7k", ",", ".", "-", "\n", "(",
            ])
            .map(str::to_string)
            .collect();
        let capitals: Vec<String> = pieces
            .iter()
            .filter_map(|w| {
                let mut c = w.chars();
                let first = c.next()?;
                Some(first.to_uppercase().chain(c).collect())
            })
            .collect();
        pieces.extend(capitals);
        pieces
    }

    #[test]
    fn readings_end_where_reading_ends_by_says() {
        // Where `reading_ends_by` gives a token, the full grammar reads
        // nothing at the start, or a number or an unreadable one that ends
        // by that token, in any style, and nothing at the number starts
        // between: over the seed article (normalized, in capitals, cut
        // everywhere), every word a numeral may start with between words of
        // its rules, digits, digit chains and punctuation, and random mixes,
        // spaced and glued.
        let mut texts: Vec<String> = crate::testing::seed_texts(41)
            .iter()
            .map(|s| crate::normalize(s).to_string())
            .collect();
        let before = [
            "", "thứ", "tháng", "số", "hàng", "vài", "2", "hai", "Ông", "(", "-", "\n",
        ];
        let after = [
            "", "2017", "1.000", "người", "triệu", "hai", "phẩy", "rưỡi", "linh", "%", ",", ".",
            "-5", "lệ", "nay", "có", "k", "\n", "đồng", "Hà", "nghìn", "mươi", "e3", "h30", ":30",
            "-345-678", "°C", "²", "١",
        ];
        let digits = [
            "15",
            "2017",
            "1.234",
            "3,5",
            "0912",
            "7",
            "1.234.567",
            "0912.345.678",
            "1.2.3",
            "1.234,5",
            "1,234.5",
            "00.000",
            "12345678901234567890123456789012",
        ];
        let starts = LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w))
            .chain(digits);
        for w in starts {
            for b in before {
                for a in after {
                    texts.push(format!("{b} {w} {a}"));
                    texts.push(format!("{b} {w}{a}"));
                    texts.push(format!("{b} {} {a}", w.to_uppercase()));
                }
            }
        }
        let mut pieces = mix_pieces();
        pieces.extend(digits.iter().map(|d| (*d).to_string()));
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut rng = crate::testing::Rng::new();
        texts.extend((0..10_000).map(|k| rng.mix(&pieces, 9, if k % 2 == 0 { 1 } else { 3 })));
        texts.extend(random_mixes(10_000));
        let (mut known, mut numbers, mut chains) = (0, 0, 0);
        for text in &texts {
            let t = Tokens::new(text);
            let styles = [
                Style::of(&t),
                super::super::tests::VI,
                super::super::tests::EN,
            ];
            for i in 0..=t.len() {
                let Some(by) = super::super::reading_ends_by(&t, i) else {
                    continue;
                };
                known += 1;
                chains += usize::from(by > i + 1);
                for style in &styles {
                    match number_at(&t, i, style) {
                        Parsed::None => {}
                        Parsed::Number(n) => {
                            numbers += 1;
                            assert!(n.start == i && n.end <= by, "{text:?} {i} {style:?}");
                        }
                        Parsed::Bad(b) => {
                            assert!(b.start == i && b.end <= by, "{text:?} {i} {style:?}");
                        }
                    }
                    for k in i + 1..by {
                        assert_eq!(number_at(&t, k, style), Parsed::None, "{text:?} {k}");
                    }
                }
            }
        }
        assert!(
            known > 100_000 && numbers > 10_000 && chains > 1_000,
            "{known} {numbers} {chains}"
        );
    }

    #[test]
    fn the_fast_exits_agree_with_the_full_grammar_on_random_mixes() {
        let mut ruled_out = 0;
        let mut digit_heads = 0;
        let seed = crate::normalize(include_str!("../../fixtures/duong-quang-2017.txt"));
        for text in random_mixes(20_000).into_iter().chain([seed.to_string()]) {
            let t = Tokens::new(&text);
            let style = Style::of(&t);
            for i in 0..t.len() {
                // Digits: read at once when no word goes on with them, else
                // by the full grammar from the digits read once.
                if t.is_digits(i) {
                    digit_heads += 1;
                    for mode in [Mode::Cardinal, Mode::Ordinal] {
                        if mode == Mode::Cardinal && after_thu(&t, i) {
                            continue;
                        }
                        let full = read_rest(&t, i, &style, mode, None);
                        assert_eq!(read(&t, i, &style, mode), full, "{text:?} {i}");
                    }
                }
                // A word that is no word of the grammar here starts nothing
                // but where `unlisted_may_start` says it may.
                if t.is_word(i) && lx(&t, i).is_none() && !unlisted_may_start(&t, i) {
                    ruled_out += 1;
                    for mode in [Mode::Cardinal, Mode::Ordinal] {
                        assert_eq!(
                            read_rest(&t, i, &style, mode, None),
                            Parsed::None,
                            "{text:?} {i}"
                        );
                    }
                }
                if t.is_word(i) && t.is_numeral_word(i) && !after_thu(&t, i) {
                    if let Some(p) = lone_digit_word(&t, i, lx(&t, i)) {
                        let full = read_rest(&t, i, &style, Mode::Cardinal, None);
                        assert_eq!(p, full, "{text:?} {i}");
                    }
                }
            }
        }
        assert!(ruled_out > 1000, "{ruled_out}");
        assert!(digit_heads > 1000, "{digit_heads}");
    }

    #[test]
    fn title_case_reads_the_first_letter_as_the_surface_does() {
        let words =
            "Ba ba BA Đình đình ĐÌNH Ủy ủy Ấp iPhone Năm năm NĂM Hai hAi Ý ý Xã x 2017 Σ ( Ⅻ";
        let t = Tokens::new(words);
        for i in 0..t.len() {
            let mut chars = t.surface(i).chars();
            let want =
                chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
            assert_eq!(title_case(&t, i), want, "{}", t.surface(i));
        }
    }

    #[test]
    fn the_words_a_numeral_may_start_with() {
        let listed = |w: &str| {
            lex_word(w).is_some()
                || OTHER_STARTS.contains(&w)
                || (w.is_ascii() && UNMARKED.iter().any(|(u, _)| *u == w))
        };
        let words = LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
            .chain(UNMARKED.iter().map(|(w, _)| *w))
            .chain([
                "năm",
                "nam",
                "người",
                "tỷ lệ",
                "",
                "mươii",
                "hai ",
                "Hai",
                "muoi",
                "xu",
            ]);
        for w in words {
            assert_eq!(may_start(w), listed(w), "{w:?}");
        }
        assert!(may_start("mười") && may_start("nửa") && may_start("trieu"));
        assert!(!may_start("người") && !may_start("Hai"));
    }

    #[test]
    fn numeral_words_are_known_by_their_hash() {
        assert!(LEX_TABLE.exact);
        // A scale word before a word that makes a compound of it is none.
        let nexts = TY_NOT
            .iter()
            .chain(TRIEU_NOT)
            .chain(VAN_NOT)
            .chain(CURRENCY)
            .chain(&["người", "hai", "Lệ", "lệ", "2017", ","]);
        for (w, lex) in LEXICON {
            for next in nexts.clone() {
                let text = format!("{w} {next}");
                let t = Tokens::new(&text);
                let compound = t.is_word(1) && compounds(w).contains(&t.lower(1));
                assert_eq!(lx(&t, 0), (!compound).then_some(*lex), "{w} {next}");
            }
        }
        for (w, lex) in LEXICON {
            let t = Tokens::new(w);
            assert_eq!(lx(&t, 0), Some(*lex), "{w}");
        }
        for w in LEXICON
            .iter()
            .map(|(w, _)| *w)
            .chain(OTHER_STARTS.iter().copied())
        {
            let t = Tokens::new(w);
            let listed = UNMARKED.iter().find(|(u, _)| *u == w).map(|(_, m)| *m);
            assert_eq!(unmarked(&t, 0), listed, "{w}");
        }
        for (w, marked) in UNMARKED {
            let t = Tokens::new(w);
            assert_eq!(unmarked(&t, 0), Some(*marked), "{w}");
            assert_eq!(lx(&t, 0), lex_word(w), "{w}");
        }
        assert_eq!(unmarked(&Tokens::new("Muoi"), 0), Some("mười"));
        assert_eq!(unmarked(&Tokens::new("người"), 0), None);
    }

    #[test]
    fn the_words_the_lone_rules_name_are_known_by_their_lex() {
        // Each named word is the only word of the lexicon with its `Lex`,
        // so the rules may test the `Lex` instead of the word.
        let named = [
            ("không", KHONG),
            ("một", MOT),
            ("ba", BA),
            ("năm", NAM),
            ("tám", TAM),
            ("chín", CHIN),
        ];
        for (word, lex) in named {
            let words: Vec<&str> = LEXICON
                .iter()
                .filter(|(_, l)| *l == lex)
                .map(|(w, _)| *w)
                .collect();
            assert_eq!(words, [word], "{lex:?}");
            let t = Tokens::new(word);
            assert_eq!(lx(&t, 0), Some(lex), "{word}");
        }
    }

    #[test]
    fn word_sets_answer_as_their_lists() {
        let t = Tokens::new("số Tháng năm nay và XÓM 2017 , hai");
        for (set, list) in [
            (&*INDEX_SET, INDEX_NOUNS),
            (&*NAM_NEXT_SET, NAM_YEAR_NEXT),
            (&*NAM_PREV_SET, NAM_YEAR_PREV),
            (&*FUNCTION_SET, FUNCTION),
            (&*APPROX_SET, APPROX),
            (&*MOT_SET, MOT_NOT),
            (&*BA_SET, BA_NOT),
            (&*TU_SET, TU_NOT),
        ] {
            for j in 0..t.len() + 1 {
                assert_eq!(set.has(&t, j), list.contains(&word(&t, j)), "{j}");
            }
            let text = list.join(" ");
            let all = Tokens::new(&text);
            assert!((0..all.len()).all(|j| set.has(&all, j)));
        }
    }

    #[test]
    fn basic_words() {
        assert_eq!(one("mười chín"), Some(19.0));
        assert_eq!(one("hai mươi mốt"), Some(21.0));
        assert_eq!(one("bốn mươi tư"), Some(44.0));
        assert_eq!(one("ba mươi lăm"), Some(35.0));
        assert_eq!(one("một trăm linh năm"), Some(105.0));
        assert_eq!(one("năm trăm linh lăm"), Some(505.0));
        assert_eq!(one("hai chục"), Some(20.0));
        assert_eq!(one("chín trăm chín mươi chín"), Some(999.0));
    }

    #[test]
    fn colloquial_shortenings() {
        assert_eq!(one("hai mốt"), Some(21.0));
        assert_eq!(one("hai tư"), Some(24.0));
        assert_eq!(one("trăm mốt"), Some(110.0));
        assert_eq!(one("một trăm mốt"), Some(110.0));
        assert_eq!(one("một trăm hai"), Some(120.0));
        assert_eq!(one("triệu hai"), Some(1_200_000.0));
        assert_eq!(one("một triệu hai"), Some(1_200_000.0));
        assert_eq!(one("nghìn tư"), Some(1400.0));
        assert_eq!(one("một ngàn mốt"), Some(1100.0));
        assert_eq!(one("chín chín tỷ chín"), Some(99_900_000_000.0));
        assert_eq!(
            one("một trăm bốn bảy nghìn bốn trăm năm mốt"),
            Some(147_451.0)
        );
        // `năm` after a scale is "years".
        assert_eq!(all("ba nghìn năm"), vec![("ba nghìn".into(), 3000.0)]);
        assert_eq!(all("hai mươi năm qua"), vec![("hai mươi".into(), 20.0)]);
    }

    #[test]
    fn halves() {
        assert_eq!(one("tám trăm rưỡi"), Some(850.0));
        assert_eq!(one("hai triệu rưỡi"), Some(2_500_000.0));
        assert_eq!(one("một nghìn rưỡi"), Some(1500.0));
        assert_eq!(one("tỷ rưỡi lẻ chín trăm nghìn"), Some(1_500_900_000.0));
        assert_eq!(one("hai trăm rưỡi nghìn"), Some(250_000.0));
    }

    #[test]
    fn scales_compound_and_stack() {
        assert_eq!(one("một nghìn tỷ"), Some(1e12));
        assert_eq!(one("một tỷ tỷ"), Some(1e18));
        assert_eq!(one("một triệu tỷ"), Some(1e15));
        assert_eq!(
            one("một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu"),
            Some(1_234_567_000_000.0)
        );
        assert_eq!(
            one("hai triệu lẽ ba nghìn hai trăm lẽ tám"),
            Some(2_003_208.0)
        );
        assert_eq!(one("mười tám vạn"), Some(180_000.0));
        // Not one number.
        assert_eq!(
            all("hai tỷ ba tỷ"),
            vec![("hai tỷ".into(), 2e9)],
            "the second starts after a numeral"
        );
    }

    #[test]
    fn decimals_in_words() {
        assert_eq!(one("ba phẩy năm"), Some(3.5));
        assert_eq!(one("không phẩy không không một"), Some(0.001));
        assert_eq!(one("sáu mươi chấm hai tư"), Some(60.24));
        assert_eq!(one("không phẩy hai triệu"), Some(200_000.0));
        assert_eq!(one("ba phẩy mười lăm"), Some(3.15));
        let long = format!("không phẩy {}một", "không ".repeat(40));
        let t = Tokens::new(&long);
        assert!(matches!(
            number_at(&t, 0, &Style::default()),
            Parsed::Bad(Bad {
                reason: BadReason::TooLong,
                ..
            })
        ));
    }

    #[test]
    fn mixed() {
        assert_eq!(one("3,5 triệu"), Some(3_500_000.0));
        assert_eq!(one("1,2 tỷ"), Some(1_200_000_000.0));
        assert_eq!(one("2 triệu 500 nghìn"), Some(2_500_000.0));
        assert_eq!(one("5 nghìn 300"), Some(5300.0));
        assert_eq!(one("2 triệu 5"), Some(2_500_000.0));
        assert_eq!(one("100k"), Some(100_000.0));
        assert_eq!(one("1tr2"), Some(1_200_000.0));
        assert_eq!(one("3 trăm"), Some(300.0));
        assert_eq!(one("-1200K"), Some(-1_200_000.0));
    }

    #[test]
    fn signs() {
        assert_eq!(one("âm bốn mươi hai"), Some(-42.0));
        assert_eq!(one("âm 1.200.000"), Some(-1_200_000.0));
        assert_eq!(one("trừ sáu mươi"), Some(-60.0));
        // `trừ` before a counted word is "except".
        assert_eq!(all("trừ hai người"), vec![("hai".into(), 2.0)]);
    }

    #[test]
    fn lone_words() {
        assert_eq!(all("bảy tập thể"), vec![("bảy".into(), 7.0)]);
        assert_eq!(all("năm 2017"), vec![("2017".into(), 2017.0)]);
        assert_eq!(all("năm nay có năm người"), vec![("năm".into(), 5.0)]);
        assert!(all("một số người").is_empty());
        assert!(all("một cách").is_empty());
        assert!(all("một trong những").is_empty());
        assert!(all("làm một lần nữa").is_empty());
        assert!(all("không có").is_empty());
        assert!(all("ba mẹ tôi").is_empty());
        assert!(all("lúa chín vàng").is_empty());
        assert!(all("tư nhân").is_empty());
        assert!(all("quận Ba Đình").is_empty());
        assert!(all("Hai Bà Trưng").is_empty());
        assert!(all("hàng nghìn người").is_empty());
        assert!(all("tỷ lệ hộ nghèo").is_empty());
        assert!(all("ba bốn ngày").is_empty());
        assert_eq!(all("tháng ba"), vec![("ba".into(), 3.0)]);
        assert_eq!(all("tháng tư"), vec![("tư".into(), 4.0)]);
        assert_eq!(all("mười năm"), vec![("mười".into(), 10.0)]);
        assert_eq!(all("năm năm"), vec![("năm".into(), 5.0)]);
    }

    #[test]
    fn context_rules() {
        assert!(all("kế hoạch năm và cùng kỳ").is_empty());
        assert!(all("lãi 4%/năm").iter().all(|(s, _)| s != "năm"));
        assert!(all("ngã ba Rừng Thông").is_empty());
        assert!(all("hai, ba em").is_empty());
        assert_eq!(
            all("với sáu, bảy trăm tỉ"),
            vec![("bảy trăm tỉ".into(), 7e11)]
        );
        assert_eq!(
            all("từ ba đến năm người"),
            vec![("ba".into(), 3.0), ("năm".into(), 5.0)]
        );
        assert_eq!(all("nửa triệu đồng"), vec![("nửa triệu".into(), 500_000.0)]);
        assert!(all("bạc tỷ").is_empty());
        assert_eq!(all("Năm năm làm việc"), vec![("Năm".into(), 5.0)]);
        assert_eq!(all("không euro"), vec![("không".into(), 0.0)]);
        assert!(all("không đồng ý").is_empty());
        assert_eq!(all("hai phẩy 23"), vec![("hai phẩy 23".into(), 2.23)]);
        assert_eq!(one("muoi hai"), Some(12.0));
        assert!(all("the tram bay").is_empty());
    }

    #[test]
    fn pairs() {
        assert_eq!(one("sáu bảy"), Some(67.0));
        assert_eq!(one("bảy hai"), Some(72.0));
        assert_eq!(one("năm lăm"), Some(55.0));
        assert!(all("hai tư vấn viên").iter().all(|(s, _)| s != "hai tư"));
        assert_eq!(one("một nghìn hai sáu"), Some(1026.0));
    }

    #[test]
    fn overflow_is_reported() {
        let text = "một tỷ tỷ tỷ tỷ tỷ";
        let t = Tokens::new(text);
        assert!(matches!(
            number_at(&t, 0, &Style::default()),
            Parsed::Bad(Bad {
                reason: BadReason::Overflow,
                end: 6,
                ..
            })
        ));
    }

    #[test]
    fn a_megabyte_of_mot_is_linear_and_quiet() {
        let text = "một ".repeat(250_000);
        let start = std::time::Instant::now();
        assert!(all(&text).is_empty());
        assert!(start.elapsed().as_secs() < 5);
    }
}
