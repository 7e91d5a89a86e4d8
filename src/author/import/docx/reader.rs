//! The reader: WordprocessingML of the main part, notes and header into blocks, accepting
//! tracked changes, leaving out hidden text and field instructions, taking text boxes out of
//! their paragraphs, labelling numbered paragraphs, and noting the first 8-bit font met. The
//! package, the styles and the numbering it reads with are their own modules'.

use std::collections::HashMap;

use roxmltree::Node;

use super::numbering::{Counters, Numbering};
use super::package::parse_xml;
use super::styles::{RunProps, Styles, alignment, numbering_reference};
use super::xml::{W_NAMESPACES, check_depth, child_w, chosen_branch, is_mc, is_w, toggle, w_attr};
use super::{Block, Cell, Inline, Paragraph, Table, is_legacy_font};
use crate::author::import::problem::Problem;

/// A field being read: its instruction, and whether its result has started.
#[derive(Debug)]
struct OpenField {
    instruction: String,
    in_result: bool,
}

impl OpenField {
    /// Page numbers and counts: their results are dropped.
    fn is_page_number(&self) -> bool {
        is_page_field(&self.instruction)
    }
}

fn is_page_field(instruction: &str) -> bool {
    let name = instruction.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    matches!(name.as_str(), "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "PAGEREF")
}

/// Reads WordprocessingML into blocks, carrying what crosses paragraphs: list counters, open
/// fields, and the first 8-bit font met.
pub(super) struct Reader<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    pub(super) counters: Counters,
    fields: Vec<OpenField>,
    pub(super) legacy_font: Option<String>,
    pub(super) left_out: super::LeftOut,
}

impl<'s> Reader<'s> {
    pub(super) fn new(styles: &'s Styles, numbering: &'s Numbering) -> Self {
        Reader {
            styles,
            numbering,
            counters: Counters::default(),
            fields: Vec::new(),
            legacy_font: None,
            left_out: super::LeftOut::default(),
        }
    }

    /// The blocks of a header or footer part.
    pub(super) fn part_blocks(&mut self, xml: &str, part: &str) -> Result<Vec<Block>, Problem> {
        let doc = parse_xml(xml, part)?;
        self.fields.clear();
        let blocks = self.blocks(doc.root_element(), 0, false);
        self.fields.clear();
        blocks
    }

    /// Reads footnotes or endnotes into `notes`, keyed `<prefix><id>`; separators are skipped.
    pub(super) fn notes(
        &mut self,
        xml: &str,
        part: &str,
        element: &str,
        prefix: &str,
        notes: &mut HashMap<String, Vec<Block>>,
    ) -> Result<(), Problem> {
        let doc = parse_xml(xml, &format!("word/{part}.xml"))?;
        for note in doc.root_element().children().filter(|n| is_w(n, element)) {
            if w_attr(&note, "type").is_some_and(|t| t != "normal") {
                continue;
            }
            let Some(id) = w_attr(&note, "id") else { continue };
            self.fields.clear();
            let blocks = self.blocks(note, 0, false)?;
            notes.insert(format!("{prefix}{id}"), blocks);
        }
        self.fields.clear();
        Ok(())
    }

    /// The blocks of a container: the body, a cell, a text box, a header, a note.
    pub(super) fn blocks(
        &mut self,
        container: Node,
        depth: usize,
        in_text_box: bool,
    ) -> Result<Vec<Block>, Problem> {
        check_depth(depth)?;
        let mut blocks = Vec::new();
        for child in container.children().filter(Node::is_element) {
            let name = child.tag_name().name();
            if is_mc(&child, "AlternateContent") {
                if let Some(branch) = chosen_branch(child) {
                    blocks.extend(self.blocks(branch, depth + 1, in_text_box)?);
                }
                continue;
            }
            if !W_NAMESPACES.contains(&child.tag_name().namespace().unwrap_or("")) {
                continue;
            }
            match name {
                "p" => blocks.extend(self.paragraph(child, depth + 1, in_text_box)?),
                "tbl" => blocks.push(Block::Table(self.table(child, depth + 1, in_text_box)?)),
                "sdt" => {
                    if let Some(content) = child_w(child, "sdtContent") {
                        blocks.extend(self.blocks(content, depth + 1, in_text_box)?);
                    }
                }
                "customXml" | "ins" | "moveTo" | "smartTag" => {
                    blocks.extend(self.blocks(child, depth + 1, in_text_box)?)
                }
                _ => {}
            }
        }
        Ok(join_deleted_marks(blocks))
    }

