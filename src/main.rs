//! Entry point: parse the arguments, dispatch, print errors as clean lines.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use limberup::app::Context;
use limberup::cli::{Cli, Command};
use limberup::paths::Paths;
use limberup::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("limberup: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        None => {
            if !std::io::stdout().is_terminal() {
                anyhow::bail!(
                    "the routine picker needs a terminal; try `limberup list` or `limberup run ROUTINE --plain`"
                );
            }
            let ctx = Context::load(Paths::from_env())?;
            tui::run(&ctx, &cli.coach, tui::Start::Picker)
        }
        Some(Command::Run(args)) => {
            let ctx = Context::load(Paths::from_env())?;
            let entry = ctx.catalog.resolve(&args.routine)?;
            if args.plain || !std::io::stdout().is_terminal() {
                anyhow::bail!("plain mode is not built yet");
            }
            tui::run(&ctx, &cli.coach, tui::Start::Routine(Box::new(entry)))
        }
        Some(other) => anyhow::bail!("{other:?} is not built yet"),
    }
}
