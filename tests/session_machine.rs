//! The session machine, transition by transition, on an injected clock.

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

fn finished_at(run: &Run) -> Option<(Duration, Outcome)> {
    run.log.iter().find_map(|(t, e)| match e {
        Event::Finished { outcome, .. } => Some((*t, *outcome)),
        _ => None,
    })
}

fn finished(outcome: Outcome, last: Segment) -> Event {
    Event::Finished {
        outcome,
        last: Some(last),
    }
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
            (s(11.0), Rest, 0, 1),
            (s(14.0), Prepare, 1, 0),
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
fn the_last_step_has_no_rest() {
    let run = two_steps(2, 3, 1);
    let plan = run.s.plan();
    assert_eq!(plan.steps[1].rest, Duration::ZERO);
    assert!(
        plan.segments
            .iter()
            .all(|seg| !(seg.step == 1 && seg.phase == Phase::Rest))
    );
}

#[test]
fn a_late_tick_lands_in_the_right_segment_with_every_event_in_order() {
    let mut run = two_steps(2, 3, 1);
    let events = run.at(12.3);
    let seg = |phase, step, pass, secs: f64| Segment {
        phase,
        step,
        pass,
        duration: Some(s(secs)),
    };
    let left = |at, secs| Event::SecondsLeft { at, secs };
    use Event::Started;
    use Phase::*;
    let (prepare, left_side) = (seg(Prepare, 0, 0, 2.0), seg(Work, 0, 0, 4.0));
    let (switch, right_side) = (seg(Switch, 0, 1, 1.0), seg(Work, 0, 1, 4.0));
    let rest = seg(Rest, 0, 1, 3.0);
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
            left(rest, 2),
        ]
    );
    // The rest began at its planned instant, not at the late tick.
    assert_eq!(run.seg_start(), s(11.0));
    assert_eq!(run.deadline(), Some(s(14.0)));
    assert_eq!(run.view().remaining, Some(s(1.7)));
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

/// Step statuses as a record taken now would have them (a running session is recorded as
/// if interrupted now: a step in its work or switch shows as skipped).
trait StatusList {
    fn steps_status(&self) -> Vec<StepStatus>;
}

impl StatusList for limberup::session::Session {
    fn steps_status(&self) -> Vec<StepStatus> {
        self.record(wall(8))
            .steps
            .iter()
            .map(|s| s.status)
            .collect()
    }
}

// ---- pause / resume ----

fn single_hold(secs: u32) -> Run {
    Run::new(&routine(0, 0, 0, vec![hold("H", secs, &[])]))
}

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
    assert_eq!(record.steps[0].status, StepStatus::Skipped);
    assert_eq!(record.steps[0].passes[0].active_secs, 10.0);
    // Nothing moves after the end.
    assert_eq!(run.s.elapsed(run.t(500.0)), s(10.0));
    assert_eq!(run.s.paused_total(run.t(500.0)), s(30.0));
    assert!(run.cmd(Command::Resume, 600.0).is_empty());
}

// ---- next ----

/// Plan of `sides()`: A prepare 0-5, Left 5-35, switch 35-40, Right 40-70, rest 70-80,
/// B prepare 80-85, work 85-105, rest 105-115, C prepare 115-120, work 120-140.
#[test]
fn next_from_each_phase_of_a_step() {
    // (when, expected status of A, Left secs, Right secs)
    let table = [
        (2.0, StepStatus::Skipped, 0.0, 0.0),   // get-ready
        (17.0, StepStatus::Skipped, 12.0, 0.0), // left side
        (37.0, StepStatus::Skipped, 30.0, 0.0), // switch
        (52.0, StepStatus::Skipped, 30.0, 12.0),
        (75.0, StepStatus::Done, 30.0, 30.0), // rest: already done
    ];
    for (when, status, left, right) in table {
        let mut run = sides();
        run.at(when);
        let events = run.cmd(Command::Next, when);
        let seg = run.s.segment().copied().unwrap();
        assert_eq!((seg.step, seg.phase), (1, Phase::Prepare), "at {when}");
        assert_eq!(events, vec![Event::Started(seg)], "at {when}");
        assert_eq!(run.seg_start(), s(when));
        let record = run.s.record(wall(8));
        assert_eq!(record.steps[0].status, status, "at {when}");
        let passes: Vec<f64> = record.steps[0]
            .passes
            .iter()
            .map(|p| p.active_secs)
            .collect();
        assert_eq!(passes, vec![left, right], "at {when}");
        assert_eq!(record.steps[0].active_secs, left + right);
    }
}

