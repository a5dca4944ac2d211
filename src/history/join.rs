//! Joining check-in answers to their sessions while streaming: the last `WINDOW` records
//! are held back, since an answer is appended after its record (next, unless another
//! limberup finished a session meanwhile), then handed on in file order.

use std::collections::VecDeque;

use crate::checkin::Answer;
use crate::session::SessionRecord;

/// Records an answer may follow and still be joined: far more sessions than can end between
/// one session's end and its check-in, and a bound on what the stream holds in memory.
pub const WINDOW: usize = 32;

pub(super) struct Joiner<F: FnMut(SessionRecord)> {
    held: VecDeque<SessionRecord>,
    each: F,
}

impl<F: FnMut(SessionRecord)> Joiner<F> {
    pub(super) fn new(each: F) -> Joiner<F> {
        Joiner {
            held: VecDeque::with_capacity(WINDOW + 1),
            each,
        }
    }

    pub(super) fn record(&mut self, record: SessionRecord) {
        self.held.push_back(record);
        if self.held.len() > WINDOW
            && let Some(oldest) = self.held.pop_front()
        {
            (self.each)(oldest);
        }
    }

    /// Sets the answer on its session (a later answer to the same session wins); an error
    /// when the session is not among the records held.
    pub(super) fn check_in(&mut self, answer: Answer) -> Result<(), String> {
        let session = self
            .held
            .iter_mut()
            .rev()
            .find(|r| r.id.as_ref() == Some(&answer.session));
        match session {
            Some(record) => {
                record.check_in = Some(answer.score);
                Ok(())
            }
            None => Err(format!(
                "a check-in for session {}, which is not among the {WINDOW} records before it",
                answer.session
            )),
        }
    }

    /// Hands on the records still held.
    pub(super) fn finish(mut self) {
        while let Some(record) = self.held.pop_front() {
            (self.each)(record);
        }
    }
}
