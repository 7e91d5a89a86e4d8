//! Lines of a header or footer as shown: a block cut into lines with the side each stands on
//! (table columns, tabs, alignment), capitals applied, spaces and look-alikes cleaned; and the
//! tests on paragraphs and text the other parts of the layout share (bold throughout, capitals,
//! rules and ornaments, phrases compared without marks).
//! What a line means is `header`'s and `footer`'s.

use unicode_normalization::UnicodeNormalization;

use super::{Line, Side};
use crate::author::import::docx::{Align, Block, Inline, Paragraph};

/// The lines of a block, each with its side: a table's first column is left and its last right;
/// text after a tab stands right; otherwise the alignment or `hint` decides.
pub(super) fn block_lines(block: &Block, hint: Option<Side>) -> Vec<Line> {
    match block {
        Block::Paragraph(p) => paragraph_lines(p, hint),
        Block::Table(table) => {
            let mut lines = Vec::new();
            for row in &table.rows {
                for (i, cell) in row.iter().enumerate() {
                    let side = match (i, row.len()) {
                        (_, 1) => hint,
                        (0, _) => Some(Side::Left),
                        (i, n) if i + 1 == n => Some(Side::Right),
                        _ => Some(Side::Any),
                    };
                    lines.extend(cell.blocks.iter().flat_map(|b| block_lines(b, side)));
                }
            }
            lines
        }
    }
}

/// A piece of a line between tabs, with how much of its text is bold.
#[derive(Default)]
struct Segment {
    text: String,
    bold: usize,
    plain: usize,
}

impl Segment {
    fn push(&mut self, text: &str, bold: bool) {
        let letters = text.chars().filter(|c| !c.is_whitespace()).count();
        if bold {
            self.bold += letters;
        } else {
            self.plain += letters;
        }
        self.text.push_str(text);
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

fn paragraph_lines(paragraph: &Paragraph, hint: Option<Side>) -> Vec<Line> {
    let aligned = match paragraph.align {
        Align::Right => Side::Right,
        Align::Center => Side::Any,
        Align::Left | Align::Justify => Side::Left,
    };
    let default_side = hint.unwrap_or(if paragraph.in_text_box { Side::Any } else { aligned });
    let mut lines = Vec::new();
    // (segments, whether a tab came before the first text)
    let mut segments: Vec<Segment> = vec![Segment::default()];
    let mut leading_tab = false;
    let finish = |segments: &mut Vec<Segment>, leading_tab: &mut bool, lines: &mut Vec<Line>| {
        let filled: Vec<&Segment> = segments.iter().filter(|s| !s.is_blank()).collect();
        let sides: Vec<Side> = match filled.len() {
            0 => vec![],
            1 if *leading_tab => vec![Side::Tabbed],
            1 => vec![default_side],
            n => (0..n).map(|i| if i == 0 { Side::Left } else { Side::Right }).collect(),
        };
        for (segment, side) in filled.into_iter().zip(sides) {
            lines.push(Line { text: clean_line(&segment.text), bold: segment.bold > segment.plain, side });
        }
        segments.clear();
        segments.push(Segment::default());
        *leading_tab = false;
    };
    for inline in &paragraph.inlines {
        match inline {
            Inline::Text(text, format) => {
                let shown = if format.caps { text.to_uppercase() } else { text.clone() };
                segments.last_mut().expect("a segment").push(&shown, format.bold);
            }
            Inline::Tab => {
                if segments.iter().all(Segment::is_blank) {
                    leading_tab = true;
                }
                if !segments.last().expect("a segment").is_blank() {
                    segments.push(Segment::default());
                }
            }
            Inline::Break => finish(&mut segments, &mut leading_tab, &mut lines),
            Inline::Note(_) => {}
        }
    }
    finish(&mut segments, &mut leading_tab, &mut lines);
    lines
}

/// Text as shown, for matching: look-alike spaces and hyphens mapped, spaces collapsed, NFC.
pub(crate) fn clean_line(text: &str) -> String {
    let mapped: String = text.chars().filter_map(super::super::markdown::shown_char).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

pub(super) fn paragraph_text(block: &Block) -> Option<(String, &Paragraph)> {
    match block {
        Block::Paragraph(p) => Some((clean_line(&p.plain_text()), p)),
        Block::Table(_) => None,
    }
}

/// The lines of a paragraph as typed, split at its line breaks, each cleaned.
pub(super) fn typed_lines(paragraph: &Paragraph) -> Vec<String> {
    let mut lines = vec![String::new()];
    for inline in &paragraph.inlines {
        match inline {
            Inline::Text(t, f) if f.caps => lines.last_mut().expect("a line").push_str(&t.to_uppercase()),
            Inline::Text(t, _) => lines.last_mut().expect("a line").push_str(t),
            Inline::Tab => lines.last_mut().expect("a line").push(' '),
            Inline::Break => lines.push(String::new()),
            Inline::Note(_) => {}
        }
    }
    lines.iter().map(|line| clean_line(line)).collect()
}

/// A page number as a header holds it: `Trang 2`, `- 3 -`, `Page 1 / 4` (the number itself
/// a field, often empty when read).
pub(super) fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let rest = lower.trim_start_matches("trang").trim_start_matches("page");
    !lower.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '–' | '—'))
}

/// Whether a paragraph is bold throughout (spaces aside).
pub(super) fn is_all_bold(paragraph: &Paragraph) -> bool {
    let mut any = false;
    for inline in &paragraph.inlines {
        if let Inline::Text(text, format) = inline
            && !text.trim().is_empty()
        {
            if !format.bold {
                return false;
            }
            any = true;
        }
    }
    any
}

pub(super) fn has_lowercase(text: &str) -> bool {
    text.chars().any(char::is_lowercase)
}

pub(super) fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !has_lowercase(text)
}

/// Letters only, without marks, lower case: for comparing fixed phrases however typed.
pub(super) fn folded(text: &str) -> String {
    crate::slug::slugify(text).replace('-', "")
}

/// A rule or an ornament: `*`, `-----`, `___`, `* * *`.
pub(super) fn is_decoration(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '~' | '–' | '—' | '.' | '•' | ' '))
}
