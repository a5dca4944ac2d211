//! Plays a sound by starting the player on its WAV file and returning at once: the player runs
//! in its own process group, is never waited on, is reaped on later calls, and a hung one is
//! killed (with anything it started) before more than `MAX_PLAYING` pile up.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{PlayerCommand, Sound, SoundFiles};

/// Players alive at once; starting another kills the oldest. Sounds last about a second at
/// most, so only a player that hangs or crawls is ever killed.
pub const MAX_PLAYING: usize = 4;

/// What `finish` allows a player beyond its sound's length (to start up, to drain).
const FINISH_ALLOWANCE: Duration = Duration::from_secs(1);
/// How often `finish` looks whether the last sounds are done.
const FINISH_POLL: Duration = Duration::from_millis(10);
/// How long dropping a `Player` waits for killed players to be gone (killed processes
/// die at once; this only bounds a pathological case).
const KILL_GRACE: Duration = Duration::from_millis(200);

struct Playing {
    child: Child,
    /// When its sound should be over, with the allowance.
    ends_by: Instant,
}

/// Starts players; see the module doc. Dropping it stops the players still running.
pub struct Player {
    argv: Vec<OsString>,
    /// `None` when the files could not be written: then nothing plays.
    files: Option<SoundFiles>,
    /// Oldest first.
    playing: VecDeque<Playing>,
    /// Killed but not yet seen to exit.
    killed: Vec<Child>,
    /// A problem not yet shown, set once.
    warning: Option<String>,
    failed: bool,
}

impl Player {
    /// A player running `command`, the sounds' files written into `cache` (or a temporary
    /// directory). When they cannot be written it plays nothing and has a warning to give.
    pub fn new(command: PlayerCommand, cache: Option<&Path>) -> Player {
        let mut player = Player {
            argv: command.argv,
            files: None,
            playing: VecDeque::new(),
            killed: Vec::new(),
            warning: None,
            failed: false,
        };
        match SoundFiles::write(cache) {
            Ok(files) => player.files = Some(files),
            Err(e) => player.fail(format!("cannot write the sound files: {e}")),
        }
        player
    }

    fn program(&self) -> String {
        self.argv.first().map_or_else(String::new, |p| {
            Path::new(p)
                .file_name()
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned()
        })
    }

    /// Starts playing `sound` and returns at once, whatever the player then does. `false`
    /// when nothing was started because the player failed before: ring the bell instead.
    pub fn play(&mut self, sound: Sound) -> bool {
        self.reap();
        if self.failed {
            return false;
        }
        while self.playing.len() >= MAX_PLAYING {
            self.kill_oldest();
        }
        let (Some(files), Some((program, args))) = (&self.files, self.argv.split_first()) else {
            return false;
        };
        let spawned = Command::new(program)
            .args(args)
            .arg(files.path(sound))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own group: a terminal's Ctrl-C or Ctrl-Z does not reach it, and killing
            // the group takes any helper it started.
            .process_group(0)
            .spawn();
        match spawned {
            Ok(child) => {
                self.playing.push_back(Playing {
                    child,
                    ends_by: Instant::now() + sound.length() + FINISH_ALLOWANCE,
                });
                true
            }
            Err(e) => {
                let program = self.program();
                self.fail(format!("sound player `{program}` could not start: {e}"));
                false
            }
        }
    }

    fn kill_oldest(&mut self) {
        if let Some(mut oldest) = self.playing.pop_front() {
            kill_group(&oldest.child);
            if let Ok(None) = oldest.child.try_wait() {
                self.killed.push(oldest.child);
            }
        }
    }

    /// Collects players that have exited; one that exits with an error stops the sounds.
    fn reap(&mut self) {
        let mut failure = None;
        self.playing.retain_mut(|p| match p.child.try_wait() {
            Ok(Some(status)) => {
                // Killed players end by a signal, not with an error code.
                if status.code().is_some_and(|c| c != 0) {
                    failure = Some(status);
                }
                false
            }
            Ok(None) => true,
            Err(_) => false,
        });
        self.killed
            .retain_mut(|child| matches!(child.try_wait(), Ok(None)));
        if let Some(status) = failure {
            let program = self.program();
            self.fail(format!("sound player `{program}` failed ({status})"));
        }
    }

    fn fail(&mut self, message: String) {
        if !self.failed {
            self.failed = true;
            // The command is the user's text: shown, never obeyed by the terminal.
            let message = crate::text::clean(&message).into_owned();
            self.warning = Some(format!("{message}; the terminal bell rings instead"));
        }
    }

    /// A warning not yet shown, handed out once.
    pub fn take_warning(&mut self) -> Option<String> {
        self.reap();
        self.warning.take()
    }

    /// Lets the sounds already started play out (each at most its length and a second
    /// more), then stops the rest: for a coach about to exit, so the end sounds whole.
    pub fn finish(mut self) {
        loop {
            self.reap();
            let now = Instant::now();
            let Some(deadline) = self.playing.iter().map(|p| p.ends_by).max() else {
                return;
            };
            if deadline <= now {
                return;
            }
            std::thread::sleep(FINISH_POLL.min(deadline - now));
        }
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        while !self.playing.is_empty() {
            self.kill_oldest();
        }
        let deadline = Instant::now() + KILL_GRACE;
        while !self.killed.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
            self.reap();
        }
    }
}

/// Kills the player and everything in its process group (whose id is its pid).
fn kill_group(child: &Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: kill has no memory effects; the group is ours (the child is not yet
        // reaped, so its id cannot have been reused).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}
