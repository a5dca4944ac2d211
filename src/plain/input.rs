//! Plain mode's stdin, read as lines on a thread into the front ends' mailbox, bounded so
//! that no input can hang the coach or eat memory: a line is kept up to `MAX_LINE` bytes
//! (longer is one unknown command, its rest skipped unkept), stdin that is not lines at all
//! is given up on, and answers to unknown commands are rate-limited.

use std::io::{self, BufRead};
use std::time::{Duration, Instant};

use crate::front::Inbox;

/// The longest line kept; no command is near it.
pub(crate) const MAX_LINE: usize = 4096;

/// Skipping more than this in one line means stdin is not lines of text (`< /dev/zero`):
/// stop reading it instead of spinning on it for the whole session.
pub(crate) const MAX_SKIP: u64 = 1 << 20;

/// Lines that may wait for the loop; the reader waits beyond that.
pub(crate) const QUEUE: usize = 64;

/// At most one answer to unknown commands per this long.
pub(crate) const ANSWER_GAP: Duration = Duration::from_secs(1);

/// What stdin gives the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// A line, without its line ending.
    Line(String),
    /// A line over `MAX_LINE` bytes: an unknown command. The rest of it is skipped.
    TooLong,
    /// Stdin is at its end (or unreadable): nothing more will come from it.
    Eof,
    /// Over `MAX_SKIP` bytes without a line break: stdin is not read any further.
    NotText,
}

/// Starts the thread that reads stdin into `inbox`.
pub(crate) fn start(inbox: Inbox<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("stdin".into())
        .spawn(move || {
            let mut lines = Lines::new(io::stdin().lock());
            loop {
                let input = lines.next_input();
                let last = matches!(input, Input::Eof | Input::NotText);
                if !inbox.send(input) || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Splits a reader into lines of at most `MAX_LINE` bytes, never holding more than that
/// (plus the reader's own buffer) whatever comes in.
pub(crate) struct Lines<R> {
    reader: R,
    line: Vec<u8>,
    /// The line under way was too long: skip to its end first.
    skipping: bool,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            line: Vec::with_capacity(MAX_LINE),
            skipping: false,
        }
    }

    /// The next line or the end of input.
    pub(crate) fn next_input(&mut self) -> Input {
        if self.skipping {
            if let Some(end) = self.skip_line() {
                return end;
            }
            self.skipping = false;
        }
        self.line.clear();
        loop {
            let buf = match self.reader.fill_buf() {
                Ok([]) if self.line.is_empty() => return Input::Eof,
                // A last line without a line break.
                Ok([]) => return self.take_line(),
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return Input::Eof,
            };
            let newline = buf.iter().position(|&b| b == b'\n');
            let chunk = &buf[..newline.unwrap_or(buf.len())];
            if self.line.len() + chunk.len() > MAX_LINE {
                self.skipping = true;
                return Input::TooLong;
            }
            self.line.extend_from_slice(chunk);
            let used = chunk.len() + usize::from(newline.is_some());
            self.reader.consume(used);
            if newline.is_some() {
                return self.take_line();
            }
        }
    }

    /// Reads past the end of the current line; the end of input if it comes first.
    fn skip_line(&mut self) -> Option<Input> {
        let mut skipped = 0u64;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok([]) => return Some(Input::Eof),
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return Some(Input::Eof),
            };
            if let Some(i) = buf.iter().position(|&b| b == b'\n') {
                self.reader.consume(i + 1);
                return None;
            }
            let n = buf.len();
            self.reader.consume(n);
            skipped += n as u64;
            if skipped > MAX_SKIP {
                return Some(Input::NotText);
            }
        }
    }

    fn take_line(&mut self) -> Input {
        let text = String::from_utf8_lossy(&self.line);
        Input::Line(text.trim_end_matches('\r').to_string())
    }
}

/// Answers unknown commands at most once per `ANSWER_GAP`, so bad input in bulk
/// (`yes garbage |`) cannot flood the output; the ones left unanswered are counted in the
/// next answer, or at the end.
#[derive(Debug, Default)]
pub(crate) struct Answers {
    answered_at: Option<Instant>,
    unanswered: u64,
}

