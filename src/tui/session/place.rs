//! Where the move's figure goes on the session screen: beside the count when the width
//! leaves it room, above the count when the height does (the figure's rank in the layout
//! comes after the count's first seven rows, the side and every form cue), else nowhere.

use ratatui::layout::Rect;

use super::layout::{Part, Rows, allot};
use super::{Stage, cues, needs, words};
use crate::session::View;
use crate::tui::bigdigits::{rows_for_width, width_at};
use crate::tui::figure::MIN_SIZE;

/// A figure beside the count is drawn at least this many rows high.
const BESIDE_ROWS: u16 = 6;

/// The most rows a figure gets on a screen `height` rows high: twelve, or two fifths of a
/// taller screen. A bigger one asks for more frames (it moves more dots) for little more to
/// see from the floor; 12 rows at 100x30 keep animated reps near 50 ms of CPU a minute.
pub(crate) fn figure_rows(height: u16) -> u16 {
    (height * 2 / 5).max(12)
}

/// The count's digits give the figure nothing below this many rows: up to there the count
/// ranks above the figure (as in the ranking, where the figure comes after `count(7)`).
const COUNT_KEEPS: u16 = 7;
/// Rows of a figure above the count, at least (a third of the screen, up to `figure_rows`).
const ABOVE_ROWS: u16 = 6;
/// Narrower than this, no figure goes above the count: it would be too small to read.
const ABOVE_MIN_COLUMNS: u16 = 16;
/// Columns between the count and a figure beside it.
pub(crate) const BESIDE_GAP: u16 = 2;

/// The screen laid out: each part's rows, the form cues as wrapped, and the columns of a
/// figure standing beside the count (0 when it does not).
pub(crate) struct Layout {
    pub(crate) rows: Rows,
    pub(crate) cues: Vec<Vec<String>>,
    pub(crate) beside: u16,
    /// The rows of a figure beside the count (standing on its bottom row).
    pub(crate) beside_rows: u16,
}

