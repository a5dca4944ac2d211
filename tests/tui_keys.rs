//! Keys as a user on the mat presses them: one Esc too many, a key that does nothing now,
//! help that does not fit the screen. Read off the app and the rendered screen.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::{Harness, built_in};

/// The screen's rows as text.
fn rows(h: &Harness, w: u16, hgt: u16) -> Vec<String> {
    let terminal = h.render(w, hgt);
    let buf = terminal.backend().buffer();
    (0..hgt)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn footer(h: &Harness, w: u16, hgt: u16) -> String {
    rows(h, w, hgt).pop().unwrap_or_default()
}

fn typed(h: &mut Harness, text: &str) {
    for c in text.chars() {
        h.key(KeyCode::Char(c));
    }
}

#[test]
fn esc_clears_a_kept_filter_before_it_quits() {
    let mut h = Harness::picker();
    typed(&mut h, "/cool");
    h.key(KeyCode::Enter);
    assert!(rows(&h, 100, 30)[1].contains("Routines (4)"));
    assert!(footer(&h, 100, 30).contains("Esc clear filter"));
    h.key(KeyCode::Esc);
    assert_eq!(
        h.app.exit(),
        None,
        "Esc cleared the filter, it did not quit"
    );
    assert!(rows(&h, 100, 30)[1].contains("Routines (10)"));
    assert!(!footer(&h, 100, 30).contains("Esc"));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.exit(), Some(0), "with no filter, Esc quits");
}

#[test]
fn q_quits_the_list_even_when_filtered() {
    let mut h = Harness::picker();
    typed(&mut h, "/core");
    h.key(KeyCode::Enter).key(KeyCode::Char('q'));
    assert_eq!(h.app.exit(), Some(0));
}

#[test]
fn a_narrow_list_keeps_enter_start_in_its_footer() {
    let h = Harness::picker();
    for w in [30, 40, 50] {
        let line = footer(&h, w, 12);
        assert!(line.contains("Enter start"), "{w}: {line}");
        assert!(
            line.contains("? help") && line.contains("q quit"),
            "{w}: {line}"
        );
    }
}

fn screen(h: &Harness) -> String {
    rows(h, 80, 24).join("\n")
}

/// The note over the footer saying why a key did nothing, if any.
fn note(h: &Harness) -> Option<String> {
    let rows = rows(h, 80, 24);
    rows.iter()
        .find(|r| r.starts_with(" · "))
        .map(|r| r.trim().to_string())
}

#[test]
fn r_says_the_pass_comes_again_on_the_same_side() {
    let mut h = Harness::routine(&built_in("cool-down"));
    h.key(KeyCode::Char('n')).tick(20.0);
    assert!(screen(&h).contains("Up next: Right arm under"));
    h.key(KeyCode::Char('r'));
    assert!(
        screen(&h).contains("Up next: Left arm under once more"),
        "{}",
        screen(&h)
    );
    // The pause before it: the same side, not "SWITCH SIDES".
    h.tick(36.0);
    assert!(
        screen(&h).contains(" AGAIN · Thread the needle"),
        "{}",
        screen(&h)
    );
    assert!(!screen(&h).contains("SWITCH"));
    h.tick(40.0);
    assert!(screen(&h).contains(" HOLD · Thread the needle · again · 1 of 2"));
    assert!(screen(&h).contains("Up next: Right arm under"));
}

#[test]
fn r_on_a_step_without_sides_names_the_step_once_more() {
    let mut h = Harness::routine(&built_in("core"));
    h.tick(7.0).key(KeyCode::Char('r'));
    assert!(
        screen(&h).contains("Up next: Plank once more (hold 30 s)"),
        "{}",
        screen(&h)
    );
}

#[test]
fn a_key_with_nothing_to_do_now_says_why_until_the_next_key() {
    // The test routine: a 5 s get-ready, then a 30 s hold on the left.
    let mut h = tui_support::Harness::session();
    h.tick(2.0).key(KeyCode::Char('+'));
    assert_eq!(note(&h), None, "+ lengthens a get-ready");
    h.tick(20.0).key(KeyCode::Enter);
    assert!(
        screen(&h).contains("· Enter has nothing to do now"),
        "{}",
        screen(&h)
    );
    h.key(KeyCode::Char('d'));
    assert!(
        screen(&h).contains("· Nothing to mark done now"),
        "{}",
        screen(&h)
    );
    assert!(
        !screen(&h).contains("Enter has nothing"),
        "one note at a time"
    );
    h.key(KeyCode::Char('+'));
    assert_eq!(note(&h), None, "+ works on a hold");
    // Paced reps cannot be lengthened: said, then gone when the next phase starts.
    let mut h = Harness::routine(&built_in("warm-up"));
    h.tick(8.0).key(KeyCode::Char('-'));
    assert!(
        screen(&h).contains("· Only holds, rests and get-ready can be made longer or shorter"),
        "{}",
        screen(&h)
    );
    h.key(KeyCode::Char('n'));
    assert!(!screen(&h).contains("Only holds"));
}

