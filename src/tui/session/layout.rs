//! The session screen's ranking: what it shows, most important first, and the rows each part
//! gets at a height. One list for every size, so a smaller screen drops the same things in
//! the same order: the least important first, never a form cue before a filler line.

/// A part of the session screen; the declaration order is the order on screen, top down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// Routine, step k of n, time done and left.
    Header,
    /// The routine's progress bar.
    Progress,
    /// A blank line under the progress bar.
    Gap,
    /// The phase word and the step name on the phase's colour.
    Band,
    /// The pass label ("Left", "Backward"): large when there is room.
    Side,
    /// The short breath cue, large, over the rep count.
    Breath,
    /// An open step's latest reminder ("DRINK SOME WATER"), large: what a person who was
    /// not listening must still see.
    Reminder,
    /// The move's figure, when it cannot stand beside the count.
    Figure,
    /// The countdown or the rep count: digits from three rows up, a line of text below that.
    Count,
    /// The line under the count: the breath cue in full, or words about the count.
    Caption,
    /// The phase's progress, with the reps as words.
    Gauge,
    /// The form cues, in their order.
    Cues,
    UpNext,
    /// Why a key did nothing, or a warning: over the footer's key hints.
    Status,
}

/// All parts, in screen order.
pub(crate) const PARTS: [Part; 14] = [
    Part::Header,
    Part::Progress,
    Part::Gap,
    Part::Band,
    Part::Side,
    Part::Breath,
    Part::Reminder,
    Part::Figure,
    Part::Count,
    Part::Caption,
    Part::Gauge,
    Part::Cues,
    Part::UpNext,
    Part::Status,
];

/// The large breath word's rows (tui-big-text at half height or in quadrants).
pub(crate) const BIG_TEXT_ROWS: u16 = 4;

/// What the caption under the count says, which decides its rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Caption {
    /// Something to follow: the breath cue in full, or "Enter after each rep".
    Guide,
    /// Words the screen already says another way ("seconds left").
    Filler,
}

/// What this moment has to show, measured at the screen's width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Needs {
    /// Rows of the pass label as text, and as large letters when they fit the width.
    pub(crate) side: Option<(u16, Option<u16>)>,
    /// The large breath word fits the width.
    pub(crate) breath: bool,
    /// Rows of the reminder as text, and as large letters when they fit the width.
    pub(crate) reminder: Option<(u16, Option<u16>)>,
    pub(crate) caption: Option<Caption>,
    /// Rows of each form cue, wrapped to the width.
    pub(crate) cues: Vec<u16>,
    /// Rows beyond which the count's digits stop growing (the width binds); 1 when even the
    /// smallest digits do not fit and the count is a line of text.
    pub(crate) count_max: u16,
    /// Rows for the move's figure above the count; 0 for none.
    pub(crate) figure: u16,
    /// Rows of the status (a refused key's note, a warning); 0 for none.
    pub(crate) status: u16,
    /// Rows the count is to have at least, whatever its digits fill: a figure beside it
    /// stands in them. Ranked after the form cues, before the header and the fillers.
    pub(crate) count_least: u16,
}

/// Rows per part; zero for a part left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Rows([u16; PARTS.len()]);

impl Rows {
    pub(crate) fn get(&self, part: Part) -> u16 {
        self.0[part as usize]
    }

    fn set(&mut self, part: Part, rows: u16) {
        self.0[part as usize] = rows;
    }

    #[cfg(test)]
    fn total(&self) -> u16 {
        self.0.iter().sum()
    }
}

