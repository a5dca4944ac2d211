//! The words of the plain-text coach: one line per machine event, plus the header and the
//! summary. Pure: built from the plan and the events (each says where it happened), never
//! from a clock.

use std::time::Duration;

use crate::clock::clock;
use crate::figure::Library;
use crate::front::resume::Resumable;
use crate::session::{
    Command, Event, Outcome, Phase, Plan, Segment, Session, SessionRecord, StepStatus,
};
use crate::session::{Enough, StepPlan, WorkPlan};
use crate::wording::{self, seconds as secs};

/// The `[mm:ss]` that starts every line: active time, pauses excluded (minutes go past 59).
pub fn stamp(elapsed: Duration) -> String {
    let s = elapsed.as_secs();
    format!("[{:02}:{:02}]", s / 60, s % 60)
}

/// A whole output line: the stamp, then `text` with control characters escaped
/// (`text::clean`), so names from files can neither drive the terminal nor break the
/// one-line-per-change rule.
pub fn stamped(elapsed: Duration, text: &str) -> String {
    format!("{} {}", stamp(elapsed), crate::text::clean(text))
}

/// What the coach understands on stdin, for the header and for unknown commands.
pub const COMMANDS: &str = "Enter = count a rep or start now or move on, d = done with this pass, \
                            p = pause/resume, n = next step, b = back, + / - = 10 s more/less, \
                            r = this pass once more, s = one more set, q = quit";

/// Why a command did nothing, for the commands whose use is not obvious: `None` for the
/// rest, which say nothing when they have nothing to do (an empty line during a hold).
pub(crate) fn not_now(command: Command) -> Option<&'static str> {
    match command {
        Command::AddTime(_) => {
            Some("Only holds, rests and get-ready can be made longer or shorter")
        }
        Command::Done => Some(
            "Nothing to mark done now: d ends counted reps, an open step, or a range once its \
             lower bound is reached",
        ),
        Command::Repeat => Some("Only a pass at work can be done again"),
        Command::AddSet => Some("An open step has no sets"),
        _ => None,
    }
}

/// The first line: routine, steps (and rounds) and planned time; for a session of several
/// routines, each part with its steps.
pub fn header(plan: &Plan) -> String {
    let counted = plan.counted_reps();
    let what = match plan.parts.len() {
        1 => wording::shape(plan, 0),
        n => {
            let parts: Vec<String> = (0..n)
                .map(|i| format!("{} {}", plan.parts[i].name, wording::shape(plan, i)))
                .collect();
            format!("{n} parts ({})", parts.join(", "))
        }
    };
    let mut line = format!("{}: {what}, {} planned", plan.name, clock(plan.total()));
    if counted > 0 {
        line.push_str(&format!(" plus {counted} counted reps"));
    }
    match (plan.open_passes(), crate::wording::open_steps(plan)) {
        (1, Some(_)) => line.push_str(" plus an open step"),
        (_, Some(open)) => line.push_str(&format!(" plus {open}")),
        (_, None) => {}
    }
    line
}

/// The first line of a resumed session: where it takes up, and the time planned from there.
pub fn resumed(resumable: &Resumable) -> String {
    let plan = &resumable.plan;
    format!(
        "Resuming {}: {} planned from there",
        resumable.place(),
        clock(plan.total_from(resumable.state.step))
    )
}

/// "Part 2 of 3: Workout", when a step begins a part of a session of several routines.
fn part_begins(plan: &Plan, seg: &Segment) -> Option<String> {
    let step = plan.steps.get(seg.step)?;
    let first = step.place.number == 0 && step.place.round == 0;
    let part = plan.parts.get(step.place.part)?;
    (plan.parts.len() > 1 && first).then(|| {
        format!(
            "Part {} of {}: {}",
            step.place.part + 1,
            plan.parts.len(),
            part.name
        )
    })
}

/// An interval in whole minutes, as said: `15 min`.
fn minutes(d: Duration) -> String {
    format!("{} min", d.as_secs() / 60)
}

/// "Side plank, Left, set 2 of 3": the step and, when it has them, the named pass and the
/// set.
fn title(step: &StepPlan, seg: &Segment) -> String {
    let mut title = step.name.clone();
    if let Some(label) = step.passes.get(seg.pass) {
        title.push_str(&format!(", {label}"));
    }
    if step.sets > 1 {
        title.push_str(&format!(", set {} of {}", seg.set + 1, step.sets));
    }
    if seg.again > 0 {
        title.push_str(" (again)");
    }
    title
}

fn rep_line(step: &StepPlan, seg: &Segment, rep: u32, phase: Option<usize>) -> String {
    match &step.work {
        WorkPlan::Paced { count, phases, .. } => {
            let label = phase.and_then(|p| phases.get(p));
            match label {
                Some(label) => format!("{}: rep {rep}/{count}, {label}", title(step, seg)),
                None => format!("{}: rep {rep}/{count}", title(step, seg)),
            }
        }
        WorkPlan::Counted { count } => format!("{}: rep {rep}/{count}", title(step, seg)),
        WorkPlan::Hold(_) | WorkPlan::Open { .. } => title(step, seg),
    }
}

