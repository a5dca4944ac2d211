//! Runs the real binary in a pseudo-terminal of a known size with its own config and data
//! dirs, and turns what it writes into a screen (vt100) that tests poll until a condition
//! holds or a deadline passes. Bells are counted as the terminal sees them.
#![allow(dead_code)]

use std::io::{ErrorKind, Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::{Signal, WaitStatus};

/// A short routine: every phase in about 10 s.
pub const SHORT: &str = r#"Routine(
    name: "Short test",
    kind: Other,
    prepare_secs: 1,
    rest_secs: 1,
    switch_secs: 1,
    steps: [
        Step(name: "Step one", cues: ["First cue"], work: Hold(secs: 3)),
        Step(name: "Step two", cues: ["Second cue"], work: Hold(secs: 2), passes: ["Left", "Right"]),
        Step(name: "Step three", work: Reps(count: 2)),
    ],
)"#;

/// Counts the BEL characters the terminal receives.
#[derive(Default)]
pub struct Bells(pub usize);

impl vt100::Callbacks for Bells {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0 += 1;
    }
}

/// `DIR/bin`, holding a `pw-play` that plays nothing (`true`): first on the coach's PATH,
/// so sounds are silent and the same on every machine, whatever players it has.
pub fn silent_player(dir: &std::path::Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let truth = std::env::split_paths(&path)
        .map(|d| d.join("true"))
        .find(|p| p.is_file())
        .expect("`true` on PATH");
    // A link, not a script written here: nothing can be "text file busy".
    std::os::unix::fs::symlink(truth, bin.join("pw-play")).unwrap();
    bin
}

/// PATH with `silent_player`'s directory first.
pub fn silent_path(dir: &std::path::Path) -> std::ffi::OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::iter::once(dir.join("bin")).chain(std::env::split_paths(&path));
    std::env::join_paths(dirs).unwrap()
}

/// A temp dir with `cfg/` (config and `routine` as user routine `short`), `data/` and
/// `home/`, `bin/` (see `silent_player`), and `routine` again at `short.ron`.
pub fn prepare(routine: &str, config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    silent_player(dir.path());
    let cfg = dir.path().join("cfg");
    let routines = cfg.join("limberup/routines");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::write(routines.join("short.ron"), routine).unwrap();
    std::fs::write(dir.path().join("short.ron"), routine).unwrap();
    if let Some(config) = config {
        std::fs::write(cfg.join("limberup/config.ron"), config).unwrap();
    }
    dir
}

/// Where the app keeps its history under a `prepare`d dir.
pub fn history_file(dir: &std::path::Path) -> PathBuf {
    dir.join("data/limberup/history.jsonl")
}

pub struct Coach {
    pub pty: expectrl::session::OsSession,
    pub parser: vt100::Parser<Bells>,
    pub dir: tempfile::TempDir,
    pub started: Instant,
    /// Bytes the app has written so far.
    pub bytes: usize,
    status: Option<WaitStatus>,
}

/// `program ARGS` behind `stty`, so the pty has its size before the program first looks;
/// `sane` also turns echo and line editing on, as in a shell (the pty library leaves echo
/// off).
fn sized(program: &str, args: &[String], cols: u16, rows: u16, sane: bool) -> Command {
    let script = if sane {
        r#"stty sane cols "$0" rows "$1" && shift && exec "$@""#
    } else {
        r#"stty cols "$0" rows "$1" && shift && exec "$@""#
    };
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg(cols.to_string())
        .arg(rows.to_string())
        .arg(program)
        .args(args);
    cmd
}

