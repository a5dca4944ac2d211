//! The move's figure on the session screen: which figure (the coming step's during the
//! countdown into it), which pose (still in get-ready, switch, rest and holds; moving with the breath during
//! paced reps when motion is on) and when its drawing next changes. Times come from the
//! machine (`Session::rep_beat`); nothing here reads a clock.

use std::time::Instant;

use ratatui::layout::Rect;
use ratatui::symbols::Marker;

use crate::figure::{Beat, FRAME, Figure, Library, PassMode, Point, Pose};
use crate::session::{Phase, RepBeat, Session, View};
use crate::tui::figure::{FigureWidget, MIN_SIZE, columns_for, units_per_dot};
use crate::tui::theme::Theme;

/// How far (in dots of the drawing) some joint moves before the figure is drawn again: two,
/// a whole cell of quadrant blocks. Each frame costs a wake-up (most of a frame's CPU): a
/// step of one dot asked for 40% more frames for a slow stretch seen from the floor.
const STEP_DOTS: f64 = 2.0;

/// Rows an upright figure needs to be read from the floor mid-session.
pub(crate) const READABLE_ROWS: u16 = 12;
/// Columns a lying figure needs to be read from the floor mid-session.
pub(crate) const READABLE_COLUMNS: u16 = 24;

/// The figure as the screen shows it at a moment.
#[derive(Debug, Clone)]
pub(crate) struct Stage<'a> {
    pub(crate) figure: &'a Figure,
    pub(crate) pose: Pose,
    /// The paths the figure's trails follow at this moment.
    trails: Vec<Vec<Point>>,
    mode: PassMode,
    /// Where the rep is while the figure moves; `None` while it holds a pose.
    beat: Option<RepBeat>,
    marker: Marker,
}

impl<'a> Stage<'a> {
    /// The figure of the step on screen (during the countdown into a step, of the step
    /// coming), if it has one the library knows. `motion` false shows still poses only.
    pub(crate) fn new(
        session: &Session,
        view: &View,
        figures: &'a Library,
        motion: bool,
        marker: Marker,
        now: Instant,
    ) -> Option<Stage<'a>> {
        view.phase?;
        let pass = view.pass.map_or(0, |(i, _, _)| i);
        let figure = figures.get(view.step.figure.as_deref()?)?;
        let mode = figure.pass_mode(pass);
        let beat = session
            .rep_beat(now)
            .filter(|_| motion && figure.moves() && view.phase == Some(Phase::Work));
        let pose = figure.pose_at(beat.map(figure_beat), mode);
        let trails = figure.trails(beat.map(figure_beat), mode);
        Some(Stage {
            figure,
            pose,
            trails,
            mode,
            beat: beat.filter(|_| !view.paused),
            marker,
        })
    }

    /// Whether the figure is moving now (its frames come between the screen's own changes).
    pub(crate) fn moves(&self) -> bool {
        self.beat.is_some()
    }

    /// The columns the figure fills drawn `rows` high.
    pub(crate) fn columns(&self, rows: u16) -> u16 {
        columns_for(self.figure.frame(), rows, self.marker)
    }

    /// Whether the figure drawn `rows` high and `columns` wide can be read from the floor:
    /// a standing (or upright) move at least `READABLE_ROWS` tall, a lying (wider than tall)
    /// one at least `READABLE_COLUMNS` wide.
    pub(crate) fn readable(&self, rows: u16, columns: u16) -> bool {
        let frame = self.figure.frame();
        if frame.height() >= frame.width() {
            rows >= READABLE_ROWS
        } else {
            columns >= READABLE_COLUMNS
        }
    }

    /// The widget drawing this pose; keep the area from frame to frame.
    pub(crate) fn widget(&self, theme: &Theme) -> FigureWidget<'_> {
        FigureWidget {
            pose: &self.pose,
            trails: &self.trails,
            frame: self.figure.frame(),
            view: self.figure.view,
            marker: self.marker,
            ink: theme.figure_ink(),
        }
    }

    /// When the drawing in `area` next changes: once some joint will have moved a dot, on
    /// the set's grid of `MAX_FPS` frames a second; `None` while the figure holds a pose (a
    /// hold, a pause, motion off) or is not drawn.
    pub(crate) fn next_frame(&self, now: Instant, area: Rect) -> Option<Instant> {
        let beat = self.beat?;
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return None;
        }
        let (x, y) = units_per_dot(self.figure.frame(), area, self.marker);
        let dot = (x * STEP_DOTS, y * STEP_DOTS);
        let change = self
            .figure
            .next_change(figure_beat(beat), beat.rep, self.mode, dot);
        Some(beat.after(now, change, FRAME))
    }
}

fn figure_beat(beat: RepBeat) -> Beat {
    Beat {
        part: beat.part,
        parts: beat.parts,
        progress: beat.progress,
    }
}
