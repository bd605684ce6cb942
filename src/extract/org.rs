//! `organization` facts: party bodies, government bodies, the Fatherland
//! Front, associations, enterprises.
//!
//! | written | category | name, expanded | rule |
//! |---|---|---|---|
//! | `Thành ủy`, `BTV`, `BCH`, `Bộ Chính trị`, `UBND` | party, government | as written; `BTV` → Ban Thường vụ | `org/head` |
//! | `Sở GD-ĐT`, `Bộ Nông nghiệp và Phát triển nông thôn`, `Công ty TNHH Minh Phát`, `Hội Nông dân` | government, enterprise, association | as written; `Sở GD-ĐT` → Sở Giáo dục và Đào tạo | `org/head-name` |
//! | `Đảng bộ xã Dương Quang`, `UBND tỉnh Quảng Nam`, `Sở GD-ĐT Hà Nội`, `UBND TP.HCM`, `Ủy ban Kiểm tra Trung ương` | party, government | as written, place included | `org/head-place` |
//! | `Ban Tuyên giáo Tỉnh ủy`, `BTV Tỉnh ủy`, `Văn phòng UBND tỉnh`, `Phòng CSGT Công an tỉnh` | party, government | the body it belongs to included; `BTV`, `BCH`, `Văn phòng`, `Ban …` take its category | `org/head-of` |
//! | `Đảng bộ, chính quyền xã Dương Quang` | party | Đảng bộ xã Dương Quang | `org/shared-scope` |
//! | `Liên đoàn Lao động (LĐLĐ) TP.HCM` | association | Liên đoàn Lao động TP.HCM (the bracket left out) | `org/head-place` |
//! | `Trường THPT Chu Văn An`, `Bệnh viện Chợ Rẫy`, `báo Tuổi Trẻ` | other | as written | `org/head-name` |
//!
//! The heads, with their category and what they need after them, are data
//! (`lexicon/org_heads.txt`), as are the domains of ministries,
//! departments, schools and hospitals (`lexicon/org_domains.txt`: `Y tế`,
//! `Giáo dục và Đào tạo`, `Quản lý thị trường`, `Y dược`), the legal forms
//! of companies (`lexicon/org_legal_forms.txt`), the abbreviations and their
//! expansions (`lexicon/org_abbreviations.txt`: `UBND` → `Ủy ban nhân dân`,
//! `GD-ĐT` → `Giáo dục và Đào tạo`, `NN&PTNT`, `LĐ-TB&XH`, `TNHH`, `CP` …;
//! expanded only where written in capitals: `Tư` in `Ban Tư tưởng` is no
//! `TƯ`) and the words around a head that unmake it
//! (`lexicon/org_context.txt`: `Hội nghị`, `Hội An`, `Đảng ủy viên`, `cán
//! bộ`, `trụ sở`, `Phó Bí thư Thường trực`).
//!
//! A name not in the domains list is read as Vietnamese names are written:
//! capitalized words, each maybe followed by one lower-case syllable of the
//! same word (`Điện lực`, `Nông dân`, `Cổ phần Chế biến`), joined by `và`
//! or a dash, with all-capital abbreviations (`LICOGI 9`); it stops before
//! a title (`Giám đốc`), a place's level word, another organization and a
//! person's name (`Tỉnh ủy Quảng Ninh Nguyễn Văn Đọc` → `Tỉnh ủy Quảng
//! Ninh`; `Bộ Công an Tô Lâm` → `Bộ Công an`; but `Trường THPT Chu Văn
//! An`). Companies, project boards and centres may start their names with
//! lower-case words when a capital, a number or a place ends them (`Công
//! ty cầu 12`, `Ban Quản lý dự án Điện 2`, `Hợp tác xã may đo Dân Chủ`).
//! Common words are no heads in lower case: `hội nghị`, `xã hội`, `đoàn
//! kết`, `đoàn thể`, `cán bộ`, `toàn bộ`, `đồng bộ`, `cơ sở`, `các công
//! ty`; lower-case `đảng bộ`, `đảng ủy`, `chi bộ` are bodies only before a
//! place (`đảng bộ xã`, not `sinh hoạt chi bộ`), lower-case `bộ`, `sở`
//! only before a listed domain (`bộ Công an`, not `bộ Luật Dân sự`),
//! lower-case `công ty`, `ngân hàng`, `báo` only before a proper name
//! (`công ty Vinamilk`, `báo Tuổi Trẻ`).
//!
//! The place inside an organization is a `place` fact of its own
//! (`place.rs`); an organization inside another (`Tỉnh ủy` in `Ban Tuyên
//! giáo Tỉnh ủy`) is not repeated. Look-ahead is bounded ([`MAX_ORG`]
//! tokens, [`MAX_DEPTH`] bodies deep), so the scan is linear.

use super::name::capitalized;
use super::place::{
    FlagTable, Keys, Lex, PlaceMatch, SENTENCE_WORDS, all_caps, inside_name, known_name,
    latin_case, place_at, surname, title_at,
};
use super::{Ctx, Found, FxSet, PairSet, Phrases, WordSet, marks};
use crate::fact::{FactValue, Organization, OrganizationCategory};
use crate::lexicon::{ORG_ABBREVIATIONS, ORG_CONTEXT, ORG_DOMAINS, ORG_HEADS, ORG_LEGAL_FORMS};
use crate::token::{Kind, Tokens, WordFilter, word_hash};
use once_cell::sync::Lazy;

/// The longest an organization's name gets, in tokens.
pub(crate) const MAX_ORG: usize = 24;

/// How many bodies deep a name may go (`Phòng CSGT Công an tỉnh`: two).
pub(crate) const MAX_DEPTH: usize = 3;

/// What a head allows (`lexicon/org_heads.txt`).
#[derive(Clone, Copy, Debug)]
struct Head {
    category: OrganizationCategory,
    cap: bool,
    scoped: bool,
    lowername: bool,
    name: bool,
    optname: bool,
    needs: bool,
    of: bool,
    inherit: bool,
    noname: bool,
    lowtail: bool,
    lowdomain: bool,
    /// One word, an abbreviation (`UBND`): needs a capital.
    abbr: bool,
    /// `đảng bộ` (for the shared scope `Đảng bộ, chính quyền xã …`).
    dang_bo: bool,
}

fn category_named(s: &str) -> Option<OrganizationCategory> {
    Some(match s {
        "party" => OrganizationCategory::Party,
        "government" => OrganizationCategory::Government,
        "front" => OrganizationCategory::Front,
        "association" => OrganizationCategory::Association,
        "enterprise" => OrganizationCategory::Enterprise,
        "other" => OrganizationCategory::Other,
        _ => return None,
    })
}

/// Single-word abbreviations (`ubnd`, `tp`, `gd-đt` is not one word).
static ABBR_WORDS: Lazy<FxSet<&'static str>> = Lazy::new(|| {
    ORG_ABBREVIATIONS
        .iter()
        .map(|(a, _)| *a)
        .filter(|a| a.chars().all(char::is_alphabetic))
        .collect()
});

/// Is `key` (a word's canonical lower case) an organization abbreviation
/// (`ubnd`, `hđnd`, `mttq`)?
pub(crate) fn is_abbreviation(key: &str) -> bool {
    ABBR_WORDS.contains(key)
}

