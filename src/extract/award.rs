//! `award` facts: who was honoured, with what, by whom and why.
//!
//! | written (the fact's span in brackets) | rule | fields |
//! |---|---|---|
//! | `[7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen]` | `award/counts-then-honor` | collectives 7, individuals 19, honor "Giấy khen", conferred_by "Đảng bộ xã", reason "có thành tích …" |
//! | `Chủ tịch UBND tỉnh [tặng Bằng khen cho 12 tập thể và 35 cá nhân]` | `award/honor-then-counts` | collectives 12, individuals 35, honor "Bằng khen", conferred_by "Chủ tịch UBND tỉnh" |
//! | `[trao Cờ thi đua của Chính phủ cho mười hai tập thể]` | `award/honor-then-counts` | honor "Cờ thi đua", conferred_by "Chính phủ", collectives 12 |
//! | `[tặng Bằng khen cho 5 tập thể, 10 cá nhân]; [Giấy khen cho 20 tập thể]` | `award/honor-then-counts` ×2 | two awards; the second keeps the verb of the first |
//! | `UBND huyện [tặng giấy khen cho 7 công dân]` | `award/honor-then-counts` | individuals 7, recipient "7 công dân" |
//! | `[trao tặng Học viện Kỹ thuật Mật mã Huân chương Bảo vệ Tổ quốc hạng Nhì]` | `award/recipient-then-honor` | recipient "Học viện Kỹ thuật Mật mã" |
//! | `[Ngành tư pháp đón nhận Huân chương Lao động hạng Nhất]` | `award/recipient-then-honor` | recipient "Ngành tư pháp" |
//! | `[trao Huân chương Lao động hạng Nhì cho ngành tư pháp]`, `[trao Huân chương … tặng nguyên Phó Thủ tướng …]` | `award/honor-then-recipient` | recipient "ngành tư pháp" |
//! | `[vinh dự nhận Bằng khen] của Thủ tướng Chính phủ` | `award/honor` | conferred_by "Thủ tướng Chính phủ"; no recipient in the clause |
//! | `[được tặng thưởng Huân chương Độc lập], [Huân chương Quân công]` | `award/listed-honor` | each honour of a list, with the verb, conferrer and recipient of the first |
//! | `được [tặng danh hiệu “Chiến sĩ thi đua cơ sở”]` | `award/honor` | honor "Chiến sĩ thi đua cơ sở" (without `danh hiệu` and the quotes) |
//! | `[khen thưởng 12 tập thể và 35 cá nhân]`, `[14 đơn vị … được biểu dương]` | `award/counts` | counts without an honour, only after khen thưởng, biểu dương, tuyên dương, tôn vinh |
//! | `biểu dương 55 tập thể …; [50 gương “Người tốt, việc tốt”]` | `award/listed-counts` | counts in a list after such an award |
//!
//! Word lists (data, in `lexicon/`): `honors.txt` (Giấy khen, Bằng khen, Cờ
//! thi đua, Huân chương…, titles such as Lao động tiên tiến), `award_verbs.txt`
//! (tặng, trao tặng, đón nhận, khen thưởng… with how each reads),
//! `award_conferrers.txt` (the words a conferrer starts with),
//! `award_recipients.txt` (tập thể, cá nhân, hộ gia đình and the nouns
//! counted with them: đơn vị → collectives, học sinh, đảng viên, vị →
//! individuals) and `award_reasons.txt` (có thành tích, có nhiều đóng góp…).
//!
//! An award needs an honour with an award verb (or an honour followed by
//! `cho` and counted recipients), or counts after a praise verb: `19 cá
//! nhân tham gia` is no award, nor `quỹ khen thưởng`, `công nhận danh hiệu`,
//! `trao quà cho 50 hộ` (a gift), nor a negated or withdrawn one (`chưa từng
//! được nhận bằng khen`, `thu hồi Bằng khen`). A proposed one (`đề nghị tặng
//! Bằng khen cho 5 tập thể`) is reported as written. A title (`Lao động tiên
//! tiến`) is an honour after `danh hiệu`, in quotes or right after a verb.
//!
//! Reading the honour: an open head (Huân chương, Huy chương, Kỷ niệm
//! chương, Huy hiệu, danh hiệu) goes on with its name (a quoted title, or
//! words from a capitalized or known first word) and its class (`hạng Ba`).
//! Who conferred it comes after the honour (`của Thủ tướng Chính phủ`,
//! `Cờ thi đua Chính phủ`, `do … tặng`), between `được` and the verb
//! (`được Đảng bộ xã tặng`, `được UBND tỉnh 2 lần tặng`), or as the subject
//! of a giving verb (`UBND huyện tặng …`, not of `trao`: who hands an honour
//! over is not always who confers it). The recipients come after `cho` (or
//! `tặng` after a handed-over honour), between the verb and the honour, or
//! before `được`/a receiving verb; counts over mixed kinds (`30 tập thể, cá
//! nhân`) fill no count, only `recipient`. The reason is the clause between
//! the recipients and `được`, or what follows them from a reason word or
//! `vì`/`do`.
//!
//! The span runs from the recipients (counted or named) or the verb to the
//! honour, or to the recipients after it; the conferrer after the honour
//! and the reason are outside it unless they stand between. It never
//! crosses a sentence end and is at most [`MAX_SPAN`] tokens long. Every
//! look-back and look-ahead is bounded, so the pass is linear in the tokens.
//! What is left of a sentence once no honour, verb or quote follows in it
//! is skipped at once: counts there make no award.

use super::Ctx;
use super::Phrases;
use super::marks::{self, Marks};
use super::name::capitalized;
use super::project::PhraseStarts;
use crate::fact::{Award, FactValue};
use crate::lexicon::{AWARD_CONFERRERS, AWARD_REASONS, AWARD_RECIPIENTS, AWARD_VERBS, HONORS};
use crate::number::{self, Style};
use crate::token::{Kind, Token, Tokens, WordFilter, word_hash};
use once_cell::sync::Lazy;

/// The longest an award's span gets, in tokens.
pub(crate) const MAX_SPAN: usize = 60;
/// The most tokens between a verb and the honour it governs.
const VERB_GAP: usize = 10;
/// The most tokens between the previous award and an honour that keeps its
/// verb (`…; Giấy khen cho 20 tập thể`).
const LIST_GAP: usize = 12;
/// The most tokens between recipients and the `được` or verb after them.
const BACK: usize = 30;
/// The most items in a recipient list (`12 tập thể, 35 cá nhân và 20 hộ`).
const MAX_ITEMS: usize = 8;
/// The longest a conferrer, a recipient name or an honour's name gets.
const MAX_NAME: usize = 14;
/// The longest a reason gets, in tokens.
const MAX_REASON: usize = 30;

/// How an award verb reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verb {
    /// The subject gives the honour (`tặng`, `trao tặng`, `tặng thưởng`).
    Give,
    /// The subject hands it over, maybe for someone else (`trao`).
    Hand,
    /// The subject receives it (`nhận`, `đón nhận`, `vinh dự nhận`).
    Receive,
    /// The subject honours people (`khen thưởng`, `biểu dương`).
    Praise,
}

/// Which count a recipient noun adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Collective,
    Individual,
    Household,
}

/// The award lists, split and indexed once.
struct Lex {
    honors: Phrases,
    verbs: Phrases,
    verb_kinds: Vec<Verb>,
    conferrers: Phrases,
    recipients: Phrases,
    /// Per recipient noun: its count, and whether it is the count's own
    /// word (tập thể, cá nhân, hộ gia đình, hộ).
    recipient_kinds: Vec<(Who, bool)>,
    reasons: Phrases,
    /// The [`word_hash`]es of [`COUNT_QUALIFIERS`].
    qualifiers: [u32; 4],
    /// The first words of the honours and of the verbs (see
    /// [`NOT_PLAIN`]).
    starts: WordFilter,
    /// The first words of the honours and of the praise verbs, the events
    /// of the scan (see [`next_event`]).
    event_starts: WordFilter,
    /// Their first two words: most words with such a first word start
    /// none where they stand (`nhà nước`, `anh ấy`, `tập trung`, `lao
    /// động` without `anh hùng`).
    event_pairs: PhraseStarts,
}

static LEX: Lazy<Lex> = Lazy::new(|| {
    let verb_kinds = AWARD_VERBS
        .iter()
        .map(|(_, tag)| match *tag {
            "hand" => Verb::Hand,
            "receive" => Verb::Receive,
            "praise" => Verb::Praise,
            _ => Verb::Give,
        })
        .collect();
    let recipient_kinds = AWARD_RECIPIENTS
        .iter()
        .map(|(section, noun)| {
            let who = match *section {
                "collectives" => Who::Collective,
                "households" => Who::Household,
                _ => Who::Individual,
            };
            (
                who,
                matches!(*noun, "tập thể" | "cá nhân" | "hộ gia đình" | "hộ"),
            )
        })
        .collect();
    let honours = || HONORS.iter().map(|(h, _)| *h);
    let praise = || {
        AWARD_VERBS
            .iter()
            .filter(|(_, tag)| *tag == "praise")
            .map(|(v, _)| *v)
    };
    let firsts = |phrases: &mut dyn Iterator<Item = &str>| {
        let mut filter = WordFilter::default();
        for first in phrases.filter_map(|p| p.split(' ').next()) {
            filter.insert(first);
        }
        filter
    };
    let starts = firsts(&mut honours().chain(AWARD_VERBS.iter().map(|(v, _)| *v)));
    Lex {
        honors: Phrases::new(HONORS.iter().map(|(h, _)| *h)),
        verbs: Phrases::new(AWARD_VERBS.iter().map(|(v, _)| *v)),
        verb_kinds,
        conferrers: Phrases::new(AWARD_CONFERRERS.iter().copied()),
        recipients: Phrases::new(AWARD_RECIPIENTS.iter().map(|(_, r)| *r)),
        recipient_kinds,
        reasons: Phrases::new(AWARD_REASONS.iter().copied()),
        qualifiers: COUNT_QUALIFIERS.map(word_hash),
        starts,
        event_starts: firsts(&mut honours().chain(praise())),
        event_pairs: PhraseStarts::new(honours().chain(praise())),
    }
});

