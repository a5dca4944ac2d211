//! Ranges ("10-15 reps", "hold 20-30 s"): the coach runs to the upper bound when left
//! alone; once the lower bound is reached it says so and Enter (or d) ends the pass as done;
//! the record keeps the range and what was done.

mod session_support;

use std::time::Duration;

use limberup::figure::Library;
use limberup::plain::lines::describe;
use limberup::routine::{Step, Work};
use limberup::session::{Advance, Command, Event, Outcome, Phase, StepStatus};
use proptest::prelude::*;
use session_support::strategies::{Kinds, planned};
use session_support::*;

fn ranged(step: Step, up_to: u32) -> Step {
    let work = match step.work {
        Work::Hold { secs, .. } => Work::Hold {
            secs,
            up_to: Some(up_to),
        },
        Work::Reps {
            count,
            tempo_secs,
            phases,
            ..
        } => Work::Reps {
            count,
            up_to: Some(up_to),
            tempo_secs,
            phases,
        },
        open => open,
    };
    Step { work, ..step }
}

#[test]
fn a_hold_runs_to_its_upper_bound_when_left_alone() {
    let mut run = Run::new(&routine(0, 0, 0, vec![ranged(hold("H", 20, &[]), 30)]));
    assert_eq!(run.s.plan().total(), s(30.0));
    run.at(19.999);
    assert_eq!(run.s.allowed().advance, None);
    assert!(!run.view().range.unwrap().reached);
    let events = run.at(20.0);
    let at = run.here();
    assert_eq!(
        events,
        [
            Event::LowerBoundReached { at },
            Event::SecondsLeft { at, secs: 10 }
        ]
    );
    assert_eq!(run.s.allowed().advance, Some(Advance::MoveOn));
    assert!(run.s.allowed().done);
    let range = run.view().range.unwrap();
    assert_eq!(
        (range.least, range.most, range.secs, range.reached),
        (20, 30, true, true)
    );
    assert_eq!(
        describe(&events, run.s.plan(), Library::builtin()),
        [
            "20 s done: keep going to 30 s, Enter to move on",
            "10 s left"
        ]
    );
    run.run_out(1000);
    assert_eq!(finished_at(&run), Some((s(30.0), Outcome::Completed)));
    let pass = &run.s.record(wall(8)).steps[0].passes[0];
    assert_eq!(pass.secs_range, Some([20.0, 30.0]));
    assert_eq!((pass.active_secs, pass.marked_done), (30.0, false));
}

#[test]
fn enter_after_the_lower_bound_ends_the_pass_as_done() {
    let steps = vec![
        ranged(hold("H", 20, &["Left", "Right"]), 30),
        hold("B", 5, &[]),
    ];
    let mut run = Run::new(&routine(0, 0, 2, steps));
    run.at(24.0);
    let events = run.cmd(Command::Advance, 24.0);
    assert_eq!(events, [Event::Started(run.seg(Phase::Switch, 0, 1))]);
    // The other side with the done key, while paused.
    run.at(46.0);
    run.cmd(Command::Pause, 47.0);
    run.cmd(Command::Done, 60.0);
    let record = run.s.record(wall(8));
    let passes = &record.steps[0].passes;
    assert_eq!((passes[0].active_secs, passes[0].marked_done), (24.0, true));
    assert_eq!((passes[1].active_secs, passes[1].marked_done), (21.0, true));
    assert_eq!(passes[1].planned_secs, Some(30.0));
    assert_eq!(record.steps[0].status, StepStatus::Done);
}

#[test]
fn paced_reps_say_the_lower_bound_before_the_next_rep() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![ranged(paced("P", 3, 2.0, &["In", "Out"], &[]), 5)],
    ));
    let at = run.here();
    assert_eq!(run.s.plan().total(), s(10.0));
    let events = run.at(6.0);
    assert_eq!(
        events[events.len() - 2..],
        [
            Event::LowerBoundReached { at },
            Event::Beat {
                at,
                rep: 4,
                phase: 0
            }
        ]
    );
    assert_eq!(
        describe(
            &events[events.len() - 2..],
            run.s.plan(),
            Library::builtin()
        ),
        [
            "3 done: keep going to 5, Enter to move on",
            "P: rep 4/5, In"
        ]
    );
    run.cmd(Command::Advance, 7.5);
    let pass = &run.s.record(wall(8)).steps[0].passes[0];
    assert_eq!(
        (pass.reps, pass.reps_range, pass.marked_done),
        (Some(3), Some([3, 5]), true)
    );
    assert_eq!(run.s.outcome(), Some(Outcome::Completed));
}

