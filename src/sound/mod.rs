//! Sounds made in code: each cue a short tone sequence (`synth`), written once as a WAV file
//! (`wav`, `files`) and handed to the first player found (`choice`) without ever waiting on it
//! (`player`); `gate` keeps speech from cutting short the names it says.

use std::time::Duration;

mod choice;
mod files;
mod gate;
mod player;
mod synth;
mod wav;

pub use choice::{Output, PlayerCommand, SoundConfig, SoundMode, find_player};
pub use files::{SoundFiles, cache_dir};
pub use gate::{Priority, SpeechGate};
pub use player::{MAX_PLAYING, Player};
pub use synth::{SAMPLE_RATE, samples};
pub use wav::encode;

/// A cue's sound; each has its own tune so it can be told apart without looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sound {
    /// A get-ready countdown begins: two notes up, a call to attention.
    GetReady,
    /// Work begins: a bright high note, an octave above the countdown's pips.
    Go,
    /// A paced rep begins: a short, quiet low tock under everything else.
    Beat,
    /// Breathe in: a tone gliding up.
    Inhale,
    /// Breathe out: a tone gliding down.
    Exhale,
    /// Half of a hold is done: two quick equal pings.
    Halfway,
    /// One of the last three seconds: a short pip, as before a race's start.
    Countdown,
    /// Time to change sides: low, high, low.
    SwitchSides,
    /// A rest begins: three soft notes falling.
    Rest,
    /// The routine is complete: an arpeggio up to a long high note.
    Finished,
}

impl Sound {
    pub const ALL: [Sound; 10] = [
        Sound::GetReady,
        Sound::Go,
        Sound::Beat,
        Sound::Inhale,
        Sound::Exhale,
        Sound::Halfway,
        Sound::Countdown,
        Sound::SwitchSides,
        Sound::Rest,
        Sound::Finished,
    ];

    /// The name of its file (and of the sound in messages).
    pub fn name(self) -> &'static str {
        match self {
            Sound::GetReady => "get-ready",
            Sound::Go => "go",
            Sound::Beat => "beat",
            Sound::Inhale => "inhale",
            Sound::Exhale => "exhale",
            Sound::Halfway => "halfway",
            Sound::Countdown => "countdown",
            Sound::SwitchSides => "switch-sides",
            Sound::Rest => "rest",
            Sound::Finished => "finished",
        }
    }

    /// How long it lasts.
    pub fn length(self) -> Duration {
        Duration::from_millis(u64::from(synth::length_ms(self)))
    }

    /// How many times the terminal bell rings for it where it is all the sound there is: the
    /// rep sounds none (a bell every breath would drown everything), the end a double bell.
    pub fn bells(self) -> u8 {
        match self {
            Sound::Beat | Sound::Inhale | Sound::Exhale => 0,
            Sound::Finished => 2,
            _ => 1,
        }
    }

    /// Whether it is one of the per-rep sounds that `beat: false` turns off.
    pub(crate) fn is_rep(self) -> bool {
        matches!(self, Sound::Beat | Sound::Inhale | Sound::Exhale)
    }

    /// The sound of part `part` (0-based) of a paced rep labelled `label`: a breath tone where
    /// the label starts with "Inhale" or "Exhale", else the beat on a rep's first part only.
    pub fn for_rep_part(part: usize, label: &str) -> Option<Sound> {
        let word = label
            .trim_start()
            .get(..6)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match word.as_str() {
            "inhale" => Some(Sound::Inhale),
            "exhale" => Some(Sound::Exhale),
            _ => (part == 0).then_some(Sound::Beat),
        }
    }
}
