//! Building a plan: each step of a routine resolved (config defaults and `--scale` applied),
//! then laid out as segments. A step's segments are its own: the transition that leads into
//! it (the rest after the step before, merged with its get-ready), then its work.

use std::time::Duration;

use super::{Phase, Plan, PlanOptions, SCALE_RANGE, Segment, StepPlan, WorkPlan};
use crate::routine::{Routine, Work};

fn secs(value: u32) -> Duration {
    Duration::from_secs(u64::from(value))
}

/// `secs * scale`, rounded to the millisecond so plans stay exact and readable. Capped
/// (at ~49 days) so that no value, even from an unvalidated routine, overflows the clock.
fn scaled(secs: f64, scale: f64) -> Duration {
    let millis = (secs * scale * 1000.0).round() as u64;
    Duration::from_millis(millis.min(u64::from(u32::MAX)))
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
                    work: match &step.work {
                        Work::Hold { secs } => WorkPlan::Hold(scaled(f64::from(*secs), scale)),
                        Work::Reps {
                            count,
                            tempo_secs: Some(tempo),
                            phases,
                        } => WorkPlan::Paced {
                            count: *count,
                            tempo: scaled(*tempo, scale),
                            phases: phases.clone(),
                        },
                        Work::Reps { count, .. } => WorkPlan::Counted { count: *count },
                    },
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
