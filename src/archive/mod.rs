//! The linked archive: every published notice with its URL, the references between notices in
//! both directions, typed relations and the status they imply, neighbours in series, and the
//! indexes by type, issuer, year, signer and tag.
//!
//! Owns the checks that need more than one notice: duplicate numbers, two notices on one URL,
//! broken explicit links, relations to unknown or later notices, circles of replacements. It
//! turns a list of [`Notice`] into an [`Archive`] of entries addressed by [`NoticeId`] and does
//! not render anything; a notice's URL is decided here because two notices on one URL is a
//! linking error.

pub mod collate;
pub mod indexes;
mod links;
pub mod resolve;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{Notice, RelationKind, Status};
use crate::diag::Diagnostic;
use crate::slug::slugify;
use resolve::Resolver;

/// Problems of a whole notice are reported at its first line, where the front-matter opens.
const FRONT_MATTER_LINE: usize = 1;

/// Where notice pages live under the output root.
pub const NOTICE_DIR: &str = "van-ban";

/// A published notice's place in the archive: stable for one build, not across builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoticeId(u32);

impl NoticeId {
    pub fn new(index: usize) -> NoticeId {
        NoticeId(u32::try_from(index).expect("fewer than four billion notices"))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What one body reference led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefTarget {
    Notice(NoticeId),
    /// The citing notice's own number: left as text, not counted.
    OwnNumber,
    Unresolved,
    Ambiguous(Vec<NoticeId>),
}

/// A relation target: the notice, if archived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationTarget {
    pub key: String,
    pub written: String,
    pub notice: Option<NoticeId>,
}

/// A cited number that names no single archived notice, listed once per notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideCitation {
    pub key: String,
    pub text: String,
    pub ambiguous: bool,
}

/// The links of one notice to and from the rest of the archive.
#[derive(Debug, Clone, Default)]
pub struct NoticeLinks {
    /// One entry per body reference, by the reference's index.
    pub references: Vec<RefTarget>,
    /// Distinct cited notices, in order of first citation.
    pub cites: Vec<NoticeId>,
    /// Distinct citing notices, in archive order.
    pub cited_by: Vec<NoticeId>,
    pub outside: Vec<OutsideCitation>,
    pub relations: Vec<(RelationKind, Vec<RelationTarget>)>,
    /// Notices that declare a relation to this one, by kind.
    pub related_by: Vec<(RelationKind, Vec<NoticeId>)>,
    /// The archived notice that replaced or repealed this one, and from when.
    pub ended_by: Option<(NoticeId, Date)>,
    pub previous: Option<NoticeId>,
    pub next: Option<NoticeId>,
}

/// Citation counts over the whole archive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct CitationStats {
    pub resolved: usize,
    pub unresolved: usize,
    pub ambiguous: usize,
}

/// One published notice with its URL and links.
#[derive(Debug, Clone)]
pub struct Entry {
    pub notice: Arc<Notice>,
    /// URL of the notice's page folder, relative to the output root, ending in `/`.
    pub url: String,
    pub links: NoticeLinks,
}

/// All published notices, linked.
#[derive(Debug)]
pub struct Archive {
    pub config: SiteConfig,
    entries: Vec<Entry>,
    pub stats: CitationStats,
    resolver: Arc<Resolver>,
}

/// What other notices' links depend on: a change elsewhere leaves links as they were.
fn identity(notice: &Notice) -> (Option<&str>, &str, Option<Date>, &str, Option<u32>) {
    (notice.key(), &notice.doc_type, notice.date, &notice.issuer, notice.number.as_ref().map(|n| n.seq))
}

impl Archive {
    /// Links `notices` (already filtered for drafts) and reports cross-notice problems.
    pub fn link(config: SiteConfig, notices: Vec<Arc<Notice>>, diagnostics: &mut Vec<Diagnostic>) -> Archive {
        let duplicates = check_duplicates(&notices, diagnostics);
        let urls = assign_urls(&notices, &duplicates, diagnostics);
        let resolver = Resolver::new(&notices);
        let mut links = links::link_all(&notices, &resolver, diagnostics);
        links::fill_reverse_links(&notices, &mut links);
        links::link_series(&notices, &mut links);
        Archive::assemble(config, notices, urls, links, Arc::new(resolver))
    }

