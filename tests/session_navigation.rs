//! Moving through a session by hand on an injected clock: next skips a step (or the rest),
//! previous restarts it or goes back one; the record follows.

mod session_support;

use limberup::session::{Command, Event, Outcome, Phase, StepStatus};
use session_support::*;

// ---- next ----

/// Plan of `sides()`: A prepare 0-5, Left 5-35, switch 35-40, Right 40-70, B's transition
/// (rest 10 and get-ready 5) 70-85, work 85-105, C's transition 105-120, work 120-140.
#[test]
fn next_from_each_phase_of_a_step() {
    // (when, step skipped, the status of A, Left secs, Right secs)
    let table = [
        (2.0, 0, StepStatus::Skipped, 0.0, 0.0),   // get-ready
        (17.0, 0, StepStatus::Skipped, 12.0, 0.0), // left side
        (37.0, 0, StepStatus::Skipped, 30.0, 0.0), // switch
        (52.0, 0, StepStatus::Skipped, 30.0, 12.0),
        // B's transition: A is done, and it is B that is skipped.
        (75.0, 1, StepStatus::Done, 30.0, 30.0),
    ];
    for (when, skipped, status, left, right) in table {
        let mut run = sides();
        run.at(when);
        let events = run.cmd(Command::Next, when);
        let seg = run.s.segment().copied().unwrap();
        assert_eq!(
            (seg.step, seg.phase),
            (skipped + 1, Phase::Rest),
            "at {when}"
        );
        assert_eq!(events, vec![Event::Started(seg)], "at {when}");
        assert_eq!(run.seg_start(), s(when));
        let record = run.s.record(wall(8));
        assert_eq!(record.steps[0].status, status, "at {when}");
        assert_eq!(record.steps[skipped].status, StepStatus::Skipped);
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
    // B's whole transition: the rest after A and B's get-ready.
    assert_eq!(run.view().remaining, Some(s(15.0)));
    assert_eq!(run.s.next_wakeup(), None);
    let record = run.s.record(wall(8));
    assert_eq!(record.steps[0].passes[0].active_secs, 15.0);
    run.cmd(Command::Resume, 100.0);
    assert_eq!(run.seg_start(), s(100.0));
    assert_eq!(run.deadline(), Some(s(115.0)));
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
        (72.0, 1, 0),  // step 1's transition (within grace): back one
        (84.5, 1, 0),  // step 1's transition, past grace: back one still
        (86.0, 1, 1),  // step 1 work, past grace: restart step 1
        (107.0, 2, 1), // step 2's transition
        (130.0, 2, 2), // step 2 work
    ];
    for (when, before, after) in table {
        let mut run = sides();
        run.at(when);
        assert_eq!(run.s.step_index(), before, "at {when}");
        let events = run.cmd(Command::Previous, when);
        let seg = run.s.segment().copied().unwrap();
        assert_eq!(events, vec![Event::Started(seg)], "at {when}");
        // Back to the step's transition: A's get-ready, or the rest before B or C.
        let (phase, length) = if after == 0 {
            (Phase::Prepare, 5.0)
        } else {
            (Phase::Rest, 15.0)
        };
        assert_eq!((seg.step, seg.phase, seg.pass), (after, phase, 0));
        assert_eq!(run.seg_start(), s(when));
        assert_eq!(run.deadline(), Some(s(when + length)));
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
