//! Time leaps: one batch of events that crosses several steps (a late wake-up, a key pressed
//! just as something falls due) must be told event by event from the plan, through every
//! renderer: spoken cues and sounds, plain lines, and the TUI's effects.

mod session_support;

use std::time::{Duration, Instant};

use limberup::config::Theme as Choice;
use limberup::cues::{Cue, Speech, cue};
use limberup::figure::Library;
use limberup::plain::lines::describe;
use limberup::routine::{Entry, Routine, Source, parse};
use limberup::session::{Command, Event, Outcome, Plan, PlanOptions, Session};
use limberup::sound::{Priority, Sound};
use limberup::tui::{Action, App, Effect, Options, Theme};
use proptest::prelude::*;
use session_support::strategies::distinct_routine;
use session_support::timeline::Timeline;
use session_support::wall;

/// The issue's routine: a paced step of four phases, then one of two.
const BEAT: &str = r#"Routine(name: "Beat", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0, steps: [
  Step(name: "Four", work: Reps(count: 2, tempo_secs: 4.0, phases: ["A", "B", "C", "D"])),
  Step(name: "Two", work: Reps(count: 5, tempo_secs: 2.0, phases: ["X", "Y"])),
])"#;

fn beat_routine() -> Routine {
    parse(BEAT, "beat").unwrap()
}

fn app(routine: Routine, t0: Instant) -> App {
    let options = Options {
        theme: Theme::new(Choice::Default, false),
        plan: PlanOptions::default(),
        sound: true,
        speech: true,
        check_in: false,
        confirm_quit: false,
        motion: true,
    };
    let entry = Entry {
        id: "leap".into(),
        routine,
        source: Source::BuiltIn,
    };
    let mut app = App::new(options, Vec::new(), Box::new(|| wall(7)));
    app.start(&entry, t0);
    app
}

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

#[test]
fn one_late_tick_across_steps_is_told_event_by_event_from_the_plan() {
    let plan = Plan::new("beat", &beat_routine(), &PlanOptions::default());
    let (four, two) = (plan.segments[0], plan.segments[1]);
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, t0, wall(7));
    let events = session.advance(t0 + ms(9500));
    let beat = |at, rep, phase| Event::Beat { at, rep, phase };
    assert_eq!(
        events,
        [
            beat(four, 1, 1),
            beat(four, 1, 2),
            beat(four, 1, 3),
            beat(four, 2, 0),
            beat(four, 2, 1),
            beat(four, 2, 2),
            beat(four, 2, 3),
            Event::Started(two),
            beat(two, 1, 1),
        ]
    );
    let plan = session.plan();
    let said: Vec<String> = events
        .iter()
        .filter_map(|e| cue(e, plan).speech)
        .map(|s| s.text)
        .collect();
    assert_eq!(said, ["B", "C", "D", "A", "B", "C", "D", "X", "Y"]);
    assert_eq!(
        describe(&events, plan, Library::builtin()),
        [
            "Four: rep 1/2, B",
            "Four: rep 1/2, C",
            "Four: rep 1/2, D",
            "Four: rep 2/2, A",
            "Four: rep 2/2, B",
            "Four: rep 2/2, C",
            "Four: rep 2/2, D",
            "Two: rep 1/5, X",
            "Two: rep 1/5, Y",
        ]
    );
}

#[test]
fn the_tui_survives_a_late_tick_into_a_step_with_fewer_phases() {
    let t0 = Instant::now();
    let mut app = app(beat_routine(), t0);
    app.take_effects();
    app.tick(t0 + ms(9500));
    // One sound for the batch, the new step's start above its beats, and the latest words.
    assert_eq!(
        app.take_effects(),
        [Effect::Cue(Cue {
            sound: Some(Sound::Go),
            speech: Some(Speech {
                text: "Y".into(),
                priority: Priority::Routine
            }),
        })]
    );
    let session = app.session().expect("still running");
    assert_eq!(session.step_index(), 1);
}

