//! Shared helpers for the session tests: routine builders and a driver that runs a session
//! on an injected clock (a base `Instant` plus offsets; nothing ever sleeps).

#![allow(dead_code)]

pub mod strategies;
pub mod timeline;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone};
use limberup::routine::{Entry, Kind, Lineup, RepPhase, Routine, Source, Step, Work};
use limberup::session::{
    Command, Event, Outcome, Phase, Plan, PlanOptions, Segment, Session, StepStatus, Timings, View,
};

/// Milliseconds from seconds, so tables can say `2.5`.
pub fn s(secs: f64) -> Duration {
    Duration::from_millis((secs * 1000.0).round() as u64)
}

pub fn wall(hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(2 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 14, hour, 0, 0)
        .unwrap()
}

fn step(name: &str, work: Work, passes: &[&str]) -> Step {
    Step {
        passes: passes.iter().map(|p| p.to_string()).collect(),
        ..Step::new(name, work)
    }
}

/// An open step: a stopwatch until Enter, with `reminders` every `every_mins` minutes.
pub fn open(name: &str, every_mins: Option<u32>, reminders: &[&str]) -> Step {
    step(
        name,
        Work::Open {
            remind_every_mins: every_mins,
            reminders: reminders.iter().map(|r| r.to_string()).collect(),
        },
        &[],
    )
}

/// `step` run in `sets` sets with `rest` seconds between them.
pub fn sets(step: Step, sets: u32, rest: u32) -> Step {
    Step {
        sets: Some(sets),
        set_rest_secs: Some(rest),
        ..step
    }
}

pub fn hold(name: &str, secs: u32, passes: &[&str]) -> Step {
    step(name, Work::Hold { secs, up_to: None }, passes)
}

pub fn paced(name: &str, count: u32, tempo: f64, phases: &[&str], passes: &[&str]) -> Step {
    step(
        name,
        Work::Reps {
            count,
            up_to: None,
            tempo_secs: Some(tempo),
            phases: phases.iter().map(|p| RepPhase::label(*p)).collect(),
        },
        passes,
    )
}

/// Paced reps whose phases each give their seconds (no tempo: the rep is their sum).
pub fn timed(name: &str, count: u32, phases: &[(&str, f64)], passes: &[&str]) -> Step {
    step(
        name,
        Work::Reps {
            count,
            up_to: None,
            tempo_secs: None,
            phases: phases
                .iter()
                .map(|(label, secs)| RepPhase::timed(*label, *secs))
                .collect(),
        },
        passes,
    )
}

pub fn counted(name: &str, count: u32, passes: &[&str]) -> Step {
    step(
        name,
        Work::Reps {
            count,
            up_to: None,
            tempo_secs: None,
            phases: Vec::new(),
        },
        passes,
    )
}

/// A routine with the given get-ready, rest and switch times.
pub fn routine(prepare: u32, rest: u32, switch: u32, steps: Vec<Step>) -> Routine {
    Routine {
        prepare_secs: Some(prepare),
        rest_secs: Some(rest),
        switch_secs: Some(switch),
        ..Routine::new("Test", Kind::Other, steps)
    }
}

/// `routine` run `rounds` times as a circuit, with `rest` seconds between rounds.
pub fn rounds(routine: Routine, rounds: u32, rest: u32) -> Routine {
    Routine {
        rounds: Some(rounds),
        round_rest_secs: Some(rest),
        ..routine
    }
}

pub fn plan(routine: &Routine, scale: f64) -> Plan {
    Plan::new(
        "test",
        routine,
        &PlanOptions {
            timings: Timings::default(),
            scale,
        },
    )
}

/// The plan of `routines` run in turn as one session, `between` seconds of rest between
/// two parts (as a combination's `rest_secs`).
pub fn session_plan(routines: &[Routine], between: u32, scale: f64) -> Plan {
    let parts = routines
        .iter()
        .enumerate()
        .map(|(i, routine)| Entry {
            id: format!("part-{i}"),
            routine: routine.clone(),
            source: Source::BuiltIn,
        })
        .collect();
    let lineup = Lineup {
        id: "session".into(),
        name: "Session".into(),
        kind: Kind::Other,
        rest_secs: Some(between),
        parts,
        levels: Vec::new(),
    };
    Plan::session(
        &lineup,
        &PlanOptions {
            timings: Timings::default(),
            scale,
        },
    )
}

/// A session on an injected clock, logging every event with the offset it was seen at.
pub struct Run {
    pub s: Session,
    pub t0: Instant,
    pub log: Vec<(Duration, Event)>,
}

impl Run {
    pub fn new(routine: &Routine) -> Run {
        Run::with_plan(plan(routine, 1.0))
    }

    pub fn with_plan(plan: Plan) -> Run {
        let t0 = Instant::now();
        let (s, events) = Session::new(plan, t0, wall(7));
        let mut run = Run {
            s,
            t0,
            log: Vec::new(),
        };
        run.note(Duration::ZERO, events);
        run
    }

