//! What each machine event sounds like and says, over a whole session on an injected clock.

use std::time::{Duration, Instant};

use limberup::cues::{Cue, Speech, cue};
use limberup::routine::parse;
use limberup::session::{Command, Event, Outcome, Phase, Plan, PlanOptions, Session, WorkPlan};
use limberup::sound::{Priority, Sound};

const ROUTINE: &str = r#"Routine(
    name: "Cues",
    kind: Other,
    prepare_secs: 5,
    rest_secs: 10,
    switch_secs: 3,
    steps: [
        Step(name: "Cat/Cow", work: Reps(count: 2, tempo_secs: 4.0, phases: ["Exhale: round up", "Inhale: arch"])),
        Step(name: "Side plank", work: Hold(secs: 30), passes: ["Left", "Right"]),
        Step(name: "Bird dog", work: Reps(count: 12)),
    ],
)"#;

/// Every (event, cue) of the session, stepping through each wakeup, counting reps at once.
fn script() -> Vec<(Event, Cue)> {
    let routine = parse(ROUTINE, "cues").unwrap();
    let plan = Plan::new("cues", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut s, first) = Session::new(plan, t0, chrono::Local::now().fixed_offset());
    let mut all: Vec<(Event, Cue)> = first.iter().map(|e| (*e, cue(e, s.plan()))).collect();
    let mut t = t0;
    while s.outcome().is_none() {
        let counting = s.deadline().is_none();
        let events = match s.next_wakeup() {
            Some(w) if !counting => {
                t = w;
                s.advance(w)
            }
            _ => {
                t += Duration::from_millis(100);
                s.handle(Command::Advance, t)
            }
        };
        all.extend(events.iter().map(|e| (*e, cue(e, s.plan()))));
    }
    all
}

fn said(all: &[(Event, Cue)]) -> Vec<String> {
    all.iter()
        .filter_map(|(_, c)| c.speech.as_ref().map(|s| s.text.clone()))
        .collect()
}

#[test]
fn the_spoken_words_follow_the_session() {
    let all = script();
    let words = said(&all);
    let expected_start = [
        "Get ready: Cat/Cow",
        "Exhale",
        "Inhale",
        "Exhale",
        "Inhale",
        // The rest and the get-ready are one countdown that names what comes.
        "Rest. Next: Side plank, Left",
        "Ten seconds",
        "Left",
        "Halfway",
        "Ten seconds",
        "Switch sides. Right",
        "Right",
        "Halfway",
        "Ten seconds",
        "Rest. Next: Bird dog",
        "Ten seconds",
        "Twelve reps",
        "One",
        "Two",
    ];
    assert_eq!(words[..expected_start.len()], expected_start);
    assert_eq!(words.last().unwrap(), "Done. Well done.");
    assert!(words.contains(&"Twelve".to_string()));
}

#[test]
fn each_event_has_its_own_sound_and_names_are_said_whole() {
    let all = script();
    let plan = Plan::new(
        "cues",
        &parse(ROUTINE, "cues").unwrap(),
        &PlanOptions::default(),
    );
    for (event, c) in &all {
        let expected = match *event {
            Event::Started(seg) => Some(match seg.phase {
                Phase::Prepare => Sound::GetReady,
                Phase::Work => Sound::Go,
                Phase::Switch => Sound::SwitchSides,
                Phase::Rest => Sound::Rest,
            }),
            Event::Beat { at, phase, .. } => {
                let WorkPlan::Paced { phases, .. } = &plan.steps[at.step].work else {
                    panic!("a beat outside paced reps: {event:?}")
                };
                // "Exhale: round up", "Inhale: arch": every part is a breath.
                Some(if phases[phase].starts_with("Exhale") {
                    Sound::Exhale
                } else {
                    Sound::Inhale
                })
            }
            Event::Halfway { .. } => Some(Sound::Halfway),
            Event::SecondsLeft { secs: 1..=3, .. } => Some(Sound::Countdown),
            Event::Finished {
                outcome: Outcome::Completed,
                ..
            } => Some(Sound::Finished),
            _ => None,
        };
        assert_eq!(c.sound, expected, "{event:?}");
        let name = matches!(
            event,
            Event::Started(_)
                | Event::Finished {
                    outcome: Outcome::Completed,
                    ..
                }
        );
        if let Some(speech) = &c.speech {
            let priority = if name {
                Priority::Name
            } else {
                Priority::Routine
            };
            assert_eq!(speech.priority, priority, "{event:?}");
        }
    }
    let heard = |sound| all.iter().filter(|(_, c)| c.sound == Some(sound)).count();
    // Two reps of exhale then inhale: the first exhale is the start's "go".
    assert_eq!((heard(Sound::Exhale), heard(Sound::Inhale)), (1, 2));
    // Countdowns: 3, 2, 1 in the first 5 s get-ready, in each of the two 15 s transitions
    // (rest and get-ready) and in the two 30 s holds; switches and paced reps have none.
    assert_eq!(heard(Sound::Countdown), 3 + 2 * 3 + 2 * 3);
    assert_eq!(heard(Sound::Finished), 1);
}

