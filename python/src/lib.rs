//! # vietfacts for Python
//!
//! The native module `vietfacts._vietfacts` of the Python package
//! `vietfacts` (built by maturin, one abi3 wheel for CPython ≥ 3.9). It
//! binds the Rust library, with no second implementation:
//!
//! - `decode(data: bytes, encoding="auto") -> (str, str)`: the text and the
//!   name of its encoding (`"tcvn3"`, `"vni"`, `"utf-8"`, …);
//! - `normalize(text, tone="traditional") -> str`;
//! - `extract(text, kinds=None, reference_date=None) -> list[dict]`: the
//!   facts of `SCHEMA.md`, each with a `char_span` (Python string indexes)
//!   beside its byte `span`;
//! - `extract_batch(texts, kinds=None, reference_date=None, jobs=None)
//!   -> list[list[dict]]`: the same for many texts, in input order, on a
//!   pool of threads with the GIL released.
//!
//! ```python
//! >>> import vietfacts
//! >>> text = "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch."
//! >>> [f for f in vietfacts.extract(text) if f["kind"] == "percentage"][0]["value"]
//! 13.6
//! ```
//!
//! The dicts are written field by field ([`build`]) in the order and with
//! the types of the library's own `Serialize` impl, the one that writes the
//! command-line tools' JSON (which [`convert`] follows generically, for
//! kinds added later and as the tests' reference): a fact from Python
//! equals `json.loads` of the same fact from `batch --char-offsets`. The
//! fact dicts and their span lists are not tracked by Python's cyclic
//! collector ([`gc`]).
//!
//! Nothing panics across the boundary: bad arguments raise `TypeError` or
//! `ValueError` ([`options`]), and the extraction itself never fails.
// No unsafe code but the two calls of `gc::untrack_*`, allowed there.
#![deny(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod build;
pub mod chars;
pub mod convert;
pub mod gc;
pub mod options;
pub mod pool;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};
use vietfacts::{Decoder, Encoding, Extractor, Fact, FactKind, Normalizer, ToneStyle};

use crate::build::Builder;
use crate::gc::GcPause;
use crate::options::{Options, type_name, value_error};

/// The facts of one text, ready to become Python objects: computed without
/// the GIL.
pub struct Facts {
    facts: Vec<Fact>,
    char_spans: Vec<[usize; 2]>,
}

impl Facts {
    /// Extracts from `text` and converts the spans to code points.
    pub fn extract(ex: &Extractor, text: &str) -> Facts {
        let facts = ex.extract(text).facts;
        let spans: Vec<vietfacts::Span> = facts.iter().map(|f| f.span).collect();
        Facts {
            char_spans: chars::char_spans(text, &spans),
            facts,
        }
    }

    /// The facts as a list of dicts (SCHEMA.md's fields in their order,
    /// then `char_span`).
    fn to_py<'py>(&self, b: &mut Builder<'py>) -> PyResult<Bound<'py, PyList>> {
        b.facts(&self.facts, &self.char_spans)
    }
}

/// Decodes bytes in any Vietnamese encoding: `(text, encoding)`.
///
/// `encoding` is `"auto"` (detect) or a name such as `"tcvn3"`, `"vni"`,
/// `"viqr"`, `"viscii"`, `"cp1258"`, `"utf-8"`, `"utf-16le"`. Bytes that
/// do not decode become U+FFFD; nothing is dropped.
#[pyfunction]
#[pyo3(signature = (data, encoding = None), text_signature = "(data, encoding='auto')")]
fn decode(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    encoding: Option<&Bound<'_, PyAny>>,
) -> PyResult<(String, &'static str)> {
    let encoding = match encoding {
        Some(e) => Encoding::from_label(&name_arg(e, "encoding")?).map_err(value_error)?,
        None => None,
    };
    let bytes: Vec<u8> = if let Ok(b) = data.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = data.cast::<PyByteArray>() {
        b.to_vec()
    } else {
        return Err(PyTypeError::new_err(format!(
            "decode() takes bytes or bytearray, not {} (a str is already decoded: \
             pass it to normalize() or extract())",
            type_name(data)
        )));
    };
    py.detach(move || {
        Decoder::builder()
            .encoding(encoding)
            .build()
            .decode(&bytes)
            .map(|d| (d.text().to_string(), d.encoding().name()))
            .map_err(|e| e.to_string())
    })
    .map_err(PyValueError::new_err)
}

