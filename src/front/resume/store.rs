//! Where resume states are kept: a file per session in the resume directory, named by the
//! session's id, so two sessions at once never take each other's state; `resume` takes up
//! the one written last. Only the newest few are kept.

use std::path::{Path, PathBuf};

use super::state::{ResumeState, read};
use crate::session::SessionId;

/// States kept at most: older ones are removed when a session writes its first.
pub const KEEP: usize = 8;
/// Files looked at in the directory at most, so a flooded directory cannot stall a start.
const LOOK_AT: usize = 256;
/// Unreadable files named at most.
const WARN_AT_MOST: usize = 3;

/// The file of `session`'s state in `dir`. An id that is not a plain word (a state file
/// can say anything) is named by its digest, so it can never name a path elsewhere.
pub fn file_in(dir: &Path, session: &SessionId) -> PathBuf {
    let id = &session.0;
    let plain = !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let name = if plain {
        id.clone()
    } else {
        format!("{:016x}", crate::digest::fnv1a(id.as_bytes()))
    };
    dir.join(format!("{name}.json"))
}

/// The state written last in `dir` (none when there is none), and a warning for each file
/// that could not be read (the first few).
pub fn latest(dir: &Path) -> (Option<ResumeState>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut best: Option<ResumeState> = None;
    for file in state_files(dir) {
        match read(&file) {
            Ok(Some(state)) => {
                if best
                    .as_ref()
                    .is_none_or(|b| state.written_at > b.written_at)
                {
                    best = Some(state);
                }
            }
            Ok(None) => {}
            Err(why) if warnings.len() < WARN_AT_MOST => {
                warnings.push(format!("{}: {why}; ignored", file.display()));
            }
            Err(_) => {}
        }
    }
    (best, warnings)
}

/// Removes all but the newest `KEEP - 1` states besides `own`, oldest first by the time the
/// file was last written. Best effort: a file that cannot be removed stays.
pub fn prune(dir: &Path, own: &Path) {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = state_files(dir)
        .into_iter()
        .filter(|f| f != own)
        .filter_map(|f| Some((std::fs::symlink_metadata(&f).ok()?.modified().ok()?, f)))
        .collect();
    files.sort();
    let over = files.len().saturating_sub(KEEP - 1);
    for (_, file) in files.into_iter().take(over) {
        let _ = std::fs::remove_file(file);
    }
}

/// The `*.json` files in `dir` (the first `LOOK_AT`); none when it does not exist.
fn state_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .take(LOOK_AT)
        .collect()
}
