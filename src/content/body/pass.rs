//! The body pass: one walk over pulldown-cmark's events, keeping the HTML events, the plain
//! text for search and the first paragraph, and dropping unsafe addresses. Anchors and
//! contents are `sections`'s, references `references`'s, placeholder marks `placeholders`'s.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::placeholders::{
    CLOSE, END, OPEN, close_placeholder, escape_into, has_marks, open_placeholder, text_event, unmark,
    unmark_tag,
};
use super::state::{BodyPass, LinkKind};
use super::{Body, Rendered};

impl<'a> BodyPass<'a> {
    pub(super) fn event(&mut self, event: Event<'a>, offset: usize) {
        match event {
            Event::Text(text) => self.text(text, offset),
            Event::SoftBreak if self.scans_text() => {
                self.note_plain_text(" ");
                self.plain.push(' ');
                self.buffer_text("\n", offset)
            }
            Event::Html(html) | Event::InlineHtml(html) if !self.raw_html => {
                self.flush_text();
                self.has_text = true;
                self.note_plain_text(&html);
                self.search_text(&html);
                self.events.push(text_event(html));
            }
            Event::Html(html) | Event::InlineHtml(html) if self.raw_html && !has_marks(&html) => {
                self.flush_text();
                self.search_text_of_markup(&html);
                self.events.push(Event::InlineHtml(html));
            }
            Event::Html(html) | Event::InlineHtml(html) if has_marks(&html) => {
                // Raw HTML allowed: only the placeholder marks become entities.
                self.flush_text();
                self.search_text_of_markup(&html);
                let mut escaped = String::with_capacity(html.len() + 8);
                for c in html.chars() {
                    match c {
                        OPEN | CLOSE | END => escaped.push_str(&format!("&#x{:X};", c as u32)),
                        c => escaped.push(c),
                    }
                }
                self.events.push(Event::InlineHtml(escaped.into()));
            }
            Event::Code(code) => {
                self.flush_text();
                self.has_text = true;
                self.note_plain_text(&code);
                self.search_text(&code);
                if has_marks(&code) {
                    let mut html = String::from("<code>");
                    escape_into(&mut html, &code);
                    html.push_str("</code>");
                    self.events.push(Event::InlineHtml(html.into()));
                } else {
                    self.events.push(Event::Code(code));
                }
            }
            Event::Start(tag) => self.start(unmark_tag(tag), offset),
            Event::End(tag) => self.end(tag),
            Event::FootnoteReference(label) => {
                self.flush_text();
                self.plain.push(PHRASE_BREAK);
                self.events.push(Event::FootnoteReference(unmark(label)));
            }
            other => {
                self.flush_text();
                self.section_label = None;
                match other {
                    Event::SoftBreak => {
                        self.note_plain_text(" ");
                        self.plain.push(' ');
                    }
                    Event::HardBreak => {
                        // Words on either side of a line break stay apart in the summary.
                        self.note_plain_text(" ");
                        self.plain.push(PHRASE_BREAK);
                    }
                    Event::Rule => self.plain.push('\n'),
                    _ => {}
                }
                self.events.push(other);
            }
        }
    }

    fn scans_text(&self) -> bool {
        self.opaque_depth == 0 && self.links.is_empty()
    }

    fn text(&mut self, text: CowStr<'a>, offset: usize) {
        self.has_text |= !text.trim().is_empty();
        self.note_plain_text(&text);
        if self.images.is_empty() {
            self.search_text(&text);
        }
        if let Some(label) = &mut self.section_label {
            label.push_str(&text);
        }
        if self.scans_text() {
            self.buffer_text(&text, offset);
        } else {
            self.events.push(text_event(text));
        }
    }