/// Honour heads that go on with a name.
const OPEN_HEADS: &[&str] = &[
    "huân chương",
    "huân huy chương",
    "huy chương",
    "kỷ niệm chương",
    "huy hiệu",
    "danh hiệu",
];

/// Titles won in contests, not conferred for merit (`danh hiệu Hoa hậu`).
static CONTEST_TITLES: Lazy<Phrases> = Lazy::new(|| {
    Phrases::new([
        "hoa hậu",
        "á hậu",
        "hoa khôi",
        "người đẹp",
        "nữ hoàng",
        "vua",
        "quán quân",
        "á quân",
        "cầu thủ",
        "vận động viên",
        "diễn viên",
        "nam diễn viên",
        "nữ diễn viên",
        "ca sĩ",
        "top",
    ])
});

/// Lower-case first words of an honour's name (`huân chương lao động`,
/// `huy chương vàng`, `kỷ niệm chương vì sự nghiệp …`).
const NAME_STARTS: &[&str] = &[
    "lao", "độc", "bảo", "chiến", "quân", "kháng", "vì", "hữu", "dũng", "sao", "hồ", "vàng", "bạc",
    "đồng", "đại", "quyết", "công", "anh", "nhà", "thầy", "nghệ", "bà", "tập", "đơn",
];

/// Words that end a name, a conferrer or a recipient when written in lower
/// case (or in a heading in capitals).
const STOP: &[&str] = &[
    "cho", "của", "vì", "do", "đã", "được", "sẽ", "vừa", "đang", "cũng", "có", "là", "và", "năm",
    "ngày", "tháng", "nhân", "tại", "trong", "với", "về", "để", "theo", "từ", "khi", "thì", "mà",
    "này", "đó", "hạng", "các", "những", "nhiều", "mỗi", "kèm", "cùng", "đến", "tới", "bởi", "như",
    "nhằm", "gồm", "trị", "tiền", "tổ", "ký", "quyết", "tiến", "thay", "thừa", "trực", "đều",
    "mới", "từng", "vinh", "chính", "ban", "hành", "lễ", "đồng", "thời", "sau", "trước", "giai",
    "đợt", "dịp", "lúc", "hôm", "qua", "nay", "tiếp", "trao", "tặng", "nhận", "đón", "không",
    "chưa", "hay", "hoặc", "nên", "vào", "ra", "lên", "đi", "đối",
];

/// Conferrer heads that say nothing alone (`Hội`, `Bộ`, `Ban`).
const GENERIC: &[&str] = &[
    "hội",
    "bộ",
    "sở",
    "ban",
    "cục",
    "viện",
    "trường",
    "ub",
    "công",
    "hội đồng",
    "liên",
    "tổng",
];

/// Lower-case level words a conferrer may go on with (`Chủ tịch UBND
/// tỉnh`, `Đảng bộ xã`, `Chủ tịch nước`).
const LEVELS: &[&str] = &[
    "xã",
    "huyện",
    "tỉnh",
    "thành",
    "phố",
    "tp",
    "quận",
    "phường",
    "thị",
    "trấn",
    "nước",
    "trường",
];

/// Words between a conferrer and its verb (`UBND tỉnh đã ký quyết định
/// tặng`, `Giám đốc Công an TP cũng tặng`).
const BEFORE_VERB: &[&str] = &[
    "đã", "vừa", "cũng", "mới", "đều", "ký", "ban", "hành", "có", "quyết", "định", "chính", "thức",
    "tổ", "chức", "trực", "tiếp", "long", "trọng", "đồng", "thời",
];

/// Words between the recipients or their reason and `được` or a receiving
/// verb (`… đã vinh dự được`, `… cũng đã`).
const CLOSERS: &[&str] = &[
    "đã", "vinh", "dự", "cũng", "đều", "từng", "vừa", "mới", "chính", "thức", "sẽ", "được",
];

/// Words that show a subject is a clause of its own (`Đại sứ … bày tỏ sự
/// vinh dự được nhận`), not who received the honour.
const SUBJECT_NOT: &[&str] = &[
    "sự", "bày", "tỏ", "cho", "biết", "nói", "rất", "khi", "nếu", "muốn", "mong", "lần", "việc",
];

/// Words that open a clause without being part of its subject.
const OPENERS: &[&str] = &["và", "còn", "riêng", "cùng", "ngoài", "ra", "sau", "đó"];

/// Skips opener words (and `đồng thời`) from `s` up to `e`.
fn skip_openers(t: &Tokens<'_>, mut s: usize, e: usize) -> usize {
    while s < e && t.is_word(s) {
        if t.phrase(s, "đồng thời").is_some() {
            s += 2;
        } else if OPENERS.contains(&t.lower(s)) {
            s += 1;
        } else {
            break;
        }
    }
    s.min(e)
}

/// Words before a verb, in its clause, that make the award negated,
/// hypothetical or withdrawn (a proposed one, `đề nghị tặng`, still counts).
const NOT_DONE: &[&str] = &[
    "chưa", "không", "chẳng", "nếu", "muốn", "hủy", "thu", "xứng",
];

/// A verb found in the text, with how its clause reads.
#[derive(Clone, Copy, Debug)]
struct VerbHit {
    start: usize,
    end: usize,
    kind: Verb,
    /// `được` before it: the subject receives.
    passive: bool,
    /// Where the subject's clause ends (`được`, or the verb).
    subject_end: usize,
    /// Who confers it: between `được` and the verb, or the subject of a
    /// giving verb.
    agent: Option<(usize, usize)>,
    /// Negated or proposed (`chưa được nhận`, `đề nghị tặng`).
    not_done: bool,
}

/// A recipient list: counts by kind, as tokens `start..end`.
#[derive(Clone, Copy, Debug, Default)]
struct Recipients {
    start: usize,
    end: usize,
    collectives: Option<f64>,
    individuals: Option<f64>,
    households: Option<f64>,
    /// The counts say it all (only tập thể, cá nhân, hộ gia đình, hộ).
    plain: bool,
}

/// Is word `i` written in capitals throughout (a heading)?
fn all_caps(t: &Tokens<'_>, i: usize) -> bool {
    let s = t.surface(i);
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// Is word `i` a stop word, written in lower case or in a heading?
fn is_stop(t: &Tokens<'_>, i: usize) -> bool {
    let w = t.lower(i);
    // `chính thức`, not `chính quyền`.
    let stop = STOP.contains(&w)
        && match w {
            "chính" => t.is(i + 1, "thức"),
            "đồng" => t.is(i + 1, "thời"),
            // `nhân dịp`, not `nhân dân`.
            "nhân" => matches!(
                t.lower(i + 1),
                "dịp" | "ngày" | "kỷ" | "lễ" | "đây" | "chuyến"
            ),
            _ => true,
        };
    t.is_word(i) && stop && (!capitalized(t, i) || all_caps(t, i))
}

/// Does phrase list `p` match at `i`, written in lower case or in a
/// heading (`Khen thưởng` in `Ban Thi đua - Khen thưởng` does not)?
fn lexical_at(t: &Tokens<'_>, p: &Phrases, i: usize) -> Option<(usize, usize)> {
    p.longest_at(t, i)
        .filter(|_| !capitalized(t, i) || all_caps(t, i))
}

/// Does token `i` end a sentence: `.`, `!`, `?`, `…` (not inside a number or
/// an abbreviation such as `TP.HCM`, `T.Ư`)?
fn sentence_end(t: &Tokens<'_>, i: usize) -> bool {
    match t.get(i).map(|x| x.kind) {
        Some(Kind::Punct('!' | '?' | '…')) => true,
        Some(Kind::Punct('.')) => {
            let glued = t.joined(i) && t.joined(i + 1);
            !glued
        }
        _ => false,
    }
}

/// Does token `i` end a clause (`,` `;` `:` `(` `)` or a sentence end)?
fn clause_end(t: &Tokens<'_>, i: usize) -> bool {
    sentence_end(t, i)
        || matches!(
            t.get(i).map(|x| x.kind),
            Some(Kind::Punct(',' | ';' | ':' | '(' | ')' | '"' | '“' | '”'))
        )
}

/// Is there a line break before token `i`?
fn line_before(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i).is_some_and(|x| x.line_before)
}

/// An opening quote at token `i`: the token after its closing quote, on the
/// same line and within [`MAX_NAME`] tokens.
fn quoted(t: &Tokens<'_>, i: usize) -> Option<usize> {
    let close = match t.get(i)?.kind {
        Kind::Punct('“') => '”',
        Kind::Punct('"') => '"',
        Kind::Punct('«') => '»',
        Kind::Punct('‘') => '’',
        Kind::Punct('\'') => '\'',
        Kind::Punct('’') => '’',
        _ => return None,
    };
    (i + 1..i + 2 + MAX_NAME)
        .take_while(|&k| k < t.len() && !line_before(t, k))
        .find(|&k| t.is_punct(k, close))
        .filter(|&k| k > i + 1)
        .map(|k| k + 1)
}

/// The honour at token `i`: its end (with its name and class).
fn honour_at(t: &Tokens<'_>, lex: &Lex, i: usize) -> Option<usize> {
    // A title in quotes: “Lao động tiên tiến”.
    // A named honour in quotes: “Huy hiệu Tuổi trẻ dũng cảm”.
    if let Some(after) = quoted(t, i) {
        let (n, k) = lex.honors.longest_at(t, i + 1)?;
        let (head, _) = *HONORS.get(k)?;
        let named = OPEN_HEADS.contains(&head) && head != "danh hiệu" && i + 1 + n + 1 < after;
        return (named || i + 1 + n + 1 == after).then_some(after);
    }
    let (n, k) = lex.honors.longest_at(t, i)?;
    let (head, tag) = *HONORS.get(k)?;
    let end = i + n;
    // A title written alone is an honour right after an award verb only
    // (`được tặng Lao động tiên tiến`, not `80 lao động tiên tiến`).
    if tag == "title" {
        return lex.verbs.longest_ending_before(t, i).map(|_| end);
    }
    if !OPEN_HEADS.contains(&head) {
        return Some(end);
    }
    let named = honour_name(t, lex, end, head);
    // "danh hiệu" alone (`các danh hiệu thi đua`) is no honour, nor the
    // title of a contest (`danh hiệu Hoa hậu …`).
    if head == "danh hiệu" && (named == end || CONTEST_TITLES.longest_at(t, end).is_some()) {
        return None;
    }
    Some(grade(t, named))
}

