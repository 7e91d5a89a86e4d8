//! Publishing: the one pipeline that `build`, `check` and `serve` drive, from the archive's
//! files to planned and rendered output files.
//!
//! [`read`] loads `site.yaml`, the theme and every notice (reusing those a [`ReadCache`] holds
//! when their file did not change); [`Site::assemble`] links them into an [`Archive`], indexes
//! them and plans every file with its fingerprint ([`plan`]); [`publish`] renders the files
//! and hands them to a [`Sink`]. Where files go is [`layout`]'s; what each template receives is
//! [`html`]'s. Problems of all stages are collected, not thrown, so one run reports every
//! problem. Writing to disk, locking and swapping are `output`'s; serving is `serve`'s.

pub mod api;
pub mod feeds;
pub mod html;
pub mod layout;
pub mod plan;
pub mod search;
pub mod theme;

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::archive::indexes::Indexes;
use crate::archive::{Archive, CitationStats, NoticeId};
use crate::config::{self, SiteConfig};
use crate::content::{self, Notice, SourceEntry};
use crate::diag::{self, Diagnostic};
use html::{Page, Pages};
use plan::Plan;
use theme::{StaticSource, Theme};

/// What to publish.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml: `Some(None)` makes every link relative.
    pub base_url: Option<Option<String>>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options { root: root.into(), drafts: false, base_url: None, progress: false }
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
    /// Wall time of each stage, in order.
    pub timings: Vec<(&'static str, f64)>,
    /// Advice printed after the summary.
    pub notes: Vec<String>,
}

