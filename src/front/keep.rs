//! What both front ends keep about a running session beyond the machine: its id in the
//! history (given at the start, so the resume state can name the record before it exists),
//! the session it resumes, and the resume state, written each time a step begins and
//! cleared when the session completes. A session that ends any other way (quit, a signal, a
//! closed terminal, a crash) leaves the state as last written, at the step it stopped in.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::publish::Publisher;
use super::resume::{self, Earlier, Resumable, ResumeState};
use crate::routine::{Lineup, RanAt};
use crate::session::{
    Event, Outcome, PassRecord, Plan, PlanOptions, Session, SessionId, SessionRecord, StepRecord,
    StepStatus,
};

/// Keeps one session's identity and resume state; see the module doc.
#[derive(Debug)]
pub struct Keeper {
    /// The id this session's record gets.
    id: SessionId,
    /// The first record's id, when this session takes up an earlier one.
    resumes: Option<SessionId>,
    /// The level each progressing routine runs at, for the record.
    levels: Vec<RanAt>,
    /// The state to write, its `step` and `written_at` set at each write.
    state: ResumeState,
    /// Where the state goes (this session's file in the resume directory); `None` (no data
    /// dir, or a test) keeps nothing.
    file: Option<PathBuf>,
    /// The step last written, so a batch of events in one step writes nothing.
    written: Option<usize>,
    /// Writing failed once: said once, not at every step.
    failed: bool,
    /// The status file and hook, fed from the same batches (none unless `publishing`).
    publisher: Publisher,
}

impl Keeper {
    /// For a new session of `lineup`, planned with `options`, started at `started_at`, its
    /// state kept in `dir`.
    pub fn new(
        lineup: &Lineup,
        options: &PlanOptions,
        started_at: DateTime<FixedOffset>,
        dir: Option<PathBuf>,
    ) -> Keeper {
        let id = SessionId::new();
        Keeper {
            state: ResumeState::new(id.clone(), lineup, options, started_at),
            file: dir.map(|dir| resume::file_in(&dir, &id)),
            id,
            resumes: None,
            levels: lineup.levels.clone(),
            written: None,
            failed: false,
            publisher: Publisher::default(),
        }
    }

    /// For the session that takes up `resumable`: a record of its own, linked to the first,
    /// its state kept in the first one's file in `dir`.
    pub(crate) fn resuming(resumable: &Resumable, dir: Option<PathBuf>) -> Keeper {
        Keeper {
            id: SessionId::new(),
            resumes: Some(resumable.state.session.clone()),
            levels: resumable.lineup.levels.clone(),
            state: resumable.state.clone(),
            file: dir.map(|dir| resume::file_in(&dir, &resumable.state.session)),
            written: None,
            failed: false,
            publisher: Publisher::default(),
        }
    }

    /// The keeper publishing the session's status and events through `publisher`.
    pub(crate) fn publishing(self, publisher: Publisher) -> Keeper {
        Keeper { publisher, ..self }
    }

    /// Follows a batch of `events` of `session` (the one place both front ends keep the
    /// resume state and publish the status, see `publish`): when a step has begun, writes that it is the one to resume at; when
    /// the session completed, removes the state. Returns a warning the first time writing
    /// fails (the session goes on regardless).
    pub fn track(
        &mut self,
        session: &Session,
        events: &[Event],
        wall: DateTime<FixedOffset>,
    ) -> Option<String> {
        let published = self.publisher.follow(session, events, wall);
        self.keep(session, events, wall).or(published)
    }

