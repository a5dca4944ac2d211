//! End to end: the real binary in a pseudo-terminal, read back through a terminal emulator.
//! Follows a short routine (countdown, pause, resume, skip, quit with confirmation), and
//! checks that every way out restores the terminal and saves the session.

mod pty_support;

use std::time::{Duration, Instant};

use expectrl::process::unix::Signal;
use pty_support::Coach;

/// The first line of the countdown area changes as the seconds go by: the header's
/// "m:ss done" is enough to see time move.
fn done_time(screen: &str) -> String {
    screen
        .lines()
        .next()
        .and_then(|l| l.split(" done").next())
        .and_then(|l| l.rsplit(' ').next())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn follow_pause_resume_skip_and_quit() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 100, 30, None);
    coach.wait_for("GET READY · Step one", 5.0);
    let first = coach.wait_for("HOLD · Step one", 5.0);
    let t0 = done_time(&first);
    coach.wait_until(3.0, "the countdown to move", |s| done_time(s) != t0);

    coach.send(" ");
    coach.wait_for("PAUSED", 2.0);
    let paused = coach.assert_still(1.5);
    assert!(paused.contains("Space resume"), "{paused}");

    coach.send(" ");
    let resumed = coach.wait_until(2.0, "the pause box to go", |s| !s.contains("PAUSED"));
    let t1 = done_time(&resumed);
    coach.wait_until(3.0, "the countdown to move again", |s| {
        done_time(s) != t1 || s.contains("Step two")
    });

    coach.send("n");
    coach.wait_for("Step two", 2.0);

    coach.send("q");
    coach.wait_for("Quit session? y/n", 2.0);
    coach.assert_still(0.5);
    coach.send("y");
    let summary = coach.wait_for("ended early", 2.0);
    assert!(summary.contains("How does your back feel?"), "{summary}");
    coach.send("s");
    coach.wait_for("Enter routines", 2.0);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());

    let history = coach.history();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0]["outcome"], "quit");
    assert_eq!(history[0]["steps"][0]["status"], "skipped");
    assert!(history[0].get("check_in").is_none());
}

#[test]
fn sigterm_restores_the_terminal_and_saves_an_interrupted_session() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 80, 24, None);
    coach.wait_for("Step one", 5.0);
    assert!(coach.parser.screen().alternate_screen());
    assert!(coach.parser.screen().hide_cursor());
    coach.signal(Signal::SIGTERM);
    assert_eq!(coach.exit_code(3.0), 143);
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
    let history = coach.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["outcome"], "interrupted");
}

#[test]
fn sighup_saves_and_exits_with_129() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 80, 24, None);
    coach.wait_for("Step one", 5.0);
    coach.signal(Signal::SIGHUP);
    assert_eq!(coach.exit_code(3.0), 129);
    assert_eq!(coach.history()[0]["outcome"], "interrupted");
}

#[test]
fn ctrl_c_is_a_key_that_quits_at_once() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 80, 24, None);
    coach.wait_for("Step one", 5.0);
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
    assert!(!coach.parser.screen().alternate_screen());
    assert_eq!(coach.history()[0]["outcome"], "interrupted");
    // Not silent: how to take the session up is said once the terminal is back.
    let screen = coach.screen();
    assert!(
        screen.contains("`limberup resume` takes it up at the step it stopped in"),
        "{screen}"
    );
}

#[test]
fn the_picker_filters_starts_a_routine_and_the_summary_leads_back() {
    let config = "(confirm_quit: Some(false), check_in: Some(false))";
    let mut coach = Coach::start(&[], 100, 30, Some(config));
    coach.wait_for("Routines (11)", 5.0);
    coach.send("/short");
    coach.wait_for("Routines (1)", 2.0);
    coach.send("\r");
    coach.send("\r");
    coach.wait_for("Step one", 3.0);
    // Without confirmation q ends the session at once; without check-in it is saved then.
    coach.send("q");
    coach.wait_for("ended early", 2.0);
    assert_eq!(coach.history().len(), 1);
    coach.send("\r");
    coach.wait_for("Routines (", 2.0);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    assert_eq!(coach.history().len(), 1);
}

/// With `sounds: Bell`, a bell at each phase change and countdown pip, then the end's two.
const BELLS: &str = r#"Routine(
    name: "Bells",
    kind: Other,
    prepare_secs: 1,
    rest_secs: 0,
    steps: [
        Step(name: "Hold it", work: Hold(secs: 2)),
        Step(name: "Count them", work: Reps(count: 2)),
    ],
)"#;

#[test]
fn a_whole_session_rings_and_ends_with_a_double_bell() {
    let bells = Some("(sounds: Bell)");
    let mut coach = Coach::start_with(BELLS, &["run", "$DIR/short.ron"], 60, 16, bells);
    coach.wait_for("REPS · Count them", 6.0);
    let before = coach.bells();
    // Get-ready, hold, its last second, get-ready, reps.
    assert_eq!(before, 5, "a bell per phase change and a tick");
    coach.send("\r\r");
    coach.wait_for("completed", 2.0);
    // The end's second bell follows the first by a fraction of a second.
    let deadline = Instant::now() + Duration::from_secs(2);
    while coach.bells() < before + 2 && Instant::now() < deadline {
        coach.pump();
        std::thread::sleep(Duration::from_millis(20));
    }
    coach.assert_still(0.5);
    assert_eq!(coach.bells() - before, 2, "the end's double bell");
    coach.send("7");
    coach.wait_for("Check-in: 7 of 10", 2.0);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    let history = coach.history();
    assert_eq!(history[0]["outcome"], "completed");
    assert_eq!(history[0]["check_in"], 7);
}

