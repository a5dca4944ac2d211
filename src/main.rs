//! Entry point: parse the arguments, dispatch, print errors as clean lines.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use limberup::app::Context;
use limberup::cli::{Cli, CoachArgs, Command, RunArgs};
use limberup::listing;
use limberup::paths::Paths;
use limberup::session::Plan;
use limberup::tui;

/// Why a command stopped: a message for the user, or stdout gone (a closed pipe).
enum Failure {
    Message(String),
    Output(io::Error),
}

impl<E: Display> From<E> for Failure {
    fn from(err: E) -> Self {
        Failure::Message(err.to_string())
    }
}

type Outcome = Result<ExitCode, Failure>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let coach = cli.coach;
    let outcome = match cli.command {
        Some(Command::List { json }) => list(&coach, json),
        Some(Command::Plan { routine, json }) => plan(&coach, &routine, json),
        Some(Command::Validate { files }) => validate(&files),
        Some(Command::Export { routine }) => export(&routine),
        None => picker(&coach),
        Some(Command::Run(args)) => run(&coach, &args),
        Some(Command::History { .. }) => not_built("`history`"),
        Some(Command::New { .. }) => not_built("`new`"),
        Some(Command::Edit { .. }) => not_built("`edit`"),
        Some(Command::Config) => not_built("`config`"),
        Some(Command::Completions { .. }) => not_built("`completions`"),
        Some(Command::Man) => not_built("`man`"),
    };
    match outcome {
        Ok(code) => code,
        // The reader went away (`limberup list | head -1`): nothing left to say.
        Err(Failure::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(err)) => {
            say(&format!("cannot write the output: {err}"));
            ExitCode::from(2)
        }
        Err(Failure::Message(message)) => {
            say(&message);
            ExitCode::from(2)
        }
    }
}

/// Prints each line of `message` to stderr as `limberup: ...`; a closed stderr is ignored.
fn say(message: &str) {
    let mut err = io::stderr().lock();
    for line in message.lines() {
        let _ = writeln!(err, "limberup: {line}");
    }
}

/// Writes `text` to stdout as one piece.
fn emit(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Failure::Output)
}

fn not_built(what: &str) -> Outcome {
    Err(Failure::Message(format!(
        "{what} is not built yet; try `limberup list` or `limberup --help`"
    )))
}

fn list(coach: &CoachArgs, json: bool) -> Outcome {
    let ctx = Context::load(Paths::from_env())?;
    for err in &ctx.catalog.errors {
        say(&format!("skipped {}, which has errors:", err.origin));
        let _ = writeln!(
            io::stderr().lock(),
            "  {}",
            err.to_string().replace('\n', "\n  ")
        );
    }
    let options = ctx.plan_options(coach.scale);
    let entries = &ctx.catalog.entries;
    emit(&if json {
        listing::list_json(entries, &options)
    } else {
        listing::list_table(entries, &options)
    })?;
    Ok(ExitCode::SUCCESS)
}

fn plan(coach: &CoachArgs, routine: &str, json: bool) -> Outcome {
    let ctx = Context::load(Paths::from_env())?;
    let entry = ctx.catalog.resolve(routine)?;
    let plan = Plan::new(&entry.id, &entry.routine, &ctx.plan_options(coach.scale));
    emit(&if json {
        listing::plan_json(&plan)
    } else {
        listing::plan_table(&plan)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `FILE: ok` on stdout per good file; every problem of a bad one on stderr. Exit 1 when
/// any file is bad.
fn validate(files: &[PathBuf]) -> Outcome {
    let mut bad = 0;
    for checked in listing::validate(files) {
        match checked.error {
            None => emit(&format!("{}: ok\n", checked.path.display()))?,
            Some(error) => {
                bad += 1;
                let _ = writeln!(io::stderr().lock(), "{error}");
            }
        }
    }
    if bad == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    if files.len() > 1 {
        say(&format!("{bad} of {} files have errors", files.len()));
    }
    Ok(ExitCode::FAILURE)
}

fn export(routine: &str) -> Outcome {
    let ctx = Context::load(Paths::from_env())?;
    let mut text = ctx.catalog.resolve(routine)?.text()?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `run ROUTINE`: the full-screen coach, or plain text lines when asked or not on a terminal.
fn run(coach: &CoachArgs, args: &RunArgs) -> Outcome {
    let ctx = Context::load(Paths::from_env())?;
    let entry = ctx.catalog.resolve(&args.routine)?;
    if args.plain || !io::stdout().is_terminal() {
        return not_built("plain mode");
    }
    coach_tui(&ctx, coach, tui::Start::Routine(Box::new(entry)))
}

/// The picker (no command): needs a terminal.
fn picker(coach: &CoachArgs) -> Outcome {
    if !io::stdout().is_terminal() {
        return Err(Failure::Message(
            "the routine picker needs a terminal; try `limberup list` or `limberup run ROUTINE --plain`"
                .to_string(),
        ));
    }
    let ctx = Context::load(Paths::from_env())?;
    coach_tui(&ctx, coach, tui::Start::Picker)
}

fn coach_tui(ctx: &Context, coach: &CoachArgs, start: tui::Start) -> Outcome {
    let code = tui::run(ctx, coach, start).map_err(|e| Failure::Message(format!("{e:#}")))?;
    Ok(ExitCode::from(code))
}
