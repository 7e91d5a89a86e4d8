//! Front-matter: the YAML between the `---` lines, read into typed values.
//!
//! Owns the keys of a notice (the known keys are the ones listed here and the relation keys of
//! [`RelationKind`]), their types, their required presence, and the positions problems are
//! reported at. The body is rendered by `body`; relations to other notices are resolved by
//! `archive`.

use jiff::civil::Date;

use super::{Attachment, KeyLines, Notice, Relation, RelationKind, Signer, Status, body::Body};
use crate::cite::number::{self, DocNumber, System};
use crate::config::SiteConfig;
use crate::diag::Diagnostic;
use crate::message::Message;
use crate::msg;
use crate::yaml::{self, Map, Value};

/// The day of this run, packed as `year << 16 | month << 8 | day`, 0 until it is first taken:
/// read by every page that shows a status, so a plain load, not a lock.
static TODAY: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The day of this run: the day `SOURCE_DATE_EPOCH` falls on (in UTC) when it is set, as
/// reproducible builds set it, else today on this machine's clock and time zone. Taken once,
/// then again only by [`take_today_again`].
pub fn today() -> Date {
    let packed = TODAY.load(std::sync::atomic::Ordering::Relaxed);
    let unpacked = Date::new((packed >> 16) as i16, (packed >> 8 & 0xFF) as i8, (packed & 0xFF) as i8);
    match unpacked {
        Ok(day) if packed != 0 => day,
        _ => take_today_again(),
    }
}

/// Takes the day again: a preview left running past midnight does at each rebuild.
pub fn take_today_again() -> Date {
    let day = day_of_source_date_epoch().ok().flatten().unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let packed = (day.year() as u32) << 16 | (day.month() as u32) << 8 | day.day() as u32;
    TODAY.store(packed, std::sync::atomic::Ordering::Relaxed);
    day
}

/// The day `SOURCE_DATE_EPOCH` falls on, if it is set; an error if it is not a whole number of
/// seconds since 1970 (a build given a day it cannot read refuses to guess).
pub fn day_of_source_date_epoch() -> anyhow::Result<Option<Date>> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    let text = value.to_string_lossy();
    let day = text.trim().parse::<i64>().ok().and_then(|seconds| jiff::Timestamp::from_second(seconds).ok());
    match day {
        Some(at) => Ok(Some(at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())),
        None => crate::fail!(
            msg!("bad-source-date-epoch", value = text.to_string()),
            msg!("help-bad-source-date-epoch")
        ),
    }
}

/// Whether a problem found reading a notice on an earlier day no longer holds today: a date
/// that was after that day but is not after today. A notice file read once and kept is not
/// read again for this.
pub fn outdated(problem: &Diagnostic) -> bool {
    problem.message.id() == "date-in-future"
        && problem.message.text_arg("date").and_then(|d| d.parse::<Date>().ok()).is_some_and(|d| d <= today())
}

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

/// Notices dated before this year are taken for a slip of the keyboard.
const EARLIEST_YEAR: i16 = 1900;

/// Other names clerks give the keys, each with the key meant: only names no theme would use
/// for a value of its own (those are allowed, and kept as `extra`).
const KEY_ALIASES: &[(&str, &str)] = &[
    ("expiry", "expires"),
    ("expiry_date", "expires"),
    ("expires_on", "expires"),
    ("effective_date", "effective"),
    ("effective_from", "effective"),
    ("issue_date", "date"),
    ("date_issued", "date"),
    ("signed_by", "signer"),
    ("signatory", "signer"),
    ("supersedes", "replaces"),
    ("valid_until", "expires"),
    ("valid_from", "effective"),
    ("doc_type", "type"),
];

