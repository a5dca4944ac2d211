//! Properties of the session machine over generated routines, tick patterns and commands.

mod session_support;

use std::time::{Duration, Instant};

use limberup::session::{Command, Event, Outcome, Plan, Session, StepStatus, WorkPlan};
use proptest::prelude::*;
use session_support::strategies::{Action, Kinds, action, planned, ticks};
use session_support::{visible, wall};

const NS: Duration = Duration::from_nanos(1);

fn start(plan: Plan) -> (Session, Instant) {
    let t0 = Instant::now();
    let (session, _) = Session::new(plan, t0, wall(7));
    (session, t0)
}

/// The earliest instant at which `before` (running, not ended at its `now`) has ended,
/// found by bisection to the nanosecond, knowing it has ended by `hi`.
fn end_instant(before: &Session, hi: Instant) -> Instant {
    let (mut lo, mut hi) = (before.now(), hi);
    while hi - lo > NS {
        let mid = lo + (hi - lo) / 2;
        let mut probe = before.clone();
        probe.advance(mid);
        if probe.outcome().is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// Runs `session` with `ticks` (cycled, with a 1 s tick added to a pattern shorter than
/// a second so it ends soon) until it ends; returns the exact end instant and every event.
fn run_ticks(session: &mut Session, ticks: &[Duration], from: Instant) -> (Instant, Vec<Event>) {
    let mut ticks = ticks.to_vec();
    if ticks.iter().sum::<Duration>() < Duration::from_secs(1) {
        ticks.push(Duration::from_secs(1));
    }
    let mut t = from;
    let mut events = Vec::new();
    for tick in ticks.iter().cycle() {
        t += *tick;
        let before = session.clone();
        events.extend(session.advance(t));
        if session.outcome().is_some() {
            return (end_instant(&before, t), events);
        }
    }
    unreachable!("a cycled pattern never runs out")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// (a) An untouched session ends exactly at start + planned total, every step done,
    /// and the events do not depend on how the time was sliced.
    #[test]
    fn untouched_sessions_end_exactly_on_plan(plan in planned(Kinds::Timed), ticks in ticks()) {
        let total = plan.total();
        let (mut session, t0) = start(plan.clone());
        let (end, events) = run_ticks(&mut session, &ticks, t0);
        prop_assert_eq!(end, t0 + total);
        prop_assert_eq!(session.outcome(), Some(Outcome::Completed));
        let record = session.record(wall(8));
        prop_assert_eq!(record.count(StepStatus::Done), record.steps.len());
        prop_assert_eq!(record.paused_secs, 0.0);

        // One huge tick gives the same events in the same order.
        let (mut once, _) = start(plan);
        let all = once.advance(t0 + total + Duration::from_secs(1_000_000));
        prop_assert_eq!(all, events);
    }

    /// (b) Pauses of any length at any points shift the end by exactly their sum.
    #[test]
    fn pauses_shift_the_end_by_exactly_the_paused_time(
        plan in planned(Kinds::Timed),
        ticks in ticks(),
        pauses in proptest::collection::vec((0u64..=120_000, 0u64..=3_000_000), 1..=3),
    ) {
        let total = plan.total();
        let (mut session, t0) = start(plan);
        let mut t = t0;
        let mut paused = Duration::ZERO;
        for (at, length) in pauses {
            t += Duration::from_millis(at);
            session.advance(t);
            if session.outcome().is_some() {
                break;
            }
            session.handle(Command::Pause, t);
            t += Duration::from_micros(length);
            prop_assert!(session.advance(t).is_empty());
            session.handle(Command::Resume, t);
            paused += Duration::from_micros(length);
        }
        if session.outcome().is_none() {
            let (end, _) = run_ticks(&mut session, &ticks, t);
            prop_assert_eq!(end, t0 + total + paused);
        }
        prop_assert_eq!(session.elapsed(t), total);
        prop_assert_eq!(session.paused_total(t), paused);
        prop_assert_eq!(session.outcome(), Some(Outcome::Completed));
    }

    /// (c) A session stopped in any step and resumed there (as `limberup resume` does)
    /// does the same work as one run straight through: the first record's steps before that
    /// step and the resumed record's steps are the uninterrupted record's steps, and the
    /// resumed part ends exactly the plan's time from that step after it began, however
    /// much later that is.
    #[test]
    fn a_resumed_session_and_its_first_part_do_the_work_of_one_run(
        plan in planned(Kinds::Timed),
        ticks in ticks(),
        at in any::<proptest::sample::Index>(),
        into in 0.0f64..1.0,
        later in 0u64..=100_000,
    ) {
        let total = plan.total();
        let k = at.index(plan.steps.len());
        let (mut whole, t0) = start(plan.clone());
        run_ticks(&mut whole, &ticks, t0);
        let whole = whole.record(wall(8));

        // Untouched until some way into step k, then quit.
        let before_k = total - plan.total_from(k);
        let step_k = plan.total_from(k) - plan.total_from(k + 1);
        prop_assert!(step_k > Duration::ZERO);
        let (mut first, t0) = start(plan.clone());
        let stop = t0 + before_k + step_k.mul_f64(into);
        first.advance(stop);
        prop_assert_eq!(first.step_index(), k);
        first.handle(Command::Quit, stop);
        let first = first.record(wall(8));
        prop_assert_eq!(first.from_step, 1);

        let t1 = stop + Duration::from_secs(later);
        let (mut resumed, _) = Session::resume_at(plan.clone(), k, t1, wall(9));
        let (end, _) = run_ticks(&mut resumed, &ticks, t1);
        // Taken up, step k opens on its get-ready: the rest before it is not played again.
        let rest = plan.steps[k].rest_before;
        prop_assert_eq!(end, t1 + plan.total_from(k) - rest);
        prop_assert_eq!(resumed.elapsed(end) + before_k + rest, total);
        prop_assert_eq!(resumed.outcome(), Some(Outcome::Completed));
        let resumed = resumed.record(wall(10));
        prop_assert_eq!(resumed.from_step as usize, k + 1);
        let joined: Vec<_> = first.steps[..k].iter().chain(&resumed.steps).cloned().collect();
        prop_assert_eq!(joined, whole.steps);
    }

    /// (e) Time alone never makes the remaining total grow or progress shrink.
    #[test]
    fn progress_only_moves_forward_with_time(plan in planned(Kinds::All), ticks in ticks()) {
        let (mut session, t0) = start(plan);
        let mut t = t0;
        let mut last = session.view(t);
        let (mut last_total, mut last_routine) = (last.remaining_total, last.routine_progress);
        // The step of the plan, every round's counted: the view's restarts each round.
        let (mut last_step, mut last_step_progress) = (session.step_index(), last.step_progress);
        for tick in ticks.iter().cycle().take(200) {
            t += *tick;
            session.advance(t);
            let v = session.view(t);
            prop_assert!(v.remaining_total <= last_total);
            prop_assert!((0.0..=1.0).contains(&v.routine_progress));
            prop_assert!(v.routine_progress >= last_routine);
            prop_assert!((0.0..=1.0).contains(&v.step_progress));
            prop_assert!((0.0..=1.0).contains(&v.phase_progress));
            let step = session.step_index();
            if step == last_step {
                prop_assert!(v.step_progress >= last_step_progress);
            }
            prop_assert!(step >= last_step);
            last_total = v.remaining_total;
            last_routine = v.routine_progress;
            last_step = step;
            last_step_progress = v.step_progress;
            last = v;
        }
        if last.outcome.is_some() {
            prop_assert_eq!(last.outcome, Some(Outcome::Completed));
            prop_assert_eq!(last.routine_progress, 1.0);
            prop_assert_eq!(last.remaining_total, Duration::ZERO);
        }
    }

    /// Advancing to `next_wakeup` always shows something new or fires a cue, and nothing
    /// visible changes before it, so a UI can sleep until then.
    #[test]
    fn nothing_changes_before_the_wakeup_and_something_does_at_it(plan in planned(Kinds::All)) {
        let (mut session, _) = start(plan);
        for _ in 0..600 {
            if session.outcome().is_some() {
                break;
            }
            if session.deadline().is_none() {
                session.handle(Command::Advance, session.now());
                continue;
            }
            let wake = session.next_wakeup().unwrap();
            let now = session.now();
            prop_assert!(wake > now);
            let shown = visible(&session.view(now));
            let mut early = session.clone();
            prop_assert!(early.advance(wake - NS).is_empty());
            prop_assert_eq!(visible(&early.view(wake - NS)), shown.clone());
            let events = session.advance(wake);
            prop_assert!(!events.is_empty() || visible(&session.view(wake)) != shown);
        }
    }
}

/// Everything that must hold at any moment, whatever happened before.
fn check_state(session: &Session, t0: Instant, now: Instant) -> Result<(), TestCaseError> {
    let plan = session.plan();
    prop_assert!(session.step_index() < plan.steps.len());
    prop_assert!(session.cursor_index() <= plan.segments.len());
    if let Some(seg) = session.segment() {
        prop_assert_eq!(seg.step, session.step_index());
        prop_assert!(session.outcome().is_none());
    } else {
        prop_assert!(session.outcome().is_some());
    }
    let at = session.effective(now);
    if session.outcome().is_none() {
        // Active time and paused time account for every instant since the start.
        prop_assert_eq!(
            session.elapsed(now) + session.paused_total(now),
            now.max(session.now()) - t0
        );
        prop_assert!(session.segment_start() <= at);
        // No deadline is ever left behind: time left is never below zero.
        if let Some(deadline) = session.deadline() {
            prop_assert!(deadline >= at);
            if !session.is_paused() {
                prop_assert!(deadline > at);
            }
        }
        prop_assert_eq!(session.next_wakeup().is_none(), session.is_paused());
        if let Some(wake) = session.next_wakeup() {
            prop_assert!(wake > session.now());
        }
    } else {
        prop_assert!(!session.is_paused());
        prop_assert_eq!(session.next_wakeup(), None);
    }
    let v = session.view(now);
    for progress in [v.phase_progress, v.step_progress, v.routine_progress] {
        prop_assert!((0.0..=1.0).contains(&progress));
    }
    if let (Some(remaining), Some(deadline)) = (v.remaining, session.deadline()) {
        prop_assert_eq!(remaining, deadline - at);
        prop_assert!(remaining <= deadline - session.segment_start());
    }
    if let Some(reps) = &v.reps {
        prop_assert!(reps.current <= reps.count);
    }
    let record = session.record(wall(8));
    for (step, planned) in record.steps.iter().zip(&plan.steps) {
        // A record per run: every set's passes (added sets included) and every repeat.
        let runs = planned.pass_count() * planned.sets + step.repeats as usize;
        prop_assert_eq!(step.passes.len(), runs);
        let count = match planned.work {
            WorkPlan::Hold(_) | WorkPlan::Open { .. } => None,
            WorkPlan::Paced { count, .. } | WorkPlan::Counted { count } => Some(count),
        };
        for pass in &step.passes {
            prop_assert!(pass.active_secs >= 0.0);
            if let (Some(reps), Some(count)) = (pass.reps, count) {
                prop_assert!(reps <= count);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// (c, d) Arbitrary commands at arbitrary times: no panic, time never runs backwards,
    /// indices stay in range, nothing is ever negative, Next never goes back and Previous
    /// never forward, and a completed session has every step done or skipped.
    #[test]
    fn any_command_sequence_keeps_the_machine_sound(
        plan in planned(Kinds::All),
        actions in proptest::collection::vec(action(), 0..=100),
    ) {
        run_actions(plan, actions)?;
    }

    /// The same on routines validation would refuse.
    #[test]
    fn unvalidated_routines_never_break_the_machine(
        plan in planned(Kinds::Unvalidated),
        actions in proptest::collection::vec(action(), 0..=100),
    ) {
        run_actions(plan, actions)?;
    }
}

fn run_actions(plan: Plan, actions: Vec<Action>) -> Result<(), TestCaseError> {
    let (mut session, t0) = start(plan);
    let mut now = t0;
    let mut last_elapsed = Duration::ZERO;
    let mut last_paused = Duration::ZERO;
    let mut ended: Option<limberup::session::SessionRecord> = None;
    for action in actions {
        let machine_before = session.now();
        let step_before = session.step_index();
        match action {
            Action::Wait(d) => {
                now += d;
                session.advance(now);
            }
            Action::Stall(lost) => {
                if let Some(due) = session.next_wakeup() {
                    now = due + lost;
                    let stall = Command::after_sleep(due, now).expect("late enough");
                    session.handle(stall, now);
                    prop_assert!(session.is_paused() || session.outcome().is_some());
                }
            }
            Action::Do(command) => {
                // What is due by `now` happens whatever the command; beyond that, a command
                // does something exactly when `allowed` says it would.
                let mut probe = session.clone();
                let due = probe.advance(now);
                let allowed = probe.allowed();
                let events = session.handle(command, now);
                if !allowed.permits(command) {
                    prop_assert_eq!(&events, &due, "{:?} not allowed", command);
                } else if matches!(
                    command,
                    Command::Advance
                        | Command::Done
                        | Command::Next
                        | Command::Previous
                        | Command::Repeat
                        | Command::AddSet
                ) {
                    prop_assert!(events.len() > due.len(), "{:?} allowed", command);
                }
                let step = session.step_index();
                match command {
                    Command::Next if session.outcome().is_none() => {
                        prop_assert!(step > step_before);
                    }
                    Command::Next => prop_assert!(step >= step_before),
                    Command::Previous => prop_assert!(step <= step_before),
                    _ => {}
                }
            }
        }
        prop_assert!(session.now() >= machine_before);
        prop_assert_eq!(session.now(), now);
        let elapsed = session.elapsed(now);
        let paused = session.paused_total(now);
        prop_assert!(elapsed >= last_elapsed && paused >= last_paused);
        last_elapsed = elapsed;
        last_paused = paused;
        check_state(&session, t0, now)?;
        if let Some(record) = &ended {
            // An ended session never changes.
            prop_assert_eq!(&session.record(wall(8)), record);
        } else if session.outcome().is_some() {
            ended = Some(session.record(wall(8)));
        }
    }
    // Finish: resume, then let time and key presses carry it to the end.
    session.handle(Command::Resume, now);
    for _ in 0..10_000 {
        if session.outcome().is_some() {
            break;
        }
        match session.deadline() {
            Some(deadline) => {
                now = deadline;
                session.advance(now);
            }
            None => {
                session.handle(Command::Advance, now);
            }
        }
        check_state(&session, t0, now)?;
    }
    let record = session.record(wall(8));
    prop_assert!(session.outcome().is_some());
    if record.outcome == Outcome::Completed {
        prop_assert_eq!(
            record.count(StepStatus::Done) + record.count(StepStatus::Skipped),
            record.steps.len()
        );
    }
    // Active plus paused time fit in the span from start to end.
    prop_assert!(session.elapsed(now) + session.paused_total(now) <= now - t0);
    Ok(())
}
