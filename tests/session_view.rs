//! What the machine says is on screen, and when it next changes.

mod session_support;

use std::time::Duration;

use limberup::session::{Command, Outcome, Phase};
use session_support::*;

#[test]
fn the_view_names_phase_step_pass_time_left_and_what_is_next() {
    // (at, phase, step, pass, seconds shown, next step)
    let table = [
        (0.0, Phase::Prepare, 0, Some((0, "Left")), 5, Some("B")),
        (4.2, Phase::Prepare, 0, Some((0, "Left")), 1, Some("B")),
        (5.0, Phase::Work, 0, Some((0, "Left")), 30, Some("B")),
        (34.999, Phase::Work, 0, Some((0, "Left")), 1, Some("B")),
        (35.0, Phase::Switch, 0, Some((1, "Right")), 5, Some("B")),
        (40.0, Phase::Work, 0, Some((1, "Right")), 30, Some("B")),
        // The rest after A is B's transition: it shows B coming, and C after it.
        (70.0, Phase::Rest, 1, None, 15, Some("C")),
        (80.0, Phase::Rest, 1, None, 5, Some("C")),
        (130.5, Phase::Work, 2, None, 10, None),
    ];
    let mut run = sides();
    for (at, phase, step, pass, shown, next) in table {
        run.at(at);
        let v = run.view();
        assert_eq!(v.routine, "Test");
        assert_eq!(v.phase, Some(phase), "at {at}");
        assert_eq!(v.step_index, step, "at {at}");
        assert_eq!(v.step_count, 3);
        assert_eq!(v.step.name, ["A", "B", "C"][step]);
        assert_eq!(
            v.pass.map(|(i, n, label)| (i, n, label.to_string())),
            pass.map(|(i, label)| (i, 2, label.to_string())),
            "at {at}"
        );
        assert_eq!(v.remaining_secs, Some(shown), "at {at}");
        assert_eq!(v.next.map(|s| s.name.as_str()), next, "at {at}");
        assert_eq!(v.elapsed, s(at));
        assert!(!v.paused);
        assert_eq!(v.outcome, None);
    }
}

#[test]
fn the_countdown_rounds_up_so_it_reads_one_until_the_end() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 4, &[])]));
    // (at, remaining, shown)
    let table = [
        (0.0, 4.0, 4),
        (0.001, 3.999, 4),
        (1.0, 3.0, 3),
        (2.5, 1.5, 2),
        (3.0, 1.0, 1),
        (3.999, 0.001, 1),
    ];
    for (at, remaining, shown) in table {
        run.at(at);
        let v = run.view();
        assert_eq!(v.remaining, Some(s(remaining)), "at {at}");
        assert_eq!(v.remaining_secs, Some(shown), "at {at}");
        assert!((v.phase_progress - at / 4.0).abs() < 1e-12, "at {at}");
    }
}

#[test]
fn paced_reps_show_rep_and_breath_exactly_at_the_boundaries() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![paced("P", 3, 5.0, &["In", "Out"], &[]), hold("H", 5, &[])],
    ));
    // (at, rep, label)
    let table = [
        (0.0, 1, "In"),
        (2.499, 1, "In"),
        (2.5, 1, "Out"),
        (4.999, 1, "Out"),
        (5.0, 2, "In"),
        (7.5, 2, "Out"),
        (10.0, 3, "In"),
        (12.5, 3, "Out"),
        (14.999, 3, "Out"),
    ];
    for (at, rep, label) in table {
        run.at(at);
        let v = run.view();
        let reps = v.reps.as_ref().expect("paced reps");
        assert_eq!((reps.current, reps.count), (rep, 3), "at {at}");
        assert!(reps.paced);
        assert_eq!(reps.label, Some(label), "at {at}");
        assert_eq!(v.remaining, Some(s(15.0 - at)), "at {at}");
    }
    run.at(15.0);
    assert_eq!(run.view().reps, None);
    assert_eq!(run.view().step_index, 1);
}

