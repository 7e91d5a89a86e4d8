//! Content: the files under `content/` to typed [`Notice`] values.
//!
//! Owns what a notice is as its file says it: `discover` walks `content/` (bundles and their
//! attachments, symlinks kept inside the archive), `front_matter` reads and validates every
//! key, [`body`] renders the Markdown once. Decoding is `text`'s. It knows nothing of other
//! notices: numbers are parsed here, but resolving references between notices is `archive`'s.

pub mod body;
pub mod date_line;
mod discover;
mod front_matter;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::cite::number::{DocNumber, System};
use crate::config::SiteConfig;
use crate::diag::{Diagnostic, display_path};
use crate::msg;
use crate::yaml::{self, Map, Value};
use body::Body;
pub use discover::{SourceEntry, Stamp, discover, linked_file};
pub use front_matter::{day_of_source_date_epoch, outdated, take_today_again, today};

pub const CONTENT_DIR: &str = "content";

/// The signer block: a plain name, or name, title and authority line (T/M, K/T, T/L, T/U).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signer {
    pub name: String,
    pub title: Option<String>,
    pub authority: Option<String>,
}

/// The legal status a notice declares for itself (hiệu lực).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InForce,
    PartlyExpired,
    Expired,
    NotYetInForce,
    /// A draft: no legal status yet (never declared, only computed).
    Draft,
}

impl Status {
    fn parse(text: &str) -> Option<Status> {
        Some(match text {
            "in-force" => Status::InForce,
            "partly-expired" => Status::PartlyExpired,
            "expired" => Status::Expired,
            "not-yet-in-force" => Status::NotYetInForce,
            _ => return None,
        })
    }

    /// The status a clerk may write in words (`Hết hiệu lực`, `in force`), for the help line
    /// of a status that is not one of the codes: case, marks, dashes and spaces aside.
    pub fn named(text: &str) -> Option<Status> {
        let folded: String = deunicode::deunicode(text).to_lowercase().replace(['-', '_'], " ");
        let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        STATUS_WORDS.iter().find(|(name, _)| *name == words).map(|&(_, status)| status)
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::PartlyExpired => "partly-expired",
            Status::Expired => "expired",
            Status::NotYetInForce => "not-yet-in-force",
            Status::Draft => "draft",
        }
    }
}

/// What each status is called in words, folded (lower case, without marks): the labels of
/// the pages in both languages, and the ways they are said.
const STATUS_WORDS: [(&str, Status); 11] = [
    ("con hieu luc", Status::InForce),
    ("co hieu luc", Status::InForce),
    ("dang co hieu luc", Status::InForce),
    ("in force", Status::InForce),
    ("het hieu luc mot phan", Status::PartlyExpired),
    ("partly expired", Status::PartlyExpired),
    ("het hieu luc", Status::Expired),
    ("expired", Status::Expired),
    ("no longer in force", Status::Expired),
    ("chua co hieu luc", Status::NotYetInForce),
    ("not yet in force", Status::NotYetInForce),
];

/// The typed relations a newer notice declares towards older ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum RelationKind {
    Replaces,
    Amends,
    Repeals,
    Guides,
    Implements,
    Corrects,
    BasedOn,
}

impl RelationKind {
    pub const ALL: [RelationKind; 7] = [
        RelationKind::Replaces,
        RelationKind::Amends,
        RelationKind::Repeals,
        RelationKind::Guides,
        RelationKind::Implements,
        RelationKind::Corrects,
        RelationKind::BasedOn,
    ];

    /// The relation a front-matter key names.
    pub fn from_key(key: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The front-matter key, also the key in `api/notices.json`.
    pub fn key(self) -> &'static str {
        match self {
            RelationKind::Replaces => "replaces",
            RelationKind::Amends => "amends",
            RelationKind::Repeals => "repeals",
            RelationKind::Guides => "guides",
            RelationKind::Implements => "implements",
            RelationKind::Corrects => "corrects",
            RelationKind::BasedOn => "based_on",
        }
    }