impl Report {
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

/// A notice file as read before: reused while its stamp is the same.
#[derive(Clone)]
struct Cached {
    source: SourceEntry,
    parsed: Option<(Arc<Notice>, Arc<str>)>,
    problems: Vec<Diagnostic>,
}

/// Notices read by an earlier run, by file.
#[derive(Clone, Default)]
pub struct ReadCache {
    files: HashMap<PathBuf, Cached>,
}

/// An archive's files, read.
pub struct Read {
    pub config: SiteConfig,
    pub theme: Option<Arc<Theme>>,
    pub sources: Vec<SourceEntry>,
    /// The published notices with their body HTML, in source order.
    pub notices: Vec<(Arc<Notice>, Arc<str>)>,
    pub drafts_skipped: usize,
    /// What the next run may reuse.
    pub cache: ReadCache,
}

/// Reads site.yaml, the theme and every notice, reusing from `cache` the notices whose file
/// has the same stamp and is not in `changed`.
pub fn read(
    options: &Options,
    cache: &ReadCache,
    changed: &HashSet<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> Read {
    let mut config = SiteConfig::load(&options.root, diagnostics);
    if let Some(base_url) = &options.base_url {
        config = config::with_base_url(SiteConfig { base_url: None, ..config }, base_url.as_deref());
    }
    let theme = Theme::load(&options.root, &config, diagnostics).map(Arc::new);
    timings.lap("config and theme");
    let sources = content::discover(&options.root, diagnostics);
    timings.lap("discover");
    let reuse = |source: &SourceEntry| {
        cache.files.get(&source.path).filter(|c| c.source == *source && !changed.contains(&source.path))
    };
    let fresh: Vec<&SourceEntry> = sources.iter().filter(|s| reuse(s).is_none()).collect();
    let parsed: HashMap<&Path, Cached> = fresh
        .par_iter()
        .map(|source| {
            let (parsed, problems) = content::load_one(&options.root, source, &config);
            let parsed = parsed.map(|(notice, html)| (Arc::new(notice), Arc::from(html)));
            (source.path.as_path(), Cached { source: (*source).clone(), parsed, problems })
        })
        .collect();
    timings.lap("read, parse, render Markdown");
    let mut next = ReadCache::default();
    let mut notices = Vec::with_capacity(sources.len());
    let mut drafts_skipped = 0;
    for source in &sources {
        let cached = match parsed.get(source.path.as_path()) {
            Some(cached) => cached,
            None => reuse(source).expect("every source is read or reused"),
        };
        diagnostics.extend(cached.problems.iter().cloned());
        if let Some((notice, html)) = &cached.parsed {
            if notice.draft && !options.drafts {
                drafts_skipped += 1;
            } else {
                notices.push((notice.clone(), html.clone()));
            }
        }
        next.files.insert(source.path.clone(), cached.clone());
    }
    Read { config, theme, sources, notices, drafts_skipped, cache: next }
}

/// A linked, indexed and planned archive, ready to render any of its files.
pub struct Site {
    pub archive: Archive,
    pub theme: Arc<Theme>,
    pub indexes: Indexes,
    pub plan: Plan,
    /// Body HTML of each notice, by id.
    bodies: Vec<Arc<str>>,
    pub sources: Vec<SourceEntry>,
}

impl Site {
    /// Links, indexes and plans what was read. When `previous`, the site of the run before,
    /// published the same notice files in the same order, only the notices read again are
    /// linked again, if that is enough. When the theme could not be loaded, the archive is
    /// linked all the same, for its problems, and returned as the error.
    pub fn assemble(
        read: Read,
        previous: Option<&Site>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<Site, Box<Archive>> {
        let (notices, bodies): (Vec<Arc<Notice>>, Vec<Arc<str>>) = read.notices.into_iter().unzip();
        let Some(theme) = read.theme else {
            // Linked all the same, for the problems only linking finds.
            return Err(Box::new(Archive::link(read.config, notices, diagnostics)));
        };
        let same_notices = |previous: &&Site| {
            previous
                .archive
                .entries()
                .iter()
                .map(|e| &e.notice.source_path)
                .eq(notices.iter().map(|n| &n.source_path))
        };
        let (archive, indexes) = match previous.filter(same_notices) {
            Some(previous) => {
                // The same notices in the same places: those read again are new values.
                let changed: Vec<NoticeId> = previous
                    .archive
                    .ids()
                    .filter(|&id| !Arc::ptr_eq(previous.archive.notice(id), &notices[id.index()]))
                    .collect();
                let archive = Archive::relink(&previous.archive, notices, &changed, diagnostics);
                let indexes = Indexes::rebuild(&previous.indexes, &previous.archive, &archive, &changed);
                (archive, indexes)
            }
            None => {
                let archive = Archive::link(read.config, notices, diagnostics);
                let indexes = Indexes::build(&archive);
                (archive, indexes)
            }
        };
        let plan = Plan::new(&Pages::new(&archive, &theme, &indexes));
        Ok(Site { archive, theme, indexes, plan, bodies, sources: read.sources })
    }

    pub fn pages(&self) -> Pages<'_> {
        Pages::new(&self.archive, &self.theme, &self.indexes)
    }

    /// The body HTML of a notice, with reference placeholders.
    pub fn body(&self, id: NoticeId) -> &str {
        &self.bodies[id.index()]
    }

    /// Renders one planned file.
    pub fn render(&self, planned: &plan::Planned) -> Result<Page, Diagnostic> {
        plan::render(&self.pages(), &self.plan, planned, |id| Ok(self.body(id).to_string()))
    }

    /// The search index files.
    pub fn search_index(&self) -> Vec<Page> {
        search::index_files(&self.archive, &self.indexes, |id| self.body(id).to_string())
    }

    /// Files copied from the archive that would land on a generated file.
    pub fn collisions(&self, root: &Path) -> Vec<Diagnostic> {
        plan::check_collisions(&self.plan, &self.pages(), &self.theme.static_files, root)
    }
}

/// Where published files go.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;
    fn copy(&self, source: &Path, path: &str) -> anyhow::Result<()>;
}

/// Renders every file of the site and writes it into `sink`, or only renders it when there is
/// none (a check); returns the number of pages.
pub fn publish(
    site: &Site,
    root: &Path,
    sink: Option<&dyn Sink>,
    progress: bool,
    timings: &mut Timings,
) -> Result<usize, Vec<Diagnostic>> {
    let collisions = site.collisions(root);
    if !collisions.is_empty() {
        return Err(collisions);
    }
    let bar = progress_bar(progress, site.plan.files.len());
    // The search index is made while pages are written: one waits on the disk, the other not.
    let (results, index_files) = rayon::join(
        || {
            site.plan
                .files
                .par_iter()
                .map(|planned| {
                    let page = site.render(planned)?;
                    if let Some(sink) = sink {
                        write(sink, &page.path, page.html.as_bytes())?;
                        if let plan::Output::Notice(id) = planned.output {
                            copy_attachments(sink, site, id)?;
                        }
                    }
                    bar.inc(1);
                    Ok(())
                })
                .collect::<Vec<Result<(), Diagnostic>>>()
        },
        || sink.map(|_| site.search_index()).unwrap_or_default(),
    );
    bar.finish_and_clear();
    let mut problems = unique_problems(results.into_iter().filter_map(Result::err));
    timings.lap("render pages and search index, write pages");
    if let Some(sink) = sink {
        problems.extend(write_statics(sink, &site.theme));
        let written: Vec<Result<(), Diagnostic>> =
            index_files.par_iter().map(|file| write(sink, &file.path, file.html.as_bytes())).collect();
        problems.extend(written.into_iter().filter_map(Result::err));
        timings.lap("write search index and static files");
    }
    let pages = site.plan.files.iter().filter(|f| f.path.ends_with(".html")).count();
    if problems.is_empty() { Ok(pages) } else { Err(problems) }
}

fn write(sink: &dyn Sink, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    sink.write(path, bytes).map_err(|e| Diagnostic::error(path, 1, 1, format!("{e:#}")))
}

fn write_statics(sink: &dyn Sink, theme: &Theme) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for file in &theme.static_files {
        let written = match &file.source {
            StaticSource::Embedded(bytes) => sink.write(&file.path, bytes),
            StaticSource::File(path) => sink.copy(path, &file.path),
        };
        if let Err(e) = written {
            problems.push(Diagnostic::error(&file.path, 1, 1, format!("{e:#}")));
        }
    }
    problems
}

