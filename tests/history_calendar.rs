//! The calendar sweep: streak, weekly totals, the heatmap and the whole `history` report on
//! every day from 1970 to 2100, in fixed offsets from -12:00 to +14:00 and in DST zones
//! (30-minute and 45-minute offsets, midnight transitions, a skipped day), with sessions at
//! 00:00:01 and 23:59:59 local. Computed in-process, so a date a bug bites fails here.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone,
    Utc, Weekday,
};
use chrono_tz::Tz;
use limberup::session::{Outcome, SessionRecord};
use limberup::stats::{
    self, MARGIN, MONTHS, Stats, Streak, Totals, WEEKS, WIDTH, first_shown, heatmap, month_row,
    render,
};
use unicode_width::UnicodeWidthStr;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every day of the sweep, 1970-01-01 to 2100-12-31 (47,847 days).
fn every_day() -> impl Iterator<Item = NaiveDate> {
    date(1970, 1, 1)
        .iter_days()
        .take_while(|d| *d <= date(2100, 12, 31))
}

fn fixed(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).unwrap()
}

/// Offsets -12:00 to +14:00 each hour, and the odd ones in use (-9:30, -3:30, +3:30, +5:30,
/// +5:45, +8:45, +9:30, +10:30, +12:45, +13:45).
fn fixed_zones() -> Vec<FixedOffset> {
    let mut zones: Vec<FixedOffset> = (-12..=14).map(|h| fixed(h * 60)).collect();
    for m in [-570, -210, 210, 330, 345, 525, 570, 630, 765, 825] {
        zones.push(fixed(m));
    }
    zones
}

/// DST and other awkward zones: 30-minute DST (Lord Howe), +12:45/+13:45 (Chatham), +5:45
/// (Kathmandu), transitions at midnight (Santiago, Havana, Beirut), a skipped day (Apia,
/// 2011-12-30), +14:00 (Kiritimati), southern and northern DST (Sydney, London, New York).
const DST_ZONES: [Tz; 12] = [
    Tz::America__New_York,
    Tz::Europe__London,
    Tz::Australia__Lord_Howe,
    Tz::Pacific__Chatham,
    Tz::Asia__Kathmandu,
    Tz::America__Santiago,
    Tz::America__Havana,
    Tz::Asia__Beirut,
    Tz::Pacific__Apia,
    Tz::Pacific__Kiritimati,
    Tz::Australia__Sydney,
    Tz::America__St_Johns,
];

fn hms(h: u32, m: u32, s: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, s).unwrap()
}

/// The instant of local `time` on `day` in `zone`; in a fold the earlier of the two for an
/// `early` time, the later for a late one; in a gap an hour later (early) or earlier (late),
/// the day's first or last minutes either way. `None` for a day the zone skipped.
fn local<Z: TimeZone>(
    zone: &Z,
    day: NaiveDate,
    time: NaiveTime,
    early: bool,
) -> Option<DateTime<Z>> {
    let shifted = if early {
        time.overflowing_add_signed(chrono::Duration::hours(1)).0
    } else {
        time.overflowing_sub_signed(chrono::Duration::hours(1)).0
    };
    [time, shifted].into_iter().find_map(|t| {
        match zone.from_local_datetime(&day.and_time(t)) {
            LocalResult::Single(at) => Some(at),
            LocalResult::Ambiguous(a, b) => Some(if early { a } else { b }),
            LocalResult::None => None,
        }
        .filter(|at| at.date_naive() == day)
    })
}

fn session<Z: TimeZone>(at: DateTime<Z>, secs: f64, outcome: Outcome) -> SessionRecord {
    let started_at = at.fixed_offset();
    SessionRecord {
        id: None,
        // Empty, so the millions of clones below allocate nothing.
        routine_id: String::new(),
        routine_name: String::new(),
        started_at,
        ended_at: started_at + chrono::Duration::seconds(secs as i64),
        outcome,
        active_secs: secs,
        paused_secs: 0.0,
        planned_secs: secs,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: None,
        from_step: 1,
        steps: Vec::new(),
        check_in: None,
        trimmed: false,
    }
}

