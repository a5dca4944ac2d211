//! Keys -> actions, one table per mode. The handlers, the footer hints and the help overlay
//! all read these tables, so what the screen says a key does is what it does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the user asked for, independent of the key that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Ctrl-C: leave at once (a running session is saved as interrupted).
    Interrupt,
    /// Ctrl-Z: pause, hand the terminal back to the shell until `fg`.
    Suspend,
    Help,
    Quit,
    TogglePause,
    /// Count a rep, or start now during get-ready, switch and rest.
    Advance,
    /// End the pass as done: counted reps, an open step, a range past its lower bound.
    Done,
    /// Do the pass in progress once more, after it.
    Repeat,
    /// One more set of the step in progress.
    AddSet,
    Next,
    Previous,
    MoreTime,
    LessTime,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Filter,
    /// Picker: mark the routine (or unmark it) to run with the other marked ones.
    Mark,
    /// Picker: show the moves instead of the routines, or back.
    Shelf,
    Start,
    /// Leave filter typing, keeping the filter.
    FilterDone,
    /// Leave filter typing and clear the filter.
    FilterClear,
    FilterErase,
    Type(char),
    /// Summary: back to the routine list.
    Back,
    Score(u8),
    ScoreDown,
    ScoreUp,
    Answer,
    SkipCheckIn,
    Yes,
    No,
    Dismiss,
}

/// A key as the tables name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// Any of 0-9 (the action gets the digit).
    Digit,
}

/// One row of a table: the keys, what they do, and the footer hint if any.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub(crate) keys: &'static [Key],
    pub(crate) action: Action,
    /// The keys as the help overlay writes them.
    pub label: &'static str,
    pub help: &'static str,
    /// (keys, words) for the footer, when the binding earns a place there.
    pub(crate) hint: Option<(&'static str, &'static str)>,
}

/// Which table is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Picker,
    Filter,
    Notice,
    /// Over the picker: take up the session that ended part-way?
    Resume,
    Session,
    Confirm,
    Help,
    Summary,
    CheckIn,
}

const fn b(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        help,
        hint,
    }
}

use Action as A;
use Key::{Char as Ch, Code};
use KeyCode as C;

#[rustfmt::skip]
pub(crate) const GLOBAL: &[Binding] = &[
    b(&[Key::Ctrl('c')], A::Interrupt, "Ctrl-C", "quit at once, saving the session", None),
    b(&[Key::Ctrl('z')], A::Suspend, "Ctrl-Z", "pause and suspend (fg comes back)", None),
];

#[rustfmt::skip]
pub(crate) const SESSION: &[Binding] = &[
    b(&[Ch(' '), Ch('p')], A::TogglePause, "Space  p", "pause / resume", Some(("Space", "pause"))),
    b(&[Code(C::Enter)], A::Advance, "Enter", "count a rep; start now in get-ready, switch, rest", Some(("Enter", "start now"))),
    b(&[Ch('d')], A::Done, "d", "done: end counted reps without counting each, an open step, or a range past its lower bound", Some(("d", "done"))),
    b(&[Ch('n'), Code(C::Right)], A::Next, "n  →", "next step", Some(("n", "next"))),
    b(&[Ch('b'), Code(C::Left)], A::Previous, "b  ←", "restart the step (early on: the step before)", Some(("b", "back"))),
    b(&[Ch('r')], A::Repeat, "r", "do this pass once more, after it", None),
    b(&[Ch('s')], A::AddSet, "s", "one more set of this step", None),
    b(&[Ch('+'), Ch('=')], A::MoreTime, "+", "10 s more on a hold, rest or get-ready", Some(("+/-", "10 s"))),
    b(&[Ch('-')], A::LessTime, "-", "10 s less on a hold, rest or get-ready", None),
    b(&[Ch('?')], A::Help, "?", "this help", Some(("?", "help"))),
    b(&[Ch('q'), Code(C::Esc)], A::Quit, "q  Esc", "quit the session (asks first)", Some(("q", "quit"))),
];

