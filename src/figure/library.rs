//! The figures a routine can name: built-ins embedded from `assets/figures/`, plus the
//! `*.ron` files in the user figures dir (a user file with a built-in's id replaces it); and
//! the check that every `figure:` a routine names exists and fits its step.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::file::{load_file, parse};
use super::motion::Figure;
use crate::routine::{Catalog, LoadError, Pos, Problem, Routine, Seg, Source, Work};
use crate::routine::{locate, token_at};

/// The built-in figures as `(id, RON text)`: the moves of the built-in routines first, then
/// the rest of the move library by region.
pub fn builtins() -> &'static [(&'static str, &'static str)] {
    BUILT_IN
}

/// `(id, text)` for each id, the text read from `assets/figures/ID.ron` at compile time.
macro_rules! embedded {
    ($($id:literal),* $(,)?) => {
        &[$(($id, include_str!(concat!("../../assets/figures/", $id, ".ron")))),*]
    };
}

static BUILT_IN: &[(&str, &str)] = embedded![
    "cat-cow",
    "shoulder-rolls",
    "arm-circles",
    "side-bends",
    "childs-pose",
    "thread-the-needle",
    "forward-fold",
    "plank",
    "russian-twists",
    "side-plank",
    "dead-bug",
    "chin-tuck",
    "neck-side-stretch",
    "upper-back-stretch",
    "scapular-squeeze",
    "seated-thoracic-extension",
    "open-book",
    "doorway-chest-stretch",
    "behind-back-chest-opener",
    "cross-body-shoulder-stretch",
    "overhead-triceps-stretch",
    "wall-angel",
    "wrist-flexor-stretch",
    "wrist-extensor-stretch",
    "wrist-circles",
    "prayer-stretch",
    "seated-spinal-twist",
    "supine-spinal-twist",
    "standing-back-extension",
    "pelvic-tilt",
    "sphinx",
    "cobra",
    "knees-to-chest",
    "single-knee-to-chest",
    "roll-down",
    "curl-up",
    "bird-dog",
    "glute-bridge",
    "single-leg-bridge",
    "hip-hinge",
    "hip-flexor-stretch",
    "standing-hip-flexor-stretch",
    "figure-four-stretch",
    "seated-figure-four",
    "pigeon-stretch",
    "butterfly-stretch",
    "hip-circles",
    "leg-swings",
    "clamshell",
    "supine-hamstring-stretch",
    "seated-hamstring-stretch",
    "standing-hamstring-stretch",
    "standing-quad-stretch",
    "calf-stretch",
    "soleus-stretch",
    "squat",
    "reverse-lunge",
    "calf-raise",
    "ankle-circles",
    "wall-push-ups",
    "downward-dog",
    "worlds-greatest-stretch",
    "inchworm",
    "march-in-place",
];

/// True when `src` holds a figure rather than a routine (its top level is `Figure(...)`).
pub fn is_figure_text(src: &str) -> bool {
    token_at(src, 0).is_some_and(|(_, word)| word == "Figure")
}

/// A loaded figure with its id (the file stem) and origin.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub figure: Figure,
    pub source: Source,
}

/// Every figure a routine can name, and the user files that failed to load.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
}

impl Library {
    /// Built-ins, then the user's files (sorted by id) replacing or adding to them.
    pub fn load(user_dir: Option<&Path>) -> Library {
        let mut library = Library::default();
        for (id, text) in builtins() {
            match parse(text, &format!("built-in:figures/{id}")) {
                Ok(figure) => library.entries.push(Entry {
                    id: id.to_string(),
                    figure,
                    source: Source::BuiltIn,
                }),
                Err(err) => library.errors.push(err),
            }
        }
        let files = user_dir
            .map(|dir| crate::routine::ron_files(dir, "figures"))
            .transpose()
            .unwrap_or_else(|err| {
                library.errors.push(err);
                None
            });
        for path in files.unwrap_or_default() {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(String::from) else {
                continue;
            };
            match load_file(&path) {
                Ok(figure) => library.add(Entry {
                    id,
                    figure,
                    source: Source::File(path),
                }),
                Err(err) => library.errors.push(err),
            }
        }
        library
    }

