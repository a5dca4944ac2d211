//! Plain mode's stdin, read as lines on a thread into the front ends' mailbox.

use std::io::{self, BufRead};

use crate::front::Inbox;

/// Lines that may wait for the loop; the reader waits beyond that.
pub const QUEUE: usize = 64;

/// What stdin gives the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line, without its line ending.
    Line(String),
    /// Stdin is at its end (or unreadable): nothing more will come from it.
    Eof,
}

/// Starts the thread that reads stdin into `inbox`.
pub fn start(inbox: Inbox<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("stdin".into())
        .spawn(move || read_lines(io::stdin().lock(), &inbox))?;
    Ok(())
}

/// Sends each line of `reader`, then `Eof` (also on a read error: nothing more will come).
fn read_lines(mut reader: impl BufRead, inbox: &Inbox<Input>) {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let text = String::from_utf8_lossy(&buf);
                let line = text.trim_end_matches(['\n', '\r']).to_string();
                if !inbox.send(Input::Line(line)) {
                    return;
                }
            }
        }
    }
    inbox.send(Input::Eof);
}
