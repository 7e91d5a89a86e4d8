//! The command line: argument parsing, the build summary, and exit codes.
//!
//! Thin on purpose: each command calls one function of the library and prints what it
//! returns. Diagnostics and the summary go to stderr; `check`'s report goes to stdout.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches as _, Parser, Subcommand, ValueEnum};

use crate::cite::number::System;
use crate::config::SiteConfig;
use crate::message::{self, Failure, Language, Message};
use crate::msg;
use crate::output::Wait;
use crate::output::build::{self as building, BuildOptions};
use crate::publish::{self as site, Report as BuildReport};

mod help;

/// The command line. What each command and option is for, and the headings and placeholders of
/// its help, are said in the catalogues, in the archive's language (see [`help`]).
#[derive(Parser, Debug)]
#[command(name = "gazette", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Build {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        timings: bool,
        #[arg(long)]
        no_wait: bool,
        #[arg(long)]
        full: bool,
        #[arg(long)]
        changes: Option<PathBuf>,
    },
    Clean {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    Serve {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    Init {
        dir: Option<PathBuf>,
        #[arg(long, value_parser = ["vi", "en"], default_value = "vi")]
        language: String,
    },
    New {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long = "type")]
        type_code: String,
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        issuer_name: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_parser = ["party", "state"])]
        system: Option<String>,
    },
    Import {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        number: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        force: bool,
    },
    Check {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        outside: bool,
    },
    Help {
        command: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    // The archive the command is for says the language of its help and of its usage errors.
    let language = SiteConfig::language_of(&site::resolve_root(root_argument().as_deref()));
    let cli = match help::command(language).try_get_matches().and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(error) => return usage_error(error, language),
    };
    match cli.command {
        Command::Build { root, out, drafts, base_url, timings, no_wait, full, changes } => {
            let root = match existing_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            if let Err(code) = readable_day(&root) {
                return code;
            }
            let site = site::Options {
                drafts,
                base_url: base_url.map(Some),
                progress: true,
                ..site::Options::new(root)
            };
            let wait = if no_wait { Wait::No } else { Wait::Yes };
            let options = BuildOptions { site, out, wait, full, changes };
            build(&options, timings)
        }
        Command::Clean { root, out } => {
            let root = match existing_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let language = SiteConfig::language_of(&root);
            let options = BuildOptions { out, ..BuildOptions::new(root) };
            let path = options.output_dir().display().to_string();
            match building::clean(&options) {
                Ok(true) => say(msg!("clean-done", path = path), language),
                Ok(false) => say(msg!("clean-nothing", path = path), language),
                Err(e) => failed(&e, language),
            }
        }
        Command::Serve { root, bind, port } => {
            let root = match existing_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            if let Err(code) = readable_day(&root) {
                return code;
            }
            let language = SiteConfig::language_of(&root);
            let options = crate::serve::ServeOptions { root, bind, port };
            match crate::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => failed(&e, language),
            }
        }
        Command::Init { dir, language } => {
            let language = if language == "en" { Language::En } else { Language::Vi };
            let dir = site::resolve_root(dir.as_deref());
            // Dated as a build of the same moment dates its pages: by `SOURCE_DATE_EPOCH` when set.
            if let Err(error) = crate::content::day_of_source_date_epoch() {
                return failed(&error, language);
            }
            match crate::author::init::create(&dir, language, crate::content::today()) {
                Ok(_) => say(msg!("init-done", path = dir.display().to_string()), language),
                Err(e) => failed(&e, language),
            }
        }
        Command::New { root, type_code, issuer, issuer_name, title, system } => {
            let root = match existing_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let system = system.map(|s| if s == "state" { System::State } else { System::Party });
            if let Err(code) = readable_day(&root) {
                return code;
            }
            let date = crate::content::today();
            let new = crate::author::new::NewNotice {
                type_code,
                issuer_code: issuer,
                issuer_name,
                title,
                system,
                date,
            };
            match crate::author::new::create(&root, &new) {
                Ok(path) => {
                    println!("{}", path.strip_prefix(".").unwrap_or(&path).display());
                    ExitCode::SUCCESS
                }
                Err(e) => failed(&e, SiteConfig::language_of(&root)),
            }
        }
        Command::Import { root, files, number, date, dry_run, force } => {
            let root = site::resolve_root(root.as_deref());
            if let Err(code) = readable_day(&root) {
                return code;
            }
            let options =
                crate::author::import::ImportOptions { root, inputs: files, number, date, dry_run, force };
            import(&options)
        }
        Command::Check { root, format, drafts, outside } => {
            let root = match root_folder(root) {
                Ok(root) => root,
                Err(refused) => {
                    let (path, failure) = *refused;
                    // A tool reading the JSON report gets one, saying why there is nothing else.
                    if format == Format::Json {
                        print_unreadable_root(&path, &failure);
                    }
                    return failed(&failure.into(), Language::default());
                }
            };
            if let Err(code) = readable_day(&root) {
                return code;
            }
            check(&site::Options { drafts, list_outside: outside, ..site::Options::new(root) }, format)
        }
        Command::Help { command } => {
            let mut top = help::command(language);
            let shown = match command.as_deref().and_then(|name| top.find_subcommand_mut(name)) {
                Some(command) => command.print_help(),
                None => top.print_help(),
            };
            // A reader that stops early (`| head`) ends the help, not the command.
            drop(shown);
            ExitCode::SUCCESS
        }
    }
}

