//! Generators for the session property tests: routines and plans (holds, paced and
//! counted reps, values validation refuses), tick patterns and user actions.

use std::time::Duration;

use limberup::routine::{RepPhase, Routine, Step, Work};
use limberup::session::{Command, Plan};
use proptest::prelude::*;

use super::{plan, routine};

pub fn labels(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// Phases that share the rep evenly.
fn even(n: usize) -> Vec<RepPhase> {
    labels("P", n).into_iter().map(RepPhase::label).collect()
}

/// Phases with their own seconds.
fn timed(secs: Vec<f64>) -> Vec<RepPhase> {
    secs.into_iter()
        .enumerate()
        .map(|(i, s)| RepPhase::timed(format!("T{i}"), s))
        .collect()
}

/// Which routines to generate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kinds {
    /// Holds and paced reps: every phase has a deadline.
    Timed,
    /// Counted reps too.
    All,
    /// Also values validation refuses (zero holds and counts, absurd tempos and scales):
    /// the machine must still hold together.
    Unvalidated,
}

/// A third of the holds and reps have a range, 1 to 6 above their lower bound.
fn up() -> impl Strategy<Value = Option<u32>> {
    proptest::option::weighted(0.33, 1u32..=6)
}

pub fn work(kinds: Kinds) -> BoxedStrategy<Work> {
    let hold = (1u32..=40, up()).prop_map(|(secs, more)| Work::Hold {
        secs,
        up_to: more.map(|m| secs + m),
    });
    let tempo = prop_oneof![(1u32..=12).prop_map(|h| f64::from(h) * 0.5), 0.5f64..=6.0];
    let even_reps =
        (1u32..=5, up(), tempo, 0usize..=4).prop_map(|(count, more, tempo, n)| Work::Reps {
            count,
            up_to: more.map(|m| count + m),
            tempo_secs: Some(tempo),
            phases: even(n),
        });
    let part = prop_oneof![(1u32..=8).prop_map(|h| f64::from(h) * 0.5), 0.1f64..=5.0];
    let timed_reps =
        (1u32..=4, up(), proptest::collection::vec(part, 1..=4)).prop_map(|(count, more, secs)| {
            Work::Reps {
                count,
                up_to: more.map(|m| count + m),
                tempo_secs: None,
                phases: timed(secs),
            }
        });
    let paced = prop_oneof![3 => even_reps, 2 => timed_reps];
    let counted = (1u32..=4, up()).prop_map(|(count, more)| Work::Reps {
        count,
        up_to: more.map(|m| count + m),
        tempo_secs: None,
        phases: Vec::new(),
    });
    // Reminders a minute or two apart, or none.
    let open = proptest::option::of((1u32..=2, 1usize..=3)).prop_map(|every| Work::Open {
        remind_every_mins: every.map(|(m, _)| m),
        reminders: labels("R", every.map_or(0, |(_, n)| n)),
    });
    match kinds {
        Kinds::Timed => prop_oneof![hold, paced].boxed(),
        Kinds::All => prop_oneof![4 => hold, 4 => paced, 2 => counted, 1 => open].boxed(),
        Kinds::Unvalidated => {
            let odd_tempo = prop_oneof![
                Just(0.0),
                Just(1e-9),
                Just(0.001),
                Just(-1.0),
                Just(f64::NAN),
                Just(f64::INFINITY),
                Just(1e12),
            ];
            let odd_range = proptest::option::of(0u32..=3);
            let odd = prop_oneof![
                (prop_oneof![Just(0), Just(u32::MAX)], odd_range.clone())
                    .prop_map(|(secs, up_to)| Work::Hold { secs, up_to }),
                (
                    0u32..=2,
                    odd_range,
                    proptest::option::of(odd_tempo.clone()),
                    0usize..=6
                )
                    .prop_map(|(count, up_to, tempo_secs, n)| Work::Reps {
                        count,
                        up_to,
                        tempo_secs,
                        phases: even(n),
                    }),
                // Phases of odd lengths, some with seconds and some without.
                (
                    0u32..=2,
                    proptest::collection::vec(proptest::option::of(odd_tempo), 0..=6)
                )
                    .prop_map(|(count, secs)| Work::Reps {
                        count,
                        up_to: Some(count),
                        tempo_secs: None,
                        phases: secs
                            .into_iter()
                            .map(|s| RepPhase {
                                label: "O".into(),
                                secs: s
                            })
                            .collect(),
                    }),
            ];
            let odd_open = proptest::option::of(0u32..=2).prop_map(|every| Work::Open {
                remind_every_mins: every,
                reminders: Vec::new(),
            });
            prop_oneof![hold, paced, counted, open, odd, odd_open].boxed()
        }
    }
}

