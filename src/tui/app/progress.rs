//! Progression on the coach's screens: the picker plans each routine at its level, a
//! session starts by saying its level and why, and the summary says what the next one does.

use super::{App, Screen};
use crate::progress::{Known, headline, next};
use crate::routine::Lineup;

impl App {
    /// Where the progressing routines stand, from the history `known` (given at the start
    /// and again after each session is saved).
    pub fn set_progress(&mut self, known: &Known) {
        self.picker.set_progress(known);
        if let Screen::Summary(summary) = &mut self.screen {
            let lines = self.picker.say_levels(&summary.record().levels, next);
            summary.set_next(lines);
        }
    }

    /// Says on the status line, as `lineup` starts, each progressing routine's level and
    /// why ("Core: Level 3 of 7: up from 2 after three calm sessions").
    pub(super) fn say_start_levels(&mut self, lineup: &Lineup) {
        let lines = self.picker.say_levels(&lineup.levels, |s, _| headline(s));
        if !lines.is_empty() {
            self.warn(lines.join(" · "));
        }
    }
}
