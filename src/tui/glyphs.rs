//! What the terminal's locale can show. Under `LANG=C` (or any charset but UTF-8) a frame's
//! glyphs outside ASCII would come out as mojibake, so each finished frame is folded to ASCII
//! look-alikes (boxes to `+-|`, blocks to `#`, arrows to `<>^v`), and figures are drawn one
//! dot a cell, which folds to `#`, rather than in quadrant blocks.

use ratatui::buffer::Buffer;
use ratatui::symbols::Marker;

use super::figure::marker_for;

/// The glyphs a frame may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyphs {
    Unicode,
    Ascii,
}

impl Glyphs {
    /// As the locale says: the first of `LC_ALL`, `LC_CTYPE` and `LANG` that is set.
    pub fn from_env() -> Glyphs {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        Glyphs::of_locale(locale.as_deref())
    }

    /// UTF-8 locales show everything; `C`, `POSIX` and other charsets only ASCII. With no
    /// locale set at all, as in many containers whose terminals are UTF-8, Unicode.
    pub fn of_locale(locale: Option<&str>) -> Glyphs {
        let Some(locale) = locale else {
            return Glyphs::Unicode;
        };
        let charset = locale
            .split_once('.')
            .map_or("", |(_, rest)| rest.split('@').next().unwrap_or(rest))
            .to_ascii_lowercase();
        if charset == "utf-8" || charset == "utf8" {
            Glyphs::Unicode
        } else {
            Glyphs::Ascii
        }
    }

    /// The marker to draw figures with on terminal `term`.
    pub fn marker(self, term: Option<&str>) -> Marker {
        match self {
            Glyphs::Unicode => marker_for(term),
            Glyphs::Ascii => Marker::Block,
        }
    }

    /// Folds every glyph of `buf` this locale cannot show to an ASCII look-alike.
    pub fn fold(self, buf: &mut Buffer) {
        if self == Glyphs::Unicode {
            return;
        }
        for cell in &mut buf.content {
            let symbol = cell.symbol();
            if !symbol.is_ascii() {
                let ascii = symbol.chars().next().map_or(' ', ascii_of);
                cell.set_char(ascii);
            }
        }
    }
}

/// The ASCII look-alike of `c`; `?` for what has none (letters of other scripts).
fn ascii_of(c: char) -> char {
    match c {
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '—' | '–' | '‐' => {
            '-'
        }
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        '▀' => '"',
        '▄' => '_',
        '░' | '▏' | '▎' | '▍' => '.',
        '\u{2580}'..='\u{259f}' | '\u{1fb00}'..='\u{1fbaf}' | '■' => '#',
        '\u{2800}' => ' ',
        '\u{2801}'..='\u{28ff}' => ':',
        '·' | '…' => '.',
        '•' | '●' => '*',
        '○' | '◦' => 'o',
        '→' | '▸' | '▶' | '►' => '>',
        '←' | '◂' | '◀' | '◄' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '↷' | '↻' => '~',
        '⚠' => '!',
        '✓' | '✔' => '+',
        '×' => 'x',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '\u{a0}' => ' ',
        _ => '?',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn only_utf8_locales_get_unicode() {
        for locale in ["C.UTF-8", "en_US.UTF-8", "de_DE.utf8", "tr_TR.UTF-8@euro"] {
            assert_eq!(Glyphs::of_locale(Some(locale)), Glyphs::Unicode, "{locale}");
        }
        for locale in ["C", "POSIX", "en_US", "en_US.ISO-8859-1", "ja_JP.eucJP"] {
            assert_eq!(Glyphs::of_locale(Some(locale)), Glyphs::Ascii, "{locale}");
        }
        assert_eq!(Glyphs::of_locale(None), Glyphs::Unicode);
    }

    #[test]
    fn a_frame_folds_to_ascii_look_alikes() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 2));
        buf.set_string(0, 0, "╭─│█▀▄·→…░日", ratatui::style::Style::default());
        buf.set_string(0, 1, "Cat ⚠ ↓ ok", ratatui::style::Style::default());
        Glyphs::Ascii.fold(&mut buf);
        let rows: Vec<String> = (0..2)
            .map(|y| (0..12).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(rows, ["+-|#\"_.>..? ", "Cat ! v ok  "]);
        assert!(buf.content.iter().all(|c| c.symbol().is_ascii()));
        let mut same = Buffer::empty(Rect::new(0, 0, 3, 1));
        same.set_string(0, 0, "█·→", ratatui::style::Style::default());
        let before = same.clone();
        Glyphs::Unicode.fold(&mut same);
        assert_eq!(same, before);
    }
}
