//! The output of an archive, file by file: each file's path, what renders it, and a
//! fingerprint of everything it is rendered from.
//!
//! A page's fingerprint is a stable hash of the very view its template receives (see `html`),
//! of the template files it is made of, and for a notice page of its body's source and the
//! links put in it: two builds that plan a file with one fingerprint write the same bytes.
//! `build` keeps a file whose fingerprint has not moved since the last build; `serve` renders a
//! file again only when it moved. Static files, attachments and the search index are not
//! planned here.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::html::{NoticeBody, Page, PageKeys, Pages};
use super::layout;
use super::theme::{StaticFile, StaticSource};
use jiff::civil::Date;

use crate::archive::NoticeId;
use crate::archive::indexes::{Dimension, DimensionIndex, IndexValue, YearSpan};
use crate::diag::Diagnostic;
use crate::msg;

/// What renders one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Output {
    Notice(NoticeId),
    Home,
    Search,
    Dimension(Dimension),
    /// Page `page` (from 1) of the list of value `value` (its place in the dimension), of
    /// its notices of one year when `year` is the place of that year in the value's years.
    ValuePage {
        dimension: Dimension,
        value: usize,
        year: Option<usize>,
        page: usize,
    },
    MainFeed,
    ValueFeed {
        dimension: Dimension,
        value: usize,
    },
    NotFound,
    Api,
    Sitemap,
    Robots,
}

/// One planned output file.
#[derive(Debug, Clone)]
pub struct Planned {
    pub path: String,
    pub output: Output,
    pub fingerprint: u64,
    /// For a notice or list page, the key its fingerprint was made under (see [`PageKeys`]);
    /// else 0.
    pub key: u64,
}

/// A page's fingerprint as an earlier run made it, with the key it was made under.
#[derive(Debug, Clone, Copy)]
pub struct KeptFingerprint {
    pub key: u64,
    pub fingerprint: u64,
}

/// Pages' fingerprints an earlier run made under a key, by path.
pub type KeptFingerprints<'a> = FxHashMap<&'a str, KeptFingerprint>;

/// The fingerprints of the pages among `files` (path, key, fingerprint) made under a key.
pub fn kept_fingerprints<'a>(files: impl Iterator<Item = (&'a str, u64, u64)>) -> KeptFingerprints<'a> {
    files
        .filter(|&(_, key, _)| key != 0)
        .map(|(path, key, fingerprint)| (path, KeptFingerprint { key, fingerprint }))
        .collect()
}

/// Every rendered file of an archive.
pub struct Plan {
    pub files: Vec<Planned>,
}

impl Plan {
    /// Plans every rendered file of the archive, with its fingerprint; a notice or list page's is taken
    /// from `kept` when it was made there under the same key.
    pub fn new(pages: &Pages, kept: Option<&KeptFingerprints>) -> Plan {
        let mut outputs: Vec<(String, Output)> = pages
            .archive
            .ids()
            .map(|id| (layout::notice_page(pages.archive.url(id)), Output::Notice(id)))
            .collect();
        outputs.push((layout::HOME.into(), Output::Home));
        outputs.push((layout::search_page(), Output::Search));
        plan_indexes(pages, &mut outputs);
        outputs.push((layout::MAIN_FEED.into(), Output::MainFeed));
        outputs.push((layout::NOT_FOUND.into(), Output::NotFound));
        outputs.push((layout::API.into(), Output::Api));
        outputs.push((layout::SITEMAP.into(), Output::Sitemap));
        outputs.push((layout::ROBOTS.into(), Output::Robots));
        let mut plan = Plan {
            files: outputs
                .into_iter()
                .map(|(path, output)| Planned { path, output, fingerprint: 0, key: 0 })
                .collect(),
        };
        let hashed = pages.for_fingerprints();
        let keys = pages.page_keys();
        let made: Vec<(u64, u64)> = plan
            .files
            .par_iter()
            .map(|file| {
                let key = key(pages, &keys, file.output);
                let made_before = kept
                    .filter(|_| key != 0)
                    .and_then(|kept| kept.get(file.path.as_str()))
                    .filter(|k| k.key == key);
                let fingerprint = match made_before {
                    Some(made) => {
                        debug_assert_eq!(
                            made.fingerprint,
                            fingerprint(&hashed, &plan, file.output),
                            "{}: a fingerprint taken by its key is not the view's",
                            file.path
                        );
                        made.fingerprint
                    }
                    None => fingerprint(&hashed, &plan, file.output),
                };
                (fingerprint, key)
            })
            .collect();
        for (file, (fingerprint, key)) in plan.files.iter_mut().zip(made) {
            (file.fingerprint, file.key) = (fingerprint, key);
        }
        plan
    }

