//! The body as shapes in figure units: a trunk that follows a smooth curve through the
//! spine, tapered limbs, a head and hands, grouped in pieces drawn back to front.

use crate::figure::{Joint, Limb, Point, Pose, View};

/// Head radius, in figure units (a standing person is about 100 tall).
pub const HEAD: f64 = 6.5;
/// Hand radius.
const HAND: f64 = 2.5;
/// Far limbs (the right side, in a side view) are drawn a little thinner.
const FAR_THINNER: f64 = 0.85;
/// Samples of the spine curve per vertebra segment.
const SPINE_STEPS: usize = 6;

/// Which layer a piece is drawn in: a later layer wins a cell's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Empty,
    Floor,
    Far,
    Near,
}

/// A round-ended limb from `a` (radius `ra`) to `b` (radius `rb`); a disc when a = b.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capsule {
    pub a: Point,
    pub b: Point,
    pub ra: f64,
    pub rb: f64,
}

impl Capsule {
    fn disc(at: Point, r: f64) -> Capsule {
        Capsule {
            a: at,
            b: at,
            ra: r,
            rb: r,
        }
    }

    /// True when `p` is inside, or (with `ring`) within `ring(dx, dy)` of the edge, where
    /// (dx, dy) points from the bone to `p`. Called for every dot near a limb: kept cheap.
    pub fn covers(&self, p: Point, ring: Option<&dyn Fn(f64, f64) -> f64>) -> bool {
        let (a, b) = (self.a, self.b);
        let (abx, aby) = (b.x - a.x, b.y - a.y);
        let len2 = abx * abx + aby * aby;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (((p.x - a.x) * abx + (p.y - a.y) * aby) / len2).clamp(0.0, 1.0)
        };
        let (dx, dy) = (p.x - (a.x + abx * t), p.y - (a.y + aby * t));
        let d2 = dx * dx + dy * dy;
        let r = self.ra + (self.rb - self.ra) * t;
        if d2 <= r * r {
            return true;
        }
        match ring {
            Some(ring) => {
                let grown = r + ring(dx, dy);
                d2 <= grown * grown
            }
            None => false,
        }
    }

    /// The smallest box holding the capsule grown by `grow`, as (min, max) corners.
    pub fn bounds(&self, grow: f64) -> (Point, Point) {
        let r = self.ra.max(self.rb) + grow;
        (
            Point::new(self.a.x.min(self.b.x) - r, self.a.y.min(self.b.y) - r),
            Point::new(self.a.x.max(self.b.x) + r, self.a.y.max(self.b.y) + r),
        )
    }

    /// The same limb without its first `share` of length (its root end).
    pub fn trimmed(&self, share: f64) -> Capsule {
        let (a, b) = (self.a, self.b);
        Capsule {
            a: Point::new(a.x + (b.x - a.x) * share, a.y + (b.y - a.y) * share),
            b,
            ra: self.ra + (self.rb - self.ra) * share,
            rb: self.rb,
        }
    }
}

/// One filled shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Capsule(Capsule),
    /// A closed outline (the trunk).
    Polygon(Vec<Point>),
}

/// Where the polygon's inside crosses the horizontal line at `y`, as (from, to) x pairs:
/// filling row by row costs a few edge tests a row rather than a few per dot.
pub fn spans(points: &[Point], y: f64, out: &mut Vec<(f64, f64)>) {
    out.clear();
    let mut xs: Vec<f64> = Vec::with_capacity(8);
    let mut j = points.len().wrapping_sub(1);
    for (i, pi) in points.iter().enumerate() {
        let pj = points[j];
        if (pi.y > y) != (pj.y > y) {
            xs.push((pj.x - pi.x) * (y - pi.y) / (pj.y - pi.y) + pi.x);
        }
        j = i;
    }
    xs.sort_by(f64::total_cmp);
    out.extend(xs.chunks_exact(2).map(|pair| (pair[0], pair[1])));
}

/// The smallest box holding `points`, as (min, max) corners.
pub fn polygon_bounds(points: &[Point]) -> (Point, Point) {
    points.iter().fold(
        (
            Point::new(f64::INFINITY, f64::INFINITY),
            Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        ),
        |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        },
    )
}

/// A part of the body drawn in one go. An outlined piece first clears a thin ring around
/// itself, so an arm in front of the trunk or of a leg stays visible against it.
pub struct Piece {
    pub shapes: Vec<Shape>,
    pub layer: Layer,
    pub outline: bool,
}

/// Radii of a limb at its parent's end and at its own, for a view.
fn limb_radii(limb: Limb, view: View) -> (f64, f64) {
    match (limb, view) {
        (Limb::Trunk, _) => (0.0, 0.0),
        (Limb::Neck, _) => (2.6, 2.6),
        (Limb::Girdle, View::Side) => (2.8, 3.0),
        (Limb::Girdle, View::Front) => (3.4, 3.8),
        (Limb::UpperArm, _) => (2.8, 2.2),
        (Limb::Forearm, _) => (2.2, 2.0),
        (Limb::Thigh, _) => (4.4, 3.1),
        (Limb::Shin, _) => (3.0, 2.0),
        (Limb::Foot, _) => (1.8, 1.4),
    }
}

/// The trunk's half-width at the pelvis, waist, chest and neck: its depth from the side,
/// its breadth from the front (up to the shoulders).
fn trunk_widths(view: View) -> [f64; 4] {
    match view {
        View::Side => [6.0, 5.0, 6.4, 4.4],
        View::Front => [9.0, 6.8, 9.2, 10.5],
    }
}