/// The heads of `lexicon/org_heads.txt`, each with what it allows.
fn parsed_heads() -> impl Iterator<Item = (&'static str, Head)> {
    ORG_HEADS.iter().filter_map(|(phrase, cat, flags)| {
        let has = |f: &str| flags.split(' ').any(|x| x == f);
        Some((
            *phrase,
            Head {
                category: category_named(cat)?,
                cap: has("cap"),
                scoped: has("scoped"),
                lowername: has("lowername"),
                name: has("name"),
                optname: has("optname"),
                needs: has("needs"),
                of: has("of"),
                inherit: has("inherit"),
                noname: has("noname"),
                lowtail: has("lowtail"),
                lowdomain: has("lowdomain"),
                abbr: !phrase.contains(' ') && ABBR_WORDS.contains(phrase),
                dang_bo: *phrase == "đảng bộ",
            },
        ))
    })
}

static HEADS: Lazy<Lex<Head>> = Lazy::new(|| Lex::new(parsed_heads()));

static DOMAINS: Lazy<Lex<()>> = Lazy::new(|| Lex::new(ORG_DOMAINS.iter().map(|d| (*d, ()))));

static LEGAL_FORMS: Lazy<Lex<()>> =
    Lazy::new(|| Lex::new(ORG_LEGAL_FORMS.iter().map(|d| (*d, ()))));

static ABBREVIATIONS: Lazy<Lex<&'static str>> =
    Lazy::new(|| Lex::new(ORG_ABBREVIATIONS.iter().map(|(a, e)| (*a, *e))));

/// The words around a head that unmake it (`lexicon/org_context.txt`):
/// (head's first word or `*`, word) pairs for the word before the head and
/// for the first word after it.
struct Context {
    before: PairSet,
    first: PairSet,
    /// Every triple (see [`triple_hash`]), to rule out most pairs of
    /// words at one bit test each.
    triples: WordFilter,
    /// The [`word_hash`] of `*` (any head).
    any: u32,
    /// Every word of every pair, of either side: a word not in it unmakes
    /// no head.
    words: WordFilter,
}

/// Where the word of a [`Context`] pair stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    First,
}

/// A hash of a triple of [`Context`]: the side, the hashes of the head
/// and of the word.
fn triple_hash(side: Side, head: u32, word: u32) -> u32 {
    let salt = if side == Side::Before { 0x9E37_79B9 } else { 0 };
    head.rotate_left(13) ^ word ^ salt
}

static CONTEXT: Lazy<Context> = Lazy::new(|| {
    let mut c = Context {
        before: PairSet::default(),
        first: PairSet::default(),
        triples: WordFilter::default(),
        any: word_hash("*"),
        words: WordFilter::default(),
    };
    for (head, place, words) in ORG_CONTEXT.iter() {
        let (side, set) = match *place {
            "before" => (Side::Before, &mut c.before),
            "first" => (Side::First, &mut c.first),
            _ => continue,
        };
        for w in words.split(' ') {
            c.triples
                .insert_hash(triple_hash(side, word_hash(head), word_hash(w)));
            c.words.insert_hash(word_hash(w));
            set.insert(head.to_string(), w.to_string());
        }
    }
    c
});

/// Does the key of token `k`, on `side` of the head whose first word is
/// token `head` (`None`: any head), unmake it? Never past the end.
#[inline]
fn in_context(head: Option<usize>, side: Side, keys: &Keys<'_>, k: usize) -> bool {
    let Some(word_h) = keys.hash(k) else {
        return false;
    };
    let c: &Context = &CONTEXT;
    // Most words are in no pair: one bit test, no call.
    c.words.may_contain(word_h) && in_context_listed(c, head, side, keys, k, word_h)
}

/// [`in_context`] for a word of hash `word_h` that may be in a pair.
#[inline(never)]
fn in_context_listed(
    c: &Context,
    head: Option<usize>,
    side: Side,
    keys: &Keys<'_>,
    k: usize,
    word_h: u32,
) -> bool {
    let any = c.any;
    let listed = |h: u32| c.triples.may_contain(triple_hash(side, h, word_h));
    let head_h = head.map_or(Some(any), |i| keys.hash(i));
    if !(head_h.is_some_and(listed) || listed(any)) {
        return false;
    }
    let head_key = head.map_or("*", |i| keys.get(i));
    let word = keys.get(k);
    let set = match side {
        Side::Before => &c.before,
        Side::First => &c.first,
    };
    set.contains(head_key, word) || set.contains("*", word)
}

/// Does the word at token `k`, after a head whose first word is token
/// `head` (`None`: any head), unmake it (`Hội nghị`, `Đảng ủy viên`)?
fn unmade(head: Option<usize>, keys: &Keys<'_>, k: usize) -> bool {
    in_context(head, Side::First, keys, k)
}

/// Lower-case words that scope a court or a prosecutor (`TAND tối cao`).
const LOWER_SCOPES: &[&str] = &["tối cao", "cấp cao", "trung ương"];

/// [`LOWER_SCOPES`] as phrases: most tokens are ruled out by their first
/// word's hash at one bit test.
static LOWER_SCOPE_PHRASES: Lazy<Phrases> =
    Lazy::new(|| Phrases::new(LOWER_SCOPES.iter().copied()));

/// An organization found: tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OrgMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) category: OrganizationCategory,
    /// The name when it is not the surface (`Đảng bộ, chính quyền xã` →
    /// `Đảng bộ xã`).
    name: Option<String>,
    rule: &'static str,
}

/// Is token `i` on the same line as the one before it, with a space between?
fn spaced(t: &Tokens<'_>, i: usize) -> bool {
    t.get(i).is_some_and(|x| x.space_before && !x.line_before)
}

/// Is token `i` a word in lower case?
fn lower_word(t: &Tokens<'_>, i: usize) -> bool {
    t.is_word(i) && !t.has_capital(i)
}

/// Does something that ends a name start at token `i`: a title, a level
/// word, another organization?
fn name_stop(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    // Most words of a name start none of these: one table test for all
    // four look-ups (each starts with a test of its first words).
    keys.flags(&STOP_STARTS, i) != 0 && name_stop_looked_up(t, keys, i)
}

/// [`name_stop`] by its four look-ups.
fn name_stop_looked_up(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    title_at(t, keys, i)
        || place_at(t, keys, i).is_some()
        || super::place::level_at(t, keys, i)
        || HEADS.longest_at(t, keys, i).is_some()
}

/// The first words of the titles, the level words (and `TPHCM`) and the
/// heads: those [`name_stop`] may find something at.
static STOP_STARTS: Lazy<FlagTable> = Lazy::new(|| {
    let mut table = FlagTable::default();
    super::place::flag_title_and_level_firsts(&mut table, 1);
    HEADS.flag_firsts(&mut table, 1, |_| true);
    table
});

/// Is the run of capitalized words starting at token `i` a person's name: a
/// family name and one to three more capitals, the run ending there?
/// Is the run of capitalized words starting at token `i` a person's name: a
/// family name and two or three more capitals (`Nguyễn Văn Đọc`), the run
/// ending there? (Two-word runs are names of bodies more often than of
/// people: `Viện Hải Dương Học`, `Công ty Phan Thành`.)
fn person_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    if !surname(keys, i) || known_name(t, keys, i).is_some() {
        return false;
    }
    let mut n = 1;
    while n < 5 && capitalized(t, i + n) && spaced(t, i + n) && !all_caps(t, i + n) {
        n += 1;
    }
    (3..=4).contains(&n)
}

/// Words that end a name in lower case: the follow-on syllable of a
/// capitalized word is never one of these (`Cục Thuế cho biết`).
const FUNCTION_WORD_LIST: &[&str] = &[
    "đã", "sẽ", "đang", "vừa", "là", "có", "được", "bị", "cho", "về", "của", "với", "tại", "ở",
    "và", "các", "những", "này", "đó", "trong", "theo", "khi", "thì", "mà", "để", "từ", "đến",
    "cũng", "không", "chưa", "vẫn", "còn", "phải", "nên", "cần", "đề", "tổ", "làm", "đi", "ra",
    "vào", "lên", "xuống", "như", "hay", "hoặc", "nhằm", "qua", "trên", "dưới", "sau", "trước",
    "thuộc", "gồm", "cùng", "rằng", "nói", "vì", "do", "nếu", "mỗi", "một", "hai", "ba", "lần",
    "khóa", "nhiệm", "năm", "tháng", "ngày", "số",
];

