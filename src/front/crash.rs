//! A panic in a front end's loop is a bug outside the machine: the machine's state is still
//! good, so the session so far is recorded as interrupted before the process exits 101
//! (Rust's status for a panic), instead of being lost with the process.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use crate::app::Context;
use crate::history::Line;
use crate::session::SessionRecord;

/// The exit status after a crash, as for any uncaught panic.
pub const CRASH_EXIT: u8 = 101;

/// A panic caught in a front end's loop.
#[derive(Debug)]
pub struct Crash {
    message: String,
}

/// Runs `body`, catching a panic. The panic hook has already printed the message (after
/// the TUI's hook restored the terminal), so nothing is said here.
pub fn catch<T>(body: impl FnOnce() -> T) -> Result<T, Crash> {
    panic::catch_unwind(AssertUnwindSafe(body)).map_err(|payload| Crash {
        message: message(payload.as_ref()),
    })
}

fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic".to_string()
    }
}

impl Crash {
    /// Saves what `record` gives (the session ended as interrupted; `None` when no session
    /// was running), says what happened on stderr and returns the exit status. `record`
    /// runs guarded too: a panic inside the machine can leave it broken, and a second panic
    /// must not take the process down before it has said so.
    pub(crate) fn salvage(
        self,
        ctx: &Context,
        record: impl FnOnce() -> Option<SessionRecord>,
    ) -> u8 {
        let outcome = match catch(record) {
            Ok(Some(record)) => match ctx.save(Line::Session(&record.identified()), &mut |wait| {
                crate::text::say(&wait.to_string());
            }) {
                Ok(_) => "; the session so far was recorded as interrupted".to_string(),
                Err(e) => format!("; the session was not recorded: {}", e.describe()),
            },
            Ok(None) => String::new(),
            Err(_) => "; the session could not be recorded".to_string(),
        };
        crate::text::say(&format!("internal error: {}{outcome}", self.message));
        CRASH_EXIT
    }
}
