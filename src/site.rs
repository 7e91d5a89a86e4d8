//! The build pipeline: configuration, theme, content, linking, rendering, writing.
//!
//! Each stage is one call with one main type: [`SiteConfig`], [`Theme`], [`Notice`]s,
//! [`Archive`], rendered pages and the search index, and a [`Staging`] folder swapped in at
//! the end. Problems of all stages are collected before anything is written, so one run
//! reports every problem and a failed build leaves the previous output untouched. `check` is
//! the same pipeline without the writing.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::archive::{Archive, CitationStats};
use crate::config::{self, SiteConfig};
use crate::content::{self, Notice};
use crate::diag::{self, Diagnostic};
use crate::index::Indexes;
use crate::output::{OutputDir, Staging, Wait};
use crate::plan;
use crate::render::{Page, Renderer};
use crate::search;
use crate::theme::{StaticSource, Theme};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `root/output` when `None`.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Wait for another build of the same output, or refuse.
    pub wait: Wait,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            drafts: false,
            base_url: None,
            progress: false,
            wait: Wait::Yes,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("output"))
    }
}

/// What a build or check found and did.
#[derive(Debug, Default)]
pub struct BuildReport {
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

impl BuildReport {
    pub fn errors(&self) -> usize {
        diag::count_errors(&self.diagnostics)
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Loads and links an archive: every stage before rendering.
pub fn load(
    options: &BuildOptions,
    diagnostics: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> (Option<Theme>, Archive, usize) {
    let config =
        config::with_base_url(SiteConfig::load(&options.root, diagnostics), options.base_url.as_deref());
    let theme = Theme::load(&options.root, &config, diagnostics);
    timings.lap("config and theme");
    let sources = content::discover(&options.root, diagnostics);
    timings.lap("discover");
    let notices = content::load_all(&options.root, &sources, &config, diagnostics);
    timings.lap("read, parse, render Markdown");
    let (notices, drafts): (Vec<Notice>, Vec<Notice>) =
        notices.into_iter().partition(|n| options.drafts || !n.draft);
    let notices = notices.into_iter().map(std::sync::Arc::new).collect();
    let archive = Archive::link(config, notices, diagnostics);
    timings.lap("link");
    (theme, archive, drafts.len())
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

/// Validates an archive without writing anything: every page is rendered in memory, so a
/// check fails exactly when a build would.
pub fn check(options: &BuildOptions) -> BuildReport {
    let started = Instant::now();
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let (theme, archive, drafts_skipped) = load(options, &mut diagnostics, &mut timings);
    let mut report = BuildReport {
        notices: archive.len(),
        drafts_skipped,
        citations: archive.stats,
        ..Default::default()
    };
    if let (Some(theme), 0) = (&theme, diag::count_errors(&diagnostics)) {
        match publish(None, &options.root, &archive, theme, false, &mut timings) {
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

/// Builds an archive into its output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let output = OutputDir::new(&options.root, &options.output_dir())?;
    let lock = output.lock(options.wait)?;
    output.check_on_disk()?;
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let (theme, archive, drafts_skipped) = load(options, &mut diagnostics, &mut timings);
    let mut report = BuildReport {
        notices: archive.len(),
        drafts_skipped,
        citations: archive.stats,
        ..Default::default()
    };
    if let (Some(theme), 0) = (&theme, diag::count_errors(&diagnostics)) {
        let staging = output.stage(&lock)?;
        match publish(Some(&staging), &options.root, &archive, theme, options.progress, &mut timings) {
            Ok(pages) => {
                staging.commit()?;
                timings.lap("swap in");
                report.pages = pages;
                report.written = true;
                if archive.config.base_url.is_none() {
                    report.notes.push(
                        "feeds and sitemap.xml have relative links: set base_url in site.yaml (or --base-url) \
                         for the absolute ones feed readers and search engines need"
                            .into(),
                    );
                }
            }
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    diag::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.seconds = started.elapsed().as_secs_f64();
    report.timings = timings.stages;
    Ok(report)
}

/// Renders every file of the archive and writes it into `staging`, or only renders it when
/// there is none (a check); returns the number of pages.
fn publish(
    staging: Option<&Staging>,
    root: &Path,
    archive: &Archive,
    theme: &Theme,
    progress: bool,
    timings: &mut Timings,
) -> Result<usize, Vec<Diagnostic>> {
    let indexes = Indexes::build(archive);
    let renderer = Renderer::new(archive, theme, &indexes);
    let plan = plan::plan(archive, &indexes, &vec![0; archive.len()], 0);
    let collisions = plan::check_collisions(&plan, archive, &theme.static_files, root);
    if !collisions.is_empty() {
        return Err(collisions);
    }
    let bar = progress_bar(progress, plan.files.len());
    // The search index is made while pages are written: one waits on the disk, the other not.
    let (results, index_files) = rayon::join(
        || {
            plan.files
                .par_iter()
                .map(|planned| {
                    let page = plan::render_planned(&renderer, &plan, planned)?;
                    if let Some(staging) = staging {
                        write_page(staging, &page)?;
                        if let plan::Output::Notice(index) = planned.output {
                            copy_attachments(staging, archive, index)?;
                        }
                    }
                    bar.inc(1);
                    Ok(())
                })
                .collect::<Vec<Result<(), Diagnostic>>>()
        },
        || staging.map(|_| search::index_files(archive, &indexes)).unwrap_or_default(),
    );
    bar.finish_and_clear();
    let mut problems = unique_problems(results.into_iter().filter_map(Result::err));
    timings.lap("render pages and search index, write pages");
    if let Some(staging) = staging {
        problems.extend(write_statics(staging, theme));
        let written: Vec<Result<(), Diagnostic>> =
            index_files.par_iter().map(|file| write_page(staging, file)).collect();
        problems.extend(written.into_iter().filter_map(Result::err));
        timings.lap("write search index and static files");
    }
    let pages = plan.files.iter().filter(|f| f.path.ends_with(".html")).count();
    if problems.is_empty() { Ok(pages) } else { Err(problems) }
}

fn write_statics(staging: &Staging, theme: &Theme) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for file in &theme.static_files {
        let written = match &file.source {
            StaticSource::Embedded(bytes) => staging.write(&file.path, bytes),
            StaticSource::File(path) => staging.copy(path, &file.path),
        };
        if let Err(e) = written {
            problems.push(Diagnostic::error(&file.path, 1, 1, format!("{e:#}")));
        }
    }
    problems
}

fn write_page(staging: &Staging, page: &Page) -> Result<(), Diagnostic> {
    write_file(staging, &page.path, page.html.as_bytes())
}

fn write_file(staging: &Staging, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    staging.write(path, bytes).map_err(|e| Diagnostic::error(path, 1, 1, format!("{e:#}")))
}

fn copy_attachments(staging: &Staging, archive: &Archive, index: usize) -> Result<(), Diagnostic> {
    for attachment in &archive.notices[index].attachments {
        let target = format!("{}{}", archive.urls[index], attachment.name);
        staging.copy(&attachment.source, &target).map_err(|e| {
            Diagnostic::error(
                &archive.notices[index].source_path,
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

/// The archive root for a command: `--root`, else the current folder.
pub fn resolve_root(root: Option<&Path>) -> PathBuf {
    root.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}
