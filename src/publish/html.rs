//! Pages: what each template receives, as one value per page.
//!
//! Owns the views (`site`, `t` for labels and the theme are global; each page's own values are
//! a struct here), date lines in Vietnamese or English, and filling a body's reference
//! placeholders with links. A page's fingerprint is a hash of the very view its template
//! receives, so the two cannot drift apart. Paths and links come from `layout`; writing files
//! is `output`'s.

use serde::Serialize;

use super::layout;
use super::theme::Theme;
use crate::archive::indexes::{Dimension, DimensionIndex, IndexValue, Indexes, YearSpan};
use crate::archive::{Archive, CitationStats, NoticeId, RefTarget};
use crate::cite::number::System;
use crate::config::Language;
use crate::content::body::{TocEntry, escape_into, fill_references};
use crate::content::{Notice, RelationKind, Signer};
use crate::diag::Diagnostic;
use crate::yaml::{Map, Value};

/// What a template sees as `body`: a mark replaced by the body after rendering. The body is
/// long and already HTML, so it goes around the template engine rather than through it.
const BODY_SLOT: &str = "\u{E010}gazette-body\u{E010}";

/// Notices listed on the home page.
pub const HOME_NOTICES: usize = 20;

/// The values every page has.
#[derive(Serialize)]
struct Base {
    home_url: String,
    root: String,
    page_path: String,
    feed_url: String,
    search_url: String,
    /// The dimensions, for the site menu.
    indexes: Vec<EntryView>,
    /// The page's address for search engines, when the site has a `base_url`.
    canonical: Option<String>,
    /// What the page is about, for search engines and link previews.
    share: Share,
}

/// What a link preview shows (`<meta name="description">`, OpenGraph).
#[derive(Serialize, Default)]
struct Share {
    title: Option<String>,
    description: Option<String>,
    /// `article` for a notice, `website` for the other pages.
    kind: &'static str,
}

/// A notice as a template sees it, in a list or as the page's subject.
#[derive(Serialize)]
struct NoticeView<'a> {
    number: Option<&'a str>,
    key: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    /// The title without the type word it may begin with (`của Ban Thường vụ…` of `Kết luận của
    /// Ban Thường vụ…`), to set under the type as on paper.
    subject: &'a str,
    /// Type and title as one phrase, the type not doubled (`Nghị quyết về chuyển đổi số`).
    full_title: String,
    issuer: &'a str,
    parent_issuer: Option<&'a str>,
    system: &'static str,
    date: Option<String>,
    date_short: Option<String>,
    date_line: Option<String>,
    /// For a draft: the number's fixed part after the blank for its sequence (`-KH/TU`).
    number_blank: Option<String>,
    /// For a draft without a date: the date line with blanks for the day.
    date_line_blank: Option<String>,
    place: Option<&'a str>,
    signer: Option<&'a Signer>,
    recipients: &'a [String],
    status: &'static str,
    status_label: String,
    effective: Option<String>,
    expires: Option<String>,
    tags: &'a [String],
    summary: &'a str,
    draft: bool,
    extra: &'a Map<String, Value>,
    url: String,
}

#[derive(Serialize)]
struct RelationGroup<'a> {
    kind: &'static str,
    label: String,
    notices: Vec<LinkView<'a>>,
}

/// A short reference to another notice (or to a number not in the archive).
#[derive(Serialize)]
struct LinkView<'a> {
    number: &'a str,
    title: Option<&'a str>,
    /// The type, unless the title already begins with it.
    #[serde(rename = "type")]
    doc_type: Option<&'a str>,
    /// ISO date (`2024-06-20`).
    date: Option<String>,
    date_short: Option<String>,
    url: Option<String>,
    status: Option<&'static str>,
    issuer_name: Option<&'a str>,
}

#[derive(Serialize)]
struct AttachmentView<'a> {
    name: &'a str,
    url: String,
    size: u64,
}

