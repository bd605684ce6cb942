//! `money` facts: an amount with its currency, in currency units.
//!
//! | written | value | currency |
//! |---|---|---|
//! | `125,6 tỷ đồng` | 125 600 000 000 | VND |
//! | `1.000.000đ`, `500.000 ₫`, `1000 VNĐ`, `VND 1.000.000` | 1 000 000, 500 000, 1000, 1 000 000 | VND |
//! | `5 USD`, `$10`, `10$`, `mười đô la`, `2 đô 23 xu`, `hai đô rưỡi` | 5, 10, 10, 10, 2.23, 2.5 | USD |
//! | `20 euro`, `€20`, `EUR29,99`, `hai ơ rô năm mươi xu` | 20, 20, 29.99, 2.5 | EUR |
//! | `10k đồng`, `1tr5 vnd` | 10 000, 1 500 000 | VND |
//! | `từ 1.000 đến 2.000 đồng`, `giữa 1,1 và 1,3 đô la`, `50.000đ-100.000đ` | value and `end` | |
//! | `dưới bảy nghìn đồng`, `từ 7.000 đồng trở xuống`, `ít nhất $1,42` | value with a qualifier | |
//! | `tổng kinh phí 2,5 tỷ` | 2 500 000 000 | VND, implied by the money word before a scaled number |
//!
//! Also: GBP (bảng Anh, £), JPY (yên), CNY (nhân dân tệ), KRW (won, uôn),
//! THB (baht, bạt), MYR (ringgit), INR (rupee, Rs), AED (dirham), SGD, AUD,
//! CAD, HKD, TWD (đài tệ), LAK (kíp), KHR (riel), RUB (rúp). `đồng` is not a
//! currency in `đồng chí`, `đồng bằng`, `đồng bào`…, nor `đô` in `đô thị`.
//! Scale arithmetic is checked (the number grammar reports an overflow).

use super::{Ctx, Phrases, WordSet, clause_break, qualifier_before, range_connector};
use crate::fact::{FactValue, Money, Qualifier};
use crate::number::{self, Decimal, NumberMatch, Parsed, Style};
use crate::token::{Tokens, WordFilter};
use once_cell::sync::Lazy;

