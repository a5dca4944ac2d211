//! Text that came from files or the history, on its way to a terminal: the one rule for the
//! characters routine text may not hold, the one way to show them should they get through,
//! and the one way to measure, wrap and cut it (by display columns, never by chars).
//!
//! Forbidden: the C0 and C1 control characters and DEL (ESC starts escape sequences that
//! retitle panes, clear the screen or leave colours on; a line break breaks one-line output),
//! the Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
//! isolates (they reorder what is shown, so text can read as something it is not).
//! Zero-width joiners and the like stay allowed inside text (emoji sequences and several
//! scripts need them), but text made only of invisible characters counts as blank.

use std::borrow::Cow;
use std::io::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// True for a character that acts on the terminal or the layout instead of showing.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// True for a character that shows nothing: white space, the forbidden characters, and the
/// default-ignorable ones (zero-width space and joiners, word joiner, soft hyphen, variation
/// selectors, tags, byte order mark) plus the blank fillers of Hangul and Braille.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_forbidden(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// True when `text` shows nothing at all (only spaces or invisible characters).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// The first forbidden character of `text`, with its index among the chars.
pub(crate) fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|(_, c)| is_forbidden(*c))
}

/// What `c` is, for messages: `a control character (ESC, U+001B)`.
pub(crate) fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    match c {
        '\n' => format!("a line break ({code})"),
        '\r' => format!("a carriage return ({code})"),
        '\t' => format!("a tab ({code})"),
        '\u{1B}' => format!("a control character (ESC, {code})"),
        '\u{7F}' => format!("a control character (DEL, {code})"),
        '\u{2028}' | '\u{2029}' => format!("a line separator ({code})"),
        c if c.is_control() => format!("a control character ({code})"),
        _ => format!("a bidirectional-text control ({code})"),
    }
}

/// `text` with each forbidden character written as its escape, as a RON or Rust string
/// would (`\n`, `\t`, `\r`, `\u{1b}`): visible, so nothing is silently dropped, and inert.
/// Borrowed when there is nothing to escape.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_forbidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes `message` to stderr, each of its lines as `limberup: LINE` shown through `clean`:
/// the one way the coach's messages (which quote files, paths and the history) reach
/// stderr. Write errors are ignored: `eprintln!` would panic on a stderr that has gone.
pub fn say(message: &str) {
    let mut err = std::io::stderr().lock();
    for line in message.lines() {
        let _ = writeln!(err, "limberup: {}", clean(line));
    }
}

/// Columns `text` takes on a terminal (wide characters take two, combining marks none).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `columns` wide (as `{:<columns$}` would, counting
/// columns rather than chars).
pub(crate) fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The longest start of `text` at most `columns` wide, and the rest.
fn split_at_width(text: &str, columns: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += char_width(c);
        if used > columns {
            return text.split_at(i);
        }
    }
    (text, "")
}

/// Greedy word wrap to `columns` columns; a word wider than a line is broken across lines
/// rather than lost.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if columns == 0 {
        return lines;
    }
    let mut line = String::new();
    for word in text.split_whitespace() {
        let used = width(&line);
        if used > 0 && used + 1 + width(word) <= columns {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while width(rest) > columns {
            // At least one character per line, even one wider than the line.
            let (head, tail) = match split_at_width(rest, columns) {
                ("", _) => rest.split_at(rest.chars().next().map_or(0, char::len_utf8)),
                parts => parts,
            };
            lines.push(head.to_string());
            rest = tail;
        }
        line.push_str(rest);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `columns` columns, ending in `…` when cut.
pub(crate) fn ellipsize(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    if columns == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, columns - 1);
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_escapes_what_acts_on_the_terminal_and_keeps_the_rest() {
        assert_eq!(
            clean("a\u{1b}]0;x\u{7}b\nc\td\u{9b}e\u{202e}f"),
            "a\\u{1b}]0;x\\u{7}b\\nc\\td\\u{9b}e\\u{202e}f"
        );
        assert!(matches!(clean("Rückenschule 🧘‍♀️"), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_text_is_blank() {
        for blank in ["", " ", "\u{200B}", "\u{FEFF}\u{2060}", "\u{3000}\u{00AD}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for shown in ["a", "\u{200B}a", "🧘", "·"] {
            assert!(!is_blank(shown), "{shown:?}");
        }
    }

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("日本"), 4);
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
    }

    #[test]
    fn wrap_keeps_words_whole_and_breaks_giants() {
        assert_eq!(wrap("Keep the neck long", 9), ["Keep the", "neck long"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a abcdefghij b", 4), ["a", "abcd", "efgh", "ij b"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn wrap_and_ellipsize_count_columns_not_chars() {
        // Each ideograph takes two columns: three of them do not fit in five.
        assert_eq!(wrap("日本語 日本", 5), ["日本", "語", "日本"]);
        assert_eq!(ellipsize("日本語", 5), "日本…");
        assert_eq!(ellipsize("日本語", 6), "日本語");
        assert_eq!(ellipsize("e\u{301}tude", 5), "e\u{301}tude");
    }

    #[test]
    fn ellipsize_marks_the_cut() {
        assert_eq!(ellipsize("Inhale", 10), "Inhale");
        assert_eq!(ellipsize("Inhale: drop", 7), "Inhale…");
        assert_eq!(ellipsize("Inhale", 0), "");
        assert_eq!(ellipsize("Inhale", 1), "…");
        assert_eq!(ellipsize("Thread the needle", 12), "Thread the…");
    }
}
