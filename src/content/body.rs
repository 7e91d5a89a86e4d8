//! Bodies: one notice's Markdown to HTML, once.
//!
//! Owns the pulldown-cmark pass: tables, footnotes and strikethrough; raw HTML escaped unless
//! allowed; an anchor on every heading and on every paragraph that opens with a bold section
//! number (`**1. Về kết quả:**`, `**3.2.**`, `**II. NHIỆM VỤ**`), collected into a table of
//! contents; articles (a paragraph or heading opening with **Điều N.**) anchored `dieu-N` and
//! listed in the contents, and their numbered clauses (list items or paragraphs opening with
//! `N.`) anchored `dieu-N-khoan-M`; links from the notice's provisions of itself ("Điều 3 của
//! Quy định này", a bare "Điều 5" when the notice has that article) to those anchors; and the
//! references of the body, both citations found in its text (with the provision cited next to
//! them) and explicit `notice:` links. References are left in the HTML as placeholders, because what they point to
//! is only known once the whole archive is loaded: [`fill_references`] replaces them later
//! without parsing the Markdown again. Resolving a reference is not done here.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use jiff::civil::Date;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::cite::grammar;
use crate::cite::number::DocNumber;
use crate::cite::provision::{self, Provision};
use crate::slug::slugify;

/// What the rest of the pipeline needs to know of a rendered body. The HTML itself, with
/// reference placeholders (see [`fill_references`]), is returned beside it and kept apart:
/// it is large and only the notice's own page needs it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Body {
    pub toc: Vec<TocEntry>,
    pub references: Vec<BodyRef>,
    /// Plain text of the first paragraph.
    pub first_paragraph: String,
    /// Whether the body has no text at all.
    pub is_empty: bool,
    /// The anchors of its articles and clauses (`dieu-5 dieu-5-khoan-2 …`), one space
    /// between: what citations of a provision of this notice may link to.
    #[serde(default)]
    pub provisions: String,
}

impl Body {
    /// Whether the body has an article or clause with this anchor.
    pub fn has_provision(&self, anchor: &str) -> bool {
        self.provisions.split(' ').any(|a| a == anchor)
    }

    /// Whether the body has articles at all.
    pub fn has_articles(&self) -> bool {
        !self.provisions.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TocEntry {
    pub level: u8,
    pub label: String,
    pub anchor: String,
}

/// How a reference was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RefOrigin {
    /// A number found in the running text.
    Detected,
    /// A `[text](notice:NUMBER)` link: it must resolve.
    Explicit,
}

/// A reference from the body to a notice, by number.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BodyRef {
    pub origin: RefOrigin,
    /// The number as written, or the link target for a malformed explicit link.
    pub text: String,
    /// The canonical key of the number; `None` only for an explicit link whose target is not
    /// a notice number.
    pub key: Option<String>,
    /// The year the reference asks for: from `@YYYY` of an explicit link or a bound date.
    pub year: Option<i16>,
    pub date: Option<Date>,
    /// Canonical type name of the type word before the number, if any.
    pub type_word: Option<&'static str>,
    /// A short form whose key stops after its type code (`8/2022/TT`): a citation only when
    /// exactly one archived notice matches.
    pub partial: bool,
    /// The provision cited with the number (`khoản 2 Điều 5`); boxed, as most references
    /// cite none.
    pub provision: Option<Box<Provision>>,
    /// Position in the source file of what the reference covers, the provision included
    /// (line from 1 in the whole file, column in characters).
    pub line: usize,
    pub column: usize,
}

/// A [`BodyRef`] as a saved build state holds it: the type word as text, read back into the
/// grammar's table of type names.
#[derive(serde::Deserialize)]
struct SavedBodyRef {
    origin: RefOrigin,
    text: String,
    key: Option<String>,
    year: Option<i16>,
    date: Option<Date>,
    type_word: Option<String>,
    #[serde(default)]
    partial: bool,
    #[serde(default)]
    provision: Option<Box<Provision>>,
    line: usize,
    column: usize,
}

impl<'de> serde::Deserialize<'de> for BodyRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = SavedBodyRef::deserialize(deserializer)?;
        Ok(BodyRef {
            origin: saved.origin,
            text: saved.text,
            key: saved.key,
            year: saved.year,
            date: saved.date,
            type_word: saved.type_word.as_deref().and_then(crate::cite::grammar::type_word),
            partial: saved.partial,
            provision: saved.provision,
            line: saved.line,
            column: saved.column,
        })
    }
}

