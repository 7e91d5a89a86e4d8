//! Every problem `gazette import` tells a user of, in one place: the problems an import can
//! meet and the catalogue message of each (`import-…` in `locales/vi.ftl` and `locales/en.ftl`,
//! Vietnamese by default, English with `language: en`).
//!
//! Owns which message each problem is. Deciding that something is a problem belongs to the modules that find it;
//! printing, to the command line.

use std::fmt;

use crate::config::Language;
use crate::message::Message;
use crate::msg;

/// A front-matter field the layout may fail to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Number,
    Date,
    Place,
    Type,
    Title,
    Issuer,
    Signer,
    Recipients,
}

impl Field {
    /// The front-matter key.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Date => "date",
            Field::Place => "place",
            Field::Type => "type",
            Field::Title => "title",
            Field::Issuer => "issuer",
            Field::Signer => "signer",
            Field::Recipients => "recipients",
        }
    }

    /// What the field is called on paper.
    fn paper_name(self) -> Message {
        match self {
            Field::Number => msg!("import-field-number"),
            Field::Date => msg!("import-field-date"),
            Field::Place => msg!("import-field-place"),
            Field::Type => msg!("import-field-type"),
            Field::Title => msg!("import-field-title"),
            Field::Issuer => msg!("import-field-issuer"),
            Field::Signer => msg!("import-field-signer"),
            Field::Recipients => msg!("import-field-recipients"),
        }
    }

    /// The YAML comment written after an empty field.
    pub(crate) fn comment(self, language: Language) -> String {
        msg!("import-field-comment", field = self.paper_name().text(language)).text(language)
    }
}

/// A problem of one import: errors stop it and nothing is written; warnings only inform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    // Errors about the input file.
    CannotRead(String),
    NotWord,
    OleFile,
    EncryptedEntry,
    Corrupt(String),
    TooLarge { limit_mib: u64 },
    TooManyEntries { limit: usize },
    TooDeep,
    BadXml { part: String, detail: String },
    LegacyFont { font: Option<String> },
    // Errors about the command.
    NoDocxInFolder,
    OverrideNeedsOneFile,
    BadNumber(String),
    BadDate(String),
    Exists(String),
    SamePath { path: String, other: String },
    NumberTaken { number: String, other: String },
    CannotWrite { path: String, detail: String },
    // Warnings.
    NotFound(Field),
    // The date line's date, written in full, is not in the calendar.
    ImpossibleDate(String),
    WouldReplace(String),
    NumbersUnknown { count: usize },
    LeftOut { pictures: usize, link_addresses: usize },
    WillFail(String),
    MergedCells { table: usize },
    ImportedAsDraft,
}

impl Problem {
    pub(crate) fn is_warning(&self) -> bool {
        matches!(
            self,
            Problem::NotFound(_)
                | Problem::ImpossibleDate(_)
                | Problem::MergedCells { .. }
                | Problem::ImportedAsDraft
                | Problem::WouldReplace(_)
                | Problem::NumbersUnknown { .. }
                | Problem::LeftOut { .. }
                | Problem::WillFail(_)
        )
    }

    /// The message in the archive's language.
    pub(crate) fn text(&self, language: Language) -> String {
        self.message(language).text(language)
    }

    /// The message: which words say it is the catalogues' (`locales/*.ftl`, `import-…`).
    fn message(&self, language: Language) -> Message {
        match self {
            Problem::CannotRead(detail) => msg!("import-cannot-read", detail = detail),
            Problem::NotWord => msg!("import-not-word"),
            Problem::OleFile => msg!("import-ole-file"),
            Problem::EncryptedEntry => msg!("import-encrypted-entry"),
            Problem::Corrupt(detail) => msg!("import-corrupt", detail = detail),
            Problem::TooLarge { limit_mib } => msg!("import-too-large", limit = *limit_mib),
            Problem::TooManyEntries { limit } => msg!("import-too-many-entries", limit = *limit),
            Problem::TooDeep => msg!("import-too-deep"),
            Problem::BadXml { part, detail } => msg!("import-bad-xml", part = part, detail = detail),
            Problem::LegacyFont { font } => {
                let named = font.as_ref().map(|f| msg!("import-legacy-font-name", font = f).text(language));
                msg!("import-legacy-font", font = named.unwrap_or_default())
            }
            Problem::NoDocxInFolder => msg!("import-no-docx"),
            Problem::OverrideNeedsOneFile => msg!("import-override-one-file"),
            Problem::BadNumber(text) => msg!("import-bad-number", text = text),
            Problem::BadDate(text) => msg!("import-bad-date", text = text),
            Problem::Exists(path) => msg!("import-exists", path = path),
            Problem::SamePath { path, other } => msg!("import-same-path", path = path, other = other),
            Problem::NumberTaken { number, other } => {
                msg!("import-number-taken", number = number, other = other)
            }
            Problem::CannotWrite { path, detail } => {
                msg!("import-cannot-write", path = path, detail = detail)
            }
            Problem::NotFound(field) => {
                msg!("import-not-found", key = field.key(), field = field.paper_name().text(language))
            }
            Problem::ImpossibleDate(written) => msg!("import-impossible-date", written = written),
            Problem::MergedCells { table } => msg!("import-merged-cells", table = *table),
            Problem::WouldReplace(path) => msg!("import-would-replace", path = path),
            Problem::NumbersUnknown { count } => msg!("import-numbers-unknown", count = *count),
            Problem::LeftOut { pictures, link_addresses } => {
                msg!("import-left-out", pictures = *pictures, links = *link_addresses)
            }
            Problem::WillFail(problem) => msg!("import-will-fail", problem = problem),
            Problem::ImportedAsDraft => msg!("import-as-draft"),
        }
    }
}

/// A problem with the file it is about, printed as `warning: FILE: message` or `error: FILE:
/// message`, the label in the archive's language too (`cảnh báo`, `lỗi`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub(crate) file: String,
    pub(crate) problem: Problem,
    pub(crate) language: Language,
}

impl Report {
    pub fn is_warning(&self) -> bool {
        self.problem.is_warning()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = if self.is_warning() { "label-warning" } else { "label-error" };
        let label = crate::message::text(self.language, label);
        write!(f, "{label}: {}: {}", self.file, self.problem.text(self.language))
    }
}
