//! Recognising a notice's official layout in a read Word document: the header blocks (issuer,
//! number, national or party heading, place and date), the type and title lines, and the footer
//! (recipients and signature), leaving the blocks in between as the body.
//!
//! Works on the neutral model of `docx`, whatever carried the layout: a borderless table, tabs,
//! text boxes or the first-page header. It only finds and cleans field text; it does not choose
//! front-matter keys or spellings of the archive (that is the command, in `import/mod.rs`), and
//! it does not write Markdown.
//!
//! This module owns the fields found, [`recognise`] and the title; lines of a header or footer
//! are `lines`'s, the header `header`'s, the footer `footer`'s and letter case `case`'s.

mod case;
mod footer;
mod header;
mod lines;

#[cfg(test)]
mod tests;

use jiff::civil::Date;

use super::docx::{Align, Block, Document};
use crate::cite::number::{DocNumber, System};
use case::{capitalise, name_case, proper_words, sentence_case};
use footer::{find_footer, read_footer};
use header::{find_type_line, header_end_without_type, read_header};
use lines::{
    block_lines, has_lowercase, is_all_bold, is_capitals, is_decoration, is_page_number, paragraph_text,
};

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Signature {
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
    /// T/M, K/T, T/L, T/U (party) or TM., KT., TL., TUQ., Q. (state) lines, joined by a space.
    pub(crate) authority: Option<String>,
}

/// What the layout says, each field `None` when it was not found with confidence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fields {
    pub(crate) number: Option<DocNumber>,
    pub(crate) date: Option<Date>,
    /// The year of the date line, also when its day or month is left blank.
    pub(crate) year: Option<i16>,
    /// The date line's date as written (`D/M/Y`) when no calendar has it.
    pub(crate) impossible_date: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) system: Option<System>,
    pub(crate) issuer: Option<String>,
    pub(crate) parent_issuer: Option<String>,
    pub(crate) type_name: Option<&'static str>,
    pub(crate) title: Option<String>,
    pub(crate) signature: Option<Signature>,
    pub(crate) recipients: Vec<String>,
}

/// The recognised fields and the blocks of the body, in order.
#[derive(Debug)]
pub(crate) struct Layout<'d> {
    pub(crate) fields: Fields,
    pub(crate) body: Vec<&'d Block>,
}

/// Which side of a two-block header or footer a line stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    /// Centred, or in a text box: the content decides.
    Any,
    /// Pushed right by leading tabs only: the right block of a footer, but in a header often
    /// only the centring of a left line.
    Tabbed,
}

/// One line of a header or footer as shown: capitals applied, spaces collapsed, NFC.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    text: String,
    bold: bool,
    side: Side,
}

/// A paragraph that opens a section of the body: an article, a numbered or a Roman-numbered
/// heading.
static SECTION_START: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:Điều \d+|\d+(?:\.\d+)*\.|[IVXLC]+\.)\s").expect("section start pattern")
});

/// Blocks searched for the type line.
const TYPE_LINE_WITHIN: usize = 40;
/// Most lines of a title.
const TITLE_LINES: usize = 5;

/// Recognises the layout of a document.
pub(crate) fn recognise(document: &Document) -> Layout<'_> {
    let blocks = &document.body;
    let mut fields = Fields::default();
    let type_line = find_type_line(blocks);
    let header_end = match &type_line {
        Some((index, ..)) => *index,
        None => header_end_without_type(blocks),
    };
    // The letterhead of the first page, without its page number.
    let mut header_lines: Vec<Line> = document
        .letterhead
        .iter()
        .flat_map(|b| block_lines(b, None))
        .filter(|line| !is_page_number(&line.text))
        .collect();
    header_lines.extend(blocks[..header_end].iter().flat_map(|b| block_lines(b, None)));
    let vv_title = read_header(&header_lines, &mut fields);
    let mut body_start = header_end;
    if let Some((index, type_name, title_lines)) = type_line {
        fields.type_name = Some(type_name);
        let (title, next) = read_title(blocks, index + 1, title_lines);
        fields.title = title;
        body_start = next;
    }
    if fields.title.is_none() {
        fields.title = vv_title;
    }
    let (footer_start, footer_end) = find_footer(blocks, body_start).unwrap_or((blocks.len(), blocks.len()));
    read_footer(&blocks[footer_start..footer_end], &mut fields);
    let proper = proper_words(fields.place.as_deref());
    fields.title = fields.title.map(|t| capitalise(&sentence_case(&t, &proper)));
    fields.issuer = fields.issuer.map(|t| sentence_case(&t, &proper));
    fields.parent_issuer = fields.parent_issuer.map(|t| sentence_case(&t, &proper));
    if let Some(signature) = &mut fields.signature {
        signature.title = signature.title.as_ref().map(|t| sentence_case(t, &proper));
        signature.name = signature.name.as_ref().map(|n| name_case(n));
    }
    let body = blocks[body_start..footer_start].iter().chain(&blocks[footer_end..]).collect();
    Layout { fields, body }
}

/// The title lines after the type line (`typed`: those on the type line's own paragraph, after
/// line breaks), and where the body starts. The title ends at a rule, a blank paragraph after
/// it, a paragraph neither centred nor bold, one aligned otherwise than the title's first, one
/// that opens a section (`Điều 1.`, `1.`, `I.`), or a line in capitals after lines that were
/// not (the enacting authority of a Quyết định).
fn read_title(blocks: &[Block], from: usize, typed: Vec<String>) -> (Option<String>, usize) {
    let mut first_align = (!typed.is_empty()).then(|| match &blocks[from - 1] {
        Block::Paragraph(p) => p.align,
        Block::Table(_) => Align::Center,
    });
    let mut lines = typed;
    let mut i = from;
    while i < blocks.len() && lines.len() < TITLE_LINES {
        let Some((text, p)) = paragraph_text(&blocks[i]) else { break };
        if text.is_empty() {
            if lines.is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        if is_decoration(&text) || !(p.align == Align::Center || is_all_bold(p)) {
            break;
        }
        if first_align.is_some_and(|align| align != p.align) || SECTION_START.is_match(&text) {
            break;
        }
        if is_capitals(&text) && lines.last().is_some_and(|l| has_lowercase(l)) {
            break;
        }
        first_align.get_or_insert(p.align);
        lines.push(text);
        i += 1;
    }
    while i < blocks.len()
        && paragraph_text(&blocks[i]).is_some_and(|(t, _)| t.is_empty() || is_decoration(&t))
    {
        i += 1;
    }
    let title = (!lines.is_empty()).then(|| lines.join(" "));
    (title, i)
}
