//! `limberup history`: streak, weekly totals, the 12-week heatmap and the recent list, from
//! records dated in a fixed zone with a fixed `today`; then the command through the binary.

mod common;

use chrono::{FixedOffset, NaiveDate};
use common::{Sandbox, at, record};
use limberup::history;
use limberup::session::Outcome;
use limberup::stats::{Stats, Streak, Totals, heatmap, render};
use std::time::Duration;

fn zone() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn stats(records: &[(u32, u32, f64, Outcome)]) -> Stats {
    let mut stats = Stats::new(3);
    for &(month, day, secs, outcome) in records {
        stats.add(
            record(at(2026, month, day, 7, 0), secs, outcome, None),
            &zone(),
        );
    }
    stats
}

use Outcome::{Completed, Quit};

#[test]
fn the_streak_counts_days_in_a_row_with_a_completed_session() {
    let s = stats(&[
        (3, 1, 600.0, Completed),
        (3, 2, 600.0, Completed),
        (3, 3, 600.0, Completed),
        (3, 5, 600.0, Completed),
        (3, 6, 600.0, Quit), // a quit session does not count
        (3, 7, 600.0, Completed),
        (3, 8, 600.0, Completed),
        (3, 8, 300.0, Completed),
    ]);
    assert_eq!(
        s.streak(date(2026, 3, 8)),
        Streak {
            current: 2,
            longest: 3
        }
    );
    // Today has nothing yet: the streak up to yesterday still stands.
    assert_eq!(s.streak(date(2026, 3, 9)).current, 2);
    // A whole day without one ends it.
    assert_eq!(s.streak(date(2026, 3, 10)).current, 0);
    assert_eq!(
        Stats::new(0).streak(date(2026, 3, 10)),
        Streak {
            current: 0,
            longest: 0
        }
    );
}

#[test]
fn dates_are_local_dates_of_the_start() {
    // 23:30 on March 1st at UTC+1 is already March 2nd at UTC+3.
    let mut s = Stats::new(0);
    s.add(
        record(at(2026, 3, 1, 23, 30), 60.0, Completed, None),
        &FixedOffset::east_opt(3 * 3600).unwrap(),
    );
    assert_eq!(
        s.days.keys().copied().collect::<Vec<_>>(),
        [date(2026, 3, 2)]
    );
}

#[test]
fn weekly_totals_run_monday_to_sunday_with_empty_weeks_as_zeros() {
    let s = stats(&[
        (3, 1, 600.0, Completed), // Sunday
        (3, 2, 300.0, Quit),      // Monday
        (3, 8, 60.0, Completed),  // Sunday
        (3, 17, 120.0, Completed),
    ]);
    let weeks = s.weeks(date(2026, 2, 28), date(2026, 3, 18));
    let minutes = |m: u64| Duration::from_secs(m * 60);
    assert_eq!(
        weeks,
        vec![
            (
                date(2026, 2, 23),
                Totals {
                    sessions: 1,
                    completed: 1,
                    active: minutes(10)
                }
            ),
            (
                date(2026, 3, 2),
                Totals {
                    sessions: 2,
                    completed: 1,
                    active: minutes(6)
                }
            ),
            (date(2026, 3, 9), Totals::default()),
            (
                date(2026, 3, 16),
                Totals {
                    sessions: 1,
                    completed: 1,
                    active: minutes(2)
                }
            ),
        ]
    );
    assert_eq!(s.total().sessions, 4);
}

#[test]
fn recent_keeps_the_latest_starts_whatever_the_file_order() {
    let s = stats(&[
        (3, 5, 60.0, Completed),
        (3, 1, 60.0, Completed),
        (3, 9, 60.0, Completed),
        (3, 2, 60.0, Completed),
        (3, 7, 60.0, Completed),
    ]);
    let days: Vec<u32> = s
        .recent
        .iter()
        .map(|r| chrono::Datelike::day(&r.started_at))
        .collect();
    assert_eq!(days, [5, 7, 9]);
}

#[test]
fn the_heatmap_draws_twelve_weeks_by_active_minutes() {
    let s = stats(&[
        (1, 5, 60.0, Completed),   // Monday of the first week shown: under 10 minutes
        (2, 10, 900.0, Completed), // 15 minutes
        (3, 17, 1500.0, Completed), // 25 minutes, a Tuesday
        (3, 25, 2400.0, Quit),     // 40 minutes, today (a Wednesday)
    ]);
    let map = heatmap(&s.days, date(2026, 3, 25), false);
    assert_eq!(
        map,
        "    Jan   Feb     Mar\n\
         Mon ░ · · · · · · · · · · ·\n\
         Tue · · · · · ▒ · · · · ▓ ·\n\
         Wed · · · · · · · · · · · █\n\
         Thu · · · · · · · · · · ·\n\
         Fri · · · · · · · · · · ·\n\
         Sat · · · · · · · · · · ·\n\
         Sun · · · · · · · · · · ·\n\
         \x20   less · ░ ▒ ▓ █ more (0, under 10, 10-19, 20-29, 30+ active minutes a day)\n"
    );
    let coloured = heatmap(&s.days, date(2026, 3, 25), true);
    assert!(coloured.contains("\x1b[38;5;46m█\x1b[0m"));
    assert!(coloured.contains("\x1b[38;5;240m·\x1b[0m"));
}

