//! Anchors and contents: a unique anchor for every heading and numbered section, the
//! contents entries they make, and the articles and clauses of the notice itself with the
//! links from its provisions of itself to them. Citations of other notices are `references`'s;
//! walking the Markdown events is the pass's.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Tag};
use regex::Regex;

use super::TocEntry;
use super::state::BodyPass;
use crate::cite::provision;
use crate::slug::slugify;

/// The class of a paragraph that is only the bold lead of a numbered section.
const LEAD: &str = "lead";
/// The class of a heading or bold paragraph set in the middle of the page.
const CENTRED: &str = "centred";

/// Words of a paragraph shown in the contents after a bare section number.
const TOC_WORDS: usize = 8;

static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?P<roman>[IVXLC]{1,6})\.|(?P<num>\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+))(?:\s|$)",
    )
    .expect("section number pattern")
});

/// A chapter or part: `Chương II.`, `PHẦN I`, `Phần thứ hai`.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:[IVXLC]{1,6}|\d{1,2}|(?i:thứ)\s+\S+)(?:[.:]|\s|$)")
        .expect("part pattern")
});

/// Whether a heading, or a paragraph that is one bold run, stands in the middle of the page
/// as on paper: the enacting formula (`QUYẾT ĐỊNH:`, `BAN CHẤP HÀNH ĐẢNG BỘ TỈNH QUYẾT ĐỊNH`),
/// a title in capitals (the regulation a decision issues), a chapter or a part. Not a numbered
/// section (`I. MỤC TIÊU`, `2. Nhiệm vụ`), which stands at the left.
pub(super) fn is_centred_line(text: &str) -> bool {
    let text = text.trim();
    if SECTION_NUMBER.is_match(text) || provision::article_label(text).is_some() {
        return false;
    }
    PART.is_match(text) || text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

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

impl<'a> BodyPass<'a> {
    pub(super) fn finish_section_label(&mut self) {
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
    pub(super) fn finish_bare_number_label(&mut self) {
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

    pub(super) fn finish_heading(&mut self, level: HeadingLevel) {
        let Some((index, text)) = self.heading.take() else { return };
        let Event::Start(Tag::Heading { id, mut classes, attrs, .. }) =
            std::mem::replace(&mut self.events[index], Event::SoftBreak)
        else {
            return;
        };
        if is_centred_line(&text) {
            classes.push(CENTRED.into());
        }
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

    /// Marks the paragraph ending now when it is one bold run and nothing else: one that opens
    /// a numbered section (its anchor set already) as a lead, which a printed page keeps with
    /// what follows; one that stands in the middle of the page (see [`is_centred_line`]) as
    /// such. A lead followed by its text, as `**1. Về kết quả:** …` is, is neither.
    pub(super) fn mark_bold_line(&mut self) {
        let (Some(start), Some((ended, text))) = (self.paragraph, self.bold_line.take()) else { return };
        if ended != self.events.len() {
            return;
        }
        let marked = match &self.events[start] {
            Event::Html(open) if open.starts_with("<p id=") => format!("<p class=\"{LEAD}\" {}", &open[3..]),
            Event::Start(Tag::Paragraph) if is_centred_line(&text) => format!("<p class=\"{CENTRED}\">"),
            _ => return,
        };
        self.events[start] = Event::Html(marked.into());
    }

    /// Opens article `number` (`5`, `5a`): its anchor, unique in the page.
    fn start_article(&mut self, number: &str) -> String {
        let n = provision::article_number(number).unwrap_or(0);
        if self
            .articles
            .last_number
            .is_some_and(|last| n < last || n == last && !number.ends_with(char::is_alphabetic))
        {
            self.articles.part += 1;
        }
        self.articles.last_number = Some(n);
        let anchor = self.unique_anchor(&provision::article_anchor(number));
        let part = self.articles.part;
        let article = number.to_string();
        if let std::collections::hash_map::Entry::Vacant(entry) =
            self.articles.anchors.entry((part, article.clone()))
        {
            entry.insert(anchor.clone());
            self.articles.parts_of.entry(article.clone()).or_default().push(part);
        }
        self.articles.all.push(anchor.clone());
        self.articles.current = Some((anchor.clone(), article));
        anchor
    }

    /// The anchor of clause `clause` of the article being read, if one is.
    pub(super) fn clause_anchor(&mut self, clause: u16) -> Option<String> {
        let (article_anchor, number) = self.articles.current.clone()?;
        let anchor = self.unique_anchor(&provision::clause_anchor(&article_anchor, clause));
        self.articles.clauses.entry((self.articles.part, number, clause)).or_insert_with(|| anchor.clone());
        self.articles.all.push(anchor.clone());
        Some(anchor)
    }

    /// A paragraph of an article that opens with a clause number (`2. …`) gets its anchor.
    pub(super) fn mark_clause_paragraph(&mut self, text: &str) {
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
