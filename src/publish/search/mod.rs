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
//! - `manifest.js` (`NAME` = `"manifest"`): `{"format": 4, "version": "…", "docs": N,
//!   "doc_shard_size": K, "term_shards": S}`. Load the other files with `?v=<version>`, which
//!   changes whenever the index does.
//! - `terms/<i>.js` (`"terms/<i>"`): one *term shard*, an object from term to postings. A term
//!   is in shard `fnv1a32(utf8(fold(term))) mod S`, where `fnv1a32` is 32-bit FNV-1a over the
//!   UTF-8 bytes of the folded term and `S`, a power of two, grows with the number of documents:
//!   an exact form is in the shard of its folded form, so one shard answers for both.
//! - `phrases/<i>.js` (`"phrases/<i>"`): where the bigrams of term shard `i` stand, and the
//!   *pairs* of its shard (neighbouring tokens joined as a bigram's are, with a number among
//!   them: `"dieu 5"`; no terms of the index), for the quoted phrases that their bigrams alone
//!   do not settle. An object from bigram or pair to a string of numbers, five bits a character,
//!   lowest first, each character of `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef` ending a number and each
//!   of `ghijklmnopqrstuvwxyz0123456789-_` followed by more. For each notice holding it: its id
//!   (the first as it is, each next as its difference from the one before), the number of
//!   places, the first, then the difference of each from the one before. A place counts the
//!   tokens before its first token, the notice's number, title, type, issuer and tags one after
//!   the other; its summary and body follow from the next multiple of 256. When they have more
//!   than one line (paragraph, heading, item, cell), each line takes a run of 64 places (more
//!   for a longer line) at a slot chosen by a hash of the line, so that an edit of the title,
//!   or of one line, or a line added or taken, leaves the places of the other lines' words as
//!   they were (see `text::LINE_PLACES`). Words of a phrase are neighbours on one line: one
//!   place apart. The places of a notice are listed ascending, not in the order of its lines.
//! - `docs/<j>.js` (`"docs/<j>"`): an array of the documents `j*K … j*K+K-1`, each
//!   `{"url", "number", "type", "title", "issuer", "date", "excerpt"}`: `url` relative to the
//!   output root, `date` ISO (`number` and `date` are null for a draft without them), `excerpt`
//!   the summary or first paragraph, shortened.
//!
//! Document ids number the published notices oldest first (by date, then by the name of the
//! source file, the numbers in it read as numbers: `tb-9.md` before `tb-10.md`), so a new
//! notice takes the next id and leaves every other id as it was, and an edit of a number
//! moves none; among equal scores the higher id is the newer notice.
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
//! (`loai/<slug>/`, `co-quan/<slug>/`, `nam/<yyyy>/`), plus the *exact forms* of [`text`]
//! (`"lâm"`, `"đảng"`: the words as written, with their marks, where that is not their folded
//! form), with weight 0: they say which notices hold a word with the diacritics a reader typed.
//! The postings of an exact form are given by its folded form's when that is shorter: the string
//! `"="` when the notices are the same (a word written one way only, as most are), or
//! `{"not": [first id, delta, …]}`, the folded form's notices but these (a common word, such as
//! "ngày", that a few notices hold only as a twin, "ngay").
//!
//! A quoted phrase is matched by the notices holding all of its words and bigrams (every pair
//! of neighbouring words, folded). For two words without a number that is exact; for three or
//! more, or with a number, the script then keeps, by the phrase files, the notices where its
//! pairs of words stand one after the other as in the phrase.

mod compact;
mod kept;
mod places;
mod shard_file;
mod shards;
mod terms;
pub mod text;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use serde::Serialize;

use super::layout;
use super::spill::Spill;
use crate::archive::indexes::{Dimension, Indexes};
use crate::archive::{Archive, NoticeId};
use crate::content::Notice;
use crate::diag::Diagnostic;
pub use compact::DocTerms;
use compact::{DocTermsBuilder, PostingList};
pub use kept::{DocTermsKept, DocTermsPiece};
use places::{Placed, Places, place_key};
use shards::{Sharded, all_terms, update_terms};
use terms::notice_terms;
use text::fold;

/// Version of the file layout described above; the script refuses another.
pub const FORMAT: u32 = 4;
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

/// The term shard of a term: its [`term_hash`] modulo the (power of two) number of shards.
pub fn term_shard(term: &str, shards: usize) -> usize {
    term_hash(term) as usize & (shards - 1)
}

