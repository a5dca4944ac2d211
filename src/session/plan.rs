//! A routine turned into a timeline: concrete durations (config defaults and `--scale`
//! applied) and the ordered segments the session machine walks through.

use std::time::Duration;

use crate::routine::{Kind, Routine, Work};

/// Timings a routine may leave unset; the config supplies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timings {
    pub prepare_secs: u32,
    pub rest_secs: u32,
    pub switch_secs: u32,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            prepare_secs: 5,
            rest_secs: 10,
            switch_secs: 3,
        }
    }
}

/// How a plan is derived from a routine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanOptions {
    pub timings: Timings,
    /// Multiplies every hold, rest and tempo (0.25..=4).
    pub scale: f64,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            timings: Timings::default(),
            scale: 1.0,
        }
    }
}

pub const SCALE_RANGE: std::ops::RangeInclusive<f64> = 0.25..=4.0;

/// The phases a session moves through; `Done` is the machine's, not the plan's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Prepare,
    Work,
    Switch,
    Rest,
}

/// The work of one pass, with durations resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkPlan {
    Hold(Duration),
    Paced {
        count: u32,
        tempo: Duration,
        phases: Vec<String>,
    },
    Counted {
        count: u32,
    },
}

impl WorkPlan {
    /// Planned time of one pass; `None` for counted reps.
    pub fn duration(&self) -> Option<Duration> {
        match self {
            WorkPlan::Hold(d) => Some(*d),
            WorkPlan::Paced { count, tempo, .. } => Some(*tempo * *count),
            WorkPlan::Counted { .. } => None,
        }
    }
}

/// One step with everything resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPlan {
    pub name: String,
    pub cues: Vec<String>,
    /// Pass labels; empty for a single unnamed pass.
    pub passes: Vec<String>,
    pub work: WorkPlan,
    pub prepare: Duration,
    pub switch: Duration,
    /// Rest after this step (zero after the last).
    pub rest: Duration,
    /// The id of the figure that shows the move.
    pub figure: Option<String>,
}

impl StepPlan {
    pub fn pass_count(&self) -> usize {
        self.passes.len().max(1)
    }

    /// Planned time of the step without the rest after it (counted reps count as zero).
    pub fn active_total(&self) -> Duration {
        let passes = self.pass_count() as u32;
        self.prepare
            + self.work.duration().unwrap_or_default() * passes
            + self.switch * (passes - 1)
    }
}

/// One stretch of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub phase: Phase,
    pub step: usize,
    /// The pass this segment belongs to (for `Switch`: the pass it leads into).
    pub pass: usize,
    /// `None` while counted reps wait for the user.
    pub duration: Option<Duration>,
}

/// A routine ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub steps: Vec<StepPlan>,
    pub segments: Vec<Segment>,
    /// Index of each step's first segment.
    pub step_starts: Vec<usize>,
    /// Planned time of the segments after each one, so a frame costs the same for any length.
    after: Vec<Duration>,
}

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
        let last = routine.steps.len().saturating_sub(1);
        let steps: Vec<StepPlan> = routine
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let rest = step.rest_secs.or(routine.rest_secs).unwrap_or(t.rest_secs);
                StepPlan {
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
                    switch: secs(routine.switch_secs.unwrap_or(t.switch_secs)),
                    rest: if i == last {
                        Duration::ZERO
                    } else {
                        scaled(f64::from(rest), scale)
                    },
                    figure: step.figure.clone(),
                }
            })
            .collect();
        let mut segments = Vec::new();
        let mut step_starts = Vec::with_capacity(steps.len());
        for (i, step) in steps.iter().enumerate() {
            step_starts.push(segments.len());
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
            push(Phase::Prepare, 0, Some(step.prepare));
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
            push(Phase::Rest, step.pass_count() - 1, Some(step.rest));
        }
        let mut after = vec![Duration::ZERO; segments.len()];
        for i in (0..segments.len().saturating_sub(1)).rev() {
            after[i] = after[i + 1] + segments[i + 1].duration.unwrap_or_default();
        }
        Plan {
            after,
            id: id.to_string(),
            name: routine.name.clone(),
            kind: routine.kind,
            steps,
            segments,
            step_starts,
        }
    }

    /// Planned duration: every timed segment (counted reps have none). Constant time, as
    /// every frame asks for it.
    pub fn total(&self) -> Duration {
        self.segments.first().map_or(Duration::ZERO, |first| {
            first.duration.unwrap_or_default() + self.remaining_after(0)
        })
    }

    /// Reps the user counts by key press, over all steps and passes.
    pub fn counted_reps(&self) -> u32 {
        self.steps
            .iter()
            .map(|s| match s.work {
                WorkPlan::Counted { count } => count * s.pass_count() as u32,
                _ => 0,
            })
            .sum()
    }

    /// Planned time of the segments after segment `i`.
    pub fn remaining_after(&self, i: usize) -> Duration {
        self.after.get(i).copied().unwrap_or_default()
    }

    /// The segments of step `i`.
    pub fn step_segments(&self, i: usize) -> std::ops::Range<usize> {
        let start = self.step_starts[i];
        let end = self
            .step_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.segments.len());
        start..end
    }
}
