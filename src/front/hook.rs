//! Runs the config's `hook` command at session events, as the sound players are run: never
//! on the session's loop (a thread of its own starts them one at a time, in order), each in
//! its own process group, killed with its group when it runs past `TIMEOUT` or when the
//! session's process exits; a failure is warned of once.

use std::io::Write;
use std::os::fd::AsRawFd as _;
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long one hook may run before it is killed: hooks are for quick notes (a bar's
/// refresh, a log line), and a hung one must not hold back the events after it.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How long the events still queued at exit (the session's end) get to run.
pub const GRACE: Duration = Duration::from_secs(2);
/// Events waiting for their hook; past this a slow hook misses events (and says so).
const QUEUE: usize = 64;
/// How often the hook thread looks whether its hook has exited.
const POLL: Duration = Duration::from_millis(5);

/// One event for the hook: its `LIMBERUP_*` variables and its JSON line for stdin.
#[derive(Debug, Clone, PartialEq)]
pub struct HookCall {
    pub env: Vec<(String, String)>,
    pub json: String,
}

#[derive(Default)]
struct Shared {
    /// The first failure, not yet handed out.
    warning: Option<String>,
    warned: bool,
    /// Set when the session's process is about to exit: hooks running past it are killed.
    stop_at: Option<Instant>,
}

impl Shared {
    fn fail(&mut self, message: String) {
        if !std::mem::replace(&mut self.warned, true) {
            self.warning = Some(crate::text::clean(&message).into_owned());
        }
    }
}

/// Hands events to the hook thread; dropping it lets the queue run out (for `GRACE` at
/// most) and kills what still runs.
pub struct Hooks {
    tx: Option<SyncSender<HookCall>>,
    thread: Option<JoinHandle<()>>,
    shared: Arc<Mutex<Shared>>,
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks").finish_non_exhaustive()
    }
}

impl Hooks {
    /// Hooks running `argv` (a command and its arguments) with `env` added to each.
    pub fn new(argv: Vec<String>) -> Hooks {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (tx, rx) = mpsc::sync_channel(QUEUE);
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("hooks".into())
            .spawn(move || run_all(&argv, &rx, &worker));
        let mut hooks = Hooks {
            tx: Some(tx),
            thread: None,
            shared,
        };
        match thread {
            Ok(handle) => hooks.thread = Some(handle),
            Err(e) => hooks.fail(format!("cannot start the hook thread: {e}")),
        }
        hooks
    }

    fn fail(&self, message: String) {
        if let Ok(mut shared) = self.shared.lock() {
            shared.fail(message);
        }
    }

    /// Queues `call` and returns at once; a full queue drops it, with a warning.
    pub fn send(&self, call: HookCall) {
        if let Some(tx) = &self.tx
            && let Err(TrySendError::Full(_)) = tx.try_send(call)
        {
            self.fail("the hook is too slow: events were left out".to_string());
        }
    }

    /// A failure not yet shown, handed out once.
    pub fn take_warning(&self) -> Option<String> {
        self.shared.lock().ok().and_then(|mut s| s.warning.take())
    }
}

impl Drop for Hooks {
    fn drop(&mut self) {
        if let Ok(mut shared) = self.shared.lock() {
            shared.stop_at = Some(Instant::now() + GRACE);
        }
        drop(self.tx.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The hook thread: each call in turn until the channel closes.
fn run_all(argv: &[String], rx: &Receiver<HookCall>, shared: &Mutex<Shared>) {
    let Some((program, args)) = argv.split_first() else {
        return;
    };
    let stopped = || {
        shared
            .lock()
            .ok()
            .and_then(|s| s.stop_at)
            .is_some_and(|at| Instant::now() >= at)
    };
    for call in rx {
        if stopped() {
            continue;
        }
        let spawned = Command::new(program)
            .args(args)
            .envs(call.env)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(e) => {
                if let Ok(mut s) = shared.lock() {
                    s.fail(format!("hook `{program}` could not start: {e}"));
                }
                continue;
            }
        };
        feed(&mut child, &call.json);
        let started = Instant::now();
        let failure = loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => break None,
                Ok(Some(status)) => break Some(format!("hook `{program}` failed ({status})")),
                Ok(None) if stopped() => {
                    kill_group(&mut child);
                    break None;
                }
                Ok(None) if started.elapsed() > TIMEOUT => {
                    kill_group(&mut child);
                    break Some(format!(
                        "hook `{program}` ran longer than {} s and was stopped",
                        TIMEOUT.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(POLL),
                Err(e) => break Some(format!("hook `{program}`: {e}")),
            }
        };
        if let (Some(message), Ok(mut s)) = (failure, shared.lock()) {
            s.fail(message);
        }
    }
}

/// Writes the event's JSON line to the hook's stdin without ever waiting on it (a hook
/// that does not read gets what fits in the pipe), then closes it.
fn feed(child: &mut Child, json: &str) {
    if let Some(mut stdin) = child.stdin.take() {
        let fd = stdin.as_raw_fd();
        // SAFETY: fcntl on a descriptor we own changes only its flags.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let _ = stdin.write_all(json.as_bytes());
        let _ = stdin.write_all(b"\n");
    }
}

/// Kills the hook and everything in its process group (whose id is its pid), and reaps it.
fn kill_group(child: &mut Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: kill has no memory effects; the group is ours (the child is not yet
        // reaped, so its id cannot have been reused).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.wait();
}
