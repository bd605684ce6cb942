//! `project` facts: named works and projects, with their category as written
//! and their proper name.
//!
//! | written | category | category_text | name | rule |
//! |---|---|---|---|---|
//! | `Dự án Hồ chứa nước Nặm Cắt` | reservoir | Hồ chứa nước | Nặm Cắt | `project/du-an-category` |
//! | `Thủy điện Sông Bung 4`, `Nhà máy thủy điện Hòa Bình` | hydropower | Thủy điện, Nhà máy thủy điện | Sông Bung 4, Hòa Bình | `project/category-name` |
//! | `Khu công nghiệp Yên Phong II`, `KCN VSIP`, `Cụm công nghiệp Đông Mai` | industrial_park | | Yên Phong II, … | `project/category-name` |
//! | `cầu Tân Thuận 2`, `cầu vượt Ngã Tư Sở` | bridge | cầu, cầu vượt | Tân Thuận 2, Ngã Tư Sở | `project/category-name` |
//! | `đường cao tốc Hạ Long – Vân Đồn` | road | đường cao tốc | Hạ Long – Vân Đồn | `project/category-name` |
//! | `Quốc lộ 1A`, `QL14`, `đường tỉnh 393`, `Vành đai 3` | road | Quốc lộ, QL, … | 1A, 14, 393, 3 | `project/road-number` |
//! | `trạm bơm Phú Lâm`, `kênh Nhiêu Lộc – Thị Nghè`, `hệ thống thủy lợi Bắc Hưng Hải` | irrigation | | | `project/category-name` |
//! | `Khu đô thị Thủ Thiêm`, `khu dân cư Phú Mỹ` | urban_area | | | `project/category-name` |
//! | `chợ Bến Thành`, `Trung tâm thương mại Vincom` | market | | | `project/category-name` |
//! | `Nhà máy Lọc dầu Dung Quất`, `Nhiệt điện Vĩnh Tân` | plant | | | `project/category-name` |
//! | `xây dựng Trường THCS Nguyễn Du`, `khởi công Bệnh viện Nhi Hà Nội` | school, hospital | | | `project/context` |
//! | `Dự án Ecopark`, `dự án BOT Cai Lậy` | other | Dự án | Ecopark, Cai Lậy | `project/du-an-name` |
//! | `các thủy điện A Vương, Sông Bung 4 và Đồng Nai 3` | hydropower | thủy điện | (each name) | `project/list` |
//!
//! The category words are data (`lexicon/project_categories.txt`); the
//! longest one at a word wins (`nhà máy thủy điện` over `nhà máy`), in any
//! case (`KHU CÔNG NGHIỆP`, `cầu`).
//!
//! # What is not a project
//! - An unnamed work: `hai công trình cầu vượt`, `dự án đường giao thông
//!   nông thôn` (no capitalized name follows the category).
//! - A company named after a work: `Công ty cầu 12`, `Công ty cổ phần Thủy
//!   điện Vĩnh Sơn` (`công ty`, `tập đoàn`, `xí nghiệp`… just before).
//! - A draft law: `dự án Luật Đất đai` (`dự án` before `Luật`, `Nghị
//!   quyết`, `Pháp lệnh`…).
//! - `cầu` and `chợ` inside other words or names: `yêu cầu Bộ Tài chính`,
//!   `nhu cầu`, `cầu Chúa`, `chợ Tết`; a capitalized `Cầu`, `Chợ` in the
//!   middle of a sentence or after a place word is a place name (`quận Cầu
//!   Giấy`, `huyện Chợ Mới`, `núi Hầm Vàng`); `điểm cầu Hà Nội` is a
//!   video conference's end, and a country or a big city as a whole is no
//!   work's name (`ngành đường sắt Việt Nam`, `cầu Hà Nội`).
//! - A channel (`kênh VTV1`, `kênh Cadena SER`), a donor or a code after
//!   `dự án` (`dự án UNICEF`, `dự án ODA`), a common noun capitalized
//!   after it (`Dự án Môi trường …`).
//!
//! # Schools, hospitals, streets and other institutions
//! `Trường THCS Nguyễn Du`, `Bệnh viện Bạch Mai`, `đường Lê Lợi` or `sân bay
//! Nội Bài` are, most of the time, an institution or an address, not a work.
//! They are projects only in a project context: `dự án`, `công trình`,
//! `xây dựng`, `khởi công`, `khánh thành`, `nâng cấp`, `cải tạo`, `mở rộng`,
//! `thi công`, `bàn giao`… in the eight words before (same sentence), or
//! `được khởi công`, `khánh thành`, `thông xe`, `đưa vào sử dụng`, `tổng
//! mức đầu tư`… in the six words after. These categories are marked `!` in
//! the lexicon. A work that follows another one of its kind in the same
//! sentence (within twelve tokens: `dự án đường A (huyện B), đường C`)
//! needs no context of its own.
//!
//! # Lists
//! After a list word (`các`, `những`, `như:`, `gồm`, a number), the names
//! that follow a work with commas or `và` are works of the same category:
//! `các thủy điện A Vương, Sông Bung 4 và Đồng Nai 3` gives three (`Đak
//! tih`: in a list a name may go on in lower case up to the next comma).
//! The list stops at a known place name (`các KCN Tân Tạo, Hà Nội`),
//! another category or anything that is no name.
//!
//! # Names
//! A school's field or a hospital's speciality joins the category as
//! written (`Trường ĐH Y dược Cần Thơ` → "Trường ĐH Y dược", "Cần Thơ";
//! `lexicon/institution_fields.txt`); a bracketed abbreviation after the
//! category is skipped (`Bệnh viện Đa khoa (BVĐK) Lạng Sơn`).
//!
//! A name is a run of capitalized syllables ([`super::name::proper_name`]):
//! it stops at a lower-case word, may end with a number or a Roman numeral
//! (`Sông Bung 4`, `Yên Phong II`) and joins hyphens (`Bà Rịa-Vũng Tàu`) and
//! `TP.HCM`. Roads, canals, schools and other works may join two names
//! with a dash (`Hạ Long – Vân Đồn`, `Việt - Hàn`); bridges may not (`cầu
//! Tân Thuận 1 – Nguyễn Tất Thành` is a bridge and the street it leads
//! to), nor may the second name be a work of its own (`cầu Hàm Luông -
//! Quốc lộ 60`). An abbreviated level word after a name is cut (`Thủ Thiêm
//! Q.2`), a number glued to letters is no name's end (`T4`). School and hospital names may go on over a
//! lower-case syllable of their Sino-Vietnamese names (`Bách khoa Hà Nội`,
//! `Sư phạm Kỹ thuật`). A level word may start the name of a school or a
//! hospital (`Bệnh viện Đa khoa huyện Gia Lâm` → `huyện Gia Lâm`). In a
//! heading in capitals every word is capitalized, so there a name stops at
//! a function word (`VÀ`, `ĐƯỢC`, `CỦA`…), after a number or a Roman
//! numeral, and after four words. Names never cross a line break and are at
//! most [`MAX_NAME_TOKENS`] tokens.

use super::marks;
use super::name::{capitalized, proper_name};
use super::{Ctx, Found, Phrases};
use crate::fact::{FactValue, Project, ProjectCategory};
use crate::lexicon::{INSTITUTION_FIELDS, PLACE_NAMES as KNOWN_PLACES, PROJECT_CATEGORIES};
use crate::token::{Kind, Tokens, WordFilter, word_hash};
use once_cell::sync::Lazy;

