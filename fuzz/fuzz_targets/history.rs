//! History bytes -> parse: never a panic; every line is a record, a check-in joined to one,
//! or counted as skipped; no stored line longer than the bound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use limberup::history::parse;

fuzz_target!(|data: &[u8]| {
    let loaded = parse(data);
    let lines = data.split(|&b| b == b'\n').count();
    assert!(loaded.records.len() + loaded.skipped_total <= lines);
    assert!(loaded.skipped.len() <= loaded.skipped_total);
    for skipped in &loaded.skipped {
        assert!(skipped.line >= 1 && skipped.line <= lines);
    }
});
