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
mod status;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::SiteConfig;
use crate::content::{Notice, RelationKind, Status, today};
use crate::diag::Diagnostic;
use crate::msg;
use crate::slug::slugify;
use resolve::Resolver;

/// Problems of a whole notice are reported at its first line, where the front-matter opens.
const FRONT_MATTER_LINE: usize = 1;

/// Where notice pages live under the output root.
pub const NOTICE_DIR: &str = "van-ban";

/// A published notice's place in the archive: stable for one build, and across builds only
/// while the same notice files are published (see [`KeptLinks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefTarget {
    Notice(NoticeId),
    /// The citing notice's own number: left as text, not counted.
    OwnNumber,
    Unresolved,
    /// A document of an issuer the archive does not publish (`external_issuers`): counted,
    /// not warned.
    External,
    Ambiguous(Vec<NoticeId>),
    /// A short form that names no single archived notice ("Thông tư 08/2022" when none or
    /// several match): left as text, not counted, not reported.
    NotACitation,
}

/// A relation target: the notice, if archived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationTarget {
    pub key: String,
    pub written: String,
    /// The part of the target concerned (`Điều 3`), if not the whole notice.
    pub part: Option<String>,
    pub notice: Option<NoticeId>,
}

/// A cited number that names no single archived notice, listed once per notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideCitation {
    pub key: String,
    pub text: String,
    pub ambiguous: bool,
}

/// The links of one notice to and from the rest of the archive. Its own links (references and
/// relations) are what a build keeps for the next (see [`KeptLinks`]); the links from other
/// notices and the neighbours in series are made again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NoticeLinks {
    /// One entry per body reference, by the reference's index.
    pub references: Vec<RefTarget>,
    /// The anchor on the cited notice's page (`dieu-5-khoan-2`) of each reference that cites a
    /// provision the notice has, by the reference's index, in order; most references have none.
    pub anchors: Vec<(usize, String)>,
    /// Distinct cited notices, in order of first citation.
    pub cites: Vec<NoticeId>,
    /// Distinct citing notices, newest first.
    #[serde(skip)]
    pub cited_by: Vec<NoticeId>,
    pub outside: Vec<OutsideCitation>,
    pub relations: Vec<(RelationKind, Vec<RelationTarget>)>,
    /// Notices that declare a relation to this one, by kind.
    #[serde(skip)]
    pub related_by: Vec<(RelationKind, Vec<NoticeId>)>,
    /// The archived notice that replaced or repealed this one, and from when.
    #[serde(skip)]
    pub ended_by: Option<(NoticeId, Date)>,
    /// From when an archived notice replaces or repeals a part of this one (the first of them).
    #[serde(skip)]
    pub partly_ended: Option<Date>,
    #[serde(skip)]
    pub previous: Option<NoticeId>,
    #[serde(skip)]
    pub next: Option<NoticeId>,
}

impl NoticeLinks {
    /// Whether an archived notice that replaces or repeals this one has taken effect by `day`:
    /// one that takes effect later leaves it as it says until then.
    pub fn ended_on(&self, day: Date) -> bool {
        self.ended_by.is_some_and(|(_, since)| since <= day)
    }

    /// The links of the notice's own: those a build keeps (see [`KeptLinks`]).
    fn into_own(self) -> NoticeLinks {
        let NoticeLinks { references, anchors, cites, outside, relations, .. } = self;
        NoticeLinks { references, anchors, cites, outside, relations, ..NoticeLinks::default() }
    }

    /// The anchor of the provision that body reference `index` cites on the cited page.
    pub fn anchor(&self, index: usize) -> Option<&str> {
        let at = self.anchors.binary_search_by_key(&index, |(i, _)| *i).ok()?;
        Some(&self.anchors[at].1)
    }
}

/// Citation counts over the whole archive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CitationStats {
    pub resolved: usize,
    /// Unresolved citations of the archive's own issuers.
    pub unresolved: usize,
    pub ambiguous: usize,
    /// Citations of documents of issuers the archive does not publish.
    pub external: usize,
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
    resolver: Resolver,
    /// Keys of published notices left out because of an error, to their files.
    broken: HashMap<String, String>,
    /// See [`shape`].
    shape: u64,
    /// By notice: the problems linking its own references and relations raised.
    own_problems: Vec<Vec<Diagnostic>>,
}

