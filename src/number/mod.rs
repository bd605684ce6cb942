//! The number grammar every fact kind calls: digits with Vietnamese
//! separators, numbers in words, Roman numerals, ordinals and qualifiers.
//!
//! | piece | file | examples |
//! |---|---|---|
//! | [`Decimal`]: exact value, checked arithmetic | `mod.rs` | |
//! | [`Style`]: the document's own decimal mark | `mod.rs` | `13,6` vs `13.6` |
//! | digits and separators | `digits.rs` | `13,6` `1.234.567` `1.234,5` `1,234,567` `-5` |
//! | words, and digits with scale words | `words.rs` | `mười chín` `hai mốt` `trăm mốt` `3,5 triệu` `tám trăm rưỡi` |
//! | Roman numerals | `roman.rs` | `XX` `XIII` `IV` |
//! | ordinals | `ordinal.rs` | `thứ nhất` `thứ tư` `thứ 3` `lần thứ XX` `đầu tiên` |
//! | qualifiers | `qualifier.rs` | `khoảng` `gần` `hơn` `dưới` `ít nhất` |
//!
//! Everything works on [`crate::token::Tokens`] of normalized text and
//! answers in token indices, so callers compose grammars by position.
//! Values never overflow silently: arithmetic is checked, and a number that
//! cannot be represented is reported as a [`Bad`] with its reason.

pub(crate) mod digits;
pub(crate) mod ordinal;
pub(crate) mod qualifier;
pub(crate) mod roman;
pub(crate) mod words;

use crate::token::{Kind, Tokens};

/// An exact decimal: `units / 10^scale`, with a sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Decimal {
    pub(crate) units: u128,
    pub(crate) scale: u8,
    pub(crate) negative: bool,
}

/// The most fractional digits kept exactly.
pub(crate) const MAX_SCALE: u8 = 30;

impl Decimal {
    /// A whole number.
    pub(crate) const fn int(n: u128) -> Decimal {
        Decimal {
            units: n,
            scale: 0,
            negative: false,
        }
    }

    /// `n / 10^scale`.
    pub(crate) fn new(units: u128, scale: u8) -> Option<Decimal> {
        (scale <= MAX_SCALE).then_some(Decimal {
            units,
            scale,
            negative: false,
        })
    }

    /// The value as `f64` (finite: units < 2^128).
    pub(crate) fn to_f64(self) -> f64 {
        let v = self.units as f64 / 10f64.powi(i32::from(self.scale));
        if self.negative { -v } else { v }
    }

    /// Whole and non-negative: the value as an integer.
    pub(crate) fn as_int(self) -> Option<u128> {
        let d = self.trimmed();
        (d.scale == 0 && !d.negative).then_some(d.units)
    }

    /// Trailing fractional zeros removed (`1,50` → `1,5`).
    pub(crate) fn trimmed(mut self) -> Decimal {
        if self.scale == 0 {
            return self;
        }
        // Most values fit 64 bits, whose division is one instruction (a
        // 128-bit one is a call).
        if let Ok(mut small) = u64::try_from(self.units) {
            while self.scale > 0 && small % 10 == 0 {
                small /= 10;
                self.scale -= 1;
            }
            self.units = u128::from(small);
            return self;
        }
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `self × m`, or `None` on overflow.
    pub(crate) fn checked_mul_int(self, m: u128) -> Option<Decimal> {
        Some(
            Decimal {
                units: self.units.checked_mul(m)?,
                ..self
            }
            .trimmed(),
        )
    }

    /// `self + other` (both non-negative), or `None` on overflow.
    pub(crate) fn checked_add(self, other: Decimal) -> Option<Decimal> {
        if self.scale == other.scale {
            // No rescaling (whole numbers, mostly): no 128-bit powers.
            return Some(
                Decimal {
                    units: self.units.checked_add(other.units)?,
                    scale: self.scale,
                    negative: false,
                }
                .trimmed(),
            );
        }
        let scale = self.scale.max(other.scale);
        let a = self
            .units
            .checked_mul(10u128.checked_pow(u32::from(scale - self.scale))?)?;
        let b = other
            .units
            .checked_mul(10u128.checked_pow(u32::from(scale - other.scale))?)?;
        Some(
            Decimal {
                units: a.checked_add(b)?,
                scale,
                negative: false,
            }
            .trimmed(),
        )
    }

    /// Does the value survive the trip to `f64`? Whole numbers must come
    /// back exactly; fractions may keep at most 2^53 units (about 15
    /// significant digits), as decimal fractions are never exact in binary.
    pub(crate) fn fits_f64(self) -> bool {
        let d = self.trimmed();
        if d.scale == 0 {
            let f = d.units as f64;
            f.is_finite() && f < 3.4e38 && f as u128 == d.units
        } else {
            d.units <= 1 << 53
        }
    }

    /// The value negated.
    pub(crate) fn negated(self) -> Decimal {
        Decimal {
            negative: !self.negative,
            ..self
        }
    }
}

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// `2017`, `13,6`
    Digits,
    /// `mười chín`
    Words,
    /// `3,5 triệu`, `2 nghìn`
    Mixed,
}

