//! The text rules of routine files: no control characters in any text a routine shows
//! (however they are written: raw, escaped, in a raw string), each located at the very
//! character; invisible text is blank; a byte order mark and an extensions header are fine.

use limberup::routine::{Problem, parse};

/// A routine whose one step is `step`, with name `name`.
fn routine(name: &str, step: &str) -> String {
    format!("Routine(name: {name}, kind: Other, steps: [{step}])")
}

fn problems(text: &str) -> Vec<Problem> {
    parse(text, "t.ron")
        .expect_err("this routine should be refused")
        .problems
}

/// The one problem of `text`, as `line:col: field: message`.
fn only(text: &str) -> String {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &found[0];
    let pos = p.pos.expect("a located problem");
    format!(
        "{}:{}: {}: {}",
        pos.line,
        pos.col,
        p.field.as_deref().unwrap_or("-"),
        p.message
    )
}

/// The char column where `needle` starts in one-line `text`.
fn col(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count() + 1
}

const STEP: &str = r#"Step(name: "S", work: Hold(secs: 1))"#;

#[test]
fn every_text_field_refuses_control_characters() {
    let cases = [
        (
            routine(r#""Mine\u{1b}[2J""#, STEP),
            "name",
            "the routine's name",
        ),
        (
            format!(
                r#"Routine(name: "R", description: "Mine\u{{1b}}[2J", kind: Other, steps: [{STEP}])"#
            ),
            "description",
            "the description",
        ),
        (
            routine(
                r#""R""#,
                r#"Step(name: "Mine\u{1b}[2J", work: Hold(secs: 1))"#,
            ),
            "name",
            "a step name",
        ),
        (
            routine(
                r#""R""#,
                r#"Step(name: "S", cues: ["ok", "Mine\u{1b}[2J"], work: Hold(secs: 1))"#,
            ),
            "cues #2",
            "a cue",
        ),
        (
            routine(
                r#""R""#,
                r#"Step(name: "S", work: Hold(secs: 1), passes: ["Mine\u{1b}[2J"])"#,
            ),
            "passes #1",
            "a pass label",
        ),
        (
            routine(
                r#""R""#,
                r#"Step(name: "S", work: Reps(count: 2, tempo_secs: 2.0, phases: ["In", "Mine\u{1b}[2J"]))"#,
            ),
            "work.phases #2",
            "a phase label",
        ),
    ];
    for (text, field, what) in cases {
        let at = col(&text, r"\u{1b}");
        assert_eq!(
            only(&text),
            format!("1:{at}: {field}: a control character (ESC, U+001B) is not allowed in {what}"),
            "{text}"
        );
    }
}

/// However the character is written, the error points at it.
#[test]
fn the_error_points_at_the_character_however_it_is_written() {
    let written = [
        (r#""Ab\u{7}c""#, r"\u{7}", "a control character (U+0007)"),
        (r#""Ab\x07c""#, r"\x07", "a control character (U+0007)"),
        ("\"Ab\u{7}c\"", "\u{7}", "a control character (U+0007)"),
        (r#""Ab\tc""#, r"\t", "a tab (U+0009)"),
        (
            "r#\"Ab\u{7f}c\"#",
            "\u{7f}",
            "a control character (DEL, U+007F)",
        ),
        (
            r#""\"A\\b\u{9b}c""#,
            r"\u{9b}",
            "a control character (U+009B)",
        ),
        (
            r#""Ä\xE2\x80\xAEc""#,
            r"\xE2",
            "a bidirectional-text control (U+202E)",
        ),
        (
            "\"A\u{2066}c\"",
            "\u{2066}",
            "a bidirectional-text control (U+2066)",
        ),
    ];
    for (name, needle, what) in written {
        let text = routine(name, STEP);
        let at = col(&text, needle);
        assert_eq!(
            only(&text),
            format!("1:{at}: name: {what} is not allowed in the routine's name"),
            "{text}"
        );
    }
    let lines = "Routine(\n    name: \"Two\n lines\", kind: Other, steps: [Step(name: \"S\", work: Hold(secs: 1))])";
    assert_eq!(
        only(lines),
        "2:15: name: a line break (U+000A) is not allowed in the routine's name \
         (each text is one line; the screen wraps long ones)"
    );
    let escaped = routine(r#""Two\nlines""#, STEP);
    assert!(only(&escaped).starts_with(&format!("1:{}: name: a line break", col(&escaped, r"\n"))));
}

#[test]
fn control_characters_in_comments_are_refused_too() {
    let text = format!("// \u{1b}]0;title\u{7}\n{}", routine("\"R\"", STEP));
    assert_eq!(
        only(&text),
        "1:4: -: a control character (ESC, U+001B) is not allowed in a routine file, \
         not even in a comment"
    );
    // Tabs and Windows line ends are layout, not text.
    let layout =
        format!("Routine(\r\n\tname: \"R\",\r\n\tkind: Other,\r\n\tsteps: [{STEP}],\r\n)\r\n");
    parse(&layout, "t.ron").unwrap();
}

/// Joiners build emoji and are needed by several scripts; only text with nothing visible
/// is blank.
#[test]
fn invisible_text_is_blank_and_joiners_are_allowed() {
    for blank in ["\u{200B}", "\u{FEFF}", " \u{2060}\u{00AD} "] {
        let text = routine(&format!("{blank:?}"), STEP);
        assert_eq!(only(&text), "1:9: name: must not be blank", "{blank:?}");
        let text = routine(
            "\"R\"",
            &format!("Step(name: \"S\", cues: [{blank:?}], work: Hold(secs: 1))"),
        );
        assert!(
            only(&text).ends_with("cues #1: must not be blank"),
            "{blank:?}"
        );
    }
    let joined = routine("\"Yoga 🧘\u{200D}♀️ with ZWNJ: می\u{200C}خواهم\"", STEP);
    assert!(parse(&joined, "t.ron").unwrap().name.contains('\u{200D}'));
}

#[test]
fn a_byte_order_mark_is_skipped_and_columns_count_after_it() {
    let text = routine("\"R\"", STEP);
    let with_bom = format!("\u{FEFF}{text}");
    assert_eq!(
        parse(&with_bom, "t.ron").unwrap(),
        parse(&text, "t.ron").unwrap()
    );
    let bad = routine("\"R\"", r#"Step(name: "S", work: Hold(secs: 0))"#);
    assert_eq!(only(&format!("\u{FEFF}{bad}")), only(&bad));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, &with_bom).unwrap();
    assert_eq!(limberup::routine::load_file(&path).unwrap().name, "R");
}

/// Problems found after parsing are located in files with an extensions header and raw
/// identifiers, rather than at 1:1.
#[test]
fn problems_are_located_after_a_header_and_in_raw_identifiers() {
    let text = "#![enable(implicit_some)]\nRoutine(r#name: \"\", kind: Other, steps: [Step(r#name: \"S\", work: Hold(r#secs: 0))])";
    let found = problems(text);
    let at: Vec<(usize, usize)> = found
        .iter()
        .map(|p| (p.pos.unwrap().line, p.pos.unwrap().col))
        .collect();
    assert_eq!(at, [(2, 9), (2, 71)], "{found:?}");
}
