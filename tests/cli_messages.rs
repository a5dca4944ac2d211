//! What the commands tell a user where the outcome is not what they may expect: a routine of
//! theirs that cannot take a built-in's place, warnings quoting their own config, and
//! arguments that cannot be accepted. Through the real binary, in a sandboxed home.

mod common;

use common::Sandbox;

/// Exit code, stdout and stderr of `limberup ARGS` with stdin closed.
fn run(home: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let out = home.cmd().args(args).write_stdin("").output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const BROKEN_WARM_UP: &str =
    "Routine(name: \"Mine\", kind: WarmUp, steps: [Step(name: \"S\", work: Hold(secs: 0))])";

/// A user's `warm-up.ron` with an error cannot replace the built-in, which then runs: every
/// command that uses it says so with the file's error, not only `list` and `validate`.
#[test]
fn a_broken_file_in_a_builtins_place_is_named_wherever_the_builtin_is_used_instead() {
    let home = Sandbox::new();
    let file = home.write_routine("warm-up", BROKEN_WARM_UP);
    let warning = format!(
        "limberup: warning: {0} has errors, so the built-in `warm-up` is used in its place:\n  \
         {0}:1:72: step 1 (\"S\"), work.secs: must be 1 to 3600 seconds, got 0\n",
        file.display()
    );
    // Named, as a combination's part, and among several (a session quit at once).
    for args in [
        &["plan", "warm-up"][..],
        &["export", "warm-up"],
        &["plan", "full-session"],
        &["run", "cool-down", "warm-up", "--plain", "--quiet"],
    ] {
        let out = home.cmd().args(args).write_stdin("q\n").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with(&warning), "{args:?}:\n{err}");
    }
    // The built-in's other users, and a file given by path, say nothing of it.
    for args in [&["plan", "cool-down"][..], &["list", "--json"]] {
        let (code, _, err) = run(&home, args);
        assert_eq!(code, 0);
        assert!(!err.contains("is used in its place"), "{args:?}: {err}");
    }
}

/// The sound and speech commands come from the config, as any text the user wrote: when
/// they fail, the warning shows their control characters escaped, never sends them raw.
#[test]
fn a_failing_sound_or_speech_command_is_named_with_its_control_characters_escaped() {
    let home = Sandbox::new();
    home.write_config(r#"Config(sound: ["pa\u{1b}[31mplay"], speech: ["say\u{7}"])"#);
    let routine = common::tiny_routine(1);
    let file = home.path().join("tiny.ron");
    std::fs::write(&file, routine).unwrap();
    let (code, _, err) = run(&home, &["run", file.to_str().unwrap(), "--plain"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains(['\u{1b}', '\u{7}']),
        "raw control characters: {err:?}"
    );
    assert!(
        err.contains("limberup: warning: sound player `pa\\u{1b}[31mplay` could not start"),
        "{err}"
    );
    assert!(
        err.contains("limberup: warning: speech command `say\\u{7}` could not start"),
        "{err}"
    );
}

/// `--since` takes a date as its help says, and a wrong one is told what is expected.
#[test]
fn history_since_says_what_date_it_expects() {
    let home = Sandbox::new();
    for bad in ["yesterday", "2026-13-01", "01/02/2026", ""] {
        let (code, out, err) = run(&home, &["history", "--since", bad]);
        assert_eq!((code, out.as_str()), (2, ""), "{bad:?}: {err}");
        assert!(
            err.contains(&format!(
                "expected a date as YYYY-MM-DD, e.g. 2026-03-01, got `{bad}`"
            )),
            "{bad:?}: {err}"
        );
    }
    let (code, _, err) = run(&home, &["history", "--since", "2026-03-01"]);
    assert_eq!(code, 0, "{err}");
}

/// A command people know by another name gets a tip naming ours; a slip of ours still gets
/// clap's own suggestion.
#[test]
fn another_name_for_a_command_is_pointed_to_ours() {
    let home = Sandbox::new();
    let (code, out, err) = run(&home, &["stats"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("unrecognized subcommand 'stats'")
            && err.contains("tip: `limberup history` is the command for that"),
        "{err}"
    );
    let (code, _, err) = run(&home, &["histroy"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'history'") && !err.contains("is the command for that"),
        "{err}"
    );
}
