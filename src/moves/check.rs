//! The rules a move file must meet beyond its syntax: the routine rules for its name, cues,
//! passes and dose (checked as a one-step routine), 3-5 cues, at least one region and one
//! source, sane ranges, and a default dose inside every range its sources give.

use super::dose;
use super::model::Move;
use crate::routine::{Finding, Kind, Routine, Seg, Step, check_rules};
use crate::text;

/// How many form cues a move gives.
pub const CUES: std::ops::RangeInclusive<usize> = 3..=5;

fn field(name: &str) -> Seg {
    Seg::Field(name.to_string())
}

fn finding(path: Vec<Seg>, message: impl Into<String>) -> Finding {
    Finding {
        path,
        message: message.into(),
        char_index: None,
    }
}

/// Every problem in `found`, in file order; empty when it is valid.
pub(super) fn check(found: &Move) -> Vec<Finding> {
    let mut problems: Vec<Finding> = as_routine_problems(found);
    let mut texts: Vec<(Vec<Seg>, &str)> = vec![(vec![field("breathing")], &found.breathing)];
    for (i, alias) in found.aliases.iter().enumerate() {
        texts.push((vec![field("aliases"), Seg::Index(i)], alias));
    }
    texts.push((vec![field("figure")], &found.figure));
    for (i, source) in found.sources.iter().enumerate() {
        let at = |name| vec![field("sources"), Seg::Index(i), field(name)];
        texts.push((at("cite"), &source.cite));
        texts.push((at("says"), &source.says));
    }
    for (path, value) in texts {
        if let Some((_, c)) = text::first_forbidden(value) {
            problems.push(finding(
                path,
                format!("{} is not allowed here", text::describe(c)),
            ));
        } else if text::is_blank(value) {
            problems.push(finding(path, "must not be blank"));
        }
    }
    if !CUES.contains(&found.cues.len()) {
        problems.push(finding(
            vec![field("cues")],
            format!(
                "a move gives {} to {} form cues, got {}",
                CUES.start(),
                CUES.end(),
                found.cues.len()
            ),
        ));
    }
    if found.regions.is_empty() {
        problems.push(finding(
            vec![field("regions")],
            "needs at least one region, e.g. `regions: [LowerBack, Core]`",
        ));
    }
    if found.sources.is_empty() {
        problems.push(finding(
            vec![field("sources")],
            "needs at least one source for its dose, e.g. `sources: [Source(cite: \"...\", \
             says: \"...\", hold_secs: (10, 30))]`",
        ));
    }
    for (i, source) in found.sources.iter().enumerate() {
        for (name, range) in [
            ("hold_secs", source.hold_secs),
            ("reps", source.reps),
            ("sets", source.sets),
            ("per_muscle_secs", source.per_muscle_secs),
        ] {
            if let Some((low, high)) = range.filter(|(low, high)| low > high || *high == 0) {
                problems.push(finding(
                    vec![field("sources"), Seg::Index(i), field(name)],
                    format!("a range `(low, high)` from low up to high, got ({low}, {high})"),
                ));
            }
        }
    }
    // A dose is held to its sources only once it and they are well formed.
    if problems.is_empty() {
        for (i, source) in found.sources.iter().enumerate() {
            if let Some(why) = dose::outside(&found.work, found.sets, source) {
                problems.push(finding(
                    vec![field("work")],
                    format!("the default dose {why} (source {})", i + 1),
                ));
            }
        }
    }
    problems
}

/// The routine rules for what a move shares with a step, with the paths of the move file.
fn as_routine_problems(found: &Move) -> Vec<Finding> {
    let step = Step {
        cues: found.cues.clone(),
        passes: found.passes.clone(),
        sets: found.sets,
        ..Step::new(found.name.clone(), found.work.clone())
    };
    let routine = Routine::new(found.name.clone(), Kind::Other, vec![step]);
    check_rules(&routine)
        .into_iter()
        .filter_map(|mut f| match f.path.as_slice() {
            [Seg::Field(steps), Seg::Index(0), ..] if steps == "steps" => {
                f.path.drain(..2);
                Some(f)
            }
            // The routine's own name is the move's name, said once, as a step's.
            _ => None,
        })
        .collect()
}

/// `sources #1.hold_secs`, as the loader words a path.
pub(super) fn field_words(path: &[Seg]) -> Option<String> {
    let mut words = String::new();
    for seg in path {
        match seg {
            Seg::Field(name) => {
                if !words.is_empty() {
                    words.push('.');
                }
                words.push_str(name);
            }
            Seg::Index(i) => words.push_str(&format!(" #{}", i + 1)),
        }
    }
    (!words.is_empty()).then_some(words)
}