/// A link in a list of index values or pages.
#[derive(Serialize)]
struct EntryView {
    name: String,
    url: String,
    count: usize,
    current: bool,
    /// For a dimension: its key (`type`, `issuer`, `year`, `signer`, `tag`).
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'static str>,
}

impl EntryView {
    fn new(name: String, url: String, count: usize, current: bool) -> Self {
        EntryView { name, url, count, current, key: None }
    }
}

/// A value to filter search results by: its name and the slug of its filter term.
#[derive(Serialize)]
struct FilterOption<'a> {
    name: &'a str,
    slug: &'a str,
    count: usize,
}

/// Links to the pages of a list: the first, the previous, a window around the current page,
/// the next and the last.
#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    /// The first page, when the window does not show it; `gap_before` when pages lie between.
    first: Option<EntryView>,
    gap_before: bool,
    /// The pages around the current one.
    pages: Vec<EntryView>,
    gap_after: bool,
    last: Option<EntryView>,
}

/// Pages shown on each side of the current page.
const PAGE_WINDOW: usize = 2;

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
    part: Option<&'a str>,
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

#[derive(Serialize)]
struct NoticePage<'a> {
    #[serde(flatten)]
    base: Base,
    notice: NoticeView<'a>,
    links: ValueLinks,
    body: &'static str,
    toc: &'a [TocEntry],
    cites: Vec<LinkView<'a>>,
    cited_by: Vec<LinkView<'a>>,
    outside: Vec<LinkView<'a>>,
    relations: Vec<RelationGroup<'a>>,
    history: Vec<HistoryLine<'a>>,
    ended_by: Option<LinkView<'a>>,
    ended_since: Option<String>,
    attachments: Vec<AttachmentView<'a>>,
    previous: Option<LinkView<'a>>,
    next: Option<LinkView<'a>>,
}

#[derive(Serialize)]
struct HomePage<'a> {
    #[serde(flatten)]
    base: Base,
    notices: Vec<LinkView<'a>>,
    /// Drafts, when the build includes them (the preview).
    drafts: Vec<LinkView<'a>>,
    notice_count: usize,
    stats: CitationStats,
    first_year: Option<i16>,
    last_year: Option<i16>,
}

#[derive(Serialize)]
struct DimensionPage {
    #[serde(flatten)]
    base: Base,
    dimension: EntryView,
    values: Vec<EntryView>,
}

#[derive(Serialize)]
struct ValuePage<'a> {
    #[serde(flatten)]
    base: Base,
    dimension: EntryView,
    value: EntryView,
    /// The year the list is filtered to, if any.
    year: Option<i16>,
    /// How many notices the list has (of that year).
    listed: usize,
    /// The value's years, each a link to its list (for types and issuers).
    years: Vec<EntryView>,
    notices: Vec<LinkView<'a>>,
    pagination: Pagination,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_feed_url: Option<String>,
}

#[derive(Serialize)]
struct SearchPage<'a> {
    #[serde(flatten)]
    base: Base,
    types: Vec<FilterOption<'a>>,
    issuers: Vec<FilterOption<'a>>,
    years: Vec<FilterOption<'a>>,
    search_index: String,
    url_suffix: &'static str,
    search_current: bool,
}

/// How a reference placeholder of a body becomes markup.
#[derive(Serialize)]
enum Fill {
    Link {
        href: String,
        title: String,
    },
    Own,
    Ambiguous,
    Unresolved,
    /// Plain text: a short form that names no single archived notice.
    Plain,
}

/// One page to write: its template and view, or a body to put in it.
pub struct Page {
    /// Path relative to the output root (`van-ban/2024/x/index.html`).
    pub path: String,
    pub html: String,
}

/// What a page is made of, ready to hash or render: its template and the view it receives.
pub struct Made<V> {
    template: &'static str,
    view: V,
}

impl<V> Made<V> {
    pub(super) fn new(template: &'static str, view: V) -> Self {
        Made { template, view }
    }
}

