//! Boxes drawn over a screen: help (every key, from the keymap tables), paused (the word,
//! the frozen time, the keys), the quit question, and a notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::keymap::{Binding, HELP_SECTIONS, Hint};
use super::theme::{Theme, Tone};
use super::widgets::{hints, popup};
use crate::text::{ellipsize, wrap};

/// Greys out everything in `area` so the box on top stands out.
pub(crate) fn fade(area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area.intersection(buf.area), theme.faded());
}

fn section_lines(
    title: &str,
    bindings: &[Binding],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {title}"), theme.strong())];
    let key_w = 11;
    if width < 30 {
        // Too narrow for a column of keys: each key on its line, what it does under it.
        for b in bindings {
            lines.push(Line::styled(format!("  {}", b.label), theme.key()));
            for l in wrap(b.help, width.saturating_sub(4).max(8)) {
                lines.push(Line::raw(format!("    {l}")));
            }
        }
        return lines;
    }
    for b in bindings {
        let text = wrap(b.help, width.saturating_sub(key_w + 3).max(8));
        for (i, l) in text.into_iter().enumerate() {
            let key = if i == 0 { b.label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("  {key:<key_w$}"), theme.key()),
                Span::raw(l),
            ]));
        }
    }
    lines
}

/// Every key; `first` is the section of the screen underneath, shown first, `scroll` lines
/// down. Returns how many lines did not fit (how far it can scroll); the border says when
/// more is below, how to close it, and that the session waits meanwhile when `paused`.
pub(crate) fn help(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    first: &str,
    paused: bool,
    scroll: u16,
) -> u16 {
    if area.is_empty() {
        return 0;
    }
    let two = area.width >= 96;
    let box_w = if two {
        area.width.min(110)
    } else {
        area.width.min(60)
    };
    let col_w = usize::from(box_w.saturating_sub(2) / if two { 2 } else { 1 });
    let mut order: Vec<_> = HELP_SECTIONS.iter().collect();
    order.sort_by_key(|(title, _)| *title != first);
    let sections: Vec<Vec<Line>> = order
        .iter()
        .map(|(title, bindings)| section_lines(title, bindings, col_w, theme))
        .collect();
    let title = if paused && box_w >= 30 {
        " Keys · session paused "
    } else {
        " Keys "
    };
    let inner = popup(
        area,
        buf,
        box_w,
        area.height,
        Line::styled(title, theme.strong()),
    );
    let columns = if two { 2 } else { 1 };
    let mut cols: Vec<Vec<Line>> = vec![Vec::new(); columns];
    let height = usize::from(inner.height);
    for section in sections {
        let room = |col: &Vec<Line>| col.len() + usize::from(!col.is_empty()) + section.len();
        // The first column with room, else the shortest: what does not fit scrolls.
        let at = (0..columns)
            .find(|&c| room(&cols[c]) <= height)
            .or_else(|| (0..columns).min_by_key(|&c| cols[c].len()))
            .unwrap_or(0);
        let col = &mut cols[at];
        if !col.is_empty() {
            col.push(Line::raw(""));
        }
        col.extend(section);
    }
    let longest = cols.iter().map(Vec::len).max().unwrap_or(0);
    let room = u16::try_from(longest.saturating_sub(height)).unwrap_or(u16::MAX);
    let scroll = scroll.min(room);
    for (i, lines) in cols.into_iter().enumerate() {
        let x = inner.x + (i * col_w) as u16;
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .render(Rect::new(x, inner.y, col_w as u16, inner.height), buf);
    }
    if inner.height > 0 {
        let close = match (box_w, scroll < room) {
            (30.., true) => " ↓ more · ? or Esc closes ",
            (20.., true) => " ↓ more · Esc ",
            (20.., false) => " ? or Esc closes ",
            _ => " Esc ",
        };
        Line::styled(close, theme.key())
            .right_aligned()
            .render(Rect::new(inner.x, inner.bottom(), inner.width, 1), buf);
    }
    room
}

