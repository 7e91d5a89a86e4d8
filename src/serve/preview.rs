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

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::archive::Archive;
use crate::config::{self, SiteConfig};
use crate::content::{self, Notice, SourceEntry};
use crate::diag::{self, Diagnostic};
use crate::index::Indexes;
use crate::plan::{self, Plan};
use crate::render::Renderer;
use crate::theme::{StaticFile, StaticSource, Theme};

/// Files rendered at once after a change; beyond this a sample is rendered to catch template
/// errors and the rest waits until asked for.
const EAGER_RENDER: usize = 64;

/// One file of each kind, to check templates after a large change.
fn sample(plan: &Plan) -> Vec<&plan::Planned> {
    let mut seen = HashSet::new();
    plan.files.iter().filter(|f| seen.insert(std::mem::discriminant(&f.output))).collect()
}

/// A file the preview server can send.
#[derive(Clone)]
pub enum Served {
    Rendered(Arc<Vec<u8>>),
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// What a rebuild changed, for the open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Unchanged,
    /// Only stylesheets changed: swap them without reloading.
    Styles,
    /// These output paths changed (every path when `all`).
    Pages {
        paths: Vec<String>,
        all: bool,
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

/// Files of a build by output path.
type FileTable = HashMap<String, Arc<Vec<u8>>>;

/// What a rebuild may keep of the previous build.
enum Reuse {
    /// The notices are the same files in the same order; those at these places changed.
    AllBut(Vec<usize>),
    /// Notices were added or removed: link everything again.
    Nothing,
}

/// A good build: what pages are rendered from.
struct Built {
    theme: Arc<Theme>,
    sources: Vec<SourceEntry>,
    revisions: Vec<u64>,
    archive: Archive,
    indexes: Indexes,
    plan: Plan,
    /// Output path to its place in the plan.
    planned: HashMap<String, usize>,
}

/// What the server answers from; replaced whole on every change.
pub struct Snapshot {
    /// The archive root, with links resolved: files copied from disk must stay inside it.
    root: PathBuf,
    built: Option<Arc<Built>>,
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
}

impl Snapshot {
    /// The file at an output path (`van-ban/2024/x/index.html`).
    pub fn file(&self, path: &str) -> Option<Served> {
        if let Some(bytes) = self.rendered.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return Some(Served::Rendered(bytes.clone()));
        }
        let built = self.built.as_ref()?;
        let Some(&at) = built.planned.get(path) else {
            if path.strip_prefix(crate::search::DIR).is_some_and(|rest| rest.starts_with('/')) {
                return self.search_file(built, path);
            }
            let from_disk = match self.attachments.get(path) {
                Some(source) => Served::File(source.clone()),
                None => self.statics.get(path).cloned()?,
            };
            return self.inside_archive(from_disk);
        };
        let renderer = Renderer::new(&built.archive, &built.theme, &built.indexes);
        let html = match plan::render_planned(&renderer, &built.plan, &built.plan.files[at]) {
            Ok(page) => page.html,
            Err(d) => format!("<!doctype html><meta charset=utf-8><body><pre>{d}</pre></body>"),
        };
        let bytes = Arc::new(html.into_bytes());
        self.rendered.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), bytes.clone());
        Some(Served::Rendered(bytes))
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
        self.built.is_some()
    }

    /// A file of the search index, which is made for the whole archive at once, on first use.
    fn search_file(&self, built: &Built, path: &str) -> Option<Served> {
        let mut index = self.search_index.lock().unwrap_or_else(|e| e.into_inner());
        let files = index.get_or_insert_with(|| {
            let files = crate::search::index_files(&built.archive, &built.indexes);
            Arc::new(files.into_iter().map(|p| (p.path, Arc::new(p.html.into_bytes()))).collect())
        });
        files.get(path).map(|bytes| Served::Rendered(bytes.clone()))
    }

    /// This snapshot's build with other static files and errors.
    fn same_build(&self, statics: HashMap<String, Served>, errors: Vec<Diagnostic>) -> Snapshot {
        Snapshot {
            root: self.root.clone(),
            built: self.built.clone(),
            rendered: Mutex::new(self.rendered_but(Some(&[]))),
            statics,
            attachments: self.attachments.clone(),
            search_index: Mutex::new(self.search_index.lock().unwrap_or_else(|e| e.into_inner()).clone()),
            errors,
        }
    }

    /// The files rendered so far, but for `stale` (every one when `None`).
    fn rendered_but(&self, stale: Option<&[String]>) -> FileTable {
        let Some(stale) = stale else { return FileTable::new() };
        let mut table = self.rendered.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for path in stale {
            table.remove(path);
        }
        table
    }
}

/// Makes the snapshots of one archive: owned by the thread that watches its files.
pub struct Preview {
    root: PathBuf,
    current: Arc<Snapshot>,
    next_revision: u64,
    theme_revision: u64,
}