/// A number found in the tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NumberMatch {
    /// First token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// The value.
    pub(crate) value: Decimal,
    /// How it was written.
    pub(crate) form: Form,
    /// The reading of the separators was a guess (`1.234` with no evidence
    /// of the document's style).
    pub(crate) ambiguous: bool,
}

/// A number the grammar recognized as one but could not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bad {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) reason: BadReason,
}

/// Why a number could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BadReason {
    /// More than the arithmetic holds (`99999999999999999999999999999999999999999 tỷ`).
    Overflow,
    /// More digits than can be kept exactly (a megabyte of digits).
    TooLong,
    /// Separators in no known pattern (`1.2.3.4.5,6,7`).
    Grouping,
    /// Read, but more significant digits than a 64-bit float keeps
    /// (`99999999999999999999`): the fact is given with the nearest float and
    /// this is reported with it.
    PrecisionLoss,
    /// Date-shaped but not on the calendar (`31/02/2017`, `ngày 0 tháng
    /// 13`), reported by the date extractor (BAD_INPUTS #34).
    InvalidDate,
}

impl BadReason {
    /// A short name for diagnostics.
    pub(crate) fn name(self) -> &'static str {
        match self {
            BadReason::Overflow => "overflow",
            BadReason::TooLong => "too many digits",
            BadReason::Grouping => "malformed digit grouping",
            BadReason::PrecisionLoss => "precision loss",
            BadReason::InvalidDate => "invalid date",
        }
    }
}

/// The result of trying to read a number at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// No number starts here.
    None,
    /// A number.
    Number(NumberMatch),
    /// Something number-shaped that cannot be read: report it.
    Bad(Bad),
}

