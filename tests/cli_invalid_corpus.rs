//! Malformed routine files: each file in `tests/fixtures/invalid/` gives exactly the error in
//! its `.expected` sibling, through `limberup validate` and through `routine::load_file`;
//! and no input at all makes the loader panic or hang.

mod common;

use std::path::Path;

use assert_cmd::Command;
use limberup::disk::Kind;
use limberup::routine::{builtins, load_file, parse};
use proptest::prelude::*;

const CORPUS: &str = "tests/fixtures/invalid";

fn expected(file: &Path) -> String {
    let path = file.with_extension("expected");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (every corpus file needs one)", path.display()))
}

fn limberup() -> Command {
    Command::cargo_bin("limberup").expect("the limberup binary")
}

#[test]
fn the_corpus_covers_at_least_thirty_malformed_files() {
    let n = common::corpus(CORPUS).len();
    assert!(n >= 30, "only {n} corpus files");
}

#[test]
fn every_corpus_file_gives_its_expected_error_through_the_binary() {
    let mut wrong = Vec::new();
    for file in common::corpus(CORPUS) {
        let want = expected(&file);
        let output = limberup()
            .arg("validate")
            .arg(&file)
            .output()
            .expect("run limberup");
        let got = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(1) || !output.stdout.is_empty() || got != want {
            wrong.push(format!(
                "{}: exit {:?}, stdout {:?}\n  want: {want}  got:  {got}",
                file.display(),
                output.status.code(),
                String::from_utf8_lossy(&output.stdout)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_corpus_file_gives_its_expected_error_through_the_library() {
    for file in common::corpus(CORPUS) {
        let err = load_file(&file).expect_err(&file.display().to_string());
        assert_eq!(
            err.to_string(),
            expected(&file).trim_end(),
            "{}",
            file.display()
        );
        assert!(!err.problems.is_empty());
        for problem in &err.problems {
            assert!(
                problem.pos.is_some(),
                "{}: {problem:?} has no line and column",
                file.display()
            );
        }
    }
}

/// The shape every error line has: the path, then line and column, then a message.
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
fn a_file_over_one_mebibyte_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Valid RON all the way: the size alone must be what refuses it.
    let mut text = String::from("Routine(\n    name: \"Huge\",\n    kind: Other,\n");
    while text.len() as u64 <= Kind::Routine.limit() {
        text.push_str("    // padding padding padding padding padding padding padding\n");
    }
    text.push_str("    steps: [Step(name: \"Plank\", work: Hold(secs: 30))],\n)\n");
    std::fs::write(&path, &text).unwrap();
    let err = load_file(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the file is over 1 MiB, far too large for a routine file; not loaded",
            path.display()
        )
    );
    limberup()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(format!("{err}\n"));
}

#[test]
fn absurd_nesting_is_refused_without_overflowing_the_stack() {
    for open in ["[", "(", "Some(", "{"] {
        for at in [
            "",
            "Routine(name: ",
            "Routine(name: \"A\", kind: Other, steps: ",
        ] {
            let text = format!("{at}{}", open.repeat(100_000));
            let err = parse(&text, "deep.ron").unwrap_err();
            assert!(err.problems[0].pos.is_some(), "{err}");
        }
    }
}

/// A built-in routine with a few characters deleted, replaced or inserted.
fn mutated_builtin() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6);
    (0..builtins().len(), edits).prop_map(|(which, edits)| {
        let mut chars: Vec<char> = builtins()[which].1.chars().collect();
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
    if let Err(err) = parse(text, "fuzz.ron") {
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
    fn ron_like_text_never_panics(text in "[A-Za-z_0-9:,()\\[\\]{}\" ./*\n-]{0,300}") {
        assert_located_inside(&text);
    }

    #[test]
    fn mutated_builtins_never_panic(text in mutated_builtin()) {
        assert_located_inside(&text);
    }
}
