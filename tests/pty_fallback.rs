//! Where the full-screen coach cannot run although stdout is a terminal: `TERM=dumb`, or no
//! terminal to read keys from (no controlling terminal, stdin not one). `run` coaches in
//! plain lines instead; the picker, which has no plain form, says what to use.

mod common;
mod pty_support;

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use common::{Sandbox, tiny_routine};
use limberup::history;
use limberup::session::Outcome;
use pty_support::{Coach, prepare};

const ONE_HOLD: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    steps: [Step(name: "Only step", work: Hold(secs: 1))],
)"#;

const NO_CHECK_IN: Option<&str> = Some("(check_in: Some(false))");

#[test]
fn run_with_term_dumb_coaches_in_plain_lines() {
    let dir = prepare(ONE_HOLD, NO_CHECK_IN);
    let env = [("TERM", "dumb")];
    let mut coach = Coach::spawn_env(dir, &["run", "short"], 80, 24, &env);
    assert_eq!(coach.exit_code(10.0), 0);
    let screen = coach.screen();
    assert!(
        screen.contains("[00:00] Short test: 1 step, 0:01 planned"),
        "{screen}"
    );
    assert!(screen.contains("[00:01] Summary: completed"), "{screen}");
    assert!(!coach.parser.screen().alternate_screen());
    assert_eq!(coach.history().len(), 1);
}

#[test]
fn the_picker_with_term_dumb_says_what_to_use_instead() {
    let dir = prepare(ONE_HOLD, NO_CHECK_IN);
    let mut coach = Coach::spawn_env(dir, &[], 160, 24, &[("TERM", "dumb")]);
    assert_eq!(coach.exit_code(10.0), 1);
    let screen = coach.screen();
    assert!(
        screen.contains(
            "limberup: the routine picker needs a terminal (TERM is dumb); try `limberup list` \
             or `limberup run ROUTINE --plain`"
        ),
        "{screen}"
    );
    assert!(!coach.parser.screen().alternate_screen());
}

/// Runs `limberup ARGS` in a new session with no controlling terminal, stdout on a pty of
/// its own (so it is a terminal) and stdin from /dev/null; returns the exit code, what
/// reached the pty and stderr.
fn without_a_controlling_terminal(sb: &Sandbox, args: &[&str]) -> (Option<i32>, String, String) {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two fds that are then owned here; the pre_exec hook only calls
    // setsid, which is async-signal-safe.
    let (master, slave) = unsafe {
        let opened = libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        );
        assert_eq!(opened, 0, "openpty");
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        (
            std::fs::File::from(OwnedFd::from_raw_fd(master)),
            OwnedFd::from_raw_fd(slave),
        )
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_limberup"));
    cmd.env_clear()
        .env("PATH", sb.silent_path())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("config"))
        .env("XDG_DATA_HOME", sb.path().join("data"))
        .env("TERM", "xterm-256color")
        .args(args)
        .stdin(Stdio::null())
        .stdout(slave)
        .stderr(Stdio::piped());
    // SAFETY: see above.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let reader = std::thread::spawn(move || {
        let mut master = master;
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // Ends with EIO once the child, the last holder of the slave side, has exited.
        while let Ok(n @ 1..) = master.read(&mut buf) {
            out.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&out).into_owned()
    });
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), reader.join().unwrap(), stderr)
}

#[test]
fn run_without_a_controlling_terminal_coaches_in_plain_lines() {
    let sb = Sandbox::new();
    sb.write_routine("tiny", &tiny_routine(1));
    let (code, out, stderr) = without_a_controlling_terminal(&sb, &["run", "tiny"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        out.contains("[00:00] Tiny: 1 step, 0:01 planned"),
        "{out:?}"
    );
    assert!(out.contains("[00:01] Summary: completed"), "{out:?}");
    let loaded = history::load(&sb.history_file()).unwrap();
    assert_eq!(loaded.records[0].outcome, Outcome::Completed);
}

#[test]
fn the_picker_without_a_controlling_terminal_says_what_to_use_instead() {
    let sb = Sandbox::new();
    let (code, out, stderr) = without_a_controlling_terminal(&sb, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(out, "");
    assert!(
        stderr.starts_with(
            "limberup: the routine picker needs a terminal (no terminal to read keys from: \
             /dev/tty: No such device or address"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("try `limberup list` or `limberup run ROUTINE --plain`\n"),
        "{stderr}"
    );
}
