//! The previewed site in memory, and rebuilding it from changed files.
//!
//! A [`Snapshot`] is what the server answers from: the last good build (linked archive,
//! planned files with their fingerprints, the rendered bytes of each file asked for so far),
//! the static files and attachments, and the errors of the last rebuild. The [`Preview`], owned
//! by the thread that watches files, makes a new snapshot beside the served one for every
//! change and hands it over whole, so requests never wait for a rebuild. A change to notices
//! re-reads only the changed files, links the archive again, plans it, and renders only the
//! files whose fingerprint moved. A change to site.yaml, a theme or templates rebuilds
//! everything; a stylesheet change only swaps the file. When the new content has errors, the
//! last good build stays and the errors are kept for the browser overlay. Files copied from
//! disk are served only while they resolve inside the archive. It does not serve HTTP or watch
//! files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::config;
use crate::content::{self, SourceEntry};
use crate::diag::{self, Diagnostic};
use crate::message::Language;
use crate::publish::plan::{Output, Planned};
use crate::publish::theme::{StaticFile, StaticSource};
use crate::publish::{self, Earlier, Kept, ReadCache, Site, Timings};

/// Files rendered at once after a change; beyond this a sample is rendered to catch template
/// errors and the rest waits until asked for.
const EAGER_RENDER: usize = 64;

/// One file of each kind, to check templates after a large change.
fn sample(files: &[Planned]) -> Vec<&Planned> {
    let mut seen = HashSet::new();
    files.iter().filter(|f| seen.insert(std::mem::discriminant(&f.output))).collect()
}

/// A file the preview server can send.
#[derive(Clone)]
pub enum Served {
    Rendered(Arc<Vec<u8>>),
    /// A page that could not be rendered: the page saying why.
    Failed(Arc<Vec<u8>>),
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// What a rebuild changed, for the open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Unchanged,
    /// Only stylesheets changed: swap them without reloading.
    Styles,
    /// These output paths changed (every path when `all`, the paths then not listed); how many
    /// files that is; the warnings of what was read again.
    Pages {
        paths: Vec<String>,
        all: bool,
        count: usize,
        warnings: Vec<Diagnostic>,
    },
    /// The content has errors; the last good build is still served.
    Failed(Vec<Diagnostic>),
}

/// The files a change touched, by kind.
#[derive(Debug, Default)]
pub struct Changes {
    pub content: Vec<PathBuf>,
    pub styles: Vec<PathBuf>,
    pub everything: bool,
}

impl Changes {
    /// Sorts changed paths under `root` into what they require.
    pub fn classify(root: &Path, paths: impl IntoIterator<Item = PathBuf>) -> Changes {
        let mut changes = Changes::default();
        for path in paths {
            let Ok(relative) = path.strip_prefix(root) else { continue };
            let first = relative.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
            let whole_folder = relative.components().count() == 1;
            match first.as_deref() {
                // The folder itself appeared, went or moved: everything in it may have changed.
                Some(content::CONTENT_DIR) if whole_folder => changes.everything = true,
                Some(content::CONTENT_DIR) => changes.content.push(path),
                Some("static") | Some("themes") if is_stylesheet(&path) => changes.styles.push(path),
                Some("static") | Some("themes") | Some("templates") => changes.everything = true,
                Some(config::FILE_NAME) => changes.everything = true,
                _ => {}
            }
        }
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && self.styles.is_empty() && !self.everything
    }
}

fn is_stylesheet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "css") && path.components().any(|c| c.as_os_str() == "static")
}

/// A copy of `table` without the paths at `stale`; an empty one for `None` (all are stale).
fn kept_but<T: Clone + Default>(
    table: &Mutex<T>,
    stale: Option<&[String]>,
    remove: impl Fn(&mut T, &str),
) -> T {
    let Some(stale) = stale else { return T::default() };
    let mut kept = table.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for path in stale {
        remove(&mut kept, path);
    }
    kept
}

/// Files of a build by output path.
type FileTable = HashMap<String, Arc<Vec<u8>>>;

/// Pages that could not be rendered, by output path: why, and the page saying it.
type FailedPages = BTreeMap<String, (Diagnostic, Arc<Vec<u8>>)>;