/// The end of an honour's name starting at token `j` (`j` when none).
fn honour_name(t: &Tokens<'_>, lex: &Lex, j: usize, head: &str) -> usize {
    if line_before(t, j) {
        return j;
    }
    if let Some(after) = quoted(t, j) {
        return after;
    }
    // `Huy hiệu 30 năm tuổi Đảng`.
    if head == "huy hiệu" && t.is_digits(j) {
        if let Some(n) = t.phrase(j + 1, "năm tuổi đảng") {
            return j + 1 + n;
        }
    }
    // `danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam Anh hùng”`.
    if head == "danh hiệu" {
        if let Some(n) = t.phrase(j, "vinh dự nhà nước") {
            if let Some(after) = quoted(t, j + n) {
                return after;
            }
        }
    }
    // A known title after "danh hiệu": `danh hiệu Chiến sĩ thi đua cơ sở`.
    if head == "danh hiệu" {
        if let Some((n, k)) = lex.honors.longest_at(t, j) {
            if HONORS.get(k).is_some_and(|(h, _)| !OPEN_HEADS.contains(h)) {
                return j + n;
            }
        }
    }
    let first = t.lower(j);
    // `huân chương vì sự nghiệp giáo dục`: `vì` starts a name here.
    let cause = first == "vì" && t.phrase(j + 1, "sự nghiệp").is_some();
    if !t.is_word(j)
        || (is_stop(t, j) && !cause)
        || !(capitalized(t, j) || NAME_STARTS.contains(&first))
    {
        return j;
    }
    // `Vì sự nghiệp …` names run longer.
    let limit = if first == "vì" { j + 12 } else { j + 10 };
    let mut k = j;
    while k < limit && !line_before(t, k) {
        // `danh hiệu Top 10 Sao Khuê`: a number inside a name.
        if k > j && t.is_digits(k) && !t.joined(k) && capitalized(t, k + 1) && !t.joined(k + 1) {
            k += 1;
            continue;
        }
        // `Huy hiệu TP.HCM`: glued marks inside a name.
        if k > j
            && matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('.' | '&' | '-')))
            && t.joined(k)
            && t.joined(k + 1)
            && t.is_word(k + 1)
        {
            k += 2;
            continue;
        }
        if !t.is_word(k) {
            break;
        }
        if k > j
            && (is_stop(t, k)
                || lex.honors.longest_at(t, k).is_some()
                || lexical_at(t, &lex.verbs, k).is_some()
                || lexical_at(t, &lex.reasons, k).is_some())
        {
            break;
        }
        // `Vì sự nghiệp phát triển nông nghiệp và nông thôn`.
        k += 1;
        if t.is(k, "và")
            && first == "vì"
            && t.is_word(k + 1)
            && !is_stop(t, k + 1)
            && !capitalized(t, k + 1)
            && lex.honors.longest_at(t, k + 1).is_none()
        {
            k += 1;
        }
    }
    k
}

/// After an honour's name ending at `j`: its class (`hạng Ba`, `hạng 3`,
/// `hạng II`). Returns the new end.
fn grade(t: &Tokens<'_>, j: usize) -> usize {
    if !t.is(j, "hạng") || line_before(t, j + 1) {
        return j;
    }
    let g = t.lower(j + 1);
    let word = matches!(g, "nhất" | "nhì" | "ba" | "tư" | "i" | "ii" | "iii");
    let digit = t.is_digits(j + 1) && matches!(g, "1" | "2" | "3");
    if word || digit { j + 2 } else { j }
}

/// The conferrer starting at token `i`: its end. `loose` accepts any
/// capitalized word as its start (`được Tổng thống Italia … tặng`),
/// otherwise it starts with a word of `award_conferrers.txt`.
fn conferrer_at(t: &Tokens<'_>, lex: &Lex, i: usize, loose: bool) -> Option<usize> {
    let mut k = match lex.conferrers.longest_at(t, i) {
        Some((n, _)) if !is_stop(t, i) => i + n,
        _ if loose && capitalized(t, i) && !is_stop(t, i) => i + 1,
        _ => return None,
    };
    if lexical_at(t, &lex.honors, i).is_some() || lexical_at(t, &lex.verbs, i).is_some() {
        return None;
    }
    // Lower-case words after a capitalized one (`Bộ Công an`, `Bộ Giáo dục`).
    let mut lower_run = 0;
    while k < i + MAX_NAME {
        let Some(tok) = t.get(k) else { break };
        if tok.line_before {
            break;
        }
        // `TP.HCM`, `T.Ư`, `GD&ĐT`, `Bà Rịa-Vũng Tàu`: glued marks.
        if matches!(tok.kind, Kind::Punct('.' | '&' | '-' | '–'))
            && !tok.space_before
            && t.joined(k + 1)
            && (t.is_word(k + 1) || t.is_digits(k + 1))
        {
            k += 2;
            lower_run = 0;
            continue;
        }
        // `Lao động - Thương binh và Xã hội`.
        if matches!(tok.kind, Kind::Punct('-' | '–')) && capitalized(t, k + 1) {
            k += 1;
            continue;
        }
        // `Đảng, Nhà nước`, `Đảng và Nhà nước`, `Thương binh và Xã hội`.
        if t.is_punct(k, ',') || t.is(k, "và") {
            let next = k + 1;
            let head = lex.conferrers.longest_at(t, next).is_some() && !is_stop(t, next);
            let cap = t.is(k, "và")
                && capitalized(t, next)
                && !all_caps(t, next)
                && lex.honors.longest_at(t, next).is_none();
            if head || cap {
                k += 1;
                lower_run = 0;
                continue;
            }
            break;
        }
        // `Đảng ủy Khối các cơ quan Trung ương`.
        if t.phrase(k, "các cơ quan").is_some() && capitalized(t, k + 3) {
            k += 3;
            continue;
        }
        if is_stop(t, k)
            || lexical_at(t, &lex.verbs, k).is_some()
            || lex.honors.longest_at(t, k).is_some()
            || lexical_at(t, &lex.reasons, k).is_some()
        {
            break;
        }
        if capitalized(t, k) {
            k += 1;
            lower_run = 0;
            continue;
        }
        if let Some((n, _)) = lex.conferrers.longest_at(t, k) {
            k += n;
            lower_run = 0;
            continue;
        }
        if t.is_word(k) && LEVELS.contains(&t.lower(k)) {
            k += 1;
            lower_run = 0;
            continue;
        }
        // `Quân đoàn 4`, `Sư đoàn 312`, not `UBND tỉnh 02 lần`.
        if t.is_digits(k) && tok.space_before && capitalized(t, k - 1) && !t.is(k + 1, "lần") {
            k += 1;
            break;
        }
        if t.is_word(k)
            && lower_run < 2
            && k > i + 1 + lower_run
            && capitalized(t, k - 1 - lower_run)
        {
            k += 1;
            lower_run += 1;
            continue;
        }
        break;
    }
    // Never end on a connector.
    while k > i + 1 && (t.is(k - 1, "và") || t.is_punct(k - 1, ',') || t.is_punct(k - 1, '-')) {
        k -= 1;
    }
    // A generic word alone is no conferrer (`Hội nghị đã khen thưởng`).
    if k == i + 1 && GENERIC.contains(&t.lower(i)) {
        return None;
    }
    Some(k)
}

/// The recipient noun at token `i`: its number of tokens and kind.
fn recipient_noun(t: &Tokens<'_>, lex: &Lex, i: usize) -> Option<(usize, Who, bool)> {
    if line_before(t, i) {
        return None;
    }
    let (n, k) = lex.recipients.longest_at(t, i)?;
    let (who, plain) = *lex.recipient_kinds.get(k)?;
    Some((n, who, plain))
}

/// A counted item at token `i` (`12 tập thể`, `mười hai cá nhân`, `hơn
/// 100 hộ`): (end, value, kind, plain).
fn counted_item(
    t: &Tokens<'_>,
    lex: &Lex,
    style: &Style,
    i: usize,
) -> Option<(usize, f64, Who, bool)> {
    counted_item_with(t, lex, style, i, true)
}

/// [`counted_item`], which with `shortcut` reads no number whose reading
/// ends by a token no recipient starts at ([`number::reading_ends_by`]:
/// `năm 2017 …`, `một số`, `15 năm`): the tokens before that one are
/// digits and separators of a chain, where no recipient starts either.
/// Without `shortcut` (the path the test compares), the number is read.
fn counted_item_with(
    t: &Tokens<'_>,
    lex: &Lex,
    style: &Style,
    i: usize,
    shortcut: bool,
) -> Option<(usize, f64, Who, bool)> {
    let numeric = |j: usize| t.is_digits(j) || t.is_numeral_word(j);
    let mut j = i;
    // Almost every token is ruled out here, before any word is compared.
    if !numeric(j) {
        if !(t.is_word(j) && count_qualifier(t, j)) {
            return None;
        }
        j += 1;
        if !numeric(j) {
            return None;
        }
    }
    // `Công ty CP Licogi 14 tổ chức …`: a number after a capitalized word
    // inside a clause ends a name.
    if j == i
        && j > 1
        && capitalized(t, j - 1)
        && !all_caps(t, j - 1)
        && !clause_end(t, j - 2)
        && !line_before(t, j - 1)
    {
        return None;
    }
    if shortcut && number::reading_ends_by(t, j).is_some_and(|e| !lex.recipients.may_start_at(t, e))
    {
        return None;
    }
    let a = number::number_at(t, j, style).number()?;
    if !super::clean_number_start(t, a.start) {
        return None;
    }
    let (n, who, plain) = recipient_noun(t, lex, a.end)?;
    Some((a.end + n, a.value.to_f64(), who, plain))
}

