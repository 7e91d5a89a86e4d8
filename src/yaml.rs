//! YAML reading, kept in one place.
//!
//! `serde_yaml` is deprecated upstream, so no other module names it: front-matter and
//! `site.yaml` come through here as plain JSON-like values with the positions of their
//! top-level keys, and a YAML syntax error comes back with its line and column. This module
//! does not know what any key means.

use std::collections::HashMap;

use crate::message::Message;
use crate::msg;

pub use serde_json::{Map, Value};

/// A YAML mapping read from a document: its values, and where each top-level key starts.
#[derive(Debug, Default)]
pub struct Document {
    pub values: Map<String, Value>,
    /// Line (from 1, relative to the YAML text) and column of each top-level key.
    pub key_positions: HashMap<String, (usize, usize)>,
    /// Top-level keys written again: each an error at its later line. The later entry was
    /// left out and the rest read, so that one run reports every other problem too.
    pub repeated_keys: Vec<SyntaxError>,
}

/// A YAML syntax or shape error at a line and column of the YAML text (from 1).
#[derive(Debug)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: Message,
    pub help: Option<Message>,
}

impl SyntaxError {
    /// The error as a diagnostic of `path`, whose YAML text starts on line `first_line`.
    pub fn diagnostic(self, path: &str, first_line: usize) -> crate::diag::Diagnostic {
        let mut d =
            crate::diag::Diagnostic::error(path, self.line + first_line - 1, self.column, self.message);
        d.help = self.help.map(Box::new);
        d
    }
}

/// Deepest nesting of `[` and `{` read. Front-matter needs three or four levels; the parser
/// takes time quadratic in the depth, so deeper text is refused before it is parsed.
const MAX_FLOW_DEPTH: usize = 32;

/// Parses `text` as a YAML mapping. An empty document is an empty mapping. A top-level key
/// written twice does not stop the reading: see [`Document::repeated_keys`].
pub fn parse_mapping(text: &str) -> Result<Document, SyntaxError> {
    check_flow_depth(text)?;
    let mut repeated_keys = Vec::new();
    let mut read = plain_spaces(text);
    let parsed: serde_yaml::Value = loop {
        match serde_yaml::from_str(&read) {
            Ok(parsed) => break parsed,
            Err(e) => {
                let Some(twice) = duplicate_key(&read, &e.to_string()) else {
                    return Err(syntax_error(&read, &e));
                };
                read = std::borrow::Cow::Owned(without_entry_at(&read, twice.line));
                repeated_keys.push(twice);
            }
        }
    };
    let values = match to_json(parsed) {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        _ => {
            return Err(SyntaxError {
                line: 1,
                column: 1,
                message: msg!("yaml-not-a-mapping"),
                help: Some(msg!("help-yaml-not-a-mapping")),
            });
        }
    };
    Ok(Document { values, key_positions: top_level_key_positions(&read), repeated_keys })
}

/// `text` with look-alike spaces ([`crate::text::is_lookalike_space`]: a word processor puts
/// them after a colon or before a list item) read as spaces where YAML needs a space and a
/// value cannot start: in a line's indentation, after a list item's `-`, and after the `:` of
/// a key written in ASCII at the start of a line. A character for a character, so lines and columns stay;
/// within a value (`Điều 5:\u{A0}Quy định`, `Kế hoạch\u{A0}#3`) they stay what they are.
fn plain_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(crate::text::is_lookalike_space) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut chars: Vec<char> = line.chars().collect();
        let mut at = blank_run(&mut chars, 0);
        while chars.get(at) == Some(&'-') && chars.get(at + 1).is_some_and(|&c| is_space_like(c)) {
            at = blank_run(&mut chars, at + 1);
        }
        let key_end = at
            + chars[at..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')).count();
        if key_end > at && chars.get(key_end) == Some(&':') {
            blank_run(&mut chars, key_end + 1);
        }
        out.extend(chars);
    }
    std::borrow::Cow::Owned(out)
}

fn is_space_like(c: char) -> bool {
    c == ' ' || crate::text::is_lookalike_space(c)
}

/// Makes the run of spaces and look-alikes from `at` plain spaces; returns where it ends.
fn blank_run(chars: &mut [char], at: usize) -> usize {
    let mut end = at;
    while let Some(c) = chars.get_mut(end).filter(|c| is_space_like(**c)) {
        *c = ' ';
        end += 1;
    }
    end
}