/// A point on the Catmull-Rom curve through p0..p3, between p1 and p2.
fn catmull(p0: Point, p1: Point, p2: Point, p3: Point, t: f64) -> Point {
    let (t2, t3) = (t * t, t * t * t);
    let f = |a: f64, b: f64, c: f64, d: f64| {
        0.5 * (2.0 * b
            + (c - a) * t
            + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
            + (3.0 * b - a - 3.0 * c + d) * t3)
    };
    Point::new(f(p0.x, p1.x, p2.x, p3.x), f(p0.y, p1.y, p2.y, p3.y))
}

/// A limb chain down from a girdle (the joints below it, in order), with a hand at the end
/// of an arm.
fn chain(pose: &Pose, view: View, joints: &[Joint], layer: Layer, outline: bool) -> Piece {
    let thin = if layer == Layer::Far {
        FAR_THINNER
    } else {
        1.0
    };
    let mut shapes = Vec::with_capacity(4);
    for &joint in joints {
        let (Some(parent), Some(limb)) = (joint.parent(), joint.limb()) else {
            continue;
        };
        let (ra, rb) = limb_radii(limb, view);
        shapes.push(Shape::Capsule(Capsule {
            a: pose.get(parent),
            b: pose.get(joint),
            ra: ra * thin,
            rb: rb * thin,
        }));
        if matches!(joint, Joint::HandL | Joint::HandR) {
            shapes.push(Shape::Capsule(Capsule::disc(pose.get(joint), HAND * thin)));
        }
    }
    Piece {
        shapes,
        layer,
        outline,
    }
}

/// The trunk: an outline along the spine curve, rounded at the hips, with the shoulders,
/// hips, neck and head.
fn trunk(pose: &Pose, view: View) -> Piece {
    let spine = [Joint::Pelvis, Joint::Waist, Joint::Chest, Joint::Neck].map(|j| pose.get(j));
    let widths = trunk_widths(view);
    let mut centre = Vec::with_capacity(3 * SPINE_STEPS + 1);
    let mut width = Vec::with_capacity(3 * SPINE_STEPS + 1);
    for seg in 0..3 {
        let p0 = spine[seg.max(1) - 1];
        let (p1, p2) = (spine[seg], spine[seg + 1]);
        let p3 = spine[(seg + 2).min(3)];
        let last = if seg == 2 {
            SPINE_STEPS
        } else {
            SPINE_STEPS - 1
        };
        for s in 0..=last {
            let t = s as f64 / SPINE_STEPS as f64;
            centre.push(catmull(p0, p1, p2, p3, t));
            width.push(widths[seg] + (widths[seg + 1] - widths[seg]) * t);
        }
    }
    let mut left = Vec::with_capacity(centre.len());
    let mut right = Vec::with_capacity(centre.len());
    for (i, c) in centre.iter().enumerate() {
        let ahead = centre[(i + 1).min(centre.len() - 1)];
        let behind = centre[i.saturating_sub(1)];
        let (tx, ty) = (ahead.x - behind.x, ahead.y - behind.y);
        let len = tx.hypot(ty).max(1e-9);
        let (nx, ny) = (-ty / len * width[i], tx / len * width[i]);
        left.push(Point::new(c.x + nx, c.y + ny));
        right.push(Point::new(c.x - nx, c.y - ny));
    }
    left.extend(right.into_iter().rev());
    let mut shapes = vec![Shape::Polygon(left)];
    shapes.push(Shape::Capsule(Capsule::disc(
        pose.get(Joint::Pelvis),
        widths[0],
    )));
    for joint in [Joint::ShoulderL, Joint::ShoulderR, Joint::HipL, Joint::HipR] {
        let (ra, rb) = limb_radii(Limb::Girdle, view);
        let parent = joint.parent().unwrap_or(Joint::Pelvis);
        shapes.push(Shape::Capsule(Capsule {
            a: pose.get(parent),
            b: pose.get(joint),
            ra,
            rb,
        }));
    }
    let (neck, head) = (pose.get(Joint::Neck), pose.get(Joint::Head));
    let (nr, _) = limb_radii(Limb::Neck, view);
    shapes.push(Shape::Capsule(Capsule {
        a: neck,
        b: head,
        ra: nr,
        rb: nr,
    }));
    shapes.push(Shape::Capsule(Capsule::disc(head, HEAD)));
    Piece {
        shapes,
        layer: Layer::Near,
        outline: false,
    }
}

/// Everything drawn, back to front: from the side the far (right) limbs, the trunk, the
/// near leg, the near arm; from the front the legs, the trunk, the arms.
pub fn pieces(pose: &Pose, view: View) -> Vec<Piece> {
    use Joint::*;
    let arm_l = [ElbowL, HandL];
    let arm_r = [ElbowR, HandR];
    let leg_l = [KneeL, FootL, ToeL];
    let leg_r = [KneeR, FootR, ToeR];
    match view {
        View::Side => vec![
            chain(pose, view, &arm_r, Layer::Far, false),
            chain(pose, view, &leg_r, Layer::Far, false),
            trunk(pose, view),
            chain(pose, view, &leg_l, Layer::Near, false),
            chain(pose, view, &arm_l, Layer::Near, true),
        ],
        View::Front => vec![
            chain(pose, view, &leg_r, Layer::Near, false),
            chain(pose, view, &leg_l, Layer::Near, false),
            trunk(pose, view),
            chain(pose, view, &arm_r, Layer::Near, true),
            chain(pose, view, &arm_l, Layer::Near, true),
        ],
    }
}
