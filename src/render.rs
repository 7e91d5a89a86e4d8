//! Rendering: the linked archive to HTML pages through the theme's templates.
//!
//! Owns the page contexts (what a template sees: `site`, `t` for labels, `root`, `notice`,
//! `body`, `toc`, citations and relations), date lines in Vietnamese or English, and filling
//! the body's reference placeholders with links. Each page is a function of the archive and
//! its index, so pages render in parallel and one page can be rendered alone. Writing files is
//! `output`'s.

use serde::Serialize;
use tera::Context;

use crate::archive::{Archive, RefTarget};
use crate::config::{Language, SiteConfig};
use crate::content::{Notice, Signer};
use crate::diag::Diagnostic;
use crate::index::{self, Dimension, DimensionIndex, IndexValue, Indexes};
use crate::markdown::{self, TocEntry, escape_into};
use crate::theme::Theme;
use crate::yaml::Value;

/// What a template sees as `body`: a mark replaced by the body after rendering.
const BODY_SLOT: &str = "\u{E010}gazette-body\u{E010}";

/// One rendered output file.
#[derive(Debug)]
pub struct Page {
    /// Path relative to the output root (`van-ban/2024/x/index.html`).
    pub path: String,
    pub html: String,
}

/// The prefix that leads from a page at `page_path` back to the output root.
pub fn root_prefix(config: &SiteConfig, page_path: &str) -> String {
    match &config.base_url {
        Some(base) => base.clone(),
        None => "../".repeat(page_path.matches('/').count()),
    }
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    title: &'a str,
    language: &'a str,
    base_url: Option<&'a str>,
    extra: &'a Value,
}

pub fn site_view(config: &SiteConfig) -> SiteView<'_> {
    SiteView {
        title: &config.title,
        language: config.language.code(),
        base_url: config.base_url.as_deref(),
        extra: &config.extra,
    }
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
    summary: String,
    draft: bool,
    extra: &'a crate::yaml::Map<String, Value>,
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

/// Renders pages of an archive with a theme.
pub struct Renderer<'a> {
    pub archive: &'a Archive,
    pub theme: &'a Theme,
    pub indexes: &'a Indexes,
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