    /// Links again after the notices at `changed` were replaced in place. When none of them
    /// changed what other notices' links depend on (number, type, date, issuer), only their
    /// own references and relations are resolved again and the reverse links recounted;
    /// otherwise the whole archive is linked. Warnings are reported for the changed notices.
    pub fn relink(
        previous: &Archive,
        notices: Vec<Arc<Notice>>,
        changed: &[NoticeId],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Archive {
        let same_shape = previous.len() == notices.len()
            && changed.iter().all(|&id| identity(previous.notice(id)) == identity(&notices[id.index()]));
        if !same_shape {
            return Archive::link(previous.config.clone(), notices, diagnostics);
        }
        let resolver = previous.resolver.clone();
        let mut links: Vec<NoticeLinks> = previous.entries.iter().map(|e| e.links.clone()).collect();
        for &id in changed {
            let i = id.index();
            let (before, after) = (links[i].previous, links[i].next);
            links[i] = links::link_one(&notices, &resolver, id, diagnostics);
            (links[i].previous, links[i].next) = (before, after);
        }
        links::check_ending_cycles(&notices, &links, diagnostics);
        for link in &mut links {
            link.cited_by.clear();
            link.related_by.clear();
            link.ended_by = None;
        }
        links::fill_reverse_links(&notices, &mut links);
        let urls = previous.entries.iter().map(|e| e.url.clone()).collect();
        Archive::assemble(previous.config.clone(), notices, urls, links, resolver)
    }

    fn assemble(
        config: SiteConfig,
        notices: Vec<Arc<Notice>>,
        urls: Vec<String>,
        links: Vec<NoticeLinks>,
        resolver: Arc<Resolver>,
    ) -> Archive {
        let stats = count_citations(&links);
        let entries = notices
            .into_iter()
            .zip(urls)
            .zip(links)
            .map(|((notice, url), links)| Entry { notice, url, links })
            .collect();
        Archive { config, entries, stats, resolver }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every notice's id, in archive order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = NoticeId> + use<> {
        (0..self.entries.len()).map(NoticeId::new)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: NoticeId) -> &Entry {
        &self.entries[id.index()]
    }

    pub fn notice(&self, id: NoticeId) -> &Arc<Notice> {
        &self.entries[id.index()].notice
    }

    /// The folder of the notice's page, relative to the output root (`van-ban/2024/x/`).
    pub fn url(&self, id: NoticeId) -> &str {
        &self.entries[id.index()].url
    }

    pub fn links(&self, id: NoticeId) -> &NoticeLinks {
        &self.entries[id.index()].links
    }

    /// Whether the notice is in force, taking replacing and repealing notices into account.
    pub fn effective_status(&self, id: NoticeId) -> Status {
        if self.links(id).ended_by.is_some() { Status::Expired } else { self.notice(id).status }
    }
}

/// Reports notices that share key, type and year; returns the indices reported.
fn check_duplicates(
    notices: &[Arc<Notice>],
    diagnostics: &mut Vec<Diagnostic>,
) -> std::collections::HashSet<usize> {
    let mut seen: HashMap<(&str, String, Option<i16>), &Notice> = HashMap::new();
    let mut reported = std::collections::HashSet::new();
    for (index, notice) in notices.iter().enumerate() {
        let Some(key) = notice.key() else { continue };
        let identity = (key, notice.doc_type.to_lowercase(), notice.year());
        if let Some(first) = seen.insert(identity, notice) {
            reported.insert(index);
            diagnostics.push(
                Diagnostic::error(
                    &notice.source_path,
                    FRONT_MATTER_LINE,
                    1,
                    format!(
                        "number {} ({}, {}) is also used by {}",
                        key,
                        notice.doc_type,
                        notice.year().map_or("no date".to_string(), |y| y.to_string()),
                        first.source_path
                    ),
                )
                .with_help("two notices of one type and year cannot share a number; correct one of them"),
            );
        }
    }
    reported
}

/// `van-ban/2024/thong-bao-45-tb-vptu/`, from type, number and year; drafts without a number
/// use their file name.
pub fn notice_url(notice: &Notice) -> String {
    let year = notice.year().map_or("ban-nhap".to_string(), |y| y.to_string());
    let name = match &notice.number {
        Some(number) => slugify(&format!("{} {}", notice.doc_type, number.key)),
        None => {
            let stem = notice.source_path.trim_end_matches(".md").trim_end_matches("/index");
            slugify(stem.rsplit('/').next().unwrap_or(stem))
        }
    };
    format!("{NOTICE_DIR}/{year}/{name}/")
}

fn assign_urls(
    notices: &[Arc<Notice>],
    already_reported: &std::collections::HashSet<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let urls: Vec<String> = notices.par_iter().map(|n| notice_url(n)).collect();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (index, url) in urls.iter().enumerate() {
        if let Some(&first) = first_of.get(url.as_str()) {
            if already_reported.contains(&index) {
                continue;
            }
            let notice = &notices[index];
            diagnostics.push(Diagnostic::error(
                &notice.source_path,
                FRONT_MATTER_LINE,
                1,
                format!(
                    "{} and {} would both be published at {url}",
                    notices[first].source_path, notice.source_path
                ),
            ));
        } else {
            first_of.insert(url, index);
        }
    }
    urls
}

fn count_citations(links: &[NoticeLinks]) -> CitationStats {
    let mut stats = CitationStats::default();
    for target in links.iter().flat_map(|l| &l.references) {
        match target {
            RefTarget::Notice(_) => stats.resolved += 1,
            RefTarget::Unresolved => stats.unresolved += 1,
            RefTarget::Ambiguous(_) => stats.ambiguous += 1,
            RefTarget::OwnNumber => {}
        }
    }
    stats
}
