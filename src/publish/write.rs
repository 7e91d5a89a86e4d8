//! Writing a site: every planned file, the search index, static files and attachments handed
//! to a [`Sink`], keeping the previous build's file wherever it would come out the same.
//!
//! A file is kept when its fingerprint has not moved since the build before (see [`FileState`]),
//! or when its new bytes are those of the output's file at its path: by the hash the state
//! remembers for it, or, without a state (a `--full` build, after `gazette clean`), compared
//! with the file as they are made. Otherwise it is written. What was kept and written is
//! returned as the files of the new build state.

use rustc_hash::FxHashMap;
use std::path::Path;

use rayon::prelude::*;

use super::plan::Output;
use super::search::{self, IndexFile, SearchState};
use super::site::Site;
use super::state::{BuildState, FileStamp, FileState};
use super::theme::StaticSource;
use super::{Timings, layout};
use crate::archive::NoticeId;
use crate::content::Stamp;
use crate::diag::Diagnostic;
use crate::msg;

/// What writes a file's bytes.
pub type Fill<'a> = &'a mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>;

/// Where published files go.
pub trait Sink: Sync {
    /// Writes a new file with what `fill` writes.
    fn write_with(&self, path: &str, fill: Fill) -> anyhow::Result<Put>;
    /// Writes a file with what `fill` writes, comparing it with the output's file at `path` as
    /// it goes: where that file holds those very bytes, it goes in instead.
    fn write_unless_same(&self, path: &str, fill: Fill) -> anyhow::Result<Put>;
    /// Copies a file of the archive, or puts in the output's file at `path` when it holds the
    /// same bytes; returns the stamp of what went in, and whether it was the output's file.
    fn copy(&self, source: &Path, path: &str) -> anyhow::Result<(FileStamp, bool)>;
    /// Puts the previous build's file at `path`, whose stamp is `stamp`, into this build as it
    /// is, in place of a file this build wrote there.
    fn keep(&self, path: &str, stamp: &FileStamp) -> anyhow::Result<()>;
    /// The previous build's file at `path`.
    fn previous(&self, path: &str) -> Option<Vec<u8>>;
}

/// A file put into a build.
#[derive(Debug, Clone, Copy)]
pub struct Put {
    pub stamp: FileStamp,
    /// The hash of its bytes.
    pub hash: u64,
    /// Whether it is the output's file, which held these bytes already.
    pub kept: bool,
}

/// What a build wrote.
#[derive(Debug, Default)]
pub struct Published {
    pub pages: usize,
    /// Every file of the output, as the next build state remembers it.
    pub files: Vec<FileState>,
    pub search: Option<SearchState>,
    /// Files written (new or changed) and files kept as they were.
    pub written: usize,
    pub kept: usize,
}

/// Writes a file piece by piece.
type Writing<'a> = Box<dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a>;

/// How one file comes to be.
enum Made<'a> {
    Bytes(Vec<u8>),
    /// Written piece by piece, never held whole.
    Stream(Writing<'a>),
    Copy(std::path::PathBuf),
}

/// The previous build's files, by path.
type PreviousFiles<'a> = FxHashMap<&'a str, &'a FileState>;

