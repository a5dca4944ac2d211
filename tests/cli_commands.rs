//! The read-only commands through the real binary: `list`, `plan`, `validate`, `export`,
//! `--help`, `--version`, and clean one-line errors. Each test gets its own config and data
//! dirs, so the user's real files are never read.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use limberup::routine::{Catalog, builtin_source};
use limberup::session::{Plan, PlanOptions};
use serde_json::{Value, json};

/// A home of its own: `$XDG_CONFIG_HOME/limberup/routines` for user routines.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config/limberup")
    }

    fn routine(&self, id: &str, text: &str) -> PathBuf {
        let dir = self.config_dir().join("routines");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{id}.ron"));
        std::fs::write(&path, text).unwrap();
        path
    }

    fn config(&self, text: &str) -> PathBuf {
        std::fs::create_dir_all(self.config_dir()).unwrap();
        let path = self.config_dir().join("config.ron");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("limberup").unwrap();
        cmd.env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .args(args);
        cmd
    }

    /// Runs and returns (exit code, stdout, stderr); never a panic or a Debug dump.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            !stderr.contains("panicked") && !stderr.contains("LoadError {"),
            "{args:?}: {stderr}"
        );
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
    }
}

/// Step 1: prepare 5 + hold 20, rest 10 = 35. Step 2: prepare 5 + 2 passes x (10 reps x 3 s)
/// + 1 switch of 3 = 68, no rest after the last. Total 103 s = 1:43.
const EVENING: &str = r#"// My evening routine: a comment that export keeps.
Routine(
    name: "Evening",
    kind: CoolDown,
    prepare_secs: 5,
    rest_secs: 10,
    switch_secs: 3,
    steps: [
        Step(name: "Reach", work: Hold(secs: 20)),
        Step(name: "Lunge", work: Reps(count: 10, tempo_secs: 3.0), passes: ["Left", "Right"]),
    ],
)
"#;

/// No prepare; 15 counted reps (untimed), rest 5, then a 30 s hold: 35 s + 15 counted reps.
const COUNTED: &str = r#"Routine(name: "Counted", kind: Other, prepare_secs: 0, rest_secs: 5, steps: [
    Step(name: "Squats", work: Reps(count: 15)),
    Step(name: "Hold", work: Hold(secs: 30)),
])
"#;

/// Sets no timings, so the config's (or the defaults 5/10/3) apply.
const SILENT: &str = r#"Routine(name: "Silent", kind: WarmUp, steps: [
    Step(name: "A", work: Hold(secs: 20)),
    Step(name: "B", work: Hold(secs: 20)),
])
"#;

fn row<'a>(table: &'a str, id: &str) -> Vec<&'a str> {
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|cells| cells.first() == Some(&id))
        .collect();
    assert_eq!(rows.len(), 1, "one row for {id} in\n{table}");
    rows[0].clone()
}

#[test]
fn list_shows_every_routine_with_its_planned_time_and_source() {
    let home = Home::new();
    let evening = home.routine("evening", EVENING);
    let counted = home.routine("counted", COUNTED);
    let (code, out, err) = home.run(&["list"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ID", "NAME", "KIND", "STEPS", "TIME", "SOURCE"]);
    assert_eq!(
        row(&out, "evening"),
        [
            "evening",
            "Evening",
            "cool-down",
            "2",
            "1:43",
            evening.to_str().unwrap()
        ]
    );
    assert_eq!(
        row(&out, "counted"),
        [
            "counted",
            "Counted",
            "other",
            "2",
            "0:35",
            "+",
            "15",
            "counted",
            "reps",
            counted.to_str().unwrap()
        ]
    );
    for id in ["warm-up", "cool-down", "core"] {
        assert_eq!(row(&out, id).last(), Some(&"built-in"));
    }
}

#[test]
fn list_json_has_the_documented_fields() {
    let home = Home::new();
    let evening = home.routine("evening", EVENING);
    home.routine("counted", COUNTED);
    let list = home.json(&["list", "--json"]);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 12);
    let find = |id: &str| items.iter().find(|i| i["id"] == id).unwrap().clone();
    assert_eq!(
        find("evening"),
        json!({
            "id": "evening",
            "name": "Evening",
            "kind": "CoolDown",
            "steps": 2,
            "total_secs": 103,
            "counted_reps": 0,
            "open_steps": 0,
            "source": evening.to_str().unwrap(),
        })
    );
    assert_eq!(find("counted")["total_secs"], 35);
    assert_eq!(find("counted")["counted_reps"], 15);
    assert_eq!(find("warm-up")["source"], "built-in");
    assert_eq!(find("warm-up")["kind"], "WarmUp");
    assert_eq!(find("workout")["open_steps"], 1);
}

#[test]
fn list_applies_scale_to_holds_rests_and_tempo_only() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let list = home.json(&["--scale", "2", "list", "--json"]);
    let evening = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "evening")
        .unwrap();
    // 5 + 40, rest 20; 5 + 2 x 60 + 3.
    assert_eq!(evening["total_secs"], 45 + 20 + 128);
}

