//! The output of an archive, file by file: each file's path, what renders it, and a
//! fingerprint of everything it is rendered from.
//!
//! `build` renders every planned file; `serve` renders a file again only when its fingerprint
//! changed, and both render through [`render_planned`], so a preview after a series of edits
//! is byte-for-byte what a fresh build writes. Fingerprints hash what a page shows of other
//! notices (their number, title, status, URL…), not their bodies, so editing one notice's
//! body touches its page and the few lists and feeds that show its summary. Static files and
//! attachments are copied, not rendered, and are not planned here.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

// Fingerprints only compare a build with the one before: a fast hash will do.
use rustc_hash::FxHasher as DefaultHasher;

use crate::archive::{Archive, RefTarget};
use crate::diag::Diagnostic;
use crate::feeds;
use crate::index::{self, Dimension, DimensionIndex, Indexes};
use crate::render::{Page, Renderer};
use crate::theme::{StaticFile, StaticSource};

/// Notices listed on the home page.
pub const HOME_NOTICES: usize = 20;

/// What renders one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Notice(usize),
    Home,
    Search,
    Dimension(usize),
    ValuePage { dimension: usize, value: usize, page: usize },
    MainFeed,
    ValueFeed { dimension: usize, value: usize },
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
}

/// Everything the files of an archive are made from, planned.
pub struct Plan {
    pub files: Vec<Planned>,
    /// Notices newest first.
    pub newest: Vec<usize>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Plans every rendered file of the archive. `revisions[i]` changes whenever notice `i`'s
/// source changes; `theme_revision` whenever templates, labels or site.yaml change.
pub fn plan(archive: &Archive, indexes: &Indexes, revisions: &[u64], theme_revision: u64) -> Plan {
    let newest = indexes.newest.clone();
    let views: Vec<u64> = (0..archive.len()).map(|i| view_fingerprint(archive, i)).collect();
    let counts: Vec<usize> = indexes.dimensions.iter().map(|d| d.values.len()).collect();
    let global = hash_of((theme_revision, format!("{:?}", archive.config), &counts));
    let mut files = Vec::with_capacity(archive.len() + 64);
    for i in 0..archive.len() {
        let fingerprint = notice_fingerprint(archive, indexes, &views, revisions, global, i);
        files.push(Planned {
            path: format!("{}index.html", archive.urls[i]),
            output: Output::Notice(i),
            fingerprint,
        });
    }
    let home: Vec<(u64, u64)> = newest.iter().take(HOME_NOTICES).map(|&i| (views[i], revisions[i])).collect();
    let home_fingerprint = hash_of((global, &home, archive.len(), archive.stats, indexes.year_range()));
    files.push(Planned { path: "index.html".into(), output: Output::Home, fingerprint: home_fingerprint });
    let search_page = format!("{}/index.html", crate::search::DIR);
    // The search page offers type, issuer and year as filters.
    let filters: Vec<Vec<(&str, &str, usize)>> = [Dimension::Type, Dimension::Issuer, Dimension::Year]
        .iter()
        .map(|&d| values_shown(indexes.get(d)))
        .collect();
    files.push(Planned {
        path: search_page,
        output: Output::Search,
        fingerprint: hash_of((global, filters)),
    });
    plan_indexes(indexes, archive.config.page_size, &views, global, &mut files);
    let feed: Vec<u64> = feeds::feed_entries(&newest).iter().map(|&i| views[i]).collect();
    files.push(Planned {
        path: feeds::MAIN_FEED.into(),
        output: Output::MainFeed,
        fingerprint: hash_of((global, feed)),
    });
    let pages: Vec<&str> = files.iter().map(|f| f.path.as_str()).filter(|p| p.ends_with(".html")).collect();
    let sitemap = hash_of((global, &pages));
    let api = hash_of(
        files
            .iter()
            .filter(|f| matches!(f.output, Output::Notice(_)))
            .map(|f| f.fingerprint)
            .collect::<Vec<_>>(),
    );
    files.push(Planned { path: "404.html".into(), output: Output::NotFound, fingerprint: global });
    files.push(Planned { path: crate::api::PATH.into(), output: Output::Api, fingerprint: api });
    files.push(Planned { path: "sitemap.xml".into(), output: Output::Sitemap, fingerprint: sitemap });
    files.push(Planned { path: "robots.txt".into(), output: Output::Robots, fingerprint: global });
    Plan { files, newest }
}

fn plan_indexes(indexes: &Indexes, page_size: usize, views: &[u64], global: u64, files: &mut Vec<Planned>) {
    for (d, dimension) in indexes.dimensions.iter().enumerate() {
        let values = values_shown(dimension);
        files.push(Planned {
            path: dimension.page_path(),
            output: Output::Dimension(d),
            fingerprint: hash_of((global, values)),
        });
        for (v, value) in dimension.values.iter().enumerate() {
            let folder = dimension.value_folder(value);
            let total = index::page_count(value.notices.len(), page_size);
            let chunks: Vec<&[usize]> = value.notices.chunks(page_size.max(1)).collect();
            for page in 1..=total {
                let shown: Vec<u64> =
                    chunks.get(page - 1).map_or(vec![], |c| c.iter().map(|&i| views[i]).collect());
                let fingerprint = hash_of((global, &value.name, &folder, page, total, shown));
                let output = Output::ValuePage { dimension: d, value: v, page };
                files.push(Planned { path: index::list_page_path(&folder, page), output, fingerprint });
            }
            if let Some(path) = feeds::value_feed_path(dimension, value) {
                let entries: Vec<u64> =
                    feeds::feed_entries(&value.notices).iter().map(|&i| views[i]).collect();
                let output = Output::ValueFeed { dimension: d, value: v };
                files.push(Planned { path, output, fingerprint: hash_of((global, &value.name, entries)) });
            }
        }
    }
}

/// What a page listing a dimension's values shows of them: name, link and count.
fn values_shown(dimension: &DimensionIndex) -> Vec<(&str, &str, usize)> {
    dimension.values.iter().map(|v| (v.name.as_str(), v.slug.as_str(), v.notices.len())).collect()
}

/// What another page shows of notice `i`: identity, title, status, URL, summary.
fn view_fingerprint(archive: &Archive, i: usize) -> u64 {
    let n = &archive.notices[i];
    hash_of((
        n.number.as_ref().map(|n| &n.written),
        &n.title,
        &n.doc_type,
        n.date,
        &archive.urls[i],
        archive.effective_status(i),
        &n.issuer,
        n.summary_text(),
        n.draft,
    ))
}

/// Everything notice `i`'s page is made from: its source, and what it shows of others.
fn notice_fingerprint(
    archive: &Archive,
    indexes: &Indexes,
    views: &[u64],
    revisions: &[u64],
    global: u64,
    i: usize,
) -> u64 {
    let links = &archive.links[i];
    let notice = &archive.notices[i];
    let mut h = DefaultHasher::default();
    (global, revisions[i], &archive.urls[i], archive.effective_status(i)).hash(&mut h);
    for target in &links.references {
        match target {
            RefTarget::Notice(t) => (0u8, views[*t]).hash(&mut h),
            RefTarget::OwnNumber => 1u8.hash(&mut h),
            RefTarget::Unresolved => 2u8.hash(&mut h),
            RefTarget::Ambiguous(_) => 3u8.hash(&mut h),
        }
    }
    let view_list = |list: &[usize]| list.iter().map(|&t| views[t]).collect::<Vec<_>>();
    (view_list(&links.cites), view_list(&links.cited_by)).hash(&mut h);
    for o in &links.outside {
        (&o.key, &o.text, o.ambiguous).hash(&mut h);
    }
    for (kind, targets) in &links.relations {
        kind.hash(&mut h);
        for t in targets {
            (&t.key, &t.written, t.notice.map(|n| views[n])).hash(&mut h);
        }
    }
    for (kind, sources) in &links.related_by {
        (kind, view_list(sources)).hash(&mut h);
    }
    links.ended_by.map(|(t, d)| (views[t], d)).hash(&mut h);
    (links.previous.map(|t| views[t]), links.next.map(|t| views[t])).hash(&mut h);
    let folder = |d: Dimension, name: &str| indexes.folder_of(d, name);
    (
        folder(Dimension::Type, &notice.doc_type),
        folder(Dimension::Issuer, &notice.issuer),
        notice.year().and_then(|y| folder(Dimension::Year, &y.to_string())),
        notice.signer.as_ref().and_then(|s| folder(Dimension::Signer, &s.name)),
        notice.tags.iter().map(|t| folder(Dimension::Tag, t)).collect::<Vec<_>>(),
    )
        .hash(&mut h);
    h.finish()
}

/// Output paths that hold generated files other than the planned ones: Gazette's own folder
/// and the search index.
fn is_reserved(path: &str) -> bool {
    path.starts_with(".gazette/")
        || path == "search/manifest.json"
        || path.starts_with("search/terms/")
        || path.starts_with("search/docs/")
}

/// Files copied as they are (attachments of bundles, files of `static/`) must not land on a
/// generated file or on one another: each such case is an error naming both.
pub fn check_collisions(
    plan: &Plan,
    archive: &Archive,
    statics: &[StaticFile],
    root: &Path,
) -> Vec<Diagnostic> {
    let generated: HashSet<&str> = plan.files.iter().map(|f| f.path.as_str()).collect();
    let taken = |path: &str| generated.contains(path) || is_reserved(path);
    let mut problems = Vec::new();
    let mut copied: HashMap<String, String> = HashMap::new();
    for (notice, url) in archive.notices.iter().zip(&archive.urls) {
        for attachment in &notice.attachments {
            let path = format!("{url}{}", attachment.name);
            if taken(&path) {
                problems.push(
                    Diagnostic::error(
                        &notice.source_path,
                        1,
                        1,
                        format!(
                            "attachment `{}` would be written over the generated {path}",
                            attachment.name
                        ),
                    )
                    .with_help("rename the attachment"),
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
                    format!("{shown} would be written over the generated {}", file.path),
                )
                .with_help("rename or move the file: Gazette writes that path itself"),
            );
        } else if let Some(owner) = copied.get(&file.path) {
            problems.push(Diagnostic::error(
                &shown,
                1,
                1,
                format!("{shown} and an attachment of {owner} would both be written to {}", file.path),
            ));
        }
    }
    problems
}

/// Renders one planned file.
pub fn render_planned(renderer: &Renderer, plan: &Plan, planned: &Planned) -> Result<Page, Diagnostic> {
    let archive = renderer.archive;
    let indexes = renderer.indexes;
    let page = |html: String| Ok(Page { path: planned.path.clone(), html });
    match planned.output {
        Output::Notice(i) => renderer.notice_page(i),
        Output::Home => renderer.home_page(&plan.newest[..plan.newest.len().min(HOME_NOTICES)]),
        Output::Search => renderer.search_page(),
        Output::Dimension(d) => renderer.dimension_page(&indexes.dimensions[d]),
        Output::ValuePage { dimension, value, page } => {
            let d = &indexes.dimensions[dimension];
            renderer.value_page(d, &d.values[value], page)
        }
        Output::MainFeed => feeds::main_feed(archive, renderer.theme, &plan.newest),
        Output::ValueFeed { dimension, value } => {
            let d = &indexes.dimensions[dimension];
            feeds::value_feed(archive, renderer.theme, d, &d.values[value])
        }
        Output::NotFound => renderer.not_found_page(),
        Output::Api => page(crate::api::notices_json(archive)),
        Output::Sitemap => {
            let pages: Vec<String> = plan
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html") && f.output != Output::NotFound)
                .map(|f| f.path.clone())
                .collect();
            page(feeds::sitemap(archive, &pages))
        }
        Output::Robots => page(feeds::robots(archive)),
    }
}
