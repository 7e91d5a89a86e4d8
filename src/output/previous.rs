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

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::FxHashSet;

/// A previous output being made into a new build.
pub struct Reused {
    /// Files found in the folder when it was taken, by output-relative path, with their
    /// inode (0 where there is none), in path order.
    found_files: Vec<(String, u64)>,
    /// By found file: whether this build put a file at its path (kept, linked or written).
    put_found: Vec<AtomicBool>,
    /// Folders found in it, by output-relative path, each after the folder holding it.
    found_folders: Vec<String>,
    /// Output-relative paths this build put in the folder where no file was found.
    put_new: Mutex<FxHashSet<String>>,
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
            let relative = entry.path().strip_prefix(dir).ok().and_then(Path::to_str).map(relative_path);
            match relative {
                Some(path) if kind.is_dir() => found_folders.push(path),
                Some(path) if kind.is_file() => found_files.push((path, inode(&entry))),
                _ if kind.is_dir() => fs::remove_dir_all(entry.path())?,
                _ => fs::remove_file(entry.path())?,
            }
        }
        found_files.sort_unstable();
        let put_found = found_files.iter().map(|_| AtomicBool::new(false)).collect();
        Ok(Reused { found_files, put_found, found_folders, put_new: Mutex::default() })
    }

    /// Where the file found at output-relative `path` stands in the listing, in path order.
    fn found_at(&self, path: &str) -> Option<usize> {
        self.found_files.binary_search_by(|(found, _)| found.as_str().cmp(path)).ok()
    }

    /// Puts the file found at output-relative `path` when the folder was taken into the build,
    /// when it is the file with inode `inode` (the output's, on the same file system) and this
    /// build has not put one there since: told without looking at the disk again, the inode
    /// having come with the listing. Never for inode 0 (none known).
    pub fn put_if_found(&self, path: &str, inode: u64) -> bool {
        let Some(at) = self.found_at(path).filter(|&at| inode != 0 && self.found_files[at].1 == inode) else {
            return false;
        };
        // A file this build wrote there took the place of the one found (see `put`).
        !self.put_found[at].swap(true, Ordering::Relaxed)
    }

    /// Notes that this build put a file at an output-relative path: noted before a file it
    /// keeps or writes is put there, so that what was found there is no longer taken for it.
    pub fn put(&self, path: &str) {
        match self.found_at(path) {
            Some(at) => self.put_found[at].store(true, Ordering::Relaxed),
            None => {
                self.put_new.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string());
            }
        }
    }

    /// Whether this build put a file at an output-relative path.
    pub fn has_put(&self, path: &str) -> bool {
        match self.found_at(path) {
            Some(at) => self.put_found[at].load(Ordering::Relaxed),
            None => self.put_new.lock().unwrap_or_else(|e| e.into_inner()).contains(path),
        }
    }

    /// Removes from `dir` every file found there that this build did not put, then every folder
    /// found there that is left empty, deepest first. A path found as a file may be a folder of
    /// this build now, and the other way round. The previous output's build state goes too: the
    /// build writes its own after.
    pub fn prune(self, dir: &Path) -> io::Result<()> {
        let Reused { found_files, put_found, found_folders, put_new } = self;
        let put_new = put_new.into_inner().unwrap_or_else(|e| e.into_inner());
        let is_put = |at: usize| put_found[at].load(Ordering::Relaxed);
        let put = (0..found_files.len()).filter(|&at| is_put(at)).map(|at| found_files[at].0.as_str());
        // The folders of the files put, by output-relative path (paths are UTF-8, with `/`).
        let mut live: FxHashSet<&str> = FxHashSet::default();
        for path in put.chain(put_new.iter().map(String::as_str)) {
            let mut folder = path;
            while let Some(cut) = folder.rfind('/') {
                folder = &folder[..cut];
                if !live.insert(folder) {
                    break;
                }
            }
        }
        // A file found that was not put may be where a folder of this build now is.
        for (at, (path, _)) in found_files.iter().enumerate() {
            if !is_put(at) && !live.contains(path.as_str()) {
                gone_already_or(fs::remove_file(dir.join(path)))?;
            }
        }
        // A folder found may be where a file of this build now is (one the listing did not
        // have, so in `put_new`).
        let wanted = |path: &str| live.contains(path) || put_new.contains(path);
        for folder in found_folders.iter().rev() {
            if !wanted(folder) {
                gone_already_or(fs::remove_dir(dir.join(folder)))?;
            }
        }
        Ok(())
    }
}

/// An output-relative path as the build names files: its parts joined with `/`.
fn relative_path(path: &str) -> String {
    if std::path::MAIN_SEPARATOR == '/' {
        path.to_string()
    } else {
        path.replace(std::path::MAIN_SEPARATOR, "/")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn files_under(dir: &Path) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|entry| entry.unwrap())
            .map(|entry| {
                let kind = if entry.file_type().is_dir() { "/" } else { "" };
                format!("{}{kind}", entry.path().strip_prefix(dir).unwrap().to_str().unwrap())
            })
            .collect();
        files.sort();
        files
    }

    fn inode_of(path: &Path) -> u64 {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap());
        #[cfg(not(unix))]
        let inode = 0;
        inode
    }

    #[test]
    fn tidying_keeps_what_the_build_put_and_removes_the_rest_deepest_first() {
        let dir = tempfile::tempdir().unwrap();
        let at = |path: &str| dir.path().join(path);
        for folder in ["a/b", "gone/deep", "was-folder/inner", "kept"] {
            fs::create_dir_all(at(folder)).unwrap();
        }
        for file in [
            "a/b/index.html",
            "a/old.html",
            "gone/deep/index.html",
            "was-folder/inner/x.html",
            "was-file",
            "kept/f",
        ] {
            fs::write(at(file), file).unwrap();
        }
        let reused = Reused::scan(dir.path()).unwrap();
        // Kept as found (its inode), or not: a wrong inode is not the file.
        assert!(reused.put_if_found("a/b/index.html", inode_of(&at("a/b/index.html"))) || cfg!(not(unix)));
        assert!(!reused.put_if_found("kept/f", inode_of(&at("kept/f")).wrapping_add(1)));
        assert!(!reused.put_if_found("kept/f", 0));
        assert!(!reused.has_put("kept/f"));
        // Put again after being kept: not kept twice.
        reused.put("kept/f");
        assert!(!reused.put_if_found("kept/f", inode_of(&at("kept/f"))));
        assert!(reused.has_put("kept/f"));
        // A file where a folder was, and a folder where a file was, as a build makes them.
        fs::remove_dir_all(at("was-folder")).unwrap();
        fs::write(at("was-folder"), "now a file").unwrap();
        reused.put("was-folder");
        fs::remove_file(at("was-file")).unwrap();
        fs::create_dir(at("was-file")).unwrap();
        fs::write(at("was-file/index.html"), "new").unwrap();
        reused.put("was-file/index.html");
        assert!(reused.has_put("was-file/index.html") && !reused.has_put("a/old.html"));
        #[cfg(not(unix))]
        reused.put("a/b/index.html");
        reused.prune(dir.path()).unwrap();
        assert_eq!(
            files_under(dir.path()),
            [
                "a/",
                "a/b/",
                "a/b/index.html",
                "kept/",
                "kept/f",
                "was-file/",
                "was-file/index.html",
                "was-folder"
            ]
        );
    }
}
