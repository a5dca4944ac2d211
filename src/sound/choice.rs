//! What makes the sounds here: the configured mode, the `sound` command, or the first player
//! found on PATH; and the one-line hint when nothing can play them.

use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Sound;

/// `sounds:` in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SoundMode {
    /// Synthesized sounds through the `sound` command or the first player found; the
    /// terminal bell when there is none.
    #[default]
    Auto,
    /// Only the terminal bell, as before there were sounds.
    Bell,
    /// Silence.
    Off,
}

/// The sound settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoundConfig {
    pub mode: SoundMode,
    /// The soft beat and breath tones of paced reps.
    pub beat: bool,
    /// The player to use instead of looking for one; the WAV file's path is added last.
    pub command: Option<Vec<String>>,
}

impl Default for SoundConfig {
    fn default() -> Self {
        SoundConfig {
            mode: SoundMode::Auto,
            beat: true,
            command: None,
        }
    }
}

/// A player and its arguments; a WAV file's path goes after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerCommand {
    pub argv: Vec<OsString>,
}

/// Where sounds go for this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Synthesized sounds through this player.
    Player(PlayerCommand),
    /// The terminal bell (see `Sound::bells`).
    Bell,
    Off,
}

/// The players tried, in order, each with the arguments that keep it quiet and windowless.
/// PipeWire and PulseAudio first: they mix with speech; then ALSA, macOS, sox, ffmpeg.
const PLAYERS: [&[&str]; 6] = [
    &["pw-play"],
    &["paplay"],
    &["aplay", "-q"],
    &["afplay"],
    &["play", "-q"],
    &["ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"],
];

/// The one line shown when nothing can play a sound: what to install, or what to set. Short
/// enough for one line of an 80-column status line. (PipeWire systems have `pw-play`
/// already; `paplay` plays through PipeWire too.)
const MISSING_PLAYER: &str =
    "No sound player: install pulseaudio-utils, alsa-utils or sox, or set `sound`";

fn executable(path: &Path) -> bool {
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The first known player on `path` (a PATH value), as a command with its full path.
pub fn find_player(path: Option<&OsStr>) -> Option<PlayerCommand> {
    let dirs: Vec<_> = std::env::split_paths(path?).collect();
    PLAYERS.iter().find_map(|argv| {
        let program = dirs
            .iter()
            .map(|dir| dir.join(argv[0]))
            .find(|p| p.is_absolute() && executable(p))?;
        let rest = argv[1..].iter().map(OsString::from);
        Some(PlayerCommand {
            argv: std::iter::once(program.into_os_string())
                .chain(rest)
                .collect(),
        })
    })
}

impl SoundConfig {
    /// These settings, silenced by `--quiet`.
    pub fn quieted(self, quiet: bool) -> SoundConfig {
        if quiet {
            SoundConfig {
                mode: SoundMode::Off,
                ..self
            }
        } else {
            self
        }
    }

    /// Whether `sound` is to be heard at all (`beat: false` drops the rep sounds).
    pub fn allows(&self, sound: Sound) -> bool {
        self.mode != SoundMode::Off && (self.beat || !sound.is_rep())
    }

    /// Where sounds go, looking for a player on `path` (a PATH value) when none is set.
    pub fn output(&self, path: Option<&OsStr>) -> Output {
        match (self.mode, &self.command) {
            (SoundMode::Off, _) => Output::Off,
            (SoundMode::Bell, _) => Output::Bell,
            (SoundMode::Auto, Some(argv)) => Output::Player(PlayerCommand {
                argv: argv.iter().map(OsString::from).collect(),
            }),
            (SoundMode::Auto, None) => find_player(path).map_or(Output::Bell, Output::Player),
        }
    }

    /// The hint to show once (in the picker) when sounds are wanted but nothing here can play
    /// them; `None` when a player was found or set, or sounds are not wanted.
    pub fn missing_player_hint(&self, path: Option<&OsStr>) -> Option<&'static str> {
        (self.mode == SoundMode::Auto && self.output(path) == Output::Bell)
            .then_some(MISSING_PLAYER)
    }
}