pub fn step(kinds: Kinds) -> impl Strategy<Value = Step> {
    let timing = || proptest::option::of(0u32..=3);
    let sets = proptest::option::weighted(0.3, 1u32..=3);
    (work(kinds), 0usize..=3, timing(), timing(), sets, timing()).prop_map(
        |(work, passes, prepare_secs, rest_secs, sets, set_rest_secs)| Step {
            passes: labels("Side ", passes),
            prepare_secs,
            rest_secs,
            sets,
            set_rest_secs,
            ..Step::new("S", work)
        },
    )
}

/// A small routine: holds, paced reps (0-4 phases), counted reps when asked, 0-3 passes,
/// 1-3 sets, get-ready, rest and switch 0-3 s, 1-3 rounds.
pub fn small_routine(kinds: Kinds) -> impl Strategy<Value = Routine> {
    // A fifth are circuits of 2 or 3 rounds.
    let rounds = proptest::option::weighted(0.2, (2u32..=3, 0u32..=4));
    (
        (0u32..=3, 0u32..=3, 0u32..=3),
        proptest::collection::vec(step(kinds), 1..=4),
        rounds,
    )
        .prop_map(|((prepare, rest, switch), steps, circuit)| {
            let routine = routine(prepare, rest, switch, steps);
            match circuit {
                Some((n, rest)) => super::rounds(routine, n, rest),
                None => routine,
            }
        })
}

/// The plan of a small routine (see `small_routine`) at a scale, or a quarter of the time
/// of a session of 2 or 3 of them run in turn with 0-3 s between parts.
pub fn planned(kinds: Kinds) -> impl Strategy<Value = Plan> {
    let scale = if kinds == Kinds::Unvalidated {
        prop_oneof![Just(1.0), any::<f64>()].boxed()
    } else {
        prop_oneof![Just(1.0), Just(0.25), Just(4.0), 0.25f64..=4.0].boxed()
    };
    let parts = prop_oneof![
        3 => proptest::collection::vec(small_routine(kinds), 1..=1),
        1 => proptest::collection::vec(small_routine(kinds), 2..=3),
    ];
    (parts, 0u32..=3, scale).prop_map(|(routines, between, scale)| match routines.as_slice() {
        [one] => plan(one, scale),
        several => super::session_plan(several, between, scale),
    })
}

/// Tick lengths: zero, short, long.
pub fn ticks() -> impl Strategy<Value = Vec<Duration>> {
    let tick = prop_oneof![
        Just(Duration::ZERO),
        (1u64..=1500).prop_map(Duration::from_millis),
        (1u64..=20_000_000_000).prop_map(Duration::from_nanos),
    ];
    proptest::collection::vec(tick, 1..=40)
}

#[derive(Debug, Clone)]
pub enum Action {
    Wait(Duration),
    Do(Command),
    /// Stopped from the next wake-up until this much later, as a front end reports it.
    Stall(Duration),
}

