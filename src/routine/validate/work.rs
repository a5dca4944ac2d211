//! The rules of a step's `work`: hold lengths, rep counts, tempos, and the phases of a
//! paced rep (labels, each with its seconds or none).

use super::{Found, Labels, Push, at, check_labels};
use crate::routine::RepPhase;
use crate::routine::locate::Seg;
use crate::routine::model::Work;

pub const HOLD_SECS: std::ops::RangeInclusive<u32> = 1..=3600;
pub const REP_COUNT: std::ops::RangeInclusive<u32> = 1..=1000;
/// How long one paced rep lasts, by its tempo or by its phases added up.
pub const TEMPO_SECS: std::ops::RangeInclusive<f64> = 0.5..=60.0;
/// How long one phase given its own seconds lasts.
pub const PHASE_SECS: std::ops::RangeInclusive<f64> = 0.1..=60.0;
pub(crate) const MAX_PHASES: usize = 4;
/// How often an open step reminds, in minutes.
pub const REMIND_MINS: std::ops::RangeInclusive<u32> = 1..=120;
pub(crate) const MAX_REMINDERS: usize = 8;

/// Two seconds values this close are the same (decimals written in a file are inexact).
const SAME_SECS: f64 = 1e-6;

pub(super) fn check(found: &mut Found, base: &[Seg], work: &Work) {
    match work {
        Work::Open {
            remind_every_mins,
            reminders,
        } => check_open(found, base, *remind_every_mins, reminders),
        Work::Hold { secs, up_to } => {
            if !HOLD_SECS.contains(secs) {
                found.problem(
                    at(base, &["work", "secs"]),
                    format!(
                        "must be {} to {} seconds, got {secs}",
                        HOLD_SECS.start(),
                        HOLD_SECS.end()
                    ),
                );
            }
            check_up_to(found, base, ("secs", *secs), *up_to, HOLD_SECS, " seconds");
        }
        Work::Reps {
            count,
            up_to,
            tempo_secs,
            phases,
        } => {
            if !REP_COUNT.contains(count) {
                found.problem(
                    at(base, &["work", "count"]),
                    format!(
                        "must be {} to {}, got {count}",
                        REP_COUNT.start(),
                        REP_COUNT.end()
                    ),
                );
            }
            check_up_to(found, base, ("count", *count), *up_to, REP_COUNT, "");
            check_tempo(found, base, *tempo_secs, phases);
            let path = at(base, &["work", "phases"]);
            let labels = phases.iter().enumerate().map(|(i, phase)| {
                let mut item = path.clone();
                item.push(Seg::Index(i));
                // A timed phase is `(label, secs)`: its label is the pair's first item.
                if phase.secs.is_some() {
                    item.push(Seg::Index(0));
                }
                (phase.label.as_str(), item)
            });
            let rule = Labels {
                max: MAX_PHASES,
                plural: "phases",
                one: "a phase label",
                unique: false,
            };
            check_labels(found, path.clone(), labels, &rule);
        }
    }
}

/// A range's upper bound: above its lower bound (`from`, named as written) and within the
/// same limits.
fn check_up_to(
    found: &mut Found,
    base: &[Seg],
    (name, from): (&str, u32),
    up_to: Option<u32>,
    limits: std::ops::RangeInclusive<u32>,
    unit: &str,
) {
    let Some(to) = up_to else {
        return;
    };
    if to <= from || to > *limits.end() {
        found.problem(
            at(base, &["work", "up_to"]),
            format!(
                "must be more than `{name}` ({from}) and at most {}{unit}: a range goes from \
                 `{name}` up to `up_to`; got {to}",
                limits.end()
            ),
        );
    }
}