/// The sessions made on each day of the sweep (and the days before it), computed once per
/// zone: a completed one at 00:00:01 and a quit one at 23:59:59 local.
struct Sessions {
    first_day: NaiveDate,
    early: Vec<Option<SessionRecord>>,
    late: Vec<Option<SessionRecord>>,
}

/// Days before 1970 the histories reach back.
const LEAD: u64 = 12;

impl Sessions {
    fn new<Z: TimeZone>(zone: &Z, name: &str) -> Sessions {
        let first_day = date(1970, 1, 1) - Days::new(LEAD);
        let days: Vec<NaiveDate> = first_day
            .iter_days()
            .take_while(|d| *d <= date(2100, 12, 31))
            .collect();
        let make = |time, early, secs, outcome| {
            days.iter()
                .map(|&day| {
                    let at = local(zone, day, time, early)?;
                    let record = session(at.clone(), secs, outcome);
                    // The local date of the start, and "today" at that instant, are the day.
                    assert_eq!(stats::date_in(&record, zone), day, "{name} {record:?}");
                    assert_eq!(stats::today(at.with_timezone(&Utc), zone), day, "{name}");
                    Some(record)
                })
                .collect()
        };
        Sessions {
            first_day,
            early: make(hms(0, 0, 1), true, 600.0, Outcome::Completed),
            late: make(hms(23, 59, 59), false, 90.0, Outcome::Quit),
        }
    }

    fn index(&self, day: NaiveDate) -> usize {
        (day - self.first_day).num_days() as usize
    }

    /// A constructed history ending `today`: both sessions on each of the `run` days up to
    /// today; the day before them the quit one only (it breaks the streak), and the day
    /// before that one completed at 23:59:59. With the local date each was made for.
    fn history(&self, today: NaiveDate, run: u64) -> Vec<(NaiveDate, SessionRecord)> {
        let mut out = Vec::new();
        for k in 0..run {
            let day = today - Days::new(k);
            let i = self.index(day);
            out.extend(self.early[i].clone().map(|r| (day, r)));
            out.extend(self.late[i].clone().map(|r| (day, r)));
        }
        let gap = today - Days::new(run);
        out.extend(self.late[self.index(gap)].clone().map(|r| (gap, r)));
        let before = today - Days::new(run + 1);
        let completed = self.late[self.index(before)].clone().map(|mut r| {
            r.outcome = Outcome::Completed;
            r.active_secs = 1800.0;
            (before, r)
        });
        out.extend(completed);
        out
    }
}

/// Streak and weekly totals for `today` in `zone`, against what the constructed history
/// says they must be.
fn check_day<Z: TimeZone>(
    zone: &Z,
    name: &str,
    sessions: &Sessions,
    today: NaiveDate,
    run: u64,
) -> Stats {
    let made = sessions.history(today, run);
    let mut stats = Stats::new(10);
    for (_, record) in &made {
        stats.add(record.clone(), zone);
    }
    // Each completed session on a day of its own: the run, and one before the gap.
    let done = made
        .iter()
        .filter(|(_, r)| r.outcome == Outcome::Completed)
        .count();
    if done as u64 == run + 1 {
        let streak = Streak {
            current: run as u32,
            longest: run as u32,
        };
        assert_eq!(stats.streak(today), streak, "{name} {today}");
        // The day is not over: tomorrow without a session yet, the streak stands.
        let tomorrow = today + Days::new(1);
        assert_eq!(stats.streak(tomorrow), streak, "{name} {tomorrow}");
        let after = today + Days::new(2);
        assert_eq!(stats.streak(after).current, 0, "{name} {after}");
    }
    // Weekly totals: Monday to Sunday, every week from the one holding `from` to today's,
    // each summing the sessions made for its days.
    let from = today - Days::new(run + 1);
    let weeks = stats.weeks(from, today);
    assert!(
        weeks[0].0 <= from && from < weeks[0].0 + Days::new(7),
        "{name} {today}"
    );
    assert!(
        weeks.last().unwrap().0 + Days::new(7) > today,
        "{name} {today}"
    );
    for (i, (monday, totals)) in weeks.iter().enumerate() {
        assert_eq!(monday.weekday(), Weekday::Mon);
        assert_eq!(*monday, weeks[0].0 + Days::new(7 * i as u64));
        let mut expected = Totals::default();
        for (_, r) in made
            .iter()
            .filter(|(d, _)| d.iso_week() == monday.iso_week())
        {
            expected.sessions += 1;
            expected.completed += u32::from(r.outcome == Outcome::Completed);
            expected.active += Duration::from_secs_f64(r.active_secs);
        }
        assert_eq!(*totals, expected, "{name} {today} week of {monday}");
    }
    stats
}

