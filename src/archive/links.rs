//! Links between notices: each body reference and relation resolved (with the anchor of the
//! provision it cites on the cited page), the reverse links (cited by, related by, ended by),
//! neighbours in series, and the problems only linking sees.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::resolve::{Query, Resolution, Resolver};
use super::{FRONT_MATTER_LINE, NoticeId, NoticeLinks, OutsideCitation, RefTarget, RelationTarget};
use crate::cite::provision::{self, Provision};
use crate::config::SiteConfig;
use crate::content::body::{BodyRef, RefOrigin};
use crate::content::{BrokenNotice, Notice, Relation, RelationKind};
use crate::diag::{Diagnostic, Severity};
use crate::message::Message;
use crate::msg;

/// What linking one notice needs to know of the others.
pub(super) struct Context<'a> {
    pub notices: &'a [Arc<Notice>],
    pub resolver: &'a Resolver,
    pub config: &'a SiteConfig,
    /// Keys of published notices left out because of an error, to their files.
    pub broken: &'a HashMap<String, String>,
}

/// The references and relations of every notice, and the circles they may form, with the
/// problems linking each notice's own raised, by notice. A notice's links and problems are
/// those `reusable` holds for it, when it holds them: kept from an earlier linking that holds
/// still.
pub(super) fn link_all(
    context: &Context,
    reusable: Vec<Option<(NoticeLinks, Vec<Diagnostic>)>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<NoticeLinks>, Vec<Vec<Diagnostic>>) {
    // Each notice is linked on its own; its problems are reported in archive order.
    let (links, problems): (Vec<NoticeLinks>, Vec<Vec<Diagnostic>>) = reusable
        .into_par_iter()
        .enumerate()
        .map(|(i, reused)| {
            reused.unwrap_or_else(|| {
                let mut problems = Vec::new();
                let links = link_one(context, NoticeId::new(i), &mut problems);
                (links, problems)
            })
        })
        .unzip();
    diagnostics.extend(problems.iter().flatten().cloned());
    check_ending_cycles(context.notices, &links, diagnostics);
    (links, problems)
}

/// The references and relations of one notice.
fn link_one(context: &Context, id: NoticeId, diagnostics: &mut Vec<Diagnostic>) -> NoticeLinks {
    let notice = &context.notices[id.index()];
    let mut links = link_references(context, id, notice, diagnostics);
    let relating = Relating { path: &notice.source_path, date: notice.date, itself: Itself::Notice(id) };
    links.relations = link_relations(context, &relating, &notice.relations, diagnostics);
    links
}

