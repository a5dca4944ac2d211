//! The session screen's words, all from the `View`: the phase, the band, the side, the count
//! as text, the caption, what comes next and the paused box's line. Nothing here counts time.

use std::time::Duration;

use super::layout::Caption;
use crate::clock::clock;
use crate::session::{Phase, StepPlan, View, WorkPlan, ceil_secs};
use crate::text::{ellipsize, width};
use crate::wording::{self, countdown, short_cue};

fn holds(step: &StepPlan) -> bool {
    matches!(step.work, WorkPlan::Hold(_))
}

/// The phase in words, so colour is never the only sign of it: `HOLD`, `SWITCH SIDES`,
/// `PAUSED · REST`.
pub fn phase(view: &View) -> String {
    let word = match view.phase {
        None => "DONE".to_string(),
        Some(Phase::Prepare) => "GET READY".to_string(),
        Some(Phase::Work) if holds(view.step) => "HOLD".to_string(),
        Some(Phase::Work) => "REPS".to_string(),
        Some(Phase::Switch) => wording::switch(side(view).unwrap_or_default()).to_uppercase(),
        Some(Phase::Rest) => "REST".to_string(),
    };
    if view.paused {
        format!("PAUSED · {word}")
    } else {
        word
    }
}

/// The pass label while a pass is coming or under way (get-ready, switch, work).
pub fn side<'a>(view: &View<'a>) -> Option<&'a str> {
    match view.phase {
        Some(Phase::Prepare | Phase::Work | Phase::Switch) => view.pass.map(|(_, _, label)| label),
        _ => None,
    }
}

/// `parts` joined by ` · ` in `columns`: the part at `cut` (a step name) is shortened (to no
/// less than four letters and `…`), then left out, before anything else; then parts go from the end, and the first is cut last.
pub fn join_cutting(parts: &[&str], cut: usize, columns: usize) -> String {
    let full = parts.join(" · ");
    if width(&full) <= columns {
        return full;
    }
    let mut others: Vec<&str> = (0..parts.len())
        .filter(|&i| i != cut)
        .map(|i| parts[i])
        .collect();
    let fixed = width(&others.join(" · ")) + 3 * others.len().min(1);
    if let (Some(name), Some(room)) = (parts.get(cut), columns.checked_sub(fixed))
        && room >= 5
    {
        let short = ellipsize(name, room);
        let mut kept: Vec<&str> = parts.to_vec();
        kept[cut] = &short;
        return kept.join(" · ");
    }
    while others.len() > 1 && width(&others.join(" · ")) > columns {
        others.pop();
    }
    ellipsize(&others.join(" · "), columns)
}

/// The band's text: phase, step (or during rest what follows), the pass number; the pass
/// number goes first when space is short, then the step name is cut.
pub fn band(view: &View, columns: usize) -> String {
    let phase = phase(view);
    let text = match (view.phase, view.pass, view.next) {
        (Some(Phase::Rest), _, Some(next)) => {
            let next = format!("next: {}", next.name);
            join_cutting(&[&phase, &next], 1, columns.saturating_sub(1))
        }
        (Some(Phase::Rest), _, None) => join_cutting(&[&phase, "last step done"], 1, columns),
        (_, Some((i, n, _)), _) => {
            // The pass number goes first, then the name is cut.
            let of = format!("{} of {n}", i + 1);
            let full = [phase.as_str(), &view.step.name, &of].join(" · ");
            if width(&full) < columns {
                full
            } else {
                join_cutting(&[&phase, &view.step.name], 1, columns.saturating_sub(1))
            }
        }
        _ => join_cutting(&[&phase, &view.step.name], 1, columns.saturating_sub(1)),
    };
    format!(" {text}")
}

/// The count drawn large: reps as `3/12` during rep work, otherwise the seconds left.
pub fn count(view: &View) -> String {
    match (&view.reps, view.remaining_secs) {
        (Some(r), _) => format!("{}/{}", r.current, r.count),
        (None, Some(secs)) => countdown(secs),
        (None, None) => String::new(),
    }
}

/// The widest the count gets in this phase, in digits' columns (every digit draws as wide):
/// what the count's room is measured with, so it stays put while the count goes down.
pub fn count_template(view: &View) -> String {
    let eights = |text: String| -> String {
        text.chars()
            .map(|c| if c.is_ascii_digit() { '8' } else { c })
            .collect()
    };
    match (&view.reps, view.remaining_secs) {
        (Some(r), _) => eights(format!("{}/{}", r.count, r.count)),
        (None, Some(secs)) if secs < 60 => "88".to_string(),
        (None, Some(secs)) => eights(countdown(secs)),
        (None, None) => String::new(),
    }
}

