//! `gazette import`: signed Word notices (`.docx`) in, Markdown notices under `content/` out.
//!
//! Owns the command: which files to read (files and folders), the overrides (`--number`,
//! `--date`), choosing each front-matter value from what the layout found and the archive's
//! `site.yaml`, the path (the one `gazette new` would choose), and writing: all or nothing,
//! never over an existing file without `--force`. Reading Word is `docx`, finding the fields is
//! `layout`, writing Markdown is `markdown`, and every message is in `problem`.

mod docx;
mod layout;
mod markdown;
mod problem;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use crate::cite::number::{self, DocNumber};
use crate::config::{Language, SiteConfig};
use crate::content::{self, Notice};
use layout::Fields;
use markdown::FrontMatter;
pub use problem::Report;
use problem::{Field, Problem};

/// What to import, and how.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub root: PathBuf,
    /// `.docx` files, and folders whose `.docx` files are all imported.
    pub inputs: Vec<PathBuf>,
    /// The number to use instead of the document's (one file only).
    pub number: Option<String>,
    /// The date to use instead of the document's, `YYYY-MM-DD` (one file only).
    pub date: Option<String>,
    pub dry_run: bool,
    pub force: bool,
}

/// What an import did: problems found, files written, and the text `--dry-run` prints.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    pub reports: Vec<Report>,
    pub written: Vec<PathBuf>,
    pub printed: String,
}

impl ImportOutcome {
    pub fn failed(&self) -> bool {
        self.reports.iter().any(|r| !r.is_warning())
    }
}

/// One converted document: the notice's text, where it goes, and the warnings.
#[derive(Debug)]
pub struct Converted {
    pub text: String,
    pub path: PathBuf,
    pub warnings: Vec<Report>,
    /// What no other notice of the archive may share (see [`Notice::identity`]): the key of
    /// the number, the type and the year, as the written text reads; `None` without a number.
    pub identity: Option<(String, String, Option<i16>)>,
}

/// What every document of one run shares.
#[derive(Debug, Clone)]
pub struct Settings {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub number: Option<DocNumber>,
    pub date: Option<Date>,
    /// The year of a notice whose document gives none.
    pub this_year: i16,
    /// Each issuer code (in capitals) with the issuer's name as its latest notice in the
    /// archive writes it: an imported notice is indexed with them.
    pub issuer_names: BTreeMap<String, String>,
}

impl Settings {
    /// The settings of the archive at `root`, with no overrides.
    pub fn for_archive(root: &Path) -> Settings {
        Settings {
            root: root.to_path_buf(),
            config: SiteConfig::load(root, &mut Vec::new()),
            number: None,
            date: None,
            this_year: crate::content::today().year(),
            issuer_names: BTreeMap::new(),
        }
    }

    /// Learns the issuers' names from the archive's notices.
    fn learn_issuers(&mut self, archive: &[Notice]) {
        let mut latest: HashMap<String, &Notice> = HashMap::new();
        for notice in archive {
            let Some(number) = &notice.number else { continue };
            let slot = latest.entry(number.issuer_code.to_uppercase()).or_insert(notice);
            if (notice.date, &notice.source_path) > (slot.date, &slot.source_path) {
                *slot = notice;
            }
        }
        self.issuer_names = latest.into_iter().map(|(code, n)| (code, n.issuer.clone())).collect();
    }

    fn language(&self) -> Language {
        self.config.language
    }
}

