//! The man page's own sections: KEYS from the keymap tables and plain mode's command list
//! (so it never drifts from what the keys do), FILES, ENVIRONMENT (every variable the code
//! reads) and EXIT STATUS.

mod common;

use std::path::Path;

use common::Sandbox;
use limberup::plain::command;
use limberup::plain::lines::COMMANDS;
use limberup::tui::HELP_SECTIONS;

fn page() -> String {
    let output = Sandbox::new().cmd().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

/// The lines of section `name`: from its `.SH` up to the next `.SH`.
fn section<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let head = format!(".SH {name}");
    let quoted = format!(".SH \"{name}\"");
    page.lines()
        .skip_while(|l| *l != head && *l != quoted)
        .skip(1)
        .take_while(|l| !l.starts_with(".SH "))
        .collect()
}

/// roff text as a reader sees it: escapes undone, font changes dropped.
fn plain(roff: &str) -> String {
    let mut text = String::new();
    let mut rest = roff;
    while let Some(at) = rest.find("\\[u") {
        text.push_str(&rest[..at]);
        let end = at + rest[at..].find(']').unwrap();
        let code = u32::from_str_radix(&rest[at + 3..end], 16).unwrap();
        text.push(char::from_u32(code).unwrap());
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    text.replace("\\-", "-")
        .replace("\\*(Aq", "'")
        .replace("\\&", "")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
}

/// The `.TP` items of `lines` as (term, text), each under the `.SS` title before it
/// (`""` before any).
fn items(lines: &[&str]) -> Vec<(String, String, String)> {
    let mut title = String::new();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(t) = line.strip_prefix(".SS ") {
            title = t.trim_matches('"').to_string();
        } else if *line == ".TP" {
            out.push((title.clone(), plain(lines[i + 1]), plain(lines[i + 2])));
        }
    }
    out
}

#[test]
fn the_page_has_keys_files_environment_and_exit_status() {
    let page = page();
    let heads: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
    let at = |h: &str| {
        heads
            .iter()
            .position(|x| *x == h)
            .unwrap_or_else(|| panic!("{h}: {heads:?}"))
    };
    let order = [
        at(".SH \"LIMBERUP MAN\""),
        at(".SH KEYS"),
        at(".SH FILES"),
        at(".SH ENVIRONMENT"),
        at(".SH \"EXIT STATUS\""),
        at(".SH VERSION"),
    ];
    assert!(order.is_sorted(), "{heads:?}");
    // groff, where it is installed, reads it without a warning.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("limberup.1");
    std::fs::write(&file, &page).unwrap();
    if let Ok(out) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(&file)
        .output()
    {
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
    }
}

/// Every key of every table, in the help overlay's order, then plain mode's commands.
#[test]
fn the_keys_section_is_the_keymap() {
    let page = page();
    let got = items(&section(&page, "KEYS"));
    let mut want: Vec<(String, String, String)> = Vec::new();
    for (title, bindings) in HELP_SECTIONS {
        for b in bindings {
            want.push((title.to_string(), b.label.to_string(), b.help.to_string()));
        }
    }
    let plain_mode: Vec<&(String, String, String)> =
        got.iter().filter(|(t, _, _)| t == "Plain mode").collect();
    assert_eq!(got[..want.len()], want[..]);
    assert_eq!(got.len(), want.len() + plain_mode.len(), "{got:#?}");
    // Plain mode's lines are the ones it prints as its command list, and each works.
    let listed: Vec<String> = plain_mode
        .iter()
        .map(|(_, k, w)| format!("{k} = {w}"))
        .collect();
    assert_eq!(listed.join(", "), COMMANDS);
    for (_, keys, _) in plain_mode {
        for key in keys.split(" / ") {
            let line = if key == "Enter" { "" } else { key };
            assert!(command(line).is_ok(), "{key}");
        }
    }
    for line in ["", "p", "n", "b", "+", "-", "q"] {
        assert!(
            got.iter().any(|(t, k, _)| t == "Plain mode"
                && (k == line
                    || (line.is_empty() && k == "Enter")
                    || k.split(" / ").any(|x| x == line))),
            "{line:?} is a plain command the page lacks"
        );
    }
}

#[test]
fn files_name_each_path_with_its_default() {
    let page = page();
    let files = items(&section(&page, "FILES"));
    let terms: Vec<&str> = files.iter().map(|(_, term, _)| term.as_str()).collect();
    assert_eq!(
        terms,
        [
            "$XDG_CONFIG_HOME/limberup/config.ron",
            "$XDG_CONFIG_HOME/limberup/routines/",
            "$XDG_CONFIG_HOME/limberup/figures/",
            "$XDG_DATA_HOME/limberup/history.jsonl",
            "$XDG_DATA_HOME/limberup/resume/",
            "$XDG_CACHE_HOME/limberup/sounds/",
            "$XDG_RUNTIME_DIR/limberup/status.json",
        ]
    );
    for (default, (_, _, text)) in [
        "~/.config/limberup/config.ron",
        "~/.config/limberup/routines/",
        "~/.config/limberup/figures/",
        "~/.local/share/limberup/history.jsonl",
        "~/.local/share/limberup/resume/",
        "~/.cache/limberup/sounds/",
        "~/.local/state/limberup/status.json",
    ]
    .iter()
    .zip(&files)
    {
        assert!(text.contains(&format!("default {default}")), "{text}");
    }
}