/// What linking found of each notice on its own, kept by a build for the next: its references
/// and relations resolved (see [`NoticeLinks`]) and the problems they raised. The next build
/// reuses them for each notice whose file has the same bytes, as long as the archive keeps its
/// [`shape`]; otherwise it links that notice, or every notice, again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptLinks {
    pub shape: u64,
    /// By notice id.
    pub notices: Vec<KeptNotice>,
}

/// One notice's part of [`KeptLinks`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptNotice {
    /// The hash of the bytes the notice was read from.
    pub source_hash: u64,
    pub links: NoticeLinks,
    pub problems: Vec<Diagnostic>,
}

/// The shape of an archive as linking one notice sees the others: the settings, the notices
/// left out for an error, and, in order, each notice's file and what other notices' links
/// depend on (its key and sequence number, type, date, issuer, whether a draft, and the anchors
/// of its articles and clauses, its own and those of the regulation it issues, numbered from 1
/// again: citations of a provision link to them). In two archives of one shape, a notice read
/// from the same bytes has the same links of its own, and raises the same problems linking
/// them, since ids are the same too.
fn shape(config: &SiteConfig, notices: &[Arc<Notice>], broken: &HashMap<String, String>) -> u64 {
    let mut broken: Vec<(&String, &String)> = broken.iter().collect();
    broken.sort_unstable();
    let mut hash = crate::hash::Stable::new();
    hash.value(config).value(&broken).u64(notices.len() as u64);
    // Field by field: a hundred thousand notices are hashed by every build.
    for notice in notices {
        let (key, body) = (notice.key(), &notice.body);
        let seq = notice.number.as_ref().map_or(0, |n| u64::from(n.seq) + 1);
        hash.str(&notice.source_path).str(key.unwrap_or("\0")).u64(u64::from(key.is_some())).u64(seq);
        hash.str(&notice.doc_type).str(&notice.issuer).u64(notice.date.map_or(0, date_number));
        hash.u64(u64::from(notice.draft)).u64(body.provisions.len() as u64).u64(body.attached.len() as u64);
        for provision in &body.provisions {
            hash.str(provision);
        }
        for (alone, anchor) in &body.attached {
            hash.str(alone).str(anchor);
        }
    }
    hash.finish()
}

/// The kept links of an archive of `shape`: each notice's source hash, links (of which its own
/// are kept) and problems, in order.
fn keep(
    shape: u64,
    each: impl IndexedParallelIterator<Item = (u64, NoticeLinks, Vec<Diagnostic>)>,
) -> KeptLinks {
    let notices = each
        .map(|(source_hash, links, problems)| KeptNotice { source_hash, links: links.into_own(), problems })
        .collect();
    KeptLinks { shape, notices }
}

/// A date as one number that tells dates apart (none is 0).
fn date_number(date: Date) -> u64 {
    let (year, month, day) = (i64::from(date.year()), i64::from(date.month()), i64::from(date.day()));
    ((year + 100_000) * 10_000 + month * 100 + day) as u64
}

