//! Reading a Word `.docx`: the zip package and its WordprocessingML, into a small neutral
//! document model of paragraphs, runs and tables with the properties the layout needs.
//!
//! Owns the package limits (size, entries, nesting: a zip bomb or a hostile file is refused),
//! what Word's markup means for the accepted text (tracked changes, hidden text, fields, text
//! boxes, styles, numbering labels, footnotes, the first-page header) and the refusal of text
//! typed in the old 8-bit Vietnamese fonts. It does not decide what a paragraph *is* in a notice
//! (that is `layout`) nor how it is written as Markdown (that is `markdown`).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use roxmltree::Node;

use super::problem::Problem;

/// Most bytes all the parts read from one package may unpack to.
pub(crate) const TOTAL_LIMIT: u64 = 64 * 1024 * 1024;
/// Most bytes one part may unpack to.
pub(crate) const PART_LIMIT: u64 = 16 * 1024 * 1024;
/// Most entries a package may hold.
pub(crate) const ENTRY_LIMIT: usize = 5000;
/// Deepest nesting of the elements this reader descends into.
const DEPTH_LIMIT: usize = 160;
/// Most XML nodes one part may hold.
const NODES_LIMIT: u32 = 8_000_000;

/// The first bytes of an OLE compound file: a Word 97–2003 `.doc`, or an encrypted Office file.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const R_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const MC_NAMESPACE: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

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
    let body = reader.blocks(body, 0, false)?;
    if let Some(font) = reader.legacy_font.take() {
        return Err(Problem::LegacyFont { font: Some(font) });
    }
    let document = Document { body, letterhead, notes };
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

// ---------------------------------------------------------------------------------------------
// The package

/// The zip package, read within the limits.
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unpacked.
    budget: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, Problem> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(Problem::OleFile);
        }
        if !bytes.starts_with(b"PK") {
            return Err(Problem::NotWord);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_problem(&e))?;
        if zip.len() > ENTRY_LIMIT {
            return Err(Problem::TooManyEntries { limit: ENTRY_LIMIT });
        }
        Ok(Package { zip, budget: TOTAL_LIMIT })
    }

    /// The main document part named by the package relationships, else `word/document.xml`.
    fn main_part(&mut self) -> Result<String, Problem> {
        let from_rels = match self.part("_rels/.rels")? {
            Some(xml) => Relations::parse(&xml, "")?.target_of_type("officeDocument"),
            None => None,
        };
        Ok(from_rels.unwrap_or_else(|| "word/document.xml".to_string()))
    }

    /// The text of one part, or `None` when the package has no such part. Reads at most the
    /// part limit and what is left of the total budget, whatever the entry declares.
    fn part(&mut self, name: &str) -> Result<Option<String>, Problem> {
        let limit = PART_LIMIT.min(self.budget);
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_problem(&e)),
        };
        let mut bytes = Vec::new();
        entry.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Problem::Corrupt(e.to_string()))?;
        if bytes.len() as u64 > limit {
            let exceeded = if limit == PART_LIMIT { PART_LIMIT } else { TOTAL_LIMIT };
            return Err(Problem::TooLarge { limit_mib: exceeded / (1024 * 1024) });
        }
        self.budget -= bytes.len() as u64;
        Ok(Some(decode_xml_bytes(bytes, name)?))
    }
}

fn zip_problem(error: &zip::result::ZipError) -> Problem {
    use zip::result::ZipError;
    match error {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => Problem::EncryptedEntry,
        ZipError::InvalidPassword => Problem::EncryptedEntry,
        other => Problem::Corrupt(other.to_string()),
    }
}