    /// The fingerprints made under a key, by path, with their keys.
    pub fn kept_fingerprints(&self) -> KeptFingerprints<'_> {
        kept_fingerprints(self.files.iter().map(|file| (file.path.as_str(), file.key, file.fingerprint)))
    }

    /// The pages a sitemap lists, each with the date it last changed: every HTML page but the
    /// 404 page and drafts.
    fn sitemap_pages(&self, pages: &Pages) -> Vec<(&str, Option<Date>)> {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html") && f.output != Output::NotFound)
            .filter(|f| !matches!(f.output, Output::Notice(id) if pages.archive.notice(id).draft))
            .map(|f| (f.path.as_str(), last_changed(pages, f.output)))
            .collect()
    }
}

fn plan_indexes(pages: &Pages, outputs: &mut Vec<(String, Output)>) {
    let page_size = pages.archive.config.page_size;
    for dimension in &pages.indexes.dimensions {
        let d = dimension.dimension;
        outputs.push((layout::dimension_page(d), Output::Dimension(d)));
        for (v, value) in dimension.values.iter().enumerate() {
            let folder = layout::value_folder(d, value);
            for page in 1..=layout::page_count(value.notices.len(), page_size) {
                outputs.push((
                    layout::list_page(&folder, page),
                    Output::ValuePage { dimension: d, value: v, year: None, page },
                ));
            }
            // A list of one year has no filter: its list is that year's.
            if layout::YEAR_FILTER_DIMENSIONS.contains(&d) && value.years.len() > 1 {
                for (y, span) in value.years.iter().enumerate() {
                    let year_folder = layout::year_folder(&folder, span.year);
                    for page in 1..=layout::page_count(span.end - span.start, page_size) {
                        outputs.push((
                            layout::list_page(&year_folder, page),
                            Output::ValuePage { dimension: d, value: v, year: Some(y), page },
                        ));
                    }
                }
            }
            if let Some(path) = layout::value_feed(d, value) {
                outputs.push((path, Output::ValueFeed { dimension: d, value: v }));
            }
        }
    }
}

/// The date a page last changed, from the notices it shows: a notice page changes with the
/// notice and with each notice that cites it or relates to it; a list with its newest notice;
/// the other pages with the archive's newest notice. Derived from the notices, so two builds
/// of one archive write the same sitemap.
fn last_changed(pages: &Pages, output: Output) -> Option<Date> {
    let archive = pages.archive;
    let date = |id: NoticeId| archive.notice(id).date;
    match output {
        Output::Notice(id) => {
            let links = archive.links(id);
            let others = links.cited_by.iter().chain(links.related_by.iter().flat_map(|(_, from)| from));
            date(id).into_iter().chain(others.filter_map(|&from| date(from))).max()
        }
        Output::ValuePage { dimension, value, .. } => {
            pages.indexes.get(dimension).values[value].notices.first().and_then(|&id| date(id))
        }
        _ => pages.indexes.newest.first().and_then(|&id| date(id)),
    }
}

/// The dimension, value and year (by its place among the value's years) of a list page.
fn listed<'p>(
    pages: &Pages<'p>,
    dimension: Dimension,
    value: usize,
    year: Option<usize>,
) -> (&'p DimensionIndex, &'p IndexValue, Option<YearSpan>) {
    let d = pages.indexes.get(dimension);
    let value = &d.values[value];
    (d, value, year.map(|y| value.years[y]))
}

/// The key of one output's fingerprint (see [`PageKeys`]): 0 for one that has none, whose
/// fingerprint is made every time.
fn key(pages: &Pages, keys: &PageKeys, output: Output) -> u64 {
    match output {
        Output::Notice(id) => keys.notice(id),
        Output::ValuePage { dimension, value, year, page } => {
            let (d, value, year) = listed(pages, dimension, value, year);
            keys.value_page(d, value, year, page)
        }
        _ => 0,
    }
}

