//! The figure widget: every built-in figure's key poses, a frame mid-phase and the still pose
//! mirrored, snapshotted as the terminal shows them (tests/snapshots); plus the rules any
//! drawing keeps: inside its area at every size, frames of one figure lined up, the far
//! limbs and the floor in their own colours.

use insta::assert_snapshot;
use limberup::config::Theme as Choice;
use limberup::figure::{Beat, Figure, Library, PassMode, Pose};
use limberup::tui::{FigureWidget, Ink, Theme, marker_for};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;

const INK: Ink = Ink {
    body: Color::White,
    far: Color::DarkGray,
    floor: Color::Gray,
};

fn library() -> Library {
    Library::load(None)
}

fn draw(figure: &Figure, pose: &Pose, area: Rect, marker: Marker) -> Buffer {
    let mut buf = Buffer::empty(area);
    FigureWidget {
        pose,
        trails: &[],
        frame: figure.frame(),
        view: figure.view,
        marker,
        ink: INK,
    }
    .render(area, &mut buf);
    buf
}

/// The cells' symbols, a line per row, trailing blanks cut.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let row: String = (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Every key pose, a frame halfway through the first phase, and the still pose mirrored,
/// each under a title line.
fn sheet(figure: &Figure, area: Rect, marker: Marker) -> String {
    let parts = figure.motion().count();
    let mut frames: Vec<(String, Pose)> = figure
        .poses()
        .map(|(name, pose)| (format!("pose `{name}`"), *pose))
        .collect();
    let mid = Beat {
        part: 0,
        parts,
        progress: 0.5,
    };
    frames.push((
        format!(
            "halfway to `{}`",
            figure.heading(Some(mid), PassMode::AsDrawn)
        ),
        figure.pose_at(Some(mid), PassMode::AsDrawn),
    ));
    frames.push((
        format!("`{}` mirrored", figure.still_name()),
        figure.pose_at(None, PassMode::Mirrored),
    ));
    let mut out = String::new();
    for (title, pose) in frames {
        out.push_str(&format!("== {title}\n"));
        out.push_str(&text(&draw(figure, &pose, area, marker)));
    }
    out
}

#[test]
fn every_figure_in_its_key_poses_mid_move_and_mirrored() {
    for entry in library().entries {
        let sheet = sheet(&entry.figure, Rect::new(0, 0, 48, 16), Marker::Quadrant);
        assert_snapshot!(format!("figure_{}", entry.id), sheet);
    }
}

#[test]
fn large_and_half_block_drawings_of_the_still_poses() {
    let library = library();
    for entry in &library.entries {
        let figure = &entry.figure;
        let still = figure.pose_at(None, PassMode::AsDrawn);
        let large = text(&draw(
            figure,
            &still,
            Rect::new(0, 0, 72, 26),
            Marker::Quadrant,
        ));
        let half = text(&draw(
            figure,
            &still,
            Rect::new(0, 0, 40, 14),
            Marker::HalfBlock,
        ));
        assert_snapshot!(
            format!("figure_{}_still", entry.id),
            format!("== 72x26, quadrants\n{large}== 40x14, half blocks\n{half}")
        );
    }
}

#[test]
fn the_linux_console_gets_half_blocks_and_everything_else_quadrants() {
    assert_eq!(marker_for(Some("linux")), Marker::HalfBlock);
    assert_eq!(marker_for(Some("xterm-256color")), Marker::Quadrant);
    assert_eq!(marker_for(None), Marker::Quadrant);
}

/// The row holding the floor: the bottom row, whatever the pose.
fn floor_row(buf: &Buffer) -> Vec<Color> {
    let y = buf.area.bottom() - 1;
    (buf.area.left()..buf.area.right())
        .map(|x| buf[(x, y)].fg)
        .collect()
}

