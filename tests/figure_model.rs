//! The figure model, tested like the session machine: key poses are hit exactly, frames stay
//! in the frame, mirroring twice is nothing, reversing runs the motion backward, planted
//! hands and feet stay planted, and playback keeps time on an injected clock.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use limberup::figure::{
    self, Beat, Figure, Joint, Library, PassMode, Passes, Playback, Point, Pose,
};
use limberup::routine::{Work, builtin_source, builtins, parse};
use proptest::prelude::*;

/// The built-in figures, loaded once (proptests ask for them on every case).
fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let library = Library::load(None);
        assert!(library.errors.is_empty(), "{:?}", library.errors);
        library
    })
}

fn figures() -> Vec<(&'static str, &'static Figure)> {
    library()
        .entries
        .iter()
        .map(|e| (e.id.as_str(), &e.figure))
        .collect()
}

fn beat(part: usize, parts: usize, progress: f64) -> Option<Beat> {
    Some(Beat {
        part,
        parts,
        progress,
    })
}

fn distance(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// The largest distance any joint is apart in two poses.
fn apart(a: &Pose, b: &Pose) -> f64 {
    Joint::ALL
        .into_iter()
        .map(|j| distance(a.get(j), b.get(j)))
        .fold(0.0, f64::max)
}

/// The largest step any joint took across or up/down from one pose to the other.
fn moved(a: &Pose, b: &Pose) -> f64 {
    Joint::ALL
        .into_iter()
        .map(|j| {
            (a.get(j).x - b.get(j).x)
                .abs()
                .max((a.get(j).y - b.get(j).y).abs())
        })
        .fold(0.0, f64::max)
}

fn key(figure: &Figure, i: usize) -> Pose {
    let name = figure.motion().nth(i).unwrap().to_string();
    *figure.pose(&name).unwrap()
}

#[test]
fn there_is_a_figure_for_every_built_in_move_and_each_says_what_it_shows() {
    let library = library();
    assert_eq!(library.entries.len(), figure::builtins().len());
    for (id, text) in builtins() {
        let routine = parse(text, id).unwrap();
        let source = builtin_source(id).unwrap();
        // Every move; an open step ("Your workout") is the user's own training, not a move.
        for step in routine
            .steps
            .iter()
            .filter(|s| !matches!(s.work, Work::Open { .. }))
        {
            assert!(step.figure.is_some(), "{id}: {} has no figure", step.name);
        }
        figure::check_routine(source, id, &routine, library).unwrap();
    }
    for entry in &library.entries {
        let text = library.describe(&entry.id).unwrap();
        assert!(
            text.ends_with('.') && !text.contains('\n') && text.matches(". ").count() == 0,
            "{}: not one sentence: {text}",
            entry.id
        );
    }
    assert_eq!(library.describe("no-such-figure"), None);
}

#[test]
fn every_figure_file_in_the_assets_is_built_in_and_named_by_its_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/figures");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut ids: Vec<String> = figure::builtins()
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, files);
}

#[test]
fn with_a_phase_per_key_pose_each_phase_ends_exactly_on_its_key_pose() {
    for (id, figure) in figures() {
        let k = figure.motion().count();
        for i in 0..k {
            let end = figure.pose_at(beat(i, k, 1.0), PassMode::AsDrawn);
            assert_eq!(end, key(figure, i), "{id}: end of part {i}");
            let start = figure.pose_at(beat(i, k, 0.0), PassMode::AsDrawn);
            assert_eq!(
                start,
                key(figure, (i + k - 1) % k),
                "{id}: start of part {i}"
            );
        }
    }
}

#[test]
fn without_phases_the_key_poses_are_spread_evenly_over_the_rep() {
    for (id, figure) in figures() {
        let k = figure.motion().count();
        for i in 1..=k {
            let at = figure.pose_at(beat(0, 1, i as f64 / k as f64), PassMode::AsDrawn);
            assert!(apart(&at, &key(figure, i - 1)) < 1e-6, "{id}: key {i}");
        }
    }
}

