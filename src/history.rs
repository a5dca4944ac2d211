//! The session history: one JSON record per line, only ever appended (one write per record,
//! then fsync, under a file lock), and read back as a stream that skips torn or garbage lines.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::session::SessionRecord;

/// A history line that could not be read; every other record still is.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// 1-based line number in the file.
    pub line: usize,
    pub reason: String,
}

impl Skipped {
    /// The warning to show: `path:line: skipped: reason`, as compilers name places.
    pub fn warning(&self, path: &Path) -> String {
        format!("{}:{}: skipped: {}", path.display(), self.line, self.reason)
    }
}

/// The records of a history file, and what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<SessionRecord>,
    pub skipped: Vec<Skipped>,
}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> String {
    format!("cannot {what} {}: {e}", path.display())
}

/// Opens the history for appending, creating it and its directory; says what is wrong
/// when the data dir cannot be written.
fn open_for_append(path: &Path) -> Result<File, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io_error(path, "create the directory of", e))?;
    }
    OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)
        .map_err(|e| io_error(path, "open", e))
}

/// Checks at the start of a session that the history can be written, so the warning comes
/// before the exercise rather than after it. Creates the file (empty) if needed.
pub fn probe(path: &Path) -> Result<(), String> {
    open_for_append(path).map(drop)
}

/// Appends `record` as one line. A previous writer's torn last line is closed off first, so
/// the new record always starts on a line of its own.
pub fn append(path: &Path, record: &SessionRecord) -> Result<(), String> {
    let mut file = open_for_append(path)?;
    file.lock().map_err(|e| io_error(path, "lock", e))?;
    let mut line =
        serde_json::to_string(record).map_err(|e| format!("cannot encode the record: {e}"))?;
    line.push('\n');
    let len = file
        .seek(SeekFrom::End(0))
        .map_err(|e| io_error(path, "read", e))?;
    if !ends_with_newline(&mut file, len).map_err(|e| io_error(path, "read", e))? {
        line.insert(0, '\n');
    }
    file.write_all(line.as_bytes())
        .map_err(|e| io_error(path, "write", e))?;
    file.sync_data().map_err(|e| io_error(path, "sync", e))?;
    if len == 0 {
        // The first record: make the new file's directory entry durable too.
        sync_dir(path);
    }
    Ok(())
}

/// Best-effort fsync of the directory holding `path` (not possible on every platform).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

/// True for an empty file or one whose last byte is a newline.
fn ends_with_newline(file: &mut File, len: u64) -> std::io::Result<bool> {
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// One line: `None` when blank, the record, or why it cannot be read.
fn parse_line(raw: &[u8]) -> Option<Result<SessionRecord, String>> {
    let trimmed = trim(raw);
    if trimmed.is_empty() {
        return None;
    }
    Some(match std::str::from_utf8(trimmed) {
        Err(_) => Err("not UTF-8 text".to_string()),
        Ok(text) => serde_json::from_str::<SessionRecord>(text).map_err(|e| {
            if e.is_eof() {
                "cut short (a crash while writing?)".to_string()
            } else {
                format!("not a session record: {e}")
            }
        }),
    })
}

/// Trims whitespace and NUL bytes: a crash can leave runs of NULs where a write was lost.
fn trim(line: &[u8]) -> &[u8] {
    let keep = |b: &u8| *b != 0 && !b.is_ascii_whitespace();
    let start = line.iter().position(keep).unwrap_or(line.len());
    let end = line.iter().rposition(keep).map_or(start, |i| i + 1);
    &line[start..end]
}

/// Streams the records of `reader` into `each`, one line at a time, so a history of any
/// size is read in constant memory. `first_line` numbers the first line read.
fn stream(
    reader: impl Read,
    first_line: usize,
    mut each: impl FnMut(SessionRecord),
) -> std::io::Result<Vec<Skipped>> {
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let mut buf = Vec::with_capacity(4096);
    let mut skipped = Vec::new();
    let mut line = first_line;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(skipped);
        }
        match parse_line(&buf) {
            None => {}
            Some(Ok(record)) => each(record),
            Some(Err(reason)) => skipped.push(Skipped { line, reason }),
        }
        line += 1;
    }
}

/// Parses history text; bad lines are skipped and named.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut records = Vec::new();
    let skipped = stream(bytes, 1, |r| records.push(r)).unwrap_or_default();
    Loaded { records, skipped }
}

/// Streams every record of the history file at `path` into `each` and returns the lines
/// skipped; a missing file is an empty history. Reads the bytes the file held when opened,
/// so a path that never ends (a device such as `/dev/full`) reads as empty, not forever.
pub fn read(path: &Path, each: impl FnMut(SessionRecord)) -> Result<Vec<Skipped>, String> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(path, "read", e)),
    };
    let len = file
        .metadata()
        .map_err(|e| io_error(path, "read", e))?
        .len();
    stream(file.take(len), 1, each).map_err(|e| io_error(path, "read", e))
}

/// Reads a whole history file into memory; a missing file is an empty history.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let mut records = Vec::new();
    let skipped = read(path, |r| records.push(r))?;
    Ok(Loaded { records, skipped })
}

/// How much of the end of the history `recent` reads: weeks of sessions, at any size.
pub const RECENT_BYTES: u64 = 1024 * 1024;

/// The records in the last `bytes` of the history (oldest first), for checks that only need
/// recent sessions (the persistent-pain notice) and must stay fast on a huge file. Bad lines
/// are left out silently: `limberup history` is where they are reported.
pub fn recent(path: &Path, bytes: u64) -> Result<Vec<SessionRecord>, String> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(path, "read", e)),
    };
    let len = file
        .seek(SeekFrom::End(0))
        .map_err(|e| io_error(path, "read", e))?;
    let start = len.saturating_sub(bytes);
    file.seek(SeekFrom::Start(start))
        .map_err(|e| io_error(path, "read", e))?;
    // Up to the length seen, as `read` does.
    let mut reader = BufReader::new(file.take(len - start));
    if start > 0 {
        // Starting mid-file: the first (partial) line is not ours to read.
        let mut partial = Vec::new();
        reader
            .read_until(b'\n', &mut partial)
            .map_err(|e| io_error(path, "read", e))?;
    }
    let mut records = Vec::new();
    stream(reader, 1, |r| records.push(r)).map_err(|e| io_error(path, "read", e))?;
    Ok(records)
}