/// The known key an unknown `key` most likely means: the same written otherwise
/// (`basedOn`, `Replaces`), another name for it, or a key one edit away.
fn key_meant(key: &str) -> Option<&'static str> {
    let written = snake_case(key);
    known_keys()
        .find(|known| *known == written)
        .or_else(|| KEY_ALIASES.iter().find(|(alias, _)| *alias == written).map(|(_, known)| *known))
        .or_else(|| known_keys().find(|known| strsim::osa_distance(key, known) == 1))
}

/// The relation a key written on the older notice means: a passive key however written
/// (`replaced_by`, `replacedBy`, `replaced-by`), or a past participle (`replaced`,
/// `superseded_by`).
fn passive_relation(key: &str) -> Option<RelationKind> {
    let written = snake_case(key);
    RelationKind::ALL
        .into_iter()
        .find(|kind| kind.passive_key() == written)
        .or_else(|| PASSIVE_ALIASES.iter().find(|(alias, _)| *alias == written).map(|(_, kind)| *kind))
}

/// Other ways to write a relation from the older notice.
const PASSIVE_ALIASES: &[(&str, RelationKind)] = &[
    ("replaced", RelationKind::Replaces),
    ("superseded_by", RelationKind::Replaces),
    ("amended", RelationKind::Amends),
    ("repealed", RelationKind::Repeals),
];