/// [`FUNCTION_WORD_LIST`] as a set.
static FUNCTION_WORDS: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(FUNCTION_WORD_LIST.iter().copied()));

/// The end of the name read at token `j` (after a head): a domain from the
/// list, or capitalized words as names are written. `None` when no name
/// starts there.
/// A name read after a head: its end, and whether it is a domain from the
/// list.
struct NameRead {
    end: usize,
    domain: bool,
}

fn name_at(t: &Tokens<'_>, keys: &Keys<'_>, j: usize, head: &Head, caps: bool) -> Option<NameRead> {
    if !spaced(t, j) {
        return None;
    }
    let mut k = j;
    // Legal forms of companies: `TNHH`, `cổ phần`, `TMCP`.
    if head.category == OrganizationCategory::Enterprise {
        while let Some((n, _)) = LEGAL_FORMS.longest_at(t, keys, k) {
            if !spaced(t, k) || k - j > 6 {
                break;
            }
            k += n;
        }
    }
    let official = matches!(
        head.category,
        OrganizationCategory::Party
            | OrganizationCategory::Government
            | OrganizationCategory::Front
    );
    let mut words = 0;
    // Lower-case words before a capital, a number or a place: `Công ty
    // cầu 12`, `Ban Quản lý dự án Điện 2`, `Ban Quản lý đường sắt đô thị
    // TPHCM`, `Hợp tác xã may đo Dân Chủ`.
    let mut tail = false;
    if head.lowtail && !caps {
        let mut m = k;
        while m < k + 5
            && lower_word(t, m)
            && spaced(t, m)
            && (!keys.in_set(&FUNCTION_WORDS, m)
                || keys.get(m) == "các"
                || keys.get(m) == "và" && m > k)
            && !(super::place::place_may_start_at(keys, m)
                && (place_at(t, keys, m).is_some()
                    || super::place::bare_level_at(t, keys, m).is_some()))
        {
            m += 1;
        }
        if m > k && spaced(t, m) {
            if t.is_digits(m) && !t.joined(m + 1) && !t.is_punct(m + 1, '%') {
                return Some(NameRead {
                    end: m + 1,
                    domain: false,
                });
            }
            if super::place::place_may_start_at(keys, m)
                && (place_at(t, keys, m).is_some()
                    || super::place::bare_level_at(t, keys, m).is_some())
            {
                return Some(NameRead {
                    end: m,
                    domain: false,
                });
            }
            if capitalized(t, m) && !name_stop(t, keys, m) && !person_at(t, keys, m) {
                k = m;
                tail = true;
            }
        }
    }
    // Lower-case domains only after the heads of ministries, departments
    // and offices (`Chi cục quản lý thị trường`), not `Trung tâm y tế`.
    // After an official body's domain a place may follow (`Sở Y tế Hà
    // Nội`, read as its scope); a school's or a company's name goes on
    // (`Trường ĐH Y dược Cần Thơ`, `Công ty Điện lực Hiệp Phước`).
    if let Some((n, _)) = DOMAINS.longest_at(t, keys, k).filter(|_| !tail) {
        if spaced(t, k) && (official || !lower_word(t, k)) {
            if official || caps {
                return Some(NameRead {
                    end: k + n,
                    domain: true,
                });
            }
            k += n;
            words = 1;
        }
    }
    if caps {
        return None;
    }
    let limit = j + MAX_ORG / 2;
    let enterprise = head.category == OrganizationCategory::Enterprise;
    while k < limit {
        let Some(tok) = t.get(k) else { break };
        if tok.line_before || (!tok.space_before && k > j) {
            break;
        }
        if capitalized(t, k) || t.is_word(k) && all_caps(t, k) {
            if name_stop(t, keys, k) && (words > 0 || !enterprise || title_at(t, keys, k)) {
                break;
            }
            // A person's name after a title and a body (`Bí thư Tỉnh ủy
            // Nguyễn Văn A`, `Giám đốc Bệnh viện Chợ Rẫy Nguyễn Tri
            // Phương`); but schools, hospitals and companies are named
            // after people (`Trường THPT Chu Văn An`, `Trường ĐH Y khoa
            // Phạm Ngọc Thạch`).
            if (words > 1 || official) && person_at(t, keys, k) {
                break;
            }
            // `Trung ương` is one word wherever it stands (`Công ty Ong
            // Trung ương`).
            if keys.get(k) == "trung" && keys.get(k + 1) == "ương" && spaced(t, k + 1) {
                k += 2;
                words += 1;
                continue;
            }
            // The word, with joined pieces: `GD-ĐT`, `Bưu chính-Viễn thông`.
            let start = k;
            k += 1;
            while t.joined(k)
                && matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('-' | '&' | '.')))
                && t.joined(k + 1)
                && (t.is_word(k + 1) || t.is_digits(k + 1))
            {
                k += 2;
            }
            if t.joined(k) && (t.is_word(k) || t.is_digits(k)) {
                k += 1;
            }
            words += 1;
            // One lower-case syllable of the same word: `Điện lực`, `CP Tư vấn`.
            let starts_word = start == j || !capitalized(t, start - 1) || all_caps(t, start - 1);
            if starts_word
                && k == start + 1
                && lower_word(t, k)
                && spaced(t, k)
                && !all_caps(t, start)
                && !keys.in_set(&FUNCTION_WORDS, k)
                && !super::place::level_at(t, keys, k)
                && !unmade(None, keys, k)
                // The dearest test last.
                && crate::normalize::syllable::is_syllable(t.surface(start))
            {
                k += 1;
            }
            continue;
        }
        if words > 0 {
            // `Kế hoạch và Đầu tư`, `Than - Khoáng sản`.
            let connector = t.is(k, "và")
                || matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('-' | '–' | '&')));
            if connector
                && spaced(t, k + 1)
                && capitalized(t, k + 1)
                && !name_stop(t, keys, k + 1)
                && !person_at(t, keys, k + 1)
            {
                k += 1;
                continue;
            }
            // `LICOGI 9`, `Sông Đà 5`; not `8.500 m2`, `40%`, `3 người`.
            if t.is_digits(k)
                && !(t.joined(k + 1) && !t.is_word(k + 1) && t.is_digits(k + 2) && t.joined(k + 2))
                && !(t.joined(k + 1) && t.is_word(k + 1))
                && !(t.joined(k + 1) && t.is_punct(k + 1, '%'))
                && super::count::unit_at(t, k + 1).is_none()
            {
                k += 1;
            }
        }
        break;
    }
    // A legal form alone is no name (`Công ty cổ phần chế tạo máy`).
    (words > 0).then_some(NameRead {
        end: k,
        domain: false,
    })
}

