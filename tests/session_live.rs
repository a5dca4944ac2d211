//! Changes made during a session: a pass done once more (`r`), a set added (`s`). The plan
//! grows at run time and its remaining time stays exact; both are in the record.

mod session_support;

use std::time::{Duration, Instant};

use limberup::figure::Library;
use limberup::plain::lines::describe;
use limberup::session::{Command, Event, Outcome, Phase, Plan, Session};
use proptest::prelude::*;
use session_support::strategies::{Kinds, planned};
use session_support::timeline::Timeline;
use session_support::*;

#[test]
fn a_pass_done_once_more_comes_right_after_it() {
    // A: Left/Right 10 s holds, switch 2; B: 5 s hold. No get-ready or rest.
    let mut run = Run::new(&routine(
        0,
        0,
        2,
        vec![hold("A", 10, &["Left", "Right"]), hold("B", 5, &[])],
    ));
    let planned = run.s.plan().total();
    run.at(4.0);
    let left = run.here();
    assert!(run.s.allowed().repeat);
    let events = run.cmd(Command::Repeat, 4.0);
    assert_eq!(events, [Event::RepeatAdded { at: left }]);
    assert_eq!(
        describe(&events, run.s.plan(), Library::builtin()),
        ["A, Left: once more after this"]
    );
    // The time left grows by the pause and the pass, at once.
    assert_eq!(run.view().remaining_total, planned - s(4.0) + s(12.0));
    run.at(10.0);
    let again = run.here();
    assert_eq!(
        (again.phase, again.pass, again.again),
        (Phase::Switch, 0, 1)
    );
    let lines = describe(&[Event::Started(again)], run.s.plan(), Library::builtin());
    assert_eq!(lines, ["Again: Left, 2 s"]);
    run.at(12.0);
    assert_eq!((run.here().phase, run.here().again), (Phase::Work, 1));
    run.run_out(1000);
    assert_eq!(
        finished_at(&run),
        Some((planned + s(12.0), Outcome::Completed))
    );
    let record = run.s.record(wall(8));
    let a = &record.steps[0];
    let passes: Vec<(Option<&str>, u32, f64)> = a
        .passes
        .iter()
        .map(|p| (p.label.as_deref(), p.repeat, p.active_secs))
        .collect();
    assert_eq!(
        passes,
        [
            (Some("Left"), 0, 10.0),
            (Some("Right"), 0, 10.0),
            (Some("Left"), 1, 10.0)
        ]
    );
    assert_eq!((a.repeats, a.extra_sets), (1, 0));
    // What was planned stays what the routine planned.
    assert_eq!(record.planned_secs, planned.as_secs_f64());
}

#[test]
fn a_set_added_runs_after_the_last_with_a_rest_before_it() {
    let a = sets(hold("A", 10, &[]), 2, 5);
    let mut run = Run::new(&routine(0, 0, 0, vec![a, hold("B", 5, &[])]));
    let planned = run.s.plan().total();
    run.at(3.0);
    let events = run.cmd(Command::AddSet, 3.0);
    let at = run.here();
    assert_eq!(events, [Event::SetAdded { at, sets: 3 }]);
    assert_eq!(
        describe(&events, run.s.plan(), Library::builtin()),
        ["A: one more set, 3 in all"]
    );
    assert_eq!(run.view().set, Some((0, 3)));
    assert_eq!(run.s.plan().total(), planned + s(15.0));
    // Set 1 0-10, rest 10-15, set 2 15-25, rest 25-30, set 3 30-40, then B.
    run.at(31.0);
    assert_eq!((run.here().phase, run.here().set), (Phase::Work, 2));
    assert_eq!(run.view().set, Some((2, 3)));
    run.run_out(1000);
    assert_eq!(finished_at(&run).map(|f| f.0), Some(s(45.0)));
    let record = run.s.record(wall(8));
    let sets: Vec<u32> = record.steps[0].passes.iter().map(|p| p.set).collect();
    assert_eq!(sets, [1, 2, 3]);
    assert_eq!(record.steps[0].extra_sets, 1);
    assert_eq!(record.steps[0].active_secs, 30.0);
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""extra_sets":1"#), "{json}");
}

