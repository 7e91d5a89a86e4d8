//! Text of the files an archive is made of: bytes to the one form everything else reads.
//!
//! Owns decoding (a UTF-8 check that names the first bad byte, a BOM dropped, UTF-16 and UTF-32
//! recognised and refused by name), line ends (CRLF and CR to LF), Unicode NFC (text pasted
//! from Word is often NFD), and the control characters no XML file may hold, which are removed.
//! It does not know what a notice or a setting is.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::diag::Diagnostic;
use crate::msg;

/// Bytes as text, when they are UTF-8. Checked with SIMD, which is many times faster than
/// the standard library's check on Vietnamese text (most of its letters outside ASCII), and
/// then copied, which costs less than a second check; bytes that are not UTF-8 are checked
/// again by the standard library, whose error says where they stop being so.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

/// Whether a character shows as a space but is none to a parser (pasted from a word
/// processor): the no-break, typographic, mathematical and ideographic spaces.
pub fn is_lookalike_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Decodes file bytes to NFC text with LF line ends, or says where the bytes stop being UTF-8.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    decode_utf8(path, bytes).map(normalize_owned)
}

/// [`decode`], with the columns the file's lines had before they were made NFC when that
/// moved any: a problem found in the text is said at the column an editor shows for the file.
pub fn decode_with_columns(path: &str, bytes: Vec<u8>) -> Result<(String, Option<Columns>), Diagnostic> {
    let text = decode_utf8(path, bytes)?;
    let text = lf_line_ends(text);
    if is_nfc_fast(&text) {
        return Ok((text, None));
    }
    let composed = text.nfc().collect();
    Ok((composed, Some(Columns { lines: text.split('\n').map(str::to_string).collect() })))
}

/// The lines of a file as written, before they were made NFC (pasted from Word, say): an
/// accented letter written as a letter and its marks is one character once composed, and two or
/// three in the editor.
#[derive(Debug, Clone)]
pub struct Columns {
    lines: Vec<String>,
}

impl Columns {
    /// The column, as written, of the character at `column` (from 1, in characters) of line
    /// `line` (from 1) made NFC.
    pub fn original(&self, line: usize, column: usize) -> usize {
        let Some(written) = line.checked_sub(1).and_then(|i| self.lines.get(i)) else { return column };
        let wanted = column.saturating_sub(1);
        let chars: Vec<char> = written.chars().collect();
        let composed_count = |part: &[char]| part.iter().copied().nfc().count();
        // A letter with the marks after it, up to the next letter.
        let segment_end = |start: usize| {
            start
                + 1
                + chars[start + 1..]
                    .iter()
                    .take_while(|&&c| unicode_normalization::char::canonical_combining_class(c) != 0)
                    .count()
        };
        // Groups of segments that compose to the characters they make apart, or fewer when
        // letters compose with one another (Hangul): each group is looked at once.
        let (mut composed, mut start) = (0, 0);
        while start < chars.len() {
            let mut end = segment_end(start);
            let mut made = composed_count(&chars[start..end]);
            while end < chars.len() {
                let next = segment_end(end);
                let together = composed_count(&chars[start..next]);
                if together >= made + composed_count(&chars[end..next]) {
                    break;
                }
                (made, end) = (together, next);
            }
            if wanted < composed + made {
                return start + (wanted - composed).min(end - start - 1) + 1;
            }
            composed += made;
            start = end;
        }
        chars.len() + (wanted - composed) + 1
    }
}

/// The text of file bytes as they are, but for a byte-order mark, or where they stop being
/// UTF-8.
fn decode_utf8(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if let Some(encoding) = wide_encoding(&bytes) {
        return Err(Diagnostic::error(path, 1, 1, msg!("not-utf8-wide", encoding = encoding))
            .with_help(msg!("help-save-as-utf8")));
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let mut bytes = bytes;
    bytes.drain(..bom);
    let error = match utf8_string(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let offset = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let (line, column) = crate::diag::line_col(valid, offset);
    let message = msg!("not-utf8", byte = format!("0x{:02X}", bytes[offset]), offset = bom + offset);
    Err(Diagnostic::error(path, line, column, message).with_help(msg!("help-save-as-utf8")))
}

/// UTF-32 and UTF-16, by their byte-order marks. UTF-32 LE starts like UTF-16 LE, so it is
/// asked first.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("UTF-32")
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16")
    } else {
        None
    }
}

