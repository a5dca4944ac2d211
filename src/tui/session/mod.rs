//! The session screen: the countdown or rep count in big digits, the side in large letters,
//! the phase in a coloured band and in words, the breath cue, the form cues, progress and
//! what comes next, each given rows by the ranking in `layout`. Everything comes from
//! `View`; nothing here counts time.

mod layout;
mod place;
mod stage;
mod words;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use self::layout::{BIG_TEXT_ROWS, Needs, PARTS, Part};
use self::place::{BESIDE_GAP, Layout, lay_out};
pub(crate) use self::stage::Stage;
pub(crate) use self::words::{UpNext, paused as paused_line, up_next};
use super::bigdigits::{BigDigits, rows_for_width};
use super::figure::MIN_SIZE;
use super::keymap::{Action, Hint, Mode, hints as table_hints};
use super::theme::{Theme, Tone};
use super::widgets::bar;
use crate::clock::clock;
use crate::session::{View, ceil_secs};
use crate::text::{ellipsize, width, wrap};
use crate::wording::short_cue;

fn tone(view: &View) -> Tone {
    view.phase
        .map_or(Tone::Paused, |p| Tone::of(p, view.paused))
}

/// The footer hints for this moment: the keys the machine allows now, Enter in the words
/// of what it does.
pub(crate) fn hints(view: &View) -> Vec<Hint> {
    let allowed = view.allowed;
    table_hints(Mode::Session, |action| match action {
        Action::TogglePause if view.paused => Some(Some("resume")),
        Action::Done => allowed.done.then_some(None),
        Action::Advance => allowed.advance.map(|a| Some(a.words())),
        Action::MoreTime => allowed.add_time.then_some(None),
        _ => Some(None),
    })
}

/// Below this many rows of count, large letters are drawn in quadrants (half as wide), so
/// they never outweigh the count.
const WIDE_LETTERS_FROM: u16 = 10;

/// The large-letter size `text` fits in `columns` with, if any: half-height letters when
/// `wide`, else quadrants (both drawn with block elements every font has). Only characters
/// the 8x8 font draws qualify; anything else stays a line of text.
fn big_letters(text: &str, columns: u16, wide: bool) -> Option<PixelSize> {
    let drawable = text
        .chars()
        .all(|c| c == ' ' || c.is_ascii_graphic() || ('\u{a1}'..='\u{ff}').contains(&c));
    let letters = text.chars().count();
    [(PixelSize::HalfHeight, 8), (PixelSize::Quadrant, 4)]
        .into_iter()
        .filter(|(size, _)| wide || *size == PixelSize::Quadrant)
        .find(|(_, per)| drawable && letters * per <= usize::from(columns))
        .map(|(size, _)| size)
}

/// The form cues of the step (during the countdown into it, of the step coming), wrapped.
fn cues(view: &View, columns: u16) -> Vec<Vec<String>> {
    view.step
        .cues
        .iter()
        .map(|cue| wrap(cue, usize::from(columns.saturating_sub(4))))
        .collect()
}

/// The indices of `n` cues, the one that matters most (`key`) first, then the rest in order.
fn by_priority(n: usize, key: Option<usize>) -> impl Iterator<Item = usize> {
    let key = key.filter(|&k| k < n);
    key.into_iter()
        .chain((0..n).filter(move |&i| Some(i) != key))
}

/// The cues (by index, in screen order) that `rows` rows hold, taken in priority order:
/// the key cue is the last to go.
fn kept_cues(cues: &[Vec<String>], key: Option<usize>, rows: u16) -> Vec<usize> {
    let mut left = usize::from(rows);
    let mut kept = Vec::new();
    for i in by_priority(cues.len(), key) {
        if cues[i].len() > left {
            break;
        }
        left -= cues[i].len();
        kept.push(i);
    }
    kept.sort_unstable();
    kept
}

/// The columns each part is measured (and drawn) in: the screen's width, or what a figure
/// standing beside them leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Widths {
    pub(crate) side: u16,
    /// The breath word's and the reminder's.
    pub(crate) breath: u16,
    pub(crate) count: u16,
}

impl Widths {
    pub(crate) fn all(columns: u16) -> Widths {
        Widths {
            side: columns,
            breath: columns,
            count: columns,
        }
    }
}