/// XML bytes to text: UTF-8 with or without BOM, or UTF-16 with a BOM.
fn decode_xml_bytes(bytes: Vec<u8>, part: &str) -> Result<String, Problem> {
    let bad = |detail: &str| Problem::BadXml { part: part.to_string(), detail: detail.to_string() };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
            let little = bytes[0] == 0xFF;
            let units: Vec<u16> =
                rest.chunks_exact(2)
                    .map(|p| {
                        if little {
                            u16::from_le_bytes([p[0], p[1]])
                        } else {
                            u16::from_be_bytes([p[0], p[1]])
                        }
                    })
                    .collect();
            String::from_utf16(&units).map_err(|_| bad("not UTF-16"))
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).map_err(|_| bad("not UTF-8")),
        _ => String::from_utf8(bytes).map_err(|_| bad("not UTF-8")),
    }
}

fn parse_xml<'t>(text: &'t str, part: &str) -> Result<roxmltree::Document<'t>, Problem> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: NODES_LIMIT };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Problem::TooLarge { limit_mib: PART_LIMIT / (1024 * 1024) },
        e => Problem::BadXml { part: part.to_string(), detail: e.to_string() },
    })
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
fn relations_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The relationships of one part: id → (type, target part path).
#[derive(Debug, Default)]
struct Relations {
    entries: Vec<(String, String, String)>,
}

impl Relations {
    fn parse(xml: &str, source_part: &str) -> Result<Relations, Problem> {
        let doc = parse_xml(xml, &relations_path(source_part))?;
        let base = source_part.rsplit_once('/').map_or("", |(dir, _)| dir);
        let entries = doc
            .root_element()
            .children()
            .filter(|n| n.tag_name().name() == "Relationship")
            .filter(|n| n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                let id = n.attribute("Id")?.to_string();
                let kind = n.attribute("Type")?.rsplit('/').next()?.to_string();
                Some((id, kind, resolve_target(base, n.attribute("Target")?)))
            })
            .collect();
        Ok(Relations { entries })
    }

    fn target(&self, id: &str) -> Option<String> {
        self.entries.iter().find(|(i, _, _)| i == id).map(|(_, _, t)| t.clone())
    }

    fn target_of_type(&self, kind: &str) -> Option<String> {
        self.entries.iter().find(|(_, k, _)| k == kind).map(|(_, _, t)| t.clone())
    }
}

/// A relationship target against the folder of its source part: `header1.xml` → `word/header1.xml`.
fn resolve_target(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') { Vec::new() } else { base.split('/').collect() };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("/")
}

/// The relationship id of the header shown on the first page: the `first` header when the
/// first section has a title page, else its `default` header.
fn first_page_header(body: Node) -> Option<String> {
    let section = body
        .descendants()
        .find(|n| is_w(n, "sectPr") && n.parent().is_some_and(|p| is_w(&p, "pPr") || is_w(&p, "body")))?;
    let title_page = child_w(section, "titlePg").is_some_and(|n| toggle(&n));
    let wanted = if title_page { "first" } else { "default" };
    section
        .children()
        .filter(|n| is_w(n, "headerReference"))
        .find(|n| w_attr(n, "type").unwrap_or("default") == wanted)
        .and_then(|n| r_attr(&n, "id"))
        .map(str::to_string)
}

// ---------------------------------------------------------------------------------------------
// XML helpers

fn is_w(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns))
}

fn is_mc(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(MC_NAMESPACE)
}

fn child_w<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(c, name))
}

fn w_attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    W_NAMESPACES.iter().find_map(|ns| node.attribute((*ns, name)))
}

fn r_attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    R_NAMESPACES.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// A toggle property such as `<w:b/>`: on unless `w:val` says false.
fn toggle(node: &Node) -> bool {
    !matches!(w_attr(node, "val"), Some("0" | "false" | "off" | "none"))
}

/// The branch of an `mc:AlternateContent` to read: its first `Choice`, else its `Fallback`.
fn chosen_branch<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_mc(c, "Choice")).or_else(|| node.children().find(|c| is_mc(c, "Fallback")))
}

fn check_depth(depth: usize) -> Result<(), Problem> {
    if depth > DEPTH_LIMIT { Err(Problem::TooDeep) } else { Ok(()) }
}

