//! The figures in BENCHMARKS.md: timing accuracy, idle cost, start-up, memory and scale,
//! each the median of several runs of the release binary, with termdown as the reference.
//!
//! `cargo bench --bench coach` runs everything (about 20 minutes: it includes a 10-minute
//! hold); `cargo bench --bench coach -- SECTION...` runs only the named sections:
//! `accuracy`, `long` (N = 120 and the 10-minute hold), `pause`, `idle`, `animated` (a
//! moving figure), `startup`, `scale`, `bigfile` (issue 15's big.ron: time and peak RSS of
//! `list`, `plan`, `run`; `plan --json` of 10,000 steps), `termdown`. `accuracy` and `idle`
//! run twice: sounds off (`--quiet`), and sounds on through a player that never exits.
#![allow(clippy::print_stdout)]

#[path = "../tests/pty_support/mod.rs"]
mod pty_support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use limberup::routine::{Catalog, Entry, Source, parse};
use limberup::session::{Plan, PlanOptions};
use limberup::tui::{App, Options, Theme};
use pty_support::Coach;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::symbols::Marker;

const BIN: &str = env!("CARGO_BIN_EXE_limberup");

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn row(what: &str, runs: &[f64], unit: &str, target: &str) {
    let med = median(runs.to_vec());
    let spread = runs
        .iter()
        .map(|x| format!("{x:.1}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!("| {what} | {med:.1} {unit} | {target} | {spread} |");
}

/// A row for many timings: the median, with their number and 99th percentile.
fn row_many(what: &str, runs: &[f64], unit: &str, target: &str) {
    let mut sorted = runs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p99 = sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)];
    let med = median(sorted);
    println!(
        "| {what} | {med:.1} {unit} | {target} | {} of them, 99th percentile {p99:.1} {unit} |",
        runs.len()
    );
}

/// A routine of `n` holds of `secs` seconds with no get-ready, rest or switch.
fn holds(n: usize, secs: u32) -> String {
    let steps: String = (0..n)
        .map(|i| {
            format!(
                "Step(name: \"Hold {}\", work: Hold(secs: {secs})),\n",
                i + 1
            )
        })
        .collect();
    format!(
        "Routine(name: \"Bench\", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0, steps: [\n{steps}])\n"
    )
}

/// What plays the sounds of a run.
#[derive(Clone, Copy)]
enum Sounds {
    /// Nothing (`--quiet`), as in every row measured before there were sounds.
    Off,
    /// A `sound` command that never exits (`sh -c 'exec sleep 100'`): the worst a player can
    /// do, and what a sound server that has stopped answering looks like.
    Hanging,
}

impl Sounds {
    fn label(self) -> &'static str {
        match self {
            Sounds::Off => "sounds off",
            Sounds::Hanging => "hanging player",
        }
    }

    /// The config text (RON) for a run.
    fn config(self) -> Option<&'static str> {
        match self {
            Sounds::Off => None,
            Sounds::Hanging => Some(r#"(sound: ["sh", "-c", "exec sleep 100", "sh"])"#),
        }
    }

    /// The arguments of a run before the routine.
    fn args(self) -> &'static [&'static str] {
        match self {
            Sounds::Off => &["run", "--quiet"],
            Sounds::Hanging => &["run"],
        }
    }
}

