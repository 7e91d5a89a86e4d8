//! The state of one walk over a body: what the pass has kept and what it is reading. The walk
//! itself is `pass`'s; the parts of the state that anchors, contents and references keep are
//! theirs to change (`sections`, `references`).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::Event;

use super::articles::Articles;
use super::cursor::Cursor;
use super::{BodyRef, TocEntry};

/// The state of one walk over a body: the events kept so far, what is being read (heading,
/// paragraph, link, list) and what the body yields as it goes.
pub(super) struct BodyPass<'a> {
    pub(super) source: &'a str,
    pub(super) first_line: usize,
    pub(super) raw_html: bool,
    pub(super) events: Vec<Event<'a>>,
    pub(super) references: Vec<BodyRef>,
    pub(super) toc: Vec<TocEntry>,
    pub(super) anchors: HashSet<String>,
    /// The next suffix to try for each wanted anchor, so that repeats cost no search.
    pub(super) anchor_suffixes: HashMap<String, usize>,
    /// Where the last position was computed, so positions cost the text between them.
    pub(super) cursor: Cursor,
    /// Merged text waiting for citation detection, with the source offset of its start.
    pub(super) text: String,
    pub(super) text_offset: usize,
    /// Inside a link, image or code block, text is left alone; explicit links carry their reference.
    pub(super) links: Vec<LinkKind>,
    /// Open images, and whether each was dropped for its address.
    pub(super) images: Vec<bool>,
    pub(super) opaque_depth: usize,
    pub(super) heading: Option<(usize, String)>,
    /// Index of a paragraph start that may become a numbered section, and its bold label so far.
    pub(super) paragraph: Option<usize>,
    pub(super) section_label: Option<String>,
    /// The bold run a paragraph opens with: the number of events once it ended, and its text.
    /// The paragraph is that run alone when no event follows it (see `mark_bold_line`).
    pub(super) bold_line: Option<(usize, String)>,
    pub(super) paragraphs_seen: usize,
    /// A contents entry labelled only by a number, and the paragraph's words so far.
    pub(super) bare_number_tail: Option<(usize, String)>,
    pub(super) first_paragraph: String,
    pub(super) has_text: bool,
    /// The text a reader sees, for search.
    pub(super) plain: String,
    /// Articles and clauses: see [`Articles`].
    pub(super) articles: Articles,
    /// Open lists, and the next clause number of an ordered list right inside an article.
    pub(super) list_depth: usize,
    pub(super) clause_list: Option<u32>,
    /// The names of a bundle notice's attachments, which links may give as they are.
    pub(super) attachments: Vec<String>,
}

impl<'a> BodyPass<'a> {
    pub(super) fn new(source: &'a str, first_line: usize, raw_html: bool) -> Self {
        BodyPass {
            source,
            first_line,
            raw_html,
            events: Vec::with_capacity(256),
            references: Vec::new(),
            toc: Vec::new(),
            anchors: HashSet::new(),
            anchor_suffixes: HashMap::new(),
            cursor: Cursor::default(),
            text: String::new(),
            text_offset: 0,
            links: Vec::new(),
            images: Vec::new(),
            opaque_depth: 0,
            heading: None,
            paragraph: None,
            section_label: None,
            bold_line: None,
            paragraphs_seen: 0,
            bare_number_tail: None,
            first_paragraph: String::new(),
            has_text: false,
            plain: String::with_capacity(source.len()),
            articles: Articles { level: 2, ..Articles::default() },
            list_depth: 0,
            clause_list: None,
            attachments: Vec::new(),
        }
    }
}

/// An open link: an ordinary one, an explicit `notice:` link with its reference, or one
/// whose address was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkKind {
    Plain,
    Explicit(usize),
    Dropped,
}
