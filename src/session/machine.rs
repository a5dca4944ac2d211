//! The session state machine. It never reads a clock: every call takes `now`, phases end at
//! absolute deadlines (the next starts at the previous deadline, so lateness never adds
//! up), a pause shifts every deadline, and `next_wakeup` says when anything visible changes.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::event::Event;
use super::plan::{Enough, Phase, Plan, Segment, StepPlan, WorkPlan};
use super::record::{Outcome, RunKey, StepRecord, StepStatus};
use super::schedule::Timing;
use super::tempo::reps_done;

mod commands;
mod live;

pub use live::{MAX_CHANGES, MAX_PER_STEP};
mod recording;

/// Time into a step within which "previous" goes back a step instead of restarting it.
pub const PREVIOUS_GRACE: Duration = Duration::from_secs(3);
const SECOND: Duration = Duration::from_secs(1);
/// `AddTime` never leaves more than this on a phase.
const MAX_LEFT: Duration = Duration::from_secs(4 * 3600);

/// A running session over one plan.
#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    started: Instant,
    started_at: DateTime<FixedOffset>,
    /// The latest time seen: time never runs backwards inside the machine.
    now: Instant,
    /// Index into `plan.segments`; `segments.len()` once finished.
    cursor: usize,
    /// The step of the current segment; once finished, the step the session ended in.
    step: usize,
    /// When the current segment began, shifted by pauses so `now - seg_start` is active time.
    seg_start: Instant,
    deadline: Option<Instant>,
    /// When the current step began, shifted by pauses like `seg_start`.
    step_start: Instant,
    paused_since: Option<Instant>,
    paused_total: Duration,
    /// Reps counted in the current counted segment.
    counted: u32,
    halfway_sent: bool,
    /// Time added and removed with `AddTime` over the session.
    added: Duration,
    removed: Duration,
    ended: Option<(Instant, Outcome)>,
    steps: Vec<StepRecord>,
    /// Which run each of a step's pass records holds, record by record.
    runs: Vec<Vec<RunKey>>,
    /// The plan's total when the session began (from `first` on), before any change made
    /// during it.
    planned: Duration,
    /// The step this session began at: 0, or where a resumed session took up. The steps
    /// before it were done in an earlier part of the session and are not this record's.
    first: usize,
    /// Sets added and passes done again so far (see `live::MAX_CHANGES`).
    changes: usize,
}

impl Session {
    /// Starts at `now` (the first segment begins at once); `started_at` is the wall time.
    /// The plan needs at least one step (every valid routine has one).
    pub fn new(
        plan: Plan,
        now: Instant,
        started_at: DateTime<FixedOffset>,
    ) -> (Session, Vec<Event>) {
        Session::resume_at(plan, 0, now, started_at)
    }

    /// Takes up a session that ended part-way at step `step` (0-based over the plan's steps;
    /// the last when past it), from the start of its get-ready (the rest before it followed
    /// a step of the earlier sitting and is not played again), at `now`.
    /// The steps before it belong to the earlier record; this one's begins at `step`, and
    /// "previous" never goes back past it.
    pub fn resume_at(
        plan: Plan,
        step: usize,
        now: Instant,
        started_at: DateTime<FixedOffset>,
    ) -> (Session, Vec<Event>) {
        let first = step.min(plan.steps.len().saturating_sub(1));
        let plan = plan.opening_at(first);
        let (steps, runs) = plan
            .steps
            .iter()
            .map(|step| StepRecord::planned(step, &[]))
            .unzip();
        let mut session = Session {
            planned: plan.total_from(first),
            first,
            runs,
            plan,
            started: now,
            started_at,
            now,
            cursor: 0,
            step: 0,
            seg_start: now,
            deadline: None,
            step_start: now,
            paused_since: None,
            paused_total: Duration::ZERO,
            counted: 0,
            halfway_sent: false,
            added: Duration::ZERO,
            removed: Duration::ZERO,
            ended: None,
            steps,
            changes: 0,
        };
        let mut events = Vec::new();
        let start = session.plan.step_starts.get(first).copied().unwrap_or(0);
        session.enter(start, now, &mut events);
        (session, events)
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.ended.map(|(_, o)| o)
    }

