//! A notice's own page: its view with the value links, relations both ways, the history of
//! its legal effect, attachments and neighbours, and its body with each reference
//! placeholder filled as a link or a marked span. The views shared with the other pages, and
//! the pages of lists, are in `mod.rs`; the wording of dates and titles is `text`'s.

use std::borrow::Cow;

use serde::Serialize;

use super::text::{date_short, full_title, headline, issuer_code};
use super::{Base, LinkView, Made, NoticeView, Pages, Share};
use crate::archive::indexes::Dimension;
use crate::archive::{NoticeId, RefTarget};
use crate::content::body::{TocEntry, escape_into, fill_references};
use crate::content::{Notice, RelationKind};
use crate::diag::Diagnostic;
use crate::publish::layout;
use crate::text::shorten;

/// What a template sees as `body`: a mark replaced by the body after rendering. The body is
/// long and already HTML, so it goes around the template engine rather than through it.
const BODY_SLOT: &str = "\u{E010}gazette-body\u{E010}";
/// The template of a notice's page.
pub(super) const TEMPLATE: &str = "notice.html";

#[derive(Serialize)]
struct RelationGroup<'a> {
    kind: &'static str,
    label: String,
    notices: Vec<LinkView<'a>>,
}

#[derive(Serialize)]
struct AttachmentView<'a> {
    name: &'a str,
    url: String,
    size: u64,
}

/// One event of a notice's legal effect.
#[derive(Serialize)]
struct HistoryLine<'a> {
    /// `issued`, `effective`, `amended_by`, `replaced_by`, `partly_replaced_by`, `repealed_by`,
    /// `partly_repealed_by`, `corrected_by` or `expires`.
    event: &'static str,
    date: String,
    date_short: String,
    /// The notice that caused it.
    notice: Option<LinkView<'a>>,
    /// The part concerned (`Điều 3`).
    part: Option<Cow<'a, str>>,
}

/// Links of a notice's values to their lists.
#[derive(Serialize)]
struct ValueLinks {
    #[serde(rename = "type")]
    doc_type: Option<String>,
    issuer: Option<String>,
    year: Option<String>,
    signer: Option<String>,
    tags: Vec<TagLink>,
}

#[derive(Serialize)]
struct TagLink {
    name: String,
    url: Option<String>,
}

/// What a notice's page shows of its file: the body's HTML, with reference placeholders, and
/// the table of contents when the file was read again for the page (`None`: the notice's own,
/// read in this run).
pub struct NoticeBody {
    pub html: std::sync::Arc<str>,
    pub toc: Option<Vec<TocEntry>>,
}

#[derive(Serialize)]
struct NoticePage<'a> {
    #[serde(flatten)]
    base: Base,
    notice: NoticeView<'a>,
    links: ValueLinks,
    body: &'static str,
    toc: Cow<'a, [TocEntry]>,
    cites: Vec<LinkView<'a>>,
    cited_by: Vec<LinkView<'a>>,
    /// Cited numbers the archive has no notice for.
    outside: Vec<LinkView<'a>>,
    /// Cited numbers more than one notice of the archive holds, the citation saying not which.
    ambiguous: Vec<LinkView<'a>>,
    relations: Vec<RelationGroup<'a>>,
    history: Vec<HistoryLine<'a>>,
    ended_by: Option<LinkView<'a>>,
    ended_since: Option<String>,
    /// Whether the notice that ends this one takes effect after the day of the build.
    ended_later: bool,
    attachments: Vec<AttachmentView<'a>>,
    previous: Option<LinkView<'a>>,
    next: Option<LinkView<'a>>,
}

/// How a reference placeholder of a body becomes markup. A link is the view of a link to the
/// cited notice and the anchor of the provision cited: a fingerprint hashes that view as its
/// digest, like any other link (see [`Pages::for_fingerprints`]).
#[derive(Serialize)]
enum Fill<'a> {
    Link {
        cited: LinkView<'a>,
        anchor: Option<&'a str>,
    },
    Own,
    Ambiguous,
    Unresolved,
    /// Plain text: a short form that names no single archived notice.
    Plain,
}

