//! Reading an archive: `site.yaml`, the theme and every notice, reusing the notices an earlier
//! run read while their files are unchanged.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::search::{Gathered, Gathering};
use super::spill::Spill;
use super::theme::Theme;
use super::{Options, Timings};
use crate::archive::NoticeId;
use crate::config::{self, SiteConfig};
use crate::content::{self, Notice, SourceEntry};
use crate::diag::Diagnostic;
use crate::msg;

/// A notice file as read before: reused while its stamp is the same. The body's HTML is kept
/// when it is at hand; a notice remembered by a build state has none.
#[derive(Clone)]
pub(super) struct Cached {
    pub(super) source: SourceEntry,
    pub(super) parsed: Option<(Arc<Notice>, StoredBody)>,
    pub(super) problems: Vec<Diagnostic>,
    /// The key of a published notice left out because of an error.
    pub(super) broken: Option<String>,
    /// The explicit links of a notice left out because of an error (not kept by a build state:
    /// a build with an error keeps none, and a draft left out is not checked).
    pub(super) broken_links: Option<Arc<content::BrokenNotice>>,
    /// Whether the file is a draft, read as a notice or not.
    pub(super) draft: bool,
}

/// Notices read by an earlier run, by file: in the order the files were found (path order),
/// so that a run that finds the same files finds each where it was, without hashing its path.
#[derive(Clone, Default)]
pub struct ReadCache {
    pub(super) files: Vec<Cached>,
    /// Where each file is in `files`, made when a file is not found where it was.
    by_path: std::sync::OnceLock<FxHashMap<PathBuf, usize>>,
    /// The read key (see [`content::read_key`]) the notices were read under.
    pub(super) key: u64,
    /// From when the files' stamps are not trusted: a file with such a stamp is told by its
    /// bytes.
    pub(super) untrusted_from: i128,
}

impl ReadCache {
    pub(super) fn new(files: Vec<Cached>, key: u64, untrusted_from: i128) -> Self {
        ReadCache { files, by_path: Default::default(), key, untrusted_from }
    }

    /// Where the file at `path` is, found `slot`th in this run: at the same place when the
    /// files found are those of the run that read it, else looked up.
    fn place_of(&self, slot: usize, path: &Path) -> Option<usize> {
        if self.files.get(slot).is_some_and(|cached| cached.source.path == path) {
            return Some(slot);
        }
        let by_path = self.by_path.get_or_init(|| {
            self.files.iter().enumerate().map(|(at, cached)| (cached.source.path.clone(), at)).collect()
        });
        by_path.get(path).copied()
    }

    /// The read key the notices were read under.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// From when the stamps it holds are not trusted by themselves.
    pub fn untrusted_from(&self) -> i128 {
        self.untrusted_from
    }
}

/// Where a notice's body HTML is while a run needs it.
#[derive(Debug, Clone)]
pub enum StoredBody {
    Memory(Arc<str>),
    /// In the run's temporary file, at a byte offset.
    Spilled {
        at: u64,
        len: usize,
    },
    /// Not read in this run: its file is read again when a page needs it.
    NotRead,
}

/// An archive's files, read.
pub struct Read {
    pub config: SiteConfig,
    pub theme: Option<Arc<Theme>>,
    pub sources: Vec<SourceEntry>,
    /// The published notices with where their body HTML is, in source order.
    pub notices: Vec<(Arc<Notice>, StoredBody)>,
    /// Keys of published notices left out because of an error, to the file of each.
    pub broken: HashMap<String, String>,
    /// The explicit links of the notices left out because of an error, to check all the same.
    pub broken_links: Vec<Arc<content::BrokenNotice>>,
    /// The temporary file of the bodies, when they are not kept in memory.
    pub spill: Option<Arc<Spill>>,
    /// The search terms of the notices read in this run.
    pub terms: Gathered,
    pub drafts_skipped: usize,
    /// Notice files read anew, not taken from the cache.
    pub reread: usize,
    /// What the next run may reuse.
    pub cache: ReadCache,
}

