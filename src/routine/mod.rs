//! Routines: the RON file format, loading with located errors, validation, and the
//! catalog of built-in and user routines.

mod catalog;
mod escapes;
mod explain;
mod grow;
mod lineup;
mod load;
mod locate;
mod model;
mod moves;
mod phase;
mod validate;

pub(crate) use catalog::ron_files;
pub use catalog::{
    Catalog, Entry, SharedMoves, Source, builtin_source, builtins, ids, looks_like_path,
};
pub(crate) use escapes::char_in_string;
pub use grow::{Change, Growth, Level, Progression, RanAt, Rule};
pub use lineup::{Lineup, check_parts};
pub use load::{
    LoadError, Problem, load_file, load_file_with, parse, parse_ron, parse_with, read_source,
    without_bom,
};
pub use locate::{Pos, Seg, locate, locate_field, locate_value, token_at};
pub use model::{Kind, Routine, Step, Work, WrittenStep};
pub use moves::MoveSteps;
pub use phase::RepPhase;
pub(crate) use validate::{Finding, check as check_rules};
pub use validate::{
    MAX_NAME_CHARS, MAX_PARTS, MAX_SESSION_PASSES, MAX_SESSION_PLANNED_SECS, MAX_SESSION_STEPS,
    MAX_TIMING_SECS, REPEATS, Size,
};
