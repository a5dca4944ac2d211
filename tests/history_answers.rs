//! Check-in answers as lines of their own: the session's record is written when it ends,
//! so a process killed at the question loses nothing; the answer follows and readers join
//! it to its session; histories with the answer inside the record still read.

mod common;
mod pty_support;

use common::{at, record};
use expectrl::process::unix::Signal;
use limberup::checkin::{Answer, persistent_pain};
use limberup::history::{self, Line, WINDOW};
use limberup::session::{Outcome, SessionId, SessionRecord};
use pty_support::Coach;

fn session(day: u32, id: &str) -> SessionRecord {
    let mut r = record(at(2026, 3, day, 7, 0), 600.0, Outcome::Completed, None);
    r.id = Some(SessionId(id.to_string()));
    r
}

fn answer(id: &str, score: u8, day: u32) -> Answer {
    Answer {
        session: SessionId(id.to_string()),
        score,
        at: at(2026, 3, day, 7, 15),
    }
}

fn write(path: &std::path::Path, line: Line<'_>) {
    history::write(path, line, history::LOCK_WAIT, &mut |_| {}).unwrap();
}

#[test]
fn an_answer_is_a_line_of_its_own_joined_to_its_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let (a, b) = (session(1, "a1"), session(2, "b2"));
    write(&path, Line::Session(&a));
    write(&path, Line::Session(&b));
    // Answered after another session had ended, and a second thought later: it wins.
    write(&path, Line::CheckIn(&answer("a1", 3, 1)));
    write(&path, Line::CheckIn(&answer("a1", 8, 1)));
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[2],
        r#"{"check_in":{"session":"a1","score":3,"at":"2026-03-01T07:15:00+01:00"}}"#
    );
    assert!(!lines[0].contains("check_in"), "{}", lines[0]);
    let loaded = history::load(&path).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let scores: Vec<Option<u8>> = loaded.records.iter().map(|r| r.check_in).collect();
    assert_eq!(scores, [Some(8), None]);
    // The short read for the pain notice joins them too.
    let recent = history::recent(&path, history::RECENT_BYTES).unwrap();
    assert_eq!(recent, loaded.records);
}

#[test]
fn old_histories_with_the_answer_inside_the_record_still_read() {
    let old = record(at(2026, 3, 1, 7, 0), 600.0, Outcome::Completed, Some(6));
    let text = format!("{}\n", serde_json::to_string(&old).unwrap());
    assert!(
        text.starts_with("{\"routine_id\""),
        "no id in old records: {text}"
    );
    let loaded = history::parse(text.as_bytes());
    assert_eq!(loaded.records, vec![old]);
    assert!(loaded.skipped.is_empty());
}

#[test]
fn an_answer_without_its_session_nearby_is_named() {
    let mut text = String::new();
    let line = |l: Line<'_>| match l {
        Line::Session(r) => serde_json::to_string(r).unwrap(),
        Line::CheckIn(a) => serde_json::json!({ "check_in": a }).to_string(),
        Line::Progress(m) => serde_json::json!({ "progress": m }).to_string(),
    };
    text.push_str(&format!("{}\n", line(Line::CheckIn(&answer("gone", 5, 1)))));
    let first = session(1, "first");
    text.push_str(&format!("{}\n", line(Line::Session(&first))));
    for i in 0..WINDOW {
        text.push_str(&format!(
            "{}\n",
            line(Line::Session(&session(2, &format!("s{i}"))))
        ));
    }
    // Its session is WINDOW + 1 records back: too far to join.
    text.push_str(&format!(
        "{}\n",
        line(Line::CheckIn(&answer("first", 2, 1)))
    ));
    let loaded = history::parse(text.as_bytes());
    assert_eq!(loaded.records.len(), WINDOW + 1);
    assert_eq!(loaded.records[0], first);
    let skipped: Vec<(usize, String)> = loaded
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.clone()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                1,
                "a check-in for session gone, which is not among the 32 records before it"
                    .to_string()
            ),
            (
                WINDOW + 3,
                "a check-in for session first, which is not among the 32 records before it"
                    .to_string()
            ),
        ]
    );
    // A malformed answer is named as one.
    let bad = r#"{"check_in": {"session": "a", "score": "x", "at": "2026-03-01T07:00:00Z"}}"#;
    let loaded = history::parse(bad.as_bytes());
    assert!(
        loaded.skipped[0].reason.starts_with("not a check-in: "),
        "{:?}",
        loaded.skipped
    );
}

#[test]
fn the_pain_notice_sees_answers_stored_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    for (day, id) in [(7, "d7"), (8, "d8"), (9, "d9")] {
        write(&path, Line::Session(&session(day, id)));
        write(&path, Line::CheckIn(&answer(id, 7, day)));
    }
    let records = history::recent(&path, history::RECENT_BYTES).unwrap();
    let notice = persistent_pain(&records, at(2026, 3, 10, 12, 0)).expect("a notice");
    assert!(
        notice.starts_with("Your last 3 check-ins over 3 days"),
        "{notice}"
    );
}

/// A routine of one 1-second hold: the summary and its question come at once.
const ONE_HOLD: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    steps: [Step(name: "Only step", work: Hold(secs: 1))],
)"#;

/// Kills the coach with SIGKILL (as the OOM killer or a power cut would end it) while it
/// waits for the check-in answer; the session must already be in the history.
fn killed_at_the_question(args: &[&str], question: &str) {
    let mut coach = Coach::start_with(ONE_HOLD, args, 100, 30, None);
    coach.wait_for(question, 8.0);
    coach.signal(Signal::SIGKILL);
    let status = coach.pty.get_process().wait().unwrap();
    assert!(
        matches!(
            status,
            expectrl::process::unix::WaitStatus::Signaled(_, Signal::SIGKILL, _)
        ),
        "{status:?}"
    );
    let history = coach.history();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0]["outcome"], "completed");
    assert!(history[0]["id"].is_string(), "{:?}", history[0]);
    assert!(history[0].get("check_in").is_none());
}

#[test]
fn the_coach_killed_at_the_check_in_has_saved_the_session() {
    killed_at_the_question(&["run", "$DIR/short.ron"], "How does your back feel?");
}

#[test]
fn plain_mode_killed_at_the_check_in_has_saved_the_session() {
    killed_at_the_question(
        &["run", "--plain", "$DIR/short.ron"],
        "How does your back feel? 0 (fine) to 10 (sharp pain) (Enter to skip):",
    );
}

#[test]
fn an_answer_in_plain_mode_is_appended_after_the_record() {
    let mut coach = Coach::start_with(
        ONE_HOLD,
        &["run", "--plain", "$DIR/short.ron"],
        100,
        30,
        None,
    );
    coach.wait_for("(Enter to skip):", 8.0);
    coach.send("4\r");
    coach.wait_for("Back pain 4/10 noted.", 3.0);
    assert_eq!(coach.exit_code(3.0), 0);
    let text = std::fs::read_to_string(coach.history_path()).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[1]["check_in"]["session"], lines[0]["id"]);
    assert_eq!(lines[1]["check_in"]["score"], 4);
    assert_eq!(coach.history()[0]["check_in"], 4);
}