#[test]
fn a_user_routine_overrides_the_built_in_with_its_id() {
    let home = Home::new();
    let path = home.routine("core", EVENING);
    let (_, out, _) = home.run(&["list"]);
    assert_eq!(row(&out, "core")[1], "Evening");
    assert_eq!(row(&out, "core").last(), Some(&path.to_str().unwrap()));
    let (_, exported, _) = home.run(&["export", "core"]);
    assert_eq!(exported, EVENING);
}

#[test]
fn list_skips_a_bad_user_file_with_a_warning_and_lists_the_rest() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let broken = home.routine("broken", "Routine(name: \"B\", kind: Sideways)");
    let (code, out, err) = home.run(&["list"]);
    assert_eq!(code, 0);
    assert_eq!(row(&out, "evening")[1], "Evening");
    assert!(!out.contains("broken"));
    let b = broken.display();
    assert_eq!(
        err,
        format!(
            "limberup: skipped {b}, which has errors:\n  {b}:1:26: kind: unknown Kind \
             `Sideways`; expected one of `WarmUp`, `CoolDown`, `Other`\n"
        )
    );
}

#[test]
fn a_bad_config_stops_every_command_with_its_located_error() {
    let home = Home::new();
    let config = home.config("(rest_secs: \"long\")");
    let want = format!(
        "limberup: {}:1:13: rest_secs: expected a whole number of seconds from 0 to 600, \
         found `\"long\"`\n",
        config.display()
    );
    for args in [&["list"][..], &["plan", "core"], &["export", "core"]] {
        let (code, out, err) = home.run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(err, want, "{args:?}");
    }
}

#[test]
fn plan_shows_each_phase_with_its_time_then_the_total() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let (code, out, err) = home.run(&["plan", "evening"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "\
Evening (cool-down, 2 steps)

1. Reach  [0:25]
     prepare            0:05
     work               0:20  hold

2. Lunge  [1:18]
     rest + prepare     0:15
     work: Left         0:30  10 reps at 3 s
     switch             0:03
     work: Right        0:30  10 reps at 3 s

Total 1:43
"
    );
}

#[test]
fn plan_marks_counted_reps_as_untimed() {
    let home = Home::new();
    home.routine("counted", COUNTED);
    let (_, out, _) = home.run(&["plan", "counted"]);
    assert!(
        out.contains("     work       --  15 reps, counted (no set time)\n"),
        "{out}"
    );
    assert!(out.ends_with("\nTotal 0:35 + 15 counted reps\n"), "{out}");
    let plan = home.json(&["plan", "counted", "--json"]);
    assert_eq!(plan["total_secs"], 35);
    assert_eq!(plan["counted_reps"], 15);
    assert_eq!(
        plan["steps"][0]["work"],
        json!({"type": "counted", "count": 15})
    );
    assert_eq!(
        plan["steps"][0]["segments"],
        json!([{"phase": "work", "transition": false, "set": 1, "pass": null, "secs": null}])
    );
}

#[test]
fn plan_json_lists_every_segment_and_the_totals() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let plan = home.json(&["plan", "evening", "--json"]);
    assert_eq!(plan["id"], "evening");
    assert_eq!(plan["name"], "Evening");
    assert_eq!(plan["total_secs"], 103);
    assert_eq!(plan["counted_reps"], 0);
    let lunge = &plan["steps"][1];
    assert_eq!(lunge["name"], "Lunge");
    assert_eq!(lunge["passes"], json!(["Left", "Right"]));
    assert_eq!(
        lunge["work"],
        json!({"type": "paced", "count": 10, "tempo_secs": 3, "phases": [], "phase_secs": [3]})
    );
    assert_eq!(lunge["total_secs"], 78);
    assert_eq!(
        lunge["segments"],
        json!([
            {"phase": "rest", "transition": true, "set": 1, "pass": null, "secs": 15},
            {"phase": "work", "transition": false, "set": 1, "pass": "Left", "secs": 30},
            {"phase": "switch", "transition": false, "set": 1, "pass": "Right", "secs": 3},
            {"phase": "work", "transition": false, "set": 1, "pass": "Right", "secs": 30},
        ])
    );
    assert_eq!(plan["steps"][0]["total_secs"], 25);
}

