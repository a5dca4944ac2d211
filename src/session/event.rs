//! What goes into the session machine (commands from keys, lines and signals) and what comes
//! out (events, each saying which segment of the plan it belongs to). Shared by the machine
//! and its schedule, so neither imports the other.

use std::time::Duration;

use super::plan::Segment;
use super::record::Outcome;

/// What the user (or a signal) asks of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    TogglePause,
    Pause,
    Resume,
    /// Skip the rest of this step.
    Next,
    /// Restart this step, or go back one when it has just started.
    Previous,
    /// The main action: count a rep (counted reps), or end get-ready, switch or rest now.
    Advance,
    /// Lengthen (positive) or shorten the current hold, rest or get-ready, in seconds.
    AddTime(i32),
    Quit,
    Interrupt,
}

/// Something that happened, in time order, for bells, speech and plain-text lines. Each
/// carries the segment it belongs to, so it can be told from the plan alone, whatever the
/// session went on to do later in the same batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A segment began (also after a skip or restart).
    Started(Segment),
    /// A paced rep's part began (rep is 1-based, `phase` indexes the step's phase labels; 0
    /// when it has none); not sent for the first, which `Started` covers.
    Beat {
        at: Segment,
        rep: u32,
        phase: usize,
    },
    RepCounted {
        at: Segment,
        rep: u32,
    },
    /// Half of a hold of 20 s or more is done; `left` is the time still to go.
    Halfway {
        at: Segment,
        left: Duration,
    },
    /// This many whole seconds remain of a hold, rest or get-ready (10, 3, 2, 1).
    SecondsLeft {
        at: Segment,
        secs: u32,
    },
    /// `AddTime` changed the deadline; `left` is the time then left (zero when it ended the
    /// segment, which the next event then says).
    TimeChanged {
        at: Segment,
        left: Duration,
    },
    Paused(Segment),
    Resumed(Segment),
    /// The session ended in `last` (the final segment when it ran to the end; `None` only
    /// for a plan with nothing to do).
    Finished {
        outcome: Outcome,
        last: Option<Segment>,
    },
}

impl Event {
    /// The segment this event belongs to.
    pub fn segment(&self) -> Option<Segment> {
        match *self {
            Event::Started(at)
            | Event::Beat { at, .. }
            | Event::RepCounted { at, .. }
            | Event::Halfway { at, .. }
            | Event::SecondsLeft { at, .. }
            | Event::TimeChanged { at, .. }
            | Event::Paused(at)
            | Event::Resumed(at) => Some(at),
            Event::Finished { last, .. } => last,
        }
    }
}
