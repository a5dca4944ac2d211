//! Reading history lines: each one bounded in length (a corrupt file cannot take memory in
//! proportion to its size), sorted into the two kinds of line, and checked for values no
//! session can have. Anything else is a `Skipped` with a reason, as a torn line is.

use std::io::{BufRead, Read};

use chrono::{DateTime, Datelike, FixedOffset};

use super::Line;
use crate::checkin::Answer;
use crate::progress::Manual;
use crate::routine::MAX_SESSION_PLANNED_SECS;
use crate::session::SessionRecord;

/// The longest line read as a line: far beyond any real record (a record of a thousand
/// steps is about 150 KB), and what one line may cost in memory.
pub const MAX_LINE: usize = 1024 * 1024;
/// Seconds no session field can exceed (a year): beyond it a value is corrupt, and summing
/// it could overflow.
pub const MAX_SECS: f64 = 366.0 * 24.0 * 3600.0;
/// The years a date may have (RFC 3339's), so date arithmetic never nears chrono's limits.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// One line as read from the file.
pub(super) enum Raw {
    /// The line (without its newline) is in the buffer.
    Line,
    /// Longer than `MAX_LINE`: not kept; its length and whether it was all NUL bytes.
    TooLong { len: u64, nul_only: bool },
}

/// Reads the next line into `buf` (cleared first), keeping at most `MAX_LINE` bytes of it;
/// `None` at the end.
pub(super) fn next_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<Raw>> {
    buf.clear();
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') || n <= MAX_LINE {
        return Ok(Some(Raw::Line));
    }
    let mut len = n as u64;
    let mut nul_only = buf.iter().all(|&b| b == 0);
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let (used, end) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        nul_only &= available[..used].iter().all(|&b| b == 0 || b == b'\n');
        len += used as u64;
        reader.consume(used);
        if end {
            break;
        }
    }
    Ok(Some(Raw::TooLong { len, nul_only }))
}

pub(super) fn too_long(len: u64, nul_only: bool) -> String {
    if nul_only {
        nul_run(len)
    } else {
        format!(
            "a line of {len} bytes, longer than any record ({} KiB at most)",
            MAX_LINE / 1024
        )
    }
}

fn nul_run(len: u64) -> String {
    format!("{len} NUL bytes (a write lost in a crash?)")
}

/// A history line after reading: the session record or check-in answer it holds.
pub(super) enum Entry {
    Session(Box<SessionRecord>),
    CheckIn(Answer),
    Progress(Manual),
}

/// One line: `None` when blank, the entry, or why it cannot be read.
pub(super) fn parse_line(raw: &[u8]) -> Option<Result<Entry, String>> {
    let trimmed = trim(raw);
    if trimmed.is_empty() {
        let nuls = raw.iter().filter(|&&b| b == 0).count();
        return (nuls > 0).then(|| Err(nul_run(nuls as u64)));
    }
    let Ok(text) = std::str::from_utf8(trimmed) else {
        return Some(Err("not UTF-8 text".to_string()));
    };
    Some(if opens_with(text, "progress") {
        decode::<ProgressLine>(text, "a progress change").and_then(|line| {
            check_date("progress change", &line.progress.at)
                .map(|()| Entry::Progress(line.progress))
        })
    } else if is_check_in(text) {
        decode::<CheckInLine>(text, "a check-in")
            .and_then(|line| check_answer(&line.check_in).map(|()| Entry::CheckIn(line.check_in)))
    } else {
        decode::<SessionRecord>(text, "a session record")
            .and_then(|r| check_record(&r).map(|()| Entry::Session(Box::new(r))))
    })
}

/// The check-in line's shape: `{"check_in": {...}}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckInLine {
    check_in: Answer,
}

/// A manual progress change's shape: `{"progress": {...}}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressLine {
    progress: Manual,
}