#[test]
fn next_on_the_last_step_completes_the_session_with_it_skipped() {
    let mut run = sides();
    run.at(125.0);
    let last = run.here();
    assert_eq!(
        run.cmd(Command::Next, 125.0),
        vec![finished(Outcome::Completed, last)]
    );
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(
        run.s.steps_status(),
        vec![StepStatus::Done, StepStatus::Done, StepStatus::Skipped]
    );
    assert_eq!(record.steps[2].passes[0].active_secs, 5.0);
    assert_eq!(record.active_secs, 125.0);
}

#[test]
fn next_while_paused_stays_paused_on_the_next_step() {
    let mut run = sides();
    run.cmd(Command::Pause, 20.0);
    run.cmd(Command::Next, 50.0);
    assert!(run.s.is_paused());
    assert_eq!(run.s.step_index(), 1);
    assert_eq!(run.view().remaining, Some(s(5.0)));
    assert_eq!(run.s.next_wakeup(), None);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].passes[0].active_secs, 15.0);
    run.cmd(Command::Resume, 100.0);
    assert_eq!(run.seg_start(), s(100.0));
    assert_eq!(run.deadline(), Some(s(105.0)));
}

#[test]
fn next_while_paused_on_the_last_step_ends_and_counts_the_pause() {
    let mut run = single_hold(30);
    run.cmd(Command::Pause, 10.0);
    let hold = run.here();
    assert_eq!(
        run.cmd(Command::Next, 70.0),
        vec![finished(Outcome::Completed, hold)]
    );
    assert!(!run.s.is_paused());
    let record = run.s.record(wall(8));
    assert_eq!(record.active_secs, 10.0);
    assert_eq!(record.paused_secs, 60.0);
    assert_eq!(record.steps[0].status, StepStatus::Skipped);
    assert_eq!(record.steps[0].passes[0].active_secs, 10.0);
    assert!(!run.view().paused);
}

// ---- previous ----

#[test]
fn previous_goes_back_or_restarts_by_how_far_the_step_has_got() {
    // (when, step before, expected step after)
    let table = [
        (2.0, 0, 0),   // step 0 get-ready: restart
        (20.0, 0, 0),  // step 0 work: restart
        (75.0, 0, 0),  // step 0 rest: restart step 0
        (81.0, 1, 0),  // step 1 get-ready (within grace): back one
        (84.5, 1, 0),  // step 1 get-ready, past grace: back one still
        (86.0, 1, 1),  // step 1 work, past grace: restart step 1
        (117.0, 2, 1), // step 2 within grace
        (130.0, 2, 2), // step 2 work
    ];
    for (when, before, after) in table {
        let mut run = sides();
        run.at(when);
        assert_eq!(run.s.step_index(), before, "at {when}");
        let events = run.cmd(Command::Previous, when);
        let seg = run.s.segment().copied().unwrap();
        assert_eq!(events, vec![Event::Started(seg)], "at {when}");
        assert_eq!((seg.step, seg.phase, seg.pass), (after, Phase::Prepare, 0));
        assert_eq!(run.seg_start(), s(when));
        assert_eq!(run.deadline(), Some(s(when + 5.0)));
        let statuses = run.s.steps_status();
        for (i, status) in statuses.iter().enumerate() {
            let expected = if i < after {
                StepStatus::Done
            } else {
                StepStatus::NotReached
            };
            assert_eq!(*status, expected, "step {i} at {when}");
        }
    }
}

