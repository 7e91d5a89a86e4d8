//! What a build remembers for the next one: every notice as it was read, and every file it
//! wrote with the fingerprint it was made from.
//!
//! A notice is reused while its file keeps its stamp (see [`Stamp`](crate::content::Stamp)), taken
//! early enough to be trusted; an output file is
//! kept while its fingerprint does not move and the file on disk is the one that was written
//! (same size, modification time and inode). Everything here is data: keeping it on disk, and
//! refusing a state that does not belong to this Gazette or this output, is `output`'s.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::plan::KeptFingerprints;
use super::search::SearchState;
use super::{Cached, ReadCache};
use crate::archive::indexes::KeptIndexes;
use crate::archive::{CitationStats, KeptLinks};
use crate::content::{Notice, SourceEntry};
use crate::diag::Diagnostic;

/// Everything a build remembers.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildState {
    /// The digest of what the build was made of; see [`Inputs::digest`](super::Inputs::digest).
    pub inputs: u64,
    /// What the build reported.
    pub outcome: Outcome,
    /// Every notice file as the build found it, in path order.
    pub notice_files: Vec<NoticeFile>,
    /// From when the stamps it keeps are not trusted by themselves (see
    /// [`Stamp::untrusted_from_now`](crate::content::Stamp::untrusted_from_now)).
    pub untrusted_from: i128,
    /// What reading a notice depends on besides its file; see [`content::read_key`](crate::content::read_key).
    pub read_key: u64,
    pub sources: Vec<SourceState>,
    pub files: Vec<FileState>,
    /// The folders of the output that hold its files, stamped once they were written.
    pub folders: FolderStamps,
    /// The output this build replaced, as the state it was built with described it, when that
    /// state found every file of it as written.
    pub replaced: Option<OutputListing>,
    /// Each notice's own links, as linking found them.
    pub links: Option<KeptLinks>,
    pub search: Option<SearchState>,
    /// The indexes, for a build whose notices are indexed by the same values.
    pub indexes: Option<KeptIndexes>,
    /// Of a state read back: the names of the pieces it was read from (see `output::state`),
    /// found whole in the output, which a build saving the same piece links rather than writes.
    #[serde(skip)]
    pub pieces_read: std::collections::HashSet<u64>,
}

/// What a build reported, said again by a build that finds nothing changed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub notices: usize,
    pub drafts_skipped: usize,
    pub pages: usize,
    pub citations: CitationStats,
    /// Its warnings, in order (a build with errors leaves no state).
    pub diagnostics: Vec<Diagnostic>,
    /// The first day after the build's on which a notice's dates could start or stop
    /// contradicting its status: from then on, its warnings may no longer be the same.
    pub status_day: Option<jiff::civil::Date>,
    /// The day it was built as of (see [`crate::content::today`]).
    pub day: Option<jiff::civil::Date>,
}

impl Outcome {
    /// Whether the warnings of the build still hold today, as far as the day goes.
    pub fn holds_today(&self) -> bool {
        self.status_day.is_none_or(|day| crate::content::today() < day)
    }
}

/// A notice file as a build found it: its stamp, and the hash of the bytes its notice was read
/// from (none when it gave no notice), which tells a file saved again unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeFile {
    pub path: std::path::PathBuf,
    pub stamp: crate::content::Stamp,
    pub hash: Option<u64>,
}

impl NoticeFile {
    /// Whether `sources` are the notice files `before` (in path order) a build found: each with
    /// the stamp it had, or with the bytes its notice was read from (a file saved again
    /// unchanged, or checked out anew: its bytes are read to tell). A stamp taken from
    /// `untrusted_from` on is not trusted: the bytes tell. Attachments are not looked at here.
    pub fn all_unchanged(before: &[NoticeFile], sources: &[SourceEntry], untrusted_from: i128) -> bool {
        use rayon::prelude::*;
        before.len() == sources.len()
            && before.par_iter().zip(sources.par_iter()).all(|(was, source)| {
                was.path == source.path
                    && ((was.stamp == source.stamp && !was.stamp.changed_since(untrusted_from))
                        || was.hash.is_some_and(|hash| {
                            std::fs::read(&source.path).is_ok_and(|bytes| crate::hash::bytes(&bytes) == hash)
                        }))
            })
    }

