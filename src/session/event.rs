//! What goes into the session machine (commands from keys, lines and signals) and what comes
//! out (events, each saying which segment of the plan it belongs to). Shared by the machine
//! and its schedule, so neither imports the other.

use std::time::{Duration, Instant};

use super::plan::Segment;
use super::record::Outcome;

/// A wake-up this far past due means the process did not run (stopped with SIGSTOP, a
/// suspended VM, a machine too loaded to schedule it): that time is a pause, not activity.
pub const STALL: Duration = Duration::from_secs(2);

/// What the user (or a signal, or the front end's clock) asks of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    TogglePause,
    Pause,
    Resume,
    /// Skip the rest of this step.
    Next,
    /// Restart this step, or go back one when it has just started.
    Previous,
    /// The main action: count a rep (counted reps), end get-ready, switch or rest now, or
    /// end a range's pass as done once its lower bound is reached.
    Advance,
    /// Do the pass in progress once more, right after it (after a switch-length pause).
    Repeat,
    /// Add one more set to the step in progress, after its last, with a set rest before it.
    AddSet,
    /// The pass is done: ends counted reps at once, recorded with their target count (so
    /// a set need not be counted rep by rep), or a range once its lower bound is reached.
    Done,
    /// Lengthen (positive) or shorten the current hold, rest or get-ready, in seconds.
    AddTime(i32),
    Quit,
    Interrupt,
    /// The process did not run from `since` until now: what was due up to `since` happens,
    /// then the session pauses there, so the lost time is paused time and nothing is skipped.
    Stalled {
        since: Instant,
    },
}

impl Command {
    /// What waking at `now` from a sleep until `due` (a `next_wakeup`) tells the machine: a
    /// stall since `due` when the wake-up is more than `STALL` late, otherwise nothing.
    pub fn after_sleep(due: Instant, now: Instant) -> Option<Command> {
        (now.saturating_duration_since(due) > STALL).then_some(Command::Stalled { since: due })
    }
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
    /// A range's lower bound is reached ("10 done: keep going to 15"): the pass runs on to
    /// its upper bound, or ends as done with Enter.
    LowerBoundReached {
        at: Segment,
    },
    /// An open step's reminder, the `n`-th (1-based: `n` intervals in); its text is the
    /// step's reminders in turn.
    Reminder {
        at: Segment,
        n: u32,
    },
    /// An open step's stopwatch stopped after `active` (the user was done, skipped on, or
    /// quit).
    OpenEnded {
        at: Segment,
        active: Duration,
    },
    /// The pass in progress will be done once more, after it.
    RepeatAdded {
        at: Segment,
    },
    /// The step in progress has one more set: `sets` in all now.
    SetAdded {
        at: Segment,
        sets: usize,
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
    /// The session paused itself after a stall of `lost`.
    Stalled {
        at: Segment,
        lost: Duration,
    },
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
            | Event::LowerBoundReached { at }
            | Event::Reminder { at, .. }
            | Event::OpenEnded { at, .. }
            | Event::RepeatAdded { at }
            | Event::SetAdded { at, .. }
            | Event::Halfway { at, .. }
            | Event::SecondsLeft { at, .. }
            | Event::TimeChanged { at, .. }
            | Event::Paused(at)
            | Event::Resumed(at)
            | Event::Stalled { at, .. } => Some(at),
            Event::Finished { last, .. } => last,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_wake_up_more_than_the_stall_late_is_a_stall() {
        let due = Instant::now();
        let ms = Duration::from_millis;
        for (late, stalled) in [(0, false), (1999, false), (2000, false), (2001, true)] {
            let got = Command::after_sleep(due, due + ms(late));
            let want = stalled.then_some(Command::Stalled { since: due });
            assert_eq!(got, want, "{late} ms late");
        }
        // Woken early (input arrived): nothing.
        assert_eq!(Command::after_sleep(due + ms(5000), due), None);
    }
}
