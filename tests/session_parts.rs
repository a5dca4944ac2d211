//! A session of several routines (a combination, or `run A B C`) and a session resumed at
//! a step: where each step stands, what the view says between parts, what the record holds,
//! and that a resumed session never goes back into the steps done before it stopped.

mod session_support;

use std::time::Duration;

use limberup::routine::Routine;
use limberup::session::{Command, Outcome, Phase, Session, StepStatus};
use session_support::{Run, hold, routine, s, session_plan, wall};

fn alpha() -> Routine {
    Routine {
        name: "Alpha".into(),
        ..routine(
            2,
            1,
            0,
            vec![hold("A1", 5, &[]), hold("A2", 3, &["Left", "Right"])],
        )
    }
}

fn beta() -> Routine {
    Routine {
        name: "Beta".into(),
        ..routine(2, 1, 0, vec![hold("B1", 4, &[])])
    }
}

#[test]
fn each_step_knows_its_part_and_the_view_names_the_routine_it_comes_from() {
    let plan = session_plan(&[alpha(), beta()], 6, 1.0);
    let parts: Vec<(usize, usize)> = plan
        .steps
        .iter()
        .map(|st| (st.place.part, st.place.number))
        .collect();
    assert_eq!(parts, [(0, 0), (0, 1), (1, 0)]);
    assert_eq!(plan.step_count(), 3);
    assert_eq!(plan.part_shape(0), (2, 1));
    assert_eq!(plan.part_shape(1), (1, 1));
    // The rest between parts leads into the next part's first step.
    assert_eq!(plan.steps[2].rest_before, s(6.0));

    let mut run = Run::with_plan(plan.clone());
    let v = run.view();
    assert_eq!(
        (v.routine, v.session, v.part),
        ("Alpha", "Session", Some((0, 2)))
    );
    // Into the transition before B1: Beta's, though no work of it has begun.
    let into_beta = plan.total() - plan.total_from(2);
    run.at(into_beta.as_secs_f64() + 0.1);
    assert_eq!(run.s.step_index(), 2);
    assert_eq!(run.here().phase, Phase::Rest);
    let v = run.view();
    assert_eq!((v.routine, v.part), ("Beta", Some((1, 2))));
    assert!(v.routine_progress > 0.5 && v.routine_progress < 1.0);

    run.at(plan.total().as_secs_f64());
    assert_eq!(run.s.outcome(), Some(Outcome::Completed));
    let record = run.s.record(wall(8));
    let ids: Vec<&str> = record.parts.iter().map(|p| p.routine_id.as_str()).collect();
    assert_eq!(ids, ["part-0", "part-1"]);
    let parts: Vec<u32> = record.steps.iter().map(|st| st.part).collect();
    assert_eq!(parts, [1, 1, 2]);
    assert_eq!(record.planned_secs, plan.total().as_secs_f64());
    assert_eq!((record.from_step, record.resumes.clone()), (1, None));
}

#[test]
fn a_session_of_one_routine_records_no_parts() {
    let mut run = Run::new(&alpha());
    assert_eq!(run.view().part, None);
    run.cmd(Command::Quit, 1.0);
    let record = run.s.record(wall(8));
    assert!(record.parts.is_empty());
    assert!(record.steps.iter().all(|st| st.part == 1));
}

#[test]
fn a_resumed_session_begins_at_its_step_and_never_goes_back_before_it() {
    let plan = session_plan(&[alpha(), beta()], 6, 1.0);
    let t0 = std::time::Instant::now();
    let (mut session, events) = Session::resume_at(plan.clone(), 1, t0, wall(9));
    assert_eq!(session.step_index(), 1);
    assert_eq!(session.first_step(), 1);
    // It begins with the step's get-ready; the rest before it followed a step done in the
    // earlier sitting, so it is not played again.
    let here = *session.segment().unwrap();
    assert_eq!(plan.segments[plan.step_starts[1]].phase, Phase::Rest);
    assert_eq!(
        (here.phase, here.step, here.duration),
        (Phase::Prepare, 1, Some(s(2.0)))
    );
    assert!(!events.is_empty());
    let rest = plan.steps[1].rest_before;
    assert_eq!(session.view(t0).remaining_total, plan.total_from(1) - rest);

    // "Previous" at once would go back to A1, done in the earlier part: it restarts A2.
    session.handle(Command::Previous, t0 + s(0.5));
    assert_eq!(session.step_index(), 1);
    session.handle(Command::Next, t0 + s(1.0));
    assert_eq!(session.step_index(), 2);
    session.handle(Command::Previous, t0 + s(1.5));
    assert_eq!(session.step_index(), 1);

    session.handle(Command::Quit, t0 + s(2.0));
    let record = session.record(wall(10));
    assert_eq!(record.from_step, 2);
    let names: Vec<&str> = record.steps.iter().map(|st| st.name.as_str()).collect();
    assert_eq!(names, ["A2", "B1"]);
    assert_eq!(record.steps[1].status, StepStatus::NotReached);
    assert_eq!(
        record.planned_secs,
        (plan.total_from(1) - rest).as_secs_f64()
    );
}

/// Taken up at the first step of a later part, the session opens on that step's get-ready,
/// not on the rest between parts (which followed a part done in the earlier sitting).
#[test]
fn a_session_taken_up_at_a_part_boundary_opens_with_its_get_ready() {
    let plan = session_plan(&[alpha(), beta()], 6, 1.0);
    assert_eq!(plan.steps[2].rest_before, s(6.0));
    let t0 = std::time::Instant::now();
    let (session, _) = Session::resume_at(plan.clone(), 2, t0, wall(9));
    let here = *session.segment().unwrap();
    assert_eq!(
        (here.phase, here.step, here.duration),
        (Phase::Prepare, 2, Some(s(2.0)))
    );
    assert_eq!(session.view(t0).remaining_total, s(2.0 + 4.0));
}

#[test]
fn resuming_past_the_last_step_takes_up_the_last() {
    let plan = session_plan(&[alpha(), beta()], 6, 1.0);
    let t0 = std::time::Instant::now();
    let (session, _) = Session::resume_at(plan.clone(), 99, t0, wall(9));
    assert_eq!(session.step_index(), 2);
    let rest = plan.steps[2].rest_before;
    assert_eq!(session.view(t0).remaining_total, plan.total_from(2) - rest);
    assert!(plan.total_from(3) == Duration::ZERO);
}
