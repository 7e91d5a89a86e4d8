//! Output: the folder a build publishes to, and every write and delete a build makes there.
//!
//! A build is written into `.NAME.staging` beside the output folder `NAME` and swapped in whole
//! when complete, in one atomic step on Linux (`renameat2` with `RENAME_EXCHANGE`), so a kill at
//! any instant leaves the old or the new archive at the path. Elsewhere the swap is two renames
//! through `.NAME.old`, and a build that finds the output missing beside a `.NAME.old` of its
//! own puts it back first. Two builds of one output never interleave: each holds an exclusive
//! lock on the folder that holds the output for the whole build.
//!
//! The output a swap replaces is kept as `.NAME.previous` and becomes the next build's staging
//! folder (see [`previous`]): a build then writes only what changed since, not a link and a
//! folder for every page.
//!
//! Gazette deletes only what it provably made: every folder it creates holds the marker file
//! [`MARKER`] from the start, and a staging, old, previous or output folder without it is never
//! removed. An output folder that is neither empty nor marked is refused, as is one that is a
//! file, the archive root, a folder the archive reads from, or a parent of one. Everything is checked
//! before anything is touched. [`build`] runs the publishing pipeline into a staging folder;
//! what the pages are is decided by `publish`.

pub mod build;
pub mod folders;
mod own;
mod previous;
mod same;
mod space;
pub mod state;

use crate::message::Said as _;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::message::Language;
use crate::publish::Put;
use crate::publish::layout::STATE_DIR;
use crate::publish::state::{FileStamp, FileState, FolderStamp, FolderStamps, OutputListing};
use crate::{fail, msg};
use own::{is_own, is_own_or_empty, is_real_dir, marker_being_written, marker_text, remove_own};

/// The file that proves a folder was made by Gazette.
pub const MARKER: &str = ".gazette/output";
/// A file that marks the output folder in version control; carried over by every build.
const KEEP_FILE: &str = ".gitkeep";

/// What a second build does while another one holds the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Wait for the other build, saying so.
    Yes,
    /// Refuse at once.
    No,
}

/// The output folder of a build and the folders beside it that the build uses.
#[derive(Debug, Clone)]
pub struct OutputDir {
    /// Absolute path of the output folder.
    pub target: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    /// The output the last build replaced, kept to stage the next one in.
    previous: PathBuf,
    /// The archive's language, for what is said while waiting.
    language: Language,
}

/// What stands at an output's path.
enum Found {
    Nothing,
    NotAFolder,
    /// A folder with files Gazette did not write.
    Foreign,
    /// An empty folder, or one Gazette made.
    Own,
}

/// The exclusive right to write an output folder; released when dropped.
pub struct OutputLock {
    _file: fs::File,
}

/// A build being written; dropped without [`Staging::commit`] it removes itself.
pub struct Staging {
    dir: PathBuf,
    output: OutputDir,
    committed: bool,
    /// Whether the folder was the previous output: a build that stops before its swap gives it
    /// back as such, for the next build to stage in.
    from_previous: bool,
    /// When the staging folder is the previous output: what was in it, and what this build put
    /// there. `None` once [`Staging::seal`] has removed the rest.
    reused: Option<previous::Reused>,
    /// Once [`Staging::seal`] has tidied a previous output: its folders that kept their stamps
    /// when it was taken, with them, in path order.
    unmoved: Vec<(String, FolderStamp)>,
    /// Folders made so far, so that each is made once.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// Whether the disk was found full: every write after that is refused.
    space: space::Space,
}

