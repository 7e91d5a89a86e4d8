//! A disk found full while a build writes. The first write that fails for want of space (or
//! of quota) marks the disk full; every write after it is refused at once, without rendering
//! what it would have written, and the build stops with one error that says so rather than one
//! for each file. Which writes there are, and where, is [`Staging`](super::Staging)'s.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::message::Failure;
use crate::msg;

/// Whether the disk a build writes to was found full.
#[derive(Debug, Default)]
pub struct Space {
    full: AtomicBool,
}

impl Space {
    /// Runs `write` unless the disk was found full; a write that fails for want of space marks
    /// it full.
    pub fn guard<T>(&self, write: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
        if self.is_full() {
            return Err(io::Error::from(io::ErrorKind::StorageFull).into());
        }
        let result = write();
        if let Err(error) = &result
            && is_out_of_space(error)
        {
            self.mark_full();
        }
        result
    }

    pub fn is_full(&self) -> bool {
        self.full.load(Ordering::Relaxed)
    }

    /// Marks the disk full.
    pub fn mark_full(&self) {
        self.full.store(true, Ordering::Relaxed);
    }

    /// `inner`, marking the disk full when one of its writes fails for want of space, whatever
    /// the caller then makes of the error (a page's renderer reports it as its own).
    pub fn watch<W: Write>(&self, inner: W) -> Watched<'_, W> {
        Watched { inner, space: self }
    }

    fn noted<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if let Err(error) = &result
            && is_no_space(error)
        {
            self.mark_full();
        }
        result
    }
}

/// A writer watched for a full disk; see [`Space::watch`].
pub struct Watched<'a, W> {
    inner: W,
    space: &'a Space,
}

impl<W: Write> Write for Watched<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.space.noted(self.inner.write(bytes))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.space.noted(self.inner.flush())
    }
}

/// The error of a build that ran out of disk space, said once rather than for each file it
/// could not write: the output `output` is as it was.
pub fn disk_full(output: &Path) -> anyhow::Error {
    let path = output.display().to_string();
    Failure::with_help(msg!("disk-full", path = &path), msg!("disk-full-help")).into()
}

/// [`disk_full`] for an error that comes of a full disk; any other error as it is.
pub fn said_once(error: anyhow::Error, output: &Path) -> anyhow::Error {
    if is_out_of_space(&error) { disk_full(output) } else { error }
}

/// Whether an error, or one of its causes, is a disk with no space or a quota used up.
pub fn is_out_of_space(error: &anyhow::Error) -> bool {
    error.chain().filter_map(|cause| cause.downcast_ref::<io::Error>()).any(is_no_space)
}

fn is_no_space(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    fn failing(kind: io::ErrorKind) -> anyhow::Result<()> {
        Err(io::Error::from(kind)).context("cannot write out/a.html")
    }

    #[test]
    fn only_a_want_of_space_marks_the_disk_full() {
        for (kind, full) in [
            (io::ErrorKind::StorageFull, true),
            (io::ErrorKind::QuotaExceeded, true),
            // Near misses: failures of one file, not of the disk.
            (io::ErrorKind::PermissionDenied, false),
            (io::ErrorKind::FileTooLarge, false),
            (io::ErrorKind::NotFound, false),
            (io::ErrorKind::Other, false),
        ] {
            let space = Space::default();
            assert!(space.guard(|| failing(kind)).is_err());
            assert_eq!(space.is_full(), full, "{kind:?}");
        }
    }

    #[test]
    fn once_full_every_write_is_refused_without_being_tried() {
        let space = Space::default();
        assert_eq!(space.guard(|| Ok(1)).unwrap(), 1);
        assert!(space.guard(|| failing(io::ErrorKind::StorageFull)).is_err());
        let mut tried = false;
        let refused = space.guard(|| {
            tried = true;
            Ok(2)
        });
        assert!(!tried);
        assert!(is_out_of_space(&refused.unwrap_err()));
    }

    /// A writer that fails as a full disk does.
    struct FullDisk;

    impl Write for FullDisk {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_watched_writer_marks_the_disk_full_whatever_becomes_of_its_error() {
        let space = Space::default();
        let mut out = io::BufWriter::new(space.watch(FullDisk));
        // The error, as a renderer reports it: its kind is gone.
        let said = out.write_all(&[b'x'; 100_000]).map_err(|e| io::Error::other(e.to_string()));
        assert!(said.is_err());
        assert!(space.is_full());
        let space = Space::default();
        assert!(space.watch(io::sink()).write_all(b"fits").is_ok());
        assert!(!space.is_full());
    }

    #[test]
    fn the_cause_is_found_under_the_context() {
        let error = failing(io::ErrorKind::StorageFull).unwrap_err();
        assert!(is_out_of_space(&error.context("building")));
        assert!(!is_out_of_space(&anyhow::anyhow!("no space left on device")));
    }
}
