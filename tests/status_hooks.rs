//! The status line and hooks through the real binary: a hook hears every event of a short
//! plain session in order, with its variables and JSON line; a hook that hangs changes no
//! deadline and is ended at exit; `status` prints nothing and exits 1 when no session runs.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::Sandbox;
use limberup::front::GRACE;
use limberup::history;
use serde_json::Value;

/// Two steps, the second with two sides: 5 s in all, no get-ready, rest or switch.
const SIDES: &str = r#"Routine(
    name: "Tiny, \"t\"",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    switch_secs: 0,
    steps: [
        Step(name: "Hold 1", work: Hold(secs: 1)),
        Step(name: "Sides", passes: ["Left", "Right"], work: Hold(secs: 2)),
    ],
)"#;

/// One step of two 30-s sides: long enough to be looked at while it runs.
const LONG: &str = r#"Routine(name: "Long", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0,
    steps: [Step(name: "Reach up", passes: ["Left", "Right"], work: Hold(secs: 30))])"#;

fn hook_script(sb: &Sandbox, name: &str, body: &str) -> String {
    let path = sb.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn with_hook(sb: &Sandbox, script: &str) {
    sb.write_config(&format!("Config(hook: [{script:?}])\n"));
    sb.write_routine("sides", SIDES);
}

#[test]
fn a_hook_hears_every_event_of_a_short_plain_session_in_order() {
    let sb = Sandbox::new();
    let log = sb.path().join("events.log");
    let script = hook_script(
        &sb,
        "hook.sh",
        &format!(
            "{{ printf '%s|%s|%s|' \"$LIMBERUP_EVENT\" \"$LIMBERUP_STEP\" \"$LIMBERUP_SIDE\"; cat; }} >> '{}'",
            log.display()
        ),
    );
    with_hook(&sb, &script);
    let out = sb.cmd().args(["run", "sides"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<(String, Value)> = text
        .lines()
        .map(|line| {
            let mut fields = line.splitn(4, '|');
            let (event, step, side) = (
                fields.next().unwrap(),
                fields.next().unwrap(),
                fields.next().unwrap(),
            );
            let json: Value = serde_json::from_str(fields.next().unwrap()).unwrap();
            assert_eq!(json["event"], event);
            assert_eq!(json["step"], step);
            assert_eq!(json["side"].as_str().unwrap_or(""), side);
            (event.to_string(), json)
        })
        .collect();
    let seen: Vec<String> = events
        .iter()
        .map(|(e, j)| format!("{e} {} {}", j["step"], j["side"].as_str().unwrap_or("-")))
        .collect();
    assert_eq!(
        seen,
        [
            "start \"Hold 1\" -",
            "phase \"Hold 1\" -",
            "step_end \"Hold 1\" -",
            "phase \"Sides\" Left",
            "phase \"Sides\" Right",
            "step_end \"Sides\" Right",
            "end \"Sides\" -",
        ]
    );
    for (event, json) in &events {
        assert_eq!(json["session"], "Tiny, \"t\"");
        assert_eq!(json["routine"], "Tiny, \"t\"");
        // Only a phase under way has an end.
        assert_eq!(
            json.get("ends_at").is_some(),
            event == "phase" || event == "start"
        );
    }
    assert_eq!(events[6].1["phase"], "done");
}

fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 sends nothing.
    unsafe { libc::kill(pid, 0) == 0 }
}

#[test]
fn a_hanging_hook_changes_no_deadline_and_is_ended_at_exit() {
    let sb = Sandbox::new();
    let pids = sb.path().join("pids");
    // Never reads its stdin, never exits: each start leaves its pid.
    let script = hook_script(
        &sb,
        "hang.sh",
        &format!("echo $$ >> '{}'\nexec sleep 60", pids.display()),
    );
    with_hook(&sb, &script);
    let started = Instant::now();
    let out = sb.cmd().args(["run", "sides"]).output().unwrap();
    let took = started.elapsed();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "[00:01] Sides, Left: hold 2 s\n[00:03] Sides, Right: hold 2 s\n[00:05] Done"
        ),
        "{stdout}"
    );
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    let wall = (record.ended_at - record.started_at).to_std().unwrap();
    // The session ran its 5 s, however long the hook would hang...
    assert!(wall < Duration::from_millis(5500), "{wall:?}");
    assert!(
        (record.active_secs - 5.0).abs() < 0.5,
        "{}",
        record.active_secs
    );
    // ...and the process waited at most the grace for it at the end.
    assert!(
        took < Duration::from_secs(5) + GRACE + Duration::from_secs(2),
        "{took:?}"
    );
    let started: Vec<i32> = std::fs::read_to_string(&pids)
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    // One at a time: the first still hung when the session ended.
    assert_eq!(started.len(), 1);
    assert!(started.iter().all(|pid| !alive(*pid)), "{started:?}");
}

fn status_path(sb: &Sandbox) -> std::path::PathBuf {
    sb.path().join("run/limberup/status.json")
}