/// The longest name, in tokens (two names joined by a dash included).
pub(crate) const MAX_NAME_TOKENS: usize = 20;

/// A category entry of the lexicon.
struct Entry {
    category: ProjectCategory,
    /// Only in a project context (`!`).
    context: bool,
    /// The name may be a road number (`#`).
    number: bool,
    /// A capitalized word mid-sentence is a place name, not this (`c`).
    lower_only: bool,
}

struct Categories {
    phrases: Phrases,
    entries: Vec<Entry>,
    /// The [`word_hash`] of `dự` (`dự án`).
    du: u32,
    /// How the categories start (see [`category_at`]).
    starts: PhraseStarts,
    /// The one-word categories a number may name (`đường 5`), and those
    /// of institutions (`trường`), whose name may start in lower case
    /// (see [`may_name`], [`may_be_named`]).
    numbered_singles: WordFilter,
    institution_singles: WordFilter,
}

/// How the phrases of a list start: the one-word phrases, and the first two
/// words of the others, as bit tables. A necessary condition of
/// [`Phrases::longest_at`], at two bit tests: a one-word phrase is the word
/// itself, a longer one starts with the word and the next (every token's
/// hash is that of its lower-case form, which the phrase's words must
/// equal). Most words a list's phrases start with start none where they
/// stand (`công ty`, `nhà nước`, `quốc gia`, `giải quyết`).
pub(super) struct PhraseStarts {
    singles: WordFilter,
    pairs: WordFilter,
}

impl PhraseStarts {
    /// The starts of `phrases` (words separated by single spaces).
    pub(super) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseStarts {
        let mut singles = WordFilter::default();
        let mut pairs = WordFilter::default();
        for p in phrases {
            let mut words = p.split(' ').map(word_hash);
            match (words.next(), words.next()) {
                (Some(a), Some(b)) => pairs.insert_hash(Self::pair(a, b)),
                (Some(a), None) => singles.insert_hash(a),
                _ => {}
            }
        }
        PhraseStarts { singles, pairs }
    }

    /// Two word hashes as one.
    #[inline]
    fn pair(a: u32, b: u32) -> u32 {
        a.rotate_left(13) ^ b.wrapping_mul(0x9E37_79B9)
    }

    /// May a phrase start at token `i`, of hash `h`? `false` is sure.
    #[inline]
    pub(super) fn may_start(&self, t: &Tokens<'_>, i: usize, h: u32) -> bool {
        self.singles.may_contain(h) || self.may_start_long(t, i, h)
    }

    /// May a phrase of two words or more start at token `i`, of hash `h`?
    /// `false` is sure.
    #[inline]
    pub(super) fn may_start_long(&self, t: &Tokens<'_>, i: usize, h: u32) -> bool {
        t.hash(i + 1)
            .is_some_and(|h1| self.pairs.may_contain(Self::pair(h, h1)))
    }
}

fn category_of(name: &str) -> Option<ProjectCategory> {
    Some(match name {
        "reservoir" => ProjectCategory::Reservoir,
        "hydropower" => ProjectCategory::Hydropower,
        "irrigation" => ProjectCategory::Irrigation,
        "road" => ProjectCategory::Road,
        "bridge" => ProjectCategory::Bridge,
        "industrial_park" => ProjectCategory::IndustrialPark,
        "urban_area" => ProjectCategory::UrbanArea,
        "school" => ProjectCategory::School,
        "hospital" => ProjectCategory::Hospital,
        "market" => ProjectCategory::Market,
        "plant" => ProjectCategory::Plant,
        "other" => ProjectCategory::Other,
        _ => return None,
    })
}

static CATEGORIES: Lazy<Categories> = Lazy::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for (cat, flags, phrase) in PROJECT_CATEGORIES.iter() {
        if let Some(category) = category_of(cat) {
            phrases.push(*phrase);
            entries.push(Entry {
                category,
                context: flags.contains('!'),
                number: flags.contains('#'),
                lower_only: flags.contains('c'),
            });
        }
    }
    let starts = PhraseStarts::new(phrases.iter().copied());
    let mut numbered_singles = WordFilter::default();
    let mut institution_singles = WordFilter::default();
    for (phrase, entry) in phrases.iter().zip(&entries) {
        if !phrase.contains(' ') {
            if entry.number {
                numbered_singles.insert(phrase);
            }
            if institution(entry) {
                institution_singles.insert(phrase);
            }
        }
    }
    Categories {
        phrases: Phrases::new(phrases),
        entries,
        du: word_hash("dự"),
        starts,
        numbered_singles,
        institution_singles,
    }
});

/// What a school teaches or a hospital treats (`Y dược`, `Đa khoa`).
static FIELDS: Lazy<Phrases> = Lazy::new(|| Phrases::new(INSTITUTION_FIELDS.iter().copied()));

/// Words before a work that make it a project (`!` categories).
static CONTEXT_BEFORE: Lazy<Phrases> = Lazy::new(|| {
    Phrases::new([
        "dự án",
        "công trình",
        "xây dựng",
        "xây mới",
        "khởi công",
        "khánh thành",
        "hoàn thành",
        "nâng cấp",
        "cải tạo",
        "mở rộng",
        "sửa chữa",
        "thi công",
        "bàn giao",
        "động thổ",
        "gắn biển",
        "giải phóng mặt bằng",
        "tu bổ",
        "hạng mục",
        "gói thầu",
        "hợp long",
        "thông xe",
        "đầu tư xây dựng",
        "quy hoạch xây dựng",
    ])
});

/// Words after a work that make it a project (`!` categories).
static CONTEXT_AFTER: Lazy<Phrases> = Lazy::new(|| {
    Phrases::new([
        "được khởi công",
        "khởi công",
        "được xây mới",
        "xây mới",
        "được sửa chữa",
        "được xây dựng",
        "đang được xây dựng",
        "đang xây dựng",
        "được đầu tư xây dựng",
        "được nâng cấp",
        "được cải tạo",
        "được mở rộng",
        "khánh thành",
        "được khánh thành",
        "thông xe",
        "hợp long",
        "đưa vào sử dụng",
        "đưa vào hoạt động",
        "đi vào hoạt động",
        "có tổng mức đầu tư",
        "tổng mức đầu tư",
        "có tổng vốn đầu tư",
        "tổng vốn đầu tư",
        "với tổng vốn",
        "đang thi công",
        "được thi công",
        "chậm tiến độ",
        "hoàn thành",
    ])
});

/// Words just before a category that make it part of a company's name.
static COMPANY: Lazy<Phrases> = Lazy::new(|| {
    Phrases::new([
        "công ty",
        "tổng công ty",
        "cty",
        "ctcp",
        "tập đoàn",
        "xí nghiệp",
        "cổ phần",
        "tnhh",
        "mtv",
        "jsc",
    ])
});

/// What may follow `dự án` and is not a project's name.
const NOT_A_PROJECT_NAME: &[&str] = &[
    "luật",
    "bộ luật",
    "pháp lệnh",
    "nghị quyết",
    "nghị định",
    "thông tư",
    "hiến pháp",
    "văn kiện",
    "báo cáo",
    "đề án",
    "chương trình",
    "quy hoạch",
    "kế hoạch",
    "công ty",
    "tổng công ty",
    "tập đoàn",
];

