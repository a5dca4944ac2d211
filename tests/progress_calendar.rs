//! The progression windows swept over every day from 1970 to 2100, in fixed offsets from
//! -12:00 to +14:00 and in DST zones, with sessions at 00:00:01 and 23:59:59 local: "three
//! within 10 days" and "one step up per 7 days" count calendar days as the person lived
//! them, the same on every calendar. Computed in-process from records, as the coach reads
//! them.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use limberup::progress::{Known, events, fold};
use limberup::routine::RanAt;
use limberup::session::{Outcome, SessionRecord};

fn template() -> SessionRecord {
    let at = DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").unwrap();
    SessionRecord {
        id: None,
        routine_id: "core".into(),
        routine_name: "Core".into(),
        started_at: at,
        ended_at: at,
        outcome: Outcome::Completed,
        active_secs: 60.0,
        paused_secs: 0.0,
        planned_secs: 60.0,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: None,
        from_step: 1,
        steps: Vec::new(),
        check_in: Some(0),
        trimmed: false,
    }
}

fn every_day() -> impl Iterator<Item = NaiveDate> {
    let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .unwrap()
        .iter_days()
        .take_while(move |d| *d <= last)
}

/// A session: days after the first day, local time (h, m, s), the level it ran at.
type At = (u64, (u32, u32, u32), u32);

const EARLY: (u32, u32, u32) = (0, 0, 1);
const LATE: (u32, u32, u32) = (23, 59, 59);

/// The instant of local `time` on `day` in `zone` (the earlier in a fold); `None` in a gap.
fn local<Z: TimeZone>(
    zone: &Z,
    day: NaiveDate,
    (h, m, s): (u32, u32, u32),
) -> Option<DateTime<FixedOffset>> {
    let time = NaiveTime::from_hms_opt(h, m, s).unwrap();
    zone.from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&t.offset().fix()))
}

/// The level after calm sessions at `(days after the start, time, level)`, or `None` when
/// the zone has no such local time.
fn level_after<Z: TimeZone>(
    zone: &Z,
    start: NaiveDate,
    sessions: &[At],
    template: &SessionRecord,
) -> Option<u32> {
    let mut records = Vec::with_capacity(sessions.len());
    for &(after, time, level) in sessions {
        let at = local(zone, start.checked_add_days(Days::new(after))?, time)?;
        records.push(SessionRecord {
            started_at: at,
            ended_at: at,
            levels: vec![RanAt {
                routine: "core".into(),
                level,
            }],
            ..template.clone()
        });
    }
    let known = Known {
        records,
        manual: Vec::new(),
    };
    Some(fold(5, &events(&known, "core")).level)
}

/// The cases each day: (sessions, the level they must give).
fn cases() -> Vec<(Vec<At>, u32)> {
    vec![
        // Day 1 late, day 5 early, day 10 late: within 10 calendar days.
        (vec![(0, LATE, 1), (4, EARLY, 1), (9, LATE, 1)], 2),
        // The third on day 11, a second after midnight: not within 10 days.
        (vec![(0, LATE, 1), (4, EARLY, 1), (10, EARLY, 1)], 1),
        // Up on day 3 late; three more by day 9 late: 6 days on, too soon for a second.
        (
            vec![
                (0, EARLY, 1),
                (1, EARLY, 1),
                (2, LATE, 1),
                (3, EARLY, 2),
                (4, EARLY, 2),
                (8, LATE, 2),
            ],
            2,
        ),
        // ... and on day 10, a second after midnight, 7 days on: the second step up.
        (
            vec![
                (0, EARLY, 1),
                (1, EARLY, 1),
                (2, LATE, 1),
                (3, EARLY, 2),
                (4, EARLY, 2),
                (9, EARLY, 2),
            ],
            3,
        ),
    ]
}

fn sweep<Z: TimeZone>(zone: &Z, name: &str, template: &SessionRecord, wrong: &mut Vec<String>) {
    let cases = cases();
    for start in every_day() {
        for (sessions, want) in &cases {
            if let Some(got) = level_after(zone, start, sessions, template)
                && got != *want
                && wrong.len() < 20
            {
                wrong.push(format!(
                    "{name} from {start}: {sessions:?} gave level {got}, not {want}"
                ));
            }
        }
    }
}

#[test]
fn the_windows_count_calendar_days_in_fixed_offsets() {
    let template = template();
    let mut wrong = Vec::new();
    let mut zones: Vec<i32> = (-12..=14).map(|h| h * 60).collect();
    zones.extend([-570, -210, 210, 330, 345, 525, 570, 630, 765, 825]);
    for minutes in zones {
        let zone = FixedOffset::east_opt(minutes * 60).unwrap();
        sweep(&zone, &zone.to_string(), &template, &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_windows_count_calendar_days_in_dst_zones() {
    let template = template();
    let mut wrong = Vec::new();
    for zone in [
        Tz::America__New_York,
        Tz::Europe__London,
        Tz::Australia__Lord_Howe,
        Tz::Pacific__Chatham,
        Tz::America__Santiago,
        Tz::America__Havana,
        Tz::Asia__Beirut,
        Tz::Pacific__Apia,
        Tz::Australia__Sydney,
        Tz::America__St_Johns,
    ] {
        sweep(&zone, zone.name(), &template, &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
