//! Reading an archive: `site.yaml`, the theme and every notice, reusing the notices an earlier
//! run read while their files are unchanged.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::theme::Theme;
use super::{Options, Timings, state};
use crate::config::{self, SiteConfig};
use crate::content::{self, Notice, SourceEntry};
use crate::diag::Diagnostic;

/// A notice file as read before: reused while its stamp is the same. The body's HTML is kept
/// when it is at hand; a notice remembered by a build state has none.
#[derive(Clone)]
pub(super) struct Cached {
    pub(super) source: SourceEntry,
    pub(super) parsed: Option<(Arc<Notice>, Option<Arc<str>>)>,
    pub(super) problems: Vec<Diagnostic>,
}

/// Notices read by an earlier run, by file.
#[derive(Clone, Default)]
pub struct ReadCache {
    pub(super) files: HashMap<PathBuf, Cached>,
    /// The read key (see [`state::read_key`]) the notices were read under.
    pub(super) key: u64,
}

impl ReadCache {
    /// The read key the notices were read under.
    pub fn key(&self) -> u64 {
        self.key
    }
}

/// An archive's files, read.
pub struct Read {
    pub config: SiteConfig,
    pub theme: Option<Arc<Theme>>,
    pub sources: Vec<SourceEntry>,
    /// The published notices with their body HTML when at hand, in source order.
    pub notices: Vec<(Arc<Notice>, Option<Arc<str>>)>,
    pub drafts_skipped: usize,
    /// Notice files read anew, not taken from the cache.
    pub reread: usize,
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
    let key = state::read_key(&config);
    let reuse = |source: &SourceEntry| {
        cache
            .files
            .get(&source.path)
            .filter(|c| cache.key == key && c.source == *source && !changed.contains(&source.path))
    };
    let fresh: Vec<&SourceEntry> = sources.iter().filter(|s| reuse(s).is_none()).collect();
    let parsed: HashMap<&Path, Cached> = fresh
        .par_iter()
        .map(|source| {
            let (parsed, problems) = content::load_one(&options.root, source, &config);
            let parsed = parsed.map(|(notice, html)| (Arc::new(notice), Some(Arc::from(html))));
            (source.path.as_path(), Cached { source: (*source).clone(), parsed, problems })
        })
        .collect();
    timings.lap("read, parse, render Markdown");
    let mut next = ReadCache { files: HashMap::with_capacity(sources.len()), key };
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
    let reread = parsed.len();
    drop(parsed);
    Read { config, theme, sources, notices, drafts_skipped, reread, cache: next }
}

/// The body HTML of a notice whose file was not read in this run: read again, and refused if
/// the file changed since it was read.
pub(super) fn body_again(root: &Path, notice: &Notice, config: &SiteConfig) -> Result<String, Diagnostic> {
    let path = root.join(&notice.source_path);
    let changed = || {
        Diagnostic::error(&notice.source_path, 1, 1, "the file changed while the archive was being built")
            .with_help("build again")
    };
    let bytes = std::fs::read(&path).map_err(|_| changed())?;
    if crate::hash::bytes(&bytes) != notice.source_hash {
        return Err(changed());
    }
    match content::parse_notice(&notice.source_path, bytes, Vec::new(), config) {
        (Some((_, html)), _) => Ok(html),
        (None, _) => Err(changed()),
    }
}
