//! Sets of a step and rounds of a routine (a circuit): the planned total by the formula,
//! the timeline the machine walks, what the screen and plain lines say ("set 2 of 3",
//! "round 1 of 2"), and a record that tells each round, set and pass apart.

mod session_support;

use std::time::Duration;

use limberup::figure::Library;
use limberup::plain::lines::{describe, header};
use limberup::session::{Command, Event, Outcome, Phase, StepStatus};
use session_support::*;

/// A (3 sets of Left/Right 10 s holds, 20 s between sets), B (8 s hold), two rounds with 30 s
/// between them: get-ready 5, rest 4, switch 2.
fn circuit() -> Run {
    let a = sets(hold("A", 10, &["Left", "Right"]), 3, 20);
    let b = hold("B", 8, &[]);
    Run::new(&rounds(routine(5, 4, 2, vec![a, b]), 2, 30))
}

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

#[test]
fn the_planned_total_follows_the_formula() {
    let run = circuit();
    let plan = run.s.plan();
    // A: 5 + 3 x (2 x 10 + 1 x 2) + 2 x 20 = 111; B: (4 + 5) + 8 = 17.
    let round = 111 + 17;
    // Round two: A's transition is the rest between rounds (30) and its get-ready (5),
    // not B's rest: no step rest after the last step of a round.
    let total = round + (round - 5 + 30 + 5);
    assert_eq!(plan.total(), ms(total * 1000));
    assert_eq!(plan.steps.len(), 4);
    assert_eq!(plan.shape(), (2, 2));
    assert_eq!(plan.steps[2].rest_before, ms(30_000));
    assert_eq!(plan.steps[0].active_total(), ms(106_000));
    // A's segments: its get-ready, then each set, with a rest before the second and third.
    let phases: Vec<(Phase, usize, usize)> = plan.segments[plan.step_segments(0)]
        .iter()
        .map(|s| (s.phase, s.set, s.pass))
        .collect();
    use Phase::*;
    assert_eq!(
        phases,
        [
            (Prepare, 0, 0),
            (Work, 0, 0),
            (Switch, 0, 1),
            (Work, 0, 1),
            (Rest, 1, 0),
            (Work, 1, 0),
            (Switch, 1, 1),
            (Work, 1, 1),
            (Rest, 2, 0),
            (Work, 2, 0),
            (Switch, 2, 1),
            (Work, 2, 1),
        ]
    );
    assert!(!plan.segments[4].is_transition());
    assert!(plan.segments[plan.step_starts[2]].is_transition());
}

#[test]
fn the_screen_says_which_set_and_round() {
    let mut run = circuit();
    // (at, phase, a transition, step of the round, set, round)
    let table = [
        (0.0, Phase::Prepare, true, 0, Some((0, 3)), (0, 2)),
        (5.0, Phase::Work, false, 0, Some((0, 3)), (0, 2)),
        (27.0, Phase::Rest, false, 0, Some((1, 3)), (0, 2)),
        (47.0, Phase::Work, false, 0, Some((1, 3)), (0, 2)),
        (112.0, Phase::Rest, true, 1, None, (0, 2)),
        (128.0, Phase::Rest, true, 0, Some((0, 3)), (1, 2)),
    ];
    for (at, phase, transition, step, set, round) in table {
        run.at(at);
        let v = run.view();
        assert_eq!(
            (v.phase, v.transition),
            (Some(phase), transition),
            "at {at}"
        );
        assert_eq!((v.step_index, v.step_count), (step, 2), "at {at}");
        assert_eq!(v.set, set, "at {at}");
        assert_eq!(v.round, Some(round), "at {at}");
    }
    // Halfway through the first set's second pass: 1.5 of 6 passes behind.
    let mut run = circuit();
    run.at(22.0);
    assert_eq!(run.view().step_progress, 1.5 / 6.0);
}

#[test]
fn plain_lines_name_the_set_and_the_round() {
    let mut run = circuit();
    assert_eq!(
        header(run.s.plan()),
        "Test: 2 steps x 2 rounds, 4:46 planned"
    );
    let lines = |run: &Run, events: &[Event]| describe(events, run.s.plan(), Library::builtin());
    let events = run.at(5.0);
    assert_eq!(lines(&run, &events), ["A, Left, set 1 of 3: hold 10 s"]);
    let events = run.at(27.0);
    assert_eq!(
        lines(&run, &events[events.len() - 1..]),
        ["Rest 20 s. Next: A, Left, set 2 of 3"]
    );
    let events = run.at(128.0);
    assert_eq!(
        lines(&run, &events[events.len() - 1..]),
        ["Rest 35 s. Next: A · Left (step 1 of 2, round 2 of 2)"]
    );
    let said = limberup::cues::cue(events.last().unwrap(), run.s.plan()).speech;
    assert_eq!(
        said.map(|s| s.text).as_deref(),
        Some("Round Two. Rest. Next: A, Left")
    );
}

#[test]
fn the_record_tells_each_round_set_and_pass_apart() {
    let mut run = circuit();
    run.run_out(100_000);
    assert_eq!(finished_at(&run).map(|f| f.1), Some(Outcome::Completed));
    let record = run.s.record(wall(8));
    let rounds: Vec<(&str, u32)> = record
        .steps
        .iter()
        .map(|s| (s.name.as_str(), s.round))
        .collect();
    assert_eq!(rounds, [("A", 1), ("B", 1), ("A", 2), ("B", 2)]);
    let a = &record.steps[2];
    let passes: Vec<(u32, Option<&str>, f64)> = a
        .passes
        .iter()
        .map(|p| (p.set, p.label.as_deref(), p.active_secs))
        .collect();
    assert_eq!(
        passes,
        [
            (1, Some("Left"), 10.0),
            (1, Some("Right"), 10.0),
            (2, Some("Left"), 10.0),
            (2, Some("Right"), 10.0),
            (3, Some("Left"), 10.0),
            (3, Some("Right"), 10.0),
        ]
    );
    assert_eq!(a.active_secs, 60.0);
    // The JSON names the round and set only where they are not the first.
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""round":2"#) && json.contains(r#""set":3"#));
    assert!(!json.contains(r#""round":1"#) && !json.contains(r#""set":1"#));
}

#[test]
fn next_and_back_move_by_the_steps_of_each_round() {
    let mut run = circuit();
    run.at(50.0); // A, round 1, set 2
    run.cmd(Command::Next, 50.0);
    assert_eq!(run.s.step_index(), 1);
    run.cmd(Command::Next, 51.0);
    let seg = run.here();
    assert_eq!((seg.step, seg.phase), (2, Phase::Rest));
    assert_eq!(run.view().round, Some((1, 2)));
    // Back from round two's first transition is round one's last step.
    run.cmd(Command::Previous, 52.0);
    assert_eq!(run.s.step_index(), 1);
    let statuses = run.s.steps_status();
    assert_eq!(statuses[0], StepStatus::Skipped);
    assert_eq!(statuses[1], StepStatus::NotReached);
    // Quit in a rest between sets: the step was under way, so it is stopped.
    let mut run = circuit();
    run.at(30.0);
    run.cmd(Command::Quit, 30.0);
    assert_eq!(run.s.steps_status()[0], StepStatus::Stopped);
}
