//! The move file format: the serde types of `Move(...)`, and the words each enumeration
//! is filtered and shown by (`static-stretch`, `lower-back`).

use serde::{Deserialize, Serialize};

use crate::routine::Work;

/// A whole move file (its id is the file name).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Move", deny_unknown_fields)]
pub struct Move {
    pub name: String,
    /// Other names people know it by; searched by `moves TEXT`.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: MoveKind,
    pub regions: Vec<Region>,
    pub position: Position,
    /// What it needs besides the floor; empty for nothing.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// One run of the work per label (per side); empty for a single pass.
    #[serde(default)]
    pub passes: Vec<String>,
    /// The id of the figure that shows it.
    pub figure: String,
    pub cues: Vec<String>,
    pub breathing: String,
    /// The default dose of one pass, as a routine step writes it.
    pub work: Work,
    /// Sets of the default dose (all passes, this many times); one when absent.
    #[serde(default)]
    pub sets: Option<u32>,
    /// The evidence for the dose.
    pub sources: Vec<Evidence>,
}

/// One source of a move's dose: what it says in our words, and the ranges it supports,
/// which `validate` holds routines to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct Evidence {
    pub cite: String,
    pub says: String,
    /// Seconds of one hold.
    #[serde(default)]
    pub hold_secs: Option<(u32, u32)>,
    /// Repetitions a set.
    #[serde(default)]
    pub reps: Option<(u32, u32)>,
    #[serde(default)]
    pub sets: Option<(u32, u32)>,
    /// Seconds of static stretch per muscle (per pass) in one session.
    #[serde(default)]
    pub per_muscle_secs: Option<(u32, u32)>,
}

/// Names an enumeration's values as people type and read them.
pub trait Label: Copy + 'static {
    const ALL: &'static [Self];
    fn label(self) -> &'static str;

    fn from_label(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.label().eq_ignore_ascii_case(text))
    }

    fn labels() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.label()).collect()
    }
}

macro_rules! labelled {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        pub enum $name {
            $($variant),+
        }

        impl Label for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }
        }
    };
}

labelled!(
    /// What a move does to the body, which decides how it may be dosed.
    MoveKind {
        Mobility => "mobility",
        DynamicStretch => "dynamic-stretch",
        StaticStretch => "static-stretch",
        StrengthHold => "strength-hold",
        StrengthReps => "strength-reps",
    }
);

labelled!(
    /// A part of the body a move works.
    Region {
        Neck => "neck",
        UpperBack => "upper-back",
        Shoulders => "shoulders",
        Chest => "chest",
        Arms => "arms",
        Wrists => "wrists",
        Spine => "spine",
        LowerBack => "lower-back",
        Core => "core",
        Hips => "hips",
        HipFlexors => "hip-flexors",
        Glutes => "glutes",
        Hamstrings => "hamstrings",
        Quadriceps => "quadriceps",
        Adductors => "adductors",
        Calves => "calves",
        Ankles => "ankles",
    }
);

labelled!(
    /// How the body is placed for a move.
    Position {
        Standing => "standing",
        Kneeling => "kneeling",
        AllFours => "all-fours",
        Seated => "seated",
        Lying => "lying",
    }
);

labelled!(
    /// What a move needs besides the floor.
    Equipment {
        Wall => "wall",
        Chair => "chair",
        Doorway => "doorway",
        Towel => "towel",
        Step => "step",
    }
);
