//! Progression end to end in plain mode, on a real terminal (a pty) for the check-in: three
//! calm sessions step a routine up to level 2 (`progress --json` says so), the next session
//! runs at it, and a check-in of 7 steps it back to level 1 with the stop-and-seek-help
//! advice.

mod common;

use std::process::Command;
use std::time::Duration;

use common::Sandbox;
use expectrl::{Eof, Expect, Session};
use limberup::history;

/// A one-step routine whose hold grows 1 s a level, from 1 s up to 3 s (three levels).
const GROWING: &str = r#"Routine(
    name: "Growing",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    switch_secs: 0,
    steps: [Step(name: "Hold", work: Hold(secs: 1))],
    progression: Progression(rules: [Rule(step: 1, by: Hold(add: 1, up_to: 3))]),
)
"#;

/// One session in plain mode answered `score`; returns everything it printed.
fn session(sb: &Sandbox, score: &str) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_limberup"));
    cmd.env("PATH", sb.silent_path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("HOME", sb.path())
        .args(["run", "growing", "--plain"]);
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    let before = p.expect("(Enter to skip):").unwrap();
    let mut text: String = before.before().iter().map(|b| char::from(*b)).collect();
    p.send_line(score).unwrap();
    let rest = p.expect(Eof).unwrap();
    for m in rest.matches() {
        text.push_str(&String::from_utf8_lossy(m));
    }
    text
}

fn progress_json(sb: &Sandbox) -> serde_json::Value {
    let out = sb
        .cmd()
        .args(["progress", "growing", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    all[0].clone()
}

#[test]
fn three_calm_sessions_step_up_and_a_seven_steps_down_with_the_advice() {
    let sb = Sandbox::new();
    sb.write_routine("growing", GROWING);
    for score in ["2", "1", "1"] {
        let text = session(&sb, score);
        assert!(text.contains("Level 1 of 3"), "{text}");
    }
    let report = progress_json(&sb);
    assert_eq!(report["routine"], "growing");
    assert_eq!(report["level"], 2, "{report}");
    assert_eq!(report["levels"], 3);
    assert_eq!(report["frozen"], false);
    assert_eq!(report["reason"], "up from 1 after three calm sessions");

    let text = session(&sb, "7");
    assert!(
        text.contains("Level 2 of 3: up from 1 after three calm sessions"),
        "{text}"
    );
    assert!(
        text.contains("one level easier. Stop any exercise that causes sharp or shooting pain"),
        "{text}"
    );
    let report = progress_json(&sb);
    assert_eq!(report["level"], 1, "{report}");
    assert_eq!(report["reason"], "down from 2 after a check-in of 7");
    assert!(
        report["next"]
            .as_str()
            .unwrap()
            .contains("see a physician or physical therapist"),
        "{report}"
    );
    // The level each session ran at is in its record: the history alone says all this.
    let records = history::load(&sb.history_file()).unwrap().records;
    let levels: Vec<u32> = records.iter().map(|r| r.levels[0].level).collect();
    assert_eq!(levels, [1, 1, 1, 2]);
}
