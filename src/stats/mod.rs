//! `limberup history`: totals per day folded from the record stream (constant memory at
//! any history size), then the streak, weekly totals and heatmap computed from them. The
//! computations take `today` and a time zone so tests never depend on the clock.

mod heatmap;
mod report;

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate, TimeZone};

use crate::session::{Outcome, SessionRecord};

pub use heatmap::{WEEKS, heatmap};
pub use report::{command, render};

/// Sessions and time over some span (a day, a week, all of it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub sessions: u32,
    pub completed: u32,
    pub active: Duration,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.sessions += other.sessions;
        self.completed += other.completed;
        self.active += other.active;
    }
}

/// Everything the report needs, folded from the records one at a time.
#[derive(Debug, Default)]
pub struct Stats {
    /// Per local date of the session's start.
    pub days: BTreeMap<NaiveDate, Totals>,
    /// The `keep` records that started last, oldest first (the file is in order of ending,
    /// and hand-merged files may be in any order).
    pub recent: Vec<SessionRecord>,
    keep: usize,
}

/// Days in a row with a completed session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// Up to today, or to yesterday while today has none yet (the day is not over).
    pub current: u32,
    pub longest: u32,
}

impl Stats {
    /// Keeps the last `keep` records for the list of recent sessions.
    pub fn new(keep: usize) -> Stats {
        Stats {
            keep,
            ..Stats::default()
        }
    }

    /// Adds one record, dated in `tz` (the user's local time in the app).
    pub fn add<Tz: TimeZone>(&mut self, record: SessionRecord, tz: &Tz) {
        let day = date_in(&record, tz);
        let totals = self.days.entry(day).or_default();
        totals.sessions += 1;
        totals.completed += u32::from(record.outcome == Outcome::Completed);
        totals.active += Duration::from_secs_f64(record.active_secs.max(0.0));
        let at = self
            .recent
            .partition_point(|r| r.started_at <= record.started_at);
        if self.recent.len() < self.keep {
            self.recent.insert(at, record);
        } else if at > 0 {
            self.recent.insert(at, record);
            self.recent.remove(0);
        }
    }

    pub fn total(&self) -> Totals {
        let mut total = Totals::default();
        for day in self.days.values() {
            total.add(day);
        }
        total
    }

    pub fn streak(&self, today: NaiveDate) -> Streak {
        let done = |d: &NaiveDate| self.days.get(d).is_some_and(|t| t.completed > 0);
        let mut longest = 0;
        let mut run = 0;
        let mut previous: Option<NaiveDate> = None;
        for (day, _) in self.days.iter().filter(|(d, _)| done(d)) {
            run = match previous {
                Some(p) if p.succ_opt() == Some(*day) => run + 1,
                _ => 1,
            };
            longest = longest.max(run);
            previous = Some(*day);
        }
        let mut day = if done(&today) {
            today
        } else {
            today.pred_opt().unwrap_or(today)
        };
        let mut current = 0;
        while done(&day) {
            current += 1;
            match day.pred_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        Streak { current, longest }
    }

    /// Totals per week (weeks start on Monday), oldest first, from the week holding `from`
    /// to the week holding `today`; weeks without sessions are included, as zeros.
    pub fn weeks(&self, from: NaiveDate, today: NaiveDate) -> Vec<(NaiveDate, Totals)> {
        let mut weeks = Vec::new();
        let mut monday = week_start(from.min(today));
        let last = week_start(today);
        while monday <= last {
            let end = monday + Days::new(7);
            let mut totals = Totals::default();
            for (_, day) in self.days.range(monday..end) {
                totals.add(day);
            }
            weeks.push((monday, totals));
            monday = end;
        }
        weeks
    }
}

/// The date a session counts for: the local date it started.
pub fn date_in<Tz: TimeZone>(record: &SessionRecord, tz: &Tz) -> NaiveDate {
    record.started_at.with_timezone(tz).date_naive()
}

/// The Monday of the week holding `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}