    /// `before` with the stamps `sources` have now, when it is worth writing a state of
    /// `state_size` bytes again to keep them: when the files read again by every build until
    /// their stamps are kept (those whose stamp moved, and those whose stamp was not trusted
    /// from `untrusted_before` on and would be from `untrusted_now` on) come to a quarter of
    /// it. See [`Self::all_unchanged`].
    pub fn restamped(
        before: &[NoticeFile],
        sources: &[SourceEntry],
        state_size: u64,
        (untrusted_before, untrusted_now): (i128, i128),
    ) -> Option<Vec<NoticeFile>> {
        let read_again = |was: &NoticeFile, source: &SourceEntry| {
            was.stamp != source.stamp
                || (was.stamp.changed_since(untrusted_before) && !source.stamp.changed_since(untrusted_now))
        };
        let moved: u64 = before
            .iter()
            .zip(sources)
            .filter(|(was, source)| read_again(was, source))
            .map(|(_, source)| source.stamp.size)
            .sum();
        worth_restamping(moved, state_size).then(|| {
            before
                .iter()
                .zip(sources)
                .map(|(was, source)| NoticeFile { stamp: source.stamp, ..was.clone() })
                .collect()
        })
    }

    /// The notice files of `sources` (in path order, as a state keeps them).
    pub fn all_of(sources: &[SourceState]) -> Vec<NoticeFile> {
        sources
            .iter()
            .map(|s| NoticeFile {
                path: s.source.path.clone(),
                stamp: s.source.stamp,
                hash: s.notice.as_ref().map(|notice| notice.source_hash),
            })
            .collect()
    }
}

/// Whether notice files of `moved` bytes, read again by every build while their new stamps
/// are not kept, cost enough to write the state (of `state_size` bytes) again.
fn worth_restamping(moved: u64, state_size: u64) -> bool {
    moved > 0 && moved.saturating_mul(4) >= state_size
}

/// A notice file as it was read: the notice (without its body's HTML) and its problems.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceState {
    pub source: SourceEntry,
    pub notice: Option<Arc<Notice>>,
    pub problems: Vec<Diagnostic>,
    pub broken: Option<String>,
    pub draft: bool,
}

/// A file of the output as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub path: String,
    /// What the file was made from; see `plan`.
    pub fingerprint: u64,
    /// For a notice page, the key its fingerprint was made under; else 0 (see `plan`).
    pub key: u64,
    /// The hash of its bytes, or of its source's stamp for a file copied as it is.
    pub hash: u64,
    pub stamp: FileStamp,
}

/// What tells that a file in the output is still the one that was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: i128,
    pub inode: u64,
}

/// The stamps of an output's folders (those that hold the files a build wrote), taken when
/// the build had written them: a folder that keeps its stamp holds what the build left there,
/// since adding, removing or renaming an entry changes a folder's times. Taking and checking
/// them is `output`'s.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderStamps {
    /// By output-relative path, in path order.
    pub folders: Vec<(String, FolderStamp)>,
    /// From when the stamps are not trusted by themselves: a folder changed within the same
    /// tick of the file system's clock keeps its stamp.
    pub untrusted_from: i128,
}

/// What tells that a folder still holds the entries it held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderStamp {
    pub stamp: crate::content::Stamp,
    pub inode: u64,
    /// The file system it is on (0 where there is no such number): a file system mounted on
    /// a folder since is not that folder.
    pub device: u64,
}

impl FolderStamp {
    /// The stamp of the folder at `path` (not following a symbolic link); `None` for anything
    /// else or nothing.
    pub fn of_folder(path: &std::path::Path) -> Option<FolderStamp> {
        let meta = std::fs::symlink_metadata(path).ok().filter(std::fs::Metadata::is_dir)?;
        let FileStamp { inode, .. } = FileStamp::from_metadata(&meta);
        #[cfg(unix)]
        let device = std::os::unix::fs::MetadataExt::dev(&meta);
        #[cfg(not(unix))]
        let device = 0;
        Some(FolderStamp { stamp: crate::content::Stamp::from_metadata(&meta), inode, device })
    }
}

/// An output as the state of the build that wrote it describes it: its files by path with
/// their inodes, and its folders' stamps. Kept for the output a build replaces, which the next
/// build takes as its staging folder: where a folder keeps its stamp, its files are known
/// without listing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputListing {
    /// By output-relative path, with the inode each was written as (0 where there is none).
    pub files: Vec<(String, u64)>,
    pub folders: FolderStamps,
}

impl FileStamp {
    pub fn from_metadata(meta: &std::fs::Metadata) -> FileStamp {
        let crate::content::Stamp { size, modified, .. } = crate::content::Stamp::from_metadata(meta);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        FileStamp { size, modified, inode }
    }

