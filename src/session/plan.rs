//! A routine turned into a timeline: concrete durations (config defaults and `--scale`
//! applied) and the ordered segments the session machine walks through.

mod build;
mod work;

use std::time::Duration;

use crate::routine::Kind;

pub(crate) use build::set_segments;
pub use work::{Enough, WorkPlan};

/// Timings a routine may leave unset; the config supplies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timings {
    pub prepare_secs: u32,
    pub rest_secs: u32,
    pub switch_secs: u32,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            prepare_secs: 5,
            rest_secs: 10,
            switch_secs: 3,
        }
    }
}

/// How a plan is derived from a routine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanOptions {
    pub timings: Timings,
    /// Multiplies every hold, rest and tempo (0.25..=4).
    pub scale: f64,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            timings: Timings::default(),
            scale: 1.0,
        }
    }
}

pub const SCALE_RANGE: std::ops::RangeInclusive<f64> = 0.25..=4.0;

/// The phases a session moves through; `Done` is the machine's, not the plan's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The get-ready countdown of a transition with no rest in it.
    Prepare,
    Work,
    Switch,
    /// A rest: a transition with a rest in it (the rest after the step before, or between
    /// rounds, then the coming step's get-ready, as one countdown); or the rest between two
    /// sets of a step.
    Rest,
}

/// Where a step stands in the session: which routine it comes from (its part), its place
/// among that routine's steps, and its round: all a front end needs to say "Warm-up · step
/// 2 of 4, round 1 of 2".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 0-based index into the plan's `parts`.
    pub part: usize,
    /// 0-based position among the routine's steps, of `steps`.
    pub number: usize,
    pub steps: usize,
    /// 0-based round, of `rounds` (1 unless the routine is a circuit).
    pub round: usize,
    pub rounds: usize,
}

/// One step with everything resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPlan {
    pub name: String,
    pub cues: Vec<String>,
    /// Pass labels; empty for a single unnamed pass.
    pub(crate) passes: Vec<String>,
    /// The work of one pass; with a range, its upper bound, which is what is planned.
    pub work: WorkPlan,
    /// A range's lower bound: once reached, the pass may end as done.
    pub enough: Option<Enough>,
    /// The get-ready time at the end of the transition into this step.
    pub prepare: Duration,
    /// The rest that leads into this step (the `rest_secs` of the step before, or the rest
    /// between rounds; zero for the first). It and `prepare` make the step's transition:
    /// one countdown that shows this step coming, a rest when this is not zero, else a
    /// get-ready.
    pub rest_before: Duration,
    pub switch: Duration,
    /// How many times all the passes run (at least 1), with `set_rest` between; sets added
    /// during the session included.
    pub sets: usize,
    pub(crate) set_rest: Duration,
    /// Sets added during the session (the last `added_sets` of `sets`).
    pub added_sets: usize,
    pub place: Place,
    /// The id of the figure that shows the move.
    pub(crate) figure: Option<String>,
    /// The index of the cue that matters most (kept when others are dropped).
    pub key_cue: Option<usize>,
}

impl StepPlan {
    pub fn pass_count(&self) -> usize {
        self.passes.len().max(1)
    }

    /// Planned time of the step from the end of its transition (counted reps count as
    /// zero): each set's passes with the switches between them, and the rests between sets.
    pub fn active_total(&self) -> Duration {
        let passes = self.pass_count() as u32;
        let sets = self.sets.max(1) as u32;
        let set = self.work.duration().unwrap_or_default() * passes + self.switch * (passes - 1);
        set * sets + self.set_rest * (sets - 1)
    }

    /// How far into a pass of timed work (a hold, paced reps) its range's lower bound is
    /// reached; `None` without a range or for counted reps, which reach it by count.
    pub(crate) fn enough_after(&self) -> Option<Duration> {
        match (self.enough?, &self.work) {
            (Enough::Time(d), WorkPlan::Hold(_)) => Some(d),
            (Enough::Reps(n), WorkPlan::Paced { tempo, .. }) => Some(tempo.saturating_mul(n)),
            _ => None,
        }
    }

    /// The transition into this step: the rest before it and its get-ready.
    pub fn transition(&self) -> Duration {
        self.rest_before + self.prepare
    }
}

/// One stretch of the timeline. Every segment belongs to one step, the transition that
/// leads into a step included, so "what comes next" and a step's record agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub phase: Phase,
    pub step: usize,
    /// The set (0-based) this segment belongs to (for a rest between sets: the set it leads
    /// into); 0 for the transition.
    pub set: usize,
    /// The pass this segment belongs to (for `Switch`: the pass it leads into).
    pub pass: usize,
    /// 0 for the planned run of its set and pass; k for the k-th time it was asked to be
    /// done again during the session (work and the switch leading into it).
    pub again: u16,
    /// `None` while counted reps wait for the user.
    pub duration: Option<Duration>,
}

