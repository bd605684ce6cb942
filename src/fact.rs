//! [`Fact`]: one thing the text says, typed, with the span that says it.
//!
//! | kind | value struct | example |
//! |---|---|---|
//! | `percentage` | [`Percentage`] | `vượt 13,6% kế hoạch` |
//! | `money` | [`Money`] | `1,2 tỷ đồng` |
//! | `date` | [`Date`] | `ngày 15/3/2018`, `năm 2017`, `quý I/2024` |
//! | `count` | [`Count`] | `19 cá nhân`, `28.500 tấn` |
//! | `number` | [`Number`] | `mười chín`, `thứ hai` (only when asked for) |
//! | `award` | [`Award`] | `7 tập thể và 19 cá nhân … được Đảng bộ xã tặng Giấy khen` |
//! | `project` | [`Project`] | `Dự án Hồ chứa nước Nặm Cắt` |
//! | `place` | [`Place`] | `xã Dương Quang`, `quận 9`, `TP.HCM` |
//! | `organization` | [`Organization`] | `Đảng bộ xã Dương Quang`, `UBND tỉnh`, `Thành ủy` |
//! | `title` | [`Title`] | `“Gia đình văn hóa”` |
//! | `event` | [`Event`] | `Đại hội thể dục thể thao lần thứ hai` |
//!
//! The JSON shape (with the `serde` feature) is the output contract of
//! `SCHEMA.md`: `kind`, the value's fields (optional ones omitted when
//! unknown), `span` as `[start, end]`, `text` and `rule`.

use crate::Span;
use std::borrow::Cow;

/// A fact: its typed value, where it is, its canonical surface and the rule
/// that found it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Fact {
    /// The kind and its typed fields.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub value: FactValue,
    /// Byte range in the decoded input text (before normalization), on char
    /// boundaries.
    pub span: Span,
    /// The surface after normalization (NFC, canonical tones and spaces).
    pub text: String,
    /// The stable id of the rule that produced the fact, such as
    /// `"percent/relation"`.
    pub rule: Cow<'static, str>,
}

impl Fact {
    /// The kind of the fact.
    pub fn kind(&self) -> FactKind {
        self.value.kind()
    }
}

/// The kinds of fact, as named in the output (`snake_case`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FactKind {
    /// `percentage`
    Percentage,
    /// `money`
    Money,
    /// `date`
    Date,
    /// `count`
    Count,
    /// `number`
    Number,
    /// `award`
    Award,
    /// `project`
    Project,
    /// `place`
    Place,
    /// `organization`
    Organization,
    /// `title`
    Title,
    /// `event`
    Event,
}

impl FactKind {
    /// Every kind, in output order.
    pub const ALL: [FactKind; 11] = [
        FactKind::Percentage,
        FactKind::Money,
        FactKind::Date,
        FactKind::Count,
        FactKind::Number,
        FactKind::Award,
        FactKind::Project,
        FactKind::Place,
        FactKind::Organization,
        FactKind::Title,
        FactKind::Event,
    ];

    /// The name used in the output: `percentage`, `money`, …
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Percentage => "percentage",
            FactKind::Money => "money",
            FactKind::Date => "date",
            FactKind::Count => "count",
            FactKind::Number => "number",
            FactKind::Award => "award",
            FactKind::Project => "project",
            FactKind::Place => "place",
            FactKind::Organization => "organization",
            FactKind::Title => "title",
            FactKind::Event => "event",
        }
    }
}

impl core::fmt::Display for FactKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::str::FromStr for FactKind {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<FactKind, crate::Error> {
        FactKind::ALL
            .into_iter()
            .find(|k| k.name() == s.trim())
            .ok_or_else(|| {
                crate::Error::unknown_name("fact kind", s, "percentage, money, date, count, number, award, project, place, organization, title, event")
            })
    }
}