/// Mostly short waits and everyday commands; the ones that end a session (quit, huge
/// waits) are rare so that sequences explore a running session.
pub fn action() -> impl Strategy<Value = Action> {
    let wait = prop_oneof![
        2 => Just(Duration::ZERO),
        6 => (1u64..=2_000).prop_map(Duration::from_millis),
        3 => (1u64..=60_000_000_000).prop_map(Duration::from_nanos),
        1 => (1u64..=1_000_000_000).prop_map(Duration::from_secs),
    ];
    let command = prop_oneof![
        4 => Just(Command::TogglePause),
        3 => Just(Command::Pause),
        3 => Just(Command::Resume),
        2 => Just(Command::Next),
        3 => Just(Command::Previous),
        5 => Just(Command::Advance),
        3 => Just(Command::Done),
        1 => Just(Command::Repeat),
        1 => Just(Command::AddSet),
        4 => (-30i32..=30).prop_map(Command::AddTime),
        1 => any::<i32>().prop_map(Command::AddTime),
        1 => prop_oneof![Just(Command::Quit), Just(Command::Interrupt)],
    ];
    let stall = (2_001u64..=100_000_000).prop_map(|ms| Action::Stall(Duration::from_millis(ms)));
    prop_oneof![
        3 => wait.prop_map(Action::Wait),
        2 => command.prop_map(Action::Do),
        1 => stall,
    ]
}

/// Steps of every kind, paced ones with 0-4 phases; names and labels unique per step, so a
/// cue told from the wrong step shows.
pub fn distinct_routine() -> impl Strategy<Value = Routine> {
    let work = prop_oneof![
        (1u32..=25).prop_map(|secs| Work::Hold { secs, up_to: None }),
        (1u32..=4, 1u32..=8, 0usize..=4).prop_map(|(count, halves, n)| Work::Reps {
            count,
            up_to: None,
            tempo_secs: Some(f64::from(halves) * 0.5),
            phases: labels("", n).into_iter().map(RepPhase::label).collect(),
        }),
        // Phases with their own seconds, uneven.
        (1u32..=3, proptest::collection::vec(1u32..=6, 1..=4)).prop_map(|(count, halves)| {
            Work::Reps {
                count,
                up_to: None,
                tempo_secs: None,
                phases: halves
                    .iter()
                    .enumerate()
                    .map(|(k, h)| RepPhase::timed(k.to_string(), f64::from(*h) * 0.5))
                    .collect(),
            }
        }),
        (1u32..=3).prop_map(|count| Work::Reps {
            count,
            up_to: None,
            tempo_secs: None,
            phases: Vec::new(),
        }),
    ];
    let step = (
        work,
        0usize..=2,
        proptest::option::of(0u32..=2),
        proptest::option::of(1u32..=2),
    );
    let rounds = proptest::option::of(1u32..=2);
    (
        proptest::collection::vec(step, 1..=4),
        0u32..=2,
        0u32..=2,
        rounds,
    )
        .prop_map(|(steps, rest, switch, rounds)| {
            let steps = steps
                .into_iter()
                .enumerate()
                .map(|(i, (work, passes, prepare_secs, sets))| {
                    let work = match work {
                        Work::Reps {
                            count,
                            up_to,
                            tempo_secs,
                            phases,
                        } => Work::Reps {
                            count,
                            up_to,
                            tempo_secs,
                            phases: phases
                                .iter()
                                .map(|p| RepPhase {
                                    label: format!("S{i}P{}", p.label),
                                    secs: p.secs,
                                })
                                .collect(),
                        },
                        hold => hold,
                    };
                    Step {
                        passes: labels("Side ", passes),
                        prepare_secs,
                        sets,
                        ..Step::new(format!("Step {i}"), work)
                    }
                })
                .collect();
            Routine {
                prepare_secs: Some(1),
                rest_secs: Some(rest),
                switch_secs: Some(switch),
                rounds,
                ..Routine::new("Leaps", limberup::routine::Kind::Other, steps)
            }
        })
}
