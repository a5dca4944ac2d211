//! What a reminder installs, as text: a systemd user timer and its service, a launchd
//! agent's plist, or crontab lines; each runs `limberup remind fire NAME` at the schedule's
//! times. Paths and names are quoted the way each reader wants.

use std::path::Path;

use super::{Reminder, Schedule};

/// The unit files' base name: `limberup-remind-NAME`.
pub fn unit_name(name: &str) -> String {
    format!("limberup-remind-{name}")
}

/// The `OnCalendar=` values of `schedule`: one per minute of the hour its times use.
pub fn on_calendar(schedule: &Schedule) -> Vec<String> {
    let days = if schedule.days.all() {
        String::new()
    } else {
        format!("{} ", schedule.days.systemd())
    };
    schedule
        .by_minute()
        .into_iter()
        .map(|(minute, hours)| {
            let hours: Vec<String> = hours.iter().map(|h| format!("{h:02}")).collect();
            format!("{days}*-*-* {}:{minute:02}:00", hours.join(","))
        })
        .collect()
}

/// A word of an `ExecStart=` line: quoted, with `\` and `"` escaped and `%` doubled
/// (systemd's specifier character).
fn systemd_word(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%");
    format!("\"{escaped}\"")
}

/// The service and the timer, as (file name, text).
pub fn systemd(reminder: &Reminder, exe: &Path) -> [(String, String); 2] {
    let unit = unit_name(&reminder.name);
    let service = format!(
        "[Unit]\nDescription=limberup reminder {name}: {routine}\n\n[Service]\nType=oneshot\n\
         ExecStart={exe} remind fire {name}\n",
        name = reminder.name,
        routine = reminder.routine,
        exe = systemd_word(&exe.to_string_lossy()),
    );
    let calendars: String = on_calendar(&reminder.schedule)
        .iter()
        .map(|c| format!("OnCalendar={c}\n"))
        .collect();
    // Runs missed while asleep are not made up: a reminder for a moment gone is noise, and
    // `fire` checks the window again anyway.
    let timer = format!(
        "[Unit]\nDescription=limberup reminder {name}: {routine}\n\n[Timer]\n{calendars}\
         Persistent=false\nAccuracySec=30s\n\n[Install]\nWantedBy=timers.target\n",
        name = reminder.name,
        routine = reminder.routine,
    );
    [
        (format!("{unit}.service"), service),
        (format!("{unit}.timer"), timer),
    ]
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The launchd agent: one `StartCalendarInterval` entry per weekday and time (launchd has
/// no ranges), or per time when every day fires.
pub fn launchd(reminder: &Reminder, exe: &Path) -> (String, String) {
    use chrono::Timelike;
    let label = format!("org.limberup.remind.{}", reminder.name);
    let args: String = [&*exe.to_string_lossy(), "remind", "fire", &reminder.name]
        .iter()
        .map(|a| format!("\t\t<string>{}</string>\n", xml(a)))
        .collect();
    let days: Vec<Option<usize>> = if reminder.schedule.days.all() {
        vec![None]
    } else {
        // launchd counts weekdays from Sunday = 0.
        (0..7)
            .filter(|i| reminder.schedule.days.0[*i])
            .map(|i| Some((i + 1) % 7))
            .collect()
    };
    let mut intervals = String::new();
    for day in &days {
        for t in &reminder.schedule.times {
            let weekday = day.map_or_else(String::new, |d| {
                format!("\t\t\t<key>Weekday</key>\n\t\t\t<integer>{d}</integer>\n")
            });
            intervals.push_str(&format!(
                "\t\t<dict>\n\t\t\t<key>Hour</key>\n\t\t\t<integer>{}</integer>\n\t\t\t<key>Minute</key>\n\t\t\t<integer>{}</integer>\n{weekday}\t\t</dict>\n",
                t.hour(),
                t.minute()
            ));
        }
    }
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\t<key>Label</key>\n\t<string>{label}</string>\n\
         \t<key>ProgramArguments</key>\n\t<array>\n{args}\t</array>\n\
         \t<key>StartCalendarInterval</key>\n\t<array>\n{intervals}\t</array>\n</dict>\n</plist>\n",
        label = xml(&label),
    );
    (format!("{label}.plist"), text)
}

/// A word for `sh`, single-quoted; `%` escaped, which cron turns into a line break.
fn cron_word(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''")).replace('%', "\\%")
}

/// The crontab lines, each ending in a `# limberup:NAME` mark that `remove` finds them by.
/// cron's jobs do not see the desktop's session bus unless told where it is.
pub fn cron(reminder: &Reminder, exe: &Path, uid: u32) -> Vec<String> {
    let days = reminder.schedule.days.cron();
    reminder
        .schedule
        .by_minute()
        .into_iter()
        .map(|(minute, hours)| {
            let hours: Vec<String> = hours.iter().map(u32::to_string).collect();
            format!(
                "{minute} {} * * {days} DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{uid}/bus {} remind fire {} # limberup:{}",
                hours.join(","),
                cron_word(&exe.to_string_lossy()),
                reminder.name,
                reminder.name,
            )
        })
        .collect()
}
