//! The plain-text coach: the same session machine as the TUI, one stamped line per change,
//! commands read as lines from stdin. For scripts, pipes, screen readers and logs.

mod input;
pub mod lines;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::Local;

use crate::app::Context;
use crate::checkin;
use crate::cli::CoachArgs;
use crate::cues::{Sound, cue};
use crate::history;
use crate::session::{Command, Event, Phase, Plan, Segment, Session, SessionRecord, WorkPlan};
use crate::speech::Speaker;
use input::{Input, Inputs};

/// Turns a typed line into a machine command; `Err` for anything unknown.
pub fn command(line: &str) -> Result<Command, String> {
    match line.trim().to_lowercase().as_str() {
        "" => Ok(Command::Advance),
        "p" => Ok(Command::TogglePause),
        "n" => Ok(Command::Next),
        "b" => Ok(Command::Previous),
        "+" => Ok(Command::AddTime(10)),
        "-" => Ok(Command::AddTime(-10)),
        "q" => Ok(Command::Quit),
        other => Err(format!(
            "Unknown command {other:?}. Commands: {}",
            lines::COMMANDS
        )),
    }
}

/// Not `eprintln!`, which panics when stderr has gone (a closed pipe, a hung-up terminal).
fn warn(message: &str) {
    let _ = writeln!(std::io::stderr(), "limberup: warning: {message}");
}

/// Where lines, bells and spoken cues go. Output errors are ignored: a closed terminal
/// (SIGHUP) or pipe must not stop the session from being recorded.
struct Output {
    bell: bool,
    speaker: Option<Speaker>,
    /// Set when stdout is a pipe whose reader has gone (`| head`): nobody is following.
    closed: bool,
}

impl Output {
    fn line(&mut self, elapsed: Duration, text: &str) {
        let mut out = std::io::stdout().lock();
        let written = writeln!(out, "{} {text}", lines::stamp(elapsed)).and_then(|()| out.flush());
        if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            self.closed = true;
        }
    }

    /// Prints, rings and says a batch of events that happened at `at`.
    fn events(
        &mut self,
        session: &Session,
        events: &[Event],
        before: Option<Segment>,
        at: Instant,
    ) {
        let elapsed = session.elapsed(at);
        for text in lines::describe(events, before, session) {
            self.line(elapsed, &text);
        }
        for event in events {
            let cue = cue(event, session);
            if self.bell && matches!(cue.sound, Some(Sound::Bell | Sound::End)) {
                let _ = std::io::stderr().write_all(b"\x07");
            }
            if let (Some(speaker), Some(text)) = (self.speaker.as_mut(), cue.speech) {
                speaker.say(&text);
            }
        }
        self.warnings();
    }

    fn warnings(&mut self) {
        if let Some(warning) = self.speaker.as_mut().and_then(Speaker::take_warning) {
            warn(&warning);
        }
    }
}

/// Applies `command` at `now` and prints what followed; false when nothing changed.
fn apply(session: &mut Session, out: &mut Output, command: Command, now: Instant) -> bool {
    catch_up(session, out, now);
    let before = session.segment().copied();
    let events = session.handle(command, now);
    out.events(session, &events, before, now);
    !events.is_empty()
}

/// Moves the session to `now` one wakeup at a time, so each line carries the time its event
/// happened even when the process was late (stopped, or a slow terminal).
fn catch_up(session: &mut Session, out: &mut Output, now: Instant) {
    while let Some(at) = session.next_wakeup().filter(|t| *t <= now) {
        let before = session.segment().copied();
        let events = session.advance(at);
        out.events(session, &events, before, at);
        if session.now() < at {
            break;
        }
    }
    let before = session.segment().copied();
    let events = session.advance(now);
    out.events(session, &events, before, now);
}

fn counting_reps(session: &Session) -> bool {
    session.segment().is_some_and(|s| s.phase == Phase::Work)
        && matches!(session.step().work, WorkPlan::Counted { .. })
}

