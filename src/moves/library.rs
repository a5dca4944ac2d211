//! The moves routines can name: built-ins embedded from `assets/moves/` (listed by
//! `build.rs`), plus the `*.ron` files in the user's moves dir; a user file with a
//! built-in's id replaces it, and the library says so.

use std::path::Path;
use std::sync::OnceLock;

use super::file::parse;
use super::model::{Label, Move};
use crate::figure;
use crate::routine::{Kind, LoadError, MoveSteps, Pos, Problem, Routine, Seg, Source, Step, Work};

/// The built-in moves as `(id, RON text)`, sorted by id.
pub fn builtins() -> &'static [(&'static str, &'static str)] {
    &include!(concat!(env!("OUT_DIR"), "/builtin_moves.rs"))
}

/// The built-in moves alone, loaded once: what routines read without a user dir.
pub fn builtin() -> &'static Library {
    static BUILT_IN: OnceLock<Library> = OnceLock::new();
    BUILT_IN.get_or_init(|| Library::load(None, &figure::Library::load(None)))
}

/// A loaded move with its id (the file stem) and origin.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub found: Move,
    pub source: Source,
}

/// Every move, the user files that failed to load, and which built-ins user files replace.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
    /// One sentence per built-in a user file replaces.
    pub notices: Vec<String>,
}

impl Library {
    /// Built-ins, then the user's files (sorted by id) replacing or adding to them; each
    /// figure a move names must be in `figures`.
    pub fn load(user_dir: Option<&Path>, figures: &figure::Library) -> Library {
        let mut library = Library::default();
        for (id, text) in builtins() {
            let origin = format!("built-in:moves/{id}");
            match checked(parse(text, &origin), text, &origin, figures) {
                Ok(found) => library.entries.push(Entry {
                    id: id.to_string(),
                    found,
                    source: Source::BuiltIn,
                }),
                Err(err) => library.errors.push(err),
            }
        }
        let files = user_dir
            .map(|dir| crate::routine::ron_files(dir, "moves"))
            .unwrap_or_else(|| Ok(Vec::new()))
            .unwrap_or_else(|err| {
                library.errors.push(err);
                Vec::new()
            });
        for path in files {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(String::from) else {
                continue;
            };
            match check_file(&path, figures) {
                Ok(found) => library.add(Entry {
                    id,
                    found,
                    source: Source::File(path),
                }),
                Err(err) => library.errors.push(err),
            }
        }
        library
    }

    /// Adds `entry`, replacing a move with the same id (and saying so for a built-in).
    fn add(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(existing) => {
                if existing.source == Source::BuiltIn {
                    self.notices.push(
                        crate::text::clean(&format!(
                            "your move file {} replaces the built-in move `{}`",
                            entry.source, entry.id
                        ))
                        .into_owned(),
                    );
                }
                *existing = entry;
            }
            None => self.entries.push(entry),
        }
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// A move by id, or what to say about an id that names none.
    pub fn resolve(&self, id: &str) -> Result<&Entry, LoadError> {
        if let Some(entry) = self.find(id) {
            return Ok(entry);
        }
        match self.broken(id) {
            Some(err) => Err(err.clone()),
            None => Err(LoadError::single(id, self.unknown(id))),
        }
    }

    /// The file of move `id` that failed to load, if one did.
    fn broken(&self, id: &str) -> Option<&LoadError> {
        self.errors
            .iter()
            .find(|e| Path::new(&e.origin).file_stem().and_then(|s| s.to_str()) == Some(id))
    }
}

impl Entry {
    /// The step this move stands for, with its default dose.
    pub fn step(&self) -> Step {
        let found = &self.found;
        Step {
            cues: found.cues.clone(),
            passes: found.passes.clone(),
            sets: found.sets,
            figure: Some(found.figure.clone()),
            move_id: Some(self.id.clone()),
            ..Step::new(found.name.clone(), found.work.clone())
        }
    }

    /// The move as a one-step routine, to try it as a session from the picker; its
    /// description says what it works, its dose and the dose's sources.
    pub fn trial(&self) -> crate::routine::Entry {
        let found = &self.found;
        let regions: Vec<&str> = found.regions.iter().map(|r| r.label()).collect();
        let cites: Vec<&str> = found.sources.iter().map(|s| s.cite.as_str()).collect();
        let mut routine = Routine::new(found.name.clone(), Kind::Other, vec![self.step()]);
        routine.description = format!(
            "{} · {} · {}. {} Dose after {}.",
            found.kind.label(),
            found.position.label(),
            regions.join(", "),
            found.breathing,
            cites.join("; ")
        );
        crate::routine::Entry {
            id: self.id.clone(),
            routine,
            source: self.source.clone(),
        }
    }

    /// The words the picker's filter searches beyond the name and id: aliases, kind,
    /// position, regions and equipment.
    pub fn search_words(&self) -> String {
        let found = &self.found;
        let mut words: Vec<&str> = found.aliases.iter().map(String::as_str).collect();
        words.push(found.kind.label());
        words.push(found.position.label());
        words.extend(found.regions.iter().map(|r| r.label()));
        words.extend(found.equipment.iter().map(|e| e.label()));
        words.join(" ")
    }
}

impl MoveSteps for Library {
    fn step(&self, id: &str) -> Option<Step> {
        self.find(id).map(Entry::step)
    }

    fn unknown(&self, id: &str) -> String {
        if let Some(err) = self.broken(id) {
            return format!(
                "the move `{id}` has errors; `limberup validate {}` shows them",
                err.origin
            );
        }
        let mut text = format!("no move `{id}`");
        if let Some(near) = figure::closest(id, self.entries.iter().map(|e| e.id.as_str())) {
            text.push_str(&format!(" (did you mean `{near}`?)"));
        }
        text.push_str("; `limberup moves` lists them");
        text
    }
}

/// Reads and checks the move file at `path`, its figure looked up in `figures`.
pub fn check_file(path: &Path, figures: &figure::Library) -> Result<Move, LoadError> {
    let src = crate::routine::read_source(path, crate::disk::Kind::Move)?;
    let origin = path.display().to_string();
    checked(parse(&src, &origin), &src, &origin, figures)
}

/// `found` (parsed from `src`) if the figure it names exists and moves in step with its
/// work's phases.
fn checked(
    found: Result<Move, LoadError>,
    src: &str,
    origin: &str,
    figures: &figure::Library,
) -> Result<Move, LoadError> {
    let found = found?;
    let message = match figures.get(&found.figure) {
        None => format!(
            "no figure `{}`; a move names a built-in figure or one of yours \
             (`limberup figures` lists them)",
            found.figure
        ),
        Some(shown) => match &found.work {
            Work::Reps { phases, .. } if !shown.fits(phases.len()) => format!(
                "the figure `{}` moves through {} key poses a rep, which do not line up with \
                 these reps' {} phases (one number must divide the other)",
                found.figure,
                shown.motion().count(),
                phases.len()
            ),
            _ => return Ok(found),
        },
    };
    let at = crate::routine::locate(src, &[Seg::Field("figure".into())]);
    Err(LoadError {
        origin: origin.to_string(),
        problems: vec![Problem {
            pos: at.map(|at| Pos::of_offset(src, at)),
            step: None,
            field: Some("figure".to_string()),
            message,
        }],
    })
}