#[test]
fn previous_within_grace_of_a_step_without_get_ready_goes_back_one() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![hold("A", 10, &[]), hold("B", 10, &[])],
    ));
    run.at(12.0);
    run.cmd(Command::Previous, 12.0);
    assert_eq!(run.s.step_index(), 0);
    run.at(15.0);
    run.cmd(Command::Previous, 15.0);
    assert_eq!(run.s.step_index(), 0);
    assert_eq!(run.seg_start(), s(15.0));
    run.run_out(1000);
    assert_eq!(finished_at(&run), Some((s(35.0), Outcome::Completed)));
}

#[test]
fn a_restarted_step_is_recorded_afresh_and_ends_done() {
    let mut run = sides();
    run.at(52.0); // right side, 12 s in
    run.cmd(Command::Previous, 52.0);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].status, StepStatus::NotReached);
    assert!(record.steps[0].passes.iter().all(|p| p.active_secs == 0.0));
    run.run_out(10_000);
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.count(StepStatus::Done), 3);
    let passes: Vec<f64> = record.steps[0]
        .passes
        .iter()
        .map(|p| p.active_secs)
        .collect();
    assert_eq!(passes, vec![30.0, 30.0]);
    assert_eq!(record.active_secs, 52.0 + 140.0);
}

#[test]
fn going_back_over_a_skipped_step_then_finishing_it_marks_it_done() {
    let mut run = sides();
    run.at(20.0);
    run.cmd(Command::Next, 20.0); // A skipped, B get-ready at 20
    assert_eq!(run.s.steps_status()[0], StepStatus::Skipped);
    run.cmd(Command::Previous, 21.0); // back to A
    assert_eq!(run.s.steps_status()[0], StepStatus::NotReached);
    run.run_out(10_000);
    assert_eq!(
        run.s.steps_status(),
        vec![StepStatus::Done, StepStatus::Done, StepStatus::Done]
    );
}

#[test]
fn previous_while_paused_restarts_frozen() {
    let mut run = sides();
    run.cmd(Command::Pause, 20.0);
    run.cmd(Command::Previous, 30.0);
    assert!(run.s.is_paused());
    assert_eq!(run.view().remaining, Some(s(5.0)));
    run.cmd(Command::Resume, 40.0);
    assert_eq!(run.deadline(), Some(s(45.0)));
}

// ---- counted reps ----

#[test]
fn counted_reps_wait_for_presses_and_end_at_the_last_one() {
    let mut run = Run::new(&routine(
        0,
        2,
        1,
        vec![counted("C", 3, &["Left", "Right"]), hold("H", 5, &[])],
    ));
    assert_eq!(run.deadline(), None);
    assert!(
        run.at(500.0).is_empty(),
        "no deadline: time alone ends nothing"
    );
    let mut got = Vec::new();
    for t in [501.5, 502.7, 504.1] {
        got.extend(run.cmd(Command::Advance, t));
    }
    let at = run.seg(Phase::Work, 0, 0);
    assert_eq!(
        got[..3],
        [
            Event::RepCounted { at, rep: 1 },
            Event::RepCounted { at, rep: 2 },
            Event::RepCounted { at, rep: 3 }
        ]
    );
    assert!(matches!(
        got[3],
        Event::Started(Segment {
            phase: Phase::Switch,
            ..
        })
    ));
    assert_eq!(run.seg_start(), s(504.1));
    assert_eq!(run.deadline(), Some(s(505.1)));
    run.at(505.1);
    run.cmd(Command::Advance, 506.0);
    run.cmd(Command::Advance, 507.0);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].passes[0].reps, Some(3));
    assert_eq!(record.steps[0].passes[0].active_secs, 504.1);
    // A record taken mid-pass has the pass so far, as if interrupted now.
    assert_eq!(record.outcome, Outcome::Interrupted);
    assert_eq!(record.steps[0].passes[1].reps, Some(2));
    assert_eq!(record.steps[0].passes[1].active_secs, 1.9);
    assert_eq!(run.s.outcome(), None);
    run.cmd(Command::Next, 508.0);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].status, StepStatus::Skipped);
    assert_eq!(record.steps[0].passes[1].reps, Some(2));
    assert_eq!(record.steps[0].passes[1].active_secs, 2.9);
    assert_eq!(record.reps(), 5);
}