/// The pages of an archive, through a theme.
pub struct Pages<'a> {
    pub archive: &'a Archive,
    pub theme: &'a Theme,
    pub indexes: &'a Indexes,
    /// What a notice's body HTML depends on besides its file (see `state::read_key`).
    read_key: u64,
    /// What a draft without a number is called in lists.
    draft_label: &'a str,
}

impl<'a> Pages<'a> {
    pub fn new(archive: &'a Archive, theme: &'a Theme, indexes: &'a Indexes) -> Self {
        let draft_label = theme.labels.get("status").and_then(|g| g.get("draft")).and_then(Value::as_str);
        Pages {
            archive,
            theme,
            indexes,
            read_key: super::state::read_key(&archive.config),
            draft_label: draft_label.unwrap_or("—"),
        }
    }

    fn language(&self) -> Language {
        self.archive.config.language
    }

    fn label(&self, group: &str, key: &str) -> String {
        self.theme
            .labels
            .get(group)
            .and_then(|g| g.get(key))
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string()
    }

    fn link(&self, root: &str, folder: &str) -> String {
        layout::folder_link(&self.archive.config, root, folder)
    }

    fn base(&self, page_path: &str, current: Option<Dimension>) -> Base {
        self.base_at(page_path, layout::root_prefix(&self.archive.config, page_path), current)
    }

    /// The values every page has, with links made from `root`.
    fn base_at(&self, page_path: &str, root: String, current: Option<Dimension>) -> Base {
        let canonical = (page_path != layout::NOT_FOUND)
            .then_some(self.archive.config.base_url.as_ref())
            .flatten()
            .map(|base| format!("{base}{}", layout::page_url(page_path)));
        Base {
            home_url: self.link(&root, ""),
            page_path: page_path.to_string(),
            feed_url: format!("{root}{}", layout::MAIN_FEED),
            search_url: self.link(&root, &format!("{}/", layout::SEARCH_DIR)),
            indexes: self.dimension_links(&root, current),
            root,
            canonical,
            share: Share { kind: "website", ..Share::default() },
        }
    }

    /// One link per dimension, to its page of values.
    fn dimension_links(&self, root: &str, current: Option<Dimension>) -> Vec<EntryView> {
        self.indexes
            .dimensions
            .iter()
            .map(|d| EntryView {
                current: Some(d.dimension) == current,
                ..self.dimension_view(d.dimension, root)
            })
            .collect()
    }

    fn value_link(&self, root: &str, dimension: Dimension, name: &str) -> Option<String> {
        let value = self.indexes.value(dimension, name)?;
        Some(self.link(root, &layout::value_folder(dimension, value)))
    }

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

