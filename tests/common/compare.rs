//! An incremental build held against a clean build of the same sources.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::*;

/// Inode and modification time of every file of an output, Gazette's own folder aside.
pub fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    site_files(dir)
        .into_iter()
        .map(|(path, _)| {
            let meta = std::fs::metadata(dir.join(&path)).unwrap();
            (path, (meta.ino(), meta.mtime(), meta.mtime_nsec()))
        })
        .collect()
}

/// What a build said of the archive: its problems and its counts (notices, pages, drafts left
/// out, citations, problems), without its notes, the files it wrote and read, and the time it
/// took (in either language).
pub fn said(output: &std::process::Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|line| !line.starts_with("lưu ý") && !line.starts_with("note:"))
        .map(|line| counts_of(line).unwrap_or_else(|| line.to_string()))
        .collect()
}

/// The counts of a build's summary line: "đã dựng 19 văn bản, 86 trang (155 tệp được ghi, …;
/// đọc 20 tệp văn bản) (bỏ qua 1 dự thảo); trích dẫn: …; 0 lỗi, 2 cảnh báo; 0.03 s" without the
/// files written and read (the first brackets) and the time.
fn counts_of(line: &str) -> Option<String> {
    if !line.contains(" tệp được ghi") && !line.contains(" files written") {
        return None;
    }
    let (built, rest) = line.split_once(" (")?;
    let (_, after) = rest.split_once(')')?;
    Some(format!("{built}{}", after.rsplit_once("; ").map_or(after, |(counts, _)| counts)))
}

/// The list `build --changes` writes for an output that went from `before` to `after`.
fn changes_between(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut lines: BTreeMap<&str, char> = BTreeMap::new();
    for (path, bytes) in after {
        match before.get(path) {
            None => _ = lines.insert(path, '+'),
            Some(was) if was != bytes => _ = lines.insert(path, '~'),
            Some(_) => {}
        }
    }
    for path in before.keys().filter(|path| !after.contains_key(*path)) {
        lines.insert(path, '-');
    }
    lines.into_iter().map(|(path, mark)| format!("{mark} {path}\n")).collect()
}

/// A clean build (`--full`) of an archive into a folder of its own.
pub struct CleanBuild {
    folder: TestArchive,
    /// What the build said, and how it ended.
    pub output: std::process::Output,
}

impl CleanBuild {
    pub fn of(archive: &TestArchive) -> CleanBuild {
        let folder = TestArchive::new();
        let output = archive.run(&["build", "--full", "--out", folder.path("out").to_str().unwrap()]);
        CleanBuild { folder, output }
    }
}

/// Builds incrementally, then checks the output and what the build said against a clean
/// build, that files whose bytes did not change are untouched, and that the list of changes
/// the build wrote names exactly the files added, changed and removed. Returns the build's
/// summary line.
pub fn build_and_compare(archive: &TestArchive, step: &str) -> String {
    build_and_compare_with(archive, step, &CleanBuild::of(archive))
}

/// [`build_and_compare`] with the clean build of the same sources already made.
pub fn build_and_compare_with(archive: &TestArchive, step: &str, clean: &CleanBuild) -> String {
    assert!(clean.output.status.success(), "build failed:\n{}", stderr(&clean.output));
    let out = archive.path("output");
    let before_files: BTreeMap<String, Vec<u8>> = site_files(&out).into_iter().collect();
    let before_ids = identities(&out);
    let listed = tempfile::tempdir().unwrap();
    let changes = listed.path().join("changes.txt");
    let output = archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    assert_eq!(said(&output), said(&clean.output), "{step}: not what a clean build says");
    let (incremental, full) = (site_files(&out), site_files(&clean.folder.path("out")));
    let paths = |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&incremental), paths(&full), "{step}: not the files of a clean build");
    for ((path, bytes), (_, clean_bytes)) in incremental.iter().zip(&full) {
        assert!(bytes == clean_bytes, "{step}: {path} differs from a clean build");
    }
    let after_files: BTreeMap<String, Vec<u8>> = incremental.iter().cloned().collect();
    let listed = std::fs::read_to_string(&changes).unwrap();
    assert_eq!(listed, changes_between(&before_files, &after_files), "{step}: not the changes made");
    let after_ids = identities(&out);
    for (path, bytes) in &incremental {
        if before_files.get(path) == Some(bytes) {
            assert_eq!(before_ids[path], after_ids[path], "{step}: unchanged {path} was written again");
        }
    }
    stderr(&output).lines().find(|l| l.starts_with("đã dựng")).unwrap_or_default().to_string()
}