/// 32-bit FNV-1a of the UTF-8 bytes of a term's folded form. Tokens, bigrams and filter terms
/// are their own folded form.
pub fn term_hash(term: &str) -> u32 {
    let folded;
    let key = if term.is_ascii() {
        term
    } else {
        folded = fold(term);
        &folded
    };
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The published notices in document-id order: oldest first, those of one day in the order of
/// their files' paths (see [`path_order`]), which an edit of a number does not move (ids that
/// move make every shard of the documents moved again). Drafts are not searched.
pub fn doc_order(archive: &Archive) -> Vec<NoticeId> {
    let mut order: Vec<NoticeId> = archive.published().collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (archive.notice(a), archive.notice(b));
        x.date.cmp(&y.date).then_with(|| path_order(&x.source_path, &y.source_path))
    });
    order
}

/// Paths in the order a person reads them: runs of digits compared as numbers (`tb-9.md`
/// before `tb-10.md`, as a series of notices named by their numbers was issued), the rest byte
/// by byte; paths that differ only in leading zeros by their bytes.
fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (m, n) = (digits(x), digits(y));
                let (p, q) = (trim_zeros(&x[..m]), trim_zeros(&y[..n]));
                let by_value = p.len().cmp(&q.len()).then_with(|| p.cmp(q));
                if by_value.is_ne() {
                    return by_value;
                }
                (x, y) = (&x[m..], &y[n..]);
            }
            (Some(p), Some(q)) if p == q => (x, y) = (&x[1..], &y[1..]),
            (Some(p), Some(q)) => return p.cmp(q),
            (p, q) => return p.cmp(&q).then_with(|| a.cmp(b)),
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&c| c == b'0').count();
    &digits[zeros..]
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
        excerpt: crate::text::shorten(notice.summary_text(), EXCERPT_CHARS),
    }
}

/// Postings of one term: `(doc id << 4) | weight`, ids ascending.
type Postings = Vec<u32>;
pub type PostingMap = HashMap<String, Postings, FxBuildHasher>;
/// Where each bigram or pair of a shard stands.
pub type PlaceMap = HashMap<String, Placed, FxBuildHasher>;
/// Postings of terms while notices are read, compact: by slot (a notice's place in the run).
type GatherMap = HashMap<String, PostingList, FxBuildHasher>;

/// What an index remembers for the next build: each document's source and hash and what it
/// gives the term shards (see [`DocTerms`]), and each term shard's hash and that of its filter
/// terms.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchState {
    shards: usize,
    /// By document id: the notice's source file, and the hash of its bytes.
    docs: Vec<(String, u64)>,
    /// By document id: what it gives the term shards. Most of a build state at a hundred
    /// thousand documents: kept apart from the rest, in pieces (see [`DocTermsKept`]).
    #[serde(skip)]
    doc_terms: DocTermsKept,
    /// By term shard: the hash of its filter terms' postings.
    filter_hashes: Vec<u64>,
    /// By term shard: the hash of the file.
    term_hashes: Vec<u64>,
    /// By term shard: the hash of its phrase file.
    phrase_hashes: Vec<u64>,
    /// By document shard: the hash of what its records are made from (see
    /// [`Docs::shard_inputs`]) and the hash of the file.
    doc_hashes: Vec<(u64, u64)>,
}

