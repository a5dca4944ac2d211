//! Sessions resumed after they ended part-way: each later record `resumes` the first, and
//! the chain counts as one session, dated by the first record's start (a session begun
//! before midnight and resumed after it is the first day's). Records stream in file order,
//! so the first records that may be resumed are remembered, a bounded number of them.

use std::collections::{HashMap, VecDeque};

use chrono::{NaiveDate, TimeZone};

use super::date_in;
use crate::session::{Outcome, SessionId, SessionRecord};

/// First records remembered: far more unfinished sessions than are ever resumed out of
/// order, and a bound on memory however long the history. A record resuming one forgotten
/// counts as a session of its own.
pub const REMEMBERED: usize = 4096;

/// The first record of a chain, as far as the totals need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// The local date the chain counts for.
    pub(crate) day: NaiveDate,
    /// Whether a part of the chain has completed (it is counted completed once).
    pub(crate) completed: bool,
}

/// What a record is to the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A session of its own (or the first of a chain), on its own start's date.
    Own(NaiveDate),
    /// A later part of the chain whose first record is `head` (as it was before this part).
    Part(Head),
}

impl Link {
    /// The date the record counts for.
    pub(crate) fn day(self) -> NaiveDate {
        match self {
            Link::Own(day) => day,
            Link::Part(head) => head.day,
        }
    }
}

/// The chains seen so far.
#[derive(Debug, Default)]
pub struct Chains {
    heads: HashMap<SessionId, Head>,
    /// Ids in the order remembered, to forget the oldest first.
    order: VecDeque<SessionId>,
}

impl Chains {
    /// Where `record` belongs, remembering it when it may be resumed later (it has an id
    /// and did not complete) and noting a chain's completion.
    pub(crate) fn link<Tz: TimeZone>(&mut self, record: &SessionRecord, tz: &Tz) -> Link {
        let completed = record.outcome == Outcome::Completed;
        if let Some(head) = record
            .resumes
            .as_ref()
            .and_then(|id| self.heads.get_mut(id))
        {
            let before = *head;
            head.completed |= completed;
            return Link::Part(before);
        }
        let day = date_in(record, tz);
        if let (Some(id), false) = (&record.id, completed) {
            if self.order.len() >= REMEMBERED
                && let Some(oldest) = self.order.pop_front()
            {
                self.heads.remove(&oldest);
            }
            self.heads.insert(
                id.clone(),
                Head {
                    day,
                    completed: false,
                },
            );
            self.order.push_back(id.clone());
        }
        Link::Own(day)
    }
}