/// A fact's kind and typed fields.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FactValue {
    /// A percentage.
    Percentage(Percentage),
    /// An amount of money.
    Money(Money),
    /// A date, a month, a year, a quarter, or a range of them.
    Date(Date),
    /// A number with the noun it counts.
    Count(Count),
    /// A numeral expression (cardinal or ordinal), in digits or words.
    Number(Number),
    /// An award: who was honoured, with what, by whom, for what. Boxed:
    /// it is the largest kind by far (its counts, honor, giver, reason and
    /// recipient), and every fact would otherwise take its size.
    Award(Box<Award>),
    /// A named work or project.
    Project(Project),
    /// An administrative unit.
    Place(Place),
    /// A party body, a government body, an association, an enterprise.
    Organization(Organization),
    /// A quoted title or campaign.
    Title(Title),
    /// A named event, with its ordinal.
    Event(Event),
}

impl FactValue {
    /// The kind.
    pub fn kind(&self) -> FactKind {
        match self {
            FactValue::Percentage(_) => FactKind::Percentage,
            FactValue::Money(_) => FactKind::Money,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Count(_) => FactKind::Count,
            FactValue::Number(_) => FactKind::Number,
            FactValue::Award(_) => FactKind::Award,
            FactValue::Project(_) => FactKind::Project,
            FactValue::Place(_) => FactKind::Place,
            FactValue::Organization(_) => FactKind::Organization,
            FactValue::Title(_) => FactKind::Title,
            FactValue::Event(_) => FactKind::Event,
        }
    }
}

/// How a number relates to what it measures, from the verb before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Relation {
    /// vượt
    Exceeds,
    /// đạt
    Reaches,
    /// là, bằng, chiếm
    Equals,
    /// tăng
    Increases,
    /// giảm
    Decreases,
}

/// A hedge on a number, kept as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Qualifier {
    /// khoảng, chừng, xấp xỉ
    About,
    /// gần, gần như
    Nearly,
    /// hơn, trên
    MoreThan,
    /// dưới, chưa đến
    LessThan,
    /// ít nhất, tối thiểu
    AtLeast,
    /// nhiều nhất, tối đa
    AtMost,
}

/// A percentage: `trồng rừng mới vượt 13,6% kế hoạch`.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Percentage {
    /// The value in percent: 13.6.
    #[cfg_attr(feature = "serde", serde(serialize_with = "num::serialize"))]
    pub value: f64,
    /// The end of a range (`10–15%` → value 10, end 15).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub end: Option<f64>,
    /// vượt → exceeds, đạt → reaches, …
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub relation: Option<Relation>,
    /// khoảng → about, …
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
    /// What is measured: "trồng rừng mới".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub subject: Option<String>,
    /// The baseline: "kế hoạch", "cùng kỳ năm trước".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub reference: Option<String>,
    /// The number's reading was a guess (`1.234%`: thousands or decimal?).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub ambiguous: bool,
}

/// An amount of money: `125,6 tỷ đồng` → 125 600 000 000 VND.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Money {
    /// The amount in currency units.
    #[cfg_attr(feature = "serde", serde(serialize_with = "num::serialize"))]
    pub value: f64,
    /// The end of a range (`từ 1 đến 2 triệu đồng`).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub end: Option<f64>,
    /// ISO 4217 code: `VND`, `USD`, `EUR`, …
    pub currency: String,
    /// khoảng → about, …
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
    /// The number's reading was a guess.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub ambiguous: bool,
}

/// The end of a date range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateEnd {
    /// Year.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub year: Option<i32>,
    /// Month, 1–12.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub month: Option<u8>,
    /// Day of the month.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub day: Option<u8>,
}

