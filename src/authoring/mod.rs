//! Users' own routines: `limberup new` writes a commented template (or a copy) into the user
//! routines dir without ever overwriting, and `limberup edit` (in `edit`) opens one in the
//! user's editor and checks it on save.

mod edit;
mod from_moves;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::app::Context;
use crate::routine::{self, builtin_source, locate_value};
use crate::text;

pub use edit::{edit, editor};
pub use from_moves::template as template_of_moves;

/// Longest id `new` derives from a name, in chars, and in bytes: a file name may have at
/// most 255 bytes, and the temp file written beside it needs room for a few more.
const MAX_ID_CHARS: usize = 64;
const MAX_ID_BYTES: usize = 128;

/// The id (and file stem) for a routine name: lowercase letters and digits, with a single
/// `-` for every run of anything else, cut on a character boundary to fit the limits. A
/// combining accent stays on its letter; the dot that lowercasing `İ` puts over an `i` goes.
/// `None` when nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let after_letter = id.chars().next_back().is_some_and(char::is_alphanumeric);
        let c = match c {
            '\u{307}' if id.ends_with(['i', 'j']) => continue,
            c if is_combining(c) && after_letter => c,
            c if c.is_alphanumeric() => c,
            _ => '-',
        };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        if id.chars().count() == MAX_ID_CHARS || id.len() + c.len_utf8() > MAX_ID_BYTES {
            break;
        }
        id.push(c);
    }
    let id = id.trim_end_matches('-');
    (!id.is_empty()).then(|| id.to_string())
}

/// Whether `c` is a combining mark, which belongs to the letter before it (the blocks of
/// combining diacritical marks; std has no general category).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The user routines dir, with a clear error where it cannot be one: no home, or a file
/// where it or a parent dir should be (which would otherwise read as "already exists").
fn routines_dir(ctx: &Context) -> anyhow::Result<PathBuf> {
    let dir = ctx
        .paths
        .routines_dir()
        .context("no config directory (is $HOME set?), so there is nowhere to put routines")?;
    let file = dir
        .ancestors()
        .filter_map(|a| fs::metadata(a).ok().map(|m| (a, m)))
        .next()
        .filter(|(_, meta)| !meta.is_dir());
    match file {
        Some((path, _)) if path == dir => bail!(
            "{} is a file, but limberup keeps your routines in a directory by that name; \
             move the file out of the way",
            dir.display()
        ),
        Some((path, _)) => bail!(
            "{} is a file, so the routines directory {} cannot be made; move the file out \
             of the way",
            path.display(),
            dir.display()
        ),
        None => Ok(dir),
    }
}

/// `name` as a RON string literal.
fn ron_string(name: &str) -> String {
    ron::to_string(name).unwrap_or_else(|_| format!("{name:?}"))
}

/// A new routine that validates as it is, with a comment on every choice a user makes.
pub fn template(name: &str, id: &str) -> String {
    format!(
        r#"// {id}: your own routine, written by `limberup new`. Times are in seconds.
// Check it with `limberup validate FILE`; follow it with `limberup run {id}`.
Routine(
    name: {name},
    // WarmUp, CoolDown or Other.
    kind: WarmUp,
    description: "What this routine is for, in a sentence.",
    // Optional: the get-ready time before each step, the rest after each step, and the
    // pause between the passes (sides) of a step. Left out, they come from your config.
    // prepare_secs: 5,
    // rest_secs: 10,
    // switch_secs: 3,
    // Optional: run all the steps again, as a circuit, with a rest between rounds.
    // rounds: 2,
    // round_rest_secs: 30,
    steps: [
        // A timed hold, with form cues shown while it runs: 20 to 30 s (Enter moves on
        // after 20); `Hold(secs: 30)` is 30 s exactly.
        Step(
            name: "Child's pose",
            // Optional: the figure that shows the move (`limberup figures` lists them; your
            // own go in the figures directory beside your routines).
            figure: "childs-pose",
            cues: ["Knees wide, big toes together", "Breathe into the lower back"],
            work: Hold(secs: 20, up_to: 30),
        ),
        // Reps paced by a tempo (seconds per rep); phases split each rep into breath cues,
        // equally, or each with its seconds: [("Exhale: round up", 3), ("Inhale: arch", 2)].
        Step(
            name: "Cat/Cow",
            figure: "cat-cow",
            cues: ["Move slowly, one vertebra at a time"],
            work: Reps(count: 8, tempo_secs: 5.0, phases: ["Exhale: round up", "Inhale: arch"]),
        ),
        // Reps without a tempo are counted by you, one key press per rep (or d once done).
        // `passes` runs the work once per label, with a switch between them; `sets` runs
        // all the passes again, with a rest between sets.
        Step(
            name: "Bird dog",
            cues: ["Back flat like a table", "Reach long rather than high"],
            work: Reps(count: 6),
            passes: ["Left", "Right"],
            sets: 2,
            // Optional, per step: prepare_secs, rest_secs for the rest after it, and
            // set_rest_secs for the rest between sets.
        ),
        // Your own workout: `work: Open(remind_every_mins: 15, reminders: ["Drink some
        // water"])` is a stopwatch that runs until you press Enter.
    ],
)
"#,
        name = ron_string(name),
    )
}