// ---- paced reps ----

#[test]
fn paced_reps_beat_at_every_phase_boundary() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![paced("P", 3, 5.0, &["In", "Out"], &[])],
    ));
    run.run_out(1000);
    let beats: Vec<(Duration, Event)> = run
        .log
        .iter()
        .copied()
        .filter(|(_, e)| matches!(e, Event::Beat { .. }))
        .collect();
    let at = run.seg(Phase::Work, 0, 0);
    let beat = |t, rep, phase| (s(t), Event::Beat { at, rep, phase });
    assert_eq!(
        beats,
        vec![
            beat(2.5, 1, 1),
            beat(5.0, 2, 0),
            beat(7.5, 2, 1),
            beat(10.0, 3, 0),
            beat(12.5, 3, 1),
        ]
    );
    assert_eq!(finished_at(&run), Some((s(15.0), Outcome::Completed)));
    assert_eq!(run.s.record(wall(8)).steps[0].passes[0].reps, Some(3));
}

#[test]
fn paced_reps_without_phases_beat_once_per_rep() {
    let mut run = Run::new(&routine(0, 0, 0, vec![paced("P", 3, 2.0, &[], &[])]));
    run.run_out(1000);
    let beats: Vec<(Duration, Event)> = run
        .log
        .iter()
        .copied()
        .filter(|(_, e)| matches!(e, Event::Beat { .. }))
        .collect();
    let at = run.seg(Phase::Work, 0, 0);
    assert_eq!(
        beats,
        vec![
            (
                s(2.0),
                Event::Beat {
                    at,
                    rep: 2,
                    phase: 0
                }
            ),
            (
                s(4.0),
                Event::Beat {
                    at,
                    rep: 3,
                    phase: 0
                }
            ),
        ]
    );
}

#[test]
fn skipped_paced_reps_record_the_reps_completed() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![paced("P", 3, 5.0, &["In", "Out"], &[]), hold("H", 5, &[])],
    ));
    run.at(7.6);
    run.cmd(Command::Next, 7.6);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].passes[0].reps, Some(1));
    assert_eq!(record.steps[0].passes[0].active_secs, 7.6);
    assert_eq!(record.steps[0].passes[0].planned_secs, Some(15.0));
}

// ---- adding and removing time ----

#[test]
fn add_time_lengthens_and_shortens_holds_rests_and_get_ready() {
    // (phase reached at `when`, the time then left)
    let mut run = sides();
    for (when, left) in [(2.0, 3.0), (10.0, 25.0), (72.0, 8.0)] {
        run.at(when);
        let deadline = run.deadline().unwrap();
        assert_eq!(run.view().remaining, Some(s(left)));
        let at = run.here();
        assert_eq!(
            run.cmd(Command::AddTime(10), when),
            vec![Event::TimeChanged {
                at,
                left: s(left + 10.0)
            }]
        );
        assert_eq!(run.deadline(), Some(deadline + s(10.0)));
        run.cmd(Command::AddTime(-10), when);
        assert_eq!(run.deadline(), Some(deadline));
    }
}

#[test]
fn removing_more_than_is_left_ends_the_phase_now() {
    let mut run = sides();
    run.at(31.0); // 4 s left on the left side
    let events = run.cmd(Command::AddTime(-10), 31.0);
    let at = run.seg(Phase::Work, 0, 0);
    assert_eq!(
        events[0],
        Event::TimeChanged {
            at,
            left: Duration::ZERO
        }
    );
    let seg = run.s.segment().copied().unwrap();
    assert_eq!(events[1..], [Event::Started(seg)]);
    assert_eq!(seg.phase, Phase::Switch);
    assert_eq!(run.seg_start(), s(31.0));
    assert_eq!(run.s.record(wall(8)).steps[0].passes[0].active_secs, 26.0);
}

