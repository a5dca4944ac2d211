//! Keys that mean something only at times (Enter, d, r, s, +, -): when one does nothing
//! now, the status line says why, instead of the key seeming dead to someone on the mat.

use std::time::Instant;

use super::{App, Screen};
use crate::session::Command;

impl App {
    /// A command the user asked for with a key that means something only at times: when
    /// it does nothing now, the status line says why instead of leaving the key dead.
    pub(super) fn asked(&mut self, command: Command, now: Instant) {
        if let Screen::Session(session) = &mut self.screen {
            let events = session.advance(now);
            let allowed = session.allowed();
            let refused = !allowed.permits(command);
            let paused = session.is_paused();
            self.apply(&events);
            if refused {
                self.note = not_now(command, paused).map(|note| (note, allowed));
            }
        }
        self.command(command, now);
    }
}

/// Why `command` does nothing now, in the words plain mode uses; Enter (with no use during
/// timed work) says how that work ends, or that reps are not counted while paused.
fn not_now(command: Command, paused: bool) -> Option<&'static str> {
    match command {
        Command::Advance if paused => Some("Paused: Space goes on, then Enter counts"),
        Command::Advance => {
            Some("Enter has nothing to do now: this part ends by itself (n skips it)")
        }
        other => crate::plain::lines::not_now(other),
    }
}