/// The archive root given on the command line (`--root PATH` or `--root=PATH`), read before the
/// command line is, to say its help and its mistakes in that archive's language.
fn root_argument() -> Option<PathBuf> {
    let mut arguments = std::env::args_os().skip(1);
    while let Some(argument) = arguments.next() {
        if argument == "--" {
            break;
        }
        if argument == "--root" {
            return arguments.next().map(PathBuf::from);
        }
        if let Some(path) = argument.to_str().and_then(|a| a.strip_prefix("--root=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// The archive root of a command, which must exist.
fn existing_root(root: Option<PathBuf>) -> Result<PathBuf, ExitCode> {
    root_folder(root).map_err(|refused| failed(&refused.1.into(), Language::default()))
}

/// Refuses a day given in `SOURCE_DATE_EPOCH` that cannot be read, in the archive's language.
fn readable_day(root: &Path) -> Result<(), ExitCode> {
    crate::content::day_of_source_date_epoch()
        .map(drop)
        .map_err(|error| failed(&error, SiteConfig::language_of(root)))
}

/// The archive root of a command, or what stands in its way (with its path as shown).
fn root_folder(root: Option<PathBuf>) -> Result<PathBuf, Box<(String, Failure)>> {
    let root = site::resolve_root(root.as_deref());
    if root.is_dir() {
        return Ok(root);
    }
    let path = root.display().to_string();
    let failure = if root.exists() {
        // A file, not a folder: `gazette init` there could not work either.
        Failure::with_help(msg!("root-is-file", path = &path), msg!("help-root-is-file"))
    } else {
        Failure::with_help(msg!("root-missing", path = &path), msg!("help-root-missing", path = &path))
    };
    Err(Box::new((path, failure)))
}

/// `check --format json` of a root that cannot be read: a report of that one error.
fn print_unreadable_root(path: &str, failure: &Failure) {
    let mut problem = crate::diag::Diagnostic::error(path, 1, 1, failure.message.clone());
    problem.help = failure.help.clone().map(Box::new);
    let report =
        BuildReport { diagnostics: vec![problem], language: Language::default(), ..BuildReport::default() };
    println!("{}", serde_json::to_string_pretty(&json_report(&report)).expect("report serialises"));
}

/// Prints `message` on stderr and succeeds.
fn say(message: Message, language: Language) -> ExitCode {
    eprintln!("{}", message.text(language));
    ExitCode::SUCCESS
}

/// A command line that cannot be read, said in the language of the archive it names (that of
/// the current folder without `--root`): an option or command not known (with the one meant,
/// when close), a value not taken (with those that are), an argument missing. Help and version
/// are printed as asked (the help in that language too); rarer mistakes are clap's own words.
fn usage_error(error: clap::Error, language: Language) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let said = |kind| error.get(kind).map(|value| value.to_string()).unwrap_or_default();
    let (argument, value) = (said(ContextKind::InvalidArg), said(ContextKind::InvalidValue));
    let message = match error.kind() {
        ErrorKind::UnknownArgument => msg!("usage-unknown-argument", argument = argument),
        ErrorKind::InvalidSubcommand => {
            msg!("usage-unknown-command", command = said(ContextKind::InvalidSubcommand))
        }
        // An option given last without its value: clap says the empty value is not one.
        ErrorKind::InvalidValue if value.is_empty() => msg!("usage-missing-value", argument = argument),
        ErrorKind::InvalidValue => msg!("usage-invalid-value", argument = argument, value = value),
        ErrorKind::ValueValidation => {
            msg!(
                "usage-unreadable-value",
                argument = &argument,
                value = value,
                why = unreadable(&argument, &error)
            )
        }
        ErrorKind::MissingRequiredArgument => msg!("usage-missing-argument", argument = argument),
        _ => error.exit(),
    };
    let suggested =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .map(said)
            .into_iter()
            .find(|suggested| !suggested.is_empty());
    let help = match suggested {
        Some(suggested) => msg!("help-usage-suggested", suggested = suggested),
        _ => match said(ContextKind::ValidValue) {
            valid if !valid.is_empty() => msg!("help-usage-values", values = valid),
            _ => msg!("help-usage"),
        },
    };
    eprintln!("{}: {}", message::text(language, "label-error"), message.text(language));
    eprintln!("  {}: {}", message::text(language, "label-help"), help.text(language));
    ExitCode::from(2)
}

/// Why a value given for `argument` could not be read: `port` and `address`, said in the
/// catalogues; for another option the parser's own words.
fn unreadable(argument: &str, error: &clap::Error) -> String {
    use std::error::Error as _;
    if argument.starts_with("--port") {
        "port".into()
    } else if argument.starts_with("--bind") {
        "address".into()
    } else {
        error.source().map(ToString::to_string).unwrap_or_default()
    }
}

/// Prints an error that stopped a command and fails.
fn failed(error: &anyhow::Error, language: Language) -> ExitCode {
    eprintln!("{}: {}", message::text(language, "label-error"), message::describe(error, language));
    ExitCode::FAILURE
}

fn build(options: &BuildOptions, timings: bool) -> ExitCode {
    match building::build(options) {
        Ok(report) => {
            crate::diag::print_capped(&report.diagnostics, report.language);
            if timings {
                for (stage, seconds) in &report.timings {
                    eprintln!("{seconds:>8.3} s  {stage}");
                }
            }
            eprintln!("{}", summary(&report, Run::Build));
            let note = message::text(report.language, "label-note");
            for text in &report.notes {
                eprintln!("{note}: {}", text.text(report.language));
            }
            exit_code(&report)
        }
        Err(e) => failed(&e, SiteConfig::language_of(&options.site.root)),
    }
}

fn import(options: &crate::author::import::ImportOptions) -> ExitCode {
    let outcome = crate::author::import::run(options);
    for report in &outcome.reports {
        eprintln!("{report}");
    }
    // A reader that stops early (`| head`) ends the printing, not the command.
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(outcome.printed.as_bytes()).and_then(|()| {
        outcome
            .written
            .iter()
            .try_for_each(|path| writeln!(out, "{}", crate::author::import::shown_path(path)))
    });
    if outcome.failed() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn check(options: &site::Options, format: Format) -> ExitCode {
    use std::io::Write;
    let report = site::check(options);
    let language = report.language;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // A reader that stops early (`| head`) ends the report, not the program.
    let _ = match format {
        Format::Text => report
            .diagnostics
            .iter()
            .try_for_each(|d| writeln!(out, "{}", d.render(language)))
            .and_then(|()| print_outside(&mut out, &report))
            .and_then(|()| writeln!(out, "{}", summary(&report, Run::Check))),
        Format::Json => {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json_report(&report)).expect("report serialises")
            )
        }
    }
    .and_then(|()| out.flush());
    exit_code(&report)
}

/// `check --format json`: the report's counts, its problems and the citations outside.
fn json_report(report: &BuildReport) -> serde_json::Value {
    let language = report.language;
    let diagnostics: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": d.severity,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "message": d.message.text(language),
                "help": d.help.as_ref().map(|h| h.text(language)),
                "id": d.message.id(),
            })
        })
        .collect();
    serde_json::json!({
        "notices": report.notices,
        "errors": report.errors(),
        "warnings": report.warnings(),
        "citations": report.citations,
        "diagnostics": diagnostics,
        "outside": report.outside,
    })
}

