//! The sounds through the real binary, in plain mode and in the TUI: a recording `sound`
//! command (it copies the WAV file it is given, numbered in the order it was started) shows
//! which sounds were played and in what order; `beat: false`, `--quiet` and `sounds: Bell`
//! change that as documented; a player that hangs changes nothing and is gone after exit;
//! with no player at all, the picker says so once.

mod common;
mod pty_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::Sandbox;
use limberup::history;
use limberup::session::{Outcome, SessionRecord};
use limberup::sound::{Sound, encode, samples};
use pty_support::{Coach, prepare};

/// Every sound kind a session without long holds has, in 9 s: get ready, go, a breath,
/// rest, the last second of a transition and of a hold, switch sides, finished. A 1 s
/// segment has no countdown.
const ROUTINE: &str = r#"Routine(name: "Sounds", kind: Other, prepare_secs: 1, rest_secs: 1, switch_secs: 1, steps: [
    Step(name: "Breathe", work: Reps(count: 1, tempo_secs: 1.0, phases: ["Inhale", "Exhale"])),
    Step(name: "Sides", work: Hold(secs: 2), passes: ["Left", "Right"]),
])"#;

/// How long `ROUTINE` is planned to take.
const ROUTINE_SECS: f64 = 9.0;

/// Paced reps alone, no get-ready: 2 s of rep sounds.
const PACED: &str = r#"Routine(name: "Paced", kind: Other, prepare_secs: 0, steps: [
    Step(name: "Breathe", work: Reps(count: 2, tempo_secs: 1.0, phases: ["Inhale", "Exhale"])),
])"#;

/// A get-ready and a hold with a countdown pip: 3 s.
const HOLD: &str = r#"Routine(name: "Hold", kind: Other, prepare_secs: 1, steps: [
    Step(name: "Hold it", work: Hold(secs: 2)),
])"#;

/// What the routine sounds like. The first rep's inhale starts with the reps: their "go"
/// stands for it. The rest and the next get-ready are one 2 s transition: its last second
/// has a pip.
const HEARD: [Sound; 11] = [
    Sound::GetReady,
    Sound::Go,
    Sound::Exhale,
    Sound::Rest,
    Sound::Countdown,
    Sound::Go,
    Sound::Countdown,
    Sound::SwitchSides,
    Sound::Go,
    Sound::Countdown,
    Sound::Finished,
];

/// A `sound` command that copies the file it is given (its last argument) into `out` as
/// `N-NAME`, N counting up in the order the copies start (`mkdir` is atomic).
fn recorder(dir: &Path) -> (String, PathBuf) {
    let out = dir.join("played");
    std::fs::create_dir(&out).unwrap();
    let script = dir.join("record.sh");
    std::fs::write(
        &script,
        format!(
            "for last; do :; done\nout={}\nn=1\n\
             while ! mkdir \"$out/.n$n\" 2>/dev/null; do n=$((n+1)); done\n\
             cp \"$last\" \"$out/.part$n\"\nmv \"$out/.part$n\" \"$out/$n-${{last##*/}}\"\n",
            out.display()
        ),
    )
    .unwrap();
    // Run by `sh`, not executed: a script just written is never "text file busy".
    (format!("sound: [\"sh\", \"{}\"]", script.display()), out)
}

/// The sounds recorded in `out`, in order, each checked to be the synthesized sound its
/// file is named after, byte for byte.
fn played(out: &Path) -> Vec<Sound> {
    let mut files: Vec<(u32, Sound)> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|path| {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let (n, cached) = file.split_once('-').unwrap();
            // The cache names each file NAME-HASH.wav.
            let (name, _) = cached.rsplit_once('-').unwrap();
            let sound = *Sound::ALL
                .iter()
                .find(|s| s.name() == name)
                .unwrap_or_else(|| panic!("{file} is no sound"));
            assert_eq!(
                std::fs::read(&path).unwrap(),
                encode(&samples(sound)),
                "{file}"
            );
            (n.parse().unwrap(), sound)
        })
        .collect();
    files.sort_unstable_by_key(|(n, _)| *n);
    files.into_iter().map(|(_, s)| s).collect()
}

fn the_record(sb: &Sandbox) -> SessionRecord {
    let mut loaded = history::load(&sb.history_file()).unwrap();
    assert_eq!(loaded.records.len(), 1);
    loaded.records.remove(0)
}

