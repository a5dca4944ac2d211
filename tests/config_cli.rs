//! `limberup config`, `completions` and `man` through the binary.

mod common;

use common::Sandbox;

#[test]
fn config_prints_the_effective_values_and_every_path() {
    let sb = Sandbox::new();
    let output = sb.cmd().arg("config").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let config_file = sb.config_dir().join("config.ron");
    assert!(text.starts_with(&format!(
        "// Config file:  {} (not found: every value is a default)\n\
         // Routines dir: {}\n\
         // History file: {}\n\
         Config(\n",
        config_file.display(),
        sb.routines_dir().display(),
        sb.history_file().display()
    )));
    assert!(text.contains("    check_in: true,     // default\n"));

    sb.write_config("Config(check_in: false)");
    let output = sb.cmd().arg("config").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with(&format!("// Config file:  {}\n", config_file.display())));
    assert!(text.contains(&format!(
        "    check_in: false,    // from {}\n",
        config_file.display()
    )));
}

/// A malformed config stops every command that reads it, with the exact place and a
/// speech command as the example (not a list of cue texts).
#[test]
fn a_speech_command_written_as_one_string_is_explained() {
    let sb = Sandbox::new();
    let path = sb.write_config("Config(\n    bell: false,\n    speech: \"say -r 180\",\n)\n");
    let output = sb.cmd().args(["plan", "core"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "limberup: {}:3:13: speech: expected a command and its arguments, each in double \
             quotes, e.g. `[\"espeak-ng\", \"-s\", \"150\"]` (`[]` for no speech), found \
             `\"say -r 180\"`\n",
            path.display()
        )
    );
}

#[test]
fn completions_for_every_shell_without_reading_the_config() {
    let sb = Sandbox::new();
    sb.write_config("this is not a config");
    // Each script registers for `limberup` and asks `limberup` (on PATH) for candidates.
    for (shell, marker, asks) in [
        (
            "bash",
            "complete -o nospace -o bashdefault",
            "LIMBERUP_COMPLETE=\"bash\"",
        ),
        ("zsh", "#compdef limberup", "LIMBERUP_COMPLETE=\"zsh\""),
        (
            "fish",
            "complete --keep-order --exclusive --command limberup",
            "LIMBERUP_COMPLETE=fish",
        ),
        (
            "elvish",
            "edit:completion:arg-completer[limberup]",
            "LIMBERUP_COMPLETE=\"elvish\"",
        ),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName limberup",
            "$env:LIMBERUP_COMPLETE = \"powershell\"",
        ),
    ] {
        let output = sb.cmd().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains(asks), "{shell}: {script}");
        assert!(
            !script.contains("/limberup"),
            "{shell}: no path to this build: {script}"
        );
    }
    let bad = sb.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn man_renders_a_roff_page_with_every_command() {
    let sb = Sandbox::new();
    let output = sb.cmd().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &page[..80]
    );
    assert!(page.contains(".TH limberup 1"));
    // One page holds every command (no pointers to limberup-run(1) pages that do not exist).
    for command in [
        "RUN",
        "HISTORY",
        "NEW",
        "EDIT",
        "CONFIG",
        "COMPLETIONS",
        "MAN",
    ] {
        assert!(
            page.contains(&format!(".SH \"LIMBERUP {command}\"\n.SS SYNOPSIS\n")),
            "{command}"
        );
    }
    assert!(!page.contains("limberup\\-run(1)"));
    assert!(page.contains("counted reps are then skipped"));
}