/// `check --outside`: every citation of a document outside the archive, where it stands.
fn print_outside(out: &mut impl std::io::Write, report: &BuildReport) -> std::io::Result<()> {
    if report.outside.is_empty() {
        return Ok(());
    }
    let language = report.language;
    writeln!(out, "{}", msg!("outside-heading", count = report.outside.len()).text(language))?;
    for citation in &report.outside {
        writeln!(out, "  {}:{}:{}: {}", citation.path, citation.line, citation.column, citation.number)?;
    }
    Ok(())
}

fn exit_code(report: &BuildReport) -> ExitCode {
    if report.errors() > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Which run a summary is of: a check writes nothing, so it says nothing of output.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Build,
    Check,
}

/// One line: what was built, citation counts, problems, time.
fn summary(report: &BuildReport, run: Run) -> String {
    let language = report.language;
    let c = report.citations;
    let head = if report.written {
        msg!(
            "summary-built",
            notices = report.notices,
            pages = report.pages,
            written = report.files_written,
            kept = report.files_kept,
            read = report.files_read,
        )
    } else if report.errors() > 0 && run == Run::Build {
        msg!("summary-failed", notices = report.notices)
    } else {
        msg!("summary-checked", notices = report.notices)
    };
    let mut line = head.text(language);
    if report.drafts_skipped > 0 {
        line.push_str(&format!(
            " ({})",
            msg!("summary-drafts", count = report.drafts_skipped).text(language)
        ));
    }
    let citations =
        msg!("summary-citations", resolved = c.resolved, unresolved = c.unresolved, ambiguous = c.ambiguous);
    line.push_str(&format!("; {}", citations.text(language)));
    if c.external > 0 {
        line.push_str(&format!(", {}", msg!("summary-external", count = c.external).text(language)));
    }
    line.push_str(&format!(
        "; {}, {}; {:.2} s",
        msg!("summary-errors", count = report.errors()).text(language),
        msg!("summary-warnings", count = report.warnings()).text(language),
        report.seconds
    ));
    line
}
