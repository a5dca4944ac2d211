//! The rules a figure file must meet beyond its syntax: names, joints inside the drawing
//! space, every pose complete, a motion of poses that exist, no limb sweeping through the
//! floor. Each problem carries the path of the value at fault so it can be located.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use super::file::{FigureFile, pose_label, position};
use super::joint::{JOINTS, Joint};
use super::motion::Figure;
use super::pose::{Point, Pose, ease};
use crate::routine::{Pos, Problem, Seg, char_in_string};
use crate::text;

pub(crate) const X_RANGE: RangeInclusive<f64> = -100.0..=100.0;
pub(crate) const Y_RANGE: RangeInclusive<f64> = 0.0..=150.0;
pub(crate) const MAX_POSES: usize = 32;
pub(crate) const MAX_MOTION: usize = 16;
pub(crate) const MAX_TRAILS: usize = 4;
/// How far below the floor a joint may dip on the way between two key poses.
const FLOOR_SLACK: f64 = 1.0;
const FLOOR_SAMPLES: usize = 16;

type Found = Vec<(Vec<Seg>, String)>;

fn field(name: &str) -> Seg {
    Seg::Field(name.to_string())
}

fn pose_path(i: usize, rest: &str) -> Vec<Seg> {
    let mut path = vec![field("poses"), Seg::Index(i)];
    if !rest.is_empty() {
        path.push(field(rest));
    }
    path
}

/// The figure `file` (read from `src`) describes, or every problem found in it, located
/// and in file order. The counts are checked first and alone: past them nothing else is
/// looked at, so the work (and what an error says) stays bounded whatever the file's size.
pub(crate) fn check(src: &str, file: &FigureFile) -> Result<Figure, Vec<Problem>> {
    let located = |found: Found| -> Vec<Problem> {
        found
            .into_iter()
            .map(|(path, message)| problem(src, file, &path, message))
            .collect()
    };
    let over = limits(file);
    if !over.is_empty() {
        return Err(located(over));
    }
    let mut problems = texts(src, file);
    match shape(file) {
        Ok(figure) if problems.is_empty() => return Ok(figure),
        Ok(_) => {}
        Err(found) => problems.extend(located(found)),
    }
    // In file order, as a reader goes through them.
    problems.sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
    Err(problems)
}

/// More poses or motion steps than a figure may have.
fn limits(file: &FigureFile) -> Found {
    let mut found = Vec::new();
    let n = file.poses.len();
    if n > MAX_POSES {
        found.push((
            vec![field("poses")],
            format!("at most {MAX_POSES} poses, got {n}"),
        ));
    }
    let n = file.motion.len();
    if n > MAX_MOTION {
        found.push((
            vec![field("motion")],
            format!("at most {MAX_MOTION} poses, got {n}"),
        ));
    }
    found
}

/// The texts a figure shows (its name, description and pose names) hold no character that
/// acts on the terminal, as a routine's texts may not: each error points at the character.
fn texts(src: &str, file: &FigureFile) -> Vec<Problem> {
    let named = [
        (vec![field("name")], file.name.as_str(), "the figure's name"),
        (
            vec![field("description")],
            file.description.as_str(),
            "the figure's description",
        ),
    ];
    let poses = file
        .poses
        .iter()
        .enumerate()
        .map(|(i, p)| (pose_path(i, "name"), p.name.as_str(), "a pose's name"));
    named
        .into_iter()
        .chain(poses)
        .filter_map(|(path, value, what)| {
            let (i, c) = text::first_forbidden(value)?;
            let hint = if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                " (each text is one line)"
            } else {
                ""
            };
            let at = char_in_string(src, &path, i);
            Some(Problem {
                pos: at
                    .map(|at| Pos::of_offset(src, at))
                    .or(position(src, &path)),
                step: None,
                field: Some(label(file, &path)),
                message: format!("{} is not allowed in {what}{hint}", text::describe(c)),
            })
        })
        .collect()
}

/// A name from the file as a message quotes it: cut short, so an error about a pose with a
/// name of a megabyte says a line, not a megabyte.
pub(super) fn shown(name: &str) -> String {
    text::ellipsize(name, SHOWN_COLUMNS)
}

/// Columns of a name quoted in a message, at most.
const SHOWN_COLUMNS: usize = 40;