/// What a transition leads into: "Next: Shoulder rolls · Backward (step 2 of 4)", with the
/// round in a circuit, and the routine in a session of several ("(Warm-up, step 2 of 4)").
fn coming(plan: &Plan, step: &StepPlan, seg: &Segment) -> String {
    let name = match step.passes.get(seg.pass) {
        Some(label) => format!("{} · {label}", step.name),
        None => step.name.clone(),
    };
    let place = step.place;
    let round = match place.rounds {
        1 => String::new(),
        n => format!(", round {} of {n}", place.round + 1),
    };
    let part = match plan.parts.get(place.part) {
        Some(part) if plan.parts.len() > 1 => format!("{}, ", part.name),
        _ => String::new(),
    };
    format!(
        "Next: {name} ({part}step {} of {}{round})",
        place.number + 1,
        place.steps
    )
}

fn started(plan: &Plan, seg: &Segment, step: &StepPlan) -> String {
    let duration = seg.duration.map(secs).unwrap_or_default();
    match seg.phase {
        Phase::Prepare => format!("Get ready {duration}. {}", coming(plan, step, seg)),
        Phase::Rest if seg.is_transition() => {
            format!("Rest {duration}. {}", coming(plan, step, seg))
        }
        // A rest between two sets of the step.
        Phase::Rest => format!("Rest {duration}. Next: {}", title(step, seg)),
        // A range is said whole from the start: how long is enough is known before it comes.
        Phase::Work => match (&step.work, step.enough) {
            (WorkPlan::Hold(_), Some(Enough::Time(least))) => format!(
                "{}: hold {}-{duration}",
                title(step, seg),
                secs(least).trim_end_matches(" s")
            ),
            (WorkPlan::Hold(_), _) => format!("{}: hold {duration}", title(step, seg)),
            (WorkPlan::Paced { count, phases, .. }, Some(Enough::Reps(least))) => {
                let first = phases.first().map_or(String::new(), |p| format!(", {p}"));
                format!(
                    "{}: {least}-{count} reps, rep 1/{count}{first}",
                    title(step, seg)
                )
            }
            (WorkPlan::Paced { .. }, _) => rep_line(step, seg, 1, Some(0)),
            (WorkPlan::Counted { count }, Some(Enough::Reps(least))) => format!(
                "{}: {least}-{count} reps, Enter after each",
                title(step, seg)
            ),
            (WorkPlan::Counted { count }, _) => {
                format!("{}: {count} reps, Enter after each", title(step, seg))
            }
            (WorkPlan::Open { remind_every, .. }, _) => {
                let reminders = match remind_every {
                    Some(every) => format!(", a reminder every {}", minutes(*every)),
                    None => String::new(),
                };
                format!(
                    "{}: stopwatch running, Enter when done{reminders}",
                    title(step, seg)
                )
            }
        },
        // The pause before a pass done again.
        Phase::Switch if seg.again > 0 => match step.passes.get(seg.pass) {
            Some(label) => format!("Again: {label}, {duration}"),
            None => format!("Again: {}, {duration}", step.name),
        },
        Phase::Switch => {
            let label = step.passes.get(seg.pass).map_or("", String::as_str);
            format!("{}: {label}, {duration}", wording::switch(label))
        }
    }
}

/// What the step's figure shows, in one sentence, when the step begins.
fn pose(step: &StepPlan, figures: &Library) -> Option<String> {
    let text = figures.describe(step.figure.as_deref()?)?;
    Some(format!("Pose: {text}"))
}

/// A range's lower bound reached: what is done, how far to go, and how to stop there.
fn enough(step: &StepPlan) -> Option<String> {
    Some(match (step.enough?, &step.work) {
        (Enough::Time(least), WorkPlan::Hold(most)) => format!(
            "{} done: keep going to {}, Enter to move on",
            secs(least),
            secs(*most)
        ),
        (Enough::Reps(least), WorkPlan::Counted { count }) => {
            format!("{least} done: keep counting to {count}, d when done")
        }
        (Enough::Reps(least), WorkPlan::Paced { count, .. }) => {
            format!("{least} done: keep going to {count}, Enter to move on")
        }
        _ => return None,
    })
}

/// The form cues of a step when it begins: a line per cue, so no punctuation inside a cue
/// can read as a break between two, and a screen reader says one cue at a time.
fn form(step: &StepPlan) -> impl Iterator<Item = String> + '_ {
    step.cues.iter().map(|cue| format!("Form: {cue}"))
}