/// The ranking: each entry lets a part grow to so many rows, in order of importance. An
/// entry that does not fit in what is left is passed over (its part keeps what it has).
fn ranking(needs: &Needs) -> Vec<(Part, u16)> {
    let count = |rows: u16| (Part::Count, rows.min(needs.count_max.max(1)));
    let caption = |kind| {
        let rows = u16::from(needs.caption == Some(kind));
        (Part::Caption, rows)
    };
    let (side_text, side_big) = needs.side.unwrap_or_default();
    let (reminder_text, reminder_big) = needs.reminder.unwrap_or_default();
    // The count stays the biggest thing on screen: it grows before the side does.
    let larger = [
        count(5),
        (Part::Side, side_big.unwrap_or(0)),
        (Part::Reminder, reminder_big.unwrap_or(0)),
    ];
    let mut ranks = vec![
        count(1),
        (Part::Side, side_text),
        (Part::Band, 1),
        caption(Caption::Guide),
        (Part::Reminder, reminder_text),
        count(3),
    ];
    // A status (said once, gone at the next change) costs the count's size, never a cue.
    if needs.status == 0 {
        ranks.extend(larger);
    }
    let mut cue_rows = 0;
    for rows in &needs.cues {
        cue_rows += rows;
        ranks.push((Part::Cues, cue_rows));
    }
    if needs.status > 0 {
        ranks.push((Part::Status, needs.status));
        ranks.extend(larger);
    }
    ranks.extend([
        count(7),
        (Part::Count, needs.count_least),
        // Never at the cost of the count, the side or the form cues.
        (Part::Figure, needs.figure),
        (Part::Gauge, 1),
        (Part::Header, 1),
        (Part::Breath, if needs.breath { BIG_TEXT_ROWS } else { 0 }),
        (Part::UpNext, 1),
        (Part::Progress, 1),
        // Filler last: the screen says all of it elsewhere.
        caption(Caption::Filler),
        (Part::Band, 3),
        (Part::Gap, 1),
    ]);
    ranks
}

/// The rows of each part at `height`: the ranking's entries while they fit, then whatever
/// is left to the count. A status keeps the form cues the screen shows without it (and no
/// more): it takes its rows from the count and what ranks below the cues.
pub(crate) fn allot(height: u16, needs: &Needs) -> Rows {
    if needs.status == 0 {
        return fill(height, needs);
    }
    let without = fill(
        height,
        &Needs {
            status: 0,
            ..needs.clone()
        },
    );
    let shown = needs
        .cues
        .iter()
        .scan(0, |rows, cue| {
            *rows += cue;
            Some(*rows)
        })
        .take_while(|rows| *rows <= without.get(Part::Cues))
        .count();
    let cues = needs.cues[..shown].to_vec();
    fill(
        height,
        &Needs {
            cues,
            ..needs.clone()
        },
    )
}

