//! The synthesized sounds: each has its designed length and level, starts and ends silent
//! with no jumps (no clicks), sounds different from every other, and encodes as a WAV file
//! that parses back to the same samples.

use limberup::sound::{SAMPLE_RATE, Sound, encode, samples};

const FULL_SCALE: f64 = 32_767.0;

fn peak(s: &[i16]) -> f64 {
    s.iter()
        .map(|x| f64::from(x.unsigned_abs()))
        .fold(0.0, f64::max)
        / FULL_SCALE
}

/// The energy of `s` at `hz` (Goertzel's algorithm: one DFT bin at any frequency).
fn energy(s: &[i16], hz: f64) -> f64 {
    let w = std::f64::consts::TAU * hz / f64::from(SAMPLE_RATE);
    let coeff = 2.0 * w.cos();
    let (mut s1, mut s2) = (0.0, 0.0);
    for x in s {
        let s0 = f64::from(*x) + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    s1 * s1 + s2 * s2 - coeff * s1 * s2
}

/// The semitone (MIDI note number) with the most energy in `s`, from E3 to C7.
fn dominant_note(s: &[i16]) -> u32 {
    let hz = |n: u32| 440.0 * 2f64.powf((f64::from(n) - 69.0) / 12.0);
    (52..=96)
        .max_by(|a, b| energy(s, hz(*a)).total_cmp(&energy(s, hz(*b))))
        .unwrap()
}

/// The dominant note of each third of the sound: its outline of pitch over time.
fn outline(s: &[i16]) -> [u32; 3] {
    let third = s.len() / 3;
    [
        dominant_note(&s[..third]),
        dominant_note(&s[third..2 * third]),
        dominant_note(&s[2 * third..]),
    ]
}

#[test]
fn each_sound_has_its_designed_length_and_a_short_one() {
    let designed_ms = [
        (Sound::GetReady, 420),
        (Sound::Go, 380),
        (Sound::Beat, 60),
        (Sound::Inhale, 450),
        (Sound::Exhale, 450),
        (Sound::Hold, 520),
        (Sound::Turn, 90),
        (Sound::Halfway, 240),
        (Sound::Reached, 420),
        (Sound::Reminder, 1350),
        (Sound::Countdown, 110),
        (Sound::SwitchSides, 390),
        (Sound::Rest, 860),
        (Sound::Finished, 1100),
    ];
    assert_eq!(designed_ms.len(), Sound::ALL.len());
    for (sound, ms) in designed_ms {
        assert_eq!(sound.length().as_millis(), ms, "{sound:?}");
        let expected = ((ms * u128::from(SAMPLE_RATE) + 500) / 1000) as usize;
        assert_eq!(samples(sound).len(), expected, "{sound:?}");
    }
}

#[test]
fn levels_are_loud_enough_never_clipped_and_the_ticks_are_soft() {
    for sound in Sound::ALL {
        let p = peak(&samples(sound));
        // The rep's ticks stay under everything else.
        if matches!(sound, Sound::Beat | Sound::Turn) {
            assert!((0.1..=0.3).contains(&p), "{sound:?} peak {p}");
        } else {
            assert!((0.3..=0.8).contains(&p), "{sound:?} peak {p}");
        }
    }
    let beat = samples(Sound::Beat);
    for sound in Sound::ALL.into_iter().filter(|s| *s != Sound::Beat) {
        assert!(
            samples(sound).len() > beat.len(),
            "{sound:?} not longer than the beat"
        );
    }
}

#[test]
fn no_clicks_silent_ends_and_no_sudden_steps() {
    // A click is a step: its third difference is twice its height, whereas for a tone it is
    // (2 sin(pi f / rate))^3 times the level: under 0.1 of full scale for every note here
    // (the strongest is the third harmonic of E6, about 4 kHz, at a twentieth of the level).
    for sound in Sound::ALL {
        let s = samples(sound);
        let (first, last) = (s[0], s[s.len() - 1]);
        assert!(first.unsigned_abs() < 100, "{sound:?} starts at {first}");
        assert!(last.unsigned_abs() < 100, "{sound:?} ends at {last}");
        let steepest = s
            .windows(4)
            .map(|w| {
                let [a, b, c, d] = [w[0], w[1], w[2], w[3]].map(f64::from);
                (d - 3.0 * c + 3.0 * b - a).abs() / FULL_SCALE
            })
            .fold(0.0, f64::max);
        assert!(
            steepest < 0.1,
            "{sound:?} steps by {steepest:.3} of full scale"
        );
    }
}

#[test]
fn every_sound_differs_in_pitch_outline_or_length() {
    let prints: Vec<_> = Sound::ALL
        .iter()
        .map(|&s| {
            let samples = samples(s);
            (s, outline(&samples), samples.len())
        })
        .collect();
    for (i, a) in prints.iter().enumerate() {
        for b in &prints[i + 1..] {
            assert!(
                a.1 != b.1 || a.2.abs_diff(b.2) > 2205,
                "{:?} and {:?} alike: {:?}",
                a.0,
                b.0,
                a.1
            );
        }
    }
}

#[test]
fn breath_tones_rise_and_fall_and_go_is_an_octave_over_the_countdown() {
    let rise = outline(&samples(Sound::Inhale));
    assert!(rise[0] < rise[1] && rise[1] < rise[2], "inhale {rise:?}");
    let fall = outline(&samples(Sound::Exhale));
    assert!(fall[0] > fall[1] && fall[1] > fall[2], "exhale {fall:?}");
    let pip = dominant_note(&samples(Sound::Countdown));
    let go = dominant_note(&samples(Sound::Go));
    assert_eq!((pip, go), (76, 88), "E5 then E6");
    let [first, _, last] = outline(&samples(Sound::Finished));
    assert!(last > first, "the end climbs");
}

/// A minimal reader for the form `encode` writes, checking every header field.
fn parse_wav(bytes: &[u8]) -> Vec<i16> {
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap());
    let u16_at = |i: usize| u16::from_le_bytes(bytes[i..i + 2].try_into().unwrap());
    assert_eq!(&bytes[0..4], b"RIFF");
    assert_eq!(u32_at(4) as usize, bytes.len() - 8, "RIFF size");
    assert_eq!(&bytes[8..16], b"WAVEfmt ");
    assert_eq!(u32_at(16), 16, "fmt chunk size");
    assert_eq!(u16_at(20), 1, "PCM");
    assert_eq!(u16_at(22), 1, "mono");
    assert_eq!(u32_at(24), SAMPLE_RATE);
    assert_eq!(u32_at(28), SAMPLE_RATE * 2, "byte rate");
    assert_eq!(u16_at(32), 2, "block align");
    assert_eq!(u16_at(34), 16, "bits per sample");
    assert_eq!(&bytes[36..40], b"data");
    assert_eq!(u32_at(40) as usize, bytes.len() - 44, "data size");
    bytes[44..]
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect()
}

#[test]
fn wav_files_parse_back_to_the_samples() {
    for sound in Sound::ALL {
        let s = samples(sound);
        let wav = encode(&s);
        assert_eq!(wav.len(), 44 + 2 * s.len());
        assert_eq!(parse_wav(&wav), s, "{sound:?}");
    }
    assert_eq!(parse_wav(&encode(&[])), Vec::<i16>::new());
    assert_eq!(&encode(&[1, -2])[44..], &[1, 0, 0xfe, 0xff]);
}
