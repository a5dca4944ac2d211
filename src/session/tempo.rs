//! Paced reps: where each beat (one phase of a rep, such as "Inhale") falls. A rep has a
//! length and the offsets its phases start at, even or not; beat `m` is phase `m % P` of
//! rep `m / P`, at `(m / P) x length + start`. All in whole nanoseconds from the start of
//! the set, so no rep drifts however long the set, and pauses never disturb it.

use std::time::Duration;

/// One paced rep: how long it lasts and where each of its phases begins.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rep<'a> {
    length: Duration,
    /// Sorted, the first at zero; empty means one phase.
    starts: &'a [Duration],
}

/// A rep without phases has one, starting with the rep.
const WHOLE: &[Duration] = &[Duration::ZERO];

impl<'a> Rep<'a> {
    pub(crate) fn new(length: Duration, starts: &'a [Duration]) -> Rep<'a> {
        let starts = if starts.is_empty() { WHOLE } else { starts };
        Rep { length, starts }
    }

    fn parts(&self) -> u64 {
        self.starts.len() as u64
    }

    /// Offset of beat `m` from the start of the set.
    fn offset(&self, m: u64) -> Option<Duration> {
        let (rep, part) = (m / self.parts(), (m % self.parts()) as usize);
        let nanos = u128::from(rep) * self.length.as_nanos() + self.starts[part].as_nanos();
        u64::try_from(nanos).ok().map(Duration::from_nanos)
    }

    /// A beat as (1-based rep, phase index).
    fn label(&self, m: u64) -> (u32, usize) {
        (
            u32::try_from(m / self.parts() + 1).unwrap_or(u32::MAX),
            (m % self.parts()) as usize,
        )
    }

    /// Index of the beat in progress `into` a set: the last whose offset is at most `into`.
    fn current(&self, into: Duration) -> u64 {
        let length = self.length.as_nanos();
        if length == 0 {
            return 0;
        }
        let into = into.as_nanos();
        let rep = into / length;
        let within = Duration::from_nanos((into % length) as u64);
        let part = self
            .starts
            .partition_point(|s| *s <= within)
            .saturating_sub(1);
        let m = rep * u128::from(self.parts()) + part as u128;
        u64::try_from(m).unwrap_or(u64::MAX)
    }

    /// The first beat strictly after `into`, as (offset, 1-based rep, phase index).
    pub(crate) fn next_beat(&self, into: Duration) -> Option<(Duration, u32, usize)> {
        let m = self.current(into).checked_add(1)?;
        let (rep, part) = self.label(m);
        Some((self.offset(m)?, rep, part))
    }

    /// The beat in progress `into` a set, as (1-based rep, phase index).
    pub(crate) fn beat_now(&self, into: Duration) -> (u32, usize) {
        self.label(self.current(into))
    }
}

/// Reps completed after `active` of work, at most `count`.
pub(super) fn reps_done(length: Duration, count: u32, active: Duration) -> u32 {
    let done = active.as_nanos() / length.as_nanos().max(1);
    u32::try_from(done).map_or(count, |d| d.min(count))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }

    /// Even phases, as the plan makes them: `k x length / parts`, rounded down.
    fn even(length: Duration, parts: u64) -> Vec<Duration> {
        (0..parts)
            .map(|k| {
                Duration::from_nanos((u128::from(k) * length.as_nanos() / u128::from(parts)) as u64)
            })
            .collect()
    }

