//! `limberup new NAME --moves a,b,c`: a routine of `move:` steps, each commented with the
//! move's default dose and its source, valid as written.

use crate::moves::{self, Library, dose_words};
use crate::routine::LoadError;

/// The moves `list` names (ids split on commas), in order, or the error of the first that
/// names none (with a did-you-mean).
pub(super) fn chosen<'a>(
    list: &str,
    library: &'a Library,
) -> Result<Vec<&'a moves::Entry>, LoadError> {
    let ids: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(LoadError::single(
            "--moves",
            "names no move; give ids separated by commas, e.g. `--moves cat-cow,plank` \
             (`limberup moves` lists them)",
        ));
    }
    ids.into_iter().map(|id| library.resolve(id)).collect()
}

/// The routine text: one `Step(move: ...)` per move, each with a comment on its dose.
pub fn template(name: &str, id: &str, chosen: &[&moves::Entry]) -> String {
    let mut steps = String::new();
    for entry in chosen {
        let found = &entry.found;
        let cites: Vec<&str> = found.sources.iter().map(|s| s.cite.as_str()).collect();
        steps.push_str(&format!(
            "        // {}: {}, after {}.\n        Step(move: {}),\n",
            found.name,
            dose_words(&found.work, found.sets, &found.passes),
            cites.join("; "),
            super::ron_string(&entry.id),
        ));
    }
    format!(
        r#"// {id}: your own routine of moves, written by `limberup new --moves`. Times are in
// seconds. Check it with `limberup validate FILE`; follow it with `limberup run {id}`.
Routine(
    name: {name},
    // WarmUp, CoolDown or Other. In a warm-up, keep static stretches under 60 s per muscle.
    kind: Other,
    description: "What this routine is for, in a sentence.",
    steps: [
        // Each step takes its move's name, figure, cues, dose and sides; write any of
        // `name`, `cues`, `work`, `sets`, `passes` or `figure` to change it, e.g.
        // `Step(move: "plank", work: Hold(secs: 8), sets: 4)`. `limberup moves ID` shows
        // a move, its dose and where the dose comes from.
{steps}    ],
)
"#,
        name = super::ron_string(name),
    )
}
