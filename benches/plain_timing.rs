//! How late does a plain-mode session end? Runs the release binary on routines of N
//! one-second holds (no get-ready, rest or switch) and reports wall time minus plan, from
//! spawning the process to its exit (startup, history write and fsync included).
//! `cargo bench --bench plain_timing` runs N = 10 (5 times) and N = 120 (once); pass
//! `-- 10` or `-- 120` to run one size only.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn routine(n: usize) -> String {
    let steps: String = (1..=n)
        .map(|i| format!("Step(name: \"Hold {i}\", work: Hold(secs: 1)),"))
        .collect();
    format!(
        "Routine(name: \"Bench\", kind: Other, prepare_secs: 0, rest_secs: 0, switch_secs: 0, steps: [{steps}])"
    )
}

fn run_once(n: usize) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let routines = dir.path().join("config/limberup/routines");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::write(routines.join("bench.ron"), routine(n)).unwrap();
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["run", "bench", "--plain"])
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    let wall = start.elapsed();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("Summary: completed"), "{stdout}");
    wall
}

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for (n, runs) in [(10, 5), (120, 1)] {
        if only.is_some_and(|o| o != n) {
            continue;
        }
        let plan = Duration::from_secs(n as u64);
        let late: Vec<f64> = (0..runs)
            .map(|_| (run_once(n).as_secs_f64() - plan.as_secs_f64()) * 1000.0)
            .collect();
        let max = late.iter().copied().fold(f64::MIN, f64::max);
        let mean = late.iter().sum::<f64>() / late.len() as f64;
        println!(
            "plain mode, {n} x 1 s holds: ended {mean:.1} ms after plan on average, {max:.1} ms at worst ({runs} runs: {})",
            late.iter()
                .map(|l| format!("{l:.1}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
