//! `gazette build` and `gazette clean`: the publishing pipeline written into the output folder,
//! all or nothing, and incremental.
//!
//! A build takes the output's lock, checks the output folder before anything is read, reads
//! the previous build's state (see [`state`]), runs the pipeline reusing what did not change,
//! and writes into a staging folder (unchanged files as hard links to the output's) that
//! replaces the output only when every file is written, with the new state inside. A build
//! with errors leaves the output as it was.

use crate::message::Said as _;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;

use super::space;
use super::state::{self, Missing};
use super::{OutputDir, Wait};
use crate::config::SiteConfig;
use crate::diag;
use crate::message::Message;
use crate::msg;
use crate::publish::state::{BuildState, FileStamp, NoticeFile, Outcome};
use crate::publish::{self, Kept, Report, Timings, layout};

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site: publish::Options,
    /// Output folder; `root/output` when `None`.
    pub out: Option<PathBuf>,
    /// Wait for another build of the same output, or refuse.
    pub wait: Wait,
    /// Ignore the previous build's state: read, render and write everything.
    pub full: bool,
    /// Where to write the list of output paths added, changed and removed.
    pub changes: Option<PathBuf>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site: publish::Options::new(root),
            out: None,
            wait: Wait::Yes,
            full: false,
            changes: None,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.site.root.join("output"))
    }
}

