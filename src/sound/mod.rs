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
    /// A hold within a rep ("Hold the stretch") begins: a soft steady tone, neither up nor
    /// down, so the breath tones around it stand out.
    Hold,
    /// A later part of a rep that is neither a breath nor a hold ("Twist right", "Return
    /// to center"): a tick higher than the beat, so the two halves of a rep differ.
    Turn,
    /// Half of a hold is done: two quick equal pings.
    Halfway,
    /// A range's lower bound is reached ("ten done: keep going or move on"): a quick trill.
    Reached,
    /// An open step's reminder ("Drink some water"): two slow bell strikes.
    Reminder,
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
    pub const ALL: [Sound; 14] = [
        Sound::GetReady,
        Sound::Go,
        Sound::Beat,
        Sound::Inhale,
        Sound::Exhale,
        Sound::Hold,
        Sound::Turn,
        Sound::Halfway,
        Sound::Reached,
        Sound::Reminder,
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
            Sound::Hold => "hold",
            Sound::Turn => "turn",
            Sound::Halfway => "halfway",
            Sound::Reached => "reached",
            Sound::Reminder => "reminder",
            Sound::Countdown => "countdown",
            Sound::SwitchSides => "switch-sides",
            Sound::Rest => "rest",
            Sound::Finished => "finished",
        }
    }

    /// When it plays and what it sounds like, as the README's table of sounds and the man
    /// page say (a test holds the README to this).
    pub fn description(self) -> (&'static str, &'static str) {
        match self {
            Sound::GetReady => ("a get-ready countdown starts", "two notes up (C, G)"),
            Sound::Go => (
                "a hold or reps start",
                "a bright high E, an octave over the countdown",
            ),
            Sound::Beat => (
                "each paced rep's first part, when it is not a breath or a hold",
                "a soft, short low tock",
            ),
            Sound::Inhale => ("a rep's part labelled `Inhale...`", "a tone gliding up"),
            Sound::Exhale => ("a rep's part labelled `Exhale...`", "a tone gliding down"),
            Sound::Hold => (
                "a rep's part labelled `Hold...` (side bends' \"Hold the stretch\")",
                "a soft steady tone",
            ),
            Sound::Turn => (
                "any other part of a paced rep (\"Twist right\", \"Return to center\")",
                "a soft tick, higher than the beat",
            ),
            Sound::Halfway => ("half of a hold of 20 s or more", "two quick pings"),
            Sound::Reached => (
                "a range's lower bound is reached (Enter may move on)",
                "a quick trill",
            ),
            Sound::Reminder => (
                "an open step's reminder (its words show large on the screen)",
                "two slow bell strikes",
            ),
            Sound::Countdown => (
                "each of the last three seconds",
                "a short pip (then \"go\", as at a race start)",
            ),
            Sound::SwitchSides => ("between passes", "low, high, low"),
            Sound::Rest => ("a rest starts", "three soft notes falling"),
            Sound::Finished => ("the routine is done", "an arpeggio up to a long high C"),
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
            s if s.is_rep() => 0,
            Sound::Finished => 2,
            _ => 1,
        }
    }

    /// Whether it is one of the per-rep sounds that `beat: false` turns off.
    pub(crate) fn is_rep(self) -> bool {
        matches!(
            self,
            Sound::Beat | Sound::Inhale | Sound::Exhale | Sound::Hold | Sound::Turn
        )
    }

    /// The sound of part `part` (0-based) of a paced rep labelled `label`: a breath tone where
    /// the label starts with "Inhale" or "Exhale", the hold tone where it starts with "Hold",
    /// else the beat on a rep's first part and the higher tick on the others: every part of
    /// a rep is heard, so no one has to look to know when to move.
    pub fn for_rep_part(part: usize, label: &str) -> Sound {
        let starts = |word: &str| {
            label
                .trim_start()
                .get(..word.len())
                .is_some_and(|lead| lead.eq_ignore_ascii_case(word))
        };
        match part {
            _ if starts("inhale") => Sound::Inhale,
            _ if starts("exhale") => Sound::Exhale,
            _ if starts("hold") => Sound::Hold,
            0 => Sound::Beat,
            _ => Sound::Turn,
        }
    }
}
