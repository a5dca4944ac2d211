//! What the coach says of a routine's level: why it is there, and what the next session does
//! and what would change it. Safety first: a step down or a freeze repeats the check-in's
//! stop-and-seek-help advice; nothing here diagnoses.

use chrono::Days;

use super::rule::{
    CALM_DAYS, CALM_MAX, Change, PAINFUL_AT, PAINFUL_DAYS, PAINFUL_SESSIONS, Standing,
    UP_EVERY_DAYS,
};
use crate::checkin::{PAIN_THRESHOLD, advice};

/// Why the routine is at its level: "up from 2 after three calm sessions".
pub fn reason(s: &Standing) -> String {
    match s.change {
        Change::Start => "every routine starts at level 1".to_string(),
        Change::Up { from, .. } => format!("up from {from} after three calm sessions"),
        Change::Down {
            from,
            score,
            worse_than,
        } => {
            let moved = match from == s.level {
                true => format!("kept at {from}"),
                false => format!("down from {from}"),
            };
            match worse_than {
                Some(before) => format!(
                    "{moved} after a check-in of {score}, 3 or more worse than the one before ({before})"
                ),
                None => format!("{moved} after a check-in of {score}"),
            }
        }
        Change::Set { from } => format!("set by hand (it was level {from})"),
        Change::Reset => "reset by hand to level 1".to_string(),
    }
}

/// The line a session starts with: "Level 3: up from 2 after three calm sessions".
pub fn headline(s: &Standing) -> String {
    let mut line = format!("Level {} of {}: {}", s.level, s.levels, reason(s));
    if s.frozen {
        line.push_str(" (progress frozen)");
    }
    line
}

/// What the next session does and why, and what would change it; `id` names the routine
/// in the command that unfreezes it.
pub fn next(s: &Standing, id: &str) -> String {
    let runs = format!("The next session runs level {} of {}", s.level, s.levels);
    if s.frozen {
        return format!(
            "{runs}; progress is frozen: pain of {PAINFUL_AT} or more in {PAINFUL_SESSIONS} \
             sessions within {PAINFUL_DAYS} days. Please see a physician or physical therapist \
             about it. `limberup progress reset {id}` starts again from level 1."
        );
    }
    if s.just_down {
        return format!("{runs}, one level easier. {}", advice(PAIN_THRESHOLD));
    }
    if s.level >= s.levels {
        return format!("{runs}, the top level.");
    }
    let needed = s.calm_needed();
    let sessions = match needed {
        1 => "1 more calm session".to_string(),
        n => format!("{n} more calm sessions"),
    };
    let mut text = format!(
        "{runs}; {sessions} at it (completed, check-in {CALM_MAX} or less, none higher than \
         the one before, three within {CALM_DAYS} days) step up to level {}",
        s.level + 1
    );
    if let Some(soonest) = s
        .last_up
        .and_then(|up| up.checked_add_days(Days::new(UP_EVERY_DAYS as u64)))
    {
        text.push_str(&format!(", on {soonest} at the earliest"));
    }
    text.push('.');
    text
}
