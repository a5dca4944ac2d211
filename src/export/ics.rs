//! The iCalendar export (RFC 5545): one VEVENT per session with a stable UID, its start
//! and end in UTC, the routine as summary, and its steps and check-in in the description.
//! Text is escaped and lines folded at 75 octets as the RFC asks, never inside a character.

use std::fmt::Write as _;
use std::io::Write;

use chrono::{DateTime, FixedOffset, Utc};

use super::Joined;
use super::csv::outcome;
use crate::session::{SessionRecord, StepStatus};

/// The longest line, in octets, before it is folded (the line break not counted).
const FOLD: usize = 75;

/// Writes `sessions` as one VCALENDAR (an empty one when there are none).
pub fn write_ics(sessions: &[Joined], out: &mut impl Write) -> std::io::Result<()> {
    let mut text = String::new();
    line(&mut text, "BEGIN:VCALENDAR");
    line(&mut text, "VERSION:2.0");
    line(&mut text, "PRODID:-//limberup//limberup history//EN");
    line(&mut text, "CALSCALE:GREGORIAN");
    for joined in sessions {
        event(&mut text, &joined.session);
        // Written per event so a long history is not held twice.
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    line(&mut text, "END:VCALENDAR");
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn event(text: &mut String, s: &SessionRecord) {
    line(text, "BEGIN:VEVENT");
    line(text, &format!("UID:{}", uid(s)));
    // The record's end stands for when the event was made, so an export is the same each
    // time it is run (a calendar re-importing it sees nothing changed).
    line(text, &format!("DTSTAMP:{}", stamp(&s.ended_at)));
    line(text, &format!("DTSTART:{}", stamp(&s.started_at)));
    line(
        text,
        &format!("DTEND:{}", stamp(&s.ended_at.max(s.started_at))),
    );
    line(text, &format!("SUMMARY:{}", escape(&s.routine_name)));
    line(text, &format!("DESCRIPTION:{}", escape(&description(s))));
    line(text, "END:VEVENT");
}

/// The session's own id, else one derived from what identifies a record without one (its
/// start and routine), so exporting twice gives the same UID.
pub(crate) fn uid(s: &SessionRecord) -> String {
    match &s.id {
        Some(id) => format!("{id}@limberup"),
        None => {
            // FNV-1a: fixed across runs and platforms, unlike std's hasher.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            let key = format!("{}|{}", s.started_at.to_rfc3339(), s.routine_id);
            for byte in key.bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
            format!("{hash:016x}-old@limberup")
        }
    }
}

fn stamp(at: &DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// Outcome and time, each step with how far it got, and the check-in.
fn description(s: &SessionRecord) -> String {
    let mut text = format!(
        "{}, {} s active\nSteps:",
        outcome(s.outcome),
        s.active_secs.round()
    );
    for step in &s.steps {
        let status = match step.status {
            StepStatus::Done => "done",
            StepStatus::Skipped => "skipped",
            StepStatus::Stopped => "stopped",
            StepStatus::NotReached => "not reached",
        };
        let _ = write!(text, "\n- {}: {status}", step.name);
    }
    if let Some(pain) = s.check_in {
        let _ = write!(text, "\nCheck-in: {pain}/10");
    }
    text
}

/// RFC 5545 TEXT: backslash, semicolon and comma escaped, a line break as `\n`; other
/// control characters (not allowed in TEXT) become U+FFFD.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Appends `content` as one content line, folded: CRLF and a space before every 74 octets
/// after the first 75, each break between characters.
fn line(text: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > FOLD {
            text.push_str("\r\n ");
            width = 1;
        }
        text.push(c);
        width += len;
    }
    text.push_str("\r\n");
}