/// The streak's length for each day: 1 to 9, varying with the day.
fn run_for(i: usize) -> u64 {
    1 + (i % 9) as u64
}

/// Checks `today` in each zone in turn, one zone a day (a count of zones prime to 7 meets
/// every weekday and month position in each zone): streak and weekly totals, and with
/// `report` the whole report within its width, its month labels and its grid. The sessions
/// of every zone are dated on every day as made.
fn sweep<Z: TimeZone>(zones: &[Z], name: impl Fn(&Z) -> String, report: bool)
where
    Z::Offset: std::fmt::Display,
{
    let sessions: Vec<Sessions> = zones.iter().map(|z| Sessions::new(z, &name(z))).collect();
    for (i, today) in every_day().enumerate() {
        let k = i % zones.len();
        let zone = &zones[k];
        let stats = check_day(zone, &name(zone), &sessions[k], today, run_for(i));
        if !report {
            continue;
        }
        let colour = i % 7 == 0;
        let text = render(&stats, zone, today, None, colour);
        check_widths(&text, colour, || format!("{} {today}", name(zone)));
        let (_, map) = text.split_once("\nLast 12 weeks\n").expect("the heatmap");
        assert_eq!(map, heatmap(&stats.days, today, colour), "{today}");
        check_month_row(today, map.lines().next().unwrap_or_default());
        if !colour {
            check_grid(&stats.days, today, map);
        }
    }
}

#[test]
fn every_day_in_fixed_offsets_from_minus_12_to_plus_14() {
    let zones = fixed_zones();
    assert_eq!(zones.len() % 7, 2, "prime to 7");
    sweep(&zones, FixedOffset::to_string, false);
}

#[test]
fn every_day_in_dst_zones() {
    let zones: Vec<Tz> = DST_ZONES
        .iter()
        .copied()
        .chain([Tz::Etc__GMTPlus12])
        .collect();
    assert_eq!(zones.len(), 13, "prime to 7");
    sweep(&zones, |z| z.name().to_string(), true);
}

/// The local dates on which `zone`'s offset changes (the offset at the end of the day is
/// not the one at its start), 1970 to 2100.
fn transitions(zone: &Tz) -> Vec<NaiveDate> {
    let offset = |t: DateTime<Utc>| t.with_timezone(zone).offset().fix();
    every_day()
        .filter(|d| {
            let start = d.and_hms_opt(0, 0, 0).unwrap().and_utc();
            offset(start) != offset(start + chrono::Duration::days(1))
        })
        .collect()
}

/// Around every DST change of every DST zone, every day a history holds the change: the
/// streak and weekly totals across gaps and folds (1:59 -> 3:00, 30-minute and midnight
/// changes, Apia's skipped day).
#[test]
fn every_dst_change_in_every_dst_zone() {
    for zone in DST_ZONES {
        let sessions = Sessions::new(&zone, zone.name());
        let changes = transitions(&zone);
        if zone != Tz::Asia__Kathmandu && zone != Tz::Pacific__Kiritimati {
            assert!(
                changes.len() > 20,
                "{}: {} changes",
                zone.name(),
                changes.len()
            );
        }
        for change in changes {
            for k in 0..=LEAD {
                let today = change + Days::new(k);
                if today <= date(2100, 12, 31) {
                    let i = (today - date(1970, 1, 1)).num_days() as usize;
                    check_day(&zone, zone.name(), &sessions, today, run_for(i));
                }
            }
        }
    }
}

/// The column of each month name in the month row, with the name.
fn labels(row: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in row.split(' ') {
        if !word.is_empty() {
            out.push((at, word));
        }
        at += word.chars().count() + 1;
    }
    out
}

/// The first of a month within `week` (counted from `first`), if it has come by `today`.
fn month_begun(first: NaiveDate, week: u64, today: NaiveDate) -> Option<NaiveDate> {
    (0..7)
        .map(|d| first + Days::new(week * 7 + d))
        .find(|d| d.day() == 1 && *d <= today)
}

