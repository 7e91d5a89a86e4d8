//! Site configuration: `site.yaml` at the archive root.
//!
//! Owns the keys of the file, their defaults and their validation, and [`SiteView`], what
//! templates see of them as `site`. Every key is optional, and a missing file means all
//! defaults. Command-line overrides (`--base-url`) are applied by the caller, not here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::yaml::{self, Value};

/// The language of the theme's labels and date lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }
}

/// The settings of one archive, read from `site.yaml`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteConfig {
    pub title: String,
    /// Absolute base URL with a trailing `/`, or `None` for relative links.
    pub base_url: Option<String>,
    pub language: Language,
    pub theme: String,
    pub place: Option<String>,
    pub page_size: usize,
    pub raw_html: bool,
    /// Issuer code (`TU`) to full name (`Tỉnh ủy Lạng Sơn`).
    pub issuers: BTreeMap<String, String>,
    pub extra: Value,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Gazette".into(),
            base_url: None,
            language: Language::Vi,
            theme: "default".into(),
            place: None,
            page_size: 50,
            raw_html: false,
            issuers: BTreeMap::new(),
            extra: Value::Object(Default::default()),
        }
    }
}

pub const FILE_NAME: &str = "site.yaml";
const KNOWN_KEYS: &[&str] =
    &["title", "base_url", "language", "theme", "place", "page_size", "raw_html", "issuers", "extra"];

impl SiteConfig {
    /// Reads `root/site.yaml`; problems are pushed to `diagnostics` and defaults kept.
    pub fn load(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> SiteConfig {
        let path = root.join(FILE_NAME);
        match std::fs::read(&path) {
            Ok(bytes) => match crate::text::decode(FILE_NAME, bytes) {
                Ok(text) => Self::parse(&text, diagnostics),
                Err(problem) => {
                    diagnostics.push(problem);
                    SiteConfig::default()
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SiteConfig::default(),
            Err(e) => {
                diagnostics.push(Diagnostic::error(FILE_NAME, 1, 1, format!("cannot read: {e}")));
                SiteConfig::default()
            }
        }
    }

    /// Parses the decoded text of a `site.yaml`.
    pub fn parse(text: &str, diagnostics: &mut Vec<Diagnostic>) -> SiteConfig {
        let doc = match yaml::parse_mapping(text) {
            Ok(doc) => doc,
            Err(e) => {
                let mut d = Diagnostic::error(FILE_NAME, e.line, e.column, e.message);
                d.help = e.help;
                diagnostics.push(d);
                return SiteConfig::default();
            }
        };
        let mut config = SiteConfig::default();
        let mut problem = |key: &str, message: String| {
            let (line, column) = doc.key_positions.get(key).copied().unwrap_or((1, 1));
            diagnostics.push(Diagnostic::error(FILE_NAME, line, column, message));
        };
        for (key, value) in &doc.values {
            match (key.as_str(), value) {
                ("title", Value::String(s)) => config.title = s.clone(),
                ("base_url", Value::String(s)) => config.base_url = normalize_base_url(s),
                ("base_url", Value::Null) => config.base_url = None,
                ("language", Value::String(s)) if s == "vi" => config.language = Language::Vi,
                ("language", Value::String(s)) if s == "en" => config.language = Language::En,
                ("language", _) => problem(key, "`language` must be `vi` or `en`".into()),
                ("theme", Value::String(s)) if is_folder_name(s) => config.theme = s.clone(),
                ("theme", Value::String(s)) => problem(
                    key,
                    format!("`theme: {s}` must be the name of a folder under themes/, without `/` or `..`"),
                ),
                ("place", Value::String(s)) => config.place = Some(s.clone()),
                ("page_size", Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                    config.page_size = n.as_u64().unwrap_or(50) as usize
                }
                ("page_size", _) => problem(key, "`page_size` must be a whole number above 0".into()),
                ("raw_html", Value::Bool(b)) => config.raw_html = *b,
                ("issuers", Value::Object(map)) => {
                    for (code, name) in map {
                        match name {
                            Value::String(name) => {
                                config.issuers.insert(code.to_uppercase(), name.clone());
                            }
                            _ => problem(key, format!("issuer `{code}` must map to a name")),
                        }
                    }
                }
                ("extra", v) => config.extra = v.clone(),
                (k, _) if KNOWN_KEYS.contains(&k) => problem(key, format!("`{k}` has the wrong type")),
                (k, _) => problem(key, format!("unknown key `{k}` in site.yaml")),
            }
        }
        config
    }
}

/// A single folder name: not empty, no separator, not `.` or `..`, not absolute.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', ':', '\0'])
}

fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    Some(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// What every template sees as `site`.
#[derive(Debug, serde::Serialize)]
pub struct SiteView<'a> {
    title: &'a str,
    language: &'a str,
    base_url: Option<&'a str>,
    extra: &'a Value,
}

impl SiteConfig {
    pub fn view(&self) -> SiteView<'_> {
        SiteView {
            title: &self.title,
            language: self.language.code(),
            base_url: self.base_url.as_deref(),
            extra: &self.extra,
        }
    }
}

/// Applies a `--base-url` given on the command line.
pub fn with_base_url(mut config: SiteConfig, base_url: Option<&str>) -> SiteConfig {
    if let Some(url) = base_url {
        config.base_url = normalize_base_url(url);
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty() {
        let mut d = vec![];
        let c = SiteConfig::parse("", &mut d);
        assert!(d.is_empty());
        assert_eq!(c.page_size, 50);
        assert_eq!(c.language, Language::Vi);
    }

    #[test]
    fn reads_keys_and_reports_bad_ones_with_lines() {
        let mut d = vec![];
        let c = SiteConfig::parse(
            "title: Lưu trữ\nbase_url: https://x.vn\nlanguage: fr\nissuers:\n  TU: Tỉnh ủy\npage_size: 0\n",
            &mut d,
        );
        assert_eq!(c.title, "Lưu trữ");
        assert_eq!(c.base_url.as_deref(), Some("https://x.vn/"));
        assert_eq!(c.issuers["TU"], "Tỉnh ủy");
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![3, 6]);
    }

    #[test]
    fn theme_is_a_folder_name() {
        for bad in ["../x", "/etc", "a/b", "..", ".", "C:\\x", "a\\b"] {
            let mut d = vec![];
            let c = SiteConfig::parse(&format!("theme: '{bad}'\n"), &mut d);
            assert_eq!(d.len(), 1, "{bad}");
            assert!(d[0].message.contains("folder under themes/"), "{bad}: {}", d[0].message);
            assert_eq!(c.theme, "default", "{bad}");
        }
        let mut d = vec![];
        assert_eq!(SiteConfig::parse("theme: so-ha.2\n", &mut d).theme, "so-ha.2");
        assert!(d.is_empty());
    }
}