/// Large letters, or the text's rows at `columns` when they do not fit.
fn large_rows(text: &str, columns: u16) -> (u16, Option<u16>) {
    let lines = wrap(text, usize::from(columns)).len().max(1) as u16;
    (
        lines,
        big_letters(text, columns, false).map(|_| BIG_TEXT_ROWS),
    )
}

/// A reminder's lines in large letters: one line, or two when it is too long for one.
const REMINDER_LINES: usize = 2;

/// `text` cut into lines of large letters (quadrants, four columns a letter) for `columns`,
/// when no more than `REMINDER_LINES` are needed.
fn large_lines(text: &str, columns: u16) -> Option<Vec<String>> {
    let lines = wrap(text, usize::from(columns / 4));
    (lines.len() <= REMINDER_LINES
        && lines
            .iter()
            .all(|l| big_letters(l, columns, false).is_some()))
    .then_some(lines)
}

/// The reminder's rows as text, and in large letters (four rows a line) when they fit.
fn reminder_rows(text: &str, columns: u16) -> (u16, Option<u16>) {
    let (lines, _) = large_rows(text, columns);
    let big = large_lines(text, columns).map(|l| l.len() as u16 * BIG_TEXT_ROWS);
    (lines, big)
}

/// What this moment needs, measured at `widths`, with `status` rows over the footer.
fn needs(view: &View, widths: Widths, cues: &[Vec<String>], status: u16) -> Needs {
    let breath = words::breath(view).is_some_and(|(_, widest)| {
        big_letters(&"W".repeat(widest), widths.breath, false).is_some()
    });
    Needs {
        side: words::side(view).map(|label| large_rows(label, widths.side)),
        breath,
        reminder: words::reminder(view).map(|text| reminder_rows(&text, widths.breath)),
        caption: words::caption(view).map(|(_, kind)| kind),
        // In the order they are dropped last: the key cue first, then the others in order.
        cues: by_priority(cues.len(), view.step.key_cue)
            .map(|i| cues[i].len() as u16)
            .collect(),
        count_max: rows_for_width(&words::count(view), widths.count.saturating_sub(4)),
        figure: 0,
        status,
        count_least: 0,
    }
}

/// Draws the session screen but for the move's figure, with `status` (a refused key's note,
/// a warning) in `status_style` at its foot; returns where the figure goes (the caller draws
/// it there, last).
pub(crate) fn draw(
    view: &View,
    stage: Option<&Stage>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    status: (&[String], ratatui::style::Style),
) -> Option<Rect> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    let layout = lay_out(view, stage, area, status.0.len() as u16);
    let top = |part: Part| -> u16 {
        PARTS
            .iter()
            .take_while(|p| **p != part)
            .map(|p| layout.rows.get(*p))
            .sum()
    };
    // A figure beside the count stands on its bottom row and may reach up beside the
    // breath word and the side: those parts keep to the columns it leaves.
    let count_bottom = area.y + top(Part::Count) + layout.rows.get(Part::Count);
    let figure_top = count_bottom.saturating_sub(layout.beside_rows);
    let mut figure = None;
    let mut y = area.y;
    for part in PARTS {
        let h = layout.rows.get(part);
        if h == 0 {
            continue;
        }
        let mut rect = Rect::new(area.x, y, area.width, h);
        y += h;
        let beside = layout.beside > 0
            && matches!(
                part,
                Part::Side | Part::Breath | Part::Reminder | Part::Count
            )
            && rect.y < count_bottom
            && rect.bottom() > figure_top;
        if beside {
            rect.width -= layout.beside + BESIDE_GAP;
        }
        let spot = match (part, layout.beside) {
            (Part::Figure, _) => stage.map(|s| {
                let w = s.columns(h).max(MIN_SIZE.0).min(area.width);
                Rect::new(area.x + (area.width - w) / 2, rect.y, w, h)
            }),
            (Part::Count, 0) => None,
            // The digits keep the left, centred in what the figure leaves.
            (Part::Count, wide) => Some(Rect::new(
                area.right() - 2 - wide,
                figure_top,
                wide,
                layout.beside_rows,
            )),
            _ => None,
        };
        if stage.is_some() && spot.is_some() {
            figure = spot;
        }
        draw_part(part, view, rect, buf, theme, &layout);
        if part == Part::Status {
            let lines: Vec<Line> = status
                .0
                .iter()
                .map(|l| Line::styled(format!(" {l}"), status.1))
                .collect();
            Paragraph::new(lines).render(rect, buf);
        }
    }
    figure
}

