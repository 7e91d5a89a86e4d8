//! Front-matter: the YAML between the `---` lines, read into typed values.
//!
//! Owns the keys of a notice (the known keys are the ones listed here and the relation keys of
//! [`RelationKind`]), their types, their required presence, and the positions problems are
//! reported at. The body is rendered by `body`; relations to other notices are resolved by
//! `archive`.

use jiff::civil::Date;

use super::{Attachment, Notice, Relation, RelationKind, Signer, Status, body::Body};
use crate::cite::number::{self, DocNumber, System};
use crate::config::SiteConfig;
use crate::diag::Diagnostic;
use crate::yaml::{self, Map, Value};

/// Splits `---` front-matter from the body: (yaml, line of the yaml's first line, body, its first line).
pub(super) fn split(text: &str) -> Option<(&str, usize, &str, usize)> {
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

/// The keys of a notice besides its relations (see [`RelationKind::key`]).
const KEYS: &[&str] = &[
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
    "tags",
    "summary",
    "draft",
];

/// Every key a notice may have: [`KEYS`] and the relation keys.
fn known_keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().copied().chain(RelationKind::ALL.iter().map(|kind| kind.key()))
}

fn is_known_key(key: &str) -> bool {
    known_keys().any(|known| known == key)
}

/// Reads typed values out of a parsed front-matter, collecting every problem.
pub(super) struct FrontMatter<'a> {
    path: &'a str,
    doc: &'a yaml::Document,
    yaml_text: &'a str,
    yaml_line: usize,
    pub(super) problems: Vec<Diagnostic>,
}

impl<'a> FrontMatter<'a> {
    pub(super) fn new(path: &'a str, doc: &'a yaml::Document, yaml_text: &'a str, yaml_line: usize) -> Self {
        FrontMatter { path, doc, yaml_text, yaml_line, problems: Vec::new() }
    }

    /// The notice the front-matter describes, with its body; `None` when a key has an error.
    pub(super) fn notice(
        &mut self,
        body: Body,
        attachments: Vec<Attachment>,
        source_hash: u64,
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
            body,
            attachments,
            source_hash,
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
        let keys: Vec<String> = self.doc.values.keys().filter(|k| !is_known_key(k)).cloned().collect();
        for key in keys {
            if let Some(known) = known_keys().find(|known| strsim::osa_distance(&key, known) == 1) {
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
            .filter(|(k, _)| !is_known_key(k))
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
                let (target, part) = split_part(&written);
                let (number_text, year) = match target.rsplit_once('@') {
                    Some((n, y)) => (n, y.trim().parse::<i16>().ok()),
                    None => (target, None),
                };
                match DocNumber::parse(number_text).filter(|_| !target.contains('@') || year.is_some()) {
                    Some(number) => relations.push(Relation {
                        kind,
                        written: target.to_string(),
                        number,
                        year,
                        part: part.map(str::to_string),
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
                        .with_help(
                            "write a number such as 162-NQ/TU, 162-NQ/TU@2024 for the one of 2024, \
                             or 162-NQ/TU (Điều 3) for a part of it",
                        ),
                    ),
                }
            }
        }
        relations
    }
}

/// A relation target and the part of it the relation concerns, if it names one:
/// `162-NQ/TU@2024 (Điều 3, khoản 2 Điều 5)`.
fn split_part(written: &str) -> (&str, Option<&str>) {
    let written = written.trim();
    match written.strip_suffix(')').and_then(|w| w.split_once('(')) {
        Some((target, part)) if !part.trim().is_empty() && !part.contains('(') => {
            (target.trim(), Some(part.trim()))
        }
        _ => (written, None),
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
        let (yaml, yaml_line, body, body_line) = split("---\na: 1\nb: 2\n---\nbody\n").unwrap();
        assert_eq!((yaml, yaml_line, body, body_line), ("a: 1\nb: 2\n", 2, "body\n", 5));
        assert!(split("no front matter").is_none());
        assert!(split("---\na: 1\n").is_none());
    }
}
