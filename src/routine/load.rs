//! Reading routine files: RON text -> `Routine`, with every problem located by file, line,
//! column, step and field. Never panics, whatever the bytes.

use std::fmt;
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::escapes;
use super::explain;
use super::locate::{self, Pos, Seg};
use super::model::{Routine, WrittenStep};
use super::moves::MoveSteps;
use super::validate;
use crate::{disk, text};

/// Problems located and listed per file at most: locating one reads the file again, so a
/// file of thousands of broken steps costs no more than this many reads, and the rest are
/// counted.
pub const MAX_PROBLEMS: usize = 20;

/// One thing wrong with a file, as precisely located as we can.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pos: Option<Pos>,
    /// 1-based step number and, when readable, its name.
    pub(crate) step: Option<(usize, Option<String>)>,
    /// Field path inside the step (or the routine), e.g. `work.tempo_secs`.
    pub field: Option<String>,
    pub message: String,
}

/// Everything wrong with one file; `origin` is its path or `built-in:ID`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LoadError {
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn single(origin: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            origin: origin.into(),
            problems: vec![Problem {
                pos: None,
                step: None,
                field: None,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for LoadError {
    /// One line per problem. Messages quote the file (a token, a name, the path itself), so
    /// each line is shown through `text::clean`: nothing in a file reaches the terminal raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let mut line = self.origin.clone();
            if let Some(pos) = p.pos {
                line.push_str(&format!(":{}:{}", pos.line, pos.col));
            }
            line.push_str(": ");
            match &p.step {
                Some((n, Some(name))) => line.push_str(&format!("step {n} ({name:?}), ")),
                Some((n, None)) => line.push_str(&format!("step {n}, ")),
                None => {}
            }
            if let Some(field) = &p.field {
                line.push_str(&format!("{field}: "));
            }
            line.push_str(&p.message);
            f.write_str(&text::clean(&line))?;
        }
        Ok(())
    }
}

/// Reads and checks a routine file, its `move:` steps read from the built-in moves.
pub fn load_file(path: &Path) -> Result<Routine, LoadError> {
    load_file_with(path, crate::moves::builtin())
}

/// Reads and checks a routine file, its `move:` steps read from `moves`.
pub fn load_file_with(path: &Path, moves: &dyn MoveSteps) -> Result<Routine, LoadError> {
    let src = read_source(path, disk::Kind::Routine)?;
    parse_with(&src, &path.display().to_string(), moves)
}

/// The text of the file at `path` holding `kind`, read through `disk` (never blocking, at
/// most the kind's limit), or why not, located at the bad byte when it is not UTF-8.
pub fn read_source(path: &Path, kind: disk::Kind) -> Result<String, LoadError> {
    disk::read_text(path, kind).map_err(|err| {
        let pos = match err {
            disk::DiskError::NotUtf8 { line, col, .. } => Some(Pos { line, col }),
            _ => None,
        };
        LoadError {
            origin: path.display().to_string(),
            problems: vec![Problem {
                pos,
                step: None,
                field: None,
                message: err.to_string(),
            }],
        }
    })
}

/// `src` without a leading UTF-8 byte order mark, which some editors write: it is not text
/// of the file, and columns count from after it, as those editors show them.
pub fn without_bom(src: &str) -> &str {
    src.strip_prefix('\u{FEFF}').unwrap_or(src)
}

/// Parses and validates routine text; `origin` names it in errors; `move:` steps are read
/// from the built-in moves.
pub fn parse(src: &str, origin: &str) -> Result<Routine, LoadError> {
    parse_with(src, origin, crate::moves::builtin())
}

/// Parses and validates routine text, its `move:` steps read from `moves`.
pub fn parse_with(src: &str, origin: &str, moves: &dyn MoveSteps) -> Result<Routine, LoadError> {
    let src = without_bom(src);
    let written: Routine<WrittenStep> = parse_ron(src, origin)?;
    let routine = super::moves::resolve(written, src, origin, moves)?;
    let found: Vec<validate::Finding> = validate::check(&routine)
        .into_iter()
        .chain(empty_steps_beside_parts(src, &routine))
        .collect();
    let more = found.len().saturating_sub(MAX_PROBLEMS);
    let mut problems: Vec<Problem> = found
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|found| worded_for_what_is_written(src, found))
        .map(|found| {
            let offset = match found.char_index {
                Some(i) => escapes::char_in_string(src, &found.path, i)
                    .or_else(|| locate::locate(src, &found.path)),
                // The routine as a whole: what is missing from it.
                None if found.path.is_empty() => locate::root_end(src),
                None => locate::locate(src, &found.path),
            };
            let name_of = |i| {
                let step: &super::model::Step = routine.steps.get(i)?;
                (!text::is_blank(&step.name)).then(|| step.name.clone())
            };
            let (step, field) = split_path(&found.path, name_of);
            Problem {
                pos: offset.map(|o| Pos::of_offset(src, o)),
                step,
                field,
                message: found.message,
            }
        })
        .collect();
    if more > 0 {
        problems.push(Problem {
            pos: None,
            step: None,
            field: None,
            message: format!("and {more} more problems (only the first {MAX_PROBLEMS} are shown)"),
        });
    }
    problems.extend(forbidden_outside_strings(src));
    if problems.is_empty() {
        return Ok(routine);
    }
    Err(LoadError {
        origin: origin.to_string(),
        problems,
    })
}

