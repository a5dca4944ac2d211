//! `run A B` as one session and `resume` through the real binary in plain mode: one record
//! holding the parts, a quit session taken up at the step it stopped in, two records linked
//! and counted as one session, and the clear one-line answers when nothing can be resumed.

mod common;

use common::Sandbox;
use limberup::history;
use limberup::session::{Outcome, SessionRecord};

const A: &str = "Routine(name: \"Aa\", kind: WarmUp, prepare_secs: 0, rest_secs: 0, steps: [\
                 Step(name: \"A1\", work: Hold(secs: 1)), Step(name: \"A2\", work: Hold(secs: 1))])\n";
const B: &str = "Routine(name: \"Bb\", kind: CoolDown, prepare_secs: 0, rest_secs: 0, steps: [\
                 Step(name: \"B1\", work: Hold(secs: 1))])\n";

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write_routine("a", A);
    sb.write_routine("b", B);
    // No rest between the parts, so the sessions here last seconds.
    sb.write_config("Config(rest_secs: 0)\n");
    sb
}

fn records(sb: &Sandbox) -> Vec<SessionRecord> {
    history::load(&sb.history_file()).unwrap().records
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The resume states kept, a file per session.
fn resume_files(sb: &Sandbox) -> Vec<std::path::PathBuf> {
    let dir = sb.history_file().with_file_name("resume");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries.map(|e| e.unwrap().path()).collect()
}

/// `run a b`, then `n` (to A2) and `q` at once: quit in the second step.
fn quit_in_a2(sb: &Sandbox) {
    let out = sb
        .cmd()
        .args(["run", "a", "b", "--plain"])
        .write_stdin("n\nq\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Aa, Bb: 2 parts (Aa 2 steps, Bb 1 step)"),
        "{stdout}"
    );
    assert!(stdout.contains("Stopped: you quit"), "{stdout}");
}

#[test]
fn several_routines_run_as_one_session_with_one_record() {
    let sb = sandbox();
    let out = sb
        .cmd()
        .args(["run", "a", "b", "--plain"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("[00:02] Part 2 of 2: Bb\n"), "{stdout}");
    assert!(
        stdout.contains("Summary: completed, 3/3 steps done"),
        "{stdout}"
    );
    let records = records(&sb);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(
        (r.routine_id.as_str(), r.routine_name.as_str()),
        ("a+b", "Aa, Bb")
    );
    let parts: Vec<&str> = r.parts.iter().map(|p| p.routine_id.as_str()).collect();
    assert_eq!(parts, ["a", "b"]);
    let steps: Vec<(&str, u32)> = r.steps.iter().map(|s| (s.name.as_str(), s.part)).collect();
    assert_eq!(steps, [("A1", 1), ("A2", 1), ("B1", 2)]);
    assert_eq!(r.planned_secs, 3.0);
    // A completed session leaves nothing to resume.
    assert!(resume_files(&sb).is_empty());
}

#[test]
fn a_quit_session_resumes_at_its_step_and_counts_once() {
    let sb = sandbox();
    quit_in_a2(&sb);
    assert_eq!(resume_files(&sb).len(), 1);

    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("limberup: resuming Aa, step 2 of 2, in Aa, Bb, stopped just now\n"),
        "{stderr}"
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("[00:00] Resuming Aa, step 2 of 2, in Aa, Bb: 0:02 planned from there\n[00:00] A2: hold 1 s\n"),
        "{stdout}"
    );
    // The summary is of all of the session: A1, skipped before, too.
    assert!(
        stdout.contains("Summary: completed, 2/3 steps done, 1 skipped"),
        "{stdout}"
    );

    let records = records(&sb);
    assert_eq!(records.len(), 2);
    let (first, second) = (&records[0], &records[1]);
    assert_eq!(first.outcome, Outcome::Quit);
    assert_eq!(second.outcome, Outcome::Completed);
    assert_eq!(second.resumes, first.id);
    assert!(first.id.is_some());
    assert_eq!((first.from_step, second.from_step), (1, 2));
    let names: Vec<&str> = second.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["A2", "B1"]);
    assert!(resume_files(&sb).is_empty());

    // Counted as one completed session.
    let report = sb.cmd().args(["history"]).output().unwrap();
    let report = text(&report.stdout);
    assert!(
        report.contains("Total: 1 session (1 completed)"),
        "{report}"
    );

    // And then there is nothing left to resume: one line, status 1.
    let again = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(text(&again.stdout), "");
    assert_eq!(
        text(&again.stderr),
        "limberup: nothing to resume: every session ran to its end (or none has run yet)\n"
    );
}

