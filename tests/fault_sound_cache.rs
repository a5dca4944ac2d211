//! Hostile entries in the sound cache: a FIFO (which blocked the coach in `open` for good)
//! or a link to /dev/zero (read until memory ran out) where a cached WAV file should be.
//! In plain mode and in the TUI the session runs to its end on time, and the entry is
//! replaced by the right sound, never read as one.

mod common;
mod pty_support;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use common::{Sandbox, tiny_routine};
use limberup::sound::{Sound, encode, samples};
use pty_support::{Coach, prepare};

/// Far longer than a two-second session takes; a coach blocked in `open` fails instead of
/// hanging the test.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Where the coach caches the "go" sound under `cache` (`$XDG_CACHE_HOME`).
fn cached_go(cache: &Path) -> PathBuf {
    let bytes = encode(&samples(Sound::Go));
    cache.join(format!(
        "limberup/sounds/go-{:016x}.wav",
        limberup::digest::fnv1a(&bytes)
    ))
}

#[derive(Clone, Copy, Debug)]
enum Hostile {
    Fifo,
    LinkToZero,
}

const HOSTILE: [Hostile; 2] = [Hostile::Fifo, Hostile::LinkToZero];

/// Puts `what` where the cached "go" sound under `cache` goes.
fn plant(cache: &Path, what: Hostile) -> PathBuf {
    let path = cached_go(cache);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    match what {
        Hostile::Fifo => {
            let made = Process::new("mkfifo").arg(&path).status().unwrap();
            assert!(made.success());
        }
        Hostile::LinkToZero => std::os::unix::fs::symlink("/dev/zero", &path).unwrap(),
    }
    path
}

/// The entry is now a regular file holding the sound (a link replaced, not written
/// through: /dev/zero is untouched either way).
fn assert_replaced(path: &Path, what: Hostile) {
    let meta = std::fs::symlink_metadata(path).unwrap();
    assert!(meta.is_file(), "{what:?}: {:?}", meta.file_type());
    assert_eq!(
        std::fs::read(path).unwrap(),
        encode(&samples(Sound::Go)),
        "{what:?}"
    );
}

#[test]
fn plain_mode_runs_to_its_end_and_replaces_the_entry() {
    for what in HOSTILE {
        let sb = Sandbox::new();
        sb.write_routine("tiny", &tiny_routine(2));
        let cache = sb.path().join("cache");
        let path = plant(&cache, what);
        let output = sb
            .cmd()
            .env("XDG_CACHE_HOME", &cache)
            .args(["run", "tiny", "--plain"])
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{what:?}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout.contains("Summary: completed, 2/2 steps done"),
            "{what:?}: {stdout}"
        );
        assert_replaced(&path, what);
    }
}

#[test]
fn the_tui_runs_to_its_end_answers_q_and_replaces_the_entry() {
    for what in HOSTILE {
        let dir = prepare(&tiny_routine(2), Some("(check_in: false)"));
        let path = plant(&dir.path().join("cache"), what);
        let mut coach = Coach::spawn(dir, &["run", "short"], 80, 24);
        coach.wait_for("completed", 15.0);
        coach.send("q");
        assert_eq!(coach.exit_code(5.0), 0, "{what:?}");
        assert_replaced(&path, what);
    }
}
