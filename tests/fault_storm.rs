//! A storm of random keys and resizes through the real coach in a pty: whatever the order,
//! it never panics, every exit is clean, and the history holds only whole, consistent records.

mod pty_support;

use std::collections::BTreeSet;
use std::io::Write;
use std::time::{Duration, Instant};

use limberup::history;
use limberup::routine::{Catalog, Lineup, Step};
use limberup::session::{Outcome, StepStatus};
use pty_support::{Coach, prepare};

/// Short phases, so sessions run through get-ready, holds, sides, reps and their end
/// while the storm lasts.
const STORM: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 1,
    rest_secs: 0,
    switch_secs: 1,
    steps: [
        Step(name: "Hold", work: Hold(secs: 1)),
        Step(name: "Sides", work: Hold(secs: 2), passes: ["Left", "Right"]),
        Step(name: "Count", work: Reps(count: 2)),
        Step(name: "Paced", work: Reps(count: 2, tempo_secs: 1.0, phases: ["In", "Out"])),
    ],
)"#;

/// The keys of every screen (session, confirm, picker, filter, help, summary, check-in),
/// as a terminal sends them; Ctrl-C and Ctrl-Z are left out.
const KEYS: &[&str] = &[
    " ", "p", "\r", "n", "b", "\x1b[D", "\x1b[C", "+", "=", "-", "?", "\x1b", "q", "y", "Y", "n",
    "N", "j", "k", "\x1b[A", "\x1b[B", "\x1b[5~", "\x1b[6~", "\x1b[H", "\x1b[F", "g", "G", "/",
    "\x7f", "s", "t", "h", "l", "\r", "n",
];
const LETTERS_AND_DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCXYZ0123456789";

/// xorshift64*: enough randomness for a reproducible storm, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes `keys`, ignoring a pty whose app has just exited.
fn send(coach: &mut Coach, keys: &str) {
    let _ = coach.pty.write_all(keys.as_bytes());
    let _ = coach.pty.flush();
}

/// Screens recognisable at the full size, to report what the storm visited.
fn seen(screen: &str, visited: &mut BTreeSet<&'static str>) {
    for (text, name) in [
        ("Routines (", "picker"),
        ("Filter", "filter"),
        ("During a session", "help"),
        ("Quit session? y/n", "confirm"),
        ("PAUSED", "paused"),
        ("How does your back feel?", "check-in"),
        ("completed", "summary"),
        ("ended early", "summary"),
        ("HOLD", "session"),
        ("GET READY", "session"),
    ] {
        if screen.contains(text) {
            visited.insert(name);
        }
    }
}

/// After a clean exit: code 0 (101 would be a panic), the shell's terminal back.
fn assert_clean_exit(coach: &mut Coach, code: i32, seed: u64) {
    assert_eq!(
        code,
        0,
        "seed {seed}: exit code; screen:\n{}",
        coach.screen()
    );
    assert!(coach.cooked(), "seed {seed}: modes: {:?}", coach.termios());
    assert!(!coach.parser.screen().alternate_screen(), "seed {seed}");
    assert!(!coach.parser.screen().hide_cursor(), "seed {seed}");
}

