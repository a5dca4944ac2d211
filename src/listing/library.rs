//! What `limberup moves` prints: the library as a table for people or JSON for scripts, and
//! one move's card (cues, breathing, dose and its evidence) for `moves ID`.

use serde::Serialize;

use super::{aligned, one_line, pretty};
use crate::moves::{Entry, Evidence, Label, Library, dose_origin, dose_words};
use crate::routine::{Lineup, Work};

/// The moves as an aligned table, one row each.
pub fn moves_table(entries: &[&Entry]) -> String {
    let header = ["ID", "NAME", "KIND", "POSITION", "REGIONS", "DOSE"].map(String::from);
    let mut rows = vec![header];
    for entry in entries {
        let found = &entry.found;
        let regions: Vec<&str> = found.regions.iter().map(|r| r.label()).collect();
        rows.push([
            one_line(&entry.id),
            one_line(&found.name),
            found.kind.label().to_string(),
            found.position.label().to_string(),
            regions.join(","),
            one_line(&dose_words(&found.work, found.sets, &found.passes)),
        ]);
    }
    aligned(&rows)
}

/// One move in `moves --json`.
#[derive(Serialize)]
struct MoveItem<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    kind: &'static str,
    regions: Vec<&'static str>,
    position: &'static str,
    /// Empty when it needs nothing.
    equipment: Vec<&'static str>,
    passes: &'a [String],
    figure: &'a str,
    cues: &'a [String],
    breathing: &'a str,
    /// The default dose of one pass, spelled as a routine step's `work`.
    work: &'a Work,
    sets: u32,
    sources: &'a [Evidence],
    /// `built-in` or the file's path.
    source: String,
}

/// The moves as a JSON array.
pub fn moves_json(entries: &[&Entry]) -> String {
    let items: Vec<MoveItem> = entries
        .iter()
        .map(|entry| {
            let found = &entry.found;
            MoveItem {
                id: &entry.id,
                name: &found.name,
                aliases: &found.aliases,
                kind: found.kind.label(),
                regions: found.regions.iter().map(|r| r.label()).collect(),
                position: found.position.label(),
                equipment: found.equipment.iter().map(|e| e.label()).collect(),
                passes: &found.passes,
                figure: &found.figure,
                cues: &found.cues,
                breathing: &found.breathing,
                work: &found.work,
                sets: found.sets.unwrap_or(1),
                sources: &found.sources,
                source: entry.source.to_string(),
            }
        })
        .collect();
    pretty(&items)
}

/// What `moves ID` says beside the figure: kind and position, cues, breathing, the dose
/// and each source with what it says.
pub fn move_card(entry: &Entry) -> Vec<String> {
    let found = &entry.found;
    let regions: Vec<&str> = found.regions.iter().map(|r| r.label()).collect();
    let equipment = match found.equipment.as_slice() {
        [] => "nothing".to_string(),
        needs => needs
            .iter()
            .map(|e| e.label())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut lines = vec![format!(
        "{} · {} · {} · needs {equipment}",
        found.kind.label(),
        found.position.label(),
        regions.join(", ")
    )];
    if !found.aliases.is_empty() {
        lines.push(format!("also: {}", found.aliases.join(", ")));
    }
    lines.extend(found.cues.iter().map(|cue| format!("• {cue}")));
    lines.push(format!("breathing: {}", found.breathing));
    lines.push(format!(
        "dose: {}",
        dose_words(&found.work, found.sets, &found.passes)
    ));
    for source in &found.sources {
        lines.push(format!("source: {}: {}", source.cite, source.says));
    }
    lines.into_iter().map(|l| one_line(&l)).collect()
}

/// What `plan` adds under its table when a step names a move: where each step's dose comes
/// from, numbered as the steps of each part. Nothing when every dose is the routine's own.
pub fn dose_sources(lineup: &Lineup, moves: &Library) -> String {
    let steps = lineup.parts.iter().flat_map(|p| &p.routine.steps);
    if steps.into_iter().all(|s| s.move_id.is_none()) {
        return String::new();
    }
    let mut out = String::from("\nWhere the doses come from:\n");
    for part in &lineup.parts {
        if lineup.parts.len() > 1 {
            out.push_str(&format!("{}:\n", one_line(&part.routine.name)));
        }
        for (i, step) in part.routine.steps.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}: {}\n",
                i + 1,
                one_line(&step.name),
                one_line(&dose_origin(step, moves))
            ));
        }
    }
    out
}
