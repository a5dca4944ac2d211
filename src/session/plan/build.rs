//! Building a plan: each step of a routine resolved (config defaults and `--scale` applied),
//! then laid out as segments. A step's segments are its own: the transition that leads into
//! it (the rest after the step before, merged with its get-ready), then its work.

use std::time::Duration;

use super::work::{Enough, scaled};
use super::{Phase, Plan, PlanOptions, SCALE_RANGE, Segment, StepPlan, WorkPlan};
use crate::routine::Routine;

fn secs(value: u32) -> Duration {
    Duration::from_secs(u64::from(value))
}

impl Plan {
    /// The plan of `routine`; a scale outside `SCALE_RANGE` is brought into it.
    pub fn new(id: &str, routine: &Routine, options: &PlanOptions) -> Plan {
        let scale = if options.scale.is_nan() {
            1.0
        } else {
            options
                .scale
                .clamp(*SCALE_RANGE.start(), *SCALE_RANGE.end())
        };
        let t = options.timings;
        let mut rest_before = Duration::ZERO;
        let steps: Vec<StepPlan> = routine
            .steps
            .iter()
            .map(|step| {
                let rest = step.rest_secs.or(routine.rest_secs).unwrap_or(t.rest_secs);
                let plan = StepPlan {
                    name: step.name.clone(),
                    cues: step.cues.clone(),
                    passes: step.passes.clone(),
                    work: WorkPlan::of(&step.work, scale),
                    enough: Enough::of(&step.work, scale),
                    prepare: secs(
                        step.prepare_secs
                            .or(routine.prepare_secs)
                            .unwrap_or(t.prepare_secs),
                    ),
                    rest_before,
                    switch: secs(routine.switch_secs.unwrap_or(t.switch_secs)),
                };
                rest_before = scaled(f64::from(rest), scale);
                plan
            })
            .collect();
        let mut segments = Vec::new();
        let mut step_starts = Vec::with_capacity(steps.len());
        for (i, step) in steps.iter().enumerate() {
            step_starts.push(segments.len());
            lay_out(i, step, &mut segments);
        }
        Plan::from_parts(id, routine, steps, segments, step_starts)
    }
}

/// The segments of step `i`: its transition, then each pass's work with a switch between.
fn lay_out(i: usize, step: &StepPlan, segments: &mut Vec<Segment>) {
    let mut push = |phase, pass, duration: Option<Duration>| {
        if duration != Some(Duration::ZERO) {
            segments.push(Segment {
                phase,
                step: i,
                pass,
                duration,
            });
        }
    };
    // One countdown from the end of the step before: a rest when there is one, else a
    // get-ready; never a rest followed by a get-ready that looks just like it.
    let transition = if step.rest_before.is_zero() {
        Phase::Prepare
    } else {
        Phase::Rest
    };
    push(transition, 0, Some(step.rest_before + step.prepare));
    for pass in 0..step.pass_count() {
        if pass > 0 {
            push(Phase::Switch, pass, Some(step.switch));
        }
        // Zero counted reps are no work at all, like a zero hold.
        let work = match step.work {
            WorkPlan::Counted { count: 0 } => Some(Duration::ZERO),
            ref work => work.duration(),
        };
        push(Phase::Work, pass, work);
    }
}
