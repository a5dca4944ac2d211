//! A resumed session in the history's totals: its records count as one session, on the day
//! it first started, completed once its last part completed, with the active time of every
//! part. Swept over every day from 1970 to 2100, each day in another zone (fixed offsets
//! from -12:00 to +14:00 and DST zones), with the session begun at 23:59:59 local and taken
//! up after midnight, so a date taken from the wrong record fails here.

use std::time::Duration;

use chrono::{DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use limberup::session::{Outcome, SessionId, SessionRecord};
use limberup::stats::{REMEMBERED, Stats, Totals};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The latest instant of `day` in `zone` at or before 23:59:59 local (an hour earlier in a
/// gap); `None` for a day the zone skipped.
fn late<Z: TimeZone>(zone: &Z, day: NaiveDate) -> Option<DateTime<FixedOffset>> {
    let time = NaiveTime::from_hms_opt(23, 59, 59).unwrap();
    [time, NaiveTime::from_hms_opt(22, 59, 59).unwrap()]
        .into_iter()
        .find_map(|t| match zone.from_local_datetime(&day.and_time(t)) {
            LocalResult::Single(at) => Some(at),
            LocalResult::Ambiguous(_, b) => Some(b),
            LocalResult::None => None,
        })
        .filter(|at| at.date_naive() == day)
        .map(|at| at.fixed_offset())
}

fn record(
    id: &str,
    resumes: Option<&str>,
    started_at: DateTime<FixedOffset>,
    secs: f64,
    outcome: Outcome,
) -> SessionRecord {
    SessionRecord {
        id: Some(SessionId(id.to_string())),
        routine_id: "warm-up".into(),
        routine_name: "Warm-up".into(),
        started_at,
        ended_at: started_at + chrono::Duration::seconds(secs as i64),
        outcome,
        active_secs: secs,
        paused_secs: 0.0,
        planned_secs: 300.0,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: resumes.map(|r| SessionId(r.to_string())),
        from_step: if resumes.is_some() { 3 } else { 1 },
        steps: Vec::new(),
        check_in: None,
        trimmed: false,
    }
}

/// A session begun at `start`, quit after 90 s, taken up 10 minutes later and completed in
/// 150 s: the two records as the history has them.
fn resumed_session(start: DateTime<FixedOffset>) -> [SessionRecord; 2] {
    let later = start + chrono::Duration::minutes(10);
    [
        record("first", None, start, 90.0, Outcome::Quit),
        record("second", Some("first"), later, 150.0, Outcome::Completed),
    ]
}

fn check<Z: TimeZone>(zone: &Z, day: NaiveDate, name: &str) {
    let Some(start) = late(zone, day) else {
        return;
    };
    let [first, second] = resumed_session(start);
    // The part taken up is on the next local day: the sweep would not test anything else.
    assert!(
        second.started_at.with_timezone(zone).date_naive() > day,
        "{name} {day}"
    );
    let mut stats = Stats::new(10);
    stats.add(first, zone);
    stats.add(second, zone);
    let want = Totals {
        sessions: 1,
        completed: 1,
        active: Duration::from_secs(240),
    };
    assert_eq!(
        stats.days.iter().collect::<Vec<_>>(),
        [(&day, &want)],
        "{name} {day}"
    );
    assert_eq!(stats.streak(day).current, 1, "{name} {day}");
    assert_eq!(stats.streak(day + Days::new(1)).current, 1, "{name} {day}");
    // One recent session, with both parts' time and the last part's end.
    assert_eq!(stats.recent.len(), 1, "{name} {day}");
    assert_eq!(stats.recent[0].active_secs, 240.0);
    assert_eq!(stats.recent[0].outcome, Outcome::Completed);

    // `--since` the next day leaves the whole session out, counted once.
    let [first, second] = resumed_session(start);
    let mut since = Stats::new(10).since(Some(day + Days::new(1)));
    since.add(first, zone);
    since.add(second, zone);
    assert!(since.days.is_empty(), "{name} {day}");
    assert_eq!(since.left_out.sessions, 1, "{name} {day}");
    assert_eq!(since.left_out.last, Some(day), "{name} {day}");
}

#[test]
fn a_resumed_session_counts_once_on_its_first_day_every_day_in_every_zone() {
    let fixed: Vec<FixedOffset> = (-12..=14)
        .map(|h| FixedOffset::east_opt(h * 3600).unwrap())
        .chain([330, 345, 525, 765].map(|m| FixedOffset::east_opt(m * 60).unwrap()))
        .collect();
    let dst = [
        Tz::America__New_York,
        Tz::Europe__London,
        Tz::Australia__Lord_Howe,
        Tz::Pacific__Chatham,
        Tz::America__Santiago,
        Tz::America__Havana,
        Tz::Pacific__Apia,
    ];
    let days = date(1970, 1, 1)
        .iter_days()
        .take_while(|d| *d <= date(2100, 12, 31));
    for (i, day) in days.enumerate() {
        let zone = &fixed[i % fixed.len()];
        check(zone, day, &zone.to_string());
        let tz = &dst[i % dst.len()];
        check(tz, day, tz.name());
    }
}

#[test]
fn a_session_quit_twice_and_completed_is_one_completed_session() {
    let start = Utc
        .with_ymd_and_hms(2026, 3, 1, 7, 0, 0)
        .unwrap()
        .fixed_offset();
    let mut stats = Stats::new(10);
    stats.add(record("a", None, start, 60.0, Outcome::Quit), &Utc);
    let later = start + chrono::Duration::hours(1);
    stats.add(
        record("b", Some("a"), later, 30.0, Outcome::Interrupted),
        &Utc,
    );
    let later = later + chrono::Duration::hours(1);
    stats.add(
        record("c", Some("a"), later, 45.0, Outcome::Completed),
        &Utc,
    );
    assert_eq!(stats.total().sessions, 1);
    assert_eq!(stats.total().completed, 1);
    assert_eq!(stats.total().active, Duration::from_secs(135));
    assert_eq!(stats.recent.len(), 1);
    assert_eq!(stats.recent[0].outcome, Outcome::Completed);
}

#[test]
fn a_part_resuming_a_record_not_seen_counts_as_a_session_of_its_own() {
    let start = Utc
        .with_ymd_and_hms(2026, 3, 1, 7, 0, 0)
        .unwrap()
        .fixed_offset();
    let mut stats = Stats::new(10);
    stats.add(
        record("b", Some("gone"), start, 30.0, Outcome::Completed),
        &Utc,
    );
    assert_eq!(stats.total().sessions, 1);
    assert_eq!(stats.total().completed, 1);
    // The first records are remembered a bounded number at a time, oldest forgotten first.
    let mut stats = Stats::new(10);
    stats.add(record("first", None, start, 30.0, Outcome::Quit), &Utc);
    for i in 0..REMEMBERED {
        let at = start + chrono::Duration::minutes(i as i64 + 1);
        stats.add(record(&format!("q{i}"), None, at, 1.0, Outcome::Quit), &Utc);
    }
    let at = start + chrono::Duration::days(10);
    stats.add(
        record("late", Some("first"), at, 30.0, Outcome::Completed),
        &Utc,
    );
    assert_eq!(stats.total().sessions as usize, REMEMBERED + 2);
}