/// The lines of one batch of events, which may have moved the session past several
/// segments: each event is described against the segment it carries, from the plan alone
/// (and the figures, whose descriptions say each step's pose).
pub fn describe(events: &[Event], plan: &Plan, figures: &Library) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, event) in events.iter().enumerate() {
        // An event of a segment the plan does not have says nothing rather than guess.
        let step = event
            .segment()
            .and_then(|s| Some((plan.steps.get(s.step)?, s)));
        match (*event, step) {
            (Event::Started(seg), Some((step, _))) => {
                let first = plan
                    .step_starts
                    .get(seg.step)
                    .and_then(|&i| plan.segments.get(i));
                if first == Some(&seg) {
                    lines.extend(part_begins(plan, &seg));
                }
                lines.push(started(plan, &seg, step));
                if first == Some(&seg) {
                    lines.extend(pose(step, figures));
                    lines.extend(form(step));
                }
            }
            (Event::Beat { rep, phase, .. }, Some((step, seg))) => {
                lines.push(rep_line(step, &seg, rep, Some(phase)));
            }
            (Event::RepCounted { rep, .. }, Some((step, seg))) => {
                lines.push(rep_line(step, &seg, rep, None));
            }
            (Event::LowerBoundReached { .. }, Some((step, _))) => {
                lines.extend(enough(step));
            }
            (Event::RepeatAdded { .. }, Some((step, seg))) => {
                lines.push(format!("{}: once more after this", title(step, &seg)));
            }
            (Event::SetAdded { sets, .. }, Some((step, _))) => {
                lines.push(format!("{}: one more set, {sets} in all", step.name));
            }
            (Event::Reminder { n, .. }, Some((step, _))) => {
                lines.extend(step.work.reminder(n).map(|r| format!("Reminder: {r}")));
            }
            (Event::OpenEnded { active, .. }, Some((step, seg))) => lines.push(format!(
                "{}: stopwatch stopped at {}",
                title(step, &seg),
                clock(active)
            )),
            (Event::Halfway { left, .. }, _) => {
                lines.push(format!("Halfway, {} left", secs(round_secs(left))));
            }
            (Event::SecondsLeft { secs: 10, .. }, _) => lines.push("10 s left".to_string()),
            (Event::TimeChanged { left, .. }, Some((step, seg))) => {
                // When the change ended the phase, the next line says what follows instead.
                let ended = matches!(
                    events.get(i + 1),
                    Some(Event::Started(_) | Event::Finished { .. })
                );
                if !ended {
                    let what = match seg.phase {
                        Phase::Prepare => "Get ready".to_string(),
                        Phase::Rest => "Rest".to_string(),
                        Phase::Work | Phase::Switch => title(step, &seg),
                    };
                    lines.push(format!("{what}: {} left", secs(round_secs(left))));
                }
            }
            (Event::Paused(_), _) => lines.push("Paused (p to resume)".to_string()),
            (Event::Stalled { lost, .. }, _) => lines.push(format!(
                "Paused: the coach was stopped for {} (p to resume)",
                span(lost)
            )),
            (Event::Resumed(_), _) => lines.push("Resumed".to_string()),
            (Event::Finished { outcome, .. }, _) => lines.push(match outcome {
                Outcome::Completed => format!("Done: {}", plan.name),
                Outcome::Quit => "Stopped: you quit".to_string(),
                Outcome::Interrupted => "Stopped: interrupted".to_string(),
            }),
            (Event::SecondsLeft { .. }, _)
            | (
                Event::Started(_)
                | Event::Beat { .. }
                | Event::RepCounted { .. }
                | Event::LowerBoundReached { .. }
                | Event::Reminder { .. }
                | Event::OpenEnded { .. }
                | Event::RepeatAdded { .. }
                | Event::SetAdded { .. }
                | Event::TimeChanged { .. },
                None,
            ) => {}
        }
    }
    lines
}

/// A length of time in whole seconds, as a clock past a minute.
fn span(d: Duration) -> String {
    let whole = Duration::from_secs(d.as_secs());
    if whole < Duration::from_secs(60) {
        secs(whole)
    } else {
        clock(whole)
    }
}

/// Whole seconds, rounded up as a countdown shows them.
fn round_secs(d: Duration) -> Duration {
    Duration::from_secs(crate::session::ceil_secs(d))
}

/// The line printed when `n` skips: the step left behind (in a transition, the step it
/// leads into).
pub(crate) fn skipping(session: &Session) -> Option<String> {
    session.segment()?;
    Some(format!("Skipped: {}", session.step().name))
}

/// The last line of a session.
pub(crate) fn summary(record: &SessionRecord) -> String {
    let outcome = match record.outcome {
        Outcome::Completed => "completed",
        Outcome::Quit => "quit",
        Outcome::Interrupted => "interrupted",
    };
    // A step stopped part-way only happens when the session ends early: said only then.
    let stopped = match record.count(StepStatus::Stopped) {
        0 => String::new(),
        n => format!(", {n} stopped"),
    };
    format!(
        "Summary: {outcome}, {}/{} steps done, {} skipped{stopped}, {} reps, {} active, {} paused",
        record.count(StepStatus::Done),
        record.steps.len(),
        record.count(StepStatus::Skipped),
        record.reps(),
        clock(Duration::from_secs_f64(record.active_secs)),
        clock(Duration::from_secs_f64(record.paused_secs)),
    )
}