fn plain_cmd(dir: &Path, routine: &str, sounds: Sounds) -> Command {
    let file = dir.join(format!("r{}.ron", routine.len()));
    std::fs::write(&file, routine).unwrap();
    if let Some(config) = sounds.config() {
        std::fs::create_dir_all(dir.join("cfg/limberup")).unwrap();
        std::fs::write(dir.join("cfg/limberup/config.ron"), config).unwrap();
    }
    let mut cmd = Command::new(BIN);
    cmd.args(sounds.args())
        .arg("--plain")
        .arg(&file)
        .env("XDG_CONFIG_HOME", dir.join("cfg"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Wall time from launch to exit of a plain run of `routine`, minus `planned`, in ms.
fn lateness(routine: &str, planned: Duration) -> f64 {
    lateness_with(routine, planned, Sounds::Off).exit
}

/// How late a plain run ended, in ms after `planned` from its launch.
struct Late {
    /// The summary line, printed as the session ends (before the record is written).
    summary: f64,
    /// The process's exit: after the record's fsync, and with sounds on, after the last
    /// sound has played out (at most its length and a second).
    exit: f64,
}

fn lateness_with(routine: &str, planned: Duration, sounds: Sounds) -> Late {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = plain_cmd(dir.path(), routine, sounds);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped());
    let t0 = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let summary = loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "no summary line");
        if line.contains("] Summary: ") {
            break t0.elapsed();
        }
    };
    let status = child.wait().unwrap();
    let exit = t0.elapsed();
    assert!(status.success(), "plain run failed: {status}");
    let late = |d: Duration| (d.as_secs_f64() - planned.as_secs_f64()) * 1000.0;
    Late {
        summary: late(summary),
        exit: late(exit),
    }
}

