//! `limberup history --format csv|ics`: the export read back by a real CSV parser (the
//! `csv` crate) and a real iCalendar parser (the `icalendar` crate), with names holding
//! commas, quotes, line breaks and non-ASCII; a resumed session is one row and one event.

mod common;

use std::collections::HashMap;

use chrono::Duration;
use common::{Sandbox, at, record};
use icalendar::parser::{Component, read_calendar, unfold};
use limberup::export::{self, HEADER, Joined, Sessions};
use limberup::history;
use limberup::session::{Outcome, PartRecord, SessionId, SessionRecord, StepRecord, StepStatus};
use proptest::prelude::*;

/// Names a hand-written CSV or iCalendar writer gets wrong.
const NAMES: [&str; 4] = [
    "Desk break, short",
    "The \"big three\"; McGill",
    "Two\nlines",
    "Étirements du matin — ストレッチ 🧘",
];

fn named(name: &str, day: u32, check_in: Option<u8>) -> SessionRecord {
    let mut r = record(at(2026, 3, day, 7, 30), 300.0, Outcome::Completed, check_in);
    r.id = Some(SessionId(format!("s{day:02}")));
    r.routine_name = name.to_string();
    r.steps[0].name = format!("{name} step");
    r
}

fn history_of(sandbox: &Sandbox, records: &[SessionRecord]) {
    std::fs::create_dir_all(sandbox.history_file().parent().unwrap()).unwrap();
    for r in records {
        history::append(&sandbox.history_file(), r).unwrap();
    }
}

fn export(sandbox: &Sandbox, args: &[&str]) -> String {
    let out = sandbox
        .cmd()
        .args(["history", "--format"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// An event's properties, by name.
type Event = HashMap<String, String>;

/// The events of an iCalendar text that parses as one VCALENDAR.
fn events(text: &str) -> Vec<Event> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).unwrap();
    assert_eq!(calendar.properties[0].name.as_str(), "VERSION");
    let props = |c: &Component<'_>| -> Event {
        c.properties
            .iter()
            .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
            .collect()
    };
    assert!(calendar.components.iter().all(|c| c.name == "VEVENT"));
    calendar.components.iter().map(props).collect()
}

fn prop<'a>(event: &'a Event, name: &str) -> &'a str {
    &event[name]
}

#[test]
fn csv_reads_back_every_name_whole_with_the_documented_header() {
    let sandbox = Sandbox::new();
    let records: Vec<_> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| named(n, i as u32 + 1, Some(i as u8)))
        .collect();
    history_of(&sandbox, &records);
    let (header, rows) = csv_rows(&export(&sandbox, &["csv"]));
    assert_eq!(header, HEADER);
    assert_eq!(rows.len(), NAMES.len());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(&row[column(&header, "routine")], NAMES[i]);
        assert_eq!(&row[column(&header, "id")], format!("s{:02}", i + 1));
        // 07:30 at UTC+1, in UTC.
        assert_eq!(
            &row[column(&header, "started_at")],
            format!("2026-03-0{}T06:30:00Z", i + 1)
        );
        assert_eq!(&row[column(&header, "check_in")], i.to_string());
        assert_eq!(&row[column(&header, "reps")], "12");
        assert_eq!(&row[column(&header, "outcome")], "completed");
    }
}

/// A session quit at its second step and taken up there: two records, one session.
fn resumed() -> [SessionRecord; 2] {
    let step = |name: &str, status| StepRecord {
        name: name.to_string(),
        status,
        ..StepRecord::default()
    };
    let mut first = named("Warm-up", 2, None);
    first.outcome = Outcome::Quit;
    first.active_secs = 60.0;
    first.steps = vec![
        step("One", StepStatus::Done),
        step("Two", StepStatus::Stopped),
        step("Three", StepStatus::NotReached),
    ];
    let mut second = named("Warm-up", 2, Some(4));
    second.id = Some(SessionId("later".into()));
    second.resumes = first.id.clone();
    second.started_at = first.started_at + Duration::minutes(10);
    second.ended_at = second.started_at + Duration::minutes(2);
    second.active_secs = 120.0;
    second.from_step = 2;
    second.steps = vec![
        step("Two", StepStatus::Done),
        step("Three", StepStatus::Skipped),
    ];
    [first, second]
}

