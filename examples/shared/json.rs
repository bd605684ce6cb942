//! Compact JSON of any `Serialize` value, written byte for byte as
//! `serde_json::to_writer` writes it, but cheaper: a string is tested
//! eight bytes at a time for the bytes JSON escapes (`"`, `\`, control
//! characters) and appended a word at a time when it has none, where
//! serde_json looks each byte up in a table and makes three writes of
//! every string (a key's comma, quotes and colon go in with it here).
//! Integers below 10^8 are written here (decimal digits, as itoa writes
//! them); larger ones and floats by serde_json's own `CompactFormatter`.
//!
//! It is driven by the library's `Serialize` impls, so a field the library
//! adds is written without a change here. What it does not write itself (a
//! map key that is not a string, a `Serialize` impl that fails) makes it
//! give up, and [`write`] then hands the whole value to serde_json: the
//! output, and the error, are serde_json's in every case.
//! `tests/json_output.rs` compares both writers on many documents.
#![allow(dead_code)]

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::ser::{CompactFormatter, Formatter};

/// Appends the compact JSON of `value` to `out`: the bytes
/// `serde_json::to_writer` appends, and its error when it fails.
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    let from = out.len();
    if value.serialize(&mut Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    // What serde_json writes here, or where it fails.
    out.truncate(from);
    serde_json::to_writer(&mut *out, value)
}

/// Why [`Writer`] stopped: something only serde_json writes (a key that is
/// not a string) or an error of a `Serialize` impl; [`write`] then starts
/// over with serde_json.
#[derive(Debug)]
pub struct GiveUp;

impl std::fmt::Display for GiveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for GiveUp {}

impl ser::Error for GiveUp {
    fn custom<T: std::fmt::Display>(_: T) -> GiveUp {
        GiveUp
    }
}

type Result<T = ()> = std::result::Result<T, GiveUp>;

/// The serializer: everything goes to the end of `out`.
pub struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

impl Writer<'_> {
    /// A string with its quotes, escaped.
    fn string(&mut self, s: &str) {
        string(self.out, s);
    }

    /// A number by serde_json's formatter (writing into a vector does not
    /// fail).
    fn number(&mut self, f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result {
        f(self.out).map_err(|_| GiveUp)
    }

    /// `{"variant":` of the variants that are written as a one-entry
    /// object.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        quoted::<true>(self.out, variant, false);
    }
}

/// Appends `s` to `out` as a JSON string: in quotes, with `"`, `\` and the
/// control characters escaped as serde_json escapes them (`\n`, `\t`, `\r`,
/// `\b`, `\f`, the others `\u00XX` in lower case; nothing else).
pub fn string(out: &mut Vec<u8>, s: &str) {
    quoted::<false>(out, s, false);
}

/// [`string`], after a comma when `comma`, with the colon after it when it
/// is a `KEY`. Without a byte to escape (nearly always), no byte loop and
/// no copy call: a string of fewer than eight bytes is loaded into a word,
/// tested, and appended with its comma and quotes in one 16-byte store
/// that is cut back ([`short`]); a longer one is tested and appended eight
/// bytes at a time, its last few bytes as the whole last eight, the vector
/// cut back over the ones they repeat ([`long`]). Two functions, so that
/// the short strings (most keys) save few registers.
#[inline(always)]
fn quoted<const KEY: bool>(out: &mut Vec<u8>, s: &str, comma: bool) {
    if s.len() < 8 {
        short::<KEY>(out, s.as_bytes(), comma);
    } else {
        long::<KEY>(out, s.as_bytes(), comma);
    }
}

