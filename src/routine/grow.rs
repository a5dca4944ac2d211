//! How a routine grows (opt-in): explicit levels, or a rule per step with a ceiling. Level 1
//! is always the routine as written (or a pyramid's first stage); `progress` picks the level.

use serde::{Deserialize, Serialize};

use super::model::Work;

/// A routine's levels: `levels` (2 onward, each changing some steps) or `rules` (each
/// step's own growth per level, up to its ceiling); exactly one of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progression {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

/// One level after the first: what it changes from the routine as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Change>,
}

/// A step's work or sets at one level; `step` counts from 1, as errors name steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub step: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<Work>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
}

/// How one step (from 1) grows at each level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub step: usize,
    pub by: Growth,
}

/// One level's growth of a step, never past its ceiling `up_to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Growth {
    /// `add` reps a level (counts of `Reps`).
    Reps { add: u32, up_to: u32 },
    /// `add` seconds a level (seconds of a `Hold`).
    Hold { add: u32, up_to: u32 },
    /// One more set a level.
    Sets { up_to: u32 },
    /// A descending pyramid of reps, one stage a level: `[[3, 2, 1], [6, 4, 2]]` runs the
    /// step as 3 reps, 2, then 1 at level 1; 6, 4, 2 at level 2.
    Pyramid { stages: Vec<Vec<u32>> },
}

/// The level a progressing routine ran at, as a session record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RanAt {
    pub routine: String,
    pub level: u32,
}

/// More levels than any routine needs; a bound on what one file can ask for.
pub const MAX_LEVELS: u32 = 20;

impl Progression {
    /// How many levels there are, the first included (at least 1).
    pub fn count(&self, steps: &[super::Step]) -> u32 {
        let by_rules = self
            .rules
            .iter()
            .map(|rule| {
                steps
                    .get(rule.step.wrapping_sub(1))
                    .map_or(0, |s| rule.by.steps_to_ceiling(s))
            })
            .max()
            .unwrap_or(0);
        let levels = u32::try_from(self.levels.len()).unwrap_or(u32::MAX);
        1u32.saturating_add(levels.max(by_rules))
    }
}

impl Growth {
    /// How many levels up it takes `step` to reach this growth's ceiling (0: already there).
    pub(crate) fn steps_to_ceiling(&self, step: &super::Step) -> u32 {
        let climb = |from: u32, add: u32, to: u32| to.saturating_sub(from).div_ceil(add.max(1));
        match (self, &step.work) {
            (Growth::Reps { add, up_to }, Work::Reps { count, .. }) => climb(*count, *add, *up_to),
            (Growth::Hold { add, up_to }, Work::Hold { secs, .. }) => climb(*secs, *add, *up_to),
            (Growth::Sets { up_to }, _) => climb(step.sets.unwrap_or(1), 1, *up_to),
            (Growth::Pyramid { stages }, _) => {
                u32::try_from(stages.len().saturating_sub(1)).unwrap_or(u32::MAX)
            }
            _ => 0,
        }
    }
}

impl super::Routine {
    /// How many levels the routine has: 1 when it does not progress.
    pub fn level_count(&self) -> u32 {
        self.progression
            .as_ref()
            .map_or(1, |p| p.count(&self.steps))
    }

    /// The routine as it runs at `level` (from 1; past the last, the last): the levels'
    /// changes up to it in order, or each rule applied `level - 1` times up to its ceiling.
    /// A pyramid turns its step into one step per set of the stage, so each set has its own
    /// count of reps. The result no longer progresses (it is one level).
    pub fn at_level(&self, level: u32) -> super::Routine {
        let mut routine = self.clone();
        let Some(progression) = routine.progression.take() else {
            return routine;
        };
        let ups = level.clamp(1, progression.count(&self.steps)) - 1;
        for change in progression.levels.iter().take(ups as usize) {
            routine.rounds = change.rounds.or(routine.rounds);
            for step in &change.steps {
                if let Some(target) = routine.steps.get_mut(step.step.wrapping_sub(1)) {
                    target.work = step.work.clone().unwrap_or_else(|| target.work.clone());
                    target.sets = step.sets.or(target.sets);
                }
            }
        }
        let mut pyramids = Vec::new();
        for rule in &progression.rules {
            let Some(step) = routine.steps.get_mut(rule.step.wrapping_sub(1)) else {
                continue;
            };
            match (&rule.by, &mut step.work) {
                (
                    Growth::Reps { add, up_to },
                    Work::Reps {
                        count,
                        up_to: range,
                        ..
                    },
                ) => {
                    *count = grown(*count, *add, ups, *up_to);
                    *range = range.map(|r| r.max(*count));
                }
                (Growth::Hold { add, up_to }, Work::Hold { secs, up_to: range }) => {
                    *secs = grown(*secs, *add, ups, *up_to);
                    *range = range.map(|r| r.max(*secs));
                }
                (Growth::Sets { up_to }, _) => {
                    step.sets = Some(grown(step.sets.unwrap_or(1), 1, ups, *up_to));
                }
                (Growth::Pyramid { stages }, _) => {
                    let last = stages.len().saturating_sub(1);
                    if let Some(stage) = stages.get((ups as usize).min(last)) {
                        pyramids.push((rule.step - 1, stage.clone()));
                    }
                }
                _ => {}
            }
        }
        // From the last step back, so the indices of the earlier ones hold.
        pyramids.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
        for (i, stage) in pyramids {
            let step = routine.steps.remove(i);
            let sets: Vec<super::Step> = stage
                .iter()
                .enumerate()
                .map(|(n, reps)| {
                    let mut set = step.clone();
                    set.sets = None;
                    if let Work::Reps { count, up_to, .. } = &mut set.work {
                        *count = *reps;
                        *up_to = None;
                    }
                    if n + 1 < stage.len() {
                        set.rest_secs = step.set_rest_secs.or(step.rest_secs);
                    }
                    set
                })
                .collect();
            routine.steps.splice(i..i, sets);
        }
        routine
    }
}

/// `start` grown by `add` `times` times, never past `ceiling` (nor below `start`).
fn grown(start: u32, add: u32, times: u32, ceiling: u32) -> u32 {
    start
        .saturating_add(add.saturating_mul(times))
        .min(ceiling.max(start))
}
