//! What each field of our files holds and an example of each required one, by name, for
//! error messages in the file's own terms (routine and config fields share names and
//! ranges).

use crate::routine::locate::Seg;
use crate::routine::validate::{
    HOLD_SECS, MAX_TIMING_SECS, PHASE_SECS, REMIND_MINS, REP_COUNT, REPEATS, TEMPO_SECS,
};

/// What a field of our files holds, by its name (routine and config fields share names
/// and ranges).
pub(super) fn holds(path: &[Seg]) -> Option<String> {
    // Inside a timed phase `(label, secs)`.
    if let [.., Seg::Field(list), Seg::Index(_), Seg::Index(item)] = path
        && list == "phases"
    {
        return Some(match item {
            0 => "the phase's label in double quotes".into(),
            _ => format!(
                "the phase's seconds, a number from {} to {}",
                PHASE_SECS.start(),
                PHASE_SECS.end()
            ),
        });
    }
    let (leaf, in_list) = match path {
        [.., Seg::Field(list), Seg::Index(_)] => (list.as_str(), true),
        [.., Seg::Field(field)] => (field.as_str(), false),
        _ => return None,
    };
    Some(match (leaf, in_list) {
        ("steps", true) => "a step, e.g. `Step(name: \"Plank\", work: Hold(secs: 30))`".into(),
        ("cues" | "passes" | "reminders" | "speech", true) | ("name" | "description", false) => {
            "text in double quotes".into()
        }
        ("phases", true) => "a phase: a label in double quotes, or a label and its seconds, \
                             e.g. `(\"Hold the stretch\", 4)`"
            .into(),
        ("cues" | "passes" | "reminders", false) => {
            "a list of texts, e.g. `[\"Left\", \"Right\"]`".into()
        }
        ("remind_every_mins", false) => format!(
            "a whole number of minutes from {} to {}",
            REMIND_MINS.start(),
            REMIND_MINS.end()
        ),
        ("phases", false) => "a list of phases, e.g. `[\"Inhale\", \"Exhale\"]` or \
                              `[(\"Inhale\", 2), (\"Hold\", 4)]`"
            .into(),
        // The config's speech command: a command line split into words.
        ("speech", false) => "a command and its arguments, each in double quotes, e.g. \
                              `[\"espeak-ng\", \"-s\", \"150\"]` (`[]` for no speech)"
            .into(),
        ("steps", false) => "a list of steps: `[Step(...), Step(...)]`".into(),
        ("parts", true) => "a routine id in double quotes, e.g. `\"warm-up\"`".into(),
        ("parts", false) => "a list of routine ids, e.g. `[\"warm-up\", \"cool-down\"]`".into(),
        ("kind", false) => "`WarmUp`, `CoolDown` or `Other` (no quotes)".into(),
        ("work", false) => "`Hold(secs: N)`, `Reps(count: N)` or `Open()`".into(),
        ("secs", false) => format!(
            "a whole number of seconds from {} to {}",
            HOLD_SECS.start(),
            HOLD_SECS.end()
        ),
        ("count", false) => format!(
            "a whole number from {} to {}",
            REP_COUNT.start(),
            REP_COUNT.end()
        ),
        ("up_to", false) => "a whole number above `count` (reps) or `secs` (a hold): the \
                             top of the range"
            .into(),
        ("tempo_secs", false) => format!(
            "a number of seconds from {} to {}, e.g. `4.0`",
            TEMPO_SECS.start(),
            TEMPO_SECS.end()
        ),
        (
            "prepare_secs" | "rest_secs" | "switch_secs" | "set_rest_secs" | "round_rest_secs",
            false,
        ) => format!("a whole number of seconds from 0 to {MAX_TIMING_SECS}"),
        ("sets" | "rounds", false) => format!(
            "a whole number from {} to {}",
            REPEATS.start(),
            REPEATS.end()
        ),
        ("bell" | "check_in" | "confirm_quit", false) => "`true` or `false`".into(),
        _ => return None,
    })
}

/// An example of a required field, for "missing field" errors.
pub(super) fn example(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "`name: \"Morning stretch\"`",
        "kind" => "`kind: WarmUp` (or `CoolDown`, `Other`)",
        "steps" => "`steps: [Step(name: \"Plank\", work: Hold(secs: 30))]`",
        "work" => "`work: Hold(secs: 30)` or `work: Reps(count: 10)`",
        "secs" => "`Hold(secs: 30)`",
        "count" => "`Reps(count: 10)`",
        _ => return None,
    })
}
