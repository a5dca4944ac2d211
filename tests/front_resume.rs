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
        earlier: Default::default(),
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
    assert_eq!(ago(-Duration::seconds(90)), "just now");
    // Written ahead of the clock (set back since): said, not taken for "just now".
    assert_eq!(
        ago(-Duration::hours(3)),
        "3 hours ahead of this computer's clock (was the clock set back?)"
    );
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
    let latest = || resume::latest(dir.path()).0;
    let catalog = Catalog::load(None);
    let entry = catalog.find("cool-down").unwrap().clone();
    let lineup = catalog.lineup(vec![entry]).unwrap();
    let options = PlanOptions::default();
    let plan = Plan::session(&lineup, &options);
    let steps = plan.steps.len();
    let wall = |i: i64| at(60) + Duration::seconds(i);
    let mut keeper = Keeper::new(&lineup, &options, wall(0), Some(dir.path().to_path_buf()));
    let t0 = Instant::now();
    let (mut session, events) = Session::new(plan, t0, wall(0));
    assert_eq!(keeper.track(&session, &events, wall(0)), None);
    let mut writes = vec![latest().unwrap()];
    for tick in 1..100_000 {
        let events = session.advance(t0 + Span::from_millis(250 * tick));
        assert_eq!(keeper.track(&session, &events, wall(tick as i64)), None);
        if session.outcome().is_some() {
            break;
        }
        let state = latest().unwrap();
        assert_eq!(state.step, session.step_index());
        if state != *writes.last().unwrap() {
            writes.push(state);
        }
    }
    let written: Vec<usize> = writes.iter().map(|s| s.step).collect();
    assert_eq!(written, (0..steps).collect::<Vec<_>>());
    assert_eq!(latest(), None);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A keeper of a new session of `id` in `dir`, its session started at `t0`, its first
/// state written.
fn started(
    id: &str,
    dir: &std::path::Path,
    t0: std::time::Instant,
    wall: DateTime<FixedOffset>,
) -> (limberup::front::Keeper, limberup::session::Session) {
    use limberup::routine::Catalog;
    use limberup::session::{Plan, PlanOptions, Session};
    let catalog = Catalog::load(None);
    let lineup = catalog
        .lineup(vec![catalog.find(id).unwrap().clone()])
        .unwrap();
    let options = PlanOptions::default();
    let mut keeper = limberup::front::Keeper::new(&lineup, &options, wall, Some(dir.to_path_buf()));
    let (session, events) = Session::new(Plan::session(&lineup, &options), t0, wall);
    assert_eq!(keeper.track(&session, &events, wall), None);
    (keeper, session)
}

/// Issue 15: `run five`, then `run quick` beside it, which completes; then `five` is
/// killed. The one that stopped is still there to resume: each session has its own state.
#[test]
fn a_session_completed_beside_another_leaves_the_others_state() {
    use std::time::{Duration as Span, Instant};
    let dir = tempfile::tempdir().unwrap();
    let t0 = Instant::now();
    let (_five, five) = started("warm-up", dir.path(), t0, at(60));
    let (mut quick, mut session) = started("cool-down", dir.path(), t0, at(60));
    for tick in 1..100_000u64 {
        let events = session.advance(t0 + Span::from_secs(tick));
        quick.track(&session, &events, at(60));
        if session.outcome().is_some() {
            break;
        }
    }
    assert!(session.outcome().is_some());
    let (state, warnings) = resume::latest(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let state = state.expect("the stopped session's state");
    assert_eq!(state.id, "warm-up");
    assert_eq!(state.step, five.step_index());
}

/// Where the state cannot be written, the session says it cannot be resumed, once.
#[test]
fn a_state_that_cannot_be_written_says_the_session_cannot_be_resumed() {
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    // A file where the resume directory should be: nothing can be written in it.
    let blocked = dir.path().join("resume");
    std::fs::write(&blocked, "").unwrap();
    use limberup::routine::Catalog;
    use limberup::session::{Plan, PlanOptions, Session};
    let catalog = Catalog::load(None);
    let lineup = catalog
        .lineup(vec![catalog.find("cool-down").unwrap().clone()])
        .unwrap();
    let options = PlanOptions::default();
    let mut keeper = limberup::front::Keeper::new(&lineup, &options, at(0), Some(blocked));
    let t0 = Instant::now();
    let (session, events) = Session::new(Plan::session(&lineup, &options), t0, at(0));
    let warning = keeper.track(&session, &events, at(0)).expect("a warning");
    assert!(
        warning.starts_with("this session cannot be resumed if it stops: cannot write "),
        "{warning}"
    );
}

fn context(dir: &std::path::Path) -> limberup::app::Context {
    limberup::app::Context::load(limberup::paths::Paths {
        config_dir: Some(dir.join("cfg")),
        data_dir: Some(dir.join("data")),
    })
    .unwrap()
}

/// A state whose timings no routine can have, or whose step is past any, is refused with
/// what is wrong, the number as written.
#[test]
fn damaged_timings_and_steps_are_refused_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let mut timings = state();
    timings.timings.switch_secs = u32::MAX;
    let err = resume::Resumable::check(timings, &ctx).unwrap_err();
    assert_eq!(
        err,
        "cannot resume Warm-up: its resume state is damaged (switch_secs 4294967295, not 0 \
         to 600)"
    );
    let mut scale = state();
    scale.scale = f64::NAN;
    let err = resume::Resumable::check(scale, &ctx).unwrap_err();
    assert_eq!(
        err,
        "cannot resume Warm-up: its resume state is damaged (scale NaN, not 0.25 to 4)"
    );
    let mut far = state();
    far.parts[0].fingerprint = resume::fingerprint(ctx.catalog.find("warm-up").unwrap());
    far.step = usize::MAX;
    let err = resume::Resumable::check(far, &ctx).unwrap_err();
    assert!(
        err.starts_with(&format!(
            "cannot resume Warm-up: it stopped at step {}, but it has ",
            u128::from(u64::MAX) + 1
        )),
        "{err}"
    );
}
