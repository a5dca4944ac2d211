//! Routine bytes -> load -> validate -> plan: never a panic, and a loaded routine of steps
//! always plans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use limberup::routine::parse;
use limberup::session::{Plan, PlanOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text, "fuzz.ron") {
        Ok(routine) => {
            let plan = Plan::new("fuzz", &routine, &PlanOptions::default());
            // A combination (`parts`) has no steps of its own: it plans through the catalog
            // that resolves its parts, so only a routine of steps must plan to something.
            assert!(!routine.parts.is_empty() || !plan.segments.is_empty());
            let _ = plan.total();
        }
        Err(err) => {
            assert!(!err.problems.is_empty());
            let _ = err.to_string();
        }
    }
});
