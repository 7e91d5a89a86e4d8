//! Content loading: the files under `content/` to typed [`Notice`] values.
//!
//! Owns discovery (walking `content/`, bundles and their attachments, symlinks kept inside the
//! archive), decoding (BOM, UTF-8 check, CRLF, NFC), front-matter parsing and validation of
//! every key of a notice, and rendering its Markdown body once. It knows nothing of other
//! notices: numbers are parsed here, but resolving references between notices is `archive`'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::cite::number::{self, DocNumber, System};
use crate::config::SiteConfig;
use crate::diag::{Diagnostic, display_path};
use crate::markdown::{self, Body};
use crate::yaml::{self, Map, Value};

pub const CONTENT_DIR: &str = "content";

/// The signer block: a plain name, or name, title and authority line (T/M, K/T, T/L, T/U).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Signer {
    pub name: String,
    pub title: Option<String>,
    pub authority: Option<String>,
}

/// The legal status a notice declares for itself (hiệu lực).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InForce,
    PartlyExpired,
    Expired,
    NotYetInForce,
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

    pub fn code(self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::PartlyExpired => "partly-expired",
            Status::Expired => "expired",
            Status::NotYetInForce => "not-yet-in-force",
        }
    }
}

/// The typed relations a newer notice declares towards older ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    pub written: String,
    pub number: DocNumber,
    pub year: Option<i16>,
    pub line: usize,
    pub column: usize,
}

/// A file that travels with a bundle notice (a folder holding `index.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub source: PathBuf,
    /// Path inside the bundle, with `/` separators.
    pub name: String,
    pub size: u64,
}

/// One notice, as its file says; nothing here depends on other notices.
#[derive(Debug, Clone)]
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
    pub extra: Map<String, Value>,
    pub body: Body,
    pub attachments: Vec<Attachment>,
}

impl Notice {
    pub fn key(&self) -> Option<&str> {
        self.number.as_ref().map(|n| n.key.as_str())
    }

    pub fn year(&self) -> Option<i16> {
        self.date.map(|d| d.year())
    }

    /// What lists, feeds and search show of the notice: its `summary`, else its first paragraph.
    pub fn summary_text(&self) -> &str {
        self.summary.as_deref().unwrap_or(&self.body.first_paragraph)
    }
}

/// A notice source found by discovery: its Markdown file and, for a bundle, its attachments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    pub path: PathBuf,
    pub attachments: Vec<Attachment>,
}

/// Finds the notice files under `root/content`, in a stable order.
pub fn discover(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<SourceEntry> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error(CONTENT_DIR, 1, 1, "no content folder")
                .with_help("create content/ and put one Markdown file per notice in it"),
        );
        return Vec::new();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&content).follow_links(false).sort_by_file_name();
    for entry in walker.into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(|p| display_path(root, p)).unwrap_or_else(|| CONTENT_DIR.into());
                diagnostics.push(Diagnostic::error(path, 1, 1, format!("cannot read: {e}")));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => files.push(path),
                Ok(target) if target.starts_with(&canonical_root) => {}
                Ok(_) => diagnostics.push(Diagnostic::warning(
                    display_path(root, &path),
                    1,
                    1,
                    "symbolic link leads outside the archive; skipped",
                )),
                Err(e) => diagnostics.push(Diagnostic::warning(
                    display_path(root, &path),
                    1,
                    1,
                    format!("symbolic link cannot be followed ({e}); skipped"),
                )),
            }
        } else if entry.file_type().is_file() && !is_editor_temp(entry.file_name()) {
            files.push(path);
        }
    }
    group_bundles(files)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') && n.len() > 1)
}

fn is_editor_temp(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.ends_with('~') || n.ends_with(".swp") || n.starts_with(".#"))
}