    /// The current segment, `None` once finished.
    pub fn segment(&self) -> Option<&Segment> {
        self.plan.segments.get(self.cursor)
    }

    /// The current step; once finished, the step the session ended in (the last one
    /// when it ran to the end).
    pub fn step_index(&self) -> usize {
        self.step
    }

    pub fn step(&self) -> &StepPlan {
        &self.plan.steps[self.step_index()]
    }

    /// Index of the current segment in the plan (`segments.len()` once finished).
    pub fn cursor_index(&self) -> usize {
        self.cursor
    }

    /// Reps counted so far in the current counted segment.
    pub fn counted(&self) -> u32 {
        self.counted
    }

    /// Whether the work in progress has reached its range's lower bound (by time for holds
    /// and paced reps, by count for counted reps), so it may end as done.
    pub fn enough_reached(&self) -> bool {
        let Some(seg) = self.segment().filter(|s| s.phase == Phase::Work) else {
            return false;
        };
        let step = &self.plan.steps[seg.step];
        match (step.enough, step.enough_after()) {
            (_, Some(after)) => {
                let at = self.paused_since.unwrap_or(self.now);
                at.saturating_duration_since(self.seg_start) >= after
            }
            (Some(Enough::Reps(n)), None) => self.counted >= n,
            _ => false,
        }
    }