impl Parsed {
    /// The number, if one was read.
    pub(crate) fn number(self) -> Option<NumberMatch> {
        match self {
            Parsed::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// The decimal mark a document uses, judged from its unambiguous numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Evidence that `,` is the decimal mark (`13,6`, `1.234.567`, `1.234,5`).
    pub(crate) comma_decimal: u32,
    /// Evidence that `.` is the decimal mark (`13.6`, `1,234,567`, `1,234.5`).
    pub(crate) point_decimal: u32,
}

impl Style {
    /// Reads the style off every digit group of the text.
    pub(crate) fn of(tokens: &Tokens<'_>) -> Style {
        digits::style(tokens)
    }

    /// The evidence of two parts of a text together.
    pub(crate) fn add(self, other: Style) -> Style {
        Style {
            comma_decimal: self.comma_decimal.saturating_add(other.comma_decimal),
            point_decimal: self.point_decimal.saturating_add(other.point_decimal),
        }
    }

    /// `true` when the document writes decimals with a point (English
    /// style) more often than with a comma. Vietnamese style otherwise.
    pub(crate) fn point_is_decimal(&self) -> bool {
        self.point_decimal > self.comma_decimal
    }

    /// `true` when the evidence is too weak to settle `1.234` / `1,234`.
    pub(crate) fn weak(&self) -> bool {
        self.comma_decimal == 0 || self.point_decimal * 3 > self.comma_decimal
    }
}

/// Reads a cardinal number at token `i`: digits (`13,6`), words (`mười
/// chín`), or digits or words with scale words (`3,5 triệu`, `hai trăm năm
/// mươi nghìn`). The longest reading wins.
#[inline]
pub(crate) fn number_at(tokens: &Tokens<'_>, i: usize, style: &Style) -> Parsed {
    // Most tokens are ruled out at once, in the caller's loop; the others
    // are read once per text and style, however many fact kinds ask.
    if !may_start_at(tokens, i) {
        return Parsed::None;
    }
    memo_number_at(tokens, i, style)
}

/// [`number_at`] past its gate: from the memo, or read and remembered.
#[inline(never)]
fn memo_number_at(tokens: &Tokens<'_>, i: usize, style: &Style) -> Parsed {
    if punct_before_digits(tokens, i) {
        return Parsed::None;
    }
    // The grammar never asks the memo itself, so it may be held while a
    // number is read: one look-up finds the entry or the place for it.
    let Ok(mut memo) = tokens.numbers.try_borrow_mut() else {
        return words::number_at(tokens, i, style);
    };
    if memo.style != Some(*style) {
        memo.style = Some(*style);
        memo.read.forget_readings();
    }
    memo.read
        .get_or_read(i, tokens.len(), || words::number_at(tokens, i, style))
}

/// What the grammar read at each token of a text (see [`number_at`]): a
/// slot per token, so money, percentages, counts and awards asking at the
/// same token cost an index, not a hash look-up. Most readings are
/// `Parsed::None` (`năm` is a year, `không` "not") and take no entry.
///
/// A slot holds the stamp of the text (and style) it was filled for: a new
/// text takes a new stamp and finds every slot of the last one stale, so
/// the slots are never cleared (filling a slot per token for every text
/// cost as much as reading its numbers once).
#[derive(Clone, Debug)]
pub(crate) struct Memo {
    /// Per token: the stamp in the high half, and [`Memo::NONE`] or the
    /// index of the reading in `parsed` in the low half. A slot of another
    /// stamp is unread.
    slots: Vec<u64>,
    parsed: Vec<Parsed>,
    /// The stamp of the current readings: never 0, the stamp of a slot that
    /// was never filled.
    stamp: u32,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            slots: Vec::new(),
            parsed: Vec::new(),
            stamp: 1,
        }
    }
}

impl Memo {
    const NONE: u32 = u32::MAX;

    /// Forgets everything (a new text).
    pub(crate) fn clear(&mut self) {
        self.forget_readings();
    }

    /// Forgets the readings (another style): a new stamp.
    fn forget_readings(&mut self) {
        self.parsed.clear();
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Every stamp was used: the old slots could pass for new ones.
            self.slots.clear();
            self.stamp = 1;
        }
    }

    /// The reading at token `i` of a text of `len` tokens, from `read` the
    /// first time.
    #[inline]
    fn get_or_read(&mut self, i: usize, len: usize, read: impl FnOnce() -> Parsed) -> Parsed {
        if self.slots.len() < len {
            self.slots.resize(len, 0);
        }
        let Some(slot) = self.slots.get_mut(i) else {
            return read();
        };
        let stamp = u64::from(self.stamp) << 32;
        if *slot & !u64::from(u32::MAX) == stamp {
            match *slot & u64::from(u32::MAX) {
                k if k == u64::from(Memo::NONE) => return Parsed::None,
                k => {
                    if let Some(p) = usize::try_from(k).ok().and_then(|k| self.parsed.get(k)) {
                        return *p;
                    }
                }
            }
        }
        let p = read();
        *slot = match p {
            Parsed::None => stamp | u64::from(Memo::NONE),
            _ => match u32::try_from(self.parsed.len()) {
                Ok(k) if k < Memo::NONE => {
                    self.parsed.push(p);
                    stamp | u64::from(k)
                }
                // No room: read again when asked.
                _ => 0,
            },
        };
        p
    }
}

