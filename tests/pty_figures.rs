//! `limberup figures ID` in a real pseudo-terminal: it animates, pauses, and gives the
//! terminal back on q, Ctrl-C and SIGTERM.

mod pty_support;

use expectrl::process::unix::Signal;
use pty_support::Coach;

#[test]
fn the_figure_moves_pauses_and_q_restores_the_terminal() {
    let mut coach = Coach::start(&["figures", "cat-cow"], 100, 30, None);
    coach.wait_for("Cat/Cow · cat-cow · side view", 5.0);
    assert!(coach.parser.screen().alternate_screen());
    assert!(coach.parser.screen().hide_cursor());
    coach.wait_for("→ cow", 5.0);
    coach.send(" ");
    let paused = coach.wait_for("paused", 3.0);
    // Paused: nothing is drawn any more.
    assert_eq!(coach.assert_still(0.5), paused);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
}

#[test]
fn still_and_motion_false_show_the_still_pose_and_never_redraw() {
    let mut coach = Coach::start(&["figures", "cat-cow", "--still"], 80, 24, None);
    let screen = coach.wait_for("still pose: tabletop", 5.0);
    assert_eq!(coach.assert_still(0.5), screen);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    let mut coach = Coach::start(&["figures", "cat-cow"], 80, 24, Some("(motion: false)"));
    coach.wait_for("still pose: tabletop", 5.0);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let mut coach = Coach::start(&["figures", "plank"], 100, 30, None);
    coach.wait_for("Plank · plank", 5.0);
    // All of the first frame in, so none of it lands on the smaller screen.
    coach.settle();
    coach.resize(60, 16);
    let screen = coach.wait_until(3.0, "the 60x16 layout", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() == 16
            && lines[0].starts_with(" Plank · plank")
            && lines[12].trim().chars().all(|c| c == '▀')
            && lines[15].starts_with(" q quit")
    });
    // The still plank is drawn once, at the new size, and nothing more happens.
    assert_eq!(coach.assert_still(0.5), screen);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
}

#[test]
fn ctrl_c_and_sigterm_end_it_with_the_terminal_restored() {
    let mut coach = Coach::start(&["figures", "dead-bug"], 80, 24, None);
    coach.wait_for("Dead bug", 5.0);
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
    assert!(!coach.parser.screen().alternate_screen());

    let mut coach = Coach::start(&["figures", "plank"], 80, 24, None);
    coach.wait_for("still pose: plank", 5.0);
    coach.signal(Signal::SIGTERM);
    assert_eq!(coach.exit_code(3.0), 143);
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
}
