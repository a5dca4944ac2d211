//! Sounds and speech never cut each other off: the gate's rule for speech, and a player's
//! sounds (even one killed for hanging) leaving a spoken cue alone.

use std::os::unix::fs::PermissionsExt as _;
use std::time::{Duration, Instant};

use limberup::sound::{Player, PlayerCommand, Priority, Sound, SpeechGate};
use limberup::speech::Speaker;

use Priority::{Name, Routine};

#[test]
fn a_name_is_cut_only_by_a_newer_name_and_routine_cues_never_wait() {
    // (what comes, whether the last utterance is still being spoken, spoken now?)
    let script: [(Priority, bool, bool); 9] = [
        (Name, false, true),    // "Get ready: Cat-cow"
        (Routine, true, false), // a count while the name is said: dropped
        (Routine, true, false), // and another
        (Routine, false, true), // the name is over: counts again
        (Routine, true, true),  // a count cuts a count short
        (Name, true, true),     // a name cuts a count short
        (Name, true, true),     // a newer name (the person skipped on) cuts a name
        (Routine, true, false), // ... which then holds against counts
        (Name, false, true),
    ];
    let mut gate = SpeechGate::default();
    for (i, (priority, speaking, spoken)) in script.into_iter().enumerate() {
        assert_eq!(gate.admit(priority, speaking), spoken, "line {i}");
    }
}

fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat[stat.rfind(')').unwrap() + 2..].chars().next();
        state != Some('Z')
    })
}

#[test]
fn sounds_even_killed_hung_ones_never_stop_speech() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let log = dir.path().join("speaking");
    // Speech that lasts until killed, and a player that hangs.
    let say = dir.path().join("say.sh");
    std::fs::write(
        &say,
        format!("echo $$ > {}\nread x < {}\n", log.display(), fifo.display()),
    )
    .unwrap();
    let play = dir.path().join("play.sh");
    std::fs::write(&play, format!("read x < {}\n", fifo.display())).unwrap();
    for f in [&say, &play] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut speaker = Speaker::new(vec!["/bin/sh".into(), say.display().to_string()]);
    speaker.say("Switch sides. Left");
    eventually("speech to start", || {
        log.exists() && !std::fs::read_to_string(&log).unwrap().is_empty()
    });
    let pid: i32 = std::fs::read_to_string(&log)
        .unwrap()
        .trim()
        .parse()
        .unwrap();

    let command = PlayerCommand {
        argv: vec!["/bin/sh".into(), play.into()],
    };
    let mut player = Player::new(command, Some(&dir.path().join("cache")));
    for sound in Sound::ALL.iter().cycle().take(12) {
        assert!(player.play(*sound));
    }
    drop(player);
    assert!(alive(pid), "the cue is still being spoken");
    assert!(speaker.speaking());
    speaker.silence();
    eventually("speech to stop", || !alive(pid));
}
