//! Playing sounds: the player gets a real WAV file (private, content-addressed) as its last
//! argument, and whatever it does (hang, crawl, fail) `play` returns at once, no more than
//! `MAX_PLAYING` pile up, and none is left running once the `Player` is gone.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use limberup::sound::{MAX_PLAYING, Player, PlayerCommand, Sound, SoundFiles, samples};

/// Polls `done` until it holds or 10 s pass (a deadline for processes to act, not a sleep
/// whose length the result depends on).
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn write_exec(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `sh SCRIPT`: run through the shell rather than executed, so a script just written can
/// never be "text file busy" while another test thread forks.
fn sh(script: &Path) -> PlayerCommand {
    PlayerCommand {
        argv: vec!["/bin/sh".into(), script.into()],
    }
}

fn os(s: &str) -> OsString {
    OsString::from(s)
}

/// Reads back the WAV samples of a file written by the player's recording command.
fn wav_samples(path: &Path) -> Vec<i16> {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..4], b"RIFF");
    bytes[44..]
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect()
}

#[test]
fn the_command_gets_a_real_wav_file_as_its_last_argument() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let script = dir.path().join("record.sh");
    // Records its arguments and copies its last one: the file it was asked to play.
    write_exec(
        &script,
        &format!(
            "for a; do last=$a; done\nprintf '%s\\n' \"$@\" > {out}/args.$$\n\
             cp \"$last\" {out}/$(basename \"$last\")\nmv {out}/args.$$ {out}/args-done.$$\n",
            out = out.display()
        ),
    );
    let mut command = sh(&script);
    command.argv.push(os("--volume=0.5"));
    let mut player = Player::new(command, Some(&dir.path().join("cache")));
    for sound in [Sound::Go, Sound::Beat] {
        assert!(player.play(sound));
    }
    let done = || {
        std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("args-done")
            })
            .count()
    };
    eventually("both players", || done() == 2);
    let mut played = BTreeSet::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("args-done") {
            let args = std::fs::read_to_string(&path).unwrap();
            let args: Vec<_> = args.lines().collect();
            assert_eq!(args.len(), 2, "{args:?}");
            assert_eq!(args[0], "--volume=0.5");
            assert!(args[1].starts_with(&dir.path().join("cache").display().to_string()));
            assert!(args[1].ends_with(".wav"), "{args:?}");
        } else {
            let sound = if name.starts_with("go-") {
                Sound::Go
            } else {
                Sound::Beat
            };
            assert!(name.starts_with(sound.name()), "{name}");
            assert_eq!(wav_samples(&path), samples(sound), "{name}");
            played.insert(name);
        }
    }
    assert_eq!(played.len(), 2);
    assert_eq!(player.take_warning(), None);
}

/// The process groups and state of every process on the machine, from /proc.
fn processes() -> Vec<(i32, i32, char)> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| {
            let pid: i32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let rest = &stat[stat.rfind(')')? + 2..];
            let mut fields = rest.split(' ');
            let state = fields.next()?.chars().next()?;
            let pgrp = fields.nth(1)?.parse().ok()?;
            Some((pid, pgrp, state))
        })
        .collect()
}

/// Live (not zombie) processes in any of `groups`.
fn alive_in(groups: &BTreeSet<i32>) -> usize {
    processes()
        .iter()
        .filter(|(_, pgrp, state)| groups.contains(pgrp) && *state != 'Z')
        .count()
}

fn pids(file: &Path) -> BTreeSet<i32> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.parse().ok())
        .collect()
}

/// Kills every process group in the log when dropped, so a failing test leaves no
/// hung players behind either.
struct Reaper(PathBuf);

impl Drop for Reaper {
    fn drop(&mut self) {
        for group in pids(&self.0) {
            // SAFETY: kill has no memory effects; these groups were started by this test.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
        }
    }
}

/// A player that starts a helper and then blocks for ever opening a FIFO nobody writes;
/// the log lists the process group of each.
fn hanging_player(dir: &Path) -> (PlayerCommand, Reaper) {
    let fifo = dir.join("never-written");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let log = dir.join("pids");
    let script = dir.join("hang.sh");
    write_exec(
        &script,
        &format!(
            "sleep 1000 &\necho $$ >> {log}\nread x < {fifo}\n",
            log = log.display(),
            fifo = fifo.display()
        ),
    );
    (sh(&script), Reaper(log))
}

