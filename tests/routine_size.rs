//! A routine file takes memory and time in proportion to its size, whatever multiplies it
//! (rounds x sets x passes x parts): a session past the limits is refused, located, without
//! being laid out; a file of thousands of broken steps lists a bounded number of problems;
//! and the routines directory with such files in it loads as quickly as without.

use limberup::app::Context;
use limberup::paths::Paths;
use limberup::routine::{Catalog, MAX_SESSION_PASSES, parse};

/// Issue 15's `big.ron`: 12,335 steps, each 20 sets of 8 passes, 20 rounds.
fn big() -> String {
    let step =
        r#"Step(name:"a",work:Hold(secs:3600),sets:20,passes:["1","2","3","4","5","6","7","8"]),"#;
    format!(
        "Routine(name:\"Big\",kind:Other,rounds:20,steps:[\n{}])",
        format!("{step}\n").repeat(12_335)
    )
}

/// A routine whose totals multiply past the limits: refused at the step that passes them.
#[test]
fn a_routine_whose_session_is_too_large_is_refused_where_it_passes_the_limit() {
    let text = big();
    let err = parse(&text, "big.ron").unwrap_err().to_string();
    assert_eq!(
        err,
        "big.ron:17:1: step 16 (\"a\"), the session would have 51200 passes (every set, pass, \
         round and part counted), more than the 50000 a session may have; this step passes \
         the limit, each step run 20 rounds"
    );
}

/// A combination of parts each within the limits, together past them, is refused at its
/// `parts`; so is `run` naming them.
#[test]
fn parts_within_the_limits_each_are_refused_together_past_them() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cfg/routines");
    std::fs::create_dir_all(&dir).unwrap();
    let step =
        r#"Step(name:"a",work:Hold(secs:1),sets:20,passes:["1","2","3","4","5","6","7","8"]),"#;
    // 40 steps of 160 passes: 6,400 passes each, 8 of them past the limit.
    let part = format!("Routine(name:\"P\",kind:Other,steps:[{}])", step.repeat(40));
    for i in 0..8 {
        std::fs::write(dir.join(format!("p{i}.ron")), &part).unwrap();
    }
    let ids: Vec<String> = (0..8).map(|i| format!("\"p{i}\"")).collect();
    std::fs::write(
        dir.join("all.ron"),
        format!(
            "Routine(name:\"All\",kind:Other,\nparts:[{}])",
            ids.join(",")
        ),
    )
    .unwrap();
    let ctx = Context::load(Paths {
        config_dir: Some(home.path().join("cfg")),
        data_dir: Some(home.path().join("data")),
    })
    .unwrap();
    let catalog = &ctx.catalog;
    assert!(catalog.find("all").is_none());
    let err = catalog
        .errors
        .iter()
        .find(|e| e.origin.ends_with("all.ron"))
        .expect("all.ron refused")
        .to_string();
    assert!(
        err.ends_with(&format!(
            "all.ron:2:1: parts: the session would have 51200 passes (every set, pass, round \
             and part counted), more than the {MAX_SESSION_PASSES} a session may have"
        )),
        "{err}"
    );
    let parts: Vec<_> = (0..8)
        .map(|i| catalog.find(&format!("p{i}")).unwrap().clone())
        .collect();
    let err = catalog.lineup(parts).unwrap_err().to_string();
    assert!(
        err.starts_with("the routines given to `run`: the session would have 51200"),
        "{err}"
    );
}

/// Thousands of broken steps: the first 20 problems, located, and a count of the rest
/// (each located problem reads the file again).
#[test]
fn a_file_of_thousands_of_broken_steps_lists_the_first_twenty() {
    let text = format!(
        "Routine(name:\"Bad\",kind:Other,steps:[\n{}])",
        "Step(name:\"a\",work:Hold(secs:30),sets:21),\n".repeat(19_000)
    );
    let err = parse(&text, "bad.ron").unwrap_err();
    assert_eq!(err.problems.len(), 21);
    assert_eq!(err.problems[0].message, "must be 1 to 20 sets, got 21");
    // 19,000 steps of too many sets, and the session's passes past their limit.
    assert_eq!(
        err.problems[20].message,
        "and 18981 more problems (only the first 20 are shown)"
    );
}

/// The routines directory with `big.ron` in it: the other routines load, `big.ron` is an
/// error, and no plan of it is ever made.
#[test]
fn one_big_file_leaves_the_others_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.ron"), big()).unwrap();
    let catalog = Catalog::load(Some(dir.path()));
    assert!(catalog.find("big").is_none());
    assert!(catalog.find("warm-up").is_some());
    assert_eq!(catalog.errors.len(), 1);
}
