//! Checks a stream of machine events against the plan and the segment timeline, and
//! renders each batch through the spoken cues and the plain lines.

use std::time::Duration;

use limberup::cues::cue;
use limberup::figure::Library;
use limberup::plain::lines::describe;
use limberup::session::{Event, Phase, Plan, Segment, WorkPlan};
use limberup::sound::Sound;
use proptest::prelude::*;

/// The segment timeline as events tell it: the segment last started, and whether ended.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    current: Option<Segment>,
    ended: bool,
}

impl Timeline {
    /// Checks a batch against the plan and the timeline so far, and renders it through the
    /// cues and the plain lines.
    pub fn check(&mut self, plan: &Plan, events: &[Event]) -> Result<(), TestCaseError> {
        for event in events {
            prop_assert!(!self.ended, "{event:?} after the end");
            if let Some(seg) = event.segment() {
                prop_assert!(plan.segments.contains(&seg), "{event:?} not in the plan");
            }
            match *event {
                Event::Started(seg) => self.current = Some(seg),
                Event::Finished { last, .. } => {
                    prop_assert_eq!(last, self.current);
                    self.ended = true;
                }
                _ => prop_assert_eq!(event.segment(), self.current, "{:?}", event),
            }
            fits(plan, event)?;
            let spoken = cue(event, plan);
            if let Event::Beat { at, phase, .. } = *event
                && let WorkPlan::Paced { phases, .. } = &plan.steps[at.step].work
                && !phases.is_empty()
            {
                // The beat names a phase of its own step, never of the step now current.
                prop_assert_eq!(spoken.speech.as_ref().map(|s| &s.text), phases.get(phase));
                prop_assert_eq!(
                    spoken.sound,
                    Some(Sound::for_rep_part(phase, &phases[phase]))
                );
                let line = describe(&[*event], plan, Library::builtin());
                prop_assert!(line[0].starts_with(&plan.steps[at.step].name));
                prop_assert!(line[0].ends_with(&phases[phase]), "{:?}", line);
            }
        }
        describe(events, plan, Library::builtin());
        Ok(())
    }
}

/// What an event says fits the segment it carries.
fn fits(plan: &Plan, event: &Event) -> Result<(), TestCaseError> {
    let Some(seg) = event.segment() else {
        return Ok(());
    };
    let work = &plan.steps[seg.step].work;
    let timed = |seg: Segment| match seg.phase {
        Phase::Switch => false,
        Phase::Work => matches!(work, WorkPlan::Hold(_)),
        Phase::Prepare | Phase::Rest => true,
    };
    match *event {
        Event::Beat { at, rep, phase } => {
            prop_assert_eq!(at.phase, Phase::Work);
            let WorkPlan::Paced { count, phases, .. } = work else {
                return Err(TestCaseError::fail(format!("{event:?} outside paced reps")));
            };
            prop_assert!((1..=*count).contains(&rep), "{event:?}");
            prop_assert!(phase < phases.len().max(1), "{event:?}");
        }
        Event::RepCounted { at, rep } => {
            prop_assert_eq!(at.phase, Phase::Work);
            let WorkPlan::Counted { count } = work else {
                return Err(TestCaseError::fail(format!(
                    "{event:?} outside counted reps"
                )));
            };
            prop_assert!((1..=*count).contains(&rep), "{event:?}");
        }
        Event::Reminder { at, n } => {
            prop_assert_eq!(at.phase, Phase::Work);
            prop_assert!(n >= 1);
            prop_assert!(work.reminder(n).is_some(), "{event:?} without reminders");
        }
        Event::OpenEnded { at, .. } => {
            prop_assert_eq!(at.phase, Phase::Work);
            prop_assert!(matches!(work, WorkPlan::Open { .. }), "{event:?}");
        }
        Event::LowerBoundReached { at } => {
            prop_assert_eq!(at.phase, Phase::Work);
            prop_assert!(
                plan.steps[at.step].enough.is_some(),
                "{event:?} without a range"
            );
        }
        Event::Halfway { at, left } => {
            prop_assert!(at.phase == Phase::Work && matches!(work, WorkPlan::Hold(_)));
            // Only holds of 20 s or more (time added included) have a halfway.
            prop_assert!(left >= Duration::from_secs(10), "{event:?}");
        }
        Event::SecondsLeft { at, secs } => {
            prop_assert!(timed(at), "{event:?}");
            prop_assert!([10, 3, 2, 1].contains(&secs), "{event:?}");
        }
        Event::TimeChanged { at, .. } => prop_assert!(timed(at), "{event:?}"),
        _ => {}
    }
    Ok(())
}