/// Quits from whatever screen is up: Esc leaves help and filter typing (and asks to quit a
/// session), q quits the picker, summary and check-in, y confirms. Two rounds reach the
/// end from any screen; more are allowed in case a key is merged with the next.
fn bring_to_an_end(coach: &mut Coach, seed: u64) -> i32 {
    for _ in 0..6 {
        for key in ["\x1b", "q", "y", "q"] {
            send(coach, key);
            let deadline = Instant::now() + Duration::from_millis(150);
            while Instant::now() < deadline {
                if let Some(code) = coach.exited() {
                    return code;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
    panic!(
        "seed {seed}: the coach did not quit; screen:\n{}",
        coach.screen()
    );
}

fn storm(seed: u64, events: usize) {
    let mut rng = Rng(seed.max(1));
    let mut coach = Coach::spawn_sane(prepare(STORM, None), &[], 100, 30, &[]);
    coach.wait_for("Routines (11)", 5.0);
    let mut visited = BTreeSet::new();
    let mut exits = 0;
    let mut size = (100, 30);
    for _ in 0..events {
        if let Some(code) = coach.exited() {
            // q or Esc on the picker or summary quits: a clean exit, then start again.
            assert_clean_exit(&mut coach, code, seed);
            exits += 1;
            let Coach { dir, .. } = coach;
            coach = Coach::spawn_sane(dir, &[], size.0, size.1, &[]);
            let deadline = Instant::now() + Duration::from_secs(5);
            while !coach.parser.screen().alternate_screen() {
                assert!(Instant::now() < deadline, "seed {seed}: no restart");
                std::thread::sleep(Duration::from_millis(10));
                coach.pump();
            }
        }
        if rng.below(12) == 0 {
            size = (1 + rng.below(120) as u16, 1 + rng.below(40) as u16);
            coach.resize(size.0, size.1);
        } else if rng.below(6) == 0 {
            let c = LETTERS_AND_DIGITS[rng.below(LETTERS_AND_DIGITS.len() as u64) as usize];
            send(&mut coach, &char::from(c).to_string());
        } else {
            send(&mut coach, KEYS[rng.below(KEYS.len() as u64) as usize]);
        }
        if size.0 >= 60 && size.1 >= 20 {
            let screen = coach.screen();
            seen(&screen, &mut visited);
        }
        std::thread::sleep(Duration::from_millis(rng.below(6)));
    }
    coach.resize(100, 30);
    let code = bring_to_an_end(&mut coach, seed);
    assert_clean_exit(&mut coach, code, seed);

    let text = std::fs::read(coach.history_path()).unwrap_or_default();
    assert!(text.is_empty() || text.ends_with(b"\n"), "seed {seed}");
    let loaded = history::load(&coach.history_path()).unwrap();
    assert!(
        loaded.skipped.is_empty(),
        "seed {seed}: {:?}",
        loaded.skipped
    );
    eprintln!(
        "seed {seed}: {exits} exits on the way, {} sessions recorded, visited {visited:?}",
        loaded.records.len()
    );
    // Sessions did run to a record, so the checks below check something.
    assert!(!loaded.records.is_empty(), "seed {seed}: nothing recorded");
    let catalog = Catalog::load(Some(&coach.dir.path().join("cfg/limberup/routines")));
    for r in &loaded.records {
        // What the session ran: the routine's steps every round, each part's in turn for
        // a combination or several marked routines (from where a resumed one took up).
        let chosen = r
            .routine_id
            .split('+')
            .map(|id| catalog.find(id).expect("a known routine").clone())
            .collect();
        let lineup = Lineup::of(chosen, &catalog.entries).expect("a good session");
        let planned_steps: Vec<&Step> = lineup
            .parts
            .iter()
            .flat_map(|e| {
                let rounds = e.routine.rounds.unwrap_or(1) as usize;
                std::iter::repeat_n(&e.routine.steps, rounds).flatten()
            })
            .skip(r.from_step as usize - 1)
            .collect();
        // A resumed session's record holds the steps from where it took up.
        assert!(
            r.from_step == 1 || r.resumes.is_some(),
            "seed {seed}: {r:?}"
        );
        assert!(
            matches!(r.outcome, Outcome::Completed | Outcome::Quit),
            "seed {seed}: {r:?}"
        );
        // The history keeps the steps reached, in order, and of each the passes begun.
        let steps = r.steps.len();
        let done = r.count(StepStatus::Done);
        let skipped = r.count(StepStatus::Skipped);
        let stopped = r.count(StepStatus::Stopped);
        assert!(steps <= planned_steps.len(), "seed {seed}: {r:?}");
        assert_eq!(done + skipped + stopped, steps, "seed {seed}: {r:?}");
        assert!(stopped <= 1, "seed {seed}: {r:?}");
        if r.outcome == Outcome::Completed {
            assert_eq!(steps, planned_steps.len(), "seed {seed}: {r:?}");
        }
        // A circuit records each step once per round, a session each part's in turn.
        for (step, planned) in r.steps.iter().zip(planned_steps) {
            assert_eq!(step.name, planned.name, "seed {seed}");
            assert!(step.active_secs >= 0.0, "seed {seed}: {r:?}");
        }
        assert!(r.ended_at >= r.started_at, "seed {seed}: {r:?}");
        assert!(
            r.active_secs >= 0.0 && r.paused_secs >= 0.0,
            "seed {seed}: {r:?}"
        );
        assert!(r.check_in.is_none_or(|c| c <= 10), "seed {seed}: {r:?}");
    }
}

/// `LIMBERUP_STORM_SEED` replays (or explores) another storm.
#[test]
fn a_thousand_random_keys_and_resizes_never_break_the_coach() {
    let seed = std::env::var("LIMBERUP_STORM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd);
    storm(seed, 1000);
}
