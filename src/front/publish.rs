//! What both front ends tell the world about a running session, from the same batches of
//! events: the status file (written at each phase change, pause, resume or change of
//! time; removed at the end) and the hook's events (`start`, `phase`, `step_end`, `end`).

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use super::hook::{HookCall, Hooks};
use crate::session::{Event, Session};
use crate::status::{self, Status};

/// Where sessions publish: the status file and the hook command (both `None` in tests
/// that want neither).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub status_file: Option<PathBuf>,
    pub hook: Option<Vec<String>>,
}

impl Reach {
    /// The usual status file and the config's hook.
    pub fn of(ctx: &crate::app::Context) -> Reach {
        Reach {
            status_file: status::status_file(),
            hook: ctx.config.hook.clone(),
        }
    }
}

/// The kinds of event the hook hears, in `LIMBERUP_EVENT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Start,
    Phase,
    StepEnd,
    End,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Start => "start",
            Kind::Phase => "phase",
            Kind::StepEnd => "step_end",
            Kind::End => "end",
        }
    }
}

/// The JSON line a hook reads on stdin: the event, when, and the status it concerns.
#[derive(Serialize)]
struct HookEvent<'a> {
    event: Kind,
    at: String,
    #[serde(flatten)]
    status: &'a Status,
}

/// Where a session's status goes; see the module doc.
#[derive(Debug, Default)]
pub struct Publisher {
    file: Option<PathBuf>,
    hooks: Option<Hooks>,
    started: bool,
    /// The status of the step under way, for its `step_end`.
    step: Option<(usize, Status)>,
    /// Writing the file failed once: said once.
    failed: bool,
    warning: Option<String>,
}

impl Publisher {
    /// Status to `reach`'s file, events to its hook command.
    pub fn new(reach: &Reach) -> Publisher {
        Publisher {
            file: reach.status_file.clone(),
            hooks: reach.hook.clone().map(Hooks::new),
            started: false,
            step: None,
            failed: false,
            warning: None,
        }
    }

    /// Follows a batch of `events` of `session` at wall time `wall`; returns a warning
    /// the first time the file cannot be written or the hook fails.
    pub fn follow(
        &mut self,
        session: &Session,
        events: &[Event],
        wall: DateTime<FixedOffset>,
    ) -> Option<String> {
        let mut changed = !self.started;
        let mut calls: Vec<(Kind, Status)> = Vec::new();
        if !std::mem::replace(&mut self.started, true) {
            calls.push((Kind::Start, Status::of(session, wall)));
        }
        for event in events {
            match *event {
                Event::Started(segment) => {
                    changed = true;
                    if let Some((step, status)) = self.step.take()
                        && step != segment.step
                    {
                        calls.push((Kind::StepEnd, ended(status)));
                    }
                    let status = if session.segment() == Some(&segment) {
                        Status::of(session, wall)
                    } else {
                        // Already over in this batch: what the plan says of it.
                        Status::at(session, Some(segment))
                    };
                    self.step = Some((segment.step, status.clone()));
                    calls.push((Kind::Phase, status));
                }
                Event::Finished { .. } => {
                    changed = true;
                    if let Some((_, status)) = self.step.take() {
                        calls.push((Kind::StepEnd, ended(status)));
                    }
                    calls.push((Kind::End, Status::of(session, wall)));
                }
                Event::Paused(_)
                | Event::Resumed(_)
                | Event::TimeChanged { .. }
                | Event::Stalled { .. } => changed = true,
                _ => {}
            }
        }
        if changed {
            self.write(session, wall);
        }
        if let Some(hooks) = &self.hooks {
            let at = wall.to_rfc3339_opts(SecondsFormat::Millis, true);
            for (kind, status) in &calls {
                hooks.send(call(*kind, &at, status));
            }
        }
        self.warning
            .take()
            .or_else(|| self.hooks.as_ref().and_then(Hooks::take_warning))
    }

    fn write(&mut self, session: &Session, wall: DateTime<FixedOffset>) {
        let Some(file) = &self.file else {
            return;
        };
        let result = if session.outcome().is_some() {
            status::clear(file)
        } else {
            status::write(file, &Status::of(session, wall))
        };
        if let Err(e) = result
            && !std::mem::replace(&mut self.failed, true)
        {
            self.warning = Some(format!(
                "cannot write the status file {}: {e}",
                file.display()
            ));
        }
    }
}

impl Drop for Publisher {
    /// A session that ends without a `Finished` (a crash) leaves no status behind.
    fn drop(&mut self) {
        if let (Some(file), Some(_)) = (&self.file, &self.step) {
            let _ = status::clear(file);
        }
    }
}

/// A step's last status as its end reports it: nothing left of it.
fn ended(status: Status) -> Status {
    Status {
        ends_at: None,
        left_secs: None,
        ..status
    }
}

/// The hook's call for `kind`: variables and the JSON line.
fn call(kind: Kind, at: &str, status: &Status) -> HookCall {
    let mut env = vec![
        ("LIMBERUP_EVENT".to_string(), kind.name().to_string()),
        ("LIMBERUP_SESSION".to_string(), status.session.clone()),
        ("LIMBERUP_ROUTINE".to_string(), status.routine.clone()),
        ("LIMBERUP_STEP".to_string(), status.step.clone()),
        ("LIMBERUP_PHASE".to_string(), status.phase.clone()),
        (
            "LIMBERUP_SIDE".to_string(),
            status.side.clone().unwrap_or_default(),
        ),
    ];
    if let Some(end) = status.ends_at {
        env.push((
            "LIMBERUP_ENDS_AT".to_string(),
            end.to_rfc3339_opts(SecondsFormat::Secs, true),
        ));
    }
    let json = serde_json::to_string(&HookEvent {
        event: kind,
        at: at.to_string(),
        status,
    })
    .unwrap_or_default();
    HookCall { env, json }
}
