//! Themes: the Tera templates, static files and labels a build renders with.
//!
//! The default theme (`themes/default/` of the project) is built into the binary. An archive's
//! `themes/NAME/` (picked by `theme:` in site.yaml) and its `templates/` folder replace it file
//! by file; `static/` folders are copied as they are. This module loads and checks templates
//! and knows which template files each template is made of, for fingerprints; it does not
//! build page contexts (that is `html`'s).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::diag::{Diagnostic, display_path};
use crate::msg;
use crate::yaml::{self, Value};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => { &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*] };
}

const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded![
    "base.html",
    "notice.html",
    "notice-list.html",
    "notice-item.html",
    "notice-row.html",
    "notice-table.html",
    "index-links.html",
    "index.html",
    "dimension.html",
    "list.html",
    "atom.xml",
    "404.html",
    "search.html",
];
macro_rules! embedded_static {
    ($($name:literal),* $(,)?) => { &[$(($name, include_bytes!(concat!("../../themes/default/static/", $name)))),*] };
}

/// The default theme's static files. The fonts are Tinos (SIL Open Font License, `fonts/OFL.txt`),
/// the Latin and Vietnamese subsets of regular, italic, bold and bold italic, for the notice text.
const DEFAULT_STATIC: &[(&str, &[u8])] = embedded_static![
    "style.css",
    "search.js",
    "fonts/OFL.txt",
    "fonts/tinos-latin-400-normal.woff2",
    "fonts/tinos-latin-400-italic.woff2",
    "fonts/tinos-latin-700-normal.woff2",
    "fonts/tinos-latin-700-italic.woff2",
    "fonts/tinos-vietnamese-400-normal.woff2",
    "fonts/tinos-vietnamese-400-italic.woff2",
    "fonts/tinos-vietnamese-700-normal.woff2",
    "fonts/tinos-vietnamese-700-italic.woff2",
];
const DEFAULT_LABELS: &str = include_str!("../../themes/default/labels.yaml");

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// A file copied as it is into the output, at `path` (relative, `/` separators).
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub path: String,
    pub source: StaticSource,
}

/// A loaded theme, ready to render.
pub struct Theme {
    pub tera: tera::Tera,
    pub static_files: Vec<StaticFile>,
    /// Labels for the site's language.
    pub labels: Value,
    /// Template name to the file it came from, for messages.
    template_paths: BTreeMap<String, String>,
    /// Template name to a hash of every template file it is made of, the labels and the site
    /// settings: what a page rendered with it depends on besides its own values.
    template_hashes: HashMap<String, u64>,
}

