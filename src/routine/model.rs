//! The routine file format: the serde types users write by hand in RON.
//! Optional timings stay `Option` so config defaults apply only where a file is silent.

use serde::{Deserialize, Serialize};

use super::grow::Progression;
use super::phase::RepPhase;

/// A whole routine file: steps of its own, or `parts`, the ids of other routines to run in
/// order as one session (a combination, which can be saved and shared as a file).
///
/// `S` is the step as read (`WrittenStep`, where a `move` may stand for the rest) or as
/// meant (`Step`, every move filled in), which is all the rest of the code sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub struct Routine<S = Step> {
    pub name: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Get-ready countdown before each step; `None` falls back to the config default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepare_secs: Option<u32>,
    /// Rest between steps (none after the last).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_secs: Option<u32>,
    /// Pause between the passes of a step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_secs: Option<u32>,
    /// Run all the steps this many times, as a circuit (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<u32>,
    /// Rest between rounds; `None` falls back to the routine's rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_rest_secs: Option<u32>,
    /// Required unless `parts` is given (exactly one of the two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<S>,
    /// A combination: the ids of the routines it runs, in order. Their steps stay theirs
    /// (and their timings); `rest_secs` is then the rest between two parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    /// How the routine grows, level by level (`None`: it stays as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progression: Option<Progression>,
}

/// What a routine is for; shown in lists and used to sort them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    WarmUp,
    CoolDown,
    Other,
}

impl Kind {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::WarmUp => "warm-up",
            Kind::CoolDown => "cool-down",
            Kind::Other => "other",
        }
    }
}

/// One exercise of a routine, as meant: a `move:` step has its move's fields filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The id of the move this step does, which gave what the step did not write.
    #[serde(rename = "move", default, skip_serializing_if = "Option::is_none")]
    pub move_id: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// The cue that matters most, by its number (from 1): a small screen that has room for
    /// only some cues drops the others first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_cue: Option<u32>,
    pub work: Work,
    /// One run of the work per label ("Left", "Right"); empty means a single unnamed pass.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepare_secs: Option<u32>,
    /// Rest after this step, overriding the routine's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_secs: Option<u32>,
    /// Run all the passes this many times (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
    /// Rest between sets; `None` falls back to the step's rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_rest_secs: Option<u32>,
    /// The id of the figure that shows the move (`"cat-cow"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
}

/// The effort of one pass of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Work {
    /// A timed hold: `secs`, or a range from `secs` up to `up_to` (run to `up_to` when left
    /// alone, ended as done any time after `secs`).
    Hold {
        secs: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        up_to: Option<u32>,
    },
    /// Repetitions: paced by `tempo_secs` (or by phases that each give their seconds),
    /// otherwise counted by key presses.
    Reps {
        count: u32,
        /// A range's upper bound: `count` up to `up_to` reps ("10-15 reps").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        up_to: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tempo_secs: Option<f64>,
        /// The parts of each paced rep with their cues (breath cues): labels share the rep
        /// equally, or each gives its own seconds.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        phases: Vec<RepPhase>,
    },
    /// Open-ended work (a workout of your own): a stopwatch that runs until you say you are
    /// done, with `reminders` said in turn every `remind_every_mins` minutes.
    Open {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        remind_every_mins: Option<u32>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        reminders: Vec<String>,
    },
}

impl Work {
    /// True for reps the user counts with a key press (no planned time): neither a tempo
    /// nor phases with their own seconds.
    pub fn is_counted(&self) -> bool {
        match self {
            Work::Reps {
                tempo_secs: None,
                phases,
                ..
            } => phases.iter().all(|p| p.secs.is_none()),
            _ => false,
        }
    }
}

impl<S> Routine<S> {
    /// This routine with `steps` in place of its own (of another kind: written -> meant).
    pub(crate) fn with_steps<T>(self, steps: Vec<T>) -> Routine<T> {
        Routine {
            name: self.name,
            kind: self.kind,
            description: self.description,
            prepare_secs: self.prepare_secs,
            rest_secs: self.rest_secs,
            switch_secs: self.switch_secs,
            rounds: self.rounds,
            round_rest_secs: self.round_rest_secs,
            steps,
            parts: self.parts,
            progression: self.progression,
        }
    }
}

impl Routine {
    /// A routine of `steps` with every optional field left out.
    pub fn new(name: impl Into<String>, kind: Kind, steps: Vec<Step>) -> Routine {
        Routine {
            name: name.into(),
            kind,
            description: String::new(),
            prepare_secs: None,
            rest_secs: None,
            switch_secs: None,
            rounds: None,
            round_rest_secs: None,
            steps,
            parts: Vec::new(),
            progression: None,
        }
    }

    /// Whether this routine runs other routines (`parts`) instead of steps of its own.
    pub fn is_combination(&self) -> bool {
        !self.parts.is_empty()
    }

    /// A copy with `f` applied to every text: the name, description, and each step's name,
    /// cues, pass and phase labels.
    pub(crate) fn map_text(&self, f: impl Fn(&str) -> String) -> Routine {
        let all = |texts: &[String]| texts.iter().map(|t| f(t)).collect();
        Routine {
            name: f(&self.name),
            description: f(&self.description),
            steps: self
                .steps
                .iter()
                .map(|step| Step {
                    name: f(&step.name),
                    cues: all(&step.cues),
                    passes: all(&step.passes),
                    work: match &step.work {
                        Work::Reps {
                            count,
                            up_to,
                            tempo_secs,
                            phases,
                        } => Work::Reps {
                            count: *count,
                            up_to: *up_to,
                            tempo_secs: *tempo_secs,
                            phases: phases
                                .iter()
                                .map(|p| RepPhase {
                                    label: f(&p.label),
                                    secs: p.secs,
                                })
                                .collect(),
                        },
                        Work::Open {
                            remind_every_mins,
                            reminders,
                        } => Work::Open {
                            remind_every_mins: *remind_every_mins,
                            reminders: all(reminders),
                        },
                        hold => hold.clone(),
                    },
                    ..step.clone()
                })
                .collect(),
            ..self.clone()
        }
    }
}

impl Step {
    /// A step doing `work` once, with every optional field left out: what a file with only
    /// `name` and `work` reads as.
    pub fn new(name: impl Into<String>, work: Work) -> Step {
        Step {
            name: name.into(),
            cues: Vec::new(),
            key_cue: None,
            work,
            passes: Vec::new(),
            prepare_secs: None,
            rest_secs: None,
            sets: None,
            set_rest_secs: None,
            figure: None,
            move_id: None,
        }
    }
}

/// One step as a routine file writes it: with a `move`, every other field is optional and
/// replaces the move's; without, `name` and `work` are required.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct WrittenStep {
    #[serde(rename = "move", default)]
    pub(crate) move_id: Option<String>,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) cues: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) key_cue: Option<u32>,
    #[serde(default)]
    pub(crate) work: Option<Work>,
    #[serde(default)]
    pub(crate) passes: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) prepare_secs: Option<u32>,
    #[serde(default)]
    pub(crate) rest_secs: Option<u32>,
    #[serde(default)]
    pub(crate) sets: Option<u32>,
    #[serde(default)]
    pub(crate) set_rest_secs: Option<u32>,
    #[serde(default)]
    pub(crate) figure: Option<String>,
}
