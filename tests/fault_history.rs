//! History faults through the real binary: a record cut short by a crash, bytes that are not
//! UTF-8, a 50 MB history, a history that is a full device, a data dir that is a file.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use common::{Sandbox, at, record, tiny_routine};
use limberup::session::{Outcome, PassRecord, SessionRecord, StepRecord, StepStatus};

fn stdout_of(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn line(record: &SessionRecord) -> String {
    serde_json::to_string(record).unwrap()
}

/// `limberup history --json`: the records it prints, and its stderr.
fn history_json(sb: &Sandbox) -> (Vec<SessionRecord>, String) {
    let output = sb.cmd().args(["history", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        stderr_of(&output),
    )
}

fn skipped_warning(path: &Path, line: usize, reason: &str) -> String {
    format!(
        "limberup: warning: {}:{line}: skipped: {reason}\n",
        path.display()
    )
}

#[test]
fn a_record_cut_short_is_named_and_the_next_session_starts_a_line_of_its_own() {
    let sb = Sandbox::new();
    let a = record(at(2026, 3, 1, 7, 0), 300.0, Outcome::Completed, Some(2));
    let b = record(at(2026, 3, 2, 7, 0), 120.0, Outcome::Quit, None);
    let c = record(at(2026, 3, 3, 7, 0), 240.0, Outcome::Completed, None);
    let torn = &line(&c)[..line(&c).len() / 2];
    let before = format!("{}\n{}\n{torn}", line(&a), line(&b));
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), &before).unwrap();
    let warning = skipped_warning(&sb.history_file(), 3, "cut short (a crash while writing?)");

    let (records, stderr) = history_json(&sb);
    assert_eq!(records, vec![a.clone(), b.clone()]);
    assert_eq!(stderr, warning);
    let report = sb.cmd().arg("history").output().unwrap();
    assert_eq!(report.status.code(), Some(0));
    assert_eq!(stderr_of(&report), warning);
    let text = stdout_of(&report);
    assert!(
        text.contains("Total: 2 sessions (1 completed), 7:00 active"),
        "{text}"
    );
    assert!(text.contains("Sun 2026-03-01 06:00  Warm-up  completed"));
    assert!(text.contains("Mon 2026-03-02 06:00  Warm-up  quit"));

    // A plain session after the crash: stdin closed, so it runs to the end by itself.
    sb.write_routine("tiny", &tiny_routine(1));
    let run = sb.cmd().args(["run", "tiny"]).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr_of(&run));
    assert_eq!(stderr_of(&run), "");
    let after = std::fs::read(sb.history_file()).unwrap();
    // Only appended to; the torn line is closed off and the new record has a line of its own.
    assert!(after.starts_with(before.as_bytes()));
    let added = std::str::from_utf8(&after[before.len()..]).unwrap();
    assert!(
        added.starts_with('\n') && added.ends_with('\n'),
        "{added:?}"
    );
    let new: SessionRecord = serde_json::from_str(added.trim()).unwrap();
    assert_eq!(new.routine_id, "tiny");
    assert_eq!(new.outcome, Outcome::Completed);

    let (records, stderr) = history_json(&sb);
    assert_eq!(records, vec![a, b, new]);
    assert_eq!(stderr, warning, "the torn line keeps its number");
}

#[test]
fn a_record_with_bytes_that_are_not_utf8_is_skipped_by_line() {
    let sb = Sandbox::new();
    let a = record(at(2026, 3, 1, 7, 0), 300.0, Outcome::Completed, None);
    let b = record(at(2026, 3, 2, 7, 0), 120.0, Outcome::Completed, None);
    let c = record(at(2026, 3, 3, 7, 0), 240.0, Outcome::Completed, None);
    let mut bad = line(&b).into_bytes();
    let middle = bad.len() / 2;
    bad.splice(middle..middle + 2, [0xff, 0xc3]);
    let mut bytes = format!("{}\n", line(&a)).into_bytes();
    bytes.extend_from_slice(&bad);
    bytes.push(b'\n');
    bytes.extend_from_slice(format!("{}\n", line(&c)).as_bytes());
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), &bytes).unwrap();
    let warning = skipped_warning(&sb.history_file(), 2, "not UTF-8 text");

    let (records, stderr) = history_json(&sb);
    assert_eq!(records, vec![a, c]);
    assert_eq!(stderr, warning);
    let report = sb.cmd().arg("history").output().unwrap();
    assert_eq!(report.status.code(), Some(0));
    assert_eq!(stderr_of(&report), warning);
    assert!(stdout_of(&report).contains("Total: 2 sessions (2 completed), 9:00 active"));
}

