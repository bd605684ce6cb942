//! `title` facts: titles of honour, campaigns and other titles written
//! between quotes.
//!
//! | written | value | category | rule |
//! |---|---|---|---|
//! | `đạt danh hiệu “Gia đình văn hóa”` | Gia đình văn hóa | honor_title | `title/honor-trigger` |
//! | `70% số thôn đạt “Thôn văn hóa”` | Thôn văn hóa | honor_title | `title/honor-known` |
//! | `cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”` | Toàn dân đoàn kết … văn minh | campaign | `title/campaign-trigger` |
//! | `phong trào thi đua "Dân vận khéo"` | Dân vận khéo | campaign | `title/campaign-trigger` |
//! | `chương trình «Mỗi xã một sản phẩm»`, `cuốn sách ‘Nhật ký Đặng Thùy Trâm’` | … | other | `title/other-trigger` |
//! | `bộ phim “Mắt biếc” ra mắt` | Mắt biếc | other | `title/other-trigger` |
//! | `dự án “Nâng cao năng lực cộng đồng”` | … | other | `title/other-trigger` |
//! | `tham gia “Tết Vì người nghèo”` | Tết Vì người nghèo | other | `title/quoted` |
//!
//! Quotes: `“…”`, `"…"`, `«…»`, `‘…’` (and `„…”`). The value is the text
//! between them, without the quotes; the fact's span includes them.
//!
//! # Which quotes are titles
//! - After a trigger word (`lexicon/title_triggers.txt`: `danh hiệu`,
//!   `cuộc vận động`, `phong trào`, `chương trình`, `cuốn sách`, `chủ đề`…),
//!   ending at most three words before the quote: always, with the
//!   trigger's category.
//! - Starting with a known title of honour (`lexicon/honor_titles.txt`):
//!   an honour title.
//! - Otherwise only what reads like a name: it starts with a capital, has at
//!   most 15 words and no sentence inside (no `.`, `!`, `?` between words),
//!   does not follow a colon or a verb of saying (`nói`, `cho biết`…),
//!   is not followed by `, ông X nói`-like attributions and does not start
//!   with a pronoun (`Tôi`, `Chúng ta`…). Those are quotations, not titles.
//! - A word or two in lower case between quotes without a trigger is
//!   irony or emphasis (`các “ông lớn”`, `bị “tuýt còi”`): skipped, no
//!   fact. A single capitalized word (`“Top10”`) is kept as `other`.
//!
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

use super::name::capitalized;
use super::{Ctx, Phrases, clause_break};
use crate::fact::{FactValue, Title, TitleCategory};
use crate::lexicon::{CAMPAIGNS, HONOR_TITLES, TITLE_TRIGGERS};
use crate::token::{Kind, Tokens};
use once_cell::sync::Lazy;

/// The longest title, in characters.
pub(crate) const MAX_CHARS: usize = 300;

/// How far a closing quote is looked for, in bytes (a Vietnamese character
/// is one to three bytes in UTF-8).
pub(crate) const MAX_BYTES: usize = 4 * MAX_CHARS;