    /// A paragraph, followed by the paragraphs of the text boxes anchored in it.
    fn paragraph(&mut self, p: Node, depth: usize, in_text_box: bool) -> Result<Vec<Block>, Problem> {
        check_depth(depth)?;
        let ppr = child_w(p, "pPr");
        let style = ppr
            .and_then(|ppr| child_w(ppr, "pStyle"))
            .and_then(|s| w_attr(&s, "val"))
            .or(self.styles.default_paragraph.as_deref());
        let align = ppr
            .and_then(|ppr| child_w(ppr, "jc"))
            .map(|j| alignment(&j))
            .or_else(|| self.styles.align(style))
            .unwrap_or_default();
        let mark = ppr.and_then(|ppr| child_w(ppr, "rPr"));
        let joins_next =
            mark.is_some_and(|m| child_w(m, "del").is_some() || child_w(m, "moveFrom").is_some());
        let numbering = ppr
            .and_then(|ppr| child_w(ppr, "numPr"))
            .and_then(numbering_reference)
            .or_else(|| self.styles.numbering(style));
        let base = self.styles.run_props(style).over(&self.styles.default_run);
        let mut inlines = Vec::new();
        let mut boxes = Vec::new();
        self.inline_children(p, &base, &mut inlines, &mut boxes, depth + 1)?;
        // A paragraph hidden whole, mark and all, is not shown and not counted.
        let hidden_whole =
            inlines.is_empty() && mark.and_then(|m| child_w(m, "vanish")).is_some_and(|v| toggle(&v));
        let label = match numbering {
            Some((id, level)) if id != "0" && !joins_next && !hidden_whole => {
                self.counters.next_label(self.numbering, &id, level)
            }
            _ => None,
        };
        let paragraph = Paragraph { inlines, align, label, in_text_box, joins_next };
        let mut blocks = vec![Block::Paragraph(paragraph)];
        blocks.extend(boxes);
        Ok(blocks)
    }

