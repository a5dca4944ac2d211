//! The session machine, transition by transition, on an injected clock: walking the plan,
//! late ticks, pause and resume, the record, and plans validation would refuse.

mod session_support;

use std::time::Duration;

use limberup::session::{Command, Event, Outcome, Phase, Segment, StepStatus};
use session_support::*;

/// (offset, phase, step, pass) of every `Started` event in the log.
fn starts(run: &Run) -> Vec<(Duration, Phase, usize, usize)> {
    run.log
        .iter()
        .filter_map(|(t, e)| match e {
            Event::Started(Segment {
                phase, step, pass, ..
            }) => Some((*t, *phase, *step, *pass)),
            _ => None,
        })
        .collect()
}

fn two_steps(prepare: u32, rest: u32, switch: u32) -> Run {
    Run::new(&routine(
        prepare,
        rest,
        switch,
        vec![hold("A", 4, &["Left", "Right"]), hold("B", 5, &[])],
    ))
}

#[test]
fn walks_every_phase_in_order_at_planned_instants() {
    let mut run = two_steps(2, 3, 1);
    run.run_out(1000);
    use Phase::*;
    assert_eq!(
        starts(&run),
        vec![
            (s(0.0), Prepare, 0, 0),
            (s(2.0), Work, 0, 0),
            (s(6.0), Switch, 0, 1),
            (s(7.0), Work, 0, 1),
            // The rest after A and B's get-ready are one transition, B's.
            (s(11.0), Rest, 1, 0),
            (s(16.0), Work, 1, 0),
        ]
    );
    assert_eq!(finished_at(&run), Some((s(21.0), Outcome::Completed)));
    // The end says it came in the last segment.
    let last = run.seg(Work, 1, 0);
    assert_eq!(
        run.log.last(),
        Some(&(s(21.0), finished(Outcome::Completed, last)))
    );
    assert_eq!(run.s.plan().total(), s(21.0));
    assert_eq!(run.s.segment(), None);
    assert_eq!(run.s.next_wakeup(), None);
}

#[test]
fn zero_length_prepare_rest_and_switch_are_left_out() {
    let mut run = two_steps(0, 0, 0);
    run.run_out(1000);
    use Phase::*;
    assert_eq!(
        starts(&run),
        vec![
            (s(0.0), Work, 0, 0),
            (s(4.0), Work, 0, 1),
            (s(8.0), Work, 1, 0),
        ]
    );
    assert_eq!(finished_at(&run), Some((s(13.0), Outcome::Completed)));
}

#[test]
fn a_rest_leads_into_the_next_step_and_there_is_none_after_the_last() {
    let run = two_steps(2, 3, 1);
    let plan = run.s.plan();
    assert_eq!(plan.steps[0].rest_before, Duration::ZERO);
    assert_eq!(plan.steps[1].rest_before, s(3.0));
    // The first segment of each step is its transition; a rest is only ever one.
    let rests: Vec<Segment> = plan
        .segments
        .iter()
        .copied()
        .filter(|seg| seg.phase == Phase::Rest)
        .collect();
    assert_eq!(
        rests,
        [Segment {
            phase: Phase::Rest,
            step: 1,
            set: 0,
            pass: 0,
            again: 0,
            duration: Some(s(5.0))
        }]
    );
    assert_eq!(plan.segments[plan.step_starts[1]], rests[0]);
    assert_eq!(plan.segments.last().unwrap().phase, Phase::Work);
}

#[test]
fn a_late_tick_lands_in_the_right_segment_with_every_event_in_order() {
    let mut run = two_steps(2, 3, 1);
    let events = run.at(12.3);
    let seg = |phase, step, pass, secs: f64| Segment {
        phase,
        step,
        set: 0,
        pass,
        again: 0,
        duration: Some(s(secs)),
    };
    let left = |at, secs| Event::SecondsLeft { at, secs };
    use Event::Started;
    use Phase::*;
    let (prepare, left_side) = (seg(Prepare, 0, 0, 2.0), seg(Work, 0, 0, 4.0));
    let (switch, right_side) = (seg(Switch, 0, 1, 1.0), seg(Work, 0, 1, 4.0));
    let rest = seg(Rest, 1, 0, 5.0);
    // Each cue says the segment it fell in, though the batch ends in a later one.
    assert_eq!(
        events,
        vec![
            left(prepare, 1),
            Started(left_side),
            left(left_side, 3),
            left(left_side, 2),
            left(left_side, 1),
            Started(switch),
            Started(right_side),
            left(right_side, 3),
            left(right_side, 2),
            left(right_side, 1),
            Started(rest),
        ]
    );
    // The rest began at its planned instant, not at the late tick.
    assert_eq!(run.seg_start(), s(11.0));
    assert_eq!(run.deadline(), Some(s(16.0)));
    assert_eq!(run.view().remaining, Some(s(3.7)));
    assert_eq!(
        run.s.steps_status(),
        vec![StepStatus::Done, StepStatus::NotReached]
    );
}

