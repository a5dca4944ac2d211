//! The tunes: each sound is a few notes (sine partials under an attack/decay envelope that
//! starts and ends at zero, so nothing clicks), mixed into 16-bit mono samples. Pure.

use std::f32::consts::TAU;

use super::Sound;

/// Samples per second: plenty for tones under 3 kHz, and half the size of CD rate.
pub const SAMPLE_RATE: u32 = 22_050;

/// Every note fades out over its last this many milliseconds (less for very short notes).
const RELEASE_MS: f32 = 20.0;

/// Relative strengths of the harmonics (1x, 2x, 3x the note's frequency).
#[derive(Clone, Copy)]
enum Timbre {
    /// A pure tone: soft, for the breath glides and the beat.
    Pure,
    /// A little of the octave: rounder, for the calmer cues.
    Warm,
    /// Octave and twelfth: a bell-like ping that cuts through.
    Bright,
}

impl Timbre {
    fn partials(self) -> &'static [(f32, f32)] {
        match self {
            Timbre::Pure => &[(1.0, 1.0)],
            Timbre::Warm => &[(1.0, 0.85), (2.0, 0.15)],
            Timbre::Bright => &[(1.0, 0.75), (2.0, 0.2), (3.0, 0.05)],
        }
    }
}

/// One note: when it starts and how long it lasts (ms), its pitch (gliding from `from_hz`
/// to `to_hz`), its peak level (of full scale), how fast it rises and how it dies away.
#[derive(Clone, Copy)]
struct Note {
    at_ms: u32,
    len_ms: u32,
    from_hz: f32,
    to_hz: f32,
    level: f32,
    attack_ms: f32,
    /// The decay's time constant as a fraction of the note's length: small is a ping.
    decay: f32,
    timbre: Timbre,
}

const C5: f32 = 523.25;
const D5: f32 = 587.33;
const E4: f32 = 329.63;
const E5: f32 = 659.26;
const G4: f32 = 392.00;
const G5: f32 = 783.99;
const A5: f32 = 880.00;
const C6: f32 = 1046.50;
const E6: f32 = 1318.51;

fn note(at_ms: u32, len_ms: u32, hz: f32, level: f32, timbre: Timbre) -> Note {
    Note {
        at_ms,
        len_ms,
        from_hz: hz,
        to_hz: hz,
        level,
        attack_ms: 8.0,
        decay: 0.6,
        timbre,
    }
}

fn glide(from_hz: f32, to_hz: f32) -> Note {
    Note {
        from_hz,
        to_hz,
        attack_ms: 90.0,
        decay: 2.0,
        ..note(0, 450, from_hz, 0.45, Timbre::Pure)
    }
}

fn design(sound: Sound) -> Vec<Note> {
    use Timbre::{Bright, Pure, Warm};
    match sound {
        Sound::GetReady => vec![note(0, 160, C5, 0.6, Warm), note(200, 220, G5, 0.6, Warm)],
        Sound::Go => vec![note(0, 380, E6, 0.55, Warm), note(0, 380, E5, 0.3, Warm)],
        Sound::Beat => vec![Note {
            attack_ms: 3.0,
            decay: 0.35,
            ..note(0, 60, E4, 0.22, Warm)
        }],
        Sound::Inhale => vec![glide(G4, G5)],
        Sound::Exhale => vec![glide(G5, G4)],
        Sound::Halfway => vec![
            note(0, 90, A5, 0.65, Bright),
            note(150, 90, A5, 0.65, Bright),
        ],
        Sound::Countdown => vec![note(0, 110, E5, 0.6, Pure)],
        Sound::SwitchSides => vec![
            note(0, 110, D5, 0.65, Bright),
            note(140, 110, A5, 0.65, Bright),
            note(280, 110, D5, 0.65, Bright),
        ],
        Sound::Rest => vec![
            note(0, 260, G5, 0.35, Warm),
            note(220, 260, E5, 0.35, Warm),
            Note {
                decay: 1.0,
                ..note(440, 420, C5, 0.4, Warm)
            },
        ],
        Sound::Finished => vec![
            note(0, 200, C5, 0.5, Bright),
            note(150, 200, E5, 0.5, Bright),
            note(300, 200, G5, 0.5, Bright),
            Note {
                decay: 1.2,
                ..note(450, 650, C6, 0.55, Bright)
            },
        ],
    }
}

fn ms_to_samples(ms: f32) -> usize {
    (ms * SAMPLE_RATE as f32 / 1000.0).round() as usize
}

/// The envelope at `t` ms into a note of `len` ms: a raised-cosine rise, an exponential
/// decay, a raised-cosine release to exactly zero at the end.
fn envelope(note: &Note, t: f32) -> f32 {
    let len = note.len_ms as f32;
    let ramp = |x: f32| 0.5 - 0.5 * (std::f32::consts::PI * x.clamp(0.0, 1.0)).cos();
    let attack = ramp(t / note.attack_ms);
    let release_ms = RELEASE_MS.min(len / 3.0);
    let release = ramp((len - t) / release_ms);
    let decay = (-t / (note.decay * len)).exp();
    attack * decay * release
}

/// Adds `note` into `out` (full scale is 1.0).
fn mix(note: &Note, out: &mut [f32]) {
    let start = ms_to_samples(note.at_ms as f32);
    let len = ms_to_samples((note.at_ms + note.len_ms) as f32) - start;
    let mut phase = 0.0f32;
    for (i, slot) in out[start..start + len].iter_mut().enumerate() {
        let progress = i as f32 / len as f32;
        let hz = note.from_hz + (note.to_hz - note.from_hz) * progress;
        let t = i as f32 * 1000.0 / SAMPLE_RATE as f32;
        let wave: f32 = note
            .timbre
            .partials()
            .iter()
            .map(|&(harmonic, amp)| amp * (phase * harmonic).sin())
            .sum();
        *slot += note.level * envelope(note, t) * wave;
        phase = (phase + TAU * hz / SAMPLE_RATE as f32) % TAU;
    }
}

/// How long the sound lasts: to the end of its last note.
pub fn length_ms(sound: Sound) -> u32 {
    design(sound)
        .iter()
        .map(|n| n.at_ms + n.len_ms)
        .max()
        .unwrap_or(0)
}

/// The sound as 16-bit mono samples at `SAMPLE_RATE`.
pub fn samples(sound: Sound) -> Vec<i16> {
    let mut out = vec![0.0f32; ms_to_samples(length_ms(sound) as f32)];
    for note in design(sound) {
        mix(&note, &mut out);
    }
    out.iter()
        .map(|s| (s.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16)
        .collect()
}