/// The canonical spelling of `text`: NFC, one tone placement
/// (`"traditional"`: hòa, thủy; `"modern"`: hoà, thuỷ; `"preserve"`),
/// `Ð` → `Đ`, invisible characters removed, odd spaces → U+0020.
#[pyfunction]
#[pyo3(signature = (text, tone = None), text_signature = "(text, tone='traditional')")]
fn normalize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    tone: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let text = text_arg(text, || "normalize() takes a str".into())?;
    let tone: ToneStyle = match tone {
        Some(t) => name_arg(t, "tone")?.parse().map_err(value_error)?,
        None => ToneStyle::Traditional,
    };
    Ok(py.detach(move || {
        Normalizer::builder()
            .tone(tone)
            .build()
            .normalize(&text)
            .as_str()
            .to_string()
    }))
}

/// The facts of `text`: a list of dicts (SCHEMA.md), in text order.
///
/// `kinds`: names to extract (default: all but `"number"`);
/// `reference_date`: `"YYYY-MM-DD"` or a `datetime.date`, the anchor of
/// relative dates (`hôm qua`, `tuần sau`).
#[pyfunction]
#[pyo3(signature = (text, kinds = None, reference_date = None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    reference_date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_arg(text, || "extract() takes a str".into())?;
    let ex = Options::from_py(kinds, reference_date)?.extractor();
    let facts = py.detach(|| Facts::extract(&ex, &text));
    facts.to_py(&mut Builder::new(py))
}

/// The facts of each text of `texts`, in input order: equal to
/// `[extract(t, ...) for t in texts]`, computed on `jobs` threads (default:
/// one per core) with the GIL released.
#[pyfunction]
#[pyo3(signature = (texts, kinds = None, reference_date = None, jobs = None))]
fn extract_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    reference_date: Option<&Bound<'py, PyAny>>,
    jobs: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "extract_batch() takes a list of str, not one str (use extract() for one text)",
        ));
    }
    let jobs = match jobs {
        None => None,
        Some(n) if n >= 1 => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "jobs must be a positive number of threads, not {n}"
            )));
        }
    };
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "extract_batch() takes an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    // The number of texts, when the iterable knows it (a list, a tuple):
    // for the number of workers and the result's size.
    let hint = texts.len().ok();
    let ex = Options::from_py(kinds, reference_date)?.extractor();
    let workers = pool::workers(jobs, hint.unwrap_or(usize::MAX));
    // This thread turns each text into UTF-8 as the workers need it (so
    // they start at once), and each result into Python objects as soon as
    // it is ready; the workers extract without the GIL, and this thread
    // waits without it.
    let mut builder = Builder::new(py);
    let gc = GcPause::new(py)?;
    let mut lists: Vec<Option<Bound<'py, PyList>>> = Vec::with_capacity(hint.unwrap_or(0));
    let texts = iter
        .enumerate()
        .map(|(i, t)| text_arg(&t?, || format!("texts[{i}] must be a str")));
    // Texts travel to the workers, and facts back, in bundles of
    // [`BUNDLE`]: one wake-up of this thread per bundle, not per text.
    let mut last_yield = std::time::Instant::now();
    let run = gc.paused(|| {
        pool::pipeline_fed(
            Bundles { texts, done: false },
            workers,
            |bundle: Vec<PyBackedStr>| -> Vec<Facts> {
                bundle.iter().map(|t| Facts::extract(&ex, t)).collect()
            },
            // Other Python threads run meanwhile, with the collector as
            // they left it.
            |recv| gc.resumed(|| py.detach(recv)),
            |k, bundle| {
                // Let other Python threads in between bundles (when the
                // workers keep ahead, this thread never waits for a
                // result). Releasing the GIL alone is not enough: this
                // thread takes it back at once, before a waiting thread
                // wakes (a CI run saw 4 ticks of another thread in 0.25 s);
                // yielding the processor lets that thread in. At most one
                // yield per `YIELD_EVERY`: on a loaded machine each yield
                // may hand the core to another process.
                if last_yield.elapsed() >= YIELD_EVERY {
                    gc.resumed(|| py.detach(std::thread::yield_now));
                    last_yield = std::time::Instant::now();
                } else {
                    gc.resumed(|| py.detach(|| ()));
                }
                let first = k.saturating_mul(BUNDLE);
                let end = first.saturating_add(bundle.len());
                if lists.len() < end {
                    lists.resize(end, None);
                }
                for (slot, facts) in lists
                    .get_mut(first..end)
                    .unwrap_or_default()
                    .iter_mut()
                    .zip(&bundle)
                {
                    *slot = Some(facts.to_py(&mut builder)?);
                }
                Ok::<(), PyErr>(())
            },
        )
    })?;
    run.map_err(|e| match e {
        pool::Stop::Panicked(msg) => PyRuntimeError::new_err(msg),
        pool::Stop::Consumer(e) => e,
    })?;
    let lists = lists
        .into_iter()
        .map(|l| l.ok_or_else(|| PyRuntimeError::new_err("a text of the batch got no result")))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, lists)
}

