//! The skeleton: named joints and the bones between them, a tree hung from the pelvis, so
//! poses can be blended bone by bone (a limb keeps its length mid-move) and drawn limb by limb.

/// One named point of the body. The spine has a few points (pelvis, waist, chest, neck) so a
/// back can round and arch; `neck` is its top, between the shoulders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Joint {
    Pelvis,
    Waist,
    Chest,
    Neck,
    Head,
    ShoulderL,
    ElbowL,
    HandL,
    ShoulderR,
    ElbowR,
    HandR,
    HipL,
    KneeL,
    FootL,
    ToeL,
    HipR,
    KneeR,
    FootR,
    ToeR,
}

/// The number of joints in a pose.
pub const JOINTS: usize = 19;

/// What a bone is, for how thick it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limb {
    Trunk,
    Neck,
    Girdle,
    UpperArm,
    Forearm,
    Thigh,
    Shin,
    Foot,
}

impl Joint {
    /// Every joint, each after its parent.
    pub const ALL: [Joint; JOINTS] = [
        Joint::Pelvis,
        Joint::Waist,
        Joint::Chest,
        Joint::Neck,
        Joint::Head,
        Joint::ShoulderL,
        Joint::ElbowL,
        Joint::HandL,
        Joint::ShoulderR,
        Joint::ElbowR,
        Joint::HandR,
        Joint::HipL,
        Joint::KneeL,
        Joint::FootL,
        Joint::ToeL,
        Joint::HipR,
        Joint::KneeR,
        Joint::FootR,
        Joint::ToeR,
    ];

    /// The joint's place in `ALL` and in a pose.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The name written in figure files.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Joint::Pelvis => "pelvis",
            Joint::Waist => "waist",
            Joint::Chest => "chest",
            Joint::Neck => "neck",
            Joint::Head => "head",
            Joint::ShoulderL => "shoulder_l",
            Joint::ElbowL => "elbow_l",
            Joint::HandL => "hand_l",
            Joint::ShoulderR => "shoulder_r",
            Joint::ElbowR => "elbow_r",
            Joint::HandR => "hand_r",
            Joint::HipL => "hip_l",
            Joint::KneeL => "knee_l",
            Joint::FootL => "foot_l",
            Joint::ToeL => "toe_l",
            Joint::HipR => "hip_r",
            Joint::KneeR => "knee_r",
            Joint::FootR => "foot_r",
            Joint::ToeR => "toe_r",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Joint> {
        Joint::ALL.into_iter().find(|j| j.name() == name)
    }

    /// The joint this one hangs from; the pelvis is the root.
    pub fn parent(self) -> Option<Joint> {
        use Joint::*;
        Some(match self {
            Pelvis => return None,
            Waist | HipL | HipR => Pelvis,
            Chest => Waist,
            Neck => Chest,
            Head | ShoulderL | ShoulderR => Neck,
            ElbowL => ShoulderL,
            HandL => ElbowL,
            ElbowR => ShoulderR,
            HandR => ElbowR,
            KneeL => HipL,
            FootL => KneeL,
            ToeL => FootL,
            KneeR => HipR,
            FootR => KneeR,
            ToeR => FootR,
        })
    }

    /// The bone from the parent to this joint, by what it is.
    pub(crate) fn limb(self) -> Option<Limb> {
        use Joint::*;
        Some(match self {
            Pelvis => return None,
            Waist | Chest | Neck => Limb::Trunk,
            Head => Limb::Neck,
            ShoulderL | ShoulderR | HipL | HipR => Limb::Girdle,
            ElbowL | ElbowR => Limb::UpperArm,
            HandL | HandR => Limb::Forearm,
            KneeL | KneeR => Limb::Thigh,
            FootL | FootR => Limb::Shin,
            ToeL | ToeR => Limb::Foot,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_parents_come_first() {
        for (i, joint) in Joint::ALL.into_iter().enumerate() {
            assert_eq!(joint.index(), i);
            if let Some(parent) = joint.parent() {
                assert!(parent.index() < i, "{joint:?} before its parent");
            }
        }
    }

    #[test]
    fn names_round_trip_and_are_unique() {
        for joint in Joint::ALL {
            assert_eq!(Joint::from_name(joint.name()), Some(joint));
        }
        assert_eq!(Joint::from_name("elbow"), None);
    }
}