    fn notice_view(&self, id: NoticeId, root: &str) -> NoticeView<'a> {
        let notice: &'a Notice = self.archive.notice(id);
        let language = self.language();
        let status = self.archive.effective_status(id);
        let blank = notice.draft.then_some(());
        NoticeView {
            number: notice.number.as_ref().map(|n| n.written.as_str()),
            key: notice.key(),
            doc_type: &notice.doc_type,
            title: &notice.title,
            subject: subject(&notice.doc_type, &notice.title),
            full_title: full_title(&notice.doc_type, &notice.title),
            issuer: &notice.issuer,
            parent_issuer: notice.parent_issuer.as_deref(),
            system: match notice.system {
                System::Party => "party",
                System::State => "state",
            },
            date: notice.date.map(|d| d.to_string()),
            date_short: notice.date.map(|d| date_short(d, language)),
            date_line: notice.date.map(|d| date_line(notice.place.as_deref(), d, language)),
            number_blank: blank.filter(|_| notice.number.is_none()).map(|()| self.number_blank(notice)),
            date_line_blank: blank
                .filter(|_| notice.date.is_none())
                .map(|()| blank_date_line(notice.place.as_deref(), language)),
            place: notice.place.as_deref(),
            signer: notice.signer.as_ref(),
            recipients: &notice.recipients,
            status: status.code(),
            status_label: self.label("status", status.code()),
            effective: notice.effective.map(|d| date_short(d, language)),
            expires: notice.expires.map(|d| date_short(d, language)),
            tags: &notice.tags,
            summary: notice.summary_text(),
            draft: notice.draft,
            extra: &notice.extra,
            url: self.link(root, self.archive.url(id)),
        }
    }

    /// The fixed part of a draft's number, after the blank left for its sequence: `-KH/TU`,
    /// `/QĐ-UBND`, from its type and the issuer's code in site.yaml; empty when unknown.
    fn number_blank(&self, notice: &Notice) -> String {
        let code = crate::cite::number::type_code(&notice.doc_type, notice.system);
        let issuer = self.archive.config.issuers.iter().find(|(_, name)| **name == notice.issuer);
        match (code, issuer, notice.system) {
            (Some(code), Some((issuer, _)), System::Party) => format!("-{code}/{issuer}"),
            (Some(code), Some((issuer, _)), System::State) => format!("/{code}-{issuer}"),
            _ => String::new(),
        }
    }

    fn link_view(&self, id: NoticeId, root: &str) -> LinkView<'a> {
        let notice: &'a Notice = self.archive.notice(id);
        let doc_type = Some(notice.doc_type.as_str()).filter(|t| !starts_with_type(&notice.title, t));
        let unnumbered = if notice.draft { self.draft_label } else { notice.title.as_str() };
        LinkView {
            number: notice.number.as_ref().map_or(unnumbered, |n| n.written.as_str()),
            title: Some(&notice.title),
            doc_type,
            date: notice.date.map(|d| d.to_string()),
            date_short: notice.date.map(|d| date_short(d, self.language())),
            url: Some(self.link(root, self.archive.url(id))),
            status: Some(self.archive.effective_status(id).code()),
            issuer_name: Some(&notice.issuer),
        }
    }

    fn link_views(&self, ids: &[NoticeId], root: &str) -> Vec<LinkView<'a>> {
        ids.iter().map(|&id| self.link_view(id, root)).collect()
    }

    /// What the page of notice `id` is made of.
    pub fn notice_page(&self, id: NoticeId) -> Made<impl Serialize + use<'a>> {
        let path = layout::notice_page(self.archive.url(id));
        let base = self.base(&path, None);
        let root = base.root.clone();
        let notice: &'a Notice = self.archive.notice(id);
        let links = self.archive.links(id);
        let language = self.language();
        let ended_by =
            links.ended_by.map(|(t, since)| (self.link_view(t, &root), date_short(since, language)));
        let (ended_by, ended_since) = ended_by.map_or((None, None), |(l, d)| (Some(l), Some(d)));
        let mut base = base;
        base.share = Share {
            title: Some(match &notice.number {
                Some(number) => {
                    format!("{}: {}", number.written, full_title(&notice.doc_type, &notice.title))
                }
                None => full_title(&notice.doc_type, &notice.title),
            }),
            description: Some(shorten(notice.summary_text(), SHARE_DESCRIPTION)).filter(|d| !d.is_empty()),
            kind: "article",
        };
        let view = NoticePage {
            notice: self.notice_view(id, &root),
            links: self.value_links(notice, &root),
            body: BODY_SLOT,
            toc: &notice.body.toc,
            cites: self.link_views(&links.cites, &root),
            cited_by: self.link_views(&links.cited_by, &root),
            outside: self.outside_views(id),
            relations: self.relation_groups(id, &root),
            history: self.history(id, &root),
            ended_by,
            ended_since,
            attachments: notice
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    name: &a.name,
                    url: format!("{root}{}", layout::attachment(self.archive.url(id), &a.name)),
                    size: a.size,
                })
                .collect(),
            previous: links.previous.map(|t| self.link_view(t, &root)),
            next: links.next.map(|t| self.link_view(t, &root)),
            base,
        };
        Made { template: "notice.html", view }
    }

    /// How each reference placeholder of notice `id`'s body becomes markup.
    fn fills(&self, id: NoticeId, root: &str) -> Vec<Fill> {
        let links = self.archive.links(id);
        links
            .references
            .iter()
            .enumerate()
            .map(|(i, target)| match target {
                RefTarget::Notice(t) => {
                    let cited = self.archive.notice(*t);
                    let mut href = self.link(root, self.archive.url(*t));
                    if let Some(anchor) = links.anchor(i) {
                        href.push('#');
                        href.push_str(anchor);
                    }
                    Fill::Link { href, title: full_title(&cited.doc_type, &cited.title) }
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
    pub fn notice_fingerprint(&self, id: NoticeId) -> u64 {
        let made = self.notice_page(id);
        let root = layout::root_prefix(&self.archive.config, &layout::notice_page(self.archive.url(id)));
        let mut hash = self.hasher(&made);
        hash.u64(self.archive.notice(id).source_hash).u64(self.read_key).value(&self.fills(id, &root));
        hash.finish()
    }

    /// Renders notice `id`'s page around its body HTML (with reference placeholders).
    pub fn render_notice(&self, id: NoticeId, body_html: &str) -> Result<String, Diagnostic> {
        let made = self.notice_page(id);
        let page = self.render(&made)?;
        let Some(at) = page.find(BODY_SLOT) else { return Ok(page) };
        let root = layout::root_prefix(&self.archive.config, &layout::notice_page(self.archive.url(id)));
        let mut html = String::with_capacity(page.len() + body_html.len() * 9 / 8);
        html.push_str(&page[..at]);
        self.fill_body(body_html, &self.fills(id, &root), &mut html);
        html.push_str(&page[at + BODY_SLOT.len()..]);
        Ok(html)
    }

    /// The body HTML with each reference placeholder made a link or a marked span.
    fn fill_body(&self, body_html: &str, fills: &[Fill], html: &mut String) {
        let not_in_archive = self.label("cite", "not_in_archive");
        let ambiguous = self.label("cite", "ambiguous");
        let open = |i: usize| match fills.get(i) {
            Some(Fill::Link { href, title }) => {
                let mut tag = format!("<a class=\"cite\" href=\"{href}\" title=\"");
                escape_into(&mut tag, title);
                tag.push_str("\">");
                tag
            }
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

    fn outside_views(&self, id: NoticeId) -> Vec<LinkView<'a>> {
        let config = &self.archive.config;
        self.archive
            .links(id)
            .outside
            .iter()
            .map(|o| LinkView {
                number: &o.text,
                title: None,
                doc_type: None,
                date: None,
                date_short: None,
                url: None,
                status: Some(if o.ambiguous { "ambiguous" } else { "unresolved" }),
                issuer_name: issuer_code(&o.key)
                    .and_then(|code| config.issuers.get(code))
                    .map(String::as_str),
            })
            .collect()
    }

    fn relation_groups(&self, id: NoticeId, root: &str) -> Vec<RelationGroup<'a>> {
        let links = self.archive.links(id);
        let mut groups = Vec::new();
        for (kind, targets) in &links.relations {
            let notices = targets
                .iter()
                .map(|t| match t.notice {
                    Some(target) => self.link_view(target, root),
                    None => LinkView {
                        number: &t.written,
                        title: None,
                        doc_type: None,
                        date: None,
                        date_short: None,
                        url: None,
                        status: None,
                        issuer_name: None,
                    },
                })
                .collect();
            groups.push(RelationGroup {
                kind: kind.key(),
                label: self.label("relations", kind.key()),
                notices,
            });
        }
        for (kind, sources) in &links.related_by {
            let key = kind.passive_key();
            let notices = self.link_views(sources, root);
            groups.push(RelationGroup { kind: key, label: self.label("relations", key), notices });
        }
        groups
    }

    /// The history of notice `id`'s legal effect, oldest first: issued, effective, then what
    /// published notices did to it, and when it expires if nothing ended it before.
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
                let part = self.archive.links(source).relations.iter().find(|(k, _)| k == kind).and_then(
                    |(_, targets)| {
                        targets.iter().find(|t| t.notice == Some(id)).and_then(|t| t.part.as_deref())
                    },
                );
                let Some(event) = history_event(*kind, part.is_some()) else { continue };
                lines.push((since, line(event, since, Some(self.link_view(source, root)), part)));
            }
        }
        if let (Some(expires), None) = (notice.expires, links.ended_by) {
            lines.push((expires, line("expires", expires, None, None)));
        }
        lines.sort_by_key(|(date, _)| *date);
        lines.into_iter().map(|(_, line)| line).collect()
    }

    /// The home page: the newest notices first.
    pub fn home_page(&self) -> Made<impl Serialize + use<'a>> {
        let base = self.base(layout::HOME, None);
        let newest = &self.indexes.newest[..self.indexes.newest.len().min(HOME_NOTICES)];
        let (first_year, last_year) = self.indexes.year_range();
        let view = HomePage {
            notices: self.link_views(newest, &base.root),
            drafts: self.link_views(&self.indexes.drafts, &base.root),
            notice_count: self.indexes.newest.len(),
            stats: self.archive.stats,
            first_year,
            last_year,
            base,
        };
        Made { template: "index.html", view }
    }

    fn dimension_view(&self, dimension: Dimension, root: &str) -> EntryView {
        EntryView {
            key: Some(dimension.key()),
            ..EntryView::new(
                self.label("dimensions", dimension.key()),
                self.link(root, &format!("{}/", layout::dimension_folder(dimension))),
                self.indexes.get(dimension).values.len(),
                true,
            )
        }
    }

    /// The page listing a dimension's values with their counts.
    pub fn dimension_page(&self, dimension: &DimensionIndex) -> Made<impl Serialize + use<'a>> {
        let base = self.base(&layout::dimension_page(dimension.dimension), Some(dimension.dimension));
        let values = dimension
            .values
            .iter()
            .map(|v| {
                let url = self.link(&base.root, &layout::value_folder(dimension.dimension, v));
                EntryView::new(v.name.clone(), url, v.notices.len(), false)
            })
            .collect();
        let view =
            DimensionPage { dimension: self.dimension_view(dimension.dimension, &base.root), values, base };
        Made { template: "dimension.html", view }
    }

    /// Page `number` (from 1) of one value's list of notices, newest first; of its notices of
    /// one year when `year` is given.
    pub fn value_page(
        &self,
        dimension: &DimensionIndex,
        value: &IndexValue,
        year: Option<YearSpan>,
        number: usize,
    ) -> Made<impl Serialize + use<'a>> {
        let size = self.archive.config.page_size.max(1);
        let all = layout::value_folder(dimension.dimension, value);
        let folder = year.map_or_else(|| all.clone(), |span| layout::year_folder(&all, span.year));
        let listed = year.map_or(value.notices.as_slice(), |span| value.notices_of(span));
        let total = layout::page_count(listed.len(), size);
        let notices = listed.chunks(size).nth(number - 1).unwrap_or(&[]);
        let base = self.base(&layout::list_page(&folder, number), Some(dimension.dimension));
        let root = base.root.clone();
        let list_url =
            |folder: &str, n: usize| self.link(&root, layout::page_url(&layout::list_page(folder, n)));
        let page_url = |n: usize| list_url(&folder, n);
        let years = if layout::YEAR_FILTER_DIMENSIONS.contains(&dimension.dimension) {
            value
                .years
                .iter()
                .map(|span| {
                    let url = list_url(&layout::year_folder(&all, span.year), 1);
                    let current = year.is_some_and(|y| y.year == span.year);
                    EntryView::new(span.year.to_string(), url, span.end - span.start, current)
                })
                .collect()
        } else {
            Vec::new()
        };
        let view = ValuePage {
            dimension: self.dimension_view(dimension.dimension, &root),
            value: EntryView::new(value.name.clone(), list_url(&all, 1), value.notices.len(), year.is_none()),
            year: year.map(|span| span.year),
            listed: listed.len(),
            years,
            pagination: pagination(number, total, page_url),
            notices: self.link_views(notices, &root),
            value_feed_url: layout::value_feed(dimension.dimension, value)
                .map(|feed| format!("{root}{feed}")),
            base,
        };
        Made { template: "list.html", view }
    }

    /// The search page: a form, filters by type, issuer and year, and the script that reads
    /// the index.
    pub fn search_page(&self) -> Made<impl Serialize + use<'a>> {
        let base = self.base(&layout::search_page(), None);
        let filter = |dimension: Dimension| -> Vec<FilterOption<'a>> {
            self.indexes
                .get(dimension)
                .values
                .iter()
                .map(|v| FilterOption { name: &v.name, slug: &v.slug, count: v.notices.len() })
                .collect()
        };
        let view = SearchPage {
            types: filter(Dimension::Type),
            issuers: filter(Dimension::Issuer),
            years: filter(Dimension::Year),
            search_index: format!("{}{}/", base.root, layout::SEARCH_DIR),
            url_suffix: if self.archive.config.base_url.is_none() { "index.html" } else { "" },
            search_current: true,
            base,
        };
        Made { template: "search.html", view }
    }

    /// The page shown for a missing URL. Hosts answer any missing path with it, so its links
    /// start from the site root.
    pub fn not_found_page(&self) -> Made<impl Serialize + use<'a>> {
        let root = self.archive.config.base_url.clone().unwrap_or_else(|| "/".into());
        Made { template: "404.html", view: self.base_at(layout::NOT_FOUND, root, None) }
    }

    /// A hash of what a page is made of: its template files, labels, site settings and view.
    pub fn fingerprint<V: Serialize>(&self, made: &Made<V>) -> u64 {
        self.hasher(made).finish()
    }

    fn hasher<V: Serialize>(&self, made: &Made<V>) -> crate::hash::Stable {
        let mut hash = crate::hash::Stable::new();
        hash.str(made.template).u64(self.theme.template_hash(made.template)).value(&made.view);
        hash
    }

    pub fn render<V: Serialize>(&self, made: &Made<V>) -> Result<String, Diagnostic> {
        self.theme.render_view(made.template, &made.view)
    }
}

