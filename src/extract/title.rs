//! `title` facts: titles of honour, campaigns and other titles written
//! between quotes.
//!
//! | written | value | category | rule |
//! |---|---|---|---|
//! | `đạt danh hiệu “Gia đình văn hóa”`, `Kỷ niệm chương “Vì sự nghiệp …”` | Gia đình văn hóa, … | honor_title | `title/honor-trigger` |
//! | `70% số thôn đạt “Thôn văn hóa”` | Thôn văn hóa | honor_title | `title/honor-known` |
//! | `cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”` | Toàn dân đoàn kết … văn minh | campaign | `title/campaign-trigger` |
//! | `phong trào thi đua "Dân vận khéo"` | Dân vận khéo | campaign | `title/campaign-trigger` |
//! | `mô hình “Dân vận khéo”`, `Chỉ thị 03: “Học tập và làm theo …”` | … | campaign | `title/campaign-known` |
//! | `phong trào “A”, “B” và “C”` | B, C | (the first one's) | `title/list` |
//! | `chương trình «Mỗi xã một sản phẩm»`, `cuốn sách ‘Nhật ký Đặng Thùy Trâm’` | … | other | `title/other-trigger` |
//! | `bộ phim “Mắt biếc” ra mắt`, `trở thành “Thủ đô kháng chiến.”` | Mắt biếc, Thủ đô kháng chiến | other | `title/other-trigger` |
//! | `Nghị quyết TW4: “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”` | … | other | `title/document` |
//! | `tham gia “Tết Vì người nghèo”` | Tết Vì người nghèo | campaign | `title/campaign-known` |
//! | `các “ông lớn”`, `“Tôi rất vui”, bà nói` | — | — | (no title) |
//!
//! Quotes: `“…”`, `"…"`, `«…»`, `‘…’` (and `„…”`). The value is the text
//! between them, without the quotes and without a full stop that ends the
//! sentence inside them; the fact's span includes the quotes.
//!
//! # Which quotes are titles
//! - Starting with a known title of honour (`lexicon/honor_titles.txt`) or
//!   a known campaign (`lexicon/campaigns.txt`): that, wherever it stands.
//! - After a trigger word (`lexicon/title_triggers.txt`: `danh hiệu`,
//!   `cuộc vận động`, `phong trào`, `chương trình`, `bộ phim`, `chủ đề`…):
//!   the trigger's category. A trigger of two words or more may end up to
//!   three words before the quote (`chương trình văn nghệ “…”`), never
//!   across a function word (`chương trình trong quá trình “…”`); a one-word
//!   trigger must come right before it.
//! - The next item of a list of titles (after `,`, `;`, `và`, `hoặc`) has
//!   the category of the one before: `các phong trào “A”, “B”, “C”`.
//! - After a colon that follows a document (`Nghị quyết`, `Chỉ thị`,
//!   `Kết luận`…): the document's name, `other`.
//! - Otherwise no title. Measured on the corpus, quotes with no trigger
//!   were mostly quotations, nicknames (`“Zico Thái”`), names of bodies
//!   and places, labels and words in quotes for irony or emphasis (`các
//!   “ông lớn”`, `bị “tuýt còi”`); a reader would not note them as titles.
//! - One or two words in lower case after a trigger of the `other` kind
//!   are emphasis too (`chủ đề “hót”`, `kế hoạch “dài hơi”`): skipped.
//!   Nicknames (`được mệnh danh là “…”`, `tên gọi “…”`) are no titles.

//! # Robustness (BAD_INPUTS #36)
//! One left-to-right pass over the tokens pairs the quotes with an explicit
//! stack per quote family, cleared at every line break (no recursion, no
//! look ahead, linear time): each closing quote takes the latest opening
//! one of its family. A pair more than [`MAX_BYTES`] bytes apart is no
//! title, and its inner pairs may be. An unterminated quote (`“Dự án "Cầu…`
//! at the end of the text) is left on its stack and gives nothing; a
//! megabyte between two quotes or a million `(` cost one step per token.
//! Nested quotes give the outer title only, the inner quotes kept in its
//! value (`“Học tập và làm theo ‘tấm gương’ Bác Hồ”`). The same family
//! closes its own opening, in either style (`“…”`, `"…"`, `“…"`), never
//! another family (`“…»`); a quote glued to the word before it closes even
//! when written as an opening one (`“Khánh Hòa ngày mới“`). A title is at
//! most [`MAX_CHARS`] characters.