#[test]
fn add_time_does_nothing_to_paced_reps_switch_or_counted_reps() {
    let mut run = Run::new(&routine(
        0,
        0,
        3,
        vec![
            paced("P", 2, 5.0, &[], &["Left", "Right"]),
            counted("C", 2, &[]),
        ],
    ));
    // Left side (paced), then the switch.
    for when in [1.0, 11.0] {
        run.at(when);
        let deadline = run.deadline();
        assert!(run.cmd(Command::AddTime(10), when).is_empty());
        assert!(run.cmd(Command::AddTime(-10), when).is_empty());
        assert_eq!(run.deadline(), deadline);
    }
    run.at(23.0);
    assert_eq!(run.s.step_index(), 1);
    assert!(run.cmd(Command::AddTime(-10), 23.0).is_empty());
    assert_eq!(run.s.segment().unwrap().phase, Phase::Work);
}

#[test]
fn removing_time_while_paused_ends_the_phase_on_resume() {
    let mut run = single_hold(30);
    run.cmd(Command::Pause, 25.0);
    run.cmd(Command::AddTime(-10), 26.0);
    assert_eq!(run.view().remaining, Some(Duration::ZERO));
    assert_eq!(run.s.outcome(), None);
    let hold = run.here();
    let events = run.cmd(Command::Resume, 40.0);
    assert_eq!(
        events,
        vec![Event::Resumed(hold), finished(Outcome::Completed, hold)]
    );
    assert_eq!(run.s.record(wall(8)).active_secs, 25.0);
}

// ---- advance (Enter) ----

#[test]
fn advance_ends_get_ready_switch_and_rest_now_but_not_timed_work() {
    let mut run = sides();
    let cases = [
        (1.0, Phase::Prepare, Phase::Work),
        (36.0, Phase::Switch, Phase::Work),
        (72.0, Phase::Rest, Phase::Prepare),
    ];
    let mut offset = 0.0;
    for (when, from, to) in cases {
        // Earlier advances moved everything `offset` seconds earlier.
        let when = when - offset;
        run.at(when);
        assert_eq!(run.s.segment().unwrap().phase, from, "at {when}");
        let deadline = run.deadline().unwrap();
        run.cmd(Command::Advance, when);
        assert_eq!(run.s.segment().unwrap().phase, to, "at {when}");
        assert_eq!(run.seg_start(), s(when));
        offset += (deadline - s(when)).as_secs_f64();
    }
    run.at(100.0 - offset);
    let before = run.s.segment().copied();
    assert_eq!(before.unwrap().phase, Phase::Work);
    assert!(run.cmd(Command::Advance, 100.0 - offset).is_empty());
    assert_eq!(run.s.segment().copied(), before);
}

// ---- cues: seconds left and halfway ----

fn cues_of(run: &Run) -> Vec<(Duration, Event)> {
    run.log
        .iter()
        .copied()
        .filter(|(_, e)| matches!(e, Event::SecondsLeft { .. } | Event::Halfway { .. }))
        .collect()
}

