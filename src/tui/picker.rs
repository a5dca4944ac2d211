//! The routine picker: every routine with kind, steps and planned time, a preview of the
//! selected one, `/` to filter, Space to mark several to run in turn as one session.
//! Durations come from the plan, so config and `--scale` show.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use ratatui::symbols::Marker;

use super::figure::{FigureWidget, MIN_SIZE};
use super::keymap::Action;
use super::theme::Theme;
use crate::clock::clock;
use crate::figure::{Figure, PassMode};
use crate::listing::plan_of;
use crate::progress::{self, Known, Standing};
use crate::routine::{Entry, Lineup, LoadError, Source};
use crate::session::{Enough, Plan, PlanOptions, StepPlan, WorkPlan};
use crate::text::{self, wrap};
use crate::wording::{self, seconds};

/// A routine (or a move, as a one-step routine) as the list shows it.
pub struct Row {
    pub entry: Entry,
    pub plan: Plan,
    /// More words the filter finds it by (a move's aliases, kind, regions ...).
    words: String,
    /// The figure the preview shows (moves only).
    figure: Option<Figure>,
}

/// Which list the picker shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shelf {
    Routines,
    Moves,
}

pub struct Picker {
    rows: Vec<Row>,
    /// Where each progressing routine stands (by id), from the history.
    levels: HashMap<String, Standing>,
    options: PlanOptions,
    /// The moves, each a one-step routine to try.
    moves: Vec<Row>,
    shelf: Shelf,
    marker: Marker,
    /// The marked rows (indexes into `rows`), in the order marked: the session Enter starts.
    marks: Vec<usize>,
    /// Every routine, for the parts of a combination.
    known: Vec<Entry>,
    /// Index into the filtered rows.
    selected: usize,
    filter: String,
    typing: bool,
    /// Routine files that failed to load, one line each.
    pub errors: Vec<String>,
}

impl Picker {
    pub fn new(entries: Vec<Entry>, options: &PlanOptions) -> Picker {
        let rows = entries
            .iter()
            .map(|entry| Row {
                plan: plan_of(entry, &entries, options),
                entry: entry.clone(),
                words: String::new(),
                figure: None,
            })
            .collect();
        Picker {
            rows,
            levels: HashMap::new(),
            options: *options,
            moves: Vec::new(),
            shelf: Shelf::Routines,
            marker: Marker::Quadrant,
            marks: Vec::new(),
            known: entries,
            selected: 0,
            filter: String::new(),
            typing: false,
            errors: Vec::new(),
        }
    }

    /// The moves to browse with `m`: each as a one-step routine with the words its filter
    /// finds and the figure its preview shows, drawn with `marker`.
    pub(crate) fn set_moves(
        &mut self,
        moves: Vec<(Entry, String, Option<Figure>)>,
        options: &PlanOptions,
        marker: Marker,
    ) {
        self.marker = marker;
        self.moves = moves
            .into_iter()
            .map(|(entry, words, figure)| Row {
                plan: Plan::new(&entry.id, &entry.routine, options),
                entry,
                words,
                figure,
            })
            .collect();
    }

    /// The rows of the list on show.
    fn shown(&self) -> &[Row] {
        match self.shelf {
            Shelf::Routines => &self.rows,
            Shelf::Moves => &self.moves,
        }
    }

    pub(crate) fn is_typing(&self) -> bool {
        self.typing
    }

    /// A filter kept after typing it (Enter): Esc clears it before it quits.
    pub(crate) fn is_filtered(&self) -> bool {
        !self.filter.is_empty()
    }

