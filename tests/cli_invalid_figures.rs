//! Malformed figure files, and routines naming figures that are missing or do not fit: each
//! file in `tests/fixtures/invalid-figures/` gives exactly the error in its `.expected`
//! sibling, through `limberup validate` and through the library; and no text at all makes
//! the figure loader panic.

mod common;

use std::path::Path;

use assert_cmd::Command;
use limberup::disk::Kind;
use limberup::figure::{self, Library};
use limberup::routine::{LoadError, load_file, read_source};
use proptest::prelude::*;

const CORPUS: &str = "tests/fixtures/invalid-figures";

fn expected(file: &Path) -> String {
    let path = file.with_extension("expected");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (every corpus file needs one)", path.display()))
}

/// The file as `validate` reads it: a figure when it says `Figure(`, else a routine whose
/// figures are checked against the built-ins.
fn check(file: &Path) -> Result<(), LoadError> {
    let head = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
    if figure::is_figure_text(&head) {
        return figure::load_file(file).map(|_| ());
    }
    let routine = load_file(file)?;
    let text = read_source(file, Kind::Routine).unwrap();
    let origin = file.display().to_string();
    figure::check_routine(&text, &origin, &routine, &Library::load(None))
}

#[test]
fn the_corpus_covers_every_kind_of_figure_mistake() {
    let n = common::corpus(CORPUS).len();
    assert!(n >= 25, "only {n} corpus files");
}

#[test]
fn every_corpus_file_gives_its_expected_error_through_the_binary() {
    // A home of its own: no figures of the user's can make a name known.
    let home = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    for file in common::corpus(CORPUS) {
        let want = expected(&file);
        let output = Command::cargo_bin("limberup")
            .unwrap()
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .arg("validate")
            .arg(&file)
            .output()
            .unwrap();
        let got = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(1) || !output.stdout.is_empty() || got != want {
            wrong.push(format!(
                "{}: exit {:?}\n  want: {want}  got:  {got}",
                file.display(),
                output.status.code()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_corpus_file_gives_its_expected_error_through_the_library() {
    for file in common::corpus(CORPUS) {
        let err = check(&file).expect_err(&file.display().to_string());
        assert_eq!(
            err.to_string(),
            expected(&file).trim_end(),
            "{}",
            file.display()
        );
        for problem in &err.problems {
            assert!(problem.pos.is_some(), "{}: {problem:?}", file.display());
        }
    }
}

#[test]
fn every_expected_error_names_the_file_line_and_column() {
    for file in common::corpus(CORPUS) {
        let prefix = format!("{}:", file.display());
        for line in expected(&file).lines() {
            let rest = line
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{line:?} does not start with {prefix:?}"));
            let mut parts = rest.splitn(3, ':');
            let (l, c, message) = (parts.next(), parts.next(), parts.next());
            assert!(
                l.is_some_and(|l| l.parse::<usize>().is_ok())
                    && c.is_some_and(|c| c.parse::<usize>().is_ok())
                    && message.is_some_and(|m| m.len() > 10),
                "{line:?} lacks line:column: message"
            );
        }
    }
}

#[test]
fn a_figure_file_given_with_a_routine_makes_its_id_known() {
    let dir = tempfile::tempdir().unwrap();
    let figure_text = figure::builtins()[0]
        .1
        .replace("name: \"Cat/Cow\"", "name: \"Wave\"");
    std::fs::write(dir.path().join("wave.ron"), figure_text).unwrap();
    let routine = "Routine(name: \"R\", kind: Other, steps: [Step(name: \"S\", figure: \"wave\", \
                   work: Hold(secs: 5))])";
    std::fs::write(dir.path().join("r.ron"), routine).unwrap();
    let run = |files: &[&str]| {
        let mut cmd = Command::cargo_bin("limberup").unwrap();
        cmd.env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .current_dir(dir.path())
            .arg("validate")
            .args(files);
        cmd.output().unwrap()
    };
    let both = run(&["r.ron", "wave.ron"]);
    assert_eq!(both.status.code(), Some(0), "{both:?}");
    assert_eq!(
        String::from_utf8_lossy(&both.stdout),
        "r.ron: ok\nwave.ron: ok\n"
    );
    let alone = run(&["r.ron"]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&alone.stderr)
            .starts_with("r.ron:1:57: step 1 (\"S\"), figure: no figure `wave`"),
        "{alone:?}"
    );
}

/// A built-in figure with a few characters deleted, replaced or inserted.
fn mutated_builtin() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6);
    (0..figure::builtins().len(), edits).prop_map(|(which, edits)| {
        let mut chars: Vec<char> = figure::builtins()[which].1.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 if i < chars.len() => {
                    chars.remove(i);
                }
                1 if i < chars.len() => chars[i] = c,
                _ => chars.insert(i, c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Where an error points must exist in the text (one past the end at most).
fn assert_located_inside(text: &str) {
    if let Err(err) = figure::parse(text, "fuzz.ron") {
        let lines: Vec<&str> = text.split('\n').collect();
        for p in &err.problems {
            if let Some(pos) = p.pos {
                let line = lines.get(pos.line - 1);
                assert!(
                    line.is_some_and(|l| pos.col <= l.chars().count() + 1),
                    "{err} points outside the text"
                );
            }
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        assert_located_inside(&text);
    }

    #[test]
    fn ron_like_text_never_panics(text in "Figure\\([A-Za-z_0-9:,()\\[\\]\" .\n-]{0,300}") {
        assert_located_inside(&text);
    }

    #[test]
    fn mutated_builtins_never_panic(text in mutated_builtin()) {
        assert_located_inside(&text);
    }
}