/// The recipient list starting at token `i`, counted (`12 tập thể và 35 cá
/// nhân`, `30 tập thể, cá nhân`) — `None` unless it starts with a count.
fn recipients_at(t: &Tokens<'_>, lex: &Lex, style: &Style, i: usize) -> Option<Recipients> {
    let (end, v, who, plain) = counted_item(t, lex, style, i)?;
    let mut r = Recipients {
        start: i,
        end,
        plain,
        ..Recipients::default()
    };
    add(&mut r, who, v);
    // One count for several kinds: `30 tập thể, cá nhân`.
    let mut union = false;
    let mut items = 1;
    while items < MAX_ITEMS {
        let k = r.end;
        let conn = if t.is_punct(k, ',') || t.is(k, "và") {
            1
        } else if t.phrase(k, "cùng với").is_some() {
            2
        } else {
            0
        };
        if conn > 0 && !union {
            if let Some((n, _, _)) = recipient_noun(t, lex, k + conn) {
                if counted_item(t, lex, style, k + conn).is_none() {
                    union = true;
                    r.end = k + conn + n;
                    items += 1;
                    continue;
                }
            }
        }
        // A few modifier words before the connector: `5 tập thể xuất sắc và 10 cá nhân`.
        let mut m = k;
        while m < k + 3
            && t.is_word(m)
            && !is_stop(t, m)
            && !line_before(t, m)
            && lex.reasons.longest_at(t, m).is_none()
            && lex.honors.longest_at(t, m).is_none()
        {
            m += 1;
        }
        let found = [k, m].into_iter().find_map(|at| {
            let conn = if t.is_punct(at, ',') || t.is(at, "và") {
                1
            } else {
                t.phrase(at, "cùng với").unwrap_or(0)
            };
            if conn == 0 {
                return None;
            }
            counted_item(t, lex, style, at + conn)
        });
        let Some((end, v, who, plain)) = found else {
            break;
        };
        add(&mut r, who, v);
        r.plain &= plain;
        r.end = end;
        items += 1;
    }
    // `50 gương “Người tốt, việc tốt”`: a quoted title names them.
    if let Some(after) = quoted(t, r.end) {
        r.end = after;
    }
    if union {
        r.collectives = None;
        r.individuals = None;
        r.households = None;
        r.plain = false;
    }
    Some(r)
}

/// Adds `v` to the count of `who`.
fn add(r: &mut Recipients, who: Who, v: f64) {
    let slot = match who {
        Who::Collective => &mut r.collectives,
        Who::Individual => &mut r.individuals,
        Who::Household => &mut r.households,
    };
    *slot = Some(slot.unwrap_or(0.0) + v);
}

/// An uncounted recipient after `cho` at token `i` (`em Bùi Thị Mỹ Dung`,
/// `ngành tư pháp`, `các tập thể, cá nhân`): its end.
fn named_recipient(t: &Tokens<'_>, lex: &Lex, i: usize) -> Option<usize> {
    let mut k = i;
    while k < i + MAX_NAME {
        if k >= t.len() || line_before(t, k) || sentence_end(t, k) {
            break;
        }
        // `các tập thể, cá nhân`, `Đảng bộ, chính quyền và nhân dân tỉnh`:
        // a comma before a lower-case word that goes on with the list.
        let and = t.is(k, "và") && !all_caps(t, k);
        if (t.is_punct(k, ',') || and)
            && k > i
            && t.is_word(k + 1)
            && !t.is_numeral_word(k + 1)
            && (and || !capitalized(t, k + 1))
            && !is_stop(t, k + 1)
            && lex.verbs.longest_at(t, k + 1).is_none()
            && lex.reasons.longest_at(t, k + 1).is_none()
            && lex.honors.longest_at(t, k + 1).is_none()
        {
            k += 1;
            continue;
        }
        let first_ok = k == i && matches!(t.lower(k), "các" | "những" | "nhiều");
        if !(t.is_word(k) || t.is_digits(k) || (t.joined(k) && t.joined(k + 1))) {
            break;
        }
        if !first_ok
            && (is_stop(t, k)
                || lexical_at(t, &lex.reasons, k).is_some()
                || lexical_at(t, &lex.verbs, k).is_some()
                || lex.honors.longest_at(t, k).is_some())
        {
            break;
        }
        k += 1;
    }
    (k > i).then_some(k)
}

/// Words that make a compound with a verb after them, so that it is no
/// award verb (`công nhận`, `tiếp nhận`, `quỹ khen thưởng`, `thi đua -
/// khen thưởng`).
const BEFORE_NOT_VERB: &[&str] = &[
    "công", "tiếp", "xác", "thừa", "ghi", "chứng", "chấp", "đảm", "thu", "cảm", "nhìn", "biên",
    "giao", "hứa", "bảo", "quỹ", "đua", "-", "–", "tác", "thức", "hình",
];

/// Words that make a compound with a verb before them (`trao đổi`, `nhận
/// thấy`, `nhận xét`).
const AFTER_NOT_VERB: &[&str] = &[
    "đổi", "trả", "quyền", "gửi", "thấy", "xét", "định", "diện", "biết", "thức", "lời", "lỗi",
    "tội", "hối",
];

/// A verb at token `i`: its number of tokens and reading. A capitalized
/// verb counts only where a sentence or clause may start with it (`Tặng
/// Giấy khen cho …`), not inside a name (`Ban Thi đua - Khen thưởng`).
fn award_verb(t: &Tokens<'_>, lex: &Lex, i: usize) -> Option<(usize, Verb)> {
    let (n, k) = lex.verbs.longest_at(t, i)?;
    let starts = i == 0 || line_before(t, i) || (clause_end(t, i - 1) && !t.is_punct(i - 1, '-'));
    if capitalized(t, i) && !all_caps(t, i) && !starts {
        return None;
    }
    if i > 0 && BEFORE_NOT_VERB.contains(&t.lower(i - 1)) && !t.is(i - 1, "được") {
        return None;
    }
    if AFTER_NOT_VERB.contains(&t.lower(i + n)) {
        return None;
    }
    Some((n, *lex.verb_kinds.get(k)?))
}

/// The verb at token `i`, with how its clause reads.
fn verb_at(t: &Tokens<'_>, lex: &Lex, i: usize, prev: Option<VerbHit>) -> Option<VerbHit> {
    let (n, kind) = award_verb(t, lex, i)?;
    let end = i + n;
    // `được` right before, maybe with `vinh dự`: passive with no agent.
    let mut passive = false;
    let mut agent = None;
    let mut subject_end = i;
    if i > 0 && t.is(i - 1, "được") {
        passive = true;
        subject_end = i - 1;
    } else {
        // `được Đảng bộ xã tặng`, `do Tổng thống Italia trao tặng`.
        for back in 2..=MAX_NAME {
            let Some(k) = i.checked_sub(back) else { break };
            if sentence_end(t, k) || t.is_punct(k, ';') || line_before(t, k + 1) {
                break;
            }
            if t.is(k, "được") || t.is(k, "do") || t.is(k, "bởi") {
                // `được UBND tỉnh 02 lần tặng`.
                let times = i >= 2
                    && t.is(i - 1, "lần")
                    && (t.is_digits(i - 2) || t.is_numeral_word(i - 2) || t.is(i - 2, "nhiều"));
                let i = if times { i - 2 } else { i };
                let strict = conferrer_at(t, lex, k + 1, false) == Some(i);
                if strict || conferrer_at(t, lex, k + 1, true) == Some(i) {
                    passive = true;
                    agent = Some((k + 1, i));
                    subject_end = k;
                }
                break;
            }
        }
    }
    // `khen thưởng, tặng Bằng khen`, `biểu dương và trao tặng`: the clause
    // of the verb before.
    if let Some(p) = prev {
        let mut j = i;
        while j > p.end && (t.is(j - 1, "và") || t.is_punct(j - 1, ',') || t.is(j - 1, "đồng"))
        {
            j -= 1;
        }
        if j == p.end && !passive {
            return Some(VerbHit {
                start: i,
                end,
                kind,
                ..p
            });
        }
    }
    // The subject of a giving verb is its conferrer: `UBND huyện tặng`.
    if !passive && matches!(kind, Verb::Give | Verb::Praise) {
        agent = subject_conferrer(t, lex, i);
    }
    let not_done = (1..=6).any(|b| {
        i.checked_sub(b).is_some_and(|k| {
            !clause_end(t, k) && t.is_word(k) && NOT_DONE.contains(&t.lower(k)) && {
                // `thu hồi`, `hủy bỏ`…
                let w = t.lower(k);
                let next = t.lower(k + 1);
                match w {
                    "thu" => next == "hồi",
                    // `xứng đáng được tặng`: deserved, not given.
                    "xứng" => next == "đáng",
                    "hủy" => matches!(next, "bỏ" | "quyết"),
                    _ => true,
                }
            }
        }) && (i - b..i).all(|m| !clause_end(t, m))
    });
    Some(VerbHit {
        start: i,
        end,
        kind,
        passive,
        subject_end,
        agent,
        not_done,
    })
}

/// The subject of the verb at `v` when it is a conferrer: from the clause
/// start, over `đã`, `vừa ký quyết định`, ….
fn subject_conferrer(t: &Tokens<'_>, lex: &Lex, v: usize) -> Option<(usize, usize)> {
    let mut e = v;
    while e > 0 && e + 8 > v && t.is_word(e - 1) && BEFORE_VERB.contains(&t.lower(e - 1)) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && s + 16 > e && !clause_end(t, s - 1) && !line_before(t, s) {
        s -= 1;
    }
    s = skip_openers(t, s, e);
    (s < e && conferrer_at(t, lex, s, false) == Some(e)).then_some((s, e))
}

