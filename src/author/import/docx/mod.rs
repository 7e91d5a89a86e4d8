//! Reading a Word `.docx`: the zip package and its WordprocessingML, into a small neutral
//! document model of paragraphs, runs and tables with the properties the layout needs.
//!
//! Owns the package limits (size, entries, nesting: a zip bomb or a hostile file is refused),
//! what Word's markup means for the accepted text (tracked changes, hidden text, fields, text
//! boxes, styles, numbering labels, footnotes, the first-page header) and the refusal of text
//! typed in the old 8-bit Vietnamese fonts. It does not decide what a paragraph *is* in a notice
//! (that is `layout`) nor how it is written as Markdown (that is `markdown`).
//!
//! This module owns the document model, [`read`] and the 8-bit checks; the zip package is
//! `package`'s, XML names and helpers `xml`'s, styles and run properties `styles`', list
//! numbering `numbering`'s, and the walk over the markup `reader`'s.

mod numbering;
mod package;
mod reader;
mod styles;
mod xml;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use super::problem::Problem;
use numbering::{Counters, Numbering};
use package::{Package, Relations, first_page_header, parse_xml, relations_path};
use reader::Reader;
use styles::Styles;
use xml::child_w;

/// Character formatting the notice cares about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Format {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// Shown in capitals by formatting (`w:caps`, `w:smallCaps`), whatever was typed.
    pub(crate) caps: bool,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    Text(String, Format),
    Tab,
    /// A manual line break.
    Break,
    /// A footnote or endnote reference: the key of [`Document::notes`].
    Note(String),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
}

/// The label Word draws before a numbered paragraph, which is not in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    Bullet,
    Text(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) inlines: Vec<Inline>,
    pub(crate) align: Align,
    pub(crate) label: Option<Label>,
    pub(crate) in_text_box: bool,
    /// The paragraph mark is a tracked deletion: accepted, the paragraph runs into the next.
    joins_next: bool,
}

