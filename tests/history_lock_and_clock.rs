//! The hostile sweep's findings about waiting and time: a held history lock (a word, then
//! a bounded wait), `TZ=/dev/zero` and other files chrono would read to the end, a clock
//! before 1970 or past 9999.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate};
use common::{Sandbox, at, record, tiny_routine};
use limberup::history::{self, LockWait};
use limberup::session::{Outcome, SessionRecord};
use limberup::stats::{Stats, render};
use limberup::wallclock::{self, Zone};

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn line(record: &SessionRecord) -> String {
    serde_json::to_string(record).unwrap()
}

fn good() -> SessionRecord {
    record(at(2026, 3, 1, 7, 0), 300.0, Outcome::Completed, None)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Holds the history's lock as another limberup would while writing.
fn hold_lock(path: &Path) -> std::fs::File {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_held_lock_is_waited_for_with_a_word_then_the_line_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let held = hold_lock(&path);
    let (tx, rx) = std::sync::mpsc::channel();
    let writer = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let limit = Duration::from_secs(30);
            let mut notify = |wait: LockWait| tx.send(wait).unwrap();
            history::write(&path, history::Line::Session(&good()), limit, &mut notify)
        });
        // Told before it waits; the holder lets go on hearing it.
        let heard = rx.recv().unwrap();
        assert_eq!(
            heard,
            LockWait::Waiting {
                limit: Duration::from_secs(30)
            }
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"",
            "nothing written while locked"
        );
        drop(held);
        writer.join().unwrap()
    });
    writer.unwrap();
    assert!(rx.try_recv().is_err(), "no more notices");
    assert_eq!(history::load(&path).unwrap().records, vec![good()]);
    let message = LockWait::Waiting {
        limit: Duration::from_secs(10),
    }
    .message(&path);
    assert_eq!(
        message,
        format!(
            "waiting up to 10 s for another process (another limberup?) writing {}",
            path.display()
        )
    );
}

#[test]
fn a_lock_held_past_the_limit_is_written_past_on_a_line_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    // The holder is mid-write: half a line, no newline yet.
    let mut held = hold_lock(&path);
    let half = &line(&good())[..40];
    held.write_all(half.as_bytes()).unwrap();
    let limit = Duration::from_millis(200);
    let mut heard = Vec::new();
    history::write(&path, history::Line::Session(&good()), limit, &mut |w| {
        heard.push(w)
    })
    .unwrap();
    assert_eq!(
        heard,
        [LockWait::Waiting { limit }, LockWait::GaveUp { limit }]
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, format!("{half}\n{}\n", line(&good())));
    drop(held);
}

/// The end of a plain session while another process holds the lock: it says it waits, and
/// for what, and saves once the lock is free.
#[test]
fn a_session_says_it_waits_for_the_lock_and_saves_after_it() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let held = hold_lock(&sb.history_file());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["run", "tiny"])
        .env_clear()
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Lines read on a thread, so a coach that waits without a word fails at a deadline
    // instead of hanging the test.
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in stderr.lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let Ok(first) = rx.recv_timeout(Duration::from_secs(20)) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("no notice that it waits for the lock");
    };
    assert_eq!(
        first,
        format!(
            "limberup: warning: waiting up to 10 s for another process (another limberup?) \
             writing {}",
            sb.history_file().display()
        )
    );
    drop(held);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
    let rest: Vec<String> = rx.try_iter().collect();
    assert!(rest.is_empty(), "{rest:?}");
    let records = history::load(&sb.history_file()).unwrap().records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].routine_id, "tiny");
}

