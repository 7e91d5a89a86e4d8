//! Search: the index that the search page's script (`search.js` of the default theme) reads in
//! the browser. This module owns the folding of text for matching, the tokens and bigrams, the
//! weights, and the files of the index; the page itself is `render`'s, the script is the theme's.
//!
//! # Matching text
//!
//! Text is *folded*: lower case, canonical decomposition, every combining mark U+0300–U+036F
//! dropped (tones, breve, circumflex, horn), then `đ` → `d` (đ has no decomposition). So
//! "Tổ chức", "to chuc", NFD input and both tone placements (`hoà`/`hòa`, `uỷ`/`ủy`) meet.
//! Folded text is cut into *tokens*, the runs of alphabetic or numeric characters (syllables,
//! for Vietnamese); a token of ASCII digits loses its leading zeros (`08` → `8`), and a token
//! longer than 32 characters is dropped. Two neighbouring tokens also make a *bigram*
//! (`"to chuc"`) when neither is all digits and only spaces and dashes stand between them.
//! The script folds and cuts queries the same way.
//!
//! # Files (under `search/` of the output)
//!
//! - `manifest.json`: `{"format": 1, "version": "…", "docs": N, "doc_shard_size": K,
//!   "term_bounds": ["", "b", "ch", …]}`. Fetch the other files with `?v=<version>`, which
//!   changes whenever the index does.
//! - `terms/<i>.json`: one *term shard*, an object from term to postings. Terms are sorted in
//!   UTF-16 order (JavaScript's string order); shard `i` holds the terms `t` with
//!   `term_bounds[i] <= t < term_bounds[i + 1]`, so a term is looked for in the last shard whose
//!   bound is not greater than it. A shard is closed at [`TERM_SHARD_BYTES`]; a term bigger
//!   than that alone fills one shard.
//! - `docs/<j>.json`: an array of the documents `j*K … j*K+K-1`, each
//!   `{"url", "number", "type", "title", "issuer", "date", "excerpt"}`: `url` relative to the
//!   output root, `date` ISO (`number` and `date` are null for a draft without them), `excerpt`
//!   the summary or first paragraph, shortened. `K` is chosen so that a shard holds about
//!   6 KiB (4 to 100 documents).
//!
//! Document ids number the published notices newest first (date, then number), so among equal
//! scores the lower id is the newer notice.
//!
//! Postings are a list of groups `[w, first, delta, delta, …]`: every document of a group has
//! weight `w`; the first id is given as it is, each next one as its difference from the one
//! before. The weight is the sum of [`IN_NUMBER`] (8: a part of the notice's own number, from
//! its canonical key), [`IN_HEADING`] (4: in the title, type, issuer or a tag) and the
//! frequency in the summary and body text: 0 absent, 1 once, 2 two to four times, 3 five times
//! or more.
//!
//! Terms are the tokens and bigrams above, plus filter terms `#type:<slug>`,
//! `#issuer:<slug>` and `#year:<yyyy>` (weight 0), whose slugs are those of the index pages
//! (`loai/<slug>/`, `co-quan/<slug>/`, `nam/<yyyy>/`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use serde::Serialize;

use super::html::Page;
use super::layout;
use crate::archive::indexes::{Dimension, Indexes};
use crate::archive::{Archive, NoticeId};
use crate::content::Notice;
use crate::content::body as markdown;

/// Version of the file layout described above; the script refuses another.
pub const FORMAT: u32 = 1;
/// A term shard is closed before it grows past this many bytes.
pub const TERM_SHARD_BYTES: usize = 32 * 1024;
/// Documents per metadata shard aim at about this many bytes.
const DOC_SHARD_BYTES: usize = 6 * 1024;
/// Longest token kept, in characters.
pub const MAX_TOKEN_CHARS: usize = 32;
/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 280;

/// Weight flag: the term is part of the notice's own number.
pub const IN_NUMBER: u8 = 8;
/// Weight flag: the term is in the title, type, issuer or a tag.
pub const IN_HEADING: u8 = 4;

