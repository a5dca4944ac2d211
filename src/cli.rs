//! The command line: clap definitions only.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use crate::moves::{self, Equipment, Filter, MoveKind, Position, Region};
use crate::shell::{complete_figure, complete_routine};

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

/// How a session is coached; accepted before the command or after the commands that coach
/// (`run`, `resume`), and only there, so other commands' help does not offer them.
#[derive(Debug, Clone, Args, Default)]
pub struct CoachArgs {
    /// No sounds: no tones, beats or bells.
    #[arg(long)]
    pub(crate) quiet: bool,
    /// Speak the cues with the configured speech command (espeak-ng if none is set).
    #[arg(long)]
    pub(crate) speak: bool,
    /// Multiply every hold, rest and tempo by F (0.25 to 4).
    #[arg(long, value_name = "F", value_parser = parse_scale)]
    pub scale: Option<f64>,
    /// Show each move's figure as a still pose, never animated (as `motion: false`).
    #[arg(long)]
    pub(crate) still: bool,
}

impl CoachArgs {
    /// Only `--scale F` (as `list` and `plan` take it).
    pub fn scaled(scale: Option<f64>) -> CoachArgs {
        CoachArgs {
            scale,
            ..CoachArgs::default()
        }
    }

    /// Only `--still` (as `figures` takes it).
    pub fn still(still: bool) -> CoachArgs {
        CoachArgs {
            still,
            ..CoachArgs::default()
        }
    }

