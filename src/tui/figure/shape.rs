//! The shapes a body is drawn with, in figure units: round-ended limbs and a closed
//! outline, with the few tests the rasteriser needs of them.

use crate::figure::Point;

/// A round-ended limb from `a` (radius `ra`) to `b` (radius `rb`); a disc when a = b.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Capsule {
    pub(crate) a: Point,
    pub(crate) b: Point,
    pub(crate) ra: f64,
    pub(crate) rb: f64,
}

impl Capsule {
    pub(crate) fn disc(at: Point, r: f64) -> Capsule {
        Capsule {
            a: at,
            b: at,
            ra: r,
            rb: r,
        }
    }

    /// True when `p` is inside, or (with `ring`) within `ring(dx, dy)` of the edge, where
    /// (dx, dy) points from the bone to `p`. Called for every dot near a limb: kept cheap.
    pub(crate) fn covers(&self, p: Point, ring: Option<&dyn Fn(f64, f64) -> f64>) -> bool {
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
    pub(crate) fn bounds(&self, grow: f64) -> (Point, Point) {
        let r = self.ra.max(self.rb) + grow;
        (
            Point::new(self.a.x.min(self.b.x) - r, self.a.y.min(self.b.y) - r),
            Point::new(self.a.x.max(self.b.x) + r, self.a.y.max(self.b.y) + r),
        )
    }

    /// The same limb without its first `share` of length (its root end).
    pub(crate) fn trimmed(&self, share: f64) -> Capsule {
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
pub(crate) enum Shape {
    Capsule(Capsule),
    /// A closed outline (the trunk).
    Polygon(Vec<Point>),
}

/// Where the polygon's inside crosses the horizontal line at `y`, as (from, to) x pairs:
/// filling row by row costs a few edge tests a row rather than a few per dot.
pub(crate) fn spans(points: &[Point], y: f64, out: &mut Vec<(f64, f64)>) {
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
pub(crate) fn polygon_bounds(points: &[Point]) -> (Point, Point) {
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
