//! Browsing the moves in the picker: `m` shows the library, the filter finds a move by its
//! aliases and regions, the preview draws its figure, Enter tries it as a one-step session.

#[path = "tui_support/mod.rs"]
mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::Harness;

fn screen(h: &Harness, width: u16, height: u16) -> String {
    let terminal = h.render(width, height);
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn browsing() -> Harness {
    let mut h = Harness::picker();
    h.app.set_moves(limberup::moves::builtin());
    h.key(KeyCode::Char('m'));
    h
}

#[test]
fn m_shows_the_moves_and_again_the_routines() {
    let mut h = browsing();
    let moves = screen(&h, 100, 30);
    let count = limberup::moves::builtin().entries.len();
    assert!(moves.contains(&format!("Moves ({count})")), "{moves}");
    h.key(KeyCode::Char('m'));
    assert!(screen(&h, 100, 30).contains("Routines ("));
}

#[test]
fn the_filter_finds_a_move_by_an_alias_and_the_preview_draws_its_figure() {
    let mut h = browsing();
    h.key(KeyCode::Char('/'));
    for c in "side bridge".chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter);
    let shown = screen(&h, 100, 30);
    assert!(shown.contains("Moves (1)"), "{shown}");
    assert!(shown.contains("Side plank"), "{shown}");
    assert!(shown.contains("McGill"), "{shown}");
    // The figure: body cells drawn under the preview's text.
    let body = shown.lines().skip(15).filter(|l| l.contains('█')).count();
    assert!(body >= 2, "{shown}");
}

#[test]
fn enter_tries_the_selected_move_as_a_one_step_session() {
    let mut h = browsing();
    h.key(KeyCode::Char('/'));
    for c in "cat-cow".chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter).key(KeyCode::Enter);
    let session = h.app.session().expect("a session");
    let plan = session.plan();
    assert_eq!(plan.step_count(), 1);
    assert_eq!(plan.steps[0].name, "Cat/Cow");
}