#[test]
fn a_restarted_step_keeps_what_was_added_and_records_it_afresh() {
    let mut run = Run::new(&routine(0, 0, 2, vec![hold("A", 10, &["Left", "Right"])]));
    run.at(2.0);
    run.cmd(Command::Repeat, 2.0);
    run.cmd(Command::AddSet, 3.0);
    run.at(20.0);
    run.cmd(Command::Previous, 20.0);
    let record = run.s.record(wall(8));
    let a = &record.steps[0];
    assert_eq!(a.passes.len(), 2 + 2 + 1);
    assert!(a.passes.iter().all(|p| p.active_secs == 0.0));
    assert_eq!((a.repeats, a.extra_sets), (1, 1));
    run.run_out(1000);
    let record = run.s.record(wall(8));
    assert!(record.steps[0].passes.iter().all(|p| p.active_secs == 10.0));
}

#[test]
fn nothing_is_added_to_an_open_step_and_repeat_needs_work() {
    let mut run = Run::new(&routine(
        1,
        0,
        0,
        vec![hold("H", 5, &[]), open("Train", None, &[])],
    ));
    assert!(!run.s.allowed().repeat && run.s.allowed().add_set);
    assert!(run.cmd(Command::Repeat, 0.5).is_empty());
    run.at(7.0);
    assert_eq!(run.s.step_index(), 1);
    assert!(!run.s.allowed().repeat && !run.s.allowed().add_set);
    assert!(run.cmd(Command::AddSet, 7.0).is_empty());
}

/// Runs `plan` untouched but for a change (a repeat or a set) at each of `at` (ms), and a
/// pause of `paused` ms after the first (when the session still runs then), checking every
/// event against the timeline; returns the session, its start and the time paused.
fn changed(
    plan: Plan,
    at: &[(u64, bool)],
    paused: u64,
) -> Result<(Session, Instant, Duration), TestCaseError> {
    let t0 = Instant::now();
    let (mut session, first) = Session::new(plan, t0, wall(7));
    let mut timeline = Timeline::default();
    timeline.check(session.plan(), &first)?;
    let mut shift = Duration::ZERO;
    for (i, (ms, repeat)) in at.iter().enumerate() {
        let t = t0 + shift + Duration::from_millis(*ms);
        let events = session.advance(t);
        timeline.check(session.plan(), &events)?;
        let command = if *repeat {
            Command::Repeat
        } else {
            Command::AddSet
        };
        let events = session.handle(command, t);
        timeline.check(session.plan(), &events)?;
        if i == 0 && session.outcome().is_none() {
            let events = session.handle(Command::Pause, t);
            timeline.check(session.plan(), &events)?;
            shift = Duration::from_millis(paused);
            let events = session.handle(Command::Resume, t + shift);
            timeline.check(session.plan(), &events)?;
        }
    }
    let events = session.advance(t0 + Duration::from_secs(1_000_000));
    timeline.check(session.plan(), &events)?;
    Ok((session, t0, shift))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// However the plan grows during a session, left alone it ends exactly at the start
    /// plus the grown plan's total plus the time paused, every event told from its own
    /// segment of the grown plan, and the record has a pass for each run.
    #[test]
    fn a_grown_plan_ends_exactly_on_its_new_total(
        plan in planned(Kinds::Timed),
        at in proptest::collection::vec((0u64..60_000, any::<bool>()), 1..=4),
        paused in 0u64..100_000,
    ) {
        let mut at = at;
        at.sort();
        let (session, t0, paused) = changed(plan, &at, paused)?;
        prop_assert_eq!(session.outcome(), Some(Outcome::Completed));
        let total = session.plan().total();
        prop_assert_eq!(session.elapsed(t0 + total + paused), total);
        prop_assert_eq!(session.paused_total(t0 + total + paused), paused);
        let record = session.record(wall(8));
        for (step, planned) in record.steps.iter().zip(&session.plan().steps) {
            let runs = planned.pass_count() * planned.sets + step.repeats as usize;
            prop_assert_eq!(step.passes.len(), runs);
            prop_assert_eq!(planned.added_sets, step.extra_sets as usize);
        }
    }
}
