//! End to end: the real binary stopped with SIGSTOP and continued seconds later, in plain
//! mode and in the TUI. It comes back paused where it stopped, plays nothing of the lost
//! time, and records it as paused. (Before, the TUI panicked when the catch-up crossed into
//! a step with fewer phases.)

mod common;
mod pty_support;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::Sandbox;
use expectrl::process::unix::Signal;
use limberup::history;
use limberup::session::Outcome;
use pty_support::Coach;

/// The issue's routine, faster: a paced step of four phases (a beat every half second),
/// then one of two.
const BEAT: &str = r#"Routine(name: "Beat", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0, steps: [
  Step(name: "Four", work: Reps(count: 2, tempo_secs: 2.0, phases: ["A", "B", "C", "D"])),
  Step(name: "Two", work: Reps(count: 5, tempo_secs: 2.0, phases: ["X", "Y"])),
])"#;

/// How long the tests keep the coach stopped: well past the 2 s a stall needs, even when
/// it stopped just after a wake-up (they come at least once a second).
const STOP: Duration = Duration::from_secs(4);

/// The longest the coach may run on after SIGSTOP before its pause begins: the stall
/// starts at the wake-up it was sleeping towards (a second away at most).
const GRACE: f64 = 1.0;

fn kill(signal: &str, pid: u32) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn a_stopped_plain_coach_comes_back_paused_with_the_stop_recorded_as_paused() {
    let sb = Sandbox::new();
    sb.write_routine("beat", BEAT);
    let spawned = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .env("PATH", sb.silent_path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("HOME", sb.path())
        .args(["run", "beat", "--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    for want in ["Beat: 2 steps", "Four: rep 1/2, A"] {
        line.clear();
        out.read_line(&mut line).unwrap();
        assert!(line.contains(want), "{line:?}");
    }
    let stopped = Instant::now();
    let ran = (stopped - spawned).as_secs_f64();
    kill("STOP", child.id());
    std::thread::sleep(STOP);
    kill("CONT", child.id());
    let stop = stopped.elapsed().as_secs_f64();

    // At most the beat it was sleeping towards, then the pause: nothing of the lost time.
    let mut after = Vec::new();
    loop {
        line.clear();
        assert_ne!(out.read_line(&mut line).unwrap(), 0, "ended: {after:?}");
        after.push(line.trim_end().to_string());
        if line.contains("Paused") {
            break;
        }
    }
    let paused = after.last().unwrap();
    assert!(
        paused.ends_with(" s (p to resume)")
            && paused.contains("Paused: the coach was stopped for"),
        "{after:?}"
    );
    assert!(after.len() <= 2, "{after:?}");
    let stamp = &paused[..7];
    assert!(after.iter().all(|l| l.starts_with(stamp)), "{after:?}");

    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let rest: Vec<String> = out.lines().map(Result::unwrap).collect();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert!(rest[0].ends_with("Stopped: you quit"), "{rest:?}");
    assert!(!rest.iter().any(|l| l.contains("Two")), "{rest:?}");
    let record = &history::load(&sb.history_file()).unwrap().records[0];
    assert_eq!(record.outcome, Outcome::Quit);
    assert!(record.paused_secs >= stop - GRACE, "{record:?}");
    assert!(record.active_secs <= ran + GRACE, "{record:?}");
}

#[test]
fn a_stopped_tui_comes_back_paused_in_the_step_it_stopped_in() {
    let mut coach = Coach::start_with(BEAT, &["run", "$DIR/short.ron", "--quiet"], 80, 24, None);
    // Stop early in "Four": the lost time would cross into "Two" (at 4 s).
    coach.wait_for("0:01 done", 5.0);
    let stopped = Instant::now();
    coach.signal(Signal::SIGSTOP);
    std::thread::sleep(STOP);
    coach.signal(Signal::SIGCONT);
    let stop = stopped.elapsed().as_secs_f64();
    let screen = coach.wait_for("PAUSED", 3.0);
    assert!(screen.contains("PAUSED · REPS · Four"), "{screen}");
    // Paused at the wake-up it was sleeping towards, within a second of the stop.
    assert!(
        screen.contains("0:01 done") || screen.contains("0:02 done"),
        "{screen}"
    );
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
    let history = coach.history();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0]["outcome"], "interrupted");
    let paused = history[0]["paused_secs"].as_f64().unwrap();
    let active = history[0]["active_secs"].as_f64().unwrap();
    assert!(
        paused >= stop - GRACE,
        "paused {paused} s of a {stop} s stop"
    );
    assert!(active <= 2.0 + GRACE, "active {active} s");
}
