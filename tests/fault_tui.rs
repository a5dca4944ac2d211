//! Faults around the full-screen coach, through the real binary in a pty: signals from
//! outside, a panic, a full disk, a terminal that goes away. Each must leave the terminal as
//! the shell had it (modes, main screen, cursor), the history whole and the session in it.

mod common;
mod pty_support;

use std::path::Path;

use common::{at, record};
use limberup::history;
use limberup::session::Outcome;
use pty_support::{Coach, SHORT, history_file, prepare};

/// Sends `signal` as `kill -SIG PID` from outside, during a session.
fn signal_during_a_session(signal: &str, code: i32) {
    let mut coach = Coach::spawn_sane(
        prepare(SHORT, None),
        &["run", "$DIR/short.ron"],
        80,
        24,
        &[],
    );
    coach.wait_for("Step one", 5.0);
    assert!(coach.raw(), "raw mode during the session");
    assert!(coach.parser.screen().alternate_screen());
    assert!(coach.parser.screen().hide_cursor());
    let killed = std::process::Command::new("kill")
        .args([format!("-{signal}"), coach.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(coach.exit_code(3.0), code, "SIG{signal}");
    assert!(
        coach.cooked(),
        "SIG{signal}: modes restored: {:?}",
        coach.termios()
    );
    assert!(!coach.parser.screen().alternate_screen(), "SIG{signal}");
    assert!(!coach.parser.screen().hide_cursor(), "SIG{signal}");
    let loaded = history::load(&coach.history_path()).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 1, "SIG{signal}");
    assert_eq!(
        loaded.records[0].outcome,
        Outcome::Interrupted,
        "SIG{signal}"
    );
}

#[test]
fn sigterm_restores_the_terminal_records_the_session_and_exits_143() {
    signal_during_a_session("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_records_the_session_and_exits_129() {
    signal_during_a_session("HUP", 129);
}

#[test]
fn sigint_from_kill_restores_the_terminal_records_the_session_and_exits_130() {
    signal_during_a_session("INT", 130);
}

/// The check above can fail: a program killed while its terminal is raw leaves it raw.
#[test]
fn the_mode_check_sees_a_terminal_left_raw() {
    let coach = Coach::start_program("sh", &["-c", "stty raw -echo && kill -9 $$"], 80, 24);
    let status = coach.pty.get_process().wait().unwrap();
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Signaled(..)),
        "{status:?}"
    );
    assert!(coach.raw() && !coach.cooked(), "{:?}", coach.termios());
}

/// Two good records in the history before `dir`'s session starts; returns the file's bytes.
fn seed_history(path: &Path) -> Vec<u8> {
    for (day, outcome) in [(1, Outcome::Completed), (2, Outcome::Quit)] {
        let r = record(at(2026, 3, day, 7, 0), 300.0, outcome, Some(1));
        history::append(path, &r).unwrap();
    }
    std::fs::read(path).unwrap()
}

/// `cargo test` builds the binary with `fault-injection`: the session loop panics on purpose
/// after its first frame when `LIMBERUP_FAULT` is set. The panic is outside the machine, whose
/// state is still good: the terminal is restored, the session so far is appended to the
/// history as interrupted (after what was there), and the exit is 101 with the message.
#[cfg(feature = "fault-injection")]
#[test]
fn a_panic_restores_the_terminal_and_records_the_session_as_interrupted() {
    let dir = prepare(SHORT, None);
    let path = history_file(dir.path());
    let before = seed_history(&path);
    let env = [("LIMBERUP_FAULT", "panic")];
    let mut coach = Coach::spawn_sane(dir, &["run", "$DIR/short.ron"], 160, 24, &env);
    assert_eq!(coach.exit_code(5.0), 101);
    let screen = coach.screen();
    assert!(
        screen.contains("injected fault (LIMBERUP_FAULT)"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "limberup: internal error: injected fault (LIMBERUP_FAULT); \
             the session so far was recorded as interrupted"
        ),
        "{screen}"
    );
    assert!(coach.cooked(), "modes restored: {:?}", coach.termios());
    assert!(!coach.parser.screen().alternate_screen());
    assert!(!coach.parser.screen().hide_cursor());
    assert!(std::fs::read(&path).unwrap().starts_with(&before));
    let loaded = history::load(&path).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let outcomes: Vec<Outcome> = loaded.records.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [Outcome::Completed, Outcome::Quit, Outcome::Interrupted]
    );
    assert_eq!(loaded.records[2].routine_id, "short");
}

const ONE_HOLD: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 0,
    rest_secs: 0,
    steps: [Step(name: "Only step", work: Hold(secs: 1))],
)"#;

