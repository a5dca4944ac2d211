//! Reminder schedules: parsing, the next firing swept over every day of a year in zones
//! with and without DST (checked minute by minute against the schedule itself), and what
//! is installed read back by the real readers: `systemd-analyze verify` and `calendar`
//! (its next times equal ours), the `plist` crate, and a cron parser (`croner`, whose next
//! times equal ours).

use std::path::Path;
use std::str::FromStr as _;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use limberup::remind::{self, Reminder, Schedule, WeekDays};

fn desk() -> Reminder {
    let schedule = Schedule::every("45m", "09:00-17:30", Some("mon-fri")).unwrap();
    Reminder::new("desk", "warm-up", schedule).unwrap()
}

fn twice() -> Reminder {
    Reminder::new(
        "twice",
        "cool-down",
        Schedule::at("Mon..Wed,Sat 09:30,14:00").unwrap(),
    )
    .unwrap()
}

#[test]
fn schedules_parse_as_the_help_says_and_bad_ones_say_why() {
    let s = Schedule::at("Mon..Fri 09:30,14:00").unwrap();
    assert_eq!(
        s.days,
        WeekDays([true, true, true, true, true, false, false])
    );
    assert_eq!(s.times.len(), 2);
    assert!(Schedule::at("07:00").unwrap().days.all());
    assert_eq!(
        WeekDays::parse("fri-mon").unwrap().systemd(),
        "Mon,Fri..Sun"
    );
    assert_eq!(WeekDays::parse("mon,wed").unwrap().cron(), "1,3");
    assert_eq!(WeekDays::parse("Saturday,sun").unwrap().cron(), "0,6");
    let every = desk().schedule;
    // 09:00, 09:45, ... 17:15 (17:30 + 45 min is past the window's end).
    assert_eq!(every.times.len(), 12);
    assert_eq!(every.times.last().unwrap().to_string(), "17:15:00");
    for (bad, says) in [
        (Schedule::at("Mon..Fry 09:30"), "`fry` is not a weekday"),
        (Schedule::at("9.30"), "`9.30` is not a time of day"),
        (
            Schedule::every("2m", "09:00-10:00", None),
            "must be from 5 minutes",
        ),
        (
            Schedule::every("45m", "17:00-09:00", None),
            "the end must be after the start",
        ),
        (
            Schedule::every("soon", "09:00-10:00", None),
            "expected minutes or hours",
        ),
    ] {
        assert!(bad.as_ref().unwrap_err().contains(says), "{bad:?}");
    }
    assert!(Reminder::new("Desk Break", "x", Schedule::at("09:00").unwrap()).is_err());
}

/// Every UTC instant of `day` at `hh:mm`, as a `DateTime` in `tz`.
fn instant(tz: &Tz, day: NaiveDate, minutes: u32) -> DateTime<Tz> {
    let utc = Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap())
        + Duration::minutes(i64::from(minutes));
    utc.with_timezone(tz)
}

/// Whether the local wall time of `at` is a firing that counts: a repeated wall time
/// (the hour a DST change repeats) fires the first time only.
fn fires(schedule: &Schedule, tz: &Tz, at: &DateTime<Tz>) -> bool {
    let local = at.naive_local();
    if !schedule.fires_at(local) {
        return false;
    }
    match tz.from_local_datetime(&local) {
        LocalResult::Ambiguous(first, _) => first == *at,
        _ => true,
    }
}

