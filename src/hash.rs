//! Stable hashes: the same value on every run, platform and toolchain, for the fingerprints of
//! output files and the build state kept between builds.
//!
//! XXH3 (64 bits) over bytes; a value is hashed through its JSON form, which serde writes the
//! same way for the same value. The standard library's hashers (randomised, or unspecified
//! across versions) and `Debug` output are never used for anything that is kept.

use std::io;

use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The hash of some bytes.
pub fn bytes(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// A hash built from several pieces, in order.
#[derive(Clone, Default)]
pub struct Stable(Xxh3);

impl Stable {
    pub fn new() -> Self {
        Stable(Xxh3::new())
    }

    /// Adds bytes, with their length, so that ("ab", "c") and ("a", "bc") differ.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn str(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    pub fn u64(&mut self, value: u64) -> &mut Self {
        self.0.update(&value.to_le_bytes());
        self
    }

    /// Adds a value through its JSON form.
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        // Writing into the hasher cannot fail, and the views hashed here always serialise.
        let _ = serde_json::to_writer(Writer(&mut self.0), value);
        self.0.update(&[0xFF]);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// The hash of one value, through its JSON form.
pub fn of<T: Serialize + ?Sized>(value: &T) -> u64 {
    Stable::new().value(value).finish()
}

struct Writer<'a>(&'a mut Xxh3);

impl io::Write for Writer<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
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
        assert_ne!(of(&("ab", "c")), of(&("a", "bc")));
        assert_eq!(of(&vec![1, 2, 3]), of(&[1, 2, 3]));
        let mut split = Stable::new();
        split.str("ab").str("c");
        let mut joined = Stable::new();
        joined.str("a").str("bc");
        assert_ne!(split.finish(), joined.finish());
    }
}
