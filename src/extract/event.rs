//! `event` facts: named events, with their ordinal when they have one.
//!
//! | written | name | ordinal | rule |
//! |---|---|---|---|
//! | `Đại hội thể dục thể thao lần thứ hai` | Đại hội thể dục thể thao | 2 | `event/lan-thu` |
//! | `Đại hội Đảng bộ tỉnh lần thứ XX` | Đại hội Đảng bộ tỉnh | 20 | `event/lan-thu` |
//! | `Đại hội đại biểu toàn quốc lần thứ XIII của Đảng` | Đại hội đại biểu toàn quốc của Đảng | 13 | `event/lan-thu` |
//! | `Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII` | Hội nghị Ban Chấp hành Trung ương Đảng khóa XII | 4 | `event/lan-thu` |
//! | `Hội khỏe Phù Đổng lần thứ X`, `Liên hoan phim Việt Nam lần thứ 22` | … | 10, 22 | `event/lan-thu` |
//! | `kỳ họp thứ 5 HĐND tỉnh khóa XVI` | kỳ họp HĐND tỉnh khóa XVI | 5 | `event/thu` |
//! | `Đại hội XIII của Đảng` | Đại hội của Đảng | 13 | `event/roman` |
//! | `Hội nghị Trung ương 4`, `SEA Games 31` | Hội nghị Trung ương, SEA Games | 4, 31 | `event/number` |
//! | `Lễ hội Đền Hùng`, `Ngày hội Đại đoàn kết toàn dân tộc` | (as written) | — | `event/named` |
//! | `Festival Huế 2024` | Festival Huế (the year is a date) | — | `event/named` |
//! | `Lễ hội Hoa phượng đỏ`, `Đại hội Đại đoàn kết các dân tộc Tây Nguyên` | (as written) | — | `event/named` |
//! | `hội thi “Kiểm soát nhiễm khuẩn bệnh viện”`, `Cuộc thi "Người đẹp du lịch"` | (with the quotes) | — | `event/named` |
//!
//! An event starts at a head word (`lexicon/event_heads.txt`): meetings and
//! congresses (`đại hội`, `hội nghị`, `kỳ họp`, `phiên họp`), contests and
//! shows (`hội thi`, `hội diễn`, `liên hoan`, `Giải`, `Cuộc thi`), festivals
//! and fairs (`lễ hội`, `festival`, `Hội chợ`, `Ngày hội`), games (`SEA
//! Games`, `ASIAD`). Weak heads (`Giải`, `Cuộc thi`, `Triển lãm`, `Hội
//! thảo`…) count only when written with a capital.
//!
//! The ordinal is read by the number grammar ([`crate::number::ordinal`]):
//! `lần thứ hai`, `lần thứ 31`, `lần thứ XX`, `lần đầu tiên`, `lần IX`
//! within fifteen tokens of the head (same clause; a short bracket such as
//! `(SEA Games)` may come between), `thứ 5` or a Roman numeral right after
//! a meeting (`kỳ họp thứ 5`, `Đại hội XIII`), a bare number after games
//! (`SEA Games 31`). What follows the ordinal and names the body is part of
//! the event: `của Đảng`, `Ban Chấp hành Trung ương`, `HĐND tỉnh`, `khóa
//! XVI`. The name is the event's words without the ordinal.
//!
//! # Events without an ordinal
//! - Any head followed by a quoted name (`hội thi “…”`, `hội thảo “…”`).
//! - Festivals, fairs, contests, games and congresses (`f` in the lexicon),
//!   written with a capital (or strong), followed by a proper name: `Lễ hội
//!   Đền Hùng`, `Festival Huế 2024` (the year is a date, left out of the
//!   name and the span), `Đại hội Đảng bộ tỉnh Quảng Ninh`. A name of one
//!   capitalized word that is no known place is a name in sentence case and
//!   goes on over lower-case words up to a verb or a function word (`Lễ hội
//!   Hoa phượng đỏ năm 2021` → `Lễ hội Hoa phượng đỏ`; `hội thi Sáng kiến
//!   cải tiến mô hình huấn luyện cấp toàn quân đạt giải` → up to `đạt`).
//! - A few whole names (`Ngày hội Đại đoàn kết toàn dân tộc`, `Đại hội đồng
//!   cổ đông thường niên`).
//!
//! Meetings need their ordinal: `hội nghị tổng kết công tác năm 2017` is no
//! named event, and `lần thứ hai` alone (no head) is none either. A weak
//! head in lower case is an event only with a name and an ordinal (`cuộc
//! thi giọng hát hay … lần thứ nhất`) or a quoted name.

