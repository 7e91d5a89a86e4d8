//! The linked archive: every published notice with its URL, the references between notices in
//! both directions, typed relations and the status they imply, and neighbours in series.
//!
//! Owns the checks that need more than one notice: duplicate numbers, two notices on one URL,
//! broken explicit links, relations to unknown or later notices. It turns a list of [`Notice`]
//! into an [`Archive`] and does not render anything.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use crate::cite::{Query, Resolution, Resolver};
use crate::config::SiteConfig;
use crate::content::{Notice, RelationKind};
use crate::diag::Diagnostic;
use crate::markdown::RefOrigin;
use crate::slug::slugify;

/// Problems of a whole notice are reported at its first line, where the front-matter opens.
const FRONT_MATTER_LINE: usize = 1;

/// Where notice pages live under the output root.
pub const NOTICE_DIR: &str = "van-ban";

/// What one body reference led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefTarget {
    Notice(usize),
    /// The citing notice's own number: left as text, not counted.
    OwnNumber,
    Unresolved,
    Ambiguous(Vec<usize>),
}

/// A relation target: the notice, if archived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationTarget {
    pub key: String,
    pub written: String,
    pub notice: Option<usize>,
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
    pub cites: Vec<usize>,
    /// Distinct citing notices, in archive order.
    pub cited_by: Vec<usize>,
    pub outside: Vec<OutsideCitation>,
    pub relations: Vec<(RelationKind, Vec<RelationTarget>)>,
    /// Notices that declare a relation to this one, by kind.
    pub related_by: Vec<(RelationKind, Vec<usize>)>,
    /// The archived notice that replaced or repealed this one, and from when.
    pub ended_by: Option<(usize, Date)>,
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

/// Citation counts over the whole archive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct CitationStats {
    pub resolved: usize,
    pub unresolved: usize,
    pub ambiguous: usize,
}

/// All published notices, linked.
#[derive(Debug)]
pub struct Archive {
    pub config: SiteConfig,
    pub notices: Vec<Arc<Notice>>,
    /// URL of each notice's page folder, relative to the output root, ending in `/`.
    pub urls: Vec<String>,
    pub links: Vec<NoticeLinks>,
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
        let mut links: Vec<NoticeLinks> =
            notices.iter().map(|n| link_references(&notices, &resolver, n, diagnostics)).collect();
        for (index, notice) in notices.iter().enumerate() {
            links[index].relations = link_relations(&notices, &resolver, index, notice, diagnostics);
        }
        check_ending_cycles(&notices, &links, diagnostics);
        fill_reverse_links(&notices, &mut links);
        link_series(&notices, &mut links);
        let stats = count_citations(&links);
        Archive { config, notices, urls, links, stats, resolver: Arc::new(resolver) }
    }

    /// Links again after the notices at `changed` were replaced in place. When none of them
    /// changed what other notices' links depend on (number, type, date, issuer), only their
    /// own references and relations are resolved again and the reverse links recounted;
    /// otherwise the whole archive is linked. Warnings are reported for the changed notices.
    pub fn relink(
        previous: &Archive,
        notices: Vec<Arc<Notice>>,
        changed: &[usize],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Archive {
        let same_shape = previous.notices.len() == notices.len()
            && changed.iter().all(|&i| identity(&previous.notices[i]) == identity(&notices[i]));
        if !same_shape {
            return Archive::link(previous.config.clone(), notices, diagnostics);
        }
        let resolver = previous.resolver.clone();
        let mut links = previous.links.clone();
        for &i in changed {
            let (previous_link, next) = (links[i].previous, links[i].next);
            links[i] = link_references(&notices, &resolver, &notices[i], diagnostics);
            links[i].relations = link_relations(&notices, &resolver, i, &notices[i], diagnostics);
            (links[i].previous, links[i].next) = (previous_link, next);
        }
        check_ending_cycles(&notices, &links, diagnostics);
        for link in &mut links {
            link.cited_by.clear();
            link.related_by.clear();
            link.ended_by = None;
        }
        fill_reverse_links(&notices, &mut links);
        let stats = count_citations(&links);
        Archive {
            config: previous.config.clone(),
            notices,
            urls: previous.urls.clone(),
            links,
            stats,
            resolver,
        }
    }

    pub fn len(&self) -> usize {
        self.notices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.notices.is_empty()
    }

    /// Whether the notice is in force, taking replacing and repealing notices into account.
    pub fn effective_status(&self, index: usize) -> &'static str {
        if self.links[index].ended_by.is_some() { "expired" } else { self.notices[index].status.code() }
    }
}