/// The most words a title without a trigger has.
const MAX_UNTRIGGERED_WORDS: usize = 15;

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
    // Glued to a word or number before it (`mới“`, `Vietnam’s`).
    let glued_before = t.joined(i) && (t.is_word(i - 1) || t.is_digits(i - 1));
    let glued_after = t.joined(i + 1) && (t.is_word(i + 1) || t.is_digits(i + 1));
    let spaced_after = t.get(i + 1).is_none_or(|x| x.space_before)
        || matches!(
            t.get(i + 1).map(|x| x.kind),
            Some(Kind::Punct(',' | '.' | ';' | ':' | '!' | '?' | ')' | '…'))
        );
    let family = match c {
        '“' | '”' | '"' | '„' | '‟' => Family::Double,
        '«' | '»' => Family::Guillemet,
        '‘' | '’' => Family::Single,
        _ => return None,
    };
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
fn pairs(t: &Tokens<'_>) -> Vec<(usize, usize)> {
    let mut double = Vec::new();
    let mut guillemet = Vec::new();
    let mut single = Vec::new();
    let mut out = Vec::new();
    for j in 0..t.len() {
        let Some(tok) = t.get(j) else { break };
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
    // Inner pairs close first: sort by opening, keep the outermost.
    out.sort_unstable();
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (open, close) in out {
        if kept.last().is_none_or(|&(_, c)| open > c) {
            kept.push((open, close));
        }
    }
    kept
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

/// Verbs of saying before a quotation.
const SAYING: &[&str] = &[
    "nói",
    "bảo",
    "hỏi",
    "kể",
    "đáp",
    "rằng",
    "nhấn mạnh",
    "khẳng định",
    "chia sẻ",
    "cho biết",
    "thừa nhận",
    "phát biểu",
    "tâm sự",
    "tuyên bố",
    "khuyên",
    "dặn",
    "nhắc",
    "viết",
    "hét",
    "la",
    "than",
    "kêu",
];

/// Words that never come between a trigger and its quote (`chương trình
/// trong quá trình “…”`).
const GAP_STOP: &[&str] = &[
    "trong", "của", "và", "cho", "với", "tại", "về", "để", "đã", "được", "bị", "là", "có", "từ",
    "đến", "theo", "như", "khi", "sau", "trước", "này", "đó", "những", "các", "một", "mà", "thì",
    "nhưng", "hay", "hoặc", "quá", "rằng", "ở", "vì", "do", "sẽ", "đang",
];

/// More verbs of saying, after a quotation (`“…”, Ranieri xác nhận`).
const SAYING_AFTER: &[&str] = &[
    "xác nhận",
    "nói thêm",
    "giải thích",
    "kết luận",
    "nhận định",
    "bày tỏ",
    "cho hay",
];

/// Words that start a quotation, not a title.
const SPEECH_START: &[&str] = &[
    "tôi", "chúng", "mình", "em", "anh", "chị", "ông", "bà", "họ", "ai", "sao", "nếu", "thôi",
    "dạ", "vâng", "ừ", "ôi", "trời", "xin", "mày", "tao", "nó", "bọn", "cháu", "con", "cô", "chú",
    "bác", "thầy", "cậu", "đây", "đó", "thế", "vậy", "nhưng", "vì", "tại", "khi", "cứ", "chắc",
    "và", "nên", "hãy", "đừng", "phải", "cần", "làm", "có",
];

/// Who speaks after a quotation: `“…”, ông X nói`.
const SPEAKER: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "em",
    "cô",
    "chú",
    "bác",
    "thầy",
    "cháu",
    "cậu",
    "chủ",
    "giám",
    "phó",
    "trưởng",
    "bí",
    "tổng",
    "đại",
    "thượng",
    "trung",
    "thiếu",
    "gs",
    "pgs",
    "ts",
    "ths",
    "bs",
    "ls",
    "pv",
    "nói",
    "bảo",
    "hỏi",
    "kể",
    "đáp",
    "cho",
    "khẳng",
    "nhấn",
    "chia",
];

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
            if gap == 0 || k - start > 1 {
                return cats.get(idx).copied();
            }
        }
        let prev = k.checked_sub(1)?;
        if !t.is_word(prev) || GAP_STOP.contains(&t.lower(prev)) {
            return None;
        }
        k = prev;
    }
    None
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

/// Does the quote at token `open` follow the title ending at `prev_close`
/// in a list (`“A”, “B” và “C”`)?
fn listed_after(t: &Tokens<'_>, prev_close: usize, open: usize) -> bool {
    open == prev_close + 2
        && (t.is_punct(prev_close + 1, ',')
            || t.is_punct(prev_close + 1, ';')
            || t.is(prev_close + 1, "và")
            || t.is(prev_close + 1, "hoặc"))
}

/// Is the value one word in lower case (`“hót”`)?
fn lone_lower_word(t: &Tokens<'_>, open: usize, close: usize) -> bool {
    close == open + 2 && t.is_word(open + 1) && !capitalized(t, open + 1)
}

/// Does token `i` start a sentence or a line?
fn sentence_start(t: &Tokens<'_>, i: usize) -> bool {
    i == 0
        || t.get(i).is_some_and(|x| x.line_before)
        || matches!(
            t.get(i - 1).map(|x| x.kind),
            Some(Kind::Punct('.' | '!' | '?' | '…' | ':' | '-' | '–' | '—'))
        )
}