/// Builds an archive into its output folder.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    if let Some(Some(url)) = &options.site.base_url
        && !crate::config::is_base_url(url)
    {
        crate::fail!(msg!("flag-bad-base-url", value = url.as_str()), msg!("help-bad-base-url"));
    }
    let output = OutputDir::new(&options.site.root, &options.output_dir())?;
    let lock = output.lock(options.wait)?;
    output.check_on_disk()?;
    // Until this build lists what it changed, it has changed nothing: a build that fails
    // leaves no list of an earlier one behind.
    if let Some(path) = &options.changes {
        output.check_changes_file(&options.site.root, path)?;
        write_changes(path, "")?;
    }
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let mut notes = Vec::new();
    let (mut opened, inputs) =
        state_and_inputs(options, &output.target, &mut notes, &mut diagnostics, &mut timings);
    let digest = inputs.digest(&options.site, &diagnostics);
    // Nothing changed since the last build: its output stands, and its report is said again.
    if let Some(opened) = opened.as_ref().filter(|opened| digest.is_some_and(|d| opened.unchanged(d)))
        && !options.site.list_outside
        && diag::count_errors(&diagnostics) == 0
        && opened.outcome.holds_today()
        && output.is_tidy()
        && NoticeFile::all_unchanged(&opened.notice_files, &inputs.sources, opened.untrusted_from)
    {
        // Notice files saved again unchanged: their new stamps are kept, when that is worth it,
        // for the next build not to read them again. A state that cannot be written so stays as
        // it was.
        let untrusted = (opened.untrusted_from, inputs.untrusted_from);
        if let Some(restamped) =
            NoticeFile::restamped(&opened.notice_files, &inputs.sources, opened.size(), untrusted)
        {
            let _ = opened.restamp(&output.target, &restamped, inputs.untrusted_from);
        }
        return unchanged(opened, &inputs.config, started, timings);
    }
    // Files of the last build changed or removed by hand since: changed again by this one.
    let altered = opened.as_ref().map(|opened| opened.altered.clone()).unwrap_or_default();
    // The staging folder is made (the previous output taken and listed) while the sources are
    // read: one waits on the disk, the other on the processor.
    // With a state, the output's files are listed meanwhile too: those its last build did not
    // make were put there by hand, and the swap leaves them out.
    let list_output = opened.is_some();
    // The output this build replaces, as its state describes it when it found the output as
    // written: the next build stages in it. The one the last build replaced is staged in now.
    let replaced = opened.as_ref().filter(|opened| opened.intact()).map(state::Opened::listing);
    let staged_in = opened.as_mut().and_then(|opened| opened.replaced.take());
    let kept_folders = opened.as_mut().map(|opened| std::mem::take(&mut opened.folders)).unwrap_or_default();
    let (previous, (mut site, mut report, next_cache), staging, on_disk) = std::thread::scope(|scope| {
        // Unused when reading fails: dropped, it goes back to being the previous output.
        let staging = scope.spawn(|| output.stage(&lock, staged_in.as_ref()));
        let on_disk =
            scope.spawn(|| if list_output { output.files_maybe_not_made(&kept_folders) } else { Vec::new() });
        let mut previous = opened.and_then(|opened| whole_state(opened, &mut notes));
        timings.lap("read the rest of the build state");
        let links = previous.as_mut().and_then(|state| state.links.take());
        let indexes = previous.as_mut().and_then(|state| state.indexes.take());
        let cache = previous.as_mut().map(BuildState::take_read_cache).unwrap_or_default();
        let fingerprints = previous.as_ref().map(BuildState::kept_fingerprints);
        let prepared = publish::prepare(
            &options.site,
            inputs,
            cache,
            Kept { links, indexes, fingerprints },
            &mut diagnostics,
            &mut timings,
        );
        let staging = staging.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let on_disk = on_disk.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (previous, prepared, staging, on_disk)
    });
    let not_made = previous.as_ref().map(|state| not_made(on_disk, state, &altered)).unwrap_or_default();
    report.notes.splice(0..0, notes);
    if let Some(site) = site.as_mut() {
        let mut staging = staging.map_err(|error| space::said_once(error, &output.target))?;
        match publish::publish(site, Some(&staging), previous.as_ref(), options.site.progress, &mut timings) {
            Ok(published) => {
                staging.seal().map_err(|error| staging.said_once(error))?;
                timings.lap("tidy the staging folder");
                let (read_key, untrusted_from) = (next_cache.key(), next_cache.untrusted_from());
                let sources = next_cache.into_sources();
                let next = BuildState {
                    inputs: digest.unwrap_or_default(),
                    outcome: Outcome {
                        notices: report.notices,
                        drafts_skipped: report.drafts_skipped,
                        pages: published.pages,
                        citations: report.citations,
                        diagnostics: sorted(diagnostics.clone()),
                        status_day: site.archive.next_status_day(),
                        day: Some(crate::content::today()),
                    },
                    notice_files: NoticeFile::all_of(&sources),
                    untrusted_from,
                    read_key,
                    sources,
                    // Once the staging folder is tidied, it holds only what the build wrote.
                    folders: staging.folder_stamps(&published.files),
                    files: published.files,
                    replaced,
                    // Nothing renders any more: the indexes and the archive's links are taken,
                    // not copied.
                    indexes: Some(site.indexes.take_kept()),
                    links: Some(site.archive.take_kept_links()),
                    search: published.search,
                    pieces_read: Default::default(),
                };
                let read = previous.as_ref().map(|state| &state.pieces_read);
                state::save_staged(&staging, &next, read.unwrap_or(&Default::default()))
                    .map_err(|error| staging.said_once(error))?;
                timings.lap("save the build state");
                // Written before the swap: a build stopped after it leaves a list of changes
                // that may not have happened (the next build lists them again), never an output
                // changed without its list.
                if let Some(path) = &options.changes {
                    write_changes(
                        path,
                        &changes(
                            &output.target,
                            staging.dir(),
                            previous.as_ref().map(|state| Before {
                                state,
                                altered: &altered,
                                not_made: &not_made,
                            }),
                            &next,
                        )?,
                    )?;
                }
                publish::free_in_background(next);
                staging.commit()?;
                timings.lap("swap in");
                report.notes.extend(left_out(&options.site.root, &output, &not_made));
                report.pages = published.pages;
                report.files_written = published.written;
                report.files_kept = published.kept;
                report.written = true;
                report.note_relative_links(&site.archive.config);
            }
            // The staging folder, dropped, goes back to being the previous output.
            Err(_) if staging.disk_full() => return Err(space::disk_full(&output.target)),
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    Ok(finish(report, diagnostics, started, timings, (site, previous)))
}

/// The report of a build that found its inputs as the last build left them and the output as
/// it wrote it: nothing is written, and what the last build reported is said again.
fn unchanged(
    opened: &state::Opened,
    config: &SiteConfig,
    started: Instant,
    timings: Timings,
) -> Result<Report> {
    let Outcome { notices, drafts_skipped, pages, citations, mut diagnostics, .. } = opened.outcome.clone();
    diagnostics.retain(|problem| !crate::content::outdated(problem));
    let mut report = Report {
        notices,
        drafts_skipped,
        pages,
        citations,
        files_kept: opened.files.len(),
        written: true,
        language: config.language,
        ..Report::default()
    };
    report.note_outside();
    report.note_relative_links(config);
    Ok(finish(report, diagnostics, started, timings, ()))
}

fn write_changes(path: &Path, changes: &str) -> Result<()> {
    std::fs::write(path, changes).said(|| msg!("io-cannot-write-changes", path = path.display().to_string()))
}

fn sorted(mut diagnostics: Vec<diag::Diagnostic>) -> Vec<diag::Diagnostic> {
    diag::sort(&mut diagnostics);
    diagnostics
}

/// The report of a build, with its problems in order; what the build held is freed after.
fn finish<T: Send + 'static>(
    mut report: Report,
    mut diagnostics: Vec<diag::Diagnostic>,
    started: Instant,
    timings: Timings,
    held: T,
) -> Report {
    publish::free_in_background(held);
    diag::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.seconds = started.elapsed().as_secs_f64();
    report.timings = timings.stages;
    report
}