impl SearchState {
    /// What each document gives the term shards, by document id: kept with the state apart
    /// from the rest, which is encoded without it.
    pub fn doc_terms(&self) -> &DocTermsKept {
        &self.doc_terms
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// A state of as many documents as `doc_terms`, for tests of what keeps it.
    #[cfg(test)]
    pub fn of_doc_terms(doc_terms: Vec<DocTerms>) -> SearchState {
        let docs = (0..doc_terms.len()).map(|doc| (format!("content/{doc}.md"), doc as u64)).collect();
        SearchState { docs, doc_terms: DocTermsKept::made(doc_terms), ..SearchState::default() }
    }

    /// The state with the documents' terms read back apart from the rest.
    pub fn with_doc_terms(self, doc_terms: DocTermsKept) -> SearchState {
        SearchState { doc_terms, ..self }
    }

    /// Whether every term shard it remembers is in the output as it was written: `written`
    /// says whether the file at a path has a hash.
    pub fn intact(&self, written: impl Fn(&str, u64) -> bool) -> bool {
        self.term_hashes.iter().enumerate().all(|(i, &hash)| written(&term_path(i), hash))
            && self.phrase_hashes.iter().enumerate().all(|(i, &hash)| written(&phrase_path(i), hash))
            && self.doc_hashes.iter().enumerate().all(|(j, &(_, hash))| written(&doc_path(j), hash))
    }
}

/// One file of the index: its contents, or `None` when it is the previous build's file, and
/// its fingerprint (the hash of its contents).
pub struct IndexFile {
    pub path: String,
    pub fingerprint: u64,
    pub contents: Option<String>,
}

/// What becomes of each file of the index as soon as it is made (written out, or kept): the
/// index never holds its files all at once.
pub type Emit<'a, T> = &'a (dyn Fn(IndexFile) -> T + Sync);

/// The index of the build before, to update.
pub struct Previous<'a> {
    pub state: &'a SearchState,
    /// The text of one of its files, by output path.
    pub read: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

/// The plain text of a notice's body, for a notice whose terms were not gathered in this run.
pub type BodySource<'a> = &'a (dyn Fn(NoticeId) -> Result<String, Diagnostic> + Sync);

/// The terms of notices being read, by slot (each notice's place in the run), as one thread
/// gathers them: compact postings, and what each notice gives the term shards, for an index of
/// up to `shards` term shards.
#[derive(Debug, Default)]
pub struct Gathering {
    postings: GatherMap,
    doc_terms: Vec<(u32, DocTerms)>,
    shards: usize,
    places: Places,
}

impl Gathering {
    /// Gathers for an index of at most `docs` documents, writing the places of bigrams to
    /// `places` (kept in memory without one).
    pub fn new(docs: usize, places: Option<Arc<Spill>>) -> Gathering {
        Gathering { shards: term_shard_count(docs), places: Places::new(places), ..Gathering::default() }
    }

    /// Adds one notice's terms; slots are added in ascending order.
    pub fn add(&mut self, slot: u32, notice: &Notice, body_text: &str) {
        let mut entries = DocTermsBuilder::new(self.shards);
        notice_terms(notice, body_text, |term, weight, hash, positions| {
            if let Some(weight) = weight {
                match self.postings.get_mut(term) {
                    Some(list) => list.push(slot, weight),
                    None => {
                        let mut list = PostingList::default();
                        list.push(slot, weight);
                        self.postings.insert(term.to_string(), list);
                    }
                }
            }
            if !positions.is_empty() {
                // A bigram is named by its postings; a pair, which has none, by itself.
                let name = if weight.is_some() { "" } else { term };
                self.places.add(place_key(term, hash), name, slot, positions);
            }
            entries.add(term, hash, weight, positions);
        });
        self.doc_terms.push((slot, entries.finish()));
    }

    /// The terms of this run of notices and of a later one.
    pub fn merge(mut self, mut later: Gathering) -> Gathering {
        // The smaller map is merged into the larger, each list kept in order.
        if self.postings.len() >= later.postings.len() {
            for (term, list) in later.postings {
                match self.postings.get_mut(term.as_str()) {
                    Some(existing) => existing.append(list),
                    None => {
                        self.postings.insert(term, list);
                    }
                }
            }
        } else {
            for (term, mut list) in self.postings {
                if let Some(existing) = later.postings.get_mut(term.as_str()) {
                    list.append(std::mem::take(existing));
                    *existing = list;
                } else {
                    later.postings.insert(term, list);
                }
            }
            self.postings = later.postings;
        }
        self.doc_terms.extend(later.doc_terms);
        self.shards = self.shards.max(later.shards);
        self.places = self.places.merge(later.places);
        self
    }
}

/// The terms of the notices read in this run, gathered while reading.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Postings by slot.
    postings: GatherMap,
    /// By slot: the notice it became, if published.
    notice_of: Vec<Option<NoticeId>>,
    /// By notice id: what its terms give the term shards (for an index of `shards` term
    /// shards), when its terms are here.
    doc_terms: Vec<Option<DocTerms>>,
    shards: usize,
    /// Where bigrams stand, by slot.
    places: Places,
}

impl Gathered {
    /// The terms gathered in a run: `notice_of[slot]` is the notice each slot became, `None`
    /// for a notice that is not published. `count` is the number of notices.
    pub fn new(gathering: Gathering, notice_of: Vec<Option<NoticeId>>, count: usize) -> Self {
        let Gathering { mut postings, doc_terms: by_slot, shards, mut places } = gathering;
        places.finish();
        let mut doc_terms = vec![None; count];
        for (slot, set) in by_slot {
            if let Some(id) = notice_of[slot as usize] {
                doc_terms[id.index()] = Some(set);
            }
        }
        postings.values_mut().for_each(PostingList::shrink_to_fit);
        Gathered { postings, notice_of, doc_terms, shards, places }
    }
}

