//! When a reminder fires: at fixed times on some weekdays (`--at 'Mon..Fri 09:30,14:00'`),
//! or every N minutes inside working hours (`--every 45m --between 09:00-17:30 --days
//! mon-fri`). Pure calendar logic on local wall times; the next firing is found in any
//! `TimeZone`, DST gaps and repeats included.

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};

/// The weekdays a reminder fires on, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekDays(pub [bool; 7]);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// systemd's and launchd's spellings.
const SYSTEMD: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl WeekDays {
    pub const ALL: WeekDays = WeekDays([true; 7]);

    pub fn has(&self, day: Weekday) -> bool {
        self.0[day.num_days_from_monday() as usize]
    }

    pub fn all(&self) -> bool {
        self.0.iter().all(|d| *d)
    }

    /// The days as systemd writes them (`Mon..Fri`, `Mon,Wed`, `Mon..Wed,Sat`).
    pub fn systemd(&self) -> String {
        runs(self)
            .into_iter()
            .map(|(a, b)| match b - a {
                0 => SYSTEMD[a].to_string(),
                1 => format!("{},{}", SYSTEMD[a], SYSTEMD[b]),
                _ => format!("{}..{}", SYSTEMD[a], SYSTEMD[b]),
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The days as cron writes them (0 = Sunday): `1-5`, `1,3`, `0,6`.
    pub fn cron(&self) -> String {
        if self.all() {
            return "*".into();
        }
        let cron = |i: usize| (i + 1) % 7;
        let mut days: Vec<usize> = (0..7).filter(|i| self.0[*i]).map(cron).collect();
        days.sort_unstable();
        days.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Parses `mon-fri`, `Mon..Fri`, `mon,wed,fri`, `sat-sun` (case does not matter).
    pub fn parse(text: &str) -> Result<WeekDays, String> {
        let mut days = [false; 7];
        for item in text.split(',') {
            let item = item.trim().to_ascii_lowercase();
            let (a, b) = match item.split_once("..").or_else(|| item.split_once('-')) {
                Some((a, b)) => (day(a)?, day(b)?),
                None => (day(&item)?, day(&item)?),
            };
            // A range may wrap past Sunday (`fri-mon`).
            let mut i = a;
            loop {
                days[i] = true;
                if i == b {
                    break;
                }
                i = (i + 1) % 7;
            }
        }
        Ok(WeekDays(days))
    }
}

fn day(text: &str) -> Result<usize, String> {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let text = text.trim();
    NAMES
        .iter()
        .position(|n| *n == text)
        .or_else(|| FULL.iter().position(|n| *n == text))
        .ok_or_else(|| format!("`{text}` is not a weekday (mon, tue, wed, thu, fri, sat, sun)"))
}

/// Runs of consecutive days as (first, last) indices.
fn runs(days: &WeekDays) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in (0..7).filter(|i| days.0[*i]) {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == i => *last = i,
            _ => out.push((i, i)),
        }
    }
    out
}

/// When a reminder fires: local times of day on some weekdays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub days: WeekDays,
    /// Sorted, each once, to the minute.
    pub times: Vec<NaiveTime>,
}

/// The shortest `--every`: reminders closer than this would be noise.
pub const MIN_EVERY: u32 = 5;

impl Schedule {
    /// `--at 'Mon..Fri 09:30,14:00'` (the days may be left out: every day).
    pub fn at(text: &str) -> Result<Schedule, String> {
        let text = text.trim();
        let (days, times) = match text.split_once(char::is_whitespace) {
            Some((days, times)) => (WeekDays::parse(days)?, times.trim()),
            None => (WeekDays::ALL, text),
        };
        let times = times
            .split(',')
            .map(|t| time(t.trim()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Schedule::new(days, times))
    }

    /// `--every 45m --between 09:00-17:30 [--days mon-fri]`: from the window's start, every
    /// `every` minutes, up to and including its end.
    pub fn every(every: &str, between: &str, days: Option<&str>) -> Result<Schedule, String> {
        let minutes = minutes(every)?;
        let (from, to) = between.split_once('-').ok_or_else(|| {
            format!("--between `{between}`: expected HH:MM-HH:MM, e.g. 09:00-17:30")
        })?;
        let (from, to) = (time(from.trim())?, time(to.trim())?);
        if to <= from {
            return Err(format!(
                "--between `{between}`: the end must be after the start"
            ));
        }
        let days = days.map_or(Ok(WeekDays::ALL), WeekDays::parse)?;
        let mut times = Vec::new();
        let mut at = from;
        while at <= to {
            times.push(at);
            let (next, wrapped) =
                at.overflowing_add_signed(chrono::Duration::minutes(i64::from(minutes)));
            if wrapped != 0 {
                break;
            }
            at = next;
        }
        Ok(Schedule::new(days, times))
    }

    fn new(days: WeekDays, mut times: Vec<NaiveTime>) -> Schedule {
        times.sort_unstable();
        times.dedup();
        Schedule { days, times }
    }

    /// Whether the reminder fires at local wall time `at` (to the minute).
    pub fn fires_at(&self, at: NaiveDateTime) -> bool {
        self.days.has(at.weekday()) && self.times.binary_search(&at.time()).is_ok()
    }

    /// The first firing strictly after `now`, in `tz`. A time that a DST change skips that
    /// day does not fire; one that it repeats fires once, the first time.
    pub fn next_after<Tz: TimeZone>(&self, now: &DateTime<Tz>, tz: &Tz) -> Option<DateTime<Tz>> {
        let today = now.with_timezone(tz).date_naive();
        (0..=7u64)
            .filter_map(|n| today.checked_add_days(Days::new(n)))
            .filter(|d| self.days.has(d.weekday()))
            .flat_map(|d| self.on(d, tz))
            .find(|at| at > now)
    }

    /// The firings of `date` in `tz`, in order.
    fn on<Tz: TimeZone>(&self, date: NaiveDate, tz: &Tz) -> Vec<DateTime<Tz>> {
        self.times
            .iter()
            .filter_map(|t| match tz.from_local_datetime(&date.and_time(*t)) {
                LocalResult::Single(at) => Some(at),
                LocalResult::Ambiguous(first, _) => Some(first),
                LocalResult::None => None,
            })
            .collect()
    }

    /// The times grouped by their minute: (minute, hours), for calendars that take a list
    /// of hours and a list of minutes (systemd's `OnCalendar`, cron).
    pub fn by_minute(&self) -> Vec<(u32, Vec<u32>)> {
        use chrono::Timelike;
        let mut groups: Vec<(u32, Vec<u32>)> = Vec::new();
        for t in &self.times {
            match groups.iter_mut().find(|(m, _)| *m == t.minute()) {
                Some((_, hours)) => hours.push(t.hour()),
                None => groups.push((t.minute(), vec![t.hour()])),
            }
        }
        groups.sort_unstable();
        groups
    }
}

fn time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| format!("`{text}` is not a time of day as HH:MM (24 hours), e.g. 09:30"))
}

/// `45m`, `1h`, `1h30m`, `90` (minutes), at least `MIN_EVERY` minutes and at most a day.
fn minutes(text: &str) -> Result<u32, String> {
    let bad = || format!("--every `{text}`: expected minutes or hours, e.g. 45m, 1h, 1h30m");
    let mut total: u32 = 0;
    let mut number = String::new();
    for c in text.trim().chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' => {
                let n: u32 = number.parse().map_err(|_| bad())?;
                total = total.saturating_add(if c == 'h' { n.saturating_mul(60) } else { n });
                number.clear();
            }
            _ => return Err(bad()),
        }
    }
    if !number.is_empty() {
        total = total.saturating_add(number.parse::<u32>().map_err(|_| bad())?);
    }
    if !(MIN_EVERY..=24 * 60).contains(&total) {
        return Err(format!(
            "--every `{text}`: must be from {MIN_EVERY} minutes to 24 hours"
        ));
    }
    Ok(total)
}
