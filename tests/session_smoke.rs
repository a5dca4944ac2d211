//! An untouched session of each built-in ends exactly at its planned duration (an open
//! step, which only ends when the user says so, ended at the first tick in it).

use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use limberup::routine::Catalog;
use limberup::session::{Command, Outcome, Plan, PlanOptions, Session, StepStatus};

#[test]
fn untouched_builtin_sessions_end_exactly_on_plan() {
    let catalog = Catalog::load(None);
    let wall = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 2, 7, 0, 0)
        .unwrap();
    for entry in &catalog.entries {
        let plan = Plan::new(&entry.id, &entry.routine, &PlanOptions::default());
        let total = plan.total();
        let t0 = Instant::now();
        let (mut session, _) = Session::new(plan, t0, wall);
        let mut t = t0;
        // Irregular, late ticks: the end must still land on the plan.
        let mut k = 0u64;
        let mut open = Duration::ZERO;
        while session.outcome().is_none() {
            k += 1;
            t += Duration::from_millis(137 + (k * 7919) % 900);
            session.advance(t);
            if session.segment().is_some_and(|s| s.duration.is_none()) {
                open += t - session.segment_start();
                session.handle(Command::Done, t);
            }
        }
        let record = session.record(wall);
        assert_eq!(record.outcome, Outcome::Completed);
        assert_eq!(session.elapsed(t), total + open, "{}", entry.id);
        assert_eq!(record.count(StepStatus::Done), record.steps.len());
    }
}
