//! Where the move's figure goes on the session screen: beside the count when the width
//! leaves it room, above the count when the height does (the figure's rank in the layout
//! comes after the count's first seven rows, the side and every form cue), else nowhere.

use ratatui::layout::Rect;

use super::layout::{BIG_TEXT_ROWS, Part, Rows, allot};
use super::{Stage, Widths, cues, needs, words};
use crate::session::View;
use crate::tui::bigdigits::rows_for_width;
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
    /// The rows of a figure beside the count: it stands on the count's bottom row and may
    /// reach up beside the breath word and the side.
    pub(crate) beside_rows: u16,
}

/// How far up a figure beside the count reaches: the count alone, the breath word (and a
/// reminder) too, or the side as well. The parts it reaches are measured in what it leaves.
const REACHES: [(bool, bool); 3] = [(false, false), (true, false), (true, true)];

/// A way to stand the figure beside the count, and what it leaves the rest.
struct Beside {
    rows: Rows,
    high: u16,
    wide: u16,
    digits: u16,
    readable: bool,
    /// The large breath word is kept (or there is none).
    breath: bool,
}

/// Lays the screen out, with `status` rows at its foot. A figure stands beside the count
/// (reaching up beside the breath word and the side when it needs the rows) when the width
/// leaves it room, the count's digits keeping their size up to `COUNT_KEEPS` rows and the
/// side and the form cues all they have without it; else it takes rows above the count when
/// the height has them after everything ranked before it; else it is left out. A figure
/// big enough to read (`Stage::readable`) wins over bigger digits; then bigger digits win,
/// beside on a tie.
pub(crate) fn lay_out(view: &View, stage: Option<&Stage>, area: Rect, status: u16) -> Layout {
    let cues = cues(view, area.width);
    let mut needs = needs(view, Widths::all(area.width), &cues, status);
    let rows = allot(area.height, &needs);
    let bare = |rows| Layout {
        rows,
        cues: cues.clone(),
        beside: 0,
        beside_rows: 0,
    };
    let Some(stage) = stage else {
        return bare(rows);
    };
    let template = words::count_template(view);
    let inner = area.width.saturating_sub(4);
    let count = rows.get(Part::Count);
    let keep = count.min(COUNT_KEEPS).min(rows_for_width(&template, inner));
    let tallest = figure_rows(area.height);
    let mut best: Option<Beside> = None;
    for high in BESIDE_ROWS..=tallest {
        let wide = stage.columns(high).max(MIN_SIZE.0);
        let Some(left) = area.width.checked_sub(wide + BESIDE_GAP) else {
            continue;
        };
        for (breath, side) in REACHES {
            let widths = Widths {
                side: if side { left } else { area.width },
                breath: if breath { left } else { area.width },
                count: left,
            };
            let mut narrow = super::needs(view, widths, &cues, status);
            // The count's rows make up what the parts it reaches up beside leave of `high`.
            let large = |need: Option<(u16, Option<u16>)>| {
                need.map_or(0, |(text, big)| big.unwrap_or(text))
            };
            let above_count = match (breath, side) {
                (false, _) => 0,
                (true, side) => {
                    let word = if narrow.breath { BIG_TEXT_ROWS } else { 0 };
                    let side = if side { large(narrow.side) } else { 0 };
                    word + large(narrow.reminder) + side
                }
            };
            // Rows are taken from lower-ranked parts only for a figure big enough to read.
            let readable = stage.readable(high, wide);
            if readable {
                narrow.count_least = high.saturating_sub(above_count);
            }
            let with = allot(area.height, &narrow);
            let reach = with.get(Part::Count)
                + if breath {
                    with.get(Part::Breath) + with.get(Part::Reminder)
                } else {
                    0
                }
                + if side { with.get(Part::Side) } else { 0 };
            let digits = with
                .get(Part::Count)
                .min(rows_for_width(&template, left.saturating_sub(4)));
            let kept = [Part::Side, Part::Cues, Part::Status]
                .iter()
                .all(|p| with.get(*p) == rows.get(*p));
            // A figure too small to read stays in the count's own rows.
            let room = if readable {
                reach
            } else {
                with.get(Part::Count)
            };
            if high > room || digits < keep || !kept {
                continue;
            }
            let option = Beside {
                high,
                wide,
                digits,
                readable,
                breath: with.get(Part::Breath) >= rows.get(Part::Breath),
                rows: with,
            };
            if best.as_ref().is_none_or(|b| rank(&option) > rank(b)) {
                best = Some(option);
            }
        }
    }
    if area.width >= ABOVE_MIN_COLUMNS {
        needs.figure = (area.height / 3).clamp(ABOVE_ROWS, figure_rows(area.height));
    }
    let above = allot(area.height, &needs);
    let above_at = (above.get(Part::Figure) > 0).then(|| {
        let high = above.get(Part::Figure);
        let wide = stage.columns(high).max(MIN_SIZE.0).min(area.width);
        let digits = above.get(Part::Count).min(rows_for_width(&template, inner));
        (stage.readable(high, wide), digits)
    });
    match (best, above_at) {
        (Some(b), a) if a.is_none_or(|a| (b.readable, b.digits) >= a) => Layout {
            rows: b.rows,
            cues,
            beside: b.wide,
            beside_rows: b.high,
        },
        (_, Some(_)) => bare(above),
        _ => bare(rows),
    }
}

/// Which way beside is better: a figure big enough to read first, then the large breath
/// word kept, then bigger digits (while the figure is too small to read, the smaller of the
/// digits and the figure), then the taller figure.
fn rank(b: &Beside) -> (bool, bool, u16, u16, u16) {
    let first = if b.readable {
        b.digits
    } else {
        b.digits.min(b.high)
    };
    (b.readable, b.breath, first, b.digits, b.high)
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
                    let with = lay_out(&view, Some(&stage), area, 0);
                    let bare = lay_out(&view, None, area, 0);
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
            let layout = lay_out(&view, Some(&stage), Rect::new(0, 0, w, h), 0);
            assert_eq!(layout.rows.get(Part::Figure), 0, "{w}x{h}: not above");
            assert!(layout.beside > 0, "{w}x{h}: beside");
            assert!(layout.beside_rows < layout.rows.get(Part::Count), "{w}x{h}");
        }
    }
}
