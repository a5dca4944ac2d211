//! The terminal's modes and the outside world: raw mode + alternate screen in and out on
//! every exit path (panic included), suspend/resume, and one channel that carries both key
//! input (a thread blocked in `event::read`) and signals (a thread blocked on the signal
//! pipe), so the loop sleeps until one of them or a deadline and never polls.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Once, OnceLock};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// What wakes the loop.
#[derive(Debug)]
pub enum Msg {
    Input(Event),
    Signal(i32),
    /// The terminal stopped giving input (it is gone); the text says why.
    InputGone(String),
}

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal in raw mode on the alternate screen with the cursor hidden, after
/// installing a panic hook that restores it before the panic message prints.
pub fn enter() -> io::Result<Term> {
    Terminal::new(backend()?)
}

/// As `enter`, with the viewport fixed at the terminal's present size, so a draw does not ask
/// the terminal for its size (crossterm opens /dev/tty for each ask: three system calls a
/// frame, which counts at 12 frames a second). The caller resizes on `Event::Resize`.
pub fn enter_fixed() -> io::Result<Term> {
    let backend = backend()?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
}

/// The panic hook, raw mode and the alternate screen, and a backend writing one piece a
/// frame.
fn backend() -> io::Result<CrosstermBackend<BufWriter<Stdout>>> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    enable()?;
    // One write per frame: the backend flushes after each draw.
    Ok(CrosstermBackend::new(BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))
}

fn enable() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, Hide)
}

/// Leaves raw mode and the alternate screen and shows the cursor, once; write errors are
/// ignored (after SIGHUP the terminal may be gone).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
    }
}

/// Lets go of the terminal after `restore`. Dropping a ratatui `Terminal` that hid the
/// cursor shows it again and reports a failure with `eprintln!`, which panics when stderr is
/// the same terminal and it has gone (SIGHUP): then skip that drop.
pub fn release(mut term: Term) {
    if term.show_cursor().is_err() {
        std::mem::forget(term);
    }
}

/// Restores the terminal when dropped, so an early `?` return cannot leave it raw.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Hands the terminal back to the shell and stops the process (as Ctrl-Z would outside raw
/// mode); on `fg` re-enters and forces a full redraw.
pub fn suspend(term: &mut Term) -> io::Result<()> {
    restore();
    // SIGTSTP itself is caught (so an outside `kill -TSTP` suspends cleanly too): stop with
    // what its default action does.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enable()?;
    redraw_all(term)
}

/// Makes the next draw repaint every cell (after a suspend, or when something else wrote
/// to the screen). `resize`, not `clear`: `clear` asks the terminal for the cursor position
/// and hangs where nothing answers.
pub fn redraw_all(term: &mut Term) -> io::Result<()> {
    let area = term.size()?;
    term.resize(area.into())
}

/// Rings the terminal bell.
pub fn bell(term: &mut Term) {
    let out = term.backend_mut();
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// The channel the loop waits on; signals are caught from here on.
pub fn channel_with_signals() -> io::Result<(Sender<Msg>, Receiver<Msg>)> {
    let (tx, rx) = channel();
    let stopping = Arc::new(AtomicBool::new(false));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        // A second signal while the first is still being handled ends the process at once,
        // so a hung app can always be stopped.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&stopping))?;
        signal_hook::flag::register(sig, Arc::clone(&stopping))?;
    }
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    let signal_tx = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if signal_tx.send(Msg::Signal(sig)).is_err() {
                    return;
                }
            }
        })?;
    Ok((tx, rx))
}

/// Starts forwarding terminal input to `tx` (once per process: the reader is global).
pub fn forward_input(tx: Sender<Msg>) -> io::Result<()> {
    static STARTED: OnceLock<()> = OnceLock::new();
    if STARTED.set(()).is_err() {
        return Ok(());
    }
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(event) => Msg::Input(event),
                    Err(e) => Msg::InputGone(e.to_string()),
                };
                let gone = matches!(msg, Msg::InputGone(_));
                if tx.send(msg).is_err() || gone {
                    return;
                }
            }
        })?;
    Ok(())
}