impl Preview {
    /// Builds the site at `root`, drafts included. Errors leave it empty but running.
    pub fn new(root: &Path) -> Preview {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let current = Arc::new(Snapshot {
            root: root.clone(),
            built: None,
            rendered: Mutex::new(FileTable::new()),
            statics: HashMap::new(),
            attachments: HashMap::new(),
            search_index: Mutex::new(None),
            errors: Vec::new(),
        });
        let mut preview = Preview { root, current, next_revision: 1, theme_revision: 0 };
        preview.rebuild_all();
        preview
    }

    /// The snapshot to serve.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.clone()
    }

    /// Applies changed files; returns what the open pages need to know.
    pub fn apply(&mut self, changes: &Changes) -> Outcome {
        if changes.everything || self.current.built.is_none() {
            return self.rebuild_all();
        }
        let mut outcome = Outcome::Unchanged;
        if !changes.content.is_empty() {
            outcome = self.rebuild_content(&changes.content);
        }
        if !changes.styles.is_empty() && !matches!(outcome, Outcome::Failed(_)) {
            self.refresh_statics();
            if outcome == Outcome::Unchanged {
                outcome = Outcome::Styles;
            }
        }
        outcome
    }

    /// Reads everything again: configuration, theme, every notice.
    fn rebuild_all(&mut self) -> Outcome {
        let mut problems = Vec::new();
        // The preview links relatively, whatever base_url the archive deploys to.
        let config = SiteConfig { base_url: None, ..SiteConfig::load(&self.root, &mut problems) };
        let theme = Theme::load(&self.root, &config, &mut problems);
        let sources = content::discover(&self.root, &mut problems);
        let notices = content::load_all(&self.root, &sources, &config, &mut problems);
        let (Some(theme), 0) = (theme, diag::count_errors(&problems)) else {
            return self.fail(problems, Some(&config));
        };
        self.theme_revision += 1;
        let revisions: Vec<u64> = sources.iter().map(|_| self.take_revision()).collect();
        let notices = notices.into_iter().map(Arc::new).collect();
        let next = Next { config, theme: Arc::new(theme), sources, revisions, notices, reuse: None };
        self.finish(next, problems)
    }

    fn take_revision(&mut self) -> u64 {
        self.next_revision += 1;
        self.next_revision
    }

    /// Keeps the last good build, with the errors of this rebuild and the static files and
    /// attachments as they are on disk now.
    fn fail(&mut self, mut problems: Vec<Diagnostic>, config: Option<&SiteConfig>) -> Outcome {
        diag::sort(&mut problems);
        problems.retain(Diagnostic::is_error);
        let statics = match (config, &self.current.built) {
            (Some(config), _) => statics_table(crate::theme::static_files(&self.root, config)),
            (None, Some(built)) => {
                statics_table(crate::theme::static_files(&self.root, &built.archive.config))
            }
            (None, None) => self.current.statics.clone(),
        };
        self.current = Arc::new(self.current.same_build(statics, problems.clone()));
        Outcome::Failed(problems)
    }

    /// A new snapshot of the same build with the static files as they are on disk now.
    fn refresh_statics(&mut self) {
        let Some(built) = &self.current.built else { return };
        let statics = statics_table(crate::theme::static_files(&self.root, &built.archive.config));
        self.current = Arc::new(self.current.same_build(statics, Vec::new()));
    }

    /// Re-reads the changed notice files and renders what their change touched.
    fn rebuild_content(&mut self, changed: &[PathBuf]) -> Outcome {
        let built = self.current.built.clone().expect("a good build exists");
        let changed: HashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
        let known: HashSet<&Path> = built.sources.iter().map(|s| s.path.as_path()).collect();
        let structure_changed = changed.iter().any(|p| !known.contains(p) || !p.is_file());
        let mut problems = Vec::new();
        let sources = if structure_changed {
            content::discover(&self.root, &mut problems)
        } else {
            built.sources.clone()
        };
        let previous: HashMap<&Path, (usize, &SourceEntry)> =
            built.sources.iter().enumerate().map(|(i, s)| (s.path.as_path(), (i, s))).collect();
        let mut reload = Vec::new();
        let mut notices = Vec::with_capacity(sources.len());
        let mut revisions = Vec::with_capacity(sources.len());
        for (k, source) in sources.iter().enumerate() {
            match previous.get(source.path.as_path()) {
                Some(&(i, old)) if old == source && !changed.contains(source.path.as_path()) => {
                    notices.push(Some(built.archive.notices[i].clone()));
                    revisions.push(built.revisions[i]);
                }
                _ => {
                    reload.push(k);
                    notices.push(None);
                    revisions.push(0);
                }
            }
        }
        let config = built.archive.config.clone();
        let loaded: Vec<(usize, Option<Notice>, Vec<Diagnostic>)> = reload
            .par_iter()
            .map(|&k| {
                let (notice, problems) = content::load_one(&self.root, &sources[k], &config);
                (k, notice, problems)
            })
            .collect();
        for (k, notice, mut found) in loaded {
            problems.append(&mut found);
            notices[k] = notice.map(Arc::new);
            revisions[k] = self.take_revision();
        }
        if diag::count_errors(&problems) > 0 {
            return self.fail(problems, None);
        }
        let notices: Vec<Arc<Notice>> = notices.into_iter().flatten().collect();
        let reuse = if structure_changed { Reuse::Nothing } else { Reuse::AllBut(reload) };
        let theme = built.theme.clone();
        let next = Next { config, theme, sources, revisions, notices, reuse: Some(reuse) };
        self.finish(next, problems)
    }

    /// Links, plans and renders; keeps the result only if it has no errors.
    fn finish(&mut self, next: Next, mut problems: Vec<Diagnostic>) -> Outcome {
        let Next { config, theme, sources, revisions, notices, reuse } = next;
        let everything = reuse.is_none();
        let previous = self.current.built.clone().filter(|_| !everything);
        let changed = match &reuse {
            Some(Reuse::AllBut(changed)) => Some(changed.as_slice()),
            _ => None,
        };
        let archive = match (&previous, changed) {
            (Some(b), Some(changed)) => Archive::relink(&b.archive, notices, changed, &mut problems),
            _ => Archive::link(config.clone(), notices, &mut problems),
        };
        if diag::count_errors(&problems) > 0 {
            return self.fail(problems, Some(&config));
        }
        let indexes = match (&previous, changed) {
            (Some(b), Some(changed)) => Indexes::rebuild(&b.indexes, &b.archive, &archive, changed),
            _ => Indexes::build(&archive),
        };
        let plan = plan::plan(&archive, &indexes, &revisions, self.theme_revision);
        problems.extend(plan::check_collisions(&plan, &archive, &theme.static_files, &self.root));
        let old: HashMap<&str, u64> = match &previous {
            Some(b) => b.plan.files.iter().map(|f| (f.path.as_str(), f.fingerprint)).collect(),
            None => HashMap::new(),
        };
        let stale: Vec<&plan::Planned> = plan
            .files
            .iter()
            .filter(|f| everything || old.get(f.path.as_str()) != Some(&f.fingerprint))
            .collect();
        // Render a sample now so template errors show in the page rather than on one request.
        let renderer = Renderer::new(&archive, &theme, &indexes);
        // notices.json and the sitemap cover every notice: they wait until asked for.
        let page = |f: &&plan::Planned| !matches!(f.output, plan::Output::Api | plan::Output::Sitemap);
        let checked: Vec<&plan::Planned> = if stale.len() <= EAGER_RENDER {
            stale.iter().copied().filter(page).collect()
        } else {
            sample(&plan).into_iter().filter(page).collect()
        };
        let rendered: Vec<Result<crate::render::Page, Diagnostic>> =
            checked.par_iter().map(|f| plan::render_planned(&renderer, &plan, f)).collect();
        let mut pages = Vec::with_capacity(rendered.len());
        for page in rendered {
            match page {
                Ok(page) => pages.push(page),
                Err(d) => problems.push(d),
            }
        }
        if diag::count_errors(&problems) > 0 {
            return self.fail(problems, Some(&config));
        }
        let mut changed: Vec<String> = stale.iter().map(|f| f.path.clone()).collect();
        let planned: HashMap<String, usize> =
            plan.files.iter().enumerate().map(|(i, f)| (f.path.clone(), i)).collect();
        changed.extend(old.keys().filter(|p| !planned.contains_key(**p)).map(|p| p.to_string()));
        let mut rendered = self.current.rendered_but((!everything).then_some(changed.as_slice()));
        for page in pages {
            rendered.insert(page.path, Arc::new(page.html.into_bytes()));
        }
        let attachments = archive
            .notices
            .iter()
            .zip(&archive.urls)
            .flat_map(|(notice, url)| {
                notice.attachments.iter().map(move |a| (format!("{url}{}", a.name), a.source.clone()))
            })
            .collect();
        let statics = statics_table(theme.static_files.clone());
        let built = Built { theme, sources, revisions, archive, indexes, plan, planned };
        self.current = Arc::new(Snapshot {
            root: self.root.clone(),
            built: Some(Arc::new(built)),
            rendered: Mutex::new(rendered),
            statics,
            attachments,
            search_index: Mutex::new(None),
            errors: Vec::new(),
        });
        if everything {
            changed.clear();
        }
        Outcome::Pages { paths: changed, all: everything }
    }
}

/// What a rebuild has read, ready to link.
struct Next {
    config: SiteConfig,
    theme: Arc<Theme>,
    sources: Vec<SourceEntry>,
    revisions: Vec<u64>,
    notices: Vec<Arc<Notice>>,
    reuse: Option<Reuse>,
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