/// A date, or part of one: `năm 2017`, `ngày 15/3/2018`, `tháng 6/2017`,
/// `quý I/2024`, `8h30 ngày 15/3/2018`, `2021 – 2026`.
///
/// Only what the text says is filled in: `ngày 30/4` has no year, `tháng 6`
/// no year and no day. A range (`2021 – 2026`, `6 tháng đầu năm 2018`, a
/// week) has its last day, month or year in [`end`](Date::end); the end is
/// inclusive (`2021 – 2026` ends in 2026).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Date {
    /// Year.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub year: Option<i32>,
    /// Month, 1–12.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub month: Option<u8>,
    /// Day of the month, validated against the calendar.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub day: Option<u8>,
    /// Quarter, 1–4.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub quarter: Option<u8>,
    /// Hour, 0–23.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub hour: Option<u8>,
    /// Minute, 0–59.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub minute: Option<u8>,
    /// The end of a range.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub end: Option<DateEnd>,
    /// `true` when resolved from the caller's reference date (`hôm qua`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub relative: Option<bool>,
    /// Day of the week as written or resolved, ISO numbering: 1 = Monday
    /// (`thứ hai`) … 6 = Saturday (`thứ bảy`), 7 = Sunday (`chủ nhật`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub weekday: Option<u8>,
    /// `true` for a date of the lunar calendar (`tháng Giêng`, `tháng Chạp`,
    /// `rằm tháng Bảy`, `mùng 1 Tết`, `… âm lịch`): month and day are lunar.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub lunar: Option<bool>,
}

/// A number with the noun it counts: `19 cá nhân`, `28.500 tấn`.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Count {
    /// The number.
    #[cfg_attr(feature = "serde", serde(serialize_with = "num::serialize"))]
    pub value: f64,
    /// The end of a range (`3-5 người`).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub end: Option<f64>,
    /// The counted noun as written: "cá nhân", "tấn", "ha".
    pub unit: String,
    /// khoảng → about, …
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
    /// The number's reading was a guess.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub ambiguous: bool,
}

/// A numeral expression: `mười chín` → 19, `thứ hai` → 2 (ordinal).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Number {
    /// The value.
    #[cfg_attr(feature = "serde", serde(serialize_with = "num::serialize"))]
    pub value: f64,
    /// `true` for an ordinal (`thứ ba`, `lần thứ XX`).
    pub ordinal: bool,
    /// The number's reading was a guess.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub ambiguous: bool,
}

/// An award: `7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác
/// xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen`.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Award {
    /// Collectives honoured (tập thể).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub collectives: Option<f64>,
    /// Individuals honoured (cá nhân).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub individuals: Option<f64>,
    /// Households honoured (hộ gia đình).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "num::opt::serialize"
        )
    )]
    pub households: Option<f64>,
    /// The honour: "Giấy khen", "Bằng khen", "Huân chương Lao động hạng Ba".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub honor: Option<String>,
    /// Who conferred it: "Đảng bộ xã", "Chủ tịch UBND tỉnh".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub conferred_by: Option<String>,
    /// What for: "có thành tích xuất sắc trong công tác xây dựng Đảng".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub reason: Option<String>,
    /// Who was honoured, as written, when the counts above do not say it
    /// all: a name or unit ("Học viện Kỹ thuật Mật mã", "em Bùi Thị Mỹ
    /// Dung"), other counted nouns ("7 công dân", "19 đơn vị") or one count
    /// for several kinds ("30 tập thể, cá nhân").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub recipient: Option<String>,
}

/// What kind of work a project is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ProjectCategory {
    /// hồ chứa (nước), đập
    Reservoir,
    /// thủy điện, nhà máy thủy điện
    Hydropower,
    /// thủy lợi, kênh, trạm bơm
    Irrigation,
    /// đường, quốc lộ, cao tốc, tuyến đường
    Road,
    /// cầu
    Bridge,
    /// khu công nghiệp, cụm công nghiệp
    IndustrialPark,
    /// khu đô thị, khu dân cư
    UrbanArea,
    /// trường
    School,
    /// bệnh viện, trạm y tế
    Hospital,
    /// chợ, trung tâm thương mại
    Market,
    /// nhà máy (other than hydropower)
    Plant,
    /// anything else named as a project
    Other,
}

