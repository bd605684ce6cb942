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
//!   panic; a collector disabled by the caller, or by another thread while
//!   the GIL was released, is left alone.
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
    /// `gc.isenabled`, `gc.enable` and `gc.disable`.
    isenabled: Bound<'py, PyAny>,
    enable: Bound<'py, PyAny>,
    disable: Bound<'py, PyAny>,
    /// Whether this pause disabled the collector (and so must enable it).
    paused: Cell<bool>,
}

impl<'py> GcPause<'py> {
    /// The collector's controls.
    pub fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        Ok(GcPause {
            isenabled: gc.getattr("isenabled")?,
            enable: gc.getattr("enable")?,
            disable: gc.getattr("disable")?,
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
        // `gc.isenabled()`, `gc.enable()` and `gc.disable()` do not fail;
        // were they to, the collector would stay as it is, which `paused`
        // puts right.
        if was_paused {
            let _ = self.resume();
        }
        let r = f();
        if was_paused {
            let _ = self.pause();
        }
        r
    }

    /// Disables the collector if it is enabled: asked each time, since
    /// another thread may have disabled it while the GIL was released (and
    /// then it stays as that thread left it).
    fn pause(&self) -> PyResult<()> {
        if self.isenabled.call0()?.is_truthy()? {
            self.disable.call0()?;
            self.paused.set(true);
        }
        Ok(())
    }

    /// Enables the collector if this pause disabled it.
    fn resume(&self) -> PyResult<()> {
        if self.paused.get() {
            self.enable.call0()?;
            self.paused.set(false);
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
