//! Choosing how sounds are made: the first player on PATH (with its quiet flags), the
//! configured command, the bell or silence, the missing-player hint, and which sounds
//! `beat: false` and `--quiet` leave.

use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use limberup::sound::{Output, PlayerCommand, Sound, SoundConfig, SoundMode, find_player};

fn write_exec(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
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
        "No sound player: install pulseaudio-utils, alsa-utils or sox, or set `sound`"
    );
    // One line of an 80-column status line, after its "⚠ ".
    assert!(!hint.contains('\n') && hint.chars().count() <= 77);
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
    assert_eq!(heard.len(), 9);
    assert!(!heard.iter().any(|s| matches!(
        s,
        Sound::Beat | Sound::Inhale | Sound::Exhale | Sound::Hold | Sound::Turn
    )));
    let quiet = on.clone().quieted(true);
    assert_eq!(quiet.mode, SoundMode::Off);
    assert!(!Sound::ALL.iter().any(|s| quiet.allows(*s)));
    assert_eq!(quiet.output(None), Output::Off);
    assert_eq!(on.clone().quieted(false), on);
}

#[test]
fn rep_parts_map_to_breath_tones_the_hold_tone_the_beat_or_the_tick() {
    assert_eq!(Sound::for_rep_part(0, "Inhale: look up"), Sound::Inhale);
    assert_eq!(Sound::for_rep_part(1, "exhale"), Sound::Exhale);
    assert_eq!(Sound::for_rep_part(0, "Lift"), Sound::Beat);
    assert_eq!(Sound::for_rep_part(1, "Lower"), Sound::Turn);
    assert_eq!(Sound::for_rep_part(2, "Inhaler"), Sound::Inhale);
    assert_eq!(Sound::for_rep_part(1, "Éxhale"), Sound::Turn);
    assert_eq!(Sound::for_rep_part(2, "Hold the stretch"), Sound::Hold);
    assert_eq!(Sound::for_rep_part(0, " hold"), Sound::Hold);
    assert_eq!(Sound::for_rep_part(3, "Return to center"), Sound::Turn);
    assert_eq!(Sound::for_rep_part(0, ""), Sound::Beat);
    let bells: Vec<_> = Sound::ALL.iter().map(|s| s.bells()).collect();
    assert_eq!(bells, [1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
}
