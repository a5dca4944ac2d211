//! The session machine under arbitrary command sequences and time steps (microseconds to
//! hours, commands exactly at deadlines, stalls) on routines of every kind of work (holds
//! and reps with ranges, even and timed phases, counted reps, open steps with reminders),
//! sets and rounds, sessions of up to three routines, resumed at any step, with the plan
//! growing at run time (repeats, added sets): never a panic, time never runs backwards, the
//! step index stays in range, every event belongs to the segment the timeline is in and
//! fits it, every batch renders through the cues and the plain lines, a command does
//! something exactly when `allowed` says so, and a completed session has every step of its
//! own done or skipped.
#![no_main]

use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use limberup::cues::cue;
use limberup::plain::lines::describe;
use limberup::routine::{Entry, Kind, Lineup, RepPhase, Routine, Source, Step, Work};
use limberup::session::{
    Command, Event, Outcome, Phase, Plan, PlanOptions, Segment, Session, StepStatus, Timings,
    WorkPlan,
};

#[derive(Arbitrary, Debug)]
enum WorkIn {
    Hold {
        secs: u8,
        more: Option<u8>,
    },
    Paced {
        count: u8,
        more: Option<u8>,
        tempo_tenths: u16,
        phases: u8,
    },
    /// Phases with their own seconds (tenths).
    Timed {
        count: u8,
        more: Option<u8>,
        tenths: Vec<u8>,
    },
    Counted {
        count: u8,
        more: Option<u8>,
    },
    Open {
        every_mins: Option<u8>,
        reminders: u8,
    },
}

#[derive(Arbitrary, Debug)]
struct StepIn {
    work: WorkIn,
    passes: u8,
    prepare: Option<u8>,
    rest: Option<u8>,
    sets: Option<u8>,
    set_rest: Option<u8>,
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
    Done,
    Repeat,
    AddSet,
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
    rounds: Option<(u8, u8)>,
    scale: u8,
    /// Where the steps are cut into the routines of one session (at most three parts).
    cuts: Vec<u8>,
    /// The rest between parts, when the lineup sets its own.
    part_rest: Option<u8>,
    /// Take the session up at this step, as `limberup resume` does.
    resume_at: Option<u8>,
    ops: Vec<Op>,
}

/// A range's top: `from` plus 1-4, when asked.
fn up_to(from: u32, more: Option<u8>) -> Option<u32> {
    more.map(|m| from + u32::from(m % 4) + 1)
}

fn work(i: usize, work: &WorkIn) -> Work {
    let label = |p: usize| format!("Step {i} phase {p}");
    match *work {
        WorkIn::Hold { secs, more } => {
            let secs = u32::from(secs % 40) + 1;
            Work::Hold {
                secs,
                up_to: up_to(secs, more),
            }
        }
        WorkIn::Paced {
            count,
            more,
            tempo_tenths,
            phases,
        } => {
            let count = u32::from(count % 12) + 1;
            Work::Reps {
                count,
                up_to: up_to(count, more),
                tempo_secs: Some(f64::from(tempo_tenths % 596 + 5) / 10.0),
                phases: (0..usize::from(phases % 5))
                    .map(|p| RepPhase::label(label(p)))
                    .collect(),
            }
        }
        WorkIn::Timed {
            count,
            more,
            ref tenths,
        } => {
            let count = u32::from(count % 8) + 1;
            let mut phases: Vec<RepPhase> = tenths
                .iter()
                .take(4)
                .enumerate()
                .map(|(p, t)| RepPhase::timed(label(p), f64::from(t % 100 + 1) / 10.0))
                .collect();
            if phases.is_empty() {
                phases.push(RepPhase::timed(label(0), 1.0));
            }
            Work::Reps {
                count,
                up_to: up_to(count, more),
                tempo_secs: None,
                phases,
            }
        }
        WorkIn::Counted { count, more } => {
            let count = u32::from(count % 12) + 1;
            Work::Reps {
                count,
                up_to: up_to(count, more),
                tempo_secs: None,
                phases: Vec::new(),
            }
        }
        WorkIn::Open {
            every_mins,
            reminders,
        } => {
            let reminders = every_mins.map_or(0, |_| reminders % 3 + 1);
            Work::Open {
                remind_every_mins: every_mins.map(|m| u32::from(m % 3) + 1),
                reminders: (0..reminders)
                    .map(|r| format!("Step {i} reminder {r}"))
                    .collect(),
            }
        }
    }
}

/// The session's routines: the generated steps cut into up to three parts.
fn lineup(input: &Input) -> Lineup {
    let all = routine(input);
    let mut cuts: Vec<usize> = input
        .cuts
        .iter()
        .take(2)
        .map(|c| usize::from(*c) % all.steps.len())
        .filter(|c| *c > 0)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(all.steps.len());
    let mut from = 0;
    let parts: Vec<Entry> = cuts
        .into_iter()
        .enumerate()
        .map(|(i, to)| {
            let steps = all.steps[from..to].to_vec();
            from = to;
            Entry {
                id: format!("part-{i}"),
                routine: Routine {
                    rounds: all.rounds,
                    round_rest_secs: all.round_rest_secs,
                    ..Routine::new(format!("Part {i}"), Kind::Other, steps)
                },
                source: Source::BuiltIn,
            }
        })
        .collect();
    Lineup {
        id: "fuzz".into(),
        name: "Fuzz".into(),
        kind: Kind::Other,
        rest_secs: input.part_rest.map(|r| u32::from(r % 8)),
        parts,
        levels: Vec::new(),
    }
}

