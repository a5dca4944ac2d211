//! The event loop: sleep until the session's next visible change, a key or a signal; apply
//! it; draw once if anything changed; carry out the app's effects (cues, saves), the cue
//! after the frame so the sound and the screen change together and start-up never waits.

use std::time::{Duration, Instant, SystemTime};

use anyhow::Context as _;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::app::{App, Effect, Options};
use super::glyphs::Glyphs;
use super::keymap::Action;
use super::picker;
use super::terminal::{self, Input, Term};
use super::theme::Theme;
use crate::app::Context;
use crate::cli::CoachArgs;
use crate::cues::Cue;
use crate::front::resume::{self, Resumable};
use crate::front::{self, Announcer, Mailbox, Signal};
use crate::history::Line;
use crate::routine::Lineup;

/// The gap between the two bells of the end.
const DOUBLE_BELL_GAP: Duration = Duration::from_millis(200);

/// Terminal events that may wait for the loop (a paste arrives as many at once); the
/// reader waits beyond that, and the loop handles at most this many between two draws.
const INPUT_QUEUE: usize = 256;

type Msg = front::Msg<Input>;

/// Where the coach opens.
pub enum Start {
    /// The picker; it asks first whether to take up a session that ended part-way lately.
    Picker,
    Lineup(Box<Lineup>),
    Resume(Box<Resumable>),
}

/// Runs the coach until the user leaves; returns the exit code (128 + signal after one).
pub fn run(ctx: &Context, coach: &CoachArgs, start: Start) -> anyhow::Result<u8> {
    let config = &ctx.config;
    let announcer = front::shell::announcer(ctx, coach);
    let options = Options {
        theme: Theme::from_env(config.theme),
        plan: ctx.plan_options(coach.scale),
        sound: announcer.sounds(),
        speech: announcer.speaks(),
        check_in: config.check_in,
        confirm_quit: config.confirm_quit,
        motion: config.motion && !coach.still,
    };
    let mut app = App::new(
        options,
        ctx.catalog.entries.clone(),
        Box::new(crate::wallclock::now),
    );
    let routines_dir = ctx.paths.routines_dir();
    app.set_errors(
        ctx.catalog
            .errors
            .iter()
            .map(|e| picker::shown_error(e, routines_dir.as_deref()))
            .collect(),
    );
    app.set_progress(&crate::progress::read_known(ctx));
    if let Some(note) = ctx.pain_notice() {
        app.set_notice(note);
    }
    if let (Start::Picker, Some(hint)) = (&start, announcer.hint()) {
        app.warn(hint.to_string());
    }
    let term_name = std::env::var("TERM").ok();
    let glyphs = Glyphs::from_env();
    app.set_figures(ctx.figures.clone(), glyphs.marker(term_name.as_deref()));
    app.set_glyphs(glyphs);
    app.set_moves(&ctx.moves);
    app.keep_resume_in(ctx.paths.resume_dir());
    app.publish_to(crate::front::Reach::of(ctx));
    if let Start::Picker = start {
        match offer(ctx) {
            Ok(Some(resumable)) => app.offer_resume(resumable),
            Ok(None) => {}
            Err(warning) => app.warn(warning),
        }
    }

    let mailbox = Mailbox::open(INPUT_QUEUE).context("cannot catch signals")?;
    let _guard = terminal::Guard;
    let term = terminal::enter_fixed().context("cannot set up the terminal")?;
    terminal::forward_input(mailbox.inbox()).context("cannot read the keyboard")?;
    match start {
        Start::Picker => {}
        Start::Lineup(lineup) => app.start_lineup(&lineup, Instant::now()),
        Start::Resume(resumable) => app.resume(&resumable, Instant::now()),
    }

    let mut out = Loop {
        ctx,
        term,
        announcer,
        cue: None,
        second_bell: None,
        errors: Vec::new(),
    };
    let code = match front::catch(|| out.run(&mut app, &mailbox)) {
        Ok(code) => code,
        Err(crash) => {
            terminal::restore();
            crash.salvage(ctx, || {
                app.interrupt(Instant::now(), front::CRASH_EXIT);
                app.take_effects()
                    .into_iter()
                    .find_map(|effect| match effect {
                        Effect::Save(record) => Some(*record),
                        _ => None,
                    })
            })
        }
    };
    terminal::restore();
    terminal::release(out.term);
    for e in &out.errors {
        crate::text::say(e);
    }
    // Stopped by Ctrl-C or a signal: how to go on is the one thing left to say.
    if code > 128 && app.resumable() {
        crate::text::say(front::RESUME_HINT);
    }
    Ok(code)
}

/// The session the picker offers to take up: one that ended part-way less than
/// `resume::FRESH` ago and whose routines are unchanged (else none, silently: `limberup
/// resume` says why). `Err` is a warning about a resume file that cannot be read.
fn offer(ctx: &Context) -> Result<Option<Resumable>, String> {
    let Some(dir) = ctx.paths.resume_dir() else {
        return Ok(None);
    };
    let (state, warnings) = resume::latest(&dir);
    if let Some(warning) = warnings.into_iter().next() {
        return Err(warning);
    }
    let state = state
        .filter(|s| resume::is_fresh(s.written_at, crate::wallclock::utc_of(SystemTime::now()).0));
    Ok(state.and_then(|state| Resumable::check(state, ctx).ok()))
}

struct Loop<'a> {
    ctx: &'a Context,
    term: Term,
    announcer: Announcer,
    /// The cue to give once the frame is drawn.
    cue: Option<Cue>,
    /// When the second bell of the end is due.
    second_bell: Option<Instant>,
    /// Problems to print once the terminal is back to normal.
    errors: Vec<String>,
}