/// Words of a paragraph shown in the contents after a bare section number.
const TOC_WORDS: usize = 8;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const END: char = '\u{E002}';

static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?P<roman>[IVXLC]{1,6})\.|(?P<num>\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+))(?:\s|$)",
    )
    .expect("section number pattern")
});

/// The contents level of a numbered section: `I.` is 1, `3.` is 2, `3.1` is 3.
fn section_level(caps: &regex::Captures) -> u8 {
    if caps.name("roman").is_some() {
        return 1;
    }
    let number = caps.name("num").map_or("", |m| m.as_str()).trim_end_matches('.');
    1 + number.split('.').count().min(5) as u8
}

/// A section's label without the colon that ends a lead-in (`1. Về kết quả:`).
fn section_label(text: &str) -> String {
    text.trim().trim_end_matches(':').trim().to_string()
}

/// A body rendered: what the pipeline keeps of it, its HTML, and its plain text.
pub struct Rendered {
    pub body: Body,
    /// HTML with reference placeholders; see [`fill_references`].
    pub html: String,
    /// The text a reader sees, for the search index: blocks end with a line break, tags and
    /// image addresses are left out.
    pub text: String,
}

/// Renders a Markdown body to what the pipeline needs of it, its HTML and its text.
/// `first_line` is the line of the file on which the body starts.
pub fn render(markdown: &str, first_line: usize, raw_html: bool) -> Rendered {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut pass = BodyPass::new(markdown, first_line, raw_html);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        pass.event(event, range.start);
    }
    pass.finish()
}

struct BodyPass<'a> {
    source: &'a str,
    first_line: usize,
    raw_html: bool,
    events: Vec<Event<'a>>,
    references: Vec<BodyRef>,
    toc: Vec<TocEntry>,
    anchors: HashSet<String>,
    /// The next suffix to try for each wanted anchor, so that repeats cost no search.
    anchor_suffixes: HashMap<String, usize>,
    /// Where the last position was computed, so positions cost the text between them.
    cursor: Cursor,
    /// Merged text waiting for citation detection, with the source offset of its start.
    text: String,
    text_offset: usize,
    /// Inside a link, image or code block, text is left alone; explicit links carry their reference.
    links: Vec<LinkKind>,
    /// Open images, and whether each was dropped for its address.
    images: Vec<bool>,
    opaque_depth: usize,
    heading: Option<(usize, String)>,
    /// Index of a paragraph start that may become a numbered section, and its bold label so far.
    paragraph: Option<usize>,
    section_label: Option<String>,
    paragraphs_seen: usize,
    /// A contents entry labelled only by a number, and the paragraph's words so far.
    bare_number_tail: Option<(usize, String)>,
    first_paragraph: String,
    has_text: bool,
    /// The text a reader sees, for search.
    plain: String,
    /// Articles and clauses: see [`Articles`].
    articles: Articles,
    /// Open lists, and the next clause number of an ordered list right inside an article.
    list_depth: usize,
    clause_list: Option<u32>,
}

/// What the body pass knows of the notice's articles: the article being read, the anchors
/// given so far, and the notice's provisions of itself waiting for their anchors.
#[derive(Default)]
struct Articles {
    /// Anchor and number of the article being read, until a heading or chapter ends it.
    current: Option<(String, String)>,
    /// A notice may hold several series of articles (a decision, then the regulation it
    /// issues): each restart at a lower number opens a new part.
    part: usize,
    last_number: Option<u32>,
    /// (part, article) → anchor; (part, article, clause) → anchor.
    anchors: HashMap<(usize, String), String>,
    clauses: HashMap<(usize, String, u16), String>,
    /// Every article and clause anchor, in order.
    all: Vec<String>,
    /// Contents level of articles: one below the last heading, else 2.
    level: u8,
    /// Links waiting for their anchors: the events that open and close them.
    links: Vec<InternalLink>,
}

struct InternalLink {
    open: usize,
    close: usize,
    provision: Provision,
    part: usize,
}

