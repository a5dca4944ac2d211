//! Entry point: parse the arguments, dispatch, print errors as clean lines.

use std::process::ExitCode;

use clap::Parser;
use limberup::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    eprintln!("limberup: {:?} is not built yet", cli.command);
    ExitCode::FAILURE
}
