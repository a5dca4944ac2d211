//! What a session leaves behind: its record, taken when it ends (or as if interrupted now,
//! for a crash), with the parts of a session of several routines and, for a resumed one,
//! only the steps from where it took up.

use chrono::{DateTime, FixedOffset};

use super::Session;
use crate::session::event::Command;
use crate::session::record::{PartRecord, SessionRecord, secs};

impl Session {
    /// The step this session began at (see `resume_at`).
    pub fn first_step(&self) -> usize {
        self.first
    }

    /// The record of the session; `ended_at` is the wall time of the end. A session still
    /// running is recorded as if interrupted at the latest instant seen, step in progress
    /// included. A resumed session's record holds the steps from where it took up.
    pub fn record(&self, ended_at: DateTime<FixedOffset>) -> SessionRecord {
        let Some((end, outcome)) = self.ended else {
            let mut stopped = self.clone();
            stopped.handle(Command::Interrupt, self.now);
            return stopped.record(ended_at);
        };
        let parts = match self.plan.parts.as_slice() {
            [_] => Vec::new(),
            parts => parts
                .iter()
                .map(|p| PartRecord {
                    routine_id: p.id.clone(),
                    routine_name: p.name.clone(),
                })
                .collect(),
        };
        SessionRecord {
            id: None,
            routine_id: self.plan.id.clone(),
            routine_name: self.plan.name.clone(),
            started_at: self.started_at,
            ended_at,
            outcome,
            active_secs: secs(self.elapsed(end)),
            paused_secs: secs(self.paused_total(end)),
            planned_secs: secs(self.planned),
            parts,
            levels: Vec::new(),
            resumes: None,
            from_step: u32::try_from(self.first + 1).unwrap_or(u32::MAX),
            steps: self.steps[self.first..].to_vec(),
            check_in: None,
            trimmed: false,
        }
    }
}