#[test]
fn countdown_cues_fire_once_each_at_the_right_instant() {
    /// A cue of the hold, as (halfway with this much left) or (seconds left).
    #[derive(Clone, Copy)]
    enum C {
        Halfway(f64),
        Left(u32),
    }
    use C::Left;
    // (hold secs, expected cues)
    let table: Vec<(u32, Vec<(f64, C)>)> = vec![
        (1, vec![]),
        (3, vec![(1.0, Left(2)), (2.0, Left(1))]),
        (10, vec![(7.0, Left(3)), (8.0, Left(2)), (9.0, Left(1))]),
        (
            11,
            vec![
                (1.0, Left(10)),
                (8.0, Left(3)),
                (9.0, Left(2)),
                (10.0, Left(1)),
            ],
        ),
        (
            19,
            vec![
                (9.0, Left(10)),
                (16.0, Left(3)),
                (17.0, Left(2)),
                (18.0, Left(1)),
            ],
        ),
        (
            20,
            vec![
                (10.0, C::Halfway(10.0)),
                (10.0, Left(10)),
                (17.0, Left(3)),
                (18.0, Left(2)),
                (19.0, Left(1)),
            ],
        ),
        (
            25,
            vec![
                (12.5, C::Halfway(12.5)),
                (15.0, Left(10)),
                (22.0, Left(3)),
                (23.0, Left(2)),
                (24.0, Left(1)),
            ],
        ),
    ];
    for (secs, expected) in table {
        let mut run = single_hold(secs);
        let at = run.here();
        let event = |c| match c {
            C::Halfway(left) => Event::Halfway { at, left: s(left) },
            C::Left(secs) => Event::SecondsLeft { at, secs },
        };
        let expected: Vec<(Duration, Event)> = expected
            .into_iter()
            .map(|(t, c)| (s(t), event(c)))
            .collect();
        // Stepping through every wakeup...
        run.run_out(1000);
        assert_eq!(cues_of(&run), expected, "hold {secs} by wakeups");
        // ...and one late tick give the same cues.
        let mut run = single_hold(secs);
        run.at(f64::from(secs) + 0.5);
        let late: Vec<Event> = run
            .log
            .iter()
            .map(|(_, e)| *e)
            .filter(|e| matches!(e, Event::SecondsLeft { .. } | Event::Halfway { .. }))
            .collect();
        let want: Vec<Event> = expected.iter().map(|(_, e)| *e).collect();
        assert_eq!(late, want, "hold {secs} in one tick");
    }
}

#[test]
fn get_ready_and_rest_count_down_but_switch_and_paced_reps_do_not() {
    let mut run = Run::new(&routine(
        5,
        4,
        5,
        vec![
            paced("P", 2, 6.0, &[], &["Left", "Right"]),
            hold("H", 2, &[]),
        ],
    ));
    run.run_out(1000);
    // get-ready 0-5, left 5-17, switch 17-22, right 22-34, rest 34-38, get-ready 38-43,
    // hold 43-45.
    use Phase::*;
    let (ready, rest) = (run.seg(Prepare, 0, 0), run.seg(Rest, 0, 1));
    let (ready_2, hold) = (run.seg(Prepare, 1, 0), run.seg(Work, 1, 0));
    let want: Vec<(Duration, Event)> = [
        (2.0, ready, 3),
        (3.0, ready, 2),
        (4.0, ready, 1),
        (35.0, rest, 3),
        (36.0, rest, 2),
        (37.0, rest, 1),
        (40.0, ready_2, 3),
        (41.0, ready_2, 2),
        (42.0, ready_2, 1),
        (44.0, hold, 1),
    ]
    .into_iter()
    .map(|(t, at, secs)| (s(t), Event::SecondsLeft { at, secs }))
    .collect();
    assert_eq!(cues_of(&run), want);
}

#[test]
fn halfway_is_said_once_even_when_time_is_added_after_it() {
    let mut run = single_hold(30);
    run.at(16.0);
    run.cmd(Command::AddTime(10), 16.0);
    run.run_out(1000);
    let at = run.seg(Phase::Work, 0, 0);
    let halfways: Vec<_> = run
        .log
        .iter()
        .filter(|(_, e)| matches!(e, Event::Halfway { .. }))
        .collect();
    // Halfway fell at 15 s (15 s left) and came with the tick at 16 s.
    assert_eq!(halfways, [&(s(16.0), Event::Halfway { at, left: s(15.0) })]);
    // The countdown restarts from the new deadline: ten seconds left at 30 s.
    assert!(
        run.log
            .contains(&(s(30.0), Event::SecondsLeft { at, secs: 10 }))
    );
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
    // 52 s of A, then B and C in full (60 s), plus 30 s paused.
    assert_eq!(record.active_secs, 52.0 + 60.0);
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
fn quit_and_interrupt_mark_the_step_in_progress_skipped() {
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
            [Skipped, NotReached, NotReached],
        ),
        (
            37.0,
            Command::Interrupt,
            Outcome::Interrupted,
            [Skipped, NotReached, NotReached],
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
