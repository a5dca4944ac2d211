//! `config.ron`: the user's defaults. Every field is optional and unknown fields are errors;
//! a missing file means defaults, a bad one is reported (never silently ignored).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::routine::{LoadError, parse_ron, read_limited};
use crate::session::Timings;

/// Colours of the TUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// A colour per phase.
    #[default]
    Default,
    /// Brighter, bolder colours for a screen seen from across the room.
    HighContrast,
    /// No colour at all (as with `NO_COLOR`).
    Mono,
}

/// The file as written: `None` where the user said nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub prepare_secs: Option<u32>,
    pub rest_secs: Option<u32>,
    pub switch_secs: Option<u32>,
    pub bell: Option<bool>,
    pub check_in: Option<bool>,
    /// A command and its arguments; each cue's text is appended as the last argument.
    pub speech: Option<Vec<String>>,
    pub confirm_quit: Option<bool>,
    pub theme: Option<Theme>,
}

/// The settings in force: the file over the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub timings: Timings,
    pub bell: bool,
    pub check_in: bool,
    pub speech: Option<Vec<String>>,
    pub confirm_quit: bool,
    pub theme: Theme,
    /// The file these came from, when there was one.
    pub source: Option<PathBuf>,
    /// What the file set, for `limberup config` to say where each value came from.
    pub file: ConfigFile,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_file(ConfigFile::default(), None)
    }
}

impl Config {
    fn from_file(file: ConfigFile, source: Option<PathBuf>) -> Config {
        let defaults = Timings::default();
        Config {
            timings: Timings {
                prepare_secs: file.prepare_secs.unwrap_or(defaults.prepare_secs),
                rest_secs: file.rest_secs.unwrap_or(defaults.rest_secs),
                switch_secs: file.switch_secs.unwrap_or(defaults.switch_secs),
            },
            bell: file.bell.unwrap_or(true),
            check_in: file.check_in.unwrap_or(true),
            speech: file.speech.clone().filter(|argv| !argv.is_empty()),
            confirm_quit: file.confirm_quit.unwrap_or(true),
            theme: file.theme.unwrap_or_default(),
            source,
            file,
        }
    }

    /// Loads `path`; a missing file gives the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config, LoadError> {
        let Some(path) = path.filter(|p| p.exists()) else {
            return Ok(Config::default());
        };
        let origin = path.display().to_string();
        let text = read_limited(path).map_err(|msg| LoadError::single(&origin, msg))?;
        Config::parse(&text, path)
    }

    /// Parses config text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, LoadError> {
        let origin = path.display().to_string();
        let file: ConfigFile = parse_ron(text, &origin)?;
        check(&file, &origin)?;
        Ok(Config::from_file(file, Some(path.to_path_buf())))
    }
}

fn check(file: &ConfigFile, origin: &str) -> Result<(), LoadError> {
    let mut problems = Vec::new();
    for (name, value) in [
        ("prepare_secs", file.prepare_secs),
        ("rest_secs", file.rest_secs),
        ("switch_secs", file.switch_secs),
    ] {
        if let Some(v) = value.filter(|v| *v > 600) {
            problems.push(format!("{name}: must be 0 to 600 seconds, got {v}"));
        }
    }
    if let Some(argv) = &file.speech
        && argv.first().is_some_and(|c| c.trim().is_empty())
    {
        problems.push("speech: the command must not be blank".to_string());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError::single(origin, problems.join("; ")))
    }
}
