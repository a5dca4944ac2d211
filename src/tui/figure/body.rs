//! The body as shapes in figure units: a trunk that follows a smooth curve through the
//! spine, tapered limbs, a head and hands, grouped in pieces drawn back to front.

use super::shape::{Capsule, Shape};
use crate::figure::{Joint, Limb, Point, Pose, View};

/// Head radius, in figure units (a standing person is about 100 tall).
const HEAD: f64 = 5.8;
/// Hand radius.
const HAND: f64 = 1.9;
/// Far limbs (the right side, in a side view) are drawn a little thinner.
const FAR_THINNER: f64 = 0.85;
/// The scale (dots across per figure unit) up to which limbs keep their thickness in
/// units; drawn larger, they thicken only as the square root of the scale, as an
/// illustrator draws a big figure slimmer: else a crouching figure blown up to a large area
/// becomes all body.
const SLIM_FROM: f64 = 1.0;
/// The thinnest a limb or the neck is drawn, as a radius in dots across: about a cell
/// wide (half a cell high), so a limb never breaks up.
const MIN_LIMB: f64 = 1.05;
/// The smallest head, as a radius in dots across: two cells wide.
const MIN_HEAD: f64 = 2.3;
/// How far below the neck, along the spine, the shoulders hang from it.
const SHOULDER_DROP: f64 = 3.0;
/// Samples of the spine curve per vertebra segment.
const SPINE_STEPS: usize = 6;

/// Which layer a piece is drawn in: a later layer wins a cell's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layer {
    Empty,
    Floor,
    Far,
    Near,
    /// A joint's path (see `Figure::trails`): dotted, over the body.
    Trail,
}

/// A part of the body drawn in one go. It first clears a thin ring around each capsule of
/// `clear`, so an arm in front of the trunk or the head against the shoulders stays
/// visible.
pub(crate) struct Piece {
    pub(crate) shapes: Vec<Shape>,
    pub(crate) layer: Layer,
    pub(crate) clear: Vec<Capsule>,
}

/// How thick things are drawn at a scale: limbs slimmer the larger the drawing, never
/// thinner than about a cell, the head never smaller than a couple of cells.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sizes {
    /// Figure units per dot across.
    dot: f64,
    /// The share of a limb's thickness in units that is drawn.
    slim: f64,
}

impl Sizes {
    /// Sizes for a drawing of `scale` dots across per figure unit.
    pub(crate) fn new(scale: f64) -> Sizes {
        Sizes {
            dot: 1.0 / scale,
            slim: (SLIM_FROM / scale).sqrt().min(1.0),
        }
    }

    /// A limb's radius drawn, for its radius `r` in units.
    fn limb(&self, r: f64) -> f64 {
        (r * self.slim).max(MIN_LIMB * self.dot)
    }

    /// The trunk slims less than the limbs: it is what makes the body a body.
    fn trunk(&self, r: f64) -> f64 {
        (r * self.slim.sqrt()).max(MIN_LIMB * self.dot)
    }

    pub(crate) fn head(&self) -> f64 {
        HEAD.max(MIN_HEAD * self.dot)
    }
}

/// Radii of a limb at its parent's end and at its own, for a view.
fn limb_radii(limb: Limb, view: View) -> (f64, f64) {
    match (limb, view) {
        (Limb::Trunk, _) => (0.0, 0.0),
        (Limb::Neck, _) => (1.8, 1.8),
        (Limb::Girdle, View::Side) => (2.6, 2.8),
        (Limb::Girdle, View::Front) => (2.8, 3.2),
        (Limb::UpperArm, _) => (2.3, 1.8),
        (Limb::Forearm, _) => (1.8, 1.4),
        (Limb::Thigh, _) => (3.6, 2.4),
        (Limb::Shin, _) => (2.3, 1.5),
        (Limb::Foot, _) => (1.4, 1.0),
    }
}

