//! The plain-text coach through the real binary: exact lines for short routines, commands
//! from stdin, end of input, signals, an unwritable data dir, a failing speech command.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{Sandbox, tiny_routine};
use limberup::history;
use limberup::session::Outcome;

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn a_tiny_routine_prints_one_stamped_line_per_change_and_a_summary() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(3));
    // stdin closed, stdout a pipe: plain mode without asking.
    let output = sb.cmd().args(["run", "tiny"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "[00:00] Tiny: 3 steps, 0:03 planned\n\
         [00:00] Hold 1: hold 1 s\n\
         [00:01] Hold 2: hold 1 s\n\
         [00:02] Hold 3: hold 1 s\n\
         [00:03] Done: Tiny\n\
         [00:03] Summary: completed, 3/3 steps done, 0 skipped, 0 reps, 0:03 active, 0:00 paused\n"
    );
    assert_eq!(stderr_of(&output), "");
    let loaded = history::load(&sb.history_file()).unwrap();
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0];
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.routine_id, "tiny");
    assert_eq!(record.active_secs, 3.0);
    assert_eq!(record.check_in, None);
    assert!(record.ended_at > record.started_at);
}

const MIXED: &str = r#"Routine(
    name: "Mixed",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 1,
    switch_secs: 1,
    steps: [
        Step(name: "Side", work: Hold(secs: 1), passes: ["Left", "Right"]),
        Step(name: "Breathe", work: Reps(count: 2, tempo_secs: 1.0, phases: ["In", "Out"])),
        Step(name: "Count", work: Reps(count: 3)),
    ],
)"#;

#[test]
fn passes_switches_rests_beats_and_counted_reps_skipped_at_end_of_input() {
    let sb = Sandbox::new();
    sb.write_routine("mixed", MIXED);
    let output = sb.cmd().args(["run", "mixed", "--plain"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_of(&output),
        "[00:00] Mixed: 3 steps, 0:07 planned plus 3 counted reps\n\
         [00:00] Side, Left: hold 1 s\n\
         [00:01] Switch sides: Right, 1 s\n\
         [00:02] Side, Right: hold 1 s\n\
         [00:03] Rest 1 s. Next: Breathe (step 2 of 3)\n\
         [00:04] Breathe: rep 1/2, In\n\
         [00:04] Breathe: rep 1/2, Out\n\
         [00:05] Breathe: rep 2/2, In\n\
         [00:05] Breathe: rep 2/2, Out\n\
         [00:06] Rest 1 s. Next: Count (step 3 of 3)\n\
         [00:07] Count: 3 reps, Enter after each\n\
         [00:07] No more input: skipping the counted reps of Count\n\
         [00:07] Done: Mixed\n\
         [00:07] Summary: completed, 2/3 steps done, 1 skipped, 2 reps, 0:07 active, 0:00 paused\n"
    );
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.reps(), 2);
}

const COUNT_FIRST: &str = r#"Routine(
    name: "Two",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    steps: [
        Step(name: "Count", work: Reps(count: 2)),
        Step(name: "Hold", work: Hold(secs: 1)),
    ],
)"#;

#[test]
fn empty_lines_count_reps() {
    let sb = Sandbox::new();
    sb.write_routine("two", COUNT_FIRST);
    let output = sb
        .cmd()
        .args(["run", "two"])
        .write_stdin("\n\n")
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "[00:00] Two: 2 steps, 0:01 planned plus 2 counted reps\n\
         [00:00] Count: 2 reps, Enter after each\n\
         [00:00] Count: rep 1/2\n\
         [00:00] Count: rep 2/2\n\
         [00:00] Hold: hold 1 s\n\
         [00:01] Done: Two\n\
         [00:01] Summary: completed, 2/2 steps done, 0 skipped, 2 reps, 0:01 active, 0:00 paused\n"
    );
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    assert_eq!(record.reps(), 2);
}

