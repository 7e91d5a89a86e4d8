//! Layout: every path of the output, and the links from one page to another.
//!
//! The one owner of where things go: the home page, notice pages (at the URL `archive` gives
//! each notice), index pages and their pagination, feeds, the search page and index,
//! `api/notices.json`, the sitemap, `robots.txt`, the 404 page, attachments, and Gazette's own
//! folder. Links are relative to the page (so an output works from any folder and from
//! `file://`) unless the site has a `base_url`; relative links to a folder name its
//! `index.html`, which a browser opening files from disk needs.

use crate::archive::indexes::{Dimension, IndexValue};
use crate::config::SiteConfig;

pub const HOME: &str = "index.html";
pub const NOT_FOUND: &str = "404.html";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
pub const API: &str = "api/notices.json";
/// The feed of all notices.
pub const MAIN_FEED: &str = "feed.xml";
/// The folder of the search page and its index.
pub const SEARCH_DIR: &str = "search";
/// Gazette's own folder in the output (marker and build state); never a page.
pub const STATE_DIR: &str = ".gazette";
/// The folder under which the pages of the second and later pages of a list are.
const PAGE_DIR: &str = "trang";
/// Dimensions with a feed per value.
pub const FEED_DIMENSIONS: [Dimension; 2] = [Dimension::Type, Dimension::Issuer];
/// Dimensions whose lists are also filtered by year: `loai/thong-bao/nam/2024/`.
pub const YEAR_FILTER_DIMENSIONS: [Dimension; 2] = [Dimension::Type, Dimension::Issuer];
/// The folder, inside a value's folder, of its lists by year.
const YEAR_DIR: &str = "nam";

/// The page of a notice whose folder is `url` (`van-ban/2024/x/index.html`).
pub fn notice_page(url: &str) -> String {
    format!("{url}index.html")
}

/// An attachment of a bundle notice, beside its page.
pub fn attachment(url: &str, name: &str) -> String {
    format!("{url}{name}")
}

/// The link to an attachment (see [`attachment`]): its name as a link writes it (see
/// [`crate::content::attachment_href_name`]).
pub fn attachment_href(url: &str, name: &str) -> String {
    format!("{url}{}", crate::content::attachment_href_name(name))
}

/// `search/index.html`.
pub fn search_page() -> String {
    format!("{SEARCH_DIR}/index.html")
}

/// A file of the search index: `search/manifest.json`, `search/terms/3.json`…
pub fn search_file(name: &str) -> String {
    format!("{SEARCH_DIR}/{name}")
}

/// The folder of a dimension's pages: `loai`, `co-quan`, `nam`, `nguoi-ky`, `chu-de`.
pub fn dimension_folder(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Type => "loai",
        Dimension::Issuer => "co-quan",
        Dimension::Year => "nam",
        Dimension::Signer => "nguoi-ky",
        Dimension::Tag => "chu-de",
    }
}

/// The page listing a dimension's values: `loai/index.html`.
pub fn dimension_page(dimension: Dimension) -> String {
    format!("{}/index.html", dimension_folder(dimension))
}

/// The folder of a value's list: `loai/thong-bao/`.
pub fn value_folder(dimension: Dimension, value: &IndexValue) -> String {
    format!("{}/{}/", dimension_folder(dimension), value.slug)
}

/// The folder of a value's list of one year: `loai/thong-bao/nam/2024/`.
pub fn year_folder(value_folder: &str, year: i16) -> String {
    format!("{value_folder}{YEAR_DIR}/{year}/")
}

/// Page `page` (from 1) of a list in `folder`: `loai/x/index.html`, `loai/x/trang/2/index.html`.
pub fn list_page(folder: &str, page: usize) -> String {
    if page <= 1 { format!("{folder}index.html") } else { format!("{folder}{PAGE_DIR}/{page}/index.html") }
}

/// How many pages a list of `count` notices takes.
pub fn page_count(count: usize, page_size: usize) -> usize {
    count.div_ceil(page_size.max(1)).max(1)
}

/// The feed of one value, for the dimensions that have feeds: `loai/thong-bao/feed.xml`.
pub fn value_feed(dimension: Dimension, value: &IndexValue) -> Option<String> {
    FEED_DIMENSIONS.contains(&dimension).then(|| format!("{}feed.xml", value_folder(dimension, value)))
}

