//! Progression: a routine's level, derived from the history alone (each session's record
//! says the level it ran at; manual changes are lines of their own) by the pure `rule`, and
//! what the coach says of it.

mod command;
mod events;
mod lineup;
mod rule;
mod words;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use command::{Report, command, read_known, report, set, standing};
pub use events::{Known, events, known};
pub use lineup::{at_level, current, headlines};
pub use rule::{
    CALM_DAYS, CALM_MAX, CALM_SESSIONS, Change, DOWN_AT, Event, PAINFUL_AT, PAINFUL_DAYS,
    PAINFUL_SESSIONS, Ran, Standing, UP_EVERY_DAYS, WORSE_BY, fold,
};
pub use words::{headline, next, reason};

/// A manual change of a routine's level, appended to the history as
/// `{"progress": {"routine": "core", "action": {"set": 3}, "at": "..."}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manual {
    pub routine: String,
    pub action: Action,
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// `progress set ROUTINE LEVEL`.
    Set(u32),
    /// `progress reset ROUTINE`: level 1, progress unfrozen.
    Reset,
}
