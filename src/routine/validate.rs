//! The rules a routine must meet beyond its syntax: ranges, blank names, duplicates, text
//! without control characters. Each problem comes with the path of the offending value (and
//! for a bad character, where in the text it is) so the loader can locate it.

use std::collections::HashSet;

mod grow;
mod parts;
mod size;
mod work;

use super::locate::Seg;
use super::model::{Routine, Step};
use crate::text;

pub const MAX_TIMING_SECS: u32 = 600;
/// Sets of a step, rounds of a routine.
pub const REPEATS: std::ops::RangeInclusive<u32> = 1..=20;
pub use parts::{BOTH as STEPS_AND_PARTS, EXAMPLE as PARTS_EXAMPLE, MAX_PARTS};
pub use size::{MAX_SESSION_PASSES, MAX_SESSION_PLANNED_SECS, MAX_SESSION_STEPS, Size};
pub use work::{HOLD_SECS, PHASE_SECS, REMIND_MINS, REP_COUNT, TEMPO_SECS};
pub const MAX_PASSES: usize = 8;
/// The longest routine name, step name or pass label, in characters: each is kept in every
/// history record, so it is bounded as the number of them is.
pub const MAX_NAME_CHARS: usize = 100;
/// What an empty `steps` is told (the loader words it otherwise when `steps` is not written).
pub const NO_STEPS: &str =
    "needs at least one step, e.g. `steps: [Step(name: \"Child's pose\", work: Hold(secs: 30))]`";

/// One broken rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: Vec<Seg>,
    pub message: String,
    /// For a bad character: its index among the chars of the text at `path`.
    pub char_index: Option<usize>,
}

pub(super) type Found = Vec<Finding>;

/// Where the rules push what they find.
pub(super) trait Push {
    fn problem(&mut self, path: Vec<Seg>, message: impl Into<String>);
}

impl Push for Found {
    fn problem(&mut self, path: Vec<Seg>, message: impl Into<String>) {
        self.push(Finding {
            path,
            message: message.into(),
            char_index: None,
        });
    }
}

pub(super) fn field(name: &str) -> Seg {
    Seg::Field(name.to_string())
}

/// Text shown to the user: no forbidden characters (see `text`), and, where `required`,
/// something visible. Returns false when the text broke a rule.
pub(super) fn check_text(
    found: &mut Found,
    path: Vec<Seg>,
    value: &str,
    what: &str,
    required: bool,
) -> bool {
    if let Some((i, c)) = text::first_forbidden(value) {
        let hint = if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            " (each text is one line; the screen wraps long ones)"
        } else {
            ""
        };
        found.push(Finding {
            path,
            message: format!("{} is not allowed in {what}{hint}", text::describe(c)),
            char_index: Some(i),
        });
        return false;
    }
    if required && text::is_blank(value) {
        found.problem(path, "must not be blank");
        return false;
    }
    true
}

/// Every problem in `routine`, in file order; empty when it is valid.
pub(crate) fn check(routine: &Routine) -> Found {
    let mut found = Vec::new();
    check_text(
        &mut found,
        vec![field("name")],
        &routine.name,
        "the routine's name",
        true,
    );
    check_name_length(&mut found, vec![field("name")], &routine.name);
    check_text(
        &mut found,
        vec![field("description")],
        &routine.description,
        "the description",
        false,
    );
    for (name, value) in [
        ("prepare_secs", routine.prepare_secs),
        ("rest_secs", routine.rest_secs),
        ("switch_secs", routine.switch_secs),
        ("round_rest_secs", routine.round_rest_secs),
    ] {
        check_timing(&mut found, vec![field(name)], value);
    }
    check_repeats(&mut found, vec![field("rounds")], routine.rounds, "rounds");
    if routine.is_combination() {
        parts::check(&mut found, routine);
    } else if routine.steps.is_empty() {
        found.problem(vec![field("steps")], NO_STEPS);
    }
    for (i, step) in routine.steps.iter().enumerate() {
        check_step(&mut found, &[field("steps"), Seg::Index(i)], step);
    }
    size::check(&mut found, routine);
    if let Some(progression) = &routine.progression {
        grow::check(&mut found, routine, progression);
    }
    found
}

