//! Discovery: the notice files under `content/`, in a stable order.
//!
//! A folder holding `index.md` is a bundle: its other files are the notice's attachments.
//! Hidden files and editor temporaries are skipped; a symbolic link is followed only when it
//! stays inside the archive. Reading the files is the caller's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// What tells that a file changed without reading it: its size and modification time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: i128,
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
        Stamp { size: meta.len(), modified }
    }
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
                diagnostics.push(Diagnostic::error(path, 1, 1, msg!("cannot-read", error = e.to_string())));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => files.push(path),
                Ok(target) if target.starts_with(&canonical_root) => {}
                Ok(_) => diagnostics.push(Diagnostic::warning(
                    display_path(root, &path),
                    1,
                    1,
                    msg!("symlink-outside"),
                )),
                Err(e) => diagnostics.push(Diagnostic::warning(
                    display_path(root, &path),
                    1,
                    1,
                    msg!("symlink-broken", error = e.to_string()),
                )),
            }
        } else if entry.file_type().is_file() && !is_editor_temp(entry.file_name()) {
            files.push(path);
        }
    }
    group_bundles(files)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') && n.len() > 1)
}

fn is_editor_temp(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.ends_with('~') || n.ends_with(".swp") || n.starts_with(".#"))
}

/// Folders holding `index.md` are bundles: their other files are attachments, not notices.
fn group_bundles(files: Vec<PathBuf>) -> Vec<SourceEntry> {
    let bundle_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let mut entries: BTreeMap<PathBuf, SourceEntry> = BTreeMap::new();
    let mut loose = Vec::new();
    for file in files {
        let bundle =
            bundle_dirs.iter().filter(|dir| file.starts_with(dir)).max_by_key(|dir| dir.components().count());
        match bundle {
            Some(dir) if file != dir.join("index.md") => {
                let name = display_path(dir, &file);
                let stamp = Stamp::of(&file);
                let index = dir.join("index.md");
                entries
                    .entry(index.clone())
                    .or_insert_with(|| SourceEntry::new(index))
                    .attachments
                    .push(Attachment { source: file, name, size: stamp.size, stamp });
            }
            Some(_) => {
                entries.entry(file.clone()).or_insert_with(|| SourceEntry::new(file));
            }
            None if file.extension().is_some_and(|e| e == "md") => loose.push(file),
            None => {}
        }
    }
    entries.extend(loose.into_iter().map(|p| (p.clone(), SourceEntry::new(p))));
    entries.into_values().collect()
}

impl SourceEntry {
    fn new(path: PathBuf) -> SourceEntry {
        SourceEntry { stamp: Stamp::of(&path), path, attachments: Vec::new() }
    }
}
