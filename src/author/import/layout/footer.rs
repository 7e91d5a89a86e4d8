//! The footer: where it starts (a table or the paragraphs from "Nơi nhận" or the last signing
//! authority), the recipients, and the signature block with its authority lines. The header is
//! `header`'s.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{block_lines, clean_line, folded, is_decoration, paragraph_text};
use super::{Fields, Side, Signature};
use crate::author::import::docx::{Align, Block};

fn starts_with_recipients(text: &str) -> bool {
    folded(text.split(':').next().unwrap_or("")) == "noinhan"
}

static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    let marks: Vec<String> = crate::text::AUTHORITY_MARKS.iter().map(|mark| regex::escape(mark)).collect();
    Regex::new(&format!(r"^(?:{})\s*\p{{Lu}}", marks.join("|"))).expect("authority pattern")
});

/// Whether a line is a signing authority: `T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`, `TL. GIÁM ĐỐC`…
pub(crate) fn is_authority_line(text: &str) -> bool {
    AUTHORITY.is_match(&clean_line(text))
}

/// The footer's blocks `[start, end)`: a table holding "Nơi nhận" or a signing authority, or
/// the paragraphs from "Nơi nhận" (or else from the last authority line) to the end.
pub(super) fn find_footer(blocks: &[Block], body_start: usize) -> Option<(usize, usize)> {
    for i in (body_start..blocks.len()).rev() {
        match &blocks[i] {
            Block::Table(_) => {
                let lines = block_lines(&blocks[i], None);
                let recipients = lines.iter().any(|l| starts_with_recipients(&l.text));
                let signed = lines.iter().any(|l| l.side == Side::Right && is_authority_line(&l.text));
                if recipients || signed {
                    return Some((i, i + 1));
                }
            }
            Block::Paragraph(p) => {
                if starts_with_recipients(&clean_line(&p.plain_text())) {
                    return Some((i, blocks.len()));
                }
            }
        }
    }
    let from = blocks.len().saturating_sub(8).max(body_start);
    (from..blocks.len())
        .rev()
        .find(|&i| paragraph_text(&blocks[i]).is_some_and(|(t, _)| is_authority_line(&t)))
        .map(|i| (i, blocks.len()))
}

/// Fills recipients and signature from the footer blocks.
pub(super) fn read_footer(blocks: &[Block], fields: &mut Fields) {
    let mut lines = Vec::new();
    for block in blocks {
        let hint = match block {
            Block::Paragraph(p) if matches!(p.align, Align::Center | Align::Right) => Some(Side::Right),
            _ => None,
        };
        lines.extend(block_lines(block, hint));
    }
    let mut in_recipients = false;
    // Whether the list's lines open with a dash: one that does not then goes on the one before.
    let mut dashed = None;
    let mut signature_lines = Vec::new();
    for line in &lines {
        if matches!(line.side, Side::Right | Side::Tabbed) || (line.side == Side::Any && !in_recipients) {
            signature_lines.push(line.text.as_str());
            continue;
        }
        if starts_with_recipients(&line.text) {
            in_recipients = true;
            let rest = line.text.split_once(':').map_or("", |(_, r)| r);
            fields.recipients.extend(recipient(rest));
        } else if in_recipients {
            let opens_with_dash = line.text.trim_start().starts_with(BULLETS);
            match (fields.recipients.last_mut(), *dashed.get_or_insert(opens_with_dash)) {
                (Some(last), true) if !opens_with_dash => {
                    if let Some(more) = recipient(&line.text) {
                        last.push(' ');
                        last.push_str(&more);
                    }
                }
                _ => fields.recipients.extend(recipient(&line.text)),
            }
        } else if is_authority_line(&line.text) || !signature_lines.is_empty() {
            signature_lines.push(line.text.as_str());
        }
    }
    fields.signature = read_signature(&signature_lines);
}

/// What opens a line of the list of recipients.
const BULLETS: [char; 5] = ['-', '–', '+', '•', '*'];

/// One recipient line without its dash and closing punctuation.
fn recipient(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches(BULLETS).trim();
    let text = text.trim_end_matches([',', ';', '.']).trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Authority lines, then the title lines, then the name (the last line); signature notes such
/// as `(Đã ký)` and stamps are skipped.
pub(super) fn read_signature(lines: &[&str]) -> Option<Signature> {
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.is_empty() && !is_decoration(l) && !is_signature_note(l))
        .collect();
    let authority_count = lines.iter().take_while(|l| is_authority_line(l)).count();
    let rest = &lines[authority_count..];
    let (name, titles) = match rest.split_last() {
        Some((name, titles)) => (Some(name.to_string()), titles),
        None => (None, rest),
    };
    let authority = (authority_count > 0).then(|| lines[..authority_count].join(" "));
    let title = (!titles.is_empty()).then(|| titles.join(" "));
    if name.is_none() && authority.is_none() {
        return None;
    }
    Some(Signature { name, title, authority })
}

fn is_signature_note(text: &str) -> bool {
    (text.starts_with('(') && text.ends_with(')')) || (text.starts_with('[') && text.ends_with(']'))
}