impl Paragraph {
    /// The text as shown: capitals by formatting applied, tabs and breaks as spaces.
    pub(crate) fn plain_text(&self) -> String {
        let mut text = String::new();
        for inline in &self.inlines {
            match inline {
                Inline::Text(t, f) if f.caps => text.push_str(&t.to_uppercase()),
                Inline::Text(t, _) => text.push_str(t),
                Inline::Tab | Inline::Break => text.push(' '),
                Inline::Note(_) => {}
            }
        }
        text
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) blocks: Vec<Block>,
    /// Grid columns the cell spans (`w:gridSpan`).
    pub(crate) span: usize,
    /// The cell continues a vertical merge from the row above (`w:vMerge` without `restart`).
    pub(crate) merged_up: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Whether any cell spans columns or continues a vertical merge.
    pub(crate) fn has_merged_cells(&self) -> bool {
        self.rows.iter().flatten().any(|c| c.span > 1 || c.merged_up)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A Word document as the layout reads it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document {
    pub(crate) body: Vec<Block>,
    /// The header of the first page, where some offices keep the letterhead.
    pub(crate) letterhead: Vec<Block>,
    /// Footnotes (`f<id>`) and endnotes (`e<id>`) by key.
    pub(crate) notes: HashMap<String, Vec<Block>>,
    /// What the body holds that Markdown text does not take: pictures, and the addresses of
    /// links (their words are kept).
    pub(crate) left_out: LeftOut,
}

/// Counts of what an import leaves out of a body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LeftOut {
    pub(crate) pictures: usize,
    pub(crate) link_addresses: usize,
}

/// Reads a `.docx` file's bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<Document, Problem> {
    let mut package = Package::open(bytes)?;
    let main = package.main_part()?;
    let main_xml = package.part(&main)?.ok_or(Problem::NotWord)?;
    let relations = match package.part(&relations_path(&main))? {
        Some(xml) => Relations::parse(&xml, &main)?,
        None => Relations::default(),
    };
    let styles = match relations.target_of_type("styles").map(|p| package.part(&p)).transpose()?.flatten() {
        Some(xml) => Styles::parse(&xml)?,
        None => Styles::default(),
    };
    let numbering =
        match relations.target_of_type("numbering").map(|p| package.part(&p)).transpose()?.flatten() {
            Some(xml) => Numbering::parse(&xml)?,
            None => Numbering::default(),
        };
    let mut reader = Reader::new(&styles, &numbering);
    let mut notes = HashMap::new();
    for (kind, element, prefix) in [("footnotes", "footnote", "f"), ("endnotes", "endnote", "e")] {
        if let Some(xml) = relations.target_of_type(kind).map(|p| package.part(&p)).transpose()?.flatten() {
            reader.notes(&xml, kind, element, prefix, &mut notes)?;
        }
    }
    let main_doc = parse_xml(&main_xml, &main)?;
    let body = child_w(main_doc.root_element(), "body").ok_or(Problem::NotWord)?;
    let letterhead = match first_page_header(body).and_then(|id| relations.target(&id)) {
        Some(path) => match package.part(&path)? {
            Some(xml) => reader.part_blocks(&xml, &path)?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    reader.counters = Counters::default();
    reader.left_out = LeftOut::default();
    let body = reader.blocks(body, 0, false)?;
    if let Some(font) = reader.legacy_font.take() {
        return Err(Problem::LegacyFont { font: Some(font) });
    }
    let document = Document { body, letterhead, notes, left_out: reader.left_out };
    if looks_like_8bit(&all_text(&document)) {
        return Err(Problem::LegacyFont { font: None });
    }
    Ok(document)
}

/// Whether the text reads like Vietnamese typed in TCVN3 (ABC) or VNI and decoded as Latin-1:
/// many symbols and non-Vietnamese Latin letters (`Uû ban nh©n d©n`, `Vieät Nam`), and fewer of
/// the letters only Unicode Vietnamese has (ă, đ, ơ, ư, ạ…ỹ).
pub(crate) fn looks_like_8bit(text: &str) -> bool {
    let (mut odd, mut vietnamese, mut letters) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if is_8bit_telltale(c) {
            odd += 1;
        } else if is_unicode_vietnamese(c) {
            vietnamese += 1;
        }
    }
    odd >= 4 && odd * 20 >= letters && odd > vietnamese
}

/// Latin-1 symbols and letters that Vietnamese never uses, but TCVN3 and VNI text read as
/// Latin-1 is full of. The degree sign, section sign and middle dot are left out: real text has them.
fn is_8bit_telltale(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{BF}' if !matches!(c, '°' | '§' | '·'))
        || matches!(
            c,
            'Ä' | 'Å' | 'Æ' | 'Ç' | 'Ë' | 'Î' | 'Ï' | 'Ñ' | 'Ö' | '×' | 'Ø' | 'Û' | 'Ü' | 'Þ' | 'ß'
        )
        || matches!(
            c,
            'ä' | 'å' | 'æ' | 'ç' | 'ë' | 'î' | 'ï' | 'ñ' | 'ö' | '÷' | 'ø' | 'û' | 'ü' | 'þ' | 'ÿ'
        )
}

fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}' | '\u{0300}'..='\u{0323}')
}

/// Whether a font is one of the old 8-bit Vietnamese fonts: `.VnTime`, `.VnTimeH`, `VNI-Times`…
pub(crate) fn is_legacy_font(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    lower.starts_with(".vn") || lower.starts_with("vni-") || lower.starts_with("vni ")
}

fn all_text(document: &Document) -> String {
    fn collect(blocks: &[Block], out: &mut String) {
        for block in blocks {
            match block {
                Block::Paragraph(p) => {
                    for inline in &p.inlines {
                        if let Inline::Text(t, _) = inline {
                            out.push_str(t);
                        }
                    }
                    out.push('\n');
                }
                Block::Table(t) => t.rows.iter().flatten().for_each(|c| collect(&c.blocks, out)),
            }
        }
    }
    let mut text = String::new();
    collect(&document.letterhead, &mut text);
    collect(&document.body, &mut text);
    document.notes.values().for_each(|n| collect(n, &mut text));
    text
}
