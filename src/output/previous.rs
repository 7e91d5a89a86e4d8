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
//!
//! The state kept in the output describes the output it replaced, the folder taken: where a
//! folder of it keeps the stamp its build took (see [`super::folders`]), it holds the files
//! that build wrote there, with the inodes they were written as, and the folders it wrote, and
//! is not listed; the top folder, the folders whose stamps moved and those it has no stamp of
//! are. At a hundred thousand notices, listing every folder took more than a second.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::FxHashSet;

use super::folders::{device_of, folder_of, folders_holding};
use crate::publish::state::{FolderStamp, OutputListing};

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
    /// The folders that kept the stamps the listing gives, with those stamps, in path order.
    unmoved: Vec<(String, FolderStamp)>,
}

impl Reused {
    /// Lists the folder `dir` (taken as a staging folder), removing at once what is neither a
    /// plain file nor a folder, and names that are not UTF-8 (no build writes them). With
    /// `listing`, the output it was as its build's state describes it, only the folders whose
    /// stamps moved are listed (see the module's note).
    pub fn scan(dir: &Path, listing: Option<&OutputListing>) -> io::Result<Reused> {
        let mut found = Found::default();
        match listing.filter(|listing| !listing.folders.folders.is_empty()) {
            Some(listing) => found.listed(dir, listing)?,
            None => found.walk(dir, dir)?,
        }
        let Found { mut files, mut folders, unmoved } = found;
        files.sort_unstable();
        // Each folder after the one holding it.
        folders.sort_unstable();
        let put_found = files.iter().map(|_| AtomicBool::new(false)).collect();
        Ok(Reused {
            found_files: files,
            put_found,
            found_folders: folders,
            put_new: Mutex::default(),
            unmoved,
        })
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
    /// build writes its own after. Gives the folders that kept their stamps when the folder was
    /// taken, with those stamps (see [`super::folders::stamp`]).
    pub fn prune(self, dir: &Path) -> io::Result<Vec<(String, FolderStamp)>> {
        let Reused { found_files, put_found, found_folders, put_new, unmoved } = self;
        let put_new = put_new.into_inner().unwrap_or_else(|e| e.into_inner());
        let is_put = |at: usize| put_found[at].load(Ordering::Relaxed);
        let put = (0..found_files.len()).filter(|&at| is_put(at)).map(|at| found_files[at].0.as_str());
        // The folders of the files put, by output-relative path (paths are UTF-8, with `/`).
        let live = folders_holding(put.chain(put_new.iter().map(String::as_str)));
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
        Ok(unmoved)
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

/// What a staging folder was found to hold, by output-relative path.
#[derive(Default)]
struct Found {
    /// With their inodes (0 where files have none).
    files: Vec<(String, u64)>,
    folders: Vec<String>,
    /// The folders that kept their stamps, with them, in path order.
    unmoved: Vec<(String, FolderStamp)>,
}

impl Found {
    /// Takes an entry at `path` in the staging folder `dir`: a file or a folder is found, and
    /// anything else, or a name that is not UTF-8, removed.
    fn take(&mut self, dir: &Path, path: &Path, kind: fs::FileType, inode: u64) -> io::Result<()> {
        let relative = path.strip_prefix(dir).ok().and_then(Path::to_str).map(relative_path);
        match relative {
            Some(relative) if kind.is_dir() => self.folders.push(relative),
            Some(relative) if kind.is_file() => self.files.push((relative, inode)),
            _ if kind.is_dir() => fs::remove_dir_all(path)?,
            _ => fs::remove_file(path)?,
        }
        Ok(())
    }

    /// Takes everything under `folder` in the staging folder `dir`, not into another file
    /// system mounted inside: its inodes are not the output's.
    fn walk(&mut self, dir: &Path, folder: &Path) -> io::Result<()> {
        for entry in walkdir::WalkDir::new(folder).min_depth(1).same_file_system(true) {
            let entry = entry.map_err(io::Error::other)?;
            self.take(dir, entry.path(), entry.file_type(), inode(&entry))?;
        }
        Ok(())
    }

    /// Takes what the staging folder `dir`, which was the output `listing` describes, holds:
    /// the files and folders of its folders that keep their stamps as the listing says, the
    /// entries of the others and of the top folder as found (those of a folder without a
    /// stamp walked in whole).
    fn listed(&mut self, dir: &Path, listing: &OutputListing) -> io::Result<()> {
        let stamped: FxHashSet<&str> =
            listing.folders.folders.iter().map(|(folder, _)| folder.as_str()).collect();
        let device = device_of(dir)?;
        // The top folder first: what stands where a folder of the listing was (a symbolic
        // link, say) is taken, or removed, as its entry; no folder under it is (see `check`).
        self.entries_of(dir, dir, device, &stamped)?;
        let checked = super::folders::check(dir, &listing.folders)?;
        let kept: FxHashSet<&str> =
            checked.iter().filter(|(_, held)| *held).map(|((folder, _), _)| folder.as_str()).collect();
        self.files.extend(listing.files.iter().filter(|(path, _)| kept.contains(folder_of(path))).cloned());
        for (entry @ (folder, _), held) in checked {
            self.folders.push(folder.clone());
            if held {
                // In path order, as the listing's.
                self.unmoved.push(entry.clone());
            } else {
                self.entries_of(dir, &dir.join(folder), device, &stamped)?;
            }
        }
        Ok(())
    }

    /// Takes the entries of the folder at `path` in the staging folder `dir`, on the file
    /// system `device`, walking in whole each folder in it that has no stamp (`stamped` being
    /// those that have one, each taken on its own).
    fn entries_of(
        &mut self,
        dir: &Path,
        path: &Path,
        device: u64,
        stamped: &FxHashSet<&str>,
    ) -> io::Result<()> {
        for entry in fs::read_dir(path)? {
            let entry = entry?;
            let (kind, at) = (entry.file_type()?, entry.path());
            let relative = at.strip_prefix(dir).ok().and_then(Path::to_str).map(relative_path);
            let is_stamped = relative.as_deref().is_some_and(|relative| stamped.contains(relative));
            if kind.is_dir() && is_stamped {
                continue;
            }
            if kind.is_dir() && device_of(&at)? != device {
                // Where another file system is mounted: found, not walked into nor removed.
                self.folders.extend(relative);
                continue;
            }
            #[cfg(unix)]
            let inode = std::os::unix::fs::DirEntryExt::ino(&entry);
            #[cfg(not(unix))]
            let inode = 0;
            self.take(dir, &at, kind, inode)?;
            if kind.is_dir() && relative.is_some() {
                self.walk(dir, &at)?;
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
        let reused = Reused::scan(dir.path(), None).unwrap();
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

    /// A previous output as its build left it, with the listing its state keeps of it.
    fn previous_output(files: &[&str]) -> (tempfile::TempDir, OutputListing) {
        let dir = tempfile::tempdir().unwrap();
        for file in files {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, file).unwrap();
        }
        let states: Vec<crate::publish::state::FileState> = files
            .iter()
            .map(|file| crate::publish::state::FileState {
                path: file.to_string(),
                fingerprint: 0,
                key: 0,
                hash: 0,
                stamp: crate::publish::state::FileStamp::of_file(&dir.path().join(file)).unwrap(),
            })
            .collect();
        let mut folders = super::super::folders::stamp(dir.path(), &states, &[]);
        // Trusted: taken well after the folders last changed.
        folders.untrusted_from = i128::MAX;
        let files = states.iter().map(|file| (file.path.clone(), file.stamp.inode)).collect();
        (dir, OutputListing { files, folders })
    }

    const OUTPUT: [&str; 6] =
        ["index.html", "a/index.html", "a/b/index.html", "a/b/c.html", "d/e/index.html", "f/g/index.html"];

    #[cfg(unix)]
    #[test]
    fn a_listed_previous_output_is_found_as_a_walk_finds_it_without_listing_the_folders_that_kept_their_stamps()
     {
        let (dir, mut listing) = previous_output(&OUTPUT);
        let at = |path: &str| dir.path().join(path);
        // Changed since: a file put in a folder, one replaced, a link put in another, a new
        // folder with files, a folder moved away.
        fs::write(at("a/tay.txt"), "tay").unwrap();
        fs::remove_file(at("a/b/c.html")).unwrap();
        fs::write(at("a/b/c.html"), "moi").unwrap();
        std::os::unix::fs::symlink("/etc", at("d/lien")).unwrap();
        fs::create_dir_all(at("moi/sau")).unwrap();
        fs::write(at("moi/sau/1.txt"), "1").unwrap();
        fs::rename(at("d/e"), at("e-cu")).unwrap();
        let listed = Reused::scan(dir.path(), Some(&listing)).unwrap();
        assert!(!at("d/lien").exists(), "what is neither file nor folder is removed");
        let walked = Reused::scan(dir.path(), None).unwrap();
        assert_eq!(listed.found_files, walked.found_files);
        assert_eq!(listed.found_folders, walked.found_folders);
        assert!(listed.found_files.iter().any(|(path, _)| path == "moi/sau/1.txt"));

        // A folder that keeps its stamp is not listed: its files are as the listing says.
        let (path, inode) = listing.files.iter_mut().find(|(path, _)| path == "f/g/index.html").unwrap();
        *inode += 1;
        let (path, inode) = (path.clone(), *inode);
        let listed = Reused::scan(dir.path(), Some(&listing)).unwrap();
        assert!(listed.found_files.contains(&(path.clone(), inode)), "{:?}", listed.found_files);
        // Without stamps, every folder is listed.
        listing.folders = crate::publish::state::FolderStamps::default();
        let listed = Reused::scan(dir.path(), Some(&listing)).unwrap();
        assert!(!listed.found_files.contains(&(path, inode)));
        assert_eq!(listed.found_files, walked.found_files);
    }

    #[cfg(unix)]
    #[test]
    fn tidying_gives_the_folders_that_kept_their_stamps_with_the_listings_stamps() {
        let (dir, listing) = previous_output(&OUTPUT);
        // Changed since its build: a file put in one folder.
        fs::write(dir.path().join("d/e/tay.txt"), "tay").unwrap();
        let reused = Reused::scan(dir.path(), Some(&listing)).unwrap();
        let unmoved = reused.prune(dir.path()).unwrap();
        let expected: Vec<(String, FolderStamp)> =
            listing.folders.folders.iter().filter(|(folder, _)| folder != "d/e").cloned().collect();
        assert_eq!(unmoved, expected);
        assert_eq!(expected.len(), listing.folders.folders.len() - 1);
        // Without a listing, every folder is listed: none kept its stamp.
        let reused = Reused::scan(dir.path(), None).unwrap();
        assert_eq!(reused.prune(dir.path()).unwrap(), []);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_of_the_listing_replaced_by_a_link_is_not_followed_nor_anything_under_it_taken() {
        let (dir, listing) = previous_output(&OUTPUT);
        let elsewhere = tempfile::tempdir().unwrap();
        let at = |path: &str| dir.path().join(path);
        // Moved out of the output whole (its folders keep their stamps), a link in its place.
        fs::rename(at("a"), elsewhere.path().join("a")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("a"), at("a")).unwrap();
        let listed = Reused::scan(dir.path(), Some(&listing)).unwrap();
        assert!(!at("a").exists() && !at("a").is_symlink(), "the link is removed");
        assert!(elsewhere.path().join("a/b/c.html").exists(), "what it led to is left alone");
        assert!(
            listed.found_files.iter().all(|(path, _)| !path.starts_with("a/")),
            "{:?}",
            listed.found_files
        );
        assert!(
            listed.found_folders.iter().all(|folder| !folder.starts_with('a')),
            "{:?}",
            listed.found_folders
        );
        let walked = Reused::scan(dir.path(), None).unwrap();
        assert_eq!(listed.found_files, walked.found_files);
        assert_eq!(listed.found_folders, walked.found_folders);
    }
}
