//! The routines a user can pick: built-ins embedded from `assets/`, plus `*.ron` files in the
//! user routines dir (a user file with a built-in's id overrides it).

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::{LoadError, load_file_with, parse_with};
use super::model::Routine;
use super::moves::MoveSteps;

/// The built-in routines as `(id, RON text)`, in display order.
pub fn builtins() -> [(&'static str, &'static str); 10] {
    [
        ("warm-up", include_str!("../../assets/warm-up.ron")),
        ("cool-down", include_str!("../../assets/cool-down.ron")),
        ("core", include_str!("../../assets/core.ron")),
        ("back-care", include_str!("../../assets/back-care.ron")),
        (
            "hips-and-hamstrings",
            include_str!("../../assets/hips-and-hamstrings.ron"),
        ),
        ("desk-break", include_str!("../../assets/desk-break.ron")),
        (
            "full-cool-down",
            include_str!("../../assets/full-cool-down.ron"),
        ),
        (
            "morning-mobility",
            include_str!("../../assets/morning-mobility.ron"),
        ),
        ("workout", include_str!("../../assets/workout.ron")),
        (
            "full-session",
            include_str!("../../assets/full-session.ron"),
        ),
    ]
}

/// The RON text of a built-in routine.
pub fn builtin_source(id: &str) -> Option<&'static str> {
    builtins()
        .into_iter()
        .find(|(bid, _)| *bid == id)
        .map(|(_, text)| text)
}

/// Where a routine came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::BuiltIn => f.write_str("built-in"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A loaded routine with its id (the file stem) and origin.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub routine: Routine,
    pub source: Source,
}

impl Entry {
    /// This entry with its id and every text of its routine fit to draw: control characters
    /// escaped (`text::clean`). The loader refuses them, but an entry can be built in code.
    pub(crate) fn cleaned(&self) -> Entry {
        let clean = |t: &str| crate::text::clean(t).into_owned();
        Entry {
            id: clean(&self.id),
            routine: self.routine.map_text(clean),
            source: self.source.clone(),
        }
    }

    /// How errors name this routine: its path, or `built-in:ID`.
    pub(crate) fn origin(&self) -> String {
        match &self.source {
            Source::BuiltIn => format!("built-in:{}", self.id),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The RON text of this routine as written (comments kept), for export and copies.
    pub fn text(&self) -> Result<String, LoadError> {
        match &self.source {
            Source::BuiltIn => Ok(builtin_source(&self.id).unwrap_or_default().to_string()),
            Source::File(path) => super::load::read_source(path, crate::disk::Kind::Routine),
        }
    }
}

/// The moves a catalog's routines may name, shared with whoever loaded them.
pub type SharedMoves = std::sync::Arc<dyn MoveSteps + Send + Sync>;

/// All routines a user can pick, and the user files that failed to load.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
    /// What `move:` steps read; the built-in moves when `None`.
    moves: Option<SharedMoves>,
}

impl Catalog {
    /// Built-ins, then the user's files (sorted by id) replacing or adding to them; `move:`
    /// steps read the built-in moves.
    pub fn load(user_dir: Option<&Path>) -> Catalog {
        Catalog::load_with(user_dir, None)
    }

    /// As `load`, `move:` steps reading `moves` (the user's moves too).
    pub fn load_with(user_dir: Option<&Path>, moves: Option<SharedMoves>) -> Catalog {
        let mut catalog = Catalog {
            moves,
            ..Catalog::default()
        };
        for (id, text) in builtins() {
            match parse_with(text, &format!("built-in:{id}"), catalog.moves()) {
                Ok(routine) => catalog.entries.push(Entry {
                    id: id.to_string(),
                    routine,
                    source: Source::BuiltIn,
                }),
                Err(err) => catalog.errors.push(err),
            }
        }
        let Some(dir) = user_dir else {
            return catalog;
        };
        let files = ron_files(dir, "routines").unwrap_or_else(|err| {
            catalog.errors.push(err);
            Vec::new()
        });
        for path in files {
            let Some(id) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            match load_file_with(&path, catalog.moves()) {
                Ok(routine) => {
                    let entry = Entry {
                        id,
                        routine,
                        source: Source::File(path),
                    };
                    match catalog.entries.iter_mut().find(|e| e.id == entry.id) {
                        Some(existing) => *existing = entry,
                        None => catalog.entries.push(entry),
                    }
                }
                Err(err) => catalog.errors.push(err),
            }
        }
        catalog
    }

    /// What this catalog's `move:` steps read.
    pub fn moves(&self) -> &dyn MoveSteps {
        match &self.moves {
            Some(moves) => moves.as_ref(),
            None => crate::moves::builtin(),
        }
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// A routine named by id, or by a path to a `.ron` file.
    pub fn resolve(&self, arg: &str) -> Result<Entry, LoadError> {
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            let stem = path.file_stem().and_then(|s| s.to_str());
            if let Some(id) = stem.filter(|id| !path.exists() && self.find(id).is_some()) {
                return Err(LoadError::single(
                    arg,
                    format!(
                        "no such file; to use the routine `{id}`, give its id alone, \
                         without `.ron`"
                    ),
                ));
            }
            let routine = load_file_with(&path, self.moves())?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| arg.to_string());
            return Ok(Entry {
                id,
                routine,
                source: Source::File(path),
            });
        }
        if let Some(entry) = self.find(arg) {
            return Ok(entry.clone());
        }
        if let Some(err) = self.failed(arg) {
            return Err(err.clone());
        }
        Err(LoadError::single(arg, self.unknown_id(arg)))
    }

