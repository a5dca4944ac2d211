//! Where the status file lives and how it is written (a temporary file renamed over it, so
//! a reader sees the old state or the new, never half of one) and read (a regular file of
//! bounded size only, never a FIFO or a device; a file left by a process that is gone is
//! no session).

use std::os::unix::fs::DirBuilderExt as _;
use std::path::{Path, PathBuf};

use super::Status;
use crate::disk;

/// `$XDG_RUNTIME_DIR/limberup/status.json` (private to the user, gone at logout), else
/// `status.json` in the state directory; `None` where neither is known.
pub fn status_file() -> Option<PathBuf> {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    match runtime {
        Some(dir) => Some(dir.join("limberup").join("status.json")),
        None => directories::ProjectDirs::from("", "", "limberup")
            .map(|d| d.state_dir().unwrap_or(d.data_dir()).join("status.json")),
    }
}

/// Writes `status` to `path` atomically (through `disk`, unsynced: it lasts one phase),
/// creating its directory (private) if needed.
pub fn write(path: &Path, status: &Status) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mut text = serde_json::to_vec(status)?;
    text.push(b'\n');
    disk::replace_cached(path, &text)
}

/// Removes the status file: no session runs.
pub fn clear(path: &Path) -> std::io::Result<()> {
    disk::remove(path)
}

/// The status in `path` when a session runs: `None` for no file, one that is not a small
/// regular file or not a status, or one whose process is gone.
pub fn read(path: &Path) -> Option<Status> {
    let text = disk::read(path, disk::Kind::Status).ok()?;
    let status: Status = serde_json::from_slice(&text).ok()?;
    alive(status.pid).then_some(status)
}

/// Whether process `pid` exists (signal 0 checks without sending anything).
fn alive(pid: u32) -> bool {
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}
