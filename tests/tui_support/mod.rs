//! Shared by the TUI render tests: a test routine, an app on a fixed clock, and every screen
//! state worth drawing, built by driving the app with keys and ticks.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use limberup::config::Theme as Choice;
use limberup::figure::Library;
use limberup::front::resume::{Resumable, ResumeState};
use limberup::routine::{Catalog, Entry, Source, parse};
use limberup::session::{Phase, Plan, PlanOptions, SessionId, WorkPlan};
use limberup::tui::{App, Options, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::symbols::Marker;

const ROUTINE: &str = r#"Routine(
    name: "Test routine",
    kind: Other,
    prepare_secs: 5,
    rest_secs: 10,
    switch_secs: 3,
    steps: [
        Step(
            name: "Side plank",
            cues: ["Elbow under the shoulder", "Lift the hips into a line from head to feet"],
            work: Hold(secs: 30),
            passes: ["Left", "Right"],
            figure: "side-plank",
        ),
        Step(name: "Squats", cues: ["Knees over the toes"], work: Reps(count: 10)),
        Step(
            name: "Cat/Cow",
            cues: ["Hands under shoulders", "Move slowly"],
            work: Reps(count: 12, tempo_secs: 5.0, phases: ["Exhale: round up", "Inhale: drop the belly"]),
            figure: "cat-cow",
        ),
        Step(
            name: "Side bends",
            cues: ["Feet hip-width apart", "Reach the raised arm overhead", "Bend straight sideways", "Stop at a gentle stretch"],
            work: Reps(count: 4, tempo_secs: 8.0, phases: ["Inhale: stand tall", "Exhale: reach and lean", "Hold the stretch", "Return to center"]),
            passes: ["Left arm up", "Right arm up"],
            figure: "side-bends",
        ),
    ],
)"#;

pub fn wall() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T07:30:00+01:00").unwrap()
}

pub fn entry() -> Entry {
    Entry {
        id: "test".into(),
        routine: parse(ROUTINE, "test").unwrap(),
        source: Source::BuiltIn,
    }
}

pub fn options(theme: Theme) -> Options {
    Options {
        theme,
        plan: PlanOptions::default(),
        sound: true,
        speech: false,
        check_in: true,
        confirm_quit: true,
        motion: true,
    }
}

/// An app on a fixed clock: `t(secs)` is `secs` after the start.
pub struct Harness {
    pub app: App,
    t0: Instant,
    pub now: f64,
}

impl Harness {
    pub fn with(options: Options) -> Harness {
        let mut app = App::new(options, Catalog::load(None).entries, Box::new(wall));
        app.set_figures(Library::load(None), Marker::Quadrant);
        Harness {
            app,
            t0: Instant::now(),
            now: 0.0,
        }
    }

    pub fn picker() -> Harness {
        Harness::with(options(Theme::new(Choice::Default, false)))
    }

    /// A session of the test routine started at 0 s.
    pub fn session() -> Harness {
        Harness::routine(&entry())
    }

    /// A session of `entry` started at 0 s.
    pub fn routine(entry: &Entry) -> Harness {
        let mut h = Harness::picker();
        h.app.start(entry, h.t0);
        h
    }

    pub fn t(&self, secs: f64) -> Instant {
        self.t0 + Duration::from_secs_f64(secs)
    }

    pub fn tick(&mut self, secs: f64) -> &mut Harness {
        self.now = secs;
        self.app.tick(self.t(secs));
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Harness {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        self.app.key(&key, self.t(self.now));
        self
    }

    pub fn render(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| self.app.draw(frame, self.t(self.now)))
            .unwrap();
        terminal
    }
}

impl Harness {
    /// The screen's rows as text at `width` x `height`.
    pub fn rows(&self, width: u16, height: u16) -> Vec<String> {
        let terminal = self.render(width, height);
        let buf = terminal.backend().buffer();
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    /// A frame that only moves the figure, drawn as the runner draws one.
    pub fn render_moving(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| self.app.draw_moving(frame, self.t(self.now)))
            .unwrap();
        terminal
    }
}

pub fn phase(h: &Harness) -> Option<Phase> {
    h.app.session().and_then(|s| s.segment()).map(|s| s.phase)
}

