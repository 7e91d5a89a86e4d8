//! Feeds and the files crawlers read: Atom feeds (all notices, one per type and per issuer),
//! `sitemap.xml` and `robots.txt`.
//!
//! Feeds render through the theme's `atom.xml`; the sitemap and robots file are fixed formats
//! written here. URLs are absolute when `base_url` is set; without it they are relative to the
//! file, which feed readers and crawlers handle poorly, so the build summary says so.

use serde::Serialize;
use tera::Context;

use crate::archive::Archive;
use crate::diag::Diagnostic;
use crate::index::{Dimension, DimensionIndex, IndexValue};
use crate::render::{Page, root_prefix};
use crate::theme::Theme;

/// The feed of all notices.
pub const MAIN_FEED: &str = "feed.xml";
/// Entries in a feed: the newest notices.
const FEED_ENTRIES: usize = 50;

/// Dimensions with a feed per value.
pub const FEED_DIMENSIONS: [Dimension; 2] = [Dimension::Type, Dimension::Issuer];

/// The feed of one value, for the dimensions that have feeds: `loai/thong-bao/feed.xml`.
pub fn value_feed_path(dimension: &DimensionIndex, value: &IndexValue) -> Option<String> {
    FEED_DIMENSIONS
        .contains(&dimension.dimension)
        .then(|| format!("{}feed.xml", dimension.value_folder(value)))
}

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
    summary: String,
}

/// The main feed: the newest notices of the archive.
pub fn main_feed(archive: &Archive, theme: &Theme, newest: &[usize]) -> Result<Page, Diagnostic> {
    feed_page(archive, theme, MAIN_FEED, &archive.config.title, "", newest)
}

/// The feed of one value of a dimension that has feeds.
pub fn value_feed(
    archive: &Archive,
    theme: &Theme,
    dimension: &DimensionIndex,
    value: &IndexValue,
) -> Result<Page, Diagnostic> {
    let path = value_feed_path(dimension, value).unwrap_or_default();
    let title = format!("{}: {}", archive.config.title, value.name);
    feed_page(archive, theme, &path, &title, &dimension.value_folder(value), &value.notices)
}

/// Entries of a feed: the first notices of a newest-first list.
pub fn feed_entries(notices: &[usize]) -> &[usize] {
    &notices[..notices.len().min(FEED_ENTRIES)]
}

fn feed_page(
    archive: &Archive,
    theme: &Theme,
    path: &str,
    title: &str,
    html_folder: &str,
    notices: &[usize],
) -> Result<Page, Diagnostic> {
    let root = root_prefix(&archive.config, path);
    let entries: Vec<EntryView> = feed_entries(notices).iter().map(|&i| entry(archive, i, &root)).collect();
    let updated = entries.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone());
    let feed = FeedView {
        title: title.to_string(),
        id: format!("{root}{path}"),
        url: format!("{root}{html_folder}"),
        self_url: format!("{root}{path}"),
        updated,
    };
    let mut context = Context::new();
    context.insert("feed", &feed);
    context.insert("entries", &entries);
    Ok(Page { path: path.to_string(), html: theme.render("atom.xml", &context)? })
}

fn entry<'a>(archive: &'a Archive, index: usize, root: &str) -> EntryView<'a> {
    let notice = &archive.notices[index];
    let number = notice.number.as_ref().map(|n| n.written.as_str());
    EntryView {
        title: match number {
            Some(n) => format!("{} {}: {}", notice.doc_type, n, notice.title),
            None => notice.title.clone(),
        },
        number,
        doc_type: &notice.doc_type,
        issuer: &notice.issuer,
        url: format!("{root}{}", archive.urls[index]),
        updated: notice.date.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| format!("{d}T00:00:00Z")),
        summary: notice.summary_text().to_string(),
    }
}

/// `sitemap.xml` listing every page, given as output-relative paths.
pub fn sitemap(archive: &Archive, pages: &[String]) -> String {
    let base = archive.config.base_url.as_deref().unwrap_or("");
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let url = page.strip_suffix("index.html").unwrap_or(page);
        xml.push_str("  <url><loc>");
        crate::markdown::escape_into(&mut xml, &format!("{base}{url}"));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named when its address is known.
pub fn robots(archive: &Archive) -> String {
    match &archive.config.base_url {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_string(),
    }
}