impl OutputDir {
    /// Checks what can be checked without looking at the disk: `out` is not the archive root,
    /// a folder the archive reads from, inside one, or a parent of one, and its staging and old
    /// folders are not the root either.
    pub fn new(root: &Path, out: &Path) -> Result<OutputDir> {
        let root = absolute(root)?;
        let target = absolute(out)?;
        check_not_protected(&root, &target)?;
        let parent = target.parent().context("the output folder has no parent")?;
        let name = target.file_name().context("the output folder has no name")?.to_string_lossy();
        let staging = parent.join(format!(".{name}.staging"));
        let old = parent.join(format!(".{name}.old"));
        let previous = parent.join(format!(".{name}.previous"));
        for (folder, what) in [(&staging, "staging"), (&old, "old"), (&previous, "previous")] {
            if root.starts_with(folder) {
                fail!(msg!(
                    "output-root-is-staging",
                    root = root.display().to_string(),
                    what = what,
                    path = target.display().to_string(),
                ));
            }
        }
        let language = crate::config::SiteConfig::language_of(&root);
        Ok(OutputDir { target, staging, old, previous, language })
    }

    /// Refuses a list of changes (`--changes`) written where a build reads or replaces: in a
    /// folder the archive reads from, over `site.yaml`, in the output or a folder of its, or
    /// over a folder. Anywhere else the file is the user's to name.
    pub fn check_changes_file(&self, root: &Path, path: &Path) -> Result<()> {
        let root = absolute(root)?;
        // The file itself when it exists, its folder's real path otherwise: a link to an
        // archive file or a linked folder leads where it leads.
        let path = match path.canonicalize() {
            Ok(real) => real,
            Err(_) => absolute(path)?,
        };
        let real = |folder: PathBuf| folder.canonicalize().unwrap_or(folder);
        let what = if path == real(root.join(crate::config::FILE_NAME)) {
            Some("site")
        } else if [&self.target, &self.staging, &self.old, &self.previous]
            .iter()
            .any(|dir| path.starts_with(dir) || path.starts_with(real(dir.to_path_buf())))
        {
            Some("output")
        } else {
            PROTECTED.iter().copied().find(|folder| path.starts_with(real(root.join(folder))))
        };
        // A file with another name (a hard link) may be an archive file under that name.
        if what.is_none() && has_other_names(&path) {
            fail!(msg!("changes-linked", path = path.display().to_string()), msg!("help-changes-protected"));
        }
        if let Some(what) = what {
            fail!(
                msg!("changes-protected", path = path.display().to_string(), what = what),
                msg!("help-changes-protected")
            );
        }
        if path.is_dir() {
            fail!(
                msg!("changes-is-folder", path = path.display().to_string()),
                msg!("help-changes-protected")
            );
        }
        Ok(())
    }