/// Reminders and how often they come: both, or neither.
fn check_open(found: &mut Found, base: &[Seg], every: Option<u32>, reminders: &[String]) {
    let every_path = at(base, &["work", "remind_every_mins"]);
    let path = at(base, &["work", "reminders"]);
    match every {
        Some(m) if !REMIND_MINS.contains(&m) => found.problem(
            every_path,
            format!(
                "must be {} to {} minutes, got {m}",
                REMIND_MINS.start(),
                REMIND_MINS.end()
            ),
        ),
        Some(_) if reminders.is_empty() => found.problem(
            every_path,
            "needs `reminders` to say, e.g. `reminders: [\"Drink some water\"]`",
        ),
        None if !reminders.is_empty() => found.problem(
            path.clone(),
            "need `remind_every_mins`: how many minutes apart they come, e.g. \
             `remind_every_mins: 15`",
        ),
        _ => {}
    }
    let labels = reminders.iter().enumerate().map(|(i, text)| {
        let mut item = path.clone();
        item.push(Seg::Index(i));
        (text.as_str(), item)
    });
    let rule = Labels {
        max: MAX_REMINDERS,
        plural: "reminders",
        one: "a reminder",
        unique: false,
    };
    check_labels(found, path.clone(), labels, &rule);
}

fn tempo_range() -> String {
    format!(
        "a number of seconds from {} to {}",
        TEMPO_SECS.start(),
        TEMPO_SECS.end()
    )
}

/// A number from the file as an error quotes it: as written when short, in exponent form
/// when huge or tiny (`1e308`, not 309 digits).
fn number(x: f64) -> String {
    let plain = x == 0.0 || !x.is_finite() || (1e-4..1e9).contains(&x.abs());
    if plain {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// The rep's length: a tempo, or phases that each give their seconds (all of them or none;
/// with both, they must agree).
fn check_tempo(found: &mut Found, base: &[Seg], tempo: Option<f64>, phases: &[RepPhase]) {
    let phases_path = at(base, &["work", "phases"]);
    let tempo_path = at(base, &["work", "tempo_secs"]);
    let timed: Vec<f64> = phases.iter().filter_map(|p| p.secs).collect();
    if let Some(t) = tempo.filter(|t| !t.is_finite() || !TEMPO_SECS.contains(t)) {
        found.problem(
            tempo_path.clone(),
            format!("must be {}, got {}", tempo_range(), number(t)),
        );
    }
    if timed.is_empty() {
        if tempo.is_none() && !phases.is_empty() {
            found.problem(
                phases_path,
                "need `tempo_secs`, or seconds for each phase (`(\"Hold\", 4)`): phases split \
                 a paced rep; counted reps have none",
            );
        }
        return;
    }
    if let Some(i) = phases.iter().position(|p| p.secs.is_none()) {
        let mut path = phases_path;
        path.push(Seg::Index(i));
        found.problem(
            path,
            "has no seconds while other phases have theirs: give every phase its seconds, \
             e.g. `(\"Inhale\", 2)`, or none",
        );
        return;
    }
    let mut all_good = true;
    for (i, secs) in timed.iter().enumerate() {
        if !secs.is_finite() || !PHASE_SECS.contains(secs) {
            let mut path = phases_path.clone();
            path.extend([Seg::Index(i), Seg::Index(1)]);
            found.problem(
                path,
                format!(
                    "must be a number of seconds from {} to {}, got {}",
                    PHASE_SECS.start(),
                    PHASE_SECS.end(),
                    number(*secs)
                ),
            );
            all_good = false;
        }
    }
    if !all_good {
        return;
    }
    let sum: f64 = timed.iter().sum();
    if !TEMPO_SECS.contains(&sum) {
        found.problem(
            phases_path,
            format!(
                "add up to {sum} s, but a rep must last {} to {} s",
                TEMPO_SECS.start(),
                TEMPO_SECS.end()
            ),
        );
    } else if let Some(t) = tempo.filter(|t| (t - sum).abs() > SAME_SECS) {
        found.problem(
            tempo_path,
            format!(
                "must equal the phases' seconds added up ({sum}), or be left out; got {}",
                number(t)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_quoted_in_errors_stay_short() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-2.5e40), "-2.5e40");
        assert_eq!(number(1e-300), "1e-300");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(61.0), "61");
        assert_eq!(number(f64::INFINITY), "inf");
    }
}
