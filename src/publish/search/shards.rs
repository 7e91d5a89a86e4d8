//! The term shards of an index and their phrase files: made anew from every document, or
//! updated from the previous build's, remaking only the shards that hold a changed, added,
//! removed or renumbered document. The terms come gathered while notices were read, or read
//! again; what the files hold and how they are written is the parent module's and
//! [`super::shard_file`]'s.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::compact::{DocTerms, PostingList, ShardFile};
use super::places::{self, Placed, Places, ShardPlaces, place_key};
use super::shard_file::{phrase_shard_text, read_phrase_shard, read_term_shard, term_shard_text};
use super::*;
use crate::msg;

/// By term shard, its term file and its phrase file as they were emitted, with their
/// fingerprints; and by document id, what each document gives the term shards.
type TermShards<T> = (Vec<[(u64, T); 2]>, DocTermsKept);

/// The two files of a term shard: its terms, and where its bigrams stand.
fn shard_files(shard: usize, terms: ShardTerms) -> [IndexFile; 2] {
    [term_file(shard, terms.postings), phrase_file(shard, terms.places)]
}

fn term_file(shard: usize, postings: PostingMap) -> IndexFile {
    made(term_path(shard), term_shard_text(shard, postings))
}

fn phrase_file(shard: usize, places: PlaceMap) -> IndexFile {
    made(phrase_path(shard), phrase_shard_text(shard, places))
}

/// The postings of a term file of the last build (`text`, of `shard`) with the documents that
/// stay renumbered, those gone left out, and those `added` and the `filters` of the shard put
/// in; `None` when the file cannot be read back.
fn postings_again(
    text: &str,
    shard: usize,
    renumber: impl Fn(u32) -> Option<u32>,
    added: PostingMap,
    filters: &PostingMap,
) -> Option<PostingMap> {
    let mut postings = read_term_shard(text, shard)?;
    postings.retain(|term, _| !term.starts_with('#'));
    // Documents that stay keep their order, so the lists stay in id order.
    for list in postings.values_mut() {
        list.retain_mut(|posting| {
            renumber(*posting >> 4).map(|new| *posting = (new << 4) | (*posting & 15)).is_some()
        });
        if !list.is_sorted() {
            list.sort_unstable();
        }
    }
    // The filter terms, copied for the shards made again only.
    for (term, list) in added.into_iter().chain(filters.clone()) {
        merge_sorted(postings.entry(term).or_default(), list);
    }
    postings.retain(|_, list| !list.is_empty());
    Some(postings)
}

/// The places of a phrase file of the last build (`text`, of `shard`) with the documents that
/// stay renumbered, those gone left out, and those `added` put in; `None` when the file cannot
/// be read back.
fn places_again(
    text: &str,
    shard: usize,
    renumber: impl Fn(u32) -> Option<u32>,
    added: PlaceMap,
) -> Option<PlaceMap> {
    let mut places = read_phrase_shard(text, shard)?;
    for old_places in places.values_mut() {
        old_places.renumber(&renumber);
    }
    for (term, new_places) in added {
        add_placed(&mut places, &term, new_places);
    }
    places.retain(|_, places| !places.is_empty());
    places.values_mut().for_each(Placed::sort);
    Some(places)
}

/// `file`, or the previous build's file when it has the same bytes (the same hash).
fn same_as(file: IndexFile, previous_hash: Option<&u64>) -> IndexFile {
    match previous_hash {
        Some(&hash) if hash == file.fingerprint => IndexFile { contents: None, ..file },
        _ => file,
    }
}

/// The terms gathered in this run and those of notices read again, put in their term shards
/// so that each shard is made from its own terms alone.
pub(super) struct Sharded {
    /// By term shard: its terms with their postings, by slot of this run.
    gathered: Vec<Vec<(String, PostingList)>>,
    notice_of: Vec<Option<NoticeId>>,
    /// By notice id: what its terms give the term shards, for the notices whose terms are here.
    doc_terms: Vec<Option<DocTerms>>,
    /// Where the bigrams stand, by slot of this run.
    places: Places,
    /// No places, kept where those of this run are: for the notices read again.
    spare_places: Places,
}

