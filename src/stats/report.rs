//! The text of `limberup history`: recent sessions, streak, weekly totals and heatmap, for
//! a given `today` and zone, every line at most `WIDTH` columns wide.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, TimeZone, Timelike};

use super::{Stats, active, heatmap};
use crate::clock::clock;
use crate::session::{Outcome, SessionRecord};
use crate::text;

/// The widest line of the report, in terminal columns (the heatmap's legend is 79).
pub const WIDTH: usize = 80;

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Completed => "completed",
        Outcome::Quit => "quit",
        Outcome::Interrupted => "interrupted",
    }
}

/// The widest routine name shown: wider ones wrap onto the rows below (a session of several
/// routines is `Warm-up, Workout, Cool-down`), so a row never passes `WIDTH` (2 + 20 start
/// + 2 + name + 2 + 11 result + 1 + 10 active + 7 back pain).
const NAME_COLUMNS: usize = 22;
/// The most rows one name takes; past them it is cut with an ellipsis.
const NAME_ROWS: usize = 3;

/// A routine name as shown: control characters (a hand-edited history could hold escape
/// sequences) made visible, wrapped to `NAME_COLUMNS` columns on at most `NAME_ROWS` rows.
fn shown_name(name: &str) -> Vec<String> {
    let mut rows = text::wrap(&text::clean(name), NAME_COLUMNS);
    if rows.len() > NAME_ROWS {
        rows.truncate(NAME_ROWS);
        if let Some(last) = rows.last_mut() {
            *last = text::ellipsize(&format!("{last}…"), NAME_COLUMNS);
        }
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    rows
}

/// The widest row of a name as shown.
fn name_width(name: &str) -> usize {
    shown_name(name)
        .iter()
        .map(|r| text::width(r))
        .max()
        .unwrap_or(0)
}

fn recent_row<Tz: TimeZone>(r: &SessionRecord, tz: &Tz, name_width: usize) -> String
where
    Tz::Offset: std::fmt::Display,
{
    // By hand rather than `format("%a %Y-%m-%d %H:%M")`, which parses its pattern per call.
    let local = r.started_at.with_timezone(tz);
    let start = format!(
        "{} {:04}-{:02}-{:02} {:02}:{:02}",
        local.weekday(),
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    );
    let back = r.check_in.map_or_else(String::new, |c| format!("  {c}/10"));
    let rows = shown_name(&r.routine_name);
    let name = &rows[0];
    let pad = " ".repeat(name_width.saturating_sub(text::width(name)));
    let mut row = format!(
        "  {start}  {name}{pad}  {:<11} {:>7}{back}",
        outcome(r.outcome),
        clock(active(r)),
    );
    for more in &rows[1..] {
        row = row.trim_end().to_string();
        row.push_str(&format!("\n  {:20}  {more}", ""));
    }
    row
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
        match (since, stats.left_out) {
            (Some(since), left) if left.sessions > 0 => {
                let _ = writeln!(
                    out,
                    "No sessions since {since}: {} session{} in all, the last on {}.",
                    left.sessions,
                    if left.sessions == 1 { "" } else { "s" },
                    left.last.map_or_else(String::new, |d| d.to_string())
                );
            }
            _ => out.push_str("No sessions recorded yet. Start one with `limberup run warm-up`.\n"),
        }
        return out;
    }
    let name_width = stats
        .recent
        .iter()
        .map(|r| name_width(&r.routine_name))
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
    let twelve_weeks = super::heatmap::first_shown(today);
    let first = stats.days.keys().next().copied().unwrap_or(today);
    // With `--since`, from that date; but where the history has nothing before it, from the
    // first session: the weeks before are empty however far back the date is.
    let from = match since {
        Some(since) if stats.left_out.sessions > 0 => since,
        Some(since) => since.max(first),
        None => twelve_weeks.max(first),
    };
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
    let _ = writeln!(out, "\nLast {} weeks", super::WEEKS);
    out.push_str(&heatmap(&stats.days, today, colour));
    out
}