impl Theme {
    /// Loads the theme the config names, with the archive's overrides.
    pub fn load(root: &Path, config: &SiteConfig, diagnostics: &mut Vec<Diagnostic>) -> Option<Theme> {
        let mut templates: BTreeMap<String, (String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| {
                (name.to_string(), (format!("themes/default/templates/{name}"), text.to_string()))
            })
            .collect();
        let mut theme_labels = None;
        // A folder the archive reads from, made a file by mistake: said, not passed over.
        let theme_folder = format!("themes/{}", config.theme);
        for folder in [
            "static",
            "templates",
            "themes",
            &format!("{theme_folder}/templates"),
            &format!("{theme_folder}/static"),
        ] {
            if root.join(folder).is_file() {
                diagnostics.push(
                    Diagnostic::warning(folder, 1, 1, msg!("folder-is-file", folder = folder))
                        .with_help(msg!("help-folder-is-file", folder = folder)),
                );
            }
        }

        let theme_dir = root.join("themes").join(&config.theme);
        if theme_dir.is_dir() {
            read_templates(root, &theme_dir.join("templates"), &mut templates, diagnostics);
            if let Ok(text) = std::fs::read_to_string(theme_dir.join("labels.yaml")) {
                theme_labels = Some(text);
            }
        } else if config.theme != "default" {
            diagnostics.push(
                Diagnostic::error(
                    crate::config::FILE_NAME,
                    config.theme_at.0,
                    config.theme_at.1,
                    msg!("unknown-theme", theme = &config.theme),
                )
                .with_help(msg!("help-unknown-theme", theme = &config.theme)),
            );
            return None;
        }
        read_templates(root, &root.join("templates"), &mut templates, diagnostics);

        let mut labels = load_labels(DEFAULT_LABELS, config, diagnostics);
        if let Some(text) = theme_labels {
            merge_labels(&mut labels, load_labels(&text, config, diagnostics));
        }
        let template_paths: BTreeMap<String, String> =
            templates.iter().map(|(name, (path, _))| (name.clone(), path.clone())).collect();
        let template_hashes = template_hashes(&templates, &labels, config);
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // `{{ count | number }}`, `{{ size | number(precision=1) }}`: as the archive's language
        // writes numbers (2.000 and 2,8 in Vietnamese).
        let language = config.language;
        tera.register_filter("number", move |value: f64, kwargs: tera::Kwargs, _: &tera::State| {
            let precision = kwargs.get::<i64>("precision")?.unwrap_or(0).clamp(0, 6) as usize;
            Ok::<_, tera::Error>(crate::text::format_number(value, precision, language))
        });
        // `{% for line in notice.issuer | header_lines %}`: an issuer name as the lines of a
        // header on paper (`Ủy ban nhân dân` / `tỉnh Sơn Hà`).
        tera.register_filter("header_lines", |value: &str, _: tera::Kwargs, _: &tera::State| {
            Ok::<_, tera::Error>(crate::text::header_lines(value))
        });
        // `{% for line in signer.authority | authority_lines %}`: one line a mark (TM., KT.).
        tera.register_filter("authority_lines", |value: &str, _: tera::Kwargs, _: &tera::State| {
            Ok::<_, tera::Error>(crate::text::authority_lines(value))
        });
        // The same on every page: given once, not serialised per page.
        tera.global_context().insert("t", &labels);
        tera.global_context().insert("site", &config.view());
        if let Err(e) =
            tera.add_raw_templates(templates.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())))
        {
            diagnostics.push(template_diagnostic(&template_paths, &e));
            return None;
        }
        let static_files = static_files(root, config, diagnostics);
        Some(Theme { tera, static_files, labels, template_paths, template_hashes })
    }

    /// Renders a template, turning a Tera error into a diagnostic naming the template file and line.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        // Rendered into bytes and checked here: Tera's own check of what it made is the standard
        // library's, slow on Vietnamese text (see `text::utf8_string`).
        let mut page = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, context, &mut page)
            .map_err(|e| template_diagnostic(&self.template_paths, &e))?;
        crate::text::utf8_string(page).map_err(|e| {
            Diagnostic::error(self.path_of(template), 1, 1, msg!("template-values", detail = e.to_string()))
        })
    }

    /// Renders a template with the fields of `view` as its variables.
    pub fn render_view<T: Serialize + ?Sized>(&self, template: &str, view: &T) -> Result<String, Diagnostic> {
        let context = tera::Context::from_serialize(view).map_err(|e| {
            Diagnostic::error(self.path_of(template), 1, 1, msg!("template-values", detail = e.to_string()))
        })?;
        self.render(template, &context)
    }

    /// What pages rendered with `template` depend on besides their own values.
    pub fn template_hash(&self, template: &str) -> u64 {
        self.template_hashes.get(template).copied().unwrap_or_default()
    }

    /// A hash of everything the theme gives the output: each template with what it depends
    /// on (see [`Theme::template_hash`]) and each static file, a file of the archive by its
    /// version (its stamp, and its bytes while the stamp cannot be trusted by itself: a file
    /// saved twice within one tick of a coarse clock keeps its stamp).
    pub fn digest(&self) -> u64 {
        let mut hash = crate::hash::Stable::new();
        let templates: BTreeMap<&String, &u64> = self.template_hashes.iter().collect();
        hash.value(&templates);
        for file in &self.static_files {
            hash.str(&file.path);
            match &file.source {
                StaticSource::Embedded(bytes) => hash.u64(crate::hash::bytes(bytes)),
                StaticSource::File(source) => hash.u64(crate::content::Stamp::version_of(source)),
            };
        }
        hash.finish()
    }

    fn path_of(&self, template: &str) -> String {
        self.template_paths.get(template).cloned().unwrap_or_else(|| template.to_string())
    }
}

/// `{% extends %}`, `{% include %}` or `{% import %}` and what it names: a string in any of
/// Tera's quotes, or anything else (a name in a variable, a list), which may be any template.
static TEMPLATE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S))"#)
        .expect("template reference pattern")
});
/// A component defined, and its name: components are defined in any template and called, as
/// `<Name ...>`, from any other, wherever an expression may stand.
static COMPONENT_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*component\s+([A-Za-z_][A-Za-z0-9_]*)").expect("component definition pattern")
});

