//! Finds where a value sits in RON source, so errors found after parsing (ranges, blank
//! names) can still point at a line and column. Best effort: malformed text yields `None`.

use std::ops::Range;

/// One step of a path into a routine file: a field name or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// A 1-based line and column (columns count chars, as ron's do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub(crate) fn of_offset(src: &str, offset: usize) -> Pos {
        let before = &src[..offset.min(src.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line,
            col: before[line_start..].chars().count() + 1,
        }
    }
}

/// Deeper than this the locator gives up (ron itself refuses such files).
const MAX_DEPTH: usize = 64;

#[derive(Debug)]
enum Node<'a> {
    Struct(Vec<(&'a str, usize, Node<'a>)>),
    Seq(Vec<(usize, Node<'a>)>),
    /// A value's text (a string's without its quotes) and the byte span of its whole token.
    Leaf(&'a str, Range<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    Str(&'a str),
    Punct(char),
    Other(&'a str),
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn skip_trivia(&mut self) {
        loop {
            let rest = &self.src[self.pos..];
            // A byte order mark may start the text; ron never sees it (see `without_bom`).
            let rest = match rest.strip_prefix('\u{FEFF}') {
                Some(after) if self.pos == 0 => {
                    self.pos = rest.len() - after.len();
                    after
                }
                _ => rest,
            };
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("#![") {
                // An extensions header (`#![enable(implicit_some)]`) is no value of ours.
                self.pos += trimmed.find(']').map_or(trimmed.len(), |i| i + 1);
            } else if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                let mut depth = 0usize;
                let bytes = trimmed.as_bytes();
                let mut i = 0;
                while i + 1 < bytes.len() {
                    match (bytes[i], bytes[i + 1]) {
                        (b'/', b'*') => {
                            depth += 1;
                            i += 2;
                        }
                        (b'*', b'/') => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => i += 1,
                    }
                }
                self.pos += if depth == 0 { i } else { bytes.len() };
            } else {
                return;
            }
        }
    }

    /// Next token and its byte offset.
    fn next(&mut self) -> Option<(usize, Tok<'a>)> {
        self.skip_trivia();
        let start = self.pos;
        let rest = &self.src[start..];
        let c = rest.chars().next()?;
        if c == '"' {
            let end = string_end(rest, 0)?;
            self.pos += end;
            return Some((start, Tok::Str(&rest[1..end - 1])));
        }
        if c == 'r' && (rest.starts_with("r\"") || rest.starts_with("r#")) {
            let hashes = rest[1..].chars().take_while(|&h| h == '#').count();
            if rest[1 + hashes..].starts_with('"') {
                let close = format!("\"{}", "#".repeat(hashes));
                let body = 2 + hashes;
                let end = rest[body..].find(&close)? + body;
                self.pos += end + close.len();
                return Some((start, Tok::Str(&rest[body..end])));
            }
        }
        if c == '\'' {
            let end = rest[1..].find('\'').map(|i| i + 2).unwrap_or(rest.len());
            self.pos += end;
            return Some((start, Tok::Other(&rest[..end])));
        }
        if "()[]{}:,".contains(c) {
            self.pos += 1;
            return Some((start, Tok::Punct(c)));
        }
        let len = rest
            .find(|ch: char| ch.is_whitespace() || "()[]{}:,\"".contains(ch))
            .unwrap_or(rest.len())
            .max(c.len_utf8());
        self.pos += len;
        let word = &rest[..len];
        // `r#name` is ron's raw identifier for `name`.
        let ident = word.strip_prefix("r#").unwrap_or(word);
        let is_ident = ident
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic() || ch == '_');
        Some((
            start,
            if is_ident {
                Tok::Ident(ident)
            } else {
                Tok::Other(word)
            },
        ))
    }

    fn peek(&mut self) -> Option<(usize, Tok<'a>)> {
        let saved = self.pos;
        let tok = self.next();
        self.pos = saved;
        tok
    }
}

