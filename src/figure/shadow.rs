//! A user figure with a built-in's id replaces it for every routine naming that id, the
//! built-in routines too. So it must fit each of them: one that does not is refused (located
//! in its own file) and the built-in figure kept, rather than breaking routines never edited.

use std::path::Path;

use super::library::{Entry, Library, builtins};
use super::motion::Figure;
use crate::routine::{self, LoadError, Problem, Seg, Source, Work};

impl Library {
    /// Puts the built-in figure back for each user figure with a built-in's id that does not
    /// fit a step of `routines` naming it; the refusal joins `errors`, and `replaced` names it.
    pub(crate) fn check_shadows(&mut self, routines: &[routine::Entry]) {
        for (id, text) in builtins() {
            let Some(entry) = self.find(id).filter(|e| e.source != Source::BuiltIn) else {
                continue;
            };
            let Source::File(path) = &entry.source else {
                continue;
            };
            let Err(err) = fits_everywhere(id, &entry.figure, path, routines) else {
                continue;
            };
            if let Ok(figure) = super::parse(text, &format!("built-in:figures/{id}")) {
                self.add(Entry {
                    id: id.to_string(),
                    figure,
                    source: Source::BuiltIn,
                });
            }
            self.errors.push(err);
        }
    }

    /// The user files among the figures `ids` that failed to replace the built-in figure of
    /// their id (they have errors, or do not fit a routine), with that id: the built-in is
    /// shown in their place, which the user, who wrote the file, must be told. Each id once.
    pub fn replaced<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Vec<(&'a str, &LoadError)> {
        let mut found: Vec<(&str, &LoadError)> = Vec::new();
        for id in ids {
            let builtin = self.find(id).is_some_and(|e| e.source == Source::BuiltIn);
            if let Some(err) = self.broken(id).filter(|_| builtin)
                && !found.iter().any(|(known, _)| *known == id)
            {
                found.push((id, err));
            }
        }
        found
    }
}

/// Checks the figure `id` (read from `path`) against every step of `routines` that names it:
/// a misfit is an error of the figure's file, at its `motion`, naming routine and step.
pub(crate) fn fits_everywhere(
    id: &str,
    figure: &Figure,
    path: &Path,
    routines: &[routine::Entry],
) -> Result<(), LoadError> {
    let mut problems = Vec::new();
    for entry in routines {
        for (i, step) in entry.routine.steps.iter().enumerate() {
            let Work::Reps { phases, .. } = &step.work else {
                continue;
            };
            if step.figure.as_deref() != Some(id) || figure.fits(phases.len()) {
                continue;
            }
            let src = routine::read_source(path, crate::disk::Kind::Figure).unwrap_or_default();
            problems.push(Problem {
                pos: super::file::position(&src, &[Seg::Field("motion".into())]),
                step: None,
                field: Some("motion".to_string()),
                message: format!(
                    "{} key poses a rep do not line up with the {} phases of step {} ({:?}) of \
                     the routine `{}`, which names this figure (one number must divide the \
                     other); the built-in figure `{id}` is used in its place",
                    figure.motion().count(),
                    phases.len(),
                    i + 1,
                    step.name,
                    entry.id,
                ),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError {
            origin: path.display().to_string(),
            problems,
        })
    }
}
