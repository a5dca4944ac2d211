//! A pose: every joint placed in the figure's 2D space (units: a standing person is about
//! 100 tall, the floor is y = 0, x = 0 the middle). Poses blend bone by bone and mirror.

use super::joint::{JOINTS, Joint};

/// A point in figure units; y goes up.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub(crate) const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    fn minus(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }

    fn plus(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }

    fn length(self) -> f64 {
        self.x.hypot(self.y)
    }

    fn lerp(self, o: Point, t: f64) -> Point {
        Point::new(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t)
    }
}

/// Every joint's place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    joints: [Point; JOINTS],
}

/// Bones shorter than this have no direction to turn: they are blended as plain vectors.
const TINY: f64 = 1e-6;
/// Bones turning further than this between two poses turn by angle (radians; 100 degrees).
const SWING: f64 = 100.0 * std::f64::consts::PI / 180.0;

impl Pose {
    pub fn new(joints: [Point; JOINTS]) -> Pose {
        Pose { joints }
    }

    pub fn get(&self, joint: Joint) -> Point {
        self.joints[joint.index()]
    }

    pub(crate) fn set(&mut self, joint: Joint, at: Point) {
        self.joints[joint.index()] = at;
    }

    /// Every joint with its place, in `Joint::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = (Joint, Point)> + '_ {
        Joint::ALL.into_iter().map(|j| (j, self.get(j)))
    }

    /// The pose seen in a mirror: x negated. Joint names are kept, so in a side view the
    /// near (left) limbs stay the near ones.
    pub fn mirrored(&self) -> Pose {
        let mut out = *self;
        for p in &mut out.joints {
            p.x = -p.x;
        }
        out
    }

    /// The pose `t` (0..=1) of the way from `self` to `to`: exactly `self` at 0, `to` at 1.
    /// Each joint heads for the straight-line blend of its two places but is held at its
    /// bone's length from its (already blended) parent: a hand or knee that stays put in both
    /// poses stays put throughout, and a limb swinging round keeps its length instead of
    /// shrinking through the chord. A bone turning more than `SWING` turns by angle instead
    /// (the straight-line blend would pass too close to its parent to give it a direction).
    pub fn blend(&self, to: &Pose, t: f64) -> Pose {
        if t <= 0.0 {
            return *self;
        }
        if t >= 1.0 {
            return *to;
        }
        let mut out = *self;
        for joint in Joint::ALL {
            let i = joint.index();
            let target = self.joints[i].lerp(to.joints[i], t);
            let Some(parent) = joint.parent() else {
                out.joints[i] = target;
                continue;
            };
            let p = parent.index();
            let a = self.joints[i].minus(self.joints[p]);
            let b = to.joints[i].minus(to.joints[p]);
            if a.length() < TINY || b.length() < TINY {
                out.joints[i] = out.joints[p].plus(a.lerp(b, t));
                continue;
            }
            let length = a.length() + (b.length() - a.length()) * t;
            let aim = target.minus(out.joints[p]);
            let bone = if turn(a, b).abs() <= SWING && aim.length() > TINY {
                Point::new(aim.x / aim.length() * length, aim.y / aim.length() * length)
            } else {
                let angle = a.y.atan2(a.x) + turn(a, b) * t;
                Point::new(length * angle.cos(), length * angle.sin())
            };
            out.joints[i] = out.joints[p].plus(bone);
        }
        out.pin_limbs(self, to, t);
        out
    }

    /// Keeps a hand, foot or knee that rests at the same place in both poses exactly there,
    /// bending the limb to reach it (its length blended, its elbow or knee on the side both
    /// poses bend it): small drifts up the body must not make it slide along the floor.
    fn pin_limbs(&mut self, a: &Pose, b: &Pose, t: f64) {
        use Joint::*;
        let limbs = [
            (ShoulderL, ElbowL, HandL, None),
            (ShoulderR, ElbowR, HandR, None),
            (HipL, KneeL, FootL, Some(ToeL)),
            (HipR, KneeR, FootR, Some(ToeR)),
        ];
        let still = |j: Joint| a.get(j).minus(b.get(j)).length() < PINNED;
        let length = |p: Joint, c: Joint| {
            let (la, lb) = (
                a.get(c).minus(a.get(p)).length(),
                b.get(c).minus(b.get(p)).length(),
            );
            la + (lb - la) * t
        };
        for (root, mid, end, tip) in limbs {
            let end_was = self.get(end);
            if still(mid) {
                self.set(mid, a.get(mid).lerp(b.get(mid), t));
            }
            if !still(end) {
                continue;
            }
            let target = a.get(end).lerp(b.get(end), t);
            let side = |p: &Pose| {
                let (r, m, e) = (p.get(root), p.get(mid), p.get(end));
                cross(e.minus(r), m.minus(r)).signum()
            };
            if !still(mid) && side(a) == side(b) {
                let (l1, l2) = (length(root, mid), length(mid, end));
                if let Some(at) = bend(self.get(root), target, l1, l2, side(a)) {
                    self.set(mid, at);
                }
            }
            self.set(end, target);
            if let Some(tip) = tip {
                let offset = self.get(tip).minus(end_was);
                self.set(tip, target.plus(offset));
            }
        }
    }

    /// The smallest box holding every joint, as (min, max) corners.
    pub(crate) fn bounds(&self) -> (Point, Point) {
        let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
        let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
        for p in &self.joints {
            lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
        }
        (lo, hi)
    }
}

