//! How fast is a big history? Writes a ~50 MB history of realistic records, then times the
//! in-process stream reader and the release binary's `history` and `history --json`.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::{Duration, FixedOffset, TimeZone};
use limberup::history;
use limberup::session::{Outcome, PassRecord, SessionRecord, StepRecord, StepStatus};

const TARGET_BYTES: u64 = 50 * 1024 * 1024;

fn record(i: i64) -> SessionRecord {
    let started_at = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2020, 1, 1, 7, 0, 0)
        .unwrap()
        + Duration::minutes(97 * i);
    let steps = ["Cat/Cow", "Shoulder rolls", "Arm circles", "Side bends"]
        .iter()
        .map(|name| StepRecord {
            name: name.to_string(),
            status: StepStatus::Done,
            active_secs: 60.0,
            passes: ["Left", "Right"]
                .iter()
                .map(|label| PassRecord {
                    label: Some(label.to_string()),
                    active_secs: 30.0,
                    planned_secs: Some(30.0),
                    reps: Some(12),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    SessionRecord {
        id: None,
        routine_id: "warm-up".to_string(),
        routine_name: "Warm-up".to_string(),
        started_at,
        ended_at: started_at + Duration::seconds(271),
        outcome: Outcome::Completed,
        active_secs: 271.0,
        paused_secs: 0.0,
        planned_secs: 271.0,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: None,
        from_step: 1,
        steps,
        check_in: Some((i % 11) as u8),
        trimmed: false,
    }
}

fn time_binary(dir: &std::path::Path, args: &[&str]) -> f64 {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    start.elapsed().as_secs_f64()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/limberup/history.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut bytes = 0u64;
    let mut count = 0i64;
    while bytes < TARGET_BYTES {
        let line = serde_json::to_string(&record(count)).unwrap();
        writeln!(file, "{line}").unwrap();
        bytes += line.len() as u64 + 1;
        count += 1;
    }
    file.flush().unwrap();
    drop(file);
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!("history: {count} records, {mb:.1} MB");

    let start = Instant::now();
    let mut seen = 0;
    let skipped = history::read(&path, |_| seen += 1).unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(skipped.total == 0 && seen == count);
    println!(
        "history::read (in process): {:.0} ms, {:.0} MB/s",
        secs * 1000.0,
        mb / secs
    );
    for args in [&["history"][..], &["history", "--json"]] {
        let best = (0..3)
            .map(|_| time_binary(dir.path(), args))
            .fold(f64::MAX, f64::min);
        println!(
            "limberup {}: {:.0} ms (best of 3)",
            args.join(" "),
            best * 1000.0
        );
    }
}
