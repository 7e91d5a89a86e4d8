//! Indexes: the archive's notices grouped by type, issuer, year, signer and tag.
//!
//! Owns the grouping (names written in other capitals are one value), the Vietnamese order of
//! values and their slugs (distinct even when two names transliterate alike). Where the pages
//! of an index go, and how they are cut into pages, is `publish`'s.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

use super::{Archive, NoticeId, collate};
use crate::content::Notice;
use crate::slug::slugify;

/// A way to group notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dimension {
    Type,
    Issuer,
    Year,
    Signer,
    Tag,
}

impl Dimension {
    pub const ALL: [Dimension; 5] =
        [Dimension::Type, Dimension::Issuer, Dimension::Year, Dimension::Signer, Dimension::Tag];

    /// Where the dimension stands in [`Dimension::ALL`].
    pub fn place(self) -> usize {
        Dimension::ALL.iter().position(|&d| d == self).expect("every dimension is in ALL")
    }

    /// The key of the dimension in templates and labels.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Type => "type",
            Dimension::Issuer => "issuer",
            Dimension::Year => "year",
            Dimension::Signer => "signer",
            Dimension::Tag => "tag",
        }
    }

    /// The values of one notice in this dimension.
    fn values_of(self, notice: &Indexed) -> Vec<String> {
        let one = |s: &str| if s.trim().is_empty() { vec![] } else { vec![s.trim().to_string()] };
        match self {
            Dimension::Type => one(notice.doc_type),
            Dimension::Issuer => one(notice.issuer),
            Dimension::Year => notice.year().map(|y| vec![y.to_string()]).unwrap_or_default(),
            Dimension::Signer => notice.signer.map(one).unwrap_or_default(),
            Dimension::Tag => notice.tags.iter().flat_map(|t| one(t)).collect(),
        }
    }
}

/// What indexes a notice: everything [`Indexes`] are made from, and all they read of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Indexed<'a> {
    doc_type: &'a str,
    issuer: &'a str,
    date: Option<jiff::civil::Date>,
    /// The sequence number of its number: newer first among notices of one day.
    seq: Option<u32>,
    signer: Option<&'a str>,
    tags: &'a [String],
    draft: bool,
}

impl<'a> Indexed<'a> {
    fn of(notice: &'a Notice) -> Self {
        Indexed {
            doc_type: &notice.doc_type,
            issuer: &notice.issuer,
            date: notice.date,
            seq: notice.number.as_ref().map(|n| n.seq),
            signer: notice.signer.as_ref().map(|s| s.name.as_str()),
            tags: &notice.tags,
            draft: notice.draft,
        }
    }

    fn year(&self) -> Option<i16> {
        self.date.map(|d| d.year())
    }
}

/// What every notice of an archive is indexed by, by id.
fn indexed(archive: &Archive) -> Vec<Indexed<'_>> {
    archive.ids().map(|id| Indexed::of(archive.notice(id))).collect()
}

/// One value of a dimension and its notices, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexValue {
    pub name: String,
    pub slug: String,
    pub notices: Vec<NoticeId>,
    /// The years of its notices, newest first, each with where its notices are in `notices`.
    pub years: Vec<YearSpan>,
}

/// The notices of one year in a value's list: one run, since the list is newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSpan {
    pub year: i16,
    pub start: usize,
    pub end: usize,
}

impl IndexValue {
    /// The value's notices of `year`, newest first.
    pub fn notices_of(&self, span: YearSpan) -> &[NoticeId] {
        &self.notices[span.start..span.end]
    }
}

/// All values of one dimension, in Vietnamese order (years newest first).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DimensionIndex {
    pub dimension: Dimension,
    pub values: Vec<IndexValue>,
}

/// Every dimension of an archive. Drafts are in no index: they are only listed apart.
#[derive(Debug, Clone)]
pub struct Indexes {
    pub dimensions: Vec<DimensionIndex>,
    /// Published notices newest first.
    pub newest: Vec<NoticeId>,
    /// Drafts (built by `serve` and `build --drafts`), newest first.
    pub drafts: Vec<NoticeId>,
    /// Per dimension (in `Dimension::ALL` order), value name (folded) to its place in `values`.
    places: Vec<HashMap<String, usize>>,
    /// A stable hash of what they are made from: what each notice is indexed by, in archive
    /// order. Two archives with one hash have the same indexes.
    made_from: u64,
}

/// Indexes a build keeps for the next, with a hash of what they were made from (see
/// [`Indexes::made_from`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptIndexes {
    made_from: u64,
    dimensions: Vec<DimensionIndex>,
    newest: Vec<NoticeId>,
    drafts: Vec<NoticeId>,
}

impl Indexes {
    pub fn build(archive: &Archive) -> Indexes {
        let notices = indexed(archive);
        Indexes::of(&notices, crate::hash::of(&notices))
    }

