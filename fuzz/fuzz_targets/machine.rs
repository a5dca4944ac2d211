//! The session machine under arbitrary command sequences and time steps (microseconds to
//! hours, commands exactly at deadlines, stalls): never a panic, time never runs backwards,
//! the step index stays in range, every event belongs to the segment the timeline is in and
//! fits it, every batch renders through the cues and the plain lines, and a completed
//! session has every step done or skipped.
#![no_main]

use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use limberup::cues::cue;
use limberup::plain::lines::describe;
use limberup::routine::{Kind, RepPhase, Routine, Step, Work};
use limberup::session::{
    Command, Event, Outcome, Phase, Plan, PlanOptions, Segment, Session, StepStatus, Timings,
    WorkPlan,
};

#[derive(Arbitrary, Debug)]
enum WorkIn {
    Hold(u8),
    Paced {
        count: u8,
        tempo_tenths: u16,
        phases: u8,
    },
    Counted(u8),
}

#[derive(Arbitrary, Debug)]
struct StepIn {
    work: WorkIn,
    passes: u8,
    prepare: Option<u8>,
    rest: Option<u8>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Wait(u16),
    WaitLong(u32),
    WaitMicros(u16),
    /// To the next wake-up exactly.
    ToWakeup,
    /// The next op's command lands exactly on the current deadline.
    ToDeadline,
    /// Stopped from the next wake-up for 2 s plus this many milliseconds.
    Stall(u32),
    TogglePause,
    Pause,
    Resume,
    Next,
    Previous,
    Advance,
    AddTime(i8),
    Quit,
    Interrupt,
}

#[derive(Arbitrary, Debug)]
struct Input {
    steps: Vec<StepIn>,
    prepare: u8,
    rest: u8,
    switch: u8,
    scale: u8,
    ops: Vec<Op>,
}

fn routine(input: &Input) -> Routine {
    let mut steps: Vec<Step> = input
        .steps
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, s)| Step {
            name: format!("Step {i}"),
            cues: Vec::new(),
            work: match s.work {
                WorkIn::Hold(secs) => Work::Hold {
                    secs: u32::from(secs % 40) + 1,
                    up_to: None,
                },
                WorkIn::Paced {
                    count,
                    tempo_tenths,
                    phases,
                } => Work::Reps {
                    count: u32::from(count % 12) + 1,
                    up_to: None,
                    tempo_secs: Some(f64::from(tempo_tenths % 596 + 5) / 10.0),
                    phases: (0..phases % 5)
                        .map(|p| RepPhase::label(format!("Step {i} phase {p}")))
                        .collect(),
                },
                WorkIn::Counted(count) => Work::Reps {
                    count: u32::from(count % 12) + 1,
                    up_to: None,
                    tempo_secs: None,
                    phases: Vec::new(),
                },
            },
            passes: (0..s.passes % 4).map(|p| format!("Pass {p}")).collect(),
            prepare_secs: s.prepare.map(|p| u32::from(p % 8)),
            rest_secs: s.rest.map(|r| u32::from(r % 8)),
        })
        .collect();
    if steps.is_empty() {
        steps.push(Step {
            name: "Only".into(),
            cues: Vec::new(),
            work: Work::Hold { secs: 3, up_to: None },
            passes: Vec::new(),
            prepare_secs: None,
            rest_secs: None,
        });
    }
    Routine {
        name: "Fuzz".into(),
        kind: Kind::Other,
        description: String::new(),
        prepare_secs: None,
        rest_secs: None,
        switch_secs: None,
        steps,
    }
}