    /// Takes the exclusive lock of the output, waiting for another build if asked to.
    pub fn lock(&self, wait: Wait) -> Result<OutputLock> {
        let parent = self.target.parent().context("the output folder has no parent")?;
        fs::create_dir_all(parent).said(|| msg!("io-cannot-create", path = parent.display().to_string()))?;
        let file = lock_file(parent)?;
        match file.try_lock() {
            Ok(()) => return Ok(OutputLock { _file: file }),
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).said(|| msg!("io-cannot-lock", path = parent.display().to_string()));
            }
            Err(fs::TryLockError::WouldBlock) => {}
        }
        // The lock is the folder's, shared by every output in it: said so.
        let path = parent.display().to_string();
        if wait == Wait::No {
            fail!(msg!("output-locked", path = &path));
        }
        eprintln!("{}", msg!("output-waiting", path = &path).text(self.language));
        file.lock().said(|| msg!("io-cannot-lock", path = parent.display().to_string()))?;
        Ok(OutputLock { _file: file })
    }

    /// Checks the folders on disk, under the lock, and makes the staging folder: the previous
    /// output when there is one of Gazette's, else an empty folder.
    pub fn stage(&self, _lock: &OutputLock, previous: Option<&OutputListing>) -> Result<Staging> {
        self.check_on_disk()?;
        self.recover_interrupted_swap()?;
        if self.staging.exists() {
            // Left by a build that was stopped: a previous output like any other (nothing in
            // it is trusted), unless there is one already.
            if self.previous.exists()
                || !is_own(&self.staging)
                || fs::rename(&self.staging, &self.previous).is_err()
            {
                remove_own(&self.staging)?;
            }
        }
        let reused = self.take_previous(previous)?;
        if reused.is_none() {
            fs::create_dir(&self.staging)
                .said(|| msg!("io-cannot-create", path = self.staging.display().to_string()))?;
        }
        let staging = Staging {
            dir: self.staging.clone(),
            output: self.clone(),
            committed: false,
            from_previous: reused.is_some(),
            reused,
            unmoved: Vec::new(),
            folders: Default::default(),
            space: Default::default(),
        };
        staging.mark()?;
        Ok(staging)
    }

    /// Moves the previous output, when there is one of Gazette's, to the staging path and
    /// lists it (as `listing`, the output it was, says where it can).
    fn take_previous(&self, listing: Option<&OutputListing>) -> Result<Option<previous::Reused>> {
        if !is_real_dir(&self.previous) || !is_own(&self.previous) {
            return Ok(None);
        }
        if fs::rename(&self.previous, &self.staging).is_err() {
            remove_own(&self.previous)?;
            return Ok(None);
        }
        let reused = previous::Reused::scan(&self.staging, listing)
            .said(|| msg!("io-cannot-read", path = self.staging.display().to_string()))?;
        Ok(Some(reused))
    }

    /// Removes the output the last build replaced; true when there was one.
    pub fn remove_previous(&self) -> Result<bool> {
        if !self.previous.exists() {
            return Ok(false);
        }
        remove_own(&self.previous)?;
        Ok(true)
    }

    /// What stands at the output's path.
    fn found(&self) -> Result<Found> {
        Ok(match fs::symlink_metadata(&self.target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Found::Nothing,
            Err(e) => {
                return Err(e).said(|| msg!("io-cannot-read", path = self.target.display().to_string()));
            }
            Ok(meta) if !meta.is_dir() => Found::NotAFolder,
            Ok(_) if !is_own_or_empty(&self.target)? => Found::Foreign,
            Ok(_) => Found::Own,
        })
    }

    /// Whether the output is absent, or a folder that is empty or Gazette's.
    pub fn is_absent_or_own(&self) -> Result<bool> {
        Ok(matches!(self.found()?, Found::Nothing | Found::Own))
    }

    /// The output is absent, an empty folder, or a folder Gazette made; the staging, previous
    /// and old folders are absent or Gazette's.
    pub fn check_on_disk(&self) -> Result<()> {
        match self.found()? {
            Found::NotAFolder => fail!(
                msg!("output-is-file", path = self.target.display().to_string()),
                msg!("help-output-is-file")
            ),
            Found::Foreign => fail!(
                msg!("output-foreign", path = self.target.display().to_string()),
                msg!("help-output-foreign", marker = MARKER)
            ),
            Found::Nothing | Found::Own => {}
        }
        // `.old` is only used where folders cannot be exchanged in one step.
        let uses_old = !cfg!(target_os = "linux");
        let ours = [&self.staging, &self.previous].into_iter().chain(uses_old.then_some(&self.old));
        for folder in ours {
            // A symbolic link or a file at one of these names is not ours either: a link would
            // lead the build's writes and removals into whatever it points at.
            let present = fs::symlink_metadata(folder).is_ok();
            if present && !(is_real_dir(folder) && is_own_or_empty(folder)?) {
                fail!(
                    msg!("output-folder-taken", path = folder.display().to_string()),
                    msg!("help-output-folder-taken")
                );
            }
        }
        Ok(())
    }

    /// After a kill between the two renames of the fallback swap, the output is only in `.old`:
    /// it is put back. After a kill following them, `.old` is the output they replaced: it is
    /// kept as the previous output, as the swap would have.
    fn recover_interrupted_swap(&self) -> Result<()> {
        // A symbolic link there is not Gazette's: a rename would bring what it leads to in.
        if !is_real_dir(&self.old) || !is_own(&self.old) {
            return Ok(());
        }
        if !self.target.exists() {
            fs::rename(&self.old, &self.target)
                .said(|| msg!("io-cannot-put-back", path = self.old.display().to_string()))?;
        } else {
            // Stopped after the new output was in place: the old one is a previous output.
            self.keep_as_previous(&self.old)?;
        }
        Ok(())
    }

    /// Keeps the output a swap replaced (now at `replaced`) as the previous output; where it
    /// cannot be kept, it is removed.
    fn keep_as_previous(&self, replaced: &Path) -> Result<()> {
        self.remove_previous()?;
        if fs::rename(replaced, &self.previous).is_err() {
            remove_own(replaced)?;
        }
        Ok(())
    }

    /// The files the output holds (paths relative to it) that its last build, whose folders
    /// had the stamps `kept`, may not have made, Gazette's own folder aside, in no order (see
    /// [`folders`]): with the last build's state, they tell the files put there by hand, which a
    /// swap leaves in the replaced output, `.NAME.previous`, until the next build stages in it.
    pub fn files_maybe_not_made(&self, kept: &FolderStamps) -> Vec<String> {
        folders::files_maybe_not_made(&self.target, kept)
    }

    /// Where the output a swap replaces is kept.
    pub fn previous(&self) -> &Path {
        &self.previous
    }

    /// Whether no build left a staging folder or an old output of its own beside the output (a
    /// build stopped before or during its swap does): the next build that stages tidies them.
    pub fn is_tidy(&self) -> bool {
        let old_output_left = is_real_dir(&self.old) && is_own(&self.old);
        !self.staging.exists() && !old_output_left
    }

    /// The path of Gazette's own folder in the published output.
    pub fn state_dir(&self) -> PathBuf {
        self.target.join(STATE_DIR)
    }
}