impl Sharded {
    pub(super) fn new(archive: &Archive, docs: &Docs, gathered: Gathered) -> Sharded {
        // Gathered for more shards than the index has, a notice's shards fold into fewer; for
        // fewer (not in one run), the terms are not used.
        let usable = gathered.shards >= docs.shards;
        let mut by_shard: Vec<Vec<(String, PostingList)>> = vec![Vec::new(); docs.shards];
        let mut doc_terms = vec![None; archive.len()];
        let spare_places = gathered.places.sibling();
        let mut places = Places::default();
        if usable {
            places = gathered.places;
            for (term, list) in gathered.postings {
                by_shard[term_shard(&term, docs.shards)].push((term, list));
            }
            for (id, set) in gathered.doc_terms.into_iter().enumerate().take(archive.len()) {
                doc_terms[id] = set
                    .map(|set| if gathered.shards == docs.shards { set } else { set.fold_to(docs.shards) });
            }
        }
        Sharded { gathered: by_shard, notice_of: gathered.notice_of, doc_terms, places, spare_places }
    }

    fn has(&self, id: NoticeId) -> bool {
        self.doc_terms[id.index()].is_some()
    }
}

/// The terms of one term shard: postings, and where its bigrams stand, by document id.
#[derive(Clone, Default)]
struct ShardTerms {
    postings: PostingMap,
    places: PlaceMap,
}

impl ShardTerms {
    /// Adds the postings of `list`, whose ids `doc_of` turns into document ids (or leaves out).
    fn add(&mut self, term: &str, list: &PostingList, doc_of: impl Fn(u32) -> Option<u32>) {
        let postings: Vec<u32> =
            list.iter().filter_map(|(id, weight)| Some((doc_of(id)? << 4) | u32::from(weight))).collect();
        extend_entry(&mut self.postings, term, postings);
    }

    /// Takes the places read back by key: a bigram's named by its postings, a pair's by the
    /// name recorded with them. Each term's places end in document order.
    fn place(&mut self, mut places: ShardPlaces) {
        for term in self.postings.keys().filter(|term| term.contains(' ')) {
            if let Some((_, placed)) = places.remove(&place_key(term, term_hash(term))) {
                add_placed(&mut self.places, term, placed);
            }
        }
        for (name, placed) in places.into_values() {
            if let Some(name) = name {
                add_placed(&mut self.places, &name, placed);
            }
        }
        self.places.values_mut().for_each(Placed::sort);
    }
}

/// Merges `added` into `list`, both ascending.
fn merge_sorted(list: &mut Vec<u32>, added: Vec<u32>) {
    if list.last().is_none_or(|last| added.first().is_none_or(|first| first > last)) {
        list.extend(added);
        return;
    }
    let old = std::mem::take(list);
    list.reserve(old.len() + added.len());
    let (mut old, mut added) = (old.into_iter().peekable(), added.into_iter().peekable());
    while let (Some(a), Some(b)) = (old.peek(), added.peek()) {
        list.push(if a <= b { old.next() } else { added.next() }.expect("peeked"));
    }
    list.extend(old);
    list.extend(added);
}

/// Adds `placed` to the places of `term` in `map`.
fn add_placed(map: &mut PlaceMap, term: &str, placed: Placed) {
    match map.get_mut(term) {
        Some(places) => places.append(placed),
        None if !placed.is_empty() => {
            map.insert(term.to_string(), placed);
        }
        None => {}
    }
}

/// Adds `items` to the list of `term` in `map`, making it when there are any.
fn extend_entry<T>(map: &mut HashMap<String, Vec<T>, FxBuildHasher>, term: &str, items: Vec<T>) {
    match map.get_mut(term) {
        Some(list) => list.extend(items),
        None if !items.is_empty() => {
            map.insert(term.to_string(), items);
        }
        None => {}
    }
}

/// The terms by term shard (without places), what each document gives the term shards, and
/// places by document id, of notices read again.
type ReadAgain = (Vec<ShardTerms>, Vec<(usize, DocTerms)>, Places);

/// The terms of the notices that `wanted` asks for, by document id, and were not gathered in
/// this run: read again, by term shard, postings by document id.
fn read_again(
    archive: &Archive,
    docs: &Docs,
    terms: &Sharded,
    body: BodySource,
    wanted: &[bool],
) -> Result<ReadAgain, Diagnostic> {
    let unread: Vec<usize> =
        (0..docs.order.len()).filter(|&doc| wanted[doc] && !terms.has(docs.order[doc])).collect();
    let read: Vec<Result<Gathering, Diagnostic>> = unread
        .par_chunks(64)
        .map(|chunk| {
            let places = terms.spare_places.sibling();
            let mut gathering = Gathering { shards: docs.shards, places, ..Gathering::default() };
            for &doc in chunk {
                let id = docs.order[doc];
                gathering.add(doc as u32, archive.notice(id), &body(id)?);
            }
            Ok(gathering)
        })
        .collect();
    let mut by_shard: Vec<ShardTerms> = vec![ShardTerms::default(); docs.shards];
    let mut doc_terms = Vec::with_capacity(unread.len());
    let mut places = terms.spare_places.sibling();
    for gathering in read {
        let gathering = gathering?;
        places = places.merge(gathering.places);
        for (term, list) in gathering.postings {
            by_shard[term_shard(&term, docs.shards)].add(&term, &list, Some);
        }
        doc_terms.extend(gathering.doc_terms.into_iter().map(|(doc, set)| (doc as usize, set)));
    }
    places.finish();
    Ok((by_shard, doc_terms, places))
}

