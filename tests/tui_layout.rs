//! The session screen's rules at every size, read off the rendered screen: the side is never
//! cut and stays large where there is room, "Up next" names the other side while a pass
//! remains, every form cue of the built-in routines shows at 80x24, the footer always keeps
//! help and quit, and the paused box keeps the side.

mod tui_support;

use limberup::session::Phase;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};
use tui_support::{Harness, built_in, phase, states, warm_up_then_cool_down};

/// The screen's rows as text.
fn rows(h: &Harness, w: u16, hgt: u16) -> Vec<String> {
    cells(h, w, hgt)
        .into_iter()
        .map(|row| row.concat())
        .collect()
}

/// The screen's cells, row by row.
fn cells(h: &Harness, w: u16, hgt: u16) -> Vec<Vec<String>> {
    let terminal = h.render(w, hgt);
    let buf = terminal.backend().buffer();
    (0..hgt)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

/// `text` in tui-big-text's letters, cell by cell, each row without its trailing blanks.
fn big(text: &str, size: PixelSize) -> Vec<Vec<String>> {
    let per = if size == PixelSize::HalfHeight { 8 } else { 4 };
    let area = Rect::new(0, 0, text.chars().count() as u16 * per, 4);
    let mut buf = Buffer::empty(area);
    BigText::builder()
        .pixel_size(size)
        .lines(vec![text.into()])
        .build()
        .render(area, &mut buf);
    (0..4)
        .map(|y| {
            let mut row: Vec<String> = (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            while row.last().is_some_and(|c| c == " ") {
                row.pop();
            }
            row
        })
        .collect()
}

/// Whether `label` shows whole: as text, or in large letters on four consecutive rows.
fn shows(screen: &[Vec<String>], label: &str) -> bool {
    if screen.iter().any(|row| row.concat().contains(label)) {
        return true;
    }
    [PixelSize::HalfHeight, PixelSize::Quadrant]
        .iter()
        .any(|&size| {
            let letters = big(label, size);
            screen.windows(4).any(|four| {
                (0..four[0].len()).any(|col| {
                    four.iter()
                        .zip(&letters)
                        .all(|(row, want)| row.get(col..col + want.len()) == Some(want.as_slice()))
                })
            })
        })
}

fn state(name: &str) -> Harness {
    states()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| h)
        .unwrap()
}

const WIDTHS: [u16; 14] = [14, 16, 18, 20, 24, 30, 36, 40, 50, 60, 80, 100, 120, 160];

#[test]
fn the_side_shows_whole_at_every_size() {
    for (name, label) in [
        ("prepare", "Left"),
        ("hold", "Left"),
        ("switch", "Right"),
        ("hold_last_side", "Right"),
        ("sides_paced", "Left arm up"),
        ("paused", "Left"),
    ] {
        let h = state(name);
        for w in WIDTHS {
            for hgt in 2..=45 {
                let screen = cells(&h, w, hgt);
                assert!(
                    shows(&screen, label),
                    "{name} at {w}x{hgt}:\n{}",
                    rows(&h, w, hgt).join("\n")
                );
            }
        }
    }
}

#[test]
fn the_side_is_large_wherever_the_count_is() {
    for name in ["prepare", "hold", "switch", "sides_paced"] {
        let h = state(name);
        for (w, hgt) in [(100, 30), (80, 24), (60, 16), (160, 45)] {
            let text = rows(&h, w, hgt);
            let label = h.app.session().unwrap().view(h.t(h.now)).pass.unwrap().2;
            assert!(
                !text.iter().any(|row| row.contains(label)) && shows(&cells(&h, w, hgt), label),
                "{name} at {w}x{hgt}: the side should be in large letters\n{}",
                text.join("\n")
            );
        }
    }
}

#[test]
fn the_step_name_is_cut_before_the_side() {
    let h = state("hold");
    for w in [14, 16] {
        let screen = rows(&h, w, 6);
        assert!(!screen.join("").contains("Side plank"), "{w}");
        assert!(
            screen[0].starts_with(" HOLD") && screen[0].contains('…'),
            "{w}"
        );
        assert!(screen.iter().any(|row| row.trim() == "Left"), "{w}");
    }
}

#[test]
fn up_next_names_the_other_side_while_a_pass_remains() {
    let text = |name: &str| rows(&state(name), 100, 30).join("\n");
    // The get-ready names the step it leads into; the line below, what follows it.
    assert!(text("prepare").contains("Then: Right (hold 30 s)"));
    assert!(text("hold").contains("Up next: Right (hold 30 s)"));
    // The switch leads into the last pass: what follows it is the next step.
    assert!(text("switch").contains("Up next: Squats (10 reps)"));
    assert!(text("hold_last_side").contains("Up next: Squats (10 reps)"));
    assert!(text("sides_paced").contains("Up next: Right arm up (4 reps)"));
    assert!(text("paced").contains("Up next: Side bends (4 reps)"));
}

/// Every step of `id` at get-ready and mid-work, each pass, on one fixed clock.
fn every_step(id: &str, mut each: impl FnMut(&Harness)) {
    let mut h = Harness::routine(&built_in(id));
    let mut t = 0.0;
    let mut seen = Vec::new();
    while let Some(session) = h.app.session() {
        let at = (
            session.step_index(),
            session.segment().map(|s| (s.phase, s.pass)),
        );
        if !seen.contains(&at) && matches!(phase(&h), Some(Phase::Prepare | Phase::Work)) {
            seen.push(at);
            each(&h);
        }
        t += 1.0;
        h.tick(t);
    }
    assert!(seen.len() >= 6, "{id}: {seen:?}");
}

#[test]
fn every_form_cue_of_the_built_in_routines_shows_at_80x24() {
    for id in ["warm-up", "cool-down"] {
        every_step(id, |h| {
            let screen = rows(h, 80, 24).join("\n");
            let step = h.app.session().unwrap().step();
            for cue in &step.cues {
                assert!(screen.contains(cue.as_str()), "{id}: {cue}\n{screen}");
            }
        });
    }
}

const SESSION_STATES: [&str; 10] = [
    "prepare",
    "hold",
    "switch",
    "rest",
    "counted",
    "paced",
    "hold_last_side",
    "sides_paced",
    "cool_down",
    "paused",
];

#[test]
fn the_footer_keeps_help_and_quit_at_every_width() {
    for name in SESSION_STATES {
        let h = state(name);
        for w in 6..=120 {
            for hgt in [5, 24] {
                let footer = rows(&h, w, hgt).pop().unwrap();
                let (help, quit) = if w >= 16 {
                    ("? help", "q quit")
                } else {
                    ("?", "q")
                };
                assert!(
                    footer.contains(help) && footer.contains(quit),
                    "{name} at {w}x{hgt}: {footer}"
                );
            }
        }
    }
}

const KINDS: &str = r#"Routine(
    name: "Kinds",
    kind: Other,
    prepare_secs: 2,
    rest_secs: 0,
    switch_secs: 2,
    rounds: 2,
    steps: [
        Step(name: "Plank", cues: ["Straight line"], work: Hold(secs: 10), sets: 2, set_rest_secs: 3),
        Step(name: "Squats", cues: ["Knees out"], work: Reps(count: 3, up_to: 5)),
        Step(name: "Breath", cues: ["Slowly"], work: Reps(count: 2, tempo_secs: 6.0, phases: [("In", 2), ("Out", 4)])),
    ],
)"#;

