//! How limberup words what it shows, prints and says, in one place for the TUI, plain mode
//! and speech: durations, the switch between passes, the short form of a breath cue and
//! what a pass asks. (Measuring text on a terminal is `text`'s job.)

use std::time::Duration;

use crate::session::{Enough, Plan, StepPlan, WorkPlan};

/// `4 steps`, `1 step`.
pub(crate) fn steps(n: usize) -> String {
    format!("{n} step{}", if n == 1 { "" } else { "s" })
}

/// "4 steps x 2 rounds": the shape of part `part` of `plan`.
pub(crate) fn shape(plan: &Plan, part: usize) -> String {
    let (n, rounds) = plan.part_shape(part);
    match rounds {
        1 => steps(n),
        r => format!("{} x {r} rounds", steps(n)),
    }
}

/// The open steps of `plan`, which no planned time holds, told apart from the times they
/// are done: `open step`, `open step, 2 times` (one step of two sets), `2 open steps`,
/// `2 open steps, 4 times in all`; `None` without any.
pub(crate) fn open_steps(plan: &Plan) -> Option<String> {
    let steps = plan
        .steps
        .iter()
        .filter(|s| matches!(s.work, WorkPlan::Open { .. }))
        .count();
    Some(match (steps, plan.open_passes()) {
        (0, _) => return None,
        (1, 1) => "open step".to_string(),
        (1, times) => format!("open step, {times} times"),
        (steps, times) if steps == times => format!("{steps} open steps"),
        (steps, times) => format!("{steps} open steps, {times} times in all"),
    })
}

/// Seconds as people say them: `10 s`, or `2.5 s` when a `--scale` made them fractional
/// (to the hundredth, trailing zeros dropped).
pub(crate) fn seconds(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        let text = format!("{:.2}", d.as_secs_f64());
        format!("{} s", text.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A countdown as the big digits show it: plain seconds under a minute, else `m:ss`.
pub(crate) fn countdown(secs: u64) -> String {
    if secs < 60 {
        secs.to_string()
    } else {
        crate::clock::clock(Duration::from_secs(secs))
    }
}

/// Whether a pass label names a side of the body ("Left", "Right arm up"), by whole word so
/// that "Bright" or "Leftover" do not count.
pub(crate) fn names_a_side(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("left") || word.eq_ignore_ascii_case("right"))
}

/// The words for moving on to pass `label`: "Switch sides" between sides of the body, else
/// "Switch" (backward to forward is no change of side).
pub(crate) fn switch(label: &str) -> &'static str {
    if names_a_side(label) {
        "Switch sides"
    } else {
        "Switch"
    }
}

/// The short form of a rep's part, as said and shown large: `Exhale` of "Exhale: round up".
pub(crate) fn short_cue(label: &str) -> &str {
    label.split(':').next().unwrap_or(label).trim()
}

/// What one pass of `step` asks, briefly: `hold 30 s`, `12 reps`, a range as `10-15 reps`
/// or `hold 20-30 s`, an open step `until you are done`.
pub(crate) fn amount(step: &StepPlan) -> String {
    let reps = |count: u32| match (step.enough, count) {
        (Some(Enough::Reps(least)), _) => format!("{least}-{count} reps"),
        (_, 1) => "1 rep".to_string(),
        _ => format!("{count} reps"),
    };
    match (&step.work, step.enough) {
        (WorkPlan::Hold(d), Some(Enough::Time(least))) => {
            format!("hold {}-{}", least.as_secs(), seconds(*d))
        }
        (WorkPlan::Hold(d), _) => format!("hold {}", seconds(*d)),
        (WorkPlan::Paced { count, .. } | WorkPlan::Counted { count }, _) => reps(*count),
        (WorkPlan::Open { .. }, _) => "until you are done".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_steps_are_counted_apart_from_the_times_they_are_done() {
        let plan_of = |steps: &str| {
            let src = format!("Routine(name: \"R\", kind: Other, steps: [{steps}])");
            let routine = crate::routine::parse(&src, "r.ron").unwrap();
            Plan::new("r", &routine, &crate::session::PlanOptions::default())
        };
        let open = |extra: &str| format!("Step(name: \"O\", work: Open(){extra}),");
        let total = |steps: &str| open_steps(&plan_of(steps)).unwrap_or_default();
        assert_eq!(total(&open("")), "open step");
        assert_eq!(total(&open(", sets: 2")), "open step, 2 times");
        assert_eq!(total(&(open("") + &open(""))), "2 open steps");
        assert_eq!(
            total(&(open(", sets: 3") + &open(""))),
            "2 open steps, 4 times in all"
        );
        let none = "Step(name: \"H\", work: Hold(secs: 5))";
        assert_eq!(open_steps(&plan_of(none)), None);
    }

    #[test]
    fn seconds_read_whole_or_to_the_hundredth() {
        let ms = Duration::from_millis;
        assert_eq!(seconds(ms(10_000)), "10 s");
        assert_eq!(seconds(ms(2_500)), "2.5 s");
        assert_eq!(seconds(ms(3_750)), "3.75 s");
        assert_eq!(seconds(ms(90_000)), "90 s");
    }

    #[test]
    fn countdowns_drop_the_minutes_under_one() {
        assert_eq!(countdown(59), "59");
        assert_eq!(countdown(60), "1:00");
        assert_eq!(countdown(3_725), "1:02:05");
    }

    #[test]
    fn only_left_and_right_are_sides() {
        for side in ["Left", "right", "Left arm up", "RIGHT LEG", "Lean (left)"] {
            assert!(names_a_side(side), "{side}");
            assert_eq!(switch(side), "Switch sides");
        }
        for other in ["Backward", "Forward", "Bright", "Leftover", ""] {
            assert!(!names_a_side(other), "{other}");
            assert_eq!(switch(other), "Switch");
        }
    }

    #[test]
    fn a_short_cue_is_what_comes_before_the_colon() {
        assert_eq!(short_cue("Exhale: round up"), "Exhale");
        assert_eq!(short_cue(" Hold the stretch "), "Hold the stretch");
        assert_eq!(short_cue(""), "");
    }

    #[test]
    fn amounts_say_the_work_of_one_pass() {
        let routine = crate::routine::parse(
            r#"Routine(name: "A", kind: Other, steps: [
                Step(name: "H", work: Hold(secs: 25)),
                Step(name: "C", work: Reps(count: 10)),
                Step(name: "P", work: Reps(count: 12, tempo_secs: 5.0)),
                Step(name: "R", work: Reps(count: 10, up_to: 15)),
                Step(name: "T", work: Hold(secs: 20, up_to: 30)),
                Step(name: "O", work: Reps(count: 1)),
            ])"#,
            "a",
        )
        .unwrap();
        let plan = crate::session::Plan::new("a", &routine, &Default::default());
        let amounts: Vec<String> = plan.steps.iter().map(amount).collect();
        assert_eq!(
            amounts,
            [
                "hold 25 s",
                "10 reps",
                "12 reps",
                "10-15 reps",
                "hold 20-30 s",
                "1 rep"
            ]
        );
    }
}
