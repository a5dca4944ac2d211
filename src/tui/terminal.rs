//! The terminal's modes: raw mode + alternate screen in and out on every exit path (panic
//! included), suspend/resume, and key input read on a thread (blocked in `event::read`)
//! into the front ends' shared mailbox, where signals arrive too, so the loop sleeps until
//! one of them or a deadline and never polls.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
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

use crate::front::{self, Inbox};

pub(crate) type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// What the terminal gives the loop.
#[derive(Debug)]
pub(crate) enum Input {
    Event(Event),
    /// The terminal stopped giving input (it is gone); the text says why.
    Gone(String),
}

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal in raw mode on the alternate screen with the cursor hidden, after
/// installing a panic hook that restores it before the panic message prints. The viewport
/// is fixed at the terminal's present size, so a draw does not ask the terminal for its size
/// (crossterm opens /dev/tty for each ask: three system calls a frame, which counts at 12
/// frames a second). The caller resizes on `Event::Resize`: crossterm starts listening for
/// resizes here, before the size is read, so none can fall between the two unseen.
pub(crate) fn enter_fixed() -> io::Result<Term> {
    let backend = backend()?;
    event::poll(std::time::Duration::ZERO)?;
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
pub(crate) fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
    }
}

/// Lets go of the terminal after `restore`. Dropping a ratatui `Terminal` that hid the
/// cursor shows it again and reports a failure with `eprintln!`, which panics when stderr is
/// the same terminal and it has gone (SIGHUP): then skip that drop.
pub(crate) fn release(mut term: Term) {
    if term.show_cursor().is_err() {
        std::mem::forget(term);
    }
}

/// Restores the terminal when dropped, so an early `?` return cannot leave it raw.
pub(crate) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Hands the terminal back to the shell and stops the process (as Ctrl-Z would outside raw
/// mode); on `fg` re-enters and forces a full redraw.
pub(crate) fn suspend(term: &mut Term) -> io::Result<()> {
    restore();
    front::stop_process()?;
    enable()?;
    redraw_all(term)
}

/// Makes the next draw repaint every cell (after a suspend, or when something else wrote
/// to the screen). `resize`, not `clear`: `clear` asks the terminal for the cursor position
/// and hangs where nothing answers.
pub(crate) fn redraw_all(term: &mut Term) -> io::Result<()> {
    let area = term.size()?;
    term.resize(area.into())
}

/// Rings the terminal bell.
pub(crate) fn bell(term: &mut Term) {
    let out = term.backend_mut();
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// Starts forwarding terminal input to `inbox` (once per process: the reader is global).
pub(crate) fn forward_input(inbox: Inbox<Input>) -> io::Result<()> {
    static STARTED: OnceLock<()> = OnceLock::new();
    if STARTED.set(()).is_err() {
        return Ok(());
    }
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(event) => Input::Event(event),
                    Err(e) => Input::Gone(e.to_string()),
                };
                let gone = matches!(input, Input::Gone(_));
                if !inbox.send(input) || gone {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Why the full-screen coach cannot run here, if it cannot: stdout is not a terminal, the
/// terminal cannot draw a screen (`TERM=dumb`), or there is no terminal to read keys from
/// (stdin is not one and there is no controlling terminal to open instead).
pub fn unusable() -> Option<String> {
    if !io::stdout().is_terminal() {
        return Some("stdout is not a terminal".into());
    }
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        return Some("TERM is dumb".into());
    }
    if !io::stdin().is_terminal()
        && let Err(e) = std::fs::File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")
    {
        return Some(format!("no terminal to read keys from: /dev/tty: {e}"));
    }
    None
}
