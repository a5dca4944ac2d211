//! The rules of a routine's `progression`: each level or rule names a step that exists and
//! suits its work, each ceiling can be reached, and every level differs from the one before
//! (a level that changes nothing could never be stepped up to meaningfully).

use super::{Found, Push, REPEATS, at, field};
use crate::routine::grow::{Growth, MAX_LEVELS, Progression};
use crate::routine::locate::Seg;
use crate::routine::model::{Routine, Work};

use super::work::{HOLD_SECS, REP_COUNT};

pub(super) fn check(found: &mut Found, routine: &Routine, progression: &Progression) {
    let base = vec![field("progression")];
    if routine.is_combination() {
        found.problem(
            base,
            "not for a combination: each part progresses by its own `progression`",
        );
        return;
    }
    match (progression.levels.is_empty(), progression.rules.is_empty()) {
        (true, true) => {
            return found.problem(
                base,
                "needs `levels` or `rules`, e.g. `progression: Progression(rules: [Rule(step: 1, \
                 by: Hold(add: 5, up_to: 30))])`",
            );
        }
        (false, false) => {
            return found.problem(base, "has either `levels` or `rules`, not both");
        }
        _ => {}
    }
    let before = found.len();
    for (i, level) in progression.levels.iter().enumerate() {
        let at_level = [field("progression"), field("levels"), Seg::Index(i)];
        if let Some(v) = level.rounds.filter(|v| !REPEATS.contains(v)) {
            found.problem(
                at(&at_level, &["rounds"]),
                format!("must be 1 to 20 rounds, got {v}"),
            );
        }
        for (j, change) in level.steps.iter().enumerate() {
            let mut path = at(&at_level, &["steps"]);
            path.push(Seg::Index(j));
            if !step_exists(found, &path, routine, change.step) {
                continue;
            }
            match &change.work {
                Some(work) => super::work::check(found, &path, work),
                None if change.sets.is_none() => {
                    found.problem(path.clone(), "changes nothing: give it `work` or `sets`")
                }
                None => {}
            }
            if let Some(v) = change.sets.filter(|v| !REPEATS.contains(v)) {
                found.problem(
                    at(&path, &["sets"]),
                    format!("must be 1 to 20 sets, got {v}"),
                );
            }
        }
    }
    for (i, rule) in progression.rules.iter().enumerate() {
        let path = vec![field("progression"), field("rules"), Seg::Index(i)];
        if step_exists(found, &path, routine, rule.step) {
            check_rule(found, &path, routine, i);
        }
    }
    if found.len() > before {
        return;
    }
    let count = progression.count(&routine.steps);
    if count > MAX_LEVELS {
        found.problem(
            base,
            format!("makes {count} levels, more than the {MAX_LEVELS} a routine may have"),
        );
        return;
    }
    for level in 2..=count {
        if routine.at_level(level) == routine.at_level(level - 1) {
            let path = match progression.levels.is_empty() {
                false => vec![
                    field("progression"),
                    field("levels"),
                    Seg::Index(level as usize - 2),
                ],
                true => base.clone(),
            };
            found.problem(
                path,
                format!(
                    "level {level} is the same as level {}: it changes nothing",
                    level - 1
                ),
            );
        }
    }
}

/// `step` (from 1) must be one of the routine's.
fn step_exists(found: &mut Found, path: &[Seg], routine: &Routine, step: usize) -> bool {
    let ok = (1..=routine.steps.len()).contains(&step);
    if !ok {
        found.problem(
            at(path, &["step"]),
            format!(
                "there is no step {step}: the routine has {} (steps count from 1)",
                routine.steps.len()
            ),
        );
    }
    ok
}