    fn keep(
        &mut self,
        session: &Session,
        events: &[Event],
        wall: DateTime<FixedOffset>,
    ) -> Option<String> {
        let file = self.file.as_ref()?;
        let completed = events.iter().any(|e| {
            matches!(
                e,
                Event::Finished {
                    outcome: Outcome::Completed,
                    ..
                }
            )
        });
        let result = if completed {
            self.written = None;
            resume::clear(file)
        } else {
            let step = session.step_index();
            let began = events.iter().any(|e| matches!(e, Event::Started(_)));
            if session.outcome().is_some() || !began || self.written == Some(step) {
                return None;
            }
            if self.written.is_none()
                && let Some(dir) = file.parent()
            {
                resume::prune(dir, file);
            }
            self.state.step = step;
            self.state.written_at = wall;
            self.written = Some(step);
            resume::write(file, &self.state)
        };
        match result {
            Err(e) if !std::mem::replace(&mut self.failed, true) => Some(format!(
                "this session cannot be resumed if it stops: cannot write {}: {e}",
                file.display()
            )),
            _ => None,
        }
    }

    /// Whether the state of a session that did not complete is kept, so `limberup resume`
    /// can take it up: one was written and none failed.
    pub(crate) fn kept(&self) -> bool {
        self.written.is_some() && !self.failed
    }

    /// Whether an earlier part of this session asked the check-in: it is asked once.
    pub(crate) fn asked_before(&self) -> bool {
        self.state.earlier.asked
    }

    /// Notes how `record`, this part's, ended, in the resume state of a session that can
    /// be taken up (it did not complete), so the part that takes it up shows all of it and
    /// does not ask the check-in again when `asked` here. Returns a warning when the state
    /// cannot be written.
    pub(crate) fn ended(&mut self, record: &SessionRecord, asked: bool) -> Option<String> {
        let file = self.file.as_ref()?;
        if record.outcome == Outcome::Completed || self.written.is_none() {
            return None;
        }
        self.state.earlier = self.whole_earlier(record);
        self.state.earlier.asked |= asked;
        resume::write(file, &self.state)
            .err()
            .filter(|_| !std::mem::replace(&mut self.failed, true))
            .map(|e| {
                format!(
                    "this session cannot be resumed: cannot write {}: {e}",
                    file.display()
                )
            })
    }

    /// The earlier parts and `record` up to the step the state stops in, as one.
    fn whole_earlier(&self, record: &SessionRecord) -> Earlier {
        let before = &self.state.earlier;
        let first = (record.from_step as usize).saturating_sub(1);
        let own = self.state.step.saturating_sub(first);
        let mut steps: String = before.steps.chars().take(first).collect();
        steps.extend(record.steps.iter().take(own).map(|s| letter(s.status)));
        Earlier {
            steps,
            active_secs: before.active_secs + record.active_secs,
            paused_secs: before.paused_secs + record.paused_secs,
            reps: before.reps.saturating_add(record.reps()),
            asked: before.asked,
        }
    }

    /// `record`, this part's, with the parts of the session before it, as its summary
    /// shows it: every step of `plan` (from the start), times and reps added up.
    pub(crate) fn whole(&self, record: &SessionRecord, plan: &Plan) -> SessionRecord {
        let before = &self.state.earlier;
        let first = (record.from_step as usize).saturating_sub(1);
        if first == 0 {
            return record.clone();
        }
        let mut letters = before.steps.chars();
        let mut steps: Vec<StepRecord> = plan
            .steps
            .iter()
            .take(first)
            .map(|step| StepRecord {
                name: step.name.clone(),
                part: u32::try_from(step.place.part + 1).unwrap_or(u32::MAX),
                round: u32::try_from(step.place.round + 1).unwrap_or(u32::MAX),
                status: status(letters.next()),
                ..StepRecord::default()
            })
            .collect();
        steps.extend(record.steps.iter().cloned());
        let mut whole = SessionRecord {
            steps,
            from_step: 1,
            active_secs: before.active_secs + record.active_secs,
            paused_secs: before.paused_secs + record.paused_secs,
            started_at: self.state.started_at,
            ..record.clone()
        };
        // The earlier reps, as a pass of the first step, so the summary's count is of all.
        if let Some(step) = whole.steps.first_mut().filter(|_| before.reps > 0) {
            step.passes.push(PassRecord {
                reps: Some(before.reps),
                ..PassRecord::default()
            });
        }
        whole
    }

