//! A figure played on its own (`limberup figures ID`): its loop at a steady tempo, one key
//! pose per part, the pass changing every few reps, pausable. Pure: `now` comes in.

use std::time::{Duration, Instant};

use super::motion::{Beat, Figure, PassMode, Passes};
use super::pace::FRAME;

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

    pub(crate) fn is_paused(&self) -> bool {
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

    /// When the next frame is due: when the figure (`mode`, drawn with dots `dot` figure
    /// units wide and high) will have moved a dot, on the frame grid of played time; `None`
    /// while nothing moves (paused, or a still figure).
    pub fn next_frame(
        &self,
        now: Instant,
        figure: &Figure,
        mode: PassMode,
        dot: (f64, f64),
    ) -> Option<Instant> {
        let beat = self.beat(now).filter(|_| !self.is_paused())?;
        // From the grid tick just passed, so frames stay on the grid.
        let into = Duration::from_nanos((self.active(now).as_nanos() % FRAME.as_nanos()) as u64);
        let change = figure.next_change(beat, self.rep, mode, dot);
        Some(now + change.saturating_sub(into).max(Duration::from_millis(1)))
    }
}
