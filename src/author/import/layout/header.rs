//! The header: the type line, the end of the header without one, and the lines it holds
//! (issuer and parent issuer, national or party heading, "Số" line, place and date line).
//! The title under the type line is read in `mod.rs`; the footer is `footer`'s.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{
    block_lines, clean_line, folded, is_all_bold, is_capitals, is_decoration, paragraph_text, typed_lines,
};
use super::{Fields, Line, Side, TYPE_LINE_WITHIN};
use crate::author::import::docx::{Align, Block};
use crate::cite::number::{self, DocNumber, System};
use crate::content;

/// The first centred or bold paragraph in capitals that is a type name (`QUYẾT ĐỊNH`), or
/// whose first line is, the title following on the same paragraph after line breaks: its index,
/// the type name, and those title lines.
pub(super) fn find_type_line(blocks: &[Block]) -> Option<(usize, &'static str, Vec<String>)> {
    blocks.iter().take(TYPE_LINE_WITHIN).enumerate().find_map(|(i, block)| {
        let (text, p) = paragraph_text(block)?;
        if !(p.align == Align::Center || is_all_bold(p)) {
            return None;
        }
        if let Some(name) = is_capitals(&text).then(|| number::type_name_of_word(&text)).flatten() {
            return Some((i, name, Vec::new()));
        }
        let typed = typed_lines(p);
        let (first, rest) = typed.split_first()?;
        let name = is_capitals(first).then(|| number::type_name_of_word(first)).flatten()?;
        Some((i, name, rest.iter().filter(|l| !l.is_empty()).cloned().collect()))
    })
}

/// Without a type line, the header is the leading run of blocks holding header lines.
pub(super) fn header_end_without_type(blocks: &[Block]) -> usize {
    let mut end = 0;
    for (i, block) in blocks.iter().take(8).enumerate() {
        let header_like = block_lines(block, None).iter().any(|l| {
            number_line(&l.text).is_some()
                || date_line(&l.text).is_some()
                || heading_system(&l.text).is_some()
        });
        if header_like {
            end = i + 1;
        }
    }
    end
}

/// Fills number, date, place, system, issuer and parent issuer from the header lines; returns
/// a "V/v …" title of a công văn if one is there.
pub(super) fn read_header(lines: &[Line], fields: &mut Fields) -> Option<String> {
    let mut issuer_lines: Vec<&Line> = Vec::new();
    let mut vv_title = None;
    for line in lines {
        let text = line.text.as_str();
        if text.is_empty() || is_decoration(text) || is_motto(text) || is_mark(text) {
            continue;
        }
        if let Some(found) = number_line(text) {
            if let NumberLine::Number(n) = found {
                fields.number.get_or_insert(*n);
            }
            continue;
        }
        if let Some(found) = date_line(text) {
            fields.place = fields.place.take().or(found.place);
            fields.date = fields.date.or(found.date);
            fields.year = fields.year.or(found.year);
            fields.impossible_date = fields.impossible_date.take().or(found.impossible);
            continue;
        }
        if let Some(system) = heading_system(text) {
            fields.system = Some(system);
            continue;
        }
        if let Some(rest) = text.strip_prefix("V/v ").or_else(|| text.strip_prefix("V/V ")) {
            vv_title = Some(rest.to_string());
            continue;
        }
        if line.side != Side::Right {
            issuer_lines.push(line);
        }
    }
    let (parent, issuer) = split_issuer(&issuer_lines);
    fields.parent_issuer = parent;
    fields.issuer = issuer;
    vv_title
}

/// Parent issuer (regular capitals) above the issuer (bold capitals); lines all of one weight
/// are one name in several lines (`ỦY BAN NHÂN DÂN` / `TỈNH SƠN HÀ`).
fn split_issuer(lines: &[&Line]) -> (Option<String>, Option<String>) {
    let join = |lines: &[&Line]| {
        let text = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    };
    match lines.iter().position(|l| l.bold) {
        Some(first_bold) if first_bold > 0 => {
            let bold_end =
                lines[first_bold..].iter().position(|l| !l.bold).map_or(lines.len(), |n| first_bold + n);
            (join(&lines[..first_bold]), join(&lines[first_bold..bold_end]))
        }
        Some(_) => {
            let bold_end = lines.iter().position(|l| !l.bold).unwrap_or(lines.len());
            (None, join(&lines[..bold_end]))
        }
        None => (None, join(lines)),
    }
}

fn heading_system(text: &str) -> Option<System> {
    match folded(text).as_str() {
        "dangcongsanvietnam" => Some(System::Party),
        "conghoaxahoichunghiavietnam" => Some(System::State),
        _ => None,
    }
}

fn is_motto(text: &str) -> bool {
    folded(text) == "doclaptudohanhphuc"
}

/// Marks that are not fields: draft, secrecy and urgency stamps.
fn is_mark(text: &str) -> bool {
    matches!(
        folded(text).as_str(),
        "duthao" | "mat" | "toimat" | "tuyetmat" | "khan" | "thuongkhan" | "hoatoc"
    )
}

/// What a "Số" line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberLine {
    Number(Box<DocNumber>),
    /// The number is left blank for the office to fill in: `Số:      /QĐ-UBND`.
    Blank,
}

static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:số)(?P<sep>\s*:\s*|\s+)?(?P<rest>.*)$").expect("number line pattern"));
static BLANK_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s._…]*[-/]\s*\p{Lu}[\p{L}]*(?:\s*[-/]\s*\p{Lu}[\p{L}0-9]*)*$")
        .expect("blank number pattern")
});

/// Reads a line such as `Số: 1234/QĐ-UBND` or `Số 45-TB/VPTU`.
pub(crate) fn number_line(text: &str) -> Option<NumberLine> {
    let text = clean_line(text);
    let c = NUMBER_LINE.captures(&text)?;
    let rest = c.name("rest")?.as_str().trim();
    if c.name("sep").is_none() && !rest.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    if let Some(number) = DocNumber::parse(rest) {
        return Some(NumberLine::Number(Box::new(number)));
    }
    BLANK_NUMBER.is_match(rest).then_some(NumberLine::Blank)
}

/// Reads a line such as `Sơn Hà, ngày 10 tháng 6 năm 2024` (see [`content::date_line`]).
pub(crate) fn date_line(text: &str) -> Option<content::date_line::DateLine> {
    content::date_line::read(&clean_line(text))
}
