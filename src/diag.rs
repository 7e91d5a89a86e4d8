//! Diagnostics: the errors and warnings a run collects and prints.
//!
//! Every stage reports problems as [`Diagnostic`] values instead of stopping at the first one,
//! so a single run can list everything wrong with an archive. This module owns their shape and
//! their text form (`error: path:line:col: message` plus an optional `help:` line, in the
//! archive's language); it does not decide what is a problem, and the words are the
//! catalogues' (`message`).

use std::path::{Path, PathBuf};

use crate::message::{Language, Message};

/// How serious a problem is: errors fail the run, warnings are only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file of the archive (line and column count from 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the archive root, with `/` separators.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: Message,
    /// Kept in the build state, whose encoding has no optional fields: never skipped.
    pub help: Option<Box<Message>>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, line: usize, column: usize, message: Message) -> Self {
        Self::new(Severity::Error, path.into(), line, column, message)
    }

    pub fn warning(path: impl Into<String>, line: usize, column: usize, message: Message) -> Self {
        Self::new(Severity::Warning, path.into(), line, column, message)
    }

    fn new(severity: Severity, path: String, line: usize, column: usize, message: Message) -> Self {
        Diagnostic { severity, path, line: line.max(1), column: column.max(1), message, help: None }
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: message`, in `language`: the problem within another message.
    pub fn located(&self, language: Language) -> String {
        format!("{}:{}:{}: {}", self.path, self.line, self.column, self.message.text(language))
    }

    /// `error: path:line:col: message`, and a `help:` line when there is help, in `language`.
    pub fn render(&self, language: Language) -> String {
        let label = match self.severity {
            Severity::Error => crate::message::text(language, "label-error"),
            Severity::Warning => crate::message::text(language, "label-warning"),
        };
        let mut text =
            format!("{label}: {}:{}:{}: {}", self.path, self.line, self.column, self.message.text(language));
        if let Some(help) = &self.help {
            let label = crate::message::text(language, "label-help");
            text.push_str(&format!("\n  {label}: {}", help.text(language)));
        }
        text
    }
}

/// Most warnings printed at once (`check` lists them all): ten thousand unresolved citations
/// would bury the errors.
pub const WARNINGS_SHOWN: usize = 50;

/// Prints every error and the warnings up to [`WARNINGS_SHOWN`] on standard error, then how
/// many warnings were left out.
pub fn print_capped(diagnostics: &[Diagnostic], language: Language) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let mut warnings = 0;
    for d in diagnostics {
        if !d.is_error() {
            warnings += 1;
            if warnings > WARNINGS_SHOWN {
                continue;
            }
        }
        let _ = writeln!(err, "{}", d.render(language));
    }
    if warnings > WARNINGS_SHOWN {
        let more = crate::msg!("more-warnings", count = warnings - WARNINGS_SHOWN);
        let _ = writeln!(err, "{}", more.text(language));
    }
}

/// Sorts diagnostics by file, then position, so output is stable across parallel runs.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
    });
}

pub fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// The path of `path` relative to `root`, with `/` separators, for messages and keys.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf =
        path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf());
    let mut shown = String::new();
    for component in relative.components() {
        // The root of an absolute path is a `/` of its own: `/tmp/x`, not `//tmp/x`.
        if !shown.is_empty() && !shown.ends_with('/') {
            shown.push('/');
        }
        shown.push_str(&component.as_os_str().to_string_lossy());
    }
    shown
}

/// Line and column (from 1, column in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "ab\nđề án\nx";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find("án").unwrap()), (2, 4));
        assert_eq!(line_col(text, text.len()), (3, 2));
    }

    #[test]
    fn paths_are_shown_from_the_root_or_whole() {
        let cases = [
            ("/a/site", "/a/site/content/x.md", "content/x.md"),
            ("/a/site", "/a/site", ""),
            ("/a/site", "/tmp/out/extra.txt", "/tmp/out/extra.txt"),
            ("/a/site", "/a/sitex/y.md", "/a/sitex/y.md"),
            ("site", "site/content/x.md", "content/x.md"),
            ("site", "other/x.md", "other/x.md"),
        ];
        for (root, path, shown) in cases {
            assert_eq!(display_path(Path::new(root), Path::new(path)), shown, "{path} from {root}");
        }
    }

    #[test]
    fn display_has_path_line_column_and_help() {
        let d = Diagnostic::error("content/a.md", 3, 7, crate::msg!("missing-key", key = "date"))
            .with_help(crate::msg!("help-date-format", written = "12/9/2024", iso = "2024-09-12"));
        assert_eq!(
            d.render(Language::En),
            "error: content/a.md:3:7: missing required key `date`\n  help: write the date as YYYY-MM-DD: 2024-09-12"
        );
        assert_eq!(
            d.render(Language::Vi),
            "lỗi: content/a.md:3:7: thiếu khóa bắt buộc `date`\n  gợi ý: viết ngày theo dạng YYYY-MM-DD: 2024-09-12"
        );
    }
}
