//! Entry point: parse the arguments, dispatch, print errors as clean lines.
//! Exit status: 0 success, 1 failure, 2 a file or argument that could not be accepted
//! (a bad config or routine file, an unknown routine), 128 + N when signal N ended a session.

use std::io::{self, Write};
use std::process::ExitCode;

use limberup::app::Context;
use limberup::cli::{Cli, CoachArgs, Command, MovesArgs, ProgressChange, RunArgs};
use limberup::figure::Library;
use limberup::front::resume;
use limberup::paths::Paths;
use limberup::routine::{Catalog, Lineup, LoadError, Source, looks_like_path};
use limberup::session::Plan;
use limberup::{authoring, listing, plain, shell, stats, text, tui};

fn main() -> ExitCode {
    shell::complete_if_asked();
    let cli = limberup::cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        // The reader went away (`limberup list | head -1`): nothing left to say.
        Err(err)
            if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let code = if err.downcast_ref::<LoadError>().is_some() {
                2
            } else {
                1
            };
            say(&format!("{err:#}"));
            ExitCode::from(code)
        }
    }
}

/// Prints each line of `message` to stderr as `limberup: ...` (see `text::say`).
fn say(message: &str) {
    text::say(message);
}

/// Says `headline`, then every line of `err` indented under it.
fn say_error(headline: &str, err: &LoadError) {
    say(headline);
    let _ = writeln!(
        io::stderr().lock(),
        "  {}",
        err.to_string().replace('\n', "\n  ")
    );
}

/// Names each file left out for its errors on stderr, with its errors indented under it.
fn skipped(errors: &[LoadError]) {
    for err in errors {
        say(&format!("skipped {}, which has errors:", err.origin));
        let _ = writeln!(
            io::stderr().lock(),
            "  {}",
            err.to_string().replace('\n', "\n  ")
        );
    }
}

