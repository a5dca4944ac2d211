//! The rules of a combination (a routine with `parts`) that need no other routine: its part
//! ids as written, and the fields it cannot have. Which ids exist is the catalog's to check
//! (`routine::lineup`), as it knows the other routines.

use super::{Found, Push, check_text, field};
use crate::routine::catalog::looks_like_path;
use crate::routine::locate::Seg;
use crate::routine::model::Routine;

/// More parts than any session needs; a bound on what one file can make run.
pub const MAX_PARTS: usize = 16;

/// The example every "needs parts" message gives.
pub const EXAMPLE: &str = "`parts: [\"warm-up\", \"workout\", \"cool-down\"]`";

/// What a routine with both `steps` and `parts` is told (the loader tells `steps: []` too).
pub const BOTH: &str = "a routine has either `steps` (its own) or `parts` (other routines to \
                        run in order), not both";

pub(super) fn check(found: &mut Found, routine: &Routine) {
    if !routine.steps.is_empty() {
        found.problem(vec![field("parts")], BOTH);
    }
    // A combination's parts keep their own timings and rounds; only the rest between two
    // parts is its own.
    for (name, set) in [
        ("prepare_secs", routine.prepare_secs.is_some()),
        ("switch_secs", routine.switch_secs.is_some()),
        ("rounds", routine.rounds.is_some()),
        ("round_rest_secs", routine.round_rest_secs.is_some()),
    ] {
        if set {
            found.problem(
                vec![field(name)],
                "not for a combination (a routine with `parts`): each part keeps its own; \
                 a combination may set `rest_secs`, the rest between two parts",
            );
        }
    }
    if routine.parts.len() > MAX_PARTS {
        found.problem(
            vec![field("parts")],
            format!("at most {MAX_PARTS} parts, got {}", routine.parts.len()),
        );
    }
    for (i, id) in routine.parts.iter().enumerate() {
        let path = vec![field("parts"), Seg::Index(i)];
        if !check_text(found, path.clone(), id, "a routine id", true) {
            continue;
        }
        if looks_like_path(id) {
            found.problem(
                path,
                format!(
                    "{id:?} looks like a path; parts name routines by id (a file's name \
                     without `.ron`, in your routines dir or built in), so the file can be \
                     shared"
                ),
            );
        }
    }
}
