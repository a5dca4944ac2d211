//! Phases of a paced rep with their own seconds: how they read next to plain labels, what
//! plan they make (scaled one by one, adding up to the rep), and how the machine beats them.

mod session_support;

use std::time::Duration;

use limberup::routine::{RepPhase, Work, parse};
use limberup::session::{Event, Phase, Plan, PlanOptions, WorkPlan};
use session_support::*;

fn work_of(text: &str) -> Work {
    let file =
        format!("Routine(name: \"R\", kind: Other, steps: [Step(name: \"Bend\", work: {text})])");
    parse(&file, "t").unwrap_or_else(|e| panic!("{e}")).steps[0]
        .work
        .clone()
}

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

#[test]
fn timed_phases_read_without_a_tempo_and_make_the_reps_paced() {
    let work = work_of(
        r#"Reps(count: 4, phases: [("Inhale: stand tall", 2), ("Exhale: reach", 2), ("Hold", 4), ("Return", 2)])"#,
    );
    assert!(!work.is_counted());
    let Work::Reps { phases, .. } = &work else {
        panic!("{work:?}")
    };
    assert_eq!(phases[2], RepPhase::timed("Hold", 4.0));
    // A tempo that agrees may be given too; labels alone still need one.
    work_of(r#"Reps(count: 4, tempo_secs: 6.5, phases: [("A", 2.5), ("B", 4)])"#);
    assert!(work_of(r#"Reps(count: 4, phases: [])"#).is_counted());
}

#[test]
fn timed_phases_are_scaled_one_by_one_and_the_rep_is_their_sum() {
    let routine = parse(
        r#"Routine(name: "R", kind: Other, prepare_secs: 0, steps: [
            Step(name: "Bend", work: Reps(count: 3, phases: [("In", 2), ("Reach", 2), ("Hold", 4), ("Back", 2)])),
        ])"#,
        "t",
    )
    .unwrap();
    let plan = |scale| {
        let options = PlanOptions {
            scale,
            ..PlanOptions::default()
        };
        Plan::new("t", &routine, &options)
    };
    let p = plan(1.0);
    let WorkPlan::Paced { tempo, starts, .. } = &p.steps[0].work else {
        panic!()
    };
    assert_eq!(*tempo, ms(10_000));
    assert_eq!(*starts, [ms(0), ms(2000), ms(4000), ms(8000)]);
    assert_eq!(
        p.steps[0].work.phase_lengths(),
        [ms(2000), ms(2000), ms(4000), ms(2000)]
    );
    assert_eq!(p.total(), ms(30_000));
    // A third of each part, rounded to the millisecond part by part: the rep is their sum.
    let p = plan(1.0 / 3.0 + 1e-9);
    assert_eq!(
        p.steps[0].work.phase_lengths(),
        [ms(667), ms(667), ms(1333), ms(667)]
    );
    assert_eq!(p.total(), ms(3 * 3334));
}

#[test]
fn the_machine_beats_each_phase_when_it_begins() {
    let bend = timed("Bend", 2, &[("In", 2.0), ("Hold", 4.5), ("Back", 1.5)], &[]);
    let routine = routine(0, 0, 0, vec![bend]);
    let mut run = Run::new(&routine);
    run.run_out(1000);
    let at = run.seg(Phase::Work, 0, 0);
    let beats: Vec<(Duration, Event)> = run
        .log
        .iter()
        .copied()
        .filter(|(_, e)| matches!(e, Event::Beat { .. }))
        .collect();
    let beat = |t, rep, phase| (ms(t), Event::Beat { at, rep, phase });
    assert_eq!(
        beats,
        [
            beat(2000, 1, 1),
            beat(6500, 1, 2),
            beat(8000, 2, 0),
            beat(10_000, 2, 1),
            beat(14_500, 2, 2),
        ]
    );
    assert_eq!(finished_at(&run).map(|f| f.0), Some(ms(16_000)));
    // The screen shows the phase in progress, flipping exactly at its start.
    let mut run = Run::new(&routine);
    for (t, rep, label) in [
        (0.0, 1, "In"),
        (1.999, 1, "In"),
        (2.0, 1, "Hold"),
        (6.499, 1, "Hold"),
        (6.5, 1, "Back"),
        (8.0, 2, "In"),
    ] {
        run.at(t);
        let v = run.view();
        let reps = v.reps.expect("paced reps");
        assert_eq!((reps.current, reps.label), (rep, Some(label)), "at {t}");
    }
}
