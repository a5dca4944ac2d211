//! config.ron: every field optional, unknown fields and bad values are located errors, and
//! the effective-config report says where each value came from (and parses back).

use std::path::{Path, PathBuf};

use limberup::config::{Config, Theme};
use limberup::paths::Paths;
use limberup::session::Timings;
use limberup::sound::{SoundConfig, SoundMode};

const FULL: &str = r#"Config(prepare_secs: 5, rest_secs: 10, switch_secs: 3, sounds: Auto, beat: true, sound: ["paplay", "--volume=40000"], check_in: true, speech: ["espeak-ng", "-s", "150"], confirm_quit: true, theme: Default, motion: true)"#;

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
    assert!(config.check_in && config.confirm_quit);
    assert_eq!(config.theme, Theme::Default);
    assert_eq!(
        config.sound,
        SoundConfig {
            mode: SoundMode::Auto,
            beat: true,
            command: Some(vec!["paplay".into(), "--volume=40000".into()]),
        }
    );
}

#[test]
fn every_field_is_optional_and_a_missing_or_blank_file_means_defaults() {
    let defaults = Config::default();
    assert_eq!(defaults.timings, Timings::default());
    assert!(defaults.check_in && defaults.confirm_quit);
    assert_eq!(defaults.speech, None);
    assert_eq!(defaults.sound, SoundConfig::default());
    assert_eq!(defaults.sound.mode, SoundMode::Auto);
    assert!(defaults.sound.beat);
    assert_eq!(defaults.sound.command, None);
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
    // An empty sound command means: find a player.
    assert_eq!(parse("(sound: [])").unwrap().sound.command, None);
}

/// A file with every line commented out is what a user gets by disabling each setting: it
/// means the defaults, as an empty file does, not "the file ends early".
#[test]
fn a_file_of_only_comments_means_defaults() {
    for text in [
        "// bell: false,\n",
        "/* Config(\n    bell: false,\n) */\n",
        "\u{FEFF}// saved with a byte order mark\n\n",
    ] {
        let config = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(config.timings, Timings::default(), "{text:?}");
        assert_eq!(config.sound.mode, SoundMode::Auto, "{text:?}");
        assert_eq!(config.source.as_deref(), Some(Path::new("/c/config.ron")));
    }
    // A byte order mark before real settings is skipped too, columns counted after it.
    assert_eq!(
        parse("\u{FEFF}Config(bell: false)").unwrap().sound.mode,
        SoundMode::Off
    );
    assert_eq!(
        parse("\u{FEFF}Config(bel: false)").unwrap_err(),
        "/c/config.ron:1:8: bel: unknown field `bel` in `Config`; expected one of \
         `prepare_secs`, `rest_secs`, `switch_secs`, `sounds`, `beat`, `sound`, `check_in`, \
         `speech`, `confirm_quit`, `theme`, `motion`, `bell`, `hook` (did you mean `bell`?)"
    );
}

/// A link to a file that is gone is a mistake to report: silently running on defaults
/// would hide that the user's settings are not read.
#[test]
fn a_dangling_symlink_is_an_error_not_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("config.ron");
    let target = dir.path().join("dotfiles/limberup.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = Config::load(Some(&link)).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: a symbolic link to {}, which does not exist; fix or remove the link \
             (with no config file at all, the defaults apply)",
            link.display(),
            target.display()
        )
    );
    // Once the target exists, it is read through the link.
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "Config(bell: false)").unwrap();
    assert_eq!(
        Config::load(Some(&link)).unwrap().sound.mode,
        SoundMode::Off
    );
}