    fn note_plain_text(&mut self, text: &str) {
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(text);
        }
        if self.paragraphs_seen == 1 && self.paragraph_is_open() {
            self.first_paragraph.push_str(text);
        }
        if let Some((_, words)) = &mut self.bare_number_tail
            && self.section_label.is_none()
        {
            words.push_str(text);
        }
    }

    /// Text for search, its line breaks as spaces: in the plain text a line break ends a block
    /// (a paragraph, heading, item or cell), and [`PHRASE_BREAK`] stands between words of one
    /// block that no phrase runs across.
    fn search_text(&mut self, text: &str) {
        if text.contains('\n') {
            self.plain.extend(text.chars().map(|c| if c == '\n' { ' ' } else { c }));
        } else {
            self.plain.push_str(text);
        }
    }

    /// The text of raw HTML: tags left out, each breaking a phrase.
    fn search_text_of_markup(&mut self, html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            self.search_text(&rest[..open]);
            self.plain.push(PHRASE_BREAK);
            rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
        }
        self.search_text(rest);
    }

    fn paragraph_is_open(&self) -> bool {
        self.paragraph.is_some()
    }

    fn buffer_text(&mut self, text: &str, offset: usize) {
        if self.text.is_empty() {
            self.text_offset = offset;
        }
        self.text.push_str(text);
    }

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        self.flush_text();
        if is_block(&tag) {
            self.plain.push('\n');
        }
        let section_candidate = self.paragraph == Some(self.events.len().wrapping_sub(1));
        match &tag {
            Tag::Paragraph => {
                self.paragraphs_seen += 1;
                self.paragraph = Some(self.events.len());
                self.bold_line = None;
            }
            Tag::Strong if section_candidate => self.section_label = Some(String::new()),
            Tag::Heading { .. } => self.heading = Some((self.events.len(), String::new())),
            Tag::Image { dest_url, .. } => {
                self.opaque_depth += 1;
                let dropped = self.is_unsafe(dest_url);
                self.images.push(dropped);
                if dropped {
                    return;
                }
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => self.opaque_depth += 1,
            Tag::List(first) => {
                self.list_depth += 1;
                if self.list_depth == 1 {
                    self.clause_list = first.filter(|_| self.articles.current.is_some()).map(|n| n as u32);
                }
            }
            Tag::Item if self.list_depth == 1 => {
                // An ordered list right inside an article: its items are the article's clauses.
                if let Some(n) = self.clause_list {
                    self.clause_list = Some(n + 1);
                    if let Some(anchor) = u16::try_from(n).ok().and_then(|n| self.clause_anchor(n)) {
                        self.events.push(Event::Html(format!("<li id=\"{anchor}\">").into()));
                        return;
                    }
                }
            }
            Tag::Link { dest_url, .. } => {
                if let Some(target) = dest_url.strip_prefix("notice:") {
                    let index = self.push_explicit_reference(target, offset);
                    self.links.push(LinkKind::Explicit(index));
                    self.events.push(Event::InlineHtml(open_placeholder(index).into()));
                    return;
                }
                if self.is_unsafe(dest_url) {
                    self.links.push(LinkKind::Dropped);
                    return;
                }
                self.links.push(LinkKind::Plain);
            }
            _ => {}
        }
        let tag = self.with_attachment_address(tag);
        self.events.push(Event::Start(tag));
    }

    /// A link or picture to an attachment by its name as it is, with the name written as a
    /// link must (see [`crate::content::attachment_href_name`]).
    fn with_attachment_address(&self, tag: Tag<'a>) -> Tag<'a> {
        let names = |url: &str| {
            let name = url.strip_prefix("./").unwrap_or(url);
            self.attachments.iter().any(|a| a == name).then(|| crate::content::attachment_href_name(name))
        };
        match tag {
            Tag::Link { link_type, dest_url, title, id } => match names(&dest_url) {
                Some(href) => Tag::Link { link_type, dest_url: href.into(), title, id },
                None => Tag::Link { link_type, dest_url, title, id },
            },
            Tag::Image { link_type, dest_url, title, id } => match names(&dest_url) {
                Some(href) => Tag::Image { link_type, dest_url: href.into(), title, id },
                None => Tag::Image { link_type, dest_url, title, id },
            },
            tag => tag,
        }
    }

    fn end(&mut self, tag: TagEnd) {
        self.flush_text();
        if ends_block(tag) {
            self.plain.push('\n');
        }
        match tag {
            TagEnd::Paragraph => {
                self.mark_bold_line();
                self.paragraph = None;
                self.finish_bare_number_label();
            }
            TagEnd::Strong => {
                let opening = self.section_label.clone();
                self.finish_section_label();
                // The run's end is the next event.
                self.bold_line = opening.map(|text| (self.events.len() + 1, text));
            }
            TagEnd::Heading(level) => {
                self.finish_heading(level);
            }
            TagEnd::Image => {
                self.opaque_depth = self.opaque_depth.saturating_sub(1);
                if self.images.pop() == Some(true) {
                    return;
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.opaque_depth = self.opaque_depth.saturating_sub(1)
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    self.clause_list = None;
                }
            }
            TagEnd::Link => match self.links.pop() {
                Some(LinkKind::Explicit(index)) => {
                    self.events.push(Event::InlineHtml(close_placeholder(index).into()));
                    return;
                }
                Some(LinkKind::Dropped) => return,
                _ => {}
            },
            _ => {}
        }
        self.events.push(Event::End(tag));
    }

    /// Whether a link or image address would run a script or embed data: such links are
    /// dropped, their text kept, unless the archive allows raw HTML.
    fn is_unsafe(&self, url: &str) -> bool {
        !self.raw_html && is_script_url(url)
    }

    pub(super) fn finish(mut self) -> Rendered {
        self.flush_text();
        for link in &self.articles.links {
            if let Some(anchor) = self.articles.anchor_of(&link.provision, link.part) {
                self.events[link.open] =
                    Event::InlineHtml(format!("<a class=\"provision\" href=\"#{anchor}\">").into());
                self.events[link.close] = Event::InlineHtml(CowStr::Borrowed("</a>"));
            }
        }
        let mut html = String::with_capacity(self.source.len() * 5 / 4);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        let attached = self.articles.attached();
        let mut provisions = self.articles.all;
        provisions.sort_unstable();
        provisions.dedup();
        let body = Body {
            toc: self.toc,
            references_digest: super::digest_of_references(&self.references),
            references: crate::saved::Deferred::new(self.references),
            first_paragraph: self.first_paragraph.split_whitespace().collect::<Vec<_>>().join(" "),
            is_empty: !self.has_text,
            provisions,
            attached,
        };
        Rendered { body, html, text: self.plain }
    }
}

/// What the plain text has where a phrase breaks within a block: a footnote's mark, a hard
/// line break, an HTML tag. Not a letter, digit, space or dash, so no bigram runs across it,
/// and not a line break, so the words after it are placed on the same line (see
/// `publish::search`).
const PHRASE_BREAK: char = '\u{1f}';

/// Whether a tag opens a block, which ends a phrase in the plain text.
fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn ends_block(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Schemes whose links run code or carry a document in the address.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data"];

/// Whether `url` uses one of [`SCRIPT_SCHEMES`], read as a browser reads it: spaces and
/// control characters around and inside the scheme ignored, case ignored.
pub(super) fn is_script_url(url: &str) -> bool {
    let Some(colon) = url.find(':') else { return false };
    let scheme: String =
        url[..colon].chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    SCRIPT_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(&scheme))
}