impl Answers {
    /// The line to print for the unknown command `message` at `now`, if one is due.
    pub(crate) fn unknown(&mut self, message: String, now: Instant) -> Option<String> {
        if self
            .answered_at
            .is_some_and(|t| now.saturating_duration_since(t) < ANSWER_GAP)
        {
            self.unanswered += 1;
            return None;
        }
        self.answered_at = Some(now);
        Some(match std::mem::take(&mut self.unanswered) {
            0 => message,
            n => format!("{message} ({})", unanswered(n)),
        })
    }

    /// How many unknown commands went unanswered since the last answer, if any did.
    pub(crate) fn leftover(&mut self) -> Option<String> {
        match std::mem::take(&mut self.unanswered) {
            0 => None,
            n => Some(unanswered(n)),
        }
    }
}

fn unanswered(n: u64) -> String {
    match n {
        1 => "1 more unknown command went unanswered".to_string(),
        n => format!("{n} more unknown commands went unanswered"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(bytes: &[u8]) -> Vec<Input> {
        let mut lines = Lines::new(bytes);
        let mut out = Vec::new();
        loop {
            let input = lines.next_input();
            let last = matches!(input, Input::Eof | Input::NotText);
            out.push(input);
            if last {
                return out;
            }
        }
    }

    fn line(text: &str) -> Input {
        Input::Line(text.to_string())
    }

    #[test]
    fn lines_lose_their_endings_and_a_last_line_needs_no_break() {
        assert_eq!(
            inputs(b"n\r\n\nq"),
            [line("n"), line(""), line("q"), Input::Eof]
        );
    }

    #[test]
    fn a_line_at_the_limit_is_kept_and_one_over_is_too_long_and_skipped() {
        let at = "a".repeat(MAX_LINE);
        let over = "b".repeat(MAX_LINE + 1);
        let text = format!("{at}\n{over}\nq\n{over}");
        assert_eq!(
            inputs(text.as_bytes()),
            [
                line(&at),
                Input::TooLong,
                line("q"),
                Input::TooLong,
                Input::Eof
            ]
        );
    }

    /// A reader with a small buffer: lines cross its refills.
    #[test]
    fn lines_across_buffer_refills_are_whole() {
        let long = "c".repeat(MAX_LINE);
        let text = format!("p\n{long}\n{long}c\nn\n");
        let reader = io::BufReader::with_capacity(7, text.as_bytes());
        let mut lines = Lines::new(reader);
        let got: Vec<Input> = (0..5).map(|_| lines.next_input()).collect();
        assert_eq!(
            got,
            [
                line("p"),
                line(&long),
                Input::TooLong,
                line("n"),
                Input::Eof
            ]
        );
    }

    /// `< /dev/zero`: one unknown command, then stdin is given up on, the line buffer never
    /// larger than a line.
    #[test]
    fn endless_bytes_without_a_break_are_given_up_on_in_bounded_memory() {
        let mut lines = Lines::new(io::BufReader::new(io::repeat(0)));
        let capacity = lines.line.capacity();
        assert_eq!(lines.next_input(), Input::TooLong);
        assert_eq!(lines.next_input(), Input::NotText);
        assert_eq!(lines.line.capacity(), capacity);
        assert!(capacity < 2 * MAX_LINE, "{capacity}");
    }

    #[test]
    fn unknown_commands_are_answered_at_most_once_per_gap_and_the_rest_counted() {
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        let mut answers = Answers::default();
        let mut say = |ms| answers.unknown("Unknown x".to_string(), at(ms));
        assert_eq!(say(0).as_deref(), Some("Unknown x"));
        assert_eq!(say(10), None);
        assert_eq!(say(999), None);
        assert_eq!(
            say(1000).as_deref(),
            Some("Unknown x (2 more unknown commands went unanswered)")
        );
        assert_eq!(say(1500), None);
        assert_eq!(
            answers.leftover().as_deref(),
            Some("1 more unknown command went unanswered")
        );
        assert_eq!(answers.leftover(), None);
        assert_eq!(
            answers.unknown("Unknown y".into(), at(5000)).as_deref(),
            Some("Unknown y")
        );
    }
}
