//! Stable hashes: the same value on every run, platform and toolchain, for the fingerprints of
//! output files and the build state kept between builds.
//!
//! XXH3 (64 bits) over bytes. A value is hashed through serde: every number, string, sequence
//! and field is written with a tag byte into a buffer, sequences and maps closed with an end
//! tag, strings with their length, so two different values never give the same bytes. The
//! standard library's hashers (randomised, or unspecified across versions) and `Debug` output
//! are never used for anything that is kept. A view may give its own hash in place of its
//! fields (`is_human_readable` is false here): the hash of the same fields, made once.

use serde::Serialize;
use serde::ser::{self, SerializeMap, SerializeSeq, SerializeStruct};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The hash of some bytes.
pub fn bytes(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// Passes bytes on to a writer, hashing and counting them: the hash of a file as it is written.
pub struct Hashing<W> {
    out: W,
    digest: Xxh3,
    length: u64,
}

impl<W: std::io::Write> Hashing<W> {
    pub fn new(out: W) -> Self {
        Hashing { out, digest: Xxh3::new(), length: 0 }
    }

    /// The writer, once everything is written through.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// The hash of the bytes written so far, the same as [`bytes`] of all of them.
    pub fn hash(&self) -> u64 {
        self.digest.digest()
    }

    /// How many bytes were written.
    pub fn length(&self) -> u64 {
        self.length
    }
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(buf)?;
        self.digest.update(&buf[..written]);
        self.length += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A hash built from several pieces, in order.
#[derive(Clone, Default)]
pub struct Stable {
    hasher: Xxh3,
    buffer: Vec<u8>,
}

impl Stable {
    pub fn new() -> Self {
        Stable { hasher: Xxh3::new(), buffer: Vec::with_capacity(4096) }
    }

    /// Adds bytes, with their length, so that ("ab", "c") and ("a", "bc") differ.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.buffer.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.buffer.extend_from_slice(bytes);
        self.flush_if_full();
        self
    }

    pub fn str(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    pub fn u64(&mut self, value: u64) -> &mut Self {
        self.buffer.extend_from_slice(&value.to_le_bytes());
        self.flush_if_full();
        self
    }

    /// Adds a value, field by field.
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        // Writing into a buffer cannot fail, and every value hashed here serialises.
        let _ = value.serialize(&mut Writer { stable: self });
        self.buffer.push(END);
        self.flush_if_full();
        self
    }

    pub fn finish(&mut self) -> u64 {
        self.hasher.update(&self.buffer);
        self.buffer.clear();
        self.hasher.digest()
    }

    fn flush_if_full(&mut self) {
        if self.buffer.len() >= 4096 {
            self.hasher.update(&self.buffer);
            self.buffer.clear();
        }
    }

    fn tag(&mut self, tag: u8, payload: &[u8]) {
        self.buffer.push(tag);
        self.buffer.extend_from_slice(payload);
        self.flush_if_full();
    }
}

/// The hash of one value.
pub fn of<T: Serialize + ?Sized>(value: &T) -> u64 {
    Stable::new().value(value).finish()
}

const END: u8 = 0;
const NONE: u8 = 1;
const SOME: u8 = 2;
const FALSE: u8 = 3;
const TRUE: u8 = 4;
const INT: u8 = 5;
const UINT: u8 = 6;
const FLOAT: u8 = 7;
const STR: u8 = 8;
const BYTES: u8 = 9;
const UNIT: u8 = 10;
const VARIANT: u8 = 11;
const SEQ: u8 = 12;
const MAP: u8 = 13;
const FIELD: u8 = 14;

/// Feeds a value's serde form into a [`Stable`].
struct Writer<'a> {
    stable: &'a mut Stable,
}

impl Writer<'_> {
    fn text(&mut self, tag: u8, text: &[u8]) {
        self.stable.tag(tag, &(text.len() as u64).to_le_bytes());
        self.stable.buffer.extend_from_slice(text);
        self.stable.flush_if_full();
    }
}

type Done = Result<(), Never>;

/// The error a hash writer never returns.
#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hashing failed")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = &'w mut Writer<'a>;
    type SerializeTuple = &'w mut Writer<'a>;
    type SerializeTupleStruct = &'w mut Writer<'a>;
    type SerializeTupleVariant = &'w mut Writer<'a>;
    type SerializeMap = &'w mut Writer<'a>;
    type SerializeStruct = &'w mut Writer<'a>;
    type SerializeStructVariant = &'w mut Writer<'a>;

    /// Not read by people: a value may stand here for a part by the hash of that part (the
    /// links of a page, hashed once for every page that shows them).
    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Done {
        self.stable.tag(if v { TRUE } else { FALSE }, &[]);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.stable.tag(INT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.stable.tag(INT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.stable.tag(UINT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.stable.tag(UINT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.stable.tag(FLOAT, &v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(STR, v.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.text(BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.stable.tag(NONE, &[]);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.stable.tag(SOME, &[]);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.stable.tag(UNIT, &[]);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Done {
        self.text(VARIANT, variant.as_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.text(VARIANT, variant.as_bytes());
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Never> {
        self.stable.tag(SEQ, &[]);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.text(VARIANT, variant.as_bytes());
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Never> {
        self.stable.tag(MAP, &[]);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.text(VARIANT, variant.as_bytes());
        self.serialize_map(Some(len))
    }
}

impl SerializeSeq for &mut Writer<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.stable.tag(END, &[]);
        Ok(())
    }
}

macro_rules! as_seq {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Done {
                SerializeSeq::end(self)
            }
        }
    };
}

as_seq!(SerializeTuple, serialize_element);
as_seq!(SerializeTupleStruct, serialize_field);
as_seq!(SerializeTupleVariant, serialize_field);

impl SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.stable.tag(END, &[]);
        Ok(())
    }
}

impl SerializeStruct for &mut Writer<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.text(FIELD, key.as_bytes());
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.stable.tag(END, &[]);
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Writer<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Done {
        SerializeStruct::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_fixed_by_the_algorithm() {
        // XXH3-64 of the empty input and of "abc", as the algorithm defines them.
        assert_eq!(bytes(b""), 0x2D06_8005_38D3_94C2);
        assert_eq!(bytes(b"abc"), 0x78AF_5F94_892F_3950);
        let mut split = Stable::new();
        split.str("ab").str("c");
        let mut joined = Stable::new();
        joined.str("a").str("bc");
        assert_ne!(split.finish(), joined.finish());
    }

    #[test]
    fn different_values_hash_apart_and_equal_ones_alike() {
        assert_ne!(of(&("ab", "c")), of(&("a", "bc")));
        assert_ne!(of(&vec![vec![1], vec![]]), of(&vec![vec![], vec![1]]));
        assert_ne!(of(&Some(0u8)), of(&None::<u8>));
        assert_ne!(of(&1u64), of(&1i64));
        assert_eq!(of(&vec![1, 2, 3]), of(&[1, 2, 3]));
        assert_eq!(of(&(1u8, "x")), of(&(1u32, String::from("x"))));
        let long = "x".repeat(10_000);
        assert_ne!(of(&long), of(&format!("{long}y")));
    }
}