/// `text` with the top-level entry that starts on `line` (from 1) blanked out, up to the next
/// top-level key: every other line keeps its number.
fn without_entry_at(text: &str, line: usize) -> String {
    let next_key = top_level_keys(text).map(|(_, at)| at).find(|&at| at > line).unwrap_or(usize::MAX);
    let mut kept = String::with_capacity(text.len());
    for (index, written) in text.lines().enumerate() {
        if !(line..next_key).contains(&(index + 1)) {
            kept.push_str(written);
        }
        kept.push('\n');
    }
    kept
}

/// Refuses text whose brackets nest deeper than [`MAX_FLOW_DEPTH`]. Brackets inside quotes
/// count too: the bound is never lower than the real depth.
fn check_flow_depth(text: &str) -> Result<(), SyntaxError> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_FLOW_DEPTH {
            let (line, column) = crate::diag::line_col(text, at);
            return Err(SyntaxError {
                line,
                column,
                message: msg!("yaml-too-deep", levels = MAX_FLOW_DEPTH),
                help: Some(msg!("help-yaml-too-deep")),
            });
        }
    }
    Ok(())
}

fn syntax_error(text: &str, error: &serde_yaml::Error) -> SyntaxError {
    let full = error.to_string();
    let (mut line, mut column) = error.location().map_or((1, 1), |l| (l.line(), l.column()));
    let core = full.split(" at line ").next().unwrap_or(&full).to_string();
    // "…, while scanning a quoted scalar at line 2 column 8": the construct left open, where
    // the mistake is.
    let context = YAML_CONTEXT.captures(&full);
    if let Some(caps) = &context {
        line = caps[2].parse().unwrap_or(line);
        column = caps[3].parse().unwrap_or(column);
    }
    let context = context.map(|caps| caps[1].to_string()).unwrap_or_default();
    let tab_line = text.lines().position(|l| l.trim_start_matches(' ').starts_with('\t'));
    if let Some(tab) = tab_line.filter(|&t| t < line.max(error_line(error))) {
        let column = text.lines().nth(tab).and_then(|l| l.find('\t')).unwrap_or(0) + 1;
        return SyntaxError {
            line: tab + 1,
            column,
            message: msg!("yaml-tab"),
            help: Some(msg!("help-yaml-tab")),
        };
    }
    // A key written twice below the top level, said at its second time; one the top level's
    // check could not place keeps the parser's words.
    let nested = (column > 1).then(|| nested_duplicate_line(text, &core, line)).flatten();
    if let Some(second) = nested {
        (line, column) = second;
    }
    // A line in a list that is not an item: the line itself, not where the list began.
    if core.contains("expected '-' indicator") {
        (line, column) = error.location().map_or((line, column), |l| (l.line(), l.column()));
    }
    let (message, help) = match PARSER_SAYS.iter().find(|(said, within, id, _)| {
        core.contains(said)
            && context.contains(within)
            && (nested.is_some() || *id != "yaml-duplicate-nested-key")
    }) {
        Some((_, _, id, help)) => (Message::new(id), Some(Message::new(help))),
        None if context.is_empty() => (msg!("yaml-invalid", detail = core), None),
        None => (msg!("yaml-invalid", detail = format!("{core}, {context}")), None),
    };
    SyntaxError { line, column, message, help }
}

/// Where a key written twice below the top level is written the second time: the parser
/// says the group's first line (`from`); the second line of the group that holds the key at
/// the indentation of its keys.
fn nested_duplicate_line(text: &str, message: &str, from: usize) -> Option<(usize, usize)> {
    let quoted = message.split("duplicate entry with key ").nth(1)?;
    let key = quoted.trim().trim_matches('"');
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.get(from.checked_sub(1)?)?;
    let indent = first.len() - first.trim_start().len();
    let indent_of = |line: &str| line.len() - line.trim_start().len();
    let mut times = 0;
    for (at, line) in lines.iter().enumerate().skip(from - 1) {
        if !line.trim().is_empty() && indent_of(line) < indent {
            break; // the group ended
        }
        let holds = indent_of(line) == indent
            && line[indent..].strip_prefix(key).is_some_and(|after| after.trim_start().starts_with(':'));
        if holds {
            times += 1;
            if times == 2 {
                return Some((at + 1, indent + 1));
            }
        }
    }
    None
}

