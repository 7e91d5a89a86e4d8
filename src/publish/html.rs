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
use crate::archive::indexes::{Dimension, DimensionIndex, IndexValue, Indexes};
use crate::archive::{Archive, CitationStats, NoticeId, RefTarget};
use crate::cite::number::System;
use crate::config::Language;
use crate::content::body::{TocEntry, escape_into, fill_references};
use crate::content::{Notice, Signer};
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
}

/// A notice as a template sees it, in a list or as the page's subject.
#[derive(Serialize)]
struct NoticeView<'a> {
    number: Option<&'a str>,
    key: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    issuer: &'a str,
    parent_issuer: Option<&'a str>,
    system: &'static str,
    date: Option<String>,
    date_short: Option<String>,
    date_line: Option<String>,
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
    #[serde(rename = "type")]
    doc_type: Option<&'a str>,
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
}

/// A value to filter search results by: its name and the slug of its filter term.
#[derive(Serialize)]
struct FilterOption<'a> {
    name: &'a str,
    slug: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<EntryView>,
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
    Link { href: String, title: String },
    Own,
    Ambiguous,
    Unresolved,
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
}

impl<'a> Pages<'a> {
    pub fn new(archive: &'a Archive, theme: &'a Theme, indexes: &'a Indexes) -> Self {
        Pages { archive, theme, indexes, read_key: super::state::read_key(&archive.config) }
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
        Base {
            home_url: self.link(&root, ""),
            page_path: page_path.to_string(),
            feed_url: format!("{root}{}", layout::MAIN_FEED),
            search_url: self.link(&root, &format!("{}/", layout::SEARCH_DIR)),
            indexes: self.dimension_links(&root, current),
            root,
        }
    }

    /// One link per dimension, to its page of values.
    fn dimension_links(&self, root: &str, current: Option<Dimension>) -> Vec<EntryView> {
        self.indexes
            .dimensions
            .iter()
            .map(|d| EntryView {
                name: self.label("dimensions", d.dimension.key()),
                url: self.link(root, &format!("{}/", layout::dimension_folder(d.dimension))),
                count: d.values.len(),
                current: Some(d.dimension) == current,
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
        NoticeView {
            number: notice.number.as_ref().map(|n| n.written.as_str()),
            key: notice.key(),
            doc_type: &notice.doc_type,
            title: &notice.title,
            issuer: &notice.issuer,
            parent_issuer: notice.parent_issuer.as_deref(),
            system: match notice.system {
                System::Party => "party",
                System::State => "state",
            },
            date: notice.date.map(|d| d.to_string()),
            date_short: notice.date.map(|d| date_short(d, language)),
            date_line: notice.date.map(|d| date_line(notice.place.as_deref(), d, language)),
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

    fn link_view(&self, id: NoticeId, root: &str) -> LinkView<'a> {
        let notice: &'a Notice = self.archive.notice(id);
        LinkView {
            number: notice.number.as_ref().map_or(notice.title.as_str(), |n| n.written.as_str()),
            title: Some(&notice.title),
            doc_type: Some(&notice.doc_type),
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
        let view = NoticePage {
            notice: self.notice_view(id, &root),
            links: self.value_links(notice, &root),
            body: BODY_SLOT,
            toc: &notice.body.toc,
            cites: self.link_views(&links.cites, &root),
            cited_by: self.link_views(&links.cited_by, &root),
            outside: self.outside_views(id),
            relations: self.relation_groups(id, &root),
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
        self.archive
            .links(id)
            .references
            .iter()
            .map(|target| match target {
                RefTarget::Notice(t) => {
                    let cited = self.archive.notice(*t);
                    Fill::Link {
                        href: self.link(root, self.archive.url(*t)),
                        title: format!("{} {}", cited.doc_type, cited.title),
                    }
                }
                RefTarget::OwnNumber => Fill::Own,
                RefTarget::Ambiguous(_) => Fill::Ambiguous,
                RefTarget::Unresolved => Fill::Unresolved,
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
            Some(Fill::Ambiguous) => format!("<span class=\"cite cite-ambiguous\" title=\"{ambiguous}\">"),
            _ => format!("<span class=\"cite cite-unresolved\" title=\"{not_in_archive}\">"),
        };
        let close = |i: usize| match fills.get(i) {
            Some(Fill::Link { .. }) => "</a>".to_string(),
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

    /// The home page: the newest notices first.
    pub fn home_page(&self) -> Made<impl Serialize + use<'a>> {
        let base = self.base(layout::HOME, None);
        let newest = &self.indexes.newest[..self.indexes.newest.len().min(HOME_NOTICES)];
        let (first_year, last_year) = self.indexes.year_range();
        let view = HomePage {
            notices: self.link_views(newest, &base.root),
            notice_count: self.archive.len(),
            stats: self.archive.stats,
            first_year,
            last_year,
            base,
        };
        Made { template: "index.html", view }
    }

    fn dimension_view(&self, dimension: Dimension, root: &str) -> EntryView {
        EntryView {
            name: self.label("dimensions", dimension.key()),
            url: self.link(root, &format!("{}/", layout::dimension_folder(dimension))),
            count: self.indexes.get(dimension).values.len(),
            current: true,
        }
    }

    /// The page listing a dimension's values with their counts.
    pub fn dimension_page(&self, dimension: &DimensionIndex) -> Made<impl Serialize + use<'a>> {
        let base = self.base(&layout::dimension_page(dimension.dimension), Some(dimension.dimension));
        let values = dimension
            .values
            .iter()
            .map(|v| EntryView {
                name: v.name.clone(),
                url: self.link(&base.root, &layout::value_folder(dimension.dimension, v)),
                count: v.notices.len(),
                current: false,
            })
            .collect();
        let view =
            DimensionPage { dimension: self.dimension_view(dimension.dimension, &base.root), values, base };
        Made { template: "dimension.html", view }
    }

    /// Page `number` (from 1) of one value's list of notices, newest first.
    pub fn value_page(
        &self,
        dimension: &DimensionIndex,
        value: &IndexValue,
        number: usize,
    ) -> Made<impl Serialize + use<'a>> {
        let size = self.archive.config.page_size.max(1);
        let folder = layout::value_folder(dimension.dimension, value);
        let total = layout::page_count(value.notices.len(), size);
        let notices = value.notices.chunks(size).nth(number - 1).unwrap_or(&[]);
        let base = self.base(&layout::list_page(&folder, number), Some(dimension.dimension));
        let root = base.root.clone();
        let page_url = |n: usize| self.link(&root, layout::page_url(&layout::list_page(&folder, n)));
        let pagination = Pagination {
            current: number,
            total,
            previous: (number > 1).then(|| page_url(number - 1)),
            next: (number < total).then(|| page_url(number + 1)),
            pages: (1..=total)
                .map(|n| EntryView { name: n.to_string(), url: page_url(n), count: 0, current: n == number })
                .collect(),
        };
        let view = ValuePage {
            dimension: self.dimension_view(dimension.dimension, &root),
            value: EntryView {
                name: value.name.clone(),
                url: page_url(1),
                count: value.notices.len(),
                current: true,
            },
            notices: self.link_views(notices, &root),
            pagination,
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
