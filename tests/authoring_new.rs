//! `limberup new`: ids from names, a template that validates, copies with the name replaced,
//! and a write that is crash-safe and never overwrites.

mod common;

use common::Sandbox;
use limberup::authoring::{slug, template, with_name, write_new};
use limberup::routine::{Catalog, builtin_source, parse};

#[test]
fn ids_are_slugs_of_names() {
    assert_eq!(
        slug("Morning Back Routine").as_deref(),
        Some("morning-back-routine")
    );
    assert_eq!(
        slug("  Hips & Hamstrings!! (v2) ").as_deref(),
        Some("hips-hamstrings-v2")
    );
    assert_eq!(slug("Rückenschule").as_deref(), Some("rückenschule"));
    // Lowercase `İ` is `i` and a combining dot: one letter, no `-`.
    assert_eq!(slug("İstanbul").as_deref(), Some("istanbul"));
    // A decomposed accent stays on its letter; alone, it is not a letter.
    assert_eq!(
        slug("Cafe\u{301} au lait").as_deref(),
        Some("cafe\u{301}-au-lait")
    );
    assert_eq!(slug("\u{301}x").as_deref(), Some("x"));
    assert_eq!(slug("a/../b").as_deref(), Some("a-b"));
    assert_eq!(slug("!!!"), None);
    assert_eq!(slug(""), None);
    assert_eq!(slug(&"x".repeat(100)).unwrap().len(), 64);
}

