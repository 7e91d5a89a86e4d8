//! The parts of notices' views and of links to them that take work to make and are the same
//! on every page (dates as written, whether a title shows its type, each link's digest by the
//! way back to the root), made once a build; and the digests of the site menu. What a page's
//! view is, and how a fingerprint takes a digest in place of the fields, is `mod.rs`'s.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::super::layout;
use super::text::{date_short, starts_with_type};
use crate::archive::indexes::Dimension;
use crate::archive::{Archive, NoticeId};

/// By notice id: the parts of a notice's views and of links to it that take work to make and
/// are the same on every page, made once for a build rather than for each page and link.
pub struct LinkParts {
    pub(super) parts: Vec<LinkPart>,
    /// The digests of the site menu (see [`Menu`](super::Menu)) by depth, and by the
    /// dimension shown (none first, then each in [`Dimension::ALL`] order).
    menus: [[OnceLock<u64>; 1 + Dimension::ALL.len()]; DIGEST_DEPTHS],
    /// What a link between notice pages asks of the notice it goes to, apart from the rest
    /// and small: every notice page asks it of each notice it links, and at a hundred thousand
    /// notices those are mostly not in the processor's cache.
    pub(super) between: Vec<BetweenNotices>,
}

/// How many ways back to the root (`""`, `"../"`, `"../../"`, …) a link's digest is kept for:
/// pages lie at most this deep. Two more are kept for links between notice pages, to a notice
/// of the same year and of another (see [`layout::NoticeLink`]).
pub(super) const DIGEST_DEPTHS: usize = 8;

pub(super) struct LinkPart {
    /// Whether the type is shown (the title does not begin with it).
    pub(super) type_shown: bool,
    pub(super) date: Option<String>,
    pub(super) date_short: Option<String>,
    /// The stable hash of the link to the notice as the pages at each depth show it (the
    /// link differs only by its way back to the root), made by the first page that needs it:
    /// a notice is linked from many pages.
    digests: [OnceLock<u64>; DIGEST_DEPTHS],
}

/// Of a notice, what links to it from other notice pages need: the year of its folder (see
/// [`layout::notice_folder_year`]), by a number that each distinct year is given, and the
/// digests of the link from a notice page of the same year and of another.
pub(super) struct BetweenNotices {
    pub(super) folder_year: Option<u32>,
    digests: [OnceLock<u64>; 2],
}

impl LinkParts {
    pub fn new(archive: &Archive) -> LinkParts {
        let language = archive.config.language;
        let mut years: FxHashMap<&str, u32> = Default::default();
        let mut between = Vec::with_capacity(archive.len());
        let parts = archive
            .ids()
            .map(|id| (archive.notice(id), archive.url(id)))
            .map(|(notice, url)| {
                let folder_year = layout::notice_folder_year(url).map(|year| {
                    let next = years.len() as u32;
                    *years.entry(year).or_insert(next)
                });
                between.push(BetweenNotices { folder_year, digests: Default::default() });
                LinkPart {
                    type_shown: !starts_with_type(&notice.title, &notice.doc_type),
                    date: notice.date.map(|d| d.to_string()),
                    date_short: notice.date.map(|d| date_short(d, language)),
                    digests: Default::default(),
                }
            })
            .collect();
        LinkParts { parts, between, menus: Default::default() }
    }

    /// The digest kept for the site menu on pages `depth` folders deep of dimension `current`.
    pub(super) fn menu_digest(&self, depth: usize, current: Option<Dimension>) -> Option<&OnceLock<u64>> {
        let shown = current.map_or(0, |dimension| 1 + dimension.place());
        self.menus.get(depth)?.get(shown)
    }

    /// The digest kept for links to notice `id` seen from pages `depth` folders deep, or, past
    /// [`DIGEST_DEPTHS`], from notice pages.
    pub(super) fn digest(&self, id: NoticeId, slot: usize) -> Option<&OnceLock<u64>> {
        match slot.checked_sub(DIGEST_DEPTHS) {
            None => self.parts[id.index()].digests.get(slot),
            Some(between) => self.between[id.index()].digests.get(between),
        }
    }
}
