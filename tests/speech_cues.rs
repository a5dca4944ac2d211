//! What each machine event sounds like and says, over a whole session on an injected clock.

use std::time::{Duration, Instant};

use limberup::cues::{Cue, Sound, cue};
use limberup::routine::parse;
use limberup::session::{Command, Event, Plan, PlanOptions, Session};

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
    all.iter().filter_map(|(_, c)| c.speech.clone()).collect()
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
fn sounds_mark_changes_ticks_and_the_end() {
    let all = script();
    for (event, c) in &all {
        let expected = match event {
            Event::Started(_) => Some(Sound::Bell),
            Event::Halfway { .. } | Event::SecondsLeft { secs: 1..=3, .. } => Some(Sound::Tick),
            Event::Finished { .. } => Some(Sound::End),
            _ => None,
        };
        assert_eq!(c.sound, expected, "{event:?}");
    }
    // Countdowns: 3, 2, 1 in the first 5 s get-ready, and 10, 3, 2, 1 in each of the two
    // 15 s transitions (rest and get-ready) and the two 30 s holds; switches and paced reps
    // have none.
    let countdown = all
        .iter()
        .filter(|(e, _)| matches!(e, Event::SecondsLeft { .. }))
        .count();
    assert_eq!(countdown, 3 + 2 * 4 + 2 * 4);
}