/// A realistic record: eight steps, some with sides, as a warm-up leaves it.
fn full_record(started_at: DateTime<FixedOffset>, outcome: Outcome) -> SessionRecord {
    let steps = (1..=8)
        .map(|i| {
            let sides: &[&str] = if i % 2 == 0 { &["Left", "Right"] } else { &[] };
            let passes: Vec<PassRecord> = if sides.is_empty() {
                vec![PassRecord {
                    label: None,
                    active_secs: 75.0,
                    planned_secs: Some(75.0),
                    reps: None,
                    ..Default::default()
                }]
            } else {
                sides
                    .iter()
                    .map(|s| PassRecord {
                        label: Some(s.to_string()),
                        active_secs: 37.5,
                        planned_secs: Some(37.5),
                        reps: Some(10),
                        ..Default::default()
                    })
                    .collect()
            };
            StepRecord {
                name: format!("Step number {i} of the routine"),
                status: StepStatus::Done,
                active_secs: 75.0,
                passes,
                ..Default::default()
            }
        })
        .collect();
    SessionRecord {
        id: None,
        routine_id: "warm-up".to_string(),
        routine_name: "Warm-up".to_string(),
        started_at,
        ended_at: started_at + chrono::Duration::seconds(660),
        outcome,
        active_secs: 600.0,
        paused_secs: 12.5,
        planned_secs: 600.0,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: None,
        from_step: 1,
        steps,
        check_in: Some(1),
        trimmed: false,
    }
}

/// Days (counted back from today) with only quit sessions: the current streak is days 0-4,
/// the longest days 6-45; after that a gap every week.
fn gap(days_ago: u64) -> bool {
    days_ago == 5 || days_ago == 46 || (days_ago > 46 && days_ago.is_multiple_of(7))
}

#[test]
fn a_50_mb_history_is_read_to_the_right_count_and_streak() {
    const SIZE: usize = 50 * 1024 * 1024;
    const PER_DAY: u64 = 3;
    let sb = Sandbox::new();
    // The binary runs with TZ=UTC: days are UTC days.
    let today = Utc::now().date_naive();
    let utc = FixedOffset::east_opt(0).unwrap();
    let start_of = |day: NaiveDate, hour: u32| {
        utc.from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
            .unwrap()
    };
    // One serialized record, cut around its two timestamps, cloned with other dates.
    let marker = start_of(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(), 7);
    let template = |outcome| {
        let text = line(&full_record(marker, outcome));
        let started = serde_json::to_string(&marker).unwrap();
        let ended = serde_json::to_string(&(marker + chrono::Duration::seconds(660))).unwrap();
        let (head, rest) = text.split_once(&started).unwrap();
        let (middle, tail) = rest.split_once(&ended).unwrap();
        (head.to_string(), middle.to_string(), tail.to_string())
    };
    let done = template(Outcome::Completed);
    let quit = template(Outcome::Quit);
    // The shorter of the two lines, with its timestamps and newline.
    let stamp_len = serde_json::to_string(&marker).unwrap().len();
    let line_len = quit.0.len() + quit.1.len() + quit.2.len() + 2 * stamp_len + 1;
    let days = (SIZE as u64).div_ceil(PER_DAY * line_len as u64);
    let mut text = String::with_capacity(SIZE + 4096);
    let mut completed = 0;
    for days_ago in (0..days).rev() {
        let day = today - chrono::Days::new(days_ago);
        let (head, middle, tail) = if gap(days_ago) { &quit } else { &done };
        for hour in [7, 12, 18].into_iter().take(PER_DAY as usize) {
            let started = start_of(day, hour);
            let ended = started + chrono::Duration::seconds(660);
            text.push_str(head);
            text.push_str(&serde_json::to_string(&started).unwrap());
            text.push_str(middle);
            text.push_str(&serde_json::to_string(&ended).unwrap());
            text.push_str(tail);
            text.push('\n');
            completed += u64::from(!gap(days_ago));
        }
    }
    assert!(text.len() >= SIZE, "{} bytes", text.len());
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), &text).unwrap();
    drop(text);

    let output = sb.cmd().arg("history").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
    let report = stdout_of(&output);
    let sessions = days * PER_DAY;
    let active = Duration::from_secs(sessions * 600);
    let expected_total = format!(
        "Total: {sessions} sessions ({completed} completed), {}:{:02}:00 active",
        active.as_secs() / 3600,
        active.as_secs() / 60 % 60
    );
    assert!(
        report.contains(&expected_total),
        "{expected_total}\n{report}"
    );
    // Holds after midnight too: then today is empty and the streak counts up to yesterday.
    assert!(
        report.contains("Streak: 5 days in a row (longest 40)"),
        "{report}"
    );
    let newest = format!(
        "{}  Warm-up  completed",
        start_of(today, 18).format("%a %Y-%m-%d %H:%M")
    );
    assert!(report.contains(&newest), "{newest}\n{report}");
}

