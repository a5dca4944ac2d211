//! Faults around the full-screen coach, through the real binary in a pty: signals from
//! outside, a panic, a full disk. Each must leave the terminal as the shell had it (modes,
//! main screen, cursor) and the history whole.

mod common;
mod pty_support;

use std::path::Path;

use common::{at, record};
use limberup::history;
use limberup::session::Outcome;
use pty_support::{Coach, SHORT, history_file, prepare};

/// Sends `signal` as `kill -SIG PID` from outside, during a session.
fn signal_during_a_session(signal: &str, code: i32) {
    let mut coach = Coach::spawn_sane(
        prepare(SHORT, None),
        &["run", "$DIR/short.ron"],
        80,
        24,
        &[],
    );
    coach.wait_for("Step one", 5.0);
    assert!(coach.raw(), "raw mode during the session");
    assert!(coach.parser.screen().alternate_screen());
    assert!(coach.parser.screen().hide_cursor());
    let killed = std::process::Command::new("kill")
        .args([format!("-{signal}"), coach.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(coach.exit_code(3.0), code, "SIG{signal}");
    assert!(
        coach.cooked(),
        "SIG{signal}: modes restored: {:?}",
        coach.termios()
    );
    assert!(!coach.parser.screen().alternate_screen(), "SIG{signal}");
    assert!(!coach.parser.screen().hide_cursor(), "SIG{signal}");
    let loaded = history::load(&coach.history_path()).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 1, "SIG{signal}");
    assert_eq!(
        loaded.records[0].outcome,
        Outcome::Interrupted,
        "SIG{signal}"
    );
}

#[test]
fn sigterm_restores_the_terminal_records_the_session_and_exits_143() {
    signal_during_a_session("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_records_the_session_and_exits_129() {
    signal_during_a_session("HUP", 129);
}

#[test]
fn sigint_from_kill_restores_the_terminal_records_the_session_and_exits_130() {
    signal_during_a_session("INT", 130);
}

/// The check above can fail: a program killed while its terminal is raw leaves it raw.
#[test]
fn the_mode_check_sees_a_terminal_left_raw() {
    let coach = Coach::start_program("sh", &["-c", "stty raw -echo && kill -9 $$"], 80, 24);
    let status = coach.pty.get_process().wait().unwrap();
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Signaled(..)),
        "{status:?}"
    );
    assert!(coach.raw() && !coach.cooked(), "{:?}", coach.termios());
}

/// Two good records in the history before `dir`'s session starts; returns the file's bytes.
fn seed_history(path: &Path) -> Vec<u8> {
    for (day, outcome) in [(1, Outcome::Completed), (2, Outcome::Quit)] {
        let r = record(at(2026, 3, day, 7, 0), 300.0, outcome, Some(1));
        history::append(path, &r).unwrap();
    }
    std::fs::read(path).unwrap()
}

/// `cargo test` builds the binary with `fault-injection`: the session loop panics on purpose
/// after its first frame when `LIMBERUP_FAULT` is set. A panic saves nothing (the state that
/// panicked is not to be trusted, and the panic hook only restores the terminal), so the
/// history must be exactly as it was.
#[cfg(feature = "fault-injection")]
#[test]
fn a_panic_restores_the_terminal_and_leaves_the_history_as_it_was() {
    let dir = prepare(SHORT, None);
    let path = history_file(dir.path());
    let before = seed_history(&path);
    let env = [("LIMBERUP_FAULT", "panic")];
    let mut coach = Coach::spawn_sane(dir, &["run", "$DIR/short.ron"], 80, 24, &env);
    assert_eq!(coach.exit_code(5.0), 101);
    let screen = coach.screen();
    assert!(screen.contains("injected fault"), "{screen}");
    assert!(coach.cooked(), "modes restored: {:?}", coach.termios());
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let loaded = history::load(&path).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let outcomes: Vec<Outcome> = loaded.records.iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, [Outcome::Completed, Outcome::Quit]);
}

const ONE_HOLD: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    steps: [Step(name: "Only step", work: Hold(secs: 1))],
)"#;

/// The history is `/dev/full`: the picker reads it (a read that would never end), and the
/// save fails with ENOSPC as on a full disk.
#[test]
fn a_full_disk_is_a_warning_naming_the_file_and_the_coach_ends_normally() {
    let dir = prepare(ONE_HOLD, Some("(check_in: Some(false))"));
    let path = history_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("/dev/full", &path).unwrap();
    let cause = format!(
        "cannot write {}: No space left on device (os error 28)",
        path.display()
    );
    let mut coach = Coach::spawn_sane(dir, &[], 160, 30, &[]);
    coach.wait_for("Routines (4)", 5.0);
    coach.send("/short");
    coach.wait_for("Routines (1)", 2.0);
    coach.send("\r\r");
    let screen = coach.wait_for("the session was not saved", 6.0);
    assert!(screen.contains(&cause), "{screen}");
    assert!(screen.contains("completed"), "{screen}");
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    assert!(coach.cooked());
    assert!(!coach.parser.screen().alternate_screen());
    let after = coach.screen();
    assert!(
        after.contains(&format!("limberup: the session was not saved: {cause}")),
        "{after}"
    );
}