/// A scope after a head or a name: a place with its level word (`tỉnh
/// Quảng Nam`, `TP.HCM`), a bare level word (`UBND tỉnh`), `Trung ương`,
/// or a place's name (`Sở GD-ĐT Hà Nội`, `MTTQ Việt Nam`). Its end, and
/// whether it was a level word.
fn scope_at(t: &Tokens<'_>, keys: &Keys<'_>, j: usize, name_ok: bool) -> Option<(usize, bool)> {
    if !spaced(t, j) {
        return None;
    }
    // Most words start no place nor level word: one test for both.
    if super::place::place_may_start_at(keys, j) {
        if let Some(PlaceMatch { end, .. }) = place_at(t, keys, j) {
            return Some((end, true));
        }
        if let Some(n) = super::place::bare_level_at(t, keys, j) {
            return Some((j + n, true));
        }
    }
    if let Some((n, _)) = LOWER_SCOPE_PHRASES.longest_at(t, j) {
        return Some((j + n, false));
    }
    // In capitals only: most words are ruled out by a field.
    if t.has_capital(j) && matches!(keys.get(j), "tw" | "tư") && all_caps(t, j) {
        return Some((j + 1, false));
    }
    if t.is_punct(j + 1, '.') && keys.get(j) == "t" && keys.get(j + 2) == "ư" && t.joined(j + 2) {
        return Some((j + 3, false));
    }
    if !name_ok || !capitalized(t, j) {
        return None;
    }
    if let Some(end) = known_name(t, keys, j) {
        return Some((end, false));
    }
    // A family name starts a person's name here (`Bộ Công an Tô Lâm`):
    // places written without their level word are provinces (known) or
    // countries.
    if name_stop(t, keys, j) || surname(keys, j) {
        return None;
    }
    if keys.in_set(&SENTENCE_WORDS, j) {
        return None;
    }
    // A run of up to two capitals that is no person's name, nor the
    // first syllable of a lower-case word (`Đảng Cộng sản`, `TTXVN Tiếp
    // tục`).
    let mut end = j;
    while end < j + 2 && capitalized(t, end) && (end == j || spaced(t, end)) {
        if end > j && (person_at(t, keys, end) || name_stop(t, keys, end)) {
            break;
        }
        end += 1;
    }
    if end == j || capitalized(t, end) && spaced(t, end) {
        return None;
    }
    let word_goes_on =
        end == j + 1 && spaced(t, end) && lower_word(t, end) && !keys.in_set(&FUNCTION_WORDS, end);
    (!word_goes_on).then_some((end, false))
}

/// Does a place with its name lie in tokens `from..to` (`xã Dương Quang`,
/// not a bare `xã`)?
fn level_scope_named(t: &Tokens<'_>, keys: &Keys<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| place_at(t, keys, k).is_some_and(|p| p.end <= to))
}

/// `(LĐLĐ)` at token `j`: the index of the closing bracket.
fn bracketed_abbreviation(t: &Tokens<'_>, j: usize) -> Option<usize> {
    if !t.is_punct(j, '(') || !spaced(t, j) {
        return None;
    }
    let mut k = j + 1;
    while k < j + 6
        && (all_caps(t, k)
            || t.joined(k)
                && matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('-' | '&' | '.'))))
    {
        k += 1;
    }
    (k > j + 1 && t.is_punct(k, ')') && t.joined(k)).then_some(k)
}

/// Is lower-case token `i` right after a capitalized word of a name
/// (`Chi hội nhà báo`)?
fn inside_name_lower(t: &Tokens<'_>, i: usize) -> bool {
    i > 0
        && spaced(t, i)
        && capitalized(t, i - 1)
        && !all_caps(t, i - 1)
        && !super::place::sentence_start(t, i - 1)
}

/// The flags of [`HEAD_STARTS`]: the first word of a head; of a head that
/// may be written in lower case before anything (no `cap`, or `scoped`);
/// of one that may be only before a proper name (`cap lowername`, not
/// `scoped`). See [`LowerHeads`].
const HEAD_START: u8 = 1;
const LOWER_FREE_START: u8 = 2;
const LOWER_NAMED_START: u8 = 4;

/// The first words of the heads, and of those that may be written in
/// lower case: a word in lower case that starts none of these starts no
/// organization (`bộ` may, `trường` may not).
static HEAD_STARTS: Lazy<FlagTable> = Lazy::new(|| {
    let mut table = FlagTable::default();
    HEADS.flag_firsts(&mut table, HEAD_START, |_| true);
    HEADS.flag_firsts(&mut table, LOWER_FREE_START, Head::lower_free);
    HEADS.flag_firsts(&mut table, LOWER_NAMED_START, Head::lower_named);
    table
});

/// May an organization's head start at a word whose [`word_hash`] is `h`
/// (or lies in its bucket)? The [`marks::ORG`] bit of the marks.
pub(crate) fn head_may_start(h: u32) -> bool {
    HEAD_STARTS.get(h) & HEAD_START != 0
}

/// The heads a word in lower case may start, by what they need there (see
/// [`lower_head_may_start`]).
struct LowerHeads {
    /// Those with no `cap` flag, or `scoped` (`ủy ban nhân dân xã`, `hội
    /// nông dân`, `cty`): nothing rules them out before they are read.
    free: Lex<()>,
    /// Those in lower case only before a proper name (`cap lowername`, not
    /// `scoped`: `công ty Vinamilk`, `báo Tuổi Trẻ`, `bộ Công an`).
    named: Lex<()>,
    /// The most tokens of a `named` head.
    named_len: usize,
}

static LOWER_HEADS: Lazy<LowerHeads> = Lazy::new(|| {
    let of = |keep: fn(&Head) -> bool| {
        Lex::new(
            parsed_heads()
                .filter(|(_, h)| keep(h))
                .map(|(p, _)| (p, ())),
        )
    };
    let named = of(Head::lower_named);
    LowerHeads {
        free: of(Head::lower_free),
        named_len: named.most_pieces(),
        named,
    }
});

impl Head {
    /// May be written in lower case before anything: no `cap`, or
    /// `scoped` (see [`LowerHeads::free`]).
    fn lower_free(&self) -> bool {
        !self.cap || self.scoped
    }

    /// In lower case only before a proper name: `cap lowername`, not
    /// `scoped` (see [`LowerHeads::named`]).
    fn lower_named(&self) -> bool {
        self.cap && !self.scoped && self.lowername
    }
}

/// May a head start at token `i`, a word not capitalized whose key has the
/// hash `h` and the flags `flags` in [`HEAD_STARTS`]? In lower case the
/// longest head there is read only if it is one of [`LowerHeads::free`],
/// or of [`LowerHeads::named`] with a proper name right after it
/// ([`org_at_head`] rejects the others, `ngân hàng cho biết`, `hội họp`,
/// `báo cáo`, before reading a name): so one of these starts there, and a
/// `named` one only if a capital or a number comes within its length.
/// `false` is sure; most lower-case words that start a head (`công ty
/// đã`, `báo cáo`) fail at a few bit tests.
#[inline(always)]
fn lower_head_may_start(t: &Tokens<'_>, keys: &Keys<'_>, i: usize, h: u32, flags: u8) -> bool {
    if !shortcuts() {
        return flags & (LOWER_FREE_START | LOWER_NAMED_START) != 0 && HEADS.may_match(keys, i, h);
    }
    if flags & (LOWER_FREE_START | LOWER_NAMED_START) == 0 {
        return false;
    }
    let lower: &LowerHeads = &LOWER_HEADS;
    flags & LOWER_FREE_START != 0 && lower.free.may_match(keys, i, h)
        || flags & LOWER_NAMED_START != 0
            && lower.named.may_match(keys, i, h)
            && (1..=lower.named_len).any(|k| proper_start(t, i + k))
}