/// The previous build's state, its summary read (none with `--full`), and the build's inputs:
/// the summary is read, and every file it remembers looked at, while the sources are found,
/// since both wait on the disk.
fn state_and_inputs(
    options: &BuildOptions,
    target: &Path,
    notes: &mut Vec<Message>,
    diagnostics: &mut Vec<diag::Diagnostic>,
    timings: &mut Timings,
) -> (Option<state::Opened>, publish::Inputs) {
    std::thread::scope(|scope| {
        let opened = scope.spawn(|| {
            let mut state_notes = Vec::new();
            (if options.full { None } else { opened_state(target, &mut state_notes) }, state_notes)
        });
        let inputs = publish::read_inputs(&options.site, diagnostics, timings);
        let (opened, state_notes) = opened.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        notes.extend(state_notes);
        timings.lap("read the build state (the wait after discover)");
        (opened, inputs)
    })
}

/// The previous build's state, its summary read, or `None` (with a note saying why, when one
/// was there).
fn opened_state(target: &Path, notes: &mut Vec<Message>) -> Option<state::Opened> {
    let opened = state::open(target).map_err(|missing| note_missing(missing, notes)).ok()?;
    // Built as of a later day (`SOURCE_DATE_EPOCH`): what it read of the notices on that day,
    // a date that was not yet after it, may not hold on this one.
    if let Some(day) = opened.outcome.day.filter(|&day| day > crate::content::today()) {
        notes.push(msg!("note-state-later-day", day = day.to_string()));
        return None;
    }
    Some(opened)
}

/// The whole of the previous build's state, or `None` (with a note saying why).
fn whole_state(opened: state::Opened, notes: &mut Vec<Message>) -> Option<BuildState> {
    opened.read_rest().map_err(|missing| note_missing(missing, notes)).ok()
}

fn note_missing(missing: Missing, notes: &mut Vec<Message>) {
    match missing {
        Missing::None => {}
        Missing::Stale(why) => notes.push(msg!("note-state-stale", why = why)),
        Missing::Corrupt(why) => notes.push(msg!("note-state-corrupt", why = why)),
    }
}

/// The files of the output `on_disk` that the build that left `state` did not make (nor
/// `altered`, its files changed or removed by hand since), in path order: put there by hand.
fn not_made(on_disk: Vec<String>, state: &BuildState, altered: &[String]) -> Vec<String> {
    let made: HashSet<&str> =
        state.files.iter().map(|file| file.path.as_str()).chain(altered.iter().map(String::as_str)).collect();
    let mut files: Vec<String> = on_disk.into_iter().filter(|path| !made.contains(path.as_str())).collect();
    files.sort_unstable();
    files
}

/// The files put in the output by hand (`not_made`) that the swapped-in output did not keep,
/// said in one note that names the first few (`--changes` lists them all): until the next
/// build they are in the replaced output, and files to publish as they are belong in `static/`.
fn left_out(root: &Path, output: &OutputDir, not_made: &[String]) -> Option<Message> {
    const NAMED: usize = 5;
    if not_made.is_empty() {
        return None;
    }
    let root = super::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let mut names = not_made.iter().take(NAMED).map(String::as_str).collect::<Vec<_>>().join(", ");
    if not_made.len() > NAMED {
        names.push_str(", …");
    }
    Some(msg!(
        "note-output-files-left-out",
        count = not_made.len(),
        output = diag::display_path(&root, &output.target),
        previous = diag::display_path(&root, output.previous()),
        names = names,
    ))
}

/// What the output held before a build, as its state says: the state, its files changed or
/// removed by hand since (`altered`), and the files put there by hand (`not_made`).
struct Before<'a> {
    state: &'a BuildState,
    altered: &'a [String],
    not_made: &'a [String],
}