/// The document id of a notice that is not in the index.
const NOT_SEARCHED: u32 = u32::MAX;

/// The documents of an index, in id order, with what identifies them across builds.
struct Docs {
    order: Vec<NoticeId>,
    /// Document id of each notice, by notice id.
    doc_of: Vec<u32>,
    shards: usize,
    /// By document: a hash of what its terms and record are read from (the file's bytes and
    /// the settings that change how it is read, see `content::read_key`).
    source_hashes: Vec<u64>,
}

impl Docs {
    fn new(archive: &Archive) -> Docs {
        let order = doc_order(archive);
        let mut doc_of = vec![NOT_SEARCHED; archive.len()];
        for (doc, &id) in order.iter().enumerate() {
            doc_of[id.index()] = doc as u32;
        }
        let read_key = crate::content::read_key(&archive.config);
        let source_hashes = order
            .par_iter()
            .map(|&id| crate::hash::Stable::new().u64(archive.notice(id).source_hash).u64(read_key).finish())
            .collect();
        Docs { shards: term_shard_count(order.len()), order, doc_of, source_hashes }
    }

    /// What identifies each document's terms across builds, by id: its file, and the hash of
    /// what its terms are made from.
    fn keys<'n>(&self, archive: &'n Archive) -> Vec<(&'n str, u64)> {
        let paths = self.order.iter().map(|&id| archive.notice(id).source_path.as_str());
        paths.zip(self.source_hashes.iter().copied()).collect()
    }

    /// By document shard: a hash of what its records are made from. A record is the notice's
    /// own (read from its file as its terms are: see [`Self::keys`]) but for its URL.
    fn shard_inputs(&self, archive: &Archive) -> Vec<u64> {
        self.order
            .par_chunks(DOC_SHARD_SIZE)
            .zip(self.source_hashes.par_chunks(DOC_SHARD_SIZE))
            .map(|(chunk, source_hashes)| {
                let mut hash = crate::hash::Stable::new();
                for (&id, &source_hash) in chunk.iter().zip(source_hashes) {
                    hash.str(&archive.notice(id).source_path).u64(source_hash).str(archive.url(id));
                }
                hash.finish()
            })
            .collect()
    }
}

/// The index files of an archive, updated from `previous` where it can be: only the term
/// shards that hold a changed, added, removed or renumbered document are made again, and the
/// others are the previous build's files. The terms of the notices read in this run are
/// `gathered`; `body` gives the text of another notice when its terms are needed. Each file
/// is handed to `emit` as soon as it is made; what `emit` returns comes back in file order,
/// the manifest first.
pub fn index<T: Send>(
    archive: &Archive,
    indexes: &Indexes,
    gathered: Gathered,
    body: BodySource,
    previous: Option<Previous>,
    emit: Emit<T>,
) -> Result<(Vec<T>, SearchState), Diagnostic> {
    let docs = Docs::new(archive);
    let terms = Sharded::new(archive, &docs, gathered);
    let filters = Filters::new(indexes, &docs);
    let old_docs = previous.as_ref().map_or(&[][..], |p| p.state.doc_hashes.as_slice());
    let mut terms_emitted = None;
    if let Some(previous) = previous.as_ref().filter(|p| p.state.shards == docs.shards) {
        terms_emitted = update_terms(archive, &docs, &terms, body, previous, &filters, emit)?;
    }
    let (term_files, doc_terms) = match terms_emitted {
        Some(emitted) => emitted,
        None => all_terms(archive, &docs, terms, body, &filters, emit)?,
    };
    let doc_inputs = docs.shard_inputs(archive);
    let doc_files = doc_files(archive, &docs, (&doc_inputs, old_docs), emit);
    let mut version = crate::hash::Stable::new();
    for (fingerprint, _) in term_files.iter().flatten().chain(&doc_files) {
        version.u64(*fingerprint);
    }
    let manifest = serde_json::json!({
        "format": FORMAT,
        "version": format!("{:016x}", version.finish()),
        "docs": docs.order.len(),
        "doc_shard_size": DOC_SHARD_SIZE,
        "term_shards": docs.shards,
    });
    let state = SearchState {
        shards: docs.shards,
        docs: docs.keys(archive).into_iter().map(|(path, hash)| (path.to_string(), hash)).collect(),
        doc_terms,
        filter_hashes: filters.hashes,
        term_hashes: term_files.iter().map(|[(fingerprint, _), _]| *fingerprint).collect(),
        phrase_hashes: term_files.iter().map(|[_, (fingerprint, _)]| *fingerprint).collect(),
        doc_hashes: doc_inputs
            .into_iter()
            .zip(doc_files.iter().map(|(fingerprint, _)| *fingerprint))
            .collect(),
    };
    let mut files =
        vec![emit(made(layout::search_file("manifest.js"), script("manifest", &manifest.to_string())))];
    let (term_files, phrase_files): (Vec<_>, Vec<_>) =
        term_files.into_iter().map(|[t, p]| (t.1, p.1)).unzip();
    files.extend(term_files);
    files.extend(phrase_files);
    files.extend(doc_files.into_iter().map(|(_, emitted)| emitted));
    Ok((files, state))
}

