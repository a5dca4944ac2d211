//! Every screen and phase of the coach, rendered on a fixed clock at 100x30, 80x24, 60x16,
//! 40x12, 20x5 and 1x1 and compared with the committed snapshots in tests/snapshots; plus
//! colour rules.

mod tui_support;

use insta::assert_snapshot;
use limberup::config::Theme as Choice;
use limberup::session::Phase;
use limberup::tui::{Action, Theme};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tui_support::{Harness, entry, options, phase, states};

#[test]
fn every_screen_at_every_size() {
    for (name, h) in states() {
        for (w, hgt) in [(100, 30), (80, 24), (60, 16), (40, 12), (20, 5), (1, 1)] {
            let terminal = h.render(w, hgt);
            assert_snapshot!(format!("{name}@{w}x{hgt}"), terminal.backend());
        }
    }
}

#[test]
fn the_states_are_what_their_names_say() {
    let states = states();
    let get = |name: &str| &states.iter().find(|(n, _)| *n == name).unwrap().1;
    assert_eq!(phase(get("prepare")), Some(Phase::Prepare));
    assert_eq!(phase(get("hold")), Some(Phase::Work));
    assert_eq!(phase(get("switch")), Some(Phase::Switch));
    assert_eq!(phase(get("rest")), Some(Phase::Rest));
    assert_eq!(get("counted").app.session().unwrap().counted(), 2);
    assert!(get("paused").app.session().unwrap().is_paused());
    assert!(get("confirm_quit").app.session().unwrap().is_paused());
    let done = get("summary_completed").app.summary().unwrap().record();
    assert_eq!(done.count(limberup::session::StepStatus::Done), 4);
}

/// The colour of the phase band (the first row whose cells have a background).
fn band_colour(h: &Harness) -> Option<Color> {
    let terminal = h.render(100, 30);
    let buf = terminal.backend().buffer();
    (0..30).find_map(|y| {
        let bg = buf[(50, y)].bg;
        (bg != Color::Reset).then_some(bg)
    })
}

#[test]
fn each_phase_has_its_own_colour() {
    let states = states();
    let colours: Vec<Color> = ["prepare", "hold", "switch", "rest"]
        .iter()
        .map(|n| band_colour(&states.iter().find(|(s, _)| s == n).unwrap().1).unwrap())
        .collect();
    for (i, a) in colours.iter().enumerate() {
        for b in &colours[i + 1..] {
            assert_ne!(a, b, "{colours:?}");
        }
    }
}

#[test]
fn no_color_means_no_colour_anywhere() {
    let mut h = Harness::with(options(Theme::new(Choice::HighContrast, true)));
    h.app.start(&entry(), h.t(0.0));
    for secs in [2.5, 17.3, 36.0, 70.2] {
        h.tick(secs);
        let terminal = h.render(100, 30);
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "at {secs} s"
            );
        }
    }
}

#[test]
fn a_pause_freezes_the_screen_and_resume_goes_on() {
    let mut h = Harness::session();
    h.tick(17.3).key(KeyCode::Char('p'));
    let frozen = h.render(100, 30).backend().to_string();
    h.tick(25.0);
    assert_eq!(h.render(100, 30).backend().to_string(), frozen);
    h.app.act(Action::TogglePause, h.t(25.0));
    h.tick(26.0);
    let view = h.app.session().unwrap().view(h.t(26.0));
    assert_eq!(view.remaining_secs, Some(17));
}

#[test]
fn the_routine_name_stands_out_in_the_header() {
    use ratatui::style::Modifier;
    let (_, h) = states().into_iter().find(|(n, _)| *n == "hold").unwrap();
    let terminal = h.render(100, 30);
    let cell = &terminal.backend().buffer()[(1, 0)];
    assert_eq!(cell.symbol(), "T");
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert!(!cell.modifier.contains(Modifier::DIM));
    assert_eq!(cell.fg, Color::Reset);
}