    #[test]
    fn beats_split_a_rep_evenly_and_flip_exactly_on_the_boundary() {
        let starts = even(ms(5000), 2);
        let rep = Rep::new(ms(5000), &starts);
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
            assert_eq!(rep.beat_now(ms(into)), now, "at {into}");
            let (at, r, part) = rep.next_beat(ms(into)).unwrap();
            assert_eq!((at, r, part), (ms(next.0), next.1, next.2), "at {into}");
        }
    }

    #[test]
    fn thirds_of_a_second_round_down_to_the_nanosecond() {
        let starts = even(Duration::from_secs(1), 3);
        let rep = Rep::new(Duration::from_secs(1), &starts);
        let third = Duration::from_nanos(333_333_333);
        assert_eq!(rep.beat_now(third - Duration::from_nanos(1)), (1, 0));
        assert_eq!(rep.beat_now(third), (1, 1));
        assert_eq!(
            rep.next_beat(third),
            Some((Duration::from_nanos(666_666_666), 1, 2))
        );
        assert_eq!(rep.beat_now(Duration::from_secs(1)), (2, 0));
    }

    #[test]
    fn uneven_phases_beat_where_each_begins() {
        // Side bends: inhale 2 s, reach 2 s, hold 4 s, return 2 s.
        let starts = [ms(0), ms(2000), ms(4000), ms(8000)];
        let rep = Rep::new(ms(10_000), &starts);
        let table = [
            (0, (1, 0), (2000, 1, 1)),
            (3999, (1, 1), (4000, 1, 2)),
            (4000, (1, 2), (8000, 1, 3)),
            (9999, (1, 3), (10_000, 2, 0)),
            (18_000, (2, 3), (20_000, 3, 0)),
        ];
        for (into, now, next) in table {
            assert_eq!(rep.beat_now(ms(into)), now, "at {into}");
            let (at, r, part) = rep.next_beat(ms(into)).unwrap();
            assert_eq!((at, r, part), (ms(next.0), next.1, next.2), "at {into}");
        }
    }

    #[test]
    fn no_phases_means_one_beat_per_rep() {
        let rep = Rep::new(ms(2000), &[]);
        assert_eq!(rep.next_beat(ms(0)), Some((ms(2000), 2, 0)));
        assert_eq!(rep.beat_now(ms(3999)), (2, 0));
    }

    #[test]
    fn reps_done_counts_whole_reps_up_to_the_count() {
        assert_eq!(reps_done(ms(5000), 3, ms(7600)), 1);
        assert_eq!(reps_done(ms(5000), 3, ms(15_000)), 3);
        assert_eq!(reps_done(ms(5000), 3, ms(99_000)), 3);
        assert_eq!(reps_done(Duration::ZERO, 3, ms(1)), 3);
    }

    /// Phase lengths in nanoseconds, as uneven and as odd as they come (1 ns to 60 s).
    fn lengths() -> impl Strategy<Value = Vec<u64>> {
        let length = prop_oneof![1u64..=1000, 1_000_000u64..=60_000_000_000];
        proptest::collection::vec(length, 1..=4)
    }

    proptest! {
        /// Over a 1000-rep set, every beat falls exactly at its rep's start plus its
        /// phase's start, is in progress from that nanosecond to the next beat's, and is
        /// the next beat from any instant before it: no drift, no beat skipped.
        #[test]
        fn every_beat_of_a_long_set_falls_exactly_on_its_offset(
            lengths in lengths(),
            picks in proptest::collection::vec(0u64..4000, 1..=40),
        ) {
            let mut starts = Vec::new();
            let mut at = Duration::ZERO;
            for l in &lengths {
                starts.push(at);
                at += Duration::from_nanos(*l);
            }
            let rep = Rep::new(at, &starts);
            let parts = lengths.len() as u64;
            let ns = Duration::from_nanos(1);
            for m in picks.into_iter().map(|p| p % (1000 * parts)).chain([1000 * parts - 1]) {
                let (r, k) = (m / parts, (m % parts) as usize);
                let offset = at * r as u32 + starts[k];
                prop_assert_eq!(rep.offset(m), Some(offset));
                prop_assert_eq!(rep.beat_now(offset), (r as u32 + 1, k));
                let end = offset + Duration::from_nanos(lengths[k]);
                prop_assert_eq!(rep.beat_now(end - ns), (r as u32 + 1, k));
                prop_assert_eq!(rep.next_beat(offset - ns.min(offset)).map(|b| b.0),
                    Some(if offset.is_zero() { rep.offset(1).unwrap() } else { offset }));
                prop_assert_eq!(rep.next_beat(offset).map(|b| b.0), Some(end));
            }
            // The set ends exactly 1000 reps in: the beat then is the 1001st rep's first.
            prop_assert_eq!(rep.beat_now(at * 1000), (1001, 0));
            prop_assert_eq!(reps_done(at, 1000, at * 1000 - ns), 999);
        }
    }
}