    /// The indexes of the notices indexed by `notices`, by id, whose hash is `made_from`: made
    /// from nothing else.
    fn of(notices: &[Indexed], made_from: u64) -> Indexes {
        let (drafts, newest): (Vec<NoticeId>, Vec<NoticeId>) =
            newest_first(notices).into_iter().partition(|&id| notices[id.index()].draft);
        // Each dimension on a core of its own, in their order.
        let dimensions: Vec<DimensionIndex> = Dimension::ALL
            .par_iter()
            .map(|&dimension| build_dimension(notices, &newest, dimension))
            .collect();
        Indexes::with_places(KeptIndexes { made_from, dimensions, newest, drafts })
    }

    fn with_places(kept: KeptIndexes) -> Indexes {
        let KeptIndexes { made_from, dimensions, newest, drafts } = kept;
        let places = dimensions
            .iter()
            .map(|index| index.values.iter().enumerate().map(|(i, v)| (fold(&v.name), i)).collect())
            .collect();
        Indexes { dimensions, places, newest, drafts, made_from }
    }

    /// The indexes of `archive`: `kept` when they were made from what it is indexed by, else
    /// made anew.
    pub fn build_or_take(archive: &Archive, kept: Option<KeptIndexes>) -> Indexes {
        let notices = indexed(archive);
        let made_from = crate::hash::of(&notices);
        match kept.filter(|kept| kept.made_from == made_from) {
            Some(kept) => Indexes::with_places(kept),
            None => Indexes::of(&notices, made_from),
        }
    }

    /// What a build keeps of its indexes for the next, taken out rather than copied, for the
    /// build state at the end of a build: the indexes are left empty.
    pub fn take_kept(&mut self) -> KeptIndexes {
        self.places.clear();
        KeptIndexes {
            made_from: self.made_from,
            dimensions: std::mem::take(&mut self.dimensions),
            newest: std::mem::take(&mut self.newest),
            drafts: std::mem::take(&mut self.drafts),
        }
    }

    /// A value of a dimension by its name, if it has a list.
    pub fn value(&self, dimension: Dimension, name: &str) -> Option<&IndexValue> {
        let at = dimension.place();
        let place = *self.places.get(at)?.get(&fold(name.trim()))?;
        Some(&self.dimensions[at].values[place])
    }

    /// The indexes of `archive`, reusing `previous` when the notices at `changed` kept every
    /// value they are indexed by (type, issuer, date, number, signer, tags).
    pub fn rebuild(previous: &Indexes, old: &Archive, archive: &Archive, changed: &[NoticeId]) -> Indexes {
        let unchanged = old.len() == archive.len()
            && changed.iter().all(|&id| Indexed::of(old.notice(id)) == Indexed::of(archive.notice(id)));
        if unchanged { previous.clone() } else { Indexes::build(archive) }
    }

    /// The first and last year of the archive's notices.
    pub fn year_range(&self) -> (Option<i16>, Option<i16>) {
        let years = &self.get(Dimension::Year).values;
        let year = |v: Option<&IndexValue>| v.and_then(|v| v.name.parse().ok());
        (year(years.last()), year(years.first()))
    }

    pub fn get(&self, dimension: Dimension) -> &DimensionIndex {
        self.dimensions.iter().find(|d| d.dimension == dimension).expect("every dimension is built")
    }
}

/// Notices newest first: by date, then number, then source order.
fn newest_first(notices: &[Indexed]) -> Vec<NoticeId> {
    newest_order(notices.len(), |at| (notices[at].date, notices[at].seq))
}

/// The place of each notice, by id, among all of them newest first.
pub(super) fn newest_ranks(notices: &[Arc<Notice>]) -> Vec<u32> {
    let ids =
        newest_order(notices.len(), |at| (notices[at].date, notices[at].number.as_ref().map(|n| n.seq)));
    let mut ranks = vec![0; notices.len()];
    for (rank, id) in ids.into_iter().enumerate() {
        ranks[id.index()] = rank as u32;
    }
    ranks
}

/// The ids of `count` notices ordered newest first by the date and number's sequence `dated`
/// gives of each (by id), latest first; the id last.
fn newest_order(
    count: usize,
    dated: impl Fn(usize) -> (Option<jiff::civil::Date>, Option<u32>),
) -> Vec<NoticeId> {
    let mut ids: Vec<NoticeId> = (0..count).map(NoticeId::new).collect();
    // Each notice looked up once, not at every comparison.
    ids.sort_by_cached_key(|&id| (std::cmp::Reverse(dated(id.index())), id));
    ids
}

/// The ways one value is written, each with how many notices write it so, as first met.
type Spellings = Vec<(String, usize)>;