/// Every variable the code reads by name is documented (the test-only fault switch
/// aside), and so are those read through libraries or from a list.
#[test]
fn environment_lists_every_variable_the_code_reads() {
    let page = page();
    let vars: Vec<String> = items(&section(&page, "ENVIRONMENT"))
        .into_iter()
        .map(|(_, term, _)| term)
        .collect();
    let mut read = Vec::new();
    source_vars(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut read,
    );
    assert!(read.iter().any(|v| v == "NO_COLOR"), "{read:?}");
    let other_ways = [
        // The `directories` crate and chrono's local time zone.
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "HOME",
        "TZ",
        // Where the editor, the sound player and the speech command are found.
        "PATH",
        // `edit` reads these from a list; the completion scripts set the last.
        "VISUAL",
        "EDITOR",
        "LIMBERUP_COMPLETE",
    ];
    for var in read.iter().map(String::as_str).chain(other_ways) {
        if var == "LIMBERUP_FAULT" {
            continue;
        }
        assert!(vars.iter().any(|v| v == var), "{var} is not in {vars:?}");
    }
}

/// Names in `var("NAME")` and `var_os("NAME")` in every source file under `dir`.
fn source_vars(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_vars(&path, out);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in ["var(\"", "var_os(\""] {
            for (i, _) in text.match_indices(call) {
                let rest = &text[i + call.len()..];
                if let Some(end) = rest.find('"') {
                    out.push(rest[..end].to_string());
                }
            }
        }
    }
}

#[test]
fn exit_status_names_each_code() {
    let page = page();
    let codes: Vec<String> = items(&section(&page, "EXIT STATUS"))
        .into_iter()
        .map(|(_, term, _)| term)
        .collect();
    assert_eq!(codes, ["0", "1", "2", "101", "128+N", "130", "141"]);
    let text = plain(&section(&page, "EXIT STATUS").join("\n"));
    for words in ["recorded as interrupted", "Ctrl-C", "SIGPIPE", "SIGTERM"] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

#[test]
fn each_synopsis_shows_option_values_and_repeated_arguments() {
    let page = page();
    let synopses: Vec<String> = page
        .lines()
        .zip(page.lines().skip(1))
        .filter(|(head, _)| head.ends_with(" SYNOPSIS"))
        .map(|(_, line)| plain(line))
        .collect();
    let of = |command: &str| {
        synopses
            .iter()
            .find(|s| s.starts_with(&format!("{command} [")) || s.as_str() == command)
            .unwrap_or_else(|| panic!("no synopsis for {command}: {synopses:?}"))
            .clone()
    };
    let run = of("limberup run");
    assert!(run.contains("[--scale F]"), "{run}");
    assert!(run.ends_with("<ROUTINE>..."), "{run}");
    assert!(of("limberup validate").ends_with("<ROUTINE>..."));
    assert!(of("limberup figures").contains("[--tempo SECS]"));
    assert!(of("limberup").contains("[--scale F]"));
    // Coaching options only where they mean something.
    for command in ["limberup new", "limberup validate", "limberup history"] {
        let synopsis = of(command);
        for flag in ["--scale", "--still", "--quiet", "--speak"] {
            assert!(!synopsis.contains(flag), "{synopsis}");
        }
    }
}

/// SOUNDS lists every sound the coach plays, with when and what, as the README's table does
/// (both from `Sound::description`).
#[test]
fn sounds_lists_every_sound_as_the_readme_table_does() {
    use limberup::sound::Sound;
    let page = page();
    let listed = items(&section(&page, "SOUNDS"));
    let expected: Vec<_> = Sound::ALL
        .iter()
        .map(|s| {
            let (when, what) = s.description();
            (
                String::new(),
                s.name().to_string(),
                format!("{when}: {what}."),
            )
        })
        .collect();
    assert_eq!(listed, expected);
    let readme = std::fs::read_to_string("README.md").unwrap();
    let rows: Vec<&str> = readme
        .lines()
        .skip_while(|l| *l != "| Sound | When | What it is |")
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let want: Vec<String> = Sound::ALL
        .iter()
        .map(|s| {
            let (when, what) = s.description();
            format!("| {} | {when} | {what} |", s.name())
        })
        .collect();
    assert_eq!(rows, want, "the README's table of sounds");
}