use super::Phrases;
use super::marks;
use super::name::capitalized;
use super::{Ctx, Found, WordSet, clause_break};
use crate::fact::{FactValue, Title, TitleCategory};
use crate::lexicon::{CAMPAIGNS, HONOR_TITLES, TITLE_TRIGGERS};
use crate::token::{Kind, Tokens};
use once_cell::sync::Lazy;

/// The longest title, in characters.
pub(crate) const MAX_CHARS: usize = 300;

/// How far a closing quote is looked for, in bytes (a Vietnamese character
/// is one to three bytes in UTF-8).
pub(crate) const MAX_BYTES: usize = 4 * MAX_CHARS;

/// Quote families: double, guillemets, single.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
}

/// What a quote token does where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// The family and role of the quote at token `i`, if it is one.
fn quote(t: &Tokens<'_>, i: usize) -> Option<(Family, Role)> {
    let tok = t.get(i)?;
    let Kind::Punct(c) = tok.kind else {
        return None;
    };
    // The family first: most punctuation is no quote, and its neighbours
    // need not be read.
    let family = match c {
        '“' | '”' | '"' | '„' | '‟' => Family::Double,
        '«' | '»' => Family::Guillemet,
        '‘' | '’' => Family::Single,
        _ => return None,
    };
    // Glued to a word or number before it (`mới“`, `Vietnam’s`).
    let glued_before = t.joined(i) && (t.is_word(i - 1) || t.is_digits(i - 1));
    let glued_after = t.joined(i + 1) && (t.is_word(i + 1) || t.is_digits(i + 1));
    let spaced_after = t.get(i + 1).is_none_or(|x| x.space_before)
        || matches!(
            t.get(i + 1).map(|x| x.kind),
            Some(Kind::Punct(',' | '.' | ';' | ':' | '!' | '?' | ')' | '…'))
        );
    let role = match c {
        // An apostrophe, not a quote.
        '’' | '‘' if glued_before && glued_after => return None,
        '“' | '„' | '‟' | '«' | '‘' if glued_before && spaced_after => Role::Close,
        '“' | '„' | '‟' | '«' | '‘' => Role::Open,
        '”' | '»' | '’' if !glued_before && glued_after && tok.space_before => Role::Open,
        '”' | '»' | '’' => Role::Close,
        // `"`: opening when glued to what follows and not to what comes
        // before (nor to a full stop, a comma…).
        _ if glued_before => Role::Close,
        _ if t.joined(i)
            && matches!(
                t.get(i - 1).map(|x| x.kind),
                Some(Kind::Punct('.' | ',' | '!' | '?' | '…' | ')'))
            ) =>
        {
            Role::Close
        }
        _ if glued_after || t.joined(i + 1) => Role::Open,
        _ => Role::Close,
    };
    Some((family, role))
}

/// The pairs of quotes (opening, closing) at most [`MAX_BYTES`] apart on
/// one line, outermost only, in text order. One pass with a stack per
/// family (cleared at each line break): no recursion, no look ahead.
/// `every_line`: stop at every line break, not only with a quote open (the
/// reference the tests compare the scan with).
fn pairs(t: &Tokens<'_>, every_line: bool) -> Vec<(usize, usize)> {
    let mut double = Vec::new();
    let mut guillemet = Vec::new();
    let mut single = Vec::new();
    let mut out = Vec::new();
    let mut next = 0;
    loop {
        // The tokens that start no line and are no quote change nothing
        // here: skipped by their marks, in a tight loop.
        // A line break only matters with a quote left open: with none,
        // only quotes stop the scan (a text has twice as many lines).
        let open = !(double.is_empty() && guillemet.is_empty() && single.is_empty());
        let stops = if open || every_line {
            marks::LINE | marks::QUOTE
        } else {
            marks::QUOTE
        };
        let j = marks::next_marked(t.marks(), next, stops);
        let Some(tok) = t.get(j) else { break };
        next = j + 1;
        if tok.line_before {
            double.clear();
            guillemet.clear();
            single.clear();
        }
        let Some((family, role)) = quote(t, j) else {
            continue;
        };
        let stack = match family {
            Family::Double => &mut double,
            Family::Guillemet => &mut guillemet,
            Family::Single => &mut single,
        };
        match role {
            Role::Open => stack.push(j),
            Role::Close => {
                if let Some(open) = stack.pop() {
                    let near = t
                        .get(open)
                        .is_some_and(|o| tok.start.saturating_sub(o.end) <= MAX_BYTES);
                    if near {
                        out.push((open, j));
                    }
                }
            }
        }
    }
    keep_outermost(&mut out);
    out
}