/// A name the history keeps: at most `MAX_NAME_CHARS` characters.
fn check_name_length(found: &mut Found, path: Vec<Seg>, value: &str) {
    let chars = value.chars().count();
    if chars > MAX_NAME_CHARS {
        found.problem(
            path,
            format!("at most {MAX_NAME_CHARS} characters, got {chars}"),
        );
    }
}

pub(super) fn at(base: &[Seg], rest: &[&str]) -> Vec<Seg> {
    base.iter()
        .cloned()
        .chain(rest.iter().map(|r| field(r)))
        .collect()
}

/// Sets or rounds: 1 to 20.
fn check_repeats(found: &mut Found, path: Vec<Seg>, value: Option<u32>, what: &str) {
    if let Some(v) = value.filter(|v| !REPEATS.contains(v)) {
        found.problem(
            path,
            format!(
                "must be {} to {} {what}, got {v}",
                REPEATS.start(),
                REPEATS.end()
            ),
        );
    }
}

fn check_timing(found: &mut Found, path: Vec<Seg>, value: Option<u32>) {
    if let Some(v) = value.filter(|v| *v > MAX_TIMING_SECS) {
        found.problem(
            path,
            format!("must be 0 to {MAX_TIMING_SECS} seconds, got {v}"),
        );
    }
}

/// How many of a list there may be, what one is called, and whether each must differ.
pub(super) struct Labels<'a> {
    pub(crate) max: usize,
    pub(crate) plural: &'a str,
    pub(crate) one: &'a str,
    pub(crate) unique: bool,
}

/// Blank labels are refused; duplicates only where `unique` (two passes named "Left" make no
/// sense, but a rep may well breathe "Inhale, Exhale, Inhale, Exhale"). `path` is the list;
/// each label comes with the path of its text.
pub(super) fn check_labels<'a>(
    found: &mut Found,
    path: Vec<Seg>,
    labels: impl ExactSizeIterator<Item = (&'a str, Vec<Seg>)>,
    rule: &Labels,
) {
    if labels.len() > rule.max {
        found.problem(
            path.clone(),
            format!("at most {} {}, got {}", rule.max, rule.plural, labels.len()),
        );
    }
    let mut seen = HashSet::new();
    for (label, item) in labels {
        if check_text(found, item.clone(), label, rule.one, true)
            && rule.unique
            && !seen.insert(label.trim().to_lowercase())
        {
            found.problem(
                item,
                format!("{label:?} appears twice; each label must be different"),
            );
        }
    }
}

fn check_step(found: &mut Found, base: &[Seg], step: &Step) {
    check_text(found, at(base, &["name"]), &step.name, "a step name", true);
    check_name_length(found, at(base, &["name"]), &step.name);
    for (i, cue) in step.cues.iter().enumerate() {
        let mut path = at(base, &["cues"]);
        path.push(Seg::Index(i));
        check_text(found, path, cue, "a cue", true);
    }
    if let Some(key) = step.key_cue
        && !(1..=step.cues.len()).contains(&(key as usize))
    {
        let message = match step.cues.len() {
            0 => format!("names cue {key}, but the step has no cues"),
            n => format!("must be the number of one of the step's {n} cues (1 to {n}), got {key}"),
        };
        found.problem(at(base, &["key_cue"]), message);
    }
    work::check(found, base, &step.work);
    let rule = Labels {
        max: MAX_PASSES,
        plural: "passes",
        one: "a pass label",
        unique: true,
    };
    let path = at(base, &["passes"]);
    let passes = step.passes.iter().enumerate().map(|(i, label)| {
        let mut item = path.clone();
        item.push(Seg::Index(i));
        (label.as_str(), item)
    });
    check_labels(found, path.clone(), passes, &rule);
    for (i, label) in step.passes.iter().enumerate() {
        let mut item = path.clone();
        item.push(Seg::Index(i));
        check_name_length(found, item, label);
    }
    check_timing(found, at(base, &["prepare_secs"]), step.prepare_secs);
    check_timing(found, at(base, &["rest_secs"]), step.rest_secs);
    check_repeats(found, at(base, &["sets"]), step.sets, "sets");
    check_timing(found, at(base, &["set_rest_secs"]), step.set_rest_secs);
}
