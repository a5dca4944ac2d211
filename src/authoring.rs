//! Users' own routines: `limberup new` writes a commented template (or a copy) into the user
//! routines dir without ever overwriting, and `limberup edit` opens one in the user's editor
//! and checks it on save, offering to re-open it on errors as `crontab -e` does.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::app::Context;
use crate::clock::clock;
use crate::routine::{self, builtin_source, locate_field};
use crate::session::Plan;

/// Longest id `new` derives from a name.
const MAX_ID_CHARS: usize = 64;

/// The id (and file stem) for a routine name: lowercase letters and digits, with a single
/// `-` for every run of anything else. `None` when nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.chars().take(MAX_ID_CHARS).collect();
    let id = id.trim_end_matches('-');
    (!id.is_empty()).then(|| id.to_string())
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
    steps: [
        // A timed hold, with form cues shown while it runs.
        Step(
            name: "Child's pose",
            cues: ["Knees wide, big toes together", "Breathe into the lower back"],
            work: Hold(secs: 30),
        ),
        // Reps paced by a tempo (seconds per rep); phases split each rep into breath cues.
        Step(
            name: "Cat/Cow",
            cues: ["Move slowly, one vertebra at a time"],
            work: Reps(count: 8, tempo_secs: 5.0, phases: ["Exhale: round up", "Inhale: arch"]),
        ),
        // Reps without a tempo are counted by you, one key press per rep. `passes` runs the
        // work once per label, with a switch between them.
        Step(
            name: "Bird dog",
            cues: ["Back flat like a table", "Reach long rather than high"],
            work: Reps(count: 6),
            passes: ["Left", "Right"],
            // Optional, per step: prepare_secs, and rest_secs for the rest after it.
        ),
    ],
)
"#,
        name = ron_string(name),
    )
}

/// Byte range of the string literal starting at `from` (after blanks), if there is one.
fn string_literal(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = from + (text[from..].len() - text[from..].trim_start().len());
    let rest = &text[start..];
    if let Some(body) = rest.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => return Some((start, start + 1 + i + 1)),
                _ => {}
            }
        }
        return None;
    }
    let hashes = rest
        .strip_prefix('r')?
        .chars()
        .take_while(|&c| c == '#')
        .count();
    let open = 1 + hashes;
    rest[open..].strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    let end = rest[open + 1..].find(&close)? + open + 1 + close.len();
    Some((start, start + end))
}

/// The routine text with its top-level `name` replaced, comments and layout kept.
pub fn with_name(text: &str, name: &str) -> Result<String, String> {
    let missing = || "cannot find the routine's `name`".to_string();
    let field = locate_field(text, &["name"]).ok_or_else(missing)?;
    let after_name = field + "name".len();
    let colon = after_name + text[after_name..].find(':').ok_or_else(missing)?;
    if !text[after_name..colon].trim().is_empty() {
        return Err(missing());
    }
    let (start, end) = string_literal(text, colon + 1).ok_or_else(missing)?;
    Ok(format!(
        "{}{}{}",
        &text[..start],
        ron_string(name),
        &text[end..]
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

/// Writes a new file crash-safely and never over an existing one: a temp file in the same
/// dir, synced, then hard-linked into place (which fails if the name is taken), then the
/// directory synced. Where hard links are not supported it falls back to a rename.
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "routine".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| match fs::hard_link(&tmp, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists && !path.exists() => {
            fs::rename(&tmp, path)
        }
        other => other,
    });
    let _ = fs::remove_file(&tmp);
    placed?;
    File::open(dir)?.sync_all()
}

/// `limberup new NAME [--from ID]`.
pub fn new(ctx: &Context, name: &str, from: Option<&str>) -> anyhow::Result<ExitCode> {
    let id = slug(name).with_context(|| {
        format!("{name:?} cannot name a routine: it needs at least one letter or digit")
    })?;
    if builtin_source(&id).is_some() {
        bail!(
            "`{id}` is a built-in routine's id; choose another name, or run `limberup edit {id}` \
             to change your own copy of it"
        );
    }
    let dir = ctx
        .paths
        .routines_dir()
        .context("no config directory (is $HOME set?), so there is nowhere to put routines")?;
    let path = dir.join(format!("{id}.ron"));
    let text = match from {
        None => template(name, &id),
        Some(source) => {
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
    routine::parse(&text, &path.display().to_string())?;
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
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, split on whitespace (so `code --wait` works).
pub fn editor() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|value| {
            value
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .find(|argv| !argv.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// The file `edit` opens for `arg`: a path as given, the user's file for an id (even one
/// with errors), or a fresh user copy of a built-in.
fn file_to_edit(ctx: &Context, arg: &str) -> anyhow::Result<PathBuf> {
    if arg.ends_with(".ron") || arg.contains('/') || arg.contains(std::path::MAIN_SEPARATOR) {
        let path = PathBuf::from(arg);
        if !path.is_file() {
            bail!("{arg}: no such routine file");
        }
        return Ok(path);
    }
    let dir = ctx
        .paths
        .routines_dir()
        .context("no config directory (is $HOME set?), so there is nowhere to put routines")?;
    let path = dir.join(format!("{arg}.ron"));
    if path.is_file() {
        return Ok(path);
    }
    let Some(text) = builtin_source(arg) else {
        ctx.catalog.resolve(arg)?;
        bail!("{arg}: no such routine");
    };
    let header = format!(
        "{arg}: your copy of the built-in routine, made by `limberup edit`. \
         Delete this file to go back to the built-in."
    );
    write_new(&path, &copy(text, &header))
        .with_context(|| format!("cannot write {}", path.display()))?;
    note(&format!(
        "{arg} is built in: editing your own copy at {} (it takes the built-in's place; \
         delete it to go back)",
        path.display()
    ));
    Ok(path)
}

/// `limberup edit ROUTINE`.
pub fn edit(ctx: &Context, arg: &str) -> anyhow::Result<ExitCode> {
    let path = file_to_edit(ctx, arg)?;
    let argv = editor();
    loop {
        let status = std::process::Command::new(&argv[0])
            .args(&argv[1..])
            .arg(&path)
            .status()
            .with_context(|| {
                format!(
                    "cannot start the editor `{}`; set $VISUAL or $EDITOR",
                    argv[0]
                )
            })?;
        if !status.success() {
            bail!(
                "the editor `{}` exited with {status}; {} is as it last saved it",
                argv[0],
                path.display()
            );
        }
        match crate::figure::load_routine(&path, &ctx.figures) {
            Ok(routine) => {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let plan = Plan::new(&id, &routine, &ctx.plan_options(None));
                writeln!(
                    std::io::stdout(),
                    "{}: ok ({} steps, {} planned)",
                    path.display(),
                    routine.steps.len(),
                    clock(plan.total())
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(errors) => {
                note(&errors.to_string());
                if !ask_again()? {
                    note(&format!(
                        "{} still has errors; it will not load until they are fixed",
                        path.display()
                    ));
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    }
}

/// A line for the user on stderr; write errors are ignored (`eprintln!` would panic on a
/// stderr that has gone).
fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// "Edit again? [Y/n]": yes on an empty line, no on end of input.
fn ask_again() -> anyhow::Result<bool> {
    let _ = write!(std::io::stderr(), "Edit again? [Y/n] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer)? == 0 {
        note("");
        return Ok(false);
    }
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "" | "y" | "yes"
    ))
}