#[test]
fn twice_the_phases_run_the_motion_twice_a_rep() {
    let library = library();
    let cat_cow = library.get("cat-cow").unwrap();
    for part in 0..4 {
        let once = cat_cow.pose_at(beat(part % 2, 2, 0.3), PassMode::AsDrawn);
        let twice = cat_cow.pose_at(beat(part, 4, 0.3), PassMode::AsDrawn);
        assert!(apart(&once, &twice) < 1e-9, "part {part}");
    }
}

#[test]
fn still_and_holds_show_the_still_pose() {
    for (id, figure) in figures() {
        let still = *figure.pose(figure.still_name()).unwrap();
        assert_eq!(figure.pose_at(None, PassMode::AsDrawn), still, "{id}");
        assert_eq!(
            figure.pose_at(None, PassMode::Mirrored),
            still.mirrored(),
            "{id}"
        );
        if !figure.moves() {
            let any = figure.pose_at(beat(1, 3, 0.4), PassMode::Reversed);
            assert_eq!(any, key(figure, 0), "{id}: one pose never moves");
        }
    }
}

#[test]
fn passes_alternate_as_the_figure_says() {
    let library = library();
    let mode = |id: &str, pass| library.get(id).unwrap().pass_mode(pass);
    assert_eq!(library.get("side-plank").unwrap().passes, Passes::Mirror);
    assert_eq!(mode("side-plank", 0), PassMode::AsDrawn);
    assert_eq!(mode("side-plank", 1), PassMode::Mirrored);
    assert_eq!(mode("side-plank", 2), PassMode::AsDrawn);
    assert_eq!(mode("shoulder-rolls", 1), PassMode::Reversed);
    assert_eq!(mode("cat-cow", 1), PassMode::AsDrawn);
}

/// Planted hands, knees and feet slide less than this (figure units: 1.5% of a standing
/// body's height, under one dot at the sizes figures are drawn).
const PLANTED: f64 = 1.5;

#[test]
fn planted_hands_knees_and_feet_stay_planted_through_a_move() {
    let library = library();
    let planted = [
        (
            "cat-cow",
            &[Joint::HandL, Joint::HandR, Joint::KneeL, Joint::FootL][..],
        ),
        ("side-bends", &[Joint::FootL, Joint::FootR, Joint::ToeL][..]),
        ("shoulder-rolls", &[Joint::FootL, Joint::FootR][..]),
        (
            "russian-twists",
            &[Joint::FootL, Joint::FootR, Joint::Pelvis][..],
        ),
        ("squat", &[Joint::FootL, Joint::FootR][..]),
        ("hip-hinge", &[Joint::FootL, Joint::FootR][..]),
        (
            "glute-bridge",
            &[Joint::FootL, Joint::FootR, Joint::HandL, Joint::HandR][..],
        ),
        (
            "wall-push-ups",
            &[Joint::FootL, Joint::FootR, Joint::HandL, Joint::HandR][..],
        ),
        ("inchworm", &[Joint::FootL, Joint::FootR][..]),
        ("bird-dog", &[Joint::HandL, Joint::KneeR, Joint::FootR][..]),
    ];
    for (id, joints) in planted {
        let figure = library.get(id).unwrap();
        let k = figure.motion().count();
        let rest = figure.pose_at(beat(0, k, 0.0), PassMode::AsDrawn);
        for s in 0..=200 {
            let x = s as f64 / 200.0 * k as f64;
            let part = (x.floor() as usize).min(k - 1);
            let pose = figure.pose_at(beat(part, k, x - part as f64), PassMode::AsDrawn);
            for &joint in joints {
                let moved = distance(pose.get(joint), rest.get(joint));
                assert!(moved < PLANTED, "{id}: {joint:?} slid {moved:.2} at {x:.2}");
            }
        }
    }
}

