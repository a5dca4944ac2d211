//! The figure commands through the real binary, each test in a home of its own: the list
//! (table and JSON), user figures replacing and adding to the built-ins, errors for unknown
//! or broken figures, routines naming figures, and the Pose line of plain mode.

use std::path::PathBuf;

use assert_cmd::Command;
use limberup::figure::builtins;
use serde_json::Value;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn write(&self, sub: &str, id: &str, text: &str) -> PathBuf {
        let dir = self.dir.path().join("config/limberup").join(sub);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{id}.ron"));
        std::fs::write(&path, text).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::cargo_bin("limberup")
            .unwrap()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    }
}

/// The built-in cat/cow under another name.
fn wave() -> String {
    builtins()[0]
        .1
        .replace("name: \"Cat/Cow\"", "name: \"Wave\"")
}

#[test]
fn figures_lists_every_built_in_with_its_view_and_motion() {
    let (code, out, err) = Home::new().run(&["figures"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), builtins().len() + 1, "{out}");
    assert!(lines[0].starts_with("ID ") && lines[0].ends_with("SOURCE"));
    let cat_cow: Vec<&str> = lines[1]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cat_cow,
        ["cat-cow", "Cat/Cow", "side", "cat → cow", "built-in"]
    );
    assert!(out.contains("round-1 → … → round-8 (8 poses)"), "{out}");
    let plank = lines.iter().find(|l| l.starts_with("plank ")).unwrap();
    let plank: Vec<&str> = plank
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(plank, ["plank", "Plank", "side", "still", "built-in"]);
}

#[test]
fn figures_json_gives_every_field() {
    let (code, out, _) = Home::new().run(&["figures", "--json"]);
    assert_eq!(code, 0);
    let all: Value = serde_json::from_str(&out).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), builtins().len());
    let dead_bug = all.iter().find(|f| f["id"] == "dead-bug").unwrap();
    assert_eq!(dead_bug["view"], "Side");
    assert_eq!(dead_bug["passes"], "Same");
    assert_eq!(dead_bug["still"], "center");
    assert_eq!(dead_bug["motion"].as_array().unwrap().len(), 4);
    assert_eq!(dead_bug["source"], "built-in");
    assert!(
        dead_bug["description"]
            .as_str()
            .unwrap()
            .starts_with("Lying on the back")
    );
}