/// `limberup run sounds --plain ARGS` of `routine` to its end; returns its stderr.
fn plain(sb: &Sandbox, routine: &str, args: &[&str]) -> String {
    sb.write_routine("sounds", routine);
    let output = sb
        .cmd()
        .args(["run", "sounds", "--plain"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(the_record(sb).outcome, Outcome::Completed);
    stderr
}

#[test]
fn plain_mode_plays_each_cue_through_the_sound_command() {
    let sb = Sandbox::new();
    let (sound, out) = recorder(sb.path());
    sb.write_config(&format!("({sound})"));
    let stderr = plain(&sb, ROUTINE, &[]);
    assert_eq!(stderr, "");
    // Plain mode waits for the last sounds before exiting: all are there.
    assert_eq!(played(&out), HEARD);
}

#[test]
fn paced_reps_sound_each_part_unless_beat_is_false_and_quiet_drops_all() {
    use Sound::{Exhale, Finished, Go, Inhale};
    let sb = Sandbox::new();
    let (sound, out) = recorder(sb.path());
    sb.write_config(&format!("({sound})"));
    plain(&sb, PACED, &[]);
    assert_eq!(played(&out), [Go, Exhale, Inhale, Exhale, Finished]);

    let sb = Sandbox::new();
    let (sound, out) = recorder(sb.path());
    sb.write_config(&format!("({sound}, beat: false)"));
    plain(&sb, PACED, &[]);
    assert_eq!(played(&out), [Go, Finished]);

    let sb = Sandbox::new();
    let (sound, out) = recorder(sb.path());
    sb.write_config(&format!("({sound})"));
    plain(&sb, PACED, &["--quiet"]);
    assert_eq!(played(&out), []);
}

/// Whether `pid` is still running (a zombie waiting to be reaped by init is not).
fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| !stat[stat.rfind(')').unwrap() + 2..].starts_with('Z'))
}

/// A `sound` command that never ends, each one noting its pid in `pids`.
fn hanging(dir: &Path) -> (String, PathBuf) {
    let pids = dir.join("pids");
    let sound = format!(
        "sound: [\"sh\", \"-c\", \"echo $$ >> {}; exec sleep 100\", \"sh\"]",
        pids.display()
    );
    (sound, pids)
}

/// The players started, each gone by now.
fn all_gone(pid_file: &Path) -> usize {
    let pids: Vec<i32> = std::fs::read_to_string(pid_file)
        .unwrap_or_default()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    for pid in &pids {
        assert!(!alive(*pid), "player {pid} left running");
    }
    pids.len()
}

/// The session ran its plan in wall-clock time, never paused (a loop held up by a player
/// would end late or, held past the stall limit, pause itself).
fn on_time(record: &SessionRecord, planned: f64) {
    assert_eq!(record.outcome, Outcome::Completed);
    assert_eq!(record.paused_secs, 0.0);
    assert_eq!(record.planned_secs, planned);
    let wall = (record.ended_at - record.started_at).as_seconds_f64();
    assert!(
        (planned..planned + 1.0).contains(&wall),
        "{wall} s for a {planned} s plan"
    );
}

#[test]
fn a_hanging_player_changes_nothing_and_is_gone_after_exit() {
    let sb = Sandbox::new();
    let (sound, pid_file) = hanging(sb.path());
    sb.write_config(&format!("({sound})"));
    sb.write_routine("sounds", ROUTINE);
    let started = Instant::now();
    let output = sb
        .cmd()
        .args(["run", "sounds", "--plain"])
        .output()
        .unwrap();
    let ran = started.elapsed().as_secs_f64();
    assert_eq!(output.status.code(), Some(0));
    on_time(&the_record(&sb), ROUTINE_SECS);
    // The exit waits for the last sound at most its length and a second more.
    let bound = ROUTINE_SECS + Sound::Finished.length().as_secs_f64() + 1.0;
    assert!(ran < bound + 2.0, "exited after {ran} s");
    assert_eq!(all_gone(&pid_file), HEARD.len(), "a player per sound");
}

