//! What both front ends (the TUI and plain mode) share around the session machine: the
//! signals they catch, one mailbox that wakes their loop for a signal, an input or a
//! deadline (signals first, however much input waits), the announcer that plays and says
//! the cues, the shell that begins a session (new or resumed) with the keeper that gives
//! its record an identity and keeps it resumable, and the crash path that records the
//! session so far when their loop panics.

mod announce;
mod crash;
mod hook;
mod keep;
mod publish;
pub mod resume;
pub mod shell;

pub use announce::Announcer;
pub use crash::{CRASH_EXIT, catch};
pub use hook::{GRACE, TIMEOUT};
pub use keep::Keeper;
pub use publish::{Publisher, Reach};

/// Said when a signal (Ctrl-C) stops a session whose state was kept for resuming.
pub const RESUME_HINT: &str =
    "the session stopped; `limberup resume` takes it up at the step it stopped in";

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::time::Instant;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// A signal the loop acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    /// SIGINT, SIGTERM or SIGHUP: record the session as interrupted, exit 128 + the signal.
    Stop(i32),
    /// SIGTSTP (Ctrl-Z outside raw mode, or `kill -TSTP`): pause, then really stop.
    Suspend,
    /// SIGCONT: back from a stop; whoever stopped us may have drawn over the screen.
    Continue,
}

/// What wakes a front end's loop besides a deadline.
#[derive(Debug)]
pub(crate) enum Msg<I> {
    Signal(Signal),
    Input(I),
}

/// The loop's one place to wait. Inputs queue in a bounded channel, so a reader that gets
/// ahead of the loop waits instead of growing memory; signals have a channel of their own
/// that is looked at before every input, so they never wait behind queued input.
pub(crate) struct Mailbox<I> {
    signals: Receiver<Signal>,
    /// `None` is a wake-up from the signal thread: look at `signals`.
    inputs: Receiver<Option<I>>,
    /// Keeps the input channel open whatever the threads do, so waiting never spins.
    tx: SyncSender<Option<I>>,
}

/// Where a reader thread hands inputs to the loop.
pub(crate) struct Inbox<I>(SyncSender<Option<I>>);

impl<I> Inbox<I> {
    /// Queues `input`, waiting while the mailbox is full; false once the loop has gone.
    pub(crate) fn send(&self, input: I) -> bool {
        self.0.send(Some(input)).is_ok()
    }
}

impl<I: Send + 'static> Mailbox<I> {
    /// Catches the signals from here on; up to `capacity` inputs can wait. A second stop
    /// signal while the first is being handled ends the process at once (128 + signal), so
    /// a hung front end can always be stopped.
    pub(crate) fn open(capacity: usize) -> io::Result<Mailbox<I>> {
        let stopping = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal_hook::flag::register_conditional_shutdown(
                sig,
                128 + sig,
                Arc::clone(&stopping),
            )?;
            signal_hook::flag::register(sig, Arc::clone(&stopping))?;
        }
        let mut caught = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
        let (signal_tx, signals) = mpsc::channel();
        let (tx, inputs) = mpsc::sync_channel(capacity);
        let wake = tx.clone();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for sig in caught.forever() {
                    let signal = match sig {
                        SIGTSTP => Signal::Suspend,
                        SIGCONT => Signal::Continue,
                        stop => Signal::Stop(stop),
                    };
                    if signal_tx.send(signal).is_err() {
                        return;
                    }
                    // When the mailbox is full the loop is awake anyway, and sees the signal
                    // before the next input.
                    let _ = wake.try_send(None);
                }
            })?;
        Ok(Mailbox {
            signals,
            inputs,
            tx,
        })
    }

    /// A handle for a reader thread.
    pub(crate) fn inbox(&self) -> Inbox<I> {
        Inbox(self.tx.clone())
    }

    /// The next signal or input, or `None` once `until` has passed; without `until`,
    /// waits for one.
    pub(crate) fn wait(&self, until: Option<Instant>) -> Option<Msg<I>> {
        loop {
            if let Ok(signal) = self.signals.try_recv() {
                return Some(Msg::Signal(signal));
            }
            let next = match until {
                Some(t) => self
                    .inputs
                    .recv_timeout(t.saturating_duration_since(Instant::now()))
                    .ok(),
                // Never disconnected: the mailbox holds a sender.
                None => self.inputs.recv().ok(),
            };
            match next {
                Some(Some(input)) => return Some(Msg::Input(input)),
                Some(None) => {}
                None => return self.signals.try_recv().ok().map(Msg::Signal),
            }
        }
    }

    /// The next signal or input if one is already waiting.
    pub(crate) fn try_next(&self) -> Option<Msg<I>> {
        loop {
            if let Ok(signal) = self.signals.try_recv() {
                return Some(Msg::Signal(signal));
            }
            match self.inputs.try_recv() {
                Ok(Some(input)) => return Some(Msg::Input(input)),
                Ok(None) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return None,
            }
        }
    }
}

/// Stops the process as SIGTSTP's default action would, until SIGCONT. SIGTSTP itself is
/// caught (so an outside `kill -TSTP` goes through the loop, which pauses first).
pub(crate) fn stop_process() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

/// Test builds only (feature `fault-injection`): panics here when `LIMBERUP_FAULT` is set,
/// as a bug in a front end's loop would; the crash path is tested through it.
pub(crate) fn fault_point() {
    #[cfg(feature = "fault-injection")]
    if std::env::var_os("LIMBERUP_FAULT").is_some() {
        panic!("injected fault (LIMBERUP_FAULT)");
    }
}
