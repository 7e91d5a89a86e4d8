//! Output: writing a build to a staging folder and swapping it in whole.
//!
//! Owns every write a build makes. A build writes into `.NAME.staging` beside the output
//! folder and replaces `NAME` only when complete, so a failed build leaves the previous output
//! as it was. Nothing is written outside those two folders, and an output folder that is the
//! archive root, its `content/`, or a parent of either is refused.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result, bail};

/// A build being written; dropped without [`Staging::commit`] it removes itself.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Checks that `out` may be replaced by a build of the archive at `root`.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let root = absolute(root)?;
    let out = absolute(out)?;
    let content = root.join(crate::content::CONTENT_DIR);
    let protected = [
        (root.clone(), "the archive root"),
        (content.clone(), "the content folder"),
        (root.join("static"), "the static folder"),
        (root.join("templates"), "the templates folder"),
        (root.join("themes"), "the themes folder"),
    ];
    for (folder, what) in &protected {
        if folder.starts_with(&out) {
            bail!(
                "refusing to write the output to {}: it is {what} or a parent of it, and a build replaces its output folder",
                out.display()
            );
        }
    }
    if out.starts_with(&content) {
        bail!("refusing to write the output to {}: it is inside the content folder", out.display());
    }
    if out.parent().is_none() {
        bail!("refusing to write the output to the filesystem root");
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

impl Staging {
    /// Creates an empty staging folder beside `target`.
    pub fn create(target: &Path) -> Result<Staging> {
        let target = absolute(target)?;
        let name = target.file_name().context("output folder has no name")?.to_string_lossy().into_owned();
        let parent = target.parent().context("output folder has no parent")?;
        fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        let dir = parent.join(format!(".{name}.staging"));
        if dir.exists() {
            fs::remove_dir_all(&dir).with_context(|| format!("cannot remove the stale {}", dir.display()))?;
        }
        fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging { dir, target, committed: false })
    }

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

    /// Writes a file at an output-relative path, creating its folders.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Copies a file to an output-relative path.
    pub fn copy(&self, source: &Path, relative: &str) -> Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::copy(source, &path)
            .with_context(|| format!("cannot copy {} to {}", source.display(), path.display()))?;
        Ok(())
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> Result<()> {
        let parent = self.target.parent().context("output folder has no parent")?;
        let name =
            self.target.file_name().context("output folder has no name")?.to_string_lossy().into_owned();
        let old = parent.join(format!(".{name}.old"));
        if old.exists() {
            fs::remove_dir_all(&old).with_context(|| format!("cannot remove {}", old.display()))?;
        }
        let had_previous = self.target.exists();
        self.carry_over_keep_file();
        if had_previous {
            fs::rename(&self.target, &old)
                .with_context(|| format!("cannot move aside {}", self.target.display()))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_previous {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e).with_context(|| format!("cannot move the new build to {}", self.target.display()));
        }
        self.committed = true;
        if had_previous {
            fs::remove_dir_all(&old).with_context(|| format!("cannot remove {}", old.display()))?;
        }
        Ok(())
    }
}

impl Staging {
    /// A `.gitkeep` that marks the output folder in version control survives the swap.
    fn carry_over_keep_file(&self) {
        let keep = self.target.join(KEEP_FILE);
        if keep.is_file() && !self.dir.join(KEEP_FILE).exists() {
            let _ = fs::copy(&keep, self.dir.join(KEEP_FILE));
        }
    }
}

const KEEP_FILE: &str = ".gitkeep";

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_root_content_and_parents() {
        let root = Path::new("/tmp/archive");
        assert!(check_output_dir(root, Path::new("/tmp/archive")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/content")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/output/..")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/static")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/themes")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/content/2024/out")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/archive/output")).is_ok());
        assert!(check_output_dir(root, Path::new("/tmp/elsewhere/out")).is_ok());
    }

    #[test]
    fn staging_refuses_paths_that_leave_it() {
        let dir = std::env::temp_dir().join(format!("gazette-staging-test-{}", std::process::id()));
        let staging = Staging::create(&dir.join("out")).unwrap();
        assert!(staging.write("../escape.txt", b"x").is_err());
        assert!(staging.write("/abs.txt", b"x").is_err());
        staging.write("a/b.txt", b"x").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(dir.join("out/a/b.txt")).unwrap(), b"x");
        assert!(!dir.join("escape.txt").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