impl Archive {
    /// Links `notices` (already filtered for drafts) and reports cross-notice problems;
    /// `broken` holds the keys of published notices left out because of an error, to their
    /// files. The links `kept` by an earlier build (or an earlier archive of the preview) are
    /// reused where they still hold (see [`KeptLinks`]): the outcome, problems included, is the
    /// same as linking anew.
    pub fn link(
        config: SiteConfig,
        notices: Vec<Arc<Notice>>,
        broken: HashMap<String, String>,
        kept: Option<KeptLinks>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Archive {
        // The checks across notices, the resolver, the shape and the series do not depend on
        // one another: made side by side, their problems said in this order.
        let ((urls, mut checked), (resolver, shape, series)) = rayon::join(
            || {
                let mut problems = Vec::new();
                let duplicates = check_duplicates(&notices, &mut problems);
                let urls = assign_urls(&notices, &duplicates, &mut problems);
                check_issuer_names(&notices, &mut problems);
                check_signer_names(&notices, &mut problems);
                (urls, problems)
            },
            || (Resolver::new(&notices), shape(&config, &notices, &broken), links::series(&notices)),
        );
        diagnostics.append(&mut checked);
        let kept = kept.filter(|kept| kept.shape == shape && kept.notices.len() == notices.len());
        let context =
            links::Context { notices: &notices, resolver: &resolver, config: &config, broken: &broken };
        // By notice: its links and their problems, when they are kept and its file is the same.
        let reusable = match kept {
            Some(kept) => kept
                .notices
                .into_par_iter()
                .zip(&notices)
                .map(|(kept, notice)| {
                    (kept.source_hash == notice.source_hash).then_some((kept.links, kept.problems))
                })
                .collect(),
            None => vec![None; notices.len()],
        };
        let (mut links, own_problems) = links::link_all(&context, reusable, diagnostics);
        links::fill_reverse_links(&notices, &mut links);
        status::check_status_dates(&notices, &links, crate::content::today(), diagnostics);
        links::link_series(&series, &mut links);
        let stats = count_citations(&links);
        let entries = notices
            .into_iter()
            .zip(urls)
            .zip(links)
            .map(|((notice, url), links)| Entry { notice, url, links })
            .collect();
        Archive { config, entries, stats, resolver, broken, shape, own_problems }
    }

    /// The links of each notice's own, for a later build or archive to reuse.
    pub fn kept_links(&self) -> KeptLinks {
        let each = self.entries.par_iter().zip(&self.own_problems);
        keep(
            self.shape,
            each.map(|(entry, problems)| (entry.notice.source_hash, entry.links.clone(), problems.clone())),
        )
    }

    /// The links of each notice's own, taken out rather than copied, for the build state at
    /// the end of a build: the archive is left without any links.
    pub fn take_kept_links(&mut self) -> KeptLinks {
        let problems = std::mem::take(&mut self.own_problems);
        let each = self.entries.par_iter_mut().zip(problems);
        keep(
            self.shape,
            each.map(|(entry, problems)| {
                (entry.notice.source_hash, std::mem::take(&mut entry.links), problems)
            }),
        )
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

    /// The ids of published notices (not drafts), in archive order.
    pub fn published(&self) -> impl Iterator<Item = NoticeId> + '_ {
        self.ids().filter(|&id| !self.notice(id).draft)
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

    /// The parts of `target` (`Điều 3`, `Điều 1, Điều 2`) that relation `kind` of notice `source`
    /// concerns, when it is not the whole notice: the whole when one of its entries names it
    /// without a part.
    pub fn relation_part(
        &self,
        source: NoticeId,
        kind: RelationKind,
        target: NoticeId,
    ) -> Option<std::borrow::Cow<'_, str>> {
        let (_, targets) = self.links(source).relations.iter().find(|(k, _)| *k == kind)?;
        joined_parts(targets.iter().filter(|t| t.notice == Some(target)).map(|t| t.part.as_deref()))
    }

    /// Checks what notices left out because of an error still tell against this archive: their
    /// explicit links, their relations, and their numbers, which no other notice may have.
    pub fn check_broken_links(
        &self,
        broken: &[Arc<crate::content::BrokenNotice>],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if broken.is_empty() {
            return;
        }
        self.check_broken_numbers(broken, diagnostics);
        let notices: Vec<Arc<Notice>> = self.entries.iter().map(|e| e.notice.clone()).collect();
        let context = links::Context {
            notices: &notices,
            resolver: &self.resolver,
            config: &self.config,
            broken: &self.broken,
        };
        for links in broken {
            links::check_broken_links(&context, links, diagnostics);
        }
    }

    /// A notice left out because of an error whose number, type and year another notice has:
    /// one run says it, not the next once the error is mended. Said at the file left out,
    /// naming the other (a published notice first, else the first such file).
    fn check_broken_numbers(
        &self,
        broken: &[Arc<crate::content::BrokenNotice>],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let mut seen: HashMap<(&str, String, Option<i16>), &str> = HashMap::new();
        for entry in &self.entries {
            if let Some(identity) = entry.notice.identity() {
                seen.entry(identity).or_insert(&entry.notice.source_path);
            }
        }
        for notice in broken {
            let Some(identity) = notice.identity() else { continue };
            let (number, year) = (notice.written.as_deref().unwrap_or(identity.0), identity.2);
            let first = *seen.entry(identity).or_insert(&notice.source_path);
            if first != notice.source_path {
                let at = (notice.source_path.as_str(), notice.number_line);
                diagnostics.push(number_used_twice(at, (number, &notice.doc_type, year), first));
            }
        }
    }

    /// The first day after today on which a notice's status or its warnings could change: a
    /// date of its own, or the day a notice replacing or repealing it takes effect.
    pub fn next_status_day(&self) -> Option<jiff::civil::Date> {
        status::next_status_day(self.entries.iter().map(|e| (&*e.notice, &e.links)), today())
    }

    /// Whether the notice is in force, taking replacing and repealing notices into account; a
    /// draft has no legal status yet.
    pub fn effective_status(&self, id: NoticeId) -> Status {
        status::shown_status(self.notice(id), self.links(id), today())
    }
}

/// The targets of one relation of a notice, each once in the order first named (a notice of
/// the archive by itself, a number not in it by its key), with the parts its entries name
/// joined (see [`joined_parts`]): what its page and the API list.
pub fn distinct_targets(
    targets: &[RelationTarget],
) -> Vec<(&RelationTarget, Option<std::borrow::Cow<'_, str>>)> {
    let same = |a: &RelationTarget, b: &RelationTarget| match (a.notice, b.notice) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.key == b.key,
        _ => false,
    };
    targets
        .iter()
        .enumerate()
        .filter(|&(i, target)| !targets[..i].iter().any(|earlier| same(earlier, target)))
        .map(|(_, target)| {
            let parts = targets.iter().filter(|other| same(other, target)).map(|other| other.part.as_deref());
            (target, joined_parts(parts))
        })
        .collect()
}

