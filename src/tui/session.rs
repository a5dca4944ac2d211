//! The session screen: where the user is (step k of n, overall progress), the phase in a
//! coloured band and in words, the countdown or rep count in big digits, the breath cue,
//! the form cues and what comes next. Everything comes from `View`; nothing here counts time.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use tui_big_text::{BigText, PixelSize};

use super::bigdigits::BigDigits;
use super::keymap::{Action, Mode, hints as table_hints};
use super::picker::{seconds, work_text};
use super::theme::{Theme, Tone, phase_word};
use super::widgets::{bar, countdown, ellipsize, wrap};
use crate::clock::clock;
use crate::session::{Phase, StepPlan, View, WorkPlan, ceil_secs};

/// Below this the full layout cannot hold; a compact text view takes over.
const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 7;

fn tone(view: &View) -> Tone {
    view.phase
        .map_or(Tone::Paused, |p| Tone::of(p, view.paused))
}

fn holds(step: &StepPlan) -> bool {
    matches!(step.work, WorkPlan::Hold(_))
}

/// The phase in words, e.g. `HOLD` or `PAUSED · REST`.
fn word(view: &View) -> String {
    let phase = match view.phase {
        _ if view.stopwatch.is_some() => "STOPWATCH",
        Some(p) => phase_word(p, holds(view.step)),
        None => "DONE",
    };
    if view.paused {
        format!("PAUSED · {phase}")
    } else {
        phase.to_string()
    }
}

/// What the band says after the phase word.
fn subject(view: &View) -> String {
    let set = match view.set {
        Some((k, n)) => format!(" · set {} of {n}", k + 1),
        None => String::new(),
    };
    // A rest leads into its step, or into the step's next set.
    if view.phase == Some(Phase::Rest) {
        return match view.pass {
            Some((_, _, label)) => format!("next: {} · {label}{set}", view.step.name),
            None => format!("next: {}{set}", view.step.name),
        };
    }
    match view.pass {
        Some((i, n, label)) if view.phase == Some(Phase::Switch) => {
            format!("{} → {label} ({} of {n}){set}", view.step.name, i + 1)
        }
        Some((i, n, label)) => format!("{} · {label} ({} of {n}){set}", view.step.name, i + 1),
        None => format!("{}{set}", view.step.name),
    }
}

/// The big figure: reps during rep work, otherwise the seconds left.
pub fn figure(view: &View) -> String {
    match (&view.reps, view.remaining_secs, view.stopwatch) {
        (Some(r), _, _) => format!("{}/{}", r.current, r.count),
        (None, Some(secs), _) => countdown(secs),
        // An open step counts up.
        (None, None, Some(watch)) => clock(Duration::from_secs(watch.elapsed.as_secs())),
        (None, None, None) => String::new(),
    }
}

/// The short form of a breath cue: `Exhale` of "Exhale: round up", in capitals.
fn short_cue(label: &str) -> String {
    label
        .split(':')
        .next()
        .unwrap_or(label)
        .trim()
        .to_uppercase()
}

/// The breath cue's short form, drawn large over the rep count (during paced reps that is
/// what the user follows), with the letter size it gets: the same for every cue of the step
/// so the screen does not jump between inhale and exhale.
fn breath_word(view: &View, width: u16) -> Option<(String, PixelSize)> {
    let word = short_cue(view.reps.as_ref()?.label?);
    let WorkPlan::Paced { phases, .. } = &view.step.work else {
        return None;
    };
    let longest = phases.iter().map(|p| short_cue(p).chars().count()).max()?;
    let size = [(PixelSize::HalfHeight, 8), (PixelSize::Quadrant, 4)]
        .into_iter()
        .find(|(_, cols)| longest * cols <= usize::from(width))?;
    (!word.is_empty()).then_some((word, size.0))
}

