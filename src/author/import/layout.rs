//! Recognising a notice's official layout in a read Word document: the header blocks (issuer,
//! number, national or party heading, place and date), the type and title lines, and the footer
//! (recipients and signature), leaving the blocks in between as the body.
//!
//! Works on the neutral model of `docx`, whatever carried the layout: a borderless table, tabs,
//! text boxes or the first-page header. It only finds and cleans field text; it does not choose
//! front-matter keys or spellings of the archive (that is the command, in `mod.rs`), and it does
//! not write Markdown.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::docx::{Align, Block, Document, Inline, Paragraph};
use crate::cite::number::{self, DocNumber, System};

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

/// Blocks searched for the type line.
const TYPE_LINE_WITHIN: usize = 40;
/// Most lines of a title.
const TITLE_LINES: usize = 5;

/// Recognises the layout of a document.
pub(crate) fn recognise(document: &Document) -> Layout<'_> {
    let blocks = &document.body;
    let mut fields = Fields::default();
    let type_line = find_type_line(blocks);
    let header_end = match type_line {
        Some((index, _)) => index,
        None => header_end_without_type(blocks),
    };
    let mut header_lines: Vec<Line> = document.letterhead.iter().flat_map(|b| block_lines(b, None)).collect();
    header_lines.extend(blocks[..header_end].iter().flat_map(|b| block_lines(b, None)));
    let vv_title = read_header(&header_lines, &mut fields);
    let mut body_start = header_end;
    if let Some((index, type_name)) = type_line {
        fields.type_name = Some(type_name);
        let (title, next) = read_title(blocks, index + 1);
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

// ---------------------------------------------------------------------------------------------
// Lines

/// The lines of a block, each with its side: a table's first column is left and its last right;
/// text after a tab stands right; otherwise the alignment or `hint` decides.
fn block_lines(block: &Block, hint: Option<Side>) -> Vec<Line> {
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
    let mapped: String = text
        .chars()
        .filter_map(|c| match c {
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => Some(' '),
            '\u{2011}' => Some('-'),
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

fn paragraph_text(block: &Block) -> Option<(String, &Paragraph)> {
    match block {
        Block::Paragraph(p) => Some((clean_line(&p.plain_text()), p)),
        Block::Table(_) => None,
    }
}

/// Whether a paragraph is bold throughout (spaces aside).
fn is_all_bold(paragraph: &Paragraph) -> bool {
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

fn has_lowercase(text: &str) -> bool {
    text.chars().any(char::is_lowercase)
}

fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !has_lowercase(text)
}

// ---------------------------------------------------------------------------------------------
// Header

/// The first centred or bold paragraph in capitals that is a type name (`QUYẾT ĐỊNH`).
fn find_type_line(blocks: &[Block]) -> Option<(usize, &'static str)> {
    blocks.iter().take(TYPE_LINE_WITHIN).enumerate().find_map(|(i, block)| {
        let (text, p) = paragraph_text(block)?;
        if !is_capitals(&text) || !(p.align == Align::Center || is_all_bold(p)) {
            return None;
        }
        number::type_name_of_word(&text).map(|name| (i, name))
    })
}

/// Without a type line, the header is the leading run of blocks holding header lines.
fn header_end_without_type(blocks: &[Block]) -> usize {
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
fn read_header(lines: &[Line], fields: &mut Fields) -> Option<String> {
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

/// Letters only, without marks, lower case: for comparing fixed phrases however typed.
fn folded(text: &str) -> String {
    crate::slug::slugify(text).replace('-', "")
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

/// A rule or an ornament: `*`, `-----`, `___`, `* * *`.
fn is_decoration(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '~' | '–' | '—' | '.' | '•' | ' '))
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

/// What a date line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateLine {
    pub(crate) place: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) year: Option<i16>,
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<place>\p{Lu}[\p{L}.' -]{0,40}?)\s*,?\s+)?(?i:ngày)\s*(?P<d>\d{1,2})?\s*(?i:tháng)\s*(?P<m>\d{1,2})?\s*(?i:năm)\s*(?P<y>\d{4})?\s*\.?$",
    )
    .expect("date line pattern")
});

/// Reads a line such as `Sơn Hà, ngày 10 tháng 6 năm 2024`. The day or month may be blank
/// (a draft to be dated); an impossible date gives no date.
pub(crate) fn date_line(text: &str) -> Option<DateLine> {
    let text = clean_line(text);
    let c = DATE_LINE.captures(&text)?;
    let place = c.name("place").map(|p| p.as_str().trim().to_string()).filter(|p| p.split(' ').count() <= 6);
    if c.name("place").is_some() && place.is_none() {
        return None;
    }
    let number = |name| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let year = number("y");
    let date = match (number("d"), number("m"), year) {
        (Some(d), Some(m), Some(y)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            Date::new(y, m as i8, d as i8).ok()
        }
        _ => None,
    };
    Some(DateLine { place, date, year })
}

// ---------------------------------------------------------------------------------------------
// Title

/// The title lines after the type line, and where the body starts. The title ends at a rule,
/// a blank paragraph after it, a paragraph neither centred nor bold, or a line in capitals after
/// lines that were not (the enacting authority of a Quyết định).
fn read_title(blocks: &[Block], from: usize) -> (Option<String>, usize) {
    let mut lines: Vec<String> = Vec::new();
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
        if is_capitals(&text) && lines.last().is_some_and(|l| has_lowercase(l)) {
            break;
        }
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

// ---------------------------------------------------------------------------------------------
// Footer

fn starts_with_recipients(text: &str) -> bool {
    folded(text.split(':').next().unwrap_or("")) == "noinhan"
}

static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:T/M|K/T|T/L|T/U|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*\p{Lu}").expect("authority pattern")
});

/// Whether a line is a signing authority: `T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`, `TL. GIÁM ĐỐC`…
pub(crate) fn is_authority_line(text: &str) -> bool {
    AUTHORITY.is_match(&clean_line(text))
}

/// The footer's blocks `[start, end)`: a table holding "Nơi nhận" or a signing authority, or
/// the paragraphs from "Nơi nhận" (or else from the last authority line) to the end.
fn find_footer(blocks: &[Block], body_start: usize) -> Option<(usize, usize)> {
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
fn read_footer(blocks: &[Block], fields: &mut Fields) {
    let mut lines = Vec::new();
    for block in blocks {
        let hint = match block {
            Block::Paragraph(p) if matches!(p.align, Align::Center | Align::Right) => Some(Side::Right),
            _ => None,
        };
        lines.extend(block_lines(block, hint));
    }
    let mut in_recipients = false;
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
            fields.recipients.extend(recipient(&line.text));
        } else if is_authority_line(&line.text) || !signature_lines.is_empty() {
            signature_lines.push(line.text.as_str());
        }
    }
    fields.signature = read_signature(&signature_lines);
}

/// One recipient line without its dash and closing punctuation.
fn recipient(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches(['-', '–', '+', '•', '*']).trim();
    let text = text.trim_end_matches([',', ';', '.']).trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Authority lines, then the title lines, then the name (the last line); signature notes such
/// as `(Đã ký)` and stamps are skipped.
fn read_signature(lines: &[&str]) -> Option<Signature> {
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

// ---------------------------------------------------------------------------------------------
// Letter case

/// Words that keep their capitals inside names of bodies and titles, after Nghị định 30's rules.
const PROPER_WORDS: &[&str] = &[
    "Việt Nam",
    "Đảng",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Thường trực",
    "Mặt trận Tổ quốc",
    "Ủy ban Kiểm tra",
    "Văn phòng",
    "Chủ tịch",
    "Bí thư",
    "Trưởng ban",
    "Giám đốc",
    "Chính phủ",
    "Quốc hội",
];

/// Abbreviations that stay in capitals.
const ABBREVIATIONS: &[&str] = &["UBND", "HĐND", "MTTQ", "BCH", "BTV", "CNTT", "TP."];

fn proper_words(place: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = PROPER_WORDS.iter().chain(ABBREVIATIONS).map(|w| w.to_string()).collect();
    if let Some(place) = place {
        words.push(name_case(place));
    }
    words
}

/// Text typed in capitals to sentence case: the first letter, the words of `proper` and the
/// word after a leading Ban / Sở / Bộ / Cục stay capital (`SỞ NỘI VỤ` → `Sở Nội vụ`). Text that
/// has small letters is returned as it is.
pub(crate) fn sentence_case(text: &str, proper: &[String]) -> String {
    if has_lowercase(text) {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.to_lowercase().chars().collect();
    for phrase in proper {
        let pattern: Vec<char> = phrase.to_lowercase().chars().collect();
        let replacement: Vec<char> = phrase.chars().collect();
        if pattern.is_empty() || pattern.len() != replacement.len() {
            continue;
        }
        let mut i = 0;
        while i + pattern.len() <= chars.len() {
            let before_ok = i == 0 || !chars[i - 1].is_alphanumeric();
            let after_ok = chars.get(i + pattern.len()).is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok && chars[i..i + pattern.len()] == pattern[..] {
                chars[i..i + pattern.len()].copy_from_slice(&replacement);
                i += pattern.len();
            } else {
                i += 1;
            }
        }
    }
    let mut out: String = chars.into_iter().collect();
    let words: Vec<&str> = out.split(' ').collect();
    if words.len() > 1 && matches!(words[0], "ban" | "sở" | "bộ" | "cục") {
        let rest = words[2..].join(" ");
        out = format!(
            "{} {}{}",
            words[0],
            capitalise(words[1]),
            if rest.is_empty() { String::new() } else { format!(" {rest}") }
        );
    }
    capitalise(&out)
}

/// A personal or place name typed in capitals to one capital a word: `NGUYỄN VĂN AN` → `Nguyễn Văn An`.
pub(crate) fn name_case(text: &str) -> String {
    if has_lowercase(text) {
        return text.to_string();
    }
    text.split(' ').map(|w| capitalise(&w.to_lowercase())).collect::<Vec<_>>().join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_and_near_misses() {
        let date = |y, m, d| Some(Date::new(y, m, d).unwrap());
        // (line, (place, date, year))
        type Expected = Option<(Option<&'static str>, Option<Date>, Option<i16>)>;
        let cases: &[(&str, Expected)] = &[
            ("Sơn Hà, ngày 10 tháng 6 năm 2024", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
            ("Sơn Hà, ngày 05 tháng 02 năm 2024", Some((Some("Sơn Hà"), date(2024, 2, 5), Some(2024)))),
            (
                "Sơn Hà,\u{a0}ngày  10  tháng 6 năm 2024.",
                Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024))),
            ),
            ("Sơn Hà ngày 10 tháng 6 năm 2024", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
            (
                "TP. Hồ Chí Minh, ngày 1 tháng 1 năm 2024",
                Some((Some("TP. Hồ Chí Minh"), date(2024, 1, 1), Some(2024))),
            ),
            ("ngày 10 tháng 6 năm 2024", Some((None, date(2024, 6, 10), Some(2024)))),
            ("Sơn Hà, ngày      tháng 6 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
            ("Sơn Hà, ngày 31 tháng 2 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
            ("Sơn Hà, ngày 10 tháng 13 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
            ("Sơn Hà, ngày 10/6/2024", None),
            ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", None),
            ("Hôm nay, ngày 10 tháng 6 năm 2024, tại Hội trường", None),
            ("sơn hà, ngày 10 tháng 6 năm 2024", None),
            ("Số: 1234/QĐ-UBND", None),
            ("", None),
        ];
        for &(text, want) in cases {
            let got = date_line(text).map(|d| (d.place, d.date, d.year));
            let want = want.map(|(p, d, y)| (p.map(str::to_string), d, y));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn number_lines_and_near_misses() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Số: 1234/QĐ-UBND", Some("1234/QĐ-UBND")),
            ("Số 45-TB/VPTU", Some("45-TB/VPTU")),
            ("Số:215/QĐ-UBND", Some("215/QĐ-UBND")),
            ("SỐ: 12/2024/QĐ-UBND", Some("12/2024/QĐ-UBND")),
            ("Số 08\u{2011}ĐA/TU", Some("08-ĐA/TU")),
            ("Số:      /QĐ-UBND", Some("")),
            ("Số     -TB/VPTU", Some("")),
            ("Số lượng: 15", None),
            ("Số lượng cán bộ/viên chức", None),
            ("Số điện thoại 0219.3861.114", None),
            ("Số: 12/TB", None),
            ("Sổ tay công tác", None),
            ("Sơn Hà, ngày 10 tháng 6 năm 2024", None),
        ];
        for &(text, want) in cases {
            let got = number_line(text).map(|n| match n {
                NumberLine::Number(n) => n.written,
                NumberLine::Blank => String::new(),
            });
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn authority_lines_and_near_misses() {
        let cases: &[(&str, bool)] = &[
            ("T/M BAN THƯỜNG VỤ", true),
            ("K/T BÍ THƯ", true),
            ("T/L BAN THƯỜNG VỤ", true),
            ("T/U BAN THƯỜNG VỤ", true),
            ("TM. ỦY BAN NHÂN DÂN", true),
            ("KT. CHỦ TỊCH", true),
            ("TL. GIÁM ĐỐC", true),
            ("TUQ. CHỦ TỊCH", true),
            ("Q. GIÁM ĐỐC", true),
            ("TM BAN THƯỜNG VỤ", false),
            ("T/Mạng lưới", false),
            ("KT. chủ tịch", false),
            ("Q.1", false),
            ("T/M", false),
            ("CHỦ TỊCH", false),
            ("Kt. Chủ tịch", false),
        ];
        for &(text, want) in cases {
            assert_eq!(is_authority_line(text), want, "{text}");
        }
    }

    #[test]
    fn capitals_to_sentence_case() {
        let proper = proper_words(Some("Sơn Hà"));
        let cases: &[(&str, &str)] = &[
            ("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "Ủy ban nhân dân tỉnh Sơn Hà"),
            ("TỈNH ỦY SƠN HÀ", "Tỉnh ủy Sơn Hà"),
            ("VĂN PHÒNG", "Văn phòng"),
            ("SỞ NỘI VỤ", "Sở Nội vụ"),
            ("BAN TỔ CHỨC TỈNH ỦY", "Ban Tổ chức Tỉnh ủy"),
            ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
            ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"),
            ("PHÓ TRƯỞNG BAN", "Phó Trưởng ban"),
            ("UBND TỈNH SƠN HÀ", "UBND tỉnh Sơn Hà"),
            ("Về việc công bố", "Về việc công bố"),
        ];
        for &(text, want) in cases {
            assert_eq!(sentence_case(text, &proper), want, "{text}");
        }
        assert_eq!(name_case("NGUYỄN VĂN AN"), "Nguyễn Văn An");
        assert_eq!(name_case("Hà Thị Lan"), "Hà Thị Lan");
    }

    #[test]
    fn signature_blocks() {
        let s =
            read_signature(&["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lò Văn Tâm"]);
        assert_eq!(
            s,
            Some(Signature {
                name: Some("Lò Văn Tâm".into()),
                title: Some("PHÓ CHỦ TỊCH".into()),
                authority: Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH".into()),
            })
        );
        let s = read_signature(&["CHÁNH VĂN PHÒNG", "Hà Thị Lan"]).unwrap();
        assert_eq!((s.title.as_deref(), s.authority), (Some("CHÁNH VĂN PHÒNG"), None));
        assert_eq!(read_signature(&[]), None);
    }
}
