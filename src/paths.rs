//! Where limberup keeps its files, following the platform's conventions (XDG on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

/// The per-user directories; `None` fields when the platform gives no home directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
}

impl Paths {
    pub fn from_env() -> Paths {
        let dirs = ProjectDirs::from("", "", "limberup");
        Paths {
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
            data_dir: dirs.as_ref().map(|d| d.data_dir().to_path_buf()),
        }
    }

    /// `config.ron` in the config dir.
    pub(crate) fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("config.ron"))
    }

    /// User routines: `routines/*.ron` in the config dir.
    pub fn routines_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("routines"))
    }

    /// User figures: `figures/*.ron` in the config dir.
    pub fn figures_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("figures"))
    }

    /// User moves: `moves/*.ron` in the config dir, beside the routines.
    pub fn moves_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("moves"))
    }

    /// Where unfinished sessions are kept so they can be resumed, a file each (see
    /// `front::resume`).
    pub fn resume_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("resume"))
    }

    /// The append-only session history.
    pub(crate) fn history_file(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("history.jsonl"))
    }
}
