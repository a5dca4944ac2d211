//! `limberup edit` with scripted editors: a save is checked, errors offer a re-open, a
//! built-in is copied first, and the editor value may carry arguments.

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, tiny_routine};

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
fn editing_a_builtin_makes_a_user_copy_first() {
    let sb = Sandbox::new();
    let script = editor(&sb, &[]);
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
            "core is built in: editing your own copy at {} (it takes the built-in's place; delete it to go back)\n",
            copy.display()
        )
    );
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(
        text.starts_with("// core: your copy of the built-in routine, made by `limberup edit`.")
    );
    // VISUAL wins over EDITOR, and the file is the last argument.
    assert_eq!(runs(&script), format!("{}\n", copy.display()));
    let catalog = limberup::routine::Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty());
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
    assert!(String::from_utf8(missing.stderr).unwrap().starts_with(
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
    assert_eq!(no_file.status.code(), Some(1));
}