/// The JSON of `line`, without its newline.
pub(super) fn encode(line: Line<'_>) -> serde_json::Result<String> {
    #[derive(serde::Serialize)]
    struct CheckInLineRef<'a> {
        check_in: &'a Answer,
    }
    #[derive(serde::Serialize)]
    struct ProgressLineRef<'a> {
        progress: &'a Manual,
    }
    match line {
        Line::Session(record) => super::compact::encode(record),
        Line::CheckIn(answer) => serde_json::to_string(&CheckInLineRef { check_in: answer }),
        Line::Progress(change) => serde_json::to_string(&ProgressLineRef { progress: change }),
    }
}

/// Whether `text` opens with the check-in line's key and an object (`{"check_in": {`);
/// an old record with its score inside has a number there.
fn is_check_in(text: &str) -> bool {
    opens_with(text, "check_in")
}

/// Whether `text` opens with the key `key` and an object (`{"key": {`).
fn opens_with(text: &str, key: &str) -> bool {
    let rest = text.trim_start_matches('{').trim_start();
    rest.strip_prefix('"')
        .and_then(|r| r.strip_prefix(key))
        .and_then(|r| r.strip_prefix('"'))
        .map(|r| r.trim_start())
        .and_then(|r| r.strip_prefix(':'))
        .is_some_and(|r| r.trim_start().starts_with('{'))
}

fn decode<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            "cut short (a crash while writing?)".to_string()
        } else {
            format!("not {what}: {e}")
        }
    })
}

/// Trims whitespace and NUL bytes: a crash can leave runs of NULs where a write was lost.
fn trim(line: &[u8]) -> &[u8] {
    let keep = |b: &u8| *b != 0 && !b.is_ascii_whitespace();
    let start = line.iter().position(keep).unwrap_or(line.len());
    let end = line.iter().rposition(keep).map_or(start, |i| i + 1);
    &line[start..end]
}

fn check_secs(field: &str, secs: f64) -> Result<(), String> {
    if secs.is_finite() && (0.0..=MAX_SECS).contains(&secs) {
        Ok(())
    } else {
        Err(format!(
            "not a possible session: {field} is {secs:?}, not 0 to {MAX_SECS} seconds"
        ))
    }
}

/// A session's plan may be longer than any session runs (a plan of the largest routines at
/// the largest scale), up to what the limits on a routine allow.
fn check_planned(secs: f64) -> Result<(), String> {
    if secs.is_finite() && (0.0..=MAX_SESSION_PLANNED_SECS).contains(&secs) {
        Ok(())
    } else {
        Err(format!(
            "not a possible session: planned_secs is {secs:?}, not 0 to \
             {MAX_SESSION_PLANNED_SECS} seconds"
        ))
    }
}

fn check_date(field: &str, at: &DateTime<FixedOffset>) -> Result<(), String> {
    if YEARS.contains(&at.year()) && YEARS.contains(&at.naive_utc().year()) {
        Ok(())
    } else {
        Err(format!(
            "not a possible {field}: {at} is outside the years {} to {}",
            YEARS.start(),
            YEARS.end()
        ))
    }
}

fn check_score(score: u8) -> Result<(), String> {
    if score <= 10 {
        Ok(())
    } else {
        Err(format!(
            "not a possible check-in: a score of {score}, not 0 to 10"
        ))
    }
}

/// Values no real session has (1e300 seconds, a score of 200, the year 200000) make the
/// record unreadable, as a torn line is: the report must not overflow or mislead on them.
fn check_record(r: &SessionRecord) -> Result<(), String> {
    check_date("start", &r.started_at)?;
    check_date("end", &r.ended_at)?;
    check_secs("active_secs", r.active_secs)?;
    check_secs("paused_secs", r.paused_secs)?;
    check_planned(r.planned_secs)?;
    for step in &r.steps {
        check_secs("a step's active_secs", step.active_secs)?;
        for pass in &step.passes {
            check_secs("a pass's active_secs", pass.active_secs)?;
            if let Some(planned) = pass.planned_secs {
                check_secs("a pass's planned_secs", planned)?;
            }
        }
    }
    r.check_in.map_or(Ok(()), check_score)
}

fn check_answer(a: &Answer) -> Result<(), String> {
    check_date("check-in time", &a.at)?;
    check_score(a.score)
}
