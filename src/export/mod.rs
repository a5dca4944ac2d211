//! `limberup history --format csv|ics`: the history as a spreadsheet or a calendar, one row
//! or event per session, a resumed session's records joined into one as `history` counts it.

mod csv;
mod ics;
mod joined;

use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, TimeZone};

pub use csv::{HEADER, write_csv};
pub use ics::write_ics;
pub use joined::{Joined, Sessions};

use crate::history::{self, HistoryError, Skips};

/// The formats `history --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values, one row per session, with a header row.
    Csv,
    /// iCalendar (RFC 5545), one event per session.
    Ics,
}

/// Reads the history at `path` and writes its sessions on or after `since` (a resumed
/// session by its first start's date in `tz`) to `out` in `format`; returns the skipped
/// lines and how writing went (a closed pipe is the caller's to judge).
pub fn write<Tz: TimeZone>(
    path: &Path,
    tz: &Tz,
    since: Option<NaiveDate>,
    format: Format,
    out: &mut impl Write,
) -> Result<(Skips, std::io::Result<()>), HistoryError> {
    let mut sessions = Sessions::default();
    let skipped = history::read(path, |r| sessions.add(r))?;
    let list = sessions.since(since, tz);
    let written = match format {
        Format::Csv => write_csv(&list, out),
        Format::Ics => write_ics(&list, out),
    };
    Ok((skipped, written))
}