/// [`quoted`] of fewer than eight bytes: the comma, the quote and the
/// bytes in one 16-byte store cut back to their length, then the close.
#[inline(never)]
fn short<const KEY: bool>(out: &mut Vec<u8>, bytes: &[u8], comma: bool) {
    let n = bytes.len();
    let word = load_short(bytes);
    if special_marks(word | (splat(b'a') << (8 * n))) != 0 {
        return escaped::<KEY>(out, bytes, comma);
    }
    let (head, lead) = if comma {
        (
            (u128::from(word) << 16) | u128::from(u16::from_le_bytes(*b",\"")),
            2,
        )
    } else {
        ((u128::from(word) << 8) | u128::from(b'"'), 1)
    };
    out.extend_from_slice(&head.to_le_bytes());
    out.truncate(out.len() - (16 - lead - n));
    close::<KEY>(out);
}

/// [`quoted`] of eight bytes or more.
#[inline(never)]
fn long<const KEY: bool>(out: &mut Vec<u8>, bytes: &[u8], comma: bool) {
    let Some(last) = bytes.last_chunk::<8>() else {
        return escaped::<KEY>(out, bytes, comma);
    };
    let from = out.len();
    if comma {
        out.push(b',');
    }
    out.push(b'"');
    let mut rest = bytes;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        if special_marks(u64::from_le_bytes(*chunk)) != 0 {
            out.truncate(from);
            return escaped::<KEY>(out, bytes, comma);
        }
        out.extend_from_slice(chunk);
        rest = tail;
    }
    if !rest.is_empty() {
        // The bytes before `rest` are plain: a mark is in `rest`.
        if special_marks(u64::from_le_bytes(*last)) != 0 {
            out.truncate(from);
            return escaped::<KEY>(out, bytes, comma);
        }
        out.truncate(out.len() - (8 - rest.len()));
        out.extend_from_slice(last);
    }
    close::<KEY>(out);
}

/// The closing quote, and a key's colon.
fn close<const KEY: bool>(out: &mut Vec<u8>) {
    if KEY {
        out.extend_from_slice(b"\":");
    } else {
        out.push(b'"');
    }
}

/// [`quoted`] of a string that has a byte to escape: plain runs copied
/// whole, each special byte escaped.
#[cold]
#[inline(never)]
fn escaped<const KEY: bool>(out: &mut Vec<u8>, mut rest: &[u8], comma: bool) {
    if comma {
        out.push(b',');
    }
    out.push(b'"');
    while let Some((plain, tail)) = rest.split_at_checked(plain_len(rest)) {
        out.extend_from_slice(plain);
        let Some((&byte, tail)) = tail.split_first() else {
            break;
        };
        escape(out, byte);
        rest = tail;
    }
    close::<KEY>(out);
}

/// The bytes of `s` (fewer than eight) in the low bytes of a word, read
/// little-endian, zero above: two loads that may overlap (the bytes they
/// share are the same, so or-ing them is harmless).
fn load_short(s: &[u8]) -> u64 {
    let n = s.len();
    if n >= 4 {
        let lo = s.first_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        let hi = s.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
    } else if n >= 2 {
        let lo = s.first_chunk::<2>().map_or(0, |c| u16::from_le_bytes(*c));
        let hi = s.last_chunk::<2>().map_or(0, |c| u16::from_le_bytes(*c));
        u64::from(lo) | (u64::from(hi) << (8 * (n - 2)))
    } else {
        s.first().map_or(0, |&b| u64::from(b))
    }
}

/// Appends the escape of `byte` (one that [`special_marks`] marks).
fn escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => 0,
    };
    if short != 0 {
        out.extend_from_slice(&[b'\\', short]);
    } else {
        let hex = |d: u8| HEX.get(usize::from(d & 0xF)).copied().unwrap_or(b'0');
        out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte)]);
    }
}

