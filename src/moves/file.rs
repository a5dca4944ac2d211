//! Reading move files: RON text -> `Move`, with the routine loader's options, located errors
//! and did-you-mean, then the move's own rules (see `check`).

use super::check;
use super::model::Move;
use crate::routine::{LoadError, Pos, Problem, parse_ron};

/// Parses and checks move text; `origin` names it in errors.
pub fn parse(src: &str, origin: &str) -> Result<Move, LoadError> {
    let found: Move = parse_ron(src, origin).map_err(|mut err| {
        for problem in &mut err.problems {
            problem.message = problem
                .message
                .replace("`name: \"Morning stretch\"`", "`name: \"Bird dog\"`");
        }
        err
    })?;
    let mut problems: Vec<Problem> = check::check(&found)
        .into_iter()
        .map(|finding| Problem {
            pos: crate::routine::locate(src, &finding.path).map(|at| Pos::of_offset(src, at)),
            step: None,
            field: check::field_words(&finding.path),
            message: finding.message,
        })
        .collect();
    // In file order, as a reader goes through them.
    problems.sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(LoadError {
            origin: origin.to_string(),
            problems,
        })
    }
}
