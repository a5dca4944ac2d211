//! Doses against their evidence: whether a dose lies inside the ranges a source gives (a
//! move's default must), and the notes `validate` adds where a routine doses a move past
//! its evidence. Notes, never errors: the person may know better (their therapist's plan).

use super::model::{Evidence, MoveKind, Region};
use crate::routine::Work;

/// The longest hold of one pass of `work`: `up_to` when it is a range.
fn longest_hold(work: &Work) -> Option<u32> {
    match work {
        Work::Hold { secs, up_to } => Some(up_to.unwrap_or(*secs).max(*secs)),
        _ => None,
    }
}

/// Why `work` done `sets` times (one when `None`) is outside what `source` supports, if it
/// is: each of its ranges that applies to the work is checked at both ends.
pub fn outside(work: &Work, sets: Option<u32>, source: &Evidence) -> Option<String> {
    let sets = sets.unwrap_or(1);
    let past = |what: String, (low, high): (u32, u32), unit: &str| {
        Some(format!(
            "{what} is outside the {low}-{high}{unit} its source gives"
        ))
    };
    if let (Work::Hold { secs, .. }, Some(top)) = (work, longest_hold(work)) {
        if let Some(range) = source
            .hold_secs
            .filter(|(low, high)| *secs < *low || top > *high)
        {
            let hold = if top > *secs {
                format!("{secs}-{top}")
            } else {
                secs.to_string()
            };
            return past(format!("hold of {hold} s"), range, " s");
        }
        if let Some(range) = source
            .per_muscle_secs
            .filter(|(low, high)| secs * sets < *low || top * sets > *high)
        {
            return past(format!("{} s per muscle", top * sets), range, " s");
        }
    }
    if let Work::Reps { count, up_to, .. } = work {
        let top = up_to.unwrap_or(*count).max(*count);
        if let Some(range) = source
            .reps
            .filter(|(low, high)| *count < *low || top > *high)
        {
            let reps = if top > *count {
                format!("{count}-{top}")
            } else {
                count.to_string()
            };
            return past(format!("{reps} reps"), range, " reps");
        }
    }
    if let Some(range) = source
        .sets
        .filter(|(low, high)| sets < *low || sets > *high)
    {
        return past(format!("{sets} sets"), range, " sets");
    }
    None
}

/// A hold past the top of the hold range a source gives: the source and its range.
pub fn hold_past<'a>(work: &Work, sources: &'a [Evidence]) -> Option<(&'a Evidence, u32, u32)> {
    let top = longest_hold(work)?;
    sources.iter().find_map(|source| {
        let (low, high) = source.hold_secs?;
        (top > high).then_some((source, low, high))
    })
}

/// Before exercise, 60 s or more of static stretch for one muscle costs about 4.6% of
/// performance, under 60 s about 1.1% (Behm et al. 2016).
pub const WARM_UP_STRETCH_SECS: u32 = 60;
pub const BEHM: &str = "Behm et al. 2016, Appl Physiol Nutr Metab 41(1)";

/// Seconds of static stretch `work` gives each pass, `sets` times over, `rounds` times:
/// what a warm-up adds up per region.
pub fn stretch_secs(kind: MoveKind, work: &Work, sets: Option<u32>, rounds: u32) -> u32 {
    match (kind, longest_hold(work)) {
        (MoveKind::StaticStretch, Some(top)) => {
            top.saturating_mul(sets.unwrap_or(1)).saturating_mul(rounds)
        }
        _ => 0,
    }
}

/// The regions of a warm-up given `WARM_UP_STRETCH_SECS` or more of static stretch, with
/// their seconds, from `(regions, seconds)` of each step.
pub fn overstretched(steps: &[(&[Region], u32)]) -> Vec<(Region, u32)> {
    let mut totals: Vec<(Region, u32)> = Vec::new();
    for (regions, secs) in steps.iter().filter(|(_, secs)| *secs > 0) {
        for region in regions.iter() {
            match totals.iter_mut().find(|(r, _)| r == region) {
                Some((_, total)) => *total = total.saturating_add(*secs),
                None => totals.push((*region, *secs)),
            }
        }
    }
    totals.retain(|(_, total)| *total >= WARM_UP_STRETCH_SECS);
    totals
}

