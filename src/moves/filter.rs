//! What `limberup moves` and the picker filter the library by: words (in the id, the name
//! or an alias), a region, a kind, a position, equipment (`none` for moves that need none).

use super::library::Entry;
use super::model::{Equipment, Label, MoveKind, Position, Region};

/// A filter of moves; every part given must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: Option<String>,
    pub region: Option<Region>,
    pub kind: Option<MoveKind>,
    pub position: Option<Position>,
    /// `Some(None)`: needing nothing.
    pub equipment: Option<Option<Equipment>>,
}

/// A command-line label as one of `T`, or a message with the closest label and all of them.
pub fn parse_label<T: Label>(text: &str, what: &str) -> Result<T, String> {
    T::from_label(text).ok_or_else(|| {
        let labels = T::labels();
        let mut message = format!("no {what} `{text}`");
        if let Some(near) = crate::figure::closest(text, labels.iter().copied()) {
            message.push_str(&format!(" (did you mean `{near}`?)"));
        }
        message.push_str(&format!("; one of {}", labels.join(", ")));
        message
    })
}

/// `none`, or one piece of equipment.
pub fn parse_equipment(text: &str) -> Result<Option<Equipment>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    parse_label(text, "equipment").map(Some)
}

impl Filter {
    pub fn matches(&self, entry: &Entry) -> bool {
        let found = &entry.found;
        let words = self.text.as_deref().map(str::to_lowercase);
        let text = words.as_deref().is_none_or(|words| {
            words.split_whitespace().all(|word| {
                std::iter::once(&entry.id)
                    .chain(std::iter::once(&found.name))
                    .chain(&found.aliases)
                    .any(|name| name.to_lowercase().contains(word))
            })
        });
        text && self.region.is_none_or(|r| found.regions.contains(&r))
            && self.kind.is_none_or(|k| found.kind == k)
            && self.position.is_none_or(|p| found.position == p)
            && self.equipment.is_none_or(|e| match e {
                None => found.equipment.is_empty(),
                Some(e) => found.equipment.contains(&e),
            })
    }

    /// The entries of `entries` that match, in order.
    pub fn apply<'a>(&self, entries: &'a [Entry]) -> Vec<&'a Entry> {
        entries.iter().filter(|e| self.matches(e)).collect()
    }
}