/// The terms of one term shard, by document id and ascending, of the documents `wanted` says:
/// those gathered in this run (`terms`, by slot) and those read again (`again`, already by
/// document id).
fn shard_terms(
    terms: &[(String, PostingList)],
    notice_of: &[Option<NoticeId>],
    docs: &Docs,
    wanted: &[bool],
    again: ShardTerms,
) -> ShardTerms {
    let mut shard = again;
    for (term, list) in terms {
        shard.add(term, list, |slot| doc_of_slot(notice_of, docs, wanted, slot));
    }
    shard.postings.values_mut().for_each(|list| list.sort_unstable());
    shard
}

/// The document id of the notice read in `slot` of this run, if `wanted` asks for it.
fn doc_of_slot(notice_of: &[Option<NoticeId>], docs: &Docs, wanted: &[bool], slot: u32) -> Option<u32> {
    let id = (*notice_of.get(slot as usize)?)?;
    let doc = docs.doc_of[id.index()];
    (doc != NOT_SEARCHED && wanted[doc as usize]).then_some(doc)
}

/// What a term shard is made from, taken once by the thread that makes it.
struct Slots<T>(Vec<std::sync::Mutex<Option<T>>>);

impl<T> Slots<T> {
    fn new(items: impl IntoIterator<Item = T>) -> Self {
        Slots(items.into_iter().map(|item| std::sync::Mutex::new(Some(item))).collect())
    }

    fn take(&self, shard: usize) -> T {
        self.0[shard].lock().unwrap_or_else(|e| e.into_inner()).take().expect("each shard is made once")
    }
}

/// Where the places of some notices are, and the document id of each of their slots.
type PlaceSource<'a> = (&'a Places, &'a (dyn Fn(u32) -> Option<u32> + Sync));

/// Calls `make` for every term shard with the places of its bigrams, read back from `sources`.
/// The shards are made a group at a time (see [`places`]), so that only one group's places are
/// in memory on each thread. The results come back in shard order.
fn with_places<R: Send>(
    docs: &Docs,
    sources: &[PlaceSource],
    make: impl Fn(usize, ShardPlaces) -> R + Sync,
) -> Result<Vec<R>, Diagnostic> {
    let groups = places::group_count(docs.shards);
    let made: Vec<Vec<(usize, R)>> = (0..groups)
        .into_par_iter()
        .map(|group| {
            let mut placed = vec![ShardPlaces::default(); docs.shards / groups];
            for (source, doc_of) in sources {
                source.group(group, docs.shards, doc_of, &mut placed)?;
            }
            Ok(placed
                .into_iter()
                .enumerate()
                .map(|(k, placed)| {
                    let shard = group + k * groups;
                    (shard, make(shard, placed))
                })
                .collect())
        })
        .collect::<std::io::Result<_>>()
        .map_err(|e| Diagnostic::error("content", 1, 1, msg!("no-temporary-file", error = e.to_string())))?;
    let mut made: Vec<(usize, R)> = made.into_iter().flatten().collect();
    made.sort_unstable_by_key(|(shard, _)| *shard);
    Ok(made.into_iter().map(|(_, made)| made).collect())
}

/// Every term shard made anew from every document.
pub(super) fn all_terms<T: Send>(
    archive: &Archive,
    docs: &Docs,
    terms: Sharded,
    body: BodySource,
    filters: &Filters,
    emit: Emit<T>,
) -> Result<TermShards<T>, Diagnostic> {
    let wanted = vec![true; docs.order.len()];
    let (again, again_terms, again_places) = read_again(archive, docs, &terms, body, &wanted)?;
    let Sharded { gathered, notice_of, mut doc_terms, places, .. } = terms;
    // Moved, not copied: at 100,000 notices a second copy is some 170 MB.
    let fresh = fresh_doc_terms(docs, |id| doc_terms[id.index()].take(), &wanted, again_terms);
    drop(doc_terms);
    let inputs = Slots::new(gathered.into_iter().zip(again));
    let gathered_doc = |slot| doc_of_slot(&notice_of, docs, &wanted, slot);
    let sources: [PlaceSource; 2] = [(&places, &gathered_doc), (&again_places, &Some)];
    let files = with_places(docs, &sources, |i, placed| {
        let (gathered, again) = inputs.take(i);
        let mut shard = shard_terms(&gathered, &notice_of, docs, &wanted, again);
        drop(gathered);
        shard.place(placed);
        shard.postings.extend(filters.by_shard[i].clone());
        shard_files(i, shard).map(|file| (file.fingerprint, emit(file)))
    })?;
    let made = fresh.into_iter().map(Option::unwrap_or_default).collect();
    Ok((files, DocTermsKept::made(made)))
}

