//! Levels of a routine: what each rule and explicit level does to the steps, where the
//! built-ins stand (core grows, warm-up and cool-down do not), and that every level of a
//! valid routine is itself a valid routine.

use limberup::routine::{Kind, Routine, Step, Work, builtins, parse};

fn routine(progression: &str) -> Routine {
    let text = format!(
        r#"Routine(
    name: "Test",
    kind: Other,
    steps: [
        Step(name: "Hold", work: Hold(secs: 20)),
        Step(name: "Reps", work: Reps(count: 8, tempo_secs: 2.0)),
        Step(name: "Bird dog", work: Reps(count: 6, tempo_secs: 10.0), set_rest_secs: 15, passes: ["Left", "Right"]),
    ],
    progression: {progression},
)"#
    );
    parse(&text, "test.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn hold(step: &Step) -> u32 {
    match step.work {
        Work::Hold { secs, .. } => secs,
        _ => panic!("not a hold"),
    }
}

fn count(step: &Step) -> u32 {
    match step.work {
        Work::Reps { count, .. } => count,
        _ => panic!("not reps"),
    }
}

#[test]
fn rules_grow_each_level_up_to_their_ceilings() {
    let r = routine(
        "Progression(rules: [
            Rule(step: 1, by: Hold(add: 5, up_to: 30)),
            Rule(step: 2, by: Reps(add: 2, up_to: 15)),
            Rule(step: 2, by: Sets(up_to: 3)),
        ])",
    );
    // Reps 8 -> 15 by 2 takes 4 levels up: the slowest rule makes 5 levels.
    assert_eq!(r.level_count(), 5);
    let got: Vec<(u32, u32, Option<u32>)> = (1..=6)
        .map(|l| {
            let at = r.at_level(l);
            (hold(&at.steps[0]), count(&at.steps[1]), at.steps[1].sets)
        })
        .collect();
    assert_eq!(
        got,
        [
            (20, 8, Some(1)),
            (25, 10, Some(2)),
            (30, 12, Some(3)),
            (30, 14, Some(3)),
            (30, 15, Some(3)),
            (30, 15, Some(3)),
        ]
    );
    assert!(r.at_level(3).progression.is_none());
}

#[test]
fn a_pyramid_runs_each_set_of_its_stage_as_a_step() {
    let r =
        routine("Progression(rules: [Rule(step: 3, by: Pyramid(stages: [[3, 2, 1], [6, 4, 2]]))])");
    assert_eq!(r.level_count(), 2);
    let one = r.at_level(1);
    let counts: Vec<u32> = one.steps[2..].iter().map(count).collect();
    assert_eq!(counts, [3, 2, 1]);
    assert!(
        one.steps[2..]
            .iter()
            .all(|s| s.name == "Bird dog" && s.passes.len() == 2)
    );
    // The set rest between the sets of the pyramid, the step's own rest after the last.
    let rests: Vec<Option<u32>> = one.steps[2..].iter().map(|s| s.rest_secs).collect();
    assert_eq!(rests, [Some(15), Some(15), None]);
    let counts: Vec<u32> = r.at_level(2).steps[2..].iter().map(count).collect();
    assert_eq!(counts, [6, 4, 2]);
}

#[test]
fn explicit_levels_change_on_top_of_the_level_before() {
    let r = routine(
        "Progression(levels: [
            Level(steps: [Change(step: 1, work: Hold(secs: 40))]),
            Level(rounds: 2, steps: [Change(step: 2, sets: 2)]),
        ])",
    );
    assert_eq!(r.level_count(), 3);
    let three = r.at_level(3);
    assert_eq!(hold(&three.steps[0]), 40);
    assert_eq!(three.steps[1].sets, Some(2));
    assert_eq!(three.rounds, Some(2));
    assert_eq!(hold(&r.at_level(1).steps[0]), 20);
    assert_eq!(r.at_level(2).rounds, None);
}

#[test]
fn every_level_of_every_built_in_is_a_valid_routine() {
    for (id, text) in builtins() {
        let r = parse(text, id).unwrap();
        for level in 1..=r.level_count() {
            let text = ron::ser::to_string(&r.at_level(level)).unwrap();
            parse(&text, id).unwrap_or_else(|e| panic!("{id} level {level}: {e}"));
        }
    }
}

#[test]
fn core_grows_its_planks_and_warm_up_and_cool_down_do_not() {
    let all = builtins();
    let find = |id: &str| {
        let (_, text) = all.iter().find(|(i, _)| *i == id).unwrap();
        parse(text, id).unwrap()
    };
    let core = find("core");
    assert_eq!(core.level_count(), 7);
    let top = core.at_level(7);
    let planks: Vec<u32> = [0, 2].iter().map(|&i| hold(&top.steps[i])).collect();
    assert_eq!(planks, [60, 40]);
    for id in ["warm-up", "cool-down", "full-session"] {
        assert!(find(id).progression.is_none(), "{id} progresses");
    }
    assert_eq!(Routine::new("x", Kind::Other, Vec::new()).level_count(), 1);
}

/// Back care steps up through McGill's descending pyramid (3-2-1, then 6-4-2, 8-6-4 and
/// 10-8-6): more holds at each level, never a longer one, so no hold passes 10 s.
#[test]
fn back_care_adds_holds_through_the_pyramid_and_never_holds_past_ten_seconds() {
    let all = builtins();
    let (_, text) = all.iter().find(|(id, _)| *id == "back-care").unwrap();
    let back = parse(text, "back-care").unwrap();
    let pyramids: [[u32; 3]; 4] = [[3, 2, 1], [6, 4, 2], [8, 6, 4], [10, 8, 6]];
    assert_eq!(back.level_count(), pyramids.len() as u32);
    for (level, pyramid) in (1..).zip(pyramids) {
        let at = back.at_level(level);
        let sets: Vec<u32> = at.steps[1..].iter().map(|s| s.sets.unwrap_or(1)).collect();
        let want: Vec<u32> = pyramid.iter().flat_map(|&n| [n; 3]).collect();
        assert_eq!(sets, want, "level {level}");
        for step in &at.steps[1..] {
            assert!(
                hold(step) <= 10,
                "level {level}: {} holds {}",
                step.name,
                hold(step)
            );
        }
    }
}
