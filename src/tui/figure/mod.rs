//! Draws a figure's pose with ratatui's `Canvas`: a solid body rasterised to the marker's
//! dots, scaled to the area with its proportions kept, standing on a floor line. The
//! figure's frame (not the pose) sets the scale, so all frames of one figure line up.

mod body;
mod shape;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Painter, Shape as CanvasShape};

use crate::figure::{Frame, Point, Pose, View};
use body::{Layer, Sizes, pieces};
use shape::{Capsule, Shape};

/// A terminal cell is about twice as tall as it is wide.
const CELL_ASPECT: f64 = 2.0;
/// Room kept around the frame for the thickness of limbs and the head, in figure units.
const PAD: f64 = 8.0;
/// Smaller than this (in cells) nothing is drawn: no body can be read in it.
pub const MIN_SIZE: (u16, u16) = (6, 4);

/// The colours of a figure; `Color::Reset` draws in the terminal's own colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    pub body: Color,
    /// The far limbs of a side view.
    pub far: Color,
    pub floor: Color,
}

/// A pose to draw. Keep `frame`, `marker` and the area the same from frame to frame so
/// only the cells the body moves through change.
#[derive(Debug, Clone, Copy)]
pub struct FigureWidget<'a> {
    pub pose: &'a Pose,
    /// Joints' paths to draw under the body (`Figure::trails`), in figure units.
    pub trails: &'a [Vec<Point>],
    pub frame: Frame,
    pub view: View,
    pub marker: Marker,
    pub ink: Ink,
}

/// The marker to draw figures with on this terminal: solid quadrant blocks (2x2 dots a
/// cell, in every font worth the name), or half blocks on the Linux console, whose fonts
/// lack the quadrants.
pub fn marker_for(term: Option<&str>) -> Marker {
    match term {
        Some("linux") => Marker::HalfBlock,
        _ => Marker::Quadrant,
    }
}

/// The width and height of one dot of a figure drawn with `frame` into `area`, in figure
/// units: how far a joint must move to change the drawing. Ask for frames with it
/// (`Figure::next_change`) so a small figure is redrawn less often than a large one.
pub fn units_per_dot(frame: Frame, area: Rect, marker: Marker) -> (f64, f64) {
    let (dx, dy) = dots(marker);
    let width = usize::from(area.width) * usize::from(dx);
    let height = usize::from(area.height) * usize::from(dy);
    if width == 0 || height <= usize::from(dy) {
        return (f64::INFINITY, f64::INFINITY);
    }
    let map = Mapping::new(frame, width, height, (dx, dy));
    (1.0 / map.scale_x, 1.0 / map.scale_y)
}

/// The columns a figure with `frame` fills when drawn `rows` high: a wider area only adds
/// blank columns (and floor) either side. What a screen gives a figure beside other things.
pub(crate) fn columns_for(frame: Frame, rows: u16, marker: Marker) -> u16 {
    let (dx, dy) = dots(marker);
    let aspect = CELL_ASPECT * f64::from(dx) / f64::from(dy);
    let high = f64::from(rows.saturating_sub(1)) * f64::from(dy);
    let scale = high * aspect / (frame.height() + PAD);
    let wide = scale * (frame.width() + 2.0 * PAD) / f64::from(dx);
    wide.ceil().min(f64::from(u16::MAX)) as u16
}

/// Dots per cell of each marker, across and down.
fn dots(marker: Marker) -> (u16, u16) {
    match marker {
        Marker::Braille | Marker::Octant => (2, 4),
        Marker::Sextant => (2, 3),
        Marker::Quadrant => (2, 2),
        Marker::HalfBlock => (1, 2),
        _ => (1, 1),
    }
}

/// Maps figure units to dots (x right, y down from the top), keeping a body's proportions.
struct Mapping {
    scale_x: f64,
    scale_y: f64,
    /// The dot column of x = 0 and the dot row of y = 0 (the floor's top edge).
    origin_x: f64,
    origin_y: f64,
}