#[test]
fn the_tui_survives_a_key_exactly_as_a_beat_falls_due() {
    let t0 = Instant::now();
    let mut app = app(beat_routine(), t0);
    // "D" falls due at 3 s; "next" at that very instant moves to the two-phase step.
    app.act(Action::Next, t0 + ms(3000));
    let Some(Effect::Cue(cue)) = app.take_effects().pop() else {
        panic!("no cue")
    };
    assert_eq!(
        cue.speech.map(|s| s.text).as_deref(),
        Some("X"),
        "the new step's first phase is said last"
    );
    assert_eq!(app.session().unwrap().step_index(), 1);
}

/// Every command at every instant something falls due (and a nanosecond either side) of a
/// routine that crosses from four phases to two to none, told by every renderer.
#[test]
fn every_command_at_every_due_instant_is_told_from_its_own_segment() {
    let routine = parse(
        r#"Routine(name: "Mixed", kind: Other, prepare_secs: 1, rest_secs: 1, switch_secs: 1, steps: [
          Step(name: "Four", work: Reps(count: 2, tempo_secs: 2.0, phases: ["A", "B", "C", "D"]), passes: ["Left", "Right"]),
          Step(name: "Two", work: Reps(count: 2, tempo_secs: 1.0, phases: ["X", "Y"])),
          Step(name: "None", work: Reps(count: 2, tempo_secs: 1.0)),
          Step(name: "Hold", work: Hold(secs: 21)),
          Step(name: "Count", work: Reps(count: 2)),
        ])"#,
        "mixed",
    )
    .unwrap();
    let plan = Plan::new("mixed", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut session, first) = Session::new(plan, t0, wall(7));
    let mut timeline = Timeline::default();
    timeline.check(session.plan(), &first).unwrap();
    let commands = [
        Command::TogglePause,
        Command::Next,
        Command::Previous,
        Command::Advance,
        Command::AddTime(10),
        Command::AddTime(-10),
        Command::Done,
        Command::Repeat,
        Command::AddSet,
        Command::Quit,
    ];
    let ns = Duration::from_nanos(1);
    let mut instants = 0;
    while let Some(due) = session.next_wakeup() {
        for at in [due - ns, due, due + ns] {
            for command in commands {
                let mut probe = session.clone();
                let mut line = timeline.clone();
                let events = probe.handle(command, at);
                line.check(probe.plan(), &events).unwrap();
            }
            // Stopped from this instant for five seconds.
            let mut probe = session.clone();
            let mut line = timeline.clone();
            let events = probe.handle(Command::Stalled { since: at }, at + ms(5000));
            line.check(probe.plan(), &events).unwrap();
            assert!(probe.is_paused() || probe.outcome().is_some());
        }
        let events = session.advance(due);
        timeline.check(session.plan(), &events).unwrap();
        if session.deadline().is_none() {
            let events = session.handle(Command::Advance, due);
            timeline.check(session.plan(), &events).unwrap();
        }
        instants += 1;
    }
    assert_eq!(session.outcome(), Some(Outcome::Completed));
    assert!(instants > 50, "only {instants} instants");
}

#[derive(Debug, Clone)]
enum Leap {
    /// Time moves on by this much (microseconds to hours).
    Wait(Duration),
    /// Time moves to the next wake-up exactly (a beat, a cue, a deadline, a second).
    ToWakeup,
    /// A command exactly at the current deadline, or at the next wake-up when there is none.
    AtDeadline(Command),
    /// A command now.
    Now(Command),
    /// The process stops at the next wake-up and comes back this much later.
    Stall(Duration),
}

