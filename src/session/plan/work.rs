//! The work of one pass with its durations resolved (`--scale` applied): a hold, paced reps
//! with where each phase starts within a rep, counted reps, or open work with its
//! reminders; and a range's lower bound.

use std::time::Duration;

use super::super::tempo::Rep;
use crate::routine::{RepPhase, Work};

/// The work of one pass, with durations resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkPlan {
    Hold(Duration),
    Paced {
        count: u32,
        /// How long one rep lasts.
        tempo: Duration,
        /// The cue of each phase of a rep.
        phases: Vec<String>,
        /// Where each phase begins within a rep (the first at zero); one entry for a rep
        /// without phases. Phases with their own seconds make them uneven.
        starts: Vec<Duration>,
    },
    Counted {
        count: u32,
    },
    /// A stopwatch until the user is done, saying `reminders` in turn every `remind_every`.
    Open {
        remind_every: Option<Duration>,
        reminders: Vec<String>,
    },
}

/// A range's lower bound ("10-15 reps": 10 reps; "20-30 s": 20 s), in the work's terms:
/// once it is reached the pass may end as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enough {
    Reps(u32),
    Time(Duration),
}

impl Enough {
    /// The lower bound of `work`'s range at `scale`; `None` without a range.
    pub(super) fn of(work: &Work, scale: f64) -> Option<Enough> {
        match *work {
            Work::Hold {
                secs,
                up_to: Some(_),
            } => Some(Enough::Time(scaled(f64::from(secs), scale))),
            Work::Reps {
                count,
                up_to: Some(_),
                ..
            } => Some(Enough::Reps(count)),
            _ => None,
        }
    }
}

/// `secs * scale`, rounded to the millisecond so plans stay exact and readable. Capped
/// (at ~49 days) so that no value, even from an unvalidated routine, overflows the clock.
pub(super) fn scaled(secs: f64, scale: f64) -> Duration {
    let millis = (secs * scale * 1000.0).round() as u64;
    Duration::from_millis(millis.min(u64::from(u32::MAX)))
}

impl WorkPlan {
    /// The work of `work` at `scale`; a range plans its upper bound.
    pub(super) fn of(work: &Work, scale: f64) -> WorkPlan {
        match work {
            Work::Hold { secs, up_to } => {
                WorkPlan::Hold(scaled(f64::from(up_to.unwrap_or(*secs)), scale))
            }
            // Reminders keep to the clock: `--scale` is for exercise, not for drinking.
            Work::Open {
                remind_every_mins,
                reminders,
            } => WorkPlan::Open {
                remind_every: remind_every_mins
                    .filter(|m| *m > 0)
                    .map(|m| Duration::from_secs(u64::from(m) * 60)),
                reminders: reminders.clone(),
            },
            Work::Reps { count, up_to, .. } if work.is_counted() => WorkPlan::Counted {
                count: up_to.unwrap_or(*count),
            },
            Work::Reps {
                count,
                up_to,
                tempo_secs,
                phases,
            } => {
                let (tempo, starts) = rep_timing(*tempo_secs, phases, scale);
                WorkPlan::Paced {
                    count: up_to.unwrap_or(*count),
                    tempo,
                    phases: phases.iter().map(|p| p.label.clone()).collect(),
                    starts,
                }
            }
        }
    }

    /// Planned time of one pass; `None` for counted reps and open work, which end when the
    /// user says so.
    pub(crate) fn duration(&self) -> Option<Duration> {
        match self {
            WorkPlan::Hold(d) => Some(*d),
            WorkPlan::Paced { count, tempo, .. } => Some(tempo.saturating_mul(*count)),
            WorkPlan::Counted { .. } | WorkPlan::Open { .. } => None,
        }
    }

    /// The reminder said the `n`-th time (1-based): the texts in turn.
    pub fn reminder(&self, n: u32) -> Option<&str> {
        match self {
            WorkPlan::Open { reminders, .. } if !reminders.is_empty() => {
                let i = (n.max(1) - 1) as usize % reminders.len();
                Some(reminders[i].as_str())
            }
            _ => None,
        }
    }

    /// The rep of paced work, for the tempo's arithmetic.
    pub(crate) fn rep(&self) -> Option<Rep<'_>> {
        match self {
            WorkPlan::Paced { tempo, starts, .. } => Some(Rep::new(*tempo, starts)),
            _ => None,
        }
    }

    /// How long each phase of a paced rep lasts (one entry for a rep without phases).
    pub fn phase_lengths(&self) -> Vec<Duration> {
        match self {
            WorkPlan::Paced { tempo, starts, .. } => starts
                .iter()
                .enumerate()
                .map(|(i, start)| {
                    let end = starts.get(i + 1).copied().unwrap_or(*tempo);
                    end.saturating_sub(*start)
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A paced rep's length and where each phase starts. Phases with their own seconds are
/// scaled one by one and the rep is their sum, so the parts always add up exactly; labels
/// alone split the tempo evenly, rounded down to the nanosecond.
fn rep_timing(tempo: Option<f64>, phases: &[RepPhase], scale: f64) -> (Duration, Vec<Duration>) {
    if !phases.is_empty() && phases.iter().all(|p| p.secs.is_some()) {
        let mut starts = Vec::with_capacity(phases.len());
        let mut at = Duration::ZERO;
        for phase in phases {
            starts.push(at);
            at = at.saturating_add(scaled(phase.secs.unwrap_or_default(), scale));
        }
        return (at, starts);
    }
    let tempo = scaled(tempo.unwrap_or_default(), scale);
    let parts = phases.len().max(1) as u128;
    let starts = (0..parts)
        .map(|k| Duration::from_nanos((k * tempo.as_nanos() / parts) as u64))
        .collect();
    (tempo, starts)
}