/// `runs` plain runs at once (they sleep, so they do not disturb each other's timing).
fn lateness_parallel(routine: &str, planned: Duration, runs: usize) -> Vec<f64> {
    let handles: Vec<_> = (0..runs)
        .map(|_| {
            let routine = routine.to_string();
            std::thread::spawn(move || lateness(&routine, planned))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

fn accuracy() {
    for sounds in [Sounds::Off, Sounds::Hanging] {
        let runs: Vec<Late> = (0..5)
            .map(|_| lateness_with(&holds(10, 1), Duration::from_secs(10), sounds))
            .collect();
        let label = sounds.label();
        row(
            &format!("plain, 10 x 1 s holds, {label}: summary line minus plan"),
            &runs.iter().map(|l| l.summary).collect::<Vec<_>>(),
            "ms",
            "<= 15 ms",
        );
        row(
            &format!("plain, 10 x 1 s holds, {label}: exit minus plan"),
            &runs.iter().map(|l| l.exit).collect::<Vec<_>>(),
            "ms",
            "<= 15 ms; with sounds, + the last sound",
        );
    }
}

fn long() {
    let runs = lateness_parallel(&holds(120, 1), Duration::from_secs(120), 3);
    row(
        "plain, 120 x 1 s holds: end minus plan",
        &runs,
        "ms",
        "<= 15 ms, no growth with N",
    );
    let runs = lateness_parallel(&holds(1, 600), Duration::from_secs(600), 3);
    row(
        "plain, one 10-minute hold: end minus plan",
        &runs,
        "ms",
        "<= 15 ms",
    );
}

/// A pause typed 2 s in and resumed 3 s later: the end moves by the pause as the app saw it.
fn pause() {
    let mut runs = Vec::new();
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = plain_cmd(dir.path(), &holds(5, 1), Sounds::Off);
        cmd.stdin(Stdio::piped());
        let t0 = Instant::now();
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::thread::sleep(Duration::from_secs(2));
        let paused = Instant::now();
        stdin.write_all(b"p\n").unwrap();
        std::thread::sleep(Duration::from_secs(3));
        let gap = paused.elapsed();
        stdin.write_all(b"p\n").unwrap();
        drop(stdin);
        assert!(child.wait().unwrap().success());
        runs.push((t0.elapsed().as_secs_f64() - 5.0 - gap.as_secs_f64()) * 1000.0);
    }
    row(
        "plain, 5 x 1 s with a 3 s pause: end minus (plan + pause)",
        &runs,
        "ms",
        "<= 15 ms",
    );
}

/// CPU time (ns) of every thread of `pid`, from the scheduler's own accounting.
fn cpu_ns(pid: i32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// Context switches of every thread of `pid`: each wake-up costs at least one.
fn wakeups(pid: i32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("status")).ok())
        .flat_map(|s| {
            s.lines()
                .filter(|l| l.contains("ctxt_switches"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// Peak resident set size of `pid`, in MiB.
fn peak_rss_mib(pid: i32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Idle cost over `window` of a countdown already on screen: (CPU ms per minute, bytes/s).
fn measure(coach: &mut Coach, window: Duration) -> (f64, f64) {
    let pid = coach.pid();
    coach.pump();
    let (cpu0, bytes0, t0) = (cpu_ns(pid), coach.bytes, Instant::now());
    while t0.elapsed() < window {
        std::thread::sleep(Duration::from_millis(200));
        coach.pump();
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu_ms = (cpu_ns(pid) - cpu0) as f64 / 1e6;
    (cpu_ms * 60.0 / secs, (coach.bytes - bytes0) as f64 / secs)
}

fn idle() {
    for sounds in [Sounds::Off, Sounds::Hanging] {
        idle_with(sounds);
    }
    picker_idle();
}

/// A hold of 32 or 62 s: its halfway mark and first countdown pips fall in the measured 30 or
/// 60 s, so with sounds on, players are started (and hang) while the CPU is counted.
fn idle_with(sounds: Sounds) {
    let label = sounds.label();
    let args = [sounds.args(), &["$DIR/short.ron"]].concat();
    for hold in [30u32, 60] {
        let (mut cpu, mut bytes, mut rss) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..3 {
            let routine = holds(1, hold + 2);
            let mut coach = Coach::start_with(&routine, &args, 100, 30, sounds.config());
            coach.wait_for("Hold 1", 5.0);
            let (c, b) = measure(&mut coach, Duration::from_secs(u64::from(hold)));
            cpu.push(c);
            bytes.push(b);
            rss.push(peak_rss_mib(coach.pid()));
            coach.send("\x03");
            coach.exit_code(5.0);
        }
        row(
            &format!("TUI, {hold} s hold at 100x30, {label}: CPU per minute"),
            &cpu,
            "ms",
            "<= 30 ms",
        );
        row(
            &format!("TUI, {hold} s hold at 100x30, {label}: bytes written per second"),
            &bytes,
            "B/s",
            "<= 1,000 B/s",
        );
        row(
            &format!("TUI, {hold} s hold, {label}: peak RSS"),
            &rss,
            "MiB",
            "<= 8 MiB",
        );
    }
}

fn picker_idle() {
    let mut coach = Coach::start(&[], 100, 30, None);
    coach.wait_for("q quit", 5.0);
    coach.settle();
    let pid = coach.pid();
    let (w0, c0) = (wakeups(pid), cpu_ns(pid));
    std::thread::sleep(Duration::from_secs(10));
    let (w1, c1) = (wakeups(pid), cpu_ns(pid));
    row("picker idle 10 s: wake-ups", &[(w1 - w0) as f64], "", "0");
    row(
        "picker idle 10 s: CPU",
        &[(c1 - c0) as f64 / 1e6],
        "ms",
        "0",
    );
    coach.send("q");
    coach.exit_code(5.0);
}

/// Cat/Cow as the warm-up has it (5 s reps in two breaths, four cues, its figure), for
/// `reps` reps after a get-ready of `prepare` seconds.
fn cat_cow(reps: u32, prepare: u32) -> String {
    format!(
        r#"Routine(name: "Bench", kind: Other, prepare_secs: {prepare}, rest_secs: 0, switch_secs: 0, steps: [
    Step(
        name: "Cat/Cow",
        cues: [
            "Hands under shoulders, knees under hips",
            "Move slowly, one vertebra at a time",
            "Tuck the chin as you round, lift it as you arch",
            "Keep the arms straight but not locked",
        ],
        work: Reps(count: {reps}, tempo_secs: 5.0, phases: [
            "Exhale: round up like a scared cat",
            "Inhale: drop the belly, look up",
        ]),
        figure: "cat-cow",
    ),
])
"#
    )
}

/// A hold of `secs` seconds showing the plank's figure (a still pose).
fn plank(secs: u32) -> String {
    format!(
        r#"Routine(name: "Bench", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0, steps: [
    Step(name: "Hold 1", cues: ["Elbows under the shoulders"], work: Hold(secs: {secs}), figure: "plank"),
])
"#
    )
}

/// The session screen with a moving figure at 100x30: paced reps (cat/cow), then the same
/// with `--still`, then a hold with a figure; CPU per minute, bytes, frames, peak RSS.
fn animated() {
    for (what, args) in [
        ("animated reps", &["run", "--quiet", "$DIR/short.ron"][..]),
        (
            "reps with --still",
            &["run", "--quiet", "--still", "$DIR/short.ron"][..],
        ),
    ] {
        let (mut cpu, mut bytes, mut frames, mut rss) = (vec![], vec![], vec![], vec![]);
        for _ in 0..3 {
            let mut coach = Coach::start_with(&cat_cow(12, 1), args, 100, 30, None);
            coach.wait_for("REPS · Cat/Cow", 5.0);
            let pid = coach.pid();
            let w0 = wakeups(pid);
            let window = Duration::from_secs(40);
            let (c, b) = measure(&mut coach, window);
            frames.push((wakeups(pid) - w0) as f64 * 60.0 / window.as_secs_f64());
            cpu.push(c);
            bytes.push(b);
            rss.push(peak_rss_mib(coach.pid()));
            coach.send("\x03");
            coach.exit_code(5.0);
        }
        let target = |animated: &'static str, still: &'static str| {
            if what == "animated reps" {
                animated
            } else {
                still
            }
        };
        row(
            &format!("TUI, {what} at 100x30: CPU per minute"),
            &cpu,
            "ms",
            target("<= 60 ms", "as a hold, about 15 ms"),
        );
        row(
            &format!("TUI, {what} at 100x30: bytes written per second"),
            &bytes,
            "B/s",
            target("<= 6,000 B/s", "as a hold"),
        );
        row(
            &format!("TUI, {what} at 100x30: context switches per minute"),
            &frames,
            "",
            target("", "as a hold"),
        );
        row(&format!("TUI, {what}: peak RSS"), &rss, "MiB", "<= 8 MiB");
    }
    let (mut cpu, mut bytes) = (vec![], vec![]);
    for _ in 0..3 {
        let mut coach = Coach::start_with(
            &plank(32),
            &["run", "--quiet", "$DIR/short.ron"],
            100,
            30,
            None,
        );
        coach.wait_for("Hold 1", 5.0);
        let (c, b) = measure(&mut coach, Duration::from_secs(30));
        cpu.push(c);
        bytes.push(b);
        coach.send("\x03");
        coach.exit_code(5.0);
    }
    row(
        "TUI, 30 s hold with its figure at 100x30: CPU per minute",
        &cpu,
        "ms",
        "as without, about 15 ms",
    );
    row(
        "TUI, 30 s hold with its figure at 100x30: bytes written per second",
        &bytes,
        "B/s",
        "<= 1,000 B/s",
    );
    let (full, moving) = render_animated_us();
    row(
        "paced reps with the moving figure at 100x30: frames a minute, all / moving only",
        &[(full.len() + moving.len()) as f64, moving.len() as f64],
        "",
        "<= 720",
    );
    row_many(
        "paced reps with the moving figure at 100x30: one full frame",
        &full,
        "µs",
        "",
    );
    row_many(
        "paced reps with the moving figure at 100x30: one frame moving only the figure",
        &moving,
        "µs",
        "",
    );
}

/// In-process cost of the frames of paced reps with the cat/cow figure moving, at 100x30,
/// as the runner draws them: (full frames, frames that only move the figure), in µs each,
/// over a minute of the set's time.
fn render_animated_us() -> (Vec<f64>, Vec<f64>) {
    let entry = Entry {
        id: "cat".into(),
        routine: parse(&cat_cow(100, 0), "cat").unwrap(),
        source: Source::BuiltIn,
    };
    let t0 = Instant::now();
    let mut app = App::new(
        bench_options(),
        vec![entry.clone()],
        Box::new(|| chrono::Local::now().fixed_offset()),
    );
    app.set_figures(limberup::figure::Library::load(None), Marker::Quadrant);
    app.start(&entry, t0);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let (mut full, mut moving) = (Vec::new(), Vec::new());
    let mut now = t0 + Duration::from_millis(10);
    app.tick(now);
    terminal.draw(|f| app.draw(f, now)).unwrap();
    let end = now + Duration::from_secs(60);
    while now < end {
        let wake = app.next_wakeup().unwrap();
        let frame = app.next_frame(now).filter(|&f| f < wake);
        let started = Instant::now();
        if let Some(frame) = frame {
            now = frame;
            app.tick(now);
            terminal.draw(|f| app.draw_moving(f, now)).unwrap();
            moving.push(started.elapsed().as_secs_f64() * 1e6);
        } else {
            now = wake;
            app.tick(now);
            terminal.draw(|f| app.draw(f, now)).unwrap();
            full.push(started.elapsed().as_secs_f64() * 1e6);
        }
    }
    (full, moving)
}

/// Launch to the first complete frame: a pty born at 100x30 (so nothing is resized), the
/// binary started on it, its output read until the footer of the session screen arrives.
fn first_frame_ms(program: &str, args: &[&str], done: impl Fn(&str) -> bool) -> f64 {
    first_frame_in(program, args, None, done)
}

/// `first_frame_ms` with `config` as the config home (a fresh empty one when `None`).
fn first_frame_in(
    program: &str,
    args: &[&str],
    config: Option<&std::path::Path>,
    done: impl Fn(&str) -> bool,
) -> f64 {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two fds into the locals; the winsize outlives the call.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both fds were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env(
            "XDG_CONFIG_HOME",
            config.map_or_else(|| dir.path().join("cfg"), std::path::Path::to_path_buf),
        )
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let t0 = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let mut file = std::fs::File::from(master);
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while !done(&String::from_utf8_lossy(&seen)) {
        assert!(t0.elapsed() < Duration::from_secs(5), "no frame");
        let n = std::io::Read::read(&mut file, &mut buf).unwrap();
        seen.extend_from_slice(&buf[..n]);
    }
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    child.kill().unwrap();
    child.wait().unwrap();
    ms
}

fn startup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hold.ron");
    std::fs::write(&file, holds(1, 30)).unwrap();
    let path = file.display().to_string();
    let runs: Vec<f64> = (0..11)
        .map(|_| first_frame_ms(BIN, &["run", "--quiet", &path], |s| s.contains("quit")))
        .collect();
    row(
        "launch to first complete session frame",
        &runs,
        "ms",
        "<= 10 ms",
    );
    let file = dir.path().join("cat.ron");
    std::fs::write(&file, cat_cow(12, 5)).unwrap();
    let path = file.display().to_string();
    let runs: Vec<f64> = (0..11)
        .map(|_| first_frame_ms(BIN, &["run", "--quiet", &path], |s| s.contains("quit")))
        .collect();
    row(
        "launch to first complete session frame, with a figure (cat/cow)",
        &runs,
        "ms",
        "<= 10 ms",
    );
    let runs: Vec<f64> = (0..11)
        .map(|_| first_frame_ms(BIN, &[], |s| s.contains("quit")))
        .collect();
    row("launch to first complete picker frame", &runs, "ms", "");
}

/// The move library loaded: `list` and the picker's first frame with every built-in move
/// (60+) and 500 user routines made of `move:` steps, 20 user moves beside them.
fn library() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cfg");
    let routines = cfg.join("limberup/routines");
    let moves = cfg.join("limberup/moves");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::create_dir_all(&moves).unwrap();
    let back_care = Catalog::load(None)
        .find("back-care")
        .unwrap()
        .text()
        .unwrap();
    for i in 0..500 {
        std::fs::write(routines.join(format!("r{i:03}.ron")), &back_care).unwrap();
    }
    for (i, (_, text)) in limberup::moves::builtins().iter().take(20).enumerate() {
        std::fs::write(moves.join(format!("mine-{i:02}.ron")), text).unwrap();
    }
    let count = limberup::moves::builtins().len() + 20;
    let runs = time_ms(11, || {
        let out = Command::new(BIN)
            .arg("list")
            .env("XDG_CONFIG_HOME", &cfg)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap();
        assert!(out.status.success());
    });
    row(
        &format!("`list`, {count} moves and 500 user routines of moves"),
        &runs,
        "ms",
        "<= 200 ms",
    );
    let runs: Vec<f64> = (0..11)
        .map(|_| first_frame_in(BIN, &[], Some(&cfg), |s| s.contains("quit")))
        .collect();
    row(
        &format!("launch to first picker frame, {count} moves and 500 user routines"),
        &runs,
        "ms",
        "",
    );
}

fn big_routine(n: usize) -> String {
    let steps: String = (0..n)
        .map(|i| {
            format!(
                "Step(name: \"Step {i}\", cues: [\"Keep the back long\", \"Breathe\"], work: Reps(count: 10, tempo_secs: 2.5, phases: [\"In\", \"Out\"]), passes: [\"Left\", \"Right\"]),\n"
            )
        })
        .collect();
    format!("Routine(name: \"Big\", kind: Other, steps: [\n{steps}])\n")
}

fn time_ms(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// Options for in-process frames: no sound, speech or check-in.
fn bench_options() -> Options {
    Options {
        theme: Theme::new(limberup::config::Theme::Default, false),
        plan: PlanOptions::default(),
        sound: false,
        speech: false,
        check_in: false,
        confirm_quit: true,
        motion: true,
    }
}

fn render_ms(steps: usize) -> Vec<f64> {
    let entry = Entry {
        id: "big".into(),
        routine: parse(&big_routine(steps), "big").unwrap(),
        source: Source::BuiltIn,
    };
    let options = bench_options();
    let t0 = Instant::now();
    let mut app = App::new(
        options,
        vec![entry.clone()],
        Box::new(|| chrono::Local::now().fixed_offset()),
    );
    app.start(&entry, t0);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut k = 0u32;
    time_ms(201, || {
        k += 1;
        let now = t0 + Duration::from_millis(u64::from(k) * 997);
        app.tick(now);
        terminal.draw(|f| app.draw(f, now)).unwrap();
    })
    .into_iter()
    .map(|ms| ms * 1000.0)
    .collect()
}

fn scale() {
    for n in [5_000usize, 10_000] {
        let text = big_routine(n);
        let runs = time_ms(11, || {
            let routine = parse(&text, "big.ron").unwrap();
            let plan = Plan::new("big", &routine, &PlanOptions::default());
            assert!(plan.total() > Duration::ZERO);
        });
        row(
            &format!("load + validate + plan {n} steps"),
            &runs,
            "ms",
            "<= 60 ms, linear",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let routines = dir.path().join("cfg/limberup/routines");
    std::fs::create_dir_all(&routines).unwrap();
    let builtin = Catalog::load(None).find("warm-up").unwrap().text().unwrap();
    for i in 0..500 {
        std::fs::write(routines.join(format!("r{i:03}.ron")), &builtin).unwrap();
    }
    let runs = time_ms(11, || {
        let out = Command::new(BIN)
            .arg("list")
            .env("XDG_CONFIG_HOME", dir.path().join("cfg"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap();
        assert!(out.status.success());
    });
    row(
        "`list` with 500 user routine files",
        &runs,
        "ms",
        "<= 200 ms",
    );
    row(
        "render one frame, 5-step session",
        &render_ms(5),
        "µs",
        "same as 10,000 steps",
    );
    row(
        "render one frame, 10,000-step session",
        &render_ms(10_000),
        "µs",
        "same as 5 steps",
    );
}

/// Runs `cmd` to its end: its wall time in ms and its peak RSS in MiB (`ru_maxrss` of the
/// child, as `/usr/bin/time -v` reports it). The child is reaped by `wait4`, which gives
/// its own usage; `Child::wait` cannot.
#[allow(clippy::zombie_processes)]
fn time_and_peak(cmd: &mut Command) -> (f64, f64) {
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's, not yet reaped; both pointers are to live locals.
    let reaped = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(reaped > 0);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    (ms, usage.ru_maxrss as f64 / 1024.0)
}

/// Issue 15's `big.ron` (1 MiB, a session of 12,335 steps x 20 rounds x 20 sets x 8
/// passes) among the user's routines: `list`, `plan` and `run --plain` stay bounded by the
/// file's size; and `plan --json` of 10,000 steps through the binary.
fn bigfile() {
    let dir = tempfile::tempdir().unwrap();
    let routines = dir.path().join("cfg/limberup/routines");
    std::fs::create_dir_all(&routines).unwrap();
    let step =
        r#"Step(name:"a",work:Hold(secs:3600),sets:20,passes:["1","2","3","4","5","6","7","8"]),"#;
    let big = format!(
        "Routine(name:\"Big\",kind:Other,rounds:20,steps:[{}])",
        step.repeat(12_335)
    );
    std::fs::write(routines.join("big.ron"), big).unwrap();
    let steps: String = (0..10_000)
        .map(|i| format!("Step(name:\"Step {i}\",work:Hold(secs:30),passes:[\"Left\",\"Right\"]),"))
        .collect();
    let ten_k = dir.path().join("ten-k.ron");
    std::fs::write(
        &ten_k,
        format!("Routine(name:\"P\",kind:Other,steps:[{steps}])"),
    )
    .unwrap();
    let cmd = |args: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("XDG_CONFIG_HOME", dir.path().join("cfg"))
            .env("XDG_DATA_HOME", dir.path().join("data"));
        cmd
    };
    let commands: [(&str, &[&str]); 3] = [
        ("`list`", &["list"]),
        ("`plan big`", &["plan", "big"]),
        ("`run big --plain`", &["run", "big", "--plain"]),
    ];
    for (what, args) in commands {
        let (ms, mib): (Vec<f64>, Vec<f64>) = (0..5).map(|_| time_and_peak(&mut cmd(args))).unzip();
        row(
            &format!("{what} with big.ron: time"),
            &ms,
            "ms",
            "bounded by the file",
        );
        row(
            &format!("{what} with big.ron: peak RSS"),
            &mib,
            "MiB",
            "bounded by the file",
        );
    }
    let path = ten_k.to_str().unwrap();
    let ms: Vec<f64> = (0..11)
        .map(|_| time_and_peak(&mut cmd(&["plan", path, "--json"])).0)
        .collect();
    row(
        "`plan --json`, 10,000 steps",
        &ms,
        "ms",
        "25.9 ms in the release before",
    );
}

/// termdown counting the same 30 s at 100x30: the reference row.
fn termdown() {
    let Ok(path) = which("termdown") else {
        println!("| termdown not installed (`pip install termdown`) | | | |");
        return;
    };
    let (mut cpu, mut bytes, mut rss, mut first, mut late) =
        (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..3 {
        // termdown draws its digits with figlet: its frame is up once they are.
        first.push(first_frame_ms(&path, &["30"], |s| s.contains("888")));
        let mut coach = Coach::start_program(&path, &["30"], 100, 30);
        let t0 = coach.started;
        let (c, b) = measure(&mut coach, Duration::from_secs(25));
        cpu.push(c);
        bytes.push(b);
        rss.push(peak_rss_mib(coach.pid()));
        coach.exit_code(15.0);
        late.push((t0.elapsed().as_secs_f64() - 30.0) * 1000.0);
    }
    row("termdown 30: CPU per minute", &cpu, "ms", "reference");
    row(
        "termdown 30: bytes written per second",
        &bytes,
        "B/s",
        "reference",
    );
    row("termdown 30: first frame", &first, "ms", "reference");
    row("termdown 30: peak RSS", &rss, "MiB", "reference");
    row(
        "termdown 30: end minus plan (incl. start-up)",
        &late,
        "ms",
        "reference",
    );
}

fn which(program: &str) -> Result<String, ()> {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .map_err(|_| ())?;
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if path.is_empty() { Err(()) } else { Ok(path) }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let all = args.is_empty();
    let want = |name: &str| all || args.iter().any(|a| a == name);
    println!("| measure | median | target | runs |");
    println!("|---|---|---|---|");
    let sections: [(&str, fn()); 10] = [
        ("scale", scale),
        ("bigfile", bigfile),
        ("library", library),
        ("startup", startup),
        ("accuracy", accuracy),
        ("pause", pause),
        ("idle", idle),
        ("animated", animated),
        ("termdown", termdown),
        ("long", long),
    ];
    for (name, run) in sections {
        if want(name) {
            run();
        }
    }
}
