//! Spoken cues: runs the configured command (e.g. `espeak-ng -s 150`) with each cue's text
//! as its last argument, in the background. It never blocks the timer; a missing or failing
//! command warns once and the session goes on silently. Each cue runs in a process group of
//! its own, so cutting it short ends everything it started (`sh -c` and its children), and
//! none outlives the coach: at exit the last cue gets about its speaking time, then is ended.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What `finish` allows a cue beyond its estimated speaking time (to start up, to drain).
const FINISH_ALLOWANCE: Duration = Duration::from_secs(1);
/// A generous speaking time per character (about 150 words a minute is 80 ms each).
const PER_CHAR: Duration = Duration::from_millis(80);
/// The longest `finish` waits, however long the last text.
const FINISH_MOST: Duration = Duration::from_secs(10);
/// How often `finish` looks whether the last cue is done.
const FINISH_POLL: Duration = Duration::from_millis(10);

pub struct Speaker {
    argv: Vec<String>,
    running: Vec<Child>,
    /// When the latest cue should have been said, with the allowance.
    ends_by: Option<Instant>,
    /// The warning to show, set once when the command first fails; `None` afterwards too.
    warning: Option<String>,
    failed: bool,
}

impl Speaker {
    /// `argv` is the command and its arguments; it must not be empty.
    pub fn new(argv: Vec<String>) -> Speaker {
        Speaker {
            argv,
            running: Vec::new(),
            ends_by: None,
            warning: None,
            failed: false,
        }
    }

    /// Starts saying `text`, stopping any cue still being spoken so cues never pile up.
    pub fn say(&mut self, text: &str) {
        self.reap();
        if self.failed {
            return;
        }
        self.silence();
        let Some((program, args)) = self.argv.split_first() else {
            return;
        };
        match Command::new(program)
            .args(args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(child) => {
                self.running.push(child);
                let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                let speaking = PER_CHAR.saturating_mul(chars).min(FINISH_MOST);
                self.ends_by = Some(Instant::now() + FINISH_ALLOWANCE + speaking);
            }
            Err(e) => self.fail(format!("speech command `{program}` could not start: {e}")),
        }
    }

    /// Whether a cue is still being spoken (for `sound::SpeechGate`).
    pub fn speaking(&mut self) -> bool {
        self.reap();
        !self.running.is_empty()
    }

    /// Collects finished children; a command that exits with an error disables speech.
    fn reap(&mut self) {
        let mut failure = None;
        self.running.retain_mut(|child| match child.try_wait() {
            Ok(Some(status)) => {
                // A cue we cut short with kill() ends by signal, not by failing.
                if status.code().is_some_and(|c| c != 0) {
                    failure = Some(status);
                }
                false
            }
            Ok(None) => true,
            Err(_) => false,
        });
        if let Some(status) = failure {
            let program = self.argv.first().cloned().unwrap_or_default();
            self.fail(format!("speech command `{program}` failed ({status})"));
        }
    }

    fn fail(&mut self, message: String) {
        if !self.failed {
            self.failed = true;
            // The command is the user's text: shown, never obeyed by the terminal.
            let message = crate::text::clean(&message).into_owned();
            self.warning = Some(format!("{message}; going on without speech"));
        }
    }

    /// Lets the cue being spoken end (about as long as saying its text takes), then cuts it
    /// short: for a coach about to exit, so the last words are heard but nothing lingers.
    pub fn finish(mut self) {
        loop {
            self.reap();
            let now = Instant::now();
            match self.ends_by {
                Some(deadline) if !self.running.is_empty() && now < deadline => {
                    std::thread::sleep(FINISH_POLL.min(deadline - now));
                }
                _ => return,
            }
        }
    }

    /// Cuts short any cue still being spoken (a quit, a newer cue, the coach's exit).
    pub fn silence(&mut self) {
        for child in &self.running {
            // The group is the child's pid, and stays ours while the child is not reaped.
            if let Ok(group) = libc::pid_t::try_from(child.id()) {
                // SAFETY: killpg takes plain integers and touches no memory of ours.
                unsafe {
                    libc::killpg(group, libc::SIGKILL);
                }
            }
        }
        self.reap();
    }

    /// A warning not yet shown, handed out once.
    pub fn take_warning(&mut self) -> Option<String> {
        self.reap();
        self.warning.take()
    }
}

/// Ends the cue still being spoken: `finish` first to let it end by itself.
impl Drop for Speaker {
    fn drop(&mut self) {
        self.silence();
    }
}
