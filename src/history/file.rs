//! Opening and locking the history file: never blocking on a FIFO, refusing anything but a
//! regular file, creating it private (it holds pain scores), and waiting for another writer's
//! lock only so long, saying so.

use std::fs::{File, FileType, OpenOptions};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::{HistoryError, Op};

/// Owner read and write only: the history holds health data.
const MODE: u32 = 0o600;
/// How often a held lock is tried again while waiting.
const POLL: Duration = Duration::from_millis(50);

fn kind(t: FileType) -> &'static str {
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// Refuses an open `file` that is not a regular file.
fn regular(file: &File, op: Op, path: &Path) -> Result<u64, HistoryError> {
    let meta = file.metadata().map_err(HistoryError::io(op, path))?;
    if meta.is_file() {
        Ok(meta.len())
    } else {
        Err(HistoryError::NotAFile {
            op,
            path: path.to_path_buf(),
            kind: kind(meta.file_type()),
        })
    }
}

/// An open that failed: named as "not a regular file" when that is why (a FIFO with no
/// reader fails a non-blocking open for writing with ENXIO, which says nothing useful).
fn open_error(op: Op, path: &Path, e: std::io::Error) -> HistoryError {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => HistoryError::NotAFile {
            op,
            path: path.to_path_buf(),
            kind: kind(meta.file_type()),
        },
        _ => HistoryError::io(op, path)(e),
    }
}

/// `O_NONBLOCK` keeps `open` itself from waiting for a FIFO's other end; regular files
/// ignore the flag for reads and writes.
fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    options
}

/// Opens the history for appending, creating it (0600) and its directory; says what is
/// wrong when the data dir cannot be written. Returns the file and its length now.
pub(super) fn open_for_append(path: &Path) -> Result<(File, u64), HistoryError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(HistoryError::io(Op::CreateDir, path))?;
    }
    let file = options()
        .create(true)
        .append(true)
        .read(true)
        .mode(MODE)
        .open(path)
        .map_err(|e| open_error(Op::Write, path, e))?;
    let len = regular(&file, Op::Write, path)?;
    Ok((file, len))
}

/// Opens the history for reading with its length now; `None` when there is none yet.
/// Reads stop at that length, so another session appending meanwhile cannot make a read
/// endless.
pub(super) fn open_for_read(path: &Path) -> Result<Option<(File, u64)>, HistoryError> {
    match options().read(true).open(path) {
        Ok(file) => {
            let len = regular(&file, Op::Read, path)?;
            Ok(Some((file, len)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(open_error(Op::Read, path, e)),
    }
}

/// A wait for another process's lock on the history, as the caller should tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// The lock is held: waiting up to `limit` for it.
    Waiting { limit: Duration },
    /// Still held after `limit`: writing without it (one append of one whole line, starting
    /// on a fresh line, which cannot tear another writer's line).
    GaveUp { limit: Duration },
}

impl LockWait {
    pub fn message(&self, path: &Path) -> String {
        match self {
            LockWait::Waiting { limit } => format!(
                "waiting up to {} s for another process (another limberup?) writing {}",
                limit.as_secs(),
                path.display()
            ),
            LockWait::GaveUp { limit } => format!(
                "{} was still locked after {} s: wrote without the lock",
                path.display(),
                limit.as_secs()
            ),
        }
    }
}

/// Takes the exclusive lock on `file`, waiting at most `limit` while another process holds
/// it; `Ok(false)` when it is still held then. `notify` hears of the wait before it starts.
pub(super) fn lock(
    file: &File,
    path: &Path,
    limit: Duration,
    notify: &mut dyn FnMut(LockWait),
) -> Result<bool, HistoryError> {
    let try_lock = || match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(e)) => Err(HistoryError::io(Op::Lock, path)(e)),
    };
    if try_lock()? {
        return Ok(true);
    }
    notify(LockWait::Waiting { limit });
    let deadline = Instant::now() + limit;
    loop {
        let now = Instant::now();
        if now >= deadline {
            notify(LockWait::GaveUp { limit });
            return Ok(false);
        }
        std::thread::sleep(POLL.min(deadline - now));
        if try_lock()? {
            return Ok(true);
        }
    }
}
