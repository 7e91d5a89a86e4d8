//! Pages: what each template receives, as one value per page.
//!
//! Owns the views (`site`, `t` for labels and the theme are global; each page's own values are
//! a struct here) and the pages of lists, the home page, search and 404. A page's fingerprint
//! is a hash of the very view its template receives, so the two cannot drift apart. A notice's
//! own page, with its body's reference placeholders filled with links, is `notice`'s; date
//! lines and titles are `text`'s; what links and menus take once a build is `parts`'s; the keys that
//! tell when a notice page's fingerprint made before still holds are `keys`'s. Paths
//! and links come from `layout`; writing files is `output`'s.

mod keys;
mod notice;
mod parts;
mod text;

pub use keys::PageKeys;
pub use notice::NoticeBody;
pub use parts::LinkParts;
use parts::{DIGEST_DEPTHS, LinkPart};

use serde::Serialize;
use std::sync::OnceLock;

use super::layout;
use super::theme::Theme;
use crate::archive::indexes::{Dimension, DimensionIndex, IndexValue, Indexes, YearSpan};
use crate::archive::{Archive, CitationStats, NoticeId};
use crate::cite::number::System;
use crate::config::Language;
use crate::content::{Notice, Signer};
use crate::diag::Diagnostic;
use crate::yaml::{Map, Value};
use text::subject;
pub use text::{blank_date_line, date_line, date_short, full_title, headline};

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
    indexes: Menu,
    /// The page's address for search engines, when the site has a `base_url`.
    canonical: Option<String>,
    /// What the page is about, for search engines and link previews.
    share: Share,
}

/// The site menu: a link per dimension, to its page of values. In a view made to be hashed
/// (see [`Pages::for_fingerprints`]), only the stable hash of the links, made once for every
/// page with the same menu; a fingerprint takes that hash in place of the links.
struct Menu {
    links: Vec<DimensionLink>,
    digest: Option<u64>,
}

impl Serialize for Menu {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.digest, serializer.is_human_readable()) {
            (Some(digest), false) => serializer.serialize_u64(digest),
            _ => self.links.serialize(serializer),
        }
    }
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
    date: Option<&'a str>,
    date_short: Option<&'a str>,
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

/// A short reference to another notice (or to a number not in the archive).
struct LinkView<'a> {
    number: &'a str,
    title: Option<&'a str>,
    /// The type, unless the title already begins with it (`type` to a template).
    doc_type: Option<&'a str>,
    /// ISO date (`2024-06-20`).
    date: Option<&'a str>,
    date_short: Option<&'a str>,
    url: Option<String>,
    status: Option<&'static str>,
    issuer_name: Option<&'a str>,
    /// The stable hash of the fields above, when it was made once for every page with this
    /// link: a fingerprint takes it in place of the fields.
    digest: Option<u64>,
    /// In a list of relations, the part of the notice concerned (`Điều 3`), when not the whole.
    /// Not in the digest: the same link stands on other pages without it.
    part: Option<std::borrow::Cow<'a, str>>,
}

impl Serialize for LinkView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if let (Some(digest), false) = (self.digest, serializer.is_human_readable()) {
            return match &self.part {
                None => serializer.serialize_u64(digest),
                Some(part) => (digest, part).serialize(serializer),
            };
        }
        let mut fields = serializer.serialize_struct("LinkView", 9)?;
        fields.serialize_field("number", self.number)?;
        fields.serialize_field("title", &self.title)?;
        fields.serialize_field("type", &self.doc_type)?;
        fields.serialize_field("date", &self.date)?;
        fields.serialize_field("date_short", &self.date_short)?;
        fields.serialize_field("url", &self.url)?;
        fields.serialize_field("status", &self.status)?;
        fields.serialize_field("issuer_name", &self.issuer_name)?;
        fields.serialize_field("part", &self.part)?;
        fields.end()
    }
}

impl<'a> LinkView<'a> {
    /// A number that links nowhere: a notice outside the archive, or a relation to one.
    fn unlinked(number: &'a str) -> Self {
        LinkView {
            number,
            title: None,
            doc_type: None,
            date: None,
            date_short: None,
            url: None,
            status: None,
            issuer_name: None,
            digest: None,
            part: None,
        }
    }

    /// The link with the part of its notice that a relation concerns.
    fn with_part(self, part: Option<std::borrow::Cow<'a, str>>) -> Self {
        LinkView { part, ..self }
    }
}

/// A link in a list of index values or pages.
#[derive(Serialize)]
struct EntryView {
    name: String,
    url: String,
    count: usize,
    current: bool,
}

impl EntryView {
    fn new(name: String, url: String, count: usize, current: bool) -> Self {
        EntryView { name, url, count, current }
    }
}

/// A link to a dimension's page of values, in the menu or above a list.
#[derive(Serialize)]
struct DimensionLink {
    name: String,
    url: String,
    /// `type`, `issuer`, `year`, `signer` or `tag`.
    key: &'static str,
    current: bool,
    /// How many values it has, only on the pages that show it (home, 404, the dimension's own
    /// page): a number on every page would make every page change when a value comes or goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<usize>,
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
    dimension: DimensionLink,
    values: Vec<EntryView>,
}