/// A joint closer than this to its place in the other pose counts as resting there.
const PINNED: f64 = 0.05;

fn cross(a: Point, b: Point) -> f64 {
    a.x * b.y - a.y * b.x
}

/// The middle joint of a two-bone limb from `root` to `end`, on `side` (the sign of the
/// cross product of root->end and root->middle); `None` when the bones cannot reach.
fn bend(root: Point, end: Point, l1: f64, l2: f64, side: f64) -> Option<Point> {
    let d = end.minus(root);
    let dist = d.length();
    if dist < TINY || dist > l1 + l2 || dist < (l1 - l2).abs() {
        return None;
    }
    let along = (l1 * l1 - l2 * l2 + dist * dist) / (2.0 * dist);
    let up = (l1 * l1 - along * along).max(0.0).sqrt() * side;
    let (ux, uy) = (d.x / dist, d.y / dist);
    Some(Point::new(
        root.x + ux * along - uy * up,
        root.y + uy * along + ux * up,
    ))
}

/// The signed angle from `a` to `b`, in (-pi, pi].
fn turn(a: Point, b: Point) -> f64 {
    let cross = a.x * b.y - a.y * b.x;
    let dot = a.x * b.x + a.y * b.y;
    cross.atan2(dot)
}

/// Eases a linear progress (0..=1) so a move starts and ends gently, as a body does: a
/// half cosine, which never overshoots.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    (1.0 - (std::f64::consts::PI * t).cos()) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pose_with(f: impl Fn(Joint) -> Point) -> Pose {
        Pose::new(Joint::ALL.map(f))
    }

    #[test]
    fn a_bone_turning_a_quarter_keeps_its_length_halfway() {
        let down = pose_with(|j| match j {
            Joint::ElbowL => Point::new(0.0, -20.0),
            _ => Point::default(),
        });
        let out = pose_with(|j| match j {
            Joint::ElbowL => Point::new(20.0, 0.0),
            _ => Point::default(),
        });
        let mid = down.blend(&out, 0.5).get(Joint::ElbowL);
        assert!((mid.x.hypot(mid.y) - 20.0).abs() < 1e-9, "{mid:?}");
        assert!((mid.x - mid.y.abs()).abs() < 1e-9, "{mid:?}");
    }

    #[test]
    fn a_body_moved_whole_slides_whole() {
        let a = pose_with(|j| Point::new(j.index() as f64 * 3.0, 10.0 + j.index() as f64));
        let b = pose_with(|j| {
            let p = a.get(j);
            Point::new(p.x + 30.0, p.y - 6.0)
        });
        let mid = a.blend(&b, 0.5);
        for j in Joint::ALL {
            let (p, q) = (a.get(j), mid.get(j));
            assert!(
                (q.x - p.x - 15.0).abs() < 1e-9 && (q.y - p.y + 3.0).abs() < 1e-9,
                "{j:?}"
            );
        }
    }

    #[test]
    fn easing_starts_and_ends_still_and_never_overshoots() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert!((ease(0.5) - 0.5).abs() < 1e-12);
        let mut last = 0.0;
        for i in 1..=1000 {
            let e = ease(f64::from(i) / 1000.0);
            assert!(e >= last && e <= 1.0);
            last = e;
        }
        assert!(ease(0.01) < 0.01, "slow at the start");
    }
}