/// Byte index just past the closing quote of the string opening at `from`.
fn string_end(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = from + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn parse_value<'a>(lx: &mut Lexer<'a>, depth: usize) -> Option<Node<'a>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let (start, tok) = lx.next()?;
    let span = start..lx.pos;
    match tok {
        Tok::Ident(name) => {
            if lx.peek().map(|t| t.1) == Some(Tok::Punct('(')) {
                lx.next();
                parse_body(lx, ')', depth)
            } else {
                Some(Node::Leaf(name, span))
            }
        }
        Tok::Punct('(') => parse_body(lx, ')', depth),
        Tok::Punct('[') => parse_body(lx, ']', depth),
        Tok::Punct('{') => parse_body(lx, '}', depth),
        Tok::Str(s) | Tok::Other(s) => Some(Node::Leaf(s, span)),
        Tok::Punct(_) => None,
    }
}

/// Parses the inside of `( ... )`, `[ ... ]` or `{ ... }` up to `close`.
fn parse_body<'a>(lx: &mut Lexer<'a>, close: char, depth: usize) -> Option<Node<'a>> {
    let mut fields = Vec::new();
    let mut items = Vec::new();
    // A file cut short still yields what came before (for naming the step in errors).
    while let Some((offset, tok)) = lx.peek() {
        if tok == Tok::Punct(close) {
            lx.next();
            break;
        }
        if tok == Tok::Punct(',') {
            lx.next();
            continue;
        }
        if let Tok::Ident(name) = tok {
            let saved = lx.pos;
            lx.next();
            if lx.peek().map(|t| t.1) == Some(Tok::Punct(':')) && close == ')' {
                lx.next();
                match parse_value(lx, depth + 1) {
                    Some(value) => fields.push((name, offset, value)),
                    None => break,
                }
                continue;
            }
            lx.pos = saved;
        }
        match parse_value(lx, depth + 1) {
            Some(value) => items.push((offset, value)),
            None => break,
        }
    }
    // `Step(name: "a", ... Step(` (a missing `)`) has both; the fields are what matter.
    Some(if close == ')' && !fields.is_empty() {
        Node::Struct(fields)
    } else if close != ')' || !items.is_empty() {
        Node::Seq(items)
    } else {
        Node::Struct(fields)
    })
}

/// Follows `path` from `root` (written at `start`) as far as it exists: the offset of the
/// deepest part found (for a field, where its name is written), that node, and whether the
/// whole path was found.
fn walk<'n, 'a>(root: &'n Node<'a>, start: usize, path: &[Seg]) -> (usize, &'n Node<'a>, bool) {
    let mut node = root;
    let mut offset = start;
    for seg in path {
        let found = match (seg, node) {
            (Seg::Field(name), Node::Struct(fields)) => fields
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, at, value)| (*at, value)),
            (Seg::Index(i), Node::Seq(items)) => items.get(*i).map(|(at, value)| (*at, value)),
            _ => None,
        };
        match found {
            Some((at, value)) => {
                offset = at;
                node = value;
            }
            None => return (offset, node, false),
        }
    }
    (offset, node, true)
}

/// Byte offset of the value at `path`, or of the deepest part of it that exists (for a
/// field: where its name is written).
pub fn locate(src: &str, path: &[Seg]) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    let start = lx.peek()?.0;
    let root = parse_value(&mut lx, 0)?;
    Some(walk(&root, start, path).0)
}

/// Byte span of the single-token value (a string, a number, a name) at `path`.
pub(crate) fn value_span(src: &str, path: &[Seg]) -> Option<Range<usize>> {
    let mut lx = Lexer { src, pos: 0 };
    let start = lx.peek()?.0;
    let root = parse_value(&mut lx, 0)?;
    match walk(&root, start, path) {
        (_, Node::Leaf(_, span), true) => Some(span.clone()),
        _ => None,
    }
}

