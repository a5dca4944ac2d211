//! The optional after-session check-in (back pain 0-10) and the advice that follows it.
//! Follows the guidance behind the product: soreness is normal, sharp pain means stop,
//! persistent pain means see a professional. It never diagnoses.

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::session::{SessionId, SessionRecord};

/// The highest score that still counts as mild soreness.
const MILD_MAX: u8 = 3;
/// Scores from here on count as real pain in the persistent-pain check.
pub(crate) const PAIN_THRESHOLD: u8 = 6;
/// Persistent pain: every check-in over at least this many days reports real pain.
const PERSISTENT_DAYS: i64 = 3;

/// An answer to the check-in, as the history stores it: a line of its own appended when the
/// question is answered, so the session's record is already safe while the question waits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The session the answer is about.
    pub session: SessionId,
    /// Back pain 0 (fine) to 10 (sharp).
    pub score: u8,
    pub at: DateTime<FixedOffset>,
}

/// The question asked after a session.
pub(crate) const QUESTION: &str = "How does your back feel? 0 (fine) to 10 (sharp pain)";

/// What to tell someone who just answered the check-in with `score`.
pub fn advice(score: u8) -> &'static str {
    match score {
        0 => "Good. Keep it up.",
        s if s <= MILD_MAX => {
            "Mild soreness after exercise is normal (DOMS) and fades in a day or two."
        }
        s if s < PAIN_THRESHOLD => {
            "Take it easy and move gently. If pain lasts more than a few days, see a physician or physical therapist."
        }
        _ => {
            "Stop any exercise that causes sharp or shooting pain. If pain persists more than a few days, see a physician or physical therapist."
        }
    }
}

/// A note for the start of the app when the last check-ins, spread over several days, all
/// report pain of 6 or more; `None` otherwise.
pub fn persistent_pain(records: &[SessionRecord], now: DateTime<FixedOffset>) -> Option<String> {
    let recent: Vec<(DateTime<FixedOffset>, u8)> = records
        .iter()
        .filter_map(|r| r.check_in.map(|c| (r.ended_at, c)))
        .filter(|(at, _)| now.signed_duration_since(*at) <= Duration::days(14))
        .collect();
    // The latest check-ins, back to the first that reported less pain.
    let mut sorted = recent;
    sorted.sort_by_key(|(at, _)| *at);
    let streak: Vec<_> = sorted
        .iter()
        .rev()
        .take_while(|(_, score)| *score >= PAIN_THRESHOLD)
        .collect();
    let (newest, oldest) = (streak.first()?.0, streak.last()?.0);
    let days = newest
        .date_naive()
        .signed_duration_since(oldest.date_naive())
        .num_days()
        + 1;
    (days >= PERSISTENT_DAYS).then(|| {
        format!(
            "Your last {} check-ins over {days} days all reported back pain of {PAIN_THRESHOLD} or more. \
             Pain that persists deserves a visit to a physician or physical therapist. \
             Stop any exercise that causes sharp or shooting pain.",
            streak.len()
        )
    })
}

/// Reads a typed answer to the check-in: a score 0 to 10, or nothing to skip it.
pub fn parse_answer(input: &str) -> Result<Option<u8>, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<u8>() {
        Ok(score) if score <= 10 => Ok(Some(score)),
        _ => Err(format!(
            "{input:?} is not a score: type a number from 0 to 10, or just Enter to skip"
        )),
    }
}