/// Sorts the pairs by opening and keeps the outermost (inner pairs close
/// first), in place: a pair is kept when it opens after the last kept one
/// closes.
fn keep_outermost(pairs: &mut Vec<(usize, usize)>) {
    pairs.sort_unstable();
    let mut last_close = None;
    pairs.retain(|&(open, close)| {
        let outer = last_close.is_none_or(|c| open > c);
        if outer {
            last_close = Some(close);
        }
        outer
    });
}

static TRIGGERS: Lazy<(Phrases, Vec<TitleCategory>)> = Lazy::new(|| {
    let mut phrases = Vec::new();
    let mut cats = Vec::new();
    for (cat, phrase) in TITLE_TRIGGERS.iter() {
        let c = match *cat {
            "honor_title" => TitleCategory::HonorTitle,
            "campaign" => TitleCategory::Campaign,
            "other" => TitleCategory::Other,
            _ => continue,
        };
        phrases.push(*phrase);
        cats.push(c);
    }
    (Phrases::new(phrases), cats)
});

static HONORS: Lazy<Phrases> = Lazy::new(|| Phrases::new(HONOR_TITLES.iter().copied()));

static KNOWN_CAMPAIGNS: Lazy<Phrases> = Lazy::new(|| Phrases::new(CAMPAIGNS.iter().copied()));

/// Documents whose quoted name follows a colon: `Nghị quyết TW4: “Một số
/// vấn đề cấp bách …”`, `Chỉ thị 03 của Bộ Chính trị: “…”`.
static DOCUMENTS: Lazy<Phrases> = Lazy::new(|| {
    Phrases::new([
        "nghị quyết",
        "chỉ thị",
        "kết luận",
        "quyết định",
        "thông tư",
        "nghị định",
        "luật",
        "đề án",
        "đề tài",
        "chuyên đề",
        "nq",
        "ct",
    ])
});

/// Is there a document word before the colon right before token `open`
/// (within eight tokens, same clause)?
fn document_before(t: &Tokens<'_>, open: usize) -> bool {
    let Some(colon) = open.checked_sub(1) else {
        return false;
    };
    if !t.is_punct(colon, ':') {
        return false;
    }
    let mut k = colon;
    while k > 0 && colon - k < 8 {
        k -= 1;
        if t.get(k + 1).is_some_and(|x| x.line_before) || k + 1 < colon && clause_break(t, k) {
            return false;
        }
        if DOCUMENTS.longest_at(t, k).is_some() {
            return true;
        }
    }
    false
}

/// Words that never come between a trigger and its quote (`chương trình
/// trong quá trình “…”`).
const GAP_STOP: &[&str] = &[
    "trong", "của", "và", "cho", "với", "tại", "về", "để", "đã", "được", "bị", "là", "có", "từ",
    "đến", "theo", "như", "khi", "sau", "trước", "này", "đó", "những", "các", "một", "mà", "thì",
    "nhưng", "hay", "hoặc", "quá", "rằng", "ở", "vì", "do", "sẽ", "đang",
];

/// [`GAP_STOP`] as a set: one bit test rules out most words.
static GAP_STOPS: Lazy<WordSet> = Lazy::new(|| WordSet::new(GAP_STOP.iter().copied()));

/// The trigger before token `open`: right before it (`:` may come
/// between), or, for a trigger of two words or more, up to three words
/// before it. Returns its category.
fn trigger_before(t: &Tokens<'_>, open: usize) -> Option<TitleCategory> {
    let (phrases, cats) = &*TRIGGERS;
    let mut k = open;
    if t.is_punct(k.checked_sub(1)?, ':') {
        k -= 1;
    }
    for gap in 0..4 {
        if t.get(k).is_some_and(|x| x.line_before) {
            return None;
        }
        if let Some((start, idx)) = phrases.longest_ending_before(t, k) {
            // With words between them, the title starts with a capital
            // (`giải đấu mới "trước khi …"` is a quotation).
            let capital = capitalized(t, open + 1) || t.is_digits(open + 1);
            if gap == 0 || k - start > 1 && capital {
                return cats.get(idx).copied();
            }
        }
        let prev = k.checked_sub(1)?;
        if !t.is_word(prev) || GAP_STOPS.has(t, prev) {
            return None;
        }
        k = prev;
    }
    None
}