fn leap() -> impl Strategy<Value = Leap> {
    let wait = prop_oneof![
        (1u64..=1_000).prop_map(Duration::from_micros),
        (1u64..=3_000).prop_map(Duration::from_millis),
        (1u64..=120).prop_map(Duration::from_secs),
        (1u64..=5).prop_map(|h| Duration::from_secs(h * 3600)),
    ];
    let command = prop_oneof![
        Just(Command::TogglePause),
        Just(Command::Next),
        Just(Command::Previous),
        Just(Command::Advance),
        Just(Command::AddTime(10)),
        Just(Command::AddTime(-10)),
        Just(Command::Done),
        Just(Command::Repeat),
        Just(Command::AddSet),
        Just(Command::Quit),
    ];
    prop_oneof![
        3 => wait.prop_map(Leap::Wait),
        3 => Just(Leap::ToWakeup),
        3 => command.clone().prop_map(Leap::AtDeadline),
        2 => command.prop_map(Leap::Now),
        1 => (2001u64..=100_000).prop_map(|ms| Leap::Stall(Duration::from_millis(ms))),
    ]
}

/// The action for the TUI that sends `command`.
fn action(command: Command) -> Action {
    match command {
        Command::TogglePause => Action::TogglePause,
        Command::Next => Action::Next,
        Command::Previous => Action::Previous,
        Command::Advance => Action::Advance,
        Command::Done => Action::Done,
        Command::Repeat => Action::Repeat,
        Command::AddSet => Action::AddSet,
        Command::AddTime(d) if d > 0 => Action::MoreTime,
        Command::AddTime(_) => Action::LessTime,
        _ => Action::Quit,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(250))]

    /// Whatever the leaps, every event belongs to the segment the timeline is in, fits it,
    /// and every renderer tells it from the plan; the TUI, driven alike, never panics and
    /// stays with the machine.
    #[test]
    fn every_batch_of_every_leap_is_told_from_its_own_segment(
        routine in distinct_routine(),
        leaps in proptest::collection::vec(leap(), 1..=60),
    ) {
        let plan = Plan::new("leaps", &routine, &PlanOptions::default());
        let t0 = Instant::now();
        let (mut session, first) = Session::new(plan, t0, wall(7));
        let mut tui = app(routine, t0);
        let mut timeline = Timeline::default();
        timeline.check(session.plan(), &first)?;
        let mut now = t0;
        for leap in leaps {
            let due = session.next_wakeup();
            let events = match leap {
                Leap::Wait(d) => {
                    now += d;
                    tui.tick(now);
                    session.advance(now)
                }
                Leap::ToWakeup => {
                    now = due.unwrap_or(now);
                    tui.tick(now);
                    session.advance(now)
                }
                Leap::AtDeadline(command) => {
                    now = session.deadline().or(due).unwrap_or(now).max(now);
                    tui.act(action(command), now);
                    session.handle(command, now)
                }
                Leap::Now(command) => {
                    tui.act(action(command), now);
                    session.handle(command, now)
                }
                Leap::Stall(d) => {
                    let Some(due) = due else { continue };
                    now = due + d;
                    tui.woke(due, now);
                    let was = session.clone();
                    let events = session.handle(Command::after_sleep(due, now).unwrap(), now);
                    // Nothing after the stall's start happens; the rest is paused time.
                    let mut reference = was.clone();
                    let before = reference.advance(due);
                    prop_assert_eq!(&events[..before.len()], &before[..]);
                    if reference.outcome().is_none() {
                        prop_assert!(session.is_paused());
                        prop_assert_eq!(session.elapsed(now), reference.elapsed(due));
                        prop_assert_eq!(
                            session.paused_total(now),
                            reference.paused_total(due) + d
                        );
                    }
                    events
                }
            };
            timeline.check(session.plan(), &events)?;
            tui.take_effects();
            match tui.session() {
                Some(shown) => {
                    prop_assert_eq!(shown.segment(), session.segment());
                    prop_assert_eq!(shown.is_paused(), session.is_paused());
                }
                None => prop_assert!(session.outcome().is_some()),
            }
            if session.outcome().is_some() {
                break;
            }
        }
    }
}