/// Words a name never starts with: bodies, offices, people.
const NOT_A_NAME: &[&str] = &[
    "ubnd",
    "hđnd",
    "bộ",
    "sở",
    "ban",
    "đảng",
    "ông",
    "bà",
    "anh",
    "chị",
    "em",
    "tôi",
    "chúng",
    "chính phủ",
    "thủ tướng",
    "chủ tịch",
    "nhà nước",
    "quốc hội",
    "trung ương",
    "công ty",
    "tập đoàn",
    "nhân dân",
    // A sentence run on without its full stop: `hai cầu vượt Theo ông …`.
    "theo",
    "tại",
    "trong",
    "sau",
    "khi",
    "để",
    "với",
    "từ",
    "đến",
    "nhưng",
    "và",
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "hiện",
    "đây",
    "đó",
];

/// Names that are not works after `cầu` (praying) and `chợ` (fairs).
const NOT_A_BRIDGE: &[&str] = &["chúa", "trời", "phật", "thánh", "mẹ"];
const NOT_A_MARKET: &[&str] = &["tết", "xuân", "quê", "phiên", "giáng", "noel"];

/// Words a category word ends, when they come right before it: `yêu cầu`,
/// `nhu cầu`, `hội chợ`, `thành phố`, `thị trường`, `hiện trường`.
const COMPOUNDS: &[(&str, &[&str])] = &[
    (
        "cầu",
        &[
            "yêu", "nhu", "toàn", "khẩn", "mưu", "cung", "bán", "địa", "nhãn", "khí", "quả", "túc",
            "hoàn", "thỉnh", "sưu", "vọng", "hỏa", "bóng", "tiểu", "siêu", "cầu", "bắc", "nhịp",
            "hội", "điểm",
        ],
    ),
    ("chợ", &["hội", "phiên"]),
    (
        "phố",
        &["thành", "khu", "tổ", "dãy", "ngõ", "đường", "phố", "khối"],
    ),
    (
        "trường",
        &[
            "thị",
            "chiến",
            "môi",
            "quảng",
            "hiện",
            "lập",
            "phi",
            "sa",
            "thao",
            "hí",
            "võ",
            "tựu",
            "nhập",
            "hội",
            "ngư",
            "nông",
            "công",
            "quan",
            "đấu",
            "pháp",
            "trường",
            "tại",
            "trực",
        ],
    ),
    ("đường", &["con", "lên", "lối", "dọc", "giữa"]),
    ("cảng", &["hải", "thương"]),
    ("hầm", &["tầng"]),
];

/// Places whose names start with a category word (`Cầu Giấy`, `Chợ Lớn`).
const CATEGORY_PLACES: &[&str] = &[
    "cầu giấy",
    "cầu ngang",
    "cầu kè",
    "cầu muối",
    "cầu ông lãnh",
    "cầu kho",
    "cầu gồ",
    "cầu diễn",
    "chợ lớn",
    "chợ mới",
    "chợ đồn",
    "chợ gạo",
    "chợ rẫy",
    "chợ quán",
    "chợ cầu",
    "trường sa",
    "trường sơn",
    "trường chinh",
];

/// Generic nouns that, capitalized after `dự án` and followed by a
/// lower-case word, are no name (`dự án Khu công nghiệp nhẹ`).
const GENERIC: &[&str] = &[
    "khu",
    "thành",
    "phố",
    "trung",
    "nhà",
    "tòa",
    "công",
    "hệ",
    "tuyến",
    "cụm",
    "điểm",
    "làng",
    "vùng",
    "sân",
    "cảng",
    "đường",
    "trường",
    "bệnh",
    "xây",
    "cải",
    "nâng",
    "mở",
    "phát",
    "hỗ",
    "nghiên",
    "đầu",
    "sản",
    "khai",
    "bảo",
    "trồng",
    "nuôi",
    "cấp",
    "thoát",
    "chống",
    "ứng",
];

/// Place words: a capitalized category word after them is a place name
/// (`quận Cầu Giấy`, `huyện Chợ Mới`).
const PLACE_WORDS: &[&str] = &[
    "tỉnh",
    "thành",
    "phố",
    "tp",
    "huyện",
    "quận",
    "thị",
    "xã",
    "phường",
    "trấn",
    "thôn",
    "bản",
    "ấp",
    "làng",
    "xóm",
    "khu",
    "vùng",
    "đường",
    "ga",
    "bến",
    "ngã",
    "núi",
    "đèo",
    "sông",
    "đảo",
];

/// Level words that may start the name of a school or a hospital.
const LEVEL_WORDS: &[&str] = &[
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị xã",
    "thị trấn",
    "thành phố",
    "khu vực",
    "thôn",
];

/// Lower-case syllables of the Sino-Vietnamese names of schools and
/// hospitals (`Bách khoa`, `Sư phạm`, `Y tế`).
const INSTITUTION_SYLLABLES: &[&str] = &[
    "khoa", "phạm", "thuật", "học", "tế", "dược", "nghiệp", "nghệ", "luật", "nhiên", "hội", "văn",
    "lực", "chính", "thông", "sản", "lâm", "thương", "mại", "nhi", "bướu", "thần", "đội", "nhân",
    "dân", "quốc", "gia", "ương", "đồng", "truyền", "tâm", "thể", "thao", "ngữ", "dục", "sử",
    "hóa", "tộc", "y", "tin", "nghị",
];

/// In a heading in capitals, a name stops before these words.
const CAPS_STOP: &[&str] = &[
    "và", "của", "tại", "ở", "cho", "đã", "sẽ", "là", "có", "được", "với", "trên", "đang", "vừa",
    "bị", "không", "chưa", "về", "từ", "đến", "khi", "sau", "trước", "nhưng", "hay", "hoặc", "để",
    "do", "vì", "mới", "năm", "ngày", "tháng", "chính", "thức", "khởi", "hoàn", "xây", "dựng",
    "thông", "xe", "vào", "đi", "qua", "cần", "phải", "nên", "thì", "mà", "như", "theo", "cùng",
];

/// Acronyms after `dự án` that name a kind of project, not one.
const ACRONYMS: &[&str] = &[
    "nơxh", "đtnn", "fdi", "oda", "ppp", "bot", "bt", "cntt", "xdcb", "nsnn", "ngo", "đtxd",
];

/// The normalized text of tokens `from..to`.
fn text_of<'t>(t: &Tokens<'t>, from: usize, to: usize) -> &'t str {
    t.text().get(t.span(from, to).range()).unwrap_or_default()
}

/// Filler between `dự án` and a category or a name: `dự án BOT cầu …`.
const FILLER: &[&str] = &["bot", "bt", "ppp", "oda", "fdi"];

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

/// Does a lower-case word have a vowel (`cầu` yes, `kcn` no)?
fn has_vowel(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(
            crate::normalize::syllable::classify(c),
            crate::normalize::syllable::Letter::Vowel { .. }
        )
    })
}