#[test]
fn a_tz_that_names_a_device_a_fifo_or_a_huge_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = dir.path().join("huge");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let depth = "../".repeat(8);
    for (tz, path, problem) in [
        (
            "/dev/zero",
            "/dev/zero".to_string(),
            "is not a regular file",
        ),
        (
            ":/dev/zero",
            "/dev/zero".to_string(),
            "is not a regular file",
        ),
        (
            &format!("{depth}dev/zero"),
            format!("/usr/share/zoneinfo/{depth}dev/zero"),
            "is not a regular file",
        ),
        (
            fifo.to_str().unwrap(),
            fifo.display().to_string(),
            "is not a regular file",
        ),
        (
            huge.to_str().unwrap(),
            huge.display().to_string(),
            "is far too large for a time zone file",
        ),
    ] {
        let (zone, warning) = wallclock::zone_for(Some(tz.as_ref()));
        assert_eq!(zone, Zone::Utc, "{tz}");
        assert_eq!(
            warning.as_deref(),
            Some(format!("TZ={tz}: {path} {problem}; showing times in UTC").as_str())
        );
    }
    for tz in [
        "",
        "UTC",
        "Europe/London",
        ":America/New_York",
        "EST5EDT",
        "<+0530>-5:30",
    ] {
        assert_eq!(
            wallclock::zone_for(Some(tz.as_ref())),
            (Zone::System, None),
            "{tz}"
        );
    }
}

#[test]
fn tz_dev_zero_shows_the_report_in_utc_with_a_warning_at_once() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), format!("{}\n", line(&good()))).unwrap();
    // A hang (the old reading of /dev/zero) fails at the deadline.
    let output = sb
        .cmd()
        .arg("history")
        .env("TZ", "/dev/zero")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stderr_of(&output),
        "limberup: warning: TZ=/dev/zero: /dev/zero is not a regular file; showing times in UTC\n"
    );
    // 07:00 at +01:00 is 06:00 UTC.
    assert!(
        stdout_of(&output).contains("Sun 2026-03-01 06:00  Warm-up"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_clock_before_1970_or_past_9999_is_read_without_a_panic() {
    let before = UNIX_EPOCH - Duration::from_millis(1250);
    let (t, exact) = wallclock::utc_of(before);
    assert!(exact);
    assert_eq!(t.to_rfc3339(), "1969-12-31T23:59:58.750+00:00");
    let (t, exact) = wallclock::utc_of(UNIX_EPOCH - Duration::from_secs(86_400 * 365 * 100));
    assert!(exact);
    assert_eq!(t.year(), 1870);
    // Past the years the history keeps: held at their edges, and said so.
    let (t, exact) = wallclock::utc_of(UNIX_EPOCH - Duration::from_secs(1 << 40));
    assert!(!exact);
    assert_eq!(t.to_rfc3339(), "0001-01-02T00:00:00+00:00");
    let (t, exact) = wallclock::utc_of(UNIX_EPOCH + Duration::from_secs(1 << 40));
    assert!(!exact);
    assert_eq!(t.to_rfc3339(), "9999-12-30T23:59:59+00:00");
    let (t, exact) = wallclock::utc_of(UNIX_EPOCH + Duration::from_secs(1 << 62));
    assert!(!exact);
    assert_eq!(t.year(), 9999);
    assert_eq!(
        wallclock::local(t, Zone::Utc).to_rfc3339(),
        "9999-12-30T23:59:59+00:00"
    );
    // The report at either edge, in the zones furthest apart, with sessions there too.
    for (edge, session) in [
        (date(1, 1, 2), "0001-01-01T13:00:00-12:00"),
        (date(9999, 12, 30), "9999-12-31T13:00:00+14:00"),
    ] {
        for zone in [-12, 14].map(|h| chrono::FixedOffset::east_opt(h * 3600).unwrap()) {
            let mut stats = Stats::new(10);
            let mut r = good();
            r.started_at = chrono::DateTime::parse_from_rfc3339(session).unwrap();
            stats.add(r, &zone);
            let today =
                limberup::stats::today(edge.and_hms_opt(12, 0, 0).unwrap().and_utc(), &zone);
            let text = render(&stats, &zone, today, None, false);
            assert!(text.contains("Total: 1 session"), "{text}");
        }
    }
}