fn build_dimension(indexed: &[Indexed], newest: &[NoticeId], dimension: Dimension) -> DimensionIndex {
    // Names written in other cases are one value (`Nguyễn Văn A`, `nguyễn văn a`), shown as
    // most of its notices write it (as its newest does, between as many).
    let mut by_name: HashMap<String, (Vec<NoticeId>, Spellings)> = HashMap::new();
    for &id in newest {
        for name in dimension.values_of(&indexed[id.index()]) {
            let (notices, spellings) = by_name.entry(fold(&name)).or_default();
            if notices.last() == Some(&id) {
                continue;
            }
            notices.push(id);
            match spellings.iter_mut().find(|(written, _)| *written == name) {
                Some((_, count)) => *count += 1,
                None => spellings.push((name, 1)),
            }
        }
    }
    let mut values: Vec<IndexValue> = by_name
        .into_values()
        .map(|(notices, mut spellings)| {
            let years = year_spans(indexed, &notices);
            let most = spellings.iter().map(|(_, count)| *count).max().unwrap_or(0);
            let at = spellings.iter().position(|(_, count)| *count == most).unwrap_or(0);
            let name = spellings.swap_remove(at).0;
            IndexValue { name, slug: String::new(), notices, years }
        })
        .collect();
    match dimension {
        Dimension::Year => values.sort_by(|a, b| b.name.cmp(&a.name)),
        Dimension::Signer => values.sort_by(|a, b| collate::compare_people(&a.name, &b.name)),
        _ => collate::sort(&mut values, |v| &v.name),
    }
    // Where each notice stands newest first: the larger, the older.
    let mut place = vec![0; indexed.len()];
    for (at, &id) in newest.iter().enumerate() {
        place[id.index()] = at;
    }
    assign_slugs(&mut values, |value| value.notices.last().map_or(0, |id| place[id.index()]));
    DimensionIndex { dimension, values }
}

/// What names of one value share: all but their case.
pub fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// The runs of one year in a list of notices newest first.
fn year_spans(indexed: &[Indexed], notices: &[NoticeId]) -> Vec<YearSpan> {
    let mut spans: Vec<YearSpan> = Vec::new();
    for (at, &id) in notices.iter().enumerate() {
        let Some(year) = indexed[id.index()].year() else { continue };
        match spans.last_mut() {
            Some(span) if span.year == year && span.end == at => span.end = at + 1,
            _ => spans.push(YearSpan { year, start: at, end: at + 1 }),
        }
    }
    spans
}

/// Slugs from names. Names that transliterate alike share a base: the name used first (by its
/// oldest notice, `age` the larger the older) keeps it and the others get `-2`, `-3` in the
/// order they came, so that a name seen later never takes the address of an existing page.
fn assign_slugs(values: &mut [IndexValue], age: impl Fn(&IndexValue) -> usize) {
    let bases: Vec<String> = values
        .iter()
        .map(|value| match slugify(&value.name) {
            s if s.is_empty() => "khac".to_string(),
            s => s,
        })
        .collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&at| (&bases[at], std::cmp::Reverse(age(&values[at])), at));
    let mut used: HashMap<&str, usize> = HashMap::new();
    for at in order {
        let count = used.entry(&bases[at]).or_insert(0);
        *count += 1;
        values[at].slug = if *count == 1 { bases[at].clone() } else { format!("{}-{count}", bases[at]) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_stay_distinct_when_names_transliterate_alike_and_the_first_used_keeps_its_own() {
        let value =
            |n: &str| IndexValue { name: n.to_string(), slug: String::new(), notices: vec![], years: vec![] };
        let slugs = |names: &[(&str, usize)]| {
            let mut values: Vec<IndexValue> = names.iter().map(|(n, _)| value(n)).collect();
            let ages: HashMap<String, usize> = names.iter().map(|(n, age)| (n.to_string(), *age)).collect();
            assign_slugs(&mut values, |v| ages[&v.name]);
            values.into_iter().map(|v| v.slug).collect::<Vec<_>>()
        };
        // Equally old: in the order given (the index's).
        assert_eq!(
            slugs(&[("Đề án", 0), ("Dự án", 0), ("Đê án", 0), ("dè an", 0)]),
            ["de-an", "du-an", "de-an-2", "de-an-3"]
        );
        // The oldest keeps the plain slug, wherever it sorts; the rest as they came.
        assert_eq!(
            slugs(&[("Chuyển đổi số", 2), ("chuyển đổi số", 9), ("Dự án", 1)]),
            ["chuyen-doi-so-2", "chuyen-doi-so", "du-an"]
        );
        assert_eq!(slugs(&[("Đề án", 3), ("Đê án", 5), ("dè an", 4)]), ["de-an-3", "de-an", "de-an-2"]);
        // A name with no letters.
        assert_eq!(slugs(&[("…", 0), ("—", 1)]), ["khac-2", "khac"]);
    }
}
