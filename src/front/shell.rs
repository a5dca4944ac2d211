//! The shell both front ends put around a session, in one place: how a session begins (a
//! new one, or one taken up where it stopped) together with the keeper that records and
//! resumes it, the announcer they play cues through, where the resume state may go, and
//! the exit status a stop signal leaves.

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use super::resume::Resumable;
use super::{Announcer, Keeper, Publisher, Reach};
use crate::app::Context;
use crate::cli::CoachArgs;
use crate::routine::{Entry, Lineup};
use crate::session::{Event, Plan, PlanOptions, Session};

/// What a front end starts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Begin<'a> {
    /// The routines of `lineup`, from the first step, planned with the options given.
    New(&'a Lineup),
    /// A session that ended part-way, at the step it stopped in, planned as it ran.
    Resume(&'a Resumable),
}

/// Starts `what` at `now` (`wall` the wall time): the session, its first events, and the
/// keeper that gives its record an id, keeps the resume state in `dir` and publishes the
/// status and events where `reach` says. The routines'
/// texts are cleaned (see `Entry::cleaned`) so no control character reaches a terminal.
pub(crate) fn begin(
    what: Begin<'_>,
    options: &PlanOptions,
    now: Instant,
    wall: DateTime<FixedOffset>,
    dir: Option<PathBuf>,
    reach: &Reach,
) -> (Session, Vec<Event>, Keeper) {
    let publisher = Publisher::new(reach);
    match what {
        Begin::New(lineup) => {
            let cleaned = Lineup {
                parts: lineup.parts.iter().map(Entry::cleaned).collect(),
                ..lineup.clone()
            };
            let plan = Plan::session(&cleaned, options);
            let keeper = Keeper::new(lineup, options, wall, dir);
            let (session, events) = Session::new(plan, now, wall);
            (session, events, keeper.publishing(publisher))
        }
        Begin::Resume(resumable) => {
            let (session, events) = resumable.start(now, wall);
            (
                session,
                events,
                Keeper::resuming(resumable, dir).publishing(publisher),
            )
        }
    }
}

/// The announcer of the config's sounds and speech, as `--quiet` and `--speak` change them.
pub(crate) fn announcer(ctx: &Context, coach: &CoachArgs) -> Announcer {
    Announcer::from_env(
        ctx.config.sound.clone().quieted(coach.quiet),
        ctx.config.speech_command(coach.speak),
    )
}

/// The exit status after stop signal `signal` ended the session: 128 + the signal, as a
/// shell reports a process the signal killed.
pub(crate) fn stop_status(signal: i32) -> u8 {
    128 + signal.clamp(0, 127) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_status_is_128_plus_the_signal() {
        assert_eq!(stop_status(signal_hook::consts::SIGINT), 130);
        assert_eq!(stop_status(signal_hook::consts::SIGHUP), 129);
        assert_eq!(stop_status(signal_hook::consts::SIGTERM), 143);
        assert_eq!(stop_status(signal_hook::consts::SIGPIPE), 141);
        assert_eq!(stop_status(1000), 255);
    }
}
