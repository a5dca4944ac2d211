//! The one way limberup touches a user's files (routines, figures, config, resume state,
//! the sound cache, the history's open): nothing here blocks, follows a link out, or reads
//! without bound.
//!
//! Reads refuse what is not a regular file (a FIFO would block, a device never end) before
//! opening it where they can, open without blocking (`O_NONBLOCK | O_NOCTTY`), check the
//! open file again, and read at most the limit of what the file holds. Whole-file writes go
//! through a temporary file beside the target, synced, renamed over it (the rename replaces
//! a link rather than writing through it), and the directory synced.

use std::fmt;
use std::fs::{File, FileType, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// What a file holds: its size limit, and how messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Routine,
    Config,
    Figure,
    Move,
    Resume,
    /// The running session's status line.
    Status,
    /// A cached WAV file of ours.
    Sound,
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

impl Kind {
    /// The largest file of this kind read; no real one comes near it.
    pub const fn limit(self) -> u64 {
        match self {
            Kind::Routine | Kind::Config | Kind::Figure | Kind::Move => MIB,
            Kind::Resume => 256 * KIB,
            Kind::Status => 64 * KIB,
            Kind::Sound => 4 * MIB,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Routine => "a routine file",
            Kind::Config => "a config file",
            Kind::Figure => "a figure file",
            Kind::Move => "a move file",
            Kind::Resume => "a resume file",
            Kind::Status => "a status file",
            Kind::Sound => "a sound file",
        }
    }
}

/// What stands where a regular file was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFile {
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Other,
}

impl NotFile {
    /// `None` for a regular file.
    fn of(t: FileType) -> Option<NotFile> {
        Some(if t.is_file() {
            return None;
        } else if t.is_dir() {
            NotFile::Directory
        } else if t.is_fifo() {
            NotFile::Fifo
        } else if t.is_socket() {
            NotFile::Socket
        } else if t.is_char_device() {
            NotFile::CharDevice
        } else if t.is_block_device() {
            NotFile::BlockDevice
        } else {
            NotFile::Other
        })
    }
}

impl fmt::Display for NotFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotFile::Directory => "a directory",
            NotFile::Fifo => "a FIFO",
            NotFile::Socket => "a socket",
            NotFile::CharDevice => "a character device",
            NotFile::BlockDevice => "a block device",
            NotFile::Other => "something else",
        })
    }
}

/// Why a file could not be read (or opened). Messages leave out the path: callers put it
/// in front, as `path: message`.
#[derive(Debug, thiserror::Error)]
pub enum DiskError {
    #[error("cannot open: a loop of symbolic links")]
    LinkLoop,
    #[error("cannot open: a symbolic link to {}, which does not exist", .0.display())]
    DanglingLink(PathBuf),
    #[error("not a regular file ({0})")]
    NotFile(NotFile),
    #[error("the file is over {}, far too large for {}; not loaded", size(.0.limit()), .0.noun())]
    TooLarge(Kind),
    #[error("cannot open: {0}")]
    Open(io::Error),
    #[error("cannot read: {0}")]
    Read(io::Error),
    /// `line` and `col` (1-based, columns in chars) of the first byte that is not UTF-8.
    #[error("not UTF-8 text (byte 0x{byte:02X}); save the file as UTF-8")]
    NotUtf8 { byte: u8, line: usize, col: usize },
}