#[test]
fn the_report_reads_top_to_bottom() {
    let mut s = Stats::new(10);
    let mut r = record(at(2026, 3, 24, 7, 5), 400.0, Completed, Some(2));
    r.routine_name = "Cool-down".to_string();
    s.add(r, &zone());
    s.add(record(at(2026, 3, 25, 18, 30), 95.0, Quit, None), &zone());
    let text = render(
        &s,
        &zone(),
        date(2026, 3, 25),
        Some(date(2026, 3, 16)),
        false,
    );
    let expected = "Recent sessions\n\
        \x20 Started               Routine    Result       Active  Back pain\n\
        \x20 Wed 2026-03-25 18:30  Warm-up    quit           1:35\n\
        \x20 Tue 2026-03-24 07:05  Cool-down  completed      6:40  2/10\n\
        \n\
        Streak: 1 day in a row (longest 1); a session today keeps it going\n\
        Total: 2 sessions (1 completed), 8:15 active\n\
        \n\
        Week of      Sessions  Completed     Active\n\
        2026-03-23         2          1       8:15\n\
        \n\
        Last 12 weeks\n";
    assert!(text.starts_with(expected), "{text}");
    let empty = render(&Stats::new(10), &zone(), date(2026, 3, 25), None, false);
    assert_eq!(
        empty,
        "No sessions recorded yet. Start one with `limberup run warm-up`.\n"
    );
}