/// The fingerprint of one output: a hash of what it is made of.
fn fingerprint(pages: &Pages, plan: &Plan, output: Output) -> u64 {
    let indexes = pages.indexes;
    match output {
        Output::Notice(id) => pages.notice_fingerprint(id),
        Output::Home => pages.fingerprint(&pages.home_page()),
        Output::Search => pages.fingerprint(&pages.search_page()),
        Output::Dimension(d) => pages.fingerprint(&pages.dimension_page(indexes.get(d))),
        Output::ValuePage { dimension, value, year, page } => {
            let (d, value, year) = listed(pages, dimension, value, year);
            pages.fingerprint(&pages.value_page(d, value, year, page))
        }
        Output::MainFeed => pages.fingerprint(&pages.main_feed()),
        Output::ValueFeed { dimension, value } => {
            pages.fingerprint(&pages.value_feed(dimension, &indexes.get(dimension).values[value]))
        }
        Output::NotFound => pages.fingerprint(&pages.not_found_page()),
        Output::Api => super::api::fingerprint(pages.archive),
        // Files of a fixed format: their text is their own fingerprint.
        Output::Sitemap => crate::hash::of(&(&pages.archive.config.base_url, plan.sitemap_pages(pages))),
        Output::Robots => crate::hash::bytes(super::feeds::robots(&pages.archive.config).as_bytes()),
    }
}

/// Renders one planned file; `body` gives a notice's body.
pub fn render(
    pages: &Pages,
    plan: &Plan,
    planned: &Planned,
    body: impl FnOnce(NoticeId) -> Result<NoticeBody, Diagnostic>,
) -> Result<Page, Diagnostic> {
    let indexes = pages.indexes;
    let html = match planned.output {
        Output::Notice(id) => pages.render_notice(id, body(id)?)?,
        Output::Home => pages.render(&pages.home_page())?,
        Output::Search => pages.render(&pages.search_page())?,
        Output::Dimension(d) => pages.render(&pages.dimension_page(indexes.get(d)))?,
        Output::ValuePage { dimension, value, year, page } => {
            let (d, value, year) = listed(pages, dimension, value, year);
            pages.render(&pages.value_page(d, value, year, page))?
        }
        Output::MainFeed => pages.render(&pages.main_feed())?,
        Output::ValueFeed { dimension, value } => {
            pages.render(&pages.value_feed(dimension, &indexes.get(dimension).values[value]))?
        }
        Output::NotFound => pages.render(&pages.not_found_page())?,
        Output::Api => {
            let mut json = Vec::new();
            super::api::write_notices_json(pages.archive, &mut json).expect("writing to memory");
            String::from_utf8(json).expect("JSON is UTF-8")
        }
        Output::Sitemap => super::feeds::sitemap(&pages.archive.config, &plan.sitemap_pages(pages)),
        Output::Robots => super::feeds::robots(&pages.archive.config),
    };
    Ok(Page { path: planned.path.clone(), html })
}

/// Writes one planned file to `out`: `api/notices.json` notice by notice, the others rendered.
pub fn write_to(
    pages: &Pages,
    plan: &Plan,
    planned: &Planned,
    body: impl FnOnce(NoticeId) -> Result<NoticeBody, Diagnostic>,
    out: &mut dyn std::io::Write,
) -> Result<(), Diagnostic> {
    let problem = |e: std::io::Error| {
        Diagnostic::error(&planned.path, 1, 1, msg!("cannot-write", error = e.to_string()))
    };
    if planned.output == Output::Api {
        return super::api::write_notices_json(pages.archive, out).map_err(problem);
    }
    let page = render(pages, plan, planned, body)?;
    out.write_all(page.html.as_bytes()).map_err(problem)
}