/// Folds text for matching: lower case, no marks, `đ` → `d`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if let Some(&code) = FOLDED_LATIN.get(c as usize - 0x80) {
            if let Some(one) = char::from_u32(code) {
                folded.push(one);
            } else if code == DROPPED {
                continue;
            } else {
                fold_char(c, &mut folded);
            }
        } else {
            fold_char(c, &mut folded);
        }
    }
    folded
}

/// Folds one character: its lower case, decomposed, without marks, `đ` as `d`.
fn fold_char(c: char, folded: &mut String) {
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |part| {
            if !is_mark(part) {
                folded.push(if part == 'đ' { 'd' } else { part });
            }
        });
    }
}

/// In [`FOLDED_LATIN`]: the character folds to nothing.
const DROPPED: u32 = u32::MAX;
/// In [`FOLDED_LATIN`]: the character folds to several characters.
const SEVERAL: u32 = u32::MAX - 1;

/// [`fold_char`] of U+0080 to U+1EFF (Latin, combining marks, Vietnamese), computed once:
/// Vietnamese text is mostly these characters.
static FOLDED_LATIN: LazyLock<Vec<u32>> = LazyLock::new(|| {
    (0x80..0x1F00u32)
        .map(|code| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(code) {
                fold_char(c, &mut out);
            }
            let mut chars = out.chars();
            match (chars.next(), chars.next()) {
                (None, _) => DROPPED,
                (Some(one), None) => one as u32,
                _ => SEVERAL,
            }
        })
        .collect()
});

/// Combining diacritical marks: tones, breve, circumflex, horn and the rest of the block.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// One token of folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Whether it makes a bigram with the token before it.
    pub pairs: bool,
}

/// The tokens of folded text, in order.
pub fn tokenize(folded: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut gap_start = 0;
    // Whether the previous token may open a bigram.
    let mut previous_pairs = false;
    let mut rest = folded;
    let mut offset = 0;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let run = &rest[start..];
        let len = run.find(|c: char| !c.is_alphanumeric()).unwrap_or(run.len());
        let word = &run[..len];
        let gap = &folded[gap_start..offset + start];
        offset += start + len;
        gap_start = offset;
        rest = &folded[offset..];
        if word.chars().count() > MAX_TOKEN_CHARS {
            previous_pairs = false;
            continue;
        }
        let numeric = word.bytes().all(|b| b.is_ascii_digit());
        let text = if numeric { strip_zeros(word) } else { word };
        tokens.push(Token { text, pairs: previous_pairs && !numeric && joins(gap) });
        previous_pairs = !numeric;
    }
    tokens
}

/// `0008` → `8`, `000` → `0`.
fn strip_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { &digits[digits.len() - 1..] } else { trimmed }
}

/// Whether two tokens with `gap` between them are one phrase: spaces and dashes only.
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| matches!(c, '-' | '–' | '—') || (c.is_whitespace() && c != '\n'))
}

/// The tokens of folded text written into one buffer, one space apart, so that every token and
/// every bigram is a slice of it.
pub struct Terms {
    text: String,
    /// Start and end of each token in `text`, and whether it pairs with the one before.
    tokens: Vec<(usize, usize, bool)>,
}

impl Terms {
    pub fn new(folded: &str) -> Terms {
        let found = tokenize(folded);
        let mut text = String::with_capacity(folded.len());
        let mut tokens = Vec::with_capacity(found.len());
        for token in found {
            if !text.is_empty() {
                text.push(' ');
            }
            tokens.push((text.len(), text.len() + token.text.len(), token.pairs));
            text.push_str(token.text);
        }
        Terms { text, tokens }
    }

    /// Calls `term` for every token and bigram, in order.
    pub fn for_each<'a>(&'a self, mut term: impl FnMut(&'a str)) {
        for (i, &(start, end, pairs)) in self.tokens.iter().enumerate() {
            term(&self.text[start..end]);
            if pairs {
                term(&self.text[self.tokens[i - 1].0..end]);
            }
        }
    }
}