use super::Phrases;
use super::marks;
use super::name::capitalized;
use super::project::PhraseStarts;
use super::{Ctx, WordSet, clause_break};
use crate::fact::{Event, FactValue};
use crate::lexicon::{EVENT_HEADS, PLACE_NAMES as KNOWN_PLACES};
use crate::number::Style;
use crate::number::ordinal::ordinal_at;
use crate::number::roman::roman_at;
use crate::token::{Kind, Tokens, word_hash};
use once_cell::sync::Lazy;

/// The most tokens between a head and its ordinal.
const MAX_GAP: usize = 15;

/// The most tokens of what follows the ordinal (`Ban Chấp hành Trung ương
/// Đảng khóa XII`).
const MAX_TAIL: usize = 10;

/// The longest quoted name inside an event's name, in tokens.
const MAX_QUOTED: usize = 20;

/// The largest ordinal.
const MAX_ORDINAL: u32 = 1000;

/// A head of the lexicon.
struct Head {
    /// Any case (`s`), or only capitalized (`w`).
    strong: bool,
    /// An event with a proper name even without an ordinal (`f`).
    festival: bool,
    /// `thứ N` or a Roman numeral may follow directly (`m`).
    meeting: bool,
    /// A bare number after it is the ordinal (`n`).
    games: bool,
    /// An event's whole name on its own (`x`).
    whole: bool,
}

static HEADS: Lazy<(Phrases, Vec<Head>)> = Lazy::new(|| {
    let mut phrases = Vec::new();
    let mut heads = Vec::new();
    for (flags, phrase) in EVENT_HEADS.iter() {
        phrases.push(*phrase);
        heads.push(Head {
            strong: flags.contains('s'),
            festival: flags.contains('f'),
            meeting: flags.contains('m'),
            games: flags.contains('n'),
            whole: flags.contains('x'),
        });
    }
    (Phrases::new(phrases), heads)
});

/// How the heads start (a head starts at few of the words a head may
/// start with: `giải quyết`, `hội viên`, `ngày mai`).
static HEAD_STARTS: Lazy<PhraseStarts> =
    Lazy::new(|| PhraseStarts::new(EVENT_HEADS.iter().map(|(_, p)| *p)));

/// Lower-case words of the body after an ordinal (`HĐND tỉnh`, `Đảng Cộng
/// sản`, `Ban Chấp hành Trung ương`).
const TAIL_LOWER: &[&str] = &[
    "bộ",
    "ủy",
    "tỉnh",
    "huyện",
    "xã",
    "thành",
    "phố",
    "quận",
    "phường",
    "thị",
    "trấn",
    "trung",
    "ương",
    "toàn",
    "quốc",
    "sản",
    "chấp",
    "hành",
    "thường",
    "vụ",
    "nhân",
    "dân",
    "đại",
    "biểu",
    "ban",
    "hội",
    "trận",
    "đoàn",
];

/// Capitalized words that start a new sentence, not a body (`Đại hội …
/// lần thứ XII Trong bối cảnh …`, a full stop lost).
const TAIL_STOP: &[&str] = &[
    "trong", "theo", "tại", "sau", "khi", "để", "với", "từ", "đến", "cách", "ngày", "sáng",
    "chiều", "tối", "hôm", "năm", "tháng", "đây", "đó", "này", "nhưng", "và", "còn", "ông", "bà",
    "anh", "chị", "hiện", "dự", "tuy",
];