/// Every state worth a snapshot, by name.
pub fn states() -> Vec<(&'static str, Harness)> {
    let mut out = Vec::new();
    out.push(("picker", Harness::picker()));
    let mut h = Harness::picker();
    h.key(KeyCode::Char('/'))
        .key(KeyCode::Char('c'))
        .key(KeyCode::Char('o'));
    out.push(("picker_filter", h));
    let mut h = Harness::picker();
    h.app.set_notice(
        "Your last 3 check-ins over 3 days all reported back pain of 6 or more. \
         Pain that persists deserves a visit to a physician or physical therapist."
            .into(),
    );
    h.app.set_errors(vec![
        "/home/u/.config/limberup/routines/bad.ron:3:5: expected a string".into(),
    ]);
    out.push(("picker_notice", h));
    let mut h = Harness::session();
    h.tick(2.5);
    out.push(("prepare", h));
    let mut h = Harness::session();
    h.tick(17.3);
    out.push(("hold", h));
    let mut h = Harness::session();
    h.tick(36.0);
    out.push(("switch", h));
    let mut h = Harness::session();
    h.tick(70.2);
    out.push(("rest", h));
    let mut h = Harness::session();
    h.tick(84.0).key(KeyCode::Enter).key(KeyCode::Enter);
    out.push(("counted", h));
    let mut h = Harness::session();
    h.tick(84.0).key(KeyCode::Char('n')).tick(107.6);
    out.push(("paced", h));
    let mut h = Harness::session();
    h.tick(48.0);
    out.push(("hold_last_side", h));
    let mut h = Harness::session();
    for _ in 0..3 {
        h.key(KeyCode::Char('n'));
    }
    h.tick(15.5);
    out.push(("sides_paced", h));
    let mut h = Harness::routine(&built_in("cool-down"));
    h.tick(20.0);
    out.push(("cool_down", h));
    let mut h = Harness::session();
    h.tick(17.3).key(KeyCode::Char(' ')).tick(40.0);
    out.push(("paused", h));
    let mut h = Harness::session();
    h.tick(17.3).key(KeyCode::Char('q'));
    out.push(("confirm_quit", h));
    let mut h = Harness::session();
    h.tick(17.3).key(KeyCode::Char('?'));
    out.push(("help", h));
    let mut h = Harness::session();
    h.tick(17.3).key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    out.push(("summary_check_in", h));
    let mut h = Harness::session();
    h.tick(17.3)
        .key(KeyCode::Char('q'))
        .key(KeyCode::Char('y'))
        .key(KeyCode::Char('4'));
    out.push(("summary_answered", h));
    out.push(("summary_completed", completed()));
    let mut h = Harness::picker();
    h.key(KeyCode::Char(' '))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char(' '));
    out.push(("picker_marked", h));
    let mut h = Harness::picker();
    h.app.offer_resume(resumable("warm-up", 2));
    out.push(("picker_resume", h));
    out.push(("session_next_part", next_part()));
    out
}

/// The built-in `id` (a routine or a combination) stopped at step `step`, to take up.
pub fn resumable(id: &str, step: usize) -> Resumable {
    let catalog = Catalog::load(None);
    let entry = catalog.find(id).unwrap().clone();
    let lineup = catalog.lineup(vec![entry]).unwrap();
    let options = PlanOptions::default();
    let plan = Plan::session(&lineup, &options);
    let state = ResumeState {
        step,
        ..ResumeState::new(SessionId::new(), &lineup, &options, wall())
    };
    Resumable {
        state,
        lineup,
        plan,
    }
}

/// Warm-up then cool-down marked in the picker and started, in the rest that leads from the
/// last step of the warm-up into the cool-down.
pub fn next_part() -> Harness {
    let (mut h, first_of_cool) = warm_up_then_cool_down();
    // Skip through the warm-up (a step at a time, no counting) to the part's transition.
    for _ in 0..first_of_cool {
        h.key(KeyCode::Char('n'));
    }
    h.tick(2.0);
    h
}

/// Warm-up then cool-down marked in the picker and started, with the index of the
/// cool-down's first step.
pub fn warm_up_then_cool_down() -> (Harness, usize) {
    let mut h = Harness::picker();
    h.key(KeyCode::Char(' '))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Enter);
    let plan = h.app.session().unwrap().plan();
    let first_of_cool = plan.steps.iter().position(|s| s.place.part == 1).unwrap();
    (h, first_of_cool)
}

/// A built-in routine by id.
pub fn built_in(id: &str) -> Entry {
    Catalog::load(None)
        .entries
        .into_iter()
        .find(|e| e.id == id)
        .unwrap()
}

/// The whole test routine followed to the end, counting every rep.
pub fn completed() -> Harness {
    let mut h = Harness::session();
    let mut t = 0.0;
    while h.app.session().is_some() {
        t += 0.5;
        h.tick(t);
        let counted = h.app.session().is_some_and(|s| {
            phase(&h) == Some(Phase::Work) && matches!(s.step().work, WorkPlan::Counted { .. })
        });
        if counted {
            h.key(KeyCode::Enter);
        }
    }
    h
}