/// What the YAML parser says (in English), within which construct, the message that says it
/// in the archive's language, and its help line.
const PARSER_SAYS: &[(&str, &str, &str, &str)] = &[
    ("found a tab character", "", "yaml-tab", "help-yaml-tab"),
    ("end of stream", "quoted scalar", "yaml-unclosed-quote", "help-yaml-unclosed-quote"),
    ("did not find expected ',' or ']'", "", "yaml-unclosed-list", "help-yaml-bracket"),
    ("did not find expected ',' or '}'", "", "yaml-unclosed-map", "help-yaml-bracket"),
    ("mapping values are not allowed", "", "yaml-colon", "help-yaml-colon"),
    ("found character that cannot start any token", "", "yaml-bad-start", "help-yaml-bad-start"),
    ("did not find expected key", "", "yaml-not-a-key", "help-yaml-not-a-key"),
    ("did not find expected <document start>", "", "yaml-not-a-key", "help-yaml-not-a-key"),
    ("found unknown escape character", "", "yaml-bad-escape", "help-yaml-bad-escape"),
    ("unknown anchor", "", "yaml-bad-start", "help-yaml-bad-start"),
    ("block sequence entries are not allowed", "", "yaml-list-on-key-line", "help-yaml-not-a-key"),
    ("did not find expected '-' indicator", "", "yaml-not-a-list-item", "help-yaml-not-a-key"),
    ("could not find expected ':'", "", "yaml-no-colon", "help-yaml-no-colon"),
    ("duplicate entry with key", "", "yaml-duplicate-nested-key", "help-yaml-duplicate-nested-key"),
];

fn error_line(error: &serde_yaml::Error) -> usize {
    error.location().map_or(1, |l| l.line())
}

static YAML_CONTEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r", (while (?:parsing|scanning) [^,]*?) at line (\d+) column (\d+)")
        .expect("yaml context pattern")
});

/// A top-level key written twice, at the line of its second time: the parser says only
/// "duplicate entry", at the start of the mapping. `None` for a key written twice deeper down
/// (the parser's message then stands).
fn duplicate_key(text: &str, message: &str) -> Option<SyntaxError> {
    // The parser writes the key as Rust's `{:?}` does (quotes, escapes).
    let quoted = DUPLICATE_KEY.captures(message)?.get(1)?.as_str();
    let lines: Vec<(&str, usize)> =
        top_level_keys(text).filter(|(written, _)| format!("{written:?}") == quoted).collect();
    // Exactly two: a line of a quoted string or a bracket that runs on at the start of a line
    // may look like a key, and then which line is the second time is not known.
    let [(key, _), (_, second)] = lines.as_slice() else { return None };
    let (key, second) = (*key, *second);
    Some(SyntaxError {
        line: second,
        column: 1,
        message: msg!("yaml-duplicate-key", key = key),
        help: Some(msg!("help-yaml-duplicate-key", key = key)),
    })
}

static DUPLICATE_KEY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#"^duplicate entry with key ("(?:[^"\\]|\\.)*")"#).expect("duplicate key pattern")
});

/// Keys written at the start of a line (top-level keys of a block mapping), with their line
/// (from 1), in order.
fn top_level_keys(text: &str) -> impl Iterator<Item = (&str, usize)> {
    text.lines().enumerate().filter_map(|(index, line)| {
        let first = line.chars().next()?;
        if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '[') {
            return None;
        }
        let colon = line.find(':')?;
        Some((line[..colon].trim().trim_matches(|c| c == '"' || c == '\''), index + 1))
    })
}

/// Positions of keys written at the start of a line (top-level keys of a block mapping).
fn top_level_key_positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut positions = HashMap::new();
    for (key, line) in top_level_keys(text) {
        positions.entry(key.to_string()).or_insert((line, 1));
    }
    positions
}

/// A map of values kept as its JSON text, for binary formats that cannot read a
/// self-describing value back (`#[serde(with = "crate::yaml::as_json_text")]`).
pub mod as_json_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{Map, Value};

    pub fn serialize<S: Serializer>(map: &Map<String, Value>, serializer: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(map).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Map<String, Value>, D::Error> {
        let text = String::deserialize(deserializer)?;
        serde_json::from_str(&text).map_err(serde::de::Error::custom)
    }
}