/// Renders every file of the site and writes it into `sink`, or only renders it when there is
/// none (a check), keeping what `previous` wrote where it would come out the same.
pub fn publish(
    site: &Site,
    sink: Option<&dyn Sink>,
    previous: Option<&BuildState>,
    progress: bool,
    timings: &mut Timings,
) -> Result<Published, Vec<Diagnostic>> {
    let collisions = site.collisions();
    if !collisions.is_empty() {
        return Err(collisions);
    }
    let pages = site.plan.files.iter().filter(|f| f.path.ends_with(".html")).count();
    let Some(sink) = sink else {
        let problems = render_all(site, progress);
        return if problems.is_empty() {
            Ok(Published { pages, ..Published::default() })
        } else {
            Err(problems)
        };
    };
    let old: PreviousFiles = previous.map(BuildState::files_by_path).unwrap_or_default();
    let language = site.archive.config.language;
    let bar = super::progress_bar(progress, site.archive.len(), "progress-writing", language);
    // The search index is made while pages are written: one waits on the disk, the other not.
    let (pages_written, index) = rayon::join(
        || {
            site.plan
                .files
                .par_iter()
                .map(|planned| {
                    // A page that cannot be rendered says why, not that its file could not be written.
                    let failure = std::sync::Mutex::new(None);
                    let page = put(sink, &old, &planned.path, (planned.fingerprint, planned.key), || {
                        Ok(Made::Stream(Box::new(|out| {
                            site.write(planned, out).map_err(|problem| {
                                let message = problem.message.id().to_string();
                                *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(problem);
                                std::io::Error::other(message)
                            })
                        })))
                    });
                    let page = page.map_err(|problem| {
                        failure.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or(problem)
                    })?;
                    let mut files = vec![page];
                    if let Output::Notice(id) = planned.output {
                        files.extend(attachments(sink, &old, site, id)?);
                        bar.inc(1);
                    }
                    Ok(files)
                })
                .collect::<Vec<Result<Vec<(FileState, bool)>, Diagnostic>>>()
        },
        || {
            let read = |path: &str| sink.previous(path).and_then(|bytes| String::from_utf8(bytes).ok());
            let previous_index = previous
                .and_then(|p| p.search.as_ref())
                .filter(|state| state.intact(|path, hash| old.get(path).is_some_and(|f| f.hash == hash)))
                .map(|state| search::Previous { state, read: &read });
            // Each file of the index is written as soon as it is made.
            site.make_search_index(previous_index, &|file| write_index_file(sink, &old, file))
        },
    );
    bar.finish_and_clear();
    timings.lap("render and write pages, make the search index");
    let mut problems = Vec::new();
    let mut written: Vec<(FileState, bool)> = Vec::with_capacity(site.plan.files.len() * 2);
    for result in pages_written {
        match result {
            Ok(files) => written.extend(files),
            Err(problem) => problems.push(problem),
        }
    }
    let search_state = match index {
        Ok((files, state)) => {
            written.extend(collect(files, &mut problems));
            Some(state)
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    written.extend(write_statics(sink, &old, site, &mut problems));
    timings.lap("write search index and static files");
    if !problems.is_empty() {
        return Err(once_each(problems));
    }
    let kept = written.iter().filter(|(_, kept)| *kept).count();
    Ok(Published {
        pages,
        written: written.len() - kept,
        kept,
        files: written.into_iter().map(|(file, _)| file).collect(),
        search: search_state,
    })
}

/// Renders every planned file and drops it: a check fails exactly where a build would.
fn render_all(site: &Site, progress: bool) -> Vec<Diagnostic> {
    let bar =
        super::progress_bar(progress, site.archive.len(), "progress-writing", site.archive.config.language);
    let results: Vec<Result<(), Diagnostic>> = site
        .plan
        .files
        .par_iter()
        .map(|planned| {
            site.render(planned)?;
            if let Output::Notice(_) = planned.output {
                bar.inc(1);
            }
            Ok(())
        })
        .collect();
    bar.finish_and_clear();
    once_each(results.into_iter().filter_map(Result::err).collect())
}

/// Each problem once, in the order first met: many pages fail on one template error, and a
/// folder that cannot be written fails every page in it, each with its own path.
fn once_each(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::with_capacity(problems.len());
    problems.retain(|problem| seen.insert(problem.clone()));
    problems
}

/// Puts one file into the sink: the previous build's when its fingerprint, or else its bytes,
/// are the same; returns its state and whether it was kept.
fn put<'a>(
    sink: &dyn Sink,
    old: &PreviousFiles,
    path: &str,
    (fingerprint, key): (u64, u64),
    make: impl FnOnce() -> Result<Made<'a>, Diagnostic>,
) -> Result<(FileState, bool), Diagnostic> {
    let previous = old.get(path).copied();
    let problem =
        |e: anyhow::Error| Diagnostic::error(path, 1, 1, msg!("cannot-write", error = format!("{e:#}")));
    if let Some(previous) = previous.filter(|p| p.fingerprint == fingerprint) {
        sink.keep(path, &previous.stamp).map_err(problem)?;
        return Ok((FileState { key, ..previous.clone() }, true));
    }
    let made = make()?;
    // The same bytes as the build before wrote, by its state: its file goes in, unread.
    if let Made::Bytes(bytes) = &made
        && let Some(previous) = previous.filter(|p| p.hash == crate::hash::bytes(bytes))
    {
        sink.keep(path, &previous.stamp).map_err(problem)?;
        return Ok((FileState { fingerprint, key, ..previous.clone() }, true));
    }
    let put = match made {
        Made::Bytes(bytes) => write_file(sink, previous, path, &mut |out| out.write_all(&bytes)),
        Made::Stream(mut fill) => write_file(sink, previous, path, &mut fill),
        Made::Copy(source) => sink.copy(&source, path).map(|(stamp, kept)| {
            // A copy's hash is the fingerprint it was copied with.
            let hash = previous.filter(|_| kept).map_or(fingerprint, |p| p.hash);
            Put { stamp, hash, kept }
        }),
    };
    let Put { stamp, hash, kept } = put.map_err(problem)?;
    Ok((FileState { path: path.to_string(), fingerprint, key, hash, stamp }, kept))
}

/// Writes a file. With the state's word for the file the build before wrote there, a new file
/// whose hash is compared with it after (a file made again mostly changed, and is written
/// without reading the old one); without, one compared with the output's file as it is made.
fn write_file(sink: &dyn Sink, previous: Option<&FileState>, path: &str, fill: Fill) -> anyhow::Result<Put> {
    let Some(previous) = previous else {
        return sink.write_unless_same(path, fill);
    };
    let put = sink.write_with(path, fill)?;
    if put.hash != previous.hash {
        return Ok(put);
    }
    // The same bytes as before: the previous file, not a new one, goes in.
    sink.keep(path, &previous.stamp)?;
    Ok(Put { stamp: previous.stamp, kept: true, ..put })
}

/// The fingerprint of a file copied as it is: where it comes from and which version of it.
fn copy_fingerprint(source: &Path) -> u64 {
    Stamp::version_of(source)
}

fn attachments(
    sink: &dyn Sink,
    old: &PreviousFiles,
    site: &Site,
    id: NoticeId,
) -> Result<Vec<(FileState, bool)>, Diagnostic> {
    let entry = site.archive.entry(id);
    entry
        .notice
        .attachments
        .iter()
        .map(|attachment| {
            let path = layout::attachment(&entry.url, &attachment.name);
            put(sink, old, &path, (copy_fingerprint(&attachment.source), 0), || {
                Ok(Made::Copy(attachment.source.clone()))
            })
            .map_err(|e| {
                Diagnostic::error(
                    &entry.notice.source_path,
                    1,
                    1,
                    msg!("attachment-problem", name = &attachment.name),
                )
                .with_help(e.message)
            })
        })
        .collect()
}

fn write_statics(
    sink: &dyn Sink,
    old: &PreviousFiles,
    site: &Site,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(FileState, bool)> {
    let results: Vec<Result<(FileState, bool), Diagnostic>> = site
        .theme
        .static_files
        .par_iter()
        .map(|file| match &file.source {
            StaticSource::Embedded(bytes) => {
                put(sink, old, &file.path, (crate::hash::bytes(bytes), 0), || Ok(Made::Bytes(bytes.to_vec())))
            }
            StaticSource::File(source) => {
                put(sink, old, &file.path, (copy_fingerprint(source), 0), || Ok(Made::Copy(source.clone())))
            }
        })
        .collect();
    collect(results, problems)
}

fn write_index_file(
    sink: &dyn Sink,
    old: &PreviousFiles,
    file: IndexFile,
) -> Result<(FileState, bool), Diagnostic> {
    let IndexFile { path, fingerprint, contents } = file;
    put(sink, old, &path, (fingerprint, 0), || match contents {
        Some(text) => Ok(Made::Bytes(text.into_bytes())),
        None => Err(Diagnostic::error(&path, 1, 1, msg!("previous-file-gone"))),
    })
}

fn collect(
    results: Vec<Result<(FileState, bool), Diagnostic>>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(FileState, bool)> {
    let mut files = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn each_problem_is_said_once_in_the_order_first_met() {
        let cannot_write = |path: &str| Diagnostic::error(path, 1, 1, msg!("cannot-write", error = "quyền"));
        let template = || {
            Diagnostic::error(
                "themes/default/templates/notice.html",
                3,
                7,
                msg!("template-error", detail = "không có biến `ghi_chu`"),
            )
        };
        let met = vec![
            template(),
            cannot_write("van-ban/2024/a/index.html"),
            template(),
            cannot_write("van-ban/2024/b/index.html"),
            cannot_write("van-ban/2024/a/index.html"),
            template(),
        ];
        assert_eq!(
            once_each(met),
            [
                template(),
                cannot_write("van-ban/2024/a/index.html"),
                cannot_write("van-ban/2024/b/index.html")
            ]
        );
        // Many distinct problems (a folder that cannot be written) are all kept.
        let many: Vec<Diagnostic> =
            (0..50_000).map(|i| cannot_write(&format!("van-ban/{i}/index.html"))).collect();
        assert_eq!(once_each(many.clone()), many);
    }
}
