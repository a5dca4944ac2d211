//! Where a character of a RON string literal is written, counting characters as the parsed
//! text has them (`\u{1b}` or a run of `\xHH` bytes is one), so an error about one character
//! of a text can point at it.

use std::str::CharIndices;

use super::locate::{self, Seg};

/// Byte offset of the `index`-th character of the string at `path`; `None` when no string
/// literal is there.
pub(crate) fn char_in_string(src: &str, path: &[Seg], index: usize) -> Option<usize> {
    let span = locate::value_span(src, path)?;
    let token = &src[span.clone()];
    if let Some(body) = token.strip_prefix('"') {
        let mut chars = body.char_indices();
        let mut seen = 0;
        while let Some((at, c)) = chars.next() {
            if c == '"' {
                return None;
            }
            if seen == index {
                return Some(span.start + 1 + at);
            }
            seen += 1;
            if c == '\\' {
                skip_escape(&mut chars);
            }
        }
        return None;
    }
    let hashes = token
        .strip_prefix('r')?
        .chars()
        .take_while(|&h| h == '#')
        .count();
    let body = token.get(2 + hashes..)?;
    body.char_indices()
        .nth(index)
        .map(|(at, _)| span.start + 2 + hashes + at)
}

/// Moves `chars` past the rest of an escape whose `\` was just read. `\xHH` escapes of a
/// byte above 0x7F come in runs that make up one character together.
fn skip_escape(chars: &mut CharIndices) {
    let hex = |chars: &mut CharIndices, n: usize| -> u32 {
        let digits: String = chars.take(n).map(|(_, c)| c).collect();
        u32::from_str_radix(&digits, 16).unwrap_or(0)
    };
    match chars.next().map(|(_, c)| c) {
        Some('x') => {
            let lead = hex(chars, 2);
            let more = match lead {
                0xC0..=0xDF => 1,
                0xE0..=0xEF => 2,
                0xF0..=0xF7 => 3,
                _ => 0,
            };
            for _ in 0..more {
                chars.nth(1);
                hex(chars, 2);
            }
        }
        Some('u') => {
            for (_, c) in chars.by_ref() {
                if c == '}' {
                    break;
                }
            }
        }
        _ => {}
    }
}