    fn note(&mut self, at: Duration, events: Vec<Event>) -> Vec<Event> {
        self.log.extend(events.iter().map(|e| (at, *e)));
        events
    }

    pub fn t(&self, secs: f64) -> Instant {
        self.t0 + s(secs)
    }

    /// The machine's current instant as an offset from the start.
    pub fn now(&self) -> Duration {
        self.s.now() - self.t0
    }

    pub fn at(&mut self, secs: f64) -> Vec<Event> {
        let events = self.s.advance(self.t(secs));
        self.note(s(secs), events)
    }

    pub fn cmd(&mut self, command: Command, secs: f64) -> Vec<Event> {
        let events = self.s.handle(command, self.t(secs));
        self.note(s(secs), events)
    }

    pub fn view(&self) -> View<'_> {
        self.s.view(self.s.now())
    }

    /// The plan's segment with this phase, step and pass.
    pub fn seg(&self, phase: Phase, step: usize, pass: usize) -> Segment {
        *self
            .s
            .plan()
            .segments
            .iter()
            .find(|g| (g.phase, g.step, g.pass) == (phase, step, pass))
            .expect("no such segment in the plan")
    }

    /// The current segment (the session must be running).
    pub fn here(&self) -> Segment {
        *self.s.segment().expect("a running session")
    }

    /// Offset of the current segment's start.
    pub fn seg_start(&self) -> Duration {
        self.s.segment_start() - self.t0
    }

    /// Offset of the current deadline.
    pub fn deadline(&self) -> Option<Duration> {
        self.s.deadline().map(|d| d - self.t0)
    }

    /// Advances to each wakeup until the session ends (or `limit` wakeups pass).
    pub fn run_out(&mut self, limit: usize) {
        for _ in 0..limit {
            let Some(wake) = self.s.next_wakeup() else {
                return;
            };
            let events = self.s.advance(wake);
            self.note(wake - self.t0, events);
        }
    }

    /// Events logged at or after `from` seconds.
    pub fn log_since(&self, from: f64) -> Vec<(Duration, Event)> {
        self.log
            .iter()
            .copied()
            .filter(|(t, _)| *t >= s(from))
            .collect()
    }
}

/// What a person sees change (continuous progress bars left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Visible {
    pub phase: Option<Phase>,
    /// An open step's stopwatch, in whole seconds.
    pub stopwatch_secs: Option<u64>,
    pub step: usize,
    pub pass: Option<usize>,
    pub remaining_secs: Option<u64>,
    pub rep: Option<(u32, Option<String>)>,
    pub elapsed_secs: u64,
    pub remaining_total_secs: u64,
    pub paused: bool,
}

pub fn visible(v: &View<'_>) -> Visible {
    Visible {
        phase: v.phase,
        stopwatch_secs: v.stopwatch.map(|w| w.elapsed.as_secs()),
        step: v.step_index,
        pass: v.pass.map(|p| p.0),
        remaining_secs: v.remaining_secs,
        rep: v
            .reps
            .as_ref()
            .map(|r| (r.current, r.label.map(str::to_string))),
        elapsed_secs: v.elapsed.as_secs(),
        remaining_total_secs: limberup::session::ceil_secs(v.remaining_total),
        paused: v.paused,
    }
}

/// A: 30 s per side with 5 s get-ready and switch, 10 s rest; then B, C (140 s planned).
/// A get-ready 0-5, Left 5-35, switch 35-40, Right 40-70, rest 70-80,
/// B get-ready 80-85, work 85-105, rest 105-115, C get-ready 115-120, work 120-140.
pub fn sides() -> Run {
    Run::new(&routine(
        5,
        10,
        5,
        vec![
            hold("A", 30, &["Left", "Right"]),
            hold("B", 20, &[]),
            hold("C", 20, &[]),
        ],
    ))
}

/// When and how the session ended, from the log.
pub fn finished_at(run: &Run) -> Option<(Duration, Outcome)> {
    run.log.iter().find_map(|(t, e)| match e {
        Event::Finished { outcome, .. } => Some((*t, *outcome)),
        _ => None,
    })
}

/// The end, as the machine says it.
pub fn finished(outcome: Outcome, last: Segment) -> Event {
    Event::Finished {
        outcome,
        last: Some(last),
    }
}

/// A single hold of `secs` with no get-ready.
pub fn single_hold(secs: u32) -> Run {
    Run::new(&routine(0, 0, 0, vec![hold("H", secs, &[])]))
}

/// Step statuses as a record taken now would have them (a running session is recorded as
/// if interrupted now: a step in its work or switch shows as stopped).
pub trait StatusList {
    fn steps_status(&self) -> Vec<StepStatus>;
}

impl StatusList for Session {
    fn steps_status(&self) -> Vec<StepStatus> {
        self.record(wall(8))
            .steps
            .iter()
            .map(|s| s.status)
            .collect()
    }
}