/// The opening tag of a citation's link: the cited notice's url, with the anchor of the
/// provision cited, and its full title as the tooltip.
fn link_tag(cited: &LinkView<'_>, anchor: Option<&str>) -> String {
    let mut tag = format!("<a class=\"cite\" href=\"{}", cited.url.as_deref().unwrap_or_default());
    if let Some(anchor) = anchor {
        tag.push('#');
        tag.push_str(anchor);
    }
    tag.push_str("\" title=\"");
    escape_into(&mut tag, &full_title(cited.doc_type.unwrap_or(""), cited.title.unwrap_or("")));
    tag.push_str("\">");
    tag
}

impl<'a> Pages<'a> {
    /// Links of a notice's values to their lists.
    fn value_links(&self, notice: &Notice, root: &str) -> ValueLinks {
        let link = |dimension: Dimension, name: &str| self.value_link(root, dimension, name);
        ValueLinks {
            doc_type: link(Dimension::Type, &notice.doc_type),
            issuer: link(Dimension::Issuer, &notice.issuer),
            year: notice.year().and_then(|y| link(Dimension::Year, &y.to_string())),
            signer: notice.signer.as_ref().and_then(|s| link(Dimension::Signer, &s.name)),
            tags: notice
                .tags
                .iter()
                .map(|t| TagLink { name: t.clone(), url: link(Dimension::Tag, t) })
                .collect(),
        }
    }

