//! The coach's behaviour without a terminal: keys in, machine commands, screens and effects
//! (cues, saves, exit codes) out, on a fixed clock.

mod tui_support;

use limberup::config::Theme as Choice;
use limberup::cues::{Cue, Speech};
use limberup::session::{Outcome, Phase, StepStatus};
use limberup::sound::{Priority, Sound};
use limberup::tui::{CheckIn, Effect, Options, Theme};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_support::{Harness, entry, options, phase};

fn with(f: impl FnOnce(&mut Options)) -> Harness {
    let mut o = options(Theme::new(Choice::Default, false));
    f(&mut o);
    let mut h = Harness::with(o);
    h.app.start(&entry(), h.t(0.0));
    h.app.take_effects();
    h
}

fn saves(effects: &[Effect]) -> Vec<&limberup::session::SessionRecord> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(r) => Some(r.as_ref()),
            _ => None,
        })
        .collect()
}

/// The sounds among `effects`.
fn sounds(effects: &[Effect]) -> Vec<Sound> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Cue(cue) => cue.sound,
            _ => None,
        })
        .collect()
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn quitting_asks_first_pausing_meanwhile() {
    let mut h = with(|_| {});
    h.tick(10.0).key(KeyCode::Char('q'));
    assert!(h.app.session().unwrap().is_paused());
    h.tick(20.0).key(KeyCode::Char('n'));
    let session = h.app.session().expect("still running");
    assert!(!session.is_paused());
    h.key(KeyCode::Esc).key(KeyCode::Char('y'));
    let summary = h.app.summary().expect("the summary");
    assert_eq!(summary.record().outcome, Outcome::Quit);
}

#[test]
fn a_paused_session_stays_paused_after_no() {
    let mut h = with(|_| {});
    h.tick(10.0)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char('q'))
        .key(KeyCode::Char('n'));
    assert!(h.app.session().unwrap().is_paused());
}

#[test]
fn help_pauses_the_session_while_open_and_closing_it_goes_on() {
    let mut h = with(|_| {});
    let left = |h: &tui_support::Harness| {
        let session = h.app.session().unwrap();
        session.view(h.t(h.now)).remaining_secs
    };
    h.tick(10.0);
    let before = left(&h);
    h.key(KeyCode::Char('?'));
    assert!(h.app.session().unwrap().is_paused());
    h.tick(60.0);
    assert_eq!(left(&h), before, "the hold waits while help is open");
    for close in [KeyCode::Char('?'), KeyCode::Esc] {
        h.key(close);
        assert!(!h.app.session().unwrap().is_paused(), "{close:?} resumes");
        h.key(KeyCode::Char('?'));
    }
    // Help over a session the user had paused leaves it paused.
    h.key(KeyCode::Esc)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char('?'));
    h.key(KeyCode::Esc);
    assert!(h.app.session().unwrap().is_paused());
}

#[test]
fn without_confirm_quit_q_ends_at_once() {
    let mut h = with(|o| o.confirm_quit = false);
    h.tick(10.0).key(KeyCode::Char('q'));
    assert_eq!(h.app.summary().unwrap().record().outcome, Outcome::Quit);
}

fn answers(effects: &[Effect]) -> Vec<&limberup::checkin::Answer> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveCheckIn(a) => Some(a),
            _ => None,
        })
        .collect()
}

#[test]
fn the_record_is_saved_when_the_session_ends_and_the_answer_after_it() {
    let mut h = with(|_| {});
    h.tick(10.0).key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    // Saved now: the question may wait forever, and a kill meanwhile must lose nothing.
    let effects = h.app.take_effects();
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].check_in, None);
    let id = saved[0].id.clone().expect("an id to refer to");
    // Enter with nothing chosen records nothing; arrows choose, Enter answers.
    h.key(KeyCode::Enter);
    assert_eq!(h.app.summary().unwrap().check_in(), CheckIn::Asking(None));
    assert!(h.app.take_effects().is_empty());
    h.key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Enter);
    let effects = h.app.take_effects();
    assert!(saves(&effects).is_empty(), "the record only once");
    let answered = answers(&effects);
    assert_eq!(answered.len(), 1);
    assert_eq!((&answered[0].session, answered[0].score), (&id, 1));
    h.key(KeyCode::Enter);
    assert!(
        h.app.session().is_none() && h.app.summary().is_none(),
        "back on the picker"
    );
    assert!(h.app.take_effects().is_empty());
    h.key(KeyCode::Char('q'));
    assert_eq!(h.app.exit(), Some(0));
}

#[test]
fn without_check_in_the_record_is_saved_when_the_session_ends() {
    let mut h = with(|o| o.check_in = false);
    h.tick(10.0).key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    assert_eq!(saves(&h.app.take_effects()).len(), 1);
    h.key(KeyCode::Char('q'));
    assert!(saves(&h.app.take_effects()).is_empty());
    assert_eq!(h.app.exit(), Some(0));
}

