//! Telling whether a file of the new build holds the very bytes of the output's file at the
//! same path, so that the output's file (its inode and modification time) goes into the new
//! build in place of a copy.
//!
//! [`UnlessSame`] compares what a build writes with the output's file as it is written, and
//! makes a file only once they differ; [`same_bytes`] compares two files on disk. Neither
//! trusts the build state: they read the bytes. What goes into the staging folder, and how, is
//! the staging folder's ([`super::Staging`]).

use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use crate::publish::state::FileStamp;

/// The output's plain file at `path`, opened, with its stamp: `None` when there is none, or
/// something else is there (a symbolic link is never followed into the new build).
pub fn open_plain(path: &Path) -> Option<(File, FileStamp)> {
    let listed = fs::symlink_metadata(path).ok().filter(fs::Metadata::is_file)?;
    let file = File::open(path).ok()?;
    let opened = file.metadata().ok()?;
    let stamp = FileStamp::from_metadata(&opened);
    // Replaced between the two looks: not the file that was listed.
    (stamp == FileStamp::from_metadata(&listed)).then_some((file, stamp))
}

/// A writer that compares what it is given with an old file and writes nothing while they
/// agree; at the first difference it makes the new file with `create`, puts in the old file's
/// bytes agreed so far, and writes on from there.
pub struct UnlessSame<W, C> {
    /// Read in the pieces written, which a buffer above this writer makes large.
    old: File,
    /// Bytes of the old file that agreed with what was written, and their hash.
    agreed: u64,
    agreed_hash: crate::hash::Hashing<io::Sink>,
    new: Option<W>,
    create: C,
    scratch: Vec<u8>,
}

impl<W: Write, C: FnMut() -> io::Result<W>> UnlessSame<W, C> {
    pub fn new(old: File, create: C) -> Self {
        let agreed_hash = crate::hash::Hashing::new(io::sink());
        UnlessSame { old, agreed: 0, agreed_hash, new: None, create, scratch: Vec::new() }
    }

    /// The new file, when what was written differs from the old file; `None` when it holds
    /// the old file's bytes, all of them.
    pub fn finish(mut self) -> io::Result<Option<W>> {
        if self.new.is_none() && self.old.read(&mut [0u8; 1])? > 0 {
            // The old file goes on: the new one is its beginning.
            self.diverge()?;
        }
        match self.new {
            Some(mut new) => {
                new.flush()?;
                Ok(Some(new))
            }
            None => Ok(None),
        }
    }

    /// Makes the new file with the bytes that agreed so far, read again from the old file: if
    /// they are not the bytes compared (the file changed meanwhile), nothing is made of them.
    fn diverge(&mut self) -> io::Result<&mut W> {
        let mut new = crate::hash::Hashing::new((self.create)()?);
        self.old.rewind()?;
        let copied = io::copy(&mut (&mut self.old).take(self.agreed), &mut new)?;
        if copied != self.agreed || new.hash() != self.agreed_hash.hash() {
            return Err(io::Error::other("the output's file changed while this build compared it"));
        }
        Ok(self.new.insert(new.into_inner()))
    }
}

impl<W: Write, C: FnMut() -> io::Result<W>> Write for UnlessSame<W, C> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.new.is_none() {
            self.scratch.resize(bytes.len(), 0);
            let read = read_up_to(&mut self.old, &mut self.scratch)?;
            if read == bytes.len() && self.scratch == bytes {
                self.agreed += read as u64;
                self.agreed_hash.write_all(bytes)?;
                return Ok(bytes.len());
            }
            self.diverge()?;
        }
        let new = self.new.as_mut().expect("made above");
        new.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.new.as_mut().map_or(Ok(()), Write::flush)
    }
}

/// Reads until `buffer` is full or the file ends; returns how many bytes were read.
fn read_up_to(from: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match from.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Whether two files have the same permissions.
pub fn same_permissions(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.permissions() == b.permissions(),
        _ => false,
    }
}

/// Whether two files hold the same bytes, read a block at a time.
pub fn same_bytes(a: &Path, b: &Path) -> io::Result<bool> {
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut left, mut right) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let read = a.read(&mut left)?;
        if read == 0 {
            return Ok(b.read(&mut right[..1])? == 0);
        }
        b.read_exact(&mut right[..read])?;
        if left[..read] != right[..read] {
            return Ok(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `pieces` through an [`UnlessSame`] over a file holding `old`; returns what the
    /// new file holds, or `None` when none was made.
    fn through(old: &[u8], pieces: &[&[u8]]) -> Option<Vec<u8>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old");
        fs::write(&path, old).unwrap();
        let made = std::cell::Cell::new(0);
        let mut writer = UnlessSame::new(File::open(&path).unwrap(), || {
            made.set(made.get() + 1);
            Ok(Vec::new())
        });
        for piece in pieces {
            writer.write_all(piece).unwrap();
        }
        let new = writer.finish().unwrap();
        assert!(made.get() <= 1, "the new file is made once at most");
        new
    }

    /// The old file, the pieces written, and the new file made (`None`: none).
    type Case<'a> = (&'a [u8], &'a [&'a [u8]], Option<&'a [u8]>);

    #[test]
    fn only_a_difference_makes_a_file_and_it_holds_everything_written() {
        let cases: &[Case] = &[
            (b"abcdef", &[b"abc", b"def"], None),
            (b"abcdef", &[b"abcdef"], None),
            (b"", &[], None),
            (b"", &[b""], None),
            // Near misses: a byte changed, added or taken, at either end.
            (b"abcdef", &[b"abc", b"deg"], Some(b"abcdeg")),
            (b"abcdef", &[b"xbc", b"def"], Some(b"xbcdef")),
            (b"abcdef", &[b"abc", b"defg"], Some(b"abcdefg")),
            (b"abcdef", &[b"abc", b"de"], Some(b"abcde")),
            (b"abcdef", &[], Some(b"")),
            (b"", &[b"a"], Some(b"a")),
        ];
        for (old, pieces, expected) in cases {
            let got = through(old, pieces);
            assert_eq!(got.as_deref(), *expected, "old {old:?}, written {pieces:?}");
        }
    }

    #[test]
    fn a_symbolic_link_is_not_an_output_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("real"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link")).unwrap();
        assert!(open_plain(&dir.path().join("real")).is_some());
        assert!(open_plain(&dir.path().join("link")).is_none());
        assert!(open_plain(&dir.path().join("missing")).is_none());
        assert!(open_plain(dir.path()).is_none());
    }
}
