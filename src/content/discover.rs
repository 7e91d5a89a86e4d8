//! Discovery: the notice files under `content/`, in a stable order.
//!
//! A folder holding `index.md` is a bundle: its other files are the notice's attachments.
//! Hidden files and editor temporaries are skipped; a symbolic link is followed only when it
//! stays inside the archive. Reading the files is the caller's.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Attachment, CONTENT_DIR};
use crate::diag::{Diagnostic, display_path};
use crate::msg;

/// A notice source found by discovery: its Markdown file and, for a bundle, its attachments.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceEntry {
    pub path: PathBuf,
    /// Size and modification time of the Markdown file when it was found.
    pub stamp: Stamp,
    pub attachments: Vec<Attachment>,
}

/// What tells that a file changed without reading it: its size, modification time and, where
/// there is one, its status change time, which no tool sets back (`touch -r`, `cp -p` and
/// archives set the modification time of a file they change to an older one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Nanoseconds since the Unix epoch; 0 where the system keeps no such time.
    pub changed: i128,
}

impl Stamp {
    /// The stamp of a file, or the default one when it cannot be read.
    pub fn of(path: &Path) -> Stamp {
        std::fs::metadata(path).map(|meta| Stamp::from_metadata(&meta)).unwrap_or_default()
    }

    pub fn from_metadata(meta: &std::fs::Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stamp { size: meta.len(), modified, changed: status_changed(meta) }
    }

    /// Whether the file was changed (written, or its status changed) at `since` or after.
    pub fn changed_since(&self, since: i128) -> bool {
        self.modified.max(self.changed) >= since
    }

    /// The time from which stamps taken now cannot be trusted by themselves: a file changed
    /// again within the same tick of the file system's clock (two seconds on the coarsest)
    /// keeps its stamp. Such a file is told by its bytes.
    pub fn untrusted_from_now() -> i128 {
        const TICK_NANOS: i128 = 2_000_000_000;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        now - TICK_NANOS
    }

    /// A stable hash that tells the versions of the file at `path` apart without reading it
    /// while its stamp can be trusted: its path and stamp, and its bytes too when the stamp is
    /// not trusted now (see [`Stamp::untrusted_from_now`]). For files copied as they are.
    pub fn version_of(path: &Path) -> u64 {
        Stamp::of(path).version_at(path, Stamp::untrusted_from_now())
    }

    /// The version of the file at `path` that has this stamp, its bytes read when the stamp
    /// was taken from `untrusted_from` on; see [`Stamp::version_of`].
    pub fn version_at(&self, path: &Path, untrusted_from: i128) -> u64 {
        self.version(path, untrusted_from, || std::fs::read(path).ok())
    }

    fn version(&self, path: &Path, untrusted_from: i128, bytes: impl FnOnce() -> Option<Vec<u8>>) -> u64 {
        let mut hash = crate::hash::Stable::new();
        hash.str(&path.to_string_lossy()).value(self);
        if self.changed_since(untrusted_from) {
            hash.u64(bytes().map_or(0, |bytes| crate::hash::bytes(&bytes)));
        }
        hash.finish()
    }
}

#[cfg(unix)]
fn status_changed(meta: &std::fs::Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
}

#[cfg(not(unix))]
fn status_changed(_: &std::fs::Metadata) -> i128 {
    0
}

/// Finds the notice files under `root/content`, in a stable order.
pub fn discover(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<SourceEntry> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error(CONTENT_DIR, 1, 1, msg!("no-content-folder"))
                .with_help(msg!("help-no-content-folder")),
        );
        return Vec::new();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&content).follow_links(false).sort_by_file_name();
    for entry in walker.into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(|p| display_path(root, p)).unwrap_or_else(|| CONTENT_DIR.into());
                diagnostics.push(Diagnostic::error(
                    path,
                    1,
                    1,
                    msg!(
                        "cannot-read",
                        kind = e.io_error().map_or("other", crate::message::io_kind),
                        error = e.to_string()
                    ),
                ));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        // `content/` itself may be a link, to a folder kept elsewhere: it is read where it leads.
        if entry.path_is_symlink() && entry.depth() > 0 {
            if linked_file(root, &canonical_root, &path, CONTENT_DIR, diagnostics).is_some() {
                files.push(path);
            }
        } else if entry.file_type().is_file() && !is_editor_temp(entry.file_name()) {
            files.push(path);
        }
    }
    group_bundles(files)
}