fn draw_part(
    part: Part,
    view: &View,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    layout: &Layout,
) {
    let tone = tone(view);
    let columns = usize::from(area.width);
    let wide = layout.rows.get(Part::Count) >= WIDE_LETTERS_FROM;
    match part {
        Part::Figure | Part::Status => {}
        Part::Header => draw_header(view, area, buf, theme),
        Part::Progress => bar(
            Rect::new(area.x + 1, area.y, area.width.saturating_sub(2), 1),
            buf,
            view.routine_progress,
            theme.strong(),
            theme.track(),
        ),
        Part::Gap => {}
        Part::Band => {
            buf.set_style(area, theme.band(tone));
            Line::raw(words::band(view, columns)).render(
                Rect::new(area.x, area.y + area.height / 2, area.width, 1),
                buf,
            );
        }
        Part::Side => {
            let label = words::side(view).unwrap_or_default();
            draw_large(label, area, buf, theme.strong(), wide);
        }
        Part::Breath => {
            let word = words::breath(view).map(|(w, _)| w).unwrap_or_default();
            draw_large(&word, area, buf, theme.accent(tone), wide);
        }
        Part::Reminder => {
            let text = words::reminder(view).unwrap_or_default();
            match large_lines(&text, area.width) {
                Some(lines)
                    if big_letters(&text, area.width, wide).is_none()
                        && area.height >= lines.len() as u16 * BIG_TEXT_ROWS =>
                {
                    BigText::builder()
                        .pixel_size(PixelSize::Quadrant)
                        .style(theme.strong())
                        .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                        .centered()
                        .build()
                        .render(area, buf);
                }
                _ => draw_large(&text, area, buf, theme.strong(), wide),
            }
        }
        Part::Count => {
            let style = theme.accent(tone);
            let text = words::count(view);
            if area.height >= 3 && rows_for_width(&text, area.width.saturating_sub(4)) >= 3 {
                let digits = Rect::new(area.x + 2, area.y, area.width - 4, area.height);
                BigDigits::new(&text, style).render(digits, buf);
            } else {
                Line::styled(ellipsize(&words::count_line(view), columns), style)
                    .centered()
                    .render(
                        Rect {
                            height: 1,
                            y: area.y + area.height / 2,
                            ..area
                        },
                        buf,
                    );
            }
        }
        Part::Caption => {
            if let Some((text, kind)) = words::caption(view) {
                let style = match kind {
                    layout::Caption::Guide => theme.accent(tone),
                    layout::Caption::Filler => theme.dim(),
                };
                // A breath cue too long for the line is said by its short form.
                let text = match short_cue(&text) {
                    short if width(&text) > columns => short,
                    _ => &text,
                };
                Line::styled(ellipsize(text, columns), style)
                    .centered()
                    .render(area, buf);
            }
        }
        Part::Gauge => draw_gauge(view, area, buf, theme, tone),
        Part::Cues => {
            let mut lines = Vec::new();
            for k in kept_cues(&layout.cues, view.step.key_cue, area.height) {
                for (i, l) in layout.cues[k].iter().enumerate() {
                    let lead = if i == 0 { "  • " } else { "    " };
                    lines.push(Line::raw(format!("{lead}{l}")));
                }
            }
            Paragraph::new(lines).render(area, buf);
        }
        Part::UpNext => draw_next(view, area, buf, theme),
    }
}

/// `text` in large letters when the area has the rows and they fit, else as centred lines.
fn draw_large(text: &str, area: Rect, buf: &mut Buffer, style: ratatui::style::Style, wide: bool) {
    match big_letters(text, area.width, wide) {
        Some(size) if area.height >= BIG_TEXT_ROWS => BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![text.into()])
            .centered()
            .build()
            .render(area, buf),
        _ => {
            let lines: Vec<Line> = wrap(text, usize::from(area.width))
                .into_iter()
                .map(|l| Line::styled(l, style).centered())
                .collect();
            Paragraph::new(lines).render(area, buf);
        }
    }
}

