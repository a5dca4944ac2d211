//! A figure: key poses, the motion that runs through them over one rep, and the one question
//! the screen asks: which pose now, at this point of a rep, on this pass.
//!
//! A motion is a loop of K key poses. During each stretch the figure moves from the previous
//! key pose to the next one and reaches it at the stretch's end. With a step's M phases,
//! phase i ends on key pose i when K = M; K = 2M gives each phase two stretches, and M = 2K
//! runs the loop twice a rep. Without phases (or when K and M do not fit) the loop is spread
//! evenly over the rep.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::joint::Joint;
use super::pose::{Point, Pose, ease};

/// How the figure is seen; in a side view the far (right) limbs are drawn dimmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Side,
    Front,
}

/// How the passes of a step differ: every second pass is mirrored (sides), runs the motion
/// backward (directions), or looks the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Passes {
    #[default]
    Mirror,
    Reverse,
    Same,
}

/// How one pass shows the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassMode {
    AsDrawn,
    Mirrored,
    Reversed,
}

/// Where in a paced rep we are: part `part` of `parts` (the step's breath phases; 1 when it
/// has none), `progress` (0..=1) of the way through that part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beat {
    pub part: usize,
    pub parts: usize,
    pub progress: f64,
}

/// The box every joint stays in, whatever the moment or pass: mirrored passes need it
/// symmetric, so `lo.x == -hi.x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub(crate) lo: Point,
    pub(crate) hi: Point,
}

impl Frame {
    pub fn contains(&self, p: Point) -> bool {
        (self.lo.x..=self.hi.x).contains(&p.x) && (self.lo.y..=self.hi.y).contains(&p.y)
    }

    pub(crate) fn width(&self) -> f64 {
        self.hi.x - self.lo.x
    }

    pub(crate) fn height(&self) -> f64 {
        self.hi.y - self.lo.y
    }
}

/// Samples per stretch when finding the frame; an arc between two samples strays from them
/// by far less than `FRAME_MARGIN` (a bone of 40 turning 11 degrees a sample: 0.2).
const FRAME_SAMPLES: usize = 16;
const FRAME_MARGIN: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub name: String,
    pub view: View,
    /// One sentence saying what the pose is, for plain mode and screen readers.
    pub(crate) description: String,
    pub passes: Passes,
    poses: Vec<(String, Pose)>,
    motion: Vec<usize>,
    still: usize,
    /// Joints whose path is drawn as a trail (see `FigureFile::trails`).
    trails: Vec<Joint>,
    /// Found when first drawn: listing or checking figures never needs it.
    frame: OnceLock<Frame>,
}

/// Points along a trail: enough for a smooth circle at any size a screen gives a figure.
const TRAIL_SAMPLES: usize = 48;
/// How much of the loop a moving joint's trail covers behind it.
const TRAIL_SHARE: f64 = 0.4;

impl Figure {
    /// A figure from checked parts: `motion` and `still` index `poses`, and `motion` is not
    /// empty (the file loader sees to both).
    pub(crate) fn new(
        name: String,
        view: View,
        description: String,
        passes: Passes,
        poses: Vec<(String, Pose)>,
        motion: Vec<usize>,
        still: usize,
    ) -> Figure {
        Figure {
            name,
            view,
            description,
            passes,
            poses,
            motion,
            still,
            trails: Vec::new(),
            frame: OnceLock::new(),
        }
    }

    /// This figure with `trails` drawn along those joints' paths.
    pub(crate) fn with_trails(self, trails: Vec<Joint>) -> Figure {
        Figure { trails, ..self }
    }

    /// The joints whose paths are drawn as trails.
    pub fn trail_joints(&self) -> &[Joint] {
        &self.trails
    }

    /// The trails at `beat` on a pass shown `mode`, each a line of points: the whole loop
    /// of the joint's path while the figure holds a pose (`None`), a short tail behind the
    /// joint, ending where it is, while it moves. None for a figure that does not move.
    pub fn trails(&self, beat: Option<Beat>, mode: PassMode) -> Vec<Vec<Point>> {
        if !self.moves() || self.trails.is_empty() {
            return Vec::new();
        }
        let k = self.motion.len() as f64;
        let (from, span) = match beat {
            None => (0.0, k),
            Some(beat) => {
                let x = self.cycle_position(beat);
                let span = k * TRAIL_SHARE;
                match mode {
                    PassMode::Reversed => (k - x + span, -span),
                    _ => (x - span, span),
                }
            }
        };
        let poses: Vec<Pose> = (0..=TRAIL_SAMPLES)
            .map(|i| {
                let pose = self.on_cycle(from + span * i as f64 / TRAIL_SAMPLES as f64);
                if mode == PassMode::Mirrored {
                    pose.mirrored()
                } else {
                    pose
                }
            })
            .collect();
        self.trails
            .iter()
            .map(|joint| poses.iter().map(|p| p.get(*joint)).collect())
            .collect()
    }

    /// The named poses, in file order.
    pub fn poses(&self) -> impl Iterator<Item = (&str, &Pose)> {
        self.poses.iter().map(|(n, p)| (n.as_str(), p))
    }

