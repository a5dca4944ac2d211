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
pub(crate) fn phase(view: &View) -> String {
    let word = match view.phase {
        _ if view.stopwatch.is_some() => "STOPWATCH".to_string(),
        None => "DONE".to_string(),
        Some(Phase::Prepare) => "GET READY".to_string(),
        Some(Phase::Work) if holds(view.step) => "HOLD".to_string(),
        Some(Phase::Work) => "REPS".to_string(),
        // The pause before a pass asked for again: the same side, no switching.
        Some(Phase::Switch) if view.again => "AGAIN".to_string(),
        Some(Phase::Switch) => wording::switch(side(view).unwrap_or_default()).to_uppercase(),
        Some(Phase::Rest) => "REST".to_string(),
    };
    if view.paused {
        format!("PAUSED · {word}")
    } else {
        word
    }
}

/// The pass label, from the countdown that leads into the pass (a transition, a switch, a
/// rest between sets) to its end.
pub(crate) fn side<'a>(view: &View<'a>) -> Option<&'a str> {
    view.phase.and(view.pass).map(|(_, _, label)| label)
}

/// `parts` joined by ` · ` in `columns`: the part at `cut` (a step name) is shortened (to no
/// less than four letters and `…`), then left out, before anything else; then parts go from
/// the end, and the first is cut last.
pub(crate) fn join_cutting(parts: &[&str], cut: usize, columns: usize) -> String {
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

/// The band's text: the phase, the step (during a rest, the step it leads into: `next:`),
/// the pass number and the set. When space is short the pass number goes first, then the
/// set, then the step name is cut.
pub(crate) fn band(view: &View, columns: usize) -> String {
    let columns = columns.saturating_sub(1);
    let phase = phase(view);
    let name = match view.phase {
        Some(Phase::Rest) => format!("next: {}", view.step.name),
        _ => view.step.name.clone(),
    };
    let of = view.pass.map(|(i, n, _)| format!("{} of {n}", i + 1));
    let set = view.set.map(|(k, n)| format!("set {} of {n}", k + 1));
    let mut parts = vec![phase.as_str(), name.as_str()];
    if view.again && view.phase == Some(Phase::Work) {
        parts.push("again");
    }
    parts.extend(set.as_deref());
    let mut full = parts.clone();
    full.extend(of.as_deref());
    let text = [full, parts.clone(), parts[..2].to_vec()]
        .into_iter()
        .map(|p| p.join(" · "))
        .find(|t| width(t) <= columns)
        .unwrap_or_else(|| join_cutting(&parts[..2], 1, columns));
    format!(" {text}")
}

/// The count drawn large: reps as `3/12` during rep work, the seconds left, or an open
/// step's stopwatch counting up.
pub(crate) fn count(view: &View) -> String {
    match (&view.reps, view.remaining_secs, view.stopwatch) {
        (Some(r), _, _) => format!("{}/{}", r.current, r.count),
        (None, Some(secs), _) => countdown(secs),
        (None, None, Some(watch)) => clock(Duration::from_secs(watch.elapsed.as_secs())),
        (None, None, None) => String::new(),
    }
}

/// The widest the count gets in this phase, in digits' columns (every digit draws as wide):
/// what the count's room is measured with, so it stays put while the count goes down.
pub(crate) fn count_template(view: &View) -> String {
    let eights = |text: String| -> String {
        text.chars()
            .map(|c| if c.is_ascii_digit() { '8' } else { c })
            .collect()
    };
    match (&view.reps, view.remaining_secs) {
        (Some(r), _) => eights(format!("{}/{}", r.count, r.count)),
        (None, Some(secs)) if secs < 60 => "88".to_string(),
        (None, Some(secs)) => eights(countdown(secs)),
        (None, None) => eights(count(view)),
    }
}

/// The count as a line of text, when there is no room for digits.
pub(crate) fn count_line(view: &View) -> String {
    match &view.reps {
        Some(r) if r.paced => format!("rep {} of {}", r.current, r.count),
        Some(r) => format!("{} of {} reps", r.current, r.count),
        None => left(view),
    }
}

/// Time left as words (`0:18 left`), the reps counted, or an open step's time so far; for
/// the gauge and the paused box.
pub(crate) fn left(view: &View) -> String {
    match (&view.reps, view.remaining, view.stopwatch) {
        (Some(r), None, _) => format!("{} of {} reps", r.current, r.count),
        (_, Some(left), _) => format!("{} left", clock(Duration::from_secs(ceil_secs(left)))),
        (None, None, Some(watch)) => {
            format!(
                "{} so far",
                clock(Duration::from_secs(watch.elapsed.as_secs()))
            )
        }
        (None, None, None) => String::new(),
    }
}

/// The breath cue's short form in capitals, with the widest of the step's, so the letters
/// keep their size from inhale to exhale.
pub(crate) fn breath(view: &View) -> Option<(String, usize)> {
    let word = short_cue(view.reps.as_ref()?.label?).to_uppercase();
    let WorkPlan::Paced { phases, .. } = &view.step.work else {
        return None;
    };
    let widest = phases.iter().map(|p| short_cue(p).chars().count()).max()?;
    (!word.is_empty()).then_some((word, widest))
}

/// An open step's latest reminder in capitals, shown large until the next one.
pub(crate) fn reminder(view: &View) -> Option<String> {
    view.reminder
        .map(str::to_uppercase)
        .filter(|text| !text.trim().is_empty())
}

/// The line under the count and its rank: what to follow (the breath, when a range may
/// end, how an open step ends) or words the screen says elsewhere.
pub(crate) fn caption(view: &View) -> Option<(String, Caption)> {
    let guide = |text: String| Some((text, Caption::Guide));
    let filler = |text: &str| Some((text.to_string(), Caption::Filler));
    if let Some(r) = view.range.filter(|r| r.reached) {
        let unit = if r.secs { " s" } else { "" };
        let how = if view.reps.as_ref().is_some_and(|reps| !reps.paced) {
            "d when done"
        } else {
            "Enter to move on"
        };
        return guide(format!(
            "{}{unit} done: keep going to {}{unit}, {how}",
            r.least, r.most
        ));
    }
    if let Some(watch) = view.stopwatch {
        return guide(match watch.next_reminder {
            Some(next) => format!(
                "Enter when done · next reminder in {}",
                clock(Duration::from_secs(ceil_secs(next)))
            ),
            None => "Enter when done".to_string(),
        });
    }
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

/// What the user does after the pass under way or coming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UpNext<'a> {
    /// The pass at work once more (`r`): its label, else the step's name.
    Again(&'a str, String),
    /// The step's next pass (the other side).
    Pass(&'a str, String),
    /// The step's next set: its number and how many.
    Set(usize, usize, String),
    Step(&'a str, String),
    /// The first step of the next part of a session: the part's name, the step's.
    Part(&'a str, &'a str, String),
    /// Nothing: this is the last of it.
    End,
}

/// The pass at work again when asked for, else the other side while a pass remains after
/// this one, then the next set, then the next step.
pub(crate) fn up_next<'a>(view: &View<'a>) -> UpNext<'a> {
    let amount = || wording::amount(view.step);
    match (view.phase, view.pass, view.set) {
        (None, ..) => UpNext::End,
        (_, pass, _) if view.once_more => UpNext::Again(
            pass.map_or(view.step.name.as_str(), |(_, _, label)| label),
            amount(),
        ),
        (_, Some((i, n, _)), _) if i + 1 < n => match view.step.passes.get(i + 1) {
            Some(label) => UpNext::Pass(label, amount()),
            None => UpNext::End,
        },
        (_, _, Some((k, n))) if k + 1 < n => UpNext::Set(k + 2, n, amount()),
        _ => match (view.next, view.next_part) {
            (Some(next), Some(part)) => UpNext::Part(part, &next.name, wording::amount(next)),
            (Some(next), None) => UpNext::Step(&next.name, wording::amount(next)),
            (None, _) => UpNext::End,
        },
    }
}

/// The paused box's line: the step, the side and the time left, the step cut first.
pub(crate) fn paused(view: &View, columns: usize) -> String {
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