    /// What `validate` checks for `arg`: as `resolve`, except that the user's file for an
    /// id is checked even when it has errors and a built-in has that id (the built-in is
    /// then what runs, but the file is what the user wants checked).
    pub(crate) fn check(&self, arg: &str) -> Result<Entry, LoadError> {
        match self.failed(arg) {
            Some(err) if !looks_like_path(arg) => Err(err.clone()),
            _ => self.resolve(arg),
        }
    }

    /// The errors of the user's files that failed to replace a built-in among `ids`: the
    /// built-in then runs in their place, which the user, who edited the file, must be told.
    pub fn hidden_by_builtins<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Vec<(&'a str, &LoadError)> {
        let mut hidden: Vec<(&str, &LoadError)> = Vec::new();
        for id in ids {
            let builtin = self.find(id).is_some_and(|e| e.source == Source::BuiltIn);
            if let Some(err) = self.failed(id).filter(|_| builtin)
                && !hidden.iter().any(|(known, _)| *known == id)
            {
                hidden.push((id, err));
            }
        }
        hidden
    }

    /// The load error of the user's file for `id`, if it has one.
    fn failed(&self, id: &str) -> Option<&LoadError> {
        self.errors.iter().find(|e| is_error_of(e, id))
    }

    /// What to say about an id that names nothing (see `unknown_id`).
    fn unknown_id(&self, arg: &str) -> String {
        let known: Vec<&str> = self.entries.iter().map(|e| e.id.as_str()).collect();
        unknown_id(arg, &known)
    }
}

/// Whether `err` is the load error of the routine `id`: its file's, or (a combination
/// whose parts are wrong) the built-in's.
pub(super) fn is_error_of(err: &LoadError, id: &str) -> bool {
    let path = Path::new(&err.origin);
    err.origin.strip_prefix("built-in:") == Some(id)
        || (path.extension().is_some_and(|x| x == "ron")
            && path.file_stem().and_then(|s| s.to_str()) == Some(id))
}

/// Every routine id, as the catalog would order them, without reading the user's files:
/// the built-ins, then the stems of the user's `*.ron` files not already listed. Fast
/// enough to run on each TAB of a shell completion, however many files there are.
pub fn ids(user_dir: Option<&Path>) -> Vec<String> {
    let mut ids: Vec<String> = builtins().iter().map(|(id, _)| id.to_string()).collect();
    let files = user_dir
        .and_then(|dir| ron_files(dir, "routines").ok())
        .unwrap_or_default();
    for path in files {
        if let Some(id) = path.file_stem().and_then(|s| s.to_str())
            && !ids.iter().any(|known| known == id)
        {
            ids.push(id.to_string());
        }
    }
    ids
}

/// What to say about an id that names nothing: every known id while there are few, the
/// closest few and a count when there are many.
pub(super) fn unknown_id(arg: &str, known: &[&str]) -> String {
    let guess = match closest(arg, known).as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|id| format!("`{id}`")).collect();
            format!("; did you mean {} or `{last}`?", first.join(", "))
        }
    };
    // Ids and paths are told apart by their look: a file of this name was probably
    // meant, so say how to name it as one.
    let file = if Path::new(arg).is_file() {
        format!("; to use the file `{arg}`, give it as `./{arg}`")
    } else {
        String::new()
    };
    let answer = match (known.len() <= LIST_ALL_UP_TO, guess.is_empty()) {
        (true, true) if !file.is_empty() => {
            format!("no routine with this id (known: {})", known.join(", "))
        }
        (true, true) => format!(
            "no routine with this id (known: {}); give an id or a path to a .ron file",
            known.join(", ")
        ),
        (true, false) => format!(
            "no routine with this id{guess} (known: {})",
            known.join(", ")
        ),
        (false, _) => format!(
            "no routine with this id among {} routines{guess} (`limberup list` shows them)",
            thousands(known.len())
        ),
    };
    answer + &file
}

/// Known ids are all named up to this many; past it, only the closest.
const LIST_ALL_UP_TO: usize = 8;
/// How many close ids are suggested at most.
const SUGGESTIONS: usize = 3;

/// The ids `arg` is probably a slip for, closest first: a few edits away (about one in three
/// characters), or containing it.
fn closest<'a>(arg: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let arg = arg.to_lowercase();
    let len = arg.chars().count();
    let limit = (len / 3).max(1);
    let mut close: Vec<(usize, &str)> = ids
        .iter()
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let distance = strsim::levenshtein(&arg, &lower);
            (distance <= limit || (len >= 3 && lower.contains(&arg))).then_some((distance, *id))
        })
        .collect();
    close.sort();
    close
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, id)| id)
        .collect()
}

/// `10,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a routine argument is a path (else it is an id).
pub fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".ron") || arg.contains(std::path::MAIN_SEPARATOR) || arg.contains('/')
}

/// The `*.ron` entries of `dir` (see `disk::ron_entries`), or why there are none.
pub(crate) fn ron_files(dir: &Path, what: &str) -> Result<Vec<PathBuf>, LoadError> {
    crate::disk::ron_entries(dir).map_err(|e| {
        let why = if dir.exists() && !dir.is_dir() {
            format!("a file, not a directory: move it out of the way to keep {what} there")
        } else {
            format!("cannot read this directory: {e}")
        };
        LoadError::single(
            dir.display().to_string(),
            format!("{why}; only the built-in {what} are available"),
        )
    })
}