    /// When the current segment ends (`None` for counted reps and once finished); while
    /// paused it is frozen relative to `effective`.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    pub fn segment_start(&self) -> Instant {
        self.seg_start
    }

    /// The instant the machine has reached (the latest `now` it was given).
    pub fn now(&self) -> Instant {
        self.now
    }

    /// `now` as the machine counts it: frozen while paused, never before the last call.
    pub fn effective(&self, now: Instant) -> Instant {
        self.paused_since.unwrap_or_else(|| now.max(self.now))
    }

    /// Active time since the start: pauses excluded.
    pub fn elapsed(&self, now: Instant) -> Duration {
        let end = self.ended.map_or_else(|| self.effective(now), |(t, _)| t);
        end.saturating_duration_since(self.started)
            .saturating_sub(self.paused_total)
    }

    pub fn paused_total(&self, now: Instant) -> Duration {
        self.paused_total
            + self.paused_since.map_or(Duration::ZERO, |p| {
                now.max(self.now).saturating_duration_since(p)
            })
    }

    /// Time added and removed with `AddTime` so far, as (added, removed).
    pub fn adjustments(&self) -> (Duration, Duration) {
        (self.added, self.removed)
    }

    /// Moves time forward to `now`, ending every phase whose deadline has passed.
    pub fn advance(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance_into(now, &mut events);
        events
    }

    /// Walks every due instant up to `now` in order; each phase ends at its deadline and the
    /// next starts there, however late the call.
    fn advance_into(&mut self, now: Instant, events: &mut Vec<Event>) {
        let now = now.max(self.now);
        while self.paused_since.is_none() && self.ended.is_none() {
            let Some(due) = self.timing().and_then(|t| t.next_due(self.now, now)) else {
                break;
            };
            if due.at > now {
                break;
            }
            self.now = self.now.max(due.at);
            for cue in due.cues {
                self.halfway_sent |= matches!(cue, Event::Halfway { .. });
                events.push(cue);
            }
            if due.ends {
                self.finish_segment(due.at, events);
            }
        }
        self.now = now;
    }

    fn timing(&self) -> Option<Timing<'_>> {
        let seg = self.segment()?;
        Some(Timing {
            segment: *seg,
            work: &self.plan.steps[seg.step].work,
            start: self.seg_start,
            deadline: self.deadline,
            halfway_sent: self.halfway_sent,
            enough_after: self.plan.steps[seg.step].enough_after(),
        })
    }

    /// Ends the current segment at `at` and starts the next one there.
    fn finish_segment(&mut self, at: Instant, events: &mut Vec<Event>) {
        self.close_work(at, false, events);
        self.enter(self.cursor + 1, at, events);
    }

    /// Records the time and reps of the current segment when it is work; `done` when the
    /// done key ended it before its end. An open step's stopwatch says how long it ran.
    fn close_work(&mut self, at: Instant, done: bool, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied().filter(|s| s.phase == Phase::Work) else {
            return;
        };
        let active = at.saturating_duration_since(self.seg_start);
        let (reps, done) = match &self.plan.steps[seg.step].work {
            WorkPlan::Hold(_) => (None, done),
            WorkPlan::Paced { count, tempo, .. } => (Some(reps_done(*tempo, *count, active)), done),
            WorkPlan::Counted { .. } => (Some(self.counted), done),
            // Done is how an open step ends: nothing early about it.
            WorkPlan::Open { .. } => {
                events.push(Event::OpenEnded { at: seg, active });
                (None, false)
            }
        };
        let key = (seg.set, seg.pass, seg.again);
        if let Some(index) = self.runs[seg.step].iter().position(|k| *k == key) {
            self.steps[seg.step].set_pass(index, active, reps, done);
        }
    }

    /// Makes `index` the current segment, starting at `at`; past the last, completes.
    fn enter(&mut self, index: usize, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.plan.segments.get(index).copied() else {
            self.settle_before(self.plan.steps.len());
            self.finish(Outcome::Completed, events);
            return;
        };
        // A step is done once the session moves past it unskipped.
        self.settle_before(seg.step);
        self.cursor = index;
        self.step = seg.step;
        self.seg_start = at;
        self.deadline = seg.duration.map(|d| at + d);
        self.counted = 0;
        self.halfway_sent = false;
        if index == self.plan.step_starts[seg.step] {
            self.step_start = at;
        }
        events.push(Event::Started(seg));
    }

    /// Marks the steps before `step` that are neither done nor skipped as done.
    fn settle_before(&mut self, step: usize) {
        for record in &mut self.steps[..step] {
            if record.status == StepStatus::NotReached {
                record.status = StepStatus::Done;
            }
        }
    }

    /// Ends the session at the latest instant seen, closing a pause still running.
    fn finish(&mut self, outcome: Outcome, events: &mut Vec<Event>) {
        let last = self.segment().copied();
        if let Some(since) = self.paused_since.take() {
            self.paused_total += self.now.saturating_duration_since(since);
        }
        self.cursor = self.plan.segments.len();
        self.deadline = None;
        self.ended = Some((self.now, outcome));
        events.push(Event::Finished { outcome, last });
    }

    /// When the next visible change is due: a second ticking over on the phase countdown,
    /// the total remaining or the elapsed clock, a cue or a phase change. `None` while
    /// paused or finished.
    pub fn next_wakeup(&self) -> Option<Instant> {
        if self.is_paused() || self.ended.is_some() {
            return None;
        }
        let t = self.now;
        let into_second =
            Duration::from_nanos((self.elapsed(t).as_nanos() % SECOND.as_nanos()) as u64);
        let mut wake = t + (SECOND - into_second);
        // An open step's stopwatch turns its seconds from its own start.
        if let Some(seg) = self.segment()
            && seg.phase == Phase::Work
            && matches!(self.step().work, WorkPlan::Open { .. })
        {
            let into = t.saturating_duration_since(self.seg_start);
            let into_second = Duration::from_nanos((into.as_nanos() % SECOND.as_nanos()) as u64);
            wake = wake.min(t + (SECOND - into_second));
        }
        if let Some(deadline) = self.deadline {
            let end = deadline + self.plan.remaining_after(self.cursor);
            wake = wake
                .min(countdown_tick(deadline, t))
                .min(countdown_tick(end, t));
        }
        if let Some(due) = self.timing().and_then(|timing| timing.next_due(t, t)) {
            wake = wake.min(due.at);
        }
        Some(wake.max(t))
    }
}

/// The next instant after `t` at which a countdown to `end`, shown in whole seconds
/// rounded up, changes: with 4.3 s left it shows 5 until 4 s are left.
fn countdown_tick(end: Instant, t: Instant) -> Instant {
    let left = end.saturating_duration_since(t);
    let shown_after = (left.as_nanos().saturating_sub(1) / SECOND.as_nanos()) as u32;
    end - SECOND * shown_after
}
