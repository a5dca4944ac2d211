//! The session machine under arbitrary command sequences and time steps: never a panic,
//! time never runs backwards, the step index stays in range, and a completed session has
//! every step done or skipped.
#![no_main]

use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use limberup::routine::{Kind, Routine, Step, Work};
use limberup::session::{Command, Outcome, Plan, PlanOptions, Session, StepStatus, Timings};

#[derive(Arbitrary, Debug)]
enum WorkIn {
    Hold(u8),
    Paced { count: u8, tempo_tenths: u16, phases: u8 },
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
                WorkIn::Hold(secs) => Work::Hold { secs: u32::from(secs % 40) + 1 },
                WorkIn::Paced { count, tempo_tenths, phases } => Work::Reps {
                    count: u32::from(count % 12) + 1,
                    tempo_secs: Some(f64::from(tempo_tenths % 596 + 5) / 10.0),
                    phases: (0..phases % 5).map(|p| format!("Phase {p}")).collect(),
                },
                WorkIn::Counted(count) => Work::Reps {
                    count: u32::from(count % 12) + 1,
                    tempo_secs: None,
                    phases: Vec::new(),
                },
            },
            passes: (0..s.passes % 4).map(|p| format!("Pass {p}")).collect(),
            prepare_secs: s.prepare.map(|p| u32::from(p % 8)),
            rest_secs: s.rest.map(|r| u32::from(r % 8)),
            figure: None,
        })
        .collect();
    if steps.is_empty() {
        steps.push(Step {
            name: "Only".into(),
            cues: Vec::new(),
            work: Work::Hold { secs: 3 },
            passes: Vec::new(),
            prepare_secs: None,
            rest_secs: None,
            figure: None,
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
    let wall = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let start = Instant::now();
    let (mut session, _) = Session::new(plan, start, wall);
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
                session.advance(t);
                None
            }
            Op::WaitLong(ms) => {
                t += Duration::from_millis(u64::from(ms % 7_200_000));
                session.advance(t);
                None
            }
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
        if let Some(command) = command {
            session.handle(command, t);
        }
        check(&session, t, &mut last_seen);
    }
    // Run it out: resume, and skip counted reps, until the session ends.
    session.handle(Command::Resume, t);
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
                session.handle(Command::Next, t);
            }
        }
        session.advance(t);
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
