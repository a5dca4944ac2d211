//! The wall clock and the local time zone, read in this one place and guarded: chrono's
//! `Local` panics on a clock before 1970 and reads whatever file `TZ` names, to the end
//! (`TZ=/dev/zero` reads until memory runs out, a FIFO blocks forever).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

/// Larger than any real TZif file (the biggest are a few KB).
const MAX_TZ_FILE: u64 = 1024 * 1024;
/// Where chrono looks for a relative `TZ` name, in its order.
const ZONE_DIRS: [&str; 4] = [
    "/usr/share/zoneinfo",
    "/share/zoneinfo",
    "/etc/zoneinfo",
    "/usr/share/lib/zoneinfo",
];

/// The zone local times are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The system's (chrono's `Local`: `TZ`, else /etc/localtime).
    System,
    /// UTC, when the system's zone cannot be read safely.
    Utc,
}

/// Decides the zone for the value of `TZ`: the system's, unless a file chrono would read
/// for it is not a small regular file; then UTC, and the warning that says so.
pub fn zone_for(tz: Option<&OsStr>) -> (Zone, Option<String>) {
    // chrono treats a TZ that is not UTF-8 as unset.
    let (name, candidates) = match tz.and_then(OsStr::to_str) {
        Some("") => return (Zone::System, None),
        Some(tz) => {
            let name = tz.strip_prefix(':').unwrap_or(tz);
            let candidates: Vec<PathBuf> = if Path::new(name).is_absolute() {
                vec![PathBuf::from(name)]
            } else {
                ZONE_DIRS.iter().map(|d| Path::new(d).join(name)).collect()
            };
            (format!("TZ={tz}"), candidates)
        }
        None => (
            "/etc/localtime".to_string(),
            vec![PathBuf::from("/etc/localtime")],
        ),
    };
    for path in candidates {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let problem = if !meta.is_file() {
            Some("is not a regular file")
        } else if meta.len() > MAX_TZ_FILE {
            Some("is far too large for a time zone file")
        } else {
            None
        };
        if let Some(problem) = problem {
            let warning = format!("{name}: {} {problem}; showing times in UTC", path.display());
            return (Zone::Utc, Some(warning));
        }
    }
    (Zone::System, None)
}

fn decided() -> &'static (Zone, Option<String>) {
    static ZONE: OnceLock<(Zone, Option<String>)> = OnceLock::new();
    ZONE.get_or_init(|| zone_for(std::env::var_os("TZ").as_deref()))
}

/// The zone of this process, decided once from `TZ`.
pub(crate) fn zone() -> Zone {
    decided().0
}

/// The earliest and latest instants the clock is taken to read: a day inside the years
/// 1-9999, so the local date in any zone stays inside them (`history::YEARS`).
fn bounds() -> (DateTime<Utc>, DateTime<Utc>) {
    let day = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
            .unwrap_or_default()
    };
    (
        day(1, 1, 2),
        day(9999, 12, 31) - chrono::Duration::seconds(1),
    )
}

/// `t` as a UTC date-time, before 1970 too, clamped into the years 1-9999; `false` when it
/// had to be clamped.
pub fn utc_of(t: SystemTime) -> (DateTime<Utc>, bool) {
    let (min, max) = bounds();
    let exact = match t.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs())
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, after.subsec_nanos())),
        Err(before) => {
            let before = before.duration();
            i64::try_from(before.as_secs()).ok().and_then(|s| {
                let nanos = before.subsec_nanos();
                // -1.25 s is -2 s + 0.75 s.
                let (s, nanos) = if nanos == 0 {
                    (-s, 0)
                } else {
                    (-s - 1, 1_000_000_000 - nanos)
                };
                DateTime::from_timestamp(s, nanos)
            })
        }
    };
    let fallback = if t < UNIX_EPOCH { min } else { max };
    let at = exact.unwrap_or(fallback);
    let clamped = at.clamp(min, max);
    (clamped, exact == Some(clamped))
}

/// The instant `t` in `zone`.
pub fn local(t: DateTime<Utc>, zone: Zone) -> DateTime<FixedOffset> {
    match zone {
        Zone::System => t.with_timezone(&Local).fixed_offset(),
        Zone::Utc => t.fixed_offset(),
    }
}

/// Now, in the local zone: the one way the app reads the wall clock.
pub(crate) fn now() -> DateTime<FixedOffset> {
    local(utc_of(SystemTime::now()).0, zone())
}

/// What to say at the start when the zone or the clock cannot be taken as they are.
pub fn warnings() -> Vec<String> {
    let mut out: Vec<String> = decided().1.iter().cloned().collect();
    let (at, exact) = utc_of(SystemTime::now());
    if !exact {
        out.push(format!(
            "the system clock is outside the years 1 to 9999; taking it as {}",
            at.format("%Y-%m-%d %H:%M:%S UTC")
        ));
    }
    out
}