/// A `d` line marks counted reps done; at the end of input an open step's stopwatch stops,
/// so a script never waits forever on a workout.
#[test]
fn d_marks_a_set_done_and_the_end_of_input_stops_a_stopwatch() {
    let sb = Sandbox::new();
    sb.write_routine(
        "open",
        r#"Routine(name: "Open", kind: Other, prepare_secs: 0, rest_secs: 0, steps: [
            Step(name: "Count", work: Reps(count: 5)),
            Step(name: "Train", work: Open()),
        ])"#,
    );
    let output = sb
        .cmd()
        .args(["run", "open"])
        .write_stdin("d\n")
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "[00:00] Open: 2 steps, 0:00 planned plus 5 counted reps plus an open step\n\
         [00:00] Count: 5 reps, Enter after each\n\
         [00:00] Train: stopwatch running, Enter when done\n\
         [00:00] No more input: stopping the stopwatch of Train\n\
         [00:00] Train: stopwatch stopped at 0:00\n\
         [00:00] Done: Open\n\
         [00:00] Summary: completed, 2/2 steps done, 0 skipped, 5 reps, 0:00 active, 0:00 paused\n"
    );
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    assert!(record.steps[0].passes[0].marked_done);
}

#[test]
fn q_quits_and_the_quit_is_recorded() {
    let sb = Sandbox::new();
    sb.write_routine("two", COUNT_FIRST);
    let output = sb
        .cmd()
        .args(["run", "two"])
        .write_stdin("\nx\nq\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let out = stdout_of(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[2], "[00:00] Count: rep 1/2");
    assert!(lines[3].starts_with("[00:00] Unknown command \"x\". Commands: Enter = count"));
    assert_eq!(lines[4], "[00:00] Stopped: you quit");
    assert!(
        lines[5].starts_with("[00:00] Summary: quit, 0/2 steps done, "),
        "{}",
        lines[5]
    );
    assert!(lines[5].ends_with(", 1 reps, 0:00 active, 0:00 paused"));
    assert_eq!(lines.len(), 6);
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    assert_eq!(record.outcome, Outcome::Quit);
}

#[test]
fn scale_multiplies_holds() {
    let sb = Sandbox::new();
    sb.write_routine(
        "one",
        "Routine(name: \"One\", kind: Other, prepare_secs: 0, steps: [Step(name: \"H\", work: Hold(secs: 4))])",
    );
    let output = sb
        .cmd()
        .args(["run", "one", "--scale", "0.25"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "[00:00] One: 1 step, 0:01 planned\n\
         [00:00] H: hold 1 s\n\
         [00:01] Done: One\n\
         [00:01] Summary: completed, 1/1 steps done, 0 skipped, 0 reps, 0:01 active, 0:00 paused\n"
    );
    let bad = sb
        .cmd()
        .args(["run", "one", "--scale", "5"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr_of(&bad).contains("must be from 0.25 to 4, got 5"));
}

#[test]
fn an_unwritable_data_dir_warns_and_the_session_still_runs() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let blocker = sb.path().join("not-a-dir");
    std::fs::write(&blocker, "a file where the data dir should be").unwrap();
    let output = sb
        .cmd()
        .env("XDG_DATA_HOME", &blocker)
        .args(["run", "tiny"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).ends_with(
        "[00:01] Summary: completed, 1/1 steps done, 0 skipped, 0 reps, 0:01 active, 0:00 paused\n"
    ));
    let history = blocker.join("limberup/history.jsonl");
    let cause = format!(
        "limberup: warning: cannot create the directory of {}: Not a directory (os error 20)",
        history.display()
    );
    assert_eq!(
        stderr_of(&output),
        format!("{cause}; sessions cannot be recorded\n{cause}; this session was not recorded\n")
    );
}

#[test]
fn a_missing_speech_command_warns_once_and_the_session_completes() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(3));
    sb.write_config("Config(speech: [\"/nonexistent/limberup-speaker\", \"-v\"])");
    let output = sb.cmd().args(["run", "tiny"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).contains("Summary: completed, 3/3 steps done"));
    let stderr = stderr_of(&output);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(
        "limberup: warning: speech command `/nonexistent/limberup-speaker` could not start"
    ));
    assert!(stderr.trim_end().ends_with("going on without speech"));
}

