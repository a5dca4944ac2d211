//! What the read-only commands print: `list`, `plan`, `validate`. Pure rendering into
//! strings (tables for people, JSON for scripts) from the catalog and `session::Plan`.

mod figures;
mod library;
mod plan;
mod plan_json;

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::clock::clock_tenths as clock;
use crate::figure::{self, Library};
use crate::moves;
use crate::routine::{Catalog, Entry, Kind, Lineup, LoadError, looks_like_path};
use crate::session::{Plan, PlanOptions};
use crate::text::width;

pub use figures::{figures_json, figures_table};
pub use library::{dose_sources, move_card, moves_json, moves_table};
pub use plan::plan_table;
pub use plan_json::plan_json;

/// Seconds for JSON: an integer when whole, so scripts see `372`, not `372.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Secs(pub Duration);

impl Serialize for Secs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.subsec_nanos() == 0 {
            s.serialize_u64(self.0.as_secs())
        } else {
            s.serialize_f64(self.0.as_secs_f64())
        }
    }
}

/// A planned time with what it leaves out: `6:12 + 20 counted reps`, `0:05 + open step`.
pub(crate) fn planned(plan: &Plan) -> String {
    let mut text = clock(plan.total());
    match plan.counted_reps() {
        0 => {}
        1 => text.push_str(" + 1 counted rep"),
        n => text.push_str(&format!(" + {n} counted reps")),
    }
    if let Some(open) = crate::wording::open_steps(plan) {
        text.push_str(&format!(" + {open}"));
    }
    text
}

/// Text from a routine file (or its path) as a table shows it: control characters escaped
/// (`text::clean`), so none reaches the terminal and a `\n` cannot break a row.
pub(crate) fn one_line(text: &str) -> String {
    crate::text::clean(text).into_owned()
}