/// Byte spans of the string literals in `src`, so a scan of the raw text can leave what is
/// inside strings to the checks of their values.
pub(crate) fn string_spans(src: &str) -> Vec<Range<usize>> {
    let mut lx = Lexer { src, pos: 0 };
    let mut spans = Vec::new();
    while let Some((start, tok)) = lx.next() {
        if let Tok::Str(_) = tok {
            spans.push(start..lx.pos);
        }
    }
    spans
}

/// Byte offset where the field at `fields` (names from the root down) is written; `None`
/// unless every one exists. Lets other RON files (the config) locate errors found after
/// parsing, and lets a copy find the value it replaces.
pub fn locate_field(src: &str, fields: &[&str]) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    let root = parse_value(&mut lx, 0)?;
    let mut node = &root;
    let mut offset = None;
    for name in fields {
        let Node::Struct(entries) = node else {
            return None;
        };
        let (_, at, value) = entries.iter().find(|(n, _, _)| n == name)?;
        offset = Some(*at);
        node = value;
    }
    offset
}

/// Byte span of the single-token value (a string, a number) of the field at `fields`
/// (names from the root down), so a copy can replace just that value, comments and layout
/// kept.
pub fn locate_value(src: &str, fields: &[&str]) -> Option<Range<usize>> {
    let path: Vec<Seg> = fields.iter().map(|f| Seg::Field(f.to_string())).collect();
    value_span(src, &path)
}

/// The `name` written in the n-th step (0-based), so type errors can name the step.
pub(crate) fn step_name(src: &str, index: usize) -> Option<String> {
    let mut lx = Lexer { src, pos: 0 };
    let Node::Struct(fields) = parse_value(&mut lx, 0)? else {
        return None;
    };
    let (_, _, Node::Seq(steps)) = fields.iter().find(|(n, _, _)| *n == "steps")? else {
        return None;
    };
    let Node::Struct(step) = &steps.get(index)?.1 else {
        return None;
    };
    match step.iter().find(|(n, _, _)| *n == "name")? {
        (_, _, Node::Leaf(name, _)) => Some((*name).to_string()),
        _ => None,
    }
}

/// The source text of the token at (or first after) `offset`: a number, a name, a quoted
/// string, a bracket. Used to say what was found where something else was expected.
/// Also gives where that token starts.
pub fn token_at(src: &str, offset: usize) -> Option<(usize, &str)> {
    if !src.is_char_boundary(offset) {
        return None;
    }
    let mut lx = Lexer { src, pos: offset };
    let (start, _) = lx.next()?;
    Some((start, &src[start..lx.pos]))
}

/// Where the closing `)` of the value at `path` is written: the place to say what is
/// missing from it.
pub(crate) fn value_end(src: &str, path: &[Seg]) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    let start = lx.peek()?.0;
    let root = parse_value(&mut lx, 0)?;
    let (at, _, found) = walk(&root, start, path);
    if !found {
        return None;
    }
    let mut lx = Lexer { src, pos: at };
    parse_value(&mut lx, 0)?;
    let end = lx.pos.checked_sub(1)?;
    (src.as_bytes().get(end) == Some(&b')')).then_some(end)
}

/// Where the top-level value's closing `)` is written: the place to say what is missing
/// from it.
pub fn root_end(src: &str) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    parse_value(&mut lx, 0)?;
    let end = lx.pos.checked_sub(1)?;
    (src.as_bytes().get(end) == Some(&b')')).then_some(end)
}

/// Where text goes on after the file's top-level value, if it does.
pub(crate) fn after_root(src: &str) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    parse_value(&mut lx, 0)?;
    lx.peek().map(|(offset, _)| offset)
}

/// The start of the last string before `offset` that runs across lines: usually a missing
/// closing `"` that swallowed the text after it.
pub(crate) fn multiline_string_before(src: &str, offset: usize) -> Option<usize> {
    let mut lx = Lexer { src, pos: 0 };
    let mut found = None;
    while let Some((start, tok)) = lx.next() {
        if start >= offset {
            break;
        }
        if let Tok::Str(text) = tok
            && text.contains('\n')
        {
            found = Some(start);
        }
    }
    found
}
