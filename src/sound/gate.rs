//! The rule between sounds and speech: sounds never stop speech (they are separate processes
//! and the sound server mixes them), and speech never cuts short a name it is saying.

/// What an utterance says, for deciding what may cut it short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// A count, a breath label, "Ten seconds", "Halfway", "Paused": stale a moment later,
    /// so it may be cut short, and is dropped rather than cut a name short.
    Routine,
    /// A step or side name ("Get ready: Cat-cow, Left", "Switch sides. Right", "Rest. Next:
    /// Bridge", "Done"): what a person on the floor cannot see and must hear whole.
    Name,
}

/// Decides, utterance by utterance, whether to speak now (cutting off what is being said)
/// or to stay silent. Pure: the caller says whether the last utterance is still going.
#[derive(Debug, Clone, Default)]
pub struct SpeechGate {
    /// The priority of the last utterance let through.
    last: Option<Priority>,
}

impl SpeechGate {
    /// Whether to say an utterance of `priority` now, given whether the speech command is
    /// still `speaking` the last one. A name is only ever cut short by a newer name (the
    /// person skipped on: the old one is wrong now); a routine cue arriving during a name
    /// is dropped, never queued, since it would be stale by the time the name ends.
    pub fn admit(&mut self, priority: Priority, speaking: bool) -> bool {
        let busy_with_name = speaking && self.last == Some(Priority::Name);
        let admit = !busy_with_name || priority == Priority::Name;
        if admit {
            self.last = Some(priority);
        }
        admit
    }
}