/// Whether the file at `path` has more names than this one (hard links).
#[cfg(unix)]
fn has_other_names(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.nlink() > 1)
}

#[cfg(not(unix))]
fn has_other_names(_: &Path) -> bool {
    false
}

/// The folders of an archive a build reads from.
const PROTECTED: [&str; 4] = ["content", "static", "templates", "themes"];

/// The archive root, the folders a build reads from, and their parents are never an output;
/// nor is a folder inside one of them, or the place of `site.yaml`.
fn check_not_protected(root: &Path, out: &Path) -> Result<()> {
    if root.starts_with(out) {
        fail!(msg!("output-holds-root", path = out.display().to_string()));
    }
    for what in PROTECTED {
        let folder = root.join(what);
        if folder.starts_with(out) || out.starts_with(&folder) {
            fail!(msg!("output-protected", path = out.display().to_string(), what = what));
        }
    }
    if out.parent().is_none() {
        fail!(msg!("output-is-root"));
    }
    // Where the archive's settings are, written yet or not: an output there would stand in
    // their way, and every build after would find a folder for them.
    if out == root.join(crate::config::FILE_NAME) {
        fail!(msg!("output-is-site-file", path = out.display().to_string()));
    }
    Ok(())
}

/// An absolute, lexically normalised path (symlinks of existing parts resolved).
fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Resolve the longest existing prefix, so a symlinked output folder is judged by its target.
    let mut existing = normal.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    resolved.extend(rest.iter().rev());
    Ok(resolved)
}

/// The file whose lock guards the outputs of a folder. On Unix, the folder itself: it is never
/// renamed, so every build of an output in it locks the same thing, and no file is left behind.
#[cfg(unix)]
fn lock_file(parent: &Path) -> Result<fs::File> {
    fs::File::open(parent).said(|| msg!("io-cannot-lock", path = parent.display().to_string()))
}

/// Elsewhere a folder cannot be opened as a file: a lock file beside the output.
#[cfg(not(unix))]
fn lock_file(parent: &Path) -> Result<fs::File> {
    let path = parent.join(".gazette.lock");
    fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(&path)
        .said(|| msg!("io-cannot-open", path = path.display().to_string()))
}

