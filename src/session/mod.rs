//! The pure session core: a plan (routine -> timeline), the state machine that walks it on
//! a caller-supplied monotonic clock, the view it exposes, and the record it leaves.

mod allowed;
mod event;
mod machine;
mod plan;
mod record;
mod schedule;
mod tempo;
mod view;

pub use allowed::{Advance, Allowed};
pub use event::{Command, Event, STALL};
pub use machine::{MAX_CHANGES, MAX_PER_STEP, PREVIOUS_GRACE, Session};
pub use plan::{
    Enough, PartPlan, Phase, Place, Plan, PlanOptions, SCALE_RANGE, Segment, StepPlan, Timings,
    WorkPlan,
};
pub use record::{
    Outcome, PartRecord, PassRecord, SessionId, SessionRecord, StepRecord, StepStatus,
};
pub use view::{RangeView, RepBeat, RepsView, StopwatchView, View, ceil_secs};