/// May a head start at token `i`: the first word of one, in lower case
/// only that of a head allowed in lower case (whichever head is the
/// longest there, it starts with this word; see [`lower_head_may_start`]),
/// and with the next word if the head is longer ([`Lex::may_match`])?
/// `false` for most words, at one test, and for most of the others at two
/// or three more.
#[inline(always)]
fn may_head(t: &Tokens<'_>, keys: &Keys<'_>, i: usize) -> bool {
    let Some(h) = keys.hash(i) else {
        return false;
    };
    if t.capitalized(i) {
        // Sure by itself: the flags of the word (its `HEAD_START`, which
        // the scan's mark stands for) are not read.
        HEADS.may_match(keys, i, h)
    } else {
        // Digits and punctuation start no head (`2` shares a bucket with
        // one).
        t.is_word(i) && lower_head_may_start(t, keys, i, h, HEAD_STARTS.get(h))
    }
}

/// The organization whose head starts at token `i`, `depth` bodies deep.
#[inline(always)]
fn org_at(t: &Tokens<'_>, keys: &Keys<'_>, i: usize, depth: usize) -> Option<OrgMatch> {
    if !may_head(t, keys, i) {
        return None;
    }
    org_at_head(t, keys, i, depth)
}

#[cfg(test)]
thread_local! {
    /// Set by a test to turn [`shortcuts`] off, so that it can compare.
    static NO_SHORTCUTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Are the shortcuts of [`org_at_head`] on (always, but in a test that
/// compares the results without them)?
#[inline(always)]
fn shortcuts() -> bool {
    #[cfg(test)]
    return !NO_SHORTCUTS.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}

/// Does a proper name start at token `j`: a capital or a number (`công
/// ty Vinamilk`, `công ty 28`)?
fn proper_start(t: &Tokens<'_>, j: usize) -> bool {
    capitalized(t, j) || t.is_digits(j)
}

/// [`org_at`] for a word that [`may_head`]. Not inlined: the test stays
/// a few instructions in the scan's loop, the call is rare.
#[inline(never)]
fn org_at_head(t: &Tokens<'_>, keys: &Keys<'_>, i: usize, depth: usize) -> Option<OrgMatch> {
    let upper_first = t.capitalized(i);
    let (n, head) = HEADS.longest_at(t, keys, i)?;
    let head = *head;
    if head.abbr && !t.has_capital(i) {
        return None;
    }
    let lower = head.cap && !upper_first;
    if lower && !head.scoped && !head.lowername {
        return None;
    }
    // In lower case, a head that takes no scope needs a proper name right
    // after it (`công ty Vinamilk`, `báo Tuổi Trẻ`; not `ngân hàng cho
    // biết`, `sở ngành`): ruled out here, before the name is read (the
    // same test as `ok` at the end).
    if lower && !head.scoped && !proper_start(t, i + n) && shortcuts() {
        return None;
    }
    // `Tây Ban Nha`: a capital inside a name is no head.
    // Read once: the first word in capitals (no abbreviation).
    let head_caps = !head.abbr && all_caps(t, i);
    if upper_first && !head.abbr && !head_caps && inside_name(t, i) {
        return None;
    }
    // `Liên Chi hội nhà báo`: a lower-case head right after a capital is
    // inside a name.
    if !upper_first && !head.abbr && inside_name_lower(t, i) {
        return None;
    }
    if i > 0 && spaced(t, i) && in_context(Some(i), Side::Before, keys, i - 1) {
        return None;
    }
    let mut j = i + n;
    if spaced(t, j) && unmade(Some(i), keys, j) {
        return None;
    }
    if t.joined(j) && t.is_word(j) {
        return None;
    }
    // Plural: `các đảng bộ`, `những công ty`.
    let plural = i > 0 && matches!(keys.get(i - 1), "các" | "những" | "nhiều" | "mọi" | "mỗi");
    if lower && plural {
        return None;
    }
    // Written in capitals (a heading): names only from the lists.
    let caps = head_caps && all_caps(t, j);

    // `Đảng bộ, chính quyền xã Dương Quang`.
    if head.dang_bo && t.is_punct(j, ',') && t.phrase(j + 1, "chính quyền").is_some() {
        if let Some((end, true)) = scope_at(t, keys, j + 3, false) {
            let scope = t.text().get(t.span(j + 3, end).range()).unwrap_or_default();
            return Some(OrgMatch {
                start: i,
                end,
                category: head.category,
                name: Some(format!("Đảng bộ {scope}")),
                rule: "org/shared-scope",
            });
        }
    }

    let mut named = false;
    let mut proper = false;
    let mut domain = false;
    if !head.noname && (head.name || head.optname) {
        if let Some(r) = name_at(t, keys, j, &head, caps) {
            if r.end > j {
                proper = proper_start(t, j);
                domain = r.domain;
                j = r.end;
                named = true;
            }
        }
        if !named && head.optname && t.is_digits(j) && spaced(t, j) && !t.joined(j + 1) {
            j += 1;
            named = true;
            proper = true;
        }
    }
    if head.name && !named {
        return None;
    }
    // `bộ Công an`, but not `bộ Luật Dân sự`, `bộ Tiêu chí`.
    if lower && head.lowdomain && !domain {
        return None;
    }
    // `Liên đoàn Lao động (LĐLĐ) TP.HCM`, `Ủy ban nhân dân (UBND) tỉnh`:
    // an abbreviation in brackets before the place or the body.
    let mut bracket = None;
    if let Some(close) = bracketed_abbreviation(t, j) {
        let goes_on = scope_at(t, keys, close + 1, true).is_some_and(|(_, level)| level)
            || head.of && org_at(t, keys, close + 1, MAX_DEPTH).is_some();
        if goes_on {
            bracket = Some((j, close + 1));
            j = close + 1;
        }
    }
    let mut parent = None;
    if head.of && depth < MAX_DEPTH && spaced(t, j) {
        if let Some(p) = org_at(t, keys, j, depth + 1) {
            if p.start == j {
                j = p.end;
                parent = Some(p.category);
            }
        }
    }
    let mut level_scope = false;
    let mut scoped = false;
    let mut central = false;
    if parent.is_none() {
        // A name, then a place: `MTTQ Việt Nam xã Quế Long`.
        for _ in 0..2 {
            let Some((end, level)) = scope_at(t, keys, j, true) else {
                break;
            };
            central |= matches!(keys.get(j), "trung" | "tw" | "tư" | "t");
            j = end;
            scoped = true;
            if level {
                level_scope = true;
                break;
            }
        }
    }
    if head.needs && !(named || scoped || parent.is_some()) {
        return None;
    }
    // `các Trung tâm y tế tuyến huyện`: several bodies of a kind, none named.
    if plural && !proper && parent.is_none() && !level_scope_named(t, keys, i + n, j) {
        return None;
    }
    if lower {
        let ok = (head.scoped && level_scope) || (head.lowername && named && proper);
        if !ok {
            return None;
        }
    }
    if j - i > MAX_ORG {
        return None;
    }
    let category = match parent {
        Some(c) if head.inherit => c,
        // `Ban Kinh tế Trung ương`, `Ban Tư tưởng - Văn hóa T.Ư`: the Party's.
        _ if head.inherit && central => OrganizationCategory::Party,
        _ => head.category,
    };
    let rule = if parent.is_some() {
        "org/head-of"
    } else if scoped {
        "org/head-place"
    } else if named {
        "org/head-name"
    } else {
        "org/head"
    };
    // The name leaves the bracketed abbreviation out.
    let name = bracket.map(|(open, after)| {
        let text = |a: usize, b: usize| t.text().get(t.span(a, b).range()).unwrap_or_default();
        format!("{} {}", text(i, open), text(after, j))
    });
    Some(OrgMatch {
        start: i,
        end: j,
        category,
        name,
        rule,
    })
}

/// Are tokens `k..k + n` written as an abbreviation: in capitals (`UBND`,
/// `GD-ĐT`, `TƯ`, not `Tư` in `Ban Tư tưởng`), or as `Cty`, `Tp`?
fn abbreviation_written(t: &Tokens<'_>, keys: &Keys<'_>, k: usize, n: usize) -> bool {
    let words = (k..k + n).filter(|x| t.is_word(*x));
    let mut any = false;
    for x in words {
        any = true;
        // Capitals and letters, ASCII and Vietnamese without Unicode's
        // tables ([`latin_case`] answers for letters only).
        let (mut upper, mut letters) = (0, 0);
        for c in t.surface(x).chars() {
            let (u, l) = if c.is_ascii() {
                (c.is_ascii_uppercase(), c.is_ascii_alphabetic())
            } else if let Some(lower) = latin_case(c) {
                (!lower, true)
            } else {
                (c.is_uppercase(), c.is_alphabetic())
            };
            upper += usize::from(u);
            letters += usize::from(l);
        }
        if upper != letters && !(upper >= 1 && matches!(keys.get(x), "cty" | "tp")) {
            return false;
        }
    }
    any
}

/// `name` with its abbreviations expanded (`UBND tỉnh` → `Ủy ban nhân dân
/// tỉnh`), or `None` when it has none.
fn expand(t: &Tokens<'_>, keys: &Keys<'_>, start: usize, end: usize) -> Option<String> {
    // An abbreviation written as one starts with a capital
    // ([`abbreviation_written`]).
    let abbr_at = |k: usize| {
        Some(k)
            .filter(|&k| t.has_capital(k) && ABBREVIATIONS.may_start(keys, k))
            .and_then(|k| ABBREVIATIONS.longest_at(t, keys, k))
            .filter(|(n, _)| k + n <= end)
            .filter(|(n, _)| abbreviation_written(t, keys, k, *n))
    };
    // The first abbreviation, read once: most names hold none, and no
    // copy is made then. The tokens before it are copied as they are.
    let (first, mut hit) = (start..end).find_map(|k| abbr_at(k).map(|a| (k, Some(a))))?;
    // Room for the name with a few abbreviations expanded, at once.
    let mut out = String::with_capacity(2 * t.span(start, end).len() + 16);
    let mut k = start;
    while k < end {
        let Some(tok) = t.get(k) else { break };
        if k > start && tok.space_before {
            out.push(' ');
        }
        let abbr = match k.cmp(&first) {
            core::cmp::Ordering::Less => None,
            core::cmp::Ordering::Equal => hit.take(),
            core::cmp::Ordering::Greater => abbr_at(k),
        };
        if let Some((n, e)) = abbr {
            out.push_str(e);
            k += n;
            // `TP.` → `thành phố`, not `thành phố.`
            if t.is_punct(k, '.') && t.joined(k) && k < end {
                k += 1;
            }
            continue;
        }
        out.push_str(t.surface(k));
        k += 1;
    }
    Some(out)
}

/// Every organization in the text, left to right.
#[cfg(test)]
pub(crate) fn organizations(t: &Tokens<'_>, keys: &Keys<'_>) -> Vec<OrgMatch> {
    let mut out = Vec::new();
    scan(t, keys, |m| out.push(m));
    out
}

/// Gives `emit` every organization in the text, left to right.
fn scan(t: &Tokens<'_>, keys: &Keys<'_>, emit: impl FnMut(OrgMatch)) {
    let starts: &FlagTable = &HEAD_STARTS;
    // Most words start no head: one test a token, no call.
    each_org(
        |i| keys.next_flagged(i, starts, HEAD_START, marks::ORG),
        |i| org_at(t, keys, i, 0),
        emit,
    );
}

/// Gives `emit` the organizations `org` finds left to right, asked only
/// at the tokens `next` gives (the first worth asking at or after a
/// token), going on after each one found.
fn each_org(
    next: impl Fn(usize) -> Option<usize>,
    org: impl Fn(usize) -> Option<OrgMatch>,
    mut emit: impl FnMut(OrgMatch),
) {
    let mut i = 0;
    while let Some(at) = next(i) {
        i = at;
        match org(i) {
            Some(m) => {
                i = m.end.max(i + 1);
                emit(m);
            }
            None => i += 1,
        }
    }
}

/// The fact of organization `m`: its name and the name with its
/// abbreviations expanded (when that differs).
fn fact_of(t: &Tokens<'_>, keys: &Keys<'_>, m: OrgMatch) -> Found {
    let mut name = m.name.unwrap_or_else(|| {
        t.text()
            .get(t.span(m.start, m.end).range())
            .unwrap_or_default()
            .to_string()
    });
    // `đảng bộ xã` → `Đảng bộ xã`: the Party's name has a capital (`đ`
    // and `Đ` are as long in UTF-8).
    if name.starts_with('đ') && name.starts_with("đảng") {
        name.replace_range(..'đ'.len_utf8(), "Đ");
    }
    let expanded = expand(t, keys, m.start, m.end).filter(|e| *e != name);
    Found {
        start: m.start,
        end: m.end,
        value: FactValue::Organization(Organization {
            category: m.category,
            name,
            expanded,
        }),
        rule: m.rule,
    }
}

/// Emits the `organization` facts, each as it is found.
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let t = &ctx.tokens;
    let keys = Keys::new(t);
    let found = &mut ctx.found;
    scan(t, &keys, |m| found.push(fact_of(t, &keys, m)));
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&ABBREVIATIONS);
    once_cell::sync::Lazy::force(&ABBR_WORDS);
    once_cell::sync::Lazy::force(&CONTEXT);
    once_cell::sync::Lazy::force(&FUNCTION_WORDS);
    once_cell::sync::Lazy::force(&DOMAINS);
    once_cell::sync::Lazy::force(&HEADS);
    once_cell::sync::Lazy::force(&LEGAL_FORMS);
    once_cell::sync::Lazy::force(&LOWER_SCOPE_PHRASES);
    once_cell::sync::Lazy::force(&HEAD_STARTS);
    once_cell::sync::Lazy::force(&STOP_STARTS);
    once_cell::sync::Lazy::force(&LOWER_HEADS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<(String, OrganizationCategory)> {
        let t = Tokens::new(text);
        let keys = Keys::new(&t);
        organizations(&t, &keys)
            .into_iter()
            .map(|m| {
                (
                    text.get(t.span(m.start, m.end).range())
                        .unwrap_or_default()
                        .to_string(),
                    m.category,
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        orgs(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn statics_load() {
        assert!(
            HEADS
                .longest_at(&Tokens::new("UBND"), &Keys::new(&Tokens::new("UBND")), 0)
                .is_some()
        );
        assert!(
            DOMAINS
                .longest_at(&Tokens::new("Y tế"), &Keys::new(&Tokens::new("Y tế")), 0)
                .is_some()
        );
        assert!(!CONTEXT.before.is_empty() && !CONTEXT.first.is_empty());
        assert!(is_abbreviation("ubnd"));
        let _ = &*LEGAL_FORMS;
        let _ = &*ABBREVIATIONS;
    }

    #[test]
    fn every_head_passes_the_start_table() {
        for (phrase, _, flags) in ORG_HEADS.iter() {
            let has = |flag: &str| flags.split(' ').any(|f| f == flag);
            let lower_ok = !has("cap") || has("scoped") || has("lowername");
            // In lower case only before a proper name (`công ty Minh Phát`).
            let named = has("cap") && !has("scoped") && has("lowername");
            let capitalized = phrase
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(phrase.chars().skip(1))
                .collect::<String>();
            for (head, ok) in [
                (phrase.to_string(), lower_ok),
                (capitalized, true),
                (phrase.to_uppercase(), true),
            ] {
                let lower_named = named && head == *phrase;
                let text = if lower_named {
                    format!("họp {head} Minh Phát")
                } else {
                    format!("họp {head} xã Dương Quang")
                };
                let t = Tokens::new(&text);
                let keys = Keys::new(&t);
                assert!(HEADS.longest_at(&t, &keys, 1).is_some(), "{text}");
                assert_eq!(
                    keys.next_flagged(1, &HEAD_STARTS, HEAD_START, marks::ORG),
                    Some(1),
                    "{text}"
                );
                assert!(!ok || may_head(&t, &keys, 1), "{text}");
                // Without a proper name after it, such a head is no head
                // in lower case (`công ty đã`, `báo cáo`), ruled out
                // before it is read.
                if lower_named {
                    let text = format!("họp {head} đã xong rồi");
                    let t = Tokens::new(&text);
                    let keys = Keys::new(&t);
                    assert!(!may_head(&t, &keys, 1), "{text}");
                    assert_eq!(org_at_head(&t, &keys, 1, 0), None, "{text}");
                }
            }
        }
        // Lower-case words that start only heads written with a capital.
        let t = Tokens::new("trường học, viện dẫn");
        let keys = Keys::new(&t);
        assert!(!may_head(&t, &keys, 0) && !may_head(&t, &keys, 3));
    }

    #[test]
    fn the_scan_finds_what_asking_at_every_token_finds() {
        for text in crate::extract::place::samples::texts() {
            // Keys of both kinds: the tokens' own, and rewritten.
            let traditional = Tokens::new_traditional(&text);
            let rewritten = Tokens::new(&text);
            for t in [traditional, rewritten] {
                let keys = Keys::new(&t);
                let mut every = Vec::new();
                each_org(
                    |i| (i < t.len()).then_some(i),
                    |i| org_at_head(&t, &keys, i, 0),
                    |m| every.push(m),
                );
                assert_eq!(organizations(&t, &keys), every, "{text}");
            }
        }
    }

    /// The organizations of `t` found with the shortcuts, and without
    /// ([`NO_SHORTCUTS`]).
    fn with_and_without_shortcuts(t: &Tokens<'_>) -> (Vec<OrgMatch>, Vec<OrgMatch>) {
        let keys = Keys::new(t);
        let fast = organizations(t, &keys);
        NO_SHORTCUTS.with(|c| c.set(true));
        let slow = organizations(t, &keys);
        NO_SHORTCUTS.with(|c| c.set(false));
        (fast, slow)
    }

    /// The shortcut for lower-case heads with no name after them changes
    /// nothing: the organizations of every sample text are those found
    /// without it.
    #[test]
    fn the_shortcuts_change_nothing() {
        for text in crate::extract::place::samples::texts() {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let (fast, slow) = with_and_without_shortcuts(&t);
                assert_eq!(fast, slow, "{text}");
            }
        }
    }

    /// The lower-case gate of [`may_head`] ([`lower_head_may_start`])
    /// changes nothing: over random mixes of every head in lower case with
    /// proper names of one word and more, numbers, domains, lower-case
    /// words and punctuation, the organizations are those found without
    /// it, with keys of both kinds.
    #[test]
    fn the_lower_case_gate_changes_nothing() {
        let mut pieces: Vec<String> = ORG_HEADS.iter().map(|(p, _, _)| format!("{p} ")).collect();
        for w in [
            "Vinamilk ",
            "Tuổi Trẻ ",
            "Minh Phát ",
            "An ",
            "28 ",
            "3",
            "Công an ",
            "công an ",
            "Y tế ",
            "xã Dương Quang ",
            "tỉnh ",
            "đã ",
            "cho biết ",
            "cáo ",
            "ty ",
            "hàng ",
            "của ",
            "các ",
            ", ",
            ". ",
            "(",
            ") ",
            "- ",
            "\n",
            "“",
            "” ",
            "UBND ",
            "TP.HCM ",
        ] {
            pieces.push(w.to_string());
        }
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut found = 0;
        for text in crate::token::tests::random_mixes(&pieces, 6_000) {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let (fast, slow) = with_and_without_shortcuts(&t);
                assert_eq!(fast, slow, "{text}");
                found += fast.iter().filter(|m| !t.capitalized(m.start)).count();
            }
        }
        // Many lower-case heads are organizations (`công ty Vinamilk`).
        assert!(found > 1_000, "{found}");
    }

    /// [`expand`] as it was: a first pass for a token that may start an
    /// abbreviation, then every token read again.
    fn expand_reference(
        t: &Tokens<'_>,
        keys: &Keys<'_>,
        start: usize,
        end: usize,
    ) -> Option<String> {
        let may_start = |k: usize| t.has_capital(k) && ABBREVIATIONS.may_start(keys, k);
        if !(start..end).any(may_start) {
            return None;
        }
        let mut out = String::new();
        let mut changed = false;
        let mut k = start;
        while k < end {
            let Some(tok) = t.get(k) else { break };
            if k > start && tok.space_before {
                out.push(' ');
            }
            let abbr = Some(k)
                .filter(|&k| may_start(k))
                .and_then(|k| ABBREVIATIONS.longest_at(t, keys, k))
                .filter(|(n, _)| k + n <= end)
                .filter(|(n, _)| abbreviation_written(t, keys, k, *n));
            if let Some((n, e)) = abbr {
                out.push_str(e);
                changed = true;
                k += n;
                if t.is_punct(k, '.') && t.joined(k) && k < end {
                    k += 1;
                }
                continue;
            }
            out.push_str(t.surface(k));
            k += 1;
        }
        changed.then_some(out)
    }

    /// [`expand`] answers as it did before it looked for the first
    /// abbreviation once: over every organization of the sample texts and
    /// random mixes of abbreviations in every case, names and punctuation,
    /// and every stretch of up to eight tokens of them, with keys of both
    /// kinds.
    #[test]
    fn expand_answers_as_before() {
        let mut pieces: Vec<String> = Vec::new();
        for (a, _) in ORG_ABBREVIATIONS.iter() {
            pieces.push(format!("{} ", a.to_uppercase()));
            pieces.push(format!("{a} "));
            let mut cs = a.chars();
            if let Some(c) = cs.next() {
                pieces.push(format!(
                    "{} ",
                    c.to_uppercase().chain(cs).collect::<String>()
                ));
            }
        }
        for w in [
            "Sở ",
            "UBND ",
            "tỉnh ",
            "TP.",
            "HCM ",
            "Hà Nội ",
            "Cty ",
            "Tp ",
            ". ",
            ", ",
            "- ",
            "&",
            "(",
            ") ",
            "\n",
            "Tư ",
            "tưởng ",
            "2 ",
        ] {
            pieces.push(w.to_string());
        }
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut texts = crate::extract::place::samples::texts();
        texts.extend(crate::token::tests::random_mixes(&pieces, 3_000));
        let (mut expanded, mut all) = (0, 0);
        for text in &texts {
            for t in [Tokens::new_traditional(text), Tokens::new(text)] {
                let keys = Keys::new(&t);
                let mut spans: Vec<(usize, usize)> = organizations(&t, &keys)
                    .iter()
                    .map(|m| (m.start, m.end))
                    .collect();
                for start in 0..t.len() {
                    for end in start..(start + 8).min(t.len() + 1) {
                        spans.push((start, end));
                    }
                }
                for (start, end) in spans {
                    let want = expand_reference(&t, &keys, start, end);
                    assert_eq!(
                        expand(&t, &keys, start, end),
                        want,
                        "{text:?} {start}..{end}"
                    );
                    expanded += usize::from(want.is_some());
                    all += 1;
                }
            }
        }
        assert!(expanded > 10_000 && all > expanded * 2, "{expanded} {all}");
    }

    /// [`in_context`] answers as its look-up without the filter of the
    /// pairs' words, on both sides, after any head and after the head at
    /// every token, at every token (and past the end) of the sample texts,
    /// with keys of both kinds.
    #[test]
    fn in_context_answers_as_its_look_up() {
        let (mut found, mut all) = (0, 0);
        for text in crate::extract::place::samples::texts() {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let keys = Keys::new(&t);
                let c: &Context = &CONTEXT;
                for k in 0..t.len() + 2 {
                    let Some(word_h) = keys.hash(k) else {
                        assert!(!in_context(None, Side::First, &keys, k));
                        continue;
                    };
                    for side in [Side::Before, Side::First] {
                        for head in [None, Some(k + 1), Some(k.saturating_sub(1))] {
                            let want = in_context_listed(c, head, side, &keys, k, word_h);
                            assert_eq!(in_context(head, side, &keys, k), want, "{text:?} {k}");
                            found += usize::from(want);
                            all += 1;
                        }
                    }
                }
            }
        }
        assert!(found > 1_000 && all > found * 20, "{found} {all}");
    }

    /// [`name_stop`] answers as its four look-ups, at every token (and
    /// past the end) of the sample texts, with keys of both kinds; its
    /// table rules out most tokens.
    #[test]
    fn name_stop_answers_as_its_look_ups() {
        let (mut stops, mut ruled_out, mut all) = (0, 0, 0);
        for text in crate::extract::place::samples::texts() {
            for t in [Tokens::new_traditional(&text), Tokens::new(&text)] {
                let keys = Keys::new(&t);
                for i in 0..t.len() + 2 {
                    let want = name_stop_looked_up(&t, &keys, i);
                    assert_eq!(name_stop(&t, &keys, i), want, "{text:?} at {i}");
                    stops += usize::from(want);
                    ruled_out += usize::from(keys.flags(&STOP_STARTS, i) == 0);
                    all += 1;
                }
            }
        }
        assert!(
            stops > 5_000 && ruled_out * 2 > all,
            "{stops} {ruled_out} {all}"
        );
    }

    /// The lexicons of organizations find at each token what trying every
    /// entry finds, over the sample texts (the seed article and mixes of
    /// the lexicons' phrases in every case) and the seed article's
    /// capitals and cuts.
    #[test]
    fn org_lexicons_answer_as_a_search_of_every_entry() {
        let mut texts = crate::extract::place::samples::texts();
        texts.extend(crate::testing::seed_texts(97));
        for (name, found) in [
            ("heads", HEADS.check_against_search(&texts)),
            ("domains", DOMAINS.check_against_search(&texts)),
            ("legal forms", LEGAL_FORMS.check_against_search(&texts)),
            ("abbreviations", ABBREVIATIONS.check_against_search(&texts)),
        ] {
            assert!(found > 100, "{name}: {found}");
        }
    }

    /// [`LOWER_SCOPE_PHRASES`] finds what asking [`Tokens::phrase`] for
    /// each of [`LOWER_SCOPES`] finds, at every token of the sample texts
    /// and of the scopes in every case and spacing.
    #[test]
    fn lower_scopes_are_found_as_phrases() {
        let mut texts = crate::extract::place::samples::texts();
        texts.push(
            "TAND tối cao, VKSND cấp cao, Ban Tuyên giáo Trung ương, TRUNG ƯƠNG, \
             tối\ncao, cấp, cao trung, ương tối cao"
                .to_string(),
        );
        let mut found = 0;
        for text in &texts {
            let t = Tokens::new(text);
            for j in 0..t.len() + 2 {
                let want = LOWER_SCOPES.iter().find_map(|s| t.phrase(j, s));
                assert_eq!(
                    LOWER_SCOPE_PHRASES.longest_at(&t, j).map(|(n, _)| n),
                    want,
                    "{text:?} {j}"
                );
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn heads_names_places() {
        use OrganizationCategory as C;
        assert_eq!(
            orgs("Đảng bộ xã Dương Quang"),
            vec![("Đảng bộ xã Dương Quang".to_string(), C::Party)]
        );
        assert_eq!(
            texts("UBND tỉnh Quảng Nam cho biết"),
            vec!["UBND tỉnh Quảng Nam"]
        );
        assert_eq!(texts("Sở GD-ĐT Hà Nội"), vec!["Sở GD-ĐT Hà Nội"]);
        assert_eq!(texts("họp BTV, BCH;"), vec!["BTV", "BCH"]);
        assert_eq!(
            texts("Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Đọc"),
            vec!["Tỉnh ủy Quảng Ninh"]
        );
        assert_eq!(
            orgs("Ban Chấp hành Công đoàn"),
            vec![("Ban Chấp hành Công đoàn".to_string(), C::Association)]
        );
        assert_eq!(
            texts("Bộ Nông nghiệp và Phát triển nông thôn"),
            vec!["Bộ Nông nghiệp và Phát triển nông thôn"]
        );
        assert_eq!(
            texts("Công ty TNHH Minh Phát công bố"),
            vec!["Công ty TNHH Minh Phát"]
        );
    }

    #[test]
    fn negatives() {
        for text in [
            "hội nghị tổng kết",
            "Hội nghị Trung ương",
            "an toàn xã hội",
            "tinh thần đoàn kết",
            "các đoàn thể",
            "cán bộ, công chức",
            "toàn bộ",
            "đồng bộ",
            "cơ sở",
            "các công ty",
            "sinh hoạt chi bộ",
            "Bộ trưởng",
            "Tây Ban Nha",
            "Hội An",
            "Đảng ủy viên",
        ] {
            assert_eq!(texts(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn lower_case_heads_need_a_name_or_a_scope() {
        assert_eq!(texts("công ty Vinamilk công bố"), vec!["công ty Vinamilk"]);
        assert_eq!(texts("theo báo Tuổi Trẻ,"), vec!["báo Tuổi Trẻ"]);
        assert_eq!(
            texts("đảng bộ xã Dương Quang"),
            vec!["đảng bộ xã Dương Quang"]
        );
        for text in [
            "ngân hàng cho vay",
            "các sở, ngành",
            "bộ ngành liên quan",
            "công ty này",
            "tập đoàn đa quốc gia",
            "báo cáo",
        ] {
            assert_eq!(texts(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn modern_tone_style_and_ascii_hyphens() {
        // Text normalized in the modern style keeps `uỷ`, `hoà`.
        assert_eq!(texts("Tỉnh uỷ Khánh Hoà họp"), vec!["Tỉnh uỷ Khánh Hoà"]);
        assert_eq!(texts("Sở GD - ĐT tỉnh"), vec!["Sở GD - ĐT tỉnh"]);
    }

    #[test]
    fn no_panic_on_odd_input() {
        let odd = [
            "",
            "UBND",
            "Sở",
            "Công ty TNHH",
            "Ban Thường vụ Ban Thường vụ Ban Thường vụ Ban Thường vụ Tỉnh ủy",
            "Liên đoàn Lao động (",
            "Liên đoàn Lao động (LĐLĐ",
            "T.",
            "Đảng bộ, chính quyền",
            "\u{301}UBND\u{0}tỉnh\u{202e}Quảng Nam",
            "Hội 👍🏽 Nông dân 7️⃣ xã",
            "BTV BTV BTV BTV BTV BTV BTV BTV BTV BTV BTV BTV",
        ];
        for text in odd {
            let t = Tokens::new(text);
            let keys = Keys::new(&t);
            for m in organizations(&t, &keys) {
                assert!(m.start < m.end && m.end <= t.len(), "{text}");
                assert!(text.get(t.span(m.start, m.end).range()).is_some());
            }
        }
    }
}