    /// The computed reverse relation shown on the other notice.
    pub fn passive_key(self) -> &'static str {
        match self {
            RelationKind::Replaces => "replaced_by",
            RelationKind::Amends => "amended_by",
            RelationKind::Repeals => "repealed_by",
            RelationKind::Guides => "guided_by",
            RelationKind::Implements => "implemented_by",
            RelationKind::Corrects => "corrected_by",
            RelationKind::BasedOn => "basis_of",
        }
    }

    /// Whether the target stops being in force when the relation is archived.
    pub fn ends_target(self) -> bool {
        matches!(self, RelationKind::Replaces | RelationKind::Repeals)
    }
}

/// One relation target as written in the front-matter.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// The target as written, without the part (`162-NQ/TU@2024`).
    pub written: String,
    pub number: DocNumber,
    pub year: Option<i16>,
    /// The part of the target concerned (`Điều 3`); none when it is the whole notice.
    pub part: Option<String>,
    pub line: usize,
    pub column: usize,
}

/// An attachment's name as a link writes it: the characters a URL would read otherwise (`%`,
/// `#`, `?`) percent-encoded.
pub fn attachment_href_name(name: &str) -> String {
    let mut href = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '%' => href.push_str("%25"),
            '#' => href.push_str("%23"),
            '?' => href.push_str("%3F"),
            c => href.push(c),
        }
    }
    href
}

/// A file that travels with a bundle notice (a folder holding `index.md`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    pub source: PathBuf,
    /// Path inside the bundle, with `/` separators.
    pub name: String,
    pub size: u64,
    pub stamp: Stamp,
}

/// The lines (from 1) of the keys a problem found after reading is said at: a number used
/// twice, an issuer or signer written two ways, a status its dates contradict. The first line
/// of the file for a key not written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyLines {
    pub number: u32,
    pub issuer: u32,
    pub signer: u32,
    /// The dates a status is told against on the day of a build.
    pub effective: u32,
    pub expires: u32,
}

/// One notice, as its file says; nothing here depends on other notices.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// Path relative to the archive root, with `/` separators (`content/2024/tb-45.md`).
    pub source_path: String,
    pub number: Option<DocNumber>,
    pub doc_type: String,
    pub title: String,
    pub issuer: String,
    pub parent_issuer: Option<String>,
    pub system: System,
    pub date: Option<Date>,
    pub place: Option<String>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
    pub status: Status,
    pub effective: Option<Date>,
    pub expires: Option<Date>,
    pub relations: Vec<Relation>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    /// Where the keys problems between notices are said at stand in the file.
    pub lines: KeyLines,
    #[serde(with = "crate::yaml::as_json_text")]
    pub extra: Map<String, Value>,
    /// What the rest of the pipeline needs of the body; its HTML is kept apart.
    pub body: Body,
    pub attachments: Vec<Attachment>,
    /// Stable hash of the file's bytes: the body's HTML is a function of them.
    pub source_hash: u64,
}

impl Notice {
    pub fn key(&self) -> Option<&str> {
        self.number.as_ref().map(|n| n.key.as_str())
    }

    pub fn year(&self) -> Option<i16> {
        self.date.map(|d| d.year())
    }

    /// What no two notices of an archive may share: the key of the number, the type (in small
    /// letters) and the year. `None` without a number.
    pub fn identity(&self) -> Option<(&str, String, Option<i16>)> {
        Some((self.key()?, self.doc_type.to_lowercase(), self.year()))
    }

    /// What lists, feeds and search show of the notice: its `summary`, else its first paragraph.
    pub fn summary_text(&self) -> &str {
        self.summary.as_deref().unwrap_or(&self.body.first_paragraph)
    }
}
/// What reading a notice depends on besides its file: Gazette's version and source (a build
/// of other code reads notices its own way) and the settings that change a notice or its body
/// (`place`, `raw_html`). Notices read under another key are read again.
pub fn read_key(config: &SiteConfig) -> u64 {
    crate::hash::Stable::new()
        .str(env!("CARGO_PKG_VERSION"))
        .str(env!("GAZETTE_SOURCE_HASH"))
        .value(&config.place)
        .value(&config.raw_html)
        .finish()
}

/// A notice read from its file, with its body's HTML and plain text.
pub struct Parsed {
    pub notice: Notice,
    /// The body's HTML, with reference placeholders.
    pub html: String,
    /// The body's text as a reader sees it, for search.
    pub text: String,
}

