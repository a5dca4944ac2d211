//! The move's figure on the session screen: beside the count when wide, above it when tall,
//! left out when small (that it never costs the count, the side or a form cue is tested
//! with the layout, `src/tui/session/mod.rs`); still in
//! get-ready, switch, rest and holds and with motion off; moving with the breath during
//! paced reps, asking for frames only then, at most 12 a second, each one a changed drawing.

mod tui_support;

use std::time::Duration;

use limberup::config::Theme as Choice;
use limberup::figure::{FRAME, Library, PassMode};
use limberup::tui::{FigureWidget, Theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use tui_support::{Harness, entry, options};

/// Seconds into the test routine: get-ready of the side plank, its hold, the switch, the
/// rest after it; then (after `n` from the squats) Cat/Cow's get-ready and paced reps.
const PREPARE: f64 = 2.5;
const HOLD: f64 = 17.3;
const SWITCH: f64 = 36.0;
const REST: f64 = 70.2;

/// The session moved on to Cat/Cow at 84 s (a rest and get-ready of 15 s, then reps of 5 s in
/// two parts, from 99 s).
fn cat_cow(motion: bool) -> Harness {
    let mut o = options(Theme::new(Choice::Default, false));
    o.motion = motion;
    let mut h = Harness::with(o);
    h.app.start(&entry(), h.t(0.0));
    h.tick(84.0).key(KeyCode::Char('n'));
    h
}

/// The figure's cells (as text) at `secs`, drawn at `w`x`hgt`, and where they were.
fn figure_at(h: &mut Harness, secs: f64, w: u16, hgt: u16) -> Option<(Rect, Vec<String>)> {
    h.tick(secs);
    let terminal = h.render(w, hgt);
    let area = h.app.figure_area()?;
    let buf = terminal.backend().buffer();
    let cells = (area.y..area.bottom())
        .map(|y| {
            (area.x..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect();
    Some((area, cells))
}

#[test]
fn the_figure_stands_beside_the_count_when_wide_and_is_left_out_when_small() {
    let mut h = Harness::session();
    for (w, hgt) in [(100, 30), (80, 24), (160, 45)] {
        let (area, cells) = figure_at(&mut h, HOLD, w, hgt).expect("a figure");
        assert!(area.x > w / 2, "{w}x{hgt}: beside, on the right: {area:?}");
        assert!(
            cells.iter().any(|row| row.contains('█')),
            "{w}x{hgt}: drawn"
        );
    }
    for (w, hgt) in [(40, 12), (20, 5), (30, 10)] {
        assert_eq!(figure_at(&mut h, HOLD, w, hgt), None, "{w}x{hgt}");
    }
}

#[test]
fn a_tall_narrow_screen_puts_the_figure_above_the_count() {
    let mut h = Harness::session();
    let (area, _) = figure_at(&mut h, HOLD, 40, 45).expect("a figure");
    let terminal = h.render(40, 45);
    let buf = terminal.backend().buffer();
    // The count's digits are under the figure, the full width theirs.
    let digits_below = (area.bottom()..45).any(|y| (0..40).any(|x| buf[(x, y)].symbol() == "█"));
    assert!(digits_below && area.width < 40, "{area:?}");
}

#[test]
fn get_ready_switch_rest_and_holds_show_a_still_pose_and_ask_for_no_frames() {
    let mut h = Harness::session();
    for (a, b) in [(PREPARE, 4.5), (HOLD, 30.0), (SWITCH, 37.5)] {
        let first = figure_at(&mut h, a, 100, 30).expect("a figure");
        assert_eq!(h.app.next_frame(h.t(a)), None, "at {a} s");
        assert_eq!(
            figure_at(&mut h, b, 100, 30),
            Some(first),
            "{a} s and {b} s"
        );
    }
    // The rest after Side plank leads to Squats, which have no figure: none is drawn.
    assert_eq!(figure_at(&mut h, REST, 100, 30), None);
    // The countdown into the Side bends after Cat/Cow (a rest and a get-ready in one, 159 s
    // to 174 s) shows their still pose all through.
    let mut h = cat_cow(true);
    for t in [162.0, 172.0] {
        let (area, cells) = figure_at(&mut h, t, 100, 30).expect("the coming figure");
        assert_eq!(cells, still("side-bends", area), "at {t} s");
        assert_eq!(h.app.next_frame(h.t(t)), None);
    }
}

/// The still pose of figure `id` drawn alone in an area the size of `area`.
fn still(id: &str, area: Rect) -> Vec<String> {
    let library = Library::load(None);
    let figure = library.get(id).unwrap();
    let pose = figure.pose_at(None, PassMode::AsDrawn);
    let widget = FigureWidget {
        pose: &pose,
        trails: &[],
        frame: figure.frame(),
        view: figure.view,
        marker: Marker::Quadrant,
        ink: Theme::new(Choice::Default, false).figure_ink(),
    };
    let rect = Rect::new(0, 0, area.width, area.height);
    let mut buf = Buffer::empty(rect);
    widget.render(rect, &mut buf);
    (0..rect.height)
        .map(|y| (0..rect.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The runner's wake-ups over `secs` of paced reps from `from`, drawing each: (frames that
/// only move the figure, those of them whose figure differs from the one before).
fn play(h: &mut Harness, from: f64, secs: f64) -> (usize, usize) {
    let mut t = from;
    let mut last = figure_at(h, t, 100, 30).expect("a figure").1;
    let (mut frames, mut changed) = (0, 0);
    while t < from + secs {
        let now = h.t(t);
        let change = h.app.next_wakeup().expect("a countdown");
        let frame = h.app.next_frame(now);
        // A frame due within a frame of the countdown's change waits for it.
        assert!(frame.is_none_or(|f| f + FRAME < change));
        let next = frame.unwrap_or(change);
        assert!(next > now && next - now <= Duration::from_secs(1));
        t = (next - h.t(0.0)).as_secs_f64();
        let cells = figure_at(h, t, 100, 30).unwrap().1;
        if frame.is_some() {
            frames += 1;
            changed += usize::from(cells != last);
        }
        last = cells;
    }
    (frames, changed)
}

#[test]
fn paced_reps_move_the_figure_at_most_twelve_frames_a_second_each_one_changed() {
    let mut h = cat_cow(true);
    // Reps from 99 s; 20 s of them (four reps).
    let (frames, changed) = play(&mut h, 99.0, 20.0);
    assert!(frames <= 12 * 20, "{frames} frames in 20 s");
    assert!(frames >= 20, "{frames}: it moves");
    assert!(
        changed * 10 >= frames * 9,
        "{changed} of {frames} frames changed the drawing"
    );
}

#[test]
fn a_pause_or_motion_off_stills_the_figure() {
    let mut h = cat_cow(true);
    h.tick(101.0).key(KeyCode::Char(' '));
    let paused = figure_at(&mut h, 101.0, 100, 30).unwrap();
    assert_eq!(h.app.next_frame(h.t(101.0)), None);
    assert_eq!(figure_at(&mut h, 105.0, 100, 30).unwrap(), paused);

    let mut still = cat_cow(false);
    let (area, first) = figure_at(&mut still, 100.0, 100, 30).unwrap();
    assert_eq!(still.app.next_frame(still.t(100.0)), None);
    for t in [101.3, 102.6, 105.1] {
        assert_eq!(
            figure_at(&mut still, t, 100, 30).unwrap(),
            (area, first.clone())
        );
    }
    let mut moving = cat_cow(true);
    assert_ne!(figure_at(&mut moving, 101.3, 100, 30).unwrap().1, first);
}

#[test]
fn frames_keep_to_the_set_s_grid() {
    let mut h = cat_cow(true);
    let start = h.t(99.0);
    let mut t = 99.0;
    let mut frames = 0;
    while frames < 30 {
        figure_at(&mut h, t, 100, 30);
        let Some(next) = h.app.next_frame(h.t(t)) else {
            // Due with the countdown's next change: drawn then.
            t = (h.app.next_wakeup().unwrap() - h.t(0.0)).as_secs_f64();
            continue;
        };
        frames += 1;
        // Whole frames of the grid, counted in nanoseconds (in seconds, a few hundred
        // frames of 83,333,333 ns stray past any float tolerance).
        let into = next - start;
        assert_eq!(
            into.as_nanos() % FRAME.as_nanos(),
            0,
            "{into:?} is off the grid"
        );
        // Woken a little late: the frame after keeps to the grid all the same.
        t = (next - h.t(0.0)).as_secs_f64() + 0.013;
    }
}

#[test]
fn a_frame_that_only_moves_the_figure_is_the_last_frame_with_the_figure_now() {
    let mut h = cat_cow(true);
    h.tick(100.0);
    let before = h.render(100, 30);
    let area = h.app.figure_area().unwrap();
    h.tick(100.4);
    let moved = h.render_moving(100, 30);
    let full = h.render(100, 30);
    let (before, moved, full) = (
        before.backend().buffer(),
        moved.backend().buffer(),
        full.backend().buffer(),
    );
    let mut figure_changed = false;
    for y in 0..30 {
        for x in 0..100 {
            let inside = area.contains((x, y).into());
            let cell = &moved[(x, y)];
            if inside {
                assert_eq!(cell, &full[(x, y)], "the figure at 100.4 s, ({x}, {y})");
                figure_changed |= cell != &before[(x, y)];
            } else {
                assert_eq!(
                    cell,
                    &before[(x, y)],
                    "the rest as drawn at 100 s, ({x}, {y})"
                );
            }
        }
    }
    assert!(figure_changed);
}
