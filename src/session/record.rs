//! What a session leaves behind: the record the history stores, one per session.
//! Times are seconds as floats (millisecond precision) so the JSON reads naturally.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::plan::{Enough, StepPlan, WorkPlan};
use crate::routine::RanAt;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The last step ended (some may have been skipped).
    Completed,
    /// The user quit.
    Quit,
    /// A signal (Ctrl-C, SIGTERM, SIGHUP) ended it.
    Interrupted,
}

/// How far a step got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Done,
    Skipped,
    /// The session ended (quit or interrupted) in the middle of this step.
    Stopped,
    #[default]
    NotReached,
}

/// One pass of a step ("Left") in one of its sets, with the time actually spent working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The set (1-based) this pass belongs to; absent in the history when it is the first.
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub set: u32,
    pub active_secs: f64,
    /// Planned work time; absent for counted reps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_secs: Option<f64>,
    /// Reps done (paced: completed by the tempo; counted: key presses, or the target
    /// count when the set was marked done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    /// Ended with the done key rather than by its time or its last rep (for a range: after
    /// its lower bound, before its upper).
    #[serde(default, skip_serializing_if = "is_false")]
    pub marked_done: bool,
    /// A range of reps ("10-15"): its lower and upper bound; `reps` is what was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps_range: Option<[u32; 2]>,
    /// A range of seconds ("20-30 s"): its bounds; `active_secs` is what was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secs_range: Option<[f64; 2]>,
    /// Added during the session to do this pass again: the n-th time (0, absent, for the
    /// planned run).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repeat: u32,
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

fn first() -> u32 {
    1
}

fn is_first(value: &u32) -> bool {
    *value == 1
}

impl Default for PassRecord {
    fn default() -> PassRecord {
        PassRecord {
            label: None,
            set: 1,
            active_secs: 0.0,
            planned_secs: None,
            reps: None,
            marked_done: false,
            reps_range: None,
            secs_range: None,
            repeat: 0,
        }
    }
}

/// Which run of a step's work a pass record holds: its set, its pass, and which repeat of
/// them (0: the planned run). The machine keeps one per record, in the same order.
pub(super) type RunKey = (usize, usize, u16);

/// One step of the session, in one round (a circuit of two rounds records each step twice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub name: String,
    /// The part (1-based) of a session of several routines: an index into the record's
    /// `parts`; absent in the history for the first (and for a session of one routine).
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub part: u32,
    /// The round (1-based); absent in the history when the routine runs once.
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub round: u32,
    pub status: StepStatus,
    /// Work time over all passes.
    pub active_secs: f64,
    /// Every planned pass and run added in the session; in the history, only those begun.
    #[serde(default)]
    pub passes: Vec<PassRecord>,
    /// Sets added during the session (their passes are among `passes`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_sets: u32,
    /// Passes done again during the session (each one a pass record of its own).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repeats: u32,
}

impl StepRecord {
    /// A step not reached yet: an empty pass record per set and pass, then one per run in
    /// `repeats`; with the key of each record, in the same order.
    pub(super) fn planned(step: &StepPlan, repeats: &[RunKey]) -> (StepRecord, Vec<RunKey>) {
        let keys: Vec<RunKey> = (0..step.sets.max(1))
            .flat_map(|set| (0..step.pass_count()).map(move |pass| (set, pass, 0)))
            .chain(repeats.iter().copied())
            .collect();
        let record = StepRecord {
            name: step.name.clone(),
            part: u32::try_from(step.place.part + 1).unwrap_or(u32::MAX),
            round: u32::try_from(step.place.round + 1).unwrap_or(u32::MAX),
            status: StepStatus::NotReached,
            active_secs: 0.0,
            passes: keys.iter().map(|key| pass_record(step, *key)).collect(),
            extra_sets: u32::try_from(step.added_sets).unwrap_or(u32::MAX),
            repeats: u32::try_from(repeats.len()).unwrap_or(u32::MAX),
        };
        (record, keys)
    }

    /// A run added during the session: its record, not done yet.
    pub(super) fn add_run(&mut self, step: &StepPlan, key: RunKey) {
        self.passes.push(pass_record(step, key));
        match key.2 {
            0 => self.extra_sets = u32::try_from(step.added_sets).unwrap_or(u32::MAX),
            _ => self.repeats += 1,
        }
    }

    /// Records the work of the pass record at `index` and keeps the step's total in step
    /// with it.
    pub(super) fn set_pass(
        &mut self,
        index: usize,
        active: Duration,
        reps: Option<u32>,
        done: bool,
    ) {
        if let Some(record) = self.passes.get_mut(index) {
            record.active_secs = secs(active);
            record.reps = reps;
            record.marked_done = done;
        }
        let total: f64 = self.passes.iter().map(|p| p.active_secs).sum();
        self.active_secs = (total * 1000.0).round() / 1000.0;
    }
}