#[test]
fn status_prints_nothing_and_exits_1_when_no_session_runs() {
    let sb = Sandbox::new();
    for args in [
        &["status"][..],
        &["status", "--waybar"],
        &["status", "--json"],
    ] {
        let out = sb
            .cmd()
            .env("XDG_RUNTIME_DIR", sb.path().join("run"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    }
    // A file left by a process that is gone is no session.
    let path = status_path(&sb);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"pid":2147483646,"session":"S","routine":"S","step":"X","step_number":[1,1],"phase":"work","paused":false}"#,
    )
    .unwrap();
    let out = sb
        .cmd()
        .env("XDG_RUNTIME_DIR", sb.path().join("run"))
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

/// Whether `done` comes to hold before `limit` passes (looked at every 100 ms).
fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn tmux(socket: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("tmux")
        .arg("-S")
        .arg(socket)
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A detached tmux session of 80x10 on `socket`, without the user's tmux config, running
/// `command`.
fn new_session(socket: &Path, command: &str) {
    let size = ["-x", "80", "-y", "10"];
    let args = [
        &["-f", "/dev/null", "new-session", "-d"][..],
        &size,
        &[command],
    ]
    .concat();
    tmux(socket, &args);
}

/// tmux's own status line runs `limberup status` while the session runs in a pane; a
/// second tmux shows the first's screen (status line included) in a pane it can capture.
#[test]
fn tmux_status_right_shows_the_running_step() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let sb = Sandbox::new();
    sb.write_routine("long", LONG);
    let bin = env!("CARGO_BIN_EXE_limberup");
    let inner = sb.path().join("inner.sock");
    let outer = sb.path().join("outer.sock");
    let env = format!(
        "env -i PATH='{}' HOME='{home}' XDG_CONFIG_HOME='{home}/config' XDG_DATA_HOME='{home}/data' XDG_RUNTIME_DIR='{home}/run' TZ=UTC",
        sb.silent_path().to_string_lossy(),
        home = sb.path().display()
    );
    let start = format!("{env} '{bin}' run --plain long; sleep 30");
    new_session(&inner, &start);
    tmux(&inner, &["set", "-g", "status-interval", "1"]);
    tmux(&inner, &["set", "-g", "status-right-length", "60"]);
    let right = format!("[#({env} '{bin}' status --format '{{step}}/{{side}}/{{phase}}')]");
    tmux(&inner, &["set", "-g", "status-right", &right]);
    let attach = format!("TMUX= tmux -S '{}' attach", inner.display());
    new_session(&outer, &attach);
    let mut screen = String::new();
    let shown = wait_for(Duration::from_secs(15), || {
        screen = tmux(&outer, &["capture-pane", "-p"]);
        screen.contains("[Reach up/Left/work]")
    });
    tmux(&outer, &["kill-server"]);
    tmux(&inner, &["kill-server"]);
    assert!(shown, "{screen}");
}

#[test]
fn follow_prints_a_line_at_each_change_and_an_empty_one_when_none_runs() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let sb = Sandbox::new();
    sb.write_routine("sides", SIDES);
    let run = sb.path().join("run");
    let mut follow = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env_clear()
        .env("PATH", sb.silent_path())
        .env("HOME", sb.path())
        .env("XDG_RUNTIME_DIR", &run)
        .args(["status", "--follow", "--format", "{step} {side}"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = follow.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    // The follower has looked once (no session) before the session starts.
    assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), "");
    let out = sb
        .cmd()
        .env("XDG_RUNTIME_DIR", &run)
        .args(["run", "sides"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut lines = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(2)) {
        lines.push(line);
    }
    follow.kill().unwrap();
    follow.wait().unwrap();
    assert_eq!(lines, ["Hold 1", "Sides Left", "Sides Right", ""]);
    assert!(!status_path(&sb).exists(), "the file goes with the session");
}

/// The full-screen coach publishes through the same shell as plain mode: its status is
/// read while it runs, and its hook hears the session's start.
#[test]
fn the_full_screen_coach_writes_the_status_and_runs_the_hook() {
    #[path = "pty_support/mod.rs"]
    mod pty_support;
    let log_dir = tempfile::tempdir().unwrap();
    let log = log_dir.path().join("events");
    let config = format!(
        "Config(hook: [\"sh\", \"-c\", \"echo $LIMBERUP_EVENT >> '{}'\"])",
        log.display()
    );
    let dir = pty_support::prepare(LONG, Some(&config));
    let run = dir.path().join("run");
    let mut coach = pty_support::Coach::spawn(dir, &["run", "short"], 100, 30);
    coach.wait_for("Reach up", 5.0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env_clear()
        .env("XDG_RUNTIME_DIR", &run)
        .args(["status", "--format", "{step}|{side}|{phase}"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Reach up|Left|work\n");
    coach.send("q");
    assert!(wait_for(Duration::from_secs(10), || {
        std::fs::read_to_string(&log).is_ok_and(|t| t.lines().next() == Some("start"))
    }));
}