    /// The stamp of the plain file at `path` (not following a symbolic link); `None` for
    /// anything else or nothing.
    pub fn of_file(path: &std::path::Path) -> Option<FileStamp> {
        std::fs::symlink_metadata(path)
            .ok()
            .filter(|meta| meta.is_file())
            .map(|meta| FileStamp::from_metadata(&meta))
    }
}

impl BuildState {
    /// The notices it remembers, to reuse while their files are unchanged (their bodies' HTML
    /// is read again when a page needs it).
    pub fn take_read_cache(&mut self) -> ReadCache {
        let files = std::mem::take(&mut self.sources)
            .into_iter()
            .map(|s| Cached {
                parsed: s.notice.map(|notice| (notice, super::StoredBody::NotRead)),
                source: s.source,
                problems: s.problems,
                broken: s.broken,
                broken_links: None,
                draft: s.draft,
            })
            .collect();
        ReadCache::new(files, self.read_key, self.untrusted_from)
    }

    /// The files it wrote, by output path.
    pub fn files_by_path(&self) -> FxHashMap<&str, &FileState> {
        self.files.iter().map(|f| (f.path.as_str(), f)).collect()
    }

    /// The notice pages' fingerprints, by path, with the keys they were made under.
    pub fn kept_fingerprints(&self) -> KeptFingerprints<'_> {
        super::plan::kept_fingerprints(self.files.iter().map(|f| (f.path.as_str(), f.key, f.fingerprint)))
    }
}

impl ReadCache {
    /// What a build remembers of the notices it read, in path order: the order they were
    /// found in, sorted again only if it is not (a path compares a part at a time, and a
    /// hundred thousand take a while).
    pub fn into_sources(self) -> Vec<SourceState> {
        let mut sources: Vec<SourceState> = self.files.into_iter().map(source_state).collect();
        if !sources.is_sorted_by(|a, b| a.source.path <= b.source.path) {
            sources.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        }
        sources
    }
}

fn source_state(cached: Cached) -> SourceState {
    SourceState {
        source: cached.source,
        notice: cached.parsed.map(|(notice, _)| notice),
        problems: cached.problems,
        broken: cached.broken,
        draft: cached.draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_taken_too_late_to_trust_is_checked_by_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let source = crate::content::SourceEntry {
            path: path.clone(),
            stamp: crate::content::Stamp::of(&path),
            attachments: Vec::new(),
        };
        let file = |hash| NoticeFile { path: path.clone(), stamp: source.stamp, hash: Some(hash) };
        let (same, other) = (crate::hash::bytes(b"one"), crate::hash::bytes(b"two"));
        let sources = std::slice::from_ref(&source);
        // A trusted stamp is enough; an untrusted one is not, and the bytes tell.
        assert!(NoticeFile::all_unchanged(&[file(other)], sources, i128::MAX));
        assert!(!NoticeFile::all_unchanged(&[file(other)], sources, i128::MIN));
        assert!(NoticeFile::all_unchanged(&[file(same)], sources, i128::MIN));
    }

    #[test]
    fn a_stamp_that_was_not_trusted_and_now_would_be_is_worth_keeping() {
        let stamp = crate::content::Stamp { size: 100, modified: 50, changed: 50 };
        let source = crate::content::SourceEntry { path: "a.md".into(), stamp, attachments: Vec::new() };
        let before = [NoticeFile { path: "a.md".into(), stamp, hash: Some(1) }];
        let sources = std::slice::from_ref(&source);
        // (untrusted from, at the last build and now) and whether the state is written again.
        let cases = [((40, 60), true), ((40, 45), false), ((60, 70), false)];
        for (untrusted, written) in cases {
            assert_eq!(
                NoticeFile::restamped(&before, sources, 100, untrusted).is_some(),
                written,
                "{untrusted:?}"
            );
        }
    }

    #[test]
    fn a_state_is_written_again_only_for_files_worth_it() {
        let mb = 1 << 20;
        let cases = [
            (0, 350 * mb, false),
            (13 * 1024, 350 * mb, false),
            (87 * mb, 350 * mb, false),
            (88 * mb, 350 * mb, true),
            (1300 * mb, 350 * mb, true),
            (1, 4, true),
            (u64::MAX, 350 * mb, true),
        ];
        for (moved, state_size, worth) in cases {
            assert_eq!(worth_restamping(moved, state_size), worth, "{moved} of {state_size}");
        }
    }
}