/// A notice file read: its notice if it has no error, and the problems found.
pub struct Loaded {
    pub parsed: Option<Parsed>,
    pub problems: Vec<Diagnostic>,
    /// For a published notice not published because of an error: the key of its number.
    pub broken: Option<String>,
    /// For a notice not published because of an error: its explicit links, checked all the
    /// same, so that one run says every problem of the file.
    pub broken_links: Option<Arc<BrokenNotice>>,
    /// Whether the file says it is a draft (`draft: true`), with or without an error.
    pub draft: bool,
}

impl Loaded {
    /// Its places moved to the columns of its file as written (see [`crate::text::Columns`]).
    fn place_as_written(&mut self, columns: &crate::text::Columns) {
        for problem in &mut self.problems {
            problem.column = columns.original(problem.line, problem.column);
        }
        let place = |line: usize, column: &mut usize| *column = columns.original(line, *column);
        if let Some(parsed) = &mut self.parsed {
            for relation in &mut parsed.notice.relations {
                place(relation.line, &mut relation.column);
            }
            for reference in parsed.notice.body.references.get_mut() {
                place(reference.line, &mut reference.column);
            }
        }
        if let Some(links) = self.broken_links.as_mut().and_then(Arc::get_mut) {
            for reference in &mut links.links {
                place(reference.line, &mut reference.column);
            }
        }
    }

    fn failed(problem: Diagnostic) -> Loaded {
        Loaded { parsed: None, problems: vec![problem], broken: None, broken_links: None, draft: false }
    }
}

/// What a notice left out because of an error still tells, checked all the same so that one
/// run says every problem of its file: its explicit links (`notice:`), with what they are
/// resolved by, its relations, and its number, which another notice may have too.
#[derive(Debug, Clone)]
pub struct BrokenNotice {
    pub source_path: String,
    pub date: Option<Date>,
    pub links: Vec<body::BodyRef>,
    pub relations: Vec<Relation>,
    /// The key of its number, the number as written, its type and the line of its number,
    /// when they could be read.
    pub key: Option<String>,
    pub written: Option<String>,
    pub doc_type: String,
    pub number_line: u32,
}

impl BrokenNotice {
    /// What no two notices may share (see [`Notice::identity`]), when it is known.
    pub fn identity(&self) -> Option<(&str, String, Option<i16>)> {
        // A type not known (its own error) is no type: two such notices may be of two.
        let doc_type = Some(self.doc_type.to_lowercase()).filter(|t| !t.is_empty())?;
        Some((self.key.as_deref()?, doc_type, Some(self.date?.year())))
    }
}

