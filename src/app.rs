//! What every command needs: the file locations, the effective config and the routines.

use crate::config::Config;
use crate::figure::{self, Library};
use crate::history::{HistoryError, Line, LockWait};
use crate::moves;
use crate::paths::Paths;
use crate::routine::{Catalog, Entry, Lineup, LoadError, SharedMoves, Source};
use crate::session::PlanOptions;
use std::sync::Arc;

pub struct Context {
    pub paths: Paths,
    pub config: Config,
    pub catalog: Catalog,
    /// The figures routines can name; a routine naming one that is missing is in
    /// `catalog.errors`.
    pub figures: Library,
    /// The moves routines can name, built-in and the user's.
    pub moves: Arc<moves::Library>,
}

/// The routines and figures, checked against each other as every command sees them: a user
/// figure replacing a built-in must fit every routine naming it, a routine's figures must
/// exist and fit, a combination's parts must be good routines.
pub fn routines(paths: &Paths) -> (Catalog, Library, Arc<moves::Library>) {
    let mut figures = Library::load(paths.figures_dir().as_deref());
    let shadowing = figure::builtins().iter().any(|(id, _)| {
        figures
            .find(id)
            .is_some_and(|e| e.source != Source::BuiltIn)
    });
    if shadowing {
        // A user figure in a built-in's place is checked first against the routines as the
        // built-in figures make them: one that does not fit must not take a move (and every
        // routine doing that move) away with it.
        let moves = moves::Library::load(paths.moves_dir().as_deref(), Library::builtin());
        let first = Catalog::load_with(
            paths.routines_dir().as_deref(),
            Some(Arc::new(moves) as SharedMoves),
        );
        figures.check_shadows(&first.entries);
    }
    let moves = Arc::new(moves::Library::load(paths.moves_dir().as_deref(), &figures));
    let mut catalog = Catalog::load_with(
        paths.routines_dir().as_deref(),
        Some(moves.clone() as SharedMoves),
    );
    figures.check_shadows(&catalog.entries);
    figures.check_catalog(&mut catalog);
    catalog.check_combinations();
    (catalog, figures, moves)
}

impl Context {
    /// Reads the config (a bad one is an error) and the routines (bad user files are kept
    /// in `catalog.errors` for the caller to report).
    pub fn load(paths: Paths) -> Result<Context, LoadError> {
        let config = Config::load(paths.config_file().as_deref())?;
        let (catalog, figures, moves) = routines(&paths);
        Ok(Context {
            paths,
            config,
            catalog,
            figures,
            moves,
        })
    }

    /// A routine by id or path, its figures checked too.
    pub fn resolve(&self, arg: &str) -> Result<Entry, LoadError> {
        let entry = self.catalog.resolve(arg)?;
        if entry.routine.steps.iter().any(|s| s.figure.is_some()) {
            let text = entry.text()?;
            figure::check_routine(&text, &entry.origin(), &entry.routine, &self.figures)?;
        }
        Ok(entry)
    }

    /// The session of the routines `args` name (ids or paths), in order: one routine, a
    /// combination's parts, or several run one after another.
    pub fn lineup(&self, args: &[String]) -> Result<Lineup, LoadError> {
        let chosen = args
            .iter()
            .map(|arg| self.resolve(arg))
            .collect::<Result<Vec<_>, _>>()?;
        self.catalog.lineup(chosen)
    }

    /// How routines are planned: the config's timings and `--scale` (1 when not given).
    pub fn plan_options(&self, scale: Option<f64>) -> PlanOptions {
        PlanOptions {
            timings: self.config.timings,
            scale: scale.unwrap_or(1.0),
        }
    }
}

impl Context {
    /// Appends a line (a finished session, a check-in answer) to the history. The error is
    /// a warning to show: the session itself is never held up by an unwritable data dir.
    /// `waiting` hears, as a sentence to show, when another writer's lock makes it wait.
    /// Returns whether the line was written under the lock (false: written without it,
    /// after waiting in vain).
    pub(crate) fn save(
        &self,
        line: Line<'_>,
        waiting: &mut dyn FnMut(String),
    ) -> Result<bool, HistoryError> {
        let path = self.paths.history_file().ok_or(HistoryError::NoDataDir)?;
        let mut locked = true;
        crate::history::write(&path, line, crate::history::LOCK_WAIT, &mut |wait| {
            locked &= !matches!(wait, LockWait::GaveUp { .. });
            waiting(wait.message(&path));
        })?;
        Ok(locked)
    }
}

impl Context {
    /// The persistent-pain note for the start of a session, from the recent end of the
    /// history; `None` when the check-in is off or nothing is persistent.
    pub(crate) fn pain_notice(&self) -> Option<String> {
        if !self.config.check_in {
            return None;
        }
        let path = self.paths.history_file()?;
        let records = crate::history::recent(&path, crate::history::RECENT_BYTES).ok()?;
        crate::checkin::persistent_pain(&records, crate::wallclock::now())
    }
}
