//! The unnamed temporary file in which a run keeps what it has read out of memory until its
//! pages and index are written: notice bodies ([`super::read`]) and where the words of the
//! search index stand ([`super::search`]). It is gone when the run ends, however it ends. What
//! is stored where is each user's to remember.

use std::io;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug)]
pub struct Spill {
    file: std::fs::File,
    /// Where the next bytes go: every thread appends at its own place.
    end: AtomicU64,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        Ok(Spill { file: tempfile::tempfile()?, end: AtomicU64::new(0) })
    }

    /// Appends `bytes`; returns where they start.
    pub fn append(&self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.end.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        self.file.write_all_at(bytes, at)?;
        Ok(at)
    }

    /// Reads the bytes stored at `at` into `into`, as many as it holds.
    pub fn read_at(&self, at: u64, into: &mut [u8]) -> io::Result<()> {
        self.file.read_exact_at(into, at)
    }

    /// The text of `len` bytes stored at `at`, checked to be UTF-8 (with SIMD: every body is
    /// read back so, most of it Vietnamese text, which the standard library checks slowly).
    pub fn read_text(&self, at: u64, len: usize) -> io::Result<std::sync::Arc<str>> {
        let mut bytes = vec![0; len];
        self.read_at(at, &mut bytes)?;
        simdutf8::basic::from_utf8(&bytes).map(std::sync::Arc::from).map_err(io::Error::other)
    }
}