fn fill(height: u16, needs: &Needs) -> Rows {
    let mut rows = Rows::default();
    let mut free = height;
    for (part, want) in ranking(needs) {
        let have = rows.get(part);
        if want > have && want - have <= free {
            free -= want - have;
            rows.set(part, want);
        }
    }
    if rows.get(Part::Count) > 0 {
        rows.set(Part::Count, rows.get(Part::Count) + free);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs() -> Needs {
        Needs {
            side: Some((1, Some(4))),
            breath: false,
            caption: Some(Caption::Filler),
            cues: vec![1, 1, 1, 1],
            count_max: 40,
            figure: 0,
            reminder: None,
            status: 0,
            count_least: 0,
        }
    }

    #[test]
    fn everything_fits_a_tall_screen_and_the_count_takes_the_rest() {
        let rows = allot(29, &needs());
        for part in PARTS {
            let want = match part {
                Part::Breath | Part::Figure | Part::Reminder | Part::Status => 0,
                Part::Band => 3,
                Part::Side => 4,
                Part::Cues => 4,
                Part::Count => 12,
                _ => 1,
            };
            assert_eq!(rows.get(part), want, "{part:?} in {rows:?}");
        }
        assert_eq!(rows.total(), 29);
    }

    #[test]
    fn shrinking_drops_fillers_then_progress_never_a_cue_before_them() {
        let mut before = allot(40, &needs());
        for height in (0..40).rev() {
            let rows = allot(height, &needs());
            assert!(rows.total() <= height, "{height}: {rows:?}");
            // A part that shrank did so in ranking order: cues go only once the parts
            // ranked below them are gone.
            if rows.get(Part::Cues) < before.get(Part::Cues) {
                for part in [
                    Part::Gauge,
                    Part::Header,
                    Part::UpNext,
                    Part::Progress,
                    Part::Gap,
                ] {
                    assert_eq!(rows.get(part), 0, "{height}: {part:?} kept over a cue");
                }
                assert!(rows.get(Part::Band) <= 1 && rows.get(Part::Caption) == 0);
            }
            before = rows;
        }
    }

    #[test]
    fn the_side_and_the_count_are_the_last_to_go() {
        let rows = allot(2, &needs());
        assert_eq!((rows.get(Part::Count), rows.get(Part::Side)), (1, 1));
        assert_eq!(rows.total(), 2);
        let rows = allot(1, &needs());
        assert_eq!(rows.get(Part::Count), 1);
    }

    #[test]
    fn the_count_outgrows_the_side() {
        for height in 0..40 {
            let rows = allot(height, &needs());
            if rows.get(Part::Side) > 1 {
                assert!(
                    rows.get(Part::Count) > rows.get(Part::Side),
                    "{height}: {rows:?}"
                );
            }
        }
    }

    #[test]
    fn a_guide_caption_outranks_the_cues_and_a_filler_is_last() {
        let guide = Needs {
            caption: Some(Caption::Guide),
            ..needs()
        };
        assert_eq!(allot(4, &guide).get(Part::Caption), 1);
        let rows = allot(16, &needs());
        assert_eq!((rows.get(Part::Caption), rows.get(Part::Cues)), (0, 4));
    }

    #[test]
    fn the_figure_comes_after_the_count_the_side_and_every_cue() {
        let with = Needs {
            figure: 8,
            ..needs()
        };
        for height in 0..60 {
            let rows = allot(height, &with);
            if rows.get(Part::Figure) > 0 {
                assert_eq!(rows.get(Part::Figure), 8);
                assert_eq!((rows.get(Part::Side), rows.get(Part::Cues)), (4, 4));
                assert!(rows.get(Part::Count) >= 7, "{height}: {rows:?}");
            }
        }
        assert_eq!(allot(16, &with).get(Part::Figure), 0);
        assert_eq!(allot(24, &with).get(Part::Figure), 8);
    }

    #[test]
    fn a_narrow_count_stays_text_and_gives_its_rows_away() {
        let narrow = Needs {
            side: Some((1, None)),
            count_max: 1,
            ..needs()
        };
        let rows = allot(8, &narrow);
        assert_eq!(rows.get(Part::Cues), 4);
        assert_eq!(rows.get(Part::Side), 1);
    }

    #[test]
    fn a_status_costs_the_count_never_a_cue() {
        let with = Needs {
            status: 2,
            ..needs()
        };
        for height in 0..40 {
            let (bare, rows) = (allot(height, &needs()), allot(height, &with));
            assert_eq!(rows.get(Part::Cues), bare.get(Part::Cues), "{height}");
            if rows.get(Part::Status) > 0 {
                assert_eq!(rows.get(Part::Status), 2);
                assert!(rows.get(Part::Count) >= 3, "{height}: {rows:?}");
            }
        }
        assert_eq!(allot(11, &with).get(Part::Status), 2);
    }

    #[test]
    fn a_reminder_comes_before_the_count_grows_and_large_when_there_is_room() {
        let open = Needs {
            side: None,
            reminder: Some((1, Some(4))),
            cues: vec![],
            ..needs()
        };
        assert_eq!(allot(4, &open).get(Part::Reminder), 1);
        assert_eq!(allot(20, &open).get(Part::Reminder), 4);
    }
}
