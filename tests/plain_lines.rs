//! The words of the plain coach, driven by the machine on an injected clock: each event is
//! described against the segment it happened in, and typed lines map to commands.

use std::time::{Duration, Instant};

use limberup::clock::clock;
use limberup::figure::Library;
use limberup::plain::command;
use limberup::plain::lines::{describe, header, stamp};
use limberup::routine::parse;
use limberup::session::{Command, Plan, PlanOptions, Session};

const ROUTINE: &str = r#"Routine(
    name: "Lines",
    kind: Other,
    prepare_secs: 5,
    rest_secs: 10,
    switch_secs: 3,
    steps: [
        Step(name: "Bird dog", cues: ["Back flat", "Reach long"], work: Reps(count: 2), passes: ["Left", "Right"]),
        Step(name: "Plank", work: Hold(secs: 30)),
    ],
)"#;

fn session(text: &str) -> (Session, Vec<String>, Instant) {
    let routine = parse(text, "test").unwrap();
    let plan = Plan::new("lines", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let wall = chrono::Local::now().fixed_offset();
    let (session, events) = Session::new(plan, t0, wall);
    let lines = describe(&events, session.plan(), Library::builtin());
    (session, lines, t0)
}

fn handle(session: &mut Session, cmd: Command, at: Instant) -> Vec<String> {
    let events = session.handle(cmd, at);
    describe(&events, session.plan(), Library::builtin())
}

fn advance(session: &mut Session, at: Instant) -> Vec<String> {
    let events = session.advance(at);
    describe(&events, session.plan(), Library::builtin())
}

const S: Duration = Duration::from_secs(1);

#[test]
fn a_session_reads_line_by_line() {
    let (mut s, first, t0) = session(ROUTINE);
    assert_eq!(
        first,
        [
            "Get ready 5 s. Next: Bird dog · Left (step 1 of 2)",
            "Form: Back flat",
            "Form: Reach long"
        ]
    );
    assert_eq!(
        header(s.plan()),
        "Lines: 2 steps, 0:53 planned plus 4 counted reps"
    );
    assert_eq!(
        advance(&mut s, t0 + 5 * S),
        ["Bird dog, Left: 2 reps, Enter after each"]
    );
    assert_eq!(
        handle(&mut s, Command::Advance, t0 + 6 * S),
        ["Bird dog, Left: rep 1/2"]
    );
    // The last rep ends the pass: the rep line still names the pass it was counted in.
    assert_eq!(
        handle(&mut s, Command::Advance, t0 + 7 * S),
        ["Bird dog, Left: rep 2/2", "Switch sides: Right, 3 s"]
    );
    assert_eq!(
        advance(&mut s, t0 + 10 * S),
        ["Bird dog, Right: 2 reps, Enter after each"]
    );
    assert_eq!(
        handle(&mut s, Command::TogglePause, t0 + 11 * S),
        ["Paused (p to resume)"]
    );
    assert_eq!(
        handle(&mut s, Command::TogglePause, t0 + 20 * S),
        ["Resumed"]
    );
    handle(&mut s, Command::Advance, t0 + 21 * S);
    assert_eq!(
        handle(&mut s, Command::Advance, t0 + 22 * S),
        [
            "Bird dog, Right: rep 2/2",
            "Rest 15 s. Next: Plank (step 2 of 2)"
        ]
    );
    assert_eq!(
        handle(&mut s, Command::AddTime(10), t0 + 23 * S),
        ["Rest: 24 s left"]
    );
    // Shortening past the end ends the rest: the next line says what follows instead.
    assert_eq!(
        handle(&mut s, Command::AddTime(-30), t0 + 24 * S),
        ["Plank: hold 30 s"]
    );
    assert_eq!(advance(&mut s, t0 + 39 * S), ["Halfway, 15 s left"]);
    assert_eq!(advance(&mut s, t0 + 44 * S), ["10 s left"]);
    // The last seconds tick without a line of their own.
    assert!(advance(&mut s, t0 + 53 * S).is_empty());
    assert_eq!(advance(&mut s, t0 + 54 * S), ["Done: Lines"]);
    assert_eq!(s.elapsed(t0 + 54 * S), 45 * S, "nine seconds were paused");
}

/// Each form cue is a line of its own, so a cue may hold any punctuation (a `;`, a `,`)
/// without reading as two cues, and a screen reader says one cue at a time.
#[test]
fn each_form_cue_is_a_line_of_its_own() {
    let (_, first, _) = session(
        r#"Routine(name: "C", kind: Other, prepare_secs: 0, steps: [
            Step(name: "Hinge", cues: ["Soft knees; not locked", "Back flat, chest up"], work: Hold(secs: 5)),
        ])"#,
    );
    assert_eq!(
        first,
        [
            "Hinge: hold 5 s",
            "Form: Soft knees; not locked",
            "Form: Back flat, chest up"
        ]
    );
}

#[test]
fn paced_reps_read_rep_and_breath() {
    let (mut s, first, t0) = session(
        r#"Routine(name: "P", kind: Other, prepare_secs: 0, steps: [
            Step(name: "Cat/Cow", work: Reps(count: 2, tempo_secs: 4.0, phases: ["Exhale: round up", "Inhale: arch"])),
        ])"#,
    );
    assert_eq!(first, ["Cat/Cow: rep 1/2, Exhale: round up"]);
    assert_eq!(
        advance(&mut s, t0 + 2 * S),
        ["Cat/Cow: rep 1/2, Inhale: arch"]
    );
    assert_eq!(
        advance(&mut s, t0 + 4 * S),
        ["Cat/Cow: rep 2/2, Exhale: round up"]
    );
    assert_eq!(
        handle(&mut s, Command::Quit, t0 + 5 * S),
        ["Stopped: you quit"]
    );
}

#[test]
fn a_stall_reads_as_a_pause_with_its_length() {
    let (mut s, _, t0) = session(ROUTINE);
    let lines = handle(&mut s, Command::Stalled { since: t0 + S }, t0 + 76 * S);
    assert_eq!(
        lines,
        ["Paused: the coach was stopped for 1:15 (p to resume)"]
    );
    assert_eq!(
        handle(&mut s, Command::TogglePause, t0 + 80 * S),
        ["Resumed"]
    );
}

#[test]
fn typed_lines_are_commands() {
    assert_eq!(command(""), Ok(Command::Advance));
    assert_eq!(command("  \r"), Ok(Command::Advance));
    assert_eq!(command("p"), Ok(Command::TogglePause));
    assert_eq!(command("P"), Ok(Command::TogglePause));
    assert_eq!(command("n"), Ok(Command::Next));
    assert_eq!(command("b"), Ok(Command::Previous));
    assert_eq!(command("+"), Ok(Command::AddTime(10)));
    assert_eq!(command("-"), Ok(Command::AddTime(-10)));
    assert_eq!(command("q"), Ok(Command::Quit));
    assert_eq!(command("d"), Ok(Command::Done));
    assert!(
        command("quit please")
            .unwrap_err()
            .starts_with("Unknown command \"quit please\"")
    );
}

#[test]
fn stamps_and_clocks() {
    assert_eq!(stamp(Duration::ZERO), "[00:00]");
    assert_eq!(stamp(Duration::from_millis(5999)), "[00:05]");
    assert_eq!(stamp(Duration::from_secs(75 * 60 + 3)), "[75:03]");
    assert_eq!(clock(Duration::from_secs(59)), "0:59");
    assert_eq!(clock(Duration::from_secs(3 * 3600 + 62)), "3:01:02");
}
