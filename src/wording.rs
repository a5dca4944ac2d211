//! How limberup words what it shows, prints and says, in one place for the TUI, plain mode
//! and speech: durations, the switch between passes, the short form of a breath cue and
//! what a pass asks. (Measuring text on a terminal is `text`'s job.)

use std::time::Duration;

use crate::session::WorkPlan;

/// Seconds as people say them: `10 s`, or `2.5 s` when a `--scale` made them fractional
/// (to the hundredth, trailing zeros dropped).
pub fn seconds(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        let text = format!("{:.2}", d.as_secs_f64());
        format!("{} s", text.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A countdown as the big digits show it: plain seconds under a minute, else `m:ss`.
pub fn countdown(secs: u64) -> String {
    if secs < 60 {
        secs.to_string()
    } else {
        crate::clock::clock(Duration::from_secs(secs))
    }
}

/// Whether a pass label names a side of the body ("Left", "Right arm up"), by whole word so
/// that "Bright" or "Leftover" do not count.
pub fn names_a_side(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("left") || word.eq_ignore_ascii_case("right"))
}

/// The words for moving on to pass `label`: "Switch sides" between sides of the body, else
/// "Switch" (backward to forward is no change of side).
pub fn switch(label: &str) -> &'static str {
    if names_a_side(label) {
        "Switch sides"
    } else {
        "Switch"
    }
}

/// The short form of a rep's part, as said and shown large: `Exhale` of "Exhale: round up".
pub fn short_cue(label: &str) -> &str {
    label.split(':').next().unwrap_or(label).trim()
}

/// What one pass asks, briefly: `hold 30 s`, `12 reps`.
pub fn amount(work: &WorkPlan) -> String {
    match work {
        WorkPlan::Hold(d) => format!("hold {}", seconds(*d)),
        WorkPlan::Paced { count, .. } | WorkPlan::Counted { count } => match count {
            1 => "1 rep".to_string(),
            n => format!("{n} reps"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            amount(&WorkPlan::Hold(Duration::from_secs(25))),
            "hold 25 s"
        );
        assert_eq!(amount(&WorkPlan::Counted { count: 10 }), "10 reps");
        assert_eq!(amount(&WorkPlan::Counted { count: 1 }), "1 rep");
        let paced = WorkPlan::Paced {
            count: 12,
            tempo: Duration::from_secs(5),
            phases: Vec::new(),
        };
        assert_eq!(amount(&paced), "12 reps");
    }
}
