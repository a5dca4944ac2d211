//! Inputs the fuzzers (see fuzz/README.md) once crashed on; each must now load to a clean,
//! located error.

use std::path::Path;

use limberup::config::Config;
use limberup::routine::parse;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name);
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

/// A decimal where a whole number belongs, after a key with a multi-byte character before
/// it: the explanation sliced a string inside that character.
#[test]
fn a_decimal_after_a_multibyte_character_is_explained_not_a_panic() {
    let text = fixture("config-multibyte-before-decimal.ron");
    let err = Config::parse(&text, Path::new("config.ron")).unwrap_err();
    assert!(err.to_string().starts_with("config.ron:"), "{err}");
    let routine = text.replacen("Config(prepare_secs", "Routine(prepare_secs", 1);
    let err = parse(&routine, "r.ron").unwrap_err();
    assert!(err.to_string().starts_with("r.ron:"), "{err}");
}