#[test]
fn a_resumed_session_is_one_row_and_one_event_as_history_counts_it() {
    let sandbox = Sandbox::new();
    let [first, second] = resumed();
    let mut other = named("Cool-down", 2, None);
    other.id = Some(SessionId("other".into()));
    history_of(&sandbox, &[first.clone(), other, second.clone()]);
    let (header, rows) = csv_rows(&export(&sandbox, &["csv"]));
    assert_eq!(rows.len(), 2);
    let row = &rows[0];
    assert_eq!(&row[column(&header, "records")], "2");
    assert_eq!(&row[column(&header, "outcome")], "completed");
    assert_eq!(&row[column(&header, "active_secs")], "180");
    assert_eq!(&row[column(&header, "steps")], "3");
    assert_eq!(&row[column(&header, "done")], "2");
    assert_eq!(&row[column(&header, "skipped")], "1");
    assert_eq!(&row[column(&header, "check_in")], "4");
    assert_eq!(&row[column(&header, "ended_at")], "2026-03-02T06:42:00Z");

    let events = events(&export(&sandbox, &["ics"]));
    assert_eq!(events.len(), 2);
    let description = prop(&events[0], "DESCRIPTION");
    assert_eq!(
        description,
        "completed, 180 s active\nSteps:\n- One: done\n- Two: done\n- Three: skipped\nCheck-in: 4/10"
    );
    assert_eq!(prop(&events[0], "DTEND"), "20260302T064200Z");
}

#[test]
fn since_keeps_sessions_by_their_first_start() {
    let sandbox = Sandbox::new();
    let early = named("Early", 1, None);
    let late = named("Late", 3, None);
    history_of(&sandbox, &[early, late]);
    let (header, rows) = csv_rows(&export(&sandbox, &["csv", "--since", "2026-03-02"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][column(&header, "routine")], "Late");
    assert_eq!(
        events(&export(&sandbox, &["ics", "--since", "2026-03-02"])).len(),
        1
    );
}

#[test]
fn an_empty_history_is_a_header_or_an_empty_calendar() {
    let sandbox = Sandbox::new();
    let (header, rows) = csv_rows(&export(&sandbox, &["csv"]));
    assert_eq!((header.len(), rows.len()), (HEADER.len(), 0));
    let text = export(&sandbox, &["ics"]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(events(&text).is_empty());
}

#[test]
fn ics_events_have_stable_uids_utc_times_the_routine_as_summary_and_folded_lines() {
    let sandbox = Sandbox::new();
    let mut old = named(&NAMES[3].repeat(8), 5, Some(2));
    // A record from before ids: its UID comes from its start and routine.
    old.id = None;
    let records: Vec<_> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| named(n, i as u32 + 1, None))
        .chain([old])
        .collect();
    history_of(&sandbox, &records);
    let text = export(&sandbox, &["ics"]);
    assert_eq!(text, export(&sandbox, &["ics"]), "the same export twice");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let events = events(&text);
    assert_eq!(events.len(), 5);
    let mut uids: Vec<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids[0], "s01@limberup");
    uids.dedup();
    assert_eq!(uids.len(), 5);
    for (i, event) in events.iter().enumerate().take(4) {
        assert_eq!(prop(event, "SUMMARY"), NAMES[i]);
        assert_eq!(prop(event, "DTSTART"), format!("2026030{}T063000Z", i + 1));
        assert_eq!(prop(event, "DTEND"), format!("2026030{}T063500Z", i + 1));
        assert!(prop(event, "DESCRIPTION").contains(&format!("- {} step: done", NAMES[i])));
    }
    assert_eq!(prop(&events[4], "SUMMARY"), NAMES[3].repeat(8));
    assert!(prop(&events[4], "DESCRIPTION").ends_with("\nCheck-in: 2/10"));
}

#[test]
fn a_session_of_several_routines_names_its_parts() {
    let sandbox = Sandbox::new();
    let mut r = named("Warm-up + Cool-down", 1, None);
    r.parts = vec![
        PartRecord {
            routine_id: "warm-up".into(),
            routine_name: "Warm-up".into(),
        },
        PartRecord {
            routine_id: "cool-down".into(),
            routine_name: "Cool, down".into(),
        },
    ];
    history_of(&sandbox, &[r]);
    let (header, rows) = csv_rows(&export(&sandbox, &["csv"]));
    assert_eq!(&rows[0][column(&header, "parts")], "Warm-up + Cool, down");
    assert_eq!(&rows[0][column(&header, "records")], "1");
}

/// Text as an iCalendar TEXT value keeps it: line breaks as `\n` (a CR LF or a lone CR as
/// one), other control characters as U+FFFD.
fn as_ics_keeps(name: &str) -> String {
    name.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn exported(name: &str) -> Vec<Joined> {
    let mut sessions = Sessions::default();
    sessions.add(named(name, 1, None));
    sessions.since(None, &chrono::Utc)
}

proptest! {
    #[test]
    fn any_name_reads_back_from_csv_and_ics(name in "\\PC{0,60}|[,;\"\\\\\r\n\t\u{7} aé🧘]{0,40}") {
        let sessions = exported(&name);
        let mut csv_text = Vec::new();
        export::write_csv(&sessions, &mut csv_text).unwrap();
        let mut reader = csv::Reader::from_reader(csv_text.as_slice());
        let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
        prop_assert_eq!(&rows[0][4], name.as_str());

        let mut ics = Vec::new();
        export::write_ics(&sessions, &mut ics).unwrap();
        let text = String::from_utf8(ics).unwrap();
        let events = events(&text);
        prop_assert_eq!(prop(&events[0], "SUMMARY"), as_ics_keeps(&name));
    }
}
