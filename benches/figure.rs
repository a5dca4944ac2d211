//! What a moving figure costs, for BENCHMARKS.md: a frame (pose + drawing) in-process, the
//! bytes ratatui sends for a minute of animation at 12 frames a second, and the release
//! binary playing a figure in a pseudo-terminal (CPU, bytes, memory).
//!
//! `cargo bench --bench figure` runs all (about three minutes); `cargo bench --bench figure
//! -- SECTION...` runs the named ones: `load`, `hostile`, `frame`, `rates`, `bytes`, `player`.
#![allow(clippy::print_stdout)]

#[path = "../tests/pty_support/mod.rs"]
mod pty_support;

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use limberup::config::Theme as Choice;
use limberup::figure::{Beat, Figure, Library, MAX_FPS, PassMode};
use limberup::tui::{FigureWidget, Player, Theme, units_per_dot};
use pty_support::Coach;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn row(what: &str, value: String, target: &str, runs: &str) {
    println!("| {what} | {value} | {target} | {runs} |");
}

/// The beat `t` into a set of reps `tempo` long with `parts` phases.
fn beat_at(t: Duration, tempo: Duration, parts: usize) -> Beat {
    let x = (t.as_secs_f64() % tempo.as_secs_f64()) / tempo.as_secs_f64() * parts as f64;
    let part = (x.floor() as usize).min(parts - 1);
    Beat {
        part,
        parts,
        progress: x - part as f64,
    }
}

/// One frame: the pose at `t` and the figure drawn into `area`.
fn frame(figure: &Figure, t: Duration, buf: &mut Buffer, area: Rect) {
    let parts = figure.motion().count();
    let pose = figure.pose_at(
        Some(beat_at(t, Duration::from_secs(5), parts)),
        PassMode::AsDrawn,
    );
    buf.reset();
    FigureWidget {
        pose: &pose,
        trails: &[],
        frame: figure.frame(),
        view: figure.view,
        marker: Marker::Quadrant,
        ink: Theme::new(Choice::Default, false).figure_ink(),
    }
    .render(area, buf);
}

/// A minute of frames at `MAX_FPS`, in microseconds each, for every built-in figure.
fn frame_costs(size: (u16, u16)) -> Vec<f64> {
    let library = Library::load(None);
    let area = Rect::new(0, 0, size.0, size.1);
    let mut buf = Buffer::empty(area);
    let step = Duration::from_secs(1) / MAX_FPS;
    let mut costs = Vec::new();
    for entry in &library.entries {
        for i in 0..60 * MAX_FPS {
            let t0 = Instant::now();
            frame(&entry.figure, step * i, &mut buf, area);
            costs.push(t0.elapsed().as_secs_f64() * 1e6);
        }
    }
    costs
}

/// What every command now pays at start-up for the figures: the 11 built-ins parsed,
/// checked and their frames swept.
fn load() {
    let runs: Vec<f64> = (0..50)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(Library::load(None));
            t0.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    row(
        "load the 11 built-in figures (parse, check, sweep frames)",
        format!("**{:.2} ms**", median(runs)),
        "a small share of the 10 ms first frame",
        "50 runs",
    );
}

/// A figure file of `n` poses `Pose(name: "<i>", like: "x")`, `x` named by none (issue 15:
/// each `like` ran a did-you-mean against every earlier name).
fn many_poses(n: usize) -> String {
    let poses: String = (0..n)
        .map(|i| format!("Pose(name:\"{i}\",like:\"x\"),"))
        .collect();
    format!("Figure(name:\"Many\",view:Side,motion:[\"0\"],poses:[{poses}])")
}

