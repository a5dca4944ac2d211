//! `limberup plan --json`: every segment of the plan with its step, round, set and pass,
//! for scripts; the same `session::Plan` the table and the session read.

use serde::Serialize;

use super::plan::step_total;
use super::{Secs, pretty};
use crate::routine::Kind;
use crate::session::{Enough, Phase, Plan, StepPlan, WorkPlan};

/// One pass of the work in `plan --json`, tagged by `type`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum WorkJson<'a> {
    /// `secs` is planned; with a range it is the upper bound and `min_secs` the lower.
    Hold {
        secs: Secs,
        #[serde(skip_serializing_if = "Option::is_none")]
        min_secs: Option<Secs>,
    },
    Paced {
        count: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        min_count: Option<u32>,
        tempo_secs: Secs,
        phases: &'a [String],
        /// How long each phase lasts, in order (one entry for a rep without phases).
        phase_secs: Vec<Secs>,
    },
    Counted {
        count: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        min_count: Option<u32>,
    },
    /// No planned time: a stopwatch with reminders every `remind_every_secs`.
    Open {
        remind_every_secs: Option<Secs>,
        reminders: &'a [String],
    },
}

impl<'a> From<&'a StepPlan> for WorkJson<'a> {
    fn from(step: &'a StepPlan) -> Self {
        let (min_secs, min_count) = match step.enough {
            Some(Enough::Time(d)) => (Some(Secs(d)), None),
            Some(Enough::Reps(n)) => (None, Some(n)),
            None => (None, None),
        };
        match &step.work {
            WorkPlan::Hold(d) => WorkJson::Hold {
                secs: Secs(*d),
                min_secs,
            },
            WorkPlan::Paced {
                count,
                tempo,
                phases,
                ..
            } => WorkJson::Paced {
                count: *count,
                min_count,
                tempo_secs: Secs(*tempo),
                phases,
                phase_secs: step.work.phase_lengths().into_iter().map(Secs).collect(),
            },
            WorkPlan::Counted { count } => WorkJson::Counted {
                count: *count,
                min_count,
            },
            WorkPlan::Open {
                remind_every,
                reminders,
            } => WorkJson::Open {
                remind_every_secs: remind_every.map(Secs),
                reminders,
            },
        }
    }
}

/// One stretch of a step's timeline; `secs` is null for counted work.
#[derive(Serialize)]
struct SegmentJson<'a> {
    phase: Phase,
    /// Whether this is the step's transition (its get-ready, or a rest and its get-ready).
    transition: bool,
    /// The set (1-based): of work and switches, and of a rest between sets the one it leads
    /// into.
    set: usize,
    /// The pass label of work and switch segments (a switch leads into this pass).
    pass: Option<&'a str>,
    secs: Option<Secs>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    name: &'a str,
    /// The part (1-based) of the session it belongs to: an index into `parts`.
    part: usize,
    /// 1-based place among its routine's steps, and the round (1-based) it is run in.
    number: usize,
    round: usize,
    sets: usize,
    passes: &'a [String],
    work: WorkJson<'a>,
    /// The step's segments, the transition into it included.
    total_secs: Secs,
    segments: Vec<SegmentJson<'a>>,
}

/// One routine of the session.
#[derive(Serialize)]
struct PartJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    steps: usize,
    rounds: usize,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    /// The first part's rounds (the only part's, for a routine).
    rounds: usize,
    /// The routines run, in order: one for a routine, one per part for a combination.
    parts: Vec<PartJson<'a>>,
    /// Planned duration; counted reps and open steps have none and are given apart.
    total_secs: Secs,
    counted_reps: u32,
    open_steps: usize,
    /// Every step of every round, in the order they run.
    steps: Vec<StepJson<'a>>,
}

/// The plan as JSON.
pub fn plan_json(plan: &Plan) -> String {
    let steps = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| StepJson {
            name: &step.name,
            part: step.place.part + 1,
            number: step.place.number + 1,
            round: step.place.round + 1,
            sets: step.sets,
            passes: &step.passes,
            work: WorkJson::from(step),
            total_secs: Secs(step_total(plan, i)),
            segments: plan.segments[plan.step_segments(i)]
                .iter()
                .map(|s| SegmentJson {
                    phase: s.phase,
                    transition: s.is_transition(),
                    set: s.set + 1,
                    pass: match s.phase {
                        Phase::Work | Phase::Switch => step.passes.get(s.pass).map(String::as_str),
                        Phase::Prepare | Phase::Rest => None,
                    },
                    secs: s.duration.map(Secs),
                })
                .collect(),
        })
        .collect();
    pretty(&PlanJson {
        id: &plan.id,
        name: &plan.name,
        kind: plan.kind,
        rounds: plan.shape().1,
        parts: plan
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (steps, rounds) = plan.part_shape(i);
                PartJson {
                    id: &p.id,
                    name: &p.name,
                    kind: p.kind,
                    steps,
                    rounds,
                }
            })
            .collect(),
        total_secs: Secs(plan.total()),
        counted_reps: plan.counted_reps(),
        open_steps: plan.open_passes(),
        steps,
    })
}
