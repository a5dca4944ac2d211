//! `limberup edit`: opens a routine in the user's editor and checks it on save, offering to
//! re-open it on errors as `crontab -e` does. A built-in is edited as a draft that takes
//! the built-in's place only once it loads and differs from it.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::{copy, routines_dir, write_new};
use crate::app::Context;
use crate::clock::clock;
use crate::routine::{self, Routine, builtin_source};
use crate::session::Plan;

/// The editor as the user set it: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// The command that opens `file` in `editor`. As git does: a value with shell syntax
/// (arguments, quotes, `~`, `$VAR`) runs through `sh -c` with the file as `"$@"`, so
/// `code --wait` and `"/opt/My Editor/ed"` both work; a plain name runs directly.
fn editor_command(editor: &str, file: &Path) -> std::process::Command {
    let shell_syntax = |c: char| c.is_whitespace() || "|&;<>()$`\\\"'*?[]#~=%".contains(c);
    if editor.contains(shell_syntax) {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg(editor)
            .arg(file);
        cmd
    } else {
        let mut cmd = std::process::Command::new(editor);
        cmd.arg(file);
        cmd
    }
}

/// What a file is after the user is done with the editor.
enum Edited {
    Valid(Routine),
    /// It still has errors and the user chose to stop.
    Invalid,
    /// The editor deleted or moved it.
    Gone,
}

/// Opens `path` until it loads, the user gives up, or it is gone.
fn edit_until_valid(ctx: &Context, path: &Path) -> anyhow::Result<Edited> {
    let editor = editor();
    loop {
        let status = editor_command(&editor, path).status().with_context(|| {
            format!("cannot start the editor `{editor}`; set $VISUAL or $EDITOR")
        })?;
        // 126 and 127: the shell found no such command, or could not run it.
        if matches!(status.code(), Some(126 | 127)) {
            bail!("cannot start the editor `{editor}`; set $VISUAL or $EDITOR");
        }
        if !status.success() {
            bail!(
                "the editor `{editor}` exited with {status}; {} is as it last saved it",
                path.display()
            );
        }
        if !path.exists() {
            return Ok(Edited::Gone);
        }
        match crate::figure::load_routine(path, &ctx.figures, ctx.catalog.moves()) {
            Ok(routine) => return Ok(Edited::Valid(routine)),
            Err(errors) => {
                note(&errors.to_string());
                if !ask_again()? {
                    return Ok(Edited::Invalid);
                }
            }
        }
    }
}

/// `path: ok (3 steps, 6:12 planned)`, the id being `id`.
fn report_ok(ctx: &Context, path: &Path, id: &str, routine: &Routine) -> anyhow::Result<()> {
    let plan = Plan::new(id, routine, &ctx.plan_options(None));
    writeln!(
        std::io::stdout(),
        "{}: ok ({} steps, {} planned)",
        crate::text::clean(&path.display().to_string()),
        routine.steps.len(),
        clock(plan.total())
    )?;
    Ok(())
}

/// `limberup edit ROUTINE`: a path as given, the user's file for an id (even one with
/// errors), or a draft copy of a built-in.
pub fn edit(ctx: &Context, arg: &str) -> anyhow::Result<ExitCode> {
    if arg.ends_with(".ron") || arg.contains('/') || arg.contains(std::path::MAIN_SEPARATOR) {
        let path = PathBuf::from(arg);
        if !path.is_file() {
            // The catalog says why, and which id was meant by `warm-up.ron`.
            ctx.catalog.resolve(arg)?;
            bail!("{arg}: no such routine file");
        }
        return edit_file(ctx, &path);
    }
    let path = routines_dir(ctx)?.join(format!("{arg}.ron"));
    if path.is_file() {
        return edit_file(ctx, &path);
    }
    match builtin_source(arg) {
        Some(text) => edit_builtin(ctx, arg, text, &path),
        None => {
            ctx.catalog.resolve(arg)?;
            bail!("{arg}: no such routine");
        }
    }
}

/// Edits one of the user's own files in place.
fn edit_file(ctx: &Context, path: &Path) -> anyhow::Result<ExitCode> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match edit_until_valid(ctx, path)? {
        Edited::Valid(routine) => {
            report_ok(ctx, path, &id, &routine)?;
            Ok(ExitCode::SUCCESS)
        }
        Edited::Invalid => {
            note(&format!(
                "{} still has errors; it will not load until they are fixed",
                path.display()
            ));
            Ok(ExitCode::FAILURE)
        }
        Edited::Gone => {
            note(&format!(
                "{} is gone: the editor deleted or moved it, so there is nothing to check",
                path.display()
            ));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Edits a draft copy of built-in `id` (a hidden file the catalog skips) and installs it at
/// `path` only when it loads and differs from the built-in, so a failed or empty edit never
/// leaves a copy in the built-in's place. A draft left with errors is picked up next time.
fn edit_builtin(ctx: &Context, id: &str, builtin: &str, path: &Path) -> anyhow::Result<ExitCode> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let draft = dir.join(format!(".{id}.draft.ron"));
    let header = format!(
        "{id}: your copy of the built-in routine, made by `limberup edit`. \
         Delete this file to go back to the built-in."
    );
    let fresh = copy(builtin, &header);
    if draft.is_file() {
        note(&format!(
            "{id} is built in: going on with your unfinished copy at {}",
            draft.display()
        ));
    } else {
        write_new(&draft, &fresh).with_context(|| format!("cannot write {}", draft.display()))?;
        note(&format!(
            "{id} is built in: editing a copy; once it loads and differs from the built-in it \
             is saved as {} and takes the built-in's place (delete it to go back)",
            path.display()
        ));
    }
    match edit_until_valid(ctx, &draft)? {
        Edited::Valid(routine) => {
            let text = routine::read_source(&draft, crate::disk::Kind::Routine)?;
            if text == fresh {
                let _ = std::fs::remove_file(&draft);
                note(&format!("no changes: the built-in {id} stays in use"));
                return Ok(ExitCode::SUCCESS);
            }
            write_new(path, &text).with_context(|| {
                format!(
                    "cannot save {} (your copy is still at {})",
                    path.display(),
                    draft.display()
                )
            })?;
            let _ = std::fs::remove_file(&draft);
            report_ok(ctx, path, id, &routine)?;
            Ok(ExitCode::SUCCESS)
        }
        Edited::Invalid => {
            note(&format!(
                "your copy still has errors, so it was not saved and the built-in {id} stays \
                 in use; `limberup edit {id}` goes on with it ({})",
                draft.display()
            ));
            Ok(ExitCode::FAILURE)
        }
        Edited::Gone => {
            note(&format!(
                "the editor deleted the copy; nothing was changed and the built-in {id} stays \
                 in use"
            ));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Lines for the user on stderr, file text in them shown escaped; write errors are ignored
/// (`eprintln!` would panic on a stderr that has gone).
fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    for line in text.split('\n') {
        let _ = writeln!(err, "{}", crate::text::clean(line));
    }
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
