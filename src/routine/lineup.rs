//! What one session runs: one routine, a combination's parts, or the routines given to
//! `run A B C`, resolved to routines with steps of their own, in order. A combination's
//! part ids are checked here against the other routines, each problem located in its file.

use super::catalog::{Catalog, Entry, is_error_of, unknown_id};
use super::grow::RanAt;
use super::load::{LoadError, Problem};
use super::locate::{Pos, Seg, locate};
use super::model::Kind;
use super::validate::{MAX_PARTS, Size};

/// The routines of one session, in the order they run.
#[derive(Debug, Clone)]
pub struct Lineup {
    /// How the history names the session: the routine's (or combination's) id, or the ids
    /// given to `run` joined with `+`.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// The rest between two parts: a combination's `rest_secs`; `None` for the config's.
    pub rest_secs: Option<u32>,
    /// Every one a routine with steps; at least one.
    pub parts: Vec<Entry>,
    /// The level each progressing part runs at, already applied to its steps (see
    /// `Lineup::at_levels`); empty until levels are chosen.
    pub levels: Vec<RanAt>,
}

impl Lineup {
    /// The session of `chosen`, in order, with `known` the routines a combination may name:
    /// one routine is itself, a combination its parts; several run one after another (a
    /// combination among them brings its parts). `chosen` must not be empty.
    pub fn of(chosen: Vec<Entry>, known: &[Entry]) -> Result<Lineup, LoadError> {
        let mut parts = Vec::new();
        for entry in &chosen {
            parts.extend(expand(entry, known)?);
        }
        check_size(&chosen, &parts)?;
        let (id, name, kind, rest_secs) = match chosen.as_slice() {
            [one] => (
                one.id.clone(),
                one.routine.name.clone(),
                one.routine.kind,
                one.routine
                    .rest_secs
                    .filter(|_| one.routine.is_combination()),
            ),
            several => {
                let ids: Vec<&str> = several.iter().map(|e| e.id.as_str()).collect();
                let names: Vec<&str> = several.iter().map(|e| e.routine.name.as_str()).collect();
                let kind = match several.first().map(|e| e.routine.kind) {
                    Some(first) if several.iter().all(|e| e.routine.kind == first) => first,
                    _ => Kind::Other,
                };
                (ids.join("+"), names.join(", "), kind, None)
            }
        };
        Ok(Lineup {
            id,
            name,
            kind,
            rest_secs,
            parts,
            levels: Vec::new(),
        })
    }

    /// This session with each progressing part at the level `level_of` gives it (by part),
    /// its steps changed to that level and the level kept in `levels` for the record.
    pub fn at_levels(mut self, level_of: impl Fn(&Entry) -> u32) -> Lineup {
        self.levels.clear();
        for part in &mut self.parts {
            if part.routine.progression.is_some() {
                let level = level_of(part).clamp(1, part.routine.level_count());
                part.routine = part.routine.at_level(level);
                self.levels.push(RanAt {
                    routine: part.id.clone(),
                    level,
                });
            }
        }
        self
    }
}

impl Catalog {
    /// The session of `chosen` (resolved routines, in order), a combination's parts checked
    /// with every routine of the catalog (naming the ones with errors).
    pub fn lineup(&self, chosen: Vec<Entry>) -> Result<Lineup, LoadError> {
        for entry in chosen.iter().filter(|e| e.routine.is_combination()) {
            check_parts(entry, &self.entries, &self.errors)?;
        }
        Lineup::of(chosen, &self.entries)
    }

    /// Moves every combination whose parts do not all name a good routine with steps, or
    /// make too large a session, from `entries` to `errors`, with the reasons located in
    /// its file. Run once every other
    /// check has sorted the routines (a part whose figures are missing has an error too).
    pub(crate) fn check_combinations(&mut self) {
        let bad: Vec<LoadError> = self
            .entries
            .iter()
            .filter(|e| e.routine.is_combination())
            .filter_map(|e| {
                check_parts(e, &self.entries, &self.errors)
                    .and_then(|()| check_size(std::slice::from_ref(e), &expand(e, &self.entries)?))
                    .err()
            })
            .collect();
        self.entries
            .retain(|e| !bad.iter().any(|err| err.origin == e.origin()));
        self.errors.extend(bad);
    }
}