/// What the server answers from; replaced whole on every change.
pub struct Snapshot {
    /// The archive root, with links resolved: files copied from disk must stay inside it.
    root: PathBuf,
    site: Option<Arc<Site>>,
    /// Output path to its place in the site's plan.
    planned: Arc<HashMap<String, usize>>,
    /// Pages and feeds rendered so far, by output path: files are rendered when first asked
    /// for; a new snapshot keeps those whose fingerprint did not move.
    rendered: Mutex<FileTable>,
    /// Static files of the theme and the archive.
    statics: HashMap<String, Served>,
    /// Attachments of bundles, served from where they are.
    attachments: HashMap<String, PathBuf>,
    /// The search index of the build, made when the search page first asks for it.
    search_index: Mutex<Option<Arc<FileTable>>>,
    /// Problems of the last rebuild; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    /// Pages that could not be rendered when asked for, by output path, with why: a build
    /// would have failed on them (the preview renders only a sample when many changed).
    failed: Mutex<FailedPages>,
    /// The archive's language, for the problems shown.
    pub language: Language,
}

impl Snapshot {
    /// The file at an output path (`van-ban/2024/x/index.html`).
    pub fn file(&self, path: &str) -> Option<Served> {
        if let Some(bytes) = self.rendered.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return Some(Served::Rendered(bytes.clone()));
        }
        if let Some((_, page)) = self.failed.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return Some(Served::Failed(page.clone()));
        }
        let site = self.site.as_ref()?;
        let Some(&at) = self.planned.get(path) else {
            if path.strip_prefix(publish::layout::SEARCH_DIR).is_some_and(|rest| rest.starts_with('/')) {
                return self.search_file(site, path);
            }
            let from_disk = match self.attachments.get(path) {
                Some(source) => Served::File(source.clone()),
                None => self.statics.get(path).cloned()?,
            };
            return self.inside_archive(from_disk);
        };
        match site.render(&site.plan.files[at]) {
            Ok(page) => {
                let bytes = Arc::new(page.html.into_bytes());
                self.rendered
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(path.to_string(), bytes.clone());
                Some(Served::Rendered(bytes))
            }
            Err(problem) => {
                let mut html = String::from("<!doctype html><meta charset=utf-8><body><pre>");
                crate::content::body::escape_into(&mut html, &problem.render(self.language));
                html.push_str("</pre></body>");
                let page = Arc::new(html.into_bytes());
                let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
                failed.insert(path.to_string(), (problem, page.clone()));
                Some(Served::Failed(page))
            }
        }
    }

    /// Every problem of this snapshot: the last rebuild's, and those of pages that could not be
    /// rendered when asked for (each problem once).
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut problems = self.errors.clone();
        let failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        for (problem, _) in failed.values() {
            if !problems.contains(problem) {
                problems.push(problem.clone());
            }
        }
        problems
    }

    /// How many pages could not be rendered when asked for.
    pub fn failed_pages(&self) -> usize {
        self.failed.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// A file from disk, only while it resolves inside the archive: a link placed or swapped in
    /// since the last build is followed here, on every request.
    fn inside_archive(&self, served: Served) -> Option<Served> {
        match &served {
            Served::File(path) => {
                let real = path.canonicalize().ok()?;
                (real.starts_with(&self.root) && real.is_file()).then_some(Served::File(real))
            }
            _ => Some(served),
        }
    }

    /// Whether any build has succeeded yet.
    pub fn has_site(&self) -> bool {
        self.site.is_some()
    }

    /// A file of the search index, which is made for the whole archive at once, on first use.
    fn search_file(&self, site: &Site, path: &str) -> Option<Served> {
        let mut index = self.search_index.lock().unwrap_or_else(|e| e.into_inner());
        let files = index.get_or_insert_with(|| {
            let files = site.search_index().map(|(files, _)| files).unwrap_or_default();
            Arc::new(
                files
                    .into_iter()
                    .filter_map(|f| Some((f.path, Arc::new(f.contents?.into_bytes()))))
                    .collect(),
            )
        });
        files.get(path).map(|bytes| Served::Rendered(bytes.clone()))
    }

    /// The pages that could not be rendered, but those at `stale` (all for `None`): a page
    /// whose fingerprint did not move fails again, and a build would still fail on it.
    fn failed_but(&self, stale: Option<&[String]>) -> FailedPages {
        kept_but(&self.failed, stale, |failed, path| {
            failed.remove(path);
        })
    }

    /// The files rendered so far, but for `stale` (none when `None`).
    fn rendered_but(&self, stale: Option<&[String]>) -> FileTable {
        kept_but(&self.rendered, stale, |table, path| {
            table.remove(path);
        })
    }

    /// This snapshot's build with other static files, attachments and errors.
    fn same_build(
        &self,
        statics: HashMap<String, Served>,
        attachments: HashMap<String, PathBuf>,
        errors: Vec<Diagnostic>,
    ) -> Snapshot {
        Snapshot {
            root: self.root.clone(),
            site: self.site.clone(),
            planned: self.planned.clone(),
            rendered: Mutex::new(self.rendered_but(Some(&[]))),
            statics,
            attachments,
            search_index: Mutex::new(self.search_index.lock().unwrap_or_else(|e| e.into_inner()).clone()),
            errors,
            failed: Mutex::default(),
            language: self.language,
        }
    }
}

