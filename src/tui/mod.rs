//! The interactive coach: a picker, the session screen and a summary, drawn with ratatui
//! from the session machine's `View`; keys become machine commands through the keymap.

mod app;
mod bigdigits;
mod figure;
mod glyphs;
mod keymap;
mod overlays;
mod picker;
mod player;
mod runner;
mod session;
mod summary;
mod terminal;
mod theme;
mod widgets;

pub use app::{App, Effect, Options, WallClock};
pub use figure::{FigureWidget, Ink, MIN_SIZE as FIGURE_MIN_SIZE, marker_for, units_per_dot};
pub use glyphs::Glyphs;
pub use keymap::{Action, Binding, HELP_SECTIONS};
pub use player::{Player, Reply, play as play_figure};
pub use runner::{Start, run};
pub use summary::CheckIn;
pub use terminal::unusable;
pub use theme::Theme;