fn kinds() -> Harness {
    let entry = limberup::routine::Entry {
        id: "kinds".into(),
        routine: limberup::routine::parse(KINDS, "kinds").unwrap(),
        source: limberup::routine::Source::BuiltIn,
    };
    Harness::routine(&entry)
}

#[test]
fn sets_rounds_and_ranges_are_on_the_screen() {
    let mut h = kinds();
    // Plank: get-ready 0-2 s, set 1 2-12 s, a rest of 3 s, set 2 15-25 s.
    h.tick(5.0);
    let text = rows(&h, 100, 30).join("\n");
    assert!(text.contains("step 1 of 3 · round 1 of 2"), "{text}");
    assert!(text.contains("HOLD · Plank · set 1 of 2"), "{text}");
    assert!(text.contains("Up next: set 2 of 2 (hold 10 s)"), "{text}");
    h.tick(13.0);
    let text = rows(&h, 100, 30).join("\n");
    assert!(text.contains("REST · next: Plank · set 2 of 2"), "{text}");
    // Squats (a range, counted): counting three reaches the lower bound.
    h.tick(25.5);
    for _ in 0..2 {
        h.tick(27.5);
    }
    for _ in 0..3 {
        h.key(ratatui::crossterm::event::KeyCode::Enter);
    }
    let text = rows(&h, 100, 30).join("\n");
    assert!(
        text.contains("3 done: keep going to 5, d when done"),
        "{text}"
    );
    assert!(text.contains("d done"), "{text}");
}