/// Reads and parses every source in parallel. Returns the notices in source order.
pub fn load_all(
    root: &Path,
    sources: &[SourceEntry],
    config: &SiteConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Parsed> {
    let results: Vec<Loaded> = sources.par_iter().map(|source| load_one(root, source, config)).collect();
    let mut notices = Vec::with_capacity(results.len());
    for mut loaded in results {
        diagnostics.append(&mut loaded.problems);
        notices.extend(loaded.parsed);
    }
    notices
}

/// Reads only the front-matter of every source, in parallel: the notices without their
/// bodies, none rendered, for a command that needs the archive's numbers and issuers but no
/// pages; and the files whose front-matter could not be read (their numbers are not known).
pub fn load_heads(root: &Path, sources: &[SourceEntry], config: &SiteConfig) -> (Vec<Notice>, Vec<String>) {
    let read: Vec<Result<Notice, String>> = sources
        .par_iter()
        .map(|source| {
            let path = display_path(root, &source.path);
            let head = || {
                let text = crate::text::decode(&path, std::fs::read(&source.path).ok()?).ok()?;
                let (yaml, ..) = front_matter::split(&text)?;
                let head = format!("---\n{yaml}---\n");
                let loaded = parse_notice(&path, head.into_bytes(), Vec::new(), config);
                let readable = !loaded.problems.iter().any(Diagnostic::is_error);
                loaded.parsed.filter(|_| readable).map(|parsed| parsed.notice)
            };
            head().ok_or(path.clone())
        })
        .collect();
    let mut notices = Vec::with_capacity(read.len());
    let mut unread = Vec::new();
    for result in read {
        match result {
            Ok(notice) => notices.push(notice),
            Err(path) => unread.push(path),
        }
    }
    (notices, unread)
}

/// Reads one source file and parses it.
pub fn load_one(root: &Path, source: &SourceEntry, config: &SiteConfig) -> Loaded {
    let display = display_path(root, &source.path);
    match std::fs::read(&source.path) {
        Ok(bytes) => parse_notice(&display, bytes, source.attachments.clone(), config),
        Err(e) => Loaded::failed(Diagnostic::error(
            display,
            1,
            1,
            msg!("cannot-read", kind = crate::message::io_kind(&e), error = e.to_string()),
        )),
    }
}

/// Parses the bytes of one notice file. Every place it gives (of its problems, its relations
/// and its references) is a column of the file as written, also when it was not NFC.
pub fn parse_notice(path: &str, bytes: Vec<u8>, attachments: Vec<Attachment>, config: &SiteConfig) -> Loaded {
    let source_hash = crate::hash::bytes(&bytes);
    let (text, columns) = match crate::text::decode_with_columns(path, bytes) {
        Ok(decoded) => decoded,
        Err(d) => return Loaded::failed(d),
    };
    let mut loaded = parse_text(path, text, source_hash, attachments, config);
    if let Some(columns) = columns {
        loaded.place_as_written(&columns);
    }
    loaded
}

/// [`parse_notice`] of the file's text, NFC.
fn parse_text(
    path: &str,
    mut text: String,
    source_hash: u64,
    attachments: Vec<Attachment>,
    config: &SiteConfig,
) -> Loaded {
    let removed = crate::text::remove_forbidden(path, &mut text, 1);
    let Some((yaml_text, yaml_line, body_text, body_line)) = front_matter::split(&text) else {
        // Opened but never closed: the keys are there, the line after them is not.
        let (message, help) = if text.lines().next().map(str::trim_end) == Some("---") {
            (msg!("front-matter-unclosed"), msg!("help-front-matter-unclosed"))
        } else {
            (msg!("no-front-matter"), msg!("help-no-front-matter"))
        };
        return Loaded::failed(Diagnostic::error(path, 1, 1, message).with_help(help));
    };
    let mut doc = match yaml::parse_mapping(yaml_text) {
        Ok(doc) => doc,
        Err(e) => return Loaded::failed(e.diagnostic(path, yaml_line)),
    };
    let repeated: Vec<Diagnostic> =
        std::mem::take(&mut doc.repeated_keys).into_iter().map(|e| e.diagnostic(path, yaml_line)).collect();
    let mut reader = front_matter::FrontMatter::new(path, &doc, yaml_text, yaml_line);
    let names: Vec<&str> = attachments.iter().map(|a| a.name.as_str()).collect();
    let body::Rendered { mut body, html, text: plain } =
        body::render_with_attachments(body_text, body_line, config.raw_html, &names);
    // Kept for the whole build, for every notice: without the room the lists grew into.
    body.toc.shrink_to_fit();
    body.references.get_mut().shrink_to_fit();
    let draft = reader.is_draft();
    let notice = reader.notice(body, attachments, source_hash, config);
    let mut problems = repeated;
    problems.extend(reader.problems);
    problems.extend(removed);
    if let Ok(notice) = &notice
        && notice.body.is_empty
    {
        let line = body_line.min(text.lines().count().max(1));
        problems.push(Diagnostic::warning(path, line, 1, msg!("no-body")));
    }
    match notice {
        Ok(notice) => Loaded {
            parsed: Some(Parsed { notice, html, text: plain }),
            problems,
            broken: None,
            broken_links: None,
            draft,
        },
        Err(broken) => {
            Loaded { parsed: None, problems, broken: broken.key.clone(), broken_links: Some(broken), draft }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn a_status_written_in_words_is_known_for_the_help_line() {
        for (text, expected) in [
            ("Hết hiệu lực", Some(Status::Expired)),
            ("hết hiệu lực một phần", Some(Status::PartlyExpired)),
            ("  Còn   hiệu lực ", Some(Status::InForce)),
            ("CHƯA CÓ HIỆU LỰC", Some(Status::NotYetInForce)),
            ("in force", Some(Status::InForce)),
            ("No longer in force", Some(Status::Expired)),
            ("Partly_Expired", Some(Status::PartlyExpired)),
            // Near misses: part of a name, or more than one.
            ("hiệu lực", None),
            ("hết", None),
            ("hết hiệu lực từ 2024", None),
            ("còn", None),
        ] {
            assert_eq!(Status::named(text), expected, "{text}");
        }
    }
}
