//! Facts → Python dicts, written field by field with PyO3.
//!
//! [`Builder::fact`] makes the dict of one fact directly (no `serde`
//! round trip, no intermediate value): the keys are interned `str`s made
//! once ([`Names`]), and every field is written in the order of the
//! library's `Serialize` impl, with the same types — so a dict equals
//! `json.loads` of the same fact from the tools (`batch --char-offsets`),
//! fields in the same order. Each value struct is destructured without
//! `..`, so a field added to the library stops this file from compiling
//! until it is written here; a kind added to the library (the enum is
//! `#[non_exhaustive]`) goes through the generic `serde` path of
//! [`convert`](crate::convert), which stays the reference: the tests
//! compare both paths on every field of every kind.
//!
//! Strings that repeat are one `str` object each for the whole call: the
//! names of enum values (`exceeds`, `commune`), rules (looked up by the
//! address of their `&'static str`), and short values (units, currencies,
//! `năm 2017`: at most [`SHARED_STR_LEN`] bytes, at most
//! [`SHARED_STRS`] of them).

use crate::convert::{self, Keys};
use crate::gc::{untrack_dict, untrack_list};
use pyo3::IntoPyObjectExt;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use vietfacts::{
    Award, Count, Date, DateEnd, Event, Fact, FactKind, FactValue, Money, Number, Organization,
    OrganizationCategory, Percentage, Place, PlaceLevel, Project, ProjectCategory, Qualifier,
    Relation, Title, TitleCategory,
};

/// Values at most this long (in UTF-8 bytes) are shared `str` objects.
const SHARED_STR_LEN: usize = 24;

/// At most this many shared values per call.
const SHARED_STRS: usize = 20_000;

macro_rules! names {
    ($($name:ident),* $(,)?) => {
        /// The keys of the dicts, one interned `str` each, named after the
        /// fields they stand for (`serde` writes a field under its Rust
        /// name: none of the library's fields is renamed).
        struct Names<'py> {
            $($name: Bound<'py, PyString>,)*
        }

        impl<'py> Names<'py> {
            fn new(py: Python<'py>) -> Names<'py> {
                Names {
                    $($name: intern!(py, stringify!($name)).clone(),)*
                }
            }
        }
    };
}

names!(
    kind,
    value,
    end,
    relation,
    qualifier,
    subject,
    reference,
    ambiguous,
    currency,
    year,
    month,
    day,
    quarter,
    hour,
    minute,
    relative,
    weekday,
    lunar,
    unit,
    ordinal,
    collectives,
    individuals,
    households,
    honor,
    conferred_by,
    reason,
    recipient,
    category,
    category_text,
    name,
    level,
    expanded,
    span,
    text,
    rule,
    char_span,
);

/// `dict[key] = value`, the key being the field's name.
macro_rules! put {
    ($b:ident, $d:ident, $field:ident, $value:expr) => {{
        let value = $value;
        $d.set_item(&$b.names.$field, value)?
    }};
}

/// `dict[key] = value` when the field is `Some` (`skip_serializing_if =
/// "Option::is_none"`).
macro_rules! put_some {
    ($b:ident, $d:ident, $field:ident, $value:expr, |$x:ident| $conv:expr) => {
        if let Some($x) = $value {
            put!($b, $d, $field, $conv);
        }
    };
}

/// Makes the Python objects of facts, for one call (one text or one
/// batch), on the thread that holds the GIL.
pub struct Builder<'py> {
    py: Python<'py>,
    names: Names<'py>,
    /// The `serde` path's key cache, for what this file does not write
    /// itself (the names of enum values, kinds added later).
    keys: Keys<'py>,
    kinds: Variants<'py, FactKind>,
    relations: Variants<'py, Relation>,
    qualifiers: Variants<'py, Qualifier>,
    projects: Variants<'py, ProjectCategory>,
    levels: Variants<'py, PlaceLevel>,
    orgs: Variants<'py, OrganizationCategory>,
    titles: Variants<'py, TitleCategory>,
    /// Rules, by the address and length of their `&'static str`.
    rules: HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<Mix>>,
    /// Short values, by content.
    strs: HashMap<Box<str>, Bound<'py, PyString>, BuildHasherDefault<Mix>>,
}