/// Does token `i` start a sentence or a line (after `.`, `!`, `?`, `…`,
/// `:`, an opening quote)?
fn sentence_start(t: &Tokens<'_>, i: usize) -> bool {
    i == 0
        || t.get(i).is_some_and(|x| x.line_before)
        || matches!(
            t.get(i - 1).map(|x| x.kind),
            Some(Kind::Punct('.' | '!' | '?' | '…' | ':' | '“' | '"' | '«'))
        )
}

/// [`NOT_A_NAME`], [`NOT_A_PROJECT_NAME`] and [`CATEGORY_PLACES`], to be
/// matched at a token.
static NOT_A_NAME_AT: Lazy<Phrases> = Lazy::new(|| Phrases::new(NOT_A_NAME.iter().copied()));
static NOT_A_PROJECT_NAME_AT: Lazy<Phrases> =
    Lazy::new(|| Phrases::new(NOT_A_PROJECT_NAME.iter().copied()));
static CATEGORY_PLACES_AT: Lazy<Phrases> =
    Lazy::new(|| Phrases::new(CATEGORY_PLACES.iter().copied()));
/// [`LEVEL_WORDS`], to be matched at a token.
static LEVEL_WORDS_AT: Lazy<Phrases> = Lazy::new(|| Phrases::new(LEVEL_WORDS.iter().copied()));

/// The end of the name starting at token `i`, or `None`.
pub(crate) fn name_end(
    t: &Tokens<'_>,
    i: usize,
    caps: bool,
    institution: bool,
    dash: bool,
) -> Option<usize> {
    let mut end = proper_name(t, i)?;
    // `TP.HCM`, `Institution` names over their lower-case syllables.
    loop {
        if end >= i + MAX_NAME_TOKENS {
            break;
        }
        if t.is_punct(end, '.') && t.joined(end) && capitalized(t, end + 1) && t.joined(end + 1) {
            if let Some(e) = proper_name(t, end + 1) {
                end = e;
                continue;
            }
        }
        if institution
            && !caps
            && t.get(end).is_some_and(|x| x.space_before && !x.line_before)
            && t.is_word(end)
            && INSTITUTION_SYLLABLES.contains(&t.lower(end))
            && !t.is_digits(end - 1)
        {
            end += 1;
            if capitalized(t, end) && t.get(end).is_some_and(|x| !x.line_before) {
                if let Some(e) = proper_name(t, end) {
                    end = e;
                }
            }
            continue;
        }
        break;
    }
    if caps {
        end = caps_trim(t, i, end);
    }
    // Two names joined by a dash: `Hạ Long – Vân Đồn`.
    if dash
        && matches!(
            t.get(end).map(|x| x.kind),
            Some(Kind::Punct('–' | '-' | '—'))
        )
        && t.get(end).is_some_and(|x| !x.line_before)
        && capitalized(t, end + 1)
        && t.get(end + 1).is_some_and(|x| !x.line_before)
        // Not a second work (`cầu Hàm Luông - Quốc lộ 60`); a capitalized
        // `Cầu`, `Chợ` is a place's name (`Pháp Vân – Cầu Giẽ`).
        && category_at(t, end + 1).is_none_or(|(e, _)| e.lower_only)
        // `đường Võ Văn Kiệt - Ảnh: …`: a caption, not a second name.
        && !t.is(end + 1, "ảnh")
        && !t.is_punct(end + 2, ':')
    {
        if let Some(e) = proper_name(t, end + 1) {
            let e = if caps { caps_trim(t, end + 1, e) } else { e };
            if e <= i + MAX_NAME_TOKENS {
                end = e;
            }
        }
    }
    // `Thủ Thiêm Q.2`, `Sơn Trà P.3`: an abbreviated level word after the
    // name is not part of it.
    if end > i + 1
        && t.is_word(end - 1)
        && t.surface(end - 1).len() <= 2
        && t.surface(end - 1).chars().all(|c| c.is_ascii_uppercase())
        && t.is_punct(end, '.')
        && t.joined(end)
        && t.joined(end + 1)
    {
        end -= 1;
    }
    // `82,4ha`, `T4`, `AK-F70`: a name never ends inside a number or a word.
    if t.is_digits(end - 1)
        && matches!(t.get(end).map(|x| x.kind), Some(Kind::Punct(',' | '.')))
        && t.joined(end)
        && t.is_digits(end + 1)
        && t.joined(end + 1)
    {
        end -= 1;
    }
    if t.joined(end) && (t.is_word(end) || t.is_digits(end)) {
        return None;
    }
    (end > i).then_some(end)
}

/// A name in a heading in capitals: up to a function word, after a number
/// or a Roman numeral, at most four words.
fn caps_trim(t: &Tokens<'_>, i: usize, end: usize) -> usize {
    let mut k = i;
    let mut words = 0;
    while k < end {
        if k > i && t.is_word(k) && CAPS_STOP.contains(&t.lower(k)) {
            return k;
        }
        if k > i && (t.is_digits(k) || crate::number::roman::roman_at(t, k).is_some()) {
            return k + 1;
        }
        if t.is_word(k) {
            words += 1;
            if words > 4 {
                return k;
            }
        }
        k += 1;
    }
    end
}

/// A road number at token `i`: `1A`, `14`, `.1A` (after `QL`), `III`,
/// `số 1` (`tuyến metro số 1`). Returns where the number starts and ends.
fn road_number(t: &Tokens<'_>, i: usize) -> Option<(usize, usize)> {
    if t.is(i, "số") && t.is_digits(i + 1) {
        return road_digits(t, i + 1).map(|e| (i + 1, e));
    }
    // `QL.1A`: the full stop is no part of the number.
    let s = if t.is_punct(i, '.') && t.joined(i) {
        i + 1
    } else {
        i
    };
    road_digits(t, i).map(|e| (s, e))
}

/// The end of the road number at token `i` (without `số`).
fn road_digits(t: &Tokens<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    if t.is_punct(j, '.') && t.joined(j) {
        j += 1;
    }

    if let Some(tok) = t.get(j) {
        if tok.line_before {
            return None;
        }
    }
    if crate::number::roman::roman_at(t, j).is_some() {
        return Some(j + 1);
    }
    if !t.is_digits(j) || t.surface(j).len() > 4 {
        return None;
    }
    j += 1;
    if t.joined(j) && t.is_word(j) {
        let s = t.surface(j);
        if s.len() <= 2 && s.chars().all(|c| c.is_ascii_uppercase()) {
            j += 1;
        } else {
            return None;
        }
    }
    // Not a decimal or a date: `1,5`, `14/3`.
    if t.joined(j) && (t.is_digits(j) || t.is_word(j)) {
        return None;
    }
    if t.joined(j)
        && matches!(t.get(j).map(|x| x.kind), Some(Kind::Punct(',' | '/' | '.')))
        && t.is_digits(j + 1)
        && t.joined(j + 1)
    {
        return None;
    }
    Some(j)
}

/// Is there a project word in the eight words before token `start` (same
/// sentence) or in the six after token `end`?
fn has_context(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        if t.get(k).is_some_and(|x| x.line_before) {
            break;
        }
        if CONTEXT_BEFORE.longest_ending_before(t, k).is_some() {
            return true;
        }
        k -= 1;
        steps += 1;
        if matches!(
            t.get(k).map(|x| x.kind),
            Some(Kind::Punct('.' | ';' | ':' | '!' | '?'))
        ) {
            break;
        }
    }
    let mut k = end;
    // Skip a bracket right after the name: `(huyện X)`.
    while k < end + 6 {
        let Some(tok) = t.get(k) else { break };
        if tok.line_before || matches!(tok.kind, Kind::Punct('.' | ';' | ':' | '!' | '?')) {
            break;
        }
        if CONTEXT_AFTER.longest_at(t, k).is_some() {
            return true;
        }
        k += 1;
    }
    false
}

