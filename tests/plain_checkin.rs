//! The check-in of the plain coach on a real terminal (a pty): asked after the summary,
//! stored with the session, re-asked on a bad answer, skipped on an empty line, and not
//! asked at all with `check_in: false`.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{Sandbox, tiny_routine};
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use limberup::history;

fn spawn(sb: &Sandbox) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_limberup"));
    cmd.env("PATH", sb.silent_path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("HOME", sb.path())
        .args(["run", "tiny", "--plain"]);
    let mut session = Session::spawn(cmd).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn the_check_in_is_asked_and_stored() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let mut p = spawn(&sb);
    p.expect("Commands: Enter = count a rep").unwrap();
    p.expect("Summary: completed").unwrap();
    p.expect("How does your back feel? 0 (fine) to 10 (sharp pain) (Enter to skip):")
        .unwrap();
    p.send_line("eleven").unwrap();
    p.expect("\"eleven\" is not a score").unwrap();
    p.send_line("7").unwrap();
    p.expect("Back pain 7/10 noted. Stop any exercise that causes sharp or shooting pain")
        .unwrap();
    p.expect(Eof).unwrap();
    let records = history::load(&sb.history_file()).unwrap().records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].check_in, Some(7));
}

#[test]
fn an_empty_answer_skips_the_check_in() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let mut p = spawn(&sb);
    p.expect("(Enter to skip):").unwrap();
    p.send_line("").unwrap();
    p.expect(Eof).unwrap();
    let records = history::load(&sb.history_file()).unwrap().records;
    assert_eq!(records[0].check_in, None);
}

#[test]
fn check_in_false_turns_it_off() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    sb.write_config("Config(check_in: false)");
    let mut p = spawn(&sb);
    let found = p.expect(Eof).unwrap();
    // Everything up to the end of output is the match of `Eof`.
    let text: String = found
        .matches()
        .map(|m| String::from_utf8_lossy(m).into_owned())
        .collect();
    assert!(text.contains("Summary: completed"), "{text}");
    assert!(!text.contains("How does your back feel"), "{text}");
    assert_eq!(history::load(&sb.history_file()).unwrap().records.len(), 1);
}

#[test]
fn persistent_pain_is_noted_at_the_start() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let now = chrono::Local::now().fixed_offset();
    for days_ago in [4, 2, 1] {
        let started = now - chrono::Duration::days(days_ago);
        let record = common::record(
            started,
            300.0,
            limberup::session::Outcome::Completed,
            Some(8),
        );
        history::append(&sb.history_file(), &record).unwrap();
    }
    let mut p = spawn(&sb);
    p.expect("Note: Your last 3 check-ins over 4 days all reported back pain of 6 or more.")
        .unwrap();
    p.expect("(Enter to skip):").unwrap();
    p.send_line("").unwrap();
    p.expect(Eof).unwrap();
}