impl Staging {
    /// The staging path of an output-relative path, refusing anything that would leave the folder.
    fn path_of(&self, relative: &str) -> io::Result<PathBuf> {
        let relative = Path::new(relative);
        if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {}", relative.display()),
            ));
        }
        Ok(self.dir.join(relative))
    }

    /// The staging path of an output-relative path, its folder made.
    fn prepare(&self, relative: &str) -> Result<PathBuf> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            let made = self.folders.lock().unwrap_or_else(|e| e.into_inner()).contains(parent);
            if !made {
                let mut created = fs::create_dir_all(parent);
                if created.is_err() && self.reused.is_some() {
                    // The previous output had a file where this build has a folder.
                    previous::clear_folders_to(&self.dir, parent)
                        .said(|| msg!("io-cannot-create", path = parent.display().to_string()))?;
                    created = fs::create_dir_all(parent);
                }
                created.said(|| msg!("io-cannot-create", path = parent.display().to_string()))?;
                self.folders.lock().unwrap_or_else(|e| e.into_inner()).insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }

    /// The staging path of an output-relative path where a new file is to be made: its folder
    /// made and, in a previous output, whatever was there removed.
    fn make_way(&self, relative: &str) -> Result<PathBuf> {
        let path = self.prepare(relative)?;
        if let Some(reused) = &self.reused {
            previous::make_way(&path)
                .said(|| msg!("io-cannot-replace", path = path.display().to_string()))?;
            reused.put(relative);
        }
        Ok(path)
    }

    /// Marks the folder as Gazette's. A marker already there (the previous output's) is
    /// replaced in one step, never removed first: a write that fails, as on a full disk, leaves
    /// the folder marked, for the next build to stage in or remove.
    fn mark(&self) -> Result<()> {
        let next = marker_being_written();
        let marked = self.write(&next, marker_text().as_bytes()).and_then(|()| {
            let (from, to) = (self.path_of(&next)?, self.path_of(MARKER)?);
            fs::rename(&from, &to).said(|| msg!("io-cannot-write", path = to.display().to_string()))?;
            if let Some(reused) = &self.reused {
                reused.put(MARKER);
            }
            Ok(())
        });
        if marked.is_err() {
            let _ = fs::remove_file(self.dir.join(&next));
        }
        marked
    }

    /// Writes a file at an output-relative path, creating its folders.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.make_way(relative)?;
        fs::write(&path, bytes).said(|| msg!("io-cannot-write", path = path.display().to_string()))
    }

    /// Copies a file to an output-relative path.
    pub fn copy(&self, source: &Path, relative: &str) -> Result<()> {
        let path = self.make_way(relative)?;
        fs::copy(source, &path).said(|| {
            msg!("io-cannot-copy", from = source.display().to_string(), path = path.display().to_string())
        })?;
        Ok(())
    }

    fn stamp(&self, relative: &str) -> Result<FileStamp> {
        let path = self.dir.join(relative);
        let meta = fs::metadata(&path).said(|| msg!("io-cannot-read", path = path.display().to_string()))?;
        Ok(FileStamp::from_metadata(&meta))
    }

    /// The path of a file of the output being replaced.
    fn old_path(&self, relative: &str) -> Result<PathBuf> {
        let path = self.path_of(relative)?;
        Ok(self.output.target.join(path.strip_prefix(&self.dir).unwrap_or(&path)))
    }

    /// Whether [`Staging::seal`] has tidied the folder: nothing of a previous output is left in
    /// it that this build did not put there, nor is any more taken.
    fn is_sealed(&self) -> bool {
        self.reused.is_none()
    }

    /// Completes the staging folder: carries over the output's keep file and, in a previous
    /// output, removes what this build did not put there. Done by [`Staging::commit`] if not
    /// before.
    pub fn seal(&mut self) -> Result<()> {
        self.carry_over_keep_file();
        if let Some(reused) = self.reused.take() {
            self.unmoved = reused
                .prune(&self.dir)
                .said(|| msg!("io-cannot-tidy", path = self.dir.display().to_string()))?;
        }
        Ok(())
    }

    /// The stamps of the folders holding `files`, the files of the sealed staging folder (see
    /// [`folders::stamp`]).
    pub fn folder_stamps(&self, files: &[FileState]) -> FolderStamps {
        debug_assert!(self.is_sealed(), "folders are stamped once the staging folder is tidied");
        folders::stamp(&self.dir, files, &self.unmoved)
    }

    /// Puts the staging folder at the output path, and keeps the output it replaces to stage
    /// the next build in.
    pub fn commit(mut self) -> Result<()> {
        self.seal()?;
        let output = self.output.clone();
        // Where the previous output is once the new one is in place.
        let mut previous = None;
        if output.target.exists() {
            match exchange(&self.dir, &output.target) {
                Ok(()) => previous = Some(&self.dir),
                Err(e) if exchange_unsupported(&e) => {
                    self.swap_in_two_steps()?;
                    previous = Some(&output.old);
                }
                Err(e) => {
                    return Err(e)
                        .said(|| msg!("io-cannot-swap", path = output.target.display().to_string()));
                }
            }
        } else {
            fs::rename(&self.dir, &output.target)
                .said(|| msg!("io-cannot-move-in", path = output.target.display().to_string()))?;
        }
        self.committed = true;
        match previous {
            Some(previous) => output.keep_as_previous(previous),
            None => Ok(()),
        }
    }

    /// The swap where the filesystem cannot exchange two folders: a kill between the renames
    /// leaves the output in `.old`, where the next build finds it.
    fn swap_in_two_steps(&self) -> Result<()> {
        let output = &self.output;
        if output.old.exists() {
            remove_own(&output.old)?;
        }
        fs::rename(&output.target, &output.old)
            .said(|| msg!("io-cannot-move-aside", path = output.target.display().to_string()))?;
        if let Err(e) = fs::rename(&self.dir, &output.target) {
            let _ = fs::rename(&output.old, &output.target);
            return Err(e).said(|| msg!("io-cannot-move-in", path = output.target.display().to_string()));
        }
        Ok(())
    }

    /// A `.gitkeep` that marks the output folder in version control survives the swap, as the
    /// very file it is (linked, not copied).
    fn carry_over_keep_file(&self) {
        let keep = self.output.target.join(KEEP_FILE);
        let done = match &self.reused {
            Some(reused) => reused.has_put(KEEP_FILE),
            None => self.dir.join(KEEP_FILE).exists(),
        };
        if let Some(stamp) = FileStamp::of_file(&keep).filter(|_| !done) {
            let _ = self.link_kept(KEEP_FILE, &stamp);
        }
    }

    /// The absolute path of the staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the disk was found full while this build wrote.
    pub fn disk_full(&self) -> bool {
        self.space.is_full()
    }

    /// An error of this build said once if it comes of a full disk, which is then marked full
    /// (see [`space::said_once`]); any other error as it is.
    pub fn said_once(&self, error: anyhow::Error) -> anyhow::Error {
        if space::is_out_of_space(&error) {
            self.space.mark_full();
        }
        space::said_once(error, &self.output.target)
    }

    /// A hard link to the output's file: the same bytes, inode and modification time. In a
    /// previous output the file is often that very file already.
    fn link_kept(&self, path: &str, stamp: &FileStamp) -> Result<()> {
        if let Some(reused) = &self.reused {
            // `stamp` is the output's file's (checked when the state was read, or taken just
            // now); a file of the previous output (beside it, on the same file system) listed
            // with its inode is that very file.
            if reused.put_if_found(path, stamp.inode) {
                return Ok(());
            }
        }
        let old = self.old_path(path)?;
        let new = self.prepare(path)?;
        // A file this build wrote there, or the previous output's, gives way to the link.
        previous::make_way(&new).said(|| msg!("io-cannot-replace", path = new.display().to_string()))?;
        if let Some(reused) = &self.reused {
            reused.put(path);
        }
        fs::hard_link(&old, &new).said(|| {
            msg!("io-cannot-link", from = old.display().to_string(), path = new.display().to_string())
        })
    }
}