/// Is a company word just before token `i` (within four tokens)?
fn company_before(t: &Tokens<'_>, i: usize) -> bool {
    (1..=4).any(|back| {
        i.checked_sub(back).is_some_and(|k| {
            (k + 1..i).all(|m| !super::clause_break(t, m))
                && COMPANY.longest_at(t, k).is_some_and(|(n, _)| k + n <= i)
        })
    })
}

/// Schools, hospitals and other institutions: their names may start after
/// a field (`Trường ĐH Y dược Cần Thơ`) or with a level word (`Bệnh viện Đa
/// khoa huyện Gia Lâm`).
fn institution(entry: &Entry) -> bool {
    matches!(
        entry.category,
        ProjectCategory::School | ProjectCategory::Hospital | ProjectCategory::Other
    )
}

/// May the category `entry` ending at token `c` be followed by its name?
/// A cheap necessary condition of [`at_category`], tested before the rest:
/// a road number, a capitalized word (after an abbreviation in brackets),
/// or for an institution a field or a level word. Most category words are
/// followed by none (`nhà máy của`, `đường giao thông`).
fn may_name(t: &Tokens<'_>, entry: &Entry, c: usize) -> bool {
    let after = if t.is_punct(c, '(') && all_caps(t, c + 1) && t.is_punct(c + 2, ')') {
        c + 3
    } else {
        c
    };
    entry.number
        || capitalized(t, after)
        || institution(entry)
            && (FIELDS.may_start_at(t, after) || LEVEL_WORDS_AT.may_start_at(t, after))
}

/// May a category starting at token `i` (of hash `h`) be followed by its
/// name ([`may_name`])? A sure `false` before the category is looked up:
/// where no category of two words or more may start, only one of a single
/// word may, and its name starts right after it (`trường` and `cầu` in
/// `trường hợp`, `yêu cầu của` have none; `đường 5` and `trường Y` may).
fn may_be_named(t: &Tokens<'_>, i: usize, h: u32) -> bool {
    let cats = &*CATEGORIES;
    let c = i + 1;
    cats.starts.may_start_long(t, i, h)
        || t.is_punct(c, '(')
        || capitalized(t, c)
        || cats.numbered_singles.may_contain(h)
        || cats.institution_singles.may_contain(h)
            && (FIELDS.may_start_at(t, c) || LEVEL_WORDS_AT.may_start_at(t, c))
}

/// The category at token `i`: its entry and its number of tokens.
fn category_at(t: &Tokens<'_>, i: usize) -> Option<(&'static Entry, usize)> {
    if !t.is_word(i) {
        return None;
    }
    let cats = &*CATEGORIES;
    let (n, k) = cats.phrases.longest_at(t, i)?;
    // Not across a line break.
    if (i + 1..i + n).any(|m| t.get(m).is_some_and(|x| x.line_before || !x.space_before)) {
        return None;
    }
    Some((cats.entries.get(k)?, n))
}