#[test]
fn the_next_firing_is_right_on_every_day_of_a_year_in_zones_with_dst() {
    let zones: [Tz; 6] = [
        chrono_tz::UTC,
        chrono_tz::Europe::Berlin,
        chrono_tz::America::New_York,
        chrono_tz::Australia::Sydney,
        chrono_tz::America::St_Johns,
        chrono_tz::Pacific::Chatham,
    ];
    // One with a firing inside the hour DST skips or repeats in most zones.
    let night = Reminder::new("night", "x", Schedule::at("02:30,09:00").unwrap()).unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut checked = 0;
    for (z, tz) in zones.iter().enumerate() {
        for reminder in [desk(), twice(), night.clone()] {
            let schedule = &reminder.schedule;
            for n in 0..365u64 {
                let day = start + chrono::Days::new(n);
                // A different minute of the day each day and zone.
                let minutes = ((n * 97 + z as u64 * 331) % 1440) as u32;
                let now = instant(tz, day, minutes);
                let next = schedule
                    .next_after(&now, tz)
                    .expect("a firing within a week");
                assert!(next > now);
                assert!(fires(schedule, tz, &next), "{tz} {now} -> {next}");
                assert_eq!(next.second(), 0);
                // No firing was passed over: every minute between is not one.
                let mut at =
                    now.with_second(0).unwrap().with_nanosecond(0).unwrap() + Duration::minutes(1);
                while at < next {
                    assert!(
                        !fires(schedule, tz, &at),
                        "{tz}: {at} fires before {next} (from {now})"
                    );
                    at += Duration::minutes(1);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 3 * 365);
}

fn tool(name: &str) -> bool {
    std::process::Command::new(name)
        .arg("--version")
        .output()
        .is_ok()
}

#[test]
fn systemd_accepts_the_units_and_fires_them_when_we_say() {
    if !tool("systemd-analyze") {
        eprintln!("systemd-analyze not installed: skipped (.ci/run installs it)");
        return;
    }
    let exe = Path::new(env!("CARGO_BIN_EXE_limberup"));
    let dir = tempfile::tempdir().unwrap();
    for reminder in [desk(), twice()] {
        let files = remind::systemd(&reminder, exe);
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let out = std::process::Command::new("systemd-analyze")
            .args(["verify", "--user"])
            .arg(dir.path().join(&files[1].0))
            .env("XDG_RUNTIME_DIR", dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(files[1].1.contains("OnCalendar="));
        // Its calendar's next times, from a fixed base, are ours (in two zones).
        for zone in ["UTC", "Europe/Berlin"] {
            let tz: Tz = zone.parse().unwrap();
            let base = Utc.with_ymd_and_hms(2026, 3, 27, 16, 0, 0).unwrap(); // DST in Berlin on the 29th
            let mut ours = Vec::new();
            let mut now = base.with_timezone(&tz);
            for _ in 0..20 {
                now = reminder.schedule.next_after(&now, &tz).unwrap();
                ours.push(now.with_timezone(&Utc).timestamp());
            }
            let mut theirs = Vec::new();
            for calendar in remind::on_calendar(&reminder.schedule) {
                let out = std::process::Command::new("systemd-analyze")
                    .args(["calendar", "--iterations=20"])
                    .arg(format!("--base-time=@{}", base.timestamp()))
                    .arg(&calendar)
                    .env("TZ", zone)
                    .env("LC_ALL", "C")
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{calendar}: {out:?}");
                let text = String::from_utf8(out.stdout).unwrap();
                // Times in UTC: on lines of their own, unless the zone is UTC already.
                let marks: &[&str] = if text.contains("(in UTC): ") {
                    &["(in UTC): "]
                } else {
                    &["Next elapse: ", "Iter. #"]
                };
                for line in text.lines() {
                    let Some(at) = marks.iter().find_map(|m| line.split(m).nth(1)) else {
                        continue;
                    };
                    // `Mon 2026-03-30 07:00:00 UTC`, after an iteration's `2: `.
                    let at = at.rsplit_once(": ").map_or(at, |(_, t)| t);
                    let fields: Vec<&str> = at.split_whitespace().collect();
                    assert_eq!(fields.get(3), Some(&"UTC"), "{line}");
                    let at = chrono::NaiveDateTime::parse_from_str(
                        &format!("{} {}", fields[1], fields[2]),
                        "%Y-%m-%d %H:%M:%S",
                    )
                    .unwrap();
                    theirs.push(at.and_utc().timestamp());
                }
            }
            theirs.sort_unstable();
            theirs.truncate(20);
            assert_eq!(ours, theirs, "{} in {zone}", reminder.name);
        }
    }
}

#[test]
fn the_launchd_plist_parses_with_one_entry_per_weekday_and_time() {
    let exe = Path::new("/Applications/My Tools/limberup & co");
    let (name, text) = remind::launchd(&twice(), exe);
    assert_eq!(name, "org.limberup.remind.twice.plist");
    let value = plist::Value::from_reader_xml(text.as_bytes()).unwrap();
    let dict = value.as_dictionary().unwrap();
    assert_eq!(dict["Label"].as_string(), Some("org.limberup.remind.twice"));
    let args: Vec<&str> = dict["ProgramArguments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    assert_eq!(args, [exe.to_str().unwrap(), "remind", "fire", "twice"]);
    let entries = dict["StartCalendarInterval"].as_array().unwrap();
    // Mon, Tue, Wed and Sat, at two times each.
    assert_eq!(entries.len(), 8);
    let mut weekdays: Vec<u64> = entries
        .iter()
        .map(|e| {
            e.as_dictionary().unwrap()["Weekday"]
                .as_unsigned_integer()
                .unwrap()
        })
        .collect();
    weekdays.dedup();
    assert_eq!(weekdays, [1, 2, 3, 6]);
    // Every day: no Weekday key at all.
    let daily = Reminder::new("d", "x", Schedule::at("08:15").unwrap()).unwrap();
    let (_, text) = remind::launchd(&daily, exe);
    let value = plist::Value::from_reader_xml(text.as_bytes()).unwrap();
    let entries = value.as_dictionary().unwrap()["StartCalendarInterval"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(entries.len(), 1);
    assert!(!entries[0].as_dictionary().unwrap().contains_key("Weekday"));
}

#[test]
fn crontab_lines_parse_and_fire_when_we_say() {
    let exe = Path::new("/opt/it's/limberup%1");
    for reminder in [desk(), twice()] {
        let lines = remind::cron(&reminder, exe, 1000);
        let base = Utc.with_ymd_and_hms(2026, 3, 27, 16, 0, 0).unwrap();
        let mut theirs = Vec::new();
        for line in &lines {
            assert!(line.ends_with(&format!("# limberup:{}", reminder.name)));
            assert!(line.contains("'/opt/it'\\''s/limberup\\%1'"), "{line}");
            let fields: Vec<&str> = line.split_whitespace().take(5).collect();
            let cron = croner::Cron::from_str(&fields.join(" ")).unwrap();
            let mut at = base;
            for _ in 0..30 {
                at = cron.find_next_occurrence(&at, false).unwrap();
                theirs.push(at);
            }
        }
        theirs.sort_unstable();
        theirs.truncate(30);
        let mut ours = Vec::new();
        let mut now = base;
        for _ in 0..30 {
            now = reminder.schedule.next_after(&now, &Utc).unwrap();
            ours.push(now);
        }
        assert_eq!(ours, theirs, "{}", reminder.name);
    }
}

/// The binary run with `args` in an empty environment whose home is `home`.
fn limberup(home: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env_clear()
        .env("HOME", home)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn remind_add_prints_what_it_would_install_and_installs_nothing() {
    let home = tempfile::tempdir().unwrap();
    let out = limberup(
        home.path(),
        &[
            "remind",
            "add",
            "desk",
            "--routine",
            "warm-up",
            "--every",
            "45m",
            "--between",
            "09:00-17:30",
            "--days",
            "mon-fri",
            "--backend",
            "print",
            "--system",
            "systemd",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# ~/.config/systemd/user/limberup-remind-desk.timer\n"));
    assert!(
        text.contains("OnCalendar=Mon..Fri *-*-* 09,12,15:00:00\n"),
        "{text}"
    );
    assert!(text.contains(" remind fire desk\n"));
    assert_eq!(
        std::fs::read_dir(home.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // An unknown routine is refused as `run` refuses it.
    let args = [
        "remind",
        "add",
        "x",
        "--routine",
        "nope",
        "--at",
        "09:00",
        "--backend",
        "print",
    ];
    let out = limberup(home.path(), &args);
    assert_eq!(out.status.code(), Some(2));
}