/// Folders holding `index.md` are bundles: their other files are attachments, not notices.
fn group_bundles(files: Vec<PathBuf>) -> Vec<SourceEntry> {
    let bundle_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let mut entries: BTreeMap<PathBuf, SourceEntry> = BTreeMap::new();
    let mut loose = Vec::new();
    for file in files {
        let bundle =
            bundle_dirs.iter().filter(|dir| file.starts_with(dir)).max_by_key(|dir| dir.components().count());
        match bundle {
            Some(dir) if file != dir.join("index.md") => {
                let name = display_path(dir, &file);
                let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                let index = dir.join("index.md");
                entries
                    .entry(index.clone())
                    .or_insert_with(|| SourceEntry { path: index, attachments: vec![] })
                    .attachments
                    .push(Attachment { source: file, name, size });
            }
            Some(_) => {
                entries
                    .entry(file.clone())
                    .or_insert_with(|| SourceEntry { path: file, attachments: vec![] });
            }
            None if file.extension().is_some_and(|e| e == "md") => loose.push(file),
            None => {}
        }
    }
    entries.extend(loose.into_iter().map(|p| (p.clone(), SourceEntry { path: p, attachments: vec![] })));
    entries.into_values().collect()
}

/// Reads and parses every source in parallel. Returns the notices in source order.
pub fn load_all(
    root: &Path,
    sources: &[SourceEntry],
    config: &SiteConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Notice> {
    let results: Vec<(Option<Notice>, Vec<Diagnostic>)> =
        sources.par_iter().map(|source| load_one(root, source, config)).collect();
    let mut notices = Vec::with_capacity(results.len());
    for (notice, mut problems) in results {
        diagnostics.append(&mut problems);
        notices.extend(notice);
    }
    notices
}

/// Reads one source file and parses it.
pub fn load_one(root: &Path, source: &SourceEntry, config: &SiteConfig) -> (Option<Notice>, Vec<Diagnostic>) {
    let display = display_path(root, &source.path);
    match std::fs::read(&source.path) {
        Ok(bytes) => parse_notice(&display, bytes, source.attachments.clone(), config),
        Err(e) => (None, vec![Diagnostic::error(display, 1, 1, format!("cannot read file: {e}"))]),
    }
}

/// Splits `---` front-matter from the body: (yaml, line of the yaml's first line, body, its first line).
fn split_front_matter(text: &str) -> Option<(&str, usize, &str, usize)> {
    let rest = text.strip_prefix("---")?;
    let first_newline = rest.find('\n')?;
    if !rest[..first_newline].trim().is_empty() {
        return None;
    }
    let yaml_start = 3 + first_newline + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &text[yaml_start..offset];
            let body_start = offset + line.len();
            let body_line = 2 + yaml.matches('\n').count() + 1;
            return Some((yaml, 2, &text[body_start..], body_line));
        }
        offset += line.len();
    }
    None
}

/// Parses the bytes of one notice file.
pub fn parse_notice(
    path: &str,
    bytes: Vec<u8>,
    attachments: Vec<Attachment>,
    config: &SiteConfig,
) -> (Option<Notice>, Vec<Diagnostic>) {
    let mut text = match crate::text::decode(path, bytes) {
        Ok(text) => text,
        Err(d) => return (None, vec![d]),
    };
    let removed = crate::text::remove_forbidden(path, &mut text, 1);
    let Some((yaml_text, yaml_line, body_text, body_line)) = split_front_matter(&text) else {
        return (
            None,
            vec![
                Diagnostic::error(
                    path,
                    1,
                    1,
                    "no front-matter: a notice starts with a `---` line, its keys, and another `---` line",
                )
                .with_help("start the file with ---, then number:, type:, title:, issuer:, date:, then ---"),
            ],
        );
    };
    let doc = match yaml::parse_mapping(yaml_text) {
        Ok(doc) => doc,
        Err(e) => {
            let mut d = Diagnostic::error(path, e.line + yaml_line - 1, e.column, e.message);
            d.help = e.help;
            return (None, vec![d]);
        }
    };
    let mut reader = FrontMatter { path, doc: &doc, yaml_text, yaml_line, problems: Vec::new() };
    let notice = reader.notice(body_text, body_line, attachments, config);
    let mut problems = reader.problems;
    problems.extend(removed);
    if let Some(notice) = &notice
        && notice.body.is_empty
    {
        let line = body_line.min(text.lines().count().max(1));
        problems.push(Diagnostic::warning(path, line, 1, "the notice has no body text"));
    }
    (notice, problems)
}