/// Every rule but the counts (see `check`).
fn shape(file: &FigureFile) -> Result<Figure, Found> {
    let mut found = Vec::new();
    if file.name.trim().is_empty() {
        found.push((vec![field("name")], "must not be blank".to_string()));
    }
    if file.poses.is_empty() {
        found.push((
            vec![field("poses")],
            "needs at least one pose, e.g. `poses: [Pose(name: \"stand\", ...)]`".to_string(),
        ));
    }
    let poses = resolve_poses(file, &mut found);
    let names: Vec<&str> = file.poses.iter().map(|p| p.name.as_str()).collect();
    let index_of = |name: &str| names.iter().position(|n| *n == name);
    let listed: Vec<String> = names.iter().map(|n| shown(n)).collect();
    let unknown = |name: &str| {
        let mut text = format!("no pose named `{}`", shown(name));
        if let Some(near) = super::closest(name, names.iter().copied()) {
            text.push_str(&format!(" (did you mean `{}`?)", shown(near)));
        }
        text.push_str(&format!(
            "; the poses are {}",
            super::quoted(listed.iter().map(String::as_str))
        ));
        text
    };
    if file.motion.is_empty() {
        found.push((
            vec![field("motion")],
            "needs at least one pose name, e.g. `motion: [\"cat\", \"cow\"]`".to_string(),
        ));
    }
    let mut motion = Vec::new();
    // With no poses at all, that one error says it.
    let motion_names = if names.is_empty() {
        &[][..]
    } else {
        &file.motion[..]
    };
    for (j, name) in motion_names.iter().enumerate() {
        match index_of(name) {
            Some(i) => motion.push(i),
            None => found.push((vec![field("motion"), Seg::Index(j)], unknown(name))),
        }
    }
    let still = match &file.still {
        Some(_) if names.is_empty() => None,
        Some(name) => index_of(name).or_else(|| {
            found.push((vec![field("still")], unknown(name)));
            None
        }),
        None => motion.first().copied(),
    };
    let complete: Option<Vec<(String, Pose)>> = poses
        .into_iter()
        .zip(&names)
        .map(|(pose, name)| pose.map(|p| (name.to_string(), p)))
        .collect();
    if file.trails.len() > MAX_TRAILS {
        let n = file.trails.len();
        found.push((
            vec![field("trails")],
            format!("at most {MAX_TRAILS} trails, got {n}"),
        ));
    }
    let mut trails = Vec::new();
    for (j, name) in file.trails.iter().enumerate() {
        match Joint::from_name(name) {
            Some(joint) if trails.contains(&joint) => found.push((
                vec![field("trails"), Seg::Index(j)],
                format!("`{name}` is already a trail"),
            )),
            Some(joint) => trails.push(joint),
            None => {
                let mut text = format!("no joint named `{name}`");
                if let Some(near) = super::closest(name, Joint::ALL.map(Joint::name)) {
                    text.push_str(&format!(" (did you mean `{near}`?)"));
                }
                text.push_str("; a trail follows a joint, e.g. `trails: [\"hand_l\"]`");
                found.push((vec![field("trails"), Seg::Index(j)], text));
            }
        }
    }
    let (Some(poses), Some(still), true) = (complete, still, found.is_empty()) else {
        return Err(found);
    };
    check_floor(&poses, &motion, &mut found);
    if !found.is_empty() {
        return Err(found);
    }
    Ok(Figure::new(
        file.name.clone(),
        file.view,
        file.description.clone(),
        file.passes,
        poses,
        motion,
        still,
    )
    .with_trails(trails))
}

