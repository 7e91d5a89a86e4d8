//! Keys to notice pages' fingerprints: a hash, cheap to make, of everything a notice page's
//! view is made from, so that a build can take the fingerprint an earlier run made under the
//! same key rather than build the view again (at a hundred thousand notices, building every
//! view takes most of a second; an edit changes a few dozen).
//!
//! A key is made of what is the same for every notice page (the template and what it depends
//! on, the settings, the values of the indexes a page links to), of the notice's own record
//! (the notice as read, its address, status and the parts of links to it) and links (both
//! ways, with its neighbours in series), and of the records of every notice those links name:
//! a page shows nothing of a notice it does not link. It does not say what the view is: the
//! fingerprint, a hash of the very view, does; a key only says when the one made before still
//! holds. Debug builds check every fingerprint taken so against the view's.

use rayon::prelude::*;

use super::Pages;
use crate::archive::{NoticeId, RefTarget};

/// Notice pages' keys, by notice id.
pub struct NoticeKeys {
    keys: Vec<u64>,
}

impl NoticeKeys {
    pub fn get(&self, id: NoticeId) -> u64 {
        self.keys[id.index()]
    }
}

impl Pages<'_> {
    /// The key of every notice page of the archive.
    pub fn notice_keys(&self) -> NoticeKeys {
        let shared = self.shared_key();
        let ids: Vec<NoticeId> = self.archive.ids().collect();
        let records: Vec<u64> = ids.par_iter().map(|&id| self.record(id)).collect();
        let keys = ids.par_iter().map(|&id| self.key(id, shared, &records)).collect();
        NoticeKeys { keys }
    }

    /// What every notice page is made from besides notices: the template with what it
    /// depends on (its files, the labels, the settings shown), every setting, what a notice's
    /// body depends on besides its file, and each value of the indexes with its folder.
    fn shared_key(&self) -> u64 {
        let mut hash = crate::hash::Stable::new();
        hash.u64(self.theme.template_hash(super::notice::TEMPLATE))
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