impl<'py> Builder<'py> {
    /// A builder with empty caches.
    pub fn new(py: Python<'py>) -> Builder<'py> {
        Builder {
            py,
            names: Names::new(py),
            keys: Keys::new(py),
            kinds: Variants::default(),
            relations: Variants::default(),
            qualifiers: Variants::default(),
            projects: Variants::default(),
            levels: Variants::default(),
            orgs: Variants::default(),
            titles: Variants::default(),
            rules: HashMap::default(),
            strs: HashMap::default(),
        }
    }

    /// The facts of one text as a list of dicts.
    pub fn facts(
        &mut self,
        facts: &[Fact],
        char_spans: &[[usize; 2]],
    ) -> PyResult<Bound<'py, PyList>> {
        let items = facts
            .iter()
            .zip(char_spans)
            .map(|(f, &c)| self.fact(f, c))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(self.py, items)
    }

    /// One fact's dict: `kind`, the kind's fields, `span`, `text`, `rule`
    /// (the library's `Serialize` order), then `char_span`.
    pub fn fact(&mut self, fact: &Fact, char_span: [usize; 2]) -> PyResult<Bound<'py, PyAny>> {
        let Fact {
            value,
            span,
            text,
            rule,
        } = fact;
        let d = PyDict::new(self.py);
        let b = self;
        put!(b, d, kind, b.kinds.get(fact.kind(), &b.keys)?);
        match value {
            FactValue::Percentage(v) => b.percentage(&d, v)?,
            FactValue::Money(v) => b.money(&d, v)?,
            FactValue::Date(v) => b.date(&d, v)?,
            FactValue::Count(v) => b.count(&d, v)?,
            FactValue::Number(v) => b.number(&d, v)?,
            FactValue::Award(v) => b.award(&d, v)?,
            FactValue::Project(v) => b.project(&d, v)?,
            FactValue::Place(v) => b.place(&d, v)?,
            FactValue::Organization(v) => b.organization(&d, v)?,
            FactValue::Title(v) => b.title(&d, v)?,
            FactValue::Event(v) => b.event(&d, v)?,
            // A kind this file does not know yet: the generic path.
            _ => return convert::to_py(&b.keys, &FactOut { fact, char_span }),
        }
        put!(b, d, span, b.pair(span.start, span.end)?);
        put!(b, d, text, b.string(text));
        put!(b, d, rule, b.rule(rule));
        let [start, end] = char_span;
        put!(b, d, char_span, b.pair(start, end)?);
        untrack_dict(&d);
        Ok(d.into_any())
    }

    fn percentage(&mut self, d: &Bound<'py, PyDict>, v: &Percentage) -> PyResult<()> {
        let b = self;
        let Percentage {
            value,
            end,
            relation,
            qualifier,
            subject,
            reference,
            ambiguous,
        } = v;
        put!(b, d, value, b.num(*value)?);
        put_some!(b, d, end, end, |x| b.num(*x)?);
        put_some!(b, d, relation, relation, |x| b
            .relations
            .get(*x, &b.keys)?);
        put_some!(b, d, qualifier, qualifier, |x| b
            .qualifiers
            .get(*x, &b.keys)?);
        put_some!(b, d, subject, subject, |x| b.string(x));
        put_some!(b, d, reference, reference, |x| b.string(x));
        b.ambiguous(d, *ambiguous)
    }

    fn money(&mut self, d: &Bound<'py, PyDict>, v: &Money) -> PyResult<()> {
        let b = self;
        let Money {
            value,
            end,
            currency,
            qualifier,
            ambiguous,
        } = v;
        put!(b, d, value, b.num(*value)?);
        put_some!(b, d, end, end, |x| b.num(*x)?);
        put!(b, d, currency, b.shared(currency));
        put_some!(b, d, qualifier, qualifier, |x| b
            .qualifiers
            .get(*x, &b.keys)?);
        b.ambiguous(d, *ambiguous)
    }

    fn date(&mut self, d: &Bound<'py, PyDict>, v: &Date) -> PyResult<()> {
        let b = self;
        let Date {
            year,
            month,
            day,
            quarter,
            hour,
            minute,
            end,
            relative,
            weekday,
            lunar,
        } = v;
        put_some!(b, d, year, year, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, month, month, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, day, day, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, quarter, quarter, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, hour, hour, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, minute, minute, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, end, end, |x| b.date_end(x)?);
        put_some!(b, d, relative, relative, |x| PyBool::new(b.py, *x));
        put_some!(b, d, weekday, weekday, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, lunar, lunar, |x| PyBool::new(b.py, *x));
        Ok(())
    }

    fn date_end(&mut self, v: &DateEnd) -> PyResult<Bound<'py, PyDict>> {
        let b = self;
        let DateEnd { year, month, day } = v;
        let d = PyDict::new(b.py);
        put_some!(b, d, year, year, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, month, month, |x| x.into_bound_py_any(b.py)?);
        put_some!(b, d, day, day, |x| x.into_bound_py_any(b.py)?);
        Ok(d)
    }

    fn count(&mut self, d: &Bound<'py, PyDict>, v: &Count) -> PyResult<()> {
        let b = self;
        let Count {
            value,
            end,
            unit,
            qualifier,
            ambiguous,
        } = v;
        put!(b, d, value, b.num(*value)?);
        put_some!(b, d, end, end, |x| b.num(*x)?);
        put!(b, d, unit, b.shared(unit));
        put_some!(b, d, qualifier, qualifier, |x| b
            .qualifiers
            .get(*x, &b.keys)?);
        b.ambiguous(d, *ambiguous)
    }

    fn number(&mut self, d: &Bound<'py, PyDict>, v: &Number) -> PyResult<()> {
        let b = self;
        let Number {
            value,
            ordinal,
            ambiguous,
        } = v;
        put!(b, d, value, b.num(*value)?);
        put!(b, d, ordinal, PyBool::new(b.py, *ordinal));
        b.ambiguous(d, *ambiguous)
    }

    fn award(&mut self, d: &Bound<'py, PyDict>, v: &Award) -> PyResult<()> {
        let b = self;
        let Award {
            collectives,
            individuals,
            households,
            honor,
            conferred_by,
            reason,
            recipient,
        } = v;
        put_some!(b, d, collectives, collectives, |x| b.num(*x)?);
        put_some!(b, d, individuals, individuals, |x| b.num(*x)?);
        put_some!(b, d, households, households, |x| b.num(*x)?);
        put_some!(b, d, honor, honor, |x| b.shared(x));
        put_some!(b, d, conferred_by, conferred_by, |x| b.string(x));
        put_some!(b, d, reason, reason, |x| b.string(x));
        put_some!(b, d, recipient, recipient, |x| b.string(x));
        Ok(())
    }

    fn project(&mut self, d: &Bound<'py, PyDict>, v: &Project) -> PyResult<()> {
        let b = self;
        let Project {
            category,
            category_text,
            name,
        } = v;
        put!(b, d, category, b.projects.get(*category, &b.keys)?);
        put!(b, d, category_text, b.shared(category_text));
        put!(b, d, name, b.string(name));
        Ok(())
    }

    fn place(&mut self, d: &Bound<'py, PyDict>, v: &Place) -> PyResult<()> {
        let b = self;
        let Place { level, name } = v;
        put!(b, d, level, b.levels.get(*level, &b.keys)?);
        put!(b, d, name, b.string(name));
        Ok(())
    }

    fn organization(&mut self, d: &Bound<'py, PyDict>, v: &Organization) -> PyResult<()> {
        let b = self;
        let Organization {
            category,
            name,
            expanded,
        } = v;
        put!(b, d, category, b.orgs.get(*category, &b.keys)?);
        put!(b, d, name, b.string(name));
        put_some!(b, d, expanded, expanded, |x| b.string(x));
        Ok(())
    }

    fn title(&mut self, d: &Bound<'py, PyDict>, v: &Title) -> PyResult<()> {
        let b = self;
        let Title { value, category } = v;
        put!(b, d, value, b.string(value));
        put_some!(b, d, category, category, |x| b.titles.get(*x, &b.keys)?);
        Ok(())
    }

    fn event(&mut self, d: &Bound<'py, PyDict>, v: &Event) -> PyResult<()> {
        let b = self;
        let Event { name, ordinal } = v;
        put!(b, d, name, b.string(name));
        put_some!(b, d, ordinal, ordinal, |x| x.into_bound_py_any(b.py)?);
        Ok(())
    }

    /// `ambiguous: True`, written only when true (`skip_serializing_if =
    /// "is_false"`).
    fn ambiguous(&mut self, d: &Bound<'py, PyDict>, ambiguous: bool) -> PyResult<()> {
        let b = self;
        if ambiguous {
            put!(b, d, ambiguous, PyBool::new(b.py, true));
        }
        Ok(())
    }

    /// A number as the library writes it: an `int` when it is whole (and
    /// exact in an `f64`), a `float` otherwise.
    fn num(&self, v: f64) -> PyResult<Bound<'py, PyAny>> {
        /// Largest integer an `f64` holds exactly.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if v.fract() == 0.0 && v.abs() < EXACT {
            // Exact: |v| < 2^53, so the cast loses nothing.
            (v as i64).into_bound_py_any(self.py)
        } else {
            Ok(PyFloat::new(self.py, v).into_any())
        }
    }

    /// `[start, end]` as a list.
    fn pair(&self, start: usize, end: usize) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::new(self.py, [start, end])?;
        untrack_list(&l);
        Ok(l)
    }

    /// A value string that is mostly new (a surface, a name): a new
    /// `str`. (Looking up a cache of them costs more than making them:
    /// the corpus's 199,000 surfaces have 43,000 distinct short ones.)
    fn string(&self, v: &str) -> Bound<'py, PyString> {
        PyString::new(self.py, v)
    }

    /// A value string of the few that repeat (units, currencies, the
    /// categories as written): shared when short.
    fn shared(&mut self, v: &str) -> Bound<'py, PyString> {
        if v.len() > SHARED_STR_LEN {
            return PyString::new(self.py, v);
        }
        if let Some(s) = self.strs.get(v) {
            return s.clone();
        }
        let s = PyString::new(self.py, v);
        if self.strs.len() < SHARED_STRS {
            self.strs.insert(v.into(), s.clone());
        }
        s
    }

    /// A rule's name, one `str` per rule.
    // A `Cow`, not a `&str`: a borrowed rule is a `&'static str`, whose
    // address names it.
    #[allow(clippy::ptr_arg)]
    fn rule(&mut self, rule: &Cow<'static, str>) -> Bound<'py, PyString> {
        match rule {
            Cow::Borrowed(r) => {
                let at = (r.as_ptr() as usize, r.len());
                if let Some(s) = self.rules.get(&at) {
                    return s.clone();
                }
                let s = PyString::new(self.py, r);
                self.rules.insert(at, s.clone());
                s
            }
            Cow::Owned(r) => self.shared(r),
        }
    }
}

