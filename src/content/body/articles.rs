//! What a body knows of its own articles and clauses: their anchors by part, article and
//! clause, and the links from the notice's provisions of itself waiting for them. Giving the
//! anchors is `sections`'s; finding the provisions, `references`'s.

use std::collections::HashMap;

use crate::cite::provision::{self, Provision};

/// The part of a body whose articles are those of the document the notice issues with it
/// (the decision's own articles, then the regulation's, numbered from 1 again).
const ATTACHED_PART: usize = 1;

/// What the body pass knows of the notice's articles: the article being read, the anchors
/// given so far, and the notice's provisions of itself waiting for their anchors.
#[derive(Default)]
pub(super) struct Articles {
    /// Anchor and number of the article being read, until a heading or chapter ends it.
    pub(super) current: Option<(String, String)>,
    /// A notice may hold several series of articles (a decision, then the regulation it
    /// issues): each restart at a lower number opens a new part.
    pub(super) part: usize,
    pub(super) last_number: Option<u32>,
    /// (part, article) → anchor; (part, article, clause) → anchor.
    pub(super) anchors: HashMap<(usize, String), String>,
    /// Article → the parts that have it, ascending.
    pub(super) parts_of: HashMap<String, Vec<usize>>,
    pub(super) clauses: HashMap<(usize, String, u16), String>,
    /// Every article and clause anchor, in order.
    pub(super) all: Vec<String>,
    /// Contents level of articles: one below the last heading, else 2.
    pub(super) level: u8,
    /// Links waiting for their anchors: the events that open and close them.
    pub(super) links: Vec<InternalLink>,
}

pub(super) struct InternalLink {
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) provision: Provision,
    pub(super) part: usize,
}

impl Articles {
    /// The articles and clauses of the document the notice issues with it: the anchor each
    /// would have alone (`dieu-2`) and the one it has (`dieu-2-2`), sorted by the first. As a
    /// provision of the notice itself, the first of an article or clause written twice stands.
    pub(super) fn attached(&self) -> Vec<(String, String)> {
        let articles = self
            .anchors
            .iter()
            .filter(|((part, _), _)| *part == ATTACHED_PART)
            .map(|((_, article), anchor)| (provision::article_anchor(article), anchor.clone()));
        let clauses = self.clauses.iter().filter(|((part, ..), _)| *part == ATTACHED_PART).map(
            |((_, article, clause), anchor)| {
                (provision::clause_anchor(&provision::article_anchor(article), *clause), anchor.clone())
            },
        );
        let mut attached: Vec<(String, String)> = articles.chain(clauses).collect();
        attached.sort_unstable();
        attached
    }

    /// The anchor a provision of the notice itself links to: the clause, else its article, in
    /// the part it is written in, else in the only part that has that article.
    pub(super) fn anchor_of(&self, provision: &Provision, part: usize) -> Option<&String> {
        let parts = self.parts_of.get(&provision.article).map_or(&[][..], Vec::as_slice);
        let part = if parts.binary_search(&part).is_ok() {
            part
        } else {
            match parts {
                [only] => *only,
                _ => return None,
            }
        };
        let clause = provision.clause.and_then(|c| self.clauses.get(&(part, provision.article.clone(), c)));
        clause.or_else(|| self.anchors.get(&(part, provision.article.clone())))
    }
}