/// Paths that hold generated files besides the planned pages: Gazette's folder and the search
/// index. Nothing copied from the archive may land there.
pub fn is_reserved(path: &str) -> bool {
    path.starts_with(&format!("{STATE_DIR}/"))
        || path.strip_prefix(SEARCH_DIR).and_then(|rest| rest.strip_prefix('/')).is_some_and(|rest| {
            rest == "manifest.json" || rest.starts_with("terms/") || rest.starts_with("docs/")
        })
}

/// The URL of a page file: its folder for `…/index.html`.
pub fn page_url(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// One folder up, in a relative link.
const UP: &str = "../";

/// The prefix that leads from the file at `path` back to the output root.
pub fn root_prefix(config: &SiteConfig, path: &str) -> String {
    match &config.base_url {
        Some(base) => base.clone(),
        None => UP.repeat(path.matches('/').count()),
    }
}

/// How deep the pages lie whose way back to the root is `root` (as [`root_prefix`] gives it):
/// with a base URL every page has the same root, depth 0; `None` for any other string.
pub fn root_depth(config: &SiteConfig, root: &str) -> Option<usize> {
    match &config.base_url {
        Some(base) => (root == base).then_some(0),
        None => {
            let ups = root.len() / UP.len();
            (root.len() == ups * UP.len() && root.as_bytes().chunks(UP.len()).all(|up| up == UP.as_bytes()))
                .then_some(ups)
        }
    }
}

/// A link from a page whose way back to the root is `root` to the page folder `folder`
/// (`loai/`, `van-ban/2024/x/`, or `` for the home page).
pub fn folder_link(config: &SiteConfig, root: &str, folder: &str) -> String {
    let index = if config.base_url.is_none() { "index.html" } else { "" };
    format!("{root}{folder}{index}")
}

/// A link from the page of one notice to the page of another, the shortest way: both lie at
/// `van-ban/YEAR/SLUG/`, so a notice of the same year is `../SLUG/index.html` and one of another
/// year `../../YEAR/SLUG/index.html`.
pub struct NoticeLink<'a> {
    same_year: bool,
    /// The target's folder past what the two folders share.
    rest: &'a str,
}

/// The year and the slug (with its `/`) of a notice's folder `van-ban/YEAR/SLUG/`.
fn year_and_slug(folder: &str) -> Option<(&str, &str)> {
    let (year, slug) = folder.strip_prefix(crate::archive::NOTICE_DIR)?.strip_prefix('/')?.split_once('/')?;
    (!year.is_empty() && slug.len() > 1 && slug.find('/') == Some(slug.len() - 1)).then_some((year, slug))
}

/// The year of notice folder `van-ban/YEAR/SLUG/`; `None` for a folder not of that shape.
pub fn notice_folder_year(folder: &str) -> Option<&str> {
    year_and_slug(folder).map(|(year, _)| year)
}

