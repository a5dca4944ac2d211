//! The coach's state: which screen is up (picker, session, summary), which overlay, and the
//! side effects the runner must carry out (cues to play and say, saves). Keys become actions via
//! the keymap, actions become machine commands; `draw` only reads.

use std::cell::{Cell, RefCell};
use std::time::Instant;

mod asked;
mod begin;
mod draw;
mod progress;

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;

use super::glyphs::Glyphs;
use super::keymap::{self, Action, Mode};
use super::picker::Picker;
use super::summary::Summary;
use super::theme::Theme;
use crate::cues::{self, Cue};
use crate::figure::Library;
use crate::front::Keeper;
use crate::front::resume::Resumable;
use crate::front::shell;
use crate::routine::Entry;
use crate::session::{Allowed, Command, Event, PlanOptions, Session, SessionRecord};

/// How the coach behaves, from the config and the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: Theme,
    pub plan: PlanOptions,
    /// Whether the runner plays sounds (cues carry none otherwise).
    pub sound: bool,
    /// Whether the runner speaks (cues carry no words otherwise).
    pub speech: bool,
    pub check_in: bool,
    pub confirm_quit: bool,
    /// Animate each move's figure (config `motion`, off with `--still`).
    pub motion: bool,
}

/// Something for the runner to do outside the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A sound to play and words to say; at most one among the effects taken at once.
    Cue(Cue),
    Save(Box<SessionRecord>),
    /// Append the check-in answer, once given (the record was saved at the session's end).
    SaveCheckIn(crate::checkin::Answer),
    /// Hand the terminal back and stop until SIGCONT.
    Suspend,
}

/// The wall clock, for the record's timestamps; tests give a fixed one.
pub type WallClock = Box<dyn Fn() -> DateTime<FixedOffset>>;

enum Screen {
    Picker,
    Session(Box<Session>),
    Summary(Box<Summary>),
}

/// A box over the screen; `resume` when opening it paused a running session, so closing
/// it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overlay {
    Help {
        resume: bool,
        /// Lines scrolled down, when the keys do not fit.
        scroll: u16,
    },
    /// Asking before quitting.
    Confirm { resume: bool },
}

pub struct App {
    options: Options,
    picker: Picker,
    screen: Screen,
    overlay: Option<Overlay>,
    notice: Option<String>,
    /// The notice paused the session: dismissing it resumes.
    resume_after_notice: bool,
    /// A warning (failed save, speech gone quiet) shown above the key hints.
    status: Option<String>,
    /// Why the last key did nothing, and what the keys did then: it stays until the next
    /// key, phase, part of a rep, or change in what the keys do (a range reached), since
    /// after that it is no longer true.
    note: Option<(&'static str, Allowed)>,
    /// The step in progress when the warning came: it is dropped when the next one starts,
    /// so a warning said once does not keep form cues off a small screen for the session.
    status_step: Option<usize>,
    effects: Vec<Effect>,
    exit: Option<u8>,
    wall: WallClock,
    /// The running session's identity and resume state.
    keeper: Option<Keeper>,
    /// Where the resume state goes (`None`: kept nowhere, as in tests).
    resume_dir: Option<std::path::PathBuf>,
    /// Where sessions publish their status and events (nowhere until the runner says).
    reach: crate::front::Reach,
    /// An unfinished session the picker offers to take up, asking first.
    offer: Option<Box<Resumable>>,
    /// The figures steps name, and the marker to draw them with.
    figures: Library,
    marker: Marker,
    /// What the locale can show: every frame is folded to it.
    glyphs: Glyphs,
    /// How far the help drawn last could scroll (what did not fit), so scrolling stops there.
    help_room: Cell<u16>,
    /// Where the last frame drew the figure: the next frame goes there too.
    figure_at: Cell<Option<Rect>>,
    /// The last frame without its moving figure, and where the figure goes on it: a frame
    /// that only moves the figure starts from it instead of drawing everything again.
    base: RefCell<Option<(Rect, Buffer)>>,
}

impl App {
    /// Opens on the picker.
    pub fn new(options: Options, routines: Vec<Entry>, wall: WallClock) -> App {
        App {
            picker: Picker::new(routines.iter().map(Entry::cleaned).collect(), &options.plan),
            options,
            screen: Screen::Picker,
            overlay: None,
            notice: None,
            resume_after_notice: false,
            status: None,
            note: None,
            status_step: None,
            effects: Vec::new(),
            exit: None,
            wall,
            keeper: None,
            resume_dir: None,
            reach: crate::front::Reach::default(),
            offer: None,
            figures: Library::default(),
            marker: Marker::Quadrant,
            glyphs: Glyphs::Unicode,
            help_room: Cell::new(0),
            figure_at: Cell::new(None),
            base: RefCell::new(None),
        }
    }

