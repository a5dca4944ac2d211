//! One phase of a paced rep as written in a file: a label alone (`"Inhale"`, an equal share
//! of the rep) or a label with its own seconds (`("Hold the stretch", 4)`), so one part of
//! a rep can last longer than another. Read by a small visitor rather than an untagged enum,
//! which ron mishandles.

use std::fmt;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A phase of a paced rep: its cue, and its length when the file gives one.
#[derive(Debug, Clone, PartialEq)]
pub struct RepPhase {
    pub label: String,
    /// Seconds of this phase; `None` shares the rep's `tempo_secs` equally.
    pub secs: Option<f64>,
}

impl RepPhase {
    /// A phase that shares the rep equally with the others.
    pub fn label(label: impl Into<String>) -> RepPhase {
        RepPhase {
            label: label.into(),
            secs: None,
        }
    }

    /// A phase with its own length.
    pub fn timed(label: impl Into<String>, secs: f64) -> RepPhase {
        RepPhase {
            label: label.into(),
            secs: Some(secs),
        }
    }
}

/// What a phase is, for ron's "expected ..." errors.
const EXPECTED: &str = "a phase: a label in double quotes, or a label and its seconds, \
                        e.g. `(\"Hold the stretch\", 4)`";

struct PhaseVisitor;

impl<'de> Visitor<'de> for PhaseVisitor {
    type Value = RepPhase;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, label: &str) -> Result<RepPhase, E> {
        Ok(RepPhase::label(label))
    }

    fn visit_string<E: de::Error>(self, label: String) -> Result<RepPhase, E> {
        Ok(RepPhase::label(label))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RepPhase, A::Error> {
        let label: String = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let secs: f64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(3, &self));
        }
        Ok(RepPhase::timed(label, secs))
    }
}

impl<'de> Deserialize<'de> for RepPhase {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RepPhase, D::Error> {
        deserializer.deserialize_any(PhaseVisitor)
    }
}

impl Serialize for RepPhase {
    /// As written: a label alone, or `(label, secs)`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.secs {
            None => serializer.serialize_str(&self.label),
            Some(secs) => {
                let mut tuple = serializer.serialize_tuple(2)?;
                tuple.serialize_element(&self.label)?;
                tuple.serialize_element(&secs)?;
                tuple.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<RepPhase>, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn labels_and_timed_phases_read_side_by_side() {
        assert_eq!(
            read(r#"["Inhale", ("Hold", 4), ("Return", 2.5)]"#),
            Ok(vec![
                RepPhase::label("Inhale"),
                RepPhase::timed("Hold", 4.0),
                RepPhase::timed("Return", 2.5),
            ])
        );
    }

    #[test]
    fn a_phase_is_a_label_or_a_pair() {
        for bad in [
            r#"[("Hold")]"#,
            r#"[("Hold", 4, 5)]"#,
            "[4]",
            r#"[("Hold", "x")]"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phases_write_back_as_read() {
        let phases = vec![RepPhase::label("In"), RepPhase::timed("Hold", 4.0)];
        let text = ron::to_string(&phases).unwrap();
        assert_eq!(read(&text), Ok(phases));
    }
}
