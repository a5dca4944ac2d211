//! What each machine event sounds like: a bell, a tick or the end's double bell, and the
//! words a speech command says. Pure: the TUI and the plain coach do the output.

use crate::session::{Enough, Event, Outcome, Phase, Plan, Segment, StepPlan, WorkPlan};

/// A terminal sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sound {
    /// A phase began.
    Bell,
    /// Halfway through a hold, or one of its last three seconds.
    Tick,
    /// The session is complete: a distinct double bell.
    End,
}

/// The sound and spoken words of one event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cue {
    pub sound: Option<Sound>,
    pub speech: Option<String>,
}

fn words(n: u32) -> String {
    const SMALL: [&str; 21] = [
        "Zero",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
        "Twenty",
    ];
    SMALL
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// The short spoken form of a phase label: "Exhale: round up" is said as "Exhale".
fn spoken_label(label: &str) -> &str {
    label.split(':').next().unwrap_or(label).trim()
}

/// The cue for `event`, from the event and the plan alone: a batch may have moved the
/// session on past the segment the event belongs to.
pub fn cue(event: &Event, plan: &Plan) -> Cue {
    let say = |speech: String| Cue {
        sound: None,
        speech: Some(speech),
    };
    match *event {
        Event::Started(seg) => started(&seg, plan),
        Event::Beat { at, rep, phase } => {
            let label = plan.steps.get(at.step).and_then(|step| match &step.work {
                WorkPlan::Paced { phases, .. } => phases.get(phase),
                _ => None,
            });
            say(label.map_or_else(|| words(rep), |l| spoken_label(l).to_string()))
        }
        Event::RepCounted { rep, .. } => say(words(rep)),
        Event::Reminder { at, n } => Cue {
            sound: Some(Sound::Bell),
            speech: plan
                .steps
                .get(at.step)
                .and_then(|s| s.work.reminder(n))
                .map(str::to_string),
        },
        // What comes next says enough.
        Event::OpenEnded { .. } => Cue::default(),
        Event::RepeatAdded { .. } => say("Once more".to_string()),
        Event::SetAdded { .. } => say("One more set".to_string()),
        Event::LowerBoundReached { at } => Cue {
            sound: Some(Sound::Tick),
            speech: plan.steps.get(at.step).and_then(enough),
        },
        Event::Halfway { .. } => Cue {
            sound: Some(Sound::Tick),
            speech: Some("Halfway".to_string()),
        },
        Event::SecondsLeft { secs: 10, .. } => say("Ten seconds".to_string()),
        Event::SecondsLeft { .. } => Cue {
            sound: Some(Sound::Tick),
            speech: None,
        },
        Event::TimeChanged { .. } => Cue::default(),
        Event::Paused(_) | Event::Stalled { .. } => say("Paused".to_string()),
        Event::Resumed(_) => say("Go".to_string()),
        Event::Finished {
            outcome: Outcome::Completed,
            ..
        } => Cue {
            sound: Some(Sound::End),
            speech: Some("Done. Well done.".to_string()),
        },
        Event::Finished { .. } => say("Session ended".to_string()),
    }
}

/// "Ten done. Keep going to fifteen, or move on.": a range's lower bound reached.
fn enough(step: &StepPlan) -> Option<String> {
    let (least, most, unit) = match (step.enough?, &step.work) {
        (Enough::Time(least), WorkPlan::Hold(most)) => {
            (least.as_secs() as u32, most.as_secs() as u32, " seconds")
        }
        (Enough::Reps(least), WorkPlan::Counted { count } | WorkPlan::Paced { count, .. }) => {
            (least, *count, "")
        }
        _ => return None,
    };
    Some(format!(
        "{}{unit} done. Keep going to {}, or move on.",
        words(least),
        words(most).to_lowercase()
    ))
}

/// A bell and what to say as `seg` begins.
fn started(seg: &Segment, plan: &Plan) -> Cue {
    let Some(step) = plan.steps.get(seg.step) else {
        return Cue::default();
    };
    let pass = step.passes.get(seg.pass);
    let coming = match pass {
        Some(label) => format!("{}, {label}", step.name),
        None => step.name.clone(),
    };
    // A circuit's next round is announced as it begins.
    let round = match step.place {
        p if p.number == 0 && p.round > 0 => format!("Round {}. ", words(p.round as u32 + 1)),
        _ => String::new(),
    };
    let speech = match seg.phase {
        Phase::Prepare => format!("{round}Get ready: {coming}"),
        Phase::Work => {
            let first_beat = match &step.work {
                WorkPlan::Paced { phases, .. } => phases.first(),
                _ => None,
            };
            match (first_beat, &step.work, pass) {
                (Some(label), _, _) => spoken_label(label).to_string(),
                (None, WorkPlan::Counted { count }, _) => format!("{} reps", words(*count)),
                (None, _, Some(label)) => label.clone(),
                _ => "Go".to_string(),
            }
        }
        Phase::Switch if seg.again > 0 => match pass {
            Some(label) => format!("Again. {label}"),
            None => "Again".to_string(),
        },
        Phase::Switch => {
            let label = pass.map_or("", String::as_str);
            let lower = label.to_lowercase();
            if lower.contains("left") || lower.contains("right") {
                format!("Switch sides. {label}")
            } else {
                format!("Switch: {label}")
            }
        }
        // The rest of a transition leads into its own step.
        Phase::Rest if seg.is_transition() => format!("{round}Rest. Next: {coming}"),
        Phase::Rest => format!(
            "Rest. Next: set {}",
            words(seg.set as u32 + 1).to_lowercase()
        ),
    };
    Cue {
        sound: Some(Sound::Bell),
        speech: Some(speech),
    }
}
