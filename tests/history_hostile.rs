//! The hostile sweep's findings about the history file, each as it was found: absurd values
//! in one line, a date out of range, a FIFO or a gigantic NUL run for a history, a history
//! that others could read, "no sessions" after `--since`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Output, Stdio};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use common::{Sandbox, at, record, tiny_routine};
use limberup::history;
use limberup::session::{Outcome, SessionRecord};
use limberup::stats::{Stats, render};

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn line(record: &SessionRecord) -> String {
    serde_json::to_string(record).unwrap()
}

fn write_history(sb: &Sandbox, text: &str) {
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    std::fs::write(sb.history_file(), text).unwrap();
}

fn good() -> SessionRecord {
    record(at(2026, 3, 1, 7, 0), 300.0, Outcome::Completed, None)
}

/// A record line with `active_secs` replaced by `value` as written.
fn with_active(value: &str) -> String {
    line(&good()).replace("\"active_secs\":300.0", &format!("\"active_secs\":{value}"))
}

#[test]
fn absurd_seconds_skip_the_line_with_a_warning_instead_of_a_panic() {
    for (lines, reason) in [
        (
            vec![with_active("1e300")],
            "not a possible session: active_secs is 1e300, not 0 to 31622400 seconds",
        ),
        // Each fits a Duration; their sum did not.
        (
            vec![with_active("1.8e19"), with_active("1.8e19")],
            "not a possible session: active_secs is 1.8e19, not 0 to 31622400 seconds",
        ),
        (
            vec![with_active("-5")],
            "not a possible session: active_secs is -5.0, not 0 to 31622400 seconds",
        ),
    ] {
        let sb = Sandbox::new();
        let text = format!("{}\n{}\n", line(&good()), lines.join("\n"));
        write_history(&sb, &text);
        let output = sb.cmd().arg("history").output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        let warnings: String = (0..lines.len())
            .map(|i| {
                format!(
                    "limberup: warning: {}:{}: skipped: {reason}\n",
                    sb.history_file().display(),
                    i + 2
                )
            })
            .collect();
        assert_eq!(stderr_of(&output), warnings);
        assert!(
            stdout_of(&output).contains("Total: 1 session (1 completed), 5:00 active"),
            "{}",
            stdout_of(&output)
        );
    }
}

#[test]
fn impossible_scores_and_dates_are_skipped_too() {
    let mut score = good();
    score.check_in = Some(200);
    let far = line(&good()).replace("2026-03-01T07:00:00+01:00", "+200000-03-01T07:00:00+01:00");
    let loaded = history::parse(format!("{}\n{far}\n{}\n", line(&score), line(&good())).as_bytes());
    assert_eq!(loaded.records, vec![good()]);
    let reasons: Vec<&str> = loaded.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "not a possible check-in: a score of 200, not 0 to 10",
            "not a possible start: +200000-03-01 07:00:00 +01:00 is outside the years 1 to 9999",
        ]
    );
}

/// `Stats` takes records from anywhere, not only the reader: it must not panic either.
#[test]
fn stats_never_panic_on_a_record_no_duration_holds() {
    let mut stats = Stats::new(10);
    for secs in [1e300, f64::INFINITY, f64::NAN, -1.0, 1.8e19, 1.8e19] {
        let mut r = good();
        r.active_secs = secs;
        stats.add(r, &Utc);
    }
    let text = render(&stats, &Utc, date(2026, 3, 2), None, false);
    assert!(
        text.contains("Total: 6 sessions (6 completed), 0:00 active"),
        "{text}"
    );
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_since_date_out_of_range_is_refused_as_a_bad_argument() {
    let sb = Sandbox::new();
    write_history(&sb, &format!("{}\n", line(&good())));
    for since in ["-262143-01-01", "0000-12-31", "+10000-01-01"] {
        let output = sb
            .cmd()
            .args(["history", &format!("--since={since}")])
            .output()
            .unwrap();
        let parsed: NaiveDate = since.parse().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{since}: {}",
            stderr_of(&output)
        );
        assert_eq!(
            stderr_of(&output),
            format!("limberup: --since {parsed}: give a date in the years 1 to 9999\n")
        );
    }
    // The edges themselves are fine, and so is a since before the first session.
    for since in ["0001-01-01", "9999-12-31"] {
        let output = sb
            .cmd()
            .args(["history", "--since", since])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{since}: {}",
            stderr_of(&output)
        );
    }
}