/// Spawns `cmd` (from `sized`) in a pty of `cols` x `rows`. The pty library sets 80x24 from
/// the parent once the child has started, which can land after the child's `stty` on a
/// busy machine: set the size again from here, so it is right whichever comes last (a
/// program that already started at 80x24 gets a SIGWINCH).
fn spawn(cmd: Command, cols: u16, rows: u16) -> expectrl::session::OsSession {
    let mut pty = Session::spawn(cmd).expect("spawn in a pty");
    pty.get_process_mut()
        .set_window_size(cols, rows)
        .expect("size the pty");
    pty
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Coach {
    /// Starts `limberup ARGS` at `cols` x `rows`, with `config` (RON) if given and the short
    /// routine at `$DIR/short.ron` and as a user routine.
    pub fn start(args: &[&str], cols: u16, rows: u16, config: Option<&str>) -> Coach {
        Coach::start_with(SHORT, args, cols, rows, config)
    }

    /// As `start`, with `routine` as the routine file.
    pub fn start_with(
        routine: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        config: Option<&str>,
    ) -> Coach {
        let dir = prepare(routine, config);
        Coach::spawn(dir, args, cols, rows)
    }

    /// Runs `limberup ARGS` with the dirs of `dir` (see `prepare`); `$DIR` in an argument
    /// is replaced by its path.
    pub fn spawn(dir: tempfile::TempDir, args: &[&str], cols: u16, rows: u16) -> Coach {
        Coach::spawn_env(dir, args, cols, rows, &[])
    }

    /// As `spawn`, with extra environment variables.
    pub fn spawn_env(
        dir: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Coach {
        Coach::spawn_tty(dir, args, cols, rows, env, false)
    }

    /// As `spawn_env`, on a terminal in a shell's modes (`stty sane`), so a test can check
    /// the app gives them back (see `cooked`).
    pub fn spawn_sane(
        dir: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Coach {
        Coach::spawn_tty(dir, args, cols, rows, env, true)
    }

    fn spawn_tty(
        dir: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        sane: bool,
    ) -> Coach {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.replace("$DIR", &dir.path().display().to_string()))
            .collect();
        let mut cmd = sized(env!("CARGO_BIN_EXE_limberup"), &args, cols, rows, sane);
        cmd.env("XDG_CONFIG_HOME", dir.path().join("cfg"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("HOME", dir.path().join("home"))
            // The status file stays in the sandbox, whatever the test runner's session has.
            .env("XDG_RUNTIME_DIR", dir.path().join("run"))
            .env("PATH", silent_path(dir.path()))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .envs(env.iter().copied());
        Coach {
            pty: spawn(cmd, cols, rows),
            parser: vt100::Parser::new_with_callbacks(nz(rows), nz(cols), 0, Bells::default()),
            dir,
            started: Instant::now(),
            bytes: 0,
            status: None,
        }
    }

    /// Runs any `program` at `cols` x `rows` (for reference measurements of other tools).
    pub fn start_program(program: &str, args: &[&str], cols: u16, rows: u16) -> Coach {
        let dir = tempfile::tempdir().unwrap();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut cmd = sized(program, &args, cols, rows, false);
        cmd.env("TERM", "xterm-256color");
        Coach {
            pty: spawn(cmd, cols, rows),
            parser: vt100::Parser::new_with_callbacks(nz(rows), nz(cols), 0, Bells::default()),
            dir,
            started: Instant::now(),
            bytes: 0,
            status: None,
        }
    }

    /// Feeds whatever the app has written into the screen.
    pub fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.pty.try_read(&mut buf) {
                Ok(0) => return,
                Ok(n) => {
                    self.bytes += n;
                    self.parser.process(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(_) => return,
            }
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    pub fn bells(&self) -> usize {
        self.parser.callbacks().0
    }

    /// Polls the screen until `pred` holds; panics with the screen after `secs`.
    pub fn wait_until(&mut self, secs: f64, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for(&mut self, text: &str, secs: f64) -> String {
        self.wait_until(secs, &format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the app has written nothing for 100 ms (a frame may arrive in pieces).
    pub fn settle(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut seen = self.bytes;
        loop {
            std::thread::sleep(Duration::from_millis(100));
            self.pump();
            if self.bytes == seen || Instant::now() > deadline {
                return self.parser.screen().contents();
            }
            seen = self.bytes;
        }
    }

    /// Asserts the screen stays exactly as it is for `secs`.
    pub fn assert_still(&mut self, secs: f64) -> String {
        let before = self.settle();
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.screen();
            assert_eq!(
                now, before,
                "the screen changed while it should stand still"
            );
        }
        before
    }

    pub fn send(&mut self, keys: &str) {
        self.pty.write_all(keys.as_bytes()).unwrap();
        self.pty.flush().unwrap();
    }

    pub fn signal(&mut self, signal: Signal) {
        self.pty.get_process_mut().signal(signal).unwrap();
    }

    pub fn pid(&self) -> i32 {
        self.pty.get_process().pid().as_raw()
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.pty
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Waits for the app to exit and returns its exit code (panics if killed by a signal).
    pub fn exit_code(&mut self, secs: f64) -> i32 {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        loop {
            match self.exited() {
                Some(code) => return code,
                None if Instant::now() > deadline => {
                    panic!("the app did not exit; screen:\n{}", self.screen())
                }
                None => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    /// The exit code if the app has exited, without waiting (panics if killed by a signal).
    pub fn exited(&mut self) -> Option<i32> {
        self.pump();
        let status = self.status.or_else(|| {
            let s = self.pty.get_process().status().unwrap();
            (s != WaitStatus::StillAlive).then_some(s)
        });
        match status {
            Some(WaitStatus::Exited(_, code)) => {
                self.status = status;
                self.pump();
                Some(code)
            }
            Some(other) => panic!("the app ended with {other:?}"),
            None => None,
        }
    }

    /// The terminal's modes as the app set or left them: on Linux the master side reports
    /// the slave's termios, and keeps them after the app has exited.
    pub fn termios(&self) -> libc::termios {
        use std::os::fd::AsRawFd;
        // SAFETY: `termios` is plain data, filled in by `tcgetattr` on a valid open fd.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(
                libc::tcgetattr(self.pty.as_raw_fd(), &mut t),
                0,
                "tcgetattr"
            );
            t
        }
    }

    /// True when the terminal is in a shell's cooked mode: everything raw mode turns off
    /// (line editing, echo, signal keys, input and output processing) is on.
    pub fn cooked(&self) -> bool {
        let t = self.termios();
        let local = libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN;
        t.c_lflag & local == local && t.c_iflag & libc::ICRNL != 0 && t.c_oflag & libc::OPOST != 0
    }

    /// True when the terminal is in raw mode: no line editing, no echo, no signal keys.
    pub fn raw(&self) -> bool {
        let t = self.termios();
        t.c_lflag & (libc::ICANON | libc::ECHO | libc::ISIG) == 0
    }

    /// The process state letter from /proc (`T` when stopped).
    pub fn proc_state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        let after = stat.rsplit_once(')').unwrap().1;
        after.trim_start().chars().next().unwrap()
    }

    pub fn history_path(&self) -> PathBuf {
        history_file(self.dir.path())
    }

    /// The saved session records, as JSON values.
    /// The records as the history reader gives them (check-in answers joined).
    pub fn history(&self) -> Vec<serde_json::Value> {
        let loaded = limberup::history::load(&self.history_path()).unwrap();
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        loaded
            .records
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect()
    }

    pub fn read_all(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = self.pty.read_to_end(&mut out);
        out
    }
}