#[test]
fn blending_keeps_bones_their_length() {
    let library = library();
    let circles = library.get("arm-circles").unwrap();
    let (a, b) = (key(circles, 0), key(circles, 3));
    for s in 0..=20 {
        let t = f64::from(s) / 20.0;
        let mid = a.blend(&b, t);
        for joint in [Joint::ElbowL, Joint::HandL, Joint::ElbowR, Joint::HandR] {
            let parent = joint.parent().unwrap();
            let (from, to) = (
                distance(a.get(joint), a.get(parent)),
                distance(b.get(joint), b.get(parent)),
            );
            let want = from + (to - from) * t;
            let got = distance(mid.get(joint), mid.get(parent));
            assert!(
                (got - want).abs() < 1e-9,
                "{joint:?} at {s}: {got} vs {want}"
            );
        }
    }
}

fn any_figure() -> impl Strategy<Value = usize> {
    0..figure::builtins().len()
}

fn any_mode() -> impl Strategy<Value = PassMode> {
    prop_oneof![
        Just(PassMode::AsDrawn),
        Just(PassMode::Mirrored),
        Just(PassMode::Reversed),
    ]
}

proptest! {
    #[test]
    fn every_joint_stays_inside_the_frame(
        which in any_figure(), part in 0usize..8, parts in 1usize..5,
        progress in 0.0f64..=1.0, mode in any_mode(),
    ) {
        let (id, figure) = &figures()[which];
        let frame = figure.frame();
        for b in [None, beat(part, parts, progress)] {
            let pose = figure.pose_at(b, mode);
            for (joint, p) in pose.iter() {
                prop_assert!(frame.contains(p), "{id}: {joint:?} at {p:?} outside {frame:?}");
            }
        }
    }

    #[test]
    fn mirroring_twice_is_the_identity(
        which in any_figure(), part in 0usize..4, progress in 0.0f64..=1.0,
    ) {
        let figure = &figures()[which].1;
        let parts = figure.motion().count();
        let drawn = figure.pose_at(beat(part, parts, progress), PassMode::AsDrawn);
        let mirrored = figure.pose_at(beat(part, parts, progress), PassMode::Mirrored);
        prop_assert_eq!(mirrored, drawn.mirrored());
        prop_assert_eq!(mirrored.mirrored(), drawn);
        prop_assert_ne!(mirrored, drawn);
    }

    #[test]
    fn reversed_runs_the_rep_backward(which in any_figure(), progress in 0.0f64..=1.0) {
        let figure = &figures()[which].1;
        let back = figure.pose_at(beat(0, 1, progress), PassMode::Reversed);
        let forth = figure.pose_at(beat(0, 1, 1.0 - progress), PassMode::AsDrawn);
        prop_assert!(apart(&back, &forth) < 1e-6);
    }

    #[test]
    fn the_figure_never_jumps(
        which in any_figure(), at in 0.0f64..1.0, mode in any_mode(),
    ) {
        // One rep without phases, sampled 1/1000 of a rep apart: at most a small step.
        let figure = &figures()[which].1;
        let next = (at + 0.001).min(1.0);
        let a = figure.pose_at(beat(0, 1, at), mode);
        let b = figure.pose_at(beat(0, 1, next), mode);
        prop_assert!(apart(&a, &b) < 1.5, "{} moved {}", figures()[which].0, apart(&a, &b));
    }

    #[test]
    fn one_rep_ends_where_the_next_begins(which in any_figure(), parts in 1usize..5, mode in any_mode()) {
        let figure = &figures()[which].1;
        let end = figure.pose_at(beat(parts - 1, parts, 1.0), mode);
        let start = figure.pose_at(beat(0, parts, 0.0), mode);
        prop_assert!(apart(&end, &start) < 1e-6);
    }
}

