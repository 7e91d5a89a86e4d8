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
//!
//! This module owns what a body yields ([`Body`], [`BodyRef`], [`Rendered`]); the walk over
//! the Markdown is `pass`'s (its state `state`'s), anchors and contents `sections`'s (the
//! notice's own articles `articles`'s), references `references`'s (positions `cursor`'s) and
//! the placeholder marks `placeholders`'s.

mod articles;
mod cursor;
mod pass;
mod placeholders;
mod references;
mod sections;
mod state;

#[cfg(test)]
mod tests;

use jiff::civil::Date;
use pulldown_cmark::{Options, Parser};

use crate::cite::provision::Provision;
pub use placeholders::{escape_into, fill_references};
use state::BodyPass;

/// What the rest of the pipeline needs to know of a rendered body. The HTML itself, with
/// reference placeholders (see [`fill_references`]), is returned beside it and kept apart:
/// it is large and only the notice's own page needs it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Body {
    /// Not kept in the build state: it follows from the file, and only the notice's own page
    /// shows it, which reads the file again when the notice was not read in its run.
    #[serde(skip)]
    pub toc: Vec<TocEntry>,
    /// Kept in a build state as their encoding, read back only when needed: to link the
    /// notice again, to list its citations in `api/notices.json` or outside the archive.
    pub references: crate::saved::Deferred<Vec<BodyRef>>,
    /// A stable hash of what its references say, not of where they stand (see
    /// [`digest_of_references`]): told without reading them back. Made with them; what may
    /// change them after (their columns, placed as the file wrote them) it leaves out.
    pub references_digest: u64,
    /// Plain text of the first paragraph.
    pub first_paragraph: String,
    /// Whether the body has no text at all.
    pub is_empty: bool,
    /// The anchors of its articles and clauses (`dieu-5`, `dieu-5-khoan-2`, …), sorted: what
    /// citations of a provision of this notice may link to, looked up by halves (a regulation
    /// may have thousands, and be cited as often).
    #[serde(default)]
    pub provisions: Vec<String>,
    /// The articles and clauses of the document it issues with it (a regulation after a
    /// decision's own articles): the anchor each would have alone, and its own, sorted.
    #[serde(default)]
    pub attached: Vec<(String, String)>,
}

impl Body {
    /// Whether the body has an article or clause with this anchor.
    pub fn has_provision(&self, anchor: &str) -> bool {
        self.provisions.binary_search_by(|a| a.as_str().cmp(anchor)).is_ok()
    }

    /// The anchor of an article or clause of the document it issues with it, named by the
    /// anchor it would have alone (`dieu-2` → `dieu-2-2`).
    pub fn attached_provision(&self, alone: &str) -> Option<&str> {
        let at = self.attached.binary_search_by(|(a, _)| a.as_str().cmp(alone)).ok()?;
        Some(&self.attached[at].1)
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
    /// A year written right after the number ("năm 2023"): the cited notice's year when the
    /// archive has that number in that year, else the year of what the citing notice reports
    /// on ("thực hiện Chỉ thị số 05-CT/TU năm 2023"), which does not choose.
    pub year_hint: Option<i16>,
    pub date: Option<Date>,
    /// A date written after the number that no calendar has, as written (`31/2/2024`).
    pub impossible_date: Option<String>,
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

/// A stable hash of what `references` say (number, text, provision, …), not of where they
/// stand in the file: what a list of a notice's citations (`api/notices.json`) may show.
pub fn digest_of_references(references: &[BodyRef]) -> u64 {
    let mut hash = crate::hash::Stable::new();
    hash.u64(references.len() as u64);
    for reference in references {
        // Every field but the place, named: a field added to a reference must be said here.
        let BodyRef {
            origin,
            text,
            key,
            year,
            year_hint,
            date,
            impossible_date,
            type_word,
            partial,
            provision,
            line: _,
            column: _,
        } = reference;
        hash.value(&(
            origin,
            text,
            key,
            year,
            year_hint,
            date,
            impossible_date,
            type_word,
            partial,
            provision,
        ));
    }
    hash.finish()
}

/// A [`BodyRef`] as a saved build state holds it: the type word as text, read back into the
/// grammar's table of type names.
#[derive(serde::Deserialize)]
struct SavedBodyRef {
    origin: RefOrigin,
    text: String,
    key: Option<String>,
    year: Option<i16>,
    #[serde(default)]
    year_hint: Option<i16>,
    date: Option<Date>,
    #[serde(default)]
    impossible_date: Option<String>,
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
            year_hint: saved.year_hint,
            date: saved.date,
            impossible_date: saved.impossible_date,
            type_word: saved.type_word.as_deref().and_then(crate::cite::grammar::type_word),
            partial: saved.partial,
            provision: saved.provision,
            line: saved.line,
            column: saved.column,
        })
    }
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
    render_with_attachments(markdown, first_line, raw_html, &[])
}

/// [`render`] of the body of a bundle notice with these attachments: a link or picture whose
/// address is an attachment's name as it is (`Biên bản #2.pdf`) has it written as a link must
/// (`Biên bản %232.pdf`), or its `#` would cut it short.
pub fn render_with_attachments(
    markdown: &str,
    first_line: usize,
    raw_html: bool,
    attachments: &[&str],
) -> Rendered {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut pass = BodyPass::new(markdown, first_line, raw_html);
    pass.attachments = attachments.iter().map(|name| name.to_string()).collect();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        pass.event(event, range.start);
    }
    pass.finish()
}