#[test]
fn user_figures_add_to_and_replace_the_built_ins_and_broken_ones_are_named() {
    let home = Home::new();
    let added = home.write("figures", "wave", &wave());
    let plank = home.write(
        "figures",
        "plank",
        &wave().replace("\"Wave\"", "\"My plank\""),
    );
    home.write("figures", "broken", "Figure(name: \"Broken\")");
    let (code, out, err) = home.run(&["figures"]);
    assert_eq!(code, 0);
    let row = |id: &str| {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap();
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let (added, plank) = (added.display().to_string(), plank.display().to_string());
    assert_eq!(
        row("wave"),
        ["wave", "Wave", "side", "cat → cow", added.as_str()]
    );
    assert_eq!(
        row("plank"),
        ["plank", "My plank", "side", "cat → cow", plank.as_str()]
    );
    assert_eq!(
        out.lines().count(),
        builtins().len() + 2,
        "the built-ins, one replaced, one added: {out}"
    );
    assert!(err.starts_with("limberup: skipped "), "{err}");
    assert!(
        err.contains("broken.ron:1:22: missing the required field `view`"),
        "{err}"
    );
}

#[test]
fn an_unknown_figure_is_an_error_with_a_suggestion() {
    let (code, out, err) = Home::new().run(&["figures", "cat-cwo"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "limberup: cat-cwo: no figure `cat-cwo` (did you mean `cat-cow`?); \
         `limberup figures` lists them\n"
    );
}

#[test]
fn playing_needs_a_terminal() {
    let (code, _, err) = Home::new().run(&["figures", "plank"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "limberup: playing a figure needs a terminal (stdout is not a terminal); \
         `limberup figures` lists them\n"
    );
    let (code, _, err) = Home::new().run(&["figures", "plank", "--json"]);
    assert_eq!(code, 2, "{err}");
}

const NAMES_WAVE: &str = r#"Routine(
    name: "Waves",
    kind: WarmUp,
    prepare_secs: 0,
    steps: [Step(name: "Wave", figure: "wave", work: Hold(secs: 1))],
)"#;

#[test]
fn a_routine_naming_a_missing_figure_is_left_out_until_the_figure_exists() {
    let home = Home::new();
    let routine = home.write("routines", "waves", NAMES_WAVE);
    let (code, out, err) = home.run(&["list"]);
    assert_eq!(code, 0);
    assert!(!out.contains("waves"), "{out}");
    assert!(
        err.contains(&format!(
            "{}:5:32: step 1 (\"Wave\"), figure: no figure `wave`",
            routine.display()
        )),
        "{err}"
    );
    let (code, _, err) = home.run(&["plan", "waves"]);
    assert_eq!(code, 2, "{err}");
    home.write("figures", "wave", &wave());
    let (code, out, err) = home.run(&["list"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("waves"), "{out}");
}

#[test]
fn plain_mode_describes_the_pose_when_a_step_starts() {
    let home = Home::new();
    home.write(
        "routines",
        "folds",
        r#"Routine(name: "Folds", kind: CoolDown, prepare_secs: 1, steps: [
            Step(name: "Fold", figure: "forward-fold", cues: ["Soft knees"], work: Hold(secs: 1)),
        ])"#,
    );
    let (code, out, err) = home.run(&["run", "folds", "--plain", "--quiet"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().map(|l| &l[8..]).collect();
    assert_eq!(lines[1], "Get ready 1 s. Next: Fold (step 1 of 1)");
    assert!(lines[2].starts_with("Pose: Standing with the knees softly bent, the body folds"));
    assert_eq!(lines[3], "Form: Soft knees");
}

#[test]
fn validate_checks_figure_files_too() {
    let home = Home::new();
    let good = home.write("figures", "wave", &wave());
    let (code, out, err) = home.run(&["validate", good.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, format!("{}: ok\n", good.display()));
    // A routine may name the user's figures.
    let routine = home.write("routines", "waves", NAMES_WAVE);
    let (code, out, err) = home.run(&["validate", routine.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
}

#[test]
fn the_annotated_figure_in_the_readme_is_valid() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("### An annotated figure\n\n```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README's annotated figure");
    let figure = limberup::figure::parse(block, "README.md").unwrap();
    assert_eq!(figure.name, "Wave");
    assert_eq!(figure.motion().collect::<Vec<_>>(), ["out", "in"]);
}

#[test]
fn edit_checks_the_figures_a_routine_names() {
    let home = Home::new();
    let routine = home.write(
        "routines",
        "waves",
        &NAMES_WAVE.replace("\"wave\"", "\"plank\""),
    );
    let version = home.dir.path().join("v1");
    std::fs::write(&version, NAMES_WAVE).unwrap();
    let script = home.dir.path().join("edit.sh");
    std::fs::write(
        &script,
        format!(
            "for a in \"$@\"; do last=\"$a\"; done\ncp '{}' \"$last\"\n",
            version.display()
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("limberup")
        .unwrap()
        .env("HOME", home.dir.path())
        .env("XDG_CONFIG_HOME", home.dir.path().join("config"))
        .env("XDG_DATA_HOME", home.dir.path().join("data"))
        .env("EDITOR", format!("sh {}", script.display()))
        .args(["edit", "waves"])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "{}:5:32: step 1 (\"Wave\"), figure: no figure `wave`",
            routine.display()
        )),
        "{err}"
    );
    assert!(err.contains("Edit again? [Y/n] "), "{err}");
}
