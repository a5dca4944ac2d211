//! Shell completion through the real binary: the scripts `limberup completions SHELL`
//! prints call limberup back on each TAB, which answers with the routine ids of the moment
//! (built-ins and the user's own files) for every argument that takes a routine.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Sandbox, tiny_routine};

/// The variable the generated scripts set to ask limberup for candidates.
const VAR: &str = "LIMBERUP_COMPLETE";

/// The candidates for the last word of `words` (the command line up to the cursor), asked
/// the way the fish script asks: one candidate per line.
fn candidates(sb: &Sandbox, cwd: &Path, words: &[&str]) -> Vec<String> {
    let output = sb
        .cmd()
        .current_dir(cwd)
        .env(VAR, "fish")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{words:?}: {output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn routine_ids_complete_for_every_command_that_takes_one() {
    let sb = Sandbox::new();
    sb.write_routine("walk", &tiny_routine(1));
    sb.write_routine("core", &tiny_routine(2));
    for words in [
        &["limberup", "run", "w"][..],
        &["limberup", "plan", "w"],
        &["limberup", "export", "w"],
        &["limberup", "edit", "w"],
        &["limberup", "validate", "core", "w"],
        &["limberup", "new", "Mine", "--from", "w"],
        &["limberup", "--quiet", "run", "--plain", "w"],
    ] {
        assert_eq!(
            candidates(&sb, sb.path(), words),
            ["warm-up", "workout", "walk"],
            "{words:?}"
        );
    }
    // An empty word offers every id once, a user file in a built-in's place included,
    // before the directories and options the engine adds.
    let all = candidates(&sb, sb.path(), &["limberup", "plan", ""]);
    assert_eq!(
        all[..11],
        [
            "warm-up",
            "cool-down",
            "core",
            "back-care",
            "hips-and-hamstrings",
            "desk-break",
            "full-cool-down",
            "morning-mobility",
            "workout",
            "full-session",
            "walk"
        ],
        "{all:?}"
    );
    assert_eq!(all.iter().filter(|c| *c == "core").count(), 1, "{all:?}");
}

#[test]
fn routine_files_complete_as_paths() {
    let sb = Sandbox::new();
    let here = sb.path().join("here");
    std::fs::create_dir_all(here.join("mine")).unwrap();
    std::fs::write(here.join("wide.ron"), tiny_routine(1)).unwrap();
    std::fs::write(here.join("notes.txt"), "not a routine").unwrap();
    std::fs::write(here.join("mine/legs.ron"), tiny_routine(1)).unwrap();
    // A bare word offers the .ron files here besides the ids.
    assert_eq!(
        candidates(&sb, &here, &["limberup", "run", "w"]),
        ["warm-up", "workout", "wide.ron"]
    );
    // A word that looks like a path offers directories and .ron files.
    assert_eq!(
        candidates(&sb, &here, &["limberup", "run", "./"]),
        ["./mine/", "./wide.ron"]
    );
    assert_eq!(
        candidates(&sb, &here, &["limberup", "validate", "mine/"]),
        ["mine/legs.ron"]
    );
}

/// The bash script as installed, run by a real bash: `limberup run w<TAB>`.
#[test]
fn bash_completes_routine_ids_through_the_installed_script() {
    let sb = Sandbox::new();
    sb.write_routine("walk", &tiny_routine(1));
    let script = sb.cmd().args(["completions", "bash"]).output().unwrap();
    assert_eq!(script.status.code(), Some(0));
    let script_path = sb.path().join("limberup.bash");
    std::fs::write(&script_path, &script.stdout).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_limberup")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let probe = format!(
        "source '{}'\n\
         COMP_WORDS=(limberup run w); COMP_CWORD=2; COMP_LINE='limberup run w'; COMP_POINT=14\n\
         \"$(complete -p limberup | sed 's/.* -F \\([^ ]*\\) .*/\\1/')\" limberup w run\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_path.display()
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(probe)
        .env_clear()
        .env("PATH", path)
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .current_dir(sb.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "warm-up\nworkout\nwalk\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// zsh passes the index of the word under the cursor and its own separator.
#[test]
fn zsh_gets_the_ids_of_the_word_under_the_cursor() {
    let sb = Sandbox::new();
    sb.write_routine("walk", &tiny_routine(1));
    let output = sb
        .cmd()
        .env(VAR, "zsh")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_IFS", "\n")
        .args(["--", "limberup", "export", "wa"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "warm-up\nwalk");
}

#[test]
fn figure_ids_complete_for_figures() {
    let sb = Sandbox::new();
    let figures = sb.config_dir().join("figures");
    std::fs::create_dir_all(&figures).unwrap();
    std::fs::write(figures.join("crab-walk.ron"), "not read to complete").unwrap();
    std::fs::write(figures.join("cat-cow.ron"), "mine, in a built-in's place").unwrap();
    let here = sb.path().join("here");
    std::fs::create_dir_all(&here).unwrap();
    // The built-ins in their order, each once (the user's cat-cow replaces one), then the
    // user's own.
    let mut want: Vec<&str> = limberup::figure::builtins()
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| id.starts_with('c'))
        .collect();
    want.push("crab-walk");
    assert!(want.len() > 3, "{want:?}");
    assert_eq!(candidates(&sb, &here, &["limberup", "figures", "c"]), want);
    assert_eq!(
        candidates(&sb, &here, &["limberup", "figures", "side-"]),
        ["side-bends", "side-plank"]
    );
}