    /// The figures that show each move, drawn with `marker` (none until given).
    pub fn set_figures(&mut self, figures: Library, marker: Marker) {
        self.figures = figures;
        self.marker = marker;
    }

    /// Folds every frame to the glyphs the locale can show (figures are best drawn with
    /// `glyphs.marker`, which folds cleanly).
    pub fn set_glyphs(&mut self, glyphs: Glyphs) {
        self.glyphs = glyphs;
    }

    /// The moves the picker browses with `m`, each tried as a one-step session; their
    /// figures come from those given to `set_figures`.
    pub fn set_moves(&mut self, moves: &crate::moves::Library) {
        let rows = moves
            .entries
            .iter()
            .map(|entry| {
                let figure = self.figures.get(&entry.found.figure).cloned();
                (entry.trial().cleaned(), entry.search_words(), figure)
            })
            .collect();
        self.picker.set_moves(rows, &self.options.plan, self.marker);
    }

    /// A dismissable notice (persistent pain) over whatever comes first; a session started
    /// under it waits, paused, until it is read.
    pub fn set_notice(&mut self, text: String) {
        self.notice = Some(text);
    }

    /// Routine files that failed to load, shown under the list.
    pub fn set_errors(&mut self, errors: Vec<String>) {
        self.picker.errors = errors;
    }

    /// A warning for the status line.
    pub fn warn(&mut self, text: String) {
        self.status = Some(text);
        self.status_step = match &self.screen {
            Screen::Session(s) => Some(s.step_index()),
            _ => None,
        };
    }

    /// The exit code, once the app is done.
    pub fn exit(&self) -> Option<u8> {
        self.exit
    }