/// The file a symbolic link found in `folder` (`content`, `static`) leads to, when it is a
/// file of the archive (`canonical_root` is the archive root's real path); else `None`, and a
/// warning: for a link leading out of the archive or nowhere, and for one to a folder, which
/// is not walked (it could lead round in a circle) so that the files in it are not published.
pub fn linked_file(
    root: &Path,
    canonical_root: &Path,
    link: &Path,
    folder: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let message = match link.canonicalize() {
        Ok(target) if target.starts_with(canonical_root) && target.is_file() => return Some(target),
        Ok(target) if target.starts_with(canonical_root) => msg!("symlink-folder", folder = folder),
        Ok(_) => msg!("symlink-outside"),
        Err(e) => msg!("symlink-broken", kind = crate::message::io_kind(&e), error = e.to_string()),
    };
    diagnostics.push(Diagnostic::warning(display_path(root, link), 1, 1, message));
    None
}

/// A notice file: `.md` or `.markdown`, in any case (`TB-01.MD` saved on Windows).
fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') && n.len() > 1)
}

fn is_editor_temp(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.ends_with('~') || n.ends_with(".swp") || n.starts_with(".#"))
}

/// Folders holding `index.md` are bundles: their other files are attachments, not notices.
/// `files` come in the order of their paths but for a bundle's `index.md`, which may come after
/// its attachments; the entries are put in that order after. Each file's stamp is taken after,
/// on every core (at 100,000 notices, as many calls to the file system).
fn group_bundles(files: Vec<PathBuf>) -> Vec<SourceEntry> {
    let bundle_dirs: HashSet<&Path> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent())
        .collect();
    let mut entries: Vec<SourceEntry> = Vec::with_capacity(files.len());
    // Where each bundle's entry is in `entries`, by the path of its `index.md`.
    let mut bundles: HashMap<PathBuf, usize> = HashMap::new();
    for file in &files {
        // The innermost bundle the file is in (hashing a path reads its parts: with no
        // bundles, as in most archives, none is looked up).
        let bundle = if bundle_dirs.is_empty() {
            None
        } else {
            file.ancestors().skip(1).find(|dir| bundle_dirs.contains(dir))
        };
        match bundle {
            Some(dir) => {
                let index = dir.join("index.md");
                let slot = *bundles.entry(index.clone()).or_insert_with(|| {
                    entries.push(SourceEntry::new(index.clone()));
                    entries.len() - 1
                });
                if *file != index {
                    let name = display_path(dir, file);
                    let attachment =
                        Attachment { source: file.clone(), name, size: 0, stamp: Stamp::default() };
                    entries[slot].attachments.push(attachment);
                }
            }
            None if is_markdown(file) => entries.push(SourceEntry::new(file.clone())),
            None => {}
        }
    }
    // In order already but for bundles: the sort, adaptive, costs about one pass.
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries.par_iter_mut().for_each(|entry| {
        entry.stamp = Stamp::of(&entry.path);
        for attachment in &mut entry.attachments {
            attachment.stamp = Stamp::of(&attachment.source);
            attachment.size = attachment.stamp.size;
        }
    });
    entries
}

