//! `limberup status [--json | --waybar | --i3bar | --format TEMPLATE] [--follow]`: the running
//! session's line, exit status 1 (nothing printed) when none runs; with `--follow`, a line
//! at each change of the status file, for bars that keep the command running.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use chrono::Utc;

use super::{Line, Status, read, render, status_file};

/// How often `--follow` looks at the file: the file changes at phase changes only, so a
/// fifth of a second late is soon enough for a bar, and costs nothing.
const POLL: Duration = Duration::from_millis(200);

/// What `status` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub line: Line,
    pub follow: bool,
}

/// Runs the command with the status file at its usual place.
pub fn command(style: &Style) -> anyhow::Result<ExitCode> {
    let path = status_file();
    let current = || path.as_deref().and_then(read);
    let out = std::io::stdout();
    if !style.follow {
        let Some(status) = current() else {
            return Ok(ExitCode::from(1));
        };
        let mut out = out.lock();
        writeln!(out, "{}", render(&status, &style.line, Utc::now()))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if style.line == Line::I3bar {
        // The i3bar protocol: a header, then an endless array of status lines.
        let mut out = out.lock();
        writeln!(out, "{{\"version\":1}}\n[")?;
        out.flush()?;
    }
    let mut shown: Option<Option<Status>> = None;
    loop {
        let status = current();
        if shown.as_ref() != Some(&status) {
            let mut out = out.lock();
            writeln!(out, "{}", follow_line(status.as_ref(), &style.line))?;
            out.flush()?;
            shown = Some(status);
        }
        std::thread::sleep(POLL);
    }
}

/// The line `--follow` prints for `status` (`None`: no session, which empties the bar).
fn follow_line(status: Option<&Status>, line: &Line) -> String {
    let now = Utc::now();
    match (status, line) {
        (Some(s), Line::I3bar) => format!("[{}],", render(s, line, now)),
        (Some(s), _) => render(s, line, now),
        (None, Line::I3bar) => "[],".to_string(),
        (None, Line::Waybar) => r#"{"text":"","class":"idle"}"#.to_string(),
        (None, Line::Json) => "null".to_string(),
        (None, Line::Text(_)) => String::new(),
    }
}
