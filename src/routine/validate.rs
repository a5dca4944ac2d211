//! The rules a routine must meet beyond its syntax: ranges, blank names, duplicates.
//! Each problem comes with the path of the offending value so the loader can locate it.

use std::collections::HashSet;

use super::locate::Seg;
use super::model::{Routine, Step, Work};

pub const MAX_TIMING_SECS: u32 = 600;
pub const HOLD_SECS: std::ops::RangeInclusive<u32> = 1..=3600;
pub const REP_COUNT: std::ops::RangeInclusive<u32> = 1..=1000;
pub const TEMPO_SECS: std::ops::RangeInclusive<f64> = 0.5..=60.0;
pub const MAX_PHASES: usize = 4;
pub const MAX_PASSES: usize = 8;

type Found = Vec<(Vec<Seg>, String)>;

fn field(name: &str) -> Seg {
    Seg::Field(name.to_string())
}

/// Every problem in `routine`, in file order; empty when it is valid.
pub fn check(routine: &Routine) -> Found {
    let mut found = Vec::new();
    if routine.name.trim().is_empty() {
        found.push((vec![field("name")], "must not be blank".to_string()));
    }
    for (name, value) in [
        ("prepare_secs", routine.prepare_secs),
        ("rest_secs", routine.rest_secs),
        ("switch_secs", routine.switch_secs),
    ] {
        check_timing(&mut found, vec![field(name)], value);
    }
    if routine.steps.is_empty() {
        found.push((
            vec![field("steps")],
            "needs at least one step, e.g. `steps: [Step(name: \"Child's pose\", work: Hold(secs: 30))]`"
                .to_string(),
        ));
    }
    for (i, step) in routine.steps.iter().enumerate() {
        check_step(&mut found, &[field("steps"), Seg::Index(i)], step);
    }
    found
}

fn at(base: &[Seg], rest: &[&str]) -> Vec<Seg> {
    base.iter()
        .cloned()
        .chain(rest.iter().map(|r| field(r)))
        .collect()
}

fn check_timing(found: &mut Found, path: Vec<Seg>, value: Option<u32>) {
    if let Some(v) = value.filter(|v| *v > MAX_TIMING_SECS) {
        found.push((
            path,
            format!("must be 0 to {MAX_TIMING_SECS} seconds, got {v}"),
        ));
    }
}

/// Blank labels are refused; duplicates only where `unique` (two passes named "Left" make no
/// sense, but a rep may well breathe "Inhale, Exhale, Inhale, Exhale").
fn check_labels(
    found: &mut Found,
    path: Vec<Seg>,
    labels: &[String],
    max: usize,
    what: &str,
    unique: bool,
) {
    if labels.len() > max {
        found.push((
            path.clone(),
            format!("at most {max} {what}, got {}", labels.len()),
        ));
    }
    let mut seen = HashSet::new();
    for (i, label) in labels.iter().enumerate() {
        let mut item = path.clone();
        item.push(Seg::Index(i));
        if label.trim().is_empty() {
            found.push((item, "must not be blank".to_string()));
        } else if unique && !seen.insert(label.trim().to_lowercase()) {
            found.push((
                item,
                format!("{label:?} appears twice; each label must be different"),
            ));
        }
    }
}

fn check_step(found: &mut Found, base: &[Seg], step: &Step) {
    if step.name.trim().is_empty() {
        found.push((at(base, &["name"]), "must not be blank".to_string()));
    }
    for (i, cue) in step.cues.iter().enumerate() {
        if cue.trim().is_empty() {
            let mut path = at(base, &["cues"]);
            path.push(Seg::Index(i));
            found.push((path, "must not be blank".to_string()));
        }
    }
    match &step.work {
        Work::Hold { secs } => {
            if !HOLD_SECS.contains(secs) {
                found.push((
                    at(base, &["work", "secs"]),
                    format!(
                        "must be {} to {} seconds, got {secs}",
                        HOLD_SECS.start(),
                        HOLD_SECS.end()
                    ),
                ));
            }
        }
        Work::Reps {
            count,
            tempo_secs,
            phases,
        } => {
            if !REP_COUNT.contains(count) {
                found.push((
                    at(base, &["work", "count"]),
                    format!(
                        "must be {} to {}, got {count}",
                        REP_COUNT.start(),
                        REP_COUNT.end()
                    ),
                ));
            }
            match tempo_secs {
                Some(t) if !t.is_finite() || !TEMPO_SECS.contains(t) => found.push((
                    at(base, &["work", "tempo_secs"]),
                    format!(
                        "must be a number of seconds from {} to {}, got {t}",
                        TEMPO_SECS.start(),
                        TEMPO_SECS.end()
                    ),
                )),
                None if !phases.is_empty() => found.push((
                    at(base, &["work", "phases"]),
                    "need `tempo_secs`: phases split a paced rep; counted reps have none"
                        .to_string(),
                )),
                _ => {}
            }
            check_labels(
                found,
                at(base, &["work", "phases"]),
                phases,
                MAX_PHASES,
                "phases",
                false,
            );
        }
    }
    check_labels(
        found,
        at(base, &["passes"]),
        &step.passes,
        MAX_PASSES,
        "passes",
        true,
    );
    check_timing(found, at(base, &["prepare_secs"]), step.prepare_secs);
    check_timing(found, at(base, &["rest_secs"]), step.rest_secs);
}