/// Reports notices that share key, type and year; returns the indices reported.
fn check_duplicates(notices: &[Arc<Notice>], diagnostics: &mut Vec<Diagnostic>) -> Vec<usize> {
    let mut seen: HashMap<(&str, String, Option<i16>), &Notice> = HashMap::new();
    let mut reported = Vec::new();
    for (index, notice) in notices.iter().enumerate() {
        let Some(key) = notice.key() else { continue };
        let identity = (key, notice.doc_type.to_lowercase(), notice.year());
        if let Some(first) = seen.insert(identity, notice) {
            reported.push(index);
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
    already_reported: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let urls: Vec<String> = notices.iter().map(|n| notice_url(n)).collect();
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

fn link_references(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> NoticeLinks {
    let mut links = NoticeLinks::default();
    // Seen cited notices and outside keys: a paragraph may cite thousands of numbers.
    let mut cited = std::collections::HashSet::new();
    let mut outside = std::collections::HashSet::new();
    for reference in &notice.body.references {
        let Some(number) = &reference.number else {
            links.references.push(RefTarget::Unresolved);
            diagnostics.push(
                Diagnostic::error(
                    &notice.source_path,
                    reference.line,
                    reference.column,
                    format!("link target `notice:{}` is not a notice number", reference.text),
                )
                .with_help("write notice:162-NQ/TU, or notice:162-NQ/TU@2024 for the one of 2024"),
            );
            continue;
        };
        if reference.origin == RefOrigin::Detected && Some(number.key.as_str()) == notice.key() {
            links.references.push(RefTarget::OwnNumber);
            continue;
        }
        let query = Query {
            key: &number.key,
            type_word: reference.type_word,
            year: reference.year,
            citing_date: notice.date,
        };
        let target = match resolver.resolve(notices, query) {
            Resolution::Resolved(i) => RefTarget::Notice(i),
            Resolution::Unresolved => RefTarget::Unresolved,
            Resolution::Ambiguous(all) => RefTarget::Ambiguous(all),
        };
        report_reference(notice, reference, &target, notices, diagnostics);
        match &target {
            RefTarget::Notice(i) if cited.insert(*i) => links.cites.push(*i),
            RefTarget::Unresolved | RefTarget::Ambiguous(_) if outside.insert(number.key.as_str()) => {
                links.outside.push(OutsideCitation {
                    key: number.key.clone(),
                    text: reference.text.clone(),
                    ambiguous: matches!(target, RefTarget::Ambiguous(_)),
                });
            }
            _ => {}
        }
        links.references.push(target);
    }
    links
}

fn report_reference(
    notice: &Notice,
    reference: &crate::markdown::BodyRef,
    target: &RefTarget,
    notices: &[Arc<Notice>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at =
        |message: String| Diagnostic::warning(&notice.source_path, reference.line, reference.column, message);
    let described = match reference.year {
        Some(year) => format!("{} of {year}", reference.text),
        None => reference.text.clone(),
    };
    let diagnostic = match (target, reference.origin) {
        (RefTarget::Unresolved, RefOrigin::Explicit) => Diagnostic {
            severity: crate::diag::Severity::Error,
            ..at(format!("link to {described}: no such notice in the archive"))
        }
        .with_help("check the number and year, or write the number as plain text"),
        (RefTarget::Ambiguous(all), RefOrigin::Explicit) => Diagnostic {
            severity: crate::diag::Severity::Error,
            ..at(format!("link to {described} is ambiguous: {}", describe_all(notices, all)))
        }
        .with_help("add the year, e.g. notice:162-NQ/TU@2024"),
        (RefTarget::Unresolved, RefOrigin::Detected) => {
            at(format!("cited {described} is not in the archive"))
        }
        (RefTarget::Ambiguous(all), RefOrigin::Detected) => {
            at(format!("cited {described} is ambiguous: {}", describe_all(notices, all)))
                .with_help("write the type word (Quyết định / Quy định) or the date after the number")
        }
        _ => return,
    };
    diagnostics.push(diagnostic);
}

fn describe_all(notices: &[Arc<Notice>], all: &[usize]) -> String {
    all.iter()
        .map(|&i| format!("{} ({})", notices[i].doc_type, notices[i].source_path))
        .collect::<Vec<_>>()
        .join(", ")
}

fn link_relations(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    index: usize,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(RelationKind, Vec<RelationTarget>)> {
    let mut relations: Vec<(RelationKind, Vec<RelationTarget>)> = Vec::new();
    for relation in &notice.relations {
        let resolve = |citing_date| {
            let query =
                Query { key: &relation.number.key, type_word: None, year: relation.year, citing_date };
            match resolver.resolve(notices, query) {
                Resolution::Resolved(i) => Some(i),
                _ => None,
            }
        };
        // Like a citation, a relation names the latest such notice up to this one's date; a
        // replaced or repealed notice found only later is reported rather than missed.
        let target = resolve(notice.date).or_else(|| {
            resolve(None).filter(|&t| relation.kind.ends_target() && is_later(&notices[t], notice))
        });
        let at = |severity_error: bool, message: String| {
            let d = Diagnostic::warning(&notice.source_path, relation.line, relation.column, message);
            if severity_error { Diagnostic { severity: crate::diag::Severity::Error, ..d } } else { d }
        };
        match target {
            None => diagnostics.push(at(
                false,
                format!("`{}` {}: no such notice in the archive", relation.kind.key(), relation.written),
            )),
            Some(t) if t == index && relation.kind.ends_target() => diagnostics.push(at(
                true,
                format!("a notice cannot {} itself", relation.kind.key().trim_end_matches('s')),
            )),
            Some(t) if relation.kind.ends_target() && is_later(&notices[t], notice) => diagnostics.push(
                at(
                    true,
                    format!(
                        "`{}` {}: that notice is dated after this one",
                        relation.kind.key(),
                        relation.written
                    ),
                )
                .with_help("only a newer notice can replace or repeal an older one"),
            ),
            Some(_) => {}
        }
        let entry = RelationTarget {
            key: relation.number.key.clone(),
            written: relation.written.clone(),
            notice: target,
        };
        match relations.iter_mut().find(|(k, _)| *k == relation.kind) {
            Some((_, targets)) => targets.push(entry),
            None => relations.push((relation.kind, vec![entry])),
        }
    }
    relations
}

/// Notices that end one another in a circle (A replaces B, B replaces C, C replaces A) would
/// all be out of force: an error at the first notice of each circle, naming every member.
fn check_ending_cycles(notices: &[Arc<Notice>], links: &[NoticeLinks], diagnostics: &mut Vec<Diagnostic>) {
    let ends = |from: usize| {
        links[from]
            .relations
            .iter()
            .filter(|(kind, _)| kind.ends_target())
            .flat_map(|(kind, targets)| targets.iter().filter_map(move |t| Some((*kind, t.notice?))))
            .filter(move |&(_, to)| to != from)
    };
    let mut state = vec![Visit::New; notices.len()];
    for start in 0..notices.len() {
        if state[start] != Visit::New {
            continue;
        }
        // Depth-first without recursion: a long chain of replacements must not overflow the stack.
        let mut path: Vec<(usize, Vec<(RelationKind, usize)>)> = vec![(start, ends(start).collect())];
        state[start] = Visit::OnPath;
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let Some((_, to)) = next.pop() else {
                state[node] = Visit::Done;
                path.pop();
                continue;
            };
            match state[to] {
                Visit::New => {
                    state[to] = Visit::OnPath;
                    path.push((to, ends(to).collect()));
                }
                Visit::OnPath => {
                    let at = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let circle: Vec<usize> = path[at..].iter().map(|(n, _)| *n).collect();
                    diagnostics.push(cycle_error(notices, &circle));
                }
                Visit::Done => {}
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    OnPath,
    Done,
}

fn cycle_error(notices: &[Arc<Notice>], circle: &[usize]) -> Diagnostic {
    let first = circle.iter().copied().min_by_key(|&i| &notices[i].source_path).unwrap_or(circle[0]);
    let name = |i: usize| {
        let n = &notices[i];
        let number = n.number.as_ref().map_or(n.title.as_str(), |d| d.written.as_str());
        format!("{number} ({})", n.source_path)
    };
    let at = circle.iter().position(|&i| i == first).unwrap_or(0);
    let mut names: Vec<String> = circle[at..].iter().chain(&circle[..at]).map(|&i| name(i)).collect();
    names.push(name(first));
    let notice = &notices[first];
    let line = notice.relations.iter().find(|r| r.kind.ends_target()).map_or(FRONT_MATTER_LINE, |r| r.line);
    Diagnostic::error(
        &notice.source_path,
        line,
        1,
        format!("replacing and repealing notices form a circle: {}", names.join(" → ")),
    )
    .with_help("a notice can only end older ones: remove the relation that closes the circle")
}

fn is_later(target: &Notice, notice: &Notice) -> bool {
    matches!((target.date, notice.date), (Some(t), Some(n)) if t > n)
}

fn fill_reverse_links(notices: &[Arc<Notice>], links: &mut [NoticeLinks]) {
    let cites: Vec<(usize, usize)> =
        links.iter().enumerate().flat_map(|(from, l)| l.cites.iter().map(move |&to| (from, to))).collect();
    let relations: Vec<(usize, RelationKind, usize)> = links
        .iter()
        .enumerate()
        .flat_map(|(from, l)| {
            l.relations.iter().flat_map(move |(kind, targets)| {
                targets
                    .iter()
                    .filter_map(|t| t.notice)
                    .filter(move |&t| t != from)
                    .map(move |t| (from, *kind, t))
            })
        })
        .collect();
    for (from, to) in cites {
        links[to].cited_by.push(from);
    }
    for (from, kind, target) in relations {
        let related = &mut links[target].related_by;
        match related.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, sources)) => sources.push(from),
            None => related.push((kind, vec![from])),
        }
        let since = notices[from].effective.or(notices[from].date);
        if let (true, Some(since)) = (kind.ends_target(), since) {
            let ended = &mut links[target].ended_by;
            if ended.is_none_or(|(_, d)| since < d) {
                *ended = Some((from, since));
            }
        }
    }
    for link in links.iter_mut() {
        link.related_by.sort_by_key(|(k, _)| *k);
    }
}

/// Previous and next notice of the same type and issuer, by date then number.
fn link_series(notices: &[Arc<Notice>], links: &mut [NoticeLinks]) {
    let mut series: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (index, notice) in notices.iter().enumerate() {
        series.entry((&notice.doc_type, &notice.issuer)).or_default().push(index);
    }
    for members in series.values_mut() {
        members.sort_by_key(|&i| (notices[i].date, notices[i].number.as_ref().map(|n| n.seq), i));
        for pair in members.windows(2) {
            links[pair[0]].next = Some(pair[1]);
            links[pair[1]].previous = Some(pair[0]);
        }
    }
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
