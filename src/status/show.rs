//! A status as a line of text (a `--format` template), JSON, a waybar module's JSON or an
//! i3bar block, at a given wall-clock instant (the time left is counted from it). Every
//! text from the routine files is cleaned of control characters before it is shown.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;

use super::Status;
use crate::text::clean;

/// The line `limberup status` prints when no `--format` is given.
pub const DEFAULT_FORMAT: &str = "{step} {side} {left} {paused}";

/// How the status is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A template: `{session} {routine} {part} {step} {number} {side} {phase} {rep} {left}
    /// {paused}`.
    Text(String),
    Json,
    /// waybar's custom module with `return-type: json`.
    Waybar,
    /// One i3bar block.
    I3bar,
}

/// The time the phase has left at `now`: to its end instant while it runs on time, else
/// what was left when it was written (paused); `None` for counted reps.
pub fn left(status: &Status, now: DateTime<Utc>) -> Option<Duration> {
    match status.ends_at {
        Some(end) => Some((end - now).to_std().unwrap_or(Duration::ZERO)),
        None => status.left_secs.map(Duration::from_secs),
    }
}

/// `m:ss` (or `h:mm:ss`), rounded up as a countdown shows it.
fn clock(d: Duration) -> String {
    let secs = crate::session::ceil_secs(d);
    match secs / 3600 {
        0 => format!("{}:{:02}", secs / 60, secs % 60),
        h => format!("{h}:{:02}:{:02}", secs / 60 % 60, secs % 60),
    }
}

/// `template` with each known `{name}` replaced, runs of spaces (left by empty fields)
/// made one, and control characters shown escaped.
fn fill(template: &str, s: &Status, now: DateTime<Utc>) -> String {
    let pair = |p: [usize; 2]| format!("{}/{}", p[0], p[1]);
    let fields = [
        ("{session}", s.session.clone()),
        ("{routine}", s.routine.clone()),
        ("{part}", s.part.map(pair).unwrap_or_default()),
        ("{step}", s.step.clone()),
        ("{number}", pair(s.step_number)),
        ("{side}", s.side.clone().unwrap_or_default()),
        ("{phase}", s.phase.clone()),
        (
            "{rep}",
            s.rep
                .map(|r| format!("{}/{}", r[0], r[1]))
                .unwrap_or_default(),
        ),
        ("{left}", left(s, now).map(clock).unwrap_or_default()),
        ("{paused}", if s.paused { "paused" } else { "" }.to_string()),
    ];
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        match fields.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, value)) => {
                out.push_str(value);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    let words: Vec<&str> = out.split(' ').filter(|w| !w.is_empty()).collect();
    clean(&words.join(" ")).into_owned()
}

/// How far through its phase the session is at `now`, 0 to 100.
fn percentage(s: &Status, now: DateTime<Utc>) -> u64 {
    match (s.phase_secs, left(s, now)) {
        (Some(total), Some(left)) if total > 0 => {
            let total = total as f64;
            let done = (total - left.as_secs_f64()).clamp(0.0, total);
            (done * 100.0 / total).floor() as u64
        }
        _ => 0,
    }
}

/// The status as `line` asks, at `now`, one line without its newline.
pub fn render(s: &Status, line: &Line, now: DateTime<Utc>) -> String {
    match line {
        Line::Text(template) => fill(template, s, now),
        Line::Json => {
            let mut current = s.clone();
            current.left_secs = left(s, now).map(crate::session::ceil_secs);
            serde_json::to_string(&current).unwrap_or_default()
        }
        Line::Waybar => {
            let tooltip = fill(
                "{routine} {part} · step {number}: {step} {side} · {phase} {rep} {left} {paused}",
                s,
                now,
            );
            let class = if s.paused { "paused" } else { s.phase.as_str() };
            json!({
                "text": fill(DEFAULT_FORMAT, s, now),
                "alt": s.phase,
                "tooltip": tooltip,
                "class": class,
                "percentage": percentage(s, now),
            })
            .to_string()
        }
        Line::I3bar => json!({
            "name": "limberup",
            "full_text": fill(DEFAULT_FORMAT, s, now),
            "short_text": fill("{left}", s, now),
            "urgent": false,
        })
        .to_string(),
    }
}
