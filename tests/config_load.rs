//! config.ron: every field optional, unknown fields and bad values are located errors, and
//! the effective-config report says where each value came from (and parses back).

use std::path::{Path, PathBuf};

use limberup::config::{Config, Theme};
use limberup::paths::Paths;
use limberup::session::Timings;

const FULL: &str = r#"Config(prepare_secs: 5, rest_secs: 10, switch_secs: 3, bell: true, check_in: true, speech: ["espeak-ng", "-s", "150"], confirm_quit: true, theme: Default, motion: true)"#;

fn parse(text: &str) -> Result<Config, String> {
    Config::parse(text, Path::new("/c/config.ron")).map_err(|e| e.to_string())
}

#[test]
fn the_documented_example_parses() {
    let config = parse(FULL).unwrap();
    assert_eq!(config.timings, Timings::default());
    assert_eq!(
        config.speech,
        Some(vec!["espeak-ng".into(), "-s".into(), "150".into()])
    );
    assert!(config.bell && config.check_in && config.confirm_quit);
    assert_eq!(config.theme, Theme::Default);
}

#[test]
fn every_field_is_optional_and_a_missing_or_blank_file_means_defaults() {
    let defaults = Config::default();
    assert_eq!(defaults.timings, Timings::default());
    assert!(defaults.bell && defaults.check_in && defaults.confirm_quit);
    assert_eq!(defaults.speech, None);
    let config = parse("Config(check_in: false, theme: HighContrast)").unwrap();
    assert!(!config.check_in);
    assert_eq!(config.theme, Theme::HighContrast);
    assert_eq!(config.timings, Timings::default());
    assert_eq!(parse("  \n").unwrap().timings, Timings::default());
    let missing = Config::load(Some(Path::new("/nonexistent/limberup/config.ron"))).unwrap();
    assert_eq!(missing, Config::default());
    assert_eq!(Config::load(None).unwrap(), Config::default());
    // Anonymous struct syntax is fine too, and an empty speech list means no speech.
    assert_eq!(parse("(speech: [])").unwrap().speech, None);
}

#[test]
fn unknown_fields_are_located_errors() {
    assert_eq!(
        parse("Config(\n    bel: true,\n)").unwrap_err(),
        "/c/config.ron:2:5: bel: unknown field `bel` in `Config`; expected one of \
         `prepare_secs`, `rest_secs`, `switch_secs`, `bell`, `check_in`, `speech`, \
         `confirm_quit`, `theme`, `motion` (did you mean `bell`?)"
    );
}

#[test]
fn type_errors_name_the_field_and_position() {
    assert_eq!(
        parse("Config(\n  bell: 3,\n)").unwrap_err(),
        "/c/config.ron:2:9: bell: expected `true` or `false`, found `3`"
    );
    assert_eq!(
        parse("Config(theme: Blue)").unwrap_err(),
        "/c/config.ron:1:15: theme: unknown Theme `Blue`; expected one of `Default`, \
         `HighContrast`, `Mono`"
    );
}

#[test]
fn value_errors_are_located_too() {
    assert_eq!(
        parse("Config(\n  bell: false,\n  rest_secs: 900,\n  speech: [\"  \"],\n)").unwrap_err(),
        "/c/config.ron:3:3: rest_secs: must be 0 to 600 seconds, got 900\n\
         /c/config.ron:4:3: speech: the command must not be blank (use `speech: []` for no speech)"
    );
}

#[test]
fn speak_turns_on_espeak_ng_only_when_no_command_is_configured() {
    let silent = Config::default();
    assert_eq!(silent.speech_command(false), None);
    assert_eq!(silent.speech_command(true), Some(vec!["espeak-ng".into()]));
    let say = parse(r#"Config(speech: ["say", "-r", "180"])"#).unwrap();
    assert_eq!(say.speech_command(false), say.speech);
    assert_eq!(say.speech_command(true), say.speech);
}

fn paths() -> Paths {
    Paths {
        config_dir: Some(PathBuf::from("/home/u/.config/limberup")),
        data_dir: Some(PathBuf::from("/home/u/.local/share/limberup")),
    }
}

#[test]
fn the_report_says_where_each_value_came_from() {
    let path = Path::new("/home/u/.config/limberup/config.ron");
    let config = Config::parse("Config(rest_secs: 20, speech: [\"say\"])", path).unwrap();
    let report = config.report(&paths());
    assert_eq!(
        report,
        "// Config file:  /home/u/.config/limberup/config.ron\n\
         // Routines dir: /home/u/.config/limberup/routines\n\
         // History file: /home/u/.local/share/limberup/history.jsonl\n\
         Config(\n\
         \x20   prepare_secs: 5,    // default\n\
         \x20   rest_secs: 20,      // from /home/u/.config/limberup/config.ron\n\
         \x20   switch_secs: 3,     // default\n\
         \x20   bell: true,         // default\n\
         \x20   check_in: true,     // default\n\
         \x20   speech: [\"say\"],    // from /home/u/.config/limberup/config.ron\n\
         \x20   confirm_quit: true, // default\n\
         \x20   theme: Default,     // default\n\
         \x20   motion: true,       // default\n\
         )\n"
    );
    // The report is itself a valid config with the same effect.
    let again = Config::parse(&report, path).unwrap();
    assert_eq!(again.timings, config.timings);
    assert_eq!(again.speech, config.speech);
}

#[test]
fn the_report_of_defaults_says_the_file_is_missing_and_parses_back() {
    let report = Config::default().report(&paths());
    assert!(report.starts_with(
        "// Config file:  /home/u/.config/limberup/config.ron (not found: every value is a default)\n"
    ));
    assert!(report.contains("    speech: [],"));
    let again = Config::parse(&report, Path::new("/x.ron")).unwrap();
    assert_eq!(again.speech, None);
    assert_eq!(again.timings, Timings::default());
}
