//! The 12-week calendar: a column per week, a row per weekday, each day drawn by how many
//! active minutes it had. Characters carry the levels on their own; colour only adds to them.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate};

use super::{Totals, week_start};

/// Weeks shown, the current one last.
pub const WEEKS: u64 = 12;

const GLYPHS: [char; 5] = ['·', '░', '▒', '▓', '█'];
/// 256-colour codes per level: grey, then greens from dim to bright.
const COLOURS: [u8; 5] = [240, 22, 28, 34, 46];
const LEGEND: &str = "0, under 10, 10-19, 20-29, 30+ active minutes a day";
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// The month names, in order.
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Width of the weekday labels before the first column (week `w` is drawn at column
/// `MARGIN + 2 * w`).
pub const MARGIN: usize = 4;

fn level(active: Duration) -> usize {
    match active.as_secs() / 60 {
        _ if active.is_zero() => 0,
        0..10 => 1,
        10..20 => 2,
        20..30 => 3,
        _ => 4,
    }
}

fn push_cell(out: &mut String, level: usize, colour: bool) {
    if colour {
        let _ = write!(out, "\x1b[38;5;{}m{}\x1b[0m", COLOURS[level], GLYPHS[level]);
    } else {
        out.push(GLYPHS[level]);
    }
}

/// Columns of the month row: a label starting at the last column runs two past it.
const MONTH_ROW: usize = MARGIN + 2 * (WEEKS as usize - 1) + 3;

/// The first day shown: the Monday `WEEKS - 1` weeks before today's.
pub fn first_shown(today: NaiveDate) -> NaiveDate {
    week_start(today)
        .checked_sub_days(Days::new((WEEKS - 1) * 7))
        .unwrap_or(NaiveDate::MIN)
}

/// The month names above the columns, for the weeks from Monday `first` up to `today`.
/// The rule: a month is named above the week that holds its first day, once that day has
/// come; the first column is named after the month it shows, unless the next column begins
/// a month (the two names would touch). Names never overlap: a space at least between.
pub fn month_row(first: NaiveDate, today: NaiveDate) -> String {
    let mut row: Vec<char> = vec![' '; MONTH_ROW];
    let mut free_from = 0;
    let day = |n: u64| first.checked_add_days(Days::new(n));
    let begins_month = |week: u64| {
        (0..7)
            .filter_map(|d| day(week * 7 + d))
            .find(|d| d.day() == 1 && *d <= today)
    };
    for week in 0..WEEKS {
        let month = match begins_month(week) {
            Some(first_of_month) => Some(first_of_month.month0()),
            None if week == 0 && begins_month(1).is_none() => Some(first.month0()),
            None => None,
        };
        let at = MARGIN + 2 * week as usize;
        if let Some(month) = month
            && at >= free_from
        {
            for (i, ch) in MONTHS[month as usize].chars().enumerate() {
                row[at + i] = ch;
            }
            free_from = at + 4;
        }
    }
    row.into_iter().collect::<String>().trim_end().to_string()
}

/// The calendar of the `WEEKS` weeks up to `today`, with a legend.
pub fn heatmap(days: &BTreeMap<NaiveDate, Totals>, today: NaiveDate, colour: bool) -> String {
    let first = first_shown(today);
    let mut out = month_row(first, today);
    out.push('\n');
    for (row, name) in WEEKDAYS.iter().enumerate() {
        let _ = write!(out, "{name:<MARGIN$}");
        for week in 0..WEEKS {
            let Some(day) = first.checked_add_days(Days::new(week * 7 + row as u64)) else {
                break;
            };
            if day > today {
                break;
            }
            if week > 0 {
                out.push(' ');
            }
            let active = days.get(&day).map_or(Duration::ZERO, |t| t.active);
            push_cell(&mut out, level(active), colour);
        }
        out.push('\n');
    }
    out.push_str("    less");
    for l in 0..GLYPHS.len() {
        out.push(' ');
        push_cell(&mut out, l, colour);
    }
    let _ = writeln!(out, " more ({LEGEND})");
    out
}
