//! `limberup edit` with scripted editors: a save is checked, errors offer a re-open, a
//! built-in is edited as a draft that replaces it only once changed and valid, and the
//! editor value is read as a shell would.

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, tiny_routine};
use limberup::routine::{Catalog, Source, builtin_source};

/// An editor script: on its n-th run it copies `versions[n-1]` over the file it is given,
/// and logs its arguments.
fn editor(sb: &Sandbox, versions: &[&str]) -> PathBuf {
    let dir = sb.path().join("editor");
    std::fs::create_dir_all(&dir).unwrap();
    for (i, text) in versions.iter().enumerate() {
        std::fs::write(dir.join(format!("v{}", i + 1)), text).unwrap();
    }
    let script = dir.join("edit.sh");
    std::fs::write(
        &script,
        format!(
            "n=$(cat '{d}/count' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{d}/count'\n\
             echo \"$@\" >> '{d}/args'\n\
             last=\"\"; for a in \"$@\"; do last=\"$a\"; done\n\
             [ -f '{d}/v'$n ] && cp '{d}/v'$n \"$last\"\n\
             exit 0\n",
            d = dir.display()
        ),
    )
    .unwrap();
    script
}

fn runs(script: &Path) -> String {
    std::fs::read_to_string(script.parent().unwrap().join("args")).unwrap_or_default()
}

const BROKEN: &str = "Routine(\n    name: \"Tiny\",\n    kind: Other,\n    steps: [Step(name: \"H\", work: Hold(secs: 0))],\n)\n";

#[test]
fn an_error_offers_to_edit_again_until_the_file_is_good() {
    let sb = Sandbox::new();
    let path = sb.write_routine("tiny", &tiny_routine(2));
    let good = tiny_routine(3);
    let script = editor(&sb, &[BROKEN, &good]);
    let output = sb
        .cmd()
        .env("EDITOR", format!("sh {}", script.display()))
        .args(["edit", "tiny"])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "{}:4:40: step 1 (\"H\"), work.secs: must be 1 to 3600 seconds, got 0\nEdit again? [Y/n] ",
            path.display()
        )
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{}: ok (3 steps, 0:03 planned)\n", path.display())
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), good);
    assert_eq!(runs(&script).lines().count(), 2);
}

#[test]
fn no_leaves_the_file_as_saved_and_fails() {
    let sb = Sandbox::new();
    let path = sb.write_routine("tiny", &tiny_routine(2));
    let script = editor(&sb, &[BROKEN]);
    let output = sb
        .cmd()
        .env("EDITOR", format!("sh {}", script.display()))
        .args(["edit", "tiny"])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.ends_with(&format!(
        "Edit again? [Y/n] {} still has errors; it will not load until they are fixed\n",
        path.display()
    )));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN);
    // A file with errors can still be opened again by its id.
    let fixed = editor(&sb, &[]);
    std::fs::remove_file(fixed.parent().unwrap().join("count")).unwrap();
    std::fs::write(fixed.parent().unwrap().join("v1"), tiny_routine(1)).unwrap();
    let again = sb
        .cmd()
        .env("EDITOR", format!("sh {}", fixed.display()))
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{again:?}");
}

#[test]
fn editing_a_builtin_saves_a_copy_once_it_is_changed_and_valid() {
    let sb = Sandbox::new();
    let changed = builtin_source("core")
        .unwrap()
        .replace("name: \"Core\"", "name: \"My core\"");
    let script = editor(&sb, &[&changed]);
    let output = sb
        .cmd()
        .env("VISUAL", format!("sh {}", script.display()))
        .env("EDITOR", "/nonexistent/editor")
        .args(["edit", "core"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let copy = sb.routines_dir().join("core.ron");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "core is built in: editing a copy; once it loads and differs from the built-in it is \
             saved as {} and takes the built-in's place (delete it to go back)\n",
            copy.display()
        )
    );
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with(&format!("{}: ok (", copy.display()))
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), changed);
    // VISUAL wins over EDITOR; the editor got the draft, which is gone now.
    let draft = sb.routines_dir().join(".core.draft.ron");
    assert_eq!(runs(&script), format!("{}\n", draft.display()));
    assert_eq!(files_in(&sb.routines_dir()), ["core.ron"]);
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty());
    assert_eq!(catalog.find("core").unwrap().routine.name, "My core");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_unchanged_edit_of_a_builtin_leaves_no_copy() {
    let sb = Sandbox::new();
    let script = editor(&sb, &[]);
    let output = sb
        .cmd()
        .env("EDITOR", format!("sh {}", script.display()))
        .args(["edit", "core"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .ends_with("\nno changes: the built-in core stays in use\n")
    );
    assert!(files_in(&sb.routines_dir()).is_empty());
}

#[test]
fn a_failed_edit_of_a_builtin_leaves_nothing_in_its_place() {
    let sb = Sandbox::new();
    let script = editor(&sb, &[BROKEN]);
    let output = sb
        .cmd()
        .env("EDITOR", format!("sh {}", script.display()))
        .args(["edit", "core"])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let draft = sb.routines_dir().join(".core.draft.ron");
    assert!(String::from_utf8(output.stderr).unwrap().ends_with(&format!(
        "Edit again? [Y/n] your copy still has errors, so it was not saved and the built-in \
         core stays in use; `limberup edit core` goes on with it ({})\n",
        draft.display()
    )));
    // The built-in is still the one in use, and the list shows no error.
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    assert_eq!(catalog.find("core").unwrap().source, Source::BuiltIn);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), BROKEN);

    // The next edit goes on with the draft, and a good save takes the built-in's place.
    let good = tiny_routine(2);
    let fix = editor(&sb, &[]);
    std::fs::remove_file(fix.parent().unwrap().join("count")).unwrap();
    std::fs::write(fix.parent().unwrap().join("v1"), &good).unwrap();
    let again = sb
        .cmd()
        .env("EDITOR", format!("sh {}", fix.display()))
        .args(["edit", "core"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        format!(
            "core is built in: going on with your unfinished copy at {}\n",
            draft.display()
        )
    );
    assert_eq!(files_in(&sb.routines_dir()), ["core.ron"]);
}