/// Currency phrases written after the amount (lower case), with the ISO code.
const AFTER: &[(&str, &str)] = &[
    ("việt nam đồng", "VND"),
    ("đồng việt nam", "VND"),
    ("đồng", "VND"),
    ("đ", "VND"),
    ("₫", "VND"),
    ("vnđ", "VND"),
    ("vnd", "VND"),
    ("đô la mỹ", "USD"),
    ("đô la singapore", "SGD"),
    ("đô la úc", "AUD"),
    ("đô la canada", "CAD"),
    ("đô la hồng kông", "HKD"),
    ("đô la hongkong", "HKD"),
    ("đô - la", "USD"),
    ("đô la", "USD"),
    ("đôla", "USD"),
    ("đô mỹ", "USD"),
    ("đô", "USD"),
    ("usd", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("$", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("eur", "EUR"),
    ("ơ rô", "EUR"),
    ("ơ - rô", "EUR"),
    ("€", "EUR"),
    ("bảng anh", "GBP"),
    ("gbp", "GBP"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("£", "GBP"),
    ("yên nhật", "JPY"),
    ("yên", "JPY"),
    ("jpy", "JPY"),
    ("¥", "JPY"),
    ("nhân dân tệ", "CNY"),
    ("ndt", "CNY"),
    ("cny", "CNY"),
    ("đài tệ", "TWD"),
    ("twd", "TWD"),
    ("won", "KRW"),
    ("uôn", "KRW"),
    ("krw", "KRW"),
    ("₩", "KRW"),
    ("baht", "THB"),
    ("bạt", "THB"),
    ("thb", "THB"),
    ("฿", "THB"),
    ("ringgit", "MYR"),
    ("myr", "MYR"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rupi", "INR"),
    ("inr", "INR"),
    ("rs", "INR"),
    ("₹", "INR"),
    ("aed", "AED"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("sgd", "SGD"),
    ("aud", "AUD"),
    ("cad", "CAD"),
    ("hkd", "HKD"),
    ("kíp", "LAK"),
    ("lak", "LAK"),
    ("riel", "KHR"),
    ("khr", "KHR"),
    ("rúp", "RUB"),
    ("rub", "RUB"),
];

/// Currency signs and codes written before the amount.
const BEFORE: &[(&str, &str)] = &[
    ("us $", "USD"),
    ("vn $", "VND"),
    ("s $", "SGD"),
    ("a $", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₫", "VND"),
    ("usd", "USD"),
    ("vnd", "VND"),
    ("vnđ", "VND"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("inr", "INR"),
    ("rs .", "INR"),
    ("rs", "INR"),
    ("aed", "AED"),
    ("sgd", "SGD"),
];

/// Words after `đồng` / `đô` / `yên` that make another word of them
/// (`đồng chí`, `đồng bằng`, `đô thị`).
const NOT_CURRENCY_AFTER: &[&str] = &[
    "chí", "bào", "nghiệp", "đội", "hồ", "ý", "thời", "minh", "bằng", "phục", "loại", "hương",
    "nai", "cỏ", "ruộng", "lúa", "sự", "tâm", "hành", "khởi", "lòng", "bộ", "tình", "đều", "thuận",
    "dạng", "chủ", "hóa", "thị", "đốc", "vật", "ổn", "bình", "tĩnh", "tử", "hào", "cân", "xu",
];

/// Subunits (1/100 of the currency): `xu`, `xen`, `cent`.
const SUBUNITS: &[&str] = &["xu", "xen", "cent", "cents"];

/// The words among the range connectors [`range_connector`] takes (`đến`,
/// `tới`, `và` after `giữa`; the others are punctuation), for
/// [`NOT_PAST_A_NUMBER`].
const WORD_CONNECTORS: &[&str] = &["đến", "tới", "và"];

/// Words before a scaled number that make it an amount of đồng (`kinh phí
/// 2,5 tỷ`).
const MONEY_WORDS: &[&str] = &[
    "kinh phí",
    "vốn",
    "ngân sách",
    "trị giá",
    "giá trị",
    "tổng mức đầu tư",
    "đầu tư",
    "doanh thu",
    "thu nhập",
    "lợi nhuận",
    "tiền",
    "chi phí",
    "số tiền",
    "hỗ trợ",
    "nộp",
    "nợ",
    "lương",
    "giá",
    "phí",
    "bồi thường",
    "quyên góp",
    "ủng hộ",
    "tài trợ",
    "giải ngân",
    "thu ngân sách",
    "tổng thu",
    "tổng chi",
    "thu",
    "chi",
    "thưởng",
    "vay",
    "cho vay",
    "tiết kiệm",
    "thuế",
    "dư nợ",
];

/// The most tokens of a currency written before the amount (`US$`, `Rs.`).
const BEFORE_MAX_TOKENS: usize = 2;

static AFTER_PHRASES: Lazy<Phrases> = Lazy::new(|| Phrases::new(AFTER.iter().map(|x| x.0)));
static BEFORE_PHRASES: Lazy<Phrases> = Lazy::new(|| Phrases::new(BEFORE.iter().map(|x| x.0)));
static MONEY_PHRASES: Lazy<Phrases> = Lazy::new(|| Phrases::new(MONEY_WORDS.iter().copied()));
static NOT_CURRENCY_SET: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(NOT_CURRENCY_AFTER.iter().copied()));
/// The subunits and the words among the range connectors, by hash (see
/// [`money_after`]): most words after a number (`người`, `năm`) are
/// neither, at one bit test.
static NOT_PAST_A_NUMBER: Lazy<WordFilter> = Lazy::new(|| {
    let mut f = WordFilter::default();
    for w in SUBUNITS.iter().chain(WORD_CONNECTORS) {
        f.insert(w);
    }
    f
});

/// The currency after token `i`: ISO code and number of tokens.
fn currency_after(t: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    let (n, k) = AFTER_PHRASES.longest_at(t, i)?;
    let (word, code) = AFTER.get(k)?;
    // `đồng chí`, `đô thị`: another word.
    if !t.joined(i + n) && NOT_CURRENCY_SET.has(t, i + n) {
        return None;
    }
    if matches!(*word, "đồng" | "đô" | "yên" | "đ") && t.is_word(i + n) && t.joined(i + n) {
        return None;
    }
    // A multi-token currency is written as one piece (`US$`, `đô-la`).
    if (1..n).any(|m| !t.joined(i + m)) && word.contains(['$', '-', '.']) {
        return None;
    }
    Some((code, n))
}

/// A currency written before the amount, starting at token `i`.
fn currency_before(t: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    // Only a sign or a code in capitals can start one: skip ordinary words fast.
    let first = t.surface_bytes(i).first().copied()?;
    if t.is_word(i) && !first.is_ascii_uppercase() {
        return None;
    }
    let (n, k) = BEFORE_PHRASES.longest_at(t, i)?;
    if (1..n).any(|m| !t.joined(i + m)) {
        return None;
    }
    // Codes must be written in capitals (`USD 5`, not `usd 5` in prose).
    if t.is_word(i) && !t.surface(i).chars().all(|c| c.is_ascii_uppercase()) && t.lower(i) != "rs" {
        return None;
    }
    BEFORE.get(k).map(|(_, code)| (*code, n))
}

/// An amount: token range, value, currency (if written), ambiguity.
#[derive(Clone, Copy, Debug)]
struct Amount {
    end: usize,
    value: Decimal,
    currency: Option<&'static str>,
    ambiguous: bool,
    /// The number ended with a scale word (`triệu`, `tỷ`).
    scaled: bool,
    /// The tokens of the number.
    number: (usize, usize),
}

impl Amount {
    /// The largest scale the number was written with (`triệu` 1 000 000),
    /// or 1 (asked only of ranges).
    fn scale(&self, t: &Tokens<'_>) -> u128 {
        (self.number.0..self.number.1)
            .filter_map(|k| scale_of(t.lower(k)))
            .max()
            .unwrap_or(1)
    }
}

/// The multiplier of a scale word (or of `k`, `tr` glued to digits).
fn scale_of(w: &str) -> Option<u128> {
    Some(match w {
        "nghìn" | "ngàn" | "k" => 1_000,
        "vạn" => 10_000,
        "triệu" | "tr" => 1_000_000,
        "tỷ" | "tỉ" => 1_000_000_000,
        _ => return None,
    })
}

/// A number at token `i` (`parsed` when the caller read it already), also
/// when glued to a currency code before it (`USD1,23`, `Rs20`): read on its
/// own.
fn number_glued(
    t: &Tokens<'_>,
    i: usize,
    style: &Style,
    parsed: Option<Parsed>,
) -> Option<NumberMatch> {
    let parsed = parsed.unwrap_or_else(|| number::number_at(t, i, style));
    if let Some(n) = parsed.number() {
        return Some(n);
    }
    if !(t.is_digits(i) && t.joined(i)) {
        return None;
    }
    // The middle of a digit chain (`345` in `0912.345.678`) is no number.
    let sep_before = t.is_punct(i - 1, '.') || t.is_punct(i - 1, ',');
    if sep_before && t.joined(i - 1) && t.is_digits(i.saturating_sub(2)) {
        return None;
    }
    // Read the glued run on its own: only up to the next space (a number
    // never spans one), so the re-read is bounded and the pass stays linear.
    let start = t.get(i)?.start;
    let rest = t.text().get(start..)?;
    let word_end = rest
        .find(char::is_whitespace)
        .unwrap_or(rest.len())
        .min(256);
    let sub = Tokens::new(rest.get(..word_end).unwrap_or(rest));
    let n = number::number_at(&sub, 0, style).number()?;
    let end_byte = start + sub.span(n.start, n.end).end;
    Some(NumberMatch {
        start: i,
        end: t.at_byte(end_byte),
        ..n
    })
}

const SCALES: &[&str] = &["nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn"];

/// The amount at token `i`: `[currency] number [k|tr…] [currency] [subunit]`
/// (`at_i`: the number read at `i`, when the caller has it).
fn amount_at(t: &Tokens<'_>, i: usize, style: &Style, at_i: Option<Parsed>) -> Option<Amount> {
    amount_at_with(t, i, style, at_i, true)
}

/// [`amount_at`], which with `shortcut` reads no number after đồng that
/// cannot be a subunit amount; without (the path the test compares), it
/// reads the number after every currency.
fn amount_at_with(
    t: &Tokens<'_>,
    i: usize,
    style: &Style,
    at_i: Option<Parsed>,
    shortcut: bool,
) -> Option<Amount> {
    let (prefix, num_at, parsed) = match currency_before(t, i) {
        Some((code, n)) if t.is_digits(i + n) || t.is_word(i + n) => (Some(code), i + n, None),
        _ => (None, i, at_i),
    };
    // Glued reads (`USD1,23`, the second end of `50.000đ-100.000đ`) are
    // safe here: a currency must follow or precede.
    let m = number_glued(t, num_at, style, parsed)?;
    if !super::clean_number_start(t, m.start) {
        return None;
    }
    let mut value = m.value;
    let mut end = m.end;
    let scaled = scaled(t, &m);
    let mut currency = prefix;
    if prefix.is_none() {
        if let Some((code, n)) = currency_after(t, end) {
            currency = Some(code);
            end += n;
            // `2 đô la và 23 xen`, `2 đô 23 xu`, `hai đô 23`, `hai đô rưỡi`.
            let k = if t.is(end, "và") { end + 1 } else { end };
            // After đồng a number is used only with a subunit after it: with
            // none where its reading ends by a token known without reading
            // ([`number::reading_ends_by`]: `đồng năm 2020`; the tokens
            // before that one are no words), it is not read (a lone `rưỡi`
            // reads no number either way).
            let unused = shortcut
                && code == "VND"
                && number::reading_ends_by(t, k)
                    .is_some_and(|e| !SUBUNITS.iter().any(|w| t.is(e, w)));
            let sub = if unused {
                None
            } else {
                number::number_at(t, k, style).number()
            };
            if let Some(sub) = sub {
                let sub_unit = SUBUNITS.iter().any(|w| t.is(sub.end, w));
                let bare = code != "VND"
                    && sub.end == k + 1
                    && !t.is_word(sub.end)
                    && sub.value.as_int().is_some_and(|v| v < 100);
                if sub_unit || bare {
                    if let Some(c) = sub.value.as_int().filter(|v| *v < 100) {
                        value = value.checked_add(Decimal::new(c, 2)?)?;
                        end = sub.end + usize::from(sub_unit);
                    }
                }
            } else if t.is(end, "rưỡi") {
                value = value.checked_add(Decimal::new(5, 1)?)?;
                end += 1;
            }
        } else if SUBUNITS.iter().any(|w| t.is(end, w)) {
            // `mười xu`: cents of a dollar.
            let cents = value.as_int()?;
            value = Decimal::new(cents, 2)?;
            currency = Some("USD");
            end += 1;
        }
    }
    Some(Amount {
        end,
        value,
        currency,
        ambiguous: m.ambiguous,
        scaled,
        number: (m.start, m.end),
    })
}

/// Is there a money word before token `i` in the same clause?
fn money_context(t: &Tokens<'_>, i: usize) -> bool {
    let mut j = i;
    for _ in 0..10 {
        if j == 0 || clause_break(t, j - 1) {
            return false;
        }
        if MONEY_PHRASES.longest_ending_before(t, j).is_some() {
            return true;
        }
        j -= 1;
    }
    false
}

/// Bounds written after the amount: `trở xuống` (at most), `trở lên` (at least).
fn bound_after(t: &Tokens<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if t.phrase(i, "trở xuống").is_some() {
        Some((Qualifier::AtMost, 2))
    } else if t.phrase(i, "trở lên").is_some() {
        Some((Qualifier::AtLeast, 2))
    } else {
        None
    }
}

/// Finds the money facts (kept out of line: one call per text, and its cost
/// stays measurable on its own).
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    each_amount(ctx, unread_until, |ctx, (s, e, m, rule)| {
        if ctx.free(s, e) {
            ctx.push(s, e, FactValue::Money(m), rule);
        }
    });
}

/// A money fact: first token, end token, value and rule.
type Amounted = (usize, usize, Money, &'static str);

/// The money facts of the text, in order, each given to `emit` with the
/// context (to push it) as soon as it is found: a fact claims only tokens
/// the pass has gone by, so pushing it at once changes nothing after it.
/// The pass goes on at once to `unread(t, i)` where that is `Some`,
/// without reading the number at `i` (the pass's test is
/// [`unread_until`]; with none, every number start is read: the path the
/// test shortcuts).
fn each_amount<'t>(
    ctx: &mut Ctx<'t>,
    unread: impl Fn(&Tokens<'_>, usize) -> Option<usize>,
    mut emit: impl FnMut(&mut Ctx<'t>, Amounted),
) {
    let mut i = 0;
    let mut k = 0;
    while let Some(&s) = ctx.tokens.number_starts().get(k) {
        k += 1;
        if s < i {
            continue;
        }
        let t = &ctx.tokens;
        // An amount starts with a number or with a currency written before
        // it that reaches it (`$10`, `US$ 5`, `VND 1.000`): only there may
        // a token before the number start one ([`currency_reaches`]).
        let from = i.max(s.saturating_sub(BEFORE_MAX_TOKENS));
        let before = (from..s).find_map(|j| {
            if !currency_reaches(t, j, s) || ctx.claimed(j) {
                return None;
            }
            money_at(ctx, t, j, Parsed::None).map(|f| (j, f))
        });
        if let Some((j, f)) = before {
            i = f.1.max(j + 1);
            if i <= s {
                // (Never: the amount holds the number.) Visit it again.
                k -= 1;
            }
            emit(ctx, f);
            continue;
        }
        i = s;
        if ctx.claimed(i) {
            i += 1;
            continue;
        }
        if let Some(end) = unread(t, i) {
            i = end;
            continue;
        }
        match amount_or_next(ctx, t, i) {
            Ok(f) => {
                i = f.1.max(i + 1);
                emit(ctx, f);
            }
            Err(next) => i = next,
        }
    }
}

/// The amount that starts at token `i`, the number there read once;
/// else the token the pass goes on from (after that number, or the next
/// one).
#[inline]
fn amount_or_next(ctx: &Ctx<'_>, t: &Tokens<'_>, i: usize) -> Result<Amounted, usize> {
    let parsed = number::number_at(t, i, &ctx.style);
    let next = match &parsed {
        Parsed::Number(n) => n.end.max(i + 1),
        _ => i + 1,
    };
    if may_be_money(t, i, &parsed) {
        if let Some(f) = money_at(ctx, t, i, parsed) {
            return Ok(f);
        }
    }
    Err(next)
}

/// May a money fact start at token `j`, before the number start `s` and
/// not at one? Only with a currency written before the amount at `j` that
/// reaches `s` (its number starts at or after `s`): otherwise
/// [`amount_at`] reads at `j` or right after the currency, where no
/// number starts. Most tokens before a number (`có`, `năm`, `(`) are ruled
/// out by their kind and first letter: such a currency is a sign or a
/// code in capitals.
#[inline]
fn currency_reaches(t: &Tokens<'_>, j: usize, s: usize) -> bool {
    let Some(tok) = t.get(j) else {
        return false;
    };
    let may = match tok.kind {
        crate::token::Kind::Word => t.capitalized(j),
        crate::token::Kind::Punct(_) => true,
        crate::token::Kind::Digits => false,
    };
    may && BEFORE_PHRASES.may_start_at(t, j)
        && currency_before(t, j).is_some_and(|(_, n)| j + n >= s)
}

/// The money facts as the pass found them before [`each_amount`] (the
/// reference its tests compare it with): collected first, looking for a
/// currency at every token before a number where one may start.
#[cfg(test)]
fn amounts(
    ctx: &Ctx<'_>,
    unread: impl Fn(&Tokens<'_>, usize) -> Option<usize>,
) -> Vec<(usize, usize, Money, &'static str)> {
    let t = &ctx.tokens;
    let before = &*BEFORE_PHRASES;
    let mut found = Vec::new();
    let starts = t.number_starts();
    let mut next = starts.iter();
    let mut start = next.next().copied();
    let mut i = 0;
    while i < t.len() {
        // An amount starts with a number or a currency written before it,
        // and that currency is right before a number (`$10`, `US$ 5`): the
        // pass goes to the tokens before the next number at once.
        while start.is_some_and(|s| s < i) {
            start = next.next().copied();
        }
        let Some(s) = start else { break };
        i = i.max(s.saturating_sub(BEFORE_MAX_TOKENS));
        // Before the number only a currency may start an amount; the number
        // itself may ([`number::may_start_at`] is true at every start).
        while i < s && !before.may_start_at(t, i) {
            i += 1;
        }
        if ctx.claimed(i) {
            i += 1;
            continue;
        }
        if let Some(end) = unread(t, i) {
            i = end;
            continue;
        }
        match amount_or_next(ctx, t, i) {
            Ok(f) => {
                i = f.1.max(i + 1);
                found.push(f);
            }
            Err(next) => i = next,
        }
    }
    found
}

/// Where the pass may go on from token `i` without reading the number
/// there: the token by which every reading at `i` ends
/// ([`number::reading_ends_by`]: `không có`, `năm 2017`, `1.234.567 lượt`),
/// when [`may_be_money`] is `false` whatever the grammar reads: no currency
/// may start at `i` nor after the number, no subunit or range connector
/// follows it, `i` is no scale word (`tỷ` alone is a scaled number) and no
/// glued run. The pass would go on there after reading.
fn unread_until(t: &Tokens<'_>, i: usize) -> Option<usize> {
    // One bit test rules out both a currency and a scale word at `i` for
    // most number starts (`năm`, `một`, `2017`).
    let first = t.hash(i).is_some_and(|h| CURRENCY_OR_SCALE.may_contain(h));
    if first && BEFORE_PHRASES.may_start_at(t, i) {
        return None;
    }
    let end = number::reading_ends_by(t, i)?;
    let glued = t.is_digits(i) && t.joined(i) && glued_may_be_money(t, i);
    let may_be = money_after(t, end) || (first && scale_word_at(t, i)) || glued;
    (!may_be).then_some(end)
}

/// The first words of the currencies written before the amount and the
/// scale words, by hash (see [`unread_until`]).
static CURRENCY_OR_SCALE: Lazy<WordFilter> = Lazy::new(|| {
    let mut f = WordFilter::default();
    for (phrase, _) in BEFORE {
        f.insert(phrase.split(' ').next().unwrap_or(phrase));
    }
    SCALES.iter().for_each(|w| f.insert(w));
    f
});

/// Can a money fact start at token `i`, where the number grammar read
/// `parsed`? `false` is sure, at the cost of a few bit tests: most numbers
/// (`năm 2017`, `3 người`) have no currency before or after them, are no
/// scaled number (`2,5 tỷ` after a money word), and start no range whose
/// other end could bring a currency (`5-6 triệu đồng`).
fn may_be_money(t: &Tokens<'_>, i: usize, parsed: &Parsed) -> bool {
    if BEFORE_PHRASES.may_start_at(t, i) {
        return true;
    }
    let &Parsed::Number(n) = parsed else {
        // Only a number glued to a currency code before it is read again
        // (`USD1,23`).
        return t.is_digits(i) && t.joined(i) && glued_may_be_money(t, i);
    };
    money_after(t, n.end) || scaled(t, &n)
}

/// May a number followed by token `k` be money by what `k` is: a currency
/// (`đồng`, `USD`), a subunit (`xu`) or a range connector whose other end
/// could bring a currency (`5-6 triệu đồng`)?
#[inline]
fn money_after(t: &Tokens<'_>, k: usize) -> bool {
    // A word is known by its lower-case form's hash (most words after a
    // number at one bit test); punctuation (`-`, `–`, even with a combining
    // mark glued to it) is compared.
    let Some(h) = t.hash(k) else {
        return false;
    };
    if !t.is_word(k) {
        return AFTER_PHRASES.may_start_hash(h) || subunit_or_connector(t, k);
    }
    PAST_A_NUMBER.may_contain(h)
        && (AFTER_PHRASES.may_start_hash(h)
            || (NOT_PAST_A_NUMBER.may_contain(h) && subunit_or_connector(t, k)))
}

/// The first words of the currencies written after the amount, the
/// subunits and the words among the range connectors, by hash: what
/// [`money_after`] looks for after a number, at one bit test.
static PAST_A_NUMBER: Lazy<WordFilter> = Lazy::new(|| {
    let mut f = WordFilter::default();
    for (phrase, _) in AFTER {
        f.insert(phrase.split(' ').next().unwrap_or(phrase));
    }
    SUBUNITS
        .iter()
        .chain(WORD_CONNECTORS)
        .for_each(|w| f.insert(w));
    f
});

/// Is token `k` a subunit (`xu`) or a range connector (`-`, `đến`)?
fn subunit_or_connector(t: &Tokens<'_>, k: usize) -> bool {
    SUBUNITS.iter().any(|w| t.is(k, w)) || range_connector(t, k, true).is_some()
}

/// Digits glued to what is before them (`USD1,23`, `H5N1`, `Covid-19`),
/// which the grammar does not read: may the run read on its own
/// ([`number_glued`]) make money? Only with a currency, a subunit or a range
/// connector in the run or right after it, or with a scale word or
/// abbreviation in it after a money word (`phí 5tr`: the only way to money
/// without a currency). `false` is sure: most runs (`H5N1`, `U23`) are
/// ruled out before they are tokenized again.
fn glued_may_be_money(t: &Tokens<'_>, i: usize) -> bool {
    let mut k = i + 1;
    let mut scale = false;
    loop {
        if money_after(t, k) {
            return true;
        }
        scale |=
            t.is_word(k) && (t.is_numeral_word(k) || number::words::is_scale_suffix(t.surface(k)));
        // The run ends at the first token with a space before it.
        if k >= t.len() || !t.joined(k) {
            break;
        }
        k += 1;
    }
    scale && money_context(t, i)
}

/// Did the number end with a scale word (`3,5 triệu`, `10k`, `hai tỷ`)?
fn scaled(t: &Tokens<'_>, m: &NumberMatch) -> bool {
    // `3,5 triệu`, `10k`, `1tr5`: the grammar reads the scale (form Mixed).
    m.form == number::Form::Mixed || (m.end > m.start && scale_word_at(t, m.end - 1))
}

/// Is token `k` a scale word (`triệu`, `tỷ`)? (Scale words are numeral
/// words: the flag rules out the others.)
fn scale_word_at(t: &Tokens<'_>, k: usize) -> bool {
    t.is_numeral_word(k)
        && t.hash(k).is_some_and(|h| SCALE_FILTER.may_contain(h))
        && SCALES.contains(&t.lower(k))
}

/// [`SCALES`] by hash: most numeral words (`năm`, `không`, `một`) are no
/// scale word at one bit test.
static SCALE_FILTER: Lazy<WordFilter> = Lazy::new(|| {
    let mut f = WordFilter::default();
    SCALES.iter().for_each(|w| f.insert(w));
    f
});

/// A money fact whose first amount starts at token `i` (where the number
/// grammar read `parsed`).
fn money_at(
    ctx: &Ctx<'_>,
    t: &Tokens<'_>,
    i: usize,
    parsed: Parsed,
) -> Option<(usize, usize, Money, &'static str)> {
    let a = amount_at(t, i, &ctx.style, Some(parsed))?;
    let between = i > 0 && t.is(i - 1, "giữa");
    let from = i > 0 && t.is(i - 1, "từ");
    let mut start = if between || from { i - 1 } else { i };
    let mut end = a.end;
    let mut rule = "money/amount";
    let mut last: Option<Amount> = None;
    // A range: `A-B đồng`, `từ A đến B đồng`, `giữa A và B đồng`, `A đồng - B đồng`.
    let mut a = a;
    if let Some(n) = range_connector(t, a.end, between) {
        if let Some(b) = amount_at(t, a.end + n, &ctx.style, None) {
            // `5-6 triệu đồng`, `từ 1,5 đến 2 tỷ`: the scale of the second
            // end is the first's too.
            let b_scale = if a.scaled { 1 } else { b.scale(t) };
            if !a.scaled && b_scale > 1 && a.scale(t) == 1 {
                if let Some(v) = a.value.checked_mul_int(b_scale) {
                    a.value = v;
                    a.scaled = true;
                }
            }
            let currency_ok = match (a.currency, b.currency) {
                (Some(x), Some(y)) => x == y,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => false,
            };
            if currency_ok && b.value.to_f64() >= a.value.to_f64() {
                last = Some(b);
                end = b.end;
                rule = "money/range";
            }
        }
    }
    let currency = last.and_then(|b| b.currency).or(a.currency);
    let (currency, implied) = match currency {
        Some(c) => (c, false),
        // `kinh phí 2,5 tỷ`: a scaled number after a money word.
        None if a.scaled && money_context(t, i) && !t.is_word(a.end) => ("VND", true),
        None => return None,
    };
    if implied {
        rule = "money/implied-vnd";
    }
    if last.is_none() && (from || between) {
        start = i;
    }
    let mut qualifier = qualifier_before(t, start).map(|(s, q)| {
        start = s;
        q
    });
    if from && last.is_none() {
        if let Some((q, n)) = bound_after(t, end) {
            start = i - 1;
            end += n;
            qualifier = Some(q);
        }
    }
    Some((
        start,
        end,
        Money {
            value: a.value.to_f64(),
            end: last.map(|b| b.value.to_f64()),
            currency: currency.to_string(),
            qualifier,
            ambiguous: a.ambiguous || last.is_some_and(|b| b.ambiguous),
        },
        rule,
    ))
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&AFTER_PHRASES);
    once_cell::sync::Lazy::force(&BEFORE_PHRASES);
    once_cell::sync::Lazy::force(&MONEY_PHRASES);
    once_cell::sync::Lazy::force(&NOT_PAST_A_NUMBER);
    once_cell::sync::Lazy::force(&NOT_CURRENCY_SET);
    once_cell::sync::Lazy::force(&SCALE_FILTER);
    once_cell::sync::Lazy::force(&CURRENCY_OR_SCALE);
    once_cell::sync::Lazy::force(&PAST_A_NUMBER);
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, FactKind, FactValue, Money, Qualifier};

    fn money(text: &str) -> Vec<(String, Money)> {
        let doc = Extractor::builder()
            .kinds([FactKind::Money])
            .build()
            .extract(text);
        doc.facts
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Money(m) => Some((f.text, m)),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str) -> Option<(f64, String)> {
        money(text)
            .first()
            .map(|(_, m)| (m.value, m.currency.clone()))
    }

    /// The money facts of [`super::each_amount`] over `text`, reading only
    /// where [`super::unread_until`] says (`gate`) or at every number
    /// start, with every `claim`-th token claimed by a date (none for 0).
    fn passed(text: &str, gate: bool, claim: usize) -> Vec<super::Amounted> {
        let mut ctx = claimed(text, claim);
        let mut found = Vec::new();
        if gate {
            super::each_amount(&mut ctx, super::unread_until, |_, f| found.push(f));
        } else {
            super::each_amount(&mut ctx, |_, _| None, |_, f| found.push(f));
        }
        found
    }

    /// A context over `text` with every `claim`-th token (from the third)
    /// claimed by a date.
    fn claimed(text: &str, claim: usize) -> crate::extract::Ctx<'_> {
        let mut ctx = crate::extract::Ctx::new(text, None);
        if claim > 0 {
            for k in (2..ctx.tokens.len()).step_by(claim) {
                ctx.claim(k, k + 1, FactKind::Date);
            }
        }
        ctx
    }

    #[test]
    fn the_pass_finds_what_the_reference_pass_finds() {
        // The amounts the pass finds (reading only where `unread_until`
        // says, or at every number start) are those the pass before it
        // found reading at every number start and looking for a currency
        // at every token before a number, and pushing them as found
        // leaves the facts that pushing them after the pass left; over
        // random mixes of numbers, currencies and connectors, every
        // currency before and after amounts, and with tokens claimed.
        let mut texts = crate::number::tests::around_numbers(12_000);
        for (c, _) in super::AFTER.iter().chain(super::BEFORE) {
            texts.push(format!(
                "giá 5 {c}, {c} 7 và 2 - 3 {c}; kinh phí hai tỷ {c}"
            ));
        }
        for (c, _) in super::BEFORE {
            let up = c.to_uppercase();
            let glued = up.replace(' ', "");
            texts.push(format!(
                "{up} 5, {glued}7, {glued} hai, ({up}1.000) {up} {up} 3 - {glued}4; {c} 9 {up}. 8"
            ));
        }
        let mut found = 0;
        for text in &texts {
            for claim in [0, 5] {
                let ctx = claimed(text, claim);
                let reference = super::amounts(&ctx, |_, _| None);
                assert_eq!(passed(text, true, claim), reference, "{text:?} {claim}");
                assert_eq!(passed(text, false, claim), reference, "{text:?} {claim}");
                found += reference.len();
                let mut pushed = claimed(text, claim);
                super::run(&mut pushed);
                let mut after = claimed(text, claim);
                for (s, e, m, rule) in reference {
                    if after.free(s, e) {
                        after.push(s, e, FactValue::Money(m), rule);
                    }
                }
                assert_eq!(pushed.found, after.found, "{text:?} {claim}");
            }
        }
        assert!(found > 4_000, "{found}");
    }

    #[test]
    fn numbers_after_dong_unread_change_no_amount() {
        // At every token of random mixes of numbers, currencies, subunits,
        // `và` and `rưỡi`, and of the texts that compare the number kinds'
        // shortcuts: the amounts read without the numbers after đồng that
        // cannot be subunit amounts are those read with them all.
        let pieces = [
            "5",
            "23",
            "1,5",
            "1.000",
            "2017",
            "hai",
            "mười",
            "năm",
            "ba mươi",
            "đồng",
            "đ",
            "VND",
            "USD",
            "đô",
            "euro",
            "xu",
            "xen",
            "cent",
            "và",
            "rưỡi",
            "năm 2020",
            ",",
            "-",
            "người",
            "triệu",
            "tỷ",
            "k",
            "\n",
        ];
        let mut rng = crate::testing::Rng::new();
        let mut texts: Vec<String> = (0..8_000).map(|_| rng.mix(&pieces, 9, 2)).collect();
        texts.extend(crate::number::tests::around_numbers(3_000));
        let (mut amounts, mut unread) = (0, 0);
        for text in &texts {
            let t = crate::token::Tokens::new(text);
            let style = crate::number::Style::of(&t);
            for i in 0..=t.len() {
                let full = super::amount_at_with(&t, i, &style, None, false);
                let fast = super::amount_at_with(&t, i, &style, None, true);
                assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{text:?} {i}");
                amounts += usize::from(full.is_some());
                unread += usize::from(
                    full.is_some_and(|a| a.currency == Some("VND") && t.is_digits(a.end)),
                );
            }
        }
        assert!(amounts > 5_000 && unread > 100, "{amounts} {unread}");
    }

    #[test]
    fn currencies_before_the_amount_are_short() {
        // The pass looks for them at most this far before a number.
        for (phrase, _) in super::BEFORE {
            let t = crate::token::Tokens::new(phrase);
            assert!(t.len() <= super::BEFORE_MAX_TOKENS, "{phrase}");
        }
        assert_eq!(one("US$ 5"), Some((5.0, "USD".into())));
        assert_eq!(one("giá Rs.20"), Some((20.0, "INR".into())));
    }

    #[test]
    fn glued_runs_ruled_out_make_no_money() {
        // Random runs of digits glued to words, codes, currencies and
        // connectors, after a money word or not.
        let pieces = [
            "5", "23", "1,5", "1.000", "H", "N", "USD", "U", "Covid", "v", "-", "–", "~", "/", ".",
            ",", "đ", "đồng", "k", "tr", "t", "M", "xu", "$", "€", "kg", "phí", "tăng", "đến",
        ];
        let mut rng = crate::testing::Rng::new();
        let mut ruled_out = 0;
        for _ in 0..20_000 {
            let text = rng.mix(&pieces, 7, 3);
            let ctx = crate::extract::Ctx::new(&text, None);
            let t = &ctx.tokens;
            for i in 0..t.len() {
                let parsed = crate::number::number_at(t, i, &ctx.style);
                if parsed.number().is_none()
                    && t.is_digits(i)
                    && t.joined(i)
                    && !super::glued_may_be_money(t, i)
                {
                    ruled_out += 1;
                    assert_eq!(super::money_at(&ctx, t, i, parsed), None, "{text:?} {i}");
                }
            }
        }
        assert!(ruled_out > 1_000, "{ruled_out}");
    }

    #[test]
    fn the_filter_before_the_subunits_and_connectors_keeps_them_all() {
        // Every token of random mixes of numbers, subunits, connectors,
        // currencies and other words and punctuation, and of the seed
        // fixture: the bit test rules out no subunit or connector.
        let mut pieces: Vec<&str> = super::SUBUNITS
            .iter()
            .chain(super::WORD_CONNECTORS)
            .chain(super::AFTER.iter().map(|(w, _)| w))
            .copied()
            .collect();
        pieces.extend([
            "5", "1.000", "người", "năm", "giữa", ",", ".", "/", "%", "(", ")", "—", "…", "−", "–",
            "tới", "đến", "và", "hoặc", "Đến", "VÀ", "~", "-", "xu", "Xu", "-\u{301}", "~\u{303}",
        ]);
        let seed = crate::normalize(include_str!("../../fixtures/duong-quang-2017.txt"));
        let mut rng = crate::testing::Rng::new();
        let texts = (0..5_000)
            .map(|_| rng.mix(&pieces, 9, 2))
            .chain([seed.to_string()]);
        let mut kept = 0;
        for text in texts {
            let t = crate::token::Tokens::new(&text);
            for k in 0..=t.len() {
                let full =
                    super::AFTER_PHRASES.may_start_at(&t, k) || super::subunit_or_connector(&t, k);
                assert_eq!(super::money_after(&t, k), full, "{text:?} {k}");
                kept += usize::from(super::subunit_or_connector(&t, k));
            }
        }
        assert!(kept > 1_000, "{kept}");
    }

    #[test]
    fn vnd_forms() {
        assert_eq!(
            one("thu 125,6 tỷ đồng"),
            Some((125_600_000_000.0, "VND".into()))
        );
        assert_eq!(one("giá 1.000.000đ"), Some((1_000_000.0, "VND".into())));
        assert_eq!(one("500.000 ₫"), Some((500_000.0, "VND".into())));
        assert_eq!(one("1000 VNĐ"), Some((1000.0, "VND".into())));
        assert_eq!(one("VND 1.000.000"), Some((1_000_000.0, "VND".into())));
        assert_eq!(one("10k đồng"), Some((10_000.0, "VND".into())));
        assert_eq!(one("1tr5 vnd"), Some((1_500_000.0, "VND".into())));
    }

    #[test]
    fn foreign_currencies() {
        assert_eq!(one("5 USD"), Some((5.0, "USD".into())));
        assert_eq!(one("$10"), Some((10.0, "USD".into())));
        assert_eq!(one("10$"), Some((10.0, "USD".into())));
        assert_eq!(one("EUR29,99"), Some((29.99, "EUR".into())));
        assert_eq!(one("20 euro"), Some((20.0, "EUR".into())));
        assert_eq!(one("2 đô 23 xu"), Some((2.23, "USD".into())));
    }

    #[test]
    fn ranges_and_bounds() {
        let m = money("từ 1000 đến 2000 đồng");
        assert_eq!((m[0].1.value, m[0].1.end), (1000.0, Some(2000.0)));
        assert_eq!(m[0].0, "từ 1000 đến 2000 đồng");
        let m = money("từ 7000 đồng trở xuống");
        assert_eq!(m[0].1.qualifier, Some(Qualifier::AtMost));
        assert_eq!(m[0].0, "từ 7000 đồng trở xuống");
        let m = money("không quá 7.000 đồng");
        assert_eq!(m[0].1.qualifier, Some(Qualifier::AtMost));
    }

    #[test]
    fn implied_dong_and_not_currencies() {
        assert_eq!(
            one("với tổng kinh phí 2,5 tỷ, dự án"),
            Some((2_500_000_000.0, "VND".into()))
        );
        assert_eq!(one("3 đồng chí được khen"), None);
        assert_eq!(one("2 đô thị loại I"), None);
        assert_eq!(one("có 200 triệu người"), None);
    }
}