/// Hostile figure files: loading stays linear in the file's size, errors stay short.
fn hostile() {
    for n in [2_000, 8_000, 35_000] {
        let src = many_poses(n);
        let runs: Vec<f64> = (0..20)
            .map(|_| {
                let t0 = Instant::now();
                let err = limberup::figure::parse(&src, "many.ron").unwrap_err();
                std::hint::black_box(err.to_string());
                t0.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        row(
            &format!(
                "load a figure of {n} poses `like` an unknown pose ({} KB)",
                src.len() / 1000
            ),
            format!("**{:.2} ms**", median(runs)),
            "linear in the size",
            "20 runs",
        );
    }
}

fn frames() {
    for size in [(40, 20), (72, 32)] {
        let costs = frame_costs(size);
        let med = median(costs.clone());
        let mut sorted = costs.clone();
        sorted.sort_by(f64::total_cmp);
        let p99 = sorted[sorted.len() * 99 / 100];
        row(
            &format!("pose + draw one frame, {}x{} figure", size.0, size.1),
            format!("**{med:.0} µs**"),
            "",
            &format!(
                "{} frames, all 11 figures; 99th percentile {p99:.0} µs",
                costs.len()
            ),
        );
        row(
            &format!("  the same for a minute of {MAX_FPS} frames a second (the most)"),
            format!("**{:.1} ms**", med * f64::from(60 * MAX_FPS) / 1000.0),
            "",
            "",
        );
    }
}

/// A terminal that only counts what it is sent.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes ratatui sends for a minute of `id` (reps of `tempo`, `parts` phases) drawn in a
/// `size` area of a 100x30 screen whenever a joint has moved a dot: (bytes/s, frames).
fn bytes_per_second(id: &str, tempo: Duration, parts: usize, size: (u16, u16)) -> (f64, u32) {
    let library = Library::load(None);
    let figure = library.get(id).unwrap();
    let sent = Counter::default();
    let backend = CrosstermBackend::new(sent.clone());
    let mut term = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 100, 30)),
        },
    )
    .unwrap();
    let area = Rect::new(2, 4, size.0, size.1);
    let dot = units_per_dot(figure.frame(), area, Marker::Quadrant);
    let ink = Theme::new(Choice::Default, false).figure_ink();
    let draw = |term: &mut Terminal<CrosstermBackend<Counter>>, beat: Beat| {
        let pose = figure.pose_at(Some(beat), PassMode::AsDrawn);
        term.draw(|f| {
            FigureWidget {
                pose: &pose,
                trails: &[],
                frame: figure.frame(),
                view: figure.view,
                marker: Marker::Quadrant,
                ink,
            }
            .render(area, f.buffer_mut());
        })
        .unwrap();
    };
    draw(&mut term, beat_at(Duration::ZERO, tempo, parts));
    let first = sent.0.get();
    let (mut t, mut frames) = (Duration::ZERO, 0);
    while t < Duration::from_secs(60) {
        t += figure.next_change(beat_at(t, tempo, parts), tempo, PassMode::AsDrawn, dot);
        draw(&mut term, beat_at(t, tempo, parts));
        frames += 1;
    }
    ((sent.0.get() - first) as f64 / 60.0, frames)
}

