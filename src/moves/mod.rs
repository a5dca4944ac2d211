//! Moves: the library of exercises the coach knows, each with a figure, form cues, a default
//! dose and the evidence for it. Pure: no terminal, no clock.
//!
//! Built-ins live in `assets/moves/*.ron`; users add `moves/*.ron` in the config dir. A
//! routine step names one with `Step(move: "bird-dog")` (see `routine::MoveSteps`);
//! `validate` holds a routine's doses to the move's evidence (`notes`).

mod check;
mod dose;
mod file;
mod filter;
mod library;
mod model;
mod notes;

pub use check::CUES;
pub use dose::{BEHM, WARM_UP_STRETCH_SECS, dose_words, outside};
pub use file::parse;
pub use filter::{Filter, parse_equipment, parse_label};
pub use library::{Entry, Library, builtin, builtins, check_file};
pub use model::{Equipment, Evidence, Label, Move, MoveKind, Position, Region};
pub use notes::{dose_origin, notes};
