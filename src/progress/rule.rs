//! The progression rule as a pure fold over one routine's events (its sessions and the
//! manual changes), oldest first. Days are calendar days in the offset each event was
//! recorded in, so "within 10 days" means the same on every calendar.

use chrono::NaiveDate;

/// Calm sessions in a row that step a routine up.
pub const CALM_SESSIONS: usize = 3;
/// The highest check-in that counts as calm.
pub const CALM_MAX: u8 = 2;
/// The calm sessions fall within this many calendar days.
pub const CALM_DAYS: i64 = 10;
/// Days from one step up to the next, at least.
pub const UP_EVERY_DAYS: i64 = 7;
/// A check-in of this or more steps the routine down.
pub const DOWN_AT: u8 = 6;
/// A check-in this much worse than the previous one steps the routine down too.
pub const WORSE_BY: u8 = 3;
/// Pain of this or more in `PAINFUL_SESSIONS` sessions within `PAINFUL_DAYS` days freezes.
pub const PAINFUL_AT: u8 = 4;
pub const PAINFUL_SESSIONS: usize = 3;
pub const PAINFUL_DAYS: i64 = 14;

/// One session of the routine, as the rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ran {
    /// The local day it started.
    pub day: NaiveDate,
    /// The level it ran at.
    pub level: u32,
    /// Ran to its end (not quit, not interrupted).
    pub completed: bool,
    /// The check-in answer, 0 to 10; `None` when unanswered.
    pub check_in: Option<u8>,
}

/// What the fold reads, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Session(Ran),
    /// `progress set ROUTINE LEVEL`.
    Set {
        day: NaiveDate,
        level: u32,
    },
    /// `progress reset ROUTINE`.
    Reset {
        day: NaiveDate,
    },
}

/// Why the level is what it is: the last change, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Never changed: every routine starts at level 1.
    Start,
    Up {
        from: u32,
        day: NaiveDate,
    },
    /// A check-in of `score`: `DOWN_AT` or more, or `worse_than` the previous by `WORSE_BY`.
    Down {
        from: u32,
        score: u8,
        worse_than: Option<u8>,
    },
    Set {
        from: u32,
    },
    Reset,
}

/// Where a routine stands after its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The level the next session runs at, 1 to `levels`.
    pub level: u32,
    pub levels: u32,
    /// Pain of 4+ in 3 sessions within 14 days: no step up until a reset.
    pub frozen: bool,
    pub change: Change,
    /// The latest event was a session that stepped the routine down (show the advice).
    pub just_down: bool,
    /// The calm sessions at this level in a row, oldest first (day, score).
    pub calm: Vec<(NaiveDate, u8)>,
    /// The day of the last step up (since the last reset).
    pub last_up: Option<NaiveDate>,
    /// The days of the sessions with pain of `PAINFUL_AT`+ since the last reset.
    pub painful: Vec<NaiveDate>,
    /// The last answered check-in (since the last reset).
    pub previous: Option<u8>,
}

impl Standing {
    /// A routine of `levels` levels that has never run.
    pub fn new(levels: u32) -> Standing {
        Standing {
            level: 1,
            levels: levels.max(1),
            frozen: false,
            change: Change::Start,
            just_down: false,
            calm: Vec::new(),
            last_up: None,
            painful: Vec::new(),
            previous: None,
        }
    }

    /// The rule: one event applied.
    pub fn apply(&mut self, event: &Event) {
        self.just_down = false;
        match *event {
            Event::Reset { .. } => {
                *self = Standing {
                    change: Change::Reset,
                    ..Standing::new(self.levels)
                }
            }
            Event::Set { level, .. } => {
                let from = self.level;
                self.level = level.clamp(1, self.levels);
                self.change = Change::Set { from };
                self.calm.clear();
            }
            Event::Session(ran) => self.session(ran),
        }
    }

    fn session(&mut self, ran: Ran) {
        // Unanswered: neither advances nor counts as calm.
        let Some(score) = ran.check_in else {
            return;
        };
        let previous = self.previous.replace(score);
        if score >= PAINFUL_AT {
            self.painful.push(ran.day);
            let recent = &self.painful[self.painful.len().saturating_sub(PAINFUL_SESSIONS)..];
            if recent.len() == PAINFUL_SESSIONS && days(recent[0], ran.day) < PAINFUL_DAYS {
                self.frozen = true;
            }
        }
        let worse = previous.filter(|p| score >= p.saturating_add(WORSE_BY));
        if score >= DOWN_AT || worse.is_some() {
            self.change = Change::Down {
                from: self.level,
                score,
                worse_than: worse.filter(|_| score < DOWN_AT),
            };
            self.level = self.level.saturating_sub(1).max(1);
            self.just_down = true;
            self.calm.clear();
        } else if score > CALM_MAX {
            // 3 to 5: stay, and start counting calm sessions afresh.
            self.calm.clear();
        } else if ran.completed && ran.level == self.level {
            if self.calm.last().is_some_and(|(_, before)| score > *before) {
                self.calm.clear();
            }
            self.calm.push((ran.day, score));
            if self.may_step_up(ran.day) {
                self.change = Change::Up {
                    from: self.level,
                    day: ran.day,
                };
                self.level += 1;
                self.last_up = Some(ran.day);
                self.calm.clear();
            }
        }
    }

    /// Three calm sessions within 10 days, not frozen, below the top, a week since the last
    /// step up.
    fn may_step_up(&self, today: NaiveDate) -> bool {
        let Some(first) = self
            .calm
            .len()
            .checked_sub(CALM_SESSIONS)
            .map(|i| self.calm[i].0)
        else {
            return false;
        };
        !self.frozen
            && self.level < self.levels
            && days(first, today) < CALM_DAYS
            && self
                .last_up
                .is_none_or(|up| days(up, today) >= UP_EVERY_DAYS)
    }

    /// The calm sessions still needed for a step up, counting those in the window now.
    pub fn calm_needed(&self) -> usize {
        CALM_SESSIONS.saturating_sub(self.calm.len())
    }
}

/// Calendar days from `a` to `b`.
fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// Where a routine of `levels` levels stands after `events` (oldest first).
pub fn fold<'a>(levels: u32, events: impl IntoIterator<Item = &'a Event>) -> Standing {
    let mut standing = Standing::new(levels);
    for event in events {
        standing.apply(event);
    }
    standing
}
