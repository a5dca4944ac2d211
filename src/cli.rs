//! The command line: clap definitions only.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use crate::moves::{self, Equipment, Filter, MoveKind, Position, Region};
use crate::shell::complete_routine;

/// A terminal coach for warm-up and cool-down routines.
///
/// With no command, opens the routine picker. Routines are RON files: the built-ins, plus
/// your own in the user routines directory (see `limberup config`).
#[derive(Debug, Parser)]
#[command(name = "limberup", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub coach: CoachArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How a session is coached; accepted before or after the command.
#[derive(Debug, Clone, Args, Default)]
pub struct CoachArgs {
    /// No sounds: no tones, beats or bells.
    #[arg(long, global = true)]
    pub(crate) quiet: bool,
    /// Speak the cues with the configured speech command (espeak-ng if none is set).
    #[arg(long, global = true)]
    pub(crate) speak: bool,
    /// Multiply every hold, rest and tempo by F (0.25 to 4).
    #[arg(long, global = true, value_name = "F", value_parser = parse_scale)]
    pub scale: Option<f64>,
    /// Show each move's figure as a still pose, never animated (as `motion: false`).
    #[arg(long, global = true)]
    pub(crate) still: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Follow a routine (or several, as one session): the coach in the terminal, or plain
    /// text lines.
    Run(RunArgs),
    /// Take up the latest session that ended part-way (quit, Ctrl-C, a closed terminal, a
    /// crash) at the step it stopped in, from that step's start.
    ///
    /// It is planned as it ran (its `--scale` and timings); the routines must be unchanged.
    /// The history keeps both records, linked, and counts them as one session.
    Resume {
        /// One line per change instead of the full-screen coach (automatic when stdout is
        /// not a terminal); see `run --help`.
        #[arg(long)]
        plain: bool,
    },
    /// List the routines: id, name, kind, steps, planned time and where each comes from.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a routine's steps in order with the time of each phase, then the total.
    Plan {
        /// A routine id (see `list`) or a path to a .ron file.
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check routines and figure files; prints `ROUTINE: ok` per good one and every error of
    /// bad ones.
    ///
    /// Errors read `FILE:LINE:COLUMN: step N ("name"), field: what is wrong`. An id names
    /// your own file when there is one (even in a built-in's place), else the built-in. A
    /// routine's `figure:` must name a built-in figure, one of yours, or one of the figure
    /// files given. The exit status is 1 when any has an error.
    Validate {
        /// Routine ids (see `list`), or paths to routine or figure files (.ron).
        #[arg(required = true, value_name = "ROUTINE", add = ArgValueCompleter::new(complete_routine))]
        routines: Vec<String>,
    },
    /// Print a routine's RON text, as a starting point for your own.
    Export {
        /// A routine id or a path to a .ron file.
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
    },
    /// Past sessions, the current streak, weekly totals and a 12-week calendar.
    History {
        /// Print the records as JSON.
        #[arg(long)]
        json: bool,
        /// Only sessions on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<NaiveDate>,
    },
    /// Write a new routine file into the user routines directory.
    New {
        /// The new routine's name; its id is derived from it.
        name: String,
        /// Copy this routine instead of starting from the template.
        #[arg(long, value_name = "ID", add = ArgValueCompleter::new(complete_routine))]
        from: Option<String>,
        /// Start from these moves instead (ids separated by commas, see `moves`), each with
        /// its default dose.
        #[arg(long, value_name = "IDS", conflicts_with = "from")]
        moves: Option<String>,
    },
    /// Open a routine in $VISUAL / $EDITOR and check it on save.
    Edit {
        /// A routine id or a path to a .ron file (a built-in is copied first).
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
    },
    /// List the figures that show each move, or play one in the terminal.
    ///
    /// With no FIGURE: the built-in figures and yours (`figures/*.ron` in the config dir),
    /// with their view, motion and source. With one: plays it at a steady tempo, changing
    /// side (or direction) every two reps; Space pauses, q quits.
    Figures {
        /// A figure id, or a path to a figure file, to play.
        figure: Option<String>,
        /// Print the list as JSON.
        #[arg(long, conflicts_with = "figure")]
        json: bool,
        /// Seconds per rep when playing (default: 1.5 s per key pose).
        #[arg(long, value_name = "SECS", requires = "figure", value_parser = parse_tempo)]
        tempo: Option<f64>,
    },
    /// The library of moves: list and filter them, or show one moving with its cues, dose
    /// and the evidence for the dose.
    ///
    /// With TEXT: the moves whose id, name or aliases contain every word of it. With a
    /// move's id: plays its figure with its cues, dose and sources (on a terminal; else
    /// prints them). Your own moves are `moves/*.ron` in the config dir (see
    /// `limberup config`).
    Moves(MovesArgs),
    /// Print the effective configuration and where each value came from.
    Config,
    /// Print a shell completion script; it asks limberup for routine ids as you type.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// A routine id (see `list`) or a path to a .ron file; several run in order as one
    /// session (`run warm-up workout cool-down`).
    #[arg(required = true, value_name = "ROUTINE", add = ArgValueCompleter::new(complete_routine))]
    pub routines: Vec<String>,
    /// One line per change instead of the full-screen coach (automatic when stdout is not a
    /// terminal), each starting with the active time as `[mm:ss]`. Commands are read as lines
    /// from stdin: an empty line counts a rep or starts now, `p` pauses or resumes, `n` next
    /// step, `b` previous, `+`/`-` 10 s more or less, `q` quits. At end of input the session
    /// runs on by itself: counted reps are then skipped (a line says so) and a pause ends, so
    /// scripts should send an empty line per rep before closing stdin.
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Clone, Args)]
pub struct MovesArgs {
    /// A move's id to show, or words to search for.
    pub text: Option<String>,
    /// Only moves that work this region (lower-back, hamstrings, neck, ...).
    #[arg(long, value_name = "R", value_parser = |s: &str| moves::parse_label::<Region>(s, "region"))]
    pub region: Option<Region>,
    /// Only moves of this kind (mobility, dynamic-stretch, static-stretch, strength-hold,
    /// strength-reps).
    #[arg(long, value_name = "K", value_parser = |s: &str| moves::parse_label::<MoveKind>(s, "kind"))]
    pub kind: Option<MoveKind>,
    /// Only moves done in this position (standing, kneeling, all-fours, seated, lying).
    #[arg(long, value_name = "P", value_parser = |s: &str| moves::parse_label::<Position>(s, "position"))]
    pub position: Option<Position>,
    /// Only moves that need this (wall, chair, doorway, towel, step), or `none`.
    #[arg(long, value_name = "E", value_parser = |s: &str| moves::parse_equipment(s).map(Equip))]
    pub equipment: Option<Equip>,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--equipment`: a piece of equipment, or none at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Equip(pub Option<Equipment>);

impl MovesArgs {
    /// The filter these options (and the words, unless they name a move) ask for.
    pub fn filter(&self, words: Option<String>) -> Filter {
        Filter {
            text: words,
            region: self.region,
            kind: self.kind,
            position: self.position,
            equipment: self.equipment.map(|e| e.0),
        }
    }
}

fn parse_tempo(s: &str) -> Result<f64, String> {
    let f: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if f.is_finite() && (0.5..=60.0).contains(&f) {
        Ok(f)
    } else {
        Err(format!("must be from 0.5 to 60 seconds, got {s}"))
    }
}

/// A date as the help says, YYYY-MM-DD; chrono's own errors ("input contains invalid
/// characters") do not say what was expected.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, e.g. 2026-03-01, got `{s}`"))
}

fn parse_scale(s: &str) -> Result<f64, String> {
    let f: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if f.is_finite() && (0.25..=4.0).contains(&f) {
        Ok(f)
    } else {
        Err(format!("must be from 0.25 to 4, got {s}"))
    }
}
