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
//! citation names, and rendering links, do not happen here.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex};

use crate::cite::number::{self, DocNumber, System};
use crate::cite::provision::{self, Provision};

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
/// How far forward (in characters) a date may follow its number.
const DATE_WINDOW_CHARS: usize = 120;
/// How far back (in characters) before its type word a provision is looked for.
const PROVISION_CHARS: usize = 60;
/// How far forward (in characters) after its number a provision is looked for.
const PROVISION_AFTER_CHARS: usize = 40;

/// Short state forms "TYPE N/YYYY": the type word, its state type code, and the issuer code
/// when the type fixes it (only the Government issues a Nghị định).
const SHORT_FORMS: &[(&str, &str, Option<&str>)] = &[
    ("Nghị định", "NĐ", Some("CP")),
    ("Thông tư", "TT", None),
    ("Thông tư liên tịch", "TTLT", None),
    ("Nghị quyết", "NQ", None),
    ("Nghị quyết liên tịch", "NQLT", None),
    ("Quyết định", "QĐ", None),
    ("Chỉ thị", "CT", None),
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

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:(?:ngày|ngay)\x20*)?(?P<d>[0-9]{1,2})\x20?[/.\-]\x20?(?P<m>[0-9]{1,2})\x20?[/.\-]\x20?
        (?P<y>(?:19|20)[0-9]{2})
      | (?:ngày|ngay)\x20+(?P<d2>[0-9]{1,2})\x20+(?:tháng|thang)\x20+(?P<m2>[0-9]{1,2})\x20+(?:năm|nam)\x20+
        (?P<y2>(?:19|20)[0-9]{2})
        ",
    )
    .expect("date pattern")
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

/// Issuer or code parts, cut where the letter case changes.
struct Tokens<'s> {
    parts: Vec<&'s str>,
    end: usize,
    upper: bool,
    cut: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    Upper,
    Lower,
    Mixed,
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
        None => (Vec::new(), context(s, start, prev, &symbol.number)),
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
    let ctx = context(s, start, prev, &placeholder_number());
    let word = ctx.type_word.filter(|_| ctx.direct)?;
    let &(_, code, issuer) = SHORT_FORMS.iter().find(|(w, _, _)| *w == word)?;
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

/// A number that shares no type code with any list before it.
fn placeholder_number() -> DocNumber {
    DocNumber {
        written: String::new(),
        key: String::new(),
        seq: 0,
        type_code: None,
        issuer_code: String::new(),
        year: None,
        system: System::State,
    }
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

/// Issuer parts of any one case each, or capitalised (`Tu`), for numbers typed carelessly;
/// read only after a type word that agrees with the code.
fn lenient_tokens(s: &str, range: Range<usize>) -> Option<Tokens<'_>> {
    let mut tokens = Tokens { parts: Vec::new(), end: range.start, upper: false, cut: false };
    let mut at = range.start;
    for piece in s[range].split('-') {
        let lead = piece.len() - piece.trim_start_matches(' ').len();
        let token = piece.trim_matches(' ');
        let token_start = at + lead;
        at += piece.len() + 1;
        let mut chars = token.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase());
        if case_of(token) == Case::Mixed && !capitalised {
            break;
        }
        tokens.push(token, token_start);
    }
    (!tokens.parts.is_empty()).then_some(tokens)
}

/// Splits `-`-joined parts and keeps those of one letter case. An uppercase part
/// glued to a lowercase word (`TUvề`) is cut there. `neutral_first`: the first part
/// is a type code whose case does not count.
fn clean_tokens(s: &str, range: Range<usize>, neutral_first: bool) -> Option<Tokens<'_>> {
    let mut tokens = Tokens { parts: Vec::with_capacity(4), end: range.start, upper: true, cut: false };
    let mut class = None;
    let mut at = range.start;
    for (i, piece) in s[range].split('-').enumerate() {
        let lead = piece.len() - piece.trim_start_matches(' ').len();
        let token = piece.trim_matches(' ');
        let token_start = at + lead;
        at += piece.len() + 1;
        let case = case_of(token);
        if i == 0 && neutral_first {
            tokens.push(token, token_start);
            continue;
        }
        if case == Case::Mixed {
            if class != Some(Case::Lower)
                && let Some(cut) = upper_run(token)
            {
                tokens.push(&token[..cut], token_start);
                tokens.cut = true;
                class = Some(Case::Upper);
            }
            break;
        }
        if class.is_some_and(|k| k != case) {
            break;
        }
        class = Some(case);
        tokens.push(token, token_start);
    }
    tokens.upper = class != Some(Case::Lower);
    (!tokens.parts.is_empty()).then_some(tokens)
}

impl<'s> Tokens<'s> {
    fn push(&mut self, token: &'s str, start: usize) {
        self.parts.push(token);
        self.end = start + token.len();
    }
}

fn case_of(token: &str) -> Case {
    if token == "TTg" {
        return Case::Upper;
    }
    let upper = token.chars().any(char::is_uppercase);
    let lower = token.chars().any(char::is_lowercase);
    match (upper, lower) {
        (_, false) => Case::Upper,
        (false, true) => Case::Lower,
        (true, true) => Case::Mixed,
    }
}

