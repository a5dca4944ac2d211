//! The append-only history: records survive torn and garbage lines, concurrent writers
//! (threads and processes) lose nothing, and readers skip what they cannot read.

mod common;

use std::io::Write;
use std::process::Command;

use common::{at, record};
use limberup::history::{self, HistoryError, Op};
use limberup::session::Outcome;

#[test]
fn appended_records_read_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dir/history.jsonl");
    let a = record(at(2026, 1, 5, 7, 0), 300.0, Outcome::Completed, Some(2));
    let b = record(at(2026, 1, 6, 7, 0), 120.5, Outcome::Quit, None);
    history::append(&path, &a).unwrap();
    history::append(&path, &b).unwrap();
    let loaded = history::load(&path).unwrap();
    assert_eq!(loaded.records, vec![a, b]);
    assert!(loaded.skipped.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.ends_with('\n'));
}

#[test]
fn a_missing_file_is_an_empty_history() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = history::load(&dir.path().join("none.jsonl")).unwrap();
    assert!(loaded.records.is_empty() && loaded.skipped.is_empty());
    assert!(
        history::recent(&dir.path().join("none.jsonl"), 100)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn torn_and_garbage_lines_are_skipped_and_named() {
    let a = record(at(2026, 1, 5, 7, 0), 300.0, Outcome::Completed, None);
    let b = record(at(2026, 1, 6, 7, 0), 200.0, Outcome::Completed, Some(1));
    let line_a = serde_json::to_string(&a).unwrap();
    let line_b = serde_json::to_string(&b).unwrap();
    let torn = &line_b[..line_b.len() / 2];
    let text =
        format!("{line_a}\nthis is not json\n\n{{\"routine_id\": 3}}\n\0\0\0{line_b}\0\0\n{torn}");
    let loaded = history::parse(text.as_bytes());
    assert_eq!(loaded.records, vec![a, b]);
    let lines: Vec<usize> = loaded.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, vec![2, 4, 6]);
    assert!(loaded.skipped[0].reason.starts_with("not a session record"));
    assert_eq!(
        loaded.skipped[2].reason,
        "cut short (a crash while writing?)"
    );
    assert_eq!(
        loaded.skipped[2].warning(std::path::Path::new("/h/history.jsonl")),
        "/h/history.jsonl:6: skipped: cut short (a crash while writing?)"
    );
}

#[test]
fn invalid_utf8_is_skipped() {
    let a = record(at(2026, 1, 5, 7, 0), 300.0, Outcome::Completed, None);
    let mut bytes = b"\xff\xfe garbage\n".to_vec();
    bytes.extend(serde_json::to_vec(&a).unwrap());
    let loaded = history::parse(&bytes);
    assert_eq!(loaded.records, vec![a]);
    assert_eq!(loaded.skipped[0].line, 1);
    assert_eq!(loaded.skipped[0].reason, "not UTF-8 text");
}

#[test]
fn an_append_after_a_torn_line_starts_a_new_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let a = record(at(2026, 1, 5, 7, 0), 300.0, Outcome::Completed, None);
    let b = record(at(2026, 1, 6, 7, 0), 60.0, Outcome::Interrupted, None);
    let line_a = serde_json::to_string(&a).unwrap();
    // A crash mid-write left half a record with no newline.
    std::fs::write(&path, format!("{line_a}\n{}", &line_a[..40])).unwrap();
    history::append(&path, &b).unwrap();
    let loaded = history::load(&path).unwrap();
    assert_eq!(loaded.records, vec![a, b]);
    assert_eq!(loaded.skipped.len(), 1);
    assert_eq!(loaded.skipped[0].line, 2);
    // The file was only added to: the old bytes are untouched.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(&format!("{line_a}\n{}\n", &line_a[..40])));
}