    /// Effects produced since the last call, in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The running session, if any.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            _ => None,
        }
    }

    pub fn summary(&self) -> Option<&Summary> {
        match &self.screen {
            Screen::Summary(s) => Some(s),
            _ => None,
        }
    }

    /// When the app next needs a `tick` to stay current; `None` to wait for input.
    pub fn next_wakeup(&self) -> Option<Instant> {
        self.session().and_then(Session::next_wakeup)
    }

    /// Moves the session's time to `now`.
    pub fn tick(&mut self, now: Instant) {
        if let Screen::Session(session) = &mut self.screen {
            let events = session.advance(now);
            self.apply(&events);
        }
    }

    /// The runner slept until `due` (a `next_wakeup`) and woke at `now`: far too late, the
    /// session pauses where it was due. Returns whether anything changed.
    pub fn woke(&mut self, due: Instant, now: Instant) -> bool {
        let stall = Command::after_sleep(due, now);
        if let Some(command) = stall {
            self.command(command, now);
        }
        stall.is_some()
    }

    fn mode(&self) -> Mode {
        match (self.overlay, &self.screen) {
            (Some(Overlay::Help { .. }), _) => Mode::Help,
            (Some(Overlay::Confirm { .. }), _) => Mode::Confirm,
            (None, _) if self.notice.is_some() => Mode::Notice,
            (None, Screen::Picker) if self.offer.is_some() => Mode::Resume,
            (None, Screen::Picker) if self.picker.is_typing() => Mode::Filter,
            (None, Screen::Picker) => Mode::Picker,
            (None, Screen::Session(_)) => Mode::Session,
            (None, Screen::Summary(s)) if s.asking() => Mode::CheckIn,
            (None, Screen::Summary(_)) => Mode::Summary,
        }
    }

    pub fn key(&mut self, key: &KeyEvent, now: Instant) {
        self.note = None;
        if let Some(action) = keymap::action(self.mode(), key) {
            self.act(action, now);
        }
    }

    /// A terminating signal: save what there is and leave with 128 + signal.
    pub fn signal(&mut self, signal: i32, now: Instant) {
        self.interrupt(now, shell::stop_status(signal));
    }

    pub fn act(&mut self, action: Action, now: Instant) {
        match action {
            Action::Interrupt => self.interrupt(now, 130),
            Action::Suspend => {
                self.command(Command::Pause, now);
                self.effects.push(Effect::Suspend);
            }
            Action::Help => {
                let resume = self.pause_for_overlay(now);
                self.overlay = Some(Overlay::Help { resume, scroll: 0 });
            }
            Action::Dismiss if matches!(self.overlay, Some(Overlay::Help { .. })) => {
                self.close_overlay(now);
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if self.mode() == Mode::Help =>
            {
                self.scroll_help(action);
            }
            Action::Dismiss => {
                self.notice = None;
                if std::mem::take(&mut self.resume_after_notice) {
                    self.command(Command::Resume, now);
                }
            }
            // Esc on the list clears a kept filter first, as while typing it: one Esc too
            // many must not close the coach.
            Action::FilterClear if self.mode() == Mode::Picker && !self.picker.is_filtered() => {
                self.quit(now);
            }
            Action::Quit => self.quit(now),
            Action::Yes if self.mode() == Mode::Resume => {
                if let Some(resumable) = self.offer.take() {
                    self.resume(&resumable, now);
                }
            }
            // Declined: the state stays for `limberup resume` until a new session starts.
            Action::No if self.mode() == Mode::Resume => self.offer = None,
            Action::Yes => {
                self.overlay = None;
                self.command(Command::Quit, now);
            }
            Action::No => self.close_overlay(now),
            Action::TogglePause => self.command(Command::TogglePause, now),
            Action::Advance => self.asked(Command::Advance, now),
            Action::Done => self.asked(Command::Done, now),
            Action::Repeat => self.asked(Command::Repeat, now),
            Action::AddSet => self.asked(Command::AddSet, now),
            Action::Next => self.command(Command::Next, now),
            Action::Previous => self.command(Command::Previous, now),
            Action::MoreTime => self.asked(Command::AddTime(10), now),
            Action::LessTime => self.asked(Command::AddTime(-10), now),
            Action::Start => match self.picker.chosen() {
                Some(Ok(lineup)) => self.start_lineup(&lineup, now),
                Some(Err(e)) => self.status = Some(e.to_string()),
                None => {}
            },
            Action::Back => {
                self.save_summary();
                self.screen = Screen::Picker;
                self.status = None;
            }
            Action::Score(n) => self.check_in(|s| s.answer(n)),
            Action::Answer => self.check_in(|s| {
                if let Some(n) = s.chosen() {
                    s.answer(n);
                }
            }),
            Action::SkipCheckIn => self.check_in(Summary::skip),
            Action::ScoreDown => self.check_in(|s| s.choose(-1)),
            Action::ScoreUp => self.check_in(|s| s.choose(1)),
            list => {
                self.picker.act(list);
            }
        }
    }

    /// Moves the help a line or a page, within what the last frame could not show.
    fn scroll_help(&mut self, action: Action) {
        if let Some(Overlay::Help { scroll, .. }) = &mut self.overlay {
            let by: i32 = match action {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -10,
                _ => 10,
            };
            let to = (i32::from(*scroll) + by).clamp(0, i32::from(self.help_room.get()));
            *scroll = to as u16;
        }
    }

    fn check_in(&mut self, f: impl FnOnce(&mut Summary)) {
        if let Screen::Summary(summary) = &mut self.screen {
            f(summary);
            if let Some(answer) = summary.take_answer((self.wall)()) {
                self.effects.push(Effect::SaveCheckIn(answer));
            }
        }
    }

    /// Pauses a running session under a box about to open; returns whether closing the box
    /// should resume it.
    fn pause_for_overlay(&mut self, now: Instant) -> bool {
        let running = self.session().is_some_and(|s| !s.is_paused());
        if running {
            self.command(Command::Pause, now);
        }
        running
    }

    /// Closes the box, resuming the session if opening it paused it.
    fn close_overlay(&mut self, now: Instant) {
        if let Some(Overlay::Help { resume, .. } | Overlay::Confirm { resume }) =
            self.overlay.take()
            && resume
        {
            self.command(Command::Resume, now);
        }
    }

    fn quit(&mut self, now: Instant) {
        match &self.screen {
            Screen::Session(_) if self.options.confirm_quit => {
                let resume = self.pause_for_overlay(now);
                self.overlay = Some(Overlay::Confirm { resume });
            }
            Screen::Session(_) => self.command(Command::Quit, now),
            Screen::Picker => self.exit = Some(0),
            Screen::Summary(_) => {
                self.save_summary();
                self.exit = Some(0);
            }
        }
    }

    /// Whether the session the app ran did not complete and its state is kept for resuming.
    pub fn resumable(&self) -> bool {
        self.keeper.as_ref().is_some_and(Keeper::kept)
    }

    /// Ends everything at once: the session (as interrupted) and the app, saving first.
    pub(crate) fn interrupt(&mut self, now: Instant, code: u8) {
        self.command(Command::Interrupt, now);
        self.save_summary();
        self.exit = Some(code);
    }

    fn command(&mut self, command: Command, now: Instant) {
        if let Screen::Session(session) = &mut self.screen {
            let events = session.handle(command, now);
            self.apply(&events);
        }
    }

    /// Turns machine events into a cue, and ends the session on `Finished`.
    fn apply(&mut self, events: &[Event]) {
        let Screen::Session(session) = &self.screen else {
            return;
        };
        let cue = cues::batch(events, session.plan());
        let changed = |e: &Event| {
            matches!(
                e,
                Event::Started(_) | Event::Beat { .. } | Event::LowerBoundReached { .. }
            )
        };
        if events.iter().any(changed)
            || self
                .note
                .is_some_and(|(_, allowed)| allowed != session.allowed())
        {
            self.note = None;
        }
        let moved_on =
            |e: &Event| matches!(e, Event::Started(s) if Some(s.step) != self.status_step);
        if self.status_step.is_some() && events.iter().any(moved_on) {
            self.status = None;
            self.status_step = None;
        }
        let wall = (self.wall)();
        let keeper = self.keeper.as_mut();
        if let Some(warning) = keeper.and_then(|k| k.track(session, events, wall)) {
            self.status = Some(warning);
            self.status_step = Some(session.step_index());
        }
        let ask = self.options.check_in;
        let finished = session.outcome().map(|_| match self.keeper.as_mut() {
            Some(keeper) => {
                let record = keeper.record(session, wall);
                // A session taken up after an earlier part asked the check-in asks none.
                let ask = ask && !keeper.asked_before();
                let warning = keeper.ended(&record, ask);
                let whole = keeper.whole(&record, session.plan());
                (record, whole, ask, warning)
            }
            None => {
                let record = session.record(wall).identified();
                (record.clone(), record, ask, None)
            }
        });
        self.cue(Cue {
            sound: cue.sound.filter(|_| self.options.sound),
            speech: cue.speech.filter(|_| self.options.speech),
        });
        if let Some((record, whole, ask, warning)) = finished {
            self.overlay = None;
            if warning.is_some() {
                self.status = warning;
            }
            let summary = Summary::new(record, ask).showing(whole);
            self.screen = Screen::Summary(Box::new(summary));
            // Now, not after the check-in: its question may wait forever.
            self.save_summary();
        }
    }

    /// Queues `cue`, as one with a cue already waiting for the runner: batches that fall
    /// due together (a key and a deadline) are one batch to the ear too (see `Cue::then`).
    fn cue(&mut self, cue: Cue) {
        if cue.is_empty() {
            return;
        }
        match self.effects.iter_mut().find_map(|e| match e {
            Effect::Cue(waiting) => Some(waiting),
            _ => None,
        }) {
            Some(waiting) => *waiting = std::mem::take(waiting).then(cue),
            None => self.effects.push(Effect::Cue(cue)),
        }
    }

    /// Hands the summary's record to the runner, once.
    fn save_summary(&mut self) {
        if let Screen::Summary(summary) = &mut self.screen
            && let Some(record) = summary.take_unsaved()
        {
            self.effects.push(Effect::Save(Box::new(record)));
        }
    }
}
