//! The session history: one JSON record per line, only ever appended (one write per record,
//! then fsync, under a file lock), and read back tolerating torn or garbage lines.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::session::SessionRecord;

/// A history line that could not be read; every other record still is.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// The records of a history file, and what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<SessionRecord>,
    pub skipped: Vec<Skipped>,
}

/// Appends `record` as one line. A previous writer's torn last line is closed off first, so
/// the new record always starts on a line of its own.
pub fn append(path: &Path, record: &SessionRecord) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| fail("create the directory of", e))?;
    }
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)
        .map_err(|e| fail("open", e))?;
    file.lock().map_err(|e| fail("lock", e))?;
    let mut line =
        serde_json::to_string(record).map_err(|e| format!("cannot encode the record: {e}"))?;
    line.push('\n');
    if !ends_with_newline(&mut file).map_err(|e| fail("read", e))? {
        line.insert(0, '\n');
    }
    file.write_all(line.as_bytes())
        .map_err(|e| fail("write", e))?;
    file.sync_data().map_err(|e| fail("sync", e))?;
    Ok(())
}

/// True for an empty file or one whose last byte is a newline.
fn ends_with_newline(file: &mut File) -> std::io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Parses history text; bad lines are skipped and named.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let trimmed = trim_nuls(raw);
        if trimmed.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let reason = match std::str::from_utf8(trimmed) {
            Err(_) => "not UTF-8 text".to_string(),
            Ok(text) => match serde_json::from_str::<SessionRecord>(text) {
                Ok(record) => {
                    loaded.records.push(record);
                    continue;
                }
                Err(e) if e.is_eof() => "cut short (a crash while writing?)".to_string(),
                Err(e) => format!("not a session record: {e}"),
            },
        };
        loaded.skipped.push(Skipped {
            line: i + 1,
            reason,
        });
    }
    loaded
}

/// A crash can leave runs of NUL bytes where a write was lost.
fn trim_nuls(line: &[u8]) -> &[u8] {
    let start = line.iter().position(|&b| b != 0).unwrap_or(line.len());
    let end = line.iter().rposition(|&b| b != 0).map_or(start, |i| i + 1);
    &line[start..end.max(start)]
}

/// Reads a history file; a missing file is an empty history.
pub fn load(path: &Path) -> Result<Loaded, String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Loaded::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}