    fn visible(&self) -> Vec<&Row> {
        let needle = self.filter.to_lowercase();
        self.shown()
            .iter()
            .filter(|r| {
                needle.is_empty()
                    || [
                        r.entry.id.as_str(),
                        &r.entry.routine.name,
                        r.plan.kind.label(),
                        &r.words,
                    ]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect()
    }

    /// The routine Enter would start.
    pub fn current(&self) -> Option<&Row> {
        self.visible().get(self.selected).copied()
    }

    /// The session Enter starts: the marked routines in the order marked, else the selected
    /// one; `None` when the list shows nothing.
    pub fn chosen(&self) -> Option<Result<Lineup, LoadError>> {
        let chosen: Vec<Entry> = match self.marks.as_slice() {
            [] => vec![self.current()?.entry.clone()],
            marks => marks
                .iter()
                .map(|&i| self.shown()[i].entry.clone())
                .collect(),
        };
        Some(self.lineup_of(chosen))
    }

    /// The session of `chosen`, a combination's parts found among the picker's routines,
    /// each progressing routine at its current level.
    pub fn lineup_of(&self, chosen: Vec<Entry>) -> Result<Lineup, LoadError> {
        Lineup::of(chosen, &self.known).map(|l| l.at_levels(|e| self.level_of(&e.id)))
    }

    fn level_of(&self, id: &str) -> u32 {
        self.levels.get(id).map_or(1, |s| s.level)
    }

    /// Takes each progressing routine's standing from the history `known`, and plans it at
    /// its level.
    pub fn set_progress(&mut self, known: &Known) {
        self.levels = self
            .known
            .iter()
            .filter(|e| e.routine.progression.is_some())
            .map(|e| (e.id.clone(), progress::standing(known, e)))
            .collect();
        let plans: Vec<Option<Plan>> = self
            .rows
            .iter()
            .map(|row| {
                let lineup = self.lineup_of(vec![row.entry.clone()]).ok()?;
                Some(Plan::session(&lineup, &self.options))
            })
            .collect();
        for (row, plan) in self.rows.iter_mut().zip(plans) {
            if let Some(plan) = plan {
                row.plan = plan;
            }
        }
    }

    /// "Core: " and `say` of the standing of each routine of `levels` that progresses.
    pub(crate) fn say_levels(
        &self,
        levels: &[crate::routine::RanAt],
        say: impl Fn(&Standing, &str) -> String,
    ) -> Vec<String> {
        levels
            .iter()
            .filter_map(|ran| {
                let entry = self.known.iter().find(|e| e.id == ran.routine)?;
                let standing = self.levels.get(&ran.routine)?;
                Some(format!(
                    "{}: {}",
                    entry.routine.name,
                    say(standing, &entry.id)
                ))
            })
            .collect()
    }

    /// Marks the selected routine after the others, or unmarks it.
    fn toggle_mark(&mut self) {
        let Some(id) = self.current().map(|r| r.entry.id.clone()) else {
            return;
        };
        let Some(row) = self.shown().iter().position(|r| r.entry.id == id) else {
            return;
        };
        match self.marks.iter().position(|&m| m == row) {
            Some(at) => {
                self.marks.remove(at);
            }
            None => self.marks.push(row),
        }
    }

    /// The place (1-based) of `row` among the marked, if marked.
    fn mark_of(&self, row: &Row) -> Option<usize> {
        self.marks
            .iter()
            .position(|&m| self.shown()[m].entry.id == row.entry.id)
            .map(|at| at + 1)
    }

    /// Applies a list or filter action; returns false for actions it does not handle.
    pub fn act(&mut self, action: Action) -> bool {
        let count = self.visible().len();
        let last = count.saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::Filter => self.typing = true,
            Action::Mark => self.toggle_mark(),
            Action::Shelf => {
                self.shelf = match self.shelf {
                    Shelf::Routines if !self.moves.is_empty() => Shelf::Moves,
                    _ => Shelf::Routines,
                };
                self.marks.clear();
                self.selected = 0;
            }
            Action::FilterDone => self.typing = false,
            Action::FilterClear => {
                self.typing = false;
                self.filter.clear();
            }
            Action::FilterErase => {
                self.filter.pop();
            }
            Action::Type(c) => self.filter.push(c),
            _ => return false,
        }
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
        true
    }

    pub(crate) fn draw(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.is_empty() {
            return;
        }
        let rows = self.visible();
        let mut title = vec![Span::styled(" limberup", theme.strong())];
        match self.marks.len() {
            0 if self.shelf == Shelf::Moves => {
                title.push(Span::styled(" · try a move (m: the routines)", theme.dim()))
            }
            0 => title.push(Span::styled(" · pick a routine", theme.dim())),
            n => title.push(Span::styled(
                format!(" · {n} marked: Enter starts them as one session"),
                theme.dim(),
            )),
        }
        if self.typing || !self.filter.is_empty() {
            title.push(Span::raw("   "));
            title.push(Span::styled("/", theme.key()));
            title.push(Span::raw(self.filter.clone()));
            if self.typing {
                title.push(Span::styled("▏", theme.key()));
            }
        }
        Line::from(title).render(Rect { height: 1, ..area }, buf);
        let mut body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        if let Some(first) = self.errors.first()
            && body.height > 4
        {
            let more = match self.errors.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            // Wrapped, so its end (often a "did you mean") is read; the list keeps 4 rows.
            let lines = wrap(
                &format!("⚠ {first}{more}"),
                usize::from(body.width.saturating_sub(2)),
            );
            let room = usize::from(body.height - 4).min(ERROR_ROWS);
            body.height -= lines.len().min(room) as u16;
            for (y, line) in (body.bottom()..).zip(lines.iter().take(room)) {
                Line::styled(format!(" {line}"), theme.warning())
                    .render(Rect::new(body.x, y, body.width, 1), buf);
            }
        }
        if body.is_empty() {
            return;
        }
        let selected = rows.get(self.selected).copied();
        let longest = rows
            .iter()
            .map(|r| text::width(&r.entry.routine.name))
            .max()
            .unwrap_or(0);
        // Wide: list and preview side by side; narrow: the preview under the list.
        let (list, preview) = if body.width >= 80 {
            // As wide as the longest name with every column needs, within 34 to half.
            let need = u16::try_from(longest)
                .unwrap_or(u16::MAX)
                .saturating_add(FULL_TAIL + 6);
            let list_w = need.clamp(34, (body.width / 2).max(34));
            (
                Rect {
                    width: list_w,
                    ..body
                },
                Rect {
                    x: body.x + list_w,
                    width: body.width - list_w,
                    ..body
                },
            )
        } else {
            let want = rows.len().max(1) as u16 + 2;
            let list_h = if body.height >= 10 {
                want.min(body.height / 2)
            } else {
                body.height
            };
            (
                Rect {
                    height: list_h,
                    ..body
                },
                Rect {
                    y: body.y + list_h,
                    height: body.height - list_h,
                    ..body
                },
            )
        };
        self.draw_list(&rows, longest, list, buf, theme);
        let level = selected.and_then(|r| self.levels.get(&r.entry.id));
        let used = draw_preview(selected, level, preview, buf, theme);
        if let Some(figure) = selected.and_then(|row| row.figure.as_ref()) {
            self.draw_figure(figure, preview, used, buf, theme);
        }
    }

    /// The list of `rows`, whose longest name is `longest` columns wide.
    fn draw_list(
        &self,
        rows: &[&Row],
        longest: usize,
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
    ) {
        let what = match self.shelf {
            Shelf::Routines => "Routines",
            Shelf::Moves => "Moves",
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .title(format!(" {what} ({}) ", rows.len()));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if rows.is_empty() {
            let what = match self.shelf {
                Shelf::Routines => "routine",
                Shelf::Moves => "move",
            };
            Line::styled(format!(" No {what} matches the filter"), theme.dim())
                .render(Rect { height: 1, ..inner }, buf);
            return;
        }
        let height = usize::from(inner.height);
        let offset = (self.selected + 1).saturating_sub(height);
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let y = inner.y + (i - offset) as u16;
            let line = list_line(
                row,
                inner.width,
                longest,
                i == self.selected,
                self.mark_of(row),
            );
            let style = if i == self.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(line, style).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}

/// The most rows a routine file's error takes under the list.
const ERROR_ROWS: usize = 3;

/// A routine file's error as the picker shows it: its first line, the file named relative
/// to the routines directory `dir` (where it lies in it), as the user knows it.
pub(crate) fn shown_error(err: &LoadError, dir: Option<&std::path::Path>) -> String {
    let text = err.to_string();
    let first = text.lines().next().unwrap_or_default();
    let relative = dir
        .and_then(|dir| std::path::Path::new(&err.origin).strip_prefix(dir).ok())
        .map(|rest| rest.display().to_string());
    match relative {
        Some(rest) => first.replacen(&err.origin, &rest, 1),
        None => first.to_string(),
    }
}

impl Picker {
    /// A move's figure in its still pose, in the rows of the preview `area` below the
    /// `used` rows of text, when they leave room for one.
    fn draw_figure(&self, figure: &Figure, area: Rect, used: u16, buf: &mut Buffer, theme: &Theme) {
        let inner = Block::bordered().inner(area);
        let top = inner.y.saturating_add(used);
        let room = inner.bottom().saturating_sub(top);
        if room < MIN_SIZE.1 + 2 || inner.width < MIN_SIZE.0 {
            return;
        }
        let pose = figure.pose_at(None, PassMode::AsDrawn);
        FigureWidget {
            pose: &pose,
            frame: figure.frame(),
            view: figure.view,
            marker: self.marker,
            ink: theme.figure_ink(),
            trails: &[],
        }
        .render(Rect::new(inner.x, top + 1, inner.width, room - 1), buf);
    }
}

/// The list's columns after the name: kind, steps, time (`{kind:<9} {steps:>8} {time:>6}`).
const FULL_TAIL: u16 = 25;

/// `▸  Warm-up   warm-up  4 steps  6:12`, columns dropped as the width shrinks; a marked
/// routine shows its place among the marked (`▸2 Core`, `+` past 9).
fn list_line(row: &Row, width: u16, longest: usize, selected: bool, mark: Option<usize>) -> String {
    let width = usize::from(width);
    let pointer = if selected { '▸' } else { ' ' };
    let place = match mark {
        Some(n @ 1..=9) => char::from_digit(n as u32, 10).unwrap_or('+'),
        Some(_) => '+',
        None => ' ',
    };
    let marker = format!("{pointer}{place} ");
    let time = planned(&row.plan);
    let steps = wording::steps(row.plan.step_count());
    let kind = row.plan.kind.label();
    let name = &row.entry.routine.name;
    let tails = [
        format!("{kind:<9} {steps:>8} {time:>6}"),
        format!("{steps:>8} {time:>6}"),
        format!("{time:>6}"),
    ];
    let fits = |tail: &&String, name: usize| text::width(tail) + 4 + name <= width;
    // The most columns that leave every name whole, else the most that leave five columns
    // of a name (the time last).
    let tail = tails
        .iter()
        .find(|t| fits(t, longest))
        .or_else(|| tails.iter().find(|t| fits(t, 5)))
        .cloned()
        .unwrap_or_default();
    let room = width.saturating_sub(text::width(&tail) + 4);
    let name = text::pad(&text::ellipsize(name, room), room);
    format!("{marker}{name} {tail}")
}

/// Planned time; counted reps and open steps have none, so they are named beside it.
fn planned(plan: &Plan) -> String {
    let reps = plan.counted_reps() + plan.open_passes() as u32;
    if reps > 0 {
        format!("{}+", clock(plan.total()))
    } else {
        clock(plan.total())
    }
}

/// The planned total and what it cannot hold: the open steps, by name (`+ Your workout`),
/// and the counted reps, which take as long as they take.
fn total_text(plan: &Plan) -> String {
    let mut text = format!("Total {} with get-ready and rests", clock(plan.total()));
    let mut open: Vec<&str> = Vec::new();
    for step in &plan.steps {
        if matches!(step.work, WorkPlan::Open { .. }) && !open.contains(&step.name.as_str()) {
            open.push(&step.name);
        }
    }
    for name in open {
        text.push_str(&format!(" + {name}"));
    }
    match plan.counted_reps() {
        0 => {}
        1 => text.push_str(" + 1 counted rep"),
        n => text.push_str(&format!(" + {n} counted reps")),
    }
    text
}

/// What one pass of a step asks, e.g. `12 reps, 5 s each`, `10-15 reps`, `hold 20-30 s`,
/// then its passes and sets.
pub(crate) fn work_text(step: &StepPlan) -> String {
    let reps = |count: u32| match step.enough {
        Some(Enough::Reps(least)) => format!("{least}-{count} reps"),
        _ => format!("{count} reps"),
    };
    let mut work = match (&step.work, step.enough) {
        (WorkPlan::Hold(d), Some(Enough::Time(least))) => {
            format!("hold {}-{}", least.as_secs(), seconds(*d))
        }
        (WorkPlan::Hold(d), _) => format!("hold {}", seconds(*d)),
        (WorkPlan::Paced { count, tempo, .. }, _) => {
            format!("{}, {} each", reps(*count), seconds(*tempo))
        }
        (WorkPlan::Counted { count }, _) => format!("{}, your pace", reps(*count)),
        (WorkPlan::Open { .. }, _) => "your own workout, until you are done".to_string(),
    };
    if !step.passes.is_empty() {
        work.push_str(&format!(" · {}", step.passes.join(", ")));
    }
    if step.sets > 1 {
        work.push_str(&format!(" · {} sets", step.sets));
    }
    work
}

/// Draws the preview of `row` (with where its routine stands, `level`); returns how many
/// rows of text it took inside the border.
fn draw_preview(
    row: Option<&Row>,
    level: Option<&Standing>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> u16 {
    let Some(row) = row else {
        Block::bordered()
            .border_type(BorderType::Rounded)
            .render(area, buf);
        return 0;
    };
    let plan = &row.plan;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(
            format!(" {} ", row.entry.routine.name),
            theme.strong(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return 0;
    }
    let width = usize::from(inner.width.saturating_sub(1));
    let mut lines = Vec::new();
    let shape = match plan.parts.len() {
        1 => wording::shape(plan, 0),
        n => format!("{n} parts, {}", wording::steps(plan.step_count())),
    };
    let mut facts = format!(" {} · {shape} · {}", plan.kind.label(), clock(plan.total()));
    if let Some(s) = level {
        facts.push_str(&format!(" · Level {} of {}", s.level, s.levels));
    }
    if plan.counted_reps() > 0 {
        facts.push_str(&format!(" + {} reps at your pace", plan.counted_reps()));
    }
    lines.push(Line::styled(facts, theme.strong()));
    lines.push(Line::raw(""));
    let number_w = plan.step_count().to_string().len();
    // A circuit's steps are the same every round: the first round lists them; a session of
    // several routines lists each under its name.
    for step in plan.steps.iter().filter(|s| s.place.round == 0) {
        let place = step.place;
        if plan.parts.len() > 1 && place.number == 0 {
            let part = &plan.parts[place.part];
            lines.push(Line::styled(format!(" {}", part.name), theme.key()));
        }
        let time = step
            .work
            .duration()
            .map_or("—".to_string(), |_| clock(step.active_total()));
        let head = format!(" {:>number_w$}. {}", place.number + 1, step.name);
        let gap = width.saturating_sub(text::width(&head) + text::width(&time));
        lines.push(Line::from(vec![
            Span::styled(head, theme.strong()),
            Span::raw(" ".repeat(gap)),
            Span::raw(time),
        ]));
        let indent = " ".repeat(number_w + 3);
        for l in wrap(&work_text(step), width.saturating_sub(indent.len())) {
            lines.push(Line::styled(format!("{indent}{l}"), theme.dim()));
        }
    }
    for l in wrap(&total_text(plan), width) {
        lines.push(Line::styled(format!(" {l}"), theme.dim()));
    }
    if !row.entry.routine.description.is_empty() {
        lines.push(Line::raw(""));
        for l in wrap(&row.entry.routine.description, width) {
            lines.push(Line::raw(format!(" {l}")));
        }
    }
    let source = match &row.entry.source {
        Source::BuiltIn => "built-in".to_string(),
        Source::File(path) => path.display().to_string(),
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" id {} · {source}", row.entry.id),
        theme.dim(),
    ));
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    Paragraph::new(lines).render(inner, buf);
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Catalog;

    #[test]
    fn the_total_names_what_it_leaves_out() {
        let catalog = Catalog::load(None);
        let total = |id: &str| {
            let entry = catalog.find(id).unwrap();
            total_text(&plan_of(entry, &catalog.entries, &PlanOptions::default()))
        };
        assert_eq!(
            total("full-session"),
            "Total 7:52 with get-ready and rests + Your workout"
        );
        assert_eq!(total("cool-down"), "Total 2:20 with get-ready and rests");
    }

    #[test]
    fn a_routine_error_is_wrapped_whole_and_named_within_the_routines_dir() {
        let dir = std::path::Path::new("/home/me/.config/limberup/routines");
        let err = LoadError::single(
            "/home/me/.config/limberup/routines/walk.ron",
            "unknown field `setz` in `Step`; expected one of `name`, `cues`, `key_cue`, `work`, `sets` \
             (did you mean `sets`?)",
        );
        let shown = shown_error(&err, Some(dir));
        assert!(shown.starts_with("walk.ron: unknown field"), "{shown}");
        assert_eq!(shown_error(&err, None), err.to_string());

        let mut picker = Picker::new(Vec::new(), &PlanOptions::default());
        picker.errors = vec![shown];
        let area = Rect::new(0, 0, 60, 16);
        let mut buf = Buffer::empty(area);
        let theme = Theme::new(crate::config::Theme::default(), true);
        picker.draw(area, &mut buf, &theme);
        let screen: String = (0..16)
            .map(|y| (0..60).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("(did you mean `sets`?)"), "{screen}");
        assert!(screen.contains(" ⚠ walk.ron: unknown field"), "{screen}");
    }
}
