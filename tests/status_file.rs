//! The status file follows the session machine on an injected clock: written at the start
//! and at each phase change, pause, resume or change of time, never for the seconds of a
//! countdown, with the phase's end as a wall-clock instant; removed at the end.

mod session_support;

use chrono::DateTime;
use limberup::front::{Publisher, Reach};
use limberup::session::Command;
use limberup::status::{self, Status};
use session_support::{Run, hold, routine, wall};

/// The status file's contents, or `None` when there is none.
fn written(path: &std::path::Path) -> Option<Status> {
    std::fs::read(path)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap())
}

#[test]
fn the_file_is_written_at_phase_changes_pauses_and_time_changes_never_each_second() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("limberup/status.json");
    let reach = Reach {
        status_file: Some(file.clone()),
        hook: None,
    };
    let mut publisher = Publisher::new(&reach);
    let mut run = Run::new(&routine(
        0,
        0,
        0,
        vec![
            hold("Reach up", 30, &["Left", "Right"]),
            hold("Fold", 20, &[]),
        ],
    ));
    // `wall(7)` is the session's start: the machine's clock and the wall's agree.
    let wall_at = |secs: u64| wall(7) + chrono::Duration::seconds(secs as i64);
    let start: Vec<_> = run.log.iter().map(|(_, e)| *e).collect();
    assert_eq!(publisher.follow(&run.s, &start, wall_at(0)), None);
    let first = written(&file).unwrap();
    assert_eq!(
        (
            first.step.as_str(),
            first.side.as_deref(),
            first.phase.as_str()
        ),
        ("Reach up", Some("Left"), "work")
    );
    let ends: DateTime<chrono::Utc> = wall_at(30).into();
    assert_eq!(first.ends_at, Some(ends));
    assert_eq!(first.pid, std::process::id());

    // The countdown's seconds (10, 3, 2, 1 left, halfway) write nothing.
    std::fs::remove_file(&file).unwrap();
    for secs in 1..30 {
        let events = run.at(secs as f64);
        publisher.follow(&run.s, &events, wall_at(secs));
        assert!(!file.exists(), "written {secs} s in: {events:?}");
    }
    // The next side is a phase change.
    let events = run.at(30.0);
    publisher.follow(&run.s, &events, wall_at(30));
    let right = written(&file).unwrap();
    assert_eq!(right.side.as_deref(), Some("Right"));

    // A pause writes the time left, frozen; resuming writes the new end.
    let events = run.cmd(Command::Pause, 35.0);
    publisher.follow(&run.s, &events, wall_at(35));
    let paused = written(&file).unwrap();
    assert!(paused.paused);
    assert_eq!((paused.ends_at, paused.left_secs), (None, Some(25)));
    let events = run.cmd(Command::Resume, 100.0);
    publisher.follow(&run.s, &events, wall_at(100));
    let resumed = written(&file).unwrap();
    let ends: DateTime<chrono::Utc> = wall_at(125).into();
    assert_eq!(resumed.ends_at, Some(ends));
    // More time moves the end.
    let events = run.cmd(Command::AddTime(10), 101.0);
    publisher.follow(&run.s, &events, wall_at(101));
    let ends: DateTime<chrono::Utc> = wall_at(135).into();
    assert_eq!(written(&file).unwrap().ends_at, Some(ends));

    // The end removes it; `status` then finds no session.
    let events = run.cmd(Command::Quit, 102.0);
    publisher.follow(&run.s, &events, wall_at(102));
    assert!(!file.exists());
    assert_eq!(status::read(&file), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever status a session can publish (names as long as the limits allow them, any
    /// character in them, any instant) is read back by `status::read` as it was written.
    #[test]
    fn any_status_written_is_read_back(
        session in "\\PC{0,1700}",
        routine in ".{0,100}",
        step in "[\\x00-\\x7f\\u{80}-\\u{10ffff}]{0,100}",
        side in proptest::option::of(".{0,100}"),
        phase in "(prepare|work|switch|rest|done)",
        paused: bool,
        numbers in proptest::array::uniform4(1usize..=20_000),
        rep in proptest::option::of(proptest::array::uniform2(0u32..=u32::MAX)),
        ends_at in proptest::option::of(-8_000_000_000_000i64..=8_000_000_000_000i64),
        left_secs: Option<u64>,
        phase_secs: Option<u64>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("limberup").join("status.json");
        let status = Status {
            pid: std::process::id(),
            session,
            routine,
            part: Some([numbers[0], numbers[1]]),
            step,
            step_number: [numbers[2], numbers[3]],
            side,
            phase,
            paused,
            rep,
            ends_at: ends_at.and_then(DateTime::from_timestamp_millis),
            left_secs,
            phase_secs,
        };
        status::write(&path, &status).unwrap();
        proptest::prop_assert_eq!(status::read(&path), Some(status));
    }
}
