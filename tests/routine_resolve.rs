//! Naming a routine that does not exist: the message names the closest ids (all of them
//! while there are few), stays short with thousands of routines, and a file name given for
//! an id points at the id.

mod common;

use common::{Sandbox, tiny_routine};
use limberup::routine::{Catalog, Entry, Source, parse};

fn catalog_of(ids: impl IntoIterator<Item = String>) -> Catalog {
    let routine = parse(&tiny_routine(1), "tiny").unwrap();
    let mut catalog = Catalog::default();
    catalog.entries = ids
        .into_iter()
        .map(|id| Entry {
            id,
            routine: routine.clone(),
            source: Source::BuiltIn,
        })
        .collect();
    catalog
}

fn error(catalog: &Catalog, arg: &str) -> String {
    catalog.resolve(arg).unwrap_err().to_string()
}

#[test]
fn few_routines_are_all_named_and_a_slip_gets_a_suggestion() {
    let few = ["warm-up", "cool-down", "core", "workout", "full-session"];
    let catalog = catalog_of(few.map(String::from));
    assert_eq!(
        error(&catalog, "nope"),
        "nope: no routine with this id (known: warm-up, cool-down, core, workout, full-session); give an id or a \
         path to a .ron file"
    );
    assert_eq!(
        error(&catalog, "warmup"),
        "warmup: no routine with this id; did you mean `warm-up`? (known: warm-up, cool-down, \
         core, workout, full-session)"
    );
    assert_eq!(
        error(&catalog, "Cool-Dwn"),
        "Cool-Dwn: no routine with this id; did you mean `cool-down`? (known: warm-up, \
         cool-down, core, workout, full-session)"
    );
}

#[test]
fn ten_thousand_routines_give_a_short_message_with_the_closest_few() {
    let ids = (0..10_000)
        .map(|i| format!("routine-{i:05}"))
        .chain(["hamstrings", "hamstring-2", "hips"].map(String::from));
    let catalog = catalog_of(ids);
    let message = error(&catalog, "hamstring");
    assert_eq!(
        message,
        "hamstring: no routine with this id among 10,003 routines; did you mean \
         `hamstrings` or `hamstring-2`? (`limberup list` shows them)"
    );
    let none = error(&catalog, "nosuch");
    assert_eq!(
        none,
        "nosuch: no routine with this id among 10,003 routines (`limberup list` shows them)"
    );
    let near = error(&catalog, "routine-0000");
    assert!(near.len() < 200, "{} bytes: {near}", near.len());
    assert!(
        near.contains("did you mean `routine-00000`, `routine-00001` or"),
        "{near}"
    );
}

#[test]
fn a_file_name_for_an_id_points_at_the_id() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    for (args, id) in [
        (&["run", "--plain", "warm-up.ron"][..], "warm-up"),
        (&["plan", "tiny.ron"], "tiny"),
        (&["export", "./core.ron"], "core"),
    ] {
        let output = sb.cmd().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "limberup: {}: no such file; to use the routine `{id}`, give its id alone, \
                 without `.ron`\n",
                args[args.len() - 1]
            ),
        );
    }
    // A file that does exist is read, even with an id's name.
    std::fs::write(sb.path().join("core.ron"), tiny_routine(2)).unwrap();
    let output = sb
        .cmd()
        .current_dir(sb.path())
        .args(["plan", "core.ron"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

/// Every command that takes a routine answers an unknown id the same way, with the
/// closest id offered as `did you mean `warm-up`?`.
#[test]
fn every_command_answers_an_unknown_id_alike() {
    let sb = Sandbox::new();
    let answer = "limberup: warmup: no routine with this id among 10 routines; did you mean \
                  `warm-up`? (`limberup list` shows them)\n";
    for (args, code) in [
        (&["run", "--plain", "warmup"][..], 2),
        (&["plan", "warmup"], 2),
        (&["export", "warmup"], 2),
        (&["edit", "warmup"], 2),
        (&["new", "Mine", "--from", "warmup"], 2),
    ] {
        let output = sb.cmd().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            answer,
            "{args:?}"
        );
    }
    // `validate` reports on each argument in turn, without its `limberup: ` prefix.
    let output = sb.cmd().args(["validate", "warmup"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        answer.trim_start_matches("limberup: ")
    );
}

/// A file named without `.ron` or a directory reads as an id; when such a file is there,
/// the answer says how to name it as a file.
#[test]
fn a_file_named_like_an_id_is_pointed_at() {
    let sb = Sandbox::new();
    std::fs::write(sb.path().join("stretch"), tiny_routine(1)).unwrap();
    for args in [&["validate", "stretch"][..], &["plan", "stretch"]] {
        let output = sb.cmd().current_dir(sb.path()).args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.ends_with(
                "stretch: no routine with this id among 10 routines (`limberup list` shows them); \
                 to use the file `stretch`, give it as `./stretch`\n"
            ),
            "{args:?}: {stderr}"
        );
    }
    let output = sb
        .cmd()
        .current_dir(sb.path())
        .args(["validate", "./stretch"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "./stretch: ok\n");
}
