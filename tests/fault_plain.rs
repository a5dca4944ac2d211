//! Hostile input and faults around the plain-text coach, through the real binary: a flood of
//! garbage lines, endless bytes without a line break, a signal in the middle of a flood, a
//! panic in the loop. Each must end on time, in bounded memory, with the session recorded.

mod common;

use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::{Sandbox, tiny_routine};
use limberup::history;
use limberup::session::{Outcome, SessionRecord, StepStatus};

/// Far above what the coach needs (a few MiB), far below what an unbounded queue of lines
/// reaches in a second of `yes` (hundreds of MiB).
const RSS_LIMIT_KIB: u64 = 64 * 1024;

/// `limberup run tiny` with `stdin`, output to files in the sandbox.
fn spawn(sb: &Sandbox, stdin: Stdio, env: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env_clear()
        .env("PATH", sb.silent_path())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .envs(env.iter().copied())
        .args(["run", "tiny", "--plain"])
        .stdin(stdin)
        .stdout(std::fs::File::create(sb.path().join("stdout")).unwrap())
        .stderr(std::fs::File::create(sb.path().join("stderr")).unwrap())
        .spawn()
        .unwrap()
}

fn read(sb: &Sandbox, name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(sb.path().join(name)).unwrap()).into_owned()
}

/// The resident memory of `pid` in KiB, while it runs.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Waits up to `secs` for `child` to exit, sampling its memory; kills it and fails when it
/// does not exit in time or grows past the limit. Returns the status and the peak RSS.
fn wait_bounded(child: &mut Child, secs: u64) -> (ExitStatus, u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        peak = peak.max(rss_kib(child.id()).unwrap_or(0));
        if peak > RSS_LIMIT_KIB || Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {secs} s or over the memory limit: {peak} KiB");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `yes garbage`, its output as a stdin.
fn garbage() -> (Child, Stdio) {
    let mut yes = Command::new("yes")
        .arg("garbage")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = yes.stdout.take().unwrap();
    (yes, Stdio::from(out))
}

fn the_record(sb: &Sandbox) -> SessionRecord {
    let loaded = history::load(&sb.history_file()).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 1);
    loaded.records.into_iter().next().unwrap()
}

/// `yes garbage | limberup run` used to hold the clock back forever (an unknown line never
/// let it advance), queue every line in memory (1.85 GB in 6 s) and answer each one.
#[test]
fn a_flood_of_garbage_lines_neither_stops_the_clock_nor_grows_memory_nor_floods_the_output() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(2));
    let (mut yes, stdin) = garbage();
    let mut child = spawn(&sb, stdin, &[]);
    let (status, peak) = wait_bounded(&mut child, 20);
    let _ = yes.kill();
    let _ = yes.wait();
    assert_eq!(status.code(), Some(0), "{}", read(&sb, "stderr"));
    let record = the_record(&sb);
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.active_secs, 2.0);
    let took = (record.ended_at - record.started_at).to_std().unwrap();
    assert!(took < Duration::from_secs(10), "{took:?}");
    let out = read(&sb, "stdout");
    let answers = out
        .lines()
        .filter(|l| l.contains("Unknown command"))
        .count();
    // One answer a second at most: about 2 over 2 s, each counting the lines it stands for.
    assert!((1..=4).contains(&answers), "{answers} answers:\n{out}");
    assert!(
        out.contains("more unknown commands went unanswered"),
        "{out}"
    );
    assert!(out.contains("Summary: completed, 2/2 steps done"), "{out}");
    eprintln!("peak RSS under `yes garbage`: {peak} KiB");
}