/// The trunk's half-width at the pelvis, waist, chest and neck: its depth from the side,
/// its breadth from the front (up to the shoulders).
fn trunk_widths(view: View) -> [f64; 4] {
    match view {
        View::Side => [5.2, 4.2, 5.4, 2.4],
        View::Front => [7.6, 5.8, 7.8, 3.0],
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

/// The share of a limb's first bone, from its root, that gets no clearing ring (it would
/// cut a notch into the trunk where the limb joins it).
const ROOT_UNRINGED: f64 = 0.45;

/// A limb chain down from a girdle (the joints below it, in order), with a hand at the end
/// of an arm; `outline` clears a ring round it first.
fn chain(
    pose: &Pose,
    view: View,
    sizes: &Sizes,
    joints: &[Joint],
    layer: Layer,
    outline: bool,
) -> Piece {
    let thin = if layer == Layer::Far {
        FAR_THINNER
    } else {
        1.0
    };
    let mut shapes = Vec::with_capacity(4);
    let mut clear = Vec::new();
    for &joint in joints {
        let (Some(parent), Some(limb)) = (joint.parent(), joint.limb()) else {
            continue;
        };
        let (ra, rb) = limb_radii(limb, view);
        let capsule = Capsule {
            a: pose.get(parent),
            b: pose.get(joint),
            ra: sizes.limb(ra * thin),
            rb: sizes.limb(rb * thin),
        };
        if outline {
            clear.push(if clear.is_empty() {
                capsule.trimmed(ROOT_UNRINGED)
            } else {
                capsule
            });
        }
        shapes.push(Shape::Capsule(capsule));
        let mut end = capsule.rb;
        if matches!(joint, Joint::HandL | Joint::HandR) {
            let hand = Capsule::disc(capsule.b, sizes.limb(HAND * thin));
            end = hand.ra;
            if outline {
                clear.push(hand);
            }
            shapes.push(Shape::Capsule(hand));
        }
        if let Some(rest) = resting(&capsule, end) {
            shapes.push(Shape::Capsule(rest));
        }
    }
    Piece {
        shapes,
        layer,
        clear,
    }
}

/// A hand, knee or foot this close to the floor rests on it (the README tells authors to
/// place them about 3 to 4 above it).
const REST: f64 = 4.5;

/// A bone with an end resting on the floor, that end lowered onto it (drawn `end` thick
/// there): a limb drawn slimmer than the pose was made for must not float above the floor.
fn resting(bone: &Capsule, end: f64) -> Option<Capsule> {
    let lower = |p: Point, r: f64| {
        if p.y <= REST && p.y > r {
            Point::new(p.x, r)
        } else {
            p
        }
    };
    let (a, b) = (lower(bone.a, bone.ra), lower(bone.b, end));
    (a != bone.a || b != bone.b).then_some(Capsule {
        a,
        b,
        ra: bone.ra,
        rb: end,
    })
}

/// A trunk whose outline, as the pose was made, comes this close to the floor lies on it.
const TRUNK_REST: f64 = 1.5;

/// The trunk: an outline along the spine curve, rounded at the hips, with the shoulders
/// and hips.
fn trunk(pose: &Pose, view: View, sizes: &Sizes) -> Piece {
    let spine = [Joint::Pelvis, Joint::Waist, Joint::Chest, Joint::Neck].map(|j| pose.get(j));
    let model = trunk_widths(view);
    let widths = model.map(|w| sizes.trunk(w));
    let mut centre = Vec::with_capacity(3 * SPINE_STEPS + 1);
    let mut width = Vec::with_capacity(3 * SPINE_STEPS + 1);
    let mut rests = Vec::with_capacity(3 * SPINE_STEPS + 1);
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
            let c = catmull(p0, p1, p2, p3, t);
            centre.push(c);
            width.push(widths[seg] + (widths[seg + 1] - widths[seg]) * t);
            rests.push(c.y - (model[seg] + (model[seg + 1] - model[seg]) * t) <= TRUNK_REST);
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
        let (mut l, mut r) = (
            Point::new(c.x + nx, c.y + ny),
            Point::new(c.x - nx, c.y - ny),
        );
        // A back (or belly) lying on the floor stays on it, however slim it is drawn.
        if rests[i] {
            let low = if l.y < r.y { &mut l } else { &mut r };
            low.y = low.y.min(0.0);
        }
        left.push(l);
        right.push(r);
    }
    left.extend(right.into_iter().rev());
    let mut shapes = vec![Shape::Polygon(left)];
    shapes.push(Shape::Capsule(Capsule::disc(
        pose.get(Joint::Pelvis),
        widths[0],
    )));
    // The shoulders hang from the spine a little below the neck, so the neck shows.
    let (neck, chest) = (spine[3], spine[2]);
    let span = (chest.x - neck.x).hypot(chest.y - neck.y).max(1e-9);
    let t = (SHOULDER_DROP / span).min(0.5);
    let yoke = Point::new(
        neck.x + (chest.x - neck.x) * t,
        neck.y + (chest.y - neck.y) * t,
    );
    for joint in [Joint::ShoulderL, Joint::ShoulderR, Joint::HipL, Joint::HipR] {
        let (ra, rb) = limb_radii(Limb::Girdle, view);
        let parent = joint.parent().unwrap_or(Joint::Pelvis);
        let root = if parent == Joint::Neck {
            yoke
        } else {
            pose.get(parent)
        };
        shapes.push(Shape::Capsule(Capsule {
            a: root,
            b: pose.get(joint),
            ra: sizes.trunk(ra),
            rb: sizes.trunk(rb),
        }));
    }
    Piece {
        shapes,
        layer: Layer::Near,
        clear: Vec::new(),
    }
}

/// The head on its neck, a ring cleared round the head so it stands out from the shoulders
/// and whatever it is near.
fn head(pose: &Pose, sizes: &Sizes) -> Piece {
    let (neck, head) = (pose.get(Joint::Neck), pose.get(Joint::Head));
    let (nr, _) = limb_radii(Limb::Neck, View::Side);
    let skull = Capsule::disc(head, sizes.head());
    Piece {
        shapes: vec![
            Shape::Capsule(Capsule {
                a: neck,
                b: head,
                ra: sizes.limb(nr),
                rb: sizes.limb(nr),
            }),
            Shape::Capsule(skull),
        ],
        layer: Layer::Near,
        clear: vec![skull],
    }
}

/// Everything drawn, back to front: from the side the far (right) limbs, the trunk, the
/// head, the near leg, the near arm; from the front the legs, the trunk, the head, the arms.
pub(crate) fn pieces(pose: &Pose, view: View, sizes: &Sizes) -> Vec<Piece> {
    use Joint::*;
    let arm_l = [ElbowL, HandL];
    let arm_r = [ElbowR, HandR];
    let leg_l = [KneeL, FootL, ToeL];
    let leg_r = [KneeR, FootR, ToeR];
    match view {
        View::Side => vec![
            chain(pose, view, sizes, &arm_r, Layer::Far, false),
            chain(pose, view, sizes, &leg_r, Layer::Far, false),
            trunk(pose, view, sizes),
            head(pose, sizes),
            chain(pose, view, sizes, &leg_l, Layer::Near, true),
            chain(pose, view, sizes, &arm_l, Layer::Near, true),
        ],
        View::Front => vec![
            chain(pose, view, sizes, &leg_r, Layer::Near, false),
            chain(pose, view, sizes, &leg_l, Layer::Near, false),
            trunk(pose, view, sizes),
            head(pose, sizes),
            chain(pose, view, sizes, &arm_r, Layer::Near, true),
            chain(pose, view, sizes, &arm_l, Layer::Near, true),
        ],
    }
}
