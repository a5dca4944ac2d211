//! `limberup figures ID` without a terminal: the player's screen on a fixed clock, its keys,
//! and when it asks to be woken (only while the figure moves).

use std::time::{Duration, Instant};

use insta::assert_snapshot;
use limberup::config::Theme as Choice;
use limberup::figure::Library;
use limberup::tui::{Player, Reply, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::symbols::Marker;

fn player(id: &str, still: bool, t0: Instant) -> Player {
    let entry = Library::load(None).find(id).unwrap().clone();
    let theme = Theme::new(Choice::Default, false);
    Player::new(entry, None, still, theme, Marker::Quadrant, t0)
}

fn screen(player: &Player, w: u16, h: u16, now: Instant) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| player.draw(frame, now)).unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

const SCREEN: Rect = Rect::new(0, 0, 100, 30);

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

#[test]
fn the_player_shows_the_figure_where_it_is_heading_and_the_keys() {
    let t0 = Instant::now();
    let cat_cow = player("cat-cow", false, t0);
    // 1.5 s a key pose: 0.75 s in is halfway from cow to cat.
    let terminal = screen(&cat_cow, 100, 30, t0 + ms(750));
    assert_snapshot!("player_cat_cow_100x30", text(&terminal));
    let lines = text(&terminal);
    assert!(lines.starts_with(" Cat/Cow · cat-cow · side view · built-in"));
    assert!(lines.contains(" → cat · rep 1 · as drawn"));
    assert!(lines.ends_with(" q quit · Space pause"));
}

#[test]
fn every_other_two_reps_show_the_other_side() {
    let t0 = Instant::now();
    let bends = player("side-bends", false, t0);
    // Four key poses at 1.5 s: a rep is 6 s; reps 3 and 4 are the other side.
    let rep3 = text(&screen(&bends, 80, 24, t0 + ms(12_500)));
    assert!(rep3.contains("rep 3 · mirrored: the other side"), "{rep3}");
    let rolls = player("shoulder-rolls", false, t0);
    let rep3 = text(&screen(&rolls, 80, 24, t0 + ms(12_500)));
    assert!(rep3.contains("rep 3 · reversed: the other way"), "{rep3}");
}

#[test]
fn keys_quit_pause_and_suspend() {
    let t0 = Instant::now();
    let mut p = player("cat-cow", false, t0);
    let none = KeyModifiers::NONE;
    assert!(p.next_wakeup(t0, SCREEN).is_some());
    assert_eq!(
        p.key(&key(KeyCode::Char(' '), none), t0 + ms(100)),
        Reply::Continue
    );
    assert_eq!(
        p.next_wakeup(t0 + ms(200), SCREEN),
        None,
        "paused: nothing moves"
    );
    assert!(text(&screen(&p, 80, 24, t0 + ms(5000))).contains("· paused"));
    p.key(&key(KeyCode::Char(' '), none), t0 + ms(300));
    assert!(p.next_wakeup(t0 + ms(400), SCREEN).is_some());
    // A key's release is not a press.
    let mut release = key(KeyCode::Char('q'), none);
    release.kind = KeyEventKind::Release;
    assert_eq!(p.key(&release, t0), Reply::Continue);
    assert_eq!(p.key(&key(KeyCode::Char('x'), none), t0), Reply::Continue);
    assert_eq!(p.key(&key(KeyCode::Char('q'), none), t0), Reply::Quit(0));
    assert_eq!(p.key(&key(KeyCode::Esc, none), t0), Reply::Quit(0));
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(p.key(&key(KeyCode::Char('c'), ctrl), t0), Reply::Quit(130));
    assert_eq!(p.key(&key(KeyCode::Char('z'), ctrl), t0), Reply::Suspend);
}

#[test]
fn a_still_figure_or_still_mode_never_asks_for_frames() {
    let t0 = Instant::now();
    let still = player("cat-cow", true, t0);
    assert_eq!(still.next_wakeup(t0, SCREEN), None);
    let shown = text(&screen(&still, 80, 24, t0 + ms(900)));
    assert!(shown.contains("still pose: tabletop"), "{shown}");
    assert!(!shown.contains("Space"), "nothing to pause");
    let plank = player("plank", false, t0);
    assert_eq!(plank.next_wakeup(t0, SCREEN), None);
}

#[test]
fn every_size_draws_without_panicking() {
    let t0 = Instant::now();
    let p = player("dead-bug", false, t0);
    for w in 0..=40 {
        for h in 0..=14 {
            screen(&p, w, h, t0 + ms(u64::from(w) * 97));
        }
    }
}
