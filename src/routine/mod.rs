//! Routines: the RON file format, loading with located errors, validation, and the
//! catalog of built-in and user routines.

mod catalog;
mod escapes;
mod explain;
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
pub use lineup::{Lineup, check_parts};
pub use load::{
    LoadError, MAX_FILE_BYTES, Problem, load_file, load_file_with, parse, parse_ron, parse_with,
    read_limited, without_bom,
};
pub(crate) use load::{read_for_loading, read_text};
pub use locate::{Pos, Seg, locate, locate_field, locate_value, token_at};
pub use model::{Kind, Routine, Step, Work, WrittenStep};
pub use moves::MoveSteps;
pub use phase::RepPhase;
pub(crate) use validate::{Finding, check as check_rules};
pub use validate::{MAX_PARTS, MAX_TIMING_SECS};