/// May a number start at token `i`? Digits, a word a numeral starts with,
/// or a sign before digits (`-5`, `+3`); nothing else is worth reading.
#[inline]
pub(crate) fn may_start_at(t: &Tokens<'_>, i: usize) -> bool {
    match t.get(i).map(|x| x.kind) {
        Some(Kind::Digits) => true,
        Some(Kind::Word) => t.is_numeral_word(i),
        Some(Kind::Punct(_)) => t.is_digits(i + 1),
        None => false,
    }
}

/// The token by which every reading at token `i` ends, whatever the style,
/// when it is known without reading: then no number start between them
/// reads anything either (`không có`, `năm 2017`, `tư nhân`, `Việt Nam`,
/// `2017,`, `15 người`, `1.234.567 lượt`).
///
/// A word's reading ends at the next token when no numeral word follows it,
/// nor digits (`âm 5`, `tỷ 500`, `phẩy 23` go on with them) unless it is a
/// digit word (`năm 2017`: the lone rules alone decide). Digits end theirs
/// with their chain (`1.234.567`, `13,6`: the starts inside it are glued
/// tails and separators, which read nothing) when no word glued to it
/// follows (`10k`, `15h30`, `1e3`), nor a numeral word (`3 triệu`).
///
/// The pass of a kind that can use no number followed by that token need
/// not read at all: it goes on there whatever the grammar reads at `i`.
#[inline(always)]
pub(crate) fn reading_ends_by(t: &Tokens<'_>, i: usize) -> Option<usize> {
    let next = i + 1;
    match t.get(i)?.kind {
        Kind::Word => {
            (!t.is_numeral_word(next) && (!t.is_digits(next) || digit_word(t, i))).then_some(next)
        }
        Kind::Digits => {
            let end = digits::chain_end(t, i);
            // Punctuation glued after it (`2017,`, `15%`, `10-15`) goes on
            // with no reading; a glued word may (`10k`, `5km`, `1e3`).
            let word = t.is_word(end);
            (!(word && (t.joined(end) || t.is_numeral_word(end)))).then_some(end)
        }
        Kind::Punct(_) => None,
    }
}

/// Is token `i` a digit word (`năm` of `năm 2017`)? Asked only of words
/// before digits: kept out of [`reading_ends_by`], which is inlined.
#[inline(never)]
fn digit_word(t: &Tokens<'_>, i: usize) -> bool {
    matches!(words::lx(t, i), Some(words::Lex::Digit(..)))
}