/// For each template, a hash of the template files it may be made of (see
/// [`template_closure`]), of the labels and of the site settings.
fn template_hashes(
    templates: &BTreeMap<String, (String, String)>,
    labels: &Value,
    config: &SiteConfig,
) -> HashMap<String, u64> {
    let shared = crate::hash::Stable::new().value(labels).value(&config.view()).finish();
    let texts: BTreeMap<&str, &str> =
        templates.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())).collect();
    let components = Components::of(&texts);
    let mut hashes = HashMap::new();
    for name in templates.keys() {
        let mut hash = crate::hash::Stable::new();
        hash.u64(shared);
        for part in template_closure(name, &texts, &components) {
            hash.str(part).str(texts.get(part).copied().unwrap_or(""));
        }
        hashes.insert(name.clone(), hash.finish());
    }
    hashes
}

/// The templates a page rendered with `name` may be made of: `name`, every template it names
/// (however deep), the templates defining each component it may call (a `<` before the name,
/// anywhere in it), and every template when it names one in a way not written out (a variable,
/// a list, an escape).
fn template_closure<'a>(
    name: &'a str,
    texts: &BTreeMap<&'a str, &'a str>,
    components: &Components<'a>,
) -> BTreeSet<&'a str> {
    let mut closure = BTreeSet::new();
    let mut todo = vec![name];
    while let Some(next) = todo.pop() {
        if !closure.insert(next) {
            continue;
        }
        let Some(&text) = texts.get(next) else { continue };
        for reference in TEMPLATE_REFERENCE.captures_iter(text) {
            match (1..=3).find_map(|group| reference.get(group)).map(|m| m.as_str()) {
                Some(named) if !named.contains('\\') => todo.push(named),
                _ => todo.extend(texts.keys().copied()),
            }
        }
        todo.extend(components.called_in(text));
    }
    closure
}

/// The components a theme's templates define, with the templates defining each, and a pattern
/// of their calls: found once for all the templates.
struct Components<'a> {
    defined: BTreeMap<&'a str, Vec<&'a str>>,
    calls: Option<Regex>,
}

impl<'a> Components<'a> {
    fn of(texts: &BTreeMap<&'a str, &'a str>) -> Self {
        let mut defined: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (&template, &text) in texts {
            for definition in COMPONENT_DEFINITION.captures_iter(text) {
                defined.entry(definition.get(1).map_or("", |m| m.as_str())).or_default().push(template);
            }
        }
        let calls = (!defined.is_empty()).then(|| {
            let names: Vec<String> = defined.keys().map(|name| regex::escape(name)).collect();
            Regex::new(&format!(r"<\s*/?\s*({})\b", names.join("|"))).expect("component call pattern")
        });
        Components { defined, calls }
    }

    /// The templates defining the components `text` may call.
    fn called_in(&self, text: &str) -> Vec<&'a str> {
        let Some(calls) = &self.calls else { return Vec::new() };
        calls
            .captures_iter(text)
            .filter_map(|call| self.defined.get(call.get(1)?.as_str()))
            .flatten()
            .copied()
            .collect()
    }
}

fn read_templates(
    root: &Path,
    dir: &Path,
    templates: &mut BTreeMap<String, (String, String)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = display_path(dir, entry.path());
        let path = display_path(root, entry.path());
        match std::fs::read(entry.path()) {
            Ok(bytes) => match crate::text::decode(&path, bytes) {
                Ok(text) => {
                    templates.insert(name, (path, text));
                }
                Err(d) => diagnostics.push(d),
            },
            Err(e) => diagnostics.push(Diagnostic::error(
                path,
                1,
                1,
                msg!("cannot-read", kind = crate::message::io_kind(&e), error = e.to_string()),
            )),
        }
    }
}

/// The files copied as they are: the default theme's, the chosen theme's `static/`, then the
/// archive's `static/`, each replacing files of the same path. A symbolic link to a file of the
/// archive is copied as that file; one that leads out of the archive, or nowhere, is left out
/// with a warning, as in `content/`.
pub fn static_files(root: &Path, config: &SiteConfig, diagnostics: &mut Vec<Diagnostic>) -> Vec<StaticFile> {
    let mut files: BTreeMap<String, StaticSource> = DEFAULT_STATIC
        .iter()
        .map(|(name, bytes)| (name.to_string(), StaticSource::Embedded(bytes)))
        .collect();
    let inside = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for dir in [root.join("themes").join(&config.theme).join("static"), root.join("static")] {
        collect_static(root, &inside, &dir, &mut files, diagnostics);
    }
    files.into_iter().map(|(path, source)| StaticFile { path, source }).collect()
}

fn collect_static(
    root: &Path,
    inside: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, StaticSource>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let path = entry.path();
        // A link is copied from the file it was found to lead to, not followed again later.
        let source = if entry.path_is_symlink() && entry.depth() > 0 {
            crate::content::linked_file(root, inside, path, "static", diagnostics)
        } else {
            entry.file_type().is_file().then(|| path.to_path_buf())
        };
        if let Some(source) = source {
            files.insert(display_path(dir, path), StaticSource::File(source));
        }
    }
}

