//! Spoken cues: the command gets each text as its last argument, runs in the background,
//! and a missing or failing command warns once while everything else goes on.

use std::path::Path;
use std::time::{Duration, Instant};

use limberup::speech::Speaker;

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// Polls `check` until it holds or `limit` passes.
fn eventually(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    check()
}

fn recorder(dir: &Path) -> (Vec<String>, std::path::PathBuf) {
    let log = dir.join("said.txt");
    let cmd = format!("printf '%s\\n' \"$1\" >> '{}'", log.display());
    (argv(&["sh", "-c", &cmd, "speak"]), log)
}

#[test]
fn each_text_is_the_last_argument() {
    let dir = tempfile::tempdir().unwrap();
    let (command, log) = recorder(dir.path());
    let mut speaker = Speaker::new(command);
    let read = || std::fs::read_to_string(&log).unwrap_or_default();
    speaker.say("Get ready: Cat/Cow");
    assert!(eventually(Duration::from_secs(5), || read() == "Get ready: Cat/Cow\n"));
    speaker.say("Rest. Next: Shoulder rolls");
    assert!(eventually(Duration::from_secs(5), || read()
        .lines()
        .count()
        == 2));
    assert_eq!(read(), "Get ready: Cat/Cow\nRest. Next: Shoulder rolls\n");
    assert_eq!(speaker.take_warning(), None);
}

#[test]
fn a_missing_command_warns_once() {
    let mut speaker = Speaker::new(argv(&["/nonexistent/limberup-no-such-speaker"]));
    speaker.say("Get ready");
    let warning = speaker.take_warning().expect("a warning");
    assert!(
        warning
            .starts_with("speech command `/nonexistent/limberup-no-such-speaker` could not start"),
        "{warning}"
    );
    assert!(warning.ends_with("; going on without speech"), "{warning}");
    speaker.say("Switch sides");
    speaker.say("Done");
    assert_eq!(speaker.take_warning(), None);
}

#[test]
fn a_failing_command_warns_once_then_stays_silent() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("runs.txt");
    let cmd = format!("echo run >> '{}'; exit 3", log.display());
    let mut speaker = Speaker::new(argv(&["sh", "-c", &cmd]));
    speaker.say("Go");
    let mut warning = None;
    assert!(eventually(Duration::from_secs(5), || {
        warning = speaker.take_warning();
        warning.is_some()
    }));
    let warning = warning.unwrap();
    assert!(
        warning.starts_with("speech command `sh` failed (exit status: 3)"),
        "{warning}"
    );
    speaker.say("Halfway");
    assert_eq!(speaker.take_warning(), None);
    // Disabled: the command was not run again.
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "run\n");
}

#[test]
fn a_slow_command_never_blocks_and_is_cut_short_by_the_next_cue() {
    let mut speaker = Speaker::new(argv(&["sh", "-c", "exec sleep 30", "speak"]));
    let start = Instant::now();
    speaker.say("One");
    speaker.say("Two");
    // Returned long before the first cue could have finished (it sleeps 30 s).
    assert!(start.elapsed() < Duration::from_secs(10));
    // A cue cut short by the next one is not a failure.
    assert_eq!(speaker.take_warning(), None);
    speaker.silence();
    assert_eq!(speaker.take_warning(), None);
}

/// Whether `pid` still runs (a zombie has ended; it only waits for a parent to reap it).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
        !state.is_some_and(|s| s.starts_with('Z'))
    })
}

/// A command that starts the real speaker as a child of its own, as `sh -c` does: cutting
/// a cue short must end the child too, not leave it running as an orphan.
#[test]
fn cutting_a_cue_short_ends_everything_the_command_started() {
    let dir = tempfile::tempdir().unwrap();
    let pids = dir.path().join("pids");
    let cmd = format!("sleep 123 & echo $! >> '{}'; wait", pids.display());
    let mut speaker = Speaker::new(argv(&["sh", "-c", &cmd, "speak"]));
    let started = |n| {
        eventually(Duration::from_secs(5), || {
            std::fs::read_to_string(&pids).is_ok_and(|text| text.lines().count() == n)
        })
    };
    speaker.say("One");
    assert!(started(1));
    speaker.say("Two");
    assert!(started(2));
    speaker.silence();
    let text = std::fs::read_to_string(&pids).unwrap();
    for pid in text.lines() {
        assert!(
            eventually(Duration::from_secs(5), || !running(pid)),
            "sleep {pid} outlived its cue"
        );
    }
    assert_eq!(speaker.take_warning(), None);
}

/// Starts `say` on a command that runs `yes` (forever, at full CPU) as a child of its own
/// and returns the speaker with the pid of `yes`.
fn endless_cue(dir: &Path) -> (Speaker, String) {
    let pids = dir.join("pids");
    let cmd = format!("yes > /dev/null & echo $! > '{}'; wait; :", pids.display());
    let mut speaker = Speaker::new(argv(&["sh", "-c", &cmd, "speak"]));
    speaker.say("Well done");
    assert!(eventually(Duration::from_secs(5), || {
        std::fs::read_to_string(&pids).is_ok_and(|t| t.ends_with('\n'))
    }));
    let pid = std::fs::read_to_string(&pids).unwrap().trim().to_string();
    (speaker, pid)
}

/// Kills `pid` if a failing test left it running.
fn reap_stray(pid: &str) {
    let _ = std::process::Command::new("kill")
        .args(["-9", pid])
        .status();
}

#[test]
fn the_last_cue_does_not_outlive_the_coach() {
    let dir = tempfile::tempdir().unwrap();
    let (speaker, pid) = endless_cue(dir.path());
    assert!(running(&pid));
    drop(speaker);
    let ended = eventually(Duration::from_secs(5), || !running(&pid));
    reap_stray(&pid);
    assert!(ended, "the cue's `yes` {pid} outlived the speaker");
}

#[test]
fn finish_lets_the_last_cue_end_but_not_run_on() {
    let dir = tempfile::tempdir().unwrap();
    let (speaker, pid) = endless_cue(dir.path());
    let start = Instant::now();
    speaker.finish();
    let waited = start.elapsed();
    let ended = eventually(Duration::from_secs(5), || !running(&pid));
    reap_stray(&pid);
    assert!(ended, "the cue's `yes` {pid} outlived finish");
    // About the time "Well done" takes to say, never the endless command's.
    assert!(waited >= Duration::from_millis(500), "{waited:?}");
    assert!(waited < Duration::from_secs(11), "{waited:?}");

    // A cue that ends by itself is waited for only as long as it runs.
    let log = dir.path().join("said");
    let cmd = format!("printf '%s' \"$1\" > '{}'", log.display());
    let mut speaker = Speaker::new(argv(&["sh", "-c", &cmd, "speak"]));
    speaker.say("Done");
    speaker.finish();
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "Done");
}