/// Is `s` in lower case `lower`, as `s.to_lowercase() == lower` but
/// without a copy (most names differ at their first letters)? The same for
/// every `lower` without `ς` (the one letter `str::to_lowercase` writes
/// otherwise than `char::to_lowercase`).
fn lower_eq(s: &str, lower: &str) -> bool {
    s.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// A country or a city as a whole, in lower case: no work's name
/// (`ngành đường sắt Việt Nam`, `các chợ TPHCM`).
const WHOLE_PLACES: [&str; 7] = [
    "việt nam",
    "tphcm",
    "tp.hcm",
    "tp hcm",
    "hcm",
    "hà nội",
    "tp",
];

/// Is `s` one of [`WHOLE_PLACES`] in any case (as [`lower_eq`] with each)?
/// The lower case of its first letter picks the entries worth comparing:
/// most names start with none of `v`, `t`, `h`, and one case mapping costs
/// less than seven comparisons that each map the first letter.
fn whole_place(s: &str) -> bool {
    // An entry equal to the lower case of `s` starts with the lower case
    // of its first letter (no entry is empty).
    let Some(first) = s.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    WHOLE_PLACES
        .into_iter()
        .any(|w| w.starts_with(first) && lower_eq(s, w))
}

/// A project whose category starts at token `i` (after `dự án` when
/// `after_du_an`): (end, project, rule). `listed`: does the work just
/// before lend its context to one of this category (asked only of a
/// category that needs a context)?
fn at_category(
    t: &Tokens<'_>,
    i: usize,
    after_du_an: bool,
    listed: impl FnOnce(ProjectCategory) -> bool,
) -> Option<(usize, Project, &'static str)> {
    if !t.hash(i).is_some_and(|h| may_be_named(t, i, h)) {
        return None;
    }
    let (entry, n) = category_at(t, i)?;
    if !may_name(t, entry, i + n) {
        return None;
    }
    // A heading in capitals, not an acronym (`KCN`, `KDC`: no vowels).
    let caps = (i..i + n).all(|m| all_caps(t, m)) && (i..i + n).any(|m| has_vowel(t.lower(m)));
    if capitalized(t, i) && CATEGORY_PLACES_AT.starts_at(t, i) {
        return None;
    }
    if entry.lower_only && capitalized(t, i) && !caps && !sentence_start(t, i) {
        // `Cầu Giấy`, `Chợ Lớn`: a place name, unless the sentence starts.
        return None;
    }
    if let Some(p) = i.checked_sub(1) {
        if t.is_word(p) && !t.joined(i) {
            let prev = t.lower(p);
            let word = t.lower(i);
            if COMPOUNDS
                .iter()
                .any(|(w, before)| *w == word && before.contains(&prev))
            {
                return None;
            }
            if capitalized(t, i) && !caps && PLACE_WORDS.contains(&prev) {
                return None;
            }
        }
    }
    if company_before(t, i) {
        return None;
    }
    let c = i + n;
    if t.get(c)?.line_before {
        return None;
    }
    // `Bệnh viện Đa khoa (BVĐK) Lạng Sơn`: an abbreviation in brackets.
    let mut after = c;
    if t.is_punct(c, '(') && all_caps(t, c + 1) && t.is_punct(c + 2, ')') {
        after = c + 3;
    }
    let institution = institution(entry);
    // Not bridges: `cầu Tân Thuận 1 – Nguyễn Tất Thành` is a bridge and
    // the street it leads to.
    let dash = matches!(
        entry.category,
        ProjectCategory::Road
            | ProjectCategory::Irrigation
            | ProjectCategory::Other
            | ProjectCategory::School
    );
    let mut rule = if after_du_an {
        "project/du-an-category"
    } else {
        "project/category-name"
    };
    let category_end = c;
    let c = after;
    let (name_start, end) = if let Some((ns, e)) = entry.number.then(|| road_number(t, c)).flatten()
    {
        rule = "project/road-number";
        (ns, e)
    } else {
        // `Bệnh viện Đa khoa huyện Gia Lâm`: a level word may start the name.
        let mut c = c;
        let mut s = c;
        if institution && !caps {
            // `Trường ĐH Y dược Cần Thơ`: the field joins the category.
            if let Some((m, _)) = FIELDS.longest_at(t, c) {
                let f = c + m;
                if (c + 1..f).all(|k| t.get(k).is_some_and(|x| x.space_before && !x.line_before))
                    && capitalized(t, f)
                    && t.get(f).is_some_and(|x| x.space_before && !x.line_before)
                {
                    c = f;
                    s = f;
                }
            }
        }
        if institution {
            // At most one level word starts at a token.
            if let Some((m, _)) = LEVEL_WORDS_AT.longest_at(t, c) {
                if capitalized(t, c + m) {
                    s = c + m;
                }
            }
        }
        if !t.get(s).is_some_and(|x| x.space_before) {
            return None;
        }
        let e = name_end(t, s, caps, institution, dash)?;
        if NOT_A_NAME_AT.starts_at(t, s) {
            return None;
        }
        (c, e)
    };
    // The field read with the name belongs to the category as written.
    let category_end = if rule != "project/road-number" && name_start > after {
        name_start
    } else {
        category_end
    };
    let name_first = t.lower(name_start);
    // `ga Nhà hát TP`, `dự án Khu công nghiệp nhẹ`: a capitalized common
    // noun before a lower-case word is no name.
    if end == name_start + 1
        && GENERIC.contains(&name_first)
        && t.is_word(end)
        && !capitalized(t, end)
    {
        return None;
    }
    // `ngành đường sắt Việt Nam`, `các chợ TPHCM`: a country or a city as a
    // whole is no work's name.
    if whole_place(text_of(t, name_start, end)) {
        return None;
    }
    match entry.category {
        ProjectCategory::Bridge if NOT_A_BRIDGE.contains(&name_first) => return None,
        ProjectCategory::Market if NOT_A_MARKET.contains(&name_first) => return None,
        // `kênh VTV1`, `kênh YouTube`, `kênh Cadena SER`: television and
        // radio channels.
        ProjectCategory::Irrigation
            if t.lower(i) == "kênh"
                && ((name_start..end).any(|k| all_caps(t, k))
                    || t.is_digits(name_start + 1) && t.joined(name_start + 1)
                    || matches!(name_first, "youtube" | "facebook" | "tiktok" | "zalo")) =>
        {
            return None;
        }
        _ => {}
    }
    if entry.context && !after_du_an {
        if !listed(entry.category) && !has_context(t, i, end) {
            return None;
        }
        rule = "project/context";
    }
    Some((
        end,
        Project {
            category: entry.category,
            category_text: text_of(t, i, category_end).to_string(),
            name: text_of(t, name_start, end).to_string(),
        },
        rule,
    ))
}

/// A project starting with `dự án` at token `i`: (end, project, rule).
fn at_du_an(t: &Tokens<'_>, i: usize) -> Option<(usize, Project, &'static str)> {
    // Two word comparisons (`Tokens::phrase` splits its phrase first).
    if !(t.is(i, "dự") && t.is(i + 1, "án")) {
        return None;
    }
    let n = 2;
    let mut j = i + n;
    while t.is_word(j) && FILLER.contains(&t.lower(j)) && !t.get(j).is_some_and(|x| x.line_before) {
        j += 1;
    }
    if t.get(j).is_none_or(|x| x.line_before) {
        return None;
    }
    if let Some(found) = at_category(t, j, true, |_| true) {
        return Some(found);
    }
    // A name starts with a capital ([`name_end`]): most `dự án` have none.
    if !capitalized(t, j) {
        return None;
    }
    if NOT_A_PROJECT_NAME_AT.starts_at(t, j) || NOT_A_NAME_AT.starts_at(t, j) {
        return None;
    }
    if company_before(t, i) {
        return None;
    }
    let caps = all_caps(t, i) && all_caps(t, i + 1);
    let end = name_end(t, j, caps, false, true)?;
    // `Dự án Môi trường`, `dự án Khu công nghiệp nhẹ`: one capitalized
    // Vietnamese word before a lower-case one is a common noun, and an
    // acronym alone is a kind of project (`dự án NƠXH`, `dự án ĐTNN`).
    if end == j + 1 {
        let w = t.lower(j);
        let common = GENERIC.contains(&w) || !w.is_ascii();
        let lower_next = t.is_word(end) && !capitalized(t, end);
        // `dự án UNICEF`, `dự án ADB`: a donor or a code, not a work's name.
        if common && lower_next || ACRONYMS.contains(&w) || all_caps(t, j) {
            return None;
        }
    }
    Some((
        end,
        Project {
            category: ProjectCategory::Other,
            category_text: text_of(t, i, i + n).to_string(),
            name: text_of(t, j, end).to_string(),
        },
        "project/du-an-name",
    ))
}

/// Words before a category that open a list of works: `các thủy điện A
/// Vương, Sông Bung 4 và Đồng Nai 3`, `như: Thủy điện Đại Ninh, A Vương`.
const LIST_INTRO: &[&str] = &[
    "các", "những", "như", "gồm", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    "nhiều", "loạt",
];

/// Is the project starting at token `start` the first of a list?
fn list_intro(t: &Tokens<'_>, start: usize) -> bool {
    let mut k = start;
    if k > 0 && t.is_punct(k - 1, ':') {
        k -= 1;
    }
    k.checked_sub(1)
        .is_some_and(|p| t.is_digits(p) || t.is_word(p) && LIST_INTRO.contains(&t.lower(p)))
}

/// More names of the same kind after a project ending at `e`, in a list
/// (`, A Vương, Sor Phu Miêng và Đồng Nai 3`): (start, end) of each.
fn list_items(t: &Tokens<'_>, mut e: usize, category: ProjectCategory) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let dash = matches!(
        category,
        ProjectCategory::Road | ProjectCategory::Irrigation | ProjectCategory::Other
    );
    while t.is_punct(e, ',') || t.is(e, "và") {
        let s = e + 1;
        if t.get(s).is_none_or(|x| x.line_before)
            || category_at(t, s).is_some()
            || !capitalized(t, s)
            || NOT_A_NAME_AT.starts_at(t, s)
        {
            break;
        }
        let Some(mut ne) = name_end(t, s, false, false, dash) else {
            break;
        };
        // `A Vương, Đak tih, Đakmi 3`: in a list a name may go on in lower
        // case up to the next comma.
        let mut k = ne;
        while k < ne + 2 && t.is_word(k) && !capitalized(t, k) && !t.is(k, "và") {
            k += 1;
        }
        if k > ne
            && (t.is_punct(k, ',') || t.is(k, "và"))
            && (ne..k).all(|m| t.get(m).is_some_and(|x| x.space_before && !x.line_before))
        {
            ne = k;
        }
        // `các KCN Tân Tạo, TP.HCM`: a place, not another work.
        let name = text_of(t, s, ne).to_lowercase();
        if KNOWN_PLACES.contains(&name.as_str()) {
            break;
        }
        out.push((s, ne));
        e = ne;
    }
    out
}

/// The most tokens between two works of one list (`đường A (huyện B), đường
/// C`): the second needs no project context of its own.
const LIST_GAP: usize = 12;

