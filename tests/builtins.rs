//! The built-in routines load, validate and plan as documented.

use limberup::routine::{Catalog, Kind, builtins, parse};
use std::time::Duration;

use limberup::session::{Phase, Plan, PlanOptions};

#[test]
fn every_builtin_loads_and_plans() {
    for (id, text) in builtins() {
        let routine = parse(text, id).unwrap_or_else(|e| panic!("{e}"));
        let plan = Plan::new(id, &routine, &PlanOptions::default());
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
