//! Taking up a session that ended part-way (quit, a signal, a closed terminal, a crash): the
//! state kept for it (`state`), checked against the routines as they are now, planned again
//! exactly as it ran, and started at the step it stopped in, from that step's start.

mod state;
mod store;

pub use state::{Earlier, PartState, ResumeState, VERSION, clear, fingerprint, parse, read, write};
pub use store::{KEEP, file_in, latest, prune};

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use crate::app::Context;
use crate::history::MAX_SECS;
use crate::routine::{Entry, Lineup, MAX_TIMING_SECS};
use crate::session::{Event, Plan, PlanOptions, SCALE_RANGE, Session};
use crate::text;

/// The picker offers to resume a session only this soon after it stopped (the `resume`
/// command takes one up at any age, saying how old it is).
pub(crate) const FRESH: Duration = Duration::from_secs(12 * 3600);

/// Whether state written at `written_at` is recent at `now`: less than `FRESH` apart, in
/// absolute time (never by local dates). A clock set back since then makes the state seem
/// written in the future; that far ahead it is as stale.
pub fn is_fresh(written_at: DateTime<FixedOffset>, now: DateTime<Utc>) -> bool {
    let apart = (now - written_at.to_utc()).abs();
    apart.to_std().is_ok_and(|d| d < FRESH)
}

/// "3 hours ago", "2 days ago": how long ago, roughly, for the `resume` command to say. A
/// time ahead of the clock (set back since) is said as such, not as "just now".
pub fn ago(written_at: DateTime<FixedOffset>, now: DateTime<Utc>) -> String {
    let secs = (now - written_at.to_utc()).num_seconds();
    if secs <= -120 {
        return format!(
            "{} ahead of this computer's clock (was the clock set back?)",
            roughly(secs.saturating_neg())
        );
    }
    match secs {
        ..120 => "just now".to_string(),
        _ => format!("{} ago", roughly(secs)),
    }
}

/// "5 minutes", "3 hours", "2 days" for `secs` of at least two minutes.
fn roughly(secs: i64) -> String {
    let (n, unit) = match secs {
        ..7200 => (secs / 60, "minute"),
        7200..172_800 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}s")
}

/// A session that can be taken up: its state, its routines found unchanged, and its plan.
#[derive(Debug, Clone)]
pub struct Resumable {
    pub state: ResumeState,
    pub lineup: Lineup,
    pub plan: Plan,
}

impl Resumable {
    /// Checks `state` against the routines of `ctx`: each part must still be there (a
    /// built-in by id, a file by its path) and do what it did. `Err` says why not, naming
    /// the routine, on one line: the file's texts (its name, its ids) shown through
    /// `text::clean`, as is the session's name from here on.
    pub fn check(mut state: ResumeState, ctx: &Context) -> Result<Resumable, String> {
        state.name = text::clean(&state.name).into_owned();
        Resumable::checked(state, ctx).map_err(|why| text::clean(&why).into_owned())
    }

    fn checked(state: ResumeState, ctx: &Context) -> Result<Resumable, String> {
        if let Some(why) = out_of_range(&state) {
            return Err(format!(
                "cannot resume {}: its resume state is damaged ({why})",
                state.name
            ));
        }
        let mut parts = Vec::with_capacity(state.parts.len());
        for part in &state.parts {
            parts.push(find(part, ctx).map_err(|why| {
                let mut text = format!(
                    "cannot resume {}: the routine `{}` {why}",
                    state.name, part.id
                );
                if why == CHANGED {
                    text.push_str(&format!("; start afresh with `{}`", afresh(&state, ctx)));
                }
                text
            })?);
        }
        if parts.is_empty() {
            return Err(format!("cannot resume {}: it names no routine", state.name));
        }
        let lineup = Lineup {
            id: state.id.clone(),
            name: state.name.clone(),
            kind: state.kind,
            rest_secs: state.rest_secs,
            parts,
            levels: state
                .parts
                .iter()
                .filter_map(|p| {
                    p.level.map(|level| crate::routine::RanAt {
                        routine: p.id.clone(),
                        level,
                    })
                })
                .collect(),
        };
        let options = PlanOptions {
            timings: state.timings,
            scale: state.scale,
        };
        let plan = Plan::session(&lineup, &options);
        if state.step >= plan.steps.len() {
            return Err(format!(
                "cannot resume {}: it stopped at step {}, but it has {} steps",
                state.name,
                u128::from(state.step as u64) + 1,
                plan.steps.len()
            ));
        }
        Ok(Resumable {
            state,
            lineup,
            plan,
        })
    }

