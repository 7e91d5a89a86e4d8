//! Reference placeholders: the private-use marks a body's HTML holds where a reference
//! opens and closes, escaping so that no author's text can pass for one, and filling them
//! once the archive knows what each reference points to. Finding references is
//! `references`'s.

use pulldown_cmark::{CowStr, Event, Tag};

pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';
pub(super) const END: char = '\u{E002}';

/// Text that ends up in an attribute (a code block's language, a link's address or title, a
/// footnote's label) with the placeholder marks replaced, so that none can pass for one.
pub(super) fn unmark(text: CowStr<'_>) -> CowStr<'_> {
    if has_marks(&text) { text.replace([OPEN, CLOSE, END], "\u{FFFD}").into() } else { text }
}

pub(super) fn unmark_tag(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)) => {
            Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(unmark(info)))
        }
        Tag::Link { link_type, dest_url, title, id } => {
            Tag::Link { link_type, dest_url: unmark(dest_url), title: unmark(title), id: unmark(id) }
        }
        Tag::Image { link_type, dest_url, title, id } => {
            Tag::Image { link_type, dest_url: unmark(dest_url), title: unmark(title), id: unmark(id) }
        }
        Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(unmark(label)),
        other => other,
    }
}

/// Whether text holds the private-use characters that mark placeholders.
pub(super) fn has_marks(text: &str) -> bool {
    text.contains([OPEN, CLOSE, END])
}

/// Text for the HTML writer, which escapes it; text holding placeholder marks is escaped
/// here instead, so that no author's text can pass for a placeholder.
pub(super) fn text_event(text: CowStr<'_>) -> Event<'_> {
    if has_marks(&text) {
        let mut html = String::with_capacity(text.len() + 16);
        escape_into(&mut html, &text);
        Event::InlineHtml(html.into())
    } else {
        Event::Text(text)
    }
}

pub(super) fn open_placeholder(index: usize) -> String {
    format!("{OPEN}{index}{CLOSE}")
}

pub(super) fn close_placeholder(index: usize) -> String {
    format!("{END}{index}{CLOSE}")
}

/// Escapes text for HTML, and the private-use characters that mark placeholders.
pub fn escape_into(out: &mut String, text: &str) {
    let mut done = 0;
    for (at, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            // U+E000..U+E002 are EE 80 80..82 in UTF-8: the placeholder marks.
            0xEE if text.as_bytes().get(at + 1) == Some(&0x80)
                && matches!(text.as_bytes().get(at + 2), Some(0x80..=0x82)) =>
            {
                match text.as_bytes()[at + 2] {
                    0x80 => "&#xE000;",
                    0x81 => "&#xE001;",
                    _ => "&#xE002;",
                }
            }
            _ => continue,
        };
        out.push_str(&text[done..at]);
        out.push_str(replacement);
        done = if byte == 0xEE { at + 3 } else { at + 1 };
    }
    out.push_str(&text[done..]);
}

/// Replaces reference placeholders: `open(i)` and `close(i)` give the markup around reference `i`.
pub fn fill_references(
    html: &str,
    out: &mut String,
    open: impl Fn(usize) -> String,
    close: impl Fn(usize) -> String,
) {
    let mut rest = html;
    while let Some(at) = rest.find([OPEN, END]) {
        out.push_str(&rest[..at]);
        let marker = rest[at..].chars().next().unwrap_or(OPEN);
        let after = &rest[at + marker.len_utf8()..];
        let Some(stop) = after.find(CLOSE) else {
            out.push_str(&rest[at..]);
            return;
        };
        let index: usize = after[..stop].parse().unwrap_or(usize::MAX);
        out.push_str(&if marker == OPEN { open(index) } else { close(index) });
        rest = &after[stop + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
}