impl<'a> NoticeLink<'a> {
    /// From the page in notice folder `from` to the one in `to`; `None` with a base URL (links
    /// are absolute then) or for folders not of that shape.
    pub fn between(config: &SiteConfig, from: &str, to: &'a str) -> Option<NoticeLink<'a>> {
        let ((from_year, _), (to_year, to_slug)) = (year_and_slug(from)?, year_and_slug(to)?);
        let same_year = Self::same_year(config, Some(from_year), Some(to_year))?;
        let rest = if same_year { to_slug } else { &to[crate::archive::NOTICE_DIR.len() + 1..] };
        Some(NoticeLink { same_year, rest })
    }

    /// Whether a link between notice folders of years `from` and `to` (as
    /// [`notice_folder_year`] gives them, or numbers given to each distinct one) goes to one
    /// of the same year; `None` when there is no such link, as for [`Self::between`]. Told
    /// without the folders: a page links many.
    pub fn same_year<Year: PartialEq>(
        config: &SiteConfig,
        from: Option<Year>,
        to: Option<Year>,
    ) -> Option<bool> {
        config.base_url.is_none().then_some(from? == to?)
    }

    pub fn href(&self) -> String {
        let up = UP.repeat(if self.same_year { 1 } else { 2 });
        format!("{up}{}index.html", self.rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_page_links_another_the_shortest_way() {
        let relative = SiteConfig::default();
        let link = |from: &str, to: &str| NoticeLink::between(&relative, from, to).map(|l| l.href());
        assert_eq!(link("van-ban/2024/a/", "van-ban/2024/b/").as_deref(), Some("../b/index.html"));
        assert_eq!(link("van-ban/2024/a/", "van-ban/2023/b/").as_deref(), Some("../../2023/b/index.html"));
        assert_eq!(link("van-ban/2024/a/", "van-ban/2024/a/").as_deref(), Some("../a/index.html"));
        // Near misses: not both notice folders of that shape.
        for (from, to) in [
            ("loai/a/", "van-ban/2024/b/"),
            ("van-ban/2024/a/", "loai/b/"),
            ("van-ban/2024/a/x/", "van-ban/2024/b/"),
            ("van-ban/2024/a/", "van-ban/2024/b/c/"),
            ("van-ban/2024/a", "van-ban/2024/b/"),
            ("van-ban//a/", "van-ban/2024/b/"),
            ("van-bang/2024/a/", "van-ban/2024/b/"),
        ] {
            assert_eq!(link(from, to), None, "{from} -> {to}");
        }
        let absolute = SiteConfig { base_url: Some("https://x.vn/".into()), ..SiteConfig::default() };
        assert!(NoticeLink::between(&absolute, "van-ban/2024/a/", "van-ban/2024/b/").is_none());
        // Told from the years alone, the same as from the folders.
        let folders =
            ["van-ban/2024/a/", "van-ban/2024/b/", "van-ban/2023/b/", "loai/a/", "van-ban/2024/a/x/"];
        for config in [&relative, &absolute] {
            for from in folders {
                for to in folders {
                    let years = (notice_folder_year(from), notice_folder_year(to));
                    assert_eq!(
                        NoticeLink::same_year(config, years.0, years.1),
                        NoticeLink::between(config, from, to).map(|link| link.same_year),
                        "{from} -> {to}"
                    );
                }
            }
        }
    }

    #[test]
    fn pages_of_a_list() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(list_page("loai/x/", 1), "loai/x/index.html");
        assert_eq!(list_page("loai/x/", 3), "loai/x/trang/3/index.html");
        assert_eq!(list_page(&year_folder("loai/x/", 2024), 2), "loai/x/nam/2024/trang/2/index.html");
    }

    #[test]
    fn links_are_relative_with_index_html_unless_there_is_a_base_url() {
        let relative = SiteConfig::default();
        assert_eq!(root_prefix(&relative, "van-ban/2024/x/index.html"), "../../../");
        assert_eq!(folder_link(&relative, "../", "loai/"), "../loai/index.html");
        let absolute = SiteConfig { base_url: Some("https://x.vn/".into()), ..SiteConfig::default() };
        assert_eq!(root_prefix(&absolute, "van-ban/2024/x/index.html"), "https://x.vn/");
        assert_eq!(folder_link(&absolute, "https://x.vn/", "loai/"), "https://x.vn/loai/");
    }

    #[test]
    fn a_root_tells_how_deep_its_pages_lie() {
        let relative = SiteConfig::default();
        for path in ["index.html", "loai/index.html", "van-ban/2024/x/index.html"] {
            let depth = path.matches('/').count();
            assert_eq!(root_depth(&relative, &root_prefix(&relative, path)), Some(depth), "{path}");
        }
        // Near misses: not a way up, or one cut short.
        for root in ["/", "../x/", "..", "../.."] {
            assert_eq!(root_depth(&relative, root), None, "{root}");
        }
        let absolute = SiteConfig { base_url: Some("https://x.vn/".into()), ..SiteConfig::default() };
        assert_eq!(root_depth(&absolute, &root_prefix(&absolute, "van-ban/2024/x/index.html")), Some(0));
        assert_eq!(root_depth(&absolute, "/"), None);
    }

    #[test]
    fn reserved_paths() {
        for path in [".gazette/output", "search/manifest.json", "search/terms/1.json", "search/docs/0.json"] {
            assert!(is_reserved(path), "{path}");
        }
        for path in ["search/index.html", "searcher/terms/1.json", "van-ban/.gazette", "style.css"] {
            assert!(!is_reserved(path), "{path}");
        }
    }
}