#[test]
fn concurrent_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let threads = 8;
    let each = 50;
    std::thread::scope(|s| {
        for t in 0..threads {
            let path = &path;
            s.spawn(move || {
                for i in 0..each {
                    let mut r = record(at(2026, 1, 5, 7, 0), 60.0, Outcome::Completed, None);
                    r.routine_id = format!("t{t}-{i}");
                    history::append(path, &r).unwrap();
                }
            });
        }
    });
    let loaded = history::load(&path).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let mut ids: Vec<String> = loaded.records.into_iter().map(|r| r.routine_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), threads * each);
}

/// Not a test on its own: the body of each writer process of the test below.
#[test]
fn writer_process_body() {
    let Some(path) = std::env::var_os("LIMBERUP_TEST_WRITER_PATH") else {
        return;
    };
    let name = std::env::var("LIMBERUP_TEST_WRITER_NAME").unwrap();
    for i in 0..100 {
        let mut r = record(at(2026, 1, 5, 7, 0), 60.0, Outcome::Completed, None);
        r.routine_id = format!("{name}-{i}");
        // Long lines make interleaving more likely if locking or O_APPEND were broken.
        r.routine_name = "x".repeat(5000);
        history::append(std::path::Path::new(&path), &r).unwrap();
    }
}

#[test]
fn concurrent_processes_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|n| {
            Command::new(&exe)
                .args(["--exact", "writer_process_body", "--test-threads=1"])
                .env("LIMBERUP_TEST_WRITER_PATH", &path)
                .env("LIMBERUP_TEST_WRITER_NAME", format!("p{n}"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 400);
    let loaded = history::parse(text.as_bytes());
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 400);
}

#[test]
fn recent_reads_only_the_end_and_drops_the_partial_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    let mut last = Vec::new();
    for day in 1..=28 {
        let r = record(at(2026, 2, day, 7, 0), 60.0, Outcome::Completed, Some(1));
        writeln!(file, "{}", serde_json::to_string(&r).unwrap()).unwrap();
        last.push(r);
    }
    let line_len = std::fs::metadata(&path).unwrap().len() / 28;
    // A window of three and a half lines holds exactly the last three whole records.
    let recent = history::recent(&path, line_len * 7 / 2).unwrap();
    assert_eq!(recent, last[25..]);
    assert_eq!(history::recent(&path, 1 << 30).unwrap(), last);
}

#[test]
fn probe_reports_an_unwritable_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a dir").unwrap();
    let path = blocker.join("limberup/history.jsonl");
    let err = history::probe(&path).unwrap_err();
    assert!(
        matches!(
            err,
            HistoryError::Io {
                op: Op::CreateDir,
                ..
            }
        ),
        "{err:?}"
    );
    // The cause is kept, as the error's source.
    let source = std::error::Error::source(&err).expect("a source");
    assert_eq!(
        source.downcast_ref::<std::io::Error>().unwrap().kind(),
        std::io::ErrorKind::NotADirectory
    );
    let text = err.to_string();
    assert!(text.starts_with("cannot create the directory of"), "{text}");
    assert!(text.contains(&path.display().to_string()), "{text}");
    let r = record(at(2026, 1, 5, 7, 0), 60.0, Outcome::Completed, None);
    assert!(history::append(&path, &r).is_err());
    let ok = dir.path().join("data/history.jsonl");
    history::probe(&ok).unwrap();
    assert!(ok.exists());
}

#[test]
fn a_device_in_place_of_the_file_is_refused_not_read_endlessly_nor_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    std::os::unix::fs::symlink("/dev/full", &path).unwrap();
    let err = history::load(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot read {}: not a regular file but a character device",
            path.display()
        )
    );
    assert!(history::recent(&path, history::RECENT_BYTES).is_err());
    let err = history::append(
        &path,
        &record(at(2026, 3, 2, 7, 0), 60.0, Outcome::Completed, None),
    )
    .unwrap_err();
    assert!(
        matches!(err, HistoryError::NotAFile { op: Op::Write, .. }),
        "{err:?}"
    );
    assert!(history::probe(&path).is_err());
}