// ---------------------------------------------------------------------------------------------
// Styles

/// Run properties as one level of Word's cascade sets them; `None` inherits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    caps: Option<bool>,
    hidden: Option<bool>,
    font: Option<String>,
}

impl RunProps {
    fn parse(rpr: Node) -> RunProps {
        let mut props = RunProps::default();
        for child in rpr.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "b" => props.bold = Some(toggle(&child)),
                "i" => props.italic = Some(toggle(&child)),
                "caps" | "smallCaps" => props.caps = Some(props.caps.unwrap_or(false) || toggle(&child)),
                "vanish" => props.hidden = Some(toggle(&child)),
                "rFonts" => {
                    props.font =
                        ["ascii", "hAnsi", "cs"].iter().find_map(|a| w_attr(&child, a)).map(str::to_string)
                }
                _ => {}
            }
        }
        props
    }

    /// These properties over `base`: what is set here wins.
    fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            caps: self.caps.or(base.caps),
            hidden: self.hidden.or(base.hidden),
            font: self.font.clone().or_else(|| base.font.clone()),
        }
    }

    fn format(&self) -> Format {
        Format {
            bold: self.bold.unwrap_or(false),
            italic: self.italic.unwrap_or(false),
            caps: self.caps.unwrap_or(false),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    based_on: Option<String>,
    run: RunProps,
    align: Option<Align>,
    numbering: Option<(String, usize)>,
}

#[derive(Debug, Default)]
struct Styles {
    defs: HashMap<String, StyleDef>,
    default_run: RunProps,
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, Problem> {
        let doc = parse_xml(xml, "word/styles.xml")?;
        let mut styles = Styles::default();
        let root = doc.root_element();
        if let Some(rpr) = child_w(root, "docDefaults")
            .and_then(|d| child_w(d, "rPrDefault"))
            .and_then(|d| child_w(d, "rPr"))
        {
            styles.default_run = RunProps::parse(rpr);
        }
        for style in root.children().filter(|n| is_w(n, "style")) {
            let Some(id) = w_attr(&style, "styleId") else { continue };
            if w_attr(&style, "type") == Some("paragraph")
                && w_attr(&style, "default").is_some_and(|v| v == "1")
            {
                styles.default_paragraph = Some(id.to_string());
            }
            let ppr = child_w(style, "pPr");
            let def = StyleDef {
                based_on: child_w(style, "basedOn").and_then(|b| w_attr(&b, "val")).map(str::to_string),
                run: child_w(style, "rPr").map(RunProps::parse).unwrap_or_default(),
                align: ppr.and_then(|p| child_w(p, "jc")).map(|j| alignment(&j)),
                numbering: ppr.and_then(|p| child_w(p, "numPr")).and_then(numbering_reference),
            };
            styles.defs.insert(id.to_string(), def);
        }
        Ok(styles)
    }

    /// The style and the styles it is based on, nearest first (cycles cut).
    fn chain(&self, id: Option<&str>) -> Vec<&StyleDef> {
        let mut chain = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            let Some(def) = self.defs.get(id) else { break };
            if chain.len() >= 16 {
                break;
            }
            chain.push(def);
            next = def.based_on.as_deref();
        }
        chain
    }

    fn run_props(&self, id: Option<&str>) -> RunProps {
        self.chain(id).iter().fold(RunProps::default(), |acc, def| acc.over(&def.run))
    }

    fn align(&self, id: Option<&str>) -> Option<Align> {
        self.chain(id).iter().find_map(|d| d.align)
    }

    fn numbering(&self, id: Option<&str>) -> Option<(String, usize)> {
        self.chain(id).iter().find_map(|d| d.numbering.clone())
    }
}

fn alignment(jc: &Node) -> Align {
    match w_attr(jc, "val") {
        Some("center") => Align::Center,
        Some("right" | "end") => Align::Right,
        Some("both" | "distribute") => Align::Justify,
        _ => Align::Left,
    }
}

