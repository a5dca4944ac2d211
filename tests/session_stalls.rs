//! Stalls on an injected clock: a front end that wakes far past due (the process was
//! stopped, the VM suspended, the machine starved) tells the machine, which pauses where it
//! was due. The lost time is paused time; nothing in it is played or skipped.

mod session_support;

use limberup::figure::Library;
use limberup::plain::lines::describe;
use limberup::session::{Command, Event, Outcome, Phase, STALL, StepStatus};
use session_support::*;

/// Wakes `run` from a sleep until its next wake-up, `late` seconds late, as a front end does.
fn wake_late(run: &mut Run, late: f64) -> Vec<Event> {
    let due = run.s.next_wakeup().expect("a running session");
    let now = due + s(late);
    let command = Command::after_sleep(due, now).expect("a stall");
    let secs = (now - run.t0).as_secs_f64();
    run.cmd(command, secs)
}

#[test]
fn a_stall_mid_hold_comes_back_paused_and_the_lost_time_is_paused() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 30, &[])]));
    run.at(3.5);
    let hold = run.here();
    // Due at 4 s (the countdown ticks), back at 13.5 s.
    let events = wake_late(&mut run, 9.5);
    assert_eq!(
        events,
        [Event::Stalled {
            at: hold,
            lost: s(9.5)
        }]
    );
    assert!(run.s.is_paused());
    assert_eq!(run.s.next_wakeup(), None);
    assert_eq!(run.s.elapsed(run.t(13.5)), s(4.0));
    assert_eq!(run.s.paused_total(run.t(13.5)), s(9.5));
    assert_eq!(run.view().remaining, Some(s(26.0)));
    assert_eq!(
        describe(&events, run.s.plan(), Library::builtin()),
        ["Paused: the coach was stopped for 9 s (p to resume)"]
    );
    // Resumed later, the hold goes on from where the stall found it.
    assert_eq!(run.cmd(Command::Resume, 20.0), [Event::Resumed(hold)]);
    run.run_out(1000);
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.active_secs, 30.0);
    assert_eq!(record.paused_secs, 16.0);
    assert_eq!(record.steps[0].passes[0].active_secs, 30.0);
}

#[test]
fn a_stall_plays_nothing_past_where_it_began() {
    // The case: stopped for 9.5 s early in the four-phase step.
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![
            paced("Four", 2, 4.0, &["A", "B", "C", "D"], &[]),
            paced("Two", 5, 2.0, &["X", "Y"], &[]),
        ],
    ));
    let four = run.here();
    run.at(0.5);
    let events = wake_late(&mut run, 9.5);
    // The beat due at 1 s happened; then the pause. No step two, no later beats.
    assert_eq!(
        events,
        [
            Event::Beat {
                at: four,
                rep: 1,
                phase: 1
            },
            Event::Stalled {
                at: four,
                lost: s(9.5)
            }
        ]
    );
    assert_eq!(run.s.step_index(), 0);
    assert_eq!(run.view().reps.unwrap().label, Some("B"));
    run.cmd(Command::Resume, 30.0);
    assert!(run.at(30.5).is_empty());
    assert_eq!(
        run.at(31.0),
        [Event::Beat {
            at: four,
            rep: 1,
            phase: 2
        }]
    );
    run.run_out(1000);
    let record = run.s.record(wall(8));
    assert_eq!(record.active_secs, 18.0);
    assert_eq!(record.paused_secs, 29.0);
    assert_eq!(record.count(StepStatus::Done), 2);
}

#[test]
fn a_stall_from_a_deadline_ends_that_phase_then_pauses_the_next() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![hold("A", 2, &[]), hold("B", 5, &[])],
    ));
    run.at(1.5);
    let b = run.seg(Phase::Work, 1, 0);
    let events = wake_late(&mut run, 60.0);
    assert_eq!(
        events,
        [
            Event::Started(b),
            Event::Stalled {
                at: b,
                lost: s(60.0)
            }
        ]
    );
    assert_eq!(run.s.record(wall(8)).steps[0].passes[0].active_secs, 2.0);
    assert_eq!(run.view().remaining, Some(s(5.0)));
}

#[test]
fn only_a_wake_up_more_than_the_stall_late_pauses() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 30, &[])]));
    let due = run.s.next_wakeup().unwrap();
    assert_eq!(Command::after_sleep(due, due + STALL), None);
    // A late wake-up within the grace just catches up, as ever.
    let events = run.at((due + STALL - run.t0).as_secs_f64());
    assert!(!run.s.is_paused());
    assert!(events.is_empty());
}

#[test]
fn a_stall_while_paused_or_ended_changes_nothing_but_the_clock() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 30, &[])]));
    run.cmd(Command::Pause, 5.0);
    let since = run.t(6.0);
    assert!(run.cmd(Command::Stalled { since }, 40.0).is_empty());
    assert!(run.s.is_paused());
    assert_eq!(run.s.paused_total(run.t(40.0)), s(35.0));
    assert_eq!(run.now(), s(40.0));

    run.cmd(Command::Quit, 41.0);
    let record = run.s.record(wall(8));
    assert!(
        run.cmd(Command::Stalled { since: run.t(50.0) }, 90.0)
            .is_empty()
    );
    assert_eq!(run.s.record(wall(8)), record);
}

#[test]
fn a_stale_stall_start_never_moves_time_back() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 30, &[])]));
    run.at(10.0);
    // A stall said to start before the machine's latest instant starts there instead.
    let events = run.cmd(Command::Stalled { since: run.t(2.0) }, 20.0);
    assert_eq!(
        events,
        [Event::Stalled {
            at: run.here(),
            lost: s(10.0)
        }]
    );
    assert_eq!(run.s.elapsed(run.t(20.0)), s(10.0));
    assert_eq!(run.s.paused_total(run.t(20.0)), s(10.0));
}

#[test]
fn counted_reps_stall_too_and_a_press_waits_for_resume() {
    let mut run = Run::new(&routine(0, 0, 0, vec![counted("C", 2, &[])]));
    run.cmd(Command::Advance, 1.2);
    wake_late(&mut run, 30.0);
    assert!(run.s.is_paused());
    assert!(run.cmd(Command::Advance, 33.0).is_empty());
    run.cmd(Command::Resume, 34.0);
    run.cmd(Command::Advance, 35.0);
    let record = run.s.record(wall(8));
    assert_eq!(record.outcome, Outcome::Completed);
    // Active: 2 s to the stall, 1 s after the resume.
    assert_eq!(record.active_secs, 3.0);
    assert_eq!(record.paused_secs, 32.0);
}
