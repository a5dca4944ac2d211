//! Paced reps: where each beat (one part of a rep, such as "Inhale") falls for a tempo.
//! All offsets are active time into the set, so pauses never disturb them.

use std::time::Duration;

/// Offset of beat `m` (rep `m / parts`, part `m % parts`): `m * tempo / parts`, rounded
/// down to the nanosecond, so parts split a rep evenly and every rep starts on the tempo.
fn beat_offset(tempo: Duration, parts: u64, m: u64) -> Option<Duration> {
    let nanos = u128::from(m) * tempo.as_nanos() / u128::from(parts);
    u64::try_from(nanos).ok().map(Duration::from_nanos)
}

/// A beat as (1-based rep, part index).
fn label(parts: u64, m: u64) -> (u32, usize) {
    (
        u32::try_from(m / parts + 1).unwrap_or(u32::MAX),
        (m % parts) as usize,
    )
}

/// Index of the beat in progress `into` a set: the largest `m` whose offset is at most
/// `into`. `floor(m * T / P) <= into` holds exactly when `m <= ((into + 1) * P - 1) / T`.
fn current(tempo: Duration, parts: u64, into: Duration) -> u64 {
    if tempo.is_zero() {
        return 0;
    }
    let m = ((into.as_nanos() + 1) * u128::from(parts) - 1) / tempo.as_nanos();
    u64::try_from(m).unwrap_or(u64::MAX)
}

/// The first beat strictly after `into`, as (offset, 1-based rep, part index).
pub(super) fn next_beat(
    tempo: Duration,
    parts: usize,
    into: Duration,
) -> Option<(Duration, u32, usize)> {
    let parts = parts.max(1) as u64;
    let m = current(tempo, parts, into).checked_add(1)?;
    let (rep, part) = label(parts, m);
    Some((beat_offset(tempo, parts, m)?, rep, part))
}

/// The beat in progress `into` a set, as (1-based rep, part index).
pub(super) fn beat_now(tempo: Duration, parts: usize, into: Duration) -> (u32, usize) {
    let parts = parts.max(1) as u64;
    label(parts, current(tempo, parts, into))
}

/// Reps completed after `active` of work, at most `count`.
pub(super) fn reps_done(tempo: Duration, count: u32, active: Duration) -> u32 {
    let done = active.as_nanos() / tempo.as_nanos().max(1);
    u32::try_from(done).map_or(count, |d| d.min(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }

    #[test]
    fn beats_split_a_rep_evenly_and_flip_exactly_on_the_boundary() {
        let tempo = ms(5000);
        // (into, beat in progress, next beat)
        let table = [
            (0, (1, 0), (2500, 1, 1)),
            (2499, (1, 0), (2500, 1, 1)),
            (2500, (1, 1), (5000, 2, 0)),
            (4999, (1, 1), (5000, 2, 0)),
            (5000, (2, 0), (7500, 2, 1)),
            (12_500, (3, 1), (15_000, 4, 0)),
        ];
        for (into, now, next) in table {
            assert_eq!(beat_now(tempo, 2, ms(into)), now, "at {into}");
            let (at, rep, part) = next_beat(tempo, 2, ms(into)).unwrap();
            assert_eq!((at, rep, part), (ms(next.0), next.1, next.2), "at {into}");
        }
    }

    #[test]
    fn thirds_of_a_second_round_down_to_the_nanosecond() {
        let tempo = Duration::from_secs(1);
        let third = Duration::from_nanos(333_333_333);
        assert_eq!(beat_now(tempo, 3, third - Duration::from_nanos(1)), (1, 0));
        assert_eq!(beat_now(tempo, 3, third), (1, 1));
        assert_eq!(
            next_beat(tempo, 3, third),
            Some((Duration::from_nanos(666_666_666), 1, 2))
        );
        assert_eq!(beat_now(tempo, 3, Duration::from_secs(1)), (2, 0));
    }

    #[test]
    fn no_parts_means_one_beat_per_rep() {
        assert_eq!(next_beat(ms(2000), 0, ms(0)), Some((ms(2000), 2, 0)));
        assert_eq!(beat_now(ms(2000), 0, ms(3999)), (2, 0));
    }

    #[test]
    fn reps_done_counts_whole_reps_up_to_the_count() {
        assert_eq!(reps_done(ms(5000), 3, ms(7600)), 1);
        assert_eq!(reps_done(ms(5000), 3, ms(15_000)), 3);
        assert_eq!(reps_done(ms(5000), 3, ms(99_000)), 3);
        assert_eq!(reps_done(Duration::ZERO, 3, ms(1)), 3);
    }
}
