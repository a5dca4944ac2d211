//! The man page's own sections, which clap knows nothing of: KEYS (from the keymap tables
//! and plain mode's command list, so they never drift), FILES, ENVIRONMENT, EXIT STATUS.

use roff::{Inline, Roff, bold, italic, roman};

use crate::plain::lines::COMMANDS;
use crate::sound::Sound;
use crate::tui::HELP_SECTIONS;

/// The sections, in the order man pages give them.
pub(crate) fn sections() -> Roff {
    let mut page = Roff::new();
    keys(&mut page);
    sounds(&mut page);
    files(&mut page);
    environment(&mut page);
    exit_status(&mut page);
    page
}

/// A tagged paragraph: `term` on its line, `text` indented under it.
fn item(page: &mut Roff, term: Inline, text: &str) {
    page.control("TP", []).text([term]).text([roman(text)]);
}

fn keys(page: &mut Roff) {
    page.control("SH", ["KEYS"]).text([
        roman("The full-screen coach reads single keys; "),
        bold("?"),
        roman(" shows the same list on the screen."),
    ]);
    for (title, bindings) in HELP_SECTIONS {
        page.control("SS", [title]);
        for binding in bindings {
            item(page, bold(binding.label), binding.help);
        }
    }
    page.control("SS", ["Plain mode"]).text([roman(
        "Plain mode (run --plain) reads a command per line from stdin: type it, then Enter.",
    )]);
    // The list plain mode prints itself: `KEYS = what, KEYS = what, ...`.
    for (keys, what) in COMMANDS.split(", ").filter_map(|c| c.split_once(" = ")) {
        item(page, bold(keys), what);
    }
}

/// Every sound the coach makes, with when it plays: the same table as the README's.
fn sounds(page: &mut Roff) {
    page.control("SH", ["SOUNDS"]).text([roman(
        "Each cue has its own short sound, made by limberup itself (config sounds: Auto, \
         Bell or Off; beat: false drops the rep sounds: beat, inhale, exhale, hold, turn).",
    )]);
    for sound in Sound::ALL {
        let (when, what) = sound.description();
        item(page, bold(sound.name()), &format!("{when}: {what}."));
    }
}

/// (path, its default, what it holds), on Linux; `limberup config` prints them anywhere.
const FILES: [(&str, &str, &str); 7] = [
    (
        "$XDG_CONFIG_HOME/limberup/config.ron",
        "~/.config/limberup/config.ron",
        "The config: timings, sounds and their player, speech command, check-in, theme, \
         motion. Every field is \
         optional; a missing file means the defaults, a bad one is an error. \
         limberup config prints the effective values and every path.",
    ),
    (
        "$XDG_CONFIG_HOME/limberup/routines/",
        "~/.config/limberup/routines/",
        "Your routines, one NAME.ron file each; the file stem is the id. A file with a \
         built-in's id takes the built-in's place. Hidden files are skipped: edit keeps its \
         draft of a built-in there as .ID.draft.ron.",
    ),
    (
        "$XDG_CONFIG_HOME/limberup/figures/",
        "~/.config/limberup/figures/",
        "Your own figures (*.ron), the moving drawings a step names with `figure:`; a file of yours with a built-in figure's id replaces it.",
    ),
    (
        "$XDG_DATA_HOME/limberup/history.jsonl",
        "~/.local/share/limberup/history.jsonl",
        "The session history, one JSON record per line, only ever appended.",
    ),
    (
        "$XDG_DATA_HOME/limberup/resume/",
        "~/.local/share/limberup/resume/",
        "A file per unfinished session (the newest few): what `limberup resume` needs to take up the one that stopped last, rewritten crash-safely at each step change.",
    ),
    (
        "$XDG_CACHE_HOME/limberup/sounds/",
        "~/.cache/limberup/sounds/",
        "The sounds limberup makes itself, as WAV files; made again when missing, so they \
         can be deleted at any time.",
    ),
    (
        "$XDG_RUNTIME_DIR/limberup/status.json",
        "~/.local/state/limberup/status.json without XDG_RUNTIME_DIR",
        "While a session runs: where it is and when its phase ends, rewritten at each phase \
         change and removed at its end; read by `limberup status`.",
    ),
];

fn files(page: &mut Roff) {
    page.control("SH", ["FILES"]);
    for (path, default, what) in FILES {
        item(page, italic(path), &format!("{what} (default {default})"));
    }
}

/// (variable, what limberup does with it).
const ENVIRONMENT: [(&str, &str); 12] = [
    (
        "XDG_CONFIG_HOME",
        "Where the config, routines and figures are (default ~/.config).",
    ),
    (
        "XDG_DATA_HOME",
        "Where the history is (default ~/.local/share).",
    ),
    (
        "XDG_CACHE_HOME",
        "Where the sound files are made (default ~/.cache).",
    ),
    (
        "XDG_RUNTIME_DIR",
        "Where a running session's status file is (else the state directory, \
         ~/.local/state).",
    ),
    ("HOME", "The base of the defaults."),
    (
        "NO_COLOR",
        "When set and not empty: no colour in the coach or the history report.",
    ),
    (
        "TERM",
        "dumb: run coaches in plain mode, and the picker refuses to start.",
    ),
    (
        "VISUAL",
        "The editor for edit, before EDITOR; a value with arguments or quotes runs through sh.",
    ),
    (
        "EDITOR",
        "The editor for edit when VISUAL is not set (else vi).",
    ),
    (
        "PATH",
        "Where the editor, the sound player (pw-play, paplay, aplay, afplay, play or \
         ffplay, unless `sound` names one) and the speech command (espeak-ng by default) \
         are found.",
    ),
    (
        "TZ",
        "The time zone of session times, streaks and the history calendar.",
    ),
    (
        "LIMBERUP_COMPLETE",
        "Set by the completion scripts: limberup then prints completion candidates for the \
         words after -- instead of running.",
    ),
];

fn environment(page: &mut Roff) {
    page.control("SH", ["ENVIRONMENT"]);
    for (var, what) in ENVIRONMENT {
        item(page, bold(var), what);
    }
}

/// (status, when).
const EXIT_STATUS: [(&str, &str); 7] = [
    ("0", "Success, a session completed or quit included."),
    (
        "1",
        "A failure: validate found a routine with errors, an edit was left with errors, \
         an editor would not start, new was given a name that is taken or has no letters, \
         the picker found no terminal, resume found nothing to resume (or a session it \
         cannot take up).",
    ),
    (
        "2",
        "A file or argument that could not be accepted: a bad config or routine file, an \
         unknown routine id, a bad option.",
    ),
    (
        "101",
        "An internal error (a bug); a session under way was recorded as interrupted first.",
    ),
    (
        "128+N",
        "Signal N ended limberup (129 SIGHUP, 130 SIGINT, 143 SIGTERM); a session under \
         way was recorded as interrupted first. A second signal while the first is handled \
         ends limberup at once.",
    ),
    (
        "130",
        "Ctrl-C in the full-screen coach (a key there, not a signal): the session was \
         recorded as interrupted.",
    ),
    (
        "141",
        "Plain mode's output was closed (a pipe whose reader went away), as SIGPIPE would \
         end a program, after the session was recorded.",
    ),
];

fn exit_status(page: &mut Roff) {
    page.control("SH", ["EXIT STATUS"]);
    for (code, when) in EXIT_STATUS {
        item(page, bold(code), when);
    }
}