fuzz_target!(|input: Input| {
    let options = PlanOptions {
        timings: Timings {
            prepare_secs: u32::from(input.prepare % 8),
            rest_secs: u32::from(input.rest % 8),
            switch_secs: u32::from(input.switch % 8),
        },
        scale: [0.25, 0.5, 1.0, 1.5, 4.0][usize::from(input.scale % 5)],
    };
    let plan = Plan::new("fuzz", &routine(&input), &options);
    let steps = plan.steps.len();
    let wall = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .unwrap();
    let start = Instant::now();
    let (mut session, first) = Session::new(plan, start, wall);
    let mut timeline = None;
    told(session.plan(), &mut timeline, &first);
    let mut t = start;
    let mut last_seen = session.now();
    let check = |session: &Session, t: Instant, last_seen: &mut Instant| {
        assert!(session.now() >= *last_seen, "time ran backwards");
        *last_seen = session.now();
        assert!(session.step_index() < steps);
        let view = session.view(t);
        assert!(view.step_index < steps);
        assert!((0.0..=1.0).contains(&view.routine_progress));
        assert!((0.0..=1.0).contains(&view.step_progress));
        if let Some(wake) = session.next_wakeup() {
            assert!(wake >= session.now(), "wake-up in the past");
        }
    };
    for op in input.ops.iter().take(400) {
        let command = match *op {
            Op::Wait(ms) => {
                t += Duration::from_millis(u64::from(ms));
                None
            }
            Op::WaitLong(ms) => {
                t += Duration::from_millis(u64::from(ms % 7_200_000));
                None
            }
            Op::WaitMicros(us) => {
                t += Duration::from_micros(u64::from(us));
                None
            }
            Op::ToWakeup => {
                t = session.next_wakeup().unwrap_or(t);
                None
            }
            // Whatever comes next lands exactly on the deadline.
            Op::ToDeadline => {
                t = session.deadline().unwrap_or(t).max(t);
                None
            }
            Op::Stall(ms) => session.next_wakeup().map(|due| {
                t = due + Duration::from_millis(2001 + u64::from(ms % 10_000_000));
                Command::after_sleep(due, t).expect("late enough to be a stall")
            }),
            Op::TogglePause => Some(Command::TogglePause),
            Op::Pause => Some(Command::Pause),
            Op::Resume => Some(Command::Resume),
            Op::Next => Some(Command::Next),
            Op::Previous => Some(Command::Previous),
            Op::Advance => Some(Command::Advance),
            Op::AddTime(d) => Some(Command::AddTime(i32::from(d))),
            Op::Quit => Some(Command::Quit),
            Op::Interrupt => Some(Command::Interrupt),
        };
        let events = match command {
            Some(command) => session.handle(command, t),
            None => session.advance(t),
        };
        told(session.plan(), &mut timeline, &events);
        if let Some(Command::Stalled { .. }) = command {
            assert!(session.is_paused() || session.outcome().is_some());
        }
        check(&session, t, &mut last_seen);
    }
    // Run it out: resume, and skip counted reps, until the session ends.
    let events = session.handle(Command::Resume, t);
    told(session.plan(), &mut timeline, &events);
    for _ in 0..10_000 {
        if session.outcome().is_some() {
            break;
        }
        // Counted reps have no deadline: only the user moves them on.
        match (session.deadline(), session.next_wakeup()) {
            (Some(deadline), Some(wake)) => {
                assert!(wake <= deadline, "wake-up after the deadline");
                t = deadline;
            }
            _ => {
                let events = session.handle(Command::Next, t);
                told(session.plan(), &mut timeline, &events);
            }
        }
        let events = session.advance(t);
        told(session.plan(), &mut timeline, &events);
        check(&session, t, &mut last_seen);
    }
    let record = session.record(wall);
    assert!(session.outcome().is_some(), "session never ended");
    if record.outcome == Outcome::Completed {
        assert_eq!(
            record.count(StepStatus::Done) + record.count(StepStatus::Skipped),
            steps,
            "{record:#?}"
        );
    }
    assert!(record.active_secs >= 0.0 && record.paused_secs >= 0.0);
});

/// Checks a batch against the segment timeline (`current`: the segment last started) and
/// the plan, and renders it through the cues and the plain lines.
fn told(plan: &Plan, current: &mut Option<Segment>, events: &[Event]) {
    for event in events {
        match *event {
            Event::Started(seg) => *current = Some(seg),
            Event::Finished { last, .. } => {
                assert_eq!(last, *current, "{event:?}");
                *current = None;
            }
            _ => assert_eq!(event.segment(), *current, "{event:?} off the timeline"),
        }
        if let Some(seg) = event.segment() {
            assert!(plan.segments.contains(&seg), "{event:?} not in the plan");
            let work = &plan.steps[seg.step].work;
            match (*event, work) {
                (Event::Beat { rep, phase, .. }, WorkPlan::Paced { count, phases, .. }) => {
                    assert_eq!(seg.phase, Phase::Work);
                    assert!((1..=*count).contains(&rep) && phase < phases.len().max(1));
                    if let Some(label) = phases.get(phase) {
                        assert_eq!(cue(event, plan).speech.as_ref(), Some(label));
                    }
                }
                (Event::Beat { .. }, _) => panic!("{event:?} outside paced reps"),
                (Event::RepCounted { rep, .. }, WorkPlan::Counted { count }) => {
                    assert!(seg.phase == Phase::Work && (1..=*count).contains(&rep));
                }
                (Event::RepCounted { .. }, _) => panic!("{event:?} outside counted reps"),
                (Event::Halfway { .. }, WorkPlan::Hold(_)) => assert_eq!(seg.phase, Phase::Work),
                (Event::Halfway { .. }, _) => panic!("{event:?} outside a hold"),
                _ => {}
            }
        }
        cue(event, plan);
    }
    describe(events, plan);
}