#[test]
fn a_beat_with_phases_of_their_own_length_moves_with_them() {
    let mut h = kinds();
    // To the breath step: Plank and Squats skipped with n.
    h.key(ratatui::crossterm::event::KeyCode::Char('n'));
    h.key(ratatui::crossterm::event::KeyCode::Char('n'));
    h.tick(2.0);
    let start = h.now;
    let beat = |h: &mut Harness, at: f64| {
        h.tick(start + at);
        let session = h.app.session().unwrap();
        session.rep_beat(h.t(start + at)).unwrap()
    };
    // "In" for 2 s, then "Out" for 4 s.
    let b = beat(&mut h, 1.0);
    assert_eq!((b.part, b.parts), (0, 2));
    assert!((b.progress - 0.5).abs() < 1e-9, "{b:?}");
    let b = beat(&mut h, 3.0);
    assert_eq!(b.part, 1);
    assert!((b.progress - 0.25).abs() < 1e-9, "{b:?}");
    let b = beat(&mut h, 7.0);
    assert_eq!(b.part, 0, "the second rep");
}

#[test]
fn a_warning_stays_for_the_step_it_came_in_and_gives_its_rows_back_after() {
    let mut h = Harness::session();
    h.tick(1.0);
    let warned = |h: &Harness| rows(h, 40, 12).iter().any(|r| r.contains("player gone"));
    h.app.warn("player gone".into());
    assert!(warned(&h));
    h.tick(1.5);
    assert!(warned(&h), "still the same step");
    h.key(KeyCode::Char('n'));
    assert!(!warned(&h), "the next step started");
}

#[test]
fn up_next_names_the_next_part_before_its_first_step() {
    let (mut h, first_of_cool) = warm_up_then_cool_down();
    let first = h.app.session().unwrap().plan().steps[first_of_cool]
        .name
        .clone();
    // To the warm-up's last step: its last pass leads into the cool-down.
    for _ in 0..first_of_cool - 1 {
        h.key(KeyCode::Char('n'));
    }
    h.tick(1.0);
    let text = rows(&h, 100, 30).join("\n");
    assert!(
        text.contains("Then: Right arm up"),
        "the other side first: {text}"
    );
    // Its last pass: the next part and its first step.
    h.key(KeyCode::Enter).tick(1.5);
    while !rows(&h, 100, 30)
        .iter()
        .any(|r| r.contains("Up next: Cool-down"))
    {
        let t = h.now + 5.0;
        h.tick(t);
        assert!(t < 400.0, "{}", rows(&h, 100, 30).join("\n"));
    }
    let text = rows(&h, 100, 30).join("\n");
    assert!(
        text.contains(&format!("Up next: Cool-down · {first}")),
        "{text}"
    );
}

/// In the rest before a step, the screen names that step ("REST · next: Your workout"); the
/// line below says what comes after it as such, never as what is next.
#[test]
fn the_rest_before_a_step_names_it_as_next_and_the_one_after_as_then() {
    let mut h = Harness::routine(&built_in("full-session"));
    let workout = h
        .app
        .session()
        .unwrap()
        .plan()
        .steps
        .iter()
        .position(|s| s.name == "Your workout");
    for _ in 0..workout.unwrap() {
        h.key(KeyCode::Char('n'));
    }
    h.tick(1.0);
    let text = rows(&h, 100, 30).join("\n");
    assert!(text.contains("REST · next: Your workout"), "{text}");
    assert!(text.contains("Then: Cool-down · Child's pose"), "{text}");
    assert!(!text.contains("Up next"), "{text}");
}

/// The workout's reminders reach the screen: large at 100x30 and 80x24 (on two lines when
/// long), as text at 40x12, from the moment each is given until the next replaces it.
#[test]
fn a_reminder_shows_large_until_the_next() {
    let mut h = Harness::routine(&built_in("workout"));
    let mut start = 0.0;
    while phase(&h) != Some(Phase::Work) {
        start += 0.25;
        h.tick(start);
    }
    let every = 15.0 * 60.0;
    let first = ["DRINK SOME WATER"];
    let second = ["STOP IF YOU FEEL", "PAIN"];
    h.tick(start + every - 1.0);
    assert!(!shows(&cells(&h, 100, 30), first[0]));
    for (at, lines) in [(1.0, &first[..]), (1.9, &first[..]), (2.0, &second[..])] {
        h.tick(start + every * at + 0.5);
        for (w, hgt) in [(100, 30), (80, 24)] {
            let screen = cells(&h, w, hgt);
            for line in lines {
                assert!(
                    shows(&screen, line),
                    "{w}x{hgt}\n{}",
                    rows(&h, w, hgt).join("\n")
                );
                // Large letters, not a line of text.
                assert!(
                    !screen.iter().any(|r| r.concat().contains(line)),
                    "{w}x{hgt}"
                );
            }
        }
        let small = rows(&h, 40, 12).join(" ");
        assert!(small.contains(lines[0]), "40x12: {small}");
    }
    assert!(
        !shows(&cells(&h, 100, 30), first[0]),
        "the second replaced the first"
    );
}