impl Default for StepRecord {
    fn default() -> StepRecord {
        StepRecord {
            name: String::new(),
            part: 1,
            round: 1,
            status: StepStatus::default(),
            active_secs: 0.0,
            passes: Vec::new(),
            extra_sets: 0,
            repeats: 0,
        }
    }
}

/// The empty record of run `key` of `step`: its label, set, repeat, plan and range.
fn pass_record(step: &StepPlan, (set, pass, again): RunKey) -> PassRecord {
    let (reps_range, secs_range) = match (step.enough, &step.work) {
        (Some(Enough::Reps(least)), WorkPlan::Paced { count, .. })
        | (Some(Enough::Reps(least)), WorkPlan::Counted { count }) => (Some([least, *count]), None),
        (Some(Enough::Time(least)), WorkPlan::Hold(most)) => {
            (None, Some([secs(least), secs(*most)]))
        }
        _ => (None, None),
    };
    PassRecord {
        label: step.passes.get(pass).cloned(),
        set: u32::try_from(set + 1).unwrap_or(u32::MAX),
        planned_secs: step.work.duration().map(secs),
        reps_range,
        secs_range,
        repeat: u32::from(again),
        ..PassRecord::default()
    }
}

/// Names one session in the history, so a later line (the check-in answer, a resumed
/// session's next part) can refer to it. Random, not a timestamp: wall clocks repeat.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub String);

impl SessionId {
    /// A fresh id: 64 random bits as 16 hex digits. std's `RandomState` is seeded from the
    /// OS's randomness, so no extra crate is needed; the counter keeps two ids from one
    /// process apart even if its keys repeat.
    pub fn new() -> SessionId {
        use std::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut hasher = std::hash::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u32(std::process::id());
        SessionId(format!("{:016x}", hasher.finish()))
    }
}

impl Default for SessionId {
    fn default() -> SessionId {
        SessionId::new()
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One routine of a session of several (a combination, or `run A B C`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRecord {
    pub routine_id: String,
    pub routine_name: String,
}

/// The whole session, as stored in the history. A session resumed after it ended part-way
/// is a record of its own that `resumes` the first one: together they are one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Absent in records written before ids existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<SessionId>,
    pub routine_id: String,
    pub routine_name: String,
    pub started_at: DateTime<FixedOffset>,
    pub ended_at: DateTime<FixedOffset>,
    pub outcome: Outcome,
    /// Time the session ran, pauses excluded.
    pub active_secs: f64,
    pub paused_secs: f64,
    pub planned_secs: f64,
    /// The routines of a session of several, in order (the steps say which is theirs);
    /// absent for a session of one routine.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartRecord>,
    /// The level each progressing routine of the session ran at; absent when none
    /// progresses. `progress` derives every routine's level from these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<RanAt>,
    /// For a session resumed after it ended part-way: the id of its first record, which
    /// holds the steps before this one's first. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resumes: Option<SessionId>,
    /// The step (1-based, over every step of every part and round) this record's steps
    /// start at: where a resumed session took up; absent for 1.
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub from_step: u32,
    /// What happened to each step, from `from_step` on; in the history, only the steps
    /// reached.
    #[serde(default)]
    pub steps: Vec<StepRecord>,
    /// The history left out the passes, or the steps, of a session too large for one line.
    #[serde(default, skip_serializing_if = "is_false")]
    pub trimmed: bool,
    /// Back pain 0 (fine) to 10 (sharp), from the optional check-in. New histories store
    /// the answer as a line of its own (`history` joins it back here); older ones have it
    /// inside the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<u8>,
}

impl SessionRecord {
    /// The record with an id, a new one unless it has one: a record needs one before it
    /// is saved, for the lines that will refer to it.
    pub(crate) fn identified(mut self) -> SessionRecord {
        self.id.get_or_insert_with(SessionId::new);
        self
    }

    pub fn count(&self, status: StepStatus) -> usize {
        self.steps.iter().filter(|s| s.status == status).count()
    }

    /// Reps over all steps and passes.
    pub fn reps(&self) -> u32 {
        self.steps
            .iter()
            .flat_map(|s| &s.passes)
            .filter_map(|p| p.reps)
            .sum()
    }
}

/// Seconds rounded to the millisecond.
pub(crate) fn secs(d: Duration) -> f64 {
    (d.as_secs_f64() * 1000.0).round() / 1000.0
}