/// Runs an import: converts every file, then writes them all, or nothing when any failed.
pub fn run(options: &ImportOptions) -> ImportOutcome {
    let mut settings = Settings::for_archive(&options.root);
    let language = settings.language();
    let mut outcome = ImportOutcome::default();
    let report = |file: &str, problem| Report { file: file.to_string(), problem, language };
    let files = match expand_inputs(&options.inputs) {
        Ok(files) => files,
        Err((file, problem)) => {
            outcome.reports.push(report(&file, problem));
            return outcome;
        }
    };
    if (options.number.is_some() || options.date.is_some()) && files.len() != 1 {
        outcome.reports.push(report("gazette import", Problem::OverrideNeedsOneFile));
        return outcome;
    }
    if let Some(text) = &options.number {
        match DocNumber::parse(text) {
            Some(n) => settings.number = Some(n),
            None => outcome.reports.push(report("--number", Problem::BadNumber(text.clone()))),
        }
    }
    if let Some(text) = &options.date {
        match text.trim().parse::<Date>().ok().filter(|_| text.trim().len() == 10) {
            Some(d) => settings.date = Some(d),
            None => outcome.reports.push(report("--date", Problem::BadDate(text.clone()))),
        }
    }
    if outcome.failed() {
        return outcome;
    }
    let (archive, unread) = archive_notices(&options.root, &settings.config);
    settings.learn_issuers(&archive);
    // A notice file with an error may hold a number an imported notice takes: said once.
    if let Some(first) = unread.first() {
        outcome.reports.push(report(first, Problem::NumbersUnknown { count: unread.len() }));
    }
    let mut converted: Vec<(String, Converted)> = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let result = std::fs::read(file)
            .map_err(|e| report(&name, Problem::CannotRead(crate::message::system_error(&e, language))))
            .and_then(|bytes| convert(&bytes, &name, &settings));
        match result {
            Ok(c) => converted.push((name, c)),
            Err(r) => outcome.reports.push(r),
        }
    }
    // The files converted to each path, in order, to tell each of them the other.
    let mut at_path: HashMap<&Path, Vec<&String>> = HashMap::with_capacity(converted.len());
    for (name, c) in &converted {
        at_path.entry(c.path.as_path()).or_default().push(name);
    }
    for (name, c) in &converted {
        outcome.reports.extend(c.warnings.iter().cloned());
        let shown = shown_path(&c.path);
        // The first other file of the same path (a file named twice is not its own other).
        let same = at_path.get(c.path.as_path()).map_or(&[][..], Vec::as_slice);
        let other = same.iter().find(|&&n| n != name);
        if let Some(other) = other {
            outcome
                .reports
                .push(report(name, Problem::SamePath { path: shown.clone(), other: (*other).clone() }));
        } else if !options.force && c.path.exists() {
            // A dry run shows the text all the same, and says what the real run would meet.
            let problem = if options.dry_run { Problem::WouldReplace(shown) } else { Problem::Exists(shown) };
            outcome.reports.push(report(name, problem));
        }
        if let Some(problem) = number_taken(c, &archive, &settings) {
            outcome.reports.push(report(name, problem));
        }
    }
    if outcome.failed() {
        return outcome;
    }
    if options.dry_run {
        for (_, c) in &converted {
            if converted.len() > 1 {
                outcome.printed.push_str(&format!("==> {} <==\n", shown_path(&c.path)));
            }
            outcome.printed.push_str(&c.text);
        }
        return outcome;
    }
    for (name, c) in converted {
        let written = c
            .path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&c.path, &c.text));
        match written {
            Ok(()) => outcome.written.push(c.path),
            Err(e) => outcome.reports.push(report(
                &name,
                Problem::CannotWrite { path: shown_path(&c.path), detail: e.to_string() },
            )),
        }
    }
    outcome
}

/// The archive's notices, read without their bodies, and the files whose front matter has an
/// error (their numbers unknown).
fn archive_notices(root: &Path, config: &SiteConfig) -> (Vec<Notice>, Vec<String>) {
    let sources = content::discover(root, &mut Vec::new());
    content::load_heads(root, &sources, config)
}

/// A converted notice whose number another notice of the archive holds (same type, same
/// year) in another file: two notices cannot share it, and the import would only move the
/// error to the next build.
fn number_taken(converted: &Converted, archive: &[Notice], settings: &Settings) -> Option<Problem> {
    let (key, doc_type, year) = converted.identity.as_ref()?;
    let path = crate::diag::display_path(&settings.root, &converted.path);
    let other = archive
        .iter()
        .filter(|n| n.source_path != path)
        .find(|n| n.identity().is_some_and(|(k, t, y)| k == key && &t == doc_type && y == *year))?;
    Some(Problem::NumberTaken { number: key.clone(), other: other.source_path.clone() })
}

