//! Our own scalable digit renderer for the countdown: seven-segment glyphs (what gym clocks
//! use, readable across a room) drawn with half blocks at any size that fits the area.

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Segments a..g of each digit, bit 0 = a (top) through bit 6 = g (middle).
const DIGITS: [u8; 10] = [
    0b011_1111, // 0
    0b000_0110, // 1
    0b101_1011, // 2
    0b100_1111, // 3
    0b110_0110, // 4
    0b110_1101, // 5
    0b111_1101, // 6
    0b000_0111, // 7
    0b111_1111, // 8
    0b110_1111, // 9
];

/// Glyph geometry in pixels; a pixel is one column wide and half a row tall (about square).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Metrics {
    /// Digit width and height.
    w: u16,
    h: u16,
    /// Stroke thickness.
    t: u16,
    /// Space between glyphs.
    gap: u16,
}

impl Metrics {
    fn for_height(h: u16) -> Metrics {
        let w = (h * 11 / 20).max(3);
        let t = ((w * 2 + 3) / 7).max(1);
        Metrics {
            w,
            h,
            t,
            gap: t.max(w / 6),
        }
    }

    fn glyph_width(&self, c: char) -> u16 {
        match c {
            ':' => self.t,
            '/' => self.w * 3 / 4,
            ' ' => self.w / 2,
            _ => self.w,
        }
    }

    fn text_width(&self, text: &str) -> u16 {
        let glyphs: u16 = text.chars().map(|c| self.glyph_width(c)).sum();
        let count = text.chars().count() as u16;
        glyphs + self.gap * count.saturating_sub(1)
    }

    /// Whether pixel (x, y) of glyph `c` is lit.
    fn lit(&self, c: char, x: u16, y: u16) -> bool {
        let Metrics { w, h, t, .. } = *self;
        match c {
            '0'..='9' => {
                let seg = DIGITS[c as usize - '0' as usize];
                let on = |i: u8| seg & (1 << i) != 0;
                let mid = (h - t) / 2;
                let (left, right) = (x < t, x >= w - t);
                let (upper, lower) = (y < mid + t, y >= mid);
                (on(0) && y < t)
                    || (on(1) && right && upper)
                    || (on(2) && right && lower)
                    || (on(3) && y >= h - t)
                    || (on(4) && left && lower)
                    || (on(5) && left && upper)
                    || (on(6) && y >= mid && y < mid + t)
            }
            ':' => {
                let dot = |centre: u16| {
                    let top = centre.saturating_sub(t / 2);
                    y >= top && y < top + t
                };
                dot(h / 3) || dot(h - h / 3)
            }
            '/' => {
                let gw = self.glyph_width('/');
                let span = u32::from(gw.saturating_sub(t));
                let from_bottom = u32::from(h - 1 - y);
                let start = (span * from_bottom / u32::from((h - 1).max(1))) as u16;
                x >= start && x < start + t
            }
            _ => false,
        }
    }
}

/// Characters the renderer can draw big; anything else falls back to plain text.
fn drawable(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | ' '))
}

/// The largest metrics whose rendering of `text` fits `max` cells, if any does.
fn fit(text: &str, max: Size) -> Option<Metrics> {
    if !drawable(text) {
        return None;
    }
    let px_high = max.height.saturating_mul(2);
    (5..=px_high)
        .rev()
        .map(Metrics::for_height)
        .find(|m| m.text_width(text) <= max.width)
}

/// The rows `text` takes at the largest size `columns` allow (more rows would not make it
/// any bigger); 1 when even the smallest digits are too wide and it is drawn as text.
pub(crate) fn rows_for_width(text: &str, columns: u16) -> u16 {
    if !drawable(text) {
        return 1;
    }
    // Widths grow with the height: the last height that fits.
    (5u16..=400)
        .map(Metrics::for_height)
        .take_while(|m| m.text_width(text) <= columns)
        .last()
        .map_or(1, |m| m.h.div_ceil(2))
}

/// Large digits, centred in the area, as big as it allows.
pub(crate) struct BigDigits<'a> {
    text: &'a str,
    style: Style,
}

impl<'a> BigDigits<'a> {
    pub(crate) fn new(text: &'a str, style: Style) -> BigDigits<'a> {
        BigDigits { text, style }
    }
}

impl Widget for BigDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let Some(m) = fit(self.text, area.as_size()) else {
            let line = Line::styled(self.text, self.style).centered();
            let middle = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
            line.render(middle, buf);
            return;
        };
        let width = m.text_width(self.text);
        let rows = m.h.div_ceil(2);
        let x0 = area.x + (area.width - width) / 2;
        let y0 = area.y + (area.height - rows) / 2;
        let mut gx = x0;
        for c in self.text.chars() {
            let gw = m.glyph_width(c);
            for col in 0..gw {
                for row in 0..rows {
                    let top = m.lit(c, col, row * 2);
                    let bottom = row * 2 + 1 < m.h && m.lit(c, col, row * 2 + 1);
                    let symbol = match (top, bottom) {
                        (true, true) => "█",
                        (true, false) => "▀",
                        (false, true) => "▄",
                        (false, false) => continue,
                    };
                    if let Some(cell) = buf.cell_mut((gx + col, y0 + row)) {
                        cell.set_symbol(symbol).set_style(self.style);
                    }
                }
            }
            gx += gw + m.gap;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells `text` takes when drawn as large as `max` allows.
    fn size(text: &str, max: Size) -> Option<Size> {
        fit(text, max).map(|m| Size::new(m.text_width(text), m.h.div_ceil(2)))
    }

    fn render(text: &str, w: u16, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        BigDigits::new(text, Style::new()).render(area, &mut buf);
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn the_smallest_figures_are_three_columns_wide() {
        assert_eq!(render("8", 3, 3), ["█▀█", "█▀█", "█▄█"]);
        assert_eq!(render("0", 3, 3), ["█▀█", "█ █", "█▄█"]);
    }

    #[test]
    fn digits_grow_with_the_area_and_stay_inside_it() {
        let small = size("45", Size::new(100, 4)).unwrap();
        let big = size("45", Size::new(100, 20)).unwrap();
        assert!(big.height > small.height && big.width > small.width);
        assert!(big.height <= 20 && big.width <= 100);
        for (text, w, h) in [("1:05", 30, 12), ("7/12", 24, 6), ("0", 3, 3)] {
            let s = size(text, Size::new(w, h)).unwrap();
            assert!(s.width <= w && s.height <= h, "{text} {s:?}");
        }
    }

    #[test]
    fn too_small_an_area_falls_back_to_plain_text() {
        assert_eq!(size("1:05", Size::new(8, 2)), None);
        assert_eq!(render("12", 4, 1), [" 12 "]);
        assert_eq!(size("ab", Size::new(80, 20)), None);
    }

    #[test]
    fn the_rows_a_width_allows_are_those_the_digits_are_drawn_at() {
        for (text, w) in [("45", 30), ("1:05", 60), ("7/12", 24), ("8", 3)] {
            let rows = rows_for_width(text, w);
            let at = size(text, Size::new(w, rows)).unwrap();
            let taller = size(text, Size::new(w, rows + 10)).unwrap();
            assert_eq!((at.height, taller.height), (rows, rows), "{text} at {w}");
        }
        assert_eq!(rows_for_width("1:05", 8), 1);
        assert_eq!(rows_for_width("ab", 80), 1);
    }

    #[test]
    fn a_one_is_a_bar_on_the_right() {
        assert_eq!(render("1", 3, 3), ["  █", "  █", "  █"]);
    }
}
