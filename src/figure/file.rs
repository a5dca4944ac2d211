//! The figure file format: the serde types people write in RON, read with the routine
//! loader's options and located errors, then checked and turned into a `Figure`.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::check;
use super::joint::{JOINTS, Joint};
use super::motion::{Figure, Passes, View};
use crate::routine::{LoadError, Pos, Problem, Seg, locate, parse_ron, token_at};

/// A whole figure file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Figure", deny_unknown_fields)]
pub struct FigureFile {
    pub(crate) name: String,
    pub(crate) view: View,
    /// One sentence describing the pose, for plain mode.
    #[serde(default)]
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) passes: Passes,
    /// The pose shown when nothing moves; the motion's first by default.
    #[serde(default)]
    pub(crate) still: Option<String>,
    /// Pose names: the key poses of one rep, in order.
    pub(crate) motion: Vec<String>,
    pub(crate) poses: Vec<PoseFile>,
}

/// One pose as written: a name, perhaps another pose to start from, and joints as `(x, y)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PoseFile {
    pub(crate) name: String,
    pub(crate) like: Option<String>,
    pub(crate) joints: [Option<(f64, f64)>; JOINTS],
}

/// The fields of `Pose(...)`: its name, `like`, then every joint.
const POSE_FIELDS: [&str; JOINTS + 2] = {
    let mut names = [""; JOINTS + 2];
    names[0] = "name";
    names[1] = "like";
    let mut i = 0;
    while i < JOINTS {
        names[i + 2] = Joint::ALL[i].name();
        i += 1;
    }
    names
};

impl<'de> Deserialize<'de> for PoseFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Pose", &POSE_FIELDS, PoseVisitor)
    }
}

struct PoseVisitor;

impl<'de> Visitor<'de> for PoseVisitor {
    type Value = PoseFile;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`Pose(name: \"...\", head: (x, y), ...)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PoseFile, A::Error> {
        let mut name = None;
        let mut like = None;
        let mut joints = [None; JOINTS];
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" if name.is_some() => return Err(de::Error::duplicate_field("name")),
                "name" => name = Some(map.next_value()?),
                "like" if like.is_some() => return Err(de::Error::duplicate_field("like")),
                "like" => like = Some(map.next_value()?),
                other => {
                    let Some(joint) = Joint::from_name(other) else {
                        return Err(de::Error::custom(unknown_joint(other)));
                    };
                    let slot = &mut joints[joint.index()];
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(joint.name()));
                    }
                    *slot = Some(map.next_value()?);
                }
            }
        }
        Ok(PoseFile {
            name: name.ok_or_else(|| {
                de::Error::custom(
                    "missing the required field `name` in `Pose(...)`, e.g. `name: \"cat\"`",
                )
            })?,
            like,
            joints,
        })
    }
}

fn unknown_joint(found: &str) -> String {
    let mut text = format!("unknown joint `{found}`");
    if let Some(near) = super::closest(found, POSE_FIELDS) {
        text.push_str(&format!(" (did you mean `{near}`?)"));
    }
    text.push_str(&format!(
        "; a pose has `name`, `like` and the joints {}",
        super::quoted(Joint::ALL.map(Joint::name))
    ));
    text
}

/// Reads and checks a figure file.
pub fn load_file(path: &Path) -> Result<Figure, LoadError> {
    let (src, origin) = crate::routine::read_for_loading(path)?;
    parse(&src, &origin)
}

/// Parses and checks figure text; `origin` names it in errors.
pub fn parse(src: &str, origin: &str) -> Result<Figure, LoadError> {
    let file: FigureFile = parse_ron(src, origin).map_err(|mut err| {
        for problem in &mut err.problems {
            reword(src, problem);
        }
        err
    })?;
    check::check(&file).map_err(|found| {
        let mut problems: Vec<Problem> = found
            .into_iter()
            .map(|(path, message)| check::problem(src, &file, &path, message))
            .collect();
        // In file order, as a reader goes through them.
        problems.sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
        LoadError {
            origin: origin.to_string(),
            problems,
        }
    })
}

/// Puts a syntax error in a figure file's own terms: the pose at fault named, a joint's
/// value asked for as a point, examples from figures rather than routines.
fn reword(src: &str, problem: &mut Problem) {
    let joint = problem
        .field
        .as_deref()
        .and_then(|f| f.rsplit('.').next())
        .and_then(Joint::from_name);
    let bracket = [
        "expected opening `(`",
        "expected closing `)`",
        "expected `,` before",
    ];
    if let (Some(_), Some(pos)) = (joint, problem.pos)
        && bracket.iter().any(|b| problem.message.starts_with(b))
    {
        let found = token_at(src, offset_of(src, pos)).map(|(_, t)| t);
        problem.message = match found {
            Some(token) if token.chars().count() <= 40 => {
                format!("expected a point `(x, y)`, found `{token}`")
            }
            _ => "expected a point `(x, y)`".to_string(),
        };
    }
    problem.message = problem
        .message
        .replace("`name: \"Morning stretch\"`", "`name: \"Cat/Cow\"`");
    problem.field = problem.field.take().map(|f| pose_field(src, &f));
}

/// The byte offset of a line and column in `src`.
fn offset_of(src: &str, pos: Pos) -> usize {
    let start: usize = src
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1))
        .map(str::len)
        .sum();
    src[start..]
        .char_indices()
        .nth(pos.col.saturating_sub(1))
        .map_or(src.len(), |(i, _)| start + i)
}

/// `poses #2.head` (the loader's words for a path) as `pose 2 ("cow"), head`.
fn pose_field(src: &str, field: &str) -> String {
    let Some(rest) = field.strip_prefix("poses #") else {
        return field.to_string();
    };
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let Some(n) = rest[..digits].parse::<usize>().ok().filter(|n| *n > 0) else {
        return field.to_string();
    };
    let after = rest[digits..].trim_start_matches('.');
    let mut label = pose_label(n, written_name(src, n - 1).as_deref());
    if !after.is_empty() {
        label.push_str(", ");
        label.push_str(after);
    }
    label
}

/// `pose 2 ("cow")`, or `pose 2` when the name is unknown or blank.
pub(super) fn pose_label(n: usize, name: Option<&str>) -> String {
    match name.filter(|n| !n.trim().is_empty() && !n.contains('\n')) {
        Some(name) => format!("pose {n} ({name:?})"),
        None => format!("pose {n}"),
    }
}

/// The `name` written in the pose at `index`, read from the text (for errors found before
/// the file could be read whole).
fn written_name(src: &str, index: usize) -> Option<String> {
    let path = [
        Seg::Field("poses".into()),
        Seg::Index(index),
        Seg::Field("name".into()),
    ];
    let at = locate(src, &path)?;
    let (_, key) = token_at(src, at)?;
    if key != "name" {
        return None;
    }
    let (colon, _) = token_at(src, at + key.len())?;
    let (_, value) = token_at(src, colon + 1)?;
    let text = value.strip_prefix('"')?.strip_suffix('"')?;
    Some(text.to_string())
}

/// Where `path` is written in `src`, as line and column.
pub(super) fn position(src: &str, path: &[Seg]) -> Option<Pos> {
    locate(src, path).map(|at| Pos::of_offset(src, at))
}
