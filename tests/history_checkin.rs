//! The after-session check-in: advice per score, the persistent-pain notice drawn from the
//! stored check-ins, and reading a typed answer.

mod common;

use common::{at, record};
use limberup::checkin::{advice, parse_answer, persistent_pain};
use limberup::session::{Outcome, SessionRecord};

fn checked(day: u32, hour: u32, score: Option<u8>) -> SessionRecord {
    record(at(2026, 3, day, hour, 0), 600.0, Outcome::Completed, score)
}

#[test]
fn advice_follows_the_score() {
    assert_eq!(advice(0), "Good. Keep it up.");
    for mild in 1..=3 {
        assert!(advice(mild).contains("normal (DOMS)"), "{mild}");
    }
    for moderate in 4..=5 {
        assert!(
            advice(moderate).contains("see a physician or physical therapist"),
            "{moderate}"
        );
    }
    for sharp in 6..=10 {
        assert!(advice(sharp).starts_with("Stop any exercise that causes sharp or shooting pain"));
    }
}

#[test]
fn no_notice_without_pain_over_several_days() {
    let now = at(2026, 3, 10, 12, 0);
    assert_eq!(persistent_pain(&[], now), None);
    // High scores, but all on one day.
    let one_day = [checked(9, 7, Some(8)), checked(9, 19, Some(9))];
    assert_eq!(persistent_pain(&one_day, now), None);
    // Several days, but the latest check-in is fine.
    let better = [
        checked(6, 7, Some(7)),
        checked(8, 7, Some(8)),
        checked(9, 7, Some(2)),
    ];
    assert_eq!(persistent_pain(&better, now), None);
    // Pain of 5 is below the threshold.
    let fives = [checked(6, 7, Some(5)), checked(9, 7, Some(5))];
    assert_eq!(persistent_pain(&fives, now), None);
}

#[test]
fn pain_of_six_or_more_over_several_days_suggests_a_visit() {
    let now = at(2026, 3, 10, 12, 0);
    let records = [
        checked(2, 7, Some(1)),
        checked(7, 7, Some(6)),
        checked(8, 7, None), // a skipped check-in neither breaks nor counts
        checked(9, 7, Some(9)),
    ];
    let notice = persistent_pain(&records, now).expect("a notice");
    assert!(
        notice
            .starts_with("Your last 2 check-ins over 3 days all reported back pain of 6 or more.")
    );
    assert!(notice.contains("physician or physical therapist"));
    assert!(!notice.to_lowercase().contains("diagnos"));
    // The order records arrive in does not matter.
    let mut reversed = records.to_vec();
    reversed.reverse();
    assert_eq!(persistent_pain(&reversed, now), Some(notice));
}

#[test]
fn old_check_ins_do_not_count() {
    let now = at(2026, 3, 30, 12, 0);
    let records = [checked(7, 7, Some(8)), checked(9, 7, Some(8))];
    assert_eq!(persistent_pain(&records, now), None);
}

#[test]
fn answers_are_a_score_or_empty() {
    assert_eq!(parse_answer(""), Ok(None));
    assert_eq!(parse_answer("  \n"), Ok(None));
    assert_eq!(parse_answer("0"), Ok(Some(0)));
    assert_eq!(parse_answer(" 10\n"), Ok(Some(10)));
    for bad in ["11", "-1", "x", "3.5", "256"] {
        let err = parse_answer(bad).unwrap_err();
        assert!(err.contains("a number from 0 to 10"), "{bad}: {err}");
    }
}

#[test]
fn a_record_carrying_its_check_in_keeps_it_as_older_histories_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    limberup::history::append(&path, &checked(9, 7, Some(4))).unwrap();
    let line = std::fs::read_to_string(&path).unwrap();
    assert!(line.contains("\"check_in\":4"), "{line}");
    let back = limberup::history::load(&path).unwrap().records;
    assert_eq!(back[0].check_in, Some(4));
    // No check-in: the field is left out entirely.
    limberup::history::append(&path, &checked(9, 8, None)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.lines().nth(1).unwrap().contains("check_in"));
}