#[rustfmt::skip]
pub(crate) const CONFIRM: &[Binding] = &[
    b(&[Ch('y'), Ch('Y')], A::Yes, "y", "yes, end the session", Some(("y", "yes, quit"))),
    b(&[Ch('n'), Ch('N'), Code(C::Esc), Ch('q')], A::No, "n  Esc", "no, go on", Some(("n", "no, go on"))),
];

#[rustfmt::skip]
pub(crate) const PICKER: &[Binding] = &[
    b(&[Code(C::Up), Ch('k')], A::Up, "↑  k", "move up", Some(("↑↓", "move"))),
    b(&[Code(C::Down), Ch('j')], A::Down, "↓  j", "move down", None),
    b(&[Code(C::PageUp)], A::PageUp, "PgUp", "page up", None),
    b(&[Code(C::PageDown)], A::PageDown, "PgDn", "page down", None),
    b(&[Code(C::Home), Ch('g')], A::First, "Home  g", "first routine", None),
    b(&[Code(C::End), Ch('G')], A::Last, "End  G", "last routine", None),
    b(&[Ch('/')], A::Filter, "/", "filter by name, id or kind", Some(("/", "filter"))),
    b(&[Code(C::Esc)], A::FilterClear, "Esc", "clear the filter; without one, quit", Some(("Esc", "clear filter"))),
    b(&[Code(C::Enter)], A::Start, "Enter", "start (the marked ones, in turn)", Some(("Enter", "start"))),
    b(&[Ch(' ')], A::Mark, "Space", "mark to run several as one session", Some(("Space", "mark"))),
    b(&[Ch('m')], A::Shelf, "m", "browse and try the moves", Some(("m", "moves"))),
    b(&[Ch('?')], A::Help, "?", "this help", Some(("?", "help"))),
    b(&[Ch('q')], A::Quit, "q", "quit", Some(("q", "quit"))),
];

#[rustfmt::skip]
pub(crate) const FILTER: &[Binding] = &[
    b(&[Code(C::Enter)], A::FilterDone, "Enter", "keep the filter, back to the list", Some(("Enter", "done"))),
    b(&[Code(C::Esc)], A::FilterClear, "Esc", "clear the filter", Some(("Esc", "clear"))),
    b(&[Code(C::Backspace)], A::FilterErase, "Backspace", "erase a letter", None),
    b(&[Code(C::Up)], A::Up, "↑", "move up", Some(("↑↓", "move"))),
    b(&[Code(C::Down)], A::Down, "↓", "move down", None),
];

#[rustfmt::skip]
pub const NOTICE: &[Binding] = &[
    b(&[Code(C::Enter), Code(C::Esc), Ch(' '), Ch('q')], A::Dismiss, "Enter  Esc", "close the notice", Some(("Enter", "OK"))),
];

#[rustfmt::skip]
pub const RESUME: &[Binding] = &[
    b(&[Ch('y'), Ch('Y'), Code(C::Enter)], A::Yes, "y  Enter", "yes, go on where it stopped", Some(("y", "resume"))),
    b(&[Ch('n'), Ch('N'), Code(C::Esc), Ch('q')], A::No, "n  Esc", "not now (`limberup resume` can later)", Some(("n", "not now"))),
];

#[rustfmt::skip]
pub const HELP: &[Binding] = &[
    b(&[Ch('?'), Code(C::Esc), Ch('q'), Code(C::Enter)], A::Dismiss, "?  Esc", "close the help", Some(("?", "close"))),
    b(&[Code(C::Up), Ch('k')], A::Up, "↑  k", "scroll up", Some(("↑↓", "scroll"))),
    b(&[Code(C::Down), Ch('j')], A::Down, "↓  j", "scroll down", None),
    b(&[Code(C::PageUp)], A::PageUp, "PgUp", "page up", None),
    b(&[Code(C::PageDown), Ch(' ')], A::PageDown, "PgDn  Space", "page down", None),
];

#[rustfmt::skip]
pub const SUMMARY: &[Binding] = &[
    b(&[Code(C::Enter)], A::Back, "Enter", "back to the routines", Some(("Enter", "routines"))),
    b(&[Ch('?')], A::Help, "?", "this help", Some(("?", "help"))),
    b(&[Ch('q'), Code(C::Esc)], A::Quit, "q  Esc", "quit", Some(("q", "quit"))),
];

