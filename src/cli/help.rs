//! The command line's help in the archive's language: what each command and option is for,
//! the headings, the usage line and the placeholders of values, all from the catalogues
//! (`cli-…` messages), so that `gazette --help` speaks as the rest of Gazette does.
//!
//! The commands and options themselves are `mod.rs`'s (clap's derive); this module only puts
//! words on them. Each command `NAME` is said by `cli-NAME`, each of its options `ID` by
//! `cli-NAME-ID` (`--root`, the same for every command, by `cli-root`), and the value an
//! option takes by `cli-value-ID`. Defaults and the values an option takes are in its words,
//! not added in English after them.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Command, CommandFactory as _};

use crate::message::{Language, text_named};

/// The catalogue's name for the command line itself.
const TOP: &str = "cli";

/// The command line of `gazette`, every word of its help in `language`.
pub fn command(language: Language) -> Command {
    let top = super::Cli::command()
        .disable_version_flag(true)
        .arg(flag("version", 'V', ArgAction::Version, say(language, "cli-version")))
        .disable_help_subcommand(true);
    // `gazette help COMMAND` takes the name of a command, said as a mistake otherwise.
    let names: Vec<String> = top.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    let top = top.mut_subcommand("help", |help| {
        help.mut_arg("command", |arg| arg.value_parser(PossibleValuesParser::new(names)))
    });
    let mut top = localize(top, TOP, &[], language);
    top.build();
    top
}

/// `command`, named `key` in the catalogue and called as `path` after `gazette`, with its
/// options and commands said in `language`.
fn localize(command: Command, key: &str, path: &[&str], language: Language) -> Command {
    let options = say(language, "cli-options");
    let arguments = say(language, "cli-arguments");
    let mut command = command
        .about(say(language, key))
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help, say(language, "cli-help-flag")))
        .subcommand_help_heading(say(language, "cli-commands"))
        .subcommand_value_name(say(language, "cli-command-placeholder"))
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}",
            say(language, "cli-usage")
        ));
    let ids: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in &ids {
        let heading = if is_positional(&command, id) { arguments.clone() } else { options.clone() };
        command = command.mut_arg(id, |arg| localize_arg(arg, key, language).help_heading(heading));
    }
    let usage = usage(&command, path, language);
    command = command.override_usage(usage);
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    for name in &names {
        let sub_path: Vec<&str> = path.iter().copied().chain([name.as_str()]).collect();
        command =
            command.mut_subcommand(name, |sub| localize(sub, &format!("cli-{name}"), &sub_path, language));
    }
    command
}

/// A flag of clap's own (`--help`, `--version`) in our words.
fn flag(name: &'static str, short: char, action: ArgAction, help: String) -> Arg {
    Arg::new(name).short(short).long(name).action(action).help(help)
}

fn is_positional(command: &Command, id: &str) -> bool {
    command.get_arguments().any(|arg| arg.get_id() == id && arg.is_positional())
}

/// An option of the command named `key`: what it is for and the name of its value.
fn localize_arg(arg: Arg, key: &str, language: Language) -> Arg {
    let id = arg.get_id().to_string();
    if matches!(id.as_str(), "help" | "version") {
        return arg;
    }
    let help = if id == "root" { "cli-root".to_string() } else { format!("{key}-{id}") };
    let arg = arg.help(say(language, &help));
    if arg.get_action().takes_values() {
        arg.hide_default_value(true)
            .hide_possible_values(true)
            .value_name(say(language, &format!("cli-value-{id}")))
    } else {
        arg
    }
}

/// The usage line: `gazette build [OPTIONS]`, `gazette import [OPTIONS] <FILES>...`, with the
/// placeholders in `language`.
fn usage(command: &Command, path: &[&str], language: Language) -> String {
    let mut line = std::iter::once("gazette").chain(path.iter().copied()).collect::<Vec<_>>().join(" ");
    line.push_str(&format!(" [{}]", say(language, "cli-options-placeholder")));
    for arg in command.get_positionals() {
        let name =
            arg.get_value_names().and_then(|names| names.first()).map_or(String::new(), ToString::to_string);
        let many = if matches!(arg.get_action(), ArgAction::Append) { "..." } else { "" };
        if arg.is_required_set() {
            line.push_str(&format!(" <{name}>{many}"));
        } else {
            line.push_str(&format!(" [{name}]{many}"));
        }
    }
    if command.has_subcommands() {
        line.push_str(&format!(" <{}>", say(language, "cli-command-placeholder")));
    }
    line
}

/// The catalogue's words for `id`; a missing one is a mistake of the catalogues, which the
/// tests below catch, and shows as its name.
fn say(language: Language, id: &str) -> String {
    text_named(language, id).unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name a command line's help takes from the catalogue.
    fn names(command: &Command, key: &str, out: &mut Vec<String>) {
        out.push(key.to_string());
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            out.push(if id == "root" { "cli-root".to_string() } else { format!("{key}-{id}") });
            if arg.get_action().takes_values() {
                out.push(format!("cli-value-{id}"));
            }
        }
        for sub in command.get_subcommands() {
            names(sub, &format!("cli-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_option_and_value_is_said_in_both_languages() {
        let mut wanted = Vec::new();
        names(&super::super::Cli::command(), TOP, &mut wanted);
        wanted.extend(
            ["version", "help-flag", "usage", "options", "arguments", "commands", "options-placeholder"]
                .map(|id| format!("cli-{id}")),
        );
        wanted.push("cli-command-placeholder".into());
        for language in [Language::Vi, Language::En] {
            for id in &wanted {
                assert!(text_named(language, id).is_some(), "{id} is not said in {language:?}");
            }
        }
        // A near miss: a name no command or option has is not said.
        assert!(text_named(Language::Vi, "cli-build-nothing").is_none());
    }

    #[test]
    fn the_usage_line_names_the_command_and_its_arguments_in_the_language() {
        let vi = command(Language::Vi);
        let import = vi.find_subcommand("import").expect("import");
        assert_eq!(usage(import, &["import"], Language::Vi), "gazette import [TÙY CHỌN] <TỆP>...");
        let en = command(Language::En);
        let init = en.find_subcommand("init").expect("init");
        assert_eq!(usage(init, &["init"], Language::En), "gazette init [OPTIONS] [FOLDER]");
        assert_eq!(usage(&en, &[], Language::En), "gazette [OPTIONS] <COMMAND>");
    }
}
