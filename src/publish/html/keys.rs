//! Keys to pages' fingerprints: a hash, cheap to make, of everything a page's view is made
//! from, so that a build can take the fingerprint an earlier run made under the same key rather
//! than build the view again (at a hundred thousand notices, building every notice page's view
//! takes most of a second, and every list page's a third of one; an edit changes a few dozen).
//!
//! A notice page's key is made of what is the same for every notice page (the template and
//! what it depends on, the settings, the values of the indexes a page links to), of the
//! notice's own record (the notice as read, its address, status and the parts of links to it)
//! and links (both ways, with its neighbours in series), and of the records of every notice
//! those links name: a page shows nothing of a notice it does not link. A list page's key is
//! made of the same for the list template, of its value (name, folder, counts by year), its
//! place in the list and the records of the notices it lists. A key does not say what the view
//! is: the fingerprint, a hash of the very view, does; a key only says when the one made before
//! still holds. Debug builds check every fingerprint taken so against the view's.

use rayon::prelude::*;

use super::{LIST_TEMPLATE, Pages, listed_on};
use crate::archive::indexes::{DimensionIndex, IndexValue, YearSpan};
use crate::archive::{NoticeId, RefTarget};

/// The keys of the pages of an archive: notice pages' by notice id, list pages' made on
/// demand from the records of the notices they list.
pub struct PageKeys {
    notices: Vec<u64>,
    records: Vec<u64>,
    lists: u64,
    /// Notices a list page shows.
    page_size: usize,
}

impl PageKeys {
    /// The key of notice `id`'s page.
    pub fn notice(&self, id: NoticeId) -> u64 {
        self.notices[id.index()]
    }

    /// The key of page `number` (from 1) of `value`'s list in `dimension`, of its notices of
    /// one `year` when given.
    pub fn value_page(
        &self,
        dimension: &DimensionIndex,
        value: &IndexValue,
        year: Option<YearSpan>,
        number: usize,
    ) -> u64 {
        let (listed, shown) = listed_on(value, year, number, self.page_size);
        let mut hash = crate::hash::Stable::new();
        hash.u64(self.lists)
            .str(dimension.dimension.key())
            .str(&value.name)
            .str(&value.slug)
            .u64(value.notices.len() as u64)
            .value(&year.map(|span| span.year))
            .u64(number as u64)
            .u64(listed.len() as u64);
        for span in &value.years {
            hash.u64(span.year as u64).u64((span.end - span.start) as u64);
        }
        for id in shown {
            hash.u64(self.records[id.index()]);
        }
        hash.finish()
    }
}

impl Pages<'_> {
    /// The keys of the archive's pages.
    pub fn page_keys(&self) -> PageKeys {
        let shared = self.shared_key(super::notice::TEMPLATE);
        let ids: Vec<NoticeId> = self.archive.ids().collect();
        let records: Vec<u64> = ids.par_iter().map(|&id| self.record(id)).collect();
        let notices = ids.par_iter().map(|&id| self.key(id, shared, &records)).collect();
        let page_size = self.archive.config.page_size;
        PageKeys { notices, records, lists: self.shared_key(LIST_TEMPLATE), page_size }
    }

    /// What every page of `template` is made from besides notices: the template with what it
    /// depends on (its files, the labels, the settings shown), every setting, what a notice's
    /// body depends on besides its file, and each value of the indexes with its folder.
    fn shared_key(&self, template: &str) -> u64 {
        let mut hash = crate::hash::Stable::new();
        hash.str(template)
            .u64(self.theme.template_hash(template))
            .value(&self.archive.config)
            .u64(self.read_key)
            .str(self.draft_label);
        for dimension in &self.indexes.dimensions {
            hash.str(dimension.dimension.key());
            for value in &dimension.values {
                hash.str(&value.name).str(&value.slug);
            }
        }
        hash.finish()
    }

    /// What pages linking notice `id`, its own among them, may show of it.
    fn record(&self, id: NoticeId) -> u64 {
        let parts = &self.link_parts.parts[id.index()];
        let between = &self.link_parts.between[id.index()];
        crate::hash::Stable::new()
            .value(&**self.archive.notice(id))
            .str(self.archive.url(id))
            .str(self.archive.effective_status(id).code())
            .value(&(parts.type_shown, &parts.date, &parts.date_short, between.folder_year))
            .finish()
    }

    /// The key of notice `id`'s page, from the `records` of every notice.
    fn key(&self, id: NoticeId, shared: u64, records: &[u64]) -> u64 {
        let links = self.archive.links(id);
        let mut hash = crate::hash::Stable::new();
        hash.u64(shared).u64(records[id.index()]).value(links).value(&(
            &links.cited_by,
            &links.related_by,
            links.ended_by,
            links.partly_ended,
            links.previous,
            links.next,
            links.ended_on(crate::content::today()),
        ));
        let named = links.references.iter().flat_map(|target| match target {
            RefTarget::Notice(t) => std::slice::from_ref(t),
            RefTarget::Ambiguous(ts) => ts.as_slice(),
            _ => &[],
        });
        let related =
            links.relations.iter().flat_map(|(_, targets)| targets.iter().filter_map(|t| t.notice.as_ref()));
        let others = links.related_by.iter().flat_map(|(_, from)| from);
        let around = links.ended_by.iter().map(|(t, _)| t).chain(&links.previous).chain(&links.next);
        for other in
            named.chain(&links.cites).chain(&links.cited_by).chain(related).chain(others).chain(around)
        {
            hash.u64(records[other.index()]);
        }
        hash.finish()
    }
}
