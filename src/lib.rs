//! limberup: a terminal coach for warm-up and cool-down routines.
//!
//! Data flow: a RON file (`routine`) is loaded and validated, turned into a timeline
//! (`session::Plan`), and walked by a pure state machine (`session::Session`) that the TUI
//! (`tui`) or the plain-text coach (`plain`) drive with a monotonic clock, sharing how they
//! wake (input, signals), give cues (`cues` -> sounds and speech) and survive a crash
//! (`front`); the machine's record of the session is appended to the history (`history`).
//!
//! An item is `pub` only when the binary, the tests, the benches or the fuzz targets use
//! it; everything else is `pub(crate)`, so the compiler's `dead_code` lint finds what
//! nothing uses.

pub mod app;
pub mod authoring;
pub mod checkin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod cues;
pub mod digest;
pub mod disk;
pub mod export;
pub mod figure;
pub mod front;
pub mod history;
pub mod listing;
pub mod moves;
pub mod paths;
pub mod plain;
pub mod progress;
pub mod remind;
pub mod routine;
pub mod session;
pub mod shell;
pub mod sound;
pub mod speech;
pub mod stats;
pub mod status;
pub mod text;
pub mod tui;
pub mod wallclock;
pub mod wording;