/// The decimal digits 00 to 99 in pairs.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Appends `v` (less than 10^8) in decimal, as itoa writes it: its digits
/// are gathered two at a time into a word, the lower ones pushed up by the
/// higher ones, and the word is appended whole and cut back.
fn short_uint(out: &mut Vec<u8>, mut v: u64) {
    let pair = |v: u64| {
        let i = (v as usize) * 2;
        PAIRS
            .get(i..i + 2)
            .and_then(|p| p.first_chunk::<2>())
            .map_or(0, |p| u64::from(u16::from_le_bytes(*p)))
    };
    let (mut word, mut digits) = (0u64, 0);
    while v >= 100 {
        word = (word << 16) | pair(v % 100);
        digits += 2;
        v /= 100;
    }
    if v >= 10 {
        word = (word << 16) | pair(v);
        digits += 2;
    } else {
        word = (word << 8) | u64::from(b'0' + v as u8);
        digits += 1;
    }
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(out.len() - (8 - digits));
}

/// Eight copies of `b`.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `x` (read little-endian) that is a byte a
/// JSON string escapes, and of no byte before the first such one. The
/// classic tests (a byte less than `n`: `(x - n…) & !x & 0x80…`; a zero
/// byte of `x ^ c…` for equality) can mark a byte after a marked one by a
/// borrow, never one before, so the lowest mark is exact.
fn special_marks(x: u64) -> u64 {
    let control = x.wrapping_sub(splat(0x20));
    let quote = (x ^ splat(b'"')).wrapping_sub(splat(1)) & !(x ^ splat(b'"'));
    let backslash = (x ^ splat(b'\\')).wrapping_sub(splat(1)) & !(x ^ splat(b'\\'));
    (control & !x | quote | backslash) & splat(0x80)
}

/// How many bytes of `s` come before the first one JSON escapes (`"`, `\`,
/// a control character): all of them when there is none.
pub fn plain_len(s: &[u8]) -> usize {
    let mut at = 0;
    let mut rest = s;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let marks = special_marks(u64::from_le_bytes(*chunk));
        if marks != 0 {
            return at + (marks.trailing_zeros() / 8) as usize;
        }
        at += 8;
        rest = tail;
    }
    let marks = special_marks(load_short(rest) | (splat(b'a') << (8 * rest.len())));
    if marks != 0 {
        at + (marks.trailing_zeros() / 8) as usize
    } else {
        s.len()
    }
}

/// Where a sequence or an object is: as serde_json's `State`, so that a
/// `Serialize` impl whose length hint is wrong is written as serde_json
/// writes it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Announced empty: already closed.
    Empty,
    First,
    Rest,
}

/// An array or an object being written.
pub struct Compound<'a, 'o> {
    w: &'a mut Writer<'o>,
    state: State,
}

impl Compound<'_, '_> {
    /// The comma before every element but the first.
    fn next(&mut self) {
        if self.comma() {
            self.w.out.push(b',');
        }
    }

    /// Whether the next element needs a comma before it (every one but the
    /// first), for the caller to write.
    fn comma(&mut self) -> bool {
        let comma = self.state != State::First;
        self.state = State::Rest;
        comma
    }

    /// The closing bracket, unless it was written at the start.
    fn close(self, bracket: u8) {
        if self.state != State::Empty {
            self.w.out.push(bracket);
        }
    }
}

