//! Writing an imported notice: the front-matter from the recognised fields, and the body
//! blocks as Markdown (paragraphs, emphasis, numbering labels as text, pipe tables, footnotes).
//!
//! Owns escaping: text that would otherwise turn into Markdown markup is escaped, so the page
//! shows what the Word file showed. It does not decide which blocks are body, nor which field
//! values to write (that is `layout` and the command).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::docx::{Block, Format, Inline, Label, Paragraph, Table};
use super::layout::Signature;
use super::problem::Field;
use crate::author::new::{push_recipients, push_signer, yaml_string};
use crate::cite::number::System;
use crate::config::Language;

/// The front-matter values of an imported notice; `missing` lists the fields written empty
/// with a comment.
#[derive(Debug, Clone, Default)]
pub(crate) struct FrontMatter {
    pub(crate) number: Option<String>,
    /// Written only when the number's code does not say it.
    pub(crate) type_name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) parent_issuer: Option<String>,
    /// Written only when the number does not say it.
    pub(crate) system: Option<System>,
    pub(crate) date: Option<Date>,
    pub(crate) place: Option<String>,
    pub(crate) signer: Option<Signature>,
    pub(crate) recipients: Vec<String>,
    pub(crate) draft: bool,
    pub(crate) missing: Vec<Field>,
}

impl FrontMatter {
    /// The `---` block, keys in the order of the specification.
    pub(crate) fn write(&self, language: Language) -> String {
        let mut out = String::from("---\n");
        let mut line = |key: &str, value: Option<String>, field: Option<Field>| match value {
            Some(value) => {
                let _ = writeln!(out, "{key}: {value}");
            }
            None => {
                if let Some(field) = field.filter(|f| self.missing.contains(f)) {
                    let _ = writeln!(out, "{key}:  {}", field.comment(language));
                }
            }
        };
        line("number", self.number.as_deref().map(yaml_string), Some(Field::Number));
        line("type", self.type_name.as_deref().map(yaml_string), Some(Field::Type));
        line("title", self.title.as_deref().map(yaml_string), Some(Field::Title));
        line("issuer", self.issuer.as_deref().map(yaml_string), Some(Field::Issuer));
        line("parent_issuer", self.parent_issuer.as_deref().map(yaml_string), None);
        line(
            "system",
            self.system.map(|s| if s == System::Party { "party" } else { "state" }.to_string()),
            None,
        );
        line("date", self.date.map(|d| d.to_string()), Some(Field::Date));
        line("place", self.place.as_deref().map(yaml_string), Some(Field::Place));
        match self.signer.as_ref().and_then(|s| s.name.as_ref().map(|n| (s, n))) {
            Some((signer, name)) => {
                push_signer(&mut out, name, signer.title.as_deref(), signer.authority.as_deref());
            }
            None if self.missing.contains(&Field::Signer) => {
                let _ = writeln!(out, "signer:  {}", Field::Signer.comment(language));
            }
            None => {}
        }
        if self.recipients.is_empty() && self.missing.contains(&Field::Recipients) {
            let _ = writeln!(out, "recipients:  {}", Field::Recipients.comment(language));
        }
        push_recipients(&mut out, &self.recipients);
        if self.draft {
            out.push_str("draft: true\n");
        }
        out.push_str("---\n");
        out
    }
}

/// The body as Markdown, and the numbers (from 1) of tables written with merged cells blank.
pub(crate) fn body(blocks: &[&Block], notes: &HashMap<String, Vec<Block>>) -> (String, Vec<usize>) {
    let mut writer = BodyWriter {
        notes,
        note_order: Vec::new(),
        note_numbers: HashMap::new(),
        tables: 0,
        merged_tables: Vec::new(),
    };
    let mut parts: Vec<String> = blocks.iter().filter_map(|b| writer.block(b)).collect();
    let mut definitions = Vec::new();
    let mut i = 0;
    // Notes may cite further notes: the list grows while it is written.
    while i < writer.note_order.len() {
        let key = writer.note_order[i].clone();
        let paragraphs: Vec<String> = notes
            .get(&key)
            .map(|blocks| blocks.iter().filter_map(|b| writer.block(b)).collect())
            .unwrap_or_default();
        let text = paragraphs
            .join("\n\n")
            .lines()
            .enumerate()
            .map(|(n, line)| if n == 0 || line.is_empty() { line.to_string() } else { format!("    {line}") })
            .collect::<Vec<_>>()
            .join("\n");
        definitions.push(format!("[^{}]: {text}", i + 1));
        i += 1;
    }
    parts.extend(definitions);
    let mut text = parts.join("\n\n");
    text.push('\n');
    (text, writer.merged_tables)
}

struct BodyWriter<'n> {
    notes: &'n HashMap<String, Vec<Block>>,
    /// Note keys in order of first reference; a note's Markdown label is its place here plus one.
    note_order: Vec<String>,
    /// The label of each note referenced so far, by key.
    note_numbers: HashMap<String, usize>,
    tables: usize,
    merged_tables: Vec<usize>,
}