/// A key in small letters with `_` between its words: `replacedBy`, `Replaced-By` →
/// `replaced_by`.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    let mut previous: Option<char> = None;
    for c in key.trim().chars() {
        match c {
            '-' | ' ' => out.push('_'),
            c if c.is_uppercase() && previous.is_some_and(char::is_lowercase) => {
                out.push('_');
                out.extend(c.to_lowercase());
            }
            c => out.extend(c.to_lowercase()),
        }
        previous = Some(c);
    }
    out
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

    /// The notice the front-matter describes, with its body. When a key has an error, there is
    /// no notice: the error is what it still tells (see [`super::BrokenNotice`]), the key of its
    /// number if it could be read among it, so that notices citing it can say why it is missing
    /// (a draft's, when drafts are built).
    pub(super) fn notice(
        &mut self,
        body: Body,
        attachments: Vec<Attachment>,
        source_hash: u64,
        config: &SiteConfig,
    ) -> Result<Notice, std::sync::Arc<super::BrokenNotice>> {
        let draft = self.bool("draft").unwrap_or(false);
        self.check_unknown_keys(draft);
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
            self.problem("number", msg!("type-missing")).help = Some(Box::new(msg!("help-type-missing")));
        }
        if let (Some(written), Some(number)) = (doc_type.as_deref(), number.as_ref()) {
            self.check_type_against_code(written, number, system);
        }
        if let Some(date) = date.filter(|_| !draft) {
            self.check_not_in_future("date", date);
            self.check_year(date, number.as_ref());
        }
        if !draft && !self.doc.values.contains_key("signer") {
            self.problems.push(
                Diagnostic::warning(self.path, 1, 1, msg!("signer-missing"))
                    .with_help(msg!("help-signer-missing")),
            );
        }
        let (effective, expires) = (self.date("effective"), self.date("expires"));
        self.check_expires_after(effective, expires);
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
            effective,
            expires,
            relations: self.relations(),
            tags: self.tags(),
            summary: self.string("summary"),
            draft,
            lines: KeyLines {
                number: self.line_of("number"),
                issuer: self.line_of("issuer"),
                signer: self.line_of("signer"),
                effective: self.line_of("effective"),
                expires: self.line_of("expires"),
            },
            extra: self.extra(),
            body,
            attachments,
            source_hash,
            number,
        };
        if self.problems.iter().any(Diagnostic::is_error) {
            let explicit: Vec<_> = notice
                .body
                .references
                .into_inner()
                .into_iter()
                .filter(|r| r.origin == super::body::RefOrigin::Explicit)
                .collect();
            return Err(std::sync::Arc::new(super::BrokenNotice {
                source_path: notice.source_path,
                date: notice.date,
                links: explicit,
                relations: notice.relations,
                written: notice.number.as_ref().map(|n| n.written.clone()),
                key: notice.number.map(|n| n.key),
                doc_type: notice.doc_type,
                number_line: notice.lines.number,
            }));
        }
        Ok(notice)
    }

    /// The line of a key, or the file's first line when the key is not written.
    fn line_of(&self, key: &str) -> u32 {
        match self.doc.key_positions.get(key) {
            Some(&(line, _)) => u32::try_from(line + self.yaml_line - 1).unwrap_or(1),
            None => 1,
        }
    }

    fn position(&self, key: &str) -> (usize, usize) {
        let (line, column) = self.doc.key_positions.get(key).copied().unwrap_or((0, 1));
        (line + self.yaml_line - 1, column)
    }

    fn problem(&mut self, key: &str, message: Message) -> &mut Diagnostic {
        let (line, column) = self.position(key);
        self.problems.push(Diagnostic::error(self.path, line, column, message));
        self.problems.last_mut().expect("just pushed")
    }

    /// A required key must be written with a value; a value of the wrong type is reported
    /// where it is read, not as a missing key.
    fn require(&mut self, key: &str) {
        let value = self.doc.values.get(key);
        let blank = matches!(value, None | Some(Value::Null))
            || matches!(value, Some(Value::String(s)) if tidy(s).is_empty());
        if !blank {
            return;
        }
        // A key written without a value is said where it is written.
        let d = if self.doc.key_positions.contains_key(key) {
            let (line, column) = self.position(key);
            Diagnostic::error(self.path, line, column, msg!("blank-key", key = key))
                .with_help(msg!("help-blank-key", key = key))
        } else {
            Diagnostic::error(self.path, 1, 1, msg!("missing-key", key = key))
                .with_help(msg!("help-missing-key", key = key))
        };
        self.problems.push(d);
    }

    /// A key one edit away from a known key, or another name for one (`expiry` for
    /// `expires`), is a misspelling that would publish the notice without that value; a
    /// relation written from its other end (`replaced_by`) would be lost the same way. Errors
    /// on a published notice, warnings on a draft.
    fn check_unknown_keys(&mut self, draft: bool) {
        let keys: Vec<String> = self.doc.values.keys().filter(|k| !is_known_key(k)).cloned().collect();
        for key in keys {
            let (message, help) = if let Some(kind) = passive_relation(&key) {
                (
                    msg!("key-passive-relation", key = &key, active = kind.key()),
                    msg!("help-key-passive-relation", key = &key, active = kind.key()),
                )
            } else if let Some(known) = key_meant(&key) {
                // Renamed, it would be written twice: the value is one of two to keep.
                let help = if self.doc.values.contains_key(known) {
                    msg!("help-key-near-miss-present", key = &key, known = known)
                } else {
                    msg!("help-key-near-miss", key = &key, known = known)
                };
                (msg!("key-near-miss", key = &key, known = known), help)
            } else {
                continue;
            };
            let (line, column) = self.position(&key);
            let problem = if draft {
                Diagnostic::warning(self.path, line, column, message)
            } else {
                Diagnostic::error(self.path, line, column, message)
            };
            self.problems.push(problem.with_help(help));
        }
    }

    /// `type: Nghị quyết` on `80-TB/VPTU` contradicts the number's code.
    fn check_type_against_code(&mut self, written: &str, number: &DocNumber, system: System) {
        let Some(code) = number.type_code.as_deref() else { return };
        let allowed = number::types_of_code(code, system);
        if allowed.is_empty() || allowed.iter().any(|name| number::is_type(name, written)) {
            return;
        }
        let names = allowed.join(" / ");
        self.problem(
            "type",
            msg!(
                "type-contradicts-code",
                written = written,
                number = &number.written,
                code = code,
                allowed = names.as_str()
            ),
        )
        .help = Some(Box::new(msg!("help-type-contradicts-code", allowed = names.as_str())));
    }

    /// A year before any notice an archive holds (`0024` for `2024`), or another than the one
    /// the number carries (`30/2020/NĐ-CP` dated 2024): a slip of the keyboard, most likely.
    fn check_year(&mut self, date: Date, number: Option<&DocNumber>) {
        let year = date.year();
        let (key, message, help) = if year < EARLIEST_YEAR {
            (
                "date",
                msg!("date-too-early", year = year),
                msg!("help-date-too-early", earliest = EARLIEST_YEAR),
            )
        } else if let Some(number) = number.filter(|n| n.year.is_some_and(|y| y != year)) {
            let number_year = number.year.unwrap_or_default();
            (
                "number",
                msg!(
                    "number-year-differs",
                    number = number.written.as_str(),
                    number_year = number_year,
                    year = year
                ),
                msg!("help-number-year-differs"),
            )
        } else {
            return;
        };
        let (line, column) = self.position(key);
        self.problems.push(Diagnostic::warning(self.path, line, column, message).with_help(help));
    }

    /// A notice that would end its effect before it begins: one of the two dates is mistyped,
    /// and its history would read backwards.
    fn check_expires_after(&mut self, effective: Option<Date>, expires: Option<Date>) {
        let (Some(effective), Some(expires)) = (effective, expires) else { return };
        if expires >= effective {
            return;
        }
        let (line, column) = self.position("expires");
        self.problems.push(
            Diagnostic::warning(
                self.path,
                line,
                column,
                msg!(
                    "expires-before-effective",
                    expires = expires.to_string(),
                    effective = effective.to_string()
                ),
            )
            .with_help(msg!("help-expires-before-effective")),
        );
    }

    /// A notice dated after today: a typing slip, most often of the year. The only problem of
    /// a notice that depends on the day: see [`outdated`].
    fn check_not_in_future(&mut self, key: &str, date: Date) {
        if date > today() {
            let (line, column) = self.position(key);
            self.problems.push(
                Diagnostic::warning(
                    self.path,
                    line,
                    column,
                    msg!("date-in-future", key = key, date = date.to_string()),
                )
                .with_help(msg!("help-date-in-future")),
            );
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
            Value::String(s) => Some(tidy(s)).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.problem(key, msg!("key-must-be-text", key = key));
                None
            }
        }
    }

    /// Whether the front-matter says `draft: true` (a value of another kind says nothing).
    pub(super) fn is_draft(&self) -> bool {
        matches!(self.doc.values.get("draft"), Some(Value::Bool(true)))
    }

    fn bool(&mut self, key: &str) -> Option<bool> {
        match self.doc.values.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            _ => {
                self.problem(key, msg!("key-must-be-bool", key = key));
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        let value = self.doc.values.get(key)?;
        // Characters that show nothing, pasted with a date, would make one that looks right
        // on screen an error.
        let text = match value {
            Value::String(s) => tidy(s),
            Value::Null => return None,
            _ => String::new(),
        };
        let text = text.as_str();
        let parsed = (text.len() == 10).then(|| text.parse::<Date>().ok()).flatten();
        if parsed.is_none() {
            // Copied from the notice's date line (`Sơn Hà, ngày 5 tháng 3 năm 2026`): its date,
            // and its place for `place:`.
            let line = super::date_line::read(&text.split_whitespace().collect::<Vec<_>>().join(" "));
            let help = match (written_date(text), line) {
                (Some(date), _) => msg!("help-date-format", written = text, iso = date.to_string()),
                (None, Some(super::date_line::DateLine { date: Some(date), place: Some(place), .. })) => {
                    msg!("help-date-line-with-place", iso = date.to_string(), place = place)
                }
                (None, Some(super::date_line::DateLine { date: Some(date), .. })) => {
                    msg!("help-date-format", written = text, iso = date.to_string())
                }
                _ => msg!("help-date-format-example"),
            };
            self.problem(key, msg!("not-a-date", key = key, value = short(value))).help =
                Some(Box::new(help));
        }
        parsed
    }

    fn number(&mut self) -> Option<DocNumber> {
        let text = self.string("number")?;
        let parsed = DocNumber::parse(&text);
        if parsed.is_none() {
            self.problem("number", msg!("not-a-number", text = &text)).help =
                Some(Box::new(msg!("help-not-a-number")));
        }
        parsed
    }

    fn system(&mut self, number: Option<&DocNumber>) -> System {
        match self.string("system").as_deref() {
            Some("party") => System::Party,
            Some("state") => System::State,
            Some(other) => {
                self.problem("system", msg!("bad-system", value = other));
                System::Party
            }
            None => number.map_or(System::Party, |n| n.system),
        }
    }

    fn status(&mut self) -> Status {
        let Some(text) = self.string("status") else { return Status::InForce };
        Status::parse(&text).unwrap_or_else(|| {
            let help = match Status::named(&text) {
                Some(status) => msg!("help-bad-status-named", value = &text, code = status.code()),
                None => msg!("help-bad-status"),
            };
            self.problem("status", msg!("bad-status", value = &text)).help = Some(Box::new(help));
            Status::InForce
        })
    }

    fn signer(&mut self) -> Option<Signer> {
        let text_of = |v: Option<&Value>| match v {
            Some(Value::String(s)) => Some(tidy(s)).filter(|s| !s.is_empty()),
            _ => None,
        };
        match self.doc.values.get("signer")? {
            Value::String(name) => {
                let name = self.index_name("signer", tidy(name));
                Some(Signer { name, title: None, authority: None })
            }
            Value::Object(map) => {
                let name = text_of(map.get("name")).unwrap_or_default();
                let signer = Signer {
                    name: self.index_name("signer", name),
                    title: text_of(map.get("title")),
                    authority: text_of(map.get("authority")),
                };
                if signer.name.is_empty() {
                    self.problem("signer", msg!("signer-needs-name"));
                }
                Some(signer)
            }
            Value::Null => None,
            _ => {
                self.problem("signer", msg!("signer-bad-shape"));
                None
            }
        }
    }

    /// The tags. One text holding commas (`tags: chuyển đổi số, cải cách`) is one tag, as YAML
    /// reads it, but hardly what was meant: a warning shows the list it would be.
    fn tags(&mut self) -> Vec<String> {
        let tags: Vec<String> =
            self.string_list("tags").into_iter().map(|tag| self.index_name("tags", tag)).collect();
        if let Some(Value::String(text)) = self.doc.values.get("tags")
            && text.contains(',')
        {
            let list: Vec<&str> = text.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
            let (line, column) = self.position("tags");
            let warning =
                Diagnostic::warning(self.path, line, column, msg!("tags-one-text", text = tidy(text)))
                    .with_help(msg!("help-tags-one-text", list = list.join(", ")));
            self.problems.push(warning);
        }
        tags
    }

    /// A name an index lists (a signer, a tag) without the quotes around it or the stop after
    /// it that text pasted from Word brings (`“Nguyễn Văn An”`, `chuyển đổi số.`), which would
    /// make it a value of its own: left out, with a warning.
    fn index_name(&mut self, key: &str, written: String) -> String {
        const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»', '„'];
        // A stop after a name of several words; one word with a stop is an abbreviation (`Tp.`).
        let stops = |s: &str| match s.trim() {
            t if t.contains(' ') => t.trim_end_matches(['.', ',', ';', ':']).trim_end().to_string(),
            t => t.to_string(),
        };
        // Quotes around the whole name only: none inside (`“số hóa” hồ sơ` and `“Ba công khai”
        // và “Bốn không”` are names with quotes).
        let wrapped = |s: &str| {
            let inner = s.strip_prefix(QUOTES)?.strip_suffix(QUOTES)?;
            (!inner.contains(QUOTES)).then(|| inner.to_string())
        };
        let mut name = stops(&written);
        while let Some(inner) = wrapped(&name) {
            name = stops(&inner);
        }
        if name == written || name.is_empty() {
            return written;
        }
        let (line, column) = self.position(key);
        let message = msg!("index-name-marks", key = key, written = written.as_str(), name = name.as_str());
        self.problems.push(
            Diagnostic::warning(self.path, line, column, message)
                .with_help(msg!("help-index-name-marks", name = name.as_str())),
        );
        name
    }

    fn string_list(&mut self, key: &str) -> Vec<String> {
        match self.doc.values.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![tidy(s)],
            Some(Value::Array(items)) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => list.extend(Some(tidy(s)).filter(|s| !s.is_empty())),
                        Value::Number(n) => list.push(n.to_string()),
                        Value::Null => {}
                        _ => {
                            self.problem(key, msg!("key-must-be-text-list", key = key));
                            return Vec::new();
                        }
                    }
                }
                list
            }
            Some(_) => {
                self.problem(key, msg!("key-must-be-list", key = key));
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
                            msg!("relation-not-a-number", written = &written, key = kind.key()),
                        )
                        .with_help(msg!("help-relation-not-a-number")),
                    ),
                }
            }
        }
        relations
    }
}

