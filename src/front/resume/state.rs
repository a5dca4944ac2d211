//! The resume file: what a session that ended part-way needs to be taken up again, written
//! crash-safely (a whole new file renamed over the old, then the directory synced) each time
//! a step begins, and read back without ever blocking, panicking or trusting its contents.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::disk;
use crate::routine::{Entry, Kind, Lineup, Source};
use crate::session::{PlanOptions, SessionId, Timings};

/// The format written; a file of a later version is left alone, not misread.
pub const VERSION: u32 = 1;

/// One routine of the session, as it was when the session ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartState {
    pub id: String,
    /// The file it was read from (absolute); `None` for a built-in.
    pub path: Option<PathBuf>,
    /// `fingerprint` of the routine then: a routine edited since is not resumed.
    pub fingerprint: String,
    /// The level a progressing routine ran at (its fingerprint is of that level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
}

/// Everything needed to plan the session again as it ran and take it up at a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeState {
    pub version: u32,
    /// The history id of the session's first record: every record that takes it up
    /// `resumes` this one.
    pub session: SessionId,
    /// The session as run: the routine's (or combination's) id, name and kind.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// A combination's rest between parts (`None`: the config's, in `timings`).
    pub rest_secs: Option<u32>,
    pub parts: Vec<PartState>,
    /// `--scale` and the config's timings as they were, so the plan is the same.
    pub scale: f64,
    pub timings: Timings,
    /// The step in progress when written (0-based over every step of every part and
    /// round): where the session is taken up, from its start.
    pub step: usize,
    /// When the session first started, and when this was written (wall clock).
    pub started_at: DateTime<FixedOffset>,
    pub written_at: DateTime<FixedOffset>,
    /// What the parts of the session that ended before did (none until one has ended).
    #[serde(default)]
    pub earlier: Earlier,
}

/// What a session's parts that ended before `step` did, so that the part that takes it up
/// shows all of the session and asks the check-in once.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Earlier {
    /// One letter per step before `step`, as it ended: `d` done, `s` skipped, `t` stopped,
    /// `n` not reached; a letter a step, so the state stays small at any length.
    pub steps: String,
    pub active_secs: f64,
    pub paused_secs: f64,
    pub reps: u32,
    /// An earlier part asked the check-in.
    pub asked: bool,
}

impl ResumeState {
    /// The state of a new session of `lineup`, planned with `options`, at its first step.
    pub fn new(
        session: SessionId,
        lineup: &Lineup,
        options: &PlanOptions,
        started_at: DateTime<FixedOffset>,
    ) -> ResumeState {
        ResumeState {
            version: VERSION,
            session,
            id: lineup.id.clone(),
            name: lineup.name.clone(),
            kind: lineup.kind,
            rest_secs: lineup.rest_secs,
            parts: lineup
                .parts
                .iter()
                .map(|part| PartState {
                    level: lineup
                        .levels
                        .iter()
                        .find(|l| l.routine == part.id)
                        .map(|l| l.level),
                    ..PartState::of(part)
                })
                .collect(),
            scale: options.scale,
            timings: options.timings,
            step: 0,
            started_at,
            written_at: started_at,
            earlier: Earlier::default(),
        }
    }
}

/// What a routine does, as a short stable text: a digest of its content as loaded, so an
/// edit that changes any step, time or text shows (comments and layout do not count).
pub fn fingerprint(entry: &Entry) -> String {
    let content = serde_json::to_vec(&entry.routine).unwrap_or_default();
    format!("{:016x}", crate::digest::fnv1a(&content))
}

impl PartState {
    /// `entry` as a part to find again: built-ins by id, files by absolute path.
    pub fn of(entry: &Entry) -> PartState {
        let path = match &entry.source {
            Source::BuiltIn => None,
            Source::File(path) => Some(std::path::absolute(path).unwrap_or_else(|_| path.clone())),
        };
        PartState {
            id: entry.id.clone(),
            path,
            fingerprint: fingerprint(entry),
            level: None,
        }
    }
}

/// Writes `state` to `path` so that a crash at any moment leaves the old file or the new
/// one, never a mix (`disk::replace`: private, synced, renamed over it, the directory
/// synced).
pub fn write(path: &Path, state: &ResumeState) -> std::io::Result<()> {
    let text = serde_json::to_vec(state).map_err(std::io::Error::other)?;
    disk::replace(path, &text, disk::Access::Private)
}

/// Removes the resume file (there being none is fine), the removal made durable.
pub fn clear(path: &Path) -> std::io::Result<()> {
    disk::remove(path)
}

/// Reads the resume file: `Ok(None)` when there is none, `Err` with what is wrong with one
/// that cannot be used (cut short, garbage, of a later version, not a regular file, too
/// large). Read through `disk`, so a FIFO in its place cannot hang the program.
pub fn read(path: &Path) -> Result<Option<ResumeState>, String> {
    match disk::read(path, disk::Kind::Resume) {
        Ok(bytes) => parse(&bytes).map(Some),
        Err(e) if e.is_missing() => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// The state in `bytes`, or why it cannot be used.
pub fn parse(bytes: &[u8]) -> Result<ResumeState, String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let version = serde_json::from_slice::<Versioned>(bytes)
        .map_err(|e| format!("unreadable ({e}); a crash while writing?"))?
        .version;
    if version > VERSION {
        return Err(format!(
            "written by a newer limberup (format {version}; this one reads {VERSION})"
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| format!("unreadable ({e})"))
}