/// The count as a line of text, when there is no room for digits.
pub fn count_line(view: &View) -> String {
    match &view.reps {
        Some(r) if r.paced => format!("rep {} of {}", r.current, r.count),
        Some(r) => format!("{} of {} reps", r.current, r.count),
        None => left(view),
    }
}

/// Time left as words (`0:18 left`), or the reps counted; for the gauge and the paused box.
pub fn left(view: &View) -> String {
    match (&view.reps, view.remaining) {
        (Some(r), None) => format!("{} of {} reps", r.current, r.count),
        (_, Some(left)) => format!("{} left", clock(Duration::from_secs(ceil_secs(left)))),
        (None, None) => String::new(),
    }
}

/// The breath cue's short form in capitals, with the widest of the step's, so the letters
/// keep their size from inhale to exhale.
pub fn breath(view: &View) -> Option<(String, usize)> {
    let word = short_cue(view.reps.as_ref()?.label?).to_uppercase();
    let WorkPlan::Paced { phases, .. } = &view.step.work else {
        return None;
    };
    let widest = phases.iter().map(|p| short_cue(p).chars().count()).max()?;
    (!word.is_empty()).then_some((word, widest))
}

/// The line under the count and its rank.
pub fn caption(view: &View) -> Option<(String, Caption)> {
    let guide = |text: String| Some((text, Caption::Guide));
    let filler = |text: &str| Some((text.to_string(), Caption::Filler));
    match (view.phase, &view.reps, &view.step.work) {
        (Some(Phase::Work), Some(r), _) if r.paced => match (r.label, &view.step.work) {
            (Some(label), _) => guide(label.to_string()),
            (None, WorkPlan::Paced { tempo, .. }) => Some((
                format!("one rep every {}", wording::seconds(*tempo)),
                Caption::Filler,
            )),
            (None, _) => None,
        },
        (Some(Phase::Work), Some(_), _) => guide("Enter after each rep".to_string()),
        (Some(Phase::Work), None, _) => match view.remaining_secs {
            Some(secs) if secs < 60 => filler("seconds left"),
            _ => filler("left"),
        },
        (Some(Phase::Prepare), ..) => filler("get ready · Enter starts now"),
        (Some(Phase::Switch), ..) => filler("Enter starts now"),
        (Some(Phase::Rest), ..) => filler("rest · Enter starts now"),
        (None, ..) => None,
    }
}

/// What the user does after the current pass or rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpNext<'a> {
    /// The step's next pass (the other side).
    Pass(&'a str, String),
    Step(&'a str, String),
    /// Nothing: this is the last of it.
    End,
}

pub fn up_next<'a>(view: &View<'a>) -> UpNext<'a> {
    let following = match (view.phase, view.pass) {
        (Some(Phase::Rest) | None, _) => None,
        (_, Some((i, n, _))) if i + 1 < n => view.step.passes.get(i + 1),
        _ => None,
    };
    match (following, view.next) {
        (Some(label), _) => UpNext::Pass(label, wording::amount(&view.step.work)),
        (None, Some(next)) => UpNext::Step(&next.name, wording::amount(&next.work)),
        (None, None) => UpNext::End,
    }
}

/// The paused box's line: the step, the side and the time left, the step cut first.
pub fn paused(view: &View, columns: usize) -> String {
    let left = left(view);
    let mut parts = vec![view.step.name.as_str()];
    parts.extend(side(view));
    parts.push(&left);
    join_cutting(&parts, 0, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_cut_before_anything_else() {
        let parts = ["HOLD", "Thread the needle", "1 of 2"];
        assert_eq!(
            join_cutting(&parts, 1, 40),
            "HOLD · Thread the needle · 1 of 2"
        );
        assert_eq!(join_cutting(&parts, 1, 25), "HOLD · Thread t… · 1 of 2");
        assert_eq!(join_cutting(&parts, 1, 21), "HOLD · Thre… · 1 of 2");
        assert_eq!(join_cutting(&parts, 1, 20), "HOLD · 1 of 2");
        assert_eq!(join_cutting(&parts, 1, 8), "HOLD");
        assert_eq!(join_cutting(&parts, 1, 3), "HO…");
        let paused = ["Side plank", "Left", "0:18 left"];
        assert_eq!(join_cutting(&paused, 0, 20), "Left · 0:18 left");
        assert_eq!(join_cutting(&paused, 0, 24), "Side… · Left · 0:18 left");
    }
}
