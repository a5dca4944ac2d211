//! `limberup progress`: each progressing routine's level, why, and what the next session
//! does (text or JSON); `progress set` and `progress reset` append a manual change.

use serde::Serialize;

use super::events::{Known, events};
use super::rule::{Standing, fold};
use super::words::{next, reason};
use super::{Action, Manual};
use crate::app::Context;
use crate::history::Line;
use crate::routine::Entry;

/// One routine's standing, as `progress --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub routine: String,
    pub name: String,
    pub level: u32,
    pub levels: u32,
    pub frozen: bool,
    pub reason: String,
    pub next: String,
}

/// Where `entry` stands after the history `known`.
pub fn standing(known: &Known, entry: &Entry) -> Standing {
    fold(entry.routine.level_count(), &events(known, &entry.id))
}

/// The report of `entry` after the history `known`.
pub fn report(known: &Known, entry: &Entry) -> Report {
    let s = standing(known, entry);
    Report {
        routine: entry.id.clone(),
        name: entry.routine.name.clone(),
        level: s.level,
        levels: s.levels,
        frozen: s.frozen,
        reason: reason(&s),
        next: next(&s, &entry.id),
    }
}

/// The history as progression reads it; an unreadable one reads as empty (the routines
/// then run at level 1, and `history` reports the file's problem).
pub fn read_known(ctx: &Context) -> Known {
    read(ctx).unwrap_or_default()
}

/// The history as progression reads it, or an empty one where there is none to read.
pub(crate) fn read(ctx: &Context) -> anyhow::Result<Known> {
    match ctx.paths.history_file() {
        Some(path) => Ok(super::events::known(&path)?),
        None => Ok(Known::default()),
    }
}

/// `routine`, which must progress.
fn progressing(ctx: &Context, routine: &str) -> anyhow::Result<Entry> {
    let entry = ctx.resolve(routine)?;
    if entry.routine.progression.is_none() {
        anyhow::bail!(
            "`{}` does not progress: it has no `progression` (see `limberup progress` for the \
             routines that do)",
            entry.id
        );
    }
    Ok(entry)
}

/// `progress [ROUTINE] [--json]`: the text to print.
pub fn command(ctx: &Context, routine: Option<&str>, json: bool) -> anyhow::Result<String> {
    let entries = match routine {
        Some(id) => vec![progressing(ctx, id)?],
        None => ctx
            .catalog
            .entries
            .iter()
            .filter(|e| e.routine.progression.is_some())
            .cloned()
            .collect(),
    };
    let known = read(ctx)?;
    let reports: Vec<Report> = entries.iter().map(|e| report(&known, e)).collect();
    if json {
        return Ok(serde_json::to_string_pretty(&reports)? + "\n");
    }
    if reports.is_empty() {
        return Ok("No routine progresses; give one a `progression` to make it grow.\n".into());
    }
    Ok(reports.iter().map(text).collect::<Vec<_>>().join("\n"))
}

fn text(r: &Report) -> String {
    let clean = |t: &str| crate::text::clean(t).into_owned();
    format!(
        "{} ({}): level {} of {}{}, {}.\n  {}\n",
        clean(&r.routine),
        clean(&r.name),
        r.level,
        r.levels,
        if r.frozen { ", frozen" } else { "" },
        r.reason,
        clean(&r.next)
    )
}

/// `progress set ROUTINE LEVEL` (`Some`) or `progress reset ROUTINE` (`None`): appends the
/// change to the history and returns the routine's new report as text.
pub fn set(ctx: &Context, routine: &str, level: Option<u32>) -> anyhow::Result<String> {
    let entry = progressing(ctx, routine)?;
    let levels = entry.routine.level_count();
    let action = match level {
        Some(level) if !(1..=levels).contains(&level) => anyhow::bail!(
            "`{}` has {levels} levels: LEVEL must be 1 to {levels}, got {level}",
            entry.id
        ),
        Some(level) => Action::Set(level),
        None => Action::Reset,
    };
    let change = Manual {
        routine: entry.id.clone(),
        action,
        at: crate::wallclock::now(),
    };
    ctx.save(Line::Progress(&change), &mut |_| {})?;
    Ok(text(&report(&read(ctx)?, &entry)))
}