#[rustfmt::skip]
pub const CHECK_IN: &[Binding] = &[
    b(&[Key::Digit], A::Score(0), "0-9", "answer with that number", Some(("0-9", "answer"))),
    b(&[Ch('t')], A::Score(10), "t", "answer 10", None),
    b(&[Code(C::Left), Ch('h')], A::ScoreDown, "←  h", "choose a lower number", Some(("←→", "choose"))),
    b(&[Code(C::Right), Ch('l')], A::ScoreUp, "→  l", "choose a higher number", None),
    b(&[Code(C::Enter)], A::Answer, "Enter", "answer with the chosen number", Some(("Enter", "answer"))),
    b(&[Ch('s'), Code(C::Esc)], A::SkipCheckIn, "s  Esc", "skip the check-in", Some(("s", "skip"))),
    b(&[Ch('?')], A::Help, "?", "this help", Some(("?", "help"))),
    b(&[Ch('q')], A::Quit, "q", "quit (skipping the check-in)", Some(("q", "quit"))),
];

/// The table of a mode (without the global keys).
pub(crate) fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Picker => PICKER,
        Mode::Filter => FILTER,
        Mode::Notice => NOTICE,
        Mode::Resume => RESUME,
        Mode::Session => SESSION,
        Mode::Confirm => CONFIRM,
        Mode::Help => HELP,
        Mode::Summary => SUMMARY,
        Mode::CheckIn => CHECK_IN,
    }
}

/// The action of a key press in `mode`; key releases and repeats never count (a counted rep
/// must not count twice).
pub(crate) fn action(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let found = GLOBAL.iter().chain(table(mode)).find_map(|binding| {
        binding
            .keys
            .iter()
            .find_map(|k| matches(*k, binding.action, event))
    });
    match (found, mode, event.code) {
        (None, Mode::Filter, KeyCode::Char(c)) if plain(event.modifiers) => Some(A::Type(c)),
        _ => found,
    }
}

/// Shift is part of the character (`+`, `G`, `?`), so only Ctrl and Alt make a key different.
fn plain(modifiers: KeyModifiers) -> bool {
    !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn matches(key: Key, action: Action, event: &KeyEvent) -> Option<Action> {
    let hit = match (key, event.code) {
        (Key::Char(k), KeyCode::Char(c)) => k == c && plain(event.modifiers),
        (Key::Code(k), code) => k == code && plain(event.modifiers),
        (Key::Ctrl(k), KeyCode::Char(c)) => {
            c.eq_ignore_ascii_case(&k) && event.modifiers.contains(KeyModifiers::CONTROL)
        }
        (Key::Digit, KeyCode::Char(c)) if plain(event.modifiers) => {
            return c.to_digit(10).map(|d| Action::Score(d as u8));
        }
        _ => false,
    };
    hit.then_some(action)
}

/// How long a footer hint holds on when the line is short of room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Keep {
    /// Goes first, from the end of the line.
    Normal,
    /// Reworded for the moment ("count rep", "resume"): it is what the screen is about.
    Now,
    /// The way to help or out: never goes (at worst it loses its words).
    Always,
}

/// A footer hint: the keys and what they do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hint {
    pub(crate) keys: &'static str,
    pub(crate) words: &'static str,
    pub(crate) keep: Keep,
}

/// The footer hints of a mode, in table order, with `adjust` allowed to drop (`None`) or
/// reword a hint for the moment (e.g. Enter is "count rep" during counted reps).
pub(crate) fn hints(
    mode: Mode,
    adjust: impl Fn(Action) -> Option<Option<&'static str>>,
) -> Vec<Hint> {
    table(mode)
        .iter()
        .filter_map(|b| {
            let (keys, words) = b.hint?;
            let (words, keep) = match adjust(b.action)? {
                _ if matches!(b.action, A::Help | A::Quit | A::Dismiss | A::Yes | A::No) => {
                    (words, Keep::Always)
                }
                Some(other) => (other, Keep::Now),
                None => (words, Keep::Normal),
            };
            Some(Hint { keys, words, keep })
        })
        .collect()
}

