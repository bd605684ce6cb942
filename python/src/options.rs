//! Python arguments → the library's options, with the exceptions a Python
//! caller expects: `TypeError` for a value of the wrong type, `ValueError`
//! (with the accepted names) for an unknown kind, encoding, tone or date.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;
use vietfacts::{Extractor, FactKind, RefDate};

/// A library error (an unknown name) as a `ValueError`.
pub fn value_error(e: vietfacts::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// What `extract` and `extract_batch` take besides the text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `None`: the default kinds (all but `number`).
    pub kinds: Option<Vec<FactKind>>,
    /// The anchor of relative dates (`hôm qua`).
    pub reference: Option<RefDate>,
}

impl Options {
    /// Reads `kinds` and `reference_date` as the Python functions take them.
    pub fn from_py(
        kinds: Option<&Bound<'_, PyAny>>,
        reference_date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Options> {
        Ok(Options {
            kinds: kinds
                .filter(|k| !k.is_none())
                .map(parse_kinds)
                .transpose()?,
            reference: reference_date
                .filter(|d| !d.is_none())
                .map(parse_date)
                .transpose()?,
        })
    }

    /// The extractor these options describe.
    pub fn extractor(&self) -> Extractor {
        let mut b = Extractor::builder();
        if let Some(kinds) = &self.kinds {
            b = b.kinds(kinds.iter().copied());
        }
        if let Some(d) = self.reference {
            b = b.reference_date(d);
        }
        b.build()
    }
}

/// `kinds`: an iterable of kind names (`["percentage", "money"]`), or one
/// string of names separated by commas (`"percentage,money"`, as the
/// command-line tools take them).
fn parse_kinds(kinds: &Bound<'_, PyAny>) -> PyResult<Vec<FactKind>> {
    let names: Vec<String> = if let Ok(s) = kinds.cast::<PyString>() {
        s.to_cow()?
            .split(',')
            .filter(|k| !k.trim().is_empty())
            .map(str::to_string)
            .collect()
    } else {
        let iter = kinds.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "kinds must be a list of kind names or None, not {}",
                type_name(kinds)
            ))
        })?;
        iter.map(|k| {
            let k = k?;
            k.extract::<PyBackedStr>()
                .map(|s| s.to_string())
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "kinds must hold kind names (str), not {}",
                        type_name(&k)
                    ))
                })
        })
        .collect::<PyResult<_>>()?
    };
    names
        .iter()
        .map(|n| n.parse::<FactKind>().map_err(value_error))
        .collect()
}

/// `reference_date`: `"YYYY-MM-DD"` or a `datetime.date` (or anything with
/// integer `year`, `month` and `day`, such as `datetime.datetime`).
fn parse_date(d: &Bound<'_, PyAny>) -> PyResult<RefDate> {
    if let Ok(s) = d.cast::<PyString>() {
        return s.to_cow()?.parse::<RefDate>().map_err(value_error);
    }
    let part = |name: &str| -> PyResult<i64> {
        d.getattr(name)
            .and_then(|v| v.extract::<i64>())
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "reference_date must be a datetime.date or a \"YYYY-MM-DD\" string, not {}",
                    type_name(d)
                ))
            })
    };
    let (y, m, day) = (part("year")?, part("month")?, part("day")?);
    let date = match (i32::try_from(y), u8::try_from(m), u8::try_from(day)) {
        (Ok(y), Ok(m), Ok(day)) => RefDate::new(y, m, day),
        _ => None,
    };
    date.ok_or_else(|| {
        PyValueError::new_err(format!(
            "reference_date {y:04}-{m:02}-{day:02} is not a date of the calendar"
        ))
    })
}

/// The name of a value's type, for messages.
pub fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an object".to_string())
}