fn routine(input: &Input) -> Routine {
    let mut steps: Vec<Step> = input
        .steps
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, s)| Step {
            passes: (0..s.passes % 4).map(|p| format!("Pass {p}")).collect(),
            prepare_secs: s.prepare.map(|p| u32::from(p % 8)),
            rest_secs: s.rest.map(|r| u32::from(r % 8)),
            sets: s.sets.map(|n| u32::from(n % 3) + 1),
            set_rest_secs: s.set_rest.map(|r| u32::from(r % 8)),
            ..Step::new(format!("Step {i}"), work(i, &s.work))
        })
        .collect();
    if steps.is_empty() {
        steps.push(Step::new(
            "Only",
            Work::Hold {
                secs: 3,
                up_to: None,
            },
        ));
    }
    Routine {
        rounds: input.rounds.map(|(n, _)| u32::from(n % 3) + 1),
        round_rest_secs: input.rounds.map(|(_, r)| u32::from(r % 8)),
        ..Routine::new("Fuzz", Kind::Other, steps)
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
    let plan = Plan::session(&lineup(&input), &options);
    let steps = plan.steps.len();
    let first = input.resume_at.map_or(0, |s| usize::from(s) % steps);
    let wall = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .unwrap();
    let start = Instant::now();
    let (mut session, began) = Session::resume_at(plan, first, start, wall);
    let mut timeline = None;
    told(session.plan(), &mut timeline, &began);
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
            Op::Done => Some(Command::Done),
            Op::Repeat => Some(Command::Repeat),
            Op::AddSet => Some(Command::AddSet),
            Op::AddTime(d) => Some(Command::AddTime(i32::from(d))),
            Op::Quit => Some(Command::Quit),
            Op::Interrupt => Some(Command::Interrupt),
        };
        let events = match command {
            Some(command) => {
                // A command does something exactly when `allowed` says so: beyond what
                // time brings, nothing when not allowed; something when an allowed one
                // always acts.
                let mut probe = session.clone();
                let due = probe.advance(t);
                let allowed = probe.allowed();
                let events = session.handle(command, t);
                if !allowed.permits(command) && !matches!(command, Command::Stalled { .. }) {
                    assert_eq!(events, due, "{command:?} not allowed");
                }
                if allowed.permits(command)
                    && matches!(
                        command,
                        Command::Advance
                            | Command::Done
                            | Command::Next
                            | Command::Previous
                            | Command::Repeat
                            | Command::AddSet
                    )
                {
                    assert!(events.len() > due.len(), "{command:?} allowed");
                }
                events
            }
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
        // Counted reps and open steps have no deadline: only the user moves them on.
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
            steps - first,
            "{record:#?}"
        );
    }
    // A record per run: every set's passes, added sets included, and every repeat.
    assert_eq!(
        record.steps.len(),
        steps - first,
        "a resumed record holds its own steps"
    );
    for (step, planned) in record.steps.iter().zip(&session.plan().steps[first..]) {
        let runs = planned.pass_count() * planned.sets + step.repeats as usize;
        assert_eq!(step.passes.len(), runs);
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
                        assert_eq!(
                            cue(event, plan).speech.as_ref().map(|s| &s.text),
                            Some(label)
                        );
                    }
                }
                (Event::Beat { .. }, _) => panic!("{event:?} outside paced reps"),
                (Event::RepCounted { rep, .. }, WorkPlan::Counted { count }) => {
                    assert!(seg.phase == Phase::Work && (1..=*count).contains(&rep));
                }
                (Event::RepCounted { .. }, _) => panic!("{event:?} outside counted reps"),
                (Event::Halfway { .. }, WorkPlan::Hold(_)) => assert_eq!(seg.phase, Phase::Work),
                (Event::Halfway { .. }, _) => panic!("{event:?} outside a hold"),
                (Event::LowerBoundReached { .. }, _) => {
                    assert_eq!(seg.phase, Phase::Work);
                    assert!(plan.steps[seg.step].enough.is_some(), "{event:?}");
                }
                (Event::Reminder { n, .. }, WorkPlan::Open { .. }) => {
                    assert_eq!(seg.phase, Phase::Work);
                    assert!(work.reminder(n).is_some(), "{event:?}");
                }
                (Event::OpenEnded { .. }, WorkPlan::Open { .. }) => {}
                (Event::Reminder { .. } | Event::OpenEnded { .. }, _) => {
                    panic!("{event:?} outside an open step")
                }
                _ => {}
            }
        }
        cue(event, plan);
    }
    describe(events, plan, limberup::figure::Library::builtin());
}
