//! Whatever the coach writes, its own reader reads back: a session's history record (and
//! the check-in line about it) through the history reader, and its resume state through
//! the resume reader, for the cases of issue 15 (a routine of many sets and passes, a
//! command line of thousands of routines, thousands of added sets) and, as a property,
//! for generated routines, command lines and live changes.

mod session_support;

use std::time::{Duration, Instant};

use limberup::checkin::Answer;
use limberup::front::resume::{self, ResumeState};
use limberup::history::{self, Line, MAX_LINE};
use limberup::routine::{Catalog, Entry, Lineup, Routine, Source, parse};
use limberup::session::{
    Command, MAX_CHANGES, MAX_PER_STEP, Plan, PlanOptions, Session, SessionId, SessionRecord,
    StepStatus,
};
use proptest::prelude::*;
use session_support::strategies::{Kinds, small_routine};
use session_support::wall;

/// Issue 15's `six.ron`: valid, 6 steps x 20 rounds x 20 sets x 8 passes.
fn six() -> String {
    let step = r#"Step(name:"Lunge",work:Hold(secs:1),sets:20,passes:["Left","Right","Front","Back","Up","Down","In","Out"]),"#;
    format!(
        "Routine(name:\"Six\",kind:Other,prepare_secs:0,rest_secs:0,switch_secs:0,rounds:20,steps:[{}])",
        step.repeat(6)
    )
}

fn entry(id: &str, routine: Routine) -> Entry {
    Entry {
        id: id.to_string(),
        routine,
        source: Source::BuiltIn,
    }
}

/// `record` appended to a fresh history with a check-in about it, then read back: the
/// reader skips nothing and finds the session with its answer.
fn read_back(record: &SessionRecord) -> SessionRecord {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let record = record.clone().identified_for_test();
    history::append(&path, &record).unwrap();
    let answer = Answer {
        session: record.id.clone().unwrap(),
        score: 2,
        at: record.ended_at,
    };
    history::write(&path, Line::CheckIn(&answer), Duration::ZERO, &mut |_| {}).unwrap();
    let loaded = history::load(&path).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 1);
    let back = loaded.records.into_iter().next().unwrap();
    assert_eq!(back.check_in, Some(2));
    assert_eq!(back.id, record.id);
    assert_eq!(back.active_secs, record.active_secs);
    assert_eq!(back.outcome, record.outcome);
    back
}

trait Identified {
    fn identified_for_test(self) -> SessionRecord;
}

impl Identified for SessionRecord {
    fn identified_for_test(mut self) -> SessionRecord {
        self.id.get_or_insert_with(SessionId::new);
        self
    }
}

/// The steps `back` (as read) keeps of `record` (as written): those reached, in order.
fn assert_reached_kept(record: &SessionRecord, back: &SessionRecord) {
    if back.trimmed {
        return;
    }
    let reached: Vec<(&str, StepStatus, f64)> = record
        .steps
        .iter()
        .filter(|s| s.status != StepStatus::NotReached)
        .map(|s| (s.name.as_str(), s.status, s.active_secs))
        .collect();
    let kept: Vec<(&str, StepStatus, f64)> = back
        .steps
        .iter()
        .map(|s| (s.name.as_str(), s.status, s.active_secs))
        .collect();
    assert_eq!(kept, reached);
    assert_eq!(back.reps(), record.reps());
}

#[test]
fn six_interrupted_after_two_seconds_is_read_back() {
    let routine = parse(&six(), "six.ron").expect("six.ron is valid");
    let plan = Plan::new("six", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, t0, wall(7));
    session.advance(t0 + Duration::from_secs(2));
    session.handle(Command::Interrupt, t0 + Duration::from_secs(2));
    let record = session.record(wall(7));
    let back = read_back(&record);
    assert!(!back.trimmed);
    assert_reached_kept(&record, &back);
}

#[test]
fn a_flood_of_added_sets_and_repeats_is_bounded_and_read_back() {
    let routine = parse(&six(), "six.ron").unwrap();
    let plan = Plan::new("six", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, t0, wall(7));
    for _ in 0..20_000 {
        session.handle(Command::AddSet, t0);
        session.handle(Command::Repeat, t0);
    }
    assert_eq!(session.plan().steps[0].added_sets, MAX_PER_STEP);
    let first = session.record(wall(7)).steps[0].clone();
    assert_eq!(first.repeats as usize, MAX_PER_STEP);
    // The rest of the session, every step skipped into with its changes refused.
    for _ in 0..200 {
        session.handle(Command::AddSet, t0);
        session.handle(Command::Next, t0);
    }
    session.handle(Command::Quit, t0);
    let record = session.record(wall(7));
    let extra: u32 = record.steps.iter().map(|s| s.extra_sets + s.repeats).sum();
    assert!(extra as usize <= MAX_CHANGES, "{extra}");
    let back = read_back(&record);
    assert_reached_kept(&record, &back);
}