fn to_json(value: serde_yaml::Value) -> Value {
    match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => number_to_json(&n),
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => Value::Array(items.into_iter().map(to_json).collect()),
        serde_yaml::Value::Mapping(mapping) => {
            Value::Object(mapping.into_iter().map(|(k, v)| (key_to_string(k), to_json(v))).collect())
        }
        serde_yaml::Value::Tagged(tagged) => to_json(tagged.value),
    }
}

fn number_to_json(n: &serde_yaml::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::from(i)
    } else if let Some(u) = n.as_u64() {
        Value::from(u)
    } else {
        n.as_f64().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number)
    }
}

fn key_to_string(key: serde_yaml::Value) -> String {
    match to_json(key) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_mapping_and_key_lines() {
        let doc = parse_mapping("title: Kế hoạch\n# note\ntags:\n  - a\n  - b\ndate: 2024-06-10\n").unwrap();
        assert_eq!(doc.values["title"], "Kế hoạch");
        assert_eq!(doc.values["date"], "2024-06-10");
        assert_eq!(doc.values["tags"][1], "b");
        assert_eq!(doc.key_positions["tags"], (3, 1));
        assert_eq!(doc.key_positions["date"], (6, 1));
    }

    #[test]
    fn syntax_error_has_position_without_repeating_it() {
        let err = parse_mapping("title: a\nissuer: [x\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        let text = err.message.text(crate::message::Language::En);
        assert!(!text.contains(" at line "), "{text}");
    }

    #[test]
    fn spaces_pasted_from_a_word_processor_are_read_as_the_spaces_they_look_like() {
        for (text, key, value) in [
            ("title:\u{A0}Kế hoạch\n", "title", json!("Kế hoạch")),
            ("title:\u{202F}\u{A0}Kế\u{A0}hoạch\n", "title", json!("Kế\u{A0}hoạch")),
            ("tags:\n\u{A0} - a\n\u{A0} -\u{A0}b\n", "tags", json!(["a", "b"])),
            ("signer:\n\u{3000}\u{3000}name:\u{A0}A\n", "signer", json!({"name": "A"})),
            // Near misses: ordinary text is read as it was, and within a value they stay.
            ("title: Kế hoạch\n", "title", json!("Kế hoạch")),
            ("title: \"a:b\"\n", "title", json!("a:b")),
            ("title: Điều 5:\u{A0}Quy định\n", "title", json!("Điều 5:\u{A0}Quy định")),
            ("title: Kế hoạch\u{A0}#3\n", "title", json!("Kế hoạch\u{A0}#3")),
            ("ghi_chu: a\u{202F}b\n", "ghi_chu", json!("a\u{202F}b")),
            ("title: >\n  Dòng một:\u{A0}tiếp\n", "title", json!("Dòng một:\u{A0}tiếp\n")),
        ] {
            let doc = parse_mapping(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(doc.values.get(key), Some(&value), "{text:?}");
        }
        // The same mistakes are said at the same place with lookalike spaces in the line.
        let err = parse_mapping("signer:\n  name:\u{A0}A\n  title B\n").unwrap_err();
        assert_eq!((err.message.id(), (err.line, err.column)), ("yaml-no-colon", (3, 3)));
    }

    #[test]
    fn the_parsers_mistakes_are_said_in_words_where_they_are() {
        for (text, id, at) in [
            ("number: 1\ntitle: \"A\nissuer: B\n", "yaml-unclosed-quote", (2, 8)),
            ("title: 'A\n", "yaml-unclosed-quote", (1, 8)),
            ("title: [A\nissuer: B\n", "yaml-unclosed-list", (1, 8)),
            ("tags: {a\n", "yaml-unclosed-map", (1, 7)),
            ("title: A: b\n", "yaml-colon", (1, 9)),
            ("signer:\n  name: A\n   title: B\n", "yaml-colon", (3, 9)),
            ("title: @A\n", "yaml-bad-start", (1, 8)),
            ("number: 1\n- a\n", "yaml-not-a-key", (2, 1)),
            ("title: a\nsigner:\n\tname: B\n", "yaml-tab", (3, 1)),
            ("title: \"Thông báo \\d x\"\n", "yaml-bad-escape", (1, 8)),
            ("title: *ten\n", "yaml-bad-start", (1, 8)),
            ("recipients: - A\n", "yaml-list-on-key-line", (1, 13)),
            ("recipients:\n  - A\n  B: c\n", "yaml-not-a-list-item", (3, 3)),
            ("signer:\n  name: A\n  title B\n", "yaml-no-colon", (3, 3)),
            ("signer:\n  name: A\n  title: C\n  name: B\n", "yaml-duplicate-nested-key", (4, 3)),
            ("signer:\n  title: C\n  name: A\n  name: B\n", "yaml-duplicate-nested-key", (4, 3)),
            // Near miss: a mistake without words of its own keeps the parser's.
            ("a: 1\nb: !x!y z\n", "yaml-invalid", (2, 4)),
        ] {
            let err = parse_mapping(text).unwrap_err();
            assert_eq!((err.message.id(), (err.line, err.column)), (id, at), "{text:?}: {err:?}");
            let said = err.message.text(crate::message::Language::Vi);
            assert!(!said.contains(" at line "), "{said}");
        }
    }

    #[test]
    fn tab_indentation_points_at_the_tab_with_help() {
        let err = parse_mapping("title: a\nsigner:\n\tname: B\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.help.unwrap().id(), "help-yaml-tab");
    }

    #[test]
    fn deep_brackets_are_refused_before_parsing() {
        let deep = format!("title: a\nx: {}{}\n", "[".repeat(40), "]".repeat(40));
        let err = parse_mapping(&deep).unwrap_err();
        assert_eq!((err.line, err.column), (2, 36));
        let fine = format!("x: {}1{}\n", "[".repeat(MAX_FLOW_DEPTH), "]".repeat(MAX_FLOW_DEPTH));
        assert!(parse_mapping(&fine).is_ok());
    }

    #[test]
    fn a_key_written_again_is_an_error_and_the_rest_is_still_read() {
        let doc =
            parse_mapping("title: a\ntitle: b\ndate: x\ntags:\n- c\ndate:\n  - y\n- z\nnumber: 1\n").unwrap();
        let lines: Vec<usize> = doc.repeated_keys.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 6]);
        assert_eq!(doc.values["title"], "a");
        assert_eq!(doc.values["date"], "x");
        assert_eq!(doc.values["tags"][0], "c");
        assert_eq!(doc.values["number"], 1);
        assert_eq!(doc.key_positions["number"], (9, 1));
        // Written once, nothing is left out.
        assert!(parse_mapping("title: a\ndate: x\n").unwrap().repeated_keys.is_empty());
    }

    #[test]
    fn a_top_level_key_written_twice_is_shown_where_it_comes_again() {
        use crate::message::Language;
        for (text, key, second) in [
            ("title: a\ntitle: b\n", "title", 2),
            ("number: 1\ntitle: a\ndate: 2024-01-02\n# note\ntitle: b\n", "title", 5),
            ("\"title\": a\ntitle: b\n", "title", 2),
            ("tags:\n  - a\ntags: [b]\n", "tags", 3),
            ("ngày ký: 1\nngày ký: 2\n", "ngày ký", 2),
        ] {
            let doc = parse_mapping(text).unwrap();
            let [err] = doc.repeated_keys.as_slice() else { panic!("{text:?}: {:?}", doc.repeated_keys) };
            assert_eq!((err.line, err.column), (second, 1), "{text:?}");
            assert_eq!(err.message.id(), "yaml-duplicate-key", "{text:?}");
            let said = err.message.text(Language::En);
            assert!(said.contains(key) && said.contains("twice"), "{said}");
            assert_eq!(err.help.as_ref().unwrap().id(), "help-yaml-duplicate-key");
        }
        // Near misses: twice deeper down (the parser's own message), and a key that only
        // looks the same in a value or a comment.
        let nested = parse_mapping("signer:\n  name: A\n  name: B\n").unwrap_err();
        assert_eq!((nested.message.id(), nested.line), ("yaml-duplicate-nested-key", 3));
        // A line of a quoted string that looks like the key: which line is the second time is
        // not known, so the parser's message stands.
        let unsure = parse_mapping("title: a\nsummary: \"Về việc\ntitle: sửa đổi\"\ntitle: b\n").unwrap_err();
        assert_eq!(unsure.message.id(), "yaml-invalid");
        let fine = parse_mapping("title: a\nsummary: \"title: b\"\n# title: c\n").unwrap();
        assert_eq!(fine.values["title"], "a");
    }
}
