//! The session state machine. It never reads a clock: every call takes `now`, phases end at
//! absolute deadlines (the next starts at the previous deadline, so lateness never adds
//! up), a pause shifts every deadline, and `next_wakeup` says when anything visible changes.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::plan::{Phase, Plan, Segment, StepPlan, WorkPlan};
use super::record::{Outcome, PassRecord, SessionRecord, StepRecord, StepStatus, secs};

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

/// Something that happened, in time order, for bells, speech and plain-text lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A segment began (also after a skip or restart).
    Started(Segment),
    /// A paced rep's phase began (rep is 1-based); not sent for the first, which `Started` covers.
    Beat {
        rep: u32,
        phase: usize,
    },
    RepCounted {
        rep: u32,
    },
    /// Half of a hold of 20 s or more is done.
    Halfway,
    /// This many whole seconds remain of a hold, rest or get-ready (10, 3, 2, 1).
    SecondsLeft(u32),
    TimeChanged,
    Paused,
    Resumed,
    Finished(Outcome),
}

/// Time into a step within which "previous" goes back a step instead of restarting it.
pub const PREVIOUS_GRACE: Duration = Duration::from_secs(3);
const HALFWAY_MIN: Duration = Duration::from_secs(20);
const SECONDS_LEFT: [u32; 4] = [10, 3, 2, 1];
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
    /// When the current segment began, shifted by pauses so `now - seg_start` is active time.
    seg_start: Instant,
    deadline: Option<Instant>,
    step_start: Instant,
    paused_since: Option<Instant>,
    paused_total: Duration,
    /// Reps counted in the current counted segment.
    counted: u32,
    halfway_sent: bool,
    /// Net seconds added with `AddTime` over the session (for the remaining total).
    added: Duration,
    removed: Duration,
    ended: Option<(Instant, Outcome)>,
    steps: Vec<StepRecord>,
}

