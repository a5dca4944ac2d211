//! One routine's events from the history: its sessions (a resumed session joined to the
//! record it takes up, as one session) and the manual changes, in time order.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::rule::{Event, Ran};
use super::{Action, Manual};
use crate::session::{Outcome, SessionRecord};

/// The history as progression reads it: every record and every manual change.
#[derive(Debug, Default, Clone)]
pub struct Known {
    pub records: Vec<SessionRecord>,
    pub manual: Vec<Manual>,
}

/// Reads the whole history at `path` for progression (a missing file is an empty one).
pub fn known(path: &std::path::Path) -> Result<Known, crate::history::HistoryError> {
    let mut known = Known::default();
    let mut manual = Vec::new();
    crate::history::read_with_progress(path, |r| known.records.push(r), &mut |m| manual.push(m))?;
    known.manual = manual;
    Ok(known)
}

/// The events of routine `id` in `known`, oldest first: each session that ran it at a
/// recorded level (the day it started, its outcome and check-in those of its last
/// record when resumed), and each manual change. Ties keep the file's order.
pub fn events(known: &Known, id: &str) -> Vec<Event> {
    let mut timed: Vec<(DateTime<FixedOffset>, Event)> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for record in &known.records {
        let first = record
            .resumes
            .as_ref()
            .and_then(|first| by_id.get(first.0.as_str()).copied());
        if let Some(i) = first {
            if let (_, Event::Session(ran)) = &mut timed[i] {
                ran.completed = record.outcome == Outcome::Completed;
                ran.check_in = record.check_in.or(ran.check_in);
            }
            continue;
        }
        let Some(level) = record
            .levels
            .iter()
            .find(|l| l.routine == id)
            .map(|l| l.level)
        else {
            continue;
        };
        if let Some(own) = &record.id {
            by_id.insert(own.0.as_str(), timed.len());
        }
        let ran = Ran {
            day: record.started_at.date_naive(),
            level,
            completed: record.outcome == Outcome::Completed,
            check_in: record.check_in,
        };
        timed.push((record.started_at, Event::Session(ran)));
    }
    for change in known.manual.iter().filter(|m| m.routine == id) {
        let day = change.at.date_naive();
        let event = match change.action {
            Action::Set(level) => Event::Set { day, level },
            Action::Reset => Event::Reset { day },
        };
        timed.push((change.at, event));
    }
    timed.sort_by_key(|(at, _)| *at);
    timed.into_iter().map(|(_, e)| e).collect()
}