// Not inlined into the extractor's loop: a profile shows this kind's cost.
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    let found = &mut ctx.found;
    {
        let t = &ctx.tokens;
        let mut i = 0;
        let mut last_end: Option<usize> = None;
        let mut last_category: Option<ProjectCategory> = None;
        let cats = &*CATEGORIES;
        let len = t.len();
        while i < len {
            // Only `dự án` or a category starts a project: almost every
            // token is ruled out by its mark, in a tight loop, and most of
            // the others at a bit test or two (the mark stands for the
            // test of the first words, not done again).
            i = ctx.marks.next(i, marks::PROJECT);
            let h = t.hash(i);
            let du = h == Some(cats.du) && t.is(i, "dự");
            let category = || h.is_some_and(|h| cats.starts.may_start(t, i, h)) && t.is_word(i);
            if !(du || category()) {
                i += 1;
                continue;
            }
            // Right after another work, in the same sentence.
            let listed = || {
                last_end.is_some_and(|le| {
                    i >= le
                        && i - le <= LIST_GAP
                        && (le..=i).all(|k| {
                            t.get(k).is_some_and(|x| !x.line_before)
                                && !matches!(
                                    t.get(k).map(|x| x.kind),
                                    Some(Kind::Punct('.' | ';' | '!' | '?'))
                                )
                        })
                })
            };
            let hit = if du {
                at_du_an(t, i).map(|h| (i, h))
            } else {
                None
            }
            .or_else(|| {
                // The work just before lends its context to one of its own
                // kind only (`đường A (huyện B), đường C`).
                let same = |c| last_category == Some(c) && listed();
                at_category(t, i, false, same).map(|h| (i, h))
            });
            match hit {
                Some((start, (end, project, rule))) if end > start => {
                    let more = if rule != "project/du-an-name" && list_intro(t, start) {
                        list_items(t, end, project.category)
                    } else {
                        Vec::new()
                    };
                    let mut next = end;
                    for &(s, e) in &more {
                        found.push(Found {
                            start: s,
                            end: e,
                            value: FactValue::Project(Project {
                                name: text_of(t, s, e).to_string(),
                                ..project.clone()
                            }),
                            rule: "project/list",
                        });
                        next = e;
                    }
                    last_category = Some(project.category);
                    found.push(Found {
                        start,
                        end,
                        value: FactValue::Project(project),
                        rule,
                    });
                    last_end = Some(next);
                    i = next;
                }
                _ => i += 1,
            }
        }
    }
}