/// [`TAIL_STOP`] as a set.
static TAIL_STOPS: Lazy<WordSet> = Lazy::new(|| WordSet::new(TAIL_STOP.iter().copied()));

/// Lower-case syllables inside the names of bodies: a body's name cut
/// right before one of them is cut in the middle (`Hội Nhà văn`).
const NAME_SYLLABLES: &[&str] = &[
    "văn", "học", "nghệ", "thuật", "khoa", "kỹ", "thuật", "phụ", "nữ", "nông", "dân", "chiến",
    "binh", "niên", "viên", "giáo", "nghiệp", "luật", "sư", "báo", "chí", "nhà",
];

/// Lower-case words between a festival head and its name (`Liên hoan phim
/// Việt Nam`, `Lễ hội pháo hoa quốc tế Đà Nẵng`).
const FESTIVAL_FILLERS: &[&str] = &[
    "quốc",
    "tế",
    "văn",
    "hóa",
    "du",
    "lịch",
    "pháo",
    "hoa",
    "ẩm",
    "thực",
    "thể",
    "thao",
    "âm",
    "nhạc",
    "phim",
    "sách",
    "thương",
    "mại",
    "truyền",
    "thống",
    "làng",
    "nghề",
    "trà",
    "cà",
    "phê",
    "biển",
    "đường",
    "mùa",
    "xuân",
    "đền",
    "chùa",
    "dân",
    "gian",
    "nghệ",
    "thuật",
    "ánh",
    "sáng",
];

/// [`FESTIVAL_FILLERS`] as a set.
static FESTIVAL_FILLER_SET: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(FESTIVAL_FILLERS.iter().copied()));

/// Words after the number of games that make it a count (`hội nghị trung
/// ương 2 ngày`).
const NOT_ORDINAL_NEXT: &[&str] = &["ngày", "năm", "tháng", "giờ", "lần", "người", "tuần"];

/// Is token `i` a word written all in capitals (two letters or more)?
fn all_caps(t: &Tokens<'_>, i: usize) -> bool {
    t.is_word(i) && {
        let s = t.surface(i);
        // A lower-case first letter (most words) settles it, before the
        // characters are counted.
        !s.chars().next().is_some_and(char::is_lowercase)
            && s.chars().count() > 1
            && !s.chars().any(char::is_lowercase)
    }
}

/// The head at token `i`: the entry, its number of tokens and whether its
/// case makes it a head on its own (a weak head written in lower case is
/// one only with a name and an ordinal, or a quoted name: `cuộc thi giọng
/// hát hay … lần thứ nhất`, `cuộc thi “…”`).
fn head_at(t: &Tokens<'_>, i: usize) -> Option<(&'static Head, usize, bool)> {
    if !t.is_word(i) {
        return None;
    }
    let (phrases, heads) = &*HEADS;
    let (n, k) = phrases.longest_at(t, i)?;
    if (i + 1..i + n).any(|m| t.get(m).is_some_and(|x| x.line_before || !x.space_before)) {
        return None;
    }
    // Not inside a longer word: `đại hội` ends `Hội`, `Đại hội` is no
    // part of `tổng đại hội`… but a word glued before is.
    if t.joined(i) && i > 0 && t.is_word(i - 1) {
        return None;
    }
    let head = heads.get(k)?;
    Some((head, n, head.strong || capitalized(t, i)))
}

/// An ordinal as a value, if it is a plausible one.
fn value(v: u128) -> Option<u32> {
    u32::try_from(v)
        .ok()
        .filter(|v| (1..=MAX_ORDINAL).contains(v))
}

