//! Defence in depth: the loader refuses control characters, but text from the history or
//! from a routine built in code still reaches every place that prints it. None of those
//! places lets a control character through to the terminal; each shows it escaped.

mod common;
mod tui_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{at, record};
use limberup::listing::{list_table, plan_table};
use limberup::plain::lines;
use limberup::routine::{Entry, Kind, LoadError, RepPhase, Routine, Source, Step, Work};
use limberup::session::{Outcome, Plan, PlanOptions};
use limberup::stats::{Stats, render};
use limberup::text::is_forbidden;
use limberup::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Escape sequences that retitle a pane, clear the screen and leave colours on, a line
/// break, a C1 control, a bidirectional override and DEL.
const HOSTILE: &str = "A\u{1b}]0;owned\u{7}B\u{1b}[2J\u{1b}[31mC\nD\u{9b}E\u{202E}F\u{7f}G";

/// No line of `text` holds a forbidden character (see `limberup::text`).
fn assert_clean(what: &str, text: &str) {
    for line in text.split('\n') {
        assert!(!line.contains(is_forbidden), "{what}: {line:?}");
    }
}

/// A routine with hostile text everywhere, as code can build it without the loader.
fn hostile_entry() -> Entry {
    let t = || HOSTILE.to_string();
    Entry {
        id: t(),
        routine: Routine {
            description: t(),
            prepare_secs: Some(2),
            rest_secs: Some(2),
            switch_secs: Some(1),
            ..Routine::new(
                t(),
                Kind::Other,
                vec![Step {
                    cues: vec![t()],
                    passes: vec![t(), "Right".into()],
                    ..Step::new(
                        t(),
                        Work::Reps {
                            count: 3,
                            up_to: None,
                            tempo_secs: Some(2.0),
                            phases: vec![RepPhase::label(t()), RepPhase::label(t())],
                        },
                    )
                }],
            )
        },
        source: Source::File(PathBuf::from(format!("/r/{HOSTILE}.ron"))),
    }
}

#[test]
fn list_and_plan_tables_escape_control_characters() {
    let entry = hostile_entry();
    let table = list_table(std::slice::from_ref(&entry), &PlanOptions::default());
    assert_clean("list", &table);
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(table.contains(r"A\u{1b}]0;owned\u{7}B"), "{table}");
    let plan = Plan::new(&entry.id, &entry.routine, &PlanOptions::default());
    assert_clean("plan", &plan_table(&plan));
}

/// Columns line up by what the terminal shows: a wide character takes two.
#[test]
fn list_columns_line_up_by_display_width() {
    let mut wide = hostile_entry();
    wide.id = "日本".into();
    wide.routine.name = "ストレッチ".into();
    let mut narrow = hostile_entry();
    narrow.id = "abcd".into();
    narrow.routine.name = "Stretch".into();
    let table = list_table(&[wide, narrow], &PlanOptions::default());
    let kind_at: Vec<usize> = table
        .lines()
        .map(|line| {
            let at = line.find(['K', 'o']).unwrap();
            limberup::text::width(&line[..at])
        })
        .collect();
    assert!(kind_at.windows(2).all(|w| w[0] == w[1]), "{table}");
}

#[test]
fn plain_lines_escape_control_characters_and_stay_one_line() {
    let line = lines::stamped(Duration::from_secs(65), HOSTILE);
    assert_clean("plain", &line);
    assert!(line.starts_with("[01:05] A\\u{1b}]0;owned"), "{line}");
    assert!(!line.contains('\n'));
}

#[test]
fn load_errors_escape_what_they_quote() {
    let err = LoadError::single(format!("/r/{HOSTILE}.ron"), format!("found `{HOSTILE}`"));
    assert_clean("error", &err.to_string());
    // A real error quoting a raw ESC written between two values.
    let err = limberup::routine::parse("Routine(name: \"R\", \u{1b}[2J kind: Other)", "t.ron")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.ron:1:20: expected a name without quotes, found `\\u{1b}`"
    );
}

#[test]
fn the_history_report_escapes_routine_names_from_the_file() {
    let mut stats = Stats::new(10);
    let zone = chrono::FixedOffset::east_opt(3600).unwrap();
    for (day, name) in [(2, HOSTILE), (3, "日本語"), (4, "Warm-up")] {
        let mut r = record(at(2026, 3, day, 7, 0), 600.0, Outcome::Completed, None);
        r.routine_name = name.to_string();
        stats.add(r, &zone);
    }
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    let report = render(&stats, &zone, today, None, false);
    assert_clean("history", &report);
    // A long name wraps onto rows of its own, under its column.
    let rows: Vec<&str> = report
        .lines()
        .skip(2)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.contains("completed"))
        .collect();
    assert_eq!(rows.len(), 3, "{report}");
    // The Result column lines up whatever the names.
    let result_at: Vec<usize> = rows
        .iter()
        .map(|row| limberup::text::width(&row[..row.find("completed").unwrap()]))
        .collect();
    assert!(result_at.windows(2).all(|w| w[0] == w[1]), "{report}");
}

