//! Drawing the coach: the screen underneath, the status and key hints, the box on top, and
//! where the move's figure went (so its next frame is asked for where it is drawn). Reads
//! the app, never changes it (but for remembering that place).

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{App, Overlay, Screen};
use crate::figure::FRAME;
use crate::session::Session;
use crate::text::wrap;
use crate::tui::keymap::{self, Action, Hint, Mode};
use crate::tui::overlays;
use crate::tui::session as screen;
use crate::tui::widgets::hints;

impl App {
    /// Where the last frame drew the move's figure, if it drew one.
    pub fn figure_area(&self) -> Option<Rect> {
        self.figure_at.get()
    }

    /// When the moving figure's drawing next changes, after the frame drawn at `now`; `None`
    /// while no figure moves (or none is drawn), so a hold still wakes once a second.
    pub fn next_frame(&self, now: Instant) -> Option<Instant> {
        let session = self.session().filter(|_| self.overlay.is_none())?;
        let area = self.figure_at.get()?;
        let frame = self.stage(session, now)?.next_frame(now, area)?;
        // A frame due just before the screen's own next change waits for it: one wake-up
        // draws both (the figure a frame late at most).
        match session.next_wakeup() {
            Some(change) if change <= frame + FRAME => None,
            _ => Some(frame),
        }
    }

    fn stage<'a>(&'a self, session: &'a Session, now: Instant) -> Option<screen::Stage<'a>> {
        let view = session.view(now);
        let motion = self.options.motion;
        screen::Stage::new(session, &view, &self.figures, motion, self.marker, now)
    }

    /// The footer hints for the current mode.
    fn hints(&self, now: Instant) -> Vec<Hint> {
        match (self.mode(), &self.screen) {
            (Mode::Session, Screen::Session(s)) => screen::hints(&s.view(now)),
            // Starting is what the list is for: Enter stays when the line is short.
            (Mode::Picker, _) => keymap::hints(Mode::Picker, |action| match action {
                Action::Start => Some(Some("start")),
                Action::FilterClear => self.picker.is_filtered().then_some(None),
                _ => Some(None),
            }),
            // The digits answer the question: they stay when the line is short.
            (Mode::CheckIn, Screen::Summary(s)) => {
                keymap::hints(Mode::CheckIn, |action| match action {
                    Action::Score(_) => Some(Some("answer")),
                    Action::Answer => s.chosen().is_some().then_some(None),
                    _ => Some(None),
                })
            }
            (mode, _) => keymap::hints(mode, |_| Some(None)),
        }
    }

    /// A frame that only moves the figure (nothing else has changed since the last `draw`):
    /// the last frame without its figure, and the figure at `now` on it. A full `draw` when
    /// there is no such frame to start from.
    pub fn draw_moving(&self, frame: &mut Frame, now: Instant) {
        let base = self.base.borrow();
        let stage = self.session().and_then(|s| self.stage(s, now));
        match (base.as_ref(), stage) {
            (Some((figure, under)), Some(stage)) if under.area == frame.area() => {
                let buf = frame.buffer_mut();
                buf.content.clone_from(&under.content);
                stage.widget(&self.options.theme).render(*figure, buf);
                self.glyphs.fold(buf);
            }
            _ => {
                drop(base);
                self.draw(frame, now);
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, now: Instant) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        let theme = &self.options.theme;
        let mut figure = None;
        // The status takes two lines when it needs them and the screen can spare them.
        let text = match (self.note, &self.status) {
            (Some((note, _)), _) => Some(format!("· {note}")),
            (None, Some(warning)) => Some(format!("⚠ {warning}")),
            (None, None) => None,
        };
        let status = match (text, area.height) {
            (Some(text), 6..) => {
                let lines = wrap(&text, usize::from(area.width.saturating_sub(2)));
                let keep = if area.height >= 12 { 2 } else { 1 };
                lines.into_iter().take(keep).collect()
            }
            _ => Vec::new(),
        };
        // The session screen ranks the status with its own parts (after the form cues);
        // elsewhere it sits over the footer.
        let (status, session_status) = match &self.screen {
            Screen::Session(_) => (Vec::new(), status),
            _ => (status, Vec::new()),
        };
        // From five rows the footer keeps its row: how to get help and out is never lost.
        let footer = match area.height {
            0..=4 => 0,
            _ => 1 + status.len() as u16,
        };
        let body = Rect {
            height: area.height - footer,
            ..area
        };
        match &self.screen {
            Screen::Picker => {
                self.figure_at.set(None);
                self.picker.draw(body, buf, theme);
            }
            Screen::Session(s) => {
                let stage = self.stage(s, now);
                let status = (session_status.as_slice(), theme.warning());
                let at = screen::draw(&s.view(now), stage.as_ref(), body, buf, theme, status);
                self.figure_at.set(at);
                figure = stage.zip(at);
            }
            Screen::Summary(s) => {
                self.figure_at.set(None);
                s.draw(body, buf, theme);
            }
        }
        if footer > 0 {
            let mut y = body.bottom();
            for line in status {
                Line::styled(format!(" {line}"), theme.warning())
                    .render(Rect::new(area.x, y, area.width, 1), buf);
                y += 1;
            }
            hints(theme, &self.hints(now), area.width)
                .render(Rect::new(area.x, y, area.width, 1), buf);
        }
        // The figure last, on a copy of the rest when it moves: its next frames start there.
        let mut base = self.base.borrow_mut();
        *base = None;
        if let Some((stage, at)) = figure {
            if self.overlay.is_none() && stage.moves() {
                *base = Some((at, buf.clone()));
            }
            stage.widget(theme).render(at, buf);
        }
        drop(base);
        let mode_keys = |mode| keymap::hints(mode, |_| Some(None));
        match (self.overlay, &self.screen) {
            (Some(Overlay::Help { scroll, .. }), screen) => {
                let first = match screen {
                    Screen::Picker => "Routine list",
                    Screen::Session(_) => "During a session",
                    Screen::Summary(s) if s.asking() => "Check-in",
                    Screen::Summary(_) => "Summary",
                };
                let paused = matches!(screen, Screen::Session(_));
                let room = overlays::help(area, buf, theme, first, paused, scroll);
                self.help_room.set(room);
            }
            (Some(Overlay::Confirm { .. }), _) => {
                overlays::confirm_quit(area, buf, theme, &mode_keys(Mode::Confirm));
            }
            (None, _) if self.notice.is_some() => {
                let text = self.notice.as_deref().unwrap_or_default();
                overlays::notice(area, buf, theme, text, &mode_keys(Mode::Notice));
            }
            (None, Screen::Picker) if self.offer.is_some() => {
                let text = self.resume_question().unwrap_or_default();
                let keys = mode_keys(Mode::Resume);
                overlays::titled(area, buf, theme, "Unfinished session", &text, &keys);
            }
            (None, Screen::Session(s)) if s.is_paused() => {
                let view = s.view(now);
                let keys: Vec<_> = screen::hints(&view)
                    .into_iter()
                    .filter(|h| ["Space", "n", "b", "q"].contains(&h.keys))
                    .collect();
                // Over the screen but not the footer: its keys stay in sight.
                overlays::paused(body, buf, theme, &|w| screen::paused_line(&view, w), &keys);
            }
            _ => {}
        }
        self.glyphs.fold(buf);
    }
}