#[test]
fn plan_takes_a_path_and_applies_config_timings_and_scale() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("silent.ron");
    std::fs::write(&path, SILENT).unwrap();
    let path = path.to_str().unwrap();
    // Defaults: 5 + 20, rest 10, 5 + 20.
    assert_eq!(home.json(&["plan", path, "--json"])["total_secs"], 60);
    home.config("(prepare_secs: 0, rest_secs: 30)");
    // Config: 20, rest 30, 20.
    let plan = home.json(&["plan", path, "--json"]);
    assert_eq!(
        (plan["id"].as_str(), plan["total_secs"].as_u64()),
        (Some("silent"), Some(70))
    );
    // Scale 0.5 halves holds and rests: 10, rest 15, 10.
    assert_eq!(
        home.json(&["plan", path, "--json", "--scale", "0.5"])["total_secs"],
        35
    );
    // A fraction is kept: 0.3 gives 6, rest 9, 6... and 0.25 gives 5 + 7.5 + 5.
    assert_eq!(
        home.json(&["plan", path, "--json", "--scale", "0.25"])["total_secs"],
        17.5
    );
    let (_, out, _) = home.run(&["plan", path, "--scale", "0.25"]);
    assert!(out.contains("\nTotal 0:17.5\n"), "{out}");
}

#[test]
fn plan_json_of_each_built_in_matches_the_session_plan() {
    let home = Home::new();
    let catalog = Catalog::load(None);
    for entry in catalog.entries.clone() {
        let lineup = catalog.lineup(vec![entry.clone()]).unwrap();
        let want = Plan::session(&lineup, &PlanOptions::default());
        let plan = home.json(&["plan", &entry.id, "--json"]);
        let total = plan["total_secs"].as_f64().unwrap();
        assert_eq!(total, want.total().as_secs_f64(), "{}", entry.id);
        // Every step of every round.
        let steps = plan["steps"].as_array().unwrap();
        assert_eq!(plan["rounds"], want.shape().1);
        assert_eq!(steps.len(), want.steps.len());
        let step_sum: f64 = steps
            .iter()
            .map(|s| s["total_secs"].as_f64().unwrap())
            .sum();
        let segment_sum: f64 = steps
            .iter()
            .flat_map(|s| s["segments"].as_array().unwrap())
            .filter_map(|s| s["secs"].as_f64())
            .sum();
        assert_eq!((step_sum, segment_sum), (total, total), "{}", entry.id);
        let (_, text, _) = home.run(&["plan", &entry.id]);
        for step in &entry.routine.steps {
            assert!(text.contains(&step.name), "{}: {}", entry.id, step.name);
        }
    }
}

#[test]
fn plan_of_an_unknown_id_or_a_bad_file_fails_cleanly() {
    let home = Home::new();
    let (code, out, err) = home.run(&["plan", "nope"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "limberup: nope: no routine with this id among 10 routines (`limberup list` shows them)\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Routine(name: \"\", kind: Other, steps: [])").unwrap();
    let (code, _, err) = home.run(&["plan", bad.to_str().unwrap()]);
    let b = bad.display();
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "limberup: {b}:1:9: name: must not be blank\nlimberup: {b}:1:32: steps: needs at \
             least one step, e.g. `steps: [Step(name: \"Child's pose\", work: Hold(secs: 30))]`\n"
        )
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn validate_says_ok_per_good_file_and_every_error_of_bad_ones() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.ron", EVENING);
    let bad = write(
        dir.path(),
        "bad.ron",
        "Routine(name: \"X\", kind: Other, steps: [\n  Step(name: \"A\", work: Hold(secs: 0)),\n  Step(name: \"B\", work: Reps(count: 2000)),\n])",
    );
    let missing = dir.path().join("missing.ron");
    let missing = missing.to_str().unwrap();
    let (code, out, err) = home.run(&["validate", &good, &bad, missing]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{good}: ok\n"));
    assert_eq!(
        err,
        format!(
            "{bad}:2:30: step 1 (\"A\"), work.secs: must be 1 to 3600 seconds, got 0\n\
             {bad}:3:30: step 2 (\"B\"), work.count: must be 1 to 1000, got 2000\n\
             {missing}: cannot open: No such file or directory (os error 2)\n\
             limberup: 2 of 3 files have errors\n"
        )
    );
}

#[test]
fn validate_passes_good_files_and_needs_at_least_one() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", EVENING);
    let b = write(dir.path(), "b.ron", COUNTED);
    let (code, out, err) = home.run(&["validate", &a, &b]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, format!("{a}: ok\n{b}: ok\n"));
    let (code, _, err) = home.run(&["validate"]);
    assert_eq!(code, 2);
    assert!(err.contains("<ROUTINE>..."), "{err}");
}