    /// What the page of notice `id` is made of, with the table of contents `toc`.
    fn notice_page(&self, id: NoticeId, toc: Cow<'a, [TocEntry]>) -> Made<impl Serialize + use<'a>> {
        let path = layout::notice_page(self.archive.url(id));
        let base = self.base(&path, None);
        let root = base.root.clone();
        let notice: &'a Notice = self.archive.notice(id);
        let links = self.archive.links(id);
        let language = self.language();
        let ended_by =
            links.ended_by.map(|(t, since)| (self.link_view_from(t, id, &root), date_short(since, language)));
        let (ended_by, ended_since) = ended_by.map_or((None, None), |(l, d)| (Some(l), Some(d)));
        let mut base = base;
        base.share = Share {
            title: Some(headline(notice)),
            description: Some(shorten(notice.summary_text(), SHARE_DESCRIPTION)).filter(|d| !d.is_empty()),
            kind: "article",
        };
        let view = NoticePage {
            notice: self.notice_view(id, &root),
            links: self.value_links(notice, &root),
            body: BODY_SLOT,
            toc,
            cites: self.link_views_from(&links.cites, id, &root),
            // Newest first, as every list: the ten shown before "Xem thêm" are the latest.
            cited_by: self.link_views_from(&links.cited_by, id, &root),
            outside: self.outside_views(id, false),
            ambiguous: self.outside_views(id, true),
            relations: self.relation_groups(id, &root),
            history: self.history(id, &root),
            ended_by,
            ended_later: links.ended_by.is_some() && !links.ended_on(crate::content::today()),
            ended_since,
            attachments: notice
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    name: &a.name,
                    url: format!("{root}{}", layout::attachment_href(self.archive.url(id), &a.name)),
                    size: a.size,
                })
                .collect(),
            previous: links.previous.map(|t| self.link_view_from(t, id, &root)),
            next: links.next.map(|t| self.link_view_from(t, id, &root)),
            base,
        };
        Made { template: TEMPLATE, view }
    }

    /// How each reference placeholder of notice `id`'s body becomes markup.
    fn fills(&self, id: NoticeId, root: &str) -> Vec<Fill<'a>> {
        let links: &'a crate::archive::NoticeLinks = self.archive.links(id);
        links
            .references
            .iter()
            .enumerate()
            .map(|(i, target)| match target {
                RefTarget::Notice(t) => {
                    Fill::Link { cited: self.link_view_from(*t, id, root), anchor: links.anchor(i) }
                }
                RefTarget::OwnNumber => Fill::Own,
                RefTarget::Ambiguous(_) => Fill::Ambiguous,
                RefTarget::Unresolved | RefTarget::External => Fill::Unresolved,
                RefTarget::NotACitation => Fill::Plain,
            })
            .collect()
    }

    /// The fingerprint of notice `id`'s page: its view, what its body's HTML is made from (the
    /// file and the settings that change how it is read), and how the body's references are
    /// filled.
    ///
    /// The view is the page's but for its table of contents, which follows from the file and
    /// the settings hashed here: a notice not read in a build has none in memory.
    pub fn notice_fingerprint(&self, id: NoticeId) -> u64 {
        let made = self.notice_page(id, Cow::Borrowed(&[]));
        let root = layout::root_prefix(&self.archive.config, &layout::notice_page(self.archive.url(id)));
        let mut hash = self.hasher(&made);
        hash.u64(self.archive.notice(id).source_hash).u64(self.read_key).value(&self.fills(id, &root));
        hash.finish()
    }

    /// Renders notice `id`'s page around its body (HTML with reference placeholders).
    pub fn render_notice(&self, id: NoticeId, body: NoticeBody) -> Result<String, Diagnostic> {
        let NoticeBody { html: body_html, toc } = body;
        let toc = toc.map_or_else(|| Cow::Borrowed(self.archive.notice(id).body.toc.as_slice()), Cow::Owned);
        let made = self.notice_page(id, toc);
        let page = self.render(&made)?;
        let Some(at) = page.find(BODY_SLOT) else { return Ok(page) };
        let root = layout::root_prefix(&self.archive.config, &layout::notice_page(self.archive.url(id)));
        let mut html = String::with_capacity(page.len() + body_html.len() * 9 / 8);
        html.push_str(&page[..at]);
        self.fill_body(&body_html, &self.fills(id, &root), &mut html);
        html.push_str(&page[at + BODY_SLOT.len()..]);
        Ok(html)
    }

    /// The body HTML with each reference placeholder made a link or a marked span.
    fn fill_body(&self, body_html: &str, fills: &[Fill], html: &mut String) {
        let not_in_archive = self.label("cite", "not_in_archive");
        let ambiguous = self.label("cite", "ambiguous");
        let open = |i: usize| match fills.get(i) {
            Some(Fill::Link { cited, anchor }) => link_tag(cited, *anchor),
            Some(Fill::Own) => "<span class=\"cite-self\">".to_string(),
            Some(Fill::Plain) => String::new(),
            Some(Fill::Ambiguous) => format!("<span class=\"cite cite-ambiguous\" title=\"{ambiguous}\">"),
            _ => format!("<span class=\"cite cite-unresolved\" title=\"{not_in_archive}\">"),
        };
        let close = |i: usize| match fills.get(i) {
            Some(Fill::Link { .. }) => "</a>".to_string(),
            Some(Fill::Plain) => String::new(),
            _ => "</span>".to_string(),
        };
        fill_references(body_html, html, open, close);
    }

    /// The citations that lead to no notice: those the archive lacks, or (`ambiguous`) those
    /// more than one of its notices could be.
    fn outside_views(&self, id: NoticeId, ambiguous: bool) -> Vec<LinkView<'a>> {
        let config = &self.archive.config;
        self.archive
            .links(id)
            .outside
            .iter()
            .filter(|o| o.ambiguous == ambiguous)
            .map(|o| LinkView {
                status: Some(if o.ambiguous { "ambiguous" } else { "unresolved" }),
                issuer_name: issuer_code(&o.key)
                    .and_then(|code| config.issuers.get(code))
                    .map(String::as_str),
                ..LinkView::unlinked(&o.text)
            })
            .collect()
    }

    fn relation_groups(&self, id: NoticeId, root: &str) -> Vec<RelationGroup<'a>> {
        let links = self.archive.links(id);
        let mut groups = Vec::new();
        // A relation's links, those of a part only in a group of their own when the relation
        // has one (`partly`).
        let mut push = |key: &'static str, partly: Option<&'static str>, links: Vec<LinkView<'a>>| {
            let (of_part, whole): (Vec<_>, Vec<_>) =
                links.into_iter().partition(|link| partly.is_some() && link.part.is_some());
            for (key, notices) in [(Some(key), whole), (partly, of_part)] {
                if let Some(key) = key.filter(|_| !notices.is_empty()) {
                    groups.push(RelationGroup { kind: key, label: self.label("relations", key), notices });
                }
            }
        };
        // Each notice once, with the part concerned (`Điều 3`; several joined, the whole
        // winning).
        for (kind, targets) in &links.relations {
            let viewed = crate::archive::distinct_targets(targets)
                .into_iter()
                .map(|(target, part)| match target.notice {
                    Some(notice) => self.link_view_from(notice, id, root).with_part(part),
                    None => LinkView::unlinked(&target.written).with_part(part),
                })
                .collect();
            push(kind.key(), partly_key(*kind, false), viewed);
        }
        for (kind, sources) in &links.related_by {
            let viewed = sources
                .iter()
                .map(|&source| {
                    self.link_view_from(source, id, root)
                        .with_part(self.archive.relation_part(source, *kind, id))
                })
                .collect();
            push(kind.passive_key(), partly_key(*kind, true), viewed);
        }
        groups
    }

    /// The history of notice `id`'s legal effect, oldest first: issued, effective, then what
    /// published notices did or will do to it, and when it expires if nothing ended it before.
    fn history(&self, id: NoticeId, root: &str) -> Vec<HistoryLine<'a>> {
        let notice: &'a Notice = self.archive.notice(id);
        if notice.draft {
            return Vec::new();
        }
        let language = self.language();
        let line = |event, date: jiff::civil::Date, notice, part| HistoryLine {
            event,
            date: date.to_string(),
            date_short: date_short(date, language),
            notice,
            part,
        };
        let mut lines: Vec<(jiff::civil::Date, HistoryLine<'a>)> = Vec::new();
        lines.extend(notice.date.map(|d| (d, line("issued", d, None, None))));
        lines.extend(notice.effective.map(|d| (d, line("effective", d, None, None))));
        let links = self.archive.links(id);
        for (kind, sources) in &links.related_by {
            for &source in sources {
                let by: &'a Notice = self.archive.notice(source);
                let Some(since) = by.effective.or(by.date) else { continue };
                let part = self.archive.relation_part(source, *kind, id);
                let Some(event) = history_event(*kind, part.is_some()) else { continue };
                lines.push((since, line(event, since, Some(self.link_view_from(source, id, root)), part)));
            }
        }
        // Its own end, unless another notice ended it before.
        if let Some(expires) = notice.expires.filter(|&d| links.ended_by.is_none_or(|(_, since)| d < since)) {
            lines.push((expires, line("expires", expires, None, None)));
        }
        lines.sort_by_key(|(date, _)| *date);
        lines.into_iter().map(|(_, line)| line).collect()
    }
}

/// The name of a relation that ends a part of a notice only, made (`passive`) or undergone.
fn partly_key(kind: RelationKind, passive: bool) -> Option<&'static str> {
    Some(match (kind, passive) {
        (RelationKind::Replaces, false) => "partly_replaces",
        (RelationKind::Replaces, true) => "partly_replaced_by",
        (RelationKind::Repeals, false) => "partly_repeals",
        (RelationKind::Repeals, true) => "partly_repealed_by",
        _ => return None,
    })
}

/// The event a relation declared by another notice makes in this one's history.
fn history_event(kind: RelationKind, partly: bool) -> Option<&'static str> {
    if let Some(key) = partly_key(kind, true).filter(|_| partly) {
        return Some(key);
    }
    Some(match kind {
        RelationKind::Amends => "amended_by",
        RelationKind::Replaces => "replaced_by",
        RelationKind::Repeals => "repealed_by",
        RelationKind::Corrects => "corrected_by",
        _ => return None,
    })
}

/// Characters of a link preview's description.
const SHARE_DESCRIPTION: usize = 200;