/// Like [`normalize`], without copying text that is already normal.
fn normalize_owned(text: String) -> String {
    if text.contains('\r') || !is_nfc_fast(&text) { normalize(&text) } else { text }
}

/// NFC quick check with a fast path for what Vietnamese text is made of: characters below
/// U+0300 and the precomposed letters of U+1E00–U+1EFF can never need composing. The fast
/// path reads UTF-8 lead bytes rather than decoding characters.
fn is_nfc_fast(text: &str) -> bool {
    only_composed(text.as_bytes()) || is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// Whether every character is below U+0300 (lead bytes up to 0xCB) or in U+1E00–U+1EFF
/// (0xE1 0xB8–0xBB …).
fn only_composed(bytes: &[u8]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            0x00..=0x7F => at += 1,
            0xC2..=0xCB => at += 2,
            0xE1 if matches!(bytes.get(at + 1), Some(0xB8..=0xBB)) => at += 3,
            _ => return false,
        }
    }
    true
}

/// Line ends to LF and text to Unicode NFC, the form everything downstream expects.
pub fn normalize(text: &str) -> String {
    let text = lf_line_ends(text.to_string());
    if is_nfc_fast(&text) { text } else { text.nfc().collect() }
}

/// CRLF and CR line ends as LF.
fn lf_line_ends(text: String) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text }
}

/// Characters no XML 1.0 file may hold: C0 controls but tab and line feed, and U+FFFE, U+FFFF.
fn is_forbidden(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Removes the characters no XML file may hold; returns a warning at the first one, with how
/// many there were, when there were any. `first_line` is the line of the file `text` starts on.
pub fn remove_forbidden(path: &str, text: &mut String, first_line: usize) -> Option<Diagnostic> {
    // One pass over the bytes: a control byte, or EF BF BE / EF BF BF (U+FFFE, U+FFFF).
    let bytes = text.as_bytes();
    let forbidden = bytes.iter().enumerate().any(|(i, &b)| {
        (b < b' ' && b != b'\t' && b != b'\n')
            || (b == 0xEF && bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)))
    });
    if !forbidden {
        return None;
    }
    let first = text.find(is_forbidden)?;
    let (line, column) = crate::diag::line_col(text, first);
    let code = text[first..].chars().next().map_or(0, u32::from);
    let before = text.chars().count();
    text.retain(|c| !is_forbidden(c));
    let removed = before - text.chars().count();
    Some(
        Diagnostic::warning(
            path,
            line + first_line - 1,
            column,
            msg!("control-characters", code = format!("U+{code:04X}"), others = removed - 1),
        )
        .with_help(msg!("help-control-characters")),
    )
}