/// `< /dev/zero` used to gather one endless line in memory (an abort at 2 GiB).
#[test]
fn endless_bytes_without_a_line_break_are_given_up_on_and_the_session_recorded() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(2));
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let mut child = spawn(&sb, Stdio::from(zero), &[]);
    let (status, peak) = wait_bounded(&mut child, 20);
    assert_eq!(status.code(), Some(0));
    assert_eq!(the_record(&sb).outcome, Outcome::Completed);
    let out = read(&sb, "stdout");
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("Unknown command: a line over 4096 bytes"))
            .count(),
        1,
        "{out}"
    );
    assert_eq!(
        read(&sb, "stderr"),
        "limberup: warning: stdin sent over 1 MiB without a line break; reading no more of it\n"
    );
    eprintln!("peak RSS under `< /dev/zero`: {peak} KiB");
}

/// SIGTERM used to wait behind every queued line.
#[test]
fn sigterm_in_a_flood_of_input_ends_the_session_at_once() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(60));
    let (mut yes, stdin) = garbage();
    let mut child = spawn(&sb, stdin, &[]);
    // The first step's line comes after the signal handlers are in place.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !read(&sb, "stdout").contains("Hold 1: hold 1 s") {
        assert!(Instant::now() < deadline, "no first step");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Let the queue fill up behind the signal.
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let (status, _) = wait_bounded(&mut child, 10);
    let took = sent.elapsed();
    let _ = yes.kill();
    let _ = yes.wait();
    assert_eq!(status.code(), Some(143));
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(the_record(&sb).outcome, Outcome::Interrupted);
    assert!(read(&sb, "stdout").contains("Summary: interrupted"));
}

/// A closed terminal (SIGHUP) mid-session leaves it resumable at the step it was in.
#[test]
fn sighup_leaves_the_session_resumable_at_its_step() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(60));
    let mut child = spawn(&sb, Stdio::null(), &[]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !read(&sb, "stdout").contains("Hold 3: hold 1 s") {
        assert!(Instant::now() < deadline, "no third step");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-HUP", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let (status, _) = wait_bounded(&mut child, 10);
    assert_eq!(status.code(), Some(129));
    let first = the_record(&sb);
    assert_eq!(first.outcome, Outcome::Interrupted);
    // It may have been in step 3 or just past it when the signal came.
    let resumed = sb
        .cmd()
        .args(["resume", "--plain"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&resumed.stdout);
    let stopped_in = first
        .steps
        .iter()
        .position(|s| s.status == limberup::session::StepStatus::Stopped)
        .expect("a step in progress");
    assert!(
        stdout.starts_with(&format!(
            "[00:00] Resuming Tiny at step {} of 60: ",
            stopped_in + 1
        )),
        "{stdout}"
    );
}

/// `cargo test` builds the binary with `fault-injection`: the plain loop panics on purpose
/// when `LIMBERUP_FAULT` is set. The machine's state is still good: the session so far is
/// recorded as interrupted, and the exit is 101 with the panic's message.
#[cfg(feature = "fault-injection")]
#[test]
fn a_panic_in_the_loop_records_the_session_as_interrupted_and_exits_101() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(3));
    let mut child = spawn(&sb, Stdio::null(), &[("LIMBERUP_FAULT", "panic")]);
    let (status, _) = wait_bounded(&mut child, 10);
    assert_eq!(status.code(), Some(101));
    let stderr = read(&sb, "stderr");
    assert!(
        stderr.contains("injected fault (LIMBERUP_FAULT)"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "limberup: internal error: injected fault (LIMBERUP_FAULT); \
             the session so far was recorded as interrupted\n"
        ),
        "{stderr}"
    );
    let record = the_record(&sb);
    assert_eq!(record.outcome, Outcome::Interrupted);
    assert_eq!(record.routine_id, "tiny");
    // The history keeps the steps reached: the first, stopped by the crash.
    let statuses: Vec<StepStatus> = record.steps.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [StepStatus::Stopped]);
    // The crash left the session resumable, linked to this record.
    let resumed = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(resumed.status.code(), Some(0));
    let records = history::load(&sb.history_file()).unwrap().records;
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].resumes, record.id);
    assert_eq!(records[1].outcome, Outcome::Completed);
}
