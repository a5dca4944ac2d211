//! The history's records joined into sessions: a record that `resumes` an earlier one adds
//! its steps, time and end to it, the way `history` counts the two as one session.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone};

use crate::session::{Outcome, SessionId, SessionRecord};
use crate::stats::date_in;

/// One session: its first record with every later part's steps, time, outcome, end and
/// check-in folded in.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    pub session: SessionRecord,
    /// History records it was made of: 1, or more for a resumed session.
    pub records: u32,
}

/// The sessions read so far, in the order their first records came. An export needs every
/// session at once (a resumed part may come any time later), so they are kept in memory:
/// a session is a few hundred bytes, ten years of daily sessions a few MB.
#[derive(Debug, Default)]
pub struct Sessions {
    list: Vec<Joined>,
    /// Where each session that has an id is in `list`, for the parts that resume it.
    by_id: HashMap<SessionId, usize>,
}

impl Sessions {
    /// Adds a record: a later part joins the session it resumes when that one was read;
    /// any other record (even one resuming a session not in the file) is a session.
    pub fn add(&mut self, record: SessionRecord) {
        if let Some(&at) = record.resumes.as_ref().and_then(|id| self.by_id.get(id)) {
            join(&mut self.list[at], record);
            return;
        }
        if let Some(id) = &record.id {
            self.by_id.insert(id.clone(), self.list.len());
        }
        self.list.push(Joined {
            session: record,
            records: 1,
        });
    }

    /// The sessions whose first start falls on or after `since` in `tz`, by start time.
    pub fn since<Tz: TimeZone>(self, since: Option<NaiveDate>, tz: &Tz) -> Vec<Joined> {
        let mut list: Vec<Joined> = self
            .list
            .into_iter()
            .filter(|j| since.is_none_or(|d| date_in(&j.session, tz) >= d))
            .collect();
        list.sort_by_key(|j| j.session.started_at);
        list
    }
}

/// Folds the later part `part` into `joined`: its steps replace the first's from where it
/// took up, and its end, outcome and check-in become the session's.
fn join(joined: &mut Joined, part: SessionRecord) {
    let first = &mut joined.session;
    let kept = part.from_step.saturating_sub(first.from_step) as usize;
    first.steps.truncate(kept);
    first.steps.extend(part.steps);
    first.active_secs += part.active_secs;
    first.paused_secs += part.paused_secs;
    first.ended_at = first.ended_at.max(part.ended_at);
    // A completed part completes the session; a later stray part cannot undo that.
    if first.outcome != Outcome::Completed {
        first.outcome = part.outcome;
    }
    first.check_in = part.check_in.or(first.check_in);
    joined.records = joined.records.saturating_add(1);
}
