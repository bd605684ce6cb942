//! Python's cyclic garbage collector and the objects of a batch.
//!
//! A corpus gives hundreds of thousands of fact dicts, each with two span
//! lists: containers, which CPython's collector tracks by default and
//! walks, again and again, as long as they are young. None of them can be
//! in a reference cycle when made (they hold numbers and strings only), so
//! two things keep the collector off them:
//!
//! - [`untrack_list`] and [`untrack_dict`] take the span lists and the fact
//!   dicts out of the collector's set, as CPython itself does for dicts and
//!   tuples that hold no container. A dict that is later given a container
//!   is tracked again by CPython; a span list is not, so a reference cycle
//!   that a caller builds through a span list (`f["span"].append(f)`) is
//!   never collected. The lists of facts (one per text) and the batch's
//!   list stay tracked.
//! - [`GcPause`] disables the collector while the calling thread builds the
//!   dicts (the allocations would otherwise start a collection every 700
//!   containers), and enables it again before the GIL is released — at
//!   every wait and between bundles — and at the end, even on an error or a
//!   panic; if the collector was disabled already, it is left alone.
//!
//! `untrack_*` are the only unsafe code of the binding: one call of the C
//! API each, on an object of a type the collector knows, with the GIL held.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::cell::Cell;

/// Takes a list out of the cyclic collector's set (see the module doc).
#[allow(unsafe_code)]
pub fn untrack_list(list: &Bound<'_, PyList>) {
    // SAFETY: `list` is a live `list` (a `Bound` holds a reference, with
    // the GIL held); lists are collector-aware objects, and
    // `PyObject_GC_UnTrack` accepts one that is tracked or not.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(list.as_ptr().cast()) }
}

/// Takes a dict out of the cyclic collector's set (see the module doc);
/// CPython tracks it again if it is given a container.
#[allow(unsafe_code)]
pub fn untrack_dict(dict: &Bound<'_, PyDict>) {
    // SAFETY: as in `untrack_list`: a live `dict`, with the GIL held.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(dict.as_ptr().cast()) }
}

/// Pauses the cyclic collector while this thread, holding the GIL, builds
/// a batch's objects (see the module doc).
pub struct GcPause<'py> {
    /// `gc.enable` and `gc.disable`, if the collector was enabled at
    /// [`GcPause::new`] (otherwise nothing is done).
    calls: Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    paused: Cell<bool>,
}

impl<'py> GcPause<'py> {
    /// Looks at the collector's state.
    pub fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        let calls = if gc.call_method0("isenabled")?.is_truthy()? {
            Some((gc.getattr("enable")?, gc.getattr("disable")?))
        } else {
            None
        };
        Ok(GcPause {
            calls,
            paused: Cell::new(false),
        })
    }

    /// `f()` with the collector paused; enabled again afterwards, even if
    /// `f` panics.
    pub fn paused<R>(&self, f: impl FnOnce() -> R) -> PyResult<R> {
        self.pause()?;
        let restore = Restore(self);
        let r = f();
        self.resume()?;
        drop(restore);
        Ok(r)
    }

    /// `f()` with the collector as the caller left it (within
    /// [`GcPause::paused`]: before releasing the GIL).
    pub fn resumed<R>(&self, f: impl FnOnce() -> R) -> R {
        let was_paused = self.paused.get();
        // `gc.enable()` and `gc.disable()` do not fail; were they to, the
        // collector would stay as it is, which `paused` puts right.
        if was_paused {
            let _ = self.resume();
        }
        let r = f();
        if was_paused {
            let _ = self.pause();
        }
        r
    }

    fn pause(&self) -> PyResult<()> {
        if let Some((_, disable)) = &self.calls {
            disable.call0()?;
            self.paused.set(true);
        }
        Ok(())
    }

    fn resume(&self) -> PyResult<()> {
        if let Some((enable, _)) = &self.calls {
            if self.paused.get() {
                enable.call0()?;
                self.paused.set(false);
            }
        }
        Ok(())
    }
}

/// Enables the collector again when dropped in a panic.
struct Restore<'a, 'py>(&'a GcPause<'py>);

impl Drop for Restore<'_, '_> {
    fn drop(&mut self) {
        let _ = self.0.resume();
    }
}
