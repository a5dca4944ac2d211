//! What can go wrong with the history file: each error names the file and keeps its cause
//! (the `io::Error`) as its `source`, which `describe` appends for people to read.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// What was being done when an I/O error struck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    CreateDir,
    Open,
    Read,
    Lock,
    Write,
    Sync,
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::CreateDir => "create the directory of",
            Op::Open => "open",
            Op::Read => "read",
            Op::Lock => "lock",
            Op::Write => "write",
            Op::Sync => "sync",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("cannot {op} {}", path.display())]
    Io {
        op: Op,
        path: PathBuf,
        source: io::Error,
    },
    /// A FIFO, device, socket or directory where the history file should be: reading one
    /// could block or never end, so it is refused before any read or write.
    #[error("cannot {op} {}: not a regular file but {kind}", path.display())]
    NotAFile {
        op: Op,
        path: PathBuf,
        kind: crate::disk::NotFile,
    },
    #[error("cannot encode the history line")]
    Encode(#[from] serde_json::Error),
    #[error("no data directory (is $HOME set?)")]
    NoDataDir,
}

impl HistoryError {
    pub(super) fn io(op: Op, path: &std::path::Path) -> impl FnOnce(io::Error) -> HistoryError {
        let path = path.to_path_buf();
        move |source| HistoryError::Io { op, path, source }
    }

    /// The whole story for a person: the error and its causes, `: `-separated, as anyhow's
    /// `{:#}` prints them (`cannot write PATH: No space left on device (os error 28)`).
    pub(crate) fn describe(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(e) = cause {
            text.push_str(": ");
            text.push_str(&e.to_string());
            cause = e.source();
        }
        text
    }
}