/// The history is `/dev/full`: a device, where opening and appending would work and every
/// write fail (as on a full disk), and a read never end.
fn history_on_a_full_device(history: &Path) {
    std::fs::create_dir_all(history.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("/dev/full", history).unwrap();
}

#[test]
fn a_device_for_a_history_is_refused_before_the_session_which_runs_to_its_end() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(2));
    history_on_a_full_device(&sb.history_file());
    let output = sb
        .cmd()
        .args(["run", "tiny"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).ends_with(
            "[00:02] Summary: completed, 2/2 steps done, 0 skipped, 0 reps, 0:02 active, 0:00 paused\n"
        ),
        "{}",
        stdout_of(&output)
    );
    let refused = format!(
        "cannot write {}: not a regular file but a character device",
        sb.history_file().display()
    );
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: warning: {refused}; sessions cannot be recorded\n\
             limberup: warning: {refused}; this session was not recorded\n"
        )
    );

    // Reading it ends too, with an error naming the file: a device holds no history.
    let report = sb
        .cmd()
        .arg("history")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(1), "{}", stderr_of(&report));
    assert_eq!(
        stderr_of(&report),
        format!(
            "limberup: cannot read {}: not a regular file but a character device\n",
            sb.history_file().display()
        )
    );
}

#[test]
fn a_write_that_fails_is_a_warning_naming_the_file_and_the_session_runs_to_its_end() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(2));
    // A file size limit of 0 (SIGXFSZ ignored): every write to a file fails with EFBIG, as
    // writes to a full disk fail with ENOSPC. Pipes (stdout, stderr) are not files.
    let exe = env!("CARGO_BIN_EXE_limberup");
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -f 0 && trap '' XFSZ && exec \"$0\" run tiny",
            exe,
        ])
        .env_clear()
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("TZ", "UTC")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("Summary: completed, 2/2 steps done"),
        "{}",
        stdout_of(&output)
    );
    // The resume state is a file too: said once, at the first step, and the session goes on.
    // The session's own file in the resume directory, named by its id.
    let resume = sb.history_file().with_file_name("resume");
    let stderr = stderr_of(&output);
    let (first, rest) = stderr.split_once('\n').unwrap();
    assert!(
        first.starts_with(&format!(
            "limberup: warning: this session cannot be resumed if it stops: cannot write {}/",
            resume.display()
        )) && first.ends_with(".json: File too large (os error 27)"),
        "{stderr}"
    );
    assert_eq!(
        rest,
        format!(
            "limberup: warning: cannot write {}: File too large (os error 27); \
             this session was not recorded\n",
            sb.history_file().display()
        )
    );
    assert_eq!(std::fs::read(sb.history_file()).unwrap(), b"");
}

#[test]
fn history_with_a_data_dir_that_is_a_file_is_a_clean_error_naming_it() {
    let sb = Sandbox::new();
    let blocker = sb.path().join("not-a-dir");
    std::fs::write(&blocker, "a file where the data dir should be").unwrap();
    let output = sb
        .cmd()
        .env("XDG_DATA_HOME", &blocker)
        .arg("history")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: cannot read {}: Not a directory (os error 20)\n",
            blocker.join("limberup/history.jsonl").display()
        )
    );
}

/// Runs the binary in `sb` with `data` as the data home, stdout captured and stderr a pipe
/// nobody reads any more, as after `2>&1 | head -1`.
fn with_stderr_gone(sb: &Sandbox, data: &Path, args: &[&str]) -> Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env("PATH", sb.silent_path())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", data)
        .env("TZ", "UTC")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    child.wait_with_output().unwrap()
}

#[test]
fn warnings_to_a_stderr_nobody_reads_stop_neither_a_session_nor_the_report() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let blocker = sb.path().join("not-a-dir");
    std::fs::write(&blocker, "a file where the data dir should be").unwrap();
    let output = with_stderr_gone(&sb, &blocker, &["run", "tiny"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).contains("Summary: completed, 1/1 steps done"));

    let a = record(at(2026, 3, 1, 7, 0), 300.0, Outcome::Completed, None);
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), format!("{}\n{{\"cut", line(&a))).unwrap();
    let output = with_stderr_gone(&sb, &sb.path().join("data"), &["history"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).contains("Total: 1 session (1 completed), 5:00 active"));
}