fn made(path: String, contents: String) -> IndexFile {
    IndexFile { path, fingerprint: crate::hash::bytes(contents.as_bytes()), contents: Some(contents) }
}

/// The document shards: the records of the documents in id order, [`DOC_SHARD_SIZE`] a file,
/// each emitted as it is made. A shard whose records are made from what the previous build's
/// were (`inputs` now and `old`, by shard: the previous build's inputs and file hashes) is
/// that build's file.
fn doc_files<T: Send>(
    archive: &Archive,
    docs: &Docs,
    (inputs, old): (&[u64], &[(u64, u64)]),
    emit: Emit<T>,
) -> Vec<(u64, T)> {
    docs.order
        .par_chunks(DOC_SHARD_SIZE)
        .enumerate()
        .map(|(j, chunk)| {
            if let Some(&(_, fingerprint)) = old.get(j).filter(|(was, _)| Some(was) == inputs.get(j)) {
                return (fingerprint, emit(IndexFile { path: doc_path(j), fingerprint, contents: None }));
            }
            let records: Vec<String> = chunk
                .iter()
                .map(|&id| serde_json::to_string(&doc_record(archive, id)).expect("records serialise"))
                .collect();
            let file = made(doc_path(j), script(&format!("docs/{j}"), &format!("[{}]", records.join(","))));
            (file.fingerprint, emit(file))
        })
        .collect()
}

/// `search/terms/3.js`.
pub fn term_path(shard: usize) -> String {
    layout::search_file(&format!("terms/{shard}.js"))
}

/// `search/phrases/3.js`.
pub fn phrase_path(shard: usize) -> String {
    layout::search_file(&format!("phrases/{shard}.js"))
}

/// `search/docs/3.js`.
pub fn doc_path(shard: usize) -> String {
    layout::search_file(&format!("docs/{shard}.js"))
}

/// A file of the index: a script that hands `data` to the page under `name`.
fn script(name: &str, data: &str) -> String {
    format!("gazetteSearchData(\"{name}\",{data});\n")
}

/// The data of a file [`script`] wrote under `name`; `None` when it is not one.
fn script_data<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    text.strip_prefix("gazetteSearchData(\"")?.strip_prefix(name)?.strip_prefix("\",")?.strip_suffix(");\n")
}

/// The filter terms, `#type:<slug>`, `#issuer:<slug>` and `#year:<yyyy>`: the notices of each
/// value, weight 0, by term shard; and the stable hash of each shard's.
struct Filters {
    by_shard: Vec<PostingMap>,
    hashes: Vec<u64>,
}

impl Filters {
    fn new(indexes: &Indexes, docs: &Docs) -> Filters {
        let mut by_shard: Vec<PostingMap> = vec![PostingMap::default(); docs.shards];
        for (dimension, name) in
            [(Dimension::Type, "type"), (Dimension::Issuer, "issuer"), (Dimension::Year, "year")]
        {
            for value in &indexes.get(dimension).values {
                let mut ids: Vec<u32> =
                    value.notices.iter().map(|&id| docs.doc_of[id.index()] << 4).collect();
                ids.sort_unstable();
                let term = format!("#{name}:{}", value.slug);
                by_shard[term_shard(&term, docs.shards)].insert(term, ids);
            }
        }
        let hash = |filters: &PostingMap| {
            let mut terms: Vec<(&String, &Vec<u32>)> = filters.iter().collect();
            terms.sort_unstable();
            crate::hash::of(&terms)
        };
        let hashes = by_shard.iter().map(hash).collect();
        Filters { by_shard, hashes }
    }
}

#[cfg(test)]
mod tests;
