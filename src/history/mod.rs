//! The session history: one JSON line per session record or check-in answer, only ever
//! appended (one write per line, then fsync, under a file lock), and read back as a stream
//! that joins answers to their sessions and skips torn, garbage or impossible lines.

mod compact;
mod error;
mod file;
mod join;
mod lines;

use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;

pub use error::{HistoryError, Op};
pub use file::LockWait;
pub use join::WINDOW;
pub use lines::{MAX_LINE, MAX_SECS, YEARS};

use crate::checkin::Answer;
use crate::progress::Manual;
use crate::session::SessionRecord;
use lines::{Entry, Raw};

/// How long a writer waits for another's lock before writing without it. A writer holds it
/// for one write and an fsync, milliseconds; a lock held longer belongs to a stuck process,
/// and a finished session matters more than the lock.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);
/// Skipped lines kept by name; past this they are only counted.
const KEEP_SKIPPED: usize = 100;

/// A line to append.
#[derive(Debug, Clone, Copy)]
pub enum Line<'a> {
    /// A session's record, written as soon as it ends.
    Session(&'a SessionRecord),
    /// A check-in answer, `{"check_in": {...}}`, written when the question is answered.
    CheckIn(&'a Answer),
    /// A manual progress change, `{"progress": {...}}` (`limberup progress set|reset`).
    Progress(&'a Manual),
}

/// A history line that could not be read; every other line still is.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// 1-based line number in the file.
    pub line: usize,
    pub reason: String,
}

impl Skipped {
    /// The warning to show: `path:line: skipped: reason`, as compilers name places, on
    /// one line: the reason quotes the file (serde's messages echo its values), so it is
    /// shown through `text::clean`.
    pub fn warning(&self, path: &Path) -> String {
        let line = format!("{}:{}: skipped: {}", path.display(), self.line, self.reason);
        crate::text::clean(&line).into_owned()
    }
}

/// The lines skipped in a read: the first `KEEP_SKIPPED` by name, all of them counted (a
/// corrupt file of millions of bad lines must not fill memory with reasons).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Skips {
    pub(crate) first: Vec<Skipped>,
    pub total: usize,
}

impl Skips {
    fn push(&mut self, skipped: Skipped) {
        if self.first.len() < KEEP_SKIPPED {
            self.first.push(skipped);
        }
        self.total += 1;
    }
}

/// The records of a history file, with check-ins joined, and what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<SessionRecord>,
    /// The first skipped lines (all of them up to `KEEP_SKIPPED`).
    pub skipped: Vec<Skipped>,
    pub skipped_total: usize,
}

/// Checks at the start of a session that the history can be written, so the warning comes
/// before the exercise rather than after it. Creates the file (empty) if needed.
pub fn probe(path: &Path) -> Result<(), HistoryError> {
    file::open_for_append(path).map(drop)
}

/// Appends `record` (waiting for another writer's lock without a word; the app says so
/// through `write`).
pub fn append(path: &Path, record: &SessionRecord) -> Result<(), HistoryError> {
    write(path, Line::Session(record), LOCK_WAIT, &mut |_| {})
}

/// Appends `line`. A previous writer's torn last line is closed off first, so the new line
/// always starts on a line of its own. While another process holds the lock, `notify`
/// hears of it; after `limit` the line is written anyway.
pub fn write(
    path: &Path,
    line: Line<'_>,
    limit: Duration,
    notify: &mut dyn FnMut(LockWait),
) -> Result<(), HistoryError> {
    let mut text = lines::encode(line)?;
    text.push('\n');
    let (mut file, _) = file::open_for_append(path)?;
    let locked = file::lock(&file, path, limit, notify)?;
    let len = file
        .seek(SeekFrom::End(0))
        .map_err(HistoryError::io(Op::Read, path))?;
    // Without the lock another line may be half-written at the end: start afresh (a blank
    // line is skipped when read).
    let fresh = if locked {
        ends_with_newline(&mut file, len).map_err(HistoryError::io(Op::Read, path))?
    } else {
        len == 0
    };
    if !fresh {
        text.insert(0, '\n');
    }
    file.write_all(text.as_bytes())
        .map_err(HistoryError::io(Op::Write, path))?;
    file.sync_data().map_err(HistoryError::io(Op::Sync, path))?;
    if len == 0 {
        // The first line: make the new file's directory entry durable too.
        sync_dir(path);
    }
    Ok(())
}

