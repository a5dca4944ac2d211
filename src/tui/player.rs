//! `limberup figures ID`: one figure played full screen so its author can watch it move, at
//! a steady tempo and on the other side (or the other way) every two reps. Space pauses, q
//! quits; frames come only while the figure moves, at most `MAX_FPS` a second.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::figure::{FigureWidget, MIN_SIZE, units_per_dot};
use super::glyphs::Glyphs;
use super::keymap::{Hint, Keep};
use super::terminal::{self, Input};
use super::theme::Theme;
use super::widgets::hints;
use crate::app::Context;
use crate::cli::CoachArgs;
use crate::figure::{Beat, Entry, PassMode, Playback, View};
use crate::front::{Mailbox, Msg, Signal};
use crate::text::ellipsize;

/// The time per key pose when no `--tempo` is given: slow enough to see each pose.
const SECS_PER_POSE: f64 = 1.5;

/// What a key asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Continue,
    Quit(u8),
    Suspend,
}

/// A figure being played, and how it is drawn.
pub struct Player {
    entry: Entry,
    playback: Playback,
    still: bool,
    theme: Theme,
    marker: Marker,
    /// The lines under the figure: the figure's description, or a move's card.
    about: Vec<String>,
}

impl Player {
    /// Plays `entry` from `now`, a rep every `rep` (`None`: 1.5 s per key pose); `still`
    /// shows the still pose only.
    pub fn new(
        entry: Entry,
        rep: Option<Duration>,
        still: bool,
        theme: Theme,
        marker: Marker,
        now: Instant,
    ) -> Player {
        let poses = entry.figure.motion().count().max(1);
        let rep = rep.unwrap_or_else(|| Duration::from_secs_f64(SECS_PER_POSE * poses as f64));
        Player {
            playback: Playback::new(&entry.figure, rep, now),
            about: vec![entry.figure.description.clone()],
            entry,
            still,
            theme,
            marker,
        }
    }

    /// This player with `about` under the figure instead of its description (a move's
    /// cues, dose and sources).
    pub fn with_about(mut self, about: Vec<String>) -> Player {
        self.about = about;
        self
    }

    /// How many `about` lines a screen of `area` shows: all that leave the figure room.
    fn about_rows(&self, area: Rect) -> u16 {
        let lines = u16::try_from(self.about.len()).unwrap_or(u16::MAX);
        area.height.saturating_sub(MIN_SIZE.1 + 3).min(lines)
    }

    pub fn key(&mut self, key: &KeyEvent, now: Instant) -> Reply {
        if key.kind != KeyEventKind::Press {
            return Reply::Continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => Reply::Quit(130),
            KeyCode::Char('z') if ctrl => Reply::Suspend,
            KeyCode::Char('q') | KeyCode::Esc => Reply::Quit(0),
            KeyCode::Char(' ') | KeyCode::Char('p') => {
                self.playback.toggle_pause(now);
                Reply::Continue
            }
            _ => Reply::Continue,
        }
    }

    /// Pauses unless already paused (before a suspend: `fg` comes back paused).
    pub(crate) fn hold(&mut self, now: Instant) {
        if !self.playback.is_paused() {
            self.playback.toggle_pause(now);
        }
    }

    /// When the next frame is due on a screen of `area`: when the figure will have moved a
    /// dot; `None` while nothing moves.
    pub fn next_wakeup(&self, now: Instant, area: Rect) -> Option<Instant> {
        if self.still {
            return None;
        }
        let figure = &self.entry.figure;
        let dot = units_per_dot(
            figure.frame(),
            stage(area, self.about_rows(area))?,
            self.marker,
        );
        self.playback.next_frame(now, figure, self.mode(now), dot)
    }

    fn beat(&self, now: Instant) -> Option<Beat> {
        (!self.still).then(|| self.playback.beat(now)).flatten()
    }

    fn mode(&self, now: Instant) -> PassMode {
        self.entry.figure.pass_mode(self.playback.pass(now))
    }

