//! The built-in move library: every move loads, names a figure that exists and fits its
//! work, gives 3-5 cues and a default dose inside every range its sources state.

use limberup::figure;
use limberup::moves::{self, CUES, Library, outside};

#[test]
fn every_built_in_move_loads_with_its_figure() {
    let library = moves::builtin();
    let errors: Vec<String> = library.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(library.entries.len(), moves::builtins().len());
    let figures = figure::Library::load(None);
    for entry in &library.entries {
        let shown = figures.get(&entry.found.figure);
        assert!(shown.is_some(), "{}: no figure", entry.id);
        assert!(CUES.contains(&entry.found.cues.len()), "{}", entry.id);
        assert!(!entry.found.regions.is_empty(), "{}", entry.id);
    }
}

#[test]
fn the_library_covers_sixty_moves_in_every_position_and_the_big_three() {
    use limberup::moves::Position;
    let library = moves::builtin();
    assert!(library.entries.len() >= 60, "{}", library.entries.len());
    for position in [
        Position::Standing,
        Position::Kneeling,
        Position::Seated,
        Position::Lying,
    ] {
        assert!(library.entries.iter().any(|e| e.found.position == position));
    }
    for id in ["curl-up", "side-plank", "bird-dog"] {
        assert!(library.find(id).is_some(), "{id}");
    }
}

#[test]
fn every_built_in_default_dose_lies_within_its_stated_evidence() {
    for entry in &moves::builtin().entries {
        let found = &entry.found;
        assert!(!found.sources.is_empty(), "{} cites nothing", entry.id);
        for source in &found.sources {
            assert_eq!(
                outside(&found.work, found.sets, source),
                None,
                "{} against {}",
                entry.id,
                source.cite
            );
        }
    }
}

#[test]
fn the_big_three_and_static_stretches_cite_their_ranges() {
    let library = moves::builtin();
    let hold = |id: &str| {
        library
            .find(id)
            .unwrap_or_else(|| panic!("{id}"))
            .found
            .sources
            .iter()
            .find_map(|s| s.hold_secs)
    };
    assert_eq!(hold("side-plank"), Some((7, 10)));
    assert_eq!(hold("forward-fold"), Some((10, 30)));
}

#[test]
fn a_user_move_replaces_a_built_in_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let text = moves::builtins()
        .iter()
        .find(|(id, _)| *id == "plank")
        .unwrap()
        .1
        .replace("name: \"Plank\"", "name: \"My plank\"");
    std::fs::write(dir.path().join("plank.ron"), text).unwrap();
    let library = Library::load(Some(dir.path()), &figure::Library::load(None));
    assert_eq!(library.find("plank").unwrap().found.name, "My plank");
    assert_eq!(library.entries.len(), moves::builtins().len());
    assert_eq!(library.notices.len(), 1, "{:?}", library.notices);
    assert!(library.notices[0].contains("replaces the built-in move `plank`"));
}