fn sound(s: Sound) -> Cue {
    Cue {
        sound: Some(s),
        speech: None,
    }
}

fn words(text: &str) -> Cue {
    Cue {
        sound: None,
        speech: Some(Speech {
            text: text.into(),
            priority: Priority::Routine,
        }),
    }
}

#[test]
fn cues_due_at_once_give_the_most_important_sound_the_later_of_equals_and_the_last_words() {
    use Sound::*;
    // (the sounds due at once, in order; the one played)
    let table: [(&[Sound], Option<Sound>); 9] = [
        (&[], None),
        (&[Beat, Exhale, Inhale, Beat, Exhale], Some(Exhale)),
        (&[Inhale, Countdown, Beat], Some(Countdown)),
        (&[Countdown, Halfway, Countdown], Some(Halfway)),
        (&[Countdown, Go, Countdown], Some(Go)),
        (&[Rest, GetReady, Go], Some(Go)),
        (&[Go, SwitchSides], Some(SwitchSides)),
        (&[Beat, Finished, Inhale, Countdown], Some(Finished)),
        (&[Countdown, Countdown, Countdown], Some(Countdown)),
    ];
    for (due, played) in table {
        let cue = due
            .iter()
            .map(|s| sound(*s))
            .fold(Cue::default(), Cue::then);
        assert_eq!(cue.sound, played, "{due:?}");
    }
    let cue = words("Exhale")
        .then(sound(Go))
        .then(words("Left"))
        .then(sound(Beat));
    assert_eq!(cue.sound, Some(Go));
    assert_eq!(cue.speech.unwrap().text, "Left");
    assert!(Cue::default().then(Cue::default()).is_empty());
}

/// One batch across a get-ready, a paced step and into a rest (the machine, asked at 17 s
/// without being asked before: 4 s into the 15 s transition, before its "ten seconds")
/// gives one cue, not a burst of a sound per event.
#[test]
fn a_late_batch_is_one_sound() {
    let routine = parse(ROUTINE, "cues").unwrap();
    let plan = Plan::new("cues", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut s, _) = Session::new(plan, t0, chrono::Local::now().fixed_offset());
    let events = s.advance(t0 + Duration::from_secs(17));
    let sounds = events.iter().filter(|e| cue(e, s.plan()).sound.is_some());
    assert!(sounds.count() > 5, "{events:?}");
    let one = limberup::cues::batch(&events, s.plan());
    // The rest that began last, over its countdown's first pip and the reps' breaths.
    assert_eq!(one.sound, Some(Sound::Rest), "{events:?}");
    assert_eq!(
        one.speech.map(|s| s.text).as_deref(),
        Some("Rest. Next: Side plank, Left")
    );
}

/// Each batch of events of a whole session of `routine` (stepping through every wakeup,
/// Enter where nothing is timed) with the one cue it gives.
fn batches(routine: &str) -> Vec<(Vec<Event>, Cue)> {
    let routine = parse(routine, "batches").unwrap();
    let plan = Plan::new("batches", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut s, _) = Session::new(plan, t0, chrono::Local::now().fixed_offset());
    let mut all = Vec::new();
    let mut t = t0;
    while s.outcome().is_none() {
        let events = match s.next_wakeup() {
            Some(w) => {
                t = w;
                s.advance(w)
            }
            None => {
                t += Duration::from_millis(100);
                s.handle(Command::Advance, t)
            }
        };
        let one = limberup::cues::batch(&events, s.plan());
        all.push((events, one));
    }
    all
}