/// The heatmap's month labels for `today`: in order, a space at least between them, each
/// above the week holding the first of its month (once it has come), every such month
/// named; the first column named after its own month unless the next begins one.
fn check_month_row(today: NaiveDate, row: &str) {
    let first = first_shown(today);
    assert_eq!(first.weekday(), Weekday::Mon);
    assert!(first + Days::new((WEEKS - 1) * 7) <= today);
    assert!(today < first + Days::new(WEEKS * 7));
    assert_eq!(row, month_row(first, today));
    assert!(row.width() <= WIDTH, "{today}: {row:?}");
    let found = labels(row);
    let mut previous: Option<NaiveDate> = None;
    for &(at, name) in &found {
        let month = MONTHS.iter().position(|m| *m == name);
        assert!(
            month.is_some(),
            "{today}: {name:?} in {row:?} is no month name"
        );
        assert!(
            at >= MARGIN && (at - MARGIN).is_multiple_of(2),
            "{today}: {row:?}"
        );
        let week = ((at - MARGIN) / 2) as u64;
        assert!(week < WEEKS, "{today}: {row:?}");
        let named = match month_begun(first, week, today) {
            Some(first_of_month) => first_of_month,
            None => {
                assert_eq!(
                    week, 0,
                    "{today}: {name} is not where its month begins: {row:?}"
                );
                assert!(month_begun(first, 1, today).is_none(), "{today}: {row:?}");
                first.with_day(1).unwrap()
            }
        };
        assert_eq!(month, Some(named.month0() as usize), "{today}: {row:?}");
        assert!(
            previous.is_none_or(|p| p < named),
            "{today}: out of order: {row:?}"
        );
        previous = Some(named);
    }
    for week in 1..WEEKS {
        if month_begun(first, week, today).is_some() {
            let at = MARGIN + 2 * week as usize;
            assert!(
                found.iter().any(|(a, _)| *a == at),
                "{today}: week {week} unnamed: {row:?}"
            );
        }
    }
    let next_begins = month_begun(first, 1, today).is_some();
    assert_eq!(
        found.first().is_some_and(|(a, _)| *a == MARGIN),
        !next_begins || month_begun(first, 0, today).is_some(),
        "{today}: {row:?}"
    );
}

/// Every line of `text` within the report's width, once colour codes are taken out.
fn check_widths(text: &str, colour: bool, context: impl Fn() -> String) {
    for line in text.lines() {
        let plain = if colour {
            std::borrow::Cow::Owned(strip_ansi(line))
        } else {
            std::borrow::Cow::Borrowed(line)
        };
        // Columns never exceed bytes (a 2-column char takes 3), so only long lines need
        // measuring.
        if plain.len() > WIDTH {
            let width = plain.width();
            assert!(width <= WIDTH, "{}: {width} columns: {plain:?}", context());
        }
    }
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The heatmap's grid: a row per weekday, a cell per week up to today, each the glyph of
/// that day's active minutes.
fn check_grid(days: &BTreeMap<NaiveDate, Totals>, today: NaiveDate, map: &str) {
    let lines: Vec<&str> = map.lines().collect();
    assert_eq!(lines.len(), 9, "{today}:\n{map}");
    let first = first_shown(today);
    for (row, line) in lines[1..8].iter().enumerate() {
        let cells: Vec<&str> = line[MARGIN..].split(' ').collect();
        for (week, cell) in cells.iter().enumerate() {
            let day = first + Days::new(7 * week as u64 + row as u64);
            let minutes = days.get(&day).map_or(0, |t| t.active.as_secs() / 60);
            let glyph = match minutes {
                0 if days.get(&day).is_none_or(|t| t.active.is_zero()) => "·",
                0..10 => "░",
                10..20 => "▒",
                20..30 => "▓",
                _ => "█",
            };
            assert_eq!(*cell, glyph, "{today}: {day}\n{map}");
        }
        let last_week = first + Days::new((WEEKS - 1) * 7 + row as u64);
        let expected = if last_week <= today { WEEKS } else { WEEKS - 1 };
        assert_eq!(cells.len() as u64, expected, "{today}, row {row}:\n{map}");
    }
}
