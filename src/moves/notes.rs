//! What `plan` says about where each step's dose comes from, and the notes `validate` adds
//! where a routine doses a move past its evidence.

use super::dose::{self, BEHM, WARM_UP_STRETCH_SECS};
use super::library::Library;
use super::model::{Label, Region};
use crate::routine::{Kind, Routine, Step};

/// Where `step`'s dose comes from, in a few words.
pub fn dose_origin(step: &Step, moves: &Library) -> String {
    let Some(id) = &step.move_id else {
        return "written in the routine".to_string();
    };
    let Some(entry) = moves.find(id) else {
        return format!("written in the routine (move `{id}`)");
    };
    let cites: Vec<&str> = entry
        .found
        .sources
        .iter()
        .map(|s| s.cite.as_str())
        .collect();
    if step.work == entry.found.work && step.sets == entry.found.sets {
        format!("move `{id}`'s default, after {}", cites.join("; "))
    } else {
        format!(
            "written in the routine; move `{id}`'s default follows {}",
            cites.join("; ")
        )
    }
}

/// Every note for `routine`: each hold past its move's hold range, and in a warm-up each
/// region given 60 s or more of static stretch.
pub fn notes(routine: &Routine, moves: &Library) -> Vec<String> {
    let mut notes = Vec::new();
    let rounds = routine.rounds.unwrap_or(1);
    let mut stretched: Vec<(&[Region], u32)> = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let Some(entry) = step.move_id.as_deref().and_then(|id| moves.find(id)) else {
            continue;
        };
        let found = &entry.found;
        if let Some((source, low, high)) = dose::hold_past(&step.work, &found.sources) {
            notes.push(format!(
                "step {} ({:?}): holds past the {low}-{high} s that {} gives for {}; \
                 more repetitions build endurance better than longer holds",
                i + 1,
                step.name,
                source.cite,
                found.name
            ));
        }
        let secs = dose::stretch_secs(found.kind, &step.work, step.sets, rounds);
        stretched.push((&found.regions, secs));
    }
    if routine.kind == Kind::WarmUp {
        for (region, secs) in dose::overstretched(&stretched) {
            notes.push(format!(
                "{secs} s of static stretch for the {} in a warm-up: {WARM_UP_STRETCH_SECS} s \
                 or more per muscle before exercise costs about 4.6% of performance, under \
                 {WARM_UP_STRETCH_SECS} s about 1.1% ({BEHM}); keep holds short or move them \
                 to the cool-down",
                region.label()
            ));
        }
    }
    notes
}
