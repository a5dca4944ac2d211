//! Colours and emphasis: one colour per phase so the room can read the state at a glance,
//! never the only carrier of meaning (phase words are always drawn too). Mono = no colour.

use ratatui::style::{Color, Modifier, Style};

use super::figure::Ink;
use crate::config::Theme as Choice;
use crate::session::Phase;

/// What a part of the screen is showing, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Ready,
    Work,
    Switch,
    Rest,
    Paused,
}

impl Tone {
    pub(crate) fn of(phase: Phase, paused: bool) -> Tone {
        if paused {
            return Tone::Paused;
        }
        match phase {
            Phase::Prepare => Tone::Ready,
            Phase::Work => Tone::Work,
            Phase::Switch => Tone::Switch,
            Phase::Rest => Tone::Rest,
        }
    }
}

/// The theme in force: the config's choice, turned into Mono by `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    choice: Choice,
}

impl Theme {
    pub fn new(choice: Choice, no_color: bool) -> Theme {
        Theme {
            choice: if no_color { Choice::Mono } else { choice },
        }
    }

    /// The config's choice, honouring a non-empty `NO_COLOR` (<https://no-color.org>).
    pub(crate) fn from_env(choice: Choice) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(choice, no_color)
    }

    fn colour(&self, tone: Tone) -> Option<Color> {
        let bright = self.choice == Choice::HighContrast;
        let c = match (tone, bright) {
            (Tone::Ready, false) => Color::Yellow,
            (Tone::Ready, true) => Color::LightYellow,
            (Tone::Work, false) => Color::Green,
            (Tone::Work, true) => Color::LightGreen,
            (Tone::Switch, false) => Color::Magenta,
            (Tone::Switch, true) => Color::LightMagenta,
            (Tone::Rest, false) => Color::Cyan,
            (Tone::Rest, true) => Color::LightCyan,
            (Tone::Paused, false) => Color::Gray,
            (Tone::Paused, true) => Color::White,
        };
        (self.choice != Choice::Mono).then_some(c)
    }

    /// Foreground in the tone's colour: big digits, gauges, the breath cue.
    pub(crate) fn accent(&self, tone: Tone) -> Style {
        match self.colour(tone) {
            Some(c) => Style::new().fg(c).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// A band filled with the tone's colour, dark bold text on it (reversed in Mono).
    pub(crate) fn band(&self, tone: Tone) -> Style {
        match self.colour(tone) {
            Some(c) => Style::new()
                .bg(c)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// Headings and names.
    pub(crate) fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text; kept readable in HighContrast.
    pub(crate) fn dim(&self) -> Style {
        match self.choice {
            Choice::HighContrast => Style::new(),
            Choice::Default => Style::new().fg(Color::DarkGray),
            Choice::Mono => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// A key name in hints and help.
    pub(crate) fn key(&self) -> Style {
        match self.choice {
            Choice::Mono => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The selected row of a list.
    pub(crate) fn selected(&self) -> Style {
        match self.choice {
            Choice::Mono => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            _ => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Warnings (a failed save, a missing speech command) and health notices.
    pub(crate) fn warning(&self) -> Style {
        match self.choice {
            Choice::Mono => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The empty part of a bar.
    pub(crate) fn track(&self) -> Style {
        match self.choice {
            Choice::Mono => Style::new(),
            _ => Style::new().fg(Color::DarkGray),
        }
    }

    /// The colours of a move's figure: far limbs and the floor dimmer than the body.
    pub fn figure_ink(&self) -> Ink {
        let (body, far) = match self.choice {
            Choice::Mono => (Color::Reset, Color::Reset),
            Choice::Default => (Color::Reset, Color::DarkGray),
            Choice::HighContrast => (Color::White, Color::Gray),
        };
        Ink {
            body,
            far,
            floor: far,
        }
    }

    /// Everything behind an overlay.
    pub(crate) fn faded(&self) -> Style {
        match self.choice {
            Choice::Mono => Style::new().add_modifier(Modifier::DIM),
            _ => Style::new().fg(Color::DarkGray).bg(Color::Reset),
        }
    }
}
