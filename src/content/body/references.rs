//! References of a body: citations found in its text runs and explicit `notice:` links,
//! each left as a placeholder in the HTML, with its line and column in the source file.
//! What the placeholders look like, and filling them, is `placeholders`'s; anchors of the
//! notice's own provisions are `sections`'s.

use pulldown_cmark::{CowStr, Event};

use super::articles::InternalLink;
use super::cursor::Cursor;
use super::placeholders::{close_placeholder, escape_into, open_placeholder, text_event};
use super::state::BodyPass;
use super::{BodyRef, RefOrigin};
use crate::cite::grammar;
use crate::cite::number::DocNumber;
use crate::cite::provision;

impl<'a> BodyPass<'a> {
    /// Line and column in the file of a source offset.
    fn position(&mut self, offset: usize) -> (usize, usize) {
        let (line, column) = self.cursor.advance(self.source, offset);
        (line + self.first_line - 1, column)
    }

    pub(super) fn push_explicit_reference(&mut self, target: &str, offset: usize) -> usize {
        let (line, column) = self.position(offset);
        let (number_text, year) = match target.rsplit_once('@') {
            Some((number, year)) => (number, year.parse::<i16>().ok()),
            None => (target, None),
        };
        let number = DocNumber::parse(number_text).filter(|_| !target.ends_with('@'));
        self.references.push(BodyRef {
            origin: RefOrigin::Explicit,
            text: target.to_string(),
            key: number.map(|n| n.key),
            year,
            year_hint: None,
            date: None,
            impossible_date: None,
            type_word: None,
            partial: false,
            provision: None,
            line,
            column,
        });
        self.references.len() - 1
    }

    /// Emits buffered text, with placeholders around the citations found in it and links from
    /// the notice's provisions of itself (filled in by [`Self::finish`], once every article
    /// is known).
    pub(super) fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        self.mark_clause_paragraph(&text);
        let citations = grammar::find_citations(&text);
        // An article's own label, or a heading, is no provision cited.
        let own = if self.heading.is_some() || self.section_label.is_some() {
            Vec::new()
        } else {
            let taken: Vec<std::ops::Range<usize>> = citations.iter().map(|c| c.link.clone()).collect();
            provision::internal(&text, &taken)
        };
        if citations.is_empty() && own.is_empty() {
            self.events.push(text_event(text.into()));
            return;
        }
        let mut marks: Vec<Mark> =
            citations.into_iter().map(Mark::Cite).chain(own.into_iter().map(Mark::Own)).collect();
        marks.sort_by_key(Mark::start);
        let mut html = String::with_capacity(text.len() + 16);
        let mut done = 0;
        let mut run = Cursor::default();
        for mark in marks {
            match mark {
                Mark::Cite(citation) => {
                    escape_into(&mut html, &text[done..citation.link.start]);
                    let (line, column) = self.citation_position(&mut run, &text, citation.link.start);
                    let index = self.references.len();
                    self.references.push(BodyRef {
                        origin: RefOrigin::Detected,
                        text: citation.number.written,
                        year: citation.date.map(|d| d.year()),
                        year_hint: citation.year,
                        key: Some(citation.number.key),
                        date: citation.date,
                        impossible_date: citation.impossible_date,
                        type_word: citation.type_word,
                        partial: citation.partial,
                        provision: citation.provision.map(Box::new),
                        line,
                        column,
                    });
                    html.push_str(&open_placeholder(index));
                    escape_into(&mut html, &text[citation.link.clone()]);
                    html.push_str(&close_placeholder(index));
                    done = citation.link.end;
                }
                Mark::Own(own) => {
                    escape_into(&mut html, &text[done..own.span.start]);
                    self.events.push(Event::InlineHtml(std::mem::take(&mut html).into()));
                    let open = self.events.len();
                    self.events.push(Event::InlineHtml(CowStr::Borrowed("")));
                    escape_into(&mut html, &text[own.span.clone()]);
                    self.events.push(Event::InlineHtml(std::mem::take(&mut html).into()));
                    let close = self.events.len();
                    self.events.push(Event::InlineHtml(CowStr::Borrowed("")));
                    let part = self.articles.part;
                    self.articles.links.push(InternalLink { open, close, provision: own.provision, part });
                    done = own.span.end;
                }
            }
        }
        escape_into(&mut html, &text[done..]);
        self.events.push(Event::InlineHtml(html.into()));
    }

    /// Position of a citation: the start of its text run, moved on by the text before it.
    /// `run` walks the run from one citation to the next, so a paragraph of many citations is
    /// read once.
    fn citation_position(&mut self, run: &mut Cursor, text: &str, at: usize) -> (usize, usize) {
        let (line, column) = self.position(self.text_offset);
        let (lines, columns) = run.advance(text, at);
        if lines == 1 { (line, column + columns - 1) } else { (line + lines - 1, columns) }
    }
}

/// What a text run links: a citation of another notice, or a provision of the notice itself.
enum Mark {
    Cite(grammar::Citation),
    Own(provision::Internal),
}

impl Mark {
    fn start(&self) -> usize {
        match self {
            Mark::Cite(c) => c.link.start,
            Mark::Own(o) => o.span.start,
        }
    }
}