/// A named work or project: `Dự án Hồ chứa nước Nặm Cắt` → reservoir,
/// "Hồ chứa nước", "Nặm Cắt".
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Project {
    /// The category.
    pub category: ProjectCategory,
    /// The category as written: "Hồ chứa nước", "Thủy điện", "Khu công nghiệp".
    pub category_text: String,
    /// The proper name: "Nặm Cắt", "Sông Bung 4", "Yên Phong II".
    pub name: String,
}

/// The level of an administrative unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PlaceLevel {
    /// tỉnh
    Province,
    /// thành phố, TP
    City,
    /// huyện
    District,
    /// quận, Q.
    UrbanDistrict,
    /// thị xã
    Town,
    /// thị trấn
    Township,
    /// xã
    Commune,
    /// phường
    Ward,
    /// thôn, bản, làng, ấp, tổ dân phố, khu phố
    Village,
}

/// An administrative unit: `xã Dương Quang` → commune "Dương Quang".
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place {
    /// The level.
    pub level: PlaceLevel,
    /// The name: "Dương Quang", "9", "Hồ Chí Minh".
    pub name: String,
}

/// What kind of body an organization is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OrganizationCategory {
    /// Đảng bộ, Đảng ủy, Thành ủy, Huyện ủy, Tỉnh ủy, Chi bộ, BTV, BCH
    Party,
    /// UBND, HĐND, Sở, Bộ, Chính phủ, Quốc hội
    Government,
    /// Mặt trận Tổ quốc
    Front,
    /// Hội, Đoàn, Hội Nông dân, Hội Liên hiệp Phụ nữ
    Association,
    /// Công ty, Tổng công ty, Tập đoàn, Ngân hàng, Hợp tác xã
    Enterprise,
    /// anything else
    Other,
}

/// An organization: `Đảng bộ xã Dương Quang`, `UBND tỉnh`, `Thành ủy`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Organization {
    /// The category.
    pub category: OrganizationCategory,
    /// The name as written (normalized): "UBND xã Dương Quang".
    pub name: String,
    /// The name with its abbreviations expanded, when it has any: "Ủy ban
    /// nhân dân xã Dương Quang".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub expanded: Option<String>,
}

/// What a quoted title is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TitleCategory {
    /// A title of honour: "Gia đình văn hóa", "Thôn văn hóa", "Chiến sĩ thi đua".
    HonorTitle,
    /// A campaign or movement: "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh".
    Campaign,
    /// Another quoted title (a book, a programme, a slogan).
    Other,
}

/// A quoted title or campaign: `“Gia đình văn hóa”`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Title {
    /// The title without quotes.
    pub value: String,
    /// What it is.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub category: Option<TitleCategory>,
}

/// A named event: `Đại hội thể dục thể thao lần thứ hai` → ordinal 2.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Event {
    /// The event's name: "Đại hội thể dục thể thao".
    pub name: String,
    /// Its ordinal: lần thứ hai → 2, lần thứ XX → 20.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub ordinal: Option<u32>,
}

#[cfg(feature = "serde")]
fn is_false(b: &bool) -> bool {
    !*b
}

/// Numbers are written as JSON integers when they are whole (`2017`, not
/// `2017.0`), as floats otherwise (`13.6`).
#[cfg(feature = "serde")]
mod num {
    use serde::Serializer;

    /// Largest integer an `f64` holds exactly.
    const EXACT: f64 = 9_007_199_254_740_992.0;

    pub(super) fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.fract() == 0.0 && v.abs() < EXACT {
            // Exact: |v| < 2^53, so the cast loses nothing.
            s.serialize_i64(*v as i64)
        } else {
            s.serialize_f64(*v)
        }
    }

    pub(super) mod opt {
        use serde::Serializer;

        pub(in super::super) fn serialize<S: Serializer>(
            v: &Option<f64>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match v {
                Some(x) => super::serialize(x, s),
                None => s.serialize_none(),
            }
        }
    }
}