#[test]
fn the_floor_runs_along_the_bottom_and_far_limbs_are_dimmer() {
    let library = library();
    let cat_cow = library.get("cat-cow").unwrap();
    let area = Rect::new(0, 0, 48, 16);
    let buf = draw(
        cat_cow,
        &cat_cow.pose_at(None, PassMode::AsDrawn),
        area,
        Marker::Quadrant,
    );
    assert!(floor_row(&buf).iter().all(|c| *c == INK.floor));
    let colours: Vec<Color> = buf.content().iter().map(|c| c.fg).collect();
    assert!(
        colours.contains(&INK.far),
        "a side view shows its far limbs"
    );
    assert!(colours.contains(&INK.body));
    // From the front nothing is far.
    let rolls = library.get("shoulder-rolls").unwrap();
    let buf = draw(
        rolls,
        &rolls.pose_at(None, PassMode::AsDrawn),
        area,
        Marker::Quadrant,
    );
    assert!(!buf.content().iter().any(|c| c.fg == INK.far));
}

#[test]
fn mono_draws_without_colour() {
    let ink = Theme::new(Choice::Mono, false).figure_ink();
    assert_eq!(
        (ink.body, ink.far, ink.floor),
        (Color::Reset, Color::Reset, Color::Reset)
    );
    let ink = Theme::new(Choice::Default, false).figure_ink();
    assert_ne!(ink.far, ink.body);
}

#[test]
fn frames_of_one_figure_line_up() {
    // The same scale and place every frame: a hand resting on the floor in every pose of
    // cat/cow is drawn in the same cells in each.
    let library = library();
    let figure = library.get("cat-cow").unwrap();
    let area = Rect::new(0, 0, 60, 20);
    let cells = |pose: &Pose| -> Vec<(u16, u16)> {
        let buf = draw(figure, pose, area, Marker::Quadrant);
        // The bottom row of the body, just above the floor.
        let y = area.bottom() - 2;
        (0..area.width)
            .filter(|&x| buf[(x, y)].symbol() != " ")
            .map(|x| (x, y))
            .collect()
    };
    let first = cells(&figure.pose_at(None, PassMode::AsDrawn));
    assert!(!first.is_empty());
    for progress in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let beat = Beat {
            part: 1,
            parts: 2,
            progress,
        };
        assert_eq!(cells(&figure.pose_at(Some(beat), PassMode::AsDrawn)), first);
    }
}

fn any_marker() -> impl Strategy<Value = Marker> {
    prop_oneof![
        Just(Marker::Quadrant),
        Just(Marker::HalfBlock),
        Just(Marker::Braille),
        Just(Marker::Sextant),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_size_draws_inside_its_area_and_never_panics(
        which in 0..limberup::figure::builtins().len(), w in 0u16..130, h in 0u16..50, x in 0u16..5, y in 0u16..5,
        progress in 0.0f64..=1.0, mirrored in any::<bool>(), marker in any_marker(),
    ) {
        let library = library();
        let figure = &library.entries[which].figure;
        let parts = figure.motion().count();
        let mode = if mirrored { PassMode::Mirrored } else { PassMode::AsDrawn };
        let pose = figure.pose_at(Some(Beat { part: 0, parts, progress }), mode);
        // The buffer is larger than the area: nothing may land outside the area.
        let outer = Rect::new(0, 0, w + 10, h + 10);
        let area = Rect::new(x, y, w, h);
        let mut buf = Buffer::empty(outer);
        FigureWidget { pose: &pose, trails: &[], frame: figure.frame(), view: figure.view, marker, ink: INK }
            .render(area, &mut buf);
        for cy in 0..outer.height {
            for cx in 0..outer.width {
                if !area.contains((cx, cy).into()) {
                    prop_assert_eq!(buf[(cx, cy)].symbol(), " ", "({}, {}) outside {:?}", cx, cy, area);
                }
            }
        }
    }
}

/// The share of the cells inside the drawing's bounding box (above the floor) that hold
/// ink: how much of the picture is body.
fn ink_share(buf: &Buffer) -> f64 {
    let floor = buf.area.bottom() - 1;
    let inked: Vec<(u16, u16)> = (0..floor)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() != " ")
        .collect();
    let (x0, x1) = (
        inked.iter().map(|c| c.0).min().unwrap(),
        inked.iter().map(|c| c.0).max().unwrap(),
    );
    let (y0, y1) = (
        inked.iter().map(|c| c.1).min().unwrap(),
        inked.iter().map(|c| c.1).max().unwrap(),
    );
    inked.len() as f64 / (f64::from(x1 - x0 + 1) * f64::from(y1 - y0 + 1))
}

