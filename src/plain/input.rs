//! Everything the plain coach waits for, on one channel: lines from stdin (read on a thread)
//! and signals (from signal-hook's iterator thread). The loop blocks on it until the
//! session's next deadline, so it never spins.

use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Instant;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// One thing that happened outside the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line from stdin, without its line ending.
    Line(String),
    /// Stdin is at its end: nothing more will come from it.
    Eof,
    /// SIGINT, SIGTERM or SIGHUP: stop and record the session as interrupted.
    Stop(i32),
    /// SIGTSTP (Ctrl-Z): pause, then really suspend.
    Suspend,
}

pub struct Inputs {
    rx: Receiver<Input>,
    /// Keeps the channel open whatever the threads do, so waiting never turns into a spin.
    _tx: Sender<Input>,
}

impl Inputs {
    /// Starts the stdin reader and the signal thread. A second stop signal while the first
    /// is being handled ends the process at once (128 + signal), as a hung program should.
    pub fn start() -> std::io::Result<Inputs> {
        let (tx, rx) = mpsc::channel();
        let stopping = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, stopping.clone())?;
            signal_hook::flag::register(sig, stopping.clone())?;
        }
        let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP])?;
        let signal_tx = tx.clone();
        std::thread::spawn(move || {
            for sig in signals.forever() {
                let input = if sig == SIGTSTP {
                    Input::Suspend
                } else {
                    Input::Stop(sig)
                };
                if signal_tx.send(input).is_err() {
                    return;
                }
            }
        });
        let line_tx = tx.clone();
        std::thread::spawn(move || read_lines(std::io::stdin().lock(), &line_tx));
        Ok(Inputs { rx, _tx: tx })
    }

    /// The next input, or `None` once `until` has passed; with no `until`, waits for input.
    pub fn wait(&self, until: Option<Instant>) -> Option<Input> {
        match until {
            Some(t) => self
                .rx
                .recv_timeout(t.saturating_duration_since(Instant::now()))
                .ok(),
            None => self.rx.recv().ok(),
        }
    }
}

/// Sends each line of `reader`, then `Eof` (also on a read error: nothing more will come).
fn read_lines(mut reader: impl BufRead, tx: &Sender<Input>) {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let text = String::from_utf8_lossy(&buf);
                let line = text.trim_end_matches(['\n', '\r']).to_string();
                if tx.send(Input::Line(line)).is_err() {
                    return;
                }
            }
        }
    }
    let _ = tx.send(Input::Eof);
}