/// The ordinal of the event whose head is `i..h_end`: (first token, end,
/// value, rule).
fn ordinal_after(
    t: &Tokens<'_>,
    style: &Style,
    head: &Head,
    h_end: usize,
    cased: bool,
) -> Option<(usize, usize, u32, &'static str)> {
    if t.get(h_end).is_none_or(|x| x.line_before) {
        return None;
    }
    if head.meeting {
        if t.is(h_end, "thứ") {
            let m = ordinal_at(t, h_end, style)?;
            return Some((h_end, m.end, value(m.value.as_int()?)?, "event/thu"));
        }
        if let Some(v) = roman_at(t, h_end) {
            return Some((h_end, h_end + 1, value(u128::from(v))?, "event/roman"));
        }
    }
    if head.games && t.is_digits(h_end) && t.surface(h_end).len() <= 3 {
        let glued = t.joined(h_end + 1) && (t.is_word(h_end + 1) || t.is_digits(h_end + 1));
        let counted = t.is_word(h_end + 1) && NOT_ORDINAL_NEXT.contains(&t.lower(h_end + 1));
        if !glued && !counted {
            let v = t.surface(h_end).parse::<u32>().ok().filter(|v| *v <= 200)?;
            return Some((h_end, h_end + 1, value(u128::from(v))?, "event/number"));
        }
    }
    if !lan_ahead(t, h_end) {
        return None;
    }
    ordinal_after_gap(t, style, h_end, cased)
}

/// Is there a `lần` within reach of [`ordinal_after_gap`] (before
/// [`MAX_GAP`] and [`MAX_QUOTED`] tokens)? Its walk finds an ordinal only
/// at one: this tests the tokens' hashes alone, where the walk compares
/// words at each (`hội nghị tổng kết công tác năm 2017` has none).
fn lan_ahead(t: &Tokens<'_>, h_end: usize) -> bool {
    let lan = *LAN;
    (h_end..h_end + MAX_GAP + MAX_QUOTED).any(|k| t.hash(k) == Some(lan))
}

/// The [`word_hash`] of `lần`.
static LAN: Lazy<u32> = Lazy::new(|| word_hash("lần"));

/// [`ordinal_after`] past a head that takes none right after it: `lần thứ
/// …` within [`MAX_GAP`] tokens, over a name, a short bracket or a quoted
/// name.
fn ordinal_after_gap(
    t: &Tokens<'_>,
    style: &Style,
    h_end: usize,
    cased: bool,
) -> Option<(usize, usize, u32, &'static str)> {
    let mut j = h_end;
    // A comma inside a name (`Liên hoan Dân ca ví, giặm Nghệ Tĩnh lần thứ
    // ba`): only between words that are no verbs nor function words.
    let mut comma = false;
    let plain = |to: usize| {
        (h_end..to).all(|k| !t.is_word(k) || capitalized(t, k) || !NAME_STOPS.has(t, k))
    };
    while j < h_end + MAX_GAP + MAX_QUOTED {
        if j >= h_end + MAX_GAP && !t.is(j, "lần") {
            return None;
        }
        let tok = t.get(j)?;
        if tok.line_before {
            return None;
        }
        if t.is(j, "lần") {
            if comma && !plain(j) {
                return None;
            }
            if let Some(m) = ordinal_at(t, j + 1, style) {
                return Some((j, m.end, value(m.value.as_int()?)?, "event/lan-thu"));
            }
            if let Some(v) = roman_at(t, j + 1) {
                return Some((j, j + 2, value(u128::from(v))?, "event/lan-thu"));
            }
            return None;
        }
        if t.is_punct(j, '(') {
            // A short bracket: `Đại hội Thể thao Đông Nam Á (SEA Games)`.
            let close = (j + 1..j + 8).find(|&k| t.is_punct(k, ')'))?;
            if (j + 1..close).any(|k| t.get(k).is_some_and(|x| x.line_before)) {
                return None;
            }
            j = close + 1;
            continue;
        }
        // `BCH T.Ư`, `TP.HCM`: a full stop inside an abbreviation.
        let inner_dot = t.is_punct(j, '.') && t.joined(j) && t.joined(j + 1) && t.is_word(j + 1);
        // A quoted name inside: `Giải báo chí “Vì sự nghiệp …” lần thứ XIII`.
        if matches!(tok.kind, Kind::Punct('“' | '"' | '«')) {
            let close = (j + 1..j + MAX_QUOTED).find(|&k| {
                matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('”' | '"' | '»')))
            })?;
            if (j + 1..=close).any(|k| t.get(k).is_some_and(|x| x.line_before)) {
                return None;
            }
            j = close + 1;
            continue;
        }
        if t.is_punct(j, ',')
            && !comma
            && j > h_end
            && t.is_word(j + 1)
            && !capitalized(t, j + 1)
            && !NAME_STOPS.has(t, j + 1)
        {
            comma = true;
            j += 1;
            continue;
        }
        if clause_break(t, j) && !inner_dot
            || matches!(tok.kind, Kind::Punct('“' | '”' | '"' | '«' | '»'))
        {
            return None;
        }
        // Another head: its own event (`giải cuộc thi Viết thư … lần thứ
        // 46` is the contest's).
        if (j > h_end || !cased) && head_at(t, j).is_some_and(|(_, _, inner)| inner || !cased) {
            return None;
        }
        j += 1;
    }
    None
}

