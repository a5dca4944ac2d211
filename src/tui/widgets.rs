//! Small drawing parts the screens share: clock text, bars, a centred box, word wrapping
//! and the key-hint line.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::theme::Theme;
use crate::clock::clock;

/// A countdown as the big digits show it: plain seconds under a minute, else `m:ss`.
pub fn countdown(secs: u64) -> String {
    if secs < 60 {
        secs.to_string()
    } else {
        clock(Duration::from_secs(secs))
    }
}

/// A one-row bar, `ratio` full, with eighth-block precision; the track stays visible without
/// colour.
pub fn bar(area: Rect, buf: &mut Buffer, ratio: f64, fill: Style, track: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let eighths = (ratio.clamp(0.0, 1.0) * f64::from(area.width) * 8.0).round() as u32;
    let y = area.y;
    for i in 0..area.width {
        let filled = eighths.saturating_sub(u32::from(i) * 8).min(8);
        let (symbol, style) = match filled {
            8 => ("█", fill),
            0 => ("░", track),
            n => (["▏", "▎", "▍", "▌", "▋", "▊", "▉"][n as usize - 1], fill),
        };
        buf[(area.x + i, y)].set_symbol(symbol).set_style(style);
    }
}

/// A box of at most `width` x `height` centred in `area`, cleared, with a rounded border.
pub fn popup(area: Rect, buf: &mut Buffer, width: u16, height: u16, title: Line) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Greedy word wrap to `width` columns; a word longer than a line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `width` columns, ending in `…` when cut.
pub fn ellipsize(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        out.push('…');
    }
    out
}

/// Key hints (`key`, `what`) as one line, keeping as many as fit in `width` from the first.
pub fn hints<'a>(theme: &Theme, items: &[(&'a str, &'a str)], width: u16) -> Line<'a> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (i, (key, what)) in items.iter().enumerate() {
        let sep = if i == 0 { 1 } else { 3 };
        let need = sep + key.chars().count() + 1 + what.chars().count();
        if used + need > usize::from(width) {
            break;
        }
        spans.push(Span::raw(if i == 0 { " " } else { " · " }));
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.dim()));
        used += need;
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_drop_the_minutes_under_one() {
        assert_eq!(countdown(59), "59");
        assert_eq!(countdown(60), "1:00");
    }

    #[test]
    fn wrap_keeps_words_whole_and_cuts_giants() {
        assert_eq!(wrap("Keep the neck long", 9), ["Keep the", "neck long"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn ellipsize_marks_the_cut() {
        assert_eq!(ellipsize("Inhale", 10), "Inhale");
        assert_eq!(ellipsize("Inhale: drop", 7), "Inhale…");
        assert_eq!(ellipsize("Inhale", 0), "");
    }

    #[test]
    fn bar_fills_by_eighths() {
        let area = Rect::new(0, 0, 4, 1);
        let mut buf = Buffer::empty(area);
        bar(area, &mut buf, 0.5 + 1.0 / 32.0, Style::new(), Style::new());
        let row: String = (0..4).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "██▏░");
    }
}
