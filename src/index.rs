//! Indexes: the archive's notices grouped by type, issuer, year, signer and tag.
//!
//! Owns the grouping, the Vietnamese order of values, their URL slugs (distinct even when two
//! names transliterate alike) and pagination. A value page lists short entries only, never a
//! notice's body, so index pages grow with the number of notices, not with its square.
//! Rendering the pages is `render`'s.

use std::collections::HashMap;

use crate::archive::Archive;
use crate::collate;
use crate::slug::slugify;

/// A way to group notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The folder of the dimension's pages under the output root.
    pub fn folder(self) -> &'static str {
        match self {
            Dimension::Type => "loai",
            Dimension::Issuer => "co-quan",
            Dimension::Year => "nam",
            Dimension::Signer => "nguoi-ky",
            Dimension::Tag => "chu-de",
        }
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
    fn values_of(self, archive: &Archive, index: usize) -> Vec<String> {
        let notice = &archive.notices[index];
        let one = |s: &str| if s.trim().is_empty() { vec![] } else { vec![s.trim().to_string()] };
        match self {
            Dimension::Type => one(&notice.doc_type),
            Dimension::Issuer => one(&notice.issuer),
            Dimension::Year => notice.year().map(|y| vec![y.to_string()]).unwrap_or_default(),
            Dimension::Signer => notice.signer.as_ref().map(|s| one(&s.name)).unwrap_or_default(),
            Dimension::Tag => notice.tags.iter().flat_map(|t| one(t)).collect(),
        }
    }
}

/// One value of a dimension and its notices, newest first.
#[derive(Debug, Clone)]
pub struct IndexValue {
    pub name: String,
    pub slug: String,
    pub notices: Vec<usize>,
}

/// All values of one dimension, in Vietnamese order (years newest first).
#[derive(Debug, Clone)]
pub struct DimensionIndex {
    pub dimension: Dimension,
    pub values: Vec<IndexValue>,
}

impl DimensionIndex {
    /// `loai/index.html`.
    pub fn page_path(&self) -> String {
        format!("{}/index.html", self.dimension.folder())
    }

    /// Folder of a value's first page: `loai/thong-bao/`.
    pub fn value_folder(&self, value: &IndexValue) -> String {
        format!("{}/{}/", self.dimension.folder(), value.slug)
    }
}

/// Page `page` (from 1) of a value's list: `loai/thong-bao/index.html`, `loai/thong-bao/trang/2/index.html`.
pub fn list_page_path(folder: &str, page: usize) -> String {
    if page <= 1 { format!("{folder}index.html") } else { format!("{folder}trang/{page}/index.html") }
}

/// How many pages a list of `count` notices takes.
pub fn page_count(count: usize, page_size: usize) -> usize {
    count.div_ceil(page_size.max(1)).max(1)
}

/// Every dimension of an archive.
#[derive(Debug, Clone)]
pub struct Indexes {
    pub dimensions: Vec<DimensionIndex>,
    /// Notice indices, newest first.
    pub newest: Vec<usize>,
    /// Per dimension (in `Dimension::ALL` order), value name to list folder.
    folders: Vec<HashMap<String, String>>,
}

impl Indexes {
    pub fn build(archive: &Archive) -> Indexes {
        let newest = newest_first(archive);
        let dimensions: Vec<DimensionIndex> =
            Dimension::ALL.iter().map(|&dimension| build_dimension(archive, &newest, dimension)).collect();
        let folders = dimensions
            .iter()
            .map(|index| index.values.iter().map(|v| (v.name.clone(), index.value_folder(v))).collect())
            .collect();
        Indexes { dimensions, folders, newest }
    }

    /// The folder of a value's list, if the value has one.
    pub fn folder_of(&self, dimension: Dimension, name: &str) -> Option<&str> {
        let at = Dimension::ALL.iter().position(|&d| d == dimension)?;
        self.folders[at].get(name.trim()).map(String::as_str)
    }

    /// The indexes of `archive`, reusing `previous` when the notices at `changed` kept every
    /// value they are indexed by (type, issuer, date, number, signer, tags).
    pub fn rebuild(previous: &Indexes, old: &Archive, archive: &Archive, changed: &[usize]) -> Indexes {
        let unchanged = old.len() == archive.len()
            && changed.iter().all(|&i| index_signature(old, i) == index_signature(archive, i));
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

type Signature<'a> =
    (&'a str, &'a str, Option<jiff::civil::Date>, Option<u32>, Option<&'a str>, &'a [String]);

/// Everything a notice is indexed and ordered by.
fn index_signature(archive: &Archive, i: usize) -> Signature<'_> {
    let n = &archive.notices[i];
    let signer = n.signer.as_ref().map(|s| s.name.as_str());
    (&n.doc_type, &n.issuer, n.date, n.number.as_ref().map(|n| n.seq), signer, &n.tags)
}

/// Notice indices, newest first: by date, then number, then source order.
fn newest_first(archive: &Archive) -> Vec<usize> {
    let mut order: Vec<usize> = (0..archive.len()).collect();
    order.sort_by_key(|&i| {
        let n = &archive.notices[i];
        (std::cmp::Reverse((n.date, n.number.as_ref().map(|n| n.seq))), i)
    });
    order
}

fn build_dimension(archive: &Archive, newest: &[usize], dimension: Dimension) -> DimensionIndex {
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for &index in newest {
        for name in dimension.values_of(archive, index) {
            let notices = by_name.entry(name).or_default();
            if notices.last() != Some(&index) {
                notices.push(index);
            }
        }
    }
    let mut values: Vec<IndexValue> = by_name
        .into_iter()
        .map(|(name, notices)| IndexValue { name, slug: String::new(), notices })
        .collect();
    if dimension == Dimension::Year {
        values.sort_by(|a, b| b.name.cmp(&a.name));
    } else {
        collate::sort(&mut values, |v| &v.name);
    }
    assign_slugs(&mut values);
    DimensionIndex { dimension, values }
}

/// Slugs from names; names that transliterate alike get `-2`, `-3` in sorted order.
fn assign_slugs(values: &mut [IndexValue]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    for value in values.iter_mut() {
        let base = match slugify(&value.name) {
            s if s.is_empty() => "khac".to_string(),
            s => s,
        };
        let count = used.entry(base.clone()).or_insert(0);
        *count += 1;
        value.slug = if *count == 1 { base } else { format!("{base}-{count}") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_stay_distinct_when_names_transliterate_alike() {
        let mut values: Vec<IndexValue> = ["Đề án", "Dự án", "Đê án", "dè an"]
            .iter()
            .map(|n| IndexValue { name: n.to_string(), slug: String::new(), notices: vec![] })
            .collect();
        assign_slugs(&mut values);
        let slugs: Vec<&str> = values.iter().map(|v| v.slug.as_str()).collect();
        assert_eq!(slugs, vec!["de-an", "du-an", "de-an-2", "de-an-3"]);
    }

    #[test]
    fn pages() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(list_page_path("loai/x/", 1), "loai/x/index.html");
        assert_eq!(list_page_path("loai/x/", 3), "loai/x/trang/3/index.html");
    }
}
