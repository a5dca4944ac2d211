//! Routines built from moves: a `move:` step takes the move's name, figure, cues, work,
//! sets and passes, a field it writes overrides; it plans exactly like the routine written
//! out; and `validate`'s notes hold its doses to the moves' evidence.

use limberup::listing::{moves_json, plan_table};
use limberup::moves::{self, notes};
use limberup::routine::{Kind, parse};
use limberup::session::{Plan, PlanOptions};

const FROM_MOVES: &str = r#"Routine(
    name: "Back",
    kind: Other,
    steps: [
        Step(move: "cat-cow"),
        Step(move: "side-plank"),
        Step(move: "childs-pose", work: Hold(secs: 20), name: "Rest"),
    ],
)"#;

const WRITTEN_OUT: &str = r#"Routine(
    name: "Back",
    kind: Other,
    steps: [
        Step(
            name: "Cat/Cow",
            figure: "cat-cow",
            cues: [
                "Hands under shoulders, knees under hips",
                "Move slowly, one vertebra at a time",
                "Tuck the chin as you round, lift it as you arch",
                "Stay in the easy middle of the range; it is motion, not a stretch",
            ],
            work: Reps(count: 6, up_to: 8, tempo_secs: 7.0, phases: [
                "Exhale: round up like a scared cat",
                "Inhale: drop the belly, look up",
            ]),
        ),
        Step(
            name: "Side plank",
            figure: "side-plank",
            cues: [
                "Named side down: elbow under shoulder",
                "Lift the hips into a line from head to feet",
                "Don't let the hips drop or roll forward",
                "Easier: bottom knee on the floor, knees bent",
            ],
            work: Hold(secs: 8),
            sets: 3,
            passes: ["Left", "Right"],
        ),
        Step(
            name: "Rest",
            figure: "childs-pose",
            cues: [
                "Knees slightly wider than hips, big toes together",
                "Sink the hips back toward the heels",
                "Arms long in front, forehead down",
                "A cushion under the hips or head if they don't reach",
            ],
            work: Hold(secs: 20),
            sets: 2,
        ),
    ],
)"#;

#[test]
fn a_routine_of_move_steps_plans_exactly_like_it_written_out() {
    let from_moves = parse(FROM_MOVES, "moves").unwrap();
    let written = parse(WRITTEN_OUT, "written").unwrap();
    let options = PlanOptions::default();
    let a = Plan::new("back", &from_moves, &options);
    let b = Plan::new("back", &written, &options);
    assert_eq!(plan_table(&a), plan_table(&b));
    let without_moves: Vec<_> = from_moves
        .steps
        .iter()
        .map(|s| limberup::routine::Step {
            move_id: None,
            ..s.clone()
        })
        .collect();
    assert_eq!(without_moves, written.steps);
    assert_eq!(from_moves.steps[2].move_id.as_deref(), Some("childs-pose"));
}

#[test]
fn an_unknown_move_is_located_with_a_did_you_mean() {
    let text = FROM_MOVES.replace("\"side-plank\"", "\"side-plnak\"");
    let err = parse(&text, "back.ron").unwrap_err().to_string();
    assert_eq!(
        err,
        "back.ron:6:14: step 2, move: no move `side-plnak` (did you mean `side-plank`?); \
         `limberup moves` lists them"
    );
}

#[test]
fn a_step_without_a_move_still_needs_its_name_and_work() {
    let text = FROM_MOVES.replace(r#"Step(move: "cat-cow")"#, r#"Step(name: "Cat")"#);
    let err = parse(&text, "back.ron").unwrap_err().to_string();
    assert!(
        err.starts_with("back.ron:5:25: step 1 (\"Cat\"), missing the required field `work`"),
        "{err}"
    );
}

fn notes_of(text: &str) -> Vec<String> {
    notes(&parse(text, "r").unwrap(), moves::builtin())
}

#[test]
fn validate_notes_a_big_three_hold_over_ten_seconds_and_nothing_inside_it() {
    assert_eq!(notes_of(FROM_MOVES), Vec::<String>::new());
    let long = FROM_MOVES.replace(
        r#"Step(move: "side-plank")"#,
        r#"Step(move: "side-plank", work: Hold(secs: 11))"#,
    );
    let found = notes_of(&long);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("past the 7-10 s"), "{}", found[0]);
}