/// The `str` of each value of a unit enum (`Relation::Exceeds` →
/// `"exceeds"`), as the library's `Serialize` impl names it, made the first
/// time the value is met.
struct Variants<'py, T> {
    seen: Vec<(T, Bound<'py, PyAny>)>,
}

impl<T> Default for Variants<'_, T> {
    fn default() -> Self {
        Variants { seen: Vec::new() }
    }
}

impl<'py, T: Copy + PartialEq + Serialize> Variants<'py, T> {
    fn get(&mut self, v: T, keys: &Keys<'py>) -> PyResult<&Bound<'py, PyAny>> {
        let i = match self.seen.iter().position(|(t, _)| *t == v) {
            Some(i) => i,
            None => {
                self.seen.push((v, convert::to_py(keys, &v)?));
                self.seen.len() - 1
            }
        };
        self.seen
            .get(i)
            .map(|(_, s)| s)
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("enum name cache"))
    }
}

/// A fact as the tools write it with `--char-offsets`: the generic path's
/// input.
#[derive(Serialize)]
pub struct FactOut<'a> {
    #[serde(flatten)]
    pub fact: &'a Fact,
    pub char_span: [usize; 2],
}

/// A multiplicative hash of a few words at a time (the cache keys are
/// short strings and pairs of integers, asked for millions of times; a
/// collision-resistant hash buys nothing here).
#[derive(Default, Clone, Copy)]
pub struct Mix(u64);

