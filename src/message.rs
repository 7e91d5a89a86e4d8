//! Messages: everything Gazette says to its users — diagnostics and their help lines, the build
//! summary and notes, progress, the preview's overlay — in the archive's language.
//!
//! Owns the [`Language`] and the catalogues, one Fluent file per language (`locales/vi.ftl`,
//! `locales/en.ftl`, compiled into the binary), and [`Message`]: an identifier with its
//! arguments, made where a problem is found and put into words only when shown, in the language
//! of the archive it is shown for. Which messages exist is the catalogues'; code names them with
//! [`msg!`]. The theme's labels on pages are not messages: they are the theme's.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language of an archive: of its pages' labels and of what Gazette tells its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
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

/// A value a message puts into its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    Text(String),
    /// A count: the catalogue chooses the plural form by it.
    Number(i64),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, i64, i32, i16, u8);

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

/// Something to say: a catalogue identifier and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Message {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// A [`Message`]: `msg!("missing-key", key = "title")`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// The identifier of a message whose whole text comes from elsewhere (another library).
const VERBATIM: &str = "verbatim";

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message { id: Cow::Borrowed(id), args: Vec::new() }
    }

    /// Text that is not in the catalogues (a library's own message), shown as it is.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message::new(VERBATIM).arg("text", text.into())
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The text given for the argument `name`, if any.
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| n == name).and_then(|(_, value)| match value {
            Arg::Text(text) => Some(text.as_str()),
            Arg::Number(_) => None,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The message in words, in `language`.
    pub fn text(&self, language: Language) -> String {
        let bundle = bundle(language);
        let Some(pattern) = bundle.get_message(&self.id).and_then(|m| m.value()) else {
            return format!("{} {:?}", self.id, self.args);
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            args.set(name.as_ref(), value);
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
    }
}

/// Says `id` with no arguments, in `language`.
pub fn text(language: Language, id: &'static str) -> String {
    Message::new(id).text(language)
}

/// Says the message named `id` at run time, with no arguments, in `language`; `None` when the
/// catalogue has no such message.
pub fn text_named(language: Language, id: &str) -> Option<String> {
    let pattern = bundle(language).get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle(language).format_pattern(pattern, None, &mut errors).into_owned())
}

/// An error whose words are a [`Message`], with help when the fix is obvious: commands say it
/// in the archive's language (see [`describe`]); elsewhere it reads in English.
#[derive(Debug)]
pub struct Failure {
    pub message: Message,
    pub help: Option<Message>,
    /// What went wrong underneath (a system error), said after the message.
    cause: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Failure {
    pub fn new(message: Message) -> Failure {
        Failure { message, help: None, cause: None }
    }

    pub fn with_help(message: Message, help: Message) -> Failure {
        Failure { message, help: Some(help), cause: None }
    }

    fn text(&self, language: Language) -> String {
        match &self.help {
            Some(help) => format!(
                "{}\n  {}: {}",
                self.message.text(language),
                text(language, "label-help"),
                help.text(language)
            ),
            None => self.message.text(language),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|cause| cause as &(dyn std::error::Error + 'static))
    }
}

/// Says what failed in the archive's language, keeping the error underneath as its cause:
/// `fs::write(&path, text).said(|| msg!("io-cannot-write", path = …))?`.
pub trait Said<T> {
    fn said(self, message: impl FnOnce() -> Message) -> anyhow::Result<T>;
}

impl<T, E: Into<Box<dyn std::error::Error + Send + Sync>>> Said<T> for Result<T, E> {
    fn said(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.map_err(|cause| Failure { message: message(), help: None, cause: Some(cause.into()) }.into())
    }
}

/// The kinds of system error said in words: the kind, its name for a message's `$kind`
/// selector (`cannot-read`), and the message that says it alone (`io-…`).
const SYSTEM_ERRORS: &[(std::io::ErrorKind, &str, &str)] = {
    use std::io::ErrorKind::*;
    &[
        (NotFound, "not-found", "io-not-found"),
        (PermissionDenied, "permission-denied", "io-permission-denied"),
        (AlreadyExists, "already-exists", "io-already-exists"),
        (NotADirectory, "not-a-folder", "io-not-a-folder"),
        (IsADirectory, "is-a-folder", "io-is-a-folder"),
        (DirectoryNotEmpty, "folder-not-empty", "io-folder-not-empty"),
        (StorageFull, "disk-full", "io-disk-full"),
        (QuotaExceeded, "disk-full", "io-disk-full"),
        (ReadOnlyFilesystem, "read-only", "io-read-only"),
        (InvalidFilename, "bad-name", "io-bad-name"),
        (CrossesDevices, "other-disk", "io-other-disk"),
    ]
};

fn system_error_entry(
    error: &std::io::Error,
) -> Option<&'static (std::io::ErrorKind, &'static str, &'static str)> {
    SYSTEM_ERRORS.iter().find(|(kind, ..)| *kind == error.kind())
}

/// The kind of a system error, for a message that says it in words (`$kind` of
/// `cannot-read`), or `other` (the message then shows the system's own words).
pub fn io_kind(error: &std::io::Error) -> &'static str {
    system_error_entry(error).map_or("other", |(_, name, _)| name)
}

/// A system error in words: the common kinds in the archive's language, the others as the
/// system says them.
pub fn system_error(error: &std::io::Error, language: Language) -> String {
    match system_error_entry(error) {
        Some((_, _, id)) => text(language, id),
        None => error.to_string(),
    }
}

/// An error and its causes, outermost first, in `language` where they are [`Failure`]s.
pub fn describe(error: &anyhow::Error, language: Language) -> String {
    error
        .chain()
        .map(|cause| {
            if let Some(failure) = cause.downcast_ref::<Failure>() {
                failure.text(language)
            } else if let Some(system) = cause.downcast_ref::<std::io::Error>() {
                system_error(system, language)
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// Stops with `message` (and `help`) as the error: `fail!(msg!("output-is-root"))`.
#[macro_export]
macro_rules! fail {
    ($message:expr) => {
        return Err($crate::message::Failure::new($message).into())
    };
    ($message:expr, $help:expr) => {
        return Err($crate::message::Failure::with_help($message, $help).into())
    };
}

type Bundle = FluentBundle<FluentResource>;

static VI: LazyLock<Bundle> = LazyLock::new(|| load("vi", include_str!("../locales/vi.ftl")));
static EN: LazyLock<Bundle> = LazyLock::new(|| load("en", include_str!("../locales/en.ftl")));

fn bundle(language: Language) -> &'static Bundle {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

fn load(code: &str, source: &str) -> Bundle {
    let resource = FluentResource::try_new(source.to_string()).expect("the catalogue parses");
    let mut bundle = FluentBundle::new_concurrent(vec![code.parse().expect("a language code")]);
    // Messages go to terminals and logs: no invisible isolation marks around arguments.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no message is defined twice");
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identifiers of a catalogue, in order.
    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string()).expect("parses");
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_catalogues_say_the_same_messages() {
        let vi = ids(include_str!("../locales/vi.ftl"));
        let en = ids(include_str!("../locales/en.ftl"));
        assert_eq!(vi, en, "the catalogues list the same identifiers in the same order");
        for id in &vi {
            for language in [Language::Vi, Language::En] {
                let text = bundle(language).get_message(id).and_then(|m| m.value());
                assert!(text.is_some(), "{id} has a value in {language:?}");
            }
        }
    }

    #[test]
    fn counts_choose_plural_forms_and_arguments_are_put_in() {
        let one = msg!("summary-warnings", count = 1usize);
        let many = msg!("summary-warnings", count = 3usize);
        assert_eq!(one.text(Language::En), "1 warning");
        assert_eq!(many.text(Language::En), "3 warnings");
        assert_eq!(many.text(Language::Vi), "3 cảnh báo");
        let key = msg!("missing-key", key = "title");
        assert_eq!(key.text(Language::En), "missing required key `title`");
        assert_eq!(Message::verbatim("as it is").text(Language::Vi), "as it is");
    }
}