/// Links to the pages of a list of `total` pages, seen from page `current`.
fn pagination(current: usize, total: usize, page_url: impl Fn(usize) -> String) -> Pagination {
    let entry = |n: usize| EntryView::new(n.to_string(), page_url(n), 0, n == current);
    let from = current.saturating_sub(PAGE_WINDOW).max(1);
    let to = (current + PAGE_WINDOW).min(total);
    Pagination {
        current,
        total,
        previous: (current > 1).then(|| page_url(current - 1)),
        next: (current < total).then(|| page_url(current + 1)),
        first: (from > 1).then(|| entry(1)),
        gap_before: from > 2,
        pages: (from..=to).map(entry).collect(),
        gap_after: to + 1 < total,
        last: (to < total).then(|| entry(total)),
    }
}

/// The event a relation declared by another notice makes in this one's history.
fn history_event(kind: RelationKind, partly: bool) -> Option<&'static str> {
    Some(match (kind, partly) {
        (RelationKind::Amends, _) => "amended_by",
        (RelationKind::Replaces, false) => "replaced_by",
        (RelationKind::Replaces, true) => "partly_replaced_by",
        (RelationKind::Repeals, false) => "repealed_by",
        (RelationKind::Repeals, true) => "partly_repealed_by",
        (RelationKind::Corrects, _) => "corrected_by",
        _ => return None,
    })
}