/// Plain text of rendered body HTML: tags dropped, block ends as line breaks, entities decoded.
pub fn plain_text(html: &str) -> String {
    let mut filled = String::with_capacity(html.len());
    markdown::fill_references(html, &mut filled, |_| String::new(), |_| String::new());
    let mut text = String::with_capacity(filled.len());
    let mut rest = filled.as_str();
    while let Some(at) = rest.find(['<', '&']) {
        push_spaced(&mut text, &rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            if is_block_tag(&rest[..end]) {
                text.push('\n');
            }
            rest = &rest[end..];
        } else {
            let (decoded, used) = decode_entity(rest);
            text.push(decoded);
            rest = &rest[used..];
        }
    }
    push_spaced(&mut text, rest);
    text
}

/// Appends text with its line breaks as spaces: in the plain text, a line break ends a block.
fn push_spaced(out: &mut String, text: &str) {
    if text.contains('\n') {
        out.push_str(&text.replace('\n', " "));
    } else {
        out.push_str(text);
    }
}

fn is_block_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len())];
    matches!(
        name,
        "p" | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "div"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "dt"
            | "dd"
            | "section"
            | "sup"
    )
}

/// The character an entity at the start of `text` stands for, and its length; a lone `&` is itself.
fn decode_entity(text: &str) -> (char, usize) {
    let head = text.bytes().take(12).position(|b| b == b';');
    let Some(end) = head else { return ('&', 1) };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
            };
            code.and_then(char::from_u32)
        }
    };
    match decoded {
        Some(c) => (c, end + 1),
        None => ('&', 1),
    }
}

/// Body frequency bucket of the weight.
fn frequency_weight(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 3,
    }
}

/// Every term of one notice with its weight.
fn notice_terms(notice: &Notice, body_html: &str, mut visit: impl FnMut(&str, u8)) {
    let mut fields: Vec<(Terms, u8)> = Vec::with_capacity(4 + notice.tags.len());
    if let Some(key) = notice.key() {
        fields.push((Terms::new(&fold(key)), IN_NUMBER));
    }
    for text in [&notice.title, &notice.doc_type, &notice.issuer].into_iter().chain(&notice.tags) {
        fields.push((Terms::new(&fold(text)), IN_HEADING));
    }
    let mut body = notice.summary.clone().unwrap_or_default();
    body.push('\n');
    body.push_str(&plain_text(body_html));
    let body = Terms::new(&fold(&body));

    // Terms are many and short, and nobody chooses them to collide: a fast hash will do.
    let mut weights: HashMap<&str, (u8, u32), FxBuildHasher> =
        HashMap::with_capacity_and_hasher(2048, FxBuildHasher);
    for (terms, flag) in &fields {
        terms.for_each(|t| weights.entry(t).or_default().0 |= flag);
    }
    body.for_each(|t| weights.entry(t).or_default().1 += 1);
    for (term, (flags, count)) in weights {
        visit(term, flags | frequency_weight(count));
    }
}

/// One notice as the result list shows it.
#[derive(Serialize)]
struct DocRecord<'a> {
    url: &'a str,
    number: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    issuer: &'a str,
    date: Option<String>,
    excerpt: String,
}

fn doc_record(archive: &Archive, id: NoticeId) -> DocRecord<'_> {
    let notice = archive.notice(id);
    let excerpt = notice.summary_text();
    DocRecord {
        url: archive.url(id),
        number: notice.number.as_ref().map(|n| n.written.as_str()),
        doc_type: &notice.doc_type,
        title: &notice.title,
        issuer: &notice.issuer,
        date: notice.date.map(|d| d.to_string()),
        excerpt: shorten(excerpt, EXCERPT_CHARS),
    }
}

