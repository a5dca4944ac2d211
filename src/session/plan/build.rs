//! Building a plan: each step of a routine resolved (config defaults and `--scale` applied),
//! then laid out as segments. A step's segments are its own: the transition that leads into
//! it (the rest after the step before, merged with its get-ready), then its sets of work.
//! A routine of several rounds has its steps once per round; a session of several routines
//! has each one's steps in turn.

use std::time::Duration;

use super::work::{Enough, scaled};
use super::{PartPlan, Phase, Place, Plan, PlanOptions, SCALE_RANGE, Segment, StepPlan, WorkPlan};
use crate::routine::{Kind, Lineup, Routine};

fn secs(value: u32) -> Duration {
    Duration::from_secs(u64::from(value))
}

impl Plan {
    /// The plan of `routine`; a scale outside `SCALE_RANGE` is brought into it.
    pub fn new(id: &str, routine: &Routine, options: &PlanOptions) -> Plan {
        let part = PartPlan {
            id: id.to_string(),
            name: routine.name.clone(),
            kind: routine.kind,
        };
        let steps = resolve(routine, 0, options);
        Plan::laid_out(id, &routine.name, routine.kind, vec![part], steps)
    }

    /// The plan of a session of several routines: each one's steps in turn, as its own plan
    /// has them, and between two parts one transition into the next part's first step (the
    /// rest between parts and that step's get-ready), so no dead time is added.
    pub fn session(lineup: &Lineup, options: &PlanOptions) -> Plan {
        let between = scaled(
            f64::from(lineup.rest_secs.unwrap_or(options.timings.rest_secs)),
            clamped(options.scale),
        );
        let mut parts = Vec::with_capacity(lineup.parts.len());
        let mut steps = Vec::new();
        for (i, entry) in lineup.parts.iter().enumerate() {
            let mut own = resolve(&entry.routine, i, options);
            if let Some(first) = own.first_mut().filter(|_| i > 0) {
                first.rest_before = between;
            }
            steps.extend(own);
            parts.push(PartPlan {
                id: entry.id.clone(),
                name: entry.routine.name.clone(),
                kind: entry.routine.kind,
            });
        }
        Plan::laid_out(&lineup.id, &lineup.name, lineup.kind, parts, steps)
    }

    /// This plan with step `step` opening on its get-ready alone, as a session taken up
    /// there does: the rest before it belonged to a step that did not run in this sitting.
    pub(crate) fn opening_at(mut self, step: usize) -> Plan {
        match self.steps.get_mut(step) {
            Some(first) if !first.rest_before.is_zero() => first.rest_before = Duration::ZERO,
            _ => return self,
        }
        let (id, name) = (std::mem::take(&mut self.id), std::mem::take(&mut self.name));
        Plan::laid_out(&id, &name, self.kind, self.parts, self.steps)
    }

    /// Resolved steps laid out as segments.
    fn laid_out(
        id: &str,
        name: &str,
        kind: Kind,
        parts: Vec<PartPlan>,
        steps: Vec<StepPlan>,
    ) -> Plan {
        let mut segments = Vec::new();
        let mut step_starts = Vec::with_capacity(steps.len());
        for (i, step) in steps.iter().enumerate() {
            step_starts.push(segments.len());
            lay_out(i, step, &mut segments);
        }
        Plan::from_parts(id, name, kind, parts, steps, segments, step_starts)
    }
}

/// `--scale` within `SCALE_RANGE` (1 for NaN).
fn clamped(scale: f64) -> f64 {
    if scale.is_nan() {
        1.0
    } else {
        scale.clamp(*SCALE_RANGE.start(), *SCALE_RANGE.end())
    }
}

/// The steps of `routine`, part `part` of its session, every round's, with config defaults
/// and `--scale` applied.
fn resolve(routine: &Routine, part: usize, options: &PlanOptions) -> Vec<StepPlan> {
    let scale = clamped(options.scale);
    let t = options.timings;
    let rounds = routine.rounds.unwrap_or(1).max(1) as usize;
    let round_rest = routine
        .round_rest_secs
        .or(routine.rest_secs)
        .unwrap_or(t.rest_secs);
    let mut steps: Vec<StepPlan> = Vec::with_capacity(routine.steps.len() * rounds);
    for round in 0..rounds {
        // The rest before a round's first step is the rest between rounds.
        let mut rest_before = if round == 0 {
            Duration::ZERO
        } else {
            scaled(f64::from(round_rest), scale)
        };
        for (number, step) in routine.steps.iter().enumerate() {
            let rest = step.rest_secs.or(routine.rest_secs).unwrap_or(t.rest_secs);
            steps.push(StepPlan {
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
                sets: step.sets.unwrap_or(1).max(1) as usize,
                set_rest: scaled(f64::from(step.set_rest_secs.unwrap_or(rest)), scale),
                added_sets: 0,
                place: Place {
                    part,
                    number,
                    steps: routine.steps.len(),
                    round,
                    rounds,
                },
                figure: step.figure.clone(),
                key_cue: step
                    .key_cue
                    .and_then(|n| (n as usize).checked_sub(1))
                    .filter(|&i| i < step.cues.len()),
            });
            rest_before = scaled(f64::from(rest), scale);
        }
    }
    steps
}

/// The segments of step `i`: its transition, then each set.
fn lay_out(i: usize, step: &StepPlan, segments: &mut Vec<Segment>) {
    // One countdown from the end of the step before: a rest when there is one, else a
    // get-ready; never a rest followed by a get-ready that looks just like it.
    let transition = if step.rest_before.is_zero() {
        Phase::Prepare
    } else {
        Phase::Rest
    };
    let duration = step.rest_before + step.prepare;
    if !duration.is_zero() {
        segments.push(Segment {
            phase: transition,
            step: i,
            set: 0,
            pass: 0,
            again: 0,
            duration: Some(duration),
        });
    }
    for set in 0..step.sets.max(1) {
        segments.extend(set_segments(i, step, set));
    }
}

/// The segments of set `set` of step `i`: the rest before it (after the first), then each
/// pass's work with a switch between. Zero-length segments are left out.
pub(crate) fn set_segments(i: usize, step: &StepPlan, set: usize) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut push = |phase, pass, duration: Option<Duration>| {
        if duration != Some(Duration::ZERO) {
            segments.push(Segment {
                phase,
                step: i,
                set,
                pass,
                again: 0,
                duration,
            });
        }
    };
    if set > 0 {
        push(Phase::Rest, 0, Some(step.set_rest));
    }
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
    segments
}
