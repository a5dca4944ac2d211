//! A user figure with a built-in figure's id: it must fit every routine naming the id (the
//! built-in routines too) or be refused with a notice, the built-in shown in its place; a
//! broken one is never ignored unsaid; `validate` and `run`/`plan` always agree; and what
//! the user wrote (its description) is what plain mode says.

mod common;

use common::Sandbox;
use limberup::figure;

fn builtin_cat_cow() -> &'static str {
    figure::builtins()[0].1
}

fn write_figure(sandbox: &Sandbox, id: &str, text: &str) -> std::path::PathBuf {
    let dir = sandbox.config_dir().join("figures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{id}.ron"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Exit status, stdout and stderr of the binary run in `sandbox` with `args`.
fn run(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, String, String) {
    let out = sandbox.cmd().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The built-in cat-cow with a third key pose in its motion: it fits no 2-phase rep.
fn three_pose_cat_cow() -> String {
    let text = builtin_cat_cow().replace(
        "motion: [\"cat\", \"cow\"]",
        "motion: [\"cat\", \"cow\", \"tabletop\"]",
    );
    assert_ne!(text, builtin_cat_cow());
    text
}

#[test]
fn a_shadowing_figure_that_fits_no_builtin_routine_is_refused_and_every_routine_still_runs() {
    let sandbox = Sandbox::new();
    let path = write_figure(&sandbox, "cat-cow", &three_pose_cat_cow());
    let (code, out, err) = run(&sandbox, &["list"]);
    assert_eq!(code, Some(0));
    for id in ["warm-up", "full-session"] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} dropped:\n{out}"
        );
    }
    let located = format!(
        "{}:9:5: motion: 3 key poses a rep do not line up with the 2 phases of step 1 \
         (\"Cat/Cow\") of the routine `warm-up`",
        path.display()
    );
    assert!(err.contains(&located), "{err}");
    assert!(
        err.contains("the built-in figure `cat-cow` is shown instead of yours"),
        "{err}"
    );
    // The file itself, validated by path, says the same.
    let (code, _, err) = run(&sandbox, &["validate", path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(err.starts_with(&located), "{err}");
}

#[test]
fn validate_and_plan_agree_on_every_routine_whatever_the_figures_dir_holds() {
    let figures = [
        three_pose_cat_cow(),
        "garbage".to_string(),
        builtin_cat_cow().replace("name: \"Cat/Cow\"", "name: \"Mine\""),
    ];
    for text in figures {
        let sandbox = Sandbox::new();
        write_figure(&sandbox, "cat-cow", &text);
        let (_, list, _) = run(&sandbox, &["list"]);
        let ids: Vec<&str> = list
            .lines()
            .skip(1)
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        assert_eq!(ids.len(), limberup::routine::builtins().len(), "{list}");
        for id in ids {
            let validated = run(&sandbox, &["validate", id]);
            let planned = run(&sandbox, &["plan", id]);
            assert_eq!(validated.0, Some(0), "validate {id}: {}", validated.2);
            assert_eq!(planned.0, Some(0), "plan {id}: {}", planned.2);
        }
    }
}

#[test]
fn a_broken_shadowing_figure_is_named_where_the_builtin_runs_instead() {
    let sandbox = Sandbox::new();
    let path = write_figure(&sandbox, "cat-cow", "garbage");
    let (code, _, err) = run(&sandbox, &["plan", "warm-up"]);
    assert_eq!(code, Some(0));
    assert!(
        err.starts_with(&format!(
            "limberup: warning: the built-in figure `cat-cow` is shown instead of yours, {}, \
             which has errors:\n  {}:1:1: ",
            path.display(),
            path.display()
        )),
        "{err}"
    );
    // A routine that names no cat-cow hears nothing of it.
    let (code, _, err) = run(&sandbox, &["plan", "cool-down"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

#[test]
fn plain_mode_says_the_description_of_the_users_figure() {
    let sandbox = Sandbox::new();
    let mine = builtin_cat_cow().replace(
        "description: \"On hands and knees",
        "description: \"My own words. On hands and knees",
    );
    write_figure(&sandbox, "cat-cow", &mine);
    sandbox.write_routine(
        "mine",
        "Routine(name: \"Mine\", kind: Other, prepare_secs: 0, steps: [Step(name: \"Still\", \
         figure: \"cat-cow\", work: Hold(secs: 1))])",
    );
    let (code, out, err) = run(&sandbox, &["run", "mine", "--plain"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("[00:00] Pose: My own words. On hands and knees")),
        "{out}"
    );
}
