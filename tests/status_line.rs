//! `limberup status`'s lines from a fixed status at a fixed instant: the template's fields,
//! waybar's documented JSON fields (`text`, `alt`, `tooltip`, `class`, `percentage`),
//! i3bar's block, and the time left counted from the phase's end instant.

use chrono::{DateTime, Duration, TimeZone, Utc};
use limberup::status::{Line, Status, render};
use serde_json::Value;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 7, 30, 0).unwrap()
}

fn status() -> Status {
    Status {
        pid: 1,
        session: "Morning".into(),
        routine: "Warm-up".into(),
        part: Some([1, 2]),
        step: "Reach up".into(),
        step_number: [2, 5],
        side: Some("Left".into()),
        phase: "work".into(),
        paused: false,
        rep: None,
        ends_at: Some(now() + Duration::milliseconds(20_300)),
        left_secs: Some(21),
        phase_secs: Some(30),
    }
}

fn text(template: &str, s: &Status) -> String {
    render(s, &Line::Text(template.into()), now())
}

#[test]
fn the_template_fills_every_field_and_counts_down_from_the_end_instant() {
    let s = status();
    assert_eq!(text("{step} {side} {left}", &s), "Reach up Left 0:21");
    assert_eq!(
        text(
            "{session}|{routine}|{part}|{number}|{phase}|{rep}|{paused}",
            &s
        ),
        "Morning|Warm-up|1/2|2/5|work||"
    );
    // Later, less is left; past the end, nothing.
    let later = render(
        &s,
        &Line::Text("{left}".into()),
        now() + Duration::seconds(10),
    );
    assert_eq!(later, "0:11");
    let past = render(
        &s,
        &Line::Text("{left}".into()),
        now() + Duration::seconds(99),
    );
    assert_eq!(past, "0:00");
    // Unknown fields stay as written; empty ones leave no double spaces.
    let plain = Status {
        side: None,
        ..status()
    };
    assert_eq!(
        text("{step} {side} {left} {nope}", &plain),
        "Reach up 0:21 {nope}"
    );
}

#[test]
fn a_paused_phase_shows_what_was_left_and_says_paused() {
    let s = Status {
        paused: true,
        ends_at: None,
        left_secs: Some(75),
        ..status()
    };
    assert_eq!(text("{step} {left} {paused}", &s), "Reach up 1:15 paused");
    let waybar: Value = serde_json::from_str(&render(&s, &Line::Waybar, now())).unwrap();
    assert_eq!(waybar["class"], "paused");
}

#[test]
fn control_characters_from_routine_files_are_shown_escaped() {
    let s = Status {
        step: "Evil\u{1b}[2J\nstep".into(),
        ..status()
    };
    assert_eq!(text("{step}", &s), "Evil\\u{1b}[2J\\nstep");
}

#[test]
fn waybar_output_has_only_waybar_s_documented_fields_with_their_types() {
    let line = render(&status(), &Line::Waybar, now());
    assert!(!line.contains('\n'));
    let json: Value = serde_json::from_str(&line).unwrap();
    let object = json.as_object().unwrap();
    for key in object.keys() {
        assert!(
            ["text", "alt", "tooltip", "class", "percentage"].contains(&key.as_str()),
            "{key}"
        );
    }
    assert_eq!(json["text"], "Reach up Left 0:21");
    assert_eq!(json["alt"], "work");
    assert_eq!(json["class"], "work");
    assert_eq!(
        json["tooltip"],
        "Warm-up 1/2 · step 2/5: Reach up Left · work 0:21"
    );
    // 9.7 of 30 s done.
    assert_eq!(json["percentage"], 32);
    assert!(json["percentage"].is_u64());
}

#[test]
fn i3bar_gives_one_block_with_full_and_short_text() {
    let json: Value = serde_json::from_str(&render(&status(), &Line::I3bar, now())).unwrap();
    assert_eq!(json["full_text"], "Reach up Left 0:21");
    assert_eq!(json["short_text"], "0:21");
    assert_eq!(json["name"], "limberup");
}

#[test]
fn json_gives_the_status_with_the_time_left_now() {
    let json: Value = serde_json::from_str(&render(&status(), &Line::Json, now())).unwrap();
    assert_eq!(json["left_secs"], 21);
    assert_eq!(json["step"], "Reach up");
    assert_eq!(json["side"], "Left");
    assert_eq!(json["ends_at"], "2026-03-01T07:30:20.300Z");
}