/// A dose in words: `hold 8 s, 6 sets, per side`, `6-8 reps at 7 s`.
pub fn dose_words(work: &Work, sets: Option<u32>, passes: &[String]) -> String {
    let range = |low: u32, high: Option<u32>| match high.filter(|h| *h > low) {
        Some(high) => format!("{low}-{high}"),
        None => low.to_string(),
    };
    let mut words = match work {
        Work::Hold { secs, up_to } => format!("hold {} s", range(*secs, *up_to)),
        Work::Reps {
            count,
            up_to,
            tempo_secs: Some(tempo),
            ..
        } => format!("{} reps at {tempo} s", range(*count, *up_to)),
        Work::Reps {
            count,
            up_to,
            phases,
            ..
        } => {
            let secs: Option<f64> = phases.iter().map(|p| p.secs).sum();
            match secs {
                Some(secs) if !phases.is_empty() => {
                    format!("{} reps of {secs} s", range(*count, *up_to))
                }
                _ => format!("{} reps", range(*count, *up_to)),
            }
        }
        Work::Open { .. } => "open: until you are done".to_string(),
    };
    if let Some(sets) = sets.filter(|s| *s > 1) {
        words.push_str(&format!(", {sets} sets"));
    }
    match passes.len() {
        0 | 1 => {}
        2 => words.push_str(&format!(", twice ({})", passes.join(" / "))),
        n => words.push_str(&format!(", {n} passes")),
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(hold: Option<(u32, u32)>, per_muscle: Option<(u32, u32)>) -> Evidence {
        Evidence {
            cite: "A".into(),
            says: "B".into(),
            hold_secs: hold,
            reps: Some((5, 8)),
            sets: None,
            per_muscle_secs: per_muscle,
        }
    }

    fn hold(secs: u32, up_to: Option<u32>) -> Work {
        Work::Hold { secs, up_to }
    }

    #[test]
    fn a_dose_is_outside_at_either_end_of_any_range_that_applies() {
        let big_three = source(Some((7, 10)), None);
        assert_eq!(outside(&hold(8, None), Some(6), &big_three), None);
        assert!(outside(&hold(11, None), None, &big_three).is_some());
        assert!(outside(&hold(6, None), None, &big_three).is_some());
        assert!(outside(&hold(8, Some(12)), None, &big_three).is_some());
        let acsm = source(Some((10, 30)), Some((60, 60)));
        assert_eq!(outside(&hold(30, None), Some(2), &acsm), None);
        assert!(outside(&hold(30, None), Some(3), &acsm).is_some());
        let reps = |count, up_to| Work::Reps {
            count,
            up_to,
            tempo_secs: None,
            phases: Vec::new(),
        };
        assert_eq!(outside(&reps(6, Some(8)), None, &big_three), None);
        assert!(outside(&reps(6, Some(9)), None, &big_three).is_some());
    }

    #[test]
    fn a_hold_past_the_top_is_found_and_one_inside_is_not() {
        let sources = [source(None, None), source(Some((7, 10)), None)];
        assert_eq!(hold_past(&hold(10, None), &sources), None);
        assert_eq!(
            hold_past(&hold(10, Some(11)), &sources).map(|(_, l, h)| (l, h)),
            Some((7, 10))
        );
    }

    #[test]
    fn a_warm_up_region_over_sixty_seconds_of_static_stretch_is_found() {
        let hams = [Region::Hamstrings];
        let both = [Region::Hamstrings, Region::LowerBack];
        let stretch = stretch_secs(MoveKind::StaticStretch, &hold(30, None), None, 1);
        let moving = stretch_secs(MoveKind::Mobility, &hold(30, None), None, 1);
        assert_eq!((stretch, moving), (30, 0));
        assert_eq!(overstretched(&[(&hams, 30), (&both, 20)]), vec![]);
        assert_eq!(
            overstretched(&[(&hams, 30), (&both, 30)]),
            vec![(Region::Hamstrings, 60)]
        );
    }
}