#[test]
fn a_hanging_player_never_blocks_play_never_piles_up_and_is_gone_after_drop() {
    let dir = tempfile::tempdir().unwrap();
    let (command, reaper) = hanging_player(dir.path());
    let log = &reaper.0;
    let mut player = Player::new(command, Some(&dir.path().join("cache")));
    for n in 1..=10 {
        // Returns while the player it started is blocked: `play` never waits on it.
        assert!(player.play(Sound::Countdown), "play {n}");
        eventually("the player to start", || pids(log).len() == n);
    }
    let groups = pids(log);
    // The newest MAX_PLAYING players (each a shell and its helper) are left; the older six
    // were killed, helpers and all.
    eventually("the oldest to be killed", || {
        alive_in(&groups) == 2 * MAX_PLAYING
    });
    assert_eq!(
        player.take_warning(),
        None,
        "a killed player has not failed"
    );
    drop(player);
    eventually("every player to be gone", || alive_in(&groups) == 0);
}

#[test]
fn finish_lets_a_sound_end_but_not_a_hung_player_keep_the_coach() {
    let dir = tempfile::tempdir().unwrap();
    let (command, reaper) = hanging_player(dir.path());
    let log = &reaper.0;
    let mut player = Player::new(command, Some(&dir.path().join("cache")));
    assert!(player.play(Sound::Beat));
    eventually("the player to start", || pids(log).len() == 1);
    // Returns once the beat (60 ms) and the allowance for a player (1 s) are over.
    player.finish();
    eventually("the hung player to be gone", || alive_in(&pids(log)) == 0);

    let quick = PlayerCommand {
        argv: vec![os("true")],
    };
    let mut player = Player::new(quick, Some(&dir.path().join("cache")));
    assert!(player.play(Sound::Finished));
    player.finish();
}

#[test]
fn a_failing_player_warns_once_and_then_plays_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let failing = PlayerCommand {
        argv: vec![os("false")],
    };
    let mut player = Player::new(failing, Some(&cache));
    assert!(
        player.play(Sound::Go),
        "started: its failure is not known yet"
    );
    let mut warning = None;
    eventually("the failure", || {
        warning = player.take_warning();
        warning.is_some()
    });
    assert_eq!(
        warning.unwrap(),
        "sound player `false` failed (exit status: 1); the terminal bell rings instead"
    );
    assert!(!player.play(Sound::Go), "the caller rings the bell instead");
    assert_eq!(player.take_warning(), None, "once");

    let missing = PlayerCommand {
        argv: vec![dir.path().join("no-such-player").into_os_string()],
    };
    let mut player = Player::new(missing, Some(&cache));
    assert!(!player.play(Sound::Go));
    let warning = player.take_warning().unwrap();
    assert!(
        warning.starts_with("sound player `no-such-player` could not start: "),
        "{warning}"
    );
    assert!(!player.play(Sound::Rest));
    assert_eq!(player.take_warning(), None);
}

#[test]
fn files_are_private_content_addressed_and_rewritten_when_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache").join("limberup").join("sounds");
    let files = SoundFiles::write(Some(&cache)).unwrap();
    let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    let go = files.path(Sound::Go).to_path_buf();
    assert_eq!(go.parent(), Some(cache.as_path()));
    let name = go.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("go-") && name.ends_with(".wav"), "{name}");
    let names: BTreeSet<_> = Sound::ALL
        .iter()
        .map(|s| files.path(*s).to_path_buf())
        .collect();
    assert_eq!(names.len(), Sound::ALL.len());
    assert_eq!(
        std::fs::read_dir(&cache).unwrap().count(),
        Sound::ALL.len(),
        "no temp left"
    );

    // A damaged file is replaced; a file of another version, under another name, is not used.
    std::fs::write(&go, b"RIFF broken").unwrap();
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o755)).unwrap();
    let again = SoundFiles::write(Some(&cache)).unwrap();
    assert_eq!(again.path(Sound::Go), go);
    assert_eq!(wav_samples(&go), samples(Sound::Go));
    let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "closed again");
}

#[test]
fn an_unusable_cache_dir_falls_back_to_a_private_temp_dir_removed_after() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a dir").unwrap();
    let files = SoundFiles::write(Some(&blocker.join("sounds"))).unwrap();
    let temp = files.path(Sound::Rest).parent().unwrap().to_path_buf();
    assert!(!temp.starts_with(dir.path()));
    assert_eq!(wav_samples(files.path(Sound::Rest)), samples(Sound::Rest));
    let mode = std::fs::metadata(&temp).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    drop(files);
    assert!(!temp.exists());
    let none = SoundFiles::write(None).unwrap();
    assert!(none.path(Sound::Go).exists());
}