fn copy_attachments(sink: &dyn Sink, site: &Site, id: NoticeId) -> Result<(), Diagnostic> {
    let entry = site.archive.entry(id);
    for attachment in &entry.notice.attachments {
        sink.copy(&attachment.source, &layout::attachment(&entry.url, &attachment.name)).map_err(|e| {
            Diagnostic::error(
                &entry.notice.source_path,
                1,
                1,
                format!("attachment {}: {e:#}", attachment.name),
            )
        })?;
    }
    Ok(())
}

/// The same template error on ten thousand pages is one problem.
fn unique_problems(problems: impl Iterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut unique: Vec<Diagnostic> = Vec::new();
    for problem in problems {
        if !unique.contains(&problem) {
            unique.push(problem);
        }
    }
    unique
}

fn progress_bar(enabled: bool, total: usize) -> indicatif::ProgressBar {
    if !enabled || total < 500 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} notices") {
        bar.set_style(style);
    }
    bar
}

/// Reads, links and plans an archive: every stage before writing. `None` when the theme or
/// the content has errors.
pub fn prepare(
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> (Option<Site>, Report) {
    let read = read(options, &ReadCache::default(), &HashSet::new(), diagnostics, timings);
    let mut report = Report { drafts_skipped: read.drafts_skipped, ..Report::default() };
    let site = Site::assemble(read, None, diagnostics);
    timings.lap("link, index and plan");
    let archive = match &site {
        Ok(site) => &site.archive,
        Err(archive) => archive,
    };
    report.notices = archive.len();
    report.citations = archive.stats;
    let site = site.ok().filter(|_| diag::count_errors(diagnostics) == 0);
    (site, report)
}

/// Validates an archive without writing anything: every page is rendered in memory, so a
/// check fails exactly when a build would.
pub fn check(options: &Options) -> Report {
    let started = Instant::now();
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let (site, mut report) = prepare(options, &mut diagnostics, &mut timings);
    if let Some(site) = &site {
        match publish(site, &options.root, None, false, &mut timings) {
            Ok(pages) => report.pages = pages,
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    diag::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.seconds = started.elapsed().as_secs_f64();
    report.timings = timings.stages;
    report
}

/// The archive root for a command: `--root`, else the current folder.
pub fn resolve_root(root: Option<&Path>) -> PathBuf {
    root.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}