#[test]
fn a_resumed_session_quit_again_still_links_to_the_first_record() {
    let sb = sandbox();
    quit_in_a2(&sb);
    let out = sb
        .cmd()
        .args(["resume", "--plain"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records = records(&sb);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1].resumes, records[0].id);
    assert_eq!(records[2].resumes, records[0].id);
    let report = sb.cmd().args(["history"]).output().unwrap();
    let report = text(&report.stdout);
    assert!(
        report.contains("Total: 1 session (1 completed)"),
        "{report}"
    );
}

#[test]
fn nothing_to_resume_is_one_line_and_status_1() {
    let sb = sandbox();
    let out = sb.cmd().args(["resume"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "limberup: nothing to resume: every session ran to its end (or none has run yet)\n"
    );
}

#[test]
fn a_routine_changed_since_is_not_resumed() {
    let sb = sandbox();
    quit_in_a2(&sb);
    sb.write_routine("a", &A.replace("secs: 1)), Step", "secs: 5)), Step"));
    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "limberup: cannot resume Aa, Bb: the routine `a` has changed since; start afresh \
         with `limberup run a b`\n"
    );
    assert_eq!(records(&sb).len(), 1);
}

/// A routine run by its path is started afresh by that path: its id finds no routine.
#[test]
fn a_routine_run_by_path_and_changed_since_is_started_afresh_by_its_path() {
    let sb = sandbox();
    let file = sb.path().join("my a.ron");
    std::fs::write(&file, A).unwrap();
    let out = sb
        .cmd()
        .args(["run", file.to_str().unwrap(), "b", "--plain"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::write(&file, A.replace("secs: 1)), Step", "secs: 5)), Step")).unwrap();
    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "limberup: cannot resume Aa, Bb: the routine `my a` has changed since; start \
             afresh with `limberup run '{}' b`\n",
            std::path::absolute(&file).unwrap().display()
        )
    );
}

#[test]
fn a_resume_file_cut_short_is_a_warning_and_nothing_to_resume() {
    let sb = sandbox();
    quit_in_a2(&sb);
    let file = resume_files(&sb).remove(0);
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "limberup: warning: {}: unreadable (",
            file.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("; ignored\nlimberup: nothing to resume\n"),
        "{stderr}"
    );
}

/// The resume file is untrusted: control characters and a line break in its routine name
/// are shown escaped, on the one line of the answer.
#[test]
fn a_resume_file_name_with_control_characters_stays_one_escaped_line() {
    let sb = sandbox();
    quit_in_a2(&sb);
    let files = resume_files(&sb);
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    let json = std::fs::read_to_string(file).unwrap();
    assert!(json.contains("\"Aa, Bb\""), "{json}");
    let hostile = json.replace("\"Aa, Bb\"", "\"Aa\\u001b]0;X\\u0007\\nBb\"");
    std::fs::write(file, hostile).unwrap();
    sb.write_routine("a", &A.replace("secs: 1)), Step", "secs: 5)), Step"));
    let out = sb.cmd().args(["resume", "--plain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "limberup: cannot resume Aa\\u{1b}]0;X\\u{7}\\nBb: the routine `a` has changed since; \
         start afresh with `limberup run a b`\n"
    );
}