/// Every pose with its `like` applied, `None` where one is incomplete or broken (reported).
fn resolve_poses(file: &FigureFile, found: &mut Found) -> Vec<Option<Pose>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut poses: Vec<Option<Pose>> = Vec::new();
    for (i, pose) in file.poses.iter().enumerate() {
        let key = pose.name.trim().to_lowercase();
        if key.is_empty() {
            found.push((pose_path(i, "name"), "must not be blank".to_string()));
        } else if let Some(&first) = seen.get(&key) {
            found.push((
                pose_path(i, "name"),
                format!(
                    "pose {} is already called {:?} (names are compared ignoring case)",
                    first + 1,
                    shown(&file.poses[first].name)
                ),
            ));
        } else {
            seen.insert(key, i);
        }
        // `None` for the base when it is broken: its own error says why.
        let base: Option<[Option<Point>; JOINTS]> = match &pose.like {
            None => Some([None; JOINTS]),
            Some(like) => {
                let earlier = file.poses[..i].iter().position(|p| p.name == *like);
                match earlier {
                    Some(j) => poses[j].map(|p| Joint::ALL.map(|joint| Some(p.get(joint)))),
                    None => {
                        let before = file.poses[..i].iter().map(|p| p.name.as_str());
                        let mut text = format!("no pose named `{}` before this one", shown(like));
                        if let Some(near) = super::closest(like, before) {
                            text.push_str(&format!(" (did you mean `{}`?)", shown(near)));
                        }
                        text.push_str("; `like` starts from a pose written above");
                        found.push((pose_path(i, "like"), text));
                        None
                    }
                }
            }
        };
        let mut ok = true;
        let mut joints = base.unwrap_or([None; JOINTS]);
        for joint in Joint::ALL {
            let Some((x, y)) = pose.joints[joint.index()] else {
                continue;
            };
            if !(X_RANGE.contains(&x) && Y_RANGE.contains(&y)) {
                found.push((
                    pose_path(i, joint.name()),
                    format!(
                        "must be inside the drawing space: x from {} to {}, y from {} (the \
                         floor) to {}; got ({x}, {y})",
                        X_RANGE.start(),
                        X_RANGE.end(),
                        Y_RANGE.start(),
                        Y_RANGE.end()
                    ),
                ));
                ok = false;
            }
            joints[joint.index()] = Some(Point::new(x, y));
        }
        let missing: Vec<&str> = Joint::ALL
            .into_iter()
            .filter(|j| joints[j.index()].is_none())
            .map(Joint::name)
            .collect();
        if base.is_some() && !missing.is_empty() {
            let hint = match &pose.like {
                Some(_) => String::new(),
                None => format!(
                    " (give all {JOINTS}, or start from a pose above with `like: \"NAME\"`)"
                ),
            };
            found.push((
                pose_path(i, ""),
                format!("missing joints {}{hint}", super::quoted(missing)),
            ));
        }
        let complete = ok && base.is_some() && joints.iter().all(Option::is_some);
        poses.push(complete.then(|| Pose::new(joints.map(Option::unwrap_or_default))));
    }
    poses
}

/// A joint that passes well below the floor on the way between two key poses is a motion
/// that turns a limb the wrong way round (blends turn bones the short way).
fn check_floor(poses: &[(String, Pose)], motion: &[usize], found: &mut Found) {
    let k = motion.len();
    if k < 2 {
        return;
    }
    for j in 0..k {
        let (from, to) = (&poses[motion[(j + k - 1) % k]], &poses[motion[j]]);
        let lowest = (1..FLOOR_SAMPLES)
            .flat_map(|s| {
                let pose = from.1.blend(&to.1, ease(s as f64 / FLOOR_SAMPLES as f64));
                Joint::ALL.map(|joint| (pose.get(joint).y, joint))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((y, joint)) = lowest.filter(|(y, _)| *y < -FLOOR_SLACK) {
            found.push((
                vec![field("motion"), Seg::Index(j)],
                format!(
                    "on the way from `{}` to `{}`, {} passes {:.1} below the floor; add a \
                     pose in between or move it",
                    shown(&from.0),
                    shown(&to.0),
                    joint.name(),
                    -y
                ),
            ));
        }
    }
}

/// A located problem, the pose at fault named as `pose 2 ("cow")`.
fn problem(src: &str, file: &FigureFile, path: &[Seg], message: String) -> Problem {
    Problem {
        pos: position(src, path),
        step: None,
        field: Some(label(file, path)),
        message,
    }
}

/// How a problem names the value at `path`: `pose 2 ("cow"), head`, `motion #3`.
fn label(file: &FigureFile, path: &[Seg]) -> String {
    match path {
        [Seg::Field(poses), Seg::Index(i), rest @ ..] if poses == "poses" => {
            let mut label = pose_label(i + 1, file.poses.get(*i).map(|p| p.name.as_str()));
            for seg in rest {
                if let Seg::Field(name) = seg {
                    label.push_str(", ");
                    label.push_str(name);
                }
            }
            label
        }
        _ => path
            .iter()
            .map(|seg| match seg {
                Seg::Field(name) => name.clone(),
                Seg::Index(i) => format!("#{}", i + 1),
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}