    /// The record of `session` as the history keeps it: with its id, and the session it
    /// resumes.
    pub(crate) fn record(
        &self,
        session: &Session,
        ended_at: DateTime<FixedOffset>,
    ) -> SessionRecord {
        SessionRecord {
            id: Some(self.id.clone()),
            resumes: self.resumes.clone(),
            levels: self.levels.clone(),
            ..session.record(ended_at)
        }
    }
}

/// A step's end as a letter of `Earlier::steps`.
fn letter(status: StepStatus) -> char {
    match status {
        StepStatus::Done => 'd',
        StepStatus::Skipped => 's',
        StepStatus::Stopped => 't',
        StepStatus::NotReached => 'n',
    }
}

/// The end a letter of `Earlier::steps` says (none, or one unknown: not reached).
fn status(letter: Option<char>) -> StepStatus {
    match letter {
        Some('d') => StepStatus::Done,
        Some('s') => StepStatus::Skipped,
        Some('t') => StepStatus::Stopped,
        _ => StepStatus::NotReached,
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use chrono::TimeZone;

    use super::*;
    use crate::routine::Catalog;
    use crate::session::Command;

    fn wall() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 7, 9, 0, 0)
            .unwrap()
    }

    /// Issue 16: a session quit after two steps (asking the check-in then), taken up and
    /// finished: the second part shows all of the session, its times added up, and asks no
    /// check-in.
    #[test]
    fn a_session_taken_up_shows_all_of_it_and_asks_the_check_in_once() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::load(None);
        let lineup = catalog
            .lineup(vec![catalog.find("cool-down").unwrap().clone()])
            .unwrap();
        let options = PlanOptions::default();
        let plan = Plan::session(&lineup, &options);
        let steps = plan.steps.len();
        let mut keeper = Keeper::new(&lineup, &options, wall(), Some(dir.path().into()));
        assert!(!keeper.asked_before());
        let t0 = Instant::now();
        let (mut session, events) = Session::new(plan.clone(), t0, wall());
        keeper.track(&session, &events, wall());
        let mut at = t0;
        for _ in 0..2 {
            at += Duration::from_secs(5);
            session.advance(at);
            let events = session.handle(Command::Next, at);
            keeper.track(&session, &events, wall());
        }
        let events = session.handle(Command::Quit, at);
        keeper.track(&session, &events, wall());
        let first = keeper.record(&session, wall());
        assert_eq!(keeper.ended(&first, true), None);

        let state = resume::latest(dir.path()).0.expect("resumable");
        assert_eq!(state.step, 2);
        assert_eq!(state.earlier.steps, "ss");
        assert!(state.earlier.asked);
        let resumable = Resumable {
            state,
            lineup: lineup.clone(),
            plan: plan.clone(),
        };
        let mut again = Keeper::resuming(&resumable, Some(dir.path().into()));
        assert!(again.asked_before());
        let (mut session, events) = resumable.start(at, wall());
        again.track(&session, &events, wall());
        while session.outcome().is_none() {
            at += Duration::from_secs(60);
            let events = session.advance(at);
            again.track(&session, &events, wall());
        }
        let second = again.record(&session, wall());
        assert_eq!(second.steps.len(), steps - 2);
        let whole = again.whole(&second, &plan);
        assert_eq!(whole.steps.len(), steps);
        assert_eq!(whole.count(StepStatus::Skipped), 2);
        assert_eq!(whole.count(StepStatus::Done), steps - 2);
        assert_eq!(whole.active_secs, first.active_secs + second.active_secs);
        assert_eq!(whole.started_at, wall());
        // Completed: nothing left to resume.
        assert_eq!(again.ended(&second, false), None);
        assert_eq!(resume::latest(dir.path()).0, None);
    }
}