/// The words a project may start at: `dự` and the first words of the
/// categories (see [`super::marks`]).
pub(crate) fn mark_starts() -> super::marks::Starts {
    super::marks::Starts {
        filters: vec![CATEGORIES.phrases.first_filter()],
        hashes: vec![CATEGORIES.du],
    }
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&CATEGORIES);
    once_cell::sync::Lazy::force(&COMPANY);
    once_cell::sync::Lazy::force(&CONTEXT_AFTER);
    once_cell::sync::Lazy::force(&CONTEXT_BEFORE);
    once_cell::sync::Lazy::force(&FIELDS);
    once_cell::sync::Lazy::force(&NOT_A_NAME_AT);
    once_cell::sync::Lazy::force(&NOT_A_PROJECT_NAME_AT);
    once_cell::sync::Lazy::force(&CATEGORY_PLACES_AT);
    once_cell::sync::Lazy::force(&LEVEL_WORDS_AT);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`all_caps`] answers as its definition (a word of two characters
    /// or more with no lower-case letter) at every token of random mixes
    /// of letters in either case, uncased letters, digits and marks, and
    /// of the seed texts.
    #[test]
    fn all_caps_is_its_definition() {
        const PIECES: &[&str] = &[
            "UBND",
            "Ubnd",
            "uBND",
            "KCN",
            "kcn",
            "Đ",
            "đ",
            "ĐT",
            "Đường",
            "ĐƯỜNG",
            "ß",
            "İ",
            "ǅ",
            "北",
            "北京",
            "Ж",
            "ж",
            "Ω",
            "ω",
            "A",
            "a",
            "1",
            "2017",
            "-",
            ".",
            " ",
            " ",
            "\n",
            "\u{301}",
            "x",
            "X",
            "ă",
            "Ă",
        ];
        let reference = |t: &Tokens<'_>, i: usize| {
            t.is_word(i) && {
                let s = t.surface(i);
                s.chars().count() > 1 && !s.chars().any(char::is_lowercase)
            }
        };
        let mut texts: Vec<String> = crate::token::tests::random_mixes(PIECES, 5_000).collect();
        texts.extend(crate::testing::seed_texts(97));
        let mut caps = 0;
        for text in &texts {
            let t = Tokens::new(text);
            for i in 0..t.len() + 1 {
                assert_eq!(all_caps(&t, i), reference(&t, i), "{text:?} at {i}");
                caps += usize::from(reference(&t, i));
            }
        }
        assert!(caps > 1_000, "{caps}");
    }

    /// The phrases of the project categories and of the event heads.
    fn category_and_event_heads() -> Vec<Vec<&'static str>> {
        vec![
            PROJECT_CATEGORIES.iter().map(|(_, _, p)| *p).collect(),
            crate::lexicon::EVENT_HEADS
                .iter()
                .map(|(_, p)| *p)
                .collect(),
        ]
    }

    #[test]
    fn phrase_starts_never_rule_out_a_phrase() {
        for list in category_and_event_heads() {
            let starts = PhraseStarts::new(list.iter().copied());
            let phrases = Phrases::new(list.iter().copied());
            for p in &list {
                // In a sentence, capitalized or not.
                for text in [
                    format!("có {p} mới"),
                    format!("có {} mới", p.to_uppercase()),
                ] {
                    let t = Tokens::new(&text);
                    let h = t.hash(1).unwrap_or_default();
                    assert!(phrases.longest_at(&t, 1).is_some(), "{text}");
                    assert!(starts.may_start(&t, 1, h), "{text}");
                }
            }
        }
        // Words that start categories, where they start none.
        let starts = &CATEGORIES.starts;
        let t = Tokens::new("công ty nhà nước quốc gia trung ương");
        for i in [0, 2, 4, 6] {
            assert!(category_at(&t, i).is_none(), "{}", t.lower(i));
            assert!(
                !starts.may_start(&t, i, t.hash(i).unwrap_or_default()),
                "{}",
                t.lower(i)
            );
        }
        // And where they do.
        let t = Tokens::new("công viên nhà máy quốc lộ trung tâm thương mại");
        for i in [0, 2, 4, 6] {
            assert!(category_at(&t, i).is_some(), "{}", t.lower(i));
            assert!(
                starts.may_start(&t, i, t.hash(i).unwrap_or_default()),
                "{}",
                t.lower(i)
            );
        }
    }

    /// [`lower_eq`] answers as a comparison with the lower-case copy, and
    /// [`whole_place`] as comparing that copy with every entry, for names,
    /// their capitals and every cut of the seed report.
    #[test]
    fn lower_eq_is_a_comparison_with_the_lower_case_copy() {
        let raw = include_str!("../../fixtures/duong-quang-2017.txt");
        let mut texts: Vec<String> = [
            "Việt Nam",
            "VIỆT NAM",
            "TP.HCM",
            "Tp Hcm",
            "HCM",
            "Hà Nội",
            "HÀ NỘI",
            "TP",
            "tP",
            "TPHCM",
            "Sông Bung 4",
            "ΣΑΣ",
            "İ",
            "\u{212A}",
            "",
            "hà  nội",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (k, _) in raw.char_indices().step_by(7) {
            texts.extend(raw.get(k..).map(|r| r.chars().take(10).collect::<String>()));
        }
        let lowers = WHOLE_PLACES;
        let (mut equal, mut wholes) = (0, 0);
        for s in &texts {
            let own = s.to_lowercase();
            // `ΣΑΣ` is `σας` as a word (see [`lower_eq`]).
            let own = Some(own.as_str()).filter(|o| !o.contains('ς'));
            for w in lowers.iter().copied().chain(own) {
                let same = s.to_lowercase() == w;
                assert_eq!(lower_eq(s, w), same, "{s:?} {w:?}");
                equal += usize::from(same);
            }
            let whole = lowers.iter().any(|w| s.to_lowercase() == *w);
            assert_eq!(whole_place(s), whole, "{s:?}");
            wholes += usize::from(whole);
        }
        assert!(equal > 400, "{equal}");
        assert!(wholes >= 9, "{wholes}");
        // Seeded mixes of the entries' words in every case, of names that
        // start alike, and of letters whose lower case is longer or shorter.
        const PIECES: &[&str] = &[
            "Việt", "VIỆT", "việt", "Nam", "NAM", "TP", "Tp", "tp", ".", "HCM", "Hcm", "hcm",
            "TPHCM", "Hà", "HÀ", "Nội", "NỘI", "Tân", "Phú", "Hòa", "İ", "\u{212A}", "ẞ", "Σ",
        ];
        let mut rng = crate::testing::Rng::new();
        let mut mixed = 0;
        for _ in 0..20_000 {
            let s = rng.mix(PIECES, 4, 2);
            let s = s.trim();
            let whole = lowers.iter().any(|w| s.to_lowercase() == *w);
            assert_eq!(whole_place(s), whole, "{s:?}");
            mixed += usize::from(whole);
        }
        assert!(mixed > 100, "{mixed}");
    }

    /// [`may_be_named`] never rules out a category [`may_name`] admits:
    /// at every token of the seed report (raw, in capitals, every cut of
    /// it), of every category in a sentence, and of random mixes of
    /// categories, what follows them and what does not.
    #[test]
    fn may_be_named_never_rules_out_a_named_category() {
        let mut pieces: Vec<&str> = PROJECT_CATEGORIES.iter().map(|(_, _, p)| *p).collect();
        pieces.extend(INSTITUTION_FIELDS.iter().copied());
        pieces.extend(LEVEL_WORDS.iter().copied());
        pieces.extend([
            "Trường",
            "Cầu",
            "hợp",
            "yêu",
            "của",
            "Hà Nội",
            "(",
            "BVĐK",
            ")",
            "5",
            "số",
            "Y dược",
            "Đa khoa",
            "huyện",
            "Gia Lâm",
            "mới",
            ",",
            ".",
            "\n",
            "THPT",
            "II",
            "(BVĐK) Lạng Sơn",
        ]);
        let mut texts = crate::testing::seed_texts(83);
        for (_, _, p) in PROJECT_CATEGORIES.iter() {
            texts.push(format!("có {p} mới, {p} Hà Nội, {} 5", p.to_uppercase()));
        }
        let mut rng = crate::testing::Rng::new();
        for k in 0..20_000 {
            texts.push(rng.mix(&pieces, 12, if k % 4 == 0 { 2 } else { 1 }));
        }
        let (mut named, mut ruled_out) = (0, 0);
        for text in &texts {
            let t = Tokens::new(text);
            for i in 0..t.len() {
                let admitted = category_at(&t, i).is_some_and(|(e, n)| may_name(&t, e, i + n));
                let may = may_be_named(&t, i, t.hash(i).unwrap_or_default());
                assert!(may || !admitted, "{text:?} at {i}");
                named += usize::from(admitted);
                ruled_out += usize::from(!may);
            }
        }
        assert!(named > 10_000 && ruled_out > 10_000, "{named} {ruled_out}");
    }

    #[test]
    fn phrases_answer_as_a_plain_search() {
        // Lists with shared first and last words, a one-word phrase that
        // starts longer ones, and a duplicate (the first index wins):
        // the indexed search answers what trying every phrase answers.
        let mut lists = category_and_event_heads();
        lists.extend([
            crate::lexicon::HONORS.iter().map(|(h, _)| *h).collect(),
            NOT_A_NAME.to_vec(),
            vec![
                "hội",
                "hội nghị",
                "đại hội",
                "hội nghị",
                "nghị",
                "a b c",
                "b c",
            ],
        ]);
        for list in lists {
            let text = format!(
                "{} Khu Công Nghiệp x. NHÀ MÁY nhà máy thủy điện hội nghị đại hội a b c",
                list.join(" , ")
            );
            let t = Tokens::new(&text);
            let phrases = Phrases::new(list.iter().copied());
            for i in 0..=t.len() + 1 {
                let [at, before] = crate::extract::tests::plain(&t, &list, i);
                assert_eq!(phrases.longest_at(&t, i), at, "{i}");
                assert_eq!(phrases.longest_ending_before(&t, i), before, "{i}");
                assert!(at.is_none() || phrases.may_start_at(&t, i), "{i}");
            }
        }
    }

    fn projects(text: &str) -> Vec<(String, ProjectCategory, String, String)> {
        let mut ctx = Ctx::new(text, None);
        run(&mut ctx);
        ctx.found
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Project(p) => Some((
                    text.get(ctx.tokens.span(f.start, f.end).range())?
                        .to_string(),
                    p.category,
                    p.category_text.clone(),
                    p.name.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn seed() {
        assert_eq!(
            projects("khi thực hiện Dự án Hồ chứa nước Nặm Cắt và các công trình"),
            vec![(
                "Dự án Hồ chứa nước Nặm Cắt".to_string(),
                ProjectCategory::Reservoir,
                "Hồ chứa nước".to_string(),
                "Nặm Cắt".to_string()
            )]
        );
    }

    #[test]
    fn every_lexicon_entry_is_read() {
        for (cat, flags, phrase) in PROJECT_CATEGORIES.iter() {
            assert!(category_of(cat).is_some(), "{cat} {phrase}");
            assert!(
                flags.chars().all(|c| "-!#c".contains(c)),
                "{flags} {phrase}"
            );
            assert_eq!(*phrase, phrase.to_lowercase(), "{phrase}");
            assert!(!phrase.contains("  ") && !phrase.is_empty(), "{phrase}");
        }
        assert_eq!(CATEGORIES.entries.len(), PROJECT_CATEGORIES.len());
        for f in INSTITUTION_FIELDS.iter() {
            assert_eq!(*f, f.to_lowercase(), "{f}");
        }
    }

    #[test]
    fn categories_load() {
        assert!(CATEGORIES.entries.len() > 100);
        assert!(
            CONTEXT_BEFORE
                .longest_at(&Tokens::new("dự án"), 0)
                .is_some()
        );
        assert!(
            CONTEXT_AFTER
                .longest_at(&Tokens::new("thông xe"), 0)
                .is_some()
        );
        assert!(COMPANY.longest_at(&Tokens::new("công ty"), 0).is_some());
    }
}