/// What follows an ordinal and names the body: `của Đảng`, `Ban Chấp hành
/// Trung ương Đảng`, `HĐND tỉnh`, `khóa XVI`. Returns its end.
fn tail(t: &Tokens<'_>, e: usize, caps: bool) -> usize {
    let line = |k: usize| t.get(k).is_none_or(|x| x.line_before || !x.space_before);
    let mut end = e;
    let start = if t.is(e, "của") { e + 1 } else { e };
    let sentence_word = TAIL_STOPS.has(t, start);
    if !caps && capitalized(t, start) && !line(start) && !sentence_word {
        let mut m = start;
        while m < start + MAX_TAIL {
            // `BCH T.Ư`, `HĐND TP.HCM`: a full stop inside an abbreviation.
            if t.is_punct(m, '.') && t.joined(m) && capitalized(t, m + 1) && t.joined(m + 1) {
                m += 2;
                continue;
            }
            if line(m) || !(capitalized(t, m) || t.is_word(m) && TAIL_LOWER.contains(&t.lower(m))) {
                break;
            }
            m += 1;
        }
        // Cut inside a name (`Hội Nhà | văn`, `của Ủy | ban`): no body.
        let cut = t.is_word(m) && !line(m) && NAME_SYLLABLES.contains(&t.lower(m));
        if !cut {
            end = m;
        }
    }
    let k = end;
    if (t.is(k, "khóa") || t.is(k, "khoá"))
        && !line(k)
        && !line(k + 1)
        && (roman_at(t, k + 1).is_some() || t.is_digits(k + 1))
    {
        end = k + 2;
    }
    end
}

/// The most tokens of an event's name without an ordinal.
const MAX_NAMED: usize = 14;

/// The most tokens of a quoted name after a head.
const MAX_QUOTED_NAME: usize = 40;

/// Words that end a name written in sentence case (`Lễ hội Hoa phượng đỏ
/// năm 2021`, `hội thi Sáng kiến … đạt giải`): verbs and function words.
const NAME_STOP: &[&str] = &[
    "được", "đã", "sẽ", "đang", "là", "có", "tại", "ở", "vào", "từ", "đến", "với", "năm", "ngày",
    "tháng", "diễn", "tổ", "khai", "bế", "và", "của", "cho", "để", "do", "nhằm", "thu", "trong",
    "theo", "sau", "khi", "đạt", "gồm", "nhân", "chào", "mừng", "này", "đó", "lần", "thứ", "kéo",
    "bắt", "mở", "sắp", "vừa", "mới", "cũng", "không", "chưa", "bị", "như", "hay", "hoặc", "trên",
    "dưới", "qua", "về", "ra", "lên", "xuống", "nên", "thì", "mà", "rất", "lớn", "nhất", "đầu",
    "cuối", "chính", "tiếp", "tham", "tổng", "công", "quy", "hơn", "gần", "khoảng", "một", "hai",
    "ba", "nhiệm", "thành", "tốt", "đẹp", "lại", "vì", "nơi", "dành", "gắn", "chỉ", "hết", "đều",
    "còn", "luôn", "hàng", "mỗi", "sáng", "chiều", "tối", "trước", "giữa", "bên", "cùng", "suốt",
    "dịp", "đợt", "kỳ", "lễ", "họp", "nhóm", "bàn", "thảo", "quyết", "thông", "kêu", "đề", "phát",
    "hoạt",
];

