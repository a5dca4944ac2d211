//! The work of a step on an injected clock: counted and paced reps, adding and removing
//! time, Enter, and the countdown cues (seconds left, halfway).

mod session_support;

use std::time::Duration;

use limberup::session::{Command, Event, Outcome, Phase, Segment, StepStatus};
use session_support::*;

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
    for (when, left) in [(2.0, 3.0), (10.0, 25.0), (72.0, 13.0)] {
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
        (72.0, Phase::Rest, Phase::Work),
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
    // get-ready 0-5, left 5-17, switch 17-22, right 22-34, H's transition (rest 4 and
    // get-ready 5) 34-43, hold 43-45.
    use Phase::*;
    let (ready, rest) = (run.seg(Prepare, 0, 0), run.seg(Rest, 1, 0));
    let hold = run.seg(Work, 1, 0);
    let want: Vec<(Duration, Event)> = [
        (2.0, ready, 3),
        (3.0, ready, 2),
        (4.0, ready, 1),
        (40.0, rest, 3),
        (41.0, rest, 2),
        (42.0, rest, 1),
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