#[test]
fn validate_notes_sixty_seconds_of_static_stretch_per_muscle_only_in_a_warm_up() {
    let warm = FROM_MOVES
        .replace("kind: Other", "kind: WarmUp")
        .replace(r#"work: Hold(secs: 20), name: "Rest""#, r#"sets: 1"#);
    assert_eq!(notes_of(&warm), Vec::<String>::new());
    let long = warm.replace("sets: 1", "sets: 2");
    let found = notes_of(&long);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|n| n.contains("60 s or more per muscle")),
        "{found:?}"
    );
    assert!(notes_of(&long.replace("kind: WarmUp", "kind: CoolDown")).is_empty());
    let _ = Kind::WarmUp;
}

#[test]
fn the_moves_json_is_stable() {
    let all: Vec<_> = moves::builtin().entries.iter().collect();
    insta::assert_snapshot!(moves_json(&all));
}

const FROM_LIBRARY: [&str; 5] = [
    "back-care",
    "hips-and-hamstrings",
    "desk-break",
    "full-cool-down",
    "morning-mobility",
];

fn builtin(id: &str) -> limberup::routine::Routine {
    let catalog = limberup::routine::Catalog::load(None);
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    catalog
        .find(id)
        .unwrap_or_else(|| panic!("{id}"))
        .routine
        .clone()
}

#[test]
fn the_library_routines_are_made_of_moves_dosed_inside_their_evidence_and_say_so() {
    for id in FROM_LIBRARY {
        let routine = builtin(id);
        assert!(routine.steps.iter().all(|s| s.move_id.is_some()), "{id}");
        assert_eq!(
            notes(&routine, moves::builtin()),
            Vec::<String>::new(),
            "{id}"
        );
        assert!(
            ["McGill", "ACSM", "Behm"]
                .iter()
                .any(|cite| routine.description.contains(cite)),
            "{id}: {}",
            routine.description
        );
    }
}

#[test]
fn the_desk_break_takes_under_five_minutes() {
    let plan = Plan::new(
        "desk-break",
        &builtin("desk-break"),
        &PlanOptions::default(),
    );
    assert!(
        plan.total() < std::time::Duration::from_secs(300),
        "{:?}",
        plan.total()
    );
}

#[test]
fn back_care_is_the_big_three_in_a_descending_pyramid_of_short_holds() {
    let routine = builtin("back-care");
    let big_three: Vec<(&str, u32)> = routine.steps[1..]
        .iter()
        .map(|s| (s.move_id.as_deref().unwrap(), s.sets.unwrap_or(1)))
        .collect();
    let round = |n| [("curl-up", n), ("side-plank", n), ("bird-dog", n)];
    assert_eq!(big_three, [round(3), round(2), round(1)].concat());
    for step in &routine.steps[1..] {
        assert!(
            matches!(
                step.work,
                limberup::routine::Work::Hold {
                    secs: 7..=10,
                    up_to: None
                }
            ),
            "{step:?}"
        );
    }
}

#[test]
fn the_full_cool_down_gives_every_major_muscle_group_about_sixty_seconds() {
    use limberup::moves::{Label, MoveKind, Region};
    let routine = builtin("full-cool-down");
    let library = moves::builtin();
    let mut per_region: Vec<(Region, u32)> = Vec::new();
    for step in &routine.steps {
        let found = &library
            .find(step.move_id.as_deref().unwrap())
            .unwrap()
            .found;
        assert_eq!(found.kind, MoveKind::StaticStretch, "{}", found.name);
        let limberup::routine::Work::Hold { secs, .. } = step.work else {
            panic!("{}", found.name)
        };
        for region in &found.regions {
            let secs = secs * step.sets.unwrap_or(1);
            match per_region.iter_mut().find(|(r, _)| r == region) {
                Some((_, total)) => *total += secs,
                None => per_region.push((*region, secs)),
            }
        }
    }
    for major in [
        Region::Hamstrings,
        Region::Quadriceps,
        Region::Calves,
        Region::HipFlexors,
        Region::Glutes,
        Region::Chest,
        Region::Shoulders,
        Region::LowerBack,
    ] {
        let total = per_region
            .iter()
            .find(|(r, _)| *r == major)
            .map(|(_, t)| *t);
        assert!(
            total.is_some_and(|t| t >= 60),
            "{}: {total:?}",
            major.label()
        );
    }
}