/// The routine text with its top-level `name` replaced, comments, layout, an extensions
/// header and raw identifiers kept.
pub fn with_name(text: &str, name: &str) -> Result<String, String> {
    let span = locate_value(text, &["name"])
        .filter(|span| {
            let value = &text[span.clone()];
            value.starts_with('"') || value.starts_with("r\"") || value.starts_with("r#")
        })
        .ok_or_else(|| "cannot find the routine's `name`".to_string())?;
    Ok(format!(
        "{}{}{}",
        &text[..span.start],
        ron_string(name),
        &text[span.end..]
    ))
}

/// A copy of a routine under `header` (one comment line). A built-in's first line
/// describes the built-in, so the copy drops it.
fn copy(text: &str, header: &str) -> String {
    let body = match text.strip_prefix("// Built-in routine") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, tail)| tail),
        None => text,
    };
    format!("// {header}\n{body}")
}

/// Writes a new file crash-safely and never over an existing one (`disk::create_new`).
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    crate::disk::create_new(path, text.as_bytes(), crate::disk::Access::Shared)
}

/// What `limberup new` starts from.
pub enum Start<'a> {
    Template,
    /// A copy of this routine (an id or path).
    Copy(&'a str),
    /// These moves, by id, separated by commas.
    Moves(&'a str),
}

/// `limberup new NAME [--from ID | --moves IDS]`.
pub fn new(ctx: &Context, name: &str, start: Start) -> anyhow::Result<ExitCode> {
    if let Some((_, c)) = text::first_forbidden(name) {
        bail!(
            "{name:?} cannot name a routine: {} is not allowed in it",
            text::describe(c)
        );
    }
    let id = slug(name).with_context(|| {
        format!("{name:?} cannot name a routine: it needs at least one letter or digit")
    })?;
    if builtin_source(&id).is_some() {
        bail!(
            "`{id}` is a built-in routine's id; choose another name, or run `limberup edit {id}` \
             to change your own copy of it"
        );
    }
    let path = routines_dir(ctx)?.join(format!("{id}.ron"));
    let text = match start {
        Start::Template => template(name, &id),
        Start::Moves(list) => {
            from_moves::template(name, &id, &from_moves::chosen(list, &ctx.moves)?)
        }
        Start::Copy(source) => {
            let entry = ctx.catalog.resolve(source)?;
            let origin = match &entry.source {
                routine::Source::BuiltIn => format!("the built-in routine {}", entry.id),
                routine::Source::File(p) => p.display().to_string(),
            };
            let renamed =
                with_name(&entry.text()?, name).map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
            copy(
                &renamed,
                &format!("{id}: copied from {origin} by `limberup new`."),
            )
        }
    };
    // What is written must load: a template or copy that did not would be our bug.
    routine::parse_with(&text, &path.display().to_string(), ctx.catalog.moves())?;
    write_new(&path, &text).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => anyhow::anyhow!(
            "{} already exists; edit it with `limberup edit {id}`, or choose another name",
            path.display()
        ),
        _ => anyhow::anyhow!("cannot write {}: {e}", path.display()),
    })?;
    writeln!(
        std::io::stdout(),
        "Created {}\nEdit it with `limberup edit {id}`; follow it with `limberup run {id}`.",
        text::clean(&path.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