fn draw_header(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut step = match view.part {
        Some((part, parts)) => format!(" · part {} of {parts}", part + 1),
        None => String::new(),
    };
    step.push_str(&format!(
        " · step {} of {}",
        view.step_index + 1,
        view.step_count
    ));
    if let Some((r, n)) = view.round {
        step.push_str(&format!(" · round {} of {n}", r + 1));
    }
    let right = format!(
        "{} done · {} left ",
        clock(view.elapsed),
        clock(std::time::Duration::from_secs(ceil_secs(
            view.remaining_total
        )))
    );
    let columns = usize::from(area.width);
    let name_room = columns.saturating_sub(width(&step) + 1);
    let left = Line::from(vec![
        Span::styled(
            format!(" {}", ellipsize(view.routine, name_room)),
            theme.strong(),
        ),
        Span::styled(step, theme.dim()),
    ]);
    if left.width() + width(&right) < columns {
        // A span, not a styled line: the line's style would cover the whole row.
        Line::from(Span::styled(right, theme.dim()))
            .right_aligned()
            .render(area, buf);
    }
    left.render(area, buf);
}

fn draw_gauge(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme, tone: Tone) {
    let label = match view.reps {
        Some(_) => words::left(view),
        None => String::new(),
    };
    let label_w = width(&label) as u16;
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
    if label_w > 0 && room > 0 {
        let x = area.x + 3 + room;
        buf.set_stringn(x, area.y, &label, usize::from(label_w), theme.strong());
    }
}

fn draw_next(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let set;
    let (name, amount) = match up_next(view) {
        UpNext::Pass(name, amount) | UpNext::Step(name, amount) => (name, amount),
        UpNext::Again(name, amount) => {
            set = format!("{name} once more");
            (set.as_str(), amount)
        }
        UpNext::Set(k, n, amount) => {
            set = format!("set {k} of {n}");
            (set.as_str(), amount)
        }
        UpNext::Part(part, name, amount) => {
            set = format!("{part} · {name}");
            (set.as_str(), amount)
        }
        UpNext::End => {
            Line::styled(" Last step", theme.dim()).render(area, buf);
            return;
        }
    };
    // During a get-ready or rest the screen already names the step it leads into ("REST ·
    // next: Your workout"): this line is the one after, and says so.
    let head = if view.transition {
        " Then: "
    } else {
        " Up next: "
    };
    let tail = format!(" ({amount})");
    let room = usize::from(area.width).saturating_sub(width(head) + width(&tail));
    let line = if room >= 3 {
        Line::from(vec![
            Span::styled(head, theme.dim()),
            Span::styled(ellipsize(name, room), theme.strong()),
            Span::styled(tail, theme.dim()),
        ])
    } else {
        Line::from(vec![
            Span::styled(head, theme.dim()),
            Span::styled(name.to_string(), theme.strong()),
        ])
    };
    line.render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_cue_is_dropped_last_and_the_kept_stay_in_order() {
        let cues: Vec<Vec<String>> = [1, 2, 1, 1]
            .iter()
            .map(|&rows| vec!["x".to_string(); rows])
            .collect();
        assert_eq!(kept_cues(&cues, None, 5), [0, 1, 2, 3]);
        assert_eq!(kept_cues(&cues, None, 3), [0, 1]);
        assert_eq!(kept_cues(&cues, Some(3), 1), [3]);
        assert_eq!(kept_cues(&cues, Some(3), 2), [0, 3]);
        assert_eq!(kept_cues(&cues, Some(3), 4), [0, 1, 3]);
        assert_eq!(kept_cues(&cues, Some(9), 1), [0]);
        assert_eq!(by_priority(3, Some(2)).collect::<Vec<_>>(), [2, 0, 1]);
    }

    #[test]
    fn large_letters_shrink_to_quadrants_then_give_up() {
        assert_eq!(big_letters("Left", 32, true), Some(PixelSize::HalfHeight));
        assert_eq!(big_letters("Left", 32, false), Some(PixelSize::Quadrant));
        assert_eq!(big_letters("Left", 31, true), Some(PixelSize::Quadrant));
        assert_eq!(big_letters("Left", 15, true), None);
        assert_eq!(big_letters("Links", 80, true), Some(PixelSize::HalfHeight));
        assert_eq!(big_letters("左", 80, true), None);
    }
}
