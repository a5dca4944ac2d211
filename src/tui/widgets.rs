//! Small drawing parts the screens share: bars, a centred box and the key-hint line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::keymap::{Hint, Keep};
use super::theme::Theme;
use crate::text;

/// A one-row bar, `ratio` full, with eighth-block precision; the track stays visible without
/// colour.
pub(crate) fn bar(area: Rect, buf: &mut Buffer, ratio: f64, fill: Style, track: Style) {
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
pub(crate) fn popup(area: Rect, buf: &mut Buffer, width: u16, height: u16, title: Line) -> Rect {
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

/// Key hints as one line in `width` columns. When they do not all fit, hints go from the
/// end of the line, the least kept first; help and quit never go: when even they do not
/// fit, every hint loses its words and keeps its keys.
pub(crate) fn hints(theme: &Theme, items: &[Hint], width: u16) -> Line<'static> {
    let width = usize::from(width);
    let line_width = |shown: &[&Hint], words: bool| -> usize {
        shown
            .iter()
            .map(|h| text::width(h.keys) + if words { 1 + text::width(h.words) } else { 0 })
            .sum::<usize>()
            + 3 * shown.len().saturating_sub(1)
            + 1
    };
    let mut shown: Vec<&Hint> = items.iter().collect();
    for level in [Keep::Normal, Keep::Now] {
        while line_width(&shown, true) > width {
            match shown.iter().rposition(|h| h.keep == level) {
                Some(i) => {
                    shown.remove(i);
                }
                None => break,
            }
        }
    }
    let words = line_width(&shown, true) <= width;
    let mut spans = Vec::new();
    for (i, hint) in shown.iter().enumerate() {
        spans.push(Span::raw(if i == 0 { " " } else { " · " }));
        spans.push(Span::styled(hint.keys, theme.key()));
        if words {
            spans.push(Span::styled(format!(" {}", hint.words), theme.dim()));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(keys: &'static str, words: &'static str, keep: Keep) -> Hint {
        Hint { keys, words, keep }
    }

    fn shown(width: u16) -> String {
        let items = [
            hint("Space", "pause", Keep::Normal),
            hint("Enter", "count rep", Keep::Now),
            hint("n", "next", Keep::Normal),
            hint("+/-", "10 s", Keep::Normal),
            hint("?", "help", Keep::Always),
            hint("q", "quit", Keep::Always),
        ];
        let theme = Theme::new(crate::config::Theme::Mono, false);
        hints(&theme, &items, width).to_string()
    }

    #[test]
    fn hints_drop_from_the_end_but_keep_help_and_quit() {
        assert_eq!(
            shown(70),
            " Space pause · Enter count rep · n next · +/- 10 s · ? help · q quit"
        );
        assert_eq!(
            shown(60),
            " Space pause · Enter count rep · n next · ? help · q quit"
        );
        assert_eq!(
            shown(50),
            " Space pause · Enter count rep · ? help · q quit"
        );
        assert_eq!(shown(40), " Enter count rep · ? help · q quit");
        assert_eq!(shown(30), " ? help · q quit");
        assert_eq!(shown(16), " ? help · q quit");
        assert_eq!(shown(15), " ? · q");
        assert_eq!(shown(14), " ? · q");
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
