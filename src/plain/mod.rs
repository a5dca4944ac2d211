//! The plain-text coach: the same session machine as the TUI, one stamped line per change,
//! commands read as lines from stdin. For scripts, pipes, screen readers and logs.

mod input;
pub mod lines;
mod output;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::app::Context;
use crate::checkin;
use crate::cli::CoachArgs;
use crate::cues::Cue;
use crate::front::resume::Resumable;
use crate::front::shell::{self, Begin};
use crate::front::{self, Mailbox, Msg, Reach, Signal};
use crate::history::{self, Line};
use crate::routine::Lineup;
use crate::session::{Command, Phase, Session, WorkPlan};
use crate::wallclock;
use input::{Answers, Input};
use output::Output;

/// Turns a typed line into a machine command; `Err` for anything unknown.
pub fn command(line: &str) -> Result<Command, String> {
    match line.trim().to_lowercase().as_str() {
        "" => Ok(Command::Advance),
        "d" => Ok(Command::Done),
        "r" => Ok(Command::Repeat),
        "s" => Ok(Command::AddSet),
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
    crate::text::say(&format!("warning: {message}"));
}

/// Applies `command` at `now` and prints what followed.
fn apply(session: &mut Session, out: &mut Output, command: Command, now: Instant) {
    catch_up(session, out, now);
    let events = session.handle(command, now);
    out.events(session, &events, now);
}

/// Moves the session to `now` one wakeup at a time, so each line carries the time its event
/// happened even when the process was late (stopped, or a slow terminal).
fn catch_up(session: &mut Session, out: &mut Output, now: Instant) {
    while let Some(at) = session.next_wakeup().filter(|t| *t <= now) {
        let events = session.advance(at);
        out.events(session, &events, at);
        if session.now() < at {
            break;
        }
    }
    let events = session.advance(now);
    out.events(session, &events, now);
}

/// Slept until `due` and woke at `now`: far too late means the process was stopped or
/// starved, and the session pauses where it was due rather than playing the lost time.
fn stalled(session: &mut Session, out: &mut Output, due: Option<Instant>, now: Instant) {
    if let Some(stall) = due.and_then(|due| Command::after_sleep(due, now)) {
        let events = session.handle(stall, now);
        out.events(session, &events, now);
    }
}

/// Work that only input can end (counted reps, an open step), as the line that says it is
/// given up on when input has ended, with the command that moves past it.
fn waits_for_input(session: &Session) -> Option<(String, Command)> {
    if session.segment()?.phase != Phase::Work {
        return None;
    }
    let name = &session.step().name;
    match session.step().work {
        WorkPlan::Counted { .. } => Some((
            format!("No more input: skipping the counted reps of {name}"),
            Command::Next,
        )),
        WorkPlan::Open { .. } => Some((
            format!("No more input: stopping the stopwatch of {name}"),
            Command::Done,
        )),
        _ => None,
    }
}

/// Runs `lineup` (one routine, a combination, or several as one session) in plain mode,
/// saying `levels` first (where each progressing routine stands), and records the session.
/// Exit status: 0 when completed or quit, 128 + the signal when a signal ended it (141, as
/// for SIGPIPE, when stdout was closed).
pub fn run(
    ctx: &Context,
    lineup: &Lineup,
    levels: &[String],
    coach: &CoachArgs,
) -> anyhow::Result<ExitCode> {
    follow(ctx, coach, Begin::New(lineup), levels)
}

/// Takes up `resumable` in plain mode at the step it stopped in, and records this part.
pub fn resume(ctx: &Context, resumable: &Resumable, coach: &CoachArgs) -> anyhow::Result<ExitCode> {
    follow(ctx, coach, Begin::Resume(resumable), &[])
}

/// Coaches the session `what` begins (saying `levels` first: where each progressing routine
/// stands), then records it, asks the check-in and says what the next session does.
fn follow(
    ctx: &Context,
    coach: &CoachArgs,
    what: Begin<'_>,
    levels: &[String],
) -> anyhow::Result<ExitCode> {
    // The resume file lives beside the history: where the history cannot be written (said
    // once here), the session is not kept for resuming either, without a second warning.
    let resume_file = match ctx.paths.history_file() {
        Some(path) => match history::probe(&path) {
            Ok(()) => ctx.paths.resume_dir(),
            Err(e) => {
                warn(&format!("{}; sessions cannot be recorded", e.describe()));
                None
            }
        },
        None => {
            warn("no data directory (is $HOME set?); sessions cannot be recorded");
            None
        }
    };
    let interactive = std::io::stdin().is_terminal();
    let announcer = shell::announcer(ctx, coach);
    let bell = std::io::stderr().is_terminal();
    // Said once, where someone is there to act on it.
    if let (true, Some(hint)) = (bell, announcer.hint()) {
        warn(hint);
    }
    let mailbox = Mailbox::open(input::QUEUE)?;
    input::start(mailbox.inbox())?;
    let start = Instant::now();
    let options = ctx.plan_options(coach.scale);
    let (mut session, events, keeper) = shell::begin(
        what,
        &options,
        start,
        wallclock::now(),
        resume_file,
        &Reach::of(ctx),
    );
    let header = match what {
        Begin::New(_) => lines::header(session.plan()),
        Begin::Resume(resumable) => lines::resumed(resumable),
    };
    let mut out = Output {
        announcer,
        keeper,
        bell,
        cue: Cue::default(),
        figures: ctx.figures.clone(),
        closed: false,
    };
    out.line(Duration::ZERO, &header);
    for level in levels {
        out.line(Duration::ZERO, level);
    }
    if interactive {
        out.line(Duration::ZERO, &format!("Commands: {}", lines::COMMANDS));
    }
    if let Some(note) = ctx.pain_notice() {
        out.line(Duration::ZERO, &format!("Note: {note}"));
    }
    out.events(&session, &events, start);
    let Ended { eof, mut signal } = match front::catch(|| drive(&mut session, &mailbox, &mut out)) {
        Ok(ended) => ended,
        Err(crash) => {
            let code = crash.salvage(ctx, || {
                session.handle(Command::Interrupt, Instant::now());
                Some(out.keeper.record(&session, wallclock::now()))
            });
            return Ok(ExitCode::from(code));
        }
    };

    let end = Instant::now();
    let record = out.keeper.record(&session, wallclock::now());
    // Saved before the question, which may wait forever: the session is safe whatever
    // happens to the process then.
    save(ctx, Line::Session(&record));
    let elapsed = session.elapsed(end);
    out.line(
        elapsed,
        &lines::summary(&out.keeper.whole(&record, session.plan())),
    );
    // Asked once a session: not again when an earlier part of it asked.
    let ask = signal.is_none()
        && ctx.config.check_in
        && interactive
        && !eof
        && !out.keeper.asked_before();
    if let Some(warning) = out.keeper.ended(&record, ask) {
        warn(&warning);
    }
    if ask {
        match ask_check_in(&mailbox, &mut out, elapsed) {
            CheckIn::Answer(Some(score)) => {
                let at = wallclock::now();
                let session = record.id.clone().unwrap_or_default();
                let answer = checkin::Answer { session, score, at };
                save(ctx, Line::CheckIn(&answer));
            }
            CheckIn::Answer(None) => {}
            CheckIn::Stopped(sig) => signal = Some(sig),
        }
    }
    let lineup = match what {
        Begin::New(lineup) => lineup,
        Begin::Resume(resumable) => &resumable.lineup,
    };
    for next in ctx.next_sessions(lineup) {
        out.line(elapsed, &format!("Next: {next}"));
    }
    out.warnings();
    if signal.is_some() && out.keeper.kept() {
        crate::text::say(front::RESUME_HINT);
    }
    if signal.is_none() {
        // After the record is safe: the end's sound plays out before the process exits.
        out.announcer.finish();
    }
    Ok(match signal {
        Some(sig) => ExitCode::from(shell::stop_status(sig)),
        None => ExitCode::SUCCESS,
    })
}

/// How the session loop ended: whether stdin did, and the signal that stopped it, if any.
struct Ended {
    eof: bool,
    signal: Option<i32>,
}

/// Walks the session to its end: deadlines as they fall due, commands from stdin, signals.
fn drive(session: &mut Session, mailbox: &Mailbox<Input>, out: &mut Output) -> Ended {
    let mut eof = false;
    let mut signal = None;
    let mut answers = Answers::default();
    while session.outcome().is_none() {
        out.announce();
        front::fault_point();
        if out.closed {
            // What a program killed by SIGPIPE would report, but recorded first.
            signal = Some(signal_hook::consts::SIGPIPE);
            apply(session, out, Command::Interrupt, Instant::now());
            continue;
        }
        if eof && session.is_paused() {
            out.line(session.elapsed(Instant::now()), "No more input: resuming");
            apply(session, out, Command::Resume, Instant::now());
            continue;
        }
        if eof && let Some((text, command)) = waits_for_input(session) {
            out.line(session.elapsed(Instant::now()), &text);
            apply(session, out, command, Instant::now());
            continue;
        }
        let due = session.next_wakeup();
        let msg = mailbox.wait(due);
        let now = Instant::now();
        stalled(session, out, due, now);
        // Deadlines first: input, however much of it comes, never holds the clock back.
        catch_up(session, out, now);
        let unknown = match msg {
            None | Some(Msg::Signal(Signal::Continue)) => None,
            Some(Msg::Input(Input::Eof)) => {
                eof = true;
                None
            }
            Some(Msg::Input(Input::NotText)) => {
                warn(&format!(
                    "stdin sent over {} MiB without a line break; reading no more of it",
                    input::MAX_SKIP >> 20
                ));
                eof = true;
                None
            }
            Some(Msg::Signal(Signal::Stop(sig))) => {
                signal = Some(sig);
                apply(session, out, Command::Interrupt, now);
                None
            }
            Some(Msg::Signal(Signal::Suspend)) => {
                suspend(session, out);
                None
            }
            Some(Msg::Input(Input::TooLong)) => Some(format!(
                "Unknown command: a line over {} bytes. Commands: {}",
                input::MAX_LINE,
                lines::COMMANDS
            )),
            Some(Msg::Input(Input::Line(line))) => match command(&line) {
                Ok(cmd) => {
                    if cmd == Command::Next
                        && let Some(text) = lines::skipping(session)
                    {
                        out.line(session.elapsed(now), &text);
                    }
                    if session.allowed().permits(cmd) {
                        apply(session, out, cmd, now);
                    } else if let Some(text) = lines::not_now(cmd) {
                        out.line(session.elapsed(now), text);
                    }
                    None
                }
                Err(message) => Some(message),
            },
        };
        // A session that ended as the input came has nothing left to answer for.
        let unknown = unknown.filter(|_| session.outcome().is_none());
        if let Some(text) = unknown.and_then(|message| answers.unknown(message, now)) {
            out.line(session.elapsed(now), &text);
        }
    }
    out.announce();
    if let Some(text) = answers.leftover() {
        out.line(session.elapsed(Instant::now()), &text);
    }
    Ended { eof, signal }
}

/// Ctrl-Z: pause the session, really suspend, and resume on `fg` unless it was paused before.
fn suspend(session: &mut Session, out: &mut Output) {
    let was_paused = session.is_paused();
    apply(session, out, Command::Pause, Instant::now());
    out.announce();
    let _ = front::stop_process();
    if !was_paused {
        apply(session, out, Command::Resume, Instant::now());
    }
}

enum CheckIn {
    Answer(Option<u8>),
    Stopped(i32),
}

/// Asks the check-in question as a line prompt until a score or an empty line.
fn ask_check_in(mailbox: &Mailbox<Input>, out: &mut Output, elapsed: Duration) -> CheckIn {
    out.line(elapsed, &format!("{} (Enter to skip):", checkin::QUESTION));
    loop {
        match mailbox.wait(None) {
            Some(Msg::Input(Input::Line(line))) => match checkin::parse_answer(&line) {
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
            Some(Msg::Input(Input::TooLong)) => out.line(
                elapsed,
                "A line that long is not a score: type a number from 0 to 10, or just Enter to skip",
            ),
            Some(Msg::Signal(Signal::Stop(sig))) => return CheckIn::Stopped(sig),
            Some(Msg::Signal(Signal::Suspend)) => {
                let _ = front::stop_process();
            }
            Some(Msg::Signal(Signal::Continue)) => {}
            Some(Msg::Input(Input::Eof | Input::NotText)) | None => return CheckIn::Answer(None),
        }
    }
}

fn save(ctx: &Context, line: Line<'_>) {
    let what = match line {
        Line::Session(_) => "this session was not recorded",
        Line::CheckIn(_) => "the check-in was not recorded",
        Line::Progress(_) => "the progress change was not recorded",
    };
    if let Err(e) = ctx.save(line, &mut |waiting| warn(&waiting)) {
        warn(&format!("{}; {what}", e.describe()));
    }
}
