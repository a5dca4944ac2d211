//! Reminders without a resident program: a schedule (`schedule`) turned into what the
//! system already runs (`units`: a systemd user timer, a launchd agent, crontab lines),
//! each running `limberup remind fire NAME` at its times.

mod schedule;
mod units;

use std::path::Path;

pub use schedule::{MIN_EVERY, Schedule, WeekDays};
pub use units::{cron, launchd, on_calendar, systemd, unit_name};

/// One reminder: its name (also the name of what is installed), the routine it offers and
/// when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub name: String,
    pub routine: String,
    pub schedule: Schedule,
}

/// The longest reminder name.
const MAX_NAME: usize = 40;

impl Reminder {
    /// A reminder named `name`: lowercase letters, digits and `-`, so it is a unit name, a
    /// launchd label and a crontab word as it stands.
    pub fn new(name: &str, routine: &str, schedule: Schedule) -> Result<Reminder, String> {
        let fits = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if name.is_empty()
            || name.len() > MAX_NAME
            || !name.chars().all(fits)
            || name.starts_with('-')
        {
            return Err(format!(
                "reminder name `{}`: use 1 to {MAX_NAME} lowercase letters, digits and `-` (not first)",
                crate::text::clean(name)
            ));
        }
        if schedule.times.is_empty() || !schedule.days.0.iter().any(|d| *d) {
            return Err("the schedule has no times".into());
        }
        Ok(Reminder {
            name: name.to_string(),
            routine: routine.to_string(),
            schedule,
        })
    }
}

/// The systems a reminder can be installed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum System {
    Systemd,
    Launchd,
    Cron,
}

impl System {
    /// launchd on macOS; systemd where it runs the user's session; cron elsewhere.
    pub fn detect() -> System {
        if cfg!(target_os = "macos") {
            System::Launchd
        } else if Path::new("/run/systemd/system").is_dir() {
            System::Systemd
        } else {
            System::Cron
        }
    }
}

/// What installing `reminder` into `system` would write, as text to show: each file with
/// its name as a comment line before it, or the crontab lines.
pub fn print(reminder: &Reminder, system: System, exe: &Path) -> String {
    match system {
        System::Systemd => systemd(reminder, exe)
            .iter()
            .map(|(name, text)| format!("# ~/.config/systemd/user/{name}\n{text}"))
            .collect::<Vec<_>>()
            .join("\n"),
        System::Launchd => {
            let (name, text) = launchd(reminder, exe);
            format!("<!-- ~/Library/LaunchAgents/{name} -->\n{text}")
        }
        System::Cron => {
            // SAFETY: getuid cannot fail and touches no memory.
            let uid = unsafe { libc::getuid() };
            let mut text = cron(reminder, exe, uid).join("\n");
            text.push('\n');
            text
        }
    }
}