impl DiskError {
    /// True when there is no file at all (a dangling link is not "no file").
    pub fn is_missing(&self) -> bool {
        matches!(self, DiskError::Open(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// `1 MiB`, `256 KiB`.
fn size(bytes: u64) -> String {
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} KiB", bytes / KIB)
    }
}

/// An open that failed, said as what stands at `path`.
fn open_error(path: &Path, e: io::Error) -> DiskError {
    match e.raw_os_error() {
        Some(libc::ELOOP) => DiskError::LinkLoop,
        Some(libc::ENOENT) => match std::fs::read_link(path) {
            Ok(target) => DiskError::DanglingLink(target),
            Err(_) => DiskError::Open(e),
        },
        _ => match std::fs::metadata(path)
            .ok()
            .and_then(|m| NotFile::of(m.file_type()))
        {
            // A FIFO with no reader fails a non-blocking open for writing with ENXIO.
            Some(kind) => DiskError::NotFile(kind),
            None => DiskError::Open(e),
        },
    }
}

/// `options` for `path`, refusing anything but a regular file (a link to one is followed):
/// looked at first so a device is never opened, then checked again on the open file, which
/// is what is read. Returns the file and its length.
fn open_with(path: &Path, options: &mut OpenOptions) -> Result<(File, u64), DiskError> {
    if let Some(kind) = std::fs::metadata(path)
        .ok()
        .and_then(|m| NotFile::of(m.file_type()))
    {
        return Err(DiskError::NotFile(kind));
    }
    let file = options
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| open_error(path, e))?;
    let meta = file.metadata().map_err(DiskError::Read)?;
    match NotFile::of(meta.file_type()) {
        Some(kind) => Err(DiskError::NotFile(kind)),
        None => Ok((file, meta.len())),
    }
}

/// Opens a regular file for reading, with its length now.
pub fn open(path: &Path) -> Result<(File, u64), DiskError> {
    open_with(path, OpenOptions::new().read(true))
}

/// Opens (creating it with `mode`) a regular file for appending and
/// reading, with its length now. For the history, which is only ever appended to.
pub fn open_append(path: &Path, mode: u32) -> Result<(File, u64), DiskError> {
    open_with(
        path,
        OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .mode(mode),
    )
}

/// The bytes of the regular file at `path`, at most `kind`'s limit.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, DiskError> {
    let (file, len) = open(path)?;
    let limit = kind.limit();
    if len > limit {
        return Err(DiskError::TooLarge(kind));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(DiskError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(DiskError::TooLarge(kind));
    }
    Ok(bytes)
}

/// The text of the regular file at `path` (UTF-8, at most `kind`'s limit), without a
/// leading byte order mark.
pub fn read_text(path: &Path, kind: Kind) -> Result<String, DiskError> {
    let bytes = read(path, kind)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        DiskError::NotUtf8 {
            byte: e.as_bytes()[valid.len()],
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
        }
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Who may read a file written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The owner only (0600): resume state, caches.
    Private,
    /// As the umask allows (0666 before it): the user's own routines.
    Shared,
}

/// A temporary file holding `bytes` in `path`'s directory (created if need be), synced
/// when `durable`.
fn staged(
    path: &Path,
    bytes: &[u8],
    access: Access,
    durable: bool,
) -> io::Result<tempfile::NamedTempFile> {
    let dir = parent(path);
    std::fs::create_dir_all(dir)?;
    let mode = match access {
        Access::Private => 0o600,
        Access::Shared => 0o666,
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".limberup-")
        .suffix(".tmp")
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(os_error)?;
    // On the file itself: the temporary's own `Write` adds its random path to errors.
    temp.as_file_mut().write_all(bytes)?;
    if durable {
        temp.as_file().sync_all()?;
    }
    Ok(temp)
}

/// The operating system's error inside one of `tempfile`'s, which names its random path:
/// the caller names the file meant.
fn os_error(e: io::Error) -> io::Error {
    let code = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<io::Error>())
        .and_then(io::Error::raw_os_error);
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => e,
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Puts `bytes` at `path` so that a crash at any moment leaves the old file or the new one,
/// never a mix; whatever was at `path` (a link included) is replaced, never written through.
pub fn replace(path: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    staged(path, bytes, access, true)?
        .persist(path)
        .map_err(|e| os_error(e.error))?;
    sync_dir(parent(path))
}

/// Puts `bytes` at `path` as `replace` does, but never over anything already there
/// (`AlreadyExists` then).
pub fn create_new(path: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    staged(path, bytes, access, true)?
        .persist_noclobber(path)
        .map_err(|e| os_error(e.error))?;
    sync_dir(parent(path))
}

/// Puts `bytes` at `path` as `replace` does, unsynced: for a private cache whose reader
/// checks every byte it reads against what it wants (a file torn by a crash is made again),
/// where an fsync per file would only slow every start on a fresh cache.
pub fn replace_cached(path: &Path, bytes: &[u8]) -> io::Result<()> {
    staged(path, bytes, Access::Private, false)?
        .persist(path)
        .map_err(|e| os_error(e.error))?;
    Ok(())
}

/// Removes the file at `path` (there being none is fine), the removal made durable.
pub fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => sync_dir(parent(path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes the entries of `dir` (a file created, renamed or removed) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The `*.ron` entries directly in `dir`, sorted, of any type: a caller that loads them
/// reports those that are not regular files (a directory, a FIFO, a dangling link) instead
/// of skipping them unsaid. Hidden entries are left out: editors' lock and scratch files
/// (`.#walk.ron`), `edit`'s drafts, our temporary files. A missing `dir` has none.
pub fn ron_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let hidden = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !hidden(p))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn reads_refuse_fifos_devices_and_links_to_them_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (path, what) in [
            (&fifo, "a FIFO"),
            (&zero, "a character device"),
            (&dir.path().to_path_buf(), "a directory"),
        ] {
            let err = read(path, Kind::Sound).unwrap_err();
            assert_eq!(err.to_string(), format!("not a regular file ({what})"));
        }
    }

    #[test]
    fn a_file_over_its_limit_is_named_by_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        std::fs::write(&path, vec![b' '; (MIB + 1) as usize]).unwrap();
        assert_eq!(
            read(&path, Kind::Figure).unwrap_err().to_string(),
            "the file is over 1 MiB, far too large for a figure file; not loaded"
        );
        assert_eq!(
            read(&path, Kind::Resume).unwrap_err().to_string(),
            "the file is over 256 KiB, far too large for a resume file; not loaded"
        );
    }

    #[test]
    fn replace_swaps_a_link_for_a_file_and_never_writes_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "keep").unwrap();
        let path = dir.path().join("state");
        std::os::unix::fs::symlink(&outside, &path).unwrap();
        replace(&path, b"new", Access::Private).unwrap();
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn create_new_never_replaces_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("walk.ron");
        create_new(&path, b"one", Access::Shared).unwrap();
        let err = create_new(&path, b"two", Access::Shared).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        // Said without the temporary file's random name.
        assert_eq!(err.to_string(), "File exists (os error 17)");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }
}