/// A number as `language` writes it, with `precision` decimals: `2.000`, `2,8` in Vietnamese;
/// `2,000`, `2.8` in English.
pub fn format_number(value: f64, precision: usize, language: crate::config::Language) -> String {
    let (group, decimal) = match language {
        crate::config::Language::Vi => ('.', ','),
        crate::config::Language::En => (',', '.'),
    };
    let written = format!("{:.*}", precision, value.abs());
    let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
    let mut out = String::with_capacity(written.len() + whole.len() / 3 + 1);
    if value < 0.0 && written.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (at, digit) in whole.chars().enumerate() {
        if at > 0 && (whole.len() - at) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// The marks that open a line of signing authority (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`,
/// `T/L BAN THƯỜNG VỤ`): on behalf of, deputy for, by order of, authorised by, acting.
pub const AUTHORITY_MARKS: [&str; 9] = ["T/M", "K/T", "T/L", "T/U", "TM.", "KT.", "TL.", "TUQ.", "Q."];

/// A signing authority as the lines of a signature block: a new line at each mark after the
/// first (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH` → two lines), as on paper.
pub fn authority_lines(authority: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in authority.split_whitespace() {
        let opens = AUTHORITY_MARKS.iter().any(|mark| word.eq_ignore_ascii_case(mark));
        match lines.last_mut() {
            Some(line) if !opens => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// An issuer's name as the lines of a header on paper: the body of a people's committee or
/// council on one line, its province, district or commune on the next (`Ủy ban nhân dân` /
/// `tỉnh Sơn Hà`); any other name on one line.
pub fn header_lines(name: &str) -> Vec<String> {
    const BODIES: [&str; 2] = ["ủy ban nhân dân ", "hội đồng nhân dân "];
    let lower = name.to_lowercase();
    match BODIES.iter().find(|body| lower.starts_with(*body) && lower.len() > body.len()) {
        // The lower-case form has the same length here: Vietnamese letters keep theirs.
        Some(body) if lower.len() == name.len() => {
            let (first, rest) = name.split_at(body.len());
            vec![first.trim_end().to_string(), rest.trim_start().to_string()]
        }
        _ => vec![name.to_string()],
    }
}

/// Whitespace collapsed, cut at a space before `max` characters with `…` when longer: an
/// excerpt or a link preview's description.
pub fn shorten(text: &str, max: usize) -> String {
    // Only the first `max` characters and whether there are more count: the words after them
    // are not joined. Where the `max`th character ends is noted as the words come, and the
    // text cut in place.
    let mut collapsed = String::with_capacity(text.len().min(max.saturating_mul(4).saturating_add(8)));
    let mut chars = 0;
    let mut cut = None;
    for word in text.split_whitespace() {
        if chars > max {
            break;
        }
        if !collapsed.is_empty() {
            if chars == max {
                cut.get_or_insert(collapsed.len());
            }
            collapsed.push(' ');
            chars += 1;
        }
        let word_chars = word.chars().count();
        if cut.is_none() && chars + word_chars > max {
            let inside = word.char_indices().nth(max - chars).map_or(word.len(), |(i, _)| i);
            cut = Some(collapsed.len() + inside);
        }
        collapsed.push_str(word);
        chars += word_chars;
    }
    if chars <= max {
        return collapsed;
    }
    let cut = cut.unwrap_or(collapsed.len());
    let head = collapsed[..cut].rfind(' ').unwrap_or(cut);
    let kept = collapsed[..head].trim_end_matches([',', ';', ':', '.', ' ']).len();
    collapsed.truncate(kept);
    collapsed.push('…');
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_utf8_check_says_what_the_standard_one_says() {
        let long_vietnamese = "Thông báo kết luận của Ban Thường vụ Tỉnh ủy. ".repeat(200);
        let cases: &[&[u8]] = &[
            b"",
            b"plain ASCII text",
            "Nghị quyết số 12-NQ/TU về công tác cán bộ".as_bytes(),
            long_vietnamese.as_bytes(),
            // Near misses: a bad byte among good text, a letter cut at the end, an overlong
            // form, a surrogate, a code point past U+10FFFF, a lone continuation byte.
            b"Ngh\xE1\xBB quy\xE1\xBA\xBFt",
            b"Quy\xE1\xBA",
            b"\xC0\x80",
            b"\xED\xA0\x80",
            b"\xF4\x90\x80\x80",
            b"abc\x80def",
        ];
        for &bytes in cases {
            let fast = utf8_string(bytes.to_vec()).map_err(|e| e.utf8_error().valid_up_to());
            let standard = String::from_utf8(bytes.to_vec()).map_err(|e| e.utf8_error().valid_up_to());
            assert_eq!(fast, standard, "{bytes:?}");
        }
        // Long invalid text, past what a SIMD check takes in one step: the same place.
        let mut cut = long_vietnamese.clone().into_bytes();
        cut.insert(5000, 0xFF);
        assert_eq!(utf8_string(cut).unwrap_err().utf8_error().valid_up_to(), 5000);
    }

    #[test]
    fn a_column_of_composed_text_is_said_where_the_file_wrote_it() {
        let written: String = "Số 12-TB/VP, theo Điều 3".nfd().collect();
        let (text, columns) = decode_with_columns("a.md", format!("ý\n{written}\n").into_bytes()).unwrap();
        let columns = columns.expect("text written decomposed keeps its columns");
        let composed = text.lines().nth(1).unwrap();
        assert_ne!(composed, written);
        let column = |line: &str, needle: &str| line[..line.find(needle).unwrap()].chars().count() + 1;
        for needle in ["Số", "12-TB", "theo", "Điều", "3"] {
            let decomposed: String = needle.nfd().collect();
            assert_eq!(
                columns.original(2, column(composed, needle)),
                column(&written, &decomposed),
                "{needle}"
            );
        }
        // A line written composed, a line past the end and a column past the line.
        assert_eq!(columns.original(1, 2), 2);
        assert_eq!(columns.original(9, 4), 4);
        assert_eq!(columns.original(2, composed.chars().count() + 3), written.chars().count() + 3);
        // Letters that compose with one another, not with marks (Hangul): one column each, composed.
        let hangul = "\u{1100}\u{1161}\u{1100}\u{1161} 78";
        let (_, columns) = decode_with_columns("a.md", hangul.as_bytes().to_vec()).unwrap();
        assert_eq!(columns.expect("Hangul jamo compose").original(1, 4), 6);
        // Text written composed keeps none, with Windows line ends too.
        assert!(decode_with_columns("a.md", b"S\xe1\xbb\x91 12\r\n".to_vec()).unwrap().1.is_none());
    }

    #[test]
    fn a_signing_authority_is_laid_out_as_on_paper() {
        for (written, lines) in [
            ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", &["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"][..]),
            ("T/M BAN THƯỜNG VỤ", &["T/M BAN THƯỜNG VỤ"]),
            ("tm. ban thường vụ k/t bí thư", &["tm. ban thường vụ", "k/t bí thư"]),
            // Near misses: a mark inside a word, and no mark at all.
            ("TM.ỦY BAN", &["TM.ỦY BAN"]),
            ("CHÁNH VĂN PHÒNG", &["CHÁNH VĂN PHÒNG"]),
            ("", &[]),
        ] {
            assert_eq!(authority_lines(written), lines, "{written}");
        }
    }

    #[test]
    fn an_issuer_is_laid_out_as_on_paper() {
        for (name, lines) in [
            ("Ủy ban nhân dân tỉnh Sơn Hà", &["Ủy ban nhân dân", "tỉnh Sơn Hà"][..]),
            ("ỦY BAN NHÂN DÂN HUYỆN KIM SƠN", &["ỦY BAN NHÂN DÂN", "HUYỆN KIM SƠN"]),
            ("Hội đồng nhân dân xã Tân Lập", &["Hội đồng nhân dân", "xã Tân Lập"]),
            // Near misses: another body, and the body's name alone.
            ("Văn phòng Ủy ban nhân dân tỉnh", &["Văn phòng Ủy ban nhân dân tỉnh"]),
            ("Ủy ban nhân dân", &["Ủy ban nhân dân"]),
            ("Tỉnh ủy Sơn Hà", &["Tỉnh ủy Sơn Hà"]),
        ] {
            assert_eq!(header_lines(name), lines, "{name}");
        }
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        use crate::config::Language::{En, Vi};
        for (value, precision, vi, en) in [
            (2000.0, 0, "2.000", "2,000"),
            (17738.0, 0, "17.738", "17,738"),
            (1234567.0, 0, "1.234.567", "1,234,567"),
            (2.8125, 1, "2,8", "2.8"),
            (1536.0, 1, "1.536,0", "1,536.0"),
            // Near misses: no separator under a thousand, none for a lone zero, a sign kept.
            (999.0, 0, "999", "999"),
            (0.0, 0, "0", "0"),
            (-0.04, 1, "0,0", "0.0"),
            (-1200.0, 0, "-1.200", "-1,200"),
        ] {
            assert_eq!(format_number(value, precision, Vi), vi, "{value}");
            assert_eq!(format_number(value, precision, En), en, "{value}");
        }
    }

    #[test]
    fn decode_strips_bom_crlf_and_normalises_nfd() {
        let nfd: String = "Thông báo".nfd().collect();
        let bytes = format!("\u{feff}a\r\nb\r{nfd}");
        assert_eq!(decode("x", bytes.into_bytes()).unwrap(), "a\nb\nThông báo");
    }

    #[test]
    fn decode_reports_the_bad_byte() {
        let err = decode("x.md", b"ab\ncd\xFFef".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert!(
            err.message.text(crate::message::Language::En).contains("byte offset 5"),
            "{:?}",
            err.message
        );
        let err = decode("x.md", b"\xEF\xBB\xBFab\xFF".to_vec()).unwrap_err();
        assert!(
            err.message.text(crate::message::Language::En).contains("byte offset 5"),
            "the BOM counts: {:?}",
            err.message
        );
    }

    #[test]
    fn wide_encodings_are_named() {
        for (bytes, name) in [
            (&[0xFF, 0xFE, 0x41, 0][..], "UTF-16"),
            (&[0xFE, 0xFF, 0, 0x41][..], "UTF-16"),
            (&[0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0][..], "UTF-32"),
            (&[0, 0, 0xFE, 0xFF, 0, 0, 0, 0x41][..], "UTF-32"),
        ] {
            let err = decode("x", bytes.to_vec()).unwrap_err();
            assert!(
                err.message.text(crate::message::Language::En).contains(&format!("is {name},")),
                "{bytes:?}: {:?}",
                err.message
            );
        }
    }

    #[test]
    fn the_fast_composed_check_agrees_with_the_standard_one() {
        for text in [
            "",
            "abc",
            "Tổ chức cán bộ",
            "Đảng ủy",
            "é",
            "e\u{301}",
            "ǅ",
            "ỹ",
            "ḁ",
            "ἀ",
            "한",
            "😀",
            "\u{2FF}",
            "\u{300}",
        ] {
            let slow = text.chars().all(|c| (c as u32) < 0x300 || (0x1E00..=0x1EFF).contains(&(c as u32)));
            assert_eq!(only_composed(text.as_bytes()), slow, "{text:?}");
        }
    }

    #[test]
    fn forbidden_characters_are_removed_with_one_warning() {
        let mut text = "a\tb\nc\u{0}d\u{1B}e\u{FFFF}\n".to_string();
        let warning = remove_forbidden("x.md", &mut text, 5).unwrap();
        assert_eq!(text, "a\tb\ncde\n");
        assert_eq!((warning.line, warning.column), (6, 2));
        assert!(
            warning.message.text(crate::message::Language::En).contains("U+0000 and 2 more"),
            "{:?}",
            warning.message
        );
        let mut clean = "tab\there\n".to_string();
        assert!(remove_forbidden("x.md", &mut clean, 1).is_none());
    }

    #[test]
    fn excerpts_are_cut_at_a_space() {
        assert_eq!(shorten("  một   hai ", 20), "một hai");
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
        // Exactly `max` characters stay whole; one more and the last word goes.
        assert_eq!(shorten("một hai", 7), "một hai");
        assert_eq!(shorten("một hai ba", 7), "một…");
        assert_eq!(shorten("dàiquáđểcắt", 4), "dàiq…");
        assert_eq!(shorten("một, hai", 5), "một…");
        assert_eq!(shorten(" \n ", 3), "");
    }

    /// Every word joined, then cut: what `shorten` must give without joining them all.
    fn shorten_joining_all(text: &str, max: usize) -> String {
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.chars().count() <= max {
            return collapsed;
        }
        let cut = collapsed.char_indices().nth(max).map_or(collapsed.len(), |(i, _)| i);
        let head = &collapsed[..cut];
        let head = head.rfind(' ').map_or(head, |space| &head[..space]);
        format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
    }

    proptest::proptest! {
        #[test]
        fn shorten_gives_what_joining_every_word_gives(text in "[a-cà ,.\n\u{a0}\u{3000}]{0,60}", max in 0usize..40) {
            proptest::prop_assert_eq!(shorten(&text, max), shorten_joining_all(&text, max));
        }
    }
}
