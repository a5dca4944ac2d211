//! How large a session a routine makes, counted from the routine without laying it out:
//! its steps over every round and its passes over every set.
//! Small limits on each field multiply (rounds x sets x passes x parts), so the totals are
//! bounded here, which keeps a plan's memory and time in proportion to its file.

use super::{Found, MAX_TIMING_SECS, Push, REP_COUNT, TEMPO_SECS, field};
use crate::routine::locate::Seg;
use crate::routine::model::Routine;

/// Steps of one session, every round and part counted: twice the longest routine the
/// benchmarks plan, far beyond any real one.
pub const MAX_SESSION_STEPS: u64 = 20_000;
/// Passes of one session, every set, round and part counted.
pub const MAX_SESSION_PASSES: u64 = 50_000;
/// The longest a session within these limits can be planned for: every pass the longest
/// paced work, every step and pass behind the longest rest and get-ready, at the largest
/// `--scale`. Decades: the history reads any record's plan up to it.
pub const MAX_SESSION_PLANNED_SECS: f64 = 4.0
    * (MAX_SESSION_PASSES as f64
        * (*REP_COUNT.end() as f64 * *TEMPO_SECS.end() + 2.0 * MAX_TIMING_SECS as f64)
        + MAX_SESSION_STEPS as f64 * 2.0 * MAX_TIMING_SECS as f64);

/// A session's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    pub steps: u64,
    pub passes: u64,
}

impl Size {
    /// The size of `routine`'s session (a combination's own is empty: its parts have theirs).
    pub fn of(routine: &Routine) -> Size {
        let rounds = u64::from(routine.rounds.unwrap_or(1).max(1));
        let mut size = Size::default();
        for i in 0..routine.steps.len() {
            size = size.plus(step_size(routine, i, rounds));
        }
        size
    }

    pub fn plus(self, other: Size) -> Size {
        Size {
            steps: self.steps.saturating_add(other.steps),
            passes: self.passes.saturating_add(other.passes),
        }
    }

    /// What is past a limit, said in words; `None` within every limit.
    pub fn excess(&self) -> Option<String> {
        if self.steps > MAX_SESSION_STEPS {
            Some(format!(
                "the session would have {} steps (every round and part counted), more than \
                 the {MAX_SESSION_STEPS} a session may have",
                self.steps
            ))
        } else if self.passes > MAX_SESSION_PASSES {
            Some(format!(
                "the session would have {} passes (every set, pass, round and part counted), \
                 more than the {MAX_SESSION_PASSES} a session may have",
                self.passes
            ))
        } else {
            None
        }
    }
}

/// Step `i` of `routine` over its `rounds`.
fn step_size(routine: &Routine, i: usize, rounds: u64) -> Size {
    let step = &routine.steps[i];
    let sets = u64::from(step.sets.unwrap_or(1).max(1));
    let passes = step.passes.len().max(1) as u64;
    Size {
        steps: rounds,
        passes: rounds.saturating_mul(sets).saturating_mul(passes),
    }
}

/// A routine whose session is past a limit: said at the step where the total first is.
pub(super) fn check(found: &mut Found, routine: &Routine) {
    let rounds = u64::from(routine.rounds.unwrap_or(1).max(1));
    let mut size = Size::default();
    for i in 0..routine.steps.len() {
        size = size.plus(step_size(routine, i, rounds));
        if let Some(excess) = size.excess() {
            let times = match rounds {
                1 => String::new(),
                n => format!(", each step run {n} rounds"),
            };
            found.problem(
                vec![field("steps"), Seg::Index(i)],
                format!("{excess}; this step passes the limit{times}"),
            );
            return;
        }
    }
}