#[test]
fn late_ticks_never_accumulate_drift() {
    let mut run = two_steps(2, 3, 1);
    // Every tick 0.9 s late relative to the previous deadline.
    let mut t = 0.0;
    while run.s.outcome().is_none() {
        t += 1.9;
        run.at(t);
    }
    assert_eq!(run.s.elapsed(run.t(t)), s(21.0));
    assert_eq!(finished_at(&run).unwrap().1, Outcome::Completed);
    let record = run.s.record(wall(8));
    assert_eq!(record.active_secs, 21.0);
}

// ---- pause / resume ----

#[test]
fn pause_freezes_the_countdown_and_shifts_the_end_by_the_paused_time() {
    let mut run = single_hold(10);
    run.at(3.0);
    let hold = run.here();
    assert_eq!(run.cmd(Command::Pause, 3.0), vec![Event::Paused(hold)]);
    assert!(run.s.is_paused());
    assert_eq!(run.s.next_wakeup(), None);
    for t in [3.0, 10.0, 50.0, 1000.0] {
        assert!(run.at(t).is_empty());
        assert_eq!(run.s.view(run.t(t)).remaining, Some(s(7.0)));
        assert_eq!(run.s.elapsed(run.t(t)), s(3.0));
    }
    assert_eq!(run.cmd(Command::Resume, 1000.0), vec![Event::Resumed(hold)]);
    assert_eq!(run.deadline(), Some(s(1007.0)));
    run.run_out(100);
    assert_eq!(finished_at(&run), Some((s(1007.0), Outcome::Completed)));
    let record = run.s.record(wall(8));
    assert_eq!(record.paused_secs, 997.0);
    assert_eq!(record.active_secs, 10.0);
    assert_eq!(record.steps[0].passes[0].active_secs, 10.0);
}

#[test]
fn toggle_pause_pauses_and_resumes_and_repeats_are_harmless() {
    let mut run = single_hold(10);
    let hold = run.here();
    assert_eq!(
        run.cmd(Command::TogglePause, 1.0),
        vec![Event::Paused(hold)]
    );
    assert!(run.cmd(Command::Pause, 2.0).is_empty());
    assert_eq!(
        run.cmd(Command::TogglePause, 4.0),
        vec![Event::Resumed(hold)]
    );
    assert!(run.cmd(Command::Resume, 5.0).is_empty());
    assert_eq!(run.s.paused_total(run.t(5.0)), s(3.0));
    assert_eq!(run.deadline(), Some(s(13.0)));
}

#[test]
fn pausing_in_counted_reps_ignores_presses_and_counts_the_pause() {
    let mut run = Run::new(&routine(0, 0, 0, vec![counted("C", 2, &[])]));
    run.cmd(Command::Advance, 1.0);
    run.cmd(Command::Pause, 2.0);
    assert!(run.cmd(Command::Advance, 3.0).is_empty());
    assert_eq!(run.s.counted(), 1);
    run.cmd(Command::Resume, 12.0);
    let reps = run.here();
    let events = run.cmd(Command::Advance, 13.0);
    assert_eq!(
        events,
        vec![
            Event::RepCounted { at: reps, rep: 2 },
            finished(Outcome::Completed, reps)
        ]
    );
    let record = run.s.record(wall(8));
    assert_eq!(record.paused_secs, 10.0);
    assert_eq!(record.active_secs, 3.0);
    assert_eq!(record.steps[0].passes[0].reps, Some(2));
    assert_eq!(record.steps[0].passes[0].active_secs, 3.0);
}

#[test]
fn quit_while_paused_counts_the_pause_up_to_the_quit() {
    let mut run = single_hold(30);
    run.cmd(Command::Pause, 10.0);
    let events = run.cmd(Command::Quit, 40.0);
    assert_eq!(
        events,
        vec![finished(Outcome::Quit, run.seg(Phase::Work, 0, 0))]
    );
    assert!(!run.s.is_paused());
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Quit);
    assert_eq!(record.active_secs, 10.0);
    assert_eq!(record.paused_secs, 30.0);
    assert_eq!(record.steps[0].status, StepStatus::Stopped);
    assert_eq!(record.steps[0].passes[0].active_secs, 10.0);
    // Nothing moves after the end.
    assert_eq!(run.s.elapsed(run.t(500.0)), s(10.0));
    assert_eq!(run.s.paused_total(run.t(500.0)), s(30.0));
    assert!(run.cmd(Command::Resume, 600.0).is_empty());
}

