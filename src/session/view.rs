//! What is on screen at a moment, as plain data: the TUI and the plain-text coach both
//! draw from this and never do time arithmetic of their own.

use std::time::{Duration, Instant};

use super::allowed::Allowed;
use super::machine::Session;
use super::plan::{Enough, Phase, StepPlan, WorkPlan};
use super::record::Outcome;

/// The repetitions part of the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct RepsView<'a> {
    /// The rep in progress (paced, 1-based) or the reps counted so far.
    pub current: u32,
    pub count: u32,
    pub paced: bool,
    /// The breath cue of the current part of a paced rep.
    pub label: Option<&'a str>,
}

/// A range during its work ("10-15 reps", "20-30 s"): its bounds in the work's unit (reps,
/// or whole seconds for holds) and whether the lower one is reached, when the screen says
/// "10 done: keep going to 15" and Enter moves on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangeView {
    pub least: u32,
    pub most: u32,
    /// The bounds are seconds (a hold), not reps.
    pub secs: bool,
    pub reached: bool,
}

/// An open step's stopwatch: how long it has run, and how long until its next reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StopwatchView {
    pub elapsed: Duration,
    pub next_reminder: Option<Duration>,
}

/// Everything a frame shows.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'a> {
    /// The routine the step comes from: in a session of several, the current part's name
    /// ("Warm-up · step 2 of 4").
    pub routine: &'a str,
    /// The whole session's name (the routine's, or a combination's).
    pub session: &'a str,
    /// (index, count) of the part in a session of several routines.
    pub part: Option<(usize, usize)>,
    /// `None` once the session has ended (every progress is then 1).
    pub phase: Option<Phase>,
    /// The phase is the countdown that leads into `step` (a get-ready, or a rest and a
    /// get-ready): the screen shows the step coming ("next: ..."), not under way.
    pub transition: bool,
    pub outcome: Option<Outcome>,
    pub paused: bool,
    /// The step's place among its routine's steps (0-based) and how many there are: "step
    /// 2 of 4", in every round.
    pub step_index: usize,
    pub step_count: usize,
    /// (index, count) of the round when the routine runs in rounds: "round 1 of 2".
    pub round: Option<(usize, usize)>,
    /// (index, count) of the set when the step has several: "set 2 of 3" (during a rest
    /// between sets, the set it leads into).
    pub set: Option<(usize, usize)>,
    pub step: &'a StepPlan,
    /// (index, count, label) of the current pass when the step has named passes.
    pub pass: Option<(usize, usize, &'a str)>,
    /// The pass in progress (or the pause before it) is one asked for again (`r`): the
    /// same side once more, not the next one.
    pub again: bool,
    /// The pass at work is to be done once more right after it (`r` was pressed): that,
    /// not the next pass or step, is what comes next.
    pub once_more: bool,
    /// Time left in the current phase; `None` for counted reps.
    pub remaining: Option<Duration>,
    /// Whole seconds shown on a countdown (rounded up: "1" until the phase ends).
    pub remaining_secs: Option<u64>,
    /// Progress through the current phase, 0..=1 (by time, or by reps counted).
    pub phase_progress: f64,
    pub reps: Option<RepsView<'a>>,
    /// The range of the work in progress, if it has one.
    pub range: Option<RangeView>,
    /// The stopwatch of an open step at work; `next_wakeup` ticks with its seconds.
    pub stopwatch: Option<StopwatchView>,
    /// An open step's latest reminder, from when it is given until the next: the words a
    /// person on the floor, not listening, must still see.
    pub reminder: Option<&'a str>,
    /// Progress through the step's work, 0..=1: passes done plus the current pass's
    /// share; 0 during the transition into it.
    pub step_progress: f64,
    /// Progress through the session's planned time, every part of it, 0..=1 (by steps when
    /// it has only counted reps). Time alone never makes it go back.
    pub routine_progress: f64,
    /// Active time so far; `next_wakeup` ticks when its whole seconds change.
    pub elapsed: Duration,
    /// Planned time still ahead, with `+`/`-` adjustments (counted reps excluded). Shown
    /// rounded up (`ceil_secs`), it changes exactly at a `next_wakeup`.
    pub remaining_total: Duration,
    /// The step after this one (`None` once the session has ended).
    pub next: Option<&'a StepPlan>,
    /// The name of the part the next step begins, when it is another part than this one's.
    pub next_part: Option<&'a str>,
    /// What the keys do now: hints and overlays show only these.
    pub allowed: Allowed,
}