impl SourceEntry {
    /// A source whose stamp is yet to be taken.
    fn new(path: PathBuf) -> SourceEntry {
        SourceEntry { stamp: Stamp::default(), path, attachments: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_untrusted_when_either_of_its_times_is_at_or_after_the_threshold() {
        let stamp = |modified, changed| Stamp { size: 10, modified, changed };
        let cases = [
            (stamp(100, 100), 101, false),
            (stamp(100, 100), 100, true),
            (stamp(50, 120), 100, true),
            (stamp(120, 50), 100, true),
            (stamp(99, 99), 100, false),
            // Where the system keeps no status change time.
            (stamp(99, 0), 100, false),
        ];
        for (stamp, since, untrusted) in cases {
            assert_eq!(stamp.changed_since(since), untrusted, "{stamp:?} since {since}");
        }
        let now = Stamp::untrusted_from_now();
        let file = tempfile::NamedTempFile::new().unwrap();
        assert!(Stamp::of(file.path()).changed_since(now), "a file written now is not trusted by its stamp");
    }

    #[test]
    fn a_version_holds_the_bytes_only_while_the_stamp_is_not_trusted() {
        let path = Path::new("static/a.css");
        let stamp = Stamp { size: 4, modified: 100, changed: 100 };
        let version = |stamp: Stamp, since, bytes: &[u8]| stamp.version(path, since, || Some(bytes.to_vec()));
        // Trusted: the stamp tells, the bytes are not read.
        assert_eq!(version(stamp, 101, b"aaaa"), version(stamp, 101, b"bbbb"));
        assert_eq!(stamp.version(path, 101, || panic!("read")), version(stamp, 101, b"aaaa"));
        // Not trusted: two versions within one tick, same stamp, told apart by their bytes.
        assert_ne!(version(stamp, 100, b"aaaa"), version(stamp, 100, b"bbbb"));
        assert_eq!(version(stamp, 100, b"aaaa"), version(stamp, 100, b"aaaa"));
        // Once trusted, it differs from what it was while not: the next build compares bytes.
        assert_ne!(version(stamp, 100, b"aaaa"), version(stamp, 101, b"aaaa"));
        // Another path or stamp is another version.
        assert_ne!(version(stamp, 101, b"aaaa"), Stamp { size: 5, ..stamp }.version(path, 101, || None));
        assert_ne!(stamp.version(Path::new("static/b.css"), 101, || None), version(stamp, 101, b"aaaa"));
    }

    #[test]
    fn a_file_belongs_to_the_innermost_bundle_around_it_and_every_stamp_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join(CONTENT_DIR);
        let files = [
            ("2024/a.md", "a"),
            ("2024/b.txt", "not a notice"),
            ("2024/TB-01.MD", "saved on Windows"),
            ("2024/c.markdown", "another way to name Markdown"),
            ("2024/d.mdx", "not Markdown"),
            ("2024/md", "no extension"),
            ("2024/ke-hoach/index.md", "bundle"),
            ("2024/ke-hoach/phu-luc.pdf", "annex"),
            ("2024/ke-hoach/bang/so-lieu.csv", "1,2"),
            ("2024/ke-hoach/con/index.md", "inner bundle"),
            ("2024/ke-hoach/con/anh.png", "image"),
            ("2024/ke-hoach-khac/note.md", "loose, beside a bundle of a similar name"),
        ];
        for (path, text) in files {
            let path = content.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let mut problems = Vec::new();
        let found = discover(dir.path(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let summary: Vec<(String, Vec<String>)> = found
            .iter()
            .map(|e| {
                (display_path(&content, &e.path), e.attachments.iter().map(|a| a.name.clone()).collect())
            })
            .collect();
        let expected = [
            ("2024/TB-01.MD", vec![]),
            ("2024/a.md", vec![]),
            ("2024/c.markdown", vec![]),
            ("2024/ke-hoach/con/index.md", vec!["anh.png"]),
            ("2024/ke-hoach/index.md", vec!["bang/so-lieu.csv", "phu-luc.pdf"]),
            ("2024/ke-hoach-khac/note.md", vec![]),
        ];
        let expected: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(p, a)| (p.to_string(), a.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(summary, expected);
        for entry in &found {
            assert_eq!(entry.stamp.size, std::fs::metadata(&entry.path).unwrap().len(), "{:?}", entry.path);
            assert_ne!(entry.stamp.modified, 0);
            for attachment in &entry.attachments {
                let size = std::fs::metadata(&attachment.source).unwrap().len();
                assert_eq!((attachment.size, attachment.stamp.size), (size, size), "{}", attachment.name);
            }
        }
    }
}
