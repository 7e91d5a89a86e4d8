//! Citation grammar: finds the document numbers that a run of running text cites,
//! together with the type word in front of each, the date bound after it and the provision
//! (article, clause, point) written just before or after it.
//!
//! Besides full numbers it reads lists sharing one suffix ("Kết luận số 11, 12-KL/TU"),
//! numbers typed without diacritics or in mixed case when a type word that agrees with the
//! code stands right before them ("Ket luan so 21- kl/tu"), and short state forms whose type
//! word fixes or narrows the code ("Nghị định 45/2021" is 45/2021/NĐ-CP; "Thông tư 08/2022"
//! is [`Citation::partial`]).
//!
//! Input is one NFC text run of rendered Markdown. Reading a lone number and its key
//! belongs to `number`, reading a provision to `provision`; deciding which archived notice a
//! citation names, and rendering links, do not happen here. Within the grammar, the date bound
//! after a number is `date`'s and the letter case of an issuer's parts is `tokens`'s.

mod date;
mod tokens;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex};

use crate::cite::number::{self, DocNumber, System};
use crate::cite::provision::{self, Provision};
use date::{after_number, date_window, find_date, year_after};
use tokens::{clean_tokens, is_canonical_case, lenient_tokens};

/// One document number cited in a text run.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// Byte range in the input of the number as written.
    pub span: Range<usize>,
    /// The number; `number.key` is the canonical key.
    pub number: DocNumber,
    /// Canonical name of the type word in front of the number ("Quy định").
    pub type_word: Option<&'static str>,
    /// The date written after the number and bound to it.
    pub date: Option<Date>,
    /// A date written there that no calendar has, as written (`31/2/2024`).
    pub impossible_date: Option<String>,
    /// The year written right after the number ("năm 2023"), when no date is and the number
    /// carries none: the cited notice's year, or that of what the text reports on.
    pub year: Option<i16>,
    /// A short form whose type word does not fix the issuer ("Thông tư 08/2022"): the key
    /// stops after the type code (`8/2022/TT`), and the citation names a notice only when
    /// exactly one archived notice has a key that begins so.
    pub partial: bool,
    /// The provision cited with the number ("khoản 2 Điều 5 Nghị định số …").
    pub provision: Option<Provision>,
    /// What a link to the cited notice covers: the number, and the provision with the words
    /// between them when one is written next to it.
    pub link: Range<usize>,
}

/// How far back (in characters) the type word and "số" are looked for.
const PREFIX_CHARS: usize = 80;
/// How far back (in characters) before its type word a provision is looked for: far enough
/// for the name of a document issued with the cited one ("Điều 5 Quy chế … ban hành kèm theo").
const PROVISION_CHARS: usize = 200;
/// How far forward (in characters) after its number a provision is looked for.
const PROVISION_AFTER_CHARS: usize = 40;

/// Short state forms "TYPE N/YYYY": the type word (its code is the state table's), and the
/// issuer code when the type fixes it (only the Government issues a Nghị định).
const SHORT_FORMS: &[(&str, Option<&str>)] = &[
    ("Nghị định", Some("CP")),
    ("Thông tư", None),
    ("Thông tư liên tịch", None),
    ("Nghị quyết", None),
    ("Nghị quyết liên tịch", None),
    ("Quyết định", None),
    ("Chỉ thị", None),
];
const SLASH_LOOKALIKES: [char; 3] = ['\u{2044}', '\u{2215}', '\u{FF0F}'];

