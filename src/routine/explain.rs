//! Turns ron's terse errors ("Expected integer") into messages in the file's own terms:
//! what the field holds, what was found instead, and a hint where the cause is elsewhere.

use ron::error::{Error, SpannedError};

mod fields;

use fields::{example, holds};

use super::locate::{self, Pos, Seg};

/// A located, worded syntax or type error; `path` may be trimmed where ron's is misleading.
pub(crate) struct Explained {
    pub(crate) pos: Pos,
    pub(crate) path: Vec<Seg>,
    pub(crate) message: String,
}

/// The one expected name that `found` is probably a slip for: same letters in another case,
/// a shortened or lengthened form (`tempo` for `tempo_secs`), else a typo or two away
/// (`pases` for `passes`, `Hodl` for `Hold`).
fn suggestion(found: &str, expected: &[&str]) -> Option<String> {
    let lower = found.to_lowercase();
    let close: Vec<&&str> = expected
        .iter()
        .filter(|e| {
            let e = e.to_lowercase();
            e == lower || (lower.len() >= 3 && (e.starts_with(&lower) || lower.starts_with(&e)))
        })
        .collect();
    let one = match close.as_slice() {
        [one] => Some(**one),
        _ => crate::figure::closest(found, expected.iter().copied()),
    };
    one.map(|one| format!(" (did you mean `{one}`?)"))
}

fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// `text` with its first letter in lower case, to match our own messages.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn offset_of(src: &str, pos: Pos) -> usize {
    let line_start = if pos.line <= 1 {
        0
    } else {
        src.match_indices('\n')
            .nth(pos.line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    src[line_start..]
        .char_indices()
        .nth(pos.col.saturating_sub(1))
        .map_or(src.len(), |(i, _)| line_start + i)
}

/// `, found `x`` for the token at `offset`, shortened when long.
fn found_at(src: &str, offset: usize) -> String {
    match locate::token_at(src, offset).map(|(_, token)| token) {
        Some(token) if token.chars().count() <= 40 => format!(", found `{token}`"),
        Some(token) => format!(
            ", found `{}...`",
            token.chars().take(37).collect::<String>()
        ),
        None => String::new(),
    }
}

/// `30.5` where a whole number belongs: ron stops at the `.` and asks for a comma. Returns
/// the field name written before the number and the offset where the number starts.
fn decimal_in_integer(src: &str, offset: usize) -> Option<(String, usize)> {
    let after = src.get(offset..)?;
    if !after.starts_with('.') {
        return None;
    }
    let before = &src[..offset];
    let number = before.trim_end_matches(|c: char| c.is_ascii_digit());
    if number.len() == before.len() {
        return None;
    }
    let start = number.len();
    let key = number.trim_end().strip_suffix(':')?.trim_end();
    let name_start = key
        .char_indices()
        .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &key[name_start..];
    (!name.is_empty()).then(|| (name.to_string(), start))
}

/// A value where a field name belongs, as in `Hold(30)`: ron reads `30` as a name and
/// suggests the raw identifier `r#30`, which is no help. Says which field is meant instead.
fn field_name_expected(src: &str, offset: usize, found: &str) -> String {
    let outer = src[..offset].trim_end().strip_suffix('(').map(|before| {
        let start = before
            .char_indices()
            .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        &before[start..]
    });
    let number = |fallback: u32| found.parse::<u32>().unwrap_or(fallback);
    let example = match outer {
        Some("Hold") => format!("`Hold(secs: {})`", number(30)),
        Some("Reps") => format!("`Reps(count: {})`", number(10)),
        Some(outer) if !outer.is_empty() => format!("`{outer}(name: value, ...)`"),
        _ => "`name: value`".to_string(),
    };
    format!("expected a field name, e.g. {example}, found `{found}`")
}

pub(super) fn missing_field(field: &str, outer: Option<&str>) -> String {
    let mut text = format!("missing the required field `{field}`");
    if let Some(outer) = outer {
        text.push_str(&format!(" in `{outer}(...)`"));
    }
    if let Some(example) = example(field) {
        text.push_str(&format!(", e.g. {example}"));
    }
    text
}

fn unknown_field(found: &str, outer: Option<&str>, expected: &[&str]) -> String {
    let mut text = format!("unknown field `{found}`");
    if let Some(outer) = outer {
        text.push_str(&format!(" in `{outer}`"));
    }
    text.push_str(&format!("; expected one of {}", one_of(expected)));
    if found == "switch_secs" && outer == Some("Step") {
        text.push_str(" (`switch_secs` is set once, for the whole routine)");
    } else if matches!(found, "rounds" | "round_rest_secs") && outer == Some("Step") {
        text.push_str(
            " (rounds repeat the whole routine: set them on `Routine`; a step has `sets`)",
        );
    } else if matches!(found, "sets" | "set_rest_secs") && outer == Some("Routine") {
        text.push_str(" (sets repeat one step: set them on a `Step`; a routine has `rounds`)");
    } else if let Some(hint) = suggestion(found, expected) {
        text.push_str(&hint);
    }
    text
}

fn unknown_variant(found: &str, outer: Option<&str>, expected: &[&str]) -> String {
    let mut text = match outer {
        Some(outer) => format!("unknown {outer} `{found}`"),
        None => format!("unknown variant `{found}`"),
    };
    text.push_str(&format!("; expected one of {}", one_of(expected)));
    if let Some(hint) = suggestion(found, expected) {
        text.push_str(&hint);
    }
    text
}

/// Explains `err` from parsing `src`; `path` is where in the file ron was.
pub(crate) fn explain(src: &str, err: &SpannedError, path: &[Seg]) -> Explained {
    let mut pos = Pos {
        line: err.span.start.line,
        col: err.span.start.col,
    };
    let mut path = path.to_vec();
    let mut offset = offset_of(src, pos);
    let end = Pos {
        line: err.span.end.line,
        col: err.span.end.col,
    };
    // Nothing but blanks and comments from where ron stopped: the text was cut short.
    let structural = matches!(
        err.code,
        Error::Eof
            | Error::ExpectedComma
            | Error::ExpectedNamedStructLike(_)
            | Error::ExpectedStructLike
            | Error::ExpectedStructLikeEnd
            | Error::ExpectedArray
            | Error::ExpectedArrayEnd
            | Error::ExpectedMapEnd
    );
    let ends_early = locate::token_at(src, offset).is_none()
        || structural && locate::token_at(src, offset_of(src, end)).is_none();
    // ron may point at the blanks before a value (`rest_secs: "long"` read as an option):
    // type errors point at the value itself.
    let typed = matches!(
        err.code,
        Error::ExpectedInteger
            | Error::IntegerOutOfBounds
            | Error::InvalidIntegerDigit { .. }
            | Error::UnderscoreAtBeginning
            | Error::FloatUnderscore
            | Error::ExpectedFloat
            | Error::ExpectedString
            | Error::ExpectedBoolean
            | Error::ExpectedIdentifier
            | Error::SuggestRawIdentifier(_)
            | Error::ExpectedArray
    );
    if typed && let Some((start, _)) = locate::token_at(src, offset) {
        // ron also points past a sign: `-10` is found at `10`.
        offset = match src[..start].strip_suffix(['-', '+']) {
            Some(before) => before.len(),
            None => start,
        };
        pos = Pos::of_offset(src, offset);
    }
    let expected = |fallback: &str| match holds(&path) {
        Some(what) => format!("expected {what}{}", found_at(src, offset)),
        None => format!("expected {fallback}{}", found_at(src, offset)),
    };
    let mut message = match &err.code {
        Error::ExpectedNamedStructLike(name) if src.trim().is_empty() => {
            format!("the file is empty; expected `{name}(...)`")
        }
        Error::ExpectedNamedStructLike(name) if locate::token_at(src, 0).is_none() => {
            format!("the file holds nothing but comments; expected `{name}(...)`")
        }
        Error::TrailingCharacters => {
            if let Some(at) = locate::after_root(src) {
                pos = Pos::of_offset(src, at);
            }
            "unexpected text after the final `)`: a file holds exactly one top-level `(...)`"
                .to_string()
        }
        Error::ExpectedStringEnd => "this string is never closed: is a `\"` missing?".into(),
        Error::UnclosedBlockComment => {
            // ron points just past the `/*`.
            if offset >= 2 && src.get(offset - 2..offset) == Some("/*") {
                pos = Pos::of_offset(src, offset - 2);
            }
            "a `/*` comment is never closed with `*/`".into()
        }
        Error::ExpectedNamedStructLike(name) if ends_early => {
            pos = end;
            format!("the file ends early: expected `{name}(...)` next")
        }
        _ if ends_early => {
            pos = end;
            "the file ends early: is a closing `)` or `]` missing?".to_string()
        }
        Error::ExpectedNamedStructLike(name) if src.trim_start().starts_with('{') => format!(
            "this looks like JSON; these files are RON: `{name}(field: value, ...)`, \
             with names not in quotes"
        ),
        Error::ExpectedNamedStructLike(name) => {
            format!("expected `{name}(`{}", found_at(src, offset))
        }
        // `work: Open` with no parentheses: a kind of work always takes them.
        Error::ExpectedStructLike if matches!(path.last(), Some(Seg::Field(f)) if f == "work") => {
            "expected `(` after the kind of work, even with nothing in it: `Open()`, \
             `Hold(secs: 30)`, `Reps(count: 10)`"
                .to_string()
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(...)` here, found `{found}(...)`")
        }
        Error::ExpectedComma => match decimal_in_integer(src, offset) {
            Some((field, start)) => {
                pos = Pos::of_offset(src, start);
                path.push(Seg::Field(field));
                let what = holds(&path).unwrap_or_else(|| "a whole number".into());
                format!("expected {what}{}", found_at(src, start))
            }
            None => match src[offset..].chars().next() {
                Some(close @ (')' | ']' | '}')) => format!(
                    "found `{close}` where `,` or the end of the value before was expected: \
                     are the brackets balanced?"
                ),
                _ => "expected `,` before this: is a comma missing after the previous value?"
                    .to_string(),
            },
        },
        Error::ExpectedInteger
        | Error::IntegerOutOfBounds
        | Error::InvalidIntegerDigit { .. }
        | Error::UnderscoreAtBeginning => expected("a whole number"),
        Error::ExpectedFloat | Error::FloatUnderscore => expected("a number"),
        Error::ExpectedString => expected("text in double quotes"),
        Error::ExpectedBoolean => expected("`true` or `false`"),
        Error::ExpectedIdentifier => expected("a name without quotes"),
        Error::ExpectedArray => expected("a list in `[...]`"),
        // A timed phase of one item, or three: ron stops at its end; say so at its start.
        Error::ExpectedDifferentLength { found, .. } if holds(&path).is_some() => {
            if let Some(start) = locate::locate(src, &path) {
                pos = Pos::of_offset(src, start);
            }
            format!(
                "a phase with its seconds is a pair, `(label, seconds)`, e.g. \
                 `(\"Hold the stretch\", 4)`; this one has {found} item{}",
                if *found == 1 { "" } else { "s" }
            )
        }
        // A value of the wrong shape where our own types read it (a phase).
        Error::InvalidValueForType { .. } if holds(&path).is_some() => expected(""),
        Error::MissingStructField { field, outer } => missing_field(field, outer.as_deref()),
        Error::NoSuchStructField { found, outer, .. }
            if found.starts_with(|c: char| c.is_ascii_uppercase()) =>
        {
            path.pop();
            let outer = outer.as_deref().unwrap_or("the value");
            format!(
                "found `{found}` where a field of `{outer}` was expected: \
                 is the `)` closing the `{outer}(` before it missing?"
            )
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => unknown_field(found, outer.as_deref(), expected),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => unknown_variant(found, outer.as_deref(), expected),
        Error::SuggestRawIdentifier(found) | Error::InvalidIdentifier(found) => {
            field_name_expected(src, offset, found)
        }
        Error::DuplicateStructField { field, .. } => {
            format!("`{field}` is given twice; keep one")
        }
        other => lower_first(&other.to_string()),
    };
    if let Some(start) = locate::multiline_string_before(src, offset_of(src, pos)) {
        let at = Pos::of_offset(src, start);
        message.push_str(&format!(
            " (the string at line {}, column {} runs across lines: is its closing `\"` missing?)",
            at.line, at.col
        ));
    }
    Explained { pos, path, message }
}
