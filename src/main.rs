//! Entry point: parse the arguments, dispatch, print errors as clean lines.
//! Exit status: 0 success, 1 failure, 2 a file or argument that could not be accepted
//! (a bad config or routine file, an unknown routine), 128 + N when signal N ended a session.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use limberup::app::Context;
use limberup::cli::{Cli, Command};
use limberup::paths::Paths;
use limberup::routine::LoadError;
use limberup::{authoring, plain, shell, stats};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        // A reader that stopped early (`limberup man | head`) is not a failure.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => match err.downcast_ref::<LoadError>() {
            // Each line already starts with `path:line:col:`, as editors expect.
            Some(load) => {
                eprintln!("{load}");
                ExitCode::from(2)
            }
            None => {
                eprintln!("limberup: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        // Generated from the clap definitions alone: no config is read.
        Some(Command::Completions { shell }) => {
            shell::completions(shell, &mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            shell::man(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        command => {
            let ctx = Context::load(Paths::from_env())?;
            match command {
                Some(Command::Run(args)) => {
                    if args.plain || !std::io::stdout().is_terminal() {
                        plain::run(&ctx, &args.routine, &cli.coach)
                    } else {
                        not_built(Some(Command::Run(args)))
                    }
                }
                Some(Command::History { json, since }) => stats::command(&ctx, json, since),
                Some(Command::New { name, from }) => authoring::new(&ctx, &name, from.as_deref()),
                Some(Command::Edit { routine }) => authoring::edit(&ctx, &routine),
                Some(Command::Config) => {
                    print!("{}", ctx.config.report(&ctx.paths));
                    Ok(ExitCode::SUCCESS)
                }
                other => not_built(other),
            }
        }
    }
}

fn not_built(command: Option<Command>) -> anyhow::Result<ExitCode> {
    eprintln!("limberup: {command:?} is not built yet");
    Ok(ExitCode::FAILURE)
}