/// The history is `/dev/full`: the picker reads it (a read that would never end), and the
/// save fails (a device is refused as no history file).
#[test]
fn a_full_disk_is_a_warning_naming_the_file_and_the_coach_ends_normally() {
    let dir = prepare(ONE_HOLD, Some("(check_in: Some(false))"));
    let path = history_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("/dev/full", &path).unwrap();
    let cause = format!(
        "cannot write {}: not a regular file but a character device",
        path.display()
    );
    let mut coach = Coach::spawn_sane(dir, &[], 160, 30, &[]);
    coach.wait_for("Routines (11)", 5.0);
    coach.send("/short");
    coach.wait_for("Routines (1)", 2.0);
    coach.send("\r\r");
    let screen = coach.wait_for("the session was not saved", 6.0);
    assert!(screen.contains(&cause), "{screen}");
    assert!(screen.contains("completed"), "{screen}");
    coach.send("q");
    assert_eq!(coach.exit_code(3.0), 0);
    assert!(coach.cooked());
    assert!(!coach.parser.screen().alternate_screen());
    let after = coach.screen();
    assert!(
        after.contains(&format!("limberup: the session was not saved: {cause}")),
        "{after}"
    );
}

/// A pty of our own whose master side can really be closed, as when the terminal window
/// goes away: the app gets SIGHUP and every read and write on its terminal fails.
struct OwnPty {
    master: Option<std::fs::File>,
    child: std::process::Child,
    screen: vt100::Parser,
}

impl OwnPty {
    fn spawn(dir: &Path, args: &[&str]) -> OwnPty {
        use std::os::fd::{FromRawFd, OwnedFd};
        use std::os::unix::process::CommandExt;
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty fills two fds we then own; the pre_exec hook only makes async-
        // signal-safe calls (setsid, ioctl) in the child.
        let (master, slave) = unsafe {
            let opened = libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            );
            assert_eq!(opened, 0, "openpty");
            // Only the child's stdio may hold the terminal, or closing ours closes nothing.
            for fd in [master, slave] {
                libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
            }
            (
                std::fs::File::from(OwnedFd::from_raw_fd(master)),
                OwnedFd::from_raw_fd(slave),
            )
        };
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"));
        cmd.args(args)
            .env("PATH", pty_support::silent_path(dir))
            .env("XDG_CONFIG_HOME", dir.join("cfg"))
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("HOME", dir.join("home"))
            .env("TERM", "xterm-256color")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        // SAFETY: see above.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        // SAFETY: a valid fd; non-blocking so reads poll.
        unsafe {
            use std::os::fd::AsRawFd;
            let fd = master.as_raw_fd();
            libc::fcntl(
                fd,
                libc::F_SETFL,
                libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK,
            );
        }
        OwnPty {
            master: Some(master),
            child,
            screen: vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0),
        }
    }

    fn wait_for(&mut self, text: &str) {
        use std::io::Read;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut buf = [0u8; 8192];
        while !self.screen.screen().contents().contains(text) {
            assert!(std::time::Instant::now() < deadline, "no {text:?}");
            match self.master.as_mut().unwrap().read(&mut buf) {
                Ok(n) => self.screen.process(&buf[..n]),
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
    }

    /// Closes the terminal, then waits for the app's exit status.
    fn hang_up(&mut self) -> std::process::ExitStatus {
        drop(self.master.take());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(std::time::Instant::now() < deadline, "the app did not exit");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

impl Drop for OwnPty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Closes the terminal during a session run with `args` (after the routine's path); returns
/// the exit code once the session has been checked to be recorded as interrupted.
fn close_the_terminal_during(args: &[&str]) -> Option<i32> {
    let dir = prepare(SHORT, None);
    let routine = dir.path().join("short.ron").display().to_string();
    let mut pty = OwnPty::spawn(dir.path(), &[&["run", &routine], args].concat());
    pty.wait_for("Step one");
    let status = pty.hang_up();
    let loaded = history::load(&history_file(dir.path())).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.records.len(), 1, "{status:?}");
    assert_eq!(loaded.records[0].outcome, Outcome::Interrupted);
    status.code()
}

#[test]
fn a_closed_terminal_ends_the_session_as_interrupted_without_a_panic() {
    // SIGHUP (129), or 1 when the lost terminal is noticed first; never a panic (101).
    let code = close_the_terminal_during(&[]);
    assert!(matches!(code, Some(129 | 1)), "{code:?}");
}

#[test]
fn a_closed_terminal_ends_a_plain_session_as_interrupted() {
    assert_eq!(close_the_terminal_during(&["--plain"]), Some(129));
}
