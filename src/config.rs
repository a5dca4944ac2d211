//! `config.ron`: the user's defaults. Every field is optional and unknown fields are errors;
//! a missing file means defaults, a bad one is reported (never silently ignored).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::disk;
use crate::paths::Paths;
use crate::routine::{
    LoadError, MAX_TIMING_SECS, Pos, Problem, locate_field, parse_ron, read_source, token_at,
    without_bom,
};
use crate::session::Timings;
use crate::sound::{SoundConfig, SoundMode};

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
#[serde(rename = "Config", deny_unknown_fields)]
pub(crate) struct ConfigFile {
    pub(crate) prepare_secs: Option<u32>,
    pub(crate) rest_secs: Option<u32>,
    pub(crate) switch_secs: Option<u32>,
    pub(crate) sounds: Option<SoundMode>,
    /// The soft beat and breath tones of paced reps.
    pub(crate) beat: Option<bool>,
    /// A player and its arguments; each sound's WAV file is appended as the last argument.
    pub(crate) sound: Option<Vec<String>>,
    pub(crate) check_in: Option<bool>,
    /// A command and its arguments; each cue's text is appended as the last argument.
    pub(crate) speech: Option<Vec<String>>,
    pub(crate) confirm_quit: Option<bool>,
    pub(crate) theme: Option<Theme>,
    /// Animate the figure of each move; `false` shows still poses only.
    pub(crate) motion: Option<bool>,
    /// Before `sounds`: `false` meant silence, and still does where `sounds` is not set.
    pub(crate) bell: Option<bool>,
    /// A command and its arguments run at each session event (see `front::hook`).
    pub(crate) hook: Option<Vec<String>>,
}

/// The settings in force: the file over the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub timings: Timings,
    pub sound: SoundConfig,
    pub check_in: bool,
    pub speech: Option<Vec<String>>,
    pub confirm_quit: bool,
    pub theme: Theme,
    pub(crate) motion: bool,
    /// Run at session start, each phase change, each step end and the session end.
    pub hook: Option<Vec<String>>,
    /// The file these came from, when there was one.
    pub source: Option<PathBuf>,
    /// What the file set, for `limberup config` to say where each value came from.
    pub(crate) file: ConfigFile,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_file(ConfigFile::default(), None)
    }
}

impl Config {
    fn from_file(file: ConfigFile, source: Option<PathBuf>) -> Config {
        let defaults = Timings::default();
        let legacy_silence = file.bell == Some(false);
        let sound = SoundConfig {
            mode: file.sounds.unwrap_or(if legacy_silence {
                SoundMode::Off
            } else {
                SoundMode::Auto
            }),
            beat: file.beat.unwrap_or(true),
            command: file.sound.clone().filter(|argv| !argv.is_empty()),
        };
        Config {
            timings: Timings {
                prepare_secs: file.prepare_secs.unwrap_or(defaults.prepare_secs),
                rest_secs: file.rest_secs.unwrap_or(defaults.rest_secs),
                switch_secs: file.switch_secs.unwrap_or(defaults.switch_secs),
            },
            sound,
            check_in: file.check_in.unwrap_or(true),
            speech: file.speech.clone().filter(|argv| !argv.is_empty()),
            confirm_quit: file.confirm_quit.unwrap_or(true),
            theme: file.theme.unwrap_or_default(),
            motion: file.motion.unwrap_or(true),
            hook: file.hook.clone().filter(|argv| !argv.is_empty()),
            source,
            file,
        }
    }

    /// Loads `path`; a missing file gives the defaults. A symbolic link to nothing is an
    /// error, not a missing file: the user meant some file to be read.
    pub fn load(path: Option<&Path>) -> Result<Config, LoadError> {
        let missing = |p: &Path| {
            p.symlink_metadata()
                .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        };
        let Some(path) = path.filter(|p| !missing(p)) else {
            return Ok(Config::default());
        };
        let origin = path.display().to_string();
        if !path.exists()
            && let Ok(target) = std::fs::read_link(path)
        {
            return Err(LoadError::single(
                origin,
                format!(
                    "a symbolic link to {}, which does not exist; fix or remove the link \
                     (with no config file at all, the defaults apply)",
                    target.display()
                ),
            ));
        }
        let text = read_source(path, disk::Kind::Config)?;
        Config::parse(&text, path)
    }

    /// Parses config text; `path` names it in errors. A file of nothing but blanks and
    /// comments means the defaults, as an empty one does.
    pub fn parse(text: &str, path: &Path) -> Result<Config, LoadError> {
        let origin = path.display().to_string();
        let text = without_bom(text);
        if token_at(text, 0).is_none() {
            return Ok(Config::from_file(
                ConfigFile::default(),
                Some(path.to_path_buf()),
            ));
        }
        let file: ConfigFile = parse_ron(text, &origin)?;
        let problems = check(&file, text);
        if !problems.is_empty() {
            return Err(LoadError { origin, problems });
        }
        Ok(Config::from_file(file, Some(path.to_path_buf())))
    }