/// Words a quotation starts with, not a document's name (`kết luận:
/// “Chúng ta phải …”`).
const SPEECH_START: &[&str] = &[
    "tôi", "chúng", "mình", "ta", "em", "anh", "chị", "ông", "bà", "họ", "nếu", "hãy", "đừng",
    "phải", "cần", "không",
];

/// Does the quote read like a quotation: a pronoun first, or a sentence
/// inside (a full stop, `!` or `?` between words)?
fn quotation(t: &Tokens<'_>, open: usize, close: usize) -> bool {
    let first = open + 1;
    (t.is_word(first) && SPEECH_START.contains(&t.lower(first)))
        || (first..close).any(|k| {
            matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('.' | '!' | '?')))
                && !(t.joined(k) && t.joined(k + 1))
                && k + 1 < close
        })
}

/// Does the value (tokens `from..to`) start with a known title of honour?
fn known_honor(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    HONORS
        .longest_at(t, from)
        .is_some_and(|(n, _)| from + n <= to)
}

/// Does the value (tokens `from..to`) start with a known campaign?
fn known_campaign(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    KNOWN_CAMPAIGNS
        .longest_at(t, from)
        .is_some_and(|(n, _)| from + n <= to)
}

/// The value of a title whose quotes hold `raw`: without the spaces
/// around it and a full stop that ends the sentence inside the quotes.
fn trimmed(raw: &str) -> &str {
    raw.trim().trim_end_matches('.').trim_end()
}

/// Does the quote at token `open` follow the title ending at `prev_close`
/// in a list (`“A”, “B” và “C”`)?
fn listed_after(t: &Tokens<'_>, prev_close: usize, open: usize) -> bool {
    open == prev_close + 2
        && (t.is_punct(prev_close + 1, ',')
            || t.is_punct(prev_close + 1, ';')
            || t.is(prev_close + 1, "và")
            || t.is(prev_close + 1, "hoặc"))
}

/// Is the value one or two words in lower case (`“hót”`, `“dài hơi”`)?
fn lone_lower_word(t: &Tokens<'_>, open: usize, close: usize) -> bool {
    (close == open + 2 || close == open + 3)
        && (open + 1..close).all(|k| t.is_word(k) && !capitalized(t, k))
}