impl<'a> Renderer<'a> {
    pub fn new(archive: &'a Archive, theme: &'a Theme, indexes: &'a Indexes) -> Self {
        Renderer { archive, theme, indexes }
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

    /// A link to a page folder: `folder/index.html` for relative links, so they work from `file://`.
    fn href(&self, root: &str, folder: &str) -> String {
        let index = if self.archive.config.base_url.is_none() { "index.html" } else { "" };
        format!("{root}{folder}{index}")
    }

    fn base_context(&self, page_path: &str) -> (Context, String) {
        self.base_context_at(page_path, root_prefix(&self.archive.config, page_path))
    }

    /// The context every page has, with links made from `root`.
    fn base_context_at(&self, page_path: &str, root: String) -> (Context, String) {
        let mut context = Context::new();
        context.insert("home_url", &self.href(&root, ""));
        context.insert("root", &root);
        context.insert("page_path", page_path);
        context.insert("feed_url", &format!("{root}{}", crate::feeds::MAIN_FEED));
        context.insert("search_url", &self.href(&root, &format!("{}/", crate::search::DIR)));
        context.insert("indexes", &self.dimension_links(&root, None));
        (context, root)
    }

    /// One link per dimension, to its page of values.
    fn dimension_links(&self, root: &str, current: Option<Dimension>) -> Vec<EntryView> {
        self.indexes
            .dimensions
            .iter()
            .map(|d| EntryView {
                name: self.label("dimensions", d.dimension.key()),
                url: self.href(root, &format!("{}/", d.dimension.folder())),
                count: d.values.len(),
                current: Some(d.dimension) == current,
            })
            .collect()
    }

    /// Links of a notice's values to their lists: `{type: url, issuer: url, …, tags: [{name, url}]}`.
    fn value_links(&self, index: usize, root: &str) -> serde_json::Value {
        let notice = &self.archive.notices[index];
        let link = |dimension: Dimension, name: &str| {
            self.indexes.folder_of(dimension, name).map(|folder| self.href(root, folder))
        };
        let tags: Vec<serde_json::Value> = notice
            .tags
            .iter()
            .map(|t| serde_json::json!({"name": t, "url": link(Dimension::Tag, t)}))
            .collect();
        serde_json::json!({
            "type": link(Dimension::Type, &notice.doc_type),
            "issuer": link(Dimension::Issuer, &notice.issuer),
            "year": notice.year().and_then(|y| link(Dimension::Year, &y.to_string())),
            "signer": notice.signer.as_ref().and_then(|s| link(Dimension::Signer, &s.name)),
            "tags": tags,
        })
    }

    /// The page listing a dimension's values with their counts.
    pub fn dimension_page(&self, dimension: &DimensionIndex) -> Result<Page, Diagnostic> {
        let path = dimension.page_path();
        let (mut context, root) = self.base_context(&path);
        let values: Vec<EntryView> = dimension
            .values
            .iter()
            .map(|v| EntryView {
                name: v.name.clone(),
                url: self.href(&root, &dimension.value_folder(v)),
                count: v.notices.len(),
                current: false,
            })
            .collect();
        context.insert("dimension", &self.dimension_view(dimension.dimension, &root));
        context.insert("values", &values);
        context.insert("indexes", &self.dimension_links(&root, Some(dimension.dimension)));
        let html = self.theme.render("dimension.html", &context)?;
        Ok(Page { path, html })
    }

    fn dimension_view(&self, dimension: Dimension, root: &str) -> EntryView {
        EntryView {
            name: self.label("dimensions", dimension.key()),
            url: self.href(root, &format!("{}/", dimension.folder())),
            count: self.indexes.get(dimension).values.len(),
            current: true,
        }
    }

    /// Page `number` (from 1) of one value's list of notices, newest first.
    pub fn value_page(
        &self,
        dimension: &DimensionIndex,
        value: &IndexValue,
        number: usize,
    ) -> Result<Page, Diagnostic> {
        let size = self.archive.config.page_size.max(1);
        let folder = dimension.value_folder(value);
        let total = index::page_count(value.notices.len(), size);
        let notices = value.notices.chunks(size).nth(number - 1).unwrap_or(&[]);
        let path = index::list_page_path(&folder, number);
        let (mut context, root) = self.base_context(&path);
        let page_url =
            |n: usize| self.href(&root, index::list_page_path(&folder, n).trim_end_matches("index.html"));
        let pagination = Pagination {
            current: number,
            total,
            previous: (number > 1).then(|| page_url(number - 1)),
            next: (number < total).then(|| page_url(number + 1)),
            pages: (1..=total)
                .map(|n| EntryView { name: n.to_string(), url: page_url(n), count: 0, current: n == number })
                .collect(),
        };
        let items: Vec<LinkView> = notices.iter().map(|&i| self.link_view(i, &root)).collect();
        let value_view = EntryView {
            name: value.name.clone(),
            url: page_url(1),
            count: value.notices.len(),
            current: true,
        };
        context.insert("dimension", &self.dimension_view(dimension.dimension, &root));
        context.insert("value", &value_view);
        context.insert("notices", &items);
        context.insert("pagination", &pagination);
        context.insert("indexes", &self.dimension_links(&root, Some(dimension.dimension)));
        if let Some(feed) = crate::feeds::value_feed_path(dimension, value) {
            context.insert("value_feed_url", &format!("{root}{feed}"));
        }
        Ok(Page { html: self.theme.render("list.html", &context)?, path })
    }

    fn notice_view(&self, index: usize, root: &str) -> NoticeView<'a> {
        let notice: &'a Notice = &self.archive.notices[index];
        let language = self.archive.config.language;
        let status = self.archive.effective_status(index);
        NoticeView {
            number: notice.number.as_ref().map(|n| n.written.as_str()),
            key: notice.key(),
            doc_type: &notice.doc_type,
            title: &notice.title,
            issuer: &notice.issuer,
            parent_issuer: notice.parent_issuer.as_deref(),
            system: match notice.system {
                crate::cite::number::System::Party => "party",
                crate::cite::number::System::State => "state",
            },
            date: notice.date.map(|d| d.to_string()),
            date_short: notice.date.map(|d| date_short(d, language)),
            date_line: notice.date.map(|d| date_line(notice.place.as_deref(), d, language)),
            place: notice.place.as_deref(),
            signer: notice.signer.as_ref(),
            recipients: &notice.recipients,
            status,
            status_label: self.label("status", status),
            effective: notice.effective.map(|d| date_short(d, language)),
            expires: notice.expires.map(|d| date_short(d, language)),
            tags: &notice.tags,
            summary: notice.summary_text().to_string(),
            draft: notice.draft,
            extra: &notice.extra,
            url: self.href(root, &self.archive.urls[index]),
        }
    }