#[test]
fn the_heading_names_the_pose_each_phase_moves_to() {
    let library = library();
    let cat_cow = library.get("cat-cow").unwrap();
    assert_eq!(cat_cow.heading(beat(0, 2, 0.5), PassMode::AsDrawn), "cat");
    assert_eq!(cat_cow.heading(beat(1, 2, 0.5), PassMode::AsDrawn), "cow");
    assert_eq!(cat_cow.heading(None, PassMode::AsDrawn), "tabletop");
    let rolls = library.get("shoulder-rolls").unwrap();
    let names: Vec<&str> = (0..4)
        .map(|i| rolls.heading(beat(0, 1, (f64::from(i) + 0.5) / 4.0), PassMode::Reversed))
        .collect();
    // Backward rolls (up, back, down, forward) played the other way.
    assert_eq!(names, ["down", "back", "up", "forward"]);
}

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

#[test]
fn playback_keeps_time_pauses_and_changes_pass_every_two_reps() {
    let library = library();
    let figure = library.get("shoulder-rolls").unwrap();
    let t0 = Instant::now();
    let mut play = Playback::new(figure, ms(4000), t0);
    let b = play.beat(t0 + ms(1500)).unwrap();
    assert_eq!((b.part, b.parts), (1, 4));
    assert!((b.progress - 0.5).abs() < 1e-9);
    assert_eq!((play.rep(t0 + ms(3999)), play.pass(t0 + ms(3999))), (1, 0));
    assert_eq!((play.rep(t0 + ms(8000)), play.pass(t0 + ms(8000))), (3, 1));
    assert_eq!(play.pass(t0 + ms(16_000)), 0);
    // Paused for 10 s: time stands still, and no frames are asked for.
    let (at_1000, at_1500) = (play.beat(t0 + ms(1000)), play.beat(t0 + ms(1500)));
    play.toggle_pause(t0 + ms(1000));
    assert!(
        play.next_frame(t0 + ms(5000), figure, PassMode::AsDrawn, (1e-6, 1e-6))
            .is_none()
    );
    assert_eq!(play.beat(t0 + ms(9000)), at_1000);
    play.toggle_pause(t0 + ms(11_000));
    assert_eq!(play.beat(t0 + ms(11_500)), at_1500);
    assert!(
        play.next_frame(t0 + ms(11_500), figure, PassMode::AsDrawn, (1e-6, 1e-6))
            .is_some()
    );
}

#[test]
fn frames_come_at_most_twelve_a_second_and_never_for_a_still_figure() {
    let library = library();
    let cat_cow = library.get("cat-cow").unwrap();
    let t0 = Instant::now();
    let moving = Playback::new(cat_cow, ms(3000), t0);
    // A dot far smaller than any move: a frame on every tick of the grid.
    let mut now = t0;
    for _ in 0..36 {
        let next = moving
            .next_frame(now, cat_cow, PassMode::AsDrawn, (1e-6, 1e-6))
            .unwrap();
        let gap = next - now;
        assert!(gap > Duration::ZERO && gap <= figure::FRAME, "{gap:?}");
        now = next;
    }
    assert!(
        (now - t0).abs_diff(ms(3000)) < ms(1),
        "36 ticks of the grid are 3 s"
    );
    let still = Playback::new(library.get("plank").unwrap(), ms(3000), t0);
    let plank = library.get("plank").unwrap();
    assert_eq!(
        still.next_frame(t0 + ms(700), plank, PassMode::AsDrawn, (1e-6, 1e-6)),
        None
    );
    assert_eq!(still.beat(t0 + ms(700)), None);
    assert_eq!(figure::MAX_FPS, 12);
}

/// Frames over one rep of `id` at `rep`, drawn whenever the figure moved `dot`.
fn frames_per_rep(id: &str, rep: Duration, dot: (f64, f64)) -> u32 {
    let figure = library().get(id).unwrap();
    let t0 = Instant::now();
    let play = Playback::new(figure, rep, t0);
    let (mut now, mut frames) = (t0, 0);
    while now < t0 + rep {
        now = play
            .next_frame(now, figure, PassMode::AsDrawn, dot)
            .unwrap();
        frames += 1;
    }
    frames
}

