//! The built-in routines load, validate and plan as documented.

use limberup::routine::{Catalog, Kind, builtins, parse};
use std::time::Duration;

use limberup::session::{Phase, Plan, PlanOptions};

#[test]
fn every_builtin_loads_and_plans() {
    let catalog = Catalog::load(None);
    for (id, text) in builtins() {
        let routine = parse(text, id).unwrap_or_else(|e| panic!("{e}"));
        let entry = catalog.find(id).unwrap().clone();
        let plan = Plan::session(
            &catalog.lineup(vec![entry]).unwrap(),
            &PlanOptions::default(),
        );
        // An open step has no planned time: the workout runs as long as you do.
        assert!(
            plan.total().as_secs() > 60 || plan.open_passes() > 0,
            "{id} is too short to be a routine"
        );
        for step in &routine.steps {
            assert!(
                !step.cues.is_empty(),
                "{id}: step {} has no form cues",
                step.name
            );
        }
    }
}

#[test]
fn builtins_have_the_documented_kinds() {
    let catalog = Catalog::load(None);
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let kind = |id| catalog.find(id).map(|e| e.routine.kind);
    assert_eq!(kind("warm-up"), Some(Kind::WarmUp));
    assert_eq!(kind("cool-down"), Some(Kind::CoolDown));
    assert_eq!(kind("core"), Some(Kind::Other));
    assert_eq!(kind("workout"), Some(Kind::Other));
    assert_eq!(kind("full-session"), Some(Kind::Other));
}

/// The ready-made session: warm-up, workout and cool-down in turn, the workout's open step
/// in the middle, the rest between parts a rest that leads into the next part.
#[test]
fn the_full_session_runs_warm_up_workout_and_cool_down() {
    let catalog = Catalog::load(None);
    let full = catalog.find("full-session").unwrap().clone();
    assert_eq!(full.routine.name, "Warm-up, workout, cool-down");
    let plan = Plan::session(
        &catalog.lineup(vec![full]).unwrap(),
        &PlanOptions::default(),
    );
    let ids: Vec<&str> = plan.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["warm-up", "workout", "cool-down"]);
    let alone = |id: &str| {
        let entry = catalog.find(id).unwrap();
        Plan::new(id, &entry.routine, &PlanOptions::default())
    };
    let (warm, work, cool) = (alone("warm-up"), alone("workout"), alone("cool-down"));
    assert_eq!(
        plan.steps.len(),
        warm.steps.len() + work.steps.len() + cool.steps.len()
    );
    assert_eq!(plan.open_passes(), 1);
    // Each part as planned alone, plus a 10 s rest before each later part.
    assert_eq!(
        plan.total(),
        warm.total() + work.total() + cool.total() + Duration::from_secs(20)
    );
    for first in [warm.steps.len(), warm.steps.len() + work.steps.len()] {
        let transition = plan.segments[plan.step_starts[first]];
        assert_eq!(transition.phase, Phase::Rest);
        assert_eq!(plan.steps[first].rest_before, Duration::from_secs(10));
        assert_eq!(plan.steps[first].place.number, 0);
    }
}

/// Time outside work (get-ready, rests, switches) of a built-in, from its plan.
fn outside_work(id: &str) -> Duration {
    let text = limberup::routine::builtin_source(id).unwrap();
    let plan = Plan::new(id, &parse(text, id).unwrap(), &PlanOptions::default());
    plan.segments
        .iter()
        .filter(|s| s.phase != Phase::Work)
        .filter_map(|s| s.duration)
        .sum()
}

/// The stretch routines keep the body moving: short transitions, no separate rests (the
/// issue: 59 s of the warm-up's 4:31 and 40 s of the cool-down's 2:30 were not exercise).
#[test]
fn the_stretch_routines_spend_little_time_outside_work() {
    for id in ["warm-up", "cool-down"] {
        let outside = outside_work(id);
        assert!(outside <= Duration::from_secs(25), "{id}: {outside:?}");
    }
}