#[test]
fn the_routines_of_one_session_are_at_most_sixteen() {
    let catalog = Catalog::load(None);
    let cool_down = catalog.find("cool-down").unwrap().clone();
    assert!(Lineup::of(vec![cool_down.clone(); 16], &catalog.entries).is_ok());
    for n in [17, 3_000, 20_000] {
        let err = Lineup::of(vec![cool_down.clone(); n], &catalog.entries).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the routines given to `run`: {n} routines in one session, at most 16")
        );
    }
}

#[test]
fn the_resume_state_of_any_session_that_runs_is_read_back() {
    let catalog = Catalog::load(None);
    let cool_down = catalog.find("cool-down").unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resume.json");
    for n in [1, 16, 17, 3_000] {
        let Ok(lineup) = Lineup::of(vec![cool_down.clone(); n], &catalog.entries) else {
            continue;
        };
        let state = ResumeState::new(SessionId::new(), &lineup, &PlanOptions::default(), wall(7));
        resume::write(&file, &state).unwrap();
        assert_eq!(resume::read(&file), Ok(Some(state)), "{n} routines");
    }
}

/// Generated routines (1 to 20 of them, as a command line names them), live changes and
/// an end at any moment: whatever is written reads back.
fn case() -> impl Strategy<Value = (Vec<Routine>, Vec<(Command, u64)>)> {
    let command = prop_oneof![
        4 => Just(Command::AddSet),
        4 => Just(Command::Repeat),
        2 => Just(Command::Next),
        2 => Just(Command::Advance),
        2 => Just(Command::Done),
        1 => Just(Command::Previous),
        1 => Just(Command::Quit),
    ];
    (
        proptest::collection::vec(small_routine(Kinds::All), 1..=20),
        proptest::collection::vec((command, 0u64..=3_000), 0..=300),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn whatever_is_written_is_read_back((routines, commands) in case()) {
        let chosen: Vec<Entry> = routines
            .into_iter()
            .enumerate()
            .map(|(i, r)| entry(&format!("r{i}"), r))
            .collect();
        let count = chosen.len();
        let lineup = match Lineup::of(chosen.clone(), &chosen) {
            Ok(lineup) => lineup,
            Err(err) => {
                prop_assert!(count > 16, "{err}");
                return Ok(());
            }
        };
        let options = PlanOptions::default();
        let plan = Plan::session(&lineup, &options);
        let t0 = Instant::now();
        let (mut session, _) = Session::new(plan, t0, wall(7));
        let mut at = t0;
        for (command, wait) in commands {
            at += Duration::from_millis(wait);
            session.advance(at);
            session.handle(command, at);
        }
        let record = session.record(wall(8));
        let back = read_back(&record);
        assert_reached_kept(&record, &back);

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("resume.json");
        let mut state = ResumeState::new(SessionId::new(), &lineup, &options, wall(7));
        state.step = session.step_index();
        resume::write(&file, &state).unwrap();
        prop_assert_eq!(resume::read(&file), Ok(Some(state)));
    }
}

/// The largest record the limits allow (every pass of a session of the most passes done,
/// each with the longest label) still fits one line, with less detail.
#[test]
fn the_largest_session_fits_one_line() {
    let label = "L".repeat(limberup::routine::MAX_NAME_CHARS - 2);
    let passes: Vec<String> = (0..8).map(|i| format!("{label}{i:02}")).collect();
    let step = format!(
        r#"Step(name:"{}",work:Reps(count:1),sets:20,passes:{passes:?}),"#,
        "N".repeat(limberup::routine::MAX_NAME_CHARS)
    );
    let text = format!(
        "Routine(name:\"Many\",kind:Other,prepare_secs:0,rest_secs:0,switch_secs:0,steps:[{}])",
        step.repeat(312)
    );
    let routine = parse(&text, "many.ron").expect("within every limit");
    let plan = Plan::new("many", &routine, &PlanOptions::default());
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, t0, wall(7));
    while session.outcome().is_none() {
        session.handle(Command::Done, t0);
    }
    let record = session.record(wall(8));
    assert!(serde_json::to_string(&record).unwrap().len() > MAX_LINE);
    let back = read_back(&record);
    assert!(back.trimmed);
}