/// One shown character with its formatting, a line break, or a note reference.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Char(char, Format),
    Break,
    Note(usize),
}

impl BodyWriter<'_> {
    fn block(&mut self, block: &Block) -> Option<String> {
        match block {
            Block::Paragraph(p) => self.paragraph(p),
            Block::Table(t) => self.table(t),
        }
    }

    fn paragraph(&mut self, paragraph: &Paragraph) -> Option<String> {
        let mut pieces = self.pieces(paragraph);
        let bullet = paragraph.label == Some(Label::Bullet);
        if let Some(Label::Text(label)) = &paragraph.label {
            let format = pieces
                .iter()
                .find_map(|p| match p {
                    Piece::Char(_, f) => Some(*f),
                    _ => None,
                })
                .unwrap_or_default();
            let mut labelled: Vec<Piece> = label.chars().map(|c| Piece::Char(c, format)).collect();
            labelled.push(Piece::Char(' ', format));
            labelled.append(&mut pieces);
            pieces = tidy(labelled);
        }
        let plain: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Char(c, _) => Some(*c),
                _ => None,
            })
            .collect();
        if plain.trim().is_empty() || is_rule(plain.trim()) {
            return None;
        }
        let text = render_inline(&pieces, false);
        let text = text.lines().map(escape_line_start).collect::<Vec<_>>().join("\n");
        Some(if bullet { format!("- {}", text.replace('\n', "\n  ")) } else { text })
    }

    /// The paragraph's shown characters: capitals applied, look-alike spaces and hyphens mapped,
    /// spaces collapsed and trimmed.
    fn pieces(&mut self, paragraph: &Paragraph) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for inline in &paragraph.inlines {
            match inline {
                Inline::Text(text, format) => {
                    let shown = if format.caps { text.to_uppercase() } else { text.clone() };
                    pieces.extend(shown.chars().filter_map(shown_char).map(|c| Piece::Char(c, *format)));
                }
                Inline::Tab => pieces.push(Piece::Char(' ', Format::default())),
                Inline::Break => pieces.push(Piece::Break),
                Inline::Note(key) => {
                    if self.notes.contains_key(key) {
                        let order = &mut self.note_order;
                        let number = *self.note_numbers.entry(key.clone()).or_insert_with(|| {
                            order.push(key.clone());
                            order.len()
                        });
                        pieces.push(Piece::Note(number));
                    }
                }
            }
        }
        tidy(pieces)
    }

    fn table(&mut self, table: &Table) -> Option<String> {
        self.tables += 1;
        if table.has_merged_cells() {
            self.merged_tables.push(self.tables);
        }
        let width = table.rows.iter().map(|r| r.iter().map(|c| c.span).sum::<usize>()).max().unwrap_or(0);
        if width == 0 {
            return None;
        }
        let mut rows: Vec<Vec<String>> = Vec::new();
        for row in &table.rows {
            let mut cells = Vec::with_capacity(width);
            for cell in row {
                let text = if cell.merged_up { String::new() } else { self.cell_text(&cell.blocks) };
                cells.push(text);
                cells.extend(std::iter::repeat_n(String::new(), cell.span - 1));
            }
            cells.resize(width, String::new());
            rows.push(cells);
        }
        let line = |cells: &[String]| {
            let inner: Vec<String> =
                cells.iter().map(|c| if c.is_empty() { " ".to_string() } else { format!(" {c} ") }).collect();
            format!("|{}|", inner.join("|"))
        };
        let mut out = vec![line(&rows[0]), format!("|{}|", vec![" --- "; width].join("|"))];
        out.extend(rows[1..].iter().map(|r| line(r)));
        Some(out.join("\n"))
    }

    /// A cell's paragraphs on one line; nested tables give their text.
    fn cell_text(&mut self, blocks: &[Block]) -> String {
        let mut texts = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(p) => {
                    let mut pieces = self.pieces(p);
                    if let Some(Label::Text(label)) = &p.label {
                        let mut labelled: Vec<Piece> =
                            format!("{label} ").chars().map(|c| Piece::Char(c, Format::default())).collect();
                        labelled.append(&mut pieces);
                        pieces = labelled;
                    }
                    let pieces: Vec<Piece> = pieces
                        .into_iter()
                        .map(|p| if p == Piece::Break { Piece::Char(' ', Format::default()) } else { p })
                        .collect();
                    let text = render_inline(&tidy(pieces), true);
                    if !text.is_empty() {
                        texts.push(text);
                    }
                }
                Block::Table(t) => texts.extend(t.rows.iter().flatten().map(|c| self.cell_text(&c.blocks))),
            }
        }
        texts.retain(|t| !t.is_empty());
        texts.join(" ")
    }
}

/// A character as the page shows it: look-alike spaces to a space, the non-breaking hyphen to
/// `-`, soft hyphens and zero-width characters dropped.
pub(super) fn shown_char(c: char) -> Option<char> {
    match c {
        '\t' | '\r' | '\n' => Some(' '),
        c if crate::text::is_lookalike_space(c) => Some(' '),
        '\u{2011}' => Some('-'),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c => Some(c),
    }
}