#[test]
fn a_low_figure_blown_up_large_stays_a_body_of_limbs_not_a_blob() {
    // The figure player at 160x45: a crouching pose fills a big area. Limbs slim as the
    // drawing grows, so the body leaves most of its box empty (drawn as thick as at a small
    // size, 42% of thread-the-needle's box and 32% of cat/cow's was body).
    let library = library();
    for (id, most) in [("thread-the-needle", 0.38), ("cat-cow", 0.28)] {
        let figure = library.get(id).unwrap();
        let buf = draw(
            figure,
            &figure.pose_at(None, PassMode::AsDrawn),
            Rect::new(0, 0, 158, 41),
            Marker::Quadrant,
        );
        let share = ink_share(&buf);
        assert!(share < most, "{id}: {share:.2} of its box is body");
    }
}

/// Arm circles' still pose with its trails: a dotted ring in the far ink round each hand,
/// above and below the outstretched arm, where the body alone draws nothing.
#[test]
fn trails_draw_dotted_rings_in_the_far_ink() {
    let library = library();
    let figure = library.get("arm-circles").unwrap();
    let pose = figure.pose_at(None, PassMode::AsDrawn);
    let trails = figure.trails(None, PassMode::AsDrawn);
    let area = Rect::new(0, 0, 60, 24);
    let draw_with = |trails: &[Vec<limberup::figure::Point>]| {
        let mut buf = Buffer::empty(area);
        FigureWidget {
            pose: &pose,
            trails,
            frame: figure.frame(),
            view: figure.view,
            marker: Marker::Quadrant,
            ink: INK,
        }
        .render(area, &mut buf);
        buf
    };
    let (bare, with) = (draw_with(&[]), draw_with(&trails));
    let added: Vec<(u16, u16)> = area
        .positions()
        .filter(|p| bare[*p].symbol() == " " && with[*p].symbol() != " ")
        .map(|p| (p.x, p.y))
        .collect();
    assert!(added.len() >= 12, "{}", text(&with));
    assert!(
        added.iter().all(|p| with[*p].fg == INK.far),
        "{}",
        text(&with)
    );
    // Left and right of the body, above and below the arms' row.
    // The arms' row: where the body reaches farthest left.
    let arm_row = (0..area.height - 1)
        .min_by_key(|y| {
            (0..area.width)
                .find(|x| bare[(*x, *y)].symbol() != " ")
                .unwrap_or(u16::MAX)
        })
        .unwrap();
    for (left, above) in [(true, true), (true, false), (false, true), (false, false)] {
        assert!(
            added
                .iter()
                .any(|&(x, y)| (x < area.width / 2) == left && (y < arm_row) == above),
            "left {left} above {above}\n{}",
            text(&with)
        );
    }
}

#[test]
fn every_figure_blown_up_large_leaves_most_of_its_box_empty() {
    // The same check for the whole library, every key pose: no figure turns into a blob at
    // the player's largest size (the fullest today: shoulder rolls' `forward`, 54%, a
    // standing body with its arms against its sides).
    let library = library();
    for entry in &library.entries {
        let figure = &entry.figure;
        for (name, pose) in figure.poses() {
            let buf = draw(figure, pose, Rect::new(0, 0, 158, 41), Marker::Quadrant);
            let share = ink_share(&buf);
            assert!(
                share < 0.56,
                "{} `{name}`: {share:.2} of its box is body",
                entry.id
            );
        }
    }
}
