//! Changes made to the plan during a session: doing a pass again, adding a set. Both are
//! segments inserted into the running plan, and records of their own.

use super::Session;

/// Sets added to one step, and passes done again in it, each at most: as many sets as a
/// file may give a step.
pub const MAX_PER_STEP: usize = *crate::routine::REPEATS.end() as usize;
/// Changes (a set added, a pass done again) in one session at most. With the limits on a
/// routine's size this bounds the plan, and the record, whatever is typed; and each change
/// costs time in proportion to the plan, so a flood of them cannot cost more than this
/// many times that.
pub const MAX_CHANGES: usize = 100;
use crate::session::event::Event;
use crate::session::plan::{Phase, Segment, WorkPlan, set_segments};
use crate::session::record::{RunKey, StepRecord};

impl Session {
    /// The record of step `step` afresh, as planned now: with its added sets, and a pass
    /// record for each repeat still in the plan.
    pub(super) fn reset_record(&mut self, step: usize) {
        let repeats: Vec<RunKey> = self.plan.segments[self.plan.step_segments(step)]
            .iter()
            .filter(|s| s.phase == Phase::Work && s.again > 0)
            .map(|s| (s.set, s.pass, s.again))
            .collect();
        let (record, runs) = StepRecord::planned(&self.plan.steps[step], &repeats);
        self.steps[step] = record;
        self.runs[step] = runs;
    }

    /// Whether the work in progress can be done again or have a set added: any but an open
    /// step's, which has no end to repeat, while the session has had fewer than
    /// `MAX_CHANGES` such changes.
    fn can_change(&self, seg: &Segment) -> bool {
        !matches!(self.plan.steps[seg.step].work, WorkPlan::Open { .. })
            && self.changes < MAX_CHANGES
    }

    /// Whether the pass in progress can be done again: fewer than `MAX_PER_STEP` repeats
    /// in its step so far.
    pub(super) fn can_repeat(&self, seg: &Segment) -> bool {
        self.can_change(seg) && (self.steps[seg.step].repeats as usize) < MAX_PER_STEP
    }

    /// Whether the step in progress can have one more set: fewer than `MAX_PER_STEP`
    /// added so far.
    pub(super) fn can_add_set(&self, seg: &Segment) -> bool {
        self.can_change(seg) && self.plan.steps[seg.step].added_sets < MAX_PER_STEP
    }

    /// Queues the pass in progress once more, right after it: a switch-length pause, then
    /// the same work again.
    pub(super) fn repeat(&mut self, seg: Segment, events: &mut Vec<Event>) {
        let step = &self.plan.steps[seg.step];
        let again = self.plan.segments[self.plan.step_segments(seg.step)]
            .iter()
            .filter(|s| s.phase == Phase::Work && (s.set, s.pass) == (seg.set, seg.pass))
            .map(|s| s.again)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        let key = (seg.set, seg.pass, again);
        let mut new = Vec::new();
        let mut push = |phase, duration| {
            new.push(Segment {
                phase,
                again,
                duration,
                ..seg
            });
        };
        if !step.switch.is_zero() {
            push(Phase::Switch, Some(step.switch));
        }
        // The planned length of the pass in progress (time added to it is not repeated).
        push(Phase::Work, seg.duration);
        self.plan.insert(self.cursor + 1, new);
        self.changes += 1;
        self.steps[seg.step].add_run(&self.plan.steps[seg.step], key);
        self.runs[seg.step].push(key);
        events.push(Event::RepeatAdded { at: seg });
    }

    /// Adds one more set at the end of the step in progress, with the rest between sets
    /// before it.
    pub(super) fn add_set(&mut self, seg: Segment, events: &mut Vec<Event>) {
        let index = seg.step;
        let set = self.plan.steps[index].sets;
        let end = self.plan.step_segments(index).end;
        let step = &mut self.plan.steps[index];
        step.sets += 1;
        step.added_sets += 1;
        let new = set_segments(index, step, set);
        self.plan.insert(end, new);
        self.changes += 1;
        let step = &self.plan.steps[index];
        for pass in 0..step.pass_count() {
            self.steps[index].add_run(step, (set, pass, 0));
            self.runs[index].push((set, pass, 0));
        }
        events.push(Event::SetAdded {
            at: seg,
            sets: step.sets,
        });
    }
}
