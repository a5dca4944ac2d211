//! The summary after a session: steps done and skipped, active and total time, and the
//! optional back check-in with its advice. The record is handed out for saving exactly once,
//! when the session ends; the answer, once, when given.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::theme::{Theme, Tone};
use crate::checkin;
use crate::clock::clock;
use crate::session::{Outcome, SessionRecord, StepStatus};
use crate::text::wrap;

/// Where the check-in stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckIn {
    Off,
    /// Asking; the number the arrows have chosen, none at first so a stray Enter records
    /// nothing.
    Asking(Option<u8>),
    Answered(u8),
    Skipped,
}

pub struct Summary {
    /// This part's record, to save.
    record: SessionRecord,
    /// What is shown: all of the session, a resumed one's earlier parts included.
    shown: Option<SessionRecord>,
    check_in: CheckIn,
    saved: bool,
    answer_saved: bool,
    /// What the next session of each progressing routine does and why.
    next: Vec<String>,
}

impl Summary {
    pub(crate) fn new(record: SessionRecord, ask: bool) -> Summary {
        Summary {
            record,
            shown: None,
            check_in: if ask {
                CheckIn::Asking(None)
            } else {
                CheckIn::Off
            },
            saved: false,
            answer_saved: false,
            next: Vec::new(),
        }
    }

    /// Shows `whole` (the session with its earlier parts) instead of the record saved.
    pub(crate) fn showing(self, whole: SessionRecord) -> Summary {
        Summary {
            shown: Some(whole),
            ..self
        }
    }

    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    pub(crate) fn set_next(&mut self, lines: Vec<String>) {
        self.next = lines;
    }

    /// All of the session, as the summary shows it.
    pub fn shown(&self) -> &SessionRecord {
        self.shown.as_ref().unwrap_or(&self.record)
    }

    pub fn check_in(&self) -> CheckIn {
        self.check_in
    }

    pub(crate) fn asking(&self) -> bool {
        matches!(self.check_in, CheckIn::Asking(_))
    }

    pub(crate) fn answer(&mut self, score: u8) {
        if self.asking() {
            let score = score.min(10);
            self.record.check_in = Some(score);
            self.check_in = CheckIn::Answered(score);
        }
    }

    pub(crate) fn skip(&mut self) {
        if self.asking() {
            self.check_in = CheckIn::Skipped;
        }
    }

    /// Moves the chosen number by `delta`, within 0..=10.
    pub(crate) fn choose(&mut self, delta: i8) {
        if let CheckIn::Asking(n) = self.check_in {
            let next = match n {
                None if delta < 0 => 10,
                None => 0,
                Some(n) => n.saturating_add_signed(delta).min(10),
            };
            self.check_in = CheckIn::Asking(Some(next));
        }
    }

    /// The chosen number while asking.
    pub(crate) fn chosen(&self) -> Option<u8> {
        match self.check_in {
            CheckIn::Asking(n) => n,
            _ => None,
        }
    }

    /// The answer to save (about this record's session, given `at`), the first time only.
    pub(crate) fn take_answer(&mut self, at: DateTime<FixedOffset>) -> Option<checkin::Answer> {
        let CheckIn::Answered(score) = self.check_in else {
            return None;
        };
        let session = self.record.id.clone().filter(|_| !self.answer_saved)?;
        self.answer_saved = true;
        Some(checkin::Answer { session, score, at })
    }

    /// The record to save, the first time only; `None` once handed out.
    pub(crate) fn take_unsaved(&mut self) -> Option<SessionRecord> {
        (!self.saved).then(|| {
            self.saved = true;
            self.record.clone()
        })
    }