/// Sections of the help overlay: a title and its table.
pub const HELP_SECTIONS: [(&str, &[Binding]); 7] = [
    ("During a session", SESSION),
    ("Quit session?", CONFIRM),
    ("Routine list", PICKER),
    ("Filtering", FILTER),
    ("Summary", SUMMARY),
    ("Check-in", CHECK_IN),
    ("Everywhere", GLOBAL),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn session_keys_map_to_their_commands() {
        let cases = [
            (KeyCode::Char(' '), A::TogglePause),
            (KeyCode::Char('p'), A::TogglePause),
            (KeyCode::Enter, A::Advance),
            (KeyCode::Char('d'), A::Done),
            (KeyCode::Char('r'), A::Repeat),
            (KeyCode::Char('s'), A::AddSet),
            (KeyCode::Char('n'), A::Next),
            (KeyCode::Right, A::Next),
            (KeyCode::Char('b'), A::Previous),
            (KeyCode::Left, A::Previous),
            (KeyCode::Char('+'), A::MoreTime),
            (KeyCode::Char('-'), A::LessTime),
            (KeyCode::Char('?'), A::Help),
            (KeyCode::Char('q'), A::Quit),
            (KeyCode::Esc, A::Quit),
        ];
        for (code, want) in cases {
            assert_eq!(
                action(Mode::Session, &key(code, KeyModifiers::NONE)),
                Some(want),
                "{code:?}"
            );
        }
        let shifted_plus = key(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(action(Mode::Session, &shifted_plus), Some(A::MoreTime));
    }

    #[test]
    fn control_keys_win_everywhere_and_are_not_letters() {
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let ctrl_z = key(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for mode in [
            Mode::Picker,
            Mode::Filter,
            Mode::Session,
            Mode::Summary,
            Mode::CheckIn,
        ] {
            assert_eq!(action(mode, &ctrl_c), Some(A::Interrupt));
            assert_eq!(action(mode, &ctrl_z), Some(A::Suspend));
        }
        let ctrl_p = key(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(action(Mode::Session, &ctrl_p), None);
    }

    #[test]
    fn only_presses_count() {
        let mut release = key(KeyCode::Enter, KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action(Mode::Session, &release), None);
        release.kind = KeyEventKind::Repeat;
        assert_eq!(action(Mode::Session, &release), None);
    }

    #[test]
    fn filter_typing_takes_letters_the_list_would_use() {
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action(Mode::Picker, &j), Some(A::Down));
        assert_eq!(action(Mode::Filter, &j), Some(A::Type('j')));
        assert_eq!(
            action(Mode::Filter, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(A::Type('q'))
        );
    }

    #[test]
    fn check_in_digits_answer_directly() {
        let seven = key(KeyCode::Char('7'), KeyModifiers::NONE);
        assert_eq!(action(Mode::CheckIn, &seven), Some(A::Score(7)));
        let t = key(KeyCode::Char('t'), KeyModifiers::NONE);
        assert_eq!(action(Mode::CheckIn, &t), Some(A::Score(10)));
    }

    #[test]
    fn every_hint_names_a_key_of_its_binding() {
        for mode in [
            Mode::Picker,
            Mode::Filter,
            Mode::Session,
            Mode::Summary,
            Mode::CheckIn,
            Mode::Confirm,
        ] {
            for hint in hints(mode, |_| Some(None)) {
                assert!(!hint.keys.is_empty());
            }
        }
        let hidden = hints(Mode::Session, |a| (a != A::Advance).then_some(None));
        assert!(hidden.iter().all(|h| h.keys != "Enter"));
        let reworded = hints(Mode::Session, |a| {
            Some((a == A::Advance).then_some("count rep"))
        });
        assert!(
            reworded
                .iter()
                .any(|h| (h.keys, h.words) == ("Enter", "count rep"))
        );
        let kept: Vec<_> = reworded.iter().map(|h| (h.keys, h.keep)).collect();
        assert_eq!(
            kept,
            [
                ("Space", Keep::Normal),
                ("Enter", Keep::Now),
                ("d", Keep::Normal),
                ("n", Keep::Normal),
                ("b", Keep::Normal),
                ("+/-", Keep::Normal),
                ("?", Keep::Always),
                ("q", Keep::Always),
            ]
        );
    }
}