/// Whole seconds, rounded up, as a countdown shows them.
pub fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

fn ratio(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        1.0
    } else {
        (part.as_secs_f64() / whole.as_secs_f64()).clamp(0.0, 1.0)
    }
}

impl Session {
    /// The screen at `now` (call `advance(now)` first so phases are current).
    pub fn view(&self, now: Instant) -> View<'_> {
        let plan = self.plan();
        let t = self.effective(now);
        let step_index = self.step_index();
        let step = self.step();
        let seg = self.segment().copied();
        let in_seg = t.saturating_duration_since(self.segment_start());
        let remaining = self.deadline().map(|d| d.saturating_duration_since(t));
        let seg_total = self
            .deadline()
            .map(|d| d.saturating_duration_since(self.segment_start()));
        let reps = seg
            .filter(|s| s.phase == Phase::Work)
            .and_then(|_| match &step.work {
                WorkPlan::Paced { count, phases, .. } => {
                    let (rep, part) = step.work.rep()?.beat_now(in_seg);
                    Some(RepsView {
                        current: rep.min(*count),
                        count: *count,
                        paced: true,
                        label: phases.get(part).map(String::as_str),
                    })
                }
                WorkPlan::Counted { count } => Some(RepsView {
                    current: self.counted(),
                    count: *count,
                    paced: false,
                    label: None,
                }),
                WorkPlan::Hold(_) | WorkPlan::Open { .. } => None,
            });
        let range = seg
            .filter(|s| s.phase == Phase::Work)
            .and_then(|_| match (step.enough?, &step.work) {
                (Enough::Time(least), WorkPlan::Hold(most)) => {
                    Some((ceil_secs(least) as u32, ceil_secs(*most) as u32, true))
                }
                (Enough::Reps(least), WorkPlan::Paced { count, .. })
                | (Enough::Reps(least), WorkPlan::Counted { count }) => {
                    Some((least, *count, false))
                }
                _ => None,
            })
            .map(|(least, most, secs)| RangeView {
                least,
                most,
                secs,
                reached: self.enough_reached(),
            });
        let stopwatch = match (seg.map(|s| s.phase), &step.work) {
            (Some(Phase::Work), WorkPlan::Open { remind_every, .. }) => Some(StopwatchView {
                elapsed: in_seg,
                next_reminder: remind_every.filter(|e| !e.is_zero()).map(|every| {
                    let into = Duration::from_nanos((in_seg.as_nanos() % every.as_nanos()) as u64);
                    every - into
                }),
            }),
            _ => None,
        };
        let reminder = match (seg.map(|s| s.phase), &step.work) {
            (Some(Phase::Work), WorkPlan::Open { remind_every, .. }) => remind_every
                .filter(|e| !e.is_zero())
                .map(|every| in_seg.as_nanos() / every.as_nanos())
                .filter(|&n| n > 0)
                .and_then(|n| step.work.reminder(u32::try_from(n).unwrap_or(u32::MAX))),
            _ => None,
        };
        // The share of the current segment behind us: its time, or reps counted.
        let phase_progress = match (seg_total, &reps) {
            _ if seg.is_none() => 1.0,
            (Some(total), _) => ratio(in_seg, total),
            (None, Some(r)) => f64::from(r.current) / f64::from(r.count.max(1)),
            (None, None) => 0.0,
        };
        // Passes of every set, in order: the share behind us.
        let step_progress = match seg {
            None => 1.0,
            Some(s) if s.is_transition() => 0.0,
            Some(s) => {
                let passes = step.pass_count();
                let before = (s.set * passes + s.pass) as f64;
                let all = (step.sets.max(1) * passes) as f64;
                match s.phase {
                    Phase::Work => ((before + phase_progress) / all).min(1.0),
                    _ => (before / all).min(1.0),
                }
            }
        };
        let remaining_total = match seg {
            None => Duration::ZERO,
            Some(_) => plan.remaining_after(self.cursor_index()) + remaining.unwrap_or_default(),
        };
        // Planned time behind us, the current segment counted by its share; a plan of
        // counted reps only has no time, so it goes by steps.
        let planned = plan.total();
        let routine_progress = match seg {
            None => 1.0,
            Some(_) if planned.is_zero() => {
                (step_index as f64 + step_progress) / plan.steps.len() as f64
            }
            Some(s) => {
                let here = s.duration.unwrap_or_default();
                let before = planned
                    .saturating_sub(plan.remaining_after(self.cursor_index()))
                    .saturating_sub(here);
                ratio(before + here.mul_f64(phase_progress), planned)
            }
        };
        let elapsed = self.elapsed(now);
        let part = step.place.part;
        let next = seg.and_then(|_| plan.steps.get(step_index + 1));
        let once_more = seg.filter(|s| s.phase == Phase::Work).is_some_and(|s| {
            plan.segments[self.cursor_index() + 1..]
                .iter()
                .find(|n| n.phase == Phase::Work)
                .is_some_and(|n| {
                    (n.step, n.set, n.pass) == (s.step, s.set, s.pass) && n.again > s.again
                })
        });
        View {
            routine: plan.parts.get(part).map_or(&plan.name, |p| &p.name),
            session: &plan.name,
            part: (plan.parts.len() > 1).then_some((part, plan.parts.len())),
            phase: seg.map(|s| s.phase),
            transition: seg.is_some_and(|s| s.is_transition()),
            outcome: self.outcome(),
            paused: self.is_paused(),
            step_index: step.place.number,
            step_count: step.place.steps,
            round: (step.place.rounds > 1).then_some((step.place.round, step.place.rounds)),
            set: seg.filter(|_| step.sets > 1).map(|s| (s.set, step.sets)),
            step,
            pass: seg
                .filter(|_| !step.passes.is_empty())
                .map(|s| (s.pass, step.passes.len(), step.passes[s.pass].as_str())),
            again: seg.is_some_and(|s| s.again > 0),
            once_more,
            remaining,
            remaining_secs: remaining.map(ceil_secs),
            phase_progress,
            reps,
            range,
            stopwatch,
            reminder,
            step_progress,
            routine_progress,
            elapsed,
            remaining_total,
            next,
            next_part: next
                .filter(|next| next.place.part != part)
                .and_then(|next| plan.parts.get(next.place.part))
                .map(|p| p.name.as_str()),
            allowed: self.allowed(),
        }
    }
}

