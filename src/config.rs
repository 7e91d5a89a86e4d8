//! Site configuration: `site.yaml` at the archive root.
//!
//! Owns the keys of the file, their defaults and their validation, and [`SiteView`], what
//! templates see of them as `site`. Every key is optional, and a missing file means all
//! defaults. Command-line overrides (`--base-url`) are applied by the caller, not here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::message::Message;
use crate::msg;
use crate::yaml::{self, Value};

pub use crate::message::Language;

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
    /// Codes of issuers whose documents the archive does not publish (the central party and
    /// state bodies by default): citations of them are counted, not warned one by one.
    pub external_issuers: Vec<String>,
    pub extra: Value,
    /// Where `theme:` is written in site.yaml (line and column), for a theme not found.
    #[serde(skip)]
    pub theme_at: (usize, usize),
}

/// The issuers of central documents an archive of a province or a body cites but does not hold:
/// the party's central bodies (`…/TW`, its boards), the National Assembly, the government, the
/// prime minister, ministries and central agencies.
pub const CENTRAL_ISSUERS: &[&str] = &[
    "TW", "BBT", "BCT", "VPTW", "BTCTW", "BTGTW", "BTGDVTW", "BDVTW", "BNCTW", "UBKTTW", "ĐUKCQTW",
    "ĐUKDNTW", "QH", "UBTVQH", "CTN", "CP", "TTg", "VPCP", "BNV", "BTC", "BCA", "BQP", "BNG", "BTP", "BKHĐT",
    "BNNPTNT", "BNNMT", "BGTVT", "BXD", "BTNMT", "BTTTT", "BLĐTBXH", "BVHTTDL", "BKHCN", "BGDĐT", "BYT",
    "BDTTG", "NHNN", "TTCP", "KTNN", "TANDTC", "VKSNDTC", "UBDT", "MTTQVN",
];

impl SiteConfig {
    /// Whether documents of the issuer code `code` (`TW`, `NĐ-CP`'s `CP`, `QH15`, `BTC-BNV`) are
    /// outside what the archive publishes. A joint code counts by its first issuer; a numbered
    /// legislature (`QH15`) by its name.
    pub fn is_external(&self, code: &str) -> bool {
        let first = code.split('-').next().unwrap_or(code);
        let name = first.trim_end_matches(|c: char| c.is_ascii_digit());
        let name = if name.is_empty() { first } else { name };
        self.external_issuers.iter().any(|e| e.eq_ignore_ascii_case(name) || e.eq_ignore_ascii_case(first))
    }
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
            external_issuers: CENTRAL_ISSUERS.iter().map(|c| c.to_string()).collect(),
            extra: Value::Object(Default::default()),
            theme_at: (1, 1),
        }
    }
}

pub const FILE_NAME: &str = "site.yaml";
const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "theme",
    "place",
    "page_size",
    "raw_html",
    "issuers",
    "external_issuers",
    "extra",
];