/// Makes the snapshots of one archive: owned by the thread that watches its files.
pub struct Preview {
    options: publish::Options,
    /// The notices read so far, reused while their files do not change.
    cache: ReadCache,
    current: Arc<Snapshot>,
}

impl Preview {
    /// Builds the site at `root`, drafts included, and says what the build found. Errors leave
    /// it empty but running.
    pub fn new(root: &Path) -> (Preview, Outcome) {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let current = Arc::new(Snapshot {
            root: root.clone(),
            site: None,
            planned: Arc::new(HashMap::new()),
            rendered: Mutex::new(FileTable::new()),
            statics: HashMap::new(),
            attachments: HashMap::new(),
            search_index: Mutex::new(None),
            errors: Vec::new(),
            failed: Mutex::default(),
            language: Language::default(),
        });
        // The preview links relatively, whatever base_url the archive deploys to.
        let options = publish::Options {
            drafts: true,
            base_url: Some(None),
            bodies_in_memory: true,
            ..publish::Options::new(root)
        };
        let mut preview = Preview { options, cache: ReadCache::default(), current };
        let outcome = preview.rebuild(&[], true);
        (preview, outcome)
    }

    /// The snapshot to serve.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.clone()
    }

    /// Applies changed files; returns what the open pages need to know.
    pub fn apply(&mut self, changes: &Changes) -> Outcome {
        if changes.everything || !self.current.has_site() {
            return self.rebuild(&[], true);
        }
        let mut outcome = Outcome::Unchanged;
        if !changes.content.is_empty() {
            outcome = self.rebuild(&changes.content, false);
        }
        if !changes.styles.is_empty() && !matches!(outcome, Outcome::Failed(_)) {
            self.refresh_statics();
            if outcome == Outcome::Unchanged {
                outcome = Outcome::Styles;
            }
        }
        outcome
    }

    /// Reads what changed (everything when `everything`), links, plans, and renders what the
    /// change touched; keeps the result only if it has no errors.
    fn rebuild(&mut self, changed: &[PathBuf], everything: bool) -> Outcome {
        // Left running past midnight, the preview builds as of the new day.
        crate::content::take_today_again();
        let mut problems = Vec::new();
        let mut timings = Timings::start();
        let cache = if everything { ReadCache::default() } else { std::mem::take(&mut self.cache) };
        let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
        let read_again: HashSet<String> =
            changed.iter().map(|path| crate::diag::display_path(&self.options.root, path)).collect();
        let inputs = publish::read_inputs(&self.options, &mut problems, &mut timings);
        let mut read = publish::read(&self.options, inputs, cache, &changed, &mut problems, &mut timings);
        let config = read.config.clone();
        self.cache = std::mem::take(&mut read.cache);
        // Linked even when reading found errors, as a build links: the problems only linking
        // finds are said with them, not one fix later.
        let without_theme = read.theme.is_none().then(|| read.sources.clone());
        let previous = self.current.site.clone().filter(|_| !everything);
        let site = match Site::assemble(
            &self.options.root,
            read,
            previous.as_deref().map_or(Earlier::Kept(Kept::default()), Earlier::Site),
            &mut problems,
            &mut timings,
        ) {
            Ok(site) => site,
            Err(_) => return self.fail(problems, &config, without_theme.as_deref()),
        };
        problems.extend(site.collisions());
        if diag::count_errors(&problems) > 0 {
            return self.fail(problems, &config, Some(&site.sources));
        }
        let old: HashMap<&str, u64> = match &previous {
            Some(p) => p.plan.files.iter().map(|f| (f.path.as_str(), f.fingerprint)).collect(),
            None => HashMap::new(),
        };
        let stale: Vec<&Planned> = site
            .plan
            .files
            .iter()
            .filter(|f| everything || old.get(f.path.as_str()) != Some(&f.fingerprint))
            .collect();
        // Render a sample now so template errors show in the page rather than on one request.
        // notices.json and the sitemap cover every notice: they wait until asked for.
        let page = |f: &&Planned| !matches!(f.output, Output::Api | Output::Sitemap);
        let checked: Vec<&Planned> = if stale.len() <= EAGER_RENDER {
            stale.iter().copied().filter(page).collect()
        } else {
            sample(&site.plan.files).into_iter().filter(page).collect()
        };
        let rendered: Vec<Result<publish::html::Page, Diagnostic>> =
            checked.par_iter().map(|f| site.render(f)).collect();
        let mut pages = Vec::with_capacity(rendered.len());
        for page in rendered {
            match page {
                Ok(page) => pages.push(page),
                Err(d) => problems.push(d),
            }
        }
        if diag::count_errors(&problems) > 0 {
            return self.fail(problems, &config, Some(&site.sources));
        }
        let planned: HashMap<String, usize> =
            site.plan.files.iter().enumerate().map(|(i, f)| (f.path.clone(), i)).collect();
        let mut changed: Vec<String> = stale.iter().map(|f| f.path.clone()).collect();
        changed.extend(old.keys().filter(|p| !planned.contains_key(**p)).map(|p| p.to_string()));
        let mut rendered = self.current.rendered_but((!everything).then_some(changed.as_slice()));
        let failed = self.current.failed_but((!everything).then_some(changed.as_slice()));
        for page in pages {
            rendered.insert(page.path, Arc::new(page.html.into_bytes()));
        }
        let attachments = site
            .archive
            .entries()
            .iter()
            .flat_map(|entry| {
                entry
                    .notice
                    .attachments
                    .iter()
                    .map(|a| (publish::layout::attachment(&entry.url, &a.name), a.source.clone()))
            })
            .collect();
        let statics = statics_table(site.theme.static_files.clone());
        self.current = Arc::new(Snapshot {
            root: self.current.root.clone(),
            site: Some(Arc::new(site)),
            planned: Arc::new(planned),
            rendered: Mutex::new(rendered),
            statics,
            attachments,
            search_index: Mutex::new(None),
            errors: Vec::new(),
            failed: Mutex::new(failed),
            language: config.language,
        });
        let warnings = self.warnings_of(problems, &read_again, everything);
        let count = changed.len();
        if everything {
            changed.clear();
        }
        Outcome::Pages { paths: changed, all: everything, count, warnings }
    }

    /// Keeps the last good build, with the errors of this rebuild and the static files and
    /// attachments as they are on disk now.
    fn fail(
        &mut self,
        mut problems: Vec<Diagnostic>,
        config: &config::SiteConfig,
        sources: Option<&[SourceEntry]>,
    ) -> Outcome {
        diag::sort(&mut problems);
        problems.retain(Diagnostic::is_error);
        let root = &self.options.root;
        let statics = statics_table(publish::theme::static_files(root, config, &mut Vec::new()));
        let attachments = match (&self.current.site, sources) {
            (Some(site), Some(sources)) => attachments_on_disk(root, site, sources),
            (Some(_), None) => self.current.attachments.clone(),
            (None, _) => HashMap::new(),
        };
        let kept = self.current.same_build(statics, attachments, problems.clone());
        self.current = Arc::new(Snapshot { language: config.language, ..kept });
        Outcome::Failed(problems)
    }

    /// The warnings of a rebuild worth telling: all of them after a full one, else those of the
    /// files read again.
    fn warnings_of(
        &self,
        mut problems: Vec<Diagnostic>,
        read_again: &HashSet<String>,
        everything: bool,
    ) -> Vec<Diagnostic> {
        diag::sort(&mut problems);
        problems.retain(|d| everything || read_again.contains(&d.path));
        problems
    }

    /// A new snapshot of the same build with the static files as they are on disk now.
    fn refresh_statics(&mut self) {
        let Some(site) = &self.current.site else { return };
        let statics = statics_table(publish::theme::static_files(
            &self.options.root,
            &site.archive.config,
            &mut Vec::new(),
        ));
        let attachments = self.current.attachments.clone();
        // The content's errors stand until the content is mended.
        let errors = self.current.errors.clone();
        self.current = Arc::new(self.current.same_build(statics, attachments, errors));
    }
}

/// The attachments of the last good build's bundles as they are on disk now (`sources`, as the
/// failed rebuild found them), by output path: while the archive has an error, a file added to
/// a bundle, removed or swapped is seen at once.
fn attachments_on_disk(root: &Path, site: &Site, sources: &[SourceEntry]) -> HashMap<String, PathBuf> {
    let url_of: HashMap<&str, &str> =
        site.archive.entries().iter().map(|e| (e.notice.source_path.as_str(), e.url.as_str())).collect();
    sources
        .iter()
        .filter_map(|source| {
            let url = *url_of.get(diag::display_path(root, &source.path).as_str())?;
            Some(
                source
                    .attachments
                    .iter()
                    .map(move |a| (publish::layout::attachment(url, &a.name), a.source.clone())),
            )
        })
        .flatten()
        .collect()
}

/// Static files by output path.
fn statics_table(files: Vec<StaticFile>) -> HashMap<String, Served> {
    files
        .into_iter()
        .map(|file| {
            let served = match file.source {
                StaticSource::Embedded(bytes) => Served::Embedded(bytes),
                StaticSource::File(path) => Served::File(path),
            };
            (file.path, served)
        })
        .collect()
}