    /// The built-in figures alone, loaded once: for tests and previews that know no user.
    pub fn builtin() -> &'static Library {
        static BUILT_IN: OnceLock<Library> = OnceLock::new();
        BUILT_IN.get_or_init(|| Library::load(None))
    }

    /// Adds `entry`, replacing a figure with the same id.
    pub(crate) fn add(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.find(id).map(|e| &e.figure)
    }

    /// The description of figure `id`, built-in or the user's.
    pub fn describe(&self, id: &str) -> Option<&str> {
        self.get(id)
            .map(|f| f.description.as_str())
            .filter(|d| !d.is_empty())
    }

    /// The file of figure `id` that failed to load, if one did.
    pub(super) fn broken(&self, id: &str) -> Option<&LoadError> {
        self.errors
            .iter()
            .find(|e| Path::new(&e.origin).file_stem().and_then(|s| s.to_str()) == Some(id))
    }

    /// A figure named by id, or by a path to a `.ron` file.
    pub fn resolve(&self, arg: &str) -> Result<Entry, LoadError> {
        if arg.ends_with(".ron") || arg.contains('/') || arg.contains(std::path::MAIN_SEPARATOR) {
            let path = PathBuf::from(arg);
            let figure = load_file(&path)?;
            let id = path
                .file_stem()
                .map_or_else(|| arg.to_string(), |s| s.to_string_lossy().into_owned());
            return Ok(Entry {
                id,
                figure,
                source: Source::File(path),
            });
        }
        if let Some(entry) = self.find(arg) {
            return Ok(entry.clone());
        }
        if let Some(err) = self.broken(arg) {
            return Err(err.clone());
        }
        Err(LoadError::single(arg, self.unknown(arg)))
    }

    fn unknown(&self, id: &str) -> String {
        let mut text = format!("no figure `{id}`");
        if let Some(near) = super::closest(id, self.entries.iter().map(|e| e.id.as_str())) {
            text.push_str(&format!(" (did you mean `{near}`?)"));
        }
        text.push_str("; `limberup figures` lists them");
        text
    }

    /// Moves every routine that names a missing or ill-fitting figure from the catalog's
    /// routines to its errors.
    pub(crate) fn check_catalog(&self, catalog: &mut Catalog) {
        let entries = std::mem::take(&mut catalog.entries);
        for entry in entries {
            let names_figures = entry.routine.steps.iter().any(|s| s.figure.is_some());
            let checked = match entry.text() {
                Ok(text) if names_figures => {
                    check_routine(&text, &entry.origin(), &entry.routine, self)
                }
                _ => Ok(()),
            };
            match checked {
                Ok(()) => catalog.entries.push(entry),
                Err(err) => catalog.errors.push(err),
            }
        }
    }
}

/// Reads a routine file (its `move:` steps from `moves`) and checks that the figures it
/// names are in `library`.
pub fn load_routine(
    path: &Path,
    library: &Library,
    moves: &dyn crate::routine::MoveSteps,
) -> Result<Routine, LoadError> {
    let routine = crate::routine::load_file_with(path, moves)?;
    if routine.steps.iter().any(|s| s.figure.is_some()) {
        let text = crate::routine::read_source(path, crate::disk::Kind::Routine)?;
        check_routine(&text, &path.display().to_string(), &routine, library)?;
    }
    Ok(routine)
}

/// Checks that every `figure:` in `routine` (read from `src`, named `origin`) names a figure
/// of `library` whose motion fits the step's phases.
pub fn check_routine(
    src: &str,
    origin: &str,
    routine: &Routine,
    library: &Library,
) -> Result<(), LoadError> {
    let mut problems = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let Some(id) = &step.figure else {
            continue;
        };
        let message = match library.get(id) {
            None => match library.broken(id) {
                Some(err) => format!(
                    "the figure `{id}` has errors; `limberup validate {}` shows them",
                    err.origin
                ),
                None => library.unknown(id),
            },
            Some(figure) => match &step.work {
                Work::Reps { phases, .. } if !figure.fits(phases.len()) => format!(
                    "the figure `{id}` moves through {} key poses a rep, which do not line up \
                     with these reps' {} phases (one number must divide the other)",
                    figure.motion().count(),
                    phases.len()
                ),
                _ => continue,
            },
        };
        let path = [
            Seg::Field("steps".into()),
            Seg::Index(i),
            Seg::Field("figure".into()),
        ];
        problems.push(Problem {
            pos: locate(src, &path).map(|at| Pos::of_offset(src, at)),
            step: Some((i + 1, Some(step.name.clone()))),
            field: Some("figure".to_string()),
            message,
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError {
            origin: origin.to_string(),
            problems,
        })
    }
}