fn check_rule(found: &mut Found, path: &[Seg], routine: &Routine, index: usize) {
    let rules = &routine.progression.as_ref().expect("checked").rules;
    let rule = &rules[index];
    let step = &routine.steps[rule.step - 1];
    let same_step = rules[..index].iter().filter(|r| r.step == rule.step);
    if let Some(other) = same_step.map(|r| &r.by).find(|by| conflicts(by, &rule.by)) {
        found.problem(
            at(path, &["by"]),
            format!(
                "step {} already grows by `{}` in an earlier rule; one rule of a kind a step \
                 (a pyramid sets the sets itself)",
                rule.step,
                kind(other)
            ),
        );
        return;
    }
    let by = at(path, &["by"]);
    let wrong_work = |what: &str| {
        format!(
            "step {} ({:?}) does {}, so it cannot grow by `{what}`",
            rule.step,
            step.name,
            match step.work {
                Work::Hold { .. } => "a hold",
                Work::Reps { .. } => "reps",
                Work::Open { .. } => "open-ended work",
            }
        )
    };
    let ceiling = |found: &mut Found,
                   from: u32,
                   add: u32,
                   up_to: u32,
                   range: &std::ops::RangeInclusive<u32>,
                   unit: &str| {
        if add == 0 {
            found.problem(
                at(&by, &["add"]),
                "must be 1 or more: it is what a level adds",
            );
        } else if !range.contains(&up_to) {
            found.problem(
                at(&by, &["up_to"]),
                format!(
                    "must be {} to {}{unit}, got {up_to}",
                    range.start(),
                    range.end()
                ),
            );
        } else if up_to <= from {
            found.problem(
                at(&by, &["up_to"]),
                format!(
                    "the ceiling {up_to}{unit} cannot be reached: step {} already starts at {from}{unit}",
                    rule.step
                ),
            );
        }
    };
    match (&rule.by, &step.work) {
        (Growth::Reps { add, up_to }, Work::Reps { count, .. }) => {
            ceiling(found, *count, *add, *up_to, &REP_COUNT, " reps")
        }
        (Growth::Hold { add, up_to }, Work::Hold { secs, .. }) => {
            ceiling(found, *secs, *add, *up_to, &HOLD_SECS, " seconds")
        }
        (Growth::Sets { up_to }, _) => {
            ceiling(found, step.sets.unwrap_or(1), 1, *up_to, &REPEATS, " sets")
        }
        (Growth::Pyramid { stages }, Work::Reps { .. }) => check_pyramid(found, &by, stages),
        (Growth::Reps { .. }, _) => found.problem(by, wrong_work("Reps")),
        (Growth::Hold { .. }, _) => found.problem(by, wrong_work("Hold")),
        (Growth::Pyramid { .. }, _) => found.problem(by, wrong_work("Pyramid")),
    }
}

/// Two growths one step cannot have together: the same kind twice, or sets beside a
/// pyramid.
fn conflicts(a: &Growth, b: &Growth) -> bool {
    let sets = |g: &Growth| matches!(g, Growth::Sets { .. } | Growth::Pyramid { .. });
    std::mem::discriminant(a) == std::mem::discriminant(b) || (sets(a) && sets(b))
}

fn kind(growth: &Growth) -> &'static str {
    match growth {
        Growth::Reps { .. } => "Reps",
        Growth::Hold { .. } => "Hold",
        Growth::Sets { .. } => "Sets",
        Growth::Pyramid { .. } => "Pyramid",
    }
}

/// At least two stages, each a descending run of 1 to 20 sets of 1 to 1,000 reps, each
/// stage more reps in all than the one before.
fn check_pyramid(found: &mut Found, by: &[Seg], stages: &[Vec<u32>]) {
    let path = at(by, &["stages"]);
    if stages.len() < 2 {
        return found.problem(
            path,
            "needs at least two stages, one a level, e.g. `[[3, 2, 1], [6, 4, 2]]`",
        );
    }
    for (i, stage) in stages.iter().enumerate() {
        let mut item = path.clone();
        item.push(Seg::Index(i));
        let problem = if stage.is_empty() || stage.len() > *REPEATS.end() as usize {
            Some(format!(
                "must have 1 to {} sets, got {}",
                REPEATS.end(),
                stage.len()
            ))
        } else if let Some(bad) = stage.iter().find(|c| !REP_COUNT.contains(c)) {
            Some(format!(
                "each set must be 1 to {} reps, got {bad}",
                REP_COUNT.end()
            ))
        } else if stage.windows(2).any(|w| w[1] > w[0]) {
            Some(format!(
                "{stage:?} is not descending: each set has no more reps than the one before"
            ))
        } else if i > 0 && stage.iter().sum::<u32>() <= stages[i - 1].iter().sum::<u32>() {
            Some(format!(
                "stage {} has no more reps in all than stage {i}, so it is no step up",
                i + 1
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            found.problem(item, message);
        }
    }
}
