//! The CSV export: a header row, then one row per session (RFC 4180 quoting by the `csv`
//! crate, so names holding commas, quotes or line breaks read back whole).

use std::io::Write;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};

use super::Joined;
use crate::session::StepStatus;

/// The header row, documented in the README: every column, in order.
pub const HEADER: [&str; 16] = [
    "id",
    "started_at",
    "ended_at",
    "routine_id",
    "routine",
    "parts",
    "outcome",
    "active_secs",
    "paused_secs",
    "planned_secs",
    "steps",
    "done",
    "skipped",
    "reps",
    "check_in",
    "records",
];

/// Writes `sessions` as CSV, the header first (also when there are none).
pub fn write_csv(sessions: &[Joined], out: &mut impl Write) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for joined in sessions {
        writer.write_record(row(joined))?;
    }
    writer.flush()
}

/// An instant in UTC, to the second, as RFC 3339 (`2026-03-01T07:30:00Z`).
pub(super) fn utc(at: &DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn row(joined: &Joined) -> [String; 16] {
    let s = &joined.session;
    let parts: Vec<&str> = s.parts.iter().map(|p| p.routine_name.as_str()).collect();
    [
        s.id.as_ref().map(|id| id.0.clone()).unwrap_or_default(),
        utc(&s.started_at),
        utc(&s.ended_at),
        s.routine_id.clone(),
        s.routine_name.clone(),
        parts.join(" + "),
        outcome(s.outcome).to_string(),
        s.active_secs.to_string(),
        s.paused_secs.to_string(),
        s.planned_secs.to_string(),
        s.steps.len().to_string(),
        s.count(StepStatus::Done).to_string(),
        s.count(StepStatus::Skipped).to_string(),
        s.reps().to_string(),
        s.check_in.map(|c| c.to_string()).unwrap_or_default(),
        joined.records.to_string(),
    ]
}

/// The outcome as the JSON history spells it.
pub(super) fn outcome(outcome: crate::session::Outcome) -> &'static str {
    use crate::session::Outcome;
    match outcome {
        Outcome::Completed => "completed",
        Outcome::Quit => "quit",
        Outcome::Interrupted => "interrupted",
    }
}