/// Writes `text` to stdout as one piece.
fn emit(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let coach = cli.coach;
    // Completions, man and validate never read the config: they work even when it is bad.
    let ctx = || Context::load(Paths::from_env());
    if matches!(
        cli.command,
        None | Some(Command::Run(_) | Command::Resume { .. } | Command::History { .. })
    ) {
        for warning in limberup::wallclock::warnings() {
            say(&format!("warning: {warning}"));
        }
    }
    match cli.command {
        Some(Command::Completions { shell }) => {
            shell::completions(shell, &mut io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            shell::man(&mut io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Validate { routines }) => validate(&routines),
        Some(Command::Figures {
            figure: None, json, ..
        }) => figures(&ctx()?, json),
        Some(Command::Figures {
            figure: Some(id),
            tempo,
            still,
            ..
        }) => {
            let coach = coach.with(&CoachArgs::still(still));
            play_figure(&ctx()?, &coach, &id, tempo)
        }
        None => picker(&ctx()?, &coach),
        Some(Command::Run(args)) => run(&ctx()?, &coach.with(&args.coach), &args),
        Some(Command::Resume {
            plain,
            coach: after,
        }) => resume(&ctx()?, &coach.with(&after), plain),
        Some(Command::List { json, scale }) => {
            list(&ctx()?, &coach.with(&CoachArgs::scaled(scale)), json)
        }
        Some(Command::Plan {
            routine,
            json,
            level,
            scale,
        }) => plan(
            &ctx()?,
            &coach.with(&CoachArgs::scaled(scale)),
            &routine,
            level,
            json,
        ),
        Some(Command::Progress {
            routine,
            json,
            change,
        }) => {
            let ctx = ctx()?;
            emit(&match change {
                None => limberup::progress::command(&ctx, routine.as_deref(), json)?,
                Some(ProgressChange::Set { routine, level }) => {
                    limberup::progress::set(&ctx, &routine, Some(level))?
                }
                Some(ProgressChange::Reset { routine }) => {
                    limberup::progress::set(&ctx, &routine, None)?
                }
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { routine }) => export(&ctx()?, &routine),
        Some(Command::History {
            json,
            format,
            since,
        }) => stats::command(&ctx()?, json, format, since),
        Some(Command::Status {
            json,
            waybar,
            i3bar,
            format,
            follow,
        }) => {
            use limberup::status::{DEFAULT_FORMAT, Line, Style};
            let line = match (json, waybar, i3bar, format) {
                (true, ..) => Line::Json,
                (_, true, ..) => Line::Waybar,
                (_, _, true, _) => Line::I3bar,
                (.., template) => Line::Text(template.unwrap_or_else(|| DEFAULT_FORMAT.into())),
            };
            limberup::status::command(&Style { line, follow })
        }
        Some(Command::Remind(limberup::cli::RemindCommand::Add(add))) => remind_add(&ctx()?, &add),
        Some(Command::New { name, from, moves }) => {
            let start = match (&from, &moves) {
                (Some(from), _) => authoring::Start::Copy(from),
                (None, Some(moves)) => authoring::Start::Moves(moves),
                (None, None) => authoring::Start::Template,
            };
            authoring::new(&ctx()?, &name, start)
        }
        Some(Command::Edit { routine }) => authoring::edit(&ctx()?, &routine),
        Some(Command::Moves(args)) => moves(&ctx()?, &coach, &args),
        Some(Command::Config) => {
            let ctx = ctx()?;
            emit(&ctx.config.report(&ctx.paths))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `remind add ... --backend print`: what the reminder would install, for the system asked
/// for or the one found here.
fn remind_add(ctx: &Context, add: &limberup::cli::RemindAdd) -> anyhow::Result<ExitCode> {
    use limberup::remind::{self, Reminder, Schedule, System};
    ctx.lineup(std::slice::from_ref(&add.routine))?;
    let schedule = match (&add.at, &add.every, &add.between) {
        (Some(at), ..) => Schedule::at(at),
        (None, Some(every), Some(between)) => Schedule::every(every, between, add.days.as_deref()),
        _ => Err("give --at, or --every with --between".to_string()),
    };
    let reminder = schedule
        .and_then(|s| Reminder::new(&add.name, &add.routine, s))
        .map_err(|e| anyhow::anyhow!(e))?;
    let exe = std::env::current_exe()?;
    let system = add.system.unwrap_or_else(System::detect);
    emit(&remind::print(&reminder, system, &exe))?;
    Ok(ExitCode::SUCCESS)
}

/// `run ROUTINE...`: the full-screen coach, or plain text lines when asked or where the
/// coach cannot run (not on a terminal, `TERM=dumb`, no terminal to read keys from).
fn run(ctx: &Context, coach: &CoachArgs, args: &RunArgs) -> anyhow::Result<ExitCode> {
    let (lineup, levels) = ctx.at_current_levels(lineup_warned(ctx, &args.routines)?);
    if args.plain || tui::unusable().is_some() {
        return plain::run(ctx, &lineup, &levels, coach);
    }
    let code = tui::run(ctx, coach, tui::Start::Lineup(Box::new(lineup)))?;
    Ok(ExitCode::from(code))
}

/// `resume`: the session that stopped last, at the step it stopped in, at any age
/// (saying how old it is). Status 1 when there is none, or it cannot be taken up.
fn resume(ctx: &Context, coach: &CoachArgs, plain: bool) -> anyhow::Result<ExitCode> {
    let Some(dir) = ctx.paths.resume_dir() else {
        anyhow::bail!("no data directory (is $HOME set?), so nothing to resume");
    };
    let (state, warnings) = resume::latest(&dir);
    for warning in &warnings {
        say(&format!("warning: {warning}"));
    }
    let Some(state) = state else {
        say(if warnings.is_empty() {
            "nothing to resume: every session ran to its end (or none has run yet)"
        } else {
            "nothing to resume"
        });
        return Ok(ExitCode::FAILURE);
    };
    let now = limberup::wallclock::utc_of(std::time::SystemTime::now()).0;
    let resumable = match resume::Resumable::check(state, ctx) {
        Ok(resumable) => resumable,
        Err(why) => {
            say(&why);
            return Ok(ExitCode::FAILURE);
        }
    };
    if coach.scale.is_some_and(|s| s != resumable.state.scale) {
        say(&format!(
            "warning: --scale is ignored: the session goes on at the scale it began with ({})",
            resumable.state.scale
        ));
    }
    say(&format!(
        "resuming {}, stopped {}",
        resumable.place(),
        resume::ago(resumable.state.written_at, now)
    ));
    if plain || tui::unusable().is_some() {
        return plain::resume(ctx, &resumable, coach);
    }
    let code = tui::run(ctx, coach, tui::Start::Resume(Box::new(resumable)))?;
    Ok(ExitCode::from(code))
}

/// The session `args` name, after a warning, with its errors, about each user file that
/// should replace a built-in it runs (named or as a part) but has errors: the built-in runs
/// instead, unlike what was edited. Each file is read once.
fn lineup_warned(ctx: &Context, args: &[String]) -> Result<Lineup, LoadError> {
    warn_replaced(&ctx.figures, &ctx.catalog, args);
    let lineup = ctx.lineup(args)?;
    warn_hidden(ctx, args, &lineup);
    Ok(lineup)
}

fn warn_hidden(ctx: &Context, args: &[String], lineup: &Lineup) {
    let named = args.iter().filter(|a| !looks_like_path(a));
    let parts = lineup.parts.iter().filter(|p| p.source == Source::BuiltIn);
    let ids = named
        .map(String::as_str)
        .chain(parts.map(|p| p.id.as_str()));
    for (id, err) in ctx.catalog.hidden_by_builtins(ids) {
        say_error(
            &format!(
                "warning: {} has errors, so the built-in `{id}` is used in its place:",
                err.origin
            ),
            err,
        );
    }
}

/// Warns, with its errors, about each user figure file that should replace a built-in figure
/// the routines `args` name (as in `run` or `validate`) but does not: the built-in is shown.
fn warn_replaced(figures: &Library, catalog: &Catalog, args: &[String]) {
    let entries: Vec<_> = args
        .iter()
        .filter_map(|arg| catalog.resolve(arg).ok())
        .filter_map(|entry| catalog.lineup(vec![entry]).ok())
        .flat_map(|lineup| lineup.parts)
        .collect();
    let named = entries
        .iter()
        .flat_map(|e| e.routine.steps.iter())
        .filter_map(|s| s.figure.as_deref());
    for (id, err) in figures.replaced(named) {
        say_error(
            &format!(
                "warning: the built-in figure `{id}` is shown instead of yours, {}, which has errors:",
                err.origin
            ),
            err,
        );
    }
}

/// The picker (no command): needs a terminal it can draw on and read keys from.
fn picker(ctx: &Context, coach: &CoachArgs) -> anyhow::Result<ExitCode> {
    if let Some(why) = tui::unusable() {
        anyhow::bail!(
            "the routine picker needs a terminal ({why}); try `limberup list` or `limberup run ROUTINE --plain`"
        );
    }
    Ok(ExitCode::from(tui::run(ctx, coach, tui::Start::Picker)?))
}

fn list(ctx: &Context, coach: &CoachArgs, json: bool) -> anyhow::Result<ExitCode> {
    let ids: Vec<String> = ctx.catalog.entries.iter().map(|e| e.id.clone()).collect();
    warn_replaced(&ctx.figures, &ctx.catalog, &ids);
    skipped(&ctx.catalog.errors);
    let options = ctx.plan_options(coach.scale);
    let entries = &ctx.catalog.entries;
    emit(&if json {
        listing::list_json(entries, &options)
    } else {
        listing::list_table(entries, &options)
    })?;
    Ok(ExitCode::SUCCESS)
}

fn plan(
    ctx: &Context,
    coach: &CoachArgs,
    routine: &str,
    level: Option<u32>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let lineup = lineup_warned(ctx, &[routine.to_string()])?;
    let lineup = match level {
        Some(level) => limberup::progress::at_level(lineup, level)?,
        None => ctx.at_current_levels(lineup).0,
    };
    let plan = Plan::session(&lineup, &ctx.plan_options(coach.scale));
    emit(&if json {
        listing::plan_json(&plan)
    } else {
        let levels = lineup.levels.iter().filter_map(|ran| {
            let part = lineup.parts.iter().find(|p| p.id == ran.routine)?;
            let of = ctx.catalog.find(&ran.routine)?.routine.level_count();
            Some(format!(
                "{}: level {} of {of}\n",
                part.routine.name, ran.level
            ))
        });
        levels.collect::<String>()
            + &listing::plan_table(&plan)
            + &listing::dose_sources(&lineup, &ctx.moves)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `ROUTINE: ok` on stdout per good routine; every problem of a bad one on stderr. Exit 1
/// when any is bad. Like completions and man, never reads the config.
fn validate(routines: &[String]) -> anyhow::Result<ExitCode> {
    let (catalog, figures, moves) = limberup::app::routines(&Paths::from_env());
    let mut bad = 0;
    warn_replaced(&figures, &catalog, routines);
    for checked in listing::validate(&catalog, &figures, &moves, routines) {
        match checked.error {
            None => {
                let mut out = format!("{}: ok\n", text::clean(&checked.arg));
                for note in &checked.notes {
                    out.push_str(&format!("  note: {}\n", text::clean(note)));
                }
                emit(&out)?
            }
            Some(error) => {
                bad += 1;
                let _ = writeln!(io::stderr().lock(), "{error}");
            }
        }
    }
    if bad == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    if routines.len() > 1 {
        say(&format!("{bad} of {} files have errors", routines.len()));
    }
    Ok(ExitCode::FAILURE)
}

/// `figures`: every figure, built-in and the user's; files with errors are named on stderr.
fn figures(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    skipped(&ctx.figures.errors);
    let entries = &ctx.figures.entries;
    emit(&if json {
        listing::figures_json(entries)
    } else {
        listing::figures_table(entries)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `figures ID`: plays one figure full screen (needs a terminal).
fn play_figure(
    ctx: &Context,
    coach: &CoachArgs,
    id: &str,
    tempo: Option<f64>,
) -> anyhow::Result<ExitCode> {
    let entry = ctx.figures.resolve(id)?;
    if let Some(why) = tui::unusable() {
        anyhow::bail!("playing a figure needs a terminal ({why}); `limberup figures` lists them");
    }
    Ok(ExitCode::from(tui::play_figure(
        ctx, coach, entry, tempo, None,
    )?))
}

/// `moves [TEXT]`: the moves that match, as a table or JSON; `moves ID`: one move's figure
/// playing with its card (or the card alone where no terminal can play it).
fn moves(ctx: &Context, coach: &CoachArgs, args: &MovesArgs) -> anyhow::Result<ExitCode> {
    for notice in &ctx.moves.notices {
        say(notice);
    }
    skipped(&ctx.moves.errors);
    let shown = args.text.as_deref().and_then(|id| ctx.moves.find(id));
    let Some(entry) = shown.filter(|_| !args.json) else {
        let found = args.filter(args.text.clone()).apply(&ctx.moves.entries);
        emit(&if args.json {
            listing::moves_json(&found)
        } else {
            listing::moves_table(&found)
        })?;
        return Ok(ExitCode::SUCCESS);
    };
    let card = listing::move_card(entry);
    let figure = ctx.figures.resolve(&entry.found.figure)?;
    if tui::unusable().is_some() {
        let title = format!("{} ({})\n", text::clean(&entry.found.name), entry.source);
        emit(&(title + &card.join("\n") + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut about = vec![format!("{} · {}", entry.found.name, entry.id)];
    about.extend(card);
    Ok(ExitCode::from(tui::play_figure(
        ctx,
        coach,
        figure,
        None,
        Some(about),
    )?))
}

fn export(ctx: &Context, routine: &str) -> anyhow::Result<ExitCode> {
    let args = [routine.to_string()];
    if let Ok(lineup) = ctx.lineup(&args) {
        warn_hidden(ctx, &args, &lineup);
    }
    let mut text = ctx.catalog.resolve(routine)?.text()?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
