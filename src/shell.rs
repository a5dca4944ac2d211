//! Packaging helpers: shell completion and the man page, both generated from the clap
//! definitions so they never drift from the real command line.

mod manual;

use std::ffi::OsStr;
use std::io::Write;

use clap::CommandFactory;
use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};
use clap_complete::env::Shells;
use clap_complete::{CompleteEnv, Shell};
use clap_mangen::Man;

use crate::cli::Cli;
use crate::paths::Paths;
use crate::routine::{ids, looks_like_path};

/// Set by the completion scripts when they call limberup back for candidates
/// (`LIMBERUP_COMPLETE=bash limberup -- WORDS...`). Our own name rather than clap's
/// default `COMPLETE`, which a user's environment may set for something else: a stray one
/// would turn every run into a completion request.
pub(crate) const COMPLETE_VAR: &str = "LIMBERUP_COMPLETE";

/// Answers a shell's completion request and exits, when this run is one; else returns.
/// Must run before anything is written to stdout.
pub fn complete_if_asked() {
    CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// Writes the completion script for `shell`: a small one that asks `limberup` (found on
/// PATH) for the candidates on each TAB, so routine ids are those of the moment.
pub fn completions(shell: Shell, out: &mut impl Write) -> std::io::Result<()> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let adapter = shells
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion script for {name}")))?;
    let mut script = Vec::new();
    adapter.write_registration(
        COMPLETE_VAR,
        "limberup",
        "limberup",
        "limberup",
        &mut script,
    )?;
    out.write_all(&script)
}

/// Candidates for a routine argument: the ids that start with the word, then routine files.
/// A word that looks like a path gets directories and `.ron` files; a bare word also gets
/// the `.ron` files in the current directory.
pub(crate) fn complete_routine(current: &OsStr) -> Vec<CompletionCandidate> {
    let word = current.to_string_lossy();
    let pathlike = looks_like_path(&word) || word.starts_with('.') || word.starts_with('~');
    let mut candidates: Vec<CompletionCandidate> = if pathlike {
        Vec::new()
    } else {
        ids(Paths::from_env().routines_dir().as_deref())
            .into_iter()
            .filter(|id| id.starts_with(word.as_ref()))
            .map(CompletionCandidate::new)
            .collect()
    };
    let ron = |p: &std::path::Path| p.is_file() && p.extension().is_some_and(|x| x == "ron");
    let files = if pathlike {
        PathCompleter::any().filter(move |p| p.is_dir() || ron(p))
    } else {
        PathCompleter::any().filter(ron)
    };
    candidates.extend(files.complete(current));
    candidates
}

/// Candidates for a figure argument: the built-in figure ids and the stems of the user's
/// figure files (without reading them) that start with the word, then `.ron` paths.
pub(crate) fn complete_figure(current: &OsStr) -> Vec<CompletionCandidate> {
    let word = current.to_string_lossy();
    let pathlike = looks_like_path(&word) || word.starts_with('.') || word.starts_with('~');
    let mut ids: Vec<String> = Vec::new();
    if !pathlike {
        let builtins = crate::figure::builtins()
            .iter()
            .map(|(id, _)| id.to_string());
        let dir = Paths::from_env().figures_dir();
        let files = dir
            .and_then(|d| std::fs::read_dir(d).ok())
            .into_iter()
            .flatten();
        let stems = files.filter_map(|e| {
            let path = e.ok()?.path();
            path.extension().is_some_and(|x| x == "ron").then_some(())?;
            Some(path.file_stem()?.to_str()?.to_string())
        });
        for id in builtins.into_iter().chain(stems) {
            if id.starts_with(word.as_ref()) && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let ron = |p: &std::path::Path| p.is_file() && p.extension().is_some_and(|x| x == "ron");
    let mut candidates: Vec<CompletionCandidate> =
        ids.into_iter().map(CompletionCandidate::new).collect();
    candidates.extend(
        PathCompleter::any()
            .filter(move |p| (pathlike && p.is_dir()) || ron(p))
            .complete(current),
    );
    candidates
}

/// Writes one man page (roff) holding every command: the main synopsis and options, then a
/// section per command with its own synopsis, description and options. (clap_mangen alone
/// would point at a limberup-run(1) page and so on, which a single page cannot ship.)
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let main = Man::new(cli.clone());
    let mut page = Vec::new();
    main.render_title(&mut page)?;
    main.render_name_section(&mut page)?;
    synopsis(&cli, &mut page)?;
    main.render_description_section(&mut page)?;
    main.render_options_section(&mut page)?;
    for sub in cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let man = Man::new(sub.clone());
        let mut part = Vec::new();
        synopsis(sub, &mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        writeln!(page, ".SH \"LIMBERUP {}\"", sub.get_name().to_uppercase())?;
        // Each command's sections become subsections of its own section.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(title) => writeln!(page, ".SS {title}")?,
                None => writeln!(page, "{line}")?,
            }
        }
    }
    manual::sections().to_writer(&mut page)?;
    main.render_version_section(&mut page)?;
    // Every render call repeats the page's string definitions; keep the first of each.
    let mut seen = std::collections::HashSet::new();
    for line in String::from_utf8_lossy(&page).lines() {
        let definition = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if !definition || seen.insert(line.to_string()) {
            writeln!(out, "{}", ascii(line))?;
        }
    }
    Ok(())
}

/// The SYNOPSIS section of `cmd` (built): as clap_mangen's, but every option that takes a
/// value shows it (`[--scale F]`) and an argument that repeats says so (`<ROUTINE>...`).
fn synopsis(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let bold = |text: &str| format!("\\fB{}\\fR", roff_escape(text));
    let italic = |text: &str| format!("\\fI{}\\fR", roff_escape(text));
    let name = cmd.get_bin_name().unwrap_or(cmd.get_name());
    let mut words = vec![bold(name)];
    // Options first, then the arguments, as usage lines read.
    let mut args: Vec<&clap::Arg> = cmd.get_arguments().filter(|a| !a.is_hide_set()).collect();
    args.sort_by_key(|a| a.is_positional());
    for arg in args {
        let takes = arg.get_num_args().is_some_and(|n| n.takes_values());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let value = || {
            let names = arg.get_value_names().map(|n| n[0].to_string());
            italic(&names.unwrap_or_else(|| arg.get_id().to_string().to_uppercase()))
        };
        if arg.is_positional() {
            let dots = if many { "..." } else { "" };
            words.push(if arg.is_required_set() {
                format!("<{}>{dots}", value())
            } else {
                format!("[{}]{dots}", value())
            });
            continue;
        }
        let flags: Vec<String> = arg
            .get_short()
            .map(|c| bold(&format!("-{c}")))
            .into_iter()
            .chain(arg.get_long().map(|l| bold(&format!("--{l}"))))
            .collect();
        let value = if takes {
            format!(" {}", value())
        } else {
            String::new()
        };
        words.push(format!("[{}{value}]", flags.join("|")));
    }
    if cmd.has_subcommands() {
        words.push(format!("[{}]", italic("COMMAND")));
    }
    writeln!(out, ".SH SYNOPSIS")?;
    writeln!(out, "{}", words.join(" "))
}

/// `text` with roff's special characters escaped (a `-` would be a hyphen, not a minus).
fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// `line` with each non-ASCII character (the arrow keys' `→`) as roff's `\[uXXXX]`: troff
/// reads bytes, and not every man reader converts UTF-8 for it first.
fn ascii(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}
