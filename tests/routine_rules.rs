//! The routine file format, rule by rule, as the README states it: defaults, optional
//! fields, ranges, the planned-duration formula, `--scale`, and how the catalog finds
//! routines (user files by id, overriding built-ins; paths).

use std::time::Duration;

use limberup::routine::{Catalog, Kind, Routine, Source, Work, builtins, parse};
use limberup::session::{Phase, Plan, PlanOptions, Timings, WorkPlan};

fn routine(text: &str) -> Routine {
    parse(text, "test.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> String {
    parse(text, "test.ron")
        .expect_err("this routine should be refused")
        .to_string()
}

fn plan(text: &str) -> Plan {
    Plan::new("test", &routine(text), &PlanOptions::default())
}

fn plan_scaled(text: &str, scale: f64) -> Plan {
    let options = PlanOptions {
        scale,
        ..PlanOptions::default()
    };
    Plan::new("test", &routine(text), &options)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A routine made of the given steps, with nothing else set.
fn steps(steps: &str) -> String {
    format!("Routine(name: \"R\", kind: Other, steps: [{steps}])")
}

#[test]
fn the_documented_example_loads() {
    let r = routine(
        r#"Routine(
            name: "Warm-up",
            kind: WarmUp,
            description: "Loosen the spine.",
            prepare_secs: 5,
            rest_secs: 10,
            switch_secs: 3,
            steps: [
                Step(
                    name: "Cat/Cow",
                    cues: ["Hands under shoulders", "..."],
                    work: Reps(count: 12, tempo_secs: 5.0, phases: ["Exhale: round up", "Inhale: drop the belly"]),
                    passes: [],
                    prepare_secs: 5,
                    rest_secs: 10,
                ),
                Step(name: "Child's pose", work: Hold(secs: 30)),
            ],
        )"#,
    );
    assert_eq!(r.kind, Kind::WarmUp);
    assert_eq!(r.steps.len(), 2);
    assert_eq!(
        r.steps[1].work,
        Work::Hold {
            secs: 30,
            up_to: None
        }
    );
}

#[test]
fn optional_fields_default_to_empty_and_unset() {
    let r = routine(&steps("Step(name: \"A\", work: Hold(secs: 10))"));
    assert_eq!(r.description, "");
    assert_eq!(
        (r.prepare_secs, r.rest_secs, r.switch_secs),
        (None, None, None)
    );
    let step = &r.steps[0];
    assert!(step.cues.is_empty() && step.passes.is_empty());
    assert_eq!((step.prepare_secs, step.rest_secs), (None, None));
}

#[test]
fn every_kind_is_accepted() {
    for (word, kind) in [
        ("WarmUp", Kind::WarmUp),
        ("CoolDown", Kind::CoolDown),
        ("Other", Kind::Other),
    ] {
        let text = format!(
            "Routine(name: \"R\", kind: {word}, steps: [Step(name: \"A\", work: Hold(secs: 1))])"
        );
        assert_eq!(routine(&text).kind, kind);
    }
}

#[test]
fn defaults_of_five_ten_and_three_seconds_apply_when_the_routine_is_silent() {
    let p = plan(&steps(
        "Step(name: \"A\", work: Hold(secs: 20), passes: [\"Left\", \"Right\"]),
         Step(name: \"B\", work: Hold(secs: 20))",
    ));
    assert_eq!(p.steps[0].prepare, secs(5));
    assert_eq!(p.steps[1].rest_before, secs(10));
    assert_eq!(p.steps[0].switch, secs(3));
}

#[test]
fn config_timings_replace_the_defaults_but_not_what_the_file_says() {
    let options = PlanOptions {
        timings: Timings {
            prepare_secs: 2,
            rest_secs: 4,
            switch_secs: 1,
        },
        scale: 1.0,
    };
    let silent = routine(&steps(
        "Step(name: \"A\", work: Hold(secs: 20)), Step(name: \"B\", work: Hold(secs: 20))",
    ));
    let p = Plan::new("t", &silent, &options);
    assert_eq!(
        (p.steps[0].prepare, p.steps[1].rest_before),
        (secs(2), secs(4))
    );
    let explicit = routine(
        "Routine(name: \"R\", kind: Other, prepare_secs: 7, rest_secs: 0, steps: [
            Step(name: \"A\", work: Hold(secs: 20)), Step(name: \"B\", work: Hold(secs: 20))])",
    );
    let p = Plan::new("t", &explicit, &options);
    assert_eq!(
        (p.steps[0].prepare, p.steps[1].rest_before),
        (secs(7), secs(0))
    );
}

#[test]
fn tempo_is_written_as_a_plain_number_thanks_to_implicit_some() {
    for written in ["4.0", "4", "Some(4.0)"] {
        let r = routine(&steps(&format!(
            "Step(name: \"A\", work: Reps(count: 3, tempo_secs: {written}))"
        )));
        assert_eq!(
            r.steps[0].work,
            Work::Reps {
                count: 3,
                up_to: None,
                tempo_secs: Some(4.0),
                phases: vec![]
            },
            "tempo_secs: {written}"
        );
    }
}

#[test]
fn unknown_fields_are_errors_at_every_level() {
    let cases = [
        (
            "Routine(name: \"R\", kind: Other, colour: \"red\", steps: [Step(name: \"A\", work: Hold(secs: 1))])",
            "test.ron:1:33: colour: unknown field `colour` in `Routine`",
        ),
        (
            &steps("Step(name: \"A\", work: Hold(secs: 1), side: \"Left\")") as &str,
            "step 1 (\"A\"), side: unknown field `side` in `Step`",
        ),
        (
            &steps("Step(name: \"A\", work: Hold(secs: 1, reps: 2))"),
            "step 1 (\"A\"), work.reps: unknown field `reps` in `Hold`",
        ),
        (
            &steps("Step(name: \"A\", work: Reps(count: 2, tempo: 3.0))"),
            "step 1 (\"A\"), work.tempo: unknown field `tempo` in `Reps`",
        ),
    ];
    for (text, want) in cases {
        let err = error(text);
        assert!(err.contains(want), "{err:?} lacks {want:?}");
    }
}

#[test]
fn range_limits_are_inclusive() {
    let ok = [
        "Step(name: \"A\", work: Hold(secs: 1))",
        "Step(name: \"A\", work: Hold(secs: 3600))",
        "Step(name: \"A\", work: Reps(count: 1))",
        "Step(name: \"A\", work: Reps(count: 1000))",
        "Step(name: \"A\", work: Reps(count: 2, tempo_secs: 0.5))",
        "Step(name: \"A\", work: Reps(count: 2, tempo_secs: 60.0))",
        "Step(name: \"A\", work: Reps(count: 2, tempo_secs: 4.0, phases: [\"a\", \"b\", \"c\", \"d\"]))",
        "Step(name: \"A\", work: Hold(secs: 5), passes: [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\"])",
        "Step(name: \"A\", work: Hold(secs: 5), prepare_secs: 600, rest_secs: 600)",
        "Step(name: \"A\", work: Hold(secs: 5), prepare_secs: 0, rest_secs: 0)",
    ];
    for step in ok {
        routine(&steps(step));
    }
    routine(
        "Routine(name: \"R\", kind: Other, prepare_secs: 600, rest_secs: 600, switch_secs: 600,
         steps: [Step(name: \"A\", work: Hold(secs: 5))])",
    );
}

#[test]
fn just_past_each_limit_is_refused_with_the_range() {
    let cases = [
        (
            "Hold(secs: 0)",
            "work.secs: must be 1 to 3600 seconds, got 0",
        ),
        (
            "Hold(secs: 3601)",
            "work.secs: must be 1 to 3600 seconds, got 3601",
        ),
        ("Reps(count: 0)", "work.count: must be 1 to 1000, got 0"),
        (
            "Reps(count: 1001)",
            "work.count: must be 1 to 1000, got 1001",
        ),
        (
            "Reps(count: 2, tempo_secs: 0.49)",
            "work.tempo_secs: must be a number of seconds from 0.5 to 60, got 0.49",
        ),
        (
            "Reps(count: 2, tempo_secs: 60.01)",
            "work.tempo_secs: must be a number of seconds from 0.5 to 60, got 60.01",
        ),
    ];
    for (work, want) in cases {
        let err = error(&steps(&format!("Step(name: \"A\", work: {work})")));
        assert!(err.contains(want), "{err:?} lacks {want:?}");
    }
}

#[test]
fn phase_labels_may_repeat_but_pass_labels_may_not() {
    routine(&steps(
        "Step(name: \"A\", work: Reps(count: 2, tempo_secs: 4.0, phases: [\"Inhale\", \"Exhale\", \"Inhale\", \"Exhale\"]))",
    ));
    let err = error(&steps(
        "Step(name: \"A\", work: Hold(secs: 5), passes: [\"Left\", \"LEFT\"])",
    ));
    assert!(err.contains("passes #2: \"LEFT\" appears twice"), "{err}");
}

#[test]
fn per_step_prepare_and_rest_override_the_routine() {
    let p = plan(
        "Routine(name: \"R\", kind: Other, prepare_secs: 7, rest_secs: 20, steps: [
            Step(name: \"A\", work: Hold(secs: 10), prepare_secs: 0, rest_secs: 45),
            Step(name: \"B\", work: Hold(secs: 10)),
            Step(name: \"C\", work: Hold(secs: 10)),
        ])",
    );
    // A step's rest leads into the next step.
    assert_eq!(
        (p.steps[0].prepare, p.steps[1].rest_before),
        (secs(0), secs(45))
    );
    assert_eq!(
        (p.steps[1].prepare, p.steps[2].rest_before),
        (secs(7), secs(20))
    );
    // A zero prepare is no prepare at all, not a zero-length phase.
    let phases = |i| -> Vec<(Phase, Option<Duration>)> {
        p.segments[p.step_segments(i)]
            .iter()
            .map(|s| (s.phase, s.duration))
            .collect()
    };
    assert_eq!(phases(0), [(Phase::Work, Some(secs(10)))]);
    // The rest and the get-ready of B are one transition.
    assert_eq!(
        phases(1),
        [
            (Phase::Rest, Some(secs(45 + 7))),
            (Phase::Work, Some(secs(10)))
        ]
    );
}

#[test]
fn planned_duration_counts_passes_switches_and_rests_but_no_rest_after_the_last_step() {
    let p = plan(
        "Routine(name: \"R\", kind: Other, prepare_secs: 5, rest_secs: 10, switch_secs: 3, steps: [
            Step(name: \"Hold sides\", work: Hold(secs: 20), passes: [\"Left\", \"Right\", \"Middle\"]),
            Step(name: \"Paced\", work: Reps(count: 6, tempo_secs: 2.5)),
            Step(name: \"Last\", work: Hold(secs: 30), rest_secs: 99),
        ])",
    );
    // Step 1: 5 + 3 x 20 + 2 x 3 = 71, rest 10. Step 2: 5 + 6 x 2.5 = 20, rest 10.
    // Step 3: 5 + 30 = 35 and no rest, whatever it says.
    assert_eq!(p.steps[0].active_total(), secs(66));
    assert_eq!(p.steps[1].active_total(), secs(15));
    assert_eq!(p.steps[1].transition(), secs(10 + 5));
    assert_eq!(p.total(), secs(71 + 10 + 20 + 10 + 35));
    assert_eq!(p.segments.last().map(|s| s.phase), Some(Phase::Work));
    assert_eq!(p.counted_reps(), 0);
}

#[test]
fn counted_reps_have_no_planned_time_and_are_reported_apart() {
    let p = plan(
        "Routine(name: \"R\", kind: Other, prepare_secs: 5, rest_secs: 10, switch_secs: 3, steps: [
            Step(name: \"Squats\", work: Reps(count: 12), passes: [\"Left\", \"Right\"]),
            Step(name: \"Hold\", work: Hold(secs: 30)),
        ])",
    );
    assert_eq!(p.steps[0].work, WorkPlan::Counted { count: 12 });
    // Step 1: prepare 5 + switch 3 (the reps themselves untimed), rest 10; step 2: 5 + 30.
    assert_eq!(p.total(), secs(5 + 3 + 10 + 5 + 30));
    assert_eq!(p.counted_reps(), 24);
}

#[test]
fn scale_stretches_holds_rests_and_tempo_but_not_prepare_or_switch() {
    let text =
        "Routine(name: \"R\", kind: Other, prepare_secs: 5, rest_secs: 10, switch_secs: 3, steps: [
            Step(name: \"A\", work: Hold(secs: 20), passes: [\"Left\", \"Right\"]),
            Step(name: \"B\", work: Reps(count: 4, tempo_secs: 2.0)),
        ])";
    let p = plan_scaled(text, 1.5);
    assert_eq!(p.steps[0].work, WorkPlan::Hold(secs(30)));
    assert_eq!(p.steps[1].rest_before, secs(15));
    assert_eq!(p.steps[0].prepare, secs(5));
    assert_eq!(p.steps[0].switch, secs(3));
    assert_eq!(
        p.steps[1].work,
        WorkPlan::Paced {
            count: 4,
            tempo: secs(3),
            phases: vec![],
            starts: vec![Duration::ZERO],
        }
    );
    // 5 + 2 x 30 + 3, rest 15, then 5 + 4 x 3.
    assert_eq!(p.total(), secs(68 + 15 + 17));
    // Unscaled: 5 + 2 x 20 + 3, rest 10, then 5 + 4 x 2.
    assert_eq!(plan_scaled(text, 1.0).total(), secs(48 + 10 + 13));
}

/// A user routines dir holding `files` as (name, text).
fn user_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const MINE: &str =
    "Routine(name: \"My core\", kind: Other, steps: [Step(name: \"Plank\", work: Hold(secs: 45))])";

#[test]
fn a_user_file_with_a_built_in_id_overrides_it_and_ids_are_file_stems() {
    let dir = user_dir(&[
        ("core.ron", MINE),
        ("evening.ron", MINE),
        ("notes.txt", "not a routine"),
    ]);
    let catalog = Catalog::load(Some(dir.path()));
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let ids: Vec<&str> = catalog.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "warm-up",
            "cool-down",
            "core",
            "back-care",
            "hips-and-hamstrings",
            "desk-break",
            "full-cool-down",
            "morning-mobility",
            "workout",
            "full-session",
            "evening"
        ]
    );
    let core = catalog.find("core").unwrap();
    assert_eq!(core.routine.name, "My core");
    assert_eq!(core.source, Source::File(dir.path().join("core.ron")));
    assert_eq!(core.text().unwrap(), MINE);
    assert_eq!(catalog.find("warm-up").unwrap().source, Source::BuiltIn);
}

#[test]
fn a_bad_user_file_is_reported_and_the_others_still_load() {
    let dir = user_dir(&[("broken.ron", "Routine(name: \"B\""), ("good.ron", MINE)]);
    let catalog = Catalog::load(Some(dir.path()));
    assert!(catalog.find("good").is_some());
    assert!(catalog.find("broken").is_none());
    assert_eq!(catalog.errors.len(), 1);
    // Asking for it by id gives its own error, not "no such routine".
    let err = catalog.resolve("broken").unwrap_err().to_string();
    assert!(err.contains("broken.ron:1:"), "{err}");
    assert!(err.contains("the file ends early"), "{err}");
}

#[test]
fn a_missing_user_dir_leaves_the_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::load(Some(&dir.path().join("absent")));
    assert_eq!(catalog.entries.len(), builtins().len());
    assert!(catalog.errors.is_empty());
}

#[test]
fn resolve_takes_an_id_or_a_path() {
    let dir = user_dir(&[("evening.ron", MINE)]);
    let catalog = Catalog::load(None);
    let by_id = catalog.resolve("cool-down").unwrap();
    assert_eq!(
        (by_id.id.as_str(), &by_id.source),
        ("cool-down", &Source::BuiltIn)
    );
    let path = dir.path().join("evening.ron");
    let by_path = catalog.resolve(path.to_str().unwrap()).unwrap();
    assert_eq!(by_path.id, "evening");
    assert_eq!(by_path.source, Source::File(path));
    assert_eq!(by_path.routine.name, "My core");
    // Not an id and not a path: the error lists what there is.
    let err = catalog.resolve("evening").unwrap_err().to_string();
    assert!(err.contains("no routine with this id"), "{err}");
    assert!(err.contains("among 10 routines"), "{err}");
}