/// Whether `title` begins with the type word `doc_type` (`Kết luận của…` of type Kết luận),
/// whatever the case.
fn starts_with_type(title: &str, doc_type: &str) -> bool {
    let doc_type = doc_type.trim();
    if doc_type.is_empty() {
        return false;
    }
    let mut title = title.trim_start().chars().flat_map(char::to_lowercase);
    let matched = doc_type.chars().flat_map(char::to_lowercase).all(|c| title.next() == Some(c));
    matched && title.next().is_none_or(|c| !c.is_alphanumeric())
}

/// The title without the type word it begins with, if it does.
fn subject<'t>(doc_type: &str, title: &'t str) -> &'t str {
    if !starts_with_type(title, doc_type) {
        return title;
    }
    let trimmed = title.trim_start();
    let end = trimmed.char_indices().nth(doc_type.trim().chars().count()).map_or(trimmed.len(), |(i, _)| i);
    let rest = trimmed[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–'));
    if rest.is_empty() { title } else { rest }
}

/// Type and title as one phrase without doubling the type: `Nghị quyết về chuyển đổi số` of
/// type `Nghị quyết` and title `Về chuyển đổi số`; `Kết luận của…` of type `Kết luận`.
pub fn full_title(doc_type: &str, title: &str) -> String {
    let title = title.trim();
    if doc_type.trim().is_empty() || starts_with_type(title, doc_type) {
        return title.to_string();
    }
    let mut chars = title.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return doc_type.trim().to_string();
    };
    // A capital only because the title stood on its own line; not an acronym such as `UBND`.
    let first = if second.is_some_and(char::is_uppercase) {
        first.to_string()
    } else {
        first.to_lowercase().collect()
    };
    format!("{} {first}{}", doc_type.trim(), chars.as_str())
}

