//! Opening and locking the history file: never blocking on a FIFO, refusing anything but a
//! regular file, creating it private (it holds pain scores), and waiting for another writer's
//! lock only so long, saying so.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::{HistoryError, Op};
use crate::disk::{self, DiskError};

/// Owner read and write only: the history holds health data.
const MODE: u32 = 0o600;
/// How often a held lock is tried again while waiting.
const POLL: Duration = Duration::from_millis(50);

/// A failed open as the history says it: what stands there, or the I/O error.
fn open_error(op: Op, path: &Path) -> impl FnOnce(DiskError) -> HistoryError {
    move |e| match e {
        DiskError::NotFile(kind) => HistoryError::NotAFile {
            op,
            path: path.to_path_buf(),
            kind,
        },
        DiskError::Open(e) | DiskError::Read(e) => HistoryError::io(op, path)(e),
        other => HistoryError::io(op, path)(std::io::Error::other(other)),
    }
}

/// Opens the history for appending (through `disk`: never blocking, refusing anything but
/// a regular file), creating it (0600) and its directory; says what is wrong when the data
/// dir cannot be written. Returns the file and its length now.
pub(super) fn open_for_append(path: &Path) -> Result<(File, u64), HistoryError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(HistoryError::io(Op::CreateDir, path))?;
    }
    disk::open_append(path, MODE).map_err(open_error(Op::Write, path))
}

/// Opens the history for reading with its length now; `None` when there is none yet.
/// Reads stop at that length, so another session appending meanwhile cannot make a read
/// endless.
pub(super) fn open_for_read(path: &Path) -> Result<Option<(File, u64)>, HistoryError> {
    match disk::open(path) {
        Ok(opened) => Ok(Some(opened)),
        Err(e) if e.is_missing() => Ok(None),
        Err(e) => Err(open_error(Op::Read, path)(e)),
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