/// The paused box: the word (large when there is room), what is frozen (`what` in so many
/// columns), and the keys.
pub(crate) fn paused(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    what: &dyn Fn(usize) -> String,
    keys: &[Hint],
) {
    fade(area, buf, theme);
    if area.width < 12 || area.height < 5 {
        // No room for a box: the band under the fade says PAUSED, and the side stays seen.
        return;
    }
    let big = area.width >= 30 && area.height >= 11;
    let height = if big { 10 } else { 5 };
    let inner = popup(area, buf, 56, height, Line::raw(""));
    let mut y = inner.y;
    if big {
        let pixels = if inner.width >= 48 {
            PixelSize::HalfHeight
        } else {
            PixelSize::Quadrant
        };
        BigText::builder()
            .pixel_size(pixels)
            .style(theme.accent(Tone::Paused))
            .lines(vec!["PAUSED".into()])
            .centered()
            .build()
            .render(Rect::new(inner.x, y, inner.width, 4), buf);
        y += 5;
    } else {
        Line::styled("PAUSED", theme.band(Tone::Paused))
            .centered()
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
        y += 1;
    }
    Line::styled(what(usize::from(inner.width)), theme.strong())
        .centered()
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    let keys_line = hints(theme, keys, inner.width).centered();
    let keys_y = y + if big { 2 } else { 1 };
    keys_line.render(
        Rect::new(inner.x, keys_y, inner.width, 1).intersection(inner),
        buf,
    );
}

/// "Quit session? y/n".
pub(crate) fn confirm_quit(area: Rect, buf: &mut Buffer, theme: &Theme, keys: &[Hint]) {
    fade(area, buf, theme);
    if area.width < 16 || area.height < 4 {
        Line::styled("Quit? y/n", theme.band(Tone::Paused))
            .centered()
            .render(
                Rect::new(area.x, area.y + area.height / 2, area.width, 1),
                buf,
            );
        return;
    }
    let inner = popup(
        area,
        buf,
        44,
        6,
        Line::styled(" Quit session? ", theme.strong()),
    );
    let lines = vec![
        Line::styled("Quit session? y/n", theme.strong()).centered(),
        Line::styled("(paused while you decide)", theme.dim()).centered(),
        Line::raw(""),
        hints(theme, keys, inner.width).centered(),
    ];
    Paragraph::new(lines).render(inner, buf);
}

/// A message that stays until dismissed.
pub fn notice(area: Rect, buf: &mut Buffer, theme: &Theme, text: &str, keys: &[Hint]) {
    titled(area, buf, theme, "Note", text, keys);
}

/// A box like `notice` under its own title, such as a question asked before the list.
pub fn titled(area: Rect, buf: &mut Buffer, theme: &Theme, title: &str, text: &str, keys: &[Hint]) {
    if area.is_empty() {
        return;
    }
    let box_w = area.width.min(64);
    let body = wrap(text, usize::from(box_w.saturating_sub(4)));
    let height = body.len() as u16 + 4;
    let inner = popup(
        area,
        buf,
        box_w,
        height,
        Line::styled(format!(" {title} "), theme.warning()),
    );
    // On a small screen the keys stay: the blank line goes first, then the text's end.
    let room = usize::from(inner.height);
    let columns = usize::from(inner.width.saturating_sub(1));
    let shown = body.len().min(room.saturating_sub(1));
    let mut lines: Vec<Line> = body
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, l)| match i + 1 == shown && shown < body.len() {
            true => Line::raw(format!(" {}", ellipsize(&format!("{l} …"), columns))),
            false => Line::raw(format!(" {l}")),
        })
        .collect();
    if lines.len() + 2 <= room {
        lines.push(Line::raw(""));
    }
    lines.push(hints(theme, keys, inner.width));
    Paragraph::new(lines).render(inner, buf);
}
