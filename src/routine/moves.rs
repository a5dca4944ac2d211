//! `Step(move: "bird-dog")`: each written step becomes a step, its move filling in what it
//! does not write; without a move, `name` and `work` are required, as ron would say.

use super::explain;
use super::load::{LoadError, Problem};
use super::locate::{self, Pos, Seg};
use super::model::{Routine, Step, WrittenStep};

/// The moves `Step(move: ...)` can name, as steps (`moves::Library` is the real one).
pub trait MoveSteps: std::fmt::Debug {
    /// The step move `id` stands for, with its default dose; `None` when there is none.
    fn step(&self, id: &str) -> Option<Step>;
    /// What to say about an id that names no move (with a did-you-mean).
    fn unknown(&self, id: &str) -> String;
}

/// `written` with every step filled in from its move; `src` is its text (for positions).
pub(super) fn resolve(
    written: Routine<WrittenStep>,
    src: &str,
    origin: &str,
    moves: &dyn MoveSteps,
) -> Result<Routine, LoadError> {
    let mut problems = Vec::new();
    let mut resolved = Vec::with_capacity(written.steps.len());
    for (i, step) in written.steps.iter().cloned().enumerate() {
        match fill(step, moves) {
            Ok(step) => resolved.push(step),
            Err((field, message, name)) => {
                let path = [Seg::Field("steps".into()), Seg::Index(i)];
                let at = match field {
                    Some(field) => {
                        let mut path = path.to_vec();
                        path.push(Seg::Field(field.into()));
                        locate::locate(src, &path)
                    }
                    None => locate::value_end(src, &path),
                };
                problems.push(Problem {
                    pos: at.map(|at| Pos::of_offset(src, at)),
                    step: Some((i + 1, name)),
                    field: field.map(String::from),
                    message,
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(LoadError {
            origin: origin.to_string(),
            problems,
        });
    }
    Ok(written.with_steps(resolved))
}

/// What is wrong with a written step: the field at fault (none: the step as a whole),
/// the message, and the step's name if it has one.
type Unfilled = (Option<&'static str>, String, Option<String>);

fn fill(written: WrittenStep, moves: &dyn MoveSteps) -> Result<Step, Unfilled> {
    let base = match &written.move_id {
        Some(id) => moves
            .step(id)
            .ok_or_else(|| (Some("move"), moves.unknown(id), written.name.clone()))?,
        None => {
            let missing = |field| {
                let message = explain::missing_field(field, Some("Step"));
                (None, message, written.name.clone())
            };
            let name = written.name.clone().ok_or_else(|| missing("name"))?;
            let work = written.work.clone().ok_or_else(|| missing("work"))?;
            Step::new(name, work)
        }
    };
    Ok(Step {
        move_id: written.move_id,
        name: written.name.unwrap_or(base.name),
        cues: written.cues.unwrap_or(base.cues),
        key_cue: written.key_cue.or(base.key_cue),
        work: written.work.unwrap_or(base.work),
        passes: written.passes.unwrap_or(base.passes),
        prepare_secs: written.prepare_secs.or(base.prepare_secs),
        rest_secs: written.rest_secs.or(base.rest_secs),
        sets: written.sets.or(base.sets),
        set_rest_secs: written.set_rest_secs.or(base.set_rest_secs),
        figure: written.figure.or(base.figure),
    })
}