/// What an archive is made of before any notice is read: `site.yaml` (with the options that
/// override it), the theme, and the notice files found with their stamps.
pub struct Inputs {
    pub config: SiteConfig,
    pub theme: Option<Arc<Theme>>,
    pub sources: Vec<SourceEntry>,
    /// From when the stamps of `sources` cannot be trusted by themselves (see
    /// [`Stamp::untrusted_from_now`](content::Stamp::untrusted_from_now)).
    pub untrusted_from: i128,
}

impl Inputs {
    /// A stable hash of everything a build is made of but the notice files' own stamps (which
    /// [`NoticeFile::all_unchanged`](super::state::NoticeFile::all_unchanged) compares), and
    /// of the problems `said` finding them (a link that leads out of the archive is not a
    /// source): two builds of one archive with one digest and unchanged notice files write the
    /// same files and report the same (the Gazette that wrote a state is checked when the state
    /// is opened). `None` when the theme did not load.
    pub fn digest(&self, options: &Options, said: &[Diagnostic]) -> Option<u64> {
        let theme = self.theme.as_ref()?;
        let mut hash = crate::hash::Stable::new();
        hash.value(said)
            .str(&options.root.to_string_lossy())
            .value(&self.config)
            .value(&(options.drafts, options.list_outside))
            .u64(theme.digest());
        for source in &self.sources {
            hash.value(&source.path).value(&source.attachments);
            // An attachment saved twice within one tick of a coarse clock keeps its stamp: its
            // version, from the stamp discovery took.
            for attachment in &source.attachments {
                hash.u64(attachment.stamp.version_at(&attachment.source, self.untrusted_from));
            }
        }
        Some(hash.finish())
    }
}

/// Reads `site.yaml` and the theme, and finds the notice files.
pub fn read_inputs(options: &Options, diagnostics: &mut Vec<Diagnostic>, timings: &mut Timings) -> Inputs {
    let untrusted_from = content::Stamp::untrusted_from_now();
    let mut config = SiteConfig::load(&options.root, diagnostics);
    if let Some(base_url) = &options.base_url {
        config = config::with_base_url(SiteConfig { base_url: None, ..config }, base_url.as_deref());
    }
    let theme = Theme::load(&options.root, &config, diagnostics).map(Arc::new);
    timings.lap("config and theme");
    let sources = content::discover(&options.root, diagnostics);
    timings.lap("discover");
    Inputs { config, theme, sources, untrusted_from }
}

