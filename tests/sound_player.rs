//! Playing sounds: which player is chosen, that it gets a real WAV file as its last argument,
//! and that whatever it does (hang, crawl, fail) `play` returns at once, no more than
//! `MAX_PLAYING` pile up, and none is left running once the `Player` is gone.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use limberup::sound::{
    MAX_PLAYING, Output, Player, PlayerCommand, Sound, SoundConfig, SoundFiles, SoundMode,
    find_player, samples,
};

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

#[test]
fn the_first_player_on_path_is_chosen_with_its_quiet_flags() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    write_exec(&a.path().join("aplay"), "");
    write_exec(&b.path().join("paplay"), "");
    // Not executable, or a directory: not a player.
    std::fs::write(a.path().join("pw-play"), "").unwrap();
    std::fs::create_dir(b.path().join("ffplay")).unwrap();
    let path = std::env::join_paths([a.path(), b.path()]).unwrap();
    assert_eq!(
        find_player(Some(&path)).unwrap().argv,
        [b.path().join("paplay").into_os_string()],
        "paplay comes before aplay whatever the PATH order"
    );
    std::fs::remove_file(b.path().join("paplay")).unwrap();
    assert_eq!(
        find_player(Some(&path)).unwrap().argv,
        [a.path().join("aplay").into_os_string(), os("-q")]
    );
    std::fs::remove_file(a.path().join("aplay")).unwrap();
    write_exec(&b.path().join("play"), "");
    assert_eq!(
        find_player(Some(&path)).unwrap().argv,
        [b.path().join("play").into_os_string(), os("-q")]
    );
    std::fs::remove_file(b.path().join("play")).unwrap();
    std::fs::remove_dir(b.path().join("ffplay")).unwrap();
    write_exec(&b.path().join("ffplay"), "");
    let ffplay = find_player(Some(&path)).unwrap().argv;
    assert_eq!(
        ffplay[1..],
        ["-nodisp", "-autoexit", "-loglevel", "quiet"].map(os)
    );
    write_exec(&a.path().join("pw-play"), "");
    assert_eq!(
        find_player(Some(&path)).unwrap().argv,
        [a.path().join("pw-play").into_os_string()]
    );
    assert_eq!(find_player(None), None);
    // Relative PATH entries are never searched: the current directory is not trusted.
    let here = std::env::join_paths([".", ""]).unwrap();
    assert_eq!(find_player(Some(&here)), None);
}

#[test]
fn the_mode_picks_the_output_and_only_a_missing_player_gives_the_hint() {
    let empty = tempfile::tempdir().unwrap();
    let nothing = empty.path().as_os_str();
    let with = tempfile::tempdir().unwrap();
    write_exec(&with.path().join("paplay"), "");
    let found = with.path().as_os_str();
    let paplay = PlayerCommand {
        argv: vec![with.path().join("paplay").into_os_string()],
    };
    let config = |mode, command: Option<&[&str]>| SoundConfig {
        mode,
        beat: true,
        command: command.map(|c| c.iter().map(ToString::to_string).collect()),
    };
    let custom = Some(&["mpv", "--no-video"][..]);
    let mpv = Output::Player(PlayerCommand {
        argv: vec![os("mpv"), os("--no-video")],
    });
    let cases: [(SoundConfig, &OsStr, Output); 7] = [
        (config(SoundMode::Auto, None), found, Output::Player(paplay)),
        (config(SoundMode::Auto, None), nothing, Output::Bell),
        (config(SoundMode::Auto, custom), nothing, mpv.clone()),
        (config(SoundMode::Auto, custom), found, mpv),
        (config(SoundMode::Bell, custom), found, Output::Bell),
        (config(SoundMode::Off, None), found, Output::Off),
        (config(SoundMode::Bell, None), nothing, Output::Bell),
    ];
    for (i, (config, path, output)) in cases.into_iter().enumerate() {
        assert_eq!(config.output(Some(path)), output, "case {i}");
        let missing = i == 1;
        assert_eq!(
            config.missing_player_hint(Some(path)).is_some(),
            missing,
            "{i}"
        );
    }
    let hint = SoundConfig::default()
        .missing_player_hint(Some(nothing))
        .unwrap();
    assert_eq!(
        hint,
        "No sound player found: install pipewire (pw-play), pulseaudio-utils (paplay), \
         alsa-utils (aplay) or sox, or set `sound` in config.ron"
    );
    assert!(!hint.contains('\n'));
}

#[test]
fn beat_false_drops_the_rep_sounds_and_quiet_drops_all() {
    let on = SoundConfig::default();
    assert!(Sound::ALL.iter().all(|s| on.allows(*s)));
    let no_beat = SoundConfig {
        beat: false,
        ..SoundConfig::default()
    };
    let heard: Vec<_> = Sound::ALL
        .into_iter()
        .filter(|s| no_beat.allows(*s))
        .collect();
    assert_eq!(heard.len(), 7);
    assert!(
        !heard
            .iter()
            .any(|s| matches!(s, Sound::Beat | Sound::Inhale | Sound::Exhale))
    );
    let quiet = on.clone().quieted(true);
    assert_eq!(quiet.mode, SoundMode::Off);
    assert!(!Sound::ALL.iter().any(|s| quiet.allows(*s)));
    assert_eq!(quiet.output(None), Output::Off);
    assert_eq!(on.clone().quieted(false), on);
}

#[test]
fn rep_parts_map_to_breath_tones_or_the_beat() {
    assert_eq!(
        Sound::for_rep_part(0, "Inhale: look up"),
        Some(Sound::Inhale)
    );
    assert_eq!(Sound::for_rep_part(1, "exhale"), Some(Sound::Exhale));
    assert_eq!(Sound::for_rep_part(0, "Lift"), Some(Sound::Beat));
    assert_eq!(Sound::for_rep_part(1, "Lower"), None);
    assert_eq!(Sound::for_rep_part(2, "Inhaler"), Some(Sound::Inhale));
    assert_eq!(Sound::for_rep_part(1, "Éxhale"), None);
    assert_eq!(Sound::for_rep_part(0, ""), Some(Sound::Beat));
    let bells: Vec<_> = Sound::ALL.iter().map(|s| s.bells()).collect();
    assert_eq!(bells, [1, 1, 0, 0, 0, 1, 1, 1, 1, 2]);
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