impl Loop<'_> {
    fn run(&mut self, app: &mut App, mailbox: &Mailbox<Input>) -> u8 {
        let mut dirty = true;
        // Only the figure's next frame is due: nothing else changed since the last draw.
        let mut moving = false;
        loop {
            let now = Instant::now();
            app.tick(now);
            dirty |= self.perform(app);
            if let Some(code) = app.exit() {
                // The last words ("Session ended") are said; sounds stop with the player.
                self.announce(app);
                return code;
            }
            if dirty || moving {
                let drawn = if dirty {
                    self.term.draw(|frame| app.draw(frame, now))
                } else {
                    self.term.draw(|frame| app.draw_moving(frame, now))
                };
                if let Err(e) = drawn {
                    self.errors.push(format!("lost the terminal: {e}"));
                    app.interrupt(now, 1);
                    self.perform(app);
                    return 1;
                }
                dirty = false;
                moving = false;
                if app.session().is_some() {
                    front::fault_point();
                }
            }
            // After the first frame, which need not wait for the player's files.
            self.announcer.ready();
            if self.announce(app) {
                // A warning to show now.
                dirty = true;
                continue;
            }
            let app_wake = app.next_wakeup();
            // A moving figure's next frame (none during holds: they wake once a second).
            let frame = app.next_frame(now);
            let wake = [app_wake, self.second_bell, frame]
                .into_iter()
                .flatten()
                .min();
            let msg = mailbox.wait(wake);
            if let Some(due) = app_wake {
                dirty |= app.woke(due, Instant::now());
            }
            match msg {
                Some(msg) => {
                    dirty |= self.handle(app, msg);
                    for _ in 1..INPUT_QUEUE {
                        let Some(msg) = mailbox.try_next() else { break };
                        dirty |= self.handle(app, msg);
                    }
                }
                None => {
                    let now = Instant::now();
                    if self.second_bell.is_some_and(|t| t <= now) {
                        self.second_bell = None;
                        terminal::bell(&mut self.term);
                    }
                    dirty |= app_wake.is_some_and(|t| t <= now);
                    moving = frame.is_some_and(|t| t <= now);
                }
            }
        }
    }

    /// Applies one message; returns whether the screen may have changed.
    fn handle(&mut self, app: &mut App, msg: Msg) -> bool {
        let now = Instant::now();
        match msg {
            Msg::Input(Input::Event(Event::Key(key))) => app.key(&key, now),
            Msg::Input(Input::Event(Event::Resize(width, height))) => {
                // The viewport is fixed (no size query per frame): it follows the terminal here.
                let _ = self.term.resize(Rect::new(0, 0, width, height));
            }
            Msg::Input(Input::Event(_)) => return false,
            Msg::Signal(Signal::Suspend) => app.act(Action::Suspend, now),
            Msg::Signal(Signal::Continue) => {
                // Whoever stopped us may have drawn over the screen.
                let _ = terminal::redraw_all(&mut self.term);
            }
            Msg::Signal(Signal::Stop(sig)) => app.signal(sig, now),
            Msg::Input(Input::Gone(e)) => {
                self.errors
                    .push(format!("the terminal stopped giving input: {e}"));
                app.interrupt(now, 1);
            }
        }
        true
    }

    /// Appends `line` to the history, showing a wait for another writer's lock while it
    /// lasts; returns whether the status line changed.
    fn save(&mut self, app: &mut App, line: Line<'_>, what: &str) -> bool {
        let term = &mut self.term;
        let mut waited = false;
        let saved = self.ctx.save(line, &mut |message| {
            waited = true;
            app.warn(message);
            let _ = term.draw(|frame| app.draw(frame, Instant::now()));
        });
        match saved {
            Ok(true) if waited => {
                app.warn(format!(
                    "{what} was saved after waiting for the history's lock"
                ));
                true
            }
            Ok(false) => {
                app.warn(format!(
                    "{what} was saved without the history's lock: another process held it \
                     too long"
                ));
                true
            }
            Ok(true) => false,
            Err(e) => {
                let text = format!("{what} was not saved: {}", e.describe());
                self.errors.push(text.clone());
                app.warn(text);
                true
            }
        }
    }

    /// Gives the waiting cue, ringing the bell where that is its sound. Returns whether
    /// there is a warning to show.
    fn announce(&mut self, app: &mut App) -> bool {
        if let Some(cue) = self.cue.take() {
            let bells = self.announcer.announce(cue);
            if bells > 0 {
                terminal::bell(&mut self.term);
            }
            if bells > 1 {
                self.second_bell = Some(Instant::now() + DOUBLE_BELL_GAP);
            }
        }
        let warnings = self.announcer.take_warnings();
        let shown = !warnings.is_empty();
        for warning in warnings {
            app.warn(warning);
        }
        shown
    }

    /// Reads where the routines stand again after a save: the picker's levels and the
    /// summary's next session follow the history.
    fn progress(&mut self, app: &mut App) {
        app.set_progress(&crate::progress::read_known(self.ctx));
    }

    /// Carries out the app's effects; returns whether the screen changed.
    fn perform(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        for effect in app.take_effects() {
            match effect {
                Effect::Cue(cue) => {
                    self.cue = Some(match self.cue.take() {
                        Some(waiting) => waiting.then(cue),
                        None => cue,
                    });
                }
                Effect::Save(record) => {
                    self.save(app, Line::Session(&record), "the session");
                    self.progress(app);
                    changed = true;
                }
                Effect::SaveCheckIn(answer) => {
                    self.save(app, Line::CheckIn(&answer), "the check-in");
                    self.progress(app);
                    changed = true;
                }
                Effect::Suspend => {
                    if let Err(e) = terminal::suspend(&mut self.term) {
                        self.errors.push(format!("cannot suspend: {e}"));
                    }
                    changed = true;
                }
            }
        }
        changed
    }
}
