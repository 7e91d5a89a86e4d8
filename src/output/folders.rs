//! The output's folders as a build leaves them, and finding the files put in them by hand since.
//!
//! A build's state keeps the stamp (times and inode) of every folder that holds a file it
//! wrote, taken once the staging folder is tidied, when such a folder holds only the build's
//! files and folders. Adding, removing or renaming an entry changes a folder's times, so a
//! folder that keeps its stamp still holds only those: the next build lists the top folder and
//! the folders whose stamps moved, where it walked the whole output (at a hundred thousand
//! notices, a hundred thousand folders) to find the files it did not make. A stamp taken
//! within the last tick of the file system's clock is not trusted: such a folder is listed.
//!
//! What to do with the files found is the build's; the stamps are kept by `state`.

use std::fs;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::KEEP_FILE;
use crate::content::Stamp;
use crate::diag::display_path;
use crate::publish::layout::STATE_DIR;
use crate::publish::state::{FileState, FolderStamp, FolderStamps};

/// The stamps of the folders of the output at `dir` that hold `files` (output-relative paths),
/// its top folder and Gazette's own folder aside. None at all when one cannot be taken: then
/// the next build lists the whole output.
///
/// A folder of `unmoved` (in path order) is not looked at again: it is given the stamp it kept
/// when the build took the folder, checked then (see [`check`]) and older than the clock's
/// tick. Should the build have changed it since, that stamp is no longer its own, and the next
/// build lists it: an old stamp can make a build list a folder it need not, never trust one it
/// must list. At a hundred thousand notices, that is a hundred thousand looks at the disk
/// fewer after an edit.
pub fn stamp(dir: &Path, files: &[FileState], unmoved: &[(String, FolderStamp)]) -> FolderStamps {
    // Where a folder has no status-change time nor inode (Windows), its modification time
    // alone, which tools set back, does not tell: no stamps, every folder listed.
    if cfg!(not(unix)) {
        return FolderStamps::default();
    }
    // Before the folders are stamped: a folder changed again in the tick of its stamp is listed.
    let untrusted_from = Stamp::untrusted_from_now();
    let holding = folders_holding(files.iter().map(|file| file.path.as_str()));
    let mut folders: Vec<&str> = holding.into_iter().filter(|folder| !is_own_folder(folder)).collect();
    folders.sort_unstable();
    let stamped: Option<Vec<(String, FolderStamp)>> = folders
        .par_iter()
        .map(|&folder| {
            let kept = unmoved.binary_search_by(|(path, _)| path.as_str().cmp(folder)).ok();
            let stamp = kept.map(|at| unmoved[at].1).or_else(|| FolderStamp::of_folder(&dir.join(folder)));
            stamp.map(|stamp| (folder.to_string(), stamp))
        })
        .collect();
    match stamped {
        Some(folders) => FolderStamps { folders, untrusted_from },
        None => FolderStamps::default(),
    }
}

/// The folders holding the files at output-relative `paths` (UTF-8, `/` between folders), each
/// with every folder above it, the top folder aside.
pub(super) fn folders_holding<'a>(paths: impl Iterator<Item = &'a str>) -> FxHashSet<&'a str> {
    let mut holding = FxHashSet::default();
    for path in paths {
        let mut folder = path;
        while let Some(cut) = folder.rfind('/') {
            folder = &folder[..cut];
            if !holding.insert(folder) {
                break;
            }
        }
    }
    holding
}

/// The folder holding the output-relative `path`, `""` for the top.
pub(super) fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |cut| &path[..cut])
}

/// The file system the folder at `path` is on (0 where there is no such number).
pub(super) fn device_of(path: &Path) -> std::io::Result<u64> {
    let stamp = FolderStamp::of_folder(path).ok_or_else(|| std::io::Error::other("not a folder"))?;
    Ok(stamp.device)
}

/// The files of the output folder `dir` (paths relative to it, `/` between folders) that may
/// not be among those its last build wrote, `kept` being the stamps of its folders: every file
/// of its top folder and of the folders whose stamps moved, and every file under a folder it
/// has no stamp of; Gazette's own folder and the version-control keep file aside, in no order.
/// With no stamps, every file of the output. What cannot be read is passed over: nothing is
/// removed on what this finds.
pub fn files_maybe_not_made(dir: &Path, kept: &FolderStamps) -> Vec<String> {
    let stamped: FxHashSet<&str> = kept.folders.iter().map(|(folder, _)| folder.as_str()).collect();
    let Ok(checked) = check(dir, kept) else {
        return files_under(dir, dir);
    };
    let mut moved: Vec<&str> =
        checked.into_iter().filter(|(_, held)| !held).map(|((folder, _), _)| folder.as_str()).collect();
    moved.push("");
    moved.par_iter().flat_map_iter(|folder| files_listed(dir, folder, &stamped)).collect()
}