#[test]
fn unknown_fields_are_located_errors() {
    assert_eq!(
        parse("Config(\n    bel: true,\n)").unwrap_err(),
        "/c/config.ron:2:5: bel: unknown field `bel` in `Config`; expected one of \
         `prepare_secs`, `rest_secs`, `switch_secs`, `sounds`, `beat`, `sound`, `check_in`, \
         `speech`, `confirm_quit`, `theme`, `motion`, `bell`, `hook` (did you mean `bell`?)"
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
    assert_eq!(
        parse("Config(\n  sounds: Loud,\n)").unwrap_err(),
        "/c/config.ron:2:11: sounds: unknown SoundMode `Loud`; expected one of `Auto`, `Bell`, \
         `Off`"
    );
    assert_eq!(
        parse("Config(beat: 1)").unwrap_err(),
        "/c/config.ron:1:14: beat: expected `true` or `false`, found `1`"
    );
    assert_eq!(
        parse("Config(sound: \"paplay\")").unwrap_err(),
        "/c/config.ron:1:15: sound: expected a list in `[...]`, found `\"paplay\"`"
    );
}

#[test]
fn value_errors_are_located_too() {
    assert_eq!(
        parse(
            "Config(\n  bell: false,\n  rest_secs: 900,\n  speech: [\"  \"],\n  sound: [\"\"],\n)"
        )
        .unwrap_err(),
        "/c/config.ron:3:3: rest_secs: must be 0 to 600 seconds, got 900\n\
         /c/config.ron:4:3: speech: the command must not be blank (use `speech: []` for no speech)\n\
         /c/config.ron:5:3: sound: the command must not be blank (use `sound: []` to find a player)"
    );
}

/// `speech` is a command line split into words: the example shows one, not a list of
/// cue texts, and says how to turn speech off.
#[test]
fn a_speech_value_that_is_not_a_list_shows_a_speech_command() {
    let expected = "expected a command and its arguments, each in double quotes, e.g. \
                    `[\"espeak-ng\", \"-s\", \"150\"]` (`[]` for no speech)";
    for (text, col, found) in [
        (
            r#"Config(speech: "espeak-ng -s 150")"#,
            16,
            r#""espeak-ng -s 150""#,
        ),
        ("Config(speech: espeak)", 16, "espeak"),
        ("Config(\n  speech: 150,\n)", 11, "150"),
    ] {
        let line = if text.contains('\n') { 2 } else { 1 };
        assert_eq!(
            parse(text).unwrap_err(),
            format!("/c/config.ron:{line}:{col}: speech: {expected}, found `{found}`"),
            "{text}"
        );
    }
    // One word of the command that is not text is named by its place.
    assert_eq!(
        parse(r#"Config(speech: ["espeak-ng", "-s", 150])"#).unwrap_err(),
        "/c/config.ron:1:36: speech #3: expected text in double quotes, found `150`"
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
    let config = Config::parse(
        "Config(rest_secs: 20, speech: [\"say\"], beat: false, sound: [\"afplay\"])",
        path,
    )
    .unwrap();
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
         \x20   sounds: Auto,       // default\n\
         \x20   beat: false,        // from /home/u/.config/limberup/config.ron\n\
         \x20   sound: [\"afplay\"],  // from /home/u/.config/limberup/config.ron\n\
         \x20   check_in: true,     // default\n\
         \x20   speech: [\"say\"],    // from /home/u/.config/limberup/config.ron\n\
         \x20   confirm_quit: true, // default\n\
         \x20   theme: Default,     // default\n\
         \x20   motion: true,       // default\n\
         \x20   hook: [],           // default\n\
         )\n"
    );
    // The report is itself a valid config with the same effect.
    let again = Config::parse(&report, path).unwrap();
    assert_eq!(again.timings, config.timings);
    assert_eq!(again.speech, config.speech);
    assert_eq!(again.sound, config.sound);
}

#[test]
fn an_old_bell_false_still_means_silence_unless_sounds_says_otherwise() {
    let path = Path::new("/home/u/.config/limberup/config.ron");
    let old = Config::parse("Config(bell: false)", path).unwrap();
    assert_eq!(old.sound.mode, SoundMode::Off);
    let report = old.report(&paths());
    assert!(
        report.contains("    sounds: Off,        // from /home/u/.config/limberup/config.ron\n"),
        "{report}"
    );
    assert!(
        !report.contains("bell"),
        "the report shows the setting in force: {report}"
    );
    assert_eq!(Config::parse(&report, path).unwrap().sound, old.sound);
    assert_eq!(
        parse("Config(bell: true)").unwrap().sound.mode,
        SoundMode::Auto
    );
    let both = parse("Config(bell: false, sounds: Bell)").unwrap();
    assert_eq!(both.sound.mode, SoundMode::Bell);
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
