//! A terminal whose locale cannot show Unicode (`LANG=C`): every frame, the figure and the
//! big digits included, is drawn in ASCII; a UTF-8 locale keeps the Unicode glyphs.

mod pty_support;

use pty_support::{Coach, SHORT, prepare};

const C: [(&str, &str); 3] = [("LANG", "C"), ("LC_ALL", "C"), ("LC_CTYPE", "C")];
const UTF8: [(&str, &str); 3] = [
    ("LANG", "C.UTF-8"),
    ("LC_ALL", "C.UTF-8"),
    ("LC_CTYPE", "C.UTF-8"),
];

/// The screen once `text` shows, after `args` ran under `env`, then quits it.
fn screen(args: &[&str], env: &[(&str, &str)], text: &str) -> String {
    let mut coach = Coach::spawn_env(prepare(SHORT, None), args, 80, 24, env);
    coach.wait_for(text, 5.0);
    let screen = coach.settle();
    coach.send("\x03");
    coach.exit_code(5.0);
    screen
}

#[test]
fn the_figure_player_is_ascii_under_the_c_locale() {
    let ascii = screen(&["figures", "cat-cow", "--still"], &C, "still pose");
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(ascii.contains("Cat/Cow . cat-cow . side view"), "{ascii}");
    assert!(ascii.matches('#').count() > 20, "no figure drawn:\n{ascii}");
    let unicode = screen(&["figures", "cat-cow", "--still"], &UTF8, "still pose");
    assert!(
        unicode.contains("Cat/Cow · cat-cow · side view"),
        "{unicode}"
    );
}

#[test]
fn a_session_with_its_figure_and_big_digits_is_ascii_under_the_c_locale() {
    let ascii = screen(&["run", "cool-down"], &C, "Child");
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(
        ascii.matches('#').count() > 20,
        "no figure or digits:\n{ascii}"
    );
    let unicode = screen(&["run", "cool-down"], &UTF8, "Child");
    assert!(!unicode.is_ascii(), "{unicode}");
}
