//! Links between notices: each body reference and relation resolved, the reverse links
//! (cited by, related by, ended by), neighbours in series, and the problems only linking sees.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::resolve::{Query, Resolution, Resolver};
use super::{FRONT_MATTER_LINE, NoticeId, NoticeLinks, OutsideCitation, RefTarget, RelationTarget};
use crate::content::body::{BodyRef, RefOrigin};
use crate::content::{Notice, RelationKind};
use crate::diag::{Diagnostic, Severity};

/// The references and relations of every notice, and the circles they may form.
pub(super) fn link_all(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<NoticeLinks> {
    // Each notice is linked on its own; its problems are reported in archive order.
    let linked: Vec<(NoticeLinks, Vec<Diagnostic>)> = (0..notices.len())
        .into_par_iter()
        .map(|i| {
            let mut problems = Vec::new();
            let links = link_one(notices, resolver, NoticeId::new(i), &mut problems);
            (links, problems)
        })
        .collect();
    let mut links = Vec::with_capacity(linked.len());
    for (one, mut problems) in linked {
        links.push(one);
        diagnostics.append(&mut problems);
    }
    check_ending_cycles(notices, &links, diagnostics);
    links
}

/// The references and relations of one notice.
pub(super) fn link_one(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    id: NoticeId,
    diagnostics: &mut Vec<Diagnostic>,
) -> NoticeLinks {
    let notice = &notices[id.index()];
    let mut links = link_references(notices, resolver, notice, diagnostics);
    links.relations = link_relations(notices, resolver, id, notice, diagnostics);
    links
}

fn link_references(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> NoticeLinks {
    let mut links = NoticeLinks::default();
    // Seen cited notices and outside keys: a paragraph may cite thousands of numbers.
    let mut cited = HashSet::new();
    let mut outside = HashSet::new();
    for reference in &notice.body.references {
        let Some(key) = &reference.key else {
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
        if reference.origin == RefOrigin::Detected && Some(key.as_str()) == notice.key() {
            links.references.push(RefTarget::OwnNumber);
            continue;
        }
        let query =
            Query { key, type_word: reference.type_word, year: reference.year, citing_date: notice.date };
        let target = match resolver.resolve(notices, query) {
            Resolution::Resolved(id) => RefTarget::Notice(id),
            Resolution::Unresolved => RefTarget::Unresolved,
            Resolution::Ambiguous(all) => RefTarget::Ambiguous(all),
        };
        report_reference(notice, reference, &target, notices, diagnostics);
        match &target {
            RefTarget::Notice(id) if cited.insert(*id) => links.cites.push(*id),
            RefTarget::Unresolved | RefTarget::Ambiguous(_) if outside.insert(key.as_str()) => {
                links.outside.push(OutsideCitation {
                    key: key.clone(),
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
    reference: &BodyRef,
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
            severity: Severity::Error,
            ..at(format!("link to {described}: no such notice in the archive"))
        }
        .with_help("check the number and year, or write the number as plain text"),
        (RefTarget::Ambiguous(all), RefOrigin::Explicit) => Diagnostic {
            severity: Severity::Error,
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

fn describe_all(notices: &[Arc<Notice>], all: &[NoticeId]) -> String {
    all.iter()
        .map(|id| {
            let notice = &notices[id.index()];
            format!("{} ({})", notice.doc_type, notice.source_path)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn link_relations(
    notices: &[Arc<Notice>],
    resolver: &Resolver,
    id: NoticeId,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(RelationKind, Vec<RelationTarget>)> {
    let mut relations: Vec<(RelationKind, Vec<RelationTarget>)> = Vec::new();
    for relation in &notice.relations {
        let resolve = |citing_date| {
            let query =
                Query { key: &relation.number.key, type_word: None, year: relation.year, citing_date };
            match resolver.resolve(notices, query) {
                Resolution::Resolved(target) => Some(target),
                _ => None,
            }
        };
        // Like a citation, a relation names the latest such notice up to this one's date; a
        // replaced or repealed notice found only later is reported rather than missed.
        let target = resolve(notice.date).or_else(|| {
            resolve(None).filter(|t| relation.kind.ends_target() && is_later(&notices[t.index()], notice))
        });
        let at = |severity: Severity, message: String| Diagnostic {
            severity,
            ..Diagnostic::warning(&notice.source_path, relation.line, relation.column, message)
        };
        match target {
            None => diagnostics.push(at(
                Severity::Warning,
                format!("`{}` {}: no such notice in the archive", relation.kind.key(), relation.written),
            )),
            Some(t) if t == id && relation.kind.ends_target() => diagnostics.push(at(
                Severity::Error,
                format!("a notice cannot {} itself", relation.kind.key().trim_end_matches('s')),
            )),
            Some(t) if relation.kind.ends_target() && is_later(&notices[t.index()], notice) => diagnostics
                .push(
                    at(
                        Severity::Error,
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

fn is_later(target: &Notice, notice: &Notice) -> bool {
    matches!((target.date, notice.date), (Some(t), Some(n)) if t > n)
}

/// Notices that end one another in a circle (A replaces B, B replaces C, C replaces A) would
/// all be out of force: an error at the first notice of each circle, naming every member.
pub(super) fn check_ending_cycles(
    notices: &[Arc<Notice>],
    links: &[NoticeLinks],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ends = |from: usize| -> Vec<usize> {
        links[from]
            .relations
            .iter()
            .filter(|(kind, _)| kind.ends_target())
            .flat_map(|(_, targets)| targets.iter().filter_map(|t| t.notice.map(NoticeId::index)))
            .filter(|&to| to != from)
            .collect()
    };
    let mut state = vec![Visit::New; notices.len()];
    for start in 0..notices.len() {
        if state[start] != Visit::New {
            continue;
        }
        // Depth-first without recursion: a long chain of replacements must not overflow the stack.
        let mut path: Vec<(usize, Vec<usize>)> = vec![(start, ends(start))];
        state[start] = Visit::OnPath;
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let Some(to) = next.pop() else {
                state[node] = Visit::Done;
                path.pop();
                continue;
            };
            match state[to] {
                Visit::New => {
                    state[to] = Visit::OnPath;
                    path.push((to, ends(to)));
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

/// Cited by, related by and ended by, from the links every notice declares.
pub(super) fn fill_reverse_links(notices: &[Arc<Notice>], links: &mut [NoticeLinks]) {
    let cites: Vec<(NoticeId, NoticeId)> = links
        .iter()
        .enumerate()
        .flat_map(|(from, l)| l.cites.iter().map(move |&to| (NoticeId::new(from), to)))
        .collect();
    let relations: Vec<(NoticeId, RelationKind, NoticeId)> = links
        .iter()
        .enumerate()
        .flat_map(|(from, l)| {
            let from = NoticeId::new(from);
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
        links[to.index()].cited_by.push(from);
    }
    for (from, kind, target) in relations {
        let related = &mut links[target.index()].related_by;
        match related.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, sources)) => sources.push(from),
            None => related.push((kind, vec![from])),
        }
        let source = &notices[from.index()];
        let since = source.effective.or(source.date);
        if let (true, Some(since)) = (kind.ends_target(), since) {
            let ended = &mut links[target.index()].ended_by;
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
pub(super) fn link_series(notices: &[Arc<Notice>], links: &mut [NoticeLinks]) {
    let mut series: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (index, notice) in notices.iter().enumerate() {
        series.entry((&notice.doc_type, &notice.issuer)).or_default().push(index);
    }
    for members in series.values_mut() {
        members.sort_by_key(|&i| (notices[i].date, notices[i].number.as_ref().map(|n| n.seq), i));
        for pair in members.windows(2) {
            links[pair[0]].next = Some(NoticeId::new(pair[1]));
            links[pair[1]].previous = Some(NoticeId::new(pair[0]));
        }
    }
}