/// Is token `i` punctuation that no number starts with, though digits
/// follow (`(2017`, `15/3`)? Only a sign (`-5`, `−5`, `+3`: those
/// [`digits::digits_at`] takes) is read there.
fn punct_before_digits(t: &Tokens<'_>, i: usize) -> bool {
    matches!(t.get(i).map(|x| x.kind), Some(Kind::Punct(c)) if !matches!(c, '-' | '−' | '–' | '+'))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Texts for comparing the number kinds' shortcuts with the paths they
    /// shortcut: the seed article (normalized, in capitals, cut every 53rd
    /// character) and `count` random mixes, spaced and glued, of numeral
    /// words (marked and not), digits and digit chains, currencies,
    /// subunits, units, percent signs, range connectors, scale
    /// abbreviations and the words around them.
    pub(crate) fn around_numbers(count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "chín",
            "mười", "mươi", "chục", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "rưỡi",
            "phẩy", "chấm", "linh", "lẻ", "nửa", "âm", "trừ", "muoi", "nam", "ty", "sau", "trieu",
            "Hai", "Năm", "TỶ", "2017", "15", "3", "1.000", "3,5", "1,234", "0912", "345", "7",
            "k", "tr", "t", "M", "e", ",", ".", "-", "–", "~", "%", "(", ")", "/", ":", "\n",
            "đồng", "đ", "₫", "USD", "usd", "$", "US", "€", "euro", "xu", "đô", "la", "VND",
            "người", "tấn", "hộ", "gia", "đình", "ha", "km", "m", "2", "lượt", "lần", "tuổi",
            "đến", "tới", "và", "giữa", "từ", "phần", "điểm", "trở", "lên", "có", "nay", "lệ",
            "Việt", "Nam", "công", "kinh", "phí", "thứ", "tháng", "số", "hàng", "khoảng", "gần",
            "chí", "thị", "Hà", "Nội",
        ];
        // Numbers with what makes them money, counts or percentages.
        const PHRASES: &[&str] = &[
            "5%",
            "12,5 %",
            "hai phần trăm",
            "10 - 15%",
            "3 người",
            "2 tỷ đồng",
            "$5",
            "500 USD",
            "1.000 tấn",
            "từ 3 đến 5 hộ",
            "ba mươi hai người",
        ];
        let mut texts: Vec<String> = crate::testing::seed_texts(53)
            .iter()
            .map(|s| crate::normalize(s).to_string())
            .collect();
        let pieces: Vec<&str> = PIECES.iter().chain(PHRASES).copied().collect();
        let mut rng = crate::testing::Rng::new();
        texts.extend((0..count).map(|k| rng.mix(&pieces, 14, if k % 3 == 0 { 2 } else { 1 })));
        texts
    }

    /// A document that writes decimals with a comma (Vietnamese style).
    pub(super) const VI: Style = Style {
        comma_decimal: 3,
        point_decimal: 0,
    };
    /// A document that writes decimals with a point (English style).
    pub(super) const EN: Style = Style {
        comma_decimal: 0,
        point_decimal: 3,
    };

    #[test]
    fn numbers_read_in_one_style_are_not_reused_in_another() {
        let t = Tokens::new("giá 1.234 và 12");
        let (vi, en) = (VI, EN);
        let read = |style: &Style| number_at(&t, 1, style).number().map(|n| n.value.to_f64());
        // `1.234` is 1234 where the comma is the decimal mark, 1.234 where
        // the point is.
        assert_eq!(read(&vi), Some(1234.0));
        assert_eq!(read(&vi), Some(1234.0)); // from the memo
        assert_eq!(read(&en), Some(1.234));
        assert_eq!(read(&vi), Some(1234.0));
        // Tokens no number starts at are ruled out before any reading.
        assert!(!may_start_at(&t, 0));
        assert_eq!(t.number_starts(), [1, 2, 3, 5]);
        let mixed = Tokens::new("(2017) ba người, năm -5 và -x; hai");
        let all: Vec<usize> = (0..mixed.len())
            .filter(|&k| may_start_at(&mixed, k))
            .collect();
        assert_eq!(mixed.number_starts(), all);
        assert_eq!(all, [0, 1, 3, 6, 7, 8, 13]);
        let signs = Tokens::new("(2017 -5 −5 +5 –5 /3 .5");
        let skipped: Vec<usize> = (0..signs.len())
            .filter(|&k| punct_before_digits(&signs, k))
            .collect();
        assert_eq!(skipped, [0, 10, 12]);
        for k in skipped {
            assert_eq!(words::number_at(&signs, k, &vi), Parsed::None, "{k}");
        }
        assert_eq!(number_at(&t, 0, &vi), Parsed::None);
        assert_eq!(number_at(&t, 2, &vi), Parsed::None);
        assert_eq!(number_at(&t, 99, &vi), Parsed::None);
    }

    #[test]
    fn a_memo_kept_from_text_to_text_answers_as_a_new_one() {
        // Texts of random lengths one after the other in one memo, slots
        // left from longer texts before shorter ones, two styles, and the
        // stamps running out on the way: every answer is the reading of
        // this text, never one left from another.
        let mut rng = crate::testing::Rng::new();
        let mut memo = Memo::default();
        let mut wrapped = false;
        for text in 0..200_u64 {
            if text == 3 {
                // Slots of stamps 1 to 3 stay: the stamps run out soon.
                memo.stamp = u32::MAX - 40;
            }
            let before = memo.stamp;
            memo.clear();
            wrapped |= memo.stamp < before;
            let len = 1 + rng.below(300);
            let reading = |i: usize| match (i as u64 * 7 + text) % 5 {
                0 | 1 => Parsed::None,
                k => Parsed::Number(NumberMatch {
                    start: i,
                    end: i + 1 + k as usize,
                    value: Decimal::int(u128::from(text)),
                    form: Form::Digits,
                    ambiguous: k == 4,
                }),
            };
            for _ in 0..3 * len {
                let i = rng.below(len + 2);
                let got = memo.get_or_read(i, len, || reading(i));
                assert_eq!(got, reading(i), "text {text}, token {i}");
                let again = memo.get_or_read(i, len, || {
                    Parsed::Bad(Bad {
                        start: 0,
                        end: 0,
                        reason: BadReason::Grouping,
                    })
                });
                // Within the text the slot answers (past its end, a slot
                // left from a longer text may, or the grammar is asked).
                if i < len || !matches!(again, Parsed::Bad(_)) {
                    assert_eq!(again, reading(i), "text {text}, token {i} again");
                }
                if rng.below(20) == 0 {
                    // Another style.
                    let before = memo.stamp;
                    memo.forget_readings();
                    wrapped |= memo.stamp < before;
                }
            }
        }
        assert!(wrapped);
    }

    #[test]
    fn the_memo_answers_as_the_grammar() {
        let seed = crate::normalize(include_str!("../../fixtures/duong-quang-2017.txt"));
        let texts = [
            seed.as_str(),
            "(2017) ba người, năm -5 và -x; hai 1.234 và 1,234 tỷ lệ 3,5 tỷ đồng",
            "muoi hai nguoi, 15/3/2018, -5%, +3, trừ hai, âm 4, nửa triệu, 10k",
        ];
        let (vi, en) = (VI, EN);
        for text in texts {
            let t = Tokens::new(text);
            // Each style twice: read, then from the memo; then again after
            // the other style has replaced it.
            for style in [vi, vi, en, en, vi] {
                for i in 0..=t.len() {
                    let full = words::number_at(&t, i, &style);
                    assert_eq!(number_at(&t, i, &style), full, "{i} {:?}", t.get(i));
                }
            }
        }
    }

    #[test]
    fn trimming_in_64_bits_is_trimming_in_128() {
        let mut rng = crate::testing::Rng::new();
        for _ in 0..20_000 {
            let zeros = u32::try_from(rng.below(12)).unwrap_or(0);
            let units = u128::from(rng.next() >> rng.below(64)) * 10u128.pow(zeros);
            let scale = u8::try_from(rng.below(31)).unwrap_or(0);
            let mut want = Decimal {
                units,
                scale,
                negative: false,
            };
            while want.scale > 0 && want.units % 10 == 0 {
                want.units /= 10;
                want.scale -= 1;
            }
            let d = Decimal::new(units, scale).unwrap_or_default();
            assert_eq!(d.trimmed(), want, "{units} {scale}");
        }
    }

    #[test]
    fn decimal_arithmetic_is_checked() {
        let d = Decimal::new(12, 1).unwrap_or_default(); // 1,2
        assert_eq!(
            d.checked_mul_int(1_000_000_000).and_then(Decimal::as_int),
            Some(1_200_000_000)
        );
        assert_eq!(Decimal::int(u128::MAX).checked_mul_int(10), None);
        let sum = Decimal::int(800).checked_add(Decimal::new(5, 1).unwrap_or_default());
        assert_eq!(sum.map(Decimal::to_f64), Some(800.5));
        assert_eq!(Decimal::new(1, 31), None);
        assert!(Decimal::int(1 << 53).fits_f64());
        assert!(Decimal::int(100_000_000_000_000_000_000).fits_f64());
        assert!(!Decimal::int(99_999_999_999_999_999_999).fits_f64());
        assert!(Decimal::new(136, 1).is_some_and(Decimal::fits_f64));
    }
}
