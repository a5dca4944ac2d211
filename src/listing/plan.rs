//! `limberup plan`: a routine's timeline as the session machine will walk it, read straight
//! from `session::Plan` segments so the shown times always add up to what runs.

use std::time::Duration;

use serde::Serialize;

use super::{Secs, clock, one_line, planned, pretty};
use crate::routine::Kind;
use crate::session::{Enough, Phase, Plan, Segment, StepPlan, WorkPlan};
use crate::text::{pad, width};

/// Seconds as a plan shows them: `2 s`, `2.5 s`, `0.333 s` (to the millisecond).
fn seconds(d: Duration) -> String {
    let text = format!("{:.3}", d.as_secs_f64());
    format!("{} s", text.trim_end_matches('0').trim_end_matches('.'))
}

/// What one pass of a step's work is, in words: `hold`, `hold 20-30 s`, `12 reps at 5 s`,
/// `10-15 reps at 7 s`, `12 reps, counted`. A range is planned at its upper bound.
fn work_words(step: &StepPlan) -> String {
    let reps = |count: u32| match step.enough {
        Some(Enough::Reps(least)) => format!("{least}-{count} reps"),
        _ => format!("{count} reps"),
    };
    match (&step.work, step.enough) {
        (WorkPlan::Hold(most), Some(Enough::Time(least))) => {
            format!("hold {}-{}", clock_secs(least), seconds(*most))
        }
        (WorkPlan::Hold(_), _) => "hold".to_string(),
        (WorkPlan::Paced { count, tempo, .. }, _) => {
            format!("{} at {}", reps(*count), seconds(*tempo))
        }
        (WorkPlan::Counted { count }, _) => format!("{}, counted (no set time)", reps(*count)),
    }
}

/// Seconds without their unit: `20`, `7.5`.
fn clock_secs(d: Duration) -> String {
    seconds(d).trim_end_matches(" s").to_string()
}

/// The name of a segment's phase, with its pass label for work.
fn phase_label(step: &StepPlan, segment: &Segment) -> String {
    match segment.phase {
        Phase::Prepare => "prepare".to_string(),
        // A transition's rest runs into the step's get-ready, as one countdown.
        Phase::Rest if !step.prepare.is_zero() => "rest + prepare".to_string(),
        Phase::Work => match step.passes.get(segment.pass) {
            Some(label) => format!("work: {}", one_line(label)),
            None => "work".to_string(),
        },
        Phase::Switch => "switch".to_string(),
        Phase::Rest => "rest".to_string(),
    }
}

/// Planned time of step `i`, the transition into it included (the sum of its segments).
fn step_total(plan: &Plan, i: usize) -> Duration {
    plan.segments[plan.step_segments(i)]
        .iter()
        .filter_map(|s| s.duration)
        .sum()
}

/// The plan as text: each step with its phases and their times, then the total.
pub fn plan_table(plan: &Plan) -> String {
    let count = plan.steps.len();
    let mut out = format!(
        "{} ({}, {count} step{})\n",
        one_line(&plan.name),
        plan.kind.label(),
        if count == 1 { "" } else { "s" }
    );
    let label_width = plan
        .segments
        .iter()
        .map(|s| width(&phase_label(&plan.steps[s.step], s)))
        .max()
        .unwrap_or(0);
    let number_width = count.to_string().len();
    for (i, step) in plan.steps.iter().enumerate() {
        out.push_str(&format!(
            "\n{:>number_width$}. {}  [{}]\n",
            i + 1,
            one_line(&step.name),
            clock(step_total(plan, i))
        ));
        if let WorkPlan::Paced { phases, .. } = &step.work
            && !phases.is_empty()
        {
            let phases: Vec<String> = phases
                .iter()
                .zip(step.work.phase_lengths())
                .map(|(p, length)| format!("{} {}", one_line(p), seconds(length)))
                .collect();
            out.push_str(&format!("     each rep: {}\n", phases.join(" / ")));
        }
        for segment in &plan.segments[plan.step_segments(i)] {
            let label = phase_label(step, segment);
            let time = segment.duration.map_or("--".to_string(), clock);
            let mut line = format!("     {}  {time:>7}", pad(&label, label_width));
            if segment.phase == Phase::Work {
                line.push_str(&format!("  {}", work_words(step)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(&format!("\nTotal {}\n", planned(plan)));
    out
}

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
        }
    }
}

/// One stretch of a step's timeline; `secs` is null for counted work.
#[derive(Serialize)]
struct SegmentJson<'a> {
    phase: Phase,
    /// The pass label of work and switch segments (a switch leads into this pass).
    pass: Option<&'a str>,
    secs: Option<Secs>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    name: &'a str,
    passes: &'a [String],
    work: WorkJson<'a>,
    /// The step's segments, the rest after it included.
    total_secs: Secs,
    segments: Vec<SegmentJson<'a>>,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    /// Planned duration; counted reps have none and are given in `counted_reps`.
    total_secs: Secs,
    counted_reps: u32,
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
            passes: &step.passes,
            work: WorkJson::from(step),
            total_secs: Secs(step_total(plan, i)),
            segments: plan.segments[plan.step_segments(i)]
                .iter()
                .map(|s| SegmentJson {
                    phase: s.phase,
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
        total_secs: Secs(plan.total()),
        counted_reps: plan.counted_reps(),
        steps,
    })
}