/// `(numId, ilvl)` of a `w:numPr`.
fn numbering_reference(num_pr: Node) -> Option<(String, usize)> {
    let id = child_w(num_pr, "numId").and_then(|n| w_attr(&n, "val"))?.to_string();
    let level =
        child_w(num_pr, "ilvl").and_then(|n| w_attr(&n, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
    Some((id, level))
}

// ---------------------------------------------------------------------------------------------
// Numbering

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

impl Level {
    fn parse(lvl: Node) -> Level {
        let val = |name| child_w(lvl, name).and_then(|n| w_attr(&n, "val"));
        Level {
            start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
            format: val("numFmt").unwrap_or("decimal").to_string(),
            text: val("lvlText").unwrap_or("").to_string(),
        }
    }
}

#[derive(Debug, Default)]
struct NumberingInstance {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
    level_overrides: HashMap<usize, Level>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    instances: HashMap<String, NumberingInstance>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, Problem> {
        let doc = parse_xml(xml, "word/numbering.xml")?;
        let mut numbering = Numbering::default();
        let level_of = |n: &Node| w_attr(n, "ilvl").and_then(|v| v.parse::<usize>().ok());
        for node in doc.root_element().children() {
            if is_w(&node, "abstractNum") {
                let Some(id) = w_attr(&node, "abstractNumId") else { continue };
                let levels = node
                    .children()
                    .filter(|n| is_w(n, "lvl"))
                    .filter_map(|l| Some((level_of(&l)?, Level::parse(l))))
                    .collect();
                numbering.abstracts.insert(id.to_string(), levels);
            } else if is_w(&node, "num") {
                let Some(id) = w_attr(&node, "numId") else { continue };
                let Some(abstract_id) = child_w(node, "abstractNumId").and_then(|a| w_attr(&a, "val")) else {
                    continue;
                };
                let mut instance =
                    NumberingInstance { abstract_id: abstract_id.to_string(), ..Default::default() };
                for over in node.children().filter(|n| is_w(n, "lvlOverride")) {
                    let Some(level) = level_of(&over) else { continue };
                    if let Some(start) = child_w(over, "startOverride").and_then(|s| w_attr(&s, "val")) {
                        instance.start_overrides.insert(level, start.parse().unwrap_or(1));
                    }
                    if let Some(lvl) = child_w(over, "lvl") {
                        instance.level_overrides.insert(level, Level::parse(lvl));
                    }
                }
                numbering.instances.insert(id.to_string(), instance);
            }
        }
        Ok(numbering)
    }

    fn level<'a>(&'a self, instance: &'a NumberingInstance, level: usize) -> Option<&'a Level> {
        instance
            .level_overrides
            .get(&level)
            .or_else(|| self.abstracts.get(&instance.abstract_id).and_then(|levels| levels.get(&level)))
    }
}

/// The running counters of each list, as Word advances them paragraph by paragraph.
#[derive(Debug, Default)]
struct Counters {
    by_list: HashMap<String, [Option<u32>; 9]>,
    instances_seen: HashSet<String>,
}

impl Counters {
    /// Advances the list of `num_id` at `level` and returns the paragraph's label.
    fn next_label(&mut self, numbering: &Numbering, num_id: &str, level: usize) -> Option<Label> {
        let instance = numbering.instances.get(num_id)?;
        let level = level.min(8);
        let this = numbering.level(instance, level)?;
        let counters = self.by_list.entry(instance.abstract_id.clone()).or_default();
        if self.instances_seen.insert(num_id.to_string()) {
            // A list restarted in Word is a new instance with a start override.
            for &l in instance.start_overrides.keys().filter(|&&l| l < 9) {
                counters[l] = None;
            }
        }
        let start = instance.start_overrides.get(&level).copied().unwrap_or(this.start);
        counters[level] = Some(counters[level].map_or(start, |c| c + 1));
        counters.iter_mut().skip(level + 1).for_each(|c| *c = None);
        match this.format.as_str() {
            "bullet" => return Some(Label::Bullet),
            "none" => return None,
            _ => {}
        }
        let mut text = this.text.clone();
        for k in (1..=9).rev() {
            let placeholder = format!("%{k}");
            if !text.contains(&placeholder) {
                continue;
            }
            let value = numbering.level(instance, k - 1).map_or(String::new(), |l| {
                let count = counters[k - 1].unwrap_or(l.start);
                format_number(count, &l.format)
            });
            text = text.replace(&placeholder, &value);
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(Label::Text(text))
    }
}

/// A list counter in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// 1 → a, 26 → z, 27 → aa (Word repeats the letter).
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The reader

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
struct Reader<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    counters: Counters,
    fields: Vec<OpenField>,
    legacy_font: Option<String>,
}

impl<'s> Reader<'s> {
    fn new(styles: &'s Styles, numbering: &'s Numbering) -> Self {
        Reader { styles, numbering, counters: Counters::default(), fields: Vec::new(), legacy_font: None }
    }

    /// The blocks of a header or footer part.
    fn part_blocks(&mut self, xml: &str, part: &str) -> Result<Vec<Block>, Problem> {
        let doc = parse_xml(xml, part)?;
        self.fields.clear();
        let blocks = self.blocks(doc.root_element(), 0, false);
        self.fields.clear();
        blocks
    }

    /// Reads footnotes or endnotes into `notes`, keyed `<prefix><id>`; separators are skipped.
    fn notes(
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
    fn blocks(&mut self, container: Node, depth: usize, in_text_box: bool) -> Result<Vec<Block>, Problem> {
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
                "br" if shown && !matches!(w_attr(&child, "type"), Some("page" | "column")) => {
                    out.push(Inline::Break)
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bit_text_is_told_from_vietnamese() {
        let cases: &[(&str, bool)] = &[
            ("Uû ban nh©n d©n tØnh S¬n Hµ", true),
            ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", true),
            ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", true),
            ("Ủy ban nhân dân tỉnh Sơn Hà", false),
            ("Cộng hòa xã hội chủ nghĩa Việt Nam", false),
            ("Nhiệt độ 25°C; xem § 2; © Sơn Hà", false),
            ("Thông báo số 45-TB/VPTU", false),
            ("Ça coûte cher, très cher à Noël", false),
            ("", false),
        ];
        for &(text, want) in cases {
            assert_eq!(looks_like_8bit(text), want, "{text}");
        }
    }

    #[test]
    fn legacy_fonts_by_name() {
        for (font, want) in [
            (".VnTime", true),
            (".VnTimeH", true),
            ("VNI-Times", true),
            ("VNI Helve", true),
            ("Times New Roman", false),
            ("Vnexpress Sans", false),
            ("Arial", false),
        ] {
            assert_eq!(is_legacy_font(font), want, "{font}");
        }
    }

    #[test]
    fn number_formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(14), "XIV");
        assert_eq!(format_number(3, "lowerRoman"), "iii");
        assert_eq!(format_number(4, "decimalZero"), "04");
        assert_eq!(format_number(2, "upperLetter"), "B");
    }

    #[test]
    fn relationship_targets_resolve_against_their_folder() {
        assert_eq!(resolve_target("word", "header1.xml"), "word/header1.xml");
        assert_eq!(resolve_target("word", "/word/footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve_target("word", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn a_non_zip_and_an_ole_file_are_refused() {
        assert_eq!(read(b"hello").unwrap_err(), Problem::NotWord);
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 64]);
        assert_eq!(read(&ole).unwrap_err(), Problem::OleFile);
        assert!(matches!(read(b"PK\x03\x04broken").unwrap_err(), Problem::Corrupt(_)));
    }
}