/// Characters of a link preview's description.
const SHARE_DESCRIPTION: usize = 200;

/// `text` cut at a word to at most `limit` characters, with `…` when cut.
fn shorten(text: &str, limit: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}

/// The issuer code of a canonical key: `TU` of `162-NQ/TU`, `UBND` of `1234/QĐ-UBND`.
fn issuer_code(key: &str) -> Option<&str> {
    let last = key.rsplit('/').next()?;
    Some(match last.split_once('-') {
        Some((_, issuer)) if !key.contains('-') || key.find('/') < key.find('-') => issuer,
        _ => last,
    })
}

/// `Sơn Hà, ngày 05 tháng 02 năm 2024`: days below 10 and months 1 and 2 take a leading zero.
pub fn date_line(place: Option<&str>, date: jiff::civil::Date, language: Language) -> String {
    let place = place.map(|p| format!("{p}, ")).unwrap_or_default();
    match language {
        Language::Vi => {
            let month =
                if date.month() <= 2 { format!("{:02}", date.month()) } else { date.month().to_string() };
            format!("{place}ngày {:02} tháng {month} năm {}", date.day(), date.year())
        }
        Language::En => {
            format!("{place}{} {} {}", date.day(), MONTHS[date.month() as usize - 1], date.year())
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date line of a draft not dated yet, with blanks to fill in by hand.
pub fn blank_date_line(place: Option<&str>, language: Language) -> String {
    let place = place.map(|p| format!("{p}, ")).unwrap_or_default();
    match language {
        Language::Vi => format!("{place}ngày …… tháng …… năm 20……"),
        Language::En => format!("{place}…… 20……"),
    }
}

/// `22/5/2024` in Vietnamese, `2024-05-22` in English.
pub fn date_short(date: jiff::civil::Date, language: Language) -> String {
    match language {
        Language::Vi => format!("{}/{}/{}", date.day(), date.month(), date.year()),
        Language::En => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line(Some("Sơn Hà"), date(2024, 6, 10), Language::Vi),
            "Sơn Hà, ngày 10 tháng 6 năm 2024"
        );
        assert_eq!(
            date_line(Some("Sơn Hà"), date(2024, 2, 5), Language::Vi),
            "Sơn Hà, ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(date_line(None, date(2024, 6, 10), Language::En), "10 June 2024");
        assert_eq!(date_short(date(2024, 5, 2), Language::Vi), "2/5/2024");
    }

    #[test]
    fn issuer_codes() {
        assert_eq!(issuer_code("162-NQ/TU"), Some("TU"));
        assert_eq!(issuer_code("1234/QĐ-UBND"), Some("UBND"));
        assert_eq!(issuer_code("30/2020/NĐ-CP"), Some("CP"));
    }
}