/// By document id, what each document `wanted` asks for gives the term shards: gathered in this
/// run (`gathered`, by notice), or read again (`again`).
fn fresh_doc_terms(
    docs: &Docs,
    mut gathered: impl FnMut(NoticeId) -> Option<DocTerms>,
    wanted: &[bool],
    again: Vec<(usize, DocTerms)>,
) -> Vec<Option<DocTerms>> {
    let mut fresh: Vec<Option<DocTerms>> = docs
        .order
        .iter()
        .enumerate()
        .map(|(doc, &id)| if wanted[doc] { gathered(id) } else { None })
        .collect();
    for (doc, set) in again {
        fresh[doc] = Some(set);
    }
    fresh
}

/// What moved between the previous build's documents and this build's.
struct Changes<'a> {
    archive: &'a Archive,
    docs: &'a Docs,
    old: &'a SearchState,
    /// By old document id: its new id, when its source is the same file with the same bytes.
    new_of_old: &'a [Option<u32>],
    /// By document id: whether its terms come in anew (it is new, or its file changed).
    wanted: &'a [bool],
    /// By document id: what each document new or changed gives the shards.
    fresh: &'a [Option<DocTerms>],
}

impl Changes<'_> {
    /// A document changed in its file and keeping its id: its entries move only where its
    /// digest says they changed.
    fn edited_in_place(&self, doc: usize) -> bool {
        self.wanted[doc]
            && self.new_of_old.get(doc) == Some(&None)
            && self.old.docs[doc].0 == self.archive.notice(self.docs.order[doc]).source_path
            && self.fresh[doc].is_some()
    }

    /// By term shard, which of its files must be made again: both where it holds entries of a
    /// document gone, renumbered, new or changed (of a document edited in place, only the file
    /// of each shard where its digest moved), the term file where filter terms' postings moved
    /// (`filter_hashes`, by shard). `None` when the old terms of a document cannot be looked up.
    fn affected_shards(&self, filter_hashes: &[u64]) -> Option<Affected> {
        let (old, shards) = (self.old, self.docs.shards);
        let mut affected = Affected { terms: vec![false; shards], phrases: vec![false; shards] };
        // Shards of documents gone, changed or renumbered: their postings and places move.
        for (o, new) in self.new_of_old.iter().enumerate() {
            if *new == Some(o as u32) {
                continue;
            }
            let was = old.doc_terms.get(o)?;
            match self.fresh.get(o).and_then(Option::as_ref) {
                Some(now) if self.edited_in_place(o) => {
                    was.each_shard_changed(now, shards, |shard, file| affected.mark(shard, file))
                }
                _ => was.shards.for_each(|shard| affected.mark_both(shard)),
            }
        }
        // Shards of documents new or changed: their postings and places come in.
        for (doc, now) in self.fresh.iter().enumerate() {
            match now {
                Some(now) if !self.edited_in_place(doc) => {
                    now.shards.for_each(|shard| affected.mark_both(shard))
                }
                _ => {}
            }
        }
        // Filter terms list every document: a term file changes with its filters' postings.
        for (shard, hash) in filter_hashes.iter().enumerate() {
            affected.terms[shard] |= old.filter_hashes.get(shard) != Some(hash);
        }
        Some(affected)
    }
}

/// By term shard, whether its term file and its phrase file must be made again.
struct Affected {
    terms: Vec<bool>,
    phrases: Vec<bool>,
}

impl Affected {
    fn mark(&mut self, shard: usize, file: ShardFile) {
        match file {
            ShardFile::Terms => self.terms[shard] = true,
            ShardFile::Phrases => self.phrases[shard] = true,
        }
    }

    fn mark_both(&mut self, shard: usize) {
        self.terms[shard] = true;
        self.phrases[shard] = true;
    }
}