    fn inline_children(
        &mut self,
        parent: Node,
        base: &RunProps,
        out: &mut Vec<Inline>,
        boxes: &mut Vec<Block>,
        depth: usize,
    ) -> Result<(), Problem> {
        check_depth(depth)?;
        for child in parent.children().filter(Node::is_element) {
            if is_mc(&child, "AlternateContent") {
                if let Some(branch) = chosen_branch(child) {
                    self.inline_children(branch, base, out, boxes, depth + 1)?;
                }
                continue;
            }
            if !W_NAMESPACES.contains(&child.tag_name().namespace().unwrap_or("")) {
                continue;
            }
            match child.tag_name().name() {
                "r" => self.run(child, base, out, boxes, depth + 1)?,
                "hyperlink" | "ins" | "moveTo" | "smartTag" | "customXml" | "dir" | "bdo" => {
                    // A link to an address (not to a bookmark of the document) keeps its words.
                    if child.tag_name().name() == "hyperlink" && child.attributes().any(|a| a.name() == "id")
                    {
                        self.left_out.link_addresses += 1;
                    }
                    self.inline_children(child, base, out, boxes, depth + 1)?
                }
                "sdt" => {
                    if let Some(content) = child_w(child, "sdtContent") {
                        self.inline_children(content, base, out, boxes, depth + 1)?;
                    }
                }
                "fldSimple" if !is_page_field(w_attr(&child, "instr").unwrap_or("")) => {
                    self.inline_children(child, base, out, boxes, depth + 1)?
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether run text is not part of the shown text: a field's instruction, or a page number.
    fn in_hidden_field(&self) -> bool {
        self.fields.iter().any(|f| !f.in_result || f.is_page_number())
    }

    fn run(
        &mut self,
        r: Node,
        base: &RunProps,
        out: &mut Vec<Inline>,
        boxes: &mut Vec<Block>,
        depth: usize,
    ) -> Result<(), Problem> {
        let rpr = child_w(r, "rPr");
        let style = rpr.and_then(|rpr| child_w(rpr, "rStyle")).and_then(|s| w_attr(&s, "val"));
        let direct = rpr.map(RunProps::parse).unwrap_or_default();
        let props = direct.over(&self.styles.run_props(style).over(base));
        let hidden = props.hidden.unwrap_or(false);
        let format = props.format();
        for child in r.children().filter(Node::is_element) {
            if is_mc(&child, "AlternateContent") {
                if let Some(branch) = chosen_branch(child) {
                    self.text_boxes(branch, boxes, depth + 1)?;
                }
                continue;
            }
            let shown = !hidden && !self.in_hidden_field();
            match child.tag_name().name() {
                "t" if shown => {
                    let text = child.text().unwrap_or("");
                    if let Some(font) = props.font.as_deref()
                        && is_legacy_font(font)
                        && !text.is_ascii()
                        && self.legacy_font.is_none()
                    {
                        self.legacy_font = Some(font.to_string());
                    }
                    out.push(Inline::Text(text.to_string(), format));
                }
                "tab" | "ptab" if shown => out.push(Inline::Tab),
                // A page or column break inside a paragraph has no place in Markdown: the
                // words on either side stay apart.
                "br" if shown && matches!(w_attr(&child, "type"), Some("page" | "column")) => {
                    out.push(Inline::Text(" ".into(), format))
                }
                "br" if shown => out.push(Inline::Break),
                "cr" if shown => out.push(Inline::Break),
                "noBreakHyphen" if shown => out.push(Inline::Text("-".into(), format)),
                "footnoteReference" | "endnoteReference" if shown => {
                    let prefix = if child.tag_name().name() == "footnoteReference" { "f" } else { "e" };
                    if let Some(id) = w_attr(&child, "id") {
                        out.push(Inline::Note(format!("{prefix}{id}")));
                    }
                }
                "fldChar" => match w_attr(&child, "fldCharType") {
                    Some("begin") => {
                        self.fields.push(OpenField { instruction: String::new(), in_result: false })
                    }
                    Some("separate") => {
                        if let Some(field) = self.fields.last_mut() {
                            field.in_result = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "instrText" => {
                    if let Some(field) = self.fields.last_mut() {
                        field.instruction.push_str(child.text().unwrap_or(""));
                    }
                }
                "drawing" | "pict" | "object" => self.text_boxes(child, boxes, depth + 1)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// The paragraphs of the text boxes inside a drawing, read where they stand.
    fn text_boxes(&mut self, node: Node, boxes: &mut Vec<Block>, depth: usize) -> Result<(), Problem> {
        check_depth(depth)?;
        for child in node.children().filter(Node::is_element) {
            // A picture: DrawingML's `a:blip` or VML's `v:imagedata`.
            if matches!(child.tag_name().name(), "blip" | "imagedata") {
                self.left_out.pictures += 1;
            }
            if is_w(&child, "txbxContent") {
                boxes.extend(self.blocks(child, depth + 1, true)?);
            } else if is_mc(&child, "AlternateContent") {
                if let Some(branch) = chosen_branch(child) {
                    self.text_boxes(branch, boxes, depth + 1)?;
                }
            } else {
                self.text_boxes(child, boxes, depth + 1)?;
            }
        }
        Ok(())
    }

    fn table(&mut self, tbl: Node, depth: usize, in_text_box: bool) -> Result<Table, Problem> {
        check_depth(depth)?;
        let mut rows = Vec::new();
        for tr in row_like(tbl, "tr") {
            let deleted = child_w(tr, "trPr").is_some_and(|p| child_w(p, "del").is_some());
            if deleted {
                continue;
            }
            let mut cells = Vec::new();
            for tc in row_like(tr, "tc") {
                let tcpr = child_w(tc, "tcPr");
                let span = tcpr
                    .and_then(|p| child_w(p, "gridSpan"))
                    .and_then(|g| w_attr(&g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merged_up = tcpr
                    .and_then(|p| child_w(p, "vMerge"))
                    .is_some_and(|m| w_attr(&m, "val").is_none_or(|v| v == "continue"));
                let blocks = self.blocks(tc, depth + 2, in_text_box)?;
                cells.push(Cell { blocks, span, merged_up });
            }
            rows.push(cells);
        }
        Ok(Table { rows })
    }
}

/// The `name` children of a table or row, also inside content controls and insertions.
fn row_like<'a, 'i>(parent: Node<'a, 'i>, name: &'static str) -> Vec<Node<'a, 'i>> {
    let mut found = Vec::new();
    for child in parent.children() {
        if is_w(&child, name) {
            found.push(child);
        } else if is_w(&child, "sdt") {
            if let Some(content) = child_w(child, "sdtContent") {
                found.extend(row_like(content, name));
            }
        } else if is_w(&child, "customXml") || is_w(&child, "ins") {
            found.extend(row_like(child, name));
        }
    }
    found
}

/// Accepts deleted paragraph marks: such a paragraph's text runs on into the next paragraph.
fn join_deleted_marks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut carried: Option<Paragraph> = None;
    for block in blocks {
        match block {
            Block::Paragraph(mut p) => {
                if let Some(previous) = carried.take() {
                    let mut inlines = previous.inlines;
                    inlines.append(&mut p.inlines);
                    p.inlines = inlines;
                    if p.label.is_none() {
                        p.label = previous.label;
                    }
                }
                if p.joins_next {
                    carried = Some(p);
                } else {
                    out.push(Block::Paragraph(p));
                }
            }
            table => {
                if let Some(previous) = carried.take() {
                    out.push(Block::Paragraph(previous));
                }
                out.push(table);
            }
        }
    }
    if let Some(previous) = carried {
        out.push(Block::Paragraph(previous));
    }
    out
}
