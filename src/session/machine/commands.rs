//! What each command does to a running session: pause and resume, skipping, going back,
//! the main action, time changes, quitting. Time itself moves in the parent module.

use std::time::{Duration, Instant};

use super::{Command, Event, MAX_LEFT, PREVIOUS_GRACE, Session};
use crate::session::plan::{Phase, WorkPlan};
use crate::session::record::{Outcome, StepRecord, StepStatus};

impl Session {
    /// Applies a command at `now` (after moving time forward to it).
    pub fn handle(&mut self, command: Command, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance_into(now, &mut events);
        if self.ended.is_some() {
            return events;
        }
        // The active instant: frozen while paused.
        let at = self.paused_since.unwrap_or(self.now);
        match command {
            Command::TogglePause if self.is_paused() => self.resume(&mut events),
            Command::TogglePause | Command::Pause => {
                if !self.is_paused() {
                    self.paused_since = Some(self.now);
                    events.push(Event::Paused);
                }
            }
            Command::Resume => self.resume(&mut events),
            Command::Next => self.skip_step(at, &mut events),
            Command::Previous => self.previous(at, &mut events),
            Command::Advance => self.advance_now(at, &mut events),
            Command::AddTime(delta) => self.add_time(delta, at, &mut events),
            Command::Quit => self.stop(Outcome::Quit, at, &mut events),
            Command::Interrupt => self.stop(Outcome::Interrupted, at, &mut events),
        }
        // Whatever is due now happens now (a phase shortened to nothing while paused).
        self.advance_into(self.now, &mut events);
        events
    }

    /// Shifts every running instant by the pause, so the pause costs nothing.
    fn resume(&mut self, events: &mut Vec<Event>) {
        let Some(since) = self.paused_since.take() else {
            return;
        };
        let shift = self.now.saturating_duration_since(since);
        self.paused_total += shift;
        self.seg_start += shift;
        self.step_start += shift;
        self.deadline = self.deadline.map(|d| d + shift);
        events.push(Event::Resumed);
    }

    fn skip_step(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        // During the rest the step is already done; skipping only cuts the rest short.
        if seg.phase != Phase::Rest {
            self.close_work(at);
            self.steps[seg.step].status = StepStatus::Skipped;
        }
        let next = self
            .plan
            .step_starts
            .get(seg.step + 1)
            .copied()
            .unwrap_or(self.plan.segments.len());
        self.enter(next, at, events);
    }

    fn previous(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        let just_started = seg.phase == Phase::Prepare
            || (seg.phase != Phase::Rest
                && at.saturating_duration_since(self.step_start) < PREVIOUS_GRACE);
        let target = if just_started {
            (0..seg.step)
                .rev()
                .find(|&s| !self.plan.step_segments(s).is_empty())
                .unwrap_or(seg.step)
        } else {
            seg.step
        };
        // The abandoned attempts are forgotten: those steps are run again from the start.
        for step in target..=seg.step {
            self.steps[step] = StepRecord::planned(&self.plan.steps[step]);
        }
        self.enter(self.plan.step_starts[target], at, events);
    }

    fn advance_now(&mut self, at: Instant, events: &mut Vec<Event>) {
        let Some(seg) = self.segment().copied() else {
            return;
        };
        match (seg.phase, &self.plan.steps[seg.step].work) {
            (Phase::Work, WorkPlan::Counted { count }) => {
                // Nothing is counted while paused.
                if self.is_paused() {
                    return;
                }
                let count = *count;
                self.counted += 1;
                events.push(Event::RepCounted { rep: self.counted });
                if self.counted >= count {
                    self.finish_segment(at, events);
                }
            }
            (Phase::Prepare | Phase::Switch | Phase::Rest, _) => self.finish_segment(at, events),
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

    /// Quit or interrupt: a step left during its work or switch counts as skipped.
    fn stop(&mut self, outcome: Outcome, at: Instant, events: &mut Vec<Event>) {
        if let Some(seg) = self.segment().copied()
            && matches!(seg.phase, Phase::Work | Phase::Switch)
        {
            self.close_work(at);
            self.steps[seg.step].status = StepStatus::Skipped;
        }
        self.finish(outcome, events);
    }
}
