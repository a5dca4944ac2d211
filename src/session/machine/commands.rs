//! What each command does to a running session: pause and resume, stalls, skipping, going
//! back, the main action, time changes, quitting. Time itself moves in the parent module.

use std::time::{Duration, Instant};

use super::{MAX_LEFT, PREVIOUS_GRACE, Session};
use crate::session::allowed::{Advance, Allowed};
use crate::session::event::{Command, Event};
use crate::session::plan::{Enough, Phase, Segment, WorkPlan};
use crate::session::record::{Outcome, StepStatus};

impl Session {
    /// What the commands would do now (at the latest instant seen).
    pub fn allowed(&self) -> Allowed {
        let Some(seg) = self.segment() else {
            return Allowed::default();
        };
        let work = &self.plan.steps[seg.step].work;
        let counted = matches!(work, WorkPlan::Counted { .. });
        let open = matches!(work, WorkPlan::Open { .. });
        let enough = self.enough_reached();
        let advance = match seg.phase {
            Phase::Prepare | Phase::Switch | Phase::Rest => Some(Advance::StartNow),
            // Nothing is counted while paused.
            Phase::Work if counted && !self.is_paused() => Some(Advance::CountRep),
            Phase::Work if open => Some(Advance::Finish),
            Phase::Work if enough && !counted => Some(Advance::MoveOn),
            Phase::Work => None,
        };
        Allowed {
            advance,
            done: seg.phase == Phase::Work && (counted || enough || open),
            running: true,
            repeat: seg.phase == Phase::Work && self.can_repeat(seg),
            add_set: self.can_add_set(seg),
            add_time: self.deadline.is_some()
                && match seg.phase {
                    Phase::Work => matches!(work, WorkPlan::Hold(_)),
                    Phase::Prepare | Phase::Rest => true,
                    Phase::Switch => false,
                },
        }
    }

    /// Applies a command at `now`, after moving time forward to it (for a stall, only to
    /// where the stall began). A command `allowed` does not permit then does nothing.
    pub fn handle(&mut self, command: Command, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        let until = match command {
            Command::Stalled { since } => since.min(now),
            _ => now,
        };
        self.advance_into(until, &mut events);
        // No segment once the session has ended: it ignores everything.
        if let Some(seg) = self.segment().copied()
            && self.allowed().permits(command)
        {
            // The active instant: frozen while paused.
            let at = self.paused_since.unwrap_or(self.now);
            match command {
                Command::TogglePause if self.is_paused() => self.resume(seg, &mut events),
                Command::TogglePause | Command::Pause => {
                    self.pause(Event::Paused(seg), &mut events)
                }
                Command::Resume => self.resume(seg, &mut events),
                Command::Next => self.skip_step(seg, at, &mut events),
                Command::Previous => self.previous(seg, at, &mut events),
                Command::Advance => self.advance_now(seg, at, &mut events),
                Command::Done => self.done(at, &mut events),
                Command::Repeat => self.repeat(seg, &mut events),
                Command::AddSet => self.add_set(seg, &mut events),
                Command::AddTime(delta) => self.add_time(seg, delta, at, &mut events),
                Command::Quit => self.stop(Outcome::Quit, at, &mut events),
                Command::Interrupt => self.stop(Outcome::Interrupted, at, &mut events),
                Command::Stalled { .. } => {
                    let lost = now.saturating_duration_since(self.now);
                    self.pause(Event::Stalled { at: seg, lost }, &mut events);
                }
            }
        }
        // Whatever is due now happens now (a phase shortened to nothing while paused); a
        // stall's lost time passes paused.
        self.advance_into(now, &mut events);
        events
    }

    /// Pauses at the latest instant seen, saying so with `event`, unless already paused.
    fn pause(&mut self, event: Event, events: &mut Vec<Event>) {
        if !self.is_paused() {
            self.paused_since = Some(self.now);
            events.push(event);
        }
    }

