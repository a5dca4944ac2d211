//! Spoken cues: runs the configured command (e.g. `espeak-ng -s 150`) with each cue's text
//! as its last argument, in the background. It never blocks the timer; a missing or failing
//! command warns once and the session goes on silently. Each cue runs in a process group of
//! its own, so cutting it short ends everything it started (`sh -c` and its children).

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

pub struct Speaker {
    argv: Vec<String>,
    running: Vec<Child>,
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
            Ok(child) => self.running.push(child),
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

    /// Cuts short any cue still being spoken (a quit, or a newer cue). The last cue of a
    /// session is left to finish on its own: dropping a `Speaker` does not silence it.
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

impl Drop for Speaker {
    fn drop(&mut self) {
        self.reap();
    }
}