    /// These, with what was given after the command too (that wins for `--scale`).
    pub fn with(&self, after: &CoachArgs) -> CoachArgs {
        CoachArgs {
            quiet: self.quiet || after.quiet,
            speak: self.speak || after.speak,
            scale: after.scale.or(self.scale),
            still: self.still || after.still,
        }
    }
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
        #[command(flatten)]
        coach: CoachArgs,
    },
    /// List the routines: id, name, kind, steps, planned time and where each comes from.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Times as they would run with every hold, rest and tempo multiplied by F.
        #[arg(long, value_name = "F", value_parser = parse_scale)]
        scale: Option<f64>,
    },
    /// Show a routine's steps in order with the time of each phase, then the total.
    ///
    /// A routine that progresses is planned at its current level (see `progress`).
    Plan {
        /// A routine id (see `list`) or a path to a .ron file.
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
        /// Plan this level instead of the current one.
        #[arg(long, value_name = "N")]
        level: Option<u32>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Times as they would run with every hold, rest and tempo multiplied by F.
        #[arg(long, value_name = "F", value_parser = parse_scale)]
        scale: Option<f64>,
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
        /// Export the sessions instead: `csv` (one row per session, with a header) or
        /// `ics` (iCalendar, one event per session); see the README for the columns.
        #[arg(long, value_name = "FORMAT", conflicts_with = "json")]
        format: Option<crate::export::Format>,
        /// Only sessions on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<NaiveDate>,
    },
    /// The running session's line, for a status bar or tmux's `status-right`.
    ///
    /// Read from the status file the session writes at each phase change (in
    /// $XDG_RUNTIME_DIR). Exit status 1, with nothing printed, when no session runs.
    /// TEMPLATE fields: {session} {routine} {part} {step} {number} {side} {phase} {rep}
    /// {left} {paused}; the default is `{step} {side} {left} {paused}`.
    Status {
        /// Print the status as JSON.
        #[arg(long, group = "style")]
        json: bool,
        /// Print JSON for a waybar custom module (`return-type: json`).
        #[arg(long, group = "style")]
        waybar: bool,
        /// Print an i3bar block (with --follow: the i3bar protocol).
        #[arg(long, group = "style")]
        i3bar: bool,
        /// Print the line as TEMPLATE says.
        #[arg(long, value_name = "TEMPLATE", group = "style")]
        format: Option<String>,
        /// Keep running and print a line at each change (an empty one when no session
        /// runs).
        #[arg(long)]
        follow: bool,
    },
    /// Reminders at set times or within working hours, run by the system's own timers
    /// (systemd, launchd or cron), with no program of limberup's running in between.
    #[command(subcommand)]
    Remind(RemindCommand),
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
        #[arg(add = ArgValueCompleter::new(complete_figure))]
        figure: Option<String>,
        /// Print the list as JSON.
        #[arg(long, conflicts_with = "figure")]
        json: bool,
        /// Seconds per rep when playing (default: 1.5 s per key pose).
        #[arg(long, value_name = "SECS", requires = "figure", value_parser = parse_tempo)]
        tempo: Option<f64>,
        /// Show the still pose, never animated (as `motion: false`).
        #[arg(long, requires = "figure")]
        still: bool,
    },
    /// Each progressing routine's level, why it is there, and what the next session does.
    ///
    /// A routine steps up one level after three calm sessions (completed, check-in 2 or
    /// less) and down after a check-in of 6 or more; see the README for the whole rule.
    /// The level is derived from the history alone.
    #[command(args_conflicts_with_subcommands = true)]
    Progress {
        /// Only this routine.
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: Option<String>,
        /// Print JSON: per routine `routine`, `name`, `level`, `levels`, `frozen`,
        /// `reason`, `next`.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        change: Option<ProgressChange>,
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

/// A manual change of a routine's level, kept in the history.
#[derive(Debug, Subcommand)]
pub enum ProgressChange {
    /// Put a routine at LEVEL (progress stays frozen if it was).
    Set {
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
        level: u32,
    },
    /// Back to level 1, progress unfrozen and its counts started afresh.
    Reset {
        #[arg(add = ArgValueCompleter::new(complete_routine))]
        routine: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemindCommand {
    /// Make a reminder: at fixed times (`--at 'Mon..Fri 09:30,14:00'`) or every N minutes
    /// within working hours (`--every 45m --between 09:00-17:30 --days mon-fri`).
    ///
    /// For now only `--backend print` is built: it shows the systemd timer and service, the
    /// launchd agent or the crontab lines that would be installed, and installs nothing.
    Add(RemindAdd),
}

#[derive(Debug, Clone, Args)]
pub struct RemindAdd {
    /// The reminder's name: lowercase letters, digits and `-`.
    pub name: String,
    /// The routine it offers (an id, see `list`).
    #[arg(long, value_name = "ID", add = ArgValueCompleter::new(complete_routine))]
    pub routine: String,
    /// Weekdays and times: `Mon..Fri 09:30,14:00`, or times alone for every day.
    #[arg(long, value_name = "WHEN", conflicts_with_all = ["every", "between", "days"], required_unless_present = "every")]
    pub at: Option<String>,
    /// Every so many minutes within `--between`: `45m`, `1h`, `1h30m`.
    #[arg(long, value_name = "INTERVAL", requires = "between")]
    pub every: Option<String>,
    /// The working hours `--every` fires in: `09:00-17:30` (both ends included).
    #[arg(long, value_name = "HH:MM-HH:MM", requires = "every")]
    pub between: Option<String>,
    /// The weekdays `--every` fires on: `mon-fri`, `mon,wed,fri` (default every day).
    #[arg(long, value_name = "DAYS", requires = "every")]
    pub days: Option<String>,
    /// `print`: show what would be installed, install nothing.
    #[arg(long, value_enum)]
    pub backend: RemindBackend,
    /// The system to write for (default: launchd on macOS, systemd where it runs the
    /// session, else cron).
    #[arg(long, value_enum)]
    pub system: Option<crate::remind::System>,
}

/// Where `remind add` puts a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RemindBackend {
    /// Print what would be installed; install nothing.
    Print,
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
    #[command(flatten)]
    pub coach: CoachArgs,
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

/// Words people try for a command that has another name here, with the command to use.
const OTHER_NAMES: [(&str, &str); 8] = [
    ("stats", "history"),
    ("streak", "history"),
    ("log", "history"),
    ("sessions", "history"),
    ("start", "run"),
    ("play", "run"),
    ("check", "validate"),
    ("show", "plan"),
];

/// Parses the command line, or exits with clap's message; an unknown command that is
/// another name for one of ours (`stats`) gets a tip naming it (clap suggests only names
/// spelled alike).
pub fn parse() -> Cli {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => cli,
        Err(mut err) => {
            if err.kind() == ErrorKind::InvalidSubcommand
                && let Some(ContextValue::String(word)) = err.get(ContextKind::InvalidSubcommand)
                && let Some((_, ours)) = OTHER_NAMES.iter().find(|(other, _)| other == word)
            {
                let tip = format!("`limberup {ours}` is the command for that");
                err.insert(
                    ContextKind::Suggested,
                    ContextValue::StyledStrs(vec![tip.into()]),
                );
            }
            err.format(&mut command).exit()
        }
    }
}