/// The reason starting at or just after token `i` (within a few modifier
/// words): its token range. With `vì`/`do` anything may follow.
fn reason_after(t: &Tokens<'_>, lex: &Lex, i: usize, limit: usize) -> Option<(usize, usize)> {
    let mut s = None;
    for k in i..(i + MAX_NAME + 6).min(limit) {
        // A reason word within a few words; `vì` further, over commas
        // (`cho 1 tập thể, 5 cá nhân thuộc lực lượng …, Bộ Chỉ huy … vì đã …`).
        let near = k < i + 6;
        if line_before(t, k) || sentence_end(t, k) || t.is_punct(k, ';') {
            break;
        }
        if clause_end(t, k) {
            if t.is_punct(k, ',') {
                continue;
            }
            break;
        }
        if near
            && t.is(k, "do")
            && conferrer_at(t, lex, k + 1, true).is_none()
            && (i..k).all(|m| !clause_end(t, m))
            || t.is(k, "vì")
        {
            let mut from = k + 1;
            while t.is(from, "đã") {
                from += 1;
            }
            s = Some(from);
            break;
        }
        if near && (i..k).all(|m| !clause_end(t, m)) && lexical_at(t, &lex.reasons, k).is_some() {
            s = Some(k);
            break;
        }
        if lexical_at(t, &lex.verbs, k).is_some() || lex.honors.longest_at(t, k).is_some() {
            break;
        }
    }
    let s = s?;
    let mut e = s;
    let last = (s + MAX_REASON).min(limit).min(t.len());
    while e < last && !line_before(t, e) {
        // A quotation goes in whole: `có hành động “nhặt được của rơi, …”`.
        if let Some(after) = quoted(t, e).filter(|&a| a <= last) {
            e = after;
            continue;
        }
        // An enumeration goes on: `trong công tác thông tin, tuyên truyền`,
        // `tư tưởng, đạo đức, phong cách Hồ Chí Minh`.
        let listing = t.is_punct(e, ',')
            && e > s
            && t.is_word(e + 1)
            && !capitalized(t, e + 1)
            && !is_stop(t, e + 1)
            && lex.verbs.longest_at(t, e + 1).is_none()
            && lex.reasons.longest_at(t, e + 1).is_none()
            && lex.recipients.longest_at(t, e + 1).is_none();
        if listing {
            e += 1;
            continue;
        }
        if clause_end(t, e)
            || lexical_at(t, &lex.verbs, e).is_some()
            || lex.honors.longest_at(t, e).is_some()
        {
            break;
        }
        e += 1;
    }
    // Never end on a comma.
    while e > s && t.is_punct(e - 1, ',') {
        e -= 1;
    }
    (e > s).then_some((s, e))
}

/// The surface of tokens `from..to` in the normalized text.
fn text(t: &Tokens<'_>, from: usize, to: usize) -> Option<String> {
    (to > from)
        .then(|| t.text().get(t.span(from, to).range()).map(str::to_string))
        .flatten()
}

/// What the scan keeps about the current sentence.
#[derive(Default)]
struct State {
    /// The latest award verb.
    verb: Option<VerbHit>,
    /// The latest counted recipients not yet used by an award.
    recent: Option<Recipients>,
    /// The end of the latest award and the verb it used.
    last_award: Option<(usize, VerbHit)>,
    /// The named recipient of the latest award (`Nhà trường` in `Nhà
    /// trường nhận Huân chương …; Cờ thi đua …`).
    last_recipient: Option<String>,
}

/// An award being put together.
struct Built {
    start: usize,
    end: usize,
    award: Award,
    rule: &'static str,
}

// Not inlined into the extractor's loop: a profile shows this kind's cost.
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    for b in scan(&ctx.tokens, &ctx.marks, &ctx.style, true) {
        ctx.push_unclaimed(b.start, b.end, FactValue::Award(Box::new(b.award)), b.rule);
    }
}