/// The parts of a notice that the entries of one relation to it name, as one: each once, in
/// order, joined; none when an entry names the whole notice.
pub fn joined_parts<'a>(parts: impl Iterator<Item = Option<&'a str>>) -> Option<std::borrow::Cow<'a, str>> {
    let mut parts: Vec<&str> = parts.collect::<Option<_>>()?;
    let mut said = std::collections::HashSet::new();
    parts.retain(|part| said.insert(*part));
    match parts.as_slice() {
        [] => None,
        [one] => Some(std::borrow::Cow::Borrowed(one)),
        several => Some(std::borrow::Cow::Owned(several.join(", "))),
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
        let Some(identity) = notice.identity() else { continue };
        let key = identity.0;
        if let Some(first) = seen.insert(identity, notice) {
            reported.insert(index);
            let at = (notice.source_path.as_str(), notice.lines.number);
            // Said as the file writes it (`05-NQ/TU`), not as its key (`5-NQ/TU`).
            let written = notice.number.as_ref().map_or(key, |number| number.written.as_str());
            diagnostics.push(number_used_twice(
                at,
                (written, &notice.doc_type, notice.year()),
                &first.source_path,
            ));
        }
    }
    reported
}

/// The error of a notice (its file and the line of its number) whose number, type and year
/// the notice of file `other` has too.
fn number_used_twice(
    (path, line): (&str, u32),
    (number, doc_type, year): (&str, &str, Option<i16>),
    other: &str,
) -> Diagnostic {
    let message = msg!(
        "number-used-twice",
        number = number,
        doc_type = doc_type,
        year = year.map_or(0, i64::from),
        other = other,
    );
    Diagnostic::error(path, line as usize, 1, message).with_help(msg!("help-number-used-twice"))
}

/// The issuing body of an issuer code: `UBND` of `UBND-VX`, the code of a công văn with its
/// drafting unit.
fn issuing_body(code: &str) -> &str {
    code.split('-').next().unwrap_or(code)
}