const KNOWN_KEYS: &[&str] = &[
    "number",
    "type",
    "title",
    "issuer",
    "parent_issuer",
    "system",
    "date",
    "place",
    "signer",
    "recipients",
    "status",
    "effective",
    "expires",
    "replaces",
    "amends",
    "repeals",
    "guides",
    "implements",
    "corrects",
    "based_on",
    "tags",
    "summary",
    "draft",
];

/// Reads typed values out of a parsed front-matter, collecting every problem.
struct FrontMatter<'a> {
    path: &'a str,
    doc: &'a yaml::Document,
    yaml_text: &'a str,
    yaml_line: usize,
    problems: Vec<Diagnostic>,
}

impl FrontMatter<'_> {
    fn notice(
        &mut self,
        body_text: &str,
        body_line: usize,
        attachments: Vec<Attachment>,
        config: &SiteConfig,
    ) -> Option<Notice> {
        self.warn_near_miss_keys();
        let draft = self.bool("draft").unwrap_or(false);
        let number = self.number();
        let explicit_type = self.string("type");
        let title = self.string("title");
        let issuer = self.string("issuer");
        let date = self.date("date");
        let system = self.system(number.as_ref());
        let required: &[&str] =
            if draft { &["title", "issuer"] } else { &["number", "date", "title", "issuer"] };
        for key in required {
            self.require(key);
        }
        let doc_type = explicit_type.or_else(|| {
            number
                .as_ref()
                .and_then(|n| n.type_code.as_deref())
                .and_then(|code| number::type_name(code, system))
                .map(str::to_string)
        });
        if doc_type.is_none() && number.is_some() {
            self.problem("number", "`type` is missing and the number's type code does not say it").help =
                Some("add a line such as `type: Thông báo`".into());
        }
        let notice = Notice {
            source_path: self.path.to_string(),
            doc_type: doc_type.unwrap_or_default(),
            title: title.unwrap_or_default(),
            issuer: issuer.unwrap_or_default(),
            parent_issuer: self.string("parent_issuer"),
            system,
            date,
            place: self.string("place").or_else(|| config.place.clone()),
            signer: self.signer(),
            recipients: self.string_list("recipients"),
            status: self.status(),
            effective: self.date("effective"),
            expires: self.date("expires"),
            relations: self.relations(),
            tags: self.string_list("tags"),
            summary: self.string("summary"),
            draft,
            extra: self.extra(),
            body: markdown::render(body_text, body_line, config.raw_html),
            attachments,
            number,
        };
        let failed = self.problems.iter().any(Diagnostic::is_error);
        (!failed).then_some(notice)
    }

    fn position(&self, key: &str) -> (usize, usize) {
        let (line, column) = self.doc.key_positions.get(key).copied().unwrap_or((0, 1));
        (line + self.yaml_line - 1, column)
    }

    fn problem(&mut self, key: &str, message: impl Into<String>) -> &mut Diagnostic {
        let (line, column) = self.position(key);
        self.problems.push(Diagnostic::error(self.path, line, column, message));
        self.problems.last_mut().expect("just pushed")
    }

    /// A required key must be written with a value; a value of the wrong type is reported
    /// where it is read, not as a missing key.
    fn require(&mut self, key: &str) {
        if matches!(self.doc.values.get(key), None | Some(Value::Null))
            || matches!(self.doc.values.get(key), Some(Value::String(s)) if s.trim().is_empty())
        {
            let d = Diagnostic::error(self.path, 1, 1, format!("missing required key `{key}`"))
                .with_help(format!("add `{key}:` to the front-matter"));
            self.problems.push(d);
        }
    }

    fn warn_near_miss_keys(&mut self) {
        let keys: Vec<String> =
            self.doc.values.keys().filter(|k| !KNOWN_KEYS.contains(&k.as_str())).cloned().collect();
        for key in keys {
            if let Some(known) = KNOWN_KEYS.iter().find(|known| strsim::osa_distance(&key, known) == 1) {
                let (line, column) = self.position(&key);
                self.problems.push(
                    Diagnostic::warning(
                        self.path,
                        line,
                        column,
                        format!("unknown key `{key}`; did you mean `{known}`?"),
                    )
                    .with_help(format!(
                        "rename it to `{known}`, or it is only passed to templates as notice.extra.{key}"
                    )),
                );
            }
        }
    }

    fn extra(&self) -> Map<String, Value> {
        self.doc
            .values
            .iter()
            .filter(|(k, _)| !KNOWN_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.doc.values.get(key)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.problem(key, format!("`{key}` must be text"));
                None
            }
        }
    }

    fn bool(&mut self, key: &str) -> Option<bool> {
        match self.doc.values.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            _ => {
                self.problem(key, format!("`{key}` must be true or false"));
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        let value = self.doc.values.get(key)?;
        let text = match value {
            Value::String(s) => s.trim(),
            Value::Null => return None,
            _ => "",
        };
        let parsed = (text.len() == 10).then(|| text.parse::<Date>().ok()).flatten();
        if parsed.is_none() {
            self.problem(key, format!("`{key}` is not a date: {}", short(value))).help =
                Some("write dates as YYYY-MM-DD, e.g. 2024-06-10".into());
        }
        parsed
    }

    fn number(&mut self) -> Option<DocNumber> {
        let text = self.string("number")?;
        let parsed = DocNumber::parse(&text);
        if parsed.is_none() {
            self.problem("number", format!("`{text}` is not a notice number")).help =
                Some("write it as printed: 45-TB/VPTU (party), 1234/QĐ-UBND or 30/2020/NĐ-CP (state)".into());
        }
        parsed
    }

    fn system(&mut self, number: Option<&DocNumber>) -> System {
        match self.string("system").as_deref() {
            Some("party") => System::Party,
            Some("state") => System::State,
            Some(other) => {
                self.problem("system", format!("`system` must be `party` or `state`, not `{other}`"));
                System::Party
            }
            None => number.map_or(System::Party, |n| n.system),
        }
    }

    fn status(&mut self) -> Status {
        let Some(text) = self.string("status") else { return Status::InForce };
        Status::parse(&text).unwrap_or_else(|| {
            self.problem("status", format!("unknown status `{text}`")).help =
                Some("use in-force, partly-expired, expired or not-yet-in-force".into());
            Status::InForce
        })
    }

    fn signer(&mut self) -> Option<Signer> {
        let text_of = |v: Option<&Value>| match v {
            Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            _ => None,
        };
        match self.doc.values.get("signer")? {
            Value::String(name) => {
                Some(Signer { name: name.trim().to_string(), title: None, authority: None })
            }
            Value::Object(map) => {
                let signer = Signer {
                    name: text_of(map.get("name")).unwrap_or_default(),
                    title: text_of(map.get("title")),
                    authority: text_of(map.get("authority")),
                };
                if signer.name.is_empty() {
                    self.problem("signer", "`signer` needs a `name`");
                }
                Some(signer)
            }
            Value::Null => None,
            _ => {
                self.problem("signer", "`signer` must be a name, or a map with name, title and authority");
                None
            }
        }
    }

    fn string_list(&mut self, key: &str) -> Vec<String> {
        match self.doc.values.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.trim().to_string()],
            Some(Value::Array(items)) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => list.push(s.trim().to_string()),
                        Value::Number(n) => list.push(n.to_string()),
                        Value::String(_) | Value::Null => {}
                        _ => {
                            self.problem(key, format!("`{key}` must be a list of text lines"));
                            return Vec::new();
                        }
                    }
                }
                list
            }
            Some(_) => {
                self.problem(key, format!("`{key}` must be a list"));
                Vec::new()
            }
        }
    }

    fn relations(&mut self) -> Vec<Relation> {
        let mut relations = Vec::new();
        for kind in RelationKind::ALL {
            let (key_line, column) = self.position(kind.key());
            let mut lines = LineFinder::new(self.yaml_text, (key_line + 1).saturating_sub(self.yaml_line));
            for written in self.string_list(kind.key()) {
                let (line, column) =
                    lines.find(&written).map_or((key_line, column), |(l, c)| (l + self.yaml_line - 1, c));
                let (number_text, year) = match written.rsplit_once('@') {
                    Some((n, y)) => (n, y.trim().parse::<i16>().ok()),
                    None => (written.as_str(), None),
                };
                match DocNumber::parse(number_text).filter(|_| !written.contains('@') || year.is_some()) {
                    Some(number) => relations.push(Relation {
                        kind,
                        written: written.clone(),
                        number,
                        year,
                        line,
                        column,
                    }),
                    None => self.problems.push(
                        Diagnostic::error(
                            self.path,
                            line,
                            column,
                            format!("`{written}` in `{}` is not a notice number", kind.key()),
                        )
                        .with_help("write a number such as 162-NQ/TU, or 162-NQ/TU@2024 for the one of 2024"),
                    ),
                }
            }
        }
        relations
    }
}

