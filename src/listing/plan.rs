//! `limberup plan`: a routine's timeline as the session machine will walk it, read straight
//! from `session::Plan` segments so the shown times always add up to what runs.

use std::time::Duration;

use super::{clock, one_line, planned};
use crate::session::{Enough, Phase, Plan, Segment, StepPlan, WorkPlan};
use crate::text::{pad, width};
use crate::wording;

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
        (WorkPlan::Open { remind_every, .. }, _) => match remind_every {
            Some(every) => format!(
                "open: until you are done, a reminder every {} min",
                every.as_secs() / 60
            ),
            None => "open: until you are done".to_string(),
        },
    }
}

/// Seconds without their unit: `20`, `7.5`.
fn clock_secs(d: Duration) -> String {
    seconds(d).trim_end_matches(" s").to_string()
}

/// The name of a segment's phase: the transition (`prepare`, `rest + prepare`, `round rest
/// + prepare`), a rest between sets, a switch, or work with its set and pass.
fn phase_label(step: &StepPlan, segment: &Segment) -> String {
    let rest = if step.place.number == 0 && step.place.round > 0 {
        "round rest"
    } else {
        "rest"
    };
    match segment.phase {
        Phase::Prepare => "prepare".to_string(),
        // A transition's rest runs into the step's get-ready, as one countdown.
        Phase::Rest if segment.is_transition() && !step.prepare.is_zero() => {
            format!("{rest} + prepare")
        }
        Phase::Rest if segment.is_transition() => rest.to_string(),
        Phase::Rest => "set rest".to_string(),
        Phase::Work => {
            let mut what = Vec::new();
            if step.sets > 1 {
                what.push(format!("set {}", segment.set + 1));
            }
            if let Some(label) = step.passes.get(segment.pass) {
                what.push(one_line(label));
            }
            match what.is_empty() {
                true => "work".to_string(),
                false => format!("work: {}", what.join(", ")),
            }
        }
        Phase::Switch => "switch".to_string(),
    }
}

/// Planned time of step `i`, the transition into it included (the sum of its segments).
pub(super) fn step_total(plan: &Plan, i: usize) -> Duration {
    plan.segments[plan.step_segments(i)]
        .iter()
        .filter_map(|s| s.duration)
        .sum()
}

/// "Core (other, 4 steps x 2 rounds)": the first line of `plan`; a session of several
/// routines counts its parts.
fn title(plan: &Plan) -> String {
    let what = match plan.parts.len() {
        1 => wording::shape(plan, 0),
        n => format!("{n} parts, {} steps", plan.step_count()),
    };
    format!("{} ({}, {what})\n", one_line(&plan.name), plan.kind.label())
}

/// "Part 2 of 3: Workout (workout, other, 1 step)": the heading before a part's steps.
fn part_heading(plan: &Plan, part: usize) -> String {
    let p = &plan.parts[part];
    format!(
        "\nPart {} of {}: {} ({}, {}, {})\n",
        part + 1,
        plan.parts.len(),
        one_line(&p.name),
        one_line(&p.id),
        p.kind.label(),
        wording::shape(plan, part)
    )
}

/// The plan as text: each step with its phases and their times (under a heading per round
/// in a circuit, and per part in a session of several routines), then the total.
pub fn plan_table(plan: &Plan) -> String {
    let mut out = title(plan);
    let label_width = plan
        .segments
        .iter()
        .map(|s| width(&phase_label(&plan.steps[s.step], s)))
        .max()
        .unwrap_or(0);
    let number_width = plan.step_count().to_string().len();
    for (i, step) in plan.steps.iter().enumerate() {
        let place = step.place;
        let part_begins = i == 0 || plan.steps[i - 1].place.part != place.part;
        if plan.parts.len() > 1 && part_begins {
            out.push_str(&part_heading(plan, place.part));
        }
        if place.rounds > 1 && place.number == 0 {
            out.push_str(&format!(
                "\nRound {} of {}\n",
                place.round + 1,
                place.rounds
            ));
        }
        out.push_str(&format!(
            "\n{:>number_width$}. {}  [{}]\n",
            place.number + 1,
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
