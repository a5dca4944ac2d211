//! A session's routines at their levels: the current ones the history gives (what `run`,
//! the picker and `plan` use), or one chosen level (`plan --level N`).

use super::command::{read, standing};
use super::events::Known;
use super::words::{headline, next};
use crate::app::Context;
use crate::routine::{Lineup, LoadError};

impl Context {
    /// The session of `args` (as `lineup`) with each progressing routine at its current
    /// level. A history that cannot be read leaves them at level 1 (the session still runs;
    /// `history` reports the file's problem).
    pub fn leveled(&self, args: &[String]) -> Result<Lineup, LoadError> {
        self.leveled_session(args).map(|(lineup, _)| lineup)
    }

    /// As `leveled`, with the line to start the session with for each progressing routine.
    pub fn leveled_session(&self, args: &[String]) -> Result<(Lineup, Vec<String>), LoadError> {
        Ok(self.at_current_levels(self.lineup(args)?))
    }

    /// `lineup` at the levels the history gives, with the line to start the session with
    /// for each progressing routine.
    pub fn at_current_levels(&self, lineup: Lineup) -> (Lineup, Vec<String>) {
        let known = read(self).unwrap_or_default();
        let lines = headlines(&lineup, &known);
        (current(lineup, &known), lines)
    }

    /// After a session of `lineup` (and its check-in): what the next session of each
    /// progressing routine does and why.
    pub fn next_sessions(&self, lineup: &Lineup) -> Vec<String> {
        let known = read(self).unwrap_or_default();
        lineup
            .levels
            .iter()
            .filter_map(|ran| self.catalog.find(&ran.routine))
            .map(|entry| {
                let s = standing(&known, entry);
                format!("{}: {}", entry.routine.name, next(&s, &entry.id))
            })
            .collect()
    }
}

/// `lineup` at the levels the history `known` gives.
pub fn current(lineup: Lineup, known: &Known) -> Lineup {
    lineup.at_levels(|entry| standing(known, entry).level)
}

/// A one-routine `lineup` at `level`: an error when the routine does not progress or has
/// no such level.
pub fn at_level(lineup: Lineup, level: u32) -> anyhow::Result<Lineup> {
    let [part] = lineup.parts.as_slice() else {
        anyhow::bail!("--level is for one routine, not a session of several");
    };
    let levels = part.routine.level_count();
    if part.routine.progression.is_none() {
        anyhow::bail!("`{}` does not progress, so it has no levels", part.id);
    }
    if !(1..=levels).contains(&level) {
        anyhow::bail!(
            "`{}` has {levels} levels: --level must be 1 to {levels}, got {level}",
            part.id
        );
    }
    Ok(lineup.at_levels(|_| level))
}

/// The line a session starts with for each progressing routine of `lineup` (before its
/// levels are applied): "Core: Level 3 of 7: up from 2 after three calm sessions".
pub fn headlines(lineup: &Lineup, known: &Known) -> Vec<String> {
    lineup
        .parts
        .iter()
        .filter(|p| p.routine.progression.is_some())
        .map(|p| format!("{}: {}", p.routine.name, headline(&standing(known, p))))
        .collect()
}