/// Whitespace collapsed, cut at a space before `max` characters with `…` when longer.
fn shorten(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut = collapsed.char_indices().nth(max).map_or(collapsed.len(), |(i, _)| i);
    let head = &collapsed[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Postings of one term: `(doc id << 4) | weight`, ids ascending.
type Postings = Vec<u32>;
type PostingMap = HashMap<String, Postings, FxBuildHasher>;

/// Appends the postings of a later run of documents to those of an earlier one.
fn merge_postings(mut earlier: PostingMap, later: PostingMap) -> PostingMap {
    for (term, list) in later {
        match earlier.get_mut(term.as_str()) {
            Some(existing) => existing.extend(list),
            None => {
                earlier.insert(term, list);
            }
        }
    }
    earlier
}

/// The index files of an archive, as pages to write under the output root. `body_html` gives
/// each notice's body.
pub fn index_files<B>(archive: &Archive, indexes: &Indexes, body_html: B) -> Vec<Page>
where
    B: Fn(NoticeId) -> String + Sync,
{
    let order = indexes.newest.clone();
    let mut id_of = vec![0u32; archive.len()];
    for (doc, &id) in order.iter().enumerate() {
        id_of[id.index()] = doc as u32;
    }
    let mut postings = order
        .par_iter()
        .enumerate()
        .fold(PostingMap::default, |mut map, (id, &index)| {
            notice_terms(archive.notice(index), &body_html(index), |term, weight| {
                let posting = ((id as u32) << 4) | u32::from(weight);
                match map.get_mut(term) {
                    Some(list) => list.push(posting),
                    None => {
                        map.insert(term.to_string(), vec![posting]);
                    }
                }
            });
            map
        })
        .reduce(PostingMap::default, merge_postings);
    for list in postings.values_mut() {
        if !list.is_sorted() {
            list.sort_unstable();
        }
    }
    add_filter_terms(indexes, &id_of, &mut postings);

    let (term_shards, term_bounds) = term_shards(postings);
    let records: Vec<String> = order
        .par_iter()
        .map(|&i| serde_json::to_string(&doc_record(archive, i)).expect("records serialise"))
        .collect();
    let (doc_shards, doc_shard_size) = doc_shards(&records);
    let version = version_of(term_shards.iter().chain(&doc_shards));
    let manifest = serde_json::json!({
        "format": FORMAT,
        "version": version,
        "docs": archive.len(),
        "doc_shard_size": doc_shard_size,
        "term_bounds": term_bounds,
    });
    let mut files = vec![Page { path: layout::search_file("manifest.json"), html: manifest.to_string() }];
    files.extend(term_shards.into_iter().enumerate().map(|(i, html)| Page { path: term_path(i), html }));
    files.extend(doc_shards.into_iter().enumerate().map(|(i, html)| Page { path: doc_path(i), html }));
    files
}

/// `search/terms/3.json`.
pub fn term_path(shard: usize) -> String {
    layout::search_file(&format!("terms/{shard}.json"))
}

/// `search/docs/3.json`.
pub fn doc_path(shard: usize) -> String {
    layout::search_file(&format!("docs/{shard}.json"))
}

/// `#type:<slug>`, `#issuer:<slug>`, `#year:<yyyy>`: the notices of each value, weight 0.
fn add_filter_terms(indexes: &Indexes, id_of: &[u32], postings: &mut PostingMap) {
    for (dimension, name) in
        [(Dimension::Type, "type"), (Dimension::Issuer, "issuer"), (Dimension::Year, "year")]
    {
        for value in &indexes.get(dimension).values {
            let mut ids: Vec<u32> = value.notices.iter().map(|&id| id_of[id.index()] << 4).collect();
            ids.sort_unstable();
            postings.insert(format!("#{name}:{}", value.slug), ids);
        }
    }
}

/// Postings as JSON: groups `[w, first id, delta, delta, …]`, by ascending weight.
fn postings_json(postings: &[u32], out: &mut String) {
    let mut groups: [Vec<u32>; 16] = Default::default();
    for &p in postings {
        groups[(p & 15) as usize].push(p >> 4);
    }
    out.push('[');
    let mut first_group = true;
    for (weight, ids) in groups.iter().enumerate().filter(|(_, ids)| !ids.is_empty()) {
        if !first_group {
            out.push(',');
        }
        first_group = false;
        let _ = write!(out, "[{weight}");
        let mut previous = 0;
        for (i, &id) in ids.iter().enumerate() {
            let _ = write!(out, ",{}", if i == 0 { id } else { id - previous });
            previous = id;
        }
        out.push(']');
    }
    out.push(']');
}

/// JavaScript's string order: by UTF-16 code units.
fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Packs terms in order into shards of at most [`TERM_SHARD_BYTES`]; returns the shards and
/// the bound of each.
fn term_shards(postings: PostingMap) -> (Vec<String>, Vec<String>) {
    let mut terms: Vec<(String, Postings)> = postings.into_iter().collect();
    terms.sort_by(|a, b| js_order(&a.0, &b.0));
    let mut shards: Vec<String> = Vec::new();
    let mut bounds: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut entry = String::new();
    let mut previous_term: Option<&str> = None;
    for (term, list) in &terms {
        entry.clear();
        entry.push_str(&serde_json::to_string(term).expect("strings serialise"));
        entry.push(':');
        postings_json(list, &mut entry);
        if !current.is_empty() && current.len() + entry.len() + 2 > TERM_SHARD_BYTES {
            current.push('}');
            shards.push(std::mem::take(&mut current));
        }
        if current.is_empty() {
            bounds.push(previous_term.map_or(String::new(), |p| shortest_bound(p, term)));
            current.push('{');
        } else {
            current.push(',');
        }
        current.push_str(&entry);
        previous_term = Some(term);
    }
    if !current.is_empty() {
        current.push('}');
        shards.push(current);
    }
    if shards.is_empty() {
        shards.push("{}".into());
        bounds.push(String::new());
    }
    (shards, bounds)
}

/// The shortest prefix of `first` that sorts after `last` (`last < first`).
fn shortest_bound(last: &str, first: &str) -> String {
    first
        .char_indices()
        .map(|(i, c)| &first[..i + c.len_utf8()])
        .find(|prefix| js_order(prefix, last).is_gt())
        .unwrap_or(first)
        .to_string()
}

/// Records in shards of about [`DOC_SHARD_BYTES`]; returns the shards and documents per shard.
fn doc_shards(records: &[String]) -> (Vec<String>, usize) {
    let total: usize = records.iter().map(|r| r.len() + 1).sum();
    let average = total / records.len().max(1);
    let size = (DOC_SHARD_BYTES / average.max(1)).clamp(4, 100);
    let shards = records.chunks(size).map(|chunk| format!("[{}]", chunk.join(","))).collect();
    (shards, size)
}

/// FNV-1a over the index files, as hex: changes whenever a file does.
fn version_of<'a>(files: impl Iterator<Item = &'a String>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        for byte in file.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn words(text: &str) -> Vec<String> {
        tokenize(&fold(text)).iter().map(|t| t.text.to_string()).collect()
    }

    fn terms(text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        Terms::new(&fold(text)).for_each(|t| terms.push(t.to_string()));
        terms
    }

    #[test]
    fn every_tone_mark_folds_away() {
        for (text, folded) in [
            ("a à á ả ã ạ", "a a a a a a"),
            ("ă ằ ắ ẳ ẵ ặ", "a a a a a a"),
            ("â ầ ấ ẩ ẫ ậ", "a a a a a a"),
            ("ê ề ế ể ễ ệ", "e e e e e e"),
            ("ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ", "o o o o o o o o o o o o"),
            ("ư ừ ứ ử ữ ự", "u u u u u u"),
            ("ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ", "i i i i i y y y y y"),
            ("Tổ chức cán bộ", "to chuc can bo"),
            ("NGHỊ QUYẾT", "nghi quyet"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn the_latin_table_folds_like_the_slow_path() {
        for code in 0x80..0x2000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "U+{code:04X}");
        }
    }

    #[test]
    fn d_with_stroke_folds_to_d_in_both_cases() {
        assert_eq!(fold("Đảng đoàn ĐẢNG"), "dang doan dang");
        assert_eq!(fold("QĐ-UBND"), "qd-ubnd");
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let nfc = "Ủy ban nhân dân tỉnh Lạng Sơn, Đảng bộ";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfd), fold(nfc));
        assert_eq!(fold(&nfd), "uy ban nhan dan tinh lang son, dang bo");
    }

    #[test]
    fn tone_placement_variants_meet() {
        for (old, new) in [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá", "Hóa")]
        {
            assert_ne!(old, new);
            assert_eq!(fold(old), fold(new), "{old} / {new}");
        }
        assert_eq!(fold("cấp uỷ hoà"), "cap uy hoa");
    }

    #[test]
    fn syllables_and_bigrams() {
        assert_eq!(terms("Tổ chức cán bộ"), vec!["to", "chuc", "to chuc", "can", "chuc can", "bo", "can bo"]);
        // Sentence punctuation breaks a phrase; a dash does not.
        assert_eq!(terms("thời. Tổ"), vec!["thoi", "to"]);
        assert_eq!(terms("kinh tế - xã hội"), vec!["kinh", "te", "kinh te", "xa", "te xa", "hoi", "xa hoi"]);
        assert_eq!(terms("dòng\ndòng"), vec!["dong", "dong"]);
    }

    #[test]
    fn document_numbers_split_into_their_parts() {
        assert_eq!(words("162-NQ/TU"), vec!["162", "nq", "tu"]);
        assert_eq!(words("162 NQ TU"), vec!["162", "nq", "tu"]);
        assert_eq!(words("1234/QĐ-UBND"), vec!["1234", "qd", "ubnd"]);
        assert_eq!(words("30/2020/NĐ-CP"), vec!["30", "2020", "nd", "cp"]);
        assert_eq!(words("Đề án số 08-ĐA/TU"), vec!["de", "an", "so", "8", "da", "tu"]);
        assert_eq!(words("000"), vec!["0"]);
        // Numbers make no bigrams, and `/` parts none either.
        assert_eq!(terms("162-NQ/TU"), vec!["162", "nq", "tu"]);
        assert_eq!(terms("số 162"), vec!["so", "162"]);
    }

    #[test]
    fn overlong_tokens_are_dropped_and_break_phrases() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(terms(&format!("xin {long} chao")), vec!["xin", "chao"]);
        assert_eq!(words(&"b".repeat(MAX_TOKEN_CHARS)).len(), 1);
    }

    #[test]
    fn body_html_to_plain_text() {
        let (_, html) =
            markdown::render("**1. Về kết quả:** Tổ chức &amp; cán bộ.\n\n- một\n- hai\n", 1, false);
        let text = plain_text(&html);
        assert!(text.contains("1. Về kết quả: Tổ chức & cán bộ."), "{text:?}");
        assert!(text.contains("một\n") && !text.contains("<"), "{text:?}");
        assert_eq!(plain_text("a&lt;b &#x110;&#273; &bogus x &"), "a<b Đđ &bogus x &");
        assert_eq!(plain_text("&quot;Việc &ệ;"), "\"Việc &ệ;");
    }

    #[test]
    fn excerpts_are_cut_at_a_space() {
        assert_eq!(shorten("  một   hai ", 20), "một hai");
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
    }

    #[test]
    fn postings_are_grouped_by_weight_and_delta_coded() {
        let mut out = String::new();
        postings_json(&[(3 << 4) | 1, (5 << 4) | 4, (9 << 4) | 1, (12 << 4) | 1], &mut out);
        assert_eq!(out, "[[1,3,6,3],[4,5]]");
    }

    #[test]
    fn every_term_is_found_through_the_bounds() {
        let mut postings = PostingMap::default();
        for i in 0..8000u32 {
            postings.insert(format!("t{i:05} x{}", i % 7), vec![i << 4 | 1, (i + 1) << 4 | 2]);
        }
        postings.insert("#year:2024".into(), vec![0]);
        postings.insert("đ".into(), vec![0]);
        let (shards, bounds) = term_shards(postings);
        assert!(shards.len() >= 5, "{} shards", shards.len());
        assert_eq!(shards.len(), bounds.len());
        for (i, shard) in shards.iter().enumerate() {
            assert!(shard.len() <= TERM_SHARD_BYTES, "shard {i}: {} bytes", shard.len());
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(shard).unwrap();
            for term in map.keys() {
                let found = bounds.iter().rposition(|b| js_order(b, term).is_le()).unwrap();
                assert_eq!(found, i, "{term}");
            }
        }
        assert!(bounds.iter().skip(1).all(|b| b.len() <= 6), "{bounds:?}");
    }
}