impl Staging {
    /// Writes a new file with what `fill` writes.
    fn write_new(&self, path: &str, fill: crate::publish::Fill) -> Result<Put> {
        let target = self.make_way(path)?;
        let file = fs::File::create(&target)
            .said(|| msg!("io-cannot-write", path = target.display().to_string()))?;
        let (hash, _) = self.fill_into(path, fill, self.space.watch(file))?;
        Ok(Put { stamp: self.stamp(path)?, hash, kept: false })
    }

    /// Writes what `fill` writes into `into` through a buffer; returns the hash of the bytes
    /// and `into`, everything written through.
    fn fill_into<W: io::Write>(&self, path: &str, fill: crate::publish::Fill, into: W) -> Result<(u64, W)> {
        let said = || msg!("io-cannot-write", path = self.dir.join(path).display().to_string());
        let mut out = crate::hash::Hashing::new(io::BufWriter::with_capacity(64 * 1024, into));
        fill(&mut out).and_then(|()| io::Write::flush(&mut out)).said(said)?;
        let hash = out.hash();
        let into = out.into_inner().into_inner().map_err(io::IntoInnerError::into_error).said(said)?;
        Ok((hash, into))
    }

    /// Puts the output's file at `path`, found to hold this build's bytes when it had `stamp`,
    /// into the build; an output file changed since is not taken for it.
    fn link_same(&self, path: &str, stamp: &FileStamp) -> Result<()> {
        self.link_kept(path, stamp)?;
        if self.stamp(path)? != *stamp {
            let path = self.old_path(path)?;
            fail!(msg!("output-changed-meanwhile", path = path.display().to_string()));
        }
        Ok(())
    }
}