#[test]
fn leaving_the_summary_unanswered_still_saves() {
    let mut h = with(|_| {});
    h.tick(10.0)
        .key(KeyCode::Char('q'))
        .key(KeyCode::Char('y'))
        .key(KeyCode::Char('q'));
    let effects = h.app.take_effects();
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(saves(&effects)[0].check_in, None);
    assert_eq!(h.app.exit(), Some(0));
}

#[test]
fn ctrl_c_and_signals_save_an_interrupted_session_and_set_the_exit_code() {
    let mut h = with(|_| {});
    h.tick(10.0);
    h.app.key(&ctrl('c'), h.t(10.0));
    let effects = h.app.take_effects();
    assert_eq!(saves(&effects)[0].outcome, Outcome::Interrupted);
    assert_eq!(h.app.exit(), Some(130));

    for (signal, code) in [(15, 143), (1, 129), (2, 130)] {
        let mut h = with(|_| {});
        h.tick(10.0);
        h.app.signal(signal, h.t(10.0));
        assert_eq!(saves(&h.app.take_effects()).len(), 1);
        assert_eq!(h.app.exit(), Some(code));
    }
}

#[test]
fn a_signal_on_the_summary_finds_the_record_saved_already() {
    let mut h = with(|_| {});
    h.tick(10.0).key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    let effects = h.app.take_effects();
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(saves(&effects)[0].outcome, Outcome::Quit);
    h.app.signal(15, h.t(11.0));
    assert!(saves(&h.app.take_effects()).is_empty(), "saved once");
    assert_eq!(h.app.exit(), Some(143));
}

#[test]
fn ctrl_z_pauses_then_suspends() {
    let mut h = with(|_| {});
    h.tick(10.0);
    h.app.key(&ctrl('z'), h.t(10.0));
    assert!(h.app.session().unwrap().is_paused());
    assert!(h.app.take_effects().contains(&Effect::Suspend));
}

#[test]
fn a_sound_at_each_change_halfway_and_the_end() {
    let mut h = with(|_| {});
    h.tick(2.1);
    assert_eq!(
        sounds(&h.app.take_effects()),
        [Sound::Countdown],
        "3 s left"
    );
    h.tick(5.1);
    assert_eq!(
        h.app.take_effects(),
        [Effect::Cue(Cue {
            sound: Some(Sound::Go),
            speech: None,
        })],
        "the hold began"
    );
    h.tick(17.3);
    h.app.take_effects();
    h.tick(20.1);
    assert_eq!(sounds(&h.app.take_effects()), [Sound::Halfway]);
    h.tick(35.1);
    assert_eq!(sounds(&h.app.take_effects()), [Sound::SwitchSides]);
    let mut done = tui_support::completed();
    assert_eq!(sounds(&done.app.take_effects()), [Sound::Finished]);
}

#[test]
fn cues_due_together_are_one_cue_the_most_important_sound_and_the_last_words() {
    let mut h = with(|o| o.speech = true);
    // 3 s left of the get-ready, and a skip at that same moment: one cue, not a pip and
    // a start sound on top of each other.
    h.tick(2.1).key(KeyCode::Char('n'));
    let effects = h.app.take_effects();
    assert_eq!(effects.len(), 1, "{effects:?}");
    let Effect::Cue(cue) = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_ne!(cue.sound, Some(Sound::Countdown), "{cue:?}");
    assert!(cue.sound.is_some() && cue.speech.is_some(), "{cue:?}");
}

#[test]
fn quiet_means_no_sounds() {
    let mut h = with(|o| o.sound = false);
    for t in 1..200 {
        h.tick(f64::from(t));
        let effects = h.app.take_effects();
        assert_eq!(sounds(&effects), [], "{effects:?}");
    }
}

#[test]
fn speech_says_each_phase() {
    let mut h = with(|o| o.speech = true);
    h.tick(5.1);
    let effects = h.app.take_effects();
    let left = Speech {
        text: "Left".into(),
        priority: Priority::Name,
    };
    assert!(
        effects.contains(&Effect::Cue(Cue {
            sound: Some(Sound::Go),
            speech: Some(left)
        })),
        "{effects:?}"
    );
}

#[test]
fn key_releases_never_count_a_rep() {
    let mut h = with(|_| {});
    h.tick(84.0);
    let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    h.app.key(&release, h.t(84.0));
    assert_eq!(h.app.session().unwrap().counted(), 0);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.session().unwrap().counted(), 1);
}

#[test]
fn time_keys_lengthen_and_shorten_a_hold() {
    let mut h = with(|_| {});
    h.tick(10.0);
    let left = |h: &Harness| h.app.session().unwrap().view(h.t(h.now)).remaining_secs;
    assert_eq!(left(&h), Some(25));
    h.key(KeyCode::Char('+'));
    assert_eq!(left(&h), Some(35));
    h.key(KeyCode::Char('-')).key(KeyCode::Char('-'));
    assert_eq!(left(&h), Some(15));
}

#[test]
fn next_and_back_move_between_steps() {
    let mut h = with(|_| {});
    h.tick(10.0).key(KeyCode::Right);
    assert_eq!(h.app.session().unwrap().step_index(), 1);
    h.key(KeyCode::Char('b'));
    assert_eq!(
        h.app.session().unwrap().step_index(),
        0,
        "back a step in its first seconds"
    );
    assert_eq!(phase(&h), Some(Phase::Prepare));
}