/// Best-effort fsync of the directory holding `path` (not possible on every platform).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent() {
        let _ = crate::disk::sync_dir(dir);
    }
}

/// True for an empty file or one whose last byte is a newline.
fn ends_with_newline(file: &mut std::fs::File, len: u64) -> std::io::Result<bool> {
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Streams the records of `reader` into `each`, one line at a time, check-ins joined, so a
/// history of any size is read in bounded memory. `report` says whether skipped lines are
/// named (a read that starts mid-file cannot tell an orphan check-in from a late one).
fn stream(
    reader: impl Read,
    report: bool,
    each: impl FnMut(SessionRecord),
    manual: &mut dyn FnMut(Manual),
) -> std::io::Result<Skips> {
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let mut buf = Vec::with_capacity(4096);
    let mut skips = Skips::default();
    let mut joiner = join::Joiner::new(each);
    let mut line = 1;
    while let Some(raw) = lines::next_line(&mut reader, &mut buf)? {
        let outcome = match raw {
            Raw::TooLong { len, nul_only } => Some(Err(lines::too_long(len, nul_only))),
            Raw::Line => lines::parse_line(&buf),
        };
        let skipped = match outcome {
            None => None,
            Some(Ok(Entry::Session(record))) => {
                joiner.record(*record);
                None
            }
            Some(Ok(Entry::CheckIn(answer))) => joiner.check_in(answer).err(),
            Some(Ok(Entry::Progress(change))) => {
                manual(change);
                None
            }
            Some(Err(reason)) => Some(reason),
        };
        if let (true, Some(reason)) = (report, skipped) {
            skips.push(Skipped { line, reason });
        }
        line += 1;
    }
    joiner.finish();
    Ok(skips)
}

/// Parses history text; bad lines are skipped and named.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut records = Vec::new();
    let skips = stream(bytes, true, |r| records.push(r), &mut |_| {}).unwrap_or_default();
    Loaded {
        records,
        skipped: skips.first,
        skipped_total: skips.total,
    }
}

/// Streams every record of the history file at `path` into `each` and returns the lines
/// skipped; a missing file is an empty history.
pub fn read(path: &Path, each: impl FnMut(SessionRecord)) -> Result<Skips, HistoryError> {
    read_with_progress(path, each, &mut |_| {})
}

/// As `read`, handing the manual progress changes to `manual` as well.
pub fn read_with_progress(
    path: &Path,
    each: impl FnMut(SessionRecord),
    manual: &mut dyn FnMut(Manual),
) -> Result<Skips, HistoryError> {
    match file::open_for_read(path)? {
        Some((file, len)) => {
            stream(file.take(len), true, each, manual).map_err(HistoryError::io(Op::Read, path))
        }
        None => Ok(Skips::default()),
    }
}

/// Reads a whole history file into memory; a missing file is an empty history.
pub fn load(path: &Path) -> Result<Loaded, HistoryError> {
    let mut records = Vec::new();
    let skips = read(path, |r| records.push(r))?;
    Ok(Loaded {
        records,
        skipped: skips.first,
        skipped_total: skips.total,
    })
}

/// How much of the end of the history `recent` reads: weeks of sessions, at any size.
pub const RECENT_BYTES: u64 = 1024 * 1024;

/// The records in the last `bytes` of the history (oldest first), for checks that only need
/// recent sessions (the persistent-pain notice) and must stay fast on a huge file. Bad lines
/// are left out silently: `limberup history` is where they are reported.
pub fn recent(path: &Path, bytes: u64) -> Result<Vec<SessionRecord>, HistoryError> {
    let Some((mut file, len)) = file::open_for_read(path)? else {
        return Ok(Vec::new());
    };
    let start = len.saturating_sub(bytes);
    file.seek(SeekFrom::Start(start))
        .map_err(HistoryError::io(Op::Read, path))?;
    let mut reader = BufReader::new(file.take(len - start));
    if start > 0 {
        // Starting mid-file: the first (partial) line is not ours to read.
        let mut partial = Vec::new();
        lines::next_line(&mut reader, &mut partial).map_err(HistoryError::io(Op::Read, path))?;
    }
    let mut records = Vec::new();
    stream(reader, false, |r| records.push(r), &mut |_| {})
        .map_err(HistoryError::io(Op::Read, path))?;
    Ok(records)
}