/// [`NAME_STOP`] as a set: most words are ruled out at one bit test,
/// where the list compared each of its words.
static NAME_STOPS: Lazy<WordSet> = Lazy::new(|| WordSet::new(NAME_STOP.iter().copied()));

/// Words that never start a name: a headline run into the text (`Đại hội
/// Sẽ lấy ý kiến …`).
const HEADLINE_STOP: &[&str] = &[
    "sẽ", "đã", "được", "đang", "là", "có", "vừa", "cũng", "không", "chưa", "bị", "đều", "còn",
    "cần", "phải", "nên", "thì", "mà", "và",
];

/// [`HEADLINE_STOP`] as a set.
static HEADLINE_STOPS: Lazy<WordSet> = Lazy::new(|| WordSet::new(HEADLINE_STOP.iter().copied()));

/// The end of a name written in sentence case starting at token `j`
/// (`Hoa phượng đỏ`, `Sáng kiến cải tiến mô hình huấn luyện cấp toàn
/// quân`, `Tình yêu - Hòn Trống Mái`): capitals, then lower-case words
/// that are no verb or function word, up to [`MAX_NAMED`] tokens. A name
/// of several capitals (`Đền Hùng`, `Buôn Ma Thuột`) or a known place
/// (`Huế`) ends with its capitals.
fn sentence_case_name(t: &Tokens<'_>, j: usize, caps: bool) -> Option<usize> {
    let end = super::project::name_end(t, j, caps, false, true)?;
    let single = end == j + 1 && t.is_word(j);
    if caps || !single || KNOWN_PLACES.contains(&t.lower(j)) {
        return Some(end);
    }
    let mut k = end;
    let mut last = end;
    while k < j + MAX_NAMED {
        let Some(tok) = t.get(k) else { break };
        if tok.line_before {
            break;
        }
        if t.is_word(k) && tok.space_before && (capitalized(t, k) || !NAME_STOPS.has(t, k)) {
            k += 1;
            last = k;
            continue;
        }
        // `Điều dưỡng giỏi - thanh lịch`, `Tình yêu - Hòn Trống Mái`.
        if matches!(tok.kind, Kind::Punct('-' | '–'))
            && t.is_word(k + 1)
            && !NAME_STOPS.has(t, k + 1)
        {
            k += 1;
            continue;
        }
        break;
    }
    Some(last)
}

/// A named event without an ordinal at head `i..h_end`: its end. A quoted
/// name after any head (`hội thi “Kiểm soát nhiễm khuẩn bệnh viện”`,
/// `Liên hoan du lịch "Đồ Sơn - Sắc màu của biển"`); a proper name after a
/// festival, fair, contest or congress (`Lễ hội Đền Hùng`, `Lễ hội Hoa
/// phượng đỏ`, `Đại hội Đại đoàn kết các dân tộc Tây Nguyên`).
fn named(t: &Tokens<'_>, i: usize, head: &Head, h_end: usize, cased: bool) -> Option<usize> {
    if head.whole {
        return cased.then_some(h_end);
    }
    let mut j = h_end;
    while j < h_end + 4 && t.is_word(j) && !capitalized(t, j) && FESTIVAL_FILLER_SET.has(t, j) {
        j += 1;
    }
    if t.get(j).is_none_or(|x| x.line_before || !x.space_before) {
        return None;
    }
    if matches!(t.get(j).map(|x| x.kind), Some(Kind::Punct('“' | '"' | '«'))) {
        let close = (j + 1..j + MAX_QUOTED_NAME)
            .take_while(|&k| t.get(k).is_some_and(|x| !x.line_before))
            .find(|&k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('”' | '"' | '»'))))?;
        // `lễ hội "đời mới"`: a word in quotes for irony, not a name.
        let named = t.is_digits(j + 1) || capitalized(t, j + 1);
        return (close > j + 1 && named).then_some(close + 1);
    }
    // `Đại hội Sẽ lấy ý kiến …`: a headline run into the text, no name.
    if !head.festival || !cased || !capitalized(t, j) || HEADLINE_STOPS.has(t, j) {
        return None;
    }
    let mut end = sentence_case_name(t, j, all_caps(t, i))?;
    // `Festival Huế 2024`: the year is a date, not part of the name.
    if end > j + 1 && t.is_digits(end - 1) && t.surface(end - 1).len() == 4 {
        end -= 1;
    }
    (end > j).then_some(end)
}

