//! Gives cues a voice for both front ends: the sound through the player (made on first
//! need), or the number of terminal bells to ring where there is none; the words through
//! the speech command, past the gate that keeps names from being cut short.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::cues::Cue;
use crate::sound::{Output, Player, Sound, SoundConfig, SpeechGate};
use crate::speech::Speaker;

/// Plays and says cues; see the module doc. Dropping it stops the sounds and the words still
/// playing (`finish` lets them end first).
pub struct Announcer {
    config: SoundConfig,
    output: Output,
    hint: Option<&'static str>,
    /// Where the sound files go (`None`: a temporary directory).
    cache: Option<PathBuf>,
    /// Made when first needed: writing the files costs a millisecond, which the first frame
    /// should not wait for.
    player: Option<Player>,
    speaker: Option<Speaker>,
    gate: SpeechGate,
}

impl Announcer {
    /// Sounds as `config` says (already `quieted` for `--quiet`), a player looked for on
    /// `path` (a PATH value) when none is set, files in `cache`; words through `speech`.
    pub fn new(
        config: SoundConfig,
        speech: Option<Vec<String>>,
        path: Option<&OsStr>,
        cache: Option<&Path>,
    ) -> Announcer {
        Announcer {
            output: config.output(path),
            hint: config.missing_player_hint(path),
            config,
            cache: cache.map(Path::to_path_buf),
            player: None,
            speaker: speech.map(Speaker::new),
            gate: SpeechGate::default(),
        }
    }

    /// As `new`, with this process's PATH and the user's cache directory.
    pub(crate) fn from_env(config: SoundConfig, speech: Option<Vec<String>>) -> Announcer {
        let path = std::env::var_os("PATH");
        let cache = crate::sound::cache_dir();
        Announcer::new(config, speech, path.as_deref(), cache.as_deref())
    }

    /// Whether any sound can be heard (a player or the bell).
    pub fn sounds(&self) -> bool {
        self.output != Output::Off
    }

    /// Whether cues are spoken.
    pub fn speaks(&self) -> bool {
        self.speaker.is_some()
    }

    /// The one line to show once when sounds are wanted but nothing here can play them.
    pub fn hint(&self) -> Option<&'static str> {
        self.hint
    }

    /// Makes the player now, if sounds go to one, so the first cue does not wait for it.
    pub fn ready(&mut self) {
        self.player();
    }

    fn player(&mut self) -> Option<&mut Player> {
        let Output::Player(command) = &self.output else {
            return None;
        };
        Some(
            self.player
                .get_or_insert_with(|| Player::new(command.clone(), self.cache.as_deref())),
        )
    }

    /// Plays and says `cue` without waiting for either; returns how many times the caller
    /// rings the terminal bell (where the bell is the sound, or the player failed).
    pub fn announce(&mut self, cue: Cue) -> u8 {
        let bells = cue
            .sound
            .filter(|sound| self.config.allows(*sound))
            .map_or(0, |sound| self.play(sound));
        if let (Some(speech), Some(speaker)) = (cue.speech, self.speaker.as_mut())
            && self.gate.admit(speech.priority, speaker.speaking())
        {
            speaker.say(&speech.text);
        }
        bells
    }

    fn play(&mut self, sound: Sound) -> u8 {
        let played = match self.output {
            Output::Off => return 0,
            Output::Bell => false,
            Output::Player(_) => self.player().is_some_and(|p| p.play(sound)),
        };
        if played { 0 } else { sound.bells() }
    }

    /// Problems not yet shown (a player or speech command that failed), each given once.
    pub fn take_warnings(&mut self) -> Vec<String> {
        let player = self.player.as_mut().and_then(Player::take_warning);
        let speaker = self.speaker.as_mut().and_then(Speaker::take_warning);
        player.into_iter().chain(speaker).collect()
    }

    /// Lets the sounds already started play out (a couple of seconds at most) and the last
    /// words be said (a few seconds at most), for a coach about to exit: the end is heard
    /// whole, and nothing outlives the coach.
    pub fn finish(self) {
        if let Some(player) = self.player {
            player.finish();
        }
        if let Some(speaker) = self.speaker {
            speaker.finish();
        }
    }
}
