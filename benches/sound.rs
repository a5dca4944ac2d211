//! The figures for sounds in BENCHMARKS.md: what writing the sound files costs at start-up,
//! what one `play` costs the coach's loop with a quick, a hung and a slow player, and that
//! a loop waking on absolute deadlines is no later for playing a sound at each of them.
//!
//! `cargo bench --bench sound` (about 30 seconds).
#![allow(clippy::print_stdout)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::time::{Duration, Instant};

use limberup::sound::{Player, PlayerCommand, Sound, SoundFiles, samples};

fn percentile(xs: &mut [f64], p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let i = ((xs.len() - 1) as f64 * p).round() as usize;
    xs[i]
}

fn summary(what: &str, mut us: Vec<f64>) {
    let n = us.len();
    let median = percentile(&mut us, 0.5);
    let p99 = percentile(&mut us, 0.99);
    let max = percentile(&mut us, 1.0);
    println!("| {what} | {median:.0} µs | {p99:.0} µs | {max:.0} µs | {n} |");
}

fn script(dir: &Path, name: &str, body: &str) -> PlayerCommand {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    PlayerCommand {
        argv: vec!["/bin/sh".into(), path.into()],
    }
}

/// The players measured: quick (exits at once), hung (blocks for ever opening a FIFO nobody
/// writes), slow (sleeps 2 s, as a player waiting for a busy device).
fn players(dir: &Path) -> Vec<(&'static str, PlayerCommand)> {
    let fifo = dir.join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    vec![
        (
            "quick (`true`)",
            PlayerCommand {
                argv: vec!["true".into()],
            },
        ),
        (
            "hung (blocks on a FIFO)",
            script(dir, "hang.sh", &format!("read x < {}\n", fifo.display())),
        ),
        ("slow (sleeps 2 s)", script(dir, "slow.sh", "sleep 2\n")),
    ]
}

/// This thread's CPU time in µs: the cost of synthesis alone, whatever else the machine runs.
fn cpu_us() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e6 + ts.tv_nsec as f64 / 1e3
}

fn files() {
    println!("\n| making the sound files | median | p99 | max | runs |\n|---|---|---|---|---|");
    let mut synth = Vec::new();
    for _ in 0..15 {
        let t = cpu_us();
        for sound in Sound::ALL {
            std::hint::black_box(samples(sound));
        }
        synth.push(cpu_us() - t);
    }
    summary("synthesizing all ten sounds (CPU time)", synth);
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..15 {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("sounds");
        let t = Instant::now();
        drop(SoundFiles::write(Some(&cache)).unwrap());
        cold.push(t.elapsed().as_secs_f64() * 1e6);
        let t = Instant::now();
        drop(SoundFiles::write(Some(&cache)).unwrap());
        warm.push(t.elapsed().as_secs_f64() * 1e6);
    }
    summary("first run: synthesize, write 10 files (wall)", cold);
    summary(
        "later runs: synthesize, compare with the files (wall)",
        warm,
    );
}

fn play_cost() {
    println!("\n| one `play()` | median | p99 | max | calls |\n|---|---|---|---|---|");
    let dir = tempfile::tempdir().unwrap();
    for (name, command) in players(dir.path()) {
        let mut player = Player::new(command, Some(&dir.path().join("cache")));
        let mut us = Vec::new();
        for i in 0..200 {
            let t = Instant::now();
            assert!(player.play(Sound::ALL[i % Sound::ALL.len()]));
            us.push(t.elapsed().as_secs_f64() * 1e6);
            // About the pace of the countdown's ticks, so quick players come and go.
            std::thread::sleep(Duration::from_millis(20));
        }
        summary(name, us);
    }
}

/// The coach's loop in miniature: sleep until an absolute deadline every 100 ms, play a
/// sound there. Lateness is the wake-up's distance past its deadline.
fn lateness() {
    println!(
        "\n| deadline lateness, a sound at each of 50 deadlines 100 ms apart | median | p99 | max | deadlines |\n|---|---|---|---|---|"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut runs: Vec<(&str, Option<PlayerCommand>)> = vec![("no player", None)];
    runs.extend(players(dir.path()).into_iter().map(|(n, c)| (n, Some(c))));
    for (name, command) in runs {
        let mut player = command.map(|c| Player::new(c, Some(&dir.path().join("cache"))));
        let start = Instant::now();
        let mut late = Vec::new();
        for i in 1..=50u32 {
            let deadline = start + Duration::from_millis(100) * i;
            std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
            late.push((Instant::now() - deadline).as_secs_f64() * 1e6);
            if let Some(p) = &mut player {
                p.play(Sound::Countdown);
            }
        }
        let total = (Instant::now() - start).as_secs_f64() * 1e3;
        summary(&format!("{name} (all 50 done at {total:.1} ms)"), late);
    }
}

fn main() {
    files();
    play_cost();
    lateness();
}
