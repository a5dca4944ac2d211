//! `limberup moves` as a user types it: filters that narrow the list, a did-you-mean for a
//! misspelt filter value, and `moves ID` without a terminal printing the move's card.

mod common;

use common::Sandbox;

fn run(sb: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let output = sb.cmd().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn ids(table: &str) -> Vec<String> {
    table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect()
}

#[test]
fn filters_narrow_the_list_and_every_row_matches_them() {
    let sb = Sandbox::new();
    let (code, all, _) = run(&sb, &["moves"]);
    assert_eq!(code, 0);
    let every = ids(&all);
    assert!(every.len() >= 60, "{all}");
    let (_, some, _) = run(
        &sb,
        &["moves", "--region", "lower-back", "--kind", "strength-hold"],
    );
    let some = ids(&some);
    assert!(some.contains(&"bird-dog".to_string()), "{some:?}");
    assert!(some.len() < every.len());
    let json = run(
        &sb,
        &[
            "moves",
            "--position",
            "seated",
            "--equipment",
            "none",
            "--json",
        ],
    )
    .1;
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert_eq!(item["position"], "seated", "{item}");
        assert_eq!(item["equipment"], serde_json::json!([]), "{item}");
    }
    let (_, found, _) = run(&sb, &["moves", "side bridge"]);
    assert_eq!(ids(&found), ["side-plank"]);
}

#[test]
fn a_misspelt_filter_value_is_refused_with_the_closest() {
    let sb = Sandbox::new();
    let (code, out, err) = run(&sb, &["moves", "--region", "hamstring"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("no region `hamstring` (did you mean `hamstrings`?)"),
        "{err}"
    );
}

#[test]
fn a_move_by_id_without_a_terminal_prints_its_cues_dose_and_sources() {
    let sb = Sandbox::new();
    let (code, out, _) = run(&sb, &["moves", "bird-dog"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Bird dog (built-in)\n"), "{out}");
    assert!(out.contains("\ndose: hold 8 s, 3 sets"), "{out}");
    assert!(
        out.contains("\nsource: McGill, Back Mechanic (2015): "),
        "{out}"
    );
    assert!(
        out.lines().filter(|l| l.starts_with("• ")).count() >= 3,
        "{out}"
    );
}
