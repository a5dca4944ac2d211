//! What `limberup figures` prints: the figures as a table for people or JSON for scripts.

use serde::Serialize;

use super::{aligned, one_line, pretty};
use crate::figure::{Entry, Passes, View};

fn view_label(view: View) -> &'static str {
    match view {
        View::Side => "side",
        View::Front => "front",
    }
}

/// The motion in words: `cat → cow`, `still` for a single pose, first and last of a long one.
fn motion_label(entry: &Entry) -> String {
    let names: Vec<&str> = entry.figure.motion().collect();
    match names.as_slice() {
        [_] => "still".to_string(),
        [first, .., last] if names.len() > 4 => {
            format!("{first} → … → {last} ({} poses)", names.len())
        }
        _ => names.join(" → "),
    }
}

/// The figures as an aligned table, one row each.
pub fn figures_table(entries: &[Entry]) -> String {
    let header = ["ID", "NAME", "VIEW", "MOTION", "SOURCE"].map(String::from);
    let mut rows = vec![header];
    for entry in entries {
        rows.push([
            one_line(&entry.id),
            one_line(&entry.figure.name),
            view_label(entry.figure.view).to_string(),
            one_line(&motion_label(entry)),
            one_line(&entry.source.to_string()),
        ]);
    }
    aligned(&rows)
}

/// One figure in `figures --json`.
#[derive(Serialize)]
struct FigureItem<'a> {
    id: &'a str,
    name: &'a str,
    /// Spelled as in the file: `Side`, `Front`.
    view: View,
    description: &'a str,
    passes: Passes,
    still: &'a str,
    /// The key poses of one rep, in order.
    motion: Vec<&'a str>,
    poses: Vec<&'a str>,
    /// `built-in` or the file's path.
    source: String,
}

/// The figures as a JSON array.
pub fn figures_json(entries: &[Entry]) -> String {
    let items: Vec<FigureItem> = entries
        .iter()
        .map(|entry| {
            let figure = &entry.figure;
            FigureItem {
                id: &entry.id,
                name: &figure.name,
                view: figure.view,
                description: &figure.description,
                passes: figure.passes,
                still: figure.still_name(),
                motion: figure.motion().collect(),
                poses: figure.poses().map(|(name, _)| name).collect(),
                source: entry.source.to_string(),
            }
        })
        .collect();
    pretty(&items)
}
