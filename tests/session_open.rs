//! An open step (the workout itself): a stopwatch that runs until Enter, with reminders
//! every N minutes said in turn, no planned time, and its active time recorded.

mod session_support;

use std::time::Duration;

use limberup::cues::cue;
use limberup::figure::Library;
use limberup::plain::lines::{describe, header};
use limberup::routine::{builtin_source, parse};
use limberup::session::{Advance, Command, Event, Outcome, Phase, Plan, PlanOptions, StepStatus};
use session_support::*;

fn workout() -> Run {
    let steps = vec![
        open("Workout", Some(1), &["Drink", "Stop on sharp pain"]),
        hold("Stretch", 10, &[]),
    ];
    Run::new(&routine(5, 0, 0, steps))
}

#[test]
fn the_stopwatch_runs_until_enter_with_reminders_in_turn() {
    let mut run = workout();
    run.at(5.0);
    let at = run.here();
    assert_eq!((at.phase, at.duration), (Phase::Work, None));
    assert_eq!(run.deadline(), None);
    assert_eq!(run.s.allowed().advance, Some(Advance::Finish));
    assert!(run.s.allowed().done && !run.s.allowed().add_time);
    // Three minutes and a half, a tick a second: three reminders, the texts in turn.
    let mut events = Vec::new();
    for t in 6..=215 {
        events.extend(run.at(f64::from(t)));
    }
    let reminders: Vec<Event> = events
        .into_iter()
        .filter(|e| matches!(e, Event::Reminder { .. }))
        .collect();
    assert_eq!(
        reminders,
        [
            Event::Reminder { at, n: 1 },
            Event::Reminder { at, n: 2 },
            Event::Reminder { at, n: 3 },
        ]
    );
    let plan = run.s.plan();
    let said: Vec<Option<String>> = reminders
        .iter()
        .map(|e| cue(e, plan).speech.map(|s| s.text))
        .collect();
    assert_eq!(
        said,
        [
            Some("Drink".into()),
            Some("Stop on sharp pain".into()),
            Some("Drink".into())
        ]
    );
    assert_eq!(
        describe(&reminders[1..2], plan, Library::builtin()),
        ["Reminder: Stop on sharp pain"]
    );
    let watch = run.view().stopwatch.unwrap();
    assert_eq!(watch.elapsed, s(210.0));
    assert_eq!(watch.next_reminder, Some(s(30.0)));
    // A leap over many reminders says the latest once, not a flood; Enter stops it.
    let events = run.cmd(Command::Advance, 5.0 + 1500.5);
    assert_eq!(events[0], Event::Reminder { at, n: 25 });
    let events = &events[1..];
    assert_eq!(
        events,
        [
            Event::OpenEnded {
                at,
                active: s(1500.5)
            },
            Event::Started(run.seg(Phase::Prepare, 1, 0)),
        ]
    );
    assert_eq!(
        describe(&events[..1], run.s.plan(), Library::builtin()),
        ["Workout: stopwatch stopped at 25:00"]
    );
    run.run_out(100);
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Completed);
    let pass = &record.steps[0].passes[0];
    assert_eq!((pass.active_secs, pass.planned_secs), (1500.5, None));
    assert!(!pass.marked_done);
    assert_eq!(record.active_secs, 5.0 + 1500.5 + 5.0 + 10.0);
}

#[test]
fn the_stopwatch_wakes_the_screen_on_its_own_seconds() {
    let mut run = workout();
    run.at(5.3);
    // Its seconds turn at 6.0 s of active time plus the open step's 0.0: 5 + n.
    let wake = run.s.next_wakeup().unwrap() - run.t0;
    assert_eq!(wake, s(6.0));
    let mut run = workout();
    run.cmd(Command::Advance, 2.25); // get-ready cut short: the stopwatch starts at 2.25
    run.at(2.5);
    let wake = run.s.next_wakeup().unwrap() - run.t0;
    assert_eq!(wake, s(3.0));
    run.at(3.0);
    assert_eq!(run.s.next_wakeup().unwrap() - run.t0, s(3.25));
    run.at(3.25);
    assert_eq!(run.view().stopwatch.unwrap().elapsed, s(1.0));
}

#[test]
fn quitting_during_the_workout_records_its_time_and_stops_the_step() {
    let mut run = workout();
    run.at(65.0);
    let events = run.cmd(Command::Quit, 65.0);
    assert!(matches!(events[0], Event::OpenEnded { active, .. } if active == s(60.0)));
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].status, StepStatus::Stopped);
    assert_eq!(record.steps[0].passes[0].active_secs, 60.0);
}

#[test]
fn an_open_step_has_no_planned_time_and_is_reported_apart() {
    let run = workout();
    // Two get-readies and the stretch.
    assert_eq!(run.s.plan().total(), s(20.0));
    assert_eq!(run.s.plan().open_passes(), 1);
    assert_eq!(
        header(run.s.plan()),
        "Test: 2 steps, 0:20 planned plus an open step"
    );
    let text = builtin_source("workout").unwrap();
    let plan = Plan::new(
        "workout",
        &parse(text, "workout").unwrap(),
        &PlanOptions::default(),
    );
    assert_eq!(plan.total(), Duration::from_secs(5));
    let reminders: Vec<&str> = (1..=3)
        .filter_map(|n| plan.steps[0].work.reminder(n))
        .collect();
    assert_eq!(
        reminders,
        [
            "Drink some water",
            "Stop if you feel sharp pain",
            "Listen to your body: rest if you need to"
        ]
    );
}