impl Mapping {
    /// Fits `frame` into `width` x `height` dots, the bottom row of cells kept for the floor.
    fn new(frame: Frame, width: usize, height: usize, (dx, dy): (u16, u16)) -> Mapping {
        // A dot's height, in dot widths.
        let aspect = CELL_ASPECT * f64::from(dx) / f64::from(dy);
        let floor = f64::from(dy);
        let across = width as f64 / (frame.width() + 2.0 * PAD);
        let down = (height as f64 - floor) * aspect / (frame.height() + PAD);
        let scale_x = across.min(down);
        let scale_y = scale_x / aspect;
        Mapping {
            scale_x,
            scale_y,
            origin_x: width as f64 / 2.0 - (frame.lo.x + frame.hi.x) / 2.0 * scale_x,
            origin_y: height as f64 - floor + frame.lo.y.min(0.0) * scale_y,
        }
    }

    /// The (fractional) dot at figure point `p`.
    fn dot(&self, p: Point) -> (f64, f64) {
        (
            self.origin_x + p.x * self.scale_x,
            self.origin_y - p.y * self.scale_y,
        )
    }

    /// The figure point at the centre of dot (x, y).
    fn point(&self, x: usize, y: usize) -> Point {
        Point::new(
            (x as f64 + 0.5 - self.origin_x) / self.scale_x,
            (self.origin_y - (y as f64 + 0.5)) / self.scale_y,
        )
    }

    /// The figure x at the centre of dot column `x`.
    fn column_x(&self, x: usize) -> f64 {
        (x as f64 + 0.5 - self.origin_x) / self.scale_x
    }

    /// One dot, in figure units, in the direction (dx, dy).
    fn one_dot(&self, dx: f64, dy: f64) -> f64 {
        let d = dx.hypot(dy);
        if d == 0.0 {
            return 0.0;
        }
        1.4 / (dx / d * self.scale_x).hypot(dy / d * self.scale_y)
    }
}

/// The figure as dots, `dots[y * width + x]`, y from the top.
struct Raster {
    width: usize,
    height: usize,
    dots: Vec<Layer>,
    ink: Ink,
}

impl Raster {
    fn new(widget: &FigureWidget, area: Rect) -> Raster {
        let (dx, dy) = dots(widget.marker);
        let width = usize::from(area.width) * usize::from(dx);
        let height = usize::from(area.height) * usize::from(dy);
        let mut raster = Raster {
            width,
            height,
            dots: vec![Layer::Empty; width * height],
            ink: widget.ink,
        };
        let map = Mapping::new(widget.frame, width, height, (dx, dy));
        // The floor: the top dot row of the bottom row of cells, which nothing else uses.
        let floor = height - usize::from(dy);
        raster.dots[floor * width..(floor + 1) * width].fill(Layer::Floor);
        let one_dot = |dx: f64, dy: f64| map.one_dot(dx, dy);
        let ring: Option<&dyn Fn(f64, f64) -> f64> = Some(&one_dot);
        let sizes = Sizes::new(map.scale_x);
        for piece in pieces(widget.pose, widget.view, &sizes) {
            for capsule in &piece.clear {
                raster.fill_capsule(&map, floor, capsule, ring, Layer::Empty);
            }
            for shape in &piece.shapes {
                match shape {
                    Shape::Capsule(capsule) => {
                        raster.fill_capsule(&map, floor, capsule, None, piece.layer);
                    }
                    Shape::Polygon(points) => raster.fill_polygon(&map, floor, points, piece.layer),
                }
            }
        }
        // Over the body, in the dim ink: a shoulder's circle runs across the trunk.
        for trail in widget.trails {
            raster.trace(&map, floor, trail);
        }
        raster
    }

