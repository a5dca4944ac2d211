//! What each machine event sounds like: a bell, a tick or the end's double bell, and the
//! words a speech command says. Pure: the TUI and the plain coach do the output.

use crate::session::{Event, Outcome, Phase, Session, WorkPlan};

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

/// The cue for `event`, read against the session's state just after it.
pub fn cue(event: &Event, session: &Session) -> Cue {
    let plan = session.plan();
    let bell = |speech: String| Cue {
        sound: Some(Sound::Bell),
        speech: Some(speech),
    };
    let say = |speech: String| Cue {
        sound: None,
        speech: Some(speech),
    };
    match *event {
        Event::Started(seg) => {
            let step = &plan.steps[seg.step];
            let pass = step.passes.get(seg.pass);
            match seg.phase {
                Phase::Prepare => bell(match pass {
                    Some(label) => format!("Get ready: {}, {label}", step.name),
                    None => format!("Get ready: {}", step.name),
                }),
                Phase::Work => bell(match (&step.work, pass) {
                    (WorkPlan::Paced { phases, .. }, _) if !phases.is_empty() => {
                        spoken_label(&phases[0]).to_string()
                    }
                    (WorkPlan::Counted { count }, _) => format!("{} reps", words(*count)),
                    (_, Some(label)) => label.clone(),
                    _ => "Go".to_string(),
                }),
                Phase::Switch => {
                    let label = pass.map_or("", String::as_str);
                    let lower = label.to_lowercase();
                    bell(if lower.contains("left") || lower.contains("right") {
                        format!("Switch sides. {label}")
                    } else {
                        format!("Switch: {label}")
                    })
                }
                Phase::Rest => bell(match plan.steps.get(seg.step + 1) {
                    Some(next) => format!("Rest. Next: {}", next.name),
                    None => "Rest".to_string(),
                }),
            }
        }
        Event::Beat { rep, phase } => match &session.step().work {
            WorkPlan::Paced { phases, .. } if !phases.is_empty() => {
                say(spoken_label(&phases[phase]).to_string())
            }
            _ => say(words(rep)),
        },
        Event::RepCounted { rep } => say(words(rep)),
        Event::Halfway => Cue {
            sound: Some(Sound::Tick),
            speech: Some("Halfway".to_string()),
        },
        Event::SecondsLeft(10) => say("Ten seconds".to_string()),
        Event::SecondsLeft(_) => Cue {
            sound: Some(Sound::Tick),
            speech: None,
        },
        Event::TimeChanged => Cue::default(),
        Event::Paused => say("Paused".to_string()),
        Event::Resumed => say("Go".to_string()),
        Event::Finished(Outcome::Completed) => Cue {
            sound: Some(Sound::End),
            speech: Some("Done. Well done.".to_string()),
        },
        Event::Finished(_) => say("Session ended".to_string()),
    }
}