impl Segment {
    /// The countdown that leads into its step (a get-ready, or a rest and a get-ready):
    /// the step has not begun.
    pub fn is_transition(&self) -> bool {
        matches!(self.phase, Phase::Prepare | Phase::Rest) && self.set == 0
    }
}

/// One routine of the session: a plan of one routine has one part, a combination (or
/// `run A B C`) one per routine.
#[derive(Debug, Clone, PartialEq)]
pub struct PartPlan {
    pub id: String,
    pub name: String,
    pub kind: Kind,
}

/// A session ready to run: one routine, or several in turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The routine's id (or the combination's; the ids joined with `+` for `run A B C`).
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// The routines run, in order; at least one.
    pub parts: Vec<PartPlan>,
    pub steps: Vec<StepPlan>,
    pub segments: Vec<Segment>,
    /// Index of each step's first segment.
    pub step_starts: Vec<usize>,
    /// Planned time of the segments after each one, so a frame costs the same for any length.
    after: Vec<Duration>,
}

impl Plan {
    /// A plan of resolved steps laid out as `segments`, with `step_starts` the index of
    /// each step's first segment.
    fn from_parts(
        id: &str,
        name: &str,
        kind: Kind,
        parts: Vec<PartPlan>,
        steps: Vec<StepPlan>,
        segments: Vec<Segment>,
        step_starts: Vec<usize>,
    ) -> Plan {
        Plan {
            after: remaining(&segments),
            id: id.to_string(),
            name: name.to_string(),
            kind,
            parts,
            steps,
            segments,
            step_starts,
        }
    }

    /// Planned duration: every timed segment (counted reps have none). Constant time, as
    /// every frame asks for it.
    pub fn total(&self) -> Duration {
        self.total_from(0)
    }

    /// Reps the user counts by key press, over all steps and passes.
    pub fn counted_reps(&self) -> u32 {
        self.steps
            .iter()
            .map(|s| match s.work {
                WorkPlan::Counted { count } => count * (s.pass_count() * s.sets) as u32,
                _ => 0,
            })
            .sum()
    }

    /// Passes of open steps (workouts timed by a stopwatch), which have no planned time
    /// and are reported apart, as counted reps are.
    pub fn open_passes(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s.work, WorkPlan::Open { .. }))
            .map(|s| s.pass_count() * s.sets)
            .sum()
    }

    /// How many steps the routine has and how many rounds it runs them (the plan's steps
    /// are every round's); for a session of several routines, the first one's.
    pub fn shape(&self) -> (usize, usize) {
        self.part_shape(0)
    }

    /// How many steps the routine of part `part` has and how many rounds it runs them.
    pub fn part_shape(&self, part: usize) -> (usize, usize) {
        self.steps
            .iter()
            .find(|s| s.place.part == part)
            .map_or((0, 1), |s| (s.place.steps, s.place.rounds))
    }

    /// The steps of every part as their routines have them (once, however many rounds).
    pub fn step_count(&self) -> usize {
        (0..self.parts.len()).map(|p| self.part_shape(p).0).sum()
    }

    /// Planned time from the start of step `step` to the end, as a session resumed there
    /// plans it (counted reps have none).
    pub fn total_from(&self, step: usize) -> Duration {
        let at = self
            .step_starts
            .get(step)
            .copied()
            .unwrap_or(self.segments.len());
        self.segments.get(at).map_or(Duration::ZERO, |first| {
            first.duration.unwrap_or_default() + self.remaining_after(at)
        })
    }

    /// Inserts `new`, segments of one step, before segment `at`, which is inside that step
    /// or just after its last segment (work added during the session). Keeps the later
    /// steps' starts and the time left after every segment right: O(segments) once per
    /// change, so a frame still costs O(1).
    pub(crate) fn insert(&mut self, at: usize, new: Vec<Segment>) {
        let Some(step) = new.first().map(|s| s.step) else {
            return;
        };
        let count = new.len();
        self.segments.splice(at..at, new);
        for start in self.step_starts.iter_mut().skip(step + 1) {
            *start += count;
        }
        self.after = remaining(&self.segments);
    }

    /// Planned time of the segments after segment `i`.
    pub(crate) fn remaining_after(&self, i: usize) -> Duration {
        self.after.get(i).copied().unwrap_or_default()
    }

    /// The segments of step `i`.
    pub fn step_segments(&self, i: usize) -> std::ops::Range<usize> {
        let start = self.step_starts[i];
        let end = self
            .step_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.segments.len());
        start..end
    }
}

/// Planned time of the segments after each one.
fn remaining(segments: &[Segment]) -> Vec<Duration> {
    let mut after = vec![Duration::ZERO; segments.len()];
    for i in (0..segments.len().saturating_sub(1)).rev() {
        after[i] = after[i + 1] + segments[i + 1].duration.unwrap_or_default();
    }
    after
}