/// Lays the screen out. A figure stands beside the count when the width leaves it room, the
/// count's digits keeping their size up to `COUNT_KEEPS` rows; else it takes rows above the
/// count when the height has them after everything ranked before it; else it is left out.
/// Whichever leaves the digits bigger wins, beside on a tie.
pub(crate) fn lay_out(view: &View, stage: Option<&Stage>, area: Rect) -> Layout {
    let cues = cues(view, area.width);
    let mut needs = needs(view, area.width, &cues);
    let rows = allot(area.height, &needs);
    let Some(stage) = stage else {
        return Layout {
            rows,
            cues,
            beside: 0,
            beside_rows: 0,
        };
    };
    let template = words::count_template(view);
    let inner = area.width.saturating_sub(4);
    // The figure's height and the digits' beside it that keep the smaller of the two the
    // biggest (bigger digits on a tie), the digits never under `keep` rows: a wide figure
    // (a plank) stands lower than the count rather than go above it and shrink the digits.
    let count = rows.get(Part::Count);
    let tallest = count.min(figure_rows(area.height));
    let keep = count.min(COUNT_KEEPS).min(rows_for_width(&template, inner));
    let beside_at = (BESIDE_ROWS..=tallest)
        .filter_map(|high| {
            let wide = stage.columns(high).max(MIN_SIZE.0);
            let room = inner.checked_sub(wide + BESIDE_GAP)?;
            (keep..=count)
                .rev()
                .find(|&digits| width_at(&template, digits) <= room)
                .map(|digits| (digits, high, wide))
        })
        .max_by_key(|&(digits, high, _)| (digits.min(high), digits));
    if area.width >= ABOVE_MIN_COLUMNS {
        needs.figure = (area.height / 3).clamp(ABOVE_ROWS, figure_rows(area.height));
    }
    let above = allot(area.height, &needs);
    let above_digits = (above.get(Part::Figure) > 0)
        .then(|| above.get(Part::Count).min(rows_for_width(&template, inner)));
    match (beside_at, above_digits) {
        (Some((b, high, wide)), a) if a.is_none_or(|a| b >= a) => Layout {
            rows,
            cues,
            beside: wide,
            beside_rows: high,
        },
        (_, Some(_)) => Layout {
            rows: above,
            cues,
            beside: 0,
            beside_rows: 0,
        },
        _ => Layout {
            rows,
            cues,
            beside: 0,
            beside_rows: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use ratatui::symbols::Marker;

    use super::*;
    use crate::figure::Library;
    use crate::routine::parse;
    use crate::session::{Plan, PlanOptions, Session};

    const ROUTINE: &str = r#"Routine(name: "T", kind: Other, prepare_secs: 5, rest_secs: 10, switch_secs: 3,
        steps: [
            Step(name: "Side plank", cues: ["Elbow under the shoulder", "Hips up"],
                 work: Hold(secs: 30), passes: ["Left", "Right"], figure: "side-plank"),
            Step(name: "Cat/Cow", cues: ["Hands under shoulders", "Move slowly", "Look up", "Breathe"],
                 work: Reps(count: 12, tempo_secs: 5.0, phases: ["Exhale: round", "Inhale: drop"]),
                 figure: "cat-cow"),
        ])"#;

    /// The layout with and without the figure at each of a get-ready, a hold with a side
    /// and paced reps, over sizes from tiny to wide and tall.
    fn each(mut check: impl FnMut(&View, &Layout, &Layout, Rect)) {
        let library = Library::load(None);
        let routine = parse(ROUTINE, "t").unwrap();
        let plan = Plan::new("t", &routine, &PlanOptions::default());
        let t0 = Instant::now();
        let wall = chrono::DateTime::parse_from_rfc3339("2026-01-01T07:00:00Z").unwrap();
        let (mut session, _) = Session::new(plan, t0, wall);
        for secs in [2.0, 17.0, 95.0] {
            let now = t0 + Duration::from_secs_f64(secs);
            session.advance(now);
            let view = session.view(now);
            let stage = Stage::new(&session, &view, &library, true, Marker::Quadrant, now);
            let stage = stage.expect("the step's figure");
            for w in (10..=200).step_by(7) {
                for h in (3..=60).step_by(3) {
                    let area = Rect::new(0, 0, w, h);
                    let with = lay_out(&view, Some(&stage), area);
                    let bare = lay_out(&view, None, area);
                    check(&view, &with, &bare, area);
                }
            }
        }
    }

    #[test]
    fn the_figure_never_costs_the_side_or_a_form_cue() {
        each(|_, with, bare, area| {
            for part in [Part::Side, Part::Cues] {
                assert_eq!(
                    with.rows.get(part),
                    bare.rows.get(part),
                    "{part:?} {area:?}"
                );
            }
        });
    }

    #[test]
    fn the_count_keeps_its_first_seven_rows() {
        each(|view, with, bare, area| {
            let template = words::count_template(view);
            let inner = area.width.saturating_sub(4);
            let digits = |rows: &Rows, columns: u16| {
                rows.get(Part::Count)
                    .min(rows_for_width(&template, columns))
            };
            let before = digits(&bare.rows, inner);
            let after = match with.beside {
                0 => digits(&with.rows, inner),
                beside => digits(&with.rows, inner - beside - BESIDE_GAP),
            };
            assert!(
                after >= before.min(COUNT_KEEPS),
                "{area:?}: {before} -> {after}"
            );
        });
    }

    #[test]
    fn the_figure_is_beside_when_wide_above_when_tall_and_out_when_small() {
        let mut seen = (false, false, false);
        each(|_, with, _, area| {
            let above = with.rows.get(Part::Figure);
            assert!(with.beside == 0 || above == 0, "{area:?}: not both");
            if area.width <= 31 && area.height <= 12 {
                assert_eq!((with.beside, above), (0, 0), "{area:?}: small");
            }
            seen.0 |= with.beside > 0;
            seen.1 |= above > 0;
            seen.2 |= with.beside == 0 && above == 0;
        });
        assert_eq!(seen, (true, true, true));
    }

    #[test]
    fn a_wide_figure_stands_lower_beside_the_count_rather_than_above_it() {
        let routine = parse(
            r#"Routine(name: "P", kind: Other, steps: [
                Step(name: "Plank", work: Hold(secs: 30), figure: "plank",
                     cues: ["Forearms down", "Straight line", "Brace", "Breathe"])])"#,
            "p",
        )
        .unwrap();
        let library = Library::load(None);
        let plan = Plan::new("p", &routine, &PlanOptions::default());
        let t0 = Instant::now();
        let wall = chrono::DateTime::parse_from_rfc3339("2026-01-01T07:00:00Z").unwrap();
        let (mut session, _) = Session::new(plan, t0, wall);
        let now = t0 + Duration::from_secs(8);
        session.advance(now);
        let view = session.view(now);
        let stage = Stage::new(&session, &view, &library, true, Marker::Quadrant, now).unwrap();
        for (w, h) in [(100, 30), (80, 24)] {
            let layout = lay_out(&view, Some(&stage), Rect::new(0, 0, w, h));
            assert_eq!(layout.rows.get(Part::Figure), 0, "{w}x{h}: not above");
            assert!(layout.beside > 0, "{w}x{h}: beside");
            assert!(layout.beside_rows < layout.rows.get(Part::Count), "{w}x{h}");
        }
    }
}