#[test]
fn the_command_reports_json_since_and_skipped_lines() {
    let sb = Sandbox::new();
    let old = record(at(2020, 1, 1, 7, 0), 60.0, Completed, None);
    let new = record(at(2026, 1, 1, 12, 0), 120.0, Completed, Some(3));
    history::append(&sb.history_file(), &old).unwrap();
    // A torn line between two good ones (a crash while writing).
    let mut text = std::fs::read_to_string(sb.history_file()).unwrap();
    text.push_str("{\"routine_id\": \"warm\n");
    std::fs::write(sb.history_file(), text).unwrap();
    history::append(&sb.history_file(), &new).unwrap();

    let output = sb.cmd().args(["history", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let records: Vec<limberup::session::SessionRecord> =
        serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(records, vec![old, new.clone()]);
    let warning = format!(
        "limberup: warning: {}:2: skipped: cut short (a crash while writing?)\n",
        sb.history_file().display()
    );
    assert_eq!(String::from_utf8(output.stderr).unwrap(), warning);

    let since = sb
        .cmd()
        .args(["history", "--json", "--since", "2025-06-01"])
        .output()
        .unwrap();
    let records: Vec<limberup::session::SessionRecord> =
        serde_json::from_slice(&since.stdout).unwrap();
    assert_eq!(records, vec![new]);

    let none = sb
        .cmd()
        .args(["history", "--json", "--since", "2030-01-01"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(none.stdout).unwrap(), "[]\n");

    let report = sb.cmd().arg("history").output().unwrap();
    let text = String::from_utf8(report.stdout).unwrap();
    assert!(
        text.contains("Total: 2 sessions (2 completed), 3:00 active"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let bad_date = sb
        .cmd()
        .args(["history", "--since", "yesterday"])
        .output()
        .unwrap();
    assert_eq!(bad_date.status.code(), Some(2));
}

#[test]
fn an_empty_history_says_how_to_start() {
    let sb = Sandbox::new();
    let output = sb.cmd().arg("history").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "No sessions recorded yet. Start one with `limberup run warm-up`.\n"
    );
}

#[test]
fn colour_only_on_a_terminal_without_no_color() {
    use expectrl::{Eof, Expect};
    let sb = Sandbox::new();
    history::append(
        &sb.history_file(),
        &record(at(2026, 1, 1, 12, 0), 120.0, Completed, None),
    )
    .unwrap();
    let run = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"));
        cmd.env("XDG_CONFIG_HOME", sb.path().join("config"))
            .env("XDG_DATA_HOME", sb.path().join("data"))
            .env_remove("NO_COLOR")
            .arg("history");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let mut p = expectrl::Session::spawn(cmd).unwrap();
        p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
        let found = p.expect(Eof).unwrap();
        found
            .matches()
            .map(|m| String::from_utf8_lossy(m).into_owned())
            .collect::<String>()
    };
    assert!(run(None).contains("\x1b[38;5;"));
    assert!(!run(Some("1")).contains('\x1b'));
}

#[test]
fn weekly_totals_start_at_the_first_session_within_twelve_weeks() {
    let mut s = Stats::new(10);
    s.add(
        record(at(2026, 3, 18, 7, 0), 60.0, Completed, None),
        &zone(),
    );
    let text = render(&s, &zone(), date(2026, 3, 25), None, false);
    assert!(
        text.contains(
            "Total: 1 session (1 completed), 1:00 active\n\n\
         Week of      Sessions  Completed     Active\n\
         2026-03-16         1          1       1:00\n\
         2026-03-23         0          0       0:00\n\nLast 12 weeks\n"
        ),
        "{text}"
    );
    // A long history shows the last 12 weeks only.
    s.add(record(at(2025, 1, 1, 7, 0), 60.0, Completed, None), &zone());
    let text = render(&s, &zone(), date(2026, 3, 25), None, false);
    let rows = text.lines().filter(|l| l.starts_with("202")).count();
    assert_eq!(rows, 12);
}

/// The command's own path, in-process, at a chosen instant and zone: "today" and the
/// records' dates come from the same zone. 2026-12-01 is a day whose last heatmap column
/// begins a month (the report used to panic on such days).
#[test]
fn the_command_reports_for_any_instant_in_any_zone() {
    use chrono::TimeZone;
    use chrono_tz::Tz;
    use limberup::stats::{Request, write_report};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    // 22:30 UTC on November 30th.
    let r = record(at(2026, 11, 30, 23, 30), 600.0, Completed, None);
    history::append(&path, &r).unwrap();
    let now = chrono::Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let request = Request {
        json: false,
        since: None,
        colour: false,
    };
    for (zone, start, streak) in [
        (
            Tz::UTC,
            "Mon 2026-11-30 22:30",
            "Streak: 1 day in a row (longest 1); a session today keeps it going",
        ),
        // +11:00 (DST): the session was this morning, and it is still today there.
        (
            Tz::Australia__Lord_Howe,
            "Tue 2026-12-01 09:30",
            "Streak: 1 day in a row (longest 1)\n",
        ),
        // -10:00: the session was on the 30th; now it is 02:00 on December 1st.
        (
            Tz::Pacific__Honolulu,
            "Mon 2026-11-30 12:30",
            "Streak: 1 day in a row (longest 1); a session today keeps it going",
        ),
    ] {
        let mut out = Vec::new();
        let (skipped, written) = write_report(&path, &zone, now, request, &mut out).unwrap();
        written.unwrap();
        assert_eq!(skipped.total, 0);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(start), "{}:\n{text}", zone.name());
        assert!(text.contains(streak), "{}:\n{text}", zone.name());
        assert!(text.contains("\n    Sep Oct     Nov       Dec\n"), "{text}");
    }
}

/// A session of several routines has a long name: it wraps in its column, whole, rather
/// than being cut (`Warm-up, Workout, Coo…`); a name past three rows is cut at the third.
#[test]
fn a_long_routine_name_wraps_whole_in_its_column() {
    let mut s = Stats::new(10);
    let mut r = record(at(2026, 3, 24, 7, 5), 400.0, Completed, Some(2));
    r.routine_name = "Warm-up, Workout, Cool-down".to_string();
    s.add(r, &zone());
    let mut r = record(at(2026, 3, 25, 7, 5), 60.0, Completed, None);
    r.routine_name = "word ".repeat(40);
    s.add(r, &zone());
    let text = render(&s, &zone(), date(2026, 3, 25), None, false);
    let expected = "Recent sessions\n\
        \x20 Started               Routine               Result       Active  Back pain\n\
        \x20 Wed 2026-03-25 07:05  word word word word   completed      1:00\n\
        \x20                       word word word word\n\
        \x20                       word word word word…\n\
        \x20 Tue 2026-03-24 07:05  Warm-up, Workout,     completed      6:40  2/10\n\
        \x20                       Cool-down\n";
    assert!(text.starts_with(expected), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

/// `--since` before the whole history: the weekly table starts at the first session, not
/// at the date given (0001-01-01 printed 105,736 empty weeks).
#[test]
fn since_long_ago_starts_the_weeks_at_the_first_session() {
    let stats = stats(&[(3, 2, 600.0, Outcome::Completed)]).since(Some(date(1, 1, 1)));
    let text = render(
        &stats,
        &zone(),
        date(2026, 3, 20),
        Some(date(1, 1, 1)),
        false,
    );
    let weeks: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Week of"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(weeks.len(), 3, "{text}");
    assert!(weeks[0].starts_with("2026-03-02"), "{text}");
}

/// A session resumed over more than a year (each part within the year a record holds)
/// shows its whole time, not 0:00.
#[test]
fn a_resumed_chain_of_over_a_year_keeps_its_time() {
    use limberup::session::SessionId;
    let mut stats = Stats::new(3);
    let year = history::MAX_SECS;
    let mut first = record(at(2026, 3, 1, 7, 0), year, Outcome::Quit, None);
    first.id = Some(SessionId("a".into()));
    let mut second = record(at(2026, 3, 2, 7, 0), 3600.0, Outcome::Completed, None);
    second.id = Some(SessionId("b".into()));
    second.resumes = first.id.clone();
    stats.add(first, &zone());
    stats.add(second, &zone());
    let text = render(&stats, &zone(), date(2026, 3, 20), None, false);
    let hours = (year as u64 + 3600) / 3600;
    assert!(text.contains(&format!("{hours}:00:00")), "{text}");
}