#[test]
fn speak_uses_espeak_ng_by_default() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    // A PATH without espeak-ng: the default command is missing, so it warns once.
    let output = sb
        .cmd()
        .env("PATH", sb.path())
        .args(["run", "tiny", "--speak"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr_of(&output);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("limberup: warning: speech command `espeak-ng` could not start"));
}

#[test]
fn speech_says_each_cue_in_the_background() {
    let sb = Sandbox::new();
    sb.write_routine("mixed", MIXED);
    let log = sb.path().join("said.txt");
    let script = sb.path().join("say.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    sb.write_config(&format!(
        "Config(speech: [{:?}])",
        script.display().to_string()
    ));
    let output = sb.cmd().args(["run", "mixed"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr_of(&output), "");
    let said = std::fs::read_to_string(&log).unwrap();
    // Each cue a second or so apart: all are said, in order.
    for cue in [
        "Left",
        "Switch sides. Right",
        "Rest. Next: Breathe",
        "In",
        "Out",
        "Rest. Next: Count",
    ] {
        assert!(said.lines().any(|l| l == cue), "{cue:?} not in {said:?}");
    }
}

#[test]
fn signals_record_an_interrupted_session_and_exit_128_plus_the_signal() {
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let sb = Sandbox::new();
        sb.write_routine("tiny", &tiny_routine(60));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
            .env("PATH", sb.silent_path())
            .env("XDG_CONFIG_HOME", sb.path().join("config"))
            .env("XDG_DATA_HOME", sb.path().join("data"))
            .env("HOME", sb.path())
            .args(["run", "tiny"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut err = child.stderr.take().unwrap();
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        assert!(first.contains("Tiny: 60 steps"));
        // The second line comes after the signal handlers are in place.
        let mut second = String::new();
        out.read_line(&mut second).unwrap();
        assert_eq!(second, "[00:00] Hold 1: hold 1 s\n");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        let rest: Vec<String> = out.lines().map(Result::unwrap).collect();
        assert!(
            rest.iter().any(|l| l.ends_with("Stopped: interrupted")),
            "{rest:?}"
        );
        assert!(rest.last().unwrap().contains("Summary: interrupted"));
        let record = &history::load(&sb.history_file()).unwrap().records[0];
        assert_eq!(record.outcome, Outcome::Interrupted, "SIG{signal}");
        // How to go on is said.
        let mut said = String::new();
        std::io::Read::read_to_string(&mut err, &mut said).unwrap();
        assert!(
            said.ends_with(
                "limberup: the session stopped; `limberup resume` takes it up at the step it \
                 stopped in\n"
            ),
            "SIG{signal}: {said:?}"
        );
    }
}

#[test]
fn a_bad_config_stops_every_command_with_its_location() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let path = sb.write_config("Config(\n    rest_secs: 10,\n    bel: true,\n)\n");
    let expected = format!(
        "limberup: {}:3:5: bel: unknown field `bel` in `Config`; expected one of `prepare_secs`, \
         `rest_secs`, `switch_secs`, `sounds`, `beat`, `sound`, `check_in`, `speech`, \
         `confirm_quit`, `theme`, `motion`, `bell`, `hook` (did you mean `bell`?)\n",
        path.display()
    );
    for args in [
        &["run", "tiny"][..],
        &["history"],
        &["config"],
        &["new", "Mine"],
    ] {
        let output = sb.cmd().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr_of(&output), expected, "{args:?}");
        assert_eq!(stdout_of(&output), "", "{args:?}");
    }
    sb.write_config("Config(switch_secs: 700)");
    let output = sb.cmd().args(["run", "tiny"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: {}:1:8: switch_secs: must be 0 to 600 seconds, got 700\n",
            path.display()
        )
    );
    assert!(!sb.history_file().exists());
}

#[test]
fn an_unknown_routine_is_an_error() {
    let sb = Sandbox::new();
    let output = sb.cmd().args(["run", "nope"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).starts_with("limberup: nope: no routine with this id among"));
}
