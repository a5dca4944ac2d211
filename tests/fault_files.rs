//! Config and routine paths that are not regular files: a FIFO (which blocked every command
//! that opened it), a directory, dangling and looping links, a link to /dev/zero. Each is
//! refused at once with an error naming it, and `list` and `figures` say which of the user's
//! entries they skipped.

mod common;

use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

use common::{Sandbox, tiny_routine};

/// Long enough for any command here; a command blocked in `open` fails instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(10);

fn mkfifo(path: &Path) {
    let made = Process::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn a_fifo_as_the_config_is_refused_by_every_command_at_once() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let path = sb.write_config("");
    std::fs::remove_file(&path).unwrap();
    mkfifo(&path);
    let expected = format!(
        "limberup: {}: not a regular file (a FIFO)\n",
        path.display()
    );
    for args in [&["run", "tiny"][..], &["history"], &["list"], &["config"]] {
        let output = sb.cmd().args(args).timeout(TIMEOUT).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr_of(&output), expected, "{args:?}");
    }
}

#[test]
fn a_routine_path_that_is_a_fifo_or_a_directory_is_refused_by_validate_and_run() {
    let sb = Sandbox::new();
    let fifo = sb.path().join("pipe.ron");
    mkfifo(&fifo);
    let dir = sb.path().join("folder.ron");
    std::fs::create_dir(&dir).unwrap();
    let good = sb.path().join("good.ron");
    std::fs::write(&good, tiny_routine(1)).unwrap();
    let output = sb
        .cmd()
        .arg("validate")
        .args([&fifo, &dir, &good])
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout.clone()).unwrap(),
        format!("{}: ok\n", good.display())
    );
    assert_eq!(
        stderr_of(&output),
        format!(
            "{}: not a regular file (a FIFO)\n{}: not a regular file (a directory)\n\
             limberup: 2 of 3 files have errors\n",
            fifo.display(),
            dir.display()
        )
    );
    for (path, what) in [(&fifo, "a FIFO"), (&dir, "a directory")] {
        let output = sb
            .cmd()
            .arg("run")
            .arg(path)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            stderr_of(&output),
            format!(
                "limberup: {}: not a regular file ({what})\n",
                path.display()
            )
        );
    }
}

/// Puts in `dir` a `*.ron` entry of each kind that is not a regular file: a directory, a
/// FIFO, a link to /dev/zero, a dangling link and a looping one.
fn plant_non_files(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::create_dir(dir.join("folder.ron")).unwrap();
    mkfifo(&dir.join("pipe.ron"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.ron")).unwrap();
    std::os::unix::fs::symlink("nowhere.ron", dir.join("gone.ron")).unwrap();
    std::os::unix::fs::symlink("loop.ron", dir.join("loop.ron")).unwrap();
}

/// What a command says of the entries `plant_non_files` put in `dir`, one by one.
fn skipped_non_files(dir: &Path) -> String {
    let skipped = |name: &str, why: &str| {
        let path = dir.join(name).display().to_string();
        format!("limberup: skipped {path}, which has errors:\n  {path}: {why}\n")
    };
    [
        skipped("folder.ron", "not a regular file (a directory)"),
        skipped(
            "gone.ron",
            "cannot open: a symbolic link to nowhere.ron, which does not exist",
        ),
        skipped("loop.ron", "cannot open: a loop of symbolic links"),
        skipped("pipe.ron", "not a regular file (a FIFO)"),
        skipped("zero.ron", "not a regular file (a character device)"),
    ]
    .concat()
}

#[test]
fn list_warns_about_each_user_entry_it_skips_and_lists_the_rest() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let dir = sb.routines_dir();
    plant_non_files(&dir);
    // An editor's lock file (Emacs): hidden, so not a routine and not worth a warning.
    std::os::unix::fs::symlink("me@host.1:2", dir.join(".#tiny.ron")).unwrap();
    let output = sb.cmd().arg("list").timeout(TIMEOUT).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("tiny ")), "{stdout}");
    assert_eq!(stderr_of(&output), skipped_non_files(&dir));
}

#[test]
fn figures_warns_about_each_user_entry_it_skips_and_names_what_it_is() {
    let sb = Sandbox::new();
    let dir = sb.config_dir().join("figures");
    plant_non_files(&dir);
    let output = sb.cmd().arg("figures").timeout(TIMEOUT).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr_of(&output), skipped_non_files(&dir));
    // Named, a file that exists is not "no figure `pipe`": what it is, said.
    let output = sb
        .cmd()
        .args(["figures", "pipe"])
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output),
        format!(
            "limberup: {}: not a regular file (a FIFO)\n",
            dir.join("pipe.ron").display()
        )
    );
}
