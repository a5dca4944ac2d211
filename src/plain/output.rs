//! Where the plain-text coach's output goes: stamped lines on stdout, sounds and speech
//! through the announcer, the bell on a terminal, and the resume state through the keeper.

use std::io::Write;
use std::time::{Duration, Instant};

use super::{lines, warn};
use crate::cues::{self, Cue};
use crate::figure::Library;
use crate::front::{Announcer, Keeper};
use crate::session::{Event, Session};
use crate::wallclock;

/// Where lines, sounds, spoken cues and the resume state go. Output errors are ignored: a
/// closed terminal (SIGHUP) or pipe must not stop the session from being recorded.
pub(super) struct Output {
    pub(crate) announcer: Announcer,
    /// The session's identity and resume state, following every batch of events.
    pub(crate) keeper: Keeper,
    /// Whether stderr is a terminal, to ring the bell on.
    pub(crate) bell: bool,
    /// The cue of the events printed since the last `announce`: one per wake-up, however
    /// many deadlines a late one catches up on (see `Cue::then`).
    pub(crate) cue: Cue,
    /// The figures the routines name, the user's included, for each step's `Pose:` line.
    pub(crate) figures: Library,
    /// Set when stdout is a pipe whose reader has gone (`| head`): nobody is following.
    pub(crate) closed: bool,
}

impl Output {
    pub(crate) fn line(&mut self, elapsed: Duration, text: &str) {
        let mut out = std::io::stdout().lock();
        let written = writeln!(out, "{}", lines::stamped(elapsed, text)).and_then(|()| out.flush());
        if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            self.closed = true;
        }
    }

    /// Prints a batch of events that happened at `at` and keeps the resume state with
    /// them; `announce` gives their cue.
    pub(crate) fn events(&mut self, session: &Session, events: &[Event], at: Instant) {
        let elapsed = session.elapsed(at);
        for text in lines::describe(events, session.plan(), &self.figures) {
            self.line(elapsed, &text);
        }
        self.cue = std::mem::take(&mut self.cue).then(cues::batch(events, session.plan()));
        if let Some(warning) = self.keeper.track(session, events, wallclock::now()) {
            warn(&warning);
        }
    }

    /// Plays and says the cue of the events printed since the last call; the bell rings
    /// (two bells at the end may sound as one) only on a terminal.
    pub(crate) fn announce(&mut self) {
        let bells = self.announcer.announce(std::mem::take(&mut self.cue));
        if self.bell && bells > 0 {
            let _ = std::io::stderr().write_all(&b"\x07\x07"[..usize::from(bells.min(2))]);
        }
        self.warnings();
    }

    pub(crate) fn warnings(&mut self) {
        for warning in self.announcer.take_warnings() {
            warn(&warning);
        }
    }
}