    /// "Warm-up at step 3 of 4" (in a session of several: "Cool-down, step 1 of 3, in
    /// Warm-up, workout, cool-down"), with the round in a circuit.
    pub fn place(&self) -> String {
        let step = &self.plan.steps[self.state.step];
        let p = step.place;
        let round = match p.rounds {
            1 => String::new(),
            n => format!(", round {} of {n}", p.round + 1),
        };
        let part = &self.plan.parts[p.part].name;
        if self.plan.parts.len() > 1 {
            format!(
                "{part}, step {} of {}{round}, in {}",
                p.number + 1,
                p.steps,
                self.plan.name
            )
        } else {
            format!("{part} at step {} of {}{round}", p.number + 1, p.steps)
        }
    }

    /// The picker's question.
    pub(crate) fn question(&self) -> String {
        format!("Resume {}?", self.place())
    }

    /// Starts the session at the step it stopped in, at `now` (`wall` the wall time).
    pub(crate) fn start(&self, now: Instant, wall: DateTime<FixedOffset>) -> (Session, Vec<Event>) {
        Session::resume_at(self.plan.clone(), self.state.step, now, wall)
    }
}

/// What in `state` no session can have, as the file says it: timings past what a routine
/// may give, a scale outside `--scale`'s range, earlier times past a year.
fn out_of_range(state: &ResumeState) -> Option<String> {
    let t = state.timings;
    let timings = [
        ("prepare_secs", Some(t.prepare_secs)),
        ("rest_secs", Some(t.rest_secs)),
        ("switch_secs", Some(t.switch_secs)),
        ("a combination's rest_secs", state.rest_secs),
    ];
    let earlier = [
        ("earlier active_secs", state.earlier.active_secs),
        ("earlier paused_secs", state.earlier.paused_secs),
    ];
    if let Some((name, secs)) = earlier
        .iter()
        .find(|(_, secs)| !(0.0..=MAX_SECS).contains(secs))
    {
        return Some(format!("{name} {secs}, not 0 to {MAX_SECS}"));
    }
    if let Some((name, secs)) = timings
        .iter()
        .find_map(|(name, secs)| secs.filter(|s| *s > MAX_TIMING_SECS).map(|s| (name, s)))
    {
        return Some(format!("{name} {secs}, not 0 to {MAX_TIMING_SECS}"));
    }
    (!SCALE_RANGE.contains(&state.scale)).then(|| {
        format!(
            "scale {}, not {} to {}",
            state.scale,
            SCALE_RANGE.start(),
            SCALE_RANGE.end()
        )
    })
}

/// What `find` says of a routine that is there but no longer does what it did.
const CHANGED: &str = "has changed since";

/// The routine `part` names, as it is now: `Err` says what became of it.
fn find(part: &PartState, ctx: &Context) -> Result<Entry, String> {
    let found = match &part.path {
        Some(path) => ctx
            .resolve(&path.to_string_lossy())
            .map_err(|e| format!("cannot be read any more ({})", first_line(&e.to_string())))?,
        None => ctx
            .catalog
            .find(&part.id)
            .cloned()
            .ok_or_else(|| "is gone".to_string())?,
    };
    // A progressing routine ran at a level: the routine as it ran is that level of it.
    let found = match part.level {
        Some(level) => Entry {
            routine: found.routine.at_level(level),
            ..found
        },
        None => found,
    };
    if found.routine.is_combination() || fingerprint(&found) != part.fingerprint {
        return Err(CHANGED.to_string());
    }
    Ok(found)
}

/// The command that runs the session of `state` afresh: a combination by its id, else each
/// routine by its id, or by its path where the id does not find that file (one run by path).
fn afresh(state: &ResumeState, ctx: &Context) -> String {
    if ctx
        .catalog
        .find(&state.id)
        .is_some_and(|e| e.routine.is_combination())
    {
        return format!("limberup run {}", state.id);
    }
    let names: Vec<String> = state
        .parts
        .iter()
        .map(|part| {
            let by_id = ctx.catalog.find(&part.id).map(PartState::of);
            match &part.path {
                Some(path) if by_id.and_then(|p| p.path).as_ref() != Some(path) => {
                    shell_word(&path.to_string_lossy())
                }
                _ => part.id.clone(),
            }
        })
        .collect();
    format!("limberup run {}", names.join(" "))
}

/// `word` as one shell word: quoted when it holds anything but plain path characters.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@%".contains(c);
    if word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}
