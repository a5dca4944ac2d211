//! What each machine event sounds like (one of the synthesized sounds) and the words a
//! speech command says, and which of them a batch of events gives. Pure: the announcer in
//! `front` plays and says them for both front ends.

use crate::session::{Enough, Event, Outcome, Phase, Plan, Segment, StepPlan, WorkPlan};
use crate::sound::{Priority, Sound};
use crate::wording::{self, short_cue};

/// Words to say, and whether they may be cut short (see `sound::SpeechGate`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    pub text: String,
    pub priority: Priority,
}

impl Speech {
    /// A step or side name, said whole.
    fn name(text: String) -> Speech {
        Speech {
            text,
            priority: Priority::Name,
        }
    }

    /// A count, a breath label, a status: stale a moment later.
    fn routine(text: impl Into<String>) -> Speech {
        Speech {
            text: text.into(),
            priority: Priority::Routine,
        }
    }
}

/// The sound and spoken words of one event, or of a batch of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cue {
    pub sound: Option<Sound>,
    pub speech: Option<Speech>,
}

impl Cue {
    pub fn is_empty(&self) -> bool {
        self.sound.is_none() && self.speech.is_none()
    }

    /// This cue and a `later` one given as one, when both fall due at once: the more
    /// important sound (the later of two equal ones) and the later words. A late wake-up
    /// or a key that lands on a deadline can bring many events at once; playing a sound
    /// for each would be a burst of noise that tells nobody anything, while the most
    /// important one says what is happening now.
    pub fn then(self, later: Cue) -> Cue {
        let sound = match (self.sound, later.sound) {
            (Some(a), Some(b)) if importance(a) > importance(b) => Some(a),
            (a, b) => b.or(a),
        };
        Cue {
            sound,
            speech: later.speech.or(self.speech),
        }
    }
}

/// How much a sound matters against others due at once: the end above all, then the
/// start of a segment (what the person must do now), a reminder or a range's lower bound
/// (said once), the halfway mark, a countdown pip, and last the rep sounds (the next rep
/// brings another).
fn importance(sound: Sound) -> u8 {
    match sound {
        Sound::Finished => 5,
        Sound::GetReady | Sound::Go | Sound::SwitchSides | Sound::Rest => 4,
        Sound::Reached | Sound::Reminder => 3,
        Sound::Halfway => 2,
        Sound::Countdown => 1,
        Sound::Beat | Sound::Inhale | Sound::Exhale | Sound::Hold | Sound::Turn => 0,
    }
}

/// The one cue of a batch of events that happened together (see `Cue::then`). A range
/// reached ("Ten done. Keep going to fifteen, or move on.") or a reminder is said once, so
/// its words win over the counts, breaths and countdown words that come with or after it
/// in the batch: those come again at the next rep or second.
pub fn batch(events: &[Event], plan: &Plan) -> Cue {
    let mut one = events
        .iter()
        .map(|event| cue(event, plan))
        .fold(Cue::default(), Cue::then);
    let said_once =
        |e: &Event| matches!(e, Event::LowerBoundReached { .. } | Event::Reminder { .. });
    let passing = |e: &Event| {
        matches!(
            e,
            Event::Beat { .. }
                | Event::RepCounted { .. }
                | Event::SecondsLeft { .. }
                | Event::Halfway { .. }
                | Event::TimeChanged { .. }
        )
    };
    if let Some(at) = events.iter().rposition(said_once)
        && events[at + 1..].iter().all(passing)
        && let Some(speech) = cue(&events[at], plan).speech
    {
        one.speech = Some(speech);
    }
    one
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

/// The cue for `event`, from the event and the plan alone: a batch may have moved the
/// session on past the segment the event belongs to.
pub fn cue(event: &Event, plan: &Plan) -> Cue {
    let say = |speech: Speech| Cue {
        sound: None,
        speech: Some(speech),
    };
    match *event {
        Event::Started(seg) => started(&seg, plan),
        Event::Beat { at, rep, phase } => {
            let phases = plan.steps.get(at.step).and_then(|step| match &step.work {
                WorkPlan::Paced { phases, .. } => Some(phases),
                _ => None,
            });
            let label = phases.and_then(|p| p.get(phase));
            Cue {
                sound: Some(Sound::for_rep_part(phase, label.map_or("", String::as_str))),
                speech: Some(Speech::routine(
                    label.map_or_else(|| words(rep), |l| short_cue(l).to_string()),
                )),
            }
        }
        Event::RepCounted { rep, .. } => say(Speech::routine(words(rep))),
        Event::Reminder { at, n } => Cue {
            sound: Some(Sound::Reminder),
            speech: plan
                .steps
                .get(at.step)
                .and_then(|s| s.work.reminder(n))
                .map(|text| Speech::name(text.to_string())),
        },
        // What comes next says enough.
        Event::OpenEnded { .. } => Cue::default(),
        Event::RepeatAdded { .. } => say(Speech::routine("Once more")),
        Event::SetAdded { .. } => say(Speech::routine("One more set")),
        Event::LowerBoundReached { at } => Cue {
            sound: Some(Sound::Reached),
            speech: plan.steps.get(at.step).and_then(enough).map(Speech::name),
        },
        Event::Halfway { .. } => Cue {
            sound: Some(Sound::Halfway),
            speech: Some(Speech::routine("Halfway")),
        },
        Event::SecondsLeft { secs: 10, .. } => say(Speech::routine("Ten seconds")),
        Event::SecondsLeft { .. } => Cue {
            sound: Some(Sound::Countdown),
            speech: None,
        },
        Event::TimeChanged { .. } => Cue::default(),
        Event::Paused(_) | Event::Stalled { .. } => say(Speech::routine("Paused")),
        Event::Resumed(_) => say(Speech::routine("Go")),
        Event::Finished {
            outcome: Outcome::Completed,
            ..
        } => Cue {
            sound: Some(Sound::Finished),
            speech: Some(Speech::name("Done. Well done.".to_string())),
        },
        Event::Finished { .. } => say(Speech::routine("Session ended")),
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

/// The sound of a segment's start and what to say as it begins.
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
    let (sound, speech) = match seg.phase {
        Phase::Prepare => (Sound::GetReady, format!("{round}Get ready: {coming}")),
        Phase::Work => {
            let first_beat = match &step.work {
                WorkPlan::Paced { phases, .. } => phases.first(),
                _ => None,
            };
            let speech = match (first_beat, &step.work, pass) {
                (Some(label), _, _) => short_cue(label).to_string(),
                (None, WorkPlan::Counted { count }, _) => format!("{} reps", words(*count)),
                (None, _, Some(label)) => label.clone(),
                _ => "Go".to_string(),
            };
            (Sound::Go, speech)
        }
        Phase::Switch if seg.again > 0 => (
            Sound::SwitchSides,
            match pass {
                Some(label) => format!("Again. {label}"),
                None => "Again".to_string(),
            },
        ),
        Phase::Switch => {
            let label = pass.map_or("", String::as_str);
            (
                Sound::SwitchSides,
                format!("{}. {label}", wording::switch(label)),
            )
        }
        // The rest of a transition leads into its own step.
        Phase::Rest if seg.is_transition() => (Sound::Rest, format!("{round}Rest. Next: {coming}")),
        Phase::Rest => (
            Sound::Rest,
            format!(
                "Rest. Next: set {}",
                words(seg.set as u32 + 1).to_lowercase()
            ),
        ),
    };
    Cue {
        sound: Some(sound),
        speech: Some(Speech::name(speech)),
    }
}