impl Articles {
    /// The anchor a provision of the notice itself links to: the clause, else its article, in
    /// the part it is written in, else in the only part that has that article.
    fn anchor_of(&self, provision: &Provision, part: usize) -> Option<&String> {
        let parts: Vec<usize> =
            (0..=self.part).filter(|&p| self.anchors.contains_key(&(p, provision.article.clone()))).collect();
        let part = if parts.contains(&part) {
            part
        } else {
            match parts.as_slice() {
                [only] => *only,
                _ => return None,
            }
        };
        let clause = provision.clause.and_then(|c| self.clauses.get(&(part, provision.article.clone(), c)));
        clause.or_else(|| self.anchors.get(&(part, provision.article.clone())))
    }
}

impl<'a> BodyPass<'a> {
    fn new(source: &'a str, first_line: usize, raw_html: bool) -> Self {
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
            paragraphs_seen: 0,
            bare_number_tail: None,
            first_paragraph: String::new(),
            has_text: false,
            plain: String::with_capacity(source.len()),
            articles: Articles { level: 2, ..Articles::default() },
            list_depth: 0,
            clause_list: None,
        }
    }

    fn event(&mut self, event: Event<'a>, offset: usize) {
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
                self.plain.push('\n');
                self.events.push(Event::FootnoteReference(unmark(label)));
            }
            other => {
                self.flush_text();
                self.section_label = None;
                match other {
                    Event::SoftBreak => self.plain.push(' '),
                    Event::HardBreak | Event::Rule => self.plain.push('\n'),
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

    /// Text for search, its line breaks as spaces: in the plain text a line break ends a block.
    fn search_text(&mut self, text: &str) {
        if text.contains('\n') {
            self.plain.extend(text.chars().map(|c| if c == '\n' { ' ' } else { c }));
        } else {
            self.plain.push_str(text);
        }
    }

    /// The text of raw HTML: tags left out, each ending a block.
    fn search_text_of_markup(&mut self, html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            self.search_text(&rest[..open]);
            self.plain.push('\n');
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
        self.events.push(Event::Start(tag));
    }

    fn end(&mut self, tag: TagEnd) {
        self.flush_text();
        if ends_block(tag) {
            self.plain.push('\n');
        }
        match tag {
            TagEnd::Paragraph => {
                self.paragraph = None;
                self.finish_bare_number_label();
            }
            TagEnd::Strong => self.finish_section_label(),
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

    fn finish_section_label(&mut self) {
        let Some(label) = self.section_label.take() else { return };
        let Some(paragraph) = self.paragraph else { return };
        if let Some(number) = provision::article_label(&label) {
            let anchor = self.start_article(&number);
            self.events[paragraph] = Event::Html(format!("<p id=\"{anchor}\">").into());
            let label = section_label(&label);
            if is_bare_article(&label) {
                // "**Điều 1.** Ban hành kèm theo …": the contents shows the first words after it.
                self.bare_number_tail = Some((self.toc.len(), String::new()));
            }
            self.toc.push(TocEntry { level: self.articles.level, label, anchor });
            return;
        }
        if ends_article(&label) {
            self.articles.current = None;
        }
        let Some(caps) = SECTION_NUMBER.captures(&label) else { return };
        let level = section_level(&caps);
        let label = section_label(&label);
        let anchor = self.unique_anchor(&format!("muc-{}", slugify(&label)));
        // A bold-numbered clause of an article keeps its section anchor and gains the clause's.
        let clause = provision::clause_label(&label).and_then(|n| self.clause_anchor(n));
        let clause = clause.map(|c| format!("<span id=\"{c}\"></span>")).unwrap_or_default();
        self.events[paragraph] = Event::Html(format!("<p id=\"{anchor}\">{clause}").into());
        if !label.chars().any(char::is_alphabetic) || caps.name("roman").is_some() && label.len() <= 6 {
            // "**3.2.** Tăng cường …": the contents shows the first words after the number.
            self.bare_number_tail = Some((self.toc.len(), String::new()));
        }
        self.toc.push(TocEntry { level, label, anchor });
    }

    /// Completes a contents entry whose bold label was only a number.
    fn finish_bare_number_label(&mut self) {
        let Some((entry, words)) = self.bare_number_tail.take() else { return };
        let words: Vec<&str> = words.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        let shown = words.iter().take(TOC_WORDS).copied().collect::<Vec<_>>().join(" ");
        let ellipsis = if words.len() > TOC_WORDS { "…" } else { "" };
        let label = &mut self.toc[entry].label;
        *label = format!("{label} {}{ellipsis}", shown.trim_end_matches([',', ';', ':']));
    }

    fn finish_heading(&mut self, level: HeadingLevel) {
        let Some((index, text)) = self.heading.take() else { return };
        let Event::Start(Tag::Heading { id, classes, attrs, .. }) =
            std::mem::replace(&mut self.events[index], Event::SoftBreak)
        else {
            return;
        };
        let wanted = id.as_deref().map(str::to_string).unwrap_or_else(|| slugify(&text));
        let article = provision::article_label(&text).map(|number| self.start_article(&number));
        let anchor = match &article {
            Some(article) if *article == wanted => article.clone(),
            _ => self.unique_anchor(if wanted.is_empty() { "muc" } else { &wanted }),
        };
        // `### **3. Về phương hướng…:**`, as converted from Word: listed at its number's level.
        let (toc_level, label) = match SECTION_NUMBER.captures(&text) {
            Some(caps) => (section_level(&caps), section_label(&text)),
            None => (level as u8, text.trim().to_string()),
        };
        self.toc.push(TocEntry { level: toc_level, label, anchor: anchor.clone() });
        match article {
            // The heading keeps the anchor of its words; the article's is set inside it.
            Some(article) if article != anchor => {
                let tag = format!("<{level} id=\"{anchor}\"><span id=\"{article}\"></span>");
                self.events[index] = Event::Html(tag.into());
            }
            Some(_) => {
                self.events[index] =
                    Event::Start(Tag::Heading { level, id: Some(anchor.into()), classes, attrs })
            }
            None => {
                self.articles.current = None;
                self.articles.level = (toc_level + 1).min(6);
                self.events[index] =
                    Event::Start(Tag::Heading { level, id: Some(anchor.into()), classes, attrs });
            }
        }
    }

    /// Opens article `number` (`5`, `5a`): its anchor, unique in the page.
    fn start_article(&mut self, number: &str) -> String {
        let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
        let n: u32 = digits.parse().unwrap_or(0);
        if self
            .articles
            .last_number
            .is_some_and(|last| n < last || n == last && !number.ends_with(char::is_alphabetic))
        {
            self.articles.part += 1;
        }
        self.articles.last_number = Some(n);
        let anchor = self.unique_anchor(&provision::article_anchor(number));
        self.articles
            .anchors
            .entry((self.articles.part, number.to_string()))
            .or_insert_with(|| anchor.clone());
        self.articles.all.push(anchor.clone());
        self.articles.current = Some((anchor.clone(), number.to_string()));
        anchor
    }

    /// The anchor of clause `clause` of the article being read, if one is.
    fn clause_anchor(&mut self, clause: u16) -> Option<String> {
        let (article_anchor, number) = self.articles.current.clone()?;
        let anchor = self.unique_anchor(&provision::clause_anchor(&article_anchor, clause));
        self.articles.clauses.entry((self.articles.part, number, clause)).or_insert_with(|| anchor.clone());
        self.articles.all.push(anchor.clone());
        Some(anchor)
    }

    /// A paragraph of an article that opens with a clause number (`2. …`) gets its anchor.
    fn mark_clause_paragraph(&mut self, text: &str) {
        let Some(paragraph) = self.paragraph else { return };
        if self.events.len() != paragraph + 1
            || self.list_depth > 0
            || self.section_label.is_some()
            || self.articles.current.is_none()
        {
            return;
        }
        if let Some(anchor) = provision::clause_label(text).and_then(|n| self.clause_anchor(n)) {
            self.events[paragraph] = Event::Html(format!("<p id=\"{anchor}\">").into());
        }
    }

    /// `wanted`, or `wanted-2`, `wanted-3`… when taken. Each wanted name remembers the last
    /// suffix it got, so a thousand equal headings cost a thousand tries, not half a million.
    /// Whether a link or image address would run a script or embed data: such links are
    /// dropped, their text kept, unless the archive allows raw HTML.
    fn is_unsafe(&self, url: &str) -> bool {
        !self.raw_html && is_script_url(url)
    }

    fn unique_anchor(&mut self, wanted: &str) -> String {
        let mut n = self.anchor_suffixes.get(wanted).copied().unwrap_or(1);
        let mut anchor = if n == 1 { wanted.to_string() } else { format!("{wanted}-{n}") };
        while !self.anchors.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{wanted}-{n}");
        }
        self.anchor_suffixes.insert(wanted.to_string(), n);
        anchor
    }

    /// Line and column in the file of a source offset.
    fn position(&mut self, offset: usize) -> (usize, usize) {
        let (line, column) = self.cursor.advance(self.source, offset);
        (line + self.first_line - 1, column)
    }

    fn push_explicit_reference(&mut self, target: &str, offset: usize) -> usize {
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
            date: None,
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
    fn flush_text(&mut self) {
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
                        key: Some(citation.number.key),
                        date: citation.date,
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

    fn finish(mut self) -> Rendered {
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
        let body = Body {
            toc: self.toc,
            references: self.references,
            first_paragraph: self.first_paragraph.split_whitespace().collect::<Vec<_>>().join(" "),
            is_empty: !self.has_text,
            provisions: self.articles.all.join(" "),
        };
        Rendered { body, html, text: self.plain }
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

/// An article's bold label with no words after its number (`Điều 1.`).
fn is_bare_article(label: &str) -> bool {
    let number = label.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    !label[number..].chars().skip_while(|c| c.is_alphanumeric()).any(char::is_alphabetic)
}

/// Whether a bold label opens a part of the notice that no article's clauses run into.
fn ends_article(label: &str) -> bool {
    let lower = label.trim_start().to_lowercase();
    ["chương", "mục ", "phần ", "phụ lục"].iter().any(|w| lower.starts_with(w))
}

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

/// An open link: an ordinary one, an explicit `notice:` link with its reference, or one
/// whose address was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Plain,
    Explicit(usize),
    Dropped,
}

/// Schemes whose links run code or carry a document in the address.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data"];

/// Whether `url` uses one of [`SCRIPT_SCHEMES`], read as a browser reads it: spaces and
/// control characters around and inside the scheme ignored, case ignored.
fn is_script_url(url: &str) -> bool {
    let Some(colon) = url.find(':') else { return false };
    let scheme: String =
        url[..colon].chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    SCRIPT_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(&scheme))
}

/// Text that ends up in an attribute (a code block's language, a link's address or title, a
/// footnote's label) with the placeholder marks replaced, so that none can pass for one.
fn unmark(text: CowStr<'_>) -> CowStr<'_> {
    if has_marks(&text) { text.replace([OPEN, CLOSE, END], "\u{FFFD}").into() } else { text }
}

fn unmark_tag(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)) => {
            Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(unmark(info)))
        }
        Tag::Link { link_type, dest_url, title, id } => {
            Tag::Link { link_type, dest_url: unmark(dest_url), title: unmark(title), id: unmark(id) }
        }
        Tag::Image { link_type, dest_url, title, id } => {
            Tag::Image { link_type, dest_url: unmark(dest_url), title: unmark(title), id: unmark(id) }
        }
        Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(unmark(label)),
        other => other,
    }
}

/// Whether text holds the private-use characters that mark placeholders.
fn has_marks(text: &str) -> bool {
    text.contains([OPEN, CLOSE, END])
}

/// Text for the HTML writer, which escapes it; text holding placeholder marks is escaped
/// here instead, so that no author's text can pass for a placeholder.
fn text_event(text: CowStr<'_>) -> Event<'_> {
    if has_marks(&text) {
        let mut html = String::with_capacity(text.len() + 16);
        escape_into(&mut html, &text);
        Event::InlineHtml(html.into())
    } else {
        Event::Text(text)
    }
}

fn open_placeholder(index: usize) -> String {
    format!("{OPEN}{index}{CLOSE}")
}

fn close_placeholder(index: usize) -> String {
    format!("{END}{index}{CLOSE}")
}

/// Escapes text for HTML, and the private-use characters that mark placeholders.
pub fn escape_into(out: &mut String, text: &str) {
    let mut done = 0;
    for (at, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            // U+E000..U+E002 are EE 80 80..82 in UTF-8: the placeholder marks.
            0xEE if text.as_bytes().get(at + 1) == Some(&0x80)
                && matches!(text.as_bytes().get(at + 2), Some(0x80..=0x82)) =>
            {
                match text.as_bytes()[at + 2] {
                    0x80 => "&#xE000;",
                    0x81 => "&#xE001;",
                    _ => "&#xE002;",
                }
            }
            _ => continue,
        };
        out.push_str(&text[done..at]);
        out.push_str(replacement);
        done = if byte == 0xEE { at + 3 } else { at + 1 };
    }
    out.push_str(&text[done..]);
}

/// A place in a text as byte offset, line and column (from 1, column in characters), moved
/// forward by reading only the text in between; asked for an earlier place, it starts over.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor { offset: 0, line: 1, column: 1 }
    }
}