    /// Shifts every running instant by the pause, so the pause costs nothing.
    fn resume(&mut self, seg: Segment, events: &mut Vec<Event>) {
        let Some(since) = self.paused_since.take() else {
            return;
        };
        let shift = self.now.saturating_duration_since(since);
        self.paused_total += shift;
        self.seg_start += shift;
        self.step_start += shift;
        self.deadline = self.deadline.map(|d| d + shift);
        events.push(Event::Resumed(seg));
    }

    /// Skips the step in progress, or the step its transition leads into.
    fn skip_step(&mut self, seg: Segment, at: Instant, events: &mut Vec<Event>) {
        self.close_work(at, false, events);
        self.steps[seg.step].status = StepStatus::Skipped;
        let next = self
            .plan
            .step_starts
            .get(seg.step + 1)
            .copied()
            .unwrap_or(self.plan.segments.len());
        self.enter(next, at, events);
    }

    fn previous(&mut self, seg: Segment, at: Instant, events: &mut Vec<Event>) {
        // In its transition a step has not begun: back is the step before.
        let just_started =
            seg.is_transition() || at.saturating_duration_since(self.step_start) < PREVIOUS_GRACE;
        // Never back past where a resumed session took up: those steps are done.
        let target = if just_started {
            (self.first..seg.step)
                .rev()
                .find(|&s| !self.plan.step_segments(s).is_empty())
                .unwrap_or(seg.step)
        } else {
            seg.step
        };
        // The abandoned attempts are forgotten: those steps are run again from the start
        // (with the sets and repeats added to them).
        for step in target..=seg.step {
            self.reset_record(step);
        }
        self.enter(self.plan.step_starts[target], at, events);
    }

    fn advance_now(&mut self, seg: Segment, at: Instant, events: &mut Vec<Event>) {
        let step = &self.plan.steps[seg.step];
        match (seg.phase, &step.work) {
            (Phase::Work, WorkPlan::Counted { count }) => {
                let (count, enough) = (*count, step.enough);
                self.counted += 1;
                events.push(Event::RepCounted {
                    at: seg,
                    rep: self.counted,
                });
                if self.counted >= count {
                    self.finish_segment(at, events);
                } else if enough == Some(Enough::Reps(self.counted)) {
                    events.push(Event::LowerBoundReached { at: seg });
                }
            }
            // An open step, or past a range's lower bound (`allowed` says so): done.
            (Phase::Work, _) => self.done(at, events),
            (Phase::Prepare | Phase::Switch | Phase::Rest, _) => self.finish_segment(at, events),
        }
    }

    /// Ends the pass as done: counted reps are recorded with at least their target count
    /// (the user did the set without counting each rep); a range's pass with what was done.
    fn done(&mut self, at: Instant, events: &mut Vec<Event>) {
        let step = self.step();
        if let WorkPlan::Counted { count } = step.work {
            let target = match step.enough {
                Some(Enough::Reps(least)) => least.min(count),
                _ => count,
            };
            self.counted = self.counted.max(target);
        }
        self.close_work(at, true, events);
        self.enter(self.cursor + 1, at, events);
    }

    fn add_time(&mut self, seg: Segment, delta: i32, at: Instant, events: &mut Vec<Event>) {
        let Some(deadline) = self.deadline else {
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
        events.push(Event::TimeChanged {
            at: seg,
            left: new.saturating_duration_since(at),
        });
        if !self.is_paused() && new <= at {
            self.finish_segment(at, events);
        }
    }

    /// Quit or interrupt: a step left part-way (past its transition) was stopped, not
    /// skipped.
    fn stop(&mut self, outcome: Outcome, at: Instant, events: &mut Vec<Event>) {
        if let Some(seg) = self.segment().copied()
            && !seg.is_transition()
        {
            self.close_work(at, false, events);
            self.steps[seg.step].status = StepStatus::Stopped;
        }
        self.finish(outcome, events);
    }
}