#[test]
fn counting_while_paused_says_to_go_on_first() {
    let mut h = tui_support::Harness::session();
    // The counted squats: past the side plank, the rest and the get-ready.
    h.key(KeyCode::Char('n'))
        .tick(16.0)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Enter);
    assert!(
        screen(&h).contains("Paused: Space goes on, then Enter counts"),
        "{}",
        screen(&h)
    );
}

#[test]
fn help_too_long_for_the_screen_scrolls_to_every_key() {
    let mut h = tui_support::Harness::session();
    h.tick(3.0).key(KeyCode::Char('?'));
    let text = |h: &Harness| rows(h, 60, 16).join("\n");
    assert!(!text(&h).contains("quit the session"), "{}", text(&h));
    assert!(text(&h).contains("↓ more"));
    let mut seen = text(&h);
    for _ in 0..100 {
        h.key(KeyCode::Down);
        seen.push_str(&text(&h));
    }
    assert!(seen.contains("quit the session"), "{seen}");
    assert!(text(&h).contains("Ctrl-C"), "the last section ends it");
    assert!(!text(&h).contains("↓ more"));
    // Up moves at once however far Down was pressed past the end.
    let end = text(&h);
    h.key(KeyCode::Up);
    assert_ne!(text(&h), end);
    for _ in 0..10 {
        h.key(KeyCode::PageUp);
    }
    assert!(text(&h).contains("During a session"));
    assert!(
        h.app.session().unwrap().is_paused(),
        "still the help, paused"
    );
}

#[test]
fn help_on_a_large_screen_shows_every_section() {
    let mut h = Harness::picker();
    h.key(KeyCode::Char('?'));
    let text = rows(&h, 160, 45).join("\n");
    for section in ["Routine list", "During a session", "Check-in", "Everywhere"] {
        assert!(text.contains(section), "{section}\n{text}");
    }
    assert!(!text.contains("↓ more"));
}

#[test]
fn the_check_in_keeps_help_in_its_footer_and_opens_it() {
    let mut h = tui_support::Harness::session();
    h.tick(3.0).key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    assert!(footer(&h, 80, 24).contains("0-9 answer"));
    for w in [40, 80] {
        let line = footer(&h, w, 24);
        assert!(
            line.contains("? help") && line.contains("q quit"),
            "{w}: {line}"
        );
    }
    h.key(KeyCode::Char('?'));
    assert!(rows(&h, 80, 24)[0].contains("╭ Keys"));
    assert!(rows(&h, 80, 24).join("\n").contains("Check-in"));
    h.key(KeyCode::Esc);
    assert!(
        footer(&h, 80, 24).contains("0-9 answer"),
        "back to the question"
    );
}

/// Enter 2 s before thread the needle's 20 s mark: the refusal is gone once the range is
/// reached (Enter moves on then), and at 40x12 it never costs a form cue.
#[test]
fn a_refusal_is_cleared_when_the_state_changes_and_keeps_the_cues_at_40x12() {
    // Cool-down: 5 s get-ready, child's pose 30 s, 5 s get-ready, thread the needle 20-30 s.
    let mut h = Harness::routine(&built_in("cool-down"));
    h.tick(58.0);
    let bullets = |h: &Harness| {
        rows(h, 40, 12)
            .iter()
            .filter(|r| r.trim_start().starts_with("• "))
            .count()
    };
    let before = bullets(&h);
    assert!(before > 0, "{}", rows(&h, 40, 12).join("\n"));
    h.key(KeyCode::Enter);
    assert!(note(&h).is_some_and(|n| n.contains("Enter has nothing to do now")));
    assert_eq!(bullets(&h), before, "{}", rows(&h, 40, 12).join("\n"));
    h.tick(60.1);
    assert!(screen(&h).contains("Enter move on"), "{}", screen(&h));
    assert_eq!(note(&h), None, "{}", screen(&h));
    // The next part of a paced rep clears it too.
    let mut h = Harness::routine(&built_in("warm-up"));
    h.tick(8.0).key(KeyCode::Char('-'));
    assert!(note(&h).is_some());
    h.tick(12.5);
    assert_eq!(note(&h), None, "{}", screen(&h));
}