impl Session {
    /// Starts at `now` (the first segment begins at once); `started_at` is the wall time.
    pub fn new(
        plan: Plan,
        now: Instant,
        started_at: DateTime<FixedOffset>,
    ) -> (Session, Vec<Event>) {
        let steps = plan
            .steps
            .iter()
            .map(|s| StepRecord {
                name: s.name.clone(),
                status: StepStatus::NotReached,
                active_secs: 0.0,
                passes: pass_records(s),
            })
            .collect();
        let mut session = Session {
            plan,
            started: now,
            started_at,
            now,
            cursor: 0,
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
        };
        let mut events = Vec::new();
        session.enter(0, now, &mut events);
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

    /// The current step (the last one once finished).
    pub fn step_index(&self) -> usize {
        self.segment()
            .map_or(self.plan.steps.len().saturating_sub(1), |s| s.step)
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

    /// Seconds added minus seconds removed with `AddTime`, as (added, removed).
    pub fn adjustments(&self) -> (Duration, Duration) {
        (self.added, self.removed)
    }

    /// Moves time forward to `now`, ending every phase whose deadline has passed.
    pub fn advance(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance_into(now, &mut events);
        events
    }

    fn advance_into(&mut self, now: Instant, events: &mut Vec<Event>) {
        let now = now.max(self.now);
        if self.paused_since.is_some() || self.ended.is_some() {
            self.now = now;
            return;
        }
        while let Some((at, event)) = self.next_event_after(self.now) {
            if at > now {
                break;
            }
            self.now = at;
            match event {
                None => self.finish_segment(at, events),
                Some(Event::Halfway) => {
                    self.halfway_sent = true;
                    events.push(Event::Halfway);
                }
                Some(event) => events.push(event),
            }
            if self.ended.is_some() {
                break;
            }
        }
        self.now = self.now.max(now);
    }

    /// The first cue strictly after `t` in the current segment; `None` as the event means the
    /// segment's deadline.
    fn next_event_after(&self, t: Instant) -> Option<(Instant, Option<Event>)> {
        let seg = self.segment()?;
        let mut best: Option<(Instant, Option<Event>)> = self.deadline.map(|d| (d, None));
        let mut offer = |at: Instant, event: Event| {
            if at > t && best.is_none_or(|(b, _)| at < b) {
                best = Some((at, Some(event)));
            }
        };
        if let Some(deadline) = self.deadline {
            let total = deadline.saturating_duration_since(self.seg_start);
            let counts_down = seg.phase != Phase::Switch
                && !matches!(self.step().work, WorkPlan::Paced { .. } if seg.phase == Phase::Work);
            if counts_down {
                for n in SECONDS_LEFT {
                    let left = SECOND * n;
                    if left < total
                        && let Some(at) = deadline.checked_sub(left)
                    {
                        offer(at, Event::SecondsLeft(n));
                    }
                }
            }
            if seg.phase == Phase::Work
                && matches!(self.step().work, WorkPlan::Hold(_))
                && total >= HALFWAY_MIN
                && !self.halfway_sent
            {
                offer(self.seg_start + total / 2, Event::Halfway);
            }
        }
        if let (Phase::Work, WorkPlan::Paced { tempo, phases, .. }) = (seg.phase, &self.step().work)
            && let Some((at, rep, phase)) = next_beat(self.seg_start, *tempo, phases.len(), t)
        {
            offer(at, Event::Beat { rep, phase });
        }
        best
    }

    /// Ends the current segment at `at` and starts the next one there.
    fn finish_segment(&mut self, at: Instant, events: &mut Vec<Event>) {
        self.close_work(at, false);
        self.enter(self.cursor + 1, at, events);
    }

    /// Records the work time of the current segment when it is a work segment.
    fn close_work(&mut self, at: Instant, cut_short: bool) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        if seg.phase != Phase::Work {
            return;
        }
        let active = at.saturating_duration_since(self.seg_start);
        let reps = match &self.plan.steps[seg.step].work {
            WorkPlan::Hold(_) => None,
            WorkPlan::Paced { count, tempo, .. } => {
                let done = active.as_nanos() / tempo.as_nanos().max(1);
                Some(done.min(u128::from(*count)) as u32)
            }
            WorkPlan::Counted { .. } => Some(self.counted),
        };
        let record = &mut self.steps[seg.step];
        record.passes[seg.pass].active_secs = secs(active);
        record.passes[seg.pass].reps = reps;
        record.active_secs = secs(
            record
                .passes
                .iter()
                .map(|p| Duration::from_secs_f64(p.active_secs))
                .sum(),
        );
        if cut_short {
            record.status = StepStatus::Skipped;
        }
    }

    /// Makes `index` the current segment, starting at `at`.
    fn enter(&mut self, index: usize, at: Instant, events: &mut Vec<Event>) {
        let previous_step = self.segment().map(|s| s.step);
        self.cursor = index;
        self.seg_start = at;
        self.counted = 0;
        self.halfway_sent = false;
        let Some(seg) = self.segment().copied() else {
            self.deadline = None;
            if let Some(step) = previous_step {
                self.mark_done(step);
            }
            self.ended = Some((at, Outcome::Completed));
            events.push(Event::Finished(Outcome::Completed));
            return;
        };
        if let Some(step) = previous_step.filter(|&s| s != seg.step) {
            self.mark_done(step);
        }
        if index == self.plan.step_starts[seg.step] {
            self.step_start = at;
        }
        if seg.phase == Phase::Rest {
            self.mark_done(seg.step);
        }
        self.deadline = seg.duration.map(|d| at + d);
        events.push(Event::Started(seg));
    }

    fn mark_done(&mut self, step: usize) {
        let record = &mut self.steps[step];
        if record.status == StepStatus::NotReached {
            record.status = StepStatus::Done;
        }
    }

    /// Applies a command at `now` (after moving time forward to it).
    pub fn handle(&mut self, command: Command, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance_into(now, &mut events);
        if self.ended.is_some() {
            return events;
        }
        let at = self.effective(now);
        match command {
            Command::TogglePause if self.is_paused() => self.resume(now, &mut events),
            Command::TogglePause | Command::Pause => {
                if !self.is_paused() {
                    self.paused_since = Some(self.now);
                    events.push(Event::Paused);
                }
            }
            Command::Resume => self.resume(now, &mut events),
            Command::Next => self.skip_step(at, &mut events),
            Command::Previous => self.previous(at, &mut events),
            Command::Advance => self.advance_now(at, &mut events),
            Command::AddTime(delta) => self.add_time(delta, at, &mut events),
            Command::Quit => self.stop(Outcome::Quit, at, &mut events),
            Command::Interrupt => self.stop(Outcome::Interrupted, at, &mut events),
        }
        events
    }

    fn resume(&mut self, now: Instant, events: &mut Vec<Event>) {
        let Some(since) = self.paused_since.take() else {
            return;
        };
        let now = now.max(self.now);
        let shift = now.saturating_duration_since(since);
        self.paused_total += shift;
        self.seg_start += shift;
        self.step_start += shift;
        self.deadline = self.deadline.map(|d| d + shift);
        self.now = now;
        events.push(Event::Resumed);
    }

    fn skip_step(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        if seg.phase != Phase::Rest {
            self.close_work(at, true);
            let record = &mut self.steps[seg.step];
            if record.status != StepStatus::Done {
                record.status = StepStatus::Skipped;
            }
        }
        let next = self
            .plan
            .step_starts
            .get(seg.step + 1)
            .copied()
            .unwrap_or(self.plan.segments.len());
        self.enter(next, at, events);
        if self.is_paused() {
            self.paused_since = Some(at);
        }
    }

    fn previous(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        let just_started = seg.phase == Phase::Prepare
            || (seg.phase != Phase::Rest
                && at.saturating_duration_since(self.step_start) < PREVIOUS_GRACE);
        let target = if just_started {
            seg.step.saturating_sub(1)
        } else {
            seg.step
        };
        for step in target..=seg.step {
            let plan_step = &self.plan.steps[step];
            self.steps[step].status = StepStatus::NotReached;
            self.steps[step].active_secs = 0.0;
            self.steps[step].passes = pass_records(plan_step);
        }
        let first = self.plan.step_starts[target];
        // Entering directly: the abandoned attempt is neither done nor skipped.
        self.cursor = first;
        self.seg_start = at;
        self.step_start = at;
        self.counted = 0;
        self.halfway_sent = false;
        let seg = self.plan.segments[first];
        self.deadline = seg.duration.map(|d| at + d);
        events.push(Event::Started(seg));
    }

    fn advance_now(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        match (seg.phase, &self.plan.steps[seg.step].work) {
            (Phase::Work, WorkPlan::Counted { count }) => {
                let count = *count;
                if self.is_paused() {
                    return;
                }
                self.counted += 1;
                events.push(Event::RepCounted { rep: self.counted });
                if self.counted >= count {
                    self.finish_segment(at, events);
                }
            }
            (Phase::Prepare | Phase::Switch | Phase::Rest, _) => {
                self.finish_segment(at, events);
                if self.is_paused() {
                    self.paused_since = Some(at);
                }
            }
            (Phase::Work, _) => {}
        }
    }

    fn add_time(&mut self, delta: i32, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        let adjustable = match seg.phase {
            Phase::Work => matches!(self.plan.steps[seg.step].work, WorkPlan::Hold(_)),
            Phase::Prepare | Phase::Rest => true,
            Phase::Switch => false,
        };
        let Some(deadline) = self.deadline.filter(|_| adjustable) else {
            return;
        };
        let amount = Duration::from_secs(u64::from(delta.unsigned_abs()));
        let new = if delta >= 0 {
            let room = (at + MAX_LEFT).saturating_duration_since(deadline);
            let amount = amount.min(room);
            self.added += amount;
            deadline + amount
        } else {
            let new = deadline.checked_sub(amount).unwrap_or(at).max(at);
            self.removed += deadline - new;
            new
        };
        self.deadline = Some(new);
        events.push(Event::TimeChanged);
        if !self.is_paused() && new <= at {
            self.finish_segment(at, events);
        }
    }

    fn stop(&mut self, outcome: Outcome, at: Instant, events: &mut Vec<Event>) {
        if let Some(seg) = self.segment().copied()
            && seg.phase != Phase::Rest
        {
            self.close_work(at, false);
            let record = &mut self.steps[seg.step];
            if record.status == StepStatus::NotReached && record.active_secs > 0.0 {
                record.status = StepStatus::Skipped;
            }
        }
        // A pause running when the session stops counts as paused time up to the stop.
        if let Some(since) = self.paused_since.take() {
            self.paused_total += self.now.saturating_duration_since(since);
        }
        self.deadline = None;
        self.ended = Some((self.now, outcome));
        events.push(Event::Finished(outcome));
    }

    /// When the next visible change (a second ticking over, a phase, a tempo beat) is due;
    /// `None` while paused, finished, or waiting on the user with nothing moving.
    pub fn next_wakeup(&self) -> Option<Instant> {
        if self.is_paused() || self.ended.is_some() {
            return None;
        }
        let t = self.now;
        let elapsed = self.elapsed(t);
        let into_second = Duration::from_nanos((elapsed.as_nanos() % SECOND.as_nanos()) as u64);
        let mut wake = t + (SECOND - into_second);
        if let Some(deadline) = self.deadline {
            let left = deadline.saturating_duration_since(t);
            let whole = (left.as_nanos().saturating_sub(1) / SECOND.as_nanos()) as u32;
            wake = wake.min(deadline - SECOND * whole);
        }
        if let Some((at, _)) = self.next_event_after(t) {
            wake = wake.min(at);
        }
        Some(wake.max(t))
    }

    /// The record so far; `ended_at` is the wall time of the end (or of now, if running).
    pub fn record(&self, ended_at: DateTime<FixedOffset>) -> SessionRecord {
        let now = self.ended.map_or(self.now, |(t, _)| t);
        let outcome = self.outcome().unwrap_or(Outcome::Interrupted);
        SessionRecord {
            routine_id: self.plan.id.clone(),
            routine_name: self.plan.name.clone(),
            started_at: self.started_at,
            ended_at,
            outcome,
            active_secs: secs(self.elapsed(now)),
            paused_secs: secs(self.paused_total(now)),
            planned_secs: secs(self.plan.total()),
            steps: self.steps.clone(),
            check_in: None,
        }
    }
}

fn pass_records(step: &StepPlan) -> Vec<PassRecord> {
    (0..step.pass_count())
        .map(|i| PassRecord {
            label: step.passes.get(i).cloned(),
            active_secs: 0.0,
            planned_secs: step.work.duration().map(secs),
            reps: None,
        })
        .collect()
}

/// Start of beat `m` (rep `m / n`, phase `m % n`) of paced reps begun at `start`.
fn beat_at(start: Instant, tempo: Duration, phases: usize, m: u64) -> Option<Instant> {
    let n = phases.max(1) as u64;
    let rep = u32::try_from(m / n).ok()?;
    let part = tempo.checked_mul(u32::try_from(m % n).ok()?)? / n as u32;
    start
        .checked_add(tempo.checked_mul(rep)?)?
        .checked_add(part)
}

/// The first beat strictly after `t`, as (instant, 1-based rep, phase index).
pub(crate) fn next_beat(
    start: Instant,
    tempo: Duration,
    phases: usize,
    t: Instant,
) -> Option<(Instant, u32, usize)> {
    let n = phases.max(1) as u64;
    let into = t.saturating_duration_since(start).as_nanos();
    let guess = (into * u128::from(n) / tempo.as_nanos().max(1)) as u64;
    (guess..guess + 3).find_map(|m| {
        let at = beat_at(start, tempo, phases, m)?;
        (at > t).then(|| (at, (m / n) as u32 + 1, (m % n) as usize))
    })
}

/// The beat in progress at `t`, as (1-based rep, phase index).
pub(crate) fn beat_now(start: Instant, tempo: Duration, phases: usize, t: Instant) -> (u32, usize) {
    let n = phases.max(1) as u64;
    match next_beat(start, tempo, phases, t) {
        Some((_, rep, phase)) => {
            let m = (u64::from(rep) - 1) * n + phase as u64;
            let prev = m.saturating_sub(1);
            ((prev / n) as u32 + 1, (prev % n) as usize)
        }
        None => (1, 0),
    }
}