/// The TUI draws every screen of a hostile routine without a control character in any
/// cell (ratatui drops C0 and C1 controls itself, but not bidirectional overrides).
#[test]
fn no_tui_cell_holds_a_control_character() {
    let entry = hostile_entry();
    let theme = Theme::new(limberup::config::Theme::Default, false);
    let mut app = App::new(
        tui_support::options(theme),
        vec![entry.clone()],
        Box::new(tui_support::wall),
    );
    let t0 = Instant::now();
    let assert_frames_clean = |app: &App, now: Instant, what: &str| {
        for (w, h) in [(100, 30), (60, 16), (24, 8)] {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|frame| app.draw(frame, now)).unwrap();
            for cell in term.backend().buffer().content() {
                assert_clean(&format!("{what} at {w}x{h}"), cell.symbol());
            }
        }
    };
    assert_frames_clean(&app, t0, "picker");
    app.start(&entry, t0);
    for secs in [0.5, 2.5, 3.5, 5.0, 7.0, 9.0, 13.0, 30.0] {
        let now = t0 + Duration::from_secs_f64(secs);
        app.tick(now);
        assert_frames_clean(&app, now, &format!("session at {secs} s"));
    }
}

/// File names are text from outside too: `validate` and error lines show them escaped.
#[test]
fn file_names_are_escaped_in_command_output() {
    let sb = common::Sandbox::new();
    let good = sb.path().join("good\u{1b}]0;owned\u{7}.ron");
    std::fs::write(&good, common::tiny_routine(1)).unwrap();
    let output = sb.cmd().arg("validate").arg(&good).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_clean("validate", &stdout);
    assert!(
        stdout.ends_with("good\\u{1b}]0;owned\\u{7}.ron: ok\n"),
        "{stdout}"
    );
    let output = sb.cmd().args(["plan", "nosuch\u{1b}[2J"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_clean("plan", &stderr);
    assert!(stderr.starts_with("limberup: nosuch\\u{1b}[2J: no routine with this id"));
}

/// `figures` shows a figure file's path escaped: a file name can retitle a pane too.
#[test]
fn figures_shows_a_figure_file_name_escaped() {
    let sb = common::Sandbox::new();
    let dir = sb.config_dir().join("figures");
    std::fs::create_dir_all(&dir).unwrap();
    let (_, plank) = limberup::figure::builtins()[7];
    std::fs::write(dir.join("\u{1b}]0;X\u{7}x.ron"), plank).unwrap();
    let output = sb.cmd().arg("figures").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_clean("figures", &stdout);
    assert!(stdout.contains("x.ron"), "{stdout}");
    assert!(stdout.contains("\\u{1b}]0;X\\u{7}x"), "{stdout}");
}

/// `history` names the lines it skips with what serde says of them, which quotes the line:
/// an outcome or a check-in's session id of escape sequences is shown escaped.
#[test]
fn history_warnings_escape_what_they_quote_from_the_file() {
    let sb = common::Sandbox::new();
    let r = record(at(2026, 3, 2, 7, 0), 600.0, Outcome::Completed, None);
    let line = serde_json::to_string(&r).unwrap();
    let outcome = serde_json::to_string(&Outcome::Completed).unwrap();
    assert!(line.contains(&outcome), "{line}");
    let hostile = line.replace(&outcome, r#""\u001b]0;X\u0007""#);
    let check_in =
        r#"{"check_in":{"session":"\u001b]0;X\u0007","score":3,"at":"2026-03-02T07:15:00+00:00"}}"#;
    let file = sb.history_file();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, format!("{line}\n{hostile}\n{check_in}\n")).unwrap();
    let output = sb.cmd().arg("history").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert_clean("history warnings", &stderr);
    assert_eq!(stderr.matches("\\u{1b}]0;X\\u{7}").count(), 2, "{stderr}");
}

/// `config` lists the paths of every file: a directory name can retitle a pane too.
#[test]
fn config_shows_its_paths_escaped() {
    let sb = common::Sandbox::new();
    let config = sb.path().join("con\u{1b}]0;X\u{7}fig");
    let output = sb
        .cmd()
        .env("XDG_CONFIG_HOME", &config)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_clean("config", &stdout);
    assert!(stdout.contains("con\\u{1b}]0;X\\u{7}fig"), "{stdout}");
}
