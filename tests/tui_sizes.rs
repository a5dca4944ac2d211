//! Any terminal size, from 0x0 up, draws every screen without a panic ("index outside of
//! buffer" is the most common ratatui bug on tiny terminals).

mod tui_support;

use proptest::test_runner::{Config, TestRunner};
use tui_support::states;

#[test]
fn every_screen_draws_at_every_small_size() {
    for (name, h) in states() {
        for w in 0..=24 {
            for hgt in 0..=12 {
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| h.render(w, hgt)));
                assert!(result.is_ok(), "{name} panicked at {w}x{hgt}");
            }
        }
    }
}

#[test]
fn every_screen_draws_at_any_size() {
    let states = states();
    let mut runner = TestRunner::new(Config::with_cases(300));
    runner
        .run(&(0u16..=120, 0u16..=40), |(w, hgt)| {
            for (_, h) in &states {
                h.render(w, hgt);
            }
            Ok(())
        })
        .unwrap();
}