    /// A dotted line through `points`, one dot wide, above the floor: two dots on, one off
    /// along its length, so it reads as a path and not as a limb. Inside the body it cuts
    /// the dots off instead, so the path shows there too, even without colour.
    fn trace(&mut self, map: &Mapping, floor: usize, points: &[Point]) {
        let mut along = 0usize;
        for pair in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (map.dot(pair[0]), map.dot(pair[1]));
            let steps = (x1 - x0).abs().max((y1 - y0).abs()).ceil().max(1.0) as usize;
            for i in 0..steps {
                let t = i as f64 / steps as f64;
                let (x, y) = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
                along += 1;
                if along.is_multiple_of(3) || x < 0.0 || y < 0.0 {
                    continue;
                }
                let (x, y) = (x as usize, y as usize);
                if x < self.width && y < floor {
                    let dot = &mut self.dots[y * self.width + x];
                    *dot = match dot {
                        Layer::Empty | Layer::Trail => Layer::Trail,
                        _ => Layer::Empty,
                    };
                }
            }
        }
    }

    /// The rows of dots (above the floor) and columns the box (lo, hi) covers.
    fn span_of(
        &self,
        map: &Mapping,
        floor: usize,
        (lo, hi): (Point, Point),
    ) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let (x0, y1) = map.dot(lo);
        let (x1, y0) = map.dot(hi);
        let clamp = |v: f64, max: usize| (v.max(0.0) as usize).min(max);
        (
            clamp(y0.floor(), floor)..clamp(y1.ceil(), floor),
            clamp(x0.floor(), self.width)..clamp(x1.ceil(), self.width),
        )
    }

    /// Sets every dot above the floor row that `capsule` (grown by `ring`) covers.
    fn fill_capsule(
        &mut self,
        map: &Mapping,
        floor: usize,
        capsule: &Capsule,
        ring: Option<&dyn Fn(f64, f64) -> f64>,
        layer: Layer,
    ) {
        let grow = if ring.is_some() {
            2.0 / map.scale_x.min(map.scale_y)
        } else {
            0.0
        };
        let (rows, cols) = self.span_of(map, floor, capsule.bounds(grow));
        for y in rows {
            let fy = map.point(0, y).y;
            for x in cols.clone() {
                let p = Point::new(map.column_x(x), fy);
                if capsule.covers(p, ring) {
                    self.dots[y * self.width + x] = layer;
                }
            }
        }
    }

    /// Sets every dot above the floor row whose centre is inside the polygon, row by row.
    fn fill_polygon(&mut self, map: &Mapping, floor: usize, points: &[Point], layer: Layer) {
        let (rows, _) = self.span_of(map, floor, shape::polygon_bounds(points));
        let mut inside = Vec::new();
        for y in rows {
            shape::spans(points, map.point(0, y).y, &mut inside);
            for &(from, to) in &inside {
                let (a, _) = map.dot(Point::new(from, 0.0));
                let (b, _) = map.dot(Point::new(to, 0.0));
                let clamp = |v: f64| ((v - 0.5).ceil().max(0.0) as usize).min(self.width);
                let row = y * self.width;
                self.dots[row + clamp(a)..row + clamp(b)].fill(layer);
            }
        }
    }
}

impl CanvasShape for Raster {
    fn draw(&self, painter: &mut Painter) {
        // In layer order, so a cell shared by layers takes the nearest one's colour.
        for (layer, color) in [
            (Layer::Floor, self.ink.floor),
            (Layer::Far, self.ink.far),
            (Layer::Near, self.ink.body),
            (Layer::Trail, self.ink.far),
        ] {
            for (i, _) in self.dots.iter().enumerate().filter(|(_, d)| **d == layer) {
                painter.paint(i % self.width, i / self.width, color);
            }
        }
    }
}

impl Widget for FigureWidget<'_> {
    /// Draws into `area`; smaller than `MIN_SIZE` it draws nothing.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return;
        }
        let raster = Raster::new(&self, area);
        Canvas::default()
            .marker(self.marker)
            .x_bounds([0.0, raster.width as f64])
            .y_bounds([0.0, raster.height as f64])
            .paint(|ctx| ctx.draw(&raster))
            .render(area, buf);
    }
}