// ---- record ----

#[test]
fn the_record_tells_what_happened() {
    let mut run = sides();
    run.at(52.0);
    run.cmd(Command::Next, 52.0); // A: left 30, right 12
    run.cmd(Command::Pause, 60.0);
    run.cmd(Command::Resume, 90.0);
    run.at(200.0);
    let record = run.s.record(wall(9));
    assert_eq!(record.routine_id, "test");
    assert_eq!(record.routine_name, "Test");
    assert_eq!(record.started_at, wall(7));
    assert_eq!(record.ended_at, wall(9));
    assert_eq!(record.outcome, Outcome::Completed);
    // 52 s of A, then B and C in full with their transitions (70 s), plus 30 s paused.
    assert_eq!(record.active_secs, 52.0 + 70.0);
    assert_eq!(record.paused_secs, 30.0);
    assert_eq!(record.planned_secs, 140.0);
    let a = &record.steps[0];
    assert_eq!(a.status, StepStatus::Skipped);
    assert_eq!(a.passes[0].label.as_deref(), Some("Left"));
    assert_eq!(a.passes[0].active_secs, 30.0);
    assert_eq!(a.passes[1].label.as_deref(), Some("Right"));
    assert_eq!(a.passes[1].active_secs, 12.0);
    assert_eq!(a.passes[1].planned_secs, Some(30.0));
    assert_eq!(record.steps[1].status, StepStatus::Done);
    assert_eq!(record.steps[1].active_secs, 20.0);
    assert_eq!(record.steps[1].passes[0].label, None);
    let json = serde_json::to_string(&record).unwrap();
    let back: limberup::session::SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
}

#[test]
fn quit_and_interrupt_mark_the_step_in_progress_stopped() {
    // (when, command, outcome, statuses)
    use StepStatus::*;
    let table = [
        (
            2.0,
            Command::Quit,
            Outcome::Quit,
            [NotReached, NotReached, NotReached],
        ),
        (
            20.0,
            Command::Quit,
            Outcome::Quit,
            [Stopped, NotReached, NotReached],
        ),
        (
            37.0,
            Command::Interrupt,
            Outcome::Interrupted,
            [Stopped, NotReached, NotReached],
        ),
        (
            75.0,
            Command::Interrupt,
            Outcome::Interrupted,
            [Done, NotReached, NotReached],
        ),
        (
            82.0,
            Command::Quit,
            Outcome::Quit,
            [Done, NotReached, NotReached],
        ),
    ];
    for (when, command, outcome, statuses) in table {
        let mut run = sides();
        run.at(when);
        let last = run.here();
        assert_eq!(
            run.cmd(command, when),
            vec![finished(outcome, last)],
            "at {when}"
        );
        assert_eq!(run.s.outcome(), Some(outcome));
        assert_eq!(run.s.steps_status(), statuses.to_vec(), "at {when}");
        let record = run.s.record(wall(8));
        assert_eq!(record.outcome, outcome);
        assert_eq!(record.active_secs, when);
        // A finished session ignores everything.
        assert!(run.cmd(Command::Next, when + 1.0).is_empty());
        assert!(run.at(when + 1000.0).is_empty());
        assert_eq!(run.s.record(wall(8)), record);
    }
}

// ---- plans validation would refuse ----

#[test]
fn a_step_with_nothing_to_do_is_passed_over_and_counts_as_done() {
    // E has no segments at all (a zero hold with no get-ready or rest).
    let steps = vec![hold("A", 5, &[]), hold("E", 0, &[]), hold("B", 5, &[])];
    let mut run = Run::new(&routine(0, 0, 0, steps.clone()));
    run.at(6.0);
    assert_eq!(run.s.step_index(), 2);
    assert_eq!(
        run.s.steps_status()[..2],
        [StepStatus::Done, StepStatus::Done]
    );
    // Back one from B lands on A, not on the empty step.
    run.cmd(Command::Previous, 6.0);
    assert_eq!(run.s.step_index(), 0);
    // Skipping A goes straight to B.
    run.cmd(Command::Next, 7.0);
    assert_eq!(run.s.step_index(), 2);
    run.at(100.0);
    assert_eq!(
        run.s.steps_status(),
        vec![StepStatus::Skipped, StepStatus::Done, StepStatus::Done]
    );
    assert_eq!(run.s.record(wall(8)).active_secs, 12.0);
}