/// Type words (canonical name, patterns; a space stands for one or more spaces),
/// longer alternatives first. `None`: context only, no type ("văn bản").
const KINDS: &[(Option<&str>, &str)] = &[
    (Some("Nghị quyết liên tịch"), "nghị quyết liên tịch|nghi quyet lien tich"),
    (Some("Nghị quyết"), "nghị quyết|nghi quyet"),
    (Some("Quyết định"), "quyết định|quyet dinh"),
    (Some("Quy định"), "quy định|quy dinh"),
    (Some("Quy chế"), "quy chế|quy che"),
    (Some("Quy trình"), "quy trình|quy trinh"),
    (Some("Chỉ thị"), "chỉ thị|chi thi"),
    (Some("Kết luận"), "kết luận|ket luan"),
    (Some("Thông tri"), "thông tri|thong tri"),
    (Some("Thông báo"), "thông báo kết luận|thông báo|thong bao"),
    (Some("Thông cáo"), "thông cáo|thong cao"),
    (Some("Thông tư liên tịch"), "thông tư liên tịch|thong tu lien tich"),
    (Some("Thông tư"), "thông tư|thong tu"),
    (Some("Hướng dẫn"), "hướng dẫn|huong dan"),
    (Some("Báo cáo"), "báo cáo|bao cao"),
    (Some("Kế hoạch"), "kế hoạch|ke hoach"),
    (Some("Chương trình"), "chương trình hành động|chương trình|chuong trinh"),
    (Some("Đề án"), "đề án|de an"),
    (Some("Dự án"), "dự án|du an"),
    (Some("Phương án"), "phương án|phuong an"),
    (Some("Tờ trình"), "tờ trình|to trinh"),
    (Some("Công văn"), "công văn|cong van"),
    (Some("Công điện"), "công điện|cong dien"),
    (Some("Nghị định"), "nghị định|nghi dinh"),
    (Some("Văn bản hợp nhất"), "văn bản hợp nhất"),
    (None, "văn bản|van ban"),
    (Some("Pháp lệnh"), "pháp lệnh|phap lenh"),
    (Some("Luật"), "luật|luat"),
    (Some("Lệnh"), "lệnh"),
];

/// URLs (skipped whole), party numbers and state numbers, on normalised text.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<url>(?i:https?://|www\.)[^\x20<>]*)
      | (?P<pn>[0-9]{1,5}[A-Za-z]?)
        (?P<psep>\x20?-\x20?|\x20)?
        (?P<pt>(?i:QĐi|QDi|QyĐ|QyD|NQ|QĐ|QD|CTr|CT|KL|QC|QTr|TTr|TT|TB|TC|HD|BC|KH|ĐA|DA|CV))
        (?P<ps>\x20?/\x20?)
        (?P<pi>\p{L}[\p{L}0-9]*(?:(?:-\x20?|\x20-)\p{L}[\p{L}0-9]*)*)
        (?P<nb>/(?i:nb)(?-u:\b))?
      | (?P<sn>[0-9]{1,5}[A-Za-z]?)
        (?P<ss>\x20?/\x20?)
        (?:(?P<sy>(?:19|20)[0-9]{2})(?P<ss2>\x20?/\x20?))?
        (?P<sc>\p{L}[\p{L}0-9]*(?:(?:-\x20?|\x20-)\p{L}[\p{L}0-9]*)*)
      | (?P<xn>[0-9]{1,5})
        \x20?/\x20?
        (?P<xy>(?:19|20)[0-9]{2})
        ",
    )
    .expect("symbol pattern")
});

/// Any type word; capture group `i + 1` is `KINDS[i]`.
static KIND: LazyLock<Regex> = LazyLock::new(|| {
    let groups: Vec<String> = KINDS.iter().map(|(_, p)| format!("({})", p.replace(' ', r"\x20+"))).collect();
    // Word boundaries are checked in code: Unicode `\b` would keep the fast engines off.
    Regex::new(&format!(r"(?i)(?:{})", groups.join("|"))).expect("kind pattern")
});

/// "số" (or ASCII "so") with an optional colon at the end of a prefix.
static SO_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}0-9])(?P<so>số|so)\x20*:?\x20*$").expect("so pattern"));

/// An issuer phrase between a type word and "số": "Quyết định của Bộ Chính trị số 31-…".
static OF_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\x20+(?:của|do)\x20[^.;:!?()\[\]0-9]{0,60}$").expect("phrase pattern")
});

/// Bare numbers before a number that share its suffix: "11, " of "số 11, 12-KL/TU",
/// "03, 04 và " of "số 03, 04 và 05-CT/TU".
static SHARED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<list>[0-9]{1,5}[a-z]?(?:\x20*(?:,\x20*(?:và|va)|,|và|va)\x20*[0-9]{1,5}[a-z]?)*)\x20*(?:,\x20*(?:và|va)|,|và|va)\x20*$",
    )
    .expect("shared list pattern")
});

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,5}[A-Za-z]?").expect("item pattern"));

/// What may stand between two items of one list: ", ", " và ", ", và số ".
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\x20*(?:,\x20*)?(?:và\x20+)?(?:số\x20*:?\x20*)?$").expect("list pattern")
});

/// The canonical type name of the table that equals `name`: type words are kept as references
/// into the table, and read back from a saved build state through it.
pub fn type_word(name: &str) -> Option<&'static str> {
    KINDS.iter().filter_map(|(canonical, _)| *canonical).find(|canonical| *canonical == name)
}