    pub(crate) fn draw(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.is_empty() {
            return;
        }
        let r = self.shown();
        let (headline, tone) = match r.outcome {
            Outcome::Completed => ("DONE", Tone::Work),
            Outcome::Quit | Outcome::Interrupted => ("ENDED", Tone::Paused),
        };
        let mut y = area.y;
        if area.height >= 22 && area.width >= 24 {
            let half = headline.len() as u16 * 8 <= area.width;
            let big = BigText::builder()
                .pixel_size(if half {
                    PixelSize::HalfHeight
                } else {
                    PixelSize::Quadrant
                })
                .style(theme.accent(tone))
                .lines(vec![headline.into()])
                .centered()
                .build();
            big.render(Rect::new(area.x, y + 1, area.width, 4), buf);
            y += 6;
        }
        let width = usize::from(area.width.saturating_sub(2));
        let outcome = match r.outcome {
            Outcome::Completed => "completed",
            Outcome::Quit => "ended early",
            Outcome::Interrupted => "interrupted",
        };
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!(" {}", r.routine_name), theme.strong()),
                Span::styled(format!(" · {outcome}"), theme.accent(tone)),
            ]),
            Line::raw(""),
        ];
        let total = r.active_secs + r.paused_secs;
        let secs = |s: f64| clock(std::time::Duration::from_secs_f64(s.max(0.0)));
        // A step stopped part-way only happens when the session ends early: said only then,
        // on the same row, so the rows below keep their room on a small screen.
        let stopped = match r.count(StepStatus::Stopped) {
            0 => String::new(),
            n => format!(", {n} stopped"),
        };
        let mut facts = vec![
            (
                "Steps done",
                format!(
                    "{} of {}{stopped}",
                    r.count(StepStatus::Done),
                    r.steps.len()
                ),
            ),
            ("Skipped", r.count(StepStatus::Skipped).to_string()),
            ("Active time", secs(r.active_secs)),
            (
                "Total time",
                format!("{} ({} paused)", secs(total), secs(r.paused_secs)),
            ),
        ];
        if r.reps() > 0 {
            facts.insert(2, ("Reps", r.reps().to_string()));
        }
        for (name, value) in facts {
            lines.push(Line::from(vec![
                Span::styled(format!(" {name:<12}"), theme.dim()),
                Span::styled(value, theme.strong()),
            ]));
        }
        lines.push(Line::raw(""));
        match self.check_in {
            CheckIn::Asking(chosen) => {
                for l in wrap(checkin::QUESTION, width) {
                    lines.push(Line::styled(format!(" {l}"), theme.strong()));
                }
                lines.push(scale_line(chosen, theme));
            }
            CheckIn::Answered(score) => {
                lines.push(Line::from(vec![
                    Span::styled(" Check-in: ", theme.dim()),
                    Span::styled(format!("{score} of 10"), theme.strong()),
                ]));
                for l in wrap(checkin::advice(score), width) {
                    lines.push(Line::raw(format!(" {l}")));
                }
            }
            CheckIn::Off | CheckIn::Skipped => {}
        }
        // Once the check-in is answered or skipped: the answer may change the next session.
        for next in self.next.iter().filter(|_| !self.asking()) {
            lines.push(Line::raw(""));
            for l in wrap(&format!("Next: {next}"), width) {
                lines.push(Line::raw(format!(" {l}")));
            }
        }
        let room = area.height.saturating_sub(y - area.y);
        let steps_fit = lines.len() + 1 + r.steps.len() <= usize::from(room);
        if steps_fit {
            lines.push(Line::raw(""));
            for step in &r.steps {
                let (mark, note) = match step.status {
                    StepStatus::Done => ("✓", ""),
                    StepStatus::Skipped => ("↷", " (skipped)"),
                    StepStatus::Stopped => ("■", " (stopped)"),
                    StepStatus::NotReached => ("·", " (not reached)"),
                };
                // A circuit lists each step once per round.
                let round = match step.round {
                    1 => String::new(),
                    n => format!(" · round {n}"),
                };
                lines.push(Line::from(vec![
                    Span::raw(format!(" {mark} ")),
                    Span::raw(step.name.clone()),
                    Span::styled(format!("{round}{note}"), theme.dim()),
                ]));
            }
        }
        Paragraph::new(lines).render(Rect::new(area.x, y, area.width, room), buf);
    }
}

/// `0 1 2 … 10` with the chosen number marked in brackets (not by colour alone).
fn scale_line(chosen: Option<u8>, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for n in 0..=10u8 {
        if Some(n) == chosen {
            spans.push(Span::styled(format!("[{n}]"), theme.selected()));
        } else {
            spans.push(Span::raw(format!(" {n} ")));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SessionId;

    fn t() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-01-02T07:00:00+01:00").unwrap()
    }

    fn record() -> SessionRecord {
        let t = t();
        SessionRecord {
            id: Some(SessionId("s1".into())),
            routine_id: "x".into(),
            routine_name: "X".into(),
            started_at: t,
            ended_at: t,
            outcome: Outcome::Completed,
            active_secs: 60.0,
            paused_secs: 0.0,
            planned_secs: 60.0,
            parts: Vec::new(),
            levels: Vec::new(),
            resumes: None,
            from_step: 1,
            steps: Vec::new(),
            check_in: None,
            trimmed: false,
        }
    }

    #[test]
    fn the_record_and_the_answer_are_each_handed_out_once() {
        let mut s = Summary::new(record(), true);
        assert_eq!(s.take_unsaved(), Some(record()), "before the answer");
        assert!(s.take_answer(t()).is_none(), "not answered yet");
        assert_eq!(s.chosen(), None);
        s.choose(1);
        assert_eq!(s.chosen(), Some(0));
        s.choose(20);
        assert_eq!(s.chosen(), Some(10));
        s.answer(4);
        assert_eq!(s.check_in(), CheckIn::Answered(4));
        let answer = s.take_answer(t()).unwrap();
        assert_eq!(answer.session, SessionId("s1".into()));
        assert_eq!((answer.score, answer.at), (4, t()));
        assert!(s.take_answer(t()).is_none());
        assert!(s.take_unsaved().is_none());
        s.answer(7);
        assert_eq!(s.record().check_in, Some(4));
    }

    #[test]
    fn skipping_leaves_no_check_in() {
        let mut s = Summary::new(record(), true);
        s.skip();
        assert_eq!(s.check_in(), CheckIn::Skipped);
        assert_eq!(s.take_unsaved().unwrap().check_in, None);
        assert!(s.take_answer(t()).is_none());
    }
}
