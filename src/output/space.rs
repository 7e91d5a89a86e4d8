//! A disk found full while a build writes. The first write that fails for want of space (or
//! of quota) marks the disk full; every write after it is refused at once, without rendering
//! what it would have written, and the build stops with one error that says so rather than one
//! for each file. Which writes there are, and where, is [`Staging`](super::Staging)'s.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

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
            self.full.store(true, Ordering::Relaxed);
        }
        result
    }

    pub fn is_full(&self) -> bool {
        self.full.load(Ordering::Relaxed)
    }
}

/// Whether an error, or one of its causes, is a disk with no space or a quota used up.
pub fn is_out_of_space(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|e| matches!(e.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded))
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

    #[test]
    fn the_cause_is_found_under_the_context() {
        let error = failing(io::ErrorKind::StorageFull).unwrap_err();
        assert!(is_out_of_space(&error.context("building")));
        assert!(!is_out_of_space(&anyhow::anyhow!("no space left on device")));
    }
}