/// The awards of the tokens `t` (marked `marks`), in the decimal style
/// `style`. `quiet`: the scan jumps over the sentences [`next_event`]
/// finds quiet; without it, it visits every token that may start
/// something (the reference its tests compare it with).
fn scan(t: &Tokens<'_>, marks: &Marks, style: &Style, quiet: bool) -> Vec<Built> {
    let lex = &*LEX;
    let mut out: Vec<Built> = Vec::new();
    let mut st = State::default();
    let mut i = 0;
    // The next token at or after the scan where something may start, and
    // where the quiet stretch before it ends (see [`next_event`]).
    let mut event: Option<Event> = None;
    loop {
        if quiet && event.is_none_or(|e| e.at < i) {
            event = Some(next_event(t, marks, lex, i));
        }
        // Nothing from here to the last sentence end before the event may
        // start an honour or a verb: what is there makes no award.
        if let Some(Event {
            quiet_to: Some(e), ..
        }) = event
        {
            if e > i && !may_list(&st, i) {
                i = e;
            }
        }
        i = marks.next(i, NOT_PLAIN);
        let Some(tok) = t.get(i) else { break };
        if tok.line_before {
            st = State::default();
        }
        if let Kind::Punct(c) = tok.kind {
            if sentence_end(t, i) {
                st = State::default();
                i += 1;
                continue;
            }
            if c == ';' {
                st.recent = None;
                i += 1;
                continue;
            }
        }
        let starts = may_start(t, lex, i, tok);
        if !(starts.honour || starts.verb || starts.count) {
            i += 1;
            continue;
        }
        let honour = if starts.honour {
            honour_at(t, lex, i)
        } else {
            None
        };
        if let Some(h_end) = honour {
            let next = match from_honour(t, lex, style, &mut st, i, h_end) {
                Some(b) => {
                    let next = b.end.max(h_end);
                    out.push(b);
                    next
                }
                None => h_end,
            };
            i = next.max(i + 1);
            continue;
        }
        let verb = if starts.verb {
            verb_at(t, lex, i, st.verb.filter(|p| p.end + 3 >= i))
        } else {
            None
        };
        if let Some(v) = verb {
            st.verb = Some(v);
            i = v.end;
            if v.kind == Verb::Praise && !v.not_done {
                if let Some(b) = counts_only(t, lex, style, &mut st, v) {
                    i = b.end.max(i);
                    out.push(b);
                }
            }
            continue;
        }
        if starts.count {
            if let Some(r) = recipients_at(t, lex, style, i) {
                st.recent = Some(r);
                i = r.end.max(i + 1);
                if let Some(b) = listed_counts(t, lex, &mut st, r) {
                    out.push(b);
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// What may start at a token (see [`may_start`]).
struct Starts {
    /// An honour ([`honour_at`]).
    honour: bool,
    /// An award verb ([`verb_at`]).
    verb: bool,
    /// A count of recipients ([`recipients_at`]).
    count: bool,
}

/// May an honour, an award verb or a count of recipients start at token
/// `i` (`tok`)? A cheap superset of what each accepts (all `false` for
/// almost every token: bit tests on the token's hash), so that each is
/// only tried where it may match.
#[inline]
fn may_start(t: &Tokens<'_>, lex: &Lex, i: usize, tok: &Token) -> Starts {
    let h = t.hash(i).unwrap_or_default();
    let word = tok.kind == Kind::Word;
    Starts {
        // `“Lao động tiên tiến”`
        honour: lex.honors.may_start_hash(h) || (!word && lex.honors.may_start_at(t, i + 1)),
        verb: lex.verbs.may_start_hash(h),
        // `hơn 20 tập thể` (see [`counted_item`])
        count: tok.kind == Kind::Digits
            || t.is_numeral_word(i)
            || (word
                && lex.qualifiers.contains(&h)
                && (t.is_digits(i + 1) || t.is_numeral_word(i + 1))
                && count_qualifier(t, i)),
    }
}

/// The marks of the tokens the scan of [`run`] stops at: no word, a line
/// break, a word [`may_start`] may admit (a numeral, the first word of an
/// honour or a verb, a count qualifier). Three quarters of the tokens have
/// none, and change nothing in the scan.
const NOT_PLAIN: u16 = marks::LINE | marks::NOT_WORD | marks::AWARD | marks::NUMERAL;

/// Where the scan of [`run`] may next find something (see [`next_event`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Event {
    /// The first token where an honour ([`honour_at`]: a quote, or a listed
    /// honour) or a praise verb ([`award_verb`]) may start, or a quote
    /// holds a full stop; the number of tokens when there is none.
    at: usize,
    /// The last sentence end before `at` (the text's end when nothing
    /// starts anywhere after): the scan may jump there.
    quiet_to: Option<usize>,
}

/// From token `i`: the next [`Event`].
///
/// A stretch `i..e` ended by a sentence end `e` with no event in it makes
/// no award and leaves nothing for what comes after it, so the scan may go
/// to `e` at once (unless [`may_list`]), and so over every such sentence
/// up to the last sentence end before the event: no honour and no praise
/// verb is found there, so only counts and other verbs are read
/// ([`recipients_at`], [`verb_at`]); counts end before `e` (a number or a
/// list of counted items holds no sentence end, and without a quote no
/// title follows them), and what they and the verbs leave, `st.recent` and
/// `st.verb`, is only read by an honour or a praise verb after them, before
/// `e` resets the state. Each token is read once going forward and at most
/// once going back (from the event to that sentence end), so the scan
/// stays linear. The forward search stops at the words with an award mark
/// and at quotes only, not at every full stop (`Ủy ban nhân dân xã đã họp.
/// Kế hoạch năm 2018 …`: two sentences, no stop).
#[inline(never)]
fn next_event(t: &Tokens<'_>, marks: &Marks, lex: &Lex, from: usize) -> Event {
    let len = t.len();
    let mut i = from;
    let at = loop {
        // A word that may start no honour and no praise verb and
        // punctuation that is no quote are ruled out by their marks, in a
        // tight loop.
        i = marks.next(i, marks::HONOUR | marks::HONOUR_QUOTE);
        if i >= len {
            // Nothing starts in the rest of the text.
            return Event {
                at: len,
                quiet_to: Some(len),
            };
        }
        // [`honour_at`] needs an honour at `i` or after a quote there; of
        // the verbs, a praise verb makes an award alone ([`counts_only`]),
        // the others only with an honour after them in their sentence
        // (`nhận được sự quan tâm` makes none), which is an event: the scan
        // goes back to its sentence's start and passes the verb. Counts go
        // on over a quote right after their last recipient noun
        // ([`recipients_at`]), so such a quote holding a full stop is an
        // event too (`50 gương “Người tốt. Việc tốt”`: the counts end past
        // it); a quote after any other word is not (`… “Thôn văn hóa”.`:
        // most quotes, and most of them before a full stop).
        let quote = marks.get(i) & marks::HONOUR_QUOTE != 0
            && (lex.honors.may_start_at(t, i + 1)
                || lex.recipients.longest_ending_before(t, i).is_some()
                    && marks.next_before(i + 1, i + 2 + MAX_NAME, marks::END) <= i + 1 + MAX_NAME);
        let praise = || award_verb(t, lex, i).is_some_and(|(_, kind)| kind == Verb::Praise);
        if quote
            || t.hash(i)
                .is_some_and(|h| lex.event_pairs.may_start(t, i, h))
                && (lex.honors.longest_at(t, i).is_some() || praise())
        {
            break i;
        }
        i += 1;
    };
    // The last sentence end before the event, back over the full stops of
    // numbers and abbreviations (`1.000`, `TP.HCM`).
    let mut to = at;
    let quiet_to = loop {
        match marks.prev(from, to, marks::END) {
            Some(k) if sentence_end(t, k) => break Some(k),
            Some(k) => to = k,
            None => break None,
        }
    };
    Event { at, quiet_to }
}

/// May counts at token `i` or after go on the list of the award before
/// ([`listed_counts`])?
fn may_list(st: &State, i: usize) -> bool {
    st.last_award
        .is_some_and(|(e, v)| v.kind == Verb::Praise && !v.passive && i <= e + BACK)
}

/// The qualifiers a count may start with (`hơn 20 tập thể`).
const COUNT_QUALIFIERS: [&str; 4] = ["hơn", "gần", "khoảng", "trên"];

/// Is word `i` a qualifier a count may start with ([`COUNT_QUALIFIERS`])?
fn count_qualifier(t: &Tokens<'_>, i: usize) -> bool {
    COUNT_QUALIFIERS.contains(&t.lower(i))
}

/// The honour as reported: without the generic `danh hiệu` (`danh hiệu
/// vinh dự Nhà nước`) and the quotes around a title (`danh hiệu “Chiến sĩ
/// thi đua cơ sở”` → `Chiến sĩ thi đua cơ sở`); other names as written
/// (`Kỷ niệm chương “Vì sự nghiệp …”`).
fn honor_value(t: &Tokens<'_>, h: usize, h_end: usize) -> Option<String> {
    let mut s = h;
    if let Some(n) = t.phrase(s, "danh hiệu") {
        s += n;
        s += t.phrase(s, "vinh dự nhà nước").unwrap_or(0);
    }
    if quoted(t, s) == Some(h_end) && h_end >= s + 3 {
        return text(t, s + 1, h_end - 1);
    }
    text(t, s, h_end)
}

/// After an honour, at `c`: a list of more honours (`, kỷ niệm chương và
/// Bằng khen của Đảng ủy Khối`) followed by `cho`: the token of that `cho`.
fn shared_cho(t: &Tokens<'_>, lex: &Lex, c: usize) -> Option<usize> {
    let mut k = c;
    for _ in 0..4 {
        if !(t.is_punct(k, ',') || t.is(k, "và")) {
            return None;
        }
        k = match honour_at(t, lex, k + 1) {
            Some(e) => e,
            // A gift in the list: `bằng khen, kỷ niệm chương, hoa cho …`.
            None => {
                let mut e = k + 1;
                while e < k + 4
                    && t.is_word(e)
                    && !capitalized(t, e)
                    && !is_stop(t, e)
                    && lex.verbs.longest_at(t, e).is_none()
                    && lex.reasons.longest_at(t, e).is_none()
                {
                    e += 1;
                }
                if e == k + 1 {
                    return None;
                }
                e
            }
        };
        if t.is(k, "của") {
            k = conferrer_at(t, lex, k + 1, true)?;
        }
        if t.is(k, "cho") {
            return Some(k);
        }
    }
    None
}

/// Recipients before the clause ending at `subject_end` (`7 tập thể và 19
/// cá nhân có thành tích … đã được`): the list and the reason between.
fn recipients_before(
    t: &Tokens<'_>,
    lex: &Lex,
    st: &State,
    subject_end: usize,
) -> Option<(Recipients, Option<(usize, usize)>)> {
    let r = st.recent?;
    if r.end > subject_end || r.end + BACK < subject_end {
        return None;
    }
    let mut e = subject_end;
    while e > r.end && t.is_word(e - 1) && CLOSERS.contains(&t.lower(e - 1)) {
        e -= 1;
    }
    if e == r.end {
        return Some((r, None));
    }
    // The words between are a reason, or a few modifiers before one.
    let reason = reason_after(t, lex, r.end, e).map(|(s, _)| (s, e));
    // With no reason, only a few modifiers may stand between (`114 đơn vị
    // tham gia phục vụ Tết được nhận`), and no clause mark.
    if reason.is_none() && (e - r.end > 8 || (r.end..e).any(|k| clause_end(t, k))) {
        return None;
    }
    Some((r, reason))
}

/// An uncounted subject before `subject_end` (`Ngành tư pháp đón nhận`,
/// `Thái Nguyên đã vinh dự được … tặng`): its token range.
fn subject_before(t: &Tokens<'_>, subject_end: usize) -> Option<(usize, usize)> {
    // `Lễ đón nhận Huân chương …` names a ceremony, not who received it.
    if subject_end > 0 && t.is(subject_end - 1, "lễ") {
        return None;
    }
    let mut e = subject_end;
    while e > 0 && t.is_word(e - 1) && CLOSERS.contains(&t.lower(e - 1)) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && s + 10 > e && !clause_end(t, s - 1) && !line_before(t, s) {
        s -= 1;
    }
    // The clause must start here: at a mark, a line or the text's start.
    if s > 0 && !clause_end(t, s - 1) && !line_before(t, s) {
        return None;
    }
    s = skip_openers(t, s, e);
    let clean = (s..e).all(|k| !(t.is_word(k) && SUBJECT_NOT.contains(&t.lower(k))))
        && (s..e).all(|k| {
            (t.is_word(k) || t.is_digits(k) || (t.joined(k) && t.joined(k + 1)))
                && !(t.is_word(k) && STOP.contains(&t.lower(k)) && !capitalized(t, k))
        });
    (s < e && clean).then_some((s, e))
}

/// An award around the honour at `h..h_end`.
fn from_honour(
    t: &Tokens<'_>,
    lex: &Lex,
    style: &Style,
    st: &mut State,
    h: usize,
    h_end: usize,
) -> Option<Built> {
    let mut award = Award {
        honor: honor_value(t, h, h_end),
        ..Award::default()
    };
    // Who conferred it, after the honour: `của Thủ tướng Chính phủ`,
    // `Cờ thi đua Chính phủ`, `do Tổng thống Italia … tặng`.
    let mut end = h_end;
    let mut after = h_end;
    // A year between: `Huân chương Lao động hạng Nhì năm 2018 của Chủ tịch nước`.
    if t.is(after, "năm") && t.is_digits(after + 1) && t.is(after + 2, "của") {
        after += 2;
    }
    let open = OPEN_HEADS.iter().any(|o| t.phrase(h, o).is_some());
    let mut after_verb: Option<VerbHit> = None;
    if t.is(after, "của") {
        if let Some(e) = conferrer_at(t, lex, after + 1, true) {
            award.conferred_by = text(t, after + 1, e);
            after = e;
        }
    } else if t.is(after, "do") {
        if let Some(e) = conferrer_at(t, lex, after + 1, true) {
            if let Some(v) = verb_at(t, lex, e, None) {
                award.conferred_by = text(t, after + 1, e);
                after = v.end;
                after_verb = Some(v);
            }
        }
    } else if !open && !t.is(after, "cho") {
        if let Some(e) = conferrer_at(t, lex, after, false) {
            award.conferred_by = text(t, after, e);
            after = e;
        }
    }
    // Skip what may stand before `cho`: `(kèm theo 10 triệu đồng/đơn vị)`,
    // `năm 2020`, `đột xuất`.
    let mut c = after;
    if t.is_punct(c, '(') {
        if let Some(k) = (c + 1..c + 20).find(|&k| t.is_punct(k, ')') || sentence_end(t, k)) {
            if t.is_punct(k, ')') {
                c = k + 1;
            }
        }
    }
    if t.is(c, "năm") && t.is_digits(c + 1) {
        c += 2;
    } else if t.is_digits(c) && t.surface(c).len() == 4 && !t.joined(c + 1) {
        c += 1;
    }
    if t.phrase(c, "đột xuất").is_some() {
        c += 2;
    }
    // `Huân chương Độc lập hạng Nhất lần thứ 2 cho tỉnh Lào Cai`.
    if t.phrase(c, "lần thứ").is_some() && (t.is_digits(c + 2) || t.is_numeral_word(c + 2)) {
        c += 3;
    }
    // `Bằng khen … được trao cho 5 tập thể`.
    if after_verb.is_none() {
        let mut k = c;
        while matches!(t.lower(k), "đã" | "sẽ" | "vừa" | "được") && k < c + 3 {
            k += 1;
        }
        if k > c && t.is(k - 1, "được") {
            if let Some(v) = verb_at(t, lex, k, None) {
                if matches!(v.kind, Verb::Give | Verb::Hand) && t.is(v.end, "cho") {
                    after_verb = Some(v);
                    c = v.end;
                }
            }
        }
    }
    // The governing verb: just before the honour, or kept from the award
    // before in a list.
    let near = st
        .verb
        .filter(|v| v.end <= h && h - v.end <= VERB_GAP && (v.end..h).all(|k| !sentence_end(t, k)));
    let listed = st
        .last_award
        .filter(|(e, v)| *e <= h && h - *e <= LIST_GAP && v.end <= h)
        .map(|(_, v)| v);
    // The verb of the award before: `trao bằng khen, kỷ niệm chương`.
    let near = near.filter(|v| listed.is_none_or(|l| l.start != v.start));
    let verb = near.or(listed).or(after_verb);
    let inherited = near.is_none() && listed.is_some();
    if verb.is_some_and(|v| v.not_done) {
        return None;
    }
    // Recipients after `cho`.
    let mut start = match verb {
        Some(v) if !inherited => v.start.min(h),
        _ => h,
    };
    let mut recipients: Option<Recipients> = None;
    let mut named: Option<(usize, usize)> = None;
    let mut reason = None;
    let mut rule = "award/honor";
    // Honours in a list share the recipients after the last one: `trao
    // bằng khen, kỷ niệm chương cho các sinh viên` (the span stays on this
    // honour).
    let shared = if t.is(c, "cho") {
        None
    } else {
        shared_cho(t, lex, c)
    };
    if let Some(k) = shared {
        if let Some(r) = recipients_at(t, lex, style, k + 1) {
            recipients = Some(r);
            rule = "award/honor-then-counts";
        } else if verb.is_some() {
            named = named_recipient(t, lex, k + 1).map(|e| (k + 1, e));
            rule = "award/honor-then-recipient";
        }
    }
    // Where the recipients start: after `cho`, or after `tặng` when an
    // honour is handed over (`trao Huân chương … tặng nguyên Phó Thủ tướng
    // Vũ Văn Ninh`).
    let from = if t.is(c, "cho") {
        Some(c + 1)
    } else {
        match award_verb(t, lex, c) {
            Some((n, Verb::Give)) if !is_stop(t, c + n) => {
                let k = c + n;
                let k = if t.is(k, "cho") { k + 1 } else { k };
                let person = matches!(
                    t.lower(k),
                    "nguyên" | "cố" | "ông" | "bà" | "anh" | "chị" | "em" | "đồng" | "các"
                );
                (capitalized(t, k) || person || recipients_at(t, lex, style, k).is_some())
                    .then_some(k)
            }
            _ => None,
        }
    };
    if let Some(f) = from {
        if let Some(r) = recipients_at(t, lex, style, f) {
            recipients = Some(r);
            end = r.end;
            rule = "award/honor-then-counts";
        } else if verb.is_some() || f > c + 1 {
            if let Some(e) = named_recipient(t, lex, f) {
                named = Some((f, e));
                end = e;
                rule = "award/honor-then-recipient";
            }
        }
    }
    if verb.is_none() && recipients.is_none() {
        return None;
    }
    if inherited && recipients.is_none() && named.is_none() {
        // `Huân chương Jose Marti, huân chương cao quý nhất của …`: a bare
        // head in apposition names the same honour again.
        let bare = h_end == h + lex.honors.longest_at(t, h).map_or(0, |(n, _)| n);
        if bare && matches!(t.lower(h_end), "cao" | "này" | "ấy" | "đó" | "nào" | "duy") {
            return None;
        }
        rule = "award/listed-honor";
    }
    // `35 huy chương vàng, 45 huy chương bạc`: medals counted are a
    // competition's results, not honours conferred.
    let medal = t.phrase(h, "huy chương").is_some()
        && matches!(t.lower(h + 2), "vàng" | "bạc" | "đồng")
        && h > 0
        && (t.is_digits(h - 1) || t.is_numeral_word(h - 1));
    if medal {
        return None;
    }
    // Recipients between the verb and the honour: `trao tặng Học viện Kỹ
    // thuật Mật mã Huân chương …`, `tặng 3 đơn vị Bằng khen`.
    if let Some(v) = near {
        if recipients.is_none() && named.is_none() && v.end < h && !v.passive {
            let (from, cho) = if t.is(v.end, "cho") {
                (v.end + 1, true)
            } else {
                (v.end, false)
            };
            if let Some(r) = recipients_at(t, lex, style, from).filter(|r| r.end == h) {
                recipients = Some(r);
                rule = "award/counts-then-honor";
            } else if (cho || capitalized(t, from))
                && from < h
                && named_recipient(t, lex, from) == Some(h)
            {
                named = Some((from, h));
                rule = "award/recipient-then-honor";
            }
        }
    }
    // Recipients before: `7 tập thể … đã được Đảng bộ xã tặng Giấy khen`,
    // `Ngành tư pháp đón nhận Huân chương`.
    if let Some(v) = verb.filter(|v| v.passive || v.kind == Verb::Receive) {
        if inherited && recipients.is_none() && named.is_none() {
            // `nhận Huân chương …; Cờ thi đua Chính phủ`: the same recipient.
            award.recipient.clone_from(&st.last_recipient);
        } else if recipients.is_none() && named.is_none() && v.start <= h {
            if let Some((r, why)) = recipients_before(t, lex, st, v.subject_end) {
                if h_end.max(end) - r.start <= MAX_SPAN {
                    recipients = Some(r);
                    reason = why;
                    start = r.start;
                    rule = "award/counts-then-honor";
                }
            } else if let Some((s, e)) = subject_before(t, v.subject_end) {
                named = Some((s, e));
                start = s;
                rule = "award/recipient-then-honor";
            }
        }
    }
    if let Some(v) = verb {
        if award.conferred_by.is_none() {
            award.conferred_by = v.agent.and_then(|(s, e)| text(t, s, e));
        }
    }
    if let Some(r) = recipients {
        award.collectives = r.collectives;
        award.individuals = r.individuals;
        award.households = r.households;
        if !r.plain {
            award.recipient = text(t, r.start, r.end);
        }
        st.recent = None;
    }
    if let Some((s, e)) = named {
        award.recipient = text(t, s, e);
    }
    // The reason after all this: `… cho 12 tập thể có thành tích …`,
    // `tặng huân chương do có nhiều đóng góp …`.
    if reason.is_none() {
        reason = reason_after(t, lex, end, t.len());
    }
    award.reason = reason.and_then(|(s, e)| text(t, s, e));
    let end = end.max(h_end);
    if end - start > MAX_SPAN {
        return None;
    }
    if let Some(v) = verb {
        st.last_award = Some((end, v));
        if named.is_some() {
            st.last_recipient.clone_from(&award.recipient);
        } else if !inherited {
            st.last_recipient = None;
        }
    }
    Some(Built {
        start,
        end,
        award,
        rule,
    })
}

/// Counts that go on a list after an award of counts alone, with its verb:
/// `biểu dương 55 tập thể và 77 cá nhân …; 50 gương “Người tốt, việc tốt”`.
fn listed_counts(t: &Tokens<'_>, lex: &Lex, st: &mut State, r: Recipients) -> Option<Built> {
    let (e, v) = st.last_award?;
    if v.kind != Verb::Praise || v.passive || r.start < e || r.start > e + BACK {
        return None;
    }
    let gap = e..r.start;
    let joined = gap.clone().all(|k| t.is_punct(k, ',') || t.is(k, "và"));
    let listed = r.start > 0
        && t.is_punct(r.start - 1, ';')
        && gap.clone().all(|k| {
            !sentence_end(t, k)
                && !line_before(t, k)
                && lexical_at(t, &lex.verbs, k).is_none()
                && lex.honors.longest_at(t, k).is_none()
        });
    if !(joined || listed) {
        return None;
    }
    st.recent = None;
    st.last_award = Some((r.end, v));
    Some(Built {
        start: r.start,
        end: r.end,
        award: Award {
            collectives: r.collectives,
            individuals: r.individuals,
            households: r.households,
            conferred_by: v.agent.and_then(|(s, e)| text(t, s, e)),
            reason: reason_after(t, lex, r.end, t.len()).and_then(|(s, e)| text(t, s, e)),
            recipient: if r.plain {
                None
            } else {
                text(t, r.start, r.end)
            },
            honor: None,
        },
        rule: "award/listed-counts",
    })
}

/// An award of counts alone, after a praise verb: `khen thưởng 12 tập thể
/// và 35 cá nhân`, `14 đơn vị, cá nhân … đã được khen thưởng`.
fn counts_only(
    t: &Tokens<'_>,
    lex: &Lex,
    style: &Style,
    st: &mut State,
    v: VerbHit,
) -> Option<Built> {
    // An honour soon after belongs to this verb: it makes the award.
    let honour_soon = (v.end..v.end + 4).any(|k| lex.honors.longest_at(t, k).is_some())
        || (v.end..v.end + 3).any(|k| lexical_at(t, &lex.verbs, k).is_some());
    if honour_soon {
        return None;
    }
    let (r, reason, start, end) = if v.passive {
        let (r, why) = recipients_before(t, lex, st, v.subject_end)?;
        (r, why, r.start, v.end)
    } else {
        let from = if t.is(v.end, "cho") { v.end + 1 } else { v.end };
        let r = recipients_at(t, lex, style, from)?;
        (r, None, v.start, r.end)
    };
    if end - start > MAX_SPAN {
        return None;
    }
    let reason = reason.or_else(|| reason_after(t, lex, end, t.len()));
    st.recent = None;
    st.last_award = Some((end, v));
    Some(Built {
        start,
        end,
        award: Award {
            collectives: r.collectives,
            individuals: r.individuals,
            households: r.households,
            conferred_by: v.agent.and_then(|(s, e)| text(t, s, e)),
            reason: reason.and_then(|(s, e)| text(t, s, e)),
            recipient: if r.plain {
                None
            } else {
                text(t, r.start, r.end)
            },
            honor: None,
        },
        rule: "award/counts",
    })
}

/// The words [`NOT_PLAIN`] stops at: the first words of the honours and
/// verbs, and the count qualifiers (see [`super::marks`]).
pub(crate) fn mark_starts() -> super::marks::Starts {
    super::marks::Starts {
        filters: vec![&LEX.starts],
        hashes: LEX.qualifiers.to_vec(),
    }
}

/// The words [`next_event`] stops at: the first words of the honours and
/// of the praise verbs (see [`super::marks`]).
pub(crate) fn event_mark_starts() -> super::marks::Starts {
    super::marks::Starts {
        filters: vec![&LEX.event_starts],
        hashes: Vec::new(),
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&CONTEST_TITLES);
    once_cell::sync::Lazy::force(&LEX);
}

#[cfg(test)]
mod tests {
    use crate::{Award, Extractor, FactKind, FactValue};

    fn awards(text: &str) -> Vec<(String, Award, String)> {
        Extractor::builder()
            .kinds([FactKind::Award])
            .build()
            .extract(text)
            .facts
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Award(a) => Some((f.text, *a, f.rule.into_owned())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn counted_items_unread_are_none() {
        // At every token of the texts that compare the number kinds'
        // shortcuts, and of counts before each recipient (spaced, glued,
        // in chains, in words): the items found without reading the
        // numbers no recipient follows are those found reading them all.
        let mut texts = crate::number::tests::around_numbers(6_000);
        for (_, r) in crate::lexicon::AWARD_RECIPIENTS.iter() {
            texts.push(format!(
                "tặng 12 {r}, hơn 1.000 {r} và mười hai {r}; 3,5 {r}, 15 năm {r}, 7{r} (2017) {r}"
            ));
        }
        let lex = &*super::LEX;
        let (mut skipped, mut items) = (0, 0);
        for text in &texts {
            let t = crate::token::Tokens::new(text);
            let style = crate::number::Style::of(&t);
            for i in 0..=t.len() {
                let full = super::counted_item_with(&t, lex, &style, i, false);
                let fast = super::counted_item_with(&t, lex, &style, i, true);
                assert_eq!(fast, full, "{text:?} {i}");
                items += usize::from(full.is_some());
                skipped += usize::from(
                    crate::number::reading_ends_by(&t, i)
                        .is_some_and(|e| !lex.recipients.may_start_at(&t, e)),
                );
            }
        }
        assert!(items > 1_000 && skipped > 20_000, "{items} {skipped}");
    }

    #[test]
    fn lists_load() {
        let _ = &*super::LEX;
    }

    #[test]
    fn repetition_is_linear_and_kept_apart() {
        // BAD_INPUTS #37: deep repetition.
        assert!(awards(&"và 7 tập thể ".repeat(20_000)).is_empty());
        let many = awards(&"tặng Bằng khen cho 12 tập thể và 35 cá nhân; ".repeat(5_000));
        assert_eq!(many.len(), 5_000);
        assert!(many.iter().all(|(_, a, _)| a.collectives == Some(12.0)));
        let praise = awards(&"khen thưởng 5 tập thể, ".repeat(5_000));
        assert!(!praise.is_empty() && praise.len() <= 5_000);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "“",
            "“Huân chương",
            "tặng",
            "được",
            "cho 7 tập thể",
            "Bằng khen của",
            "danh hiệu “",
            "7 tập thể được\u{301} tặng Giấy khen",
            "TẶNG BẰNG KHEN CHO",
            "Huy hiệu 30 năm tuổi",
            "nhận Huân chương Lao động hạng",
        ] {
            let _ = awards(text);
        }
        let long = format!("tặng Huân chương {}", "Lao ".repeat(10_000));
        assert_eq!(awards(&long).len(), 1);
    }

    #[test]
    fn quiet_sentences_change_nothing() {
        // Counts in a sentence with no honour or verb make no award, and
        // leave nothing for the next sentence.
        let a = awards(
            "Năm 2023, xã có 120 hộ gia đình văn hóa và 35 cá nhân tiêu biểu. UBND huyện tặng giấy khen cho 7 công dân.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, "tặng giấy khen cho 7 công dân");
        assert_eq!(a[0].1.individuals, Some(7.0));
        assert_eq!(a[0].1.collectives, None);
        // Counts before the verb of their sentence are still read, over a
        // stretch with no award word.
        let a = awards("Hôm qua, 12 tập thể và 35 cá nhân đã được khen thưởng.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].1.collectives, Some(12.0));
        assert_eq!(a[0].1.individuals, Some(35.0));
        assert_eq!(a[0].2, "award/counts");
        // Counts listed after a praise verb, past a `;`.
        let a =
            awards("Hội nghị biểu dương 55 tập thể và 77 cá nhân; 50 gương “Người tốt, việc tốt”.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[1].2, "award/listed-counts");
        assert_eq!(a[1].1.individuals, Some(50.0));
    }

    #[test]
    fn seed_sentence() {
        let a = awards(
            "Tại hội nghị, 7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        let (text, award, rule) = &a[0];
        assert_eq!(
            text,
            "7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen"
        );
        assert_eq!(award.collectives, Some(7.0));
        assert_eq!(award.individuals, Some(19.0));
        assert_eq!(award.honor.as_deref(), Some("Giấy khen"));
        assert_eq!(award.conferred_by.as_deref(), Some("Đảng bộ xã"));
        assert_eq!(
            award.reason.as_deref(),
            Some("có thành tích xuất sắc trong công tác xây dựng Đảng")
        );
        assert_eq!(rule, "award/counts-then-honor");
    }

    /// The awards of `text` by [`super::scan`], with or without its jumps
    /// over quiet sentences.
    fn scanned(text: &str, quiet: bool) -> Vec<(usize, usize, &'static str, crate::Award)> {
        let t = crate::token::Tokens::new(text);
        let mut marks = super::Marks::default();
        marks.fill(&t);
        let style = crate::number::Style::of(&t);
        super::scan(&t, &marks, &style, quiet)
            .into_iter()
            .map(|b| (b.start, b.end, b.rule, b.award))
            .collect()
    }

    /// The jumps of [`super::next_event`] over quiet sentences change no
    /// award: the scan with them finds what the scan of every token finds,
    /// over the seed report (raw, normalized, in capitals, and every cut
    /// of it) and random mixes of honours, verbs, counts, quotes, full
    /// stops inside and outside numbers, and line breaks.
    #[test]
    fn quiet_jumps_change_no_award() {
        const PIECES: &[&str] = &[
            "tặng",
            "trao",
            "nhận",
            "được",
            "khen thưởng",
            "biểu dương",
            "Bằng khen",
            "Giấy khen",
            "Huân chương",
            "Lao động",
            "hạng Nhì",
            "danh hiệu",
            "Chiến sĩ thi đua",
            "cho",
            "của",
            "UBND tỉnh",
            "Đảng bộ xã",
            "7",
            "12",
            "1.000",
            "2,5",
            "hai",
            "mười",
            "hơn",
            "tập thể",
            "cá nhân",
            "hộ",
            "gương",
            "và",
            ",",
            ";",
            ".",
            "!",
            "?",
            "…",
            "“",
            "”",
            "\"",
            "'",
            "«",
            "»",
            "TP.HCM",
            "năm 2017",
            "\n",
            "Người tốt",
            "việc tốt",
            "có thành tích",
            "vì",
            "đã",
            "anh",
            "nhà",
            "tập trung",
            "lao động",
            "7 tập thể và 19 cá nhân",
            "đạt 1.000 điểm",
            "được tặng Bằng khen",
            "khen thưởng 5 tập thể",
            "Xã có 3 hộ.",
            "50 gương “Người tốt. Việc tốt”",
            "12 cá nhân “A. B”",
            "tặng Giấy khen cho",
        ];
        let mut texts = Vec::new();
        let raw = include_str!("../../fixtures/duong-quang-2017.txt");
        let norm = crate::normalize(raw).as_str().to_string();
        texts.push(raw.to_string());
        texts.push(raw.to_uppercase());
        for (k, _) in norm.char_indices().step_by(97) {
            texts.push(norm.get(k..).unwrap_or_default().to_string());
        }
        texts.push(norm);
        let mut rng = crate::testing::Rng::new();
        for k in 0..20_000 {
            // Spaced pieces, and one mix in four glued at random.
            texts.push(rng.mix(PIECES, 30, if k % 4 == 0 { 2 } else { 1 }));
        }
        let mut found = 0;
        for text in &texts {
            let quick = scanned(text, true);
            assert_eq!(quick, scanned(text, false), "{text:?}");
            found += quick.len();
        }
        assert!(found > 3_000, "{found}");
    }

    /// [`super::next_event`] lets the scan jump to a sentence end because
    /// no number the grammar reads holds one: checked at every token of the
    /// seed report and of numbers written against full stops, in both
    /// decimal styles.
    #[test]
    fn no_number_holds_a_sentence_end() {
        use crate::number::{Parsed, Style, number_at};
        use crate::token::Tokens;
        let seed = include_str!("../../fixtures/duong-quang-2017.txt");
        let tight = "Năm 2017. 15 hộ. Đạt 1.000.000. Hai mươi. Ba phẩy năm. 3,5. Bốn \
            trăm. 1.5.2017. 15/3. 20 tỷ. 2,5 triệu đồng. Hơn 20. Thứ hai. 10.000 \
            người. 7.5. Mười lăm! 12? Số 0912.345.678. 1e3. -5. Tháng 3. 100%. \
            1.234,5. 1,234.5. 3. 4. 5. một. hai. 1.\n2. Năm 2017.Năm 2018";
        let styles = [
            Style::default(),
            Style {
                comma_decimal: 0,
                point_decimal: 5,
            },
        ];
        let mut read = 0;
        for text in [seed, tight] {
            let t = Tokens::new(text);
            for style in &styles {
                for i in 0..t.len() {
                    let (s, e) = match number_at(&t, i, style) {
                        Parsed::Number(n) => (n.start, n.end),
                        Parsed::Bad(b) => (b.start, b.end),
                        Parsed::None => continue,
                    };
                    read += 1;
                    assert!(
                        !(s..e).any(|k| super::sentence_end(&t, k)),
                        "{:?} holds a sentence end",
                        t.text().get(t.span(s, e).range())
                    );
                }
            }
        }
        assert!(read > 60, "{read}");
    }
}
