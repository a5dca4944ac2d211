//! When a moving figure is worth drawing again: as soon as some joint has moved about one
//! dot from where it was drawn, on a grid of at most `MAX_FPS` frames a second. A small or
//! slow figure (or one easing into a key pose) is drawn far less often than 12 times a
//! second; one holding still is not drawn at all.

use std::time::Duration;

use super::joint::Joint;
use super::motion::{Beat, Figure, PassMode};

/// Frames a second while a figure moves, at most: smooth enough for a slow move seen from
/// the corner of an eye.
pub const MAX_FPS: u32 = 12;
/// The frame grid.
pub const FRAME: Duration = Duration::from_nanos(1_000_000_000 / MAX_FPS as u64);
/// How far ahead a change is looked for; past it the caller asks again.
const HORIZON: u32 = MAX_FPS;

impl Beat {
    /// This beat `parts` phases later (fractions allowed), wrapping round into later reps.
    pub fn advanced(self, parts: f64) -> Beat {
        let m = self.parts.max(1);
        let x = ((self.part % m) as f64 + self.progress + parts).rem_euclid(m as f64);
        let part = (x.floor() as usize).min(m - 1);
        Beat {
            part,
            parts: m,
            progress: x - part as f64,
        }
    }
}

impl Figure {
    /// How long after `beat` some joint has first moved a whole dot (`dot`: its width and
    /// height in figure units) from its place at `beat`, in whole frames; `HORIZON` frames
    /// (a second) when every joint stays within a dot that long. `rep`: the time of a rep.
    pub fn next_change(
        &self,
        beat: Beat,
        rep: Duration,
        mode: PassMode,
        dot: (f64, f64),
    ) -> Duration {
        let now = self.pose_at(Some(beat), mode);
        let parts_per_frame = beat.parts.max(1) as f64 * FRAME.as_secs_f64() / rep.as_secs_f64();
        for k in 1..=HORIZON {
            let then = self.pose_at(Some(beat.advanced(parts_per_frame * f64::from(k))), mode);
            let moved = Joint::ALL.into_iter().any(|j| {
                let (a, b) = (now.get(j), then.get(j));
                (a.x - b.x).abs() >= dot.0 || (a.y - b.y).abs() >= dot.1
            });
            if moved {
                return FRAME * k;
            }
        }
        FRAME * HORIZON
    }
}
