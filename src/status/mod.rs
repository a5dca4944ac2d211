//! The running session's status for status bars and hooks: a small JSON file written
//! atomically at each phase change (never each second), read by `limberup status`. Where a
//! phase ends is stored as a wall-clock instant, so a reader computes the time left itself.

mod command;
mod file;
mod show;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

pub use command::{Style, command};
pub use file::{clear, read, status_file, write};
pub use show::{DEFAULT_FORMAT, Line, left, render};

use crate::session::{Phase, Segment, Session};

/// What a status bar shows of a session: where it is and when the phase ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// The process running the session: a file left by one that died is not shown.
    pub pid: u32,
    /// The session's name (the routine's, or a combination's).
    pub session: String,
    /// The routine the current step comes from.
    pub routine: String,
    /// 1-based part and the number of parts, in a session of several routines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<[usize; 2]>,
    pub step: String,
    /// 1-based place of the step among its routine's steps, and how many there are.
    pub step_number: [usize; 2],
    /// The pass's label ("Left") when the step has named passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// `prepare`, `work`, `switch`, `rest`; `done` once the session has ended.
    pub phase: String,
    pub paused: bool,
    /// The rep in progress (or counted) and the count, during reps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rep: Option<[u32; 2]>,
    /// When the phase ends, while it runs on time (not for counted reps, nor paused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<DateTime<Utc>>,
    /// Seconds the phase has left, frozen while paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_secs: Option<u64>,
    /// How long the phase runs in all, in seconds (for a bar's percentage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_secs: Option<u64>,
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Prepare => "prepare",
        Phase::Work => "work",
        Phase::Switch => "switch",
        Phase::Rest => "rest",
    }
}

impl Status {
    /// The session as it stands at its latest instant, `wall` being that instant's wall time.
    pub fn of(session: &Session, wall: DateTime<FixedOffset>) -> Status {
        let now = session.now();
        let view = session.view(now);
        let mut status = Status::at(session, session.segment().copied());
        status.paused = view.paused;
        status.rep = view.reps.as_ref().map(|r| [r.current, r.count]);
        status.left_secs = view.remaining.map(crate::session::ceil_secs);
        status.ends_at = view
            .remaining
            .filter(|_| !view.paused && view.outcome.is_none())
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .map(|d| wall.with_timezone(&Utc) + d);
        if view.outcome.is_some() {
            status.phase = "done".into();
        }
        status
    }

    /// What the plan says of `segment` (the session's step when there is none): names and
    /// phase, nothing of time.
    pub fn at(session: &Session, segment: Option<Segment>) -> Status {
        let plan = session.plan();
        let index = segment.map_or(session.step_index(), |s| s.step);
        let step = plan.steps.get(index).unwrap_or(session.step());
        let parts = plan.parts.len();
        Status {
            pid: std::process::id(),
            session: plan.name.clone(),
            routine: plan
                .parts
                .get(step.place.part)
                .map_or_else(|| plan.name.clone(), |p| p.name.clone()),
            part: (parts > 1).then_some([step.place.part + 1, parts]),
            step: step.name.clone(),
            step_number: [step.place.number + 1, step.place.steps],
            side: segment.and_then(|s| step.passes.get(s.pass).cloned()),
            phase: segment.map_or("done", |s| phase_name(s.phase)).into(),
            paused: false,
            rep: None,
            ends_at: None,
            left_secs: None,
            phase_secs: segment
                .and_then(|s| s.duration)
                .map(crate::session::ceil_secs),
        }
    }
}