// Not inlined into the extractor's loop: a profile shows this kind's cost.
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    {
        let t = &ctx.tokens;
        let text = t.text();
        let slice = |a: usize, b: usize| text.get(t.span(a, b).range()).unwrap_or_default();
        let mut i = 0;
        let starts = &*HEAD_STARTS;
        let len = t.len();
        while i < len {
            // Almost every token is ruled out by its mark, in a tight loop
            // (the mark is the heads' first-word filter: a test checks it);
            // of the others, most at a bit test of the first two words.
            loop {
                i = ctx.marks.next(i, marks::EVENT);
                if i >= len || t.hash(i).is_some_and(|h| starts.may_start(t, i, h)) {
                    break;
                }
                i += 1;
            }
            let Some((head, n, cased)) = head_at(t, i) else {
                i += 1;
                continue;
            };
            let h_end = i + n;
            let ordinal = ordinal_after(t, &ctx.style, head, h_end, cased)
                // A weak head in lower case needs a name before its ordinal.
                .filter(|&(os, ..)| cased || os > h_end);
            if let Some((os, oe, ordinal, rule)) = ordinal {
                let caps = all_caps(t, i);
                let end = tail(t, oe, caps);
                let mut name = slice(i, os).to_string();
                if end > oe {
                    name.push(' ');
                    name.push_str(slice(oe, end));
                }
                found.push((
                    i,
                    end,
                    Event {
                        name,
                        ordinal: Some(ordinal),
                    },
                    rule,
                ));
                i = end;
                continue;
            }
            if let Some(end) = named(t, i, head, h_end, cased) {
                found.push((
                    i,
                    end,
                    Event {
                        name: slice(i, end).to_string(),
                        ordinal: None,
                    },
                    "event/named",
                ));
                i = end;
                continue;
            }
            i += 1;
        }
    }
    for (start, end, event, rule) in found {
        ctx.push_unclaimed(start, end, FactValue::Event(event), rule);
    }
}