/// Finds the lines of a list's items in order: each search starts on the line of the item
/// before, so a list is found in one pass however long it is.
struct LineFinder<'t> {
    text: &'t str,
    /// Byte offset and number (from 1) of the line the next search starts on.
    offset: usize,
    line: usize,
    /// An item was not found (written with escapes, say): the rest are not looked for.
    lost: bool,
}

impl<'t> LineFinder<'t> {
    fn new(text: &'t str, first_line: usize) -> Self {
        let mut finder = LineFinder { text, offset: 0, line: 1, lost: false };
        for l in text.split_inclusive('\n').take(first_line.saturating_sub(1)) {
            finder.offset += l.len();
            finder.line += 1;
        }
        finder
    }

    /// The line and column (from 1) of `needle`, at or after the line of the last one found.
    fn find(&mut self, needle: &str) -> Option<(usize, usize)> {
        if self.lost {
            return None;
        }
        let (mut offset, mut line) = (self.offset, self.line);
        for l in self.text[self.offset..].split_inclusive('\n') {
            if let Some(at) = l.find(needle) {
                (self.offset, self.line) = (offset, line);
                return Some((line, l[..at].chars().count() + 1));
            }
            offset += l.len();
            line += 1;
        }
        self.lost = true;
        None
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 { format!("{}…", text.chars().take(40).collect::<String>()) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_are_found_on_their_lines_in_order() {
        let yaml = "a: 1\nreplaces:\n  - 1-NQ/TU\n  - 2-NQ/TU\n  - 1-NQ/TU\nb: 2\n";
        let mut lines = LineFinder::new(yaml, 3);
        assert_eq!(lines.find("1-NQ/TU"), Some((3, 5)));
        assert_eq!(lines.find("2-NQ/TU"), Some((4, 5)));
        assert_eq!(lines.find("1-NQ/TU"), Some((5, 5)));
        assert_eq!(lines.find("9-NQ/TU"), None);
        assert_eq!(lines.find("b: 2"), None, "the rest are not looked for once one is lost");
    }

    #[test]
    fn front_matter_split_counts_lines() {
        let (yaml, yaml_line, body, body_line) = split_front_matter("---\na: 1\nb: 2\n---\nbody\n").unwrap();
        assert_eq!((yaml, yaml_line, body, body_line), ("a: 1\nb: 2\n", 2, "body\n", 5));
        assert!(split_front_matter("no front matter").is_none());
        assert!(split_front_matter("---\na: 1\n").is_none());
    }
}