    /// What the status line says: where the figure is heading, the rep and the pass.
    fn status(&self, now: Instant) -> String {
        let figure = &self.entry.figure;
        let mode = self.mode(now);
        let beat = self.beat(now);
        let pass = match mode {
            PassMode::AsDrawn => "as drawn",
            PassMode::Mirrored => "mirrored: the other side",
            PassMode::Reversed => "reversed: the other way",
        };
        match beat {
            None => format!("still pose: {}", figure.still_name()),
            Some(_) => {
                let paused = if self.playback.is_paused() {
                    " · paused"
                } else {
                    ""
                };
                format!(
                    "→ {} · rep {} · {pass}{paused}",
                    figure.heading(beat, mode),
                    self.playback.rep(now)
                )
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, now: Instant) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        let theme = &self.theme;
        let figure = &self.entry.figure;
        let view = match figure.view {
            View::Side => "side view",
            View::Front => "front view",
        };
        let title = format!(
            " {} · {} · {view} · {}",
            figure.name, self.entry.id, self.entry.source
        );
        put(
            buf,
            area,
            area.y,
            Line::styled(ellipsize(&title, usize::from(area.width)), theme.strong()),
        );
        let hint = |keys, words, keep| Hint { keys, words, keep };
        let keys = [
            hint("q", "quit", Keep::Always),
            hint("Space", "pause", Keep::Normal),
        ];
        let keys = if self.still { &keys[..1] } else { &keys[..] };
        put(
            buf,
            area,
            area.bottom().saturating_sub(1),
            hints(theme, keys, area.width),
        );
        let rows = self.about_rows(area);
        let Some(stage) = stage(area, rows) else {
            return;
        };
        let status = format!(" {}", self.status(now));
        put(
            buf,
            area,
            area.bottom() - 2 - rows,
            Line::from(Span::raw(ellipsize(&status, usize::from(area.width)))),
        );
        for (i, line) in self.about.iter().take(usize::from(rows)).enumerate() {
            let about = format!(" {line}");
            put(
                buf,
                area,
                area.bottom() - 1 - rows + i as u16,
                Line::styled(ellipsize(&about, usize::from(area.width)), theme.dim()),
            );
        }
        let pose = figure.pose_at(self.beat(now), self.mode(now));
        let trails = figure.trails(self.beat(now), self.mode(now));
        FigureWidget {
            pose: &pose,
            trails: &trails,
            frame: figure.frame(),
            view: figure.view,
            marker: self.marker,
            ink: theme.figure_ink(),
        }
        .render(stage, buf);
    }
}

/// Where the figure goes on a screen of `area`: under the title, above the status, the
/// `about` rows and the keys; `None` when that leaves too little to draw in.
fn stage(area: Rect, about: u16) -> Option<Rect> {
    (area.height >= MIN_SIZE.1 + 3 + about.max(1)).then(|| {
        Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height - 3 - about,
        )
    })
}

/// Draws `content` on row `y` of `area`, if there is one.
fn put(buf: &mut Buffer, area: Rect, y: u16, content: Line) {
    if y >= area.y && y < area.bottom() {
        content.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Keys waiting to be read at most; the loop reads one per frame.
const INPUT_QUEUE: usize = 64;

/// Plays `entry` until q (exit 0), Ctrl-C (130) or a signal (128 + it).
pub fn play(
    ctx: &Context,
    coach: &CoachArgs,
    entry: Entry,
    tempo: Option<f64>,
    about: Option<Vec<String>>,
) -> anyhow::Result<u8> {
    let theme = Theme::from_env(ctx.config.theme);
    let glyphs = Glyphs::from_env();
    let marker = glyphs.marker(std::env::var("TERM").ok().as_deref());
    let still = coach.still || !ctx.config.motion;
    let rep = tempo.map(Duration::from_secs_f64);
    let mailbox = Mailbox::open(INPUT_QUEUE).context("cannot catch signals")?;
    let _guard = terminal::Guard;
    let mut term = terminal::enter_fixed().context("cannot set up the terminal")?;
    terminal::forward_input(mailbox.inbox()).context("cannot read the keyboard")?;
    let mut player = Player::new(entry, rep, still, theme, marker, Instant::now());
    if let Some(about) = about {
        player = player.with_about(about);
    }
    let code = loop {
        let now = Instant::now();
        // The size the frame was drawn at: asking the terminal again costs a /dev/tty open.
        let mut area = Rect::default();
        if let Err(e) = term.draw(|frame| {
            area = frame.area();
            player.draw(frame, now);
            glyphs.fold(frame.buffer_mut());
        }) {
            terminal::restore();
            return Err(e).context("lost the terminal");
        }
        let reply = match mailbox.wait(player.next_wakeup(Instant::now(), area)) {
            Some(Msg::Input(Input::Event(Event::Key(key)))) => player.key(&key, Instant::now()),
            Some(Msg::Input(Input::Event(Event::Resize(width, height)))) => {
                term.resize(Rect::new(0, 0, width, height))
                    .context("lost the terminal")?;
                Reply::Continue
            }
            Some(Msg::Signal(Signal::Suspend)) => Reply::Suspend,
            Some(Msg::Signal(Signal::Continue)) => {
                let _ = terminal::redraw_all(&mut term);
                Reply::Continue
            }
            Some(Msg::Signal(Signal::Stop(sig))) => {
                Reply::Quit(crate::front::shell::stop_status(sig))
            }
            Some(Msg::Input(Input::Gone(_))) => Reply::Quit(1),
            Some(Msg::Input(Input::Event(_))) | None => Reply::Continue,
        };
        match reply {
            Reply::Continue => {}
            Reply::Quit(code) => break code,
            Reply::Suspend => {
                player.hold(Instant::now());
                terminal::suspend(&mut term).context("cannot suspend")?;
            }
        }
    };
    terminal::restore();
    terminal::release(term);
    Ok(code)
}