impl SiteConfig {
    /// The language of the archive at `root`, for what is said before (or without) a build;
    /// the default when site.yaml cannot say.
    pub fn language_of(root: &Path) -> Language {
        SiteConfig::load(root, &mut Vec::new()).language
    }

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
                diagnostics.push(Diagnostic::error(
                    FILE_NAME,
                    1,
                    1,
                    msg!("cannot-read", kind = crate::message::io_kind(&e), error = e.to_string()),
                ));
                SiteConfig::default()
            }
        }
    }

    /// Parses the decoded text of a `site.yaml`.
    pub fn parse(text: &str, diagnostics: &mut Vec<Diagnostic>) -> SiteConfig {
        let mut doc = match yaml::parse_mapping(text) {
            Ok(doc) => doc,
            Err(e) => {
                diagnostics.push(e.diagnostic(FILE_NAME, 1));
                return SiteConfig::default();
            }
        };
        diagnostics
            .extend(std::mem::take(&mut doc.repeated_keys).into_iter().map(|e| e.diagnostic(FILE_NAME, 1)));
        let mut config = SiteConfig::default();
        let mut bad_base_url = None;
        let mut problem = |key: &str, message: Message| {
            let (line, column) = doc.key_positions.get(key).copied().unwrap_or((1, 1));
            diagnostics.push(Diagnostic::error(FILE_NAME, line, column, message));
        };
        for (key, value) in &doc.values {
            match (key.as_str(), value) {
                ("title", Value::String(s)) => config.title = s.clone(),
                ("base_url", Value::String(s)) if s.trim().is_empty() || is_base_url(s) => {
                    config.base_url = normalize_base_url(s)
                }
                ("base_url", Value::String(s)) => bad_base_url = Some(s.clone()),
                ("base_url", Value::Null) => config.base_url = None,
                ("language", Value::String(s)) if s == "vi" => config.language = Language::Vi,
                ("language", Value::String(s)) if s == "en" => config.language = Language::En,
                ("language", _) => problem(key, msg!("config-bad-language")),
                ("theme", Value::String(s)) if is_folder_name(s) => {
                    config.theme = s.clone();
                    config.theme_at = doc.key_positions.get(key).copied().unwrap_or((1, 1));
                }
                ("theme", Value::String(s)) => problem(key, msg!("config-bad-theme", value = s)),
                ("place", Value::String(s)) => config.place = Some(s.clone()),
                ("page_size", Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                    config.page_size = n.as_u64().unwrap_or(50) as usize
                }
                ("page_size", _) => problem(key, msg!("config-bad-page-size")),
                ("raw_html", Value::Bool(b)) => config.raw_html = *b,
                ("issuers", Value::Object(map)) => {
                    for (code, name) in map {
                        match name {
                            Value::String(name) => {
                                config.issuers.insert(code.to_uppercase(), name.clone());
                            }
                            _ => problem(key, msg!("config-bad-issuer", code = code)),
                        }
                    }
                }
                ("external_issuers", Value::Array(codes)) => {
                    config.external_issuers =
                        codes.iter().filter_map(Value::as_str).map(|c| c.trim().to_string()).collect();
                    if codes.iter().any(|c| !c.is_string()) {
                        problem(key, msg!("config-bad-external-issuers"));
                    }
                }
                ("external_issuers", Value::Null) => config.external_issuers.clear(),
                ("extra", v) => config.extra = v.clone(),
                (k, _) if KNOWN_KEYS.contains(&k) => problem(key, msg!("config-wrong-type", key = k)),
                (k, _) => problem(key, msg!("config-unknown-key", key = k)),
            }
        }
        if let Some(value) = bad_base_url {
            let (line, column) = doc.key_positions.get("base_url").copied().unwrap_or((1, 1));
            diagnostics.push(
                Diagnostic::error(FILE_NAME, line, column, msg!("config-bad-base-url", value = value))
                    .with_help(msg!("help-bad-base-url")),
            );
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

/// Whether `url` can be the base of every link: `http://` or `https://`, a host, and no
/// space, query or fragment (links are written after it). Anything else (`congbao.vn`, a path) would be taken by browsers as relative to
/// each page, and feeds, the sitemap and canonical links need an absolute address.
pub fn is_base_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && !host.starts_with(':')
            && !url.contains(char::is_whitespace)
            && !url.contains(['?', '#'])
    })
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
    fn a_base_url_is_a_whole_http_address() {
        for (url, whole) in [
            ("https://congbao.example.vn", true),
            ("https://congbao.example.vn/luu-tru/", true),
            ("HTTP://10.0.0.5:8080/", true),
            ("  https://x.vn/  ", true),
            // Near misses: no scheme, another scheme, no host, a space.
            ("congbao.example.vn", false),
            ("www.congbao.vn/", false),
            ("/luu-tru/", false),
            ("//congbao.vn/", false),
            ("ftp://congbao.vn/", false),
            ("https://", false),
            ("https:///x", false),
            ("https://:80/", false),
            ("https://cong bao.vn/", false),
            ("https://x.vn/?q=1", false),
            ("https://x.vn/#f", false),
            ("not a url", false),
        ] {
            assert_eq!(is_base_url(url), whole, "{url:?}");
        }
    }

    #[test]
    fn central_issuers_are_external_by_default_and_the_list_can_be_replaced() {
        let c = SiteConfig::default();
        for code in ["TW", "CP", "TTg", "QH14", "UBTVQH15", "BNV", "BTC-BNV", "tw"] {
            assert!(c.is_external(code), "{code}");
        }
        for code in ["TU", "VPTU", "UBND", "HU", "STC", "BTCTU", "QHX", "TWĐTN-VP"] {
            assert!(!c.is_external(code), "{code}");
        }
        let mut d = vec![];
        let own = SiteConfig::parse("external_issuers: [TW, HU]\n", &mut d);
        assert!(d.is_empty());
        assert!(own.is_external("HU") && !own.is_external("CP"));
        assert!(SiteConfig::parse("external_issuers:\n", &mut d).external_issuers.is_empty());
    }

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
            assert_eq!(d[0].message.id(), "config-bad-theme", "{bad}");
            assert_eq!(c.theme, "default", "{bad}");
        }
        let mut d = vec![];
        assert_eq!(SiteConfig::parse("theme: so-ha.2\n", &mut d).theme, "so-ha.2");
        assert!(d.is_empty());
    }
}
