//! Every built-in move during its step at 100x30 and 80x24: its figure big enough to read
//! from the floor (an upright move at least 12 rows tall, a lying one at least 24 columns
//! wide), beside the side in large letters and every form cue.

mod tui_support;

use limberup::session::Phase;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Harness, built_in, phase};

/// How a move's figure is measured: an upright one by its height, a lying one by its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Build {
    Upright,
    Lying,
}

/// The built-in moves: (routine, step index, figure id, how it is measured).
const MOVES: [(&str, usize, &str, Build); 11] = [
    ("warm-up", 0, "cat-cow", Build::Lying),
    ("warm-up", 1, "shoulder-rolls", Build::Upright),
    ("warm-up", 2, "arm-circles", Build::Upright),
    ("warm-up", 3, "side-bends", Build::Upright),
    ("cool-down", 0, "childs-pose", Build::Lying),
    ("cool-down", 1, "thread-the-needle", Build::Lying),
    ("cool-down", 2, "forward-fold", Build::Upright),
    ("core", 0, "plank", Build::Lying),
    ("core", 1, "russian-twists", Build::Lying),
    ("core", 2, "side-plank", Build::Lying),
    ("core", 3, "dead-bug", Build::Lying),
];

const SIZES: [(u16, u16); 2] = [(100, 30), (80, 24)];

/// `routine` skipped to step `step`, `secs` into its work.
fn at_work(routine: &str, step: usize, secs: f64) -> Harness {
    let mut h = Harness::routine(&built_in(routine));
    for _ in 0..step {
        h.key(KeyCode::Char('n'));
    }
    let mut t = 0.0;
    while phase(&h) != Some(Phase::Work) {
        t += 0.25;
        h.tick(t);
    }
    h.tick(t + secs);
    h
}

/// The rows and columns the figure's ink covers on the last frame drawn.
fn drawn(h: &Harness, w: u16, hgt: u16) -> (u16, u16) {
    let terminal = h.render(w, hgt);
    let area = h.app.figure_area().expect("a figure on screen");
    let buf = terminal.backend().buffer();
    let inked: Vec<(u16, u16)> = (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() != " ")
        .collect();
    let span = |f: fn(&(u16, u16)) -> u16| {
        let lo = inked.iter().map(f).min().unwrap_or(0);
        let hi = inked.iter().map(f).max().unwrap_or(0);
        hi + 1 - lo
    };
    (span(|p| p.1), span(|p| p.0))
}

#[test]
fn every_move_is_big_enough_to_read_at_100x30_and_80x24() {
    for (routine, step, id, build) in MOVES {
        // Early in the step, and at a moment a moving figure is mid-rep.
        for secs in [0.4, 2.7] {
            let h = at_work(routine, step, secs);
            for (w, hgt) in SIZES {
                let (high, wide) = drawn(&h, w, hgt);
                let screen = h.rows(w, hgt).join("\n");
                match build {
                    Build::Upright => assert!(high >= 12, "{id} {w}x{hgt}: {high} rows\n{screen}"),
                    Build::Lying => assert!(wide >= 24, "{id} {w}x{hgt}: {wide} columns\n{screen}"),
                }
                // Every form cue stays.
                let bullets = screen.matches("  • ").count();
                let cues = built_in(routine).routine.steps[step].cues.len();
                assert_eq!(bullets, cues, "{id} {w}x{hgt}\n{screen}");
            }
        }
    }
}

#[test]
fn every_move_at_both_sizes() {
    for (routine, step, id, _) in MOVES {
        let h = at_work(routine, step, 0.4);
        for (w, hgt) in SIZES {
            let screen = h.rows(w, hgt).join("\n");
            insta::assert_snapshot!(format!("{id}_{w}x{hgt}"), screen);
        }
    }
}

/// The side stays in large letters beside a figure that reaches up beside the breath word.
#[test]
fn the_side_keeps_its_large_letters() {
    let h = at_work("warm-up", 3, 0.4);
    for (w, hgt) in SIZES {
        let screen = h.rows(w, hgt);
        // Large letters are block characters; the label never appears as plain text.
        assert!(
            !screen.iter().any(|r| r.contains("Left arm up")),
            "{w}x{hgt}"
        );
        let band = screen
            .iter()
            .position(|r| r.contains("REPS · Side bends"))
            .unwrap();
        let under = screen[band + 1..band + 4].join("\n");
        assert!(
            under.chars().any(|c| ('▀'..='▟').contains(&c)),
            "{w}x{hgt}: {under}"
        );
    }
}
