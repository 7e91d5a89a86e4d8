//! Search: the index that the search page's script (`search.js` of the default theme) reads in
//! the browser. This module owns which terms are indexed, their weights, and the files of the
//! index, and updates them from one build to the next touching only the files that change;
//! folding and cutting text is [`text`]'s, the page itself `html`'s, the script the theme's.
//!
//! # Files (under `search/` of the output)
//!
//! Every file is a small script that hands its data to the page, `gazetteSearchData(NAME,
//! DATA);`, so that the index loads with `<script>` elements both over HTTP and from a folder
//! opened in the browser (`file://`), where pages may not fetch files.
//!
//! - `manifest.js` (`NAME` = `"manifest"`): `{"format": 2, "version": "…", "docs": N,
//!   "doc_shard_size": K, "term_shards": S}`. Load the other files with `?v=<version>`, which
//!   changes whenever the index does.
//! - `terms/<i>.js` (`"terms/<i>"`): one *term shard*, an object from term to postings. A term
//!   is in shard `fnv1a32(utf8(term)) mod S`, where `fnv1a32` is 32-bit FNV-1a over the
//!   term's UTF-8 bytes and `S`, a power of two, grows with the number of documents.
//! - `docs/<j>.js` (`"docs/<j>"`): an array of the documents `j*K … j*K+K-1`, each
//!   `{"url", "number", "type", "title", "issuer", "date", "excerpt"}`: `url` relative to the
//!   output root, `date` ISO (`number` and `date` are null for a draft without them), `excerpt`
//!   the summary or first paragraph, shortened.
//!
//! Document ids number the published notices oldest first (by date, then number, then source
//! file), so a new notice takes the next id and leaves every other id as it was; among equal
//! scores the higher id is the newer notice.
//!
//! Postings are a list of groups `[w, first, delta, delta, …]`: every document of a group has
//! weight `w`; the first id is given as it is, each next one as its difference from the one
//! before. The weight is the sum of [`IN_NUMBER`] (8: a part of the notice's own number, from
//! its canonical key), [`IN_HEADING`] (4: in the title, type, issuer or a tag) and the
//! frequency in the summary and body text: 0 absent, 1 once, 2 two to four times, 3 five times
//! or more.
//!
//! Terms are the tokens and bigrams of [`text`], plus filter terms `#type:<slug>`,
//! `#issuer:<slug>` and `#year:<yyyy>` (weight 0), whose slugs are those of the index pages
//! (`loai/<slug>/`, `co-quan/<slug>/`, `nam/<yyyy>/`).

pub mod text;

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use serde::Serialize;

use super::html::Page;
use super::layout;
use crate::archive::indexes::{Dimension, Indexes};
use crate::archive::{Archive, NoticeId};
use crate::content::Notice;
use text::{Terms, fold, plain_text};

/// Version of the file layout described above; the script refuses another.
pub const FORMAT: u32 = 2;
/// Documents per metadata shard: some 6 KiB each.
pub const DOC_SHARD_SIZE: usize = 20;
/// Documents per term shard, on average: the number of term shards is the next power of two,
/// and at least [`MIN_TERM_SHARDS`].
const DOCS_PER_TERM_SHARD: usize = 10;
const MIN_TERM_SHARDS: usize = 16;
/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 280;

/// Weight flag: the term is part of the notice's own number.
pub const IN_NUMBER: u8 = 8;
/// Weight flag: the term is in the title, type, issuer or a tag.
pub const IN_HEADING: u8 = 4;

/// How many term shards an index of `docs` documents has.
pub fn term_shard_count(docs: usize) -> usize {
    docs.div_ceil(DOCS_PER_TERM_SHARD).next_power_of_two().max(MIN_TERM_SHARDS)
}

/// The term shard of a term: 32-bit FNV-1a of its UTF-8 bytes, modulo the (power of two)
/// number of shards.
pub fn term_shard(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize & (shards - 1)
}

/// The published notices in document-id order: oldest first.
pub fn doc_order(archive: &Archive) -> Vec<NoticeId> {
    let mut order: Vec<NoticeId> = archive.ids().collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (archive.notice(a), archive.notice(b));
        (x.date, x.number.as_ref().map(|n| n.seq), &x.source_path).cmp(&(
            y.date,
            y.number.as_ref().map(|n| n.seq),
            &y.source_path,
        ))
    });
    order
}

/// Body frequency bucket of the weight.
fn frequency_weight(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 3,
    }
}

