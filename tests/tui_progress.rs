//! Progression in the coach, without a terminal: the picker shows a routine's level from
//! the history and starts it at that level, the session says why, and its record keeps it.

mod common;
mod tui_support;

use limberup::progress::Known;
use limberup::routine::RanAt;
use limberup::session::Outcome;
use limberup::tui::Effect;
use ratatui::crossterm::event::KeyCode;
use tui_support::Harness;

/// Three calm, completed sessions of `core` at level 1, a day apart.
fn calm_core() -> Known {
    let records = (1..=3)
        .map(|d| {
            let mut r = common::record(
                common::at(2026, 3, d, 7, 0),
                60.0,
                Outcome::Completed,
                Some(1),
            );
            r.routine_id = "core".into();
            r.levels = vec![RanAt {
                routine: "core".into(),
                level: 1,
            }];
            r
        })
        .collect();
    Known {
        records,
        manual: Vec::new(),
    }
}

fn screen(h: &Harness) -> String {
    let terminal = h.render(100, 30);
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_picker_shows_the_level_and_the_session_runs_and_records_it() {
    let mut h = Harness::picker();
    h.app.set_progress(&calm_core());
    h.key(KeyCode::Char('/'));
    for c in "core".chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter);
    let picker = screen(&h);
    assert!(picker.contains("Level 2 of 7"), "{picker}");
    // Level 2: the plank holds 35 s, not the 30 s written.
    assert!(picker.contains("hold 35 s"), "{picker}");
    h.key(KeyCode::Enter);
    let session = screen(&h);
    assert!(
        session.contains("Core: Level 2 of 7: up from 1 after three calm sessions"),
        "{session}"
    );
    h.key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    let saved: Vec<Vec<RanAt>> = h
        .app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Save(r) => Some(r.levels.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        saved,
        [vec![RanAt {
            routine: "core".into(),
            level: 2
        }]]
    );
}
