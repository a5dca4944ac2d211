//! How the app begins a session: a routine or several (marked, or a combination), or one
//! taken up where it stopped, asked first over the picker; each with the keeper that
//! records it and keeps it resumable (see `front::shell`).

use std::time::Instant;

use super::{App, Screen};
use crate::front::Reach;
use crate::front::resume::Resumable;
use crate::front::shell::{self, Begin};
use crate::routine::{Entry, Lineup};
use crate::session::Command;

impl App {
    /// Keeps each session's resume state in `dir`.
    pub(crate) fn keep_resume_in(&mut self, dir: Option<std::path::PathBuf>) {
        self.resume_dir = dir;
    }

    /// Publishes each session's status and events where `reach` says.
    pub(crate) fn publish_to(&mut self, reach: Reach) {
        self.reach = reach;
    }

    /// Asks, over the picker, whether to take up `resumable`.
    pub fn offer_resume(&mut self, resumable: Resumable) {
        self.offer = Some(Box::new(resumable));
    }

    /// The question the picker is asking about an unfinished session, if any.
    pub fn resume_question(&self) -> Option<String> {
        self.offer.as_ref().map(|r| r.question())
    }

    /// Starts `entry` (a routine, or a combination of the picker's routines) at `now`.
    pub fn start(&mut self, entry: &Entry, now: Instant) {
        match self.picker.lineup_of(vec![entry.clone()]) {
            Ok(lineup) => self.start_lineup(&lineup, now),
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// Starts the session of `lineup` at `now`.
    pub(crate) fn start_lineup(&mut self, lineup: &Lineup, now: Instant) {
        self.begin(Begin::New(lineup), now);
    }

    /// Takes up `resumable` at the step it stopped in, at `now`.
    pub(crate) fn resume(&mut self, resumable: &Resumable, now: Instant) {
        self.begin(Begin::Resume(resumable), now);
    }

    fn begin(&mut self, what: Begin<'_>, now: Instant) {
        let dir = self.resume_dir.clone();
        let (session, events, keeper) = shell::begin(
            what,
            &self.options.plan,
            now,
            (self.wall)(),
            dir,
            &self.reach,
        );
        self.offer = None;
        self.keeper = Some(keeper);
        self.screen = Screen::Session(Box::new(session));
        self.overlay = None;
        self.status = None;
        self.apply(&events);
        if let Begin::New(lineup) = what {
            self.say_start_levels(lineup);
        }
        if self.notice.is_some() {
            self.command(Command::Pause, now);
            self.resume_after_notice = true;
        }
    }
}