/// Every term of one notice with its weight.
pub fn notice_terms(notice: &Notice, body_html: &str, mut visit: impl FnMut(&str, u8)) {
    let mut fields: Vec<(Terms, u8)> = Vec::with_capacity(4 + notice.tags.len());
    if let Some(key) = notice.key() {
        fields.push((Terms::new(&fold(key)), IN_NUMBER));
    }
    for text in [&notice.title, &notice.doc_type, &notice.issuer].into_iter().chain(&notice.tags) {
        fields.push((Terms::new(&fold(text)), IN_HEADING));
    }
    let mut body = notice.summary.clone().unwrap_or_default();
    body.push('\n');
    body.push_str(&plain_text(body_html));
    let body = Terms::new(&fold(&body));

    // Terms are many and short, and nobody chooses them to collide: a fast hash will do.
    let mut weights: HashMap<&str, (u8, u32), FxBuildHasher> =
        HashMap::with_capacity_and_hasher(2048, FxBuildHasher);
    for (terms, flag) in &fields {
        terms.for_each(|t| weights.entry(t).or_default().0 |= flag);
    }
    body.for_each(|t| weights.entry(t).or_default().1 += 1);
    for (term, (flags, count)) in weights {
        visit(term, flags | frequency_weight(count));
    }
}

/// One notice as the result list shows it.
#[derive(Serialize)]
struct DocRecord<'a> {
    url: &'a str,
    number: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    issuer: &'a str,
    date: Option<String>,
    excerpt: String,
}

fn doc_record(archive: &Archive, id: NoticeId) -> DocRecord<'_> {
    let notice = archive.notice(id);
    DocRecord {
        url: archive.url(id),
        number: notice.number.as_ref().map(|n| n.written.as_str()),
        doc_type: &notice.doc_type,
        title: &notice.title,
        issuer: &notice.issuer,
        date: notice.date.map(|d| d.to_string()),
        excerpt: shorten(notice.summary_text(), EXCERPT_CHARS),
    }
}