#[test]
fn since_after_the_last_session_says_so_and_how_many_there_are() {
    let sb = Sandbox::new();
    let other = record(at(2026, 1, 1, 12, 0), 120.0, Outcome::Quit, None);
    write_history(&sb, &format!("{}\n{}\n", line(&other), line(&good())));
    let output = sb
        .cmd()
        .args(["history", "--since", "2030-01-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_of(&output),
        "No sessions since 2030-01-01: 2 sessions in all, the last on 2026-03-01.\n"
    );
}

/// Runs `limberup ARGS` in `sb` and gives up after `secs`: a hang is a failure, not a
/// stuck test.
fn run_with_timeout(sb: &Sandbox, args: &[&str], envs: &[(&str, &str)], secs: u64) -> Output {
    let mut cmd = sb.cmd();
    cmd.args(args).timeout(Duration::from_secs(secs));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn a_fifo_for_a_history_is_refused_without_blocking() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    std::fs::create_dir_all(sb.history_file().parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(sb.history_file())
        .status()
        .unwrap();
    assert!(made.success());
    let refused = |op: &str| {
        format!(
            "cannot {op} {}: not a regular file but a FIFO",
            sb.history_file().display()
        )
    };

    let output = run_with_timeout(&sb, &["run", "tiny"], &[], 20);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stdout_of(&output).contains("Summary: completed"));
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: warning: {}; sessions cannot be recorded\n\
             limberup: warning: {}; this session was not recorded\n",
            refused("write"),
            refused("write")
        )
    );

    let output = run_with_timeout(&sb, &["history"], &[], 20);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        format!("limberup: {}\n", refused("read"))
    );
    let output = run_with_timeout(&sb, &["history", "--json"], &[], 20);
    assert_eq!(output.status.code(), Some(1));

    // In-process: the reader for the pain notice, and the writer.
    assert!(history::recent(&sb.history_file(), history::RECENT_BYTES).is_err());
    assert!(history::append(&sb.history_file(), &good()).is_err());
}

/// A crash can leave a run of NUL bytes where a write was lost: a sparse file of 64 MiB
/// of them after one good record. It is named, with its size; and reading it stays within
/// memory far smaller than the run (the old reader held the whole line).
#[test]
fn a_huge_nul_run_is_a_warning_and_costs_no_memory_in_proportion() {
    const SIZE: u64 = 64 * 1024 * 1024;
    let sb = Sandbox::new();
    let first = format!("{}\n", line(&good()));
    write_history(&sb, &first);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(sb.history_file())
        .unwrap();
    file.set_len(SIZE).unwrap();
    drop(file);
    // 48 MiB of address space is far less than the run, and ample for the binary.
    let exe = env!("CARGO_BIN_EXE_limberup");
    let output = std::process::Command::new("sh")
        .args(["-c", "ulimit -v 49152 && exec \"$0\" history", exe])
        .env_clear()
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: warning: {}:2: skipped: {} NUL bytes (a write lost in a crash?)\n",
            sb.history_file().display(),
            SIZE - first.len() as u64
        )
    );
    assert!(stdout_of(&output).contains("Total: 1 session (1 completed)"));
}

#[test]
fn lines_longer_than_any_record_are_skipped_by_name_and_the_rest_read() {
    let long = "x".repeat(history::MAX_LINE + 10);
    let nuls = "\0".repeat(history::MAX_LINE * 2);
    let short_nuls = "\0".repeat(100);
    let text = format!(
        "{long}\n{}\n{nuls}\n{short_nuls}\n{}\n",
        line(&good()),
        line(&good())
    );
    let loaded = history::parse(text.as_bytes());
    assert_eq!(loaded.records, vec![good(), good()]);
    let skipped: Vec<(usize, &str)> = loaded
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                1,
                "a line of 1048587 bytes, longer than any record (1024 KiB at most)"
            ),
            (3, "2097153 NUL bytes (a write lost in a crash?)"),
            (4, "100 NUL bytes (a write lost in a crash?)"),
        ]
    );
}

#[test]
fn millions_of_bad_lines_keep_a_hundred_reasons_and_count_the_rest() {
    let text = "garbage\n".repeat(100_000);
    let loaded = history::parse(text.as_bytes());
    assert_eq!(loaded.skipped.len(), 100);
    assert_eq!(loaded.skipped_total, 100_000);
}

#[test]
fn the_history_is_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/history.jsonl");
    history::append(&path, &good()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    // Through the binary too.
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let output = sb.cmd().args(["run", "tiny"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mode = std::fs::metadata(sb.history_file())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}
