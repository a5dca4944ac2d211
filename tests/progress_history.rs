//! What progression writes to the history, its own reader reads back: manual changes as
//! lines of their own (which the session readers pass over without a warning) and the
//! levels in session records; and a resumed session counts once, as it ended.

mod common;

use chrono::{Duration, FixedOffset, TimeZone};
use limberup::history::{self, LOCK_WAIT, Line};
use limberup::progress::{Action, Event, Known, Manual, Ran, events, known};
use limberup::routine::RanAt;
use limberup::session::{Outcome, SessionId};
use proptest::prelude::*;

fn write(path: &std::path::Path, line: Line<'_>) {
    history::write(path, line, LOCK_WAIT, &mut |_| {}).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn manual_changes_read_back_as_written(
        changes in prop::collection::vec(("[a-z][a-z0-9-]{0,20}", prop::option::of(1u32..=20), -720i32..=840, 0i64..4_000_000_000), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let written: Vec<Manual> = changes
            .into_iter()
            .map(|(routine, level, offset_mins, secs)| Manual {
                routine,
                action: level.map_or(Action::Reset, Action::Set),
                at: FixedOffset::east_opt(offset_mins * 60).unwrap().timestamp_opt(secs, 0).unwrap(),
            })
            .collect();
        let record = common::record(common::at(2026, 3, 1, 7, 0), 60.0, Outcome::Completed, Some(1));
        write(&path, Line::Session(&record));
        for change in &written {
            write(&path, Line::Progress(change));
        }
        let read = known(&path).unwrap();
        prop_assert_eq!(&read.manual, &written);
        prop_assert_eq!(read.records.len(), 1);
        let loaded = history::load(&path).unwrap();
        prop_assert_eq!(loaded.skipped_total, 0);
        prop_assert_eq!(loaded.records.len(), 1);
    }
}

#[test]
fn the_levels_a_session_ran_at_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut record = common::record(common::at(2026, 3, 1, 7, 0), 60.0, Outcome::Completed, None);
    record.levels = vec![RanAt {
        routine: "core".into(),
        level: 3,
    }];
    write(&path, Line::Session(&record));
    let read = history::load(&path).unwrap().records;
    assert_eq!(read[0].levels, record.levels);
}

#[test]
fn a_resumed_session_counts_once_with_its_last_outcome_and_answer() {
    let first_at = common::at(2026, 3, 1, 23, 50);
    let mut first = common::record(first_at, 60.0, Outcome::Interrupted, None);
    first.id = Some(SessionId("a1".into()));
    first.routine_id = "core".into();
    first.levels = vec![RanAt {
        routine: "core".into(),
        level: 2,
    }];
    let mut then = common::record(
        first_at + Duration::hours(1),
        60.0,
        Outcome::Completed,
        Some(1),
    );
    then.id = Some(SessionId("b2".into()));
    then.resumes = first.id.clone();
    then.routine_id = "core".into();
    then.levels = first.levels.clone();
    let known = Known {
        records: vec![first, then],
        manual: Vec::new(),
    };
    assert_eq!(
        events(&known, "core"),
        [Event::Session(Ran {
            day: first_at.date_naive(),
            level: 2,
            completed: true,
            check_in: Some(1),
        })]
    );
    assert!(events(&known, "warm-up").is_empty());
}