#[test]
fn a_smaller_or_slower_figure_is_drawn_less_often() {
    let every_tick = frames_per_rep("cat-cow", ms(5000), (1e-6, 1e-6));
    // 12 a second (the grid's 83,333,333 ns frames fall just short of 5 s after 60).
    assert!((60..=61).contains(&every_tick), "{every_tick}");
    // Quadrant dots of a 40x20 figure of cat/cow are about 1.2 by 2.4 units; of a 72x32
    // one, 0.8 by 1.6.
    let small = frames_per_rep("cat-cow", ms(5000), (1.2, 2.4));
    let large = frames_per_rep("cat-cow", ms(5000), (0.8, 1.6));
    assert!(
        small < large && large < every_tick,
        "{small} {large} {every_tick}"
    );
    assert!(frames_per_rep("cat-cow", ms(10_000), (1.2, 2.4)) < 2 * small);
}

#[test]
fn the_next_change_is_the_first_frame_a_joint_has_moved_a_dot() {
    let library = library();
    let bends = library.get("side-bends").unwrap();
    let rep = ms(8000);
    let per_frame = 4.0 * figure::FRAME.as_secs_f64() / rep.as_secs_f64();
    for (part, progress) in [(0, 0.0), (1, 0.1), (1, 0.5), (3, 0.9)] {
        let at = Beat {
            part,
            parts: 4,
            progress,
        };
        let wait = bends.next_change(at, rep, PassMode::AsDrawn, (1.0, 1.0));
        let frames = (wait.as_secs_f64() / figure::FRAME.as_secs_f64()).round() as u32;
        let pose = |k: u32| {
            bends.pose_at(
                Some(at.advanced(per_frame * f64::from(k))),
                PassMode::AsDrawn,
            )
        };
        for k in 1..frames {
            assert!(
                moved(&pose(0), &pose(k)) < 1.0,
                "part {part} {progress}: frame {k}"
            );
        }
        if frames < 12 {
            assert!(moved(&pose(0), &pose(frames)) >= 1.0);
        }
    }
    // The held phase (lean to lean): nothing moves for a second.
    let held = Beat {
        part: 2,
        parts: 4,
        progress: 0.2,
    };
    assert_eq!(
        bends.next_change(held, rep, PassMode::AsDrawn, (0.5, 0.5)),
        figure::FRAME * 12
    );
}

/// The (width, height) of the box around `points`.
fn extent(points: &[Point]) -> (f64, f64) {
    let xs = points.iter().map(|p| p.x);
    let ys = points.iter().map(|p| p.y);
    let span = |v: &mut dyn Iterator<Item = f64>| {
        let all: Vec<f64> = v.collect();
        all.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            - all.iter().copied().fold(f64::INFINITY, f64::min)
    };
    (span(&mut xs.into_iter()), span(&mut ys.into_iter()))
}

