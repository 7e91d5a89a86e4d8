//! Feeds and the files crawlers read: Atom feeds (all notices, one per type and per issuer),
//! `sitemap.xml` and `robots.txt`.
//!
//! Feeds render through the theme's `atom.xml`; the sitemap and robots file are fixed formats
//! written here. URLs are absolute when `base_url` is set; without it they are relative to the
//! file, which feed readers and crawlers handle poorly, so the build summary says so. Where
//! each file goes is `layout`'s.

use serde::Serialize;

use super::html::{Made, Pages};
use super::layout;
use crate::archive::NoticeId;
use crate::archive::indexes::{Dimension, IndexValue};
use crate::config::SiteConfig;

/// Entries in a feed: the newest notices.
const FEED_ENTRIES: usize = 50;

#[derive(Serialize)]
struct FeedView {
    title: String,
    id: String,
    url: String,
    self_url: String,
    updated: String,
}

#[derive(Serialize)]
struct EntryView<'a> {
    title: String,
    number: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    issuer: &'a str,
    url: String,
    updated: String,
    summary: &'a str,
}

#[derive(Serialize)]
struct FeedPage<'a> {
    feed: FeedView,
    entries: Vec<EntryView<'a>>,
}

/// Entries of a feed: the first notices of a newest-first list.
pub fn feed_entries(notices: &[NoticeId]) -> &[NoticeId] {
    &notices[..notices.len().min(FEED_ENTRIES)]
}

impl<'a> Pages<'a> {
    /// The main feed: the newest notices of the archive.
    pub fn main_feed(&self) -> Made<impl Serialize + use<'a>> {
        let title = self.archive.config.title.clone();
        self.feed(layout::MAIN_FEED, title, "", &self.indexes.newest)
    }

    /// The feed of one value of a dimension that has feeds.
    pub fn value_feed(&self, dimension: Dimension, value: &'a IndexValue) -> Made<impl Serialize + use<'a>> {
        let path = layout::value_feed(dimension, value).unwrap_or_default();
        let title = format!("{}: {}", self.archive.config.title, value.name);
        self.feed(&path, title, &layout::value_folder(dimension, value), &value.notices)
    }

    fn feed(
        &self,
        path: &str,
        title: String,
        html_folder: &str,
        notices: &'a [NoticeId],
    ) -> Made<impl Serialize + use<'a>> {
        let root = layout::root_prefix(&self.archive.config, path);
        let entries: Vec<EntryView> = feed_entries(notices).iter().map(|&id| self.entry(id, &root)).collect();
        let updated =
            entries.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone());
        let feed = FeedView {
            title,
            id: format!("{root}{path}"),
            url: format!("{root}{html_folder}"),
            self_url: format!("{root}{path}"),
            updated,
        };
        Made::new("atom.xml", FeedPage { feed, entries })
    }

    fn entry(&self, id: NoticeId, root: &str) -> EntryView<'a> {
        let notice = self.archive.notice(id);
        let number = notice.number.as_ref().map(|n| n.written.as_str());
        EntryView {
            title: super::html::headline(notice),
            number,
            doc_type: &notice.doc_type,
            issuer: &notice.issuer,
            url: format!("{root}{}", self.archive.url(id)),
            updated: notice
                .date
                .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| format!("{d}T00:00:00Z")),
            summary: notice.summary_text(),
        }
    }
}

/// `sitemap.xml` listing every page, given as output-relative paths with the date each last
/// changed.
pub fn sitemap(config: &SiteConfig, pages: &[(&str, Option<jiff::civil::Date>)]) -> String {
    let base = config.base_url.as_deref().unwrap_or("");
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (page, changed) in pages {
        xml.push_str("  <url><loc>");
        crate::content::body::escape_into(&mut xml, &format!("{base}{}", layout::page_url(page)));
        xml.push_str("</loc>");
        if let Some(date) = changed {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named when its address is known.
pub fn robots(config: &SiteConfig) -> String {
    match &config.base_url {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}{}\n", layout::SITEMAP),
        None => "User-agent: *\nAllow: /\n".to_string(),
    }
}