// Not inlined into the extractor's loop: a profile shows this kind's cost.
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let found = &mut ctx.found;
    {
        let t = &ctx.tokens;
        let text = t.text();
        // The closing quote and category of the title just before.
        let mut prev: Option<(usize, TitleCategory)> = None;
        for (open, close) in pairs(t, false) {
            let (Some(o), Some(c)) = (t.get(open), t.get(close)) else {
                continue;
            };
            // `“Thủ đô kháng chiến."`: the full stop ends the sentence.
            // Trimmed only when the quote's text is long, and for a title.
            let raw = text.get(o.end..c.start).unwrap_or_default();
            let has_word = (open + 1..close).any(|k| t.is_word(k));
            // No more characters than bytes: most values are counted by
            // their length alone.
            let long = raw.len() > MAX_CHARS && {
                let value = trimmed(raw);
                value.len() > MAX_CHARS && value.chars().count() > MAX_CHARS
            };
            if !has_word || long {
                continue;
            }
            let hit = if known_honor(t, open + 1, close) {
                Some((TitleCategory::HonorTitle, "title/honor-known"))
            } else if known_campaign(t, open + 1, close) {
                Some((TitleCategory::Campaign, "title/campaign-known"))
            } else {
                match trigger_before(t, open) {
                    Some(TitleCategory::HonorTitle) => {
                        Some((TitleCategory::HonorTitle, "title/honor-trigger"))
                    }
                    Some(TitleCategory::Campaign) => {
                        Some((TitleCategory::Campaign, "title/campaign-trigger"))
                    }
                    // `chủ đề “hót”`: a word in quotes for emphasis.
                    Some(_) if lone_lower_word(t, open, close) => None,
                    Some(_) => Some((TitleCategory::Other, "title/other-trigger")),
                    // The next item of a list of titles has the first's kind.
                    None if prev.is_some_and(|(c, _)| listed_after(t, c, open)) => {
                        prev.map(|(_, category)| (category, "title/list"))
                    }
                    None if document_before(t, open) && !quotation(t, open, close) => {
                        Some((TitleCategory::Other, "title/document"))
                    }
                    // No trigger: a quotation, a nickname, irony or emphasis.
                    None => None,
                }
            };
            prev = hit.map(|(category, _)| (close, category));
            if let Some((category, rule)) = hit {
                found.push(Found {
                    start: open,
                    end: close + 1,
                    value: FactValue::Title(Title {
                        value: trimmed(raw).to_string(),
                        category: Some(category),
                    }),
                    rule,
                });
            }
        }
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&DOCUMENTS);
    once_cell::sync::Lazy::force(&GAP_STOPS);
    once_cell::sync::Lazy::force(&HONORS);
    once_cell::sync::Lazy::force(&KNOWN_CAMPAIGNS);
    once_cell::sync::Lazy::force(&TRIGGERS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(String, Option<TitleCategory>)> {
        let mut ctx = Ctx::new(text, None);
        run(&mut ctx);
        ctx.found
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Title(x) => Some((x.value.clone(), x.category)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn seed() {
        assert_eq!(
            titles("đạt danh hiệu “Gia đình văn hóa” là 90,73%"),
            vec![(
                "Gia đình văn hóa".to_string(),
                Some(TitleCategory::HonorTitle)
            )]
        );
    }

    /// The quotes paired stopping at line breaks only with a quote open
    /// are those paired stopping at every line break, and the set of gap
    /// words answers as their list, over the seed report (raw, in
    /// capitals, every cut of it) and random mixes of quotes, words and
    /// line breaks.
    #[test]
    fn shortcuts_agree_with_their_reference() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "«",
            "»",
            "‘",
            "’",
            "„",
            "phong trào",
            "chương trình",
            "Dân vận khéo",
            "của",
            "trong",
            "và",
            "những",
            "một",
            "tôi",
            "A",
            ".",
            ",",
            ":",
            "\n",
            "\r\n",
            "\n\n",
            "2017",
        ];
        let mut texts = crate::testing::seed_texts(89);
        let mut rng = crate::testing::Rng::new();
        for k in 0..10_000 {
            texts.push(rng.mix(PIECES, 30, if k % 3 == 0 { 2 } else { 1 }));
        }
        let mut paired = 0;
        for text in &texts {
            let t = Tokens::new(text);
            let quick = pairs(&t, false);
            assert_eq!(quick, pairs(&t, true), "{text:?}");
            paired += quick.len();
            for i in 0..t.len() + 1 {
                let listed = t.is_word(i) && GAP_STOP.contains(&t.lower(i));
                assert_eq!(GAP_STOPS.has(&t, i), listed, "{text:?} {i}");
            }
        }
        assert!(paired > 3_000, "{paired}");
    }

    /// [`keep_outermost`] keeps what copying the outermost pairs into a
    /// second vector kept, on random lists of pairs (nested, overlapping,
    /// repeated, empty).
    #[test]
    fn keep_outermost_keeps_what_a_copy_kept() {
        let mut rng = crate::testing::Rng::new();
        let mut kept_some = 0;
        for _ in 0..20_000 {
            let mut pairs: Vec<(usize, usize)> = (0..rng.below(12))
                .map(|_| {
                    let open = rng.below(40);
                    (open, open + 1 + rng.below(10))
                })
                .collect();
            let mut sorted = pairs.clone();
            sorted.sort_unstable();
            let mut want: Vec<(usize, usize)> = Vec::new();
            for (open, close) in sorted {
                if want.last().is_none_or(|&(_, c)| open > c) {
                    want.push((open, close));
                }
            }
            keep_outermost(&mut pairs);
            assert_eq!(pairs, want);
            kept_some += usize::from(want.len() > 1);
        }
        assert!(kept_some > 5_000, "{kept_some}");
    }

    #[test]
    fn lists_load() {
        assert!(TRIGGERS.1.len() > 30);
        assert_eq!(
            TRIGGERS.1.len(),
            TITLE_TRIGGERS.len(),
            "an unknown category"
        );
        assert!(HONOR_TITLES.len() > 20);
        for e in HONOR_TITLES.iter().chain(CAMPAIGNS.iter()) {
            assert_eq!(*e, e.to_lowercase(), "{e}");
            // Punctuation is a word of its own, as in the tokens.
            assert!(!e.contains(",") || e.contains(" , "), "{e}");
        }
        let t = Tokens::new("phong trào “Nhà sạch, vườn đẹp”");
        assert!(known_campaign(&t, 3, 8));
        assert!(
            DOCUMENTS
                .longest_at(&Tokens::new("Nghị quyết"), 0)
                .is_some()
        );
    }
}