/// Where a session of several routines says it is too large: a combination at its
/// `parts`, routines named to `run` as the command line.
const COMMAND_LINE: &str = "the routines given to `run`";

/// A session of `parts` (from `chosen`) within the limits each routine's file is held to
/// (`MAX_PARTS` routines, and the session's size): a command line or a combination of
/// large parts must not make what no file may.
fn check_size(chosen: &[Entry], parts: &[Entry]) -> Result<(), LoadError> {
    let message = if parts.len() > MAX_PARTS {
        format!(
            "{} routines in one session, at most {MAX_PARTS}",
            parts.len()
        )
    } else {
        let size = parts
            .iter()
            .fold(Size::default(), |size, p| size.plus(Size::of(&p.routine)));
        match size.excess() {
            Some(excess) => excess,
            None => return Ok(()),
        }
    };
    match chosen {
        [one] if one.routine.is_combination() => {
            let src = one.text().unwrap_or_default();
            let path = [Seg::Field("parts".into())];
            Err(LoadError {
                origin: one.origin(),
                problems: vec![Problem {
                    pos: locate(&src, &path).map(|at| Pos::of_offset(&src, at)),
                    step: None,
                    field: Some("parts".to_string()),
                    message,
                }],
            })
        }
        _ => Err(LoadError::single(COMMAND_LINE, message)),
    }
}

/// The routines `entry` runs: itself, or a combination's parts looked up in `known`.
fn expand(entry: &Entry, known: &[Entry]) -> Result<Vec<Entry>, LoadError> {
    if !entry.routine.is_combination() {
        return Ok(vec![entry.clone()]);
    }
    check_parts(entry, known, &[])?;
    Ok(entry
        .routine
        .parts
        .iter()
        .filter_map(|id| known.iter().find(|e| e.id == *id).cloned())
        .collect())
}

/// Every part of the combination `entry` must name a routine of `known` that has steps
/// (combinations do not nest: a session is one level of routines) and is not `entry`
/// itself; `broken` are the files that failed to load, named when a part is one of them.
pub fn check_parts(entry: &Entry, known: &[Entry], broken: &[LoadError]) -> Result<(), LoadError> {
    let src = entry.text().unwrap_or_default();
    let ids: Vec<&str> = known.iter().map(|e| e.id.as_str()).collect();
    let mut problems = Vec::new();
    for (i, id) in entry.routine.parts.iter().enumerate() {
        let message = if *id == entry.id {
            "names this combination itself; a combination runs other routines".to_string()
        } else if let Some(part) = known.iter().find(|e| e.id == *id) {
            if !part.routine.is_combination() {
                continue;
            }
            format!(
                "`{id}` is itself a combination, and combinations do not nest; name its \
                 parts here instead ({})",
                part.routine.parts.join(", ")
            )
        } else if let Some(err) = broken.iter().find(|e| is_error_of(e, id)) {
            format!(
                "the routine `{id}` has errors; `limberup validate {}` shows them",
                validate_arg(&err.origin)
            )
        } else {
            unknown_id(id, &ids)
        };
        let path = [Seg::Field("parts".into()), Seg::Index(i)];
        problems.push(Problem {
            pos: locate(&src, &path).map(|at| Pos::of_offset(&src, at)),
            step: None,
            field: Some(format!("parts #{}", i + 1)),
            message,
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError {
            origin: entry.origin(),
            problems,
        })
    }
}

/// What to give `validate` to check the routine an error's `origin` names: a file's path,
/// a built-in's id (`built-in:ID` names no file).
pub(crate) fn validate_arg(origin: &str) -> &str {
    origin.strip_prefix("built-in:").unwrap_or(origin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Catalog;

    #[test]
    fn a_part_with_errors_is_named_as_validate_takes_it() {
        let catalog = Catalog::load(None);
        let combination = catalog.find("full-session").unwrap();
        let broken = [LoadError::single("built-in:warm-up", "broken")];
        let known: Vec<_> = catalog
            .entries
            .iter()
            .filter(|e| e.id != "warm-up")
            .cloned()
            .collect();
        let err = check_parts(combination, &known, &broken).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "the routine `warm-up` has errors; `limberup validate warm-up` shows them"
            ),
            "{err}"
        );
    }
}