impl Cursor {
    /// Line and column of `offset` in `text`.
    fn advance(&mut self, text: &str, offset: usize) -> (usize, usize) {
        if offset < self.offset {
            *self = Cursor::default();
        }
        let between = &text[self.offset..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.column = between[last + 1..].chars().count() + 1;
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Replaces reference placeholders: `open(i)` and `close(i)` give the markup around reference `i`.
pub fn fill_references(
    html: &str,
    out: &mut String,
    open: impl Fn(usize) -> String,
    close: impl Fn(usize) -> String,
) {
    let mut rest = html;
    while let Some(at) = rest.find([OPEN, END]) {
        out.push_str(&rest[..at]);
        let marker = rest[at..].chars().next().unwrap_or(OPEN);
        let after = &rest[at + marker.len_utf8()..];
        let Some(stop) = after.find(CLOSE) else {
            out.push_str(&rest[at..]);
            return;
        };
        let index: usize = after[..stop].parse().unwrap_or(usize::MAX);
        out.push_str(&if marker == OPEN { open(index) } else { close(index) });
        rest = &after[stop + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body and its HTML.
    fn pair(markdown: &str, first_line: usize, raw_html: bool) -> (Body, String) {
        let rendered = render(markdown, first_line, raw_html);
        (rendered.body, rendered.html)
    }

    #[test]
    fn the_plain_text_is_what_a_reader_sees() {
        let text = render(
            "**1. Về kết quả:** Tổ chức &amp; cán bộ.\n\n- một\n- hai\n\n![ảnh](a.png) `mã` [liên kết](https://x.vn)\ndòng\n",
            1,
            false,
        )
        .text;
        assert!(text.contains("1. Về kết quả: Tổ chức & cán bộ."), "{text:?}");
        assert!(text.contains("một\n") && text.contains("hai\n"), "{text:?}");
        assert!(text.contains("mã liên kết dòng"), "{text:?}");
        assert!(!text.contains("ảnh") && !text.contains("a.png") && !text.contains('<'), "{text:?}");
        let raw = render("a <b>đậm</b> c\n", 1, true).text;
        assert!(raw.contains("đậm") && !raw.contains("<b>"), "{raw:?}");
    }

    fn plain(html: &str) -> String {
        let mut out = String::new();
        fill_references(html, &mut out, |i| format!("[{i}:"), |_| "]".into());
        out
    }

    #[test]
    fn headings_and_bold_sections_get_anchors_and_toc() {
        let (body, html) = pair(
            "## Mục tiêu\n\n**1. Về kết quả công tác:** nội dung.\n\n**3.2.** tiếp theo.\n\n**II. NHIỆM VỤ**\n\n**Lưu ý:** không phải mục.\n\n## Mục tiêu\n",
            5,
            false,
        );
        let labels: Vec<_> =
            body.toc.iter().map(|t| (t.level, t.label.as_str(), t.anchor.as_str())).collect();
        assert_eq!(
            labels,
            vec![
                (2, "Mục tiêu", "muc-tieu"),
                (2, "1. Về kết quả công tác", "muc-1-ve-ket-qua-cong-tac"),
                (3, "3.2. tiếp theo.", "muc-3-2"),
                (1, "II. NHIỆM VỤ", "muc-ii-nhiem-vu"),
                (2, "Mục tiêu", "muc-tieu-2"),
            ]
        );
        assert!(html.contains("<p id=\"muc-1-ve-ket-qua-cong-tac\"><strong>"), "{}", html);
        assert!(html.contains("<h2 id=\"muc-tieu-2\">"));
    }

    #[test]
    fn numbered_headings_are_listed_at_their_numbers_level() {
        let (body, _) = pair(
            "**1. Về kết quả:** a.\n\n**2. Về hạn chế:** b.\n\n### **3. Về phương hướng:**\n\n#### **3.1. Trước mắt:**\n\n### Ghi chú:\n\n### 2024. Năm\n",
            1,
            false,
        );
        let levels: Vec<_> = body.toc.iter().map(|t| (t.level, t.label.as_str())).collect();
        assert_eq!(
            levels,
            vec![
                (2, "1. Về kết quả"),
                (2, "2. Về hạn chế"),
                (2, "3. Về phương hướng"),
                (3, "3.1. Trước mắt"),
                (3, "Ghi chú:"),
                (3, "2024. Năm"),
            ]
        );
    }

    #[test]
    fn articles_and_clauses_get_anchors_and_contents_entries() {
        let (body, html) = pair(
            "**Điều 1.** Ban hành kèm theo Quyết định này Quy định về công tác văn thư của cơ quan.\n\n\
             **Điều 2. Trách nhiệm thi hành**\n\n\
             1. Văn phòng chủ trì.\n\n   a) Điểm một;\n\n2. Các sở phối hợp.\n\n\
             ## QUY ĐỊNH VỀ CÔNG TÁC VĂN THƯ\n\n\
             ### Điều 1. Phạm vi điều chỉnh\n\n\
             1\\. Quy định này áp dụng cho cơ quan.\n\n\
             **2. Về đối tượng:** cán bộ, công chức.\n\n\
             **Chương II**\n\n\
             3\\. Không phải khoản.\n",
            1,
            false,
        );
        let toc: Vec<_> = body.toc.iter().map(|t| (t.level, t.label.as_str(), t.anchor.as_str())).collect();
        assert_eq!(
            toc,
            vec![
                (2, "Điều 1. Ban hành kèm theo Quyết định này Quy…", "dieu-1"),
                (2, "Điều 2. Trách nhiệm thi hành", "dieu-2"),
                (2, "QUY ĐỊNH VỀ CÔNG TÁC VĂN THƯ", "quy-dinh-ve-cong-tac-van-thu"),
                (3, "Điều 1. Phạm vi điều chỉnh", "dieu-1-pham-vi-dieu-chinh"),
                (2, "2. Về đối tượng", "muc-2-ve-doi-tuong"),
            ]
        );
        for fragment in [
            "<p id=\"dieu-1\"><strong>Điều 1.</strong>",
            "<li id=\"dieu-2-khoan-1\">",
            "<li id=\"dieu-2-khoan-2\">",
            "<h3 id=\"dieu-1-pham-vi-dieu-chinh\"><span id=\"dieu-1-2\"></span>Điều 1. Phạm vi điều chỉnh</h3>",
            "<p id=\"dieu-1-2-khoan-1\">1. Quy định này",
            "<p id=\"muc-2-ve-doi-tuong\"><span id=\"dieu-1-2-khoan-2\"></span>",
            "<p>3. Không phải khoản.</p>",
        ] {
            assert!(html.contains(fragment), "{fragment} missing from {html}");
        }
        assert_eq!(
            body.provisions,
            "dieu-1 dieu-2 dieu-2-khoan-1 dieu-2-khoan-2 dieu-1-2 dieu-1-2-khoan-1 dieu-1-2-khoan-2"
        );
        assert!(body.has_provision("dieu-2-khoan-2") && !body.has_provision("dieu-3"));
    }

    #[test]
    fn provisions_of_the_notice_itself_link_within_it() {
        let (body, html) = pair(
            "**Điều 1.** Phạm vi.\n\n**Điều 2.** Thực hiện theo khoản 1 Điều 3 của Quyết định này và Điều 1; \
             Điều 5 của Luật Tổ chức không phải; Điều 9 không có.\n\n\
             **Điều 3. Hiệu lực**\n\n1. Một.\n2. Hai.\n",
            1,
            false,
        );
        let links: Vec<(&str, &str)> = html
            .split("<a class=\"provision\" href=\"#")
            .skip(1)
            .map(|part| {
                let (href, rest) = part.split_once("\">").unwrap();
                (href, rest.split_once("</a>").unwrap().0)
            })
            .collect();
        assert_eq!(
            links,
            vec![("dieu-3-khoan-1", "khoản 1 Điều 3 của Quyết định này"), ("dieu-1", "Điều 1")],
            "{html}"
        );
        assert!(body.references.is_empty());
        let (_, plain_notice) = pair("Theo Điều 3 của quy trình.\n", 1, false);
        assert!(!plain_notice.contains("<a"), "{plain_notice}");
    }

    #[test]
    fn a_provision_next_to_a_citation_is_part_of_the_reference() {
        let (body, html) =
            pair("Dòng một.\n\nCăn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP của Chính phủ.\n", 3, false);
        let reference = &body.references[0];
        assert_eq!(reference.key.as_deref(), Some("30/2020/NĐ-CP"));
        assert_eq!(reference.provision.as_ref().map(|p| p.anchor()).as_deref(), Some("dieu-5-khoan-2"));
        assert_eq!((reference.line, reference.column), (5, 8));
        assert!(plain(&html).contains("Căn cứ [0:khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP] của"), "{html}");
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let (_, html) = pair("a <script>x</script> b\n\n<div>c</div>\n", 1, false);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        let (_, raw) = pair("<div>c</div>\n", 1, true);
        assert!(raw.contains("<div>c</div>"));
    }

    #[test]
    fn explicit_links_become_references_with_positions() {
        let (body, html) =
            pair("Dòng một.\n\nXem [kế hoạch](notice:01-KH/TU@2024) và [x](notice:khong-so).\n", 10, false);
        assert_eq!(body.references.len(), 2);
        let first = &body.references[0];
        assert_eq!((first.line, first.column, first.year), (12, 5, Some(2024)));
        assert_eq!(first.key.as_deref(), Some("1-KH/TU"));
        assert!(body.references[1].key.is_none());
        assert_eq!(plain(&html), "<p>Dòng một.</p>\n<p>Xem [0:kế hoạch] và [1:x].</p>\n");
    }

    #[test]
    fn placeholder_characters_in_code_links_and_html_are_escaped() {
        for markdown in [
            "- ```\u{E000}0\u{E001}\n  x\n  ```",
            "[a](https://x.vn/\u{E000}0\u{E001} \"\u{E000}0\u{E001}\")",
            "a[^\u{E000}0\u{E001}]\n\n[^\u{E000}0\u{E001}]: b",
            "`a \u{E000}0\u{E001}x\u{E002}0\u{E001}`",
            "[\u{E000}0\u{E001}](https://x.vn)",
            "a <b>\u{E000}0\u{E001}</b>",
        ] {
            let (_, html) = pair(markdown, 1, false);
            assert!(!plain(&html).contains("[0:"), "{markdown}: {}", plain(&html));
            let (_, raw) = pair(markdown, 1, true);
            assert!(!plain(&raw).contains("[0:"), "{markdown} with raw HTML: {}", plain(&raw));
        }
    }

    #[test]
    fn placeholder_characters_in_text_are_escaped() {
        let (_, html) = pair("a \u{E000}0\u{E001} b\n", 1, false);
        assert_eq!(plain(&html), "<p>a &#xE000;0&#xE001; b</p>\n");
    }

    #[test]
    fn script_and_data_addresses_are_dropped_and_their_text_kept() {
        let markdown = "[a](javascript:alert(1)) <javascript:alert(2)> [b][r] [c](VBScript:x) \
                        [d]( java\tscript:x) ![e](data:image/png;base64,AAAA) [f](https://x.vn/a:b)\n\n\
                        [r]: javascript:alert(3)\n";
        let html = pair(markdown, 1, false).1;
        let addresses: Vec<&str> = html.split(['"']).skip(1).step_by(2).collect();
        assert_eq!(addresses, vec!["https://x.vn/a:b"], "{html}");
        assert!(!html.contains("<img"), "{html}");
        for kept in ["<p>a ", "a javascript:alert(2)", "b c", "e <a"] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
        let raw = pair("[a](javascript:x)\n", 1, true).1;
        assert!(raw.contains("href=\"javascript:x\""), "raw_html keeps links as written: {raw}");
    }

    #[test]
    fn script_schemes_as_a_browser_reads_them() {
        for (url, unsafe_) in [
            ("javascript:x", true),
            (" JAVASCRIPT:x", true),
            ("java\nscript:x", true),
            ("data:text/html,x", true),
            ("vbscript:x", true),
            ("https://x.vn/javascript:x", false),
            ("mailto:a@x.vn", false),
            ("tel:024", false),
            ("#muc-1", false),
            ("van-ban/2024/", false),
            ("javascripts:x", false),
        ] {
            assert_eq!(is_script_url(url), unsafe_, "{url:?}");
        }
    }

    #[test]
    fn first_paragraph_and_emptiness() {
        let (body, _) = pair("Đoạn **đầu**\ntiên.\n\nĐoạn hai.\n", 1, false);
        assert_eq!(body.first_paragraph, "Đoạn đầu tiên.");
        assert!(!body.is_empty);
        assert!(pair("\n\n", 1, false).0.is_empty);
    }
}