/// A file name may have 255 bytes: long names in scripts of several bytes a character are
/// cut on a character boundary well below that, leaving room for the temp file's suffix.
#[test]
fn ids_fit_in_a_file_name_whatever_the_script() {
    for c in ['ü', 'ж', '日', '𝔞'] {
        let name: String = std::iter::repeat_n(c, 200).collect();
        let id = slug(&name).unwrap();
        assert!(id.len() <= 128, "{c}: {} bytes", id.len());
        assert!(id.chars().all(|x| x == c), "{c}: {id}");
    }
    let sb = Sandbox::new();
    let name: String = std::iter::repeat_n('𝔞', 100).collect();
    let output = sb.cmd().args(["new", &name]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    assert_eq!(
        catalog.find(&slug(&name).unwrap()).unwrap().routine.name,
        name
    );
}

#[test]
fn the_template_validates_whatever_the_name() {
    for name in [
        "Mine",
        "Say \"hi\"",
        "back\\slash",
        "Rückenschule",
        "Zero\u{200B}width",
    ] {
        let id = slug(name).unwrap();
        let text = template(name, &id);
        let routine = parse(&text, "template").unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(routine.name, name);
        assert!(routine.steps.len() >= 3);
        assert!(text.starts_with(&format!("// {id}: your own routine")));
        // It shows how a step names the figure that shows its move, and those fit.
        assert!(routine.steps.iter().any(|s| s.figure.is_some()), "{text}");
        let figures = limberup::figure::Library::builtin();
        limberup::figure::check_routine(&text, "template", &routine, figures).unwrap();
    }
}

#[test]
fn new_help_offers_only_what_new_takes() {
    let output = Sandbox::new()
        .cmd()
        .args(["new", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("--from <ID>"), "{help}");
    for coaching in ["--scale", "--still", "--quiet", "--speak"] {
        assert!(!help.contains(coaching), "{help}");
    }
}

#[test]
fn a_copy_replaces_only_the_name() {
    let warm_up = builtin_source("warm-up").unwrap();
    let copy = with_name(warm_up, "Evening \"easy\"").unwrap();
    let routine = parse(&copy, "copy").unwrap();
    assert_eq!(routine.name, "Evening \"easy\"");
    let original = parse(warm_up, "warm-up").unwrap();
    assert_eq!(routine.steps, original.steps);
    assert_eq!(
        copy.replace("name: \"Evening \\\"easy\\\"\"", "name: \"Warm-up\""),
        warm_up
    );
    // Raw strings and a name after other fields are found too.
    let raw = "Routine(kind: Other, // the name:\n  name : r#\"Old \"one\"\"#, steps: [Step(name: \"S\", work: Hold(secs: 1))])";
    let renamed = with_name(raw, "New").unwrap();
    assert_eq!(parse(&renamed, "raw").unwrap().name, "New");
    assert!(renamed.contains("Step(name: \"S\""));
    assert!(with_name("Routine(kind: Other)", "X").is_err());
}

/// Valid files in every shape ron accepts: an extensions header, comments where a value
/// starts, a raw identifier for the field, a byte order mark.
const SHAPES: [&str; 4] = [
    "#![enable(implicit_some)]\nRoutine(name: \"Old\", kind: Other, steps: [Step(name: \"S\", work: Hold(secs: 1))])\n",
    "Routine(\n    // The name:\n    name: /* shown in lists */ \"Old\", // here\n    kind: Other,\n    steps: [Step(name: \"S\", work: Hold(secs: 1))],\n)\n",
    "Routine(r#name: \"Old\", r#kind: Other, steps: [Step(r#name: \"S\", work: Hold(secs: 1))])\n",
    "\u{FEFF}// With a BOM.\nRoutine(name: r##\"Old\"##, kind: Other, steps: [Step(name: \"S\", work: Hold(secs: 1))])\n",
];

#[test]
fn a_copy_renames_valid_files_of_every_shape() {
    for text in SHAPES {
        parse(text, "shape").unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let renamed = with_name(text, "New").unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let routine = parse(&renamed, "renamed").unwrap_or_else(|e| panic!("{renamed:?}: {e}"));
        assert_eq!(routine.name, "New", "{renamed}");
        // Only the value changed: comments, header and raw identifiers are all still there.
        let without = |t: &str, value: &str| t.replacen(value, "", 1);
        let old = if text.contains("r##") {
            "r##\"Old\"##"
        } else {
            "\"Old\""
        };
        assert_eq!(without(&renamed, "\"New\""), without(text, old));
    }
}

#[test]
fn new_from_copies_files_of_every_shape() {
    let sb = Sandbox::new();
    for (i, text) in SHAPES.iter().enumerate() {
        let source = sb.path().join(format!("shape-{i}.ron"));
        std::fs::write(&source, text).unwrap();
        let name = format!("Copy {i}");
        let output = sb
            .cmd()
            .args(["new", &name, "--from", source.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{text:?}: {output:?}");
    }
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    for i in 0..SHAPES.len() {
        let entry = catalog.find(&format!("copy-{i}")).unwrap();
        assert_eq!(entry.routine.name, format!("Copy {i}"));
    }
}

#[test]
fn new_refuses_control_characters_in_the_name() {
    let sb = Sandbox::new();
    for (name, what) in [
        ("Two\nlines", "a line break (U+000A)"),
        (
            "Evil\u{1b}]0;title\u{7}",
            "a control character (ESC, U+001B)",
        ),
        ("\u{202E}Reversed", "a bidirectional-text control (U+202E)"),
    ] {
        let output = sb.cmd().args(["new", name]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{name:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.ends_with(&format!(
                " cannot name a routine: {what} is not allowed in it\n"
            )),
            "{stderr}"
        );
        assert!(!stderr.contains(['\u{1b}', '\u{202E}']), "{stderr:?}");
    }
    assert!(!sb.routines_dir().exists());
}

#[test]
fn write_new_never_overwrites_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("routines/mine.ron");
    write_new(&path, "first").unwrap();
    let err = write_new(&path, "second").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["mine.ron"]);
}

#[test]
fn new_writes_a_template_the_catalog_loads() {
    let sb = Sandbox::new();
    let output = sb.cmd().args(["new", "Morning Back"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let path = sb.routines_dir().join("morning-back.ron");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "Created {}\nEdit it with `limberup edit morning-back`; follow it with `limberup run morning-back`.\n",
            path.display()
        )
    );
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    assert_eq!(
        catalog.find("morning-back").unwrap().routine.name,
        "Morning Back"
    );

    // A second time: refused, the file untouched.
    std::fs::write(&path, "// my edits\n").unwrap();
    let again = sb.cmd().args(["new", "Morning  back!"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        format!(
            "limberup: {} already exists; edit it with `limberup edit morning-back`, or choose another name\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "// my edits\n");
}

#[test]
fn new_from_copies_a_routine_with_the_new_name() {
    let sb = Sandbox::new();
    let output = sb
        .cmd()
        .args(["new", "Evening", "--from", "warm-up"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(sb.routines_dir().join("evening.ron")).unwrap();
    assert!(text.starts_with("// evening: copied from the built-in routine warm-up by `limberup new`.\nRoutine(\n    name: \"Evening\",\n"));
    let routine = parse(&text, "evening").unwrap();
    let original = parse(builtin_source("warm-up").unwrap(), "warm-up").unwrap();
    assert_eq!(routine.steps, original.steps);

    // A copy of a copy, by path.
    let path = sb.routines_dir().join("evening.ron");
    let output = sb
        .cmd()
        .args(["new", "Late", "--from", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let late = std::fs::read_to_string(sb.routines_dir().join("late.ron")).unwrap();
    assert!(late.starts_with(&format!(
        "// late: copied from {} by `limberup new`.\n// evening:",
        path.display()
    )));

    let unknown = sb
        .cmd()
        .args(["new", "X", "--from", "nope"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn new_refuses_builtin_ids_and_names_without_letters() {
    let sb = Sandbox::new();
    let builtin = sb.cmd().args(["new", "Warm up"]).output().unwrap();
    assert_eq!(builtin.status.code(), Some(1));
    assert!(String::from_utf8(builtin.stderr).unwrap().contains(
        "`warm-up` is a built-in routine's id; choose another name, or run `limberup edit warm-up`"
    ));
    let blank = sb.cmd().args(["new", "--", "-- !"]).output().unwrap();
    assert_eq!(blank.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(blank.stderr).unwrap(),
        "limberup: \"-- !\" cannot name a routine: it needs at least one letter or digit\n"
    );
    assert!(!sb.routines_dir().exists());
}

#[test]
fn new_from_moves_writes_a_commented_routine_of_move_steps_that_loads() {
    let sb = Sandbox::new();
    let output = sb
        .cmd()
        .args([
            "new",
            "Back basics",
            "--moves",
            "cat-cow, side-plank,dead-bug",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(sb.routines_dir().join("back-basics.ron")).unwrap();
    assert!(text.contains("// Side plank: hold 8 s, 3 sets, twice (Left / Right), after McGill"));
    let catalog = Catalog::load(Some(&sb.routines_dir()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let routine = &catalog.find("back-basics").unwrap().routine;
    let ids: Vec<_> = routine.steps.iter().map(|s| s.move_id.as_deref()).collect();
    assert_eq!(ids, [Some("cat-cow"), Some("side-plank"), Some("dead-bug")]);
    assert_eq!(routine.steps[1].passes, ["Left", "Right"]);
}

#[test]
fn new_from_an_unknown_move_writes_nothing_and_suggests_the_closest() {
    let sb = Sandbox::new();
    let output = sb
        .cmd()
        .args(["new", "Back", "--moves", "cat-cow,side-plnak"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no move `side-plnak` (did you mean `side-plank`?)"),
        "{stderr}"
    );
    assert!(!sb.routines_dir().join("back.ron").exists());
}