/// The words an event head may start with (see [`super::marks`]).
pub(crate) fn mark_starts() -> super::marks::Starts {
    super::marks::Starts {
        filters: vec![HEADS.0.first_filter()],
        hashes: Vec::new(),
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&HEADS);
    once_cell::sync::Lazy::force(&NAME_STOPS);
    once_cell::sync::Lazy::force(&HEADLINE_STOPS);
    once_cell::sync::Lazy::force(&TAIL_STOPS);
    once_cell::sync::Lazy::force(&FESTIVAL_FILLER_SET);
    once_cell::sync::Lazy::force(&HEAD_STARTS);
    once_cell::sync::Lazy::force(&LAN);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word sets answer as their lists at every token: the lists'
    /// words in lower case, capitals and title case, other words, numbers
    /// and punctuation, in random mixes and in the seed texts.
    #[test]
    fn word_sets_answer_as_their_lists() {
        let lists: [(&WordSet, &[&str]); 4] = [
            (&NAME_STOPS, NAME_STOP),
            (&HEADLINE_STOPS, HEADLINE_STOP),
            (&TAIL_STOPS, TAIL_STOP),
            (&FESTIVAL_FILLER_SET, FESTIVAL_FILLERS),
        ];
        let mut pieces: Vec<String> = Vec::new();
        for (_, list) in lists {
            for w in list {
                pieces.push(format!("{w} "));
                pieces.push(format!("{} ", w.to_uppercase()));
                let mut c = w.chars();
                let title: String = c
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(c)
                    .collect();
                pieces.push(format!("{title} "));
            }
        }
        for w in [
            "hội ",
            "lễ hội ",
            "Đại hội ",
            "khoá ",
            "hoà ",
            "uỷ ",
            "2017 ",
            ", ",
            ". ",
            "“",
            "”",
            "\n",
            "-",
        ] {
            pieces.push(w.to_string());
        }
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut texts: Vec<String> = crate::token::tests::random_mixes(&pieces, 2_000).collect();
        texts.extend(crate::testing::seed_texts(97));
        let mut hits = 0;
        for text in &texts {
            let t = Tokens::new(text);
            for k in 0..t.len() + 2 {
                for (set, list) in lists {
                    let want = t.is_word(k) && list.contains(&t.lower(k));
                    assert_eq!(set.has(&t, k), want, "{text:?} at {k}");
                    hits += usize::from(want);
                }
            }
        }
        assert!(hits > 10_000, "{hits}");
    }

    /// [`lan_ahead`] rules out no ordinal [`ordinal_after_gap`] finds,
    /// after every token of the seed report (raw, in capitals, every cut of
    /// it), and of random mixes of heads, names, ordinals, brackets, quotes
    /// and line breaks, for heads in either case.
    #[test]
    fn lan_ahead_rules_out_no_ordinal() {
        const PIECES: &[&str] = &[
            "Đại hội",
            "hội nghị",
            "Liên hoan",
            "lần",
            "thứ",
            "hai",
            "XIII",
            "31",
            "lần thứ 22",
            "Đảng bộ",
            "tỉnh",
            "của",
            "Đảng",
            "(",
            ")",
            "(SEA Games)",
            "“",
            "”",
            "\"",
            ",",
            ".",
            "\n",
            "Dân ca ví",
            "giặm",
            "Vì sự nghiệp",
            "BCH T.Ư",
            "và",
            "năm 2017",
        ];
        let mut texts = crate::testing::seed_texts(79);
        let mut rng = crate::testing::Rng::new();
        for k in 0..20_000 {
            texts.push(rng.mix(PIECES, 30, if k % 4 == 0 { 2 } else { 1 }));
        }
        let (mut found, mut ruled_out) = (0, 0);
        for text in &texts {
            let t = Tokens::new(text);
            let style = Style::of(&t);
            for h_end in 0..t.len() + 1 {
                let ahead = lan_ahead(&t, h_end);
                for cased in [false, true] {
                    let ordinal = ordinal_after_gap(&t, &style, h_end, cased);
                    assert!(ahead || ordinal.is_none(), "{text:?} after {h_end}");
                    found += usize::from(ordinal.is_some());
                }
                ruled_out += usize::from(!ahead);
            }
        }
        assert!(found > 5_000 && ruled_out > 50_000, "{found} {ruled_out}");
    }

    fn events(text: &str) -> Vec<(String, Option<u32>)> {
        let mut ctx = Ctx::new(text, None);
        run(&mut ctx);
        ctx.found
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Event(e) => Some((e.name.clone(), e.ordinal)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn seed() {
        assert_eq!(
            events("tổ chức thành công Đại hội thể dục thể thao lần thứ hai;"),
            vec![("Đại hội thể dục thể thao".to_string(), Some(2))]
        );
        assert_eq!(events("đây là lần thứ hai"), vec![]);
    }

    #[test]
    fn heads_load() {
        assert!(HEADS.1.len() > 30);
        for (flags, phrase) in EVENT_HEADS.iter() {
            assert!(
                flags.chars().all(|c| "swfmnx".contains(c)),
                "{flags} {phrase}"
            );
            assert!(
                flags.contains('s') != flags.contains('w'),
                "{flags} {phrase}"
            );
            assert_eq!(*phrase, phrase.to_lowercase(), "{phrase}");
        }
    }
}