/// Arm circles' hands and shoulder rolls' shoulders trace loops (wide and tall, back where
/// they began), shown as trails: a circle, a roll, not a tilt or a shrug.
#[test]
fn arm_circles_and_shoulder_rolls_trace_their_loops() {
    for (id, joints, least) in [
        ("arm-circles", [Joint::HandL, Joint::HandR], (8.0, 20.0)),
        (
            "shoulder-rolls",
            [Joint::ShoulderL, Joint::ShoulderR],
            (5.0, 7.0),
        ),
    ] {
        let figure = library().get(id).unwrap();
        assert_eq!(figure.trail_joints(), joints, "{id}");
        let loops = figure.trails(None, PassMode::AsDrawn);
        assert_eq!(loops.len(), 2, "{id}");
        for path in &loops {
            let (w, h) = extent(path);
            assert!(w >= least.0 && h >= least.1, "{id}: {w} x {h}");
            assert!(
                distance(path[0], *path.last().unwrap()) < 0.01,
                "{id}: closed"
            );
        }
        // Moving, a short tail that ends at the joint.
        let b = beat(0, 1, 0.3);
        let pose = figure.pose_at(b, PassMode::Reversed);
        let tails = figure.trails(b, PassMode::Reversed);
        for (tail, joint) in tails.iter().zip(joints) {
            assert!(
                distance(*tail.last().unwrap(), pose.get(joint)) < 0.01,
                "{id}"
            );
            let (w, h) = extent(tail);
            assert!(w.max(h) < extent(&loops[0]).0.max(extent(&loops[0]).1) + 0.01);
        }
    }
    // A figure that holds still has no trails.
    assert!(
        library()
            .get("plank")
            .unwrap()
            .trails(None, PassMode::AsDrawn)
            .is_empty()
    );
}

/// Side plank rests on the forearm: the elbow under the shoulder on the floor, the forearm
/// along it.
#[test]
fn side_plank_rests_on_the_elbow_under_the_shoulder() {
    let figure = library().get("side-plank").unwrap();
    let pose = figure.pose_at(None, PassMode::AsDrawn);
    let (shoulder, elbow, hand) = (
        pose.get(Joint::ShoulderL),
        pose.get(Joint::ElbowL),
        pose.get(Joint::HandL),
    );
    assert!(
        (shoulder.x - elbow.x).abs() < 2.0,
        "elbow under the shoulder"
    );
    assert!(elbow.y < 4.0 && hand.y < 4.0, "forearm on the floor");
    assert!(
        distance(elbow, hand) >= 14.0,
        "a forearm's length: {elbow:?} {hand:?}"
    );
}

const TRAILED: &str = r#"Figure(name: "Wave", view: Front, trails: ["hand_l"], motion: ["a", "b"], poses: [
    Pose(name: "a", pelvis: (0.0, 53.0), waist: (0.0, 64.0), chest: (0.0, 75.0), neck: (0.0, 87.0),
         head: (0.0, 96.0), shoulder_l: (12.0, 84.5), elbow_l: (29.0, 84.5), hand_l: (45.0, 84.5),
         shoulder_r: (-12.0, 84.5), elbow_r: (-13.8, 67.6), hand_r: (-14.3, 51.6),
         hip_l: (8.0, 51.5), knee_l: (8.8, 27.5), foot_l: (9.5, 4.0), toe_l: (11.5, 1.5),
         hip_r: (-8.0, 51.5), knee_r: (-8.8, 27.5), foot_r: (-9.5, 4.0), toe_r: (-11.5, 1.5)),
    Pose(name: "b", like: "a", elbow_l: (25.0, 95.0), hand_l: (35.0, 108.0)),
])"#;

/// `trails` is optional (every figure without it reads as before) and names joints.
#[test]
fn trails_name_joints_and_are_optional() {
    let figure = figure::parse(TRAILED, "wave.ron").unwrap();
    assert_eq!(figure.trail_joints(), [Joint::HandL]);
    let without = figure::parse(&TRAILED.replace(r#"trails: ["hand_l"], "#, ""), "w").unwrap();
    assert!(without.trail_joints().is_empty());
    assert!(without.trails(None, PassMode::AsDrawn).is_empty());
    let err = figure::parse(&TRAILED.replace(r#"["hand_l"]"#, r#"["hnad_l"]"#), "w.ron")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no joint named `hnad_l` (did you mean `hand_l`?)"),
        "{err}"
    );
    assert!(err.contains("w.ron:1:"), "{err}");
    let err = figure::parse(
        &TRAILED.replace(r#"["hand_l"]"#, r#"["hand_l", "hand_l"]"#),
        "w",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("`hand_l` is already a trail"), "{err}");
}