fn load_labels(text: &str, config: &SiteConfig, diagnostics: &mut Vec<Diagnostic>) -> Value {
    match yaml::parse_mapping(text) {
        Ok(doc) => {
            diagnostics.extend(doc.repeated_keys.into_iter().map(|e| e.diagnostic("labels.yaml", 1)));
            doc.values.get(config.language.code()).cloned().unwrap_or(Value::Object(Default::default()))
        }
        Err(e) => {
            diagnostics.push(e.diagnostic("labels.yaml", 1));
            Value::Object(Default::default())
        }
    }
}

/// Lays a theme's labels over the default ones, key by key: a theme's labels.yaml names only
/// what it changes, and labels added to the default theme later still reach its pages.
fn merge_labels(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(existing) => merge_labels(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

static REPORT_LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-->\s*([^\s:]+):(\d+):(\d+)").expect("report location pattern"));

static QUOTED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"['`"]([^'`"]+)['`"]"#).expect("quoted name pattern"));

/// A Tera error as `path:line:col: message`, pointing at the template file.
fn template_diagnostic(paths: &BTreeMap<String, String>, error: &tera::Error) -> Diagnostic {
    let report = error.to_string();
    let message = report
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("template error")
        .trim_start_matches("error: ");
    let message = match message.find(". Available") {
        Some(cut) => &message[..cut],
        None => message,
    };
    let (path, line, column) = match REPORT_LOCATION.captures(&report) {
        Some(c) => {
            let name = &c[1];
            let path = paths.get(name).cloned().unwrap_or_else(|| name.to_string());
            (path, c[2].parse().unwrap_or(1), c[3].parse().unwrap_or(1))
        }
        // No place given (a circular include): the first template the message names.
        None => {
            let named = QUOTED_NAME.captures_iter(message).find_map(|c| paths.get(&c[1]).cloned());
            (named.unwrap_or_else(|| "templates".to_string()), 1, 1)
        }
    };
    Diagnostic::error(path, line, column, msg!("template-error", detail = message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_depends_on_what_it_names_in_any_quotes_and_on_component_definitions() {
        let texts: BTreeMap<&str, &str> = [
            ("base.html", "<main>{% block main %}{% endblock main %}</main>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block main %}{%- include 'part.html' %}{% endblock main %}",
            ),
            ("part.html", "{% include `deep.html` %}"),
            ("deep.html", "<p>deep</p>"),
            ("widgets.html", "{%- component Banner(text) %}<p>{{ text }}</p>{% endcomponent Banner %}"),
            ("banner.html", "<div>{{<Banner text=\"hi\" />}}</div>"),
            ("block.html", "{%<Banner text=\"x\">%}{%</Banner>%}"),
            ("any.html", "{% include some_name %}"),
            ("listed.html", "{% include [\"deep.html\"] %}"),
            ("escaped.html", "{% include \"de\\/ep.html\" %}"),
            ("set.html", "{% set b = <Banner text=\"x\" /> %}{{ b }}"),
            ("other.html", "{% component Other() %}o{% endcomponent Other %}<Bannerman>"),
            // Near misses: words in text, comments and expressions name nothing.
            (
                "plain.html",
                "<p>include \"deep.html\" {# include \"deep.html\" #} {{ a < b }} {{ \"x\" }}</p>",
            ),
            ("unrelated.html", "<p>unrelated</p>"),
        ]
        .into_iter()
        .collect();
        let all: Vec<&str> = texts.keys().copied().collect();
        let components = Components::of(&texts);
        let cases: [(&str, &[&str]); 11] = [
            ("page.html", &["base.html", "deep.html", "page.html", "part.html"]),
            ("part.html", &["deep.html", "part.html"]),
            ("deep.html", &["deep.html"]),
            ("banner.html", &["banner.html", "widgets.html"]),
            ("block.html", &["block.html", "widgets.html"]),
            ("any.html", &all),
            ("listed.html", &all),
            ("escaped.html", &all),
            ("set.html", &["set.html", "widgets.html"]),
            // Another component's name that starts alike is not a call.
            ("other.html", &["other.html"]),
            ("plain.html", &["plain.html"]),
        ];
        for (name, expected) in cases {
            let closure: Vec<&str> = template_closure(name, &texts, &components).into_iter().collect();
            assert_eq!(closure, expected, "{name}");
        }
    }
}
