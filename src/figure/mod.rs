//! Figures: a stick person doing a move, as key poses of a named skeleton and a motion that
//! runs through them in time with a rep's phases. Pure: no terminal, no clock.
//!
//! Built-ins live in `assets/figures/*.ron`; users add `figures/*.ron` in the config dir.
//! The session screen asks `Figure::pose_at(beat, pass_mode)` and hands the pose to the
//! TUI's figure widget; plain mode says `Library::describe(id)`.

mod check;
mod file;
mod joint;
mod library;
mod motion;
mod pace;
mod play;
mod pose;
mod shadow;

pub use file::{FigureFile, PoseFile, load_file, parse};
pub use joint::{JOINTS, Joint, Limb};
pub use library::{Entry, Library, builtins, check_routine, is_figure_text, load_routine};
pub use motion::{Beat, Figure, Frame, PassMode, Passes, View};
pub use pace::{FRAME, MAX_FPS};
pub use play::Playback;
pub use pose::{Point, Pose, ease};
pub(crate) use shadow::fits_everywhere;

/// Names longer than this (in chars) get no guess: nobody types one, and the edit distance
/// costs the product of the lengths.
const MAX_GUESSED: usize = 64;

/// The one name in `candidates` that `found` is probably a slip for: the closest by edit
/// distance (a swap counts once), if close enough and closer than any other.
pub(crate) fn closest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let found = found.to_lowercase();
    let chars = found.chars().count();
    if chars > MAX_GUESSED {
        return None;
    }
    let limit = (chars / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        // Lengths further apart than `limit` are further apart than `limit` edits.
        if lower.chars().count().abs_diff(chars) > limit {
            continue;
        }
        let d = strsim::damerau_levenshtein(&found, &lower);
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tie = true,
            _ => {
                best = Some((d, candidate));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, name)| name)
}

/// `x`, `y` and `z` as "`x`, `y`, `z`".
pub(crate) fn quoted<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_one_slip_and_refuses_ties_and_strangers() {
        let poses = ["tabletop", "cat", "cow"];
        assert_eq!(closest("tabeltop", poses), Some("tabletop"));
        assert_eq!(closest("Cat", poses), Some("cat"));
        // One edit from both `cat` and `cow`.
        assert_eq!(closest("caw", poses), None);
        assert_eq!(closest("plank", poses), None);
        let joints = Joint::ALL.map(Joint::name);
        assert_eq!(closest("elbo_l", joints), Some("elbow_l"));
        assert_eq!(closest("sholder_r", joints), Some("shoulder_r"));
        assert_eq!(closest("knee", joints), None);
    }
}