/// Waits up to 10 s for `n` lines in `file`.
fn wait_for_lines(file: &Path, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .count()
        < n
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits up to 10 s for `n` sounds in `out`.
fn wait_for_sounds(out: &Path, n: usize) -> Vec<Sound> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let sounds = played(out);
        if sounds.len() >= n || Instant::now() > deadline {
            return sounds;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The TUI on `routine` with `config` (RON fields) and no check-in.
fn tui(routine: &str, config: &str) -> Coach {
    let config = format!("({config}, check_in: false)");
    Coach::start_with(routine, &["run", "$DIR/short.ron"], 80, 24, Some(&config))
}

#[test]
fn the_tui_plays_the_same_sounds() {
    let dir = tempfile::tempdir().unwrap();
    let (sound, out) = recorder(dir.path());
    let mut coach = tui(ROUTINE, &sound);
    coach.wait_for("completed", 15.0);
    assert_eq!(wait_for_sounds(&out, HEARD.len()), HEARD);
    assert_eq!(coach.bells(), 0);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
}

#[test]
fn the_tui_with_a_hanging_player_ends_on_time_and_leaves_none_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (sound, pid_file) = hanging(dir.path());
    let mut coach = tui(PACED, &sound);
    coach.wait_for("completed", 10.0);
    // On a loaded machine a player's shell may not have written its pid yet.
    wait_for_lines(&pid_file, 5);
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    let history = history::load(&coach.history_path()).unwrap();
    on_time(&history.records[0], 2.0);
    // Go, exhale, inhale, exhale, finished: more than are let run at once.
    assert_eq!(all_gone(&pid_file), 5, "a player per sound");
}

#[test]
fn sounds_bell_rings_the_bell_in_plain_mode_on_a_terminal() {
    let config = Some("(sounds: Bell, check_in: false)");
    let args = ["run", "--plain", "$DIR/short.ron"];
    let mut coach = Coach::start_with(HOLD, &args, 80, 24, config);
    coach.wait_for("Summary: completed", 10.0);
    assert_eq!(coach.exit_code(5.0), 0);
    // Get ready, go, the last second's pip, and two at the end.
    assert_eq!(coach.bells(), 5);
}

/// A PATH for the pty harness (`sh`, `stty`) on which no sound player is found.
fn no_players(dir: &Path) -> String {
    let bin = dir.join("bare");
    std::fs::create_dir(&bin).unwrap();
    let path = std::env::var_os("PATH").unwrap();
    for tool in ["sh", "stty"] {
        let found = std::env::split_paths(&path)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
            .unwrap();
        std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
    }
    bin.display().to_string()
}

const HINT: &str = "No sound player: install";

/// The coach with `args` where no player can be found.
fn without_players(args: &[&str], cols: u16) -> Coach {
    let dir = prepare(HOLD, Some("(check_in: false)"));
    let path = no_players(dir.path());
    Coach::spawn_env(dir, args, cols, 30, &[("PATH", &path)])
}

#[test]
fn with_no_player_the_picker_says_so_once_and_the_bell_rings_instead() {
    let mut coach = without_players(&[], 80);
    let screen = coach.wait_for(HINT, 5.0);
    assert_eq!(screen.matches(HINT).count(), 1, "{screen}");
    // All of it on one line, with what to install.
    let line = screen.lines().find(|l| l.contains(HINT)).unwrap();
    assert!(
        line.contains("alsa-utils or sox, or set `sound`"),
        "{screen}"
    );
    // Starting a routine: the hint has been read; the bell stands in for the sounds.
    coach.send("/short\r\r");
    coach.wait_for("GET READY", 5.0);
    let screen = coach.settle();
    assert!(!screen.contains(HINT), "{screen}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while coach.bells() == 0 {
        assert!(Instant::now() < deadline, "no bell");
        coach.pump();
        std::thread::sleep(Duration::from_millis(20));
    }
    coach.send("\x03");
    assert_eq!(coach.exit_code(3.0), 130);
}

#[test]
fn with_no_player_plain_mode_on_a_terminal_says_so_once_and_quiet_never_says_it() {
    for (args, hints) in [
        (&["run", "--plain", "$DIR/short.ron"][..], 1),
        (&["run", "--plain", "--quiet", "$DIR/short.ron"][..], 0),
    ] {
        let mut coach = without_players(args, 200);
        let screen = coach.wait_for("Summary: completed", 10.0);
        assert_eq!(coach.exit_code(5.0), 0);
        assert_eq!(screen.matches(HINT).count(), hints, "{screen}");
    }
    let mut coach = without_players(&["--quiet"], 100);
    coach.wait_for("Routines (", 5.0);
    let screen = coach.settle();
    assert!(!screen.contains(HINT), "{screen}");
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
}