const MUL: u64 = 0xf135_7aea_2e62_a9c5;

impl Mix {
    fn add(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(MUL).rotate_left(23);
    }
}

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(
                <[u8; 8]>::try_from(c).unwrap_or_default(),
            ));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w.iter_mut().zip(rest).for_each(|(w, r)| *w = *r);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vietfacts::Span;

    fn fact(value: FactValue, rule: Cow<'static, str>) -> Fact {
        Fact {
            value,
            span: Span::new(1_000, 1_017),
            text: "vượt 13,6% kế hoạch".to_string(),
            rule,
        }
    }

    /// Every kind, with every optional field set and with none, and every
    /// value of every enum.
    fn facts() -> Vec<Fact> {
        let relations = [
            Relation::Exceeds,
            Relation::Reaches,
            Relation::Equals,
            Relation::Increases,
            Relation::Decreases,
        ];
        let qualifiers = [
            Qualifier::About,
            Qualifier::Nearly,
            Qualifier::MoreThan,
            Qualifier::LessThan,
            Qualifier::AtLeast,
            Qualifier::AtMost,
        ];
        let s = |x: &str| Some(x.to_string());
        let mut values = vec![];
        for (r, q) in relations.iter().zip(qualifiers.iter().cycle()) {
            values.push(FactValue::Percentage(Percentage {
                value: 13.6,
                end: Some(15.0),
                relation: Some(*r),
                qualifier: Some(*q),
                subject: s("trồng rừng mới"),
                reference: s("kế hoạch năm trước của toàn tỉnh Lào Cai"),
                ambiguous: true,
            }));
        }
        values.push(FactValue::Percentage(Percentage {
            value: 8.0,
            ..Percentage::default()
        }));
        for (i, q) in qualifiers.iter().enumerate() {
            values.push(FactValue::Money(Money {
                value: 1.2e9,
                end: Some(2.5e20),
                currency: "VND".to_string(),
                qualifier: Some(*q),
                ambiguous: i % 2 == 0,
            }));
            values.push(FactValue::Count(Count {
                value: -0.0,
                end: Some(0.5),
                unit: "cá nhân".to_string(),
                qualifier: Some(*q),
                ambiguous: i % 2 == 1,
            }));
        }
        values.push(FactValue::Money(Money {
            value: 9_007_199_254_740_992.0,
            currency: "USD".to_string(),
            ..Money::default()
        }));
        values.push(FactValue::Count(Count {
            value: 28_500.0,
            unit: "tấn".to_string(),
            ..Count::default()
        }));
        values.push(FactValue::Date(Date {
            year: Some(2018),
            month: Some(3),
            day: Some(15),
            quarter: Some(1),
            hour: Some(8),
            minute: Some(30),
            end: Some(DateEnd {
                year: Some(2026),
                month: Some(12),
                day: Some(31),
            }),
            relative: Some(true),
            weekday: Some(4),
            lunar: Some(false),
        }));
        values.push(FactValue::Date(Date {
            end: Some(DateEnd::default()),
            ..Date::default()
        }));
        values.push(FactValue::Date(Date::default()));
        for (ordinal, ambiguous) in [(true, true), (false, false)] {
            values.push(FactValue::Number(Number {
                value: 19.0,
                ordinal,
                ambiguous,
            }));
        }
        values.push(FactValue::Award(Box::new(Award {
            collectives: Some(7.0),
            individuals: Some(19.0),
            households: Some(2.5),
            honor: s("Giấy khen"),
            conferred_by: s("Đảng bộ xã"),
            reason: s("có thành tích xuất sắc trong công tác xây dựng Đảng"),
            recipient: s("em Bùi Thị Mỹ Dung"),
        })));
        values.push(FactValue::Award(Box::default()));
        for category in [
            ProjectCategory::Reservoir,
            ProjectCategory::Hydropower,
            ProjectCategory::Irrigation,
            ProjectCategory::Road,
            ProjectCategory::Bridge,
            ProjectCategory::IndustrialPark,
            ProjectCategory::UrbanArea,
            ProjectCategory::School,
            ProjectCategory::Hospital,
            ProjectCategory::Market,
            ProjectCategory::Plant,
            ProjectCategory::Other,
        ] {
            values.push(FactValue::Project(Project {
                category,
                category_text: "Hồ chứa nước".to_string(),
                name: "Nặm Cắt".to_string(),
            }));
        }
        for level in [
            PlaceLevel::Province,
            PlaceLevel::City,
            PlaceLevel::District,
            PlaceLevel::UrbanDistrict,
            PlaceLevel::Town,
            PlaceLevel::Township,
            PlaceLevel::Commune,
            PlaceLevel::Ward,
            PlaceLevel::Village,
        ] {
            values.push(FactValue::Place(Place {
                level,
                name: "Dương Quang".to_string(),
            }));
        }
        for (i, category) in [
            OrganizationCategory::Party,
            OrganizationCategory::Government,
            OrganizationCategory::Front,
            OrganizationCategory::Association,
            OrganizationCategory::Enterprise,
            OrganizationCategory::Other,
        ]
        .into_iter()
        .enumerate()
        {
            values.push(FactValue::Organization(Organization {
                category,
                name: "UBND xã Dương Quang".to_string(),
                expanded: (i % 2 == 0).then(|| "Ủy ban nhân dân xã Dương Quang".to_string()),
            }));
        }
        for category in [
            Some(TitleCategory::HonorTitle),
            Some(TitleCategory::Campaign),
            Some(TitleCategory::Other),
            None,
        ] {
            values.push(FactValue::Title(Title {
                value: "Gia đình văn hóa".to_string(),
                category,
            }));
        }
        for ordinal in [Some(2), None] {
            values.push(FactValue::Event(Event {
                name: "Đại hội thể dục thể thao".to_string(),
                ordinal,
            }));
        }
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let rule = if i % 3 == 0 {
                    Cow::Owned(format!("rule/{}", i % 2))
                } else {
                    Cow::Borrowed("percent/relation")
                };
                fact(v, rule)
            })
            .collect()
    }

    #[test]
    fn every_field_is_written_as_the_serde_path_writes_it() {
        Python::initialize();
        Python::attach(|py| {
            let mut b = Builder::new(py);
            let keys = Keys::new(py);
            for (i, f) in facts().iter().enumerate() {
                let char_span = [i, i + 17];
                let direct = b.fact(f, char_span).unwrap();
                let generic = convert::to_py(&keys, &FactOut { fact: f, char_span }).unwrap();
                // `repr` shows the order of the keys, `int` against
                // `float`, `True` against `1`.
                assert_eq!(
                    direct.repr().unwrap().to_string(),
                    generic.repr().unwrap().to_string()
                );
                assert!(direct.eq(&generic).unwrap());
            }
        });
    }

    #[test]
    fn facts_and_spans_are_not_tracked_by_the_collector() {
        Python::initialize();
        Python::attach(|py| {
            let gc = py.import("gc").unwrap();
            let tracked = |o: &Bound<'_, PyAny>| -> bool {
                gc.call_method1("is_tracked", (o,))
                    .unwrap()
                    .is_truthy()
                    .unwrap()
            };
            let mut b = Builder::new(py);
            let facts = facts();
            let spans: Vec<[usize; 2]> = (0..facts.len()).map(|i| [i, i + 1]).collect();
            let list = b.facts(&facts, &spans).unwrap();
            assert!(tracked(list.as_any()));
            for d in list.iter() {
                assert!(!tracked(&d));
                assert!(!tracked(&d.get_item("span").unwrap()));
                assert!(!tracked(&d.get_item("char_span").unwrap()));
            }
        });
    }
}