#[derive(Serialize)]
struct ValuePage<'a> {
    #[serde(flatten)]
    base: Base,
    dimension: DimensionLink,
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
#[derive(Clone, Copy)]
pub struct Pages<'a> {
    pub archive: &'a Archive,
    pub theme: &'a Theme,
    pub indexes: &'a Indexes,
    /// What a notice's body HTML depends on besides its file (see `content::read_key`).
    read_key: u64,
    /// What a draft without a number is called in lists.
    draft_label: &'a str,
    link_parts: &'a LinkParts,
    /// Views are made to be hashed, never shown (see [`Pages::for_fingerprints`]).
    for_fingerprints: bool,
}

impl<'a> Pages<'a> {
    pub fn new(
        archive: &'a Archive,
        theme: &'a Theme,
        indexes: &'a Indexes,
        link_parts: &'a LinkParts,
    ) -> Self {
        let draft_label = theme.labels.get("status").and_then(|g| g.get("draft")).and_then(Value::as_str);
        Pages {
            archive,
            theme,
            indexes,
            read_key: crate::content::read_key(&archive.config),
            draft_label: draft_label.unwrap_or("—"),
            link_parts,
            for_fingerprints: false,
        }
    }

    /// The same pages, for views that are hashed and never shown: a link whose digest is made
    /// is only that digest, as a fingerprint sees it, without its fields being looked up (at
    /// 100,000 notices, some 2.5 million links a build, each in memory of its own).
    pub fn for_fingerprints(&self) -> Pages<'a> {
        Pages { for_fingerprints: true, ..*self }
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
            indexes: self.menu(&root, current),
            root,
            canonical,
            share: Share { kind: "website", ..Share::default() },
        }
    }

    /// The site menu on a page whose way back to the root is `root`, of dimension `current`.
    fn menu(&self, root: &str, current: Option<Dimension>) -> Menu {
        let depth = layout::root_depth(&self.archive.config, root).filter(|&depth| depth < DIGEST_DEPTHS);
        let digest = depth.and_then(|depth| self.link_parts.menu_digest(depth, current));
        if self.for_fingerprints
            && let Some(&made) = digest.and_then(OnceLock::get)
        {
            return Menu { links: Vec::new(), digest: Some(made) };
        }
        let links = self.dimension_links(root, current, false);
        let digest = digest.map(|digest| *digest.get_or_init(|| crate::hash::of(&links)));
        Menu { links, digest }
    }

    /// The site menu with the number of values of each dimension (the home and 404 pages).
    fn counted_menu(&self, root: &str) -> Menu {
        Menu { links: self.dimension_links(root, None, true), digest: None }
    }

    /// One link per dimension, to its page of values, `counted` or not.
    fn dimension_links(&self, root: &str, current: Option<Dimension>, counted: bool) -> Vec<DimensionLink> {
        self.indexes
            .dimensions
            .iter()
            .map(|d| DimensionLink {
                current: Some(d.dimension) == current,
                ..self.dimension_link(d.dimension, root, counted)
            })
            .collect()
    }

    fn value_link(&self, root: &str, dimension: Dimension, name: &str) -> Option<String> {
        let value = self.indexes.value(dimension, name)?;
        Some(self.link(root, &layout::value_folder(dimension, value)))
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
            date: self.link_parts.parts[id.index()].date.as_deref(),
            date_short: self.link_parts.parts[id.index()].date_short.as_deref(),
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
        // The same link on every page with the same way back to the root: hashed once.
        // Slots past the depths are those of links between notice pages.
        let depth = layout::root_depth(&self.archive.config, root).filter(|&depth| depth < DIGEST_DEPTHS);
        self.link_view_by(id, depth, || self.link(root, self.archive.url(id)))
    }

    /// A link to notice `id` from the page of notice `here`, the shortest way (see
    /// [`layout::NoticeLink`]), else as from any page whose way back to the root is `root`.
    fn link_view_from(&self, id: NoticeId, here: NoticeId, root: &str) -> LinkView<'a> {
        let config = &self.archive.config;
        let year = |of: NoticeId| self.link_parts.between[of.index()].folder_year;
        match layout::NoticeLink::same_year(config, year(here), year(id)) {
            // The same link from every notice page of the same year, or of another: hashed once.
            Some(same_year) => self.link_view_by(id, Some(DIGEST_DEPTHS + usize::from(!same_year)), || {
                let link = layout::NoticeLink::between(config, self.archive.url(here), self.archive.url(id));
                link.expect("a link between notice folders").href()
            }),
            None => self.link_view(id, root),
        }
    }

    fn link_views_from(&self, ids: &[NoticeId], here: NoticeId, root: &str) -> Vec<LinkView<'a>> {
        ids.iter().map(|&id| self.link_view_from(id, here, root)).collect()
    }

    /// The view of a link to notice `id` whose address `url` makes, with its digest kept in
    /// `slot` (see [`LinkParts`]).
    fn link_view_by(&self, id: NoticeId, slot: Option<usize>, url: impl FnOnce() -> String) -> LinkView<'a> {
        let digest = slot.and_then(|slot| self.link_parts.digest(id, slot));
        if self.for_fingerprints
            && let Some(&made) = digest.and_then(OnceLock::get)
        {
            return LinkView { digest: Some(made), ..LinkView::unlinked("") };
        }
        let notice: &'a Notice = self.archive.notice(id);
        let parts: &'a LinkPart = &self.link_parts.parts[id.index()];
        let unnumbered = if notice.draft { self.draft_label } else { notice.title.as_str() };
        let mut view = LinkView {
            number: notice.number.as_ref().map_or(unnumbered, |n| n.written.as_str()),
            title: Some(&notice.title),
            doc_type: Some(notice.doc_type.as_str()).filter(|_| parts.type_shown),
            date: parts.date.as_deref(),
            date_short: parts.date_short.as_deref(),
            url: Some(url()),
            status: Some(self.archive.effective_status(id).code()),
            issuer_name: Some(&notice.issuer),
            digest: None,
            part: None,
        };
        if let Some(digest) = digest {
            view.digest = Some(*digest.get_or_init(|| crate::hash::of(&view)));
        }
        view
    }

    fn link_views(&self, ids: &[NoticeId], root: &str) -> Vec<LinkView<'a>> {
        ids.iter().map(|&id| self.link_view(id, root)).collect()
    }

    /// The home page: the newest notices first.
    pub fn home_page(&self) -> Made<impl Serialize + use<'a>> {
        let mut base = self.base(layout::HOME, None);
        // The home page lists the indexes with their counts.
        base.indexes = self.counted_menu(&base.root);
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

    fn dimension_link(&self, dimension: Dimension, root: &str, counted: bool) -> DimensionLink {
        DimensionLink {
            name: self.label("dimensions", dimension.key()),
            url: self.link(root, &format!("{}/", layout::dimension_folder(dimension))),
            key: dimension.key(),
            current: true,
            count: counted.then(|| self.indexes.get(dimension).values.len()),
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
        let view = DimensionPage {
            dimension: self.dimension_link(dimension.dimension, &base.root, true),
            values,
            base,
        };
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
        let size = self.archive.config.page_size;
        let all = layout::value_folder(dimension.dimension, value);
        let folder = year.map_or_else(|| all.clone(), |span| layout::year_folder(&all, span.year));
        let (listed, notices) = listed_on(value, year, number, size);
        let total = layout::page_count(listed.len(), size.max(1));
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
            dimension: self.dimension_link(dimension.dimension, &root, false),
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
        Made { template: LIST_TEMPLATE, view }
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
        let mut base = self.base_at(layout::NOT_FOUND, root, None);
        // The 404 page offers the indexes with their counts.
        base.indexes = self.counted_menu(&base.root);
        Made { template: "404.html", view: base }
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
        debug_assert!(!self.for_fingerprints, "a view made for a fingerprint is never shown");
        self.theme.render_view(made.template, &made.view)
    }
}

