//! What in an output is Gazette's: the marker that proves a folder was made by it, the
//! folders that hold it (or nothing yet), and removing such a folder and nothing else. Where
//! the folders are and when they are made, swapped or removed is the output module's.

use std::fs;
use std::io;
use std::path::Path;

use anyhow::Result;

use super::{KEEP_FILE, MARKER};
use crate::message::Said as _;
use crate::{fail, msg};

pub(super) fn marker_text() -> String {
    format!(
        "This folder was written by Gazette {}. Every build replaces it whole.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where the marker is written before it is moved into place.
pub(super) fn marker_being_written() -> String {
    format!("{MARKER}.new")
}

/// Whether `dir` holds Gazette's marker file.
pub(super) fn is_own(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

/// Whether `path` is a folder itself, not a symbolic link to one.
pub(super) fn is_real_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir())
}

/// Whether `dir` holds Gazette's marker, or no file but a version-control keep file and the
/// marker being written: a build stopped before its marker was in place leaves at most that,
/// which loses nothing.
pub(super) fn is_own_or_empty(dir: &Path) -> Result<bool> {
    if is_own(dir) {
        return Ok(true);
    }
    let marker_being_written = dir.join(marker_being_written());
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.said(|| msg!("io-cannot-read", path = dir.display().to_string()))?;
        let keep_file = entry.depth() == 1 && entry.file_name() == KEEP_FILE;
        let ours = keep_file || entry.path() == marker_being_written;
        if !entry.file_type().is_dir() && !ours {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Removes a folder Gazette made; anything else is left alone and reported.
pub(super) fn remove_own(dir: &Path) -> Result<()> {
    if !is_own_or_empty(dir)? {
        fail!(msg!("output-not-own", path = dir.display().to_string()));
    }
    remove_tree(dir).said(|| msg!("io-cannot-remove", path = dir.display().to_string()))
}

/// Removes a folder and everything in it: the files on all threads, Gazette's marker last, then
/// the folders, deepest first. A build's old output has a folder for every page, and removing
/// it one file at a time is a good part of an incremental build. Stopped at any instant, it
/// leaves a folder that still holds its marker or holds no file, which the next build removes.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let marker = dir.join(MARKER);
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            folders.push((entry.depth(), entry.into_path()));
        } else if entry.path() != marker {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(fs::remove_file)?;
    match fs::remove_file(&marker) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    folders.sort_by_key(|(depth, _)| std::cmp::Reverse(*depth));
    for (_, folder) in folders {
        fs::remove_dir(folder)?;
    }
    Ok(())
}
