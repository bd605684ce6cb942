//! Rust values → Python objects through `serde`, so that a fact's dict is
//! written by the very `Serialize` impl that writes the tools' JSON: the
//! same fields in the same order, integers where the JSON has integers.
//! The binding writes the facts it knows field by field
//! ([`build`](crate::build), several times faster); this generic path
//! writes kinds added to the library since, and is what the tests of
//! `build` compare with.
//!
//! JSON's shapes map to Python's: objects → `dict`, arrays and tuples →
//! `list` (a span `[29, 46]` is the list `[29, 46]`, equal to what
//! `json.loads` gives for the tools' output), strings → `str`, numbers →
//! `int` or `float`, `null` → `None`. Keys are created once per call and
//! shared ([`Keys`]): a corpus repeats `kind`, `span`, `text` and `rule`
//! hundreds of thousands of times.

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyList, PyString};
use serde::Serialize;
use serde::ser;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;

/// FNV-1a: the keys are a few short field names, asked for millions of
/// times; SipHash's resistance to chosen keys buys nothing here.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Values at most this long (in UTF-8 bytes) are shared `str` objects.
const SHARED_STR_LEN: usize = 24;

/// At most this many shared values and keys per call.
const SHARED_STRS: usize = 20_000;

/// Python strings for the keys seen so far (one `str` object per key
/// name), and for short values (see [`SHARED_STR_LEN`]).
pub struct Keys<'py> {
    py: Python<'py>,
    cache: RefCell<HashMap<String, Bound<'py, PyString>, BuildHasherDefault<Fnv>>>,
}

impl<'py> Keys<'py> {
    /// An empty cache.
    pub fn new(py: Python<'py>) -> Keys<'py> {
        Keys {
            py,
            cache: RefCell::new(HashMap::default()),
        }
    }

    /// The shared `str` for a short value, while the cache has room
    /// (`None` once it holds [`SHARED_STRS`] strings and `v` is not one).
    fn shared(&self, v: &str) -> Option<Bound<'py, PyString>> {
        if let Some(k) = self.cache.borrow().get(v) {
            return Some(k.clone());
        }
        if self.cache.borrow().len() >= SHARED_STRS {
            return None;
        }
        Some(self.get(v))
    }

    fn get(&self, key: &str) -> Bound<'py, PyString> {
        if let Some(k) = self.cache.borrow().get(key) {
            return k.clone();
        }
        let k = PyString::new(self.py, key);
        self.cache.borrow_mut().insert(key.to_string(), k.clone());
        k
    }
}

/// `value` as a Python object.
pub fn to_py<'py, T: Serialize + ?Sized>(
    keys: &Keys<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPy { keys }).map_err(|e| e.0)
}

/// A failed conversion: a Python exception (or a `serde` message as a
/// `ValueError`).
#[derive(Debug)]
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

/// The serializer: writes one value as a Python object.
#[derive(Clone, Copy)]
struct ToPy<'a, 'py> {
    keys: &'a Keys<'py>,
}

impl<'a, 'py> ToPy<'a, 'py> {
    fn py(self) -> Python<'py> {
        self.keys.py
    }

    fn int(self, v: impl IntoPyObject<'py>) -> Out<'py> {
        v.into_bound_py_any(self.py()).map_err(Error)
    }

    /// `{variant: value}`, as `serde_json` writes an externally tagged
    /// variant.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
        let d = PyDict::new(self.py());
        d.set_item(self.keys.get(variant), value)?;
        Ok(d.into_any())
    }
}

/// Collects a sequence (or tuple) into a `list`, tagged for a variant.
struct Seq<'a, 'py> {
    to: ToPy<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'py> Seq<'a, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.items.push(v.serialize(self.to)?);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.to.py(), self.items)?.into_any();
        match self.variant {
            Some(v) => self.to.tagged(v, list),
            None => Ok(list),
        }
    }
}

/// Fills a `dict` (a map, a struct, or a struct variant's fields).
struct Map<'a, 'py> {
    to: ToPy<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'py> Map<'a, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.dict
            .set_item(self.to.keys.get(key), v.serialize(self.to)?)?;
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let d = self.dict.into_any();
        match self.variant {
            Some(v) => self.to.tagged(v, d),
            None => Ok(d),
        }
    }
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        Ok(PyFloat::new(self.py(), v).into_any())
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        // Short strings repeat across facts (rules, units, currencies,
        // `năm 2017`): one `str` object each, like the keys.
        if v.len() <= SHARED_STR_LEN {
            if let Some(s) = self.keys.shared(v) {
                return Ok(s.into_any());
            }
        }
        Ok(PyString::new(self.py(), v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyBytes::new(self.py(), v).into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Out<'py> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.keys.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Out<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        v: &T,
    ) -> Out<'py> {
        let inner = v.serialize(self)?;
        self.tagged(variant, inner)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        let mut s = self.serialize_seq(Some(len))?;
        s.variant = Some(variant);
        Ok(s)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py()),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        let mut m = self.serialize_map(None)?;
        m.variant = Some(variant);
        Ok(m)
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyToPy { keys: self.to.keys })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value came before its key"))?;
        self.dict.set_item(key, v.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// Map keys: strings go through the key cache; anything else is written as
/// a value (Python allows any hashable key).
#[derive(Clone, Copy)]
struct KeyToPy<'a, 'py> {
    keys: &'a Keys<'py>,
}

macro_rules! key_as_value {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Out<'py> {
            ser::Serializer::$f(ToPy { keys: self.keys }, v)
        })*
    };
}

impl<'a, 'py> ser::Serializer for KeyToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.keys.get(v).into_any())
    }
    key_as_value!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_bytes: &[u8]);
    fn serialize_none(self) -> Out<'py> {
        ToPy { keys: self.keys }.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Out<'py> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Out<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Out<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        v: &T,
    ) -> Out<'py> {
        ToPy { keys: self.keys }.serialize_newtype_variant(name, i, variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_seq(len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_tuple(len)
    }
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_tuple_struct(name, len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_tuple_variant(name, i, variant, len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_map(len)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Map<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_struct(name, len)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        ToPy { keys: self.keys }.serialize_struct_variant(name, i, variant, len)
    }
}