#[test]
fn a_beat_and_the_label_on_screen_change_at_the_same_instant() {
    // Thirds of a 1 s tempo do not fall on whole nanoseconds of a millisecond grid.
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![paced("P", 2, 1.0, &["A", "B", "C"], &[])],
    ));
    let mut label = run.view().reps.unwrap().label.map(str::to_string);
    while let Some(wake) = run.s.next_wakeup() {
        let mut before = run.s.clone();
        before.advance(wake - Duration::from_nanos(1));
        assert_eq!(
            before
                .view(wake - Duration::from_nanos(1))
                .reps
                .and_then(|r| r.label),
            label.as_deref()
        );
        let events = run.s.advance(wake);
        if run.s.outcome().is_some() {
            break;
        }
        let now = run.view().reps.unwrap().label.map(str::to_string);
        let beat = events
            .iter()
            .any(|e| matches!(e, limberup::session::Event::Beat { .. }));
        assert_eq!(beat, now != label, "at {:?}", wake - run.t0);
        label = now;
    }
}

#[test]
fn counted_reps_show_the_count_and_no_countdown() {
    let mut run = Run::new(&routine(0, 0, 0, vec![counted("C", 4, &[])]));
    run.cmd(Command::Advance, 3.0);
    let v = run.view();
    let reps = v.reps.as_ref().unwrap();
    assert_eq!((reps.current, reps.count, reps.paced), (1, 4, false));
    assert_eq!(reps.label, None);
    assert_eq!(v.remaining, None);
    assert_eq!(v.remaining_secs, None);
    assert_eq!(v.phase_progress, 0.25);
    assert_eq!(v.step_progress, 0.25);
    // A plan of counted reps only has no planned time: progress goes by steps.
    assert_eq!(v.routine_progress, 0.25);
    assert_eq!(v.remaining_total, Duration::ZERO);
}

#[test]
fn a_paused_view_is_frozen() {
    let mut run = sides();
    run.at(12.5);
    run.cmd(Command::Pause, 12.5);
    let frozen = run.view();
    let (remaining, elapsed, progress) =
        (frozen.remaining, frozen.elapsed, frozen.routine_progress);
    for at in [13.0, 100.0, 10_000.0] {
        run.at(at);
        let v = run.s.view(run.t(at));
        assert!(v.paused);
        assert_eq!(v.remaining, remaining);
        assert_eq!(v.remaining, Some(s(22.5)));
        assert_eq!(v.elapsed, elapsed);
        assert_eq!(v.routine_progress, progress);
    }
}

