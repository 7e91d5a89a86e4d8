//! The command line: argument parsing, the build summary, and exit codes.
//!
//! Thin on purpose: each command calls one function of the library and prints what it
//! returns. Diagnostics and the summary go to stderr; `check`'s report goes to stdout.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::output::Wait;
use crate::output::build::{self as building, BuildOptions};
use crate::publish::{self as site, Report as BuildReport};

#[derive(Parser, Debug)]
#[command(name = "gazette", version, about = "Static site generator for published official notices")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the archive into its output folder.
    Build {
        /// Archive root (holds content/ and site.yaml).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Output folder (default: ROOT/output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include notices marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Absolute base URL of the deployed archive, e.g. https://congbao.example.vn/
        #[arg(long)]
        base_url: Option<String>,
        /// Print the wall time of each stage.
        #[arg(long)]
        timings: bool,
        /// Refuse at once, rather than wait, when another build is writing the same output.
        #[arg(long)]
        no_wait: bool,
        /// Build everything anew, ignoring what the last build kept in the output.
        #[arg(long)]
        full: bool,
        /// Write the output paths added (+), changed (~) and removed (-) to FILE, one per line.
        #[arg(long, value_name = "FILE")]
        changes: Option<PathBuf>,
    },
    /// Forget what the last build kept in the output folder, so that the next build is full.
    Clean {
        /// Archive root (holds content/ and site.yaml).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Output folder (default: ROOT/output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Preview the archive with live reload (drafts included).
    Serve {
        #[arg(long)]
        root: Option<PathBuf>,
        /// Address to listen on; loopback unless you mean to show the preview to others.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port; the next free one is taken if it is in use; 0 picks any free port.
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Write a new draft notice with the next free number for a type, issuer and year.
    New {
        #[arg(long)]
        root: Option<PathBuf>,
        /// Type code: TB, NQ, KH, CT, QĐ, ĐA, KL, BC, HD, CTr…
        #[arg(long = "type")]
        type_code: String,
        /// Issuer code, as in the number: VPTU, TU, UBND…
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        title: Option<String>,
        /// Numbering: party (45-TB/VPTU) or state (45/TB-UBND); default: as the issuer's notices.
        #[arg(long, value_parser = ["party", "state"])]
        system: Option<String>,
    },
    /// Import signed Word notices (.docx) as Markdown notices under content/.
    Import {
        #[arg(long)]
        root: Option<PathBuf>,
        /// .docx files, or folders of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The number to write instead of the document's, e.g. 45-TB/VPTU (one file only).
        #[arg(long)]
        number: Option<String>,
        /// The date to write instead of the document's, YYYY-MM-DD (one file only).
        #[arg(long)]
        date: Option<String>,
        /// Print the notices instead of writing them.
        #[arg(long)]
        dry_run: bool,
        /// Replace a notice file that exists already.
        #[arg(long)]
        force: bool,
    },
    /// Validate the archive without writing anything.
    Check {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, out, drafts, base_url, timings, no_wait, full, changes } => {
            let site = site::Options {
                root: site::resolve_root(root.as_deref()),
                drafts,
                base_url: base_url.map(Some),
                progress: true,
                bodies_in_memory: false,
            };
            let wait = if no_wait { Wait::No } else { Wait::Yes };
            let options = BuildOptions { site, out, wait, full, changes };
            build(&options, timings)
        }
        Command::Clean { root, out } => {
            let options = BuildOptions { out, ..BuildOptions::new(site::resolve_root(root.as_deref())) };
            match building::clean(&options) {
                Ok(true) => {
                    eprintln!(
                        "the build state of {} is removed: the next build is full",
                        options.output_dir().display()
                    );
                    ExitCode::SUCCESS
                }
                Ok(false) => {
                    eprintln!("{} holds no build state", options.output_dir().display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { root, bind, port } => {
            let options =
                crate::serve::ServeOptions { root: site::resolve_root(root.as_deref()), bind, port };
            match crate::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { root, type_code, issuer, title, system } => {
            let system = system.map(|s| {
                if s == "state" {
                    crate::cite::number::System::State
                } else {
                    crate::cite::number::System::Party
                }
            });
            let date = jiff::ZonedDateTime::now().date();
            let new = crate::author::new::NewNotice { type_code, issuer_code: issuer, title, system, date };
            match crate::author::new::create(&site::resolve_root(root.as_deref()), &new) {
                Ok(path) => {
                    println!("{}", path.strip_prefix(".").unwrap_or(&path).display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import { root, files, number, date, dry_run, force } => {
            let options = crate::author::import::ImportOptions {
                root: site::resolve_root(root.as_deref()),
                inputs: files,
                number,
                date,
                dry_run,
                force,
            };
            import(&options)
        }
        Command::Check { root, format } => {
            check(&site::Options::new(site::resolve_root(root.as_deref())), format)
        }
    }
}

fn build(options: &BuildOptions, timings: bool) -> ExitCode {
    match building::build(options) {
        Ok(report) => {
            print_diagnostics(&report);
            if timings {
                for (stage, seconds) in &report.timings {
                    eprintln!("{seconds:>8.3} s  {stage}");
                }
            }
            eprintln!("{}", summary(&report));
            for note in &report.notes {
                eprintln!("note: {note}");
            }
            exit_code(&report)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn import(options: &crate::author::import::ImportOptions) -> ExitCode {
    let outcome = crate::author::import::run(options);
    for report in &outcome.reports {
        eprintln!("{report}");
    }
    print!("{}", outcome.printed);
    for path in &outcome.written {
        println!("{}", crate::author::import::shown_path(path));
    }
    if outcome.failed() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn check(options: &site::Options, format: Format) -> ExitCode {
    use std::io::Write;
    let report = site::check(options);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // A reader that stops early (`| head`) ends the report, not the program.
    let _ = match format {
        Format::Text => report
            .diagnostics
            .iter()
            .try_for_each(|d| writeln!(out, "{d}"))
            .and_then(|()| writeln!(out, "{}", summary(&report))),
        Format::Json => {
            let json = serde_json::json!({
                "notices": report.notices,
                "errors": report.errors(),
                "warnings": report.warnings(),
                "citations": report.citations,
                "diagnostics": report.diagnostics,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json).expect("report serialises"))
        }
    }
    .and_then(|()| out.flush());
    exit_code(&report)
}

/// Most warnings a build prints; `check` lists them all.
const WARNINGS_SHOWN: usize = 50;

/// Errors all, warnings up to [`WARNINGS_SHOWN`]: ten thousand unresolved citations would
/// bury the errors.
fn print_diagnostics(report: &BuildReport) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let mut warnings = 0;
    for d in &report.diagnostics {
        if !d.is_error() {
            warnings += 1;
            if warnings > WARNINGS_SHOWN {
                continue;
            }
        }
        let _ = writeln!(err, "{d}");
    }
    if warnings > WARNINGS_SHOWN {
        let _ = writeln!(
            err,
            "… and {} more warnings: `gazette check` lists them all",
            warnings - WARNINGS_SHOWN
        );
    }
}

fn exit_code(report: &BuildReport) -> ExitCode {
    if report.errors() > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// One line: what was built, citation counts, problems, time.
fn summary(report: &BuildReport) -> String {
    let c = report.citations;
    let head = if report.written {
        format!(
            "built {} notices, {} pages ({} files written, {} unchanged; {} notice files read)",
            report.notices, report.pages, report.files_written, report.files_kept, report.files_read
        )
    } else if report.errors() > 0 {
        format!("{} notices; nothing written, the previous output is unchanged", report.notices)
    } else {
        format!("checked {} notices", report.notices)
    };
    let drafts = if report.drafts_skipped > 0 {
        format!(" ({} drafts left out)", report.drafts_skipped)
    } else {
        String::new()
    };
    format!(
        "{head}{drafts}; citations: {} resolved, {} unresolved, {} ambiguous; {} errors, {} warnings; {:.2} s",
        c.resolved,
        c.unresolved,
        c.ambiguous,
        report.errors(),
        report.warnings(),
        report.seconds
    )
}