/// The template of the pages listing a value's notices.
const LIST_TEMPLATE: &str = "list.html";

/// The notices `value`'s list shows (of one `year` when given), and those of them on its page
/// `number` (from 1), with `page_size` a page.
fn listed_on(
    value: &IndexValue,
    year: Option<YearSpan>,
    number: usize,
    page_size: usize,
) -> (&[NoticeId], &[NoticeId]) {
    let listed = year.map_or(value.notices.as_slice(), |span| value.notices_of(span));
    (listed, listed.chunks(page_size.max(1)).nth(number - 1).unwrap_or(&[]))
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

#[cfg(test)]
mod tests {
    use super::LinkView;

    fn link(url: &str) -> LinkView<'static> {
        LinkView {
            title: Some("Kế hoạch triển khai công tác lưu trữ"),
            date_short: Some("2/4/2024"),
            url: Some(url.to_string()),
            status: Some("in-force"),
            ..LinkView::unlinked("12-KH/TU")
        }
    }

    #[test]
    fn a_link_is_fingerprinted_by_the_hash_of_its_fields_and_shown_with_all_of_them() {
        let full = link("../../../van-ban/2024/ke-hoach-12-kh-tu/index.html");
        let digest = crate::hash::of(&full);
        let hashed =
            LinkView { digest: Some(digest), ..link("../../../van-ban/2024/ke-hoach-12-kh-tu/index.html") };
        // A fingerprint sees the digest; a template sees the fields.
        assert_eq!(crate::hash::of(&hashed), crate::hash::of(&digest));
        assert_eq!(serde_json::to_value(&hashed).unwrap(), serde_json::to_value(&full).unwrap());
        assert_eq!(serde_json::to_value(&hashed).unwrap()["number"], "12-KH/TU");
        // Another link, another digest.
        let other = link("../../../van-ban/2024/ke-hoach-13-kh-tu/index.html");
        assert_ne!(crate::hash::of(&other), digest);
    }
}
