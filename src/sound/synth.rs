//! The tunes: each sound is a few notes (sine partials under an attack/decay envelope that
//! starts and ends at zero, so nothing clicks), mixed into 16-bit mono samples. Pure.

use std::f32::consts::{PI, TAU};

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
    /// The amplitudes of the first, second and third harmonics.
    fn harmonics(self) -> [f32; 3] {
        match self {
            Timbre::Pure => [1.0, 0.0, 0.0],
            Timbre::Warm => [0.85, 0.15, 0.0],
            Timbre::Bright => [0.75, 0.2, 0.05],
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
const B4: f32 = 493.88;
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
        Sound::Hold => vec![Note {
            attack_ms: 60.0,
            decay: 3.0,
            ..note(0, 520, C5, 0.4, Pure)
        }],
        Sound::Turn => vec![Note {
            attack_ms: 3.0,
            decay: 0.35,
            ..note(0, 90, B4, 0.35, Warm)
        }],
        Sound::Reached => (0..6)
            .map(|i| note(i * 70, 70, if i % 2 == 0 { A5 } else { C6 }, 0.55, Bright))
            .collect(),
        // Two strikes of a bell: a bright high E over a soft low C, ringing on.
        Sound::Reminder => [0, 700]
            .into_iter()
            .flat_map(|at| {
                [(E6, 0.45, Bright), (C5, 0.25, Warm)].map(|(hz, level, timbre)| Note {
                    decay: 0.8,
                    ..note(at, 650, hz, level, timbre)
                })
            })
            .collect(),
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

/// A raised-cosine ramp from 0 (at `x` <= 0) to 1 (at `x` >= 1): smooth at both ends.
fn ramp(x: f32) -> f32 {
    0.5 - 0.5 * (PI * x.clamp(0.0, 1.0)).cos()
}

/// Glides change pitch every this many samples (0.7 ms): steps far too small to hear.
const GLIDE_STEP: usize = 16;

/// Adds `note` into `out` (full scale is 1.0). Its envelope is a raised-cosine rise, an
/// exponential decay and a raised-cosine release to zero at the end. The tone is a phasor
/// turned by a fixed angle each sample, its harmonics from that one sine and cosine (sin 2x =
/// 2 sin x cos x, sin 3x = sin x (3 - 4 sin^2 x)): no sine is computed per sample, so every
/// sound together takes well under a millisecond to make.
fn mix(note: &Note, out: &mut [f32]) {
    let start = ms_to_samples(note.at_ms as f32);
    let len = ms_to_samples((note.at_ms + note.len_ms) as f32) - start;
    let attack = ms_to_samples(note.attack_ms).max(1) as f32;
    let release = ms_to_samples(RELEASE_MS.min(note.len_ms as f32 / 3.0)).max(1) as f32;
    let fade = (-1.0 / (note.decay * len as f32)).exp();
    let [a1, a2, a3] = note.timbre.harmonics();
    let turn = |i: usize| {
        let hz = note.from_hz + (note.to_hz - note.from_hz) * i as f32 / len as f32;
        (TAU * hz / SAMPLE_RATE as f32).sin_cos()
    };
    let (mut turn_sin, mut turn_cos) = turn(0);
    let (mut sin, mut cos, mut level) = (0.0f32, 1.0f32, note.level);
    for (i, slot) in out[start..start + len].iter_mut().enumerate() {
        let left = (len - i) as f32;
        let mut env = level;
        if (i as f32) < attack {
            env *= ramp(i as f32 / attack);
        }
        if left < release {
            env *= ramp(left / release);
        }
        *slot += env * (a1 * sin + a2 * 2.0 * sin * cos + a3 * sin * (3.0 - 4.0 * sin * sin));
        if note.from_hz != note.to_hz && i % GLIDE_STEP == 0 {
            (turn_sin, turn_cos) = turn(i);
        }
        (sin, cos) = (
            sin * turn_cos + cos * turn_sin,
            cos * turn_cos - sin * turn_sin,
        );
        level *= fade;
    }
}

/// How long the sound lasts: to the end of its last note.
pub(crate) fn length_ms(sound: Sound) -> u32 {
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
    // Rounded half away from zero by hand: `f32::round` is a library call on baseline x86-64.
    out.iter()
        .map(|s| {
            let scaled = s.clamp(-1.0, 1.0) * f32::from(i16::MAX);
            (scaled + 0.5f32.copysign(scaled)) as i16
        })
        .collect()
}