/// Whitespace collapsed, cut at a space before `max` characters with `…` when longer.
fn shorten(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut = collapsed.char_indices().nth(max).map_or(collapsed.len(), |(i, _)| i);
    let head = &collapsed[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Postings of one term: `(doc id << 4) | weight`, ids ascending.
type Postings = Vec<u32>;
type PostingMap = HashMap<String, Postings, FxBuildHasher>;

/// Appends the postings of a later run of documents to those of an earlier one.
fn merge_postings(mut earlier: PostingMap, later: PostingMap) -> PostingMap {
    for (term, list) in later {
        match earlier.get_mut(term.as_str()) {
            Some(existing) => existing.extend(list),
            None => {
                earlier.insert(term, list);
            }
        }
    }
    earlier
}

/// The index files of an archive, as pages to write under the output root. `body_html` gives
/// each notice's body.
pub fn index_files<B>(archive: &Archive, indexes: &Indexes, body_html: B) -> Vec<Page>
where
    B: Fn(NoticeId) -> String + Sync,
{
    let order = doc_order(archive);
    let mut doc_of = vec![0u32; archive.len()];
    for (doc, &id) in order.iter().enumerate() {
        doc_of[id.index()] = doc as u32;
    }
    let mut postings = order
        .par_iter()
        .enumerate()
        .fold(PostingMap::default, |mut map, (doc, &id)| {
            notice_terms(archive.notice(id), &body_html(id), |term, weight| {
                let posting = ((doc as u32) << 4) | u32::from(weight);
                match map.get_mut(term) {
                    Some(list) => list.push(posting),
                    None => {
                        map.insert(term.to_string(), vec![posting]);
                    }
                }
            });
            map
        })
        .reduce(PostingMap::default, merge_postings);
    for list in postings.values_mut() {
        if !list.is_sorted() {
            list.sort_unstable();
        }
    }
    add_filter_terms(indexes, &doc_of, &mut postings);

    let term_shards = term_shards(postings, term_shard_count(order.len()));
    let records: Vec<String> = order
        .par_iter()
        .map(|&id| serde_json::to_string(&doc_record(archive, id)).expect("records serialise"))
        .collect();
    let doc_shards: Vec<String> =
        records.chunks(DOC_SHARD_SIZE).enumerate().map(|(j, chunk)| doc_shard(j, chunk)).collect();
    let version = version_of(term_shards.iter().chain(&doc_shards));
    let manifest = serde_json::json!({
        "format": FORMAT,
        "version": version,
        "docs": order.len(),
        "doc_shard_size": DOC_SHARD_SIZE,
        "term_shards": term_shards.len(),
    });
    let mut files = vec![Page {
        path: layout::search_file("manifest.js"),
        html: script("manifest", &manifest.to_string()),
    }];
    files.extend(term_shards.into_iter().enumerate().map(|(i, html)| Page { path: term_path(i), html }));
    files.extend(doc_shards.into_iter().enumerate().map(|(j, html)| Page { path: doc_path(j), html }));
    files
}

/// `search/terms/3.js`.
pub fn term_path(shard: usize) -> String {
    layout::search_file(&format!("terms/{shard}.js"))
}

/// `search/docs/3.js`.
pub fn doc_path(shard: usize) -> String {
    layout::search_file(&format!("docs/{shard}.js"))
}

/// A file of the index: a script that hands `data` to the page under `name`.
fn script(name: &str, data: &str) -> String {
    format!("gazetteSearchData(\"{name}\",{data});\n")
}

/// `#type:<slug>`, `#issuer:<slug>`, `#year:<yyyy>`: the notices of each value, weight 0.
fn add_filter_terms(indexes: &Indexes, doc_of: &[u32], postings: &mut PostingMap) {
    for (dimension, name) in
        [(Dimension::Type, "type"), (Dimension::Issuer, "issuer"), (Dimension::Year, "year")]
    {
        for value in &indexes.get(dimension).values {
            let mut docs: Vec<u32> = value.notices.iter().map(|&id| doc_of[id.index()] << 4).collect();
            docs.sort_unstable();
            postings.insert(format!("#{name}:{}", value.slug), docs);
        }
    }
}

/// Postings as JSON: groups `[w, first id, delta, delta, …]`, by ascending weight.
fn postings_json(postings: &[u32], out: &mut String) {
    let mut groups: [Vec<u32>; 16] = Default::default();
    for &p in postings {
        groups[(p & 15) as usize].push(p >> 4);
    }
    out.push('[');
    let mut first_group = true;
    for (weight, ids) in groups.iter().enumerate().filter(|(_, ids)| !ids.is_empty()) {
        if !first_group {
            out.push(',');
        }
        first_group = false;
        let _ = write!(out, "[{weight}");
        let mut previous = 0;
        for (i, &id) in ids.iter().enumerate() {
            let _ = write!(out, ",{}", if i == 0 { id } else { id - previous });
            previous = id;
        }
        out.push(']');
    }
    out.push(']');
}

/// The term shards: each term in the shard its hash names, terms of a shard in byte order.
fn term_shards(postings: PostingMap, shards: usize) -> Vec<String> {
    let mut by_shard: Vec<Vec<(String, Postings)>> = vec![Vec::new(); shards];
    for (term, list) in postings {
        by_shard[term_shard(&term, shards)].push((term, list));
    }
    by_shard
        .into_par_iter()
        .enumerate()
        .map(|(i, mut terms)| {
            terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut json = String::from("{");
            for (n, (term, list)) in terms.iter().enumerate() {
                if n > 0 {
                    json.push(',');
                }
                json.push_str(&serde_json::to_string(term).expect("strings serialise"));
                json.push(':');
                postings_json(list, &mut json);
            }
            json.push('}');
            script(&format!("terms/{i}"), &json)
        })
        .collect()
}

fn doc_shard(shard: usize, records: &[String]) -> String {
    script(&format!("docs/{shard}"), &format!("[{}]", records.join(",")))
}

/// A hash of the index files, as hex: changes whenever a file does.
fn version_of<'a>(files: impl Iterator<Item = &'a String>) -> String {
    let mut hash = crate::hash::Stable::new();
    for file in files {
        hash.str(file);
    }
    format!("{:016x}", hash.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_at_a_space() {
        assert_eq!(shorten("  một   hai ", 20), "một hai");
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
    }

    #[test]
    fn postings_are_grouped_by_weight_and_delta_coded() {
        let mut out = String::new();
        postings_json(&[(3 << 4) | 1, (5 << 4) | 4, (9 << 4) | 1, (12 << 4) | 1], &mut out);
        assert_eq!(out, "[[1,3,6,3],[4,5]]");
    }

    #[test]
    fn terms_go_to_the_shard_their_hash_names() {
        // FNV-1a 32 of "" and of "a", as the algorithm defines them.
        assert_eq!(term_shard("", 1 << 31), 0x811c_9dc5 & ((1 << 31) - 1));
        assert_eq!(term_shard("a", 1 << 31), 0xe40c_292c & ((1 << 31) - 1));
        assert_eq!(term_shard_count(0), 16);
        assert_eq!(term_shard_count(160), 16);
        assert_eq!(term_shard_count(161), 32);
        assert_eq!(term_shard_count(10_000), 1024);
        let mut postings = PostingMap::default();
        for i in 0..3000u32 {
            postings.insert(format!("t{i} đ"), vec![i << 4 | 1]);
        }
        let shards = term_shards(postings, 64);
        for (i, shard) in shards.iter().enumerate() {
            let json = shard.strip_prefix(&format!("gazetteSearchData(\"terms/{i}\",")).unwrap();
            let json = json.strip_suffix(");\n").unwrap();
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).unwrap();
            assert!(!map.is_empty());
            assert!(map.keys().all(|term| term_shard(term, 64) == i));
        }
    }
}