/// The stamped folders of the output (or staging) folder `dir` with their stamps, in path
/// order, each with whether it kept its stamp, taken before the stamps' `untrusted_from`; those that did not
/// are still folders of `dir`'s file system. A folder under one that is no longer such a folder
/// (a symbolic link put in its place, say) is left out, whatever its stamp: its path leads
/// elsewhere, and what is there is found, or removed, as an entry of the folder above.
pub(super) fn check<'a>(
    dir: &Path,
    stamps: &'a FolderStamps,
) -> std::io::Result<Vec<(&'a (String, FolderStamp), bool)>> {
    let device = device_of(dir)?;
    let now: Vec<Option<FolderStamp>> =
        stamps.folders.par_iter().map(|(folder, _)| FolderStamp::of_folder(&dir.join(folder))).collect();
    // In path order, each folder comes after the one holding it.
    let mut real: FxHashSet<&str> = FxHashSet::default();
    let mut checked = Vec::new();
    for (entry, now) in stamps.folders.iter().zip(now) {
        let (folder, stamp) = entry;
        let above = folder_of(folder);
        if !above.is_empty() && !real.contains(above) {
            continue;
        }
        let held = !stamp.stamp.changed_since(stamps.untrusted_from) && now.as_ref() == Some(stamp);
        if held || now.is_some_and(|now| now.device == device) {
            real.insert(folder.as_str());
            checked.push((entry, held));
        }
    }
    Ok(checked)
}

/// The files in the output's folder `folder` (output-relative, `""` for the top), and every
/// file under each folder in it that is not `stamped` (a stamped one is listed on its own when
/// its stamp moved).
fn files_listed(dir: &Path, folder: &str, stamped: &FxHashSet<&str>) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir.join(folder)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let relative = display_path(dir, &path);
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !is_own_folder(&relative) && !stamped.contains(relative.as_str()) {
                found.extend(files_under(dir, &path));
            }
        } else if !(folder.is_empty() && entry.file_name() == KEEP_FILE) {
            found.push(relative);
        }
    }
    found
}

/// Every file under the folder at `path` in the output folder `dir`, relative to `dir`,
/// Gazette's own folder and the version-control keep file aside.
fn files_under(dir: &Path, path: &Path) -> Vec<String> {
    let (own_folder, keep_file) = (dir.join(STATE_DIR), dir.join(KEEP_FILE));
    walkdir::WalkDir::new(path)
        .min_depth(1)
        .into_iter()
        .filter_entry(|entry| entry.path() != own_folder)
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_type().is_dir())
        .filter(|entry| entry.path() != keep_file)
        .map(|entry| display_path(dir, entry.path()))
        .collect()
}