/// Files copied as they are (attachments of bundles, files of `static/`) must not land on a
/// generated file or on one another: each such case is an error naming both.
pub fn check_collisions(plan: &Plan, pages: &Pages, statics: &[StaticFile], root: &Path) -> Vec<Diagnostic> {
    let generated: FxHashSet<&str> = plan.files.iter().map(|f| f.path.as_str()).collect();
    let taken = |path: &str| generated.contains(path) || layout::is_reserved(path);
    let mut problems = Vec::new();
    let mut copied: HashMap<String, String> = HashMap::new();
    for entry in pages.archive.entries() {
        let notice = &entry.notice;
        for attachment in &notice.attachments {
            let path = layout::attachment(&entry.url, &attachment.name);
            if taken(&path) {
                problems.push(
                    Diagnostic::error(
                        &notice.source_path,
                        1,
                        1,
                        msg!("attachment-over-generated", name = &attachment.name, path = &path),
                    )
                    .with_help(msg!("help-rename-attachment")),
                );
            } else {
                copied.insert(path, notice.source_path.clone());
            }
        }
    }
    for file in statics {
        let StaticSource::File(source) = &file.source else { continue };
        let shown = crate::diag::display_path(root, source);
        if taken(&file.path) {
            problems.push(
                Diagnostic::error(
                    &shown,
                    1,
                    1,
                    msg!("static-over-generated", file = &shown, path = &file.path),
                )
                .with_help(msg!("help-static-over-generated")),
            );
        } else if let Some(owner) = copied.get(&file.path) {
            problems.push(Diagnostic::error(
                &shown,
                1,
                1,
                msg!("static-over-attachment", file = &shown, owner = owner, path = &file.path),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::{Kept, Options, ReadCache, Timings, prepare, read_inputs};
    use std::collections::HashSet;

    fn notice(number: &str, date: &str, title: &str, body: &str) -> String {
        format!(
            "---\nnumber: {number}\ntitle: {title}\nissuer: Văn phòng Tỉnh ủy\ndate: {date}\n---\n\n{body}\n"
        )
    }

    /// The site of the archive at `root`, planned from nothing kept.
    fn planned(root: &Path) -> crate::publish::Site {
        let (mut problems, mut timings) = (Vec::new(), Timings::start());
        let options = Options::new(root);
        let inputs = read_inputs(&options, &mut problems, &mut timings);
        let (site, _, _) =
            prepare(&options, inputs, ReadCache::default(), Kept::default(), &mut problems, &mut timings);
        site.expect("the archive builds")
    }

    /// Writes `text` into the file at `path` under `root`, making its folders.
    fn write_in(root: &Path, path: &str, text: &str) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Each notice page's key, by the name of its notice's file.
    fn keys(root: &Path) -> HashMap<String, u64> {
        let site = planned(root);
        let keys = site.pages().page_keys();
        site.archive.ids().map(|id| (site.archive.notice(id).source_path.clone(), keys.notice(id))).collect()
    }

    #[test]
    fn a_notice_pages_key_moves_with_the_notices_it_shows_and_with_them_only() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| write_in(dir.path(), path, text);
        write("site.yaml", "title: Kho thử\n");
        let cited = |title: &str, body: &str| notice("01-KH/VPTU", "2024-03-01", title, body);
        let citing = notice("02-TB/VPTU", "2024-04-02", "Thông báo lịch họp", "Theo Kế hoạch số 01-KH/VPTU.");
        let apart = |body: &str| notice("05-BC/VPTU", "2024-06-05", "Báo cáo quý", body);
        write("content/a.md", &cited("Kế hoạch kiểm tra hồ sơ", "Mở đầu."));
        write("content/b.md", &citing);
        write("content/c.md", &apart("Số liệu quý."));
        let before = keys(dir.path());
        assert_eq!(before, keys(dir.path()), "the same archive, the same keys");
        // (edit, files whose page's key moves): a notice's page and every page that links it,
        // whatever the edit (a link may show any of its record), and no other.
        let edits: [(&str, String, &[&str]); 3] = [
            ("content/a.md", cited("Kế hoạch rà soát hồ sơ", "Mở đầu."), &["content/a.md", "content/b.md"]),
            (
                "content/a.md",
                cited("Kế hoạch kiểm tra hồ sơ", "Mở đầu, sửa lại."),
                &["content/a.md", "content/b.md"],
            ),
            ("content/c.md", apart("Số liệu quý, sửa lại."), &["content/c.md"]),
        ];
        for (path, text, moved) in edits {
            write("content/a.md", &cited("Kế hoạch kiểm tra hồ sơ", "Mở đầu."));
            write("content/c.md", &apart("Số liệu quý."));
            write(path, &text);
            let after = keys(dir.path());
            for (file, key) in &before {
                assert_eq!(
                    after[file] != *key,
                    moved.contains(&file.as_str()),
                    "{file} after an edit of {path}"
                );
            }
        }
    }

    /// Each list page's key and fingerprint, by path.
    fn list_pages(root: &Path) -> HashMap<String, (u64, u64)> {
        let site = planned(root);
        let lists = site.plan.files.iter().filter(|f| matches!(f.output, Output::ValuePage { .. }));
        lists.map(|f| (f.path.clone(), (f.key, f.fingerprint))).collect()
    }

    #[test]
    fn a_list_pages_key_moves_with_the_notices_it_lists_and_with_them_only() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| write_in(dir.path(), path, text);
        // One notice a page: each list page shows one notice.
        write("site.yaml", "title: Kho thử\npage_size: 1\n");
        let first = |title: &str, body: &str| notice("01-KH/VPTU", "2024-03-01", title, body);
        write("content/a.md", &first("Kế hoạch kiểm tra hồ sơ", "Mở đầu."));
        write("content/b.md", &notice("02-TB/VPTU", "2024-04-02", "Thông báo lịch họp", "Nội dung."));
        write("content/c.md", &notice("05-BC/VPTU", "2023-06-05", "Báo cáo quý", "Số liệu."));
        let before = list_pages(dir.path());
        assert!(before.len() > 6, "pages of several lists: {before:?}");
        assert!(before.values().all(|&(key, _)| key != 0));
        let moved = |text: String| {
            write("content/a.md", &text);
            let after = list_pages(dir.path());
            assert_eq!(after.len(), before.len());
            // The pages where the key, and where the fingerprint, moved.
            let moved_where = |part: fn(&(u64, u64)) -> u64| -> HashSet<String> {
                before
                    .iter()
                    .filter(|(path, was)| part(&after[*path]) != part(was))
                    .map(|(p, _)| p.clone())
                    .collect()
            };
            (moved_where(|(key, _)| *key), moved_where(|(_, fingerprint)| *fingerprint))
        };
        // A title shows on every list page of its notice: their keys move with their views.
        let (by_title, shown) = moved(first("Kế hoạch rà soát hồ sơ", "Mở đầu."));
        assert!(!by_title.is_empty());
        assert_eq!(by_title, shown, "the list pages of the notice whose title changed");
        // A body shows on no list page, but the key moves with anything of the notice: on the
        // same pages, and on no other.
        let (by_body, shown) = moved(first("Kế hoạch kiểm tra hồ sơ", "Mở đầu, sửa lại."));
        assert!(shown.is_empty(), "no list shows a body: {shown:?}");
        assert_eq!(by_body, by_title);
    }

    #[test]
    fn a_fingerprint_made_for_hashing_is_that_of_the_view_a_template_receives() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| write_in(dir.path(), path, text);
        write("site.yaml", "title: Kho thử\n");
        write("content/a.md", &notice("01-KH/VPTU", "2024-03-01", "Kế hoạch kiểm tra hồ sơ", "Mở đầu."));
        write(
            "content/b.md",
            &notice(
                "02-TB/VPTU",
                "2024-04-02",
                "Thông báo lịch họp",
                "Theo Kế hoạch số 01-KH/VPTU ngày 1/3/2024.",
            ),
        );
        write(
            "content/c.md",
            &notice(
                "03-BC/VPTU",
                "2024-05-03",
                "Báo cáo",
                "Thực hiện Kế hoạch 01-KH/VPTU và Thông báo 02-TB/VPTU.",
            ),
        );
        let site = planned(dir.path());
        let pages = site.pages();
        let notices = site.plan.files.iter().filter(|f| matches!(f.output, Output::Notice(_))).count();
        assert_eq!(notices, 3);
        for planned in &site.plan.files {
            // Made from the views a template receives, every link looked up in full.
            assert_eq!(
                fingerprint(&pages, &site.plan, planned.output),
                planned.fingerprint,
                "{}",
                planned.path
            );
        }
    }
}