/// Does a quotation without a trigger read like a title?
fn reads_like_title(t: &Tokens<'_>, open: usize, close: usize) -> bool {
    let first = open + 1;
    if !t.is_word(first) && !t.is_digits(first) {
        return false;
    }
    if t.is_word(first)
        && !t
            .surface(first)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    if t.is_word(first) && SPEECH_START.contains(&t.lower(first)) {
        return false;
    }
    let mut words = 0;
    for k in first..close {
        if t.is_word(k) {
            words += 1;
        }
        if let Some(Kind::Punct(c)) = t.get(k).map(|x| x.kind) {
            let inner = t.joined(k) && t.joined(k + 1) && k + 1 < close;
            match c {
                '!' | '?' | '…' => return false,
                '.' if !inner => return false,
                _ => {}
            }
        }
    }
    if words == 0 || words > MAX_UNTRIGGERED_WORDS {
        return false;
    }
    // A comma between lower-case words: a sentence (`“Vào lúc này, họ đang
    // lo lắng”`), unless most words are capitalized (`“Vạn Lộc Tết, Gắn Kết
    // Yêu Thương”`).
    let comma = (first..close).any(|k| t.is_punct(k, ',') && !t.is_digits(k + 1));
    let capitals = (first..close).filter(|&k| capitalized(t, k)).count();
    if comma && capitals * 2 < words {
        return false;
    }
    // At the start of a sentence a capital says nothing: a word put in
    // quotes for emphasis (`“Lò” luyện thi`) or a quoted sentence. Most
    // words of a title there are capitalized.
    if sentence_start(t, open) {
        let lower_after = t.is_word(close + 1) && !capitalized(t, close + 1);
        if words == 1 && lower_after || capitals * 2 < words {
            return false;
        }
    }
    // After a colon or a verb of saying: a quotation.
    if let Some(p) = open.checked_sub(1) {
        if t.is_punct(p, ':') || t.is_punct(p, ',') {
            return false;
        }
        if SAYING.iter().any(|w| {
            let n = w.split(' ').count();
            open.checked_sub(n)
                .is_some_and(|s| t.phrase(s, w).is_some())
        }) {
            return false;
        }
    }
    // `“…”, ông X nói`, `“…” - bà Y cho biết`, `“…”, Ranieri xác nhận`.
    let after = close + 1;
    if matches!(
        t.get(after).map(|x| x.kind),
        Some(Kind::Punct(',' | '-' | '–' | '—'))
    ) && (after + 1..after + 6).any(|k| {
        SAYING
            .iter()
            .chain(SAYING_AFTER)
            .any(|w| t.phrase(k, w).is_some())
    }) {
        return false;
    }
    if matches!(
        t.get(after).map(|x| x.kind),
        Some(Kind::Punct(',' | '-' | '–' | '—'))
    ) && t.is_word(after + 1)
        && SPEAKER.contains(&t.lower(after + 1))
    {
        return false;
    }
    true
}

pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    {
        let t = &ctx.tokens;
        let text = t.text();
        // The closing quote and category of the title just before.
        let mut prev: Option<(usize, TitleCategory)> = None;
        for (open, close) in pairs(t) {
            let (Some(o), Some(c)) = (t.get(open), t.get(close)) else {
                continue;
            };
            // `“Thủ đô kháng chiến."`: the full stop ends the sentence.
            let value = text
                .get(o.end..c.start)
                .unwrap_or_default()
                .trim()
                .trim_end_matches('.')
                .trim_end();
            let has_word = (open + 1..close).any(|k| t.is_word(k));
            if !has_word || value.chars().count() > MAX_CHARS {
                continue;
            }
            let trigger = trigger_before(t, open);
            let hit = if known_honor(t, open + 1, close) {
                Some((TitleCategory::HonorTitle, "title/honor-known"))
            } else if known_campaign(t, open + 1, close) {
                Some((TitleCategory::Campaign, "title/campaign-known"))
            } else {
                match trigger {
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
                    None if document_before(t, open) => {
                        Some((TitleCategory::Other, "title/document"))
                    }
                    None => reads_like_title(t, open, close)
                        .then_some((TitleCategory::Other, "title/quoted")),
                }
            };
            prev = hit.map(|(category, _)| (close, category));
            if let Some((category, rule)) = hit {
                found.push((
                    open,
                    close + 1,
                    Title {
                        value: value.to_string(),
                        category: Some(category),
                    },
                    rule,
                ));
            }
        }
    }
    for (start, end, title, rule) in found {
        ctx.push_unclaimed(start, end, FactValue::Title(title), rule);
    }
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

    #[test]
    fn lists_load() {
        assert!(TRIGGERS.1.len() > 30);
        assert!(HONOR_TITLES.len() > 20);
    }
}