#[test]
fn counted_reps_with_a_range_count_on_or_finish_with_d() {
    let mut run = Run::new(&routine(0, 0, 0, vec![ranged(counted("C", 3, &[]), 5)]));
    let at = run.here();
    run.cmd(Command::Advance, 1.0);
    run.cmd(Command::Advance, 2.0);
    let events = run.cmd(Command::Advance, 3.0);
    assert_eq!(
        events,
        [
            Event::RepCounted { at, rep: 3 },
            Event::LowerBoundReached { at }
        ]
    );
    assert_eq!(
        describe(&events[1..], run.s.plan(), Library::builtin()),
        ["3 done: keep counting to 5, d when done"]
    );
    // Enter still counts; the count ends the pass at the upper bound.
    assert_eq!(run.s.allowed().advance, Some(Advance::CountRep));
    run.cmd(Command::Advance, 4.0);
    run.cmd(Command::Done, 5.0);
    let pass = &run.s.record(wall(8)).steps[0].passes[0];
    assert_eq!((pass.reps, pass.marked_done), (Some(4), true));

    // Done before the lower bound records the lower bound: the set was done uncounted.
    let mut run = Run::new(&routine(0, 0, 0, vec![ranged(counted("C", 3, &[]), 5)]));
    run.cmd(Command::Advance, 1.0);
    run.cmd(Command::Done, 2.0);
    let pass = &run.s.record(wall(8)).steps[0].passes[0];
    assert_eq!((pass.reps, pass.reps_range), (Some(3), Some([3, 5])));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Enter (or d) once a range's lower bound is reached ends the pass there: the session
    /// ends that much earlier than planned, and the record marks the pass done with the
    /// time (and reps) actually done.
    #[test]
    fn done_after_a_lower_bound_ends_early_and_the_record_says_so(
        plan in planned(Kinds::Timed),
        pick in 0u32..100,
        key in prop_oneof![Just(Command::Advance), Just(Command::Done)],
    ) {
        let total = plan.total();
        let mut run = Run::with_plan(plan);
        // The first ranged pass whose lower bound falls, `pick`% of the way to its upper.
        loop {
            let Some(wake) = run.s.next_wakeup() else { return Ok(()) };
            run.s.advance(wake);
            if run.s.enough_reached() {
                break;
            }
        }
        let seg = run.here();
        let t = run.s.now() - run.t0;
        let left = run.s.deadline().unwrap() - run.s.now();
        let when = t + left.mul_f64(f64::from(pick) / 100.0);
        run.s.advance(run.t0 + when);
        prop_assert_eq!(run.s.segment().copied(), Some(seg));
        let saved = run.s.deadline().unwrap() - (run.t0 + when);
        let events = run.s.handle(key, run.t0 + when);
        prop_assert!(!events.is_empty());
        let record = run.s.record(wall(8));
        let step = &record.steps[seg.step];
        let pass = &step.passes[seg.pass];
        prop_assert!(pass.marked_done);
        prop_assert!(pass.reps_range.is_some() || pass.secs_range.is_some());
        let active = Duration::from_secs_f64(pass.active_secs);
        prop_assert!(active <= Duration::from_secs_f64(pass.planned_secs.unwrap()));
        // Untouched from here, it ends exactly `saved` before the plan.
        run.run_out(100_000);
        prop_assert_eq!(run.s.outcome(), Some(Outcome::Completed));
        prop_assert_eq!(run.s.elapsed(run.s.now()), total - saved);
    }
}

#[test]
fn plain_mode_says_the_range_when_the_pass_starts() {
    let steps = vec![
        ranged(hold("H", 20, &["Left"]), 30),
        ranged(paced("P", 10, 2.0, &["Up", "Down"], &[]), 15),
        ranged(counted("C", 10, &[]), 15),
    ];
    let mut run = Run::new(&routine(0, 0, 0, steps));
    let mut said: Vec<String> = Vec::new();
    let started: Vec<Event> = run.log.iter().map(|(_, e)| *e).collect();
    said.extend(describe(&started, run.s.plan(), Library::builtin()));
    for _ in 0..2 {
        let events = run.cmd(Command::Next, 0.0);
        said.extend(describe(&events, run.s.plan(), Library::builtin()));
    }
    for line in [
        "H, Left: hold 20-30 s",
        "P: 10-15 reps, rep 1/15, Up",
        "C: 10-15 reps, Enter after each",
    ] {
        assert!(said.iter().any(|l| l == line), "{line:?} not in {said:?}");
    }
}
