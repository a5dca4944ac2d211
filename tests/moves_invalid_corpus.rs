//! Malformed move files: each file in `tests/fixtures/invalid-moves/` gives exactly the
//! error in its `.expected` sibling, through `limberup validate` and through the library,
//! always located by line and column.

mod common;

use std::path::Path;

use assert_cmd::Command;
use limberup::{figure, moves};

const CORPUS: &str = "tests/fixtures/invalid-moves";

fn expected(file: &Path) -> String {
    let path = file.with_extension("expected");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (every corpus file needs one)", path.display()))
}

#[test]
fn the_corpus_covers_the_kinds_of_move_mistakes() {
    assert!(common::corpus(CORPUS).len() >= 12);
}

#[test]
fn every_corpus_file_gives_its_expected_error_through_the_library() {
    let figures = figure::Library::load(None);
    for file in common::corpus(CORPUS) {
        let err = moves::check_file(&file, &figures).expect_err(&file.display().to_string());
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
fn every_corpus_file_gives_its_expected_error_through_the_binary() {
    for file in common::corpus(CORPUS) {
        let output = Command::cargo_bin("limberup")
            .unwrap()
            .arg("validate")
            .arg(&file)
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", file.display());
        assert_eq!(String::from_utf8_lossy(&output.stderr), expected(&file));
    }
}

#[test]
fn a_bad_user_move_is_reported_and_a_good_one_shadows_its_built_in() {
    let dir = tempfile::tempdir().unwrap();
    let bad = common::corpus(CORPUS)
        .into_iter()
        .find(|f| f.ends_with("typo-kind.ron"))
        .unwrap();
    std::fs::copy(&bad, dir.path().join("side-plank.ron")).unwrap();
    let library = moves::Library::load(Some(dir.path()), &figure::Library::load(None));
    assert_eq!(library.errors.len(), 1);
    assert!(
        library.errors[0]
            .to_string()
            .contains(":6:11: kind: unknown")
    );
    // The built-in still runs in its place.
    assert!(library.find("side-plank").is_some());
}