#[test]
fn the_finished_view() {
    let mut run = sides();
    run.at(1000.0);
    let v = run.view();
    assert_eq!(v.phase, None);
    assert_eq!(v.outcome, Some(Outcome::Completed));
    assert_eq!(v.step_index, 2);
    assert_eq!(v.remaining, None);
    assert_eq!(v.remaining_total, Duration::ZERO);
    assert_eq!(
        (v.phase_progress, v.step_progress, v.routine_progress),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(v.elapsed, s(140.0));
    assert_eq!(v.next, None);
}

#[test]
fn step_progress_follows_the_work_of_each_pass() {
    let mut run = sides();
    // (at, step progress)
    let table = [
        (0.0, 0.0),
        (4.0, 0.0),
        (5.0, 0.0),
        (20.0, 0.25),
        (35.0, 0.5),
        (38.0, 0.5),
        (55.0, 0.75),
        (69.999, (1.0 + 29.999 / 30.0) / 2.0),
        // B's transition: nothing of B done yet.
        (70.0, 0.0),
        (80.0, 0.0),
        (95.0, 0.5),
    ];
    for (at, progress) in table {
        run.at(at);
        assert_eq!(run.view().step_progress, progress, "at {at}");
    }
}

#[test]
fn routine_progress_and_total_remaining_follow_the_plan() {
    let mut run = sides();
    // (at, routine progress, total remaining)
    let table = [
        (0.0, 0.0, 140.0),
        (35.0, 0.25, 105.0),
        (70.0, 0.5, 70.0),
        (77.0, 0.55, 63.0),
        (139.0, 139.0 / 140.0, 1.0),
    ];
    for (at, progress, left) in table {
        run.at(at);
        let v = run.view();
        assert!((v.routine_progress - progress).abs() < 1e-12, "at {at}");
        assert_eq!(v.remaining_total, s(left), "at {at}");
    }
}

#[test]
fn skipping_moves_progress_to_the_next_step_and_added_time_shows_in_the_total() {
    let mut run = sides();
    run.at(10.0);
    run.cmd(Command::Next, 10.0);
    let v = run.view();
    assert_eq!(v.routine_progress, 70.0 / 140.0);
    assert_eq!(v.remaining_total, s(70.0));
    run.at(30.0); // B: transition 10-25, work 25-45
    run.cmd(Command::AddTime(10), 30.0);
    let v = run.view();
    assert_eq!(v.remaining, Some(s(25.0)));
    assert_eq!(v.remaining_total, s(25.0 + 35.0));
    assert_eq!(v.phase_progress, 5.0 / 30.0);
    assert_eq!(run.s.adjustments(), (s(10.0), Duration::ZERO));
}

fn wakeups(run: &mut Run, limit: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for _ in 0..limit {
        let Some(wake) = run.s.next_wakeup() else {
            break;
        };
        assert!(wake > run.s.now());
        run.s.advance(wake);
        out.push((wake - run.t0).as_secs_f64());
    }
    out
}

#[test]
fn wakeups_fall_on_every_visible_change_and_nowhere_else() {
    // Get-ready 2 s, then a hold of 3 s scaled by 1.5 (get-ready is never scaled): the
    // get-ready countdown and the elapsed clock tick on the whole second, the total left
    // (6.5 s) and then the hold's countdown on the half.
    let mut run = Run::with_plan(plan(&routine(2, 0, 0, vec![hold("H", 3, &[])]), 1.5));
    assert_eq!(
        wakeups(&mut run, 100),
        vec![
            0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5
        ]
    );
    assert_eq!(run.s.outcome(), Some(Outcome::Completed));
    assert_eq!(run.s.next_wakeup(), None);

    // Paced reps wake for each beat too.
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![paced("P", 2, 5.0, &["In", "Out"], &[])],
    ));
    assert_eq!(
        wakeups(&mut run, 100),
        vec![1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 7.5, 8.0, 9.0, 10.0]
    );
}

#[test]
fn counted_reps_wake_only_for_the_elapsed_clock() {
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![counted("C", 2, &[]), hold("H", 3, &[])],
    ));
    assert_eq!(wakeups(&mut run, 2), vec![1.0, 2.0]);
    run.cmd(Command::Advance, 2.2);
    run.cmd(Command::Advance, 2.4);
    // The hold runs 2.4-5.4: its countdown ticks at .4, the elapsed clock at whole seconds.
    assert_eq!(wakeups(&mut run, 100), vec![3.0, 3.4, 4.0, 4.4, 5.0, 5.4]);
}

#[test]
fn no_wakeup_while_paused_and_the_first_after_resume_is_shifted() {
    let mut run = Run::new(&routine(0, 0, 0, vec![hold("H", 10, &[])]));
    run.at(2.3);
    assert_eq!(run.s.next_wakeup(), Some(run.t(3.0)));
    run.cmd(Command::Pause, 2.3);
    assert_eq!(run.s.next_wakeup(), None);
    run.cmd(Command::Resume, 100.0);
    assert_eq!(run.s.next_wakeup(), Some(run.t(100.7)));
}

#[test]
fn after_quitting_the_view_shows_where_the_session_stopped() {
    let mut run = sides();
    run.at(90.0);
    run.cmd(Command::Quit, 90.0);
    let v = run.view();
    assert_eq!(v.outcome, Some(Outcome::Quit));
    assert_eq!(v.phase, None);
    assert_eq!(v.step_index, 1);
    assert_eq!(v.step.name, "B");
    assert_eq!(v.next, None);
    assert_eq!(v.remaining, None);
    assert_eq!(v.elapsed, s(90.0));
    assert_eq!(run.s.next_wakeup(), None);
}