    pub fn pose(&self, name: &str) -> Option<&Pose> {
        self.poses.iter().find(|(n, _)| n == name).map(|(_, p)| p)
    }

    /// The names of the motion's key poses, in order.
    pub fn motion(&self) -> impl Iterator<Item = &str> {
        self.motion.iter().map(|&i| self.poses[i].0.as_str())
    }

    /// The pose shown when nothing moves: get-ready, holds, `--still`.
    pub fn still_name(&self) -> &str {
        &self.poses[self.still].0
    }

    /// True when reps animate (a motion of more than one pose).
    pub fn moves(&self) -> bool {
        self.motion.len() > 1
    }

    /// True when the motion's key poses line up with `parts` phases of a rep.
    pub(crate) fn fits(&self, parts: usize) -> bool {
        let (k, m) = (self.motion.len(), parts.max(1));
        k == 1 || m == 1 || k % m == 0 || m % k == 0
    }

    /// The box every joint stays in, found once (about 0.1 ms) by sweeping the motion.
    pub fn frame(&self) -> Frame {
        *self.frame.get_or_init(|| self.sweep_frame())
    }

    /// How pass `pass` (0-based) shows the figure: as drawn, then alternately changed.
    pub fn pass_mode(&self, pass: usize) -> PassMode {
        match (self.passes, pass % 2) {
            (_, 0) | (Passes::Same, _) => PassMode::AsDrawn,
            (Passes::Mirror, _) => PassMode::Mirrored,
            (Passes::Reverse, _) => PassMode::Reversed,
        }
    }

    /// The pose at `beat` of a paced rep, or the still pose for `None`.
    pub fn pose_at(&self, beat: Option<Beat>, mode: PassMode) -> Pose {
        let pose = match beat {
            None => self.poses[self.still].1,
            Some(beat) => {
                let k = self.motion.len() as f64;
                let x = self.cycle_position(beat);
                self.on_cycle(if mode == PassMode::Reversed { k - x } else { x })
            }
        };
        if mode == PassMode::Mirrored {
            pose.mirrored()
        } else {
            pose
        }
    }

    /// The name of the key pose the figure is on its way to at `beat` (the still pose when
    /// nothing moves).
    pub fn heading(&self, beat: Option<Beat>, mode: PassMode) -> &str {
        let k = self.motion.len();
        let Some(beat) = beat.filter(|_| k > 1) else {
            return self.still_name();
        };
        let x = self.cycle_position(beat);
        let index = if mode == PassMode::Reversed {
            let stretch = ((k as f64 - x).floor() as usize) % k;
            (stretch + k - 1) % k
        } else {
            (x.floor() as usize).min(k - 1)
        };
        &self.poses[self.motion[index]].0
    }

    /// Where `beat` falls on the loop, in key poses from its start (0..K).
    fn cycle_position(&self, beat: Beat) -> f64 {
        let (k, m) = (self.motion.len(), beat.parts.max(1));
        let part = (beat.part % m) as f64;
        let progress = if beat.progress.is_finite() {
            beat.progress.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if m > k && m % k == 0 {
            (part + progress) % k as f64
        } else {
            (part + progress) / m as f64 * k as f64
        }
    }

    /// The pose `x` key poses into the loop: on the way from key `ceil(x) - 1` to key
    /// `ceil(x)`, eased, with `x = 0` and `x = K` both the last key pose (the loop closes).
    fn on_cycle(&self, x: f64) -> Pose {
        let k = self.motion.len();
        if k == 1 {
            return self.poses[self.motion[0]].1;
        }
        let x = x.rem_euclid(k as f64);
        let stretch = (x.floor() as usize).min(k - 1);
        let local = x - stretch as f64;
        let from = &self.poses[self.motion[(stretch + k - 1) % k]].1;
        let to = &self.poses[self.motion[stretch]].1;
        from.blend(to, ease(local))
    }

    /// The box swept by every joint over the loop, both ways round, and mirrored.
    fn sweep_frame(&self) -> Frame {
        let mut lo = Point::new(0.0, f64::INFINITY);
        let mut hi = Point::new(0.0, f64::NEG_INFINITY);
        let mut take = |pose: &Pose| {
            let (a, b) = pose.bounds();
            let half = a.x.abs().max(b.x.abs());
            hi.x = hi.x.max(half);
            lo.y = lo.y.min(a.y);
            hi.y = hi.y.max(b.y);
        };
        take(&self.poses[self.still].1);
        let k = self.motion.len();
        for i in 0..k {
            let a = &self.poses[self.motion[(i + k - 1) % k]].1;
            let b = &self.poses[self.motion[i]].1;
            for s in 0..=FRAME_SAMPLES {
                let t = ease(s as f64 / FRAME_SAMPLES as f64);
                take(&a.blend(b, t));
                take(&b.blend(a, t));
            }
        }
        Frame {
            lo: Point::new(-hi.x - FRAME_MARGIN, lo.y.min(0.0) - FRAME_MARGIN),
            hi: Point::new(hi.x + FRAME_MARGIN, hi.y + FRAME_MARGIN),
        }
    }
}