/// Where a paced rep stands at a moment, for what moves with it (a move's figure): which
/// part of the rep (a breath phase) and how far through it, on the set's own clock, so a
/// pause freezes it and frames stay in step with the breath cues.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RepBeat {
    /// The part in progress (0-based) of `parts` (1 when the step names no phases).
    pub part: usize,
    pub parts: usize,
    /// How far through the part, 0..=1.
    pub progress: f64,
    /// The time of one rep.
    pub rep: Duration,
    /// Active time into the set.
    pub into: Duration,
}

impl RepBeat {
    /// The moment `change` after the last tick of a `grid` of the set's time: frames land on
    /// that grid however late the wake-up that drew this one. Never `now` itself.
    pub fn after(&self, now: Instant, change: Duration, grid: Duration) -> Instant {
        let grid = grid.as_nanos().max(1);
        let since_tick = Duration::from_nanos((self.into.as_nanos() % grid) as u64);
        now + change
            .saturating_sub(since_tick)
            .max(Duration::from_millis(1))
    }
}

impl Session {
    /// The beat of the paced rep under way at `now`; `None` outside paced work.
    pub fn rep_beat(&self, now: Instant) -> Option<RepBeat> {
        self.segment().filter(|s| s.phase == Phase::Work)?;
        let WorkPlan::Paced { tempo, starts, .. } = &self.step().work else {
            return None;
        };
        let into = self
            .effective(now)
            .saturating_duration_since(self.segment_start());
        let (_, part) = self.step().work.rep()?.beat_now(into);
        // The part's start and end within the rep: phases may have their own lengths.
        let parts = starts.len().max(1);
        let within = Duration::from_nanos((into.as_nanos() % tempo.as_nanos().max(1)) as u64);
        let start = starts.get(part).copied().unwrap_or_default();
        let end = starts.get(part + 1).copied().unwrap_or(*tempo);
        let length = end.saturating_sub(start).as_secs_f64();
        let progress = if length > 0.0 {
            (within.saturating_sub(start).as_secs_f64() / length).clamp(0.0, 1.0)
        } else {
            1.0
        };
        Some(RepBeat {
            part,
            parts,
            progress,
            rep: *tempo,
            into,
        })
    }
}
