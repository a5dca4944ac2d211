//! What each command may do at each moment (`Session::allowed`), the done key, and what
//! quitting part-way through a step leaves in the record.

mod session_support;

use limberup::session::{Advance, Allowed, Command, Event, Outcome, Phase, StepStatus};
use session_support::*;

/// Allowed commands through `sides()`'s phases, and in counted reps, running and paused.
#[test]
fn allowed_follows_the_phase_and_the_work() {
    let start_now = Some(Advance::StartNow);
    // Any step but an open one can have a set added, whatever its phase.
    let base = Allowed {
        running: true,
        add_set: true,
        ..Allowed::default()
    };
    // (at, allowed) through A get-ready, hold, switch, rest; B get-ready.
    let table = [
        (
            1.0,
            Allowed {
                advance: start_now,
                add_time: true,
                ..base
            },
        ),
        (
            10.0,
            Allowed {
                add_time: true,
                repeat: true,
                ..base
            },
        ),
        (
            36.0,
            Allowed {
                advance: start_now,
                ..base
            },
        ),
        (
            72.0,
            Allowed {
                advance: start_now,
                add_time: true,
                ..base
            },
        ),
        (
            81.0,
            Allowed {
                advance: start_now,
                add_time: true,
                ..base
            },
        ),
    ];
    let mut run = sides();
    for (at, want) in table {
        run.at(at);
        assert_eq!(run.s.allowed(), want, "at {at}");
        assert_eq!(run.view().allowed, want, "at {at}");
    }
    run.cmd(Command::Quit, 90.0);
    assert_eq!(run.s.allowed(), Allowed::default());

    let mut run = Run::new(&routine(0, 0, 0, vec![counted("C", 3, &[])]));
    let counting = Allowed {
        advance: Some(Advance::CountRep),
        done: true,
        repeat: true,
        ..base
    };
    assert_eq!(run.s.allowed(), counting);
    run.cmd(Command::Pause, 1.0);
    // Nothing is counted while paused, but the set can still be marked done.
    assert_eq!(
        run.s.allowed(),
        Allowed {
            advance: None,
            ..counting
        }
    );
}

#[test]
fn done_ends_counted_reps_with_their_target_count() {
    let mut run = Run::new(&routine(
        0,
        0,
        2,
        vec![counted("C", 10, &["Left", "Right"]), hold("H", 5, &[])],
    ));
    run.cmd(Command::Advance, 1.0);
    run.cmd(Command::Advance, 2.0);
    let left = run.here();
    let events = run.cmd(Command::Done, 30.0);
    let switch = run.seg(Phase::Switch, 0, 1);
    assert_eq!(events, vec![Event::Started(switch)]);
    assert_eq!(run.seg_start(), s(30.0));
    let record = run.s.record(wall(8));
    let pass = &record.steps[0].passes[0];
    assert_eq!((pass.reps, pass.marked_done), (Some(10), true));
    assert_eq!(pass.active_secs, 30.0);
    // The other side, counted to the end, is not marked done.
    run.at(32.0);
    for t in 0..10 {
        run.cmd(Command::Advance, 33.0 + f64::from(t));
    }
    let record = run.s.record(wall(8));
    let pass = &record.steps[0].passes[1];
    assert_eq!((pass.reps, pass.marked_done), (Some(10), false));
    assert_eq!(record.steps[0].status, StepStatus::Done);
    // Done means nothing during a hold.
    assert!(run.cmd(Command::Done, 43.0).is_empty());
    assert_ne!(run.here(), left);
}

#[test]
fn quitting_part_way_through_a_step_records_it_stopped() {
    // (when, command, status of A): get-ready, hold, switch, the rest after A.
    let table = [
        (2.0, Command::Quit, StepStatus::NotReached),
        (20.0, Command::Quit, StepStatus::Stopped),
        (37.0, Command::Interrupt, StepStatus::Stopped),
        (75.0, Command::Quit, StepStatus::Done),
    ];
    for (when, command, status) in table {
        let mut run = sides();
        run.at(when);
        run.cmd(command, when);
        let record = run.s.record(wall(8));
        assert_eq!(record.steps[0].status, status, "at {when}");
        assert_ne!(record.outcome, Outcome::Completed);
    }
}

#[test]
fn records_with_the_new_fields_round_trip_and_old_ones_still_read() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![counted("C", 4, &[]), hold("H", 9, &[])],
    ));
    run.cmd(Command::Done, 3.0);
    run.cmd(Command::Quit, 5.0);
    let record = run.s.record(wall(8));
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""marked_done":true"#), "{json}");
    assert!(json.contains(r#""status":"stopped""#), "{json}");
    let back: limberup::session::SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    // A pass written before `marked_done` existed reads as not marked.
    let old = json.replace(r#","marked_done":true"#, "");
    let back: limberup::session::SessionRecord = serde_json::from_str(&old).unwrap();
    assert!(!back.steps[0].passes[0].marked_done);
}