/// The line under the figure: the breath cue, or what the figure means; once a range's
/// lower bound is reached, that it may end there.
fn caption(view: &View) -> String {
    if let Some(r) = view.range.filter(|r| r.reached) {
        let unit = if r.secs { " s" } else { "" };
        let how = if view.reps.as_ref().is_some_and(|reps| !reps.paced) {
            "d when done"
        } else {
            "Enter to move on"
        };
        return format!(
            "{}{unit} done: keep going to {}{unit}, {how}",
            r.least, r.most
        );
    }
    match (view.phase, &view.reps) {
        (Some(Phase::Work), Some(r)) if r.paced => match (r.label, &view.step.work) {
            (Some(label), _) => label.to_string(),
            (None, WorkPlan::Paced { tempo, .. }) => format!("one rep every {}", seconds(*tempo)),
            (None, _) => format!("rep {} of {}", r.current, r.count),
        },
        (Some(Phase::Work), Some(_)) => "press Enter per rep".to_string(),
        (Some(Phase::Work), None) => match view.stopwatch {
            Some(watch) => match watch.next_reminder {
                Some(next) => format!(
                    "Enter when done · next reminder in {}",
                    clock(Duration::from_secs(ceil_secs(next)))
                ),
                None => "Enter when done".to_string(),
            },
            None => "seconds left".to_string(),
        },
        (Some(Phase::Prepare), _) => "get ready · Enter starts now".to_string(),
        (Some(Phase::Switch), _) => match view.pass {
            Some((_, _, label)) => format!("switch to: {label}"),
            None => "switch".to_string(),
        },
        (Some(Phase::Rest), _) => "rest · Enter starts now".to_string(),
        (None, _) => String::new(),
    }
}

/// Time left as words, for the gauge and the paused overlay.
pub fn left_text(view: &View) -> String {
    match (&view.reps, view.remaining) {
        (Some(r), None) => format!("{} of {} reps", r.current, r.count),
        (_, Some(left)) => format!("{} left", clock(Duration::from_secs(ceil_secs(left)))),
        (None, None) => String::new(),
    }
}

/// The footer hints for this moment: Enter and +/- only where they do something.
pub fn hints(view: &View) -> Vec<(&'static str, &'static str)> {
    let allowed = view.allowed;
    table_hints(Mode::Session, |action| match action {
        Action::TogglePause if view.paused => Some(Some("resume")),
        Action::Done => allowed.done.then_some(None),
        Action::Advance => allowed.advance.map(|a| Some(a.words())),
        Action::MoreTime => allowed.add_time.then_some(None),
        _ => Some(None),
    })
}

/// Rows given to each part of the full layout.
#[derive(Debug, Default, Clone, Copy)]
struct Rows {
    progress: u16,
    gap: u16,
    band: u16,
    big: u16,
    cues: u16,
    next: u16,
}

fn allot(height: u16, cue_lines: u16) -> Rows {
    // Always: header, band, big (>= 3), caption, gauge.
    let mut rows = Rows {
        band: 1,
        ..Rows::default()
    };
    let fixed = |r: &Rows| 3 + r.progress + r.gap + r.band + r.cues + r.next;
    let target = (height * 11 / 20).max(3);
    let fits = |r: &Rows| height >= fixed(r) + target;
    let try_add = |rows: &mut Rows, f: &dyn Fn(&mut Rows)| {
        let mut next = *rows;
        f(&mut next);
        if fits(&next) {
            *rows = next;
        }
    };
    try_add(&mut rows, &|r| r.next = 1);
    try_add(&mut rows, &|r| r.progress = 1);
    try_add(&mut rows, &|r| r.band = 3);
    for _ in 0..cue_lines {
        try_add(&mut rows, &|r| r.cues += 1);
    }
    try_add(&mut rows, &|r| r.gap = 1);
    rows.big = height.saturating_sub(fixed(&rows));
    rows
}

/// The form cues of the step (during its transition, of the step coming).
fn cue_lines(view: &View, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for cue in &view.step.cues {
        for (i, l) in wrap(cue, width.saturating_sub(4)).into_iter().enumerate() {
            let lead = if i == 0 { "  • " } else { "    " };
            lines.push(Line::raw(format!("{lead}{l}")));
        }
    }
    lines
}

