//! A figure played on its own (`limberup figures ID`): its loop at a steady tempo, one key
//! pose per part, the pass changing every few reps, pausable. Pure: `now` comes in.

use std::time::{Duration, Instant};

use super::motion::{Beat, Figure, Passes};

/// Frames a second while a figure moves, at most: smooth enough for a slow move seen from
/// the corner of an eye, cheap enough to leave the CPU alone.
pub const MAX_FPS: u32 = 12;
const FRAME: Duration = Duration::from_nanos(1_000_000_000 / MAX_FPS as u64);

/// Reps shown before the other side (or direction) is played.
const REPS_PER_PASS: u64 = 2;

#[derive(Debug, Clone)]
pub struct Playback {
    /// One loop of the motion.
    rep: Duration,
    parts: usize,
    passes: usize,
    moving: bool,
    started: Instant,
    paused: Option<Instant>,
    paused_for: Duration,
}

impl Playback {
    /// Plays `figure` from `now`, a loop every `rep`.
    pub fn new(figure: &Figure, rep: Duration, now: Instant) -> Playback {
        Playback {
            rep: rep.max(Duration::from_millis(1)),
            parts: figure.motion().count(),
            passes: if figure.passes == Passes::Same { 1 } else { 2 },
            moving: figure.moves(),
            started: now,
            paused: None,
            paused_for: Duration::ZERO,
        }
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        match self.paused.take() {
            Some(at) => self.paused_for += now.saturating_duration_since(at),
            None => self.paused = Some(now),
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused.is_some()
    }

    /// Time played so far, pauses left out.
    fn active(&self, now: Instant) -> Duration {
        let until = self.paused.unwrap_or(now);
        until
            .saturating_duration_since(self.started)
            .saturating_sub(self.paused_for)
    }

    fn reps_done(&self, now: Instant) -> u64 {
        (self.active(now).as_nanos() / self.rep.as_nanos()) as u64
    }

    /// Where in the rep we are; `None` for a figure that does not move.
    pub fn beat(&self, now: Instant) -> Option<Beat> {
        if !self.moving {
            return None;
        }
        let into = self.active(now).as_nanos() % self.rep.as_nanos();
        let x = into as f64 / self.rep.as_nanos() as f64 * self.parts as f64;
        let part = (x.floor() as usize).min(self.parts - 1);
        Some(Beat {
            part,
            parts: self.parts,
            progress: x - part as f64,
        })
    }

    /// The rep in progress, from 1.
    pub fn rep(&self, now: Instant) -> u64 {
        self.reps_done(now) + 1
    }

    /// The pass in progress (0 or 1): passes change every few reps.
    pub fn pass(&self, now: Instant) -> usize {
        ((self.reps_done(now) / REPS_PER_PASS) % self.passes as u64) as usize
    }

    /// When the next frame is due: on the next tick of a 1/MAX_FPS grid of played time, or
    /// `None` while nothing moves (paused, or a still figure).
    pub fn next_frame(&self, now: Instant) -> Option<Instant> {
        if !self.moving || self.is_paused() {
            return None;
        }
        let into = self.active(now).as_nanos() % FRAME.as_nanos();
        let wait = FRAME.as_nanos() - into;
        Some(now + Duration::from_nanos(wait as u64))
    }
}
