//! The announcer both front ends give cues through, in-process: which sounds reach the
//! player, when the bell stands in (and how often), the warnings given once, and speech
//! kept from cutting short a name it is saying.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::time::{Duration, Instant};

use limberup::cues::{Cue, Speech};
use limberup::front::Announcer;
use limberup::sound::{Priority, Sound, SoundConfig, SoundMode};

fn sound(s: Sound) -> Cue {
    Cue {
        sound: Some(s),
        speech: None,
    }
}

fn config(mode: SoundMode, command: Option<Vec<String>>) -> SoundConfig {
    SoundConfig {
        mode,
        beat: true,
        command,
    }
}

/// Polls `done` until it holds or 10 s pass.
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn script(dir: &Path, name: &str, body: &str) -> Vec<String> {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Run by `sh`, so a script just written is never "text file busy".
    vec!["sh".into(), path.display().to_string()]
}

#[test]
fn the_bell_stands_in_once_per_cue_twice_at_the_end_never_per_rep() {
    for (mode, path) in [
        (SoundMode::Bell, None),
        // Auto with no player anywhere on PATH.
        (SoundMode::Auto, Some("/nonexistent")),
    ] {
        let path = path.map(std::ffi::OsStr::new);
        let mut a = Announcer::new(config(mode, None), None, path, None);
        assert!(a.sounds());
        let bells: Vec<u8> = Sound::ALL.iter().map(|s| a.announce(sound(*s))).collect();
        // get-ready go beat inhale exhale hold turn halfway reached reminder countdown switch
        // rest finished
        assert_eq!(
            bells,
            [1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2],
            "{mode:?}"
        );
        assert_eq!(a.take_warnings(), Vec::<String>::new());
    }
    let hint = Announcer::new(config(SoundMode::Auto, None), None, None, None).hint();
    assert!(hint.is_some_and(|h| h.starts_with("No sound player: install")));
    for mode in [SoundMode::Bell, SoundMode::Off] {
        let a = Announcer::new(config(mode, None), None, None, None);
        assert_eq!(a.hint(), None, "{mode:?}: the bell is what was asked for");
    }
    let mut off = Announcer::new(config(SoundMode::Off, None), None, None, None);
    assert!(!off.sounds());
    assert_eq!(off.announce(sound(Sound::Finished)), 0);
}

#[test]
fn a_player_that_fails_warns_once_and_the_bell_takes_over() {
    let dir = tempfile::tempdir().unwrap();
    let fail = script(dir.path(), "fail.sh", "exit 3\n");
    let cache = dir.path().join("cache");
    let mut a = Announcer::new(
        config(SoundMode::Auto, Some(fail)),
        None,
        None,
        Some(&cache),
    );
    assert_eq!(a.hint(), None, "a player is set");
    a.ready();
    assert_eq!(a.announce(sound(Sound::Go)), 0, "started: no bell");
    let mut warnings = Vec::new();
    eventually("the failure to be seen", || {
        warnings = a.take_warnings();
        !warnings.is_empty()
    });
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("failed") && warnings[0].contains("bell rings instead"),
        "{warnings:?}"
    );
    assert_eq!(a.announce(sound(Sound::Go)), 1);
    assert_eq!(a.announce(sound(Sound::Finished)), 2);
    assert_eq!(a.take_warnings(), Vec::<String>::new(), "said once");

    let missing = vec!["/nonexistent/player".to_string()];
    let mut a = Announcer::new(
        config(SoundMode::Auto, Some(missing)),
        None,
        None,
        Some(&cache),
    );
    assert_eq!(
        a.announce(sound(Sound::Rest)),
        1,
        "could not start: the bell at once"
    );
    let warnings = a.take_warnings();
    assert!(warnings[0].contains("could not start"), "{warnings:?}");
}

#[test]
fn beat_false_keeps_the_rep_sounds_from_the_player() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("played");
    let record = script(
        dir.path(),
        "record.sh",
        &format!("basename \"$1\" >> {}\n", log.display()),
    );
    let cache = dir.path().join("cache");
    let mut config = config(SoundMode::Auto, Some(record));
    config.beat = false;
    let mut a = Announcer::new(config, None, None, Some(&cache));
    for s in [Sound::Beat, Sound::Inhale, Sound::Halfway, Sound::Exhale] {
        assert_eq!(a.announce(sound(s)), 0, "{s:?}");
    }
    a.finish();
    let played = std::fs::read_to_string(&log).unwrap();
    assert_eq!(played.lines().count(), 1, "{played}");
    assert!(played.starts_with("halfway-"), "{played}");
}

#[test]
fn a_count_never_cuts_short_a_name_being_said() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    let said = dir.path().join("said");
    // Says a cue by noting it, then keeps "speaking" until the FIFO is written to.
    let speech = script(
        dir.path(),
        "say.sh",
        &format!(
            "echo \"$1\" >> {}\nread x < {}\n",
            said.display(),
            fifo.display()
        ),
    );
    let mut a = Announcer::new(config(SoundMode::Off, None), Some(speech), None, None);
    assert!(a.speaks());
    let words = |text: &str, priority| Cue {
        sound: None,
        speech: Some(Speech {
            text: text.into(),
            priority,
        }),
    };
    let lines = || {
        std::fs::read_to_string(&said)
            .unwrap_or_default()
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    a.announce(words("Switch sides. Right", Priority::Name));
    eventually("the name to be said", || lines().len() == 1);
    a.announce(words("Three", Priority::Routine));
    // Ends the cue being spoken. Opening the FIFO waits for a reader, and a speech command
    // reads it only after noting its words: had "Three" been said, it is noted by now.
    std::fs::write(&fifo, "\n").unwrap();
    assert_eq!(lines(), ["Switch sides. Right"]);
}