/// A text value as it is meant: no characters that show nothing (zero-width spaces and
/// joiners, a byte order mark pasted in), and every run of spaces, non-breaking ones and line
/// breaks among them, one space. Two spellings that look alike on screen are one name, in
/// indexes above all.
fn tidy(text: &str) -> String {
    const INVISIBLE: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
    let visible: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Finds the lines of a list's items in order: each search starts just after the item before,
/// so a list is found in one pass however long it is, also a flow list on one line
/// (`[11-NQ/TU, 1-NQ/TU]`: the second is not found inside the first).
struct LineFinder<'t> {
    text: &'t str,
    /// Byte offset where the next search starts, the number (from 1) of its line, and the
    /// characters of that line before it.
    offset: usize,
    line: usize,
    column: usize,
    /// An item was not found (written with escapes, say): the rest are not looked for.
    lost: bool,
}

impl<'t> LineFinder<'t> {
    fn new(text: &'t str, first_line: usize) -> Self {
        let mut finder = LineFinder { text, offset: 0, line: 1, column: 0, lost: false };
        for l in text.split_inclusive('\n').take(first_line.saturating_sub(1)) {
            finder.offset += l.len();
            finder.line += 1;
        }
        finder
    }

    /// The line and column (from 1) of `needle` (one line of text), after the last one found.
    /// Only the text up to it is read, so a list of any length is placed in one pass.
    fn find(&mut self, needle: &str) -> Option<(usize, usize)> {
        if self.lost {
            return None;
        }
        let Some(at) = self.text[self.offset..].find(needle).map(|at| self.offset + at) else {
            self.lost = true;
            return None;
        };
        let before = &self.text[self.offset..at];
        let column = match before.rfind('\n') {
            Some(end) => {
                self.line += before.bytes().filter(|&b| b == b'\n').count();
                before[end + 1..].chars().count()
            }
            None => self.column + before.chars().count(),
        };
        self.offset = at + needle.len();
        self.column = column + needle.chars().count();
        Some((self.line, column + 1))
    }
}

/// A date written otherwise than YYYY-MM-DD that can mean one day only: day first
/// (`12/9/2024`, `12-9-2024`, `12.9.2024`), as officials write them, or year first without
/// its zeros (`2024-9-12`, `2024/9/12`).
fn written_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [first, month, last] = parts.as_slice() else { return None };
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        s.parse::<i16>().ok().filter(|_| digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let (day, year) = if first.len() == 4 { (last, first) } else { (first, last) };
    let (day, month, year) = (number(day, 1..=2)?, number(month, 1..=2)?, number(year, 4..=4)?);
    Date::new(year, month as i8, day as i8).ok()
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 { format!("{}…", text.chars().take(40).collect::<String>()) } else { text }
}
#[cfg(test)]
mod tests;