    /// The speech command of this run: the configured one, or with `--speak` (`speak`)
    /// `espeak-ng` when none is configured; `None` means silent.
    pub fn speech_command(&self, speak: bool) -> Option<Vec<String>> {
        self.speech
            .clone()
            .or_else(|| speak.then(|| vec!["espeak-ng".to_string()]))
    }

    /// The effective configuration as a config file (it parses back), each value followed
    /// by where it came from, under the paths of every file limberup uses (shown through
    /// `text::clean`: a path can hold anything).
    pub fn report(&self, paths: &Paths) -> String {
        let path = |p: &Path| crate::text::clean(&p.display().to_string()).into_owned();
        let show = |p: Option<PathBuf>| {
            p.map_or_else(|| "(none: no home directory)".to_string(), |p| path(&p))
        };
        let file_state = match (&self.source, paths.config_file()) {
            (Some(_), _) => String::new(),
            (None, Some(_)) => " (not found: every value is a default)".to_string(),
            (None, None) => String::new(),
        };
        let from = |set: bool| match (&self.source, set) {
            (Some(source), true) => format!("from {}", path(source)),
            _ => "default".to_string(),
        };
        let f = &self.file;
        let argv = |argv: &Option<Vec<String>>| {
            argv.as_ref().map_or_else(
                || "[]".to_string(),
                |argv| ron::to_string(argv).unwrap_or_default(),
            )
        };
        // `bell: false` in an older file is what set `sounds: Off`.
        let sounds_set = f.sounds.is_some() || f.bell == Some(false);
        let rows = [
            (
                "prepare_secs",
                self.timings.prepare_secs.to_string(),
                f.prepare_secs.is_some(),
            ),
            (
                "rest_secs",
                self.timings.rest_secs.to_string(),
                f.rest_secs.is_some(),
            ),
            (
                "switch_secs",
                self.timings.switch_secs.to_string(),
                f.switch_secs.is_some(),
            ),
            ("sounds", format!("{:?}", self.sound.mode), sounds_set),
            ("beat", self.sound.beat.to_string(), f.beat.is_some()),
            ("sound", argv(&self.sound.command), f.sound.is_some()),
            ("check_in", self.check_in.to_string(), f.check_in.is_some()),
            ("speech", argv(&self.speech), f.speech.is_some()),
            (
                "confirm_quit",
                self.confirm_quit.to_string(),
                f.confirm_quit.is_some(),
            ),
            ("theme", format!("{:?}", self.theme), f.theme.is_some()),
            ("motion", self.motion.to_string(), f.motion.is_some()),
            ("hook", argv(&self.hook), f.hook.is_some()),
        ];
        let width = rows
            .iter()
            .map(|(name, value, _)| name.len() + value.len())
            .max()
            .unwrap_or(0);
        let mut out = format!(
            "// Config file:  {}{file_state}\n// Routines dir: {}\n// History file: {}\nConfig(\n",
            show(paths.config_file()),
            show(paths.routines_dir()),
            show(paths.history_file()),
        );
        for (name, value, set) in rows {
            let pad = width - name.len() - value.len();
            let source = from(set);
            out.push_str(&format!("    {name}: {value},{:pad$} // {source}\n", ""));
        }
        out.push_str(")\n");
        out
    }
}

/// The value rules serde cannot express, each located at its field.
fn check(file: &ConfigFile, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |field: &str, message: String| {
        problems.push(Problem {
            pos: locate_field(text, &[field]).map(|at| Pos::of_offset(text, at)),
            step: None,
            field: Some(field.to_string()),
            message,
        });
    };
    for (name, value) in [
        ("prepare_secs", file.prepare_secs),
        ("rest_secs", file.rest_secs),
        ("switch_secs", file.switch_secs),
    ] {
        if let Some(v) = value.filter(|v| *v > MAX_TIMING_SECS) {
            problem(
                name,
                format!("must be 0 to {MAX_TIMING_SECS} seconds, got {v}"),
            );
        }
    }
    if let Some(argv) = &file.speech
        && argv.first().is_some_and(|c| c.trim().is_empty())
    {
        problem(
            "speech",
            "the command must not be blank (use `speech: []` for no speech)".to_string(),
        );
    }
    if let Some(argv) = &file.sound
        && argv.first().is_some_and(|c| c.trim().is_empty())
    {
        problem(
            "sound",
            "the command must not be blank (use `sound: []` to find a player)".to_string(),
        );
    }
    if let Some(argv) = &file.hook
        && argv.first().is_some_and(|c| c.trim().is_empty())
    {
        problem(
            "hook",
            "the command must not be blank (use `hook: []` for no hook)".to_string(),
        );
    }
    problems
}
