//! What both front ends keep about a running session beyond the machine: its id in the
//! history (given at the start, so the resume state can name the record before it exists),
//! the session it resumes, and the resume state, written each time a step begins and
//! cleared when the session completes. A session that ends any other way (quit, a signal, a
//! closed terminal, a crash) leaves the state as last written, at the step it stopped in.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::publish::Publisher;
use super::resume::{self, Resumable, ResumeState};
use crate::routine::{Lineup, RanAt};
use crate::session::{Event, Outcome, PlanOptions, Session, SessionId, SessionRecord};

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
    /// Where the state goes; `None` (no data dir, or a test) keeps nothing.
    file: Option<PathBuf>,
    /// The step last written, so a batch of events in one step writes nothing.
    written: Option<usize>,
    /// Writing failed once: said once, not at every step.
    failed: bool,
    /// The status file and hook, fed from the same batches (none unless `publishing`).
    publisher: Publisher,
}

impl Keeper {
    /// For a new session of `lineup`, planned with `options`, started at `started_at`.
    pub fn new(
        lineup: &Lineup,
        options: &PlanOptions,
        started_at: DateTime<FixedOffset>,
        file: Option<PathBuf>,
    ) -> Keeper {
        let id = SessionId::new();
        Keeper {
            state: ResumeState::new(id.clone(), lineup, options, started_at),
            id,
            resumes: None,
            levels: lineup.levels.clone(),
            file,
            written: None,
            failed: false,
            publisher: Publisher::default(),
        }
    }

    /// For the session that takes up `resumable`: a record of its own, linked to the first.
    pub(crate) fn resuming(resumable: &Resumable, file: Option<PathBuf>) -> Keeper {
        Keeper {
            id: SessionId::new(),
            resumes: Some(resumable.state.session.clone()),
            levels: resumable.lineup.levels.clone(),
            state: resumable.state.clone(),
            file,
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
            self.state.step = step;
            self.state.written_at = wall;
            self.written = Some(step);
            resume::write(file, &self.state)
        };
        match result {
            Err(e) if !std::mem::replace(&mut self.failed, true) => Some(format!(
                "cannot keep {} for resuming the session: {e}",
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