/// The output paths added (`+`), changed (`~`) and removed (`-`), one per line, in path
/// order. The two states say what the files hold; a file of the previous one changed by hand is
/// changed again, one removed by hand is added again (or removed, if the build no longer makes
/// it), and a file put there by hand is removed (or changed, where the build writes its own). Without a previous state the old and
/// the new output are listed: a file the build kept is the old one (the same inode), and only a
/// file written anew with the old one's size is read to tell.
fn changes(old: &Path, new: &Path, previous: Option<Before>, next: &BuildState) -> Result<String> {
    match previous {
        Some(Before { state, altered, not_made }) => {
            let (mut before, after) = (hashes_of(state), hashes_of(next));
            for path in altered {
                if FileStamp::of_file(&old.join(path)).is_none() && after.contains_key(path) {
                    before.remove(path);
                } else {
                    // What a file changed by hand holds is not known: whatever this build puts
                    // there is a change (and one it no longer makes is removed).
                    before.insert(path.clone(), None);
                }
            }
            for path in not_made {
                before.insert(path.clone(), None);
            }
            marks(&before, &after, |path| Ok(before[path] != after[path]))
        }
        None => {
            let (before, after) = (stamps_on_disk(old)?, stamps_on_disk(new)?);
            marks(&before, &after, |path| {
                let (was, is) = (before[path], after[path]);
                if cfg!(unix) && was.inode == is.inode {
                    return Ok(false);
                }
                if was.size != is.size {
                    return Ok(true);
                }
                let (old_file, new_file) = (old.join(path), new.join(path));
                let same = super::same::same_bytes(&old_file, &new_file);
                Ok(!same.said(|| msg!("io-cannot-read", path = old_file.display().to_string()))?)
            })
        }
    }
}

/// The lines of [`changes`]: the paths only `after` has, those both have that `differs`, and
/// those only `before` has.
fn marks<V>(
    before: &HashMap<String, V>,
    after: &HashMap<String, V>,
    differs: impl Fn(&str) -> Result<bool>,
) -> Result<String> {
    let mut lines: BTreeMap<&str, char> = BTreeMap::new();
    for path in after.keys() {
        if !before.contains_key(path) {
            lines.insert(path, '+');
        } else if differs(path)? {
            lines.insert(path, '~');
        }
    }
    for path in before.keys().filter(|p| !after.contains_key(*p)) {
        lines.insert(path, '-');
    }
    Ok(lines.into_iter().map(|(path, mark)| format!("{mark} {path}\n")).collect())
}

fn hashes_of(state: &BuildState) -> HashMap<String, Option<u64>> {
    state.files.iter().map(|f| (f.path.clone(), Some(f.hash))).collect()
}

/// The files of an output folder with their stamps, Gazette's own folder aside.
fn stamps_on_disk(dir: &Path) -> Result<HashMap<String, FileStamp>> {
    let mut stamps = HashMap::new();
    if !dir.is_dir() {
        return Ok(stamps);
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.said(|| msg!("io-cannot-read", path = dir.display().to_string()))?;
        let path = crate::diag::display_path(dir, entry.path());
        if entry.file_type().is_file() && !path.starts_with(&format!("{}/", layout::STATE_DIR)) {
            let meta = entry.metadata().said(|| msg!("io-cannot-read", path = path.as_str()))?;
            stamps.insert(path, FileStamp::from_metadata(&meta));
        }
    }
    Ok(stamps)
}

/// `gazette clean`: forgets the build state of the output, so that the next build is full, and
/// removes the output the last build replaced (`.NAME.previous`).
pub fn clean(options: &BuildOptions) -> Result<bool> {
    let root = &options.site.root;
    // A mistyped --root would be told "no build state", as if all were well.
    if !root.join(crate::content::CONTENT_DIR).is_dir() && !root.join(crate::config::FILE_NAME).is_file() {
        crate::fail!(
            msg!("clean-not-archive", path = root.display().to_string()),
            msg!("help-clean-not-archive")
        );
    }
    // What a build refuses to write into is not an output either: said as clean's refusal.
    let out = options.output_dir();
    let not_an_output = || {
        crate::message::Failure::with_help(
            msg!("clean-not-output", path = out.display().to_string()),
            msg!("help-clean-not-output"),
        )
    };
    let output = OutputDir::new(root, &out).map_err(|_| not_an_output())?;
    if !output.is_absent_or_own()? {
        return Err(not_an_output().into());
    }
    let _lock = output.lock(options.wait)?;
    output.check_on_disk()?;
    let removed_previous = output.remove_previous()?;
    Ok(state::remove(&output.target)? || removed_previous)
}