/// By new document, the old id of the document of the same key (the same file with the same
/// bytes), if any. Most documents keep their ids: those are matched in place, and only the
/// others looked up among the old ones not matched so. Keys are taken to be unique, as the
/// paths of an archive's files are: a key matched in place is no other document's.
pub(super) fn same_docs(old: &[(String, u64)], new: &[(&str, u64)]) -> Vec<Option<u32>> {
    let in_place = |doc: usize, key: &(&str, u64)| {
        old.get(doc).is_some_and(|(path, hash)| (path.as_str(), *hash) == *key)
    };
    let mut same: Vec<Option<u32>> =
        new.iter().enumerate().map(|(doc, key)| in_place(doc, key).then_some(doc as u32)).collect();
    let matched = |id: usize| same.get(id).is_some_and(Option::is_some);
    let others: HashMap<(&str, u64), u32> = (0..old.len())
        .filter(|&id| !matched(id))
        .map(|id| ((old[id].0.as_str(), old[id].1), id as u32))
        .collect();
    for (doc, key) in new.iter().enumerate() {
        if same[doc].is_none() {
            same[doc] = others.get(key).copied();
        }
    }
    same
}

/// The term shards updated from the previous build's: `None` when a shard it needs cannot be
/// read back, and the index must be made anew.
pub(super) fn update_terms<T: Send>(
    archive: &Archive,
    docs: &Docs,
    terms: &Sharded,
    body: BodySource,
    previous: &Previous,
    filters: &Filters,
    emit: Emit<T>,
) -> Result<Option<TermShards<T>>, Diagnostic> {
    let old = previous.state;
    let same = same_docs(&old.docs, &docs.keys(archive));
    let mut new_of_old: Vec<Option<u32>> = vec![None; old.docs.len()];
    for (doc, o) in same.iter().enumerate() {
        if let Some(o) = o {
            new_of_old[*o as usize] = Some(doc as u32);
        }
    }
    let wanted: Vec<bool> = same.iter().map(Option::is_none).collect();
    let (again, again_terms, again_places) = read_again(archive, docs, terms, body, &wanted)?;
    let fresh = fresh_doc_terms(docs, |id| terms.doc_terms[id.index()].clone(), &wanted, again_terms);
    let changes = Changes { archive, docs, old, new_of_old: &new_of_old, wanted: &wanted, fresh: &fresh };
    // The old terms that this update needs, looked up before anything is emitted.
    let (Some(affected), Some(doc_terms)) =
        (changes.affected_shards(&filters.hashes), old.doc_terms.updated(&fresh, &same))
    else {
        return Ok(None);
    };
    let inputs = Slots::new(again);
    let gathered_doc = |slot| doc_of_slot(&terms.notice_of, docs, &wanted, slot);
    let sources: [PlaceSource; 2] = [(&terms.places, &gathered_doc), (&again_places, &Some)];
    let made_again: Vec<Option<[IndexFile; 2]>> = with_places(docs, &sources, |i, placed| {
        let again = inputs.take(i);
        let kept = |path: String, hashes: &[u64]| {
            Some(IndexFile { path, fingerprint: hashes.get(i).copied()?, contents: None })
        };
        let (terms_again, phrases_again) = (affected.terms[i], affected.phrases[i]);
        if !terms_again && !phrases_again {
            return Some([kept(term_path(i), &old.term_hashes)?, kept(phrase_path(i), &old.phrase_hashes)?]);
        }
        let renumber = |doc: u32| new_of_old.get(doc as usize).copied().flatten();
        let mut added = shard_terms(&terms.gathered[i], &terms.notice_of, docs, &wanted, again);
        // Bigrams are placed by their postings: before these go to the term file.
        added.place(placed);
        // Held until every shard is made: a file made again as it was is the previous one.
        let term_file = if terms_again {
            let text = (previous.read)(&term_path(i))?;
            let postings = postings_again(&text, i, renumber, added.postings, &filters.by_shard[i])?;
            same_as(term_file(i, postings), old.term_hashes.get(i))
        } else {
            kept(term_path(i), &old.term_hashes)?
        };
        let phrase_file = if phrases_again {
            let places = places_again(&(previous.read)(&phrase_path(i))?, i, renumber, added.places)?;
            same_as(phrase_file(i, places), old.phrase_hashes.get(i))
        } else {
            kept(phrase_path(i), &old.phrase_hashes)?
        };
        Some([term_file, phrase_file])
    })?;
    // Nothing is emitted unless every shard could be made.
    let Some(made_again) = made_again.into_iter().collect::<Option<Vec<[IndexFile; 2]>>>() else {
        return Ok(None);
    };
    let files =
        made_again.into_par_iter().map(|files| files.map(|file| (file.fingerprint, emit(file)))).collect();
    Ok(Some((files, doc_terms)))
}