impl<'a, 'o> Writer<'o> {
    /// Opens an array or object; one announced empty is closed at once.
    fn open(&'a mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'a, 'o> {
        let state = if len == Some(0) {
            self.out.extend_from_slice(&[open, close]);
            State::Empty
        } else {
            self.out.push(open);
            State::First
        };
        Compound { w: self, state }
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result {
        if v < 0 {
            self.out.push(b'-');
        }
        self.serialize_u64(v.unsigned_abs())
    }

    fn serialize_i128(self, v: i128) -> Result {
        self.number(|out| CompactFormatter.write_i128(out, v))
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result {
        if v < 100_000_000 {
            short_uint(self.out, v);
            Ok(())
        } else {
            self.number(|out| CompactFormatter.write_u64(out, v))
        }
    }

    fn serialize_u128(self, v: u128) -> Result {
        self.number(|out| CompactFormatter.write_u128(out, v))
    }

    /// A float, `null` when it is not finite (as serde_json).
    fn serialize_f32(self, v: f32) -> Result {
        if v.is_finite() {
            self.number(|out| CompactFormatter.write_f32(out, v))
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_finite() {
            self.number(|out| CompactFormatter.write_f64(out, v))
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.out.push(b'[');
        for (i, b) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.serialize_u8(*b)?;
        }
        self.out.push(b']');
        Ok(())
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    /// `{"variant":value}`.
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'o>> {
        Ok(self.open(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }

    /// `{"variant":[…]}`.
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.variant_key(variant);
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'o>> {
        Ok(self.open(b'{', b'}', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_map(Some(len))
    }

    /// `{"variant":{…}}`.
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.variant_key(variant);
        self.serialize_map(Some(len))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.next();
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    /// The array's `]` (unless written at the start), the object's `}`.
    fn end(self) -> Result {
        let w = &mut *self.w;
        if self.state != State::Empty {
            w.out.push(b']');
        }
        w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        // The key writes its comma and its colon.
        let comma = self.comma();
        key.serialize(Key(&mut *self.w, comma))
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        let comma = self.comma();
        quoted::<true>(self.w.out, key, comma);
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    /// The inner object's `}` (unless written at the start), the outer
    /// one's.
    fn end(self) -> Result {
        let w = &mut *self.w;
        if self.state != State::Empty {
            w.out.push(b'}');
        }
        w.out.push(b'}');
        Ok(())
    }
}

/// The serializer of a map key: strings (and what serde_json writes as
/// one the same way: a char, a unit variant, a newtype or `Some` of a
/// string). Any other key gives up, for serde_json to quote it or refuse
/// it.
struct Key<'a, 'o>(&'a mut Writer<'o>, bool);

impl ser::Serializer for Key<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = Impossible<(), GiveUp>;
    type SerializeTuple = Impossible<(), GiveUp>;
    type SerializeTupleStruct = Impossible<(), GiveUp>;
    type SerializeTupleVariant = Impossible<(), GiveUp>;
    type SerializeMap = Impossible<(), GiveUp>;
    type SerializeStruct = Impossible<(), GiveUp>;
    type SerializeStructVariant = Impossible<(), GiveUp>;

    fn serialize_str(self, v: &str) -> Result {
        quoted::<true>(self.0.out, v, self.1);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        quoted::<true>(self.0.out, v.encode_utf8(&mut [0; 4]), self.1);
        Ok(())
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &str) -> Result {
        quoted::<true>(self.0.out, variant, self.1);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_bool(self, _: bool) -> Result {
        Err(GiveUp)
    }

    fn serialize_i8(self, _: i8) -> Result {
        Err(GiveUp)
    }

    fn serialize_i16(self, _: i16) -> Result {
        Err(GiveUp)
    }

    fn serialize_i32(self, _: i32) -> Result {
        Err(GiveUp)
    }

    fn serialize_i64(self, _: i64) -> Result {
        Err(GiveUp)
    }

    fn serialize_u8(self, _: u8) -> Result {
        Err(GiveUp)
    }

    fn serialize_u16(self, _: u16) -> Result {
        Err(GiveUp)
    }

    fn serialize_u32(self, _: u32) -> Result {
        Err(GiveUp)
    }

    fn serialize_u64(self, _: u64) -> Result {
        Err(GiveUp)
    }

    fn serialize_f32(self, _: f32) -> Result {
        Err(GiveUp)
    }

    fn serialize_f64(self, _: f64) -> Result {
        Err(GiveUp)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(GiveUp)
    }

    fn serialize_none(self) -> Result {
        Err(GiveUp)
    }

    fn serialize_unit(self) -> Result {
        Err(GiveUp)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result {
        Err(GiveUp)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(GiveUp)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_tuple(self, _: usize) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), GiveUp>> {
        Err(GiveUp)
    }
}