/// `rows` as a table: each column as wide as its widest cell (in terminal columns), two
/// spaces between columns, no trailing spaces.
pub(crate) fn aligned<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, w) in row.iter().zip(widths) {
            line.push_str(&crate::text::pad(cell, w));
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The plan of `entry` as it runs: a combination's with its parts taken from `known` (the
/// catalog checked them; a combination whose parts cannot be found plans nothing).
pub fn plan_of(entry: &Entry, known: &[Entry], options: &PlanOptions) -> Plan {
    match Lineup::of(vec![entry.clone()], known) {
        Ok(lineup) => Plan::session(&lineup, options),
        Err(_) => Plan::new(&entry.id, &entry.routine, options),
    }
}

/// The routines as an aligned table, one row each; a combination counts its parts' steps.
pub fn list_table(entries: &[Entry], options: &PlanOptions) -> String {
    let header = ["ID", "NAME", "KIND", "STEPS", "TIME", "SOURCE"].map(String::from);
    let mut rows = vec![header];
    for entry in entries {
        let plan = plan_of(entry, entries, options);
        rows.push([
            one_line(&entry.id),
            one_line(&entry.routine.name),
            entry.routine.kind.label().to_string(),
            plan.step_count().to_string(),
            planned(&plan),
            one_line(&entry.source.to_string()),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let pad = w - width(cell);
            match i {
                // Numbers right-aligned.
                3 => line.push_str(&format!("{}{cell}  ", " ".repeat(pad))),
                5 => line.push_str(cell),
                _ => line.push_str(&format!("{cell}{}  ", " ".repeat(pad))),
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One routine in `list --json`.
#[derive(Serialize)]
struct ListItem<'a> {
    id: &'a str,
    name: &'a str,
    /// Spelled as in the file: `WarmUp`, `CoolDown`, `Other`.
    kind: Kind,
    steps: usize,
    total_secs: Secs,
    counted_reps: u32,
    open_steps: usize,
    /// `built-in` or the file's path.
    source: String,
    /// A combination's routine ids, in order; absent for a routine with steps.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    parts: &'a [String],
}

/// The routines as a JSON array.
pub fn list_json(entries: &[Entry], options: &PlanOptions) -> String {
    let items: Vec<ListItem> = entries
        .iter()
        .map(|entry| {
            let plan = plan_of(entry, entries, options);
            ListItem {
                id: &entry.id,
                name: &entry.routine.name,
                kind: entry.routine.kind,
                steps: plan.step_count(),
                total_secs: Secs(plan.total()),
                counted_reps: plan.counted_reps(),
                open_steps: plan.open_passes(),
                source: entry.source.to_string(),
                parts: &entry.routine.parts,
            }
        })
        .collect();
    pretty(&items)
}

pub(crate) fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The outcome of `validate` for one argument.
pub struct Checked {
    /// The routine id or path as given.
    pub arg: String,
    /// The error lines (`path:line:col: ...`), or `None` when the routine is fine.
    pub error: Option<String>,
    /// Where a good routine doses a move past the move's evidence: notes, not errors.
    pub notes: Vec<String>,
}

/// The move file `arg` names, loaded and checked against `figures`, when it names a file
/// whose top level is `Move(...)`; `None` for anything else.
fn move_file(arg: &str, figures: &Library) -> Option<Result<(), LoadError>> {
    if !looks_like_path(arg) {
        return None;
    }
    let text = crate::routine::read_source(Path::new(arg), crate::disk::Kind::Routine).ok()?;
    let is_move = crate::routine::token_at(&text, 0).is_some_and(|(_, word)| word == "Move");
    is_move.then(|| moves::check_file(Path::new(arg), figures).map(|_| ()))
}

/// The figure file `arg` names, loaded, when it names a file whose top level is
/// `Figure(...)`; `None` for anything else (an id, a routine file).
fn figure_file(arg: &str) -> Option<Result<figure::Figure, LoadError>> {
    if !looks_like_path(arg) {
        return None;
    }
    // Read as routines are: a FIFO or a device is refused, never waited on.
    let text = crate::routine::read_source(Path::new(arg), crate::disk::Kind::Figure).ok()?;
    figure::is_figure_text(&text).then(|| figure::load_file(Path::new(arg)))
}

/// Checks each argument, named by id or path as every command names a routine, keeping
/// every problem found; a file whose top level is `Figure(...)` is checked as a figure. A
/// routine's `figure:` may name a figure of `figures` or one of the good figure files among
/// `args`.
pub fn validate(
    catalog: &Catalog,
    figures: &Library,
    moves: &moves::Library,
    args: &[String],
) -> Vec<Checked> {
    let mut known = figures.clone();
    let read: Vec<Option<Result<(), LoadError>>> = args
        .iter()
        .map(|arg| {
            figure_file(arg).map(|loaded| {
                let figure = loaded?;
                let path = Path::new(arg);
                let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
                let id = id.unwrap_or_default();
                // As loading it from the figures dir would: one replacing a built-in must
                // fit every routine naming it.
                if figure::builtins().iter().any(|(builtin, _)| *builtin == id) {
                    figure::fits_everywhere(&id, &figure, path, &catalog.entries)?;
                }
                known.add(figure::Entry {
                    id,
                    figure,
                    source: crate::routine::Source::File(path.to_path_buf()),
                });
                Ok(())
            })
        })
        .collect();
    args.iter()
        .zip(read)
        .map(|(arg, figure)| {
            let mut notes = Vec::new();
            let result = figure
                .or_else(|| move_file(arg, &known))
                .unwrap_or_else(|| {
                    let entry = catalog.check(arg)?;
                    notes = moves::notes(&entry.routine, moves);
                    if entry.routine.is_combination() {
                        crate::routine::check_parts(&entry, &catalog.entries, &catalog.errors)?;
                    }
                    if entry.routine.steps.iter().any(|s| s.figure.is_some()) {
                        let text = entry.text()?;
                        figure::check_routine(&text, &entry.origin(), &entry.routine, &known)?;
                    }
                    Ok(())
                });
            Checked {
                arg: arg.clone(),
                error: result.err().map(|e| e.to_string()),
                notes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_seconds_are_integers_when_whole() {
        let json = |d| serde_json::to_string(&Secs(d)).unwrap();
        assert_eq!(json(Duration::from_secs(30)), "30");
        assert_eq!(json(Duration::from_millis(7_500)), "7.5");
    }

    #[test]
    fn one_line_escapes_control_characters() {
        assert_eq!(one_line("a\nb\tc\u{1b}[2J"), "a\\nb\\tc\\u{1b}[2J");
    }
}