/// Byte length of a leading uppercase run of at least two characters.
fn upper_run(token: &str) -> Option<usize> {
    let cut = token.find(char::is_lowercase)?;
    (token[..cut].chars().count() >= 2).then_some(cut)
}

/// `QĐ` as written for `QĐ`, or its ASCII spelling `QD`.
fn is_canonical_case(written: &str, canonical: &str) -> bool {
    let ascii = canonical.chars().map(|c| match c {
        'Đ' => 'D',
        'đ' => 'd',
        c => c,
    });
    written == canonical || written.chars().eq(ascii)
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
fn context(s: &str, start: usize, prev: Option<&Found>, number: &DocNumber) -> Context {
    let prev_end = prev.map_or(0, |p| p.span.end);
    let from = chars_back(s, start, PREFIX_CHARS).max(prev_end);
    let prefix = &s[from..start];
    let mut ctx = read_prefix(prefix, from);
    if let Some(p) = prev
        && from == p.span.end
        && LIST_GAP.is_match(prefix)
    {
        ctx.given = true;
        if ctx.type_word.is_none() && p.number.type_code.is_some() && p.number.type_code == number.type_code {
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
        let date = find_date(date_window(after_number(&s[f.span.end..to])));
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

/// The text after a number in which its date may stand: up to `DATE_WINDOW_CHARS`,
/// cut at ';' and at a sentence end.
fn date_window(rest: &str) -> &str {
    for (n, (i, c)) in rest.char_indices().enumerate() {
        let sentence_end = matches!(c, '.' | '!' | '?') && starts_sentence(&rest[i + 1..]);
        if n == DATE_WINDOW_CHARS || c == ';' || sentence_end {
            return &rest[..i];
        }
    }
    rest
}

fn starts_sentence(after: &str) -> bool {
    let trimmed = after.trim_start_matches(' ');
    trimmed.len() < after.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// The text right after a number where its date may open: past commas, spaces and a
/// parenthesis, and past an issuer phrase closed by a comma ("của Ban Chấp hành …, ngày …").
fn after_number(rest: &str) -> &str {
    fn skip(s: &str) -> &str {
        s.trim_start_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
    }
    let rest = skip(rest);
    let phrase = rest.strip_prefix("của ").or_else(|| rest.strip_prefix("do "));
    match phrase.and_then(|p| p.find(',').map(|comma| (&p[..comma], &p[comma..]))) {
        Some((issuer, after))
            if issuer.chars().count() <= 80
                && !issuer.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '(' | ')')) =>
        {
            skip(after)
        }
        _ => rest,
    }
}

/// The date the window opens with, calendar-checked: a date further on ("… báo cáo trước ngày
/// 30/6/2024") is a deadline or an event, not the cited notice's date.
fn find_date(window: &str) -> Option<Date> {
    if !window.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let caps = DATE
        .captures(window)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0 && date_bounded(window, m.range())))?;
    let (d, m, y) = match caps.name("d") {
        Some(d) => (d.as_str(), &caps["m"], &caps["y"]),
        None => (&caps["d2"], &caps["m2"], &caps["y2"]),
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn date_bounded(window: &str, range: Range<usize>) -> bool {
    let before = window[..range.start].chars().next_back();
    let after = window[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(|c| c.is_ascii_digit())
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

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// (key, type word, date as YYYY-MM-DD)
    type Want = (&'static str, Option<&'static str>, Option<&'static str>);

    const NQ: Option<&str> = Some("Nghị quyết");
    const QDINH: Option<&str> = Some("Quyết định");
    const QUYDINH: Option<&str> = Some("Quy định");

    const FOUND: &[(&str, &[Want])] = &[
        (
            "Thực hiện Nghị quyết số 47-NQ/TU, ngày 14/3/2023 của Tỉnh ủy về chuyển đổi số.",
            &[("47-NQ/TU", NQ, Some("2023-03-14"))],
        ),
        (
            "Ban Thường vụ đã ban hành Chỉ thị số 21-CT/TU về tăng cường phòng cháy.",
            &[("21-CT/TU", Some("Chỉ thị"), None)],
        ),
        (
            "Theo Kết luận 19-KL/TW của Bộ Chính trị, các cấp ủy rà soát lại quy hoạch.",
            &[("19-KL/TW", Some("Kết luận"), None)],
        ),
        ("Văn bản này thay thế 205-QĐ/TU.", &[("205-QĐ/TU", None, None)]),
        (
            "Đề án số 06-ĐA/TU ngày 09 tháng 8 năm 2022 đã được triển khai.",
            &[("6-ĐA/TU", Some("Đề án"), Some("2022-08-09"))],
        ),
        (
            "Thông báo số 318-TB/VPTU ngày 02/12/2024 truyền đạt ý kiến của Thường trực.",
            &[("318-TB/VPTU", Some("Thông báo"), Some("2024-12-02"))],
        ),
        (
            "Chương trình hành động số 03-CTr/TU ngày 15/01/2021 được sửa đổi.",
            &[("3-CTR/TU", Some("Chương trình"), Some("2021-01-15"))],
        ),
        (
            "Quyết định số 1450/QĐ-UBND ngày 28/6/2023 của Ủy ban nhân dân tỉnh phê duyệt danh mục.",
            &[("1450/QĐ-UBND", QDINH, Some("2023-06-28"))],
        ),
        (
            "Căn cứ Nghị định số 45/2021/NĐ-CP ngày 31/3/2021 của Chính phủ;",
            &[("45/2021/NĐ-CP", Some("Nghị định"), Some("2021-03-31"))],
        ),
        (
            "Thông tư số 09/2023/TT-BTC hướng dẫn chế độ tài chính.",
            &[("9/2023/TT-BTC", Some("Thông tư"), None)],
        ),
        ("Quy định số 12-QĐ/TU về chế độ làm việc của Ban Thường vụ.", &[("12-QĐ/TU", QUYDINH, None)]),
        ("Quyết định số 12-QĐ/TU về thành lập Tổ công tác.", &[("12-QĐ/TU", QDINH, None)]),
        (
            "Ban Chấp hành Trung ương Đoàn đã có 512-QĐ/TWĐTN-VP về công tác thi đua.",
            &[("512-QĐ/TWĐTN-VP", None, None)],
        ),
        (
            "Đề nghị các đơn vị nghiên cứu kỹ 27-HD/BTGTU trước khi tổ chức hội nghị.",
            &[("27-HD/BTGTU", None, None)],
        ),
        (
            "Triển khai Nghị quyết số 73-NQ/TU, Đề án số 11-ĐA/TU, ngày 19/9/2022 của Ban Thường vụ.",
            &[("73-NQ/TU", NQ, None), ("11-ĐA/TU", Some("Đề án"), Some("2022-09-19"))],
        ),
        (
            "Căn cứ Kế hoạch số 140-KH/TU, Hướng dẫn số 17-HD/BTCTU và Công văn số 2215-CV/TU ngày 07/11/2023.",
            &[
                ("140-KH/TU", Some("Kế hoạch"), None),
                ("17-HD/BTCTU", Some("Hướng dẫn"), None),
                ("2215-CV/TU", Some("Công văn"), Some("2023-11-07")),
            ],
        ),
        (
            "Căn cứ Quyết định số 88/QĐ-UBND ngày 12/01/2024; Quyết định số 91/QĐ-UBND ngày 15/01/2024 và Kế hoạch số 205/KH-UBND ngày 20/9/2024.",
            &[
                ("88/QĐ-UBND", QDINH, Some("2024-01-12")),
                ("91/QĐ-UBND", QDINH, Some("2024-01-15")),
                ("205/KH-UBND", Some("Kế hoạch"), Some("2024-09-20")),
            ],
        ),
        ("NGHỊ QUYẾT SỐ 05-NQ/TU NGÀY 10/10/2020 CỦA BAN THƯỜNG VỤ", &[("5-NQ/TU", NQ, Some("2020-10-10"))]),
        ("thực hiện nghị quyết số 31-nq/tu của tỉnh ủy", &[("31-NQ/TU", NQ, None)]),
        (
            "Quyết định số 2750/QD-UBND ngày 30/12/2022 đã hết hiệu lực.",
            &[("2750/QĐ-UBND", QDINH, Some("2022-12-30"))],
        ),
        ("Nghị định 100/2019/ND-CP quy định xử phạt.", &[("100/2019/NĐ-CP", Some("Nghị định"), None)]),
        ("Đề án số 04-DA/TU được bổ sung kinh phí.", &[("4-ĐA/TU", Some("Đề án"), None)]),
        ("Dự án số 15/DA-UBND được phê duyệt.", &[("15/DA-UBND", Some("Dự án"), None)]),
        ("Kế hoạch số 007-KH/HU của Huyện ủy.", &[("7-KH/HU", Some("Kế hoạch"), None)]),
        (
            "Thực hiện Kế hoạch số 31-KH/TU và báo cáo kết quả trước ngày 30/6/2024.",
            &[("31-KH/TU", Some("Kế hoạch"), None)],
        ),
        (
            "Theo Hướng dẫn số 9-HD/BTCTU.\na) Ngày 20/6/2017 Ban Tổ chức đã họp.",
            &[("9-HD/BTCTU", Some("Hướng dẫn"), None)],
        ),
        ("Quyết định số 123a/QĐ-UBND điều chỉnh danh sách.", &[("123A/QĐ-UBND", QDINH, None)]),
        (
            "Chỉ thị số 09-CT/TU, ngày 05-6-2019 về công tác dân vận.",
            &[("9-CT/TU", Some("Chỉ thị"), Some("2019-06-05"))],
        ),
        (
            "Quy chế số 02-QC/TU ngày 1.11.2021 về làm việc.",
            &[("2-QC/TU", Some("Quy chế"), Some("2021-11-01"))],
        ),
        (
            "Công văn số 906- CV/BDVTU, ngày 21 /4/2023 về dân vận khéo.",
            &[("906-CV/BDVTU", Some("Công văn"), Some("2023-04-21"))],
        ),
        ("Quy định số 58 - QĐ/TU ngày 3/2/2020 về kiểm tra.", &[("58-QĐ/TU", QUYDINH, Some("2020-02-03"))]),
        ("Thực hiện Quy định 29QĐ/TU của Ban Thường vụ.", &[("29-QĐ/TU", QUYDINH, None)]),
        (
            "Quyết định số 76 QĐ/TWĐTN ngày 18/4/2016 của Ban Bí thư Trung ương Đoàn.",
            &[("76-QĐ/TWĐTN", QDINH, Some("2016-04-18"))],
        ),
        (
            "Quyết định của Ban Thường vụ Tỉnh ủy số45-QĐ/TU, ngày 02-3-2018 về nhân sự.",
            &[("45-QĐ/TU", QDINH, Some("2018-03-02"))],
        ),
        ("Số: 09-NQ/ĐU", &[("9-NQ/ĐU", None, None)]),
        ("Quyết định số: 2031 /QĐ-HVCT về tuyển sinh.", &[("2031/QĐ-HVCT", QDINH, None)]),
        (
            "Công văn số 3120/UBND-KT ngày 08/8/2024 của UBND tỉnh.",
            &[("3120/UBND-KT", Some("Công văn"), Some("2024-08-08"))],
        ),
        ("Văn bản số 57/UBND ngày 10/3/2025 của UBND xã.", &[("57/UBND", None, Some("2025-03-10"))]),
        ("Luật số 59/2020/QH14 quy định về doanh nghiệp.", &[("59/2020/QH14", Some("Luật"), None)]),
        (
            "Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018 của Thủ tướng.",
            &[("28/2018/QĐ-TTG", QDINH, Some("2018-07-12"))],
        ),
        ("Theo Thông báo 77-TB/TUvề việc điều động cán bộ.", &[("77-TB/TU", Some("Thông báo"), None)]),
        ("Công văn số 5120-CV/VPTW/nb gửi các tỉnh ủy.", &[("5120-CV/VPTW/NB", Some("Công văn"), None)]),
        (
            "Hướng dẫn số 05-HD/UBKTTU ngày 3 tháng 02 năm 2025 về kiểm tra.",
            &[("5-HD/UBKTTU", Some("Hướng dẫn"), Some("2025-02-03"))],
        ),
        (
            "Nghị quyết số 19-NQ/HU của Ban Chấp hành Đảng bộ huyện khóa XX, ngày 28/10/2021 về nông thôn mới.",
            &[("19-NQ/HU", NQ, Some("2021-10-28"))],
        ),
        (
            "Nghị quyết số 23-NQ/TU về phát triển lâm nghiệp bền vững gắn với bảo vệ rừng đầu nguồn, nâng cao thu nhập cho người dân vùng cao và giữ vững quốc phòng, ngày 14/3/2023.",
            &[("23-NQ/TU", NQ, None)],
        ),
        (
            "Ban hành Kế hoạch số 12-KH/ĐU. Ngày 5/5/2024 Đảng ủy đã họp.",
            &[("12-KH/ĐU", Some("Kế hoạch"), None)],
        ),
        (
            "Thông báo số 30-TB/TU; ngày 12/12/2024 tổ chức hội nghị.",
            &[("30-TB/TU", Some("Thông báo"), None)],
        ),
        ("Nghị quyết số 14-NQ/TU ngày 31/2/2024 (ghi nhầm ngày).", &[("14-NQ/TU", NQ, None)]),
        (
            "Kế hoạch số 88-KH/TU ngày 29/2/2024 về chuyển đổi số.",
            &[("88-KH/TU", Some("Kế hoạch"), Some("2024-02-29"))],
        ),
        ("Kế hoạch số 89-KH/TU ngày 29/2/2023 về chuyển đổi số.", &[("89-KH/TU", Some("Kế hoạch"), None)]),
        ("Tờ trình số 64-TTr/BCSĐ của Ban cán sự đảng.", &[("64-TTR/BCSĐ", Some("Tờ trình"), None)]),
        ("Báo cáo số 412-BC/TU tổng kết năm.", &[("412-BC/TU", Some("Báo cáo"), None)]),
        ("Thông tri 02-TT/TU về lãnh đạo bầu cử.", &[("2-TT/TU", Some("Thông tri"), None)]),
        ("Quy định số 15-QĐi/TU về phân cấp quản lý cán bộ.", &[("15-QĐI/TU", QUYDINH, None)]),
        (
            "Nghị quyết liên tịch số 01/2020/NQLT-CP-UBTƯMTTQVN được áp dụng.",
            &[("1/2020/NQLT-CP-UBTƯMTTQVN", Some("Nghị quyết liên tịch"), None)],
        ),
        (
            "Thông tư liên tịch số 03/2014/TTLT-BNV-BTC hết hiệu lực.",
            &[("3/2014/TTLT-BNV-BTC", Some("Thông tư liên tịch"), None)],
        ),
        ("Nghị quyết số 22\u{2013}NQ/TU về cải cách hành chính.", &[("22-NQ/TU", NQ, None)]),
        ("Kế hoạch số 61\u{2011}KH/TU về thi đua.", &[("61-KH/TU", Some("Kế hoạch"), None)]),
        ("Chỉ thị 03\u{2212}CT/TU về tết.", &[("3-CT/TU", Some("Chỉ thị"), None)]),
        ("Chỉ thị 03\u{2010}CT/TU về tết.", &[("3-CT/TU", Some("Chỉ thị"), None)]),
        ("Nghị quyết số\u{a0}36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
        ("Nghị\u{a0}quyết\u{a0}số 36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
        ("Nghị quyết số\n36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
        ("Nghị quyết\nsố 36-NQ/TU,\nngày 06/6/2022 về an ninh.", &[("36-NQ/TU", NQ, Some("2022-06-06"))]),
        (
            "Nghị quyết số 36-NQ/TU,\u{a0}ngày\u{a0}06/6/2022 về an ninh.",
            &[("36-NQ/TU", NQ, Some("2022-06-06"))],
        ),
        (
            "Quyết định số 30-QĐ/TU và Quy định số 31-QĐ/TU cùng được ban hành.",
            &[("30-QĐ/TU", QDINH, None), ("31-QĐ/TU", QUYDINH, None)],
        ),
        (
            "Quy định số 40-QĐ/TU và 41-QĐ/TU hết hiệu lực.",
            &[("40-QĐ/TU", QUYDINH, None), ("41-QĐ/TU", QUYDINH, None)],
        ),
        (
            "Nghị quyết số 50-NQ/TU, 12-KH/TU đã được sơ kết.",
            &[("50-NQ/TU", NQ, None), ("12-KH/TU", None, None)],
        ),
        (
            "các nghị quyết số 05-nq/tu, 06-nq/tu và 07-nq/tu",
            &[("5-NQ/TU", NQ, None), ("6-NQ/TU", NQ, None), ("7-NQ/TU", NQ, None)],
        ),
        (
            "Xem tại https://langson.example.vn/tai-lieu/77-NQ/TU, còn Nghị quyết số 78-NQ/TU vẫn còn hiệu lực.",
            &[("78-NQ/TU", NQ, None)],
        ),
        ("Việc này đã nêu rõ (theo 46-KL/TU).", &[("46-KL/TU", None, None)]),
        ("Nội dung “Kết luận số 46-KL/TU” được quán triệt.", &[("46-KL/TU", Some("Kết luận"), None)]),
        (
            "Nghị định số 08/2022/NĐ-CP ngày 10 tháng 01 năm 2022 của Chính phủ.",
            &[("8/2022/NĐ-CP", Some("Nghị định"), Some("2022-01-10"))],
        ),
        ("Thông báo kết luận số 905-TB/TU của Thường trực.", &[("905-TB/TU", Some("Thông báo"), None)]),
        ("Quyết định số 1023/QĐ-BCĐ về phân công thành viên.", &[("1023/QĐ-BCĐ", QDINH, None)]),
        ("Theo Nghị Định Số 61/2018/nĐ-cp về một cửa.", &[("61/2018/NĐ-CP", Some("Nghị định"), None)]),
        (
            "Kế hoạch số 99-KH/TU ngày 15/8/2024 và Kế hoạch số 100-KH/TU ngày 16/8/2024.",
            &[
                ("99-KH/TU", Some("Kế hoạch"), Some("2024-08-15")),
                ("100-KH/TU", Some("Kế hoạch"), Some("2024-08-16")),
            ],
        ),
        (
            "Báo cáo số 51-BC/ĐU ngày 05/02/2025 của Đảng ủy.",
            &[("51-BC/ĐU", Some("Báo cáo"), Some("2025-02-05"))],
        ),
        (
            "Chỉ thị 11-CT/TU (12/4/2022) về phòng, chống thiên tai.",
            &[("11-CT/TU", Some("Chỉ thị"), Some("2022-04-12"))],
        ),
        ("Thông báo số 12/TB-VPUBND về lịch làm việc.", &[("12/TB-VPUBND", Some("Thông báo"), None)]),
        (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Nghị định 137/2020/NĐ-CP.",
            &[("137/2020/NĐ-CP", Some("Nghị định"), None)],
        ),
        ("56-TB/VPTU nêu rõ trách nhiệm của từng cơ quan.", &[("56-TB/VPTU", None, None)]),
        ("Các nội dung còn lại thực hiện theo 56-TB/VPTU", &[("56-TB/VPTU", None, None)]),
        ("Quyết định số 1206/QĐ-CĐVX- ĐT về đào tạo.", &[("1206/QĐ-CĐVX-ĐT", QDINH, None)]),
        ("Quyết định 3345/QĐ-UBND - Sở Tài chính chủ trì thực hiện.", &[("3345/QĐ-UBND", QDINH, None)]),
        ("Nghị quyết số 17/2022/NQ-HĐND của Hội đồng nhân dân tỉnh.", &[("17/2022/NQ-HĐND", NQ, None)]),
        ("Chương trình số 02-CTr/TU về chuyển đổi số.", &[("2-CTR/TU", Some("Chương trình"), None)]),
        ("Quyết định số 0045/QĐ-UBND về khen thưởng.", &[("45/QĐ-UBND", QDINH, None)]),
        ("Báo cáo 15-BC/BCĐ của Ban Chỉ đạo.", &[("15-BC/BCĐ", Some("Báo cáo"), None)]),
        (
            "Căn cứ Quyết định số 366-QĐ/TU ngày 20/10/2023, Ban Tổ chức hướng dẫn thực hiện.",
            &[("366-QĐ/TU", QDINH, Some("2023-10-20"))],
        ),
        (
            "Tại Hướng dẫn 41-HD/VPTW, Văn phòng Trung ương đã nêu.",
            &[("41-HD/VPTW", Some("Hướng dẫn"), None)],
        ),
        ("Hội nghị ngày 17/9/2024 đã quán triệt Nghị quyết số 20-NQ/TU.", &[("20-NQ/TU", NQ, None)]),
        (
            "Văn bản số 245/SNV-TCBC ngày 2/4/2024 của Sở Nội vụ.",
            &[("245/SNV-TCBC", None, Some("2024-04-02"))],
        ),
        ("Ngày 3/3/2024, UBND tỉnh ban hành 420/QĐ-UBND.", &[("420/QĐ-UBND", None, None)]),
        // Lists sharing one suffix.
        (
            "Thực hiện các Kết luận số 11, 12-KL/TU của Ban Thường vụ.",
            &[("11-KL/TU", Some("Kết luận"), None), ("12-KL/TU", Some("Kết luận"), None)],
        ),
        (
            "Chỉ thị số 03, 04 và 05-CT/TU về công tác tết.",
            &[
                ("3-CT/TU", Some("Chỉ thị"), None),
                ("4-CT/TU", Some("Chỉ thị"), None),
                ("5-CT/TU", Some("Chỉ thị"), None),
            ],
        ),
        (
            "các Kế hoạch số 07,08-KH/TU đã hoàn thành.",
            &[("7-KH/TU", Some("Kế hoạch"), None), ("8-KH/TU", Some("Kế hoạch"), None)],
        ),
        (
            "Nghị quyết 21, 22, và 23-NQ/TU được sơ kết.",
            &[("21-NQ/TU", NQ, None), ("22-NQ/TU", NQ, None), ("23-NQ/TU", NQ, None)],
        ),
        (
            "Quyết định số 15, 16/QĐ-UBND ngày 02/3/2024 về nhân sự.",
            &[("15/QĐ-UBND", QDINH, None), ("16/QĐ-UBND", QDINH, Some("2024-03-02"))],
        ),
        (
            "Các văn bản số 31 và 32-CV/TU đã được trả lời.",
            &[("31-CV/TU", None, None), ("32-CV/TU", None, None)],
        ),
        // Without a type word or "số" only the full number is a citation.
        ("Tỷ lệ 11, 12-KL/TU chưa rõ.", &[("12-KL/TU", None, None)]),
        ("Quyết định 3/QĐ-UBND, 11, 12-KL/TU.", &[("3/QĐ-UBND", QDINH, None), ("12-KL/TU", None, None)]),
        // Without diacritics or in mixed case, after a type word that agrees.
        ("Can cu Ket luan so 21- kl/tu cua Ban Thuong vu.", &[("21-KL/TU", Some("Kết luận"), None)]),
        ("Thuc hien Nghi quyet so 05-Nq/Tu ngay 3/4/2023.", &[("5-NQ/TU", NQ, Some("2023-04-03"))]),
        ("theo Ke hoach 14 - kh/tu da ban hanh", &[("14-KH/TU", Some("Kế hoạch"), None)]),
        ("Quy dinh so 7-qd/tu ve bau cu", &[("7-QĐ/TU", QUYDINH, None)]),
        ("CĂN CỨ CHỈ THỊ SỐ 09 - CT/Tu", &[("9-CT/TU", Some("Chỉ thị"), None)]),
        (
            "cac Ket luan so 11, 12- kl/tu",
            &[("11-KL/TU", Some("Kết luận"), None), ("12-KL/TU", Some("Kết luận"), None)],
        ),
        // Short state forms.
        ("Nghị định 45/2021 quy định chi tiết.", &[("45/2021/NĐ-CP", Some("Nghị định"), None)]),
        (
            "Nghị định 47/2019 được nhắc đến mà không có ký hiệu.",
            &[("47/2019/NĐ-CP", Some("Nghị định"), None)],
        ),
        (
            "Căn cứ Nghị định số 30/2020 ngày 05/3/2020 của Chính phủ.",
            &[("30/2020/NĐ-CP", Some("Nghị định"), Some("2020-03-05"))],
        ),
        ("Nghi dinh 100/2019 ve xu phat.", &[("100/2019/NĐ-CP", Some("Nghị định"), None)]),
        ("Thông tư 08/2022 của Bộ Tài chính.", &[("8/2022/TT", Some("Thông tư"), None)]),
        ("Nghị quyết 12/2021 của HĐND tỉnh.", &[("12/2021/NQ", NQ, None)]),
    ];

    const NOT_FOUND: &[&str] = &[
        "Hội nghị diễn ra ngày 17/9/2024 tại hội trường.",
        "Hạn cuối nộp báo cáo là 30-6-2025.",
        "Ngày 05.11.2024 đoàn công tác làm việc tại huyện.",
        "Điện thoại/Fax: 0205 3870 112 hoặc 0912 345 678.",
        "Đường dây nóng 0205.3870.112/0912.345.678.",
        "Theo Điều 3, khoản 2 của Quy chế, mục 4/5 được sửa.",
        "Áp dụng Điều 3/khoản 2 của quy định cũ.",
        "Tỷ lệ đạt 95,5%, tăng 1/2 so với cùng kỳ.",
        "Có 1/2 số đảng viên tham gia học tập.",
        "Bệnh nhân F0/F1 được theo dõi tại nhà.",
        "Mẫu số 01/TB ban hành kèm theo hướng dẫn.",
        "Tải văn bản tại https://example.vn/van-ban/271-NQ/TU ngay hôm nay.",
        "Truy cập www.langson.example.vn/van-ban/271-NQ/TU để xem.",
        "Xem http://tinhuy.example.vn/45/2021/NĐ-CP để tra cứu.",
        "Năm học 2023/2024 có nhiều đổi mới.",
        "Tháng 5/2024, tỉnh đón 300 nghìn lượt khách.",
        "Kết quả 8/10 chỉ tiêu đạt và vượt.",
        "Số:      /QĐ-UBND",
        "Nghị quyết số -NQ/TU (dự thảo chưa có số).",
        "Bản sao 31-BS/VPTU gửi các ban.",
        "Mã hồ sơ 15-XY/TU đã được lưu.",
        "Ký hiệu x45-NQ/TU bị viết sai.",
        "Dự án nâng cấp Km 12/QL1A hoàn thành.",
        "Lớp 12/A1 đạt giải nhất.",
        "Ca trực 24/7 trong dịp tết.",
        "Hồ sơ 204/HS-TN lưu tại văn thư.",
        "Phòng 305/B-UBND ở tầng ba.",
        "mã 162-nq/tu trên hệ thống cũ",
        "tăng so với 12-nq/tu năm trước",
        "Số 87 / K của sổ đăng ký.",
        "Khoảng 70 QĐ/TU đã được rà soát.",
        "Ghi mã 37QĐ/TU vào sổ.",
        "Giá trị 123456/QĐ-UBND không hợp lệ.",
        "Quyết định số 00/QĐ-UBND (mẫu để trống).",
        "Đợt dịch COVID-19/2020 đã qua.",
        "Tiêu chuẩn ISO 9001/2015 được áp dụng.",
        "Phân loại NQ/TU chưa có số.",
        "Công thức a/b-c không phải số hiệu.",
        "Tỷ lệ 3/KH đạt yêu cầu.",
        "Đã nhận 3120/UBND-KT hôm qua.",
        "Giờ làm việc 7/30 sáng.",
        // Text typed without diacritics or in mixed case needs a type word that agrees.
        "Ket qua 21- kl/tu chua ro.",
        "Ma so 21- kl/tu tren he thong.",
        "Ket luan so 21- nq/tu cua Ban Thuong vu.",
        "Theo so 21- kl/tu da luu.",
        "Ke hoach 14 - Kl/Tu da duoc luu.",
        // Short state forms need a type word that fixes or narrows the code.
        "Tháng 5/2021 tỉnh tổ chức hội nghị.",
        "Kế hoạch 12/2021 chưa có ký hiệu.",
        "Tại Hội nghị 12/2021 đã thống nhất.",
        "Nghị định 45/2021/XY được nhắc đến.",
        "Nghị định 45/2021-BTC không đúng mẫu.",
        "Nghị định năm 2021 về văn thư.",
        "Nghị định về 45/2021 trường hợp.",
        // A list needs a type word or "số" before its first number.
        "Đạt 11, 12 và 13 điểm.",
    ];

    fn run(text: &str) -> Vec<(String, Option<&'static str>, Option<String>)> {
        find_citations(text)
            .into_iter()
            .map(|c| (c.number.key, c.type_word, c.date.map(|d| d.to_string())))
            .collect()
    }

    fn want(items: &[Want]) -> Vec<(String, Option<&'static str>, Option<String>)> {
        items.iter().map(|&(k, t, d)| (k.to_string(), t, d.map(str::to_string))).collect()
    }

    #[test]
    fn citation_table() {
        assert!(FOUND.len() + NOT_FOUND.len() >= 85);
        assert!(NOT_FOUND.len() >= 28);
        let rows = FOUND.iter().map(|&(t, w)| (t, w)).chain(NOT_FOUND.iter().map(|&t| (t, &[] as &[Want])));
        let failures: Vec<String> = rows
            .filter_map(|(text, items)| {
                let (got, expected) = (run(text), want(items));
                (got != expected).then(|| format!("{text:?}\n  got  {got:?}\n  want {expected:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn span_slices_the_number_as_written() {
        let cases: &[(&str, &[&str])] = &[
            ("Nghị quyết số 08-NQ/TU, ngày 1/2/2024.", &["08-NQ/TU"]),
            (
                "Theo\u{a0}Nghị quyết số\u{a0}08\u{2013}NQ/TU và Đề án số 03-ĐA/TU",
                &["08\u{2013}NQ/TU", "03-ĐA/TU"],
            ),
            ("Quy định số 58 - QĐ/TU nêu rõ.", &["58 - QĐ/TU"]),
            ("Theo Thông báo 77-TB/TUvề việc", &["77-TB/TU"]),
            ("Quyết định số: 2031 /QĐ-HVCT ngày", &["2031 /QĐ-HVCT"]),
            ("Ký 9\u{200B}-KH/TU\u{200B} hôm qua", &["9\u{200B}-KH/TU"]),
            ("Công văn số 5120-CV/VPTW/nb gửi", &["5120-CV/VPTW/nb"]),
        ];
        for &(text, written) in cases {
            let found = find_citations(text);
            let slices: Vec<&str> = found.iter().map(|c| &text[c.span.clone()]).collect();
            assert_eq!(slices, written, "{text:?}");
            for c in &found {
                assert_eq!(c.number.written, &text[c.span.clone()]);
                assert_eq!(c.link, c.span);
            }
        }
    }

    #[test]
    fn nfd_input_normalised_first_gives_the_same_result() {
        let texts = FOUND.iter().map(|(t, _)| *t).chain(NOT_FOUND.iter().copied());
        for text in texts {
            let nfd: String = text.nfd().collect();
            let back: String = nfd.nfc().collect();
            assert_eq!(find_citations(&back), find_citations(text), "{text:?}");
        }
    }

    /// (key, provision anchor, what the link covers)
    type WantProvision = (&'static str, Option<&'static str>, &'static str);

    const PROVISIONS: &[(&str, &[WantProvision])] = &[
        (
            "Căn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.",
            &[("30/2020/NĐ-CP", Some("dieu-5-khoan-2"), "khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP")],
        ),
        (
            "Theo Điều 1 Quyết định số 27/2023/QĐ-UBND, Sở chủ trì.",
            &[("27/2023/QĐ-UBND", Some("dieu-1"), "Điều 1 Quyết định số 27/2023/QĐ-UBND")],
        ),
        (
            "theo điểm a khoản 1 Điều 3 của Quy định số 12-QĐ/TU về",
            &[("12-QĐ/TU", Some("dieu-3-khoan-1"), "điểm a khoản 1 Điều 3 của Quy định số 12-QĐ/TU")],
        ),
        (
            "Quyết định số 1450/QĐ-UBND, Điều 2 quy định rõ.",
            &[("1450/QĐ-UBND", Some("dieu-2"), "1450/QĐ-UBND, Điều 2")],
        ),
        (
            "Nghị quyết số 5-NQ/TU (khoản 3 Điều 4) nêu.",
            &[("5-NQ/TU", Some("dieu-4-khoan-3"), "5-NQ/TU (khoản 3 Điều 4)")],
        ),
        (
            "Quyết định số 1/QĐ-UBND, Điều 2 Quyết định số 2/QĐ-UBND.",
            &[
                ("1/QĐ-UBND", None, "1/QĐ-UBND"),
                ("2/QĐ-UBND", Some("dieu-2"), "Điều 2 Quyết định số 2/QĐ-UBND"),
            ],
        ),
        (
            "Dieu 3 Nghi dinh so 30/2020/ND-CP",
            &[("30/2020/NĐ-CP", Some("dieu-3"), "Dieu 3 Nghi dinh so 30/2020/ND-CP")],
        ),
        (
            "khoản 2 Điều 7 Nghị định 45/2021 quy định",
            &[("45/2021/NĐ-CP", Some("dieu-7-khoan-2"), "khoản 2 Điều 7 Nghị định 45/2021")],
        ),
        // Near misses: the provision is another document's, or not next to the number.
        ("Điều 5 Luật Cán bộ và Nghị định số 30/2020/NĐ-CP.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
        ("Điều 5 và Nghị định số 30/2020/NĐ-CP.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
        ("Nghị định số 30/2020/NĐ-CP, Điều lệ Đảng.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
        ("Nghị định số 30/2020/NĐ-CP, Điều 5 của Luật.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
        ("các điều kiện tại Nghị định số 30/2020/NĐ-CP", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
        ("Điều 3 số 45-NQ/TU", &[("45-NQ/TU", None, "45-NQ/TU")]),
        ("Điều 3, 46-NQ/TU", &[("46-NQ/TU", None, "46-NQ/TU")]),
        (
            "Kết luận số 11, 12-KL/TU, Điều 2",
            &[("11-KL/TU", None, "11"), ("12-KL/TU", Some("dieu-2"), "12-KL/TU, Điều 2")],
        ),
    ];

    #[test]
    fn provisions_next_to_citations() {
        let mut failures = Vec::new();
        for &(text, want) in PROVISIONS {
            let got: Vec<(String, Option<String>, &str)> = find_citations(text)
                .into_iter()
                .map(|c| (c.number.key, c.provision.map(|p| p.anchor()), &text[c.link]))
                .collect();
            let want: Vec<(String, Option<String>, &str)> =
                want.iter().map(|&(k, a, l)| (k.to_string(), a.map(str::to_string), l)).collect();
            if got != want {
                failures.push(format!("{text:?}\n  got  {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn short_forms_without_a_fixed_code_are_partial() {
        let partial = |text: &str| find_citations(text).iter().map(|c| c.partial).collect::<Vec<_>>();
        assert_eq!(partial("Thông tư 08/2022 của Bộ Tài chính"), vec![true]);
        assert_eq!(partial("Nghị định 45/2021 của Chính phủ"), vec![false]);
        assert_eq!(partial("Thông tư số 08/2022/TT-BTC"), vec![false]);
    }

    #[test]
    fn list_items_show_the_shared_suffix() {
        let text = "các Kết luận số 11, 12-KL/TU";
        let found = find_citations(text);
        let shown: Vec<(&str, &str)> =
            found.iter().map(|c| (&text[c.span.clone()], c.number.written.as_str())).collect();
        assert_eq!(shown, vec![("11", "11-KL/TU"), ("12-KL/TU", "12-KL/TU")]);
    }

    #[test]
    fn text_without_slash_is_skipped() {
        assert!(find_citations("Nghị quyết số 5 ngày 22 tháng 5 năm 2024").is_empty());
        assert!(find_citations("").is_empty());
    }

    #[test]
    fn slash_lookalike_counts_as_slash() {
        assert_eq!(run("Chỉ thị số 04-CT\u{2215}TU"), want(&[("4-CT/TU", Some("Chỉ thị"), None)]));
    }
}