#[test]
fn an_editor_that_deletes_the_file_is_told_apart_from_errors() {
    let sb = Sandbox::new();
    let path = sb.write_routine("tiny", &tiny_routine(1));
    let mine = sb
        .cmd()
        .env("EDITOR", "rm")
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(mine.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(mine.stderr).unwrap(),
        format!(
            "{} is gone: the editor deleted or moved it, so there is nothing to check\n",
            path.display()
        )
    );
    let builtin = sb
        .cmd()
        .env("EDITOR", "rm")
        .args(["edit", "core"])
        .output()
        .unwrap();
    assert_eq!(builtin.status.code(), Some(1));
    assert!(String::from_utf8(builtin.stderr).unwrap().ends_with(
        "\nthe editor deleted the copy; nothing was changed and the built-in core stays in use\n"
    ));
    assert!(files_in(&sb.routines_dir()).is_empty());
}

#[test]
fn the_editor_value_is_read_with_shell_rules() {
    let sb = Sandbox::new();
    let path = sb.write_routine("tiny", &tiny_routine(1));
    let dir = sb.path().join("my editor");
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("args");
    let script = dir.join("ed it.sh");
    std::fs::write(
        &script,
        format!(
            "for a in \"$@\"; do printf '[%s]' \"$a\" >> '{}'; done\n",
            log.display()
        ),
    )
    .unwrap();
    let output = sb
        .cmd()
        .env(
            "EDITOR",
            format!("sh \"{}\" --title 'two words'", script.display()),
        )
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("[--title][two words][{}]", path.display())
    );
}

#[test]
fn editor_problems_are_clear_errors() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let missing = sb
        .cmd()
        .env("EDITOR", "/nonexistent/editor --wait")
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8(missing.stderr).unwrap().ends_with(
        "limberup: cannot start the editor `/nonexistent/editor --wait`; set $VISUAL or $EDITOR\n"
    ));
    let absent = sb
        .cmd()
        .env("EDITOR", "/nonexistent/editor")
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(absent.status.code(), Some(1));
    assert!(String::from_utf8(absent.stderr).unwrap().starts_with(
        "limberup: cannot start the editor `/nonexistent/editor`; set $VISUAL or $EDITOR"
    ));
    let failing = sb
        .cmd()
        .env("EDITOR", "false")
        .args(["edit", "tiny"])
        .output()
        .unwrap();
    assert_eq!(failing.status.code(), Some(1));
    assert!(
        String::from_utf8(failing.stderr)
            .unwrap()
            .starts_with("limberup: the editor `false` exited with exit status: 1;")
    );
    let unknown = sb
        .cmd()
        .env("EDITOR", "true")
        .args(["edit", "nope"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    let no_file = sb
        .cmd()
        .env("EDITOR", "true")
        .args(["edit", "/nonexistent/x.ron"])
        .output()
        .unwrap();
    assert_eq!(no_file.status.code(), Some(2));
    let by_file_name = sb
        .cmd()
        .env("EDITOR", "true")
        .args(["edit", "tiny.ron"])
        .output()
        .unwrap();
    assert_eq!(by_file_name.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(by_file_name.stderr).unwrap(),
        "limberup: tiny.ron: no such file; to use the routine `tiny`, give its id alone, without `.ron`\n"
    );
}

#[test]
fn a_file_where_the_routines_dir_belongs_is_named() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.config_dir()).unwrap();
    std::fs::write(sb.routines_dir(), "").unwrap();
    for args in [&["edit", "core"][..], &["new", "Mine"]] {
        let output = sb.cmd().env("EDITOR", "true").args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "limberup: {} is a file, but limberup keeps your routines in a directory by \
                 that name; move the file out of the way\n",
                sb.routines_dir().display()
            ),
            "{args:?}"
        );
    }
}
