//! [`Fact`]: one thing the text says, typed, with the span that says it.
//!
//! | kind | value struct | example |
//! |---|---|---|
//! | `percentage` | [`Percentage`] | `vượt 13,6% kế hoạch` |
//! | `money` | [`Money`] | `1,2 tỷ đồng` |
//! | `date` | [`Date`] | `ngày 15/3/2018`, `năm 2017`, `quý I/2024` |
//! | `count` | [`Count`] | `19 cá nhân`, `28.500 tấn` |
//! | `number` | [`Number`] | `mười chín`, `thứ hai` (only when asked for) |
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
}

impl FactKind {
    /// Every kind, in output order.
    pub const ALL: [FactKind; 5] = [
        FactKind::Percentage,
        FactKind::Money,
        FactKind::Date,
        FactKind::Count,
        FactKind::Number,
    ];

    /// The name used in the output: `percentage`, `money`, …
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Percentage => "percentage",
            FactKind::Money => "money",
            FactKind::Date => "date",
            FactKind::Count => "count",
            FactKind::Number => "number",
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
                crate::Error::unknown_name("fact kind", s, "percentage, money, date, count, number")
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
