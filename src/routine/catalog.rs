//! The routines a user can pick: built-ins embedded from `assets/`, plus `*.ron` files in the
//! user routines dir (a user file with a built-in's id overrides it).

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::{LoadError, load_file, parse};
use super::model::Routine;

/// The built-in routines as `(id, RON text)`, in display order.
pub fn builtins() -> [(&'static str, &'static str); 3] {
    [
        ("warm-up", include_str!("../../assets/warm-up.ron")),
        ("cool-down", include_str!("../../assets/cool-down.ron")),
        ("core", include_str!("../../assets/core.ron")),
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
    /// How errors name this routine: its path, or `built-in:ID`.
    pub fn origin(&self) -> String {
        match &self.source {
            Source::BuiltIn => format!("built-in:{}", self.id),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The RON text of this routine as written (comments kept), for export and copies.
    pub fn text(&self) -> Result<String, LoadError> {
        match &self.source {
            Source::BuiltIn => Ok(builtin_source(&self.id).unwrap_or_default().to_string()),
            Source::File(path) => super::load::read_limited(path)
                .map_err(|msg| LoadError::single(path.display().to_string(), msg)),
        }
    }
}

/// All routines a user can pick, and the user files that failed to load.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
}

impl Catalog {
    /// Built-ins, then the user's files (sorted by id) replacing or adding to them.
    pub fn load(user_dir: Option<&Path>) -> Catalog {
        let mut catalog = Catalog::default();
        for (id, text) in builtins() {
            match parse(text, &format!("built-in:{id}")) {
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
        for path in routine_files(dir) {
            let Some(id) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            match load_file(&path) {
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

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// A routine named by id, or by a path to a `.ron` file.
    pub fn resolve(&self, arg: &str) -> Result<Entry, LoadError> {
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            let routine = load_file(&path)?;
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
        if let Some(err) = self
            .errors
            .iter()
            .find(|e| Path::new(&e.origin).file_stem().and_then(|s| s.to_str()) == Some(arg))
        {
            return Err(err.clone());
        }
        let known: Vec<&str> = self.entries.iter().map(|e| e.id.as_str()).collect();
        Err(LoadError::single(
            arg,
            format!(
                "no routine with this id (known: {}); give an id or a path to a .ron file",
                known.join(", ")
            ),
        ))
    }
}

fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".ron") || arg.contains(std::path::MAIN_SEPARATOR) || arg.contains('/')
}

/// The `*.ron` files directly in `dir`, sorted; a missing dir has none.
fn routine_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}
