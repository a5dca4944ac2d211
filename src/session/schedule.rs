//! What falls due inside one segment: tempo beats, a range's lower bound, an open step's
//! reminders, "halfway", the last seconds and the deadline, found as the earliest instant
//! after a given one with everything due then.

use std::time::{Duration, Instant};

use super::event::Event;
use super::plan::{Phase, Segment, WorkPlan};

/// Holds at least this long announce their halfway point.
const HALFWAY_MIN: Duration = Duration::from_secs(20);
/// Seconds left that are announced (only when the phase is longer: none at its start).
const SECONDS_LEFT: [u32; 4] = [10, 3, 2, 1];

/// The timing of the segment in progress.
pub(super) struct Timing<'a> {
    /// The segment in progress; every cue belongs to it.
    pub(crate) segment: Segment,
    pub(crate) work: &'a WorkPlan,
    /// When the segment began, shifted by pauses, so `t - start` is active time.
    pub(crate) start: Instant,
    pub(crate) deadline: Option<Instant>,
    pub(crate) halfway_sent: bool,
    /// How far into the work a range's lower bound is reached (timed work only).
    pub(crate) enough_after: Option<Duration>,
}

/// Everything due at one instant.
#[derive(Debug)]
pub(super) struct Due {
    pub(crate) at: Instant,
    /// Cues in the order they are announced.
    pub(crate) cues: Vec<Event>,
    /// The deadline: the segment ends at `at` (no cue shares that instant).
    pub(crate) ends: bool,
}

impl Timing<'_> {
    /// The earliest instant after `t` at which something is due. Cues due at the same
    /// instant come together (a 20 s hold is halfway with ten seconds left), so none is
    /// lost. The deadline is due even when already past: nothing ever skips it. Work with
    /// no deadline (counted reps, an open step) has only its cues. Reminders passed over
    /// on the way to `until` are said once, the latest: they have nothing to count, and a
    /// long leap must not make a flood of them.
    pub(crate) fn next_due(&self, t: Instant, until: Instant) -> Option<Due> {
        let cues: Vec<(Instant, Event)> = self
            .cues(t, until)
            .into_iter()
            .filter(|(at, _)| *at > t && self.deadline.is_none_or(|d| *at < d))
            .collect();
        match cues.iter().map(|(at, _)| *at).min() {
            Some(at) => Some(Due {
                at,
                cues: cues
                    .iter()
                    .filter(|(when, _)| *when == at)
                    .map(|(_, event)| *event)
                    .collect(),
                ends: false,
            }),
            None => self.deadline.map(|at| Due {
                at,
                cues: Vec::new(),
                ends: true,
            }),
        }
    }

    /// The cues of this segment worth considering after `t` (reminders: the latest by
    /// `until` if later than the next), in announcement order.
    fn cues(&self, t: Instant, until: Instant) -> Vec<(Instant, Event)> {
        let mut cues = Vec::new();
        let at = self.segment;
        let into = t.saturating_duration_since(self.start);
        // Said before the beat of the rep that follows it, as it comes first in the words.
        if at.phase == Phase::Work
            && let Some(when) = self.enough_after.and_then(|d| self.start.checked_add(d))
        {
            cues.push((when, Event::LowerBoundReached { at }));
        }
        match (at.phase, self.work) {
            (Phase::Work, WorkPlan::Paced { .. }) => {
                if let Some((offset, rep, phase)) = self.work.rep().and_then(|r| r.next_beat(into))
                    && let Some(when) = self.start.checked_add(offset)
                {
                    cues.push((when, Event::Beat { at, rep, phase }));
                }
            }
            (
                Phase::Work,
                WorkPlan::Open {
                    remind_every: Some(every),
                    ..
                },
            ) if !every.is_zero() => {
                // The next whole multiple of the interval after `t`, or the last by `until`.
                let by_until = until.saturating_duration_since(self.start).as_nanos();
                let n = (into.as_nanos() / every.as_nanos() + 1).max(by_until / every.as_nanos());
                let offset = u64::try_from(n * every.as_nanos()).map(Duration::from_nanos);
                if let (Ok(n), Ok(offset)) = (u32::try_from(n), offset)
                    && let Some(when) = self.start.checked_add(offset)
                {
                    cues.push((when, Event::Reminder { at, n }));
                }
            }
            (Phase::Switch, _)
            | (Phase::Work, WorkPlan::Counted { .. } | WorkPlan::Open { .. }) => {}
            (phase, work) => {
                let Some(deadline) = self.deadline else {
                    return cues;
                };
                let total = deadline.saturating_duration_since(self.start);
                let hold = phase == Phase::Work && matches!(work, WorkPlan::Hold(_));
                if hold && total >= HALFWAY_MIN && !self.halfway_sent {
                    let half = total / 2;
                    let left = total - half;
                    cues.push((self.start + half, Event::Halfway { at, left }));
                }
                for n in SECONDS_LEFT {
                    let left = Duration::from_secs(u64::from(n));
                    if left < total {
                        cues.push((deadline - left, Event::SecondsLeft { at, secs: n }));
                    }
                }
            }
        }
        cues
    }
}