/// Finds the cited document numbers in one NFC text run, in order of appearance.
pub fn find_citations(text: &str) -> Vec<Citation> {
    if !text.as_bytes().contains(&b'/') && !text.contains(SLASH_LOOKALIKES) {
        return Vec::new();
    }
    let norm = Normalized::new(text);
    let found = scan(text, &norm);
    finish(text, &norm, found)
}

/// The text with look-alikes mapped, and a byte map back to the original.
struct Normalized<'t> {
    text: Cow<'t, str>,
    /// Original byte offset of every normalised byte; empty when nothing changed.
    map: Vec<usize>,
}

impl<'t> Normalized<'t> {
    fn new(text: &'t str) -> Self {
        if text.chars().all(|c| number::canonical_char(c) == Some(c)) {
            return Self { text: Cow::Borrowed(text), map: Vec::new() };
        }
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            if let Some(n) = number::canonical_char(c) {
                out.push(n);
                map.extend(std::iter::repeat_n(i, n.len_utf8()));
            }
        }
        map.push(text.len());
        Self { text: Cow::Owned(out), map }
    }

    /// The original byte range of a non-empty normalised range.
    fn original(&self, original: &str, span: Range<usize>) -> Range<usize> {
        if self.map.is_empty() {
            return span;
        }
        let last = self.text[..span.end].char_indices().next_back().map_or(span.start, |(i, _)| i);
        let at = self.map[last];
        let len = original[at..].chars().next().map_or(0, char::len_utf8);
        self.map[span.start]..at + len
    }
}

/// A citation found on the normalised text, before its date is bound.
struct Found {
    span: Range<usize>,
    number: DocNumber,
    type_word: Option<&'static str>,
    /// Where the type word (or "số") in front of the number starts, when there is one.
    context_start: Option<usize>,
    partial: bool,
    /// An item of a list sharing the suffix of the number after it.
    list_item: bool,
}

