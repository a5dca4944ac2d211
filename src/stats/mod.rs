//! `limberup history`: totals per day folded from the record stream (constant memory at
//! any history size), then the streak, weekly totals and heatmap computed from them. The
//! computations take `today` and a time zone so tests never depend on the clock.

mod chain;
mod command;
mod heatmap;
mod report;

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};

use crate::session::{Outcome, SessionRecord};

pub use chain::{Chains, Head, Link, REMEMBERED};
pub use command::{Request, command, write_report};
pub use heatmap::{MARGIN, MONTHS, WEEKS, first_shown, heatmap, month_row};
pub use report::{WIDTH, render};

/// Sessions and time over some span (a day, a week, all of it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub sessions: u32,
    pub completed: u32,
    pub active: Duration,
}

impl Totals {
    /// Saturating: no history, however corrupt, makes a sum panic.
    fn add(&mut self, other: &Totals) {
        self.sessions = self.sessions.saturating_add(other.sessions);
        self.completed = self.completed.saturating_add(other.completed);
        self.active = self.active.saturating_add(other.active);
    }
}

/// A record's active time; zero for a value no session can have (the history reader skips
/// such records, but `Stats` takes records from anywhere). A resumed session's parts are
/// added up, so its time may pass the year one record may hold, up to `MAX_CHAIN_SECS`.
pub(crate) fn active(record: &SessionRecord) -> Duration {
    if (0.0..=MAX_CHAIN_SECS).contains(&record.active_secs) {
        Duration::from_secs_f64(record.active_secs)
    } else {
        Duration::ZERO
    }
}

/// The most time a resumed session's parts add up to in a report: a century, past any.
const MAX_CHAIN_SECS: f64 = 100.0 * crate::history::MAX_SECS;

/// Records left out of the report by `--since`, so it can say there are some.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    pub sessions: u32,
    /// The local date of the latest start among them.
    pub last: Option<NaiveDate>,
}

/// Everything the report needs, folded from the records one at a time. A session resumed
/// after it ended part-way is one session: its later records add their time (and the
/// completion of the last) to the first record's day and row (see `chain`).
#[derive(Debug, Default)]
pub struct Stats {
    /// Per local date of the session's start (a resumed session's first start).
    pub days: BTreeMap<NaiveDate, Totals>,
    /// The `keep` sessions that started last, oldest first (the file is in order of ending,
    /// and hand-merged files may be in any order); a resumed session's first record, with
    /// its later parts' time added and the last part's outcome and end.
    pub recent: Vec<SessionRecord>,
    pub left_out: LeftOut,
    keep: usize,
    /// Only sessions on or after this date count; the others are left out.
    since: Option<NaiveDate>,
    chains: Chains,
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

    /// Counts only the sessions on or after `since` (a resumed session by its first day);
    /// the others are only counted as left out.
    pub fn since(self, since: Option<NaiveDate>) -> Stats {
        Stats { since, ..self }
    }

    /// Adds one record, dated in `tz` (the user's local time in the app): a session, or a
    /// later part of one, whose time and completion go to the session's first day.
    pub fn add<Tz: TimeZone>(&mut self, record: SessionRecord, tz: &Tz) {
        let link = self.chains.link(&record, tz);
        let day = link.day();
        if self.since.is_some_and(|since| day < since) {
            if let Link::Own(_) = link {
                self.left_out.sessions = self.left_out.sessions.saturating_add(1);
            }
            self.left_out.last = self.left_out.last.max(Some(day));
            return;
        }
        let completed = record.outcome == Outcome::Completed;
        self.days.entry(day).or_default().add(&Totals {
            sessions: u32::from(matches!(link, Link::Own(_))),
            completed: u32::from(match link {
                Link::Own(_) => completed,
                Link::Part(head) => completed && !head.completed,
            }),
            active: active(&record),
        });
        if let Link::Part(_) = link {
            self.join_recent(&record);
        } else {
            self.keep_recent(record);
        }
    }

    /// Adds a later part of a session to its first record among the recent ones (one
    /// forgotten by now stays out of the list, its time in the totals).
    fn join_recent(&mut self, part: &SessionRecord) {
        let Some(first) = self
            .recent
            .iter_mut()
            .find(|r| r.id.is_some() && r.id == part.resumes)
        else {
            return;
        };
        first.active_secs += part.active_secs;
        first.paused_secs += part.paused_secs;
        first.outcome = part.outcome;
        first.ended_at = part.ended_at;
        first.check_in = part.check_in.or(first.check_in);
    }

    /// Keeps `record` among the recent ones if it is one of the `keep` that started last.
    fn keep_recent(&mut self, record: SessionRecord) {
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
            let Some(end) = monday.checked_add_days(Days::new(7)) else {
                break;
            };
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

/// Today's date in `tz` at the instant `now`: the one definition the report and its tests
/// share, so "today" and the records' dates come from the same zone.
pub fn today<Tz: TimeZone>(now: DateTime<Utc>, tz: &Tz) -> NaiveDate {
    now.with_timezone(tz).date_naive()
}

/// The Monday of the week holding `day` (the earliest date for the first days of chrono's
/// range, which have no Monday before them).
pub(crate) fn week_start(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(NaiveDate::MIN)
}
