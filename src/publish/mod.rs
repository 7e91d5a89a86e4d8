//! Publishing: the one pipeline that `build`, `check` and `serve` drive, from the archive's
//! files to planned, rendered and written output files.
//!
//! [`read`] loads `site.yaml`, the theme and every notice (reusing those a [`ReadCache`] holds
//! while their files are unchanged); [`Site::assemble`] links them into an archive, indexes
//! them and plans every file with its fingerprint ([`plan`]); [`publish`] renders and hands the
//! files to a [`Sink`], keeping the previous build's files where they would come out the same
//! ([`state`]). Where files go is [`layout`]'s; what each template receives is [`html`]'s.
//! Problems of all stages are collected, not thrown, so one run reports every problem.
//! Keeping files on disk, locking and swapping are `output`'s; serving is `serve`'s.

pub mod api;
pub mod feeds;
pub mod html;
pub mod layout;
pub mod plan;
mod read;
pub mod search;
mod site;
mod spill;
pub mod state;
pub mod theme;
mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::archive::CitationStats;
use crate::diag::{self, Diagnostic};
use crate::message::{Language, Message};
pub use plan::KeptFingerprints;
use read::Cached;
pub use read::{Inputs, Read, ReadCache, StoredBody, read, read_inputs};
pub use site::{Earlier, Kept, Site};
pub use write::{Fill, Published, Put, Sink, publish};

/// What to publish.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml: `Some(None)` makes every link relative.
    pub base_url: Option<Option<String>>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Keep bodies' HTML in memory (the preview) rather than in a temporary file.
    pub bodies_in_memory: bool,
    /// List every citation of a document outside the archive in the report.
    pub list_outside: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options {
            root: root.into(),
            drafts: false,
            base_url: None,
            progress: false,
            bodies_in_memory: false,
            list_outside: false,
        }
    }
}

/// What a run found and did.
#[derive(Debug, Default)]
pub struct Report {
    pub notices: usize,
    pub drafts_skipped: usize,
    pub pages: usize,
    pub citations: CitationStats,
    pub diagnostics: Vec<Diagnostic>,
    pub seconds: f64,
    pub written: bool,
    /// Notice files read in this run (the others were unchanged since the last build).
    pub files_read: usize,
    /// Output files written (new or changed), and files kept as they were.
    pub files_written: usize,
    pub files_kept: usize,
    /// Wall time of each stage, in order.
    pub timings: Vec<(&'static str, f64)>,
    /// Advice printed after the summary.
    pub notes: Vec<Message>,
    /// The archive's language, for everything said about the run.
    pub language: Language,
    /// Citations of documents outside the archive, when asked for.
    pub outside: Vec<OutsideCitation>,
}

/// A citation of a document of an issuer the archive does not publish, where it stands.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutsideCitation {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub number: String,
}

/// Every citation of a document outside the archive, in archive order.
fn outside_citations(archive: &crate::archive::Archive) -> Vec<OutsideCitation> {
    let mut found = Vec::new();
    for entry in archive.entries() {
        let notice = &entry.notice;
        for (reference, target) in notice.body.references.iter().zip(&entry.links.references) {
            if *target == crate::archive::RefTarget::External {
                found.push(OutsideCitation {
                    path: notice.source_path.clone(),
                    line: reference.line,
                    column: reference.column,
                    number: reference.text.clone(),
                });
            }
        }
    }
    found
}

impl Report {
    /// Says that citations of documents outside the archive were not warned of one by one.
    pub fn note_outside(&mut self) {
        if self.citations.external > 0 {
            self.notes.push(crate::msg!("note-outside", count = self.citations.external));
        }
    }

    /// Says that feeds and the sitemap have relative links when `config` has no `base_url`.
    pub fn note_relative_links(&mut self, config: &crate::config::SiteConfig) {
        if config.base_url.is_none() {
            self.notes.push(crate::msg!("note-relative-links"));
        }
    }

    pub fn errors(&self) -> usize {
        diag::count_errors(&self.diagnostics)
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Stage wall times of one run.
pub struct Timings {
    last: Instant,
    pub stages: Vec<(&'static str, f64)>,
}

impl Timings {
    pub fn start() -> Self {
        Timings { last: Instant::now(), stages: Vec::new() }
    }

    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.stages.push((stage, (now - self.last).as_secs_f64()));
        self.last = now;
    }
}

/// A progress bar on a terminal for a stage of `total` notices, `what` naming it; hidden for
/// small archives and when stderr is not a terminal.
fn progress_bar(
    enabled: bool,
    total: usize,
    what: &'static str,
    language: Language,
) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !enabled || total < 500 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}") {
        bar.set_style(style);
    }
    bar.set_message(crate::message::text(language, what));
    bar
}

/// Reads, links and plans an archive: every stage before writing, reusing what `cache` holds.
/// The site is `None` when the theme or the content has errors; the cache is what the next run
/// may reuse.
pub fn prepare(
    options: &Options,
    inputs: Inputs,
    cache: ReadCache,
    kept: Kept,
    diagnostics: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> (Option<Site>, Report, ReadCache) {
    let mut read = read(options, inputs, cache, &HashSet::new(), diagnostics, timings);
    let next = std::mem::take(&mut read.cache);
    let mut report = Report {
        drafts_skipped: read.drafts_skipped,
        files_read: read.reread,
        language: read.config.language,
        ..Report::default()
    };
    let site = Site::assemble(&options.root, read, Earlier::Kept(kept), diagnostics, timings);
    let archive = match &site {
        Ok(site) => &site.archive,
        Err(archive) => archive,
    };
    report.notices = archive.len();
    report.citations = archive.stats;
    if options.list_outside {
        report.outside = outside_citations(archive);
    } else {
        report.note_outside();
    }
    let site = site.ok().filter(|_| diag::count_errors(diagnostics) == 0);
    (site, report, next)
}

/// Validates an archive without writing anything: every page is rendered in memory, so a
/// check fails exactly when a build would.
pub fn check(options: &Options) -> Report {
    let started = Instant::now();
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let inputs = read_inputs(options, &mut diagnostics, &mut timings);
    let (site, mut report, _) =
        prepare(options, inputs, ReadCache::default(), Kept::default(), &mut diagnostics, &mut timings);
    if let Some(site) = &site {
        match publish(site, None, None, false, &mut timings) {
            Ok(published) => report.pages = published.pages,
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    diag::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.seconds = started.elapsed().as_secs_f64();
    report.timings = timings.stages;
    report
}

/// Frees a build's archive and states on another thread: with a large archive, millions of
/// small allocations take a while to free, and the process that built has no more use for
/// them. What the thread has not freed when the process ends, the end of the process does.
pub fn free_in_background<T: Send + 'static>(value: T) {
    // Detached: the thread runs on while the report is printed. If no thread can be started,
    // the value is freed here, with the closure that holds it.
    let _detached = std::thread::Builder::new().name("free".into()).spawn(move || drop(value));
}

/// The archive root for a command: `--root`, else the current folder.
pub fn resolve_root(root: Option<&Path>) -> PathBuf {
    root.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}
