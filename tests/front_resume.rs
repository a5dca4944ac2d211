//! The resume file: written whole or not at all, private, read back without trusting it
//! (missing, cut short, from a newer version, a FIFO in its place), and how its age reads.

use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use limberup::front::resume::{self, PartState, ResumeState};
use limberup::routine::Kind;
use limberup::session::{SessionId, Timings};

fn at(offset_mins: i32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(offset_mins * 60)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 1, 23, 30, 0)
        .unwrap()
}

fn state() -> ResumeState {
    ResumeState {
        version: resume::VERSION,
        session: SessionId("9f3c".into()),
        id: "warm-up".into(),
        name: "Warm-up".into(),
        kind: Kind::WarmUp,
        rest_secs: None,
        parts: vec![PartState {
            id: "warm-up".into(),
            path: None,
            fingerprint: "0123456789abcdef".into(),
            level: None,
        }],
        scale: 1.5,
        timings: Timings::default(),
        step: 2,
        started_at: at(60),
        written_at: at(60),
    }
}

#[test]
fn written_whole_private_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sub/resume.json");
    assert_eq!(resume::read(&file), Ok(None));
    resume::write(&file, &state()).unwrap();
    let mut next = state();
    next.step = 3;
    resume::write(&file, &next).unwrap();
    assert_eq!(resume::read(&file), Ok(Some(next)));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Nothing but the file itself is left in the directory.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["resume.json"]);
    resume::clear(&file).unwrap();
    assert_eq!(resume::read(&file), Ok(None));
    resume::clear(&file).unwrap();
}

#[test]
fn a_file_that_cannot_be_used_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resume.json");
    let text = serde_json::to_string(&state()).unwrap();
    std::fs::write(&file, &text[..text.len() / 2]).unwrap();
    let err = resume::read(&file).unwrap_err();
    assert!(err.starts_with("unreadable ("), "{err}");
    assert!(err.ends_with("; a crash while writing?"), "{err}");

    let newer = text.replace(
        &format!("\"version\":{}", resume::VERSION),
        "\"version\":99",
    );
    std::fs::write(&file, newer).unwrap();
    assert_eq!(
        resume::read(&file),
        Err(format!(
            "written by a newer limberup (format 99; this one reads {})",
            resume::VERSION
        ))
    );

    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    assert_eq!(
        resume::read(&file),
        Err("not a regular file (a directory)".into())
    );
}

#[test]
fn a_fifo_in_its_place_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resume.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a FIFO for reading blocks until a writer comes, unless opened non-blocking.
    assert_eq!(
        resume::read(&file),
        Err("not a regular file (a FIFO)".into())
    );
}

#[test]
fn fresh_is_under_12_hours_in_absolute_time_in_every_offset() {
    for written in (-12 * 60..=14 * 60).step_by(15).map(at) {
        let now = |d: Duration| (written + d).with_timezone(&Utc);
        assert!(resume::is_fresh(written, now(Duration::zero())));
        assert!(resume::is_fresh(written, now(Duration::minutes(719))));
        assert!(!resume::is_fresh(written, now(Duration::hours(12))));
        assert!(!resume::is_fresh(written, now(Duration::days(400))));
        // A clock set back: written "in the future", as stale the other way round.
        assert!(resume::is_fresh(written, now(-Duration::hours(1))));
        assert!(!resume::is_fresh(written, now(-Duration::hours(13))));
    }
}

#[test]
fn ago_reads_roughly() {
    let written = at(-300);
    let ago = |d: Duration| resume::ago(written, (written + d).with_timezone(&Utc));
    assert_eq!(ago(Duration::seconds(30)), "just now");
    assert_eq!(ago(-Duration::hours(3)), "just now");
    assert_eq!(ago(Duration::minutes(5)), "5 minutes ago");
    assert_eq!(ago(Duration::hours(3)), "3 hours ago");
    assert_eq!(ago(Duration::days(3)), "3 days ago");
}

/// The keeper writes the state when a step begins, and only then (not every tick), each
/// time naming the step in progress; a completed session removes it.
#[test]
fn the_state_is_written_at_each_step_change_only_and_cleared_at_the_end() {
    use limberup::front::Keeper;
    use limberup::routine::Catalog;
    use limberup::session::{Plan, PlanOptions, Session};
    use std::time::{Duration as Span, Instant};

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resume.json");
    let catalog = Catalog::load(None);
    let entry = catalog.find("cool-down").unwrap().clone();
    let lineup = catalog.lineup(vec![entry]).unwrap();
    let options = PlanOptions::default();
    let plan = Plan::session(&lineup, &options);
    let steps = plan.steps.len();
    let wall = |i: i64| at(60) + Duration::seconds(i);
    let mut keeper = Keeper::new(&lineup, &options, wall(0), Some(file.clone()));
    let t0 = Instant::now();
    let (mut session, events) = Session::new(plan, t0, wall(0));
    assert_eq!(keeper.track(&session, &events, wall(0)), None);
    let mut writes = vec![resume::read(&file).unwrap().unwrap()];
    for tick in 1..100_000 {
        let events = session.advance(t0 + Span::from_millis(250 * tick));
        assert_eq!(keeper.track(&session, &events, wall(tick as i64)), None);
        if session.outcome().is_some() {
            break;
        }
        let state = resume::read(&file).unwrap().unwrap();
        assert_eq!(state.step, session.step_index());
        if state != *writes.last().unwrap() {
            writes.push(state);
        }
    }
    let written: Vec<usize> = writes.iter().map(|s| s.step).collect();
    assert_eq!(written, (0..steps).collect::<Vec<_>>());
    assert_eq!(resume::read(&file), Ok(None));
}