/// Reads every notice of `inputs`, reusing from `cache` the notices whose file has the same
/// stamp (taken early enough to be trusted) and is not in `changed`, or has the same bytes.
pub fn read(
    options: &Options,
    inputs: Inputs,
    cache: ReadCache,
    changed: &HashSet<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> Read {
    let Inputs { config, theme, sources, untrusted_from } = inputs;
    let key = content::read_key(&config);
    // Where each file's notice, read before under the same key and unchanged since, is in the
    // cache.
    let same_key = cache.key == key;
    let before_at = |slot: usize, source: &SourceEntry| {
        if same_key { cache.place_of(slot, &source.path) } else { None }
    };
    let reused: Vec<Option<usize>> = sources
        .iter()
        .enumerate()
        .map(|(slot, source)| {
            let at = before_at(slot, source)?;
            let c = &cache.files[at];
            (c.source == *source
                && !c.source.stamp.changed_since(cache.untrusted_from)
                && !changed.contains(&source.path))
            .then_some(at)
        })
        .collect();
    let fresh: Vec<(usize, &SourceEntry)> =
        sources.iter().enumerate().filter(|&(slot, _)| reused[slot].is_none()).collect();
    let spill = if options.bodies_in_memory {
        None
    } else {
        match Spill::new() {
            Ok(spill) => Some(Arc::new(spill)),
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    "content",
                    1,
                    1,
                    msg!("no-temporary-file", error = e.to_string()),
                ));
                None
            }
        }
    };
    let store = |html: String| -> StoredBody {
        match &spill {
            Some(spill) => match spill.append(html.as_bytes()) {
                Ok(at) => StoredBody::Spilled { at, len: html.len() },
                Err(_) => StoredBody::Memory(Arc::from(html)),
            },
            None => StoredBody::Memory(Arc::from(html)),
        }
    };
    // Where bigrams stand goes to a temporary file too, when the bodies do.
    let places = spill.clone();
    let bar = super::progress_bar(options.progress, fresh.len(), "progress-reading", config.language);
    // Each thread gathers the search terms of the notices it reads, by their place in `sources`.
    let (parsed, terms) = fresh
        .par_iter()
        .fold(
            || (Vec::new(), Gathering::new(sources.len(), places.clone())),
            |(mut done, mut terms), &(slot, source)| {
                let before = before_at(slot, source).map(|at| &cache.files[at]);
                match load_fresh(&options.root, source, &config, before) {
                    Fresh::Same(cached) => done.push((slot, (cached, false))),
                    Fresh::Read(loaded) => {
                        let loaded = *loaded;
                        let parsed = loaded.parsed.map(|p| {
                            terms.add(slot as u32, &p.notice, &p.text);
                            (Arc::new(p.notice), store(p.html))
                        });
                        let (problems, broken, draft) = (loaded.problems, loaded.broken, loaded.draft);
                        let broken_links = loaded.broken_links;
                        let cached =
                            Cached { source: source.clone(), parsed, problems, broken, broken_links, draft };
                        done.push((slot, (cached, true)));
                    }
                }
                bar.inc(1);
                (done, terms)
            },
        )
        .reduce(
            || (Vec::new(), Gathering::new(sources.len(), places.clone())),
            |(mut a, a_terms), (b, b_terms)| {
                a.extend(b);
                (a, a_terms.merge(b_terms))
            },
        );
    bar.finish_and_clear();
    // By slot: what this run read, and what it takes as it was read before.
    let mut parsed_at: Vec<Option<(Cached, bool)>> = (0..sources.len()).map(|_| None).collect();
    let reread = parsed.iter().filter(|(_, (_, parsed_now))| *parsed_now).count();
    for (slot, read) in parsed {
        parsed_at[slot] = Some(read);
    }
    let mut before: Vec<Option<Cached>> = cache.files.into_iter().map(Some).collect();
    timings.lap("read, parse, render Markdown");
    let mut next = Vec::with_capacity(sources.len());
    let mut notices = Vec::with_capacity(sources.len());
    let mut drafts_skipped = 0;
    let mut broken = HashMap::new();
    let mut broken_links = Vec::new();
    // The notice each source became in this run, for the terms read from it.
    let mut notice_of: Vec<Option<NoticeId>> = vec![None; sources.len()];
    for (slot, source) in sources.iter().enumerate() {
        let (cached, fresh) = match parsed_at[slot].take() {
            Some(read) => read,
            None => {
                let at = reused[slot].expect("every source is read or reused");
                (before[at].take().expect("a notice read before is reused once"), false)
            }
        };
        let skipped_draft = cached.draft && !options.drafts;
        // A draft left out is not in the archive, whatever its errors; one built is missing
        // because of them.
        if let Some(key) = cached.broken.as_ref().filter(|_| !skipped_draft) {
            broken.insert(key.clone(), crate::diag::display_path(&options.root, &source.path));
        }
        // A draft left out is not checked, whether it could be read as a notice or not: its
        // errors do not stop the notices published. `--drafts` (and the preview) ask for them.
        if skipped_draft {
            drafts_skipped += 1;
        } else {
            diagnostics.extend(cached.problems.iter().filter(|p| !content::outdated(p)).cloned());
            broken_links.extend(cached.broken_links.clone());
        }
        if let Some((notice, html)) = &cached.parsed
            && !skipped_draft
        {
            if fresh {
                notice_of[slot] = Some(NoticeId::new(notices.len()));
            }
            notices.push((notice.clone(), html.clone()));
        }
        next.push(cached);
    }
    // What was read before and not taken (read again, or gone): a new key leaves them all.
    super::free_in_background(before);
    let mut next = ReadCache::new(next, key, untrusted_from);
    let terms = Gathered::new(terms, notice_of, notices.len());
    // What the next run reuses keeps bodies in memory only; others are read again from files.
    for cached in &mut next.files {
        if let Some((_, body @ StoredBody::Spilled { .. })) = &mut cached.parsed {
            *body = StoredBody::NotRead;
        }
    }
    Read {
        config,
        theme,
        sources,
        notices,
        broken,
        broken_links,
        spill,
        terms,
        drafts_skipped,
        reread,
        cache: next,
    }
}

