//! The event loop: sleep until the session's next visible change, a key or a signal; apply
//! it; draw once if anything changed; carry out the app's effects (bells, speech, saves).

use std::io::Write as _;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::Local;
use ratatui::crossterm::event::Event;
use signal_hook::consts::{SIGCONT, SIGTSTP};

use super::app::{App, Effect, Options};
use super::keymap::Action;
use super::terminal::{self, Msg, Term};
use super::theme::Theme;
use crate::app::Context;
use crate::cli::CoachArgs;
use crate::cues::Sound;
use crate::routine::Entry;
use crate::speech::Speaker;

/// The gap between the two bells of the end.
const DOUBLE_BELL_GAP: Duration = Duration::from_millis(200);

/// Where the coach opens.
pub enum Start {
    Picker,
    Routine(Box<Entry>),
}

/// Runs the coach until the user leaves; returns the exit code (128 + signal after one).
pub fn run(ctx: &Context, coach: &CoachArgs, start: Start) -> anyhow::Result<u8> {
    let config = &ctx.config;
    let options = Options {
        theme: Theme::from_env(config.theme),
        plan: ctx.plan_options(coach.scale),
        sound: config.bell && !coach.quiet,
        speech: coach.speak || config.speech.is_some(),
        check_in: config.check_in,
        confirm_quit: config.confirm_quit,
        motion: config.motion && !coach.still,
    };
    let speaker = options.speech.then(|| {
        Speaker::new(
            config
                .speech
                .clone()
                .unwrap_or_else(|| vec!["espeak-ng".to_string()]),
        )
    });
    let mut app = App::new(
        options,
        ctx.catalog.entries.clone(),
        Box::new(|| Local::now().fixed_offset()),
    );
    app.set_errors(
        ctx.catalog
            .errors
            .iter()
            .map(|e| e.to_string().lines().next().unwrap_or_default().to_string())
            .collect(),
    );
    if let Some(note) = ctx.pain_notice() {
        app.set_notice(note);
    }

    let (tx, rx) = terminal::channel_with_signals().context("cannot catch signals")?;
    let _guard = terminal::Guard;
    let term = terminal::enter().context("cannot set up the terminal")?;
    terminal::forward_input(tx).context("cannot read the keyboard")?;
    if let Start::Routine(entry) = start {
        app.start(&entry, Instant::now());
    }

    let mut out = Loop {
        ctx,
        term,
        speaker,
        second_bell: None,
        errors: Vec::new(),
    };
    let code = out.run(&mut app, &rx);
    terminal::restore();
    terminal::release(out.term);
    // Not `eprintln!`: it panics when stderr is a terminal that has gone (SIGHUP).
    let mut stderr = std::io::stderr().lock();
    for e in &out.errors {
        let _ = writeln!(stderr, "limberup: {e}");
    }
    Ok(code)
}

struct Loop<'a> {
    ctx: &'a Context,
    term: Term,
    speaker: Option<Speaker>,
    /// When the second bell of the end is due.
    second_bell: Option<Instant>,
    /// Problems to print once the terminal is back to normal.
    errors: Vec<String>,
}

impl Loop<'_> {
    fn run(&mut self, app: &mut App, rx: &std::sync::mpsc::Receiver<Msg>) -> u8 {
        let mut dirty = true;
        loop {
            let now = Instant::now();
            app.tick(now);
            dirty |= self.perform(app);
            if let Some(code) = app.exit() {
                return code;
            }
            if dirty {
                if let Err(e) = self.term.draw(|frame| app.draw(frame, now)) {
                    self.errors.push(format!("lost the terminal: {e}"));
                    app.interrupt(now, 1);
                    self.perform(app);
                    return 1;
                }
                dirty = false;
                #[cfg(feature = "fault-injection")]
                if app.session().is_some() && std::env::var_os("LIMBERUP_FAULT").is_some() {
                    panic!("injected fault (LIMBERUP_FAULT)");
                }
            }
            let app_wake = app.next_wakeup();
            let wake = match (app_wake, self.second_bell) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let first = match wake {
                Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match first {
                Ok(msg) => {
                    dirty |= self.handle(app, msg);
                    while let Ok(msg) = rx.try_recv() {
                        dirty |= self.handle(app, msg);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let now = Instant::now();
                    if self.second_bell.is_some_and(|t| t <= now) {
                        self.second_bell = None;
                        terminal::bell(&mut self.term);
                    }
                    dirty |= app_wake.is_some_and(|t| t <= now);
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.errors.push("lost the input and signal threads".into());
                    app.interrupt(now, 1);
                    self.perform(app);
                    return 1;
                }
            }
        }
    }

    /// Applies one message; returns whether the screen may have changed.
    fn handle(&mut self, app: &mut App, msg: Msg) -> bool {
        let now = Instant::now();
        match msg {
            Msg::Input(Event::Key(key)) => app.key(&key, now),
            Msg::Input(Event::Resize(..)) => {}
            Msg::Input(_) => return false,
            Msg::Signal(SIGTSTP) => app.act(Action::Suspend, now),
            Msg::Signal(SIGCONT) => {
                // Whoever stopped us may have drawn over the screen.
                let _ = terminal::redraw_all(&mut self.term);
            }
            Msg::Signal(sig) => app.signal(sig, now),
            Msg::InputGone(e) => {
                self.errors
                    .push(format!("the terminal stopped giving input: {e}"));
                app.interrupt(now, 1);
            }
        }
        true
    }

    /// Carries out the app's effects; returns whether the screen changed.
    fn perform(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        for effect in app.take_effects() {
            match effect {
                Effect::Sound(sound) => {
                    terminal::bell(&mut self.term);
                    if sound == Sound::End {
                        self.second_bell = Some(Instant::now() + DOUBLE_BELL_GAP);
                    }
                }
                Effect::Say(text) => {
                    if let Some(speaker) = &mut self.speaker {
                        speaker.say(&text);
                        if let Some(warning) = speaker.take_warning() {
                            app.warn(warning);
                            changed = true;
                        }
                    }
                }
                Effect::Save(record) => {
                    if let Err(e) = self.ctx.save(&record) {
                        let text = format!("the session was not saved: {e}");
                        self.errors.push(text.clone());
                        app.warn(text);
                        changed = true;
                    }
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
