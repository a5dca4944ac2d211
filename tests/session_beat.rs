//! Where a paced rep stands at a moment (`Session::rep_beat`), for what moves with it: the
//! part agrees with the breath cue on screen, progress runs 0..1 through each part, a pause
//! freezes it, and frames asked for land on the set's own grid.

mod session_support;

use std::time::Duration;

use limberup::session::Command;
use session_support::*;

fn run() -> Run {
    // Get-ready 5 s, then 4 reps of 4 s in two parts (2 s each).
    Run::new(&routine(
        5,
        0,
        0,
        vec![
            paced("Cat/Cow", 4, 4.0, &["Exhale", "Inhale"], &[]),
            hold("H", 10, &[]),
        ],
    ))
}

#[test]
fn the_beat_follows_the_parts_of_each_rep() {
    let mut run = run();
    run.at(2.0);
    assert_eq!(run.s.rep_beat(run.t(2.0)), None, "not during get-ready");
    // (at, part, progress)
    let table = [
        (5.0, 0, 0.0),
        (5.5, 0, 0.25),
        (6.999, 0, 0.9995),
        (7.0, 1, 0.0),
        (8.0, 1, 0.5),
        (9.0, 0, 0.0),
        (19.5, 1, 0.25),
    ];
    for (at, part, progress) in table {
        run.at(at);
        let beat = run.s.rep_beat(run.t(at)).expect("paced work");
        assert_eq!((beat.part, beat.parts), (part, 2), "at {at}");
        assert!((beat.progress - progress).abs() < 1e-9, "at {at}: {beat:?}");
        assert_eq!(beat.rep, s(4.0));
        assert_eq!(beat.into, s(at - 5.0));
        let label = run.view().reps.unwrap().label.unwrap();
        assert_eq!(
            label,
            ["Exhale", "Inhale"][part],
            "the cue on screen agrees"
        );
    }
    run.at(21.5);
    assert_eq!(run.s.rep_beat(run.t(21.5)), None, "not during the hold");
}

#[test]
fn a_pause_freezes_the_beat() {
    let mut run = run();
    run.at(5.5);
    run.cmd(Command::Pause, 5.5);
    let frozen = run.s.rep_beat(run.t(5.5)).unwrap();
    assert_eq!(run.s.rep_beat(run.t(60.0)).unwrap(), frozen);
    run.cmd(Command::Resume, 60.0);
    let later = run.s.rep_beat(run.t(61.0)).unwrap();
    assert_eq!((later.part, later.into), (0, s(1.5)));
}

#[test]
fn frames_land_on_the_grid_of_the_set() {
    let mut run = run();
    let grid = Duration::from_millis(100);
    run.at(5.0);
    // On a tick: the change comes that long after now.
    let beat = run.s.rep_beat(run.t(5.0)).unwrap();
    assert_eq!(beat.after(run.t(5.0), grid * 3, grid), run.t(5.3));
    // Woken 30 ms past a tick: the next frames stay on the ticks.
    run.at(5.23);
    let beat = run.s.rep_beat(run.t(5.23)).unwrap();
    assert_eq!(beat.after(run.t(5.23), grid, grid), run.t(5.3));
    assert_eq!(beat.after(run.t(5.23), grid * 2, grid), run.t(5.4));
    // Never now itself, even when the change is due at once.
    assert!(beat.after(run.t(5.23), Duration::ZERO, grid) > run.t(5.23));
}