/// A candidate number that passed its own checks.
struct Symbol {
    end: usize,
    number: DocNumber,
    strength: Strength,
    partial: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Strength {
    /// Well-formed and canonical: a citation without any context.
    Strong,
    /// A citation only after a type word, "số", or a list connector.
    NeedsContext,
    /// Neither strict separators nor canonical case ("21- kl/tu"): a citation only right
    /// after a type word that agrees with its code ("Ket luan so").
    Weak,
    /// A short state form ("45/2021"): a citation only right after one of [`SHORT_FORMS`].
    Short,
}

#[derive(Default)]
struct Context {
    given: bool,
    type_word: Option<&'static str>,
    /// The type word stands right before the number, with "số" at most between.
    direct: bool,
    /// Offset in the text where the type word, or "số", starts.
    start: Option<usize>,
}

fn scan(text: &str, norm: &Normalized) -> Vec<Found> {
    let s: &str = &norm.text;
    let mut found: Vec<Found> = Vec::new();
    let mut pos = 0;
    while let Some(caps) = SYMBOL.captures_at(s, pos) {
        if let Some(url) = caps.name("url") {
            pos = url.end();
            continue;
        }
        let start = caps.get(0).map_or(pos, |m| m.start());
        match accept(text, norm, &caps, start, found.last()) {
            Some((items, f)) => {
                pos = f.span.end;
                found.extend(items);
                found.push(f);
            }
            None => pos = next_char(s, start),
        }
    }
    found
}

/// The citation a candidate makes, with the list items before it that share its suffix.
fn accept(
    text: &str,
    norm: &Normalized,
    caps: &Captures,
    start: usize,
    prev: Option<&Found>,
) -> Option<(Vec<Found>, Found)> {
    let s: &str = &norm.text;
    let after_comma = s[..start].ends_with(',');
    if !boundary_before(s, start) && !after_comma {
        return None;
    }
    let symbol = if caps.name("pn").is_some() {
        party(text, norm, caps, start)
    } else if caps.name("sn").is_some() {
        state(text, norm, caps, start)
    } else {
        short(text, norm, caps, start, prev)
    }?;
    let list = shared_list(text, norm, start, prev, &symbol);
    if after_comma && list.is_none() {
        return None;
    }
    let (items, ctx) = match list {
        Some((items, ctx)) => (items, ctx),
        None => (Vec::new(), context(s, start, prev, symbol.number.type_code.as_deref())),
    };
    let accepted = match symbol.strength {
        Strength::Strong => true,
        Strength::NeedsContext => ctx.given,
        Strength::Weak => ctx.direct && agrees(&symbol.number, ctx.type_word),
        Strength::Short => ctx.direct,
    };
    let found = Found {
        span: start..symbol.end,
        number: symbol.number,
        type_word: ctx.type_word,
        context_start: ctx.start.filter(|_| items.is_empty()),
        partial: symbol.partial,
        list_item: false,
    };
    accepted.then_some((items, found))
}

/// Whether a type word names the type of a number's code: `Kết luận` for KL; for QĐ both
/// `Quyết định` and `Quy định`.
fn agrees(number: &DocNumber, type_word: Option<&str>) -> bool {
    let (Some(code), Some(word)) = (number.type_code.as_deref(), type_word) else { return false };
    number::type_name(code, number.system) == Some(word) || (code == "QĐ" && word == "Quy định")
}

fn party(text: &str, norm: &Normalized, caps: &Captures, start: usize) -> Option<Symbol> {
    let typ = caps.name("pt")?.as_str();
    let code = number::canonical_type(typ, System::Party)?;
    let issuer = caps.name("pi")?;
    let (tokens, lenient) = match clean_tokens(&norm.text, issuer.range(), false) {
        Some(tokens) => (tokens, false),
        None => (lenient_tokens(&norm.text, issuer.range())?, true),
    };
    let complete = !tokens.cut && tokens.end == issuer.end();
    let (end, internal) = match caps.name("nb") {
        Some(nb) if complete => (nb.end(), true),
        _ => (tokens.end, false),
    };
    let strict = caps.name("psep").is_some_and(|m| m.as_str() == "-") && &caps["ps"] == "/";
    let strength = match grade(strict, is_canonical_case(typ, code.code) && tokens.upper) {
        _ if lenient => Strength::Weak,
        strength => strength,
    };
    let written = &text[norm.original(text, start..end)];
    let number = number::build_party(written, &caps["pn"], typ, &tokens.parts, internal)?;
    Some(Symbol { end, number, strength, partial: false })
}

fn state(text: &str, norm: &Normalized, caps: &Captures, start: usize) -> Option<Symbol> {
    let code = caps.name("sc")?;
    let first = code.as_str().split('-').next()?.trim_matches(' ');
    let typed = number::canonical_type(first, System::State).is_some();
    let tokens = clean_tokens(&norm.text, code.range(), typed)?;
    let written = &text[norm.original(text, start..tokens.end)];
    let year = caps.name("sy").map(|m| m.as_str());
    let number = number::build_state(written, &caps["sn"], year, &tokens.parts)?;
    let strict = &caps["ss"] == "/" && caps.name("ss2").is_none_or(|m| m.as_str() == "/");
    let strength = match (number.year, number.type_code.as_deref()) {
        (Some(_), _) if strict => Some(Strength::Strong),
        (Some(_), _) | (None, None) => tokens.upper.then_some(Strength::NeedsContext),
        (None, Some(canonical)) => Some(grade(strict, is_canonical_case(first, canonical) && tokens.upper)),
    }?;
    Some(Symbol { end: tokens.end, number, strength, partial: false })
}

/// "Nghị định 45/2021": a number and a year, completed by the type word right before it.
fn short(
    text: &str,
    norm: &Normalized,
    caps: &Captures,
    start: usize,
    prev: Option<&Found>,
) -> Option<Symbol> {
    let s: &str = &norm.text;
    let end = caps.get(0)?.end();
    if s[end..].starts_with(['/', '-']) || s[end..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    // A short form shares no type code with any list before it.
    let ctx = context(s, start, prev, None);
    let word = ctx.type_word.filter(|_| ctx.direct)?;
    let &(_, issuer) = SHORT_FORMS.iter().find(|(w, _)| *w == word)?;
    let code = number::type_code(word, System::State)?;
    let written = &text[norm.original(text, start..end)];
    let number = match issuer {
        Some(issuer) => number::build_state(written, &caps["xn"], Some(&caps["xy"]), &[code, issuer])?,
        None => {
            let (seq, n) = number::seq_key(&caps["xn"])?;
            DocNumber {
                written: written.to_string(),
                key: format!("{n}/{}/{}", &caps["xy"], code.to_uppercase()),
                seq,
                type_code: Some(code.to_string()),
                issuer_code: String::new(),
                year: caps["xy"].parse().ok(),
                system: System::State,
            }
        }
    };
    Some(Symbol { end, number, strength: Strength::Short, partial: issuer.is_none() })
}

/// The bare numbers right before a number that share its suffix ("các Kết luận số 11,
/// 12-KL/TU"), when a type word or "số" opens the list; with the context of the whole list.
fn shared_list(
    text: &str,
    norm: &Normalized,
    start: usize,
    prev: Option<&Found>,
    symbol: &Symbol,
) -> Option<(Vec<Found>, Context)> {
    if symbol.partial || symbol.strength == Strength::Short {
        return None;
    }
    let s: &str = &norm.text;
    let from = chars_back(s, start, PREFIX_CHARS).max(prev.map_or(0, |p| p.span.end));
    let prefix = &s[from..start];
    if !prefix.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let list = SHARED_LIST.captures(prefix)?.name("list")?;
    let list_start = from + list.start();
    if !boundary_before(s, list_start) {
        return None;
    }
    let mut ctx = read_prefix(&s[from..list_start], from);
    if !ctx.given || ctx.start.is_none() {
        return None;
    }
    if symbol.strength == Strength::Weak && !agrees(&symbol.number, ctx.type_word) {
        return None;
    }
    ctx.direct = true;
    let suffix =
        &symbol.number.written[symbol.number.written.find(|c: char| !c.is_ascii_alphanumeric())?..];
    let mut items = Vec::new();
    for item in LIST_ITEM.find_iter(list.as_str()) {
        let (seq, n) = number::seq_key(item.as_str())?;
        let key_rest = &symbol.number.key[symbol.number.key.find(|c: char| !c.is_ascii_alphanumeric())?..];
        let span = norm.original(text, list_start + item.start()..list_start + item.end());
        let written = format!("{}{suffix}", &text[span.clone()]);
        let number = DocNumber { written, key: format!("{n}{key_rest}"), seq, ..symbol.number.clone() };
        items.push(Found {
            span: list_start + item.start()..list_start + item.end(),
            number,
            type_word: ctx.type_word,
            context_start: (items.is_empty()).then_some(ctx.start).flatten(),
            partial: false,
            list_item: true,
        });
    }
    Some((items, ctx))
}

/// Strict separators and canonical case: strong; one of them: needs context; neither: weak.
fn grade(strict: bool, canonical_upper: bool) -> Strength {
    match (strict, canonical_upper) {
        (true, true) => Strength::Strong,
        (false, false) => Strength::Weak,
        _ => Strength::NeedsContext,
    }
}

/// The number must not continue a word, a number, a path or a list of figures;
/// "số" glued to it (`số31`) is allowed.
fn boundary_before(s: &str, start: usize) -> bool {
    let before = &s[..start];
    match before.chars().next_back() {
        Some(c) if c.is_alphanumeric() => glued_so(before),
        Some('/' | '-' | '.' | ',') => false,
        _ => true,
    }
}

fn glued_so(before: &str) -> bool {
    let mut rev = before.chars().rev();
    matches!(rev.next(), Some('ố' | 'Ố'))
        && matches!(rev.next(), Some('s' | 'S'))
        && !rev.next().is_some_and(char::is_alphanumeric)
}

/// Context of a candidate: the text back to the previous citation, at most
/// `PREFIX_CHARS`; a list connector after a citation counts as context too.
fn context(s: &str, start: usize, prev: Option<&Found>, type_code: Option<&str>) -> Context {
    let prev_end = prev.map_or(0, |p| p.span.end);
    let from = chars_back(s, start, PREFIX_CHARS).max(prev_end);
    let prefix = &s[from..start];
    let mut ctx = read_prefix(prefix, from);
    if let Some(p) = prev
        && from == p.span.end
        && LIST_GAP.is_match(prefix)
    {
        ctx.given = true;
        if ctx.type_word.is_none() && type_code.is_some() && p.number.type_code.as_deref() == type_code {
            ctx.type_word = p.type_word;
        }
    }
    ctx
}

/// Type word directly before (optionally with "số"), or "số" alone, or
/// "<type word> của <issuer> số". `offset`: where `prefix` starts in the text.
fn read_prefix(prefix: &str, offset: usize) -> Context {
    let (rest, so) = match SO_END.captures(prefix).and_then(|c| c.name("so")) {
        Some(m) => (&prefix[..m.start()], Some((!m.as_str().is_ascii(), m.start()))),
        None => (prefix, None),
    };
    let kind = last_kind(rest);
    if let Some((name, start, end)) = kind
        && rest[end..].trim().is_empty()
    {
        return Context { given: true, type_word: name, direct: true, start: Some(offset + start) };
    }
    let Some((true, so_start)) = so else { return Context::default() };
    match kind.filter(|&(_, _, end)| OF_PHRASE.is_match(&rest[end..])) {
        Some((name, start, _)) => {
            Context { given: true, type_word: name, direct: false, start: Some(offset + start) }
        }
        None => Context { given: true, type_word: None, direct: false, start: Some(offset + so_start) },
    }
}

/// The last type word in `text`: its canonical name, start and end offsets.
fn last_kind(text: &str) -> Option<(Option<&'static str>, usize, usize)> {
    let m = KIND.find_iter(text).filter(|m| word_bounded(text, m.range())).last()?;
    let caps = KIND.captures_at(text, m.start())?;
    let index = (1..caps.len()).find(|&i| caps.get(i).is_some())?;
    Some((KINDS[index - 1].0, m.start(), m.end()))
}

/// Binds dates and provisions, and maps spans back to the input.
fn finish(text: &str, norm: &Normalized, found: Vec<Found>) -> Vec<Citation> {
    let s: &str = &norm.text;
    let before: Vec<Option<(Provision, usize)>> = found
        .iter()
        .enumerate()
        .map(|(i, f)| provision_before(s, f, i.checked_sub(1).map(|p| &found[p])))
        .collect();
    let mut out = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let next = found.get(i + 1);
        let to = next.map_or(s.len(), |n| n.span.start);
        let (date, impossible_date) = match find_date(date_window(after_number(&s[f.span.end..to]))) {
            Some(Ok(date)) => (Some(date), None),
            Some(Err(written)) => (None, Some(written)),
            None => (None, None),
        };
        // A number that carries its year (`30/2020/QĐ-UBND`) is of that year.
        let dated = date.is_some() || impossible_date.is_some() || f.number.year.is_some();
        let year = if dated { None } else { year_after(&s[f.span.end..to]) };
        let bound = next.map_or(s.len(), |n| {
            before[i + 1].as_ref().map(|(_, start)| *start).or(n.context_start).unwrap_or(n.span.start)
        });
        let (provision, link) = match &before[i] {
            Some((provision, start)) => (Some(provision.clone()), *start..f.span.end),
            None => match provision_after(s, f, bound) {
                Some((provision, end)) => (Some(provision), f.span.start..end),
                None => (None, f.span.clone()),
            },
        };
        out.push(Citation {
            span: norm.original(text, f.span.clone()),
            number: f.number.clone(),
            type_word: f.type_word,
            date,
            impossible_date,
            year,
            partial: f.partial,
            provision,
            link: norm.original(text, link),
        });
    }
    out
}

/// The provision written right before a citation's type word ("khoản 2 Điều 5 Nghị định
/// số …", "Điều 1 của Quyết định số …"), and where it starts.
fn provision_before(s: &str, f: &Found, prev: Option<&Found>) -> Option<(Provision, usize)> {
    if f.list_item || f.type_word.is_none() {
        return None;
    }
    let at = f.context_start?;
    let from = chars_back(s, at, PROVISION_CHARS).max(prev.map_or(0, |p| p.span.end));
    let (provision, range) = provision::ending(&s[from..at])?;
    Some((provision, from + range.start))
}

/// The provision written right after a citation's number (", Điều 5", " (khoản 2 Điều 3)"),
/// before `bound`, and where what the link covers ends.
fn provision_after(s: &str, f: &Found, bound: usize) -> Option<(Provision, usize)> {
    if f.list_item {
        return None;
    }
    let limit =
        s[f.span.end..].char_indices().nth(PROVISION_AFTER_CHARS).map_or(s.len(), |(i, _)| f.span.end + i);
    let rest = &s[f.span.end..bound.min(limit)];
    let (provision, end) = provision::opening(rest)?;
    Some((provision, f.span.end + end))
}

/// Whether `range` of `text` is a whole word: no letter or digit touches it.
fn word_bounded(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn chars_back(s: &str, end: usize, n: usize) -> usize {
    s[..end].char_indices().rev().take(n).last().map_or(end, |(i, _)| i)
}

fn next_char(s: &str, at: usize) -> usize {
    at + s[at..].chars().next().map_or(1, char::len_utf8)
}