/// The player's whole frame in-process (figure, text, diff, escape codes) at 100x30, in
/// microseconds, over a minute of frames on the 12 fps grid.
fn player_frame_costs() -> Vec<f64> {
    let library = Library::load(None);
    let entry = library.find("cat-cow").unwrap().clone();
    let t0 = Instant::now();
    let theme = Theme::new(Choice::Default, false);
    let player = Player::new(
        entry,
        Some(Duration::from_secs(5)),
        false,
        theme,
        Marker::Quadrant,
        t0,
    );
    let mut term = Terminal::with_options(
        CrosstermBackend::new(Counter::default()),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 100, 30)),
        },
    )
    .unwrap();
    let step = Duration::from_secs(1) / MAX_FPS;
    (0..60 * MAX_FPS)
        .map(|i| {
            let start = Instant::now();
            term.draw(|f| player.draw(f, t0 + step * i)).unwrap();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect()
}

fn bytes() {
    let costs = player_frame_costs();
    row(
        "the player's whole frame in-process at 100x30 (98x26 figure, diff, escapes)",
        format!("**{:.0} µs**", median(costs.clone())),
        "",
        &format!("{} frames", costs.len()),
    );
    for (id, tempo, parts) in [
        ("cat-cow", 5.0, 2),
        ("arm-circles", 2.0, 1),
        ("russian-twists", 4.0, 2),
        ("dead-bug", 8.0, 4),
    ] {
        let tempo = Duration::from_secs_f64(tempo);
        for size in [(40, 20), (72, 32)] {
            let (b, frames) = bytes_per_second(id, tempo, parts, size);
            row(
                &format!(
                    "bytes sent per second, `{id}` at its routine's tempo, {}x{} area",
                    size.0, size.1
                ),
                format!("**{b:.0} B/s**"),
                "<= 6 KB/s",
                &format!("one minute, {frames} frames"),
            );
        }
    }
}

fn cpu_ns(pid: i32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

fn peak_rss_mib(pid: i32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The player on a 100x30 pty for `secs`: (CPU ms per minute, bytes per second, MiB).
fn play(args: &[&str], secs: u64) -> (f64, f64, f64) {
    let mut coach = Coach::start(args, 100, 30, None);
    coach.wait_for("q quit", 5.0);
    let pid = coach.pid();
    coach.pump();
    let (cpu0, bytes0, t0) = (cpu_ns(pid), coach.bytes, Instant::now());
    while t0.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_millis(200));
        coach.pump();
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = (cpu_ns(pid) - cpu0) as f64 / 1e6 * 60.0 / secs;
    let bytes = (coach.bytes - bytes0) as f64 / secs;
    let rss = peak_rss_mib(pid);
    coach.send("q");
    coach.exit_code(5.0);
    (cpu, bytes, rss)
}

fn player() {
    let frames = frames_a_minute("cat-cow", Duration::from_secs(5), 2, (98, 26));
    row(
        "frames a minute, `figures cat-cow --tempo 5` at 100x30 (98x26 figure)",
        format!("**{frames}**"),
        "<= 720",
        "",
    );
    for (what, args) in [
        (
            "cat-cow, a rep every 5 s",
            &["figures", "cat-cow", "--tempo", "5"][..],
        ),
        ("plank (one pose: still)", &["figures", "plank"][..]),
    ] {
        let runs: Vec<(f64, f64, f64)> = (0..3).map(|_| play(args, 20)).collect();
        let list = |f: fn(&(f64, f64, f64)) -> f64| {
            runs.iter()
                .map(|r| format!("{:.1}", f(r)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let med = |f: fn(&(f64, f64, f64)) -> f64| median(runs.iter().map(f).collect());
        row(
            &format!("`figures {what}`, 98x26 figure at 100x30: CPU per minute"),
            format!("**{:.1} ms**", med(|r| r.0)),
            "",
            &list(|r| r.0),
        );
        row(
            &format!("`figures {what}`: bytes written per second"),
            format!("**{:.0} B/s**", med(|r| r.1)),
            "",
            &list(|r| r.1),
        );
        row(
            &format!("`figures {what}`: peak RSS"),
            format!("**{:.1} MiB**", med(|r| r.2)),
            "<= 8 MiB",
            &list(|r| r.2),
        );
    }
}

/// Frames a minute of `id` drawn in a `size` area (quadrants), each when some joint has moved
/// a dot, with reps of `tempo` and `parts` phases.
fn frames_a_minute(id: &str, tempo: Duration, parts: usize, size: (u16, u16)) -> u32 {
    let library = Library::load(None);
    let figure = library.get(id).unwrap();
    let dot = units_per_dot(
        figure.frame(),
        Rect::new(0, 0, size.0, size.1),
        Marker::Quadrant,
    );
    let (mut t, mut frames) = (Duration::ZERO, 0);
    while t < Duration::from_secs(60) {
        let beat = beat_at(t, tempo, parts);
        t += figure.next_change(beat, tempo, PassMode::AsDrawn, dot);
        frames += 1;
    }
    frames
}

fn rates() {
    for (id, tempo, parts) in [
        ("cat-cow", 5.0, 2),
        ("shoulder-rolls", 2.0, 1),
        ("arm-circles", 2.0, 1),
        ("side-bends", 8.0, 4),
        ("russian-twists", 4.0, 2),
        ("dead-bug", 8.0, 4),
    ] {
        let tempo = Duration::from_secs_f64(tempo);
        let small = frames_a_minute(id, tempo, parts, (40, 20));
        let large = frames_a_minute(id, tempo, parts, (72, 32));
        row(
            &format!("frames a minute, `{id}` at its routine's tempo, 40x20 / 72x32"),
            format!("**{small} / {large}**"),
            &format!("<= {}", 60 * MAX_FPS),
            "a frame when a joint has moved a dot",
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |name: &str| args.is_empty() || args.iter().any(|a| a == name);
    println!("| measure | median | target | runs |");
    println!("|---|---|---|---|");
    let sections: [(&str, fn()); 6] = [
        ("load", load),
        ("hostile", hostile),
        ("frame", frames),
        ("rates", rates),
        ("bytes", bytes),
        ("player", player),
    ];
    for (name, run) in sections {
        if want(name) {
            run();
        }
    }
}
