//! The built-in routines load, validate and plan as documented.

use limberup::routine::{Catalog, Kind, builtins, parse};
use limberup::session::{Plan, PlanOptions};

#[test]
fn every_builtin_loads_and_plans() {
    for (id, text) in builtins() {
        let routine = parse(text, id).unwrap_or_else(|e| panic!("{e}"));
        let plan = Plan::new(id, &routine, &PlanOptions::default());
        assert!(
            plan.total().as_secs() > 60,
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
}
