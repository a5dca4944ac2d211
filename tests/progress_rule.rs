//! The progression rule as a pure fold: a table of named cases that reads like the README's
//! rule, and properties over any history (never more than one level up per 7 days, never up
//! after pain above 2 in the window, frozen after three sessions at 4+, a reset always
//! returns level 1, the level always one of the routine's).

use chrono::{Days, NaiveDate};
use limberup::progress::{Change, Event, Ran, Standing, fold};
use proptest::prelude::*;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(n)
}

/// A completed session at `level` on day `d`, answered `score`.
fn s(d: u64, level: u32, score: Option<u8>) -> Event {
    Event::Session(Ran {
        day: day(d),
        level,
        completed: true,
        check_in: score,
    })
}

fn quit(d: u64, level: u32, score: u8) -> Event {
    Event::Session(Ran {
        completed: false,
        ..ran(s(d, level, Some(score)))
    })
}

fn ran(e: Event) -> Ran {
    match e {
        Event::Session(r) => r,
        _ => unreachable!(),
    }
}

#[test]
fn named_cases() {
    let cases: Vec<(&str, Vec<Event>, u32, bool)> = vec![
        ("a new routine is at level 1", vec![], 1, false),
        (
            "three calm sessions step up",
            vec![s(0, 1, Some(2)), s(1, 1, Some(1)), s(2, 1, Some(1))],
            2,
            false,
        ),
        (
            "a rising answer starts the count again",
            vec![s(0, 1, Some(0)), s(1, 1, Some(1)), s(2, 1, Some(1))],
            1,
            false,
        ),
        (
            "calm over 10 calendar days does not count",
            vec![s(0, 1, Some(0)), s(5, 1, Some(0)), s(10, 1, Some(0))],
            1,
            false,
        ),
        (
            "calm within 10 calendar days counts",
            vec![s(0, 1, Some(0)), s(5, 1, Some(0)), s(9, 1, Some(0))],
            2,
            false,
        ),
        (
            "an unanswered session neither counts nor breaks",
            vec![
                s(0, 1, Some(0)),
                s(1, 1, None),
                s(2, 1, Some(0)),
                s(3, 1, Some(0)),
            ],
            2,
            false,
        ),
        (
            "a quit session does not count",
            vec![s(0, 1, Some(0)), quit(1, 1, 0), s(2, 1, Some(0))],
            1,
            false,
        ),
        (
            "a 3 in between starts the count again",
            vec![
                s(0, 1, Some(0)),
                s(1, 1, Some(3)),
                s(2, 1, Some(0)),
                s(3, 1, Some(0)),
            ],
            1,
            false,
        ),
        (
            "3 to 5 stays",
            vec![
                s(0, 1, Some(2)),
                s(1, 1, Some(2)),
                s(2, 1, Some(2)),
                s(9, 2, Some(4)),
                s(10, 2, Some(5)),
            ],
            2,
            false,
        ),
        (
            "a 6 steps down",
            vec![
                s(0, 1, Some(2)),
                s(1, 1, Some(1)),
                s(2, 1, Some(1)),
                s(3, 2, Some(6)),
            ],
            1,
            false,
        ),
        (
            "worse by 3 steps down",
            vec![
                s(0, 1, Some(1)),
                s(1, 1, Some(1)),
                s(2, 1, Some(1)),
                s(3, 2, Some(4)),
            ],
            1,
            false,
        ),
        (
            "worse by 2 stays",
            vec![
                s(0, 1, Some(1)),
                s(1, 1, Some(1)),
                s(2, 1, Some(1)),
                s(3, 2, Some(3)),
            ],
            2,
            false,
        ),
        (
            "a second step up waits 7 days",
            vec![
                s(0, 1, Some(0)),
                s(1, 1, Some(0)),
                s(2, 1, Some(0)),
                s(3, 2, Some(0)),
                s(4, 2, Some(0)),
                s(5, 2, Some(0)),
                s(8, 2, Some(0)),
            ],
            2,
            false,
        ),
        (
            "the second step up on day 7 after the first",
            vec![
                s(0, 1, Some(0)),
                s(1, 1, Some(0)),
                s(2, 1, Some(0)),
                s(3, 2, Some(0)),
                s(4, 2, Some(0)),
                s(9, 2, Some(0)),
            ],
            3,
            false,
        ),
        (
            "a session at another level does not count",
            vec![s(0, 2, Some(0)), s(1, 2, Some(0)), s(2, 2, Some(0))],
            1,
            false,
        ),
        (
            "never past the top level",
            vec![
                Event::Set {
                    day: day(0),
                    level: 3,
                },
                s(1, 3, Some(0)),
                s(2, 3, Some(0)),
                s(3, 3, Some(0)),
            ],
            3,
            false,
        ),
        (
            "pain of 4+ three times in 14 days freezes",
            vec![s(0, 1, Some(4)), s(6, 1, Some(4)), s(13, 1, Some(5))],
            1,
            true,
        ),
        (
            "pain of 4+ three times over 15 days does not",
            vec![s(0, 1, Some(4)), s(7, 1, Some(4)), s(14, 1, Some(5))],
            1,
            false,
        ),
        (
            "frozen: calm sessions do not step up",
            vec![
                s(0, 1, Some(4)),
                s(1, 1, Some(4)),
                s(2, 1, Some(4)),
                s(3, 1, Some(0)),
                s(4, 1, Some(0)),
                s(5, 1, Some(0)),
            ],
            1,
            true,
        ),
        (
            "a reset unfreezes and counts afresh",
            vec![
                s(0, 1, Some(4)),
                s(1, 1, Some(4)),
                s(2, 1, Some(4)),
                Event::Reset { day: day(3) },
                s(3, 1, Some(0)),
                s(4, 1, Some(0)),
                s(5, 1, Some(0)),
            ],
            2,
            false,
        ),
        (
            "a set stays frozen",
            vec![
                s(0, 1, Some(4)),
                s(1, 1, Some(4)),
                s(2, 1, Some(4)),
                Event::Set {
                    day: day(3),
                    level: 2,
                },
            ],
            2,
            true,
        ),
        (
            "a set past the top is the top",
            vec![Event::Set {
                day: day(0),
                level: 9,
            }],
            3,
            false,
        ),
    ];
    let mut wrong = Vec::new();
    for (name, events, level, frozen) in cases {
        let got = fold(3, &events);
        if (got.level, got.frozen) != (level, frozen) {
            wrong.push(format!(
                "{name}: want level {level} frozen {frozen}, got {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_step_down_says_why() {
    let got = fold(
        3,
        &[
            s(0, 1, Some(1)),
            s(1, 1, Some(1)),
            s(2, 1, Some(1)),
            s(3, 2, Some(4)),
        ],
    );
    assert_eq!(
        got.change,
        Change::Down {
            from: 2,
            score: 4,
            worse_than: Some(1)
        }
    );
    assert!(got.just_down);
}

/// Any history: sessions a day or two apart, at the level the fold gives (as the coach runs
/// them) or another, answered or not, completed or not; now and then a set or a reset.
fn history() -> impl Strategy<Value = Vec<(u8, u8, bool, Option<u8>, bool)>> {
    // (days after the last, kind 0-9 (8: set, 9: reset), completed, score, at the level)
    prop::collection::vec(
        (
            0u8..4,
            0u8..10,
            prop::bool::weighted(0.8),
            prop::option::weighted(0.8, 0u8..=10),
            prop::bool::weighted(0.9),
        ),
        0..60,
    )
}

/// Folds `steps` one event at a time, as the coach would run them, returning every event
/// with the standing after it.
fn run(levels: u32, steps: &[(u8, u8, bool, Option<u8>, bool)]) -> Vec<(Event, Standing)> {
    let mut standing = Standing::new(levels);
    let mut d = 0u64;
    let mut out = Vec::new();
    for &(gap, kind, completed, score, at_level) in steps {
        d += u64::from(gap);
        let event = match kind {
            8 => Event::Set {
                day: day(d),
                level: u32::from(score.unwrap_or(1)),
            },
            9 => Event::Reset { day: day(d) },
            _ => Event::Session(Ran {
                day: day(d),
                level: if at_level {
                    standing.level
                } else {
                    standing.level + 1
                },
                completed,
                check_in: score,
            }),
        };
        standing.apply(&event);
        out.push((event, standing.clone()));
    }
    out
}

fn event_day(e: &Event) -> NaiveDate {
    match e {
        Event::Session(r) => r.day,
        Event::Set { day, .. } | Event::Reset { day } => *day,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_more_than_one_level_up_per_7_days(steps in history()) {
        let all = run(6, &steps);
        // The days a session stepped the routine up (a level more than before it).
        let ups: Vec<NaiveDate> = all
            .iter()
            .enumerate()
            .filter(|(i, (e, s))| {
                let before = if *i == 0 { 1 } else { all[i - 1].1.level };
                matches!(e, Event::Session(_)) && s.level > before
            })
            .map(|(_, (e, _))| event_day(e))
            .collect();
        for pair in ups.windows(2) {
            prop_assert!((pair[1] - pair[0]).num_days() >= 7, "{ups:?}");
        }
    }

    #[test]
    fn never_up_after_pain_above_2_in_the_window(steps in history()) {
        let all = run(6, &steps);
        for (i, (_, after)) in all.iter().enumerate() {
            let before = if i == 0 { 1 } else { all[i - 1].1.level };
            if after.level != before + 1 || !matches!(after.change, Change::Up { .. }) {
                continue;
            }
            // The window: back to the third-last calm, completed session at the level.
            let mut counted = 0;
            let mut j = i + 1;
            while counted < 3 {
                j -= 1;
                if let Event::Session(r) = all[j].0
                    && r.completed && r.level == before && r.check_in.is_some_and(|c| c <= 2)
                {
                    counted += 1;
                }
            }
            for (e, _) in &all[j..=i] {
                if let Event::Session(r) = e {
                    prop_assert!(r.check_in.is_none_or(|c| c <= 2), "pain in the window: {e:?}");
                }
            }
            prop_assert!((event_day(&all[i].0) - event_day(&all[j].0)).num_days() < 10);
        }
    }

    #[test]
    fn three_sessions_at_4_or_more_within_14_days_freeze_until_a_reset(steps in history()) {
        let all = run(6, &steps);
        let mut pains: Vec<NaiveDate> = Vec::new();
        let mut frozen = false;
        for (i, (e, s)) in all.iter().enumerate() {
            let before = if i == 0 { 1 } else { all[i - 1].1.level };
            match e {
                Event::Reset { .. } => { pains.clear(); frozen = false; }
                Event::Session(r) if r.check_in.is_some_and(|c| c >= 4) => {
                    pains.push(r.day);
                    if pains.len() >= 3 && (r.day - pains[pains.len() - 3]).num_days() < 14 {
                        frozen = true;
                    }
                }
                _ => {}
            }
            prop_assert_eq!(s.frozen, frozen);
            let stepped_up_now = matches!(e, Event::Session(_)) && s.level > before;
            prop_assert!(!(frozen && stepped_up_now), "up while frozen: {:?}", e);
        }
    }

    #[test]
    fn a_reset_always_returns_level_1(steps in history()) {
        let mut events: Vec<Event> = run(6, &steps).into_iter().map(|(e, _)| e).collect();
        events.push(Event::Reset { day: day(1000) });
        let s = fold(6, &events);
        prop_assert_eq!((s.level, s.frozen), (1, false));
    }

    #[test]
    fn the_level_is_always_one_of_the_routine_s(levels in 1u32..8, steps in history()) {
        for (_, s) in run(levels, &steps) {
            prop_assert!((1..=levels).contains(&s.level));
        }
    }
}