/// Whether the output-relative `folder` is Gazette's own folder or in it.
fn is_own_folder(folder: &str) -> bool {
    folder.strip_prefix(STATE_DIR).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> FileState {
        FileState { path: path.to_string(), fingerprint: 0, key: 0, hash: 0, stamp: Default::default() }
    }

    fn write(dir: &Path, relative: &str) {
        let path = dir.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "x").unwrap();
    }

    fn sorted(mut files: Vec<String>) -> Vec<String> {
        files.sort();
        files
    }

    /// An output as a build leaves it: its files, Gazette's folder and the keep file.
    fn output(made: &[&str]) -> (tempfile::TempDir, Vec<FileState>) {
        let dir = tempfile::tempdir().unwrap();
        for path in made {
            write(dir.path(), path);
        }
        write(dir.path(), ".gazette/state");
        write(dir.path(), ".gitkeep");
        (dir, made.iter().map(|path| file(path)).collect())
    }

    const MADE: [&str; 5] = [
        "index.html",
        "van-ban/2024/a/index.html",
        "van-ban/2024/b/index.html",
        "loai/index.html",
        "search/docs/0.js",
    ];

    #[test]
    fn every_folder_holding_a_file_is_stamped_and_gazettes_own_is_not() {
        let (dir, files) = output(&MADE);
        let mut files = files;
        files.push(file(".gazette/pieces/00ff"));
        let stamps = stamp(dir.path(), &files, &[]);
        let folders: Vec<&str> = stamps.folders.iter().map(|(folder, _)| folder.as_str()).collect();
        assert_eq!(
            folders,
            ["loai", "search", "search/docs", "van-ban", "van-ban/2024", "van-ban/2024/a", "van-ban/2024/b"]
        );
        // A folder that cannot be stamped leaves none: the next build lists everything.
        files.push(file("mat/index.html"));
        assert_eq!(stamp(dir.path(), &files, &[]), FolderStamps::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_stamped_when_the_build_took_it_is_not_looked_at_again_and_is_listed_if_it_moved() {
        let (dir, files) = output(&MADE);
        let now = stamp(dir.path(), &files, &[]);
        let stamp_of = |stamps: &FolderStamps, folder: &str| {
            stamps.folders.iter().find(|(path, _)| path == folder).map(|(_, stamp)| *stamp)
        };
        // As taken before the build changed the folder: another inode than it has now.
        let mut taken = stamp_of(&now, "van-ban/2024/a").unwrap();
        taken.inode += 1;
        let unmoved = [
            ("van-ban".to_string(), stamp_of(&now, "van-ban").unwrap()),
            ("van-ban/2024/a".to_string(), taken),
        ];
        let mut stamps = stamp(dir.path(), &files, &unmoved);
        assert_eq!(stamp_of(&stamps, "van-ban/2024/a"), Some(taken), "the stamp given is kept");
        for (folder, stamp) in &stamps.folders {
            if folder != "van-ban/2024/a" {
                assert_eq!(Some(*stamp), stamp_of(&now, folder), "{folder}");
            }
        }
        // The next build lists that folder, and that one only.
        stamps.untrusted_from = i128::MAX;
        let checked = check(dir.path(), &stamps).unwrap();
        let moved: Vec<&str> =
            checked.iter().filter(|(_, held)| !held).map(|((folder, _), _)| folder.as_str()).collect();
        assert_eq!(moved, ["van-ban/2024/a"]);
    }

    #[test]
    fn folders_that_keep_their_stamps_are_not_listed_and_every_file_put_by_hand_is_found() {
        let (dir, files) = output(&MADE);
        let mut stamps = stamp(dir.path(), &files, &[]);
        // Trusted: taken well after the folders last changed.
        stamps.untrusted_from = i128::MAX;
        let top_only = files_maybe_not_made(dir.path(), &stamps);
        assert_eq!(sorted(top_only), ["index.html"], "only the top folder is listed");
        for hand in [
            "them.html",
            "van-ban/2024/a/ghi-chu.txt",
            "tay/1.txt",
            "van-ban/2024/moi/sau/2.txt",
            "loai/x/y/z.txt",
        ] {
            write(dir.path(), hand);
        }
        let found = sorted(files_maybe_not_made(dir.path(), &stamps));
        assert_eq!(
            found,
            [
                "index.html",
                "loai/index.html",
                "loai/x/y/z.txt",
                "tay/1.txt",
                "them.html",
                "van-ban/2024/a/ghi-chu.txt",
                "van-ban/2024/a/index.html",
                "van-ban/2024/moi/sau/2.txt",
            ]
        );
    }

    #[test]
    fn a_folder_put_back_under_the_same_name_or_stamped_too_lately_is_listed() {
        let (dir, files) = output(&MADE);
        let mut stamps = stamp(dir.path(), &files, &[]);
        stamps.untrusted_from = i128::MAX;
        // Moved aside and made again with the same file in it: another folder (the one moved
        // aside keeps its inode), listed with the one beside it.
        let b = dir.path().join("van-ban/2024/b");
        fs::rename(&b, dir.path().join("van-ban/2024/b-cu")).unwrap();
        write(dir.path(), "van-ban/2024/b/index.html");
        let found = sorted(files_maybe_not_made(dir.path(), &stamps));
        assert_eq!(found, ["index.html", "van-ban/2024/b-cu/index.html", "van-ban/2024/b/index.html"]);
        fs::remove_dir_all(dir.path().join("van-ban/2024/b-cu")).unwrap();
        // Stamped within the clock's last tick: every folder is listed, as with no stamps.
        let fresh = stamp(dir.path(), &files, &[]);
        let all = sorted(files_maybe_not_made(dir.path(), &fresh));
        assert_eq!(all, sorted(files_maybe_not_made(dir.path(), &FolderStamps::default())));
        assert_eq!(all, sorted(MADE.iter().map(|path| path.to_string()).collect()));
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_listed_through_a_link_put_where_a_folder_was() {
        let (dir, files) = output(&MADE);
        let mut stamps = stamp(dir.path(), &files, &[]);
        stamps.untrusted_from = i128::MAX;
        let elsewhere = tempfile::tempdir().unwrap();
        write(elsewhere.path(), "khac/ngoai.txt");
        // The notice folders moved out whole, their stamps kept, a link in their place.
        fs::rename(dir.path().join("van-ban"), elsewhere.path().join("van-ban")).unwrap();
        write(elsewhere.path(), "van-ban/2024/a/ngoai.txt");
        std::os::unix::fs::symlink(elsewhere.path().join("van-ban"), dir.path().join("van-ban")).unwrap();
        let found = sorted(files_maybe_not_made(dir.path(), &stamps));
        // The link itself is an entry of the top folder; nothing behind it is listed.
        assert_eq!(found, ["index.html", "van-ban"]);
    }
}