/// A notice file whose stamp moved, as this run has it.
enum Fresh {
    /// The notice read before from the same bytes (a file saved again unchanged, or checked out
    /// anew), with the same attachments: taken as it was.
    Same(Cached),
    Read(Box<content::Loaded>),
}

/// Reads a notice file whose stamp moved, parsing it unless its bytes are those the notice
/// read `before` from.
fn load_fresh(root: &Path, source: &SourceEntry, config: &SiteConfig, before: Option<&Cached>) -> Fresh {
    if let Some(before) = before.filter(|b| b.source.attachments == source.attachments)
        && let Some((notice, _)) = &before.parsed
        && let Ok(bytes) = std::fs::read(&source.path)
    {
        if crate::hash::bytes(&bytes) == notice.source_hash {
            return Fresh::Same(Cached { source: source.clone(), ..before.clone() });
        }
        let path = crate::diag::display_path(root, &source.path);
        return Fresh::Read(Box::new(content::parse_notice(
            &path,
            bytes,
            source.attachments.clone(),
            config,
        )));
    }
    Fresh::Read(Box::new(content::load_one(root, source, config)))
}

/// The body of a notice whose file was not read in this run: read again, and refused if the
/// file changed since it was read.
pub(super) fn body_again(
    root: &Path,
    notice: &Notice,
    config: &SiteConfig,
) -> Result<content::Parsed, Diagnostic> {
    let path = root.join(&notice.source_path);
    let changed = || {
        Diagnostic::error(&notice.source_path, 1, 1, msg!("changed-while-building"))
            .with_help(msg!("help-build-again"))
    };
    let bytes = std::fs::read(&path).map_err(|_| changed())?;
    if crate::hash::bytes(&bytes) != notice.source_hash {
        return Err(changed());
    }
    // With its attachments: a link giving one's name is written as its page's link to it.
    content::parse_notice(&notice.source_path, bytes, notice.attachments.clone(), config)
        .parsed
        .ok_or_else(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cached(path: &str) -> Cached {
        Cached {
            source: SourceEntry {
                path: PathBuf::from(path),
                stamp: Default::default(),
                attachments: Vec::new(),
            },
            parsed: None,
            problems: Vec::new(),
            broken: None,
            broken_links: None,
            draft: false,
        }
    }

    #[test]
    fn a_file_is_found_where_it_was_else_looked_up() {
        let cache =
            ReadCache::new(["content/a.md", "content/b.md", "content/c.md"].map(cached).to_vec(), 0, 0);
        let cases = [
            // In place, as when the same files are found again.
            (0, "content/a.md", Some(0)),
            (2, "content/c.md", Some(2)),
            // Moved by a file added or removed before it.
            (3, "content/c.md", Some(2)),
            (0, "content/b.md", Some(1)),
            // Near misses: a file not read before, in place of one and past the end; the same
            // path with a `.` part is that path, a name in other letters another file.
            (1, "content/b2.md", None),
            (7, "content/d.md", None),
            (1, "content/./b.md", Some(1)),
            (1, "content/B.md", None),
        ];
        for (slot, path, expected) in cases {
            assert_eq!(cache.place_of(slot, Path::new(path)), expected, "{path} found {slot}th");
        }
    }
}
