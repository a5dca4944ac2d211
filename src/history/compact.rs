//! A session's record as the history keeps it: only what happened (no step not reached, no
//! pass not begun), and, for a session too large for one line, with less detail (first the
//! passes, then the steps), so the line always fits what the reader reads (`MAX_LINE`).

use super::lines::MAX_LINE;
use crate::session::{PassRecord, SessionRecord, StepStatus};

/// The JSON line of `record`, without its newline: at most `MAX_LINE` bytes for any
/// record of a valid routine (names, parts and the session's size are bounded).
pub(super) fn encode(record: &SessionRecord) -> serde_json::Result<String> {
    let mut kept = SessionRecord {
        steps: record
            .steps
            .iter()
            .filter(|s| s.status != StepStatus::NotReached)
            .cloned()
            .map(|mut step| {
                step.passes.retain(begun);
                step
            })
            .collect(),
        ..record.clone()
    };
    let text = serde_json::to_string(&kept)?;
    if text.len() <= MAX_LINE {
        return Ok(text);
    }
    kept.trimmed = true;
    for step in &mut kept.steps {
        step.passes.clear();
    }
    let text = serde_json::to_string(&kept)?;
    if text.len() <= MAX_LINE {
        return Ok(text);
    }
    kept.steps.clear();
    serde_json::to_string(&kept)
}

/// Whether anything of `pass` was done: time worked, reps, or marked done.
fn begun(pass: &PassRecord) -> bool {
    pass.active_secs > 0.0 || pass.reps.is_some_and(|r| r > 0) || pass.marked_done
}
