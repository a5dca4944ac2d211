//! The routine picker: every routine with kind, steps and planned time, a preview of the
//! selected one, `/` to filter. Durations come from the plan, so config and `--scale` show.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::keymap::Action;
use super::theme::Theme;
use crate::clock::clock;
use crate::routine::{Entry, Source};
use crate::session::{Enough, Plan, PlanOptions, StepPlan, WorkPlan};
use crate::text::{self, wrap};
use crate::wording::seconds;

/// A routine as the list shows it.
pub struct Row {
    pub entry: Entry,
    pub plan: Plan,
}

pub struct Picker {
    rows: Vec<Row>,
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
            .into_iter()
            .map(|entry| Row {
                plan: Plan::new(&entry.id, &entry.routine, options),
                entry,
            })
            .collect();
        Picker {
            rows,
            selected: 0,
            filter: String::new(),
            typing: false,
            errors: Vec::new(),
        }
    }

    pub fn is_typing(&self) -> bool {
        self.typing
    }

    fn visible(&self) -> Vec<&Row> {
        let needle = self.filter.to_lowercase();
        self.rows
            .iter()
            .filter(|r| {
                needle.is_empty()
                    || [
                        r.entry.id.as_str(),
                        &r.entry.routine.name,
                        r.plan.kind.label(),
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

    pub fn draw(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.is_empty() {
            return;
        }
        let rows = self.visible();
        let mut title = vec![Span::styled(" limberup", theme.strong())];
        title.push(Span::styled(" · pick a routine", theme.dim()));
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
            let line = Line::styled(format!(" ⚠ {first}{more}"), theme.warning());
            body.height -= 1;
            line.render(Rect::new(body.x, body.bottom(), body.width, 1), buf);
        }
        if body.is_empty() {
            return;
        }
        let selected = rows.get(self.selected).copied();
        // Wide: list and preview side by side; narrow: the preview under the list.
        let (list, preview) = if body.width >= 80 {
            let list_w = (body.width * 2 / 5).clamp(34, 50);
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
        self.draw_list(&rows, list, buf, theme);
        draw_preview(selected, preview, buf, theme);
    }

    fn draw_list(&self, rows: &[&Row], area: Rect, buf: &mut Buffer, theme: &Theme) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .title(format!(" Routines ({}) ", rows.len()));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if rows.is_empty() {
            Line::styled(" No routine matches the filter", theme.dim())
                .render(Rect { height: 1, ..inner }, buf);
            return;
        }
        let height = usize::from(inner.height);
        let offset = (self.selected + 1).saturating_sub(height);
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let y = inner.y + (i - offset) as u16;
            let line = list_line(row, inner.width, i == self.selected);
            let style = if i == self.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(line, style).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}

/// `4 steps`, `1 step`.
fn steps(n: usize) -> String {
    format!("{n} step{}", if n == 1 { "" } else { "s" })
}

/// `▸ Warm-up   warm-up  4 steps  6:12`, columns dropped as the width shrinks.
fn list_line(row: &Row, width: u16, selected: bool) -> String {
    let width = usize::from(width);
    let marker = if selected { "▸ " } else { "  " };
    let time = planned(&row.plan);
    let steps = steps(row.plan.shape().0);
    let kind = row.plan.kind.label();
    let name = &row.entry.routine.name;
    let tail = [
        format!("{kind:<9} {steps:>8} {time:>6}"),
        format!("{steps:>8} {time:>6}"),
        format!("{time:>6}"),
        String::new(),
    ]
    .into_iter()
    .find(|t| text::width(t) + 8 <= width)
    .unwrap_or_default();
    let room = width.saturating_sub(text::width(&tail) + 3);
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

/// What one pass of a step asks, e.g. `12 reps, 5 s each`, `10-15 reps`, `hold 20-30 s`,
/// then its passes and sets.
pub fn work_text(step: &StepPlan) -> String {
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

fn draw_preview(row: Option<&Row>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(row) = row else {
        Block::bordered()
            .border_type(BorderType::Rounded)
            .render(area, buf);
        return;
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
        return;
    }
    let width = usize::from(inner.width.saturating_sub(1));
    let mut lines = Vec::new();
    let (steps, rounds) = plan.shape();
    let rounds = match rounds {
        1 => String::new(),
        n => format!(" x {n} rounds"),
    };
    let mut facts = format!(
        " {} · {}{rounds} · {}",
        plan.kind.label(),
        self::steps(steps),
        clock(plan.total())
    );
    if plan.counted_reps() > 0 {
        facts.push_str(&format!(" + {} reps at your pace", plan.counted_reps()));
    }
    lines.push(Line::styled(facts, theme.strong()));
    lines.push(Line::raw(""));
    let number_w = steps.to_string().len();
    // A circuit's steps are the same every round: the first round lists them.
    for (i, step) in plan.steps.iter().filter(|s| s.place.round == 0).enumerate() {
        let time = step
            .work
            .duration()
            .map_or("—".to_string(), |_| clock(step.active_total()));
        let head = format!(" {:>number_w$}. {}", i + 1, step.name);
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
    lines.push(Line::styled(
        format!(" Total {} with get-ready and rests", clock(plan.total())),
        theme.dim(),
    ));
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
    Paragraph::new(lines).render(inner, buf);
}
