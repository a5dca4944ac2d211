//! The text of `limberup history` (recent sessions, streak, weekly totals, heatmap) and the
//! command itself, which streams the file once, as JSON or into the totals.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{Local, NaiveDate, TimeZone};

use super::{Stats, WEEKS, date_in, heatmap, week_start};
use crate::app::Context;
use crate::clock::clock;
use crate::config::Theme;
use crate::history::{self, Skipped};
use crate::session::{Outcome, SessionRecord};
use crate::text;

/// Sessions listed under "Recent sessions".
const RECENT: usize = 10;
/// Skipped lines named one by one; the rest are counted.
const MAX_WARNINGS: usize = 10;

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Completed => "completed",
        Outcome::Quit => "quit",
        Outcome::Interrupted => "interrupted",
    }
}

fn recent_row<Tz: TimeZone>(r: &SessionRecord, tz: &Tz, name_width: usize) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let start = r.started_at.with_timezone(tz).format("%a %Y-%m-%d %H:%M");
    let back = r.check_in.map_or_else(String::new, |c| format!("  {c}/10"));
    format!(
        "  {start}  {}  {:<11} {:>7}{back}",
        text::pad(&text::clean(&r.routine_name), name_width),
        outcome(r.outcome),
        clock(Duration::from_secs_f64(r.active_secs.max(0.0))),
    )
}

/// The whole report for `today`; `since` widens the weekly table back to that date.
pub fn render<Tz: TimeZone>(
    stats: &Stats,
    tz: &Tz,
    today: NaiveDate,
    since: Option<NaiveDate>,
    colour: bool,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let mut out = String::new();
    let total = stats.total();
    if total.sessions == 0 {
        out.push_str("No sessions recorded yet. Start one with `limberup run warm-up`.\n");
        return out;
    }
    let name_width = stats
        .recent
        .iter()
        .map(|r| text::width(&text::clean(&r.routine_name)))
        .max()
        .unwrap_or(0)
        .max("Routine".len());
    let _ = writeln!(
        out,
        "Recent sessions\n  {:<20}  {:<name_width$}  {:<11} {:>7}  Back pain",
        "Started", "Routine", "Result", "Active"
    );
    for r in stats.recent.iter().rev() {
        let _ = writeln!(out, "{}", recent_row(r, tz, name_width).trim_end());
    }
    let streak = stats.streak(today);
    let _ = write!(
        out,
        "\nStreak: {} day{} in a row (longest {})",
        streak.current,
        if streak.current == 1 { "" } else { "s" },
        streak.longest
    );
    let done_today = stats.days.get(&today).is_some_and(|t| t.completed > 0);
    if streak.current > 0 && !done_today {
        out.push_str("; a session today keeps it going");
    }
    let _ = writeln!(
        out,
        "\nTotal: {} session{} ({} completed), {} active",
        total.sessions,
        if total.sessions == 1 { "" } else { "s" },
        total.completed,
        clock(total.active)
    );
    // The last 12 weeks, but not before the first session (a new user sees one row).
    let twelve_weeks = week_start(today) - chrono::Days::new((WEEKS - 1) * 7);
    let first = stats.days.keys().next().copied().unwrap_or(today);
    let from = since.unwrap_or_else(|| twelve_weeks.max(first));
    out.push_str("\nWeek of      Sessions  Completed     Active\n");
    for (monday, week) in stats.weeks(from, today) {
        let _ = writeln!(
            out,
            "{monday}  {:>8}  {:>9}  {:>9}",
            week.sessions,
            week.completed,
            clock(week.active)
        );
    }
    let _ = writeln!(out, "\nLast {WEEKS} weeks");
    out.push_str(&heatmap(&stats.days, today, colour));
    out
}

/// Colour only on a terminal, without `NO_COLOR` (https://no-color.org) or the Mono theme.
fn use_colour(theme: Theme) -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && theme != Theme::Mono
}

/// `limberup history [--json] [--since DATE]`.
pub fn command(ctx: &Context, json: bool, since: Option<NaiveDate>) -> anyhow::Result<ExitCode> {
    let path = ctx
        .paths
        .history_file()
        .context("no data directory (is $HOME set?), so there is no history")?;
    let wanted = |r: &SessionRecord| since.is_none_or(|d| date_in(r, &Local) >= d);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed: Option<std::io::Error> = None;
    let skipped = if json {
        let mut first = true;
        let skipped = history::read(&path, |r| {
            if failed.is_some() || !wanted(&r) {
                return;
            }
            let sep = if first { "[\n" } else { ",\n" };
            first = false;
            let line = serde_json::to_string(&r).unwrap_or_default();
            if let Err(e) = write!(out, "{sep}{line}") {
                failed = Some(e);
            }
        })
        .map_err(anyhow::Error::msg)?;
        let end = if first { "[]\n" } else { "\n]\n" };
        if failed.is_none()
            && let Err(e) = out.write_all(end.as_bytes())
        {
            failed = Some(e);
        }
        skipped
    } else {
        let mut stats = Stats::new(RECENT);
        let skipped = history::read(&path, |r| {
            if wanted(&r) {
                stats.add(r, &Local);
            }
        })
        .map_err(anyhow::Error::msg)?;
        let today = Local::now().date_naive();
        let text = render(&stats, &Local, today, since, use_colour(ctx.config.theme));
        if let Err(e) = out.write_all(text.as_bytes()) {
            failed = Some(e);
        }
        skipped
    };
    warn_skipped(&path, &skipped);
    match failed.or_else(|| out.flush().err()) {
        // A reader that stopped early (`| head`) is not an error.
        Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Write errors are ignored (`eprintln!` would panic on a stderr that has gone).
fn warn_skipped(path: &Path, skipped: &[Skipped]) {
    let mut err = std::io::stderr().lock();
    for s in skipped.iter().take(MAX_WARNINGS) {
        let _ = writeln!(err, "limberup: warning: {}", s.warning(path));
    }
    if skipped.len() > MAX_WARNINGS {
        let _ = writeln!(
            err,
            "limberup: warning: {} more unreadable lines in {} skipped",
            skipped.len() - MAX_WARNINGS,
            path.display()
        );
    }
}
