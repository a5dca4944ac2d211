//! Helpers shared by the integration tests: records, routines and a sandboxed binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, FixedOffset, TimeZone};
use limberup::session::{Outcome, PassRecord, SessionRecord, StepRecord, StepStatus};

/// The `.ron` files of a malformed-file corpus under `dir`, sorted, as paths relative to the
/// package root (the tests' working directory), so the errors read the same on every machine.
pub fn corpus(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the corpus directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// A wall time in a fixed zone (UTC+1), so tests never depend on the machine's.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .unwrap()
}

/// A session record that ran `active_secs` from `started_at`.
pub fn record(
    started_at: DateTime<FixedOffset>,
    active_secs: f64,
    outcome: Outcome,
    check_in: Option<u8>,
) -> SessionRecord {
    SessionRecord {
        id: None,
        routine_id: "warm-up".to_string(),
        routine_name: "Warm-up".to_string(),
        started_at,
        ended_at: started_at + chrono::Duration::milliseconds((active_secs * 1000.0) as i64),
        outcome,
        active_secs,
        paused_secs: 0.0,
        planned_secs: active_secs,
        parts: Vec::new(),
        levels: Vec::new(),
        resumes: None,
        from_step: 1,
        steps: vec![StepRecord {
            name: "Cat/Cow".to_string(),
            status: StepStatus::Done,
            active_secs,
            passes: vec![PassRecord {
                label: None,
                active_secs,
                planned_secs: Some(active_secs),
                reps: Some(12),
                ..Default::default()
            }],
            ..Default::default()
        }],
        check_in,
        trimmed: false,
    }
}

/// A routine of `n` one-second holds with no get-ready, rest or switch time.
pub fn tiny_routine(n: usize) -> String {
    let steps: Vec<String> = (1..=n)
        .map(|i| format!("        Step(name: \"Hold {i}\", work: Hold(secs: 1)),\n"))
        .collect();
    format!(
        "Routine(\n    name: \"Tiny\",\n    kind: Other,\n    prepare_secs: 0,\n    rest_secs: 0,\n    switch_secs: 0,\n    steps: [\n{}    ],\n)\n",
        steps.concat()
    )
}

/// A home for the binary: config, data and home dirs inside one temp dir, and `bin/` with
/// a `pw-play` that plays nothing (`true`), first on its PATH: sounds are silent and the
/// same on every machine, whatever players it has.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let truth = std::env::split_paths(&path)
            .map(|d| d.join("true"))
            .find(|p| p.is_file())
            .expect("`true` on PATH");
        // A link, not a script written here: nothing can be "text file busy".
        std::os::unix::fs::symlink(truth, bin.join("pw-play")).unwrap();
        Sandbox { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.path().join("config/limberup")
    }

    pub fn routines_dir(&self) -> PathBuf {
        self.config_dir().join("routines")
    }

    pub fn history_file(&self) -> PathBuf {
        self.path().join("data/limberup/history.jsonl")
    }

    pub fn write_config(&self, text: &str) -> PathBuf {
        std::fs::create_dir_all(self.config_dir()).unwrap();
        let path = self.config_dir().join("config.ron");
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn write_routine(&self, id: &str, text: &str) -> PathBuf {
        std::fs::create_dir_all(self.routines_dir()).unwrap();
        let path = self.routines_dir().join(format!("{id}.ron"));
        std::fs::write(&path, text).unwrap();
        path
    }

    /// This process's PATH with the sandbox's silent player first.
    pub fn silent_path(&self) -> std::ffi::OsString {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let dirs = std::iter::once(self.path().join("bin")).chain(std::env::split_paths(&path));
        std::env::join_paths(dirs).unwrap()
    }

    /// The real binary with every XDG dir inside the sandbox and a clean environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_limberup"));
        cmd.env_clear()
            .env("PATH", self.silent_path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("TZ", "UTC");
        cmd
    }
}