fn link_references(
    context: &Context,
    id: NoticeId,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> NoticeLinks {
    let (notices, resolver) = (context.notices, context.resolver);
    let mut links = NoticeLinks::default();
    // Seen cited notices and outside keys: a paragraph may cite thousands of numbers.
    let mut cited = HashSet::new();
    let mut outside = HashSet::new();
    for reference in notice.body.references.iter() {
        let Some(key) = &reference.key else {
            links.references.push(RefTarget::Unresolved);
            diagnostics.push(not_a_number(&notice.source_path, reference));
            continue;
        };
        // Its own number, unless a type word names another type: a Quy định issued by the
        // Quyết định of the same number cites that one.
        let own = reference.origin == RefOrigin::Detected && Some(key.as_str()) == notice.key();
        if own && reference.type_word.is_none_or(|word| word == notice.doc_type) {
            links.references.push(RefTarget::OwnNumber);
            continue;
        }
        let target = match resolver.resolve(notices, query_of(reference, key, notice.date)) {
            Resolution::Resolved(id) => RefTarget::Notice(id),
            Resolution::Unresolved if reference.partial => RefTarget::NotACitation,
            Resolution::Unresolved
                if reference.origin == RefOrigin::Detected && is_external(context.config, key) =>
            {
                RefTarget::External
            }
            Resolution::Unresolved => RefTarget::Unresolved,
            Resolution::Ambiguous(all) => RefTarget::Ambiguous(all),
        };
        // Another type of the same number that is not in the archive: the notice's own after all.
        if own && !matches!(target, RefTarget::Notice(cited) if cited != id) {
            links.references.push(RefTarget::OwnNumber);
            continue;
        }
        let citing = Citing { path: &notice.source_path, date: notice.date };
        report_reference(context, citing, reference, &target, diagnostics);
        if let RefTarget::Notice(id) = &target
            && let Some(anchor) = provision_anchor(notice, reference, &notices[id.index()], diagnostics)
        {
            links.anchors.push((links.references.len(), anchor));
        }
        match &target {
            RefTarget::Notice(id) if cited.insert(*id) => links.cites.push(*id),
            RefTarget::Unresolved | RefTarget::External | RefTarget::Ambiguous(_)
                if outside.insert(key.as_str()) =>
            {
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

/// Whether a key's issuer is one whose documents the archive does not publish.
fn is_external(config: &SiteConfig, key: &str) -> bool {
    crate::cite::number::DocNumber::parse(key).is_some_and(|n| config.is_external(&n.issuer_code))
}

/// An explicit link whose target is no notice number.
fn not_a_number(path: &str, reference: &BodyRef) -> Diagnostic {
    Diagnostic::error(
        path,
        reference.line,
        reference.column,
        msg!("link-target-not-a-number", target = &reference.text),
    )
    .with_help(msg!("help-link-target"))
}

/// Checks the explicit links and the relations of a notice left out because of an error as
/// linking it would: one run says every problem of its file, not the next one only once the
/// first is mended.
pub(super) fn check_broken_links(
    context: &Context,
    broken: &BrokenNotice,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let citing = Citing { path: &broken.source_path, date: broken.date };
    for reference in &broken.links {
        let Some(key) = &reference.key else {
            diagnostics.push(not_a_number(citing.path, reference));
            continue;
        };
        let target = match context.resolver.resolve(context.notices, query_of(reference, key, broken.date)) {
            Resolution::Resolved(id) => RefTarget::Notice(id),
            Resolution::Unresolved => RefTarget::Unresolved,
            Resolution::Ambiguous(all) => RefTarget::Ambiguous(all),
        };
        report_reference(context, citing, reference, &target, diagnostics);
    }
    let itself = Itself::Number { key: broken.key.as_deref(), year: broken.date.map(|d| d.year()) };
    let relating = Relating { path: &broken.source_path, date: broken.date, itself };
    link_relations(context, &relating, &broken.relations, diagnostics);
}

/// What resolving `reference` (of `key`) in a notice dated `citing_date` asks.
fn query_of<'a>(reference: &'a BodyRef, key: &'a str, citing_date: Option<jiff::civil::Date>) -> Query<'a> {
    Query {
        key,
        type_word: reference.type_word,
        year: reference.year,
        year_hint: reference.year_hint,
        citing_date,
        partial: reference.partial,
    }
}

/// The notice a reference is written in: its file, and its date when it has one.
#[derive(Clone, Copy)]
struct Citing<'a> {
    path: &'a str,
    date: Option<jiff::civil::Date>,
}

fn report_reference(
    context: &Context,
    citing: Citing,
    reference: &BodyRef,
    target: &RefTarget,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let notices = context.notices;
    let at = |message: Message| Diagnostic::warning(citing.path, reference.line, reference.column, message);
    let number = reference.text.as_str();
    if let Some(written) = &reference.impossible_date {
        diagnostics.push(
            at(msg!("cited-impossible-date", number = number, written = written))
                .with_help(msg!("help-cited-impossible-date")),
        );
    }
    let year = reference.year.map_or(0, i64::from);
    // Looked up for a citation not linked only: most are.
    let broken = || reference.key.as_ref().and_then(|key| context.broken.get(key));
    let diagnostic = match (target, reference.origin) {
        // A notice left out because of an error of its own: that error says it.
        (RefTarget::Unresolved, _) if let Some(file) = broken() => {
            at(msg!("cited-broken", number = number, file = file))
        }
        (RefTarget::Unresolved, RefOrigin::Explicit) => Diagnostic {
            severity: Severity::Error,
            ..at(msg!("link-not-in-archive", number = number, year = year))
        }
        .with_help(msg!("help-link-not-in-archive")),
        (RefTarget::Ambiguous(all), RefOrigin::Explicit) => Diagnostic {
            severity: Severity::Error,
            ..at(msg!(
                "link-ambiguous",
                number = number,
                year = year,
                candidates = describe_all(notices, all)
            ))
        }
        .with_help(ambiguous_help(notices, all, msg!("help-link-ambiguous"))),
        (RefTarget::Unresolved, RefOrigin::Detected) => {
            // Numbers start again each year: one without a year means one issued before, and
            // the archive may hold that number only from after.
            let later = match (reference.year, &reference.key, citing.date) {
                (None, Some(key), Some(citing)) => context.resolver.issued_after(key, citing),
                _ => None,
            };
            match later.map(|id| &notices[id.index()]) {
                Some(later) => at(msg!(
                    "cited-issued-after",
                    number = number,
                    date = later.date.map(|d| d.to_string()).unwrap_or_default(),
                    file = &later.source_path,
                ))
                .with_help(msg!("help-cited-issued-after")),
                None => at(msg!("cited-not-in-archive", number = number, year = year)),
            }
        }
        (RefTarget::Ambiguous(all), RefOrigin::Detected) => {
            at(msg!("cited-ambiguous", number = number, year = year, candidates = describe_all(notices, all)))
                .with_help(ambiguous_help(notices, all, cited_ambiguous_help(notices, all)))
        }
        (RefTarget::Notice(id), _) => {
            let cited = &notices[id.index()];
            match (reference.date, cited.date) {
                (Some(written), Some(actual)) if written != actual => at(msg!(
                    "cited-date-differs",
                    number = number,
                    written = written.to_string(),
                    actual = actual.to_string(),
                    file = &cited.source_path,
                ))
                .with_help(msg!("help-cited-date-differs")),
                _ => return,
            }
        }
        _ => return,
    };
    diagnostics.push(diagnostic);
}

/// The anchor on the cited notice's page of the provision a reference cites: the clause, else
/// its article. A notice without that article is linked as a whole, with a warning naming both.
fn provision_anchor(
    notice: &Notice,
    reference: &BodyRef,
    cited: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let provision = reference.provision.as_ref()?;
    let found = find_provision(cited, provision);
    if found.is_some() {
        return found;
    }
    diagnostics.push(
        Diagnostic::warning(
            &notice.source_path,
            reference.line,
            reference.column,
            msg!(
                "cited-provision-missing",
                provision = provision.label(),
                attached = if provision.attached { "yes" } else { "no" },
                number = &reference.text,
                file = &cited.source_path,
                article = &provision.article,
            ),
        )
        .with_help(msg!("help-cited-provision-missing")),
    );
    None
}

/// The anchor of a provision in `cited`: its clause, else its article. A provision of the
/// document issued with the cited notice is looked for there only (the second series of
/// articles): never among the notice's own, which have the same numbers.
fn find_provision(cited: &Notice, provision: &Provision) -> Option<String> {
    let (anchor, article) = (provision.anchor(), provision.article_anchor());
    if provision.attached {
        [&anchor, &article].iter().find_map(|a| cited.body.attached_provision(a)).map(str::to_string)
    } else {
        [anchor, article].into_iter().find(|a| cited.body.has_provision(a))
    }
}

/// What to do about a citation that names several notices: when they are of one type, they
/// share a number they may not (an error said on its own), and one number is to be corrected;
/// else `otherwise`.
fn ambiguous_help(notices: &[Arc<Notice>], all: &[NoticeId], otherwise: Message) -> Message {
    let mut types = all.iter().map(|id| notices[id.index()].doc_type.to_lowercase());
    let first = types.next();
    if types.all(|t| Some(t) == first) { msg!("help-cited-same-number") } else { otherwise }
}

/// For a citation found in the text: write the type or the date, naming the types it may be.
fn cited_ambiguous_help(notices: &[Arc<Notice>], all: &[NoticeId]) -> Message {
    let mut types: Vec<&str> = Vec::new();
    for id in all {
        let doc_type = notices[id.index()].doc_type.as_str();
        if !types.contains(&doc_type) {
            types.push(doc_type);
        }
    }
    msg!("help-cited-ambiguous", types = types.join(" / "))
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

/// The notice whose relations are linked: its file, its date and how it knows itself.
struct Relating<'a> {
    path: &'a str,
    date: Option<jiff::civil::Date>,
    itself: Itself<'a>,
}

/// How a notice knows a relation's target is itself.
enum Itself<'a> {
    /// A notice of the archive: the target is that notice.
    Notice(NoticeId),
    /// A notice left out because of an error, not in the archive to be found: the target has
    /// its number's key and, when the relation says it, its year.
    Number { key: Option<&'a str>, year: Option<i16> },
}

impl Itself<'_> {
    fn is(&self, relation: &Relation, target: Option<NoticeId>) -> bool {
        match *self {
            Itself::Notice(id) => target == Some(id),
            Itself::Number { key, year } => {
                key == Some(relation.number.key.as_str()) && relation.year.is_none_or(|y| Some(y) == year)
            }
        }
    }
}

fn link_relations(
    context: &Context,
    notice: &Relating,
    relations_written: &[Relation],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(RelationKind, Vec<RelationTarget>)> {
    let (notices, resolver) = (context.notices, context.resolver);
    let mut relations: Vec<(RelationKind, Vec<RelationTarget>)> = Vec::new();
    for relation in relations_written {
        let resolve = |citing_date| {
            let query = Query {
                key: &relation.number.key,
                type_word: None,
                year: relation.year,
                year_hint: None,
                citing_date,
                partial: false,
            };
            match resolver.resolve(notices, query) {
                Resolution::Resolved(target) => Some(target),
                _ => None,
            }
        };
        // Like a citation, a relation names the latest such notice up to this one's date; a
        // replaced or repealed notice found only later is reported rather than missed.
        let target = resolve(notice.date).or_else(|| {
            resolve(None)
                .filter(|t| relation.kind.ends_target() && is_later(&notices[t.index()], notice.date))
        });
        let at = |severity: Severity, message: Message| Diagnostic {
            severity,
            ..Diagnostic::warning(notice.path, relation.line, relation.column, message)
        };
        match target {
            _ if relation.kind.ends_target() && notice.itself.is(relation, target) => {
                diagnostics.push(at(Severity::Error, msg!("relation-to-itself", key = relation.kind.key())))
            }
            None if context.config.is_external(&relation.number.issuer_code) => {}
            // Left out because of an error of its own: that error says it.
            None if let Some(file) = context.broken.get(&relation.number.key) => diagnostics.push(at(
                Severity::Warning,
                msg!("relation-broken", key = relation.kind.key(), number = &relation.written, file = file),
            )),
            None => diagnostics.push(at(
                Severity::Warning,
                msg!("relation-not-in-archive", key = relation.kind.key(), number = &relation.written),
            )),
            Some(t) if relation.kind.ends_target() && is_later(&notices[t.index()], notice.date) => {
                diagnostics.push(
                    at(
                        Severity::Error,
                        msg!("relation-to-later", key = relation.kind.key(), number = &relation.written),
                    )
                    .with_help(msg!("help-relation-to-later")),
                )
            }
            // The articles and clauses named with it (`amends: ["215-TB/VPTU (Điều 3)"]`) are
            // looked for in the target as a citation's are.
            Some(t) => {
                let target = &notices[t.index()];
                let named =
                    relation.part.as_deref().map(|part| provision::internal(part, &[])).unwrap_or_default();
                for missing in named.iter().filter(|n| find_provision(target, &n.provision).is_none()) {
                    let message = msg!(
                        "relation-provision-missing",
                        key = relation.kind.key(),
                        number = &relation.written,
                        provision = missing.provision.label(),
                        file = &target.source_path
                    );
                    diagnostics.push(
                        at(Severity::Warning, message).with_help(msg!("help-relation-provision-missing")),
                    );
                }
            }
        }
        let entry = RelationTarget {
            key: relation.number.key.clone(),
            written: relation.written.clone(),
            part: relation.part.clone(),
            notice: target,
        };
        match relations.iter_mut().find(|(k, _)| *k == relation.kind) {
            Some((_, targets)) => targets.push(entry),
            None => relations.push((relation.kind, vec![entry])),
        }
    }
    relations
}

fn is_later(target: &Notice, date: Option<jiff::civil::Date>) -> bool {
    matches!((target.date, date), (Some(t), Some(n)) if t > n)
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
    Diagnostic::error(&notice.source_path, line, 1, msg!("relations-circle", notices = names.join(" → ")))
        .with_help(msg!("help-relations-circle"))
}

/// Cited by, related by and ended by, from the links every published notice declares: a
/// draft cites, amends or replaces nothing yet.
pub(super) fn fill_reverse_links(notices: &[Arc<Notice>], links: &mut [NoticeLinks]) {
    let published = |&(from, _): &(usize, &NoticeLinks)| !notices[from].draft;
    let cites: Vec<(NoticeId, NoticeId)> = links
        .iter()
        .enumerate()
        .filter(published)
        .flat_map(|(from, l)| l.cites.iter().map(move |&to| (NoticeId::new(from), to)))
        .collect();
    let relations: Vec<(NoticeId, RelationKind, NoticeId, bool)> = links
        .iter()
        .enumerate()
        .filter(published)
        .flat_map(|(from, l)| {
            let from = NoticeId::new(from);
            l.relations.iter().flat_map(move |(kind, targets)| {
                targets
                    .iter()
                    .filter_map(|t| Some((t.notice?, t.part.is_some())))
                    .filter(move |&(t, _)| t != from)
                    .map(move |(t, partly)| (from, *kind, t, partly))
            })
        })
        .collect();
    for (from, to) in cites {
        links[to.index()].cited_by.push(from);
    }
    // Newest first, as every list has them: sorted once here, not at every page that lists them.
    let newest = super::indexes::newest_ranks(notices);
    for link in links.iter_mut().filter(|l| l.cited_by.len() > 1) {
        link.cited_by.sort_unstable_by_key(|by| newest[by.index()]);
    }
    for (from, kind, target, partly) in relations {
        let related = &mut links[target.index()].related_by;
        match related.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, sources)) if sources.last() != Some(&from) => sources.push(from),
            Some(_) => {}
            None => related.push((kind, vec![from])),
        }
        let source = &notices[from.index()];
        // A published notice has a date: one without ends the other from the first day.
        let since = source.effective.or(source.date);
        if partly {
            if kind.ends_target() {
                let since = since.unwrap_or(jiff::civil::Date::MIN);
                let ended = &mut links[target.index()].partly_ended;
                *ended = Some(ended.map_or(since, |d| d.min(since)));
            }
            continue;
        }
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

/// The series of notices of the same type and issuer, each by date then number: a notice's
/// previous and next are its neighbours there.
pub(super) fn series(notices: &[Arc<Notice>]) -> Vec<Vec<usize>> {
    // Keyed as the indexes group: type and issuer written in other capitals are one series.
    let mut series: HashMap<(String, String), Vec<usize>> = HashMap::new();
    // A draft is no notice of the series yet.
    for (index, notice) in notices.iter().enumerate().filter(|(_, n)| !n.draft) {
        let key = (super::indexes::fold(&notice.doc_type), super::indexes::fold(&notice.issuer));
        series.entry(key).or_default().push(index);
    }
    let mut series: Vec<Vec<usize>> = series.into_values().collect();
    for members in &mut series {
        members.sort_by_key(|&i| (notices[i].date, notices[i].number.as_ref().map(|n| n.seq), i));
    }
    series
}

/// Links each notice of each of `series` to the one before it and the one after.
pub(super) fn link_series(series: &[Vec<usize>], links: &mut [NoticeLinks]) {
    for members in series {
        for pair in members.windows(2) {
            links[pair[0]].next = Some(NoticeId::new(pair[1]));
            links[pair[1]].previous = Some(NoticeId::new(pair[0]));
        }
    }
}
