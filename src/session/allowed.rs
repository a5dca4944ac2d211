//! Which commands mean something at this moment, and what the main key would do, so the
//! footer, the paused overlay and plain mode say what a key does instead of guessing; the
//! machine ignores every command this does not allow.

use super::event::Command;

/// What the main key (Enter; an empty line in plain mode) does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// Counted reps: one more rep.
    CountRep,
    /// A get-ready, switch or rest: end it and start what comes next.
    StartNow,
    /// A range's lower bound is reached: end the pass as done.
    MoveOn,
    /// An open step: stop its stopwatch, the workout is done.
    Finish,
}

impl Advance {
    /// The action in two words, for key hints.
    pub(crate) fn words(self) -> &'static str {
        match self {
            Advance::CountRep => "count rep",
            Advance::StartNow => "start now",
            Advance::MoveOn => "move on",
            Advance::Finish => "finish",
        }
    }
}

/// The commands that do something now. Pausing, quitting and interrupting are allowed
/// whenever the session runs; the rest depend on the segment in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Allowed {
    /// What `Command::Advance` does now, if anything.
    pub advance: Option<Advance>,
    /// `Command::Done`: ends counted reps as done (recorded with their target count), a
    /// range's pass once its lower bound is reached, or an open step.
    pub done: bool,
    /// The session runs: pause, resume, quit, next and previous all do something.
    pub running: bool,
    /// `Command::AddTime`: the current hold, rest or get-ready can be made longer or shorter.
    pub add_time: bool,
    /// `Command::Repeat`: the pass in progress can be done once more.
    pub repeat: bool,
    /// `Command::AddSet`: the step in progress can have one more set.
    pub add_set: bool,
}

impl Allowed {
    /// Whether `command` would do anything now.
    pub fn permits(&self, command: Command) -> bool {
        match command {
            Command::Advance => self.advance.is_some(),
            Command::Done => self.done,
            Command::AddTime(_) => self.add_time,
            Command::Repeat => self.repeat,
            Command::AddSet => self.add_set,
            Command::TogglePause
            | Command::Pause
            | Command::Resume
            | Command::Next
            | Command::Previous
            | Command::Quit
            | Command::Interrupt
            | Command::Stalled { .. } => self.running,
        }
    }
}