pub fn draw(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_compact(view, area, buf, theme);
        return;
    }
    let tone = tone(view);
    let cues = cue_lines(view, usize::from(area.width));
    let rows = allot(area.height, cues.len() as u16);
    let mut y = area.y;
    let mut take = |h: u16| {
        let r = Rect::new(area.x, y, area.width, h);
        y += h;
        r
    };
    let header = take(1);
    draw_header(view, header, buf, theme);
    let progress = take(rows.progress);
    if !progress.is_empty() {
        let inner = Rect::new(progress.x + 1, progress.y, progress.width - 2, 1);
        bar(
            inner,
            buf,
            view.routine_progress,
            theme.strong(),
            theme.track(),
        );
    }
    take(rows.gap);
    let band = take(rows.band);
    buf.set_style(band, theme.band(tone));
    let band_line = Line::from(vec![
        Span::raw(format!(" {} ", word(view))),
        Span::raw("· "),
        Span::raw(subject(view)),
    ]);
    band_line.render(
        Rect::new(band.x, band.y + band.height / 2, band.width, 1),
        buf,
    );
    let mut big = take(rows.big);
    if let Some((word, pixel_size)) = breath_word(view, big.width)
        && big.height >= 10
    {
        BigText::builder()
            .pixel_size(pixel_size)
            .style(theme.accent(tone))
            .lines(vec![word.into()])
            .centered()
            .build()
            .render(Rect { height: 4, ..big }, buf);
        big.y += 5;
        big.height -= 5;
    }
    let figure = figure(view);
    let digits = Rect::new(big.x + 2, big.y, big.width - 4, big.height);
    BigDigits::new(&figure, theme.accent(tone)).render(digits, buf);
    let caption_area = take(1);
    Line::styled(ellipsize(&caption(view), area.width), theme.accent(tone))
        .centered()
        .render(caption_area, buf);
    let gauge = take(1);
    draw_gauge(view, gauge, buf, theme, tone);
    let cue_area = take(rows.cues);
    if !cue_area.is_empty() {
        Paragraph::new(cues).render(cue_area, buf);
    }
    let next = take(rows.next);
    if !next.is_empty() {
        draw_next(view, next, buf, theme);
    }
}

fn draw_header(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let left = Line::from(vec![
        Span::styled(format!(" {}", view.routine), theme.strong()),
        Span::styled(
            match view.round {
                Some((r, n)) => format!(
                    " · step {} of {} · round {} of {n}",
                    view.step_index + 1,
                    view.step_count,
                    r + 1
                ),
                None => format!(" · step {} of {}", view.step_index + 1, view.step_count),
            },
            theme.dim(),
        ),
    ]);
    let right = format!(
        "{} done · {} left ",
        clock(view.elapsed),
        clock(Duration::from_secs(ceil_secs(view.remaining_total)))
    );
    let right_w = right.chars().count() as u16;
    if left.width() as u16 + right_w < area.width {
        // A span, not a styled line: the line's style would cover the whole row.
        Line::from(Span::styled(right, theme.dim()))
            .right_aligned()
            .render(area, buf);
    }
    left.render(area, buf);
}

fn draw_gauge(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme, tone: Tone) {
    let label = match (&view.reps, view.phase) {
        (Some(_), _) => left_text(view),
        _ => String::new(),
    };
    let label_w = label.chars().count() as u16;
    let room = area
        .width
        .saturating_sub(4 + label_w + u16::from(label_w > 0));
    bar(
        Rect::new(area.x + 2, area.y, room, 1),
        buf,
        view.phase_progress,
        theme.accent(tone),
        theme.track(),
    );
    if label_w > 0 {
        let x = area.x + 3 + room;
        buf.set_stringn(x, area.y, &label, usize::from(label_w), theme.strong());
    }
}

fn draw_next(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let line = match (view.phase, view.next) {
        (Some(Phase::Rest), _) => Line::from(vec![
            Span::styled(" Up next: ", theme.dim()),
            Span::styled(view.step.name.clone(), theme.strong()),
            Span::styled(format!(" · {}", work_text(view.step)), theme.dim()),
        ]),
        (_, Some(next)) => Line::from(vec![
            Span::styled(" Up next: ", theme.dim()),
            Span::raw(next.name.clone()),
        ]),
        (_, None) => Line::styled(" Last step", theme.dim()),
    };
    line.render(area, buf);
}

/// Step name and time left when the terminal is too small for the full layout.
fn draw_compact(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let tone = tone(view);
    let figure = match &view.reps {
        Some(_) => figure(view),
        None => left_text(view),
    };
    let lines = vec![
        Line::styled(word(view), theme.band(tone)),
        Line::styled(subject(view), theme.strong()),
        Line::styled(figure, theme.accent(tone)),
        Line::styled(caption(view), theme.dim()),
    ];
    Paragraph::new(lines).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_keeps_most_of_a_tall_screen() {
        let rows = allot(30, 8);
        assert!(rows.big >= 13, "{rows:?}");
        assert_eq!(rows.band, 3);
        assert_eq!(rows.next + rows.progress, 2);
    }

    #[test]
    fn small_screens_keep_the_essentials() {
        let rows = allot(7, 8);
        assert_eq!(rows.big, 3);
        assert_eq!((rows.cues, rows.band), (0, 1));
        let rows = allot(16, 8);
        assert!(rows.big >= 7, "{rows:?}");
        assert_eq!(
            3 + rows.progress + rows.gap + rows.band + rows.cues + rows.next + rows.big,
            16
        );
    }
}