/// A path as printed: without a leading `./`.
pub fn shown_path(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

/// The files named, with each folder replaced by its `.docx` files in name order (Word's
/// `~$` lock files, and the `._` files a Mac leaves beside each file on a shared disk, and
/// other hidden files, left out).
fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, (String, Problem)> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let entries = std::fs::read_dir(input)
            .map_err(|e| (input.display().to_string(), Problem::CannotRead(e.to_string())))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx")))
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("~$") || n.starts_with('.'))
            })
            .collect();
        if found.is_empty() {
            return Err((input.display().to_string(), Problem::NoDocxInFolder));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Converts one document's bytes; `name` is how messages call the file.
pub fn convert(bytes: &[u8], name: &str, settings: &Settings) -> Result<Converted, Report> {
    let language = settings.language();
    let report = |problem| Report { file: name.to_string(), problem, language };
    let document = docx::read(bytes).map_err(report)?;
    let layout = layout::recognise(&document);
    let front = front_matter(&layout.fields, settings);
    let (body, merged_tables) = markdown::body(&layout.body, &document.notes);
    // A date line with a date no calendar has is said so, not as a date not found.
    let impossible = &layout.fields.impossible_date;
    let mut warnings: Vec<Report> = front
        .missing
        .iter()
        .map(|&f| match (f, impossible) {
            (Field::Date, Some(written)) => report(Problem::ImpossibleDate(written.clone())),
            _ => report(Problem::NotFound(f)),
        })
        .collect();
    warnings.extend(merged_tables.into_iter().map(|table| report(Problem::MergedCells { table })));
    let docx::LeftOut { pictures, link_addresses } = document.left_out;
    if pictures + link_addresses > 0 {
        warnings.push(report(Problem::LeftOut { pictures, link_addresses }));
    }
    if front.draft {
        warnings.push(report(Problem::ImportedAsDraft));
    }
    let text: String = format!("{}\n{}", front.write(language), body).nfc().collect();
    let path = target_path(&front, &layout.fields, name, settings);
    // What the next check would find wrong with the notice as written (a type its number
    // contradicts): said now, while the Word file is at hand.
    let shown = crate::diag::display_path(&settings.root, &path);
    let loaded = content::parse_notice(&shown, text.clone().into_bytes(), Vec::new(), &settings.config);
    let errors = loaded.problems.iter().filter(|d| d.is_error());
    warnings.extend(errors.map(|d| report(Problem::WillFail(d.located(language)))));
    let identity =
        loaded.parsed.as_ref().and_then(|p| p.notice.identity()).map(|(k, t, y)| (k.to_string(), t, y));
    Ok(Converted { text, path, warnings, identity })
}

/// The front-matter values: the overrides, else what the layout found, spelled as the
/// archive's `site.yaml` spells its issuers.
fn front_matter(fields: &Fields, settings: &Settings) -> FrontMatter {
    let number = settings.number.clone().or_else(|| fields.number.clone());
    let date = settings.date.or(fields.date);
    let mut missing = Vec::new();
    let mut need = |value_found: bool, field| {
        if !value_found {
            missing.push(field);
        }
    };
    need(number.is_some(), Field::Number);
    let code_type = number.as_ref().and_then(|n| number::type_name(n.type_code.as_deref()?, n.system));
    let type_name = match (fields.type_name, code_type) {
        (Some(found), Some(from_code)) if found == from_code => None,
        (Some(found), _) => Some(found.to_string()),
        (None, Some(_)) => None,
        (None, None) => {
            need(false, Field::Type);
            None
        }
    };
    need(fields.title.is_some(), Field::Title);
    let issuer = archive_issuer(fields.issuer.as_deref(), number.as_ref(), settings);
    need(issuer.is_some(), Field::Issuer);
    need(date.is_some(), Field::Date);
    need(fields.place.is_some(), Field::Place);
    let signer = fields.signature.clone().filter(|s| s.name.is_some());
    need(signer.is_some(), Field::Signer);
    need(!fields.recipients.is_empty(), Field::Recipients);
    let system = match (&number, fields.system) {
        (Some(n), Some(s)) if n.system != s => Some(s),
        (None, s) => s,
        _ => None,
    };
    let parent_issuer = fields.parent_issuer.as_deref().map(|p| known_spelling(p, &settings.config));
    FrontMatter {
        draft: number.is_none() || date.is_none(),
        number: number.map(|n| tidy_number(&n.written)),
        type_name,
        title: fields.title.clone(),
        issuer,
        parent_issuer,
        system,
        date,
        place: fields.place.clone(),
        signer,
        recipients: fields.recipients.clone(),
        missing,
    }
}

/// A number as Word let it be typed, in the characters the archive's numbers use: hyphens for
/// dashes and minus signs, `/` for look-alike slashes, `Đ` for the Icelandic `Ð`, and no spaces
/// around either (`47 – TB/VPTU` → `47-TB/VPTU`).
fn tidy_number(written: &str) -> String {
    let mapped: String = written.chars().filter_map(number::canonical_char).collect();
    let mut tidied = String::with_capacity(mapped.len());
    let words: Vec<&str> = mapped.split_whitespace().collect();
    for (at, word) in words.iter().enumerate() {
        // No space on either side of a hyphen or a slash.
        let joins = at > 0 && (word.starts_with(['-', '/']) || words[at - 1].ends_with(['-', '/']));
        if at > 0 && !joins {
            tidied.push(' ');
        }
        tidied.push_str(word);
    }
    tidied
}

/// The issuer as the archive names it: `site.yaml`'s name for the number's issuer code when the
/// header's name begins it (`VĂN PHÒNG` → `Văn phòng Tỉnh ủy Sơn Hà`), else the header's name.
fn archive_issuer(found: Option<&str>, number: Option<&DocNumber>, settings: &Settings) -> Option<String> {
    let code = number.map(|n| n.issuer_code.to_uppercase());
    // The name the archive's notices write, then the one `site.yaml` gives.
    let mut names = [&settings.issuer_names, &settings.config.issuers]
        .into_iter()
        .filter_map(|names| names.get(code.as_ref()?));
    match found {
        Some(found) => Some(
            names
                .find(|name| fold(name).starts_with(&fold(found)))
                .cloned()
                .unwrap_or_else(|| known_spelling(found, &settings.config)),
        ),
        None => names.next().cloned(),
    }
}

/// A name as `site.yaml` spells it when it names one of its issuers, else as found.
fn known_spelling(found: &str, config: &SiteConfig) -> String {
    let key = fold(found);
    config.issuers.values().find(|name| fold(name) == key).cloned().unwrap_or_else(|| found.to_string())
}

fn fold(text: &str) -> String {
    crate::slug::slugify(text)
}

/// `content/YEAR/<slug of type and number>.md`, as `gazette new` chooses; a notice without a
/// number is named after its type and file.
fn target_path(front: &FrontMatter, fields: &Fields, name: &str, settings: &Settings) -> PathBuf {
    let number = settings.number.as_ref().or(fields.number.as_ref());
    let year = front
        .date
        .map(|d| d.year())
        .or(fields.year)
        .or(number.and_then(|n| n.year))
        .unwrap_or(settings.this_year);
    let type_name = front
        .type_name
        .clone()
        .or_else(|| fields.type_name.map(str::to_string))
        .or_else(|| {
            let n = number?;
            number::type_name(n.type_code.as_deref()?, n.system).map(str::to_string)
        })
        .unwrap_or_else(|| "Văn bản".to_string());
    let label = match number {
        Some(n) => format!("{type_name} {}", n.written),
        None => {
            let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or("du-thao");
            format!("{type_name} {stem}")
        }
    };
    crate::author::new::notice_path(&settings.root, year, &label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_the_archives_characters() {
        for (typed, written) in [
            ("47–TB/VPTU", "47-TB/VPTU"),
            ("96—TB/VPTU", "96-TB/VPTU"),
            ("97−TB/VPTU", "97-TB/VPTU"),
            ("98-TB∕VPTU", "98-TB/VPTU"),
            ("100-ÐA/TU", "100-ĐA/TU"),
            ("48 - TB/VPTU", "48-TB/VPTU"),
            ("15 / 2024 / QĐ-UBND", "15/2024/QĐ-UBND"),
            // Near misses: already clean, and letters left as typed.
            ("38-TB/VPTU", "38-TB/VPTU"),
            ("12/QĐ-TTg", "12/QĐ-TTg"),
        ] {
            assert_eq!(tidy_number(typed), written, "{typed}");
        }
    }

    #[test]
    fn the_archive_spelling_of_an_issuer_wins_when_the_header_begins_it() {
        let mut settings = Settings::for_archive(Path::new("/nonexistent"));
        settings.config.issuers.insert("VPTU".into(), "Văn phòng Tỉnh ủy Sơn Hà".into());
        settings.config.issuers.insert("UBND".into(), "Ủy ban nhân dân tỉnh Sơn Hà".into());
        settings.config.issuers.insert("BTC".into(), "Ban Tổ chức Tỉnh ủy Sơn Hà".into());
        // The archive's notices write two of the codes otherwise.
        settings.issuer_names.insert("VPTU".into(), "Văn phòng Tỉnh ủy".into());
        settings.issuer_names.insert("BTC".into(), "Ban Tổ chức Tỉnh ủy".into());
        for (found, number, expected) in [
            // The archive's name first, then site.yaml's, when the header begins it.
            (Some("Văn phòng"), Some("38-TB/VPTU"), Some("Văn phòng Tỉnh ủy")),
            (Some("VĂN PHÒNG TỈNH ỦY"), Some("38-TB/vptu"), Some("Văn phòng Tỉnh ủy")),
            (Some("Ban Tổ chức Tỉnh ủy Sơn Hà"), Some("2-HD/BTC"), Some("Ban Tổ chức Tỉnh ủy Sơn Hà")),
            (Some("Ủy ban nhân dân"), Some("5/QĐ-UBND"), Some("Ủy ban nhân dân tỉnh Sơn Hà")),
            (None, Some("38-TB/VPTU"), Some("Văn phòng Tỉnh ủy")),
            (None, Some("5/QĐ-UBND"), Some("Ủy ban nhân dân tỉnh Sơn Hà")),
            // Near misses: a header naming another body, a code nobody names, no number.
            (Some("Ban Tổ chức"), Some("38-TB/VPTU"), Some("Ban Tổ chức")),
            (Some("Sở Y tế"), Some("7/KH-SYT"), Some("Sở Y tế")),
            (None, Some("7/KH-SYT"), None),
            (Some("Ủy ban nhân dân tỉnh Sơn Hà"), None, Some("Ủy ban nhân dân tỉnh Sơn Hà")),
            (None, None, None),
        ] {
            let number = number.and_then(DocNumber::parse);
            assert_eq!(
                archive_issuer(found, number.as_ref(), &settings).as_deref(),
                expected,
                "{found:?} {number:?}"
            );
        }
    }
}