#[test]
fn the_picker_starts_what_the_filter_selects() {
    let mut h = Harness::picker();
    for c in "/core".chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter).key(KeyCode::Enter);
    assert_eq!(h.app.session().unwrap().plan().id, "core");
}

#[test]
fn the_notice_is_dismissed_before_the_list_takes_keys() {
    let mut h = Harness::picker();
    h.app.set_notice("See a physician.".into());
    h.key(KeyCode::Char('j')).key(KeyCode::Enter);
    assert!(
        h.app.session().is_none(),
        "Enter closed the notice, it did not start"
    );
    h.key(KeyCode::Char('j')).key(KeyCode::Enter);
    assert_eq!(h.app.session().unwrap().plan().id, "cool-down");
}

#[test]
fn a_session_started_under_the_notice_waits_paused_until_it_is_read() {
    let mut h = Harness::picker();
    h.app.set_notice("See a physician.".into());
    h.app.start(&entry(), h.t(0.0));
    let session = h.app.session().unwrap();
    assert!(
        session.is_paused(),
        "the clock must not run while the notice is up"
    );
    let before = session.view(h.t(0.0)).remaining;
    h.tick(30.0);
    assert_eq!(h.app.session().unwrap().view(h.t(30.0)).remaining, before);
    h.key(KeyCode::Enter);
    let session = h.app.session().unwrap();
    assert!(!session.is_paused(), "closing the notice starts the clock");
    assert_eq!(session.view(h.t(30.0)).remaining, before);
}

#[test]
fn marked_routines_start_in_the_order_marked_as_one_session() {
    let mut h = Harness::picker();
    // Cool-down marked first, then warm-up; core marked and unmarked again.
    h.key(KeyCode::Char('j'))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char('k'))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Enter);
    let plan = h.app.session().unwrap().plan();
    assert_eq!(plan.id, "cool-down+warm-up");
    let parts: Vec<&str> = plan.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parts, ["cool-down", "warm-up"]);
}

#[test]
fn the_ready_made_session_runs_its_three_parts() {
    let mut h = Harness::picker();
    h.key(KeyCode::Char('G')).key(KeyCode::Enter);
    let plan = h.app.session().unwrap().plan();
    assert_eq!(plan.id, "full-session");
    let parts: Vec<&str> = plan.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parts, ["warm-up", "workout", "cool-down"]);
}

#[test]
fn the_picker_asks_to_resume_and_yes_takes_up_the_step() {
    let mut h = Harness::picker();
    let offer = tui_support::resumable("warm-up", 2);
    let first = offer.state.session.clone();
    h.app.offer_resume(offer);
    assert_eq!(
        h.app.resume_question().as_deref(),
        Some("Resume Warm-up at step 3 of 4?")
    );
    // The list takes no keys under the question.
    h.key(KeyCode::Char('j')).key(KeyCode::Char('y'));
    let session = h.app.session().unwrap();
    assert_eq!(
        (session.plan().id.as_str(), session.step_index()),
        ("warm-up", 2)
    );
    h.key(KeyCode::Char('q')).key(KeyCode::Char('y'));
    let effects = h.app.take_effects();
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].resumes, Some(first));
    assert_eq!(saved[0].from_step, 3);
    assert_eq!(saved[0].steps.len(), 2);
}

/// Issue 16: a session quit (the check-in asked then) and taken up shows all of it at
/// its end, and asks the check-in no more.
#[test]
fn a_session_taken_up_shows_all_of_it_and_asks_no_second_check_in() {
    let mut h = Harness::picker();
    let mut offer = tui_support::resumable("warm-up", 2);
    offer.state.earlier.steps = "ds".into();
    offer.state.earlier.active_secs = 40.0;
    offer.state.earlier.asked = true;
    h.app.offer_resume(offer);
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('n')).key(KeyCode::Char('n'));
    let summary = h.app.summary().expect("the summary");
    assert_eq!(summary.check_in(), CheckIn::Off);
    let shown = summary.shown();
    let statuses: Vec<StepStatus> = shown.steps.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            StepStatus::Done,
            StepStatus::Skipped,
            StepStatus::Skipped,
            StepStatus::Skipped
        ]
    );
    assert_eq!(shown.active_secs, 40.0 + summary.record().active_secs);
    // What is saved is this part's record only: the history adds the parts up.
    assert_eq!(summary.record().steps.len(), 2);
}

#[test]
fn no_leaves_the_picker_as_it_was() {
    let mut h = Harness::picker();
    h.app.offer_resume(tui_support::resumable("warm-up", 2));
    h.key(KeyCode::Char('n'));
    assert!(h.app.resume_question().is_none());
    h.key(KeyCode::Enter);
    let session = h.app.session().unwrap();
    assert_eq!(
        (session.plan().id.as_str(), session.step_index()),
        ("warm-up", 0)
    );
}