/// Runs `routine` in plain mode and records it. Exit status: 0 when completed or quit,
/// 128 + the signal when a signal ended it (141, as for SIGPIPE, when stdout was closed).
pub fn run(ctx: &Context, routine: &str, coach: &CoachArgs) -> anyhow::Result<ExitCode> {
    let entry = ctx.resolve(routine)?;
    let plan = Plan::new(&entry.id, &entry.routine, &ctx.plan_options(coach.scale));
    match ctx.paths.history_file() {
        Some(path) => {
            if let Err(e) = history::probe(&path) {
                warn(&format!("{e}; sessions cannot be recorded"));
            }
        }
        None => warn("no data directory (is $HOME set?); sessions cannot be recorded"),
    }
    let interactive = std::io::stdin().is_terminal();
    let mut out = Output {
        bell: ctx.config.bell && !coach.quiet && std::io::stderr().is_terminal(),
        speaker: ctx.config.speech_command(coach.speak).map(Speaker::new),
        closed: false,
    };
    let inputs = Inputs::start()?;
    out.line(Duration::ZERO, &lines::header(&plan));
    if interactive {
        out.line(Duration::ZERO, &format!("Commands: {}", lines::COMMANDS));
    }
    if let Some(note) = ctx.pain_notice() {
        out.line(Duration::ZERO, &format!("Note: {note}"));
    }

    let started_at = Local::now().fixed_offset();
    let start = Instant::now();
    let (mut session, events) = Session::new(plan, start, started_at);
    out.events(&session, &events, None, start);
    let mut eof = false;
    let mut signal = None;
    while session.outcome().is_none() {
        if out.closed {
            // What a program killed by SIGPIPE would report, but recorded first.
            signal = Some(signal_hook::consts::SIGPIPE);
            apply(&mut session, &mut out, Command::Interrupt, Instant::now());
            continue;
        }
        if eof && session.is_paused() {
            out.line(session.elapsed(Instant::now()), "No more input: resuming");
            apply(&mut session, &mut out, Command::Resume, Instant::now());
            continue;
        }
        if eof && counting_reps(&session) {
            let text = format!(
                "No more input: skipping the counted reps of {}",
                session.step().name
            );
            out.line(session.elapsed(Instant::now()), &text);
            apply(&mut session, &mut out, Command::Next, Instant::now());
            continue;
        }
        let input = inputs.wait(session.next_wakeup());
        let now = Instant::now();
        match input {
            None => catch_up(&mut session, &mut out, now),
            Some(Input::Eof) => eof = true,
            Some(Input::Stop(sig)) => {
                signal = Some(sig);
                apply(&mut session, &mut out, Command::Interrupt, now);
            }
            Some(Input::Suspend) => suspend(&mut session, &mut out),
            Some(Input::Line(line)) => match command(&line) {
                Ok(cmd) => {
                    catch_up(&mut session, &mut out, now);
                    if cmd == Command::Next
                        && let Some(text) = lines::skipping(&session)
                    {
                        out.line(session.elapsed(now), &text);
                    }
                    let changed = apply(&mut session, &mut out, cmd, now);
                    if !changed && matches!(cmd, Command::AddTime(_)) {
                        let text = "Only holds, rests and get-ready can be made longer or shorter";
                        out.line(session.elapsed(now), text);
                    }
                }
                Err(message) => out.line(session.elapsed(now), &message),
            },
        }
    }

    let end = Instant::now();
    let mut record = session.record(Local::now().fixed_offset());
    let elapsed = session.elapsed(end);
    out.line(elapsed, &lines::summary(&record));
    if signal.is_none() && ctx.config.check_in && interactive && !eof {
        match ask_check_in(&inputs, &mut out, elapsed) {
            CheckIn::Answer(score) => record.check_in = score,
            CheckIn::Stopped(sig) => signal = Some(sig),
        }
    }
    save(ctx, &record);
    out.warnings();
    Ok(match signal {
        Some(sig) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
        None => ExitCode::SUCCESS,
    })
}

/// Ctrl-Z: pause the session, really suspend, and resume on `fg` unless it was paused before.
fn suspend(session: &mut Session, out: &mut Output) {
    let was_paused = session.is_paused();
    apply(session, out, Command::Pause, Instant::now());
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    if !was_paused {
        apply(session, out, Command::Resume, Instant::now());
    }
}

enum CheckIn {
    Answer(Option<u8>),
    Stopped(i32),
}

/// Asks the check-in question as a line prompt until a score or an empty line.
fn ask_check_in(inputs: &Inputs, out: &mut Output, elapsed: Duration) -> CheckIn {
    out.line(elapsed, &format!("{} (Enter to skip):", checkin::QUESTION));
    loop {
        match inputs.wait(None) {
            Some(Input::Line(line)) => match checkin::parse_answer(&line) {
                Ok(None) => return CheckIn::Answer(None),
                Ok(Some(score)) => {
                    out.line(
                        elapsed,
                        &format!("Back pain {score}/10 noted. {}", checkin::advice(score)),
                    );
                    return CheckIn::Answer(Some(score));
                }
                Err(message) => out.line(elapsed, &message),
            },
            Some(Input::Stop(sig)) => return CheckIn::Stopped(sig),
            Some(Input::Suspend) => {
                let _ =
                    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
            }
            Some(Input::Eof) | None => return CheckIn::Answer(None),
        }
    }
}

fn save(ctx: &Context, record: &SessionRecord) {
    if let Err(e) = ctx.save(record) {
        warn(&format!("{e}; this session was not recorded"));
    }
}