/// Reports a signer written in another case than in an earlier notice (`nguyễn văn a` and
/// `Nguyễn Văn A`): one person, whose index page shows one of the two.
fn check_signer_names(notices: &[Arc<Notice>], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, &Notice> = HashMap::new();
    let mut reported: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for notice in notices.iter().filter(|n| !n.draft) {
        let Some(name) = notice.signer.as_ref().map(|s| s.name.trim()).filter(|n| !n.is_empty()) else {
            continue;
        };
        let holder = *first.entry(indexes::fold(name)).or_insert(notice);
        let other = holder.signer.as_ref().map_or("", |s| s.name.trim());
        if other != name && reported.insert(name) {
            diagnostics.push(
                Diagnostic::warning(
                    &notice.source_path,
                    notice.lines.signer as usize,
                    1,
                    msg!("signer-two-ways", name = name, other = other, file = &holder.source_path),
                )
                .with_help(msg!("help-signer-two-ways")),
            );
        }
    }
}

/// One issuer code written with two issuer names (`Văn phòng Tỉnh ủy` and `Văn phòng Tỉnh ủy
/// Sơn Hà` for VPTU) splits the issuer's index (unless they differ only in capitals), and one
/// name for two codes mixes two issuers in one: a warning at the first notice of each other
/// name or code, naming both and a file of each.
fn check_issuer_names(notices: &[Arc<Notice>], diagnostics: &mut Vec<Diagnostic>) {
    let mut first_name: HashMap<&str, &Notice> = HashMap::new();
    let mut first_code: HashMap<String, (&str, &Notice)> = HashMap::new();
    let mut reported: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for notice in notices.iter().filter(|n| !n.draft) {
        let Some(number) = &notice.number else { continue };
        let code = number.issuer_code.as_str();
        // One name for two codes (`Văn phòng` of VP and of VPTU): two issuers in one index.
        let (other_code, holder) = *first_code.entry(indexes::fold(&notice.issuer)).or_insert((code, notice));
        // `UBND-VX` is UBND with the drafting unit of a công văn: the same issuer.
        if !crate::cite::number::eq_ci(issuing_body(other_code), issuing_body(code))
            && reported.insert((other_code, code))
        {
            diagnostics.push(
                Diagnostic::warning(
                    &notice.source_path,
                    notice.lines.issuer as usize,
                    1,
                    msg!(
                        "issuer-two-codes",
                        name = &notice.issuer,
                        code = code,
                        other = other_code,
                        file = &holder.source_path,
                    ),
                )
                .with_help(msg!("help-issuer-two-codes")),
            );
        }
        let first = *first_name.entry(code).or_insert(notice);
        if first.issuer != notice.issuer && reported.insert((code, notice.issuer.as_str())) {
            diagnostics.push(
                Diagnostic::warning(
                    &notice.source_path,
                    notice.lines.issuer as usize,
                    1,
                    msg!(
                        "issuer-two-names",
                        code = code,
                        name = &notice.issuer,
                        other = &first.issuer,
                        file = &first.source_path,
                    ),
                )
                .with_help(msg!("help-issuer-two-names")),
            );
        }
    }
}

/// `van-ban/2024/thong-bao-45-tb-vptu/`, from type, number and year; drafts without a number
/// use their file name.
pub fn notice_url(notice: &Notice) -> String {
    let year = notice.year().map_or("ban-nhap".to_string(), |y| y.to_string());
    let name = match &notice.number {
        Some(number) => slugify(&format!("{} {}", notice.doc_type, number.key)),
        None => {
            let stem = notice.source_path.trim_end_matches(".md").trim_end_matches("/index");
            // A file named with no letter or digit (`---.md`) is named by its title.
            [stem.rsplit('/').next().unwrap_or(stem), notice.title.as_str()]
                .into_iter()
                .map(slugify)
                .find(|name| !name.is_empty())
                .unwrap_or_else(|| "du-thao".to_string())
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
                notice.lines.number as usize,
                1,
                msg!(
                    "same-url",
                    first = &notices[first].source_path,
                    second = &notice.source_path,
                    url = url
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
            RefTarget::External => stats.external += 1,
            RefTarget::Ambiguous(_) => stats.ambiguous += 1,
            RefTarget::OwnNumber | RefTarget::NotACitation => {}
        }
    }
    stats
}