impl crate::publish::Sink for Staging {
    fn write_with(&self, path: &str, fill: crate::publish::Fill) -> Result<Put> {
        self.space.guard(|| self.write_new(path, fill))
    }

    fn write_unless_same(&self, path: &str, fill: crate::publish::Fill) -> Result<Put> {
        self.space.guard(|| {
            let old = self.old_path(path)?;
            let Some((old_file, stamp)) = same::open_plain(&old) else {
                return self.write_new(path, fill);
            };
            let create = || -> io::Result<_> {
                let target = self.make_way(path).map_err(io::Error::other)?;
                let file = fs::File::create(target)?;
                Ok(self.space.watch(file))
            };
            let (hash, compared) = self.fill_into(path, fill, same::UnlessSame::new(old_file, create))?;
            let target = || self.dir.join(path).display().to_string();
            match compared.finish().said(|| msg!("io-cannot-write", path = target()))? {
                Some(_) => Ok(Put { stamp: self.stamp(path)?, hash, kept: false }),
                None => {
                    self.link_same(path, &stamp)?;
                    Ok(Put { stamp, hash, kept: true })
                }
            }
        })
    }

    fn copy(&self, source: &Path, path: &str) -> Result<(FileStamp, bool)> {
        self.space.guard(|| {
            let old = self.old_path(path)?;
            // The same bytes and the same permissions (a copy takes the source's): a file made
            // readable again must be copied again.
            if let Some(stamp) = FileStamp::of_file(&old)
                && same::same_permissions(&old, source)
                && same::same_bytes(&old, source).unwrap_or(false)
            {
                self.link_same(path, &stamp)?;
                return Ok((stamp, true));
            }
            Staging::copy(self, source, path)?;
            Ok((self.stamp(path)?, false))
        })
    }

    fn keep(&self, path: &str, stamp: &FileStamp) -> Result<()> {
        self.space.guard(|| self.link_kept(path, stamp))
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        fs::read(self.old_path(path).ok()?).ok()
    }
}

/// A build that stops before its swap (errors, a failure to write, a panic) leaves the output
/// as it was. Its staging folder, when it was the previous output, is the previous output
/// again (nothing in it is trusted), for the next build to stage in; else it is removed.
impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed || !is_own(&self.dir) {
            return;
        }
        let previous = &self.output.previous;
        // On a full disk the folder is removed, with what this build wrote into it: the room
        // it takes is wanted more than the time it would save the next build.
        let give_back = self.from_previous && !self.space.is_full();
        if give_back && !previous.exists() && fs::rename(&self.dir, previous).is_ok() {
            return;
        }
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Exchanges two folders in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Filesystems and kernels without `RENAME_EXCHANGE` say so with these.
fn exchange_unsupported(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Unsupported
        || matches!(error.raw_os_error(), Some(code) if code == 22 || code == 38 || code == 95)
}

#[cfg(test)]
mod tests;