#[test]
fn quiet_means_no_bells() {
    let bells = Some("(sounds: Bell)");
    let mut coach = Coach::start(&["run", "--quiet", "$DIR/short.ron"], 60, 16, bells);
    coach.wait_for("HOLD · Step one", 5.0);
    coach.wait_for("Step two", 5.0);
    assert_eq!(coach.bells(), 0);
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn a_resize_reflows_at_once_down_to_a_compact_view() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 100, 30, None);
    coach.wait_for("Up next: Step two", 5.0);
    coach.resize(18, 5);
    // The small view: the phase word first, and the way to help and out in the footer.
    coach.wait_until(2.0, "the small view", |s| {
        let first = s.lines().next().unwrap_or_default().trim_start();
        ["HOLD", "REST", "GET READY", "SWITCH"]
            .iter()
            .any(|w| first.starts_with(w))
            && s.lines()
                .last()
                .is_some_and(|l| l.contains("? help · q quit"))
    });
    coach.resize(60, 16);
    coach.wait_until(2.0, "the full view", |s| {
        s.contains("Up next:") && s.lines().next().is_some_and(|l| l.contains("Short test"))
    });
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn ctrl_z_suspends_and_fg_comes_back_paused() {
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 80, 24, None);
    coach.wait_for("HOLD · Step one", 5.0);
    coach.send("\x1a");
    let deadline = Instant::now() + Duration::from_secs(3);
    while coach.proc_state() != 'T' {
        assert!(Instant::now() < deadline, "the app did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
    coach.pump();
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
    coach.signal(Signal::SIGCONT);
    coach.wait_until(3.0, "the coach to come back", |s| s.contains("PAUSED"));
    assert!(coach.parser.screen().alternate_screen());
    coach.assert_still(1.0);
    coach.send(" ");
    coach.wait_until(2.0, "resumed", |s| !s.contains("PAUSED"));
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn spoken_cues_run_the_configured_command() {
    let dir = tempfile::tempdir().unwrap();
    let said = dir.path().join("said.txt");
    let config = format!(
        r#"(speech: Some(["sh", "-c", "echo \"$0\" >> {}"]))"#,
        said.display()
    );
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 80, 24, Some(&config));
    coach.wait_for("HOLD · Step one", 5.0);
    let deadline = Instant::now() + Duration::from_secs(3);
    let text = loop {
        let text = std::fs::read_to_string(&said).unwrap_or_default();
        if text.contains("Go") || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(text.contains("Get ready: Step one"), "{text:?}");
    assert!(text.contains("Go"), "{text:?}");
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn a_missing_speech_command_warns_once_and_the_session_goes_on() {
    let mut coach = Coach::start(
        &["run", "--speak", "$DIR/short.ron"],
        100,
        30,
        Some(r#"(speech: Some(["/nonexistent/speaker"]))"#),
    );
    let screen = coach.wait_for("/nonexistent/speaker` could not start", 5.0);
    assert!(screen.contains("going on without speech"), "{screen}");
    coach.wait_for("HOLD · Step one", 5.0);
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn a_save_that_fails_is_a_warning_not_a_crash() {
    let config = "(check_in: Some(false))";
    let mut coach = Coach::start(&["run", "$DIR/short.ron"], 100, 30, Some(config));
    // The data dir cannot be created: a file is in its way.
    std::fs::write(coach.dir.path().join("data"), "not a directory").unwrap();
    coach.wait_for("Step one", 5.0);
    coach.send("q");
    coach.send("y");
    let screen = coach.wait_for("the session was not saved", 3.0);
    assert!(screen.contains("ended early"), "{screen}");
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    let after = coach.screen();
    assert!(
        after.contains("limberup: the session was not saved"),
        "{after}"
    );
}

#[test]
fn persistent_pain_shows_a_notice_on_the_picker() {
    let dir = pty_support::prepare(pty_support::SHORT, None);
    let path = pty_support::history_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let now = chrono::Local::now().fixed_offset();
    let mut lines = String::new();
    for days in [3, 2, 0] {
        let at = now - chrono::Duration::days(days);
        let record = serde_json::json!({
            "routine_id": "warm-up", "routine_name": "Warm-up",
            "started_at": at, "ended_at": at, "outcome": "completed",
            "active_secs": 60.0, "paused_secs": 0.0, "planned_secs": 60.0,
            "steps": [], "check_in": 7,
        });
        lines.push_str(&format!("{record}\n"));
    }
    std::fs::write(&path, lines).unwrap();
    let mut coach = Coach::spawn(dir, &[], 100, 30);
    coach.wait_for("physician or physical therapist", 5.0);
    coach.send("\r");
    coach.wait_until(2.0, "the notice to close", |s| {
        !s.contains("physical therapist")
    });
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
}

/// `cargo test` builds the binary with `fault-injection` (a dev-dependency on itself), which
/// makes the session loop panic on purpose when `LIMBERUP_FAULT` is set.
#[cfg(feature = "fault-injection")]
#[test]
fn a_panic_restores_the_terminal_then_shows_the_message() {
    let dir = pty_support::prepare(pty_support::SHORT, None);
    let args = ["run", "$DIR/short.ron"];
    let mut coach = Coach::spawn_env(dir, &args, 80, 24, &[("LIMBERUP_FAULT", "panic")]);
    assert_eq!(coach.exit_code(5.0), 101);
    let screen = coach.screen();
    assert!(screen.contains("injected fault"), "{screen}");
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
}