/// Texts per bundle handed to a worker in [`extract_batch`].
const BUNDLE: usize = 8;

/// How often, at most, `extract_batch`'s calling thread yields the
/// processor between bundles so that other Python threads get the GIL
/// (a thread that sleeps a millisecond between its steps, as the GIL test
/// does, gets it about once per yield).
const YIELD_EVERY: std::time::Duration = std::time::Duration::from_millis(2);

/// The texts of [`extract_batch`] in bundles of [`BUNDLE`] (the last one
/// shorter); a text that is no `str` ends them with its error.
struct Bundles<I> {
    texts: I,
    done: bool,
}

impl<I: Iterator<Item = PyResult<PyBackedStr>>> Iterator for Bundles<I> {
    type Item = PyResult<Vec<PyBackedStr>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut bundle = Vec::with_capacity(BUNDLE);
        while bundle.len() < BUNDLE {
            match self.texts.next() {
                Some(Ok(t)) => bundle.push(t),
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                None => {
                    self.done = true;
                    break;
                }
            }
        }
        (!bundle.is_empty()).then_some(Ok(bundle))
    }
}

/// A text argument: a `str`, or a `TypeError` that starts with `what`. A
/// `str` that UTF-8 cannot hold (a lone surrogate) raises Python's own
/// `UnicodeEncodeError`.
fn text_arg(v: &Bound<'_, PyAny>, what: impl Fn() -> String) -> PyResult<PyBackedStr> {
    v.extract::<PyBackedStr>().map_err(|e| {
        if v.is_instance_of::<PyString>() {
            e
        } else {
            PyTypeError::new_err(format!("{}, not {}", what(), type_name(v)))
        }
    })
}

/// A name argument (`encoding`, `tone`): a `str`, or a `TypeError` naming
/// the argument.
fn name_arg(v: &Bound<'_, PyAny>, arg: &str) -> PyResult<String> {
    v.extract::<PyBackedStr>()
        .map(|s| s.to_string())
        .map_err(|_| PyTypeError::new_err(format!("{arg} must be a str, not {}", type_name(v))))
}

/// The Python module `vietfacts._vietfacts`.
#[pymodule]
#[pyo3(name = "_vietfacts")]
fn vietfacts_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    let kinds: Vec<&str> = FactKind::ALL.iter().map(|k| k.name()).collect();
    m.add("KINDS", PyTuple::new(py, kinds)?)?;
    let encodings: Vec<&str> = std::iter::once("auto")
        .chain(Encoding::ALL.iter().map(|e| e.name()))
        .collect();
    m.add("ENCODINGS", PyTuple::new(py, encodings)?)?;
    Ok(())
}