/// `validate` names routines as every command does: an id (a built-in or the user's own)
/// or a path. A good one is `ARG: ok`; errors name the file they are in.
#[test]
fn validate_takes_routine_ids_as_well_as_paths() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let broken = home.routine(
        "broken",
        "Routine(name: \"B\", kind: Other, steps: [Step(name: \"A\", work: Hold(secs: 0))])",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "counted.ron", COUNTED);
    let (code, out, err) = home.run(&["validate", "warm-up", "evening", &file]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, format!("warm-up: ok\nevening: ok\n{file}: ok\n"));

    let (code, out, err) = home.run(&["validate", "core", "broken", "warmup"]);
    assert_eq!(code, 1);
    assert_eq!(out, "core: ok\n");
    assert_eq!(
        err,
        format!(
            "{}:1:68: step 1 (\"A\"), work.secs: must be 1 to 3600 seconds, got 0\n\
             warmup: no routine with this id among 11 routines; did you mean `warm-up`? \
             (`limberup list` shows them)\n\
             limberup: 2 of 3 files have errors\n",
            broken.display()
        )
    );
}

/// An id names the user's file when there is one, even in a built-in's place and even
/// with errors: that file is what the user wants checked, not the built-in it hides.
#[test]
fn validate_of_an_id_checks_the_users_file_before_the_builtin() {
    let home = Home::new();
    let core = home.routine(
        "core",
        "Routine(name: \"Core\", kind: Other, steps: [Step(name: \"\", work: Hold(secs: 5))])",
    );
    let (code, out, err) = home.run(&["validate", "core"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!("{}:1:49: step 1, name: must not be blank\n", core.display())
    );
    home.routine("core", COUNTED);
    let (code, out, _) = home.run(&["validate", "core"]);
    assert_eq!((code, out.as_str()), (0, "core: ok\n"));
}

#[test]
fn export_prints_the_file_as_written_and_it_validates() {
    let home = Home::new();
    home.routine("evening", EVENING);
    let (code, out, _) = home.run(&["export", "evening"]);
    assert_eq!((code, out.as_str()), (0, EVENING));
    let dir = tempfile::tempdir().unwrap();
    for id in ["warm-up", "cool-down", "core"] {
        let (code, out, _) = home.run(&["export", id]);
        assert_eq!(code, 0);
        assert_eq!(out.trim_end(), builtin_source(id).unwrap().trim_end());
        assert!(out.starts_with("// Built-in routine"), "comments are kept");
        let copy = write(dir.path(), &format!("{id}.ron"), &out);
        let (code, ok, _) = home.run(&["validate", &copy]);
        assert_eq!((code, ok), (0, format!("{copy}: ok\n")));
    }
    let (code, _, err) = home.run(&["export", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("limberup: nope: no routine with this id"),
        "{err}"
    );
}

#[test]
fn every_command_has_help_and_the_version_is_printed() {
    let home = Home::new();
    for (command, usage) in [
        ("list", "Usage: limberup list [OPTIONS]"),
        ("plan", "Usage: limberup plan [OPTIONS] <ROUTINE>"),
        // No coaching options where nothing is coached: no [OPTIONS] at all.
        ("validate", "Usage: limberup validate <ROUTINE>..."),
        ("export", "Usage: limberup export <ROUTINE>"),
        ("figures", "Usage: limberup figures [OPTIONS] [FIGURE]"),
    ] {
        let (code, out, _) = home.run(&[command, "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains(usage), "{out}");
    }
    let (code, out, _) = home.run(&["--help"]);
    assert_eq!(code, 0);
    for command in ["list", "plan", "validate", "export", "figures"] {
        assert!(out.contains(&format!("\n  {command} ")), "{out}");
    }
    let (code, out, _) = home.run(&["--version"]);
    assert_eq!(
        (code, out),
        (0, format!("limberup {}\n", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn a_scale_out_of_range_is_a_usage_error() {
    let (code, out, err) = Home::new().run(&["--scale", "5", "list"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("must be from 0.25 to 4, got 5"), "{err}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let home = Home::new();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("limberup"))
        .args(["plan", "warm-up", "--json"])
        .env("XDG_CONFIG_HOME", home.dir.path().join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the child writes: its write gets EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success());
}
