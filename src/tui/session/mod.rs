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

/// What this moment needs, measured at `area`'s width.
fn needs(view: &View, columns: u16, cues: &[Vec<String>]) -> Needs {
    let side = words::side(view).map(|label| {
        let lines = wrap(label, usize::from(columns)).len().max(1) as u16;
        (
            lines,
            big_letters(label, columns, false).map(|_| BIG_TEXT_ROWS),
        )
    });
    let breath = words::breath(view)
        .is_some_and(|(_, widest)| big_letters(&"W".repeat(widest), columns, false).is_some());
    Needs {
        side,
        breath,
        caption: words::caption(view).map(|(_, kind)| kind),
        // In the order they are dropped last: the key cue first, then the others in order.
        cues: by_priority(cues.len(), view.step.key_cue)
            .map(|i| cues[i].len() as u16)
            .collect(),
        count_max: rows_for_width(&words::count(view), columns.saturating_sub(4)),
        figure: 0,
    }
}

/// Draws the session screen but for the move's figure; returns where the figure goes (the
/// caller draws it there, last).
pub(crate) fn draw(
    view: &View,
    stage: Option<&Stage>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Rect> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    let layout = lay_out(view, stage, area);
    let mut figure = None;
    let mut y = area.y;
    for part in PARTS {
        let h = layout.rows.get(part);
        if h == 0 {
            continue;
        }
        let mut rect = Rect::new(area.x, y, area.width, h);
        y += h;
        let spot = match (part, layout.beside) {
            (Part::Figure, _) => stage.map(|s| {
                let w = s.columns(h).max(MIN_SIZE.0).min(area.width);
                Rect::new(area.x + (area.width - w) / 2, rect.y, w, h)
            }),
            (Part::Count, 0) => None,
            (Part::Count, beside) => {
                // The digits keep the left, centred in what the figure leaves; the figure
                // stands on the count's bottom row.
                rect.width -= beside + BESIDE_GAP;
                let high = layout.beside_rows.min(h);
                let y = rect.y + h - high;
                Some(Rect::new(area.right() - 2 - beside, y, beside, high))
            }
            _ => None,
        };
        if stage.is_some() && spot.is_some() {
            figure = spot;
        }
        draw_part(part, view, rect, buf, theme, &layout);
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
        Part::Figure => {}
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