/// Side bends' hold and return, and Russian twists' "Twist right", are heard: every part of
/// a paced rep has a sound, the hold its own.
#[test]
fn every_part_of_a_rep_is_heard_and_a_hold_has_its_own_sound() {
    let routine = r#"Routine(name: "Parts", kind: Other, prepare_secs: 0, steps: [
        Step(name: "Side bends", work: Reps(count: 2, phases: [
            ("Inhale: stand tall", 2), ("Exhale: reach and lean", 2),
            ("Hold the stretch", 4), ("Return to center", 2)])),
        Step(name: "Russian twists", work: Reps(count: 2, tempo_secs: 4.0,
            phases: ["Twist left", "Twist right"])),
    ])"#;
    let mut heard = Vec::new();
    for (events, cue) in batches(routine) {
        for event in &events {
            if let Event::Beat { at, phase, .. } = event {
                heard.push((at.step, *phase, cue.sound));
            }
        }
    }
    use Sound::*;
    let expected = [
        (0, 1, Some(Exhale)),
        (0, 2, Some(Hold)),
        (0, 3, Some(Turn)),
        (0, 0, Some(Inhale)),
        (0, 1, Some(Exhale)),
        (0, 2, Some(Hold)),
        (0, 3, Some(Turn)),
        (1, 1, Some(Turn)),
        (1, 0, Some(Beat)),
        (1, 1, Some(Turn)),
    ];
    assert_eq!(heard, expected);
}

/// A range's lower bound has its own sound (not the halfway pings) and its words win over
/// the count or breath due with it: "Twenty seconds done" with the hold's "ten seconds",
/// "Two done" with the next rep's inhale.
#[test]
fn reaching_a_range_has_its_own_sound_and_its_words_win() {
    let routine = r#"Routine(name: "Ranges", kind: Other, prepare_secs: 0, rest_secs: 0, steps: [
        Step(name: "Thread", work: Hold(secs: 20, up_to: 30)),
        Step(name: "Cat/Cow", work: Reps(count: 2, up_to: 3, tempo_secs: 2.0,
            phases: ["Exhale: round", "Inhale: arch"])),
    ])"#;
    let reached: Vec<_> = batches(routine)
        .into_iter()
        .filter(|(events, _)| {
            events
                .iter()
                .any(|e| matches!(e, Event::LowerBoundReached { .. }))
        })
        .collect();
    assert_eq!(reached.len(), 2, "{reached:?}");
    // Each falls due with another cue: the hold's ten seconds, the third rep's exhale.
    assert!(matches!(
        reached[0].0[..],
        [_, Event::SecondsLeft { secs: 10, .. }]
    ));
    assert!(matches!(reached[1].0[..], [_, Event::Beat { .. }]));
    let said: Vec<_> = reached
        .iter()
        .map(|(_, cue)| (cue.sound, cue.speech.clone().map(|s| s.text)))
        .collect();
    assert_eq!(
        said,
        [
            (
                Some(Sound::Reached),
                Some("Twenty seconds done. Keep going to 30, or move on.".into())
            ),
            (
                Some(Sound::Reached),
                Some("Two done. Keep going to three, or move on.".into())
            ),
        ]
    );
    assert_ne!(Sound::Reached, Sound::Halfway);
}

/// An open step's reminder rings its own bell and says its words.
#[test]
fn a_reminder_has_its_own_sound() {
    let routine = r#"Routine(name: "Open", kind: Other, prepare_secs: 0, steps: [
        Step(name: "Workout", work: Open(remind_every_mins: 1,
            reminders: ["Drink some water", "Stop on sharp pain"])),
    ])"#;
    let routine = parse(routine, "open").unwrap();
    let plan = Plan::new("open", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut s, _) = Session::new(plan, t0, chrono::Local::now().fixed_offset());
    let events = s.advance(t0 + Duration::from_secs(60));
    let one = limberup::cues::batch(&events, s.plan());
    assert_eq!(one.sound, Some(Sound::Reminder), "{events:?}");
    assert_eq!(one.speech.unwrap().text, "Drink some water");
}
