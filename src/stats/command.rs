//! `limberup history [--json] [--since DATE]`: streams the file once, as JSON or into the
//! totals, with "today" taken from the guarded wall clock in the guarded zone.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::SystemTime;

use anyhow::Context as _;
use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone, Utc};

use super::{Chains, Stats, render, today};
use crate::app::Context;
use crate::config::Theme;
use crate::export::{self, Format};
use crate::history::{self, HistoryError, Skips};
use crate::wallclock::{self, Zone};

/// Sessions listed under "Recent sessions".
const RECENT: usize = 10;
/// Skipped lines named one by one; the rest are counted.
const MAX_WARNINGS: usize = 10;

/// Colour only on a terminal, without `NO_COLOR` (https://no-color.org) or the Mono theme.
fn use_colour(theme: Theme) -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && theme != Theme::Mono
}

/// What the command was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub json: bool,
    pub since: Option<NaiveDate>,
    pub colour: bool,
}

/// `limberup history [--json | --format csv|ics] [--since DATE]`.
pub fn command(
    ctx: &Context,
    json: bool,
    format: Option<Format>,
    since: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let path = ctx
        .paths
        .history_file()
        .context("no data directory (is $HOME set?), so there is no history")?;
    if let Some(date) = since.filter(|d| !history::YEARS.contains(&d.year())) {
        crate::text::say(&format!(
            "--since {date}: give a date in the years {} to {}",
            history::YEARS.start(),
            history::YEARS.end()
        ));
        return Ok(ExitCode::from(2));
    }
    let request = Request {
        json,
        since,
        colour: use_colour(ctx.config.theme),
    };
    let now = wallclock::utc_of(SystemTime::now()).0;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (skipped, written) = match (format, wallclock::zone()) {
        (Some(format), Zone::System) => export::write(&path, &Local, since, format, &mut out)?,
        (Some(format), Zone::Utc) => export::write(&path, &Utc, since, format, &mut out)?,
        (None, Zone::System) => write_report(&path, &Local, now, request, &mut out)?,
        (None, Zone::Utc) => write_report(&path, &Utc, now, request, &mut out)?,
    };
    warn_skipped(&path, &skipped);
    match written.err().or_else(|| out.flush().err()) {
        // A reader that stopped early (`| head`) is not an error.
        Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Streams the history at `path` into `out` as the report for `now` in `tz`, or as JSON;
/// returns the skipped lines, and how writing went (a closed pipe is the caller's to judge).
pub fn write_report<Tz: TimeZone>(
    path: &Path,
    tz: &Tz,
    now: DateTime<Utc>,
    request: Request,
    out: &mut impl Write,
) -> Result<(Skips, std::io::Result<()>), HistoryError>
where
    Tz::Offset: std::fmt::Display,
{
    let wanted = |day: NaiveDate| request.since.is_none_or(|d| day >= d);
    let mut written = Ok(());
    let skipped = if request.json {
        let mut first = true;
        // A resumed session's records are dated, for `--since`, by its first start.
        let mut chains = Chains::default();
        let skipped = history::read(path, |r| {
            if written.is_err() || !wanted(chains.link(&r, tz).day()) {
                return;
            }
            let sep = if first { "[\n" } else { ",\n" };
            first = false;
            let line = serde_json::to_string(&r).unwrap_or_default();
            written = write!(out, "{sep}{line}");
        })?;
        let end = if first { "[]\n" } else { "\n]\n" };
        if written.is_ok() {
            written = out.write_all(end.as_bytes());
        }
        skipped
    } else {
        let mut stats = Stats::new(RECENT).since(request.since);
        let skipped = history::read(path, |r| stats.add(r, tz))?;
        let text = render(&stats, tz, today(now, tz), request.since, request.colour);
        written = out.write_all(text.as_bytes());
        skipped
    };
    Ok((skipped, written))
}

/// Names the first skipped lines and counts the rest, through `text::say`.
fn warn_skipped(path: &Path, skipped: &Skips) {
    for s in skipped.first.iter().take(MAX_WARNINGS) {
        crate::text::say(&format!("warning: {}", s.warning(path)));
    }
    if skipped.total > MAX_WARNINGS {
        crate::text::say(&format!(
            "warning: {} more unreadable lines in {} skipped",
            skipped.total - MAX_WARNINGS,
            path.display()
        ));
    }
}