    fn link_view(&self, index: usize, root: &str) -> LinkView<'a> {
        let notice: &'a Notice = &self.archive.notices[index];
        LinkView {
            number: notice.number.as_ref().map_or(notice.title.as_str(), |n| n.written.as_str()),
            title: Some(&notice.title),
            doc_type: Some(&notice.doc_type),
            date_short: notice.date.map(|d| date_short(d, self.archive.config.language)),
            url: Some(self.href(root, &self.archive.urls[index])),
            status: Some(self.archive.effective_status(index)),
            issuer_name: Some(&notice.issuer),
        }
    }

    /// The page of notice `index`.
    pub fn notice_page(&self, index: usize) -> Result<Page, Diagnostic> {
        let path = format!("{}index.html", self.archive.urls[index]);
        let (mut context, root) = self.base_context(&path);
        let notice = &self.archive.notices[index];
        let links = &self.archive.links[index];
        context.insert("notice", &self.notice_view(index, &root));
        context.insert("links", &self.value_links(index, &root));
        context.insert("body", BODY_SLOT);
        context.insert("toc", &notice.body.toc as &[TocEntry]);
        let cites: Vec<LinkView> = links.cites.iter().map(|&i| self.link_view(i, &root)).collect();
        context.insert("cites", &cites);
        let cited_by: Vec<LinkView> = links.cited_by.iter().map(|&i| self.link_view(i, &root)).collect();
        context.insert("cited_by", &cited_by);
        context.insert("outside", &self.outside_views(index));
        context.insert("relations", &self.relation_groups(index, &root));
        let ended_by = links
            .ended_by
            .map(|(i, since)| (self.link_view(i, &root), date_short(since, self.archive.config.language)));
        context.insert("ended_by", &ended_by.as_ref().map(|(l, _)| l));
        context.insert("ended_since", &ended_by.as_ref().map(|(_, d)| d));
        let attachments: Vec<AttachmentView> = notice
            .attachments
            .iter()
            .map(|a| AttachmentView {
                name: &a.name,
                url: format!("{root}{}{}", self.archive.urls[index], a.name),
                size: a.size,
            })
            .collect();
        context.insert("attachments", &attachments);
        context.insert("previous", &links.previous.map(|i| self.link_view(i, &root)));
        context.insert("next", &links.next.map(|i| self.link_view(i, &root)));
        let page = self.theme.render("notice.html", &context)?;
        Ok(Page { path, html: self.splice_body(&page, index, &root) })
    }

    /// The page with the body put where the template printed `body`. The body is long and
    /// already HTML, so it goes around the template engine rather than through it.
    fn splice_body(&self, page: &str, index: usize, root: &str) -> String {
        let Some(at) = page.find(BODY_SLOT) else { return page.to_string() };
        let body = &self.archive.notices[index].body.html;
        let mut html = String::with_capacity(page.len() + body.len() * 9 / 8);
        html.push_str(&page[..at]);
        self.fill_body(index, root, &mut html);
        html.push_str(&page[at + BODY_SLOT.len()..]);
        html
    }

    fn outside_views(&self, index: usize) -> Vec<LinkView<'a>> {
        let config = &self.archive.config;
        self.archive.links[index]
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

    fn relation_groups(&self, index: usize, root: &str) -> Vec<RelationGroup<'a>> {
        let links = &self.archive.links[index];
        let mut groups = Vec::new();
        for (kind, targets) in &links.relations {
            let notices = targets
                .iter()
                .map(|t| match t.notice {
                    Some(i) => self.link_view(i, root),
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
            let notices = sources.iter().map(|&i| self.link_view(i, root)).collect();
            let key = kind.passive_key();
            groups.push(RelationGroup { kind: key, label: self.label("relations", key), notices });
        }
        groups
    }

    /// The body HTML with each reference placeholder made a link or a marked span.
    fn fill_body(&self, index: usize, root: &str, html: &mut String) {
        let notice = &self.archive.notices[index];
        let targets = &self.archive.links[index].references;
        let not_in_archive = self.label("cite", "not_in_archive");
        let ambiguous = self.label("cite", "ambiguous");
        let open = |i: usize| match targets.get(i) {
            Some(RefTarget::Notice(t)) => {
                let cited = &self.archive.notices[*t];
                let mut tag = format!(
                    "<a class=\"cite\" href=\"{}\" title=\"",
                    self.href(root, &self.archive.urls[*t])
                );
                escape_into(&mut tag, &format!("{} {}", cited.doc_type, cited.title));
                tag.push_str("\">");
                tag
            }
            Some(RefTarget::OwnNumber) => "<span class=\"cite-self\">".to_string(),
            Some(RefTarget::Ambiguous(_)) => {
                format!("<span class=\"cite cite-ambiguous\" title=\"{ambiguous}\">")
            }
            _ => format!("<span class=\"cite cite-unresolved\" title=\"{not_in_archive}\">"),
        };
        let close = |i: usize| match targets.get(i) {
            Some(RefTarget::Notice(_)) => "</a>".to_string(),
            _ => "</span>".to_string(),
        };
        markdown::fill_references(&notice.body.html, html, open, close);
    }

    /// The home page: newest notices first.
    pub fn home_page(&self, newest: &[usize]) -> Result<Page, Diagnostic> {
        let path = "index.html".to_string();
        let (mut context, root) = self.base_context(&path);
        let notices: Vec<LinkView> = newest.iter().map(|&i| self.link_view(i, &root)).collect();
        context.insert("notices", &notices);
        context.insert("notice_count", &self.archive.len());
        context.insert("stats", &self.archive.stats);
        let (first_year, last_year) = self.indexes.year_range();
        context.insert("first_year", &first_year);
        context.insert("last_year", &last_year);
        let html = self.theme.render("index.html", &context)?;
        Ok(Page { path, html })
    }

    /// The search page: a form, filters by type, issuer and year, and the script that reads
    /// the index of `search`.
    pub fn search_page(&self) -> Result<Page, Diagnostic> {
        let path = format!("{}/index.html", crate::search::DIR);
        let (mut context, root) = self.base_context(&path);
        let filter = |dimension: Dimension| -> Vec<FilterOption> {
            self.indexes
                .get(dimension)
                .values
                .iter()
                .map(|v| FilterOption { name: &v.name, slug: &v.slug, count: v.notices.len() })
                .collect()
        };
        context.insert("types", &filter(Dimension::Type));
        context.insert("issuers", &filter(Dimension::Issuer));
        context.insert("years", &filter(Dimension::Year));
        context.insert("search_index", &format!("{root}{}/", crate::search::DIR));
        context.insert("url_suffix", if self.archive.config.base_url.is_none() { "index.html" } else { "" });
        context.insert("search_current", &true);
        let html = self.theme.render("search.html", &context)?;
        Ok(Page { path, html })
    }

    /// The page shown for a missing URL. Links are relative to the root, where hosts serve it.
    pub fn not_found_page(&self) -> Result<Page, Diagnostic> {
        let path = "404.html".to_string();
        // Hosts answer any missing path with this page: its links start from the site root.
        let root = self.archive.config.base_url.clone().unwrap_or_else(|| "/".into());
        let (context, _) = self.base_context_at(&path, root);
        let html = self.theme.render("404.html", &context)?;
        Ok(Page { path, html })
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
