//! Combinations whose parts do not name routines they can run: each file in
//! `tests/fixtures/invalid-parts/` gives exactly the error in its `.expected` sibling
//! through `limberup validate` (`$ROUTINES` there stands for the user routines dir, which
//! holds a routine with an error, `broken`); the same files in the routines dir are left
//! out of `list` with that error, and `run` refuses them. A cycle is a nesting, refused.

mod common;

use std::path::Path;

use common::Sandbox;

const CORPUS: &str = "tests/fixtures/invalid-parts";
const BROKEN: &str =
    "Routine(name: \"Broken\", kind: Other, steps: [Step(name: \"A\", work: Hold(secs: 0))])\n";

fn expected(file: &Path, routines: &Path) -> String {
    let path = file.with_extension("expected");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace("$ROUTINES", &routines.display().to_string())
}

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write_routine("broken", BROKEN);
    sb
}

#[test]
fn every_file_gives_its_expected_error_with_line_and_column() {
    let sb = sandbox();
    let files = common::corpus(CORPUS);
    assert!(files.len() >= 5, "only {} files", files.len());
    for file in files {
        let want = expected(&file, &sb.routines_dir());
        let output = sb.cmd().arg("validate").arg(&file).output().unwrap();
        let got = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{}", file.display());
        assert_eq!(got, want, "{}", file.display());
        for line in got.lines() {
            let rest = line.strip_prefix(&format!("{}:", file.display())).unwrap();
            let mut at = rest.splitn(3, ':');
            assert!(at.next().unwrap().parse::<usize>().is_ok(), "{line}");
            assert!(at.next().unwrap().parse::<usize>().is_ok(), "{line}");
        }
    }
}

#[test]
fn a_bad_combination_in_the_routines_dir_is_left_out_of_the_list_and_refused() {
    let sb = sandbox();
    let path = sb.write_routine(
        "morning",
        &std::fs::read_to_string(format!("{CORPUS}/unknown-id.ron")).unwrap(),
    );
    let output = sb.cmd().args(["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.lines().any(|l| l.starts_with("morning ")),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let error = format!(
        "{}:5:13: parts #1: no routine with this id among 11 routines; did you mean `warm-up`?",
        path.display()
    );
    assert!(stderr.contains(&error), "{stderr}");
    let run = sb
        .cmd()
        .args(["run", "morning", "--plain"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains(&error));
}

#[test]
fn a_cycle_of_combinations_is_refused_as_nesting() {
    let sb = sandbox();
    let a = sb.write_routine(
        "cycle-a",
        "Routine(name: \"A\", kind: Other, parts: [\"cycle-b\"])\n",
    );
    let b = sb.write_routine(
        "cycle-b",
        "Routine(name: \"B\", kind: Other, parts: [\"cycle-a\"])\n",
    );
    let output = sb
        .cmd()
        .args(["validate", "cycle-a", "cycle-b"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (file, other) in [(&a, "cycle-b"), (&b, "cycle-a")] {
        let want = format!(
            "{}:1:41: parts #1: `{other}` is itself a combination, and combinations do not nest",
            file.display()
        );
        assert!(stderr.contains(&want), "{stderr}");
    }
    let run = sb
        .cmd()
        .args(["run", "cycle-a", "--plain"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn a_good_combination_of_the_users_lists_plans_and_validates() {
    let sb = sandbox();
    sb.write_routine(
        "short",
        "Routine(name: \"Short\", kind: Other, prepare_secs: 0, steps: [Step(name: \"A\", work: Hold(secs: 2))])\n",
    );
    sb.write_routine(
        "pair",
        "Routine(name: \"Pair\", kind: Other, rest_secs: 3, parts: [\"short\", \"short\"])\n",
    );
    let out = sb.cmd().args(["validate", "pair"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "pair: ok\n");
    let list = sb.cmd().args(["list", "--json"]).output().unwrap();
    let items: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let pair = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "pair")
        .unwrap();
    assert_eq!(pair["parts"], serde_json::json!(["short", "short"]));
    assert_eq!(pair["steps"], 2);
    // 2 s, then 3 s of rest between the parts, then 2 s.
    assert_eq!(pair["total_secs"], 7);
    let plan = sb.cmd().args(["plan", "pair", "--json"]).output().unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    assert_eq!(plan["parts"].as_array().unwrap().len(), 2);
    assert_eq!(plan["steps"][1]["part"], 2);
    assert_eq!(plan["steps"][1]["segments"][0]["phase"], "rest");
    let export = sb.cmd().args(["export", "pair"]).output().unwrap();
    assert!(String::from_utf8_lossy(&export.stdout).contains("parts: [\"short\", \"short\"]"));
}