/// An empty `steps` said as what is written: `parts: []` needs a part, and a routine with
/// neither field is missing `steps`, said at its closing `)` as ron says a missing field.
fn worded_for_what_is_written(src: &str, found: validate::Finding) -> validate::Finding {
    let steps = [Seg::Field("steps".to_string())];
    if found.path != steps
        || found.message != validate::NO_STEPS
        || locate::locate_field(src, &["steps"]).is_some()
    {
        return found;
    }
    if locate::locate_field(src, &["parts"]).is_some() {
        return validate::Finding {
            path: vec![Seg::Field("parts".to_string())],
            message: format!(
                "needs at least one routine id, e.g. {}",
                validate::PARTS_EXAMPLE
            ),
            char_index: None,
        };
    }
    validate::Finding {
        path: Vec::new(),
        message: format!(
            "missing the required field `steps` in `Routine(...)`, e.g. `steps: \
             [Step(name: \"Plank\", work: Hold(secs: 30))]`, or `parts` to run other routines \
             in order, e.g. {}",
            validate::PARTS_EXAMPLE
        ),
        char_index: None,
    }
}

/// `steps: []` written beside `parts`: the model cannot tell it from no `steps`, but a file
/// that writes both is as wrong with an empty list as with a full one.
fn empty_steps_beside_parts(src: &str, routine: &Routine) -> Option<validate::Finding> {
    (routine.is_combination()
        && routine.steps.is_empty()
        && locate::locate_field(src, &["steps"]).is_some())
    .then(|| validate::Finding {
        path: vec![Seg::Field("parts".to_string())],
        message: validate::STEPS_AND_PARTS.to_string(),
        char_index: None,
    })
}

/// The first forbidden character (see `text`) written raw outside the strings, in a comment
/// mostly: `export` and editors show those too. Tabs and line ends are the file's layout.
fn forbidden_outside_strings(src: &str) -> Option<Problem> {
    let forbidden = |c: char| text::is_forbidden(c) && !matches!(c, '\t' | '\n' | '\r');
    // Most files have none at all: then the strings need not be found (a lexing of the
    // whole file).
    if !src.chars().any(forbidden) {
        return None;
    }
    // The strings in file order, passed by as the characters are: linear in the file.
    let strings = locate::string_spans(src);
    let mut strings = strings.iter().peekable();
    src.char_indices()
        .find(|&(at, c)| {
            if !forbidden(c) {
                return false;
            }
            while strings.next_if(|s| s.end <= at).is_some() {}
            !strings.peek().is_some_and(|s| s.contains(&at))
        })
        .map(|(at, c)| Problem {
            pos: Some(Pos::of_offset(src, at)),
            step: None,
            field: None,
            message: format!(
                "{} is not allowed in a routine file, not even in a comment",
                text::describe(c)
            ),
        })
}

/// Deserializes any of our RON files (routines, config) with the same options and errors:
/// `implicit_some` on, ron's recursion limit kept, trailing text refused, a leading byte
/// order mark skipped.
pub fn parse_ron<T: DeserializeOwned>(src: &str, origin: &str) -> Result<T, LoadError> {
    let src = without_bom(src);
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let mut de = ron::Deserializer::from_str_with_options(src, &options)
        .map_err(|e| syntax_error(src, origin, e, &[]))?;
    let value = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => value,
        Err(err) => {
            let path = to_segs(err.path());
            let spanned = de.span_error(err.into_inner());
            return Err(syntax_error(src, origin, spanned, &path));
        }
    };
    if let Err(code) = de.end() {
        let spanned = de.span_error(code);
        return Err(syntax_error(src, origin, spanned, &[]));
    }
    Ok(value)
}

fn to_segs(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|seg| match seg {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Field(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn syntax_error(src: &str, origin: &str, err: ron::error::SpannedError, path: &[Seg]) -> LoadError {
    let explained = explain::explain(src, &err, path);
    // A name across lines is a string that swallowed text after a missing `"`.
    let name_of = |i| locate::step_name(src, i).filter(|name| !name.contains('\n'));
    let (step, field) = split_path(&explained.path, name_of);
    LoadError {
        origin: origin.to_string(),
        problems: vec![Problem {
            pos: Some(explained.pos),
            step,
            field,
            message: explained.message,
        }],
    }
}

type StepRef = Option<(usize, Option<String>)>;

/// Splits `steps[i].work.secs` into the step (1-based, with its name) and `work.secs`.
fn split_path(
    path: &[Seg],
    name_of: impl Fn(usize) -> Option<String>,
) -> (StepRef, Option<String>) {
    let (step, rest) = match path {
        [Seg::Field(f), Seg::Index(i), rest @ ..] if f == "steps" => {
            (Some((i + 1, name_of(*i))), rest)
        }
        _ => (None, path),
    };
    let mut field = String::new();
    for (i, seg) in rest.iter().enumerate() {
        match (seg, i.checked_sub(1).map(|j| &rest[j])) {
            // An item of a timed phase `(label, secs)`: `phases #2 seconds`.
            (Seg::Index(0), Some(Seg::Index(_))) => field.push_str(" label"),
            (Seg::Index(_), Some(Seg::Index(_))) => field.push_str(" seconds"),
            (Seg::Field(name), _) => {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(name);
            }
            (Seg::Index(i), _) => field.push_str(&format!(" #{}", i + 1)),
        }
    }
    (step, (!field.is_empty()).then_some(field))
}