/// Runs of spaces to one, no spaces at either end or around a line break.
fn tidy(pieces: Vec<Piece>) -> Vec<Piece> {
    let is_space = |p: &Piece| matches!(p, Piece::Char(' ', _));
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let after_space_or_start = out.last().is_none_or(|l| is_space(l) || *l == Piece::Break);
        if is_space(&piece) && after_space_or_start {
            continue;
        }
        if piece == Piece::Break {
            while out.last().is_some_and(is_space) {
                out.pop();
            }
        }
        out.push(piece);
    }
    while out.last().is_some_and(|l| is_space(l) || *l == Piece::Break) {
        out.pop();
    }
    out
}

/// A decorative rule standing alone: `-----`, `___`, `* * *`.
fn is_rule(text: &str) -> bool {
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    (marks >= 3 || text == "*")
        && text.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '~' | '–' | '—' | ' '))
}

/// Writes pieces with `**` and `*` around bold and italic stretches. Spaces at a change of
/// formatting go outside the markers, so every marker touches text and CommonMark sees it.
fn render_inline(pieces: &[Piece], in_table: bool) -> String {
    let mut out = String::new();
    let (mut bold, mut italic) = (false, false);
    let mut spaces = String::new();
    let close = |out: &mut String, bold: &mut bool, italic: &mut bool| {
        if *italic {
            out.push('*');
        }
        if *bold {
            out.push_str("**");
        }
        *bold = false;
        *italic = false;
    };
    for piece in pieces {
        match piece {
            Piece::Char(' ', _) => spaces.push(' '),
            Piece::Char(c, format) => {
                if format.bold != bold {
                    close(&mut out, &mut bold, &mut italic);
                    out.push_str(&spaces);
                    if format.bold {
                        out.push_str("**");
                    }
                    if format.italic {
                        out.push('*');
                    }
                } else if format.italic != italic {
                    if italic {
                        out.push('*');
                    }
                    out.push_str(&spaces);
                    if format.italic {
                        out.push('*');
                    }
                } else {
                    out.push_str(&spaces);
                }
                spaces.clear();
                bold = format.bold;
                italic = format.italic;
                push_escaped(&mut out, *c, in_table);
            }
            Piece::Break => {
                close(&mut out, &mut bold, &mut italic);
                spaces.clear();
                out.push_str("\\\n");
            }
            Piece::Note(n) => {
                out.push_str(&spaces);
                spaces.clear();
                let _ = write!(out, "[^{n}]");
            }
        }
    }
    close(&mut out, &mut bold, &mut italic);
    out
}

fn push_escaped(out: &mut String, c: char, in_table: bool) {
    if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '~' | '&') || (in_table && c == '|') {
        out.push('\\');
    }
    out.push(c);
}

static LIST_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,9}[.)]|[-+])(?:\s|$)").expect("list start pattern"));

/// Escapes what would make a line a list item, heading, quote or rule.
fn escape_line_start(line: &str) -> String {
    if let Some(m) = LIST_START.find(line) {
        let marker_end = m.as_str().trim_end().len();
        return format!("{}\\{}", &line[..marker_end - 1], &line[marker_end - 1..]);
    }
    if line.starts_with(['#', '>', '=']) {
        return format!("\\{line}");
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, bold: bool, italic: bool) -> Vec<Piece> {
        s.chars().map(|c| Piece::Char(c, Format { bold, italic, caps: false })).collect()
    }

    #[test]
    fn emphasis_markers_touch_text() {
        let pieces =
            [text("Điều 1. ", true, false), text("Ban hành ", false, false), text("Quy chế", false, true)]
                .concat();
        assert_eq!(render_inline(&tidy(pieces), false), "**Điều 1.** Ban hành *Quy chế*");
        let pieces = [text("Căn cứ ", true, true), text("Luật", true, false)].concat();
        assert_eq!(render_inline(&pieces, false), "***Căn cứ* Luật**");
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let pieces = text("a*b_c [x] <y> 5 | 6", false, false);
        assert_eq!(render_inline(&pieces, true), "a\\*b\\_c \\[x\\] \\<y> 5 \\| 6");
        for (line, want) in [
            ("1. Tổng hợp", "1\\. Tổng hợp"),
            ("12) mục", "12\\) mục"),
            ("- gạch", "\\- gạch"),
            ("# số", "\\# số"),
            ("> trích", "\\> trích"),
            ("2024. Năm", "2024\\. Năm"),
            ("1.5 triệu", "1.5 triệu"),
            ("**1. Về**", "**1. Về**"),
            ("Điều 1.", "Điều 1."),
        ] {
            assert_eq!(escape_line_start(line), want, "{line}");
        }
    }

    #[test]
    fn spaces_are_collapsed_and_trimmed() {
        let pieces = [text("  a  ", false, false), vec![Piece::Break], text(" b ", false, false)].concat();
        assert_eq!(render_inline(&tidy(pieces), false), "a\\\nb");
    }
}
