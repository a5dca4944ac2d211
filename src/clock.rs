//! How durations read wherever a person sees one: `m:ss`, `h:mm:ss` from an hour on.

use std::time::Duration;

/// Whole seconds (cut, not rounded: a countdown's elapsed part never runs ahead).
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// As `clock`, rounded to tenths, shown only when `--scale` leaves them (`0:07.5`).
pub(crate) fn clock_tenths(d: Duration) -> String {
    let tenths = (d.as_millis() + 50) / 100;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let mut text = clock(Duration::from_secs(whole as u64));
    if tenth > 0 {
        text.push_str(&format!(".{tenth}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_cuts_to_whole_seconds() {
        assert_eq!(clock(Duration::from_secs(0)), "0:00");
        assert_eq!(clock(Duration::from_millis(65_900)), "1:05");
        assert_eq!(clock(Duration::from_secs(3725)), "1:02:05");
    }

    #[test]
    fn clock_tenths_rounds_and_shows_tenths_only_when_there_are_some() {
        let ms = Duration::from_millis;
        assert_eq!(clock_tenths(ms(0)), "0:00");
        assert_eq!(clock_tenths(ms(5_000)), "0:05");
        assert_eq!(clock_tenths(ms(372_000)), "6:12");
        assert_eq!(clock_tenths(ms(7_500)), "0:07.5");
        assert_eq!(clock_tenths(ms(19_960)), "0:20");
        assert_eq!(clock_tenths(ms(3_600_000 + 61_000)), "1:01:01");
    }
}
