//! The WAV files the player reads: made once per process into a private cache directory,
//! each named after a hash of its bytes so a changed tune never plays from an old file.

use std::fs::{self, DirBuilder, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use tempfile::TempDir;

use super::{Sound, encode, samples};
use crate::disk;

/// The WAV file of every sound, ready to play.
#[derive(Debug)]
pub struct SoundFiles {
    /// In the order of `Sound::ALL`.
    paths: Vec<PathBuf>,
    /// The directory, when it is a temporary one removed with this value.
    _temp: Option<TempDir>,
}

/// `$XDG_CACHE_HOME/limberup/sounds` (or the platform's cache dir); `None` with no home.
pub fn cache_dir() -> Option<PathBuf> {
    ProjectDirs::from("", "", "limberup").map(|d| d.cache_dir().join("sounds"))
}

impl SoundFiles {
    /// Writes (or finds, already written) every sound's file in `cache`, or in a new private
    /// temporary directory when there is no cache dir or it cannot be used.
    pub fn write(cache: Option<&Path>) -> io::Result<SoundFiles> {
        if let Some(dir) = cache
            && let Ok(paths) = private_dir(dir).and_then(|()| write_all(dir))
        {
            return Ok(SoundFiles { paths, _temp: None });
        }
        let temp = tempfile::Builder::new()
            .prefix("limberup-sounds-")
            .permissions(Permissions::from_mode(0o700))
            .tempdir()?;
        let paths = write_all(temp.path())?;
        Ok(SoundFiles {
            paths,
            _temp: Some(temp),
        })
    }

    /// The file that holds `sound`.
    pub fn path(&self, sound: Sound) -> &Path {
        // `Sound::ALL` lists the variants in their declared order.
        &self.paths[sound as usize]
    }
}

/// Creates `dir` readable by its owner only, or checks that an existing one is a directory
/// of ours, and closes it to others: nobody else may swap the files the player reads.
fn private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    let meta = fs::symlink_metadata(dir)?;
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    if !meta.is_dir() || meta.uid() != uid {
        return Err(io::Error::other(format!(
            "{} is not a directory of this user",
            dir.display()
        )));
    }
    if meta.mode() & 0o077 != 0 {
        fs::set_permissions(dir, Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn write_all(dir: &Path) -> io::Result<Vec<PathBuf>> {
    Sound::ALL
        .iter()
        .map(|&sound| {
            let bytes = encode(&samples(sound));
            let path = dir.join(format!(
                "{}-{:016x}.wav",
                sound.name(),
                crate::digest::fnv1a(&bytes)
            ));
            // Anything but our own bytes in a regular file (a FIFO, a link to a device, a
            // file cut short) is replaced, through `disk`: never waited on or read unbounded.
            if disk::read(&path, disk::Kind::Sound).is_ok_and(|old| old == bytes) {
                return Ok(path);
            }
            // Written beside, then renamed: a player never reads half a file.
            disk::replace_cached(&path, &bytes)?;
            Ok(path)
        })
        .collect()
}
