//! A site: an archive's notices linked, indexed and planned, ready to render any of its files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Timings;
use super::html::{LinkParts, NoticeBody, Page, Pages};
use super::plan::{self, KeptFingerprints, Plan};
use super::read::{Read, StoredBody, body_again};
use super::search::{self, IndexFile, SearchState};
use super::spill::Spill;
use super::theme::Theme;
use crate::archive::indexes::{Indexes, KeptIndexes};
use crate::archive::{Archive, KeptLinks, NoticeId};
use crate::content::{Notice, SourceEntry};
use crate::diag::Diagnostic;

/// What a site is assembled from besides what was read: what an earlier run left.
pub enum Earlier<'a> {
    /// The preview's site: the last one it could make.
    Site(&'a Site),
    /// What the last build kept.
    Kept(Kept<'a>),
}

/// What the last build kept for the next one; each part is `None` when it kept none.
#[derive(Default)]
pub struct Kept<'a> {
    /// The links each notice had of its own.
    pub links: Option<KeptLinks>,
    /// Its indexes.
    pub indexes: Option<KeptIndexes>,
    /// Its notice pages' fingerprints, with their keys.
    pub fingerprints: Option<KeptFingerprints<'a>>,
}

/// A linked, indexed and planned archive.
pub struct Site {
    pub root: PathBuf,
    pub archive: Archive,
    pub theme: Arc<Theme>,
    pub indexes: Indexes,
    pub plan: Plan,
    /// What links to each notice show that is the same on every page.
    link_parts: LinkParts,
    /// Where each notice's body HTML is, by id.
    bodies: Vec<StoredBody>,
    spill: Option<Arc<Spill>>,
    /// The search terms of the notices read in this run, until the index takes them.
    terms: std::sync::Mutex<Option<search::Gathered>>,
    pub sources: Vec<SourceEntry>,
}

impl Site {
    /// Links, indexes and plans what was read. The links of their own that notices had in the
    /// `earlier` run are reused where they still hold (see [`KeptLinks`]); when the earlier
    /// run is the preview's and published the same notice files in the same order, its indexes
    /// are updated for the notices read again rather than made anew; a build takes the indexes
    /// the last one kept when its notices are indexed by the same values. When the theme could not
    /// be loaded, the archive is linked all the same, for its problems, and returned as the
    /// error.
    pub fn assemble(
        root: &Path,
        read: Read,
        earlier: Earlier,
        diagnostics: &mut Vec<Diagnostic>,
        timings: &mut Timings,
    ) -> Result<Site, Box<Archive>> {
        let terms = std::sync::Mutex::new(Some(read.terms));
        let (notices, bodies): (Vec<Arc<Notice>>, Vec<StoredBody>) = read.notices.into_iter().unzip();
        let spill = read.spill;
        let broken_links = read.broken_links;
        let (previous, kept, kept_indexes, fingerprints) = match earlier {
            Earlier::Site(site) => {
                (Some(site), Some(site.archive.kept_links()), None, Some(site.plan.kept_fingerprints()))
            }
            Earlier::Kept(Kept { links, indexes, fingerprints }) => (None, links, indexes, fingerprints),
        };
        let Some(theme) = read.theme else {
            // Linked all the same, for the problems only linking finds.
            let archive = Archive::link(read.config, notices, read.broken, kept, diagnostics);
            archive.check_broken_links(&broken_links, diagnostics);
            return Err(Box::new(archive));
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
                let archive = Archive::link(read.config, notices, read.broken, kept, diagnostics);
                timings.lap("link");
                let indexes = Indexes::rebuild(&previous.indexes, &previous.archive, &archive, &changed);
                (archive, indexes)
            }
            None => {
                let archive = Archive::link(read.config, notices, read.broken, kept, diagnostics);
                timings.lap("link");
                let indexes = Indexes::build_or_take(&archive, kept_indexes);
                (archive, indexes)
            }
        };
        archive.check_broken_links(&broken_links, diagnostics);
        timings.lap("index");
        let link_parts = LinkParts::new(&archive);
        let plan = Plan::new(&Pages::new(&archive, &theme, &indexes, &link_parts), fingerprints.as_ref());
        timings.lap("plan every file with its fingerprint");
        Ok(Site {
            root: root.to_path_buf(),
            archive,
            theme,
            indexes,
            plan,
            link_parts,
            bodies,
            spill,
            terms,
            sources: read.sources,
        })
    }

    pub fn pages(&self) -> Pages<'_> {
        Pages::new(&self.archive, &self.theme, &self.indexes, &self.link_parts)
    }

    /// The body of a notice as its page shows it; read again from its file when this run did
    /// not read it, with its table of contents (the build state keeps none).
    pub fn body(&self, id: NoticeId) -> Result<NoticeBody, Diagnostic> {
        let again = || {
            body_again(&self.root, self.archive.notice(id), &self.archive.config)
                .map(|p| NoticeBody { html: Arc::from(p.html), toc: Some(p.notice.body.toc) })
        };
        let read = |html: Arc<str>| NoticeBody { html, toc: None };
        match (&self.bodies[id.index()], &self.spill) {
            (StoredBody::Memory(html), _) => Ok(read(html.clone())),
            (StoredBody::Spilled { at, len }, Some(spill)) => {
                spill.read_text(*at, *len).map(read).or_else(|_| again())
            }
            _ => again(),
        }
    }

    /// Renders one planned file.
    pub fn render(&self, planned: &plan::Planned) -> Result<Page, Diagnostic> {
        plan::render(&self.pages(), &self.plan, planned, |id| self.body(id))
    }

    /// Writes one planned file to `out`, without holding a large one whole.
    pub fn write(&self, planned: &plan::Planned, out: &mut dyn std::io::Write) -> Result<(), Diagnostic> {
        plan::write_to(&self.pages(), &self.plan, planned, |id| self.body(id), out)
    }

    /// The search index files, made afresh.
    pub fn search_index(&self) -> Result<(Vec<IndexFile>, SearchState), Diagnostic> {
        self.make_search_index(None, &|file| file)
    }

    /// Makes the search index, handing each file to `emit` as soon as it is made, and returns
    /// what `emit` returned, file by file.
    pub fn make_search_index<T: Send>(
        &self,
        previous: Option<search::Previous>,
        emit: search::Emit<T>,
    ) -> Result<(Vec<T>, SearchState), Diagnostic> {
        let text = |id| body_again(&self.root, self.archive.notice(id), &self.archive.config).map(|p| p.text);
        let terms = self.terms.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
        search::index(&self.archive, &self.indexes, terms, &text, previous, emit)
    }

    /// Files copied from the archive that would land on a generated file.
    pub fn collisions(&self) -> Vec<Diagnostic> {
        plan::check_collisions(&self.plan, &self.pages(), &self.theme.static_files, &self.root)
    }
}
