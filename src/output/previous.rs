//! The output before the last build, kept beside the output as `.NAME.previous` and taken as
//! the next build's staging folder.
//!
//! After a swap the replaced output is not removed but kept: most of its files are hard links
//! to files of the output, so bringing it up to date costs only what changed since, where
//! staging from an empty folder costs a link and a folder for every page, and removing the
//! replaced output as much again. Nothing in it is trusted: when it is taken, whatever is not a
//! plain file or folder is removed (a symbolic link could lead a write outside the output),
//! every file the build puts there is written anew or linked anew unless it is already the
//! output's very file (listed with the inode of the output's file, which the state's stamp
//! names and the output's file was checked against; the listing keeps to the folder's file
//! system, where an inode names one file), and
//! [`Reused::prune`] removes every file the build did not put there and every folder left
//! empty.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A previous output being made into a new build.
pub struct Reused {
    /// Files found in the folder when it was taken, by output-relative path, with their
    /// inode (0 where there is none), in path order.
    found_files: Vec<(String, u64)>,
    /// Folders found in it, deepest last.
    found_folders: Vec<PathBuf>,
    /// Output-relative paths this build put in the folder.
    put: Mutex<HashSet<String>>,
}

impl Reused {
    /// Lists the folder `dir` (taken as a staging folder), removing at once what is neither a
    /// plain file nor a folder, and names that are not UTF-8 (no build writes them).
    pub fn scan(dir: &Path) -> io::Result<Reused> {
        let mut found_files = Vec::new();
        let mut found_folders = Vec::new();
        // Not into another file system mounted inside: its inodes are not the output's.
        for entry in walkdir::WalkDir::new(dir).min_depth(1).same_file_system(true) {
            let entry = entry.map_err(io::Error::other)?;
            let kind = entry.file_type();
            let relative = entry.path().strip_prefix(dir).ok().and_then(Path::to_str).map(str::to_string);
            match relative {
                Some(_) if kind.is_dir() => found_folders.push(entry.into_path()),
                Some(path) if kind.is_file() => found_files.push((path, inode(&entry))),
                _ if kind.is_dir() => fs::remove_dir_all(entry.path())?,
                _ => fs::remove_file(entry.path())?,
            }
        }
        found_files.sort_unstable();
        Ok(Reused { found_files, found_folders, put: Mutex::new(HashSet::new()) })
    }

    /// Puts the file found at output-relative `path` when the folder was taken into the build,
    /// when it is the file with inode `inode` (the output's, on the same file system) and this
    /// build has not put one there since: told without looking at the disk again, the inode
    /// having come with the listing. Never for inode 0 (none known).
    pub fn put_if_found(&self, path: &str, inode: u64) -> bool {
        let found = inode != 0
            && self
                .found_files
                .binary_search_by(|(found, _)| found.as_str().cmp(path))
                .is_ok_and(|at| self.found_files[at].1 == inode);
        // A file this build wrote there took the place of the one found (see `put`).
        found && self.put.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string())
    }

    /// Notes that this build put a file at an output-relative path: noted before a file it
    /// keeps or writes is put there, so that what was found there is no longer taken for it.
    pub fn put(&self, path: &str) {
        self.put.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string());
    }

    /// Whether this build put a file at an output-relative path.
    pub fn has_put(&self, path: &str) -> bool {
        self.put.lock().unwrap_or_else(|e| e.into_inner()).contains(path)
    }

    /// Removes from `dir` every file found there that this build did not put, then every folder
    /// found there that is left empty, deepest first. A path found as a file may be a folder of
    /// this build now, and the other way round. The previous output's build state goes too: the
    /// build writes its own after.
    pub fn prune(self, dir: &Path) -> io::Result<()> {
        let put = self.put.into_inner().unwrap_or_else(|e| e.into_inner());
        // The folders of the files put, by output-relative path (paths are UTF-8, with `/`).
        let mut live: HashSet<&str> = HashSet::new();
        for path in &put {
            let mut folder = path.as_str();
            while let Some(cut) = folder.rfind('/') {
                folder = &folder[..cut];
                if !live.insert(folder) {
                    break;
                }
            }
        }
        let wanted = |path: &str| put.contains(path) || live.contains(path);
        for (path, _) in self.found_files.iter().filter(|(p, _)| !wanted(p)) {
            gone_already_or(fs::remove_file(dir.join(path)))?;
        }
        for folder in self.found_folders.iter().rev() {
            if !wanted(&crate::diag::display_path(dir, folder)) {
                gone_already_or(fs::remove_dir(folder))?;
            }
        }
        Ok(())
    }
}

/// The inode of a listed file, as the listing gave it (0 where files have none).
fn inode(entry: &walkdir::DirEntry) -> u64 {
    #[cfg(unix)]
    let inode = walkdir::DirEntryExt::ino(entry);
    #[cfg(not(unix))]
    let inode = {
        let _ = entry;
        0
    };
    inode
}

/// A removal that found nothing to remove (the path, or a folder on the way to it, is gone)
/// is not an error.
fn gone_already_or(removed: io::Result<()>) -> io::Result<()> {
    match removed {
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => Ok(()),
        other => other,
    }
}

/// Makes way for a new file at `path`: whatever is there, file or folder, is removed. A file
/// there may be a hard link to the output's file, so it is never written over in place.
pub fn make_way(path: &Path) -> io::Result<()> {
    let removed = match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound && path.symlink_metadata()?.is_dir() => {
            fs::remove_dir_all(path)
        }
        other => other,
    };
    gone_already_or(removed)
}

/// Removes files on the way to `path` (inside `dir`) that stand where a folder must be.
pub fn clear_folders_to(dir: &Path, path: &Path) -> io::Result<()> {
    let relative = path.strip_prefix(dir).map_err(io::Error::other)?;
    let mut at = dir.to_path_buf();
    for part in relative.components() {
        at.push(part);
        match at.symlink_metadata() {
            Ok(meta) if !meta.is_dir() => fs::remove_file(&at)?,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}
